//! Which nation's guidance the worker follows: the first question on a new
//! device, and a choice in Settings.

use leptos::prelude::*;

use crate::domain::choice::Choice;
use crate::domain::profile::Nation;
use crate::storage::SaveError;
use crate::ui::components::radios::Radios;
use crate::ui::platform::browser::focus_main_heading;
use crate::ui::platform::pieces::piece;
use crate::ui::state::AppState;

use super::keep_profile;

/// The four nations as radios, and a button that chooses one.
#[component]
pub(super) fn ChooseNation(button: &'static str, on_choose: Callback<Nation>) -> impl IntoView {
    let chosen = RwSignal::new(None::<Nation>);
    let missing = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match chosen.get_untracked() {
            Some(nation) => on_choose.run(nation),
            None => missing.set(true),
        }
    };
    view! {
        <form class="choose-nation" on:submit=submit novalidate>
            <Radios name="nation" legend="Whose child protection guidance do you follow?" value=chosen
                error=Signal::derive(move || missing.get().then(|| "Choose a nation.".to_string()))
                on_change=Callback::new(move |nation| { chosen.set(Some(nation)); missing.set(false); })/>
            <button type="submit" class="button">{button}</button>
        </form>
    }
}

piece! {
    /// Keeps `nation`'s profile, and works out every case's next deadline
    /// under it: the nations' profiles and the deadline rules are not
    /// needed before a worker chooses, so they wait in a piece.
    case: pub fn keep_nation(state: AppState, nation: Nation) -> Result<(), SaveError> {
        keep_profile(state, &state.profile.get_untracked().with_nation(nation))
    }
}

/// Asked on the case list until a profile is kept on this device, so a
/// worker in Scotland never sees England's deadlines by default.
#[component]
pub fn FirstQuestion() -> impl IntoView {
    let state = expect_context::<AppState>();
    let asking = RwSignal::new(!state.cases(|c| c.profile_chosen()));
    let problem = RwSignal::new(None::<String>);
    let choose = Callback::new(move |nation: Nation| {
        leptos::task::spawn_local(async move {
            match keep_nation(state, nation).await {
                Ok(Ok(())) => {
                    asking.try_set(false);
                    state.notify(
                        format!(
                            "Kinplan now follows {}\u{2019}s guidance. Check it, or change it, in Settings.",
                            nation.title()
                        ),
                        None,
                    );
                    // The question goes: keep the keyboard on the page.
                    focus_main_heading();
                }
                Ok(Err(e)) => {
                    problem.try_set(Some(format!("Not saved: {e}.")));
                }
                Err(missing) => {
                    problem.try_set(Some(format!("Not saved: {missing}.")));
                }
            }
        });
    });
    view! {
        <Show when=move || asking.get()>
            <section class="first-question" aria-labelledby="first-question-heading">
                <h2 id="first-question-heading">"Before you start: where do you work?"</h2>
                <p>"Kinplan works out when visits and meetings are due, and what they are called, from your nation\u{2019}s guidance. You can change this later in Settings."</p>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <ChooseNation button="Use this guidance" on_choose=choose/>
            </section>
        </Show>
    }
}
