//! The plan's kind, children, start and categories of harm.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::plans::{HarmCategory, PlanKind};
use crate::domain::profile::sentence;
use crate::ui::components::fields::input_date;
use crate::ui::components::radios::{CheckList, Radios};
use crate::ui::state::OpenCase;

use super::{edit_plan, read_plan};

#[component]
pub(super) fn PlanBasics(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let kind = read_plan(open, plan, |p| p.kind);
    let start = read_plan(open, plan, |p| {
        p.start.map(|d| d.to_string()).unwrap_or_default()
    });
    let children = open.select(|c| {
        c.children
            .iter()
            .map(|ch| (ch.id, ch.first_name.clone()))
            .collect::<Vec<_>>()
    });
    let covered_children = read_plan(open, plan, |p| p.children.clone());
    let covered = move |id: Uuid| covered_children.with(|c| c.contains(&id));
    let categories = read_plan(open, plan, |p| p.harm_categories.clone());
    let set_kind = move |k: PlanKind| edit_plan(open, plan, |p| p.kind = k);
    let links_safety_plan = read_plan(open, plan, |p| p.links_safety_plan);
    let has_safety_plan = open.select(|c| c.current_safety_plan().is_some());
    let profile = expect_context::<crate::ui::state::AppState>().profile;
    // Where guidance needs no category (Scotland), the question is asked
    // only of a plan that already has one, so none is hidden.
    let asks_category = move || {
        kind.get() == PlanKind::ChildProtection
            && (profile.with(|p| p.harm_category_at_registration)
                || categories.with(|c| !c.is_empty()))
    };
    view! {
        <section aria-labelledby="basics-heading">
            <h2 id="basics-heading">"About the plan"</h2>
            <Radios name="plan-kind" legend="Type of plan" value=Signal::derive(move || Some(kind.get()))
                title=Callback::new(move |k: PlanKind| profile.with(|p| sentence(k.called(&p.names))))
                on_change=Callback::new(set_kind)/>
            <fieldset class="fieldset">
                <legend>"Children this plan is for"</legend>
                <For each=move || children.get() key=|c| c.clone() let:child>
                    <div class="checkbox">
                        <input type="checkbox" id=format!("plan-child-{}", child.0) prop:checked=move || covered(child.0)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                edit_plan(open, plan, |p| {
                                    p.children.retain(|c| *c != child.0);
                                    if on { p.children.push(child.0) }
                                });
                            }/>
                        <label for=format!("plan-child-{}", child.0)>{if child.1.trim().is_empty() { "Unnamed child".to_string() } else { child.1.clone() }}</label>
                    </div>
                </For>
            </fieldset>
            <div class="form-group">
                <label class="label" for="plan-start">{move || profile.with(|p| kind.get().start_label(&p.names))}</label>
                <p class="hint" id="plan-start-hint">"Visits, meetings and reviews are counted from this date."</p>
                <input id="plan-start" class="input" type="date" aria-describedby="plan-start-hint" prop:value=start
                    on:input=move |ev| {
                        let date = input_date(&event_target_value(&ev));
                        edit_plan(open, plan, |p| p.start = date);
                    }/>
            </div>
            <Show when=asks_category>
                <CheckList name="harm" legend="Category of harm" hint="Choose one or more." value=categories
                    on_toggle=Callback::new(move |(cat, on): (HarmCategory, bool)| edit_plan(open, plan, |p| {
                        p.harm_categories.retain(|c| *c != cat);
                        if on { p.harm_categories.push(cat) }
                    }))/>
            </Show>
            <div class="checkbox">
                <input type="checkbox" id="plan-links-safety-plan" aria-describedby="plan-links-safety-plan-hint"
                    disabled=open.is_read_only() prop:checked=links_safety_plan
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit_plan(open, plan, |p| p.links_safety_plan = on);
                    }/>
                <label for="plan-links-safety-plan">"The family's safety plan is part of this plan"</label>
            </div>
            <p class="hint" id="plan-links-safety-plan-hint">{move || if has_safety_plan.get() {
                "The family's copy then says where their safety plan is, instead of repeating its rules."
            } else {
                "The family has no safety plan yet. Start one with the Safety plan tool on the case's page."
            }}</p>
        </section>
    }
}
