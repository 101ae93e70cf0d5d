//! The bytes a typical child's drawing takes, for `make bench`.
//!
//! `cargo run --release --example drawing_size` draws a house, a sun, a
//! tree, a family of four and some scribble: 40 strokes, as a pointer at
//! 60 events a second would give them, with a little wobble. It prints the
//! drawing's JSON size and what it adds to a stored case once deflated and
//! packed (`domain::persist::packing`), as localStorage counts it (UTF-16).

use kinplan::domain::child_voice::drawing::{Drawing, Ink, Point, HEIGHT, WIDTH};
use kinplan::domain::persist::packing::{pack, Stamp};

/// A small deterministic wobble, so every run draws the same picture.
struct Wobble(u64);

impl Wobble {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as f64 / f64::from(1u32 << 31)) - 0.5
    }
}

/// A stroke along `path(t)` for t in 0..1, sampled at `samples` points.
fn stroke(
    drawing: &mut Drawing,
    ink: Ink,
    samples: usize,
    wobble: &mut Wobble,
    path: impl Fn(f64) -> (f64, f64),
) {
    let points: Vec<Point> = (0..samples)
        .map(|i| {
            let (x, y) = path(i as f64 / (samples - 1).max(1) as f64);
            Point {
                x: (x + 2.0 * wobble.next())
                    .round()
                    .clamp(0.0, f64::from(WIDTH)) as i32,
                y: (y + 2.0 * wobble.next())
                    .round()
                    .clamp(0.0, f64::from(HEIGHT)) as i32,
            }
        })
        .collect();
    drawing.add(ink, &points);
}

fn line(a: (f64, f64), b: (f64, f64)) -> impl Fn(f64) -> (f64, f64) {
    move |t| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

fn circle(c: (f64, f64), r: f64) -> impl Fn(f64) -> (f64, f64) {
    move |t| {
        let a = t * std::f64::consts::TAU;
        (c.0 + r * a.cos(), c.1 + r * a.sin())
    }
}

fn main() {
    let mut d = Drawing::default();
    let mut w = Wobble(7);
    // The house: walls, roof, door, two windows.
    for (a, b) in [
        ((100.0, 550.0), (100.0, 330.0)),
        ((100.0, 330.0), (340.0, 330.0)),
        ((340.0, 330.0), (340.0, 550.0)),
        ((340.0, 550.0), (100.0, 550.0)),
        ((90.0, 335.0), (220.0, 200.0)),
        ((220.0, 200.0), (350.0, 335.0)),
        ((190.0, 550.0), (190.0, 450.0)),
        ((190.0, 450.0), (250.0, 450.0)),
        ((250.0, 450.0), (250.0, 550.0)),
    ] {
        stroke(&mut d, Ink::Black, 50, &mut w, line(a, b));
    }
    for c in [(150.0, 390.0), (290.0, 390.0)] {
        stroke(&mut d, Ink::Blue, 60, &mut w, circle(c, 25.0));
    }
    // The sun and its rays.
    stroke(
        &mut d,
        Ink::Orange,
        90,
        &mut w,
        circle((650.0, 110.0), 55.0),
    );
    for i in 0..8 {
        let a = f64::from(i) * std::f64::consts::TAU / 8.0;
        let (s, e) = (70.0, 110.0);
        stroke(
            &mut d,
            Ink::Orange,
            20,
            &mut w,
            line(
                (650.0 + s * a.cos(), 110.0 + s * a.sin()),
                (650.0 + e * a.cos(), 110.0 + e * a.sin()),
            ),
        );
    }
    // A tree.
    stroke(
        &mut d,
        Ink::Green,
        40,
        &mut w,
        line((450.0, 560.0), (450.0, 420.0)),
    );
    stroke(
        &mut d,
        Ink::Green,
        120,
        &mut w,
        circle((450.0, 370.0), 60.0),
    );
    // A family of four: head, body, arms, legs.
    for (i, x) in [520.0, 590.0, 660.0, 720.0].into_iter().enumerate() {
        let size = if i < 2 { 1.0 } else { 0.7 };
        let top = 560.0 - 150.0 * size;
        stroke(
            &mut d,
            Ink::Purple,
            40,
            &mut w,
            circle((x, top + 18.0 * size), 18.0 * size),
        );
        stroke(
            &mut d,
            Ink::Purple,
            30,
            &mut w,
            line((x, top + 36.0 * size), (x, top + 100.0 * size)),
        );
        stroke(
            &mut d,
            Ink::Purple,
            20,
            &mut w,
            line(
                (x - 25.0 * size, top + 60.0 * size),
                (x + 25.0 * size, top + 60.0 * size),
            ),
        );
        stroke(
            &mut d,
            Ink::Purple,
            20,
            &mut w,
            line((x, top + 100.0 * size), (x - 15.0 * size, 560.0)),
        );
        stroke(
            &mut d,
            Ink::Purple,
            20,
            &mut w,
            line((x, top + 100.0 * size), (x + 15.0 * size, 560.0)),
        );
    }
    // Scribble: grass along the bottom.
    stroke(&mut d, Ink::Green, 300, &mut w, |t| {
        (20.0 + 760.0 * t, 575.0 + 15.0 * (t * 120.0).sin())
    });

    let points: usize = d.strokes.iter().map(|s| s.path.points().len()).sum();
    let json = serde_json::to_string(&d).expect("a drawing serialises");
    let packed = pack(
        Stamp {
            schema_version: 0,
            revision: 0,
        },
        &json,
    );
    let empty = pack(
        Stamp {
            schema_version: 0,
            revision: 0,
        },
        "[]",
    );
    let stored = (packed.encode_utf16().count() - empty.encode_utf16().count()) * 2;
    println!(
        "A typical drawing: {} strokes, {points} points kept",
        d.strokes.len()
    );
    println!("  as JSON: {} bytes", json.len());
    println!("  stored, deflated and packed: {stored} bytes of localStorage");
}
