//! What a worker has typed into a form but not yet submitted (a map entry
//! about to be added, a review being recorded), kept in storage per case
//! and per form as it is typed, so a reload, a crash or the lock loses
//! none of it. Submitting or cancelling the form clears it.

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use uuid::Uuid;

use crate::ui::state::AppState;

/// One form's draft in one case.
#[derive(Clone, Copy)]
pub struct Draft {
    app: AppState,
    case: Uuid,
    form: StoredValue<String>,
}

impl Draft {
    pub fn new(case: Uuid, form: String) -> Draft {
        Draft {
            app: expect_context::<AppState>(),
            case,
            form: StoredValue::new(form),
        }
    }

    /// The draft kept from before, if any and still readable.
    pub fn value<T: DeserializeOwned>(&self) -> Option<T> {
        let text = self
            .form
            .with_value(|form| self.app.cases(|c| c.load_draft(self.case, form)))?;
        serde_json::from_str(&text).ok()
    }

    /// Keeps `value` as the draft; an empty one (`is_empty`) removes it.
    pub fn keep<T: Serialize>(&self, value: &T, is_empty: bool) {
        let text = serde_json::to_string(value).expect("a draft always serialises");
        let kept = self.form.with_value(|form| {
            self.app.cases(|c| {
                if is_empty {
                    c.clear_draft(self.case, form)
                } else {
                    c.save_draft(self.case, form, &text)
                }
            })
        });
        if let Err(e) = kept {
            self.app.notify(
                format!("What you are typing could not be kept in case the page closes ({e}). Finish and add it now."),
                None,
            );
        }
    }

    /// The form was submitted or cancelled.
    pub fn clear(&self) {
        let cleared = self
            .form
            .with_value(|form| self.app.cases(|c| c.clear_draft(self.case, form)));
        if let Err(e) = cleared {
            self.app.notify(
                format!("An old draft could not be removed ({e}); it may come back when this page opens again."),
                None,
            );
        }
    }
}

/// Keeps `read()` as `draft` whenever it changes, from the first change on.
pub fn keep_draft<T: Serialize + PartialEq + Clone + Send + Sync + 'static>(
    draft: Draft,
    read: impl Fn() -> T + Send + Sync + 'static,
    is_empty: impl Fn(&T) -> bool + Send + Sync + 'static,
) {
    let value = Memo::new(move |_| read());
    Effect::new(move |first: Option<()>| {
        let now = value.get();
        // The first run is what was loaded: nothing new to keep.
        if first.is_some() {
            draft.keep(&now, is_empty(&now));
        }
    });
}
