use super::danger::third_person;
use super::*;
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}
fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[test]
fn the_helper_writes_one_plain_sentence() {
    let statement = DangerStatement {
        who_is_worried: "Social workers".into(),
        behaviour: "drinks and shouts at Mum".into(),
        by_whom: "Dad".into(),
        impact: "get hurt and be scared to be at home".into(),
        ..Default::default()
    };
    assert_eq!(
        statement.compose(&["Amy (6)".into()]),
        "Social workers are worried that Dad drinks and shouts at Mum again. If that happens, Amy (6) could get hurt and be scared to be at home."
    );
    let school = DangerStatement {
        who_is_worried: "Amy's school".into(),
        ..statement.clone()
    };
    assert!(school
        .compose(&["Amy".into(), "Leo".into()])
        .starts_with("Amy's school is worried that Dad"));
    assert!(school
        .compose(&["Amy".into(), "Leo".into()])
        .contains("Amy and Leo could"));
}

#[test]
fn a_behaviour_typed_as_the_hint_shows_reads_right_for_one_person() {
    let typed = |behaviour: &str, by: &str| DangerStatement {
        who_is_worried: "Priya".into(),
        behaviour: behaviour.into(),
        by_whom: by.into(),
        impact: "be hurt".into(),
        ..Default::default()
    };
    // Either form the worker types gives the same sentence.
    for behaviour in ["drink and shout at Jenny", "drinks and shouts at Jenny"] {
        assert_eq!(
            typed(behaviour, "Darren").compose(&["Amy".into()]),
            "Priya is worried that Darren drinks and shouts at Jenny again. If that happens, Amy could be hurt."
        );
    }
    let cases = [
        ("hit Jenny and the children", "hits Jenny and the children"),
        ("push, hit or kick her", "pushes, hits or kicks her"),
        (
            "leave the children alone at night",
            "leaves the children alone at night",
        ),
        ("carry Leo when drunk", "carries Leo when drunk"),
        ("miss his medication", "misses his medication"),
        ("will not feed the baby", "will not feed the baby"),
        (
            "be drunk around the children",
            "is drunk around the children",
        ),
    ];
    for (typed_words, sentence) in cases {
        assert_eq!(third_person(typed_words), sentence);
    }
    // Two people: the words as typed.
    assert!(typed("drink and shout at Jenny", "Mum and Dad")
        .compose(&[])
        .contains("that Mum and Dad drink and shout at Jenny again."));
}

#[test]
fn an_edited_sentence_wins_over_the_composed_one() {
    let mut statement = DangerStatement {
        who_is_worried: "We".into(),
        ..Default::default()
    };
    assert!(statement
        .text(&[])
        .starts_with("We are worried that someone"));
    statement.sentence = "We are worried Leo will be left alone again.".into();
    assert_eq!(
        statement.text(&[]),
        "We are worried Leo will be left alone again."
    );
}

#[test]
fn labels_get_a_hint_and_behaviours_do_not() {
    assert!(label_hint("Concerns about neglect")
        .unwrap()
        .contains("what the children go without"));
    assert!(label_hint("Domestic Violence in the home").is_some());
    assert_eq!(label_hint("Dad hits Mum when he has been drinking"), None);
}

#[test]
fn each_danger_statement_pairs_with_one_safety_goal() {
    let mut map = SafetyMap::new(day(1), now());
    let danger = DangerStatement {
        id: Uuid::new_v4(),
        ..Default::default()
    };
    map.danger_statements.push(danger.clone());
    assert!(map.add_safety_goal(danger.id).is_ok());
    assert_eq!(
        map.add_safety_goal(danger.id),
        Err(MapError::DangerAlreadyHasGoal)
    );
    assert_eq!(
        map.add_safety_goal(Uuid::new_v4()),
        Err(MapError::UnknownDangerStatement)
    );
    assert_eq!(map.unpaired_dangers().count(), 0);
    map.remove_danger_statement(danger.id);
    assert!(
        map.safety_goals.is_empty(),
        "the goal goes with its danger statement"
    );
}

#[test]
fn entries_reorder_within_a_section_and_move_between_sections() {
    let mut map = SafetyMap::new(day(1), now());
    let entry = |section, text: &str| MapEntry {
        id: Uuid::new_v4(),
        section,
        text: text.into(),
        said_by: PersonRef::default(),
        date: day(1),
        children: vec![],
    };
    let a = entry(MapSection::Harm, "a");
    let b = entry(MapSection::Danger, "b");
    let c = entry(MapSection::Harm, "c");
    map.entries = vec![a.clone(), b.clone(), c.clone()];
    map.reorder(c.id, -1);
    let harm: Vec<_> = map
        .entries_in(MapSection::Harm)
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(harm, ["c", "a"]);
    map.reorder(c.id, -1); // already first: nothing happens
    assert_eq!(map.entries_in(MapSection::Harm).next().unwrap().text, "c");
    map.move_to(a.id, MapSection::ExistingStrengths);
    assert_eq!(map.entries_in(MapSection::ExistingStrengths).count(), 1);
    let (at, removed) = map.remove_entry(b.id).unwrap();
    map.restore_entry(at, removed);
    assert_eq!(map.entries.len(), 3);
}

#[test]
fn a_review_copies_the_map_and_keeps_the_old_version() {
    let mut first = SafetyMap::new(day(1), now());
    let worker = PersonRef::Named("Priya (social worker)".into());
    first.set_score(&worker, Some(3)).unwrap();
    let mut second = first.start_review(day(22), now());
    assert_ne!(second.id, first.id);
    assert_eq!(second.scores, first.scores);
    second.set_score(&worker, Some(6)).unwrap();
    assert_eq!(first.scores[0].score, Some(3));
    assert_eq!(
        second.set_score(&worker, Some(11)),
        Err(MapError::ScoreOutOfRange)
    );

    let lines = trajectories(&[first, second]);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].points, vec![(day(1), Some(3)), (day(22), Some(6))]);
}
