//! The genogram and the ecomap, each on one A4 landscape page: the drawing,
//! and the same in words beside it.

use leptos::prelude::*;

use crate::domain::genogram::ecomap::ecomap;
use crate::domain::genogram::layout::lay_out;
use crate::ui::state::OpenCase;

use super::{EcomapDrawing, EcomapText, GenogramDrawing, GenogramText};

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
            <GenogramText layout/>
        </article>
    }
}

#[component]
pub fn EcomapPrint() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let map = open.select(ecomap);
    let label = open.select(|c| c.label.clone());
    view! {
        <article class="print-doc print-genogram print-ecomap">
            <h1 tabindex="-1">{move || format!("Ecomap: {}", label.get())}</h1>
            <figure class="genogram">
                <figcaption id="ecomap-print-caption" class="visually-hidden">"The ecomap. The same is written out beside it."</figcaption>
                <EcomapDrawing map caption_id="ecomap-print-caption"/>
            </figure>
            <EcomapText map/>
        </article>
    }
}
