//! `kinplan-audit`: audits exported Kinplan files for quality assurance.
//!
//! ```text
//! cargo run --release --bin kinplan-audit -- [--json] FILE...
//! ```
//!
//! For every plan it reports each action's SMART findings, the schedule of
//! due dates, the automatic answers to the quality statements and the
//! six-point grade: as text, or with `--json` in the stable shape of
//! `docs/audit-format.md`. A file that cannot be read or is not a valid
//! export is reported with the JSON path at fault; the other files are
//! still audited, and the exit code is 1. A usage error exits with 2.

use std::process::ExitCode;

use kinplan::domain::audit::Audit;
use kinplan::domain::profile::PracticeProfile;

const USAGE: &str = "usage: kinplan-audit [--json] FILE...\n\nAudits Kinplan export files: SMART findings, due dates, quality statements and the six-point grade.";

fn main() -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with("--") => {
                eprintln!("kinplan-audit: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let profile = PracticeProfile::england();
    let mut audit = Audit::new(chrono::Local::now().date_naive());
    for file in &files {
        match std::fs::read(file) {
            Ok(bytes) => audit.add_file(file, &bytes, &profile),
            Err(e) => audit.add_unreadable(file, e.to_string()),
        }
    }
    if json {
        println!("{}", audit.to_json());
    } else {
        print!("{}", audit.to_text());
    }
    for file in audit.files.iter() {
        if let Some(e) = &file.error {
            let at = if e.path.is_empty() {
                String::new()
            } else {
                format!(" at {}", e.path)
            };
            eprintln!("kinplan-audit: {}{at}: {}", file.file, e.message);
        }
    }
    if audit.all_read() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
