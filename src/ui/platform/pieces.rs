//! The app's pieces: each tool's code is fetched the first time it opens.
//!
//! The first download is the shell and the case list. Every function made
//! with [`piece!`] starts a piece of its own: the release and development
//! builds cut the WebAssembly there (`scripts/pieces.py`, after Trunk), and
//! calling the function first fetches its piece. Functions given the same
//! piece name share one file; code that several pieces use goes into a
//! shared file fetched with the first of them. `docs/size.md` lists what
//! each piece weighs.
//!
//! A piece function hands back a [`PageMaker`] rather than the page, and
//! [`Piece`] builds the page synchronously, in its own reactive owner, once
//! the code is there. A page built inside the asynchronous fetch would be
//! owned by whatever was current when the fetch ended, and outlive the page
//! it belonged to (leaving a case then read the closed case).
//!
//! A piece is fetched once per page load and kept; the service worker keeps
//! every piece from its install, so a tool never opened before still opens
//! offline. Should a piece not arrive (the server out of reach before the
//! service worker has a copy, or a new deployment that removed it), the
//! worker is told and can try again: a failed fetch is never remembered.

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::ui::platform::browser::focus_main_heading;
use crate::ui::platform::scope::own_scope;

/// A piece of the app could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PieceMissing;

impl std::fmt::Display for PieceMissing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the part of Kinplan that does this did not arrive: the server may be out of reach. Nothing was changed; check the connection and try again")
    }
}

impl From<leptos::wasm_split::SplitLoaderError> for PieceMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PieceMissing
    }
}

/// Builds a page whose code has arrived.
pub type PageMaker = Box<dyn FnOnce() -> AnyView>;

/// Starts a piece of the app at a function:
///
/// ```ignore
/// piece! {
///     /// The map, from its piece of the app.
///     safety_map: pub fn page() { view! { <SafetyMapPage/> }.into_any() }
/// }
/// piece! {
///     /// Creates a case, with the code that writes whole cases.
///     records: pub fn create_case(state: AppState, name: String) -> Result<Uuid, String> { … }
/// }
/// ```
///
/// The function becomes `async`; it fetches the piece, then runs the body,
/// and returns its value, or `Err(PieceMissing)` if the piece cannot be
/// fetched. Without a return type the body builds a page, and the function
/// returns a [`PageMaker`] for it, for [`Piece`]. `safety_map` names the
/// piece: functions with the same name share one. `, fetch_name` after it
/// also makes `fetch_name()`, which fetches the piece without running
/// anything. The body itself cannot be `async`: one that waits returns a
/// boxed future, whose code is then in the piece too.
///
/// Without the `pieces` feature (the component tests, which run one unsplit
/// module) the functions are plain `async` ones in the main module.
macro_rules! piece {
    ($(#[$doc:meta])* $piece:ident $(, $fetch:ident)?: $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) { $($body:tt)* }) => {
        $crate::ui::platform::pieces::piece! {
            $(#[$doc])* $piece $(, $fetch)?: $vis fn $name($($arg: $ty),*) -> $crate::ui::platform::pieces::PageMaker {
                Box::new(move || { $($body)* })
            }
        }
    };
    ($(#[$doc:meta])* $piece:ident $(, $fetch:ident)?: $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty { $($body:tt)* }) => {
        $(#[$doc])*
        #[cfg(feature = "pieces")]
        #[::leptos::wasm_split::wasm_split(
            $piece,
            wasm_split_path = ::leptos::wasm_split,
            fallible
            $(, preload($fetch))?
        )]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::platform::pieces::PieceMissing> {
            Ok({ $($body)* })
        }

        $(#[$doc])*
        #[cfg(not(feature = "pieces"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::platform::pieces::PieceMissing> {
            Ok({ $($body)* })
        }

        $(
            #[cfg(not(feature = "pieces"))]
            pub async fn $fetch() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
                Ok(())
            }
        )?
    };
}
pub(crate) use piece;

/// Where a piece is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fetch {
    /// Here already, or on its way: ask for it (again).
    Ask,
    /// It did not arrive; the worker is told and may try again.
    Failed,
}

/// A page whose code is in a piece: "Loading…" (announced) until the piece
/// has arrived, then the page, or what to do if it cannot come. A piece
/// already fetched builds its page at once, with no "Loading…" in between.
///
/// `load` is a function made with [`piece!`].
#[component]
pub fn Piece<L, F>(load: L) -> impl IntoView
where
    L: Fn() -> F + Copy + Send + Sync + 'static,
    F: Future<Output = Result<PageMaker, PieceMissing>> + 'static,
{
    let fetch = RwSignal::new(Fetch::Ask);
    move || {
        if fetch.get() == Fetch::Failed {
            return view! { <PieceFailed fetch/> }.into_any();
        }
        let mut arriving = Box::pin(load());
        match arriving
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(Ok(make)) => own_scope(make).into_any(),
            Poll::Ready(Err(PieceMissing)) => view! { <PieceFailed fetch/> }.into_any(),
            Poll::Pending => {
                spawn_local(async move {
                    let next = match arriving.await {
                        Ok(_) => Fetch::Ask,
                        Err(PieceMissing) => Fetch::Failed,
                    };
                    // The page may have gone while its piece was on the way.
                    if fetch.try_set(next).is_none() {
                        request_animation_frame(focus_heading_if_lost);
                    }
                });
                view! { <p class="loading" role="status">"Loading\u{2026}"</p> }.into_any()
            }
        }
    }
}

/// The link that opened the page went with the old page, and the new one
/// had no heading yet when the route changed: focus goes to it now.
fn focus_heading_if_lost() {
    let lost = document()
        .active_element()
        .is_none_or(|el| el.dyn_ref::<web_sys::HtmlBodyElement>().is_some());
    if lost {
        focus_main_heading();
    }
}

#[component]
fn PieceFailed(fetch: RwSignal<Fetch>) -> impl IntoView {
    view! {
        <div class="piece-failed" role="alert">
            <h1 tabindex="-1">"This page could not be opened"</h1>
            <p>"Kinplan fetches each tool the first time it is opened on this device, and this one did not arrive: the server may be out of reach. Everything you have saved is safe."</p>
            <p>"Check the connection, then try again. If Kinplan has just been updated, reload the page."</p>
            <button class="button" type="button" on:click=move |_| fetch.set(Fetch::Ask)>"Try again"</button>
        </div>
    }
}
