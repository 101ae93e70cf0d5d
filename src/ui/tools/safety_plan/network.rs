//! The safety network: who is in it, their part in the plan, whether they
//! have seen the worries and agreed to help, and how to reach them.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::person_ref::PersonRef;
use crate::domain::safety_plan::NetworkRole;
use crate::domain::Case;
use crate::ui::components::fields::{Field, PersonPicker};
use crate::ui::platform::browser::focus_later;
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;

use super::{edit_plan, edit_row, read_plan, read_row};

#[component]
pub(super) fn Network(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    let roles = read_plan(open, plan, |p| {
        p.network.iter().map(|n| n.id).collect::<Vec<_>>()
    });
    let advice = Memo::new(move |_| {
        let minimum = profile.with(|p| p.min_safety_network);
        open.case().with(|c| {
            c.documents
                .safety_plans
                .iter()
                .find(|p| p.id == plan)
                .and_then(|p| p.network_check(c, minimum).advice())
        })
    });
    let add = move |_| {
        let id = Uuid::new_v4();
        edit_plan(open, plan, |p| {
            p.network.push(NetworkRole {
                id,
                ..NetworkRole::default()
            })
        });
        focus_later(format!("network-{id}-person"));
    };
    view! {
        <section class="safety-network" aria-labelledby="network-heading">
            <h2 id="network-heading" tabindex="-1">"Safety network"</h2>
            <p class="hint">"Relatives, friends and neighbours who know the worries and will help keep the children safe. Workers can be here too, but the network is the family's own people."</p>
            <div role="status" class="network-advice">
                {move || advice.get().map(|a| view! { <p class="notice">{a}</p> })}
            </div>
            <For each=move || roles.get() key=|id| *id let:role>
                <RoleEditor plan role/>
            </For>
            <button type="button" class="button button-secondary" id="add-network" on:click=add>"Add someone to the network"</button>
        </section>
    }
}

#[component]
fn RoleEditor(plan: Uuid, role: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let f = move |part: &str| format!("network-{role}-{part}");
    let person = read_row(open, plan, role, |n: &NetworkRole| n.person.clone());
    let name = Memo::new(move |_| {
        person
            .with(|p| open.case().with(|c| p.name(c)))
            .unwrap_or_else(|| "Someone new".into())
    });
    let part = read_row(open, plan, role, |n: &NetworkRole| n.role.clone());
    let contact = read_row(open, plan, role, |n: &NetworkRole| n.contact.clone());
    let seen = read_row(open, plan, role, |n: &NetworkRole| n.seen_danger_statement);
    let agreed = read_row(open, plan, role, |n: &NetworkRole| n.agreed_to_help);
    let check = move |label: &'static str,
                      suffix: &'static str,
                      value: Signal<bool>,
                      set: fn(&mut NetworkRole, bool)| {
        let id = f(suffix);
        view! {
            <div class="checkbox">
                <input type="checkbox" id=id.clone() disabled=open.is_read_only() prop:checked=value
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit_row(open, plan, role, |n| set(n, on));
                    }/>
                <label for=id>{label}</label>
            </div>
        }
    };
    let remove = move |_| {
        edit_plan(open, plan, |p| p.network.retain(|n| n.id != role));
        focus_later("network-heading".into());
    };
    view! {
        <fieldset class="fieldset network-role">
            <legend>{name}</legend>
            <PersonPicker id=f("person") label="Who" other="Someone not on the case" name_label="Their name"
                people=open.select(Case::people) value=person
                on_change=Callback::new(move |who: PersonRef| edit_row(open, plan, role, |n: &mut NetworkRole| n.person = who))/>
            <Field id=f("role") label="Their part in the plan" hint="For example \u{201c}has the children on Friday nights\u{201d}." value=part
                on_input=Callback::new(move |text| edit_row(open, plan, role, |n: &mut NetworkRole| n.role = text))/>
            <Field id=f("contact") label="How to reach them" hint="A phone number or address. Leave it blank if it is already on the case." value=contact
                on_input=Callback::new(move |text| edit_row(open, plan, role, |n: &mut NetworkRole| n.contact = text))/>
            {check("Has seen the danger statement", "seen", seen, |n, on| n.seen_danger_statement = on)}
            {check("Has agreed to help", "agreed", agreed, |n, on| n.agreed_to_help = on)}
            <button type="button" class="button button-warning" on:click=remove>{move || format!("Remove {} from the network", name.get())}</button>
        </fieldset>
    }
}
