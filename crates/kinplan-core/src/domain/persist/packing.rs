//! How a stored case is packed into one `localStorage` string.
//!
//! Case JSON is compressed with deflate (miniz_oxide, level 3) and the bytes
//! are written 15 bits to a character, in the range U+1000 to U+8FFF, which
//! holds no surrogates and nothing that needs escaping. A typical case
//! shrinks about ten-fold, so hundreds fit in the browser's 5 MB, and
//! packing takes a fraction of a millisecond. (lz-string, the usual choice
//! for `localStorage`, packed half as tightly and ten times as slowly.)
//!
//! A short plain header carries the schema version and revision, so a save
//! can check who wrote last without unpacking the whole case:
//!
//! ```text
//! \u{1}{"schema_version":2,"revision":17}\u{2}4274:<15-bit characters>
//! ```
//!
//! where 4274 is the length of the deflated bytes. A record that starts with
//! `{` is plain JSON, as written by earlier builds, and still reads.

use serde::{Deserialize, Serialize};

const PACKED: char = '\u{1}';
const BODY: char = '\u{2}';
/// The first character of an encrypted record (see `vault`).
const SEALED: char = '\u{3}';
/// The first character of the 15-bit alphabet.
const BASE: u32 = 0x1000;
/// Deflate level 3: most of level 6's size at half its time.
const LEVEL: u8 = 3;
/// No case unpacks to more than this: a guard against a crafted record.
const MAX_JSON_BYTES: usize = 64 * 1024 * 1024;

/// The plain header of a packed record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub schema_version: u32,
    pub revision: u64,
}

/// Packs the JSON of a stored case, with its stamp in the header.
pub fn pack(stamp: Stamp, json: &str) -> String {
    from_deflated(
        stamp,
        &miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL),
    )
}

/// A packed record from its stamp and deflated JSON.
pub fn from_deflated(stamp: Stamp, deflated: &[u8]) -> String {
    let header = serde_json::to_string(&stamp).expect("a stamp always serialises");
    let mut out = String::with_capacity(header.len() + deflated.len() + 16);
    out.push(PACKED);
    out.push_str(&header);
    out.push(BODY);
    out.push_str(&deflated.len().to_string());
    out.push(':');
    encode_15(deflated, &mut out);
    out
}

/// The stamp and deflated JSON of a packed record (`None` if it is not
/// packed or is damaged), for sealing it without unpacking.
pub fn deflated(raw: &str) -> Option<(Stamp, Vec<u8>)> {
    let (header, body) = raw.strip_prefix(PACKED)?.split_once(BODY)?;
    let (length, chars) = body.split_once(':')?;
    Some((
        serde_json::from_str(header).ok()?,
        decode_15(chars, length.parse().ok()?)?,
    ))
}

/// The stamp of a record, read without unpacking it. Encrypted records
/// (`vault`) keep the same header, readable without the key.
pub fn stamp(raw: &str) -> Option<Stamp> {
    match raw.strip_prefix([PACKED, SEALED]) {
        Some(rest) => serde_json::from_str(rest.split(BODY).next()?).ok(),
        // Plain JSON writes the stamp's fields first, but may be long:
        // read it whole.
        None => serde_json::from_str(raw).ok(),
    }
}

/// The JSON inside a record.
pub fn unpack(raw: &str) -> Result<String, String> {
    let Some(rest) = raw.strip_prefix(PACKED) else {
        return Ok(raw.to_string());
    };
    let (_, body) = rest
        .split_once(BODY)
        .ok_or("the record's header is cut short")?;
    let (length, chars) = body
        .split_once(':')
        .ok_or("the record's length is missing")?;
    let length: usize = length
        .parse()
        .map_err(|_| "the record's length is not a number")?;
    let deflated =
        decode_15(chars, length).ok_or("the record is cut short or has foreign characters")?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_JSON_BYTES)
        .map_err(|_| "the record could not be unpacked")?;
    String::from_utf8(json).map_err(|_| "the unpacked record is not text".to_string())
}

/// Writes `bytes` as characters of 15 bits each, the last one zero-padded.
pub(crate) fn encode_15(bytes: &[u8], out: &mut String) {
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(char::from_u32(BASE + (buffer >> bits)).expect("below the surrogates"));
            buffer &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(char::from_u32(BASE + (buffer << (15 - bits))).expect("below the surrogates"));
    }
}

/// Reads `length` bytes back from 15-bit characters.
pub(crate) fn decode_15(chars: &str, length: usize) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(length);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in chars.chars() {
        let value = (c as u32).checked_sub(BASE).filter(|v| *v < 1 << 15)?;
        buffer = (buffer << 15) | value;
        bits += 15;
        while bits >= 8 && bytes.len() < length {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    (bytes.len() == length).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips_and_shrinks_json() {
        let json = format!(
            r#"{{"schema_version":2,"revision":3,"case":{{"label":"Smith family","notes":"{}"}}}}"#,
            "Mum takes Amy to school. ".repeat(200)
        );
        let stamp_in = Stamp {
            schema_version: 2,
            revision: 3,
        };
        let packed = pack(stamp_in, &json);
        assert!(
            packed.chars().count() * 4 < json.len(),
            "{} chars from {}",
            packed.chars().count(),
            json.len()
        );
        assert_eq!(stamp(&packed), Some(stamp_in));
        assert_eq!(unpack(&packed).unwrap(), json);
    }

    #[test]
    fn fifteen_bit_characters_round_trip_every_length() {
        for n in 0..64 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let mut text = String::new();
            encode_15(&bytes, &mut text);
            assert_eq!(text.chars().count(), (n * 8usize).div_ceil(15));
            assert!(text.chars().all(|c| (0x1000..0x9000).contains(&(c as u32))));
            assert_eq!(decode_15(&text, n), Some(bytes));
        }
        assert_eq!(decode_15("a", 1), None, "characters outside the alphabet");
    }

    #[test]
    fn plain_json_still_reads() {
        let json = r#"{"schema_version":2,"revision":9,"case":{}}"#;
        assert_eq!(
            stamp(json),
            Some(Stamp {
                schema_version: 2,
                revision: 9
            })
        );
        assert_eq!(unpack(json).unwrap(), json);
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let packed = pack(
            Stamp {
                schema_version: 2,
                revision: 1,
            },
            "{\"a\":1}",
        );
        assert!(unpack(&packed[..5]).is_err());
        assert!(unpack("\u{1}{\"schema_version\":2}").is_err());
        let cut: String = packed.chars().take(packed.chars().count() - 1).collect();
        assert!(unpack(&cut).is_err());
        let garbled = packed.replace(':', ":\u{8fff}\u{8fff}");
        assert!(unpack(&garbled).is_err());
    }
}
