//! The passphrase lock: every `kinplan.` record but `kinplan.vault`
//! encrypted at rest with AES-256-GCM through WebCrypto.
//!
//! WebCrypto is asynchronous and the rest of the adapter is not: a save
//! runs inside a keystroke, or in `pagehide` where no promise is waited
//! for. So after unlocking, every record is decrypted into memory
//! ([`Open::plain`]) and the adapter reads and writes that copy at once;
//! each write is then encrypted and stored behind it, one per key in
//! flight and only the newest queued. The window in which a change is only
//! in memory is one encryption, well under a millisecond for a typical
//! case, and the app saves at once rather than after a pause while the
//! lock is on. A write that fails late is reported through
//! [`on_write_failure`].
//!
//! Setting or changing the passphrase, and an import, encrypt everything
//! first, then write every record (and `kinplan.vault`) in one synchronous
//! pass, putting every key back if any write fails: all or nothing. Each
//! checks just before that pass that nothing changed meanwhile, in this tab
//! or another, and gives up (changing nothing) if it did.
//!
//! A pass is synchronous, but a crash or a power cut can still stop it
//! half-way. For a passphrase change that would leave some records under
//! a key nobody can derive any more, so the new lock record, written
//! first, carries the old key sealed under the new one
//! ([`VaultRecord::previous_key`]) until the pass is done. Unlocking with
//! the new passphrase then reads both kinds of record and finishes the
//! change.
//!
//! The formats are in `domain::vault`; the scheme in `docs/security.md`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use gloo_storage::{LocalStorage, Storage};
use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use super::SaveError;
use crate::domain::export::DeviceBackup;
use crate::domain::vault::{
    is_sealed, Bytes, EncryptedExport, Kdf, RecordPlaintext, Sealed, SealedRecord, VaultRecord,
    CHECK_TEXT, IV_BYTES, PREVIOUS_KEY_DATA, SALT_BYTES,
};

/// Present exactly when this device's data is encrypted.
pub const VAULT_KEY: &str = "kinplan.vault";

enum State {
    /// No passphrase: the adapter uses `localStorage` directly.
    Plain,
    /// A passphrase is set and the key is not in memory.
    Locked,
    Open(Box<Open>),
}

struct Open {
    key: CryptoKey,
    /// The lock record the key was made from. A write goes ahead only while
    /// storage holds the same salt and check, so nothing is written under a
    /// replaced key.
    vault: VaultRecord,
    /// Every record, decrypted.
    plain: HashMap<String, String>,
    /// The stored (encrypted) text this tab last wrote or read per key, to
    /// tell another tab's write from our own.
    stored: HashMap<String, String>,
    /// The newest value waiting for its key's write in flight.
    queued: HashMap<String, String>,
    in_flight: HashSet<String>,
    /// Values whose write failed, until a newer value for the key is saved.
    failed: HashSet<String>,
    /// Counts every change to `plain`, so a slow rewrite can tell that
    /// something changed while it worked.
    changes: u64,
    /// Keys written while an import is being written all or nothing.
    batch: Option<Vec<String>>,
}

impl Open {
    fn new(key: CryptoKey, vault: VaultRecord) -> Open {
        Open {
            key,
            vault,
            plain: HashMap::new(),
            stored: HashMap::new(),
            queued: HashMap::new(),
            in_flight: HashSet::new(),
            failed: HashSet::new(),
            changes: 0,
            batch: None,
        }
    }

    /// Whether storage still holds the lock record this key belongs to.
    fn key_fits(&self) -> bool {
        same_key(record().as_ref(), &self.vault)
    }
}

fn same_key(stored: Option<&VaultRecord>, ours: &VaultRecord) -> bool {
    stored.is_some_and(|s| s.kdf == ours.kdf && s.check == ours.check)
}

/// Told of a write that failed after its save had returned: which key, and why.
type FailureReport = Box<dyn Fn(&str, SaveError)>;

thread_local! {
    static STATE: RefCell<State> = RefCell::new(initial_state());
    static ON_FAILURE: RefCell<Option<FailureReport>> = const { RefCell::new(None) };
}

fn initial_state() -> State {
    if real_get(VAULT_KEY).is_some() {
        State::Locked
    } else {
        State::Plain
    }
}

/// Whether the data on this device is encrypted, and the key in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Plain,
    Locked,
    Open,
}

pub fn status() -> Status {
    STATE.with(|s| match &*s.borrow() {
        State::Plain => Status::Plain,
        State::Locked => Status::Locked,
        State::Open(_) => Status::Open,
    })
}

/// The stored lock record, if a passphrase is set (and readable).
pub fn record() -> Option<VaultRecord> {
    VaultRecord::from_json(&real_get(VAULT_KEY)?).ok()
}

/// Called with the key and the error when a write behind the in-memory
/// copy fails.
pub fn on_write_failure(report: impl Fn(&str, SaveError) + 'static) {
    ON_FAILURE.with(|f| *f.borrow_mut() = Some(Box::new(report)));
}

fn report(key: &str, error: SaveError) {
    ON_FAILURE.with(|f| {
        if let Some(report) = &*f.borrow() {
            report(key, error)
        }
    });
}

/// Whether a change is not in storage yet: being encrypted, or its write
/// failed and nothing newer has been saved since.
pub fn writes_pending() -> bool {
    with_open(|open| !open.in_flight.is_empty() || !open.failed.is_empty()).unwrap_or(false)
}

/// Runs `f` on the open vault; `None` when there is none.
fn with_open<T>(f: impl FnOnce(&mut Open) -> T) -> Option<T> {
    STATE.with(|s| match &mut *s.borrow_mut() {
        State::Open(open) => Some(f(open)),
        _ => None,
    })
}

fn real_get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

pub(super) fn real_set(key: &str, value: &str) -> Result<(), SaveError> {
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(super::browser::save_error)
}

fn real_kinplan_keys() -> Vec<String> {
    let store = LocalStorage::raw();
    let len = store.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| is_sealed_key(k))
        .collect()
}

/// Whether `key` is encrypted under a passphrase: every `kinplan.` key but
/// the lock record itself and the child lock, which a locked Kinplan must
/// read (see `storage::load_child_lock`).
pub fn is_sealed_key(key: &str) -> bool {
    key.starts_with("kinplan.") && key != VAULT_KEY && key != super::CHILD_LOCK_KEY
}

/// Every sealed record, as storage holds it now.
fn real_records() -> HashMap<String, String> {
    real_kinplan_keys()
        .into_iter()
        .filter_map(|k| Some((k.clone(), real_get(&k)?)))
        .collect()
}

// The adapter's hooks: `None` means "no passphrase, use storage directly".

pub(super) fn get(key: &str) -> Option<Option<String>> {
    STATE.with(|s| match &*s.borrow() {
        State::Plain => None,
        State::Locked => Some(None),
        State::Open(open) => Some(open.plain.get(key).cloned()),
    })
}

pub(super) fn set(key: &str, value: &str) -> Option<Result<(), SaveError>> {
    if status() == Status::Plain {
        // No lock record: write in the clear, as the caller does.
        real_get(VAULT_KEY)?;
        // Another tab set a passphrase: never write in the clear again.
        STATE.with(|s| *s.borrow_mut() = State::Locked);
    }
    let start = with_open(|open| {
        open.changes += 1;
        open.plain.insert(key.to_string(), value.to_string());
        if let Some(batch) = &mut open.batch {
            // Written all together by `write_all_or_nothing`.
            batch.push(key.to_string());
            return false;
        }
        open.queued.insert(key.to_string(), value.to_string());
        open.in_flight.insert(key.to_string())
    });
    Some(match start {
        Some(true) => {
            wasm_bindgen_futures::spawn_local(write_behind(key.to_string()));
            Ok(())
        }
        Some(false) => Ok(()),
        None => Err(locked()),
    })
}

fn locked() -> SaveError {
    SaveError::Unavailable("Kinplan is locked".into())
}

/// Removes `key` from the in-memory copy; the caller removes it from storage.
pub(super) fn remove(key: &str) {
    with_open(|open| {
        open.changes += 1;
        open.plain.remove(key);
        open.queued.remove(key);
        open.stored.remove(key);
        open.failed.remove(key);
    });
}

pub(super) fn keys() -> Option<Vec<String>> {
    STATE.with(|s| match &*s.borrow() {
        State::Plain => None,
        State::Locked => Some(Vec::new()),
        State::Open(open) => Some(open.plain.keys().cloned().collect()),
    })
}

/// The newest text of `key` as this tab should judge it: its own value,
/// even while still being encrypted, unless another tab has written the
/// key since (whose sealed record's stamp is readable without decrypting).
/// `None` when there is no open vault.
pub(super) fn newest(key: &str) -> Option<Option<String>> {
    with_open(|open| {
        let real = real_get(key);
        if real.as_ref() == open.stored.get(key) {
            open.plain.get(key).cloned()
        } else {
            real
        }
    })
}

/// Encrypts and stores `key`'s queued values until none is left.
async fn write_behind(key: String) {
    while let Some((value, crypto_key)) = with_open(|open| {
        let value = open.queued.remove(&key)?;
        Some((value, open.key.clone()))
    })
    .flatten()
    {
        let perf = web_sys::window().and_then(|w| w.performance());
        let start = format!("kinplan:seal:{key}");
        if let Some(perf) = &perf {
            let _ = perf.mark(&start);
        }
        let plain = RecordPlaintext::of(&key, &value);
        let result = match seal_record(&crypto_key, &plain).await {
            Ok(text) => store_sealed(&key, &crypto_key, text),
            Err(e) => Err(SaveError::Unavailable(js_error(&e))),
        };
        // The time from save to encrypted in storage, for `make bench`;
        // only the latest is kept.
        if let Some(perf) = &perf {
            perf.clear_measures_with_measure_name("kinplan:seal");
            let _ = perf.measure_with_start_mark("kinplan:seal", &start);
            perf.clear_marks_with_mark_name(&start);
        }
        with_open(|open| match &result {
            Ok(()) => open.failed.remove(&key),
            Err(_) => open.failed.insert(key.clone()),
        });
        if let Err(error) = result {
            report(&key, error);
        }
    }
    with_open(|open| open.in_flight.remove(&key));
}

/// Writes an encrypted record, unless the key no longer fits or the record
/// was deleted while it was being encrypted.
fn store_sealed(key: &str, crypto_key: &CryptoKey, text: String) -> Result<(), SaveError> {
    let fits = with_open(|open| &open.key == crypto_key && open.key_fits()).unwrap_or(false);
    if !fits {
        return Err(SaveError::Unavailable(
            "Kinplan was locked, or its passphrase changed, before this change was stored".into(),
        ));
    }
    if with_open(|open| !open.plain.contains_key(key)).unwrap_or(true) {
        return Ok(());
    }
    real_set(key, &text)?;
    with_open(|open| open.stored.insert(key.to_string(), text));
    Ok(())
}

/// Waits until every queued write has been tried.
pub async fn drained() {
    while with_open(|open| !open.in_flight.is_empty()).unwrap_or(false) {
        sleep(5).await;
    }
}

/// Why unlocking did not happen. Nothing is changed in either case.
#[derive(Clone, Debug, PartialEq)]
pub enum UnlockError {
    WrongPassphrase,
    Unavailable(String),
}

impl std::fmt::Display for UnlockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnlockError::WrongPassphrase => write!(
                f,
                "That passphrase is not right. Nothing has been changed: check it and try again."
            ),
            UnlockError::Unavailable(why) => write!(
                f,
                "Kinplan could not unlock: {why}. Nothing has been changed."
            ),
        }
    }
}

/// Derives the key, checks it against the vault record, then decrypts
/// every record into memory. Only reads storage, except to seal a record
/// found unencrypted (written by a tab that had not yet seen the lock), and
/// to finish a passphrase change that was cut off.
pub async fn unlock(passphrase: &str) -> Result<(), UnlockError> {
    let vault = record().ok_or(UnlockError::Unavailable(
        "the lock record is missing or damaged".into(),
    ))?;
    let key = derive(passphrase, &vault.kdf, false)
        .await
        .map_err(|e| UnlockError::Unavailable(js_error(&e)))?;
    if !opens_check(&key, &vault).await {
        return Err(UnlockError::WrongPassphrase);
    }
    // Only while a passphrase change is unfinished. Should it not open,
    // the change stays unfinished: records under the old key show as
    // damaged, and the old key is kept.
    let previous_key = match vault.previous_key() {
        Some(sealed) => open_key(&key, sealed).await.ok(),
        None => None,
    };
    let before = real_records();
    // Every decryption is started before the first is waited for, so they
    // run side by side.
    let started: Vec<_> = before
        .iter()
        .map(|(name, raw)| start_open(&key, name, raw))
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
            plain = open_record(previous_key, name, raw).await;
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
        Some(_) if unreadable == 0 => seal_all(
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
    if status() != Status::Locked || !open.key_fits() {
        return Err(UnlockError::Unavailable(
            "Kinplan's data changed while it was being opened; try again".into(),
        ));
    }
    if let Some(resealed) = resealed {
        finish_change(&mut open, &resealed, &before);
    }
    STATE.with(|s| *s.borrow_mut() = State::Open(Box::new(open)));
    for key in unsealed {
        if let Some(value) = get(&key).flatten() {
            let _ = set(&key, &value);
        }
    }
    Ok(())
}

/// Waits for writes to finish, then drops the key and the decrypted copy.
pub async fn lock() {
    // First let the pages that are closing save (their cleanup runs in
    // the reactive system's microtasks), then wait for those writes.
    sleep(0).await;
    drained().await;
    STATE.with(|s| {
        if matches!(&*s.borrow(), State::Open(_)) {
            *s.borrow_mut() = State::Locked;
        }
    });
}

/// Sets a passphrase on a device that has none: every record is encrypted
/// and written in one pass, all or nothing, with the vault record first.
pub async fn turn_on(passphrase: &str, idle_minutes: u32) -> Result<(), SaveError> {
    let before = real_records();
    if status() != Status::Plain
        || real_get(VAULT_KEY).is_some()
        || before.values().any(|v| is_sealed(v))
    {
        return Err(SaveError::Unavailable(
            "a passphrase has already been set on this device, perhaps in another tab".into(),
        ));
    }
    let (key, vault) = new_key(passphrase, idle_minutes).await?;
    let mut open = Open::new(key, vault);
    open.plain = before.clone();
    let open = rewrite_all(open, &before, None).await?;
    STATE.with(|s| *s.borrow_mut() = State::Open(Box::new(open)));
    Ok(())
}

/// Why the passphrase was not changed. Nothing is changed in any case.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeError {
    WrongPassphrase,
    /// An earlier change is not finished: some records are still under
    /// the key before it, which a new change would drop.
    Unfinished,
    NotSaved(SaveError),
}

/// Re-encrypts everything under a key from `new`, all or nothing.
pub async fn change_passphrase(current: &str, new: &str) -> Result<(), ChangeError> {
    let not_saved = |e: JsValue| ChangeError::NotSaved(SaveError::Unavailable(js_error(&e)));
    let vault = record().ok_or(ChangeError::NotSaved(locked()))?;
    if vault.previous_key().is_some() {
        return Err(ChangeError::Unfinished);
    }
    // Extractable, to be sealed into the new lock record until the change is done.
    let current_key = derive(current, &vault.kdf, true).await.map_err(not_saved)?;
    if !opens_check(&current_key, &vault).await {
        return Err(ChangeError::WrongPassphrase);
    }
    drained().await;
    let (plain, stored, old_key, changes) = with_open(|open| {
        (
            open.plain.clone(),
            open.stored.clone(),
            open.key.clone(),
            open.changes,
        )
    })
    .ok_or(ChangeError::NotSaved(locked()))?;
    let (key, new_vault) = new_key(new, vault.idle_minutes)
        .await
        .map_err(ChangeError::NotSaved)?;
    let sealed_key = seal_key(&key, &current_key).await.map_err(not_saved)?;
    drop(current_key);
    let mut open = Open::new(key, new_vault.with_previous_key(sealed_key));
    open.plain = plain;
    let mut open = rewrite_all(open, &stored, Some((&old_key, changes)))
        .await
        .map_err(ChangeError::NotSaved)?;
    forget_previous_key(&mut open);
    STATE.with(|s| *s.borrow_mut() = State::Open(Box::new(open)));
    Ok(())
}

/// Changes the idle time, which is kept in the vault record.
pub fn set_idle_minutes(minutes: u32) -> Result<(), SaveError> {
    let mut vault = with_open(|open| open.vault.clone()).ok_or_else(locked)?;
    vault.idle_minutes = minutes;
    // No borrow is held here: a failed write looks at storage's use.
    real_set(VAULT_KEY, &vault.to_json())?;
    with_open(|open| open.vault = vault);
    Ok(())
}

/// Finishes a passphrase change that was cut off: `resealed` holds the
/// records that were still under the old key, now sealed under the new one.
/// They are written in one pass, then the old key is dropped. If storage
/// changed meanwhile or a write fails, the old key stays in the lock record
/// and the next unlock tries again.
fn finish_change(open: &mut Open, resealed: &[(String, String)], before: &HashMap<String, String>) {
    if real_records() != *before || write_pass(resealed, None, before).is_err() {
        return;
    }
    open.stored.extend(resealed.iter().cloned());
    forget_previous_key(open);
}

/// Drops the old key from the lock record, once every record is under the
/// new one. Should the write fail, the old key stays sealed in the record
/// until the next unlock drops it.
fn forget_previous_key(open: &mut Open) {
    let finished = open.vault.clone().without_previous_key();
    if real_set(VAULT_KEY, &finished.to_json()).is_ok() {
        open.vault = finished;
    }
}

/// Whether `key` is the one `vault` was made with: it opens the check text.
async fn opens_check(key: &CryptoKey, vault: &VaultRecord) -> bool {
    open_sealed(key, &vault.check, None)
        .await
        .is_ok_and(|text| text == CHECK_TEXT.as_bytes())
}

async fn new_key(
    passphrase: &str,
    idle_minutes: u32,
) -> Result<(CryptoKey, VaultRecord), SaveError> {
    let failed = |e: JsValue| SaveError::Unavailable(js_error(&e));
    let kdf = Kdf::new(random::<SALT_BYTES>());
    let key = derive(passphrase, &kdf, false).await.map_err(failed)?;
    let check = seal(&key, CHECK_TEXT.as_bytes(), None)
        .await
        .map_err(failed)?;
    Ok((key, VaultRecord::new(kdf, check, idle_minutes)))
}

/// Encrypts every record of `open.plain` under its key, then, if storage
/// still holds exactly `before` (and, when changing the passphrase, the
/// open vault is still the one with `old` key and change count), writes
/// the vault record and every record in one synchronous pass. If any write
/// fails, every key is put back as `before` had it.
async fn rewrite_all(
    mut open: Open,
    before: &HashMap<String, String>,
    old: Option<(&CryptoKey, u64)>,
) -> Result<Open, SaveError> {
    let sealed = seal_all(&open.key, open.plain.iter()).await?;
    let untouched = match old {
        None => status() == Status::Plain && real_get(VAULT_KEY).is_none(),
        Some((old_key, changes)) => with_open(|o| {
            &o.key == old_key && o.changes == changes && o.in_flight.is_empty() && o.key_fits()
        })
        .unwrap_or(false),
    };
    if !untouched || real_records() != *before {
        return Err(SaveError::Unavailable(
            "the plans changed while they were being encrypted (in this tab or another); try again"
                .into(),
        ));
    }
    write_pass(&sealed, Some(&open.vault.to_json()), before)?;
    open.stored = sealed.into_iter().collect();
    Ok(open)
}

/// Encrypts every record given, for one write pass.
async fn seal_all<'a>(
    key: &CryptoKey,
    records: impl Iterator<Item = (&'a String, &'a String)>,
) -> Result<Vec<(String, String)>, SaveError> {
    let mut sealed = Vec::new();
    for (name, value) in records {
        let text = seal_record(key, &RecordPlaintext::of(name, value))
            .await
            .map_err(|e| SaveError::Unavailable(js_error(&e)))?;
        sealed.push((name.clone(), text));
    }
    Ok(sealed)
}

/// Writes `vault` (when given) and then every sealed record in one
/// synchronous pass. If any write fails, every key is put back as `before`
/// had it (or removed), and then, if all of them were, the vault record as
/// it was.
fn write_pass(
    sealed: &[(String, String)],
    vault: Option<&str>,
    before: &HashMap<String, String>,
) -> Result<(), SaveError> {
    let old_vault = real_get(VAULT_KEY);
    let written = vault
        .map_or(Ok(()), |text| real_set(VAULT_KEY, text))
        .and_then(|()| {
            sealed
                .iter()
                .try_for_each(|(name, text)| real_set(name, text))
        });
    if written.is_err() {
        let store = LocalStorage::raw();
        let all_put_back = sealed.iter().all(|(name, _)| {
            match before.get(name) {
                Some(text) => store.set_item(name, text),
                None => store.remove_item(name),
            }
            .is_ok()
        });
        // A record still under the new key needs the new lock record (which
        // can also open the old key during a change): keep it then.
        if all_put_back {
            let _ = match old_vault {
                Some(text) => store.set_item(VAULT_KEY, &text),
                None => store.remove_item(VAULT_KEY),
            };
        }
    }
    written
}

/// Runs `writes` (synchronous saves through the adapter), and while the
/// lock is open, encrypts everything they wrote and stores it in one pass,
/// all or nothing: on a failure, storage and the decrypted copy are put
/// back as they were. Without a passphrase it simply runs `writes`.
pub async fn write_all_or_nothing(
    writes: impl FnOnce() -> Result<(), SaveError>,
) -> Result<(), SaveError> {
    if status() != Status::Open {
        return writes();
    }
    drained().await;
    let Some(plain_before) = with_open(|open| {
        open.batch = Some(Vec::new());
        open.plain.clone()
    }) else {
        return writes();
    };
    let result = writes();
    let (written, key, changes) = with_open(|open| {
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
        with_open(|open| open.plain = plain_before.clone());
        Err(error)
    };
    if let Err(error) = result {
        return undo(error);
    }
    let values = written
        .iter()
        .filter_map(|(name, value)| Some((name, value.as_ref()?)));
    let sealed = match seal_all(&key, values).await {
        Ok(sealed) => sealed,
        Err(error) => return undo(error),
    };
    let unchanged = with_open(|o| o.key == key && o.changes == changes && o.key_fits());
    if unchanged != Some(true) {
        return undo(SaveError::Unavailable(
            "the plans changed while the import was being encrypted; try again".into(),
        ));
    }
    if let Err(error) = write_pass(&sealed, None, &real_records()) {
        return undo(error);
    }
    with_open(|open| {
        for (name, text) in sealed {
            open.stored.insert(name, text);
        }
    });
    Ok(())
}

/// Another tab wrote `key` (`None`: cleared everything): bring its value
/// into memory, decrypted, then run `then`. A changed `kinplan.vault` (a
/// new passphrase, the lock turned on, or all data cleared) locks this
/// tab, since its key no longer fits; the caller sees the new [`status`]
/// and starts again.
pub fn after_other_tab(key: Option<String>, value: Option<String>, then: impl FnOnce() + 'static) {
    // One copy of the work below, whatever the caller's closure.
    bring_in(key, value, Box::new(then));
}

fn bring_in(key: Option<String>, value: Option<String>, then: Box<dyn FnOnce()>) {
    if status() == Status::Plain && real_get(VAULT_KEY).is_some() {
        STATE.with(|s| *s.borrow_mut() = State::Locked);
    }
    let Some(crypto_key) = with_open(|open| open.key.clone()) else {
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
        match record() {
            Some(stored)
                if with_open(|open| same_key(Some(&stored), &open.vault)) == Some(true) =>
            {
                with_open(|open| open.vault = stored);
            }
            _ => STATE.with(|s| *s.borrow_mut() = State::Locked),
        }
        return then();
    };
    wasm_bindgen_futures::spawn_local(async move {
        let plain = match &value {
            // One that does not decrypt opens as damaged, with its text.
            Some(raw) => Some(
                open_record(&crypto_key, &key, raw)
                    .await
                    .unwrap_or_else(|| raw.clone()),
            ),
            None => None,
        };
        // Events are decrypted side by side: apply this one only if it is
        // still what storage holds, so an older value never lands last.
        if real_get(&key) == value {
            with_open(|open| match (plain, value) {
                (Some(plain), Some(raw)) => {
                    open.plain.insert(key.clone(), plain);
                    open.stored.insert(key, raw);
                }
                _ => {
                    open.plain.remove(&key);
                    open.stored.remove(&key);
                }
            });
        }
        then();
    });
}

/// Called after every `kinplan.` key has been removed.
pub(super) fn cleared() {
    STATE.with(|s| *s.borrow_mut() = State::Plain);
}

/// An encrypted export of `json` under this device's key, in the format of
/// [`EncryptedExport`].
pub async fn seal_export(json: &str) -> Result<String, String> {
    let (key, kdf) =
        with_open(|open| (open.key.clone(), open.vault.kdf.clone())).ok_or("Kinplan is locked")?;
    let sealed = seal(&key, json.as_bytes(), None)
        .await
        .map_err(|e| js_error(&e))?;
    Ok(EncryptedExport::new(kdf, sealed).to_json())
}

/// The plain export inside `file`. Without a passphrase, only this
/// device's key is tried (it fits files exported here since the passphrase
/// was last set).
pub async fn open_export(
    file: &EncryptedExport,
    passphrase: Option<&str>,
) -> Result<Vec<u8>, UnlockError> {
    let key = match passphrase {
        Some(passphrase) => derive(passphrase, &file.kdf, false)
            .await
            .map_err(|e| UnlockError::Unavailable(js_error(&e)))?,
        None => with_open(|open| (open.vault.kdf == file.kdf).then(|| open.key.clone()))
            .flatten()
            .ok_or(UnlockError::WrongPassphrase)?,
    };
    open_sealed(&key, &file.sealed(), None)
        .await
        .map_err(|_| UnlockError::WrongPassphrase)
}

/// A device backup (the crash page's file) with every sealed case record
/// opened: with this device's key when the backup's lock record is this
/// device's, otherwise with a key made from `passphrase`. Records that do
/// not open stay sealed, and the import names them.
pub async fn open_backup(
    backup: &DeviceBackup,
    passphrase: Option<&str>,
) -> Result<DeviceBackup, UnlockError> {
    let vault = backup
        .records
        .get(VAULT_KEY)
        .and_then(|raw| VaultRecord::from_json(raw).ok())
        .ok_or(UnlockError::Unavailable(
            "its cases are encrypted, but the backup's lock record is missing or damaged".into(),
        ))?;
    let key = match passphrase {
        Some(passphrase) => {
            let key = derive(passphrase, &vault.kdf, false)
                .await
                .map_err(|e| UnlockError::Unavailable(js_error(&e)))?;
            if !opens_check(&key, &vault).await {
                return Err(UnlockError::WrongPassphrase);
            }
            key
        }
        None => with_open(|open| same_key(Some(&vault), &open.vault).then(|| open.key.clone()))
            .flatten()
            .ok_or(UnlockError::WrongPassphrase)?,
    };
    let mut opened = backup.clone();
    for (name, raw) in backup.case_records() {
        if let Some(plain) = open_record(&key, name, raw).await {
            opened.records.insert(name.clone(), plain);
        }
    }
    Ok(opened)
}

// WebCrypto.

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(web_sys::window().ok_or("no window")?.crypto()?.subtle())
}

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .expect("every browser that runs Kinplan has crypto.getRandomValues");
    bytes
}

/// The AES-GCM key from `passphrase`. Not extractable, so script on the
/// page cannot read it out, except for the one a passphrase change seals
/// into the new lock record.
async fn derive(passphrase: &str, kdf: &Kdf, extractable: bool) -> Result<CryptoKey, JsValue> {
    let subtle = subtle()?;
    let usages = Array::of1(&"deriveKey".into());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(passphrase.as_bytes()),
        "PBKDF2",
        false,
        &usages,
    )?)
    .await?;
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &kdf.hash.as_str().into(),
        kdf.iterations,
        &Uint8Array::from(kdf.salt.0.as_slice()),
    );
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = JsFuture::from(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &AesDerivedKeyParams::new("AES-GCM", 256),
        extractable,
        &usages,
    )?)
    .await?;
    Ok(key.unchecked_into())
}

fn gcm(iv: &[u8], additional_data: Option<&[u8]>) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    if let Some(data) = additional_data {
        params.set_additional_data(&Uint8Array::from(data));
    }
    params
}

/// AES-256-GCM under `key` with a fresh random IV.
async fn seal(
    key: &CryptoKey,
    plaintext: &[u8],
    additional_data: Option<&[u8]>,
) -> Result<Sealed, JsValue> {
    let iv = random::<IV_BYTES>();
    let ciphertext = JsFuture::from(subtle()?.encrypt_with_object_and_js_u8_array(
        &gcm(&iv, additional_data),
        key,
        &Uint8Array::from(plaintext),
    )?)
    .await?;
    Ok(Sealed {
        iv: Bytes(iv.to_vec()),
        ciphertext: Bytes(Uint8Array::new(&ciphertext).to_vec()),
    })
}

async fn seal_record(key: &CryptoKey, plain: &RecordPlaintext) -> Result<String, JsValue> {
    let sealed = seal(key, &plain.plaintext, Some(&plain.additional_data)).await?;
    Ok(plain.seal(&sealed.iv.0, &sealed.ciphertext.0))
}

/// `old`'s raw bytes, sealed under `key` for [`VaultRecord::previous_key`].
async fn seal_key(key: &CryptoKey, old: &CryptoKey) -> Result<Sealed, JsValue> {
    let raw = Uint8Array::new(&JsFuture::from(subtle()?.export_key("raw", old)?).await?);
    let mut bytes = raw.to_vec();
    raw.fill(0, 0, raw.length());
    let sealed = seal(key, &bytes, Some(PREVIOUS_KEY_DATA)).await;
    bytes.fill(0);
    sealed
}

/// The key sealed by [`seal_key`], for decrypting only.
async fn open_key(key: &CryptoKey, sealed: &Sealed) -> Result<CryptoKey, JsValue> {
    let mut bytes = open_sealed(key, sealed, Some(PREVIOUS_KEY_DATA)).await?;
    let raw = Uint8Array::from(bytes.as_slice());
    bytes.fill(0);
    let imported = subtle()?.import_key_with_str(
        "raw",
        &raw,
        "AES-GCM",
        false,
        &Array::of1(&"decrypt".into()),
    );
    // importKey has copied the bytes by the time it returns.
    raw.fill(0, 0, raw.length());
    Ok(JsFuture::from(imported?).await?.unchecked_into())
}

fn decrypt_promise(
    key: &CryptoKey,
    iv: &[u8],
    additional_data: Option<&[u8]>,
    ciphertext: &[u8],
) -> Result<Promise, JsValue> {
    subtle()?.decrypt_with_object_and_js_u8_array(
        &gcm(iv, additional_data),
        key,
        &Uint8Array::from(ciphertext),
    )
}

async fn open_sealed(
    key: &CryptoKey,
    sealed: &Sealed,
    additional_data: Option<&[u8]>,
) -> Result<Vec<u8>, JsValue> {
    let plain = JsFuture::from(decrypt_promise(
        key,
        &sealed.iv.0,
        additional_data,
        &sealed.ciphertext.0,
    )?)
    .await?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// A stored record, decrypted; as stored if it is not encrypted; `None` if
/// it does not decrypt under `key`.
async fn open_record(key: &CryptoKey, name: &str, raw: &str) -> Option<String> {
    finish_open(start_open(key, name, raw), raw).await
}

/// Starts decrypting a stored record: `None` if it is not encrypted.
fn start_open(key: &CryptoKey, name: &str, raw: &str) -> Option<(SealedRecord, Promise)> {
    let sealed = SealedRecord::read(name, raw)?;
    let promise = decrypt_promise(
        key,
        &sealed.iv,
        Some(&sealed.additional_data),
        &sealed.ciphertext,
    )
    .ok();
    // A key the browser refuses reads as a record that does not decrypt.
    Some((
        sealed,
        promise.unwrap_or_else(|| Promise::reject(&JsValue::NULL)),
    ))
}

async fn finish_open(started: Option<(SealedRecord, Promise)>, raw: &str) -> Option<String> {
    let Some((sealed, promise)) = started else {
        return Some(raw.to_string());
    };
    let plain = JsFuture::from(promise).await.ok()?;
    sealed.record(&Uint8Array::new(&plain).to_vec()).ok()
}

async fn sleep(ms: i32) {
    let wait = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(wait).await;
}

fn js_error(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser's cryptography failed".into())
}
