use chrono::TimeZone;

use super::*;
use crate::domain::case::{NetworkMember, Worker};
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
