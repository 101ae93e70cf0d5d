//! How a case is kept and moved: the stored record and its migrations, the
//! packing that makes it small, the export file, JSON paths for errors, and
//! the passphrase vault's formats.

pub mod export;
pub mod index;
pub mod packing;
pub mod schema;
pub mod vault;
