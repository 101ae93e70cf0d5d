//! The case's chronology: significant events in the children's lives in
//! date order, with what was done and what came of it, so that patterns
//! show (repeated incidents, missed appointments, moves, new partners).
//!
//! Two kinds of entry meet here. Events the worker records
//! ([`RecordedEvent`]) are kept in the case; a date and one line are enough,
//! and one still without an action or an outcome is flagged, since file
//! audits keep finding chronologies that list events and nothing else.
//! Events Kinplan already knows (map reviews, plan starts, conferences and
//! core groups, visits, network meetings) are not copied in: [`entries`]
//! reads them from their tools each time, so they stay linked and a change
//! there shows here.
//!
//! A date may be known to the day, the month or only the year
//! ([`EventDate`]); it sorts by its first possible day.

pub mod analysis;
mod linked;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::case::Case;
use crate::domain::language::dates;
use crate::domain::profile::PracticeNames;

/// When something happened, as precisely as it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

impl EventDate {
    /// The first day it can have been: what it sorts and counts by.
    pub fn first_day(self) -> NaiveDate {
        match self {
            EventDate::Day(d) => d,
            EventDate::Month { year, month } => {
                NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
            }
            EventDate::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
        }
    }

    /// The last day it can have been.
    pub fn last_day(self) -> NaiveDate {
        match self {
            EventDate::Day(d) => d,
            EventDate::Month { .. } => {
                let first = self.first_day();
                let next = first
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(NaiveDate::MAX);
                next.pred_opt().unwrap_or(first)
            }
            EventDate::Year(year) => {
                NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
            }
        }
    }

    /// "3 Mar 2026", "March 2026", "2026".
    pub fn display(self) -> String {
        match self {
            EventDate::Day(d) => dates::day_month_year(d),
            EventDate::Month { .. } => self.first_day().format("%B %Y").to_string(),
            EventDate::Year(year) => year.to_string(),
        }
    }

    /// The same date, kept only as precisely as `precision`.
    pub fn to_precision(self, precision: DatePrecision) -> EventDate {
        let d = self.first_day();
        match precision {
            DatePrecision::Day => EventDate::Day(d),
            DatePrecision::Month => EventDate::Month {
                year: d.year(),
                month: d.month(),
            },
            DatePrecision::Year => EventDate::Year(d.year()),
        }
    }

    pub fn precision(self) -> DatePrecision {
        match self {
            EventDate::Day(_) => DatePrecision::Day,
            EventDate::Month { .. } => DatePrecision::Month,
            EventDate::Year(_) => DatePrecision::Year,
        }
    }

    /// Reads a date as the page's fields give it: "2026-03-14" for a day,
    /// "2026-03" for a month, "2026" for a year (1900 to 2100).
    pub fn parse(precision: DatePrecision, text: &str) -> Option<EventDate> {
        let text = text.trim();
        let date = match precision {
            DatePrecision::Day => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(EventDate::Day),
            DatePrecision::Month => {
                let (year, month) = text.split_once('-')?;
                EventDate::month(year.parse().ok()?, month.parse().ok()?)
            }
            DatePrecision::Year => text.parse().ok().map(EventDate::Year),
        }?;
        date.is_plausible().then_some(date)
    }

    /// A real day, month or year from 1900 to 2100: what a chronology can
    /// hold. An import with anything else is refused.
    pub fn is_plausible(self) -> bool {
        let year = match self {
            EventDate::Day(d) => d.year(),
            EventDate::Month { year, month } => {
                if !(1..=12).contains(&month) {
                    return false;
                }
                year
            }
            EventDate::Year(year) => year,
        };
        (1900..=2100).contains(&year)
    }

    /// The date as [`EventDate::parse`] reads it.
    pub fn to_field(self) -> String {
        match self {
            EventDate::Day(d) => d.format("%Y-%m-%d").to_string(),
            EventDate::Month { year, month } => format!("{year:04}-{month:02}"),
            EventDate::Year(year) => year.to_string(),
        }
    }

    /// A month that exists.
    pub fn month(year: i32, month: u32) -> Option<EventDate> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|_| EventDate::Month { year, month })
    }
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

impl DatePrecision {
    /// Whether a date at this precision says less than one at `other`.
    pub fn is_vaguer_than(self, other: DatePrecision) -> bool {
        let rank = |p| match p {
            DatePrecision::Day => 0,
            DatePrecision::Month => 1,
            DatePrecision::Year => 2,
        };
        rank(self) > rank(other)
    }
}

crate::choices!(DatePrecision {
    Day => "day", "The exact day";
    Month => "month", "The month";
    Year => "year", "Only the year";
});

/// An event the worker recorded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedEvent {
    pub id: Uuid,
    pub date: EventDate,
    /// What happened, in a line or more.
    pub what: String,
    /// Who reported it, or the document it comes from.
    #[serde(default)]
    pub source: String,
    /// One of the practice profile's categories, as its name; empty until
    /// chosen.
    #[serde(default)]
    pub category: String,
    /// The children it concerns; empty means all of them.
    #[serde(default)]
    pub children: Vec<Uuid>,
    #[serde(default)]
    pub impact: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub outcome: String,
}

impl RecordedEvent {
    /// A new event: a date and a line are enough to keep it.
    pub fn new(date: EventDate, what: impl Into<String>) -> RecordedEvent {
        RecordedEvent {
            id: Uuid::new_v4(),
            date,
            what: what.into(),
            source: String::new(),
            category: String::new(),
            children: Vec::new(),
            impact: String::new(),
            action: String::new(),
            outcome: String::new(),
        }
    }

    /// What the file audits would find missing: the action taken, the
    /// outcome, or both.
    pub fn missing(&self) -> Option<&'static str> {
        match (
            self.action.trim().is_empty(),
            self.outcome.trim().is_empty(),
        ) {
            (true, true) => Some("No action or outcome recorded yet."),
            (true, false) => Some("No action recorded yet."),
            (false, true) => Some("No outcome recorded yet."),
            (false, false) => None,
        }
    }
}

/// The events the worker recorded, in the order they were added; read
/// them in date order through [`entries`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chronology {
    #[serde(default)]
    pub events: Vec<RecordedEvent>,
    /// The last change, for the case overview.
    #[serde(default)]
    pub updated: Option<DateTime<Utc>>,
}

impl Chronology {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Records a change at `now`.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = Some(now);
    }

    /// Records a new event; its id.
    pub fn add(&mut self, date: EventDate, what: &str) -> Result<Uuid, ChronologyError> {
        if what.trim().is_empty() {
            return Err(ChronologyError::NothingHappened);
        }
        let event = RecordedEvent::new(date, what.trim());
        let id = event.id;
        self.events.push(event);
        Ok(id)
    }

    pub fn event_mut(&mut self, id: Uuid) -> Option<&mut RecordedEvent> {
        self.events.iter_mut().find(|e| e.id == id)
    }

    pub fn remove(&mut self, id: Uuid) {
        self.events.retain(|e| e.id != id);
    }
}

/// Why an event was not added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChronologyError {
    /// The line saying what happened is empty.
    NothingHappened,
}

impl std::fmt::Display for ChronologyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChronologyError::NothingHappened => write!(f, "Say in a line what happened."),
        }
    }
}

/// Where an entry Kinplan knows already comes from, so the page can link
/// to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    Map(Uuid),
    /// A plan's start.
    Plan(Uuid),
    /// One of a plan's reviews: the plan, and the review.
    Review(Uuid, Uuid),
    /// One of a plan's recorded visits or meetings, by its place in the
    /// plan's list (they have no id of their own).
    PlanEvent(Uuid, usize),
    SafetyPlan(Uuid),
}

/// Whose entry it is: the worker's, or one of Kinplan's tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Recorded(Uuid),
    Linked(Link),
}

/// One line of the chronology, whatever its origin.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub origin: Origin,
    pub date: EventDate,
    pub what: String,
    pub source: String,
    pub category: String,
    /// Empty means all the children.
    pub children: Vec<Uuid>,
    pub impact: String,
    pub action: String,
    pub outcome: String,
    /// For recorded events: what is still to be written.
    pub missing: Option<&'static str>,
}

impl Entry {
    fn linked(
        link: Link,
        date: NaiveDate,
        what: String,
        category: &str,
        children: Vec<Uuid>,
    ) -> Entry {
        Entry {
            origin: Origin::Linked(link),
            date: EventDate::Day(date),
            what,
            source: "Kinplan".to_string(),
            category: category.to_string(),
            children,
            impact: String::new(),
            action: String::new(),
            outcome: String::new(),
            missing: None,
        }
    }

    /// Whether it concerns `child` (an entry for all the children does).
    pub fn concerns(&self, child: Uuid) -> bool {
        self.children.is_empty() || self.children.contains(&child)
    }
}

/// The whole chronology in date order: the worker's events and what the
/// tools know (named as `names` calls meetings and plans), an event on the
/// same first day keeping the order it came.
pub fn entries(case: &Case, names: &PracticeNames) -> Vec<Entry> {
    let recorded = case.documents.chronology.events.iter().map(|e| Entry {
        origin: Origin::Recorded(e.id),
        date: e.date,
        what: e.what.clone(),
        source: e.source.clone(),
        category: e.category.clone(),
        children: e.children.clone(),
        impact: e.impact.clone(),
        action: e.action.clone(),
        outcome: e.outcome.clone(),
        missing: e.missing(),
    });
    let mut all: Vec<Entry> = recorded.chain(linked::known(case, names)).collect();
    all.sort_by_key(|e| e.date.first_day());
    all
}

#[cfg(test)]
mod tests;
