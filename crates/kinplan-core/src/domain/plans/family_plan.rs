//! The family's copy of a plan: what the printed plan says, in the order
//! families read it, with their names and in plain words.
//!
//! Composing it here, not in the print view, lets the plain-English checker
//! (and `make bench`) read exactly the words the family will get.

use chrono::NaiveDate;

use crate::domain::case::Case;
use crate::domain::language::print_words::{fill, Catalogue, ENGLISH};
use crate::domain::language::reading_age::{Readability, Reader};
use crate::domain::language::section_check::{check_sections, readability_of_all, SectionCheck};
use crate::domain::plans::schedule::{schedule, ScheduleKind};
use crate::domain::plans::smart::{read_due, Due};
use crate::domain::plans::{Plan, PlanKind};
use crate::domain::profile::PracticeProfile;
use crate::domain::safety_map::MapColumn;

/// One row of "who does what by when".
#[derive(Clone, Debug, PartialEq)]
pub struct ActionRow {
    pub who: String,
    pub what: String,
    pub by_when: String,
    pub how_we_will_know: String,
}

/// Someone the family can contact.
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    pub name: String,
    pub role: String,
    pub how: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FamilyPlan {
    /// "Plan for Amy (6) and Leo (3)".
    pub title: String,
    pub kind: PlanKind,
    /// Said at the top when the family needs another language or an interpreter.
    pub language: Option<String>,
    pub worries: Vec<String>,
    pub working_well: Vec<String>,
    pub needs_to_happen: Vec<String>,
    pub actions: Vec<ActionRow>,
    /// The next meetings and visits: what, and when.
    pub dates: Vec<(String, NaiveDate)>,
    pub contacts: Vec<Contact>,
    pub contingency: String,
    /// Where the family's safety plan is, when this plan links to it.
    pub safety_plan: Option<String>,
    /// The family, who know their own people's names on sight.
    pub reader: Reader,
}

impl FamilyPlan {
    /// The family's plan in English.
    pub fn new(
        case: &Case,
        plan: &Plan,
        profile: &PracticeProfile,
        today: NaiveDate,
    ) -> FamilyPlan {
        FamilyPlan::written(case, plan, profile, today, &ENGLISH)
    }

    /// The family's plan with its fixed words from `words`; what the
    /// worker wrote stays as written.
    pub fn written(
        case: &Case,
        plan: &Plan,
        profile: &PracticeProfile,
        today: NaiveDate,
        words: &Catalogue,
    ) -> FamilyPlan {
        let names = case.child_names(&plan.children, today);
        let title = match names.as_slice() {
            [] => words.plan.title_no_children.to_string(),
            names => fill(words.plan.title_for, &[("names", &(words.join)(names))]),
        };
        let working_well = case
            .current_map()
            .map(|m| {
                m.entries_in_column(MapColumn::WorkingWell)
                    .map(|e| e.text.trim().to_string())
                    .collect()
            })
            .unwrap_or_default();
        let actions = plan
            .actions
            .iter()
            .map(|a| ActionRow {
                who: a
                    .who
                    .name(case)
                    .unwrap_or_else(|| words.plan.not_decided.into()),
                what: a.what.trim().to_string(),
                by_when: match read_due(&a.by_when, None) {
                    Due::Date(d) => words.date(d),
                    _ => a.by_when.trim().to_string(),
                },
                how_we_will_know: a.how_we_will_know.trim().to_string(),
            })
            .collect();
        let baby = case.has_baby(&plan.children, today);
        let dates = schedule(plan, baby, profile, today)
            .map(|items| {
                // The report comes before its meeting: its line names the
                // meeting's date, so it makes sense on its own.
                let review = items
                    .iter()
                    .find(|i| i.kind == ScheduleKind::ReviewConference)
                    .map(|i| i.due);
                items
                    .iter()
                    .filter(|i| i.due >= today)
                    .map(|i| {
                        let said = i.kind.in_words(&words.plan.schedule);
                        let what = match (i.kind, review) {
                            (ScheduleKind::ReviewReport, Some(meeting)) => fill(
                                words.plan.schedule.review_report_on,
                                &[("what", said), ("date", &words.date(meeting))],
                            ),
                            _ => said.to_string(),
                        };
                        (what, i.due)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let contacts = case
            .workers
            .iter()
            .filter(|w| !w.name.trim().is_empty())
            .map(|w| Contact {
                name: w.name.trim().to_string(),
                role: [w.role.trim(), w.agency.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                how: w.contact.trim().to_string(),
            })
            .collect();
        FamilyPlan {
            title,
            kind: plan.kind,
            language: language_note_in(case, &plan.children, words),
            worries: non_empty(plan.worries.iter().map(|w| w.text.as_str())),
            working_well,
            needs_to_happen: non_empty(plan.outcomes.iter().map(|o| o.text.as_str())),
            actions,
            dates,
            contacts,
            contingency: plan.contingency.trim().to_string(),
            safety_plan: safety_plan_note(case, plan, words),
            reader: case.reader(),
        }
    }

    /// Each section as the family will read it, for the checker.
    pub fn sections(&self) -> Vec<(&'static str, String)> {
        let actions = self
            .actions
            .iter()
            .map(|a| format!("{}. {}", a.what, a.how_we_will_know))
            .collect::<Vec<_>>();
        vec![
            ("What we are worried about", self.worries.join("\n")),
            ("What is working well", self.working_well.join("\n")),
            (
                "What needs to happen",
                self.needs_to_happen
                    .iter()
                    .chain(&self.safety_plan)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            ("Who does what, by when", actions.join("\n")),
            ("If the plan is not followed", self.contingency.clone()),
        ]
    }

    /// Reading age and jargon, section by section.
    pub fn check(&self, profile: &PracticeProfile) -> Vec<SectionCheck> {
        check_sections(&self.reader, self.sections(), &profile.jargon)
    }

    /// The reading age of the whole plan.
    pub fn readability(&self) -> Readability {
        readability_of_all(&self.reader, &self.sections())
    }
}

/// "Your safety plan is part of this plan…": said when the plan links to
/// the family's safety plan and there is one, with the day it was agreed.
fn safety_plan_note(case: &Case, plan: &Plan, words: &Catalogue) -> Option<String> {
    let safety_plan = case
        .current_safety_plan()
        .filter(|_| plan.links_safety_plan)?;
    Some(fill(
        words.plan.safety_plan_note,
        &[("date", &words.date(safety_plan.date))],
    ))
}

fn non_empty<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    texts
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// The languages other than English of the given children (all of them
/// when none are given), each once, and whether any needs an interpreter.
fn languages(case: &Case, children: &[uuid::Uuid]) -> (Vec<String>, bool) {
    let mut languages: Vec<String> = Vec::new();
    let mut interpreter = false;
    for child in case
        .children
        .iter()
        .filter(|c| children.is_empty() || children.contains(&c.id))
    {
        let language = child.first_language.trim();
        if !language.is_empty()
            && !language.eq_ignore_ascii_case("english")
            && !languages.iter().any(|l| l.eq_ignore_ascii_case(language))
        {
            languages.push(language.to_string());
        }
        interpreter |= child.needs_interpreter;
    }
    (languages, interpreter)
}

/// "This family speaks Polish. This plan should also be given to them in
/// that language. An interpreter is needed at every meeting and visit."
pub fn language_note(case: &Case, children: &[uuid::Uuid]) -> Option<String> {
    language_note_in(case, children, &ENGLISH)
}

fn language_note_in(case: &Case, children: &[uuid::Uuid], words: &Catalogue) -> Option<String> {
    let (languages, interpreter) = languages(case, children);
    let mut note = Vec::new();
    if !languages.is_empty() {
        note.push(fill(
            words.plan.family_speaks,
            &[("languages", &(words.join)(&languages))],
        ));
    }
    if interpreter {
        note.push(words.plan.interpreter_needed.to_string());
    }
    (!note.is_empty()).then(|| note.join(" "))
}

/// What the action that arranges the language support says.
pub fn language_action(case: &Case, children: &[uuid::Uuid]) -> String {
    match languages(case, children).0.first() {
        Some(l) => format!("Book a {l} interpreter for every meeting and visit, and have this plan translated into {l}"),
        None => "Book an interpreter for every meeting and visit".into(),
    }
}

/// Whether the plan has an action to arrange the language support.
pub fn has_language_action(plan: &Plan) -> bool {
    plan.actions.iter().any(|a| {
        let what = a.what.to_lowercase();
        what.contains("interpret") || what.contains("translat")
    })
}
