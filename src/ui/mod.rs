//! The user interface: a thin Leptos layer over the domain and storage,
//! one folder per part a worker sees.
//!
//! - [`app`]: the shell, its header and notices, and the routes;
//! - [`cases`]: the case list, a case's overview and its pages, import,
//!   the export dialog;
//! - [`tools`]: one folder per tool (editor, check, print), and the print
//!   page that picks a tool's print;
//! - [`settings`] and [`lock`] (the passphrase lock);
//! - [`components`]: fields, choices, the per-child tabs;
//! - [`state`]: what every page shares: the app's state, the open case,
//!   drafts, exporting;
//! - [`platform`]: what the browser does for us (download, focus, dates,
//!   speech, offline).
//!
//! Each builds only on those listed after it, but `cases` on `settings`
//! and `lock`, and `settings` on `lock` (`tests/layers.rs`).

pub mod app;
pub mod cases;
pub mod components;
pub mod lock;
pub mod platform;
pub mod settings;
pub mod state;
pub mod tools;
