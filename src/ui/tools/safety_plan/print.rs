//! The safety plan as the family and their network read it: each worry with
//! its rules, who keeps and checks them, what the children do, the network
//! with how to reach each person, and the map's bottom lines. The same
//! sheet shows an earlier version on screen, and prints on A4.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::choice::Choice;
use crate::domain::language::print_words::{fill, Catalogue, PrintLanguage};
use crate::domain::safety_plan::sheet::{FamilySheet, NetworkLine};
use crate::ui::components::before_print::BeforePrint;
use crate::ui::components::in_languages::{say, ColumnHeadings, InLanguages};
use crate::ui::components::print_language::PrintLanguageChoice;
use crate::ui::platform::browser::today;
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;

/// One version of the plan, read-only.
#[component]
pub(super) fn SafetyPlanSheet(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let content = open.select(move |c| {
        c.documents
            .safety_plans
            .iter()
            .find(|p| p.id == plan)
            .map(|p| FamilySheet::new(p, c, today()))
    });
    move || {
        content
            .get()
            .map(|s| view! { <SheetBody language=PrintLanguage::English versions=vec![s]/> })
    }
}

/// Its headings sit under the page's h1, on screen and on paper: one
/// version of the sheet per language of the print, what the family and
/// worker wrote shown once.
#[component]
fn SheetBody(language: PrintLanguage, versions: Vec<FamilySheet>) -> impl IntoView {
    let catalogues = language.catalogues();
    let each = |text: &dyn Fn(&Catalogue, &FamilySheet) -> String| -> Vec<(&'static str, String)> {
        catalogues
            .iter()
            .zip(&versions)
            .map(|(c, s)| (c.lang, text(c, s)))
            .collect()
    };
    let heading = |words: fn(&Catalogue) -> &'static str| view! { <h2><InLanguages said=say(language, words)/></h2> };
    let label = |words: fn(&Catalogue) -> &'static str| view! { <strong><InLanguages said=say(language, words)/></strong> };
    let sheet = versions[0].clone();
    let meeting = each(&|c, s| fill(c.safety.meeting, &[("date", &s.date)]));
    let worries = sheet.worries.iter().enumerate().map(|(wi, w)| {
        let rules = w.rules.iter().enumerate().map(|(ri, r)| {
            let parts = r.parts.iter().enumerate().map(|(pi, (_, value))| {
                let key = each(&|_, s| s.worries[wi].rules[ri].parts[pi].0.to_string());
                view! { <dt><InLanguages said=key/></dt><dd>{value.clone()}</dd> }
            }).collect_view();
            let tests = (0..r.tests.len()).map(|ti| {
                let line = each(&|_, s| s.worries[wi].rules[ri].tests[ti].clone());
                view! { <li><InLanguages said=line/></li> }
            }).collect_view();
            view! {
                <li>
                    <p class="sheet-rule">{r.text.clone()}</p>
                    <dl class="sheet-rule-parts">{parts}</dl>
                    {(!r.tests.is_empty()).then(|| view! {
                        <p class="sheet-tests-title"><InLanguages said=say(language, |c| c.safety.when_tested)/></p>
                        <ul class="sheet-tests">{tests}</ul>
                    })}
                </li>
            }
        }).collect_view();
        view! {
            <section class="sheet-worry">
                <p class="sheet-worry-text">
                    {match &w.worry {
                        Some(worry) => view! { {label(|c| c.safety.the_worry)}{worry.clone()} }.into_any(),
                        None => label(|c| c.safety.other_rules).into_any(),
                    }}
                </p>
                {if w.rules.is_empty() {
                    view! { <p class="hint"><InLanguages said=say(language, |c| c.safety.no_rule)/></p> }.into_any()
                } else {
                    view! { <ol class="sheet-rules">{rules}</ol> }.into_any()
                }}
            </section>
        }
    }).collect_view();
    let FamilySheet {
        network,
        bottom_lines,
        attended,
        agreed,
        rule_changes,
        ..
    } = sheet;
    view! {
        <div class="safety-plan-sheet">
            {heading(|c| c.safety.our_rules)}
            {worries}
            {heading(|c| c.safety.network)}
            {if network.is_empty() {
                view! { <p><InLanguages said=say(language, |c| c.safety.no_network)/></p> }.into_any()
            } else {
                view! {
                    <table class="table sheet-network">
                        <ColumnHeadings language columns=|c| vec![c.safety.who, c.safety.what_they_do, c.safety.how_to_reach, c.safety.agreed_to_help]/>
                        <tbody>
                            {network.into_iter().map(|NetworkLine { who, part, how_to_reach, agreed }| view! {
                                <tr><th scope="row">{who}</th><td>{part}</td><td>{how_to_reach}</td>
                                    <td><InLanguages said=say(language, if agreed { |c: &Catalogue| c.safety.yes } else { |c: &Catalogue| c.safety.not_yet })/></td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {(!bottom_lines.is_empty()).then(|| view! {
                {heading(|c| c.safety.bottom_lines)}
                <p class="hint"><InLanguages said=say(language, |c| c.safety.bottom_lines_hint)/></p>
                <ul>{bottom_lines.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
            })}
            <h2><InLanguages said=meeting/></h2>
            <p>{label(|c| c.safety.who_came)}{if attended.is_empty() {
                view! { <InLanguages said=say(language, |c| c.safety.not_recorded)/> }.into_any()
            } else {
                attended.join(", ").into_any()
            }}</p>
            {(!agreed.is_empty()).then(|| view! { <p>{label(|c| c.safety.what_was_agreed)}{agreed}</p> })}
            {(!rule_changes.is_empty()).then(|| view! { <p>{label(|c| c.safety.what_changed)}{rule_changes}</p> })}
        </div>
    }
}

/// The map's bottom lines, read-only, beside the plan being edited.
#[component]
pub(super) fn BottomLines() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let lines = open.select(|c| {
        c.current_map()
            .map(|m| {
                m.bottom_lines
                    .iter()
                    .map(|b| b.text.clone())
                    .filter(|t| !t.trim().is_empty())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="bottom-lines-readonly" aria-labelledby="plan-bottom-lines-heading">
            <h2 id="plan-bottom-lines-heading">"Bottom lines"</h2>
            <p class="hint">"From the map. They are changed on the map, not here."</p>
            <Show when=move || !lines.with(Vec::is_empty) fallback=|| view! { <p>"The map has no bottom lines yet."</p> }>
                <ul>{move || lines.get().into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
            </Show>
        </section>
    }
}

/// The current safety plan on A4, for the family and their network, after
/// the plain-English checker (on screen only), in the case's language.
#[component]
pub fn SafetyPlanPrint() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    let content = open.select(move |c| {
        c.current_safety_plan().map(|p| {
            let sheet = FamilySheet::new(p, c, today());
            let checks = profile.with(|pr| sheet.check(c, &pr.jargon));
            let language = c.family_prints;
            let versions: Vec<FamilySheet> = language
                .catalogues()
                .iter()
                .map(|words| FamilySheet::written(p, c, today(), words))
                .collect();
            (
                sheet.readability(c),
                checks,
                language,
                versions,
                c.label.clone(),
            )
        })
    });
    move || match content.get() {
        Some((overall, checks, language, versions, label)) => {
            let each = |template: fn(&Catalogue) -> &'static str,
                        name: &str,
                        value: &dyn Fn(usize) -> String| {
                language
                    .catalogues()
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.lang, fill(template(c), &[(name, &value(i))])))
                    .collect::<Vec<_>>()
            };
            let title = each(|c| c.safety.title, "label", &|_| label.clone());
            let agreed_at = each(|c| c.safety.agreed_at, "date", &|i| {
                versions[i].date.clone()
            });
            view! {
                <PrintLanguageChoice/>
                <BeforePrint document="safety plan" overall checks/>
                <article class=format!("print-doc print-safety-plan in-{}", language.slug()) lang=language.catalogues()[0].lang>
                    <h1 tabindex="-1"><InLanguages said=title/></h1>
                    <p class="print-sub"><InLanguages said=agreed_at/></p>
                    <SheetBody language versions/>
                </article>
            }
            .into_any()
        }
        None => view! {
            <h1 tabindex="-1">"No safety plan yet"</h1>
            <p>"Start the family's safety plan first; then it can be printed."</p>
        }
        .into_any(),
    }
}
