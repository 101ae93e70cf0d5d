//! The family's safety plan: rules in their own words answering the map's
//! danger statements, the safety network that checks them, and a version
//! for each network meeting, with the goals scaled at each.
//!
//! The rules (starting from the map, versions, the network check) live in
//! `domain::safety_plan`; these components show and edit them. An earlier
//! version is shown as the family would read it, not as a form.

mod meeting;
mod network;
pub mod print;
mod rules;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::safety_plan::{goal_trajectories, NetworkRole, SafetyPlan, SafetyRule};
use crate::route::{PrintView, Route};
use crate::ui::components::score_chart::{ScoreChart, ScoreLines};
use crate::ui::components::versions::{shown_version, DatedStart, Versions};
use crate::ui::platform::browser::focus_later;
use crate::ui::platform::pieces::piece;
use crate::ui::state::OpenCase;
use crate::ui::tools::child_voice::my_safety_plan::ChildrensSafetyPlans;

use meeting::Meeting;
use network::Network;
use print::{BottomLines, SafetyPlanSheet};
use rules::Rules;

/// Changes one version of the safety plan.
fn edit_plan(open: OpenCase, plan: Uuid, change: impl FnOnce(&mut SafetyPlan)) {
    open.edit_document(|d| &mut d.safety_plans, plan, change);
}

/// Reads part of one version of the safety plan, as a memo.
fn read_plan<T: Default + Clone + PartialEq + Send + Sync + 'static>(
    open: OpenCase,
    plan: Uuid,
    part: impl Fn(&SafetyPlan) -> T + Send + Sync + 'static,
) -> Signal<T> {
    open.read_document(|d| &d.safety_plans, plan, part)
}

/// A row of one of a version's lists: a rule, or a person in the network.
trait Row: Sized + 'static {
    fn id(&self) -> Uuid;
    fn rows(plan: &SafetyPlan) -> &[Self];
    fn rows_mut(plan: &mut SafetyPlan) -> &mut Vec<Self>;
}

impl Row for SafetyRule {
    fn id(&self) -> Uuid {
        self.id
    }

    fn rows(plan: &SafetyPlan) -> &[Self] {
        &plan.rules
    }

    fn rows_mut(plan: &mut SafetyPlan) -> &mut Vec<Self> {
        &mut plan.rules
    }
}

impl Row for NetworkRole {
    fn id(&self) -> Uuid {
        self.id
    }

    fn rows(plan: &SafetyPlan) -> &[Self] {
        &plan.network
    }

    fn rows_mut(plan: &mut SafetyPlan) -> &mut Vec<Self> {
        &mut plan.network
    }
}

/// Part of one row of a version, as a memo: the default once it is gone.
fn read_row<R: Row, T: Default + Clone + PartialEq + Send + Sync + 'static>(
    open: OpenCase,
    plan: Uuid,
    row: Uuid,
    part: impl Fn(&R) -> T + Send + Sync + 'static,
) -> Signal<T> {
    read_plan(open, plan, move |p| {
        R::rows(p)
            .iter()
            .find(|r| r.id() == row)
            .map(&part)
            .unwrap_or_default()
    })
}

/// Changes one row of a version, if it is still there.
fn edit_row<R: Row>(open: OpenCase, plan: Uuid, row: Uuid, change: impl FnOnce(&mut R)) {
    edit_plan(open, plan, |p| {
        if let Some(r) = R::rows_mut(p).iter_mut().find(|r| r.id() == row) {
            change(r);
        }
    });
}

piece! {
    /// The safety plan, from its piece of the app.
    safety_plan: pub fn page() { view! { <SafetyPlanPage/> }.into_any() }
}

#[component]
pub fn SafetyPlanPage() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let versions = open.select(|c| {
        c.documents
            .safety_plans
            .iter()
            .map(|p| (p.id, p.date))
            .collect::<Vec<_>>()
    });
    let chosen = RwSignal::new(None::<Uuid>);
    let shown = shown_version(versions, chosen);
    let next_meeting = Callback::new(move |day: NaiveDate| {
        open.edit(|c| {
            if let Some(latest) = c.current_safety_plan() {
                let next = latest.next_meeting(c.current_map(), day, Utc::now());
                c.documents.safety_plans.push(next);
            }
        });
    });
    view! {
        <div class="safety-plan-page">
            <h1 tabindex="-1">"Safety plan"</h1>
            <p class="lead">"The rules the family and their network agree, in their own words, so that the children are safe every day. Each rule answers a worry on the map."</p>
            <Show when=move || shown.get().is_some()>
                <div class="button-group">
                    <a class="button button-secondary" href=Route::Print(case_id, PrintView::SafetyPlan).href()>"Print the safety plan"</a>
                </div>
            </Show>
            {move || match shown.get() {
                None => view! { <StartSafetyPlan/> }.into_any(),
                Some(shown) => view! {
                    <Versions id="safety-plan" document="safety plan" date_label="Date of the network meeting"
                        date_id="next-meeting-date" no_date="Enter the date of the meeting."
                        start_label="Record a network meeting" shown chosen versions
                        on_start=next_meeting/>
                    {if shown.editable {
                        view! {
                            <Rules plan=shown.id/>
                            <Network plan=shown.id/>
                            <BottomLines/>
                            <Meeting plan=shown.id/>
                        }.into_any()
                    } else {
                        view! { <SafetyPlanSheet plan=shown.id/> }.into_any()
                    }}
                    <GoalsOverTime/>
                }.into_any(),
            }}
            <ChildrensSafetyPlans/>
        </div>
    }
}

/// The first safety plan, from the map, dated the day of the first network
/// meeting.
#[component]
fn StartSafetyPlan() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let dangers = open.select(|c| c.current_map().map_or(0, |m| m.danger_statements.len()));
    let start = Callback::new(move |day| {
        open.edit(|c| {
            let plan = SafetyPlan::from_map(c.current_map(), day, Utc::now());
            c.documents.safety_plans.push(plan);
        });
        // The button that had focus is gone: the first rule takes it.
        focus_later("rules-heading".into());
    });
    view! {
        <p>"There is no safety plan for this family yet."</p>
        <p>{move || match dangers.get() {
            0 => "The map has no danger statements yet. You can start the plan now and link its rules to the worries later.".to_string(),
            1 => "It will start with a rule to write for the map's danger statement.".to_string(),
            n => format!("It will start with a rule to write for each of the map's {n} danger statements."),
        }}</p>
        <DatedStart date_id="safety-plan-date" date_label="Date of the network meeting" no_date="Enter the date of the meeting."
            button="Start the safety plan" on_start=start/>
    }
}

/// The network's scores for each safety goal, meeting by meeting.
#[component]
fn GoalsOverTime() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let data = open.select(|c| {
        let versions = &c.documents.safety_plans;
        let goal_text = |id: &Uuid| {
            c.documents
                .safety_maps
                .iter()
                .rev()
                .flat_map(|m| &m.safety_goals)
                .find(|g| g.id == *id)
                .map(|g| crate::domain::language::text::shorten(&g.text(), 40))
                .unwrap_or_else(|| "A goal no longer on the map".into())
        };
        ScoreLines::new(
            versions.iter().map(|p| p.date).collect(),
            goal_trajectories(versions),
            goal_text,
        )
    });
    view! {
        <section class="map-wide" aria-labelledby="goals-over-time-heading">
            <h2 id="goals-over-time-heading">"Safety goals over time"</h2>
            <ScoreChart id="goals-over-time" data empty="No goal has been scored at a network meeting yet."
                caption="How safe the network judged the children against each safety goal, 0 to 10, at each network meeting. The table gives the same figures."
                table_caption="Safety goal scores at each network meeting" who="Safety goal"/>
        </section>
    }
}
