//! The case index: the one small record read when the app opens.
//!
//! Each case lives under its own storage key, so opening the app reads this
//! index and nothing else, and opening a case reads one key. The index keeps
//! just enough to list, search and sort cases, plus the bin of deleted
//! cases and the date of the last export for the backup reminder.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::calendar::WorkingDays;
use crate::domain::case::Case;
use crate::domain::persist::schema::CURRENT_VERSION;
use crate::domain::plans::schedule::{next_deadline, DueState};
use crate::domain::profile::PracticeProfile;

/// How long after the last export the worker is reminded to back up.
pub const BACKUP_REMINDER_DAYS: i64 = 7;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseIndex {
    pub schema_version: u32,
    #[serde(default)]
    pub cases: Vec<IndexEntry>,
    #[serde(default)]
    pub last_export: Option<DateTime<Utc>>,
}

impl Default for CaseIndex {
    fn default() -> Self {
        CaseIndex {
            schema_version: CURRENT_VERSION,
            cases: Vec::new(),
            last_export: None,
        }
    }
}

/// What the case list needs to know about one case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    pub id: Uuid,
    pub label: String,
    pub updated: DateTime<Utc>,
    /// Size of the stored case, in characters of JSON.
    pub size: usize,
    /// Set when the case is in the bin.
    #[serde(default)]
    pub deleted: Option<DateTime<Utc>>,
    /// The soonest statutory deadline of the case's plans, if any.
    #[serde(default)]
    pub next_due: Option<NextDue>,
}

/// A case's next deadline, as the case list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextDue {
    pub date: NaiveDate,
    /// What is due, e.g. "Visit to the child".
    pub what: String,
}

impl NextDue {
    /// The soonest deadline of `case` under `profile`.
    pub fn of(case: &Case, profile: &PracticeProfile) -> Option<NextDue> {
        next_deadline(case, profile, case.updated.date_naive()).map(|item| NextDue {
            date: item.due,
            what: item.kind.title(&profile.names),
        })
    }

    /// Overdue, due soon or due, on `today`.
    pub fn state(&self, today: NaiveDate, profile: &PracticeProfile) -> DueState {
        let wd = WorkingDays::new(&profile.holidays);
        let soon = profile
            .timescales
            .due_soon_within
            .after(today, &wd)
            .unwrap_or(today);
        if self.date < today {
            DueState::Overdue
        } else if self.date <= soon {
            DueState::DueSoon
        } else {
            DueState::Upcoming
        }
    }
}

/// How the case list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CaseOrder {
    #[default]
    LastUpdated,
    Name,
    NextDeadline,
}

crate::choices!(CaseOrder {
    LastUpdated => "updated", "Last updated";
    Name => "name", "Name";
    NextDeadline => "deadline", "Next deadline";
});

impl CaseIndex {
    /// Adds or refreshes the entry for `case`; `profile` sets its next deadline.
    pub fn upsert(&mut self, case: &Case, size: usize, profile: &PracticeProfile) {
        let entry = IndexEntry {
            id: case.id,
            label: case.label.clone(),
            updated: case.updated,
            size,
            deleted: None,
            next_due: NextDue::of(case, profile),
        };
        match self.cases.iter_mut().find(|e| e.id == case.id) {
            Some(existing) => {
                *existing = IndexEntry {
                    deleted: existing.deleted,
                    ..entry
                }
            }
            None => self.cases.push(entry),
        }
    }

    pub fn get(&self, id: Uuid) -> Option<&IndexEntry> {
        self.cases.iter().find(|e| e.id == id)
    }

    pub fn remove(&mut self, id: Uuid) {
        self.cases.retain(|e| e.id != id);
    }

    /// Moves a case to the bin, or back out of it with `None`.
    pub fn set_deleted(&mut self, id: Uuid, when: Option<DateTime<Utc>>) {
        if let Some(entry) = self.cases.iter_mut().find(|e| e.id == id) {
            entry.deleted = when;
        }
    }

    /// The live cases whose name contains `query` (any case), in `order`.
    pub fn search(&self, query: &str, order: CaseOrder) -> Vec<&IndexEntry> {
        let query = query.trim().to_lowercase();
        let mut found: Vec<&IndexEntry> = self
            .cases
            .iter()
            .filter(|e| e.deleted.is_none() && e.label.to_lowercase().contains(&query))
            .collect();
        match order {
            CaseOrder::LastUpdated => found.sort_by_key(|e| std::cmp::Reverse(e.updated)),
            CaseOrder::Name => found.sort_by_key(|e| e.label.to_lowercase()),
            // Cases with no deadline go last.
            CaseOrder::NextDeadline => {
                found.sort_by_key(|e| (e.next_due.is_none(), e.next_due.as_ref().map(|d| d.date)))
            }
        }
        found
    }

    /// Cases in the bin, most recently deleted first.
    pub fn bin(&self) -> Vec<&IndexEntry> {
        let mut binned: Vec<&IndexEntry> =
            self.cases.iter().filter(|e| e.deleted.is_some()).collect();
        binned.sort_by_key(|e| std::cmp::Reverse(e.deleted));
        binned
    }

    pub fn total_size(&self) -> usize {
        self.cases.iter().map(|e| e.size).sum()
    }

    /// Whether to remind the worker that their plans exist only here.
    pub fn needs_backup(&self, now: DateTime<Utc>) -> bool {
        let has_cases = self.cases.iter().any(|e| e.deleted.is_none());
        let stale = match self.last_export {
            None => true,
            Some(at) => now - at > Duration::days(BACKUP_REMINDER_DAYS),
        };
        has_cases && stale
    }

    /// A name for a copy of `label` that no live case has yet.
    pub fn copy_label(&self, label: &str) -> String {
        let taken = |candidate: &str| self.cases.iter().any(|e| e.label == candidate);
        let first = format!("{label} (copy)");
        if !taken(&first) {
            return first;
        }
        (2..)
            .map(|n| format!("{label} (copy {n})"))
            .find(|c| !taken(c))
            .expect("an unused name exists")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
    }

    fn index_of(labels: &[(&str, u32)]) -> CaseIndex {
        let mut index = CaseIndex::default();
        for (label, day) in labels {
            let case = Case::new(*label, at(*day));
            index.upsert(&case, 100, &PracticeProfile::england());
        }
        index
    }

    #[test]
    fn search_ignores_case_and_sorts_newest_first() {
        let index = index_of(&[("Smith family", 1), ("Jones family", 3), ("Smithson", 2)]);
        let names = |v: Vec<&IndexEntry>| v.iter().map(|e| e.label.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(index.search("SMITH", CaseOrder::LastUpdated)),
            ["Smithson", "Smith family"]
        );
        assert_eq!(
            names(index.search("", CaseOrder::Name)),
            ["Jones family", "Smith family", "Smithson"]
        );
    }

    #[test]
    fn binned_cases_leave_the_list_and_can_come_back() {
        let mut index = index_of(&[("Smith family", 1)]);
        let id = index.cases[0].id;
        index.set_deleted(id, Some(at(5)));
        assert!(index.search("", CaseOrder::Name).is_empty());
        assert_eq!(index.bin().len(), 1);
        index.set_deleted(id, None);
        assert_eq!(index.search("", CaseOrder::Name).len(), 1);
    }

    #[test]
    fn upsert_keeps_a_case_in_the_bin() {
        let mut index = CaseIndex::default();
        let mut case = Case::new("Smith family", at(1));
        index.upsert(&case, 10, &PracticeProfile::england());
        index.set_deleted(case.id, Some(at(2)));
        case.label = "Smith".into();
        index.upsert(&case, 20, &PracticeProfile::england());
        assert_eq!(index.cases.len(), 1);
        assert!(index.cases[0].deleted.is_some());
        assert_eq!(index.cases[0].size, 20);
    }

    #[test]
    fn backup_reminder_after_seven_days_only_when_there_is_something_to_lose() {
        let mut index = CaseIndex::default();
        assert!(!index.needs_backup(at(20)));
        index.upsert(
            &Case::new("Smith family", at(1)),
            10,
            &PracticeProfile::england(),
        );
        assert!(index.needs_backup(at(20)));
        index.last_export = Some(at(14));
        assert!(!index.needs_backup(at(20)));
        assert!(index.needs_backup(at(22)));
    }

    #[test]
    fn cases_sort_by_next_deadline_with_none_last() {
        use crate::domain::plans::{Plan, PlanKind};
        let mut index = CaseIndex::default();
        for (label, start) in [("No plan", None), ("Later", Some(20)), ("Sooner", Some(2))] {
            let mut case = Case::new(label, at(21));
            if let Some(day) = start {
                let mut plan = Plan::new(PlanKind::ChildProtection, at(21));
                plan.start = NaiveDate::from_ymd_opt(2026, 11, day);
                case.documents.plans.push(plan);
            }
            index.upsert(&case, 10, &PracticeProfile::england());
        }
        let order: Vec<_> = index
            .search("", CaseOrder::NextDeadline)
            .iter()
            .map(|e| e.label.clone())
            .collect();
        assert_eq!(order, ["Sooner", "Later", "No plan"]);
        let sooner = index.search("sooner", CaseOrder::Name)[0]
            .next_due
            .clone()
            .unwrap();
        assert_eq!(sooner.what, "Visit to the child");
        assert_eq!(sooner.date, NaiveDate::from_ymd_opt(2026, 11, 16).unwrap());
    }

    #[test]
    fn copy_labels_do_not_collide() {
        let index = index_of(&[("Smith family", 1), ("Smith family (copy)", 1)]);
        assert_eq!(index.copy_label("Smith family"), "Smith family (copy 2)");
        assert_eq!(index.copy_label("Jones"), "Jones (copy)");
    }
}
