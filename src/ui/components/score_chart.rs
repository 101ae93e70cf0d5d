//! Scores, 0 to 10, across the versions of a document (the map's scaling,
//! the safety plan's goals): a small line chart, with a table of the same
//! figures for screen readers. Lines differ by dash as well as colour.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::language::dates;
use crate::domain::safety_map::Trajectory;

/// The dates of the versions, and one line of scores for each person or
/// goal, a score (or none) at each date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreLines {
    pub dates: Vec<NaiveDate>,
    pub lines: Vec<(String, Vec<Option<u8>>)>,
}

impl ScoreLines {
    /// The chart of `trajectories` at the versions' `dates`, each line
    /// named by `label`.
    pub fn new<K>(
        dates: Vec<NaiveDate>,
        trajectories: Vec<Trajectory<K>>,
        label: impl Fn(&K) -> String,
    ) -> ScoreLines {
        let lines = trajectories
            .into_iter()
            .map(|t| {
                (
                    label(&t.key),
                    t.points.into_iter().map(|(_, s)| s).collect(),
                )
            })
            .collect();
        ScoreLines { dates, lines }
    }
}

/// Chart geometry, in SVG user units.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 15.0;
const BOTTOM: f64 = 35.0;
/// Dash patterns, so lines differ without relying on colour.
const DASHES: [&str; 5] = ["", "8 4", "2 4", "12 4 2 4", "4 2"];
const COLOURS: [&str; 5] = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#6f4a00"];

#[component]
pub fn ScoreChart(
    /// Starts the caption's id.
    id: &'static str,
    #[prop(into)] data: Signal<ScoreLines>,
    /// Said instead of the chart when there is no score yet.
    empty: &'static str,
    caption: &'static str,
    table_caption: &'static str,
    /// The heading of the table's first column: "Who", "Safety goal".
    who: &'static str,
) -> impl IntoView {
    let x = move |i: usize, n: usize| {
        if n <= 1 {
            LEFT + (WIDTH - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (WIDTH - LEFT - RIGHT) * i as f64 / (n - 1) as f64
        }
    };
    let y = |score: u8| TOP + (HEIGHT - TOP - BOTTOM) * (10.0 - f64::from(score)) / 10.0;
    let caption_id = format!("{id}-caption");
    view! {
            <Show when=move || data.with(|d| !d.lines.is_empty()) fallback=move || view! { <p>{empty}</p> }>
                <figure class="score-chart">
                    <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=caption_id.clone() focusable="false">
                        {[0u8, 5, 10].into_iter().map(|s| view! {
                            <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=y(s) y2=y(s)/>
                            <text class="axis" x=LEFT - 8.0 y=y(s) + 5.0 text-anchor="end">{s.to_string()}</text>
                        }).collect_view()}
                        {move || data.with(|ScoreLines { dates, lines }| {
                            let n = dates.len();
                            let labels = dates.iter().enumerate().map(|(i, d)| view! {
                                // The first and last labels sit inside the chart, not
                                // centred off its edge; dates as the table writes them.
                                <text class="axis" x=x(i, n) y=HEIGHT - 10.0
                                    text-anchor=if n <= 1 { "middle" } else if i == 0 { "start" } else if i + 1 == n { "end" } else { "middle" }>
                                    {dates::day_month_year(*d)}
                                </text>
                            }).collect_view();
                            let series = lines.iter().enumerate().map(|(k, (name, points))| {
                                let colour = COLOURS[k % COLOURS.len()];
                                let dash = DASHES[k % DASHES.len()];
                                let scored: Vec<(f64, f64)> = points.iter().enumerate()
                                    .filter_map(|(i, s)| s.map(|s| (x(i, n), y(s)))).collect();
                                let path = scored.iter().map(|(px, py)| format!("{px:.1},{py:.1}")).collect::<Vec<_>>().join(" ");
                                let last = scored.last().copied();
                                view! {
                                    <g class="series" data-line=name.clone()>
                                        <polyline points=path fill="none" stroke=colour stroke-width="3" stroke-dasharray=dash/>
                                        {scored.iter().map(|(px, py)| view! { <circle cx=*px cy=*py r="5" fill=colour/> }).collect_view()}
                                        {last.map(|(px, py)| view! { <text class="series-label" x=px + 10.0 y=py + 5.0 fill=colour>{name.clone()}</text> })}
                                    </g>
                                }
                            }).collect_view();
                            (labels, series)
                        })}
                    </svg>
                    <figcaption id=caption_id.clone()>{caption}</figcaption>
                </figure>
                <table class="table score-table">
                    <caption class="visually-hidden">{table_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{who}</th>
                            {move || data.with(|d| d.dates.iter().map(|d| view! { <th scope="col">{dates::day_month_year(*d)}</th> }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || data.with(|d| d.lines.iter().map(|(name, points)| view! {
                            <tr>
                                <th scope="row">{name.clone()}</th>
                                {points.iter().map(|s| view! { <td>{s.map_or("Not scored".to_string(), |s| s.to_string())}</td> }).collect_view()}
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </Show>
    }
}
