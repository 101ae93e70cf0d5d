//! The worker's Signs of Safety map on one A4 landscape page, with the
//! scaling, as it stands in the latest version.

use crate::domain::choice::Choice;
use leptos::prelude::*;

use crate::domain::language::dates;
use crate::domain::safety_map::{MapColumn, SafetyMap};
use crate::ui::platform::browser::today;
use crate::ui::state::OpenCase;

#[component]
pub fn MapPrint() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let map = open.select(|c| c.current_map().cloned());
    let label = open.select(|c| c.label.clone());
    let person = move |p: &crate::domain::person_ref::PersonRef| {
        open.case()
            .with_untracked(|c| p.name(c))
            .unwrap_or_else(|| "Someone".into())
    };
    let sheet = move |m: SafetyMap| {
        view! {
            <article class="print-doc print-map">
                <h1 tabindex="-1">{format!("Signs of Safety map: {}", label.get())}</h1>
                <p class="print-sub">{format!("Map of {}.", dates::day_month_year(m.date))}</p>
                <div class="print-map-columns">
                    {MapColumn::ALL.iter().copied().map(|column| view! {
                        <section>
                            <h2>{column.title()}</h2>
                            {column.sections().iter().map(|&section| {
                                let entries: Vec<_> = m.entries_in(section).map(|e| (e.text.clone(), person(&e.said_by))).collect();
                                view! {
                                    <h3>{section.title()}</h3>
                                    <ul>{entries.into_iter().map(|(text, who)| view! { <li>{text}<span class="said-by">{format!(" ({who})")}</span></li> }).collect_view()}</ul>
                                }
                            }).collect_view()}
                        </section>
                    }).collect_view()}
                </div>
                <div class="print-map-lower">
                    <section>
                        <h2>"Danger statements and safety goals"</h2>
                        <ol>
                            {m.danger_statements.iter().map(|d| {
                                let goal = m.safety_goals.iter().find(|g| g.danger_statement == d.id).map(|g| g.text());
                                view! {
                                    <li>{open.case().with_untracked(|c| c.danger_sentence(d, today()))}{goal.filter(|g| !g.is_empty()).map(|g| view! { <br/><strong>"Safety goal: "</strong>{g} })}</li>
                                }
                            }).collect_view()}
                        </ol>
                        <h2>"Bottom lines"</h2>
                        <ul>{m.bottom_lines.iter().map(|b| view! { <li>{b.text.clone()}</li> }).collect_view()}</ul>
                    </section>
                    <section>
                        <h2>"Scaling, 0 to 10"</h2>
                        <ul class="print-scores">
                            {m.scores.iter().filter(|s| s.score.is_some()).map(|s| view! {
                                <li><strong>{format!("{}: {}", person(&s.person), s.score.unwrap_or_default())}</strong>{(!s.reason.trim().is_empty()).then(|| format!(". {}", s.reason.trim()))}</li>
                            }).collect_view()}
                        </ul>
                    </section>
                </div>
            </article>
        }
    };
    move || match map.get() {
        Some(m) => sheet(m).into_any(),
        None => view! {
            <h1 tabindex="-1">"No map yet"</h1>
            <p>"Start the family's map first; then it can be printed."</p>
        }
        .into_any(),
    }
}
