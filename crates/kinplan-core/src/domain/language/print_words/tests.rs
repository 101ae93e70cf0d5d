use chrono::NaiveDate;

use super::*;

/// Every sentence of a catalogue, by name, for the checks below.
fn sentences(c: &Catalogue) -> Vec<(&'static str, &'static str)> {
    let p = &c.plan;
    let s = &p.schedule;
    vec![
        ("title_for", p.title_for),
        ("title_no_children", p.title_no_children),
        ("printed", p.printed),
        ("language", p.language),
        ("family_speaks", p.family_speaks),
        ("interpreter_needed", p.interpreter_needed),
        ("worried", p.worried),
        ("working_well", p.working_well),
        ("needs_to_happen", p.needs_to_happen),
        ("safety_plan_note", p.safety_plan_note),
        ("who_does_what", p.who_does_what),
        ("who", p.who),
        ("what_they_will_do", p.what_they_will_do),
        ("by_when", p.by_when),
        ("how_we_will_know", p.how_we_will_know),
        ("not_decided", p.not_decided),
        ("next_dates", p.next_dates),
        ("what", p.what),
        ("when", p.when),
        ("by_date", p.by_date),
        ("dates_to_come", p.dates_to_come),
        ("contact", p.contact),
        ("details_to_come", p.details_to_come),
        ("if_not_followed", p.if_not_followed),
        ("nothing_yet", p.nothing_yet),
        ("schedule.visit", s.visit),
        ("schedule.first_core_group", s.first_core_group),
        ("schedule.core_group", s.core_group),
        ("schedule.review_conference", s.review_conference),
        ("schedule.review_report", s.review_report),
        ("schedule.review_report_on", s.review_report_on),
        ("schedule.cin_review", s.cin_review),
        ("schedule.assessment_update", s.assessment_update),
        ("story.title_for", c.story.title_for),
        ("story.you", c.story.you),
        ("story.sub", c.story.sub),
        ("story.who_is_worried", c.story.who_is_worried),
        ("story.worried_about", c.story.worried_about),
        ("story.what_happened", c.story.what_happened),
        ("story.doing_now", c.story.doing_now),
        ("story.write_together", c.story.write_together),
        ("story.draw_here", c.story.draw_here),
        ("safety.title", c.safety.title),
        ("safety.agreed_at", c.safety.agreed_at),
        ("safety.our_rules", c.safety.our_rules),
        ("safety.the_worry", c.safety.the_worry),
        ("safety.other_rules", c.safety.other_rules),
        ("safety.no_rule", c.safety.no_rule),
        ("safety.kept_by", c.safety.kept_by),
        ("safety.checked_by", c.safety.checked_by),
        ("safety.how_often", c.safety.how_often),
        ("safety.children_do", c.safety.children_do),
        ("safety.what_happens_then", c.safety.what_happens_then),
        ("safety.when_tested", c.safety.when_tested),
        ("safety.held", c.safety.held),
        ("safety.not_held", c.safety.not_held),
        ("safety.network", c.safety.network),
        ("safety.no_network", c.safety.no_network),
        ("safety.who", c.safety.who),
        ("safety.what_they_do", c.safety.what_they_do),
        ("safety.how_to_reach", c.safety.how_to_reach),
        ("safety.agreed_to_help", c.safety.agreed_to_help),
        ("safety.yes", c.safety.yes),
        ("safety.not_yet", c.safety.not_yet),
        ("safety.bottom_lines", c.safety.bottom_lines),
        ("safety.bottom_lines_hint", c.safety.bottom_lines_hint),
        ("safety.meeting", c.safety.meeting),
        ("safety.who_came", c.safety.who_came),
        ("safety.not_recorded", c.safety.not_recorded),
        ("safety.what_was_agreed", c.safety.what_was_agreed),
        ("safety.what_changed", c.safety.what_changed),
        ("child.houses_title", c.child.houses_title),
        ("child.own_words", c.child.own_words),
        ("child.house_of_worries", c.child.house_of_worries),
        ("child.house_of_good_things", c.child.house_of_good_things),
        ("child.house_of_dreams", c.child.house_of_dreams),
        ("child.worries_prompt", c.child.worries_prompt),
        ("child.good_things_prompt", c.child.good_things_prompt),
        ("child.dreams_prompt", c.child.dreams_prompt),
        ("child.nothing_from_house", c.child.nothing_from_house),
        ("child.strengths", c.child.strengths),
        ("child.i_have", c.child.i_have),
        ("child.i_am", c.child.i_am),
        ("child.i_can", c.child.i_can),
        ("child.nothing_here", c.child.nothing_here),
        ("child.said_by", c.child.said_by),
        ("child.wrote_for", c.child.wrote_for),
        ("child.drawing_by", c.child.drawing_by),
        ("child.safety_title", c.child.safety_title),
        ("child.keeps_me_safe", c.child.keeps_me_safe),
        ("child.people", c.child.people),
        ("child.my_drawings", c.child.my_drawings),
    ]
}

fn gaps(template: &str) -> Vec<&str> {
    let mut found: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort();
    found
}

#[test]
fn every_language_fills_the_same_gaps_and_leaves_nothing_blank() {
    for catalogue in [&WELSH] {
        for ((key, english), (_, other)) in
            sentences(&ENGLISH).into_iter().zip(sentences(catalogue))
        {
            assert!(
                !other.trim().is_empty(),
                "{} {key} is empty",
                catalogue.lang
            );
            assert_eq!(
                gaps(english),
                gaps(other),
                "{} {key}: {other}",
                catalogue.lang
            );
        }
    }
}

#[test]
fn a_welsh_date_names_its_month_in_welsh() {
    // The Welsh month names, as the Welsh Government's style guide and any
    // Welsh calendar give them.
    let day = |m| NaiveDate::from_ymd_opt(2026, m, 16).unwrap();
    assert_eq!(WELSH.date(day(11)), "16 Tachwedd 2026");
    assert_eq!(WELSH.date(day(1)), "16 Ionawr 2026");
    assert_eq!(WELSH.date(day(7)), "16 Gorffennaf 2026");
    assert_eq!(ENGLISH.date(day(11)), "16 Nov 2026");
}

#[test]
fn welsh_joins_names_with_a_and_with_ac_before_a_vowel() {
    let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        (WELSH.join)(&names(&["Ola (7)", "Kuba (3)"])),
        "Ola (7) a Kuba (3)"
    );
    assert_eq!((WELSH.join)(&names(&["Kuba", "Ola"])), "Kuba ac Ola");
    assert_eq!(
        (WELSH.join)(&names(&["Amy", "Ben", "Ela"])),
        "Amy, Ben ac Ela"
    );
    assert_eq!((ENGLISH.join)(&names(&["Ola", "Kuba"])), "Ola and Kuba");
}

#[test]
fn a_bilingual_print_puts_welsh_first() {
    let langs = |l: PrintLanguage| l.catalogues().iter().map(|c| c.lang).collect::<Vec<_>>();
    assert_eq!(langs(PrintLanguage::Bilingual), ["cy", "en"]);
    assert_eq!(langs(PrintLanguage::Welsh), ["cy"]);
    assert_eq!(langs(PrintLanguage::English), ["en"]);
    assert_eq!(
        fill(
            WELSH.plan.printed,
            &[("kind", "Cynllun"), ("date", "3 Rhagfyr 2026")]
        ),
        "Cynllun. Argraffwyd ar 3 Rhagfyr 2026."
    );
}
