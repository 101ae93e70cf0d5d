//! Prints Kinplan's bank holidays for one of the UK's calendars, one ISO
//! date a line, for the python `holidays` oracle
//! (`tests/oracle/bank_holidays.py`) to check day by day.
//!
//! `cargo run --example bank_holidays -- scotland 2019 2030`, where the
//! calendar is `england-and-wales`, `scotland` or `northern-ireland`.

use kinplan::domain::calendar::HolidayRules;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [calendar, from, to] = args.as_slice() else {
        eprintln!("usage: bank_holidays england-and-wales|scotland|northern-ireland FROM TO");
        std::process::exit(2);
    };
    let rules = match calendar.as_str() {
        "england-and-wales" => HolidayRules::england_and_wales(),
        "scotland" => HolidayRules::scotland(),
        "northern-ireland" => HolidayRules::northern_ireland(),
        other => {
            eprintln!("no calendar called {other}");
            std::process::exit(2);
        }
    };
    let year = |text: &str| {
        text.parse::<i32>().unwrap_or_else(|_| {
            eprintln!("{text} is not a year");
            std::process::exit(2)
        })
    };
    for y in year(from)..=year(to) {
        for day in rules.holidays(y) {
            println!("{day}");
        }
    }
}
