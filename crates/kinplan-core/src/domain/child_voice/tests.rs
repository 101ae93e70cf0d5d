use super::*;
use crate::domain::child_voice::drawing::{Ink, Point};
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

#[test]
fn a_child_has_one_document_of_each_kind() {
    let (amy, ben) = (Uuid::new_v4(), Uuid::new_v4());
    let mut list: Vec<ThreeHouses> = Vec::new();
    let first = for_child(&mut list, amy, now()).id;
    for_child(&mut list, ben, now());
    assert_eq!(for_child(&mut list, amy, now()).id, first);
    assert_eq!(list.len(), 2);
}

#[test]
fn the_house_started_with_comes_first() {
    let mut houses = ThreeHouses::new_for(Uuid::new_v4(), now());
    assert_eq!(houses.order(), HouseKind::ALL);
    houses.started_with = Some(HouseKind::Dreams);
    assert_eq!(
        houses.order(),
        [HouseKind::Dreams, HouseKind::Worries, HouseKind::GoodThings]
    );
}

#[test]
fn a_renamed_house_keeps_the_childs_name_and_a_blank_one_the_usual() {
    let mut houses = ThreeHouses::new_for(Uuid::new_v4(), now());
    houses.worries.name = "  ".into();
    assert_eq!(houses.name(HouseKind::Worries), "House of Worries");
    houses.worries.name = "Grumpy house".into();
    assert_eq!(houses.name(HouseKind::Worries), "Grumpy house");
    assert_eq!(houses.symbol(HouseKind::GoodThings), HouseSymbol::Sun);
}

#[test]
fn just_for_me_and_blank_entries_are_not_shared() {
    let mut houses = ThreeHouses::new_for(Uuid::new_v4(), now());
    let mut shared = ChildEntry::new(Writer::Child, now());
    shared.text = "my dog  Biscuit ".into();
    let mut private = ChildEntry::new(Writer::Child, now());
    private.text = "when dad shouts".into();
    private.just_for_me = true;
    let blank = ChildEntry::new(Writer::Worker, now());
    let mut drawn = ChildEntry::new(Writer::Child, now());
    drawn.drawing.add(Ink::Red, &[Point { x: 1, y: 1 }]);
    houses.good_things.entries = vec![shared, private, blank, drawn];
    let texts: Vec<&str> = houses
        .shared(HouseKind::GoodThings)
        .map(|e| e.text.as_str())
        .collect();
    // Kept exactly as given, spaces and all.
    assert_eq!(texts, ["my dog  Biscuit ", ""]);
}

#[test]
fn entries_are_found_and_removed_in_any_house() {
    let mut houses = ThreeHouses::new_for(Uuid::new_v4(), now());
    let entry = ChildEntry::new(Writer::Child, now());
    let id = entry.id;
    houses.dreams.entries.push(entry);
    houses.entry_mut(id).unwrap().text = "a trampoline".into();
    assert!(!houses.is_empty());
    houses.remove_entry(id);
    assert!(houses.is_empty());
}

#[test]
fn statements_say_whose_words_they_are_and_what_is_shared() {
    let mut doc = StrengthsStatements::new_for(Uuid::new_v4(), now());
    let mine = Strength::new(
        StrengthKind::ICan,
        "I can ride my bike",
        Writer::Child,
        now(),
    );
    let mut nans = Strength::new(
        StrengthKind::IAm,
        "kind to her brother",
        Writer::Worker,
        now(),
    );
    nans.said_by = SaidBy::SomeoneElse("Nan".into());
    let mut secret = Strength::new(StrengthKind::IHave, "my teddy", Writer::Child, now());
    secret.just_for_me = true;
    doc.statements = vec![mine, nans, secret];
    assert_eq!(doc.shared(StrengthKind::IHave).count(), 0);
    assert_eq!(doc.of_kind(StrengthKind::IHave).count(), 1);
    let json = serde_json::to_value(&doc.statements[1]).unwrap();
    assert_eq!(json["said_by"], serde_json::json!({"someone_else": "Nan"}));
    assert_eq!(json["by"], "worker");
}

#[test]
fn every_kind_offers_grotbergs_starters() {
    for &kind in StrengthKind::ALL {
        let starters = kind.starters();
        assert!(starters.len() >= 4);
        assert!(starters.iter().all(|s| s.starts_with(kind.title())));
    }
}
