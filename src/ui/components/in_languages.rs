//! The same words in each language of a print: Welsh first and English
//! after it on a bilingual print, each marked with its language so a screen
//! reader speaks it with the right voice (WCAG 3.1.2).

use leptos::prelude::*;

use crate::domain::language::print_words::{Catalogue, PrintLanguage};

/// `said` in each of `language`'s catalogues, the first in full and the
/// others after it in a quieter style; words that read the same in every
/// language (a name) show once.
#[component]
pub fn InLanguages(said: Vec<(&'static str, String)>) -> impl IntoView {
    let mut said = said;
    said.dedup_by(|next, first| next.1 == first.1);
    said.into_iter()
        .enumerate()
        .map(|(i, (lang, text))| {
            view! { <span lang=lang class=(i > 0).then_some("second-language")>{text}</span> }
        })
        .collect_view()
}

/// A fixed sentence of the catalogue in each language of the print.
pub fn say(
    language: PrintLanguage,
    words: fn(&Catalogue) -> &'static str,
) -> Vec<(&'static str, String)> {
    language
        .catalogues()
        .iter()
        .map(|c| (c.lang, words(c).to_string()))
        .collect()
}

/// A table's column headings in each language of the print: `columns`
/// gives one catalogue's headings, left to right.
#[component]
pub fn ColumnHeadings(
    language: PrintLanguage,
    columns: fn(&Catalogue) -> Vec<&'static str>,
) -> impl IntoView {
    let each: Vec<_> = language
        .catalogues()
        .iter()
        .map(|c| (c.lang, columns(c)))
        .collect();
    let count = each.first().map_or(0, |(_, headings)| headings.len());
    let headings = (0..count).map(|i| {
        let said = each
            .iter()
            .map(|(lang, headings)| (*lang, headings[i].to_string()))
            .collect();
        view! { <th scope="col"><InLanguages said/></th> }
    });
    view! { <thead><tr>{headings.collect_view()}</tr></thead> }
}
