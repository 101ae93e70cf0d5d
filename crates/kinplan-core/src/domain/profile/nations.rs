//! The four profiles Kinplan ships, one per UK nation, from the public
//! guidance gathered in `nations.md` (each figure cites its source there).
//!
//! Where a nation's guidance sets no figure, or none could be confirmed,
//! the profile ships the common local practice (England's figure), lists
//! it as set locally, and says so in its notes, so a council checks it
//! rather than taking it for law.

use crate::domain::calendar::HolidayRules;
use crate::domain::choice::Choice;

use super::names::PracticeNames;
use super::period::Period::{Months, Weeks, WorkingDays};
use super::{PracticeProfile, Timescales};

/// The nations whose child protection guidance Kinplan ships.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nation {
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

crate::choices!(Nation {
    England => "england", "England";
    Wales => "wales", "Wales";
    Scotland => "scotland", "Scotland";
    NorthernIreland => "northern-ireland", "Northern Ireland";
});

impl Nation {
    pub fn profile(self) -> PracticeProfile {
        match self {
            Nation::England => PracticeProfile::england(),
            Nation::Wales => wales(),
            Nation::Scotland => scotland(),
            Nation::NorthernIreland => northern_ireland(),
        }
    }

    /// The nation whose shipped profile has this name, for `--profile`.
    pub fn named(name: &str) -> Option<Nation> {
        let wanted = name.trim().to_lowercase().replace([' ', '_'], "-");
        Nation::ALL.iter().copied().find(|n| n.slug() == wanted)
    }
}

impl PracticeProfile {
    /// `nation`'s shipped profile, keeping what this council set that no
    /// nation's guidance covers: its jargon list, chronology categories,
    /// safety network size and local holidays.
    pub fn with_nation(&self, nation: Nation) -> PracticeProfile {
        let mut next = nation.profile();
        next.jargon = self.jargon.clone();
        next.chronology_categories = self.chronology_categories.clone();
        next.min_safety_network = self.min_safety_network;
        next.holidays.local = self.holidays.local.clone();
        next
    }
}

/// England's figures for what a nation leaves to councils.
fn england_timescales() -> Timescales {
    PracticeProfile::england().timescales
}

fn keys(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| k.to_string()).collect()
}

const CHILD_IN_NEED_LOCAL: &str = "Child in need visits and reviews, the assessment update and the report before a review are not set nationally: England's figures are shipped. Your council sets its own; check them below.";

/// Wales Safeguarding Procedures (2019), under the Social Services and
/// Well-being (Wales) Act 2014.
fn wales() -> PracticeProfile {
    PracticeProfile {
        name: "Wales (Wales Safeguarding Procedures)".into(),
        names: PracticeNames {
            child_protection_plan: "care and support protection plan".into(),
            child_in_need_plan: "care and support plan".into(),
            child_in_need_review: "care and support plan review".into(),
            ..PracticeNames::england()
        },
        timescales: Timescales {
            // "within 10 working days of the date of the initial child
            // protection conference and thereafter at monthly but no more
            // than at 6 weekly intervals" (chi-i-c3pt2, p13).
            cp_first_core_group: WorkingDays(10),
            cp_core_group_every: Months(1),
            // "within three months of the initial conference and further
            // review conferences… at least every six months" (chi-i-c4, p8).
            cp_first_review: Months(3),
            cp_review_every: Months(6),
            // The outline plan and decisions "within five working days"
            // (chi-i-c3pt2, p11).
            plan_shared_within: WorkingDays(5),
            ..england_timescales()
        },
        set_nationally: keys(&[
            "cp_first_core_group",
            "cp_core_group_every",
            "cp_first_review",
            "cp_review_every",
            "plan_shared_within",
        ]),
        notes: vec![
            "Visits to a child on a care and support protection plan: the Procedures ask for \u{201c}visiting arrangements that comply with statutory requirements\u{201d} and give no figure. Every 10 working days (England's) is shipped; check your council's.".into(),
            "The initial conference's own deadline is not in the 2019 Procedures; councils worked to 15 working days from the strategy discussion before them.".into(),
            CHILD_IN_NEED_LOCAL.into(),
        ],
        ..PracticeProfile::england()
    }
}

/// National Guidance for Child Protection in Scotland 2021, updated 2023
/// (Appendix D), and GIRFEC.
fn scotland() -> PracticeProfile {
    PracticeProfile {
        name: "Scotland (National Guidance for Child Protection 2021, updated 2023)".into(),
        names: PracticeNames {
            initial_conference: "Child Protection Planning Meeting".into(),
            review_conference: "review Child Protection Planning Meeting".into(),
            child_protection_plan: "Child Protection Plan".into(),
            child_in_need_plan: "Child's Plan".into(),
            child_in_need_review: "Child's Plan review".into(),
            ..PracticeNames::england()
        },
        timescales: Timescales {
            // First core group within 15 working days of the CPPM
            // (Appendix D, 2023).
            cp_first_core_group: WorkingDays(15),
            // Review CPPM within 6 months, then six-monthly.
            cp_first_review: Months(6),
            cp_review_every: Months(6),
            // The CPPM record is issued within 10 working days.
            plan_shared_within: WorkingDays(10),
            ..england_timescales()
        },
        set_nationally: keys(&[
            "cp_first_core_group",
            "cp_first_review",
            "cp_review_every",
            "plan_shared_within",
        ]),
        notes: vec![
            "First core group: the 2021 guidance says \u{201c}15 days\u{201d} with no unit; Appendix D (2023) says working days, which is shipped. The 2014 guidance said calendar days.".into(),
            "Core group meetings and visits to a child on the register are not set nationally: monthly core groups and visits every 10 working days (England's) are shipped; check your partnership's.".into(),
            "First review: within 6 months of the Child Protection Planning Meeting, as the 2021 guidance says (the 2014 guidance said 3 months).".into(),
            "A category of harm is not needed at registration, so the plan does not ask for one.".into(),
            "Councils set local public holidays of their own: add yours below.".into(),
            CHILD_IN_NEED_LOCAL.into(),
        ],
        harm_category_at_registration: false,
        holidays: HolidayRules::scotland(),
        ..PracticeProfile::england()
    }
}

/// Co-operating to Safeguard Children and Young People in Northern Ireland
/// (2017) and the SBNI Regional Core Child Protection Policies and
/// Procedures.
fn northern_ireland() -> PracticeProfile {
    PracticeProfile {
        name: "Northern Ireland (Co-operating to Safeguard Children 2017)".into(),
        names: PracticeNames {
            initial_conference: "initial Child Protection Case Conference".into(),
            review_conference: "review Child Protection Case Conference".into(),
            child_protection_plan: "Child Protection Plan".into(),
            ..PracticeNames::england()
        },
        timescales: Timescales {
            // "must be seen at least every four weeks" (SBNI register
            // chapter, amended May 2018).
            cp_visit_every: Weeks(4),
            // "formally reviewed at least every six months (and initially
            // after three months…)".
            cp_first_review: Months(3),
            cp_review_every: Months(6),
            ..england_timescales()
        },
        set_nationally: keys(&["cp_visit_every", "cp_first_review", "cp_review_every"]),
        notes: vec![
            "The first core group and how often core groups meet could not be confirmed in the regional procedures: within 10 working days and monthly (England's) are shipped; check your trust's.".into(),
            "Visits to a baby under 1 are not set separately: every 2 weeks (England's) is shipped.".into(),
            CHILD_IN_NEED_LOCAL.into(),
        ],
        holidays: HolidayRules::northern_ireland(),
        ..PracticeProfile::england()
    }
}
