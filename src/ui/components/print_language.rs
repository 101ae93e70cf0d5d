//! The language of a family's prints, chosen once for the case: Wales's
//! "Active Offer" means a Welsh family gets Welsh without having to ask.

use leptos::prelude::*;

use crate::domain::language::print_words::PrintLanguage;
use crate::ui::components::choice_select::ChoiceSelect;
use crate::ui::state::OpenCase;

#[component]
pub fn PrintLanguageChoice() -> impl IntoView {
    let open = expect_context::<OpenCase>();
    let chosen = open.select(|c| c.family_prints);
    view! {
        <div class="print-language-choice no-print">
            <ChoiceSelect id="family-prints" label="Language of the family\u{2019}s prints"
                value=Signal::derive(move || Some(chosen.get()))
                on_change=Callback::new(move |language: PrintLanguage| open.edit(|c| c.family_prints = language))/>
            <Show when=move || chosen.get().has_welsh()>
                <p class="hint">"The headings and fixed sentences are in Welsh; what you wrote is printed as you wrote it. The plain-English checker does not judge Welsh, so nothing Welsh is checked below. The Welsh waits for review by a Welsh speaker."</p>
            </Show>
        </div>
    }
}
