//! The profile's timescales, each with its unit and whether national
//! guidance or local practice sets it, and the council's own holidays.

use leptos::prelude::*;

use crate::domain::language::dates::day_month_year;
use crate::domain::persist::export::MAX_TEXT_CHARS;
use crate::domain::profile::{Period, TIMESCALES};
use crate::ui::components::fields::input_date;

use super::ProfileChange;

const UNITS: [(&str, &str); 4] = [
    ("days", "days"),
    ("working_days", "working days"),
    ("weeks", "weeks"),
    ("months", "months"),
];

#[component]
pub(super) fn TimescaleTable(change: ProfileChange) -> impl IntoView {
    let profile = change.profile();
    view! {
        <table class="table timescales">
            <caption class="visually-hidden">"Timescales"</caption>
            <thead><tr><th scope="col">"What"</th><th scope="col">"How many"</th><th scope="col">"Of what"</th><th scope="col">"Set by"</th></tr></thead>
            <tbody>
                {TIMESCALES.iter().map(|field| {
                    let period = move || profile.with(|p| (field.get)(&p.timescales));
                    let label = move || profile.with(|p| (field.label)(&p.names));
                    let count_id = format!("timescale-{}-count", field.key);
                    view! {
                        <tr>
                            <th scope="row"><label for=count_id.clone()>{label}</label></th>
                            <td>
                                <input id=count_id class="input input-short" type="number" min="1" max=move || period().max_count()
                                    prop:value=move || period().count().to_string()
                                    on:change=move |ev| {
                                        let typed = event_target_value(&ev);
                                        match typed.trim().parse::<u32>().ok().and_then(|n| Period::from_parts(n, period().unit())) {
                                            Some(p) => { change.apply(move |profile| (field.set)(&mut profile.timescales, p)); }
                                            None => change.refuse(format!("Not changed: \u{201c}{typed}\u{201d} is not a whole number ({}).", label())),
                                        }
                                        // A refused number does not stay on screen as if kept.
                                        event_target::<web_sys::HtmlInputElement>(&ev).set_value(&period().count().to_string());
                                    }/>
                            </td>
                            <td>
                                <select id=format!("timescale-{}-unit", field.key) class="select" aria-label=move || format!("Unit for: {}", label())
                                    on:change=move |ev| {
                                        if let Some(p) = Period::from_parts(period().count(), &event_target_value(&ev)) {
                                            change.apply(move |profile| (field.set)(&mut profile.timescales, p));
                                        }
                                        event_target::<web_sys::HtmlSelectElement>(&ev).set_value(period().unit());
                                    }>
                                    {UNITS.iter().map(|(value, label)| view! {
                                        <option value=*value selected=move || period().unit() == *value>{*label}</option>
                                    }).collect_view()}
                                </select>
                            </td>
                            <td>{move || if profile.with(|p| p.is_set_nationally(field.key)) { "National guidance" } else { "Local practice" }}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The council's own public holidays, which working days skip as they
/// skip the nation's bank holidays.
#[component]
pub(super) fn LocalHolidays(change: ProfileChange) -> impl IntoView {
    let profile = change.profile();
    let shown = move || {
        profile.with(|p| {
            p.holidays
                .local
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
    };
    let save = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let mut days = Vec::new();
        for line in typed.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match input_date(line) {
                Some(day) => days.push(day),
                None => {
                    change.refuse(format!("The local holidays were not saved: \u{201c}{line}\u{201d} is not a date. Write each as year-month-day, such as 2027-04-19."));
                    return;
                }
            }
        }
        days.sort();
        days.dedup();
        change.apply(move |p| p.holidays.local = days);
    };
    view! {
        <h2>"Bank holidays"</h2>
        <p>{move || profile.with(|p| {
            let such_as = p.holidays.extra.last()
                .map(|d| format!(", such as {}", day_month_year(*d)))
                .unwrap_or_default();
            format!(
                "{} yearly bank holidays and {} one-off days from the nation\u{2019}s calendar{such_as}.",
                p.holidays.rules.len(),
                p.holidays.extra.len(),
            )
        })}</p>
        <div class="form-group">
            <label class="label" for="profile-local-holidays">"Your council\u{2019}s own holidays"</label>
            <p class="hint" id="profile-local-holidays-hint">"One date per line, as year-month-day (2027-04-19). Working days skip them too."</p>
            <textarea maxlength=MAX_TEXT_CHARS id="profile-local-holidays" class="textarea input-medium" rows="4"
                aria-describedby="profile-local-holidays-hint" prop:value=shown on:change=save></textarea>
        </div>
    }
}
