//! No input can crash Kinplan: property tests that feed arbitrary Unicode
//! text, dates and practice profiles to every domain function that reads
//! them, and check that none panics (a panic in the browser stops the app
//! for good, and a saved text that causes one would stop it at every load).
//!
//! Texts mix arbitrary characters with the ones that break naive code:
//! letters that change length when lower-cased (the Kelvin sign, dotted
//! capital I), combining marks, right-to-left text, zero-width characters,
//! and the jargon and labels the checkers look for. Cases are the sample
//! family with every free-text field replaced by such text.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use kinplan::domain::audit::Audit;
use kinplan::domain::calendar::{HolidayRule, WorkingDays};
use kinplan::domain::language::plain_english::{
    england_jargon, find_jargon, jargon_from_lines, Jargon,
};
use kinplan::domain::language::reading_age::{count_syllables, readability};
use kinplan::domain::language::text::{is_blank, shorten};
use kinplan::domain::persist::export::{parse_export, ExportFile};
use kinplan::domain::persist::index::CaseIndex;
use kinplan::domain::plans::family_plan::FamilyPlan;
use kinplan::domain::plans::quality::QualityCheck;
use kinplan::domain::plans::schedule::{next_deadline, schedule};
use kinplan::domain::plans::smart::{check_plan, parse_date, read_due};
use kinplan::domain::profile::{Period, PracticeProfile, TIMESCALES};
use kinplan::domain::safety_map::label_hint;
use kinplan::domain::Case;
use proptest::prelude::*;
use serde_json::Value;

/// Characters that have broken text handling somewhere.
const TRICKY: &[char] = &[
    '\u{212A}', // Kelvin sign: lower-cases to a one-byte "k"
    '\u{0130}', // dotted capital I: lower-cases to two characters
    '\u{1E9E}', // capital sharp s
    'ß', 'ﬁ', // ligature: upper-cases to two letters
    'Σ', '\u{0301}', // combining acute
    '\u{200B}', // zero-width space
    '\u{200D}', // zero-width joiner
    '\u{200F}', // right-to-left mark
    '\u{202E}', // right-to-left override
    '\u{FEFF}', // byte-order mark
    'ا', 'ש', '😀', '\n', '.', ' ',
];

/// Words the checkers look for, so that matching code runs on odd text.
const WORDS: &[&str] = &[
    "engage",
    "core group",
    "ICPC",
    "LA",
    "Section 47",
    "neglect",
    "by",
    "review",
    "every week",
    "14/12/2026",
    "2026-12-14",
    "14 Dec 2026",
    "Mum",
    "and",
    "improve",
    "attend",
    "ensure",
    "school",
    "Dr.",
    "£20.50",
    "e.g.",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        prop::sample::select(TRICKY).prop_map(String::from),
        prop::sample::select(WORDS).prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    // chrono's whole range, so overflow at either end is tried too.
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap())
}

fn near_date() -> impl Strategy<Value = NaiveDate> {
    // 2000 to 2040, where plans are.
    (0..=14_610i32)
        .prop_map(|d| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(d as u64))
}

fn period(counts: impl Strategy<Value = u32> + Clone) -> impl Strategy<Value = Period> {
    prop_oneof![
        counts.clone().prop_map(Period::Days),
        counts.clone().prop_map(Period::WorkingDays),
        counts.clone().prop_map(Period::Weeks),
        counts.prop_map(Period::Months),
    ]
}

/// Any profile of the right types: every number anywhere in its range.
fn any_profile() -> impl Strategy<Value = PracticeProfile> {
    let rule = prop_oneof![
        (any::<u32>(), any::<u32>(), any::<bool>()).prop_map(|(month, day, substitute)| {
            HolidayRule::Fixed {
                name: "Fixed".into(),
                month,
                day,
                substitute,
            }
        }),
        any::<i64>().prop_map(|offset| HolidayRule::Easter {
            name: "Easter".into(),
            offset
        }),
        (any::<u32>(), 0..7u8).prop_map(|(month, w)| HolidayRule::LastWeekday {
            name: "Last".into(),
            month,
            weekday: chrono::Weekday::try_from(w).unwrap(),
        }),
    ];
    (
        prop::collection::vec(period(any::<u32>()), TIMESCALES.len()),
        prop::collection::vec(rule, 0..6),
        text(),
    )
        .prop_map(|(periods, rules, name)| {
            let mut profile = PracticeProfile::england();
            for (field, p) in TIMESCALES.iter().zip(periods) {
                (field.set)(&mut profile.timescales, p);
            }
            profile.holidays.rules.extend(rules);
            profile.name = name;
            profile
        })
}

/// Profiles that pass [`PracticeProfile::check`]: numbers in range.
fn valid_profile() -> impl Strategy<Value = PracticeProfile> {
    let counts = 1..=24u32;
    let rule = prop_oneof![
        (1..=12u32, 1..=28u32, any::<bool>()).prop_map(|(month, day, substitute)| {
            HolidayRule::Fixed {
                name: "Fixed".into(),
                month,
                day,
                substitute,
            }
        }),
        (-100..=100i64).prop_map(|offset| HolidayRule::Easter {
            name: "Easter".into(),
            offset
        }),
    ];
    (
        prop::collection::vec(period(counts), TIMESCALES.len()),
        prop::collection::vec(rule, 0..6),
    )
        .prop_map(|(periods, rules)| {
            let mut profile = PracticeProfile::england();
            for (field, p) in TIMESCALES.iter().zip(periods) {
                (field.set)(&mut profile.timescales, p);
            }
            profile.holidays.rules.extend(rules);
            profile
        })
}

fn sample_family() -> &'static (Value, Vec<String>) {
    static SAMPLE: OnceLock<(Value, Vec<String>)> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let file: Value =
            serde_json::from_str(include_str!("fixtures/sample-family.json")).unwrap();
        let bytes = serde_json::to_vec(&file).unwrap();
        let export = parse_export(&bytes).expect("the sample family imports");
        let case = serde_json::to_value(&export.cases[0]).unwrap();
        let mut free = Vec::new();
        free_text_fields(&case, &case, String::new(), &mut free);
        (case, free)
    })
}

/// The JSON pointers of every string in `value` that takes any text: ids,
/// dates and choices are left alone.
fn free_text_fields(root: &Value, value: &Value, at: String, found: &mut Vec<String>) {
    match value {
        Value::String(_) => {
            let mut trial = root.clone();
            *trial.pointer_mut(&at).unwrap() = Value::String("x\u{212A}".into());
            if serde_json::from_value::<Case>(trial).is_ok() {
                found.push(at);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                free_text_fields(root, item, format!("{at}/{i}"), found);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                free_text_fields(root, item, format!("{at}/{key}"), found);
            }
        }
        _ => {}
    }
}

/// The sample family with its free texts replaced, in turn, by `texts`.
fn case_with(texts: &[String]) -> Case {
    let (case, free) = sample_family();
    let mut value = case.clone();
    for (pointer, text) in free.iter().zip(texts.iter().cycle()) {
        *value.pointer_mut(pointer).unwrap() = Value::String(text.clone());
    }
    serde_json::from_value(value).expect("free text keeps the case valid")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn text_functions_take_any_text(text in text(), terms in prop::collection::vec(text(), 0..4), n in 0..50usize) {
        let mut list = england_jargon();
        list.extend(terms.iter().map(|t| Jargon { term: t.clone(), plain: "plain".into(), full: Some(t.to_uppercase()) }));
        for hint in find_jargon(&text, &list) {
            // What is quoted back is really in the text, where it says.
            prop_assert!(text.is_char_boundary(hint.at));
            prop_assert_eq!(&text[hint.at..hint.at + hint.found.len()], hint.found.as_str());
        }
        let r = readability(&text);
        prop_assert!(r.reading_age().is_finite());
        for word in text.split_whitespace() {
            prop_assert!(count_syllables(word) >= 1);
        }
        let _ = label_hint(&text);
        let _ = read_due(&text, None);
        let _ = parse_date(&text);
        let _ = jargon_from_lines(&text);
        let _ = is_blank(&text);
        prop_assert!(shorten(&text, n).chars().count() <= n + 1);
    }

    #[test]
    fn the_crash_text_from_the_issue_is_found_safely(prefix in text()) {
        let text = format!("{prefix}\u{212A} core group \u{0130}\u{0130}");
        let found = find_jargon(&text, &england_jargon());
        // The first use of the term is quoted back (with the rest of its
        // word, as "core groups"), whatever comes before it.
        prop_assert!(found.iter().any(|h| h.found.to_lowercase().starts_with("core group")), "{:?}", found);
    }

    #[test]
    fn any_profile_is_checked_and_never_panics(profile in any_profile(), year in -300_000..300_000i32, from in date()) {
        // An imported profile either passes the check or names its field.
        let json = profile.to_json();
        match PracticeProfile::from_json(&json) {
            Ok(read) => prop_assert_eq!(read, profile.clone()),
            Err(why) => prop_assert!(why.contains(':'), "{}", why),
        }
        // Bank holidays are safe to work out even for an unchecked profile.
        let _ = profile.holidays.holidays(year);
        if profile.check().is_ok() {
            let wd = WorkingDays::new(&profile.holidays);
            for field in TIMESCALES {
                let p = (field.get)(&profile.timescales);
                let _ = p.after(from, &wd);
                let _ = p.before(from, &wd);
            }
        }
    }

    #[test]
    fn cases_with_any_text_go_through_every_judgement(
        texts in prop::collection::vec(text(), 1..12),
        profile in valid_profile(),
        today in near_date(),
    ) {
        let mut case = case_with(&texts);
        // The app refuses a blank case name as it is typed, and import too.
        if is_blank(&case.label) {
            case.label = format!("Family {}", texts[0]);
            if is_blank(&case.label) { case.label = "Family".into(); }
        }
        for plan in &case.documents.plans {
            let review = kinplan::domain::plans::schedule::next_review(plan, &profile, today);
            let _ = check_plan(plan, &case, review);
            let _ = schedule(plan, case.has_baby(&plan.children, today), &profile, today);
            let family = FamilyPlan::new(&case, plan, &profile, today);
            let _ = family.check(&profile);
            let _ = family.sections();
            let _ = QualityCheck::new(&case, plan, &profile, today).grade();
        }
        let _ = next_deadline(&case, &profile, today);
        let mut index = CaseIndex::default();
        index.upsert(&case, 100, &profile);
        let _ = index.search(&texts[0], Default::default());
        // Whatever was typed, the export imports again, equal.
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
        let json = ExportFile::new(vec![case.clone()], now).to_json();
        let back = parse_export(json.as_bytes());
        prop_assert!(back.is_ok(), "{:?}", back.err());
        prop_assert_eq!(&back.unwrap().cases[0], &case);
        let mut audit = Audit::new(today, &profile);
        audit.add_file("case.json", json.as_bytes());
        let _ = audit.to_text();
    }

    #[test]
    fn import_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_export(&bytes);
        let _ = PracticeProfile::from_json(&String::from_utf8_lossy(&bytes));
    }
}
