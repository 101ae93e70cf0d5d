//! "I have, I am, I can" (Grotberg): the child's strengths in their own
//! words. The same editor serves the worker's page and child mode; only
//! the worker can say a statement came from someone else about the child.

use crate::domain::choice::Choice;
use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::{SaidBy, Strength, StrengthKind, StrengthsStatements, Writer};
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::route::{PrintView, Route};
use crate::ui::components::per_child::{edit_child_doc, read_child_doc, ChildTabs};
use crate::ui::platform::browser::focus_later;
use crate::ui::platform::speech::ReadAloud;
use crate::ui::state::OpenCase;

use super::{StartChildMode, TakeAway};

fn edit_strengths(open: OpenCase, child: Uuid, change: impl FnOnce(&mut StrengthsStatements)) {
    edit_child_doc(open, child, |d| &mut d.strengths_statements, change);
}

/// The worker's page.
#[component]
pub fn StrengthsPage() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    view! {
        <h1 tabindex="-1">"I have, I am, I can"</h1>
        <p class="lead">"The child's strengths, in their own words: the people they have, who they are, and what they can do. Start from the ideas, or write what the child says."</p>
        <ChildTabs render=move |child| view! {
            <StrengthsEditor child child_mode=false/>
            <p><a class="button button-secondary" href=Route::Print(case_id, PrintView::ChildsWords(child)).href()>"Print what the child chose to share"</a></p>
            <StartChildMode child/>
        }/>
    }
}

#[component]
pub fn StrengthsEditor(child: Uuid, child_mode: bool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let name = open.select(move |c| c.child_name(child));
    view! {
        <div class="strengths" class:child-strengths=child_mode>
            {if child_mode {
                view! {
                    <div class="child-heading">
                        <h1 tabindex="-1">"I have, I am, I can"</h1>
                        <ReadAloud text="I have, I am, I can. Good things about me.".to_string()/>
                    </div>
                }.into_any()
            } else {
                view! { <h2>{move || format!("{}'s statements", name.get())}</h2> }.into_any()
            }}
            <div class="strength-columns">
                {StrengthKind::ALL.iter().copied().map(|kind| view! { <StrengthList child kind child_mode/> }).collect_view()}
            </div>
        </div>
    }
}

#[component]
fn StrengthList(child: Uuid, kind: StrengthKind, child_mode: bool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let ids = read_child_doc(
        open,
        child,
        |d| &d.strengths_statements,
        move |s| {
            s.map(|s| s.of_kind(kind).map(|st| st.id).collect::<Vec<_>>())
                .unwrap_or_default()
        },
    );
    let by = if child_mode {
        Writer::Child
    } else {
        Writer::Worker
    };
    let add = move |text: String| {
        let statement = Strength::new(kind, text, by, Utc::now());
        let id = statement.id;
        edit_strengths(open, child, |s| s.statements.push(statement));
        focus_later(format!("strength-{id}-text"));
    };
    let heading_id = format!("strengths-{}", kind.slug());
    let labelled = heading_id.clone();
    view! {
        <section class="strength-list" aria-labelledby=labelled>
            <div class="child-heading">
                <h2 id=heading_id>{kind.title()}</h2>
                {child_mode.then(|| view! { <ReadAloud text=kind.title().to_string()/> })}
            </div>
            <ul class="strength-statements">
                <For each=move || ids.get() key=|id| *id let:id>
                    {if child_mode {
                        view! { <ChildStatement child id/> }.into_any()
                    } else {
                        view! { <StatementCard child id child_mode/> }.into_any()
                    }}
                </For>
            </ul>
            <button id=format!("strength-add-{}", kind.slug()) type="button" class="button button-secondary child-button" on:click=move |_| add(format!("{} ", kind.title()))>
                {if child_mode { "Write my own".to_string() } else { format!("Add an \u{201c}{}\u{201d} statement", kind.title()) }}
            </button>
            <details class="starters">
                <summary>"Ideas to start from"</summary>
                <ul>
                    {kind.starters().iter().map(|starter| view! {
                        <li class="starter">
                            <span>{*starter}</span>
                            {child_mode.then(|| view! { <ReadAloud text=starter.to_string()/> })}
                            <button type="button" class="button button-secondary" on:click=move |_| add(starter.to_string())>
                                "Use this"<span class="visually-hidden">{format!(": {starter}")}</span>
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        </section>
    }
}

/// One statement of `child`'s, as a memo.
fn read_statement(open: OpenCase, child: Uuid, id: Uuid) -> Memo<Option<Strength>> {
    read_child_doc(
        open,
        child,
        |d| &d.strengths_statements,
        move |s| s.and_then(|s| s.statements.iter().find(|st| st.id == id).cloned()),
    )
}

/// A statement in child mode: the child's own can be changed; what someone
/// else said is shown as theirs ("Nan says…") and only the worker changes
/// it, so the print never credits them with the child's edits.
#[component]
fn ChildStatement(child: Uuid, id: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let statement = read_statement(open, child, id);
    // Who said it, as a memo: the card is rebuilt when that changes, not
    // on every keystroke.
    let speaker = Memo::new(move |_| {
        statement.with(|s| match s.as_ref().map(|s| &s.said_by) {
            Some(SaidBy::SomeoneElse(who)) => Some(who.trim().to_string()),
            _ => None,
        })
    });
    move || match speaker.get() {
        None => view! { <StatementCard child id child_mode=true/> }.into_any(),
        Some(who) => {
            let who = if who.is_empty() {
                "Someone".to_string()
            } else {
                who
            };
            let said = Signal::derive(move || {
                statement.with(|s| {
                    let s = s.as_ref();
                    format!(
                        "{who} says: {}",
                        s.map_or(String::new(), |s| s.text.clone())
                    )
                })
            });
            view! {
                <li class="strength strength-theirs">
                    <p class="entry-text">{said}</p>
                    <ReadAloud text=said/>
                </li>
            }
            .into_any()
        }
    }
}

#[component]
fn StatementCard(child: Uuid, id: Uuid, child_mode: bool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let statement = read_statement(open, child, id);
    let name = open.select(move |c| c.child_name(child));
    let edit = move |change: Box<dyn FnOnce(&mut Strength)>| {
        edit_strengths(open, child, |s| {
            if let Some(st) = s.statement_mut(id) {
                change(st);
            }
        });
    };
    let text = Signal::derive(move || {
        statement.with(|s| s.as_ref().map(|s| s.text.clone()).unwrap_or_default())
    });
    let heading = move || statement.with(|s| s.as_ref().map_or("", |s| s.kind.title()));
    let said_by =
        move || statement.with(|s| s.as_ref().map(|s| s.said_by.clone()).unwrap_or_default());
    let text_id = format!("strength-{id}-text");
    let private_id = format!("strength-{id}-private");
    let whose = format!("strength-{id}-whose");
    view! {
        <li class="strength">
            <label class="label" for=text_id.clone()>{move || format!("{}\u{2026}", heading())}</label>
            <textarea maxlength=MAX_TEXT_CHARS id=text_id class="textarea" rows="2" prop:value=text
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Box::new(move |s| s.text = value));
                }></textarea>
            {child_mode.then(|| view! { <ReadAloud text/> })}
            {(!child_mode).then(|| {
                let (own, other, other_name) = (format!("{whose}-child"), format!("{whose}-other"), format!("{whose}-name"));
                view! {
                    <fieldset class="fieldset">
                        <legend class="label">"Whose words?"</legend>
                        <div class="radios-inline">
                            <div class="radio">
                                <input type="radio" name=whose.clone() id=own.clone()
                                    prop:checked=move || said_by() == SaidBy::Child
                                    on:change=move |_| edit(Box::new(|s| s.said_by = SaidBy::Child))/>
                                <label for=own>{move || format!("{}'s own", name.get())}</label>
                            </div>
                            <div class="radio">
                                <input type="radio" name=whose.clone() id=other.clone()
                                    prop:checked=move || matches!(said_by(), SaidBy::SomeoneElse(_))
                                    on:change=move |_| edit(Box::new(|s| if s.said_by == SaidBy::Child { s.said_by = SaidBy::SomeoneElse(String::new()) }))/>
                                <label for=other>{move || format!("Someone else, about {}", name.get())}</label>
                            </div>
                        </div>
                        {move || match said_by() {
                            SaidBy::SomeoneElse(who) => Some(view! {
                                <div class="form-group">
                                    <label class="label" for=other_name.clone()>"Who said it?"</label>
                                    <input maxlength=MAX_TEXT_CHARS id=other_name.clone() class="input input-medium" type="text" prop:value=who
                                        on:input=move |ev| {
                                            let who = event_target_value(&ev);
                                            edit(Box::new(move |s| s.said_by = SaidBy::SomeoneElse(who)));
                                        }/>
                                </div>
                            }),
                            SaidBy::Child => None,
                        }}
                    </fieldset>
                }
            })}
            <div class="checkbox" class:child-check=child_mode>
                <input type="checkbox" id=private_id.clone()
                    prop:checked=move || statement.with(|s| s.as_ref().is_some_and(|s| s.just_for_me))
                    on:change=move |ev| {
                        let private = event_target_checked(&ev);
                        edit(Box::new(move |s| s.just_for_me = private));
                    }/>
                <label for=private_id>"Just for me and my worker"</label>
            </div>
            <TakeAway label=if child_mode { "Take this away" } else { "Delete" }
                then_focus=format!("strength-add-{}", statement.with_untracked(|s| s.as_ref().map_or("i-have", |s| s.kind.slug())))
                on_confirm=Callback::new(move |()| edit_strengths(open, child, |s| s.statements.retain(|st| st.id != id)))/>
        </li>
    }
}
