//! The JSON wire format shared by `veto screen` (batch input and JSON
//! output) and `veto serve`, so that both read the same queries and write
//! the same hits.
//!
//! A query is one object `{"id"?, "name", "kind"?, "birth_date"?,
//! "country"?, "identifiers"?}`; identifiers are `"TYPE:VALUE"` strings,
//! `{"type", "value"}` objects, or one string of values separated by `;`.

use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};
use veto_model::Kind;

use crate::{Hit, Matcher, Query, QueryId};

/// A score for JSON output: three decimals, so that an `f32` does not print
/// as 0.800000011920929.
pub fn score(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// Removes nulls, empty arrays and objects, `false` flags and empty strings
/// from JSON, so that entity JSON shows what the list says and nothing else.
pub fn compact(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, compact(v)))
                .filter(|(_, v)| match v {
                    Value::Null | Value::Bool(false) => false,
                    Value::Array(a) => !a.is_empty(),
                    Value::Object(o) => !o.is_empty(),
                    Value::String(s) => !s.is_empty(),
                    _ => true,
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(compact).collect()),
        v => v,
    }
}

/// The JSON form of a hit: `{"entity_id", "score", "name", "matched_name",
/// "source", "kind", "programs", "explanation"}`.
pub fn hit_json(m: &Matcher, h: &Hit) -> Value {
    let e = m.entity(h);
    json!({
        "entity_id": e.id,
        "score": score(h.score),
        "name": e.primary_name(),
        "matched_name": h.explanation.matched_name,
        "source": e.source,
        "kind": e.kind,
        "programs": e.programs.iter().map(|p| p.code.clone()).collect::<Vec<_>>(),
        "explanation": h.explanation,
    })
}

/// One query as JSON: a batch input line of `veto screen --input`, or the
/// body of `POST /v1/screen`. Unknown fields are ignored.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct WireQuery {
    /// The caller's id for the query, echoed in the output.
    #[serde(default)]
    pub id: Option<Value>,
    /// The name to screen.
    #[serde(default)]
    pub name: Option<String>,
    /// person, organization, vessel, aircraft (and synonyms).
    #[serde(default)]
    pub kind: Option<String>,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    #[serde(default)]
    pub birth_date: Option<String>,
    /// ISO code or country name.
    #[serde(default)]
    pub country: Option<String>,
    /// Identifiers, `TYPE:VALUE`.
    #[serde(default, deserialize_with = "ids_or_string")]
    pub identifiers: Vec<String>,
}

fn ids_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(match v {
        Value::Null => Vec::new(),
        Value::String(s) => {
            s.split(';').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
        }
        Value::Array(a) => a
            .into_iter()
            .map(|x| match x {
                Value::String(s) => s,
                Value::Object(o) => {
                    let t = o.get("type").and_then(Value::as_str).unwrap_or("");
                    let v = o.get("value").and_then(Value::as_str).unwrap_or("");
                    if t.is_empty() {
                        v.to_string()
                    } else {
                        format!("{t}:{v}")
                    }
                }
                other => other.to_string(),
            })
            .collect(),
        other => vec![other.to_string()],
    })
}

/// Why a [`WireQuery`] cannot be screened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// A stable code: `empty_name`, `unknown_kind`, `invalid_birth_date`,
    /// `unknown_country`.
    pub code: &'static str,
    /// What is wrong, for people.
    pub message: String,
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for QueryError {}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl WireQuery {
    /// Validates the query and turns it into a matcher [`Query`].
    ///
    /// # Errors
    ///
    /// A missing or blank name, an unknown kind or country, or a birth date
    /// that is not YYYY, YYYY-MM or YYYY-MM-DD.
    pub fn to_query(&self) -> Result<Query, QueryError> {
        let err = |code, message: String| Err(QueryError { code, message });
        let Some(name) = self.name.as_ref().filter(|n| !n.trim().is_empty()) else {
            return err("empty_name", "missing 'name'".into());
        };
        let kind = match non_empty(&self.kind) {
            None => None,
            Some(k) => match Kind::parse(k) {
                Some(k) => Some(k),
                None => return err("unknown_kind", format!("unknown kind '{k}'")),
            },
        };
        let birth_date = match non_empty(&self.birth_date) {
            None => None,
            Some(d) => match d.parse() {
                Ok(d) => Some(d),
                Err(e) => return err("invalid_birth_date", format!("{e}")),
            },
        };
        let country = match non_empty(&self.country) {
            None => None,
            Some(c) => match veto_model::country::resolve(c) {
                Some(c) => Some(c),
                None => return err("unknown_country", format!("unknown country '{c}'")),
            },
        };
        let identifiers = self.identifiers.iter().map(|s| QueryId::parse(s)).collect();
        Ok(Query { name: name.clone(), kind, birth_date, country, identifiers })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(v: Value) -> Result<Query, QueryError> {
        serde_json::from_value::<WireQuery>(v).expect("deserializes").to_query()
    }

    #[test]
    fn compaction() {
        let v = json!({"a": null, "b": [], "c": {"d": false, "e": 1}, "f": "", "g": [{"h": null}]});
        assert_eq!(compact(v), json!({"c": {"e": 1}, "g": [{}]}));
    }

    #[test]
    fn queries() {
        let ok = q(json!({"name": "Vladimir Putin", "kind": "individual", "birth_date": "1952-10",
                          "country": "Russia", "identifiers": "passport:1; 2"}))
        .expect("valid");
        assert_eq!(ok.kind, Some(Kind::Person));
        assert_eq!(ok.country.map(|c| c.code().to_string()).as_deref(), Some("RU"));
        assert_eq!(ok.identifiers.len(), 2);
        assert_eq!(q(json!({"name": "  "})).map(|_| ()).unwrap_err().code, "empty_name");
        assert_eq!(q(json!({})).map(|_| ()).unwrap_err().code, "empty_name");
        assert_eq!(
            q(json!({"name": "x", "kind": "cat"})).map(|_| ()).unwrap_err().code,
            "unknown_kind"
        );
        assert_eq!(
            q(json!({"name": "x", "birth_date": "1952-13-01"})).map(|_| ()).unwrap_err().code,
            "invalid_birth_date"
        );
        assert_eq!(
            q(json!({"name": "x", "country": "Atlantis"})).map(|_| ()).unwrap_err().code,
            "unknown_country"
        );
        let ids =
            q(json!({"name": "x", "identifiers": [{"type": "imo", "value": "9187629"}, "AB1"]}))
                .expect("valid");
        assert_eq!(ids.identifiers.len(), 2);
    }
}
