//! The safety plan as the family and their network read it: each worry with
//! its rules, who keeps and checks them, what the children do, the network
//! with how to reach each person, and the map's bottom lines. The same
//! sheet shows an earlier version on screen, and prints on A4.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::safety_plan::sheet::{FamilySheet, NetworkLine};
use crate::ui::app::AppState;
use crate::ui::cases::session::OpenCase;
use crate::ui::components::before_print::BeforePrint;
use crate::ui::platform::browser::today;

/// One version of the plan, read-only.
#[component]
pub(super) fn SafetyPlanSheet(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let content = open.select(move |c| {
        c.documents
            .safety_plans
            .iter()
            .find(|p| p.id == plan)
            .map(|p| FamilySheet::new(p, c, today()))
    });
    move || content.get().map(|s| view! { <SheetBody sheet=s/> })
}

/// Its headings sit under the page's h1, on screen and on paper.
#[component]
fn SheetBody(sheet: FamilySheet) -> impl IntoView {
    let FamilySheet {
        date,
        worries,
        network,
        bottom_lines,
        attended,
        agreed,
        rule_changes,
    } = sheet;
    view! {
        <div class="safety-plan-sheet">
            <h2>"Our rules"</h2>
            {worries.into_iter().map(|w| view! {
                <section class="sheet-worry">
                    <p class="sheet-worry-text"><strong>{if w.worry.is_some() { "The worry: " } else { "Other rules" }}</strong>{w.worry.clone()}</p>
                    {if w.rules.is_empty() {
                        view! { <p class="hint">"No rule yet."</p> }.into_any()
                    } else {
                        view! {
                            <ol class="sheet-rules">
                                {w.rules.into_iter().map(|r| view! {
                                    <li>
                                        <p class="sheet-rule">{r.text}</p>
                                        <dl class="sheet-rule-parts">
                                            {r.parts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                                        </dl>
                                        {(!r.tests.is_empty()).then(|| view! {
                                            <p class="sheet-tests-title">"When it was tested:"</p>
                                            <ul class="sheet-tests">{r.tests.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                                        })}
                                    </li>
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                </section>
            }).collect_view()}
            <h2>"Our safety network"</h2>
            {if network.is_empty() {
                view! { <p>"No one in the network yet."</p> }.into_any()
            } else {
                view! {
                    <table class="table sheet-network">
                        <thead><tr><th scope="col">"Who"</th><th scope="col">"What they do"</th><th scope="col">"How to reach them"</th><th scope="col">"Knows the worries and agreed to help"</th></tr></thead>
                        <tbody>
                            {network.into_iter().map(|NetworkLine { who, part, how_to_reach, agreed }| view! {
                                <tr><th scope="row">{who}</th><td>{part}</td><td>{how_to_reach}</td><td>{if agreed { "Yes" } else { "Not yet" }}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {(!bottom_lines.is_empty()).then(|| view! {
                <h2>"Bottom lines"</h2>
                <p class="hint">"What must happen, whatever else changes. From the map."</p>
                <ul>{bottom_lines.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
            })}
            <h2>{format!("Network meeting of {date}")}</h2>
            <p><strong>"Who came: "</strong>{if attended.is_empty() { "Not recorded.".to_string() } else { attended.join(", ") }}</p>
            {(!agreed.is_empty()).then(|| view! { <p><strong>"What was agreed: "</strong>{agreed}</p> })}
            {(!rule_changes.is_empty()).then(|| view! { <p><strong>"What changed in the rules: "</strong>{rule_changes}</p> })}
        </div>
    }
}

/// The map's bottom lines, read-only, beside the plan being edited.
#[component]
pub(super) fn BottomLines() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let lines = open.select(|c| {
        c.current_map()
            .map(|m| {
                m.bottom_lines
                    .iter()
                    .map(|b| b.text.clone())
                    .filter(|t| !t.trim().is_empty())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="bottom-lines-readonly" aria-labelledby="plan-bottom-lines-heading">
            <h2 id="plan-bottom-lines-heading">"Bottom lines"</h2>
            <p class="hint">"From the map. They are changed on the map, not here."</p>
            <Show when=move || !lines.with(Vec::is_empty) fallback=|| view! { <p>"The map has no bottom lines yet."</p> }>
                <ul>{move || lines.get().into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
            </Show>
        </section>
    }
}

/// The current safety plan on A4, for the family and their network, after
/// the plain-English checker (on screen only).
#[component]
pub fn SafetyPlanPrint() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    let content = open.select(move |c| {
        c.current_safety_plan().map(|p| {
            let sheet = FamilySheet::new(p, c, today());
            let checks = profile.with(|pr| sheet.check(c, &pr.jargon));
            (sheet.readability(c), checks, sheet, c.label.clone())
        })
    });
    move || {
        match content.get() {
        Some((overall, checks, sheet, label)) => view! {
            <BeforePrint document="safety plan" overall checks/>
            <article class="print-doc print-safety-plan">
                <h1 tabindex="-1">{format!("Our safety plan: {label}")}</h1>
                <p class="print-sub">{format!("Agreed at the network meeting of {}. Keep it where everyone in the network can see it.", sheet.date)}</p>
                <SheetBody sheet/>
            </article>
        }
        .into_any(),
        None => view! {
            <h1 tabindex="-1">"No safety plan yet"</h1>
            <p>"Start the family's safety plan first; then it can be printed."</p>
        }
        .into_any(),
    }
    }
}
