//! Where one open case stands with storage, as a plain state machine: the
//! revision it loaded, whether it holds unsaved edits, and what the last
//! write said. The UI's `OpenCase` keeps one per open case and shows its
//! [`SaveStatus`]; the host simulation drives many at once.
//!
//! Edits are made to the case itself; the session only hears that one
//! happened ([`SaveState::edited`]) and writes the case when asked
//! ([`SaveState::flush`]). A write is refused, never forced, when another
//! tab saved first: the worker then chooses to keep both or keep theirs.

use chrono::{DateTime, Utc};

use super::{Repository, SaveError, Saved, Store};
use crate::domain::persist::schema::StoredCase;
use crate::domain::Case;

/// Where the open case stands with storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved(DateTime<Utc>),
    Saving,
    NotSaved(SaveError),
    /// Another tab saved this case while this one had unsaved edits.
    Conflict,
    ReadOnly(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct SaveState {
    revision: u64,
    dirty: bool,
    status: SaveStatus,
}

/// What a step asks of the caller beyond the new status.
#[derive(Debug, PartialEq)]
pub enum Next {
    Nothing,
    /// Show this version from storage in place of the one on screen.
    Show(Box<StoredCase>),
}

impl SaveState {
    pub fn opened(stored: &StoredCase, read_only: Option<String>) -> SaveState {
        SaveState {
            revision: stored.revision,
            dirty: false,
            status: match read_only {
                Some(why) => SaveStatus::ReadOnly(why),
                None => SaveStatus::Saved(stored.case.updated),
            },
        }
    }

    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn is_read_only(&self) -> bool {
        matches!(self.status, SaveStatus::ReadOnly(_))
    }

    /// Whether this tab holds changes storage refused: a clash with
    /// another tab, or a failed write. Closing the case would lose them.
    pub fn has_unsaved_trouble(&self) -> bool {
        matches!(self.status, SaveStatus::Conflict | SaveStatus::NotSaved(_))
    }

    /// The case on screen was changed.
    pub fn edited(&mut self) {
        if self.is_read_only() {
            return;
        }
        self.dirty = true;
        if !matches!(self.status, SaveStatus::Conflict | SaveStatus::Saving) {
            self.status = SaveStatus::Saving;
        }
    }

    /// A write that failed after it was accepted (an encrypted write
    /// behind the save): the case must be saved again, or, if another tab
    /// saved it meanwhile, the worker chooses as in any clash.
    pub fn write_failed(&mut self, error: SaveError) {
        self.dirty = true;
        self.status = match error {
            SaveError::Conflict => SaveStatus::Conflict,
            error => SaveStatus::NotSaved(error),
        };
    }

    /// Writes pending edits now. Returns what was written, if anything.
    pub fn flush<S: Store>(&mut self, repo: &Repository<S>, case: &Case) -> Option<Saved> {
        if !self.dirty || matches!(self.status, SaveStatus::Conflict | SaveStatus::ReadOnly(_)) {
            return None;
        }
        let result = repo.save_case(case, self.revision);
        self.after_save(result)
    }

    fn after_save(&mut self, result: Result<Saved, SaveError>) -> Option<Saved> {
        match result {
            Ok(saved) => {
                self.revision = saved.revision;
                self.dirty = false;
                self.status = SaveStatus::Saved(saved.at);
                Some(saved)
            }
            Err(SaveError::Conflict) => {
                self.status = SaveStatus::Conflict;
                None
            }
            Err(e) => {
                self.status = SaveStatus::NotSaved(e);
                None
            }
        }
    }

    /// Another tab wrote this case. Take its version if this one has
    /// nothing unsaved; otherwise the worker chooses.
    pub fn saved_elsewhere<S: Store>(&mut self, repo: &Repository<S>, id: uuid::Uuid) -> Next {
        if self.is_read_only() || repo.stored_revision(id) == Some(self.revision) {
            return Next::Nothing;
        }
        if self.dirty {
            self.status = SaveStatus::Conflict;
            return Next::Nothing;
        }
        self.take_stored(repo, id)
    }

    fn take_stored<S: Store>(&mut self, repo: &Repository<S>, id: uuid::Uuid) -> Next {
        match repo.load_case(id) {
            Ok(stored) => {
                self.revision = stored.revision;
                self.dirty = false;
                self.status = SaveStatus::Saved(stored.case.updated);
                Next::Show(Box::new(stored))
            }
            // Deleted or damaged in the other tab: what is on screen stays,
            // unsaved, for the worker to keep (save again, or download).
            Err(fault) => {
                self.dirty = true;
                self.status = SaveStatus::NotSaved(SaveError::Unavailable(format!(
                    "the other tab left this case {}",
                    match fault {
                        super::CaseFault::Missing => "deleted",
                        super::CaseFault::Damaged { .. } => "unreadable",
                        super::CaseFault::Newer { .. } => "saved by a newer version",
                    }
                )));
                Next::Nothing
            }
        }
    }

    /// Conflict: replace the other tab's version with this one.
    pub fn keep_mine<S: Store>(&mut self, repo: &Repository<S>, case: &Case) -> Option<Saved> {
        let result = repo.keep_mine(case);
        self.after_save(result)
    }

    /// Conflict: save this tab's version as a new case called `label`, and
    /// show the other tab's. Returns the copy, once it is written.
    pub fn keep_both<S: Store>(
        &mut self,
        repo: &Repository<S>,
        mine: &Case,
        label: String,
        now: DateTime<Utc>,
    ) -> Result<(Case, Next), SaveError> {
        let copy = mine.duplicate(label, now);
        if let Err(e) = repo.create(&copy) {
            self.status = SaveStatus::NotSaved(e.clone());
            return Err(e);
        }
        let next = self.take_stored(repo, mine.id);
        Ok((copy, next))
    }

    /// "Try saving again" after a failed write.
    pub fn retry<S: Store>(&mut self, repo: &Repository<S>, case: &Case) -> Option<Saved> {
        self.dirty = true;
        self.status = SaveStatus::Saving;
        self.flush(repo, case)
    }
}
