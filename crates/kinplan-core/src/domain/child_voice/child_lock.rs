//! Child mode's lock: whose screen is open, and the code the worker set to
//! leave it.
//!
//! The code keeps a child from wandering into other records on a device
//! the worker is holding beside them. Four digits are quickly guessed by
//! trying, so after [`FREE_TRIES`] wrong codes each further one makes the
//! next wait longer, up to [`MAX_WAIT_SECONDS`], and the count is kept in
//! the lock so a reload does not reset it. The code itself is kept only as
//! a salted SHA-256 hash: someone reading storage sees no code to reuse
//! elsewhere. (A hash of four digits can still be found by trying all ten
//! thousand; with a passphrase set, the records themselves are encrypted.)
//!
//! The lock is stored in the clear even with a passphrase set, so that a
//! locked Kinplan still knows a child has the screen (see `storage`).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Wrong codes allowed before each one makes the next try wait.
pub const FREE_TRIES: u32 = 5;
/// The first wait, doubled with every wrong code after it.
pub const FIRST_WAIT_SECONDS: i64 = 30;
/// The longest wait.
pub const MAX_WAIT_SECONDS: i64 = 15 * 60;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildLock {
    pub case_id: Uuid,
    pub child_id: Uuid,
    /// Random bytes, in hex, hashed with the code.
    salt: String,
    /// SHA-256 of the salt's text and the code's digits, in hex.
    code_hash: String,
    /// Wrong codes in a row.
    #[serde(default)]
    wrong_tries: u32,
    /// No code is tried before this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    wait_until: Option<DateTime<Utc>>,
}

/// The shape before the code was hashed: kept only to read a lock that was
/// on while Kinplan was updated.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainCodeLock {
    case_id: Uuid,
    child_id: Uuid,
    code: String,
}

/// What happened when a code was tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    Opened,
    /// The wrong code; the next try must wait this long, if at all.
    Wrong {
        wait: Option<Duration>,
    },
    /// Too soon after too many wrong codes: not even tried.
    TooSoon {
        wait: Duration,
    },
}

impl ChildLock {
    /// A lock with the worker's code: 4 to 8 digits, spaces ignored.
    /// `salt` should be random (16 bytes from the browser's generator).
    pub fn new(
        case_id: Uuid,
        child_id: Uuid,
        code: &str,
        salt: [u8; 16],
    ) -> Result<ChildLock, &'static str> {
        let code = digits(code);
        if !(4..=8).contains(&code.chars().count()) || !code.chars().all(|c| c.is_ascii_digit()) {
            return Err("Enter a code of 4 to 8 numbers.");
        }
        let salt = hex(&salt);
        Ok(ChildLock {
            case_id,
            child_id,
            code_hash: hash(&salt, &code),
            salt,
            wrong_tries: 0,
            wait_until: None,
        })
    }

    /// Reads a stored lock, including one stored before codes were hashed,
    /// which is hashed now with `salt`.
    pub fn from_json(text: &str, salt: [u8; 16]) -> Option<ChildLock> {
        if let Ok(lock) = serde_json::from_str::<ChildLock>(text) {
            return Some(lock);
        }
        let old: PlainCodeLock = serde_json::from_str(text).ok()?;
        ChildLock::new(old.case_id, old.child_id, &old.code, salt).ok()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a lock always serialises")
    }

    /// Tries a code at `now`, counting a wrong one. The caller stores the
    /// lock again afterwards, so the count survives a reload.
    pub fn try_code(&mut self, attempt: &str, now: DateTime<Utc>) -> Attempt {
        if let Some(wait) = self.wait_at(now) {
            return Attempt::TooSoon { wait };
        }
        if hash(&self.salt, &digits(attempt)) == self.code_hash {
            self.wrong_tries = 0;
            self.wait_until = None;
            return Attempt::Opened;
        }
        self.wrong_tries = self.wrong_tries.saturating_add(1);
        let wait = wait_after(self.wrong_tries);
        self.wait_until = wait.map(|w| now + w);
        Attempt::Wrong { wait }
    }

    /// How long before the next code can be tried, if it must wait. Never
    /// more than the longest wait, even if the clock was moved back.
    pub fn wait_at(&self, now: DateTime<Utc>) -> Option<Duration> {
        let left = self.wait_until? - now;
        (left > Duration::zero()).then(|| left.min(Duration::seconds(MAX_WAIT_SECONDS)))
    }
}

/// The wait after `wrong` wrong codes in a row.
fn wait_after(wrong: u32) -> Option<Duration> {
    let over = wrong.checked_sub(FREE_TRIES)?;
    let seconds = FIRST_WAIT_SECONDS.saturating_mul(1 << over.min(10));
    Some(Duration::seconds(seconds.min(MAX_WAIT_SECONDS)))
}

fn digits(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect()
}

fn hash(salt: &str, code: &str) -> String {
    hex(&Sha256::new()
        .chain_update(salt.as_bytes())
        .chain_update(code.as_bytes())
        .finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const SALT: [u8; 16] = [7; 16];

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap() + Duration::seconds(seconds)
    }

    #[test]
    fn the_lock_needs_a_code_of_digits_and_opens_only_with_it() {
        let (case, child) = (Uuid::new_v4(), Uuid::new_v4());
        assert!(ChildLock::new(case, child, "12", SALT).is_err());
        assert!(ChildLock::new(case, child, "12ab", SALT).is_err());
        assert!(ChildLock::new(case, child, "123456789", SALT).is_err());
        let lock = ChildLock::new(case, child, "24 68", SALT).unwrap();
        for (typed, opens) in [
            ("2468", true),
            (" 2 4 6 8 ", true),
            ("2469", false),
            ("", false),
        ] {
            assert_eq!(
                lock.clone().try_code(typed, at(0)) == Attempt::Opened,
                opens,
                "{typed}"
            );
        }
    }

    #[test]
    fn the_code_is_stored_only_as_a_salted_hash() {
        let (case, child) = (Uuid::new_v4(), Uuid::new_v4());
        let lock = ChildLock::new(case, child, "2468", SALT).unwrap();
        let json = lock.to_json();
        assert!(!json.contains("2468"), "{json}");
        // The hash is SHA-256 of the salt's hex and the digits, as
        // `printf '%s%s' 0707…07 2468 | sha256sum` gives it.
        let salt = "07".repeat(16);
        assert!(json.contains(&format!("\"salt\":\"{salt}\"")), "{json}");
        assert!(
            json.contains("\"code_hash\":\"7bfc3fbcca02c0ea3d39e6ea8e66328f24c115b8fee46165e9fdf843e3565c68\""),
            "{json}"
        );
        // Another salt, another hash, for the same code.
        let other = ChildLock::new(case, child, "2468", [8; 16]).unwrap();
        assert_ne!(lock.code_hash, other.code_hash);
        assert_eq!(ChildLock::from_json(&json, [9; 16]), Some(lock));
    }

    #[test]
    fn a_lock_from_before_hashing_still_opens_with_its_code() {
        let (case, child) = (Uuid::new_v4(), Uuid::new_v4());
        let old = format!(r#"{{"case_id":"{case}","child_id":"{child}","code":"1357"}}"#);
        let mut lock = ChildLock::from_json(&old, SALT).unwrap();
        assert_eq!((lock.case_id, lock.child_id), (case, child));
        assert!(!lock.to_json().contains("1357"));
        assert_eq!(lock.try_code("1357", at(0)), Attempt::Opened);
        assert_eq!(ChildLock::from_json("{}", SALT), None);
    }

    #[test]
    fn wrong_codes_slow_down_after_five() {
        let mut lock = ChildLock::new(Uuid::new_v4(), Uuid::new_v4(), "2468", SALT).unwrap();
        let mut now = 0;
        for _ in 0..4 {
            assert_eq!(
                lock.try_code("0000", at(now)),
                Attempt::Wrong { wait: None }
            );
        }
        // From the fifth wrong code: 30 s, 60 s, 120 s, … up to 15 minutes.
        let expected = [30, 60, 120, 240, 480, 900, 900];
        for seconds in expected {
            assert_eq!(
                lock.try_code("0000", at(now)),
                Attempt::Wrong {
                    wait: Some(Duration::seconds(seconds))
                }
            );
            // Even the right code is not tried before the wait is over.
            assert_eq!(
                lock.try_code("2468", at(now + seconds - 1)),
                Attempt::TooSoon {
                    wait: Duration::seconds(1)
                }
            );
            now += seconds;
        }
        // The count survives being stored and read again (a reload).
        let mut reloaded = ChildLock::from_json(&lock.to_json(), [1; 16]).unwrap();
        assert_eq!(
            reloaded.try_code("0000", at(now)),
            Attempt::Wrong {
                wait: Some(Duration::seconds(900))
            }
        );
        now += 900;
        assert_eq!(reloaded.try_code("2468", at(now)), Attempt::Opened);
        assert_eq!(
            reloaded.try_code("0000", at(now)),
            Attempt::Wrong { wait: None }
        );
    }

    #[test]
    fn a_clock_moved_back_never_waits_longer_than_the_longest_wait() {
        let mut lock = ChildLock::new(Uuid::new_v4(), Uuid::new_v4(), "2468", SALT).unwrap();
        for _ in 0..5 {
            lock.try_code("0000", at(0));
        }
        assert_eq!(
            lock.wait_at(at(-86_400)),
            Some(Duration::seconds(MAX_WAIT_SECONDS))
        );
    }
}
