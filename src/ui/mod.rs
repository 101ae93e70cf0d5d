//! The user interface: a thin Leptos layer over the domain and storage,
//! one folder per part a worker sees.
//!
//! - [`app`]: the shell, its header and notices, and the print page;
//! - [`cases`]: the case list, a case's overview, the open case's session
//!   with storage, import, export and drafts;
//! - [`tools`]: one folder per tool (editor, check, print):
//!   `safety_map`, `plans`, `child_voice`, `resilience`;
//! - [`settings`] and [`lock`] (the passphrase lock);
//! - [`components`]: fields, keyed rows, the per-child tabs;
//! - [`platform`]: what the browser does for us (download, focus, dates,
//!   speech, offline).

pub mod app;
pub mod cases;
pub mod components;
pub mod lock;
pub mod platform;
pub mod settings;
pub mod tools;
