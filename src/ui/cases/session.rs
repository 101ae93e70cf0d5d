//! An open case: loads one case, autosaves every edit, and handles the
//! faults of storage (a second tab, a full quota, a damaged or newer record).
//!
//! Pages inside a case get an [`OpenCase`] from context and change the case
//! only through [`OpenCase::edit`], which schedules the save. There is no
//! Save button: an edit is written within [`SAVE_DELAY_MS`], and at once
//! when the page is hidden or closed.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::persist::schema::StoredCase;
use crate::domain::{Case, CaseDocument, Documents, Tool};
use crate::route::Route;
use crate::storage::{self, vault, CaseFault, Cases, Next, SaveState, SaveStatus, Saved};
use crate::ui::app::print::PrintPage;
use crate::ui::app::{AppState, AskYourWorker};
use crate::ui::cases::export::export_cases;
use crate::ui::cases::overview::CaseOverview;
use crate::ui::components::fields::FamilyReader;
use crate::ui::components::keyed::Keyed;
use crate::ui::platform::browser::{download, time};
use crate::ui::tools::child_voice::{ChildMode, StrengthsPage, ThreeHousesPage};
use crate::ui::tools::chronology::ChronologyPage;
use crate::ui::tools::genogram::GenogramPage;
use crate::ui::tools::plans::check::PlanCheck;
use crate::ui::tools::plans::{PlanEditor, PlanList};
use crate::ui::tools::resilience::ResiliencePage;
use crate::ui::tools::safety_map::SafetyMapPage;
use crate::ui::tools::safety_plan::SafetyPlanPage;

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
    fn new(stored: StoredCase, app: AppState, read_only: Option<String>) -> OpenCase {
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
    fn on_saved_elsewhere(&self) {
        let next = self.step(|save, repo, case| save.saved_elsewhere(repo, case.id));
        self.show(next.unwrap_or(Next::Nothing));
    }

    /// Conflict: save this tab's version as a new case, and show the other.
    fn keep_both(&self) {
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
    fn keep_mine(&self) {
        let saved = self.step(|save, repo, case| save.keep_mine(repo, case));
        self.written(saved.flatten());
    }

    /// "Try saving again" after a failed write.
    fn retry(&self) {
        let saved = self.step(|save, repo, case| save.retry(repo, case));
        self.written(saved.flatten());
    }

    /// Whether this tab holds changes that storage refused: a clash with
    /// another tab, or a failed write. Closing the case now would lose them.
    pub fn has_unsaved_trouble(&self) -> bool {
        self.save.with_value(SaveState::has_unsaved_trouble)
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

/// Loads the case `id` and shows the page the route asks for inside it.
#[component]
pub fn CaseSession(id: Uuid) -> impl IntoView {
    let app = expect_context::<AppState>();
    match app.cases(|c| c.load_case(id)) {
        Ok(stored) => view! { <OpenCaseView stored read_only=None/> }.into_any(),
        Err(CaseFault::Newer { version, readable: Some(stored), .. }) => {
            let why = format!("This case was saved by a newer version of Kinplan (data version {version}). You can read it here, but changes will not be saved. Open it in the newer version to change it.");
            view! { <OpenCaseView stored=*stored read_only=Some(why)/> }.into_any()
        }
        Err(CaseFault::Newer { raw, version, readable: None }) => view! {
            <h1 tabindex="-1">"This case needs a newer version of Kinplan"</h1>
            <p>{format!("It was saved by a newer version (data version {version}). It has not been changed. Open it with the newer version, or download its data to keep a copy.")}</p>
            <RawDownload id raw/>
        }.into_any(),
        Err(CaseFault::Damaged { raw, why }) => view! {
            <h1 tabindex="-1">"This case is damaged"</h1>
            <div class="error-summary" role="alert">
                <h2>"Kinplan cannot read this case"</h2>
                <p>"The saved data for this case is damaged. Your other cases are not affected."</p>
                <p class="hint">"Details: " {why}</p>
            </div>
            <p>"Download the damaged data and keep it safe: it may be possible to recover the plan from it. Then ask your team's Kinplan contact for help."</p>
            <RawDownload id raw/>
        }.into_any(),
        Err(CaseFault::Missing) => {
            let known = app.index.with_untracked(|i| i.get(id).is_some());
            view! {
                <h1 tabindex="-1">"Case not found"</h1>
                <p>{if known { "This case is listed but its data is not on this device any more. It may have been deleted in another tab." } else { "There is no case with this link on this device. Cases are kept only on the device where they were written." }}</p>
                <p><a href="#/">"Go to your cases"</a></p>
            }.into_any()
        }
    }
}

#[component]
fn RawDownload(id: Uuid, raw: String) -> impl IntoView {
    let name = format!("kinplan-damaged-case-{id}.txt");
    let failed = RwSignal::new(false);
    view! {
        <p>
            <button type="button" class="button" on:click=move |_| failed.set(download(&name, &raw, "text/plain").is_err())>
                "Download the saved data"
            </button>
        </p>
        <Show when=move || failed.get()>
            <p class="error-message" role="alert">"The browser did not download it. Try again, or try another browser on this device: the data stays here until it is downloaded."</p>
        </Show>
        <p><a href="#/">"Back to your cases"</a></p>
    }
}

#[component]
fn OpenCaseView(stored: StoredCase, read_only: Option<String>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let open = OpenCase::new(stored, app, read_only);
    provide_context(open);
    provide_context(FamilyReader(open.select(Case::reader)));
    let id = open.case.with_untracked(|c| c.id);

    // Flush on the way out: closing the tab, switching app, or leaving the case.
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| open.flush());
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            open.flush();
        }
    });
    let storage_event = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(storage::case_key(id).as_str()) {
            vault::after_other_tab(ev.key(), ev.new_value(), move || {
                // Nothing happens if the case was closed while the change
                // was decrypted.
                open.on_saved_elsewhere();
            });
        }
    });
    // An encrypted write of this case failed after its save returned: show
    // it here, and save again with the next edit.
    let key = storage::case_key(id);
    Effect::new(move |_| {
        let failed = app.write_failure.with(|f| {
            f.as_ref()
                .filter(|(failed, _)| *failed == key)
                .map(|(_, e)| e.clone())
        });
        if let Some(error) = failed {
            open.step(|save, _, _| save.write_failed(error));
            app.write_failure.set(None);
        }
    });
    on_cleanup(move || {
        // Save now, and stop the pending autosave: it would fire after this
        // case has been closed.
        if let Some(timer) = open.timer.get_value() {
            timer.clear();
        }
        open.flush();
        pagehide.remove();
        visibility.remove();
        storage_event.remove();
    });

    let page = move || match app.route.get() {
        Route::CaseTool(_, Tool::Plans) => view! { <PlanList/> }.into_any(),
        Route::CaseTool(_, Tool::SafetyMap) => view! { <SafetyMapPage/> }.into_any(),
        Route::CaseTool(_, Tool::SafetyPlan) => view! { <SafetyPlanPage/> }.into_any(),
        Route::CaseTool(_, Tool::ThreeHouses) => view! { <ThreeHousesPage/> }.into_any(),
        Route::CaseTool(_, Tool::Strengths) => view! { <StrengthsPage/> }.into_any(),
        Route::CaseTool(_, Tool::Resilience) => view! { <ResiliencePage/> }.into_any(),
        Route::CaseTool(_, Tool::Chronology) => view! { <ChronologyPage/> }.into_any(),
        Route::CaseTool(_, Tool::Genogram) => view! { <GenogramPage/> }.into_any(),
        Route::Plan(_, plan) => view! { <PlanEditor plan/> }.into_any(),
        Route::PlanCheck(_, plan) => view! { <PlanCheck plan/> }.into_any(),
        Route::Print(_, print) => view! { <PrintPage view=print/> }.into_any(),
        _ => view! { <CaseOverview/> }.into_any(),
    };
    if let Route::ChildMode(_, child) = app.route.get_untracked() {
        // The child's screen: no breadcrumbs, no way out but the lock, and
        // storage problems wait for the worker's code.
        let here = RwSignal::new(false);
        provide_context(WorkerHere(here));
        // Once the problem is sorted out, the screen is the child's again.
        Effect::new(move |_| {
            open.status.track();
            if !open.has_unsaved_trouble() {
                here.set(false);
            }
        });
        return view! { <ConflictBanner/> <ChildMode child/> }.into_any();
    }
    view! {
        <div class="case-bar">
            <nav aria-label="Breadcrumb" class="breadcrumbs">
                <a href="#/">"Cases"</a>
                " › "
                <a href=Route::CaseOverview(id).href()>{open.select(|c| c.label.clone())}</a>
            </nav>
            <SaveStatusLine/>
        </div>
        <ConflictBanner/>
        {page}
    }
    .into_any()
}

#[component]
fn SaveStatusLine() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    view! {
        <p class="save-status" role="status" data-status=move || match open.status.get() {
            SaveStatus::Saved(_) => "saved",
            SaveStatus::Saving => "saving",
            SaveStatus::NotSaved(_) => "not-saved",
            SaveStatus::Conflict => "conflict",
            SaveStatus::ReadOnly(_) => "read-only",
        }>
            {move || match open.status.get() {
                SaveStatus::Saved(at) => format!("Saved {}", time(at)),
                SaveStatus::Saving => "Saving…".to_string(),
                SaveStatus::NotSaved(why) => format!("Not saved: {}", why.summary()),
                SaveStatus::Conflict => "Not saved: changed in another tab".to_string(),
                SaveStatus::ReadOnly(_) => "Read only".to_string(),
            }}
        </p>
    }
}

/// In child mode: whether the worker has typed their code to sort out a
/// storage problem. Until then the child sees only [`AskYourWorker`].
#[derive(Clone, Copy)]
pub struct WorkerHere(pub RwSignal<bool>);

#[component]
fn ConflictBanner() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let worker_here = use_context::<WorkerHere>();
    move || {
        let status = open.status.get();
        if let Some(WorkerHere(here)) = worker_here {
            if open.has_unsaved_trouble() && !here.get() {
                return view! { <AskYourWorker/> }.into_any();
            }
        }
        match status {
        SaveStatus::Conflict => view! {
            <div class="error-summary" role="alert">
                <h2>"This case was changed in another tab"</h2>
                <p>"Your latest changes here are not saved yet. Nothing has been overwritten. Choose what to keep:"</p>
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| open.keep_both()>"Keep both: save mine as a new case"</button>
                    <button type="button" class="button button-secondary" on:click=move |_| open.keep_mine()>"Keep mine: replace the other version"</button>
                </div>
            </div>
        }.into_any(),
        SaveStatus::NotSaved(why) => view! {
            <div class="error-summary" role="alert">
                <h2>"Your changes are not saved"</h2>
                <p>"Kinplan could not save because " {why.to_string()} "."</p>
                <p>"Your changes are still here on the screen. Do not close this tab. Download this case now to keep them safe."</p>
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| open.export()>"Download this case"</button>
                    <button type="button" class="button button-secondary" on:click=move |_| open.retry()>"Try saving again"</button>
                </div>
            </div>
        }.into_any(),
        SaveStatus::ReadOnly(why) => view! {
            <div class="warning-text" role="note"><p>{why}</p></div>
        }.into_any(),
        _ => ().into_any(),
    }
    }
}
