//! The repository's rules, one at a time, over the in-memory store. The
//! random mix of them is in `storage_simulation.rs`; these name the
//! faults found by reading the code (issue 16), each of which failed on
//! the code before the repository.

use chrono::{TimeZone, Utc};
use kinplan::domain::Case;
use kinplan::storage::{
    case_key, Fault, MemoryStore, Repository, SaveError, SaveState, SaveStatus, Store, JOURNAL_KEY,
};

fn case(label: &str) -> Case {
    Case::new(label, Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap())
}

#[test]
fn the_stored_revision_is_read_from_packed_records() {
    let repo = Repository::new(MemoryStore::new());
    let mut family = case("Nowak family");
    repo.create(&family).unwrap();
    for loaded in 0..3 {
        family.label.push('!');
        repo.save_case(&family, loaded).unwrap();
    }
    // Created at 0, then three saves.
    assert_eq!(repo.stored_revision(family.id), Some(3));
}

#[test]
fn keep_mine_writes_above_the_other_tab_and_that_tab_then_clashes() {
    let store = MemoryStore::new();
    let (tab_a, tab_b) = (Repository::new(store.clone()), Repository::new(store));
    let family = case("Okafor family");
    tab_a.create(&family).unwrap();
    let stored = tab_a.load_case(family.id).unwrap();
    let (mut a, mut b) = (
        SaveState::opened(&stored, None),
        SaveState::opened(&stored, None),
    );
    let (mut mine_a, mut mine_b) = (family.clone(), family.clone());

    mine_a.label = "A's edit".into();
    a.edited();
    assert_eq!(a.flush(&tab_a, &mine_a).unwrap().revision, 1);
    mine_b.label = "B's edit".into();
    b.edited();
    assert!(b.flush(&tab_b, &mine_b).is_none());
    assert_eq!(b.status(), &SaveStatus::Conflict);
    assert_eq!(b.keep_mine(&tab_b, &mine_b).unwrap().revision, 2);

    // Tab A, which loaded revision 1, must not save over B's choice.
    mine_a.label = "A again".into();
    a.edited();
    assert!(a.flush(&tab_a, &mine_a).is_none());
    assert_eq!(a.status(), &SaveStatus::Conflict);
    assert_eq!(tab_a.load_case(family.id).unwrap().case.label, "B's edit");
}

#[test]
fn an_import_that_replaces_a_case_writes_a_higher_revision() {
    let repo = Repository::new(MemoryStore::new());
    let mut family = case("Khan family");
    repo.create(&family).unwrap();
    repo.save_case(&family, 0).unwrap();
    family.label = "Khan family (from the file)".into();
    repo.import(std::slice::from_ref(&family)).unwrap();
    assert_eq!(repo.stored_revision(family.id), Some(2));
    // A tab still at revision 1 clashes rather than overwriting the import.
    assert_eq!(repo.save_case(&family, 1), Err(SaveError::Conflict));
}

#[test]
fn a_refused_import_puts_every_record_back_and_leaves_no_journal() {
    let store = MemoryStore::new();
    let repo = Repository::new(store.clone());
    let kept = case("Patel family");
    repo.create(&kept).unwrap();
    let before = store.snapshot();
    let mut replacing = kept.clone();
    replacing.label = "Patel family (imported)".into();
    // The journal and the first case are written; the second case is not.
    store.set_fault(Fault::QuotaFull { after: 3 });
    let result = repo.import(&[case("Mensah family"), replacing]);
    assert!(
        matches!(result, Err(SaveError::QuotaFull { .. })),
        "{result:?}"
    );
    assert_eq!(store.snapshot(), before);
}

#[test]
fn an_import_cut_off_by_a_crash_is_undone_when_kinplan_opens_again() {
    let store = MemoryStore::new();
    let repo = Repository::new(store.clone());
    let kept = case("Jones family");
    repo.create(&kept).unwrap();
    let before = store.snapshot();
    let mut replacing = kept.clone();
    replacing.label = "Jones family (imported)".into();
    // The journal and one case land; the browser dies before the rest.
    store.set_fault(Fault::Crash { after: 2 });
    repo.import(&[case("Ahmed family"), replacing]).unwrap();
    assert!(store.get(JOURNAL_KEY).is_some());
    assert_ne!(store.snapshot(), before);

    store.restart();
    let reopened = Repository::new(store.clone());
    assert_eq!(reopened.recover(), Ok(true));
    assert_eq!(store.snapshot(), before);
    assert_eq!(reopened.recover(), Ok(false));
}

#[test]
fn a_case_saved_when_the_list_cannot_follow_is_saved_and_listed_next_time() {
    let store = MemoryStore::new();
    let repo = Repository::new(store.clone());
    repo.create(&case("Mensah family")).unwrap();
    let family = case("Taylor family");
    // The record is written; the index write after it fails.
    store.set_fault(Fault::QuotaFull { after: 1 });
    let saved = repo.create(&family).unwrap();
    assert!(saved.list_not_updated.is_some());
    assert!(store.get(&case_key(family.id)).is_some());
    // The case list's first read names the case without reading it; the
    // full read then lists it.
    let reopened = Repository::new(store);
    let listed = reopened.listed_index();
    assert_eq!(listed.unlisted, vec![family.id]);
    assert!(listed.index.get(family.id).is_none());
    assert_eq!(listed.error, None);
    let (index, unrepaired) = reopened.load_index();
    assert_eq!(unrepaired, None);
    assert_eq!(index.get(family.id).unwrap().label, "Taylor family");
    assert!(reopened.listed_index().unlisted.is_empty());
}

#[test]
fn the_first_read_drops_cases_whose_record_is_gone_and_keeps_the_rest() {
    let store = MemoryStore::new();
    let repo = Repository::new(store.clone());
    let kept = case("Mensah family");
    let gone = case("Okafor family");
    repo.create(&kept).unwrap();
    repo.create(&gone).unwrap();
    // Another tab removed the record; the index still lists it.
    store.remove(&case_key(gone.id)).unwrap();
    let listed = Repository::new(store.clone()).listed_index();
    assert!(listed.unlisted.is_empty());
    assert_eq!(listed.error, None);
    let labels: Vec<_> = listed
        .index
        .cases
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(labels, ["Mensah family"]);
    // And the stored index now says so too.
    let again = Repository::new(store).listed_index();
    assert_eq!(again.index, listed.index);
}

#[test]
fn a_save_over_a_damaged_record_jumps_past_any_revision_it_had() {
    let store = MemoryStore::new();
    let repo = Repository::new(store.clone());
    let mut family = case("Smith family");
    repo.create(&family).unwrap();
    for loaded in 0..5 {
        repo.save_case(&family, loaded).unwrap();
    }
    store.corrupt(&case_key(family.id), "\u{1}{\"schema_ver");
    // A tab that loaded revision 1 before the damage still has the case.
    family.label = "Smith family, kept from the screen".into();
    let saved = repo.save_case(&family, 1).unwrap();
    assert!(saved.revision > 5);
    // So a tab that loaded revision 5 cannot save over it.
    assert_eq!(repo.save_case(&family, 5), Err(SaveError::Conflict));
}

#[test]
fn drafts_are_kept_per_case_and_form_and_go_with_the_case() {
    let repo = Repository::new(MemoryStore::new());
    let (family, other) = (case("Nowak family"), case("Okafor family"));
    repo.create(&family).unwrap();
    repo.create(&other).unwrap();
    repo.save_draft(family.id, "map-next-steps", "\"Dad said\"")
        .unwrap();
    repo.save_draft(other.id, "map-next-steps", "\"Mum said\"")
        .unwrap();
    assert_eq!(
        repo.load_draft(family.id, "map-next-steps").as_deref(),
        Some("\"Dad said\"")
    );
    assert_eq!(repo.load_draft(family.id, "review"), None);
    repo.clear_draft(family.id, "review").unwrap();

    repo.set_binned(family.id, Some(Utc::now())).unwrap();
    repo.delete_for_good(family.id).unwrap();
    assert_eq!(repo.load_draft(family.id, "map-next-steps"), None);
    assert!(repo.load_draft(other.id, "map-next-steps").is_some());
}

#[test]
fn a_new_profile_moves_every_listed_deadline_to_its_own_calendar() {
    use chrono::NaiveDate;
    use kinplan::domain::plans::{Plan, PlanKind};
    use kinplan::domain::profile::{Nation, PracticeProfile};

    let repo = Repository::new(MemoryStore::new());
    assert!(!repo.profile_chosen(), "a new device has no profile yet");
    let mut family = case("Campbell family");
    let mut plan = Plan::new(PlanKind::ChildProtection, family.created);
    plan.start = NaiveDate::from_ymd_opt(2026, 11, 16);
    family.documents.plans.push(plan);
    repo.create(&family).unwrap();
    let listed = |repo: &Repository<MemoryStore>| {
        let entry = repo.load_index().0.get(family.id).cloned().unwrap();
        let due = entry.next_due.unwrap();
        (due.date, due.what)
    };
    // Visits every 10 working days from Monday 16 Nov 2026: in England the
    // tenth is Monday 30 Nov.
    let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    assert_eq!(
        listed(&repo),
        (
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            "Visit to the child".to_string()
        )
    );
    // In Scotland 30 Nov is St Andrew's Day, so the tenth is Tuesday 1 Dec.
    repo.save_profile(&Nation::Scotland.profile()).unwrap();
    assert!(repo.profile_chosen());
    assert_eq!(listed(&repo), (day(1), "Visit to the child".to_string()));
    assert_eq!(repo.load_profile().0, Nation::Scotland.profile());
    repo.save_profile(&PracticeProfile::england()).unwrap();
    assert_eq!(
        listed(&repo).0,
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    );
}
