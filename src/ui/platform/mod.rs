//! What the browser does for the app: downloads, focus, today's date,
//! reading aloud, working offline, fetching the app's pieces, and giving
//! each page an owner of its own.

pub mod browser;
pub mod offline;
pub mod pieces;
pub mod scope;
pub mod speech;
