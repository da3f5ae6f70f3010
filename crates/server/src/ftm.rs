//! The FollowTheMoney (FtM) side of the yente-compatible endpoints: veto
//! entities as yente's entity objects (`{id, caption, schema, properties,
//! datasets, referents, target}`), and yente's query examples (`{schema,
//! properties}`) as veto queries.
//!
//! Schema mapping: Person → person; Company, Organization, PublicBody →
//! organization; LegalEntity and Thing → any kind; Vessel → vessel;
//! Airplane → aircraft. Any other schema is refused (`unknown_schema`).

use serde_json::{json, Map, Value};
use veto_matcher::{Query, QueryId};
use veto_model::{Entity, IdKind, Kind, NameRole, PartialDate};

use crate::error::ApiError;

/// The FtM schema of a veto kind.
pub fn schema_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "Person",
        Kind::Organization => "Organization",
        Kind::Vessel => "Vessel",
        Kind::Aircraft => "Airplane",
        Kind::Other => "LegalEntity",
    }
}

/// The schemas a query may name, with the kind each screens for.
pub const SCHEMAS: &[(&str, Option<Kind>)] = &[
    ("Person", Some(Kind::Person)),
    ("Company", Some(Kind::Organization)),
    ("Organization", Some(Kind::Organization)),
    ("PublicBody", Some(Kind::Organization)),
    ("LegalEntity", None),
    ("Thing", None),
    ("Vessel", Some(Kind::Vessel)),
    ("Airplane", Some(Kind::Aircraft)),
];

/// The kind a schema screens for.
///
/// # Errors
///
/// `unknown_schema` for a schema not in [`SCHEMAS`].
pub fn kind_of_schema(schema: &str) -> Result<Option<Kind>, ApiError> {
    SCHEMAS.iter().find(|(s, _)| *s == schema).map(|(_, k)| *k).ok_or_else(|| {
        let all: Vec<&str> = SCHEMAS.iter().map(|(s, _)| *s).collect();
        ApiError::bad_request(
            "unknown_schema",
            format!("unknown schema '{schema}' (expected one of: {})", all.join(", ")),
        )
    })
}

fn id_property(kind: IdKind) -> &'static str {
    match kind {
        IdKind::Passport => "passportNumber",
        IdKind::TaxId => "taxNumber",
        IdKind::Registration => "registrationNumber",
        IdKind::SwiftBic => "swiftBic",
        IdKind::Lei => "leiCode",
        IdKind::Imo => "imoNumber",
        IdKind::Mmsi => "mmsi",
        IdKind::CallSign => "callSign",
        IdKind::AircraftSerial => "serialNumber",
        IdKind::AircraftTail => "registrationNumber",
        IdKind::DigitalCurrency => "cryptoWallets",
        IdKind::Email => "email",
        IdKind::Phone => "phone",
        IdKind::Website => "website",
        IdKind::NationalId | IdKind::DriversLicense | IdKind::SocialSecurity | IdKind::Other => {
            "idNumber"
        }
    }
}

fn date_text(d: &PartialDate) -> String {
    d.to_string()
}

/// The entity as a yente entity object: FtM properties (every value a list
/// of strings), `datasets` = its source.
pub fn entity_json(e: &Entity) -> Value {
    let mut p: Map<String, Value> = Map::new();
    let mut push = |key: &str, v: String| {
        if v.trim().is_empty() {
            return;
        }
        let arr = p.entry(key.to_string()).or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(a) = arr {
            let v = Value::String(v);
            if !a.contains(&v) {
                a.push(v);
            }
        }
    };
    for n in &e.names {
        let key = match n.role {
            NameRole::Primary | NameRole::OriginalScript => "name",
            NameRole::Alias => "alias",
            NameRole::WeakAlias => "weakAlias",
            NameRole::Former => "previousName",
        };
        push(key, n.full.clone());
    }
    for d in &e.birth_dates {
        push("birthDate", date_text(&d.date));
        if let Some(to) = &d.to {
            push("birthDate", date_text(to));
        }
    }
    for b in &e.birth_places {
        push("birthPlace", b.clone());
    }
    for c in &e.nationalities {
        push("nationality", c.code().to_ascii_lowercase());
    }
    for c in &e.citizenships {
        push("citizenship", c.code().to_ascii_lowercase());
    }
    for c in &e.countries {
        push("country", c.code().to_ascii_lowercase());
    }
    if let Some(g) = e.gender {
        push("gender", format!("{g:?}").to_ascii_lowercase());
    }
    for x in &e.positions {
        push("position", x.clone());
    }
    for a in &e.addresses {
        push("address", a.full.clone());
    }
    for i in &e.identifiers {
        push(id_property(i.kind), i.value.clone());
    }
    for pr in &e.programs {
        push("program", pr.code.clone());
    }
    push("topics", "sanction".to_string());
    for r in &e.remarks {
        push("notes", r.clone());
    }
    if let Some(d) = &e.listed_on {
        push("createdAt", date_text(d));
    }
    if let Some(d) = &e.last_updated {
        push("modifiedAt", date_text(d));
    }
    if let Some(v) = &e.vessel {
        if let Some(t) = &v.vessel_type {
            push("type", t.clone());
        }
        if let Some(f) = v.flag {
            push("flag", f.code().to_ascii_lowercase());
        }
        if let Some(t) = &v.tonnage {
            push("tonnage", t.clone());
        }
        if let Some(t) = &v.gross_registered_tonnage {
            push("grossRegisteredTonnage", t.clone());
        }
        if let Some(y) = &v.year_built {
            push("buildDate", y.clone());
        }
    }
    if let Some(a) = &e.aircraft {
        if let Some(m) = &a.model {
            push("model", m.clone());
        }
        if let Some(b) = &a.built {
            push("buildDate", b.clone());
        }
    }
    json!({
        "id": e.id,
        "caption": e.primary_name().unwrap_or(""),
        "schema": schema_of(e.kind),
        "properties": p,
        "datasets": [e.source.as_str()],
        "referents": [],
        "target": true,
    })
}

/// The values of a property: a list of strings, or one string.
fn values(props: &Map<String, Value>, key: &str) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    match props.get(key) {
        Some(Value::Array(a)) => a.iter().filter_map(one).filter(|s| !s.is_empty()).collect(),
        Some(v) => one(v).into_iter().filter(|s| !s.is_empty()).collect(),
        None => Vec::new(),
    }
}

/// One yente query example, read: the names to screen and what goes with
/// them.
#[derive(Clone, Debug)]
pub struct Example {
    /// One veto query per name (all with the same evidence).
    pub queries: Vec<Query>,
    /// The example as echoed back (`{id?, schema, properties}`, values as
    /// lists).
    pub echo: Value,
}

/// Properties carrying names.
const NAME_PROPS: &[&str] = &["name", "alias", "previousName", "weakAlias"];
/// Properties carrying countries.
const COUNTRY_PROPS: &[&str] = &["nationality", "citizenship", "country", "jurisdiction"];
/// Properties carrying identifiers, and their veto type.
const ID_PROPS: &[(&str, Option<&str>)] = &[
    ("idNumber", None),
    ("passportNumber", Some("passport")),
    ("registrationNumber", Some("registration")),
    ("taxNumber", Some("tax_id")),
    ("innCode", Some("tax_id")),
    ("ogrnCode", Some("registration")),
    ("swiftBic", Some("swift")),
    ("leiCode", Some("lei")),
    ("imoNumber", Some("imo")),
    ("mmsi", Some("mmsi")),
    ("serialNumber", None),
];

/// Reads a yente query example. Values FtM would clean away (a birth date
/// or country it cannot read) are dropped, as yente does; a missing name,
/// an unknown schema or an over-long name are errors.
///
/// # Errors
///
/// `invalid_request`, `unknown_schema`, `empty_name`, `name_too_long`.
pub fn read_example(key: &str, v: &Value, max_name_chars: usize) -> Result<Example, ApiError> {
    let bad = |code, m: String| ApiError::bad_request(code, format!("query '{key}': {m}"));
    let Value::Object(obj) = v else {
        return Err(bad(
            "invalid_request",
            "must be an object {\"schema\", \"properties\"}".into(),
        ));
    };
    let schema = match obj.get("schema") {
        Some(Value::String(s)) => s.as_str(),
        None => "LegalEntity",
        Some(_) => return Err(bad("invalid_request", "'schema' must be a string".into())),
    };
    let kind = kind_of_schema(schema).map_err(|e| bad(e.code, e.message))?;
    let props = match obj.get("properties") {
        Some(Value::Object(p)) => p.clone(),
        None => Map::new(),
        Some(_) => return Err(bad("invalid_request", "'properties' must be an object".into())),
    };
    let mut names: Vec<String> = Vec::new();
    for key in NAME_PROPS {
        for n in values(&props, key) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    if names.is_empty() {
        // FtM persons may come as name parts only.
        let parts: Vec<String> =
            ["firstName", "secondName", "middleName", "fatherName", "lastName"]
                .iter()
                .filter_map(|k| values(&props, k).into_iter().next())
                .collect();
        if !parts.is_empty() {
            names.push(parts.join(" "));
        }
    }
    if names.is_empty() {
        return Err(bad(
            "empty_name",
            "no name: give properties.name, e.g. {\"name\": [\"John Doe\"]}".into(),
        ));
    }
    if let Some(n) = names.iter().find(|n| n.chars().count() > max_name_chars) {
        return Err(bad(
            "name_too_long",
            format!(
                "a name of {} characters is longer than the limit of {max_name_chars}",
                n.chars().count()
            ),
        ));
    }
    let birth_date: Option<PartialDate> = values(&props, "birthDate")
        .iter()
        .find_map(|d| d.get(..10.min(d.len())).and_then(|d| d.parse().ok()));
    let country = COUNTRY_PROPS
        .iter()
        .flat_map(|k| values(&props, k))
        .find_map(|c| veto_model::country::resolve(&c));
    let mut identifiers = Vec::new();
    for (prop, kind) in ID_PROPS {
        for v in values(&props, prop) {
            identifiers.push(match kind {
                Some(k) => QueryId::parse(&format!("{k}:{v}")),
                None => QueryId { kind: None, value: v },
            });
        }
    }
    let queries = names
        .into_iter()
        .map(|name| Query { name, kind, birth_date, country, identifiers: identifiers.clone() })
        .collect();
    let echo_props: Map<String, Value> =
        props.keys().map(|k| (k.clone(), json!(values(&props, k)))).collect();
    let mut echo = json!({"schema": schema, "properties": echo_props});
    if let Some(id) = obj.get("id") {
        echo["id"] = id.clone();
    }
    Ok(Example { queries, echo })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        // yente's documented example (the /match docstring).
        let ex = read_example(
            "entity1",
            &json!({"schema": "Person", "properties": {"name": ["John Doe"],
                    "birthDate": ["1975-04-21"], "nationality": ["us"]}}),
            1000,
        )
        .expect("valid");
        assert_eq!(ex.queries.len(), 1);
        let q = &ex.queries[0];
        assert_eq!(q.kind, Some(Kind::Person));
        assert_eq!(q.birth_date.map(|d| d.to_string()).as_deref(), Some("1975-04-21"));
        assert_eq!(q.country.map(|c| c.code().to_string()).as_deref(), Some("US"));
        let ex = read_example(
            "entity2",
            &json!({"schema": "Company", "properties": {"name": ["Brilliant Amazing Limited"],
                    "jurisdiction": ["hk"], "registrationNumber": ["84BA99810"]}}),
            1000,
        )
        .expect("valid");
        assert_eq!(ex.queries[0].kind, Some(Kind::Organization));
        assert_eq!(ex.queries[0].identifiers.len(), 1);
        // A single string instead of a list, and name parts.
        let ex = read_example("k", &json!({"schema": "Person", "properties": {"firstName": "Vladimir", "lastName": ["Putin"]}}), 1000)
            .expect("valid");
        assert_eq!(ex.queries[0].name, "Vladimir Putin");
        // Errors.
        let code = |v: Value| read_example("k", &v, 10).map(|_| ()).unwrap_err().code;
        assert_eq!(code(json!({"schema": "Dog", "properties": {"name": ["x"]}})), "unknown_schema");
        assert_eq!(code(json!({"schema": "Person", "properties": {"name": [" "]}})), "empty_name");
        assert_eq!(
            code(json!({"schema": "Person", "properties": {"name": ["x".repeat(11)]}})),
            "name_too_long"
        );
        assert_eq!(code(json!(["x"])), "invalid_request");
    }
}
