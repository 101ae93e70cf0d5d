//! Deterministic simulation of Kinplan's storage, after the simulators of
//! FoundationDB and TigerBeetle at our scale: a seeded random run drives
//! three tabs over one shared in-memory store, each with its own
//! passphrase vault (`storage::vault::Vault`, the browser's own logic),
//! repository (and so its own cache) and open case. Steps are chosen at
//! random: type, autosave, reload, close, deliver another tab's storage
//! event late or out of order, keep mine, keep both, import (replacing or
//! new), bin, restore, delete for good, set the passphrase, lock, unlock
//! (with the right passphrase or a wrong one), change the passphrase,
//! finish an encrypted write or a decryption that was waiting, leave a
//! page with writes still waiting, and faults: a full quota at a random
//! write, a crash that drops every write after a random one, and a record
//! damaged on disk.
//!
//! The cipher is RustCrypto's AES-256-GCM and PBKDF2 behind the same
//! `Cipher` trait as the browser's WebCrypto, with two differences that
//! keep 10,000 seeds within a minute: keys are made with 1,000 rounds
//! (the lock record still says 600,000), and each passphrase and salt is
//! derived once and remembered. Random IVs and salts come from the seed,
//! so a run repeats exactly. An encrypted write lands when the simulation
//! runs its task, so saves of two tabs can cross in any order.
//!
//! After every step it checks the invariants of `storage::Repository`:
//! 1. every edit a tab was told is saved is in storage, unless a worker
//!    later chose to replace it (keep mine, import, delete for good) or
//!    the disk damaged the record; with the passphrase on, from when its
//!    encrypted write lands;
//! 2. no revision in storage ever goes down while its record exists;
//! 3. no ordinary save lands on a revision it did not load;
//! 4. every case record opens, or is reported damaged (only if the disk
//!    damaged it), and the case list lists every record; with the
//!    passphrase on, storage unlocks with the passphrase last set;
//! 5. an import, setting the passphrase and changing it are all or
//!    nothing, also across a crash once Kinplan opens again; a wrong
//!    passphrase changes nothing.
//!
//! `KINPLAN_SIM_SEEDS=N` sets how many seeds run (10,000 by default);
//! `KINPLAN_SIM_SEED=S` replays one, printing every step. A failure names
//! its seed. `cargo test --test storage_simulation -- --nocapture` prints
//! what the run covered.

// The simulated cipher is RustCrypto, which the wasm build does not carry.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use chrono::{DateTime, Duration, TimeZone, Utc};
use kinplan::domain::persist::vault::{host, Kdf, Sealed, IV_BYTES, SALT_BYTES};
use kinplan::domain::Case;
use kinplan::storage::vault::{
    ChangeError, Cipher, CipherError, Status, Task, UnlockError, Vault, VAULT_KEY,
};
use kinplan::storage::{
    case_id_of_key, case_key, CaseFault, Fault, MemoryStore, Next, Repository, SaveError,
    SaveState, SaveStatus, Store, JOURNAL_KEY,
};
use uuid::Uuid;

const TABS: usize = 3;
const STEPS: usize = 60;
const PASSPHRASES: [&str; 3] = [
    "correct horse battery",
    "kettle on at four",
    "lighthouse staple gun",
];
const WRONG_PASSPHRASE: &str = "not the passphrase";
/// PBKDF2 rounds in the simulation; see the module docs.
const ROUNDS: u32 = 1_000;

/// splitmix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn id(&mut self) -> Uuid {
        Uuid::from_u64_pair(self.next(), self.next())
    }

    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        std::array::from_fn(|_| self.next() as u8)
    }
}

/// Runs a future that never waits: the simulated cipher is ready at once.
fn block_on<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("a simulated task waited for something"),
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct SimKey([u8; 32]);

/// Keys already made, by passphrase and salt.
type DerivedKeys = HashMap<(String, Vec<u8>), [u8; 32]>;

/// A task the vault left to run later, with the record it writes.
type Waiting = (Option<String>, Task);

/// RustCrypto behind the vault's `Cipher` trait (see the module docs).
struct SimCipher {
    rng: RefCell<Rng>,
    derived: Rc<RefCell<DerivedKeys>>,
}

impl SimCipher {
    fn iv(&self) -> [u8; IV_BYTES] {
        self.rng.borrow_mut().bytes()
    }
}

fn wrong_key() -> CipherError {
    CipherError("the key or the data is not the one sealed".into())
}

impl Cipher for SimCipher {
    type Key = SimKey;

    async fn derive(
        &self,
        passphrase: &str,
        kdf: &Kdf,
        _extractable: bool,
    ) -> Result<SimKey, CipherError> {
        let id = (passphrase.to_string(), kdf.salt.0.clone());
        if let Some(key) = self.derived.borrow().get(&id) {
            return Ok(SimKey(*key));
        }
        let fast = Kdf {
            iterations: ROUNDS,
            ..kdf.clone()
        };
        let key = host::derive_key(passphrase, &fast);
        self.derived.borrow_mut().insert(id, key);
        Ok(SimKey(key))
    }

    async fn seal(
        &self,
        key: &SimKey,
        plaintext: &[u8],
        additional_data: &[u8],
    ) -> Result<Sealed, CipherError> {
        Ok(host::seal(&key.0, self.iv(), plaintext, additional_data))
    }

    fn open(
        &self,
        key: &SimKey,
        sealed: &Sealed,
        additional_data: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, CipherError>> + 'static {
        std::future::ready(host::open(&key.0, sealed, additional_data).ok_or_else(wrong_key))
    }

    async fn seal_key(
        &self,
        key: &SimKey,
        old: &SimKey,
        additional_data: &[u8],
    ) -> Result<Sealed, CipherError> {
        Ok(host::seal(&key.0, self.iv(), &old.0, additional_data))
    }

    async fn open_key(
        &self,
        key: &SimKey,
        sealed: &Sealed,
        additional_data: &[u8],
    ) -> Result<SimKey, CipherError> {
        let bytes = host::open(&key.0, sealed, additional_data).ok_or_else(wrong_key)?;
        Ok(SimKey(bytes.try_into().map_err(|_| wrong_key())?))
    }

    fn salt(&self) -> [u8; SALT_BYTES] {
        self.rng.borrow_mut().bytes()
    }
}

type SimVault = Vault<MemoryStore, SimCipher>;

/// The words typed into a case: a label made of unique tokens, so any
/// version in storage shows which edits it holds.
fn tokens(case: &Case) -> BTreeSet<String> {
    case.label.split_whitespace().map(str::to_string).collect()
}

fn stored_tokens<S: Store>(repo: &Repository<S>, id: Uuid) -> Option<BTreeSet<String>> {
    repo.load_case(id).ok().map(|s| tokens(&s.case))
}

struct OpenTab {
    case: Case,
    save: SaveState,
}

/// A save made in memory whose encrypted write has not landed yet.
struct Unlanded {
    id: Uuid,
    tokens: BTreeSet<String>,
    over_damage: bool,
}

struct Tab {
    vault: SimVault,
    repo: Repository<SimVault>,
    open: Option<OpenTab>,
    /// Storage events not yet delivered: the key and its new value.
    events: Vec<(String, Option<String>)>,
    /// Work the vault left to run later: encrypted writes (with their key)
    /// and decryptions of other tabs' writes.
    tasks: Rc<RefCell<Vec<Waiting>>>,
    /// Keys whose storage event has been brought in.
    arrived: Rc<RefCell<Vec<String>>>,
    /// Writes that failed after their save returned.
    failures: Rc<RefCell<Vec<(String, SaveError)>>>,
    unlanded: Vec<Unlanded>,
}

impl Tab {
    fn new(store: &MemoryStore, cipher: SimCipher) -> Tab {
        let tasks = Rc::new(RefCell::new(Vec::new()));
        let queue = Rc::clone(&tasks);
        let vault = Vault::new(
            store.clone(),
            cipher,
            Box::new(move |key: Option<&str>, task| {
                queue.borrow_mut().push((key.map(str::to_string), task))
            }),
        );
        let failures = Rc::new(RefCell::new(Vec::new()));
        let reported = Rc::clone(&failures);
        vault.on_write_failure(move |key, error| {
            reported.borrow_mut().push((key.to_string(), error))
        });
        Tab {
            repo: Repository::new(vault.clone()),
            vault,
            open: None,
            events: Vec::new(),
            tasks,
            arrived: Rc::new(RefCell::new(Vec::new())),
            failures,
            unlanded: Vec::new(),
        }
    }
}

#[derive(Default)]
struct Coverage {
    sequences: HashSet<u64>,
    steps: BTreeMap<&'static str, u64>,
    faults: BTreeMap<&'static str, u64>,
    conflicts: u64,
    refused_imports: u64,
    encrypted_runs: u64,
}

struct World {
    rng: Rng,
    store: MemoryStore,
    tabs: Vec<Tab>,
    derived: Rc<RefCell<DerivedKeys>>,
    /// Every case id that has existed.
    ids: Vec<Uuid>,
    /// The model: tokens each case was reported saved with.
    acked: BTreeMap<Uuid, BTreeSet<String>>,
    /// Records the disk damaged, until something is saved over them.
    damaged: HashSet<Uuid>,
    /// The highest revision seen per record while it exists.
    highest: BTreeMap<Uuid, u64>,
    /// The passphrase last set, as the worker knows it.
    passphrase: Option<String>,
    /// The passphrase a step is setting, until it returns.
    setting: Option<String>,
    clock: DateTime<Utc>,
    next_token: u64,
    log: Vec<String>,
    verbose: bool,
}

impl World {
    fn new(seed: u64, verbose: bool) -> World {
        let store = MemoryStore::new();
        let mut world = World {
            rng: Rng(seed),
            tabs: Vec::new(),
            store,
            derived: Rc::default(),
            ids: Vec::new(),
            acked: BTreeMap::new(),
            damaged: HashSet::new(),
            highest: BTreeMap::new(),
            passphrase: None,
            setting: None,
            clock: Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap(),
            next_token: 0,
            log: Vec::new(),
            verbose,
        };
        world.tabs = (0..TABS).map(|_| world.new_tab()).collect();
        for _ in 0..2 {
            let case = world.new_case();
            world.tabs[0]
                .repo
                .create(&case)
                .expect("the first cases fit");
            world.acked.insert(case.id, tokens(&case));
        }
        world
    }

    fn cipher(&mut self) -> SimCipher {
        SimCipher {
            rng: RefCell::new(Rng(self.rng.next())),
            derived: Rc::clone(&self.derived),
        }
    }

    /// A newly opened tab on the shared store (locked if a passphrase is set).
    fn new_tab(&mut self) -> Tab {
        let cipher = self.cipher();
        Tab::new(&self.store, cipher)
    }

    fn say(&mut self, line: String) {
        if self.verbose {
            eprintln!("{line}");
        }
        self.log.push(line);
    }

    fn token(&mut self) -> String {
        self.next_token += 1;
        format!("t{}", self.next_token)
    }

    fn new_case(&mut self) -> Case {
        let label = self.token();
        let mut case = Case::new(label, self.clock);
        case.id = self.rng.id();
        self.ids.push(case.id);
        case
    }

    fn tick(&mut self) -> DateTime<Utc> {
        self.clock += Duration::seconds(7);
        self.clock
    }

    fn pick_id(&mut self) -> Uuid {
        self.ids[self.rng.below(self.ids.len())]
    }

    /// A save was accepted: acknowledged now without a passphrase, or
    /// once its encrypted write lands.
    fn saved(&mut self, t: usize, id: Uuid, tokens: BTreeSet<String>, over_damage: bool) {
        if self.tabs[t].vault.status() == Status::Open {
            self.tabs[t].unlanded.push(Unlanded {
                id,
                tokens,
                over_damage,
            });
        } else {
            self.acked.insert(id, tokens);
            if over_damage {
                self.damaged.remove(&id);
            }
        }
    }

    /// One random step by one tab. Returns its name.
    fn step(&mut self, cover: &mut Coverage) -> Result<&'static str, String> {
        let t = self.rng.below(TABS);
        let before = self.store.snapshot();
        let acked_before = self.acked.clone();
        let damaged_before = self.damaged.clone();
        let mut choice = self.rng.below(120);
        if self.tabs[t].vault.status() == Status::Locked && choice < 89 {
            // A locked tab shows only the passphrase screen.
            choice = 114;
        } else if self.tabs[t].open.is_none() && (10..77).contains(&choice) {
            // A worker with no case open opens one before typing in it.
            choice = 0;
        }
        let name = match choice {
            0..=9 => self.open_case(t),
            10..=34 => self.type_text(t),
            35..=54 => self.autosave(t)?,
            55..=57 => self.close(t),
            58..=59 => self.reload(t, true),
            60..=69 => self.deliver_event(t),
            70..=73 => self.keep_mine(t),
            74..=76 => self.keep_both(t),
            77..=82 => self.import(t, &before, cover)?,
            83..=86 => self.bin_or_restore(t),
            87..=88 => self.delete_for_good(t),
            89..=93 => {
                let after = self.rng.below(6) as u32;
                self.store.set_fault(Fault::QuotaFull { after });
                *cover.faults.entry("quota full").or_default() += 1;
                "fault: quota full"
            }
            94..=96 => {
                let after = self.rng.below(6) as u32;
                self.store.set_fault(Fault::Crash { after });
                *cover.faults.entry("crash").or_default() += 1;
                "fault: crash"
            }
            97..=99 => {
                let id = self.pick_id();
                if before.contains_key(&case_key(id)) {
                    self.store
                        .corrupt(&case_key(id), "\u{1}{\"schema_version\":3,\"rev");
                    self.damaged.insert(id);
                    self.acked.remove(&id);
                    // The disk took the revision with the rest: invariant 2
                    // starts again from whatever is written over it.
                    self.highest.remove(&id);
                    *cover.faults.entry("damaged record").or_default() += 1;
                }
                "fault: damaged record"
            }
            100..=109 => self.run_task(t),
            110..=111 => self.turn_on(t, &before)?,
            112..=113 => self.lock(t),
            114..=116 => self.unlock(t, &before)?,
            117..=118 => self.change_passphrase(t)?,
            _ => self.reload(t, false),
        };
        if self.store.crashed() {
            self.after_crash(&before, acked_before, damaged_before, cover)?;
        }
        self.setting = None;
        // Every other tab hears of each record that changed.
        let after = self.store.snapshot();
        for key in before.keys().chain(after.keys()) {
            if before.get(key) != after.get(key) && key.starts_with("kinplan.") {
                for (other, tab) in self.tabs.iter_mut().enumerate() {
                    if other != t {
                        tab.events.push((key.clone(), after.get(key).cloned()));
                    }
                }
            }
        }
        self.say(format!("tab {t}: {name}"));
        Ok(name)
    }

    fn open_case(&mut self, t: usize) -> &'static str {
        let id = self.pick_id();
        self.close(t);
        let tab = &mut self.tabs[t];
        match tab.repo.load_case(id) {
            Ok(stored) => {
                tab.open = Some(OpenTab {
                    save: SaveState::opened(&stored, None),
                    case: stored.case,
                });
                "open a case"
            }
            Err(_) => "open a case that is gone or damaged",
        }
    }

    fn type_text(&mut self, t: usize) -> &'static str {
        let token = self.token();
        let now = self.tick();
        let Some(open) = &mut self.tabs[t].open else {
            return "type with no case open";
        };
        open.case.label.push(' ');
        open.case.label.push_str(&token);
        open.case.updated = now;
        open.save.edited();
        "type"
    }

    /// Saves, and checks invariant 3 on the way.
    fn autosave(&mut self, t: usize) -> Result<&'static str, String> {
        let tab = &mut self.tabs[t];
        let Some(open) = &mut tab.open else {
            return Ok("autosave with no case open");
        };
        let id = open.case.id;
        let stored_before = tab.repo.stored_revision(id);
        let loaded = open.save.revision();
        let was_damaged = tab.repo.store().get(&case_key(id)).is_some() && stored_before.is_none();
        if open.save.flush(&tab.repo, &open.case).is_some() {
            if stored_before.is_some_and(|r| r != loaded) {
                return Err(format!(
                    "a save from revision {loaded} landed on revision {stored_before:?}"
                ));
            }
            let tokens = tokens(&open.case);
            self.saved(t, id, tokens, was_damaged);
            return Ok("autosave");
        }
        Ok(match open.save.status() {
            SaveStatus::Conflict => "autosave refused: conflict",
            SaveStatus::NotSaved(_) => "autosave refused: storage",
            _ => "autosave with nothing to save",
        })
    }

    /// Leaving the case for the case list: it saves as it closes.
    fn close(&mut self, t: usize) -> &'static str {
        // A refused save is not acknowledged, and is lost with the page:
        // the worker was shown it was not saved.
        let _ = self.autosave(t);
        self.tabs[t].open = None;
        "close a case"
    }

    /// Reloading or closing the tab. The page saves on `pagehide`; with
    /// writes still being encrypted the browser asks the worker to stay,
    /// and they finish (`stay`), unless the worker leaves anyway.
    fn reload(&mut self, t: usize, stay: bool) -> &'static str {
        self.close(t);
        if stay {
            self.drain(t);
        }
        self.tabs[t] = self.new_tab();
        if stay {
            "reload"
        } else {
            "leave the page with writes waiting"
        }
    }

    /// Runs one waiting task of the tab's vault, chosen at random.
    fn run_task(&mut self, t: usize) -> &'static str {
        let waiting = self.tabs[t].tasks.borrow().len();
        if waiting == 0 {
            return "no task waiting";
        }
        let pick = self.rng.below(waiting);
        self.run_one(t, pick)
    }

    fn run_one(&mut self, t: usize, pick: usize) -> &'static str {
        let (key, task) = self.tabs[t].tasks.borrow_mut().remove(pick);
        block_on(task);
        let failed = self.settle(t);
        let Some(key) = key else {
            return "finish decrypting another tab's write";
        };
        let Some(id) = case_id_of_key(&key) else {
            return "finish an encrypted write";
        };
        let (landed, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.tabs[t].unlanded)
            .into_iter()
            .partition(|u| u.id == id);
        self.tabs[t].unlanded = waiting;
        if failed.contains(&key) {
            // The worker is shown the save failed; the case stays unsaved.
            return "encrypted write of a case refused";
        }
        for save in landed {
            self.acked.insert(id, save.tokens);
            if save.over_damage {
                self.damaged.remove(&id);
            }
        }
        "finish an encrypted write of a case"
    }

    /// Runs every waiting task, as `vault::drained` waits for them.
    fn drain(&mut self, t: usize) {
        while !self.tabs[t].tasks.borrow().is_empty() {
            self.run_one(t, 0);
        }
    }

    /// Hands what the vault brought in to the open case, as the UI does:
    /// another tab's save, and a write of ours that failed. Returns the
    /// keys whose write failed.
    fn settle(&mut self, t: usize) -> HashSet<String> {
        let tab = &mut self.tabs[t];
        let arrived: Vec<String> = tab.arrived.borrow_mut().drain(..).collect();
        let failures: Vec<(String, SaveError)> = tab.failures.borrow_mut().drain(..).collect();
        if let Some(open) = &mut tab.open {
            let open_key = case_key(open.case.id);
            for (key, error) in &failures {
                if *key == open_key {
                    open.save.write_failed(error.clone());
                }
            }
            if arrived.contains(&open_key) {
                if let Next::Show(stored) = open.save.saved_elsewhere(&tab.repo, open.case.id) {
                    open.case = stored.case;
                }
            }
        }
        failures.into_iter().map(|(key, _)| key).collect()
    }

    fn deliver_event(&mut self, t: usize) -> &'static str {
        let tab = &mut self.tabs[t];
        if tab.events.is_empty() {
            return "no event to deliver";
        }
        // Out of order: any pending event, not the oldest.
        let (key, value) = tab.events.remove(self.rng.below(tab.events.len()));
        let before = tab.vault.status();
        let arrived = Rc::clone(&tab.arrived);
        let heard = key.clone();
        tab.vault
            .after_other_tab(Some(key), value, move || arrived.borrow_mut().push(heard));
        if tab.vault.status() != before {
            // Another tab set or changed the passphrase: this one reloads
            // (its save on the way out is refused by the locked vault).
            self.tabs[t] = self.new_tab();
            return "reload after another tab's passphrase";
        }
        self.settle(t);
        "deliver a late storage event"
    }

    fn keep_mine(&mut self, t: usize) -> &'static str {
        let tab = &mut self.tabs[t];
        let Some(open) = &mut tab.open else {
            return "keep mine with no case open";
        };
        if open.save.status() != &SaveStatus::Conflict {
            return "keep mine with no conflict";
        }
        if open.save.keep_mine(&tab.repo, &open.case).is_some() {
            let (id, tokens) = (open.case.id, tokens(&open.case));
            self.saved(t, id, tokens, true);
        }
        "keep mine"
    }

    fn keep_both(&mut self, t: usize) -> &'static str {
        let label = self.token();
        let now = self.tick();
        let tab = &mut self.tabs[t];
        let Some(open) = &mut tab.open else {
            return "keep both with no case open";
        };
        if open.save.status() != &SaveStatus::Conflict {
            return "keep both with no conflict";
        }
        let mine = open.case.clone();
        let label = format!("{} {label}", mine.label);
        if let Ok((copy, next)) = open.save.keep_both(&tab.repo, &mine, label, now) {
            if let Next::Show(stored) = next {
                open.case = stored.case;
            }
            self.ids.push(copy.id);
            self.saved(t, copy.id, tokens(&copy), false);
        }
        "keep both"
    }

    /// An import of one new case and one that replaces a case on the
    /// device; checks invariant 5 when it is refused.
    fn import(
        &mut self,
        t: usize,
        before: &BTreeMap<String, String>,
        cover: &mut Coverage,
    ) -> Result<&'static str, String> {
        let fresh = self.new_case();
        let mut cases = vec![fresh];
        let id = self.pick_id();
        if let Ok(stored) = self.tabs[t].repo.load_case(id) {
            let mut replacing = stored.case;
            let token = self.token();
            replacing.label = format!("{token} imported");
            cases.push(replacing);
        }
        // As the import page does: earlier writes first, then one pass.
        self.drain(t);
        let before = if self.tabs[t].vault.status() == Status::Open {
            self.store.snapshot()
        } else {
            before.clone()
        };
        let tab = &self.tabs[t];
        let imported = block_on(
            tab.vault
                .write_all_or_nothing(|| tab.repo.import(&cases).map(|_| ())),
        );
        match imported {
            Ok(()) => {
                for case in &cases {
                    self.acked.insert(case.id, tokens(case));
                    self.damaged.remove(&case.id);
                }
                Ok("import")
            }
            Err(_) if self.store.crashed() => Ok("import cut off by a crash"),
            Err(e) => {
                cover.refused_imports += 1;
                if self.store.snapshot() != before {
                    return Err(format!("a refused import ({e}) changed storage"));
                }
                Ok("import refused")
            }
        }
    }

    fn bin_or_restore(&mut self, t: usize) -> &'static str {
        let id = self.pick_id();
        let now = self.tick();
        let repo = &self.tabs[t].repo;
        let binned = repo
            .current_index()
            .get(id)
            .is_some_and(|e| e.deleted.is_some());
        // A refusal leaves the case where it was; the UI says so.
        let _ = repo.set_binned(id, if binned { None } else { Some(now) });
        if binned {
            "restore from the bin"
        } else {
            "move to the bin"
        }
    }

    fn delete_for_good(&mut self, t: usize) -> &'static str {
        let id = self.pick_id();
        let repo = &self.tabs[t].repo;
        let in_bin = repo
            .current_index()
            .get(id)
            .is_some_and(|e| e.deleted.is_some());
        if !in_bin {
            return "delete for good: not in the bin";
        }
        if repo.delete_for_good(id).is_ok() {
            self.acked.remove(&id);
            self.damaged.remove(&id);
            for tab in &mut self.tabs {
                tab.unlanded.retain(|u| u.id != id);
            }
        }
        "delete for good"
    }

    fn pick_passphrase(&mut self) -> String {
        PASSPHRASES[self.rng.below(PASSPHRASES.len())].to_string()
    }

    /// Storage must be as it was: a refused or wrong-passphrase step
    /// changes nothing (invariant 5).
    fn unchanged(&self, before: &BTreeMap<String, String>, what: &str) -> Result<(), String> {
        if self.store.crashed() || self.store.snapshot() == *before {
            Ok(())
        } else {
            Err(format!("{what} changed storage"))
        }
    }

    /// A passphrase step said it succeeded. If the browser died during it,
    /// which passphrase is in force is settled when Kinplan opens again.
    fn passphrase_set(&mut self, passphrase: String) {
        if !self.store.crashed() {
            self.passphrase = Some(passphrase);
        }
    }

    fn turn_on(
        &mut self,
        t: usize,
        before: &BTreeMap<String, String>,
    ) -> Result<&'static str, String> {
        if self.tabs[t].vault.status() != Status::Plain {
            return Ok("set the passphrase: already set");
        }
        let passphrase = self.pick_passphrase();
        self.setting = Some(passphrase.clone());
        match block_on(self.tabs[t].vault.turn_on(&passphrase, 10)) {
            Ok(()) => {
                self.passphrase_set(passphrase);
                Ok("set the passphrase")
            }
            Err(e) => {
                self.unchanged(before, &format!("setting a passphrase that failed ({e})"))?;
                Ok("set the passphrase refused")
            }
        }
    }

    /// Locks: the open case saves as its page closes, the writes finish,
    /// then the key goes.
    fn lock(&mut self, t: usize) -> &'static str {
        if self.tabs[t].vault.status() != Status::Open {
            return "lock: not open";
        }
        self.close(t);
        self.drain(t);
        self.tabs[t].vault.lock();
        self.tabs[t].repo.forget();
        "lock"
    }

    fn unlock(
        &mut self,
        t: usize,
        before: &BTreeMap<String, String>,
    ) -> Result<&'static str, String> {
        if self.tabs[t].vault.status() != Status::Locked {
            return Ok("unlock: not locked");
        }
        let right = self.rng.below(4) != 0;
        let typed = match (&self.passphrase, right) {
            (Some(passphrase), true) => passphrase.clone(),
            _ => WRONG_PASSPHRASE.to_string(),
        };
        match block_on(self.tabs[t].vault.unlock(&typed)) {
            Ok(()) if typed != WRONG_PASSPHRASE => {
                self.settle(t);
                Ok("unlock")
            }
            Ok(()) => Err("a wrong passphrase unlocked".into()),
            Err(UnlockError::WrongPassphrase) if typed == WRONG_PASSPHRASE => {
                self.unchanged(before, "a wrong passphrase")?;
                Ok("unlock refused: wrong passphrase")
            }
            Err(e) => Err(format!("unlocking with {typed:?} failed: {e}")),
        }
    }

    fn change_passphrase(&mut self, t: usize) -> Result<&'static str, String> {
        if self.tabs[t].vault.status() != Status::Open {
            return Ok("change the passphrase: not open");
        }
        // The settings page waits for earlier writes first.
        self.drain(t);
        let before = self.store.snapshot();
        let right = self.rng.below(5) != 0;
        let current = match (&self.passphrase, right) {
            (Some(passphrase), true) => passphrase.clone(),
            _ => WRONG_PASSPHRASE.to_string(),
        };
        let new = self.pick_passphrase();
        self.setting = Some(new.clone());
        let changed = block_on(self.tabs[t].vault.change_passphrase(&current, &new));
        match changed {
            Ok(()) if current != WRONG_PASSPHRASE => {
                self.passphrase_set(new);
                Ok("change the passphrase")
            }
            Ok(()) => Err("a wrong passphrase changed the passphrase".into()),
            Err(ChangeError::WrongPassphrase) if current == WRONG_PASSPHRASE => {
                self.unchanged(&before, "a change with a wrong passphrase")?;
                Ok("change refused: wrong passphrase")
            }
            Err(ChangeError::WrongPassphrase) => {
                Err("the right passphrase was called wrong".into())
            }
            Err(e) => {
                self.unchanged(&before, &format!("a change that failed ({e:?})"))?;
                Ok("change refused: storage")
            }
        }
    }

    /// A fresh vault over `store`, unlocked with the first of `candidates`
    /// that opens it; `Err` if none does.
    fn unlocked(
        &mut self,
        store: &MemoryStore,
        candidates: &[Option<String>],
    ) -> Result<(Tab, Option<String>), String> {
        if store.get(VAULT_KEY).is_none() {
            return Ok((Tab::new(store, self.cipher()), None));
        }
        let mut refused = Vec::new();
        for passphrase in candidates.iter().flatten() {
            let tab = Tab::new(store, self.cipher());
            match block_on(tab.vault.unlock(passphrase)) {
                Ok(()) => return Ok((tab, Some(passphrase.clone()))),
                Err(e) => refused.push(format!("{passphrase:?}: {e}")),
            }
        }
        Err(format!(
            "storage does not unlock with the passphrase set ({})",
            refused.join("; ")
        ))
    }

    /// The browser died during the last step: every tab is gone, and
    /// Kinplan opens again in a new one.
    fn after_crash(
        &mut self,
        before: &BTreeMap<String, String>,
        acked_before: BTreeMap<Uuid, BTreeSet<String>>,
        damaged_before: HashSet<Uuid>,
        cover: &mut Coverage,
    ) -> Result<(), String> {
        *cover.steps.entry("crash happened").or_default() += 1;
        self.store.restart();
        // A passphrase being set or changed when the browser died is in
        // force if its lock record landed first.
        let store = self.store.clone();
        let candidates = [self.setting.take(), self.passphrase.clone()];
        let (opener, passphrase) = self.unlocked(&store, &candidates)?;
        self.passphrase = passphrase;
        if self.passphrase.is_none() && store.snapshot().values().any(|v| v.starts_with('\u{3}')) {
            return Err("records are sealed but there is no lock record".into());
        }
        let recovered = opener
            .repo
            .recover()
            .map_err(|e| format!("recovery failed: {e}"))?;
        let mut opener = opener;
        self.tabs.push(opener);
        let last = self.tabs.len() - 1;
        self.drain(last);
        opener = self.tabs.pop().expect("just pushed");
        let reader = &opener.repo;
        // What the step acknowledged may not have landed: keep the model
        // from before it, but take any replacement that did land.
        let mut model = acked_before;
        for (id, now) in &self.acked {
            if stored_tokens(reader, *id).as_ref() == Some(now) {
                model.insert(*id, now.clone());
            }
        }
        for id in model.keys().copied().collect::<Vec<_>>() {
            if !self.acked.contains_key(&id) && reader.load_case(id).is_err() {
                // Deleted for good in the step, and the removal landed.
                model.remove(&id);
            }
        }
        self.acked = model;
        // Likewise a save over a damaged record may not have landed.
        self.damaged = damaged_before
            .into_iter()
            .chain(self.damaged.iter().copied())
            .filter(|id| matches!(reader.load_case(*id), Err(CaseFault::Damaged { .. })))
            .collect();
        if recovered {
            let now = self.store.snapshot();
            let touched: BTreeSet<&String> = before
                .keys()
                .chain(now.keys())
                .filter(|k| k.starts_with("kinplan.case."))
                .collect();
            for key in touched {
                if before.get(key) != now.get(key) {
                    return Err(format!(
                        "an import cut off by a crash left {key} changed after recovery"
                    ));
                }
            }
        }
        self.tabs = (0..TABS).map(|_| self.new_tab()).collect();
        Ok(())
    }

    /// Invariants 1, 2 and 4, on storage as it is now.
    fn check(&mut self) -> Result<(), String> {
        // Read from a copy: opening the case list may repair it, and that
        // write must not meet a fault meant for the tabs.
        let copy = MemoryStore::new();
        for (key, value) in self.store.snapshot() {
            copy.set(&key, &value).expect("a copy has no faults");
        }
        if self.store.get(JOURNAL_KEY).is_some() {
            return Err("an import journal was left behind with no crash".into());
        }
        let candidates = [self.passphrase.clone()];
        let (reader, _) = self.unlocked(&copy, &candidates)?;
        let reader = &reader.repo;
        let (index, _) = reader.load_index();
        let keys = self.store.keys();
        for key in &keys {
            let Some(id) = case_id_of_key(key) else {
                continue;
            };
            if index.get(id).is_none() {
                return Err(format!("case {id} is not in the case list"));
            }
            match reader.load_case(id) {
                Ok(stored) => {
                    let highest = self.highest.entry(id).or_insert(stored.revision);
                    if stored.revision < *highest {
                        return Err(format!(
                            "case {id} went from revision {highest} back to {}",
                            stored.revision
                        ));
                    }
                    *highest = stored.revision;
                }
                Err(CaseFault::Damaged { .. }) if self.damaged.contains(&id) => {}
                Err(fault) => return Err(format!("case {id} does not open: {fault:?}")),
            }
        }
        let present: HashSet<Uuid> = keys.iter().filter_map(|k| case_id_of_key(k)).collect();
        self.highest.retain(|id, _| present.contains(id));
        for (id, acked) in &self.acked {
            match stored_tokens(reader, *id) {
                Some(stored) if stored.is_superset(acked) => {}
                Some(stored) => {
                    return Err(format!(
                        "case {id} lost saved edits: saved {acked:?}, stored {stored:?}"
                    ))
                }
                None => return Err(format!("case {id} was saved and is gone")),
            }
        }
        Ok(())
    }
}

fn run(seed: u64, verbose: bool, cover: &mut Coverage) -> Result<(), (String, Vec<String>)> {
    let mut world = World::new(seed, verbose);
    let mut sequence = 0u64;
    for _ in 0..STEPS {
        let before = (world.store.snapshot(), world.acked.clone());
        let step = world.step(cover).and_then(|name| {
            // Nothing to check again if neither storage nor the model moved.
            if before == (world.store.snapshot(), world.acked.clone()) {
                Ok(name)
            } else {
                world.check().map(|()| name)
            }
        });
        match step {
            Ok(name) => {
                *cover.steps.entry(name).or_default() += 1;
                sequence = sequence
                    .wrapping_mul(0x100_0000_01B3)
                    .wrapping_add(name.len() as u64 * 31 + name.as_bytes()[0] as u64);
            }
            Err(why) => return Err((why, world.log)),
        }
    }
    cover.sequences.insert(sequence);
    if world.passphrase.is_some() {
        cover.encrypted_runs += 1;
    }
    for tab in &world.tabs {
        if let Some(open) = &tab.open {
            if matches!(open.save.status(), SaveStatus::Conflict) {
                cover.conflicts += 1;
            }
        }
    }
    Ok(())
}

impl Coverage {
    fn add(&mut self, other: Coverage) {
        self.sequences.extend(other.sequences);
        for (step, count) in other.steps {
            *self.steps.entry(step).or_default() += count;
        }
        for (fault, count) in other.faults {
            *self.faults.entry(fault).or_default() += count;
        }
        self.conflicts += other.conflicts;
        self.refused_imports += other.refused_imports;
        self.encrypted_runs += other.encrypted_runs;
    }
}

/// Runs `seeds`, stopping at the first that breaks an invariant.
fn run_all(seeds: &[u64], verbose: bool) -> Result<Coverage, String> {
    let mut cover = Coverage::default();
    for &seed in seeds {
        if let Err((why, log)) = run(seed, verbose, &mut cover) {
            return Err(format!(
                "seed {seed} broke an invariant: {why}\nsteps:\n  {}\nreplay: KINPLAN_SIM_SEED={seed} cargo test --test storage_simulation -- --nocapture",
                log.join("\n  ")
            ));
        }
    }
    Ok(cover)
}

#[test]
fn storage_keeps_every_saved_edit_under_random_tabs_and_faults() {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let seeds: Vec<u64> = match env("KINPLAN_SIM_SEED") {
        Some(seed) => vec![seed],
        None => (0..env("KINPLAN_SIM_SEEDS").unwrap_or(10_000)).collect(),
    };
    let verbose = seeds.len() == 1;
    // Seeds are independent: one share per core.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = seeds.len().div_ceil(cores).max(1);
    let results: Vec<Result<Coverage, String>> = std::thread::scope(|scope| {
        let runs: Vec<_> = seeds
            .chunks(share)
            .map(|chunk| scope.spawn(move || run_all(chunk, verbose)))
            .collect();
        runs.into_iter()
            .map(|run| run.join().expect("a simulation thread panicked"))
            .collect()
    });
    let mut cover = Coverage::default();
    for result in results {
        cover.add(result.unwrap_or_else(|failure| panic!("{failure}")));
    }
    println!(
        "{} seeds of {STEPS} steps over {TABS} tabs: {} distinct step sequences; {} ended with a passphrase set; {} refused imports checked unchanged; {} runs ended in a conflict",
        seeds.len(),
        cover.sequences.len(),
        cover.encrypted_runs,
        cover.refused_imports,
        cover.conflicts
    );
    println!("faults set: {:?}", cover.faults);
    for (step, count) in &cover.steps {
        println!("  {count:>7}  {step}");
    }
    // The run must reach what it claims to test.
    for step in [
        "autosave",
        "autosave refused: conflict",
        "autosave refused: storage",
        "keep mine",
        "keep both",
        "import",
        "import refused",
        "delete for good",
        "deliver a late storage event",
        "crash happened",
        "set the passphrase",
        "lock",
        "unlock",
        "unlock refused: wrong passphrase",
        "change the passphrase",
        "change refused: wrong passphrase",
        "finish an encrypted write of a case",
        "encrypted write of a case refused",
        "leave the page with writes waiting",
        "reload after another tab's passphrase",
    ] {
        if seeds.len() >= 1_000 {
            assert!(
                cover.steps.get(step).copied().unwrap_or(0) > 0,
                "no seed reached \"{step}\""
            );
        }
    }
}
