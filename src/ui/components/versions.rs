//! The versions of a document kept one per meeting (the map, the safety
//! plan): which one is on screen, and starting the next. Only the latest
//! can change; an earlier one says so, with a way back.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::language::dates;
use crate::ui::components::fields::{input_date, DateField};
use crate::ui::platform::browser::today;
use crate::ui::state::OpenCase;

/// The version on screen: its id, and whether it is the latest (the only
/// one that can change).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown {
    pub id: Uuid,
    pub editable: bool,
}

/// The version to show: `chosen` if it still exists, else the latest.
/// `None` while there is no version at all.
pub fn shown_version(
    versions: Memo<Vec<(Uuid, NaiveDate)>>,
    chosen: RwSignal<Option<Uuid>>,
) -> Memo<Option<Shown>> {
    let open = expect_context::<OpenCase>();
    Memo::new(move |_| {
        versions.with(|v| {
            let latest = v.last()?.0;
            let id = chosen
                .get()
                .filter(|id| v.iter().any(|(m, _)| m == id))
                .unwrap_or(latest);
            Some(Shown {
                id,
                editable: id == latest && !open.is_read_only(),
            })
        })
    })
}

/// The picker of versions and the form that starts the next one.
#[component]
pub fn Versions(
    /// Starts the ids: `{id}-version`, and the next one's date field.
    id: &'static str,
    /// What a version is, in the earlier-version note: "map".
    document: &'static str,
    /// "Review on", "Date of the meeting".
    date_label: &'static str,
    /// "Start a review", "Record a network meeting".
    start_label: &'static str,
    /// The id of the date field of the next version.
    date_id: &'static str,
    /// Said when that date is missing: "Enter the date of the review."
    no_date: &'static str,
    shown: Shown,
    chosen: RwSignal<Option<Uuid>>,
    versions: Memo<Vec<(Uuid, NaiveDate)>>,
    /// Starts the next version on the day given.
    on_start: Callback<NaiveDate>,
) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    // The new version is the latest: show it.
    let start = Callback::new(move |day| {
        on_start.run(day);
        chosen.set(None);
    });
    let latest = move || versions.with(|v| v.last().map(|(id, _)| *id));
    let picker_id = format!("{id}-version");
    view! {
        <section class="versions" aria-labelledby=format!("{id}-versions-heading")>
            <h2 id=format!("{id}-versions-heading") class="visually-hidden">"Versions"</h2>
            <div class="form-row">
                <div class="form-group">
                    <label class="label" for=picker_id.clone()>"Version"</label>
                    <select id=picker_id class="select" on:change=move |ev| {
                        let id = event_target_value(&ev).parse::<Uuid>().ok();
                        chosen.set(id.filter(|id| Some(*id) != latest()));
                    }>
                        {move || versions.get().into_iter().rev().enumerate().map(|(i, (id, day))| {
                            let label = if i == 0 { format!("{} (latest)", dates::day_month_year(day)) } else { dates::day_month_year(day) };
                            view! { <option value=id.to_string() selected=id == shown.id>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || shown.editable>
                    <DatedStart date_id date_label no_date button=start_label beside=true on_start=start/>
                </Show>
            </div>
            <Show when=move || !shown.editable && !open.is_read_only()>
                <div class="warning-text" role="note">
                    <p>{format!("This is an earlier version of the {document}. It is kept as it was on the day and cannot be changed. ")}
                        <button type="button" class="button-link" on:click=move |_| chosen.set(None)>"Show the latest version"</button></p>
                </div>
            </Show>
        </section>
    }
}

/// A date and a button that starts something on that day: the first map
/// or safety plan, a review, a network meeting. A missing date is said
/// above the button; a good one goes to `on_start`.
#[component]
pub fn DatedStart(
    date_id: &'static str,
    date_label: &'static str,
    /// Said when the date is missing: "Enter the date of the meeting."
    no_date: &'static str,
    button: &'static str,
    /// In a row beside the version picker, as a secondary action.
    #[prop(optional)]
    beside: bool,
    on_start: Callback<NaiveDate>,
) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let date = RwSignal::new(today().to_string());
    let problem = RwSignal::new(false);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = input_date(&date.get_untracked());
        problem.set(day.is_none());
        if let Some(day) = day {
            on_start.run(day);
        }
    };
    view! {
        <form class:start-version=beside on:submit=start novalidate>
            <DateField id=date_id.into() label=date_label value=date/>
            <Show when=move || problem.get()>
                <p class="error-message" role="alert">{no_date}</p>
            </Show>
            <button type="submit" class="button" class:button-secondary=beside disabled=open.is_read_only()>{button}</button>
        </form>
    }
}
