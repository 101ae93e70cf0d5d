//! Cymraeg: written for Kinplan and not yet reviewed by a Welsh speaker
//! (`docs/welsh.md` says how to correct a line). Plain, everyday Welsh,
//! "chi" throughout, as Welsh public bodies write to families.

use super::{Catalogue, ChildWords, PlanWords, SafetyPlanWords, ScheduleWords, StoryWords};

pub static WELSH: Catalogue = Catalogue {
    lang: "cy",
    months: [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ],
    join: join_names,
    plan: PlanWords {
        title_for: "Cynllun ar gyfer {names}",
        title_no_children: "Ein cynllun",
        printed: "{kind}. Argraffwyd ar {date}.",
        child_protection_plan: Some("Cynllun amddiffyn gofal a chymorth"),
        child_in_need_plan: Some("Cynllun gofal a chymorth"),
        language: "Iaith: ",
        family_speaks: "Mae\u{2019}r teulu hwn yn siarad {languages}. Dylai\u{2019}r cynllun hwn gael ei roi iddyn nhw yn yr iaith honno hefyd.",
        interpreter_needed: "Mae angen cyfieithydd ym mhob cyfarfod ac ymweliad.",
        worried: "Beth sy\u{2019}n ein poeni ni",
        working_well: "Beth sy\u{2019}n mynd yn dda",
        needs_to_happen: "Beth sydd angen digwydd",
        safety_plan_note: "Mae eich cynllun diogelwch yn rhan o\u{2019}r cynllun hwn. Mae ynddo\u{2019}r rheolau y cytunoch chi arnyn nhw gyda\u{2019}ch rhwydwaith ar {date}. Cadwch y ddau gyda\u{2019}i gilydd.",
        who_does_what: "Pwy sy\u{2019}n gwneud beth, ac erbyn pryd",
        who: "Pwy",
        what_they_will_do: "Beth fyddan nhw\u{2019}n ei wneud",
        by_when: "Erbyn pryd",
        how_we_will_know: "Sut byddwn ni\u{2019}n gwybod",
        not_decided: "Heb benderfynu eto",
        next_dates: "Y cyfarfodydd a\u{2019}r ymweliadau nesaf",
        what: "Beth",
        when: "Pryd",
        by_date: "Erbyn {date}",
        dates_to_come: "Bydd eich gweithiwr cymdeithasol yn dweud wrthych chi beth yw\u{2019}r dyddiadau.",
        contact: "Pwy i gysylltu â nhw",
        details_to_come: "Bydd eich gweithiwr cymdeithasol yn rhoi eu manylion i chi.",
        if_not_followed: "Os na fydd y cynllun yn cael ei ddilyn",
        nothing_yet: "Dim wedi\u{2019}i ysgrifennu eto.",
        schedule: ScheduleWords {
            visit: "Ymweliad gan eich gweithiwr cymdeithasol",
            first_core_group: "Cyfarfod cyntaf y grŵp sy\u{2019}n gweithio ar y cynllun gyda chi",
            core_group: "Cyfarfod o\u{2019}r grŵp sy\u{2019}n gweithio ar y cynllun gyda chi",
            review_conference: "Y cyfarfod i edrych eto ar y cynllun amddiffyn",
            review_report: "Rydych chi\u{2019}n cael yr adroddiad ar gyfer y cyfarfod adolygu",
            review_report_on: "{what} ar {date}",
            cin_review: "Cyfarfod i edrych eto ar y cynllun",
            assessment_update: "Mae eich gweithiwr cymdeithasol yn ysgrifennu diweddariad ar sut mae pethau",
        },
    },
    // Told to the children, so "ti", as Welsh speaks to a child.
    story: StoryWords {
        title_for: "Geiriau a lluniau i {names}",
        you: "ti",
        sub: "Pam mae rhai oedolion yn poeni, a beth mae pawb yn ei wneud i helpu.",
        who_is_worried: "Pwy sy\u{2019}n poeni?",
        worried_about: "Am beth maen nhw\u{2019}n poeni?",
        what_happened: "Beth ddigwyddodd?",
        doing_now: "Beth mae pawb yn ei wneud am y peth nawr?",
        write_together: "Byddwn ni\u{2019}n ysgrifennu hwn gyda\u{2019}n gilydd.",
        draw_here: "Tynna lun yma",
    },
    safety: SafetyPlanWords {
        title: "Ein cynllun diogelwch: {label}",
        agreed_at: "Cytunwyd arno yng nghyfarfod y rhwydwaith ar {date}. Cadwch ef lle gall pawb yn y rhwydwaith ei weld.",
        our_rules: "Ein rheolau",
        the_worry: "Y pryder: ",
        other_rules: "Rheolau eraill",
        no_rule: "Dim rheol eto.",
        kept_by: "Pwy sy\u{2019}n ei chadw",
        checked_by: "Pwy sy\u{2019}n ei gwirio",
        how_often: "Pa mor aml",
        children_do: "Os caiff ei thorri, mae\u{2019}r plant yn",
        what_happens_then: "Beth sy\u{2019}n digwydd wedyn",
        when_tested: "Pan gafodd ei phrofi:",
        held: "Fe weithiodd",
        not_held: "Wnaeth hi ddim gweithio",
        network: "Ein rhwydwaith diogelwch",
        no_network: "Neb yn y rhwydwaith eto.",
        who: "Pwy",
        what_they_do: "Beth maen nhw\u{2019}n ei wneud",
        how_to_reach: "Sut i gysylltu â nhw",
        agreed_to_help: "Yn gwybod am y pryderon ac wedi cytuno i helpu",
        yes: "Ydy",
        not_yet: "Ddim eto",
        bottom_lines: "Beth sy\u{2019}n rhaid digwydd",
        bottom_lines_hint: "Beth sy\u{2019}n rhaid digwydd, beth bynnag arall sy\u{2019}n newid. O\u{2019}r map.",
        meeting: "Cyfarfod y rhwydwaith ar {date}",
        who_came: "Pwy ddaeth: ",
        not_recorded: "Heb ei gofnodi.",
        what_was_agreed: "Beth gytunwyd: ",
        what_changed: "Beth newidiodd yn y rheolau: ",
    },
    // Spoken to the child, so "ti".
    child: ChildWords {
        houses_title: "Tai {name}",
        own_words: "Yng ngeiriau {name} ei hun. {name} ddewisodd beth sydd ar y dudalen hon.",
        house_of_worries: "Tŷ\u{2019}r Pryderon",
        house_of_good_things: "Tŷ\u{2019}r Pethau Da",
        house_of_dreams: "Tŷ\u{2019}r Breuddwydion",
        worries_prompt: "Beth yw\u{2019}r pethau sy\u{2019}n gwneud i ti deimlo\u{2019}n drist, yn grac neu\u{2019}n ddrwg?",
        good_things_prompt: "Beth yw\u{2019}r pethau rwyt ti\u{2019}n eu hoffi, neu sy\u{2019}n gwneud i ti deimlo\u{2019}n hapus neu\u{2019}n ddiogel?",
        dreams_prompt: "Sut byddai dy fywyd di pe bai dy holl bryderon yn well?",
        nothing_from_house: "Dim byd i\u{2019}w rannu o\u{2019}r tŷ hwn.",
        strengths: "Mae gen i, Rydw i, Gallaf i",
        i_have: "Mae gen i",
        i_am: "Rydw i",
        i_can: "Gallaf i",
        nothing_here: "Dim byd i\u{2019}w rannu yma eto.",
        said_by: " (dywedodd {who})",
        wrote_for: "(Ysgrifennodd y gweithiwr hwn i lawr ar gyfer {name}.)",
        drawing_by: "Llun gan {name}",
        safety_title: "Cynllun diogelwch {name}",
        keeps_me_safe: "Beth sy\u{2019}n fy nghadw i\u{2019}n ddiogel",
        people: "Pobl y galla i fynd atyn nhw",
        my_drawings: "Fy lluniau",
    },
};

/// "Ola a Kuba", "Kuba ac Ola": Welsh joins with "a", and with "ac" before
/// a vowel. Names beginning with W or Y take "a" here, as in most English
/// names they are consonants; one for the reviewer to confirm.
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let and = if last
                .chars()
                .next()
                .is_some_and(|c| "AEIOUaeiouÂÊÎÔÛâêîôû".contains(c))
            {
                "ac"
            } else {
                "a"
            };
            format!("{} {and} {last}", rest.join(", "))
        }
    }
}
