//! The passphrase lock's formats: what is stored when a device is
//! encrypted, and the encrypted export file. Only formats live here; the
//! browser does the cryptography through WebCrypto (`storage::vault`), and
//! the host (for `kinplan-audit` and tests) through RustCrypto in
//! [`host`]. Both follow the scheme in `docs/security.md`:
//!
//! - the key: PBKDF2 with SHA-256, [`ITERATIONS`] rounds over a random
//!   16-byte salt, giving a 256-bit AES key;
//! - each text: AES-256-GCM with a fresh random 96-bit IV and a 128-bit tag.
//!
//! A stored record keeps its stamp (schema version and revision) readable
//! outside the ciphertext, so a save can still see that another tab wrote
//! last without the key. The stamp and the storage key are bound in as
//! GCM's additional data, so neither can be changed, nor a record moved to
//! another key, without decryption failing.
//!
//! ```text
//! \u{3}{"schema_version":3,"revision":17}\u{2}<n>:<15-bit characters of IV ‖ ciphertext>
//! ```
//!
//! Inside, the first byte says what follows: `1` the deflated bytes of a
//! packed case (see `packing`), `0` plain UTF-8 text (the index, the
//! profile). A packed case is thus encrypted without being unpacked, and
//! costs only 28 bytes more than unencrypted.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::json_path::PathError;
use crate::domain::persist::packing::{self, Stamp};

/// PBKDF2 rounds for every key Kinplan makes (OWASP's figure for
/// PBKDF2-HMAC-SHA256 in 2023).
pub const ITERATIONS: u32 = 600_000;
/// Files may ask for more rounds, but not so many that opening one hangs.
const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// The GCM tag appended to every ciphertext.
pub const TAG_BYTES: usize = 16;
/// The shortest passphrase the app accepts.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
/// Minutes without a key press or touch before the app locks itself.
pub const DEFAULT_IDLE_MINUTES: u32 = 10;

pub const VAULT_FORMAT: &str = "kinplan-vault";
pub const EXPORT_FORMAT: &str = "kinplan-encrypted-export";
/// Encrypted in the vault record, so a wrong passphrase is found before
/// any record is read or written.
pub const CHECK_TEXT: &str = "Kinplan passphrase check";
/// The additional data that [`VaultRecord::previous_key`] is sealed with,
/// so no other ciphertext under the key can pass for it.
pub const PREVIOUS_KEY_DATA: &[u8] = b"kinplan previous key";

const SEALED: char = '\u{3}';
const BODY: char = '\u{2}';
const KIND_TEXT: u8 = 0;
const KIND_PACKED: u8 = 1;

/// Bytes written as standard base64 in JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Bytes, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD
            .decode(text)
            .map(Bytes)
            .map_err(|_| serde::de::Error::custom("not base64"))
    }
}

/// How the key is made from the passphrase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kdf {
    /// Always "PBKDF2".
    pub name: String,
    /// Always "SHA-256".
    pub hash: String,
    pub iterations: u32,
    pub salt: Bytes,
}

impl Kdf {
    pub fn new(salt: [u8; SALT_BYTES]) -> Kdf {
        Kdf {
            name: "PBKDF2".into(),
            hash: "SHA-256".into(),
            iterations: ITERATIONS,
            salt: Bytes(salt.to_vec()),
        }
    }

    fn check(&self, path: &str) -> Result<(), PathError> {
        let fault = |at: &str, message: String| PathError {
            path: format!("{path}.{at}"),
            message,
        };
        if self.name != "PBKDF2" || self.hash != "SHA-256" {
            return Err(fault(
                "name",
                format!(
                    "the key is made with {} {}, which Kinplan does not use",
                    self.name, self.hash
                ),
            ));
        }
        if !(ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(fault(
                "iterations",
                format!(
                    "{} rounds is outside {ITERATIONS} to {MAX_ITERATIONS}",
                    self.iterations
                ),
            ));
        }
        if self.salt.0.len() < SALT_BYTES {
            return Err(fault(
                "salt",
                format!("the salt must be at least {SALT_BYTES} bytes"),
            ));
        }
        Ok(())
    }
}

/// One AES-256-GCM ciphertext (tag included) with its IV.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sealed {
    pub iv: Bytes,
    pub ciphertext: Bytes,
}

/// `kinplan.vault`: present exactly when the device is encrypted. It is
/// the one record left readable, and holds no personal data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VaultRecord {
    pub format: String,
    pub version: u32,
    pub kdf: Kdf,
    /// [`CHECK_TEXT`], encrypted.
    pub check: Sealed,
    pub idle_minutes: u32,
    /// Only while a passphrase change is being written: the key from the
    /// old passphrase (its 32 raw bytes), sealed under this record's key
    /// with [`PREVIOUS_KEY_DATA`]. A change cut off half-way, by a crash or
    /// a power cut, leaves records under both keys; the next unlock, with
    /// the new passphrase, reads both and finishes the change. A record
    /// with it is version 2, so a Kinplan from before it (still open in
    /// another tab, say) refuses the record rather than overwrite it
    /// without the old key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous_key: Option<Sealed>,
}

impl VaultRecord {
    pub fn new(kdf: Kdf, check: Sealed, idle_minutes: u32) -> VaultRecord {
        VaultRecord {
            format: VAULT_FORMAT.into(),
            version: 1,
            kdf,
            check,
            idle_minutes,
            previous_key: None,
        }
    }

    pub fn from_json(text: &str) -> Result<VaultRecord, String> {
        let record: VaultRecord =
            serde_json::from_str(text).map_err(|e| format!("the lock record is damaged ({e})"))?;
        let version = if record.previous_key.is_some() { 2 } else { 1 };
        if record.format != VAULT_FORMAT || record.version != version {
            return Err("the lock record was written by another version of Kinplan".into());
        }
        record.kdf.check("kdf").map_err(|e| e.to_string())?;
        Ok(record)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a vault record always serialises")
    }

    /// The old key of a passphrase change not yet finished.
    pub fn previous_key(&self) -> Option<&Sealed> {
        self.previous_key.as_ref()
    }

    /// This record while a change from the key in `sealed` is written.
    pub fn with_previous_key(self, sealed: Sealed) -> VaultRecord {
        VaultRecord {
            version: 2,
            previous_key: Some(sealed),
            ..self
        }
    }

    /// This record once the change is finished.
    pub fn without_previous_key(self) -> VaultRecord {
        VaultRecord {
            version: 1,
            previous_key: None,
            ..self
        }
    }
}

/// The encrypted export file: the plain export's JSON, encrypted whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EncryptedExport {
    pub format: String,
    pub version: u32,
    pub kdf: Kdf,
    pub cipher: Cipher,
    /// The plain export's UTF-8 JSON, encrypted, with the tag at the end.
    pub ciphertext: Bytes,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cipher {
    /// Always "AES-GCM" (256-bit key, 128-bit tag, no additional data).
    pub name: String,
    pub iv: Bytes,
}

impl EncryptedExport {
    pub fn new(kdf: Kdf, sealed: Sealed) -> EncryptedExport {
        EncryptedExport {
            format: EXPORT_FORMAT.into(),
            version: 1,
            kdf,
            cipher: Cipher {
                name: "AES-GCM".into(),
                iv: sealed.iv,
            },
            ciphertext: sealed.ciphertext,
        }
    }

    pub fn sealed(&self) -> Sealed {
        Sealed {
            iv: self.cipher.iv.clone(),
            ciphertext: self.ciphertext.clone(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an export always serialises")
    }
}

/// Whether a file is an encrypted export, judged by its `format` alone, so
/// a plain export is never mistaken for one.
pub fn is_encrypted_export(bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Format {
        format: String,
    }
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| serde_json::from_str::<Format>(text).ok())
        .is_some_and(|f| f.format == EXPORT_FORMAT)
}

/// Reads an encrypted export's envelope, naming the JSON path of any fault.
pub fn parse_encrypted_export(bytes: &[u8]) -> Result<EncryptedExport, PathError> {
    let damaged = |why: String| PathError {
        path: String::new(),
        message: format!("the encrypted file is damaged: {why}"),
    };
    // Text first, as every other record is read: the wasm then carries one
    // copy of serde_json's parser rather than one for text and one for bytes.
    let text = std::str::from_utf8(bytes).map_err(|e| damaged(e.to_string()))?;
    let file: EncryptedExport = serde_json::from_str(text).map_err(|e| damaged(e.to_string()))?;
    if file.version != 1 {
        return Err(PathError {
            path: "version".into(),
            message: format!(
                "encrypted file version {} needs a newer Kinplan",
                file.version
            ),
        });
    }
    file.kdf.check("kdf")?;
    if file.cipher.name != "AES-GCM" || file.cipher.iv.0.len() != IV_BYTES {
        return Err(PathError {
            path: "cipher".into(),
            message: "the cipher must be AES-GCM with a 12-byte IV".into(),
        });
    }
    if file.ciphertext.0.len() < TAG_BYTES {
        return Err(PathError {
            path: "ciphertext".into(),
            message: "the ciphertext is cut short".into(),
        });
    }
    Ok(file)
}

/// What to encrypt for one stored record, and the additional data that
/// binds it to its key and stamp.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordPlaintext {
    pub stamp: Option<Stamp>,
    pub additional_data: Vec<u8>,
    pub plaintext: Vec<u8>,
}

impl RecordPlaintext {
    /// `record` as the unencrypted adapter would store it under `key`.
    pub fn of(key: &str, record: &str) -> RecordPlaintext {
        let (stamp, plaintext) = match packing::deflated(record) {
            Some((stamp, deflated)) => {
                let mut bytes = Vec::with_capacity(deflated.len() + 1);
                bytes.push(KIND_PACKED);
                bytes.extend_from_slice(&deflated);
                (Some(stamp), bytes)
            }
            None => {
                let mut bytes = Vec::with_capacity(record.len() + 1);
                bytes.push(KIND_TEXT);
                bytes.extend_from_slice(record.as_bytes());
                (None, bytes)
            }
        };
        RecordPlaintext {
            additional_data: additional_data(key, stamp),
            stamp,
            plaintext,
        }
    }

    /// The stored text, given the IV and the ciphertext of `plaintext`.
    pub fn seal(&self, iv: &[u8], ciphertext: &[u8]) -> String {
        let mut bytes = Vec::with_capacity(iv.len() + ciphertext.len());
        bytes.extend_from_slice(iv);
        bytes.extend_from_slice(ciphertext);
        let mut out = String::with_capacity(bytes.len() * 8 / 15 + 48);
        out.push(SEALED);
        out.push_str(&stamp_header(self.stamp));
        out.push(BODY);
        out.push_str(&bytes.len().to_string());
        out.push(':');
        packing::encode_15(&bytes, &mut out);
        out
    }
}

fn stamp_header(stamp: Option<Stamp>) -> String {
    stamp.map_or_else(String::new, |s| {
        serde_json::to_string(&s).expect("a stamp always serialises")
    })
}

fn additional_data(key: &str, stamp: Option<Stamp>) -> Vec<u8> {
    format!("{key}\u{0}{}", stamp_header(stamp)).into_bytes()
}

/// A stored record that is encrypted, split for decryption.
#[derive(Clone, Debug, PartialEq)]
pub struct SealedRecord {
    pub stamp: Option<Stamp>,
    pub additional_data: Vec<u8>,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

impl SealedRecord {
    /// `None` when `raw` is not an encrypted record (or is damaged).
    pub fn read(key: &str, raw: &str) -> Option<SealedRecord> {
        let rest = raw.strip_prefix(SEALED)?;
        let (header, body) = rest.split_once(BODY)?;
        let stamp = if header.is_empty() {
            None
        } else {
            Some(serde_json::from_str(header).ok()?)
        };
        let (length, chars) = body.split_once(':')?;
        let mut bytes = packing::decode_15(chars, length.parse().ok()?)?;
        if bytes.len() < IV_BYTES + TAG_BYTES {
            return None;
        }
        let ciphertext = bytes.split_off(IV_BYTES);
        Some(SealedRecord {
            additional_data: additional_data(key, stamp),
            stamp,
            iv: bytes,
            ciphertext,
        })
    }

    /// The record as the unencrypted adapter stores it, from the decrypted
    /// plaintext.
    pub fn record(&self, plaintext: &[u8]) -> Result<String, String> {
        match plaintext.split_first() {
            Some((&KIND_PACKED, deflated)) => {
                let stamp = self.stamp.ok_or("a packed record has no stamp")?;
                Ok(packing::from_deflated(stamp, deflated))
            }
            Some((&KIND_TEXT, text)) => {
                String::from_utf8(text.to_vec()).map_err(|_| "the record is not text".into())
            }
            _ => Err("the record's kind is unknown".into()),
        }
    }
}

/// Whether a stored value is encrypted.
pub fn is_sealed(raw: &str) -> bool {
    raw.starts_with(SEALED)
}

/// AES-256-GCM and PBKDF2 on the host, for `kinplan-audit` and tests: the
/// same scheme as the browser's WebCrypto, from RustCrypto.
#[cfg(not(target_arch = "wasm32"))]
pub mod host {
    use aes_gcm::aead::{Aead, KeyInit, Payload};
    use aes_gcm::{Aes256Gcm, Nonce};

    use super::*;

    pub fn derive_key(passphrase: &str, kdf: &Kdf) -> [u8; 32] {
        let mut key = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
            passphrase.as_bytes(),
            &kdf.salt.0,
            kdf.iterations,
            &mut key,
        );
        key
    }

    /// `aad` is the additional data bound to the ciphertext; empty is the
    /// same as none, as in WebCrypto.
    pub fn seal(key: &[u8; 32], iv: [u8; IV_BYTES], plaintext: &[u8], aad: &[u8]) -> Sealed {
        let cipher = Aes256Gcm::new(key.into());
        let ciphertext = cipher
            .encrypt(
                Nonce::from_slice(&iv),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .expect("AES-GCM encrypts any length Kinplan uses");
        Sealed {
            iv: Bytes(iv.to_vec()),
            ciphertext: Bytes(ciphertext),
        }
    }

    /// `None` when the key is wrong or the ciphertext or `aad` was changed.
    pub fn open(key: &[u8; 32], sealed: &Sealed, aad: &[u8]) -> Option<Vec<u8>> {
        if sealed.iv.0.len() != IV_BYTES {
            return None;
        }
        Aes256Gcm::new(key.into())
            .decrypt(
                Nonce::from_slice(&sealed.iv.0),
                Payload {
                    msg: &sealed.ciphertext.0,
                    aad,
                },
            )
            .ok()
    }

    /// The plain export JSON inside an encrypted export.
    pub fn open_export(file: &EncryptedExport, passphrase: &str) -> Result<String, String> {
        let key = derive_key(passphrase, &file.kdf);
        let plain = open(&key, &file.sealed(), &[])
            .ok_or("the passphrase is not right, or the file has been changed")?;
        String::from_utf8(plain).map_err(|_| "the decrypted file is not text".into())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::host::*;
    use super::*;

    fn kdf() -> Kdf {
        Kdf::new([7; SALT_BYTES])
    }

    #[test]
    fn an_export_opens_with_its_passphrase_only() {
        let key = derive_key("correct horse battery", &kdf());
        let file = EncryptedExport::new(
            kdf(),
            seal(&key, [1; IV_BYTES], br#"{"format":"kinplan-export"}"#, &[]),
        );
        let bytes = file.to_json().into_bytes();
        assert!(is_encrypted_export(&bytes));
        assert!(!is_encrypted_export(
            br#"{"format":"kinplan-export","cases":[]}"#
        ));
        let parsed = parse_encrypted_export(&bytes).unwrap();
        assert_eq!(
            open_export(&parsed, "correct horse battery").unwrap(),
            r#"{"format":"kinplan-export"}"#
        );
        assert!(open_export(&parsed, "wrong horse battery").is_err());
    }

    #[test]
    fn weak_or_odd_envelopes_are_refused_with_their_path() {
        let key = derive_key("correct horse battery", &kdf());
        let mut file = EncryptedExport::new(kdf(), seal(&key, [1; IV_BYTES], b"{}", &[]));
        file.kdf.iterations = 1000;
        let err = parse_encrypted_export(file.to_json().as_bytes()).unwrap_err();
        assert_eq!(err.path, "kdf.iterations");
        file.kdf.iterations = ITERATIONS;
        file.cipher.iv = Bytes(vec![0; 8]);
        assert_eq!(
            parse_encrypted_export(file.to_json().as_bytes())
                .unwrap_err()
                .path,
            "cipher"
        );
        let err = parse_encrypted_export(br#"{"format":"kinplan-encrypted-export"}"#).unwrap_err();
        assert!(err.message.contains("damaged"), "{err}");
    }

    #[test]
    fn a_packed_case_is_sealed_without_unpacking_and_opens_exactly() {
        let stamp = Stamp {
            schema_version: 3,
            revision: 9,
        };
        let record = packing::pack(stamp, &"{\"label\":\"Smith family\"}".repeat(50));
        let key = derive_key("correct horse battery", &kdf());
        let plain = RecordPlaintext::of("kinplan.case.1", &record);
        assert_eq!(plain.stamp, Some(stamp));
        // The deflated bytes, not the 15-bit text, are encrypted.
        assert!(plain.plaintext.len() < record.chars().count() * 2);
        let sealed = seal(
            &key,
            [2; IV_BYTES],
            &plain.plaintext,
            &plain.additional_data,
        );
        let stored = plain.seal(&sealed.iv.0, &sealed.ciphertext.0);
        assert!(is_sealed(&stored));
        assert_eq!(packing::stamp(&stored), Some(stamp));

        let read = SealedRecord::read("kinplan.case.1", &stored).unwrap();
        assert_eq!(read.additional_data, plain.additional_data);
        let opened = open(
            &key,
            &Sealed {
                iv: Bytes(read.iv.clone()),
                ciphertext: Bytes(read.ciphertext.clone()),
            },
            &read.additional_data,
        )
        .unwrap();
        assert_eq!(read.record(&opened).unwrap(), record);
        // Moved to another key, the additional data no longer matches.
        let moved = SealedRecord::read("kinplan.case.2", &stored).unwrap();
        assert_ne!(moved.additional_data, plain.additional_data);
    }

    #[test]
    fn text_records_round_trip_and_damage_is_noticed() {
        let plain = RecordPlaintext::of("kinplan.index", "{\"cases\":[]}");
        assert_eq!(plain.stamp, None);
        let stored = plain.seal(&[3; IV_BYTES], &[4; 30]);
        let read = SealedRecord::read("kinplan.index", &stored).unwrap();
        assert_eq!(read.iv, vec![3; IV_BYTES]);
        assert_eq!(read.ciphertext, vec![4; 30]);
        assert_eq!(read.record(&plain.plaintext).unwrap(), "{\"cases\":[]}");
        let cut: String = stored.chars().take(stored.chars().count() - 3).collect();
        assert!(SealedRecord::read("kinplan.index", &cut).is_none());
        assert!(SealedRecord::read("kinplan.index", "{\"cases\":[]}").is_none());
    }

    #[test]
    fn the_vault_record_round_trips_and_refuses_other_formats() {
        let record = VaultRecord::new(
            kdf(),
            seal(
                &derive_key("x", &kdf()),
                [0; IV_BYTES],
                CHECK_TEXT.as_bytes(),
                &[],
            ),
            DEFAULT_IDLE_MINUTES,
        );
        assert_eq!(VaultRecord::from_json(&record.to_json()).unwrap(), record);
        assert!(!record.to_json().contains("previous_key"));
        let changing = record.clone().with_previous_key(record.check.clone());
        assert_eq!(
            VaultRecord::from_json(&changing.to_json()).unwrap(),
            changing
        );
        assert_eq!(changing.clone().without_previous_key(), record);
        // A Kinplan from before `previous_key` reads only version 1, and
        // this one refuses a record whose version and contents disagree.
        assert!(changing.to_json().contains("\"version\":2"));
        let mut mismatched = changing.clone();
        mismatched.version = 1;
        assert!(VaultRecord::from_json(&mismatched.to_json()).is_err());
        let mut other = record.clone();
        other.format = "something-else".into();
        assert!(VaultRecord::from_json(&other.to_json()).is_err());
        assert!(VaultRecord::from_json("{").is_err());
    }
}
