//! Danger statements, each paired with at most one safety goal, and the
//! bottom lines.
//!
//! The danger-statement helper asks four short questions and writes one
//! plain sentence from the answers (`DangerStatement::compose`). The worker
//! can edit the sentence; once they do, their words are kept.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::safety_map::{label_hint, BottomLine, DangerStatement};
use crate::ui::components::fields::PlainWords;
use crate::ui::platform::browser::{focus_later, today};
use crate::ui::state::OpenCase;

use super::{edit_map, read_map, ChildrenChoice};

#[component]
pub(super) fn DangerStatements(map: Uuid, editable: bool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let ids = read_map(open, map, |m| {
        m.danger_statements.iter().map(|d| d.id).collect::<Vec<_>>()
    });
    let add = move |_| {
        let id = Uuid::new_v4();
        edit_map(open, map, |m| {
            m.danger_statements.push(DangerStatement {
                id,
                ..DangerStatement::default()
            })
        });
        focus_later(format!("danger-{id}-who"));
    };
    view! {
        <section class="map-wide" aria-labelledby="dangers-heading">
            <h2 id="dangers-heading">"Danger statements and safety goals"</h2>
            <p>"Each danger statement says who is worried, about what someone does, and what it could do to which child. Its safety goal says what people will see instead, and for how long."</p>
            <Show when=move || !ids.get().is_empty() fallback=|| view! { <p>"No danger statement yet."</p> }>
                <ol class="dangers">
                    <For each=move || ids.get().into_iter().enumerate() key=|pair| *pair let:pair>
                        <DangerCard map id=pair.1 number=pair.0 + 1 editable/>
                    </For>
                </ol>
            </Show>
            {editable.then(|| view! {
                <button id="danger-add" type="button" class="button button-secondary" on:click=add>"Add a danger statement"</button>
            })}
        </section>
    }
}

#[component]
fn DangerCard(map: Uuid, id: Uuid, number: usize, editable: bool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let danger = read_map(open, map, move |m| {
        m.danger_statements.iter().find(|d| d.id == id).cloned()
    });
    let goal = read_map(open, map, move |m| {
        m.safety_goals
            .iter()
            .find(|g| g.danger_statement == id)
            .cloned()
    });
    let sentence = Memo::new(move |_| {
        let Some(d) = danger.get() else {
            return String::new();
        };
        open.case().with(|c| c.danger_sentence(&d, today()))
    });
    let edit = move |change: Box<dyn FnOnce(&mut DangerStatement)>| {
        edit_map(open, map, |m| {
            if let Some(d) = m.danger_statements.iter_mut().find(|d| d.id == id) {
                change(d)
            }
        })
    };
    let answer = move |f: fn(&DangerStatement) -> String| {
        move || danger.with(|d| d.as_ref().map(f).unwrap_or_default())
    };
    let f = move |s: &str| format!("danger-{id}-{s}");
    let question = move |key: &'static str,
                         label: &'static str,
                         hint: &'static str,
                         get: fn(&DangerStatement) -> String,
                         set: fn(&mut DangerStatement, String)| {
        let input = f(key);
        let hint_id = format!("{input}-hint");
        view! {
            <div class="form-group">
                <label class="label" for=input.clone()>{label}</label>
                <p class="hint" id=hint_id.clone()>{hint}</p>
                <input maxlength=MAX_TEXT_CHARS id=input class="input" type="text" disabled=!editable aria-describedby=hint_id
                    prop:value=answer(get) on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| set(d, v))) }/>
            </div>
        }
    };
    let label_warning = Memo::new(move |_| {
        danger.with(|d| {
            d.as_ref()
                .and_then(|d| label_hint(&format!("{} {}", d.behaviour, d.sentence)))
        })
    });
    let add_goal = move |_| {
        edit_map(open, map, |m| {
            let _ = m.add_safety_goal(id);
        });
        focus_later(format!("danger-{id}-goal-see"));
    };
    let edit_goal = move |change: Box<dyn FnOnce(&mut crate::domain::safety_map::SafetyGoal)>| {
        edit_map(open, map, |m| {
            if let Some(g) = m.safety_goals.iter_mut().find(|g| g.danger_statement == id) {
                change(g)
            }
        })
    };
    let by_whom = move || {
        danger.with(|d| {
            d.as_ref()
                .map(|d| d.by_whom.trim().to_string())
                .filter(|w| !w.is_empty())
                .unwrap_or_else(|| "the parent".into())
        })
    };
    view! {
        <li class="danger-pair">
            <fieldset class="fieldset danger">
                <legend>{format!("Danger statement {number}")}</legend>
                {question("who", "Who is worried?", "For example: Social workers and Amy's school", |d| d.who_is_worried.clone(), |d, v| d.who_is_worried = v)}
                {question("behaviour", "What are they worried someone will do?", "What people would see or hear, not a label. For example: drinks and shouts at Jenny", |d| d.behaviour.clone(), |d, v| d.behaviour = v)}
                {question("by-whom", "Who would do it?", "For example: Darren", |d| d.by_whom.clone(), |d, v| d.by_whom = v)}
                <ChildrenChoice id=format!("danger-{id}") legend="Which children could be hurt? Leave all unticked for all of them."
                    chosen=Signal::derive(move || danger.with(|d| d.as_ref().map(|d| d.children.clone()).unwrap_or_default()))
                    on_change=Callback::new(move |list| edit(Box::new(move |d| d.children = list)))
                    disabled=!editable/>
                {question("impact", "What could happen to them?", "For example: get hurt, and be too scared to sleep", |d| d.impact.clone(), |d, v| d.impact = v)}
                <div class="form-group">
                    <label class="label" for=f("sentence")>"The danger statement"</label>
                    <p class="hint" id=f("sentence-hint")>"Written from the answers above. Change the words if the family would put it differently."</p>
                    <textarea maxlength=MAX_TEXT_CHARS id=f("sentence") class="textarea" rows="3" disabled=!editable aria-describedby=f("sentence-hint")
                        prop:value=sentence on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| d.sentence = v)) }></textarea>
                </div>
                <PlainWords text=sentence/>
                <div role="status">
                    {move || label_warning.get().map(|hint| view! { <p class="findings label-hint">{hint}</p> })}
                </div>
                {editable.then(|| view! {
                    <div class="button-group">
                        <Show when=move || danger.with(|d| d.as_ref().is_some_and(|d| !d.sentence.trim().is_empty()))>
                            <button type="button" class="button button-secondary" on:click=move |_| edit(Box::new(|d| d.sentence.clear()))>"Write it again from the answers"</button>
                        </Show>
                        <button type="button" class="button button-warning" on:click=move |_| {
                            edit_map(open, map, |m| m.remove_danger_statement(id));
                            // The button went with the statement: focus the next thing to do.
                            focus_later("danger-add".into());
                        }>
                            {format!("Remove danger statement {number}")}
                        </button>
                    </div>
                })}
            </fieldset>
            <div class="safety-goal">
                <Show when=move || goal.get().is_some() fallback=move || view! {
                    <p>"No safety goal for this danger yet."</p>
                    {editable.then(|| view! {
                        <button id=f("goal-add") type="button" class="button button-secondary" on:click=add_goal>{format!("Add a safety goal for danger statement {number}")}</button>
                    })}
                }>
                    <fieldset class="fieldset">
                        <legend>{format!("Safety goal for danger statement {number}")}</legend>
                        <div class="form-group">
                            <label class="label" for=f("goal-see")>{move || format!("What will people see {} doing differently?", by_whom())}</label>
                            <textarea maxlength=MAX_TEXT_CHARS id=f("goal-see") class="textarea" rows="3" disabled=!editable
                                prop:value=move || goal.with(|g| g.as_ref().map(|g| g.what_people_will_see.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); edit_goal(Box::new(move |g| g.what_people_will_see = v)) }></textarea>
                        </div>
                        <div class="form-group">
                            <label class="label" for=f("goal-long")>"For how long?"</label>
                            <p class="hint" id=f("goal-long-hint")>"For example: for 6 months"</p>
                            <input maxlength=MAX_TEXT_CHARS id=f("goal-long") class="input" type="text" disabled=!editable aria-describedby=f("goal-long-hint")
                                prop:value=move || goal.with(|g| g.as_ref().map(|g| g.for_how_long.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); edit_goal(Box::new(move |g| g.for_how_long = v)) }/>
                        </div>
                        {editable.then(|| view! {
                            <button type="button" class="button-link button-link-warning"
                                on:click=move |_| {
                                    edit_map(open, map, |m| m.safety_goals.retain(|g| g.danger_statement != id));
                                    focus_later(f("goal-add"));
                                }>
                                {format!("Remove the safety goal for danger statement {number}")}
                            </button>
                        })}
                    </fieldset>
                </Show>
            </div>
        </li>
    }
}

#[component]
pub(super) fn BottomLines(map: Uuid, editable: bool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let ids = read_map(open, map, |m| {
        m.bottom_lines.iter().map(|b| b.id).collect::<Vec<_>>()
    });
    let add = move |_| {
        let id = Uuid::new_v4();
        edit_map(open, map, |m| {
            m.bottom_lines.push(BottomLine {
                id,
                text: String::new(),
            })
        });
        focus_later(format!("bottom-line-{id}"));
    };
    view! {
        <section class="map-wide" aria-labelledby="bottom-lines-heading">
            <h2 id="bottom-lines-heading">"Bottom lines"</h2>
            <p>"What the agency will not move on, whatever else changes."</p>
            <ol class="bottom-lines">
                <For each=move || ids.get().into_iter().enumerate() key=|pair| *pair let:pair>
                    {
                        let (i, id) = pair;
                        let text = read_map(open, map, move |m| m.bottom_lines.iter().find(|b| b.id == id).map(|b| b.text.clone()).unwrap_or_default());
                        let field = format!("bottom-line-{id}");
                        view! {
                            <li>
                                <label class="label" for=field.clone()>{format!("Bottom line {}", i + 1)}</label>
                                <textarea maxlength=MAX_TEXT_CHARS id=field class="textarea" rows="2" disabled=!editable prop:value=text
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        edit_map(open, map, |m| if let Some(b) = m.bottom_lines.iter_mut().find(|b| b.id == id) { b.text = v });
                                    }></textarea>
                                {editable.then(|| view! {
                                    <button type="button" class="button-link button-link-warning"
                                        on:click=move |_| {
                                            edit_map(open, map, |m| m.bottom_lines.retain(|b| b.id != id));
                                            focus_later("bottom-line-add".into());
                                        }>
                                        {format!("Remove bottom line {}", i + 1)}
                                    </button>
                                })}
                            </li>
                        }
                    }
                </For>
            </ol>
            {editable.then(|| view! {
                <button id="bottom-line-add" type="button" class="button button-secondary" on:click=add>"Add a bottom line"</button>
            })}
        </section>
    }
}
