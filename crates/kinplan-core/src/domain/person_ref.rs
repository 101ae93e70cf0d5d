//! Who said or does something: one of the case's people, or a name typed in.
//!
//! Maps and plans refer to people by id, so renaming "Jenny" once renames
//! her everywhere; a typed name covers people not (yet) on the case. The
//! name is read from the case (`PersonRef::name`, in `case::people`): this
//! module stays below every tool that names someone.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonRef {
    /// A worker, network member or child of the case.
    Person(Uuid),
    /// Someone named only here, e.g. "Health visitor" or "Grandad Joe".
    Named(String),
}

impl Default for PersonRef {
    fn default() -> Self {
        PersonRef::Named(String::new())
    }
}
