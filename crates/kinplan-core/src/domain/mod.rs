//! The domain: what a case is, how it is stored and exported, and the rules
//! that read it, one folder per tool a worker sees. Everything here is
//! plain Rust (serde, chrono, uuid) with no web dependency, so it runs and
//! is tested on the host with `cargo test`, and the same code ships in the
//! browser.
//!
//! - [`case`]: the case itself and its people;
//! - [`safety_map`]: the Signs of Safety map, its danger statements,
//!   safety goals, bottom lines and scaling;
//! - [`safety_plan`]: the family's safety plan made from the map, its
//!   rules, safety network and network meetings;
//! - [`plans`]: Child in Need and Child Protection plans, with the SMART
//!   checker, the statutory schedule, the quality check and the family's
//!   copy;
//! - [`child_voice`]: the Three Houses, "I have, I am, I can", drawings and
//!   the child mode lock;
//! - [`resilience`]: the resilience matrix;
//! - [`chronology`]: significant events in date order, with those the
//!   other tools know linked in, and the patterns in them;
//! - [`genogram`]: the family tree from the case's people and relatives,
//!   and its layout by generation;
//! - [`profile`]: the practice profile a council can change;
//! - [`audit`]: the audit of exported files that `kinplan-audit` prints;
//! - shared parts: [`language`] (plain English, text, dates in words),
//!   [`calendar`] (working days), [`person_ref`] (who said something),
//!   [`json_path`] (reading JSON, saying where it is wrong) and [`persist`]
//!   (stored and exported shapes, the case list's index, packing,
//!   migrations, the encryption formats).
//!
//! Folders import in one direction (`tests/layers.rs`): the shared parts,
//! then the tools, then `case`, which holds every tool's document, then
//! `persist` and `audit`. The tools whose checks read across a family take
//! the whole case, the one way back up.

pub mod audit;
pub mod calendar;
pub mod case;
pub mod child_voice;
pub mod choice;
pub mod chronology;
pub mod genogram;
pub mod json_path;
pub mod language;
pub mod persist;
pub mod person_ref;
pub mod plans;
pub mod profile;
pub mod resilience;
pub mod safety_map;
pub mod safety_plan;

pub use case::*;
