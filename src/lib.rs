//! Kinplan: plans made with families, kept on the worker's device.
//!
//! The shape of the crate follows the product:
//! - [`domain`]: what a case is, its stored and exported forms, and the
//!   rules that read it. Pure Rust, tested on the host.
//! - [`route`]: the hash routes that let the site live in any folder.
//! - [`storage`]: the single adapter over the browser's `localStorage`.
//! - [`ui`]: Leptos components, one module per page or tool, kept thin:
//!   they call the domain for decisions and the storage adapter for writes.

pub mod domain;
pub mod route;
pub mod storage;
pub mod ui;

pub use ui::app::App;

/// The version shown in the footer and written into nothing else.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
