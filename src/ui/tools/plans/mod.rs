//! Plans: the list of a case's plans, and the plan editor with its live
//! SMART checker and statutory schedule.
//!
//! The editor is thin: every rule (what is not SMART, when things are due)
//! comes from `domain::plans::smart` and `domain::plans::schedule`, recomputed from the
//! case as the worker types.

pub mod check;
pub mod print;

use crate::domain::choice::Choice;
use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::case::people::PersonRef;
use crate::domain::language::text::shorten;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::plans::schedule::{next_review, schedule, DueState};
use crate::domain::plans::smart::{Checker, Finding, PlanReport, Subject};
use crate::domain::plans::{
    Action, EventKind, HarmCategory, Outcome, Plan, PlanKind, RecordedEvent, ReviewKind, Worry,
};
use crate::domain::profile::PracticeProfile;
use crate::domain::safety_map::MapSection;
use crate::domain::{language::dates, Case};
use crate::route::{PrintView, Route};
use crate::ui::cases::draft::{keep_draft, Draft};
use crate::ui::cases::session::OpenCase;
use crate::ui::components::choice_select::ChoiceSelect;
use crate::ui::components::fields::{Field, PersonPicker, TextArea};
use crate::ui::components::keyed::Keyed;
use crate::ui::platform::browser::{focus_later, today};

/// Changes one plan of the open case.
fn edit_plan(open: OpenCase, plan: Uuid, change: impl FnOnce(&mut Plan)) {
    open.edit(|case| {
        if let Some(p) = case.plan_mut(plan) {
            change(p);
            p.updated = Utc::now();
        }
    });
}

/// Reads part of one plan, reactively. A memo, so that a keystroke
/// elsewhere in the case re-renders nothing that reads this part.
fn read_plan<T: Default + Clone + PartialEq + Send + Sync + 'static>(
    open: OpenCase,
    plan: Uuid,
    f: impl Fn(&Plan) -> T + Send + Sync + 'static,
) -> Signal<T> {
    open.select(move |c| c.plan(plan).map(&f).unwrap_or_default())
        .into()
}

#[component]
pub fn PlanList() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let start = move |kind: PlanKind| {
        let plan = Plan::new(kind, Utc::now());
        let id = plan.id;
        open.edit(|c| {
            let mut plan = plan;
            plan.children = c.children.iter().map(|ch| ch.id).collect();
            c.documents.plans.push(plan);
        });
        let _ = window()
            .location()
            .set_hash(&Route::Plan(case_id, id).href());
    };
    let plans = move || {
        open.case().with(|c| {
            c.documents
                .plans
                .iter()
                .map(|p| (p.id, p.kind, p.start, p.updated))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1 tabindex="-1">"Plans"</h1>
        <p>"A plan says who will do what, by when, and how everyone will know it has worked."</p>
        <Show when=move || !plans().is_empty() fallback=|| view! { <p>"There is no plan for this family yet."</p> }>
            <ul class="tool-list">
                <For each=plans key=|p| (p.0, p.1 == PlanKind::ChildProtection, p.2, p.3) let:plan>
                    <li>
                        <a href=Route::Plan(case_id, plan.0).href()>{plan.1.title()}</a>
                        <span class="tool-state">{match plan.2 {
                            Some(start) => format!("Started {}", dates::day_month_year(start)),
                            None => "No start date yet".to_string(),
                        }}</span>
                    </li>
                </For>
            </ul>
        </Show>
        <div class="button-group">
            <button type="button" class="button" disabled=open.is_read_only() on:click=move |_| start(PlanKind::ChildInNeed)>"Start a Child in Need plan"</button>
            <button type="button" class="button" disabled=open.is_read_only() on:click=move |_| start(PlanKind::ChildProtection)>"Start a Child Protection plan"</button>
        </div>
    }
}

#[component]
pub fn PlanEditor(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let exists = open.select(move |c| c.plan(plan).is_some());
    let profile = expect_context::<crate::ui::app::AppState>().profile;
    let checker = StoredValue::new(Checker::default());
    let report = Memo::new(move |_| {
        open.case().with(|c| {
            c.plan(plan).map(|p| {
                let review = profile.with(|pr| next_review(p, pr, today()));
                checker
                    .try_update_value(|checker| checker.check(p, c, review))
                    .unwrap_or_default()
            })
        })
    });
    provide_context(report);
    let kind = read_plan(open, plan, |p| p.kind);
    view! {
        <Show when=move || exists.get() fallback=|| view! {
            <h1 tabindex="-1">"Plan not found"</h1>
            <p>"This plan is not in the case any more."</p>
        }>
            <h1 tabindex="-1">{move || kind.get().title()}</h1>
            <div class="button-group">
                <a class="button button-secondary" href=Route::Print(case_id, PrintView::FamilyPlan(plan)).href()>"Print the family's plan"</a>
                <a class="button button-secondary" href=Route::PlanCheck(case_id, plan).href()>"Check this plan"</a>
            </div>
            <CheckerSummary/>
            <SchedulePanel plan profile/>
            <PlanBasics plan/>
            <WorriesAndOutcomes plan/>
            <Actions plan/>
            <section aria-labelledby="contingency-heading">
                <h2 id="contingency-heading">"If the plan does not work"</h2>
                <TextArea id="plan-contingency".into() label="Contingency plan" family=true
                    hint="What will happen if the plan is not followed, or does not keep the children safe."
                    value=read_plan(open, plan, |p| p.contingency.clone())
                    on_input=Callback::new(move |v| edit_plan(open, plan, |p| p.contingency = v))/>
            </section>
            <section aria-labelledby="views-heading">
                <h2 id="views-heading">"The children's views"</h2>
                <TextArea id="plan-child-views".into() label="What the children say, in their own words"
                    hint="For a child who cannot talk yet, write how they seem, what they do, and who they go to."
                    value=read_plan(open, plan, |p| p.child_views.clone())
                    on_input=Callback::new(move |v| edit_plan(open, plan, |p| p.child_views = v))/>
            </section>
            <Reviews plan/>
            <PlanFindings/>
        </Show>
    }
}

/// How many things the checker found, at the top of the plan.
#[component]
fn CheckerSummary() -> impl IntoView {
    let report = expect_context::<Memo<Option<PlanReport>>>();
    view! {
        <p class="checker-summary" role="status">
            {move || match report.get().map(|r| r.count()) {
                Some(0) => "The checker found nothing to improve.".to_string(),
                Some(1) => "The checker found 1 thing to improve. It is shown next to the part it is about.".to_string(),
                Some(n) => format!("The checker found {n} things to improve. Each is shown next to the part it is about."),
                None => String::new(),
            }}
        </p>
    }
}

#[component]
fn FindingList(#[prop(into)] findings: Signal<Vec<Finding>>) -> impl IntoView {
    view! {
        <Show when=move || !findings.get().is_empty()>
            <ul class="findings">
                {move || findings.get().into_iter().map(|f| view! {
                    <li data-code=f.code>{f.message}</li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
fn PlanFindings() -> impl IntoView {
    let report = expect_context::<Memo<Option<PlanReport>>>();
    // Findings about one worry, outcome or action are shown beside it.
    let findings = Signal::derive(move || {
        let whole = |f: &Finding| matches!(f.subject, Subject::Plan | Subject::Person(_));
        report
            .get()
            .map(|r| r.plan.into_iter().filter(whole).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    view! {
        <section aria-labelledby="plan-check-heading">
            <h2 id="plan-check-heading">"Checking the whole plan"</h2>
            <Show when=move || findings.get().is_empty() fallback=move || view! { <FindingList findings/> }>
                <p>"The plan has a contingency where it needs one, the children's views, and no one with too many actions."</p>
            </Show>
        </section>
    }
}

#[component]
fn SchedulePanel(plan: Uuid, profile: RwSignal<PracticeProfile>) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    // Recomputed on every edit, but redrawn only when a date changes.
    let items = Memo::new(move |_| {
        open.case().with(|c| {
            let p = c.plan(plan)?;
            let baby = c.has_baby(&p.children, today());
            Some(profile.with(|pr| schedule(p, baby, pr, today())))
        })
    });
    let items = move || items.get();
    let event_kind = RwSignal::new(EventKind::Visit);
    let event_date = RwSignal::new(today().to_string());
    let problem = RwSignal::new(None::<String>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match NaiveDate::parse_from_str(&event_date.get_untracked(), "%Y-%m-%d") {
            Ok(date) if date <= today() => {
                problem.set(None);
                let kind = event_kind.get_untracked();
                edit_plan(open, plan, |p| p.events.push(RecordedEvent { kind, date }));
            }
            Ok(_) => problem.set(Some(
                "Record only what has already happened: the date is in the future.".into(),
            )),
            Err(_) => problem.set(Some("Enter the date it happened.".into())),
        }
    };
    view! {
        <section aria-labelledby="schedule-heading" class="schedule">
            <h2 id="schedule-heading">"What is due"</h2>
            {move || match items() {
                None => ().into_any(),
                Some(Err(problems)) => view! {
                    <ul class="findings">{problems.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                }.into_any(),
                Some(Ok(items)) => view! {
                    <table class="table">
                        <thead><tr><th scope="col">"What"</th><th scope="col">"By"</th><th scope="col">"State"</th><th scope="col">"Why then"</th></tr></thead>
                        <tbody>
                            {items.into_iter().map(|i| view! {
                                <tr>
                                    <td>{i.kind.title()}</td>
                                    <td>{dates::day_month_year(i.due)}</td>
                                    <td><strong class="tag" data-state=match i.state { DueState::Overdue => "overdue", DueState::DueSoon => "soon", DueState::Upcoming => "due" }>{i.state.title()}</strong></td>
                                    <td>{i.basis}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
            <form class="record-event" on:submit=record novalidate>
                <div class="form-row">
                    <div class="form-group">
                        <label class="label" for="event-kind">"Record something that happened"</label>
                        <select id="event-kind" class="select" on:change=move |ev| event_kind.set(match event_target_value(&ev).as_str() {
                            "core_group" => EventKind::CoreGroup,
                            "assessment_update" => EventKind::AssessmentUpdate,
                            _ => EventKind::Visit,
                        })>
                            <option value="visit">"A visit to the child"</option>
                            <option value="core_group">"A core group meeting"</option>
                            <option value="assessment_update">"An updated assessment"</option>
                        </select>
                    </div>
                    <div class="form-group">
                        <label class="label" for="event-date">"On"</label>
                        <input id="event-date" class="input" type="date" prop:value=event_date on:input=move |ev| event_date.set(event_target_value(&ev))/>
                    </div>
                </div>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <button type="submit" class="button button-secondary" disabled=open.is_read_only()>"Record it"</button>
            </form>
        </section>
    }
}

#[component]
fn PlanBasics(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let kind = read_plan(open, plan, |p| p.kind);
    let start = read_plan(open, plan, |p| {
        p.start.map(|d| d.to_string()).unwrap_or_default()
    });
    let children = open.select(|c| {
        c.children
            .iter()
            .map(|ch| (ch.id, ch.first_name.clone()))
            .collect::<Vec<_>>()
    });
    let covered_children = read_plan(open, plan, |p| p.children.clone());
    let covered = move |id: Uuid| covered_children.with(|c| c.contains(&id));
    let categories = read_plan(open, plan, |p| p.harm_categories.clone());
    let has_category = move |cat: HarmCategory| categories.with(|c| c.contains(&cat));
    let set_kind = move |k: PlanKind| edit_plan(open, plan, |p| p.kind = k);
    view! {
        <section aria-labelledby="basics-heading">
            <h2 id="basics-heading">"About the plan"</h2>
            <fieldset class="fieldset">
                <legend>"Type of plan"</legend>
                <div class="radios">
                    <label class="radio"><input type="radio" name="plan-kind" prop:checked=move || kind.get() == PlanKind::ChildInNeed on:change=move |_| set_kind(PlanKind::ChildInNeed)/>" Child in Need"</label>
                    <label class="radio"><input type="radio" name="plan-kind" prop:checked=move || kind.get() == PlanKind::ChildProtection on:change=move |_| set_kind(PlanKind::ChildProtection)/>" Child Protection"</label>
                </div>
            </fieldset>
            <fieldset class="fieldset">
                <legend>"Children this plan is for"</legend>
                <For each=move || children.get() key=|c| c.clone() let:child>
                    <div class="checkbox">
                        <input type="checkbox" id=format!("plan-child-{}", child.0) prop:checked=move || covered(child.0)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                edit_plan(open, plan, |p| {
                                    p.children.retain(|c| *c != child.0);
                                    if on { p.children.push(child.0) }
                                });
                            }/>
                        <label for=format!("plan-child-{}", child.0)>{if child.1.trim().is_empty() { "Unnamed child".to_string() } else { child.1.clone() }}</label>
                    </div>
                </For>
            </fieldset>
            <div class="form-group">
                <label class="label" for="plan-start">{move || kind.get().start_label()}</label>
                <p class="hint" id="plan-start-hint">"Visits, meetings and reviews are counted from this date."</p>
                <input id="plan-start" class="input" type="date" aria-describedby="plan-start-hint" prop:value=start
                    on:input=move |ev| {
                        let date = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                        edit_plan(open, plan, |p| p.start = date);
                    }/>
            </div>
            <Show when=move || kind.get() == PlanKind::ChildProtection>
                <fieldset class="fieldset">
                    <legend>"Category of harm"</legend>
                    <p class="hint">"Choose one or more."</p>
                    {HarmCategory::ALL.iter().copied().map(|cat| {
                        let id = format!("harm-{}", cat.slug());
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=id.clone() prop:checked=move || has_category(cat)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        edit_plan(open, plan, |p| {
                                            p.harm_categories.retain(|c| *c != cat);
                                            if on { p.harm_categories.push(cat) }
                                        });
                                    }/>
                                <label for=id>{cat.title()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            </Show>
        </section>
    }
}

#[component]
fn WorriesAndOutcomes(plan: Uuid) -> impl IntoView {
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

/// A worry, outcome or action as a choice in a list.
fn short(text: &str) -> String {
    if text.trim().is_empty() {
        "(not written yet)".to_string()
    } else {
        shorten(text, 70)
    }
}

#[component]
fn Actions(plan: Uuid) -> impl IntoView {
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

/// The plan's reviews, newest first, and a form to record one.
/// The "Record a review" form as typed so far (see `ui::cases::draft`).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct ReviewDraft {
    date: Option<String>,
    kind: Option<ReviewKind>,
    attended: Vec<Uuid>,
    scale: String,
    decisions: String,
}

#[component]
fn Reviews(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let history = Memo::new(move |_| {
        open.case().with(|c| {
            let Some(p) = c.plan(plan) else {
                return Vec::new();
            };
            let mut reviews: Vec<_> = p
                .reviews
                .iter()
                .map(|r| {
                    let attended: Vec<String> =
                        r.attended.iter().filter_map(|who| who.name(c)).collect();
                    let progress: Vec<String> = r
                        .progress
                        .iter()
                        .filter_map(|pr| {
                            let what = p.actions.iter().find(|a| a.id == pr.action)?.what.clone();
                            Some(format!("{}: {}", short(&what), pr.status.title()))
                        })
                        .collect();
                    (
                        r.id,
                        (r.date, r.kind),
                        attended.join(", "),
                        progress,
                        r.scale,
                        r.decisions.clone(),
                    )
                })
                .collect();
            reviews.sort_by_key(|r| std::cmp::Reverse(r.1 .0));
            reviews
        })
    });
    let draft = Draft::new(
        open.case().with_untracked(|c| c.id),
        format!("review-{plan}"),
    );
    let kept: ReviewDraft = draft.value().unwrap_or_default();
    let plan_kind = read_plan(open, plan, |p| p.kind);
    let date = RwSignal::new(kept.date.unwrap_or_else(|| today().to_string()));
    let kind = RwSignal::new(kept.kind);
    let attended = RwSignal::new(kept.attended);
    let scale = RwSignal::new(kept.scale);
    let decisions = RwSignal::new(kept.decisions);
    keep_draft(
        draft,
        move || ReviewDraft {
            date: Some(date.get()),
            kind: kind.get(),
            attended: attended.get(),
            scale: scale.get(),
            decisions: decisions.get(),
        },
        |d| d.attended.is_empty() && d.scale.is_empty() && d.decisions.is_empty(),
    );
    let problem = RwSignal::new(None::<String>);
    let people = open.select(Case::people);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(day) = NaiveDate::parse_from_str(&date.get_untracked(), "%Y-%m-%d") else {
            problem.set(Some("Enter the date of the review.".into()));
            return;
        };
        if day > today() {
            problem.set(Some(
                "Record a review once it has happened: the date is in the future.".into(),
            ));
            return;
        }
        let score = match scale.get_untracked().trim() {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(n) if n <= 10 => Some(n),
                _ => {
                    problem.set(Some(
                        "The scale is a whole number from 0 to 10, or leave it empty.".into(),
                    ));
                    return;
                }
            },
        };
        let kinds = ReviewKind::for_plan(plan_kind.get_untracked());
        let which = match kind.get_untracked() {
            Some(k) if kinds.contains(&k) => k,
            _ if kinds.len() == 1 => kinds[0],
            _ => {
                problem.set(Some("Choose which meeting reviewed the plan.".into()));
                return;
            }
        };
        problem.set(None);
        let who: Vec<PersonRef> = attended
            .get_untracked()
            .into_iter()
            .map(PersonRef::Person)
            .collect();
        let text = decisions.get_untracked();
        edit_plan(open, plan, |p| {
            let progress = p
                .actions
                .iter()
                .map(|a| crate::domain::plans::ActionProgress {
                    action: a.id,
                    status: a.status,
                    note: String::new(),
                })
                .collect();
            p.reviews.push(crate::domain::plans::PlanReview {
                id: Uuid::new_v4(),
                date: day,
                kind: which,
                attended: who,
                progress,
                scale: score,
                decisions: text,
            });
        });
        attended.set(Vec::new());
        kind.set(None);
        scale.set(String::new());
        decisions.set(String::new());
        draft.clear();
    };
    view! {
        <section aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">"Reviews"</h2>
            <Show when=move || !history.get().is_empty() fallback=|| view! { <p>"No review has been recorded yet."</p> }>
                <ol class="review-history">
                    {move || history.get().into_iter().map(|(_, (day, which), who, progress, scale, decided)| view! {
                        <li>
                            <h3>{format!("{} on {}", which.title(), dates::day_month_year(day))}</h3>
                            <p><strong>"Who came: "</strong>{if who.is_empty() { "not recorded".to_string() } else { who }}</p>
                            {scale.map(|s| view! { <p><strong>"Scale: "</strong>{format!("{s} out of 10")}</p> })}
                            <ul>{progress.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                            <p><strong>"Decisions: "</strong>{decided}</p>
                        </li>
                    }).collect_view()}
                </ol>
            </Show>
            <form class="record-review" on:submit=record novalidate>
                <h3>"Record a review"</h3>
                <p class="hint">"Each action's progress is recorded as it stands in the plan now, so set the progress of each action first."</p>
                <Show when=move || { ReviewKind::for_plan(plan_kind.get()).len() > 1 }>
                    <fieldset class="fieldset">
                        <legend>"Which meeting reviewed the plan?"</legend>
                        <p class="hint">"Only a review conference moves the date of the next conference. A core group meeting moves the next core group."</p>
                        {move || ReviewKind::for_plan(plan_kind.get()).iter().map(|&k| {
                            let id = format!("review-kind-{}", k.code());
                            view! {
                                <div class="radio">
                                    <input type="radio" name="review-kind" id=id.clone() prop:checked=move || kind.get() == Some(k)
                                        on:change=move |_| kind.set(Some(k))/>
                                    <label for=id>{k.title()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                </Show>
                <div class="form-group">
                    <label class="label" for="review-date">"Date of the review"</label>
                    <input id="review-date" class="input" type="date" prop:value=date on:input=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <fieldset class="fieldset">
                    <legend>"Who came"</legend>
                    {move || people.get().into_iter().map(|(pid, name, what)| {
                        let box_id = format!("review-came-{pid}");
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=box_id.clone() prop:checked=move || attended.with(|a| a.contains(&pid))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        attended.update(|a| { a.retain(|x| *x != pid); if on { a.push(pid) } });
                                    }/>
                                <label for=box_id>{if what.trim().is_empty() { name } else { format!("{name} ({what})") }}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="form-group">
                    <label class="label" for="review-scale">"Scale, if one was used"</label>
                    <p class="hint" id="review-scale-hint">"0 to 10, where 10 means the children are safe enough to close the case."</p>
                    <input id="review-scale" class="input input-short" type="number" min="0" max="10" aria-describedby="review-scale-hint"
                        prop:value=scale on:input=move |ev| scale.set(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label class="label" for="review-decisions">"Decisions made"</label>
                    <textarea maxlength=MAX_TEXT_CHARS id="review-decisions" class="textarea" rows="3" prop:value=decisions on:input=move |ev| decisions.set(event_target_value(&ev))></textarea>
                </div>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <button type="submit" class="button button-secondary" disabled=open.is_read_only()>"Record the review"</button>
            </form>
        </section>
    }
}
