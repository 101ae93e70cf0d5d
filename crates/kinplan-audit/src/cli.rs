//! The audit itself, on the host.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use kinplan_core::domain::audit::Audit;
use kinplan_core::domain::language::reading_age::readability_of_block;
use kinplan_core::domain::persist::vault::{self, host, EncryptedExport};
use kinplan_core::domain::profile::{Nation, PracticeProfile};

/// Passphrases given so far, with the keys they made, so each salt costs
/// one key derivation however many files share it.
#[derive(Default)]
struct Passphrases {
    given: Vec<String>,
    keys: Vec<(vault::Kdf, String, [u8; 32])>,
}

impl Passphrases {
    fn key(&mut self, passphrase: &str, kdf: &vault::Kdf) -> [u8; 32] {
        if let Some((_, _, key)) = self
            .keys
            .iter()
            .find(|(k, p, _)| k == kdf && p == passphrase)
        {
            return *key;
        }
        let key = host::derive_key(passphrase, kdf);
        self.keys.push((kdf.clone(), passphrase.to_string(), key));
        key
    }

    fn try_open(&mut self, file: &EncryptedExport, passphrase: &str) -> Option<Vec<u8>> {
        let key = self.key(passphrase, &file.kdf);
        host::open(&key, &file.sealed(), &[])
    }

    /// The plain export inside `file`: known passphrases first, then asked.
    fn open(&mut self, name: &str, file: &EncryptedExport) -> Result<Vec<u8>, String> {
        for passphrase in self.given.clone() {
            if let Some(plain) = self.try_open(file, &passphrase) {
                return Ok(plain);
            }
        }
        let terminal = std::io::stdin().is_terminal();
        for _ in 0..if terminal { 3 } else { 1 } {
            let passphrase =
                ask(name, terminal).ok_or("no passphrase was given for this encrypted file")?;
            if let Some(plain) = self.try_open(file, &passphrase) {
                self.given.push(passphrase);
                return Ok(plain);
            }
            if terminal {
                eprintln!("That passphrase does not open {name}.");
            }
        }
        Err("the passphrase does not open this encrypted file, or the file has been changed".into())
    }
}

fn ask(name: &str, terminal: bool) -> Option<String> {
    if terminal {
        rpassword::prompt_password(format!("Passphrase for {name}: ")).ok()
    } else {
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(n) if n > 0 => Some(line.trim_end_matches(['\n', '\r']).to_string()),
            _ => None,
        }
    }
}

const USAGE: &str = "usage: kinplan-audit [--json] [--today YYYY-MM-DD] [--profile NATION|PROFILE-FILE] FILE...\n       kinplan-audit readability [--json] TEXT-FILE...\n\nAudits Kinplan export files, plain or encrypted: SMART findings, due dates, quality statements and the six-point grade.\n--today sets the day that due and overdue are reckoned from (default: today on this computer).\n--profile sets the timescales, names and bank holidays: england (the default), wales, scotland, northern-ireland, or a profile file exported from Kinplan's Settings.\nFor an encrypted file it asks for the passphrase, or reads one line per file from standard input.\n\n`readability` gives the sentences, words, syllables and Flesch-Kincaid grade of each UTF-8 text file, counted as Kinplan counts one block of prose.";

/// A mistake in how the command was called: said (when there is more to
/// say than the usage), with the usage; exit 2.
fn usage_error(why: Option<&str>) -> ExitCode {
    match why {
        Some(why) => eprintln!("kinplan-audit: {why}\n{USAGE}"),
        None => eprintln!("{USAGE}"),
    }
    ExitCode::from(2)
}

pub fn run() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("readability") {
        args.next();
        return readability(args);
    }
    let mut json = false;
    let mut today = chrono::Local::now().date_naive();
    let mut profile = PracticeProfile::england();
    let mut files = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--profile" => match load_profile(&args.next().unwrap_or_default()) {
                Ok(chosen) => profile = chosen,
                Err(why) => return usage_error(Some(&why)),
            },
            "--today" => {
                let given = args.next().unwrap_or_default();
                match chrono::NaiveDate::parse_from_str(&given, "%Y-%m-%d") {
                    Ok(day) => today = day,
                    Err(_) => {
                        return usage_error(Some(&format!(
                            "--today needs a date as YYYY-MM-DD, not \"{given}\""
                        )))
                    }
                }
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with("--") => {
                return usage_error(Some(&format!("unknown option {flag}")))
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return usage_error(None);
    }
    let mut audit = Audit::new(today, &profile);
    let mut passphrases = Passphrases::default();
    for file in &files {
        match std::fs::read(file) {
            Ok(bytes) if vault::is_encrypted_export(&bytes) => {
                match vault::parse_encrypted_export(&bytes) {
                    Err(e) => audit.add_unreadable(file, &e.path, e.message),
                    Ok(envelope) => match passphrases.open(file, &envelope) {
                        Ok(plain) => audit.add_file(file, &plain),
                        Err(why) => audit.add_unreadable(file, "", why),
                    },
                }
            }
            Ok(bytes) => audit.add_file(file, &bytes),
            Err(e) => audit.add_unreadable(file, "", e.to_string()),
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

/// A shipped nation's profile by name, or else a profile file.
fn load_profile(given: &str) -> Result<PracticeProfile, String> {
    if given.is_empty() {
        return Err("--profile needs a nation (england, wales, scotland, northern-ireland) or a profile file".into());
    }
    if let Some(nation) = Nation::named(given) {
        return Ok(nation.profile());
    }
    let text = std::fs::read_to_string(given).map_err(|e| {
        format!("--profile \"{given}\" is not a nation (england, wales, scotland, northern-ireland) and cannot be read as a file: {e}")
    })?;
    PracticeProfile::from_json(&text).map_err(|e| format!("--profile {given}: {e}"))
}

/// `kinplan-audit readability`: what `tests/oracle/reading_age.py` checks
/// against python's textstat.
fn readability(args: impl Iterator<Item = String>) -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--json" => json = true,
            flag if flag.starts_with("--") => {
                return usage_error(Some(&format!("unknown option {flag}")))
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return usage_error(None);
    }
    let mut measured = Vec::new();
    for file in &files {
        match std::fs::read_to_string(file) {
            Ok(text) => measured.push((file, readability_of_block(&text))),
            Err(e) => {
                eprintln!("kinplan-audit: {file}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if json {
        let rows: Vec<_> = measured
            .iter()
            .map(|(file, r)| {
                serde_json::json!({
                    "file": file,
                    "sentences": r.sentences,
                    "words": r.words,
                    "syllables": r.syllables,
                    "grade": r.grade(),
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(rows));
    } else {
        for (file, r) in &measured {
            println!(
                "{file}: grade {:.2}, reading age {:.1} ({} sentences, {} words, {} syllables)",
                r.grade(),
                r.reading_age(),
                r.sentences,
                r.words,
                r.syllables
            );
        }
    }
    ExitCode::SUCCESS
}
