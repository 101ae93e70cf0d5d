//! Times the genogram's layout for a family of 40 people over four
//! generations, on the host.
//!
//! `cargo run --release --example genogram_layout` prints the median and
//! the 95th percentile of 200 runs of `lay_out` (the goal: under one frame,
//! 16 ms, in the browser, which runs the same code somewhat slower).

use std::time::Instant;

use chrono::{TimeZone, Utc};
use kinplan::domain::case::Child;
use kinplan::domain::genogram::layout::lay_out;
use kinplan::domain::genogram::RelationshipKind;
use kinplan::domain::Case;
use uuid::Uuid;

/// Two great-grandparents, their 3 children with partners, 3 children of
/// each couple with partners, and 2 children of each of those couples,
/// stopping at 40 relatives, with the case's child: the count is printed.
fn family() -> Case {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
    let mut case = Case::new("Timing family", now);
    let g = &mut case.documents.genogram;
    let mut couples = vec![(g.add_relative("Great-nan"), g.add_relative("Great-grandad"))];
    let mut people = 2;
    for (generation, children) in [(1, 3), (2, 3), (3, 2)] {
        let mut next = Vec::new();
        for &(a, b) in &couples {
            g.relate(a, RelationshipKind::Married, b)
                .expect("new couple");
            for k in 0..children {
                let child = g.add_relative(&format!("Child {generation}.{k}"));
                g.relate(a, RelationshipKind::ParentOf, child)
                    .expect("new tie");
                g.relate(b, RelationshipKind::ParentOf, child)
                    .expect("new tie");
                people += 1;
                if people >= 40 {
                    break;
                }
                if generation < 3 {
                    let partner = g.add_relative(&format!("Partner {generation}.{k}"));
                    people += 1;
                    next.push((child, partner));
                }
            }
        }
        couples = next;
    }
    let id = Uuid::new_v4();
    case.children.push(Child {
        id,
        first_name: "Amy".into(),
        ..Child::default()
    });
    case
}

fn main() {
    let case = family();
    let people = lay_out(&case).people.len();
    let mut times: Vec<f64> = (0..200)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(lay_out(std::hint::black_box(&case)));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "genogram layout, {people} people: median {:.3} ms, p95 {:.3} ms (goal: under 16 ms)",
        times[times.len() / 2],
        times[times.len() * 95 / 100]
    );
}
