//! `kinplan-audit`: audits exported Kinplan files for quality assurance.
//!
//! ```text
//! cargo run --release --bin kinplan-audit -- [--json] [--today YYYY-MM-DD] [--profile NATION|FILE] FILE...
//! ```
//!
//! For every plan it reports each action's SMART findings, the schedule of
//! due dates, the automatic answers to the quality statements and the
//! six-point grade, reckoned with England's practice profile unless
//! `--profile` names another nation or a council's profile file: as text,
//! or with `--json` in the stable shape of
//! `docs/audit-format.md`. A file that cannot be read or is not a valid
//! export is reported with the JSON path at fault; the other files are
//! still audited, and the exit code is 1. A usage error exits with 2.
//!
//! An encrypted export (`docs/security.md`) is opened with a passphrase:
//! asked for without echo at a terminal, or read one line per file from
//! standard input otherwise (`echo "$PASS" | kinplan-audit FILE`). A
//! passphrase that opened one file is tried first on the next, so a folder
//! of exports from one device asks once.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
