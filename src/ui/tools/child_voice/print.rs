//! A child's Three Houses and "I have, I am, I can", and their own safety
//! plan, for the family: only what the child chose to share, in their own
//! words and drawings. Entries marked "just for me and my worker" never
//! reach these pages.

use crate::domain::choice::Choice;
use leptos::prelude::*;
use uuid::Uuid;

use chrono::Utc;

use crate::domain::child_voice::{of_child, ChildDocument, SaidBy, StrengthKind, Writer};
use crate::domain::safety_plan::child::{ChildSafetyPlan, ChildSheet};
use crate::ui::app::AppState;
use crate::ui::cases::session::OpenCase;
use crate::ui::components::before_print::BeforePrint;
use crate::ui::tools::child_voice::DrawingView;

/// Said under words the worker wrote down for the child, so they are not
/// read as the child's own hand.
fn wrote_for(by: Writer, name: &str) -> Option<String> {
    match by {
        Writer::Child => None,
        Writer::Worker => Some(format!("(The worker wrote this down for {name}.)")),
    }
}

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
                            let by = wrote_for(e.by, &name);
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

/// The child's safety plan on one A4 page: only what they chose to share,
/// in their words, the people with their numbers, and room to draw.
#[component]
pub fn MySafetyPlanPrint(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    let content = open.select(move |c| {
        let plan = of_child(&c.documents.child_safety_plans, child)
            .cloned()
            .unwrap_or_else(|| ChildSafetyPlan::new_for(child, Utc::now()));
        let sheet = ChildSheet::new(&plan, c);
        let checks = profile.with(|pr| sheet.check(c, &pr.jargon));
        (sheet.readability(c), checks, sheet, c.child_name(child))
    });
    move || {
        let (overall, checks, sheet, name) = content.get();
        view! {
            <BeforePrint document="safety plan" overall checks/>
            <article class="print-doc my-safety-plan-print">
                <h1 tabindex="-1">{sheet.title}</h1>
                <section>
                    <h2>"What keeps me safe"</h2>
                    {if sheet.rules.is_empty() {
                        view! { <p class="story-blank">"We will write this together."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="child-words my-rules">
                                {sheet.rules.into_iter().map(|r| view! {
                                    <li>
                                        {(!r.text.is_empty()).then(|| view! { <p class="as-given">{r.text.clone()}</p> })}
                                        {(!r.drawing.is_empty()).then(|| view! { <DrawingView drawing=r.drawing.clone() label=format!("A drawing by {name}")/> })}
                                        {wrote_for(r.by, &name).map(|b| view! { <p class="said-by">{b}</p> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
                <section>
                    <h2>"People I can go to"</h2>
                    {sheet.people.is_empty().then(|| view! { <p class="story-blank">"We will write this together."</p> })}
                    <ul class="my-people">
                        {sheet.people.into_iter().map(|p| view! {
                            <li>
                                <p class="my-person"><strong>{p.name}</strong>
                                    {(!p.phone.is_empty()).then(|| view! { " " <span class="my-phone">{p.phone}</span> })}</p>
                                {(!p.words.text.is_empty()).then(|| view! { <p class="as-given">{p.words.text.clone()}</p> })}
                                {(!p.words.drawing.is_empty()).then(|| view! { <DrawingView drawing=p.words.drawing.clone() label=format!("A drawing by {name}")/> })}
                                {(!p.words.is_blank()).then(|| wrote_for(p.words.by, &name)).flatten().map(|b| view! { <p class="said-by">{b}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
                <section class="my-drawing-space">
                    <h2>"My drawings"</h2>
                </section>
            </article>
        }
    }
}
