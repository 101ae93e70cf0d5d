//! Small helpers for text shown to people.

/// The first `chars` characters of `text`, trimmed, with "…" when cut: for
/// labels, notices and findings that quote what someone wrote.
pub fn shorten(text: &str, chars: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn shortens_on_character_boundaries() {
        assert_eq!(shorten("  Amy goes to school  ", 40), "Amy goes to school");
        assert_eq!(shorten("Amy goes to school", 3), "Amy…");
        assert_eq!(shorten("Zoë’s nan", 3), "Zoë…");
    }
}
