//! The adults around the children on a case's overview: the family and
//! network, and the workers. Both are lists of named people with a way to
//! reach them, edited the same way; only their fields differ.

use std::marker::PhantomData;

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::{Case, NetworkMember, Worker};
use crate::ui::components::fields::Field;
use crate::ui::platform::browser::focus_later;
use crate::ui::state::OpenCase;

/// A kind of person kept in one of the case's lists.
trait CasePerson: Default + Send + Sync + 'static {
    /// Starts the ids of their fields: "network", "worker".
    const KIND: &'static str;
    fn id(&self) -> Uuid;
    fn with_id(id: Uuid) -> Self;
    fn name(&self) -> &str;
    fn list(case: &Case) -> &Vec<Self>;
    fn list_mut(case: &mut Case) -> &mut Vec<Self>;
}

impl CasePerson for NetworkMember {
    const KIND: &'static str = "network";

    fn id(&self) -> Uuid {
        self.id
    }

    fn with_id(id: Uuid) -> Self {
        NetworkMember {
            id,
            ..NetworkMember::default()
        }
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn list(case: &Case) -> &Vec<Self> {
        &case.network
    }

    fn list_mut(case: &mut Case) -> &mut Vec<Self> {
        &mut case.network
    }
}

impl CasePerson for Worker {
    const KIND: &'static str = "worker";

    fn id(&self) -> Uuid {
        self.id
    }

    fn with_id(id: Uuid) -> Self {
        Worker {
            id,
            ..Worker::default()
        }
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn list(case: &Case) -> &Vec<Self> {
        &case.workers
    }

    fn list_mut(case: &mut Case) -> &mut Vec<Self> {
        &mut case.workers
    }
}

/// One person's row: reads and writes their fields, and names their ids.
struct PersonRow<P> {
    open: OpenCase,
    id: Uuid,
    kind: PhantomData<fn() -> P>,
}

impl<P> Clone for PersonRow<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P> Copy for PersonRow<P> {}

impl<P: CasePerson> PersonRow<P> {
    fn read(self, part: fn(&P) -> String) -> Signal<String> {
        let Self { open, id, .. } = self;
        Signal::derive(move || {
            open.case()
                .with(|c| P::list(c).iter().find(|p| p.id() == id).map(part))
                .unwrap_or_default()
        })
    }

    fn write(self, part: fn(&mut P, String)) -> Callback<String> {
        let Self { open, id, .. } = self;
        Callback::new(move |value: String| {
            open.edit(|c| {
                if let Some(p) = P::list_mut(c).iter_mut().find(|p| p.id() == id) {
                    part(p, value)
                }
            })
        })
    }

    /// "network-<id>-name".
    fn field(self, part: &str) -> String {
        format!("{}-{}-{part}", P::KIND, self.id)
    }
}

#[component]
fn PeopleSection<P: CasePerson>(
    heading_id: &'static str,
    heading: &'static str,
    hint: &'static str,
    /// The legend while the name is blank: "New person".
    unnamed: &'static str,
    add_label: &'static str,
    /// The fields of one person, after their name.
    fields: fn(PersonRow<P>) -> AnyView,
) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let ids = move || {
        open.case()
            .with(|c| P::list(c).iter().map(P::id).collect::<Vec<_>>())
    };
    let add_id = format!("{}-add", P::KIND);
    let add = move |_| {
        let id = Uuid::new_v4();
        open.edit(|c| P::list_mut(c).push(P::with_id(id)));
        focus_later(format!("{}-{id}-name", P::KIND));
    };
    view! {
        <section aria-labelledby=heading_id>
            <h2 id=heading_id>{heading}</h2>
            <p class="hint">{hint}</p>
            <For each=ids key=|id| *id let:id>
                {
                    let row = PersonRow::<P> { open, id, kind: PhantomData };
                    let name = row.read(|p| p.name().to_string());
                    let legend = move || {
                        let n = name.get();
                        if n.trim().is_empty() { unnamed.to_string() } else { n }
                    };
                    let add_id = format!("{}-add", P::KIND);
                    let remove = move |_| {
                        if window().confirm_with_message(&format!("Remove {} from this case?", legend())).unwrap_or(false) {
                            open.edit(|c| P::list_mut(c).retain(|p| p.id() != id));
                            focus_later(add_id.clone());
                        }
                    };
                    view! {
                        <fieldset class="fieldset person">
                            <legend>{legend}</legend>
                            {fields(row)}
                            <button type="button" class="button button-warning" disabled=open.is_read_only()
                                on:click=remove>"Remove " {legend}</button>
                        </fieldset>
                    }
                }
            </For>
            <button id=add_id type="button" class="button button-secondary" disabled=open.is_read_only() on:click=add>{add_label}</button>
        </section>
    }
}

#[component]
pub(super) fn NetworkSection() -> impl IntoView {
    fn fields(row: PersonRow<NetworkMember>) -> AnyView {
        view! {
            <div class="form-row">
                <Field id=row.field("name") label="Name" value=row.read(|p| p.name.clone()) on_input=row.write(|p, v| p.name = v)/>
                <Field id=row.field("relationship") label="Relationship to the children" hint="In the family's words, for example Mum or Nan."
                    value=row.read(|p| p.relationship.clone()) on_input=row.write(|p, v| p.relationship = v)/>
            </div>
            <Field id=row.field("contact") label="Phone or email" value=row.read(|p| p.contact.clone()) on_input=row.write(|p, v| p.contact = v)/>
        }
        .into_any()
    }
    view! {
        <PeopleSection heading_id="network-heading" heading="Family and network" hint="Parents, carers, relatives and friends who help the family."
            unnamed="New person" add_label="Add a person" fields/>
    }
}

#[component]
pub(super) fn WorkersSection() -> impl IntoView {
    fn fields(row: PersonRow<Worker>) -> AnyView {
        view! {
            <div class="form-row">
                <Field id=row.field("name") label="Name" value=row.read(|p| p.name.clone()) on_input=row.write(|p, v| p.name = v)/>
                <Field id=row.field("role") label="Role" hint="For example, social worker." value=row.read(|p| p.role.clone()) on_input=row.write(|p, v| p.role = v)/>
            </div>
            <div class="form-row">
                <Field id=row.field("agency") label="Agency" hint="For example, the school's name." value=row.read(|p| p.agency.clone()) on_input=row.write(|p, v| p.agency = v)/>
                <Field id=row.field("contact") label="Phone or email" value=row.read(|p| p.contact.clone()) on_input=row.write(|p, v| p.contact = v)/>
            </div>
        }
        .into_any()
    }
    view! {
        <PeopleSection heading_id="workers-heading" heading="Workers" hint="Everyone working with the family: social worker, health visitor, school, and others."
            unnamed="New worker" add_label="Add a worker" fields/>
    }
}
