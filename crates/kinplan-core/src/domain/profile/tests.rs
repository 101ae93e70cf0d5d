use super::*;
use crate::domain::calendar::WorkingDays;
use chrono::NaiveDate;

#[test]
fn a_profile_round_trips_as_json_and_errors_name_the_field() {
    let england = PracticeProfile::england();
    assert_eq!(
        PracticeProfile::from_json(&england.to_json()),
        Ok(england.clone())
    );
    let mut wales = england.clone();
    wales.name = "Wales".into();
    wales.timescales.cin_review_every = Period::Weeks(4);
    let text = wales
        .to_json()
        .replace("{\"weeks\":4}", "{\"fortnights\":2}");
    let err = PracticeProfile::from_json(&text).unwrap_err();
    assert!(
        err.starts_with("timescales.cin_visit_every.fortnights: unknown variant"),
        "{err}"
    );
}

#[test]
fn every_timescale_is_listed_once_and_can_be_set() {
    let mut t = PracticeProfile::england().timescales;
    assert_eq!(TIMESCALES.len(), 13);
    for field in TIMESCALES {
        let period = (field.get)(&t);
        assert_eq!(
            Period::from_parts(period.count(), period.unit()),
            Some(period)
        );
        (field.set)(&mut t, Period::Days(99));
        assert_eq!((field.get)(&t), Period::Days(99), "{}", field.key);
    }
}

#[test]
fn periods_add_and_describe() {
    let rules = HolidayRules::england_and_wales();
    let wd = WorkingDays::new(&rules);
    let d = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    assert_eq!(
        Period::Months(3).after(d, &wd),
        NaiveDate::from_ymd_opt(2027, 2, 2)
    );
    assert_eq!(
        Period::Weeks(6).after(d, &wd),
        NaiveDate::from_ymd_opt(2026, 12, 14)
    );
    assert_eq!(
        Period::WorkingDays(10).after(d, &wd),
        NaiveDate::from_ymd_opt(2026, 11, 16)
    );
    assert_eq!(
        Period::WorkingDays(5).before(NaiveDate::from_ymd_opt(2027, 2, 2).unwrap(), &wd),
        NaiveDate::from_ymd_opt(2027, 1, 26)
    );
    assert_eq!(Period::WorkingDays(1).describe(), "1 working day");
    assert_eq!(Period::Months(6).describe(), "6 months");
}

// Each nation's schedule for one sample plan: a Child Protection plan
// whose first meeting was on Monday 16 November 2026, worked out by hand
// from `nations.md` and GOV.UK's bank holidays.
mod nations {
    use super::*;
    use crate::domain::choice::Choice;
    use crate::domain::plans::schedule::{schedule, ScheduleItem, ScheduleKind};
    use crate::domain::plans::{Plan, PlanKind};
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn plan_from(start: NaiveDate) -> Plan {
        let mut plan = Plan::new(
            PlanKind::ChildProtection,
            Utc.with_ymd_and_hms(2026, 11, 16, 9, 0, 0).unwrap(),
        );
        plan.start = Some(start);
        plan
    }

    fn items(nation: Nation, start: NaiveDate) -> Vec<ScheduleItem> {
        schedule(&plan_from(start), false, &nation.profile(), d(2026, 11, 17)).unwrap()
    }

    fn due(items: &[ScheduleItem], kind: ScheduleKind) -> (NaiveDate, String) {
        let item = items.iter().find(|i| i.kind == kind).unwrap();
        (item.due, item.basis.clone())
    }

    fn title(nation: Nation, kind: ScheduleKind) -> String {
        kind.title(&nation.profile().names)
    }

    #[test]
    fn every_shipped_profile_is_valid_and_named_for_its_nation() {
        for nation in Nation::ALL.iter().copied() {
            let profile = nation.profile();
            assert_eq!(profile.check(), Ok(()), "{}", nation.title());
            assert_eq!(
                PracticeProfile::from_json(&profile.to_json()),
                Ok(profile.clone())
            );
            assert!(profile.name.starts_with(nation.title()), "{}", profile.name);
            assert_eq!(Nation::named(nation.title()), Some(nation));
        }
        assert_eq!(
            Nation::named("northern_ireland"),
            Some(Nation::NorthernIreland)
        );
        assert_eq!(Nation::named("Cymru"), None);
        // Only Scotland records no category of harm at registration.
        assert!(!Nation::Scotland.profile().harm_category_at_registration);
        assert!(Nation::Wales.profile().harm_category_at_registration);
        // A figure no guidance confirmed is local, and its note says so.
        let wales = Nation::Wales.profile();
        assert!(!wales.is_set_nationally("cp_visit_every"));
        assert!(wales.notes.iter().any(|n| n.contains("Visits")));
        assert!(wales.is_set_nationally("cp_first_core_group"));
    }

    #[test]
    fn a_new_nation_keeps_what_the_council_set_for_itself() {
        let mut council = PracticeProfile::england();
        council.min_safety_network = 5;
        council.chronology_categories = vec!["Police".into()];
        council.holidays.local = vec![d(2027, 4, 19)];
        council.timescales.cin_visit_every = Period::Weeks(2);
        let falkirk = council.with_nation(Nation::Scotland);
        assert_eq!(falkirk.min_safety_network, 5);
        assert_eq!(falkirk.chronology_categories, ["Police"]);
        assert_eq!(falkirk.holidays.local, [d(2027, 4, 19)]);
        // The nation's own figures and names replace England's.
        assert_eq!(falkirk.timescales, Nation::Scotland.profile().timescales);
        assert_eq!(
            falkirk.names.initial_conference,
            "Child Protection Planning Meeting"
        );
    }

    #[test]
    fn england_counts_from_the_initial_conference() {
        let items = items(Nation::England, d(2026, 11, 16));
        // Ten working days after Monday 16 Nov: Monday 30 Nov.
        assert_eq!(due(&items, ScheduleKind::Visit).0, d(2026, 11, 30));
        assert_eq!(
            due(&items, ScheduleKind::FirstCoreGroup),
            (
                d(2026, 11, 30),
                "10 working days after the initial child protection conference on 16 Nov 2026"
                    .into()
            )
        );
        // Working Together: the first review within 3 months, Tuesday 16
        // Feb 2027, and the report 5 working days before, Tuesday 9 Feb.
        assert_eq!(
            due(&items, ScheduleKind::ReviewConference).0,
            d(2027, 2, 16)
        );
        assert_eq!(due(&items, ScheduleKind::ReviewReport).0, d(2027, 2, 9));
        assert_eq!(
            title(Nation::England, ScheduleKind::ReviewConference),
            "Review child protection conference"
        );
    }

    #[test]
    fn scotland_counts_from_the_cppm_and_skips_st_andrews_day() {
        let items = items(Nation::Scotland, d(2026, 11, 16));
        // Monday 30 Nov 2026 is St Andrew's Day: the tenth working day is
        // Tuesday 1 Dec.
        assert_eq!(due(&items, ScheduleKind::Visit).0, d(2026, 12, 1));
        // The first core group within 15 working days (Appendix D): 17-20,
        // 23-27 Nov are 9, then 1-4 Dec are 13, 7 and 8 Dec 15.
        assert_eq!(
            due(&items, ScheduleKind::FirstCoreGroup),
            (
                d(2026, 12, 8),
                "15 working days after the Child Protection Planning Meeting on 16 Nov 2026".into()
            )
        );
        // The review CPPM within 6 months: Sunday 16 May 2027, so Friday
        // 14 May; the report 5 working days before, Friday 7 May.
        assert_eq!(
            due(&items, ScheduleKind::ReviewConference).0,
            d(2027, 5, 14)
        );
        assert_eq!(due(&items, ScheduleKind::ReviewReport).0, d(2027, 5, 7));
        assert_eq!(
            title(Nation::Scotland, ScheduleKind::ReviewConference),
            "Review Child Protection Planning Meeting"
        );
        let names = Nation::Scotland.profile().names;
        assert_eq!(PlanKind::ChildInNeed.called(&names), "Child's Plan");
        assert_eq!(
            PlanKind::ChildProtection.start_label(&names),
            "Date of the Child Protection Planning Meeting"
        );
    }

    #[test]
    fn wales_names_its_plans_and_keeps_englands_calendar() {
        let items = items(Nation::Wales, d(2026, 11, 16));
        // Within 10 working days of the initial conference (c3pt2, p13).
        assert_eq!(due(&items, ScheduleKind::FirstCoreGroup).0, d(2026, 11, 30));
        // Within three months of the initial conference (c4, p8).
        assert_eq!(
            due(&items, ScheduleKind::ReviewConference).0,
            d(2027, 2, 16)
        );
        let names = Nation::Wales.profile().names;
        assert_eq!(
            PlanKind::ChildProtection.called(&names),
            "care and support protection plan"
        );
        assert_eq!(
            title(Nation::Wales, ScheduleKind::CinReview),
            "Care and support plan review"
        );
    }

    #[test]
    fn northern_ireland_visits_four_weekly_and_keeps_the_twelfth() {
        let items = items(Nation::NorthernIreland, d(2026, 11, 16));
        // "seen at least every four weeks": 16 Nov + 28 days, Monday 14 Dec.
        assert_eq!(due(&items, ScheduleKind::Visit).0, d(2026, 12, 14));
        assert_eq!(
            due(&items, ScheduleKind::ReviewConference).0,
            d(2027, 2, 16)
        );
        assert_eq!(
            title(Nation::NorthernIreland, ScheduleKind::ReviewConference),
            "Review Child Protection Case Conference"
        );
        // From Monday 29 June 2026: 30 Jun, 1-3 Jul, 6-10 Jul are 9 working
        // days; 12 July is a Sunday, so Monday 13 July is the holiday and
        // the tenth is Tuesday 14 July (Monday 13th in England).
        let from = d(2026, 6, 29);
        let first_core_group =
            |nation| due(&items_on(nation, from), ScheduleKind::FirstCoreGroup).0;
        assert_eq!(first_core_group(Nation::NorthernIreland), d(2026, 7, 14));
        assert_eq!(first_core_group(Nation::England), d(2026, 7, 13));
    }

    fn items_on(nation: Nation, start: NaiveDate) -> Vec<ScheduleItem> {
        schedule(&plan_from(start), false, &nation.profile(), d(2026, 7, 1)).unwrap()
    }
}
