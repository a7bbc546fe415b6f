//! The narrative's facts in the record: counted figures, dates and cited policies.

/// A counted fact.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Count {
    /// The phrase that names the count (see the module doc).
    pub label: String,
    /// The value, with 万/亿 applied (except for 万元/亿元).
    pub value: serde_json::Number,
    /// The unit (`条`, `个`, `万元`, `%` …).
    pub unit: String,
    /// The phrase as printed: label, number, unit.
    pub text: String,
    /// The page where `text` starts.
    pub page: Option<u32>,
}

/// A calendar date found in the text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DateFact {
    /// `YYYY-MM-DD`, or `YYYY-MM` when no day is printed.
    pub date: String,
    /// The date as printed (inner spaces kept, line breaks removed).
    pub text: String,
    /// The page where the date starts.
    pub page: Option<u32>,
}

/// A document title cited in the narrative.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Policy {
    /// The title without brackets, whitespace removed.
    pub title: String,
    /// `YYYY-MM-DD` or `YYYY-MM` when the sentence dates the action.
    pub date: Option<String>,
    /// The publication verb attached to the title (`发布`, `印发`, `更新维护` …).
    pub action: Option<String>,
    /// The page where the title's 《 is.
    pub page: Option<u32>,
}
