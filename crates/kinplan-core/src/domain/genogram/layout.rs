//! Placing the genogram: everyone by generation, couples side by side,
//! children under their parents, so the drawing needs no hand work.
//!
//! Generations come from the parent ties (a child is one below each
//! parent), with a couple and siblings kept on one row. Rows are ordered
//! from the top down: each person sits at the middle of their parents, a
//! partner who married in beside them, and the worker's own order breaks
//! ties. That keeps lines from crossing in the families workers usually
//! draw; unusual ones still draw, perhaps with a crossing.
//!
//! Impossible data (someone their own relative, a cycle of parents, a
//! child born before a parent) is reported as a [`Problem`], and the rest
//! is still drawn: the tie that closes a cycle is left out of the layout.

use chrono::Datelike;
use uuid::Uuid;

use crate::domain::case::{Case, ChildAge};

use super::{family, PersonDetails, RelationshipKind};

/// Space between two people on a row, in the layout's units.
pub const SPACING: f64 = 1.0;

/// One person, placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub person: Uuid,
    pub name: String,
    /// Across, in units of [`SPACING`], from 0.
    pub x: f64,
    /// Down: 0 is the oldest generation drawn.
    pub generation: usize,
    pub details: PersonDetails,
    /// One of the case's children.
    pub subject: bool,
}

/// A couple's line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Couple {
    pub a: Uuid,
    pub b: Uuid,
    pub kind: RelationshipKind,
}

/// Children hanging from their parents' line: one or two parents.
#[derive(Clone, Debug, PartialEq)]
pub struct Descent {
    pub parents: Vec<Uuid>,
    /// Each child, with how they are the parents' child.
    pub children: Vec<(Uuid, RelationshipKind)>,
}

/// Something in the data that cannot be true.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A tie from someone to themselves.
    OwnRelation(String),
    /// Parents that go round in a circle; the tie from the first to the
    /// second is not drawn.
    ParentCycle(String, String),
    BornBeforeParent {
        child: String,
        parent: String,
    },
    /// A couple or siblings across generations that cannot be put on rows.
    NoRows,
}

impl Problem {
    pub fn message(&self) -> String {
        match self {
            Problem::OwnRelation(who) => format!("{who} is recorded as related to themselves. That tie is not drawn."),
            Problem::ParentCycle(parent, child) => format!(
                "{parent} is recorded as a parent of {child}, but {child} is also among {parent}'s parents or grandparents. That tie is not drawn: check who is whose parent."
            ),
            Problem::BornBeforeParent { child, parent } => format!(
                "{child} is recorded as born in or before the year of their parent {parent}. Check the years of birth."
            ),
            Problem::NoRows => "Some couples or siblings are recorded in different generations, so the rows may look wrong. Check who is whose parent.".into(),
        }
    }
}

/// The genogram, placed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub people: Vec<Placed>,
    pub couples: Vec<Couple>,
    pub descents: Vec<Descent>,
    /// Siblings with no parents drawn, and conflict or closeness.
    pub ties: Vec<Couple>,
    pub problems: Vec<Problem>,
}

impl Layout {
    pub fn generations(&self) -> usize {
        self.people
            .iter()
            .map(|p| p.generation + 1)
            .max()
            .unwrap_or(0)
    }

    pub fn place(&self, person: Uuid) -> Option<&Placed> {
        self.people.iter().find(|p| p.person == person)
    }
}

/// Lays out the case's genogram.
pub fn lay_out(case: &Case) -> Layout {
    let genogram = &case.documents.genogram;
    let ties = &genogram.relationships;
    // Drawn: the children, the relatives, and network members with a tie
    // or in the household.
    let tied = |id: Uuid| ties.iter().any(|r| r.from == id || r.to == id);
    let household = |id: Uuid| genogram.details_of(id).is_some_and(|d| d.household);
    let children: Vec<Uuid> = case.children.iter().map(|c| c.id).collect();
    let relatives: Vec<Uuid> = genogram.relatives.iter().map(|r| r.id).collect();
    let people: Vec<(Uuid, String)> = family(case)
        .into_iter()
        .filter(|(id, _)| {
            children.contains(id) || relatives.contains(id) || tied(*id) || household(*id)
        })
        .collect();
    let n = people.len();
    let index = |id: Uuid| people.iter().position(|(p, _)| *p == id);
    let name = |i: usize| people[i].1.clone();
    // A child's year of birth comes from the case when the genogram has none.
    let details = |i: usize| {
        let mut d = genogram
            .details_of(people[i].0)
            .cloned()
            .unwrap_or(PersonDetails {
                person: people[i].0,
                ..PersonDetails::default()
            });
        if d.born.is_none() {
            let child = case.children.iter().find(|c| c.id == people[i].0);
            if let Some(ChildAge::DateOfBirth(day)) = child.map(|c| c.age) {
                d.born = Some(day.year());
            }
        }
        d
    };
    let mut problems = Vec::new();

    // Ties between people drawn, by index.
    let mut parental: Vec<(usize, usize, RelationshipKind)> = Vec::new();
    let mut couples: Vec<(usize, usize, RelationshipKind)> = Vec::new();
    let mut others: Vec<(usize, usize, RelationshipKind)> = Vec::new();
    for r in ties {
        let (Some(a), Some(b)) = (index(r.from), index(r.to)) else {
            continue;
        };
        if a == b {
            problems.push(Problem::OwnRelation(name(a)));
        } else if r.kind.is_parental() {
            parental.push((a, b, r.kind));
        } else if r.kind.is_couple() {
            couples.push((a, b, r.kind));
        } else {
            others.push((a, b, r.kind));
        }
    }
    drop_cycles(n, &mut parental, &mut problems, &name);
    for &(p, c, _) in &parental {
        if let (Some(pb), Some(cb)) = (details(p).born, details(c).born) {
            if cb <= pb {
                problems.push(Problem::BornBeforeParent {
                    child: name(c),
                    parent: name(p),
                });
            }
        }
    }

    let rows = generations(n, &parental, &couples, &others, &mut problems);
    let xs = across(n, &rows, &parental, &couples, &|i| details(i).order);

    let id = |i: usize| people[i].0;
    let mut descents: Vec<Descent> = Vec::new();
    for c in 0..n {
        let mut parents: Vec<(usize, RelationshipKind)> = parental
            .iter()
            .filter(|e| e.1 == c)
            .map(|e| (e.0, e.2))
            .collect();
        if parents.is_empty() {
            continue;
        }
        parents.sort_by(|a, b| xs[a.0].total_cmp(&xs[b.0]));
        parents.truncate(2);
        let kind = parents[0].1;
        let key: Vec<Uuid> = parents.iter().map(|(p, _)| id(*p)).collect();
        match descents.iter_mut().find(|d| d.parents == key) {
            Some(d) => d.children.push((id(c), kind)),
            None => descents.push(Descent {
                parents: key,
                children: vec![(id(c), kind)],
            }),
        }
    }
    for d in &mut descents {
        d.children.sort_by(|a, b| {
            let x = |p: Uuid| index(p).map_or(0.0, |i| xs[i]);
            x(a.0).total_cmp(&x(b.0))
        });
    }
    // Siblings whose parents are drawn show through them.
    let has_parents = |i: usize| parental.iter().any(|e| e.1 == i);
    let ties = others
        .iter()
        .filter(|(a, b, k)| !(k.is_sibling() && has_parents(*a) && has_parents(*b)))
        .map(|&(a, b, kind)| Couple {
            a: id(a),
            b: id(b),
            kind,
        })
        .collect();
    Layout {
        people: (0..n)
            .map(|i| Placed {
                person: id(i),
                name: name(i),
                x: xs[i],
                generation: rows[i],
                details: details(i),
                subject: children.contains(&id(i)),
            })
            .collect(),
        couples: couples
            .into_iter()
            .map(|(a, b, kind)| {
                let (a, b) = if xs[a] <= xs[b] { (a, b) } else { (b, a) };
                Couple {
                    a: id(a),
                    b: id(b),
                    kind,
                }
            })
            .collect(),
        descents,
        ties,
        problems,
    }
}

/// Leaves out each parent tie that closes a circle, and says so.
fn drop_cycles(
    n: usize,
    parental: &mut Vec<(usize, usize, RelationshipKind)>,
    problems: &mut Vec<Problem>,
    name: &dyn Fn(usize) -> String,
) {
    let mut kept: Vec<(usize, usize, RelationshipKind)> = Vec::new();
    for edge in parental.drain(..) {
        // Would the child reach the parent by the ties kept so far?
        let mut seen = vec![false; n];
        let mut stack = vec![edge.1];
        let mut closes = false;
        while let Some(at) = stack.pop() {
            if at == edge.0 {
                closes = true;
                break;
            }
            if std::mem::replace(&mut seen[at], true) {
                continue;
            }
            stack.extend(kept.iter().filter(|e| e.0 == at).map(|e| e.1));
        }
        if closes {
            problems.push(Problem::ParentCycle(name(edge.0), name(edge.1)));
        } else {
            kept.push(edge);
        }
    }
    *parental = kept;
}

/// Each person's row: a child below each parent, a couple and siblings on
/// one row, the oldest row 0.
fn generations(
    n: usize,
    parental: &[(usize, usize, RelationshipKind)],
    couples: &[(usize, usize, RelationshipKind)],
    others: &[(usize, usize, RelationshipKind)],
    problems: &mut Vec<Problem>,
) -> Vec<usize> {
    let mut row = vec![0usize; n];
    let level: Vec<(usize, usize)> = couples
        .iter()
        .map(|e| (e.0, e.1))
        .chain(
            others
                .iter()
                .filter(|e| e.2.is_sibling())
                .map(|e| (e.0, e.1)),
        )
        .collect();
    let mut settled = false;
    // Each round can only push people down; more rounds than people means
    // the ties ask for the impossible.
    for _ in 0..=n + 1 {
        let mut changed = false;
        for &(p, c, _) in parental {
            if row[c] < row[p] + 1 {
                row[c] = row[p] + 1;
                changed = true;
            }
        }
        for &(a, b) in &level {
            let m = row[a].max(row[b]);
            if row[a] != m || row[b] != m {
                row[a] = m;
                row[b] = m;
                changed = true;
            }
        }
        if !changed {
            settled = true;
            break;
        }
    }
    if !settled {
        problems.push(Problem::NoRows);
    }
    // People with no parents drawn, whose children are lower down, move
    // down to sit just above them (grandparents married in), a couple or
    // siblings together, so they stay on one row.
    let groups = level_groups(n, &level);
    for _ in 0..n {
        let mut changed = false;
        for group in &groups {
            if group.iter().any(|&i| parental.iter().any(|e| e.1 == i)) {
                continue;
            }
            let below = parental
                .iter()
                .filter(|e| group.contains(&e.0))
                .map(|e| row[e.1])
                .min();
            let at = group.iter().map(|&i| row[i]).max().unwrap_or(0);
            if let Some(below) = below.filter(|b| *b > at + 1) {
                for &i in group {
                    row[i] = below - 1;
                }
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    row
}

/// The people joined by couple and sibling ties, each group once; someone
/// with no such tie is a group of one.
fn level_groups(n: usize, level: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for start in 0..n {
        if groups.iter().any(|g| g.contains(&start)) {
            continue;
        }
        let mut group = vec![start];
        let mut k = 0;
        while k < group.len() {
            let at = group[k];
            for &(a, b) in level {
                let other = if a == at {
                    b
                } else if b == at {
                    a
                } else {
                    continue;
                };
                if !group.contains(&other) {
                    group.push(other);
                }
            }
            k += 1;
        }
        groups.push(group);
    }
    groups
}

/// Each person's place across their row.
fn across(
    n: usize,
    rows: &[usize],
    parental: &[(usize, usize, RelationshipKind)],
    couples: &[(usize, usize, RelationshipKind)],
    order: &dyn Fn(usize) -> i32,
) -> Vec<f64> {
    let mut x = vec![0.0; n];
    let deepest = rows.iter().copied().max().unwrap_or(0);
    for row in 0..=deepest {
        let here: Vec<usize> = (0..n).filter(|&i| rows[i] == row).collect();
        // Where each would like to be: under their parents.
        let wish = |i: usize| -> Option<f64> {
            let parents: Vec<f64> = parental
                .iter()
                .filter(|e| e.1 == i && rows[e.0] < row)
                .map(|e| x[e.0])
                .collect();
            (!parents.is_empty()).then(|| parents.iter().sum::<f64>() / parents.len() as f64)
        };
        let partners = |i: usize| -> Vec<usize> {
            couples
                .iter()
                .filter_map(|&(a, b, _)| {
                    if a == i {
                        Some(b)
                    } else if b == i {
                        Some(a)
                    } else {
                        None
                    }
                })
                .filter(|&p| rows[p] == row)
                .collect()
        };
        // Couples (and chains of partners) move as one unit.
        let mut units: Vec<Vec<usize>> = Vec::new();
        for &i in &here {
            if units.iter().any(|u| u.contains(&i)) {
                continue;
            }
            let mut unit = vec![i];
            let mut k = 0;
            while k < unit.len() {
                for p in partners(unit[k]) {
                    if !unit.contains(&p) {
                        unit.push(p);
                    }
                }
                k += 1;
            }
            // Those with parents drawn first, so the one who married in
            // sits on the outside.
            unit.sort_by_key(|&m| (wish(m).is_none(), order(m), m));
            units.push(unit);
        }
        let unit_wish = |u: &Vec<usize>| -> f64 {
            let wishes: Vec<f64> = u.iter().filter_map(|&m| wish(m)).collect();
            if wishes.is_empty() {
                f64::INFINITY
            } else {
                wishes.iter().sum::<f64>() / wishes.len() as f64
            }
        };
        units.sort_by(|a, b| {
            unit_wish(a)
                .total_cmp(&unit_wish(b))
                .then_with(|| order(a[0]).cmp(&order(b[0])))
                .then_with(|| a[0].cmp(&b[0]))
        });
        // Where a unit would start so that those with parents drawn sit
        // under them, the one who married in beside.
        let anchor = |u: &Vec<usize>| -> f64 {
            let starts: Vec<f64> = u
                .iter()
                .enumerate()
                .filter_map(|(k, &m)| wish(m).map(|w| w - k as f64 * SPACING))
                .collect();
            starts.iter().sum::<f64>() / starts.len().max(1) as f64
        };
        // Brothers and sisters (units wishing for the same parents) are
        // centred under them together.
        let mut blocks: Vec<(f64, Vec<Vec<usize>>)> = Vec::new();
        for unit in units {
            let wished = unit_wish(&unit);
            match blocks.last_mut() {
                Some((w, group)) if wished.is_finite() && *w == wished => group.push(unit),
                _ => blocks.push((wished, vec![unit])),
            }
        }
        // Each block's members and where it would start; `None` for those
        // with no parents drawn, which follow on.
        let wanted: Vec<(Vec<usize>, Option<f64>)> = blocks
            .into_iter()
            .map(|(wished, group)| {
                let members: Vec<usize> = group.iter().flatten().copied().collect();
                let width = (members.len() - 1) as f64 * SPACING;
                let start = match group.as_slice() {
                    _ if !wished.is_finite() => None,
                    [unit] => Some(anchor(unit)),
                    _ => Some(wished - width / 2.0),
                };
                (members, start)
            })
            .collect();
        let mut next = f64::NEG_INFINITY;
        for (members, start) in wanted {
            let width = (members.len() - 1) as f64 * SPACING;
            let start = start.unwrap_or(next.max(0.0)).max(next);
            for (k, &m) in members.iter().enumerate() {
                x[m] = start + k as f64 * SPACING;
            }
            next = start + width + SPACING;
        }
    }
    // Start at 0.
    let least = x.iter().copied().fold(f64::INFINITY, f64::min);
    if least.is_finite() {
        for v in &mut x {
            *v -= least;
        }
    }
    x
}
