//! The case's people: their names by id, and who can be asked what.

use uuid::Uuid;

use crate::domain::case::Case;
use crate::domain::person_ref::PersonRef;

/// Children from about 4 can say a number and why (Signs of Safety
/// practice scales with children from school age, with pictures younger).
pub const MIN_SCALING_AGE: u32 = 4;

impl PersonRef {
    /// The name to show, or `None` for a blank typed name or a person who
    /// has since been removed from the case.
    pub fn name(&self, case: &Case) -> Option<String> {
        match self {
            PersonRef::Named(name) => Some(name.trim().to_string()).filter(|n| !n.is_empty()),
            PersonRef::Person(id) => case.person_name(*id),
        }
    }
}

impl Case {
    /// The name of any person on the case, by id.
    pub fn person_name(&self, id: Uuid) -> Option<String> {
        let name = self
            .workers
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .or_else(|| {
                self.network
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.name.clone())
            })
            .or_else(|| {
                self.children
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.first_name.clone())
            })?;
        Some(name.trim().to_string()).filter(|n| !n.is_empty())
    }

    /// Everyone on the case, for pickers: (id, name, what they are).
    /// Everyone who can be asked the scaling question: children younger
    /// than [`MIN_SCALING_AGE`] are not (a baby cannot choose a number).
    pub fn who_can_scale(&self, today: chrono::NaiveDate) -> Vec<(Uuid, String, String)> {
        self.people()
            .into_iter()
            .filter(|(id, _, _)| {
                self.children
                    .iter()
                    .find(|c| c.id == *id)
                    .and_then(|c| c.age.years_on(today))
                    .is_none_or(|years| years >= MIN_SCALING_AGE)
            })
            .collect()
    }

    pub fn people(&self) -> Vec<(Uuid, String, String)> {
        let workers = self
            .workers
            .iter()
            .map(|p| (p.id, p.name.clone(), p.role.clone()));
        let network = self
            .network
            .iter()
            .map(|p| (p.id, p.name.clone(), p.relationship.clone()));
        let children = self
            .children
            .iter()
            .map(|p| (p.id, p.first_name.clone(), "Child".to_string()));
        workers
            .chain(network)
            .chain(children)
            .filter(|(_, name, _)| !name.trim().is_empty())
            .collect()
    }
}
