//! Words and Pictures: why people are worried, told for the children, with
//! space for the drawings made with them. Written from the map (who is
//! worried, what about, what happened) and the plan (what everyone is doing).

use leptos::prelude::*;

use crate::domain::safety_map::{join_names, MapSection};
use crate::domain::Case;
use crate::ui::cases::session::OpenCase;
use crate::ui::platform::browser::today;

#[derive(Clone, PartialEq)]
struct Story {
    children: String,
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
        children: if names.is_empty() {
            "you".into()
        } else {
            join_names(&names)
        },
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
    let part = |title: &'static str, lines: Vec<String>| {
        view! {
            <section class="story-part">
                <h2>{title}</h2>
                {if lines.is_empty() {
                    view! { <p class="story-blank">"We will write this together."</p> }.into_any()
                } else {
                    view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                }}
                <div class="drawing-space"><p>"Draw a picture here"</p></div>
            </section>
        }
    };
    view! {
        {move || {
            let s = story.get();
            view! {
                <article class="print-doc words-pictures">
                    <h1 tabindex="-1">{format!("Words and pictures for {}", s.children)}</h1>
                    <p class="print-sub">"Why some grown-ups are worried, and what everyone is doing to help."</p>
                    {part("Who is worried?", s.who)}
                    {part("What are they worried about?", s.worries)}
                    {part("What happened?", s.happened)}
                    {part("What is everyone doing about it now?", s.doing)}
                </article>
            }
        }}
    }
}
