//! `kinplan-audit` on fixture files, good and bad.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The day every audit here is reckoned from, so no test depends on
/// when it runs.
const TODAY: [&str; 2] = ["--today", "2026-12-03"];

/// The repository's root, where `tests/fixtures/` is: file names in the
/// audit's messages read as a worker there would type them.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn audit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinplan-audit"))
        .args(if args.is_empty() { &[][..] } else { &TODAY[..] })
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("kinplan-audit runs")
}

/// Runs the audit with `stdin` piped in, as a script gives passphrases.
fn audit_with_input(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinplan-audit"))
        .args(TODAY)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kinplan-audit runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

const GOOD: &str = "tests/fixtures/sample-family.json";
/// The sample family, exported encrypted by the app in the browser
/// (`tests/e2e/lock.test.mjs` with UPDATE_FIXTURES=1), passphrase below.
const ENCRYPTED: &str = "tests/fixtures/encrypted-export.json";
const PASSPHRASE: &str = "blue kettle on the hill";
const BAD: &str = "tests/fixtures/bad-export.json";

#[test]
fn a_good_file_gives_every_plan_its_findings_schedule_answers_and_grade() {
    let out = audit(&["--json", GOOD]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["format"], "kinplan-audit");
    assert_eq!(json["version"], 1);
    let plan = &json["files"][0]["cases"][0]["plans"][0];
    assert_eq!(json["files"][0]["error"], serde_json::Value::Null);
    assert_eq!(plan["kind"], "child_protection");
    assert_eq!(plan["actions"].as_array().unwrap().len(), 4);
    assert!(plan["actions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["codes"].is_array()));
    assert!(plan["schedule"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["kind"] == "review_conference" && i["due"] == "2027-02-02"));
    let quality = plan["quality"].as_array().unwrap();
    assert_eq!(quality.len(), 13);
    assert_eq!(quality[0]["code"], "child_view");
    assert_eq!(quality[0]["answer"], "yes");
    assert_eq!(quality[0]["settled"], "automatically");
    assert_eq!(quality[11]["answer"], "unanswered");
    // By hand, on 3 Dec 2026: the two statements only the worker can
    // answer are unanswered and left out; of the other 11, visits on time
    // (a child protection visit due 10 working days after 13 Nov: 27 Nov)
    // and the safety plan (there is none) are "no". 9 of 11 = 82%: "Good"
    // (75% or more, under 90%).
    let no: Vec<&str> = quality
        .iter()
        .filter(|q| q["answer"] == "no")
        .map(|q| q["code"].as_str().unwrap())
        .collect();
    assert_eq!(no, ["on_time", "safety_plan_agreed"]);
    assert_eq!(plan["grade"], "Good");

    let text = String::from_utf8(audit(&[GOOD]).stdout).unwrap();
    assert!(text.contains("Kowalski family"), "{text}");
    assert!(text.contains("[yes] The children were seen"), "{text}");
}

#[test]
fn a_bad_file_is_named_with_its_json_path_and_the_others_are_still_audited() {
    let out = audit(&["--json", BAD, "tests/fixtures/missing.json", GOOD]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("tests/fixtures/bad-export.json at cases[0].label: invalid type"),
        "{stderr}"
    );
    assert!(stderr.contains("tests/fixtures/missing.json"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["error"]["path"], "cases[0].label");
    assert_eq!(json["files"][1]["error"]["path"], "");
    assert_eq!(json["files"][2]["error"], serde_json::Value::Null);
    assert_eq!(json["files"][2]["cases"][0]["label"], "Kowalski family");
}

#[test]
fn no_files_is_a_usage_error() {
    let out = audit(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("usage: kinplan-audit"));
}

#[test]
fn an_encrypted_export_from_the_app_is_audited_with_its_passphrase() {
    let out = audit_with_input(&["--json", ENCRYPTED, GOOD], &format!("{PASSPHRASE}\n"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plain: serde_json::Value =
        serde_json::from_slice(&audit(&["--json", GOOD]).stdout).unwrap();
    // Decrypted, it audits exactly as the plain file does.
    assert_eq!(json["files"][0]["cases"], plain["files"][0]["cases"]);
    assert_eq!(json["files"][0]["cases"][0]["label"], "Kowalski family");
}

#[test]
fn a_wrong_passphrase_fails_that_file_only() {
    let out = audit_with_input(&["--json", ENCRYPTED, GOOD], "not the passphrase\n");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("encrypted-export.json: the passphrase does not open this encrypted file"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["cases"], serde_json::json!([]));
    assert_eq!(json["files"][1]["error"], serde_json::Value::Null);

    let out = audit_with_input(&[ENCRYPTED], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no passphrase was given"));
}

#[test]
fn a_day_that_is_not_a_date_is_a_usage_error() {
    let out = audit(&["--today", "3/12/2026", GOOD]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

/// The review conference each profile gives the sample family's plan.
fn review_due(json: &serde_json::Value) -> &str {
    json["files"][0]["cases"][0]["plans"][0]["schedule"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "review_conference")
        .unwrap()["due"]
        .as_str()
        .unwrap()
}

#[test]
fn a_nation_named_with_profile_gives_its_own_schedule_and_the_json_names_it() {
    let england: serde_json::Value =
        serde_json::from_slice(&audit(&["--json", GOOD]).stdout).unwrap();
    assert_eq!(england["profile"], "England (Working Together defaults)");
    let out = audit(&["--json", "--profile", "Scotland", GOOD]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let scotland: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(scotland["profile"]
        .as_str()
        .unwrap()
        .starts_with("Scotland"));
    // By hand, from nations.md: the plan started on Monday 2 November
    // 2026. England reviews within 3 months: Tuesday 2 February 2027.
    // Scotland reviews within 6 months: 2 May 2027 is a Sunday, so the
    // last working day on or before it is Friday 30 April.
    assert_eq!(review_due(&england), "2027-02-02");
    assert_eq!(review_due(&scotland), "2027-04-30");

    let text = String::from_utf8(audit(&["--profile", "northern-ireland", GOOD]).stdout).unwrap();
    assert!(
        text.starts_with(
            "Reckoned on 2026-12-03 with the practice profile \u{201c}Northern Ireland"
        ),
        "{text}"
    );
}

#[test]
fn a_council_profile_file_is_used_with_its_local_holidays() {
    use kinplan_core::domain::profile::Nation;
    let mut falkirk = Nation::Scotland.profile();
    falkirk.name = "Falkirk Council".into();
    // A local holiday on the Friday the review would fall on.
    falkirk
        .holidays
        .local
        .push(chrono::NaiveDate::from_ymd_opt(2027, 4, 30).unwrap());
    let dir = std::env::temp_dir().join(format!("kinplan-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("falkirk.json");
    std::fs::write(&file, falkirk.to_json()).unwrap();
    let out = audit(&["--json", "--profile", file.to_str().unwrap(), GOOD]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["profile"], "Falkirk Council");
    // Friday 30 April is the council's holiday: Thursday 29 April.
    assert_eq!(review_due(&json), "2027-04-29");
}

#[test]
fn a_profile_that_is_neither_a_nation_nor_a_readable_file_is_a_usage_error() {
    let out = audit(&["--profile", "Atlantis", GOOD]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("\"Atlantis\" is not a nation"), "{stderr}");
    let out = audit(&["--profile", BAD, GOOD]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--profile tests/fixtures/bad-export.json")
    );
}
