//! The browser's WebCrypto as the vault's [`Cipher`].

use std::future::Future;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use super::{Cipher, CipherError};
use crate::domain::persist::vault::{Bytes, Kdf, Sealed, IV_BYTES, SALT_BYTES};

#[derive(Clone, Copy, Debug, Default)]
pub struct WebCrypto;

impl Cipher for WebCrypto {
    type Key = CryptoKey;

    /// Not extractable unless asked, so script on the page cannot read the
    /// key out; only the one a passphrase change seals into the new lock
    /// record is.
    async fn derive(
        &self,
        passphrase: &str,
        kdf: &Kdf,
        extractable: bool,
    ) -> Result<CryptoKey, CipherError> {
        let subtle = subtle()?;
        let usages = Array::of1(&"deriveKey".into());
        let base = JsFuture::from(
            subtle
                .import_key_with_str(
                    "raw",
                    &Uint8Array::from(passphrase.as_bytes()),
                    "PBKDF2",
                    false,
                    &usages,
                )
                .map_err(failed)?,
        )
        .await
        .map_err(failed)?;
        let params = Pbkdf2Params::new(
            "PBKDF2",
            &kdf.hash.as_str().into(),
            kdf.iterations,
            &Uint8Array::from(kdf.salt.0.as_slice()),
        );
        let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
        let key = JsFuture::from(
            subtle
                .derive_key_with_object_and_object(
                    &params,
                    &base.unchecked_into(),
                    &AesDerivedKeyParams::new("AES-GCM", 256),
                    extractable,
                    &usages,
                )
                .map_err(failed)?,
        )
        .await
        .map_err(failed)?;
        Ok(key.unchecked_into())
    }

    async fn seal(
        &self,
        key: &CryptoKey,
        plaintext: &[u8],
        additional_data: &[u8],
    ) -> Result<Sealed, CipherError> {
        let iv = random::<IV_BYTES>();
        let ciphertext = JsFuture::from(
            subtle()?
                .encrypt_with_object_and_js_u8_array(
                    &gcm(&iv, additional_data),
                    key,
                    &Uint8Array::from(plaintext),
                )
                .map_err(failed)?,
        )
        .await
        .map_err(failed)?;
        Ok(Sealed {
            iv: Bytes(iv.to_vec()),
            ciphertext: Bytes(Uint8Array::new(&ciphertext).to_vec()),
        })
    }

    fn open(
        &self,
        key: &CryptoKey,
        sealed: &Sealed,
        additional_data: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, CipherError>> + 'static {
        // The promise is made here, so decryptions started one after
        // another run side by side.
        let promise = subtle().and_then(|subtle| {
            subtle
                .decrypt_with_object_and_js_u8_array(
                    &gcm(&sealed.iv.0, additional_data),
                    key,
                    &Uint8Array::from(sealed.ciphertext.0.as_slice()),
                )
                .map_err(failed)
        });
        async move {
            let plain = JsFuture::from(promise?).await.map_err(failed)?;
            Ok(Uint8Array::new(&plain).to_vec())
        }
    }

    async fn seal_key(
        &self,
        key: &CryptoKey,
        old: &CryptoKey,
        additional_data: &[u8],
    ) -> Result<Sealed, CipherError> {
        let exported = subtle()?.export_key("raw", old).map_err(failed)?;
        let raw = Uint8Array::new(&JsFuture::from(exported).await.map_err(failed)?);
        let mut bytes = raw.to_vec();
        raw.fill(0, 0, raw.length());
        let sealed = self.seal(key, &bytes, additional_data).await;
        bytes.fill(0);
        sealed
    }

    async fn open_key(
        &self,
        key: &CryptoKey,
        sealed: &Sealed,
        additional_data: &[u8],
    ) -> Result<CryptoKey, CipherError> {
        let mut bytes = self.open(key, sealed, additional_data).await?;
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
        let key = JsFuture::from(imported.map_err(failed)?)
            .await
            .map_err(failed)?;
        Ok(key.unchecked_into())
    }

    fn salt(&self) -> [u8; SALT_BYTES] {
        random()
    }
}

fn subtle() -> Result<SubtleCrypto, CipherError> {
    let window = web_sys::window().ok_or_else(|| CipherError("no window".into()))?;
    Ok(window.crypto().map_err(failed)?.subtle())
}

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .expect("every browser that runs Kinplan has crypto.getRandomValues");
    bytes
}

fn gcm(iv: &[u8], additional_data: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    if !additional_data.is_empty() {
        params.set_additional_data(&Uint8Array::from(additional_data));
    }
    params
}

/// The browser's reason, in its words.
fn failed(e: JsValue) -> CipherError {
    CipherError(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "the browser's cryptography failed".into()),
    )
}
