//! Drawing with a finger, a pen or a mouse, on a canvas.
//!
//! The canvas is 800 × 600 pixels, the same grid the strokes are stored
//! on (`domain::child_voice::drawing`), and CSS scales it to the space there is. Each
//! stroke is drawn straight onto the canvas while the pen moves, and saved
//! when it lifts; whenever the strokes change (a stroke saved, load, undo,
//! clear) the whole drawing is redrawn from them, one `Path2D` a stroke,
//! which is cheap enough that there is no second, incremental path.

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Path2d, PointerEvent};

use crate::domain::child_voice::drawing::{Drawing, Ink, Point, HEIGHT, PEN_WIDTH, WIDTH};
use crate::domain::choice::Choice;

/// A drawing surface with colours, Undo and Clear.
#[component]
pub fn DrawingPad(
    /// Starts the ids of the pad's controls.
    id: String,
    #[prop(into)] drawing: Signal<Drawing>,
    on_change: Callback<Drawing>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let ink = RwSignal::new(Ink::Black);
    let pen: StoredValue<Option<Vec<Point>>> = StoredValue::new(None);
    // What Clear took away, so Undo can bring it back.
    let cleared: StoredValue<Option<Drawing>> = StoredValue::new(None);

    Effect::new(move |_| {
        let Some(canvas) = canvas.get() else { return };
        drawing.with(|d| redraw(&canvas, d));
    });

    let point = move |ev: &PointerEvent| {
        let canvas = canvas.get_untracked()?;
        let rect = canvas.get_bounding_client_rect();
        Some(Point::scaled(
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
            rect.width(),
            rect.height(),
        ))
    };
    let down = move |ev: PointerEvent| {
        ev.prevent_default();
        let Some(p) = point(&ev) else { return };
        if let Some(canvas) = canvas.get_untracked() {
            let _ = canvas.set_pointer_capture(ev.pointer_id());
            if let Some(ctx) = context(&canvas) {
                start_pen(&ctx, ink.get_untracked());
                dot(&ctx, p);
            }
        }
        pen.set_value(Some(vec![p]));
    };
    let moved = move |ev: PointerEvent| {
        let Some(p) = point(&ev) else { return };
        pen.update_value(|pen| {
            let Some(points) = pen else { return };
            let last = *points.last().expect("a pen holds its first point");
            if let Some(ctx) = canvas.get_untracked().as_ref().and_then(context) {
                ctx.begin_path();
                ctx.move_to(f64::from(last.x), f64::from(last.y));
                ctx.line_to(f64::from(p.x), f64::from(p.y));
                ctx.stroke();
            }
            points.push(p);
        });
    };
    let lift = move |_: PointerEvent| {
        if let Some(points) = pen.try_update_value(Option::take).flatten() {
            let mut next = drawing.get_untracked();
            next.add(ink.get_untracked(), &points);
            cleared.set_value(None);
            on_change.run(next);
        }
    };
    let undo = move |_| {
        let mut next = drawing.get_untracked();
        if next.is_empty() {
            if let Some(before) = cleared.try_update_value(Option::take).flatten() {
                on_change.run(before);
            }
        } else {
            next.undo();
            on_change.run(next);
        }
    };
    let clear = move |_| {
        let before = drawing.get_untracked();
        if !before.is_empty() {
            cleared.set_value(Some(before));
            on_change.run(Drawing::default());
        }
    };
    let strokes = move || drawing.with(|d| d.strokes.len());

    view! {
        <div class="drawing-pad">
            <fieldset class="ink-choice">
                <legend>"Pen colour"</legend>
                {Ink::ALL.iter().copied().map(|colour| {
                    let radio = format!("{id}-ink-{}", colour.title().to_lowercase());
                    view! {
                        <span class="ink">
                            <input type="radio" name=format!("{id}-ink") id=radio.clone()
                                prop:checked=move || ink.get() == colour
                                on:change=move |_| ink.set(colour)/>
                            <label for=radio>
                                // The swatch is drawn in the ink itself, as the canvas draws it.
                                <svg class="ink-swatch" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                                    <circle cx="16" cy="16" r="16" fill=colour.css()/>
                                </svg>
                                {colour.title()}
                            </label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
            <canvas node_ref=canvas class="drawing-canvas" width=WIDTH.to_string() height=HEIGHT.to_string()
                role="img" aria-label=move || match strokes() {
                    0 => "Drawing space, empty".to_string(),
                    1 => "Drawing space, 1 line drawn".to_string(),
                    n => format!("Drawing space, {n} lines drawn"),
                }
                on:pointerdown=down on:pointermove=moved on:pointerup=lift on:pointercancel=lift></canvas>
            <div class="drawing-tools">
                <button type="button" class="button button-secondary" on:click=undo>"Undo"</button>
                <button type="button" class="button button-secondary" on:click=clear>"Clear"</button>
            </div>
        </div>
    }
}

fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

fn start_pen(ctx: &CanvasRenderingContext2d, ink: Ink) {
    ctx.set_stroke_style_str(ink.css());
    ctx.set_line_width(f64::from(PEN_WIDTH));
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
}

/// A tap: a round spot as wide as the pen.
fn dot(ctx: &CanvasRenderingContext2d, p: Point) {
    ctx.begin_path();
    let _ = ctx.arc(
        f64::from(p.x),
        f64::from(p.y),
        f64::from(PEN_WIDTH) / 2.0,
        0.0,
        std::f64::consts::TAU,
    );
    ctx.set_fill_style_str(&ctx.stroke_style().as_string().unwrap_or_default());
    ctx.fill();
}

/// Draws every stroke again from its stored path.
fn redraw(canvas: &web_sys::HtmlCanvasElement, drawing: &Drawing) {
    let Some(ctx) = context(canvas) else { return };
    ctx.clear_rect(0.0, 0.0, f64::from(WIDTH), f64::from(HEIGHT));
    for stroke in &drawing.strokes {
        start_pen(&ctx, stroke.ink);
        if let Some(p) = stroke.path.dot() {
            dot(&ctx, p);
        } else if let Ok(path) = Path2d::new_with_path_string(stroke.path.as_str()) {
            ctx.stroke_with_path(&path);
        }
    }
}

/// A drawing as SVG, for lists and print: the same strokes, any size.
#[component]
pub fn DrawingView(drawing: Drawing, label: String) -> impl IntoView {
    view! {
        <svg class="drawing-view" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
            {drawing.strokes.into_iter().map(|stroke| view! {
                <path d=String::from(stroke.path) stroke=stroke.ink.css() fill="none"
                    stroke-width=PEN_WIDTH.to_string() stroke-linecap="round" stroke-linejoin="round"/>
            }).collect_view()}
        </svg>
    }
}
