//! Cases: the list on the first page, one case's overview, the open case's
//! session with storage, import and export, and forms' drafts.

pub mod export;
pub mod import;
pub mod list;
pub mod overview;
mod people;
pub mod records;
pub mod session;
