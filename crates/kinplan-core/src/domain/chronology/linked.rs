//! The entries Kinplan's other tools already know: map versions, plan
//! starts, reviews, visits, core groups and network meetings. Read from
//! those documents each time, never copied, so a change there shows here.

use crate::domain::case::Case;
use crate::domain::choice::Choice;
use crate::domain::plans::{EventKind, PlanKind, ReviewKind};
use crate::domain::profile::{sentence, PracticeNames};

use super::{Entry, Link};

/// What Kinplan's tools already know, as chronology entries, with meetings
/// and plans called what the practice profile calls them.
pub(super) fn known(case: &Case, names: &PracticeNames) -> Vec<Entry> {
    let mut out = Vec::new();
    let docs = &case.documents;
    for (i, map) in docs.safety_maps.iter().enumerate() {
        let what = if i == 0 {
            "Signs of Safety map made with the family"
        } else {
            "Signs of Safety map reviewed"
        };
        out.push(Entry::linked(
            Link::Map(map.id),
            map.date,
            what.into(),
            "Assessment",
            Vec::new(),
        ));
    }
    for plan in &docs.plans {
        let name = sentence(plan.kind.called(names));
        if let Some(start) = plan.start {
            let what = match plan.kind {
                PlanKind::ChildProtection => {
                    format!("{name} started at the {}", names.initial_conference)
                }
                PlanKind::ChildInNeed => format!("{name} started"),
            };
            out.push(Entry::linked(
                Link::Plan(plan.id),
                start,
                what,
                "Plan start and end",
                plan.children.clone(),
            ));
        }
        for review in &plan.reviews {
            let (mut what, category) = match review.kind {
                ReviewKind::ReviewConference => (sentence(&names.review_conference), "Conference"),
                ReviewKind::CoreGroup => (
                    format!("{} reviewed the plan", sentence(&names.core_group)),
                    "Core group",
                ),
                ReviewKind::ChildInNeed => (sentence(&names.child_in_need_review), "Conference"),
            };
            if !review.decisions.trim().is_empty() {
                what = format!("{what}: {}", review.decisions.trim());
            }
            out.push(Entry::linked(
                Link::Review(plan.id, review.id),
                review.date,
                what,
                category,
                plan.children.clone(),
            ));
        }
        for (i, event) in plan.events.iter().enumerate() {
            let category = match event.kind {
                EventKind::Visit => "Visit",
                EventKind::CoreGroup => "Core group",
                EventKind::AssessmentUpdate => "Assessment",
            };
            out.push(Entry::linked(
                Link::PlanEvent(plan.id, i),
                event.date,
                event.kind.title().to_string(),
                category,
                plan.children.clone(),
            ));
        }
    }
    for version in &docs.safety_plans {
        let mut what = "Network meeting: safety plan agreed".to_string();
        if !version.meeting.agreed.trim().is_empty() {
            what = format!("{what}. {}", version.meeting.agreed.trim());
        }
        out.push(Entry::linked(
            Link::SafetyPlan(version.id),
            version.date,
            what,
            "Network meeting",
            Vec::new(),
        ));
    }
    out
}
