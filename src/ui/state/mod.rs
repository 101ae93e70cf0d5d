//! What every page shares: the app's state ([`AppState`]), the open case
//! ([`OpenCase`]) with its keyed rows, forms' drafts, and exporting. The
//! pages of `cases`, `tools`, `settings` and `lock` build on it; it builds
//! only on `platform`.

mod app_state;
pub mod draft;
pub mod export;
pub mod keyed;
mod open_case;

pub use app_state::{AppState, Notice, Undo};
pub use open_case::{OpenCase, WorkerHere, SAVE_DELAY_MS};
