//! The network meeting behind the version on screen: who came, what was
//! agreed, what changed in the rules, and how safe the network judged the
//! children against each safety goal.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::language::dates;
use crate::domain::person_ref::PersonRef;
use crate::ui::components::fields::TextArea;
use crate::ui::state::OpenCase;

use super::{edit_plan, read_plan};

#[component]
pub(super) fn Meeting(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let date = read_plan(open, plan, |p| Some(p.date));
    let agreed = read_plan(open, plan, |p| p.meeting.agreed.clone());
    let changes = read_plan(open, plan, |p| p.meeting.rule_changes.clone());
    let heading = move || {
        date.get().map_or("Network meeting".to_string(), |d| {
            format!("Network meeting of {}", dates::day_month_year(d))
        })
    };
    view! {
        <section class="network-meeting" aria-labelledby="meeting-heading">
            <h2 id="meeting-heading">{heading}</h2>
            <WhoCame plan/>
            <TextArea id="meeting-agreed".into() label="What was agreed" value=agreed rows=3 family=true
                on_input=Callback::new(move |text| edit_plan(open, plan, |p| p.meeting.agreed = text))/>
            <TextArea id="meeting-changes".into() label="What changed in the rules" value=changes rows=2 family=true
                on_input=Callback::new(move |text| edit_plan(open, plan, |p| p.meeting.rule_changes = text))/>
            <GoalScores plan/>
        </section>
    }
}

/// Everyone on the case and in the safety network, to tick who came.
#[component]
fn WhoCame(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let people = open.select(move |c| {
        let mut people: Vec<(PersonRef, String)> = c
            .people()
            .into_iter()
            .map(|(id, name, _)| (PersonRef::Person(id), name))
            .collect();
        let named = c
            .documents
            .safety_plans
            .iter()
            .find(|p| p.id == plan)
            .into_iter()
            .flat_map(|p| &p.network)
            .filter(|n| matches!(&n.person, PersonRef::Named(name) if !name.trim().is_empty()));
        for role in named {
            if !people.iter().any(|(p, _)| *p == role.person) {
                people.push((role.person.clone(), role.person.name(c).unwrap_or_default()));
            }
        }
        people
    });
    let attended = read_plan(open, plan, |p| p.meeting.attended.clone());
    view! {
        <fieldset class="fieldset who-came">
            <legend class="label">"Who came"</legend>
            {move || people.get().into_iter().enumerate().map(|(i, (person, name))| {
                let id = format!("came-{i}");
                let here = person.clone();
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() disabled=open.is_read_only()
                            prop:checked=move || attended.with(|a| a.contains(&here))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let person = person.clone();
                                edit_plan(open, plan, move |p| {
                                    p.meeting.attended.retain(|a| *a != person);
                                    if on {
                                        p.meeting.attended.push(person);
                                    }
                                });
                            }/>
                        <label for=id>{name}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The network's score for each safety goal on the map, 0 to 10.
#[component]
fn GoalScores(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let goals = open.select(|c| {
        c.current_map()
            .map(|m| {
                m.safety_goals
                    .iter()
                    .filter(|g| !g.text().is_empty())
                    .map(|g| (g.id, g.text()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <fieldset class="fieldset goal-scores">
            <legend class="label">"How safe are the children, 0 to 10, for each safety goal?"</legend>
            <p class="hint">"10 means everyone is confident the goal is met and the children are safe enough; 0 means the worries are as bad as they could be."</p>
            <Show when=move || !goals.with(Vec::is_empty) fallback=|| view! { <p class="hint">"The map has no safety goals yet."</p> }>
                {move || goals.get().into_iter().map(|(goal, text)| {
                    let id = format!("goal-score-{goal}");
                    let score = read_plan(open, plan, move |p| {
                        p.goal_scores.iter().find(|s| s.safety_goal == goal).and_then(|s| s.score).map(|s| s.to_string()).unwrap_or_default()
                    });
                    view! {
                        <div class="form-group">
                            <label class="label" for=id.clone()>{text}</label>
                            <input id=id class="input input-short" type="number" min="0" max="10" inputmode="numeric"
                                disabled=open.is_read_only() prop:value=score
                                on:input=move |ev| {
                                    let value = event_target_value(&ev).trim().parse::<u8>().ok().filter(|n| *n <= 10);
                                    edit_plan(open, plan, |p| {
                                        // In range by the filter above.
                                        let stored = p.set_goal_score(goal, value);
                                        debug_assert!(stored.is_ok());
                                    });
                                }/>
                        </div>
                    }
                }).collect_view()}
            </Show>
        </fieldset>
    }
}
