//! One line of the chronology: an event another tool knows, linking back
//! to it, or the worker's own, with its details to fill in.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::chronology::{Entry, EventDate, Link, Origin, RecordedEvent};
use crate::domain::Tool;
use crate::route::Route;
use crate::ui::components::fields::{Field, TextArea};
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;

use super::{edit_chronology, EventDateFields};

/// What keeps a row the same row in the list: a recorded event's id (so
/// typing in it does not remake it), or a linked one's link (unique to it)
/// with what it shows, so a change in its tool redraws it.
pub(super) fn row_key(entry: &Entry) -> String {
    match entry.origin {
        Origin::Recorded(id) => id.to_string(),
        Origin::Linked(link) => format!("{link:?} {:?} {}", entry.date, entry.what),
    }
}

#[component]
pub(super) fn EntryRow(entry: Entry) -> impl IntoView {
    match entry.origin {
        Origin::Recorded(id) => view! { <RecordedRow id/> }.into_any(),
        Origin::Linked(link) => view! { <LinkedRow entry link/> }.into_any(),
    }
}

#[component]
fn LinkedRow(entry: Entry, link: Link) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let (href, tool) = match link {
        Link::Map(_) => (Route::CaseTool(case_id, Tool::SafetyMap).href(), "the map"),
        Link::Plan(plan) | Link::Review(plan, _) | Link::PlanEvent(plan, _) => {
            (Route::Plan(case_id, plan).href(), "the plan")
        }
        Link::SafetyPlan(_) => (
            Route::CaseTool(case_id, Tool::SafetyPlan).href(),
            "the safety plan",
        ),
    };
    view! {
        <li class="chronology-entry linked">
            <p class="entry-date">{entry.date.display()}</p>
            <p class="entry-what">{entry.what}</p>
            <p class="hint"><span class="tag">{entry.category}</span>" From Kinplan: "<a href=href>{format!("open {tool}")}</a></p>
        </li>
    }
}

/// Reads part of one recorded event, as a memo.
fn read_event<T: Default + Clone + PartialEq + Send + Sync + 'static>(
    open: OpenCase,
    id: Uuid,
    part: impl Fn(&RecordedEvent) -> T + Send + Sync + 'static,
) -> Memo<T> {
    open.select(move |c| {
        c.documents
            .chronology
            .events
            .iter()
            .find(|e| e.id == id)
            .map(&part)
            .unwrap_or_default()
    })
}

/// A change to one text of a recorded event, as a field's callback.
fn edit_text(
    open: OpenCase,
    id: Uuid,
    field: fn(&mut RecordedEvent) -> &mut String,
) -> Callback<String> {
    Callback::new(move |value: String| {
        edit_chronology(open, |c| {
            if let Some(e) = c.event_mut(id) {
                *field(e) = value;
            }
        });
    })
}

#[component]
fn RecordedRow(id: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    let event = read_event(open, id, |e| Some(e.clone()));
    let prefix = format!("event-{id}");
    let text = move |f: fn(&RecordedEvent) -> &String| {
        Signal::derive(move || event.with(|e| e.as_ref().map(|e| f(e).clone()).unwrap_or_default()))
    };
    let children = open.select(move |c| {
        c.children
            .iter()
            .map(|ch| (ch.id, c.child_name(ch.id)))
            .collect::<Vec<_>>()
    });
    let about = open.select(move |c| {
        let e = c.documents.chronology.events.iter().find(|e| e.id == id)?;
        (!e.children.is_empty()).then(|| {
            e.children
                .iter()
                .map(|ch| c.child_name(*ch))
                .collect::<Vec<_>>()
                .join(", ")
        })
    });
    // The date is edited as text at a precision, and kept once it reads.
    let first = event
        .get_untracked()
        .map_or(EventDate::Year(2000), |e| e.date);
    let precision = RwSignal::new(first.precision());
    let date_text = RwSignal::new(first.to_field());
    let set_date = Callback::new(move |date: EventDate| {
        edit_chronology(open, |c| {
            if let Some(e) = c.event_mut(id) {
                e.date = date;
            }
        });
    });
    let remove = move |_| edit_chronology(open, |c| c.remove(id));
    let category_id = format!("{prefix}-category");
    view! {
        <li class="chronology-entry" class:flagged=move || event.with(|e| e.as_ref().and_then(|e| e.missing()).is_some())>
            <p class="entry-date">{move || event.with(|e| e.as_ref().map(|e| e.date.display()).unwrap_or_default())}</p>
            <p class="entry-what">{text(|e| &e.what)}</p>
            <p class="hint">
                {move || event.with(|e| e.as_ref().filter(|e| !e.category.is_empty()).map(|e| view! { <span class="tag">{e.category.clone()}</span>" " }))}
                {move || about.get().map(|names| format!("About {names}. "))}
                {move || event.with(|e| e.as_ref().filter(|e| !e.source.trim().is_empty()).map(|e| format!("Source: {}.", e.source.trim())))}
            </p>
            {move || event.with(|e| e.as_ref().and_then(|e| e.missing())).map(|m| view! {
                <p class="entry-missing"><strong class="tag" data-state="missing">{m}</strong></p>
            })}
            <details class="entry-details">
                <summary>"Change or add detail"<span class="visually-hidden">{move || format!(": {}", text(|e| &e.what).get())}</span></summary>
                <EventDateFields id=prefix.clone() precision text=date_text on_date=set_date/>
                <Field id=format!("{prefix}-what") label="What happened" value=text(|e| &e.what) on_input=edit_text(open, id, |e| &mut e.what)/>
                <Field id=format!("{prefix}-source") label="Source" hint="Who reported it, or the document it comes from." value=text(|e| &e.source) on_input=edit_text(open, id, |e| &mut e.source)/>
                <div class="form-group">
                    <label class="label" for=category_id.clone()>"Category"</label>
                    <select id=category_id class="select" on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        edit_chronology(open, |c| if let Some(e) = c.event_mut(id) { e.category = chosen; });
                    }>
                        <option value="" selected=move || text(|e| &e.category).with(String::is_empty)>"Choose a category"</option>
                        {move || {
                            let current = text(|e| &e.category).get();
                            let mut list = profile.with(|p| p.chronology_categories.clone());
                            // A category since taken out of the profile stays choosable.
                            if !current.is_empty() && !list.contains(&current) {
                                list.push(current.clone());
                            }
                            list.into_iter().map(|c| {
                                let selected = c == current;
                                view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                            }).collect_view()
                        }}
                    </select>
                </div>
                {let prefix = prefix.clone(); move || (children.with(Vec::len) > 1).then(|| view! {
                    <fieldset class="fieldset">
                        <legend class="label">"Which children does it concern?"</legend>
                        <p class="hint">"None ticked means all of them."</p>
                        {children.get().into_iter().map(|(child, name)| {
                            let check = format!("{}-child-{child}", prefix);
                            view! {
                                <div class="checkbox">
                                    <input type="checkbox" id=check.clone()
                                        prop:checked=move || event.with(|e| e.as_ref().is_some_and(|e| e.children.contains(&child)))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            edit_chronology(open, |c| if let Some(e) = c.event_mut(id) {
                                                e.children.retain(|x| *x != child);
                                                if on { e.children.push(child); }
                                            });
                                        }/>
                                    <label for=check>{name}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                })}
                <TextArea id=format!("{prefix}-impact") label="Impact on the child" value=text(|e| &e.impact) on_input=edit_text(open, id, |e| &mut e.impact)/>
                <TextArea id=format!("{prefix}-action") label="Action taken" value=text(|e| &e.action) on_input=edit_text(open, id, |e| &mut e.action)/>
                <TextArea id=format!("{prefix}-outcome") label="Outcome" value=text(|e| &e.outcome) on_input=edit_text(open, id, |e| &mut e.outcome)/>
                <button type="button" class="button button-warning" on:click=remove>"Remove this event"<span class="visually-hidden">{move || format!(": {}", text(|e| &e.what).get())}</span></button>
            </details>
        </li>
    }
}
