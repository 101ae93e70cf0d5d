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
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

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
        // A browser that keeps service workers off (a test harness, a
        // locked-down profile) may answer with nothing: then there is none.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        // The browser may have found the new version while the page was
        // loading: it is then waiting, or still installing.
        if registration.waiting().is_some() && replaces_running() {
            update_ready.set(true);
        }
        if let Some(installing) = registration.installing() {
            watch(installing, update_ready);
        }
        let watched = registration.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = watched.installing() {
                watch(installing, update_ready);
            }
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        // The listener lives as long as the page.
        on_update.forget();
        // Look for a new version now that the listeners are in place, and
        // again every hour: a worker may keep the app open all day.
        check_for_update(registration.clone());
        set_interval(
            move || check_for_update(registration.clone()),
            std::time::Duration::from_secs(60 * 60),
        );
    });
}

/// Asks the server for a new `sw.js`; with the server out of reach, there
/// is simply nothing new.
fn check_for_update(registration: ServiceWorkerRegistration) {
    spawn_local(async move {
        if let Ok(update) = registration.update() {
            let _ = JsFuture::from(update).await;
        }
    });
}

/// Whether a worker already runs this page: the first install has
/// nothing to replace, so it is not an update.
fn replaces_running() -> bool {
    container().is_some_and(|w| w.controller().is_some())
}

/// Sets `update_ready` when `worker` has installed and waits to take over.
fn watch(worker: ServiceWorker, update_ready: RwSignal<bool>) {
    let watched = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && replaces_running() {
            update_ready.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
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
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(waiting) = registration.waiting() {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}
