//! A page in an owner of its own.
//!
//! A reactive closure that switches pages re-runs in one owner, and an
//! owner keeps the contexts given to it until it is dropped, not when it
//! is cleaned up. A page that provides a context (the open case, the map's
//! speaker) straight into that closure would leave it behind, disposed,
//! for the next page to find; reading it there panics. Each page built
//! with [`own_scope`] takes its contexts with it.

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

/// Builds `page` in a new child owner that lives and goes with the view.
pub fn own_scope<V>(page: impl FnOnce() -> V) -> OwnedView<V> {
    let owner = Owner::current()
        .expect("pages are built inside the app")
        .child();
    let view = owner.with(page);
    OwnedView::new_with_owner(view, owner)
}
