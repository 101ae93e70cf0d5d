//! A case is a family: the people in it, the workers around it, and the
//! documents each tool writes.
//!
//! Every tool's document has a typed place here from the start, so that a
//! later tool fills in fields rather than inventing a new storage shape.
//! Field names are part of the export format (`docs/export-format.md`):
//! rename them only with a schema migration.

pub mod people;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use uuid::Uuid;

use crate::domain::child_voice::{StrengthsStatements, ThreeHouses};
use crate::domain::chronology::Chronology;
use crate::domain::genogram::Genogram;
use crate::domain::language::print_words::PrintLanguage;
use crate::domain::language::reading_age::Reader;
use crate::domain::plans::Plan;
use crate::domain::resilience::ResilienceMatrix;
use crate::domain::safety_map::{DangerStatement, SafetyMap};
use crate::domain::safety_plan::child::ChildSafetyPlan;
use crate::domain::safety_plan::SafetyPlan;

/// One family's record: who is in it and what has been written with them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: Uuid,
    /// The worker's name for the case, e.g. "Smith family".
    pub label: String,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    #[serde(default)]
    pub workers: Vec<Worker>,
    #[serde(default)]
    pub network: Vec<NetworkMember>,
    #[serde(default)]
    pub children: Vec<Child>,
    #[serde(default)]
    pub documents: Documents,
    /// The language of what the family is given on paper: English, Welsh,
    /// or both with the Welsh first (Wales's "Active Offer").
    #[serde(default, skip_serializing_if = "PrintLanguage::is_default")]
    pub family_prints: PrintLanguage,
}

/// A professional working with the family.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Worker {
    pub id: Uuid,
    pub name: String,
    /// e.g. "Social worker", "Health visitor".
    #[serde(default)]
    pub role: String,
    /// e.g. "Barnet Children's Services", "St Mary's Primary".
    #[serde(default)]
    pub agency: String,
    #[serde(default)]
    pub contact: String,
}

/// A parent, relative or friend in the family's network.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkMember {
    pub id: Uuid,
    pub name: String,
    /// Relationship to the child, in the family's words: "Mum", "Nan".
    #[serde(default)]
    pub relationship: String,
    #[serde(default)]
    pub contact: String,
}

/// A child in the family.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Child {
    pub id: Uuid,
    pub first_name: String,
    #[serde(default)]
    pub age: ChildAge,
    #[serde(default)]
    pub pronouns: String,
    #[serde(default)]
    pub first_language: String,
    #[serde(default)]
    pub needs_interpreter: bool,
    /// How the child communicates best: signing, pictures, a favourite toy.
    #[serde(default)]
    pub communication_needs: String,
}

/// A child's age is known exactly, roughly, or not yet.
///
/// Stored as `"unknown"`, `{"date_of_birth": "2020-04-14"}` or
/// `{"approximate_years": 6}`: externally tagged, so that an import error
/// inside it still carries its full JSON path.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildAge {
    #[default]
    Unknown,
    DateOfBirth(NaiveDate),
    /// When the date of birth is not known, e.g. a new referral.
    ApproximateYears(u8),
}

impl ChildAge {
    /// Reads a typed date of birth (`YYYY-MM-DD`, as date inputs give it).
    /// It must be a real date, not in the future, and a child's.
    pub fn check_date_of_birth(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| "Enter a real date of birth, for example 27 3 2019".to_string())?;
        if date > today {
            return Err("The date of birth must be today or in the past. For an unborn baby, leave it empty.".into());
        }
        if today.years_since(date).is_some_and(|y| y > 18) {
            return Err("This date makes the child older than 18. Check the year.".into());
        }
        Ok(date)
    }

    /// Age in whole months on `today`, for a baby's age: only from a date
    /// of birth.
    pub fn months_on(&self, today: NaiveDate) -> Option<u32> {
        let ChildAge::DateOfBirth(born) = *self else {
            return None;
        };
        use chrono::Datelike;
        let months = (today.year() - born.year()) * 12 + today.month() as i32
            - born.month() as i32
            - i32::from(today.day() < born.day());
        u32::try_from(months).ok()
    }

    /// Age in whole years on `today`, if known.
    pub fn years_on(&self, today: NaiveDate) -> Option<u32> {
        match *self {
            ChildAge::Unknown => None,
            ChildAge::ApproximateYears(years) => Some(u32::from(years)),
            ChildAge::DateOfBirth(date_of_birth) => today.years_since(date_of_birth),
        }
    }
}

/// The documents each tool writes for the case.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    /// Every version of the map, oldest first; the last is the current one.
    #[serde(default)]
    pub safety_maps: Vec<SafetyMap>,
    #[serde(default)]
    pub plans: Vec<Plan>,
    #[serde(default)]
    pub resilience_matrices: Vec<ResilienceMatrix>,
    #[serde(default)]
    pub three_houses: Vec<ThreeHouses>,
    #[serde(default)]
    pub strengths_statements: Vec<StrengthsStatements>,
    /// Every version of the safety plan, one for each network meeting,
    /// oldest first; the last is the current one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safety_plans: Vec<SafetyPlan>,
    /// Each child's own safety plan, in their words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub child_safety_plans: Vec<ChildSafetyPlan>,
    /// The events the worker recorded; the chronology also reads the
    /// other documents.
    #[serde(default, skip_serializing_if = "Chronology::is_empty")]
    pub chronology: Chronology,
    /// The relatives, details and relationships the genogram adds to the
    /// case's people.
    #[serde(default, skip_serializing_if = "Genogram::is_empty")]
    pub genogram: Genogram,
}

/// A document kept in one of the case's lists and found by its id: a plan,
/// a version of the map.
pub trait CaseDocument {
    fn id(&self) -> Uuid;
    /// Records a change at `now`.
    fn touch(&mut self, now: DateTime<Utc>);
}

impl CaseDocument for Plan {
    fn id(&self) -> Uuid {
        self.id
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = now;
    }
}

impl CaseDocument for SafetyMap {
    fn id(&self) -> Uuid {
        self.id
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = now;
    }
}

impl Documents {
    /// The latest change to any document of `tool`, or `None` if it has none.
    pub fn progress(&self, tool: Tool) -> ToolProgress {
        let last = match tool {
            Tool::SafetyMap => self.safety_maps.iter().map(|d| d.updated).max(),
            Tool::SafetyPlan => self.safety_plans.iter().map(|d| d.updated).max(),
            Tool::Plans => self.plans.iter().map(|d| d.updated).max(),
            Tool::Resilience => self.resilience_matrices.iter().map(|d| d.updated).max(),
            Tool::ThreeHouses => self.three_houses.iter().map(|d| d.updated).max(),
            Tool::Strengths => self.strengths_statements.iter().map(|d| d.updated).max(),
            Tool::Chronology => self
                .chronology
                .updated
                .filter(|_| !self.chronology.is_empty()),
            Tool::Genogram => self.genogram.updated.filter(|_| !self.genogram.is_empty()),
        };
        match last {
            None => ToolProgress::NotStarted,
            Some(at) => ToolProgress::Changed(at),
        }
    }
}

/// The tools that write documents into a case, in the order a worker
/// usually reaches for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tool {
    SafetyMap,
    SafetyPlan,
    Plans,
    ThreeHouses,
    Strengths,
    Resilience,
    Chronology,
    Genogram,
}

crate::choices!(Tool {
    SafetyMap => "map", "Signs of Safety map";
    SafetyPlan => "safety-plan", "Safety plan";
    Plans => "plans", "Plans";
    ThreeHouses => "three-houses", "Three Houses";
    Strengths => "i-have-i-am-i-can", "I have, I am, I can";
    Resilience => "resilience", "Resilience matrix";
    Chronology => "chronology", "Chronology";
    Genogram => "genogram", "Genogram";
});

/// How far a tool has got for one case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToolProgress {
    NotStarted,
    Changed(DateTime<Utc>),
}

impl Case {
    /// A new, empty case.
    pub fn new(label: impl Into<String>, now: DateTime<Utc>) -> Case {
        Case {
            id: Uuid::new_v4(),
            label: label.into(),
            created: now,
            updated: now,
            workers: Vec::new(),
            network: Vec::new(),
            children: Vec::new(),
            documents: Documents::default(),
            family_prints: PrintLanguage::default(),
        }
    }

    /// A copy with fresh ids throughout, so both can live side by side.
    pub fn duplicate(&self, label: impl Into<String>, now: DateTime<Utc>) -> Case {
        let mut copy = self.clone();
        copy.id = Uuid::new_v4();
        copy.label = label.into();
        copy.created = now;
        copy.updated = now;
        copy
    }

    /// What the worker should do next, so a new user is guided through
    /// the tools in the order practice uses them.
    pub fn next_step(&self) -> NextStep {
        let docs = &self.documents;
        if self.children.is_empty() {
            NextStep::AddChildren
        } else if docs.safety_maps.is_empty() {
            NextStep::Open(Tool::SafetyMap)
        } else if docs.plans.is_empty() {
            NextStep::Open(Tool::Plans)
        } else if docs.three_houses.is_empty() && docs.strengths_statements.is_empty() {
            NextStep::Open(Tool::ThreeHouses)
        } else {
            NextStep::PrintForFamily
        }
    }
}

impl Case {
    pub fn plan(&self, id: Uuid) -> Option<&Plan> {
        self.documents.plans.iter().find(|p| p.id == id)
    }

    pub fn plan_mut(&mut self, id: Uuid) -> Option<&mut Plan> {
        self.documents.plans.iter_mut().find(|p| p.id == id)
    }

    /// The current version of the Signs of Safety map, if there is one.
    pub fn current_map(&self) -> Option<&SafetyMap> {
        self.documents.safety_maps.last()
    }

    /// The current version of the safety plan, if there is one.
    pub fn current_safety_plan(&self) -> Option<&SafetyPlan> {
        self.documents.safety_plans.last()
    }

    /// First names of the given children, with their ages when known:
    /// "Amy (6)".
    pub fn child_names(&self, ids: &[Uuid], today: NaiveDate) -> Vec<String> {
        self.children
            .iter()
            .filter(|c| ids.is_empty() || ids.contains(&c.id))
            .filter(|c| !c.first_name.trim().is_empty())
            .map(|c| {
                let name = c.first_name.trim();
                match (c.age.years_on(today), c.age.months_on(today)) {
                    // A baby's age in months: "(0)" reads as a mistake.
                    (Some(0), Some(0)) => format!("{name} (under a month)"),
                    (Some(0), Some(1)) => format!("{name} (1 month)"),
                    (Some(0), Some(months)) => format!("{name} ({months} months)"),
                    (Some(0), None) => format!("{name} (under 1)"),
                    (Some(years), _) => format!("{name} ({years})"),
                    (None, _) => name.to_string(),
                }
            })
            .collect()
    }

    /// The family as a reader: they know the names of the case's children,
    /// network and workers on sight, and what they call their own people
    /// ("Babcia", "Nan"), so each reads as one syllable.
    pub fn reader(&self) -> Reader {
        let people = self
            .children
            .iter()
            .map(|c| c.first_name.as_str())
            .chain(self.network.iter().map(|n| n.name.as_str()))
            .chain(self.workers.iter().map(|w| w.name.as_str()));
        // Only the capitalised words of a relationship are names: "Babcia
        // (Nan)", not "family friend".
        let called = self.network.iter().flat_map(|n| {
            n.relationship
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.starts_with(char::is_uppercase))
        });
        Reader::knowing(people.chain(called))
    }

    /// A danger statement's sentence, naming the children it concerns (all
    /// of them when none was chosen), as every copy and print must.
    pub fn danger_sentence(&self, danger: &DangerStatement, today: NaiveDate) -> String {
        danger.text(&self.child_names(&danger.children, today))
    }

    /// A child's first name as written, or a plain stand-in while it is blank.
    pub fn child_name(&self, id: Uuid) -> String {
        self.children
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.first_name.trim())
            .filter(|n| !n.is_empty())
            .unwrap_or("this child")
            .to_string()
    }

    /// Whether any of the given children (all, if none given) is under 1.
    pub fn has_baby(&self, ids: &[Uuid], today: NaiveDate) -> bool {
        self.children
            .iter()
            .filter(|c| ids.is_empty() || ids.contains(&c.id))
            .any(|c| c.age.years_on(today) == Some(0))
    }
}

/// The step a worker is guided to next on the case overview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    AddChildren,
    Open(Tool),
    PrintForFamily,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::child_voice::ChildDocument;
    use crate::domain::choice::Choice;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
    }

    #[test]
    fn a_new_case_is_guided_to_add_children_first() {
        let case = Case::new("Smith family", now());
        assert_eq!(case.next_step(), NextStep::AddChildren);
    }

    #[test]
    fn next_step_walks_through_the_tools_in_practice_order() {
        let mut case = Case::new("Smith family", now());
        case.children.push(Child {
            id: Uuid::new_v4(),
            first_name: "Amy".into(),
            ..Child::default()
        });
        assert_eq!(case.next_step(), NextStep::Open(Tool::SafetyMap));
        case.documents
            .safety_maps
            .push(SafetyMap::new(now().date_naive(), now()));
        assert_eq!(case.next_step(), NextStep::Open(Tool::Plans));
        case.documents.plans.push(Plan::new(
            crate::domain::plans::PlanKind::ChildInNeed,
            now(),
        ));
        assert_eq!(case.next_step(), NextStep::Open(Tool::ThreeHouses));
        let child_id = case.children[0].id;
        case.documents
            .three_houses
            .push(ThreeHouses::new_for(child_id, now()));
        assert_eq!(case.next_step(), NextStep::PrintForFamily);
    }

    #[test]
    fn duplicate_gets_a_new_id_and_keeps_the_people() {
        let mut case = Case::new("Smith family", now());
        case.children.push(Child {
            id: Uuid::new_v4(),
            first_name: "Amy".into(),
            ..Child::default()
        });
        let copy = case.duplicate("Smith family (copy)", now());
        assert_ne!(copy.id, case.id);
        assert_eq!(copy.children, case.children);
        assert_eq!(copy.label, "Smith family (copy)");
    }

    #[test]
    fn age_from_date_of_birth_counts_whole_years() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let born = |y, m, d| ChildAge::DateOfBirth(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(born(2020, 11, 22).years_on(today), Some(6));
        assert_eq!(born(2020, 11, 23).years_on(today), Some(5));
        assert_eq!(ChildAge::ApproximateYears(4).years_on(today), Some(4));
        assert_eq!(ChildAge::Unknown.years_on(today), None);
    }

    #[test]
    fn dates_of_birth_are_checked() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let check = |text| ChildAge::check_date_of_birth(text, today);
        assert_eq!(
            check("2019-03-27"),
            Ok(NaiveDate::from_ymd_opt(2019, 3, 27).unwrap())
        );
        assert!(check("2027-01-01").is_err(), "the future");
        assert!(check("1900-01-01").is_err(), "the year 1900");
        assert!(check("2019-02-30").is_err(), "no such day");
        assert!(check("soon").is_err(), "not a date");
    }

    #[test]
    fn tool_slugs_round_trip() {
        for &tool in Tool::ALL {
            assert_eq!(Tool::from_slug(tool.slug()), Some(tool));
        }
        assert_eq!(Tool::from_slug("nonsense"), None);
    }
}
