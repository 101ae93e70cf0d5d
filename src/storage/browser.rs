//! The browser's `localStorage` as a [`Store`], with the passphrase vault
//! under it: while a passphrase is set, reads and writes go to the vault's
//! decrypted copy and are encrypted behind (see [`super::vault`]).

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::{vault, SaveError, Store};

/// `localStorage` for this site. Every tab has its own, over one storage.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserStore;

impl Store for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        vault::get(key).unwrap_or_else(|| LocalStorage::raw().get_item(key).ok().flatten())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        vault::set(key, value).unwrap_or_else(|| vault::real_set(key, value))
    }

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        vault::remove(key);
        LocalStorage::raw().remove_item(key).map_err(save_error)
    }

    fn keys(&self) -> Vec<String> {
        if let Some(keys) = vault::keys() {
            return keys;
        }
        let store = LocalStorage::raw();
        let len = store.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| store.key(i).ok().flatten())
            .collect()
    }

    fn stored(&self, key: &str) -> Option<String> {
        vault::newest(key).unwrap_or_else(|| LocalStorage::raw().get_item(key).ok().flatten())
    }
}

/// Why the browser refused a write, from the exception it threw.
pub(super) fn save_error(err: wasm_bindgen::JsValue) -> SaveError {
    let name = err
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        SaveError::QuotaFull {
            used: super::Repository::new(BrowserStore).used_chars(),
        }
    } else {
        SaveError::Unavailable(if name.is_empty() {
            "storage is not available".into()
        } else {
            name
        })
    }
}
