//! Reading aloud through the Web Speech API, for children who cannot read
//! yet. Nothing leaves the device: `speechSynthesis` uses the voices the
//! system has.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Whether this browser can read aloud at all.
fn can_speak() -> bool {
    js_sys::Reflect::has(&window(), &JsValue::from_str("speechSynthesis")).unwrap_or(false)
}

/// Reads `text` aloud, stopping whatever was being read.
pub fn speak(text: &str) {
    let Ok(synth) = window().speech_synthesis() else {
        return;
    };
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    utterance.set_lang("en-GB");
    // A little slower than usual, for young listeners.
    utterance.set_rate(0.9);
    synth.cancel();
    synth.speak(&utterance);
}

/// A button that reads `text` aloud; absent where the browser cannot.
#[component]
pub fn ReadAloud(
    #[prop(into)] text: Signal<String>,
    /// The button's words, e.g. "Hear the question".
    #[prop(default = "Hear it")]
    label: &'static str,
) -> impl IntoView {
    can_speak().then(|| {
        view! {
            <button type="button" class="read-aloud" on:click=move |_| text.with_untracked(|t| speak(t))>
                <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                    <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor"/>
                    <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
                </svg>
                <span>{label}</span>
            </button>
        }
    })
}
