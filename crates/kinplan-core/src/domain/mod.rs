//! The domain: what a case is, how it is stored and exported, and the rules
//! that read it. Everything here is plain Rust (serde, chrono, uuid) with no
//! web dependency, so it runs and is tested on the host with `cargo test`,
//! and the same code ships in the browser.

pub mod audit;
pub mod calendar;
pub mod case;
pub mod child_lock;
pub mod child_voice;
pub mod dates;
pub mod drawing;
pub mod export;
pub mod family_plan;
pub mod index;
pub mod json_path;
pub mod packing;
pub mod people;
pub mod plain_english;
pub mod plan;
pub mod profile;
pub mod quality;
pub mod resilience;
pub mod safety_map;
pub mod schedule;
pub mod schema;
pub mod smart;
pub mod text;
pub mod vault;

pub use case::*;
