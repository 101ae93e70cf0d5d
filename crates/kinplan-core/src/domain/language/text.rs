//! Small helpers for text shown to people.

use crate::domain::json_path::PathError;

/// The longest name, term or plain alternative in a practice profile.
pub const MAX_PROFILE_TEXT: usize = 500;

/// A text that is not blank (see [`is_blank`]) and no longer than `max`
/// characters, or why not, at `path`.
pub fn check_text(path: &str, text: &str, max: usize) -> Result<(), PathError> {
    if is_blank(text) {
        return Err(PathError::at(
            path,
            "this is blank; write at least one letter or number",
        ));
    }
    let n = text.chars().count();
    if n > max {
        return Err(PathError::at(
            path,
            format!("this is {n} characters long; the limit is {max}"),
        ));
    }
    Ok(())
}

/// The first `chars` characters of `text`, trimmed, with "…" when cut: for
/// labels, notices and findings that quote what someone wrote.
/// "The", "Both" or "All three": how a sentence about every one of `n`
/// things starts, as people say it ("All 1 statements" reads as a fault).
pub fn every_one_of(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "", "", "", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    match n {
        0 | 1 => "The".to_string(),
        2 => "Both".to_string(),
        n if n < WORDS.len() => format!("All {}", WORDS[n]),
        n => format!("All {n}"),
    }
}

pub fn shorten(text: &str, chars: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Whether a text shows nothing: empty, spaces, or only characters with no
/// look of their own (zero-width spaces and joiners, direction marks, the
/// byte-order mark, variation selectors, combining marks alone).
pub fn is_blank(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_alphanumeric() || (!c.is_whitespace() && !is_invisible(c) && !c.is_control()))
}

/// Format characters and others that take no space on screen.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}'
        | '\u{0300}'..='\u{036F}'
    )
}

#[cfg(test)]
mod tests {
    use super::{is_blank, shorten};

    #[test]
    fn shortens_on_character_boundaries() {
        assert_eq!(shorten("  Amy goes to school  ", 40), "Amy goes to school");
        assert_eq!(shorten("Amy goes to school", 3), "Amy…");
        assert_eq!(shorten("Zoë’s nan", 3), "Zoë…");
    }

    #[test]
    fn blank_means_nothing_shows() {
        // Zero-width space, joiner, left-to-right mark, byte-order mark,
        // a lone combining acute, a variation selector, a soft hyphen.
        for text in [
            "",
            "   ",
            "\u{200B}\u{200D}\u{200E}",
            "\u{FEFF}",
            " \u{0301} ",
            "\u{FE0F}\u{00AD}",
            "\t\n",
        ] {
            assert!(is_blank(text), "{text:?}");
        }
        // Letters in any script, digits, emoji and punctuation all show.
        for text in [
            "Amy",
            "\u{200B}Jo",
            "أمل",
            "7",
            "\u{1F600}",
            "?",
            "e\u{0301}",
        ] {
            assert!(!is_blank(text), "{text:?}");
        }
    }
}
