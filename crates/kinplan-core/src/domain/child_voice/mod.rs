//! The child's own voice: the Three Houses and "I have, I am, I can".
//!
//! What a child says is kept exactly as given: never trimmed, tidied or
//! spell-checked, with the date and who held the pen (the child, or the
//! worker writing for them). The child decides what is shared: anything
//! marked "just for me and my worker" is left out of every view meant for
//! the family, through [`ThreeHouses::shared`] and
//! [`StrengthsStatements::shared`].

pub mod child_lock;
pub mod drawing;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::choice::Choice;
use uuid::Uuid;

use crate::domain::child_voice::drawing::Drawing;

/// A document that belongs to one child of the case.
pub trait ChildDocument {
    fn new_for(child_id: Uuid, now: DateTime<Utc>) -> Self;
    fn child_id(&self) -> Uuid;
    /// Records a change at `now`.
    fn touch(&mut self, now: DateTime<Utc>);
}

/// The child's document in `list`, if they have one.
pub fn of_child<T: ChildDocument>(list: &[T], child_id: Uuid) -> Option<&T> {
    list.iter().find(|d| d.child_id() == child_id)
}

/// The child's document in `list`, made if the child has none yet.
pub fn for_child<T: ChildDocument>(
    list: &mut Vec<T>,
    child_id: Uuid,
    now: DateTime<Utc>,
) -> &mut T {
    match list.iter().position(|d| d.child_id() == child_id) {
        Some(i) => &mut list[i],
        None => {
            list.push(T::new_for(child_id, now));
            list.last_mut().expect("just pushed")
        }
    }
}

/// Who held the pen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Writer {
    #[default]
    Child,
    /// The worker wrote down what the child said.
    Worker,
}

/// The three houses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HouseKind {
    Worries,
    GoodThings,
    Dreams,
}

impl HouseKind {
    /// The question asked in practice, in a child's words.
    pub fn prompt(self) -> &'static str {
        match self {
            HouseKind::Worries => "What are the things that make you feel sad, mad or bad?",
            HouseKind::GoodThings => {
                "What are the things you like, or that make you feel happy or safe?"
            }
            HouseKind::Dreams => "How would your life be if all your worries were better?",
        }
    }

    pub fn default_symbol(self) -> HouseSymbol {
        match self {
            HouseKind::Worries => HouseSymbol::Cloud,
            HouseKind::GoodThings => HouseSymbol::Sun,
            HouseKind::Dreams => HouseSymbol::Star,
        }
    }

    pub fn default_colour(self) -> HouseColour {
        match self {
            HouseKind::Worries => HouseColour::Blue,
            HouseKind::GoodThings => HouseColour::Yellow,
            HouseKind::Dreams => HouseColour::Purple,
        }
    }
}

crate::choices!(HouseKind {
    Worries => "worries", "House of Worries";
    GoodThings => "good-things", "House of Good Things";
    Dreams => "dreams", "House of Dreams";
});

/// The picture on a house's roof.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HouseSymbol {
    Cloud,
    Sun,
    Star,
    Heart,
    Flower,
    Moon,
}

crate::choices!(HouseSymbol {
    Cloud => "cloud", "Cloud";
    Sun => "sun", "Sun";
    Star => "star", "Star";
    Heart => "heart", "Heart";
    Flower => "flower", "Flower";
    Moon => "moon", "Moon";
});

/// A house's colour. The style sheet (`style/child-voice.css`) keeps the
/// fills light, so dark text stays readable on all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HouseColour {
    Blue,
    Yellow,
    Purple,
    Green,
    Pink,
    Orange,
}

crate::choices!(HouseColour {
    Blue => "blue", "Blue";
    Yellow => "yellow", "Yellow";
    Purple => "purple", "Purple";
    Green => "green", "Green";
    Pink => "pink", "Pink";
    Orange => "orange", "Orange";
});

/// One thing the child said or drew.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildEntry {
    pub id: Uuid,
    pub written: DateTime<Utc>,
    pub by: Writer,
    /// Exactly as given.
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "Drawing::is_empty")]
    pub drawing: Drawing,
    /// "Just for me and my worker": never in the family's copy.
    #[serde(default)]
    pub just_for_me: bool,
}

impl ChildEntry {
    pub fn new(by: Writer, now: DateTime<Utc>) -> ChildEntry {
        ChildEntry {
            id: Uuid::new_v4(),
            written: now,
            by,
            text: String::new(),
            drawing: Drawing::default(),
            just_for_me: false,
        }
    }

    /// Nothing written and nothing drawn.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty() && self.drawing.is_empty()
    }
}

/// One house: its look, as the child chose, and what is in it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct House {
    /// The child's name for the house; empty means the usual name.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub symbol: Option<HouseSymbol>,
    #[serde(default)]
    pub colour: Option<HouseColour>,
    #[serde(default)]
    pub entries: Vec<ChildEntry>,
}

/// One child's Three Houses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreeHouses {
    pub id: Uuid,
    pub child_id: Uuid,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// The house the child chose to start with.
    #[serde(default)]
    pub started_with: Option<HouseKind>,
    #[serde(default)]
    pub worries: House,
    #[serde(default)]
    pub good_things: House,
    #[serde(default)]
    pub dreams: House,
}

impl ChildDocument for ThreeHouses {
    fn new_for(child_id: Uuid, now: DateTime<Utc>) -> ThreeHouses {
        ThreeHouses {
            id: Uuid::new_v4(),
            child_id,
            created: now,
            updated: now,
            started_with: None,
            worries: House::default(),
            good_things: House::default(),
            dreams: House::default(),
        }
    }

    fn child_id(&self) -> Uuid {
        self.child_id
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = now;
    }
}

impl ThreeHouses {
    pub fn house(&self, kind: HouseKind) -> &House {
        match kind {
            HouseKind::Worries => &self.worries,
            HouseKind::GoodThings => &self.good_things,
            HouseKind::Dreams => &self.dreams,
        }
    }

    pub fn house_mut(&mut self, kind: HouseKind) -> &mut House {
        match kind {
            HouseKind::Worries => &mut self.worries,
            HouseKind::GoodThings => &mut self.good_things,
            HouseKind::Dreams => &mut self.dreams,
        }
    }

    /// The name the child gave the house, or its usual name.
    pub fn name(&self, kind: HouseKind) -> &str {
        let name = self.house(kind).name.trim();
        if name.is_empty() {
            kind.title()
        } else {
            name
        }
    }

    pub fn symbol(&self, kind: HouseKind) -> HouseSymbol {
        self.house(kind).symbol.unwrap_or(kind.default_symbol())
    }

    pub fn colour(&self, kind: HouseKind) -> HouseColour {
        self.house(kind).colour.unwrap_or(kind.default_colour())
    }

    /// The houses in the order the child met them: the one they started
    /// with first.
    pub fn order(&self) -> Vec<HouseKind> {
        let mut order = HouseKind::ALL.to_vec();
        if let Some(first) = self.started_with {
            order.sort_by_key(|k| *k != first);
        }
        order
    }

    pub fn entry_mut(&mut self, id: Uuid) -> Option<&mut ChildEntry> {
        [&mut self.worries, &mut self.good_things, &mut self.dreams]
            .into_iter()
            .flat_map(|h| h.entries.iter_mut())
            .find(|e| e.id == id)
    }

    /// Removes an entry from whichever house holds it.
    pub fn remove_entry(&mut self, id: Uuid) {
        for house in [&mut self.worries, &mut self.good_things, &mut self.dreams] {
            house.entries.retain(|e| e.id != id);
        }
    }

    /// What the child chose to share from one house, leaving out blanks.
    pub fn shared(&self, kind: HouseKind) -> impl Iterator<Item = &ChildEntry> {
        self.house(kind)
            .entries
            .iter()
            .filter(|e| !e.just_for_me && !e.is_blank())
    }

    pub fn is_empty(&self) -> bool {
        HouseKind::ALL
            .iter()
            .all(|k| self.house(*k).entries.iter().all(ChildEntry::is_blank))
    }
}

/// Grotberg's three kinds of strength, as a child says them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StrengthKind {
    IHave,
    IAm,
    ICan,
}

impl StrengthKind {
    /// Grotberg's statements, offered as starters the child can change.
    pub fn starters(self) -> &'static [&'static str] {
        match self {
            StrengthKind::IHave => &[
                "I have people around me I trust and who love me, no matter what.",
                "I have people who set limits so I know when to stop before there is danger or trouble.",
                "I have people who show me how to do things right.",
                "I have people who want me to learn to do things on my own.",
                "I have people who help me when I am sick, in danger or need to learn.",
            ],
            StrengthKind::IAm => &[
                "I am a person people can like and love.",
                "I am glad to do nice things for others and show I care.",
                "I am respectful of myself and others.",
                "I am willing to be responsible for what I do.",
            ],
            StrengthKind::ICan => &[
                "I can talk to others about things that frighten or bother me.",
                "I can find ways to solve problems I face.",
                "I can control myself when I feel like doing something not right or dangerous.",
                "I can figure out when it is a good time to talk to someone or take action.",
                "I can find someone to help me when I need it.",
            ],
        }
    }
}

crate::choices!(StrengthKind {
    IHave => "i-have", "I have";
    IAm => "i-am", "I am";
    ICan => "i-can", "I can";
});

/// Whose words a statement is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SaidBy {
    #[default]
    Child,
    /// Someone else, about the child: "Nan", "Miss Patel at school".
    SomeoneElse(String),
}

/// One "I have / I am / I can" statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strength {
    pub id: Uuid,
    pub kind: StrengthKind,
    /// In the child's own words, exactly as given.
    pub text: String,
    #[serde(default)]
    pub said_by: SaidBy,
    pub written: DateTime<Utc>,
    #[serde(default)]
    pub by: Writer,
    #[serde(default)]
    pub just_for_me: bool,
}

impl Strength {
    pub fn new(
        kind: StrengthKind,
        text: impl Into<String>,
        by: Writer,
        now: DateTime<Utc>,
    ) -> Strength {
        Strength {
            id: Uuid::new_v4(),
            kind,
            text: text.into(),
            said_by: SaidBy::Child,
            written: now,
            by,
            just_for_me: false,
        }
    }
}

/// One child's "I have / I am / I can" statements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthsStatements {
    pub id: Uuid,
    pub child_id: Uuid,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    #[serde(default)]
    pub statements: Vec<Strength>,
}

impl ChildDocument for StrengthsStatements {
    fn new_for(child_id: Uuid, now: DateTime<Utc>) -> StrengthsStatements {
        StrengthsStatements {
            id: Uuid::new_v4(),
            child_id,
            created: now,
            updated: now,
            statements: Vec::new(),
        }
    }

    fn child_id(&self) -> Uuid {
        self.child_id
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        self.updated = now;
    }
}

impl StrengthsStatements {
    pub fn of_kind(&self, kind: StrengthKind) -> impl Iterator<Item = &Strength> {
        self.statements.iter().filter(move |s| s.kind == kind)
    }

    /// What may go in the family's copy.
    pub fn shared(&self, kind: StrengthKind) -> impl Iterator<Item = &Strength> {
        self.of_kind(kind)
            .filter(|s| !s.just_for_me && !s.text.trim().is_empty())
    }

    pub fn statement_mut(&mut self, id: Uuid) -> Option<&mut Strength> {
        self.statements.iter_mut().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests;
