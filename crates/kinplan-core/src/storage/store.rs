//! The one interface every byte Kinplan keeps goes through: a key-value
//! store of strings, as `localStorage` is.
//!
//! [`super::Repository`] is written against [`Store`] alone, so the same
//! code runs over the browser ([`super::browser::BrowserStore`], with the
//! passphrase vault under it) and over [`MemoryStore`], which host tests
//! share between simulated tabs and tell to fail: a full quota at the Nth
//! write, a crash that drops every write after the Nth, a damaged record.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::SaveError;

/// A key-value store of text. Reads cannot fail (a store that cannot be
/// read reads as empty); writes and removals can, and say why.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&self, key: &str) -> Result<(), SaveError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Vec<String>;
    /// The text as it is in storage now, sealed or not. It differs from
    /// [`Store::get`] under the passphrase vault, whose decrypted copy
    /// waits for the storage event of another tab's write; a record's
    /// stamp (its revision) is readable either way.
    fn stored(&self, key: &str) -> Option<String> {
        self.get(key)
    }
}

/// What a [`MemoryStore`] does wrong, counted in writes (sets and
/// removals) from when the fault was set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fault {
    #[default]
    None,
    /// The write after `after` more writes fails with a full quota, once.
    QuotaFull { after: u32 },
    /// After `after` more writes the browser dies: every later write is
    /// lost, though the caller is told it succeeded (as a tab that is
    /// gone tells nobody anything).
    Crash { after: u32 },
}

#[derive(Debug, Default)]
struct Memory {
    records: BTreeMap<String, String>,
    fault: Fault,
    crashed: bool,
    /// Characters the store holds at most, as a browser's quota.
    quota: Option<usize>,
}

/// An in-memory store. Clones share the same records, as tabs of one
/// browser share `localStorage`.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore(Rc<RefCell<Memory>>);

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    pub fn with_quota(chars: usize) -> MemoryStore {
        let store = MemoryStore::new();
        store.0.borrow_mut().quota = Some(chars);
        store
    }

    pub fn set_fault(&self, fault: Fault) {
        self.0.borrow_mut().fault = fault;
    }

    /// Whether a [`Fault::Crash`] has happened: the tabs are gone.
    pub fn crashed(&self) -> bool {
        self.0.borrow().crashed
    }

    /// The browser starts again after a crash: writes land once more.
    pub fn restart(&self) {
        let mut memory = self.0.borrow_mut();
        memory.crashed = false;
        memory.fault = Fault::None;
    }

    /// Overwrites a record behind Kinplan's back, as a disk fault or
    /// another program would.
    pub fn corrupt(&self, key: &str, text: &str) {
        self.0
            .borrow_mut()
            .records
            .insert(key.to_string(), text.to_string());
    }

    /// Every record, for comparing before and after.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.0.borrow().records.clone()
    }

    /// Counts one write against the fault. `Ok(true)`: write it;
    /// `Ok(false)`: drop it silently (crashed).
    fn count_write(memory: &mut Memory) -> Result<bool, SaveError> {
        if memory.crashed {
            return Ok(false);
        }
        match &mut memory.fault {
            Fault::None => Ok(true),
            Fault::QuotaFull { after: 0 } => {
                memory.fault = Fault::None;
                let used = used(&memory.records);
                Err(SaveError::QuotaFull { used })
            }
            Fault::Crash { after: 0 } => {
                memory.crashed = true;
                Ok(false)
            }
            Fault::QuotaFull { after } | Fault::Crash { after } => {
                *after -= 1;
                Ok(true)
            }
        }
    }
}

fn used(records: &BTreeMap<String, String>) -> usize {
    records
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum()
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().records.get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        let mut memory = self.0.borrow_mut();
        if !MemoryStore::count_write(&mut memory)? {
            return Ok(());
        }
        if let Some(quota) = memory.quota {
            let old = memory
                .records
                .get(key)
                .map_or(0, |v| key.encode_utf16().count() + v.encode_utf16().count());
            let used = used(&memory.records);
            if used - old + key.encode_utf16().count() + value.encode_utf16().count() > quota {
                return Err(SaveError::QuotaFull { used });
            }
        }
        memory.records.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        let mut memory = self.0.borrow_mut();
        // A removal never fills a quota, but it is lost in a crash.
        if memory.crashed {
            return Ok(());
        }
        if let Fault::Crash { after: 0 } = memory.fault {
            memory.crashed = true;
            return Ok(());
        }
        if let Fault::Crash { after } = &mut memory.fault {
            *after -= 1;
        }
        memory.records.remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.0.borrow().records.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_records_and_faults_fire_once_at_their_write() {
        let tab_a = MemoryStore::new();
        let tab_b = tab_a.clone();
        tab_a.set("k", "1").unwrap();
        assert_eq!(tab_b.get("k").as_deref(), Some("1"));

        tab_a.set_fault(Fault::QuotaFull { after: 1 });
        tab_b.set("x", "ok").unwrap();
        assert!(matches!(
            tab_a.set("y", "full"),
            Err(SaveError::QuotaFull { .. })
        ));
        tab_a.set("y", "fits now").unwrap();
        assert_eq!(tab_b.get("y").as_deref(), Some("fits now"));

        tab_a.set_fault(Fault::Crash { after: 1 });
        tab_a.set("z", "written").unwrap();
        tab_a.set("z", "lost").unwrap();
        tab_a.remove("k").unwrap();
        assert!(tab_a.crashed());
        tab_a.restart();
        assert_eq!(tab_a.get("z").as_deref(), Some("written"));
        assert_eq!(tab_a.get("k").as_deref(), Some("1"));
    }

    #[test]
    fn a_quota_counts_utf16_units_of_keys_and_values() {
        // "ab" + "cd" = 4 units; "ab" + "😀" (a surrogate pair) = 4 units.
        let store = MemoryStore::with_quota(4);
        store.set("ab", "cd").unwrap();
        store.set("ab", "\u{1F600}").unwrap();
        assert!(store.set("e", "").is_err());
        assert!(store.set("ab", "cde").is_err());
    }
}
