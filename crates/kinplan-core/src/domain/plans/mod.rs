//! Child in Need and Child Protection plans: who does what by when, and how
//! we will know it worked.
//!
//! Worries and outcomes may be copied from the map's danger statements and
//! safety goals (they keep the id they came from, so nothing is typed
//! twice); each action serves one outcome, and each outcome answers one
//! worry. The SMART checker (`smart`) reads these links.

pub mod family_plan;
pub mod quality;
pub mod schedule;
pub mod smart;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::language::print_words::PlanWords;
use crate::domain::person_ref::PersonRef;
use crate::domain::plans::quality::WorkerAnswer;
use crate::domain::profile::{sentence, PracticeNames};
use crate::domain::safety_map::{DangerStatement, MapSection, SafetyMap};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    #[default]
    ChildInNeed,
    ChildProtection,
}

// The titles are England's names; pages show the profile's (`called`).
crate::choices!(PlanKind {
    ChildInNeed => "child_in_need", "Child in Need plan";
    ChildProtection => "child_protection", "Child Protection plan";
});

impl PlanKind {
    /// What the practice profile calls this kind of plan.
    pub fn called(self, names: &PracticeNames) -> &str {
        match self {
            PlanKind::ChildProtection => &names.child_protection_plan,
            PlanKind::ChildInNeed => &names.child_in_need_plan,
        }
    }

    /// What a plan's start date is, for the label on its form.
    pub fn start_label(self, names: &PracticeNames) -> String {
        match self {
            PlanKind::ChildInNeed => "Date of the assessment decision".into(),
            PlanKind::ChildProtection => format!("Date of the {}", names.initial_conference),
        }
    }

    /// This kind of plan in a family print's words: the catalogue's own
    /// name (Welsh has one), or else the profile's.
    pub fn in_words(self, words: &PlanWords, names: &PracticeNames) -> String {
        let own = match self {
            PlanKind::ChildProtection => words.child_protection_plan,
            PlanKind::ChildInNeed => words.child_in_need_plan,
        };
        own.map_or_else(|| sentence(self.called(names)), String::from)
    }
}

/// A Child Protection plan's category of harm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HarmCategory {
    Neglect,
    Physical,
    Emotional,
    Sexual,
}

crate::choices!(HarmCategory {
    Neglect => "neglect", "Neglect";
    Physical => "physical", "Physical abuse";
    Emotional => "emotional", "Emotional abuse";
    Sexual => "sexual", "Sexual abuse";
});

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub id: Uuid,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    #[serde(default)]
    pub kind: PlanKind,
    #[serde(default)]
    pub children: Vec<Uuid>,
    /// The assessment decision (CiN) or the initial conference (CP).
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// Child Protection only; more than one is allowed.
    #[serde(default)]
    pub harm_categories: Vec<HarmCategory>,
    #[serde(default)]
    pub worries: Vec<Worry>,
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    #[serde(default)]
    pub actions: Vec<Action>,
    /// What happens if the plan is not followed or does not work.
    #[serde(default)]
    pub contingency: String,
    /// The children's views, in their own words, and how they were gathered.
    #[serde(default)]
    pub child_views: String,
    #[serde(default)]
    pub reviews: Vec<PlanReview>,
    /// Visits and meetings that happened, which move the schedule on.
    #[serde(default)]
    pub events: Vec<RecordedEvent>,
    /// The worker's answers to the quality statements only they can settle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quality: Vec<WorkerAnswer>,
    /// The family's safety plan is part of this plan: the family's copy
    /// points to it instead of repeating its rules.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub links_safety_plan: bool,
}

/// What professionals are worried about, in the family's words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Worry {
    pub id: Uuid,
    pub text: String,
    /// The map's danger statement it was copied from, if any.
    #[serde(default)]
    pub danger_statement: Option<Uuid>,
}

/// What life will look like for the children when things are better.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: Uuid,
    pub text: String,
    /// The worry it answers.
    #[serde(default)]
    pub worry: Option<Uuid>,
    /// The map's safety goal it was copied from, if any.
    #[serde(default)]
    pub safety_goal: Option<Uuid>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    NotStarted,
    OnTrack,
    Done,
    NotDone,
}

crate::choices!(ActionStatus {
    NotStarted => "not_started", "Not started";
    OnTrack => "on_track", "On track";
    Done => "done", "Done";
    NotDone => "not_done", "Not done";
});

/// Who will do what by when, and how we will know.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Uuid,
    pub what: String,
    #[serde(default)]
    pub who: PersonRef,
    /// As typed: a date ("14/12/2026", "2026-12-14", "14 Dec 2026"), or
    /// words the checker will question ("ongoing").
    #[serde(default)]
    pub by_when: String,
    #[serde(default)]
    pub how_we_will_know: String,
    #[serde(default)]
    pub outcome: Option<Uuid>,
    #[serde(default)]
    pub status: ActionStatus,
}

/// Which meeting reviewed the plan. Only a review conference moves the
/// conference schedule; a core group that reviews the plan is a core group
/// meeting (Working Together 2023, the core group and the review
/// conference are different meetings with different timescales).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// A child protection review conference.
    #[default]
    ReviewConference,
    /// A core group meeting that reviewed a child protection plan.
    CoreGroup,
    /// A Child in Need review meeting.
    ChildInNeed,
}

// The titles are England's names; pages show the profile's (`called`).
crate::choices!(ReviewKind {
    ReviewConference => "review_conference", "Review child protection conference";
    CoreGroup => "core_group", "Core group meeting";
    ChildInNeed => "child_in_need", "Child in Need review";
});

impl ReviewKind {
    /// The kinds a plan of `kind` can record, the usual one first.
    pub fn for_plan(kind: PlanKind) -> &'static [ReviewKind] {
        match kind {
            PlanKind::ChildProtection => &[ReviewKind::CoreGroup, ReviewKind::ReviewConference],
            PlanKind::ChildInNeed => &[ReviewKind::ChildInNeed],
        }
    }

    /// The meeting, called what `names` calls it.
    pub fn called(self, names: &PracticeNames) -> String {
        match self {
            ReviewKind::ReviewConference => sentence(&names.review_conference),
            ReviewKind::CoreGroup => format!("{} meeting", sentence(&names.core_group)),
            ReviewKind::ChildInNeed => sentence(&names.child_in_need_review),
        }
    }
}

/// A meeting that reviewed the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanReview {
    pub id: Uuid,
    pub date: NaiveDate,
    /// Written by every version from 4; older reviews are migrated.
    #[serde(default)]
    pub kind: ReviewKind,
    #[serde(default)]
    pub attended: Vec<PersonRef>,
    /// Each action's status at the review.
    #[serde(default)]
    pub progress: Vec<ActionProgress>,
    /// The scaling score, if one was used.
    #[serde(default)]
    pub scale: Option<u8>,
    #[serde(default)]
    pub decisions: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionProgress {
    pub action: Uuid,
    pub status: ActionStatus,
    #[serde(default)]
    pub note: String,
}

/// Something that happened and counts towards statutory timescales.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedEvent {
    pub kind: EventKind,
    pub date: NaiveDate,
}

/// Reviews are recorded as [`PlanReview`]s; these are the other events
/// with statutory timescales.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Visit,
    CoreGroup,
    AssessmentUpdate,
}

crate::choices!(EventKind {
    Visit => "visit", "Visit";
    CoreGroup => "core_group", "Core group meeting";
    AssessmentUpdate => "assessment_update", "Assessment updated";
});

impl Plan {
    pub fn new(kind: PlanKind, now: DateTime<Utc>) -> Plan {
        Plan {
            id: Uuid::new_v4(),
            created: now,
            updated: now,
            kind,
            children: Vec::new(),
            start: None,
            harm_categories: Vec::new(),
            worries: Vec::new(),
            outcomes: Vec::new(),
            actions: Vec::new(),
            contingency: String::new(),
            child_views: String::new(),
            reviews: Vec::new(),
            events: Vec::new(),
            quality: Vec::new(),
            links_safety_plan: false,
        }
    }
}

impl Plan {
    /// Copies the map's danger statements in as worries, and its safety
    /// goals as outcomes linked to them, and its next steps as draft
    /// actions, skipping any copied before, so
    /// nothing is typed twice. Returns how many were added.
    /// `sentence` words each danger statement with the children it is
    /// about ([`super::Case::danger_sentence`]).
    pub fn copy_from_map(
        &mut self,
        map: &SafetyMap,
        sentence: impl Fn(&DangerStatement) -> String,
    ) -> usize {
        let mut added = 0;
        for danger in &map.danger_statements {
            if self
                .worries
                .iter()
                .any(|w| w.danger_statement == Some(danger.id))
            {
                continue;
            }
            self.worries.push(Worry {
                id: Uuid::new_v4(),
                text: sentence(danger),
                danger_statement: Some(danger.id),
            });
            added += 1;
        }
        for goal in &map.safety_goals {
            if self.outcomes.iter().any(|o| o.safety_goal == Some(goal.id))
                || goal.text().is_empty()
            {
                continue;
            }
            let worry = self
                .worries
                .iter()
                .find(|w| w.danger_statement == Some(goal.danger_statement))
                .map(|w| w.id);
            self.outcomes.push(Outcome {
                id: Uuid::new_v4(),
                text: goal.text(),
                worry,
                safety_goal: Some(goal.id),
            });
            added += 1;
        }
        // Next steps become draft actions; who, by when and how we will know
        // are left for the worker, and the checker asks for them.
        for step in map.entries_in(MapSection::NextSteps) {
            let text = step.text.trim();
            if text.is_empty() || self.actions.iter().any(|a| a.what.trim() == text) {
                continue;
            }
            self.actions.push(Action {
                id: Uuid::new_v4(),
                what: text.to_string(),
                ..Action::default()
            });
            added += 1;
        }
        added
    }

    /// Removes an outcome, unlinking the actions that served it.
    pub fn remove_outcome(&mut self, id: Uuid) {
        self.outcomes.retain(|o| o.id != id);
        for action in self.actions.iter_mut().filter(|a| a.outcome == Some(id)) {
            action.outcome = None;
        }
    }

    /// Removes a worry, unlinking the outcomes that answered it.
    pub fn remove_worry(&mut self, id: Uuid) {
        self.worries.retain(|w| w.id != id);
        for outcome in self.outcomes.iter_mut().filter(|o| o.worry == Some(id)) {
            outcome.worry = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::safety_map::{MapEntry, SafetyGoal};
    use chrono::TimeZone;

    #[test]
    fn copying_from_the_map_links_outcomes_to_worries_and_never_duplicates() {
        let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let mut map = SafetyMap::new(now.date_naive(), now);
        let danger = DangerStatement {
            id: Uuid::new_v4(),
            who_is_worried: "Social workers".into(),
            behaviour: "drinks and shouts at Mum".into(),
            by_whom: "Dad".into(),
            impact: "get hurt".into(),
            ..Default::default()
        };
        map.safety_goals.push(SafetyGoal {
            id: Uuid::new_v4(),
            danger_statement: danger.id,
            what_people_will_see: "Dad does not drink at home".into(),
            for_how_long: "for 6 months".into(),
        });
        map.danger_statements.push(danger);
        map.entries.push(MapEntry {
            id: Uuid::new_v4(),
            section: MapSection::NextSteps,
            text: "Darren to book the alcohol service assessment".into(),
            said_by: PersonRef::default(),
            date: now.date_naive(),
            children: Vec::new(),
        });
        let mut plan = Plan::new(PlanKind::ChildProtection, now);
        let amy = |d: &DangerStatement| d.text(&["Amy".into()]);
        assert_eq!(plan.copy_from_map(&map, amy), 3);
        assert_eq!(
            plan.actions[0].what,
            "Darren to book the alcohol service assessment"
        );
        assert_eq!(
            plan.actions[0].who,
            PersonRef::default(),
            "who does it is the worker's to fill in"
        );
        assert_eq!(plan.worries[0].text, "Social workers are worried that Dad drinks and shouts at Mum again. If that happens, Amy could get hurt.");
        assert_eq!(
            plan.outcomes[0].text,
            "Dad does not drink at home, for 6 months."
        );
        assert_eq!(plan.outcomes[0].worry, Some(plan.worries[0].id));
        assert_eq!(plan.copy_from_map(&map, amy), 0, "nothing is copied twice");

        let worry = plan.worries[0].id;
        plan.remove_worry(worry);
        assert_eq!(plan.outcomes[0].worry, None);
    }
}
