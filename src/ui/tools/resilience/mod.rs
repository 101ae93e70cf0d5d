//! The resilience matrix: a worker's tool, one for each child.
//!
//! Factors are cards in the four quadrants. They move by the "Move to"
//! list (keyboard) or by dragging onto another quadrant (pointer). The
//! summary below counts strengths and concerns by domain, as
//! `domain::resilience` defines them.

pub mod print;

use crate::domain::choice::Choice;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::resilience::{Quadrant, ResilienceDomain, ResilienceFactor, ResilienceMatrix};
use crate::route::{PrintView, Route};
use crate::ui::components::choice_select::ChoiceSelect;
use crate::ui::components::per_child::{edit_child_doc, read_child_doc, ChildTabs};
use crate::ui::platform::browser::focus_later;
use crate::ui::platform::pieces::piece;
use crate::ui::state::OpenCase;

/// Drag-and-drop carries the factor's id under this type.
const DRAG_TYPE: &str = "application/x-kinplan-factor";

fn edit_matrix(open: OpenCase, child: Uuid, change: impl FnOnce(&mut ResilienceMatrix)) {
    edit_child_doc(open, child, |d| &mut d.resilience_matrices, change);
}

piece! {
    /// The resilience matrix, from its piece of the app.
    resilience: pub fn page() { view! { <ResiliencePage/> }.into_any() }
}

#[component]
pub fn ResiliencePage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Resilience matrix"</h1>
        <p class="lead">"Place what you know about the child on two lines: their own resilience or vulnerability, and a protective or adverse world around them. Build on the strengths; name the worries."</p>
        <ChildTabs render=|child| view! { <Matrix child/> }/>
    }
}

#[component]
fn Matrix(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let name = open.select(move |c| c.child_name(child));
    view! {
        <h2>{move || format!("{}'s matrix", name.get())}</h2>
        <p><a class="button button-secondary" href=Route::Print(case_id, PrintView::Resilience(child)).href()>"Print the matrix"</a></p>
        <div class="matrix">
            <p class="axis axis-top" aria-hidden="true">"Resilience"</p>
            <p class="axis axis-bottom" aria-hidden="true">"Vulnerability"</p>
            <p class="axis axis-left" aria-hidden="true">"Protective environment"</p>
            <p class="axis axis-right" aria-hidden="true">"Adversity"</p>
            {Quadrant::ALL.iter().copied().map(|quadrant| view! { <QuadrantBox child quadrant/> }).collect_view()}
        </div>
        <Summary child/>
    }
}

#[component]
fn QuadrantBox(child: Uuid, quadrant: Quadrant) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let ids = read_child_doc(
        open,
        child,
        |d| &d.resilience_matrices,
        move |m| {
            m.map(|m| m.in_quadrant(quadrant).map(|f| f.id).collect::<Vec<_>>())
                .unwrap_or_default()
        },
    );
    let over = RwSignal::new(false);
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let id = ev
            .data_transfer()
            .and_then(|d| d.get_data(DRAG_TYPE).ok())
            .and_then(|id| id.parse::<Uuid>().ok());
        if let Some(id) = id {
            edit_matrix(open, child, |m| {
                if let Some(f) = m.factor_mut(id) {
                    f.quadrant = quadrant;
                }
            });
        }
    };
    let add = move |_| {
        let factor = ResilienceFactor::new(quadrant, ResilienceDomain::default());
        let id = factor.id;
        edit_matrix(open, child, |m| m.factors.push(factor));
        focus_later(format!("factor-{id}-text"));
    };
    let heading = format!("quadrant-{}", quadrant.slug());
    let labelled = heading.clone();
    view! {
        <section class=format!("quadrant quadrant-{}", quadrant.slug()) class:drop-over=move || over.get()
            aria-labelledby=labelled
            on:dragover=move |ev| { ev.prevent_default(); over.set(true) }
            on:dragleave=move |_| over.set(false)
            on:drop=drop>
            <h3 id=heading>{quadrant.title()}</h3>
            <p class="hint">{quadrant.hint()}</p>
            <ul class="factors">
                <For each=move || ids.get() key=|id| *id let:id>
                    <FactorCard child id/>
                </For>
            </ul>
            <button id=format!("factor-add-{}", quadrant.slug()) type="button" class="button button-secondary" on:click=add>
                "Add a factor"<span class="visually-hidden">{format!(" to {}", quadrant.title())}</span>
            </button>
        </section>
    }
}

#[component]
fn FactorCard(child: Uuid, id: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let factor = read_child_doc(
        open,
        child,
        |d| &d.resilience_matrices,
        move |m| m.and_then(|m| m.factors.iter().find(|f| f.id == id).cloned()),
    );
    let edit = move |change: Box<dyn FnOnce(&mut ResilienceFactor)>| {
        edit_matrix(open, child, |m| {
            if let Some(f) = m.factor_mut(id) {
                change(f);
            }
        });
    };
    let text = move || factor.with(|f| f.as_ref().map(|f| f.text.clone()).unwrap_or_default());
    let domain = move || factor.with(|f| f.as_ref().map(|f| f.domain).unwrap_or_default());
    let quadrant = move || factor.with(|f| f.as_ref().map(|f| f.quadrant));
    let (text_id, domain_id, move_id) = (
        format!("factor-{id}-text"),
        format!("factor-{id}-domain"),
        format!("factor-{id}-move"),
    );
    view! {
        <li class="factor" draggable="true"
            on:dragstart=move |ev: leptos::ev::DragEvent| if let Some(d) = ev.data_transfer() { let _ = d.set_data(DRAG_TYPE, &id.to_string()); }>
            <label class="label" for=text_id.clone()>"Factor"</label>
            <textarea maxlength=MAX_TEXT_CHARS id=text_id class="textarea" rows="2" prop:value=text
                on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |f| f.text = v)); }></textarea>
            <div class="factor-fields">
                <ChoiceSelect id=domain_id label="Domain" value=Signal::derive(move || Some(domain()))
                    on_change=Callback::new(move |d| edit(Box::new(move |f| f.domain = d)))/>
                <ChoiceSelect id=move_id label="Move to" value=Signal::derive(quadrant)
                    on_change=Callback::new(move |q| {
                        edit(Box::new(move |f| f.quadrant = q));
                        focus_later(format!("factor-{id}-move"));
                    })/>
            </div>
            <button type="button" class="button-link button-link-warning" on:click=move |_| {
                let quadrant = quadrant();
                edit_matrix(open, child, |m| m.factors.retain(|f| f.id != id));
                // The button went with the factor: focus the quadrant's "Add".
                if let Some(q) = quadrant {
                    focus_later(format!("factor-add-{}", q.slug()));
                }
            }>"Delete"<span class="visually-hidden">" this factor"</span></button>
        </li>
    }
}

/// Strengths and concerns by domain, and what to build on.
#[component]
pub fn Summary(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let matrix = read_child_doc(open, child, |d| &d.resilience_matrices, |m| m.cloned());
    move || {
        let Some(m) = matrix.get() else {
            return view! { <p class="hint">"Add factors to see the summary by domain."</p> }
                .into_any();
        };
        let build_on: Vec<String> = m
            .strengths_to_build_on()
            .iter()
            .map(|f| format!("{} ({})", f.text.trim(), f.domain.title()))
            .collect();
        let strongest: Vec<&str> = m.strongest_domains().iter().map(|d| d.title()).collect();
        view! {
            <section class="matrix-summary" aria-labelledby="matrix-summary">
                <h2 id="matrix-summary">"Summary by domain"</h2>
                <table class="table">
                    <thead><tr><th scope="col">"Domain"</th><th scope="col" class="numeric">"Strengths"</th><th scope="col" class="numeric">"Concerns"</th></tr></thead>
                    <tbody>
                        {m.summary().into_iter().map(|s| view! {
                            <tr><th scope="row">{s.domain.title()}</th><td class="numeric">{s.strengths}</td><td class="numeric">{s.concerns}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="hint">"A factor in a mixed quadrant, such as resilience in adversity, counts as both a strength and a concern."</p>
                {(!strongest.is_empty()).then(|| view! { <p>"Most strengths: " <strong>{strongest.join(", ")}</strong></p> })}
                <h3>"Strengths to build on"</h3>
                {if build_on.is_empty() {
                    view! { <p>"None recorded yet."</p> }.into_any()
                } else {
                    view! { <ul class="list-bullet">{build_on.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                }}
            </section>
        }
        .into_any()
    }
}
