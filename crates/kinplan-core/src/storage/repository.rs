//! Every case Kinplan keeps, and every write to them, over one [`Store`].
//!
//! The UI asks the repository and shows what it answers; it never writes
//! a record or patches the index itself. The same code runs in the
//! browser and in the host simulation (`tests/storage_simulation.rs`),
//! which drives several tabs over one [`super::MemoryStore`] with faults.
//!
//! ## The rules it keeps
//!
//! - **Revisions never go backwards.** Each case record carries a
//!   revision in its plain header ([`packing::stamp`], readable packed or
//!   sealed). An ordinary save writes the revision it loaded plus one, and
//!   is refused as a [`SaveError::Conflict`] if storage holds any other
//!   revision: no tab ever saves over a version it did not load. Every
//!   write that replaces a record on purpose ("keep mine", import with
//!   "replace", a copy) writes one more than whatever is stored.
//! - **A case is safe once its record is written.** The index (the case
//!   list) is written after it; if that write fails or never happens, the
//!   index is rebuilt from the records the next time it is read.
//! - **An import is all or nothing**, even across a crash: the records it
//!   replaces are first written to a journal (`kinplan.journal`), and the
//!   journal is removed only when every record is written. A failed write
//!   puts every record back at once; a crash part-way is put back by
//!   [`Repository::recover`] when Kinplan next opens.
//! - **Every failure comes back as a typed error**, never dropped: a full
//!   quota, a conflict, a record from a newer Kinplan, a damaged record.

use std::collections::BTreeMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{case_id_of_key, case_key, CaseFault, SaveError, Store, INDEX_KEY, PROFILE_KEY};
use crate::domain::persist::index::{CaseIndex, IndexEntry, NextDue};
use crate::domain::persist::packing::{self, Stamp};
use crate::domain::persist::schema::{
    read_case, read_case_ignoring_version, ReadError, StoredCase, CURRENT_VERSION,
};
use crate::domain::profile::PracticeProfile;
use crate::domain::Case;

/// How far a write over a damaged record moves its revision on: more
/// saves than one case will ever have.
const AFTER_DAMAGE: u64 = 1 << 32;

/// The records an import is replacing, kept until it is all written.
pub const JOURNAL_KEY: &str = "kinplan.journal";

/// What a successful save wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub revision: u64,
    pub size: usize,
    pub at: DateTime<Utc>,
    /// The case is saved, but the case list could not be updated to
    /// match (it is rebuilt from the records when next read).
    pub list_not_updated: Option<SaveError>,
}

/// What an interrupted import left to put back: each key's text before
/// it started, `None` for a key that was not there.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Journal {
    before: BTreeMap<String, Option<String>>,
}

/// The index as stored, and what it does not list yet.
#[derive(Debug)]
pub struct Listed {
    pub index: CaseIndex,
    /// Cases on the device that the index does not list.
    pub unlisted: Vec<Uuid>,
    /// Dropping entries of cases no longer stored could not be written.
    pub error: Option<SaveError>,
}

pub struct Repository<S> {
    store: S,
    /// The index text last read or written here, parsed. A save compares
    /// the stored text with it and skips parsing when no other tab has
    /// changed the index: with 500 cases that halves the time of a save.
    last_index: Mutex<Option<(String, CaseIndex)>>,
}

impl<S: Store> Repository<S> {
    pub fn new(store: S) -> Repository<S> {
        Repository {
            store,
            last_index: Mutex::new(None),
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Drops the cached index: after locking, nothing decrypted stays.
    pub fn forget(&self) {
        *self.cache() = None;
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, Option<(String, CaseIndex)>> {
        // Nothing panics while holding it, so it is never poisoned; if it
        // were, the cache is only a cache.
        self.last_index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Puts back what an import cut off by a crash had written. Run when
    /// Kinplan opens, before anything else reads the cases.
    pub fn recover(&self) -> Result<bool, SaveError> {
        let Some(text) = self.store.get(JOURNAL_KEY) else {
            return Ok(false);
        };
        // A journal that cannot be read cannot be replayed; it is removed
        // so that it does not block every later import.
        if let Ok(journal) = serde_json::from_str::<Journal>(&text) {
            for (key, before) in &journal.before {
                put_back(&self.store, key, before.as_deref())?;
            }
        }
        self.store.remove(JOURNAL_KEY)?;
        self.forget();
        Ok(true)
    }

    // The index.

    /// Reads the index, and repairs it from the case keys if it is
    /// missing, damaged, or lost a case (a save that filled the quota
    /// between writing a case and writing the index): [`Self::listed_index`],
    /// then the records of the cases it does not list are read to list them.
    /// A repair that could not be stored is returned with the index: it
    /// runs again next time, and the caller says so.
    pub fn load_index(&self) -> (CaseIndex, Option<SaveError>) {
        let Listed {
            mut index,
            unlisted,
            error,
        } = self.listed_index();
        if unlisted.is_empty() {
            return (index, error);
        }
        let profile = self.load_profile().0;
        for id in unlisted {
            let raw = self.store.get(&case_key(id)).unwrap_or_default();
            match read_record(&raw) {
                Ok(stored) => index.upsert(&stored.case, utf16_len(&raw), &profile),
                Err(_) => index.cases.push(IndexEntry {
                    id,
                    label: "Unreadable case".into(),
                    updated: Utc::now(),
                    size: utf16_len(&raw),
                    deleted: None,
                    next_due: None,
                }),
            }
        }
        let error = self.write_index(&index).err();
        (index, error)
    }

    /// Reads the index without reading any case record: entries whose
    /// record is gone are dropped (and the index written again), and the
    /// cases on the device that it does not list are named, for
    /// [`Self::load_index`] to list. The case list opens with this alone,
    /// so the first page never needs the code that reads whole cases.
    pub fn listed_index(&self) -> Listed {
        let mut index = self
            .store
            .get(INDEX_KEY)
            .and_then(|text| serde_json::from_str::<CaseIndex>(&text).ok())
            .unwrap_or_default();
        let on_device: Vec<Uuid> = self
            .store
            .keys()
            .iter()
            .filter_map(|k| case_id_of_key(k))
            .collect();
        let before = index.cases.len();
        index.cases.retain(|e| on_device.contains(&e.id));
        let error = if index.cases.len() != before {
            self.write_index(&index).err()
        } else {
            None
        };
        let unlisted = on_device
            .into_iter()
            .filter(|id| index.get(*id).is_none())
            .collect();
        Listed {
            index,
            unlisted,
            error,
        }
    }

    fn write_index(&self, index: &CaseIndex) -> Result<(), SaveError> {
        let text = serde_json::to_string(index).expect("the index always serialises");
        self.store.set(INDEX_KEY, &text)?;
        *self.cache() = Some((text, index.clone()));
        Ok(())
    }

    fn read_stored_index(&self) -> Option<CaseIndex> {
        let text = self.store.get(INDEX_KEY)?;
        let cached = match &*self.cache() {
            Some((seen, index)) if *seen == text => Some(index.clone()),
            _ => None,
        };
        cached.or_else(|| serde_json::from_str(&text).ok())
    }

    /// The index as storage holds it now, parsed only if another tab
    /// changed it since.
    pub fn current_index(&self) -> CaseIndex {
        self.read_stored_index()
            .unwrap_or_else(|| self.listed_index().index)
    }

    /// Changes the index as it is in storage now, not as this tab last
    /// saw it, so two tabs editing different cases keep each other's entries.
    pub fn update_index(
        &self,
        change: impl FnOnce(&mut CaseIndex),
    ) -> Result<CaseIndex, SaveError> {
        let mut index = self.current_index();
        change(&mut index);
        self.write_index(&index)?;
        Ok(index)
    }

    /// Whether the stored index already lists `case` as the case list
    /// would show it: same name, same minute, about the same size. Most
    /// saves are keystrokes in a long text, and skipping the index write
    /// for them keeps a save quick with hundreds of cases.
    fn index_shows(&self, case: &Case, size: usize, profile: &PracticeProfile) -> bool {
        let Some(text) = self.store.get(INDEX_KEY) else {
            return false;
        };
        match &*self.cache() {
            Some((seen, index)) if *seen == text => index.get(case.id).is_some_and(|entry| {
                entry.label == case.label
                    && entry.updated.timestamp() / 60 == case.updated.timestamp() / 60
                    && entry.next_due == NextDue::of(case, profile)
                    && entry.size.abs_diff(size) <= size / 20
            }),
            _ => false,
        }
    }

    // Cases.

    /// Opens one case.
    pub fn load_case(&self, id: Uuid) -> Result<StoredCase, CaseFault> {
        let raw = self.store.get(&case_key(id)).ok_or(CaseFault::Missing)?;
        let json = packing::unpack(&raw).map_err(|why| CaseFault::Damaged {
            raw: raw.clone(),
            why,
        })?;
        match read_case(&json) {
            Ok(stored) => Ok(stored),
            Err(ReadError::Corrupt(why)) => Err(CaseFault::Damaged { raw, why }),
            Err(ReadError::Newer { version }) => {
                // Shown read-only if its shape is still one this version reads.
                let readable = read_case_ignoring_version(&json).map(Box::new);
                Err(CaseFault::Newer {
                    raw: json,
                    version,
                    readable,
                })
            }
        }
    }

    /// The revision in storage for a case, read from the record's header
    /// however it is packed or sealed; `None` when there is no record or
    /// its header is damaged.
    pub fn stored_revision(&self, id: Uuid) -> Option<u64> {
        self.stored_stamp(id).flatten().map(|s| s.revision)
    }

    /// The stamp of the stored record: `None` when there is none,
    /// `Some(None)` when its header is damaged. Read once per write.
    fn stored_stamp(&self, id: Uuid) -> Option<Option<Stamp>> {
        self.store
            .stored(&case_key(id))
            .map(|raw| packing::stamp(&raw))
    }

    /// Saves `case`, which was loaded at `loaded_revision`. Refused if any
    /// other revision is stored (another tab saved it), or if a newer
    /// Kinplan wrote it. A damaged record is replaced: its text was offered
    /// for download when the case failed to open, and this case is newer.
    pub fn save_case(&self, case: &Case, loaded_revision: u64) -> Result<Saved, SaveError> {
        let stamp = self.stored_stamp(case.id);
        if let Some(Some(stamp)) = stamp {
            if stamp.schema_version > CURRENT_VERSION {
                return Err(SaveError::NewerInStorage);
            }
            if stamp.revision != loaded_revision {
                return Err(SaveError::Conflict);
            }
        }
        self.write_case(case, next_revision(stamp, loaded_revision + 1))
    }

    /// Writes a new case, or a copy of one.
    pub fn create(&self, case: &Case) -> Result<Saved, SaveError> {
        self.write_case(case, next_revision(self.stored_stamp(case.id), 0))
    }

    /// After a clash, the worker keeps this tab's version over the other.
    pub fn keep_mine(&self, case: &Case) -> Result<Saved, SaveError> {
        let stamp = self.stored_stamp(case.id);
        if stamp
            .flatten()
            .is_some_and(|s| s.schema_version > CURRENT_VERSION)
        {
            return Err(SaveError::NewerInStorage);
        }
        self.write_case(case, next_revision(stamp, 0))
    }

    fn write_case(&self, case: &Case, revision: u64) -> Result<Saved, SaveError> {
        let stored = StoredCase {
            schema_version: CURRENT_VERSION,
            revision,
            case: case.clone(),
        };
        let json = serde_json::to_string(&stored).expect("a case always serialises");
        let record = packing::pack(
            Stamp {
                schema_version: CURRENT_VERSION,
                revision,
            },
            &json,
        );
        let size = utf16_len(&record);
        self.store.set(&case_key(case.id), &record)?;
        // The case is safe once its own record is written. An index that
        // could not follow is rebuilt from the records when next read.
        let profile = self.load_profile().0;
        let list_not_updated = if self.index_shows(case, size, &profile) {
            None
        } else {
            self.update_index(|index| index.upsert(case, size, &profile))
                .err()
        };
        Ok(Saved {
            revision,
            size,
            at: Utc::now(),
            list_not_updated,
        })
    }

    /// Moves a case to the bin, or back out of it with `None`.
    pub fn set_binned(
        &self,
        id: Uuid,
        when: Option<DateTime<Utc>>,
    ) -> Result<CaseIndex, SaveError> {
        self.update_index(|index| index.set_deleted(id, when))
    }

    /// Removes a case for good (after it has been in the bin). Once its
    /// record is gone the case is gone: if the list cannot be written to
    /// match, the list returned is still without it, and the stored one
    /// drops it when next read (as [`Repository::load_index`] repairs).
    pub fn delete_for_good(&self, id: Uuid) -> Result<CaseIndex, SaveError> {
        self.store.remove(&case_key(id))?;
        // Its drafts go with it; one left behind is only unreachable text.
        let drafts = draft_key(id, "");
        for key in self.store.keys() {
            if key.starts_with(&drafts) {
                self.store.remove(&key)?;
            }
        }
        Ok(self
            .update_index(|index| index.remove(id))
            .unwrap_or_else(|_| {
                let mut index = self.current_index();
                index.remove(id);
                index
            }))
    }

    /// Writes imported cases all or nothing (see the module docs), each at
    /// a revision above any it replaces, and brings any in the bin back to
    /// the list.
    pub fn import(&self, cases: &[Case]) -> Result<CaseIndex, SaveError> {
        let mut keys: Vec<String> = cases.iter().map(|c| case_key(c.id)).collect();
        keys.push(INDEX_KEY.to_string());
        let journal = Journal {
            before: keys
                .iter()
                .map(|k| (k.clone(), self.store.get(k)))
                .collect(),
        };
        let text = serde_json::to_string(&journal).expect("a journal always serialises");
        self.store.set(JOURNAL_KEY, &text)?;
        let written = (|| {
            for case in cases {
                let saved = self.write_case(case, next_revision(self.stored_stamp(case.id), 0))?;
                if let Some(error) = saved.list_not_updated {
                    return Err(error);
                }
            }
            self.update_index(|i| cases.iter().for_each(|c| i.set_deleted(c.id, None)))
        })();
        match written {
            Ok(index) => {
                // Written; if the journal cannot be removed, the next open
                // would undo the import, so say so rather than pretend.
                self.store.remove(JOURNAL_KEY)?;
                Ok(index)
            }
            Err(error) => {
                self.forget();
                for (key, before) in &journal.before {
                    if let Err(put_back_error) = put_back(&self.store, key, before.as_deref()) {
                        // The journal stays: the next open puts back the rest.
                        return Err(SaveError::PartlyWritten {
                            error: Box::new(error),
                            put_back: Box::new(put_back_error),
                        });
                    }
                }
                self.store.remove(JOURNAL_KEY)?;
                Err(error)
            }
        }
    }

    /// Every live case, for "export all". Damaged cases are skipped and named.
    pub fn load_all_live(&self, index: &CaseIndex) -> (Vec<Case>, Vec<String>) {
        let mut cases = Vec::new();
        let mut skipped = Vec::new();
        for entry in index.cases.iter().filter(|e| e.deleted.is_none()) {
            match self.load_case(entry.id) {
                Ok(stored) => cases.push(stored.case),
                Err(_) => skipped.push(entry.label.clone()),
            }
        }
        (cases, skipped)
    }

    /// Characters used by Kinplan's keys and values, as browsers count quota.
    pub fn used_chars(&self) -> usize {
        self.store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with("kinplan."))
            .map(|k| utf16_len(&k) + self.store.get(&k).map_or(0, |v| utf16_len(&v)))
            .sum()
    }

    // Drafts: what a form holds before it is submitted.

    /// The draft of `form` in case `case`, as the UI kept it.
    pub fn load_draft(&self, case: Uuid, form: &str) -> Option<String> {
        self.store.get(&draft_key(case, form))
    }

    pub fn save_draft(&self, case: Uuid, form: &str, text: &str) -> Result<(), SaveError> {
        self.store.set(&draft_key(case, form), text)
    }

    pub fn clear_draft(&self, case: Uuid, form: &str) -> Result<(), SaveError> {
        let key = draft_key(case, form);
        if self.store.get(&key).is_none() {
            return Ok(());
        }
        self.store.remove(&key)
    }

    // The practice profile.

    /// The practice profile kept on this device, or England's defaults. An
    /// unreadable profile is left in place (to be fixed or replaced) and
    /// the defaults are used, with the reason.
    pub fn load_profile(&self) -> (PracticeProfile, Option<String>) {
        match self.store.get(PROFILE_KEY) {
            None => (PracticeProfile::england(), None),
            Some(text) => match PracticeProfile::from_json(&text) {
                Ok(profile) => (profile, None),
                Err(why) => (PracticeProfile::england(), Some(why)),
            },
        }
    }

    /// Whether a profile was ever chosen on this device: a new device
    /// asks which nation's guidance the worker follows.
    pub fn profile_chosen(&self) -> bool {
        self.store.get(PROFILE_KEY).is_some()
    }

    /// Keeps the profile, and works out every case's next deadline again
    /// under it, so the case list never shows the old profile's dates. A
    /// case that cannot be read keeps its entry as it was.
    pub fn save_profile(&self, profile: &PracticeProfile) -> Result<CaseIndex, SaveError> {
        self.store.set(PROFILE_KEY, &profile.to_json())?;
        self.update_index(|index| {
            for entry in &mut index.cases {
                let stored = self.store.get(&case_key(entry.id));
                if let Some(Ok(stored)) = stored.as_deref().map(read_record) {
                    entry.next_due = NextDue::of(&stored.case, profile);
                }
            }
        })
    }
}

/// `kinplan.draft.<case>.<form>`.
fn draft_key(case: Uuid, form: &str) -> String {
    format!("kinplan.draft.{case}.{form}")
}

/// The revision a write must carry: `at_least`, and above the stored
/// record's (`stamp`, as [`Repository::stored_stamp`] reads it). A damaged
/// record's revision cannot be read, so a write over one jumps
/// [`AFTER_DAMAGE`] ahead: past any revision it could have had, so that no
/// tab which loaded it can save over this.
fn next_revision(stamp: Option<Option<Stamp>>, at_least: u64) -> u64 {
    match stamp {
        None => at_least,
        Some(Some(stamp)) => at_least.max(stamp.revision + 1),
        Some(None) => at_least.saturating_add(AFTER_DAMAGE),
    }
}

fn put_back<S: Store>(store: &S, key: &str, before: Option<&str>) -> Result<(), SaveError> {
    match before {
        Some(text) => store.set(key, text),
        None => store.remove(key),
    }
}

fn read_record(raw: &str) -> Result<StoredCase, ReadError> {
    read_case(&packing::unpack(raw).map_err(ReadError::Corrupt)?)
}

/// Storage counts UTF-16 code units.
pub(super) fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}
