//! The user interface: a thin Leptos layer over the domain and storage.

pub mod app;
pub mod browser;
pub mod case_list;
pub mod case_overview;
pub mod case_session;
pub mod child_voice;
pub mod draft;
pub mod export;
pub mod fields;
pub mod import;
pub mod keyed;
pub mod lock;
pub mod offline;
pub mod per_child;
pub mod plan_check;
pub mod plans;
pub mod print;
pub mod resilience;
pub mod safety_map;
pub mod settings;
pub mod speech;
