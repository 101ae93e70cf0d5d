//! The reading age of the sample family's printed plan, for `make bench`.
//!
//! `cargo run --example reading_age -- tests/fixtures/sample-family.json 2026-12-03`
//! reads an export file and prints, for the family's copy of each plan as
//! printed on the given day (children's ages are in it), the estimated
//! reading age section by section and overall, and the hardest sentence
//! of each section over the target.

use kinplan::domain::language::reading_age::TARGET_READING_AGE;
use kinplan::domain::persist::export::parse_export;
use kinplan::domain::plans::family_plan::FamilyPlan;
use kinplan::domain::profile::PracticeProfile;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/sample-family.json".into());
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file = parse_export(&bytes).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    let profile = PracticeProfile::england();
    let today = std::env::args()
        .nth(2)
        .map(|day| {
            chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .unwrap_or_else(|e| panic!("the day must be YYYY-MM-DD: {e}"))
        })
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    for case in &file.cases {
        for plan in &case.documents.plans {
            let family = FamilyPlan::new(case, plan, &profile, today);
            let overall = family.readability();
            println!(
                "\n{}, {}: reading age {:.1} (target {TARGET_READING_AGE:.0} or under), {:.1} words a sentence",
                case.label,
                family.title,
                overall.reading_age(),
                overall.words_per_sentence()
            );
            for check in family.check(&profile) {
                println!(
                    "  {:<28} reading age {:>4.1}, {:>4.1} words a sentence, {} jargon",
                    check.section,
                    check.readability.reading_age(),
                    check.readability.words_per_sentence(),
                    check.jargon.len()
                );
                if let Some(hardest) = &check.hardest {
                    println!("    hardest to read: {hardest}");
                }
            }
        }
    }
}
