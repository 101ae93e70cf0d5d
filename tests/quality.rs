//! The plan quality self-check: automatic answers from the case's data,
//! the worker's answers, and the six-point grade.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use kinplan::domain::persist::export::parse_export;
use kinplan::domain::plans::quality::{Answer, Grade, QualityCheck, WorkerAnswer, STATEMENTS};
use kinplan::domain::plans::PlanKind;
use kinplan::domain::profile::PracticeProfile;
use kinplan::domain::Case;

fn sample_family() -> Case {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sample-family.json"
    ))
    .unwrap();
    parse_export(&bytes).unwrap().cases.remove(0)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn answers(check: &QualityCheck) -> Vec<(&'static str, Option<Answer>)> {
    check
        .judgements
        .iter()
        .map(|j| (j.statement.code, j.answer))
        .collect()
}

#[test]
fn the_grade_follows_the_share_of_yes() {
    // (share of yes, grade): all; almost all; most; no more than half; a minority.
    let table = [
        (1.0, Grade::Excellent),
        (0.95, Grade::VeryGood),
        (0.9, Grade::VeryGood),
        (0.8, Grade::Good),
        (0.75, Grade::Good),
        (0.6, Grade::Adequate),
        (0.5, Grade::Weak),
        (0.3, Grade::Weak),
        (0.25, Grade::Unsatisfactory),
        (0.0, Grade::Unsatisfactory),
    ];
    for (share, grade) in table {
        assert_eq!(Grade::from_share(share), grade, "{share}");
    }
}

#[test]
fn the_sample_family_is_answered_from_its_data() {
    let case = sample_family();
    let plan = &case.documents.plans[0];
    let check = QualityCheck::new(&case, plan, &PracticeProfile::england(), today());
    assert_eq!(check.judgements.len(), STATEMENTS.len());
    assert_eq!(
        answers(&check),
        [
            ("child_view", Some(Answer::Yes)),
            ("specific_dangers", Some(Answer::Yes)),
            ("smart_actions", Some(Answer::Yes)),
            ("linked_plan", Some(Answer::Yes)),
            ("contingency", Some(Answer::Yes)),
            ("strengths", Some(Answer::Yes)),
            ("interpreter", Some(Answer::Yes)),
            ("agency_roles", Some(Answer::Yes)),
            ("on_time", Some(Answer::Yes)),
            ("plain_words", Some(Answer::Yes)),
            ("safety_plan_agreed", Some(Answer::No)),
            ("absent_parent_view", None),
            ("shared_in_time", None),
        ]
    );
    assert_eq!(check.unanswered(), 2);
    // By hand: 10 of the 11 answered are yes (no safety plan yet): 91%.
    assert_eq!(check.grade(), Grade::VeryGood, "10 of 11 answered are yes");
    // 8.8 by `make bench` (examples/reading_age.rs), which prints each
    // section's figures.
    let basis = &check.judgements[9].basis;
    assert_eq!(basis, "The family's copy reads at about age 9.");
    assert_eq!(check.judgements[10].basis, "There is no safety plan yet.");
    assert_eq!(check.areas_for_development().count(), 1);
}

#[test]
fn the_worker_answers_what_the_data_cannot_settle() {
    let case = sample_family();
    let mut plan = case.documents.plans[0].clone();
    plan.quality = vec![
        WorkerAnswer {
            code: "absent_parent_view".into(),
            answer: Answer::No,
        },
        WorkerAnswer {
            code: "shared_in_time".into(),
            answer: Answer::Yes,
        },
    ];
    let check = QualityCheck::new(&case, &plan, &PracticeProfile::england(), today());
    assert_eq!(check.unanswered(), 0);
    assert_eq!(check.judgements[11].answer, Some(Answer::No));
    assert_eq!(check.judgements[11].basis, "Answered by the worker.");
    assert_eq!(check.grade(), Grade::Good, "11 of 13 are yes: 85%");
}

#[test]
fn a_poor_plan_says_why() {
    let mut case = sample_family();
    case.workers[1].agency.clear();
    case.children[0].needs_interpreter = true;
    let plan = &mut case.documents.plans[0];
    plan.child_views = "Too young to give a view.".into();
    plan.contingency.clear();
    plan.actions.retain(|a| !a.what.contains("interpreter"));
    plan.actions[0].what = "Mum to engage with services".into();
    plan.actions[0].by_when = "ongoing".into();
    let plan = plan.clone();
    assert_eq!(plan.kind, PlanKind::ChildProtection);
    let check = QualityCheck::new(&case, &plan, &PracticeProfile::england(), today());
    let no: Vec<_> = check
        .areas_for_development()
        .map(|j| (j.statement.code, j.basis.as_str()))
        .collect();
    assert_eq!(
        no[0],
        (
            "child_view",
            "The children's views are missing, or say only that they are too young."
        )
    );
    assert_eq!(
        no[1],
        (
            "smart_actions",
            "The SMART checker found 1 of 3 actions not SMART."
        )
    );
    assert_eq!(no[2].0, "contingency");
    assert_eq!(no[3], ("interpreter", "The family needs another language or an interpreter, and the plan has no action for it."));
    assert_eq!(no[4], ("agency_roles", "No role or agency for: Mr Hughes."));
    assert_eq!(check.grade(), Grade::Weak);
}

#[test]
fn the_childs_own_words_in_the_three_houses_count_as_their_view() {
    use chrono::{TimeZone, Utc};
    use kinplan::domain::child_voice::{for_child, ChildEntry, Writer};

    let mut case = sample_family();
    let plan_id = case.documents.plans[0].id;
    case.documents.plans[0].child_views = "Too young to give a view.".into();
    let child_view = |case: &Case| {
        let plan = case.plan(plan_id).unwrap();
        let check = QualityCheck::new(case, plan, &PracticeProfile::england(), today());
        let j = check
            .judgements
            .iter()
            .find(|j| j.statement.code == "child_view")
            .unwrap();
        (j.answer, j.basis.clone())
    };
    assert_eq!(child_view(&case).0, Some(Answer::No));

    // A blank entry is not a view; words the child gave are.
    let now = Utc.with_ymd_and_hms(2026, 11, 19, 10, 0, 0).unwrap();
    let ola = case.children[0].id;
    let houses = for_child(&mut case.documents.three_houses, ola, now);
    houses
        .worries
        .entries
        .push(ChildEntry::new(Writer::Child, now));
    assert_eq!(child_view(&case).0, Some(Answer::No));
    let mut said = ChildEntry::new(Writer::Worker, now);
    said.text = "when Mum goes to work at night".into();
    for_child(&mut case.documents.three_houses, ola, now)
        .worries
        .entries
        .push(said);
    let (answer, basis) = child_view(&case);
    assert_eq!(answer, Some(Answer::Yes));
    assert!(
        basis.contains("hold 1 thing in the children's own words"),
        "{basis}"
    );
}
