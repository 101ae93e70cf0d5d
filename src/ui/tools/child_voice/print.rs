//! A child's Three Houses and "I have, I am, I can", and their own safety
//! plan, for the family: only what the child chose to share, in their own
//! words and drawings. Entries marked "just for me and my worker" never
//! reach these pages.

use crate::domain::choice::Choice;
use leptos::prelude::*;
use uuid::Uuid;

use chrono::Utc;

use crate::domain::child_voice::{of_child, ChildDocument, SaidBy, StrengthKind, Writer};
use crate::domain::language::print_words::{fill, Catalogue, PrintLanguage};
use crate::domain::safety_plan::child::{ChildSafetyPlan, ChildSheet};
use crate::ui::components::before_print::BeforePrint;
use crate::ui::components::in_languages::{say, InLanguages};
use crate::ui::components::print_language::PrintLanguageChoice;
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;
use crate::ui::tools::child_voice::DrawingView;

/// Said under words the worker wrote down for the child, so they are not
/// read as the child's own hand.
fn wrote_for(by: Writer, name: &str, language: PrintLanguage) -> Option<AnyView> {
    match by {
        Writer::Child => None,
        Writer::Worker => Some(view! { <p class="said-by"><InLanguages said=named(language, |c| c.child.wrote_for, name)/></p> }.into_any()),
    }
}

/// A sentence about the child in each language of the print.
fn named(
    language: PrintLanguage,
    words: fn(&Catalogue) -> &'static str,
    name: &str,
) -> Vec<(&'static str, String)> {
    language
        .catalogues()
        .iter()
        .map(|c| (c.lang, fill(words(c), &[("name", name)])))
        .collect()
}

/// How a drawing is described to a screen reader: in the print's first language.
fn drawing_label(language: PrintLanguage, name: &str) -> String {
    fill(language.catalogues()[0].child.drawing_by, &[("name", name)])
}

/// The shared items as a list, or a plain line when the child shared none.
fn shared_or<V: IntoView + 'static>(
    items: Vec<V>,
    language: PrintLanguage,
    blank: fn(&Catalogue) -> &'static str,
) -> AnyView {
    if items.is_empty() {
        view! { <p class="story-blank"><InLanguages said=say(language, blank)/></p> }.into_any()
    } else {
        view! { <ul class="child-words">{items}</ul> }.into_any()
    }
}

fn article_class(kind: &str, language: PrintLanguage) -> String {
    format!("print-doc {kind} in-{}", language.slug())
}

#[component]
pub fn ChildsWordsPrint(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let page = open.select(move |c| {
        let name = c.child_name(child);
        let houses = of_child(&c.documents.three_houses, child).cloned();
        let strengths = of_child(&c.documents.strengths_statements, child).cloned();
        (name, houses, strengths, c.family_prints)
    });
    view! {
        <PrintLanguageChoice/>
        {move || {
        let (name, houses, strengths, language) = page.get();
        let houses_view = houses.map(|h| {
            h.order().into_iter().map(|kind| {
                let shared: Vec<_> = h.shared(kind).cloned().collect();
                // A house the child renamed keeps the child's name for it.
                let title = if h.name(kind) == kind.title() {
                    language.catalogues().iter().map(|c| (c.lang, c.child.house(kind).to_string())).collect()
                } else {
                    vec![("", h.name(kind).to_string())]
                };
                view! {
                    <section class="print-house">
                        <h2>{title.into_iter().enumerate().map(|(i, (lang, text))| view! {
                            <span lang=(!lang.is_empty()).then_some(lang) class=(i > 0).then_some("second-language")>{text}</span>
                        }).collect_view()}</h2>
                        <p class="print-sub"><InLanguages said=language.catalogues().iter().map(|c| (c.lang, c.child.prompt(kind).to_string())).collect()/></p>
                        {shared_or(shared.into_iter().map(|e| {
                            let by = wrote_for(e.by, &name, language);
                            view! {
                                <li>
                                    {(!e.text.is_empty()).then(|| view! { <p class="as-given">{e.text.clone()}</p> })}
                                    {(!e.drawing.is_empty()).then(|| view! { <DrawingView drawing=e.drawing.clone() label=drawing_label(language, &name)/> })}
                                    {by}
                                </li>
                            }
                        }).collect(), language, |c| c.child.nothing_from_house)}
                    </section>
                }
            }).collect_view()
        });
        let strengths_view = strengths.map(|s| {
            StrengthKind::ALL.iter().copied().map(|kind| {
                let shared: Vec<_> = s.shared(kind).cloned().collect();
                view! {
                    <section class="print-strengths">
                        <h3><InLanguages said=language.catalogues().iter().map(|c| (c.lang, c.child.strength(kind).to_string())).collect()/></h3>
                        {shared_or(shared.into_iter().map(|st| view! {
                            <li>
                                <span class="as-given">{st.text.clone()}</span>
                                {match st.said_by {
                                    SaidBy::SomeoneElse(who) if !who.trim().is_empty() => Some(view! { <span class="said-by"><InLanguages said=language.catalogues().iter().map(|c| (c.lang, fill(c.child.said_by, &[("who", who.trim())]))).collect()/></span> }),
                                    _ => None,
                                }}
                            </li>
                        }).collect(), language, |c| c.child.nothing_here)}
                    </section>
                }
            }).collect_view()
        });
        view! {
            <article class=article_class("child-print", language) lang=language.catalogues()[0].lang>
                <h1 tabindex="-1"><InLanguages said=named(language, |c| c.child.houses_title, &name)/></h1>
                <p class="print-sub"><InLanguages said=named(language, |c| c.child.own_words, &name)/></p>
                {houses_view}
                {strengths_view.map(|v| view! { <h2 class="print-part"><InLanguages said=say(language, |c| c.child.strengths)/></h2> {v} })}
            </article>
        }
        }}
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
        (
            sheet.readability(c),
            checks,
            sheet,
            c.child_name(child),
            c.family_prints,
        )
    });
    move || {
        let (overall, checks, sheet, name, language) = content.get();
        let together = move || view! { <p class="story-blank"><InLanguages said=say(language, |c| c.story.write_together)/></p> };
        view! {
            <PrintLanguageChoice/>
            <BeforePrint document="safety plan" overall checks/>
            <article class=article_class("my-safety-plan-print", language) lang=language.catalogues()[0].lang>
                <h1 tabindex="-1"><InLanguages said=named(language, |c| c.child.safety_title, &name)/></h1>
                <section>
                    <h2><InLanguages said=say(language, |c| c.child.keeps_me_safe)/></h2>
                    {if sheet.rules.is_empty() {
                        together().into_any()
                    } else {
                        view! {
                            <ul class="child-words my-rules">
                                {sheet.rules.into_iter().map(|r| view! {
                                    <li>
                                        {(!r.text.is_empty()).then(|| view! { <p class="as-given">{r.text.clone()}</p> })}
                                        {(!r.drawing.is_empty()).then(|| view! { <DrawingView drawing=r.drawing.clone() label=drawing_label(language, &name)/> })}
                                        {wrote_for(r.by, &name, language)}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
                <section>
                    <h2><InLanguages said=say(language, |c| c.child.people)/></h2>
                    {sheet.people.is_empty().then(together)}
                    <ul class="my-people">
                        {sheet.people.into_iter().map(|p| view! {
                            <li>
                                <p class="my-person"><strong>{p.name}</strong>
                                    {(!p.phone.is_empty()).then(|| view! { " " <span class="my-phone">{p.phone}</span> })}</p>
                                {(!p.words.text.is_empty()).then(|| view! { <p class="as-given">{p.words.text.clone()}</p> })}
                                {(!p.words.drawing.is_empty()).then(|| view! { <DrawingView drawing=p.words.drawing.clone() label=drawing_label(language, &name)/> })}
                                {(!p.words.is_blank()).then(|| wrote_for(p.words.by, &name, language)).flatten()}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
                <section class="my-drawing-space">
                    <h2><InLanguages said=say(language, |c| c.child.my_drawings)/></h2>
                </section>
            </article>
        }
    }
}
