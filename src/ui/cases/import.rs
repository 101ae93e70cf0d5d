//! Import: pick or drop an export file, see every problem or a preview of
//! what will happen, choose how to treat cases already here, then write all
//! or nothing.

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::persist::export::{
    decode_text, parse_export, ClashChoice, DeviceBackup, ImportError, ImportPreview,
    DEVICE_BACKUP, MAX_IMPORT_BYTES,
};
use crate::domain::persist::vault::{is_encrypted_export, parse_encrypted_export, EncryptedExport};
use crate::storage::{self, vault, SaveError};
use crate::ui::components::radios::Radios;
use crate::ui::platform::browser::read_file;
use crate::ui::platform::pieces::piece;
use crate::ui::state::AppState;

#[derive(Clone, Debug, PartialEq)]
enum ImportState {
    Idle,
    Reading,
    Invalid {
        file: String,
        errors: Vec<ImportError>,
    },
    Ready {
        file: String,
        preview: ImportPreview,
    },
    /// An encrypted file that this device's key does not open.
    NeedsPassphrase {
        file: String,
        sealed: Sealed,
        wrong: bool,
    },
}

/// What is encrypted: an encrypted export, or a device backup (the crash
/// page's file) whose records are.
#[derive(Clone, Debug, PartialEq)]
enum Sealed {
    Export(EncryptedExport),
    Backup(DeviceBackup),
}

impl Sealed {
    /// The plain file, as `parse_export` reads it.
    async fn open(&self, passphrase: Option<&str>) -> Result<Vec<u8>, vault::UnlockError> {
        match self {
            Sealed::Export(envelope) => vault::open_export(envelope, passphrase).await,
            Sealed::Backup(backup) => vault::open_backup(backup, passphrase)
                .await
                .map(|opened| serde_json::to_vec(&opened).expect("a backup always serialises")),
        }
    }
}

/// A device backup with encrypted cases in it, if `bytes` is one.
fn sealed_backup(bytes: &[u8]) -> Option<DeviceBackup> {
    let text = decode_text(bytes).ok()?;
    if !text.contains(DEVICE_BACKUP) {
        return None;
    }
    DeviceBackup::read(&text)
        .ok()
        .filter(DeviceBackup::has_sealed_cases)
}

/// What the import shows next, once its piece has done its work.
type Next = Pin<Box<dyn Future<Output = ImportState>>>;

impl ImportState {
    /// `file` cannot be imported, for one reason.
    fn failed(file: String, message: String) -> ImportState {
        ImportState::Invalid {
            file,
            errors: vec![ImportError {
                path: String::new(),
                message,
            }],
        }
    }
}

/// What the worker sees of a plain export file: its problems, or a preview.
fn preview(state: AppState, file: String, bytes: &[u8]) -> ImportState {
    match parse_export(bytes) {
        Err(errors) => ImportState::Invalid { file, errors },
        Ok(parsed) => {
            let on_device: HashSet<_> = state
                .index
                .with_untracked(|i| i.cases.iter().map(|e| e.id).collect());
            ImportState::Ready {
                file,
                preview: ImportPreview::new(parsed, &on_device),
            }
        }
    }
}

// Reading a file and writing its cases need every stored type's
// deserialiser and serialiser: they come with the `case` piece (see
// `super::records`) when a file is first chosen.
piece! {
    /// Reads a chosen file: an encrypted one is opened with this device's
    /// key if it can be, and otherwise asks for its passphrase.
    case: fn examine(state: AppState, file: String, bytes: Vec<u8>) -> Next {
        Box::pin(async move {
            let sealed = if is_encrypted_export(&bytes) {
                match parse_encrypted_export(&bytes) {
                    Ok(envelope) => Some(Sealed::Export(envelope)),
                    Err(error) => return ImportState::Invalid { file, errors: vec![error] },
                }
            } else {
                sealed_backup(&bytes).map(Sealed::Backup)
            };
            match sealed {
                None => preview(state, file, &bytes),
                // This device's key first: it opens files made here.
                Some(sealed) => match sealed.open(None).await {
                    Ok(plain) => preview(state, file, &plain),
                    Err(_) => ImportState::NeedsPassphrase { file, sealed, wrong: false },
                },
            }
        })
    }
}

piece! {
    /// Opens an encrypted file with the passphrase the worker typed.
    case: fn open_sealed(state: AppState, file: String, sealed: Sealed, typed: String) -> Next {
        Box::pin(async move {
            match sealed.open(Some(&typed)).await {
                Ok(plain) => preview(state, file, &plain),
                Err(vault::UnlockError::WrongPassphrase) => ImportState::NeedsPassphrase { file, sealed, wrong: true },
                Err(vault::UnlockError::Unavailable(message)) => ImportState::failed(file, message),
            }
        })
    }
}

piece! {
    /// Writes the previewed cases, all or nothing, and says how it went.
    case: fn write_import(state: AppState, preview: ImportPreview, choice: ClashChoice) -> Next {
        let cases = preview.resolve(choice, Utc::now());
        Box::pin(async move {
            let count = cases.len();
            let written =
                vault::write_all_or_nothing(|| state.cases(|c| c.import(&cases)).map(|_| ())).await;
            match written {
                Ok(()) => {
                    state.index.set(state.cases(|c| c.current_index()));
                    state.notify(
                        format!("Imported {count} case{}.", if count == 1 { "" } else { "s" }),
                        None,
                    );
                    ImportState::Idle
                }
                Err(e) => ImportState::failed(
                    "the import".into(),
                    match e {
                        SaveError::PartlyWritten { .. } => format!("The import failed: {e}."),
                        e => format!("Nothing was imported: {e}."),
                    },
                ),
            }
        })
    }
}

#[component]
pub fn ImportCases() -> impl IntoView {
    let state = expect_context::<AppState>();
    let import = RwSignal::new(ImportState::Idle);
    let choice = RwSignal::new(ClashChoice::KeepBoth);
    let dragging = RwSignal::new(false);

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_IMPORT_BYTES as f64 {
            let message = format!(
                "The file is {:.1} MB. Files over {} MB cannot be imported.",
                file.size() / 1_048_576.0,
                MAX_IMPORT_BYTES / 1_048_576
            );
            import.set(ImportState::failed(name, message));
            return;
        }
        import.set(ImportState::Reading);
        // Every file starts from keeping both, whatever was chosen for the
        // last one: replacing must always be chosen on screen.
        choice.set(ClashChoice::KeepBoth);
        leptos::task::spawn_local(async move {
            let next = match read_file(&file).await {
                Err(message) => ImportState::failed(name, message),
                Ok(bytes) => match examine(state, name.clone(), bytes).await {
                    Ok(examined) => examined.await,
                    Err(missing) => {
                        ImportState::failed(name, format!("The file was not read: {missing}."))
                    }
                },
            };
            import.try_set(next);
        });
    };
    let passphrase = RwSignal::new(String::new());
    let open_with_passphrase = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ImportState::NeedsPassphrase { file, sealed, .. } = import.get_untracked() else {
            return;
        };
        let typed = passphrase.get_untracked();
        import.set(ImportState::Reading);
        leptos::task::spawn_local(async move {
            let next = match open_sealed(state, file.clone(), sealed, typed).await {
                Ok(opened) => opened.await,
                Err(missing) => {
                    ImportState::failed(file, format!("The file was not opened: {missing}."))
                }
            };
            if !matches!(next, ImportState::NeedsPassphrase { .. }) {
                passphrase.try_set(String::new());
            }
            import.try_set(next);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            take_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };

    let confirm = move |_| {
        let ImportState::Ready { preview, .. } = import.get_untracked() else {
            return;
        };
        let chosen = choice.get_untracked();
        import.set(ImportState::Reading);
        leptos::task::spawn_local(async {
            storage::keep::ask_to_keep().await;
        });
        leptos::task::spawn_local(async move {
            let next = match write_import(state, preview, chosen).await {
                Ok(written) => written.await,
                Err(missing) => ImportState::failed(
                    "the import".into(),
                    format!("Nothing was imported: {missing}."),
                ),
            };
            import.try_set(next);
        });
    };

    view! {
        <section class="import" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import cases from a file"</h2>
            <div class="drop-zone" class:drop-zone-active=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label class="label" for="import-file">"Choose a Kinplan export file, or drop it here"</label>
                <p class="hint" id="import-hint">{format!("A .json file exported from Kinplan, up to {} MB. Nothing is changed until you confirm.", MAX_IMPORT_BYTES / 1_048_576)}</p>
                <input id="import-file" class="file-upload" type="file" accept=".json,application/json"
                    aria-describedby="import-hint" on:change=on_pick/>
            </div>
            {move || match import.get() {
                ImportState::Idle => ().into_any(),
                ImportState::Reading => view! { <p role="status">"Checking the file…"</p> }.into_any(),
                ImportState::Invalid { file, errors } => view! {
                    <div class="error-summary" role="alert">
                        <h3>{format!("{file} cannot be imported. Nothing was changed.")}</h3>
                        <ul class="import-errors">
                            {errors.into_iter().map(|e| view! { <li><code>{e.to_string()}</code></li> }).collect_view()}
                        </ul>
                    </div>
                }.into_any(),
                ImportState::NeedsPassphrase { file, wrong, .. } => view! {
                    <form class="import-preview" on:submit=open_with_passphrase>
                        <h3>{format!("{file} is encrypted")}</h3>
                        <div class="form-group" class:form-group-error=wrong>
                            <label class="label" for="import-passphrase">"Passphrase for this file"</label>
                            <p class="hint" id="import-passphrase-hint">"The passphrase used on the device it was exported from, when it was exported."</p>
                            {wrong.then(|| view! { <p class="error-message" id="import-passphrase-error" role="alert">"That passphrase does not open this file. Nothing was changed."</p> })}
                            <input id="import-passphrase" class="input input-medium" type="password" autocomplete="off" autofocus
                                aria-describedby=if wrong { "import-passphrase-hint import-passphrase-error" } else { "import-passphrase-hint" }
                                prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                        </div>
                        <div class="button-group">
                            <button type="submit" class="button">"Open the file"</button>
                            <button type="button" class="button button-secondary" on:click=move |_| import.set(ImportState::Idle)>"Cancel"</button>
                        </div>
                    </form>
                }.into_any(),
                ImportState::Ready { file, preview } => {
                    let has_clashes = !preview.existing.is_empty();
                    view! {
                        <div class="import-preview" role="region" aria-label="Import preview">
                            <h3>{format!("Ready to import {file}")}</h3>
                            {(!preview.new.is_empty()).then(|| view! { <p>{format!("New cases ({}):", preview.new.len())}</p> })}
                            <ul>{preview.new.iter().map(|c| view! { <li>{c.label.clone()}</li> }).collect_view()}</ul>
                            {has_clashes.then(|| view! {
                                <p>{format!("Already on this device ({}):", preview.existing.len())}</p>
                                <ul>{preview.existing.iter().map(|c| view! { <li>{c.label.clone()}</li> }).collect_view()}</ul>
                                <Radios name="clash" legend="What should happen to the cases already on this device?"
                                    value=Signal::derive(move || Some(choice.get()))
                                    on_change=Callback::new(move |c| choice.set(c))/>
                            })}
                            <div class="button-group">
                                <button type="button" class="button" on:click=confirm>"Import"</button>
                                <button type="button" class="button button-secondary" on:click=move |_| import.set(ImportState::Idle)>"Cancel"</button>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
