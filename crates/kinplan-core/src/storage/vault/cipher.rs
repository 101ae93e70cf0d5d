//! What the vault needs of cryptography, as one trait: the browser's
//! WebCrypto implements it ([`super::web_crypto`]), and the host
//! simulation (`tests/storage_simulation.rs`) implements it with
//! RustCrypto's AES-GCM and PBKDF2, so the vault's logic runs the same in
//! both.
//!
//! Every operation is asynchronous, as WebCrypto's are; a host cipher
//! returns futures that are ready at once.

use std::future::Future;

use crate::domain::persist::vault::{Kdf, Sealed, SALT_BYTES};

/// Why a cryptographic operation failed: a wrong key, damaged data, or a
/// browser that refused.
#[derive(Clone, Debug, PartialEq)]
pub struct CipherError(pub String);

impl std::fmt::Display for CipherError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// AES-256-GCM with keys made by PBKDF2-SHA-256, as `docs/security.md`
/// describes.
///
/// The futures need not be `Send`: Kinplan runs on one thread.
pub trait Cipher {
    /// A key in memory. Compared to tell whether the vault's key changed
    /// while an operation was waiting.
    type Key: Clone + PartialEq + 'static;

    /// The key from `passphrase` under `kdf`. An `extractable` key can be
    /// sealed by [`Cipher::seal_key`]; others cannot be read out.
    fn derive(
        &self,
        passphrase: &str,
        kdf: &Kdf,
        extractable: bool,
    ) -> impl Future<Output = Result<Self::Key, CipherError>>;

    /// Encrypts under `key` with a fresh random IV; `additional_data` is
    /// bound to the ciphertext (empty is the same as none).
    fn seal(
        &self,
        key: &Self::Key,
        plaintext: &[u8],
        additional_data: &[u8],
    ) -> impl Future<Output = Result<Sealed, CipherError>>;

    /// Decrypts; fails when the key, the ciphertext or the additional data
    /// is not the one sealed. The work starts when this is called, not
    /// when the future is first polled, so many can run side by side.
    fn open(
        &self,
        key: &Self::Key,
        sealed: &Sealed,
        additional_data: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, CipherError>> + 'static;

    /// `old`'s raw bytes sealed under `key`, with `additional_data`.
    fn seal_key(
        &self,
        key: &Self::Key,
        old: &Self::Key,
        additional_data: &[u8],
    ) -> impl Future<Output = Result<Sealed, CipherError>>;

    /// The key sealed by [`Cipher::seal_key`], for decrypting only.
    fn open_key(
        &self,
        key: &Self::Key,
        sealed: &Sealed,
        additional_data: &[u8],
    ) -> impl Future<Output = Result<Self::Key, CipherError>>;

    /// A fresh random salt for a new key.
    fn salt(&self) -> [u8; SALT_BYTES];
}
