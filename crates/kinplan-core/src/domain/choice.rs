//! A closed set of choices shown to people: every value in order, a stable
//! slug for ids, addresses and form values, and a title in plain words.
//!
//! Each enum says its values once, in a [`choices!`] table, rather than in
//! three hand-written `match`es that must be kept in step; the web app's
//! `ChoiceSelect` and the route parser read any of them the same way.

/// Every value of a small enum, with its slug and title.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order they are offered.
    const ALL: &'static [Self];

    /// A stable name for ids, addresses and form values. Never shown.
    fn slug(self) -> &'static str;

    /// What people read.
    fn title(self) -> &'static str;

    /// The value whose slug this is.
    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.slug() == slug)
    }
}

/// Implements [`Choice`] for an enum from one table of
/// `Variant => "slug", "Title";` rows, in the order they are offered.
#[macro_export]
macro_rules! choices {
    ($ty:ident { $($variant:ident => $slug:literal, $title:literal;)+ }) => {
        impl $crate::domain::choice::Choice for $ty {
            const ALL: &'static [$ty] = &[$($ty::$variant),+];

            fn slug(self) -> &'static str {
                match self {
                    $($ty::$variant => $slug),+
                }
            }

            fn title(self) -> &'static str {
                match self {
                    $($ty::$variant => $title),+
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::Choice;
    use crate::domain::case::Tool;
    use crate::domain::child_voice::drawing::Ink;
    use crate::domain::child_voice::{HouseColour, HouseKind, HouseSymbol, StrengthKind};
    use crate::domain::persist::export::ClashChoice;
    use crate::domain::persist::index::CaseOrder;
    use crate::domain::plans::quality::Answer;
    use crate::domain::plans::{ActionStatus, EventKind, HarmCategory, PlanKind, ReviewKind};
    use crate::domain::resilience::{Quadrant, ResilienceDomain};
    use crate::domain::safety_map::{MapColumn, MapSection};

    fn round_trips<T: Choice + std::fmt::Debug>() {
        let slugs: Vec<&str> = T::ALL.iter().map(|c| c.slug()).collect();
        let mut unique = slugs.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), slugs.len(), "slugs repeat: {slugs:?}");
        for &choice in T::ALL {
            assert_eq!(T::from_slug(choice.slug()), Some(choice));
            assert!(!choice.title().is_empty());
        }
        assert_eq!(T::from_slug("no-such-thing"), None);
    }

    #[test]
    fn every_choice_reads_back_from_its_slug() {
        round_trips::<Tool>();
        round_trips::<HouseKind>();
        round_trips::<StrengthKind>();
        round_trips::<ActionStatus>();
        round_trips::<HarmCategory>();
        round_trips::<Quadrant>();
        round_trips::<ResilienceDomain>();
        round_trips::<MapColumn>();
        round_trips::<MapSection>();
        round_trips::<CaseOrder>();
        round_trips::<EventKind>();
        round_trips::<HouseSymbol>();
        round_trips::<HouseColour>();
        round_trips::<Ink>();
        round_trips::<PlanKind>();
        round_trips::<ReviewKind>();
        round_trips::<Answer>();
        round_trips::<ClashChoice>();
    }
}
