//! The audit of exported files, for quality assurance teams: for every
//! plan, each action's SMART findings, the schedule of due dates, the
//! automatic answers to the quality statements, and the grade.
//!
//! This is the shape `kinplan-audit --json` prints, documented in
//! `docs/audit-format.md`; field names and codes are stable.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::case::Case;
use crate::domain::choice::Choice;
use crate::domain::json_path::PathError;
use crate::domain::persist::export::parse_export;
use crate::domain::plans::quality::{Answer, QualityCheck, Settled};
use crate::domain::plans::schedule::{next_review, schedule, DueState};
use crate::domain::plans::smart::check_plan;
use crate::domain::plans::{Plan, PlanKind};
use crate::domain::profile::PracticeProfile;

/// Bumped only when a field changes meaning or goes.
pub const AUDIT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Audit {
    pub format: &'static str,
    pub version: u32,
    /// The day the schedule and the quality answers are reckoned from.
    pub date: NaiveDate,
    /// The name of the practice profile whose timescales, names and bank
    /// holidays the schedule was worked out with.
    pub profile: String,
    pub files: Vec<FileAudit>,
    #[serde(skip)]
    rules: PracticeProfile,
}

#[derive(Debug, Serialize)]
pub struct FileAudit {
    pub file: String,
    /// Why the file could not be audited, at which JSON path.
    pub error: Option<FileError>,
    pub cases: Vec<CaseAudit>,
}

#[derive(Debug, Serialize)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Serialize)]
pub struct CaseAudit {
    pub id: String,
    pub label: String,
    pub plans: Vec<PlanAudit>,
}

#[derive(Debug, Serialize)]
pub struct PlanAudit {
    pub id: String,
    pub kind: &'static str,
    pub start: Option<NaiveDate>,
    pub actions: Vec<ActionAudit>,
    /// Findings about the plan as a whole.
    pub plan_codes: Vec<&'static str>,
    pub schedule: Vec<DueItem>,
    /// Why there is no schedule, when there is none.
    pub schedule_problems: Vec<String>,
    pub quality: Vec<QualityAnswer>,
    pub grade: &'static str,
    /// Share of "yes" among the answered statements that apply, 0 to 1.
    pub share_yes: f64,
    pub unanswered: usize,
}

#[derive(Debug, Serialize)]
pub struct ActionAudit {
    pub id: String,
    pub what: String,
    pub codes: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct DueItem {
    pub kind: &'static str,
    pub due: NaiveDate,
    /// "due", "due_soon" or "overdue".
    pub state: &'static str,
}

#[derive(Debug, Serialize)]
pub struct QualityAnswer {
    pub code: &'static str,
    pub statement: &'static str,
    /// "yes", "no", "not_applicable" or "unanswered".
    pub answer: &'static str,
    /// "automatically" or "by_worker".
    pub settled: &'static str,
    pub basis: String,
}

impl Audit {
    pub fn new(date: NaiveDate, profile: &PracticeProfile) -> Audit {
        Audit {
            format: "kinplan-audit",
            version: AUDIT_VERSION,
            date,
            profile: profile.name.clone(),
            files: Vec::new(),
            rules: profile.clone(),
        }
    }

    /// Audits one export file's bytes; a bad file is recorded with its error.
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) {
        let audit = match parse_export(bytes) {
            Ok(file) => FileAudit {
                file: name.to_string(),
                error: None,
                cases: file
                    .cases
                    .iter()
                    .map(|c| audit_case(c, &self.rules, self.date))
                    .collect(),
            },
            Err(errors) => FileAudit {
                file: name.to_string(),
                error: errors.first().map(file_error),
                cases: Vec::new(),
            },
        };
        self.files.push(audit);
    }

    /// Records a file that could not be read or opened, with the JSON path
    /// at fault (empty for the whole file).
    pub fn add_unreadable(&mut self, name: &str, path: &str, why: String) {
        self.files.push(FileAudit {
            file: name.to_string(),
            error: Some(FileError {
                path: path.to_string(),
                message: why,
            }),
            cases: Vec::new(),
        });
    }

    pub fn all_read(&self) -> bool {
        self.files.iter().all(|f| f.error.is_none())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an audit always serialises")
    }

    /// The audit as plain text, for people.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "Reckoned on {} with the practice profile \u{201c}{}\u{201d}\n",
            self.date, self.profile
        );
        for file in &self.files {
            out.push_str(&format!("{}\n", file.file));
            if let Some(e) = &file.error {
                let at = if e.path.is_empty() {
                    String::new()
                } else {
                    format!(" at {}", e.path)
                };
                out.push_str(&format!("  cannot be audited{at}: {}\n", e.message));
            }
            for case in &file.cases {
                out.push_str(&format!("  {}\n", case.label));
                if case.plans.is_empty() {
                    out.push_str("    no plans\n");
                }
                for plan in &case.plans {
                    out.push_str(&format!(
                        "    {} plan: {} ({:.0}% yes{})\n",
                        plan.kind.replace('_', " "),
                        plan.grade,
                        plan.share_yes * 100.0,
                        match plan.unanswered {
                            0 => String::new(),
                            n => format!(", {n} for the worker to answer"),
                        }
                    ));
                    for q in &plan.quality {
                        out.push_str(&format!(
                            "      [{}] {} {}\n",
                            q.answer.replace('_', " "),
                            q.statement,
                            q.basis
                        ));
                    }
                    for a in plan.actions.iter().filter(|a| !a.codes.is_empty()) {
                        out.push_str(&format!(
                            "      action \u{201c}{}\u{201d}: {}\n",
                            a.what,
                            a.codes.join(", ")
                        ));
                    }
                    for item in &plan.schedule {
                        out.push_str(&format!(
                            "      {} {} ({})\n",
                            item.due, item.kind, item.state
                        ));
                    }
                    for p in &plan.schedule_problems {
                        out.push_str(&format!("      no schedule: {p}\n"));
                    }
                }
            }
        }
        out
    }
}

fn file_error(e: &PathError) -> FileError {
    FileError {
        path: e.path.clone(),
        message: e.message.clone(),
    }
}

fn audit_case(case: &Case, profile: &PracticeProfile, today: NaiveDate) -> CaseAudit {
    CaseAudit {
        id: case.id.to_string(),
        label: case.label.clone(),
        plans: case
            .documents
            .plans
            .iter()
            .map(|p| audit_plan(case, p, profile, today))
            .collect(),
    }
}

fn audit_plan(case: &Case, plan: &Plan, profile: &PracticeProfile, today: NaiveDate) -> PlanAudit {
    let report = check_plan(plan, case, next_review(plan, profile, today));
    let baby = case.has_baby(&plan.children, today);
    let (schedule, schedule_problems) = match schedule(plan, baby, profile, today) {
        Ok(items) => (
            items
                .into_iter()
                .map(|i| DueItem {
                    kind: i.kind.code(),
                    due: i.due,
                    state: match i.state {
                        DueState::Overdue => "overdue",
                        DueState::DueSoon => "due_soon",
                        DueState::Upcoming => "due",
                    },
                })
                .collect(),
            Vec::new(),
        ),
        Err(problems) => (
            Vec::new(),
            problems.iter().map(ToString::to_string).collect(),
        ),
    };
    let check = QualityCheck::new(case, plan, profile, today);
    PlanAudit {
        id: plan.id.to_string(),
        kind: match plan.kind {
            PlanKind::ChildInNeed => "child_in_need",
            PlanKind::ChildProtection => "child_protection",
        },
        start: plan.start,
        actions: report
            .actions
            .iter()
            .map(|(id, findings)| ActionAudit {
                id: id.to_string(),
                what: plan
                    .actions
                    .iter()
                    .find(|a| a.id == *id)
                    .map(|a| a.what.clone())
                    .unwrap_or_default(),
                codes: findings.iter().map(|f| f.code).collect(),
            })
            .collect(),
        plan_codes: report.plan.iter().map(|f| f.code).collect(),
        schedule,
        schedule_problems,
        quality: check
            .judgements
            .iter()
            .map(|j| QualityAnswer {
                code: j.statement.code,
                statement: j.statement.text,
                answer: j.answer.map_or("unanswered", Answer::slug),
                settled: match j.statement.settled {
                    Settled::Automatically => "automatically",
                    Settled::ByWorker => "by_worker",
                },
                basis: j.basis.clone(),
            })
            .collect(),
        grade: check.grade().title(),
        share_yes: (check.share_yes() * 1000.0).round() / 1000.0,
        unanswered: check.unanswered(),
    }
}
