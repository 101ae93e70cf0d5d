//! Writes realistic cases as `localStorage` entries, for the benchmarks.
//!
//! `cargo run --example sample_cases -- 500` prints a JSON object mapping
//! each storage key to its value: the index and 500 cases, each with three
//! children, a Signs of Safety map, and a Child Protection plan of 15
//! actions with two reviews. Text lengths follow real plans. A second
//! argument sets the number of actions in each plan, a third the number of
//! entries on each map (three in each section unless given).

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use kinplan::domain::choice::Choice;
use kinplan::domain::persist::index::CaseIndex;
use kinplan::domain::persist::packing::{pack, Stamp};
use kinplan::domain::persist::schema::{StoredCase, CURRENT_VERSION};
use kinplan::domain::person_ref::PersonRef;
use kinplan::domain::plans::*;
use kinplan::domain::profile::PracticeProfile;
use kinplan::domain::safety_map::*;
use kinplan::domain::{Case, Child, ChildAge, NetworkMember, Worker};
use uuid::Uuid;

const SURNAMES: [&str; 10] = [
    "Smith", "Okafor", "Khan", "Nowak", "Jones", "Mensah", "Patel", "O'Brien", "Ahmed", "Taylor",
];
const ACTIONS: [(&str, &str); 5] = [
    (
        "Take the children to school by 8:50am every school day",
        "The school register shows both children in class by 9am on at least 95% of days",
    ),
    (
        "Go to the Change programme group every Tuesday evening at the family centre",
        "The group leader's attendance record shows 10 of 12 sessions attended",
    ),
    (
        "Book an appointment with the GP about low mood and go to it",
        "Shows the social worker the appointment letter and the GP's note at the next visit",
    ),
    (
        "Keep the kitchen and the children's bedroom clean, with no rubbish on the floor",
        "At each visit the social worker sees clean floors and made beds",
    ),
    (
        "Phone the social worker the same day if Dad comes to the house after drinking",
        "The social worker records every call, and the children say they feel safe",
    ),
];

fn case(n: usize, actions: usize, map_entries: usize) -> Case {
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap() + Duration::minutes(n as i64);
    let start = NaiveDate::from_ymd_opt(2026, 8, 3).unwrap();
    let mut case = Case::new(format!("{} family {n}", SURNAMES[n % SURNAMES.len()]), now);
    for (i, (name, born)) in [("Amy", 2019), ("Leo", 2023), ("Jo", 2025)]
        .into_iter()
        .enumerate()
    {
        case.children.push(Child {
            id: Uuid::new_v4(),
            first_name: name.into(),
            age: ChildAge::DateOfBirth(NaiveDate::from_ymd_opt(born, 3 + i as u32, 14).unwrap()),
            pronouns: "she/her".into(),
            first_language: "English".into(),
            needs_interpreter: false,
            communication_needs: "Likes to draw while talking; needs time to answer.".into(),
        });
    }
    for (name, relationship) in [
        ("Jenny", "Mum"),
        ("Darren", "Dad"),
        ("Pat", "Nan"),
        ("Sue", "Family friend"),
    ] {
        case.network.push(NetworkMember {
            id: Uuid::new_v4(),
            name: name.into(),
            relationship: relationship.into(),
            contact: "07700 900123".into(),
        });
    }
    for (name, role, agency) in [
        ("Priya Shah", "Social worker", "Children's Services"),
        ("Mrs Patel", "Teacher", "St Mary's Primary"),
        ("Dr Okoro", "GP", "High Street Surgery"),
    ] {
        case.workers.push(Worker {
            id: Uuid::new_v4(),
            name: name.into(),
            role: role.into(),
            agency: agency.into(),
            contact: "020 8359 0000".into(),
        });
    }
    let worker = PersonRef::Person(case.workers[0].id);
    let mum = PersonRef::Person(case.network[0].id);

    let mut map = SafetyMap::new(start, now);
    let sections = MapSection::ALL.len();
    for k in 0..map_entries {
        let (i, j) = (k % sections, k / sections);
        let section = MapSection::ALL[i];
        map.entries.push(MapEntry {
            id: Uuid::new_v4(),
            section,
            text: format!("{} {j}: when Dad has been drinking he shouts at Mum late at night, and Amy has told her teacher she hides under her bed until it stops.", section.title()),
            said_by: if (i + j) % 2 == 0 { worker.clone() } else { mum.clone() },
            date: start,
            children: vec![case.children[0].id],
        });
    }
    for k in 0..3 {
        let id = Uuid::new_v4();
        map.danger_statements.push(DangerStatement {
            id,
            who_is_worried: "Social workers".into(),
            behaviour: "drinks and shouts at Mum".into(),
            by_whom: "Dad".into(),
            impact: format!("get hurt and be scared to be at home ({k})"),
            children: vec![case.children[0].id, case.children[1].id],
            sentence: String::new(),
        });
        map.safety_goals.push(SafetyGoal {
            id: Uuid::new_v4(),
            danger_statement: id,
            what_people_will_see: "Dad does not drink at home, and Mum and the children say the house is calm at bedtime".into(),
            for_how_long: "for the next 6 months".into(),
        });
        map.bottom_lines.push(BottomLine {
            id: Uuid::new_v4(),
            text: "Dad does not come to the house when he has been drinking.".into(),
        });
    }
    for person in [
        &worker,
        &mum,
        &PersonRef::Person(case.network[1].id),
        &PersonRef::Person(case.children[0].id),
        &PersonRef::Named("School".into()),
    ] {
        map.scores.push(SafetyScore {
            person: person.clone(),
            score: Some(4),
            reason: "Things are calmer but Dad is still drinking some weekends.".into(),
        });
    }
    case.documents.safety_maps.push(map);

    let mut plan = Plan::new(PlanKind::ChildProtection, now);
    plan.start = Some(start);
    plan.children = case.children.iter().map(|c| c.id).collect();
    plan.harm_categories = vec![HarmCategory::Emotional, HarmCategory::Neglect];
    for k in 0..3 {
        let worry = Worry { id: Uuid::new_v4(), text: format!("Social workers are worried that if Dad drinks and shouts at Mum again, Amy and Leo could get hurt ({k})."), danger_statement: None };
        plan.outcomes.push(Outcome {
            id: Uuid::new_v4(),
            text: "Amy and Leo feel safe at home and sleep in their own beds every night".into(),
            worry: Some(worry.id),
            safety_goal: None,
        });
        plan.worries.push(worry);
    }
    for k in 0..actions {
        let (what, how) = ACTIONS[k % ACTIONS.len()];
        plan.actions.push(Action {
            id: Uuid::new_v4(),
            what: what.into(),
            who: PersonRef::Person(case.network[k % 3].id),
            by_when: "02/02/2027".into(),
            how_we_will_know: how.into(),
            outcome: Some(plan.outcomes[k % 3].id),
            status: ActionStatus::OnTrack,
        });
    }
    plan.contingency = "If Dad comes home drunk, Mum will call the police and the social worker the same day, and the children will stay with Nan while a new plan is made.".into();
    plan.child_views = "Amy (7) drew her three houses. She said she likes it when Dad makes pancakes and does not like the shouting. Leo (3) ran to Nan for a cuddle.".into();
    for r in 0..2 {
        plan.reviews.push(PlanReview {
            id: Uuid::new_v4(),
            date: start + Duration::weeks(6 * (r + 1)),
            kind: ReviewKind::ReviewConference,
            attended: vec![worker.clone(), mum.clone(), PersonRef::Named("Mrs Patel (school)".into())],
            progress: plan.actions.iter().map(|a| ActionProgress { action: a.id, status: ActionStatus::OnTrack, note: "Going well; two late days this month.".into() }).collect(),
            scale: Some(5),
            decisions: "The plan continues. Dad will start the Change programme in January. Nan will look after the children on Friday nights. The next review is in six weeks.".into(),
        });
    }
    plan.events.push(RecordedEvent {
        kind: EventKind::Visit,
        date: start + Duration::days(10),
    });
    case.documents.plans.push(plan);
    case
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let actions: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(15);
    let map_entries: usize = std::env::args()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3 * MapSection::ALL.len());
    let mut entries = serde_json::Map::new();
    let mut index = CaseIndex::default();
    for n in 0..count {
        let case = case(n, actions, map_entries);
        let json = serde_json::to_string(&StoredCase::new(case.clone())).unwrap();
        let text = pack(
            Stamp {
                schema_version: CURRENT_VERSION,
                revision: 0,
            },
            &json,
        );
        index.upsert(
            &case,
            text.encode_utf16().count(),
            &PracticeProfile::england(),
        );
        entries.insert(kinplan::storage::case_key(case.id), text.into());
    }
    entries.insert(
        kinplan::storage::INDEX_KEY.into(),
        serde_json::to_string(&index).unwrap().into(),
    );
    println!("{}", serde_json::Value::Object(entries));
}
