//! The plain-English checker over a whole printed document, section by
//! section, as the worker sees it before printing: the reading age of each
//! section, its hardest sentence when it is hard going, and any jargon.

use crate::domain::language::plain_english::{find_jargon, Jargon, JargonHint};
use crate::domain::language::reading_age::{Readability, Reader};

/// Plain-English hints for one section of a printed document.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionCheck {
    pub section: &'static str,
    pub readability: Readability,
    /// When the section is hard to read: its hardest sentence.
    pub hardest: Option<String>,
    pub jargon: Vec<JargonHint>,
}

/// Checks each `(heading, text)` section that has words in it, for
/// `reader` (who knows the family's names) against the profile's `jargon`.
pub fn check_sections(
    reader: &Reader,
    sections: Vec<(&'static str, String)>,
    jargon: &[Jargon],
) -> Vec<SectionCheck> {
    sections
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(section, text)| {
            let readability = reader.readability(&text);
            SectionCheck {
                section,
                hardest: readability
                    .hint()
                    .and_then(|_| reader.hardest_sentence(&text)),
                readability,
                jargon: find_jargon(&text, jargon),
            }
        })
        .collect()
}

/// The reading age of all the sections read as one.
pub fn readability_of_all(reader: &Reader, sections: &[(&'static str, String)]) -> Readability {
    let all: Vec<&str> = sections.iter().map(|(_, t)| t.as_str()).collect();
    reader.readability(&all.join("\n"))
}
