//! A length of time as practice standards state it, and how to count it.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::calendar::WorkingDays;

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
