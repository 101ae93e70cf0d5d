//! Clearing everything Kinplan keeps on this device: for a device handed
//! on, and the only way past a forgotten passphrase.

use leptos::prelude::*;

use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::storage;

/// What must be typed before everything is cleared.
const CLEAR_WORDS: &str = "delete everything";

/// "Clear all data on this device", after a typed confirmation: for a
/// device being handed on or returned, or a forgotten passphrase.
#[component]
pub fn ClearDevice(on_cleared: impl Fn() + 'static) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let clear = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if typed.get_untracked().trim().to_lowercase() != CLEAR_WORDS {
            error.set(true);
            return;
        }
        storage::clear_all();
        on_cleared();
    };
    view! {
        <form class="danger-zone" on:submit=clear>
            <h2>"Clear all data on this device"</h2>
            <p>"This deletes every case, everything in the bin and this practice profile from this browser, for good. Do this before a device is handed on or returned. Export your cases from the case list first if you need them."</p>
            <div class="form-group" class:form-group-error=move || error.get()>
                <label class="label" for="clear-confirm">{format!("To confirm, type \u{201c}{CLEAR_WORDS}\u{201d}")}</label>
                {move || error.get().then(|| view! { <p class="error-message" id="clear-confirm-error">{format!("Type \u{201c}{CLEAR_WORDS}\u{201d} exactly. Nothing has been deleted.")}</p> })}
                <input maxlength=MAX_TEXT_CHARS id="clear-confirm" class="input input-medium" type="text" autocomplete="off"
                    aria-describedby=move || error.get().then_some("clear-confirm-error")
                    prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button button-warning">"Clear all data"</button>
        </form>
    }
}
