//! Parts every tool uses: labelled fields, keyed rows, tabs for each child.

pub mod before_print;
pub mod choice_select;
pub mod fields;
pub mod in_languages;
pub mod keyed;
pub mod per_child;
pub mod score_chart;
pub mod versions;
