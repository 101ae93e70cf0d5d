//! Words Kinplan reads and writes for people: the plain-English checker and
//! reading age, text helpers, and dates as people write them.

pub mod dates;
pub mod plain_english;
pub mod print_words;
pub mod reading_age;
pub mod section_check;
pub mod text;
