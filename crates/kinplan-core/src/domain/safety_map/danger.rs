//! Danger statements, and the words that make them: the sentence Kinplan
//! composes from who is worried, what was done and what could happen, and
//! the labels ("neglectful", "toxic trio") a statement should not use.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One danger, in one plain sentence. The helper's answers are kept so
/// the sentence can be written again; once the worker edits the sentence,
/// their words win.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DangerStatement {
    pub id: Uuid,
    /// "Social workers", "Amy's school".
    #[serde(default)]
    pub who_is_worried: String,
    /// The behaviour, e.g. "drinks and shouts at Mum".
    #[serde(default)]
    pub behaviour: String,
    /// Whose behaviour: "Dad".
    #[serde(default)]
    pub by_whom: String,
    /// What it could do to the children: "get hurt and be scared to be at home".
    #[serde(default)]
    pub impact: String,
    #[serde(default)]
    pub children: Vec<Uuid>,
    /// The sentence. Empty until the worker edits it: until then it is composed.
    #[serde(default)]
    pub sentence: String,
}

impl DangerStatement {
    /// The plain sentences from the helper's answers, e.g. "Social workers
    /// are worried that Dad drinks and shouts at Mum again. If that
    /// happens, Amy (6) could get hurt and be scared to be at home." Two
    /// short sentences rather than one long one: families read them more
    /// easily.
    pub fn compose(&self, children: &[String]) -> String {
        let who = or(&self.who_is_worried, "We");
        let by = or(&self.by_whom, "someone");
        let behaviour = or(&self.behaviour, "does this");
        // "Dad drink and shout" is how the question's answer is often
        // typed; the sentence needs "Dad drinks and shouts". Several people
        // ("Mum and Dad") take the words as typed.
        let behaviour = if by.contains(" and ") || looks_plural(&by) {
            behaviour
        } else {
            third_person(&behaviour)
        };
        let kids = if children.is_empty() {
            "the children".to_string()
        } else {
            join_names(children)
        };
        let impact = or(&self.impact, "be hurt");
        let verb = if who.eq_ignore_ascii_case("i") || who.contains(" and ") || looks_plural(&who) {
            "are"
        } else {
            "is"
        };
        let verb = if who == "We" { "are" } else { verb };
        format!("{who} {verb} worried that {by} {behaviour} again. If that happens, {kids} could {impact}.")
    }

    /// The sentence to show: the worker's own words if they edited it.
    pub fn text(&self, children: &[String]) -> String {
        if self.sentence.trim().is_empty() {
            self.compose(children)
        } else {
            self.sentence.clone()
        }
    }
}

pub(super) fn or(text: &str, fallback: &str) -> String {
    let t = text.trim().trim_end_matches('.');
    if t.is_empty() {
        fallback.to_string()
    } else {
        t.to_string()
    }
}

fn looks_plural(who: &str) -> bool {
    let last = who.split_whitespace().last().unwrap_or("").to_lowercase();
    last.ends_with('s') && !last.ends_with("ss")
        || ["we", "they", "people", "staff", "police"].contains(&last.as_str())
}

/// A behaviour as one person does it: "drink and shout at Jenny" becomes
/// "drinks and shouts at Jenny"; "drinks and shouts" stays. Only the first
/// word, and a word joined to a changed one by "and" or "or", are verbs
/// here: "hit Jenny and the children" changes "hit" alone.
pub(super) fn third_person(behaviour: &str) -> String {
    let words: Vec<&str> = behaviour.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    // Whether the word before (or before "and"/"or") was a verb we changed.
    let mut verb_before = false;
    for (i, word) in words.iter().enumerate() {
        let (bare, tail) = word.split_at(word.trim_end_matches([',', ';']).len());
        let after_comma = i > 0 && words[i - 1].ends_with(',');
        let after_and = i > 0 && matches!(words[i - 1], "and" | "or");
        if i == 0 || (verb_before && (after_comma || after_and)) {
            let changed = verb_for_one(bare);
            verb_before = changed != bare || bare.is_empty();
            out.push(format!("{changed}{tail}"));
        } else {
            if !matches!(*word, "and" | "or") {
                verb_before = false;
            }
            out.push((*word).to_string());
        }
    }
    out.join(" ")
}

fn verb_for_one(word: &str) -> String {
    let lower = word.to_lowercase();
    const AS_THEY_ARE: [&str; 12] = [
        "will", "would", "can", "could", "may", "might", "must", "should", "shall", "not", "again",
        "never",
    ];
    if word.is_empty()
        || !word.chars().all(|c| c.is_alphabetic())
        || AS_THEY_ARE.contains(&lower.as_str())
    {
        return word.to_string();
    }
    match lower.as_str() {
        "be" => return "is".into(),
        "have" => return "has".into(),
        "do" => return "does".into(),
        "go" => return "goes".into(),
        _ => {}
    }
    if lower.ends_with('s') && !lower.ends_with("ss")
        || lower.ends_with("ed")
        || lower.ends_with("ing")
    {
        return word.to_string();
    }
    if ["ch", "sh", "x", "z", "ss", "o"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return format!("{word}es");
    }
    let mut chars = lower.chars().rev();
    if chars.next() == Some('y') && chars.next().is_some_and(|c| !"aeiou".contains(c)) {
        return format!("{}ies", &word[..word.len() - 1]);
    }
    format!("{word}s")
}

/// "Amy", "Amy and Leo", "Amy, Leo and Jo".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Words that name a category rather than describe what someone does. A
/// danger statement should say what people see and hear.
const LABELS: [(&str, &str); 12] = [
    (
        "neglect",
        "what the children go without, e.g. \"there is often no food in the house at tea time\"",
    ),
    (
        "domestic violence",
        "what happens, e.g. \"Dad hits Mum when he has been drinking\"",
    ),
    (
        "domestic abuse",
        "what happens, e.g. \"Dad hits Mum when he has been drinking\"",
    ),
    (
        "emotional abuse",
        "what is said or done, e.g. \"Mum calls Amy stupid and shuts her in her room\"",
    ),
    (
        "substance misuse",
        "what the adult does and when, e.g. \"Mum smokes heroin when the children are at home\"",
    ),
    (
        "drug use",
        "what the adult does and when, e.g. \"Mum smokes heroin when the children are at home\"",
    ),
    (
        "alcohol misuse",
        "what the adult does, e.g. \"Dad drinks until he falls asleep while caring for Leo\"",
    ),
    ("poor parenting", "what the parent does or does not do"),
    (
        "lack of supervision",
        "what happens, e.g. \"Leo (2) is left alone in the bath\"",
    ),
    (
        "mental health",
        "what people see, e.g. \"Mum stays in bed all day and Amy gets herself to school\"",
    ),
    (
        "non-engagement",
        "what happened, e.g. \"Dad did not open the door at the last four visits\"",
    ),
    (
        "chaotic",
        "what people see, e.g. \"the children often arrive at school after 10am\"",
    ),
];

/// A hint when a label stands in for a behaviour, with an example of
/// words that describe it instead.
pub fn label_hint(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    LABELS
        .iter()
        .find(|(label, _)| lower.contains(label))
        .map(|(label, better)| format!("\u{201c}{label}\u{201d} is a label. Say {better}."))
}
