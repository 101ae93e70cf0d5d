//! Form fields shared by the pages: a label above, an optional hint, and
//! the value bound to part of the open case.

use leptos::prelude::*;

use crate::ui::case_session::OpenCase;

/// A labelled one-line text input bound to part of the case.
#[component]
pub fn Field(
    id: String,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="form-group">
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input id=id class="input" type=kind disabled=open.is_read_only()
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=value on:input=move |ev| on_input.run(event_target_value(&ev))/>
        </div>
    }
}

/// A labelled multi-line text bound to part of the case.
#[component]
pub fn TextArea(
    id: String,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="form-group">
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <textarea id=id class="textarea" rows=rows.to_string() disabled=open.is_read_only()
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=value on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        </div>
    }
}
