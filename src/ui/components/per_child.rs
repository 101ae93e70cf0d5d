//! Tools that keep one document for each child: the Three Houses, "I have,
//! I am, I can" and the resilience matrix. The worker picks the child; the
//! page reads that child's document, which is made on its first edit, so
//! opening a tool writes nothing.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::{for_child, of_child, ChildDocument};
use crate::domain::Documents;
use crate::route::Route;
use crate::ui::state::OpenCase;

/// Changes one child's document, making it if need be.
pub fn edit_child_doc<T: ChildDocument + 'static>(
    open: OpenCase,
    child: Uuid,
    list: fn(&mut Documents) -> &mut Vec<T>,
    change: impl FnOnce(&mut T),
) {
    open.edit(|case| {
        let now = Utc::now();
        let doc = for_child(list(&mut case.documents), child, now);
        change(doc);
        doc.touch(now);
    });
}

/// Part of one child's document, as a memo; `None` before the first edit.
pub fn read_child_doc<T: ChildDocument + 'static, R: Clone + PartialEq + Send + Sync + 'static>(
    open: OpenCase,
    child: Uuid,
    list: fn(&Documents) -> &Vec<T>,
    read: impl Fn(Option<&T>) -> R + Send + Sync + 'static,
) -> Memo<R> {
    open.select(move |case| read(of_child(list(&case.documents), child)))
}

/// "Which child?" when there are several, then the page for the chosen one.
#[component]
pub fn ChildTabs<F, V>(render: F) -> impl IntoView
where
    F: Fn(Uuid) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let children = open.select(|c| {
        c.children
            .iter()
            .map(|ch| (ch.id, c.child_name(ch.id)))
            .collect::<Vec<_>>()
    });
    let chosen = RwSignal::new(None::<Uuid>);
    let shown = Memo::new(move |_| {
        children.with(|list| {
            chosen
                .get()
                .filter(|id| list.iter().any(|(c, _)| c == id))
                .or(list.first().map(|(c, _)| *c))
        })
    });
    view! {
        {move || (children.with(Vec::len) > 1).then(|| view! {
            <fieldset class="fieldset child-tabs">
                <legend class="label">"Which child?"</legend>
                <div class="radios-inline">
                    {children.get().into_iter().map(|(id, name)| {
                        let radio = format!("which-child-{id}");
                        view! {
                            <div class="radio">
                                <input type="radio" name="which-child" id=radio.clone()
                                    prop:checked=move || shown.get() == Some(id)
                                    on:change=move |_| chosen.set(Some(id))/>
                                <label for=radio>{name}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        })}
        {move || match shown.get() {
            Some(child) => render(child).into_any(),
            None => view! {
                <div class="inset-text">
                    <p>"Add the children on the case overview first. Each child has their own page here."</p>
                    <p><a href=Route::CaseOverview(case_id).href()>"Go to the case overview"</a></p>
                </div>
            }.into_any(),
        }}
    }
}
