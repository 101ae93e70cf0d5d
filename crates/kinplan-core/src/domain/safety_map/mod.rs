//! The Signs of Safety map: what we are worried about, what is working
//! well, what needs to happen, danger statements, safety goals, bottom
//! lines and scaling.
//!
//! A case keeps every version of its map. The last is the one being worked
//! on; "start a review" copies it into a new dated version, and the earlier
//! ones stay as they were, so the scores across versions show the family's
//! trajectory.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::person_ref::PersonRef;

mod danger;
mod trajectory;

use danger::or;
pub use danger::{join_names, label_hint, DangerStatement};
pub use trajectory::{trajectories, trajectories_of, Trajectory};

/// The scaling question, as a child is asked it.
pub const CHILD_SCALING_QUESTION: &str = "On a scale of 0 to 10, where 10 means you feel really safe at home and 0 means you do not feel safe at all, where are you today?";

/// The wording of the scaling question, shown above the scores.
pub const SCALING_QUESTION: &str = "On a scale of 0 to 10, where 10 means there is enough safety for the children and we can close the case, and 0 means there is not enough safety to protect the children, where are we today?";

/// One version of a family's map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyMap {
    pub id: Uuid,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// The day of the meeting this version records.
    pub date: NaiveDate,
    #[serde(default)]
    pub entries: Vec<MapEntry>,
    #[serde(default)]
    pub danger_statements: Vec<DangerStatement>,
    #[serde(default)]
    pub safety_goals: Vec<SafetyGoal>,
    #[serde(default)]
    pub bottom_lines: Vec<BottomLine>,
    #[serde(default)]
    pub scores: Vec<SafetyScore>,
}

/// Where an entry sits on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MapSection {
    Harm,
    Danger,
    ComplicatingFactors,
    ExistingStrengths,
    ExistingSafety,
    SafetyGoals,
    NextSteps,
}

/// The map's three columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapColumn {
    Worries,
    WorkingWell,
    NeedsToHappen,
}

impl MapColumn {
    pub fn sections(self) -> &'static [MapSection] {
        match self {
            MapColumn::Worries => &[
                MapSection::Harm,
                MapSection::Danger,
                MapSection::ComplicatingFactors,
            ],
            MapColumn::WorkingWell => &[MapSection::ExistingStrengths, MapSection::ExistingSafety],
            MapColumn::NeedsToHappen => &[MapSection::SafetyGoals, MapSection::NextSteps],
        }
    }
}

crate::choices!(MapColumn {
    Worries => "worries", "What are we worried about?";
    WorkingWell => "working-well", "What's working well?";
    NeedsToHappen => "needs-to-happen", "What needs to happen?";
});

impl MapSection {
    pub fn hint(self) -> &'static str {
        match self {
            MapSection::Harm => {
                "What has happened to the children: what, when, and how it affected them."
            }
            MapSection::Danger => "What we fear could happen in future if nothing changes.",
            MapSection::ComplicatingFactors => {
                "Things that make life harder, such as debt or housing, but are not harm."
            }
            MapSection::ExistingStrengths => {
                "Good things about the family and the people around them."
            }
            MapSection::ExistingSafety => {
                "Strengths shown over time that keep the children safe from the danger."
            }
            MapSection::SafetyGoals => "What we need to see to know the children are safe enough.",
            MapSection::NextSteps => "What happens next, and who does it.",
        }
    }

    pub fn column(self) -> MapColumn {
        match self {
            MapSection::Harm | MapSection::Danger | MapSection::ComplicatingFactors => {
                MapColumn::Worries
            }
            MapSection::ExistingStrengths | MapSection::ExistingSafety => MapColumn::WorkingWell,
            MapSection::SafetyGoals | MapSection::NextSteps => MapColumn::NeedsToHappen,
        }
    }
}

crate::choices!(MapSection {
    Harm => "harm", "Harm";
    Danger => "danger", "Danger";
    ComplicatingFactors => "complicating-factors", "Complicating factors";
    ExistingStrengths => "existing-strengths", "Existing strengths";
    ExistingSafety => "existing-safety", "Existing safety";
    SafetyGoals => "safety-goals", "Safety goals";
    NextSteps => "next-steps", "Next steps";
});

/// One thing said at the meeting, in the words used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapEntry {
    pub id: Uuid,
    pub section: MapSection,
    pub text: String,
    #[serde(default)]
    pub said_by: PersonRef,
    pub date: NaiveDate,
    /// The children it is about; empty means all of them.
    #[serde(default)]
    pub children: Vec<Uuid>,
}

/// What people will see the parent doing differently, and for how long,
/// answering one danger statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyGoal {
    pub id: Uuid,
    /// The danger statement it answers.
    pub danger_statement: Uuid,
    #[serde(default)]
    pub what_people_will_see: String,
    /// "for 6 months", "until the review in March".
    #[serde(default)]
    pub for_how_long: String,
}

impl SafetyGoal {
    pub fn text(&self) -> String {
        let see = or(&self.what_people_will_see, "");
        let long = self.for_how_long.trim().trim_end_matches('.');
        match (see.is_empty(), long.is_empty()) {
            (true, _) => String::new(),
            (false, true) => format!("{see}."),
            (false, false) => format!("{see}, {long}."),
        }
    }
}

/// A condition the agency will not move on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BottomLine {
    pub id: Uuid,
    pub text: String,
}

/// One person's answer to the scaling question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyScore {
    pub person: PersonRef,
    /// 0 to 10; `None` until they answer.
    pub score: Option<u8>,
    #[serde(default)]
    pub reason: String,
}

/// Why a map change was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapError {
    /// Every danger statement has at most one safety goal.
    DangerAlreadyHasGoal,
    UnknownDangerStatement,
    ScoreOutOfRange,
}

impl SafetyMap {
    pub fn new(date: NaiveDate, now: DateTime<Utc>) -> SafetyMap {
        SafetyMap {
            id: Uuid::new_v4(),
            created: now,
            updated: now,
            date,
            entries: Vec::new(),
            danger_statements: Vec::new(),
            safety_goals: Vec::new(),
            bottom_lines: Vec::new(),
            scores: Vec::new(),
        }
    }

    /// A new version for a review on `date`, copied from this one.
    pub fn start_review(&self, date: NaiveDate, now: DateTime<Utc>) -> SafetyMap {
        SafetyMap {
            id: Uuid::new_v4(),
            created: now,
            updated: now,
            date,
            ..self.clone()
        }
    }

    pub fn entries_in(&self, section: MapSection) -> impl Iterator<Item = &MapEntry> {
        self.entries.iter().filter(move |e| e.section == section)
    }

    /// The entries of every section in one column, such as what is working well.
    pub fn entries_in_column(&self, column: MapColumn) -> impl Iterator<Item = &MapEntry> {
        self.entries
            .iter()
            .filter(move |e| e.section.column() == column)
    }

    /// Moves an entry one place up (`-1`) or down (`1`) within its section.
    pub fn reorder(&mut self, id: Uuid, step: i32) {
        let Some(at) = self.entries.iter().position(|e| e.id == id) else {
            return;
        };
        let section = self.entries[at].section;
        let same: Vec<usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.section == section)
            .map(|(i, _)| i)
            .collect();
        let Some(k) = same.iter().position(|&i| i == at) else {
            return;
        };
        let target = k as i32 + step;
        if target < 0 || target as usize >= same.len() {
            return;
        }
        self.entries.swap(at, same[target as usize]);
    }

    /// Moves an entry to the end of another section.
    pub fn move_to(&mut self, id: Uuid, section: MapSection) {
        if let Some(at) = self.entries.iter().position(|e| e.id == id) {
            let mut entry = self.entries.remove(at);
            entry.section = section;
            self.entries.push(entry);
        }
    }

    /// Removes an entry and returns it with its place, for undo.
    pub fn remove_entry(&mut self, id: Uuid) -> Option<(usize, MapEntry)> {
        let at = self.entries.iter().position(|e| e.id == id)?;
        Some((at, self.entries.remove(at)))
    }

    pub fn restore_entry(&mut self, at: usize, entry: MapEntry) {
        let at = at.min(self.entries.len());
        self.entries.insert(at, entry);
    }

    /// Pairs a new safety goal with a danger statement that has none.
    pub fn add_safety_goal(&mut self, danger_statement: Uuid) -> Result<Uuid, MapError> {
        if !self
            .danger_statements
            .iter()
            .any(|d| d.id == danger_statement)
        {
            return Err(MapError::UnknownDangerStatement);
        }
        if self
            .safety_goals
            .iter()
            .any(|g| g.danger_statement == danger_statement)
        {
            return Err(MapError::DangerAlreadyHasGoal);
        }
        let id = Uuid::new_v4();
        self.safety_goals.push(SafetyGoal {
            id,
            danger_statement,
            what_people_will_see: String::new(),
            for_how_long: String::new(),
        });
        Ok(id)
    }

    /// Removes a danger statement and the safety goal paired with it.
    pub fn remove_danger_statement(&mut self, id: Uuid) {
        self.danger_statements.retain(|d| d.id != id);
        self.safety_goals.retain(|g| g.danger_statement != id);
    }

    /// Danger statements with no safety goal yet.
    pub fn unpaired_dangers(&self) -> impl Iterator<Item = &DangerStatement> {
        self.danger_statements
            .iter()
            .filter(|d| !self.safety_goals.iter().any(|g| g.danger_statement == d.id))
    }

    pub fn set_score(&mut self, person: &PersonRef, score: Option<u8>) -> Result<(), MapError> {
        if score.is_some_and(|s| s > 10) {
            return Err(MapError::ScoreOutOfRange);
        }
        match self.scores.iter_mut().find(|s| &s.person == person) {
            Some(existing) => existing.score = score,
            None => self.scores.push(SafetyScore {
                person: person.clone(),
                score,
                reason: String::new(),
            }),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
