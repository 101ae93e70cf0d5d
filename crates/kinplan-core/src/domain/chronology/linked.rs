//! The entries Kinplan's other tools already know: map versions, plan
//! starts, reviews, visits, core groups and network meetings. Read from
//! those documents each time, never copied, so a change there shows here.

use crate::domain::case::Case;
use crate::domain::choice::Choice;
use crate::domain::plans::{EventKind, PlanKind, ReviewKind};

use super::{Entry, Link};

fn plan_name(kind: PlanKind) -> &'static str {
    match kind {
        PlanKind::ChildProtection => "Child protection plan",
        PlanKind::ChildInNeed => "Child in need plan",
    }
}

/// What Kinplan's tools already know, as chronology entries.
pub(super) fn known(case: &Case) -> Vec<Entry> {
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
        let name = plan_name(plan.kind);
        if let Some(start) = plan.start {
            let what = match plan.kind {
                PlanKind::ChildProtection => format!("{name} started at the initial conference"),
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
            let (what, category) = match review.kind {
                ReviewKind::ReviewConference => ("Review conference", "Conference"),
                ReviewKind::CoreGroup => ("Core group reviewed the plan", "Core group"),
                ReviewKind::ChildInNeed => ("Child in need review", "Conference"),
            };
            let mut what = what.to_string();
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
