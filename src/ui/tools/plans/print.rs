//! The family's plan, printed: large type, plain words, their names.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::language::dates;
use crate::domain::plans::family_plan::{has_language_action, language_action, FamilyPlan};
use crate::domain::plans::{Action, PlanKind};
use crate::ui::app::AppState;
use crate::ui::cases::session::OpenCase;
use crate::ui::components::before_print::BeforePrint;
use crate::ui::platform::browser::today;

#[component]
pub fn FamilyPlanPrint(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    let family = Memo::new(move |_| {
        open.case().with(|c| {
            let p = c.plan(plan)?;
            Some(profile.with(|pr| FamilyPlan::new(c, p, pr, today())))
        })
    });
    view! {
        {move || match family.get() {
            None => view! {
                <h1 tabindex="-1">"Plan not found"</h1>
                <p>"This plan is not in the case any more."</p>
            }.into_any(),
            Some(family) => view! {
                <BeforeYouPrint plan family=family.clone()/>
                <FamilyPlanDocument family/>
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

#[component]
fn FamilyPlanDocument(family: FamilyPlan) -> impl IntoView {
    let kind = match family.kind {
        PlanKind::ChildProtection => "Child protection plan",
        PlanKind::ChildInNeed => "Child in need plan",
    };
    let list = |items: Vec<String>, empty: &'static str| {
        if items.is_empty() {
            view! { <p>{empty}</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    view! {
        <article class="print-doc family-plan">
            <h1 tabindex="-1">{family.title.clone()}</h1>
            <p class="print-sub">{format!("{kind}. Printed on {}.", dates::day_month_year(today()))}</p>
            {family.language.clone().map(|l| view! { <p class="print-language"><strong>"Language: "</strong>{l}</p> })}
            <section>
                <h2>"What we are worried about"</h2>
                {list(family.worries.clone(), "Nothing written yet.")}
            </section>
            <section>
                <h2>"What is working well"</h2>
                {list(family.working_well.clone(), "Nothing written yet.")}
            </section>
            <section>
                <h2>"What needs to happen"</h2>
                {list(family.needs_to_happen.clone(), "Nothing written yet.")}
                {family.safety_plan.clone().map(|note| view! { <p class="print-safety-plan-note"><strong>{note}</strong></p> })}
            </section>
            <section>
                <h2>"Who does what, by when"</h2>
                <table class="print-table">
                    <thead><tr><th scope="col">"Who"</th><th scope="col">"What they will do"</th><th scope="col">"By when"</th><th scope="col">"How we will know"</th></tr></thead>
                    <tbody>
                        {family.actions.iter().map(|a| view! {
                            <tr><td>{a.who.clone()}</td><td>{a.what.clone()}</td><td>{a.by_when.clone()}</td><td>{a.how_we_will_know.clone()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section>
                <h2>"Next meetings and visits"</h2>
                {if family.dates.is_empty() {
                    view! { <p>"Your social worker will tell you the dates."</p> }.into_any()
                } else {
                    view! {
                        <table class="print-table">
                            <thead><tr><th scope="col">"What"</th><th scope="col">"When"</th></tr></thead>
                            <tbody>
                                {family.dates.iter().map(|(what, when)| view! {
                                    <tr><td>{what.clone()}</td><td>{format!("By {}", dates::day_month_year(*when))}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            <section>
                <h2>"Who to contact"</h2>
                {if family.contacts.is_empty() {
                    view! { <p>"Your social worker will give you their details."</p> }.into_any()
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
                <h2>"If the plan is not followed"</h2>
                <p>{if family.contingency.is_empty() { "Nothing written yet.".to_string() } else { family.contingency.clone() }}</p>
            </section>
        </article>
    }
}
