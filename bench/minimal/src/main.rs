//! The smallest Leptos client-side app that shows a page: a heading and a
//! line of text. `make bench` builds it beside Kinplan, with the same
//! compiler flags and release profile, and times both cold starts in one
//! run (`tests/e2e/bench-start.mjs`), so Kinplan's start-up is judged
//! against what Leptos itself costs on the same machine rather than
//! against a fixed number of milliseconds.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <main>
                <h1>"Your cases"</h1>
                <p>"A minimal Leptos app, for comparison."</p>
            </main>
        }
    });
}
