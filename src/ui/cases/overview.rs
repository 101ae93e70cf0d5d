//! A case's front page: the family's people, where each tool stands, and
//! the next step, so a worker new to Kinplan is guided through the work.

use crate::domain::choice::Choice;
use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::plans::schedule::next_deadline;
use crate::domain::{language::dates, Case, Child, ChildAge, NextStep, Tool, ToolProgress};
use crate::route::Route;
use crate::ui::cases::people::{NetworkSection, WorkersSection};
use crate::ui::components::fields::{Field, TextArea};
use crate::ui::platform::browser::{day, focus_later, today};
use crate::ui::state::AppState;
use crate::ui::state::OpenCase;

#[component]
pub fn CaseOverview() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case = open.case();
    let id = case.with_untracked(|c| c.id);
    let read_only = open.is_read_only();
    let profile = expect_context::<AppState>().profile;
    view! {
        <h1 tabindex="-1">{move || case.with(|c| c.label.clone())}</h1>
        <NextStepPanel/>
        <div class="form-group">
            <label class="label" for="case-label">"Case name"</label>
            <p class="hint" id="case-label-hint">"Seen only by you and your team, in the case list."</p>
            <input maxlength=MAX_TEXT_CHARS id="case-label" class="input input-wide" type="text" aria-describedby="case-label-hint" disabled=read_only
                prop:value=move || case.with(|c| c.label.clone())
                on:input=move |ev| open.edit(|c| c.label = event_target_value(&ev))/>
        </div>

        <section aria-labelledby="tools-heading">
            <h2 id="tools-heading">"Tools"</h2>
            <ul class="tool-list">
                {Tool::ALL.iter().copied().map(|tool| view! {
                    <li>
                        <a href=Route::CaseTool(id, tool).href()>{tool.title()}</a>
                        <span class="tool-state">{move || case.with(|c| match c.documents.progress(tool) {
                            ToolProgress::NotStarted => "Not started".to_string(),
                            ToolProgress::Changed(at) => format!("Last changed {}", day(at)),
                        })}</span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="next-deadline"><strong>"Next deadline: "</strong>{move || case.with(|c| {
                let today = today();
                match profile.with(|p| next_deadline(c, p, today)) {
                    Some(item) => format!("{}, {} ({}).", profile.with(|p| item.kind.title(&p.names)), dates::day_month_year(item.due), item.state.title().to_lowercase()),
                    None if c.documents.plans.is_empty() => "none yet. Deadlines appear here once the case has a plan with a start date.".to_string(),
                    None => "none yet. Add the plan's start date to see when visits and meetings are due.".to_string(),
                }
            })}</p>
        </section>

        <ChildrenSection/>
        <NetworkSection/>
        <WorkersSection/>

        <section aria-labelledby="export-heading">
            <h2 id="export-heading">"Keep a copy"</h2>
            <p>"Download everything in this case as a file, to keep a backup or move it to another device."</p>
            <button type="button" class="button button-secondary" on:click=move |_| open.export()>"Export this case"</button>
        </section>
    }
}

#[component]
fn NextStepPanel() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let case = open.case();
    move || {
        let (id, step) = case.with(|c| (c.id, c.next_step()));
        let (text, link): (&str, Option<(String, &str)>) = match step {
            NextStep::AddChildren => ("Add the children in this family, below. Then add the family's network and the workers.", Some(("#children-heading".into(), "Go to Children"))),
            NextStep::Open(Tool::SafetyMap) => ("Build the Signs of Safety map with the family.", Some((Route::CaseTool(id, Tool::SafetyMap).href(), "Open the map"))),
            NextStep::Open(Tool::Plans) => ("Write the plan: who does what, by when.", Some((Route::CaseTool(id, Tool::Plans).href(), "Open plans"))),
            NextStep::Open(tool) => ("Record the child's views in their own words.", Some((Route::CaseTool(id, tool).href(), "Open Three Houses"))),
            NextStep::PrintForFamily => ("Print the plan for the family, in plain words.", None),
        };
        view! {
            <div class="next-step" role="note" aria-label="Next step">
                <h2>"Next step"</h2>
                <p>{text}</p>
                {link.map(|(href, label)| {
                    let in_page = href.starts_with("#children");
                    view! {
                        <a class="button" href=href on:click=move |ev| {
                            // In-page jumps must not touch the hash: it holds the route.
                            if in_page {
                                ev.prevent_default();
                                if let Some(el) = document().get_element_by_id("child-add") {
                                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
                                }
                            }
                        }>{label}</a>
                    }
                })}
            </div>
        }
    }
}

fn find_child(case: &mut Case, id: Uuid) -> Option<&mut Child> {
    case.children.iter_mut().find(|p| p.id == id)
}

#[component]
fn ChildrenSection() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let ids = move || {
        open.case()
            .with(|c| c.children.iter().map(|p| p.id).collect::<Vec<_>>())
    };
    let add = move |_| {
        let id = Uuid::new_v4();
        open.edit(|c| {
            c.children.push(Child {
                id,
                ..Child::default()
            })
        });
        focus_later(format!("child-{id}-name"));
    };
    view! {
        <section aria-labelledby="children-heading">
            <h2 id="children-heading">"Children"</h2>
            <For each=ids key=|id| *id let:id>
                <ChildFields id/>
            </For>
            <button id="child-add" type="button" class="button button-secondary" disabled=open.is_read_only() on:click=add>"Add a child"</button>
        </section>
    }
}

#[component]
fn ChildFields(id: Uuid) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let read = move |f: fn(&Child) -> String| {
        Signal::derive(move || {
            open.case().with(|c| {
                c.children
                    .iter()
                    .find(|p| p.id == id)
                    .map(f)
                    .unwrap_or_default()
            })
        })
    };
    let write = move |f: fn(&mut Child, String)| {
        Callback::new(move |v: String| {
            open.edit(|c| {
                if let Some(p) = find_child(c, id) {
                    f(p, v)
                }
            })
        })
    };
    let name = read(|p| p.first_name.clone());
    // The name with the age, as everything else Kinplan writes gives it.
    let heading = move || {
        open.case()
            .with(|c| c.child_names(&[id], today()).pop())
            .unwrap_or_else(|| "New child".to_string())
    };
    let dob = read(|p| match p.age {
        ChildAge::DateOfBirth(date_of_birth) => date_of_birth.to_string(),
        _ => String::new(),
    });
    let approx = read(|p| match p.age {
        ChildAge::ApproximateYears(years) => years.to_string(),
        _ => String::new(),
    });
    let age_problem = RwSignal::new(None::<String>);
    let set_dob = Callback::new(move |v: String| {
        if v.is_empty() {
            age_problem.set(None);
            open.edit(|c| {
                if let Some(p) = find_child(c, id) {
                    if matches!(p.age, ChildAge::DateOfBirth(_)) {
                        p.age = ChildAge::Unknown
                    }
                }
            });
            return;
        }
        match ChildAge::check_date_of_birth(&v, Utc::now().date_naive()) {
            Ok(date_of_birth) => {
                age_problem.set(None);
                open.edit(|c| {
                    if let Some(p) = find_child(c, id) {
                        p.age = ChildAge::DateOfBirth(date_of_birth)
                    }
                });
            }
            Err(why) => age_problem.set(Some(why)),
        }
    });
    let set_approx = Callback::new(move |v: String| match v.trim().parse::<u8>() {
        Ok(years) if years <= 18 => {
            age_problem.set(None);
            open.edit(|c| {
                if let Some(p) = find_child(c, id) {
                    p.age = ChildAge::ApproximateYears(years)
                }
            });
        }
        _ if v.trim().is_empty() => age_problem.set(None),
        _ => age_problem.set(Some("Enter an age in whole years, from 0 to 18".into())),
    });
    let interpreter = move || {
        open.case().with(|c| {
            c.children
                .iter()
                .find(|p| p.id == id)
                .is_some_and(|p| p.needs_interpreter)
        })
    };
    let remove = move |_| {
        let who = name.get_untracked();
        let who = if who.is_empty() {
            "this child".to_string()
        } else {
            who
        };
        if window()
            .confirm_with_message(&format!("Remove {who} from this case?"))
            .unwrap_or(false)
        {
            open.edit(|c| c.children.retain(|p| p.id != id));
            // The button went with the child: focus the next thing to do.
            focus_later("child-add".into());
        }
    };
    let f = move |suffix: &str| format!("child-{id}-{suffix}");
    view! {
        <fieldset class="fieldset person">
            <legend>{heading}</legend>
            <Field id=f("name") label="First name" value=name on_input=write(|p, v| p.first_name = v)/>
            <div class="form-row">
                <Field id=f("dob") label="Date of birth" kind="date" value=dob on_input=set_dob/>
                <Field id=f("approx") label="Or, age in years" hint="If the date of birth is not known." kind="number" value=approx on_input=set_approx/>
            </div>
            {move || age_problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
            <div class="form-row">
                <Field id=f("pronouns") label="Pronouns" hint="For example, she/her." value=read(|p| p.pronouns.clone()) on_input=write(|p, v| p.pronouns = v)/>
                <Field id=f("language") label="First language" value=read(|p| p.first_language.clone()) on_input=write(|p, v| p.first_language = v)/>
            </div>
            <div class="checkbox">
                <input id=f("interpreter") type="checkbox" disabled=open.is_read_only() prop:checked=interpreter
                    on:change=move |ev| { let on = event_target_checked(&ev); open.edit(|c| if let Some(p) = find_child(c, id) { p.needs_interpreter = on }) }/>
                <label for=f("interpreter")>"Needs an interpreter"</label>
            </div>
            <TextArea id=f("communication") label="How they communicate best" hint="For example, signing, pictures, or a favourite toy to hold." rows=2
                value=read(|p| p.communication_needs.clone()) on_input=write(|p, v| p.communication_needs = v)/>
            <button type="button" class="button button-warning" disabled=open.is_read_only() on:click=remove>
                "Remove " {heading}
            </button>
        </fieldset>
    }
}
