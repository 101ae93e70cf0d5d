//! Bank holidays and working days, computed by rule for any year.
//!
//! The rules are data ([`HolidayRules`]), so a profile for Scotland or
//! Northern Ireland is a different list, not different code. A fixed-date
//! holiday that falls on a weekend, or on a day another holiday already
//! took, moves to the next free weekday: that one rule gives England's
//! Christmas and Boxing Day substitutes and Scotland's 2 January.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::domain::json_path::PathError;
use crate::domain::language::text::{check_text, MAX_PROFILE_TEXT};

/// One kind of bank holiday.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum HolidayRule {
    /// The same day every year; `substitute` moves it off weekends.
    Fixed {
        name: String,
        month: u32,
        day: u32,
        substitute: bool,
    },
    /// Days after Easter Sunday: -2 is Good Friday, 1 is Easter Monday.
    Easter { name: String, offset: i64 },
    /// The first Monday in May, and so on.
    FirstWeekday {
        name: String,
        month: u32,
        weekday: Weekday,
    },
    /// The last Monday in August, and so on.
    LastWeekday {
        name: String,
        month: u32,
        weekday: Weekday,
    },
}

/// A holiday moved for one year, e.g. the 2020 early May bank holiday
/// moved to VE Day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MovedHoliday {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayRules {
    pub rules: Vec<HolidayRule>,
    #[serde(default)]
    pub moved: Vec<MovedHoliday>,
    /// One-off extra holidays: jubilees, coronations, state funerals.
    #[serde(default)]
    pub extra: Vec<NaiveDate>,
    /// The council's own public holidays (Scottish councils set some),
    /// kept apart from the nation's so a reset of one leaves the other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local: Vec<NaiveDate>,
}

/// A holiday on the same day each year, moved off weekends.
fn fixed_day(name: &str, month: u32, day: u32) -> HolidayRule {
    HolidayRule::Fixed {
        name: name.into(),
        month,
        day,
        substitute: true,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid built-in date")
}

impl HolidayRules {
    /// England and Wales, as published by GOV.UK.
    pub fn england_and_wales() -> HolidayRules {
        let fixed = fixed_day;
        HolidayRules {
            rules: vec![
                fixed("New Year's Day", 1, 1),
                HolidayRule::Easter {
                    name: "Good Friday".into(),
                    offset: -2,
                },
                HolidayRule::Easter {
                    name: "Easter Monday".into(),
                    offset: 1,
                },
                HolidayRule::FirstWeekday {
                    name: "Early May bank holiday".into(),
                    month: 5,
                    weekday: Weekday::Mon,
                },
                HolidayRule::LastWeekday {
                    name: "Spring bank holiday".into(),
                    month: 5,
                    weekday: Weekday::Mon,
                },
                HolidayRule::LastWeekday {
                    name: "Summer bank holiday".into(),
                    month: 8,
                    weekday: Weekday::Mon,
                },
                fixed("Christmas Day", 12, 25),
                fixed("Boxing Day", 12, 26),
            ],
            moved: vec![
                // VE Day anniversaries.
                MovedHoliday {
                    from: ymd(1995, 5, 1),
                    to: ymd(1995, 5, 8),
                },
                MovedHoliday {
                    from: ymd(2020, 5, 4),
                    to: ymd(2020, 5, 8),
                },
                // Golden, Diamond and Platinum Jubilees.
                MovedHoliday {
                    from: ymd(2002, 5, 27),
                    to: ymd(2002, 6, 4),
                },
                MovedHoliday {
                    from: ymd(2012, 5, 28),
                    to: ymd(2012, 6, 4),
                },
                MovedHoliday {
                    from: ymd(2022, 5, 30),
                    to: ymd(2022, 6, 2),
                },
            ],
            extra: vec![
                ymd(1999, 12, 31), // Millennium
                ymd(2002, 6, 3),   // Golden Jubilee
                ymd(2011, 4, 29),  // Royal wedding
                ymd(2012, 6, 5),   // Diamond Jubilee
                ymd(2022, 6, 3),   // Platinum Jubilee
                ymd(2022, 9, 19),  // State funeral of Queen Elizabeth II
                ymd(2023, 5, 8),   // Coronation of King Charles III
            ],
            local: Vec::new(),
        }
    }

    /// Scotland, as published by GOV.UK: 2 January, the first Monday in
    /// August and St Andrew's Day, with no Easter Monday, and the one-off
    /// day of 15 June 2026 (`../shared/nations.md`).
    pub fn scotland() -> HolidayRules {
        let mut rules = HolidayRules::england_and_wales();
        rules.rules.retain(|r| {
            !matches!(r, HolidayRule::Easter { offset: 1, .. })
                && !matches!(r, HolidayRule::LastWeekday { month: 8, .. })
        });
        rules.rules.insert(1, fixed_day("2 January", 1, 2));
        rules.rules.push(HolidayRule::FirstWeekday {
            name: "Summer bank holiday".into(),
            month: 8,
            weekday: Weekday::Mon,
        });
        rules.rules.push(fixed_day("St Andrew's Day", 11, 30));
        rules.extra.push(ymd(2026, 6, 15)); // Scotland at the World Cup
        rules
    }

    /// Northern Ireland, as published by GOV.UK: England and Wales's, with
    /// St Patrick's Day and the Battle of the Boyne.
    pub fn northern_ireland() -> HolidayRules {
        let mut rules = HolidayRules::england_and_wales();
        rules.rules.push(fixed_day("St Patrick's Day", 3, 17));
        rules
            .rules
            .push(fixed_day("Battle of the Boyne (Orangemen's Day)", 7, 12));
        rules
    }

    /// The most rules, moved days and one-off days a calendar may hold.
    pub const MAX_ENTRIES: usize = 500;
    /// How far from Easter Sunday a holiday may be: Whit Monday is 50 days
    /// after, Shrove Tuesday 47 before.
    pub const MAX_EASTER_OFFSET: i64 = 100;

    /// Every rule range-checked, the first problem named by its JSON path
    /// under `path`.
    pub fn check(&self, path: &str) -> Result<(), PathError> {
        for (list, len) in [
            ("rules", self.rules.len()),
            ("moved", self.moved.len()),
            ("extra", self.extra.len()),
            ("local", self.local.len()),
        ] {
            if len > Self::MAX_ENTRIES {
                return Err(PathError::at(
                    format!("{path}.{list}"),
                    format!("{len} entries; the limit is {}", Self::MAX_ENTRIES),
                ));
            }
        }
        let month_ok = |at: &str, month: u32| {
            if (1..=12).contains(&month) {
                Ok(())
            } else {
                Err(PathError::at(
                    format!("{at}.month"),
                    format!("{month} is not a month: use 1 to 12"),
                ))
            }
        };
        for (i, rule) in self.rules.iter().enumerate() {
            let (kind, name) = match rule {
                HolidayRule::Fixed { name, .. } => ("fixed", name),
                HolidayRule::Easter { name, .. } => ("easter", name),
                HolidayRule::FirstWeekday { name, .. } => ("first_weekday", name),
                HolidayRule::LastWeekday { name, .. } => ("last_weekday", name),
            };
            let at = format!("{path}.rules[{i}].{kind}");
            check_text(&format!("{at}.name"), name, MAX_PROFILE_TEXT)?;
            match rule {
                HolidayRule::Fixed { month, day, .. } => {
                    month_ok(&at, *month)?;
                    // 2024 is a leap year, so 29 February passes.
                    if NaiveDate::from_ymd_opt(2024, *month, *day).is_none() {
                        return Err(PathError::at(
                            format!("{at}.day"),
                            format!("there is no day {day} in month {month}"),
                        ));
                    }
                }
                HolidayRule::Easter { offset, .. } => {
                    if offset.abs() > Self::MAX_EASTER_OFFSET {
                        return Err(PathError::at(
                            format!("{at}.offset"),
                            format!(
                                "{offset} days from Easter is out of range: use -{0} to {0}",
                                Self::MAX_EASTER_OFFSET
                            ),
                        ));
                    }
                }
                HolidayRule::FirstWeekday { month, .. }
                | HolidayRule::LastWeekday { month, .. } => month_ok(&at, *month)?,
            }
        }
        Ok(())
    }

    /// Every bank holiday in `year`, in date order.
    pub fn holidays(&self, year: i32) -> BTreeSet<NaiveDate> {
        let mut days = BTreeSet::new();
        // Movable ones first, so fixed days that clash with them move on.
        for rule in &self.rules {
            match rule {
                HolidayRule::Easter { offset, .. } => {
                    // Checked: an unchecked profile must not overflow a date.
                    if let Some(d) = Duration::try_days(*offset)
                        .and_then(|o| easter_sunday(year)?.checked_add_signed(o))
                    {
                        days.insert(d);
                    }
                }
                HolidayRule::FirstWeekday { month, weekday, .. } => {
                    if let Some(d) = NaiveDate::from_weekday_of_month_opt(year, *month, *weekday, 1)
                    {
                        days.insert(d);
                    }
                }
                HolidayRule::LastWeekday { month, weekday, .. } => {
                    if let Some(d) = last_weekday(year, *month, *weekday) {
                        days.insert(d);
                    }
                }
                HolidayRule::Fixed { .. } => {}
            }
        }
        for rule in &self.rules {
            if let HolidayRule::Fixed {
                month,
                day,
                substitute,
                ..
            } = rule
            {
                let Some(mut d) = NaiveDate::from_ymd_opt(year, *month, *day) else {
                    continue;
                };
                if *substitute {
                    while is_weekend(d) || days.contains(&d) {
                        let Some(next) = d.succ_opt() else { break };
                        d = next;
                    }
                }
                days.insert(d);
            }
        }
        for moved in self.moved.iter().filter(|m| m.from.year() == year) {
            days.remove(&moved.from);
            days.insert(moved.to);
        }
        days.extend(
            self.extra
                .iter()
                .chain(&self.local)
                .filter(|d| d.year() == year),
        );
        days
    }
}

/// Easter Sunday by the Gregorian computus (the anonymous algorithm);
/// `None` for a year outside chrono's dates.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if !(NaiveDate::MIN.year()..=NaiveDate::MAX.year()).contains(&year) {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let mut d = first_of_next.pred_opt()?;
    while d.weekday() != weekday {
        d = d.pred_opt()?;
    }
    Some(d)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Working-day arithmetic over a holiday calendar, with each year's
/// holidays worked out once.
pub struct WorkingDays<'a> {
    rules: &'a HolidayRules,
    cache: std::cell::RefCell<std::collections::HashMap<i32, BTreeSet<NaiveDate>>>,
}

impl<'a> WorkingDays<'a> {
    pub fn new(rules: &'a HolidayRules) -> WorkingDays<'a> {
        WorkingDays {
            rules,
            cache: Default::default(),
        }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if is_weekend(d) {
            return false;
        }
        let mut cache = self.cache.borrow_mut();
        !cache
            .entry(d.year())
            .or_insert_with(|| self.rules.holidays(d.year()))
            .contains(&d)
    }

    /// The working day `n` working days after `from` (before it, if `n` is
    /// negative). `from` itself is not counted.
    pub fn add(&self, from: NaiveDate, n: i64) -> Option<NaiveDate> {
        let step = if n < 0 { -1 } else { 1 };
        let mut d = from;
        let mut left = n.abs();
        while left > 0 {
            d = d.checked_add_signed(Duration::days(step))?;
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        Some(d)
    }

    /// The last working day on or before `d`: when a deadline "within" a
    /// period ends on a weekend or bank holiday, the work must be done by
    /// then. `None` only at the start of the calendar.
    pub fn on_or_before(&self, d: NaiveDate) -> Option<NaiveDate> {
        let mut day = d;
        while !self.is_working_day(day) {
            day = day.pred_opt()?;
        }
        Some(day)
    }

    /// Working days from `from` to `to`, counting `to` but not `from`.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (lo, hi, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        lo.iter_days()
            .skip(1)
            .take_while(|d| *d <= hi)
            .filter(|d| self.is_working_day(*d))
            .count() as i64
            * sign
    }
}

#[cfg(test)]
mod tests;
