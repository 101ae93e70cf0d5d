//! "Check this plan": the quality self-check on the six-point scale, with
//! what each answer was based on, and the questions only the worker can
//! answer. The rules are in `domain::plans::quality`.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::choice::Choice;
use crate::domain::plans::quality::{Answer, QualityCheck, Settled, WorkerAnswer};
use crate::route::Route;
use crate::ui::components::radios::Radios;
use crate::ui::platform::browser::today;
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;

fn answer_words(answer: Option<Answer>) -> &'static str {
    answer.map_or("Not answered", Answer::title)
}

#[component]
pub fn PlanCheck(plan: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let profile = expect_context::<AppState>().profile;
    let case_id = open.case().with_untracked(|c| c.id);
    let check = Memo::new(move |_| {
        open.case().with(|c| {
            let p = c.plan(plan)?;
            Some(profile.with(|pr| QualityCheck::new(c, p, pr, today())))
        })
    });
    let set = move |code: &'static str, answer: Answer| {
        open.edit(|c| {
            if let Some(p) = c.plan_mut(plan) {
                p.quality.retain(|a| a.code != code);
                p.quality.push(WorkerAnswer {
                    code: code.into(),
                    answer,
                });
            }
        })
    };
    view! {
        <h1 tabindex="-1">"Check this plan"</h1>
        <p>"The quality statements file readers use, on the Care Inspectorate's six-point scale. Kinplan answers what the plan's data can settle, and asks you the rest."</p>
        <p><a href=Route::Plan(case_id, plan).href()>"Back to the plan"</a></p>
        {move || check.get().map(|check| {
            let grade = check.grade().title();
            let share = check.share_yes() * 100.0;
            let open_questions = check.unanswered();
            let strengths: Vec<&'static str> = check.strengths().map(|j| j.statement.text).collect();
            let areas: Vec<&'static str> = check.areas_for_development().map(|j| j.statement.text).collect();
            view! {
                <div class="grade-panel" role="status">
                    <p class="grade">{format!("Grade: {grade}")}</p>
                    <p>{format!("{share:.0}% of the statements that apply are answered yes.")}
                        {(open_questions > 0).then(|| format!(" {open_questions} still need your answer, so this grade may change."))}</p>
                </div>
                <div class="form-row">
                    <section aria-labelledby="strengths-heading" class="form-group">
                        <h2 id="strengths-heading">"Strengths"</h2>
                        <ul>{strengths.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    </section>
                    <section aria-labelledby="areas-heading" class="form-group">
                        <h2 id="areas-heading">"Areas for development"</h2>
                        {if areas.is_empty() {
                            view! { <p>"None found."</p> }.into_any()
                        } else {
                            view! { <ul>{areas.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </section>
                </div>
                <h2>"Each statement"</h2>
                <ol class="statements">
                    {check.judgements.into_iter().map(|j| {
                        let code = j.statement.code;
                        let name = format!("quality-{code}");
                        view! {
                            <li class="statement" data-code=code data-answer=answer_words(j.answer)>
                                <p class="statement-text">{j.statement.text}</p>
                                {match j.statement.settled {
                                    Settled::Automatically => view! {
                                        <p><strong>{answer_words(j.answer)}</strong>". "{j.basis}</p>
                                    }.into_any(),
                                    Settled::ByWorker => view! {
                                        <Radios name legend=j.statement.text legend_hidden=true inline=true
                                            disabled=open.is_read_only() value=Signal::stored(j.answer)
                                            on_change=Callback::new(move |value| set(code, value))/>
                                    }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
        })}
    }
}
