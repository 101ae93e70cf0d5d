//! A council's practice profile: its timescales and bank holidays, kept as
//! data so that a council, or Wales, Scotland or Northern Ireland, can ship
//! its own as a JSON file with no change to the code.
//!
//! The shipped default is England's, from Working Together to Safeguard
//! Children and the local standards in `domain.md` ("Timescales");
//! `nations` has Wales's, Scotland's and Northern Ireland's.

mod names;
mod nations;
mod period;

use serde::{Deserialize, Serialize};

use crate::domain::calendar::HolidayRules;
use crate::domain::json_path::PathError;
use crate::domain::language::plain_english::{england_jargon, Jargon};
use crate::domain::language::text::{check_text, MAX_PROFILE_TEXT};

pub use names::{sentence, PracticeNames, NAMES};
pub use nations::Nation;
pub use period::Period;

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
    /// What it is and what it counts from, in the profile's own names.
    pub label: fn(&PracticeNames) -> String,
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
    cp_first_core_group: |n| format!("First {}, after the {}", n.core_group, n.initial_conference),
    cp_core_group_every: |n| format!("{} meetings, every", sentence(&n.core_group)),
    cp_visit_every: |n| format!("Visits on a {}, every", n.child_protection_plan),
    cp_baby_visit_every: |n| format!("Visits on a {} to a baby under 1, every", n.child_protection_plan),
    cp_first_review: |n| format!("First {}, after the {}", n.review_conference, n.initial_conference),
    cp_review_every: |n| format!("{}s after that, every", sentence(&n.review_conference)),
    cp_review_report_before: |n| format!("Report to the family, before the {}", n.review_conference),
    cin_visit_every: |n| format!("Visits on a {}, every", n.child_in_need_plan),
    cin_baby_visit_every: |n| format!("Visits on a {} to a baby under 1, every", n.child_in_need_plan),
    cin_review_every: |n| format!("{}s, every", sentence(&n.child_in_need_review)),
    assessment_update_every: |_| "Assessment updated, every".into(),
    plan_shared_within: |_| "Plan shared with the family, within".into(),
    due_soon_within: |_| "Show as \u{201c}due soon\u{201d} within".into(),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeProfile {
    pub name: String,
    /// What meetings and plans are called; profiles from before names were
    /// kept are England's.
    #[serde(default)]
    pub names: PracticeNames,
    pub timescales: Timescales,
    /// The timescales (by key) that national guidance sets; the rest are
    /// local practice, which a council may change.
    #[serde(default = "england_set_nationally")]
    pub set_nationally: Vec<String>,
    /// What a council should check: figures no guidance confirmed, and
    /// what was shipped instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Whether a child protection plan records a category of harm
    /// (Scotland's guidance does not need one at registration).
    #[serde(default = "yes")]
    pub harm_category_at_registration: bool,
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
    #[serde(default = "default_categories")]
    pub chronology_categories: Vec<String>,
}

fn yes() -> bool {
    true
}

/// Working Together's own figures: the first core group, the first review
/// and the reviews after it. The rest are local standards.
fn england_set_nationally() -> Vec<String> {
    ["cp_first_core_group", "cp_first_review", "cp_review_every"]
        .map(String::from)
        .to_vec()
}

/// The practice profile's default: a network of at least three people
/// besides the parents (practice guides ask for three to five who have
/// seen the danger statement; `../shared/domain.md`, "Safety planning").
pub const DEFAULT_MIN_NETWORK: usize = 3;

fn default_min_safety_network() -> usize {
    DEFAULT_MIN_NETWORK
}

/// The practice profile's default categories (`../shared/domain.md`,
/// "Chronology", and the list); a council changes them in its
/// profile.
pub fn default_categories() -> Vec<String> {
    [
        "Domestic abuse incident",
        "Police call-out",
        "Missed health appointment",
        "School exclusion",
        "House move",
        "New partner",
        "Hospital attendance",
        "Referral",
        "Strategy discussion",
        "Conference",
        "Core group",
        "Visit",
        "Network meeting",
        "Assessment",
        "Plan start and end",
    ]
    .into_iter()
    .map(String::from)
    .collect()
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
            names: PracticeNames::england(),
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
            set_nationally: england_set_nationally(),
            notes: Vec::new(),
            harm_category_at_registration: true,
            holidays: HolidayRules::england_and_wales(),
            jargon: england_jargon(),
            min_safety_network: default_min_safety_network(),
            chronology_categories: default_categories(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a profile always serialises")
    }

    /// Reads a profile file, naming the field that is wrong: its shape,
    /// and then every number and text against [`PracticeProfile::check`].
    pub fn from_json(text: &str) -> Result<PracticeProfile, String> {
        let profile: PracticeProfile =
            crate::domain::json_path::read(text).map_err(|e| e.to_string())?;
        profile.check().map_err(|e| e.to_string())?;
        Ok(profile)
    }

    /// Every value a profile file can hold, range-checked, so that no
    /// profile can make a schedule count for ever or a date overflow. The
    /// first problem is returned with its JSON path.
    pub fn check(&self) -> Result<(), PathError> {
        check_text("name", &self.name, MAX_PROFILE_TEXT)?;
        self.names.check("names")?;
        for (i, key) in self.set_nationally.iter().enumerate() {
            if !TIMESCALES.iter().any(|f| f.key == key) {
                return Err(PathError::at(
                    format!("set_nationally[{i}]"),
                    format!("\u{201c}{key}\u{201d} is not a timescale"),
                ));
            }
        }
        if self.notes.len() > MAX_NOTES {
            return Err(PathError::at(
                "notes",
                format!("{} notes; the limit is {MAX_NOTES}", self.notes.len()),
            ));
        }
        for (i, note) in self.notes.iter().enumerate() {
            check_text(&format!("notes[{i}]"), note, MAX_PROFILE_TEXT)?;
        }
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
/// The most notes a profile may carry.
pub const MAX_NOTES: usize = 50;

impl PracticeProfile {
    /// Whether national guidance sets this timescale (else local practice).
    pub fn is_set_nationally(&self, key: &str) -> bool {
        self.set_nationally.iter().any(|k| k == key)
    }
}

#[cfg(test)]
mod tests;
