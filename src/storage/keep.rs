//! Asking the browser to keep Kinplan's storage.
//!
//! By default a browser may clear a site's storage, `localStorage`
//! included, when the device runs very short of space ("best-effort").
//! `navigator.storage.persist()` asks it to keep the storage until the user
//! clears it. Chromium and Safari answer from their own signals (how much
//! the site is used, whether it is installed or bookmarked) without asking
//! anyone; Firefox asks the user. So Kinplan asks when the worker saves
//! something of their own (a new case, an import), from that click, and
//! Settings says what the browser decided, with a button to ask again.

use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

fn manager() -> Option<StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

/// Whether the browser keeps Kinplan's storage until the user clears it;
/// `None` where it cannot say.
pub async fn kept() -> Option<bool> {
    JsFuture::from(manager()?.persisted().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Asks the browser to keep Kinplan's storage, and returns its answer.
/// Call it from a click or a key press: Firefox asks the user only then.
pub async fn ask_to_keep() -> Option<bool> {
    JsFuture::from(manager()?.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}
