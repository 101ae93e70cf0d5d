//! The statutory schedule of a plan: when the next visit, core group,
//! review and report are due, worked out from the plan's start date, what
//! has been recorded since, and the practice profile.
//!
//! Recording a visit or a meeting moves its item on: the next one is due a
//! period after the last one that happened, not after the start.

use chrono::{Datelike, NaiveDate};

use crate::domain::calendar::WorkingDays;
use crate::domain::case::Case;
use crate::domain::language::print_words::ScheduleWords;
use crate::domain::plans::{EventKind, Plan, PlanKind, ReviewKind};
use crate::domain::profile::{sentence, Period, PracticeNames, PracticeProfile};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleKind {
    Visit,
    FirstCoreGroup,
    CoreGroup,
    ReviewConference,
    ReviewReport,
    CinReview,
    AssessmentUpdate,
}

impl ScheduleKind {
    /// What is due, in the names of the profile's guidance.
    pub fn title(self, names: &PracticeNames) -> String {
        match self {
            ScheduleKind::Visit => "Visit to the child".into(),
            ScheduleKind::FirstCoreGroup => format!("First {} meeting", names.core_group),
            ScheduleKind::CoreGroup => format!("{} meeting", sentence(&names.core_group)),
            ScheduleKind::ReviewConference => sentence(&names.review_conference),
            ScheduleKind::ReviewReport => format!(
                "Report for the {} shared with the family",
                names.review_conference
            ),
            ScheduleKind::CinReview => sentence(&names.child_in_need_review),
            ScheduleKind::AssessmentUpdate => "Assessment updated".into(),
        }
    }

    /// What is due, in a family print's words.
    pub fn in_words(self, words: &ScheduleWords) -> &'static str {
        match self {
            ScheduleKind::Visit => words.visit,
            ScheduleKind::FirstCoreGroup => words.first_core_group,
            ScheduleKind::CoreGroup => words.core_group,
            ScheduleKind::ReviewConference => words.review_conference,
            ScheduleKind::ReviewReport => words.review_report,
            ScheduleKind::CinReview => words.cin_review,
            ScheduleKind::AssessmentUpdate => words.assessment_update,
        }
    }

    /// A stable code for the export and the audit tool.
    pub fn code(self) -> &'static str {
        match self {
            ScheduleKind::Visit => "visit",
            ScheduleKind::FirstCoreGroup => "first_core_group",
            ScheduleKind::CoreGroup => "core_group",
            ScheduleKind::ReviewConference => "review_conference",
            ScheduleKind::ReviewReport => "review_report",
            ScheduleKind::CinReview => "cin_review",
            ScheduleKind::AssessmentUpdate => "assessment_update",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueState {
    Overdue,
    DueSoon,
    Upcoming,
}

impl DueState {
    pub fn title(self) -> &'static str {
        match self {
            DueState::Overdue => "Overdue",
            DueState::DueSoon => "Due soon",
            DueState::Upcoming => "Due",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleItem {
    pub kind: ScheduleKind,
    pub due: NaiveDate,
    pub state: DueState,
    /// Why it is due then, in words: "10 working days after the visit on 3 Nov 2026".
    pub basis: String,
}

/// A date that makes the schedule meaningless, with a message to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    NoStart,
    StartTooOld(NaiveDate),
    StartTooFarAhead(NaiveDate),
    EventBeforeStart(NaiveDate),
    EventInFuture(NaiveDate),
}

impl std::fmt::Display for DateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::domain::language::dates::day_month_year as d;
        match self {
            DateProblem::NoStart => write!(
                f,
                "Add the plan's start date to see when visits and meetings are due."
            ),
            DateProblem::StartTooOld(s) => write!(
                f,
                "The start date {} is more than 5 years ago. Check the year.",
                d(*s)
            ),
            DateProblem::StartTooFarAhead(s) => write!(
                f,
                "The start date {} is more than a year ahead. Check the year.",
                d(*s)
            ),
            DateProblem::EventBeforeStart(e) => write!(
                f,
                "Something is recorded on {}, before the plan started. Check its date.",
                d(*e)
            ),
            DateProblem::EventInFuture(e) => write!(
                f,
                "Something is recorded as happened on {}, which is in the future. Check its date.",
                d(*e)
            ),
        }
    }
}

/// Problems with the plan's dates; the schedule is only shown without them.
pub fn check_dates(plan: &Plan, today: NaiveDate) -> Vec<DateProblem> {
    let Some(start) = plan.start else {
        return vec![DateProblem::NoStart];
    };
    let mut problems = Vec::new();
    if start.year() < today.year() - 5 {
        problems.push(DateProblem::StartTooOld(start));
    }
    if start
        > today
            .checked_add_months(chrono::Months::new(12))
            .unwrap_or(today)
    {
        problems.push(DateProblem::StartTooFarAhead(start));
    }
    let recorded = plan
        .events
        .iter()
        .map(|e| e.date)
        .chain(plan.reviews.iter().map(|r| r.date));
    for date in recorded {
        if date < start {
            problems.push(DateProblem::EventBeforeStart(date));
        } else if date > today {
            problems.push(DateProblem::EventInFuture(date));
        }
    }
    problems
}

/// The next date of each kind of statutory event, soonest first.
/// `baby` is whether the youngest child covered is under 1.
pub fn schedule(
    plan: &Plan,
    baby: bool,
    profile: &PracticeProfile,
    today: NaiveDate,
) -> Result<Vec<ScheduleItem>, Vec<DateProblem>> {
    let problems = check_dates(plan, today);
    if !problems.is_empty() {
        return Err(problems);
    }
    let start = plan.start.expect("checked above");
    let t = &profile.timescales;
    let names = &profile.names;
    let initial = format!("the {}", names.initial_conference);
    let last_review = format!("the last {}", names.review_conference);
    let last_core_group = format!("the last {}", names.core_group);
    let wd = WorkingDays::new(&profile.holidays);
    let reviewed = |kind: ReviewKind| {
        plan.reviews
            .iter()
            .filter(move |r| r.kind == kind)
            .map(|r| r.date)
    };
    // A core group that reviewed the plan was a core group meeting.
    let last = |kind: EventKind| {
        let events = plan
            .events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date);
        match kind {
            EventKind::CoreGroup => events.chain(reviewed(ReviewKind::CoreGroup)).max(),
            _ => events.max(),
        }
    };
    let last_reviewed = match plan.kind {
        PlanKind::ChildProtection => reviewed(ReviewKind::ReviewConference).max(),
        PlanKind::ChildInNeed => reviewed(ReviewKind::ChildInNeed).max(),
    };
    let soon_limit = t.due_soon_within.after(today, &wd).unwrap_or(today);

    // The next `kind`, due `period` after `from` (`what` happened then).
    let next = |kind: ScheduleKind, period: Period, from: NaiveDate, what: &str| {
        let due = period.deadline(from, &wd)?;
        let basis = format!(
            "{} after {what} on {}",
            period.describe(),
            crate::domain::language::dates::day_month_year(from)
        );
        Some(item(kind, due, today, soon_limit, basis))
    };

    let mut items = Vec::new();
    match plan.kind {
        PlanKind::ChildProtection => {
            let every = if baby {
                t.cp_baby_visit_every
            } else {
                t.cp_visit_every
            };
            items.extend(match last(EventKind::Visit) {
                Some(v) => next(ScheduleKind::Visit, every, v, "the last visit"),
                None => next(ScheduleKind::Visit, every, start, &initial),
            });
            items.extend(match last(EventKind::CoreGroup) {
                Some(c) => next(
                    ScheduleKind::CoreGroup,
                    t.cp_core_group_every,
                    c,
                    &last_core_group,
                ),
                None => next(
                    ScheduleKind::FirstCoreGroup,
                    t.cp_first_core_group,
                    start,
                    &initial,
                ),
            });
            let review = match last_reviewed {
                Some(r) => next(
                    ScheduleKind::ReviewConference,
                    t.cp_review_every,
                    r,
                    &last_review,
                ),
                None => next(
                    ScheduleKind::ReviewConference,
                    t.cp_first_review,
                    start,
                    &initial,
                ),
            };
            if let Some(review) = review {
                if let Some(report) = t.cp_review_report_before.before(review.due, &wd) {
                    let basis = format!(
                        "{} before the {}",
                        t.cp_review_report_before.describe(),
                        names.review_conference
                    );
                    items.push(item(
                        ScheduleKind::ReviewReport,
                        report,
                        today,
                        soon_limit,
                        basis,
                    ));
                }
                items.push(review);
            }
        }
        PlanKind::ChildInNeed => {
            let every = if baby {
                t.cin_baby_visit_every
            } else {
                t.cin_visit_every
            };
            items.extend(match last(EventKind::Visit) {
                Some(v) => next(ScheduleKind::Visit, every, v, "the last visit"),
                None => next(ScheduleKind::Visit, every, start, "the assessment decision"),
            });
            items.extend(match last_reviewed {
                Some(r) => next(
                    ScheduleKind::CinReview,
                    t.cin_review_every,
                    r,
                    "the last review",
                ),
                None => next(
                    ScheduleKind::CinReview,
                    t.cin_review_every,
                    start,
                    "the assessment decision",
                ),
            });
        }
    }
    items.extend(match last(EventKind::AssessmentUpdate) {
        Some(a) => next(
            ScheduleKind::AssessmentUpdate,
            t.assessment_update_every,
            a,
            "the last update",
        ),
        None => next(
            ScheduleKind::AssessmentUpdate,
            t.assessment_update_every,
            start,
            "the plan started",
        ),
    });
    items.sort_by_key(|i| i.due);
    Ok(items)
}

fn item(
    kind: ScheduleKind,
    due: NaiveDate,
    today: NaiveDate,
    soon_limit: NaiveDate,
    basis: String,
) -> ScheduleItem {
    let state = if due < today {
        DueState::Overdue
    } else if due <= soon_limit {
        DueState::DueSoon
    } else {
        DueState::Upcoming
    };
    ScheduleItem {
        kind,
        due,
        state,
        basis,
    }
}

/// The soonest statutory deadline across a case's plans.
pub fn next_deadline(
    case: &Case,
    profile: &PracticeProfile,
    today: NaiveDate,
) -> Option<ScheduleItem> {
    case.documents
        .plans
        .iter()
        .filter_map(|plan| {
            schedule(plan, case.has_baby(&plan.children, today), profile, today).ok()
        })
        .flatten()
        .min_by_key(|item| item.due)
}

/// The date of the next review, which actions should be due before.
pub fn next_review(plan: &Plan, profile: &PracticeProfile, today: NaiveDate) -> Option<NaiveDate> {
    let items = schedule(plan, false, profile, today).ok()?;
    items
        .iter()
        .find(|i| {
            matches!(
                i.kind,
                ScheduleKind::ReviewConference | ScheduleKind::CinReview
            )
        })
        .map(|i| i.due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plans::{PlanReview, RecordedEvent};
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn cp_plan(start: NaiveDate) -> Plan {
        let mut plan = Plan::new(
            PlanKind::ChildProtection,
            Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
        );
        plan.start = Some(start);
        plan
    }

    fn review(date: NaiveDate, kind: ReviewKind) -> PlanReview {
        PlanReview {
            id: Uuid::new_v4(),
            date,
            kind,
            attended: vec![],
            progress: vec![],
            scale: None,
            decisions: String::new(),
        }
    }

    fn due(items: &[ScheduleItem], kind: ScheduleKind) -> NaiveDate {
        items.iter().find(|i| i.kind == kind).unwrap().due
    }

    #[test]
    fn child_protection_schedule_from_the_initial_conference() {
        let profile = PracticeProfile::england();
        let plan = cp_plan(d(2026, 11, 2));
        let items = schedule(&plan, false, &profile, d(2026, 11, 3)).unwrap();
        assert_eq!(due(&items, ScheduleKind::FirstCoreGroup), d(2026, 11, 16));
        assert_eq!(due(&items, ScheduleKind::Visit), d(2026, 11, 16));
        assert_eq!(due(&items, ScheduleKind::ReviewConference), d(2027, 2, 2));
        assert_eq!(due(&items, ScheduleKind::ReviewReport), d(2027, 1, 26));
        // 6 months after 2 Nov 2026 is Sunday 2 May 2027; the update is
        // due by the last working day before, Friday 30 April (GOV.UK: the
        // early May bank holiday is Monday 3 May 2027).
        assert_eq!(due(&items, ScheduleKind::AssessmentUpdate), d(2027, 4, 30));
        assert!(
            items.windows(2).all(|w| w[0].due <= w[1].due),
            "soonest first"
        );
    }

    #[test]
    fn a_baby_is_visited_every_two_weeks() {
        let profile = PracticeProfile::england();
        let items = schedule(&cp_plan(d(2026, 11, 2)), true, &profile, d(2026, 11, 3)).unwrap();
        assert_eq!(due(&items, ScheduleKind::Visit), d(2026, 11, 16));
        let mut plan = cp_plan(d(2026, 11, 2));
        plan.events.push(RecordedEvent {
            kind: EventKind::Visit,
            date: d(2026, 11, 20),
        });
        let items = schedule(&plan, true, &profile, d(2026, 11, 21)).unwrap();
        assert_eq!(due(&items, ScheduleKind::Visit), d(2026, 12, 4));
    }

    #[test]
    fn recording_events_moves_the_schedule_on() {
        let profile = PracticeProfile::england();
        let mut plan = cp_plan(d(2026, 11, 2));
        plan.events.push(RecordedEvent {
            kind: EventKind::Visit,
            date: d(2026, 12, 18),
        });
        plan.events.push(RecordedEvent {
            kind: EventKind::CoreGroup,
            date: d(2026, 11, 13),
        });
        plan.reviews
            .push(review(d(2027, 2, 1), ReviewKind::ReviewConference));
        let items = schedule(&plan, false, &profile, d(2027, 2, 3)).unwrap();
        // 10 working days after 18 Dec 2026 skips Christmas, Boxing Day (28th) and New Year.
        assert_eq!(due(&items, ScheduleKind::Visit), d(2027, 1, 6));
        // A month after 13 Nov 2026 is Sunday 13 Dec: due Friday 11 Dec.
        assert_eq!(due(&items, ScheduleKind::CoreGroup), d(2026, 12, 11));
        assert!(items.iter().all(|i| i.kind != ScheduleKind::FirstCoreGroup));
        // 6 months after 1 Feb 2027 is Sunday 1 Aug: due Friday 30 July.
        assert_eq!(due(&items, ScheduleKind::ReviewConference), d(2027, 7, 30));
        let visit = items
            .iter()
            .find(|i| i.kind == ScheduleKind::Visit)
            .unwrap();
        assert_eq!(visit.state, DueState::Overdue);
        assert_eq!(
            visit.basis,
            "10 working days after the last visit on 18 Dec 2026"
        );
    }

    #[test]
    fn only_a_review_conference_moves_the_conference() {
        let profile = PracticeProfile::england();
        let mut plan = cp_plan(d(2026, 11, 16));
        plan.reviews
            .push(review(d(2026, 12, 2), ReviewKind::CoreGroup));
        let items = schedule(&plan, false, &profile, d(2026, 12, 3)).unwrap();
        // Within 3 months of the initial conference: Tuesday 16 Feb 2027.
        assert_eq!(due(&items, ScheduleKind::ReviewConference), d(2027, 2, 16));
        // The core group that reviewed the plan was a core group meeting:
        // the next is within a month of 2 Dec, by Saturday 2 Jan 2027, so
        // Thursday 31 Dec (Friday 1 Jan is New Year's Day).
        assert_eq!(due(&items, ScheduleKind::CoreGroup), d(2026, 12, 31));

        plan.reviews[0].kind = ReviewKind::ReviewConference;
        let items = schedule(&plan, false, &profile, d(2026, 12, 3)).unwrap();
        // 6 months after 2 Dec 2026: Wednesday 2 June 2027.
        assert_eq!(due(&items, ScheduleKind::ReviewConference), d(2027, 6, 2));
    }

    #[test]
    fn child_in_need_schedule() {
        let profile = PracticeProfile::england();
        let mut plan = cp_plan(d(2026, 11, 2));
        plan.kind = PlanKind::ChildInNeed;
        let items = schedule(&plan, false, &profile, d(2026, 11, 3)).unwrap();
        assert_eq!(due(&items, ScheduleKind::Visit), d(2026, 11, 30));
        assert_eq!(due(&items, ScheduleKind::CinReview), d(2026, 12, 14));
        let baby = schedule(&plan, true, &profile, d(2026, 11, 3)).unwrap();
        assert_eq!(due(&baby, ScheduleKind::Visit), d(2026, 11, 23));
        assert_eq!(
            next_review(&plan, &profile, d(2026, 11, 3)),
            Some(d(2026, 12, 14))
        );
    }

    #[test]
    fn due_soon_and_overdue() {
        let profile = PracticeProfile::england();
        let plan = cp_plan(d(2026, 11, 2));
        let state = |today| {
            schedule(&plan, false, &profile, today)
                .unwrap()
                .iter()
                .find(|i| i.kind == ScheduleKind::Visit)
                .unwrap()
                .state
        };
        assert_eq!(state(d(2026, 11, 3)), DueState::Upcoming);
        assert_eq!(state(d(2026, 11, 10)), DueState::DueSoon);
        assert_eq!(state(d(2026, 11, 17)), DueState::Overdue);
    }

    #[test]
    fn bad_dates_give_messages_not_a_schedule() {
        let profile = PracticeProfile::england();
        let today = d(2026, 11, 22);
        let mut plan = cp_plan(d(1900, 1, 1));
        assert!(matches!(
            schedule(&plan, false, &profile, today).unwrap_err()[0],
            DateProblem::StartTooOld(_)
        ));
        plan.start = Some(d(2046, 11, 22));
        let problems = schedule(&plan, false, &profile, today).unwrap_err();
        assert_eq!(
            problems,
            vec![DateProblem::StartTooFarAhead(d(2046, 11, 22))]
        );
        assert!(problems[0].to_string().contains("more than a year ahead"));
        plan.start = Some(d(2026, 11, 2));
        plan.events.push(RecordedEvent {
            kind: EventKind::Visit,
            date: d(2026, 10, 1),
        });
        assert_eq!(
            schedule(&plan, false, &profile, today).unwrap_err(),
            vec![DateProblem::EventBeforeStart(d(2026, 10, 1))]
        );
        plan.start = None;
        assert_eq!(
            schedule(&plan, false, &profile, today).unwrap_err(),
            vec![DateProblem::NoStart]
        );
    }
}
