//! The fixed words of what families are given on paper, one catalogue per
//! language, so a family in Wales can have their prints in Welsh, or in
//! Welsh and English with the Welsh first, as the Welsh Language Standards'
//! "Active Offer" expects without their asking.
//!
//! A catalogue is a plain struct of strings: the compiler refuses a
//! language that misses one, a translator corrects a line in one file
//! (`welsh.rs`), and no i18n crate is needed for some sixty fixed
//! sentences. Sentences with a gap name it in braces (`{date}`), filled by
//! [`fill`], so a language can put it where its grammar wants. What the
//! worker wrote is never translated: it is printed as written.
//!
//! The Welsh was written for Kinplan and waits for a Welsh speaker's
//! review (`docs/welsh.md`).

mod english;
mod welsh;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::child_voice::{HouseKind, StrengthKind};

pub use english::ENGLISH;
pub use welsh::WELSH;

/// The language a case's family prints are in, chosen per case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrintLanguage {
    #[default]
    English,
    Welsh,
    /// Welsh first, then English, as Welsh public bodies print.
    Bilingual,
}

crate::choices!(PrintLanguage {
    English => "english", "English";
    Welsh => "welsh", "Welsh (Cymraeg)";
    Bilingual => "bilingual", "Welsh and English, Welsh first";
});

impl PrintLanguage {
    /// The catalogues a print reads from, in the order it shows them.
    pub fn catalogues(self) -> &'static [&'static Catalogue] {
        static IN_ENGLISH: [&Catalogue; 1] = [&ENGLISH];
        static IN_WELSH: [&Catalogue; 1] = [&WELSH];
        static WELSH_FIRST: [&Catalogue; 2] = [&WELSH, &ENGLISH];
        match self {
            PrintLanguage::English => &IN_ENGLISH,
            PrintLanguage::Welsh => &IN_WELSH,
            PrintLanguage::Bilingual => &WELSH_FIRST,
        }
    }

    pub fn has_welsh(self) -> bool {
        self != PrintLanguage::English
    }

    pub fn is_default(&self) -> bool {
        *self == PrintLanguage::English
    }
}

/// Every fixed word of the family's prints in one language.
pub struct Catalogue {
    /// The BCP 47 tag the print marks this language's text with.
    pub lang: &'static str,
    pub months: [&'static str; 12],
    /// "Ola and Kuba": how a list of names is joined.
    pub join: fn(&[String]) -> String,
    pub plan: PlanWords,
    pub story: StoryWords,
    pub safety: SafetyPlanWords,
    pub child: ChildWords,
}

/// The child's own prints: their houses, "I have, I am, I can" and their
/// safety plan, spoken to the child.
pub struct ChildWords {
    /// "{name}" in each: the child's first name.
    pub houses_title: &'static str,
    pub own_words: &'static str,
    pub house_of_worries: &'static str,
    pub house_of_good_things: &'static str,
    pub house_of_dreams: &'static str,
    pub worries_prompt: &'static str,
    pub good_things_prompt: &'static str,
    pub dreams_prompt: &'static str,
    pub nothing_from_house: &'static str,
    pub strengths: &'static str,
    pub i_have: &'static str,
    pub i_am: &'static str,
    pub i_can: &'static str,
    pub nothing_here: &'static str,
    /// "{who}": someone else who said it.
    pub said_by: &'static str,
    pub wrote_for: &'static str,
    pub drawing_by: &'static str,
    pub safety_title: &'static str,
    pub keeps_me_safe: &'static str,
    pub people: &'static str,
    pub my_drawings: &'static str,
}

/// The family's safety plan, for them and their network.
pub struct SafetyPlanWords {
    /// "{label}": the case's name.
    pub title: &'static str,
    /// "{date}": the network meeting's day.
    pub agreed_at: &'static str,
    pub our_rules: &'static str,
    pub the_worry: &'static str,
    pub other_rules: &'static str,
    pub no_rule: &'static str,
    pub kept_by: &'static str,
    pub checked_by: &'static str,
    pub how_often: &'static str,
    pub children_do: &'static str,
    pub what_happens_then: &'static str,
    pub when_tested: &'static str,
    pub held: &'static str,
    pub not_held: &'static str,
    pub network: &'static str,
    pub no_network: &'static str,
    pub who: &'static str,
    pub what_they_do: &'static str,
    pub how_to_reach: &'static str,
    pub agreed_to_help: &'static str,
    pub yes: &'static str,
    pub not_yet: &'static str,
    pub bottom_lines: &'static str,
    pub bottom_lines_hint: &'static str,
    /// "{date}".
    pub meeting: &'static str,
    pub who_came: &'static str,
    pub not_recorded: &'static str,
    pub what_was_agreed: &'static str,
    pub what_changed: &'static str,
}

/// Words and Pictures, told to the children.
pub struct StoryWords {
    /// "{names}".
    pub title_for: &'static str,
    /// Who the title speaks to when no child is named yet.
    pub you: &'static str,
    pub sub: &'static str,
    pub who_is_worried: &'static str,
    pub worried_about: &'static str,
    pub what_happened: &'static str,
    pub doing_now: &'static str,
    pub write_together: &'static str,
    pub draw_here: &'static str,
}

/// The family's copy of a plan.
pub struct PlanWords {
    /// "{names}": the children the plan is for.
    pub title_for: &'static str,
    pub title_no_children: &'static str,
    /// "{kind}", "{date}".
    pub printed: &'static str,
    /// The plan's kind in this language, or `None` for the profile's name.
    pub child_protection_plan: Option<&'static str>,
    pub child_in_need_plan: Option<&'static str>,
    pub language: &'static str,
    /// "{languages}".
    pub family_speaks: &'static str,
    pub interpreter_needed: &'static str,
    pub worried: &'static str,
    pub working_well: &'static str,
    pub needs_to_happen: &'static str,
    /// "{date}": the day the family's safety plan was agreed.
    pub safety_plan_note: &'static str,
    pub who_does_what: &'static str,
    pub who: &'static str,
    pub what_they_will_do: &'static str,
    pub by_when: &'static str,
    pub how_we_will_know: &'static str,
    pub not_decided: &'static str,
    pub next_dates: &'static str,
    pub what: &'static str,
    pub when: &'static str,
    /// "{date}".
    pub by_date: &'static str,
    pub dates_to_come: &'static str,
    pub contact: &'static str,
    pub details_to_come: &'static str,
    pub if_not_followed: &'static str,
    pub nothing_yet: &'static str,
    pub schedule: ScheduleWords,
}

/// What each due item is, as the family's plan says it.
pub struct ScheduleWords {
    pub visit: &'static str,
    pub first_core_group: &'static str,
    pub core_group: &'static str,
    pub review_conference: &'static str,
    pub review_report: &'static str,
    /// "{what}", "{date}": the report, with its meeting's day.
    pub review_report_on: &'static str,
    pub cin_review: &'static str,
    pub assessment_update: &'static str,
}

impl Catalogue {
    /// "16 Nov 2026", "16 Tachwedd 2026".
    pub fn date(&self, day: NaiveDate) -> String {
        format!(
            "{} {} {}",
            day.day(),
            self.months[day.month0() as usize],
            day.year()
        )
    }
}

impl ChildWords {
    pub fn house(&self, kind: HouseKind) -> &'static str {
        match kind {
            HouseKind::Worries => self.house_of_worries,
            HouseKind::GoodThings => self.house_of_good_things,
            HouseKind::Dreams => self.house_of_dreams,
        }
    }

    pub fn prompt(&self, kind: HouseKind) -> &'static str {
        match kind {
            HouseKind::Worries => self.worries_prompt,
            HouseKind::GoodThings => self.good_things_prompt,
            HouseKind::Dreams => self.dreams_prompt,
        }
    }

    pub fn strength(&self, kind: StrengthKind) -> &'static str {
        match kind {
            StrengthKind::IHave => self.i_have,
            StrengthKind::IAm => self.i_am,
            StrengthKind::ICan => self.i_can,
        }
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests;
