//! Everything Kinplan keeps, behind one interface, with no browser in it.
//!
//! - [`Store`] is a key-value store of text. The web app's `BrowserStore`
//!   is the browser's `localStorage`; [`MemoryStore`] an in-memory one
//!   that host tests share between simulated tabs and tell to fail.
//! - [`Repository`] owns every case record and the index over any store,
//!   and keeps the rules: revisions never go backwards, no save lands on a
//!   version it did not load, an import is all or nothing.
//! - [`SaveState`] is where one open case stands: loaded revision, unsaved
//!   edits, and what the last write said.
//! - [`vault::Vault`] is the passphrase lock over any store and any
//!   [`vault::Cipher`].
//!
//! Layout in storage:
//! - `kinplan.index`: the [`CaseIndex`](crate::domain::persist::index::CaseIndex),
//!   read when the app opens;
//! - `kinplan.case.<id>`: one [`StoredCase`] per case, read when it opens;
//! - `kinplan.draft.<case id>.<form>`: a form's values before it is
//!   submitted;
//! - `kinplan.profile`, `kinplan.child-lock`, `kinplan.vault`, and
//!   `kinplan.journal` while an import is being written.

mod repository;
mod session;
mod store;
pub mod vault;

pub use repository::{Listed, Repository, Saved, JOURNAL_KEY};
pub use session::{Next, SaveState, SaveStatus};
pub use store::{Fault, MemoryStore, Store};

use uuid::Uuid;

use crate::domain::persist::schema::StoredCase;

pub const INDEX_KEY: &str = "kinplan.index";
/// The device's practice profile; England's defaults when absent.
pub const PROFILE_KEY: &str = "kinplan.profile";
/// Set while a child has the screen (see the web app's `ui::tools::child_voice`).
pub const CHILD_LOCK_KEY: &str = "kinplan.child-lock";
const CASE_PREFIX: &str = crate::domain::persist::schema::CASE_KEY_PREFIX;

/// Chromium and Firefox allow about 5 million characters per site.
pub const QUOTA_ESTIMATE_CHARS: usize = 5 * 1024 * 1024;

pub fn case_key(id: Uuid) -> String {
    format!("{CASE_PREFIX}{id}")
}

/// The case id a storage key belongs to, if it is a case key.
pub fn case_id_of_key(key: &str) -> Option<Uuid> {
    key.strip_prefix(CASE_PREFIX)?.parse().ok()
}

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    QuotaFull { used: usize },
    /// Another tab saved this case since we loaded it.
    Conflict,
    /// The stored case was written by a newer app: never overwrite it.
    NewerInStorage,
    /// Storage is switched off or refused the write for another reason.
    Unavailable(String),
    /// An all-or-nothing write failed, and putting back what it had
    /// written failed too. What is left is put back when Kinplan next opens.
    PartlyWritten {
        error: Box<SaveError>,
        put_back: Box<SaveError>,
    },
}

impl SaveError {
    /// A few words for the always-visible status line.
    pub fn summary(&self) -> &'static str {
        match self {
            SaveError::QuotaFull { .. } => "storage is full",
            SaveError::Conflict => "changed in another tab",
            SaveError::NewerInStorage => "saved by a newer version",
            SaveError::Unavailable(_) => "the browser refused",
            SaveError::PartlyWritten { .. } => "only partly saved",
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::QuotaFull { used } => write!(
                f,
                "the browser's storage for this site is full (Kinplan is using {} of about {}). Export a backup, then delete cases you no longer need",
                human_size(*used),
                human_size(QUOTA_ESTIMATE_CHARS)
            ),
            SaveError::Conflict => write!(f, "this case was changed in another tab or window"),
            SaveError::NewerInStorage => write!(f, "a newer version of Kinplan saved this case, so this version will not overwrite it"),
            SaveError::Unavailable(why) => write!(f, "the browser refused to save ({why})"),
            SaveError::PartlyWritten { error, put_back } => write!(f, "{error}; and what had been written could not be undone ({put_back}), so it will be undone when Kinplan next opens. Reload Kinplan before doing anything else"),
        }
    }
}

/// What opening a case found.
#[derive(Clone, Debug, PartialEq)]
pub enum CaseFault {
    /// No record under this id: deleted, or a wrong link.
    Missing,
    /// The record is not readable. `raw` is offered as a download.
    Damaged { raw: String, why: String },
    /// A newer app wrote it. `readable` is set when this app can still show it.
    Newer {
        raw: String,
        version: u32,
        readable: Option<Box<StoredCase>>,
    },
}

/// Sizes for people: storage counts characters, shown here as bytes of UTF-16.
pub fn human_size(chars: usize) -> String {
    let bytes = chars as f64 * 2.0;
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KB", (bytes / 1024.0).ceil())
    }
}
