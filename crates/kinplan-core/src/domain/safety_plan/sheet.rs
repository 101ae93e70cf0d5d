//! The safety plan as the family and their network read it on paper: each
//! worry with its rules, who keeps and checks them, what the children do,
//! the network with how to reach each person, and the map's bottom lines.
//!
//! Composing it here, not in the print view, lets the plain-English
//! checker read exactly the words the family will get.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::case::Case;
use crate::domain::language::plain_english::Jargon;
use crate::domain::language::print_words::{Catalogue, ENGLISH};
use crate::domain::language::reading_age::Readability;
use crate::domain::language::section_check::{check_sections, readability_of_all, SectionCheck};
use crate::domain::person_ref::PersonRef;

use super::{RuleHeld, SafetyPlan, SafetyRule};

/// One rule as the family reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleLines {
    pub text: String,
    /// ("Who keeps it", "Anna"), … only the parts filled in.
    pub parts: Vec<(&'static str, String)>,
    /// "14 November 2026: It held. Darren went to his brother's."
    pub tests: Vec<String>,
}

/// A worry and the rules answering it; `worry` is `None` for the rules
/// that answer no danger statement on the map now.
#[derive(Clone, Debug, PartialEq)]
pub struct WorryRules {
    pub worry: Option<String>,
    pub rules: Vec<RuleLines>,
}

/// Someone in the network as the sheet lists them.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkLine {
    pub who: String,
    pub part: String,
    pub how_to_reach: String,
    /// Has seen the danger statement and agreed to help.
    pub agreed: bool,
}

/// One version of the safety plan, as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilySheet {
    /// The day of the network meeting, as people write it.
    pub date: String,
    pub worries: Vec<WorryRules>,
    pub network: Vec<NetworkLine>,
    pub bottom_lines: Vec<String>,
    pub attended: Vec<String>,
    pub agreed: String,
    pub rule_changes: String,
}

fn name(person: &PersonRef, case: &Case) -> String {
    person.name(case).unwrap_or_default()
}

fn rule_lines(rule: &SafetyRule, case: &Case, words: &Catalogue) -> RuleLines {
    let said = &words.safety;
    let parts = [
        (said.kept_by, name(&rule.kept_by, case)),
        (said.checked_by, name(&rule.checked_by, case)),
        (said.how_often, rule.how_often_checked.trim().to_string()),
        (said.children_do, rule.children_do.trim().to_string()),
        (
            said.what_happens_then,
            rule.what_happens_then.trim().to_string(),
        ),
    ]
    .into_iter()
    .filter(|(_, text)| !text.is_empty())
    .collect();
    RuleLines {
        text: rule.text.trim().to_string(),
        parts,
        tests: rule
            .tests
            .iter()
            .map(|t| {
                let held = match t.held {
                    RuleHeld::Held => said.held,
                    RuleHeld::NotHeld => said.not_held,
                };
                format!("{}: {held}. {}", words.date(t.date), t.what_happened)
            })
            .collect(),
    }
}

impl FamilySheet {
    /// `plan` read against the case's current map on `today` (which sets
    /// the children's ages in the worries).
    pub fn new(plan: &SafetyPlan, case: &Case, today: NaiveDate) -> FamilySheet {
        FamilySheet::written(plan, case, today, &ENGLISH)
    }

    /// The same, with its fixed words (the parts of a rule, how a test
    /// went, dates) from `words`.
    pub fn written(
        plan: &SafetyPlan,
        case: &Case,
        today: NaiveDate,
        words: &Catalogue,
    ) -> FamilySheet {
        let map = case.current_map();
        let written = |r: &&SafetyRule| !r.text.trim().is_empty();
        let mut worries: Vec<WorryRules> = map
            .map(|m| {
                m.danger_statements
                    .iter()
                    .map(|d| WorryRules {
                        worry: Some(case.danger_sentence(d, today)),
                        rules: plan
                            .rules_for(d.id)
                            .filter(written)
                            .map(|r| rule_lines(r, case, words))
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let dangers: Vec<Uuid> = map
            .map(|m| m.danger_statements.iter().map(|d| d.id).collect())
            .unwrap_or_default();
        let other: Vec<RuleLines> = plan
            .rules_answering_none_of(&dangers)
            .filter(written)
            .map(|r| rule_lines(r, case, words))
            .collect();
        if !other.is_empty() {
            worries.push(WorryRules {
                worry: None,
                rules: other,
            });
        }
        FamilySheet {
            date: words.date(plan.date),
            worries,
            network: plan
                .network
                .iter()
                .filter(|n| n.person.name(case).is_some())
                .map(|n| NetworkLine {
                    who: name(&n.person, case),
                    part: n.role.trim().to_string(),
                    how_to_reach: n.how_to_reach(case),
                    agreed: n.seen_danger_statement && n.agreed_to_help,
                })
                .collect(),
            bottom_lines: map
                .map(|m| {
                    m.bottom_lines
                        .iter()
                        .map(|b| b.text.trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            attended: plan
                .meeting
                .attended
                .iter()
                .map(|p| name(p, case))
                .filter(|n| !n.is_empty())
                .collect(),
            agreed: plan.meeting.agreed.trim().to_string(),
            rule_changes: plan.meeting.rule_changes.trim().to_string(),
        }
    }

    /// Each section as the family will read it, for the checker. Phone
    /// numbers and names are not prose, so the network section is the
    /// parts people play.
    pub fn sections(&self) -> Vec<(&'static str, String)> {
        let rules = self
            .worries
            .iter()
            .flat_map(|w| {
                w.worry.iter().cloned().chain(w.rules.iter().flat_map(|r| {
                    std::iter::once(r.text.clone()).chain(r.parts.iter().map(|(_, v)| v.clone()))
                }))
            })
            .collect::<Vec<_>>();
        let network = self
            .network
            .iter()
            .map(|n| n.part.clone())
            .collect::<Vec<_>>();
        let meeting = [self.agreed.clone(), self.rule_changes.clone()];
        vec![
            ("Our rules", rules.join("\n")),
            ("Our safety network", network.join("\n")),
            ("Bottom lines", self.bottom_lines.join("\n")),
            ("Network meeting", meeting.join("\n")),
        ]
    }

    /// Reading age and jargon, section by section, for a family who know
    /// their own people's names.
    pub fn check(&self, case: &Case, jargon: &[Jargon]) -> Vec<SectionCheck> {
        check_sections(&case.reader(), self.sections(), jargon)
    }

    pub fn readability(&self, case: &Case) -> Readability {
        readability_of_all(&case.reader(), &self.sections())
    }
}
