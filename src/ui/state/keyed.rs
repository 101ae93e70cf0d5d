//! Change notices per key, for long lists where one keystroke must not
//! wake every row.
//!
//! Leptos re-runs everything that reads a signal when it changes. The open
//! case is one signal, so on a plan of 200 actions a keystroke in one
//! action would re-check all 200 editors. [`Keyed`] lets a row listen for
//! changes to its own key only, plus a notice that "everything may have
//! changed", which any edit not aimed at one row sends.
//!
//! ```text
//! let keyed = Keyed::default();
//! let row = Memo::new(move |_| { keyed.track(id); case.with_untracked(|c| read(c, id)) });
//! case.update(|c| change(c, id));
//! keyed.notify(id); // only `row` for this id re-runs
//! ```

use std::collections::HashMap;

use leptos::prelude::*;
use uuid::Uuid;

#[derive(Clone, Copy)]
pub struct Keyed {
    every: Trigger,
    one: StoredValue<HashMap<Uuid, ArcTrigger>>,
}

impl Default for Keyed {
    fn default() -> Self {
        Keyed {
            every: Trigger::new(),
            one: StoredValue::new(HashMap::new()),
        }
    }
}

impl Keyed {
    fn trigger(&self, key: Uuid) -> ArcTrigger {
        self.one
            .try_update_value(|map| map.entry(key).or_default().clone())
            .unwrap_or_default()
    }

    /// Subscribes the running memo or effect to changes of `key`.
    pub fn track(&self, key: Uuid) {
        self.every.track();
        self.trigger(key).track();
    }

    /// Wakes whatever tracks `key`.
    pub fn notify(&self, key: Uuid) {
        self.trigger(key).notify();
    }

    /// Wakes whatever tracks any key.
    pub fn notify_all(&self) {
        self.every.notify();
    }
}
