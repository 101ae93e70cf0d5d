//! Who will do what, by when, and how we will know: each action beside what
//! the checker says of it.

use chrono::Utc;
use leptos::prelude::*;
use std::collections::HashMap;
use uuid::Uuid;

use crate::domain::plans::smart::{Finding, PlanReport, Subject};
use crate::domain::plans::Action;
use crate::domain::Case;
use crate::ui::components::choice_select::ChoiceSelect;
use crate::ui::components::fields::{Field, PersonPicker, TextArea};
use crate::ui::platform::browser::focus_later;
use crate::ui::state::keyed::Keyed;
use crate::ui::state::OpenCase;

use super::{edit_plan, read_plan, short, FindingList};

#[component]
pub(super) fn Actions(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    // Memos: a keystroke in one action must not re-render the other 199.
    let ids = read_plan(open, plan, |p| {
        p.actions.iter().map(|a| a.id).collect::<Vec<_>>()
    });
    let report = expect_context::<Memo<Option<PlanReport>>>();
    let findings = Keyed::default();
    // One effect compares the findings action by action, so a keystroke
    // wakes only the editors whose findings changed.
    Effect::new(move |before: Option<HashMap<Uuid, Vec<Finding>>>| {
        let now: HashMap<_, _> = report.with(|r| {
            ids.with(|ids| {
                ids.iter()
                    .map(|id| (*id, action_findings(r, *id)))
                    .collect()
            })
        });
        if let Some(before) = before {
            for (id, list) in &now {
                if before.get(id) != Some(list) {
                    findings.notify(*id);
                }
            }
        }
        now
    });
    provide_context(ActionChoices {
        findings,
        people: open.select(Case::people),
        outcomes: read_plan(open, plan, |p| {
            p.outcomes
                .iter()
                .map(|o| (o.id, o.text.clone()))
                .collect::<Vec<_>>()
        }),
    });
    view! {
        <section aria-labelledby="actions-heading">
            <h2 id="actions-heading">"Who will do what, by when"</h2>
            // Keyed by place too, so the numbers stay right after a removal.
            <For each=move || ids.get().into_iter().enumerate() key=|pair| *pair let:pair>
                <ActionEditor plan id=pair.1 number=pair.0 + 1/>
            </For>
            <button id="action-add" type="button" class="button button-secondary" disabled=open.is_read_only()
                on:click=move |_| {
                    let id = Uuid::new_v4();
                    edit_plan(open, plan, |p| p.actions.push(Action { id, ..Action::default() }));
                    focus_later(format!("action-{id}-what"));
                }>"Add an action"</button>
        </section>
    }
}

/// Lists every action editor needs, computed once for all of them.
#[derive(Clone, Copy)]
struct ActionChoices {
    /// Tells an action's editor when the checker's findings about it change.
    findings: Keyed,
    people: Memo<Vec<(Uuid, String, String)>>,
    outcomes: Signal<Vec<(Uuid, String)>>,
}

/// What the checker says about one action, beside it.
fn action_findings(report: &Option<PlanReport>, id: Uuid) -> Vec<Finding> {
    report
        .as_ref()
        .map(|r| {
            let mut all = r.for_action(id).to_vec();
            all.extend(r.about(Subject::Action(id)));
            all
        })
        .unwrap_or_default()
}

#[component]
fn ActionEditor(plan: Uuid, id: Uuid, number: usize) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let report = expect_context::<Memo<Option<PlanReport>>>();
    let choices = expect_context::<ActionChoices>();
    // This action alone: it re-runs only when this action is edited.
    let action = open.part(id, move |c| {
        c.plan(plan)
            .and_then(|p| p.actions.iter().find(|a| a.id == id).cloned())
    });
    let edit_action = move |change: Box<dyn FnOnce(&mut Action)>| {
        open.edit_part(id, |case| {
            if let Some(p) = case.plan_mut(plan) {
                if let Some(a) = p.actions.iter_mut().find(|a| a.id == id) {
                    change(a);
                    p.updated = Utc::now();
                }
            }
        })
    };
    // Memos, so a keystroke in "what" does not rebuild the lists of people.
    let get = move |f: fn(&Action) -> String| -> Signal<String> {
        Memo::new(move |_| action.with(|a| a.as_ref().map(f).unwrap_or_default())).into()
    };
    let set = move |f: fn(&mut Action, String)| {
        Callback::new(move |v: String| edit_action(Box::new(move |a| f(a, v))))
    };
    let outcomes = choices.outcomes;
    let outcome = get(|a| a.outcome.map(|o| o.to_string()).unwrap_or_default());
    let status =
        Memo::new(move |_| action.with(|a| a.as_ref().map(|a| a.status).unwrap_or_default()));
    let findings = Memo::new(move |_| {
        choices.findings.track(id);
        report.with_untracked(|r| action_findings(r, id))
    });
    let f = move |s: &str| format!("action-{id}-{s}");
    view! {
        <fieldset class="fieldset action" class:action-not-smart=move || !findings.get().is_empty()>
            <legend>{format!("Action {number}")}</legend>
            <TextArea id=f("what") label="What will be done" rows=2 family=true
                hint="One task, in plain words. For example: Take Amy to school by 8:50am every school day."
                value=get(|a| a.what.clone()) on_input=set(|a, v| a.what = v)/>
            <div class="form-row">
                <PersonPicker id=f("who") label="Who will do it" other="Someone not listed" name_label="Their name"
                    people=choices.people
                    value=Signal::derive(move || action.with(|a| a.as_ref().map(|a| a.who.clone()).unwrap_or_default()))
                    on_change=Callback::new(move |who| edit_action(Box::new(move |a| a.who = who)))/>
                <Field id=f("when") label="By when" hint="A date, for example 14/12/2026."
                    value=get(|a| a.by_when.clone()) on_input=set(|a, v| a.by_when = v)/>
            </div>
            <TextArea id=f("how") label="How we will know" rows=2 family=true
                hint="Something people will see, hear or can count. For example: the school register shows Amy in class by 9am."
                value=get(|a| a.how_we_will_know.clone()) on_input=set(|a, v| a.how_we_will_know = v)/>
            <div class="form-row">
                <div class="form-group">
                    <label class="label" for=f("outcome")>"Which outcome it works towards"</label>
                    <select id=f("outcome") class="select" disabled=open.is_read_only() on:change=move |ev| {
                        let chosen = event_target_value(&ev).parse::<Uuid>().ok();
                        edit_action(Box::new(move |a| a.outcome = chosen));
                    }>
                        <option value="" selected=move || outcome.get().is_empty()>"Choose an outcome"</option>
                        {move || outcomes.get().into_iter().enumerate().map(|(i, (oid, text))| {
                            let value = oid.to_string();
                            let selected = outcome.get() == value;
                            view! { <option value=value selected=selected>{format!("{}. {}", i + 1, short(&text))}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <ChoiceSelect id=f("status") label="Progress" disabled=open.is_read_only()
                    value=Signal::derive(move || Some(status.get()))
                    on_change=Callback::new(move |chosen| edit_action(Box::new(move |a| a.status = chosen)))/>
            </div>
            <div class="smart-check" aria-live="polite">
                <FindingList findings/>
            </div>
            <button type="button" class="button button-warning" disabled=open.is_read_only()
                on:click=move |_| {
                    edit_plan(open, plan, |p| p.actions.retain(|a| a.id != id));
                    focus_later("action-add".into());
                }>
                {format!("Remove action {number}")}
            </button>
        </fieldset>
    }
}
