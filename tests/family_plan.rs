//! The family's printed plan: what it says, in which order, and what the
//! plain-English checker makes of it.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, TimeZone, Utc};
use kinplan::domain::person_ref::PersonRef;
use kinplan::domain::plans::family_plan::{has_language_action, language_action, FamilyPlan};
use kinplan::domain::plans::{Action, Outcome, Plan, PlanKind, Worry};
use kinplan::domain::profile::PracticeProfile;
use kinplan::domain::safety_map::{MapEntry, MapSection, SafetyMap};
use kinplan::domain::{Case, Child, ChildAge, Worker};
use uuid::Uuid;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn kowalski_family() -> (Case, Plan) {
    let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let mut case = Case::new("Kowalski family", now);
    case.children.push(Child {
        id: Uuid::new_v4(),
        first_name: "Ola".into(),
        age: ChildAge::ApproximateYears(7),
        first_language: "Polish".into(),
        needs_interpreter: true,
        ..Child::default()
    });
    case.workers.push(Worker {
        id: Uuid::new_v4(),
        name: "Priya Shah".into(),
        role: "Social worker".into(),
        agency: "Anytown Children's Services".into(),
        contact: "01234 567890".into(),
    });
    let mut map = SafetyMap::new(date(2026, 11, 2), now);
    for (section, text) in [
        (
            MapSection::ExistingStrengths,
            "Mama reads to Ola every night",
        ),
        (
            MapSection::Harm,
            "Ola was left alone overnight on 30 October",
        ),
        (MapSection::ExistingSafety, "Babcia has Ola on Fridays"),
    ] {
        map.entries.push(MapEntry {
            id: Uuid::new_v4(),
            section,
            text: text.into(),
            said_by: PersonRef::default(),
            date: date(2026, 11, 2),
            children: Vec::new(),
        });
    }
    case.documents.safety_maps.push(map);
    let mut plan = Plan::new(PlanKind::ChildProtection, now);
    plan.start = Some(date(2026, 11, 2));
    plan.children = vec![case.children[0].id];
    plan.worries.push(Worry {
        id: Uuid::new_v4(),
        text: "We are worried that Ola could be hurt if she is left alone at night.".into(),
        danger_statement: None,
    });
    plan.outcomes.push(Outcome {
        id: Uuid::new_v4(),
        text: "An adult is with Ola every night.".into(),
        worry: None,
        safety_goal: None,
    });
    plan.actions.push(Action {
        id: Uuid::new_v4(),
        what: "Mum to engage with the core group".into(),
        who: PersonRef::Named("Anna Kowalski".into()),
        by_when: "18/12/2026".into(),
        how_we_will_know: "Anna comes to every meeting".into(),
        ..Action::default()
    });
    plan.contingency = "If Ola is left alone again, we will hold a meeting the same week.".into();
    (case, plan)
}

#[test]
fn the_family_plan_reads_in_order_with_names_and_dates() {
    let (case, plan) = kowalski_family();
    let family = FamilyPlan::new(
        &case,
        &plan,
        &PracticeProfile::england(),
        date(2026, 11, 20),
    );
    assert_eq!(family.title, "Plan for Ola (7)");
    assert_eq!(
        family.language.as_deref(),
        Some("This family speaks Polish. This plan should also be given to them in that language. An interpreter is needed at every meeting and visit.")
    );
    assert_eq!(
        family.working_well,
        ["Mama reads to Ola every night", "Babcia has Ola on Fridays"]
    );
    assert_eq!(family.actions[0].who, "Anna Kowalski");
    assert_eq!(family.actions[0].by_when, "18 Dec 2026");
    assert_eq!(
        family.contacts[0].role,
        "Social worker, Anytown Children's Services"
    );
    // Only dates still to come, in the family's words.
    assert!(
        family.dates.iter().all(|(_, d)| *d >= date(2026, 11, 20)),
        "{:?}",
        family.dates
    );
    assert!(
        family.dates.iter().any(|(what, d)| what
            == "The meeting to look again at the child protection plan"
            && *d == date(2027, 2, 2)),
        "{:?}",
        family.dates
    );
    assert!(
        !family
            .dates
            .iter()
            .any(|(what, _)| what.contains("first meeting")),
        "the first core group on 16 Nov has passed"
    );
    let sections: Vec<_> = family.sections().into_iter().map(|(s, _)| s).collect();
    assert_eq!(
        sections,
        [
            "What we are worried about",
            "What is working well",
            "What needs to happen",
            "Who does what, by when",
            "If the plan is not followed"
        ]
    );
}

#[test]
fn the_checker_reads_the_family_plan_section_by_section() {
    let (case, mut plan) = kowalski_family();
    let profile = PracticeProfile::england();
    let checks = FamilyPlan::new(&case, &plan, &profile, date(2026, 11, 20)).check(&profile);
    let actions = checks
        .iter()
        .find(|c| c.section == "Who does what, by when")
        .unwrap();
    let found: Vec<_> = actions.jargon.iter().map(|j| j.found.as_str()).collect();
    assert_eq!(found, ["engage", "core group"]);
    assert!(
        checks.iter().all(|c| c.readability.reading_age() < 12.0),
        "{checks:?}"
    );

    assert!(!has_language_action(&plan));
    assert_eq!(
        language_action(&case, &plan.children),
        "Book a Polish interpreter for every meeting and visit, and have this plan translated into Polish"
    );
    plan.actions.push(Action {
        what: language_action(&case, &plan.children),
        ..Action::default()
    });
    assert!(has_language_action(&plan));
}

#[test]
fn a_plan_linked_to_the_safety_plan_says_where_it_is() {
    use kinplan::domain::safety_plan::SafetyPlan;
    let (mut case, mut plan) = kowalski_family();
    let profile = PracticeProfile::england();
    let today = date(2026, 12, 3);
    // Linked, but there is no safety plan yet: nothing to point to.
    plan.links_safety_plan = true;
    assert_eq!(
        FamilyPlan::new(&case, &plan, &profile, today).safety_plan,
        None
    );
    let agreed = SafetyPlan::from_map(case.current_map(), date(2026, 11, 20), Utc::now());
    case.documents.safety_plans.push(agreed);
    let family = FamilyPlan::new(&case, &plan, &profile, today);
    let note = family.safety_plan.clone().unwrap();
    assert_eq!(
        note,
        "Your safety plan is part of this plan. It has the rules you agreed with your network on 20 Nov 2026. Keep the two together."
    );
    // The family reads it, so the checker reads it too.
    let needs = family
        .sections()
        .into_iter()
        .find(|(s, _)| *s == "What needs to happen")
        .unwrap();
    assert!(needs.1.ends_with(&note), "{}", needs.1);
    // Not linked: the plan says nothing of it.
    plan.links_safety_plan = false;
    assert_eq!(
        FamilyPlan::new(&case, &plan, &profile, today).safety_plan,
        None
    );
}
