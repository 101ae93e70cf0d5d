//! "My safety plan": the child's own safety plan, made with the worker in
//! child mode. A few of the family's rules said again in the child's words
//! or pictures, and the people the child can go to or call, with their
//! numbers. The worker's safety plan page shows each child's, and it
//! prints on one A4 page with room left for drawing (`print.rs`).
//!
//! The rules and sharing live in `domain::safety_plan::child`; the cards
//! are the Three Houses' ([`WordsCard`]), so a child meets one way of
//! writing, drawing and hearing everywhere.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::{of_child, ChildEntry, Writer};
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::person_ref::PersonRef;
use crate::domain::safety_plan::child::{people_to_choose_from, ChildSafetyPlan};
use crate::route::{PrintView, Route};
use crate::ui::components::per_child::{edit_child_doc, read_child_doc, ChildTabs};
use crate::ui::platform::speech::ReadAloud;
use crate::ui::state::OpenCase;

use super::words_card::{start_on, AddWords, EditEntry, WordsCard};
use super::{EntryRecord, StartChildMode};

fn edit_plan(open: OpenCase, child: Uuid, change: impl FnOnce(&mut ChildSafetyPlan)) {
    edit_child_doc(open, child, |d| &mut d.child_safety_plans, change);
}

/// A change to one of the child's words, wherever it is in the plan.
fn edit_words(open: OpenCase, child: Uuid, id: Uuid) -> EditEntry {
    Callback::new(move |change: Box<dyn FnOnce(&mut ChildEntry)>| {
        edit_plan(open, child, |p| {
            if let Some(words) = p.words_mut(id) {
                change(words);
            }
        });
    })
}

/// The ids of the child's words in one of the plan's lists, in order.
fn word_ids(
    open: OpenCase,
    child: Uuid,
    list: fn(&ChildSafetyPlan) -> Vec<Uuid>,
) -> Memo<Vec<Uuid>> {
    read_child_doc(
        open,
        child,
        |d| &d.child_safety_plans,
        move |p| p.map(list).unwrap_or_default(),
    )
}

/// Adds to the child's plan (made if need be); the id of the new words.
fn add_to_plan(
    open: OpenCase,
    child: Uuid,
    add: impl FnOnce(&mut ChildSafetyPlan) -> Uuid,
) -> Uuid {
    let mut id = Uuid::nil();
    edit_plan(open, child, |p| id = add(p));
    id
}

/// A part's heading and its question, which the child can hear.
#[component]
fn PartHeading(id: &'static str, heading: &'static str, question: &'static str) -> impl IntoView {
    view! {
        <div class="child-heading">
            <h2 id=id>{heading}</h2>
        </div>
        <div class="child-heading">
            <p class="child-question">{question}</p>
            <ReadAloud text=question.to_string() label="Hear the question"/>
        </div>
    }
}

const QUESTION_RULES: &str = "What will happen to keep you safe?";
const QUESTION_PEOPLE: &str = "Who can you go to, or call, if you feel scared or unsafe?";

/// The child-mode screen.
#[component]
pub(super) fn MySafetyPlan(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let heading = Signal::derive(move || {
        open.case()
            .with(|c| format!("{}'s safety plan", c.child_name(child)))
    });
    view! {
        <div class="my-safety-plan">
            <div class="child-heading">
                <h1 tabindex="-1">{heading}</h1>
                <ReadAloud text=heading label="Hear it"/>
            </div>
            <MyRules child/>
            <MyPeople child/>
        </div>
    }
}

/// "What keeps me safe": the child's rules, and the family's to start from.
#[component]
fn MyRules(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let ids = word_ids(open, child, |p| {
        p.rules.iter().map(|r| r.words.id).collect()
    });
    // The family's rules, written, that this child has not said yet.
    let family_rules = open.select(move |c| {
        let used: Vec<Uuid> = of_child(&c.documents.child_safety_plans, child)
            .map(|p| p.rules.iter().filter_map(|r| r.from_rule).collect())
            .unwrap_or_default();
        c.current_safety_plan()
            .map(|p| {
                p.rules
                    .iter()
                    .filter(|r| !r.text.trim().is_empty() && !used.contains(&r.id))
                    .map(|r| (r.id, r.text.trim().to_string()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let drawing_now = RwSignal::new(None::<Uuid>);
    let add = move |from: Option<Uuid>, by: Writer, draw: bool| {
        let id = add_to_plan(open, child, |p| p.add_rule(from, by, Utc::now()));
        start_on(id, draw, drawing_now);
    };
    view! {
        <section class="my-safety-part" aria-labelledby="my-rules-heading">
            <PartHeading id="my-rules-heading" heading="What keeps me safe" question=QUESTION_RULES/>
            <ul class="child-entries">
                <For each=move || ids.get() key=|id| *id let:id>
                    <RuleCard child id drawing_now/>
                </For>
            </ul>
            <AddWords add_id="my-rule-add" on_add=Callback::new(move |(by, draw)| add(None, by, draw))/>
            <Show when=move || !family_rules.with(Vec::is_empty)>
                <details class="grown-up-rules">
                    <summary class="child-button">"The grown-ups' rules"</summary>
                    <p class="hint">"For the worker: read a rule with the child, then they say it their way."</p>
                    <ul class="grown-up-rule-list">
                        {move || family_rules.get().into_iter().map(|(rule, text)| view! {
                            <li>
                                <p class="grown-up-rule">{text.clone()}</p>
                                <ReadAloud text=text.clone()/>
                                <button type="button" class="child-button child-button-small"
                                    on:click=move |_| add(Some(rule), Writer::Child, false)>
                                    "Say it my way"<span class="visually-hidden">{format!(": {text}")}</span>
                                </button>
                            </li>
                        }).collect_view()}
                    </ul>
                </details>
            </Show>
        </section>
    }
}

/// One of the child's rules; the family's rule it came from, if any, above.
#[component]
fn RuleCard(child: Uuid, id: Uuid, drawing_now: RwSignal<Option<Uuid>>) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let entry = read_child_doc(
        open,
        child,
        |d| &d.child_safety_plans,
        move |p| {
            p.and_then(|p| p.rules.iter().find(|r| r.words.id == id))
                .map(|r| r.words.clone())
        },
    );
    let from = open.select(move |c| {
        let rule = of_child(&c.documents.child_safety_plans, child)?
            .rules
            .iter()
            .find(|r| r.words.id == id)?
            .from_rule?;
        let plan = c.current_safety_plan()?;
        plan.rules
            .iter()
            .find(|r| r.id == rule)
            .map(|r| r.text.trim().to_string())
    });
    let take_away = Callback::new(move |()| edit_plan(open, child, |p| p.remove(id)));
    view! {
        <WordsCard id entry=entry.into() edit=edit_words(open, child, id) on_take_away=take_away then_focus="my-rule-add" drawing_now>
            {move || from.get().map(|text| view! {
                <p class="grown-up-rule"><span class="grown-up-rule-label">"The grown-ups' rule: "</span>{text}</p>
            })}
        </WordsCard>
    }
}

/// "People I can go to": chosen from the network, or someone else.
#[component]
fn MyPeople(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let ids = word_ids(open, child, |p| {
        p.people.iter().map(|t| t.words.id).collect()
    });
    let to_choose = open.select(move |c| {
        let chosen: Vec<PersonRef> = of_child(&c.documents.child_safety_plans, child)
            .map(|p| p.people.iter().map(|t| t.person.clone()).collect())
            .unwrap_or_default();
        people_to_choose_from(c)
            .into_iter()
            .filter(|(p, _)| !chosen.contains(p))
            .collect::<Vec<_>>()
    });
    let drawing_now = RwSignal::new(None::<Uuid>);
    let add = move |person: PersonRef| {
        let id = add_to_plan(open, child, |p| {
            p.add_person(person, Writer::Child, Utc::now())
        });
        start_on(id, false, drawing_now);
    };
    let someone = RwSignal::new(String::new());
    let add_someone = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = someone.get_untracked();
        if name.trim().is_empty() {
            return;
        }
        someone.set(String::new());
        add(PersonRef::Named(name));
    };
    view! {
        <section class="my-safety-part" aria-labelledby="my-people-heading">
            <PartHeading id="my-people-heading" heading="People I can go to" question=QUESTION_PEOPLE/>
            <ul class="child-entries">
                <For each=move || ids.get() key=|id| *id let:id>
                    <PersonCard child id drawing_now/>
                </For>
            </ul>
            <ul class="child-people-choices" aria-label="Add someone">
                {move || to_choose.get().into_iter().map(|(person, name)| view! {
                    <li>
                        <button type="button" class="child-button" on:click=move |_| add(person.clone())>
                            <span aria-hidden="true">"+ "</span>{format!("Add {name}")}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
            <form class="child-someone-else" on:submit=add_someone>
                <label class="child-label" for="my-person-other">"Someone else"</label>
                <input id="my-person-other" class="input child-input" type="text" maxlength=MAX_TEXT_CHARS
                    autocomplete="off" prop:value=someone on:input=move |ev| someone.set(event_target_value(&ev))/>
                <button type="submit" class="child-button">"Add them"</button>
            </form>
        </section>
    }
}

/// Someone the child can go to: their name and number, and what the child
/// says about them.
#[component]
fn PersonCard(child: Uuid, id: Uuid, drawing_now: RwSignal<Option<Uuid>>) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let person = open.select(move |c| {
        of_child(&c.documents.child_safety_plans, child)
            .and_then(|p| p.people.iter().find(|t| t.words.id == id))
            .map(|t| {
                (
                    t.words.clone(),
                    t.person.name(c).unwrap_or_default(),
                    t.phone.clone(),
                    t.phone_on_record(c),
                )
            })
    });
    let entry = Signal::derive(move || person.with(|p| p.as_ref().map(|p| p.0.clone())));
    let name = Signal::derive(move || {
        person.with(|p| p.as_ref().map(|p| p.1.clone()).unwrap_or_default())
    });
    let own = move || person.with(|p| p.as_ref().map(|p| p.2.clone()).unwrap_or_default());
    let on_record = move || person.with(|p| p.as_ref().map(|p| p.3.clone()).unwrap_or_default());
    let phone_id = format!("entry-{id}-phone");
    let hint_id = format!("entry-{id}-phone-hint");
    let take_away = Callback::new(move |()| edit_plan(open, child, |p| p.remove(id)));
    view! {
        <WordsCard id entry edit=edit_words(open, child, id) on_take_away=take_away then_focus="my-person-other" drawing_now>
            <div class="child-heading">
                <p class="child-person-name">{name}</p>
                <ReadAloud text=name/>
            </div>
            <label class="child-label" for=phone_id.clone()>"Their phone number"</label>
            // The number on record stays there: one typed here is used
            // instead, and clearing it goes back to the one on record.
            <p class="hint" id=hint_id.clone()>{move || match on_record() {
                n if n.is_empty() => "Type it here.".to_string(),
                n => format!("We have {n}. Type another number only if it is different."),
            }}</p>
            <input id=phone_id class="input child-input" type="tel" autocomplete="off" maxlength=MAX_TEXT_CHARS
                aria-describedby=hint_id
                prop:value=own on:input=move |ev| {
                    let number = event_target_value(&ev);
                    edit_plan(open, child, |p| {
                        if let Some(t) = p.person_mut(id) {
                            t.phone = number;
                        }
                    });
                }/>
        </WordsCard>
    }
}

/// On the worker's safety plan page: each child's own plan, a way to make
/// it with them in child mode, and its print.
#[component]
pub fn ChildrensSafetyPlans() -> impl IntoView {
    view! {
        <section class="childrens-safety-plans" aria-labelledby="childrens-plans-heading">
            <h2 id="childrens-plans-heading">"The children's own safety plans"</h2>
            <p>"Make a safety plan with each child, in their words and pictures: a few of the rules said their way, and the people they can go to or call. Give them the screen in child mode and choose \u{201c}My safety plan\u{201d}."</p>
            <ChildTabs render=|child| view! { <ChildPlanSummary child/> }/>
        </section>
    }
}

/// What one child has in their safety plan, as the worker reads it.
#[component]
fn ChildPlanSummary(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let plan = open.select(move |c| {
        of_child(&c.documents.child_safety_plans, child)
            .filter(|p| !p.is_empty())
            .map(|p| {
                let people = p
                    .people
                    .iter()
                    .map(|t| {
                        (
                            t.words.clone(),
                            t.person.name(c).unwrap_or_default(),
                            t.phone(c),
                        )
                    })
                    .collect::<Vec<_>>();
                (
                    p.rules.iter().map(|r| r.words.clone()).collect::<Vec<_>>(),
                    people,
                )
            })
    });
    let name = open.select(move |c| c.child_name(child));
    view! {
        <StartChildMode child/>
        <p><a class="button button-secondary" href=Route::Print(case_id, PrintView::ChildSafetyPlan(child)).href()>
            {move || format!("Print {}'s safety plan", name.get())}
        </a></p>
        {move || match plan.get() {
            None => view! { <p class="inset-text">{format!("{} has no safety plan of their own yet.", name.get())}</p> }.into_any(),
            Some((rules, people)) => view! {
                <h3>"What keeps me safe"</h3>
                <ul class="child-words">
                    {rules.into_iter().filter(|r| !r.is_blank()).map(|r| view! { <EntryRecord entry=r name=name.get_untracked()/> }).collect_view()}
                </ul>
                <h3>"People I can go to"</h3>
                <ul class="child-words">
                    {people.into_iter().map(|(words, who, phone)| view! {
                        <li class="child-word">
                            <p><strong>{who}</strong>{(!phone.is_empty()).then(|| format!(": {phone}"))}</p>
                        </li>
                        {(!words.is_blank()).then(|| view! { <EntryRecord entry=words name=name.get_untracked()/> })}
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}
