//! Import: pick or drop an export file, see every problem or a preview of
//! what will happen, choose how to treat cases already here, then write all
//! or nothing.

use std::collections::HashSet;

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

#[component]
pub fn ImportCases() -> impl IntoView {
    let state = expect_context::<AppState>();
    let import = RwSignal::new(ImportState::Idle);
    let choice = RwSignal::new(ClashChoice::KeepBoth);
    let dragging = RwSignal::new(false);

    let preview = move |file: String, bytes: &[u8]| {
        // Every file starts from keeping both, whatever was chosen for the
        // last one: replacing must always be chosen on screen.
        choice.set(ClashChoice::KeepBoth);
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
    };

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_IMPORT_BYTES as f64 {
            let errors = vec![ImportError {
                path: String::new(),
                message: format!(
                    "The file is {:.1} MB. Files over {} MB cannot be imported.",
                    file.size() / 1_048_576.0,
                    MAX_IMPORT_BYTES / 1_048_576
                ),
            }];
            import.set(ImportState::Invalid { file: name, errors });
            return;
        }
        import.set(ImportState::Reading);
        leptos::task::spawn_local(async move {
            let next = match read_file(&file).await {
                Err(message) => ImportState::Invalid {
                    file: name,
                    errors: vec![ImportError {
                        path: String::new(),
                        message,
                    }],
                },
                Ok(bytes) => {
                    let sealed = if is_encrypted_export(&bytes) {
                        match parse_encrypted_export(&bytes) {
                            Ok(envelope) => Some(Sealed::Export(envelope)),
                            Err(error) => {
                                import.set(ImportState::Invalid {
                                    file: name,
                                    errors: vec![error],
                                });
                                return;
                            }
                        }
                    } else {
                        sealed_backup(&bytes).map(Sealed::Backup)
                    };
                    match sealed {
                        None => preview(name, &bytes),
                        // This device's key first: it opens files made here.
                        Some(sealed) => match sealed.open(None).await {
                            Ok(plain) => preview(name, &plain),
                            Err(_) => ImportState::NeedsPassphrase {
                                file: name,
                                sealed,
                                wrong: false,
                            },
                        },
                    }
                }
            };
            import.set(next);
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
            let next = match sealed.open(Some(&typed)).await {
                Ok(plain) => {
                    passphrase.set(String::new());
                    preview(file, &plain)
                }
                Err(vault::UnlockError::WrongPassphrase) => ImportState::NeedsPassphrase {
                    file,
                    sealed,
                    wrong: true,
                },
                Err(vault::UnlockError::Unavailable(message)) => ImportState::Invalid {
                    file,
                    errors: vec![ImportError {
                        path: String::new(),
                        message,
                    }],
                },
            };
            import.set(next);
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
        let cases = preview.resolve(choice.get_untracked(), Utc::now());
        let count = cases.len();
        import.set(ImportState::Reading);
        leptos::task::spawn_local(async {
            storage::keep::ask_to_keep().await;
        });
        leptos::task::spawn_local(async move {
            let written =
                vault::write_all_or_nothing(|| state.cases(|c| c.import(&cases)).map(|_| ())).await;
            match written {
                Ok(()) => {
                    state.index.set(state.cases(|c| c.current_index()));
                    import.set(ImportState::Idle);
                    state.notify(
                        format!(
                            "Imported {count} case{}.",
                            if count == 1 { "" } else { "s" }
                        ),
                        None,
                    );
                }
                Err(e) => import.set(ImportState::Invalid {
                    file: "the import".into(),
                    errors: vec![ImportError {
                        path: String::new(),
                        message: match e {
                            SaveError::PartlyWritten { .. } => format!("The import failed: {e}."),
                            e => format!("Nothing was imported: {e}."),
                        },
                    }],
                }),
            }
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
