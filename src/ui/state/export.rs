//! Exporting cases to a file. With a passphrase set, the worker chooses an
//! encrypted or a plain file each time (see `domain::persist::vault` for
//! the format): the request waits in [`AppState`] for the dialog.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::persist::export::{file_name, ExportFile};
use crate::domain::Case;
use crate::storage::vault;
use crate::ui::platform::browser::download;
use crate::ui::state::AppState;

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

impl ExportRequest {
    /// The export as plain JSON, to seal before an encrypted download.
    pub fn json(&self) -> &str {
        &self.json
    }

    /// Downloads the export as it is.
    pub fn download_plain(&self, state: AppState) {
        save(state, &self.name, &self.json, self.at);
    }

    /// Downloads `sealed`, this export encrypted, under a name that says so.
    pub fn download_sealed(&self, state: AppState, sealed: &str) {
        let name = self.name.replace(".json", "-encrypted.json");
        save(state, &name, sealed, self.at);
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
