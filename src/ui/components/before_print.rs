//! "Before you print", on screen only: the plain-English checker over a
//! document the family will read, with the reading age of the whole and
//! of each section beside its name, the hardest sentence of a section that
//! is hard going, and any jargon with a plainer word.

use leptos::prelude::*;

use crate::domain::language::reading_age::{Readability, TARGET_READING_AGE};
use crate::domain::language::section_check::SectionCheck;

/// `document` names it in the overall line: "plan", "safety plan".
/// `children` go between that line and the sections (a warning, say).
#[component]
pub fn BeforePrint(
    document: &'static str,
    overall: Readability,
    checks: Vec<SectionCheck>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let age = overall.reading_age();
    view! {
        <section class="before-print no-print" aria-labelledby="before-print-heading">
            <h2 id="before-print-heading">"Before you print"</h2>
            <p>{if overall.is_easy() {
                format!("Reading age of the whole {document}: about {age:.0}, within the aim of {TARGET_READING_AGE:.0} or under.")
            } else {
                format!(
                    "Reading age of the whole {document}: about {age:.0}. Aim for {TARGET_READING_AGE:.0} or under, with sentences of 15 to 20 words: shorter sentences and everyday words help most."
                )
            }}</p>
            {children.map(|c| c())}
            <ul class="section-checks">
                {checks.into_iter().map(|c| {
                    let level = c.readability.summary();
                    let easy = level.is_none().then(|| {
                        let plain = if c.jargon.is_empty() { ", plain and clear." } else { "." };
                        format!("reading age about {:.0}{plain} ", c.readability.reading_age())
                    });
                    view! {
                        <li>
                            <strong>{c.section}": "</strong>
                            {easy}
                            {level.map(|h| view! { <span class="hint-text">{h}" "</span> })}
                            {c.hardest.map(|s| view! { <span class="hint-text">"Hardest to read: “"{s}"” "</span> })}
                            {(!c.jargon.is_empty()).then(|| view! {
                                <ul class="jargon">
                                    {c.jargon.iter().map(|j| view! { <li data-term=j.found.clone()>{j.message()}</li> }).collect_view()}
                                </ul>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
