//! The Signs of Safety map: what we are worried about, what is working
//! well, what needs to happen, danger statements, safety goals, bottom
//! lines and scaling.
//!
//! A case keeps every version of its map. The last is the one being worked
//! on; "start a review" copies it into a new dated version, and the earlier
//! ones stay as they were, so the scores across versions show the family's
//! trajectory.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::person_ref::PersonRef;

/// The wording of the scaling question, shown above the scores.
/// The same question, as a child is asked it.
pub const CHILD_SCALING_QUESTION: &str = "On a scale of 0 to 10, where 10 means you feel really safe at home and 0 means you do not feel safe at all, where are you today?";

pub const SCALING_QUESTION: &str = "On a scale of 0 to 10, where 10 means there is enough safety for the children and we can close the case, and 0 means there is not enough safety to protect the children, where are we today?";

/// One version of a family's map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyMap {
    pub id: Uuid,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// The day of the meeting this version records.
    pub date: NaiveDate,
    #[serde(default)]
    pub entries: Vec<MapEntry>,
    #[serde(default)]
    pub danger_statements: Vec<DangerStatement>,
    #[serde(default)]
    pub safety_goals: Vec<SafetyGoal>,
    #[serde(default)]
    pub bottom_lines: Vec<BottomLine>,
    #[serde(default)]
    pub scores: Vec<SafetyScore>,
}

/// Where an entry sits on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MapSection {
    Harm,
    Danger,
    ComplicatingFactors,
    ExistingStrengths,
    ExistingSafety,
    SafetyGoals,
    NextSteps,
}

/// The map's three columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapColumn {
    Worries,
    WorkingWell,
    NeedsToHappen,
}

impl MapColumn {
    pub fn sections(self) -> &'static [MapSection] {
        match self {
            MapColumn::Worries => &[
                MapSection::Harm,
                MapSection::Danger,
                MapSection::ComplicatingFactors,
            ],
            MapColumn::WorkingWell => &[MapSection::ExistingStrengths, MapSection::ExistingSafety],
            MapColumn::NeedsToHappen => &[MapSection::SafetyGoals, MapSection::NextSteps],
        }
    }
}

crate::choices!(MapColumn {
    Worries => "worries", "What are we worried about?";
    WorkingWell => "working-well", "What's working well?";
    NeedsToHappen => "needs-to-happen", "What needs to happen?";
});

impl MapSection {
    pub fn hint(self) -> &'static str {
        match self {
            MapSection::Harm => {
                "What has happened to the children: what, when, and how it affected them."
            }
            MapSection::Danger => "What we fear could happen in future if nothing changes.",
            MapSection::ComplicatingFactors => {
                "Things that make life harder, such as debt or housing, but are not harm."
            }
            MapSection::ExistingStrengths => {
                "Good things about the family and the people around them."
            }
            MapSection::ExistingSafety => {
                "Strengths shown over time that keep the children safe from the danger."
            }
            MapSection::SafetyGoals => "What we need to see to know the children are safe enough.",
            MapSection::NextSteps => "What happens next, and who does it.",
        }
    }

    pub fn column(self) -> MapColumn {
        match self {
            MapSection::Harm | MapSection::Danger | MapSection::ComplicatingFactors => {
                MapColumn::Worries
            }
            MapSection::ExistingStrengths | MapSection::ExistingSafety => MapColumn::WorkingWell,
            MapSection::SafetyGoals | MapSection::NextSteps => MapColumn::NeedsToHappen,
        }
    }
}

crate::choices!(MapSection {
    Harm => "harm", "Harm";
    Danger => "danger", "Danger";
    ComplicatingFactors => "complicating-factors", "Complicating factors";
    ExistingStrengths => "existing-strengths", "Existing strengths";
    ExistingSafety => "existing-safety", "Existing safety";
    SafetyGoals => "safety-goals", "Safety goals";
    NextSteps => "next-steps", "Next steps";
});

/// One thing said at the meeting, in the words used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapEntry {
    pub id: Uuid,
    pub section: MapSection,
    pub text: String,
    #[serde(default)]
    pub said_by: PersonRef,
    pub date: NaiveDate,
    /// The children it is about; empty means all of them.
    #[serde(default)]
    pub children: Vec<Uuid>,
}

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

fn or(text: &str, fallback: &str) -> String {
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
fn third_person(behaviour: &str) -> String {
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

/// What people will see the parent doing differently, and for how long,
/// answering one danger statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyGoal {
    pub id: Uuid,
    /// The danger statement it answers.
    pub danger_statement: Uuid,
    #[serde(default)]
    pub what_people_will_see: String,
    /// "for 6 months", "until the review in March".
    #[serde(default)]
    pub for_how_long: String,
}

impl SafetyGoal {
    pub fn text(&self) -> String {
        let see = or(&self.what_people_will_see, "");
        let long = self.for_how_long.trim().trim_end_matches('.');
        match (see.is_empty(), long.is_empty()) {
            (true, _) => String::new(),
            (false, true) => format!("{see}."),
            (false, false) => format!("{see}, {long}."),
        }
    }
}

/// A condition the agency will not move on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BottomLine {
    pub id: Uuid,
    pub text: String,
}

/// One person's answer to the scaling question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyScore {
    pub person: PersonRef,
    /// 0 to 10; `None` until they answer.
    pub score: Option<u8>,
    #[serde(default)]
    pub reason: String,
}

/// Why a map change was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapError {
    /// Every danger statement has at most one safety goal.
    DangerAlreadyHasGoal,
    UnknownDangerStatement,
    ScoreOutOfRange,
}

impl SafetyMap {
    pub fn new(date: NaiveDate, now: DateTime<Utc>) -> SafetyMap {
        SafetyMap {
            id: Uuid::new_v4(),
            created: now,
            updated: now,
            date,
            entries: Vec::new(),
            danger_statements: Vec::new(),
            safety_goals: Vec::new(),
            bottom_lines: Vec::new(),
            scores: Vec::new(),
        }
    }

    /// A new version for a review on `date`, copied from this one.
    pub fn start_review(&self, date: NaiveDate, now: DateTime<Utc>) -> SafetyMap {
        SafetyMap {
            id: Uuid::new_v4(),
            created: now,
            updated: now,
            date,
            ..self.clone()
        }
    }

    pub fn entries_in(&self, section: MapSection) -> impl Iterator<Item = &MapEntry> {
        self.entries.iter().filter(move |e| e.section == section)
    }

    /// The entries of every section in one column, such as what is working well.
    pub fn entries_in_column(&self, column: MapColumn) -> impl Iterator<Item = &MapEntry> {
        self.entries
            .iter()
            .filter(move |e| e.section.column() == column)
    }

    /// Moves an entry one place up (`-1`) or down (`1`) within its section.
    pub fn reorder(&mut self, id: Uuid, step: i32) {
        let Some(at) = self.entries.iter().position(|e| e.id == id) else {
            return;
        };
        let section = self.entries[at].section;
        let same: Vec<usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.section == section)
            .map(|(i, _)| i)
            .collect();
        let Some(k) = same.iter().position(|&i| i == at) else {
            return;
        };
        let target = k as i32 + step;
        if target < 0 || target as usize >= same.len() {
            return;
        }
        self.entries.swap(at, same[target as usize]);
    }

    /// Moves an entry to the end of another section.
    pub fn move_to(&mut self, id: Uuid, section: MapSection) {
        if let Some(at) = self.entries.iter().position(|e| e.id == id) {
            let mut entry = self.entries.remove(at);
            entry.section = section;
            self.entries.push(entry);
        }
    }

    /// Removes an entry and returns it with its place, for undo.
    pub fn remove_entry(&mut self, id: Uuid) -> Option<(usize, MapEntry)> {
        let at = self.entries.iter().position(|e| e.id == id)?;
        Some((at, self.entries.remove(at)))
    }

    pub fn restore_entry(&mut self, at: usize, entry: MapEntry) {
        let at = at.min(self.entries.len());
        self.entries.insert(at, entry);
    }

    /// Pairs a new safety goal with a danger statement that has none.
    pub fn add_safety_goal(&mut self, danger_statement: Uuid) -> Result<Uuid, MapError> {
        if !self
            .danger_statements
            .iter()
            .any(|d| d.id == danger_statement)
        {
            return Err(MapError::UnknownDangerStatement);
        }
        if self
            .safety_goals
            .iter()
            .any(|g| g.danger_statement == danger_statement)
        {
            return Err(MapError::DangerAlreadyHasGoal);
        }
        let id = Uuid::new_v4();
        self.safety_goals.push(SafetyGoal {
            id,
            danger_statement,
            what_people_will_see: String::new(),
            for_how_long: String::new(),
        });
        Ok(id)
    }

    /// Removes a danger statement and the safety goal paired with it.
    pub fn remove_danger_statement(&mut self, id: Uuid) {
        self.danger_statements.retain(|d| d.id != id);
        self.safety_goals.retain(|g| g.danger_statement != id);
    }

    /// Danger statements with no safety goal yet.
    pub fn unpaired_dangers(&self) -> impl Iterator<Item = &DangerStatement> {
        self.danger_statements
            .iter()
            .filter(|d| !self.safety_goals.iter().any(|g| g.danger_statement == d.id))
    }

    pub fn set_score(&mut self, person: &PersonRef, score: Option<u8>) -> Result<(), MapError> {
        if score.is_some_and(|s| s > 10) {
            return Err(MapError::ScoreOutOfRange);
        }
        match self.scores.iter_mut().find(|s| &s.person == person) {
            Some(existing) => existing.score = score,
            None => self.scores.push(SafetyScore {
                person: person.clone(),
                score,
                reason: String::new(),
            }),
        }
        Ok(())
    }
}

/// One line of scores, 0 to 10, across versions, oldest first: a person's
/// on the map, a safety goal's on the safety plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory<K> {
    pub key: K,
    pub points: Vec<(NaiveDate, Option<u8>)>,
}

/// One version's date and the scores in it, by key.
pub type VersionScores<K> = (NaiveDate, Vec<(K, Option<u8>)>);

/// A line for each key that any version scores, with its score (or none)
/// at every version. `scores` gives a version's date and its scores.
pub fn trajectories_of<V, K: Clone + PartialEq>(
    versions: &[V],
    scores: impl Fn(&V) -> VersionScores<K>,
) -> Vec<Trajectory<K>> {
    let versions: Vec<VersionScores<K>> = versions.iter().map(scores).collect();
    let mut keys: Vec<K> = Vec::new();
    for (key, _) in versions.iter().flat_map(|(_, scores)| scores) {
        if !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    keys.into_iter()
        .map(|key| Trajectory {
            points: versions
                .iter()
                .map(|(date, scores)| {
                    let score = scores.iter().find(|(k, _)| *k == key).and_then(|(_, s)| *s);
                    (*date, score)
                })
                .collect(),
            key,
        })
        .collect()
}

/// Everyone's scores across `versions` of the map (oldest first), one line
/// per person who scored in any version.
pub fn trajectories(versions: &[SafetyMap]) -> Vec<Trajectory<PersonRef>> {
    trajectories_of(versions, |m| {
        let scores = m
            .scores
            .iter()
            .map(|s| (s.person.clone(), s.score))
            .collect();
        (m.date, scores)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
    }
    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn the_helper_writes_one_plain_sentence() {
        let statement = DangerStatement {
            who_is_worried: "Social workers".into(),
            behaviour: "drinks and shouts at Mum".into(),
            by_whom: "Dad".into(),
            impact: "get hurt and be scared to be at home".into(),
            ..Default::default()
        };
        assert_eq!(
            statement.compose(&["Amy (6)".into()]),
            "Social workers are worried that Dad drinks and shouts at Mum again. If that happens, Amy (6) could get hurt and be scared to be at home."
        );
        let school = DangerStatement {
            who_is_worried: "Amy's school".into(),
            ..statement.clone()
        };
        assert!(school
            .compose(&["Amy".into(), "Leo".into()])
            .starts_with("Amy's school is worried that Dad"));
        assert!(school
            .compose(&["Amy".into(), "Leo".into()])
            .contains("Amy and Leo could"));
    }

    #[test]
    fn a_behaviour_typed_as_the_hint_shows_reads_right_for_one_person() {
        let typed = |behaviour: &str, by: &str| DangerStatement {
            who_is_worried: "Priya".into(),
            behaviour: behaviour.into(),
            by_whom: by.into(),
            impact: "be hurt".into(),
            ..Default::default()
        };
        // Either form the worker types gives the same sentence.
        for behaviour in ["drink and shout at Jenny", "drinks and shouts at Jenny"] {
            assert_eq!(
                typed(behaviour, "Darren").compose(&["Amy".into()]),
                "Priya is worried that Darren drinks and shouts at Jenny again. If that happens, Amy could be hurt."
            );
        }
        let cases = [
            ("hit Jenny and the children", "hits Jenny and the children"),
            ("push, hit or kick her", "pushes, hits or kicks her"),
            (
                "leave the children alone at night",
                "leaves the children alone at night",
            ),
            ("carry Leo when drunk", "carries Leo when drunk"),
            ("miss his medication", "misses his medication"),
            ("will not feed the baby", "will not feed the baby"),
            (
                "be drunk around the children",
                "is drunk around the children",
            ),
        ];
        for (typed_words, sentence) in cases {
            assert_eq!(third_person(typed_words), sentence);
        }
        // Two people: the words as typed.
        assert!(typed("drink and shout at Jenny", "Mum and Dad")
            .compose(&[])
            .contains("that Mum and Dad drink and shout at Jenny again."));
    }

    #[test]
    fn an_edited_sentence_wins_over_the_composed_one() {
        let mut statement = DangerStatement {
            who_is_worried: "We".into(),
            ..Default::default()
        };
        assert!(statement
            .text(&[])
            .starts_with("We are worried that someone"));
        statement.sentence = "We are worried Leo will be left alone again.".into();
        assert_eq!(
            statement.text(&[]),
            "We are worried Leo will be left alone again."
        );
    }

    #[test]
    fn labels_get_a_hint_and_behaviours_do_not() {
        assert!(label_hint("Concerns about neglect")
            .unwrap()
            .contains("what the children go without"));
        assert!(label_hint("Domestic Violence in the home").is_some());
        assert_eq!(label_hint("Dad hits Mum when he has been drinking"), None);
    }

    #[test]
    fn each_danger_statement_pairs_with_one_safety_goal() {
        let mut map = SafetyMap::new(day(1), now());
        let danger = DangerStatement {
            id: Uuid::new_v4(),
            ..Default::default()
        };
        map.danger_statements.push(danger.clone());
        assert!(map.add_safety_goal(danger.id).is_ok());
        assert_eq!(
            map.add_safety_goal(danger.id),
            Err(MapError::DangerAlreadyHasGoal)
        );
        assert_eq!(
            map.add_safety_goal(Uuid::new_v4()),
            Err(MapError::UnknownDangerStatement)
        );
        assert_eq!(map.unpaired_dangers().count(), 0);
        map.remove_danger_statement(danger.id);
        assert!(
            map.safety_goals.is_empty(),
            "the goal goes with its danger statement"
        );
    }

    #[test]
    fn entries_reorder_within_a_section_and_move_between_sections() {
        let mut map = SafetyMap::new(day(1), now());
        let entry = |section, text: &str| MapEntry {
            id: Uuid::new_v4(),
            section,
            text: text.into(),
            said_by: PersonRef::default(),
            date: day(1),
            children: vec![],
        };
        let a = entry(MapSection::Harm, "a");
        let b = entry(MapSection::Danger, "b");
        let c = entry(MapSection::Harm, "c");
        map.entries = vec![a.clone(), b.clone(), c.clone()];
        map.reorder(c.id, -1);
        let harm: Vec<_> = map
            .entries_in(MapSection::Harm)
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(harm, ["c", "a"]);
        map.reorder(c.id, -1); // already first: nothing happens
        assert_eq!(map.entries_in(MapSection::Harm).next().unwrap().text, "c");
        map.move_to(a.id, MapSection::ExistingStrengths);
        assert_eq!(map.entries_in(MapSection::ExistingStrengths).count(), 1);
        let (at, removed) = map.remove_entry(b.id).unwrap();
        map.restore_entry(at, removed);
        assert_eq!(map.entries.len(), 3);
    }

    #[test]
    fn a_review_copies_the_map_and_keeps_the_old_version() {
        let mut first = SafetyMap::new(day(1), now());
        let worker = PersonRef::Named("Priya (social worker)".into());
        first.set_score(&worker, Some(3)).unwrap();
        let mut second = first.start_review(day(22), now());
        assert_ne!(second.id, first.id);
        assert_eq!(second.scores, first.scores);
        second.set_score(&worker, Some(6)).unwrap();
        assert_eq!(first.scores[0].score, Some(3));
        assert_eq!(
            second.set_score(&worker, Some(11)),
            Err(MapError::ScoreOutOfRange)
        );

        let lines = trajectories(&[first, second]);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].points, vec![(day(1), Some(3)), (day(22), Some(6))]);
    }
}
