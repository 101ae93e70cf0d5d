//! Everything Kinplan keeps, in this browser. The interface, the
//! repository, the save state and the vault's logic are
//! `kinplan_core::storage`, re-exported here with their documentation;
//! this module adds the browser's side: [`BrowserStore`] over
//! `localStorage`, the vault over WebCrypto ([`vault`]), the child lock
//! kept outside the vault, and [`keep`], which asks the browser not to
//! clear it all when the device runs short of space.

pub mod browser;
pub mod keep;
pub mod vault;

pub use browser::{BrowserStore, LocalStore};
pub use kinplan_core::storage::{
    case_id_of_key, case_key, human_size, CaseFault, Fault, Listed, MemoryStore, Next, Repository,
    SaveError, SaveState, SaveStatus, Saved, Store, CHILD_LOCK_KEY, INDEX_KEY, JOURNAL_KEY,
    PROFILE_KEY, QUOTA_ESTIMATE_CHARS,
};

use gloo_storage::{LocalStorage, Storage};
use uuid::Uuid;

use crate::domain::child_voice::child_lock::ChildLock;

/// The cases in this browser: what the app holds in its context.
pub type Cases = Repository<BrowserStore>;

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
    // Not sealed: the vault writes it to storage as it is.
    BrowserStore.set(CHILD_LOCK_KEY, &lock.to_json())
}

/// Ends child mode. Refused, and said, if the browser will not remove it.
pub fn clear_child_lock() -> Result<(), SaveError> {
    BrowserStore.remove(CHILD_LOCK_KEY)
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
    BrowserStore.get(PASSPHRASE_OFFER_KEY).is_some()
}

pub fn dismiss_passphrase_offer() -> Result<(), SaveError> {
    BrowserStore.set(PASSPHRASE_OFFER_KEY, "dismissed")
}
