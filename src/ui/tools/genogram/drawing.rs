//! The genogram drawn as inline SVG with the usual symbols: a square, a
//! circle or a diamond (a rounded square with "?" when not known), a cross
//! for someone who has died, a second outline for the case's children,
//! couples joined (a double line for marriage, with one slash for
//! separated and two for divorced; a dashed line for partners), children hanging from their parents' line (dashed
//! when adopted, dotted when fostered, dash-dot for special guardianship),
//! and a dashed line round the household. No style attribute: the
//! Content-Security-Policy forbids them, so looks are classes.

use leptos::prelude::*;

use crate::domain::genogram::layout::{Layout, Placed};
use crate::domain::genogram::{RelationshipKind, Symbol};

const UNIT: f64 = 140.0;
const ROW: f64 = 140.0;
const SIZE: f64 = 44.0;
const MARGIN: f64 = 60.0;

fn centre(p: &Placed) -> (f64, f64) {
    (
        MARGIN + p.x * UNIT + SIZE,
        MARGIN + p.generation as f64 * ROW + SIZE / 2.0,
    )
}

fn shape(symbol: Symbol, cx: f64, cy: f64, grow: f64, class: &'static str) -> AnyView {
    let h = SIZE / 2.0 + grow;
    match symbol {
        Symbol::Male => view! { <rect class=class x=cx - h y=cy - h width=2.0 * h height=2.0 * h/> }.into_any(),
        Symbol::Female => view! { <circle class=class cx=cx cy=cy r=h/> }.into_any(),
        Symbol::Other => view! {
            <polygon class=class points=format!("{},{} {},{} {},{} {},{}", cx, cy - h - 4.0, cx + h + 4.0, cy, cx, cy + h + 4.0, cx - h - 4.0, cy)/>
        }.into_any(),
        Symbol::NotKnown => view! { <rect class=class x=cx - h y=cy - h width=2.0 * h height=2.0 * h rx="12"/> }.into_any(),
    }
}

fn child_line_class(kind: RelationshipKind) -> &'static str {
    match kind {
        RelationshipKind::AdoptiveParentOf => "geno-line geno-adopted",
        RelationshipKind::FosterCarerOf => "geno-line geno-fostered",
        RelationshipKind::SpecialGuardianOf => "geno-line geno-guardian",
        _ => "geno-line",
    }
}

#[component]
pub fn GenogramDrawing(
    #[prop(into)] layout: Signal<Layout>,
    caption_id: &'static str,
) -> impl IntoView {
    move || {
        let layout = layout.get();
        let at = |id| layout.place(id).map(centre);
        let width = layout.people.iter().map(|p| p.x).fold(0.0, f64::max) * UNIT
            + 2.0 * MARGIN
            + 2.0 * SIZE;
        let height = layout.generations() as f64 * ROW + MARGIN;
        let household: Vec<(f64, f64)> = layout
            .people
            .iter()
            .filter(|p| p.details.household)
            .map(centre)
            .collect();
        let household_box = (!household.is_empty()).then(|| {
            let pad = SIZE / 2.0 + 16.0;
            let x0 = household.iter().map(|p| p.0).fold(f64::INFINITY, f64::min) - pad;
            let x1 = household
                .iter()
                .map(|p| p.0)
                .fold(f64::NEG_INFINITY, f64::max)
                + pad;
            let y0 = household.iter().map(|p| p.1).fold(f64::INFINITY, f64::min) - pad;
            let y1 = household
                .iter()
                .map(|p| p.1)
                .fold(f64::NEG_INFINITY, f64::max)
                + pad
                + 30.0;
            view! { <rect class="geno-household" x=x0 y=y0 width=x1 - x0 height=y1 - y0 rx="18"/> }
        });
        let couples = layout.couples.iter().filter_map(|c| {
            let ((ax, y), (bx, _)) = (at(c.a)?, at(c.b)?);
            let (x0, x1) = (ax + SIZE / 2.0, bx - SIZE / 2.0);
            let mid = (x0 + x1) / 2.0;
            let slashes = match c.kind {
                RelationshipKind::Separated => 1,
                RelationshipKind::Divorced => 2,
                _ => 0,
            };
            // Partners: one dashed line; a marriage (and one since ended): a
            // double line, with its slashes.
            let lines = if c.kind == RelationshipKind::Partners {
                view! { <line class="geno-line geno-partners" x1=x0 y1=y x2=x1 y2=y/> }.into_any()
            } else {
                view! {
                    <line class="geno-line" x1=x0 y1=y - 3.0 x2=x1 y2=y - 3.0/>
                    <line class="geno-line" x1=x0 y1=y + 3.0 x2=x1 y2=y + 3.0/>
                }.into_any()
            };
            Some(view! {
                {lines}
                {(0..slashes).map(|k| {
                    let sx = mid - 4.0 + 8.0 * k as f64;
                    view! { <line class="geno-line" x1=sx - 5.0 y1=y + 9.0 x2=sx + 5.0 y2=y - 9.0/> }
                }).collect_view()}
            })
        }).collect_view();
        let descents = layout.descents.iter().filter_map(|d| {
            let parents: Vec<(f64, f64)> = d.parents.iter().filter_map(|p| at(*p)).collect();
            // From a couple's line, straight down from its middle; from one
            // parent, out of their side (away from a partner's line) and
            // down, clear of the name under them.
            let (start, px) = match parents.as_slice() {
                [(x, y)] => {
                    let partner_right = layout.couples.iter().any(|c| c.a == d.parents[0]);
                    let side = if partner_right { -1.0 } else { 1.0 };
                    let edge = x + side * SIZE / 2.0;
                    let drop = edge + side * 18.0;
                    (format!("M{edge},{y} H{drop}"), drop)
                }
                [a, b, ..] => {
                    let mid = (a.0 + b.0) / 2.0;
                    (format!("M{mid},{}", a.1.max(b.1)), mid)
                }
                [] => return None,
            };
            let kids: Vec<((f64, f64), RelationshipKind)> = d.children.iter().filter_map(|(c, k)| Some((at(*c)?, *k))).collect();
            let bar = kids.iter().map(|k| k.0 .1).fold(f64::INFINITY, f64::min) - SIZE / 2.0 - 22.0;
            let left = kids.iter().map(|k| k.0 .0).fold(px, f64::min);
            let right = kids.iter().map(|k| k.0 .0).fold(px, f64::max);
            Some(view! {
                <path class="geno-line" d=format!("{start} V{bar}")/>
                <line class="geno-line" x1=left y1=bar x2=right y2=bar/>
                {kids.into_iter().map(|((cx, cy), kind)| view! {
                    <line class=child_line_class(kind) x1=cx y1=bar x2=cx y2=cy - SIZE / 2.0 - 4.0/>
                }).collect_view()}
            })
        }).collect_view();
        let ties = layout.ties.iter().filter_map(|t| {
            let ((ax, ay), (bx, by)) = (at(t.a)?, at(t.b)?);
            let class = match t.kind {
                RelationshipKind::Conflict => "geno-tie geno-conflict",
                RelationshipKind::Close => "geno-tie geno-close",
                _ => "geno-tie geno-sibling",
            };
            let lift = ROW * 0.32;
            Some(view! { <path class=class d=format!("M{ax},{} C{ax},{} {bx},{} {bx},{}", ay - SIZE / 2.0, ay - lift, by - lift, by - SIZE / 2.0)/> })
        }).collect_view();
        let people = layout.people.iter().map(|p| {
            let (cx, cy) = centre(p);
            let years = p.details.born.map(|b| format!("b. {b}"));
            let (first, rest) = p.name.split_once(' ').unwrap_or((p.name.as_str(), ""));
            view! {
                <g class="geno-person">
                    {shape(p.details.symbol, cx, cy, 0.0, "geno-symbol")}
                    {p.subject.then(|| shape(p.details.symbol, cx, cy, -6.0, "geno-subject"))}
                    {(p.details.symbol == Symbol::NotKnown).then(|| view! { <text class="geno-unknown" x=cx y=cy + 7.0 text-anchor="middle">"?"</text> })}
                    {p.details.deceased.then(|| view! {
                        <line class="geno-deceased" x1=cx - SIZE / 2.0 y1=cy - SIZE / 2.0 x2=cx + SIZE / 2.0 y2=cy + SIZE / 2.0/>
                        <line class="geno-deceased" x1=cx + SIZE / 2.0 y1=cy - SIZE / 2.0 x2=cx - SIZE / 2.0 y2=cy + SIZE / 2.0/>
                    })}
                    // A first name, then the rest below it, so neighbours' names do not run together.
                    <text class="geno-name" x=cx y=cy + SIZE / 2.0 + 18.0 text-anchor="middle">{first.to_string()}</text>
                    {(!rest.is_empty()).then(|| view! { <text class="geno-name" x=cx y=cy + SIZE / 2.0 + 34.0 text-anchor="middle">{rest.to_string()}</text> })}
                    {years.map(|y| view! { <text class="geno-years" x=cx y=cy + SIZE / 2.0 + if rest.is_empty() { 34.0 } else { 50.0 } text-anchor="middle">{y}</text> })}
                </g>
            }
        }).collect_view();
        view! {
            <svg class="genogram-drawing" viewBox=format!("0 0 {width} {height}") role="img" aria-labelledby=caption_id focusable="false">
                {household_box}
                {ties}
                {couples}
                {descents}
                {people}
            </svg>
        }
    }
}
