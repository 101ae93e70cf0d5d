//! Deterministic simulation of Kinplan's storage, after the simulators of
//! FoundationDB and TigerBeetle at our scale: a seeded random run drives
//! three tabs over one shared in-memory store, each with its own
//! repository (and so its own cache) and its own open case. Steps are
//! chosen at random: type, autosave, reload, close, deliver another tab's
//! storage event late or out of order, keep mine, keep both, import
//! (replacing or new), bin, restore, delete for good, and faults: a full
//! quota at a random write, a crash that drops every write after a random
//! one, and a record damaged on disk.
//!
//! After every step it checks the invariants of `storage::Repository`:
//! 1. every edit a tab was told is saved is in storage, unless a worker
//!    later chose to replace it (keep mine, import, delete for good) or
//!    the disk damaged the record;
//! 2. no revision in storage ever goes down while its record exists;
//! 3. no ordinary save lands on a revision it did not load;
//! 4. every case record opens, or is reported damaged (only if the disk
//!    damaged it), and the case list lists every record;
//! 5. an import is all or nothing, also across a crash once Kinplan opens
//!    again.
//!
//! `KINPLAN_SIM_SEEDS=N` sets how many seeds run (10,000 by default);
//! `KINPLAN_SIM_SEED=S` replays one, printing every step. A failure names
//! its seed. `cargo test --test storage_simulation -- --nocapture` prints
//! what the run covered.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use kinplan::domain::Case;
use kinplan::storage::{
    case_key, CaseFault, Fault, MemoryStore, Next, Repository, SaveState, SaveStatus, Store,
    JOURNAL_KEY,
};
use uuid::Uuid;

const TABS: usize = 3;
const STEPS: usize = 60;

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
}

/// The words typed into a case: a label made of unique tokens, so any
/// version in storage shows which edits it holds.
fn tokens(case: &Case) -> BTreeSet<String> {
    case.label.split_whitespace().map(str::to_string).collect()
}

fn stored_tokens(repo: &Repository<MemoryStore>, id: Uuid) -> Option<BTreeSet<String>> {
    repo.load_case(id).ok().map(|s| tokens(&s.case))
}

struct OpenTab {
    case: Case,
    save: SaveState,
}

struct Tab {
    repo: Repository<MemoryStore>,
    open: Option<OpenTab>,
    /// Storage events not yet delivered: the case each concerns.
    events: Vec<Uuid>,
}

impl Tab {
    fn new(store: &MemoryStore) -> Tab {
        Tab {
            repo: Repository::new(store.clone()),
            open: None,
            events: Vec::new(),
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
}

struct World {
    rng: Rng,
    store: MemoryStore,
    tabs: Vec<Tab>,
    /// Every case id that has existed.
    ids: Vec<Uuid>,
    /// The model: tokens each case was reported saved with.
    acked: BTreeMap<Uuid, BTreeSet<String>>,
    /// Records the disk damaged, until something is saved over them.
    damaged: HashSet<Uuid>,
    /// The highest revision seen per record while it exists.
    highest: BTreeMap<Uuid, u64>,
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
            tabs: (0..TABS).map(|_| Tab::new(&store)).collect(),
            store,
            ids: Vec::new(),
            acked: BTreeMap::new(),
            damaged: HashSet::new(),
            highest: BTreeMap::new(),
            clock: Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap(),
            next_token: 0,
            log: Vec::new(),
            verbose,
        };
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

    /// One random step by one tab. Returns its name.
    fn step(&mut self, cover: &mut Coverage) -> Result<&'static str, String> {
        let t = self.rng.below(TABS);
        let before = self.store.snapshot();
        let acked_before = self.acked.clone();
        let damaged_before = self.damaged.clone();
        let mut choice = self.rng.below(100);
        if self.tabs[t].open.is_none() && (10..77).contains(&choice) {
            // A worker with no case open opens one before typing in it.
            choice = 0;
        }
        let name = match choice {
            0..=9 => self.open_case(t),
            10..=34 => self.type_text(t),
            35..=54 => self.autosave(t)?,
            55..=59 => self.close(t, true),
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
            _ => {
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
        };
        if self.store.crashed() {
            self.after_crash(&before, acked_before, damaged_before, cover)?;
        }
        // Every other tab hears of each case record that changed.
        let after = self.store.snapshot();
        for key in before.keys().chain(after.keys()) {
            if before.get(key) != after.get(key) {
                if let Some(id) = kinplan::storage::case_id_of_key(key) {
                    for (other, tab) in self.tabs.iter_mut().enumerate() {
                        if other != t {
                            tab.events.push(id);
                        }
                    }
                }
            }
        }
        self.say(format!("tab {t}: {name}"));
        Ok(name)
    }

    fn open_case(&mut self, t: usize) -> &'static str {
        let id = self.pick_id();
        self.close(t, true);
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
            if was_damaged {
                self.damaged.remove(&id);
            }
            self.acked.insert(id, tokens(&open.case));
            return Ok("autosave");
        }
        Ok(match open.save.status() {
            SaveStatus::Conflict => "autosave refused: conflict",
            SaveStatus::NotSaved(_) => "autosave refused: storage",
            _ => "autosave with nothing to save",
        })
    }

    /// Closing or reloading the tab: the app saves on `pagehide` first.
    fn close(&mut self, t: usize, flush: bool) -> &'static str {
        if flush {
            // A refused save is not acknowledged, and is lost with the tab:
            // the worker was shown it was not saved.
            let _ = self.autosave(t);
        }
        self.tabs[t].open = None;
        "close or reload"
    }

    fn deliver_event(&mut self, t: usize) -> &'static str {
        let tab = &mut self.tabs[t];
        if tab.events.is_empty() {
            return "no event to deliver";
        }
        // Out of order: any pending event, not the oldest.
        let event = tab.events.remove(self.rng.below(tab.events.len()));
        let Some(open) = &mut tab.open else {
            return "event with no case open";
        };
        if open.case.id != event {
            return "event about another case";
        }
        if let Next::Show(stored) = open.save.saved_elsewhere(&tab.repo, event) {
            open.case = stored.case;
        }
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
            self.acked.insert(open.case.id, tokens(&open.case));
            self.damaged.remove(&open.case.id);
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
            self.ids.push(copy.id);
            self.acked.insert(copy.id, tokens(&copy));
            if let Next::Show(stored) = next {
                open.case = stored.case;
            }
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
        match self.tabs[t].repo.import(&cases) {
            Ok(_) => {
                for case in &cases {
                    self.acked.insert(case.id, tokens(case));
                    self.damaged.remove(&case.id);
                }
                Ok("import")
            }
            Err(_) if self.store.crashed() => Ok("import cut off by a crash"),
            Err(e) => {
                cover.refused_imports += 1;
                let after = self.store.snapshot();
                if &after != before {
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
        }
        "delete for good"
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
        // What the step acknowledged may not have landed: keep the model
        // from before it, but take any replacement that did land.
        let reader = Repository::new(self.store.clone());
        let recovered = reader
            .recover()
            .map_err(|e| format!("recovery failed: {e}"))?;
        let mut model = acked_before;
        for (id, now) in &self.acked {
            if stored_tokens(&reader, *id).as_ref() == Some(now) {
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
        self.tabs = (0..TABS).map(|_| Tab::new(&self.store)).collect();
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
        let reader = Repository::new(copy);
        if self.store.get(JOURNAL_KEY).is_some() {
            return Err("an import journal was left behind with no crash".into());
        }
        let (index, _) = reader.load_index();
        let keys = self.store.keys();
        for key in &keys {
            let Some(id) = kinplan::storage::case_id_of_key(key) else {
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
        let present: HashSet<Uuid> = keys
            .iter()
            .filter_map(|k| kinplan::storage::case_id_of_key(k))
            .collect();
        self.highest.retain(|id, _| present.contains(id));
        for (id, acked) in &self.acked {
            match stored_tokens(&reader, *id) {
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
    for tab in &world.tabs {
        if let Some(open) = &tab.open {
            if matches!(open.save.status(), SaveStatus::Conflict) {
                cover.conflicts += 1;
            }
        }
    }
    Ok(())
}

#[test]
fn storage_keeps_every_saved_edit_under_random_tabs_and_faults() {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let seeds: Vec<u64> = match env("KINPLAN_SIM_SEED") {
        Some(seed) => vec![seed],
        None => (0..env("KINPLAN_SIM_SEEDS").unwrap_or(10_000)).collect(),
    };
    let verbose = seeds.len() == 1;
    let mut cover = Coverage::default();
    for &seed in &seeds {
        if let Err((why, log)) = run(seed, verbose, &mut cover) {
            panic!(
                "seed {seed} broke an invariant: {why}\nsteps:\n  {}\nreplay: KINPLAN_SIM_SEED={seed} cargo test --test storage_simulation -- --nocapture",
                log.join("\n  ")
            );
        }
    }
    println!(
        "{} seeds of {STEPS} steps over {TABS} tabs: {} distinct step sequences; {} refused imports checked unchanged; {} runs ended in a conflict",
        seeds.len(),
        cover.sequences.len(),
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
    ] {
        if seeds.len() >= 1_000 {
            assert!(
                cover.steps.get(step).copied().unwrap_or(0) > 0,
                "no seed reached \"{step}\""
            );
        }
    }
}
