//! Import refuses bad files with a message that names the place in the file,
//! and never half-reads them. A table of more than 30 bad files, each with
//! the JSON path and the words its first error must contain.
#![cfg(not(target_arch = "wasm32"))]

use kinplan::domain::persist::export::{parse_export, MAX_IMPORT_BYTES, MAX_TEXT_CHARS};

const ID_A: &str = "6f1c1b8e-2f7a-4c1e-9a57-0d6a3f0d9b11";
const ID_B: &str = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const ID_P: &str = "3eab8d7f-2a4c-4b6d-9f5e-4d5e6f708192";

/// A valid case, as JSON, with `extra` fields spliced in after the label.
fn case(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id":"{id}","label":"Smith family","created":"2026-09-01T09:30:00Z","updated":"2026-11-20T14:05:12Z"{extra}}}"#
    )
}

fn file(cases: &[String]) -> String {
    format!(
        r#"{{"format":"kinplan-export","schema_version":1,"exported":"2026-11-21T16:00:00Z","cases":[{}]}}"#,
        cases.join(",")
    )
}

fn child(fields: &str) -> String {
    format!(r#","children":[{{"id":"{ID_P}","first_name":"Amy"{fields}}}]"#)
}

/// (what is wrong, the file, the path of the first error, words in its message)
fn corpus() -> Vec<(&'static str, Vec<u8>, &'static str, &'static str)> {
    let ok = case(ID_A, "");
    vec![
        ("empty file", vec![], "", "empty"),
        ("only whitespace", b"  \n\t ".to_vec(), "", "empty"),
        ("binary", vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46], "", "not a text file"),
        ("not JSON", b"Smith family, Amy, 6".to_vec(), "", "not valid JSON"),
        ("truncated JSON", file(std::slice::from_ref(&ok)).as_bytes()[..60].to_vec(), "", "not valid JSON"),
        ("a JSON array", b"[1,2,3]".to_vec(), "", "expected a JSON object"),
        ("a JSON string", b"\"kinplan\"".to_vec(), "", "expected a JSON object"),
        ("no format", br#"{"schema_version":1,"cases":[]}"#.to_vec(), "format", "not a Kinplan export"),
        ("another app's file", br#"{"format":"other-app","schema_version":1,"cases":[]}"#.to_vec(), "format", "not a Kinplan export"),
        ("no version", br#"{"format":"kinplan-export","exported":"2026-11-21T16:00:00Z","cases":[]}"#.to_vec(), "schema_version", "missing"),
        ("version as text", br#"{"format":"kinplan-export","schema_version":"1","cases":[]}"#.to_vec(), "schema_version", "not a version number"),
        ("version zero", br#"{"format":"kinplan-export","schema_version":0,"cases":[]}"#.to_vec(), "schema_version", "not a version number"),
        ("newer version", br#"{"format":"kinplan-export","schema_version":9,"cases":[]}"#.to_vec(), "schema_version", "newer version"),
        ("cases not a list", br#"{"format":"kinplan-export","schema_version":1,"exported":"2026-11-21T16:00:00Z","cases":{}}"#.to_vec(), "cases", "list of cases"),
        ("no cases field", br#"{"format":"kinplan-export","schema_version":1,"exported":"2026-11-21T16:00:00Z"}"#.to_vec(), "cases", "list of cases"),
        ("unknown top-level field", br#"{"format":"kinplan-export","schema_version":1,"exported":"2026-11-21T16:00:00Z","cases":[],"password":"x"}"#.to_vec(), "password", "unknown field"),
        ("bad export date", br#"{"format":"kinplan-export","schema_version":1,"exported":"yesterday","cases":[]}"#.to_vec(), "exported", "not a valid date"),
        ("a case that is a string", file(&["\"Smith\"".into()]).into_bytes(), "cases[0]", "expected struct Case"),
        ("case id not a uuid", file(&[case("42", "")]).into_bytes(), "cases[0].id", "invalid"),
        ("case missing its label", file(&[format!(r#"{{"id":"{ID_A}","created":"2026-09-01T09:30:00Z","updated":"2026-09-01T09:30:00Z"}}"#)]).into_bytes(), "cases[0]", "missing field `label`"),
        ("label is a number", file(&[format!(r#"{{"id":"{ID_A}","label":7,"created":"2026-09-01T09:30:00Z","updated":"2026-09-01T09:30:00Z"}}"#)]).into_bytes(), "cases[0].label", "expected a string"),
        ("empty label", file(&[format!(r#"{{"id":"{ID_A}","label":"  ","created":"2026-09-01T09:30:00Z","updated":"2026-09-01T09:30:00Z"}}"#)]).into_bytes(), "cases[0].label", "needs a name"),
        ("created not a date", file(&[format!(r#"{{"id":"{ID_A}","label":"S","created":"Tuesday","updated":"2026-09-01T09:30:00Z"}}"#)]).into_bytes(), "cases[0].created", "not a valid date"),
        ("unknown case field", file(&[case(ID_A, r#","notes":"secret""#)]).into_bytes(), "cases[0].notes", "unknown field"),
        ("children not a list", file(&[case(ID_A, r#","children":{"Amy":6}"#)]).into_bytes(), "cases[0].children", "expected a sequence"),
        ("date of birth not a date", file(&[case(ID_A, &child(r#","age":{"date_of_birth":"31/02/2020"}"#))]).into_bytes(), "cases[0].children[0].age.date_of_birth", "not a valid date"),
        ("impossible date of birth", file(&[case(ID_A, &child(r#","age":{"date_of_birth":"2020-02-31"}"#))]).into_bytes(), "cases[0].children[0].age.date_of_birth", "not a valid date"),
        ("age of unknown kind", file(&[case(ID_A, &child(r#","age":{"guess":3}"#))]).into_bytes(), "cases[0].children[0].age.guess", "unknown variant"),
        ("negative age", file(&[case(ID_A, &child(r#","age":{"approximate_years":-3}"#))]).into_bytes(), "cases[0].children[0].age.approximate_years", "invalid value"),
        ("interpreter as text", file(&[case(ID_A, &child(r#","needs_interpreter":"yes""#))]).into_bytes(), "cases[0].children[0].needs_interpreter", "expected a boolean"),
        ("unknown child field", file(&[case(ID_A, &child(r#","surname":"Smith""#))]).into_bytes(), "cases[0].children[0].surname", "unknown field"),
        ("documents of the wrong shape", file(&[case(ID_A, r#","documents":{"plans":"none"}"#)]).into_bytes(), "cases[0].documents.plans", "expected a sequence"),
        ("duplicate case ids", file(&[ok.clone(), ok.clone()]).into_bytes(), "cases[1].id", "two cases"),
        ("duplicate person ids", file(&[case(ID_A, &format!(r#","children":[{{"id":"{ID_P}","first_name":"Amy"}},{{"id":"{ID_P}","first_name":"Leo"}}]"#))]).into_bytes(), "cases[0].children[1].id", "two people"),
        ("a huge string", file(&[case(ID_A, &child(&format!(r#","communication_needs":"{}""#, "a".repeat(MAX_TEXT_CHARS + 1))))]).into_bytes(), "cases[0].children[0].communication_needs", "characters long"),
        ("deep nesting", format!("{}{}", "[".repeat(5000), "]".repeat(5000)).into_bytes(), "", "not valid JSON"),
        ("deep nesting inside a case", file(&[case(ID_A, &format!(r#","documents":{}{}"#, "[".repeat(3000), "]".repeat(3000)))]).into_bytes(), "", "not valid JSON"),
        ("over the size limit", vec![b' '; MAX_IMPORT_BYTES + 1], "", "cannot be imported"),
        ("a case from a newer version", file(&[case(ID_B, r#","documents":{"timeline":[]}"#)]).into_bytes(), "cases[0].documents.timeline", "unknown field"),
    ]
}

#[test]
fn every_bad_file_is_refused_with_its_path() {
    let corpus = corpus();
    assert!(corpus.len() >= 30, "the corpus has {} files", corpus.len());
    let mut wrong = Vec::new();
    for (what, bytes, path, words) in corpus {
        let Err(errors) = parse_export(&bytes) else {
            wrong.push(format!("{what}: accepted"));
            continue;
        };
        let first = &errors[0];
        if first.path != path || !first.message.contains(words) {
            wrong.push(format!("{what}: expected {path} “{words}”, got {first}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn problems_in_several_cases_are_all_listed() {
    let bad = file(&[
        case("nope", ""),
        case(ID_A, ""),
        case(ID_B, r#","children":5"#),
    ]);
    let errors = parse_export(bad.as_bytes()).unwrap_err();
    let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
    assert!(paths.contains(&"cases[0].id"), "{paths:?}");
    assert!(paths.contains(&"cases[2].children"), "{paths:?}");
    assert_eq!(
        errors
            .iter()
            .find(|e| e.path == "cases[0].id")
            .unwrap()
            .to_string()
            .split(": ")
            .next(),
        Some("cases[0].id")
    );
}

#[test]
fn a_good_file_imports() {
    let good = file(&[
        case(ID_A, &child(r#","age":{"approximate_years":6}"#)),
        case(ID_B, ""),
    ]);
    let parsed = parse_export(good.as_bytes()).unwrap();
    assert_eq!(parsed.cases.len(), 2);
}
