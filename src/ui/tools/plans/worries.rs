//! What we are worried about, and what life will look like when things are
//! better.

use leptos::prelude::*;
use std::collections::HashMap;
use uuid::Uuid;

use crate::domain::plans::smart::{PlanReport, Subject};
use crate::domain::plans::{Outcome, Worry};
use crate::domain::safety_map::MapSection;
use crate::ui::components::fields::TextArea;
use crate::ui::platform::browser::{focus_later, today};
use crate::ui::state::OpenCase;

use super::{edit_plan, read_plan, short, FindingList};

#[component]
pub(super) fn WorriesAndOutcomes(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let copied = RwSignal::new(None::<String>);
    let copy = move |_| {
        let mut added = 0;
        open.edit(|c| {
            let Some(map) = c.current_map().cloned() else {
                return;
            };
            let sentences: HashMap<Uuid, String> = map
                .danger_statements
                .iter()
                .map(|d| (d.id, c.danger_sentence(d, today())))
                .collect();
            if let Some(p) = c.plan_mut(plan) {
                added = p.copy_from_map(&map, |d| sentences[&d.id].clone());
            }
        });
        copied.set(Some(match added {
            0 => "Everything on the map is already in the plan.".to_string(),
            n => format!("Copied {n} from the map."),
        }));
    };
    let has_map = open.select(|c| {
        c.current_map().is_some_and(|m| {
            !m.danger_statements.is_empty() || m.entries_in(MapSection::NextSteps).next().is_some()
        })
    });
    let worries = read_plan(open, plan, |p| {
        p.worries.iter().map(|w| w.id).collect::<Vec<_>>()
    });
    let outcomes = read_plan(open, plan, |p| {
        p.outcomes.iter().map(|o| o.id).collect::<Vec<_>>()
    });
    view! {
        <section aria-labelledby="worries-heading">
            <h2 id="worries-heading">"What we are worried about"</h2>
            <Show when=move || has_map.get()>
                <p>
                    <button type="button" class="button button-secondary" disabled=open.is_read_only() on:click=copy>"Copy danger statements, safety goals and next steps from the map"</button>
                </p>
                {move || copied.get().map(|m| view! { <p role="status">{m}</p> })}
            </Show>
            <For each=move || worries.get() key=|id| *id let:id>
                <WorryField plan id/>
            </For>
            <button id="worry-add" type="button" class="button button-secondary" disabled=open.is_read_only()
                on:click=move |_| {
                    let id = Uuid::new_v4();
                    edit_plan(open, plan, |p| p.worries.push(Worry { id, ..Worry::default() }));
                    focus_later(format!("worry-{id}"));
                }>"Add a worry"</button>
        </section>
        <section aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">"What life will look like when things are better"</h2>
            <For each=move || outcomes.get() key=|id| *id let:id>
                <OutcomeField plan id/>
            </For>
            <button id="outcome-add" type="button" class="button button-secondary" disabled=open.is_read_only()
                on:click=move |_| {
                    let id = Uuid::new_v4();
                    edit_plan(open, plan, |p| p.outcomes.push(Outcome { id, ..Outcome::default() }));
                    focus_later(format!("outcome-{id}"));
                }>"Add an outcome"</button>
        </section>
    }
}

#[component]
fn WorryField(plan: Uuid, id: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let report = expect_context::<Memo<Option<PlanReport>>>();
    let number = read_plan(open, plan, move |p| {
        p.worries
            .iter()
            .position(|w| w.id == id)
            .map_or(0, |i| i + 1)
    });
    let findings = Signal::derive(move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| r.about(Subject::Worry(id)))
                .unwrap_or_default()
        })
    });
    view! {
        <div class="item">
            <TextArea id=format!("worry-{id}") label="Worry" rows=2 family=true
                value=read_plan(open, plan, move |p| p.worries.iter().find(|w| w.id == id).map(|w| w.text.clone()).unwrap_or_default())
                on_input=Callback::new(move |v| edit_plan(open, plan, |p| if let Some(w) = p.worries.iter_mut().find(|w| w.id == id) { w.text = v }))/>
            <FindingList findings/>
            <button type="button" class="button-link" disabled=open.is_read_only() on:click=move |_| {
                edit_plan(open, plan, |p| p.remove_worry(id));
                // The button went with the worry: focus the next thing to do.
                focus_later("worry-add".into());
            }>
                {move || format!("Remove worry {}", number.get())}
            </button>
        </div>
    }
}

#[component]
fn OutcomeField(plan: Uuid, id: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let report = expect_context::<Memo<Option<PlanReport>>>();
    let number = read_plan(open, plan, move |p| {
        p.outcomes
            .iter()
            .position(|o| o.id == id)
            .map_or(0, |i| i + 1)
    });
    let worries = read_plan(open, plan, |p| {
        p.worries
            .iter()
            .map(|w| (w.id, w.text.clone()))
            .collect::<Vec<_>>()
    });
    let linked = read_plan(open, plan, move |p| {
        p.outcomes
            .iter()
            .find(|o| o.id == id)
            .and_then(|o| o.worry)
            .map(|w| w.to_string())
            .unwrap_or_default()
    });
    let findings = Signal::derive(move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| r.about(Subject::Outcome(id)))
                .unwrap_or_default()
        })
    });
    let select_id = format!("outcome-{id}-worry");
    view! {
        <div class="item">
            <TextArea id=format!("outcome-{id}") label="Outcome" rows=2 family=true
                hint="What people will see, hear and feel. For example: Amy gets to school on time every day."
                value=read_plan(open, plan, move |p| p.outcomes.iter().find(|o| o.id == id).map(|o| o.text.clone()).unwrap_or_default())
                on_input=Callback::new(move |v| edit_plan(open, plan, |p| if let Some(o) = p.outcomes.iter_mut().find(|o| o.id == id) { o.text = v }))/>
            <div class="form-group">
                <label class="label" for=select_id.clone()>"Which worry this answers"</label>
                <select id=select_id class="select" disabled=open.is_read_only() on:change=move |ev| {
                    let worry = event_target_value(&ev).parse::<Uuid>().ok();
                    edit_plan(open, plan, |p| if let Some(o) = p.outcomes.iter_mut().find(|o| o.id == id) { o.worry = worry });
                }>
                    <option value="" selected=move || linked.get().is_empty()>"Choose a worry"</option>
                    {move || worries.get().into_iter().enumerate().map(|(i, (wid, text))| {
                        let value = wid.to_string();
                        let selected = linked.get() == value;
                        view! { <option value=value selected=selected>{format!("{}. {}", i + 1, short(&text))}</option> }
                    }).collect_view()}
                </select>
            </div>
            <FindingList findings/>
            <button type="button" class="button-link" disabled=open.is_read_only() on:click=move |_| {
                edit_plan(open, plan, |p| p.remove_outcome(id));
                focus_later("outcome-add".into());
            }>
                {move || format!("Remove outcome {}", number.get())}
            </button>
        </div>
    }
}
