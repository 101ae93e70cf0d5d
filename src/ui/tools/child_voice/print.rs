//! A child's Three Houses and "I have, I am, I can", for the family: only
//! what the child chose to share, in their own words and drawings. Entries
//! marked "just for me and my worker" never reach this page.

use crate::domain::choice::Choice;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::{of_child, SaidBy, StrengthKind, Writer};
use crate::ui::cases::session::OpenCase;
use crate::ui::tools::child_voice::DrawingView;

/// The shared items as a list, or a plain line when the child shared none.
fn shared_or<V: IntoView + 'static>(items: Vec<V>, blank: &'static str) -> AnyView {
    if items.is_empty() {
        view! { <p class="story-blank">{blank}</p> }.into_any()
    } else {
        view! { <ul class="child-words">{items}</ul> }.into_any()
    }
}

#[component]
pub fn ChildsWordsPrint(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let page = open.select(move |c| {
        let name = c.child_name(child);
        let houses = of_child(&c.documents.three_houses, child).cloned();
        let strengths = of_child(&c.documents.strengths_statements, child).cloned();
        (name, houses, strengths)
    });
    move || {
        let (name, houses, strengths) = page.get();
        let houses_view = houses.map(|h| {
            h.order().into_iter().map(|kind| {
                let shared: Vec<_> = h.shared(kind).cloned().collect();
                view! {
                    <section class="print-house">
                        <h2>{h.name(kind).to_string()}</h2>
                        <p class="print-sub">{kind.prompt()}</p>
                        {shared_or(shared.into_iter().map(|e| {
                            let by = match e.by { Writer::Child => None, Writer::Worker => Some(format!("(The worker wrote this down for {name}.)")) };
                            view! {
                                <li>
                                    {(!e.text.is_empty()).then(|| view! { <p class="as-given">{e.text.clone()}</p> })}
                                    {(!e.drawing.is_empty()).then(|| view! { <DrawingView drawing=e.drawing.clone() label=format!("A drawing by {name}")/> })}
                                    {by.map(|b| view! { <p class="said-by">{b}</p> })}
                                </li>
                            }
                        }).collect(), "Nothing to share from this house.")}
                    </section>
                }
            }).collect_view()
        });
        let strengths_view = strengths.map(|s| {
            StrengthKind::ALL.iter().copied().map(|kind| {
                let shared: Vec<_> = s.shared(kind).cloned().collect();
                view! {
                    <section class="print-strengths">
                        <h3>{kind.title()}</h3>
                        {shared_or(shared.into_iter().map(|st| view! {
                            <li>
                                <span class="as-given">{st.text.clone()}</span>
                                {match st.said_by {
                                    SaidBy::SomeoneElse(who) if !who.trim().is_empty() => Some(view! { <span class="said-by">{format!(" (said by {})", who.trim())}</span> }),
                                    _ => None,
                                }}
                            </li>
                        }).collect(), "Nothing to share here yet.")}
                    </section>
                }
            }).collect_view()
        });
        view! {
            <article class="print-doc child-print">
                <h1 tabindex="-1">{format!("{name}'s houses")}</h1>
                <p class="print-sub">{format!("In {name}'s own words. {name} chose what is on this page.")}</p>
                {houses_view}
                {strengths_view.map(|v| view! { <h2 class="print-part">"I have, I am, I can"</h2> {v} })}
            </article>
        }
    }
}
