//! Kinplan: plans made with families, kept on the worker's device.
//!
//! This crate is the web app; the rules are `kinplan_core`, which has no
//! browser in it:
//! - [`domain`]: `kinplan_core::domain`, re-exported: what a case is, its
//!   stored and exported forms, and the rules that read it.
//! - [`route`]: the hash routes that let the site live in any folder.
//! - [`storage`]: the core's storage, with the browser's `localStorage`
//!   and WebCrypto under it.
//! - [`ui`]: Leptos components, one module per page or tool, kept thin:
//!   they call the domain for decisions and the repository for writes.

pub use kinplan_core::domain;
pub mod route;
pub mod storage;
pub mod ui;

pub use ui::app::App;

/// The version shown in the footer and written into nothing else.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
