use chrono::{DateTime, TimeZone, Utc};

use super::analysis::{clusters, last_12_months, repeated, Cluster, Filter};
use super::*;
use crate::domain::plans::{
    EventKind, Plan, PlanKind, PlanReview, RecordedEvent as PlanEvent, ReviewKind,
};
use crate::domain::safety_map::SafetyMap;
use crate::domain::safety_plan::SafetyPlan;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn record(case: &mut Case, date: EventDate, what: &str, category: &str) -> Uuid {
    let id = case.documents.chronology.add(date, what).unwrap();
    case.documents.chronology.event_mut(id).unwrap().category = category.into();
    id
}

#[test]
fn a_date_known_to_the_month_or_year_spans_it_and_sorts_by_its_first_day() {
    let feb = EventDate::month(2024, 2).unwrap();
    // 2024 is a leap year: February has 29 days.
    assert_eq!(
        (feb.first_day(), feb.last_day()),
        (day(2024, 2, 1), day(2024, 2, 29))
    );
    let year = EventDate::Year(2023);
    assert_eq!(
        (year.first_day(), year.last_day()),
        (day(2023, 1, 1), day(2023, 12, 31))
    );
    assert_eq!(EventDate::month(2024, 13), None);
    assert_eq!(feb.display(), "February 2024");
    assert_eq!(year.display(), "2023");
    assert_eq!(EventDate::Day(day(2026, 3, 3)).display(), "3 Mar 2026");
    assert_eq!(
        EventDate::Day(day(2026, 3, 3)).to_precision(DatePrecision::Month),
        EventDate::Month {
            year: 2026,
            month: 3
        }
    );
    // Stored as written: externally tagged, so an import error names it.
    assert_eq!(
        serde_json::to_value(feb).unwrap(),
        serde_json::json!({"month": {"year": 2024, "month": 2}})
    );
}

#[test]
fn a_date_and_a_line_are_enough_and_a_missing_action_or_outcome_is_flagged() {
    let mut chronology = Chronology::default();
    assert_eq!(
        chronology.add(EventDate::Year(2025), "  "),
        Err(ChronologyError::NothingHappened)
    );
    let id = chronology
        .add(
            EventDate::Day(day(2026, 5, 2)),
            " Police called to the flat ",
        )
        .unwrap();
    let event = chronology.event_mut(id).unwrap();
    assert_eq!(event.what, "Police called to the flat");
    assert_eq!(event.missing(), Some("No action or outcome recorded yet."));
    event.action = "Strategy discussion held".into();
    assert_eq!(event.missing(), Some("No outcome recorded yet."));
    event.outcome = "Section 47 enquiry".into();
    assert_eq!(event.missing(), None);
}

#[test]
fn what_the_tools_know_flows_in_linked_and_in_date_order() {
    let mut case = Case::new("Smith family", now());
    let amy = Uuid::new_v4();
    let mut map = SafetyMap::new(day(2026, 9, 14), now());
    let first_map = map.id;
    case.documents.safety_maps.push(map.clone());
    map.id = Uuid::new_v4();
    map.date = day(2026, 11, 20);
    case.documents.safety_maps.push(map);
    let mut plan = Plan::new(PlanKind::ChildProtection, now());
    plan.children = vec![amy];
    plan.start = Some(day(2026, 10, 1));
    plan.reviews.push(PlanReview {
        id: Uuid::new_v4(),
        date: day(2026, 10, 29),
        kind: ReviewKind::CoreGroup,
        attended: Vec::new(),
        progress: Vec::new(),
        scale: None,
        decisions: String::new(),
    });
    plan.events.push(PlanEvent {
        kind: EventKind::Visit,
        date: day(2026, 10, 8),
    });
    let plan_id = plan.id;
    case.documents.plans.push(plan);
    let safety = SafetyPlan::from_map(None, day(2026, 11, 25), now());
    let safety_id = safety.id;
    case.documents.safety_plans.push(safety);
    record(
        &mut case,
        EventDate::month(2026, 8).unwrap(),
        "Moved to Park Road",
        "House move",
    );

    let all = entries(&case, &PracticeNames::england());
    let lines: Vec<(NaiveDate, &str)> = all
        .iter()
        .map(|e| (e.date.first_day(), e.what.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (day(2026, 8, 1), "Moved to Park Road"),
            (day(2026, 9, 14), "Signs of Safety map made with the family"),
            (
                day(2026, 10, 1),
                "Child Protection plan started at the initial child protection conference"
            ),
            (day(2026, 10, 8), "Visit"),
            (day(2026, 10, 29), "Core group reviewed the plan"),
            (day(2026, 11, 20), "Signs of Safety map reviewed"),
            (day(2026, 11, 25), "Network meeting: safety plan agreed"),
        ]
    );
    assert_eq!(all[1].origin, Origin::Linked(Link::Map(first_map)));
    assert_eq!(all[2].origin, Origin::Linked(Link::Plan(plan_id)));
    assert_eq!(all[6].origin, Origin::Linked(Link::SafetyPlan(safety_id)));
    // Linked, not copied: a change in the plan shows at once.
    case.documents.plans[0].start = Some(day(2026, 10, 2));
    assert_eq!(
        entries(&case, &PracticeNames::england())[2].date,
        EventDate::Day(day(2026, 10, 2))
    );
    // Called what the nation calls them (nations.md: Scotland's Child
    // Protection Planning Meeting and Child Protection Plan).
    let scottish = entries(
        &case,
        &crate::domain::profile::Nation::Scotland.profile().names,
    );
    assert_eq!(
        scottish[2].what,
        "Child Protection Plan started at the Child Protection Planning Meeting"
    );
    // The plan's entries concern its children; the map's all of them.
    assert!(!all[2].concerns(Uuid::new_v4()) && all[2].concerns(amy));
    assert!(all[1].concerns(Uuid::new_v4()));
    // Only the worker's own events are flagged, and only they are read for
    // patterns (here the move, within the year before 3 Dec 2026).
    assert!(all[0].missing.is_some() && all[1..].iter().all(|e| e.missing.is_none()));
    let concern = super::analysis::of_concern(&all, day(2026, 12, 3));
    assert_eq!(concern.len(), 1);
    assert_eq!(concern[0].what, "Moved to Park Road");
}

#[test]
fn the_last_12_months_count_each_category_and_show_the_repeats() {
    let mut case = Case::new("Smith family", now());
    let today = day(2026, 12, 3);
    // By hand: the window is 4 Dec 2025 to 3 Dec 2026.
    record(
        &mut case,
        EventDate::Day(day(2025, 12, 3)),
        "Police called",
        "Police call-out",
    ); // a day too early
    record(
        &mut case,
        EventDate::Day(day(2025, 12, 4)),
        "Police called",
        "Police call-out",
    );
    record(
        &mut case,
        EventDate::Day(day(2026, 6, 1)),
        "Police called",
        "Police call-out",
    );
    record(
        &mut case,
        EventDate::Day(day(2026, 11, 30)),
        "Police called",
        "Police call-out",
    );
    record(
        &mut case,
        EventDate::month(2026, 3).unwrap(),
        "Missed dentist",
        "Missed health appointment",
    );
    record(
        &mut case,
        EventDate::Year(2026),
        "New partner, Dean",
        "New partner",
    );
    // 2025 overlaps the window's first days (4 to 31 December), so it counts.
    record(
        &mut case,
        EventDate::Year(2025),
        "New partner, Lee",
        "New partner",
    );
    record(
        &mut case,
        EventDate::Day(day(2026, 12, 4)),
        "Planned visit",
        "Visit",
    ); // after today
    record(&mut case, EventDate::Day(day(2026, 7, 7)), "Something", "");
    let all = entries(&case, &PracticeNames::england());
    assert_eq!(
        last_12_months(&all, today),
        [
            ("Police call-out".to_string(), 3),
            ("New partner".to_string(), 2),
            ("Missed health appointment".to_string(), 1),
            ("No category".to_string(), 1),
        ]
    );
    assert_eq!(
        repeated(&all, today, 2),
        [
            ("Police call-out".to_string(), 3),
            ("New partner".to_string(), 2)
        ]
    );
}

#[test]
fn events_close_together_make_a_cluster_and_vague_dates_do_not() {
    let mut case = Case::new("Smith family", now());
    for d in [1, 10, 25] {
        record(&mut case, EventDate::Day(day(2026, 3, d)), "Incident", "");
    }
    // 26 days after 25 March: too far to join the run.
    record(&mut case, EventDate::Day(day(2026, 4, 20)), "Incident", "");
    record(
        &mut case,
        EventDate::month(2026, 4).unwrap(),
        "Incident",
        "",
    );
    for d in [1, 2] {
        record(&mut case, EventDate::Day(day(2026, 9, d)), "Incident", "");
    }
    let all = entries(&case, &PracticeNames::england());
    assert_eq!(
        clusters(&all, 21, 3),
        [Cluster {
            first: day(2026, 3, 1),
            last: day(2026, 3, 25),
            events: 3
        }]
    );
    assert_eq!(clusters(&all, 21, 2).len(), 2);
}

#[test]
fn filters_by_child_category_and_a_range_a_vague_date_overlaps() {
    let mut case = Case::new("Smith family", now());
    let (amy, ben) = (Uuid::new_v4(), Uuid::new_v4());
    let for_amy = record(
        &mut case,
        EventDate::Day(day(2026, 5, 5)),
        "Amy excluded",
        "School exclusion",
    );
    case.documents
        .chronology
        .event_mut(for_amy)
        .unwrap()
        .children = vec![amy];
    record(
        &mut case,
        EventDate::month(2026, 4).unwrap(),
        "Family moved",
        "House move",
    );
    let all = entries(&case, &PracticeNames::england());
    let shown = |f: &Filter| all.iter().filter(|e| f.matches(e)).count();
    assert_eq!(
        shown(&Filter {
            child: Some(amy),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        shown(&Filter {
            child: Some(ben),
            ..Filter::default()
        }),
        1
    );
    let moves = Filter {
        categories: vec!["House move".into()],
        ..Filter::default()
    };
    assert_eq!(shown(&moves), 1);
    // April 2026 overlaps a range from 30 April, but not one from 1 May.
    let from = |d| Filter {
        from: Some(d),
        ..Filter::default()
    };
    assert_eq!(shown(&from(day(2026, 4, 30))), 2);
    assert_eq!(shown(&from(day(2026, 5, 1))), 1);
    let to = Filter {
        to: Some(day(2026, 4, 1)),
        ..Filter::default()
    };
    assert_eq!(shown(&to), 1);
}

#[test]
fn an_impossible_stored_date_is_not_plausible_and_an_import_refuses_it() {
    assert!(!EventDate::Month {
        year: 2026,
        month: 13
    }
    .is_plausible());
    assert!(!EventDate::Year(20266).is_plausible());
    assert!(EventDate::Day(day(2026, 3, 14)).is_plausible());
    let mut case = Case::new("Smith family", now());
    record(
        &mut case,
        EventDate::Year(2025),
        "Moved house",
        "House move",
    );
    case.documents.chronology.events[0].date = EventDate::Month {
        year: 2026,
        month: 13,
    };
    let file = crate::domain::persist::export::ExportFile::new(vec![case], now());
    let errors =
        crate::domain::persist::export::parse_export(file.to_json().as_bytes()).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.path.ends_with("documents.chronology.events[0].date")),
        "{errors:?}"
    );
}

#[test]
fn dates_are_read_as_the_fields_give_them_and_written_back_the_same() {
    let cases = [
        (
            DatePrecision::Day,
            "2026-03-14",
            Some(EventDate::Day(day(2026, 3, 14))),
        ),
        (DatePrecision::Day, "2026-02-30", None),
        (DatePrecision::Month, "2026-03", EventDate::month(2026, 3)),
        (DatePrecision::Month, "2026-13", None),
        (DatePrecision::Year, " 2019 ", Some(EventDate::Year(2019))),
        (DatePrecision::Year, "19", None),
        (DatePrecision::Year, "last year", None),
        // Years from 1900 to 2100 only, at every precision: a slip of the
        // finger in a plain text box is not a date.
        (DatePrecision::Month, "20266-03", None),
        (DatePrecision::Day, "1899-12-31", None),
        (DatePrecision::Year, "2101", None),
    ];
    for (precision, text, expected) in cases {
        let read = EventDate::parse(precision, text);
        assert_eq!(read, expected, "{text}");
        if let Some(date) = read {
            assert_eq!(EventDate::parse(precision, &date.to_field()), Some(date));
        }
    }
}
