//! The chronology as a timeline: a row for each category, a dot for each
//! event known to the day and a bar for one known only by its month or
//! year, and clusters shaded behind. The same figures follow as a table
//! for screen readers. Drawn as inline SVG, with no script or style
//! attribute, so the Content-Security-Policy allows it.

use chrono::{Datelike, Months, NaiveDate};
use leptos::prelude::*;

use crate::domain::chronology::analysis::clusters;
use crate::domain::chronology::{Entry, EventDate, Origin};

use super::{CLUSTER_EVENTS, CLUSTER_GAP_DAYS};

const WIDTH: f64 = 760.0;
const LABELS: f64 = 200.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 10.0;
const ROW: f64 = 30.0;
const AXIS: f64 = 34.0;

/// One category's row: its name and its events.
#[derive(Clone, PartialEq)]
struct Row {
    category: String,
    events: Vec<(EventDate, String)>,
}

fn category_of(entry: &Entry) -> String {
    let c = entry.category.trim();
    if c.is_empty() { "No category" } else { c }.to_string()
}

/// The rows, in the order each category first happened.
fn rows(entries: &[Entry]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for e in entries {
        let category = category_of(e);
        let event = (e.date, e.what.clone());
        match rows.iter_mut().find(|r| r.category == category) {
            Some(row) => row.events.push(event),
            None => rows.push(Row {
                category,
                events: vec![event],
            }),
        }
    }
    rows
}

/// The first day of each tick: years over a long span, quarters over a
/// middling one, months over a short one.
fn ticks(from: NaiveDate, to: NaiveDate) -> (Vec<NaiveDate>, bool) {
    let days = (to - from).num_days();
    let step = if days > 3 * 365 {
        12
    } else if days > 365 {
        3
    } else {
        1
    };
    let mut tick = NaiveDate::from_ymd_opt(from.year(), 1, 1).unwrap_or(from);
    let mut out = Vec::new();
    while tick <= to {
        if tick >= from {
            out.push(tick);
        }
        tick = tick
            .checked_add_months(Months::new(step))
            .unwrap_or(NaiveDate::MAX);
    }
    (out, step == 12)
}

#[component]
pub(super) fn Timeline(entries: Memo<Vec<Entry>>) -> impl IntoView {
    let chart = Memo::new(move |_| {
        entries.with(|all| {
            // A damaged record's impossible date is listed, not drawn.
            let list: Vec<Entry> = all
                .iter()
                .filter(|e| e.date.is_plausible())
                .cloned()
                .collect();
            let first = list.iter().map(|e| e.date.first_day()).min()?;
            let last = list.iter().map(|e| e.date.last_day()).max()?;
            // A little room either side, so no dot sits on the edge.
            let from = first - chrono::Duration::days(15);
            let to = last + chrono::Duration::days(15);
            // Shaded: the worker's own events close together, as above.
            let own: Vec<Entry> = list
                .iter()
                .filter(|e| matches!(e.origin, Origin::Recorded(_)))
                .cloned()
                .collect();
            Some((
                rows(&list),
                from,
                to,
                clusters(&own, CLUSTER_GAP_DAYS, CLUSTER_EVENTS),
            ))
        })
    });
    move || {
        chart.get().map(|(rows, from, to, runs)| {
            let span = (to - from).num_days().max(1) as f64;
            let x = move |d: NaiveDate| LABELS + (d - from).num_days() as f64 / span * (WIDTH - LABELS - RIGHT);
            let height = TOP + ROW * rows.len() as f64 + AXIS;
            let bottom = TOP + ROW * rows.len() as f64;
            let (tick_days, yearly) = ticks(from, to);
            let table_rows = rows.clone();
            view! {
                <figure class="timeline">
                    <figcaption id="timeline-caption">"Events over time, by category. Shaded: events you recorded close together."</figcaption>
                    <svg class="timeline-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby="timeline-caption" focusable="false">
                        {runs.into_iter().map(|r| view! {
                            <rect class="timeline-cluster" x=x(r.first) - 8.0 y=TOP width=x(r.last) - x(r.first) + 16.0 height=bottom - TOP/>
                        }).collect_view()}
                        {tick_days.into_iter().map(|t| {
                            let label = if yearly { t.year().to_string() } else { t.format("%b %Y").to_string() };
                            view! {
                                <line class="timeline-tick" x1=x(t) x2=x(t) y1=TOP y2=bottom + 6.0/>
                                <text class="timeline-axis" x=x(t) y=bottom + 22.0 text-anchor="middle">{label}</text>
                            }
                        }).collect_view()}
                        {rows.into_iter().enumerate().map(|(i, row)| {
                            let y = TOP + ROW * i as f64 + ROW / 2.0;
                            let label = format!("{} ({})", row.category, row.events.len());
                            view! {
                                <line class="timeline-row" x1=LABELS x2=WIDTH - RIGHT y1=y y2=y/>
                                <text class="timeline-label" x=LABELS - 8.0 y=y + 5.0 text-anchor="end">{label}</text>
                                {row.events.into_iter().map(|(date, what)| match date {
                                    EventDate::Day(d) => view! {
                                        <circle class="timeline-event" cx=x(d) cy=y r="6"><title>{format!("{}: {what}", date.display())}</title></circle>
                                    }.into_any(),
                                    _ => view! {
                                        <rect class="timeline-event timeline-span" x=x(date.first_day()) y=y - 5.0
                                            width=(x(date.last_day()) - x(date.first_day())).max(4.0) height="10">
                                            <title>{format!("{}: {what}", date.display())}</title>
                                        </rect>
                                    }.into_any(),
                                }).collect_view()}
                            }
                        }).collect_view()}
                    </svg>
                </figure>
                <table class="table timeline-table">
                    <caption>"The timeline's events, by category"</caption>
                    <thead><tr><th scope="col">"Category"</th><th scope="col">"Events"</th><th scope="col">"When"</th></tr></thead>
                    <tbody>
                        {table_rows.into_iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.category}</th>
                                <td>{row.events.len()}</td>
                                <td>{row.events.iter().map(|(d, _)| d.display()).collect::<Vec<_>>().join(", ")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    }
}
