//! The SMART checker: says, in plain words, why an action or a plan is not
//! Specific, Measurable, Achievable, Realistic and Time-bound.
//!
//! The API is small and stable:
//! - [`check_action`] gives the [`Finding`]s for one action;
//! - [`check_plan`] gives them for every action and for the plan as a whole;
//! - [`Checker`] gives the same as `check_plan`, re-checking only the
//!   actions that changed since its last run, for checking as people type.
//!
//! Each finding has a stable `code` (listed in [`codes`]) for tools and
//! tests, and a `message` for people. The checker only advises: it never
//! blocks saving. Its word lists come from councils' guidance on SMART plans
//! and from what file audits keep finding ("Mum to engage with services").

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::case::Case;
use crate::domain::language::text::shorten;
use crate::domain::person_ref::PersonRef;
use crate::domain::plans::{Action, Plan, PlanKind};

mod due;
mod wording;

pub use due::{parse_date, read_due, Due};
use wording::{
    contains_phrase, has_several_tasks, is_measurable, vague_wording, GENERIC_PEOPLE,
    NEVER_LET_OFF, ROLES, VAGUE_OWNERS,
};

/// Every finding code the checker can give.
pub mod codes {
    pub const NO_OWNER: &str = "action.no_owner";
    pub const VAGUE_OWNER: &str = "action.vague_owner";
    pub const NO_DATE: &str = "action.no_date";
    pub const OPEN_ENDED_DATE: &str = "action.open_ended_date";
    pub const UNREADABLE_DATE: &str = "action.unreadable_date";
    pub const DATE_BEFORE_START: &str = "action.date_before_start";
    pub const DATE_AFTER_REVIEW: &str = "action.date_after_review";
    pub const VAGUE_VERB: &str = "action.vague_verb";
    pub const NO_MEASURE: &str = "action.no_measure";
    /// "How we will know" says nothing anyone can see, hear, count or be told.
    pub const VAGUE_MEASURE: &str = "action.vague_measure";
    pub const SEVERAL_TASKS: &str = "action.several_tasks";
    pub const WORRY_WITHOUT_ACTION: &str = "plan.worry_without_action";
    pub const OUTCOME_WITHOUT_ACTION: &str = "plan.outcome_without_action";
    pub const ACTION_WITHOUT_OUTCOME: &str = "plan.action_without_outcome";
    pub const TOO_MANY_ACTIONS: &str = "plan.too_many_actions_for_one_person";
    pub const NO_CONTINGENCY: &str = "plan.no_contingency";
    pub const NO_CHILD_VIEW: &str = "plan.no_child_view";
}

/// Most people can hold about this many actions in mind at once.
pub const MAX_ACTIONS_PER_PERSON: usize = 8;

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Action(Uuid),
    Worry(Uuid),
    Outcome(Uuid),
    Person(String),
    Plan,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub message: String,
    pub subject: Subject,
}

/// Dates the checker measures actions against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanDates {
    pub start: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
}

fn finding(code: &'static str, subject: Subject, message: impl Into<String>) -> Finding {
    Finding {
        code,
        message: message.into(),
        subject,
    }
}

/// What is not SMART about one action.
pub fn check_action(action: &Action, case: &Case, dates: PlanDates) -> Vec<Finding> {
    let mut found = Vec::new();
    let subject = || Subject::Action(action.id);

    match &action.who {
        PersonRef::Person(id) if case.person_name(*id).is_some() => {}
        PersonRef::Person(_) => found.push(finding(
            codes::NO_OWNER,
            subject(),
            "The person named for this action is no longer on the case. Choose who will do it.",
        )),
        PersonRef::Named(name) if name.trim().is_empty() => found.push(finding(
            codes::NO_OWNER,
            subject(),
            "Say who will do this: one named person.",
        )),
        PersonRef::Named(name) => {
            let lower = name.trim().to_lowercase();
            let bare = ["the ", "a ", "an "]
                .iter()
                .find_map(|a| lower.strip_prefix(a))
                .unwrap_or(&lower);
            // "a grandparent", "the parents", "a relative who…": a kind of
            // person, not one person.
            let generic = bare
                .split_whitespace()
                .next()
                .is_some_and(|first| GENERIC_PEOPLE.contains(&first));
            let several = [" and ", " or ", " & ", "/", ",", ";"]
                .iter()
                .any(|s| lower.contains(s));
            if several {
                found.push(finding(
                    codes::VAGUE_OWNER,
                    subject(),
                    format!("\u{201c}{}\u{201d} is more than one person. Give the action to one of them by name, and another action to the other if needed.", name.trim()),
                ));
            } else if ROLES.contains(&bare) || generic {
                found.push(finding(
                    codes::VAGUE_OWNER,
                    subject(),
                    format!("\u{201c}{}\u{201d} is a service or a role, not a person. Write the name of the person there who will do it.", name.trim()),
                ));
            } else if VAGUE_OWNERS.contains(&lower.as_str()) || lower.starts_with("all ") {
                found.push(finding(
                    codes::VAGUE_OWNER,
                    subject(),
                    format!("\u{201c}{}\u{201d} is not one person. Name who will do it, so everyone knows who to ask.", name.trim()),
                ));
            }
        }
    }

    match read_due(&action.by_when, dates.next_review) {
        Due::Missing => found.push(finding(
            codes::NO_DATE,
            subject(),
            "Add a date to say by when.",
        )),
        Due::OpenEnded(word) => found.push(finding(
            codes::OPEN_ENDED_DATE,
            subject(),
            format!(
                "\u{201c}{word}\u{201d} has no end. Give a date, so everyone knows when to check."
            ),
        )),
        Due::NextReview | Due::Approximate => {}
        Due::Unreadable => found.push(finding(
            codes::UNREADABLE_DATE,
            subject(),
            "Write the date as a day, month and year, for example 14/12/2026.",
        )),
        Due::Date(date) => {
            if dates.start.is_some_and(|start| date < start) {
                found.push(finding(
                    codes::DATE_BEFORE_START,
                    subject(),
                    "This date is before the plan starts.",
                ));
            }
            if dates.next_review.is_some_and(|review| date > review) {
                found.push(finding(
                    codes::DATE_AFTER_REVIEW,
                    subject(),
                    "This date is after the next review. Set a date before it, so the review can see whether it happened.",
                ));
            }
        }
    }

    let what = action.what.to_lowercase();
    let how = action.how_we_will_know.trim();
    if how.is_empty() {
        found.push(finding(
            codes::NO_MEASURE,
            subject(),
            "Say how we will know it has happened: something people will see, hear or can count.",
        ));
    }
    // A vague verb is let off by a sign anyone can check ("support Amy
    // with reading", known by her signed reading record).
    let measurable = !how.is_empty() && is_measurable(how);
    // A job title is not a verb: "Family Support Worker Daisy Brown".
    let verbs_only = ROLES
        .iter()
        .filter(|role| role.contains(' '))
        .fold(what.clone(), |text, role| text.replace(role, " "));
    if let Some(verb) = vague_wording(&verbs_only)
        .filter(|v| !measurable || v.passive || NEVER_LET_OFF.contains(&v.phrase.as_str()))
        .map(|v| v.phrase)
    {
        found.push(finding(
            codes::VAGUE_VERB,
            subject(),
            format!("\u{201c}{verb}\u{201d} does not say what will be done. Say what the person will do, so that others could see them do it: for example \u{201c}go to\u{201d}, \u{201c}book\u{201d}, \u{201c}phone\u{201d}."),
        ));
    }
    if !how.is_empty() && !measurable {
        found.push(finding(
            codes::VAGUE_MEASURE,
            subject(),
            "This does not say what anyone will see, hear, count or be told. Say who will notice what: for example \u{201c}the school register shows\u{201d} or \u{201c}Amy tells her worker\u{201d}.",
        ));
    }
    if has_several_tasks(&what) {
        found.push(finding(codes::SEVERAL_TASKS, subject(), "This joins more than one task. Split it into one action for each, each with its own date."));
    }
    found
}

/// Everything the checker finds in a plan: for each action, then for the
/// plan as a whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanReport {
    /// Shared with the [`Checker`]'s memory, so a report is cheap to make
    /// and to compare with the last one.
    pub actions: Vec<(Uuid, Arc<[Finding]>)>,
    pub plan: Vec<Finding>,
}

impl PlanReport {
    pub fn for_action(&self, id: Uuid) -> &[Finding] {
        self.actions
            .iter()
            .find(|(a, _)| *a == id)
            .map_or(&[], |(_, f)| &f[..])
    }

    /// The plan-wide findings about one worry, outcome or action.
    pub fn about(&self, subject: Subject) -> Vec<Finding> {
        self.plan
            .iter()
            .filter(|f| f.subject == subject)
            .cloned()
            .collect()
    }

    /// Whether every action passes.
    pub fn all_actions_smart(&self) -> bool {
        self.actions.iter().all(|(_, f)| f.is_empty())
    }

    pub fn count(&self) -> usize {
        self.plan.len() + self.actions.iter().map(|(_, f)| f.len()).sum::<usize>()
    }
}

/// Words that put off recording a child's view, which reviews keep finding.
const NOT_A_VIEW: [&str; 8] = [
    "too young",
    "n/a",
    "not applicable",
    "none",
    "nil",
    "baby",
    "non-verbal",
    "unable to",
];

pub fn check_plan(plan: &Plan, case: &Case, next_review: Option<NaiveDate>) -> PlanReport {
    Checker::default().check(plan, case, next_review)
}

/// [`check_plan`] with a memory: an action that has not changed since the
/// last run, in an unchanged setting, keeps its findings without being
/// checked again. A keystroke in one of 200 actions re-checks one.
#[derive(Default)]
pub struct Checker {
    /// What the findings of each action depend on besides the action.
    setting: Option<(PlanDates, Vec<Uuid>)>,
    actions: HashMap<Uuid, (Action, Arc<[Finding]>)>,
}

impl Checker {
    pub fn check(
        &mut self,
        plan: &Plan,
        case: &Case,
        next_review: Option<NaiveDate>,
    ) -> PlanReport {
        let dates = PlanDates {
            start: plan.start,
            next_review,
        };
        let people: Vec<Uuid> = case.people().into_iter().map(|(id, ..)| id).collect();
        let setting = Some((dates, people));
        if self.setting != setting {
            self.actions.clear();
            self.setting = setting;
        }
        let mut before = std::mem::take(&mut self.actions);
        let actions = plan
            .actions
            .iter()
            .map(|a| {
                let (kept, findings) = match before.remove(&a.id) {
                    Some((same, findings)) if same == *a => (same, findings),
                    _ => (a.clone(), check_action(a, case, dates).into()),
                };
                self.actions.insert(a.id, (kept, findings.clone()));
                (a.id, findings)
            })
            .collect();
        PlanReport {
            actions,
            plan: check_whole_plan(plan, case),
        }
    }
}

/// The findings about the plan as a whole, not about any one action.
fn check_whole_plan(plan: &Plan, case: &Case) -> Vec<Finding> {
    let mut found = Vec::new();

    let served: Vec<Uuid> = plan.actions.iter().filter_map(|a| a.outcome).collect();
    for worry in &plan.worries {
        let answered = plan
            .outcomes
            .iter()
            .any(|o| o.worry == Some(worry.id) && served.contains(&o.id));
        if !answered {
            found.push(finding(
                codes::WORRY_WITHOUT_ACTION,
                Subject::Worry(worry.id),
                format!("No action deals with this worry: \u{201c}{}\u{201d}. Link it to an outcome, and add an action for that outcome.", shorten(&worry.text, 60)),
            ));
        }
    }
    for outcome in &plan.outcomes {
        if !served.contains(&outcome.id) {
            found.push(finding(
                codes::OUTCOME_WITHOUT_ACTION,
                Subject::Outcome(outcome.id),
                format!(
                    "No action works towards this outcome: \u{201c}{}\u{201d}.",
                    shorten(&outcome.text, 60)
                ),
            ));
        }
    }
    for action in &plan.actions {
        if !action
            .outcome
            .is_some_and(|o| plan.outcomes.iter().any(|x| x.id == o))
        {
            found.push(finding(
                codes::ACTION_WITHOUT_OUTCOME,
                Subject::Action(action.id),
                if action.what.trim().is_empty() {
                    "Say which outcome this action is for.".to_string()
                } else {
                    format!(
                        "Say which outcome \u{201c}{}\u{201d} is for.",
                        shorten(&action.what, 60)
                    )
                },
            ));
        }
    }

    let mut per_person: HashMap<String, usize> = HashMap::new();
    for action in &plan.actions {
        if let Some(name) = action.who.name(case) {
            *per_person.entry(name).or_default() += 1;
        }
    }
    let mut busy: Vec<_> = per_person
        .into_iter()
        .filter(|(_, n)| *n > MAX_ACTIONS_PER_PERSON)
        .collect();
    busy.sort();
    for (name, n) in busy {
        found.push(finding(
            codes::TOO_MANY_ACTIONS,
            Subject::Person(name.clone()),
            format!("{name} has {n} actions. More than about {MAX_ACTIONS_PER_PERSON} is hard to keep track of: combine or drop some."),
        ));
    }

    if plan.kind == PlanKind::ChildProtection && plan.contingency.trim().is_empty() {
        found.push(finding(codes::NO_CONTINGENCY, Subject::Plan, "A Child Protection plan needs a contingency plan: what happens if the plan is not followed or does not work."));
    }

    let views = plan.child_views.trim().to_lowercase();
    if views.is_empty()
        || NOT_A_VIEW.iter().any(|w| contains_phrase(&views, w))
            && views.split_whitespace().count() < 12
    {
        found.push(finding(
            codes::NO_CHILD_VIEW,
            Subject::Plan,
            "Record the children's views in their own words. For a child who cannot talk yet, \u{201c}too young\u{201d} is not a reason: write how they seem, what they do, and who they go to.",
        ));
    }
    found
}
