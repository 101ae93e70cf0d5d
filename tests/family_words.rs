//! What the family reads must be true: a danger statement about one child
//! of two names that child, and only that child, on the map, in the
//! plan's copy and in the family's printed plan; a baby's age is in months.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, TimeZone, Utc};
use kinplan::domain::plans::family_plan::FamilyPlan;
use kinplan::domain::plans::{Plan, PlanKind};
use kinplan::domain::profile::PracticeProfile;
use kinplan::domain::safety_map::{DangerStatement, SafetyMap};
use kinplan::domain::{Case, Child, ChildAge};
use uuid::Uuid;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

fn child(name: &str, born: NaiveDate) -> Child {
    Child {
        id: Uuid::new_v4(),
        first_name: name.into(),
        age: ChildAge::DateOfBirth(born),
        pronouns: String::new(),
        first_language: "English".into(),
        needs_interpreter: false,
        communication_needs: String::new(),
    }
}

#[test]
fn a_statement_about_one_child_names_only_that_child_everywhere() {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
    let mut case = Case::new("Nowak family", now);
    // Ola: 3 May 2019, so 7 on 3 Dec 2026. Leo: 20 June 2026, so 5 whole
    // months on 3 Dec (20 Nov is 5 months; 20 Dec is not yet).
    let ola = child("Ola", NaiveDate::from_ymd_opt(2019, 5, 3).unwrap());
    let leo = child("Leo", NaiveDate::from_ymd_opt(2026, 6, 20).unwrap());
    let leo_id = leo.id;
    case.children = vec![ola, leo];
    let mut map = SafetyMap::new(today(), now);
    map.danger_statements.push(DangerStatement {
        id: Uuid::new_v4(),
        who_is_worried: "Social workers".into(),
        behaviour: "shakes him when he cries".into(),
        by_whom: "Dad".into(),
        impact: "be badly hurt".into(),
        children: vec![leo_id],
        sentence: String::new(),
    });
    case.documents.safety_maps.push(map.clone());

    let want = "Social workers are worried that Dad shakes him when he cries again. If that happens, Leo (5 months) could be badly hurt.";
    assert_eq!(
        case.danger_sentence(&map.danger_statements[0], today()),
        want
    );

    let mut plan = Plan::new(PlanKind::ChildProtection, now);
    plan.children = case.children.iter().map(|c| c.id).collect();
    plan.copy_from_map(&map, |d| case.danger_sentence(d, today()));
    assert_eq!(plan.worries[0].text, want);

    let family = FamilyPlan::new(&case, &plan, &PracticeProfile::england(), today());
    let printed: String = family
        .sections()
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(printed.contains(want), "{printed}");
    assert!(!printed.contains("Ola (7) and Leo"), "{printed}");

    // A statement for no child in particular names them all.
    let mut everyone = map.danger_statements[0].clone();
    everyone.children.clear();
    assert!(case
        .danger_sentence(&everyone, today())
        .contains("Ola (7) and Leo (5 months) could"));
}

#[test]
fn a_babys_age_is_given_in_months() {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
    let mut case = Case::new("Okafor family", now);
    for (name, born) in [
        ("Ada", (2026, 11, 20)),
        ("Ben", (2026, 11, 3)),
        ("Cal", (2025, 12, 4)),
    ] {
        case.children.push(child(
            name,
            NaiveDate::from_ymd_opt(born.0, born.1, born.2).unwrap(),
        ));
    }
    // Ada: 13 days old. Ben: a month to the day. Cal: a day short of 1 year.
    assert_eq!(
        case.child_names(&[], today()),
        ["Ada (under a month)", "Ben (1 month)", "Cal (11 months)"]
    );
}

#[test]
fn the_report_line_names_its_meeting_so_it_reads_on_its_own() {
    let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let case = Case::new("Smith family", now);
    let mut plan = Plan::new(PlanKind::ChildProtection, now);
    plan.start = NaiveDate::from_ymd_opt(2026, 11, 2);
    let family = FamilyPlan::new(&case, &plan, &PracticeProfile::england(), today());
    // The review conference is due within 3 months of 2 Nov 2026:
    // Tuesday 2 Feb 2027; its report 5 working days before, 26 Jan.
    assert!(
        family.dates.contains(&(
            "You get the report for the review meeting on 2 Feb 2027".to_string(),
            NaiveDate::from_ymd_opt(2027, 1, 26).unwrap()
        )),
        "{:?}",
        family.dates
    );
}

#[test]
fn counts_read_as_people_say_them() {
    use kinplan::domain::language::text::every_one_of;
    let said: Vec<String> = [1, 2, 3, 11].into_iter().map(every_one_of).collect();
    assert_eq!(said, ["The", "Both", "All three", "All 11"]);
}

#[test]
fn a_baby_is_not_asked_to_scale() {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
    let mut case = Case::new("Nowak family", now);
    case.children = vec![
        child("Ola", NaiveDate::from_ymd_opt(2019, 5, 3).unwrap()),
        child("Leo", NaiveDate::from_ymd_opt(2026, 6, 20).unwrap()),
        child("Kuba", NaiveDate::from_ymd_opt(2022, 12, 4).unwrap()),
    ];
    // Ola is 7; Leo 5 months; Kuba turns 4 tomorrow, so is 3 today.
    let asked: Vec<String> = case
        .who_can_scale(today())
        .into_iter()
        .map(|(_, name, _)| name)
        .collect();
    assert_eq!(asked, ["Ola"]);
}
