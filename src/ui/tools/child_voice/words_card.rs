//! One thing the child said or drew, in child mode: their words (kept
//! exactly), a drawing pad, "Hear it", "Just for me and my worker", and
//! "Take this away". The same card serves every list a child fills in: a
//! house, their safety plan's rules and the people they can go to.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::drawing::Drawing;
use crate::domain::child_voice::{ChildEntry, Writer};
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::ui::platform::browser::day;
use crate::ui::platform::speech::ReadAloud;

use super::drawing::DrawingPad;
use super::TakeAway;

/// A change to one entry, made by the list that holds it.
pub type EditEntry = Callback<Box<dyn FnOnce(&mut ChildEntry)>>;

/// The text box's id for the entry `id`, for moving focus to it.
pub fn words_id(id: Uuid) -> String {
    format!("entry-{id}-text")
}

/// `drawing_now` is the entry whose pad was just asked for; `then_focus`
/// the id of the list's "Add" button, where focus goes once it is taken
/// away. `children` come first in the card: whose rule or which person.
#[component]
pub fn WordsCard(
    id: Uuid,
    entry: Signal<Option<ChildEntry>>,
    edit: EditEntry,
    on_take_away: Callback<()>,
    then_focus: &'static str,
    drawing_now: RwSignal<Option<Uuid>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let text = Signal::derive(move || {
        entry.with(|e| e.as_ref().map(|e| e.text.clone()).unwrap_or_default())
    });
    let drawing = Signal::derive(move || {
        entry.with(|e| e.as_ref().map(|e| e.drawing.clone()).unwrap_or_default())
    });
    let by = move || entry.with(|e| e.as_ref().map_or(Writer::Child, |e| e.by));
    // A memo, so the pad is made once and not again with every stroke.
    let show_pad =
        Memo::new(move |_| drawing_now.get() == Some(id) || drawing.with(|d| !d.is_empty()));
    let text_id = words_id(id);
    let private_id = format!("entry-{id}-private");
    view! {
        <li class="child-entry">
            {children.map(|c| c())}
            // A drawing comes first, with room for words under it.
            {move || show_pad.get().then(|| view! {
                <DrawingPad id=format!("entry-{id}") drawing
                    on_change=Callback::new(move |d: Drawing| edit.run(Box::new(move |e| e.drawing = d)))/>
            })}
            <label class="child-label" for=text_id.clone()>
                {move || match (by(), show_pad.get()) {
                    (Writer::Worker, _) => "My worker wrote",
                    (Writer::Child, false) => "My words",
                    (Writer::Child, true) => "Words for my drawing, if I want",
                }}
            </label>
            <textarea maxlength=MAX_TEXT_CHARS id=text_id class="textarea child-text" rows="3"
                prop:value=text on:input=move |ev| {
                    let value = event_target_value(&ev);
                    edit.run(Box::new(move |e| e.text = value));
                }></textarea>
            <div class="child-entry-tools">
                <ReadAloud text/>
                {move || (!show_pad.get()).then(|| view! {
                    <button type="button" class="child-button child-button-small" on:click=move |_| drawing_now.set(Some(id))>"Draw here"</button>
                })}
            </div>
            <div class="checkbox child-check">
                <input type="checkbox" id=private_id.clone()
                    prop:checked=move || entry.with(|e| e.as_ref().is_some_and(|e| e.just_for_me))
                    on:change=move |ev| {
                        let private = event_target_checked(&ev);
                        edit.run(Box::new(move |e| e.just_for_me = private));
                    }/>
                <label for=private_id>"Just for me and my worker"</label>
            </div>
            <p class="child-meta">
                {move || entry.with(|e| e.as_ref().map(|e| day(e.written)).unwrap_or_default())}
                " "
                <TakeAway then_focus on_confirm=on_take_away/>
            </p>
        </li>
    }
}

/// How a child adds to a list: they write, the worker writes for them, or
/// they draw. `on_add` gets who holds the pen and whether it is a drawing.
#[component]
pub fn AddWords(add_id: &'static str, on_add: Callback<(Writer, bool)>) -> impl IntoView {
    view! {
        <div class="child-add">
            <button id=add_id type="button" class="child-button" on:click=move |_| on_add.run((Writer::Child, false))>"I want to write"</button>
            <button type="button" class="child-button" on:click=move |_| on_add.run((Writer::Worker, false))>"My worker writes for me"</button>
            <button type="button" class="child-button" on:click=move |_| on_add.run((Writer::Child, true))>"I want to draw"</button>
        </div>
    }
}

/// After adding: the pad to draw on, or the text box to type in.
pub fn start_on(id: Uuid, draw: bool, drawing_now: RwSignal<Option<Uuid>>) {
    if draw {
        drawing_now.set(Some(id));
    } else {
        crate::ui::platform::browser::focus_later(words_id(id));
    }
}
