//! The browser's `localStorage` as a [`Store`]: [`LocalStore`] as it is,
//! and [`BrowserStore`], the same with the passphrase vault over it. While
//! a passphrase is set, reads and writes of sealed records go to the
//! vault's decrypted copy and are encrypted behind (see [`super::vault`]).

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::{vault, SaveError, Store};

/// `localStorage` for this site, records as they are stored.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        LocalStorage::raw().set_item(key, value).map_err(save_error)
    }

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        LocalStorage::raw().remove_item(key).map_err(save_error)
    }

    fn keys(&self) -> Vec<String> {
        let store = LocalStorage::raw();
        let len = store.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| store.key(i).ok().flatten())
            .collect()
    }
}

/// This tab's storage as Kinplan reads and writes it: `localStorage`
/// through the passphrase vault. Every tab has its own, over one storage.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserStore;

impl Store for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        vault::vault().get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        vault::vault().set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        vault::vault().remove(key)
    }

    fn keys(&self) -> Vec<String> {
        vault::vault().keys()
    }

    fn stored(&self, key: &str) -> Option<String> {
        vault::vault().stored(key)
    }
}

/// Why the browser refused a write, from the exception it threw.
fn save_error(err: wasm_bindgen::JsValue) -> SaveError {
    let name = err
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        SaveError::QuotaFull {
            used: super::Repository::new(LocalStore).used_chars(),
        }
    } else {
        SaveError::Unavailable(if name.is_empty() {
            "storage is not available".into()
        } else {
            name
        })
    }
}
