//! The resilience matrix (Daniel and Wassell): factors in a child's life
//! placed on two axes, in six domains.
//!
//! One axis is the child's own qualities, from resilience to
//! vulnerability; the other is their surroundings, from a protective
//! environment to adversity. A factor is a strength when it sits on the
//! resilient or the protective side, and a concern when it sits on the
//! vulnerable or adverse side. A factor in a mixed quadrant ("does well at
//! school although home is chaotic") is honestly both, and counts as both
//! in the summary. The quadrant of vulnerability in adversity is the most
//! worrying; the resilient, protective one is what the plan builds on.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::choice::Choice;
use uuid::Uuid;

use crate::domain::child_voice::ChildDocument;

/// The six domains of a child's life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResilienceDomain {
    #[default]
    SecureBase,
    Education,
    Friendships,
    TalentsAndInterests,
    PositiveValues,
    SocialCompetence,
}

crate::choices!(ResilienceDomain {
    SecureBase => "secure_base", "Secure base";
    Education => "education", "Education";
    Friendships => "friendships", "Friendships";
    TalentsAndInterests => "talents_and_interests", "Talents and interests";
    PositiveValues => "positive_values", "Positive values";
    SocialCompetence => "social_competence", "Social competence";
});

/// The child's own qualities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intrinsic {
    Resilience,
    Vulnerability,
}

/// The child's surroundings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Extrinsic {
    Protective,
    Adversity,
}

/// One of the four quadrants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quadrant {
    pub intrinsic: Intrinsic,
    pub extrinsic: Extrinsic,
}

impl Quadrant {
    pub const fn new(intrinsic: Intrinsic, extrinsic: Extrinsic) -> Quadrant {
        Quadrant {
            intrinsic,
            extrinsic,
        }
    }

    /// What the quadrant means for the plan.
    pub fn hint(self) -> &'static str {
        match (self.intrinsic, self.extrinsic) {
            (Intrinsic::Resilience, Extrinsic::Protective) => {
                "The strongest place: build on these."
            }
            (Intrinsic::Resilience, Extrinsic::Adversity) => {
                "The child copes, but their surroundings are hard."
            }
            (Intrinsic::Vulnerability, Extrinsic::Protective) => {
                "The child struggles, but people and places around them help."
            }
            (Intrinsic::Vulnerability, Extrinsic::Adversity) => {
                "The most worrying place: name these in the plan."
            }
        }
    }

    pub fn is_strength(self) -> bool {
        self.intrinsic == Intrinsic::Resilience || self.extrinsic == Extrinsic::Protective
    }

    pub fn is_concern(self) -> bool {
        self.intrinsic == Intrinsic::Vulnerability || self.extrinsic == Extrinsic::Adversity
    }
}

/// Quadrants are two choices at once, so they are listed by hand.
impl Choice for Quadrant {
    /// In the order of the grid: top row resilience, left column protective.
    const ALL: &'static [Quadrant] = &[
        Quadrant::new(Intrinsic::Resilience, Extrinsic::Protective),
        Quadrant::new(Intrinsic::Resilience, Extrinsic::Adversity),
        Quadrant::new(Intrinsic::Vulnerability, Extrinsic::Protective),
        Quadrant::new(Intrinsic::Vulnerability, Extrinsic::Adversity),
    ];

    fn slug(self) -> &'static str {
        match (self.intrinsic, self.extrinsic) {
            (Intrinsic::Resilience, Extrinsic::Protective) => "resilience-protective",
            (Intrinsic::Resilience, Extrinsic::Adversity) => "resilience-adversity",
            (Intrinsic::Vulnerability, Extrinsic::Protective) => "vulnerability-protective",
            (Intrinsic::Vulnerability, Extrinsic::Adversity) => "vulnerability-adversity",
        }
    }

    fn title(self) -> &'static str {
        match (self.intrinsic, self.extrinsic) {
            (Intrinsic::Resilience, Extrinsic::Protective) => {
                "Resilience in a protective environment"
            }
            (Intrinsic::Resilience, Extrinsic::Adversity) => "Resilience in adversity",
            (Intrinsic::Vulnerability, Extrinsic::Protective) => {
                "Vulnerability in a protective environment"
            }
            (Intrinsic::Vulnerability, Extrinsic::Adversity) => "Vulnerability in adversity",
        }
    }
}

/// One card on the matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResilienceFactor {
    pub id: Uuid,
    pub text: String,
    pub domain: ResilienceDomain,
    pub quadrant: Quadrant,
}

impl ResilienceFactor {
    pub fn new(quadrant: Quadrant, domain: ResilienceDomain) -> ResilienceFactor {
        ResilienceFactor {
            id: Uuid::new_v4(),
            text: String::new(),
            domain,
            quadrant,
        }
    }
}

/// One child's resilience matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResilienceMatrix {
    pub id: Uuid,
    pub child_id: Uuid,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    #[serde(default)]
    pub factors: Vec<ResilienceFactor>,
}

impl ChildDocument for ResilienceMatrix {
    fn new_for(child_id: Uuid, now: DateTime<Utc>) -> ResilienceMatrix {
        ResilienceMatrix {
            id: Uuid::new_v4(),
            child_id,
            created: now,
            updated: now,
            factors: Vec::new(),
        }
    }

    fn child_id(&self) -> Uuid {
        self.child_id
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = now;
    }
}

/// Strengths and concerns counted in one domain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainSummary {
    pub domain: ResilienceDomain,
    pub strengths: usize,
    pub concerns: usize,
}

impl ResilienceMatrix {
    pub fn factor_mut(&mut self, id: Uuid) -> Option<&mut ResilienceFactor> {
        self.factors.iter_mut().find(|f| f.id == id)
    }

    /// Factors with words in them.
    fn written(&self) -> impl Iterator<Item = &ResilienceFactor> {
        self.factors.iter().filter(|f| !f.text.trim().is_empty())
    }

    pub fn in_quadrant(&self, quadrant: Quadrant) -> impl Iterator<Item = &ResilienceFactor> {
        self.factors.iter().filter(move |f| f.quadrant == quadrant)
    }

    /// Every domain, with its strengths and concerns counted.
    pub fn summary(&self) -> Vec<DomainSummary> {
        ResilienceDomain::ALL
            .iter()
            .copied()
            .map(|domain| {
                let here = || self.written().filter(|f| f.domain == domain);
                DomainSummary {
                    domain,
                    strengths: here().filter(|f| f.quadrant.is_strength()).count(),
                    concerns: here().filter(|f| f.quadrant.is_concern()).count(),
                }
            })
            .collect()
    }

    /// The strengths to build on, firmest first: the resilient child in a
    /// protective place, then the resilient child, then the protective place.
    pub fn strengths_to_build_on(&self) -> Vec<&ResilienceFactor> {
        let mut strengths: Vec<&ResilienceFactor> = self
            .written()
            .filter(|f| f.quadrant.is_strength())
            .collect();
        strengths.sort_by_key(|f| Quadrant::ALL.iter().position(|q| *q == f.quadrant));
        strengths
    }

    /// The domains with the most strengths, if any has one: where a plan
    /// can start.
    pub fn strongest_domains(&self) -> Vec<ResilienceDomain> {
        let summary = self.summary();
        let best = summary.iter().map(|s| s.strengths).max().unwrap_or(0);
        if best == 0 {
            return Vec::new();
        }
        summary
            .into_iter()
            .filter(|s| s.strengths == best)
            .map(|s| s.domain)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn matrix(factors: &[(&str, ResilienceDomain, Quadrant)]) -> ResilienceMatrix {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        let mut m = ResilienceMatrix::new_for(Uuid::new_v4(), now);
        m.factors = factors
            .iter()
            .map(|(text, domain, quadrant)| ResilienceFactor {
                text: text.to_string(),
                ..ResilienceFactor::new(*quadrant, *domain)
            })
            .collect();
        m
    }

    const RP: Quadrant = Quadrant::ALL[0];
    const RA: Quadrant = Quadrant::ALL[1];
    const VP: Quadrant = Quadrant::ALL[2];
    const VA: Quadrant = Quadrant::ALL[3];

    #[test]
    fn the_summary_counts_mixed_quadrants_as_both() {
        use ResilienceDomain::*;
        let m = matrix(&[
            ("Nan collects her every day", SecureBase, RP),
            ("Top of the class at reading", Education, RA),
            ("Misses school when Mum is unwell", Education, VA),
            ("Shy, but the youth club is welcoming", Friendships, VP),
            ("   ", Friendships, VA),
        ]);
        let summary = m.summary();
        let get = |d| summary.iter().find(|s| s.domain == d).unwrap().clone();
        assert_eq!(get(SecureBase).strengths, 1);
        assert_eq!(get(SecureBase).concerns, 0);
        assert_eq!((get(Education).strengths, get(Education).concerns), (1, 2));
        // A blank card counts for nothing.
        assert_eq!(
            (get(Friendships).strengths, get(Friendships).concerns),
            (1, 1)
        );
        assert_eq!(
            get(PositiveValues).strengths + get(PositiveValues).concerns,
            0
        );
        assert_eq!(summary.len(), 6);
    }

    #[test]
    fn strengths_to_build_on_start_with_the_firmest() {
        use ResilienceDomain::*;
        let m = matrix(&[
            ("The youth club", Friendships, VP),
            ("Plays the drums", TalentsAndInterests, RA),
            ("Nan", SecureBase, RP),
            ("Hits out when scared", SocialCompetence, VA),
        ]);
        let texts: Vec<&str> = m
            .strengths_to_build_on()
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(texts, ["Nan", "Plays the drums", "The youth club"]);
        assert_eq!(m.strongest_domains().len(), 3);
    }

    #[test]
    fn an_empty_matrix_has_nothing_to_build_on() {
        let m = matrix(&[]);
        assert!(m.strongest_domains().is_empty());
        assert!(m.strengths_to_build_on().is_empty());
    }

    #[test]
    fn quadrants_and_domains_round_trip_through_their_slugs() {
        for &q in Quadrant::ALL {
            assert_eq!(Quadrant::from_slug(q.slug()), Some(q));
        }
        for &d in ResilienceDomain::ALL {
            assert_eq!(ResilienceDomain::from_slug(d.slug()), Some(d));
        }
        assert!(VA.is_concern() && !VA.is_strength());
        assert!(RP.is_strength() && !RP.is_concern());
    }
}
