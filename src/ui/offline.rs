//! Working offline: registers the service worker (`static/sw.js`) and
//! offers a new version when one has been deployed.
//!
//! A new worker installs beside the running one and waits. The app shows
//! "New version available", and only when the worker chooses to reload is
//! the new one told to take over; the page reloads when it has, saving any
//! edit on the way out (`pagehide`). Browsers offer service workers only on
//! HTTPS or localhost: on a plain-HTTP intranet the app still works, but
//! not with the server out of reach.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The browser's service workers, where it has them.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the worker, and sets `update_ready` once a new version is
/// installed and waiting behind the one running this page.
pub fn start(update_ready: RwSignal<bool>) {
    let Some(workers) = container() else { return };
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(workers.register("./sw.js")).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // The first install has nothing to replace: it is not an update.
        let replaces_running = || container().is_some_and(|w| w.controller().is_some());
        if registration.waiting().is_some() && replaces_running() {
            update_ready.set(true);
        }
        let watched = registration.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && replaces_running() {
                    update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        // Both listeners live as long as the page.
        on_update.forget();
    });
}

/// Tells the waiting worker to take over, and reloads once it has.
pub fn apply_update() {
    let Some(workers) = container() else { return };
    let reload = Closure::once_into_js(|| {
        let _ = window().location().reload();
    });
    workers.set_oncontrollerchange(Some(reload.unchecked_ref()));
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(workers.get_registration()).await else {
            return;
        };
        if registration.is_undefined() {
            return;
        }
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if let Some(waiting) = registration.waiting() {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}
