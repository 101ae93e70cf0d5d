use chrono::{DateTime, TimeZone, Utc};

use super::layout::{lay_out, Problem, SPACING};
use super::*;
use crate::domain::case::{Child, NetworkMember};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap()
}

fn child(case: &mut Case, name: &str) -> Uuid {
    let id = Uuid::new_v4();
    case.children.push(Child {
        id,
        first_name: name.into(),
        ..Child::default()
    });
    id
}

fn member(case: &mut Case, name: &str) -> Uuid {
    let id = Uuid::new_v4();
    case.network.push(NetworkMember {
        id,
        name: name.into(),
        relationship: String::new(),
        contact: String::new(),
    });
    id
}

/// Nan and Grandad, their daughter Anna and her husband Marek, and their
/// children Ola and Kuba: three generations.
struct Family {
    case: Case,
    ola: Uuid,
    kuba: Uuid,
    anna: Uuid,
    marek: Uuid,
    nan: Uuid,
    grandad: Uuid,
}

fn family_of_three_generations() -> Family {
    let mut case = Case::new("Kowalski family", now());
    let ola = child(&mut case, "Ola");
    let kuba = child(&mut case, "Kuba");
    let anna = member(&mut case, "Anna");
    let marek = member(&mut case, "Marek");
    let nan = member(&mut case, "Zofia");
    let g = &mut case.documents.genogram;
    let grandad = g.add_relative("Jan");
    g.relate(nan, RelationshipKind::Married, grandad).unwrap();
    g.relate(nan, RelationshipKind::ParentOf, anna).unwrap();
    g.relate(grandad, RelationshipKind::ParentOf, anna).unwrap();
    g.relate(anna, RelationshipKind::Married, marek).unwrap();
    for c in [ola, kuba] {
        g.relate(anna, RelationshipKind::ParentOf, c).unwrap();
        g.relate(marek, RelationshipKind::ParentOf, c).unwrap();
    }
    Family {
        case,
        ola,
        kuba,
        anna,
        marek,
        nan,
        grandad,
    }
}

#[test]
fn three_generations_are_three_rows_with_children_under_their_parents() {
    let f = family_of_three_generations();
    let layout = lay_out(&f.case);
    assert_eq!(layout.generations(), 3);
    let at = |id| {
        let p = layout.place(id).unwrap();
        (p.generation, p.x)
    };
    // By hand: Zofia and Jan on row 0 at 0 and 1; Anna under them at their
    // middle, 0.5, with Marek beside her at 1.5; Ola and Kuba centred under
    // Anna and Marek's middle, 1.0, at 0.5 and 1.5.
    assert_eq!(at(f.nan), (0, 0.0));
    assert_eq!(at(f.grandad), (0, 1.0));
    assert_eq!(at(f.anna), (1, 0.5));
    assert_eq!(at(f.marek), (1, 1.5));
    assert_eq!(at(f.ola), (2, 0.5));
    assert_eq!(at(f.kuba), (2, 1.5));
    assert_eq!(layout.descents.len(), 2);
    let children = &layout
        .descents
        .iter()
        .find(|d| d.parents == [f.anna, f.marek])
        .unwrap()
        .children;
    assert_eq!(
        children.iter().map(|c| c.0).collect::<Vec<_>>(),
        [f.ola, f.kuba]
    );
    assert!(layout.problems.is_empty());
    assert!(layout.place(f.ola).unwrap().subject);
}

#[test]
fn no_two_people_on_a_row_overlap_and_sibling_groups_do_not_cross() {
    let mut f = family_of_three_generations();
    // Anna's sister Ewa, her partner and their two children, and an uncle.
    let g = &mut f.case.documents.genogram;
    let ewa = g.add_relative("Ewa");
    let piotr = g.add_relative("Piotr");
    let uncle = g.add_relative("Tomasz");
    for p in [f.nan, f.grandad] {
        g.relate(p, RelationshipKind::ParentOf, ewa).unwrap();
        g.relate(p, RelationshipKind::ParentOf, uncle).unwrap();
    }
    g.relate(ewa, RelationshipKind::Partners, piotr).unwrap();
    let cousins: Vec<Uuid> = ["Maja", "Leon"].iter().map(|n| g.add_relative(n)).collect();
    for c in &cousins {
        g.relate(ewa, RelationshipKind::ParentOf, *c).unwrap();
        g.relate(piotr, RelationshipKind::ParentOf, *c).unwrap();
    }
    let layout = lay_out(&f.case);
    for row in 0..layout.generations() {
        let mut xs: Vec<f64> = layout
            .people
            .iter()
            .filter(|p| p.generation == row)
            .map(|p| p.x)
            .collect();
        xs.sort_by(f64::total_cmp);
        assert!(
            xs.windows(2).all(|w| w[1] - w[0] >= SPACING - 1e-9),
            "row {row}: {xs:?}"
        );
    }
    // Each family's children sit in one run, between the other families'.
    let span = |d: &layout::Descent| {
        let xs: Vec<f64> = d
            .children
            .iter()
            .map(|c| layout.place(c.0).unwrap().x)
            .collect();
        (
            xs.iter().copied().fold(f64::INFINITY, f64::min),
            xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    };
    let rows2: Vec<_> = layout
        .descents
        .iter()
        .filter(|d| layout.place(d.children[0].0).unwrap().generation == 2)
        .collect();
    assert_eq!(rows2.len(), 2);
    let (a, b) = (span(rows2[0]), span(rows2[1]));
    assert!(
        a.1 < b.0 || b.1 < a.0,
        "the cousins and the children interleave: {a:?} {b:?}"
    );
}

#[test]
fn impossible_data_is_named_and_the_rest_still_drawn() {
    let mut f = family_of_three_generations();
    let g = &mut f.case.documents.genogram;
    // Ola recorded as Nan's parent: a circle of parents.
    g.relate(f.ola, RelationshipKind::ParentOf, f.nan).unwrap();
    // Someone their own sibling, as only a damaged import could say.
    g.relationships.push(Relationship {
        id: Uuid::new_v4(),
        kind: RelationshipKind::Siblings,
        from: f.kuba,
        to: f.kuba,
    });
    g.details_mut(f.anna).born = Some(1990);
    g.details_mut(f.ola).born = Some(1988);
    let layout = lay_out(&f.case);
    assert_eq!(
        layout.problems,
        [
            Problem::OwnRelation("Kuba".into()),
            Problem::ParentCycle("Ola".into(), "Zofia".into()),
            Problem::BornBeforeParent {
                child: "Ola".into(),
                parent: "Anna".into()
            },
        ]
    );
    assert!(layout.problems[1]
        .message()
        .contains("That tie is not drawn"));
    // Everyone is still there, in their three rows.
    assert_eq!(layout.people.len(), 6);
    assert_eq!(layout.generations(), 3);
}

#[test]
fn a_tie_is_not_made_to_oneself_or_twice_and_reads_as_a_sentence() {
    let mut f = family_of_three_generations();
    let g = &mut f.case.documents.genogram;
    assert_eq!(
        g.relate(f.ola, RelationshipKind::Close, f.ola),
        Err(GenogramError::SamePerson)
    );
    assert_eq!(
        g.relate(f.marek, RelationshipKind::Married, f.anna),
        Err(GenogramError::AlreadyThere)
    );
    // Parenthood has a direction: Ola is not Anna's parent because Anna is hers.
    assert!(g
        .relate(f.kuba, RelationshipKind::Conflict, f.marek)
        .is_ok());
    let said = sentences(&f.case);
    assert!(
        said.contains(&"Anna is the birth parent of Ola.".to_string()),
        "{said:?}"
    );
    assert!(said.contains(&"Kuba is in conflict with Marek.".to_string()));
}

#[test]
fn grandparents_married_in_sit_one_row_above_their_child() {
    let mut f = family_of_three_generations();
    // Marek's parents, a couple, and Zofia's own parents above her: Marek's
    // parents belong on Zofia's row, not on her parents'.
    let g = &mut f.case.documents.genogram;
    let (great_nan, great_grandad) = (g.add_relative("Helena"), g.add_relative("Adam"));
    g.relate(great_nan, RelationshipKind::Married, great_grandad)
        .unwrap();
    g.relate(great_nan, RelationshipKind::ParentOf, f.nan)
        .unwrap();
    let (his_mum, his_dad) = (g.add_relative("Irena"), g.add_relative("Piotr"));
    g.relate(his_mum, RelationshipKind::Married, his_dad)
        .unwrap();
    g.relate(his_mum, RelationshipKind::ParentOf, f.marek)
        .unwrap();
    g.relate(his_dad, RelationshipKind::ParentOf, f.marek)
        .unwrap();
    let layout = lay_out(&f.case);
    let row = |id| layout.place(id).unwrap().generation;
    assert_eq!(layout.generations(), 4);
    assert_eq!((row(great_nan), row(great_grandad)), (0, 0));
    assert_eq!((row(his_mum), row(his_dad), row(f.nan)), (1, 1, 1));
    assert_eq!(row(f.marek), 2);
}

#[test]
fn a_childs_year_of_birth_comes_from_the_case_unless_the_genogram_says() {
    let mut f = family_of_three_generations();
    f.case.children[0].age =
        crate::domain::ChildAge::DateOfBirth(chrono::NaiveDate::from_ymd_opt(2019, 5, 3).unwrap());
    assert_eq!(
        lay_out(&f.case).place(f.ola).unwrap().details.born,
        Some(2019)
    );
    f.case.documents.genogram.details_mut(f.ola).born = Some(2018);
    assert_eq!(
        lay_out(&f.case).place(f.ola).unwrap().details.born,
        Some(2018)
    );
}

#[test]
fn network_members_with_no_tie_are_not_in_the_family_tree() {
    let mut f = family_of_three_generations();
    let neighbour = member(&mut f.case, "Mrs Lee");
    assert!(lay_out(&f.case).place(neighbour).is_none());
    f.case.documents.genogram.details_mut(neighbour).household = true;
    assert!(lay_out(&f.case).place(neighbour).is_some());
    // Taking a relative off takes their ties with them.
    f.case.documents.genogram.remove_person(f.grandad);
    assert!(f
        .case
        .documents
        .genogram
        .relationships
        .iter()
        .all(|r| r.from != f.grandad && r.to != f.grandad));
}

mod ecomap {
    use super::*;
    use crate::domain::case::Worker;
    use crate::domain::genogram::ecomap::{ecomap, Strength};
    use crate::domain::person_ref::PersonRef;

    #[test]
    fn the_household_is_the_middle_and_workers_and_the_wider_network_are_round_it() {
        let mut f = family_of_three_generations();
        let teacher = Uuid::new_v4();
        f.case.workers.push(Worker {
            id: teacher,
            name: "Mr Hughes".into(),
            role: "Head teacher".into(),
            agency: "Park Road Primary".into(),
            contact: String::new(),
        });
        let g = &mut f.case.documents.genogram;
        for person in [f.anna, f.ola, f.kuba] {
            g.details_mut(person).household = true;
        }
        g.set_strength(PersonRef::Person(teacher), Strength::Strong);
        g.set_strength(PersonRef::Person(f.nan), Strength::Stressful);
        g.set_note(PersonRef::Person(f.nan), "argues with Anna".into());
        assert!(g.add_service(" Food bank "));
        assert!(!g.add_service("Food bank"), "the same service twice");
        assert!(!g.add_service("  "));
        g.set_strength(PersonRef::Named("Food bank".into()), Strength::Weak);

        let (household, around) = ecomap(&f.case);
        assert_eq!(household, ["Ola", "Kuba", "Anna"]);
        let lines: Vec<(String, String, Strength, String)> = around
            .into_iter()
            .map(|a| (a.name, a.detail, a.strength, a.note))
            .collect();
        assert_eq!(
            lines,
            [
                (
                    "Park Road Primary".into(),
                    "Mr Hughes, Head teacher".into(),
                    Strength::Strong,
                    String::new()
                ),
                (
                    "Marek".into(),
                    String::new(),
                    Strength::NotSaid,
                    String::new()
                ),
                (
                    "Zofia".into(),
                    String::new(),
                    Strength::Stressful,
                    "argues with Anna".into()
                ),
                (
                    "Food bank".into(),
                    String::new(),
                    Strength::Weak,
                    String::new()
                ),
            ]
        );
        let g = &mut f.case.documents.genogram;
        g.remove_service(&PersonRef::Named("Food bank".into()));
        assert_eq!(ecomap(&f.case).1.len(), 3);
    }
}
