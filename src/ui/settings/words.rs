//! The profile's words: what meetings and plans are called where the
//! worker practises, whether a category of harm is recorded, and the words
//! families find hard.

use leptos::prelude::*;

use crate::domain::language::plain_english::{jargon_from_lines, jargon_to_lines};
use crate::domain::language::text::MAX_PROFILE_TEXT;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::profile::NAMES;

use super::ProfileChange;

#[component]
pub(super) fn NamesList(change: ProfileChange) -> impl IntoView {
    let profile = change.profile();
    view! {
        <h2>"What things are called"</h2>
        <p class="hint">"As the guidance you follow names them. Schedules, plans and prints use these words."</p>
        {NAMES.iter().map(|field| {
            let id = format!("profile-names-{}", field.key);
            view! {
                <div class="form-group">
                    <label class="label" for=id.clone()>{field.label}</label>
                    <input maxlength=MAX_PROFILE_TEXT id=id class="input input-wide" type="text"
                        prop:value=move || profile.with(|p| (field.get)(&p.names).clone())
                        on:change=move |ev| {
                            let name = event_target_value(&ev).trim().to_string();
                            change.apply(move |p| (field.set)(&mut p.names, name));
                            event_target::<web_sys::HtmlInputElement>(&ev)
                                .set_value(&profile.with_untracked(|p| (field.get)(&p.names).clone()));
                        }/>
                </div>
            }
        }).collect_view()}
        <div class="checkbox">
            <input type="checkbox" id="profile-harm-category"
                prop:checked=move || profile.with(|p| p.harm_category_at_registration)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    change.apply(move |p| p.harm_category_at_registration = on);
                }/>
            <label for="profile-harm-category">"Record a category of harm on each child protection plan"</label>
        </div>
    }
}

/// The words the plain-English checker flags, one per line.
#[component]
pub(super) fn JargonList(change: ProfileChange) -> impl IntoView {
    let profile = change.profile();
    view! {
        <h2>"Words families find hard"</h2>
        <div class="form-group">
            <label class="label" for="profile-jargon">"Words to avoid, and what to say instead"</label>
            <p class="hint" id="profile-jargon-hint">"One per line: word = plain words. For an abbreviation, add = what it stands for; once that is written out, the abbreviation is fine."</p>
            <textarea maxlength=MAX_TEXT_CHARS id="profile-jargon" class="textarea" rows="12" aria-describedby="profile-jargon-hint"
                prop:value=move || profile.with(|p| jargon_to_lines(&p.jargon))
                on:change=move |ev| match jargon_from_lines(&event_target_value(&ev)) {
                    Ok(list) => { change.apply(move |p| p.jargon = list); }
                    Err(why) => change.refuse(format!("The list of words was not saved: {why}.")),
                }></textarea>
        </div>
    }
}
