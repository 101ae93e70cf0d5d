//! The Signs of Safety map, built live with the family: what we are
//! worried about, what is working well and what needs to happen; danger
//! statements paired with safety goals; bottom lines; and everyone's
//! scaling, version by version.
//!
//! The rules (pairing, versions, the danger-statement sentence) live in
//! `domain::safety_map`; these components only show and edit them. Earlier
//! versions are shown read-only: a review starts a new version, copied from
//! the latest, so what was said at each meeting stays as it was said.

mod dangers;
mod entries;
pub mod print;
mod scaling;
pub mod words_and_pictures;

use crate::domain::choice::Choice;
use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::person_ref::PersonRef;
use crate::domain::safety_map::{MapColumn, MapEntry, SafetyMap};
use crate::domain::Case;
use crate::route::{PrintView, Route};
use crate::ui::components::fields::PersonPicker;
use crate::ui::components::versions::{shown_version, DatedStart, Versions};
use crate::ui::platform::browser::focus_later;
use crate::ui::platform::pieces::piece;
use crate::ui::state::OpenCase;

use dangers::{BottomLines, DangerStatements};
use entries::EntrySection;
use scaling::{Scaling, ScoresOverTime};

/// Changes one version of the map.
fn edit_map(open: OpenCase, map: Uuid, change: impl FnOnce(&mut SafetyMap)) {
    open.edit_document(|d| &mut d.safety_maps, map, change);
}

/// Reads part of one version of the map, as a memo.
fn read_map<T: Default + Clone + PartialEq + Send + Sync + 'static>(
    open: OpenCase,
    map: Uuid,
    part: impl Fn(&SafetyMap) -> T + Send + Sync + 'static,
) -> Signal<T> {
    open.read_document(|d| &d.safety_maps, map, part)
}

/// Who is speaking at the meeting: every "Add" form uses them, so a
/// parent's words in several sections need them chosen once.
#[derive(Clone, Copy)]
struct Speaker(RwSignal<PersonRef>);

/// An entry is being dragged: the fields in the sections stop taking
/// pointer events, so a drop anywhere in a section lands on the section.
#[derive(Clone, Copy)]
struct Dragging(RwSignal<bool>);

/// The last entry deleted, for Undo.
#[derive(Clone, Copy)]
struct Deleted(RwSignal<Option<(Uuid, usize, MapEntry)>>);

piece! {
    /// The map, from its piece of the app (fetched the first time it opens).
    safety_map: pub fn page() { view! { <SafetyMapPage/> }.into_any() }
}

#[component]
pub fn SafetyMapPage() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let versions = open.select(|c| {
        c.documents
            .safety_maps
            .iter()
            .map(|m| (m.id, m.date))
            .collect::<Vec<_>>()
    });
    // None: the latest version.
    let chosen = RwSignal::new(None::<Uuid>);
    let shown = shown_version(versions, chosen);
    let start_review = Callback::new(move |day: NaiveDate| {
        open.edit(|c| {
            if let Some(latest) = c.current_map() {
                let next = latest.start_review(day, Utc::now());
                c.documents.safety_maps.push(next);
            }
        });
    });
    let deleted = Deleted(RwSignal::new(None));
    provide_context(deleted);
    provide_context(Speaker(RwSignal::new(PersonRef::default())));
    let dragging = RwSignal::new(false);
    provide_context(Dragging(dragging));
    view! {
        <div class="map-page">
            <h1 tabindex="-1">"Signs of Safety map"</h1>
            <p class="lead">"Write what people say, in their words: what we are worried about, what is working well, and what needs to happen."</p>
            <Show when=move || shown.get().is_some()>
                <div class="button-group">
                    <a class="button button-secondary" href=Route::Print(case_id, PrintView::SafetyMap).href()>"Print the map"</a>
                    <a class="button button-secondary" href=Route::Print(case_id, PrintView::WordsAndPictures).href()>"Print Words and Pictures for the children"</a>
                </div>
            </Show>
            {move || match shown.get() {
                None => view! { <StartMap/> }.into_any(),
                Some(shown) => view! {
                    <Versions id="map" document="map" date_label="Review on" date_id="review-date"
                        no_date="Enter the date of the review." start_label="Start a review" shown chosen versions on_start=start_review/>
                    {shown.editable.then(|| view! { <SpeakerBar/> })}
                    <DeletedNotice/>
                    <div class="map-columns" class:dragging=move || dragging.get()>
                        {MapColumn::ALL.iter().copied().map(|column| view! {
                            <section class="map-column" aria-labelledby=format!("column-{}", column.slug())>
                                <h2 id=format!("column-{}", column.slug())>{column.title()}</h2>
                                {column.sections().iter().map(|&section| view! {
                                    <EntrySection map=shown.id section editable=shown.editable/>
                                }).collect_view()}
                            </section>
                        }).collect_view()}
                    </div>
                    <DangerStatements map=shown.id editable=shown.editable/>
                    <BottomLines map=shown.id editable=shown.editable/>
                    <Scaling map=shown.id editable=shown.editable/>
                    <ScoresOverTime/>
                }.into_any(),
            }}
        </div>
    }
}

/// The first map of a case, dated the day of the meeting.
#[component]
fn StartMap() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let start = Callback::new(move |day| {
        open.edit(|c| {
            c.documents
                .safety_maps
                .push(SafetyMap::new(day, Utc::now()))
        });
        // The button that had focus is gone: the map's first field takes
        // it, not the page.
        focus_later("speaker".into());
    });
    view! {
        <p>"There is no map for this family yet."</p>
        <DatedStart date_id="map-date" date_label="Date of the meeting" no_date="Enter the date of the meeting."
            button="Start the map" on_start=start/>
    }
}

/// Who is speaking, chosen once for every section; it stays in view while
/// the worker scrolls the map.
#[component]
fn SpeakerBar() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let Speaker(speaker) = expect_context::<Speaker>();
    let bar = NodeRef::<leptos::html::Div>::new();
    // A control that takes focus under the sticky bar is scrolled clear
    // of it (WCAG 2.2, 2.4.11). The browser scrolls only a control that is
    // out of view; one half under the bar it leaves there. Only for the
    // keyboard: a pointer sees what it points at, and scrolling under it
    // would move a drag's drop target.
    let by_keyboard = StoredValue::new(false);
    let keys = window_event_listener(leptos::ev::keydown, move |_| by_keyboard.set_value(true));
    let pointer = window_event_listener(leptos::ev::pointerdown, move |_| {
        by_keyboard.set_value(false)
    });
    let focus = window_event_listener(leptos::ev::focusin, move |ev| {
        if !by_keyboard.get_value() {
            return;
        }
        let (Some(bar), Some(target)) = (
            bar.get_untracked(),
            ev.target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()),
        ) else {
            return;
        };
        if bar.contains(Some(&target)) {
            return;
        }
        let (under, clear) = (
            target.get_bounding_client_rect(),
            bar.get_bounding_client_rect(),
        );
        if under.top() < clear.bottom() && under.bottom() > clear.top() {
            window().scroll_by_with_x_and_y(0.0, under.top() - clear.bottom() - 16.0);
        }
    });
    on_cleanup(move || {
        focus.remove();
        keys.remove();
        pointer.remove();
    });
    view! {
        <div class="speaker-bar" node_ref=bar>
            <PersonPicker id="speaker".into() label="Who is speaking now" other="Someone else" name_label="Their name or role"
                people=open.select(Case::people) value=speaker
                on_change=Callback::new(move |p| speaker.set(p))/>
        </div>
    }
}

/// Which of the case's children something is about; none ticked means all.
#[component]
fn ChildrenChoice(
    /// Starts each checkbox's id.
    id: String,
    legend: &'static str,
    #[prop(into)] chosen: Signal<Vec<Uuid>>,
    on_change: Callback<Vec<Uuid>>,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let children = open.select(|c| {
        c.children
            .iter()
            .map(|ch| (ch.id, ch.first_name.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="fieldset">
            <legend class="label">{legend}</legend>
            {move || children.get().into_iter().map(|(cid, name)| {
                let box_id = format!("{id}-child-{cid}");
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=box_id.clone() disabled=disabled
                            prop:checked=move || chosen.with(|c| c.contains(&cid))
                            on:change=move |ev| {
                                let mut list = chosen.get_untracked();
                                list.retain(|c| *c != cid);
                                if event_target_checked(&ev) {
                                    list.push(cid);
                                }
                                on_change.run(list);
                            }/>
                        <label for=box_id>{name}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// "Deleted … Undo", after an entry is deleted.
#[component]
fn DeletedNotice() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let Deleted(deleted) = expect_context::<Deleted>();
    let undo = move |_| {
        if let Some((map, at, entry)) = deleted.get_untracked() {
            let id = entry.id;
            edit_map(open, map, |m| m.restore_entry(at, entry));
            deleted.set(None);
            focus_later(format!("entry-{id}-edit"));
        }
    };
    view! {
        <div role="status" class="map-notice">
            {move || deleted.get().map(|(_, _, entry)| view! {
                <p class="notice">
                    {format!("Deleted \u{201c}{}\u{201d}. ", entries::short(&entry.text))}
                    <button id="map-undo" type="button" class="button button-secondary" on:click=undo>"Undo"</button>
                </p>
            })}
        </div>
    }
}
