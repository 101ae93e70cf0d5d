//! Scores across the map's versions: each person's scaling answers in
//! date order, so a review shows which way things are going.

use chrono::NaiveDate;

use super::SafetyMap;
use crate::domain::person_ref::PersonRef;

/// One line of scores, 0 to 10, across versions, oldest first: a person's
/// on the map, a safety goal's on the safety plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory<K> {
    pub key: K,
    pub points: Vec<(NaiveDate, Option<u8>)>,
}

/// One version's date and the scores in it, by key.
pub type VersionScores<K> = (NaiveDate, Vec<(K, Option<u8>)>);

/// A line for each key that any version scores, with its score (or none)
/// at every version. `scores` gives a version's date and its scores.
pub fn trajectories_of<V, K: Clone + PartialEq>(
    versions: &[V],
    scores: impl Fn(&V) -> VersionScores<K>,
) -> Vec<Trajectory<K>> {
    let versions: Vec<VersionScores<K>> = versions.iter().map(scores).collect();
    let mut keys: Vec<K> = Vec::new();
    for (key, _) in versions.iter().flat_map(|(_, scores)| scores) {
        if !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    keys.into_iter()
        .map(|key| Trajectory {
            points: versions
                .iter()
                .map(|(date, scores)| {
                    let score = scores.iter().find(|(k, _)| *k == key).and_then(|(_, s)| *s);
                    (*date, score)
                })
                .collect(),
            key,
        })
        .collect()
}

/// Everyone's scores across `versions` of the map (oldest first), one line
/// per person who scored in any version.
pub fn trajectories(versions: &[SafetyMap]) -> Vec<Trajectory<PersonRef>> {
    trajectories_of(versions, |m| {
        let scores = m
            .scores
            .iter()
            .map(|s| (s.person.clone(), s.score))
            .collect();
        (m.date, scores)
    })
}
