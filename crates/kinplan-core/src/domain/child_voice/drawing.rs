//! A child's drawing, kept as pen strokes rather than as a picture.
//!
//! A stroke is stored as SVG path data on a fixed 800 × 600 grid: an
//! absolute start, then whole-number steps (`M120 40l3 2-1 4 5 0`). That
//! is a few bytes a point before the case is deflated, it draws the same at
//! any size on screen and on paper, and the print view can hand it to an
//! SVG `<path>` as it is. A PNG of the same drawing would take tens of
//! kilobytes. `cargo run --example drawing_size` (part of `make bench`)
//! prints what a typical drawing takes.
//!
//! Points closer than [`MIN_STEP`] to the last one kept are dropped as the
//! pen moves: they add bytes and no visible detail.

use serde::{Deserialize, Serialize};

/// The drawing grid, in the units strokes are stored in.
pub const WIDTH: i32 = 800;
pub const HEIGHT: i32 = 600;
/// How far the pen must move before another point is kept.
pub const MIN_STEP: i32 = 3;
/// The pen's width in grid units.
pub const PEN_WIDTH: i32 = 8;
/// A guard against a crafted import: no stroke has more points.
const MAX_POINTS: usize = 20_000;

/// A point on the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

impl Point {
    /// A point from a position inside a box `width` × `height` on screen,
    /// kept inside the grid.
    pub fn scaled(x: f64, y: f64, width: f64, height: f64) -> Point {
        let fit = |v: f64, size: f64, max: i32| {
            if size <= 0.0 {
                0
            } else {
                ((v / size) * f64::from(max))
                    .round()
                    .clamp(0.0, f64::from(max)) as i32
            }
        };
        Point {
            x: fit(x, width, WIDTH),
            y: fit(y, height, HEIGHT),
        }
    }
}

/// The pen colours a child can choose from: few, and easy to tell apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ink {
    #[default]
    Black,
    Blue,
    Red,
    Green,
    Orange,
    Purple,
}

impl Ink {
    /// The CSS colour, dark enough to show on white and on paper.
    pub fn css(self) -> &'static str {
        match self {
            Ink::Black => "#0b0c0c",
            Ink::Blue => "#1d4ed8",
            Ink::Red => "#c81e1e",
            Ink::Green => "#157f3b",
            Ink::Orange => "#c2410c",
            Ink::Purple => "#6b21a8",
        }
    }
}

crate::choices!(Ink {
    Black => "black", "Black";
    Blue => "blue", "Blue";
    Red => "red", "Red";
    Green => "green", "Green";
    Orange => "orange", "Orange";
    Purple => "purple", "Purple";
});

/// One line drawn without lifting the pen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stroke {
    pub ink: Ink,
    pub path: StrokePath,
}

/// A stroke's points as SVG path data: `M x y l dx dy dx dy …`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StrokePath(String);

impl StrokePath {
    /// Encodes the points a pen passed through, dropping those too close
    /// to the last one kept. A single point becomes a dot.
    pub fn from_points(points: &[Point]) -> Option<StrokePath> {
        let (first, rest) = points.split_first()?;
        let mut out = format!("M{} {}l", first.x, first.y);
        let mut last = *first;
        let mut steps = 0;
        for (i, p) in rest.iter().enumerate() {
            let far = (p.x - last.x).abs().max((p.y - last.y).abs()) >= MIN_STEP;
            let final_point = i + 1 == rest.len() && *p != last;
            if far || final_point {
                push_number(&mut out, p.x - last.x, steps == 0);
                push_number(&mut out, p.y - last.y, false);
                last = *p;
                steps += 1;
            }
        }
        if steps == 0 {
            out.push_str("0 0");
        }
        Some(StrokePath(out))
    }

    /// The absolute points of the stroke.
    pub fn points(&self) -> Vec<Point> {
        parse(&self.0).unwrap_or_default()
    }

    /// Where a tap left a dot, if the stroke is one. A canvas does not
    /// draw a line of no length, so the pad paints these as circles.
    pub fn dot(&self) -> Option<Point> {
        // Checked paths only: one step of nothing is a dot. This runs on
        // every redraw, so it reads the start without decoding the steps.
        let (start, steps) = self.0.strip_prefix('M')?.split_once('l')?;
        if steps != "0 0" {
            return None;
        }
        let (x, y) = start.split_once(' ')?;
        Some(Point {
            x: x.parse().ok()?,
            y: y.parse().ok()?,
        })
    }

    /// The SVG path data, for `<path d=…>`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Writes a number, with a space before it unless a minus sign or the
/// start of the list already separates it.
fn push_number(out: &mut String, n: i32, first: bool) {
    if !first && n >= 0 {
        out.push(' ');
    }
    out.push_str(&n.to_string());
}

fn parse(text: &str) -> Result<Vec<Point>, String> {
    let body = text.strip_prefix('M').ok_or("a stroke must start with M")?;
    let (start, steps) = body.split_once('l').ok_or("a stroke needs an l")?;
    let start = numbers(start)?;
    let [x, y] = start[..] else {
        return Err("a stroke starts at one point".into());
    };
    let steps = numbers(steps)?;
    if steps.len() % 2 != 0 || steps.is_empty() {
        return Err("a stroke's steps come in pairs".into());
    }
    if steps.len() / 2 > MAX_POINTS {
        return Err("a stroke has too many points".into());
    }
    let mut at = Point { x, y };
    let mut points = vec![at];
    for pair in steps.chunks(2) {
        at = Point {
            x: at.x + pair[0],
            y: at.y + pair[1],
        };
        points.push(at);
    }
    if points
        .iter()
        .any(|p| !(0..=WIDTH).contains(&p.x) || !(0..=HEIGHT).contains(&p.y))
    {
        return Err("a stroke goes outside the drawing".into());
    }
    Ok(points)
}

/// Whole numbers separated by spaces or by their own minus signs.
fn numbers(text: &str) -> Result<Vec<i32>, String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let finish = |current: &mut String, out: &mut Vec<i32>| -> Result<(), String> {
        if !current.is_empty() {
            let n = current
                .parse::<i32>()
                .map_err(|_| format!("\u{201c}{current}\u{201d} is not a whole number"))?;
            out.push(n);
            current.clear();
        }
        Ok(())
    };
    for c in text.chars() {
        match c {
            '0'..='9' if current.len() < 6 => current.push(c),
            '-' => {
                finish(&mut current, &mut out)?;
                current.push('-');
            }
            ' ' => finish(&mut current, &mut out)?,
            _ => return Err(format!("unexpected \u{201c}{c}\u{201d} in a stroke")),
        }
    }
    finish(&mut current, &mut out)?;
    Ok(out)
}

impl TryFrom<String> for StrokePath {
    type Error = String;
    fn try_from(text: String) -> Result<StrokePath, String> {
        parse(&text)?;
        Ok(StrokePath(text))
    }
}

impl From<StrokePath> for String {
    fn from(path: StrokePath) -> String {
        path.0
    }
}

/// Everything drawn in one entry, oldest stroke first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Drawing {
    pub strokes: Vec<Stroke>,
}

impl Drawing {
    pub fn is_empty(&self) -> bool {
        self.strokes.is_empty()
    }

    /// Adds a stroke through `points`, if there are any.
    pub fn add(&mut self, ink: Ink, points: &[Point]) {
        if let Some(path) = StrokePath::from_points(points) {
            self.strokes.push(Stroke { ink, path });
        }
    }

    /// Takes back the last stroke.
    pub fn undo(&mut self) {
        self.strokes.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(list: &[(i32, i32)]) -> Vec<Point> {
        list.iter().map(|&(x, y)| Point { x, y }).collect()
    }

    #[test]
    fn a_stroke_is_stored_as_relative_steps_and_read_back() {
        let points = pts(&[(120, 40), (123, 42), (122, 46), (127, 46)]);
        let path = StrokePath::from_points(&points).unwrap();
        assert_eq!(path.as_str(), "M120 40l3 2-1 4 5 0");
        assert_eq!(path.points(), points);
    }

    #[test]
    fn points_too_close_together_are_dropped_but_the_end_is_kept() {
        let points = pts(&[(10, 10), (11, 10), (12, 11), (14, 10), (15, 10)]);
        let path = StrokePath::from_points(&points).unwrap();
        assert_eq!(path.points(), pts(&[(10, 10), (14, 10), (15, 10)]));
    }

    #[test]
    fn a_tap_is_a_dot() {
        let path = StrokePath::from_points(&pts(&[(5, 5)])).unwrap();
        assert_eq!(path.as_str(), "M5 5l0 0");
        assert_eq!(path.points(), pts(&[(5, 5), (5, 5)]));
        assert_eq!(path.dot(), Some(Point { x: 5, y: 5 }));
        let line = StrokePath::from_points(&pts(&[(5, 5), (9, 5)])).unwrap();
        assert_eq!(line.dot(), None);
        assert!(StrokePath::from_points(&[]).is_none());
    }

    #[test]
    fn screen_positions_are_scaled_onto_the_grid_and_kept_inside() {
        assert_eq!(
            Point::scaled(200.0, 150.0, 400.0, 300.0),
            Point { x: 400, y: 300 }
        );
        assert_eq!(
            Point::scaled(-5.0, 999.0, 400.0, 300.0),
            Point { x: 0, y: 600 }
        );
        assert_eq!(Point::scaled(1.0, 1.0, 0.0, 0.0), Point { x: 0, y: 0 });
    }

    #[test]
    fn imported_strokes_are_checked() {
        for bad in [
            "",
            "L1 2",
            "M1 2",
            "M1 2l3",
            "M1l2 3",
            "M1 2l3 4\"/><script>",
            "M1 2l900 0",
            "M1 2l-5 0",
            "M1 2l9999999 0",
        ] {
            let json = serde_json::to_string(bad).unwrap();
            assert!(
                serde_json::from_str::<StrokePath>(&json).is_err(),
                "{bad:?} should be refused"
            );
        }
        let good: StrokePath = serde_json::from_str("\"M1 2l3 4-1 -1\"").unwrap();
        assert_eq!(good.points().len(), 3);
    }

    #[test]
    fn undo_takes_back_the_last_stroke() {
        let mut drawing = Drawing::default();
        drawing.add(Ink::Red, &pts(&[(1, 1), (9, 9)]));
        drawing.add(Ink::Blue, &pts(&[(2, 2)]));
        drawing.add(Ink::Blue, &[]);
        assert_eq!(drawing.strokes.len(), 2);
        drawing.undo();
        assert_eq!(drawing.strokes.len(), 1);
        assert_eq!(drawing.strokes[0].ink, Ink::Red);
    }
}
