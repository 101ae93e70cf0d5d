//! Times the SMART checker alone on a plan of 200 actions, on the host.
//!
//! `cargo run --release --example checker_timing` prints the median and
//! the 95th percentile of 200 runs of `check_plan`.

use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use kinplan::domain::person_ref::PersonRef;
use kinplan::domain::plans::smart::check_plan;
use kinplan::domain::plans::{Action, Outcome, Plan, PlanKind, Worry};
use kinplan::domain::{Case, NetworkMember};
use uuid::Uuid;

const ACTIONS: [(&str, &str, &str); 4] = [
    (
        "Take Amy to school by 8:50am every school day",
        "18/12/2026",
        "The school register shows Amy in class by 9am on 95% of days",
    ),
    ("Mum to engage with services", "ongoing", ""),
    (
        "Keep the house clean and take Leo to nursery and attend the GP",
        "asap",
        "Priya sees it",
    ),
    (
        "Go to the Change programme group every Tuesday evening",
        "26/01/2027",
        "The group leader's attendance record shows 10 of 12 sessions",
    ),
];

fn main() {
    let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let mut case = Case::new("Timing family", now);
    case.network.push(NetworkMember {
        id: Uuid::new_v4(),
        name: "Jenny Smith".into(),
        relationship: "Mum".into(),
        contact: String::new(),
    });
    let mut plan = Plan::new(PlanKind::ChildProtection, now);
    plan.start = NaiveDate::from_ymd_opt(2026, 11, 2);
    let worry = Worry {
        id: Uuid::new_v4(),
        text: "Amy is left alone".into(),
        danger_statement: None,
    };
    let outcome = Outcome {
        id: Uuid::new_v4(),
        text: "An adult is with Amy".into(),
        worry: Some(worry.id),
        safety_goal: None,
    };
    for k in 0..200 {
        let (what, when, how) = ACTIONS[k % ACTIONS.len()];
        plan.actions.push(Action {
            id: Uuid::new_v4(),
            what: what.into(),
            who: if k % 3 == 0 {
                PersonRef::Named("professionals".into())
            } else {
                PersonRef::Person(case.network[0].id)
            },
            by_when: when.into(),
            how_we_will_know: how.into(),
            outcome: Some(outcome.id),
            ..Action::default()
        });
    }
    plan.worries.push(worry);
    plan.outcomes.push(outcome);
    let review = NaiveDate::from_ymd_opt(2027, 2, 2);

    let mut times: Vec<f64> = (0..200)
        .map(|_| {
            let start = Instant::now();
            let report = check_plan(&plan, &case, review);
            std::hint::black_box(report);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let findings = check_plan(&plan, &case, review).count();
    println!("SMART checker alone, host, plan of 200 actions ({findings} findings), 200 runs:");
    println!(
        "  median {:.3} ms, p95 {:.3} ms",
        times[times.len() / 2],
        times[times.len() * 95 / 100]
    );
}
