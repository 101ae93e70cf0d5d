//! Child mode: the whole screen is the child's, with big buttons and few
//! words, and every prompt can be read aloud.
//!
//! The lock is kept in storage (`storage::CHILD_LOCK_KEY`) and enforced by
//! the app's router, so a link, the Back button or a reload all land back
//! here. Only the worker leaves: press and hold "Grown-ups" for three
//! seconds (long enough that a tap or a small child's poke does not do it),
//! then type the code they set.

use crate::domain::choice::Choice;
use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::child_lock::Attempt;
use crate::domain::child_voice::{HouseKind, ThreeHouses};
use crate::domain::Tool;
use crate::route::Route;
use crate::storage;
use crate::ui::components::per_child::read_child_doc;
use crate::ui::platform::browser::focus_later;
use crate::ui::platform::speech::ReadAloud;
use crate::ui::state::AppState;
use crate::ui::state::{OpenCase, WorkerHere};

use super::houses::{edit_houses, HouseRoom};
use super::my_safety_plan::MySafetyPlan;
use super::strengths::StrengthsEditor;
use super::{house_colour, HouseSymbolIcon};

/// How long "Grown-ups" must be held.
const HOLD_MS: u64 = 3000;

#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Home,
    House(HouseKind),
    Strengths,
    SafetyPlan,
}

#[component]
pub fn ChildMode(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let known = open.select(move |c| c.children.iter().any(|ch| ch.id == child));
    let screen = RwSignal::new(Screen::Home);
    // Each screen starts at its heading, as a new page would.
    Effect::new(move |_| {
        screen.track();
        request_animation_frame(crate::ui::platform::browser::focus_main_heading);
    });
    view! {
        <div class="child-mode">
            <div class="child-bar">
                {move || (screen.get() != Screen::Home).then(|| view! {
                    <button type="button" class="child-button child-back" on:click=move |_| screen.set(Screen::Home)>
                        <span aria-hidden="true">"\u{2190} "</span>"My houses"
                    </button>
                })}
                <GrownUps/>
            </div>
            <WorkerLeave/>
            {move || if !known.get() {
                view! {
                    <h1 tabindex="-1">"Please give the screen back to your worker"</h1>
                }.into_any()
            } else {
                match screen.get() {
                    Screen::Home => view! { <ChildHome child screen/> }.into_any(),
                    Screen::House(kind) => view! { <HouseRoom child kind/> }.into_any(),
                    Screen::Strengths => view! { <StrengthsEditor child child_mode=true/> }.into_any(),
                    Screen::SafetyPlan => view! { <MySafetyPlan child/> }.into_any(),
                }
            }}
        </div>
    }
}

/// The three houses and "I have, I am, I can", as big buttons.
#[component]
fn ChildHome(child: Uuid, screen: RwSignal<Screen>) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let name = open.select(move |c| c.child_name(child));
    let houses = read_child_doc(open, child, |d| &d.three_houses, |h| h.cloned());
    let started = move || houses.with(|h| h.as_ref().and_then(|h| h.started_with).is_some());
    let question = Signal::derive(move || {
        if started() {
            "Which house do you want to go to?".to_string()
        } else {
            "Which house do you want to start with?".to_string()
        }
    });
    let heading = Signal::derive(move || format!("{}'s houses", name.get()));
    view! {
        <div class="child-heading">
            <h1 tabindex="-1">{heading}</h1>
            <ReadAloud text=heading label="Hear it"/>
        </div>
        <div class="child-heading">
            <p class="child-question">{question}</p>
            <ReadAloud text=question label="Hear the question"/>
        </div>
        <ul class="house-buttons">
            {move || {
                let doc = houses.get();
                let order = doc.as_ref().map_or_else(|| HouseKind::ALL.to_vec(), ThreeHouses::order);
                order.into_iter().map(|kind| {
                    let label = doc.as_ref().map_or(kind.title(), |h| h.name(kind)).to_string();
                    let symbol = doc.as_ref().map_or(kind.default_symbol(), |h| h.symbol(kind));
                    let count = doc.as_ref().map_or(0, |h| h.house(kind).entries.iter().filter(|e| !e.is_blank()).count());
                    view! {
                        <li>
                            <button type="button" class="house-button" data-colour=house_colour(doc.as_ref(), kind)
                                on:click=move |_| {
                                    edit_houses(open, child, |h| { h.started_with.get_or_insert(kind); });
                                    screen.set(Screen::House(kind));
                                }>
                                <span class="roof" aria-hidden="true"></span>
                                <HouseSymbolIcon symbol/>
                                <span class="house-name">{label}</span>
                                <span class="house-count">{match count { 0 => "Empty".to_string(), 1 => "1 thing".to_string(), n => format!("{n} things") }}</span>
                            </button>
                        </li>
                    }
                }).collect_view()
            }}
            <li>
                <button type="button" class="house-button strengths-button" on:click=move |_| screen.set(Screen::Strengths)>
                    <span class="house-name">"I have, I am, I can"</span>
                    <span class="house-count">"Good things about me"</span>
                </button>
            </li>
            <li>
                <button type="button" class="house-button safety-plan-button" on:click=move |_| screen.set(Screen::SafetyPlan)>
                    <span class="house-name">"My safety plan"</span>
                    <span class="house-count">"Who keeps me safe"</span>
                </button>
            </li>
        </ul>
    }
}

/// Ends child mode and takes the worker back to the case's Three Houses.
fn leave_child_mode(app: AppState, case_id: Uuid) {
    if let Err(e) = storage::clear_child_lock() {
        // Leaving anyway would show the worker's screen while every other
        // tab, and the next reload, still say a child has it.
        app.notify(
            format!("Child mode could not be ended ({e}). Try again."),
            None,
        );
        return;
    }
    let back = Route::CaseTool(case_id, Tool::ThreeHouses);
    app.route.set(back.clone());
    app.child_lock.set(None);
    app.go(back);
}

/// Shown once the worker has typed their code to sort out a storage
/// problem: a way out of child mode when the changes are kept some other
/// way (a downloaded copy).
#[component]
fn WorkerLeave() -> impl IntoView {
    let app = expect_context::<AppState>();
    let open = expect_context::<OpenCase>();
    let WorkerHere(here) = expect_context::<WorkerHere>();
    let case_id = open.case().with_untracked(|c| c.id);
    move || {
        here.get().then(|| view! {
            <div class="inset-text">
                <p>"For the worker: sort out the problem above, or download this case first. Leaving child mode now closes the case, and changes that are not saved are lost unless you downloaded it."</p>
                <div class="button-group">
                    <button type="button" class="button button-warning" on:click=move |_| leave_child_mode(app, case_id)>"Leave child mode"</button>
                    <button type="button" class="button button-secondary" on:click=move |_| here.set(false)>"Give the screen back to the child"</button>
                </div>
            </div>
        })
    }
}

/// What the worker is told after a code that did not open the lock.
fn wrong_code_message(attempt: Attempt, not_kept: Option<storage::SaveError>) -> String {
    let wait = |d: chrono::Duration| {
        let s = d.num_seconds().max(1);
        if s < 90 {
            format!("{s} seconds")
        } else {
            format!("{} minutes", (s + 59) / 60)
        }
    };
    let mut message = match attempt {
        Attempt::Wrong { wait: None } | Attempt::Opened => {
            "That code is not right. Child mode is still on.".to_string()
        }
        Attempt::Wrong { wait: Some(d) } => format!(
            "That code is not right. After so many tries, the next one must wait {}.",
            wait(d)
        ),
        Attempt::TooSoon { wait: d } => format!("Too many wrong codes. Try again in {}.", wait(d)),
    };
    if let Some(why) = not_kept {
        message.push_str(&format!(
            " (Kinplan could not store the count of tries: {why}.)"
        ));
    }
    message
}

/// "Grown-ups": held for three seconds, then the worker's code.
#[component]
fn GrownUps() -> impl IntoView {
    let app = expect_context::<AppState>();
    let open = expect_context::<OpenCase>();
    let holding = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let code = RwSignal::new(String::new());
    let wrong = RwSignal::new(None::<String>);

    let press = move || {
        if asking.get_untracked() || holding.get_untracked() {
            return;
        }
        holding.set(true);
        let handle = set_timeout_with_handle(
            move || {
                // Nothing to do if the screen changed while it was held.
                if holding.try_set(false).is_none() && asking.try_set(true).is_none() {
                    focus_later("grown-up-code".into());
                }
            },
            std::time::Duration::from_millis(HOLD_MS),
        )
        .ok();
        timer.set_value(handle);
    };
    let release = move || {
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        holding.set(false);
    };
    on_cleanup(move || {
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    });
    let worker_here = expect_context::<WorkerHere>();
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut lock) = app.child_lock.get_untracked() else {
            return;
        };
        let attempt = lock.try_code(&code.get_untracked(), Utc::now());
        code.set(String::new());
        if attempt != Attempt::Opened {
            // The count of wrong codes is kept, so a reload does not reset it.
            let kept = storage::save_child_lock(&lock);
            app.child_lock.set(Some(lock));
            wrong.set(Some(wrong_code_message(attempt, kept.err())));
            focus_later("grown-up-code".into());
            return;
        }
        wrong.set(None);
        asking.set(false);
        open.flush();
        if open.has_unsaved_trouble() {
            // Leaving would close the case and lose what storage refused:
            // the worker sorts it out here first.
            if let Err(why) = storage::save_child_lock(&lock) {
                asking.set(true);
                wrong.set(Some(format!("Kinplan could not store that the code was right ({why}), so wrong codes still count.")));
            }
            app.child_lock.set(Some(lock));
            worker_here.0.set(true);
            return;
        }
        leave_child_mode(app, lock.case_id);
    };
    view! {
        <div class="grown-ups">
            <button type="button" class="grown-ups-button" class:holding=move || holding.get()
                aria-describedby="grown-ups-hint"
                on:pointerdown=move |_| press() on:pointerup=move |_| release()
                on:pointerleave=move |_| release() on:pointercancel=move |_| release()
                on:keydown=move |ev| if !ev.repeat() && (ev.key() == "Enter" || ev.key() == " ") { ev.prevent_default(); press() }
                on:keyup=move |_| release()
                on:contextmenu=move |ev| ev.prevent_default()>
                "Grown-ups"
            </button>
            <p id="grown-ups-hint" class="visually-hidden">"For your worker: press and hold for 3 seconds to leave child mode."</p>
            {move || asking.get().then(|| view! {
                <form class="grown-ups-form" on:submit=unlock>
                    <label class="label" for="grown-up-code">"Worker's code"</label>
                    {move || wrong.get().map(|why| view! { <p class="error-message" role="alert">{why}</p> })}
                    <input id="grown-up-code" class="input input-short" type="password" inputmode="numeric" autocomplete="off"
                        prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
                    <div class="button-group">
                        <button type="submit" class="button">"Leave child mode"</button>
                        <button type="button" class="button button-secondary" on:click=move |_| { asking.set(false); wrong.set(None); code.set(String::new()); }>"Cancel"</button>
                    </div>
                </form>
            })}
        </div>
    }
}
