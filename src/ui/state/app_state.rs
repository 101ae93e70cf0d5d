//! What every page can reach: the route, the case index, the notice bar,
//! the practice profile and the repository of cases.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::child_voice::child_lock::ChildLock;
use crate::domain::persist::index::CaseIndex;
use crate::domain::profile::PracticeProfile;
use crate::route::Route;
use crate::storage::{Cases, SaveError};
use crate::ui::platform::browser::focus_main_heading;
use crate::ui::state::export::ExportRequest;

/// State every page can reach.
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    /// The case index as last read from or written to storage.
    pub index: RwSignal<CaseIndex>,
    pub notice: RwSignal<Option<Notice>>,
    /// Timescales and bank holidays, kept per device.
    pub profile: RwSignal<PracticeProfile>,
    /// Set while a child has the screen: every route leads back to them.
    pub child_lock: RwSignal<Option<ChildLock>>,
    /// A new version has been deployed and is ready (see `ui::platform::offline`).
    pub update_ready: RwSignal<bool>,
    /// An export waiting for the worker to choose encrypted or plain.
    pub export_request: RwSignal<Option<ExportRequest>>,
    /// An encrypted write that failed after its save returned: the storage
    /// key and why. An open case takes its own into its save status.
    pub write_failure: RwSignal<Option<(String, SaveError)>>,
    /// Every case on this device: all reads and writes go through it. It
    /// lives as long as the unlocked workspace, so locking drops its cache.
    pub repository: StoredValue<Cases>,
}

/// A message in the notice bar, with an optional way to take the action back.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub undo: Option<Undo>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Undo {
    RestoreFromBin(Uuid),
}

/// How long a notice with an undo stays up.
const NOTICE_SECONDS: u64 = 15;

impl AppState {
    pub fn notify(&self, text: impl Into<String>, undo: Option<Undo>) {
        let notice = Notice {
            text: text.into(),
            undo,
        };
        self.notice.set(Some(notice.clone()));
        let slot = self.notice;
        set_timeout(
            move || {
                // The workspace may have gone meanwhile (locked, or child
                // mode started): then so has its notice.
                let gone = slot
                    .try_update(|n| {
                        let ours = n.as_ref() == Some(&notice);
                        if ours {
                            *n = None
                        }
                        ours
                    })
                    .unwrap_or(false);
                // Focus on its Undo or Dismiss would go with it.
                let focus_in_notice = document()
                    .active_element()
                    .is_some_and(|el| el.closest(".notice").ok().flatten().is_some());
                if gone && focus_in_notice {
                    request_animation_frame(focus_main_heading);
                }
            },
            std::time::Duration::from_secs(NOTICE_SECONDS),
        );
    }

    /// Runs `f` with the repository of cases.
    pub fn cases<T>(&self, f: impl FnOnce(&Cases) -> T) -> T {
        self.repository.with_value(f)
    }

    pub fn go(&self, route: Route) {
        let _ = window().location().set_hash(&route.href());
    }
}
