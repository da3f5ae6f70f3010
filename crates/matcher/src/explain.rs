//! Explanations: why a hit scored what it did, in words an analyst reads.

use serde::{Serialize, Serializer};

/// Writes an `f32` score as a decimal with three places, so that JSON shows
/// 0.45 rather than 0.44999998807907104.
fn score<S: Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*x) * 1000.0).round() / 1000.0)
}

/// One factor that moved the score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Factor {
    /// Which factor (`birth_date`, `country`, `identifier`, `kind`,
    /// `legal_form`, `weak_alias`).
    pub factor: &'static str,
    /// How much it moved the score.
    #[serde(serialize_with = "score")]
    pub delta: f32,
    /// What it found.
    pub detail: String,
}

impl Factor {
    /// A factor.
    pub fn new(factor: &'static str, delta: f32, detail: String) -> Factor {
        Factor { factor, delta, detail }
    }
}

/// One aligned token pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TokenMatch {
    /// The query token(s).
    pub query: String,
    /// The list token(s).
    pub list: String,
    /// Their similarity.
    #[serde(serialize_with = "score")]
    pub similarity: f32,
    /// How they matched: exact, similar, synonym, initial, joined.
    pub how: String,
}

/// The explanation of one hit.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// One sentence.
    pub summary: String,
    /// The name the query matched best.
    pub matched_name: String,
    /// The score of the name alone.
    #[serde(serialize_with = "score")]
    pub name_score: f32,
    /// Aligned tokens.
    pub tokens: Vec<TokenMatch>,
    /// Query tokens with no counterpart in the list name.
    pub unmatched_query: Vec<String>,
    /// List tokens with no counterpart in the query.
    pub unmatched_list: Vec<String>,
    /// Everything else that moved the score.
    pub factors: Vec<Factor>,
}
