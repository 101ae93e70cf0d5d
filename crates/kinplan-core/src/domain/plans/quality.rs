//! The plan quality self-check, on the Care Inspectorate's six-point scale.
//!
//! Thirteen quality statements, drawn from the Falkirk file-reading
//! exercise and the practice standards (Barnet 7 for the safety plan), are
//! each answered "yes", "no" or "does not apply". Where the case's data can settle a statement (the SMART checker,
//! the schedule, whether the children's views are there) the answer is
//! automatic and says what it was based on; the rest are asked of the
//! worker, and their answers are kept with the plan.
//!
//! The scale grades a file by how many statements are answered "yes":
//! Excellent and Very good, all; Good, almost all; Adequate, most; Weak, no
//! more than half; Unsatisfactory, only a minority. Kinplan reads these as
//! shares of the statements that apply (see [`Grade::from_share`]): all is
//! Excellent, 90% Very good, 75% Good, more than half Adequate, more than a
//! quarter Weak, and less Unsatisfactory. Unanswered statements are left
//! out and reported, so a grade with questions open is provisional.

use crate::domain::language::text::every_one_of;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::choice::Choice;
use uuid::Uuid;

use crate::domain::case::Case;
use crate::domain::child_voice::{HouseKind, SaidBy};
use crate::domain::language::reading_age::TARGET_READING_AGE;
use crate::domain::plans::family_plan::{has_language_action, language_note, FamilyPlan};
use crate::domain::plans::schedule::{schedule, DueState};
use crate::domain::plans::smart::{check_plan, codes, PlanReport};
use crate::domain::plans::{Plan, PlanKind};
use crate::domain::profile::PracticeProfile;
use crate::domain::safety_map::{label_hint, MapColumn};

/// An answer to one quality statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    NotApplicable,
}

crate::choices!(Answer {
    Yes => "yes", "Yes";
    No => "no", "No";
    NotApplicable => "not_applicable", "Does not apply";
});

/// The worker's answer to a statement the data cannot settle, kept with the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerAnswer {
    pub code: String,
    pub answer: Answer,
}

/// Who settles a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Settled {
    /// From the case's data.
    Automatically,
    /// Asked of the worker.
    ByWorker,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Stable, for the audit's JSON and the worker's saved answers.
    pub code: &'static str,
    pub text: &'static str,
    pub settled: Settled,
}

const fn auto(code: &'static str, text: &'static str) -> Statement {
    Statement {
        code,
        text,
        settled: Settled::Automatically,
    }
}

const fn ask(code: &'static str, text: &'static str) -> Statement {
    Statement {
        code,
        text,
        settled: Settled::ByWorker,
    }
}

pub const STATEMENTS: [Statement; 13] = [
    auto(
        "child_view",
        "The children were seen, and their views are recorded in their own words.",
    ),
    auto(
        "specific_dangers",
        "The danger statements say what people do, not labels.",
    ),
    auto(
        "smart_actions",
        "Every action is SMART: who does what, by when, and how we will know.",
    ),
    auto(
        "linked_plan",
        "Every worry and outcome has an action, and every action works towards an outcome.",
    ),
    auto(
        "contingency",
        "The plan says what happens if it is not followed.",
    ),
    auto(
        "strengths",
        "What is working well is recorded, not only the worries.",
    ),
    auto(
        "interpreter",
        "Any need for an interpreter or another language is met.",
    ),
    auto("agency_roles", "Every worker's role and agency is clear."),
    auto("on_time", "Visits and meetings are on time."),
    auto(
        "plain_words",
        "The family's copy of the plan is in plain words (reading age 9 or under).",
    ),
    auto(
        "safety_plan_agreed",
        "The family's network has agreed a safety plan with them.",
    ),
    ask(
        "absent_parent_view",
        "The views of the father, or of any absent parent, are recorded.",
    ),
    ask(
        "shared_in_time",
        "The plan was shared with the family within 7 working days.",
    ),
];

/// One statement, answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    pub statement: Statement,
    /// `None`: a worker's question not answered yet.
    pub answer: Option<Answer>,
    /// What the answer was based on, in words.
    pub basis: String,
}

/// The six-point scale, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    Excellent,
    VeryGood,
    Good,
    Adequate,
    Weak,
    Unsatisfactory,
}

impl Grade {
    /// The grade for a share (0 to 1) of "yes" among the statements that apply.
    pub fn from_share(share: f64) -> Grade {
        match share {
            s if s >= 1.0 => Grade::Excellent,
            s if s >= 0.9 => Grade::VeryGood,
            s if s >= 0.75 => Grade::Good,
            s if s > 0.5 => Grade::Adequate,
            s if s > 0.25 => Grade::Weak,
            _ => Grade::Unsatisfactory,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Grade::Excellent => "Excellent",
            Grade::VeryGood => "Very good",
            Grade::Good => "Good",
            Grade::Adequate => "Adequate",
            Grade::Weak => "Weak",
            Grade::Unsatisfactory => "Unsatisfactory",
        }
    }
}

/// The whole self-check of one plan.
#[derive(Clone, Debug, PartialEq)]
pub struct QualityCheck {
    pub judgements: Vec<Judgement>,
}

impl QualityCheck {
    pub fn new(
        case: &Case,
        plan: &Plan,
        profile: &PracticeProfile,
        today: NaiveDate,
    ) -> QualityCheck {
        let review = crate::domain::plans::schedule::next_review(plan, profile, today);
        let report = check_plan(plan, case, review);
        let judgements = STATEMENTS
            .iter()
            .map(|&statement| {
                let (answer, basis) = match statement.settled {
                    Settled::Automatically => {
                        let (answer, basis) =
                            settle(statement.code, case, plan, &report, profile, today);
                        (Some(answer), basis)
                    }
                    Settled::ByWorker => {
                        let answer = plan
                            .quality
                            .iter()
                            .find(|a| a.code == statement.code)
                            .map(|a| a.answer);
                        let basis = match answer {
                            Some(_) => "Answered by the worker.".to_string(),
                            None => "Not answered yet: only the worker can say.".to_string(),
                        };
                        (answer, basis)
                    }
                };
                Judgement {
                    statement,
                    answer,
                    basis,
                }
            })
            .collect();
        QualityCheck { judgements }
    }

    fn count(&self, answer: Answer) -> usize {
        self.judgements
            .iter()
            .filter(|j| j.answer == Some(answer))
            .count()
    }

    /// Statements still waiting for the worker.
    pub fn unanswered(&self) -> usize {
        self.judgements
            .iter()
            .filter(|j| j.answer.is_none())
            .count()
    }

    /// The share of "yes" among the answered statements that apply.
    pub fn share_yes(&self) -> f64 {
        let yes = self.count(Answer::Yes);
        let applies = yes + self.count(Answer::No);
        if applies == 0 {
            0.0
        } else {
            yes as f64 / applies as f64
        }
    }

    pub fn grade(&self) -> Grade {
        Grade::from_share(self.share_yes())
    }

    pub fn strengths(&self) -> impl Iterator<Item = &Judgement> {
        self.judgements
            .iter()
            .filter(|j| j.answer == Some(Answer::Yes))
    }

    pub fn areas_for_development(&self) -> impl Iterator<Item = &Judgement> {
        self.judgements
            .iter()
            .filter(|j| j.answer == Some(Answer::No))
    }
}

fn yes_if(ok: bool, yes: impl Into<String>, no: impl Into<String>) -> (Answer, String) {
    if ok {
        (Answer::Yes, yes.into())
    } else {
        (Answer::No, no.into())
    }
}

fn plan_codes(report: &PlanReport) -> Vec<&'static str> {
    report.plan.iter().map(|f| f.code).collect()
}

/// What the plan's children said or drew themselves, in the Three Houses
/// and "I have, I am, I can" (all the children when the plan names none).
fn childrens_own_words(case: &Case, children: &[Uuid]) -> usize {
    let ours = |child: Uuid| children.is_empty() || children.contains(&child);
    let docs = &case.documents;
    let houses: usize = docs
        .three_houses
        .iter()
        .filter(|h| ours(h.child_id))
        .map(|h| {
            HouseKind::ALL
                .iter()
                .flat_map(|k| &h.house(*k).entries)
                .filter(|e| !e.is_blank())
                .count()
        })
        .sum();
    let statements = docs
        .strengths_statements
        .iter()
        .filter(|s| ours(s.child_id))
        .flat_map(|s| &s.statements)
        .filter(|s| s.said_by == SaidBy::Child && !s.text.trim().is_empty())
        .count();
    houses + statements
}

/// Answers one automatic statement from the data, with its basis.
fn settle(
    code: &str,
    case: &Case,
    plan: &Plan,
    report: &PlanReport,
    profile: &PracticeProfile,
    today: NaiveDate,
) -> (Answer, String) {
    let map = case.current_map();
    match code {
        "child_view" => {
            let in_plan = !plan_codes(report).contains(&codes::NO_CHILD_VIEW);
            let own_words = childrens_own_words(case, &plan.children);
            let things = if own_words == 1 { "1 thing".to_string() } else { format!("{own_words} things") };
            let tools = format!("Three Houses and \u{201c}I have, I am, I can\u{201d} hold {things} in the children's own words");
            match (in_plan, own_words) {
                (true, 0) => (Answer::Yes, "The plan records the children's views.".into()),
                (true, _) => (Answer::Yes, format!("The plan records the children's views, and the {tools}.")),
                (false, 0) => (Answer::No, "The children's views are missing, or say only that they are too young.".into()),
                (false, _) => (Answer::Yes, format!("The {tools}; the plan's own \u{201c}children's views\u{201d} is still empty or thin.")),
            }
        }
        "specific_dangers" => {
            let dangers = map.map(|m| m.danger_statements.as_slice()).unwrap_or_default();
            let labelled = dangers
                .iter()
                .filter(|d| label_hint(&format!("{} {}", d.behaviour, d.sentence)).is_some())
                .count();
            if dangers.is_empty() {
                (Answer::No, "The map has no danger statement yet.".into())
            } else {
                yes_if(
                    labelled == 0,
                    format!(
                        "{} danger statement{} behaviour.",
                        every_one_of(dangers.len()),
                        if dangers.len() == 1 { " describes" } else { "s describe" }
                    ),
                    format!("{labelled} of {} danger statements use a label such as \u{201c}neglect\u{201d}.", dangers.len()),
                )
            }
        }
        "smart_actions" => {
            let not_smart = report.actions.iter().filter(|(_, f)| !f.is_empty()).count();
            if plan.actions.is_empty() {
                (Answer::No, "The plan has no actions yet.".into())
            } else {
                yes_if(
                    not_smart == 0,
                    format!("The SMART checker found nothing to improve in {} actions.", plan.actions.len()),
                    format!("The SMART checker found {not_smart} of {} actions not SMART.", plan.actions.len()),
                )
            }
        }
        "linked_plan" => {
            let unlinked = report
                .plan
                .iter()
                .filter(|f| {
                    [codes::WORRY_WITHOUT_ACTION, codes::OUTCOME_WITHOUT_ACTION, codes::ACTION_WITHOUT_OUTCOME]
                        .contains(&f.code)
                })
                .count();
            yes_if(
                unlinked == 0 && !plan.worries.is_empty(),
                "Worries, outcomes and actions are all linked.",
                if plan.worries.is_empty() {
                    "The plan has no worries written yet.".to_string()
                } else {
                    format!("{unlinked} worries, outcomes or actions are not linked.")
                },
            )
        }
        "contingency" => match (plan.kind, plan.contingency.trim().is_empty()) {
            (_, false) => (Answer::Yes, "The plan has a contingency.".into()),
            (PlanKind::ChildProtection, true) => (Answer::No, format!("A {} needs a contingency, and this one has none.", profile.names.child_protection_plan)),
            (PlanKind::ChildInNeed, true) => (Answer::NotApplicable, format!("A {} does not have to have a contingency.", profile.names.child_in_need_plan)),
        },
        "strengths" => {
            let strengths = map
                .map(|m| m.entries_in_column(MapColumn::WorkingWell).count())
                .unwrap_or(0);
            yes_if(
                strengths > 0,
                format!("The map records {strengths} strengths and safety."),
                "The map records no strengths or existing safety.",
            )
        }
        "interpreter" => match language_note(case, &plan.children) {
            None => (Answer::NotApplicable, "No child is recorded as needing another language or an interpreter.".into()),
            Some(_) => yes_if(
                has_language_action(plan),
                "The plan has an action for the interpreter or translation.",
                "The family needs another language or an interpreter, and the plan has no action for it.",
            ),
        },
        "agency_roles" => {
            let unclear: Vec<&str> = case
                .workers
                .iter()
                .filter(|w| w.role.trim().is_empty() || w.agency.trim().is_empty())
                .map(|w| w.name.trim())
                .collect();
            if case.workers.is_empty() {
                (Answer::No, "No workers are recorded on the case.".into())
            } else {
                yes_if(
                    unclear.is_empty(),
                    format!(
                        "{} worker{} a role and an agency.",
                        every_one_of(case.workers.len()),
                        if case.workers.len() == 1 { " has" } else { "s have" }
                    ),
                    format!("No role or agency for: {}.", unclear.join(", ")),
                )
            }
        }
        "on_time" => {
            let baby = case.has_baby(&plan.children, today);
            match schedule(plan, baby, profile, today) {
                Ok(items) => {
                    let late: Vec<String> = items
                        .iter()
                        .filter(|i| i.state == DueState::Overdue)
                        .map(|i| format!("{} ({})", i.kind.title(&profile.names), crate::domain::language::dates::day_month_year(i.due)))
                        .collect();
                    yes_if(late.is_empty(), "Nothing in the schedule is overdue.", format!("Overdue: {}.", late.join(", ")))
                }
                Err(problems) => (
                    Answer::No,
                    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "),
                ),
            }
        }
        "plain_words" => {
            let age = FamilyPlan::new(case, plan, profile, today).readability().reading_age();
            yes_if(
                age <= TARGET_READING_AGE,
                format!("The family's copy reads at about age {age:.0}."),
                format!("The family's copy reads at about age {age:.0}; the aim is {TARGET_READING_AGE:.0} or under."),
            )
        }
        "safety_plan_agreed" => match (plan.kind, case.current_safety_plan()) {
            (PlanKind::ChildInNeed, _) => (Answer::NotApplicable, format!("A {} does not have to have a safety plan.", profile.names.child_in_need_plan)),
            (PlanKind::ChildProtection, None) => (Answer::No, "There is no safety plan yet.".into()),
            (PlanKind::ChildProtection, Some(safety)) => {
                let minimum = profile.min_safety_network;
                let agreed = safety.network_check(case, minimum).seen_and_agreed;
                yes_if(
                    safety.is_agreed(case, minimum),
                    format!("The safety plan has rules, and {agreed} people besides the parents have seen the worries and agreed to help."),
                    format!("A safety plan needs rules and at least {minimum} people besides the parents who have seen the worries and agreed to help; {agreed} have."),
                )
            }
        },
        _ => (Answer::NotApplicable, String::new()),
    }
}
