//! The passphrase lock as the worker meets it: the unlock screen, locking
//! after idle minutes or on the Lock button, and the settings that turn it
//! on and change the passphrase (`settings.rs`). The encryption itself is
//! in `storage::vault`.

mod clear_device;
mod settings;

pub use clear_device::ClearDevice;
pub use settings::{LockSummary, PassphraseOffer, PassphrasePage};

use leptos::prelude::*;

use crate::storage;
use crate::storage::vault::{self, Status};
use crate::ui::platform::pieces::piece;

/// Whether the app is locked, and whether a passphrase is set at all.
#[derive(Clone, Copy)]
pub struct LockState {
    pub locked: RwSignal<bool>,
    pub encrypted: RwSignal<bool>,
    /// A child has the screen (in this tab or another): the unlock screen
    /// then offers nothing but the passphrase.
    pub child_mode: RwSignal<bool>,
}

impl LockState {
    /// Locks now: the open case saves as its page closes, the writes
    /// finish, then the key and the decrypted copy are dropped.
    pub fn lock_now(&self) {
        self.locked.set(true);
        leptos::task::spawn_local(vault::lock());
    }
}

/// Provides [`LockState`] and watches for another tab changing the lock.
pub fn provide_lock_state() -> LockState {
    let state = LockState {
        locked: RwSignal::new(vault::status() == Status::Locked),
        encrypted: RwSignal::new(vault::status() != Status::Plain),
        child_mode: RwSignal::new(storage::load_child_lock().is_some()),
    };
    provide_context(state);
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key();
        if key.as_deref().is_none_or(|k| k == storage::CHILD_LOCK_KEY) {
            state.child_mode.set(storage::load_child_lock().is_some());
        }
        if key.as_deref().is_none_or(|k| k.starts_with("kinplan.")) {
            // Every record is brought in, not only those a page watches.
            let before = vault::status();
            vault::after_other_tab(key, ev.new_value(), || ());
            if vault::status() != before {
                // Another tab set, changed or cleared the passphrase: this
                // tab's key no longer fits. Start again from storage.
                let _ = window().location().reload();
            }
        }
    });
    // A write still being encrypted, or one that failed, would be lost
    // with the tab: ask the worker first.
    let _ = window_event_listener(leptos::ev::beforeunload, |ev| {
        if vault::writes_pending() {
            ev.prevent_default();
        }
    });
    state
}

/// Locks after the vault record's idle minutes without a key press,
/// pointer or touch, for as long as the calling component is mounted.
pub fn lock_when_idle(lock: LockState) {
    let last_activity = StoredValue::new(js_sys::Date::now());
    let seen = move || last_activity.set_value(js_sys::Date::now());
    let handles = [
        window_event_listener(leptos::ev::keydown, move |_| seen()),
        window_event_listener(leptos::ev::pointerdown, move |_| seen()),
        window_event_listener(leptos::ev::pointermove, move |_| seen()),
        window_event_listener(leptos::ev::wheel, move |_| seen()),
    ];
    let timer = set_interval_with_handle(
        move || {
            let Some(record) = vault::record() else {
                return;
            };
            let idle_ms = js_sys::Date::now() - last_activity.get_value();
            if vault::status() == Status::Open
                && idle_ms >= f64::from(record.idle_minutes) * 60_000.0
            {
                lock.lock_now();
            }
        },
        std::time::Duration::from_secs(5),
    )
    .ok();
    on_cleanup(move || {
        for handle in handles {
            handle.remove();
        }
        if let Some(timer) = timer {
            timer.clear();
        }
    });
}

/// The Lock button in the header, shown while a passphrase is set.
#[component]
pub fn LockButton() -> impl IntoView {
    let lock = expect_context::<LockState>();
    view! {
        <Show when=move || lock.encrypted.get()>
            <button type="button" class="button button-secondary lock-button" on:click=move |_| lock.lock_now()>"Lock"</button>
        </Show>
    }
}

piece! {
    /// The unlock screen, from the passphrase lock's piece of the app.
    lock: pub fn unlock_page() { view! { <UnlockScreen/> }.into_any() }
}

piece! {
    /// The passphrase's settings page, from the lock's piece.
    lock: pub fn passphrase_page() { view! { <PassphrasePage/> }.into_any() }
}

#[component]
pub fn UnlockScreen() -> impl IntoView {
    let lock = expect_context::<LockState>();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    // Left in the lock record by a passphrase change that was cut off.
    let change_cut_off = vault::record().is_some_and(|v| v.previous_key().is_some());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let typed = passphrase.get_untracked();
        leptos::task::spawn_local(async move {
            let perf = window().performance();
            if let Some(perf) = &perf {
                let _ = perf.mark("kinplan:unlock:start");
            }
            match vault::unlock(&typed).await {
                Ok(()) => {
                    // Key derivation and decrypting every record, for `make bench`.
                    if let Some(perf) = &perf {
                        perf.clear_measures_with_measure_name("kinplan:unlock");
                        let _ =
                            perf.measure_with_start_mark("kinplan:unlock", "kinplan:unlock:start");
                    }
                    lock.locked.set(false);
                }
                Err(why) => {
                    error.set(Some(why.to_string()));
                    busy.set(false);
                    if let Some(input) = input.get_untracked() {
                        let _ = input.focus();
                        input.select();
                    }
                }
            }
        });
    };
    view! {
        <main id="main" class="width-container lock-screen" tabindex="-1">
            <h1>"Kinplan is locked"</h1>
            {move || if lock.child_mode.get() {
                view! { <p class="child-ask-worker">"Please ask your worker to unlock Kinplan. Then you can carry on."</p> }.into_any()
            } else {
                view! { <p>"The plans on this device are encrypted. Enter your passphrase to open them."</p> }.into_any()
            }}
            {change_cut_off.then(|| view! {
                <p class="inset-text" id="unlock-change-cut-off">
                    "Kinplan closed while the passphrase was being changed. Use the new passphrase: it opens every plan, and Kinplan finishes the change."
                </p>
            })}
            <form on:submit=submit>
                <div class="form-group" class:form-group-error=move || error.with(Option::is_some)>
                    <label class="label" for="unlock-passphrase">"Passphrase"</label>
                    {move || error.get().map(|why| view! { <p class="error-message" id="unlock-error" role="alert">{why}</p> })}
                    <input id="unlock-passphrase" node_ref=input class="input input-medium" type="password"
                        autocomplete="current-password" autofocus required
                        aria-describedby=move || error.with(Option::is_some).then_some("unlock-error")
                        prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { "Unlocking\u{2026}" } else { "Unlock" }}
                </button>
            </form>
            // Clearing the device is the worker's choice, never a child's.
            <Show when=move || !lock.child_mode.get()>
            <details class="details">
                <summary>"Forgotten your passphrase?"</summary>
                <p>"Nobody can open the plans on this device without it, not even your IT team: that is what keeps them safe if the device is lost."</p>
                <p>"If you have an export of your cases, you can clear this device, then import the export and set a new passphrase."</p>
                <ClearDevice on_cleared=move || {
                    lock.encrypted.set(false);
                    lock.locked.set(false);
                }/>
            </details>
            </Show>
        </main>
    }
}
