//! This device's storage: whether the browser keeps Kinplan's data, and
//! clearing everything before a device is handed on.

use leptos::prelude::*;

use crate::storage;

/// Whether the browser will keep Kinplan's data when the device runs short
/// of space, and a button to ask it to (see `storage::keep`). The status
/// line stays in place, so each answer is announced, and the button stays
/// until the browser agrees.
#[component]
pub(super) fn StorageKept() -> impl IntoView {
    let kept = RwSignal::new(None::<bool>);
    let answer = RwSignal::new(None::<&'static str>);
    let heading = NodeRef::<leptos::html::H2>::new();
    leptos::task::spawn_local(async move {
        kept.try_set(storage::keep::kept().await);
    });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let said = storage::keep::ask_to_keep().await;
            answer.try_set(Some(match said {
                Some(true) => "Done: your browser will keep Kinplan\u{2019}s data.",
                Some(false) => "The browser said no for now. Browsers usually agree once a site is used often, bookmarked or installed.",
                None => "The browser did not answer.",
            }));
            if said == Some(true) {
                kept.try_set(Some(true));
                // The button goes: keep the keyboard in this section.
                if let Some(heading) = heading.get_untracked() {
                    let _ = heading.focus();
                }
            }
        });
    };
    view! {
        <Show when=move || kept.get().is_some()>
            <section class="storage-kept" aria-labelledby="kept-heading">
                <h2 id="kept-heading" tabindex="-1" node_ref=heading>"Keeping the data"</h2>
                <p>{move || if kept.get() == Some(true) {
                    "Your browser keeps Kinplan\u{2019}s data on this device until you clear it."
                } else {
                    "Your browser may clear Kinplan\u{2019}s data if this device runs very short of space. Keep recent exports of your cases."
                }}</p>
                <Show when=move || kept.get() == Some(false)>
                    <button type="button" class="button button-secondary" on:click=ask>"Ask the browser to keep it"</button>
                </Show>
                <p role="status">{move || answer.get()}</p>
            </section>
        </Show>
    }
}
