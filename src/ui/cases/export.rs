//! Exporting cases to a file. With a passphrase set, the worker chooses an
//! encrypted or a plain file each time (see `domain::persist::vault` for the format).

use chrono::{DateTime, Utc};
use leptos::html::Dialog;
use leptos::prelude::*;

use crate::domain::persist::export::{file_name, ExportFile};
use crate::domain::Case;
use crate::storage::vault;
use crate::ui::app::AppState;
use crate::ui::platform::browser::download;

/// An export waiting for the worker to choose its form.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    name: String,
    json: String,
    at: DateTime<Utc>,
}

/// Exports `cases` as "kinplan-<what>-<date>.json", asking first whether to
/// encrypt it when this device has a passphrase.
pub fn export_cases(state: AppState, what: &str, cases: Vec<Case>) {
    let at = Utc::now();
    let request = ExportRequest {
        name: file_name(what, at),
        json: ExportFile::new(cases, at).to_json(),
        at,
    };
    if vault::status() == vault::Status::Open {
        state.export_request.set(Some(request));
    } else {
        save(state, &request.name, &request.json, request.at);
    }
}

fn save(state: AppState, name: &str, text: &str, at: DateTime<Utc>) {
    if download(name, text, "application/json").is_err() {
        state.notify(
            "The browser did not download the export. Nothing was exported; try again.",
            None,
        );
        return;
    }
    match state.cases(|c| c.update_index(|i| i.last_export = Some(at))) {
        Ok(index) => state.index.set(index),
        Err(e) => state.notify(format!("Exported. Kinplan could not note the date of this export ({e}), so it may remind you to export again."), None),
    }
}

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
            save(state, &request.name, &request.json, request.at);
        }
        close();
    };
    let encrypted = move |_| {
        let Some(request) = state.export_request.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match vault::seal_export(&request.json).await {
                Ok(text) => {
                    let name = request.name.replace(".json", "-encrypted.json");
                    save(state, &name, &text, request.at);
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
