//! What the browser does for the app: downloads, focus, today's date,
//! reading aloud, and working offline.

pub mod browser;
pub mod offline;
pub mod speech;
