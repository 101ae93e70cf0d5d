//! The ecomap: the children's household at the centre, and around it the
//! services and people in the family's life (school, GP, health visitor,
//! police, housing, extended family, faith group), each joined by a line
//! that says how the connection feels: strong, weak or stressful.
//!
//! It is drawn from the same data as the rest of the case: every worker
//! (by their agency) and every network member outside the household is on
//! it already; the worker adds services the case does not name yet and
//! says how each connection is.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::case::Case;
use crate::domain::person_ref::PersonRef;

/// How a connection feels to the family.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    #[default]
    NotSaid,
    Strong,
    Weak,
    Stressful,
}

crate::choices!(Strength {
    NotSaid => "not-said", "Not said yet";
    Strong => "strong", "Strong";
    Weak => "weak", "Weak";
    Stressful => "stressful", "Stressful";
});

/// A service or person around the family, and the connection with them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EcoLink {
    pub id: Uuid,
    /// One of the case's workers or network, or a service named here
    /// ("Food bank", "St Mary's church").
    pub with: PersonRef,
    #[serde(default)]
    pub strength: Strength,
    /// A word on it: "helps with school runs", "rent arrears".
    #[serde(default)]
    pub note: String,
}

/// One circle around the household, as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Around {
    pub with: PersonRef,
    /// "Park Road Primary", "Zofia Nowak".
    pub name: String,
    /// "Mr Hughes, Head teacher", "Babcia (Nan)".
    pub detail: String,
    pub strength: Strength,
    pub note: String,
}

/// The household's members by name, and everything around them: the
/// case's workers and network (those outside the household), then the
/// services added, each once.
pub fn ecomap(case: &Case) -> (Vec<String>, Vec<Around>) {
    let genogram = &case.documents.genogram;
    let in_household = |id: Uuid| genogram.details_of(id).is_some_and(|d| d.household);
    let household: Vec<String> = super::family(case)
        .into_iter()
        .filter(|(id, _)| in_household(*id))
        .map(|(_, name)| name)
        .collect();
    let link = |with: &PersonRef| genogram.eco_links.iter().find(|l| l.with == *with);
    let around = |with: PersonRef, name: String, detail: String| {
        let (strength, note) = link(&with).map_or((Strength::NotSaid, String::new()), |l| {
            (l.strength, l.note.trim().to_string())
        });
        Around {
            with,
            name,
            detail,
            strength,
            note,
        }
    };
    let mut out: Vec<Around> = Vec::new();
    for w in &case.workers {
        let agency = w.agency.trim();
        let name = if agency.is_empty() {
            w.name.trim()
        } else {
            agency
        };
        let detail = [w.name.trim(), w.role.trim()]
            .into_iter()
            .filter(|s| !s.is_empty() && *s != name)
            .collect::<Vec<_>>()
            .join(", ");
        out.push(around(PersonRef::Person(w.id), name.to_string(), detail));
    }
    for n in case.network.iter().filter(|n| !in_household(n.id)) {
        out.push(around(
            PersonRef::Person(n.id),
            n.name.trim().to_string(),
            n.relationship.trim().to_string(),
        ));
    }
    for l in &genogram.eco_links {
        if let PersonRef::Named(name) = &l.with {
            if !name.trim().is_empty() {
                out.push(around(
                    l.with.clone(),
                    name.trim().to_string(),
                    String::new(),
                ));
            }
        }
    }
    (household, out)
}

impl super::Genogram {
    /// Says how the connection with `with` is; makes the link if needed.
    pub fn set_strength(&mut self, with: PersonRef, strength: Strength) {
        self.link_mut(with).strength = strength;
    }

    pub fn set_note(&mut self, with: PersonRef, note: String) {
        self.link_mut(with).note = note;
    }

    /// Adds a service not on the case, unless it is there already.
    pub fn add_service(&mut self, name: &str) -> bool {
        let with = PersonRef::Named(name.trim().to_string());
        if name.trim().is_empty() || self.eco_links.iter().any(|l| l.with == with) {
            return false;
        }
        self.link_mut(with);
        true
    }

    pub fn remove_service(&mut self, with: &PersonRef) {
        self.eco_links.retain(|l| l.with != *with);
    }

    fn link_mut(&mut self, with: PersonRef) -> &mut EcoLink {
        match self.eco_links.iter().position(|l| l.with == with) {
            Some(i) => &mut self.eco_links[i],
            None => {
                self.eco_links.push(EcoLink {
                    id: Uuid::new_v4(),
                    with,
                    strength: Strength::NotSaid,
                    note: String::new(),
                });
                self.eco_links.last_mut().expect("just pushed")
            }
        }
    }
}
