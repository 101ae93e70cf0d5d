//! Words and Pictures: why people are worried, told for the children, with
//! space for the drawings made with them. Written from the map (who is
//! worried, what about, what happened) and the plan (what everyone is doing).

use leptos::prelude::*;

use crate::domain::choice::Choice;
use crate::domain::language::print_words::{fill, Catalogue, PrintLanguage};
use crate::domain::safety_map::MapSection;
use crate::domain::Case;
use crate::ui::components::in_languages::{say, InLanguages};
use crate::ui::components::print_language::PrintLanguageChoice;
use crate::ui::platform::browser::today;
use crate::ui::state::OpenCase;

#[derive(Clone, PartialEq)]
struct Story {
    children: Vec<String>,
    language: PrintLanguage,
    who: Vec<String>,
    worries: Vec<String>,
    happened: Vec<String>,
    doing: Vec<String>,
}

fn story(c: &Case) -> Story {
    let names: Vec<String> = c
        .children
        .iter()
        .map(|ch| ch.first_name.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let map = c.current_map();
    let mut who: Vec<String> = Vec::new();
    for w in map.iter().flat_map(|m| &m.danger_statements) {
        let w = w.who_is_worried.trim();
        if !w.is_empty() && !who.iter().any(|x| x == w) {
            who.push(w.to_string());
        }
    }
    // Each person once: a worker already named by a danger statement
    // ("Priya and Sam are worried") is not listed again.
    let worried = who.clone();
    let named = |name: &str| {
        let first = name.split_whitespace().next().unwrap_or(name);
        worried.iter().any(|w| {
            w.split(|c: char| !c.is_alphanumeric())
                .any(|word| word == first)
        })
    };
    for w in &c.workers {
        if !w.name.trim().is_empty() && !named(w.name.trim()) {
            let role = w.role.trim().to_lowercase();
            who.push(if role.is_empty() {
                w.name.trim().to_string()
            } else {
                format!("{}, {role}", w.name.trim())
            });
        }
    }
    let worries = map
        .iter()
        .flat_map(|m| &m.danger_statements)
        .map(|d| c.danger_sentence(d, today()))
        .collect();
    let happened = map
        .iter()
        .flat_map(|m| m.entries_in(MapSection::Harm))
        .map(|e| e.text.trim().to_string())
        .collect();
    let doing = match c.documents.plans.last() {
        Some(plan) if !plan.actions.is_empty() => plan
            .actions
            .iter()
            .filter(|a| !a.what.trim().is_empty())
            .map(|a| match a.who.name(c) {
                Some(who) => format!("{who}: {}", a.what.trim()),
                None => a.what.trim().to_string(),
            })
            .collect(),
        _ => map
            .iter()
            .flat_map(|m| m.entries_in(MapSection::NextSteps))
            .map(|e| e.text.trim().to_string())
            .collect(),
    };
    Story {
        children: names,
        language: c.family_prints,
        who,
        worries,
        happened,
        doing,
    }
}

#[component]
pub fn WordsAndPicturesPrint() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let story = open.select(story);
    view! {
        <PrintLanguageChoice/>
        {move || {
            let s = story.get();
            let language = s.language;
            let part = |title: fn(&Catalogue) -> &'static str, lines: Vec<String>| {
                view! {
                    <section class="story-part">
                        <h2><InLanguages said=say(language, title)/></h2>
                        {if lines.is_empty() {
                            view! { <p class="story-blank"><InLanguages said=say(language, |c| c.story.write_together)/></p> }.into_any()
                        } else {
                            view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                        }}
                        <div class="drawing-space"><p><InLanguages said=say(language, |c| c.story.draw_here)/></p></div>
                    </section>
                }
            };
            let title = language
                .catalogues()
                .iter()
                .map(|c| {
                    let names = if s.children.is_empty() { c.story.you.to_string() } else { (c.join)(&s.children) };
                    (c.lang, fill(c.story.title_for, &[("names", &names)]))
                })
                .collect();
            view! {
                <article class=format!("print-doc words-pictures in-{}", language.slug()) lang=language.catalogues()[0].lang>
                    <h1 tabindex="-1"><InLanguages said=title/></h1>
                    <p class="print-sub"><InLanguages said=say(language, |c| c.story.sub)/></p>
                    {part(|c| c.story.who_is_worried, s.who)}
                    {part(|c| c.story.worried_about, s.worries)}
                    {part(|c| c.story.what_happened, s.happened)}
                    {part(|c| c.story.doing_now, s.doing)}
                </article>
            }
        }}
    }
}
