//! Scaling: each person's answer to the scaling question, 0 to 10, with
//! their reason; and everyone's scores across the versions of the map, as
//! a small chart with a table of the same figures for screen readers.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::person_ref::PersonRef;
use crate::domain::safety_map::{trajectories, CHILD_SCALING_QUESTION, SCALING_QUESTION};
use crate::ui::components::score_chart::{ScoreChart, ScoreLines};
use crate::ui::platform::browser::today;
use crate::ui::state::OpenCase;

use super::{edit_map, read_map};

#[component]
pub(super) fn Scaling(map: Uuid, editable: bool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let people = open.select(|c| c.who_can_scale(today()));
    view! {
        <section class="map-wide" aria-labelledby="scaling-heading">
            <h2 id="scaling-heading">"Scaling"</h2>
            <blockquote class="scaling-question">{SCALING_QUESTION}</blockquote>
            <p class="hint">"Ask each person: the worker, each parent, the child, and each agency."</p>
            <div class="scores">
                <For each=move || people.get() key=|p| p.clone() let:person>
                    <PersonScore map person=PersonRef::Person(person.0) name=person.1 role=person.2 editable/>
                </For>
            </div>
        </section>
    }
}

#[component]
fn PersonScore(
    map: Uuid,
    person: PersonRef,
    name: String,
    role: String,
    editable: bool,
) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let who = person.clone();
    let answer = read_map(open, map, move |m| {
        m.scores
            .iter()
            .find(|s| s.person == who)
            .map(|s| (s.score, s.reason.clone()))
            .unwrap_or((None, String::new()))
    });
    let key = match &person {
        PersonRef::Person(id) => id.to_string(),
        PersonRef::Named(n) => n.clone(),
    };
    let f = move |s: &str| format!("score-{key}-{s}");
    let set_score = {
        let person = person.clone();
        move |text: String| {
            let score = text.trim().parse::<u8>().ok().filter(|n| *n <= 10);
            let person = person.clone();
            edit_map(open, map, move |m| {
                let _ = m.set_score(&person, score);
            });
        }
    };
    let set_score_too = set_score.clone();
    let set_reason = move |text: String| {
        let person = person.clone();
        edit_map(open, map, move |m| {
            if m.scores.iter().all(|s| s.person != person) {
                let _ = m.set_score(&person, None);
            }
            if let Some(s) = m.scores.iter_mut().find(|s| s.person == person) {
                s.reason = text;
            }
        });
    };
    let label = if role.trim().is_empty() {
        name.clone()
    } else {
        format!("{name} ({role})")
    };
    let score_text = move || answer.with(|(s, _)| s.map(|s| s.to_string()).unwrap_or_default());
    let child = role == "Child";
    let not_scored = move || answer.with(|(s, _)| s.is_none());
    view! {
        <fieldset class="fieldset score">
            <legend>{label}</legend>
            {child.then(|| view! { <p class="hint">{CHILD_SCALING_QUESTION}</p> })}
            // The slider rests at 0 before anyone scores: say so, not only
            // to a screen reader.
            <Show when=not_scored>
                <p class="hint not-scored">"Not scored yet"</p>
            </Show>
            <div class="score-inputs">
                <div class="form-group">
                    <label class="label" for=f("range")>{format!("{name}'s score, on the slider")}</label>
                    <input id=f("range") class="range" type="range" min="0" max="10" step="1" disabled=!editable
                        aria-valuetext=move || answer.with(|(s, _)| s.map_or("not scored yet".to_string(), |s| format!("{s} out of 10")))
                        prop:value=move || answer.with(|(s, _)| s.unwrap_or(0).to_string())
                        on:input=move |ev| set_score(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label class="label" for=f("number")>{format!("{name}'s score, 0 to 10")}</label>
                    <input id=f("number") class="input input-short" type="number" min="0" max="10" inputmode="numeric" disabled=!editable
                        prop:value=score_text on:input=move |ev| set_score_too(event_target_value(&ev))/>
                </div>
            </div>
            <div class="form-group">
                <label class="label" for=f("reason")>{if child { format!("What {name} said about the number") } else { format!("Why {name} chose this number") }}</label>
                <textarea maxlength=MAX_TEXT_CHARS id=f("reason") class="textarea" rows="2" disabled=!editable
                    prop:value=move || answer.with(|(_, r)| r.clone())
                    on:input=move |ev| set_reason(event_target_value(&ev))></textarea>
            </div>
        </fieldset>
    }
}

/// Everyone's scores across the versions of the map.
#[component]
pub(super) fn ScoresOverTime() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let data = open.select(|c| {
        let versions = &c.documents.safety_maps;
        ScoreLines::new(
            versions.iter().map(|m| m.date).collect(),
            trajectories(versions),
            |person| person.name(c).unwrap_or_else(|| "Someone".into()),
        )
    });
    view! {
        <section class="map-wide" aria-labelledby="over-time-heading">
            <h2 id="over-time-heading">"Scores over time"</h2>
            <ScoreChart id="over-time" data empty="No one has given a score yet."
                caption="Each person's score, 0 to 10, at each version of the map. The table gives the same figures."
                table_caption="Scores at each version of the map" who="Who"/>
        </section>
    }
}
