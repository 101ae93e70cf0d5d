//! The vault's logic over any [`Store`] and any [`Cipher`]: the browser
//! runs it over `localStorage` and WebCrypto, the host simulation over a
//! shared in-memory store and RustCrypto, with many tabs at once.
//!
//! Work that must go on after a call returns (an encrypted write behind a
//! save, another tab's record being decrypted) is handed to the spawner
//! given to [`Vault::new`]: the browser runs it on its event loop, the
//! simulation whenever its random schedule says.

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

    /// Derives the key, checks it against the vault record, then decrypts
    /// every record into memory. Only reads storage, except to seal a record
    /// found unencrypted (written by a tab that had not yet seen the lock),
    /// and to finish a passphrase change that was cut off.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), UnlockError> {
        let vault = self.record().ok_or(UnlockError::Unavailable(
            "the lock record is missing or damaged".into(),
        ))?;
        let cipher = &self.0.cipher;
        let key = cipher
            .derive(passphrase, &vault.kdf, false)
            .await
            .map_err(|e| UnlockError::Unavailable(e.0))?;
        if !self.opens_check(&key, &vault).await {
            return Err(UnlockError::WrongPassphrase);
        }
        // Only while a passphrase change is unfinished. Should it not open,
        // the change stays unfinished: records under the old key show as
        // damaged, and the old key is kept.
        let previous_key = match vault.previous_key() {
            Some(sealed) => cipher.open_key(&key, sealed, PREVIOUS_KEY_DATA).await.ok(),
            None => None,
        };
        let before = self.stored_records();
        // Every decryption is started before the first is waited for, so they
        // run side by side.
        let started: Vec<_> = before
            .iter()
            .map(|(name, raw)| self.start_open(&key, name, raw))
            .collect();
        let mut open = Open::new(key, vault);
        let mut unsealed = Vec::new();
        let mut under_previous_key = Vec::new();
        let mut unreadable = 0;
        for ((name, raw), started) in before.iter().zip(started) {
            if started.is_none() {
                unsealed.push(name.clone());
            }
            let mut plain = finish_open(started, raw).await;
            if let (None, Some(previous_key)) = (&plain, &previous_key) {
                plain = self.open_record(previous_key, name, raw).await;
                if plain.is_some() {
                    under_previous_key.push(name.clone());
                }
            }
            // One that does not decrypt opens as damaged, with its text.
            unreadable += usize::from(plain.is_none());
            open.plain
                .insert(name.clone(), plain.unwrap_or_else(|| raw.clone()));
            open.stored.insert(name.clone(), raw.clone());
        }
        // The old key goes only once every record has opened under one key or
        // the other.
        let resealed = match previous_key {
            Some(_) if unreadable == 0 => self
                .seal_all(
                    &open.key,
                    under_previous_key
                        .iter()
                        .map(|name| (name, &open.plain[name])),
                )
                .await
                .ok(),
            _ => None,
        };
        // Cleared, or unlocked in this tab, while the records were decrypted.
        if self.status() != Status::Locked || !self.key_fits(&open) {
            return Err(UnlockError::Unavailable(
                "Kinplan's data changed while it was being opened; try again".into(),
            ));
        }
        if let Some(resealed) = resealed {
            self.finish_change(&mut open, &resealed, &before);
        }
        self.set_state(State::Open(Box::new(open)));
        for key in unsealed {
            if let Some(value) = self.get(&key) {
                // Its write, behind, reports a failure like any other.
                self.set(&key, &value)
                    .unwrap_or_else(|error| self.report(&key, error));
            }
        }
        Ok(())
    }

    /// Drops the key and the decrypted copy. A write still being encrypted
    /// then fails and is reported, so the browser waits for them first.
    pub fn lock(&self) {
        if self.status() == Status::Open {
            self.set_state(State::Locked);
        }
    }

    /// Sets a passphrase on a device that has none: every record is encrypted
    /// and written in one pass, all or nothing, with the vault record first.
    pub async fn turn_on(&self, passphrase: &str, idle_minutes: u32) -> Result<(), SaveError> {
        let before = self.stored_records();
        if self.status() != Status::Plain
            || self.0.store.get(VAULT_KEY).is_some()
            || before.values().any(|v| is_sealed(v))
        {
            return Err(SaveError::Unavailable(
                "a passphrase has already been set on this device, perhaps in another tab".into(),
            ));
        }
        let (key, vault) = self.new_key(passphrase, idle_minutes).await?;
        let mut open = Open::new(key, vault);
        open.plain = before.clone();
        let open = self.rewrite_all(open, &before, None).await?;
        self.set_state(State::Open(Box::new(open)));
        Ok(())
    }

    /// Re-encrypts everything under a key from `new`, all or nothing. The
    /// writes behind earlier saves must have finished.
    pub async fn change_passphrase(&self, current: &str, new: &str) -> Result<(), ChangeError> {
        let vault = self.record().ok_or(ChangeError::NotSaved(locked()))?;
        if vault.previous_key().is_some() {
            return Err(ChangeError::Unfinished);
        }
        let cipher = &self.0.cipher;
        let not_saved = |e: CipherError| ChangeError::NotSaved(unavailable(e));
        // Extractable, to be sealed into the new lock record until the change is done.
        let current_key = cipher
            .derive(current, &vault.kdf, true)
            .await
            .map_err(not_saved)?;
        if !self.opens_check(&current_key, &vault).await {
            return Err(ChangeError::WrongPassphrase);
        }
        let (plain, stored, old_key, changes) = self
            .with_open(|open| {
                (
                    open.plain.clone(),
                    open.stored.clone(),
                    open.key.clone(),
                    open.changes,
                )
            })
            .ok_or(ChangeError::NotSaved(locked()))?;
        let (key, new_vault) = self
            .new_key(new, vault.idle_minutes)
            .await
            .map_err(ChangeError::NotSaved)?;
        let sealed_key = cipher
            .seal_key(&key, &current_key, PREVIOUS_KEY_DATA)
            .await
            .map_err(not_saved)?;
        drop(current_key);
        let mut open = Open::new(key, new_vault.with_previous_key(sealed_key));
        open.plain = plain;
        let mut open = self
            .rewrite_all(open, &stored, Some((&old_key, changes)))
            .await
            .map_err(ChangeError::NotSaved)?;
        self.forget_previous_key(&mut open);
        self.set_state(State::Open(Box::new(open)));
        Ok(())
    }

    /// Changes the idle time, which is kept in the vault record.
    pub fn set_idle_minutes(&self, minutes: u32) -> Result<(), SaveError> {
        let mut vault = self
            .with_open(|open| open.vault.clone())
            .ok_or_else(locked)?;
        vault.idle_minutes = minutes;
        // No borrow is held here: a failed write looks at storage's use.
        self.0.store.set(VAULT_KEY, &vault.to_json())?;
        self.with_open(|open| open.vault = vault);
        Ok(())
    }

    /// Finishes a passphrase change that was cut off: `resealed` holds the
    /// records that were still under the old key, now sealed under the new one.
    /// They are written in one pass, then the old key is dropped. If storage
    /// changed meanwhile or a write fails, the old key stays in the lock record
    /// and the next unlock tries again.
    fn finish_change(
        &self,
        open: &mut Open<C::Key>,
        resealed: &[(String, String)],
        before: &HashMap<String, String>,
    ) {
        if self.stored_records() != *before || self.write_pass(resealed, None, before).is_err() {
            return;
        }
        open.stored.extend(resealed.iter().cloned());
        self.forget_previous_key(open);
    }

    /// Drops the old key from the lock record, once every record is under the
    /// new one. Should the write fail, the old key stays sealed in the record
    /// until the next unlock drops it.
    fn forget_previous_key(&self, open: &mut Open<C::Key>) {
        let finished = open.vault.clone().without_previous_key();
        if self.0.store.set(VAULT_KEY, &finished.to_json()).is_ok() {
            open.vault = finished;
        }
    }

    /// Whether `key` is the one `vault` was made with: it opens the check text.
    async fn opens_check(&self, key: &C::Key, vault: &VaultRecord) -> bool {
        self.0
            .cipher
            .open(key, &vault.check, &[])
            .await
            .is_ok_and(|text| text == CHECK_TEXT.as_bytes())
    }

    async fn new_key(
        &self,
        passphrase: &str,
        idle_minutes: u32,
    ) -> Result<(C::Key, VaultRecord), SaveError> {
        let cipher = &self.0.cipher;
        let kdf = Kdf::new(cipher.salt());
        let key = cipher
            .derive(passphrase, &kdf, false)
            .await
            .map_err(unavailable)?;
        let check = cipher
            .seal(&key, CHECK_TEXT.as_bytes(), &[])
            .await
            .map_err(unavailable)?;
        Ok((key, VaultRecord::new(kdf, check, idle_minutes)))
    }

    /// Encrypts every record of `open.plain` under its key, then, if storage
    /// still holds exactly `before` (and, when changing the passphrase, the
    /// open vault is still the one with `old` key and change count), writes
    /// the vault record and every record in one synchronous pass. If any write
    /// fails, every key is put back as `before` had it.
    async fn rewrite_all(
        &self,
        mut open: Open<C::Key>,
        before: &HashMap<String, String>,
        old: Option<(&C::Key, u64)>,
    ) -> Result<Open<C::Key>, SaveError> {
        let sealed = self.seal_all(&open.key, open.plain.iter()).await?;
        let untouched = match old {
            None => self.status() == Status::Plain && self.0.store.get(VAULT_KEY).is_none(),
            Some((old_key, changes)) => self
                .with_open(|o| {
                    &o.key == old_key
                        && o.changes == changes
                        && o.in_flight.is_empty()
                        && self.key_fits(o)
                })
                .unwrap_or(false),
        };
        if !untouched || self.stored_records() != *before {
            return Err(SaveError::Unavailable(
                "the plans changed while they were being encrypted (in this tab or another); try again"
                    .into(),
            ));
        }
        self.write_pass(&sealed, Some(&open.vault.to_json()), before)?;
        open.stored = sealed.into_iter().collect();
        Ok(open)
    }

    async fn seal_record(
        &self,
        key: &C::Key,
        plain: &RecordPlaintext,
    ) -> Result<String, CipherError> {
        let sealed = self
            .0
            .cipher
            .seal(key, &plain.plaintext, &plain.additional_data)
            .await?;
        Ok(plain.seal(&sealed.iv.0, &sealed.ciphertext.0))
    }

    /// Encrypts every record given, for one write pass.
    async fn seal_all<'a>(
        &self,
        key: &C::Key,
        records: impl Iterator<Item = (&'a String, &'a String)>,
    ) -> Result<Vec<(String, String)>, SaveError> {
        let mut sealed = Vec::new();
        for (name, value) in records {
            let text = self
                .seal_record(key, &RecordPlaintext::of(name, value))
                .await
                .map_err(unavailable)?;
            sealed.push((name.clone(), text));
        }
        Ok(sealed)
    }

    /// Writes `vault` (when given) and then every sealed record in one
    /// synchronous pass. If any write fails, every key is put back as `before`
    /// had it (or removed), and then, if all of them were, the vault record as
    /// it was.
    fn write_pass(
        &self,
        sealed: &[(String, String)],
        vault: Option<&str>,
        before: &HashMap<String, String>,
    ) -> Result<(), SaveError> {
        let store = &self.0.store;
        let old_vault = store.get(VAULT_KEY);
        let written = vault
            .map_or(Ok(()), |text| store.set(VAULT_KEY, text))
            .and_then(|()| {
                sealed
                    .iter()
                    .try_for_each(|(name, text)| store.set(name, text))
            });
        let Err(error) = written else {
            return Ok(());
        };
        let put_back = sealed
            .iter()
            .try_for_each(|(name, _)| match before.get(name) {
                Some(text) => store.set(name, text),
                None => store.remove(name),
            });
        // A record still under the new key needs the new lock record (which
        // can also open the old key during a change): keep it then.
        let put_back = put_back.and_then(|()| match old_vault {
            Some(text) => store.set(VAULT_KEY, &text),
            None => store.remove(VAULT_KEY),
        });
        Err(match put_back {
            Ok(()) => error,
            Err(put_back) => SaveError::PartlyWritten {
                error: Box::new(error),
                put_back: Box::new(put_back),
            },
        })
    }

    /// Runs `writes` (synchronous saves through the vault), and while the
    /// lock is open, encrypts everything they wrote and stores it in one pass,
    /// all or nothing: on a failure, storage and the decrypted copy are put
    /// back as they were. Without a passphrase it simply runs `writes`. The
    /// writes behind earlier saves must have finished.
    pub async fn write_all_or_nothing(
        &self,
        writes: impl FnOnce() -> Result<(), SaveError>,
    ) -> Result<(), SaveError> {
        if self.status() != Status::Open {
            return writes();
        }
        let Some(plain_before) = self.with_open(|open| {
            open.batch = Some(Vec::new());
            open.plain.clone()
        }) else {
            return writes();
        };
        let result = writes();
        let (written, key, changes) = self
            .with_open(|open| {
                let mut written = open.batch.take().unwrap_or_default();
                written.sort();
                written.dedup();
                let values: Vec<(String, Option<String>)> = written
                    .iter()
                    .map(|k| (k.clone(), open.plain.get(k).cloned()))
                    .collect();
                (values, open.key.clone(), open.changes)
            })
            .ok_or_else(locked)?;
        let undo = |error: SaveError| {
            self.with_open(|open| open.plain = plain_before.clone());
            Err(error)
        };
        if let Err(error) = result {
            return undo(error);
        }
        let values = written
            .iter()
            .filter_map(|(name, value)| Some((name, value.as_ref()?)));
        let sealed = match self.seal_all(&key, values).await {
            Ok(sealed) => sealed,
            Err(error) => return undo(error),
        };
        let unchanged = self.with_open(|o| {
            o.key == key && o.changes == changes && o.in_flight.is_empty() && self.key_fits(o)
        });
        if unchanged != Some(true) {
            return undo(SaveError::Unavailable(
                "the plans changed while the import was being encrypted; try again".into(),
            ));
        }
        if let Err(error) = self.write_pass(&sealed, None, &self.stored_records()) {
            return undo(error);
        }
        self.with_open(|open| {
            for (name, text) in sealed {
                open.stored.insert(name, text);
            }
        });
        Ok(())
    }

    /// Another tab wrote `key` (`None`: cleared everything): brings its value
    /// into memory, decrypted, then runs `then`. A changed `kinplan.vault` (a
    /// new passphrase, the lock turned on, or all data cleared) locks this
    /// tab, since its key no longer fits; the caller sees the new
    /// [`Vault::status`] and starts again.
    pub fn after_other_tab(
        &self,
        key: Option<String>,
        value: Option<String>,
        then: impl FnOnce() + 'static,
    ) {
        if self.status() == Status::Plain && self.0.store.get(VAULT_KEY).is_some() {
            self.set_state(State::Locked);
        }
        let Some(crypto_key) = self.with_open(|open| open.key.clone()) else {
            return then();
        };
        if key
            .as_deref()
            .is_some_and(|k| k != VAULT_KEY && !is_sealed_key(k))
        {
            // Stored in the clear: read from storage as it is.
            return then();
        }
        let Some(key) = key.filter(|k| k != VAULT_KEY) else {
            // Only the idle time may change under an open vault.
            match self.record() {
                Some(stored)
                    if self.with_open(|open| same_key(Some(&stored), &open.vault))
                        == Some(true) =>
                {
                    self.with_open(|open| open.vault = stored);
                }
                _ => self.set_state(State::Locked),
            }
            return then();
        };
        let this = self.clone();
        let task = async move {
            this.take_stored(&crypto_key, &key, value, false).await;
            then();
        };
        (self.0.spawn)(None, Box::pin(task));
    }

    /// Called after every `kinplan.` key has been removed.
    pub fn cleared(&self) {
        self.set_state(State::Plain);
    }

    /// An encrypted export of `json` under this device's key, in the format of
    /// [`EncryptedExport`].
    pub async fn seal_export(&self, json: &str) -> Result<String, String> {
        let (key, kdf) = self
            .with_open(|open| (open.key.clone(), open.vault.kdf.clone()))
            .ok_or("Kinplan is locked")?;
        let sealed = self
            .0
            .cipher
            .seal(&key, json.as_bytes(), &[])
            .await
            .map_err(|e| e.0)?;
        Ok(EncryptedExport::new(kdf, sealed).to_json())
    }

    /// The plain export inside `file`. Without a passphrase, only this
    /// device's key is tried (it fits files exported here since the passphrase
    /// was last set).
    pub async fn open_export(
        &self,
        file: &EncryptedExport,
        passphrase: Option<&str>,
    ) -> Result<Vec<u8>, UnlockError> {
        let cipher = &self.0.cipher;
        let key = match passphrase {
            Some(passphrase) => cipher
                .derive(passphrase, &file.kdf, false)
                .await
                .map_err(|e| UnlockError::Unavailable(e.0))?,
            None => self
                .with_open(|open| (open.vault.kdf == file.kdf).then(|| open.key.clone()))
                .flatten()
                .ok_or(UnlockError::WrongPassphrase)?,
        };
        cipher
            .open(&key, &file.sealed(), &[])
            .await
            .map_err(|_| UnlockError::WrongPassphrase)
    }

    /// A device backup (the crash page's file) with every sealed case record
    /// opened: with this device's key when the backup's lock record is this
    /// device's, otherwise with a key made from `passphrase`. Records that do
    /// not open stay sealed, and the import names them.
    pub async fn open_backup(
        &self,
        backup: &DeviceBackup,
        passphrase: Option<&str>,
    ) -> Result<DeviceBackup, UnlockError> {
        let vault = backup
            .records
            .get(VAULT_KEY)
            .and_then(|raw| VaultRecord::from_json(raw).ok())
            .ok_or(UnlockError::Unavailable(
                "its cases are encrypted, but the backup's lock record is missing or damaged"
                    .into(),
            ))?;
        let key = match passphrase {
            Some(passphrase) => {
                let key = self
                    .0
                    .cipher
                    .derive(passphrase, &vault.kdf, false)
                    .await
                    .map_err(|e| UnlockError::Unavailable(e.0))?;
                if !self.opens_check(&key, &vault).await {
                    return Err(UnlockError::WrongPassphrase);
                }
                key
            }
            None => self
                .with_open(|open| same_key(Some(&vault), &open.vault).then(|| open.key.clone()))
                .flatten()
                .ok_or(UnlockError::WrongPassphrase)?,
        };
        let mut opened = backup.clone();
        for (name, raw) in backup.case_records() {
            if let Some(plain) = self.open_record(&key, name, raw).await {
                opened.records.insert(name.clone(), plain);
            }
        }
        Ok(opened)
    }

    /// A stored record, decrypted; as stored if it is not encrypted; `None` if
    /// it does not decrypt under `key`.
    async fn open_record(&self, key: &C::Key, name: &str, raw: &str) -> Option<String> {
        finish_open(self.start_open(key, name, raw), raw).await
    }

    /// Starts decrypting a stored record: `None` if it is not encrypted.
    fn start_open(&self, key: &C::Key, name: &str, raw: &str) -> Option<Opening> {
        let sealed = SealedRecord::read(name, raw)?;
        let decrypting = self.0.cipher.open(
            key,
            &Sealed {
                iv: crate::domain::persist::vault::Bytes(sealed.iv.clone()),
                ciphertext: crate::domain::persist::vault::Bytes(sealed.ciphertext.clone()),
            },
            &sealed.additional_data,
        );
        Some((sealed, Box::pin(decrypting)))
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
