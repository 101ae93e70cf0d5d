//! Stored shapes and their versions.
//!
//! Every stored or exported record carries `schema_version`. Reading goes
//! through [`read_case`], which migrates old versions forward one step at a
//! time and refuses versions newer than this build knows, so that an older
//! copy of the app never overwrites data written by a newer one.
//!
//! To change the shape: bump [`CURRENT_VERSION`], add a step to
//! `MIGRATIONS`, and add a fixture of the old shape under
//! `tests/fixtures/`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::case::Case;
use crate::domain::json_path::{self, PathError};

/// Each case is stored under this prefix and its id (`storage`).
pub const CASE_KEY_PREFIX: &str = "kinplan.case.";

/// The schema version this build writes.
pub const CURRENT_VERSION: u32 = 7;

/// A case as it sits in storage: the case plus bookkeeping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredCase {
    pub schema_version: u32,
    /// Bumped on every save; a save that finds a different revision in
    /// storage than it loaded was overtaken by another tab.
    pub revision: u64,
    pub case: Case,
}

impl StoredCase {
    pub fn new(case: Case) -> StoredCase {
        StoredCase {
            schema_version: CURRENT_VERSION,
            revision: 0,
            case,
        }
    }
}

/// Why a stored record could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Not JSON at all, or JSON of the wrong shape.
    Corrupt(String),
    /// Written by a newer version of the app: read it, never write it.
    Newer { version: u32 },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Corrupt(why) => write!(f, "the saved data is damaged ({why})"),
            ReadError::Newer { version } => write!(
                f,
                "it was saved by a newer version of Kinplan (data version {version}, this version understands up to {CURRENT_VERSION})"
            ),
        }
    }
}

/// The `schema_version` of a JSON record, if it has a sensible one.
pub fn version_of(value: &Value) -> Result<u32, String> {
    match value.get("schema_version") {
        None => Err("schema_version is missing".into()),
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .filter(|v| *v >= 1)
            .ok_or_else(|| format!("schema_version: {v} is not a version number")),
    }
}

/// One step per old version: `MIGRATIONS[0]` turns a version 1 case into
/// version 2, and so on. Steps rewrite a case's JSON in place, so they never
/// need the old Rust types, and the same steps serve storage and imports.
type Migration = fn(&mut Value);
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7];

/// Version 2 gave each Signs of Safety map version the date of its meeting.
/// Version 1 maps take the day they were created.
fn v1_to_v2(case: &mut Value) {
    let maps = case
        .pointer_mut("/documents/safety_maps")
        .and_then(Value::as_array_mut);
    for map in maps.into_iter().flatten() {
        if map.get("date").is_none() {
            let day = map
                .get("created")
                .and_then(Value::as_str)
                .and_then(|c| c.get(..10))
                .map(str::to_owned);
            if let Some(day) = day {
                map["date"] = Value::from(day);
            }
        }
    }
}
/// Version 3 filled in the Three Houses, "I have / I am / I can" and the
/// resilience matrix, whose documents were empty shells in version 2. Every
/// new field has a default, so version 2 data reads as it is; the bump is
/// for the other direction: an older build must see such a case as newer
/// and open it read-only, not call it damaged.
fn v2_to_v3(_case: &mut Value) {}

/// Version 4 says which meeting each review of a plan was. Before, every
/// review moved the conference schedule, so a review of a child protection
/// plan is kept as a review conference (the worker can change it), and a
/// Child in Need plan's as a Child in Need review.
fn v3_to_v4(case: &mut Value) {
    let plans = case
        .pointer_mut("/documents/plans")
        .and_then(Value::as_array_mut);
    for plan in plans.into_iter().flatten() {
        let kind = match plan.get("kind").and_then(Value::as_str) {
            Some("child_in_need") => "child_in_need",
            _ => "review_conference",
        };
        let reviews = plan.get_mut("reviews").and_then(Value::as_array_mut);
        for review in reviews.into_iter().flatten() {
            if let Some(review) = review.as_object_mut() {
                review.entry("kind").or_insert_with(|| Value::from(kind));
            }
        }
    }
}

/// Version 5 added the safety plan (`documents.safety_plans`) and a plan's
/// link to it. Both default to empty, so version 4 data reads as it is;
/// the bump keeps an older build from writing over a safety plan it cannot
/// see.
fn v4_to_v5(_case: &mut Value) {}

/// Version 6 added each child's own safety plan
/// (`documents.child_safety_plans`), the chronology's recorded events
/// (`documents.chronology`) and the genogram (`documents.genogram`), all
/// empty by default; as with version 5, the bump keeps an older build from
/// writing over what it cannot see.
fn v5_to_v6(_case: &mut Value) {}

/// Version 7 added the language of the family's prints
/// (`family_prints`), English unless chosen; the bump keeps an older build
/// from printing a Welsh family's plan in English after writing over it.
fn v6_to_v7(_case: &mut Value) {}

const _: () = assert!(MIGRATIONS.len() as u32 == CURRENT_VERSION - 1);

/// Checks `version` and brings one case's JSON up to [`CURRENT_VERSION`].
pub fn migrate_case(version: u32, case: &mut Value) -> Result<(), ReadError> {
    if version > CURRENT_VERSION {
        return Err(ReadError::Newer { version });
    }
    for step in &MIGRATIONS[(version - 1) as usize..] {
        step(case);
    }
    Ok(())
}

/// Reads a stored case from its JSON text, migrating it if it is old.
pub fn read_case(text: &str) -> Result<StoredCase, ReadError> {
    let corrupt = |e: PathError| ReadError::Corrupt(e.to_string());
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| ReadError::Corrupt(e.to_string()))?;
    let version = version_of(&value).map_err(ReadError::Corrupt)?;
    if version == CURRENT_VERSION {
        return json_path::read(text).map_err(corrupt);
    }
    let case = value
        .get_mut("case")
        .ok_or_else(|| ReadError::Corrupt("case is missing".into()))?;
    migrate_case(version, case)?;
    value["schema_version"] = Value::from(CURRENT_VERSION);
    json_path::read(&value.to_string()).map_err(corrupt)
}

/// Reads a case written by a newer version as if it were current, for a
/// read-only view. `None` when its shape has changed too much to read.
pub fn read_case_ignoring_version(text: &str) -> Option<StoredCase> {
    let mut value: Value = serde_json::from_str(text).ok()?;
    value["schema_version"] = Value::from(CURRENT_VERSION);
    json_path::read(&value.to_string()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_version_is_refused_not_rewritten() {
        let text = r#"{"schema_version": 99, "revision": 3, "case": {"anything": "new"}}"#;
        assert_eq!(read_case(text), Err(ReadError::Newer { version: 99 }));
    }

    #[test]
    fn corrupt_text_is_reported_as_damaged() {
        assert!(matches!(
            read_case("{\"schema_version\": 1, \"revi"),
            Err(ReadError::Corrupt(_))
        ));
        assert!(matches!(read_case(""), Err(ReadError::Corrupt(_))));
        assert!(
            matches!(read_case("{}"), Err(ReadError::Corrupt(m)) if m.contains("schema_version"))
        );
        assert!(matches!(
            read_case(r#"{"schema_version": 0}"#),
            Err(ReadError::Corrupt(_))
        ));
    }

    #[test]
    fn a_wrong_shape_names_the_field() {
        let text = r#"{"schema_version": 1, "revision": 1, "case": {"id": "not-a-uuid"}}"#;
        match read_case(text) {
            Err(ReadError::Corrupt(m)) => assert!(m.starts_with("case.id"), "{m}"),
            other => panic!("{other:?}"),
        }
    }
}
