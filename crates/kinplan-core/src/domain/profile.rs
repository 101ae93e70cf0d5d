//! A council's practice profile: its timescales and bank holidays, kept as
//! data so that a council, or Wales, Scotland or Northern Ireland, can ship
//! its own as a JSON file with no change to the code.
//!
//! The shipped default is England's, from Working Together to Safeguard
//! Children and the local standards in `domain.md` ("Timescales").

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::language::plain_english::{england_jargon, Jargon};
use crate::domain::language::text::{check_text, MAX_PROFILE_TEXT};
use crate::domain::persist::json_path::PathError;
use crate::domain::plans::calendar::{HolidayRules, WorkingDays};

/// A length of time as practice standards state them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Days(u32),
    WorkingDays(u32),
    Weeks(u32),
    Months(u32),
}

impl Period {
    pub fn after(self, from: NaiveDate, wd: &WorkingDays) -> Option<NaiveDate> {
        match self {
            Period::Days(n) => from.checked_add_days(chrono::Days::new(n.into())),
            Period::WorkingDays(n) => wd.add(from, n.into()),
            Period::Weeks(n) => from.checked_add_days(chrono::Days::new(u64::from(n) * 7)),
            Period::Months(n) => from.checked_add_months(Months::new(n)),
        }
    }

    /// The deadline for something due "within" this period of `from`: the
    /// period's end, or the last working day before it when it ends on a
    /// weekend or bank holiday. Working days always end on a working day.
    pub fn deadline(self, from: NaiveDate, wd: &WorkingDays) -> Option<NaiveDate> {
        wd.on_or_before(self.after(from, wd)?)
    }

    pub fn before(self, from: NaiveDate, wd: &WorkingDays) -> Option<NaiveDate> {
        match self {
            Period::Days(n) => from.checked_sub_days(chrono::Days::new(n.into())),
            Period::WorkingDays(n) => wd.add(from, -i64::from(n)),
            Period::Weeks(n) => from.checked_sub_days(chrono::Days::new(u64::from(n) * 7)),
            Period::Months(n) => from.checked_sub_months(Months::new(n)),
        }
    }

    /// "10 working days", "3 months".
    pub fn describe(self) -> String {
        let (n, unit) = match self {
            Period::Days(n) => (n, "day"),
            Period::WorkingDays(n) => (n, "working day"),
            Period::Weeks(n) => (n, "week"),
            Period::Months(n) => (n, "month"),
        };
        format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timescales {
    pub cp_first_core_group: Period,
    pub cp_core_group_every: Period,
    pub cp_visit_every: Period,
    pub cp_baby_visit_every: Period,
    pub cp_first_review: Period,
    pub cp_review_every: Period,
    pub cp_review_report_before: Period,
    pub cin_visit_every: Period,
    pub cin_baby_visit_every: Period,
    pub cin_review_every: Period,
    pub assessment_update_every: Period,
    pub plan_shared_within: Period,
    /// Items due within this are shown as "due soon".
    pub due_soon_within: Period,
}

/// One timescale, for pages that list and edit them all.
pub struct TimescaleField {
    pub key: &'static str,
    pub label: &'static str,
    pub get: fn(&Timescales) -> Period,
    pub set: fn(&mut Timescales, Period),
}

macro_rules! fields {
    ($($key:ident: $label:expr),* $(,)?) => {
        /// Every timescale, in the order practice meets them.
        pub const TIMESCALES: &[TimescaleField] = &[$(TimescaleField {
            key: stringify!($key),
            label: $label,
            get: |t| t.$key,
            set: |t, p| t.$key = p,
        }),*];
    };
}

fields! {
    cp_first_core_group: "First core group, after the initial conference",
    cp_core_group_every: "Core group meetings, every",
    cp_visit_every: "Child Protection visits, every",
    cp_baby_visit_every: "Child Protection visits to a baby under 1, every",
    cp_first_review: "First review conference, after the initial conference",
    cp_review_every: "Review conferences after that, every",
    cp_review_report_before: "Review conference report to the family, before the conference",
    cin_visit_every: "Child in Need visits, every",
    cin_baby_visit_every: "Child in Need visits to a baby under 1, every",
    cin_review_every: "Child in Need reviews, every",
    assessment_update_every: "Assessment updated, every",
    plan_shared_within: "Plan shared with the family, within",
    due_soon_within: "Show as \u{201c}due soon\u{201d} within",
}

impl Period {
    pub fn count(self) -> u32 {
        match self {
            Period::Days(n) | Period::WorkingDays(n) | Period::Weeks(n) | Period::Months(n) => n,
        }
    }

    /// The unit's name, as in the JSON.
    pub fn unit(self) -> &'static str {
        match self {
            Period::Days(_) => "days",
            Period::WorkingDays(_) => "working_days",
            Period::Weeks(_) => "weeks",
            Period::Months(_) => "months",
        }
    }

    /// The longest a timescale may be in this unit: two years. Anything
    /// longer is a typing slip, and would make schedules count for ever.
    pub fn max_count(self) -> u32 {
        match self {
            Period::Days(_) => 730,
            Period::WorkingDays(_) => 520,
            Period::Weeks(_) => 104,
            Period::Months(_) => 24,
        }
    }

    /// Whether the count is from 1 to [`Period::max_count`], in words if not.
    pub fn check(self) -> Result<(), String> {
        let (n, max) = (self.count(), self.max_count());
        if (1..=max).contains(&n) {
            Ok(())
        } else {
            Err(format!(
                "{n} is out of range: use 1 to {max} {}",
                self.unit().replace('_', " ")
            ))
        }
    }

    pub fn from_parts(count: u32, unit: &str) -> Option<Period> {
        match unit {
            "days" => Some(Period::Days(count)),
            "working_days" => Some(Period::WorkingDays(count)),
            "weeks" => Some(Period::Weeks(count)),
            "months" => Some(Period::Months(count)),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeProfile {
    pub name: String,
    pub timescales: Timescales,
    pub holidays: HolidayRules,
    /// Words families find hard, with plain alternatives. A council adds
    /// its own here; profiles from before the list existed get England's.
    #[serde(default = "crate::domain::language::plain_english::england_jargon")]
    pub jargon: Vec<Jargon>,
    /// The fewest people, besides the parents and workers, a safety
    /// network should have before the plan stops saying so.
    #[serde(default = "default_min_safety_network")]
    pub min_safety_network: usize,
    /// The kinds of event a chronology sorts by; a council uses its own.
    #[serde(default = "crate::domain::chronology::default_categories")]
    pub chronology_categories: Vec<String>,
}

fn default_min_safety_network() -> usize {
    crate::domain::safety_plan::DEFAULT_MIN_NETWORK
}

impl Default for PracticeProfile {
    fn default() -> Self {
        PracticeProfile::england()
    }
}

impl PracticeProfile {
    pub fn england() -> PracticeProfile {
        PracticeProfile {
            name: "England (Working Together defaults)".into(),
            timescales: Timescales {
                cp_first_core_group: Period::WorkingDays(10),
                cp_core_group_every: Period::Months(1),
                cp_visit_every: Period::WorkingDays(10),
                cp_baby_visit_every: Period::Weeks(2),
                cp_first_review: Period::Months(3),
                cp_review_every: Period::Months(6),
                cp_review_report_before: Period::WorkingDays(5),
                cin_visit_every: Period::Weeks(4),
                cin_baby_visit_every: Period::Weeks(3),
                cin_review_every: Period::Weeks(6),
                assessment_update_every: Period::Months(6),
                plan_shared_within: Period::WorkingDays(7),
                due_soon_within: Period::WorkingDays(5),
            },
            holidays: HolidayRules::england_and_wales(),
            jargon: england_jargon(),
            min_safety_network: default_min_safety_network(),
            chronology_categories: crate::domain::chronology::default_categories(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a profile always serialises")
    }

    /// Reads a profile file, naming the field that is wrong: its shape,
    /// and then every number and text against [`PracticeProfile::check`].
    pub fn from_json(text: &str) -> Result<PracticeProfile, String> {
        let profile: PracticeProfile =
            crate::domain::persist::json_path::read(text).map_err(|e| e.to_string())?;
        profile.check().map_err(|e| e.to_string())?;
        Ok(profile)
    }

    /// Every value a profile file can hold, range-checked, so that no
    /// profile can make a schedule count for ever or a date overflow. The
    /// first problem is returned with its JSON path.
    pub fn check(&self) -> Result<(), PathError> {
        check_text("name", &self.name, MAX_PROFILE_TEXT)?;
        for field in TIMESCALES {
            (field.get)(&self.timescales)
                .check()
                .map_err(|m| PathError::at(format!("timescales.{}", field.key), m))?;
        }
        self.holidays.check("holidays")?;
        if self.jargon.len() > MAX_JARGON {
            return Err(PathError::at(
                "jargon",
                format!("{} words; the limit is {MAX_JARGON}", self.jargon.len()),
            ));
        }
        for (i, j) in self.jargon.iter().enumerate() {
            check_text(&format!("jargon[{i}].term"), &j.term, MAX_PROFILE_TEXT)?;
            check_text(&format!("jargon[{i}].plain"), &j.plain, MAX_PROFILE_TEXT)?;
            if let Some(full) = &j.full {
                check_text(&format!("jargon[{i}].full"), full, MAX_PROFILE_TEXT)?;
            }
        }
        Ok(())
    }
}

/// The most jargon terms a profile may list.
pub const MAX_JARGON: usize = 2_000;

#[cfg(test)]
mod tests {
    use super::*;

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
}
