//! The passphrase lock in this browser: the vault's logic
//! (`kinplan_core::storage::vault`, re-exported here) over `localStorage`
//! and WebCrypto, one per tab, with the waits the browser needs around it.
//! The scheme is in `docs/security.md`.

mod web_crypto;

use std::future::Future;

use js_sys::Promise;
use wasm_bindgen_futures::JsFuture;

pub use self::web_crypto::WebCrypto;
use super::browser::LocalStore;
use super::SaveError;
use crate::domain::persist::export::DeviceBackup;
use crate::domain::persist::vault::{EncryptedExport, VaultRecord};
pub use kinplan_core::storage::vault::{
    is_sealed_key, ChangeError, Cipher, CipherError, Spawner, Status, Task, UnlockError, Vault,
    VAULT_KEY,
};

/// This tab's vault: `localStorage` under WebCrypto.
pub type BrowserVault = Vault<LocalStore, WebCrypto>;

thread_local! {
    static VAULT: BrowserVault = Vault::new(LocalStore, WebCrypto, Box::new(spawn));
}

/// Runs a task on the browser's event loop. A write behind a save is
/// measured from start to stored, for `make bench` (only the latest is kept).
fn spawn(key: Option<&str>, task: Task) {
    let perf = key.and(web_sys::window().and_then(|w| w.performance()));
    let Some(perf) = perf else {
        return wasm_bindgen_futures::spawn_local(task);
    };
    let start = format!("kinplan:seal:{}", key.unwrap_or_default());
    // Timing is for the benchmark only: a browser without it still saves.
    let _ = perf.mark(&start);
    wasm_bindgen_futures::spawn_local(async move {
        task.await;
        perf.clear_measures_with_measure_name("kinplan:seal");
        let _ = perf.measure_with_start_mark("kinplan:seal", &start);
        perf.clear_marks_with_mark_name(&start);
    });
}

/// This tab's vault.
pub fn vault() -> BrowserVault {
    VAULT.with(Clone::clone)
}

pub fn status() -> Status {
    vault().status()
}

/// The stored lock record, if a passphrase is set (and readable).
pub fn record() -> Option<VaultRecord> {
    vault().record()
}

/// Called with the key and the error when a write behind the in-memory
/// copy fails.
pub fn on_write_failure(report: impl Fn(&str, SaveError) + 'static) {
    vault().on_write_failure(report)
}

/// Whether a change is not in storage yet: being encrypted, or its write
/// failed and nothing newer has been saved since.
pub fn writes_pending() -> bool {
    vault().writes_pending()
}

/// Waits until every write behind a save has been tried.
pub async fn drained() {
    while vault().writes_in_flight() {
        sleep(5).await;
    }
}

pub async fn unlock(passphrase: &str) -> Result<(), UnlockError> {
    vault().unlock(passphrase).await
}

/// Waits for writes to finish, then drops the key and the decrypted copy.
pub async fn lock() {
    // First let the pages that are closing save (their cleanup runs in
    // the reactive system's microtasks), then wait for those writes.
    sleep(0).await;
    drained().await;
    vault().lock();
}

pub async fn turn_on(passphrase: &str, idle_minutes: u32) -> Result<(), SaveError> {
    vault().turn_on(passphrase, idle_minutes).await
}

pub async fn change_passphrase(current: &str, new: &str) -> Result<(), ChangeError> {
    drained().await;
    vault().change_passphrase(current, new).await
}

pub fn set_idle_minutes(minutes: u32) -> Result<(), SaveError> {
    vault().set_idle_minutes(minutes)
}

/// See [`Vault::write_all_or_nothing`]; waits for earlier writes first.
pub async fn write_all_or_nothing(
    writes: impl FnOnce() -> Result<(), SaveError>,
) -> Result<(), SaveError> {
    drained().await;
    vault().write_all_or_nothing(writes).await
}

/// See [`Vault::after_other_tab`].
pub fn after_other_tab(key: Option<String>, value: Option<String>, then: impl FnOnce() + 'static) {
    // One copy of the work, whatever the caller's closure.
    let then: Box<dyn FnOnce()> = Box::new(then);
    vault().after_other_tab(key, value, then)
}

/// Called after every `kinplan.` key has been removed.
pub(super) fn cleared() {
    vault().cleared()
}

pub async fn seal_export(json: &str) -> Result<String, String> {
    vault().seal_export(json).await
}

pub async fn open_export(
    file: &EncryptedExport,
    passphrase: Option<&str>,
) -> Result<Vec<u8>, UnlockError> {
    vault().open_export(file, passphrase).await
}

pub async fn open_backup(
    backup: &DeviceBackup,
    passphrase: Option<&str>,
) -> Result<DeviceBackup, UnlockError> {
    vault().open_backup(backup, passphrase).await
}

fn sleep(ms: i32) -> impl Future<Output = ()> {
    let wait = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            // A browser without timers resolves nothing; the caller waits
            // on, as it would for a slow write.
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    async move {
        // The promise never rejects.
        let _ = JsFuture::from(wait).await;
    }
}
