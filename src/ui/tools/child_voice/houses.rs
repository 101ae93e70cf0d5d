//! Inside a house in child mode: what the child has put there, ways to add
//! more, and the house's name, picture and colour, which the child picks.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::{
    ChildEntry, HouseColour, HouseKind, HouseSymbol, ThreeHouses, Writer,
};
use crate::domain::choice::Choice;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::ui::components::per_child::{edit_child_doc, read_child_doc};
use crate::ui::platform::speech::ReadAloud;
use crate::ui::state::OpenCase;

use super::words_card::{start_on, AddWords, EditEntry, WordsCard};
use super::{house_colour, HouseSymbolIcon};

pub(super) fn edit_houses(open: OpenCase, child: Uuid, change: impl FnOnce(&mut ThreeHouses)) {
    edit_child_doc(open, child, |d| &mut d.three_houses, change);
}

/// Inside one house: the question, what the child has said, and ways to add.
#[component]
pub(super) fn HouseRoom(child: Uuid, kind: HouseKind) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let name = read_child_doc(
        open,
        child,
        |d| &d.three_houses,
        move |h| h.map_or(kind.title(), |h| h.name(kind)).to_string(),
    );
    let colour = read_child_doc(
        open,
        child,
        |d| &d.three_houses,
        move |h| house_colour(h, kind),
    );
    let ids = read_child_doc(
        open,
        child,
        |d| &d.three_houses,
        move |h| {
            h.map(|h| {
                h.house(kind)
                    .entries
                    .iter()
                    .map(|e| e.id)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        },
    );
    let drawing_now = RwSignal::new(None::<Uuid>);
    let add = Callback::new(move |(by, draw): (Writer, bool)| {
        let entry = ChildEntry::new(by, Utc::now());
        let id = entry.id;
        edit_houses(open, child, |h| h.house_mut(kind).entries.push(entry));
        start_on(id, draw, drawing_now);
    });
    view! {
        <div class="house-room" data-colour=colour>
            <div class="child-heading">
                <h1 tabindex="-1">{name}</h1>
                <ReadAloud text=name/>
            </div>
            <div class="child-heading">
                <p class="child-question">{kind.prompt()}</p>
                <ReadAloud text=kind.prompt().to_string() label="Hear the question"/>
            </div>
            <ul class="child-entries">
                <For each=move || ids.get() key=|id| *id let:id>
                    <EntryCard child kind id drawing_now/>
                </For>
            </ul>
            <AddWords add_id="house-add" on_add=add/>
            <ChangeHouse child kind/>
        </div>
    }
}

/// One thing in a house.
#[component]
fn EntryCard(
    child: Uuid,
    kind: HouseKind,
    id: Uuid,
    drawing_now: RwSignal<Option<Uuid>>,
) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let entry = read_child_doc(
        open,
        child,
        |d| &d.three_houses,
        move |h| h.and_then(|h| h.house(kind).entries.iter().find(|e| e.id == id).cloned()),
    );
    let edit: EditEntry = Callback::new(move |change: Box<dyn FnOnce(&mut ChildEntry)>| {
        edit_houses(open, child, |h| {
            if let Some(e) = h.entry_mut(id) {
                change(e);
            }
        });
    });
    let take_away = Callback::new(move |()| edit_houses(open, child, |h| h.remove_entry(id)));
    view! {
        <WordsCard id entry=entry.into() edit on_take_away=take_away then_focus="house-add" drawing_now/>
    }
}

/// The child renames their house and picks its symbol and colour.
#[component]
fn ChangeHouse(child: Uuid, kind: HouseKind) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let house = read_child_doc(
        open,
        child,
        |d| &d.three_houses,
        move |h| {
            h.map(|h| (h.house(kind).name.clone(), h.symbol(kind), h.colour(kind)))
                .unwrap_or((String::new(), kind.default_symbol(), kind.default_colour()))
        },
    );
    let slug = kind.slug();
    view! {
        <details class="change-house">
            <summary class="child-button">"Change my house"</summary>
            <div class="form-group">
                <label class="child-label" for=format!("house-{slug}-name")>"My house's name"</label>
                <input maxlength=MAX_TEXT_CHARS id=format!("house-{slug}-name") class="input child-input" type="text"
                    placeholder=kind.title()
                    prop:value=move || house.get().0
                    on:input=move |ev| {
                        let name = event_target_value(&ev);
                        edit_houses(open, child, |h| h.house_mut(kind).name = name);
                    }/>
            </div>
            <fieldset class="child-choices">
                <legend class="child-label">"My house's picture"</legend>
                {HouseSymbol::ALL.iter().copied().map(|symbol| {
                    let radio = format!("house-{slug}-symbol-{}", symbol.title().to_lowercase());
                    view! {
                        <span class="choice">
                            <input type="radio" name=format!("house-{slug}-symbol") id=radio.clone()
                                prop:checked=move || house.get().1 == symbol
                                on:change=move |_| edit_houses(open, child, |h| h.house_mut(kind).symbol = Some(symbol))/>
                            <label for=radio><HouseSymbolIcon symbol/>{symbol.title()}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="child-choices">
                <legend class="child-label">"My house's colour"</legend>
                {HouseColour::ALL.iter().copied().map(|colour| {
                    let radio = format!("house-{slug}-colour-{}", colour.title().to_lowercase());
                    view! {
                        <span class="choice">
                            <input type="radio" name=format!("house-{slug}-colour") id=radio.clone()
                                prop:checked=move || house.get().2 == colour
                                on:change=move |_| edit_houses(open, child, |h| h.house_mut(kind).colour = Some(colour))/>
                            <label for=radio><span class="swatch" data-colour=colour.slug() aria-hidden="true"></span>{colour.title()}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
}
