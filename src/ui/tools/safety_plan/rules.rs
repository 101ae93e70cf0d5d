//! The rules, grouped under the danger statement each answers, and the
//! times each was tested.

use crate::domain::choice::Choice;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::language::dates;
use crate::domain::person_ref::PersonRef;
use crate::domain::safety_plan::{RuleHeld, SafetyPlanError, SafetyRule};
use crate::domain::Case;
use crate::ui::components::fields::{input_date, DateField, Field, PersonPicker, TextArea};
use crate::ui::platform::browser::{focus_later, today};
use crate::ui::state::OpenCase;

use super::{edit_plan, edit_row, read_plan, read_row};

/// A text of a rule, read and written.
fn rule_text(
    open: OpenCase,
    plan: Uuid,
    rule: Uuid,
    read: fn(&SafetyRule) -> &String,
    write: fn(&mut SafetyRule) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    let value = read_row(open, plan, rule, move |r| read(r).clone());
    let set =
        Callback::new(move |text: String| edit_row(open, plan, rule, move |r| *write(r) = text));
    (value, set)
}

#[component]
pub(super) fn Rules(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    // Each danger statement on the current map with its sentence, and a
    // group for rules that answer none (or one since removed).
    let groups = open.select(|c| {
        let mut groups: Vec<(Option<Uuid>, String)> = c
            .current_map()
            .map(|m| {
                m.danger_statements
                    .iter()
                    .map(|d| (Some(d.id), c.danger_sentence(d, today())))
                    .collect()
            })
            .unwrap_or_default();
        groups.push((None, "Other rules".to_string()));
        groups
    });
    view! {
        <section class="safety-rules" aria-labelledby="rules-heading">
            <h2 id="rules-heading" tabindex="-1">"Rules"</h2>
            <p class="hint">"Write each rule as the family says it: what will happen, who keeps it and who checks it. For example \u{201c}If Darren has been drinking, he will stay at his brother's that night.\u{201d}"</p>
            <For each=move || groups.get() key=|g| g.clone() let:group>
                <RuleGroup plan danger=group.0 heading=group.1/>
            </For>
        </section>
    }
}

#[component]
fn RuleGroup(plan: Uuid, danger: Option<Uuid>, heading: String) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let known = open.select(|c| {
        c.current_map()
            .map(|m| m.danger_statements.iter().map(|d| d.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let rules = read_plan(open, plan, move |p| -> Vec<Uuid> {
        match danger {
            Some(d) => p.rules_for(d).map(|r| r.id).collect(),
            None => known.with(|k| p.rules_answering_none_of(k).map(|r| r.id).collect()),
        }
    });
    let add = move |_| {
        let mut added = None;
        edit_plan(open, plan, |p| added = Some(p.add_rule(danger)));
        if let Some(id) = added {
            focus_later(format!("rule-{id}-text"));
        }
    };
    let group = danger.map_or("other".to_string(), |d| d.to_string());
    let label = if danger.is_some() {
        "Add a rule for this worry"
    } else {
        "Add another rule"
    };
    view! {
        <div class="rule-group">
            <h3 class=if danger.is_some() { "danger-heading" } else { "" }>
                {danger.is_some().then_some("Worry: ")}{heading}
            </h3>
            <Show when=move || rules.with(Vec::is_empty)>
                <p class="hint">{if danger.is_some() { "No rule answers this worry yet." } else { "None yet." }}</p>
            </Show>
            <For each=move || rules.get() key=|id| *id let:rule>
                <RuleEditor plan rule/>
            </For>
            <button type="button" class="button button-secondary" id=format!("add-rule-{group}") on:click=add>{label}</button>
        </div>
    }
}

#[component]
fn RuleEditor(plan: Uuid, rule: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let people = open.select(Case::people);
    let f = move |part: &str| format!("rule-{rule}-{part}");
    let (text, set_text) = rule_text(open, plan, rule, |r| &r.text, |r| &mut r.text);
    let (often, set_often) = rule_text(
        open,
        plan,
        rule,
        |r| &r.how_often_checked,
        |r| &mut r.how_often_checked,
    );
    let (children, set_children) =
        rule_text(open, plan, rule, |r| &r.children_do, |r| &mut r.children_do);
    let (then, set_then) = rule_text(
        open,
        plan,
        rule,
        |r| &r.what_happens_then,
        |r| &mut r.what_happens_then,
    );
    let kept_by = read_row(open, plan, rule, |r: &SafetyRule| r.kept_by.clone());
    let checked_by = read_row(open, plan, rule, |r: &SafetyRule| r.checked_by.clone());
    let person_setter = move |field: fn(&mut SafetyRule) -> &mut PersonRef| {
        Callback::new(move |who: PersonRef| edit_row(open, plan, rule, move |r| *field(r) = who))
    };
    let title = move || {
        text.with(|t| {
            let t = t.trim();
            if t.is_empty() {
                "New rule".to_string()
            } else {
                crate::domain::language::text::shorten(t, 60)
            }
        })
    };
    let remove = move |_| {
        edit_plan(open, plan, |p| p.rules.retain(|r| r.id != rule));
        focus_later("rules-heading".into());
    };
    view! {
        <fieldset class="fieldset rule">
            <legend>{title}</legend>
            <TextArea id=f("text") label="The rule, in the family's words" value=text on_input=set_text rows=2 family=true/>
            <div class="form-row">
                <PersonPicker id=f("kept-by") label="Who keeps it" other="Someone else" name_label="Their name"
                    people value=kept_by on_change=person_setter(|r| &mut r.kept_by)/>
                <PersonPicker id=f("checked-by") label="Who in the network checks it" other="Someone else" name_label="Their name"
                    people value=checked_by on_change=person_setter(|r| &mut r.checked_by)/>
            </div>
            <Field id=f("often") label="How often they check" hint="For example \u{201c}every Saturday\u{201d} or \u{201c}each time she visits\u{201d}." value=often on_input=set_often/>
            <TextArea id=f("children") label="If it is broken: what the children do, and who they call" value=children on_input=set_children rows=2 family=true/>
            <TextArea id=f("then") label="What happens then" value=then on_input=set_then rows=2 family=true/>
            <RuleTests plan rule/>
            <button type="button" class="button button-warning" on:click=remove>"Remove this rule"</button>
        </fieldset>
    }
}

/// The times the rule was tested, and a form to record another.
#[component]
fn RuleTests(plan: Uuid, rule: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let tests = read_row(open, plan, rule, |r: &SafetyRule| r.tests.clone());
    let f = move |part: &str| format!("rule-{rule}-test-{part}");
    let date = RwSignal::new(today().to_string());
    let what = RwSignal::new(String::new());
    let held = RwSignal::new(RuleHeld::Held);
    let problem = RwSignal::new(None::<&'static str>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = input_date(&date.get_untracked()) else {
            problem.set(Some("Enter the date it was tested."));
            focus_later(f("date"));
            return;
        };
        let mut outcome = None;
        edit_plan(open, plan, |p| {
            outcome = Some(p.record_test(rule, day, &what.get_untracked(), held.get_untracked()));
        });
        match outcome {
            Some(Ok(_)) => {
                problem.set(None);
                what.set(String::new());
            }
            Some(Err(SafetyPlanError::EmptyTest)) => {
                problem.set(Some("Say what happened, in a line."));
                focus_later(f("what"));
            }
            // The rule or the version went while the form was open (another tab).
            Some(Err(_)) | None => problem.set(Some(
                "This rule is no longer in the plan, so the test was not recorded.",
            )),
        }
    };
    view! {
        <div class="rule-tests">
            <h4>"When it was tested"</h4>
            <Show when=move || !tests.with(Vec::is_empty) fallback=|| view! { <p class="hint">"Not tested yet."</p> }>
                <ul class="rule-test-list">
                    {move || tests.get().into_iter().map(|t| view! {
                        <li class=if t.held == RuleHeld::Held { "held" } else { "not-held" }>
                            <strong>{format!("{}: {}. ", dates::day_month_year(t.date), t.held.title())}</strong>{t.what_happened}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <form class="record-test" on:submit=record novalidate>
                <div class="form-row">
                    <DateField id=f("date") label="Date" value=date/>
                    <div class="form-group form-group-wide">
                        <label class="label" for=f("what")>"What happened"</label>
                        <input id=f("what") class="input" type="text" maxlength=crate::domain::persist::export::MAX_TEXT_CHARS
                            prop:value=what on:input=move |ev| what.set(event_target_value(&ev))/>
                    </div>
                </div>
                <fieldset class="fieldset radios-inline">
                    <legend class="label">"Did the rule hold?"</legend>
                    {RuleHeld::ALL.iter().copied().map(|choice| view! {
                        <div class="radio">
                            <input type="radio" id=f(choice.slug()) name=f("held") prop:checked=move || held.get() == choice
                                on:change=move |_| held.set(choice)/>
                            <label for=f(choice.slug())>{choice.title()}</label>
                        </div>
                    }).collect_view()}
                </fieldset>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <button type="submit" class="button button-secondary">"Record this test"</button>
            </form>
        </div>
    }
}
