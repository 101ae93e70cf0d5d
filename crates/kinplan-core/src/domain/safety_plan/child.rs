//! The child's own safety plan ("My safety plan"): a few of the family's
//! rules said again in the child's words or pictures, and the people the
//! child can go to or call. The worker makes it with the child, often in
//! child mode.
//!
//! Everything the child says is a [`ChildEntry`], so it is kept exactly as
//! given, with who held the pen, and anything "just for me and my worker"
//! stays out of the printed copy, as in the Three Houses.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::case::Case;
use crate::domain::child_voice::{ChildDocument, ChildEntry, Writer};
use crate::domain::language::plain_english::Jargon;
use crate::domain::language::reading_age::Readability;
use crate::domain::language::section_check::{check_sections, readability_of_all, SectionCheck};
use crate::domain::person_ref::PersonRef;

use super::case_contact;

/// One child's safety plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildSafetyPlan {
    pub id: Uuid,
    pub child_id: Uuid,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    #[serde(default)]
    pub rules: Vec<ChildRule>,
    #[serde(default)]
    pub people: Vec<TrustedPerson>,
}

/// A rule in the child's words ("When Dad has had beer he sleeps at Uncle
/// Steve's").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildRule {
    /// The family's rule it says again, if it came from one.
    #[serde(default)]
    pub from_rule: Option<Uuid>,
    pub words: ChildEntry,
}

/// Someone the child can go to or call, with what the child says about
/// them ("Nan lives next door, I can knock").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedPerson {
    pub person: PersonRef,
    /// A number written here for the child; empty means the one the safety
    /// network or the case has.
    #[serde(default)]
    pub phone: String,
    pub words: ChildEntry,
}

impl TrustedPerson {
    /// The number to call: written here, else the one in the safety plan's
    /// network, else the case's.
    pub fn phone(&self, case: &Case) -> String {
        let own = self.phone.trim();
        if own.is_empty() {
            self.phone_on_record(case)
        } else {
            own.to_string()
        }
    }

    /// The number the safety network or the case has for them, whatever
    /// was written here.
    pub fn phone_on_record(&self, case: &Case) -> String {
        case.current_safety_plan()
            .and_then(|p| p.network.iter().find(|n| n.person == self.person))
            .map(|n| n.how_to_reach(case))
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| case_contact(&self.person, case))
    }
}

impl ChildDocument for ChildSafetyPlan {
    fn new_for(child_id: Uuid, now: DateTime<Utc>) -> ChildSafetyPlan {
        ChildSafetyPlan {
            id: Uuid::new_v4(),
            child_id,
            created: now,
            updated: now,
            rules: Vec::new(),
            people: Vec::new(),
        }
    }

    fn child_id(&self) -> Uuid {
        self.child_id
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = now;
    }
}

impl ChildSafetyPlan {
    /// A new rule, said again from the family's `from_rule` or new; the id
    /// of its words.
    pub fn add_rule(&mut self, from_rule: Option<Uuid>, by: Writer, now: DateTime<Utc>) -> Uuid {
        let words = ChildEntry::new(by, now);
        let id = words.id;
        self.rules.push(ChildRule { from_rule, words });
        id
    }

    /// Adds `person` to the people the child can go to, unless they are
    /// there already; the id of what the child says about them.
    pub fn add_person(&mut self, person: PersonRef, by: Writer, now: DateTime<Utc>) -> Uuid {
        if let Some(there) = self.people.iter().find(|p| p.person == person) {
            return there.words.id;
        }
        let words = ChildEntry::new(by, now);
        let id = words.id;
        self.people.push(TrustedPerson {
            person,
            phone: String::new(),
            words,
        });
        id
    }

    /// The child's words with this id, in either list.
    pub fn words_mut(&mut self, id: Uuid) -> Option<&mut ChildEntry> {
        let rules = self.rules.iter_mut().map(|r| &mut r.words);
        let people = self.people.iter_mut().map(|p| &mut p.words);
        rules.chain(people).find(|w| w.id == id)
    }

    pub fn person_mut(&mut self, id: Uuid) -> Option<&mut TrustedPerson> {
        self.people.iter_mut().find(|p| p.words.id == id)
    }

    /// Takes away a rule or a person.
    pub fn remove(&mut self, id: Uuid) {
        self.rules.retain(|r| r.words.id != id);
        self.people.retain(|p| p.words.id != id);
    }

    /// The rules the child chose to share, with something in them.
    pub fn shared_rules(&self) -> impl Iterator<Item = &ChildRule> {
        self.rules
            .iter()
            .filter(|r| !r.words.just_for_me && !r.words.is_blank())
    }

    /// The people the child chose to share, with a name.
    pub fn shared_people<'a>(&'a self, case: &'a Case) -> impl Iterator<Item = &'a TrustedPerson> {
        self.people
            .iter()
            .filter(move |p| !p.words.just_for_me && p.person.name(case).is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.rules.iter().all(|r| r.words.is_blank()) && self.people.is_empty()
    }
}

/// The people a child might choose: the safety plan's network, then the
/// case's network and workers, each once. Parents are not left out: a
/// child may well go to Mum.
pub fn people_to_choose_from(case: &Case) -> Vec<(PersonRef, String)> {
    let network = case
        .current_safety_plan()
        .into_iter()
        .flat_map(|p| p.network.iter().map(|n| n.person.clone()));
    let known = case
        .network
        .iter()
        .map(|n| PersonRef::Person(n.id))
        .chain(case.workers.iter().map(|w| PersonRef::Person(w.id)));
    let mut people: Vec<(PersonRef, String)> = Vec::new();
    for person in network.chain(known) {
        if people.iter().any(|(p, _)| *p == person) {
            continue;
        }
        if let Some(name) = person.name(case) {
            people.push((person, name));
        }
    }
    people
}

/// One person as the child's printed plan shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonLine {
    pub name: String,
    pub phone: String,
    pub words: ChildEntry,
}

/// The child's safety plan as printed: only what the child chose to share.
#[derive(Clone, Debug, PartialEq)]
pub struct ChildSheet {
    /// "Amy's safety plan".
    pub title: String,
    pub rules: Vec<ChildEntry>,
    pub people: Vec<PersonLine>,
}

impl ChildSheet {
    pub fn new(plan: &ChildSafetyPlan, case: &Case) -> ChildSheet {
        ChildSheet {
            title: format!("{}'s safety plan", case.child_name(plan.child_id)),
            rules: plan.shared_rules().map(|r| r.words.clone()).collect(),
            people: plan
                .shared_people(case)
                .map(|p| PersonLine {
                    name: p.person.name(case).unwrap_or_default(),
                    phone: p.phone(case),
                    words: p.words.clone(),
                })
                .collect(),
        }
    }

    /// Each section as the child will hear it read, for the checker. The
    /// child's own words are checked too, though never changed: a worker
    /// who wrote for the child sees if it came out in grown-up words.
    pub fn sections(&self) -> Vec<(&'static str, String)> {
        let rules: Vec<&str> = self.rules.iter().map(|r| r.text.as_str()).collect();
        let people: Vec<&str> = self.people.iter().map(|p| p.words.text.as_str()).collect();
        vec![
            ("What keeps me safe", rules.join("\n")),
            ("People I can go to", people.join("\n")),
        ]
    }

    pub fn check(&self, case: &Case, jargon: &[Jargon]) -> Vec<SectionCheck> {
        check_sections(&case.reader(), self.sections(), jargon)
    }

    pub fn readability(&self, case: &Case) -> Readability {
        readability_of_all(&case.reader(), &self.sections())
    }
}
