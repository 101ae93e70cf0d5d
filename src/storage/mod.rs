//! The one adapter between the app and the browser's storage.
//!
//! Layout in `localStorage`:
//! - `kinplan.index`: the [`CaseIndex`], read when the app opens;
//! - `kinplan.case.<id>`: one [`StoredCase`] per case, read when it opens.
//!
//! Every write is guarded. A save compares the revision in storage with the
//! revision it loaded, so a second tab can never be overwritten silently; a
//! full quota or a damaged record comes back as an error the UI explains,
//! and the caller keeps its data in memory.
//!
//! With a passphrase set, [`vault`] sits under every read and write: the
//! functions here work unchanged on its decrypted copy. [`keep`] asks the
//! browser not to clear it all when the device runs short of space.

pub mod keep;
pub mod vault;

use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage};
use uuid::Uuid;
use wasm_bindgen::JsCast;

use crate::domain::child_lock::ChildLock;
use crate::domain::index::CaseIndex;
use crate::domain::packing::{self, Stamp};
use crate::domain::profile::PracticeProfile;
use crate::domain::schema::{
    read_case, read_case_ignoring_version, ReadError, StoredCase, CURRENT_VERSION,
};
use crate::domain::Case;

pub const INDEX_KEY: &str = "kinplan.index";
/// The device's practice profile; England's defaults when absent.
pub const PROFILE_KEY: &str = "kinplan.profile";
/// Set while a child has the screen (see `ui::child_voice`).
pub const CHILD_LOCK_KEY: &str = "kinplan.child-lock";
const CASE_PREFIX: &str = crate::domain::schema::CASE_KEY_PREFIX;

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
}

impl SaveError {
    /// A few words for the always-visible status line.
    pub fn summary(&self) -> &'static str {
        match self {
            SaveError::QuotaFull { .. } => "storage is full",
            SaveError::Conflict => "changed in another tab",
            SaveError::NewerInStorage => "saved by a newer version",
            SaveError::Unavailable(_) => "the browser refused",
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

fn raw_get(key: &str) -> Option<String> {
    vault::get(key).unwrap_or_else(|| LocalStorage::raw().get_item(key).ok().flatten())
}

fn raw_set(key: &str, value: &str) -> Result<(), SaveError> {
    vault::set(key, value).unwrap_or_else(|| vault::real_set(key, value))
}

fn raw_remove(key: &str) {
    vault::remove(key);
    LocalStorage::delete(key);
}

fn save_error(err: wasm_bindgen::JsValue) -> SaveError {
    let name = err
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        SaveError::QuotaFull { used: used_chars() }
    } else {
        SaveError::Unavailable(if name.is_empty() {
            "storage is not available".into()
        } else {
            name
        })
    }
}

fn storage_keys() -> Vec<String> {
    if let Some(keys) = vault::keys() {
        return keys;
    }
    let store = LocalStorage::raw();
    let len = store.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .collect()
}

/// Characters used by Kinplan's keys and values, as browsers count quota.
pub fn used_chars() -> usize {
    storage_keys()
        .into_iter()
        .filter(|k| k.starts_with("kinplan."))
        .map(|k| utf16_len(&k) + raw_get(&k).map_or(0, |v| utf16_len(&v)))
        .sum()
}

/// Reads the index, and repairs it from the case keys if it is missing,
/// damaged, or lost a case (for instance when a save filled the quota
/// between writing a case and writing the index). Only key names are
/// listed; case records are read only for cases the index does not know.
pub fn load_index() -> CaseIndex {
    let mut index = raw_get(INDEX_KEY)
        .and_then(|text| serde_json::from_str::<CaseIndex>(&text).ok())
        .unwrap_or_default();
    let on_device: Vec<Uuid> = storage_keys()
        .iter()
        .filter_map(|k| case_id_of_key(k))
        .collect();
    let before = index.cases.len();
    index.cases.retain(|e| on_device.contains(&e.id));
    let mut changed = index.cases.len() != before;
    for id in on_device {
        if index.get(id).is_none() {
            changed = true;
            let raw = raw_get(&case_key(id)).unwrap_or_default();
            match read_record(&raw) {
                Ok(stored) => index.upsert(&stored.case, utf16_len(&raw), &load_profile().0),
                Err(_) => index.cases.push(crate::domain::index::IndexEntry {
                    id,
                    label: "Unreadable case".into(),
                    updated: Utc::now(),
                    size: utf16_len(&raw),
                    deleted: None,
                    next_due: None,
                }),
            }
        }
    }
    if changed {
        // Best effort: if this fails the repair simply runs again next time.
        let _ = write_index(&index);
    }
    index
}

thread_local! {
    /// The index text this tab last read or wrote, parsed. A save compares
    /// the stored text with it and skips parsing when no other tab has
    /// changed the index: with 500 cases that halves the time of a save.
    static LAST_INDEX: std::cell::RefCell<Option<(String, CaseIndex)>> = const { std::cell::RefCell::new(None) };
}

/// Drops the cached index: after locking, nothing decrypted stays behind.
fn forget_index() {
    LAST_INDEX.with(|last| *last.borrow_mut() = None);
}

fn write_index(index: &CaseIndex) -> Result<(), SaveError> {
    let text = serde_json::to_string(index).expect("the index always serialises");
    raw_set(INDEX_KEY, &text)?;
    LAST_INDEX.with(|last| *last.borrow_mut() = Some((text, index.clone())));
    Ok(())
}

fn read_stored_index() -> Option<CaseIndex> {
    let text = raw_get(INDEX_KEY)?;
    let cached = LAST_INDEX.with(|last| match &*last.borrow() {
        Some((seen, index)) if *seen == text => Some(index.clone()),
        _ => None,
    });
    cached.or_else(|| serde_json::from_str(&text).ok())
}

/// Whether the stored index already lists `case` as the case list would
/// show it: same name, same minute, about the same size. Most saves are
/// keystrokes in a long text, and skipping the index write for them keeps
/// a save quick with hundreds of cases.
fn index_shows(case: &Case, size: usize, profile: &PracticeProfile) -> bool {
    let Some(text) = raw_get(INDEX_KEY) else {
        return false;
    };
    LAST_INDEX.with(|last| match &*last.borrow() {
        Some((seen, index)) if *seen == text => index.get(case.id).is_some_and(|entry| {
            entry.label == case.label
                && entry.updated.timestamp() / 60 == case.updated.timestamp() / 60
                && entry.next_due == crate::domain::index::NextDue::of(case, profile)
                && entry.size.abs_diff(size) <= size / 20
        }),
        _ => false,
    })
}

/// The index as storage holds it now, parsed only if another tab changed it.
pub fn current_index() -> CaseIndex {
    read_stored_index().unwrap_or_else(load_index)
}

/// Changes the index as it is in storage now, not as this tab last saw it,
/// so two tabs editing different cases do not undo each other's entries.
pub fn update_index(change: impl FnOnce(&mut CaseIndex)) -> Result<CaseIndex, SaveError> {
    let mut index = read_stored_index().unwrap_or_else(load_index);
    change(&mut index);
    write_index(&index)?;
    Ok(index)
}

/// Opens one case.
pub fn load_case(id: Uuid) -> Result<StoredCase, CaseFault> {
    let raw = raw_get(&case_key(id)).ok_or(CaseFault::Missing)?;
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

fn read_record(raw: &str) -> Result<StoredCase, ReadError> {
    read_case(&packing::unpack(raw).map_err(ReadError::Corrupt)?)
}

/// Storage counts UTF-16 code units.
fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// What a successful save wrote.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Saved {
    pub revision: u64,
    pub size: usize,
    pub at: DateTime<Utc>,
}

/// Saves `case`, which was loaded at `loaded_revision`. Refuses if another
/// tab has saved it since, or if a newer app wrote it.
pub fn save_case(case: &Case, loaded_revision: u64) -> Result<Saved, SaveError> {
    let key = case_key(case.id);
    if vault::written_elsewhere(&key) {
        return Err(SaveError::Conflict);
    }
    if let Some(current) = raw_get(&key) {
        if let Some(stamp) = packing::stamp(&current) {
            if stamp.schema_version > CURRENT_VERSION {
                return Err(SaveError::NewerInStorage);
            }
            if stamp.revision != loaded_revision {
                return Err(SaveError::Conflict);
            }
        }
        // A damaged record is replaced: the damaged text was offered for
        // download when the case failed to open, and this case is newer.
    }
    force_save(case, loaded_revision + 1)
}

/// Writes `case` at `revision` without checking what is there. Used after
/// the worker chose to overwrite another tab's version, and by import.
pub fn force_save(case: &Case, revision: u64) -> Result<Saved, SaveError> {
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
    raw_set(&case_key(case.id), &record)?;
    // The case is safe once its own key is written. If the index write
    // fails (a full quota), `load_index` rebuilds the entry next time.
    let profile = load_profile().0;
    if !index_shows(case, size, &profile) {
        let _ = update_index(|index| index.upsert(case, size, &profile));
    }
    Ok(Saved {
        revision,
        size,
        at: Utc::now(),
    })
}

/// The revision currently in storage for a case, if it is readable.
pub fn stored_revision(id: Uuid) -> Option<u64> {
    serde_json::from_str::<Stamp>(&raw_get(&case_key(id))?)
        .ok()
        .map(|s| s.revision)
}

/// Writes several cases all or nothing: if any write fails, every key is
/// put back as it was before and the error is returned.
pub fn save_all_or_nothing(cases: &[Case]) -> Result<(), SaveError> {
    let before_index = raw_get(INDEX_KEY);
    let before: Vec<(String, Option<String>)> = cases
        .iter()
        .map(|c| (case_key(c.id), raw_get(&case_key(c.id))))
        .collect();
    let result = cases.iter().try_for_each(|case| {
        let revision = stored_revision(case.id).map_or(0, |r| r + 1);
        force_save(case, revision).map(|_| ())
    });
    if result.is_err() {
        let put_back = |key: &str, old: Option<String>| match old {
            Some(text) => {
                let _ = raw_set(key, &text);
            }
            None => raw_remove(key),
        };
        for (key, old) in before {
            put_back(&key, old);
        }
        put_back(INDEX_KEY, before_index);
    }
    result
}

/// Removes a case for good (after it has been in the bin).
pub fn delete_forever(id: Uuid) -> Result<CaseIndex, SaveError> {
    raw_remove(&case_key(id));
    update_index(|index| index.remove(id))
}

/// Every live case, for "export all". Damaged cases are skipped and named.
pub fn load_all_live(index: &CaseIndex) -> (Vec<Case>, Vec<String>) {
    let mut cases = Vec::new();
    let mut skipped = Vec::new();
    for entry in index.cases.iter().filter(|e| e.deleted.is_none()) {
        match load_case(entry.id) {
            Ok(stored) => cases.push(stored.case),
            Err(_) => skipped.push(entry.label.clone()),
        }
    }
    (cases, skipped)
}

/// The practice profile kept on this device, or England's defaults. An
/// unreadable profile is left in place (to be fixed or replaced) and the
/// defaults are used, with the reason.
pub fn load_profile() -> (PracticeProfile, Option<String>) {
    match raw_get(PROFILE_KEY) {
        None => (PracticeProfile::england(), None),
        Some(text) => match PracticeProfile::from_json(&text) {
            Ok(profile) => (profile, None),
            Err(why) => (PracticeProfile::england(), Some(why)),
        },
    }
}

pub fn save_profile(profile: &PracticeProfile) -> Result<(), SaveError> {
    raw_set(PROFILE_KEY, &profile.to_json())
}

/// The child lock, if child mode is on. It is kept in the clear, beside
/// the vault rather than in it, so that a locked Kinplan still knows a
/// child has the screen (it holds two ids and a hash of the code, nothing
/// about the family). A damaged lock reads as none: the worker's records
/// are still behind the case list, never lost.
pub fn load_child_lock() -> Option<ChildLock> {
    let text = LocalStorage::raw()
        .get_item(CHILD_LOCK_KEY)
        .ok()
        .flatten()?;
    // A lock from before codes were hashed is hashed with a new salt.
    ChildLock::from_json(&text, *Uuid::new_v4().as_bytes())
}

/// Starts child mode, or stores the lock's count of wrong codes.
pub fn save_child_lock(lock: &ChildLock) -> Result<(), SaveError> {
    vault::real_set(CHILD_LOCK_KEY, &lock.to_json())
}

pub fn clear_child_lock() {
    raw_remove(CHILD_LOCK_KEY);
}

/// Removes everything Kinplan keeps on this device: every case, the bin,
/// the index, the practice profile, the child lock and the passphrase.
/// Other sites' and other apps' keys are left alone.
pub fn clear_all() {
    let store = LocalStorage::raw();
    let keys: Vec<String> = (0..store.length().unwrap_or(0))
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with("kinplan."))
        .collect();
    for key in keys {
        LocalStorage::delete(&key);
    }
    vault::cleared();
}

/// Set once the worker has said "Not now" to the passphrase lock.
const PASSPHRASE_OFFER_KEY: &str = "kinplan.passphrase-offer";

pub fn passphrase_offer_dismissed() -> bool {
    raw_get(PASSPHRASE_OFFER_KEY).is_some()
}

/// Best effort: if it cannot be stored, the offer simply shows again.
pub fn dismiss_passphrase_offer() {
    let _ = raw_set(PASSPHRASE_OFFER_KEY, "dismissed");
}
