//! The child's voice: the Three Houses, "I have, I am, I can" and the
//! child's own safety plan.
//!
//! The worker's pages show what each child has said and start child mode
//! (`child_mode.rs`), where the child has the whole screen and cannot
//! reach anything else until the worker unlocks it with their code.

mod child_mode;
mod drawing;
mod houses;
pub mod my_safety_plan;
pub mod print;
mod strengths;
mod words_card;

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::domain::child_voice::child_lock::ChildLock;
use crate::domain::child_voice::{ChildEntry, HouseKind, HouseSymbol, ThreeHouses, Writer};
use crate::domain::choice::Choice;
use crate::route::{PrintView, Route};
use crate::storage;
use crate::ui::components::per_child::{read_child_doc, ChildTabs};
use crate::ui::platform::browser::{day, focus_later};
use crate::ui::platform::pieces::piece;
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;

pub use child_mode::ChildMode;
pub use drawing::DrawingView;
pub use strengths::StrengthsPage;

piece! {
    /// The Three Houses, from the child's voice's piece of the app.
    child_voice: pub fn three_houses_page() { view! { <ThreeHousesPage/> }.into_any() }
}

piece! {
    /// "I have, I am, I can", from the child's voice's piece.
    child_voice: pub fn strengths_page() { view! { <StrengthsPage/> }.into_any() }
}

piece! {
    /// Child mode, from the child's voice's piece: fetched while the worker
    /// still has the screen ([`StartChildMode`]), so a child never waits.
    child_voice, fetch_child_mode: pub fn child_mode_page(child: Uuid) { view! { <ChildMode child/> }.into_any() }
}

/// The worker's page for the Three Houses.
#[component]
pub fn ThreeHousesPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Three Houses"</h1>
        <p class="lead">"The child's own map: what worries them, the good things, and their dreams. Sit beside the child and give them the screen in child mode. They can write, draw, or ask you to write."</p>
        <ChildTabs render=|child| view! { <HousesSummary child/> }/>
    }
}

/// What one child has put in their houses, as the worker reads it.
#[component]
fn HousesSummary(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let name = open.select(move |c| c.child_name(child));
    let houses = read_child_doc(open, child, |d| &d.three_houses, |h| h.cloned());
    view! {
        <StartChildMode child/>
        <p><a class="button button-secondary" href=Route::Print(case_id, PrintView::ChildsWords(child)).href()>
            {move || format!("Print what {} chose to share", name.get())}
        </a></p>
        {move || match houses.get().filter(|h| !h.is_empty()) {
            None => view! {
                <p class="inset-text">{move || format!("{} has not put anything in the houses yet.", name.get())}</p>
            }.into_any(),
            Some(houses) => houses.order().into_iter().map(|kind| {
                let entries = houses.house(kind).entries.clone();
                let heading = houses.name(kind).to_string();
                let symbol = houses.symbol(kind);
                view! {
                    <section class="house-summary" data-colour=houses.colour(kind).slug()>
                        <h2><HouseSymbolIcon symbol/>{heading}</h2>
                        <p class="hint">{kind.prompt()}</p>
                        {if entries.iter().all(ChildEntry::is_blank) {
                            view! { <p>"Nothing here yet."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="child-words">
                                    {entries.into_iter().filter(|e| !e.is_blank()).map(|e| view! { <EntryRecord entry=e name=name.get_untracked()/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }
            }).collect_view().into_any(),
        }}
    }
}

/// One thing in a house, with who wrote it and when.
#[component]
pub(super) fn EntryRecord(entry: ChildEntry, name: String) -> impl IntoView {
    let by = match entry.by {
        Writer::Child => format!("Written by {name}"),
        Writer::Worker => format!("Written by the worker for {name}"),
    };
    view! {
        <li class="child-word">
            {(!entry.text.is_empty()).then(|| view! { <p class="as-given">{entry.text.clone()}</p> })}
            {(!entry.drawing.is_empty()).then(|| view! { <DrawingView drawing=entry.drawing.clone() label=format!("Drawing by {name}")/> })}
            <p class="hint">{format!("{by}, {}", day(entry.written))}
                {entry.just_for_me.then(|| view! { " " <strong class="tag" data-state="private">"Just for me and my worker"</strong> })}
            </p>
        </li>
    }
}

/// The worker sets a code and gives the child the screen.
#[component]
pub fn StartChildMode(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let app = expect_context::<AppState>();
    let case_id = open.case().with_untracked(|c| c.id);
    let name = open.select(move |c| c.child_name(child));
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // Child mode's piece comes now, so the child never sees "Loading…". A
    // failure here is tried again, and shown, when the worker starts.
    spawn_local(async {
        let _ = fetch_child_mode().await;
    });
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lock = match ChildLock::new(
            case_id,
            child,
            &code.get_untracked(),
            *Uuid::new_v4().as_bytes(),
        ) {
            Ok(lock) => lock,
            Err(why) => return error.set(Some(why.into())),
        };
        spawn_local(async move {
            if fetch_child_mode().await.is_err() {
                error.try_set(Some("Child mode could not start: this device could not fetch it. Check the connection, then try again.".into()));
                return;
            }
            // The worker went elsewhere while it was fetched.
            if error.try_set(None).is_some() {
                return;
            }
            if let Err(why) = storage::save_child_lock(&lock) {
                return error.set(Some(format!("Child mode could not start: {why}.")));
            }
            open.flush();
            let home = Route::ChildMode(case_id, child);
            app.route.set(home.clone());
            app.child_lock.set(Some(lock));
            app.go(home);
        });
    };
    view! {
        <form class="child-mode-start" on:submit=start>
            <h2>{move || format!("Give {} the screen", name.get())}</h2>
            <p>"Child mode fills the screen with the houses, \u{201c}I have, I am, I can\u{201d} and the child's own safety plan. Nothing else on this device can be reached from it, not even by reloading the page."</p>
            <div class="form-group" class:form-group-error=move || error.get().is_some()>
                <label class="label" for="child-lock-code">"Your code to leave child mode"</label>
                <p class="hint" id="child-lock-code-hint">"4 to 8 numbers. To leave, press and hold \u{201c}Grown-ups\u{201d} for 3 seconds, then type this code."</p>
                {move || error.get().map(|e| view! { <p class="error-message" id="child-lock-code-error">{e}</p> })}
                <input id="child-lock-code" class="input input-short" type="password" inputmode="numeric" autocomplete="off"
                    aria-describedby=move || if error.get().is_some() { "child-lock-code-hint child-lock-code-error" } else { "child-lock-code-hint" }
                    prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button">"Start child mode"</button>
        </form>
    }
}

/// "Take this away", asked twice: a small finger can tap it by mistake, and
/// what a child said is not to be lost that way. Focus follows the
/// question: to "No, keep it" when it is asked, back to the button when
/// it is answered no, and to `then_focus` (the id of the list's "Add"
/// button) once the thing is gone.
#[component]
pub fn TakeAway(
    #[prop(default = "Take this away")] label: &'static str,
    #[prop(into)] then_focus: String,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let answered_no = StoredValue::new(false);
    let then_focus = StoredValue::new(then_focus);
    move || {
        let focus = NodeRef::<leptos::html::Button>::new();
        let focus_it = move || {
            focus.on_load(|button| {
                // Focus is a courtesy: a browser that refuses it loses nothing.
                let _ = button.focus();
            })
        };
        if asking.get() {
            focus_it();
            view! {
                <span class="take-away" role="group" aria-label="Take it away?">
                    <span class="take-away-question">"Take it away for good?"</span>
                    <button type="button" class="button button-warning" on:click=move |_| {
                        on_confirm.run(());
                        focus_later(then_focus.get_value());
                    }>"Yes, take it away"</button>
                    <button node_ref=focus type="button" class="button button-secondary" on:click=move |_| {
                        answered_no.set_value(true);
                        asking.set(false);
                    }>"No, keep it"</button>
                </span>
            }
            .into_any()
        } else {
            if answered_no.get_value() {
                focus_it();
            }
            view! { <button node_ref=focus type="button" class="button-link" on:click=move |_| asking.set(true)>{label}</button> }.into_any()
        }
    }
}

/// The little picture on a house: drawn here, so it looks the same on
/// every device and prints in black and white.
#[component]
pub fn HouseSymbolIcon(symbol: HouseSymbol) -> impl IntoView {
    let shape = match symbol {
        HouseSymbol::Cloud => view! { <path d="M7 18h11a4 4 0 0 0 0-8 6 6 0 0 0-11.5 1.5A3.3 3.3 0 0 0 7 18z"/> }.into_any(),
        HouseSymbol::Sun => view! {
            <circle cx="12" cy="12" r="4.5"/>
            <path d="M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
        }.into_any(),
        HouseSymbol::Star => view! { <path d="M12 2l3 6.5 7 .8-5.2 4.8 1.4 7L12 17.6 5.8 21.1l1.4-7L2 9.3l7-.8z"/> }.into_any(),
        HouseSymbol::Heart => view! { <path d="M12 21s-8-5.2-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 10c0 5.8-8 11-8 11z"/> }.into_any(),
        HouseSymbol::Flower => view! {
            <circle cx="12" cy="6" r="3.5"/><circle cx="6" cy="11" r="3.5"/><circle cx="18" cy="11" r="3.5"/>
            <circle cx="8.5" cy="17.5" r="3.5"/><circle cx="15.5" cy="17.5" r="3.5"/>
            <circle cx="12" cy="12" r="2.5" fill="#fff"/>
        }.into_any(),
        HouseSymbol::Moon => view! { <path d="M15 2a9.5 9.5 0 1 0 7 15.5A8 8 0 0 1 15 2z"/> }.into_any(),
    };
    view! {
        <svg class="house-symbol" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false" fill="currentColor">
            {shape}
        </svg>
    }
}

/// The colour a house is drawn in, as the style sheet names it. (Colours
/// are classes, not inline styles, which the Content-Security-Policy
/// forbids.)
pub fn house_colour(houses: Option<&ThreeHouses>, kind: HouseKind) -> &'static str {
    houses
        .map_or(kind.default_colour(), |h| h.colour(kind))
        .slug()
}
