//! "There is a problem": the GOV.UK error summary at the top of a form
//! that was sent with mistakes. Each mistake links to its field, and the
//! summary takes focus when it appears, so a screen reader hears it first.

use leptos::html::Div;
use leptos::prelude::*;

use crate::ui::platform::browser::focus_later;

/// A mistake in a form: the id of the field to fix, and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Mistake {
    pub field: String,
    pub message: String,
}

#[component]
pub fn ErrorSummary(#[prop(into)] mistakes: Signal<Vec<Mistake>>) -> impl IntoView {
    let summary = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if mistakes.with(|m| !m.is_empty()) {
            if let Some(el) = summary.get() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <Show when=move || mistakes.with(|m| !m.is_empty())>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=summary>
                <h2>"There is a problem"</h2>
                <ul>
                    {move || mistakes.get().into_iter().map(|Mistake { field, message }| view! {
                        <li><a href=format!("#{field}") on:click=move |ev| {
                            ev.prevent_default();
                            focus_later(field.clone());
                        }>{message}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
