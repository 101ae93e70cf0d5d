//! How an action is worded: the word lists from councils' guidance and
//! file audits, and the readings of vague, unfinished, unmeasurable or
//! several-task wording that the checks use.

/// Where `phrase` stands in `text` as whole words.
fn phrase_positions<'a>(text: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(phrase).map(|(at, _)| at).filter(|&at| {
        !text[..at].ends_with(char::is_alphanumeric)
            && !text[at + phrase.len()..].starts_with(char::is_alphanumeric)
    })
}

pub(super) fn contains_phrase(text: &str, phrase: &str) -> bool {
    phrase_positions(text, phrase).next().is_some()
}

/// Agencies and roles: each is many people, or nobody in particular.
pub(super) const ROLES: [&str; 30] = [
    "school",
    "nursery",
    "college",
    "health visitor",
    "health visiting",
    "health",
    "gp",
    "doctor",
    "school nurse",
    "midwife",
    "police",
    "housing",
    "social worker",
    "social care",
    "social services",
    "children's services",
    "childrens services",
    "early help",
    "family support",
    "family support worker",
    "camhs",
    "teacher",
    "class teacher",
    "local authority",
    "la",
    "council",
    "probation",
    "children's centre",
    "key worker",
    "practitioners",
];

/// Words for a kind of person rather than a person.
pub(super) const GENERIC_PEOPLE: [&str; 16] = [
    "we",
    "individual",
    "person",
    "someone",
    "parent",
    "parents",
    "grandparent",
    "grandparents",
    "relative",
    "relatives",
    "carer",
    "carers",
    "professional",
    "professionals",
    "agency",
    "agencies",
];

pub(super) const VAGUE_OWNERS: [&str; 24] = [
    "professionals",
    "all professionals",
    "all",
    "everyone",
    "all agencies",
    "agencies",
    "partner agencies",
    "relevant agencies",
    "the family",
    "family",
    "parents",
    "the parents",
    "carers",
    "services",
    "network",
    "the network",
    "team",
    "the team",
    "core group",
    "the core group",
    "tbc",
    "tba",
    "n/a",
    "various",
];

/// Verbs that say nothing anyone could see or count: what audits of
/// plans find (see tests/fixtures/smart-sourced-actions.tsv).
const VAGUE_VERBS: [&str; 37] = [
    "improving",
    "get better",
    "needs met",
    "chasing",
    "engage",
    "monitor",
    "monitored",
    "support",
    "supported",
    "work with",
    "work on",
    "address",
    "attend as required",
    "attend appointments as required",
    "be aware",
    "cooperate",
    "co-operate",
    "comply",
    "consider",
    "encourage",
    "promote",
    "improve",
    "ensure",
    "make sure",
    "keep an eye on",
    "maintain",
    "share information",
    "share any concerns",
    "share concerns",
    "reflect on",
    "be supported",
    "supportive",
    "implement",
    "implementing",
    "try to",
    "feel safe",
    "develop",
];

/// Vague verbs that no measure lets off: they make someone answer for a
/// result, never say what they will do ("Ms Smith to ensure attendance
/// improves from 63% to 85%").
pub(super) const NEVER_LET_OFF: [&str; 2] = ["ensure", "make sure"];

/// Verbs that start a task of its own, with its own owner, date or
/// measure, after "and" or a comma. Verbs that also describe how a task
/// is done ("visit Amy and see her alone") or are also nouns ("a bath and
/// clean clothes") are left out: they join one task.
const TASK_VERBS: [&str; 28] = [
    "apply", "arrange", "attend", "book", "buy", "call", "collect", "complete", "contact", "email",
    "find", "hold", "meet", "move", "pay", "phone", "provide", "refer", "register", "request",
    "ring", "send", "sign", "speak", "start", "stop", "update", "write",
];

/// Words of an action that nobody could be seen doing.
pub(super) struct VagueWording {
    pub(super) phrase: String,
    /// "To be monitored", "to be supported": the passive hides who acts,
    /// so no measure can make up for it.
    pub(super) passive: bool,
}

/// Subjects after "make sure": the owner promising their own act ("make
/// sure she and Padraig arrive on time"), which is judged by its verb.
const OWN_ACT: [&str; 6] = ["i", "we", "they", "she", "he", "you"];

pub(super) fn vague_wording(what: &str) -> Option<VagueWording> {
    let listed = VAGUE_VERBS.iter().find_map(|&verb| {
        phrase_positions(what, verb).find_map(|at| {
            let before = what[..at].trim_end();
            let after = what[at + verb.len()..].trim_start();
            // "Talk about how to improve this": the verb is the topic.
            let topic = before.ends_with("how to");
            let own_act = NEVER_LET_OFF.contains(&verb)
                && after
                    .trim_start_matches("that ")
                    .split_whitespace()
                    .next()
                    .is_some_and(|subject| OWN_ACT.contains(&subject));
            (!topic && !own_act).then(|| VagueWording {
                phrase: verb.to_string(),
                passive: before.ends_with(" be") || before == "be" || before.ends_with("being"),
            })
        })
    });
    listed.or_else(|| unfinished_wording(what))
}

/// A goal with nothing to show it: "to be able to count" (count to what?),
/// "achieve his potential", "attend appointments" (which?).
fn unfinished_wording(what: &str) -> Option<VagueWording> {
    let words: Vec<&str> = what
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let phrase = match words.as_slice() {
        [.., "able", "to", verb] => Some(format!("able to {verb}")),
        [.., "attend", "appointments"] => Some("attend appointments".to_string()),
        _ => None,
    }
    .or_else(|| {
        words.windows(3).find_map(|w| {
            let goal = ["achieve", "reach"].contains(&w[0])
                && (w[1].starts_with("potentia") || w[2].starts_with("potentia"));
            goal.then(|| format!("{} their potential", w[0]))
        })
    })?;
    Some(VagueWording {
        phrase,
        passive: false,
    })
}

/// A sign is measurable if it names something seen, heard, counted or
/// told: a number or a frequency, or a record, a document or an account
/// someone gives. Comparatives with no baseline ("better", "improved",
/// "less"), and reassurances ("no concerns", "things are fine"), are not.
pub(super) fn is_measurable(how: &str) -> bool {
    let lower = how.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let has_number = lower.chars().any(|c| c.is_ascii_digit())
        || [
            "every",
            "each",
            "all",
            "once",
            "twice",
            "weekly",
            "daily",
            "monthly",
            "fortnightly",
            "nightly",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "ten",
        ]
        .iter()
        .any(|w| words.contains(w))
        || ["no more than", "at least", "none of", "not once"]
            .iter()
            .any(|p| contains_phrase(&lower, p));
    // Stems of what can be seen, heard or read: "shows", "recorded",
    // "tells", "the register", "a letter", "writes", "shares".
    const OBSERVABLE: [&str; 42] = [
        "see",
        "smell",
        "saw",
        "seen",
        "record",
        "report",
        "letter",
        "certificat",
        "attend",
        "register",
        "test",
        "show",
        "tell",
        "told",
        "say",
        "said",
        "photo",
        "visit",
        "shar",
        "writ",
        "wrote",
        "log",
        "diary",
        "chart",
        "sign",
        "confirm",
        "minute",
        "note",
        "receipt",
        "appointment",
        "book",
        "list",
        "email",
        "text",
        "rota",
        "assess",
        "measur",
        "observ",
        "count",
        "score",
        "weigh",
        "check",
    ];
    let observable = words
        .iter()
        .any(|w| OBSERVABLE.iter().any(|stem| w.starts_with(stem)));
    let vague = [
        "improve",
        "better",
        "engag",
        "positive",
        "reduced concern",
        "no concern",
        "no further concern",
        "progress",
        "fewer worries",
        "things are fine",
        "going well",
        "more settled",
        "is settled",
        "happier",
        "less ",
    ]
    .iter()
    .any(|w| lower.contains(w));
    has_number || (observable && !vague)
}

pub(super) fn has_several_tasks(what: &str) -> bool {
    if what.split(';').filter(|p| !p.trim().is_empty()).count() > 1 {
        return true;
    }
    if what
        .split(". ")
        .filter(|p| p.split_whitespace().count() > 2)
        .count()
        > 1
    {
        return true;
    }
    // "... and book the GP", "..., arrange a meeting": a second task verb
    // with something to do. A verb with nothing after it is a noun:
    // "every meeting and visit".
    let joins = what
        .match_indices(" and ")
        .chain(what.match_indices(", "))
        .map(|(at, m)| at + m.len());
    let mut starts = joins.filter(|&at| {
        let mut rest = what[at..]
            .trim_start_matches("and ")
            .trim_start_matches("then ")
            .split_whitespace();
        let next = rest.next().unwrap_or("");
        TASK_VERBS.contains(&next) && rest.next().is_some()
    });
    // "We will be courteous and will arrive on time": a second promise.
    starts.next().is_some() || what.contains(" and then ") || what.contains(" and will ")
}
