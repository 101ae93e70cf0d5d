//! A child's resilience matrix on paper: the four quadrants and the
//! summary by domain. For the worker and the network, not the child.

use crate::domain::choice::Choice;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::of_child;
use crate::domain::resilience::Quadrant;
use crate::ui::state::OpenCase;
use crate::ui::tools::resilience::Summary;

#[component]
pub fn ResiliencePrint(child: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let page = open.select(move |c| {
        let matrix = of_child(&c.documents.resilience_matrices, child).cloned();
        (c.child_name(child), matrix)
    });
    move || {
        let (name, matrix) = page.get();
        view! {
            <article class="print-doc print-matrix">
                <h1 tabindex="-1">{format!("{name}'s resilience matrix")}</h1>
                <div class="print-quadrants">
                    {Quadrant::ALL.iter().copied().map(|q| {
                        let factors: Vec<String> = matrix.iter()
                            .flat_map(|m| m.in_quadrant(q))
                            .filter(|f| !f.text.trim().is_empty())
                            .map(|f| format!("{} ({})", f.text.trim(), f.domain.title()))
                            .collect();
                        view! {
                            <section class="print-quadrant">
                                <h2>{q.title()}</h2>
                                <ul>{factors.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                            </section>
                        }
                    }).collect_view()}
                </div>
                <Summary child/>
            </article>
        }
    }
}
