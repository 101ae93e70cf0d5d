//! The domain: what a case is, how it is stored and exported, and the rules
//! that read it, one folder per tool a worker sees. Everything here is
//! plain Rust (serde, chrono, uuid) with no web dependency, so it runs and
//! is tested on the host with `cargo test`, and the same code ships in the
//! browser.
//!
//! - [`case`]: the case itself, its people and the case list's index;
//! - [`safety_map`]: the Signs of Safety map, its danger statements,
//!   safety goals, bottom lines and scaling;
//! - [`safety_plan`]: the family's safety plan made from the map, its
//!   rules, safety network and network meetings;
//! - [`plans`]: Child in Need and Child Protection plans, with the SMART
//!   checker, the statutory schedule and its calendar, the quality check,
//!   the family's copy and the audit of exported files;
//! - [`child_voice`]: the Three Houses, "I have, I am, I can", drawings and
//!   the child mode lock;
//! - [`resilience`]: the resilience matrix;
//! - [`chronology`]: significant events in date order, with those the
//!   other tools know linked in, and the patterns in them;
//! - [`genogram`]: the family tree from the case's people and relatives,
//!   and its layout by generation;
//! - [`profile`]: the practice profile a council can change;
//! - shared parts: [`language`] (plain English, text, dates in words) and
//!   [`persist`] (stored and exported shapes, packing, migrations, the
//!   encryption formats).

pub mod case;
pub mod child_voice;
pub mod choice;
pub mod chronology;
pub mod genogram;
pub mod language;
pub mod persist;
pub mod plans;
pub mod profile;
pub mod resilience;
pub mod safety_map;
pub mod safety_plan;

pub use case::*;
