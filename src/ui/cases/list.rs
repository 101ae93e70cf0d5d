//! The first page: every case on this device, a form to start one, the bin,
//! the storage meter, the backup reminder, and export and import.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::language::dates;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::persist::index::{CaseIndex, CaseOrder, IndexEntry};
use crate::domain::plans::schedule::DueState;
use crate::route::Route;
use crate::storage::{self, human_size, SaveError, QUOTA_ESTIMATE_CHARS};
use crate::ui::cases::import::ImportCases;
use crate::ui::cases::records::{self, refusal};
use crate::ui::components::choice_select::ChoiceSelect;
use crate::ui::components::error_summary::{ErrorSummary, Mistake};
use crate::ui::lock::PassphraseOffer;
use crate::ui::platform::browser::{day, day_and_time, focus_later, today};
use crate::ui::settings::FirstQuestion;
use crate::ui::state::{AppState, Undo};

/// How many cases the list shows before "Show more cases".
const PAGE: usize = 25;

#[component]
pub fn CaseList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let order = RwSignal::new(CaseOrder::LastUpdated);
    let limit = RwSignal::new(PAGE);
    let has_cases = move || {
        state
            .index
            .with(|i| i.cases.iter().any(|e| e.deleted.is_none()))
    };
    let found = Memo::new(move |_| {
        state
            .index
            .with(|i| i.search(&query.get(), order.get()).len())
    });
    // Long lists show a page at a time, so the app opens as fast with
    // hundreds of cases as with one.
    let shown = move || {
        state.index.with(|i| {
            i.search(&query.get(), order.get())
                .into_iter()
                .take(limit.get())
                .cloned()
                .collect::<Vec<_>>()
        })
    };

    view! {
        <h1 tabindex="-1">"Your cases"</h1>
        <FirstQuestion/>
        <BackupReminder/>
        <PassphraseOffer/>
        <NewCaseForm/>
        <Show
            when=has_cases
            fallback=|| view! {
                <div class="empty-state">
                    <h2>"No cases yet"</h2>
                    <p>"Start by creating a case for a family, above. Then add the children and the people around them, and Kinplan will guide you through the map, the plan and the child's views."</p>
                    <p>"If you have a Kinplan export file, import it below."</p>
                </div>
            }
        >
            <section aria-labelledby="case-list-heading">
                <h2 id="case-list-heading">"Cases on this device"</h2>
                <div class="list-controls">
                    <div class="form-group">
                        <label class="label" for="case-search">"Search by name"</label>
                        <input maxlength=MAX_TEXT_CHARS id="case-search" class="input" type="search" autocomplete="off"
                            prop:value=query on:input=move |ev| query.set(event_target_value(&ev))/>
                    </div>
                    <ChoiceSelect id="case-order" label="Sort by"
                        value=Signal::derive(move || Some(order.get()))
                        on_change=Callback::new(move |chosen| order.set(chosen))/>
                </div>
                <ul class="case-list">
                    <For each=shown key=|e| (e.id, e.label.clone(), e.updated) let:entry>
                        <CaseRow entry/>
                    </For>
                </ul>
                <Show when=move || found.get() == 0>
                    <p>"No case names contain “" {query} "”."</p>
                </Show>
                <Show when=move || { found.get() > limit.get() }>
                    <p>
                        {move || format!("Showing {} of {} cases. ", limit.get(), found.get())}
                        <button type="button" class="button button-secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                            "Show more cases"
                        </button>
                    </p>
                </Show>
                <ExportAll/>
            </section>
        </Show>
        <Bin/>
        <ImportCases/>
        <StorageMeter/>
    }
}

#[component]
fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.index.with(|index| {
            index.needs_backup(Utc::now()).then(|| {
                let last = index
                    .last_export
                    .map_or("You have not exported a backup yet.".to_string(), |at| format!("Your last backup was on {}.", day(at)));
                view! {
                    <div class="warning-text" role="note">
                        <p><strong>"These plans are only on this device. Export a backup."</strong>" " {last}</p>
                    </div>
                }
            })
        })
    }
}

#[component]
fn NewCaseForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let label = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = label.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some("Enter a name for the case".into()));
            return;
        }
        leptos::task::spawn_local(async move {
            match refusal(
                records::create_case(state, name).await,
                "The case could not be created",
            ) {
                Ok(id) => {
                    leptos::task::spawn_local(async {
                        storage::keep::ask_to_keep().await;
                    });
                    label.try_set(String::new());
                    error.try_set(None);
                    state.go(Route::CaseOverview(id));
                }
                Err(why) => {
                    error.try_set(Some(why));
                }
            }
        });
    };
    view! {
        <form class="new-case" on:submit=create novalidate>
            <ErrorSummary mistakes=Signal::derive(move || error.get().map(|message| vec![Mistake { field: "new-case-label".into(), message }]).unwrap_or_default())/>
            <div class="form-group" class:form-group-error=move || error.get().is_some()>
                <h2><label class="label label-l" for="new-case-label">"Start a new case"</label></h2>
                <p class="hint" id="new-case-hint">"A name your team will recognise, such as the family's surname. For example, Smith family."</p>
                <Show when=move || error.get().is_some()>
                    <p class="error-message" id="new-case-error"><span class="visually-hidden">"Error: "</span>{move || error.get()}</p>
                </Show>
                <input maxlength=MAX_TEXT_CHARS id="new-case-label" class="input input-wide" type="text" autocomplete="off"
                    aria-describedby=move || if error.get().is_some() { "new-case-hint new-case-error" } else { "new-case-hint" }
                    prop:value=label on:input=move |ev| label.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button">"Create case"</button>
        </form>
    }
}

#[component]
fn CaseRow(entry: IndexEntry) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = entry.id;
    let renaming = RwSignal::new(false);
    let new_label = RwSignal::new(entry.label.clone());
    let message = RwSignal::new(None::<String>);
    let row_label = entry.label.clone();

    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_label.get_untracked().trim().to_string();
        if name.is_empty() {
            message.set(Some("Enter a name for the case".into()));
            return;
        }
        leptos::task::spawn_local(async move {
            match refusal(records::rename_case(state, id, name).await, "Not renamed") {
                Ok(()) => {
                    renaming.try_set(false);
                }
                Err(why) => {
                    message.try_set(Some(why));
                }
            }
        });
    };
    let duplicate = move |_| {
        leptos::task::spawn_local(async move {
            if let Err(why) = refusal(records::duplicate_case(state, id).await, "Not copied") {
                message.try_set(Some(why));
            }
        });
    };
    let export = move |_| {
        leptos::task::spawn_local(async move {
            if let Err(why) = refusal(records::export_case(state, id).await, "Not exported") {
                message.try_set(Some(why));
            }
        });
    };
    let label_for_delete = entry.label.clone();
    let delete = move |_| match state.cases(|c| c.set_binned(id, Some(Utc::now()))) {
        Ok(index) => {
            state.index.set(index);
            state.notify(
                format!("\"{label_for_delete}\" was moved to the bin."),
                Some(Undo::RestoreFromBin(id)),
            );
            // The row and its buttons are gone: focus "Undo".
            focus_later("notice-undo".into());
        }
        Err(e) => message.set(Some(format!("Not deleted: {e}"))),
    };

    let rename_id = format!("rename-{id}");
    view! {
        <li class="case-row">
            <div class="case-row-main">
                <a class="case-link" href=Route::CaseOverview(id).href()>{entry.label.clone()}</a>
                <p class="hint">"Updated " {day_and_time(entry.updated)} " · " {human_size(entry.size)}</p>
                {entry.next_due.clone().map(|due| {
                    let state = state.profile.with_untracked(|p| due.state(today(), p));
                    view! {
                        <p class="next-due">
                            <strong class="tag" data-state=match state { DueState::Overdue => "overdue", DueState::DueSoon => "soon", DueState::Upcoming => "due" }>{state.title()}</strong>
                            " " {due.what} ", " {dates::day_month_year(due.date)}
                        </p>
                    }
                })}
            </div>
            <Show when=move || renaming.get()>
                <form class="rename-form" on:submit=rename>
                    <label class="label" for=rename_id.clone()>"New name for " {row_label.clone()}</label>
                    <input maxlength=MAX_TEXT_CHARS id=rename_id.clone() class="input" type="text" prop:value=new_label
                        on:input=move |ev| new_label.set(event_target_value(&ev))/>
                    <div class="button-group">
                        <button type="submit" class="button">"Save name"</button>
                        <button type="button" class="button button-secondary" on:click=move |_| renaming.set(false)>"Cancel"</button>
                    </div>
                </form>
            </Show>
            <Show when=move || !renaming.get()>
                <div class="button-group case-actions" role="group" aria-label=format!("Actions for {}", entry.label)>
                    <button type="button" class="button button-secondary" on:click=move |_| renaming.set(true)>"Rename"</button>
                    <button type="button" class="button button-secondary" on:click=duplicate>"Duplicate"</button>
                    <button type="button" class="button button-secondary" on:click=export>"Export"</button>
                    <button type="button" class="button button-warning" on:click=delete.clone()>"Delete"</button>
                </div>
            </Show>
            {move || message.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
        </li>
    }
}

#[component]
fn ExportAll() -> impl IntoView {
    let state = expect_context::<AppState>();
    let problem = RwSignal::new(None::<String>);
    let export_all = move |_| {
        leptos::task::spawn_local(async move {
            problem.try_set(refusal(records::export_all(state).await, "Not exported").err());
        });
    };
    view! {
        <div class="export-all">
            <button type="button" class="button button-secondary" on:click=export_all>"Export all cases"</button>
            <p class="hint">{move || state.index.with(|i| match i.last_export {
                Some(at) => format!("Last exported {}.", day_and_time(at)),
                None => "Not exported yet.".to_string(),
            })}</p>
            {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
        </div>
    }
}

#[component]
fn Bin() -> impl IntoView {
    let state = expect_context::<AppState>();
    let binned = move || {
        state
            .index
            .with(|i| i.bin().into_iter().cloned().collect::<Vec<_>>())
    };
    let problem = RwSignal::new(None::<String>);
    let answer = move |result: Result<CaseIndex, SaveError>, not_done: &str| match result {
        Ok(index) => {
            state.index.set(index);
            problem.set(None);
        }
        Err(e) => problem.set(Some(format!(
            "{not_done}: {e}. The case is still in the bin."
        ))),
    };
    view! {
        <Show when=move || !binned().is_empty()>
            <details class="bin">
                <summary id="bin-summary">{move || format!("Bin ({})", binned().len())}</summary>
                <p class="hint">"Deleted cases stay here until you delete them for good."</p>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <ul class="case-list">
                    <For each=binned key=|e| e.id let:entry>
                        {
                            let id = entry.id;
                            let label = entry.label.clone();
                            view! {
                                <li class="case-row">
                                    <div class="case-row-main">
                                        <span class="case-link">{entry.label.clone()}</span>
                                        <p class="hint">"Deleted " {entry.deleted.map(day_and_time)}</p>
                                    </div>
                                    <div class="button-group" role="group" aria-label=format!("Actions for {label}")>
                                        <button type="button" class="button button-secondary" on:click=move |_| {
                                            answer(state.cases(|c| c.set_binned(id, None)), "Not restored");
                                            focus_later("bin-summary".into());
                                        }>"Restore"</button>
                                        <button type="button" class="button button-warning" on:click=move |_| {
                                            let sure = window().confirm_with_message(&format!("Delete \"{}\" for good? This cannot be undone.", entry.label)).unwrap_or(false);
                                            if sure {
                                                answer(state.cases(|c| c.delete_for_good(id)), "Not deleted");
                                                focus_later("bin-summary".into());
                                            }
                                        }>"Delete for good"</button>
                                    </div>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </details>
        </Show>
    }
}

#[component]
fn StorageMeter() -> impl IntoView {
    let state = expect_context::<AppState>();
    let used = move || state.index.with(|i| i.total_size());
    view! {
        <section class="storage-meter" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Space on this device"</h2>
            <label class="label" for="storage-used">
                {move || format!("Kinplan is using {} of about {} in this browser.", human_size(used()), human_size(QUOTA_ESTIMATE_CHARS))}
            </label>
            <meter id="storage-used" min="0" max=QUOTA_ESTIMATE_CHARS.to_string() high=(QUOTA_ESTIMATE_CHARS * 8 / 10).to_string()
                value=move || used().to_string()></meter>
        </section>
    }
}
