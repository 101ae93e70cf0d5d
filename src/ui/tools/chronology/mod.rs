//! The chronology: significant events in date order, quick to add (a date
//! and a line), with the patterns in them (`analysis`), filters by child,
//! category and dates, a timeline, and two prints: the worker's and the
//! court's numbered format.
//!
//! The events other tools know (map reviews, plans, meetings, visits) are
//! read from those tools by `domain::chronology::entries` and link back to
//! them; only the worker's own events are edited here.

mod event;
pub mod print;
mod timeline;

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::chronology::analysis::{clusters, last_12_months, of_concern, repeated, Filter};
use crate::domain::chronology::{entries, DatePrecision, Entry, EventDate};
use crate::domain::language::dates;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::route::{PrintView, Route};
use crate::ui::components::fields::input_date;
use crate::ui::components::radios::Radios;
use crate::ui::platform::browser::{focus_later, today};
use crate::ui::platform::pieces::piece;
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;

use event::{row_key, EntryRow};
use timeline::Timeline;

/// Events this close together, at least [`CLUSTER_EVENTS`] of them, are
/// shown as a cluster.
const CLUSTER_GAP_DAYS: i64 = 21;
const CLUSTER_EVENTS: usize = 3;
/// A category seen this often in a year is a repeat worth seeing.
const REPEATED: usize = 2;

/// Changes the worker's recorded events.
fn edit_chronology(
    open: OpenCase,
    change: impl FnOnce(&mut crate::domain::chronology::Chronology),
) {
    open.edit(|c| {
        change(&mut c.documents.chronology);
        c.documents.chronology.touch(chrono::Utc::now());
    });
}

piece! {
    /// The chronology, from its piece of the app.
    chronology: pub fn page() { view! { <ChronologyPage/> }.into_any() }
}

#[component]
pub fn ChronologyPage() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<crate::ui::state::AppState>().profile;
    let case_id = open.case().with_untracked(|c| c.id);
    let filter = RwSignal::new(Filter::default());
    let all = open.select(move |c| profile.with(|p| entries(c, &p.names)));
    let shown = Memo::new(move |_| {
        filter.with(|f| {
            all.with(|a| {
                a.iter()
                    .filter(|e| f.matches(e))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <h1 tabindex="-1">"Chronology"</h1>
        <p class="lead">"Significant events in the children's lives, in date order, with what was done and what came of it, so that patterns show. Meetings, visits and plans from the other tools appear here by themselves."</p>
        <div class="button-group">
            <a class="button button-secondary" href=Route::Print(case_id, PrintView::Chronology).href()>"Print the chronology"</a>
            <a class="button button-secondary" href=Route::Print(case_id, PrintView::CourtChronology).href()>"Print for court"</a>
        </div>
        <AddEvent/>
        <Patterns all/>
        <Filters filter/>
        <Timeline entries=shown/>
        <section aria-labelledby="events-heading">
            <h2 id="events-heading">{move || match shown.with(Vec::len) {
                1 => "1 event".to_string(),
                n => format!("{n} events"),
            }}</h2>
            <Show when=move || !shown.with(Vec::is_empty) fallback=|| view! { <p>"No events yet, or none that match."</p> }>
                <ol class="chronology-list">
                    <For each=move || shown.get() key=row_key let:entry>
                        <EntryRow entry/>
                    </For>
                </ol>
            </Show>
        </section>
    }
}

/// The date of an event, as precisely as it is known: a choice of how
/// exact, then a field to match. `text` holds what the field says.
#[component]
fn EventDateFields(
    #[prop(into)] id: String,
    precision: RwSignal<DatePrecision>,
    text: RwSignal<String>,
    /// Called with the date each time the worker's change reads as one.
    #[prop(optional)]
    on_date: Option<Callback<EventDate>>,
) -> impl IntoView {
    let field = format!("{id}-date");
    let typed = move |value: String| {
        text.set(value);
        if let (Some(on_date), Some(date)) = (
            on_date,
            EventDate::parse(precision.get_untracked(), &text.get_untracked()),
        ) {
            on_date.run(date);
        }
    };
    let name = format!("{id}-precision");
    view! {
        <Radios name legend="How exactly is the date known?" inline=true
            value=Signal::derive(move || Some(precision.get()))
            on_change=Callback::new(move |p: DatePrecision| {
                // Less exact keeps what is known; more exact asks again,
                // rather than make up a day.
                let was = precision.get_untracked();
                let known = EventDate::parse(was, &text.get_untracked());
                precision.set(p);
                match known.filter(|_| p.is_vaguer_than(was)) {
                    Some(d) => typed(d.to_precision(p).to_field()),
                    None => text.set(String::new()),
                }
            })/>
        <div class="form-group">
            <label class="label" for=field.clone()>{move || match precision.get() {
                DatePrecision::Day => "Date",
                DatePrecision::Month => "Month (year and month)",
                DatePrecision::Year => "Year",
            }}</label>
            {move || {
                let field = field.clone();
                match precision.get() {
                    DatePrecision::Day => view! {
                        <input id=field class="input input-short" type="date" prop:value=text
                            on:input=move |ev| typed(event_target_value(&ev))/>
                    }.into_any(),
                    DatePrecision::Month => view! {
                        <input id=field class="input input-short" type="month" placeholder="2026-03" prop:value=text
                            on:input=move |ev| typed(event_target_value(&ev))/>
                    }.into_any(),
                    DatePrecision::Year => view! {
                        <input id=field class="input input-short" type="text" inputmode="numeric" maxlength="4" autocomplete="off" prop:value=text
                            on:input=move |ev| typed(event_target_value(&ev))/>
                    }.into_any(),
                }
            }}
        </div>
    }
}

/// A date and a line are enough; the rest can follow.
#[component]
fn AddEvent() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let precision = RwSignal::new(DatePrecision::Day);
    let date = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(when) = EventDate::parse(precision.get_untracked(), &date.get_untracked()) else {
            error.set(Some(match precision.get_untracked() {
                DatePrecision::Day => "Enter the date it happened.".into(),
                DatePrecision::Month => "Enter the year and month, like 2026-03.".into(),
                DatePrecision::Year => "Enter the year, like 2024.".into(),
            }));
            return focus_later("new-event-date".into());
        };
        let mut added = Err(crate::domain::chronology::ChronologyError::NothingHappened);
        edit_chronology(open, |c| added = c.add(when, &what.get_untracked()));
        match added {
            Ok(_) => {
                error.set(None);
                what.set(String::new());
                focus_later("new-event-what".into());
            }
            Err(why) => {
                error.set(Some(why.to_string()));
                focus_later("new-event-what".into());
            }
        }
    };
    view! {
        <form class="add-event" on:submit=add aria-labelledby="add-event-heading">
            <h2 id="add-event-heading">"Add an event"</h2>
            {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
            <EventDateFields id="new-event" precision text=date/>
            <div class="form-group">
                <label class="label" for="new-event-what">"What happened"</label>
                <input id="new-event-what" class="input input-wide" type="text" maxlength=MAX_TEXT_CHARS autocomplete="off"
                    prop:value=what on:input=move |ev| what.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button">"Add to the chronology"</button>
        </form>
    }
}

/// What the last 12 months show: each category's count, the repeats and
/// the clusters.
#[component]
fn Patterns(all: Memo<Vec<Entry>>) -> impl IntoView {
    let counts = Memo::new(move |_| all.with(|a| last_12_months(a, today())));
    let concern = Memo::new(move |_| all.with(|a| of_concern(a, today())));
    let repeats = Memo::new(move |_| concern.with(|a| repeated(a, today(), REPEATED)));
    let runs = Memo::new(move |_| concern.with(|a| clusters(a, CLUSTER_GAP_DAYS, CLUSTER_EVENTS)));
    view! {
        <section class="patterns" aria-labelledby="patterns-heading">
            <h2 id="patterns-heading">"The last 12 months"</h2>
            <Show when=move || !counts.with(Vec::is_empty) fallback=|| view! { <p>"No events in the last 12 months."</p> }>
                <table class="table counts-table">
                    <caption class="visually-hidden">"Events in the last 12 months, by category"</caption>
                    <thead><tr><th scope="col">"Category"</th><th scope="col">"Events"</th></tr></thead>
                    <tbody>
                        {move || counts.get().into_iter().map(|(category, n)| view! {
                            <tr><th scope="row">{category}</th><td>{n}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            {move || (!repeats.with(Vec::is_empty)).then(|| view! {
                <div class="warning-text" role="note"><p>
                    <strong>"Happening again: "</strong>
                    {repeats.get().into_iter().map(|(c, n)| format!("{c} ({n} times)")).collect::<Vec<_>>().join(", ")}
                    ". Think about what the pattern means for the children."
                </p></div>
            })}
            {move || (!runs.with(Vec::is_empty)).then(|| view! {
                <p><strong>"Close together: "</strong>
                    {runs.get().into_iter().map(|r| format!(
                        "{} events between {} and {}",
                        r.events, dates::day_month_year(r.first), dates::day_month_year(r.last)
                    )).collect::<Vec<_>>().join("; ")}
                    "."
                </p>
            })}
        </section>
    }
}

/// By child, category and dates.
#[component]
fn Filters(filter: RwSignal<Filter>) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    let children = open.select(|c| {
        c.children
            .iter()
            .map(|ch| (ch.id, c.child_name(ch.id)))
            .collect::<Vec<_>>()
    });
    let categories = Memo::new(move |_| profile.with(|p| p.chronology_categories.clone()));
    let set_date = move |ev: leptos::ev::Event, from: bool| {
        let day = input_date(&event_target_value(&ev));
        filter.update(|f| if from { f.from = day } else { f.to = day });
    };
    view! {
        <details class="filters">
            <summary>"Show only some events"</summary>
            <div class="filter-row">
                <div class="form-group">
                    <label class="label" for="filter-child">"Child"</label>
                    <select id="filter-child" class="select" on:change=move |ev| {
                        let child = event_target_value(&ev).parse::<Uuid>().ok();
                        filter.update(|f| f.child = child);
                    }>
                        <option value="">"All the children"</option>
                        {move || children.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-category">"Category"</label>
                    <select id="filter-category" class="select" on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        filter.update(|f| f.categories = if chosen.is_empty() { Vec::new() } else { vec![chosen] });
                    }>
                        <option value="">"Every category"</option>
                        {move || categories.get().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-from">"From"</label>
                    <input id="filter-from" class="input" type="date" on:input=move |ev| set_date(ev, true)/>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-to">"To"</label>
                    <input id="filter-to" class="input" type="date" on:input=move |ev| set_date(ev, false)/>
                </div>
            </div>
        </details>
    }
}
