//! The open case: the one handle every page inside a case reads and
//! changes it through. It autosaves every edit and keeps the save's status
//! for the banners (a second tab, a full quota, a damaged or newer record).
//!
//! Pages change the case only through [`OpenCase::edit`], which schedules
//! the save. There is no Save button: an edit is written within
//! [`SAVE_DELAY_MS`], and at once when the page is hidden or closed.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::persist::schema::StoredCase;
use crate::domain::{Case, CaseDocument, Documents};
use crate::storage::{vault, Cases, Next, SaveError, SaveState, SaveStatus, Saved};
use crate::ui::state::export::export_cases;
use crate::ui::state::keyed::Keyed;
use crate::ui::state::AppState;

/// Edits are written this long after the last keystroke.
pub const SAVE_DELAY_MS: u64 = 300;

/// The open case, shared with every page inside it.
#[derive(Clone, Copy)]
pub struct OpenCase {
    case: RwSignal<Case>,
    /// Rows of long lists (a plan's actions) listen here, not to `case`.
    parts: Keyed,
    /// What the save line and the banners show: `save`'s status.
    pub status: RwSignal<SaveStatus>,
    save: StoredValue<SaveState>,
    timer: StoredValue<Option<TimeoutHandle>>,
    app: AppState,
}

impl OpenCase {
    pub fn new(stored: StoredCase, app: AppState, read_only: Option<String>) -> OpenCase {
        let save = SaveState::opened(&stored, read_only);
        OpenCase {
            case: RwSignal::new(stored.case),
            parts: Keyed::default(),
            status: RwSignal::new(save.status().clone()),
            save: StoredValue::new(save),
            timer: StoredValue::new(None),
            app,
        }
    }

    /// The case, to read from.
    pub fn case(&self) -> Signal<Case> {
        self.case.into()
    }

    /// Part of the case, as a memo: whatever reads it re-renders only when
    /// that part changes, not on every keystroke elsewhere in the case.
    pub fn select<T: Clone + PartialEq + Send + Sync + 'static>(
        &self,
        part: impl Fn(&Case) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let case = self.case;
        Memo::new(move |_| case.with(&part))
    }

    /// Part of the document `id` in one of the case's lists, as a memo;
    /// the default while there is no such document.
    pub fn read_document<D, T>(
        &self,
        list: fn(&Documents) -> &Vec<D>,
        id: Uuid,
        part: impl Fn(&D) -> T + Send + Sync + 'static,
    ) -> Signal<T>
    where
        D: CaseDocument + 'static,
        T: Default + Clone + PartialEq + Send + Sync + 'static,
    {
        self.select(move |c| {
            list(&c.documents)
                .iter()
                .find(|d| d.id() == id)
                .map(&part)
                .unwrap_or_default()
        })
        .into()
    }

    /// Changes the document `id` in one of the case's lists, and notes when.
    pub fn edit_document<D: CaseDocument>(
        &self,
        list: fn(&mut Documents) -> &mut Vec<D>,
        id: Uuid,
        change: impl FnOnce(&mut D),
    ) {
        self.edit(|c| {
            if let Some(d) = list(&mut c.documents).iter_mut().find(|d| d.id() == id) {
                change(d);
                d.touch(Utc::now());
            }
        });
    }

    pub fn is_read_only(&self) -> bool {
        self.save.with_value(SaveState::is_read_only)
    }

    /// One row of a long list, such as an action of a plan, read as a memo
    /// that re-runs only when [`OpenCase::edit_part`] changes this `key`, or
    /// when [`OpenCase::edit`] may have changed anything.
    pub fn part<T: Clone + PartialEq + Send + Sync + 'static>(
        &self,
        key: Uuid,
        read: impl Fn(&Case) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let (case, parts) = (self.case, self.parts);
        Memo::new(move |_| {
            parts.track(key);
            case.with_untracked(&read)
        })
    }

    /// Changes the case and schedules the save.
    pub fn edit(&self, change: impl FnOnce(&mut Case)) {
        self.edit_inner(change);
        self.parts.notify_all();
    }

    /// Changes only the part `key` (see [`OpenCase::part`]): a keystroke in
    /// one action of 200 wakes that action's editor, not all of them.
    pub fn edit_part(&self, key: Uuid, change: impl FnOnce(&mut Case)) {
        self.edit_inner(change);
        self.parts.notify(key);
    }

    fn edit_inner(&self, change: impl FnOnce(&mut Case)) {
        if self.is_read_only() {
            return;
        }
        self.case.update(|case| {
            change(case);
            case.updated = Utc::now();
        });
        self.step(|save, _, _| save.edited());
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
        }
        // Encrypted writes finish after the save returns, so with the lock
        // on, every change starts its write at once (see `storage::vault`).
        if vault::status() == vault::Status::Open {
            self.flush();
            return;
        }
        let this = *self;
        let timer = set_timeout_with_handle(
            move || this.flush(),
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        )
        .ok();
        self.timer.set_value(timer);
    }

    /// Runs one step of the save state with the repository and the case,
    /// then shows its status. `None` once the case has been closed.
    fn step<T>(&self, f: impl FnOnce(&mut SaveState, &Cases, &Case) -> T) -> Option<T> {
        let out = self.save.try_update_value(|save| {
            self.app
                .repository
                .try_with_value(|repo| self.case.with_untracked(|case| f(save, repo, case)))
        })??;
        if let Some(status) = self.save.try_with_value(|s| s.status().clone()) {
            if self.status.get_untracked() != status {
                self.status.set(status);
            }
        }
        Some(out)
    }

    /// After a write: the case list follows, and says if it could not.
    fn written(&self, saved: Option<Saved>) {
        let Some(saved) = saved else { return };
        self.app.index.set(self.app.cases(|c| c.current_index()));
        if let Some(e) = saved.list_not_updated {
            self.app.notify(format!("Saved. The list of cases could not be updated ({e}); it will be next time Kinplan opens."), None);
        }
    }

    /// Shows a version of the case from storage in place of this one.
    fn show(&self, next: Next) {
        if let Next::Show(stored) = next {
            self.case.set(stored.case);
            self.parts.notify_all();
        }
    }

    /// Writes pending edits now.
    pub fn flush(&self) {
        let saved = timed("kinplan:save", || {
            self.step(|save, repo, case| save.flush(repo, case))
        });
        self.written(saved.flatten());
    }

    /// Another tab saved this case. Take its version if we have nothing
    /// unsaved; otherwise the worker chooses.
    pub fn on_saved_elsewhere(&self) {
        let next = self.step(|save, repo, case| save.saved_elsewhere(repo, case.id));
        self.show(next.unwrap_or(Next::Nothing));
    }

    /// Conflict: save this tab's version as a new case, and show the other.
    pub fn keep_both(&self) {
        let label = self
            .case
            .with_untracked(|mine| self.app.index.with_untracked(|i| i.copy_label(&mine.label)));
        let made =
            self.step(|save, repo, mine| save.keep_both(repo, mine, label.clone(), Utc::now()));
        if let Some(Ok((_, next))) = made {
            self.app.index.set(self.app.cases(|c| c.current_index()));
            self.show(next);
            self.app.notify(format!("Your changes were saved as a new case, \"{label}\". This page shows the other tab's version."), None);
        }
    }

    /// Conflict: replace the other tab's version with this one.
    pub fn keep_mine(&self) {
        let saved = self.step(|save, repo, case| save.keep_mine(repo, case));
        self.written(saved.flatten());
    }

    /// "Try saving again" after a failed write.
    pub fn retry(&self) {
        let saved = self.step(|save, repo, case| save.retry(repo, case));
        self.written(saved.flatten());
    }

    /// Whether this tab holds changes that storage refused: a clash with
    /// another tab, or a failed write. Closing the case now would lose them.
    pub fn has_unsaved_trouble(&self) -> bool {
        self.save.with_value(SaveState::has_unsaved_trouble)
    }

    /// Another tab's encrypted write of this case failed after its save
    /// returned: show it, and save again with the next edit.
    pub fn write_failed(&self, error: SaveError) {
        self.step(|save, _, _| save.write_failed(error));
    }

    /// Closing the case: save now, and stop the pending autosave, which
    /// would fire after the case has gone.
    pub fn close(&self) {
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
        }
        self.flush();
    }

    pub fn export(&self) {
        let case = self.case.get_untracked();
        let label = case.label.clone();
        export_cases(self.app, &label, vec![case]);
    }
}

/// Runs `work` between two User Timing marks, so the save time shows in
/// the browser's performance tools and in `make bench`. Only the latest
/// measure is kept, so a long session does not grow the timeline.
fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(perf) = window().performance() else {
        return work();
    };
    let start = format!("{name}:start");
    let _ = perf.mark(&start);
    let out = work();
    perf.clear_measures_with_measure_name(name);
    let _ = perf.measure_with_start_mark(name, &start);
    perf.clear_marks_with_mark_name(&start);
    out
}

/// In child mode: whether the worker has typed their code to sort out a
/// storage problem. Until then the child sees only [`AskYourWorker`].
#[derive(Clone, Copy)]
pub struct WorkerHere(pub RwSignal<bool>);
