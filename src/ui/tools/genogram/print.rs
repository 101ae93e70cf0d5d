//! The genogram on one A4 landscape page: the drawing, and who is who in
//! words beside it.

use leptos::prelude::*;

use crate::domain::genogram::layout::lay_out;
use crate::ui::cases::session::OpenCase;

use super::{GenogramDrawing, GenogramText};

#[component]
pub fn GenogramPrint() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let layout = open.select(lay_out);
    let label = open.select(|c| c.label.clone());
    view! {
        <article class="print-doc print-genogram">
            <h1 tabindex="-1">{move || format!("Genogram: {}", label.get())}</h1>
            <figure class="genogram">
                <figcaption id="genogram-print-caption" class="visually-hidden">"The genogram. Who is who is written out beside it."</figcaption>
                <GenogramDrawing layout caption_id="genogram-print-caption"/>
            </figure>
            <GenogramText/>
        </article>
    }
}
