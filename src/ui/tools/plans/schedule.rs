//! The statutory meetings and visits beside the plan, and the events that
//! move them on.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::language::dates;
use crate::domain::plans::schedule::{schedule, DueState};
use crate::domain::plans::{EventKind, RecordedEvent};
use crate::domain::profile::PracticeProfile;
use crate::ui::components::choice_select::ChoiceSelect;
use crate::ui::components::fields::{input_date, DateField};
use crate::ui::platform::browser::today;
use crate::ui::state::OpenCase;

use super::edit_plan;

#[component]
pub(super) fn SchedulePanel(plan: Uuid, profile: RwSignal<PracticeProfile>) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    // Recomputed on every edit, but redrawn only when a date changes.
    let items = Memo::new(move |_| {
        open.case().with(|c| {
            let p = c.plan(plan)?;
            let baby = c.has_baby(&p.children, today());
            Some(profile.with(|pr| schedule(p, baby, pr, today())))
        })
    });
    let items = move || items.get();
    let event_kind = RwSignal::new(EventKind::Visit);
    let event_date = RwSignal::new(today().to_string());
    let problem = RwSignal::new(None::<String>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match input_date(&event_date.get_untracked()) {
            Some(date) if date <= today() => {
                problem.set(None);
                let kind = event_kind.get_untracked();
                edit_plan(open, plan, |p| p.events.push(RecordedEvent { kind, date }));
            }
            Some(_) => problem.set(Some(
                "Record only what has already happened: the date is in the future.".into(),
            )),
            None => problem.set(Some("Enter the date it happened.".into())),
        }
    };
    view! {
        <section aria-labelledby="schedule-heading" class="schedule">
            <h2 id="schedule-heading">"What is due"</h2>
            {move || match items() {
                None => ().into_any(),
                Some(Err(problems)) => view! {
                    <ul class="findings">{problems.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                }.into_any(),
                Some(Ok(items)) => view! {
                    <table class="table">
                        <thead><tr><th scope="col">"What"</th><th scope="col">"By"</th><th scope="col">"State"</th><th scope="col">"Why then"</th></tr></thead>
                        <tbody>
                            {items.into_iter().map(|i| view! {
                                <tr>
                                    <td>{profile.with_untracked(|p| i.kind.title(&p.names))}</td>
                                    <td>{dates::day_month_year(i.due)}</td>
                                    <td><strong class="tag" data-state=match i.state { DueState::Overdue => "overdue", DueState::DueSoon => "soon", DueState::Upcoming => "due" }>{i.state.title()}</strong></td>
                                    <td>{i.basis}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="hint">"Worked out with the practice profile \u{201c}"{move || profile.with(|p| p.name.clone())}"\u{201d}. "
                        <a href=crate::route::Route::Settings.href()>"Change it in Settings"</a>"."</p>
                }.into_any(),
            }}
            <form class="record-event" on:submit=record novalidate>
                <div class="form-row">
                    <ChoiceSelect id="event-kind" label="Record something that happened"
                        value=Signal::derive(move || Some(event_kind.get()))
                        on_change=Callback::new(move |kind| event_kind.set(kind))/>
                    <DateField id="event-date".into() label="On" value=event_date/>
                </div>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <button type="submit" class="button button-secondary" disabled=open.is_read_only()>"Record it"</button>
            </form>
        </section>
    }
}
