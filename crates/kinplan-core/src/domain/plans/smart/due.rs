//! When an action is due: reading the "by when" a worker typed, as a
//! date, a time that ends ("by the end of June"), or words that set no end.

use chrono::NaiveDate;

use super::wording::contains_phrase;

/// How a "by when" reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Due {
    Missing,
    Date(NaiveDate),
    /// Words that set no end: "ongoing", "asap".
    OpenEnded(String),
    /// "At the next review", with no review date known.
    NextReview,
    /// A time a family and a school can hold to without a day: "by the
    /// end of June", "by the end of the spring term", "in the next 8
    /// weeks". It ends, so it is time-bound; it cannot be checked against
    /// the review date.
    Approximate,
    Unreadable,
}

const OPEN_ENDED: [&str; 18] = [
    "ongoing",
    "on going",
    "on-going",
    "asap",
    "a.s.a.p",
    "as soon as possible",
    "as and when",
    "when needed",
    "when required",
    "as required",
    "as necessary",
    "as needed",
    "tbc",
    "tba",
    "continuous",
    "regularly",
    "throughout",
    "when appropriate",
];
const RECURRING: [&str; 6] = [
    "daily",
    "weekly",
    "monthly",
    "fortnightly",
    "every week",
    "every day",
];
/// The blanks of templates and model agreements.
const PLACEHOLDER_DATES: [&str; 6] = [
    "a certain date",
    "a set date",
    "an agreed date",
    "date to be agreed",
    "dd/mm/yyyy",
    "xx/xx/xxxx",
];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Reads a "by when" as typed: "14/12/2026", "14/12/26", "2026-12-14",
/// "14 Dec 2026", "by 14 December 2026", or words like "ongoing".
pub fn read_due(text: &str, next_review: Option<NaiveDate>) -> Due {
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_end_matches('.');
    // "By a certain date" is a form's blank, not a date.
    if lower.is_empty() || PLACEHOLDER_DATES.iter().any(|p| contains_phrase(lower, p)) {
        return Due::Missing;
    }
    if let Some(word) = OPEN_ENDED
        .iter()
        .chain(RECURRING.iter())
        .find(|w| contains_phrase(lower, w))
    {
        return Due::OpenEnded((*word).to_string());
    }
    let bare = lower.strip_prefix("by ").unwrap_or(lower).trim();
    if bare.contains("review") {
        return next_review.map_or(Due::NextReview, Due::Date);
    }
    match parse_date(bare) {
        Some(date) => Due::Date(date),
        None if names_a_time(bare) => Due::Approximate,
        None => Due::Unreadable,
    }
}

/// A month, a school term or holiday, Christmas, a school year, or a
/// number of days, weeks or months from now.
fn names_a_time(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let month = words.iter().any(|w| {
        w.len() >= 3
            && MONTHS
                .iter()
                .any(|m| w.starts_with(m) && (w.len() == 3 || FULL_MONTHS.contains(w)))
    });
    let school = [
        "term",
        "holidays",
        "holiday",
        "christmas",
        "xmas",
        "easter",
        "transition",
    ]
    .iter()
    .any(|w| words.contains(w))
        || words
            .windows(2)
            .any(|p| p[0] == "year" && p[1].parse::<u8>().is_ok());
    let from_now = words.windows(2).any(|p| {
        p[0].parse::<u16>().is_ok() && ["days", "weeks", "months", "week", "month"].contains(&p[1])
    });
    month || school || from_now
}

const FULL_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Day, month and year in the orders British people write them.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text
        .split(['/', '-', ' ', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| {
        s.trim_end_matches(|ch: char| ch.is_ascii_alphabetic())
            .parse::<u32>()
            .ok()
    };
    let month = |s: &str| {
        number(s).or_else(|| {
            let s = s.to_lowercase();
            MONTHS
                .iter()
                .position(|m| s.starts_with(m))
                .map(|i| i as u32 + 1)
        })
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a)?, month(b)?, number(c)?)
    } else {
        let year = number(c)?;
        (
            if c.len() == 2 { 2000 + year } else { year },
            month(b)?,
            number(a)?,
        )
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}
