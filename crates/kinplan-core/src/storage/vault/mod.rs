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
//! The logic is [`Vault`], generic over the [`Store`](super::Store) under
//! it and the [`Cipher`], so the host simulation
//! (`tests/storage_simulation.rs`) runs it over an in-memory store with
//! many tabs, and the web app over `localStorage` and WebCrypto. The
//! formats are in `domain::persist::vault`; the scheme in `docs/security.md`.

mod cipher;
mod core;

pub use self::cipher::{Cipher, CipherError};
pub use self::core::{is_sealed_key, Spawner, Task, Vault};
use super::SaveError;

/// Present exactly when this device's data is encrypted.
pub const VAULT_KEY: &str = "kinplan.vault";

/// Whether the data on this device is encrypted, and the key in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Plain,
    Locked,
    Open,
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

/// Why the passphrase was not changed. Nothing is changed in any case.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeError {
    WrongPassphrase,
    /// An earlier change is not finished: some records are still under
    /// the key before it, which a new change would drop.
    Unfinished,
    NotSaved(SaveError),
}
