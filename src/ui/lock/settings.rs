//! Setting, changing and timing the passphrase lock, and the offer of it
//! on the case list until the worker decides.

use leptos::prelude::*;

use super::LockState;
use crate::domain::persist::vault::{DEFAULT_IDLE_MINUTES, MIN_PASSPHRASE_CHARS};
use crate::route::Route;
use crate::storage::{self, vault};
use crate::ui::state::export::export_cases;
use crate::ui::state::AppState;

/// Minutes the worker can choose before the app locks itself.
const IDLE_CHOICES: [u32; 7] = [1, 2, 5, 10, 15, 30, 60];

/// Why a new passphrase is refused, before anything is encrypted.
fn new_passphrase_problem(new: &str, again: &str) -> Option<String> {
    if new.chars().count() < MIN_PASSPHRASE_CHARS {
        Some(format!("Use at least {MIN_PASSPHRASE_CHARS} characters. A short sentence is easy to remember and hard to guess."))
    } else if new != again {
        Some("The two passphrases are different. Type the same passphrase twice.".into())
    } else {
        None
    }
}

/// A password field with its label and any error.
#[component]
fn PassphraseField(
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="form-group">
            <label class="label" for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <input id=id class="input input-medium" type="password" autocomplete=autocomplete
                aria-describedby=hint.map(|_| hint_id)
                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

/// Its own page, `#/settings/passphrase`, so the offer on the case list
/// lands on it rather than at the top of the practice profile.
#[component]
pub fn PassphrasePage() -> impl IntoView {
    let lock = expect_context::<LockState>();
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumbs"><a href="#/settings">"Settings"</a>" › Passphrase lock"</nav>
        <h1 tabindex="-1">"Passphrase lock"</h1>
        {move || if lock.encrypted.get() {
            view! { <LockOn/> }.into_any()
        } else {
            view! { <TurnOn/> }.into_any()
        }}
    }
}

/// The lock's state on the Settings page, with the way to its page.
#[component]
pub fn LockSummary() -> impl IntoView {
    let lock = expect_context::<LockState>();
    view! {
        <section class="passphrase-settings" aria-labelledby="passphrase-heading">
            <h2 id="passphrase-heading">"Passphrase lock"</h2>
            {move || if lock.encrypted.get() {
                view! {
                    <p>"On: the plans on this device are encrypted."</p>
                    <p><a href="#/settings/passphrase">"Change the passphrase or when Kinplan locks"</a></p>
                }.into_any()
            } else {
                view! {
                    <p>"Off: anyone who can use this browser can read the plans kept in it."</p>
                    <p><a href="#/settings/passphrase">"Set a passphrase"</a></p>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn TurnOn() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lock = expect_context::<LockState>();
    let (new, again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let understood = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (typed, repeated) = (new.get_untracked(), again.get_untracked());
        let refused = new_passphrase_problem(&typed, &repeated).or_else(|| {
            (!understood.get_untracked()).then(|| {
                "Tick the box to say you understand that a forgotten passphrase cannot be recovered.".to_string()
            })
        });
        problem.set(refused.clone());
        if refused.is_some() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match vault::turn_on(&typed, DEFAULT_IDLE_MINUTES).await {
                Ok(()) => {
                    new.set(String::new());
                    again.set(String::new());
                    lock.encrypted.set(true);
                    state.notify(format!("The plans on this device are now encrypted. Kinplan locks after {DEFAULT_IDLE_MINUTES} minutes without use, and when you press Lock."), None);
                }
                Err(e) => problem.set(Some(format!(
                    "The passphrase was not set: {e}. Nothing has been changed."
                ))),
            }
            busy.set(false);
        });
    };
    view! {
        <p>"With a passphrase, the plans on this device are encrypted. Anyone who opens Kinplan on this browser, or takes the device, needs the passphrase to read them. Kinplan locks itself when it is not used for a while."</p>
        <div class="warning-text" id="passphrase-warning">
            <p><strong>"If you forget the passphrase, nobody can open the plans on this device again: not you, and not your IT team."</strong></p>
            <p>"Before you set one, export all your cases and keep the file somewhere safe."</p>
            <p><button type="button" class="button button-secondary" on:click=move |_| {
                let (cases, skipped) = state.index.with_untracked(|i| state.cases(|c| c.load_all_live(i)));
                if !skipped.is_empty() {
                    state.notify(format!("These damaged cases were left out: {}. Open each one to download its data.", skipped.join(", ")), None);
                }
                export_cases(state, "all cases", cases);
            }>"Export all cases"</button></p>
        </div>
        <form on:submit=submit>
            {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
            <PassphraseField id="new-passphrase" label="New passphrase" autocomplete="new-password" value=new
                hint="At least 10 characters. A short sentence is easy to remember and hard to guess."/>
            <PassphraseField id="new-passphrase-again" label="Type the new passphrase again" autocomplete="new-password" value=again/>
            <div class="form-group">
                <label class="checkbox">
                    <input type="checkbox" prop:checked=understood on:change=move |ev| understood.set(event_target_checked(&ev))
                        aria-describedby="passphrase-warning"/>
                    " I understand that a forgotten passphrase cannot be recovered"
                </label>
            </div>
            <button type="submit" class="button">{move || if busy.get() { "Encrypting\u{2026}" } else { "Set passphrase" }}</button>
        </form>
    }
}

#[component]
fn LockOn() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lock = expect_context::<LockState>();
    let idle = RwSignal::new(vault::record().map_or(DEFAULT_IDLE_MINUTES, |r| r.idle_minutes));
    let idle_message = RwSignal::new(None::<String>);
    let (current, new, again) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let set_idle = move |ev: leptos::ev::Event| {
        let Ok(minutes) = event_target_value(&ev).parse::<u32>() else {
            return;
        };
        match vault::set_idle_minutes(minutes) {
            Ok(()) => {
                idle.set(minutes);
                idle_message.set(None);
            }
            Err(e) => idle_message.set(Some(format!("Not saved: {e}."))),
        }
    };
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (old, typed) = (current.get_untracked(), new.get_untracked());
        let refused = new_passphrase_problem(&typed, &again.get_untracked());
        problem.set(refused.clone());
        if refused.is_some() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match vault::change_passphrase(&old, &typed).await {
                Ok(()) => {
                    for field in [current, new, again] {
                        field.set(String::new());
                    }
                    state.notify("The passphrase has been changed. Use the new one from now on.", None);
                }
                Err(vault::ChangeError::WrongPassphrase) => problem.set(Some(
                    "The current passphrase is not right. Nothing has been changed.".into(),
                )),
                Err(vault::ChangeError::Unfinished) => problem.set(Some(
                    "The passphrase cannot be changed yet: an earlier change has not finished, because some plans could not be read. Lock Kinplan and unlock it with the current passphrase to finish it. If this message stays, some plans on this device are damaged: export your cases to keep the others safe.".into(),
                )),
                Err(vault::ChangeError::NotSaved(e)) => problem.set(Some(format!(
                    "The passphrase was not changed: {e}. Your plans are still under the old passphrase."
                ))),
            }
            busy.set(false);
        });
    };
    view! {
        <p>"The plans on this device are encrypted. Remember: a forgotten passphrase cannot be recovered, so keep a recent export somewhere safe."</p>
        <p><button type="button" class="button button-secondary" on:click=move |_| lock.lock_now()>"Lock now"</button></p>
        <div class="form-group">
            <label class="label" for="idle-minutes">"Lock after this long without use"</label>
            {move || idle_message.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
            <select id="idle-minutes" class="select" on:change=set_idle>
                {IDLE_CHOICES.into_iter().map(|m| view! {
                    <option value=m.to_string() selected=move || idle.get() == m>
                        {if m == 1 { "1 minute".to_string() } else { format!("{m} minutes") }}
                    </option>
                }).collect_view()}
            </select>
        </div>
        <form on:submit=change>
            <h2>"Change the passphrase"</h2>
            {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
            <PassphraseField id="current-passphrase" label="Current passphrase" autocomplete="current-password" value=current/>
            <PassphraseField id="changed-passphrase" label="New passphrase" autocomplete="new-password" value=new
                hint="At least 10 characters. Every plan is encrypted again under it: all of them, or none if anything goes wrong."/>
            <PassphraseField id="changed-passphrase-again" label="Type the new passphrase again" autocomplete="new-password" value=again/>
            <button type="submit" class="button">{move || if busy.get() { "Changing\u{2026}" } else { "Change passphrase" }}</button>
        </form>
    }
}

/// Offered on the case list until a passphrase is set or the worker says
/// "Not now".
#[component]
pub fn PassphraseOffer() -> impl IntoView {
    let lock = expect_context::<LockState>();
    let state = expect_context::<AppState>();
    let dismissed = RwSignal::new(storage::passphrase_offer_dismissed());
    view! {
        <Show when=move || !lock.encrypted.get() && !dismissed.get()>
            <section class="passphrase-offer" aria-labelledby="passphrase-offer-heading">
                <h2 id="passphrase-offer-heading">"Protect these plans with a passphrase"</h2>
                <p>"Anyone who can use this browser can read the plans kept in it. A passphrase encrypts them, and Kinplan locks itself when you step away."</p>
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| state.go(Route::Passphrase)>"Set a passphrase"</button>
                    <button type="button" class="button button-secondary" on:click=move |_| {
                        // If it cannot be kept, the offer simply comes back next time.
                        if let Err(e) = storage::dismiss_passphrase_offer() {
                            state.notify(format!("Kinplan could not remember this choice ({e}), so it will ask again."), None);
                        }
                        dismissed.set(true);
                    }>"Not now"</button>
                </div>
            </section>
        </Show>
    }
}
