//! The page for a tool that is not built yet. It says so plainly.

use leptos::prelude::*;

use crate::domain::Tool;
use crate::route::Route;
use crate::ui::case_session::OpenCase;

#[component]
pub fn ToolPlaceholder(tool: Tool) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let back = move || Route::CaseOverview(open.case().with(|c| c.id)).href();
    view! {
        <h1 tabindex="-1">{tool.title()}</h1>
        <div class="inset-text">
            <p>"This tool is not built yet. Nothing can be recorded here so far."</p>
            <p>"Everything else you have written for this case is saved and can be exported."</p>
        </div>
        <p><a href=back>"Back to the case overview"</a></p>
    }
}
