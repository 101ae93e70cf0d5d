//! What workers call the meetings, plans and register where they practise:
//! Scotland's Child Protection Planning Meeting is England's initial child
//! protection conference, and Wales's care and support protection plan is
//! England's Child Protection plan. Kept in the profile, so a schedule reads
//! in the words of the guidance the worker follows.

use serde::{Deserialize, Serialize};

use crate::domain::json_path::PathError;
use crate::domain::language::text::{check_text, MAX_PROFILE_TEXT};

/// Each name as it reads mid-sentence ("after the {initial_conference}");
/// [`sentence`] capitalises one to start a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeNames {
    /// The meeting that decides on a child protection plan.
    pub initial_conference: String,
    pub review_conference: String,
    pub core_group: String,
    pub child_protection_plan: String,
    /// The plan for a child who needs support but not protection.
    pub child_in_need_plan: String,
    pub child_in_need_review: String,
    pub register: String,
}

impl Default for PracticeNames {
    fn default() -> Self {
        PracticeNames::england()
    }
}

/// One name, for pages that list and edit them all.
pub struct NameField {
    pub key: &'static str,
    pub label: &'static str,
    pub get: fn(&PracticeNames) -> &String,
    pub set: fn(&mut PracticeNames, String),
}

macro_rules! names {
    ($($key:ident: $label:expr),* $(,)?) => {
        /// Every name, in the order practice meets them.
        pub const NAMES: &[NameField] = &[$(NameField {
            key: stringify!($key),
            label: $label,
            get: |n| &n.$key,
            set: |n, v| n.$key = v,
        }),*];
    };
}

names! {
    initial_conference: "The meeting that decides on a child protection plan",
    review_conference: "The meeting that reviews it",
    core_group: "The group that carries out the plan",
    child_protection_plan: "The child protection plan",
    child_in_need_plan: "The plan for a child in need of support",
    child_in_need_review: "That plan's review",
    register: "The register",
}

impl PracticeNames {
    /// Working Together to Safeguard Children's names.
    pub fn england() -> PracticeNames {
        PracticeNames {
            initial_conference: "initial child protection conference".into(),
            review_conference: "review child protection conference".into(),
            core_group: "core group".into(),
            child_protection_plan: "Child Protection plan".into(),
            child_in_need_plan: "Child in Need plan".into(),
            child_in_need_review: "Child in Need review".into(),
            register: "child protection register".into(),
        }
    }

    pub fn check(&self, path: &str) -> Result<(), PathError> {
        for field in NAMES {
            let at = format!("{path}.{}", field.key);
            let name = (field.get)(self);
            check_text(&at, name, MAX_PROFILE_TEXT)?;
            if name.trim().is_empty() {
                return Err(PathError::at(at, "a name is needed"));
            }
        }
        Ok(())
    }
}

/// `name` with its first letter capitalised, to start a line or a title.
pub fn sentence(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
