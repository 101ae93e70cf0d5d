//! Settings: this device's practice profile. A council can hand out its
//! own timescales as a JSON file; workers import it here.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::language::plain_english::{jargon_from_lines, jargon_to_lines};
use crate::domain::language::text::MAX_PROFILE_TEXT;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::profile::{Period, PracticeProfile, TIMESCALES};
use crate::storage;
use crate::ui::app::AppState;
use crate::ui::lock::{LockState, LockSummary};
use crate::ui::platform::browser::{download, read_file};

const UNITS: [(&str, &str); 4] = [
    ("days", "days"),
    ("working_days", "working days"),
    ("weeks", "weeks"),
    ("months", "months"),
];

#[component]
pub fn ProfileSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(state.cases(|c| c.load_profile().1).map(|why| {
        format!("The saved profile could not be read ({why}), so England's defaults are in use. Import a profile to replace it.")
    }));
    let change = move |update: Box<dyn FnOnce(&mut PracticeProfile)>| {
        let mut profile = state.profile.get_untracked();
        update(&mut profile);
        // Only a profile that would load again is kept.
        if let Err(why) = profile.check() {
            message.set(Some(format!("Not changed: {why}.")));
            return;
        }
        match state.cases(|c| c.save_profile(&profile)) {
            Ok(()) => {
                state.profile.set(profile);
                message.set(None);
            }
            Err(e) => message.set(Some(format!("Not saved: {e}."))),
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = read_file(&file)
                .await
                .ok()
                .and_then(|b| String::from_utf8(b).ok());
            match text.as_deref().map(PracticeProfile::from_json) {
                Some(Ok(profile)) => {
                    let name = profile.name.clone();
                    change(Box::new(move |p| *p = profile));
                    state.notify(
                        format!("Now using the practice profile \u{201c}{name}\u{201d}."),
                        None,
                    );
                }
                Some(Err(why)) => message.set(Some(format!(
                    "{} is not a practice profile: {why}. Nothing was changed.",
                    file.name()
                ))),
                None => message.set(Some(format!(
                    "{} could not be read. Nothing was changed.",
                    file.name()
                ))),
            }
        });
    };
    view! {
        <h1 tabindex="-1">"Practice profile"</h1>
        <p>"The timescales Kinplan uses to say when visits, meetings and reviews are due. They are kept on this device. Your council may give you its own profile to import."</p>
        {move || message.get().map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
        <div class="form-group">
            <label class="label" for="profile-name">"Profile name"</label>
            <input maxlength=MAX_PROFILE_TEXT id="profile-name" class="input input-wide" type="text" prop:value=move || state.profile.with(|p| p.name.clone())
                on:change=move |ev| { let name = event_target_value(&ev); change(Box::new(move |p| p.name = name)) }/>
        </div>
        <table class="table timescales">
            <caption class="visually-hidden">"Timescales"</caption>
            <thead><tr><th scope="col">"What"</th><th scope="col">"How many"</th><th scope="col">"Of what"</th></tr></thead>
            <tbody>
                {TIMESCALES.iter().map(|field| {
                    let period = move || state.profile.with(|p| (field.get)(&p.timescales));
                    let count_id = format!("timescale-{}-count", field.key);
                    let unit_id = format!("timescale-{}-unit", field.key);
                    view! {
                        <tr>
                            <th scope="row"><label for=count_id.clone()>{field.label}</label></th>
                            <td>
                                <input id=count_id class="input input-short" type="number" min="1" max=move || period().max_count()
                                    prop:value=move || period().count().to_string()
                                    on:change=move |ev| {
                                        let typed = event_target_value(&ev);
                                        match typed.trim().parse::<u32>().ok().and_then(|n| Period::from_parts(n, period().unit())) {
                                            Some(p) => change(Box::new(move |profile| (field.set)(&mut profile.timescales, p))),
                                            None => message.set(Some(format!("Not changed: \u{201c}{typed}\u{201d} is not a whole number ({}).", field.label))),
                                        }
                                        // A refused number does not stay on screen as if kept.
                                        event_target::<web_sys::HtmlInputElement>(&ev).set_value(&period().count().to_string());
                                    }/>
                            </td>
                            <td>
                                <select id=unit_id class="select" aria-label=format!("Unit for: {}", field.label)
                                    on:change=move |ev| {
                                        if let Some(p) = Period::from_parts(period().count(), &event_target_value(&ev)) {
                                            change(Box::new(move |profile| (field.set)(&mut profile.timescales, p)));
                                        }
                                        event_target::<web_sys::HtmlSelectElement>(&ev).set_value(period().unit());
                                    }>
                                    {UNITS.iter().map(|(value, label)| view! {
                                        <option value=*value selected=move || period().unit() == *value>{*label}</option>
                                    }).collect_view()}
                                </select>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <p class="hint">"Bank holidays: " {move || state.profile.with(|p| format!("{} rules and {} one-off days.", p.holidays.rules.len(), p.holidays.extra.len()))}</p>
        <JargonList change message/>
        <h2>"Share or replace the profile"</h2>
        <div class="button-group">
            <button type="button" class="button button-secondary" on:click=move |_| {
                let profile = state.profile.get_untracked();
                let _ = download(&format!("kinplan-profile-{}.json", Utc::now().date_naive()), &profile.to_json(), "application/json");
            }>"Export this profile"</button>
            <button type="button" class="button button-secondary" on:click=move |_| {
                change(Box::new(|p| *p = PracticeProfile::england()));
                state.notify("Now using England's default timescales.", None);
            }>"Reset to England's defaults"</button>
        </div>
        <div class="form-group">
            <label class="label" for="profile-file">"Import a practice profile"</label>
            <p class="hint" id="profile-file-hint">"A .json file from your council. It replaces the timescales above."</p>
            <input id="profile-file" class="file-upload" type="file" accept=".json,application/json" aria-describedby="profile-file-hint" on:change=import/>
        </div>
        <LockSummary/>
        <StorageKept/>
        <ClearDevice on_cleared=move || {
            state.index.set(state.cases(|c| c.load_index().0));
            state.profile.set(PracticeProfile::england());
            expect_context::<LockState>().encrypted.set(false);
            state.notify("All Kinplan data on this device has been cleared.", None);
            state.go(crate::route::Route::CaseList);
        }/>
    }
}

/// Whether the browser will keep Kinplan's data when the device runs short
/// of space, and a button to ask it to (see `storage::keep`). The status
/// line stays in place, so each answer is announced, and the button stays
/// until the browser agrees.
#[component]
fn StorageKept() -> impl IntoView {
    let kept = RwSignal::new(None::<bool>);
    let answer = RwSignal::new(None::<&'static str>);
    let heading = NodeRef::<leptos::html::H2>::new();
    leptos::task::spawn_local(async move {
        kept.try_set(storage::keep::kept().await);
    });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let said = storage::keep::ask_to_keep().await;
            answer.try_set(Some(match said {
                Some(true) => "Done: your browser will keep Kinplan\u{2019}s data.",
                Some(false) => "The browser said no for now. Browsers usually agree once a site is used often, bookmarked or installed.",
                None => "The browser did not answer.",
            }));
            if said == Some(true) {
                kept.try_set(Some(true));
                // The button goes: keep the keyboard in this section.
                if let Some(heading) = heading.get_untracked() {
                    let _ = heading.focus();
                }
            }
        });
    };
    view! {
        <Show when=move || kept.get().is_some()>
            <section class="storage-kept" aria-labelledby="kept-heading">
                <h2 id="kept-heading" tabindex="-1" node_ref=heading>"Keeping the data"</h2>
                <p>{move || if kept.get() == Some(true) {
                    "Your browser keeps Kinplan\u{2019}s data on this device until you clear it."
                } else {
                    "Your browser may clear Kinplan\u{2019}s data if this device runs very short of space. Keep recent exports of your cases."
                }}</p>
                <Show when=move || kept.get() == Some(false)>
                    <button type="button" class="button button-secondary" on:click=ask>"Ask the browser to keep it"</button>
                </Show>
                <p role="status">{move || answer.get()}</p>
            </section>
        </Show>
    }
}

/// What must be typed before everything is cleared.
const CLEAR_WORDS: &str = "delete everything";

/// "Clear all data on this device", after a typed confirmation: for a
/// device being handed on or returned, or a forgotten passphrase.
#[component]
pub fn ClearDevice(on_cleared: impl Fn() + 'static) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let clear = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if typed.get_untracked().trim().to_lowercase() != CLEAR_WORDS {
            error.set(true);
            return;
        }
        storage::clear_all();
        on_cleared();
    };
    view! {
        <form class="danger-zone" on:submit=clear>
            <h2>"Clear all data on this device"</h2>
            <p>"This deletes every case, everything in the bin and this practice profile from this browser, for good. Do this before a device is handed on or returned. Export your cases from the case list first if you need them."</p>
            <div class="form-group" class:form-group-error=move || error.get()>
                <label class="label" for="clear-confirm">{format!("To confirm, type \u{201c}{CLEAR_WORDS}\u{201d}")}</label>
                {move || error.get().then(|| view! { <p class="error-message" id="clear-confirm-error">{format!("Type \u{201c}{CLEAR_WORDS}\u{201d} exactly. Nothing has been deleted.")}</p> })}
                <input maxlength=MAX_TEXT_CHARS id="clear-confirm" class="input input-medium" type="text" autocomplete="off"
                    aria-describedby=move || error.get().then_some("clear-confirm-error")
                    prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button button-warning">"Clear all data"</button>
        </form>
    }
}

/// The words the plain-English checker flags, one per line.
#[component]
fn JargonList(
    change: impl Fn(Box<dyn FnOnce(&mut PracticeProfile)>) + Copy + Send + Sync + 'static,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <h2>"Words families find hard"</h2>
        <div class="form-group">
            <label class="label" for="profile-jargon">"Words to avoid, and what to say instead"</label>
            <p class="hint" id="profile-jargon-hint">"One per line: word = plain words. For an abbreviation, add = what it stands for; once that is written out, the abbreviation is fine."</p>
            <textarea maxlength=MAX_TEXT_CHARS id="profile-jargon" class="textarea" rows="12" aria-describedby="profile-jargon-hint"
                prop:value=move || state.profile.with(|p| jargon_to_lines(&p.jargon))
                on:change=move |ev| match jargon_from_lines(&event_target_value(&ev)) {
                    Ok(list) => change(Box::new(move |p| p.jargon = list)),
                    Err(why) => message.set(Some(format!("The list of words was not saved: {why}."))),
                }></textarea>
        </div>
    }
}
