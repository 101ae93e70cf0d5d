//! The shell: header, skip link, footer, and the hash router that picks
//! the page. App-wide state (the case index and the notice bar) is provided
//! here as context.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::child_lock::ChildLock;
use crate::route::Route;
use crate::storage::{self, vault, BrowserStore, Repository, SaveError};
use crate::ui::cases::export::ExportChoice;
use crate::ui::cases::list::CaseList;
use crate::ui::cases::records;
use crate::ui::cases::session;
use crate::ui::components::ask_your_worker::AskYourWorker;
use crate::ui::lock::{self, lock_when_idle, provide_lock_state, LockButton, LockState};
use crate::ui::platform::browser::{focus_later, focus_main_heading};
use crate::ui::platform::offline;
use crate::ui::platform::pieces::Piece;
use crate::ui::platform::scope::own_scope;
use crate::ui::settings;
use crate::ui::state::{AppState, Notice, Undo};

fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// The route to show: the one asked for, unless a child has the screen.
/// Then a link, the Back button, a typed address or a reload all lead back
/// to child mode, and the wrong entry is replaced in history.
fn allowed_route(lock: Option<&ChildLock>) -> Route {
    let asked = current_route();
    match lock {
        Some(lock) => {
            let home = Route::ChildMode(lock.case_id, lock.child_id);
            if asked != home {
                let _ = window().location().replace(&home.href());
            }
            home
        }
        None => asked,
    }
}

/// The root: the unlock screen while the passphrase lock is on and locked,
/// otherwise the app.
#[component]
pub fn App() -> impl IntoView {
    let update_ready = RwSignal::new(false);
    offline::start(update_ready);
    let lock = provide_lock_state();
    move || {
        if lock.locked.get() {
            view! { <Piece load=lock::unlock_page/> }.into_any()
        } else {
            view! { <Workspace update_ready/> }.into_any()
        }
    }
}

/// The app, unlocked: everything here reads storage as it mounts, so after
/// an unlock it starts from the decrypted records.
#[component]
fn Workspace(update_ready: RwSignal<bool>) -> impl IntoView {
    let lock = storage::load_child_lock();
    let cases = Repository::new(BrowserStore);
    // An import cut off by a crash is put back before anything reads.
    let recovered = cases.recover();
    let listed = cases.listed_index();
    let state = AppState {
        route: RwSignal::new(allowed_route(lock.as_ref())),
        index: RwSignal::new(listed.index),
        notice: RwSignal::new(None),
        profile: RwSignal::new(cases.load_profile().0),
        child_lock: RwSignal::new(lock),
        update_ready,
        export_request: RwSignal::new(None),
        write_failure: RwSignal::new(None),
        repository: StoredValue::new(cases),
    };
    provide_context(state);
    match recovered {
        Ok(true) => state.notify("Kinplan closed while an import was being saved, so the import was undone. Your cases are as they were before it: import the file again.", None),
        Ok(false) => {}
        Err(e) => state.notify(format!("Kinplan closed while an import was being saved, and it could not be undone: {e}."), None),
    }
    list_unlisted(state, &listed.unlisted, listed.error);
    lock_when_idle(expect_context::<LockState>());
    vault::on_write_failure(move |key, e| {
        state.write_failure.try_set(Some((key.to_string(), e)));
    });

    // Workspace mounts again after every unlock: its listeners go with it.
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        state.route.set(
            state
                .child_lock
                .with_untracked(|l| allowed_route(l.as_ref())),
        );
        request_animation_frame(focus_main_heading);
    });
    // Another tab changed the list of cases, or started or ended child
    // mode: then this tab follows at once, whatever it was showing.
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(storage::CHILD_LOCK_KEY) || ev.key().is_none() {
            let lock = storage::load_child_lock();
            if state.child_lock.with_untracked(|l| l != &lock) {
                state.route.set(allowed_route(lock.as_ref()));
                state.child_lock.set(lock);
            }
        }
        if ev.key().as_deref() == Some(storage::INDEX_KEY) || ev.key().is_none() {
            vault::after_other_tab(ev.key(), ev.new_value(), move || {
                if let Some(listed) = state.repository.try_with_value(Repository::listed_index) {
                    state.index.try_set(listed.index);
                    list_unlisted(state, &listed.unlisted, listed.error);
                }
            });
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
    });

    let case_id = Memo::new(move |_| state.route.with(Route::case_id));
    let child_mode = Memo::new(move |_| state.child_lock.with(|l| l.as_ref().map(|l| l.case_id)));

    move || {
        match child_mode.get() {
        // No header, no footer, no links: only the child's screen.
        Some(id) => own_scope(|| view! {
            <main id="main" class="child-mode-main" tabindex="-1"><WriteFailure/><Piece load=move || session::page(id)/></main>
        })
        .into_any(),
        None => own_scope(|| view! { <WorkerShell case_id/> }).into_any(),
    }
    }
}

/// Cases the index does not list (a save cut off between writing a case
/// and the list) are read and listed by the `case` piece, fetched only
/// then; a list that could not be corrected is said.
fn list_unlisted(state: AppState, unlisted: &[Uuid], error: Option<SaveError>) {
    if let Some(e) = error {
        state.notify(format!("The list of cases was out of date and could not be corrected: {e}. Your cases are safe; Kinplan will try again next time."), None);
    }
    if unlisted.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Err(missing) = records::list_every_case(state).await {
            state.notify(format!("Kinplan could not list every case on this device: {missing}. The cases not listed are safe."), None);
        }
    });
}

/// The app as the worker sees it.
#[component]
fn WorkerShell(case_id: Memo<Option<Uuid>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <a href="#main" class="skip-link" on:click=move |ev| {
            // The hash is the router's: move focus without changing it.
            ev.prevent_default();
            focus_main_heading();
        }>"Skip to main content"</a>
        <header class="app-header">
            <div class="width-container header-inner">
                <a class="product-name" href="#/">"Kinplan"</a>
                <nav aria-label="Main">
                    <a href="#/" aria-current=move || (state.route.get() == Route::CaseList).then_some("page")>"Cases"</a>
                    <a href="#/settings" aria-current=move || matches!(state.route.get(), Route::Settings | Route::Passphrase).then_some("page")>"Settings"</a>
                </nav>
                <LockButton/>
            </div>
        </header>
        <NoticeBar/>
        <WriteFailure/>
        <ExportChoice/>
        <Show when=move || state.update_ready.get()>
            <div class="width-container update-banner" role="status">
                <p>"A new version of Kinplan is available. Your work is saved first."</p>
                <button type="button" class="button" on:click=|_| offline::apply_update()>"Reload to update"</button>
            </div>
        </Show>
        <main id="main" class="width-container" tabindex="-1">
            {move || own_scope(|| match case_id.get() {
                Some(id) => view! { <Piece load=move || session::page(id)/> }.into_any(),
                None if state.route.get() == Route::NotFound => view! { <NotFound/> }.into_any(),
                None if state.route.get() == Route::Settings => view! { <Piece load=settings::page/> }.into_any(),
                None if state.route.get() == Route::Passphrase => view! { <Piece load=lock::passphrase_page/> }.into_any(),
                None => view! { <CaseList/> }.into_any(),
            })}
        </main>
        <footer class="app-footer">
            <div class="width-container">
                <p>"Kinplan version " {crate::VERSION} ". Everything you write stays in this browser on this device until you export or print it."</p>
            </div>
        </footer>
    }
}

/// An encrypted write that failed after its save had returned (see
/// `storage::vault`), shown until dismissed, in child mode too.
#[component]
fn WriteFailure() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let failed = state.write_failure.get()?;
        // A child has the screen: nothing here is theirs to sort out.
        if state.child_lock.with(Option::is_some) {
            return Some(view! { <AskYourWorker/> }.into_any());
        }
        let why = failed.1;
        Some(view! {
            <div class="width-container">
                <div class="error-summary" role="alert">
                    <h2>"Your last change was not saved on this device"</h2>
                    <p>{format!("Kinplan could not store it: {why}.")}</p>
                    <p>"Keep this tab open, and export your cases from the case list to keep a copy."</p>
                    <button type="button" class="button-link" on:click=move |_| state.write_failure.set(None)>"Dismiss"</button>
                </div>
            </div>
        }.into_any())
    }
}

#[component]
fn NoticeBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let undo = move |action: Undo| match action {
        Undo::RestoreFromBin(id) => {
            let text = match state.cases(|c| c.set_binned(id, None)) {
                Ok(index) => {
                    state.index.set(index);
                    "The case is back in your list.".to_string()
                }
                Err(e) => format!("The case could not be taken out of the bin: {e}. It is still there; try again from the bin."),
            };
            state.notice.set(Some(Notice { text, undo: None }));
            focus_later("notice-dismiss".into());
        }
    };
    let dismiss = move |_| {
        state.notice.set(None);
        request_animation_frame(focus_main_heading);
    };
    view! {
        <div class="notice-region width-container" role="status" aria-live="polite">
            {move || state.notice.get().map(|notice| view! {
                <div class="notice">
                    <p>{notice.text}</p>
                    {notice.undo.map(|action| view! {
                        <button id="notice-undo" type="button" class="button button-secondary" on:click=move |_| undo(action)>"Undo"</button>
                    })}
                    <button id="notice-dismiss" type="button" class="button-link" on:click=dismiss>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>"This link does not go to a page in Kinplan. It may be from an older version, or mistyped."</p>
        <p><a href="#/">"Go to your cases"</a></p>
    }
}
