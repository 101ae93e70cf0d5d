//! Print views: pages laid out for A4 that the browser prints. Each has its
//! own address, a Print button, and nothing of the app's chrome on paper
//! (`style/print.css`). On screen, a panel above the page checks the words
//! the family will read; it is never printed.

use leptos::prelude::*;

use crate::domain::Tool;
use crate::route::{PrintView, Route};
use crate::ui::state::OpenCase;

use crate::ui::platform::pieces::piece;
use crate::ui::tools::child_voice::print::{ChildsWordsPrint, MySafetyPlanPrint};
use crate::ui::tools::chronology::print::{ChronologyPrint, CourtChronologyPrint};
use crate::ui::tools::genogram::print::{EcomapPrint, GenogramPrint};
use crate::ui::tools::plans::print::FamilyPlanPrint;
use crate::ui::tools::resilience::print::ResiliencePrint;
use crate::ui::tools::safety_map::print::MapPrint;
use crate::ui::tools::safety_map::words_and_pictures::WordsAndPicturesPrint;
use crate::ui::tools::safety_plan::print::SafetyPlanPrint;

piece! {
    /// A print view, from the print views' piece of the app.
    print: pub fn page(view: PrintView) { view! { <PrintPage view/> }.into_any() }
}

#[component]
pub fn PrintPage(view: PrintView) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case_id = open.case().with_untracked(|c| c.id);
    let back = match view {
        PrintView::FamilyPlan(plan) => Route::Plan(case_id, plan),
        PrintView::WordsAndPictures | PrintView::SafetyMap => {
            Route::CaseTool(case_id, Tool::SafetyMap)
        }
        PrintView::ChildsWords(_) => Route::CaseTool(case_id, Tool::ThreeHouses),
        PrintView::Resilience(_) => Route::CaseTool(case_id, Tool::Resilience),
        PrintView::Genogram | PrintView::Ecomap => Route::CaseTool(case_id, Tool::Genogram),
        PrintView::Chronology | PrintView::CourtChronology => {
            Route::CaseTool(case_id, Tool::Chronology)
        }
        PrintView::SafetyPlan | PrintView::ChildSafetyPlan(_) => {
            Route::CaseTool(case_id, Tool::SafetyPlan)
        }
    };
    view! {
        <div class="print-toolbar no-print">
            <a href=back.href()>"Back"</a>
            <button type="button" class="button" on:click=|_| { let _ = window().print(); }>"Print"</button>
            <p class="hint">"Prints on A4, in black and white if you like. Choose \u{201c}Save as PDF\u{201d} in the print window to keep a copy."</p>
        </div>
        {match view {
            PrintView::FamilyPlan(plan) => view! { <FamilyPlanPrint plan/> }.into_any(),
            PrintView::WordsAndPictures => view! { <WordsAndPicturesPrint/> }.into_any(),
            PrintView::SafetyMap => view! { <MapPrint/> }.into_any(),
            PrintView::ChildsWords(child) => view! { <ChildsWordsPrint child/> }.into_any(),
            PrintView::Resilience(child) => view! { <ResiliencePrint child/> }.into_any(),
            PrintView::SafetyPlan => view! { <SafetyPlanPrint/> }.into_any(),
            PrintView::ChildSafetyPlan(child) => view! { <MySafetyPlanPrint child/> }.into_any(),
            PrintView::Chronology => view! { <ChronologyPrint/> }.into_any(),
            PrintView::CourtChronology => view! { <CourtChronologyPrint/> }.into_any(),
            PrintView::Genogram => view! { <GenogramPrint/> }.into_any(),
            PrintView::Ecomap => view! { <EcomapPrint/> }.into_any(),
        }}
    }
}
