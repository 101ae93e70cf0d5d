use chrono::TimeZone;

use super::*;
use crate::domain::case::{NetworkMember, Worker};
use crate::domain::profile::DEFAULT_MIN_NETWORK;
use crate::domain::safety_map::DangerStatement;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap()
}

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

/// A map with two danger statements, each with its goal.
fn map() -> SafetyMap {
    let mut map = SafetyMap::new(day(11, 20), now());
    for behaviour in ["drinks and shouts", "leaves the children alone at night"] {
        let danger = DangerStatement {
            id: Uuid::new_v4(),
            behaviour: behaviour.into(),
            ..DangerStatement::default()
        };
        let id = danger.id;
        map.danger_statements.push(danger);
        map.add_safety_goal(id).unwrap();
    }
    map
}

fn member(case: &mut Case, name: &str, relationship: &str) -> PersonRef {
    let id = Uuid::new_v4();
    case.network.push(NetworkMember {
        id,
        name: name.into(),
        relationship: relationship.into(),
        contact: String::new(),
    });
    PersonRef::Person(id)
}

fn role(person: PersonRef, seen: bool, agreed: bool) -> NetworkRole {
    NetworkRole {
        id: Uuid::new_v4(),
        person,
        seen_danger_statement: seen,
        agreed_to_help: agreed,
        ..NetworkRole::default()
    }
}

#[test]
fn the_first_version_has_a_rule_for_each_danger_and_a_score_for_each_goal() {
    let map = map();
    let plan = SafetyPlan::from_map(Some(&map), day(12, 3), now());
    let dangers: Vec<Option<Uuid>> = map.danger_statements.iter().map(|d| Some(d.id)).collect();
    let answered: Vec<Option<Uuid>> = plan.rules.iter().map(|r| r.danger_statement).collect();
    assert_eq!(answered, dangers);
    assert!(plan.rules.iter().all(|r| r.text.is_empty()));
    let goals: Vec<Uuid> = map.safety_goals.iter().map(|g| g.id).collect();
    let scored: Vec<Uuid> = plan.goal_scores.iter().map(|s| s.safety_goal).collect();
    assert_eq!(scored, goals);
    assert!(plan.goal_scores.iter().all(|s| s.score.is_none()));
    // Without a map there is nothing to start from, but a plan can begin.
    let blank = SafetyPlan::from_map(None, day(12, 3), now());
    assert!(blank.rules.is_empty() && blank.goal_scores.is_empty());
}

#[test]
fn a_rule_keeps_its_id_link_and_tests_into_the_next_meeting() {
    let map = map();
    let mut first = SafetyPlan::from_map(Some(&map), day(12, 3), now());
    let rule = first.rules[0].id;
    first.rule_mut(rule).unwrap().text =
        "If Darren has been drinking, he stays at his brother's that night".into();
    first
        .record_test(
            rule,
            day(12, 12),
            "Darren went to his brother's; Jenny texted Nan",
            RuleHeld::Held,
        )
        .unwrap();
    first
        .set_goal_score(map.safety_goals[0].id, Some(4))
        .unwrap();
    first.meeting.agreed = "Nan checks on Saturdays".into();

    let second = first.next_meeting(Some(&map), day(12, 17), now());
    assert_ne!(second.id, first.id);
    assert_eq!(second.date, day(12, 17));
    assert_eq!(
        second.rules, first.rules,
        "same rules, same ids, same tests"
    );
    assert_eq!(
        second.rules[0].danger_statement,
        Some(map.danger_statements[0].id)
    );
    // The meeting's own notes and scores start afresh.
    assert_eq!(second.meeting, NetworkMeeting::default());
    assert!(second.goal_scores.iter().all(|s| s.score.is_none()));
    // The earlier version still says what it said.
    assert_eq!(first.meeting.agreed, "Nan checks on Saturdays");
}

#[test]
fn tests_are_kept_in_date_order_and_need_words() {
    let mut plan = SafetyPlan::from_map(Some(&map()), day(12, 3), now());
    let rule = plan.rules[1].id;
    plan.record_test(rule, day(12, 20), "Anna worked; Nan stayed", RuleHeld::Held)
        .unwrap();
    plan.record_test(
        rule,
        day(12, 10),
        "Anna went out; the children were alone",
        RuleHeld::NotHeld,
    )
    .unwrap();
    let dates: Vec<NaiveDate> = plan.rules[1].tests.iter().map(|t| t.date).collect();
    assert_eq!(dates, [day(12, 10), day(12, 20)]);
    assert_eq!(
        plan.record_test(rule, day(12, 21), "   ", RuleHeld::Held),
        Err(SafetyPlanError::EmptyTest)
    );
    assert_eq!(
        plan.record_test(Uuid::new_v4(), day(12, 21), "x", RuleHeld::Held),
        Err(SafetyPlanError::UnknownRule)
    );
    assert_eq!(
        plan.set_goal_score(Uuid::new_v4(), Some(11)),
        Err(SafetyPlanError::ScoreOutOfRange)
    );
}

#[test]
fn the_network_counts_people_besides_the_parents_and_workers() {
    let mut case = Case::new("Smith family", now());
    let mum = member(&mut case, "Jenny Smith", "Mum");
    let dad = member(&mut case, "Darren Smith", "Dad (lives apart)");
    let nan = member(&mut case, "Pat Smith", "Nan");
    let worker = Uuid::new_v4();
    case.workers.push(Worker {
        id: worker,
        name: "Priya Shah".into(),
        role: "Social worker".into(),
        ..Worker::default()
    });
    let mut plan = SafetyPlan::from_map(None, day(12, 3), now());
    plan.network = vec![
        role(mum, true, true),
        role(dad, true, true),
        role(PersonRef::Person(worker), true, true),
        role(nan, true, true),
        // Someone from outside the case, named here.
        role(PersonRef::Named("Uncle Sam".into()), true, false),
        // A blank row the worker has not filled in yet.
        role(PersonRef::Named("  ".into()), true, true),
    ];
    // By hand: Nan and Uncle Sam count (2); Nan alone has seen and agreed.
    let check = plan.network_check(&case, DEFAULT_MIN_NETWORK);
    assert_eq!(
        check,
        NetworkCheck {
            besides_parents: 2,
            seen_and_agreed: 1,
            minimum: 3
        }
    );
    let advice = check.advice().unwrap();
    assert!(
        advice.starts_with(
            "The network has 2 people besides the parents. Plans hold better with at least 3"
        ),
        "{advice}"
    );

    plan.network.push(role(
        PersonRef::Named("Mrs Ali (neighbour)".into()),
        true,
        true,
    ));
    let check = plan.network_check(&case, DEFAULT_MIN_NETWORK);
    assert_eq!(check.besides_parents, 3);
    assert_eq!(
        check.advice().unwrap(),
        "1 person in the network has not yet seen the worries or agreed to help. Share the danger statement with them before they check a rule."
    );
    // Without rules, or with too few agreed, the plan is not yet agreed.
    assert!(!plan.is_agreed(&case, DEFAULT_MIN_NETWORK));
    plan.network[4].agreed_to_help = true;
    assert_eq!(
        plan.network_check(&case, DEFAULT_MIN_NETWORK).advice(),
        None
    );
    assert!(!plan.is_agreed(&case, DEFAULT_MIN_NETWORK), "no rule yet");
    plan.add_rule(None);
    plan.rules[0].text = "Nan has the children on Friday nights".into();
    assert!(plan.is_agreed(&case, DEFAULT_MIN_NETWORK));
}

#[test]
fn parents_are_told_from_their_relationship_words() {
    for parent in [
        "Mum",
        "dad",
        "Mother (birth)",
        "Stepdad",
        "step-mum",
        "Father",
    ] {
        assert!(is_parent(parent), "{parent}");
    }
    for other in [
        "Nan",
        "Mum's partner",
        "Babcia (Nan)",
        "Uncle",
        "Godmother",
        "",
    ] {
        assert!(!is_parent(other), "{other}");
    }
}

#[test]
fn goal_scores_make_a_trajectory_across_meetings() {
    let map = map();
    let goal = map.safety_goals[0].id;
    let mut first = SafetyPlan::from_map(Some(&map), day(12, 3), now());
    first.set_goal_score(goal, Some(3)).unwrap();
    let second = first.next_meeting(Some(&map), day(12, 17), now());
    let mut third = second.next_meeting(Some(&map), day(12, 31), now());
    third.set_goal_score(goal, Some(6)).unwrap();
    let lines = goal_trajectories(&[first, second, third]);
    assert_eq!(lines.len(), 1, "the other goal was never scored");
    assert_eq!(lines[0].key, goal);
    assert_eq!(
        lines[0].points,
        [
            (day(12, 3), Some(3)),
            (day(12, 17), None),
            (day(12, 31), Some(6))
        ]
    );
}

#[test]
fn rules_without_a_danger_on_the_map_are_found_and_contacts_fall_back_to_the_case() {
    let map = map();
    let mut plan = SafetyPlan::from_map(Some(&map), day(12, 3), now());
    let loose = plan.add_rule(None);
    let gone = plan.add_rule(Some(Uuid::new_v4()));
    let dangers: Vec<Uuid> = map.danger_statements.iter().map(|d| d.id).collect();
    let other: Vec<Uuid> = plan
        .rules_answering_none_of(&dangers)
        .map(|r| r.id)
        .collect();
    assert_eq!(other, [loose, gone]);

    let mut case = Case::new("Smith family", now());
    let nan = member(&mut case, "Pat Smith", "Nan");
    case.network[0].contact = " 07700 900456 ".into();
    let mut on_case = role(nan, true, true);
    assert_eq!(on_case.how_to_reach(&case), "07700 900456");
    on_case.contact = "Text first: 07700 900111".into();
    assert_eq!(on_case.how_to_reach(&case), "Text first: 07700 900111");
    let new = role(PersonRef::Named("Auntie Ewa".into()), false, false);
    assert_eq!(new.how_to_reach(&case), "");
}

mod child_plan {
    use super::*;
    use crate::domain::case::Child;
    use crate::domain::child_voice::{ChildDocument, Writer};
    use crate::domain::safety_plan::child::{people_to_choose_from, ChildSafetyPlan, ChildSheet};

    fn with_child(case: &mut Case, name: &str) -> Uuid {
        let id = Uuid::new_v4();
        case.children.push(Child {
            id,
            first_name: name.into(),
            ..Child::default()
        });
        id
    }

    #[test]
    fn the_childs_words_are_printed_exactly_and_private_or_blank_ones_not_at_all() {
        let mut case = Case::new("Smith family", now());
        let amy = with_child(&mut case, "Amy");
        let mut plan = ChildSafetyPlan::new_for(amy, now());
        let said = plan.add_rule(None, Writer::Child, now());
        plan.words_mut(said).unwrap().text = "when dad has beer  he sleeps at uncle steves ".into();
        let secret = plan.add_rule(None, Writer::Child, now());
        plan.words_mut(secret).unwrap().text = "I hide under my bed".into();
        plan.words_mut(secret).unwrap().just_for_me = true;
        plan.add_rule(None, Writer::Worker, now());
        let sheet = ChildSheet::new(&plan, &case);
        assert_eq!(sheet.title, "Amy's safety plan");
        let texts: Vec<&str> = sheet.rules.iter().map(|r| r.text.as_str()).collect();
        // Not trimmed, not tidied: as Amy said it.
        assert_eq!(texts, ["when dad has beer  he sleeps at uncle steves "]);
        plan.remove(said);
        plan.remove(secret);
        assert!(plan.is_empty(), "only the blank rule is left");
    }

    #[test]
    fn a_person_is_added_once_and_their_number_comes_from_the_nearest_source() {
        let mut case = Case::new("Smith family", now());
        let amy = with_child(&mut case, "Amy");
        let nan = member(&mut case, "Nan", "Nan");
        let uncle = member(&mut case, "Steve", "Uncle");
        if let Some(m) = case.network.iter_mut().find(|m| m.name == "Nan") {
            m.contact = "01632 960111".into();
        }
        // Uncle Steve's number is written only in the safety network.
        let mut family_plan = SafetyPlan::from_map(None, day(12, 3), now());
        let mut steve = role(uncle.clone(), true, true);
        steve.contact = "07700 900777".into();
        family_plan.network.push(steve);
        case.documents.safety_plans.push(family_plan);

        let mut plan = ChildSafetyPlan::new_for(amy, now());
        let first = plan.add_person(nan.clone(), Writer::Child, now());
        assert_eq!(plan.add_person(nan, Writer::Worker, now()), first);
        plan.add_person(uncle, Writer::Child, now());
        let teacher = plan.add_person(PersonRef::Named("Miss Patel".into()), Writer::Worker, now());
        assert_eq!(plan.people.len(), 3);

        let phones: Vec<String> = plan.people.iter().map(|p| p.phone(&case)).collect();
        assert_eq!(phones, ["01632 960111", "07700 900777", ""]);
        plan.person_mut(teacher).unwrap().phone = " 01632 960999 ".into();
        assert_eq!(plan.people[2].phone(&case), "01632 960999");
        let sheet = ChildSheet::new(&plan, &case);
        let names: Vec<&str> = sheet.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Nan", "Steve", "Miss Patel"]);
    }

    #[test]
    fn the_child_chooses_from_the_safety_network_then_the_case_each_person_once() {
        let mut case = Case::new("Smith family", now());
        let mum = member(&mut case, "Jenny", "Mum");
        let nan = member(&mut case, "Nan", "Nan");
        case.workers.push(Worker {
            id: Uuid::new_v4(),
            name: "Priya".into(),
            ..Worker::default()
        });
        let mut family_plan = SafetyPlan::from_map(None, day(12, 3), now());
        family_plan.network.push(role(nan, true, true));
        family_plan
            .network
            .push(role(PersonRef::Named("Pastor Mike".into()), true, true));
        family_plan
            .network
            .push(role(PersonRef::Named(" ".into()), false, false));
        case.documents.safety_plans.push(family_plan);
        let names: Vec<String> = people_to_choose_from(&case)
            .into_iter()
            .map(|(_, name)| name)
            .collect();
        assert_eq!(names, ["Nan", "Pastor Mike", "Jenny", "Priya"]);
        assert!(people_to_choose_from(&case).iter().any(|(p, _)| *p == mum));
    }

    #[test]
    fn both_sheets_give_the_checker_prose_and_not_phone_numbers() {
        let mut case = Case::new("Smith family", now());
        let amy = with_child(&mut case, "Amy");
        let nan = member(&mut case, "Nan", "Nan");
        case.network[0].contact = "01632 960111".into();
        let mut family_plan = SafetyPlan::from_map(None, day(12, 3), now());
        let rule = family_plan.add_rule(None);
        family_plan.rule_mut(rule).unwrap().text = "Dad sleeps at Steve's after a drink.".into();
        let mut nan_role = role(nan.clone(), true, true);
        nan_role.role = "Checks on him each week.".into();
        family_plan.network.push(nan_role);
        let sheet =
            crate::domain::safety_plan::sheet::FamilySheet::new(&family_plan, &case, day(12, 3));
        // No map yet, so the rule is among the other rules.
        assert_eq!(sheet.worries.len(), 1);
        assert_eq!(sheet.worries[0].worry, None);
        assert_eq!(sheet.network[0].how_to_reach, "01632 960111");
        let sections = sheet.sections();
        assert_eq!(
            sections[0],
            (
                "Our rules",
                "Dad sleeps at Steve's after a drink.".to_string()
            )
        );
        assert_eq!(
            sections[1],
            ("Our safety network", "Checks on him each week.".to_string())
        );
        // Empty sections are not checked. By hand, Flesch–Kincaid plus 5:
        // the rule is 7 words of 8 syllables, 0.39 × 7 + 11.8 × 8/7 − 15.59
        // + 5 = 5.63; the network's 5 words of 5 syllables come to 3.16,
        // below the floor of 5.
        let checks = sheet.check(&case, &[]);
        let ages: Vec<f64> = checks.iter().map(|c| c.readability.reading_age()).collect();
        assert_eq!(ages.len(), 2);
        assert!((ages[0] - 5.63).abs() < 0.01, "{ages:?}");
        assert_eq!(ages[1], 5.0);

        let mut plan = ChildSafetyPlan::new_for(amy, now());
        let person = plan.add_person(nan, Writer::Child, now());
        plan.words_mut(person).unwrap().text = "Nan gives me hugs".into();
        let child_sheet = ChildSheet::new(&plan, &case);
        assert_eq!(child_sheet.people[0].phone, "01632 960111");
        let checked: Vec<&str> = child_sheet
            .check(&case, &[])
            .iter()
            .map(|c| c.section)
            .collect();
        assert_eq!(checked, ["People I can go to"]);
    }
}
