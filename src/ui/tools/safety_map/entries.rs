//! One section of the map (harm, danger, strengths…): its entries, each
//! with who said it and when, and a quick form to add one.
//!
//! Entries move up and down with buttons, to another section with a
//! "Move to" list, or by dragging onto another section. Deleting one can be
//! undone.

use crate::domain::choice::Choice;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::language::dates;
use crate::domain::language::text::shorten;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::person_ref::PersonRef;
use crate::domain::safety_map::{MapEntry, MapSection};
use crate::domain::Case;
use crate::ui::components::fields::{input_date, PersonPicker};
use crate::ui::platform::browser::focus_later;
use crate::ui::state::draft::{keep_draft, Draft};
use crate::ui::state::OpenCase;

use super::{edit_map, read_map, ChildrenChoice, Deleted, Dragging, Speaker};

/// The first words of an entry, for labels and notices.
pub(super) fn short(text: &str) -> String {
    shorten(text, 40)
}

/// Drag-and-drop carries the entry's id under this type.
const DRAG_TYPE: &str = "application/x-kinplan-entry";

/// Entries drawn per section before "Show more": a real meeting fills a
/// section with tens, and a map of thousands still opens at once.
const PAGE: usize = 100;

#[component]
pub(super) fn EntrySection(map: Uuid, section: MapSection, editable: bool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let all = read_map(open, map, move |m| {
        m.entries_in(section).map(|e| e.id).collect::<Vec<_>>()
    });
    let shown = RwSignal::new(PAGE);
    let ids = Memo::new(move |_| {
        all.with(|all| all.iter().take(shown.get()).copied().collect::<Vec<_>>())
    });
    let not_shown = move || all.with(Vec::len).saturating_sub(shown.get());
    let heading = format!("section-{}", section.slug());
    let over = RwSignal::new(false);
    let Dragging(dragging) = expect_context::<Dragging>();
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        // The dragged entry is drawn again in its new section, so its own
        // dragend never arrives.
        dragging.set(false);
        let id = ev
            .data_transfer()
            .and_then(|d| d.get_data(DRAG_TYPE).ok())
            .and_then(|t| t.parse::<Uuid>().ok());
        if let Some(id) = id {
            edit_map(open, map, |m| {
                if m.entries.iter().any(|e| e.id == id && e.section != section) {
                    m.move_to(id, section)
                }
            });
        }
    };
    view! {
        <section class="map-section" class:drop-target=move || over.get() aria-labelledby=format!("section-{}", section.slug())
            on:dragenter=move |ev| if editable { ev.prevent_default() }
            on:dragover=move |ev| if editable { ev.prevent_default(); over.set(true) }
            on:dragleave=move |_| over.set(false)
            on:drop=drop>
            <h3 id=heading>{section.title()}</h3>
            <p class="hint">{section.hint()}</p>
            <ul class="entries">
                <For each=move || ids.get() key=|id| *id let:id>
                    <EntryCard map id editable/>
                </For>
            </ul>
            <Show when=move || { not_shown() > 0 }>
                <button type="button" class="button button-secondary" on:click=move |_| shown.update(|s| *s = s.saturating_add(PAGE))>
                    {move || format!("Show more ({} not shown)", not_shown())}
                </button>
            </Show>
            // What is added is shown, however long the section.
            {editable.then(|| view! { <AddEntry map section on_added=Callback::new(move |()| shown.set(usize::MAX))/> })}
        </section>
    }
}

#[component]
fn AddEntry(map: Uuid, section: MapSection, on_added: Callback<()>) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let draft = Draft::new(case_id, format!("map-{map}-{}", section.slug()));
    let text = RwSignal::new(draft.value::<String>().unwrap_or_default());
    keep_draft(draft, move || text.get(), |t| t.is_empty());
    let Speaker(said_by) = expect_context::<Speaker>();
    let map_date = read_map(open, map, |m| m.date);
    let field = format!("add-{}", section.slug());
    let add = move || {
        let words = text.get_untracked();
        if words.trim().is_empty() {
            return;
        }
        let entry = MapEntry {
            id: Uuid::new_v4(),
            section,
            text: words.trim().to_string(),
            said_by: said_by.get_untracked(),
            date: map_date.get_untracked(),
            children: Vec::new(),
        };
        edit_map(open, map, |m| m.entries.push(entry));
        on_added.run(());
        // Ready for the next thing said; the speaker stays until changed.
        text.set(String::new());
        draft.clear();
    };
    // Ctrl+Enter adds, so a worker typing at a meeting keeps their hands on the keys.
    let submit_on_ctrl_enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            add();
        }
    };
    view! {
        <form class="add-entry" on:submit=move |ev| { ev.prevent_default(); add() } novalidate>
            <div class="form-group">
                <label class="label" for=field.clone()>{format!("Add to {}", section.title().to_lowercase())}</label>
                <p class="hint" id=format!("{field}-hint")>"Ctrl+Enter adds it."</p>
                <textarea maxlength=MAX_TEXT_CHARS aria-describedby=format!("{field}-hint") id=field.clone() class="textarea" rows="2" prop:value=text
                    on:input=move |ev| text.set(event_target_value(&ev)) on:keydown=submit_on_ctrl_enter></textarea>
            </div>
            <button type="submit" class="button button-secondary">{format!("Add to {}", section.title().to_lowercase())}</button>
        </form>
    }
}

#[component]
fn EntryCard(map: Uuid, id: Uuid, editable: bool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let Deleted(deleted) = expect_context::<Deleted>();
    let Dragging(dragging) = expect_context::<Dragging>();
    let entry = read_map(open, map, move |m| {
        m.entries.iter().find(|e| e.id == id).cloned()
    });
    let editing = RwSignal::new(false);
    let edit = move |change: Box<dyn FnOnce(&mut MapEntry)>| {
        edit_map(open, map, |m| {
            if let Some(e) = m.entries.iter_mut().find(|e| e.id == id) {
                change(e)
            }
        })
    };
    let text = move || entry.with(|e| e.as_ref().map(|e| e.text.clone()).unwrap_or_default());
    let about = move || {
        open.case().with(|c| {
            entry.with(|e| {
                let Some(e) = e else { return String::new() };
                let who = e.said_by.name(c).unwrap_or_else(|| "Not recorded".into());
                let kids = c.child_names(&e.children, e.date);
                let mut line = format!("{who}, {}", dates::day_month_year(e.date));
                if !e.children.is_empty() && !kids.is_empty() {
                    line.push_str(&format!(
                        ". About {}",
                        crate::domain::safety_map::join_names(&kids)
                    ));
                }
                line
            })
        })
    };
    let section = move || entry.with(|e| e.as_ref().map(|e| e.section));
    let f = move |s: &str| format!("entry-{id}-{s}");
    let remove = move |_| {
        let mut removed = None;
        edit_map(open, map, |m| removed = m.remove_entry(id));
        if let Some((at, e)) = removed {
            deleted.set(Some((map, at, e)));
            focus_later("map-undo".into());
        }
    };
    let said_by = Signal::derive(move || {
        entry.with(|e| e.as_ref().map(|e| e.said_by.clone()).unwrap_or_default())
    });
    view! {
        <li class="entry" draggable=editable.then_some("true")
            on:dragstart=move |ev: leptos::ev::DragEvent| if let Some(d) = ev.data_transfer() { let _ = d.set_data(DRAG_TYPE, &id.to_string()); dragging.set(true); }
            on:dragend=move |_| dragging.set(false)>
            <Show when=move || editing.get() fallback=move || view! {
                <p class="entry-text">{text}</p>
                <p class="entry-about">{about}</p>
            }>
                <div class="form-group">
                    <label class="label" for=f("text")>"What was said"</label>
                    <textarea maxlength=MAX_TEXT_CHARS id=f("text") class="textarea" rows="3" prop:value=text
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |e| e.text = v)) }></textarea>
                </div>
                <PersonPicker id=f("who") label="Who said it" other="Someone else" name_label="Their name or role"
                    people=open.select(Case::people) value=said_by on_change=Callback::new(move |p: PersonRef| edit(Box::new(move |e| e.said_by = p)))/>
                <div class="form-group">
                    <label class="label" for=f("date")>"When"</label>
                    <input id=f("date") class="input" type="date"
                        prop:value=move || entry.with(|e| e.as_ref().map(|e| e.date.to_string()).unwrap_or_default())
                        on:input=move |ev| if let Some(day) = input_date(&event_target_value(&ev)) { edit(Box::new(move |e| e.date = day)) }/>
                </div>
                <ChildrenChoice id=format!("entry-{id}") legend="About which children? Leave all unticked for all of them."
                    chosen=Signal::derive(move || entry.with(|e| e.as_ref().map(|e| e.children.clone()).unwrap_or_default()))
                    on_change=Callback::new(move |list| edit(Box::new(move |e| e.children = list)))/>
            </Show>
            {editable.then(|| view! {
                <div class="entry-tools">
                    <button id=f("edit") type="button" class="button-link" aria-expanded=move || editing.get().to_string()
                        on:click=move |_| editing.update(|e| *e = !*e)>
                        {move || if editing.get() { "Done" } else { "Edit" }}
                        <span class="visually-hidden">{move || format!(" \u{201c}{}\u{201d}", short(&text()))}</span>
                    </button>
                    <button type="button" class="button-link" on:click=move |_| edit_map(open, map, |m| m.reorder(id, -1))>
                        "Up"<span class="visually-hidden">{move || format!(": move \u{201c}{}\u{201d} up", short(&text()))}</span>
                    </button>
                    <button type="button" class="button-link" on:click=move |_| edit_map(open, map, |m| m.reorder(id, 1))>
                        "Down"<span class="visually-hidden">{move || format!(": move \u{201c}{}\u{201d} down", short(&text()))}</span>
                    </button>
                    <label class="visually-hidden" for=f("move")>{move || format!("Move \u{201c}{}\u{201d} to another section", short(&text()))}</label>
                    <select id=f("move") class="select select-small" on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        if let Some(to) = MapSection::ALL.iter().copied().find(|s| s.slug() == slug) {
                            edit_map(open, map, |m| m.move_to(id, to));
                            // It is drawn again in its new section: keep the keyboard on it.
                            focus_later(f("move"));
                        }
                    }>
                        {move || MapSection::ALL.iter().copied().map(|s| {
                            let here = section() == Some(s);
                            view! { <option value=s.slug() selected=here>{if here { format!("In {}", s.title().to_lowercase()) } else { format!("Move to {}", s.title().to_lowercase()) }}</option> }
                        }).collect_view()}
                    </select>
                    <button type="button" class="button-link button-link-warning" on:click=remove>
                        "Delete"<span class="visually-hidden">{move || format!(" \u{201c}{}\u{201d}", short(&text()))}</span>
                    </button>
                </div>
            })}
        </li>
    }
}
