//! Kinplan's core: what a case is, the rules that read it, and how it is
//! kept, with no browser in it. The compiler keeps it that way: this crate
//! depends on no Leptos, web-sys or wasm-bindgen, so the web app
//! (`kinplan`) and the command-line audit (`kinplan-audit`) build on it,
//! and every rule is tested on the host.
//!
//! - [`domain`]: cases, plans, maps, the child's voice, their stored and
//!   exported forms, and the judgements Kinplan makes (SMART, schedule,
//!   reading age, quality).
//! - [`storage`]: one key-value interface, the case repository over it,
//!   and the passphrase vault's logic over any store and cipher.

pub mod domain;
pub mod storage;
