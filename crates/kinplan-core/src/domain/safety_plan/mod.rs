//! The family's safety plan (Signs of Safety): rules in the family's own
//! words for everyday life ("If Darren has been drinking, he will stay at
//! his brother's that night"), each kept by someone and checked by someone
//! in the family's safety network, made from the map's danger statements
//! and safety goals and changed at network meetings.
//!
//! Like the map, the plan is kept as versions, oldest first: each network
//! meeting starts a new version copied from the last, and earlier versions
//! are read-only. A rule keeps its id across versions, so its link to a
//! danger statement and the times it was tested carry on.
//!
//! The map's bottom lines are not copied here: the plan shows the current
//! map's, so there is one place to change them.
//!
//! Each child can have their own safety plan, in their words
//! ([`child`]); both print through [`sheet`] and [`child::ChildSheet`].

pub mod child;
pub mod sheet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::case::{Case, CaseDocument};
use crate::domain::person_ref::PersonRef;
use crate::domain::safety_map::{trajectories_of, SafetyGoal, SafetyMap, Trajectory};

/// One version of the safety plan: as agreed at one network meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyPlan {
    pub id: Uuid,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// The day of the network meeting that agreed this version.
    pub date: NaiveDate,
    #[serde(default)]
    pub meeting: NetworkMeeting,
    #[serde(default)]
    pub rules: Vec<SafetyRule>,
    #[serde(default)]
    pub network: Vec<NetworkRole>,
    /// How safe the network judged the children against each safety goal
    /// at this meeting.
    #[serde(default)]
    pub goal_scores: Vec<GoalScore>,
}

/// What happened at the network meeting behind a version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkMeeting {
    /// Who came.
    #[serde(default)]
    pub attended: Vec<PersonRef>,
    #[serde(default)]
    pub agreed: String,
    /// What changed in the rules, in a sentence or two.
    #[serde(default)]
    pub rule_changes: String,
}

/// A rule the family lives by, in their own words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyRule {
    pub id: Uuid,
    /// The danger statement on the map that this rule answers.
    #[serde(default)]
    pub danger_statement: Option<Uuid>,
    /// The rule as the family says it.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub kept_by: PersonRef,
    /// Who in the network checks that it is kept.
    #[serde(default)]
    pub checked_by: PersonRef,
    /// "Every Saturday", "each time she visits".
    #[serde(default)]
    pub how_often_checked: String,
    /// What the children do, and whom they call, if the rule is broken.
    #[serde(default)]
    pub children_do: String,
    /// What happens then.
    #[serde(default)]
    pub what_happens_then: String,
    /// Each time life tested the rule, oldest first.
    #[serde(default)]
    pub tests: Vec<RuleTest>,
}

/// One time the rule was tested by life.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTest {
    pub id: Uuid,
    pub date: NaiveDate,
    /// "Saturday: Darren had been drinking and went to his brother's;
    /// Jenny texted Nan."
    pub what_happened: String,
    pub held: RuleHeld,
}

/// Whether the rule held when it was tested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleHeld {
    Held,
    NotHeld,
}

crate::choices!(RuleHeld {
    Held => "held", "It held";
    NotHeld => "not-held", "It did not hold";
});

/// Someone in the family's safety network and what they do in the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkRole {
    pub id: Uuid,
    /// One of the case's people, or someone named only here.
    #[serde(default)]
    pub person: PersonRef,
    /// Their part in the plan: "has the children on Fridays".
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub seen_danger_statement: bool,
    #[serde(default)]
    pub agreed_to_help: bool,
    /// How to reach them, when it is not already on the case.
    #[serde(default)]
    pub contact: String,
}

impl NetworkRole {
    /// How to reach them: as written here, or else as the case has it.
    pub fn how_to_reach(&self, case: &Case) -> String {
        let own = self.contact.trim();
        if own.is_empty() {
            case_contact(&self.person, case)
        } else {
            own.to_string()
        }
    }
}

/// How to reach one of the case's people, as the case has it; empty for
/// someone named only in a plan.
pub fn case_contact(person: &PersonRef, case: &Case) -> String {
    let PersonRef::Person(id) = *person else {
        return String::new();
    };
    let network = case.network.iter().find(|n| n.id == id).map(|n| &n.contact);
    let worker = || case.workers.iter().find(|w| w.id == id).map(|w| &w.contact);
    network
        .or_else(worker)
        .map_or_else(String::new, |c| c.trim().to_string())
}

/// The network's answer to "how safe are the children?" for one goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalScore {
    pub safety_goal: Uuid,
    /// 0 to 10; `None` until scored.
    pub score: Option<u8>,
}

/// Why a safety plan change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SafetyPlanError {
    UnknownRule,
    ScoreOutOfRange,
    /// A test needs a line saying what happened.
    EmptyTest,
}

impl CaseDocument for SafetyPlan {
    fn id(&self) -> Uuid {
        self.id
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = now;
    }
}

impl SafetyPlan {
    /// A version agreed on `date`, with nothing in it yet.
    fn blank(date: NaiveDate, now: DateTime<Utc>) -> SafetyPlan {
        SafetyPlan {
            id: Uuid::new_v4(),
            created: now,
            updated: now,
            date,
            meeting: NetworkMeeting::default(),
            rules: Vec::new(),
            network: Vec::new(),
            goal_scores: Vec::new(),
        }
    }

    /// The first version, agreed on `date`, started from the map: a rule
    /// to write for each danger statement and a score for each safety goal.
    pub fn from_map(map: Option<&SafetyMap>, date: NaiveDate, now: DateTime<Utc>) -> SafetyPlan {
        let Some(map) = map else {
            return SafetyPlan::blank(date, now);
        };
        SafetyPlan {
            rules: map
                .danger_statements
                .iter()
                .map(|danger| SafetyRule {
                    id: Uuid::new_v4(),
                    danger_statement: Some(danger.id),
                    ..SafetyRule::default()
                })
                .collect(),
            goal_scores: unscored(&map.safety_goals),
            ..SafetyPlan::blank(date, now)
        }
    }

    /// The version for the next network meeting, on `date`: the rules,
    /// their tests and the network as they stand, the meeting's own notes
    /// and scores to fill in, one for each of the map's current goals.
    pub fn next_meeting(
        &self,
        map: Option<&SafetyMap>,
        date: NaiveDate,
        now: DateTime<Utc>,
    ) -> SafetyPlan {
        SafetyPlan {
            rules: self.rules.clone(),
            network: self.network.clone(),
            goal_scores: unscored(map.map_or(&[][..], |m| &m.safety_goals)),
            ..SafetyPlan::blank(date, now)
        }
    }

    /// A new, empty rule answering `danger` (if given); its id.
    pub fn add_rule(&mut self, danger: Option<Uuid>) -> Uuid {
        let id = Uuid::new_v4();
        self.rules.push(SafetyRule {
            id,
            danger_statement: danger,
            ..SafetyRule::default()
        });
        id
    }

    pub fn rule_mut(&mut self, id: Uuid) -> Option<&mut SafetyRule> {
        self.rules.iter_mut().find(|r| r.id == id)
    }

    /// Records a time the rule was tested. What happened must be said.
    pub fn record_test(
        &mut self,
        rule: Uuid,
        date: NaiveDate,
        what_happened: &str,
        held: RuleHeld,
    ) -> Result<Uuid, SafetyPlanError> {
        if what_happened.trim().is_empty() {
            return Err(SafetyPlanError::EmptyTest);
        }
        let rule = self.rule_mut(rule).ok_or(SafetyPlanError::UnknownRule)?;
        let id = Uuid::new_v4();
        rule.tests.push(RuleTest {
            id,
            date,
            what_happened: what_happened.trim().to_string(),
            held,
        });
        rule.tests.sort_by_key(|t| t.date);
        Ok(id)
    }

    /// Sets the network's score for a safety goal, 0 to 10 or none.
    pub fn set_goal_score(&mut self, goal: Uuid, score: Option<u8>) -> Result<(), SafetyPlanError> {
        if score.is_some_and(|s| s > 10) {
            return Err(SafetyPlanError::ScoreOutOfRange);
        }
        match self.goal_scores.iter_mut().find(|s| s.safety_goal == goal) {
            Some(existing) => existing.score = score,
            None => self.goal_scores.push(GoalScore {
                safety_goal: goal,
                score,
            }),
        }
        Ok(())
    }

    /// The rules that answer `danger`.
    pub fn rules_for(&self, danger: Uuid) -> impl Iterator<Item = &SafetyRule> {
        self.rules
            .iter()
            .filter(move |r| r.danger_statement == Some(danger))
    }

    /// The rules that answer none of `dangers` (the danger statements on
    /// the map now): written without one, or for one since taken off.
    pub fn rules_answering_none_of<'a>(
        &'a self,
        dangers: &'a [Uuid],
    ) -> impl Iterator<Item = &'a SafetyRule> {
        self.rules
            .iter()
            .filter(|r| r.danger_statement.is_none_or(|d| !dangers.contains(&d)))
    }

    /// How the network stands against the practice profile's minimum.
    pub fn network_check(&self, case: &Case, minimum: usize) -> NetworkCheck {
        let counted: Vec<&NetworkRole> = self
            .network
            .iter()
            .filter(|n| n.person.name(case).is_some())
            .filter(|n| !is_parent_or_worker(&n.person, case))
            .collect();
        NetworkCheck {
            besides_parents: counted.len(),
            seen_and_agreed: counted
                .iter()
                .filter(|n| n.seen_danger_statement && n.agreed_to_help)
                .count(),
            minimum,
        }
    }

    /// Whether the network has agreed to this plan: it has rules, and at
    /// least the minimum of people besides the parents and workers have
    /// seen the danger statement and agreed to help.
    pub fn is_agreed(&self, case: &Case, minimum: usize) -> bool {
        self.rules.iter().any(|r| !r.text.trim().is_empty())
            && self.network_check(case, minimum).seen_and_agreed >= minimum
    }
}

/// Each meeting scores every goal afresh.
fn unscored(goals: &[SafetyGoal]) -> Vec<GoalScore> {
    goals
        .iter()
        .map(|goal| GoalScore {
            safety_goal: goal.id,
            score: None,
        })
        .collect()
}

/// The parents and the workers are not the safety network: it is the
/// relatives, friends and neighbours around them (`../shared/domain.md`).
fn is_parent_or_worker(person: &PersonRef, case: &Case) -> bool {
    let PersonRef::Person(id) = person else {
        return false;
    };
    case.workers.iter().any(|w| w.id == *id)
        || case
            .network
            .iter()
            .any(|m| m.id == *id && is_parent(&m.relationship))
}

/// "Mum", "Dad", "Stepdad", "Mother (birth)": a parent in the family's
/// words. "Mum's partner" and "Nan" are not.
pub fn is_parent(relationship: &str) -> bool {
    const PARENTS: [&str; 17] = [
        "mum",
        "mam",
        "mom",
        "mummy",
        "mother",
        "dad",
        "daddy",
        "father",
        "parent",
        "birth mother",
        "birth father",
        "stepmum",
        "stepdad",
        "step-mum",
        "step-dad",
        "stepmother",
        "stepfather",
    ];
    let bare = relationship
        .split('(')
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    PARENTS.contains(&bare.as_str())
}

/// The safety network against the minimum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NetworkCheck {
    /// People in the network besides the parents and the workers.
    pub besides_parents: usize,
    /// Of those, how many have seen the danger statement and agreed to help.
    pub seen_and_agreed: usize,
    pub minimum: usize,
}

impl NetworkCheck {
    /// A gentle word when the network is smaller than the minimum, or has
    /// people who have not yet seen the worries or agreed; `None` when all
    /// is well.
    pub fn advice(&self) -> Option<String> {
        let people = |n: usize| if n == 1 { "person" } else { "people" };
        if self.besides_parents < self.minimum {
            return Some(format!(
                "The network has {} {} besides the parents. Plans hold better with at least {}: who else do the children and parents trust? Think of relatives, friends, neighbours and people at school or church.",
                self.besides_parents,
                people(self.besides_parents),
                self.minimum
            ));
        }
        (self.seen_and_agreed < self.besides_parents).then(|| {
            let waiting = self.besides_parents - self.seen_and_agreed;
            format!(
                "{waiting} {} in the network {} not yet seen the worries or agreed to help. Share the danger statement with them before they check a rule.",
                people(waiting),
                if waiting == 1 { "has" } else { "have" }
            )
        })
    }
}

/// Each goal scored in any version, with its scores at every version.
pub fn goal_trajectories(versions: &[SafetyPlan]) -> Vec<Trajectory<Uuid>> {
    trajectories_of(versions, |v| {
        // Goals start unscored at each meeting: only a score makes a line.
        let scored = v.goal_scores.iter().filter(|s| s.score.is_some());
        (v.date, scored.map(|s| (s.safety_goal, s.score)).collect())
    })
}

#[cfg(test)]
mod tests;
