//! The export file: how cases leave the device, and how an import is
//! checked before anything is written.
//!
//! Import is validate-everything-then-write: [`parse_export`] either returns
//! every case in the file, migrated and checked, or a list of every problem
//! it found, each with the JSON path a person can look up in the file
//! (`cases[2].children[0].age.date_of_birth: ...`). The caller writes
//! nothing unless it got the cases. The format is documented in
//! `docs/export-format.md`.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::domain::case::Case;
use crate::domain::json_path;
use crate::domain::persist::schema::{migrate_case, version_of, ReadError, CURRENT_VERSION};

/// The value of the `format` field that marks a Kinplan export.
pub const FORMAT: &str = "kinplan-export";
/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;
/// No single text in a case may be longer than this many characters.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// A whole export file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile {
    pub format: String,
    pub schema_version: u32,
    pub exported: DateTime<Utc>,
    pub cases: Vec<Case>,
}

impl ExportFile {
    pub fn new(cases: Vec<Case>, now: DateTime<Utc>) -> ExportFile {
        ExportFile {
            format: FORMAT.into(),
            schema_version: CURRENT_VERSION,
            exported: now,
            cases,
        }
    }

    /// Compact JSON: the same serialiser as storage, so the wasm carries one.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a case always serialises")
    }
}

/// The download name for an export: what it holds and the day it was made.
pub fn file_name(what: &str, now: DateTime<Utc>) -> String {
    let slug: String = what
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "case".to_string()
    } else {
        slug
    };
    format!("kinplan-{slug}-{}.json", now.date_naive())
}

/// One problem in an import file, at a JSON path such as `cases[2].label`.
pub use crate::domain::json_path::PathError as ImportError;

/// Checks a whole export file and returns its cases, migrated to the
/// current schema, or every problem found. Nothing is written either way.
pub fn parse_export(bytes: &[u8]) -> Result<ExportFile, Vec<ImportError>> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(vec![ImportError::at(
            "",
            format!(
                "The file is {:.1} MB. Files over {} MB cannot be imported.",
                bytes.len() as f64 / 1_048_576.0,
                MAX_IMPORT_BYTES / 1_048_576
            ),
        )]);
    }
    let text = decode_text(bytes)?;
    if text.trim().is_empty() {
        return Err(vec![ImportError::at("", "The file is empty.")]);
    }
    let mut root: Value = serde_json::from_str(&text).map_err(|e| {
        vec![ImportError::at(
            "",
            format!("This is not a Kinplan export: it is not valid JSON ({e})."),
        )]
    })?;
    if let Some(twice) = json_path::duplicate_key(&text) {
        return Err(vec![twice]);
    }
    let Some(object) = root.as_object() else {
        return Err(vec![ImportError::at(
            "",
            "This is not a Kinplan export: expected a JSON object.",
        )]);
    };
    if object.get("format").and_then(Value::as_str) == Some(DEVICE_BACKUP) {
        return DeviceBackup::read(&text)?.into_export();
    }
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(vec![ImportError::at(
            "format",
            format!("expected \"{FORMAT}\": this is not a Kinplan export"),
        )]);
    }
    let version = version_of(&root).map_err(|m| vec![ImportError::at("schema_version", m)])?;
    if version > CURRENT_VERSION {
        return Err(vec![ImportError::at(
            "schema_version",
            format!("the file was made by a newer version of Kinplan (version {version}); update this copy of Kinplan to import it"),
        )]);
    }

    let mut errors = Vec::new();
    let Some(cases) = root.get_mut("cases").and_then(Value::as_array_mut) else {
        return Err(vec![ImportError::at("cases", "expected a list of cases")]);
    };
    // Each case is read on its own so that one bad case does not hide the
    // problems in the others.
    let mut parsed = Vec::with_capacity(cases.len());
    for (i, value) in cases.iter_mut().enumerate() {
        let path = format!("cases[{i}]");
        find_oversized_text(value, &path, &mut errors);
        if let Err(ReadError::Newer { version }) = migrate_case(version, value) {
            errors.push(ImportError::at(
                &path,
                format!("made by a newer version ({version})"),
            ));
            continue;
        }
        match json_path::read::<Case>(&value.to_string()) {
            Ok(case) => parsed.push((path, case)),
            Err(e) => errors.push(ImportError::at(join_path(&path, &e.path), e.message)),
        }
    }
    check_ids(&parsed, &mut errors);
    check_event_dates(&parsed, &mut errors);

    // Everything but the cases is small, so read it with the cases emptied.
    root["schema_version"] = Value::from(CURRENT_VERSION);
    root["cases"] = Value::Array(Vec::new());
    let mut file: ExportFile = match json_path::read(&root.to_string()) {
        Ok(file) => file,
        Err(e) => {
            errors.push(ImportError::at(e.path, e.message));
            return Err(errors);
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    file.cases = parsed.into_iter().map(|(_, case)| case).collect();
    Ok(file)
}

/// A file's bytes as text: UTF-8 with or without a byte-order mark, or
/// UTF-16 with one (what Windows Notepad saves as "Unicode").
pub fn decode_text(bytes: &[u8]) -> Result<String, Vec<ImportError>> {
    let refuse = |why: &str| Err(vec![ImportError::at("", why)]);
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok()
    };
    // JSON has no raw NUL bytes, and UTF-16 text in Latin letters is half
    // NULs: without its mark, it is still plain to see.
    let unmarked_utf16 = !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF])
        && bytes.iter().take(64).filter(|b| **b == 0).count() >= 8;
    let text = match bytes {
        _ if unmarked_utf16 => None,
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest).ok().map(str::to_string),
        [0xFF, 0xFE, rest @ ..] if rest.len() % 2 == 0 => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] if rest.len() % 2 == 0 => utf16(rest, u16::from_be_bytes),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => None,
        _ => std::str::from_utf8(bytes).ok().map(str::to_string),
    };
    match text {
        Some(text) => Ok(text),
        None if unmarked_utf16 || bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) => refuse(
            "This file is saved as UTF-16 text and could not be read. Open it in a text editor, save it as UTF-8, and import it again.",
        ),
        None => refuse("This is not a Kinplan export: it is not a text file."),
    }
}

/// The `format` of the file Kinplan's crash page saves: every record on
/// the device exactly as stored (`static/crash.js`).
pub const DEVICE_BACKUP: &str = "kinplan-device-backup";

/// Every `kinplan.` record of a device, as the crash page saved them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceBackup {
    pub format: String,
    pub made: DateTime<Utc>,
    pub records: std::collections::BTreeMap<String, String>,
}

impl DeviceBackup {
    pub fn read(text: &str) -> Result<DeviceBackup, Vec<ImportError>> {
        json_path::read(text).map_err(|e| vec![e])
    }

    /// Whether any case in it is encrypted under a passphrase, so the
    /// caller must open those records first (see `storage::vault`).
    pub fn has_sealed_cases(&self) -> bool {
        self.case_records()
            .any(|(_, raw)| crate::domain::persist::vault::is_sealed(raw))
    }

    /// The case records: key and stored text.
    pub fn case_records(&self) -> impl Iterator<Item = (&String, &String)> {
        self.records
            .iter()
            .filter(|(key, _)| key.starts_with(crate::domain::persist::schema::CASE_KEY_PREFIX))
    }

    /// Its cases, as an export file would hold them; every record that
    /// cannot be read is named.
    pub fn into_export(self) -> Result<ExportFile, Vec<ImportError>> {
        let mut errors = Vec::new();
        let mut cases = Vec::new();
        for (key, raw) in self.case_records() {
            let path = format!("records.{key}");
            if crate::domain::persist::vault::is_sealed(raw) {
                errors.push(ImportError::at(path, "this case is encrypted: import the file on a device where Kinplan is unlocked, or give its passphrase"));
                continue;
            }
            let read = crate::domain::persist::packing::unpack(raw)
                .map_err(ReadError::Corrupt)
                .and_then(|json| crate::domain::persist::schema::read_case(&json));
            match read {
                Ok(stored) => cases.push(stored.case),
                Err(why) => errors.push(ImportError::at(
                    path,
                    format!("this case cannot be read: {why}"),
                )),
            }
        }
        if cases.is_empty() && errors.is_empty() {
            errors.push(ImportError::at(
                "records",
                "there are no cases in this backup",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // Checked as an export of the same cases would be.
        parse_export(ExportFile::new(cases, self.made).to_json().as_bytes())
    }
}

fn join_path(prefix: &str, inner: &str) -> String {
    match inner {
        "." | "" => prefix.to_string(),
        _ if inner.starts_with('[') => format!("{prefix}{inner}"),
        _ => format!("{prefix}.{inner}"),
    }
}

fn find_oversized_text(value: &Value, path: &str, errors: &mut Vec<ImportError>) {
    match value {
        Value::String(s) if s.chars().count() > MAX_TEXT_CHARS => errors.push(ImportError::at(
            path,
            format!(
                "this text is {} characters long; the limit is {MAX_TEXT_CHARS}",
                s.chars().count()
            ),
        )),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                find_oversized_text(item, &format!("{path}[{i}]"), errors);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                find_oversized_text(item, &format!("{path}.{key}"), errors);
            }
        }
        _ => {}
    }
}

/// A chronology's dates must be real and from 1900 to 2100, as the page
/// lets them be typed: a month 13 or a year 20266 would break the
/// timeline.
fn check_event_dates(cases: &[(String, Case)], errors: &mut Vec<ImportError>) {
    for (path, case) in cases {
        for (i, event) in case.documents.chronology.events.iter().enumerate() {
            if !event.date.is_plausible() {
                errors.push(ImportError::at(
                    format!("{path}.documents.chronology.events[{i}].date"),
                    "not a real date from 1900 to 2100",
                ));
            }
        }
    }
}

/// Ids must be unique: cases within the file, people within a case.
fn check_ids(cases: &[(String, Case)], errors: &mut Vec<ImportError>) {
    let mut case_ids = HashSet::new();
    for (path, case) in cases {
        if !case_ids.insert(case.id) {
            errors.push(ImportError::at(
                format!("{path}.id"),
                "two cases in the file have this id",
            ));
        }
        let mut people = HashSet::new();
        let ids = case
            .workers
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("{path}.workers[{i}].id"), p.id))
            .chain(
                case.network
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (format!("{path}.network[{i}].id"), p.id)),
            )
            .chain(
                case.children
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (format!("{path}.children[{i}].id"), p.id)),
            );
        for (at, id) in ids {
            if !people.insert(id) {
                errors.push(ImportError::at(at, "two people in this case have this id"));
            }
        }
        if crate::domain::language::text::is_blank(&case.label) {
            errors.push(ImportError::at(
                format!("{path}.label"),
                "a case needs a name",
            ));
        }
    }
}

/// What an import would do, shown before anything is written.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// Cases not on this device.
    pub new: Vec<Case>,
    /// Cases already on this device: the worker chooses what happens.
    pub existing: Vec<Case>,
}

impl ImportPreview {
    pub fn new(file: ExportFile, on_device: &HashSet<Uuid>) -> ImportPreview {
        let (existing, new) = file
            .cases
            .into_iter()
            .partition(|c| on_device.contains(&c.id));
        ImportPreview { new, existing }
    }

    /// The cases to write. `KeepBoth` gives each clashing case a fresh id
    /// and marks its label, so nothing on the device is replaced.
    pub fn resolve(self, choice: ClashChoice, now: DateTime<Utc>) -> Vec<Case> {
        let mut out = self.new;
        match choice {
            ClashChoice::Replace => out.extend(self.existing),
            ClashChoice::KeepBoth => out.extend(self.existing.into_iter().map(|c| {
                let label = format!(
                    "{} (imported {})",
                    c.label,
                    crate::domain::language::dates::numeric(now.date_naive())
                );
                let mut copy = c.duplicate(label, now);
                copy.created = c.created;
                copy
            })),
        }
        out
    }
}

/// What to do with imported cases that are already on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClashChoice {
    KeepBoth,
    Replace,
}

crate::choices!(ClashChoice {
    KeepBoth => "keep-both", "Keep both: import them as copies";
    Replace => "replace", "Replace the copies on this device with the ones in the file";
});

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
    }

    /// The bytes of each encoding written by hand from the Unicode
    /// standard's encoding forms, not by the code under test.
    #[test]
    fn text_is_read_in_the_encodings_editors_save() {
        let json = "{\"a\":\"\u{e9}\"}";
        let utf16le: Vec<u8> = json.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let utf16be: Vec<u8> = json.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with = |mark: &[u8], body: &[u8]| [mark, body].concat();
        assert_eq!(decode_text(json.as_bytes()).unwrap(), json);
        assert_eq!(
            decode_text(&with(&[0xEF, 0xBB, 0xBF], json.as_bytes())).unwrap(),
            json
        );
        assert_eq!(decode_text(&with(&[0xFF, 0xFE], &utf16le)).unwrap(), json);
        assert_eq!(decode_text(&with(&[0xFE, 0xFF], &utf16be)).unwrap(), json);
        let long = "{\"label\":\"Smith family\",\"format\":\"kinplan-export\"}";
        for unmarked in [
            long.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<_>>(),
            long.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ] {
            let refused = decode_text(&unmarked).unwrap_err();
            assert!(
                refused[0].message.contains("save it as UTF-8"),
                "{refused:?}"
            );
        }
        let refused = decode_text(&[0x89, b'P', b'N', b'G', 0xFF]).unwrap_err();
        assert!(refused[0].message.contains("not a text file"));
    }

    #[test]
    fn export_then_parse_gives_equal_cases() {
        let mut case = Case::new("Smith family", now());
        case.children.push(crate::domain::Child {
            id: Uuid::new_v4(),
            first_name: "Amy".into(),
            ..Default::default()
        });
        let file = ExportFile::new(vec![case.clone(), Case::new("Jones family", now())], now());
        let back = parse_export(file.to_json().as_bytes()).unwrap();
        assert_eq!(back, file);
    }

    #[test]
    fn file_names_carry_the_date_and_a_safe_slug() {
        assert_eq!(
            file_name("all cases", now()),
            "kinplan-all-cases-2026-11-22.json"
        );
        assert_eq!(
            file_name("O'Brien / Smith", now()),
            "kinplan-o-brien-smith-2026-11-22.json"
        );
        assert_eq!(file_name("", now()), "kinplan-case-2026-11-22.json");
    }

    #[test]
    fn keep_both_renames_and_replace_keeps_ids() {
        let case = Case::new("Smith family", now());
        let file = ExportFile::new(vec![case.clone(), Case::new("New family", now())], now());
        let on_device = HashSet::from([case.id]);
        let preview = ImportPreview::new(file.clone(), &on_device);
        assert_eq!(preview.new.len(), 1);
        assert_eq!(preview.existing.len(), 1);

        let both = preview.clone().resolve(ClashChoice::KeepBoth, now());
        assert_eq!(both.len(), 2);
        assert!(both.iter().all(|c| c.id != case.id));
        assert!(both[1].label.starts_with("Smith family (imported"));

        let replaced = preview.resolve(ClashChoice::Replace, now());
        assert!(replaced.iter().any(|c| c.id == case.id));
    }
}
