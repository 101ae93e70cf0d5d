//! What the case list does with whole cases: create one, rename, copy or
//! export one, export them all, and list the cases the index missed.
//!
//! The case list itself reads only the index. Reading or writing a whole
//! case needs every document's serialiser, the migrations and the
//! deadline rules, which together are most of what a first visit would
//! otherwise download; so these run in the `case` piece, which opening a
//! case needs for the same code, fetched the first time either is used.
//! (A piece of their own cost more: every set of pieces sharing code
//! becomes one more file to fetch and instantiate.) Each returns the
//! sentence to show when it is refused; [`refusal`] adds the one for a
//! piece that could not be fetched ([`PieceMissing`]).
//!
//! [`PieceMissing`]: crate::ui::platform::pieces::PieceMissing

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::Case;
use crate::ui::platform::pieces::{piece, PieceMissing};
use crate::ui::state::export::export_cases;
use crate::ui::state::AppState;

/// What an action came to: its own refusal, or, if its piece did not
/// arrive, `not_done` ("Not copied") and why.
pub fn refusal<T>(
    done: Result<Result<T, String>, PieceMissing>,
    not_done: &str,
) -> Result<T, String> {
    done.unwrap_or_else(|missing| Err(format!("{not_done}: {missing}.")))
}

piece! {
    /// Creates a case called `name` and returns its id.
    case: pub fn create_case(state: AppState, name: String) -> Result<Uuid, String> {
        let case = Case::new(name, Utc::now());
        match state.cases(|c| c.create(&case)) {
            Ok(saved) => {
                if let Some(e) = saved.list_not_updated {
                    state.notify(format!("The case is saved, but the list of cases could not be updated ({e}). It will be listed next time Kinplan opens."), None);
                }
                state.index.set(state.cases(|c| c.current_index()));
                Ok(case.id)
            }
            Err(e) => Err(format!("The case could not be created: {e}")),
        }
    }
}

piece! {
    /// Renames case `id`.
    case: pub fn rename_case(state: AppState, id: Uuid, name: String) -> Result<(), String> {
        match state.cases(|c| c.load_case(id)) {
            Ok(mut stored) => {
                stored.case.label = name;
                stored.case.updated = Utc::now();
                match state.cases(|c| c.save_case(&stored.case, stored.revision)) {
                    Ok(_) => {
                        state.index.set(state.cases(|c| c.current_index()));
                        Ok(())
                    }
                    Err(e) => Err(format!("Not renamed: {e}")),
                }
            }
            Err(_) => Err("Not renamed: this case cannot be opened.".into()),
        }
    }
}

piece! {
    /// Makes a copy of case `id`, named "… (copy)", and says so.
    case: pub fn duplicate_case(state: AppState, id: Uuid) -> Result<(), String> {
        match state.cases(|c| c.load_case(id)) {
            Ok(stored) => {
                let label = state
                    .index
                    .with_untracked(|i| i.copy_label(&stored.case.label));
                let copy = stored.case.duplicate(label.clone(), Utc::now());
                match state.cases(|c| c.create(&copy)) {
                    Ok(_) => {
                        state.index.set(state.cases(|c| c.current_index()));
                        state.notify(format!("Made a copy called \"{label}\"."), None);
                        Ok(())
                    }
                    Err(e) => Err(format!("Not copied: {e}")),
                }
            }
            Err(_) => Err("Not copied: this case cannot be opened.".into()),
        }
    }
}

piece! {
    /// Exports case `id` to a file.
    case: pub fn export_case(state: AppState, id: Uuid) -> Result<(), String> {
        match state.cases(|c| c.load_case(id)) {
            Ok(stored) => {
                let label = stored.case.label.clone();
                export_cases(state, &label, vec![stored.case]);
                Ok(())
            }
            Err(_) => Err("Not exported: this case cannot be opened. Open it to download its data.".into()),
        }
    }
}

piece! {
    /// Exports every case not in the bin to one file. Damaged cases are
    /// left out, and named in what comes back.
    case: pub fn export_all(state: AppState) -> Result<(), String> {
        let (cases, skipped) = state
            .index
            .with_untracked(|i| state.cases(|c| c.load_all_live(i)));
        export_cases(state, "all cases", cases);
        if skipped.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "These damaged cases were left out: {}. Open each one to download its data.",
                skipped.join(", ")
            ))
        }
    }
}

piece! {
    /// Lists the cases on this device that the index does not (see
    /// `Repository::load_index`), and says so if the list cannot be kept.
    case: pub fn list_every_case(state: AppState) -> () {
        let (index, unrepaired) = state.cases(|c| c.load_index());
        state.index.set(index);
        if let Some(e) = unrepaired {
            state.notify(format!("The list of cases was out of date and could not be corrected: {e}. Your cases are safe; Kinplan will try again next time."), None);
        }
    }
}
