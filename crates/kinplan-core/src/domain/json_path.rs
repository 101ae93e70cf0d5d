//! Reading JSON into our types with errors that name the place, such as
//! `cases[2].children[0].age.date_of_birth`.
//!
//! serde_json reports where it stopped as a line and column. [`path_at`]
//! walks the text up to that point and names the path there. This does the
//! job of the `serde_path_to_error` crate without its cost: that crate
//! wraps every type's deserialiser a second time, which was over a sixth of
//! the app's WebAssembly.

use serde::de::DeserializeOwned;

/// A JSON error and where it happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathError {
    /// Empty when the problem is the text as a whole.
    pub path: String,
    pub message: String,
}

impl PathError {
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> PathError {
        PathError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Deserialises `text`, naming the JSON path of any error.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, PathError> {
    serde_json::from_str(text).map_err(|e| {
        let offset = offset_of(text, e.line(), e.column());
        PathError {
            path: path_at(text, offset),
            message: plain_message(&e),
        }
    })
}

/// The first key that appears twice in one object of `text`, with its
/// path. JSON parsers keep only one of the two values without a word, so
/// an import could silently lose what a person wrote. `None` for text that
/// is not JSON (the parser reports that).
pub fn duplicate_key(text: &str) -> Option<PathError> {
    let mut found = None;
    let seed = UniqueKeys {
        path: String::new(),
        found: &mut found,
    };
    let _ = serde::de::DeserializeSeed::deserialize(
        seed,
        &mut serde_json::Deserializer::from_str(text),
    );
    found
}

/// Walks any JSON value, stopping at the first repeated key.
struct UniqueKeys<'a> {
    path: String,
    found: &'a mut Option<PathError>,
}

impl<'de> serde::de::DeserializeSeed<'de> for UniqueKeys<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueKeys<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            let seed = UniqueKeys {
                path: format!("{}[{i}]", self.path),
                found: &mut *self.found,
            };
            if seq.next_element_seed(seed)?.is_none() || self.found.is_some() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            if !seen.insert(key) {
                *self.found = Some(PathError::at(
                    path,
                    "this key appears twice in the same object; keep one and remove the other",
                ));
                return Ok(());
            }
            map.next_value_seed(UniqueKeys {
                path,
                found: &mut *self.found,
            })?;
            if self.found.is_some() {
                return Ok(());
            }
        }
        Ok(())
    }
}

/// serde's message in plainer words, without its line and column.
fn plain_message(e: &serde_json::Error) -> String {
    // chrono's parse errors say what went wrong inside the text, not what
    // the text should be.
    const DATE_ERRORS: [&str; 6] = [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
    ];
    let text = e.to_string();
    let text = text
        .find(" at line ")
        .map_or(text.as_str(), |at| &text[..at]);
    if DATE_ERRORS.contains(&text) {
        "not a valid date or time (for example 2020-04-14, or 2026-11-21T16:00:00Z)".into()
    } else if ["invalid character", "invalid length", "invalid group"]
        .iter()
        .any(|p| text.starts_with(p))
    {
        format!("not a valid id ({text})")
    } else {
        text.to_string()
    }
}

/// The byte offset of serde_json's 1-based line and column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(at, _)| at + 1);
    let start = if line <= 1 { 0 } else { line_start };
    (start + column).min(text.len())
}

enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The JSON path of the value being read at byte `offset` of `text`.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    expecting_key: true,
                }) = stack.last_mut()
                {
                    let raw = &text[start..i.min(text.len())];
                    *key = Some(
                        serde_json::from_str(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_string()),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Family {
        name: String,
        children: Vec<Kid>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Kid {
        first_name: String,
        age: u8,
    }

    fn path_of(text: &str) -> String {
        read::<Family>(text).unwrap_err().path
    }

    #[test]
    fn errors_name_their_path() {
        assert_eq!(
            path_of(
                r#"{"name":"Smith","children":[{"first_name":"Amy","age":6},{"first_name":"Leo","age":"two"}]}"#
            ),
            "children[1].age"
        );
        assert_eq!(path_of(r#"{"name":7,"children":[]}"#), "name");
        assert_eq!(
            path_of(r#"{"name":"S","children":[{"first_name":"Amy","age":6,"shoe":3}]}"#),
            "children[0].shoe"
        );
        assert_eq!(
            path_of(r#"{"name":"S","children":[{"first_name":"Amy"}]}"#),
            "children[0]"
        );
        assert_eq!(path_of(r#"{"name":"S"}"#), "");
    }

    #[test]
    fn paths_survive_escapes_and_line_breaks() {
        let text = "{\n  \"name\": \"Sm\\\"ith, [x]{\",\n  \"children\": [\n    {\"first_name\": \"A\", \"age\": 300}\n  ]\n}";
        assert_eq!(path_of(text), "children[0].age");
    }

    #[test]
    fn a_key_twice_in_one_object_is_found_with_its_path() {
        let found = |text: &str| duplicate_key(text).map(|e| e.path);
        assert_eq!(
            found(r#"{"a":1,"b":[{"c":1},{"c":2,"d":3,"c":4}]}"#),
            Some("b[1].c".into())
        );
        assert_eq!(found(r#"{"label":"A","label":"B"}"#), Some("label".into()));
        // The same key in different objects is fine, and so is a key
        // written with an escape that reads differently.
        assert_eq!(found(r#"{"a":{"x":1},"b":{"x":1},"x":[1,1]}"#), None);
        assert_eq!(found(r#"{"a":1,"\u0061b":2}"#), None);
        // Escapes that read the same are the same key.
        assert_eq!(found(r#"{"ab":1,"\u0061b":2}"#), Some("ab".into()));
        assert_eq!(found("not json"), None);
    }

    #[test]
    fn messages_are_plain() {
        let err =
            read::<Family>(r#"{"name":"S","children":[{"first_name":"A","age":-1}]}"#).unwrap_err();
        assert!(!err.message.contains("line"), "{}", err.message);
        assert_eq!(err.to_string(), format!("children[0].age: {}", err.message));
    }
}
