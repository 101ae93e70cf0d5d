//! Settings: this device's practice profile (which nation's guidance, what
//! meetings are called, timescales, bank holidays and plain words) and its
//! storage. A council can hand out its own profile as a JSON file.

mod device;
mod nation;
mod timescales;
mod words;

pub use nation::FirstQuestion;

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::choice::Choice;
use crate::domain::language::text::MAX_PROFILE_TEXT;
use crate::domain::profile::PracticeProfile;
use crate::storage::SaveError;
use crate::ui::lock::{ClearDevice, LockState, LockSummary};
use crate::ui::platform::browser::{download, read_file};
use crate::ui::platform::pieces::piece;
use crate::ui::state::AppState;
use device::StorageKept;
use nation::ChooseNation;
use timescales::{LocalHolidays, TimescaleTable};
use words::{JargonList, NamesList};

/// Keeps `profile` on this device and works out every case's next
/// deadline under it. The page then shows what storage holds, so a write
/// that failed part-way never leaves a profile on screen that is not kept:
/// the index the save wrote, or the stored one if it failed.
pub(crate) fn keep_profile(state: AppState, profile: &PracticeProfile) -> Result<(), SaveError> {
    let saved = state.cases(|c| c.save_profile(profile));
    state.profile.set(state.cases(|c| c.load_profile().0));
    match saved {
        Ok(index) => {
            state.index.set(index);
            Ok(())
        }
        Err(e) => {
            state.index.set(state.cases(|c| c.current_index()));
            Err(e)
        }
    }
}

/// A change to the profile from one of the settings' sections: kept only
/// if it would load again, with the reason on the page if not.
#[derive(Clone, Copy)]
pub(crate) struct ProfileChange {
    state: AppState,
    message: RwSignal<Option<String>>,
}

impl ProfileChange {
    pub(crate) fn apply(self, update: impl FnOnce(&mut PracticeProfile)) -> bool {
        let mut profile = self.state.profile.get_untracked();
        update(&mut profile);
        if let Err(why) = profile.check() {
            self.message.set(Some(format!("Not changed: {why}.")));
            return false;
        }
        match keep_profile(self.state, &profile) {
            Ok(()) => {
                self.message.set(None);
                true
            }
            Err(e) => {
                self.message.set(Some(format!("Not saved: {e}.")));
                false
            }
        }
    }

    pub(crate) fn refuse(self, why: String) {
        self.message.set(Some(why));
    }

    pub(crate) fn profile(self) -> RwSignal<PracticeProfile> {
        self.state.profile
    }
}

piece! {
    /// Settings, from their piece of the app.
    settings: pub fn page() { view! { <ProfileSettings/> }.into_any() }
}

#[component]
pub fn ProfileSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(state.cases(|c| c.load_profile().1).map(|why| {
        format!("The saved profile could not be read ({why}), so England's defaults are in use. Import a profile to replace it.")
    }));
    let change = ProfileChange { state, message };
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
                    if change.apply(move |p| *p = profile) {
                        state.notify(
                            format!("Now using the practice profile \u{201c}{name}\u{201d}."),
                            None,
                        );
                    }
                }
                Some(Err(why)) => change.refuse(format!(
                    "{} is not a practice profile: {why}. Nothing was changed.",
                    file.name()
                )),
                None => change.refuse(format!(
                    "{} could not be read. Nothing was changed.",
                    file.name()
                )),
            }
        });
    };
    let export = move |_| {
        let profile = state.profile.get_untracked();
        let file = format!("kinplan-profile-{}.json", Utc::now().date_naive());
        if download(&file, &profile.to_json(), "application/json").is_err() {
            change.refuse("The browser did not start the download. Nothing was exported.".into());
        }
    };
    let notes = move || state.profile.with(|p| p.notes.clone());
    view! {
        <h1 tabindex="-1">"Practice profile"</h1>
        <p>"What Kinplan calls meetings and plans, and the timescales it uses to say when visits, meetings and reviews are due. They are kept on this device. Your council may give you its own profile to import."</p>
        {move || message.get().map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
        <section aria-labelledby="nation-heading">
            <h2 id="nation-heading">"Where you work"</h2>
            <p>"Each UK nation has its own child protection guidance. Choosing a nation replaces the names, timescales and bank holidays below with its own; your local holidays and plain words stay."</p>
            <p><strong>"In use now: "</strong>{move || state.profile.with(|p| format!("\u{201c}{}\u{201d}.", p.name))}</p>
            <ChooseNation button="Use this nation\u{2019}s guidance" on_choose=Callback::new(move |nation: crate::domain::profile::Nation| {
                if change.apply(|p| *p = p.with_nation(nation)) {
                    state.notify(format!("Now using {}\u{2019}s guidance.", nation.title()), None);
                }
            })/>
        </section>
        <div class="form-group">
            <label class="label" for="profile-name">"Profile name"</label>
            <p class="hint" id="profile-name-hint">"Each plan\u{2019}s schedule says which profile worked it out."</p>
            <input maxlength=MAX_PROFILE_TEXT id="profile-name" class="input input-wide" type="text" aria-describedby="profile-name-hint"
                prop:value=move || state.profile.with(|p| p.name.clone())
                on:change=move |ev| { let name = event_target_value(&ev); change.apply(move |p| p.name = name); }/>
        </div>
        <Show when=move || !notes().is_empty()>
            <section class="profile-notes" aria-labelledby="profile-notes-heading">
                <h2 id="profile-notes-heading">"Check with your council"</h2>
                <ul>{move || notes().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </section>
        </Show>
        <NamesList change/>
        <TimescaleTable change/>
        <LocalHolidays change/>
        <JargonList change/>
        <h2>"Share or replace the profile"</h2>
        <div class="button-group">
            <button type="button" class="button button-secondary" on:click=export>"Export this profile"</button>
        </div>
        <div class="form-group">
            <label class="label" for="profile-file">"Import a practice profile"</label>
            <p class="hint" id="profile-file-hint">"A .json file from your council. It replaces everything above."</p>
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
