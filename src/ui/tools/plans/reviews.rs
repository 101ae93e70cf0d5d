//! The plan's reviews, newest first, and the form to record one.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::choice::Choice;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::person_ref::PersonRef;
use crate::domain::plans::ReviewKind;
use crate::domain::{language::dates, Case};
use crate::ui::components::fields::{input_date, DateField};
use crate::ui::components::radios::Radios;
use crate::ui::platform::browser::today;
use crate::ui::state::draft::{keep_draft, Draft};
use crate::ui::state::OpenCase;

use super::{edit_plan, read_plan, short};

/// The plan's reviews, newest first, and a form to record one.
/// The "Record a review" form as typed so far (see `ui::state::draft`).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct ReviewDraft {
    date: Option<String>,
    kind: Option<ReviewKind>,
    attended: Vec<Uuid>,
    scale: String,
    decisions: String,
}

#[component]
pub(super) fn Reviews(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<crate::ui::state::AppState>().profile;
    let history = Memo::new(move |_| {
        open.case().with(|c| {
            let Some(p) = c.plan(plan) else {
                return Vec::new();
            };
            let mut reviews: Vec<_> = p
                .reviews
                .iter()
                .map(|r| {
                    let attended: Vec<String> =
                        r.attended.iter().filter_map(|who| who.name(c)).collect();
                    let progress: Vec<String> = r
                        .progress
                        .iter()
                        .filter_map(|pr| {
                            let what = p.actions.iter().find(|a| a.id == pr.action)?.what.clone();
                            Some(format!("{}: {}", short(&what), pr.status.title()))
                        })
                        .collect();
                    (
                        r.id,
                        (r.date, r.kind),
                        attended.join(", "),
                        progress,
                        r.scale,
                        r.decisions.clone(),
                    )
                })
                .collect();
            reviews.sort_by_key(|r| std::cmp::Reverse(r.1 .0));
            reviews
        })
    });
    let draft = Draft::new(
        open.case().with_untracked(|c| c.id),
        format!("review-{plan}"),
    );
    let kept: ReviewDraft = draft.value().unwrap_or_default();
    let plan_kind = read_plan(open, plan, |p| p.kind);
    let date = RwSignal::new(kept.date.unwrap_or_else(|| today().to_string()));
    let kind = RwSignal::new(kept.kind);
    let attended = RwSignal::new(kept.attended);
    let scale = RwSignal::new(kept.scale);
    let decisions = RwSignal::new(kept.decisions);
    keep_draft(
        draft,
        move || ReviewDraft {
            date: Some(date.get()),
            kind: kind.get(),
            attended: attended.get(),
            scale: scale.get(),
            decisions: decisions.get(),
        },
        |d| d.attended.is_empty() && d.scale.is_empty() && d.decisions.is_empty(),
    );
    let problem = RwSignal::new(None::<String>);
    let people = open.select(Case::people);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = input_date(&date.get_untracked()) else {
            problem.set(Some("Enter the date of the review.".into()));
            return;
        };
        if day > today() {
            problem.set(Some(
                "Record a review once it has happened: the date is in the future.".into(),
            ));
            return;
        }
        let score = match scale.get_untracked().trim() {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(n) if n <= 10 => Some(n),
                _ => {
                    problem.set(Some(
                        "The scale is a whole number from 0 to 10, or leave it empty.".into(),
                    ));
                    return;
                }
            },
        };
        let kinds = ReviewKind::for_plan(plan_kind.get_untracked());
        let which = match kind.get_untracked() {
            Some(k) if kinds.contains(&k) => k,
            _ if kinds.len() == 1 => kinds[0],
            _ => {
                problem.set(Some("Choose which meeting reviewed the plan.".into()));
                return;
            }
        };
        problem.set(None);
        let who: Vec<PersonRef> = attended
            .get_untracked()
            .into_iter()
            .map(PersonRef::Person)
            .collect();
        let text = decisions.get_untracked();
        edit_plan(open, plan, |p| {
            let progress = p
                .actions
                .iter()
                .map(|a| crate::domain::plans::ActionProgress {
                    action: a.id,
                    status: a.status,
                    note: String::new(),
                })
                .collect();
            p.reviews.push(crate::domain::plans::PlanReview {
                id: Uuid::new_v4(),
                date: day,
                kind: which,
                attended: who,
                progress,
                scale: score,
                decisions: text,
            });
        });
        attended.set(Vec::new());
        kind.set(None);
        scale.set(String::new());
        decisions.set(String::new());
        draft.clear();
    };
    view! {
        <section aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">"Reviews"</h2>
            <Show when=move || !history.get().is_empty() fallback=|| view! { <p>"No review has been recorded yet."</p> }>
                <ol class="review-history">
                    {move || history.get().into_iter().map(|(_, (day, which), who, progress, scale, decided)| view! {
                        <li>
                            <h3>{format!("{} on {}", profile.with(|p| which.called(&p.names)), dates::day_month_year(day))}</h3>
                            <p><strong>"Who came: "</strong>{if who.is_empty() { "not recorded".to_string() } else { who }}</p>
                            {scale.map(|s| view! { <p><strong>"Scale: "</strong>{format!("{s} out of 10")}</p> })}
                            <ul>{progress.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                            <p><strong>"Decisions: "</strong>{decided}</p>
                        </li>
                    }).collect_view()}
                </ol>
            </Show>
            <form class="record-review" on:submit=record novalidate>
                <h3>"Record a review"</h3>
                <p class="hint">"Each action's progress is recorded as it stands in the plan now, so set the progress of each action first."</p>
                <Show when=move || { ReviewKind::for_plan(plan_kind.get()).len() > 1 }>
                    <Radios name="review-kind" legend="Which meeting reviewed the plan?" value=kind
                        hint=Signal::derive(move || profile.with(|p| format!("Only a {} moves the date of the next one. A {} meeting moves the next {} meeting.", p.names.review_conference, p.names.core_group, p.names.core_group)))
                        options=Signal::derive(move || ReviewKind::for_plan(plan_kind.get()).to_vec())
                        title=Callback::new(move |k: ReviewKind| profile.with(|p| k.called(&p.names)))
                        on_change=Callback::new(move |k| kind.set(Some(k)))/>
                </Show>
                <DateField id="review-date".into() label="Date of the review" value=date/>
                <fieldset class="fieldset">
                    <legend>"Who came"</legend>
                    {move || people.get().into_iter().map(|(pid, name, what)| {
                        let box_id = format!("review-came-{pid}");
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=box_id.clone() prop:checked=move || attended.with(|a| a.contains(&pid))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        attended.update(|a| { a.retain(|x| *x != pid); if on { a.push(pid) } });
                                    }/>
                                <label for=box_id>{if what.trim().is_empty() { name } else { format!("{name} ({what})") }}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="form-group">
                    <label class="label" for="review-scale">"Scale, if one was used"</label>
                    <p class="hint" id="review-scale-hint">"0 to 10, where 10 means the children are safe enough to close the case."</p>
                    <input id="review-scale" class="input input-short" type="number" min="0" max="10" aria-describedby="review-scale-hint"
                        prop:value=scale on:input=move |ev| scale.set(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label class="label" for="review-decisions">"Decisions made"</label>
                    <textarea maxlength=MAX_TEXT_CHARS id="review-decisions" class="textarea" rows="3" prop:value=decisions on:input=move |ev| decisions.set(event_target_value(&ev))></textarea>
                </div>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                <button type="submit" class="button button-secondary" disabled=open.is_read_only()>"Record the review"</button>
            </form>
        </section>
    }
}
