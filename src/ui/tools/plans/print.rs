//! The family's plan, printed: large type, plain words, their names.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::choice::Choice;
use crate::domain::language::print_words::{fill, Catalogue, PrintLanguage};
use crate::domain::plans::family_plan::{has_language_action, language_action, FamilyPlan};
use crate::domain::plans::Action;
use crate::ui::components::before_print::BeforePrint;
use crate::ui::components::in_languages::{say, ColumnHeadings, InLanguages};
use crate::ui::components::print_language::PrintLanguageChoice;
use crate::ui::platform::browser::today;
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;

#[component]
pub fn FamilyPlanPrint(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    // The English plan is what the plain-English checker reads; the print
    // has one version per language it is in.
    let family = Memo::new(move |_| {
        open.case().with(|c| {
            let p = c.plan(plan)?;
            let language = c.family_prints;
            profile.with(|pr| {
                let versions: Vec<_> = language
                    .catalogues()
                    .iter()
                    .map(|words| FamilyPlan::written(c, p, pr, today(), words))
                    .collect();
                Some((language, FamilyPlan::new(c, p, pr, today()), versions))
            })
        })
    });
    view! {
        {move || match family.get() {
            None => view! {
                <h1 tabindex="-1">"Plan not found"</h1>
                <p>"This plan is not in the case any more."</p>
            }.into_any(),
            Some((language, english, versions)) => view! {
                <PrintLanguageChoice/>
                <BeforeYouPrint plan family=english/>
                <FamilyPlanDocument language versions/>
            }.into_any(),
        }}
    }
}

/// On screen only: the plain-English checker, section by section, and the
/// interpreter action when the family needs one.
#[component]
fn BeforeYouPrint(plan: Uuid, family: FamilyPlan) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    let checks = profile.with_untracked(|pr| family.check(pr));
    let overall = family.readability();
    let needs_action = family.language.is_some()
        && !open
            .case()
            .with_untracked(|c| c.plan(plan).is_some_and(has_language_action));
    let add_action = move |_| {
        open.edit(|c| {
            let Some(children) = c.plan(plan).map(|p| p.children.clone()) else {
                return;
            };
            let what = language_action(c, &children);
            if let Some(p) = c.plan_mut(plan) {
                p.actions.push(Action {
                    id: Uuid::new_v4(),
                    what,
                    ..Action::default()
                });
            }
        });
    };
    view! {
        <BeforePrint document="plan" overall checks>
            {needs_action.then(|| view! {
                <div class="warning-text" role="note">
                    <p>"The family needs another language or an interpreter, and the plan has no action for it. "
                        <button type="button" class="button-link" on:click=add_action>"Add an action for it"</button></p>
                </div>
            })}
        </BeforePrint>
    }
}

/// The plan in each language of the print: its fixed words from each
/// catalogue, what the worker wrote once.
#[component]
fn FamilyPlanDocument(language: PrintLanguage, versions: Vec<FamilyPlan>) -> impl IntoView {
    let profile = expect_context::<AppState>().profile;
    let versions: Vec<(&Catalogue, FamilyPlan)> = language
        .catalogues()
        .iter()
        .copied()
        .zip(versions)
        .collect();
    let each = |text: &dyn Fn(&Catalogue, &FamilyPlan) -> String| -> Vec<(&'static str, String)> {
        versions.iter().map(|(c, f)| (c.lang, text(c, f))).collect()
    };
    let heading = |words: fn(&Catalogue) -> &'static str| view! { <h2><InLanguages said=say(language, words)/></h2> };
    let nothing_yet = || view! { <p><InLanguages said=say(language, |c| c.plan.nothing_yet)/></p> };
    let list = |items: Vec<String>| {
        if items.is_empty() {
            nothing_yet().into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    let today = today();
    let printed = profile.with_untracked(|p| {
        each(&|c, f| {
            fill(
                c.plan.printed,
                &[
                    ("kind", &f.kind.in_words(&c.plan, &p.names)),
                    ("date", &c.date(today)),
                ],
            )
        })
    });
    let title = each(&|_, f| f.title.clone());
    let language_note = versions[0].1.language.is_some().then(|| {
        (
            say(language, |c| c.plan.language),
            each(&|_, f| f.language.clone().unwrap_or_default()),
        )
    });
    let safety_plan = versions[0]
        .1
        .safety_plan
        .is_some()
        .then(|| each(&|_, f| f.safety_plan.clone().unwrap_or_default()));
    let actions: Vec<_> = (0..versions[0].1.actions.len())
        .map(|i| {
            let row = &versions[0].1.actions[i];
            (
                each(&|_, f| f.actions[i].who.clone()),
                row.what.clone(),
                each(&|_, f| f.actions[i].by_when.clone()),
                row.how_we_will_know.clone(),
            )
        })
        .collect();
    let dates: Vec<_> = (0..versions[0].1.dates.len())
        .map(|i| {
            (
                each(&|_, f| f.dates[i].0.clone()),
                each(&|c, f| fill(c.plan.by_date, &[("date", &c.date(f.dates[i].1))])),
            )
        })
        .collect();
    let family = versions[0].1.clone();
    view! {
        <article class=format!("print-doc family-plan in-{}", language.slug()) lang=versions[0].0.lang>
            <h1 tabindex="-1"><InLanguages said=title/></h1>
            <p class="print-sub"><InLanguages said=printed/></p>
            {language_note.map(|(label, note)| view! {
                <p class="print-language">{label.into_iter().zip(note).map(|((lang, label), (_, note))| view! {
                    <span lang=lang class="print-language-line"><strong>{label}</strong>{note}</span>
                }).collect_view()}</p>
            })}
            <section>
                {heading(|c| c.plan.worried)}
                {list(family.worries.clone())}
            </section>
            <section>
                {heading(|c| c.plan.working_well)}
                {list(family.working_well.clone())}
            </section>
            <section>
                {heading(|c| c.plan.needs_to_happen)}
                {list(family.needs_to_happen.clone())}
                {safety_plan.map(|note| view! { <p class="print-safety-plan-note"><strong><InLanguages said=note/></strong></p> })}
            </section>
            <section>
                {heading(|c| c.plan.who_does_what)}
                <table class="print-table actions-table">
                    <ColumnHeadings language columns=|c| vec![c.plan.who, c.plan.what_they_will_do, c.plan.by_when, c.plan.how_we_will_know]/>
                    <tbody>
                        {actions.into_iter().map(|(who, what, by_when, how)| view! {
                            <tr><td><InLanguages said=who/></td><td>{what}</td><td><InLanguages said=by_when/></td><td>{how}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section>
                {heading(|c| c.plan.next_dates)}
                {if dates.is_empty() {
                    view! { <p><InLanguages said=say(language, |c| c.plan.dates_to_come)/></p> }.into_any()
                } else {
                    view! {
                        <table class="print-table dates-table">
                            <ColumnHeadings language columns=|c| vec![c.plan.what, c.plan.when]/>
                            <tbody>
                                {dates.into_iter().map(|(what, when)| view! {
                                    <tr><td><InLanguages said=what/></td><td><InLanguages said=when/></td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            <section>
                {heading(|c| c.plan.contact)}
                {if family.contacts.is_empty() {
                    view! { <p><InLanguages said=say(language, |c| c.plan.details_to_come)/></p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {family.contacts.iter().map(|c| view! {
                                <li><strong>{c.name.clone()}</strong>{(!c.role.is_empty()).then(|| format!(", {}", c.role))}{(!c.how.is_empty()).then(|| format!(": {}", c.how))}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section>
                {heading(|c| c.plan.if_not_followed)}
                {if family.contingency.is_empty() { nothing_yet().into_any() } else { view! { <p>{family.contingency.clone()}</p> }.into_any() }}
            </section>
        </article>
    }
}
