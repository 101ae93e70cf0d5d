//! The SMART checker against actions written as real plans are written:
//! about half SMART, half not, each with the finding codes it must give.
//! Drawn from councils' guidance and the vague actions file audits find.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, TimeZone, Utc};
use kinplan::domain::person_ref::PersonRef;
use kinplan::domain::plans::smart::{
    check_action, check_plan, codes::*, read_due, Checker, Due, PlanDates,
};
use kinplan::domain::plans::{Action, Outcome, Plan, PlanKind, Worry};
use kinplan::domain::{Case, NetworkMember};
use uuid::Uuid;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dates() -> PlanDates {
    PlanDates {
        start: Some(date(2026, 11, 2)),
        next_review: Some(date(2027, 2, 2)),
    }
}

/// (who, what, by when, how we will know, expected codes)
const ACTIONS: &[(&str, &str, &str, &str, &[&str])] = &[
    // SMART, as good plans write them.
    (
        "Priya Shah",
        "Book a Polish interpreter for every meeting and visit",
        "25/11/2026",
        "An interpreter is at every meeting and visit",
        &[],
    ),
    (
        "Jenny Smith",
        "Take Amy to school by 8:50am every school day",
        "18/12/2026",
        "The school register shows Amy in class by 9am on at least 95% of days",
        &[],
    ),
    (
        "Jenny Smith",
        "Book an appointment with the GP about her low mood",
        "20/11/2026",
        "Jenny shows Priya the appointment letter at the next visit",
        &[],
    ),
    (
        "Darren Smith",
        "Go to the Change programme group every Tuesday evening",
        "26/01/2027",
        "The group leader's attendance record shows 10 of 12 sessions",
        &[],
    ),
    (
        "Priya Shah",
        "Refer Darren to the drug and alcohol service",
        "09/11/2026",
        "Priya shares the referral confirmation at the core group",
        &[],
    ),
    (
        "Pat Smith",
        "Look after Amy and Leo at her house every Friday night",
        "31/01/2027",
        "Pat tells Priya each week which Fridays the children stayed",
        &[],
    ),
    (
        "Jenny Smith",
        "Keep the kitchen clean, with no rubbish on the floor",
        "15/12/2026",
        "At each visit Priya sees a clean kitchen floor",
        &[],
    ),
    (
        "Leo's health visitor",
        "Weigh Leo at the clinic",
        "30/11/2026",
        "Leo's weight is recorded in his red book",
        &[],
    ),
    (
        "Amy's teacher Mrs Patel",
        "Meet Amy once a week for a check-in",
        "29/01/2027",
        "Mrs Patel records each meeting in the school log",
        &[],
    ),
    (
        "Jenny Smith",
        "Register with the housing office for a two-bedroom flat",
        "2026-11-30",
        "Jenny shows Priya the housing registration letter",
        &[],
    ),
    (
        "Darren Smith",
        "Have a hair strand test for alcohol",
        "14 Dec 2026",
        "The test report shows no heavy drinking over 3 months",
        &[],
    ),
    (
        "Priya Shah",
        "Visit the family at home",
        "by 16 November 2026",
        "Priya records the visit and sees Amy on her own",
        &[],
    ),
    (
        "Jenny Smith",
        "Put Leo to bed by 7pm each night",
        "31/1/27",
        "Jenny's sleep diary shows bedtime by 7pm on 5 nights a week",
        &[],
    ),
    (
        "Kofi Mensah",
        "Pay the gas bill arrears plan of £20 a week",
        "15/01/2027",
        "Kofi shows Priya the payment record each month",
        &[],
    ),
    (
        "Ama Mensah",
        "Take Kwame to his speech therapy appointments",
        "20/12/2026",
        "The therapist's letter says Kwame attended 4 of 4 sessions",
        &[],
    ),
    (
        "Priya Shah",
        "Arrange a family group conference",
        "07/12/2026",
        "The family meeting date is set and shared in writing",
        &[],
    ),
    (
        "Dad (Darren)",
        "Stay away from the family home when he has been drinking",
        "02/02/2027",
        "Jenny and Amy tell Priya at each visit that Darren did not come home drunk",
        &[],
    ),
    (
        "Sam the family support worker",
        "Help Jenny make a weekly meal plan",
        "27/11/2026",
        "Jenny shows a written meal plan for 2 weeks",
        &[],
    ),
    (
        "Jenny Smith",
        "Tell Priya if Darren comes to the house",
        "the next review",
        "Priya records every call from Jenny",
        &[],
    ),
    (
        "Nan (Pat Smith)",
        "Collect Amy from school on Mondays and Wednesdays",
        "29/01/2027",
        "The school's collection log shows Pat's name on those days",
        &[],
    ),
    (
        "Priya Shah",
        "Share the plan with Jenny and Darren in writing",
        "11/11/2026",
        "Jenny and Darren each sign to say they have a copy",
        &[],
    ),
    (
        "Dr Okoro",
        "Review Jenny's medication",
        "04/12/2026",
        "Dr Okoro sends a letter to Priya after the review",
        &[],
    ),
    (
        "Kofi Mensah",
        "Fit a safety gate at the top of the stairs",
        "23/11/2026",
        "Priya sees the gate fitted at the next visit",
        &[],
    ),
    (
        "Ama Mensah",
        "Start the Freedom Programme",
        "05/01/2027",
        "The programme sends an attendance certificate",
        &[],
    ),
    (
        "Amy's school nurse",
        "See Amy about her bedwetting",
        "11/12/2026",
        "The nurse writes a care plan and shares it with Jenny",
        &[],
    ),
    (
        "Jenny Smith",
        "Support Amy with her reading for 10 minutes each night",
        "29/01/2027",
        "Amy's reading record is signed on 5 nights a week",
        &[],
    ),
    (
        "Darren Smith",
        "Monitor his drinking with a daily drinks diary",
        "26/01/2027",
        "Darren shows the diary at each visit, with no more than 14 units a week",
        &[],
    ),
    (
        "Priya Shah",
        "Book an interpreter in Twi for every meeting with Ama",
        "16/11/2026",
        "An interpreter is at each meeting, as shown in the minutes",
        &[],
    ),
    (
        "Jenny Smith",
        "Go to the Incredible Years parenting course",
        "20/01/2027",
        "The course leader reports 8 of 10 sessions attended",
        &[],
    ),
    (
        "Pat Smith",
        "Phone Priya straight away if she sees Darren drunk with the children",
        "02/02/2027",
        "Priya records each call",
        &[],
    ),
    (
        "Leo's nursery key worker",
        "Tell Priya the same day if Leo has a mark or bruise",
        "02/02/2027",
        "Priya records each report from nursery",
        &[],
    ),
    // Not SMART: the actions file audits keep finding.
    (
        "Mum",
        "Mum to engage with services",
        "ongoing",
        "",
        &[OPEN_ENDED_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Dad",
        "Dad to work with professionals",
        "",
        "",
        &[NO_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Professionals",
        "Monitor the situation",
        "ongoing",
        "",
        &[VAGUE_OWNER, OPEN_ENDED_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "",
        "Support to be offered to the family",
        "asap",
        "",
        &[NO_OWNER, OPEN_ENDED_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "All agencies",
        "Share information",
        "as and when",
        "",
        &[VAGUE_OWNER, OPEN_ENDED_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "The family",
        "Address the home conditions",
        "",
        "Home conditions improve",
        &[VAGUE_OWNER, NO_DATE, VAGUE_VERB, VAGUE_MEASURE],
    ),
    (
        "Jenny Smith",
        "Continue to attend appointments",
        "when needed",
        "",
        &[OPEN_ENDED_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Darren Smith",
        "Be aware of the impact of his drinking on the children",
        "",
        "",
        &[NO_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Parents",
        "Attend as required",
        "TBC",
        "",
        &[VAGUE_OWNER, OPEN_ENDED_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Jenny Smith",
        "Engage with the mental health team",
        "15/12/2026",
        "Positive engagement",
        &[VAGUE_VERB, VAGUE_MEASURE],
    ),
    (
        "Jenny Smith",
        "Take Amy to school every day",
        "",
        "The school register",
        &[NO_DATE],
    ),
    (
        "Priya Shah",
        "Visit the family",
        "31/10/2026",
        "Priya records the visit",
        &[DATE_BEFORE_START],
    ),
    (
        "Darren Smith",
        "Finish the perpetrator programme",
        "30/06/2027",
        "Certificate of completion",
        &[DATE_AFTER_REVIEW],
    ),
    (
        "Jenny Smith",
        "Keep the house clean and take Leo to nursery and attend the GP",
        "18/12/2026",
        "Priya sees it at visits",
        &[SEVERAL_TASKS],
    ),
    (
        "Kofi Mensah",
        "Pay the rent arrears; register with a GP",
        "15/01/2027",
        "Kofi shows the rent statement",
        &[SEVERAL_TASKS],
    ),
    (
        "Ama Mensah",
        "Make sure the children are safe",
        "end of the year",
        "",
        &[UNREADABLE_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Everyone",
        "Keep an eye on the children",
        "",
        "",
        &[VAGUE_OWNER, NO_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Core group",
        "Review the plan",
        "monthly",
        "",
        &[VAGUE_OWNER, OPEN_ENDED_DATE, NO_MEASURE],
    ),
    (
        "Jenny Smith",
        "Cooperate with the plan",
        "02/02/2027",
        "",
        &[NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Darren Smith",
        "Comply with the written agreement",
        "02/02/2027",
        "No concerns are reported",
        &[VAGUE_VERB, VAGUE_MEASURE],
    ),
    (
        "Social worker",
        "Consider a referral to CAMHS",
        "asap",
        "",
        // A role with no name is not one person.
        &[VAGUE_OWNER, OPEN_ENDED_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Jenny Smith",
        "Improve her parenting",
        "",
        "",
        &[NO_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Pat Smith",
        "Encourage Jenny to go to her appointments",
        "weekly",
        "Things get better",
        &[OPEN_ENDED_DATE, VAGUE_VERB, VAGUE_MEASURE],
    ),
    (
        "Darren Smith",
        "Stop drinking and then find work",
        "31/01/2027",
        "Darren tells Priya",
        &[SEVERAL_TASKS],
    ),
    (
        "TBC",
        "Arrange respite for the children",
        "",
        "",
        &[VAGUE_OWNER, NO_DATE, NO_MEASURE],
    ),
    (
        "Jenny Smith",
        "Promote good routines for the children",
        "ongoing",
        "Routines are better",
        &[OPEN_ENDED_DATE, VAGUE_VERB, VAGUE_MEASURE],
    ),
    (
        "Priya Shah",
        "Complete the assessment",
        "31/02/2027",
        "The assessment is shared",
        &[UNREADABLE_DATE],
    ),
    (
        "Services",
        "Support Jenny with her housing",
        "as necessary",
        "",
        &[VAGUE_OWNER, OPEN_ENDED_DATE, NO_MEASURE, VAGUE_VERB],
    ),
    (
        "Darren Smith",
        "Work with the substance misuse team to reduce his drinking",
        "02/02/2027",
        "He engages well",
        &[VAGUE_VERB, VAGUE_MEASURE],
    ),
    (
        "Jenny Smith",
        "Attend the GP. Attend the dentist with Leo",
        "15/12/2026",
        "Jenny shows the appointment cards",
        &[SEVERAL_TASKS],
    ),
    // The examples of issue 17's outside check and walk-through, with the
    // codes the rules give them.
    ("Mum and Dad", "Improve parenting", "02/02/2027", "Parenting is better", &[VAGUE_OWNER, VAGUE_VERB, VAGUE_MEASURE]),
    ("Priya Shah", "Visit Amy at home and see her on her own", "30/11/2026", "Priya records the visit and what Amy said", &[]),
    ("Jenny Smith", "Give Amy a bath and clean clothes every morning", "18/12/2026", "Amy's teacher sees her clean every day", &[]),
    (
        "Priya Shah",
        "Refer the family to the food bank and the housing team, arrange a family group conference and update the chronology",
        "30/11/2026",
        "Priya shows the referrals at the core group",
        &[SEVERAL_TASKS],
    ),
    ("Tunde Okafor", "Tunde to work on his anger", "02/02/2027", "Things are better at home", &[VAGUE_VERB, VAGUE_MEASURE]),
    ("Tunde Okafor", "Reflect on his behaviour", "02/02/2027", "Reduced concerns", &[VAGUE_VERB, VAGUE_MEASURE]),
    ("School", "Tell Priya if Amy is late", "02/02/2027", "Priya gets an email on each late day", &[VAGUE_OWNER]),
    ("Nursery", "Tell Priya if Leo is absent", "02/02/2027", "Priya gets an email on each absence", &[VAGUE_OWNER]),
    ("Jenny Smith", "Attend appointments as required", "02/02/2027", "", &[VAGUE_VERB, NO_MEASURE]),
    ("Jenny Smith", "Share any concerns with the school", "02/02/2027", "", &[VAGUE_VERB, NO_MEASURE]),
    // A passive vague verb hides who acts: no measure lets it off.
    ("Priya Shah", "Amy's school attendance to be monitored", "02/02/2027", "The school register shows 95% attendance", &[VAGUE_VERB]),
    // The same verb with its doer, and a register to show it, is let off.
    ("Priya Shah", "Monitor Amy's school attendance", "02/02/2027", "The school register shows 95% attendance", &[]),
    // A vague verb as the topic of a talk is not the task.
    ("Priya Shah", "Talk with Jenny about how to improve bedtimes", "02/02/2027", "Priya records the talk", &[]),
    // "Make sure" of the owner's own act is that act; of anyone else's, it is vague.
    ("Jenny Smith", "Make sure she arrives at contact on time", "02/02/2027", "The contact log shows her arrival times", &[]),
    ("Jenny Smith", "Make sure Amy arrives at school on time", "02/02/2027", "The school register shows her arrival times", &[VAGUE_VERB]),
    // A template's blank is no date.
    ("Jenny Smith", "Book Amy a dentist's appointment", "by a certain date", "Jenny shows Priya the booking text", &[NO_DATE]),
];

#[test]
fn each_action_gives_exactly_its_expected_findings() {
    assert!(ACTIONS.len() >= 60, "{} actions", ACTIONS.len());
    let smart = ACTIONS.iter().filter(|a| a.4.is_empty()).count();
    assert!(
        (ACTIONS.len() * 2 / 5..=ACTIONS.len() * 3 / 5).contains(&smart),
        "{smart} SMART actions: about half should be"
    );
    let case = Case::new(
        "Smith family",
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
    );
    let mut wrong = Vec::new();
    for (who, what, by_when, how, expected) in ACTIONS {
        let action = Action {
            id: Uuid::new_v4(),
            what: (*what).into(),
            who: PersonRef::Named((*who).into()),
            by_when: (*by_when).into(),
            how_we_will_know: (*how).into(),
            ..Action::default()
        };
        let mut got: Vec<&str> = check_action(&action, &case, dates())
            .iter()
            .map(|f| f.code)
            .collect();
        let mut want = expected.to_vec();
        got.sort();
        want.sort();
        if got != want {
            wrong.push(format!("{what:?}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn every_finding_has_a_plain_message() {
    let case = Case::new(
        "Smith family",
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
    );
    let action = Action {
        id: Uuid::new_v4(),
        what: "Mum to engage with services".into(),
        by_when: "ongoing".into(),
        ..Action::default()
    };
    for finding in check_action(&action, &case, dates()) {
        assert!(
            finding.message.len() > 20 && finding.message.ends_with('.'),
            "{}",
            finding.message
        );
        assert!(
            !finding.message.contains("SMART"),
            "plain words: {}",
            finding.message
        );
    }
}

#[test]
fn dates_are_read_as_british_people_write_them() {
    let review = Some(date(2027, 2, 2));
    assert_eq!(
        read_due("14/12/2026", review),
        Due::Date(date(2026, 12, 14))
    );
    assert_eq!(read_due("14/12/26", review), Due::Date(date(2026, 12, 14)));
    assert_eq!(
        read_due("2026-12-14", review),
        Due::Date(date(2026, 12, 14))
    );
    assert_eq!(
        read_due("by 14 December 2026", review),
        Due::Date(date(2026, 12, 14))
    );
    assert_eq!(
        read_due("3rd Jan 2027", review),
        Due::Date(date(2027, 1, 3))
    );
    assert_eq!(
        read_due("At the next review", review),
        Due::Date(date(2027, 2, 2))
    );
    assert_eq!(read_due("next review", None), Due::NextReview);
    assert_eq!(read_due("ASAP", review), Due::OpenEnded("asap".into()));
    assert_eq!(read_due("", review), Due::Missing);
    assert_eq!(read_due("30/02/2027", review), Due::Unreadable);
    assert_eq!(read_due("soon", review), Due::Unreadable);
}

fn plan_with(case: &Case) -> Plan {
    let now = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let mut plan = Plan::new(PlanKind::ChildProtection, now);
    plan.start = Some(date(2026, 11, 2));
    let worry = Worry {
        id: Uuid::new_v4(),
        text: "Darren drinks and shouts at Jenny".into(),
        danger_statement: None,
    };
    let outcome = Outcome {
        id: Uuid::new_v4(),
        text: "Amy feels safe at home".into(),
        worry: Some(worry.id),
        safety_goal: None,
    };
    plan.actions.push(Action {
        id: Uuid::new_v4(),
        what: "Go to the Change programme every Tuesday".into(),
        who: PersonRef::Person(case.network[0].id),
        by_when: "26/01/2027".into(),
        how_we_will_know: "Attendance record shows 10 of 12 sessions".into(),
        outcome: Some(outcome.id),
        ..Action::default()
    });
    plan.worries.push(worry);
    plan.outcomes.push(outcome);
    plan.contingency =
        "If Darren comes home drunk, Jenny will call the police and Priya the same day.".into();
    plan.child_views =
        "Amy (6) drew her house and said she likes it when Dad is kind and does not shout.".into();
    plan
}

fn smith_case() -> Case {
    let mut case = Case::new(
        "Smith family",
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
    );
    case.network.push(NetworkMember {
        id: Uuid::new_v4(),
        name: "Darren Smith".into(),
        relationship: "Dad".into(),
        contact: String::new(),
    });
    case
}

#[test]
fn a_complete_plan_has_no_plan_findings() {
    let case = smith_case();
    let plan = plan_with(&case);
    let report = check_plan(&plan, &case, Some(date(2027, 2, 2)));
    assert_eq!(report.plan, vec![]);
    assert!(report.all_actions_smart(), "{:?}", report.actions);
}

#[test]
fn plan_findings_for_missing_links_contingency_and_child_view() {
    let case = smith_case();
    let mut plan = plan_with(&case);
    plan.worries.push(Worry {
        id: Uuid::new_v4(),
        text: "Leo is left alone".into(),
        danger_statement: None,
    });
    plan.outcomes.push(Outcome {
        id: Uuid::new_v4(),
        text: "Leo is always with an adult".into(),
        worry: None,
        safety_goal: None,
    });
    plan.actions.push(Action {
        id: Uuid::new_v4(),
        what: "Buy a stair gate".into(),
        ..Action::default()
    });
    plan.contingency.clear();
    plan.child_views = "Too young".into();
    let report = check_plan(&plan, &case, Some(date(2027, 2, 2)));
    let mut codes: Vec<_> = report.plan.iter().map(|f| f.code).collect();
    codes.sort();
    assert_eq!(
        codes,
        [
            ACTION_WITHOUT_OUTCOME,
            NO_CHILD_VIEW,
            NO_CONTINGENCY,
            OUTCOME_WITHOUT_ACTION,
            WORRY_WITHOUT_ACTION
        ]
    );
}

#[test]
fn more_than_eight_actions_for_one_person_is_flagged() {
    let case = smith_case();
    let mut plan = plan_with(&case);
    let template = plan.actions[0].clone();
    for _ in 0..8 {
        plan.actions.push(Action {
            id: Uuid::new_v4(),
            ..template.clone()
        });
    }
    let report = check_plan(&plan, &case, Some(date(2027, 2, 2)));
    let busy: Vec<_> = report
        .plan
        .iter()
        .filter(|f| f.code == TOO_MANY_ACTIONS)
        .collect();
    assert_eq!(busy.len(), 1);
    assert!(busy[0].message.starts_with("Darren Smith has 9 actions"));
    plan.actions.pop();
    assert!(check_plan(&plan, &case, Some(date(2027, 2, 2)))
        .plan
        .iter()
        .all(|f| f.code != TOO_MANY_ACTIONS));
}

#[test]
fn a_child_in_need_plan_needs_no_contingency() {
    let case = smith_case();
    let mut plan = plan_with(&case);
    plan.kind = PlanKind::ChildInNeed;
    plan.contingency.clear();
    assert!(check_plan(&plan, &case, None).plan.is_empty());
}

#[test]
fn the_incremental_checker_agrees_with_a_fresh_check_after_each_edit() {
    let mut case = smith_case();
    let mut plan = plan_with(&case);
    let review = Some(date(2027, 2, 2));
    let mut checker = Checker::default();
    let mut agree = |plan: &Plan, case: &Case, review| {
        assert_eq!(
            checker.check(plan, case, review),
            check_plan(plan, case, review)
        );
    };
    agree(&plan, &case, review);
    // Typing in an action: only that action changes.
    plan.actions[0]
        .what
        .push_str(" and then engage with services");
    agree(&plan, &case, review);
    // A new, empty action.
    plan.actions.push(Action {
        id: Uuid::new_v4(),
        ..Action::default()
    });
    agree(&plan, &case, review);
    // The setting changes: the person named leaves the case...
    case.network.clear();
    agree(&plan, &case, review);
    // ...the review moves before the first action's date...
    agree(&plan, &case, Some(date(2026, 12, 1)));
    // ...and the plan starts later.
    plan.start = Some(date(2027, 1, 30));
    agree(&plan, &case, Some(date(2026, 12, 1)));
    plan.actions.remove(0);
    agree(&plan, &case, Some(date(2026, 12, 1)));
}

/// Actions quoted from published guidance, audits and practice examples
/// (tests/fixtures/smart-sourced-actions.tsv, each row citing its source;
/// the sources are listed in smart-sourced-actions.md), with the codes a
/// practitioner reading the guidance gives them. Prints the agreement.
#[test]
fn the_checker_agrees_with_actions_from_published_guidance() {
    let table = include_str!("fixtures/smart-sourced-actions.tsv");
    let case = Case::new(
        "Sourced family",
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
    );
    let (mut rows, mut sources, mut wrong) = (0, std::collections::BTreeSet::new(), Vec::new());
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let [who, what, by_when, how, expected, title, url, ..] = cells[..] else {
            panic!("a row without its columns: {line}");
        };
        rows += 1;
        sources.insert(url.to_string());
        assert!(
            !title.is_empty() && !url.is_empty(),
            "a row without its source: {line}"
        );
        let action = Action {
            id: Uuid::new_v4(),
            what: what.into(),
            who: PersonRef::Named(who.into()),
            by_when: by_when.into(),
            how_we_will_know: how.into(),
            ..Action::default()
        };
        // The plan's own dates are ours, not the source's.
        let mut got: Vec<String> = check_action(&action, &case, PlanDates::default())
            .iter()
            .map(|f| f.code.trim_start_matches("action.").to_string())
            .collect();
        let mut want: Vec<String> = expected
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        got.sort();
        want.sort();
        if got != want {
            wrong.push(format!(
                "{what:?} ({title}): expected {want:?}, got {got:?}"
            ));
        }
    }
    println!(
        "SMART checker on {rows} sourced actions from {} sources: agrees on {} ({:.0}%)",
        sources.len(),
        rows - wrong.len(),
        100.0 * (rows - wrong.len()) as f64 / rows as f64
    );
    for line in &wrong {
        println!("  disagrees: {line}");
    }
    assert!(rows >= 60 && sources.len() >= 10);
    // Issue 17: at least 150 actions in all, ours and sourced.
    assert!(
        ACTIONS.len() + rows >= 150,
        "{} actions",
        ACTIONS.len() + rows
    );
    // 85 of 87 on 3 Dec 2026. The two left: "the child and carer" as one
    // owner (a role without a name, which the rule calls vague),
    // and a "by when" cut off in the stored copy after "Weekly sessions -
    // revi", where the word that would end the frequency is lost.
    // Agreement may only rise.
    assert!(
        rows - wrong.len() >= 85,
        "agreement fell below 85 of {rows}:\n{}",
        wrong.join("\n")
    );
}
