//! The genogram and the ecomap: the family tree drawn from the case's
//! people and the relatives added here (`drawing.rs`), and the family among
//! the services and people around it (`ecomap.rs`).
//!
//! The worker never draws: they say who is who (`domain::genogram`), and
//! the layout places everyone. Everything is edited by keyboard through
//! forms, and each drawing has its text beside it for screen readers.

mod drawing;
mod ecomap;
pub mod print;

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::choice::Choice;
use crate::domain::genogram::layout::{lay_out, Layout};
use crate::domain::genogram::{
    family, named_relationships, sentences, Genogram, GenogramError, RelationshipKind, Symbol,
};
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::route::{PrintView, Route};
use crate::ui::platform::browser::focus_later;
use crate::ui::platform::pieces::piece;
use crate::ui::state::OpenCase;

pub use drawing::GenogramDrawing;
pub use ecomap::{EcomapDrawing, EcomapText};

fn edit_genogram(open: OpenCase, change: impl FnOnce(&mut Genogram)) {
    open.edit(|c| {
        change(&mut c.documents.genogram);
        c.documents.genogram.touch(chrono::Utc::now());
    });
}

piece! {
    /// The genogram and ecomap, from their piece of the app.
    genogram: pub fn page() { view! { <GenogramPage/> }.into_any() }
}

#[component]
pub fn GenogramPage() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let layout = open.select(lay_out);
    view! {
        <h1 tabindex="-1">"Genogram"</h1>
        <p class="lead">"The family over three generations or more. Say who is who below; Kinplan draws it. The case's children and network are here already: add grandparents, aunts, uncles and cousins as relatives."</p>
        <div class="button-group">
            <a class="button button-secondary" href=Route::Print(case_id, PrintView::Genogram).href()>"Print the genogram"</a>
            <a class="button button-secondary" href=Route::Print(case_id, PrintView::Ecomap).href()>"Print the ecomap"</a>
        </div>
        {move || {
            let problems = layout.with(|l| l.problems.iter().map(|p| p.message()).collect::<Vec<_>>());
            (!problems.is_empty()).then(|| view! {
                <div class="warning-text" role="note">
                    <p><strong>"Something here cannot be right:"</strong></p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <figure class="genogram">
            <figcaption id="genogram-caption">{move || format!(
                "The genogram: {} people over {} generations. The same is written out below.",
                layout.with(|l| l.people.len()), layout.with(|l| l.generations())
            )}</figcaption>
            <GenogramDrawing layout caption_id="genogram-caption"/>
        </figure>
        <GenogramText layout/>
        <AddRelative/>
        <Relationships/>
        <People/>
        <ecomap::EcomapSection/>
    }
}

/// The drawing in words: each person and each relationship.
#[component]
pub fn GenogramText(layout: Memo<Layout>) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let said = open.select(sentences);
    let people = Memo::new(move |_| {
        layout.with(|layout| {
            layout
                .people
                .iter()
                .map(|p| {
                    let mut about = vec![p
                        .details
                        .symbol
                        .title()
                        .split(" (")
                        .next()
                        .unwrap_or("")
                        .to_string()];
                    if !p.details.gender.trim().is_empty() {
                        about.push(format!(
                            "describes their gender as {}",
                            p.details.gender.trim()
                        ));
                    }
                    if let Some(born) = p.details.born {
                        about.push(format!("born {born}"));
                    }
                    if p.details.deceased {
                        about.push("has died".into());
                    }
                    if p.details.household {
                        about.push("lives in the household".into());
                    }
                    if p.subject {
                        about.push("a child of this case".into());
                    }
                    format!(
                        "{} (generation {}): {}.",
                        p.name,
                        p.generation + 1,
                        about.join(", ")
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="genogram-text" aria-labelledby="genogram-text-heading">
            <h2 id="genogram-text-heading">"Who is who"</h2>
            <ul>{move || people.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            <Show when=move || !said.with(Vec::is_empty) fallback=|| view! { <p>"No relationships yet."</p> }>
                <ul class="genogram-sentences">{move || said.get().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            </Show>
        </section>
    }
}

#[component]
fn AddRelative() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let name = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        if typed.trim().is_empty() {
            return focus_later("relative-name".into());
        }
        edit_genogram(open, |g| {
            g.add_relative(&typed);
        });
        name.set(String::new());
        focus_later("relative-name".into());
    };
    view! {
        <form class="add-relative" on:submit=add>
            <h2>"Add a relative"</h2>
            <div class="form-group">
                <label class="label" for="relative-name">"Their name"</label>
                <p class="hint" id="relative-name-hint">"Someone in the family who is not on the case: \u{201c}Grandad Jan\u{201d}, \u{201c}Auntie Ewa\u{201d}."</p>
                <input id="relative-name" class="input input-medium" type="text" maxlength=MAX_TEXT_CHARS autocomplete="off"
                    aria-describedby="relative-name-hint" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button button-secondary">"Add the relative"</button>
        </form>
    }
}

/// "Who is who": a person, a relationship, another person.
#[component]
fn Relationships() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let people = open.select(family);
    let from = RwSignal::new(String::new());
    let kind = RwSignal::new(RelationshipKind::ParentOf);
    let to = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(a), Ok(b)) = (
            from.get_untracked().parse::<Uuid>(),
            to.get_untracked().parse::<Uuid>(),
        ) else {
            error.set(Some("Choose both people.".into()));
            return focus_later("relate-from".into());
        };
        let mut made: Result<Uuid, GenogramError> = Err(GenogramError::SamePerson);
        edit_genogram(open, |g| made = g.relate(a, kind.get_untracked(), b));
        match made {
            Ok(_) => {
                error.set(None);
                focus_later("relate-from".into());
            }
            Err(why) => {
                error.set(Some(why.to_string()));
                focus_later("relate-to".into());
            }
        }
    };
    // Someone taken off the genogram is no longer chosen.
    Effect::new(move |_| {
        people.with(|list| {
            for chosen in [from, to] {
                let gone = chosen.with_untracked(|id| {
                    !id.is_empty() && !list.iter().any(|(p, _)| p.to_string() == *id)
                });
                if gone {
                    chosen.set(String::new());
                }
            }
        })
    });
    let options = move || {
        people
            .get()
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
            .collect_view()
    };
    let ties = open.select(|c| {
        named_relationships(c)
            .into_iter()
            .map(|(r, from, to)| {
                let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
                (r.id, format!("{from} {} {to}", r.kind.title()))
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section aria-labelledby="relationships-heading">
            <h2 id="relationships-heading">"Relationships"</h2>
            <form class="relate" on:submit=add>
                {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
                <div class="relate-row">
                    <div class="form-group">
                        <label class="label" for="relate-from">"Who"</label>
                        <select id="relate-from" class="select" prop:value=from on:change=move |ev| from.set(event_target_value(&ev))>
                            <option value="">"Choose someone"</option>
                            {options}
                        </select>
                    </div>
                    <div class="form-group">
                        <label class="label" for="relate-kind">"Relationship"</label>
                        <select id="relate-kind" class="select" on:change=move |ev| {
                            if let Some(k) = RelationshipKind::from_slug(&event_target_value(&ev)) { kind.set(k); }
                        }>
                            {RelationshipKind::ALL.iter().map(|k| view! { <option value=k.slug()>{k.title()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="form-group">
                        <label class="label" for="relate-to">"Whom"</label>
                        <select id="relate-to" class="select" prop:value=to on:change=move |ev| to.set(event_target_value(&ev))>
                            <option value="">"Choose someone"</option>
                            {options}
                        </select>
                    </div>
                </div>
                <button type="submit" class="button button-secondary">"Add the relationship"</button>
            </form>
            <ul class="relationship-list">
                <For each=move || ties.get() key=|t| t.clone() let:tie>
                    <li>
                        {tie.1.clone()}" "
                        <button type="button" class="button-link" on:click=move |_| edit_genogram(open, |g| g.remove_relationship(tie.0))>
                            "Remove"<span class="visually-hidden">{format!(": {}", tie.1)}</span>
                        </button>
                    </li>
                </For>
            </ul>
        </section>
    }
}

/// What the genogram knows of each person, to fill in.
#[component]
fn People() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let people = open.select(family);
    view! {
        <section aria-labelledby="genogram-people-heading">
            <h2 id="genogram-people-heading">"About each person"</h2>
            <For each=move || people.get() key=|p| p.clone() let:person>
                <PersonForm id=person.0 name=person.1/>
            </For>
        </section>
    }
}

#[component]
fn PersonForm(id: Uuid, name: String) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let details = open.select(move |c| {
        c.documents
            .genogram
            .details_of(id)
            .cloned()
            .unwrap_or_default()
    });
    let relative = open.select(move |c| c.documents.genogram.relatives.iter().any(|r| r.id == id));
    let prefix = format!("person-{id}");
    let set = move |change: Box<dyn FnOnce(&mut crate::domain::genogram::PersonDetails)>| {
        edit_genogram(open, |g| change(g.details_mut(id)));
    };
    let name_again = StoredValue::new(name.clone());
    let born_text = RwSignal::new(
        details
            .get_untracked()
            .born
            .map(|b| b.to_string())
            .unwrap_or_default(),
    );
    view! {
        <details class="genogram-person">
            <summary>{name.clone()}</summary>
            <div class="form-group">
                <label class="label" for=format!("{prefix}-symbol")>"Drawn as"</label>
                <select id=format!("{prefix}-symbol") class="select" on:change=move |ev| {
                    if let Some(s) = Symbol::from_slug(&event_target_value(&ev)) { set(Box::new(move |d| d.symbol = s)); }
                }>
                    {Symbol::ALL.iter().map(|s| {
                        let s = *s;
                        view! { <option value=s.slug() selected=move || details.with(|d| d.symbol == s)>{s.title()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for=format!("{prefix}-gender")>"Sex or gender, in their words"</label>
                <input id=format!("{prefix}-gender") class="input input-medium" type="text" maxlength=MAX_TEXT_CHARS
                    prop:value=move || details.with(|d| d.gender.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |d| d.gender = v)); }/>
            </div>
            <div class="form-group">
                <label class="label" for=format!("{prefix}-born")>"Year of birth"</label>
                <p class="hint" id=format!("{prefix}-born-hint")>"Four figures, like 1962. Leave it blank if it is not known."</p>
                <input id=format!("{prefix}-born") class="input input-short" type="text" inputmode="numeric" maxlength="4" autocomplete="off"
                    aria-describedby=format!("{prefix}-born-hint")
                    prop:value=born_text on:input=move |ev| {
                        let v = event_target_value(&ev);
                        born_text.set(v.clone());
                        let year = v.trim().parse::<i32>().ok().filter(|y| (1850..=2100).contains(y));
                        if year.is_some() || v.trim().is_empty() {
                            set(Box::new(move |d| d.born = year));
                        }
                    }/>
            </div>
            <div class="checkbox">
                <input type="checkbox" id=format!("{prefix}-deceased") prop:checked=move || details.with(|d| d.deceased)
                    on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |d| d.deceased = on)); }/>
                <label for=format!("{prefix}-deceased")>"Has died"</label>
            </div>
            <div class="checkbox">
                <input type="checkbox" id=format!("{prefix}-household") prop:checked=move || details.with(|d| d.household)
                    on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |d| d.household = on)); }/>
                <label for=format!("{prefix}-household")>"Lives in the children's household"</label>
            </div>
            <div class="button-group">
                <button type="button" class="button button-secondary" on:click=move |_| set(Box::new(|d| d.order -= 1))>
                    "Move left"<span class="visually-hidden">{format!(": {name}")}</span>
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| set(Box::new(|d| d.order += 1))>
                    "Move right"<span class="visually-hidden">{format!(": {name}")}</span>
                </button>
                {move || relative.get().then(|| view! {
                    <button type="button" class="button button-warning" on:click=move |_| edit_genogram(open, |g| g.remove_person(id))>
                        "Remove this relative"<span class="visually-hidden">{format!(": {}", name_again.get_value())}</span>
                    </button>
                })}
            </div>
        </details>
    }
}
