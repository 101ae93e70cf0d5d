//! One folder per tool a worker opens on a case: its editor, its checks and
//! its print views.

pub mod child_voice;
pub mod chronology;
pub mod genogram;
pub mod plans;
pub mod print;
pub mod resilience;
pub mod safety_map;
pub mod safety_plan;
