//! Form fields shared by the pages: a label above, an optional hint, and
//! the value bound to part of the open case.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::language::plain_english::{find_jargon, JargonHint};
use crate::domain::language::reading_age::Reader;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::person_ref::PersonRef;
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;

/// Whether fields here are read-only: in a case opened read-only. Fields
/// outside a case (settings, a new case) never are.
pub fn read_only() -> bool {
    use_context::<OpenCase>().is_some_and(|open| open.is_read_only())
}

/// The id of a field's hint, which the field names in `aria-describedby`.
fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// A field's label and hint, above the field given as children; the field
/// points to the hint with `aria-describedby=hint.map(|_| hint_id(&id))`.
#[component]
fn Labelled(
    id: String,
    label: &'static str,
    hint: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id(&id)>{h}</p> })}
            {children()}
        </div>
    }
}

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
    let read_only = read_only();
    let described = hint.map(|_| hint_id(&id));
    view! {
        <Labelled id=id.clone() label hint>
            <input maxlength=MAX_TEXT_CHARS id=id class="input" type=kind disabled=read_only
                aria-describedby=described
                prop:value=value on:input=move |ev| on_input.run(event_target_value(&ev))/>
        </Labelled>
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
    /// The family will read it: check its words as the worker types.
    #[prop(optional)]
    family: bool,
) -> impl IntoView {
    let read_only = read_only();
    let described = hint.map(|_| hint_id(&id));
    view! {
        <Labelled id=id.clone() label hint>
            <textarea maxlength=MAX_TEXT_CHARS id=id class="textarea" rows=rows.to_string() disabled=read_only
                aria-describedby=described
                prop:value=value on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
            <LengthLeft text=value/>
            {family.then(|| view! { <PlainWords text=value/> })}
        </Labelled>
    }
}

/// The day an `<input type="date">` holds: its value is "YYYY-MM-DD", or
/// empty while the day is incomplete.
pub fn input_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// A labelled date for a form that acts on submit ("Start the map",
/// "Record this test"): its text as the browser gives it, read with
/// [`input_date`] when the form is sent.
#[component]
pub fn DateField(id: String, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <Labelled id=id.clone() label hint=None>
            <input id=id class="input" type="date" disabled=read_only()
                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
        </Labelled>
    }
}

/// Shown as a text nears [`MAX_TEXT_CHARS`]: typing stops there, since an
/// export with a longer text would not import again.
#[component]
pub fn LengthLeft(#[prop(into)] text: Signal<String>) -> impl IntoView {
    move || {
        // Counted as the browser's maxlength counts.
        let used = text.with(|t| t.encode_utf16().count());
        (used * 10 >= MAX_TEXT_CHARS * 9).then(|| {
            let left = MAX_TEXT_CHARS.saturating_sub(used);
            view! {
                <p class="hint" role="status">{format!("{left} characters left: a text can be up to {MAX_TEXT_CHARS} characters.")}</p>
            }
        })
    }
}

/// The family who will read a text, when there is one: inside a case, who
/// knows its people's names (see [`crate::domain::case::Case::reader`]).
#[derive(Clone, Copy)]
pub struct FamilyReader(pub Memo<Reader>);

/// Gentle plain-English hints under a text the family will read: jargon
/// with a plain alternative, and a long or hard passage. Never blocking.
#[component]
pub fn PlainWords(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let profile = expect_context::<AppState>().profile;
    let reader = use_context::<FamilyReader>();
    let hints = Memo::new(move |_| {
        text.with(|t| {
            let mut hints: Vec<String> = profile
                .with(|p| find_jargon(t, &p.jargon))
                .iter()
                .map(JargonHint::message)
                .collect();
            // The hardest sentence is looked for only when the text is hard.
            let hard = |reader: &Reader| {
                let r = reader.readability(t);
                // One short sentence is too little to judge.
                let hint = r.hint().filter(|_| r.sentences >= 2 || r.words >= 25)?;
                Some(match reader.hardest_sentence(t) {
                    Some(hardest) => format!("{hint} Hardest to read: “{hardest}”"),
                    None => hint,
                })
            };
            hints.extend(match reader {
                Some(FamilyReader(family)) => family.with(hard),
                None => hard(&Reader::default()),
            });
            hints
        })
    });
    view! {
        <div class="plain-words" aria-live="polite">
            {move || {
                let hints = hints.get();
                (!hints.is_empty()).then(|| view! {
                    <ul class="plain-hints">{hints.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul>
                })
            }}
        </div>
    }
}

/// Who does or said something: one of the case's people, or a name typed
/// in for someone not on the case.
#[component]
pub fn PersonPicker(
    id: String,
    label: &'static str,
    /// The choice for someone not on the case, e.g. "Someone else".
    other: &'static str,
    /// The label of the field for that person's name.
    name_label: &'static str,
    /// The case's people, as `Case::people` lists them.
    #[prop(into)]
    people: Signal<Vec<(Uuid, String, String)>>,
    #[prop(into)] value: Signal<PersonRef>,
    on_change: Callback<PersonRef>,
) -> impl IntoView {
    let read_only = read_only();
    // The select's value only, so typing a name does not rebuild the list.
    let selected = Memo::new(move |_| {
        value.with(|v| match v {
            PersonRef::Person(id) => id.to_string(),
            PersonRef::Named(_) => "other".to_string(),
        })
    });
    let name = Signal::derive(move || {
        value.with(|v| match v {
            PersonRef::Named(n) => n.clone(),
            PersonRef::Person(_) => String::new(),
        })
    });
    let name_id = format!("{id}-name");
    view! {
        <div class="form-group">
            <label class="label" for=id.clone()>{label}</label>
            <select id=id class="select" disabled=read_only on:change=move |ev| {
                let value = event_target_value(&ev);
                on_change.run(value.parse::<Uuid>().map_or(PersonRef::Named(String::new()), PersonRef::Person));
            }>
                {move || {
                    let current = selected.get();
                    let mut options = vec![view! { <option value="other" selected=current == "other">{other}</option> }.into_any()];
                    options.extend(people.get().into_iter().map(|(pid, name, what)| {
                        let value = pid.to_string();
                        let chosen = current == value;
                        let label = if what.trim().is_empty() { name } else { format!("{name} ({what})") };
                        view! { <option value=value selected=chosen>{label}</option> }.into_any()
                    }));
                    options
                }}
            </select>
        </div>
        <Show when=move || selected.get() == "other">
            <Field id=name_id.clone() label=name_label value=name
                on_input=Callback::new(move |v| on_change.run(PersonRef::Named(v)))/>
        </Show>
    }
}
