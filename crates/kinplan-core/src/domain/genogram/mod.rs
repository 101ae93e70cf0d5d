//! The genogram: the family over three generations or more, drawn from the
//! case's own people with the relatives the worker adds (grandparents,
//! aunts, uncles, cousins), and the relationships between them; and the
//! ecomap ([`ecomap`]), the family among the services and people around it.
//!
//! Nothing here is drawn by hand: [`layout::lay_out`] places everyone by
//! generation from the relationships, and the worker only reorders people
//! within a generation. The case's children and network members keep
//! their names on the case; the genogram adds what it needs about each
//! person ([`PersonDetails`]) by id.

pub mod ecomap;
pub mod layout;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::case::Case;

/// Someone in the family who is not on the case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relative {
    pub id: Uuid,
    pub name: String,
}

/// The shape a person is drawn with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Symbol {
    /// A square.
    Male,
    /// A circle.
    Female,
    /// A diamond: another gender, as the person describes it.
    Other,
    /// A square with rounded corners and a question mark.
    #[default]
    NotKnown,
}

crate::choices!(Symbol {
    Male => "male", "Male (square)";
    Female => "female", "Female (circle)";
    Other => "other", "Another gender (diamond)";
    NotKnown => "not-known", "Not known";
});

/// What the genogram knows of one person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonDetails {
    pub person: Uuid,
    /// Sex or gender in the person's own words ("female", "non-binary").
    #[serde(default)]
    pub gender: String,
    #[serde(default)]
    pub symbol: Symbol,
    /// The year of birth, when known.
    #[serde(default)]
    pub born: Option<i32>,
    #[serde(default)]
    pub deceased: bool,
    /// Lives in the children's household.
    #[serde(default)]
    pub household: bool,
    /// Where the worker put them among their generation; lower is left.
    #[serde(default)]
    pub order: i32,
}

/// A tie between two people. For the parent kinds, `from` is the parent
/// and `to` the child; the others read the same either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipKind {
    ParentOf,
    AdoptiveParentOf,
    FosterCarerOf,
    SpecialGuardianOf,
    Married,
    Partners,
    Separated,
    Divorced,
    Siblings,
    HalfSiblings,
    Conflict,
    Close,
}

crate::choices!(RelationshipKind {
    ParentOf => "parent-of", "is the birth parent of";
    AdoptiveParentOf => "adoptive-parent-of", "is the adoptive parent of";
    FosterCarerOf => "foster-carer-of", "is the foster carer of";
    SpecialGuardianOf => "special-guardian-of", "is the special guardian of";
    Married => "married", "is married to";
    Partners => "partners", "is the partner of";
    Separated => "separated", "is separated from";
    Divorced => "divorced", "is divorced from";
    Siblings => "siblings", "is a sibling of";
    HalfSiblings => "half-siblings", "is a half-sibling of";
    Conflict => "conflict", "is in conflict with";
    Close => "close", "is very close to";
});

impl RelationshipKind {
    /// One who brings the other up: drawn as a line down to the child.
    pub fn is_parental(self) -> bool {
        matches!(
            self,
            RelationshipKind::ParentOf
                | RelationshipKind::AdoptiveParentOf
                | RelationshipKind::FosterCarerOf
                | RelationshipKind::SpecialGuardianOf
        )
    }

    /// A couple, now or before: drawn side by side and joined.
    pub fn is_couple(self) -> bool {
        matches!(
            self,
            RelationshipKind::Married
                | RelationshipKind::Partners
                | RelationshipKind::Separated
                | RelationshipKind::Divorced
        )
    }

    pub fn is_sibling(self) -> bool {
        matches!(
            self,
            RelationshipKind::Siblings | RelationshipKind::HalfSiblings
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    pub id: Uuid,
    pub kind: RelationshipKind,
    pub from: Uuid,
    pub to: Uuid,
}

/// The case's genogram.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Genogram {
    #[serde(default)]
    pub relatives: Vec<Relative>,
    #[serde(default)]
    pub details: Vec<PersonDetails>,
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    /// The ecomap's connections: how each is, and services not on the case.
    #[serde(default)]
    pub eco_links: Vec<ecomap::EcoLink>,
    /// The last change, for the case overview.
    #[serde(default)]
    pub updated: Option<DateTime<Utc>>,
}

/// Why a relationship was not added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenogramError {
    /// Someone related to themselves.
    SamePerson,
    /// The two already have this tie.
    AlreadyThere,
}

impl std::fmt::Display for GenogramError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GenogramError::SamePerson => write!(f, "Choose two different people."),
            GenogramError::AlreadyThere => write!(f, "They already have that relationship."),
        }
    }
}

impl Genogram {
    pub fn is_empty(&self) -> bool {
        self.relatives.is_empty()
            && self.details.is_empty()
            && self.relationships.is_empty()
            && self.eco_links.is_empty()
    }

    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = Some(now);
    }

    /// Adds a relative; their id.
    pub fn add_relative(&mut self, name: &str) -> Uuid {
        let id = Uuid::new_v4();
        self.relatives.push(Relative {
            id,
            name: name.trim().to_string(),
        });
        id
    }

    /// What is known of `person`, if anything.
    pub fn details_of(&self, person: Uuid) -> Option<&PersonDetails> {
        self.details.iter().find(|d| d.person == person)
    }

    /// What is known of `person`, made blank if nothing was yet.
    pub fn details_mut(&mut self, person: Uuid) -> &mut PersonDetails {
        match self.details.iter().position(|d| d.person == person) {
            Some(i) => &mut self.details[i],
            None => {
                self.details.push(PersonDetails {
                    person,
                    ..PersonDetails::default()
                });
                self.details.last_mut().expect("just pushed")
            }
        }
    }

    /// Adds a tie. A person cannot be tied to themselves, and a tie is not
    /// added twice (either way round, for the kinds that read both ways).
    pub fn relate(
        &mut self,
        from: Uuid,
        kind: RelationshipKind,
        to: Uuid,
    ) -> Result<Uuid, GenogramError> {
        if from == to {
            return Err(GenogramError::SamePerson);
        }
        let same = |r: &Relationship| {
            r.kind == kind
                && ((r.from == from && r.to == to)
                    || (!kind.is_parental() && r.from == to && r.to == from))
        };
        if self.relationships.iter().any(same) {
            return Err(GenogramError::AlreadyThere);
        }
        let id = Uuid::new_v4();
        self.relationships.push(Relationship { id, kind, from, to });
        Ok(id)
    }

    /// Takes a relative off, with their details and ties.
    pub fn remove_person(&mut self, person: Uuid) {
        self.relatives.retain(|r| r.id != person);
        self.details.retain(|d| d.person != person);
        self.relationships
            .retain(|r| r.from != person && r.to != person);
    }

    pub fn remove_relationship(&mut self, id: Uuid) {
        self.relationships.retain(|r| r.id != id);
    }
}

/// Everyone who can be on the genogram, with their names: the case's
/// children, its network, then the relatives added here. Workers belong on
/// the ecomap, not in the family tree.
pub fn family(case: &Case) -> Vec<(Uuid, String)> {
    let children = case.children.iter().map(|c| (c.id, case.child_name(c.id)));
    let network = case
        .network
        .iter()
        .map(|n| (n.id, n.name.trim().to_string()));
    let relatives = case
        .documents
        .genogram
        .relatives
        .iter()
        .map(|r| (r.id, r.name.trim().to_string()));
    children
        .chain(network)
        .chain(relatives)
        .map(|(id, name)| {
            (
                id,
                if name.is_empty() {
                    "Someone not named".into()
                } else {
                    name
                },
            )
        })
        .collect()
}

/// Each relationship with the names of its two people; `None` for someone
/// no longer on the case or the genogram.
pub fn named_relationships(case: &Case) -> Vec<(Relationship, Option<String>, Option<String>)> {
    let people = family(case);
    let name = |id: Uuid| {
        people
            .iter()
            .find(|(p, _)| *p == id)
            .map(|(_, n)| n.clone())
    };
    case.documents
        .genogram
        .relationships
        .iter()
        .map(|r| (r.clone(), name(r.from), name(r.to)))
        .collect()
}

/// The genogram as text, for screen readers and for checking: each
/// relationship between people still drawn as a sentence, "Anna is the
/// birth parent of Ola.".
pub fn sentences(case: &Case) -> Vec<String> {
    use crate::domain::choice::Choice;
    named_relationships(case)
        .into_iter()
        .filter_map(|(r, from, to)| Some(format!("{} {} {}.", from?, r.kind.title(), to?)))
        .collect()
}

#[cfg(test)]
mod tests;
