//! Plans: the list of a case's plans, and the plan editor with its live
//! SMART checker and statutory schedule.
//!
//! The editor is thin: every rule (what is not SMART, when things are due)
//! comes from `domain::plans::smart` and `domain::plans::schedule`, recomputed from the
//! case as the worker types.

mod actions;
mod basics;
pub mod check;
pub mod print;
mod reviews;
mod schedule;
mod worries;

use actions::Actions;
use basics::PlanBasics;
use reviews::Reviews;
use schedule::SchedulePanel;
use worries::WorriesAndOutcomes;

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::language::dates;
use crate::domain::language::text::shorten;
use crate::domain::plans::schedule::next_review;
use crate::domain::plans::smart::{Checker, Finding, PlanReport, Subject};
use crate::domain::plans::{Plan, PlanKind};
use crate::domain::profile::sentence;
use crate::route::{PrintView, Route};
use crate::ui::components::fields::TextArea;
use crate::ui::platform::browser::today;
use crate::ui::platform::pieces::piece;
use crate::ui::state::OpenCase;

/// Changes one plan of the open case.
fn edit_plan(open: OpenCase, plan: Uuid, change: impl FnOnce(&mut Plan)) {
    open.edit_document(|d| &mut d.plans, plan, change);
}

/// Reads part of one plan, reactively. A memo, so that a keystroke
/// elsewhere in the case re-renders nothing that reads this part.
fn read_plan<T: Default + Clone + PartialEq + Send + Sync + 'static>(
    open: OpenCase,
    plan: Uuid,
    part: impl Fn(&Plan) -> T + Send + Sync + 'static,
) -> Signal<T> {
    open.read_document(|d| &d.plans, plan, part)
}

piece! {
    /// The case's plans, from the plans' piece of the app.
    plans: pub fn list_page() { view! { <PlanList/> }.into_any() }
}

piece! {
    /// One plan's editor, from the plans' piece.
    plans: pub fn editor_page(plan: Uuid) { view! { <PlanEditor plan/> }.into_any() }
}

piece! {
    /// A plan's check, from the plans' piece.
    plans: pub fn check_page(plan: Uuid) { view! { <check::PlanCheck plan/> }.into_any() }
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
    let profile = expect_context::<crate::ui::state::AppState>().profile;
    let plan_name = move |kind: PlanKind| profile.with(|p| kind.called(&p.names).to_string());
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
                        <a href=Route::Plan(case_id, plan.0).href()>{move || sentence(&plan_name(plan.1))}</a>
                        <span class="tool-state">{match plan.2 {
                            Some(start) => format!("Started {}", dates::day_month_year(start)),
                            None => "No start date yet".to_string(),
                        }}</span>
                    </li>
                </For>
            </ul>
        </Show>
        <div class="button-group">
            <button type="button" class="button" disabled=open.is_read_only() on:click=move |_| start(PlanKind::ChildInNeed)>{move || format!("Start a {}", plan_name(PlanKind::ChildInNeed))}</button>
            <button type="button" class="button" disabled=open.is_read_only() on:click=move |_| start(PlanKind::ChildProtection)>{move || format!("Start a {}", plan_name(PlanKind::ChildProtection))}</button>
        </div>
    }
}

#[component]
pub fn PlanEditor(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let exists = open.select(move |c| c.plan(plan).is_some());
    let profile = expect_context::<crate::ui::state::AppState>().profile;
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
            <h1 tabindex="-1">{move || profile.with(|p| sentence(kind.get().called(&p.names)))}</h1>
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

/// A worry, outcome or action as a choice in a list.
fn short(text: &str) -> String {
    if text.trim().is_empty() {
        "(not written yet)".to_string()
    } else {
        shorten(text, 70)
    }
}
