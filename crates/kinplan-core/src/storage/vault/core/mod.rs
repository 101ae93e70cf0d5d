//! The vault's logic over any [`Store`] and any [`Cipher`]: the browser
//! runs it over `localStorage` and WebCrypto, the host simulation over a
//! shared in-memory store and RustCrypto, with many tabs at once.
//!
//! Work that must go on after a call returns (an encrypted write behind a
//! save, another tab's record being decrypted) is handed to the spawner
//! given to [`Vault::new`]: the browser runs it on its event loop, the
//! simulation whenever its random schedule says.

mod elsewhere;
mod passphrase;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::cipher::{Cipher, CipherError};
use super::{ChangeError, Status, UnlockError, VAULT_KEY};
use crate::domain::persist::export::DeviceBackup;
use crate::domain::persist::vault::{
    is_sealed, EncryptedExport, Kdf, RecordPlaintext, Sealed, SealedRecord, VaultRecord,
    CHECK_TEXT, PREVIOUS_KEY_DATA,
};
use crate::storage::{case_id_of_key, SaveError, Store, CHILD_LOCK_KEY};

/// Work to run after the call that started it has returned.
pub type Task = Pin<Box<dyn Future<Output = ()>>>;
/// Runs a [`Task`]; told which record it writes, if it writes one.
pub type Spawner = Box<dyn Fn(Option<&str>, Task)>;
/// Told of a write that failed after its save had returned: which key, and why.
type FailureReport = Box<dyn Fn(&str, SaveError)>;

enum State<K> {
    /// No passphrase: records are read and written as they are.
    Plain,
    /// A passphrase is set and the key is not in memory.
    Locked,
    Open(Box<Open<K>>),
}

struct Open<K> {
    key: K,
    /// The lock record the key was made from. A write goes ahead only while
    /// storage holds the same salt and check, so nothing is written under a
    /// replaced key.
    vault: VaultRecord,
    /// Every sealed record, decrypted.
    plain: HashMap<String, String>,
    /// The stored (encrypted) text this tab last wrote or read per key, to
    /// tell another tab's write from our own.
    stored: HashMap<String, String>,
    /// The newest value waiting for its key's write in flight, with the
    /// stored text it was saved over.
    queued: HashMap<String, (String, Option<String>)>,
    /// The stored text of this tab's own last write per key.
    written: HashMap<String, String>,
    in_flight: HashSet<String>,
    /// Values whose write failed, until a newer value for the key is saved.
    failed: HashSet<String>,
    /// Counts every change to `plain`, so a slow rewrite can tell that
    /// something changed while it worked.
    changes: u64,
    /// Keys written while an import is being written all or nothing.
    batch: Option<Vec<String>>,
}

impl<K> Open<K> {
    fn new(key: K, vault: VaultRecord) -> Open<K> {
        Open {
            key,
            vault,
            plain: HashMap::new(),
            stored: HashMap::new(),
            queued: HashMap::new(),
            written: HashMap::new(),
            in_flight: HashSet::new(),
            failed: HashSet::new(),
            changes: 0,
            batch: None,
        }
    }
}

fn same_key(stored: Option<&VaultRecord>, ours: &VaultRecord) -> bool {
    stored.is_some_and(|s| s.kdf == ours.kdf && s.check == ours.check)
}

/// Whether `key` is encrypted under a passphrase: every `kinplan.` key but
/// the lock record itself and the child lock, which a locked Kinplan must
/// read (see `storage::load_child_lock`).
pub fn is_sealed_key(key: &str) -> bool {
    key.starts_with("kinplan.") && key != VAULT_KEY && key != CHILD_LOCK_KEY
}

struct Inner<S, C: Cipher> {
    store: S,
    cipher: C,
    state: RefCell<State<C::Key>>,
    spawn: Spawner,
    on_failure: RefCell<Option<FailureReport>>,
}

/// One tab's view of the passphrase lock over `store`. Clones share it.
pub struct Vault<S, C: Cipher>(Rc<Inner<S, C>>);

impl<S, C: Cipher> Clone for Vault<S, C> {
    fn clone(&self) -> Self {
        Vault(Rc::clone(&self.0))
    }
}

fn locked() -> SaveError {
    SaveError::Unavailable("Kinplan is locked".into())
}

fn unavailable(e: CipherError) -> SaveError {
    SaveError::Unavailable(e.0)
}

impl<S: Store + 'static, C: Cipher + 'static> Vault<S, C> {
    /// Locked if `store` holds a lock record, plain otherwise.
    pub fn new(store: S, cipher: C, spawn: Spawner) -> Vault<S, C> {
        let state = if store.get(VAULT_KEY).is_some() {
            State::Locked
        } else {
            State::Plain
        };
        Vault(Rc::new(Inner {
            store,
            cipher,
            state: RefCell::new(state),
            spawn,
            on_failure: RefCell::new(None),
        }))
    }

    /// The store under the vault, as it holds the records (sealed).
    pub fn raw(&self) -> &S {
        &self.0.store
    }

    pub fn status(&self) -> Status {
        match &*self.0.state.borrow() {
            State::Plain => Status::Plain,
            State::Locked => Status::Locked,
            State::Open(_) => Status::Open,
        }
    }

    fn set_state(&self, state: State<C::Key>) {
        *self.0.state.borrow_mut() = state;
    }

    /// The stored lock record, if a passphrase is set (and readable).
    pub fn record(&self) -> Option<VaultRecord> {
        VaultRecord::from_json(&self.0.store.get(VAULT_KEY)?).ok()
    }

    /// Called with the key and the error when a write behind the in-memory
    /// copy fails.
    pub fn on_write_failure(&self, report: impl Fn(&str, SaveError) + 'static) {
        *self.0.on_failure.borrow_mut() = Some(Box::new(report));
    }

    fn report(&self, key: &str, error: SaveError) {
        if let Some(report) = &*self.0.on_failure.borrow() {
            report(key, error)
        }
    }

    /// Whether a change is not in storage yet: being encrypted, or its write
    /// failed and nothing newer has been saved since.
    pub fn writes_pending(&self) -> bool {
        self.with_open(|open| !open.in_flight.is_empty() || !open.failed.is_empty())
            .unwrap_or(false)
    }

    /// Whether an encrypted write is still being made.
    pub fn writes_in_flight(&self) -> bool {
        self.with_open(|open| !open.in_flight.is_empty())
            .unwrap_or(false)
    }

    /// Runs `f` on the open vault; `None` when there is none.
    fn with_open<T>(&self, f: impl FnOnce(&mut Open<C::Key>) -> T) -> Option<T> {
        match &mut *self.0.state.borrow_mut() {
            State::Open(open) => Some(f(open)),
            _ => None,
        }
    }

    /// Whether storage still holds the lock record `open`'s key belongs to.
    fn key_fits(&self, open: &Open<C::Key>) -> bool {
        same_key(self.record().as_ref(), &open.vault)
    }

    /// Every sealed record, as storage holds it now.
    fn stored_records(&self) -> HashMap<String, String> {
        let store = &self.0.store;
        store
            .keys()
            .into_iter()
            .filter(|k| is_sealed_key(k))
            .filter_map(|k| Some((k.clone(), store.get(&k)?)))
            .collect()
    }

    /// Encrypts and stores `key`'s queued values until none is left.
    async fn write_behind(self, key: String) {
        while let Some(((value, base), crypto_key)) = self
            .with_open(|open| {
                let queued = open.queued.remove(&key)?;
                Some((queued, open.key.clone()))
            })
            .flatten()
        {
            let plain = RecordPlaintext::of(&key, &value);
            let result = match self.seal_record(&crypto_key, &plain).await {
                Ok(text) => self.store_sealed(&key, &crypto_key, base, text),
                Err(e) => Err(unavailable(e)),
            };
            self.with_open(|open| match &result {
                Ok(()) => open.failed.remove(&key),
                Err(_) => open.failed.insert(key.clone()),
            });
            if result == Err(SaveError::Conflict) {
                // Hold the other tab's version in memory, as its storage
                // event would have, so "keep both" shows theirs.
                let raw = self.0.store.get(&key);
                self.take_stored(&crypto_key, &key, raw, true).await;
            }
            if let Err(error) = result {
                self.report(&key, error);
            }
        }
        self.with_open(|open| open.in_flight.remove(&key));
    }

    /// Puts `raw`, what storage held for `key`, into memory decrypted, if
    /// storage still holds it once decrypted (decryptions run side by
    /// side, and an older value must never land last). A value this tab
    /// is still writing is kept unless `over_own_write`: its write finds
    /// the clash.
    async fn take_stored(
        &self,
        crypto_key: &C::Key,
        key: &str,
        raw: Option<String>,
        over_own_write: bool,
    ) {
        let plain = match &raw {
            // One that does not decrypt opens as damaged, with its text.
            Some(raw) => Some(
                self.open_record(crypto_key, key, raw)
                    .await
                    .unwrap_or_else(|| raw.clone()),
            ),
            None => None,
        };
        if self.0.store.get(key) != raw {
            return;
        }
        self.with_open(|open| {
            if !over_own_write && open.in_flight.contains(key) {
                return;
            }
            match (plain, raw) {
                (Some(plain), Some(raw)) => {
                    open.plain.insert(key.to_string(), plain);
                    open.stored.insert(key.to_string(), raw);
                }
                _ => {
                    open.plain.remove(key);
                    open.stored.remove(key);
                }
            }
        });
    }

    /// Writes an encrypted record, unless the key no longer fits or the
    /// record was deleted in this tab while it was being encrypted.
    ///
    /// A case record is written only over the text storage held when it
    /// was saved (`base`, which the repository judged the save against),
    /// or over this tab's own last write. Otherwise another tab wrote it in
    /// between: two saves made side by side would each have passed the
    /// repository's check, and the later write would silently replace the
    /// earlier. That is a clash, and storage keeps the other tab's.
    fn store_sealed(
        &self,
        key: &str,
        crypto_key: &C::Key,
        base: Option<String>,
        text: String,
    ) -> Result<(), SaveError> {
        let check = self.with_open(|open| {
            (
                &open.key == crypto_key && self.key_fits(open),
                open.plain.contains_key(key),
                open.written.get(key).cloned(),
            )
        });
        let Some((fits, present, ours)) = check else {
            return Err(not_stored());
        };
        if !fits {
            return Err(not_stored());
        }
        if !present {
            return Ok(());
        }
        let real = self.0.store.get(key);
        if case_id_of_key(key).is_some() && real != base && (real.is_none() || real != ours) {
            return Err(SaveError::Conflict);
        }
        self.0.store.set(key, &text)?;
        self.with_open(|open| {
            open.written.insert(key.to_string(), text.clone());
            open.stored.insert(key.to_string(), text);
        });
        Ok(())
    }
}

/// A decryption under way, with the record it will fill in.
type Opening = (
    SealedRecord,
    Pin<Box<dyn Future<Output = Result<Vec<u8>, CipherError>>>>,
);

async fn finish_open(started: Option<Opening>, raw: &str) -> Option<String> {
    let Some((sealed, decrypting)) = started else {
        return Some(raw.to_string());
    };
    let plain = decrypting.await.ok()?;
    sealed.record(&plain).ok()
}

fn not_stored() -> SaveError {
    SaveError::Unavailable(
        "Kinplan was locked, or its passphrase changed, before this change was stored".into(),
    )
}

/// The vault as the store the repository works on: sealed records are read
/// and written through the decrypted copy (encrypted behind each write);
/// the lock record and the child lock go straight to storage.
impl<S: Store + 'static, C: Cipher + 'static> Store for Vault<S, C> {
    fn get(&self, key: &str) -> Option<String> {
        if !is_sealed_key(key) {
            return self.0.store.get(key);
        }
        if self.status() == Status::Plain && self.0.store.get(VAULT_KEY).is_some() {
            // Another tab set a passphrase: what is stored is sealed now.
            self.set_state(State::Locked);
        }
        match &*self.0.state.borrow() {
            State::Plain => self.0.store.get(key),
            State::Locked => None,
            State::Open(open) => open.plain.get(key).cloned(),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if !is_sealed_key(key) {
            return self.0.store.set(key, value);
        }
        if self.status() == Status::Plain {
            if self.0.store.get(VAULT_KEY).is_none() {
                return self.0.store.set(key, value);
            }
            // Another tab set a passphrase: never write in the clear again.
            self.set_state(State::Locked);
        }
        let start = self
            .with_open(|open| {
                open.changes += 1;
                open.plain.insert(key.to_string(), value.to_string());
                if let Some(batch) = &mut open.batch {
                    // Written all together by `write_all_or_nothing`.
                    batch.push(key.to_string());
                    return false;
                }
                let base = self.0.store.get(key);
                open.queued
                    .insert(key.to_string(), (value.to_string(), base));
                open.in_flight.insert(key.to_string())
            })
            .ok_or_else(locked)?;
        if start {
            let task = self.clone().write_behind(key.to_string());
            (self.0.spawn)(Some(key), Box::pin(task));
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        self.with_open(|open| {
            open.changes += 1;
            open.plain.remove(key);
            open.queued.remove(key);
            open.stored.remove(key);
            open.written.remove(key);
            open.failed.remove(key);
        });
        self.0.store.remove(key)
    }

    fn keys(&self) -> Vec<String> {
        let stored = self.0.store.keys();
        match &*self.0.state.borrow() {
            State::Plain => stored,
            State::Locked => stored.into_iter().filter(|k| !is_sealed_key(k)).collect(),
            State::Open(open) => stored
                .into_iter()
                .filter(|k| !is_sealed_key(k))
                .chain(open.plain.keys().cloned())
                .collect(),
        }
    }

    /// The newest text of `key` as this tab should judge it: its own value,
    /// even while still being encrypted, unless another tab has written the
    /// key since (whose sealed record's stamp is readable without decrypting).
    fn stored(&self, key: &str) -> Option<String> {
        let real = self.0.store.get(key);
        match &*self.0.state.borrow() {
            State::Open(open) if is_sealed_key(key) && real.as_ref() == open.stored.get(key) => {
                open.plain.get(key).cloned()
            }
            _ => real,
        }
    }
}
