//! A labelled `<select>` over any [`Choice`]: its options are every value
//! in order, its value the chosen slug, so no page matches form strings by
//! hand.

use leptos::prelude::*;

use crate::domain::choice::Choice;

#[component]
pub fn ChoiceSelect<T: Choice + Send + Sync>(
    #[prop(into)] id: String,
    label: &'static str,
    /// The value shown; `None` selects nothing.
    #[prop(into)]
    value: Signal<Option<T>>,
    on_change: Callback<T>,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id class="select" disabled=disabled on:change=move |ev| {
                if let Some(chosen) = T::from_slug(&event_target_value(&ev)) {
                    on_change.run(chosen);
                }
            }>
                {T::ALL.iter().map(|&choice| view! {
                    <option value=choice.slug() selected=move || value.get() == Some(choice)>{choice.title()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
