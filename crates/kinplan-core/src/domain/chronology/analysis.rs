//! Reading the chronology for patterns: which events happen again and
//! again, and when many happen close together.
//!
//! An event known only by its month or year counts in a window it overlaps:
//! a worker looking for a pattern is better shown one event too many than
//! one too few. Repeats and clusters are read from the worker's own events
//! only: the visits and meetings the plan requires always recur.

use chrono::{Months, NaiveDate};
use uuid::Uuid;

use super::Entry;

/// Which entries to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Only those concerning this child.
    pub child: Option<Uuid>,
    /// Only these categories; empty means every one.
    pub categories: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Filter {
    /// An event with a month or year matches a range it overlaps.
    pub fn matches(&self, entry: &Entry) -> bool {
        self.child.is_none_or(|c| entry.concerns(c))
            && (self.categories.is_empty() || self.categories.contains(&entry.category))
            && self.from.is_none_or(|from| entry.date.last_day() >= from)
            && self.to.is_none_or(|to| entry.date.first_day() <= to)
    }
}

/// The day a year before `today`: the last 12 months are after it.
pub fn year_before(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN)
}

/// How many events of each category in the 12 months up to `today`, most
/// first (then by name); events with no category are counted as
/// "No category".
pub fn last_12_months(entries: &[Entry], today: NaiveDate) -> Vec<(String, usize)> {
    let since = year_before(today);
    let mut counts: Vec<(String, usize)> = Vec::new();
    for entry in entries {
        if !in_window(entry, since, today) {
            continue;
        }
        let category = if entry.category.trim().is_empty() {
            "No category"
        } else {
            entry.category.trim()
        };
        match counts.iter_mut().find(|(c, _)| c == category) {
            Some((_, n)) => *n += 1,
            None => counts.push((category.to_string(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

fn in_window(entry: &Entry, since: NaiveDate, today: NaiveDate) -> bool {
    entry.date.last_day() > since && entry.date.first_day() <= today
}

/// The worker's own events in the 12 months up to `today`: where repeats
/// and clusters are looked for.
pub fn of_concern(entries: &[Entry], today: NaiveDate) -> Vec<Entry> {
    let since = year_before(today);
    entries
        .iter()
        .filter(|e| matches!(e.origin, super::Origin::Recorded(_)) && in_window(e, since, today))
        .cloned()
        .collect()
}

/// Categories that happened at least `times` in the last 12 months: the
/// repeats a worker should see.
pub fn repeated(entries: &[Entry], today: NaiveDate, times: usize) -> Vec<(String, usize)> {
    last_12_months(entries, today)
        .into_iter()
        .filter(|(c, n)| *n >= times && c != "No category")
        .collect()
}

/// A run of events close together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cluster {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub events: usize,
}

/// Runs of at least `min_events` events, each within `gap_days` of the
/// one before, among `entries` (in date order). Only events known to the
/// day count: "some time in 2024" cannot be close to anything.
pub fn clusters(entries: &[Entry], gap_days: i64, min_events: usize) -> Vec<Cluster> {
    let mut days: Vec<NaiveDate> = entries
        .iter()
        .filter(|e| matches!(e.date, super::EventDate::Day(_)))
        .map(|e| e.date.first_day())
        .collect();
    days.sort();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=days.len() {
        let breaks = i == days.len() || (days[i] - days[i - 1]).num_days() > gap_days;
        if breaks {
            if i - start >= min_events {
                out.push(Cluster {
                    first: days[start],
                    last: days[i - 1],
                    events: i - start,
                });
            }
            start = i;
        }
    }
    out
}
