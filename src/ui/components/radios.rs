//! Radios and checkboxes over any [`Choice`], in a fieldset with its
//! question as the legend: one radio or box for each value, ids made from
//! the group's name and the value's slug, so no page writes the markup or
//! matches form strings by hand. In a case opened read-only they are
//! disabled, as fields are.

use leptos::prelude::*;

use crate::domain::choice::Choice;
use crate::ui::components::fields::read_only;

/// The values on offer, and what each is called: every value and its
/// title, unless a page gives fewer or its own words (the profile's names).
fn offered<T: Choice + Send + Sync>(
    options: Option<Signal<Vec<T>>>,
    title: Option<Callback<T, String>>,
) -> impl Fn() -> Vec<(T, String)> {
    move || {
        let values = options.map_or_else(|| T::ALL.to_vec(), |o| o.get());
        values
            .into_iter()
            .map(|v| (v, title.map_or_else(|| v.title().to_string(), |t| t.run(v))))
            .collect()
    }
}

/// The fieldset around a group: the legend, a hint and an error, each
/// linked to the group for screen readers.
#[component]
fn Group(
    name: String,
    legend: String,
    hint: Option<Signal<String>>,
    error: Option<Signal<Option<String>>>,
    legend_hidden: bool,
    children: Children,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{name}-hint"), format!("{name}-error"));
    let has_error = move || error.is_some_and(|e| e.with(Option::is_some));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [
                hint.is_some().then_some(hint_id.as_str()),
                has_error().then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <fieldset class="fieldset" class:form-group-error=has_error aria-describedby=described>
            <legend class:visually-hidden=legend_hidden>{legend}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error.and_then(|e| e.get()).map(|message| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{message}</p>
            })}
            {children()}
        </fieldset>
    }
}

/// One of a [`Choice`]'s values, as radios.
#[component]
pub fn Radios<T: Choice + Send + Sync>(
    /// The group's name, and the start of each radio's id.
    #[prop(into)]
    name: String,
    /// The question.
    #[prop(into)]
    legend: String,
    /// The value chosen; `None` checks nothing.
    #[prop(into)]
    value: Signal<Option<T>>,
    on_change: Callback<T>,
    /// Fewer values than all, in the order given.
    #[prop(optional, into)]
    options: Option<Signal<Vec<T>>>,
    /// What each value is called, where the practice profile names it.
    #[prop(optional, into)]
    title: Option<Callback<T, String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    /// The question is already on the page, beside the group.
    #[prop(optional)]
    legend_hidden: bool,
    /// Side by side, for short answers.
    #[prop(optional)]
    inline: bool,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let list = offered(options, title);
    let group = name.clone();
    let disabled = disabled || read_only();
    view! {
        <Group name legend hint error legend_hidden>
            <div class="radios" class:radios-inline=inline>
                {move || list().into_iter().map(|(choice, words)| {
                    let id = format!("{group}-{}", choice.slug());
                    view! {
                        <div class="radio">
                            <input type="radio" name=group.clone() id=id.clone() value=choice.slug() disabled=disabled
                                prop:checked=move || value.get() == Some(choice)
                                on:change=move |_| on_change.run(choice)/>
                            <label for=id>{words}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </Group>
    }
}

/// Any number of a [`Choice`]'s values, as checkboxes.
#[component]
pub fn CheckList<T: Choice + Send + Sync>(
    /// The group's name, and the start of each box's id.
    #[prop(into)]
    name: String,
    #[prop(into)] legend: String,
    /// The values ticked.
    #[prop(into)]
    value: Signal<Vec<T>>,
    /// A value ticked (`true`) or unticked.
    on_toggle: Callback<(T, bool)>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let list = offered::<T>(None, None);
    let group = name.clone();
    let disabled = read_only();
    view! {
        <Group name legend hint error=None legend_hidden=false>
            {move || list().into_iter().map(|(choice, words)| {
                let id = format!("{group}-{}", choice.slug());
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() value=choice.slug() disabled=disabled
                            prop:checked=move || value.with(|v| v.contains(&choice))
                            on:change=move |ev| on_toggle.run((choice, event_target_checked(&ev)))/>
                        <label for=id>{words}</label>
                    </div>
                }
            }).collect_view()}
        </Group>
    }
}
