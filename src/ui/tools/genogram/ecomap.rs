//! The ecomap, drawn and edited: the household in the middle, each service
//! and person around it on a ring, joined by a line whose style says how
//! the connection is (thick for strong, dashed for weak, zigzag for
//! stressful, thin grey until it is said). The same is written out for
//! screen readers, and every connection is set from a form.

use leptos::prelude::*;

use crate::domain::choice::Choice;
use crate::domain::genogram::ecomap::{ecomap, Around, Strength};
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::person_ref::PersonRef;
use crate::ui::platform::browser::focus_later;
use crate::ui::state::OpenCase;

use super::edit_genogram;

const WIDTH: f64 = 780.0;
const HEIGHT: f64 = 620.0;
const RING: f64 = 235.0;
const CENTRE_R: f64 = 92.0;
const NODE_R: f64 = 66.0;

fn line_class(strength: Strength) -> &'static str {
    match strength {
        Strength::NotSaid => "eco-line eco-not-said",
        Strength::Strong => "eco-line eco-strong",
        Strength::Weak => "eco-line eco-weak",
        Strength::Stressful => "eco-line eco-stressful",
    }
}

/// The line from the household to a circle: straight, or a zigzag for a
/// stressful connection.
fn connection(x0: f64, y0: f64, x1: f64, y1: f64, strength: Strength) -> String {
    if strength != Strength::Stressful {
        return format!("M{x0:.1},{y0:.1} L{x1:.1},{y1:.1}");
    }
    let (dx, dy) = (x1 - x0, y1 - y0);
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let (nx, ny) = (-dy / length * 7.0, dx / length * 7.0);
    let steps = (length / 14.0).floor().max(2.0) as usize;
    let mut d = format!("M{x0:.1},{y0:.1}");
    for k in 1..steps {
        let t = k as f64 / steps as f64;
        let side = if k % 2 == 0 { 1.0 } else { -1.0 };
        d.push_str(&format!(
            " L{:.1},{:.1}",
            x0 + dx * t + nx * side,
            y0 + dy * t + ny * side
        ));
    }
    d.push_str(&format!(" L{x1:.1},{y1:.1}"));
    d
}

/// A name in one or two lines, split at the space nearest the middle.
fn two_lines(name: &str) -> (String, String) {
    let middle = name.len() / 2;
    let split = name
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) if name.len() > 12 => (name[..i].to_string(), name[i + 1..].to_string()),
        _ => (name.to_string(), String::new()),
    }
}

#[component]
pub fn EcomapDrawing(
    #[prop(into)] map: Signal<(Vec<String>, Vec<Around>)>,
    caption_id: &'static str,
) -> impl IntoView {
    move || {
        let (household, around) = map.get();
        let (cx, cy) = (WIDTH / 2.0, HEIGHT / 2.0);
        let n = around.len().max(1) as f64;
        let nodes = around.into_iter().enumerate().map(|(i, a)| {
            let angle = i as f64 / n * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2;
            let (ux, uy) = (angle.cos(), angle.sin());
            let (x, y) = (cx + ux * RING, cy + uy * RING);
            let path = connection(cx + ux * CENTRE_R, cy + uy * CENTRE_R, x - ux * NODE_R, y - uy * NODE_R, a.strength);
            let (first, second) = two_lines(&a.name);
            view! {
                <path class=line_class(a.strength) d=path/>
                <circle class="eco-node" cx=x cy=y r=NODE_R/>
                <text class="eco-name" x=x y=y - 4.0 text-anchor="middle">{first}</text>
                {(!second.is_empty()).then(|| view! { <text class="eco-name" x=x y=y + 13.0 text-anchor="middle">{second}</text> })}
            }
        }).collect_view();
        let lines = household.len().min(5);
        let top = cy - (lines as f64 - 1.0) * 9.0;
        view! {
            <svg class="ecomap-drawing" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=caption_id focusable="false">
                {nodes}
                <circle class="eco-household" cx=cx cy=cy r=CENTRE_R/>
                {if household.is_empty() {
                    view! { <text class="eco-name" x=cx y=cy + 5.0 text-anchor="middle">"The household"</text> }.into_any()
                } else {
                    household.into_iter().take(5).enumerate().map(|(k, name)| view! {
                        <text class="eco-name" x=cx y=top + 18.0 * k as f64 + 5.0 text-anchor="middle">{name}</text>
                    }).collect_view().into_any()
                }}
            </svg>
        }
    }
}

/// The ecomap in words.
#[component]
pub fn EcomapText(#[prop(into)] map: Signal<(Vec<String>, Vec<Around>)>) -> impl IntoView {
    view! {
        <div class="ecomap-text">
            <p>{move || map.with(|(household, _)| if household.is_empty() {
                "No one is marked as living in the household yet.".to_string()
            } else {
                format!("The household: {}.", household.join(", "))
            })}</p>
            <ul>
                {move || map.get().1.into_iter().map(|a| {
                    let mut line = a.name.clone();
                    if !a.detail.is_empty() {
                        line.push_str(&format!(" ({})", a.detail));
                    }
                    line.push_str(&match a.strength {
                        Strength::NotSaid => ": connection not said yet".to_string(),
                        s => format!(": {} connection", s.title().to_lowercase()),
                    });
                    if !a.note.is_empty() {
                        line.push_str(&format!(", {}", a.note));
                    }
                    line.push('.');
                    view! { <li>{line}</li> }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The ecomap on the genogram's page: drawing, words, and the form.
#[component]
pub fn EcomapSection() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let map = open.select(ecomap);
    let service = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = service.get_untracked();
        let mut added = false;
        edit_genogram(open, |g| added = g.add_service(&name));
        if added {
            error.set(None);
            service.set(String::new());
        } else {
            error.set(Some(if name.trim().is_empty() {
                "Write the name of the service or person.".into()
            } else {
                "That one is on the ecomap already.".into()
            }));
        }
        focus_later("eco-service".into());
    };
    view! {
        <section class="ecomap" aria-labelledby="ecomap-heading">
            <h2 id="ecomap-heading">"Ecomap"</h2>
            <p>"The household in the middle, and the services and people around the family. The case's workers and network are on it already; say how each connection feels to the family."</p>
            <figure>
                <figcaption id="ecomap-caption">"The ecomap: thick lines are strong connections, dashed weak, zigzag stressful, thin grey not said yet. The same is written out below."</figcaption>
                <EcomapDrawing map caption_id="ecomap-caption"/>
            </figure>
            <EcomapText map/>
            <h3>"How each connection feels"</h3>
            <ul class="eco-links">
                <For each=move || map.get().1 key=|a| a.with.clone() let:around>
                    <EcoLinkForm around/>
                </For>
            </ul>
            <form class="add-service" on:submit=add>
                {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
                <div class="form-group">
                    <label class="label" for="eco-service">"Add a service or person"</label>
                    <p class="hint" id="eco-service-hint">"One not on the case yet: \u{201c}Food bank\u{201d}, \u{201c}St Mary's church\u{201d}, \u{201c}Housing office\u{201d}."</p>
                    <input id="eco-service" class="input input-medium" type="text" maxlength=MAX_TEXT_CHARS autocomplete="off"
                        aria-describedby="eco-service-hint" prop:value=service on:input=move |ev| service.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button button-secondary">"Add to the ecomap"</button>
            </form>
        </section>
    }
}

#[component]
fn EcoLinkForm(around: Around) -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let with = around.with.clone();
    let key = match &with {
        PersonRef::Person(id) => id.to_string(),
        PersonRef::Named(name) => name.bytes().map(|b| format!("{b:02x}")).collect(),
    };
    let select_id = format!("eco-{key}-strength");
    let note_id = format!("eco-{key}-note");
    let current = {
        let with = with.clone();
        open.select(move |c| {
            c.documents
                .genogram
                .eco_links
                .iter()
                .find(|l| l.with == with)
                .map(|l| (l.strength, l.note.clone()))
                .unwrap_or_default()
        })
    };
    let (w1, w2, w3) = (with.clone(), with.clone(), with.clone());
    let named = matches!(with, PersonRef::Named(_));
    view! {
        <li class="eco-link">
            <p class="eco-link-name"><strong>{around.name.clone()}</strong>{(!around.detail.is_empty()).then(|| format!(" ({})", around.detail))}</p>
            <div class="relate-row">
                <div class="form-group">
                    <label class="label" for=select_id.clone()>{format!("Connection with {}", around.name)}</label>
                    <select id=select_id class="select" on:change=move |ev| {
                        if let Some(s) = Strength::from_slug(&event_target_value(&ev)) {
                            let with = w1.clone();
                            edit_genogram(open, |g| g.set_strength(with, s));
                        }
                    }>
                        {Strength::ALL.iter().map(|s| {
                            let s = *s;
                            view! { <option value=s.slug() selected=move || current.with(|c| c.0 == s)>{s.title()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for=note_id.clone()>{format!("A word on it ({})", around.name)}</label>
                    <input id=note_id class="input input-medium" type="text" maxlength=MAX_TEXT_CHARS
                        prop:value=move || current.with(|c| c.1.clone())
                        on:input=move |ev| {
                            let note = event_target_value(&ev);
                            let with = w2.clone();
                            edit_genogram(open, |g| g.set_note(with, note));
                        }/>
                </div>
            </div>
            {named.then(|| view! {
                <button type="button" class="button-link" on:click=move |_| {
                    let with = w3.clone();
                    edit_genogram(open, |g| g.remove_service(&with));
                    focus_later("eco-service".into());
                }>"Take "{around.name.clone()}" off the ecomap"</button>
            })}
        </li>
    }
}
