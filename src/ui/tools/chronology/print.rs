//! The chronology on A4: the worker's (every detail, to read for patterns)
//! and the court's (Practice Direction 12A: number, date, event, source).

use leptos::prelude::*;

use crate::domain::chronology::{entries, Entry};
use crate::ui::state::OpenCase;

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "\u{2014}".to_string()
    } else {
        text.trim().to_string()
    }
}

fn read() -> Memo<(String, Vec<Entry>)> {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<crate::ui::state::AppState>().profile;
    open.select(move |c| profile.with(|p| (c.label.clone(), entries(c, &p.names))))
}

#[component]
pub fn ChronologyPrint() -> impl IntoView {
    let content = read();
    move || {
        let (label, list) = content.get();
        view! {
            <article class="print-doc print-chronology">
                <h1 tabindex="-1">{format!("Chronology: {label}")}</h1>
                <table class="print-table chronology-table working">
                    <thead><tr>
                        <th scope="col">"Date"</th><th scope="col">"What happened"</th><th scope="col">"Source"</th>
                        <th scope="col">"Category"</th><th scope="col">"Impact on the child"</th><th scope="col">"Action"</th><th scope="col">"Outcome"</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|e| view! {
                            <tr>
                                <td>{e.date.display()}</td>
                                <td>{e.what}{e.missing.map(|m| view! { <br/><strong>{m}</strong> })}</td>
                                <td>{or_dash(&e.source)}</td>
                                <td>{or_dash(&e.category)}</td>
                                <td>{or_dash(&e.impact)}</td>
                                <td>{or_dash(&e.action)}</td>
                                <td>{or_dash(&e.outcome)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </article>
        }
    }
}

#[component]
pub fn CourtChronologyPrint() -> impl IntoView {
    let content = read();
    move || {
        let (label, list) = content.get();
        view! {
            <article class="print-doc print-chronology">
                <h1 tabindex="-1">{format!("Chronology for the court: {label}")}</h1>
                <table class="print-table chronology-table court">
                    <thead><tr>
                        <th scope="col">"No."</th><th scope="col">"Date"</th><th scope="col">"Event"</th><th scope="col">"Source"</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().enumerate().map(|(i, e)| view! {
                            <tr><td>{i + 1}</td><td>{e.date.display()}</td><td>{e.what}</td><td>{or_dash(&e.source)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </article>
        }
    }
}
