//! The one message child mode shows when storage needs the worker.

use leptos::prelude::*;

/// What child mode shows when something needs the worker: the child is
/// asked to fetch them, and nothing on the screen can change anything.
#[component]
pub fn AskYourWorker() -> impl IntoView {
    view! {
        <div class="child-ask-worker" role="alert">
            <p>"Please ask your worker to look at the screen."</p>
        </div>
    }
}
