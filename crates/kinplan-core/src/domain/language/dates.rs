//! Dates written the way British readers expect: "22 Nov 2026", "22/11/2026",
//! "09:05".
//!
//! Written out by hand rather than with chrono's `format`, whose strftime
//! parser would add about 10 KB to the wasm for three fixed patterns.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

pub(crate) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "22 Nov 2026"
pub fn day_month_year(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "22/11/2026"
pub fn numeric(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// "09:05"
pub fn hours_minutes(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_formats() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(day_month_year(date), "7 Mar 2026");
        assert_eq!(numeric(date), "07/03/2026");
        assert_eq!(
            hours_minutes(NaiveTime::from_hms_opt(9, 5, 59).unwrap()),
            "09:05"
        );
        assert_eq!(
            day_month_year(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
            "31 Dec 2026"
        );
    }
}
