//! Parts every tool uses: labelled fields, keyed rows, tabs for each child.

pub mod ask_your_worker;
pub mod before_print;
pub mod choice_select;
pub mod error_summary;
pub mod fields;
pub mod in_languages;
pub mod per_child;
pub mod print_language;
pub mod radios;
pub mod score_chart;
pub mod versions;
