//! OpenSanctions FollowTheMoney (FtM) entities, JSON lines.
//!
//! Each line is one FtM object: `{"id", "schema", "caption", "properties":
//! {prop: [values…]}, "datasets", "referents", "first_seen", "last_seen",
//! "last_change", "target"}` (<https://followthemoney.tech/explorer/>).
//! Every property value is a list of strings.
//!
//! Only some schemata are things one screens against: `Person`, `Company`,
//! `Organization`, `LegalEntity`, `PublicBody`, `Vessel`, `Airplane`. Each of
//! them becomes an entity `opensanctions:<id>`. The other objects describe
//! them and are folded into them, never dropped:
//!
//! * `Sanction` (`entity` → the sanctioned party): a [`Program`] (its
//!   `programId`, else `program`, else `authority`) dated by `listingDate`
//!   or `startDate`; each of its `provisions` as a [`Measure`] (asset freeze,
//!   travel ban…); and the whole object verbatim as one remark.
//! * `Address` (referred to by an entity's `addressEntity`): an [`Address`].
//! * `Ownership`, `Directorship`, `Family`, `Associate`, `Membership`,
//!   `Employment`, `Representation`, `Succession`, `UnknownLink`: a
//!   [`Relation`] on each side present in the file, pointing at the other
//!   side's `opensanctions:` id (whether or not that one is in the file), plus
//!   a remark with the link's own properties (percentage, role, dates).
//! * `Passport`, `Identification` (`holder`): an [`Identifier`] of the
//!   holder, or a remark when the object carries no number.
//! * Any other schema: a remark on every entity of the file it refers to.
//!
//! References go through `referents` too: OpenSanctions merges source records
//! into one canonical id and keeps the old ids as referents, and other objects
//! may still point at an old id (`addressEntity: addr-…`).
//!
//! A folded object that refers to no entity of the file is a dangling
//! record, except an `Address` nobody refers to, which is only counted (as
//! `unreferenced Address` in the unstructured counts): exports routinely
//! contain the addresses of entities left out of the file, and failing a
//! strict import for them would make such exports unusable.
//!
//! The dataset of the list is the one dataset every screenable entity
//! belongs to (`eu_fsf`), or else the file's stem (`zala_cluster_entities`).
//!
//! Entity properties the model has no field for are kept as remarks
//! `prop: value; value`, so nothing is lost; so are `datasets` and
//! `referents` (the source lists' own ids, e.g. `ofac-46001`).

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use veto_model::{
    country, Address, Aircraft, BirthDate, Country, Entity, EntityId, Gender, IdKind, Identifier,
    Kind, Measure, MeasureKind, Name, NameRole, PartialDate, Program, Provenance, Relation,
    RelationKind, Source, Vessel,
};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::clean;

/// One FtM object as it is on a line.
#[derive(Deserialize)]
struct Obj {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    properties: BTreeMap<String, Vec<serde_json::Value>>,
    #[serde(default)]
    datasets: Vec<String>,
    #[serde(default)]
    referents: Vec<String>,
    #[serde(default)]
    first_seen: Option<String>,
    #[serde(default)]
    last_change: Option<String>,
    #[serde(default)]
    target: Option<bool>,
}

impl Obj {
    /// The string values of a property (numbers and booleans as text).
    fn values(&self, prop: &str) -> Vec<String> {
        self.properties
            .get(prop)
            .map(|v| v.iter().filter_map(value_text).collect())
            .unwrap_or_default()
    }

    fn first(&self, prop: &str) -> Option<String> {
        self.properties.get(prop).and_then(|v| v.iter().find_map(value_text))
    }
}

fn value_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => clean(s),
        serde_json::Value::Null => None,
        other => clean(&other.to_string()),
    }
}

/// A read object with where it was.
struct Rec {
    obj: Obj,
    id: String,
    schema: String,
    record: u64,
    line: u64,
}

/// The entity kind of a screenable schema.
fn screenable(schema: &str) -> Option<Kind> {
    Some(match schema {
        "Person" => Kind::Person,
        "Company" | "Organization" | "LegalEntity" | "PublicBody" => Kind::Organization,
        "Vessel" => Kind::Vessel,
        "Airplane" => Kind::Aircraft,
        _ => return None,
    })
}

/// The link schemata: (schema, one side's property, other side's property,
/// relation seen from the first side, relation seen from the second).
const LINKS: &[(&str, &str, &str, RelationKind, RelationKind)] = &[
    ("Ownership", "owner", "asset", RelationKind::Owns, RelationKind::OwnedBy),
    ("Directorship", "director", "organization", RelationKind::Director, RelationKind::Director),
    ("Family", "person", "relative", RelationKind::Family, RelationKind::Family),
    ("Associate", "person", "associate", RelationKind::Associate, RelationKind::Associate),
    ("Membership", "member", "organization", RelationKind::Other, RelationKind::Other),
    ("Employment", "employee", "employer", RelationKind::Other, RelationKind::Other),
    ("Representation", "agent", "client", RelationKind::Other, RelationKind::Other),
    ("Succession", "predecessor", "successor", RelationKind::Other, RelationKind::Other),
    ("UnknownLink", "subject", "object", RelationKind::LinkedTo, RelationKind::LinkedTo),
];

/// Parses one file.
///
/// # Errors
///
/// Fails on a line that is not JSON, or (strict mode) on objects without
/// id, schema or name, and folded objects that refer to nothing in the file.
pub fn parse(input: &Input, sink: &mut Sink) -> Result<Vec<Entity>> {
    let text = input.text()?;
    let file = input.name.as_str();
    let recs = read_lines(file, text, sink)?;

    // Index the screenable objects and the addresses by id and referents.
    let mut entities: Vec<Entity> = Vec::new();
    let mut entity_of: HashMap<&str, usize> = HashMap::new();
    let mut address_of: HashMap<&str, usize> = HashMap::new();
    let mut address_used = vec![false; recs.len()];
    let mut n_entities = 0;
    for (i, r) in recs.iter().enumerate() {
        if screenable(&r.schema).is_some() {
            // Entities are pushed below in this same order.
            let idx = n_entities;
            n_entities += 1;
            for key in
                std::iter::once(r.id.as_str()).chain(r.obj.referents.iter().map(String::as_str))
            {
                entity_of.entry(key).or_insert(idx);
            }
        } else if r.schema == "Address" {
            for key in
                std::iter::once(r.id.as_str()).chain(r.obj.referents.iter().map(String::as_str))
            {
                address_of.entry(key).or_insert(i);
            }
        }
    }
    // Entities first, so folded objects find them whatever the line order.
    let mut kept: Vec<bool> = Vec::new();
    for r in recs.iter() {
        let Some(kind) = screenable(&r.schema) else { continue };
        let mut e = Entity::new(Source::OpenSanctions, &r.id, kind);
        e.provenance = Provenance { file: file.to_string(), record: r.record, line: Some(r.line) };
        let ok = fill_entity(&mut e, r, &recs, &address_of, &mut address_used, sink);
        if !ok {
            let loc = Location::Record { record: r.record, line: Some(r.line) };
            sink.bad_record(Error::invalid(
                file,
                loc,
                format!("{} `{}` has no name", r.schema, r.id),
            ))?;
        }
        kept.push(ok);
        entities.push(e);
    }
    let captions: HashMap<&str, String> = recs
        .iter()
        .filter(|r| screenable(&r.schema).is_some())
        .map(|r| {
            (
                r.id.as_str(),
                r.obj.caption.clone().and_then(|c| clean(&c)).unwrap_or_else(|| r.id.clone()),
            )
        })
        .collect();

    for (i, r) in recs.iter().enumerate() {
        if screenable(&r.schema).is_some() {
            continue;
        }
        let loc = Location::Record { record: r.record, line: Some(r.line) };
        let found = match r.schema.as_str() {
            "Address" => {
                if !address_used[i] {
                    sink.unstructured("unreferenced Address");
                }
                true
            }
            "Sanction" => fold_sanction(r, &entity_of, &mut entities),
            "Passport" | "Identification" => fold_identification(r, &entity_of, &mut entities),
            schema => match LINKS.iter().find(|l| l.0 == schema) {
                Some(link) => fold_link(r, link, &entity_of, &captions, &mut entities),
                None => fold_other(r, &entity_of, &mut entities),
            },
        };
        if !found {
            let msg = format!(
                "{} `{}` refers to no Person, Company, Organization, Vessel or Airplane in the file",
                r.schema, r.id
            );
            sink.bad_record(Error::new(file, loc, ErrorKind::Dangling(msg)))?;
        }
    }

    sink.dataset = Some(dataset(file, &recs));
    let mut it = kept.iter();
    entities.retain(|_| *it.next().unwrap_or(&true));
    Ok(entities)
}

/// Reads the JSON lines; blank lines are no records.
fn read_lines(file: &str, text: &str, sink: &mut Sink) -> Result<Vec<Rec>> {
    let mut recs = Vec::new();
    let mut record = 0u64;
    for (n, line) in text.lines().enumerate() {
        let line_no = n as u64 + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        record += 1;
        sink.records += 1;
        let loc = Location::Record { record, line: Some(line_no) };
        let obj: Obj = match serde_json::from_str(line) {
            Ok(o) => o,
            Err(e) if e.is_data() => {
                sink.bad_record(Error::invalid(
                    file,
                    loc,
                    format!("not an FtM object: {}", json_msg(&e)),
                ))?;
                continue;
            }
            Err(e) => {
                return Err(Error::syntax(
                    file,
                    Location::Line(line_no),
                    format!("invalid JSON: {}", json_msg(&e)),
                ));
            }
        };
        let Some(id) = obj.id.as_deref().and_then(clean) else {
            sink.bad_record(Error::invalid(file, loc, "object without `id`"))?;
            continue;
        };
        let Some(schema) = obj.schema.as_deref().and_then(clean) else {
            sink.bad_record(Error::invalid(file, loc, format!("object `{id}` without `schema`")))?;
            continue;
        };
        recs.push(Rec { obj, id, schema, record, line: line_no });
    }
    Ok(recs)
}

/// A serde_json error without its "at line 1" (the line is the file's, named
/// by the location), keeping the column.
pub(crate) fn json_msg(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
    if e.column() > 0 {
        format!("{msg} at column {}", e.column())
    } else {
        msg.to_string()
    }
}

/// The list's dataset: the one every screenable entity is in, else the file
/// stem.
fn dataset(file: &str, recs: &[Rec]) -> String {
    let mut common: Option<Vec<&str>> = None;
    for r in recs.iter().filter(|r| screenable(&r.schema).is_some()) {
        let ds: Vec<&str> = r.obj.datasets.iter().map(String::as_str).collect();
        common = Some(match common {
            None => ds,
            Some(c) => c.into_iter().filter(|d| ds.contains(d)).collect(),
        });
    }
    match common.as_deref() {
        Some([one]) => one.to_string(),
        _ => {
            let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
            base.split('.').next().filter(|s| !s.is_empty()).unwrap_or("opensanctions").to_string()
        }
    }
}

/// FtM country codes: ISO alpha-2 in lowercase, plus a few of its own for
/// historical and special territories.
fn ftm_country(code: &str) -> Option<Country> {
    match code.to_ascii_lowercase().as_str() {
        "suhh" => Country::from_code("SU"),
        "yucs" => Country::from_code("YU"),
        "csxx" => Country::from_code("CS"),
        "ddde" => Country::from_code("DD"),
        "anhh" => Country::from_code("AN"),
        "xk" | "xkx" => Country::from_code("XK"),
        other => Country::from_code(other).or_else(|| country::resolve(other)),
    }
}

/// The date part of `YYYY-MM-DD…` / `YYYY-MM` / `YYYY` (FtM dates may carry
/// a time).
fn ftm_date(s: &str) -> Option<PartialDate> {
    let t = s.trim();
    let date = t.split(['T', ' ']).next().unwrap_or(t);
    date.parse().ok()
}

fn remark(e: &mut Entity, prop: &str, values: &[String]) {
    if !values.is_empty() {
        e.remarks.push(format!("{prop}: {}", values.join("; ")));
    }
}

/// The identifier kind and label of an identifier property, if it is one.
fn id_prop(prop: &str, kind: Kind) -> Option<(IdKind, &'static str)> {
    Some(match prop {
        "idNumber" if kind == Kind::Person => (IdKind::NationalId, "ID number"),
        "idNumber" => (IdKind::Registration, "ID number"),
        "passportNumber" => (IdKind::Passport, "Passport"),
        "innCode" => (IdKind::TaxId, "INN"),
        "ogrnCode" => (IdKind::Registration, "OGRN"),
        "okpoCode" => (IdKind::Registration, "OKPO"),
        "kppCode" => (IdKind::Other, "KPP"),
        "taxNumber" => (IdKind::TaxId, "Tax number"),
        "vatCode" => (IdKind::TaxId, "VAT"),
        "registrationNumber" if kind == Kind::Aircraft => {
            (IdKind::AircraftTail, "Registration number")
        }
        "registrationNumber" => (IdKind::Registration, "Registration number"),
        "swiftBic" => (IdKind::SwiftBic, "SWIFT/BIC"),
        "leiCode" => (IdKind::Lei, "LEI"),
        "imoNumber" => (IdKind::Imo, "IMO"),
        "mmsi" => (IdKind::Mmsi, "MMSI"),
        "callSign" => (IdKind::CallSign, "Call sign"),
        "serialNumber" if kind == Kind::Aircraft => (IdKind::AircraftSerial, "Serial number"),
        "email" => (IdKind::Email, "E-mail"),
        "phone" => (IdKind::Phone, "Phone"),
        "website" => (IdKind::Website, "Website"),
        "socialSecurityNumber" => (IdKind::SocialSecurity, "Social security number"),
        "dunsCode" => (IdKind::Other, "DUNS"),
        "uniqueEntityId" => (IdKind::Other, "SAM unique entity ID"),
        "permId" => (IdKind::Other, "PermID"),
        "bikCode" => (IdKind::Other, "BIK"),
        "icijId" => (IdKind::Other, "ICIJ ID"),
        "wikidataId" => (IdKind::Other, "Wikidata"),
        "ticker" => (IdKind::Other, "Ticker"),
        "isinCode" => (IdKind::Other, "ISIN"),
        _ => return None,
    })
}

/// Fills an entity from its object. Returns false if it has no name.
fn fill_entity(
    e: &mut Entity,
    r: &Rec,
    recs: &[Rec],
    address_of: &HashMap<&str, usize>,
    address_used: &mut [bool],
    sink: &mut Sink,
) -> bool {
    let o = &r.obj;
    e.remarks.push(format!("FtM schema: {}", r.schema));
    // The caption is the primary name; each other name is added once, with
    // the strongest role it has (name > alias > weak alias > former).
    let add = |e: &mut Entity, n: String, role: NameRole| {
        if !e.names.iter().any(|x| x.full == n) {
            e.add_name(Name::new(n, role));
        }
    };
    if let Some(c) = o.caption.as_deref().and_then(clean) {
        add(e, c, NameRole::Primary);
    }
    for (prop, role) in [
        ("name", NameRole::Alias),
        ("alias", NameRole::Alias),
        ("weakAlias", NameRole::WeakAlias),
        ("abbreviation", NameRole::WeakAlias),
        ("previousName", NameRole::Former),
    ] {
        for n in o.values(prop) {
            let role = if e.names.is_empty() { NameRole::Primary } else { role };
            add(e, n, role);
        }
    }
    if e.names.is_empty() {
        // A person given only by name parts.
        let parts: Vec<String> =
            ["firstName", "secondName", "middleName", "fatherName", "lastName"]
                .iter()
                .filter_map(|p| o.first(p))
                .collect();
        if !parts.is_empty() {
            e.add_name(Name::new(parts.join(" "), NameRole::Primary));
        }
    }
    let named = !e.names.is_empty();

    for (prop, values) in &o.properties {
        let values: Vec<String> = values.iter().filter_map(value_text).collect();
        if values.is_empty() {
            continue;
        }
        let prop = prop.as_str();
        match prop {
            "name" | "alias" | "weakAlias" | "abbreviation" | "previousName" => {}
            "birthDate" => {
                for v in &values {
                    match ftm_date(v) {
                        Some(d) => Entity::push_unique(&mut e.birth_dates, BirthDate::on(d)),
                        None => {
                            e.remarks.push(format!("birthDate: {v}"));
                            sink.unstructured("birthDate");
                        }
                    }
                }
            }
            "birthPlace" => {
                for v in values {
                    Entity::push_unique(&mut e.birth_places, v);
                }
            }
            "nationality"
            | "citizenship"
            | "country"
            | "jurisdiction"
            | "mainCountry"
            | "birthCountry"
            | "registrationCountry"
            | "flag" => {
                let mut unknown = Vec::new();
                for v in &values {
                    match ftm_country(v) {
                        Some(c) => {
                            let list = match prop {
                                "nationality" => &mut e.nationalities,
                                "citizenship" => &mut e.citizenships,
                                _ => &mut e.countries,
                            };
                            Entity::push_unique(list, c);
                            if prop == "flag" {
                                e.vessel.get_or_insert_with(Vessel::default).flag = Some(c);
                            }
                        }
                        None => {
                            sink.unstructured(prop);
                            unknown.push(v.clone());
                        }
                    }
                }
                if prop == "birthCountry" || prop == "flag" {
                    // Kept as said: the model has no birth-country field.
                    remark(e, prop, &values);
                } else {
                    remark(e, prop, &unknown);
                }
            }
            "gender" => match values.first().map(|g| g.to_ascii_lowercase()).as_deref() {
                Some("male") => e.gender = Some(Gender::Male),
                Some("female") => e.gender = Some(Gender::Female),
                _ => remark(e, prop, &values),
            },
            "position" => {
                for v in values {
                    Entity::push_unique(&mut e.positions, v);
                }
            }
            "address" => {
                for v in values {
                    let a = Address { full: v, ..Address::default() };
                    Entity::push_unique(&mut e.addresses, a);
                }
            }
            "addressEntity" => {
                let mut missing = Vec::new();
                for v in &values {
                    match address_of.get(v.as_str()) {
                        Some(&i) => {
                            if let Some(slot) = address_used.get_mut(i) {
                                *slot = true;
                            }
                            if let Some(a) = recs.get(i).map(|a| address_obj(&a.obj)) {
                                Entity::push_unique(&mut e.addresses, a);
                            }
                        }
                        None => missing.push(format!("{v} (not in the file)")),
                    }
                }
                remark(e, prop, &missing);
            }
            "programId" => {
                for v in values {
                    if !e.programs.iter().any(|p| p.code == v) {
                        e.programs.push(Program::new(v));
                    }
                }
            }
            "createdAt" => match values.iter().filter_map(|v| ftm_date(v)).min() {
                Some(d) => e.listed_on = Some(d),
                None => remark(e, prop, &values),
            },
            "modifiedAt" => match values.iter().filter_map(|v| ftm_date(v)).max() {
                Some(d) => e.last_updated = Some(d),
                None => remark(e, prop, &values),
            },
            "notes" | "summary" | "description" => e.remarks.extend(values),
            "type" if e.kind == Kind::Vessel => {
                e.vessel.get_or_insert_with(Vessel::default).vessel_type = values.first().cloned();
            }
            "tonnage" if e.kind == Kind::Vessel => {
                e.vessel.get_or_insert_with(Vessel::default).tonnage = values.first().cloned();
            }
            "grossRegisteredTonnage" if e.kind == Kind::Vessel => {
                e.vessel.get_or_insert_with(Vessel::default).gross_registered_tonnage =
                    values.first().cloned();
            }
            "buildDate" if e.kind == Kind::Vessel => {
                e.vessel.get_or_insert_with(Vessel::default).year_built = values.first().cloned();
            }
            "model" if e.kind == Kind::Aircraft => {
                e.aircraft.get_or_insert_with(Aircraft::default).model = values.first().cloned();
            }
            "buildDate" if e.kind == Kind::Aircraft => {
                e.aircraft.get_or_insert_with(Aircraft::default).built = values.first().cloned();
            }
            _ => match id_prop(prop, e.kind) {
                Some((kind, label)) => {
                    for v in values {
                        let id = Identifier::new(kind, v, label);
                        Entity::push_unique(&mut e.identifiers, id);
                    }
                }
                None => remark(e, prop, &values),
            },
        }
    }
    if e.listed_on.is_none() {
        e.listed_on = o.first_seen.as_deref().and_then(ftm_date);
    }
    if e.last_updated.is_none() {
        e.last_updated = o.last_change.as_deref().and_then(ftm_date);
    }
    remark(e, "datasets", &o.datasets);
    remark(e, "referents", &o.referents);
    if o.target == Some(false) {
        e.remarks.push("not a sanctions target (OpenSanctions target: false)".to_string());
    }
    named
}

/// An FtM `Address` object as an [`Address`].
fn address_obj(o: &Obj) -> Address {
    let full =
        o.first("full").or_else(|| o.caption.as_deref().and_then(clean)).unwrap_or_else(|| {
            ["street", "city", "postalCode", "region", "country"]
                .iter()
                .filter_map(|p| o.first(p))
                .collect::<Vec<_>>()
                .join(", ")
        });
    Address {
        street: o.first("street"),
        city: o.first("city"),
        region: o.first("region"),
        postal_code: o.first("postalCode"),
        country: o.first("country").as_deref().and_then(ftm_country),
        full,
    }
}

/// Every property but the `skip` ones, as `prop: v; v` joined by ` | `.
fn props_text(o: &Obj, skip: &[&str]) -> String {
    o.properties
        .iter()
        .filter(|(k, _)| !skip.contains(&k.as_str()))
        .filter_map(|(k, v)| {
            let vals: Vec<String> = v.iter().filter_map(value_text).collect();
            (!vals.is_empty()).then(|| format!("{k}: {}", vals.join("; ")))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn targets(r: &Rec, prop: &str, entity_of: &HashMap<&str, usize>) -> Vec<usize> {
    r.obj.values(prop).iter().filter_map(|v| entity_of.get(v.as_str()).copied()).collect()
}

/// The measure kind of a sanction provision's text.
fn provision_kind(text: &str) -> MeasureKind {
    let t = text.to_lowercase();
    if t.contains("asset freeze")
        || t.contains("freez")
        || t == "block"
        || t.contains("blocking")
        || t.starts_with("блокування активів")
    {
        MeasureKind::AssetFreeze
    } else if t.contains("travel ban") || t.contains("entry ban") {
        MeasureKind::TravelBan
    } else if t.contains("arms") || t.contains("embargo") {
        MeasureKind::ArmsEmbargo
    } else if t.contains("secondary sanction") {
        MeasureKind::SecondarySanctions
    } else {
        MeasureKind::Other
    }
}

fn fold_sanction(r: &Rec, entity_of: &HashMap<&str, usize>, entities: &mut [Entity]) -> bool {
    let o = &r.obj;
    let hits = targets(r, "entity", entity_of);
    let authority = o.first("authority");
    let code = o.first("programId").or_else(|| o.first("program")).or_else(|| authority.clone());
    let listed = o
        .values("listingDate")
        .iter()
        .chain(o.values("startDate").iter())
        .filter_map(|d| ftm_date(d))
        .min();
    let text = format!("Sanction {}: {}", r.id, props_text(o, &["entity"]));
    for &i in &hits {
        let Some(e) = entities.get_mut(i) else { continue };
        if let Some(code) = &code {
            match e.programs.iter_mut().find(|p| &p.code == code) {
                Some(p) => {
                    p.listed_on = match (p.listed_on, listed) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    }
                }
                None => e.programs.push(Program { code: code.clone(), listed_on: listed }),
            }
        }
        for p in o.values("provisions") {
            let m = Measure {
                kind: provision_kind(&p),
                authority: authority.clone(),
                directive: None,
                text: p,
            };
            Entity::push_unique(&mut e.measures, m);
        }
        e.remarks.push(text.clone());
    }
    !hits.is_empty()
}

fn fold_identification(r: &Rec, entity_of: &HashMap<&str, usize>, entities: &mut [Entity]) -> bool {
    let o = &r.obj;
    let hits = targets(r, "holder", entity_of);
    let kind = if r.schema == "Passport" { IdKind::Passport } else { IdKind::Other };
    let number = o.first("number").or_else(|| o.first("passportNumber"));
    let rest = props_text(o, &["holder", "number", "passportNumber", "country", "type"]);
    for &i in &hits {
        let Some(e) = entities.get_mut(i) else { continue };
        match &number {
            Some(n) => {
                let label = o.first("type").unwrap_or_else(|| r.schema.clone());
                let mut id = Identifier::new(kind, n.clone(), label);
                id.country = o.first("country").as_deref().and_then(ftm_country);
                id.note = (!rest.is_empty()).then(|| rest.clone());
                Entity::push_unique(&mut e.identifiers, id);
            }
            None => e.remarks.push(
                format!("{} {} without a number {}", r.schema, r.id, rest).trim_end().to_string(),
            ),
        }
    }
    !hits.is_empty()
}

fn fold_link(
    r: &Rec,
    link: &(&str, &str, &str, RelationKind, RelationKind),
    entity_of: &HashMap<&str, usize>,
    captions: &HashMap<&str, String>,
    entities: &mut [Entity],
) -> bool {
    let &(_, a_prop, b_prop, a_kind, b_kind) = link;
    let o = &r.obj;
    let extra = props_text(o, &[a_prop, b_prop]);
    let (a_ids, b_ids) = (o.values(a_prop), o.values(b_prop));
    let mut found = false;
    for (from, to, kind) in [(&a_ids, &b_ids, a_kind), (&b_ids, &a_ids, b_kind)] {
        for f in from.iter() {
            let Some(&i) = entity_of.get(f.as_str()) else { continue };
            found = true;
            for t in to.iter() {
                // The canonical id of the target, if it is in the file under an old id.
                let canonical = entity_of
                    .get(t.as_str())
                    .and_then(|&j| entities.get(j))
                    .map(|e| e.id.native().to_string())
                    .unwrap_or_else(|| t.clone());
                let name =
                    captions.get(canonical.as_str()).cloned().unwrap_or_else(|| canonical.clone());
                let Some(e) = entities.get_mut(i) else { continue };
                let rel = Relation {
                    kind,
                    target_name: name,
                    target_id: Some(EntityId::new(Source::OpenSanctions, &canonical)),
                };
                Entity::push_unique(&mut e.relations, rel);
            }
            if let Some(e) = entities.get_mut(i) {
                if !extra.is_empty() {
                    e.remarks.push(format!("{} {}: {extra}", r.schema, r.id));
                }
            }
        }
    }
    found
}

fn fold_other(r: &Rec, entity_of: &HashMap<&str, usize>, entities: &mut [Entity]) -> bool {
    let o = &r.obj;
    let mut hits: Vec<usize> = Vec::new();
    for values in o.properties.values() {
        for v in values.iter().filter_map(value_text) {
            if let Some(&i) = entity_of.get(v.as_str()) {
                if !hits.contains(&i) {
                    hits.push(i);
                }
            }
        }
    }
    let caption = o.caption.as_deref().and_then(clean).unwrap_or_default();
    let text = format!("{} {} {caption}: {}", r.schema, r.id, props_text(o, &[]));
    for &i in &hits {
        if let Some(e) = entities.get_mut(i) {
            e.remarks.push(text.clone());
        }
    }
    !hits.is_empty()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::testutil::{entity, parse_bytes, parse_data};
    use crate::{Options, Parsed};

    fn zala() -> &'static [Parsed] {
        static LISTS: std::sync::OnceLock<Vec<Parsed>> = std::sync::OnceLock::new();
        LISTS.get_or_init(|| parse_data(&["opensanctions/ftm/zala_cluster_entities.ftm.json"]))
    }

    fn schemata(l: &Parsed) -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for e in &l.entities {
            let s = e.remarks.iter().find_map(|r| r.strip_prefix("FtM schema: ")).unwrap();
            *m.entry(s.to_string()).or_insert(0) += 1;
        }
        m
    }

    fn code(c: &str) -> Country {
        Country::from_code(c).unwrap()
    }

    #[test]
    fn zala_counts() {
        let l = &zala()[0];
        assert_eq!(l.meta.key.source, Source::OpenSanctions);
        assert_eq!(l.meta.key.dataset, "zala_cluster_entities");
        // 41 Sanction, 14 Ownership, 11 Company, 11 Address, 6 Person,
        // 4 Family, 3 Directorship, 1 Passport: every line is a record.
        assert_eq!(l.meta.records, 91);
        assert_eq!(l.meta.skipped, 0);
        assert_eq!(l.entities.len(), 17);
        assert_eq!(l.meta.counts.get(&Kind::Person), Some(&6));
        assert_eq!(l.meta.counts.get(&Kind::Organization), Some(&11));
        let s: Vec<(String, usize)> = schemata(l).into_iter().collect();
        assert_eq!(s, [("Company".to_string(), 11), ("Person".to_string(), 6)]);
        assert!(l.meta.unstructured.is_empty(), "{:?}", l.meta.unstructured);
        // All 41 sanctions went somewhere.
        let sanctions: usize = l
            .entities
            .iter()
            .map(|e| e.remarks.iter().filter(|r| r.starts_with("Sanction ")).count())
            .sum();
        assert_eq!(sanctions, 41);
    }

    #[test]
    fn eu_fsf_sample_counts() {
        let lists = parse_data(&["opensanctions/ftm/eu_fsf_sample_entities.ftm.json"]);
        let l = &lists[0];
        assert_eq!(l.meta.key.dataset, "eu_fsf");
        assert_eq!(l.meta.records, 7);
        assert_eq!(l.entities.len(), 6);
        let s: Vec<(String, usize)> = schemata(l).into_iter().collect();
        assert_eq!(s, [("Organization".to_string(), 2), ("Person".to_string(), 4)]);
        // Its one Address belongs to no entity of the sample: counted, not an error.
        assert_eq!(l.meta.unstructured.get("unreferenced Address"), Some(&1));
        let e = entity(&lists, "opensanctions:NK-2Ka3UvopqbpZmVDFjWd4LA");
        assert_eq!(e.primary_name(), Some("Vitaly Yurievich KUZMENKO"));
        assert!(e
            .names
            .iter()
            .any(|n| n.full == "Виталий Юрьевич КУЗЬМЕНКО" && n.role == NameRole::Alias));
        assert_eq!(e.birth_dates[0].to_string(), "1971-01-22");
        assert_eq!(e.identifiers[0].kind, IdKind::TaxId);
        assert_eq!(e.identifiers[0].value, "366510784303");
        assert_eq!(e.positions, ["General Director of JSC 163 Armor Repair Plant"]);
        assert_eq!(e.listed_on.map(|d| d.to_string()).as_deref(), Some("2024-02-23"));
        assert_eq!(e.last_updated.map(|d| d.to_string()).as_deref(), Some("2024-03-28"));
        let org = entity(&lists, "opensanctions:NK-2GdmHtZTeNXjNVrBGEXZNj");
        assert_eq!(org.kind, Kind::Organization);
        assert_eq!(org.countries, [code("BY")]);
        assert!(
            org.remarks
                .iter()
                .any(|r| r
                    .contains("addr-125caec37c3486d3a71de8ae943eec47f420b38a (not in the file)"))
        );
    }

    #[test]
    fn osetrova() {
        let e = entity(zala(), "opensanctions:NK-2Tbri3s6GgNtAwsSXh4qpL");
        assert_eq!(e.kind, Kind::Person);
        assert_eq!(e.primary_name(), Some("Maria Aleksandrovna Osetrova"));
        let cyr: Vec<&str> = e
            .names
            .iter()
            .filter(|n| n.script == Some(veto_model::Script::Cyrillic))
            .map(|n| n.full.as_str())
            .collect();
        assert!(cyr.contains(&"Мария Александровна Осетрова"), "{cyr:?}");
        assert!(cyr.contains(&"Захарова Марія Олександрівна"), "{cyr:?}");
        let former: Vec<&str> = e
            .names
            .iter()
            .filter(|n| n.role == NameRole::Former)
            .map(|n| n.full.as_str())
            .collect();
        assert_eq!(former, ["Maria Aleksandrovna Zakharova", "Мария Александровна Захарова"]);
        // Each text once: the caption is not repeated as an alias.
        assert_eq!(e.names.iter().filter(|n| n.full == "Maria Aleksandrovna Osetrova").count(), 1);
        assert_eq!(e.birth_dates.len(), 1);
        assert_eq!(e.birth_dates[0].to_string(), "1988-01-07");
        assert_eq!(e.birth_places, ["Russia", "Izhevsk"]);
        assert_eq!(e.nationalities, [code("RU")]);
        assert_eq!(e.citizenships, [code("RU")]);
        assert_eq!(e.gender, Some(Gender::Female));
        let programs: Vec<&str> = e.programs.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(programs, ["UA-SA1644", "US-RUSHAR", "GB-RUS"]);
        let inn = e.identifiers.iter().find(|i| i.label == "INN").unwrap();
        assert_eq!((inn.kind, inn.value.as_str()), (IdKind::TaxId, "183116181362"));
        assert!(e.identifiers.iter().any(|i| i.kind == IdKind::Other && i.value == "M83QKJMENEF9"));
        assert_eq!(e.addresses.len(), 2);
        // Family link to her father, with his caption and canonical id.
        let fam = e.relations.iter().find(|r| r.kind == RelationKind::Family).unwrap();
        assert_eq!(fam.target_name, "Alexander Vyacheslavovich ZAKHAROV");
        assert_eq!(
            fam.target_id.as_ref().unwrap().as_str(),
            "opensanctions:NK-aU5ybkbRFJucf8YMwsJvDw"
        );
        assert!(e
            .remarks
            .iter()
            .any(|r| r.starts_with("Family ") && r.ends_with("relationship: Family member of")));
        assert!(e.remarks.contains(&"topics: debarment; corp.disqual; sanction".to_string()));
        assert!(e.remarks.iter().any(|r| r.starts_with("referents: ") && r.contains("ofac-46001")));
        assert!(e.remarks.iter().any(|r| r.starts_with("firstName: Mariya Aleksandrovna; ")));
    }

    #[test]
    fn company_gets_programs_and_measures_from_sanctions() {
        let e = entity(zala(), "opensanctions:NK-abdzbEBkqyT29GyREbiURZ");
        assert_eq!(e.kind, Kind::Organization);
        assert_eq!(e.primary_name(), Some("LLC CST"));
        let p = |c: &str| e.programs.iter().find(|p| p.code == c).unwrap_or_else(|| panic!("{c}"));
        assert_eq!(p("AU-RUSSIA").listed_on.map(|d| d.to_string()).as_deref(), Some("2023-02-24"));
        assert_eq!(p("GB-RUS").listed_on.map(|d| d.to_string()).as_deref(), Some("2023-02-08"));
        // From the entity's own programId and from Sanction objects alike.
        assert!(e.programs.iter().any(|p| p.code == "US-RUSHAR"));
        assert!(e.programs.iter().any(|p| p.code == "US-BIS-EL"));
        let freeze: Vec<&str> = e
            .measures
            .iter()
            .filter(|m| m.kind == MeasureKind::AssetFreeze)
            .map(|m| m.authority.as_deref().unwrap())
            .collect();
        assert!(freeze.contains(&"Office of Foreign Assets Control"), "{freeze:?}");
        assert!(freeze.contains(&"Foreign, Commonwealth & Development Office"), "{freeze:?}");
        assert!(e.remarks.iter().any(|r| r.starts_with("Sanction au-dfat-56600015954691cece058c2a3b0e3b27740701e6: authority: Department of Foreign Affairs and Trade")));
        // Addresses from Address objects found through referents.
        assert!(e
            .addresses
            .iter()
            .any(|a| a.city.as_deref() == Some("Izhevsk") && a.country == Some(code("RU"))));
    }

    #[test]
    fn ownership_both_ways() {
        let cst = entity(zala(), "opensanctions:NK-abdzbEBkqyT29GyREbiURZ");
        let owner = cst
            .relations
            .iter()
            .find(|r| r.kind == RelationKind::OwnedBy && r.target_name == "JSC Kalashnikov Concern")
            .unwrap();
        assert_eq!(
            owner.target_id.as_ref().unwrap().as_str(),
            "opensanctions:NK-nR5AXM9AVPq4pQaSPSaVam"
        );
        let kal = entity(zala(), "opensanctions:NK-nR5AXM9AVPq4pQaSPSaVam");
        assert!(kal.relations.iter().any(|r| r.kind == RelationKind::Owns
            && r.target_id.as_ref().map(EntityId::as_str)
                == Some("opensanctions:NK-abdzbEBkqyT29GyREbiURZ")));
        let zak = entity(zala(), "opensanctions:NK-aU5ybkbRFJucf8YMwsJvDw");
        assert!(zak
            .relations
            .iter()
            .any(|r| r.kind == RelationKind::Director && r.target_name == "LLC CST"));
        // The Passport object of the file has no number: kept as a remark.
        assert!(zak.remarks.iter().any(|r| r.starts_with(
            "Passport gb-fcdo-217caa5aa607244044b49706d04d8d6c5ec992bd without a number"
        )));
    }

    const PERSON: &str = r#"{"id":"p1","schema":"Person","caption":"John Doe","properties":{"name":["John Doe"],"birthDate":["1970","sometime"],"nationality":["suhh","zz"],"passportNumber":["X1"]},"referents":["old-p1"],"datasets":["ds"]}"#;

    fn lines(ls: &[&str]) -> Vec<u8> {
        ls.join("\n").into_bytes()
    }

    #[test]
    fn fixture_folding() {
        let sanction = r#"{"id":"s1","schema":"Sanction","properties":{"entity":["old-p1"],"programId":["X-PROG"],"startDate":["2020-05-01T00:00:00"],"provisions":["Travel ban"]}}"#;
        let pass = r#"{"id":"id1","schema":"Passport","properties":{"holder":["p1"],"number":["P-77"],"country":["ru"],"startDate":["2010-01-01"]}}"#;
        let link = r#"{"id":"l1","schema":"Associate","properties":{"person":["p1"],"associate":["elsewhere"]}}"#;
        let note = r#"{"id":"n1","schema":"Note","caption":"A note","properties":{"entity":["p1"],"description":["hello"]}}"#;
        let lists = parse_bytes(
            "x.ftm.json",
            &lines(&[PERSON, "", sanction, pass, link, note]),
            &Options::default(),
        )
        .unwrap();
        let l = &lists[0];
        assert_eq!(l.meta.records, 5);
        assert_eq!(l.meta.key.dataset, "ds");
        let e = &l.entities[0];
        assert_eq!(e.birth_dates.len(), 1);
        assert!(e.remarks.contains(&"birthDate: sometime".to_string()));
        assert_eq!(e.nationalities, [code("SU")]);
        assert!(e.remarks.contains(&"nationality: zz".to_string()));
        assert_eq!(e.programs[0].code, "X-PROG");
        assert_eq!(e.programs[0].listed_on.map(|d| d.to_string()).as_deref(), Some("2020-05-01"));
        assert_eq!(e.measures[0].kind, MeasureKind::TravelBan);
        let p = e.identifiers.iter().find(|i| i.value == "P-77").unwrap();
        assert_eq!((p.kind, p.country), (IdKind::Passport, Some(code("RU"))));
        assert_eq!(p.note.as_deref(), Some("startDate: 2010-01-01"));
        let a = &e.relations[0];
        assert_eq!((a.kind, a.target_name.as_str()), (RelationKind::Associate, "elsewhere"));
        assert_eq!(a.target_id.as_ref().unwrap().as_str(), "opensanctions:elsewhere");
        assert!(e.remarks.iter().any(|r| r == "Note n1 A note: description: hello | entity: p1"));
        assert_eq!(l.meta.unstructured.get("birthDate"), Some(&1));
        assert_eq!(l.meta.unstructured.get("nationality"), Some(&1));
    }

    #[test]
    fn malformed_line_is_a_syntax_error() {
        let bytes = lines(&[PERSON, r#"{"id":"p2","schema":"Person","properties":{"name":["X"]"#]);
        let err =
            parse_bytes("x.ftm.json", &bytes, &Options { lenient: true, ..Options::default() })
                .unwrap_err();
        assert!(
            err.to_string().starts_with("x.ftm.json: line 2: malformed: invalid JSON: EOF"),
            "{err}"
        );
        // A truncated gzip stream.
        let gz = {
            use std::io::Write;
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(&lines(&[PERSON, PERSON, PERSON])).unwrap();
            enc.finish().unwrap()
        };
        let err =
            parse_bytes("x.ftm.json.gz", &gz[..gz.len() - 12], &Options::default()).unwrap_err();
        assert!(err.to_string().contains("broken gzip"), "{err}");
    }

    #[test]
    fn bad_records_strict_and_lenient() {
        let no_id = r#"{"schema":"Person","properties":{"name":["X"]}}"#;
        let no_name = r#"{"id":"p9","schema":"Person","properties":{"birthDate":["1970"]}}"#;
        let dangling = r#"{"id":"s9","schema":"Sanction","properties":{"entity":["nobody"]}}"#;
        let not_obj = r#"{"id":"p8","schema":"Person","properties":["x"]}"#;
        for (row, msg) in [
            (no_id, "line 2 (record 2): invalid record: object without `id`"),
            (no_name, "line 2 (record 2): invalid record: Person `p9` has no name"),
            (dangling, "line 2 (record 2): Sanction `s9` refers to no Person, Company, Organization, Vessel or Airplane in the file"),
            (not_obj, "line 2 (record 2): invalid record: not an FtM object: invalid type: sequence, expected a map at column 42"),
        ] {
            let bytes = lines(&[PERSON, row]);
            let err = parse_bytes("x.json", &bytes, &Options::default()).unwrap_err();
            assert_eq!(err.to_string(), format!("x.json: {msg}"));
            let lists = parse_bytes("x.json", &bytes, &Options { lenient: true, ..Options::default() }).unwrap();
            assert_eq!(lists[0].entities.len(), 1);
            assert_eq!(lists[0].meta.records, 2);
            assert_eq!(lists[0].skipped.len(), 1);
            assert_eq!(lists[0].skipped[0].to_string(), format!("x.json: {msg}"));
        }
    }

    #[test]
    fn dataset_falls_back_to_the_stem() {
        let other =
            r#"{"id":"p2","schema":"Company","properties":{"name":["Y"]},"datasets":["other"]}"#;
        let lists =
            parse_bytes("dir/some_export.ftm.json", &lines(&[PERSON, other]), &Options::default())
                .unwrap();
        assert_eq!(lists[0].meta.key.dataset, "some_export");
    }
}
