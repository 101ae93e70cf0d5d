//! The dialog that asks, with a passphrase set, whether an export is
//! encrypted or plain (the export itself is `ui::state::export`).

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::storage::vault;
use crate::ui::state::AppState;

/// The choice between an encrypted and a plain export, as a modal dialog.
#[component]
pub fn ExportChoice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dialog = NodeRef::<Dialog>::new();
    let problem = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if state.export_request.with(Option::is_some) && !dialog.open() {
                problem.set(None);
                let _ = dialog.show_modal();
            }
        }
    });
    let close = move || {
        state.export_request.set(None);
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let plain = move |_| {
        if let Some(request) = state.export_request.get_untracked() {
            request.download_plain(state);
        }
        close();
    };
    let encrypted = move |_| {
        let Some(request) = state.export_request.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match vault::seal_export(request.json()).await {
                Ok(text) => {
                    request.download_sealed(state, &text);
                    close();
                }
                Err(why) => problem.set(Some(format!(
                    "The file was not encrypted ({why}). Nothing was saved."
                ))),
            }
        });
    };
    view! {
        <dialog node_ref=dialog class="export-choice" aria-labelledby="export-choice-heading"
            on:close=move |_| state.export_request.set(None)>
            <h2 id="export-choice-heading">"How should the export be saved?"</h2>
            <p>"This device is protected by a passphrase."</p>
            {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
            <div class="export-options">
                <div>
                    <button type="button" class="button" autofocus on:click=encrypted aria-describedby="export-encrypted-hint">"Encrypted file"</button>
                    <p class="hint" id="export-encrypted-hint">"Opens only with the passphrase you use on this device. Best for a backup or moving plans to another device."</p>
                </div>
                <div>
                    <button type="button" class="button button-secondary" on:click=plain aria-describedby="export-plain-hint">"Plain file, not encrypted"</button>
                    <p class="hint" id="export-plain-hint">"Anyone who gets the file can read it. Use this only where your council's rules allow."</p>
                </div>
            </div>
            <button type="button" class="button-link" on:click=move |_| close()>"Cancel"</button>
        </dialog>
    }
}
