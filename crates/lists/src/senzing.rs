//! Senzing entity records: JSON lines, concatenated JSON objects, or one
//! JSON array of records.
//!
//! A Senzing record (<https://senzing.com/docs/entity_specification/>) is a
//! JSON object with `DATA_SOURCE`, `RECORD_ID`, an optional `RECORD_TYPE`
//! (`PERSON`, `ORGANIZATION`…) and *features*, given either
//!
//! * grouped in lists of objects, named freely (`NAMES`, `DATES`,
//!   `COUNTRIES`, `ADDRESSES`, `IDENTIFIERS`, `RELATIONSHIPS`, `RISKS`…):
//!   `"NAMES": [{"NAME_TYPE": "PRIMARY", "NAME_FULL": "…"}]`; or
//! * flat at the top level, with an optional usage label in front of the
//!   attribute: `"PRIMARY_NAME_FULL": "…"`, `"HOME_ADDR_CITY": "…"`.
//!
//! Attributes are recognised by their suffix wherever they are, so both
//! styles (and mixes) read the same:
//!
//! * names: `NAME_FULL`, `NAME_ORG`, or `NAME_FIRST`/`NAME_MIDDLE`/`NAME_LAST`
//!   (+`NAME_PREFIX`/`NAME_SUFFIX`); `NAME_TYPE` (or the label) `PRIMARY` is
//!   the primary name, `FORMER`/`FKA` a former name, `NATIVE` the original
//!   script, anything else an alias;
//! * `DATE_OF_BIRTH` (ISO or English dates), `GENDER`, `NATIONALITY`,
//!   `CITIZENSHIP`, `PLACE_OF_BIRTH`, `REGISTRATION_COUNTRY` and
//!   `COUNTRY_OF_ASSOCIATION` (codes or names);
//! * addresses from `ADDR_FULL` or `ADDR_LINE1..6`, `ADDR_CITY`,
//!   `ADDR_STATE`, `ADDR_POSTAL_CODE`, `ADDR_COUNTRY`;
//! * identifiers: `PASSPORT_NUMBER`, `NATIONAL_ID_NUMBER`, `TAX_ID_NUMBER`,
//!   `DRIVERS_LICENSE_NUMBER`, `SSN_NUMBER`, `LEI_NUMBER`, `DUNS_NUMBER`,
//!   `OTHER_ID_NUMBER`/`OTHER_ID_TYPE`, `TRUSTED_ID_NUMBER`/`TRUSTED_ID_TYPE`
//!   (each with its `…_COUNTRY` or `…_STATE`), `PHONE_NUMBER`,
//!   `EMAIL_ADDRESS`, `WEBSITE_ADDRESS`;
//! * `REL_POINTER_KEY` (+`_ROLE`, `_DOMAIN`): a relation to that record. The
//!   target's name is filled in when the record is in the file, and an
//!   `Occupancy` pointer (OpenSanctions' exports: a PEP occupies a position
//!   record such as `United States representative`) also adds that name to
//!   the entity's positions. `REL_ANCHOR_*` only makes a record pointable
//!   and carries nothing else.
//! * `RISKS`' `TOPIC` (`role.pep`, `sanction`) and `URL` become remarks,
//!   `LAST_CHANGE` the last-updated date.
//!
//! Anything else is kept verbatim as a remark `KEY: value`.
//!
//! `DATA_SOURCE`, lowercased, names the dataset (`os_us_congress`); a file
//! mixing several data sources is named by its file stem. A record without
//! `RECORD_TYPE` is an organization if its names are `NAME_ORG`, otherwise of
//! kind other (OpenSanctions exports position records that way).

use std::collections::HashMap;

use serde_json::{Map, Value};
use veto_model::{
    country, Address, BirthDate, Country, Entity, EntityId, Gender, IdKind, Identifier, Kind, Name,
    NameRole, PartialDate, Provenance, Relation, RelationKind, Source,
};

use crate::error::{Error, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::{clean, parse_date_en};

/// Parses one file.
///
/// # Errors
///
/// Fails on malformed JSON, or (strict mode) on records without
/// `RECORD_ID` or name.
pub fn parse(input: &Input, sink: &mut Sink) -> Result<Vec<Entity>> {
    let text = input.text()?;
    let file = input.name.as_str();
    let mut st = State::default();
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        let records: Vec<Value> = serde_json::from_str(text).map_err(|e| syntax(file, &e))?;
        for (i, v) in records.into_iter().enumerate() {
            st.record(file, v, i as u64 + 1, None, sink)?;
        }
    } else {
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
        let bytes = text.as_bytes();
        let (mut pos, mut line) = (0usize, 1u64);
        let mut record = 0u64;
        loop {
            // The line the next value starts on: count the newlines up to
            // its first non-blank byte.
            while let Some(&b) = bytes.get(pos) {
                if !b.is_ascii_whitespace() {
                    break;
                }
                if b == b'\n' {
                    line += 1;
                }
                pos += 1;
            }
            let Some(next) = stream.next() else { break };
            let v = next.map_err(|e| syntax(file, &e))?;
            record += 1;
            st.record(file, v, record, Some(line), sink)?;
            let end = stream.byte_offset();
            line +=
                bytes.get(pos..end).map_or(0, |s| s.iter().filter(|&&b| b == b'\n').count() as u64);
            pos = end;
        }
    }
    st.finish(file, sink)
}

fn syntax(file: &str, e: &serde_json::Error) -> Error {
    let loc = if e.line() > 0 { Location::Line(e.line() as u64) } else { Location::File };
    Error::syntax(file, loc, format!("invalid JSON: {}", crate::ftm::json_msg(e)))
}

/// What is collected while reading.
#[derive(Default)]
struct State {
    entities: Vec<Entity>,
    /// Record id → index in `entities`.
    by_id: HashMap<String, usize>,
    /// Relations to resolve once every record is read: (entity index,
    /// relation index, role).
    pointers: Vec<(usize, usize, String)>,
    data_sources: Vec<String>,
}

impl State {
    fn record(
        &mut self,
        file: &str,
        v: Value,
        record: u64,
        line: Option<u64>,
        sink: &mut Sink,
    ) -> Result<()> {
        sink.records += 1;
        let loc = Location::Record { record, line };
        let Value::Object(obj) = v else {
            return sink.bad_record(Error::invalid(file, loc, "not a JSON object"));
        };
        let Some(id) = obj.get("RECORD_ID").and_then(scalar) else {
            return sink.bad_record(Error::invalid(file, loc, "record without RECORD_ID"));
        };
        if let Some(ds) = obj.get("DATA_SOURCE").and_then(scalar) {
            let ds = ds.to_ascii_lowercase();
            if !self.data_sources.contains(&ds) {
                self.data_sources.push(ds);
            }
        }
        let rtype = obj.get("RECORD_TYPE").or_else(|| obj.get("ENTITY_TYPE")).and_then(scalar);
        let mut e = Entity::new(Source::Senzing, &id, Kind::Other);
        e.provenance = Provenance { file: file.to_string(), record, line };
        let mut r = Reader {
            e: &mut e,
            sink,
            org_names: false,
            primary_explicit: false,
            pointers: Vec::new(),
        };
        // Flat attributes at the top level, then every list of feature objects.
        r.features(&obj, true);
        for (key, value) in &obj {
            if let Value::Array(items) = value {
                for item in items {
                    match item {
                        Value::Object(m) => r.features(m, false),
                        other => r.other(key, other),
                    }
                }
            }
        }
        let org_names = r.org_names;
        let pointers = std::mem::take(&mut r.pointers);
        e.kind = match rtype.as_deref() {
            Some(t) => match t.to_ascii_uppercase().as_str() {
                "PERSON" | "INDIVIDUAL" => Kind::Person,
                "ORGANIZATION" | "ORGANISATION" | "COMPANY" | "BUSINESS" | "ENTITY" => {
                    Kind::Organization
                }
                "VESSEL" | "SHIP" => Kind::Vessel,
                "AIRCRAFT" | "AIRPLANE" => Kind::Aircraft,
                other => {
                    e.remarks.push(format!("RECORD_TYPE: {other}"));
                    Kind::Other
                }
            },
            None if org_names => Kind::Organization,
            None => Kind::Other,
        };
        if e.names.is_empty() {
            return sink.bad_record(Error::invalid(file, loc, format!("record {id} has no name")));
        }
        let idx = self.entities.len();
        for (rel, role) in pointers {
            self.pointers.push((idx, rel, role));
        }
        self.by_id.entry(id).or_insert(idx);
        self.entities.push(e);
        Ok(())
    }

    fn finish(mut self, file: &str, sink: &mut Sink) -> Result<Vec<Entity>> {
        // Fill in the names of pointed-at records, and positions for Occupancy.
        for (idx, rel, role) in std::mem::take(&mut self.pointers) {
            let key = match self.entities.get(idx).and_then(|e| e.relations.get(rel)) {
                Some(r) => r.target_id.as_ref().map(|t| t.native().to_string()).unwrap_or_default(),
                None => continue,
            };
            let Some(name) = self
                .by_id
                .get(&key)
                .and_then(|&j| self.entities.get(j))
                .and_then(|t| t.primary_name().map(str::to_string))
            else {
                continue;
            };
            if let Some(e) = self.entities.get_mut(idx) {
                if let Some(r) = e.relations.get_mut(rel) {
                    r.target_name = name.clone();
                }
                if role.eq_ignore_ascii_case("occupancy") {
                    Entity::push_unique(&mut e.positions, name);
                }
            }
        }
        sink.dataset = Some(match self.data_sources.as_slice() {
            [one] => one.clone(),
            _ => {
                let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
                base.split('.').next().filter(|s| !s.is_empty()).unwrap_or("senzing").to_string()
            }
        });
        Ok(self.entities)
    }
}

/// A string or number value as text.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A country as Senzing files write it: a code (`us`, `USA`) or a name.
fn senzing_country(s: &str) -> Option<Country> {
    Country::from_code(s).or_else(|| country::resolve(s))
}

/// A date of birth: ISO (`1972`, `1972-05`, `1972-05-03`, with or without a
/// time) or English (`3 May 1972`).
fn senzing_date(s: &str) -> Option<PartialDate> {
    let t = s.trim();
    let date = t.split('T').next().unwrap_or(t);
    date.parse().ok().or_else(|| parse_date_en(t))
}

/// Top-level keys that are the record's own, not features.
const RECORD_KEYS: &[&str] =
    &["DATA_SOURCE", "RECORD_ID", "RECORD_TYPE", "LAST_CHANGE", "URL", "ENTITY_TYPE"];

/// Reads the features of one object into the entity.
struct Reader<'a> {
    e: &'a mut Entity,
    sink: &'a mut Sink,
    org_names: bool,
    /// A name typed PRIMARY was seen.
    primary_explicit: bool,
    /// Relations added (their index) with their role, to resolve later.
    pointers: Vec<(usize, String)>,
}

impl Reader<'_> {
    fn other(&mut self, key: &str, v: &Value) {
        let text = scalar(v).unwrap_or_else(|| v.to_string());
        if !text.is_empty() && text != "null" {
            self.e.remarks.push(format!("{key}: {text}"));
        }
    }

    /// Reads one attribute map: the record itself (`top`) or a feature object.
    fn features(&mut self, m: &Map<String, Value>, top: bool) {
        // Attributes grouped by their usage label (`PRIMARY_NAME_FULL` →
        // label `PRIMARY`, attribute `NAME_FULL`).
        let mut groups: Vec<(String, Vec<(&'static str, String)>)> = Vec::new();
        for (key, value) in m {
            if top && RECORD_KEYS.contains(&key.as_str()) {
                match key.as_str() {
                    "LAST_CHANGE" => match value.as_str().and_then(senzing_date) {
                        Some(d) => self.e.last_updated = Some(d),
                        None => self.other(key, value),
                    },
                    "URL" => self.other(key, value),
                    _ => {}
                }
                continue;
            }
            if value.is_array() || value.is_null() {
                continue;
            }
            let Some(text) = scalar(value) else {
                if !value.is_object() || !value.as_object().is_some_and(Map::is_empty) {
                    self.other(key, value);
                }
                continue;
            };
            match split_attr(key) {
                Some((label, attr)) => match groups.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, attrs)) => attrs.push((attr, text)),
                    None => groups.push((label.to_string(), vec![(attr, text)])),
                },
                None => self.e.remarks.push(format!("{key}: {text}")),
            }
        }
        for (label, attrs) in groups {
            self.group(&label, &attrs);
        }
    }

    /// One label's attributes.
    fn group(&mut self, label: &str, attrs: &[(&'static str, String)]) {
        let get = |name: &str| attrs.iter().find(|(a, _)| *a == name).map(|(_, v)| v.as_str());
        // Names.
        let full = get("NAME_FULL").map(str::to_string).or_else(|| {
            get("NAME_ORG").map(|n| {
                self.org_names = true;
                n.to_string()
            })
        });
        let full = full.or_else(|| {
            let parts: Vec<&str> =
                ["NAME_PREFIX", "NAME_FIRST", "NAME_MIDDLE", "NAME_LAST", "NAME_SUFFIX"]
                    .iter()
                    .filter_map(|p| get(p))
                    .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        if let Some(full) = full {
            let ntype = get("NAME_TYPE").unwrap_or(label).to_ascii_uppercase();
            if matches!(ntype.as_str(), "PRIMARY" | "MAIN") && !self.primary_explicit {
                // The primary name, maybe after others (keys are read in
                // alphabetical order: AKA_NAME_ORG before PRIMARY_NAME_ORG).
                self.primary_explicit = true;
                for n in self.e.names.iter_mut().filter(|n| n.role == NameRole::Primary) {
                    n.role = NameRole::Alias;
                }
                self.e.names.retain(|n| n.full != full);
                self.e.names.insert(0, Name::new(full, NameRole::Primary));
            } else {
                let role = match ntype.as_str() {
                    "FORMER" | "FKA" | "PREVIOUS" => NameRole::Former,
                    "NATIVE" | "ORIGINAL" | "ORIGINAL_SCRIPT" => NameRole::OriginalScript,
                    "WEAK" | "LOW" | "LOW_QUALITY" => NameRole::WeakAlias,
                    _ if self.e.names.is_empty() => NameRole::Primary,
                    _ => NameRole::Alias,
                };
                if !self.e.names.iter().any(|n| n.full == full) {
                    self.e.add_name(Name::new(full, role));
                }
            }
        }
        // Dates, gender, countries.
        if let Some(d) = get("DATE_OF_BIRTH") {
            match senzing_date(d) {
                Some(d) => Entity::push_unique(&mut self.e.birth_dates, BirthDate::on(d)),
                None => {
                    self.e.remarks.push(format!("DATE_OF_BIRTH: {d}"));
                    self.sink.unstructured("DATE_OF_BIRTH");
                }
            }
        }
        if let Some(d) = get("DATE_OF_DEATH") {
            self.e.remarks.push(format!("DATE_OF_DEATH: {d}"));
        }
        if let Some(d) = get("REGISTRATION_DATE") {
            self.e.remarks.push(format!("REGISTRATION_DATE: {d}"));
        }
        if let Some(g) = get("GENDER") {
            match g.to_ascii_uppercase().as_str() {
                "M" | "MALE" => self.e.gender = Some(Gender::Male),
                "F" | "FEMALE" => self.e.gender = Some(Gender::Female),
                _ => self.e.remarks.push(format!("GENDER: {g}")),
            }
        }
        for attr in ["NATIONALITY", "CITIZENSHIP", "REGISTRATION_COUNTRY", "COUNTRY_OF_ASSOCIATION"]
        {
            let Some(c) = get(attr) else { continue };
            match senzing_country(c) {
                Some(c) => {
                    let list = match attr {
                        "NATIONALITY" => &mut self.e.nationalities,
                        "CITIZENSHIP" => &mut self.e.citizenships,
                        _ => &mut self.e.countries,
                    };
                    Entity::push_unique(list, c);
                }
                None => {
                    self.e.remarks.push(format!("{attr}: {c}"));
                    self.sink.unstructured(attr);
                }
            }
        }
        if let Some(p) = get("PLACE_OF_BIRTH") {
            Entity::push_unique(&mut self.e.birth_places, p.to_string());
        }
        // Address.
        let lines: Vec<&str> =
            ["ADDR_LINE1", "ADDR_LINE2", "ADDR_LINE3", "ADDR_LINE4", "ADDR_LINE5", "ADDR_LINE6"]
                .iter()
                .filter_map(|a| get(a))
                .collect();
        let (city, state, postal, ctry) =
            (get("ADDR_CITY"), get("ADDR_STATE"), get("ADDR_POSTAL_CODE"), get("ADDR_COUNTRY"));
        if get("ADDR_FULL").is_some() || !lines.is_empty() || city.is_some() || ctry.is_some() {
            let full = get("ADDR_FULL").map(str::to_string).unwrap_or_else(|| {
                lines
                    .iter()
                    .copied()
                    .chain([city, state, postal, ctry].into_iter().flatten())
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            let country = ctry.and_then(senzing_country);
            if country.is_none() && ctry.is_some() {
                self.sink.unstructured("ADDR_COUNTRY");
            }
            let a = Address {
                street: (!lines.is_empty()).then(|| lines.join(", ")),
                city: city.map(str::to_string),
                region: state.map(str::to_string),
                postal_code: postal.map(str::to_string),
                country,
                full,
            };
            Entity::push_unique(&mut self.e.addresses, a);
        }
        // Identifiers.
        let simple: [(&str, &str, IdKind, &str); 10] = [
            ("PASSPORT_NUMBER", "PASSPORT_COUNTRY", IdKind::Passport, "Passport"),
            ("NATIONAL_ID_NUMBER", "NATIONAL_ID_COUNTRY", IdKind::NationalId, "National ID"),
            ("TAX_ID_NUMBER", "TAX_ID_COUNTRY", IdKind::TaxId, "Tax ID"),
            (
                "DRIVERS_LICENSE_NUMBER",
                "DRIVERS_LICENSE_STATE",
                IdKind::DriversLicense,
                "Driver's license",
            ),
            ("SSN_NUMBER", "", IdKind::SocialSecurity, "SSN"),
            ("LEI_NUMBER", "", IdKind::Lei, "LEI"),
            ("DUNS_NUMBER", "", IdKind::Other, "DUNS"),
            ("NPI_NUMBER", "", IdKind::Other, "NPI"),
            ("ACCOUNT_NUMBER", "ACCOUNT_DOMAIN", IdKind::Other, "Account"),
            ("PHONE_NUMBER", "PHONE_TYPE", IdKind::Phone, "Phone"),
        ];
        for (num, qual, kind, label) in simple {
            let Some(n) = get(num) else { continue };
            let mut id = Identifier::new(kind, n, label);
            if let Some(q) = get(qual).filter(|_| !qual.is_empty()) {
                match senzing_country(q).filter(|_| qual.ends_with("_COUNTRY")) {
                    Some(c) => id.country = Some(c),
                    None => id.note = Some(format!("{qual}: {q}")),
                }
            }
            Entity::push_unique(&mut self.e.identifiers, id);
        }
        for (attr, kind, label) in [
            ("EMAIL_ADDRESS", IdKind::Email, "E-mail"),
            ("WEBSITE_ADDRESS", IdKind::Website, "Website"),
        ] {
            if let Some(v) = get(attr) {
                Entity::push_unique(&mut self.e.identifiers, Identifier::new(kind, v, label));
            }
        }
        for (num, typ, ctry) in [
            ("OTHER_ID_NUMBER", "OTHER_ID_TYPE", "OTHER_ID_COUNTRY"),
            ("TRUSTED_ID_NUMBER", "TRUSTED_ID_TYPE", "TRUSTED_ID_COUNTRY"),
        ] {
            let Some(n) = get(num) else { continue };
            let label = get(typ).unwrap_or("Other");
            let mut id = Identifier::new(other_id_kind(label), n, label);
            id.country = get(ctry).and_then(senzing_country);
            Entity::push_unique(&mut self.e.identifiers, id);
        }
        // Relationships.
        if let Some(key) = get("REL_POINTER_KEY") {
            let role = get("REL_POINTER_ROLE").unwrap_or("").to_string();
            let kind = match role.to_ascii_lowercase().as_str() {
                "owner" | "owned by" | "parent" => RelationKind::OwnedBy,
                "owns" | "subsidiary" => RelationKind::Owns,
                "director" | "officer" | "directorship" => RelationKind::Director,
                "family" | "spouse" | "relative" | "father" | "mother" | "son" | "daughter" => {
                    RelationKind::Family
                }
                "associate" => RelationKind::Associate,
                "" | "linked" | "link" => RelationKind::LinkedTo,
                _ => RelationKind::Other,
            };
            let rel = Relation {
                kind,
                target_name: key.to_string(),
                target_id: Some(EntityId::new(Source::Senzing, key)),
            };
            if !self.e.relations.contains(&rel) {
                self.pointers.push((self.e.relations.len(), role.clone()));
                self.e.relations.push(rel);
            }
            if !role.is_empty() && !role.eq_ignore_ascii_case("occupancy") {
                self.e.remarks.push(format!("REL_POINTER_ROLE: {role} ({key})"));
            }
            if let Some(d) = get("REL_POINTER_DOMAIN") {
                if !d.eq_ignore_ascii_case("open_sanctions") {
                    self.e.remarks.push(format!("REL_POINTER_DOMAIN: {d} ({key})"));
                }
            }
        }
        // Risks.
        if let Some(t) = get("TOPIC") {
            self.e.remarks.push(format!("risk topic: {t}"));
        }
        // Everything else in the group, verbatim.
        for (attr, v) in attrs {
            if !KNOWN.contains(attr) {
                let key =
                    if label.is_empty() { attr.to_string() } else { format!("{label}_{attr}") };
                self.e.remarks.push(format!("{key}: {v}"));
            }
        }
    }
}

/// The kind of an `OTHER_ID_TYPE`/`TRUSTED_ID_TYPE`.
fn other_id_kind(t: &str) -> IdKind {
    match t.to_ascii_uppercase().replace(['-', ' '], "_").as_str() {
        "PASSPORT" => IdKind::Passport,
        "NATIONAL_ID" | "NATIONALID" | "ID_CARD" => IdKind::NationalId,
        "TAX_ID" | "TIN" | "INN" | "VAT" => IdKind::TaxId,
        "OGRN" | "REGISTRATION" | "REGISTRATION_NUMBER" | "COMPANY_NUMBER" => IdKind::Registration,
        "SWIFT" | "BIC" | "SWIFT_BIC" | "SWIFTBIC" => IdKind::SwiftBic,
        "LEI" => IdKind::Lei,
        "IMO" | "IMO_NUMBER" => IdKind::Imo,
        "MMSI" => IdKind::Mmsi,
        "CALL_SIGN" | "CALLSIGN" => IdKind::CallSign,
        _ => IdKind::Other,
    }
}

/// The attributes read by [`Reader::group`]; other attributes of a group
/// are kept as remarks.
const KNOWN: &[&str] = &[
    "NAME_TYPE",
    "NAME_FULL",
    "NAME_ORG",
    "NAME_FIRST",
    "NAME_MIDDLE",
    "NAME_LAST",
    "NAME_PREFIX",
    "NAME_SUFFIX",
    "DATE_OF_BIRTH",
    "DATE_OF_DEATH",
    "REGISTRATION_DATE",
    "GENDER",
    "NATIONALITY",
    "CITIZENSHIP",
    "REGISTRATION_COUNTRY",
    "COUNTRY_OF_ASSOCIATION",
    "PLACE_OF_BIRTH",
    "ADDR_TYPE",
    "ADDR_FULL",
    "ADDR_LINE1",
    "ADDR_LINE2",
    "ADDR_LINE3",
    "ADDR_LINE4",
    "ADDR_LINE5",
    "ADDR_LINE6",
    "ADDR_CITY",
    "ADDR_STATE",
    "ADDR_POSTAL_CODE",
    "ADDR_COUNTRY",
    "PASSPORT_NUMBER",
    "PASSPORT_COUNTRY",
    "NATIONAL_ID_NUMBER",
    "NATIONAL_ID_COUNTRY",
    "TAX_ID_NUMBER",
    "TAX_ID_COUNTRY",
    "DRIVERS_LICENSE_NUMBER",
    "DRIVERS_LICENSE_STATE",
    "SSN_NUMBER",
    "LEI_NUMBER",
    "DUNS_NUMBER",
    "NPI_NUMBER",
    "ACCOUNT_NUMBER",
    "ACCOUNT_DOMAIN",
    "PHONE_NUMBER",
    "PHONE_TYPE",
    "EMAIL_ADDRESS",
    "WEBSITE_ADDRESS",
    "OTHER_ID_NUMBER",
    "OTHER_ID_TYPE",
    "OTHER_ID_COUNTRY",
    "TRUSTED_ID_NUMBER",
    "TRUSTED_ID_TYPE",
    "TRUSTED_ID_COUNTRY",
    "REL_POINTER_KEY",
    "REL_POINTER_ROLE",
    "REL_POINTER_DOMAIN",
    "REL_ANCHOR_KEY",
    "REL_ANCHOR_DOMAIN",
    "TOPIC",
];

/// Splits `LABEL_ATTR` into (`LABEL`, `ATTR`) for a known attribute `ATTR`
/// (the longest one that fits), or `("", ATTR)` for a bare one.
fn split_attr(key: &str) -> Option<(&str, &'static str)> {
    let upper = key.to_ascii_uppercase();
    let attr = KNOWN
        .iter()
        .filter(|a| {
            upper == **a
                || (upper.len() > a.len()
                    && upper.ends_with(**a)
                    && upper.as_bytes().get(upper.len() - a.len() - 1) == Some(&b'_'))
        })
        .max_by_key(|a| a.len())?;
    let label = &key[..key.len() - attr.len()];
    Some((label.trim_end_matches('_'), attr))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::testutil::{entity, parse_bytes, parse_data};
    use crate::{Options, Parsed};

    fn real() -> &'static [Parsed] {
        static LISTS: std::sync::OnceLock<Vec<Parsed>> = std::sync::OnceLock::new();
        LISTS.get_or_init(|| parse_data(&["opensanctions/us_congress_senzing.json.gz"]))
    }

    #[test]
    fn real_file_counts() {
        let l = &real()[0];
        assert_eq!(l.meta.key.source, Source::Senzing);
        assert_eq!(l.meta.key.dataset, "os_us_congress");
        assert_eq!(l.meta.records, 1319);
        assert_eq!(l.entities.len(), 1319);
        assert_eq!(l.meta.skipped, 0);
        // 1,317 members of Congress and the two positions they occupy.
        assert_eq!(l.meta.counts.get(&Kind::Person), Some(&1317));
        assert_eq!(l.meta.counts.get(&Kind::Other), Some(&2));
        assert!(l.meta.unstructured.is_empty(), "{:?}", l.meta.unstructured);
        let reps = l
            .entities
            .iter()
            .filter(|e| e.positions.iter().any(|p| p == "United States representative"))
            .count();
        let sens = l
            .entities
            .iter()
            .filter(|e| e.positions.iter().any(|p| p == "United States senator"))
            .count();
        assert!(reps > 1000 && sens > 100 && reps + sens >= 1317, "{reps} {sens}");
        let dead = l
            .entities
            .iter()
            .filter(|e| e.remarks.iter().any(|r| r.starts_with("DATE_OF_DEATH: ")))
            .count();
        assert_eq!(dead, 42);
    }

    #[test]
    fn mcclellan() {
        let e = entity(real(), "senzing:NK-AQ4HymsADSK2D63MkyTqfC");
        assert_eq!(e.kind, Kind::Person);
        assert_eq!(e.primary_name(), Some("Jennifer L. McClellan"));
        assert_eq!(e.names.len(), 1);
        assert_eq!(e.birth_dates, [BirthDate::on(PartialDate::year(1972))]);
        assert_eq!(e.nationalities, [Country::from_code("US").unwrap()]);
        assert_eq!(e.positions, ["United States representative"]);
        assert_eq!(e.last_updated.map(|d| d.to_string()).as_deref(), Some("2024-03-21"));
        let r = &e.relations[0];
        assert_eq!(r.target_name, "United States representative");
        assert_eq!(r.target_id.as_ref().unwrap().as_str(), "senzing:Q13218630");
        let id = &e.identifiers[0];
        assert_eq!(
            (id.kind, id.value.as_str(), id.label.as_str()),
            (IdKind::Other, "NK-AQ4HymsADSK2D63MkyTqfC", "OPEN_SANCTIONS")
        );
        assert!(e.remarks.contains(&"risk topic: role.pep".to_string()));
        assert!(e.remarks.contains(
            &"URL: https://www.opensanctions.org/entities/NK-AQ4HymsADSK2D63MkyTqfC".to_string()
        ));
        assert_eq!(e.provenance.line, Some(1));
    }

    #[test]
    fn aliases_and_position_records() {
        let e = entity(real(), "senzing:Q18631698");
        let names: Vec<(&str, NameRole)> =
            e.names.iter().map(|n| (n.full.as_str(), n.role)).collect();
        assert_eq!(
            names,
            [
                ("Jesús G. \"Chuy\" García", NameRole::Primary),
                ("Jesus G. Garcia", NameRole::Alias),
                ("Jesus G. \"Chuy\" Garcia", NameRole::Alias)
            ]
        );
        assert_eq!(e.identifiers[0].label, "WIKIDATA");
        let pos = entity(real(), "senzing:Q13218630");
        assert_eq!(pos.kind, Kind::Other);
        assert_eq!(pos.primary_name(), Some("United States representative"));
        assert!(pos.relations.is_empty());
    }

    #[test]
    fn flat_attributes_and_arrays() {
        let json = r#"[
  {"DATA_SOURCE": "WATCH", "RECORD_ID": "1", "PRIMARY_NAME_ORG": "Acme Ltd", "AKA_NAME_ORG": "Acme",
   "ADDR_LINE1": "1 Main St", "ADDR_CITY": "Springfield", "ADDR_COUNTRY": "GB",
   "TAX_ID_NUMBER": "123", "TAX_ID_COUNTRY": "United Kingdom", "OTHER_ID_TYPE": "IMO", "OTHER_ID_NUMBER": "9187631",
   "REGISTRATION_COUNTRY": "Narnia", "FAVOURITE_COLOUR": "blue"},
  {"DATA_SOURCE": "WATCH", "RECORD_ID": 2, "RECORD_TYPE": "PERSON",
   "NAMES": [{"NAME_TYPE": "PRIMARY", "NAME_LAST": "Doe", "NAME_FIRST": "John"}, {"NAME_TYPE": "FORMER", "NAME_FULL": "John Smith"}],
   "GENDER": "M", "DATE_OF_BIRTH": "7 Oct 1952", "PLACE_OF_BIRTH": "Leningrad",
   "IDENTIFIERS": [{"PASSPORT_NUMBER": "P1", "PASSPORT_COUNTRY": "RU"}],
   "RELATIONSHIPS": [{"REL_POINTER_KEY": "1", "REL_POINTER_ROLE": "Director"}]}
]"#;
        let lists = parse_bytes("w.json", json.as_bytes(), &Options::default()).unwrap();
        let l = &lists[0];
        assert_eq!(l.meta.key.dataset, "watch");
        let org = &l.entities[0];
        assert_eq!(org.kind, Kind::Organization);
        assert_eq!(org.names[0].full, "Acme Ltd");
        assert_eq!((org.names[1].full.as_str(), org.names[1].role), ("Acme", NameRole::Alias));
        let a = &org.addresses[0];
        assert_eq!(a.full, "1 Main St, Springfield, GB");
        assert_eq!(a.country.unwrap().code(), "GB");
        let tax = org.identifiers.iter().find(|i| i.kind == IdKind::TaxId).unwrap();
        assert_eq!(tax.country.unwrap().code(), "GB");
        assert!(org.identifiers.iter().any(|i| i.kind == IdKind::Imo && i.value == "9187631"));
        assert!(org.remarks.contains(&"REGISTRATION_COUNTRY: Narnia".to_string()));
        assert!(org.remarks.contains(&"FAVOURITE_COLOUR: blue".to_string()));
        let p = &l.entities[1];
        assert_eq!(p.id.as_str(), "senzing:2");
        assert_eq!(p.primary_name(), Some("John Doe"));
        assert_eq!(p.names[1].role, NameRole::Former);
        assert_eq!(p.gender, Some(Gender::Male));
        assert_eq!(p.birth_dates[0].to_string(), "1952-10-07");
        assert_eq!(p.birth_places, ["Leningrad"]);
        assert_eq!(p.identifiers[0].country.unwrap().code(), "RU");
        assert_eq!(p.relations[0].kind, RelationKind::Director);
        assert_eq!(p.relations[0].target_name, "Acme Ltd");
        assert_eq!(p.provenance.line, None);
        assert_eq!(l.meta.unstructured.get("REGISTRATION_COUNTRY"), Some(&1));
    }

    #[test]
    fn pretty_printed_objects_carry_their_lines() {
        let json = "{\n \"RECORD_ID\": \"a\",\n \"NAME_FULL\": \"A\"\n}\n\n{\"RECORD_ID\": \"b\", \"NAME_FULL\": \"B\"}\n";
        let lists = parse_bytes("p.json", json.as_bytes(), &Options::default()).unwrap();
        let lines: Vec<Option<u64>> = lists[0].entities.iter().map(|e| e.provenance.line).collect();
        assert_eq!(lines, [Some(1), Some(6)]);
        assert_eq!(lists[0].meta.key.dataset, "p");
    }

    const REC: &str = r#"{"DATA_SOURCE":"X","RECORD_ID":"r1","NAMES":[{"NAME_FULL":"A B"}]}"#;

    #[test]
    fn malformed_and_truncated() {
        let bytes = format!("{REC}\n{REC}\n{{\"RECORD_ID\": \"x\", \"NAMES\": [}}\n{REC}\n");
        let err = parse_bytes(
            "s.json",
            bytes.as_bytes(),
            &Options { lenient: true, ..Options::default() },
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("s.json: line 3: malformed: invalid JSON: "), "{err}");
        let err = parse_bytes("s.json", &bytes.as_bytes()[..REC.len() + 20], &Options::default())
            .unwrap_err();
        assert!(
            err.to_string().starts_with("s.json: line 2: malformed: invalid JSON: EOF"),
            "{err}"
        );
        let err =
            parse_bytes("s.json", b"[{\"RECORD_ID\": \"1\"}", &Options::default()).unwrap_err();
        assert!(
            err.to_string().starts_with("s.json: line 1: malformed: invalid JSON: EOF"),
            "{err}"
        );
        let gz = std::fs::read(crate::testutil::data("opensanctions/us_congress_senzing.json.gz"))
            .unwrap();
        let err = parse_bytes("s.json.gz", &gz[..gz.len() - 100], &Options::default()).unwrap_err();
        assert!(err.to_string().contains("broken gzip"), "{err}");
    }

    #[test]
    fn bad_records_strict_and_lenient() {
        for (row, msg) in [
            (
                r#"{"DATA_SOURCE":"X","NAMES":[{"NAME_FULL":"A"}]}"#,
                "line 2 (record 2): invalid record: record without RECORD_ID",
            ),
            (
                r#"{"DATA_SOURCE":"X","RECORD_ID":"r2","DATES":[{"DATE_OF_BIRTH":"1970"}]}"#,
                "line 2 (record 2): invalid record: record r2 has no name",
            ),
            ("[1, 2]", "line 2 (record 2): invalid record: not a JSON object"),
        ] {
            let bytes = format!("{REC}\n{row}\n{}", REC.replace("r1", "r3"));
            let err = parse_bytes("s.json", bytes.as_bytes(), &Options::default()).unwrap_err();
            assert_eq!(err.to_string(), format!("s.json: {msg}"));
            let lists = parse_bytes(
                "s.json",
                bytes.as_bytes(),
                &Options { lenient: true, ..Options::default() },
            )
            .unwrap();
            assert_eq!(lists[0].entities.len(), 2);
            assert_eq!(lists[0].meta.records, 3);
            assert_eq!(lists[0].skipped[0].to_string(), format!("s.json: {msg}"));
        }
    }

    #[test]
    fn attribute_labels() {
        assert_eq!(split_attr("PRIMARY_NAME_FULL"), Some(("PRIMARY", "NAME_FULL")));
        assert_eq!(split_attr("NAME_FULL"), Some(("", "NAME_FULL")));
        assert_eq!(split_attr("HOME_ADDR_COUNTRY"), Some(("HOME", "ADDR_COUNTRY")));
        assert_eq!(split_attr("PASSPORT_COUNTRY"), Some(("", "PASSPORT_COUNTRY")));
        assert_eq!(split_attr("XNAME_FULL"), None);
        assert_eq!(split_attr("COLOUR"), None);
    }
}
