//! A case's pages: loads one case into an [`OpenCase`], shows the page
//! the route asks for inside it, and the banners for storage's faults.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::persist::schema::StoredCase;
use crate::domain::{Case, Tool};
use crate::route::Route;
use crate::storage::{self, vault, CaseFault, SaveStatus};
use crate::ui::cases::overview::CaseOverview;
use crate::ui::components::ask_your_worker::AskYourWorker;
use crate::ui::components::fields::FamilyReader;
use crate::ui::platform::browser::{download, time};
use crate::ui::platform::pieces::{piece, Piece};
use crate::ui::platform::scope::own_scope;
use crate::ui::state::{AppState, OpenCase, WorkerHere};
use crate::ui::tools::{
    child_voice, chronology, genogram, plans, print, resilience, safety_map, safety_plan,
};

piece! {
    /// A case's pages, from the case's piece of the app (fetched when the
    /// first case opens).
    case: pub fn page(id: Uuid) { view! { <CaseSession id/> }.into_any() }
}

/// Loads the case `id` and shows the page the route asks for inside it.
#[component]
pub fn CaseSession(id: Uuid) -> impl IntoView {
    let app = expect_context::<AppState>();
    match app.cases(|c| c.load_case(id)) {
        Ok(stored) => own_scope(|| view! { <OpenCaseView stored read_only=None/> }).into_any(),
        Err(CaseFault::Newer { version, readable: Some(stored), .. }) => {
            let why = format!("This case was saved by a newer version of Kinplan (data version {version}). You can read it here, but changes will not be saved. Open it in the newer version to change it.");
            own_scope(|| view! { <OpenCaseView stored=*stored read_only=Some(why)/> }).into_any()
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
    let id = open.case().with_untracked(|c| c.id);

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
            open.write_failed(error);
            app.write_failure.set(None);
        }
    });
    on_cleanup(move || {
        open.close();
        pagehide.remove();
        visibility.remove();
        storage_event.remove();
    });

    let page = move || {
        own_scope(|| match app.route.get() {
            Route::CaseTool(_, Tool::Plans) => view! { <Piece load=plans::list_page/> }.into_any(),
            Route::CaseTool(_, Tool::SafetyMap) => {
                view! { <Piece load=safety_map::page/> }.into_any()
            }
            Route::CaseTool(_, Tool::SafetyPlan) => {
                view! { <Piece load=safety_plan::page/> }.into_any()
            }
            Route::CaseTool(_, Tool::ThreeHouses) => {
                view! { <Piece load=child_voice::three_houses_page/> }.into_any()
            }
            Route::CaseTool(_, Tool::Strengths) => {
                view! { <Piece load=child_voice::strengths_page/> }.into_any()
            }
            Route::CaseTool(_, Tool::Resilience) => {
                view! { <Piece load=resilience::page/> }.into_any()
            }
            Route::CaseTool(_, Tool::Chronology) => {
                view! { <Piece load=chronology::page/> }.into_any()
            }
            Route::CaseTool(_, Tool::Genogram) => view! { <Piece load=genogram::page/> }.into_any(),
            Route::Plan(_, plan) => {
                view! { <Piece load=move || plans::editor_page(plan)/> }.into_any()
            }
            Route::PlanCheck(_, plan) => {
                view! { <Piece load=move || plans::check_page(plan)/> }.into_any()
            }
            Route::Print(_, print) => view! { <Piece load=move || print::page(print)/> }.into_any(),
            _ => view! { <CaseOverview/> }.into_any(),
        })
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
        return view! { <ConflictBanner/> <Piece load=move || child_voice::child_mode_page(child)/> }.into_any();
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
