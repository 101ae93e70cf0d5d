//! The plain-English checker: gentle hints for any text a family will
//! read. It never blocks anything.
//!
//! - [`find_jargon`] flags words from a jargon list (data, kept in the
//!   practice profile so a council can add its own) with a plain
//!   alternative. An acronym is fine once its full form is written in the
//!   same text, as in "review child protection conference (RCPC)".
//!
//! How hard a text is to read is the job of [`super::reading_age`].

use serde::{Deserialize, Serialize};

/// A word or phrase professionals use, and what to say instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jargon {
    /// As it is written: "ICPC", "core group", "disguised compliance".
    pub term: String,
    /// What to write instead, in plain words.
    pub plain: String,
    /// For an acronym: its full form. Once that is written, the acronym is fine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
}

fn jargon(term: &str, plain: &str, full: Option<&str>) -> Jargon {
    Jargon {
        term: term.into(),
        plain: plain.into(),
        full: full.map(Into::into),
    }
}

/// The common jargon in family-facing plans, from the West Berkshire and
/// Barnet practice standards, with a plain alternative for each.
pub fn england_jargon() -> Vec<Jargon> {
    vec![
        jargon(
            "ICPC",
            "the first child protection meeting",
            Some("initial child protection conference"),
        ),
        jargon(
            "RCPC",
            "the review child protection meeting",
            Some("review child protection conference"),
        ),
        jargon(
            "core group",
            "the group of people working on the plan with you",
            None,
        ),
        jargon(
            "s47",
            "child protection enquiry",
            Some("section 47 enquiry"),
        ),
        jargon("section 47", "child protection enquiry", None),
        jargon("LAC", "child in care", Some("looked after child")),
        jargon("CiC", "child in care", Some("child in care")),
        jargon("CiN", "child in need plan", Some("child in need")),
        jargon("PLO", "the pre-court process", Some("public law outline")),
        jargon("LA", "the council", Some("local authority")),
        jargon("local authority", "the council", None),
        jargon(
            "IRO",
            "the person who chairs reviews",
            Some("independent reviewing officer"),
        ),
        jargon(
            "FGC",
            "a family meeting to make a plan",
            Some("family group conference"),
        ),
        jargon(
            "contact",
            "time with family, if that is what it means here",
            None,
        ),
        jargon("placement", "where the child lives", None),
        jargon("escalate", "take further, or ask a manager to decide", None),
        jargon("threshold", "the point where we must act", None),
        jargon(
            "disguised compliance",
            "saying you will do things but not doing them",
            None,
        ),
        jargon("engage", "take part", None),
        jargon("safeguarding", "keeping children safe", None),
        jargon("multi-agency", "the people from different services", None),
        jargon("statutory", "that the law says we must do", None),
    ]
}

/// The list as lines a person can edit: `term = plain words`, and for an
/// acronym `= its full form` after that.
pub fn jargon_to_lines(list: &[Jargon]) -> String {
    list.iter()
        .map(|j| match &j.full {
            Some(full) => format!("{} = {} = {full}", j.term, j.plain),
            None => format!("{} = {}", j.term, j.plain),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads lines written as [`jargon_to_lines`] writes them. Blank lines
/// are skipped; a line without "=" is an error naming its number.
pub fn jargon_from_lines(text: &str) -> Result<Vec<Jargon>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let parts: Vec<&str> = line.split('=').map(str::trim).collect();
            match parts.as_slice() {
                [term, plain] if !term.is_empty() && !plain.is_empty() => {
                    Ok(jargon(term, plain, None))
                }
                [term, plain, full] if !term.is_empty() && !plain.is_empty() => Ok(jargon(
                    term,
                    plain,
                    Some(full).filter(|f| !f.is_empty()).copied(),
                )),
                _ => Err(format!(
                    "line {} should read \u{201c}word = plain words\u{201d}",
                    n + 1
                )),
            }
        })
        .collect()
}

/// One piece of jargon found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JargonHint {
    /// The words as written in the text.
    pub found: String,
    pub plain: String,
    /// Byte offset in the text.
    pub at: usize,
}

impl JargonHint {
    pub fn message(&self) -> String {
        format!(
            "\u{201c}{}\u{201d} may not be clear to the family. Try: {}.",
            self.found, self.plain
        )
    }
}

/// Every use of a term from `list` in `text`, in the order they appear,
/// each term once. Matching is by whole word; acronyms (terms in capitals)
/// match only in capitals, so "LA" is not found in "la" or "Lara".
pub fn find_jargon(text: &str, list: &[Jargon]) -> Vec<JargonHint> {
    let folded = Folded::new(text);
    let mut hints: Vec<JargonHint> = list
        .iter()
        .filter_map(|j| {
            let (at, end) = if is_acronym(&j.term) {
                let spelled_out = j
                    .full
                    .as_deref()
                    .is_some_and(|full| folded.lower.contains(&full.to_lowercase()));
                if spelled_out {
                    return None;
                }
                let at = find_word(text, &j.term)?;
                (at, at + j.term.len())
            } else {
                // A stem: "engage" also finds "engaging" and "engagement".
                let term = j.term.to_lowercase();
                let stem = match term.strip_suffix('e') {
                    Some(stem) if stem.chars().count() >= 4 => stem,
                    _ => &term,
                };
                let at = find_stem(&folded.lower, stem)?;
                let end = at + word_span(&folded.lower[at..], stem.len());
                folded.original_span(at, end)
            };
            Some(JargonHint {
                found: text[at..end].to_string(),
                plain: j.plain.clone(),
                at,
            })
        })
        .collect();
    hints.sort_by_key(|h| h.at);
    hints
}

/// A text in lower case, with the way back to the original. Lower-casing
/// can change a letter's length in bytes either way (the Kelvin sign "K"
/// becomes "k", "İ" becomes "i̇"), so an offset found in the lower-case
/// text is only an offset in the original after mapping.
struct Folded {
    lower: String,
    /// For each byte of `lower`: the original character's start and end.
    origin: Vec<(usize, usize)>,
}

impl Folded {
    fn new(text: &str) -> Folded {
        let mut lower = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (start, c) in text.char_indices() {
            let end = start + c.len_utf8();
            for l in c.to_lowercase() {
                lower.push(l);
                origin.extend(std::iter::repeat_n((start, end), l.len_utf8()));
            }
        }
        Folded { lower, origin }
    }

    /// The original text's byte range for `lower[at..end]`, widened to
    /// whole original characters.
    fn original_span(&self, at: usize, end: usize) -> (usize, usize) {
        let start = self.origin.get(at).map_or(0, |o| o.0);
        let end = match end.checked_sub(1).and_then(|last| self.origin.get(last)) {
            Some(o) if end > at => o.1,
            _ => start,
        };
        (start, end)
    }
}

fn is_acronym(term: &str) -> bool {
    term.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && term.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The length in bytes of the word or phrase starting `text` that matches
/// a stem of `stem_len` bytes: the stem plus the rest of its last word.
fn word_span(text: &str, stem_len: usize) -> usize {
    stem_len
        + text[stem_len..]
            .find(|c: char| !in_word(c))
            .unwrap_or(text.len() - stem_len)
}

/// Letters, digits and the combining marks some letters lower-case into
/// (`İ` becomes `i` and a combining dot), so a word is never cut mid-letter.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn boundary_before(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// `word` as a whole word, case-sensitive.
fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        boundary_before(text, at)
            && !text[at + word.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// `stem` at the start of a word.
fn find_stem(text: &str, stem: &str) -> Option<usize> {
    text.match_indices(stem)
        .map(|(at, _)| at)
        .find(|&at| boundary_before(text, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn jargon_gets_a_plain_alternative() {
        let list = england_jargon();
        // (text, the jargon found, in order)
        let table: [(&str, &[&str]); 9] = [
            ("Mum to engage with services", &["engage"]),
            (
                "Dad is not engaging with the core group",
                &["engaging", "core group"],
            ),
            (
                "The ICPC on 2 March decided a child protection plan",
                &["ICPC"],
            ),
            // An acronym is fine once written out in full.
            (
                "The initial child protection conference (ICPC) met on 2 March",
                &[],
            ),
            ("The LA will pay for the bus", &["LA"]),
            // Not an acronym inside other words, nor in lower case.
            ("Lara and Layla go to the LAmbeth club. la la la", &[]),
            ("A Section 47 enquiry was started", &["Section 47"]),
            (
                "There are worries of disguised compliance",
                &["disguised compliance"],
            ),
            ("Amy will go to school every day", &[]),
        ];
        for (text, expected) in table {
            let found: Vec<String> = find_jargon(text, &list)
                .into_iter()
                .map(|h| h.found)
                .collect();
            assert_eq!(found, expected, "{text}");
        }
        let hint = &find_jargon("Mum to engage", &list)[0];
        assert_eq!(
            hint.message(),
            "\u{201c}engage\u{201d} may not be clear to the family. Try: take part."
        );
    }

    #[test]
    fn letters_that_change_length_in_lower_case_are_quoted_whole() {
        // The Kelvin sign is 3 bytes and lower-cases to 1; dotted capital I
        // is 2 and lower-cases to 3: together the lengths even out, which
        // once sent a cut into the middle of a letter and stopped the app.
        let text = "\u{212A} core group \u{0130}\u{0130}";
        let found = find_jargon(text, &england_jargon());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].found, "core group");
        assert_eq!(&text[found[0].at..][..10], "core group");
        // A match that ends inside a letter's lower-case form takes the letter.
        let list = [jargon("engage", "take part", None)];
        assert_eq!(
            find_jargon("ENGAG\u{0130}NG", &list)[0].found,
            "ENGAG\u{0130}NG"
        );
    }

    #[test]
    fn the_list_round_trips_as_lines() {
        let list = england_jargon();
        assert_eq!(jargon_from_lines(&jargon_to_lines(&list)), Ok(list));
        assert_eq!(
            jargon_from_lines("TAF = team around your family\n\nno equals sign here"),
            Err("line 3 should read \u{201c}word = plain words\u{201d}".into())
        );
    }

    #[test]
    fn a_council_can_add_its_own_jargon() {
        let mut list = england_jargon();
        list.push(Jargon {
            term: "TAF".into(),
            plain: "the team around your family".into(),
            full: Some("team around the family".into()),
        });
        assert_eq!(
            find_jargon("Next TAF meeting", &list)[0].plain,
            "the team around your family"
        );
        assert_eq!(find_jargon("Next TAF meeting", &england_jargon()), vec![]);
    }
}
