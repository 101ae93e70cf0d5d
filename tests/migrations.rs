//! Old data still loads: every fixture under `tests/fixtures/` was written by
//! an earlier schema version, and must read cleanly with today's code.
#![cfg(not(target_arch = "wasm32"))]

use kinplan::domain::persist::export::parse_export;
use kinplan::domain::persist::schema::{read_case, CURRENT_VERSION};
use kinplan::domain::ChildAge;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn a_version_1_stored_case_loads() {
    let stored = read_case(&fixture("stored-case-v1.json")).unwrap();
    assert_eq!(stored.schema_version, CURRENT_VERSION);
    assert_eq!(stored.revision, 7);
    assert_eq!(stored.case.label, "Smith family");
    assert_eq!(stored.case.children.len(), 2);
    assert_eq!(stored.case.children[1].age, ChildAge::ApproximateYears(1));
    assert_eq!(stored.case.network[0].relationship, "Mum");
}

#[test]
fn version_1_maps_get_the_day_they_were_made_as_their_meeting_date() {
    let stored = read_case(&fixture("stored-case-v1.json")).unwrap();
    let map = &stored.case.documents.safety_maps[0];
    assert_eq!(
        map.date,
        chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap()
    );
    assert!(map.entries.is_empty());
}

#[test]
fn a_version_1_export_imports_with_defaults_for_missing_lists() {
    let file = parse_export(fixture("export-v1.json").as_bytes()).unwrap();
    assert_eq!(file.cases.len(), 2);
    assert!(file.cases[1].children.is_empty());
    assert!(file.cases[0].children[0].pronouns.is_empty());
}

#[test]
fn version_3_reviews_keep_the_meeting_they_were_taken_for() {
    use kinplan::domain::plans::ReviewKind;
    let stored = read_case(&fixture("stored-case-v3.json")).unwrap();
    assert_eq!(stored.schema_version, CURRENT_VERSION);
    let kinds: Vec<ReviewKind> = stored
        .case
        .documents
        .plans
        .iter()
        .map(|p| p.reviews[0].kind)
        .collect();
    // Version 3 moved the conference with every review of a child
    // protection plan; Child in Need plans have one kind of review.
    assert_eq!(
        kinds,
        [ReviewKind::ReviewConference, ReviewKind::ChildInNeed]
    );
}

#[test]
fn a_version_4_case_loads_with_no_safety_plan_and_keeps_its_reviews() {
    use kinplan::domain::plans::ReviewKind;
    let stored = read_case(&fixture("stored-case-v4.json")).unwrap();
    assert_eq!(stored.schema_version, CURRENT_VERSION);
    assert_eq!(stored.revision, 12);
    let case = &stored.case;
    assert_eq!(case.label, "Kowalski family");
    assert!(case.documents.safety_plans.is_empty());
    assert_eq!(
        case.documents.plans[0].reviews[0].kind,
        ReviewKind::CoreGroup
    );
    assert!(!case.documents.plans[0].links_safety_plan);
    assert_eq!(case.documents.safety_maps[0].danger_statements.len(), 1);
}

#[test]
fn a_version_5_case_keeps_its_safety_plan_and_has_no_childs_plan_chronology_or_genogram_yet() {
    use kinplan::domain::safety_plan::RuleHeld;
    let stored = read_case(&fixture("stored-case-v5.json")).unwrap();
    assert_eq!(stored.schema_version, CURRENT_VERSION);
    assert_eq!(stored.revision, 15);
    let documents = &stored.case.documents;
    assert!(documents.child_safety_plans.is_empty());
    assert!(documents.chronology.is_empty());
    assert!(documents.genogram.is_empty());
    let plan = &documents.safety_plans[0];
    assert_eq!(
        plan.rules[0].text,
        "When Anna works a night shift, Nan sleeps at the flat."
    );
    assert_eq!(plan.rules[0].tests[0].held, RuleHeld::Held);
    assert_eq!(plan.goal_scores[0].score, Some(6));
    // Nan's number is the one the case has for her.
    assert_eq!(plan.network[0].how_to_reach(&stored.case), "07700 900456");
}

#[test]
fn a_version_6_case_reads_as_it_is_and_prints_in_english() {
    use kinplan::domain::language::print_words::PrintLanguage;
    let stored = read_case(&fixture("stored-case-v6.json")).unwrap();
    assert_eq!(stored.schema_version, CURRENT_VERSION);
    assert_eq!(stored.case.label, "Kowalski family");
    assert_eq!(stored.case.family_prints, PrintLanguage::English);
}
