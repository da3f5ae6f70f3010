//! OFAC classic XML (`sdnList`): SDN.XML and CONSOLIDATED.XML.
//!
//! The file is one `<sdnList>` (default namespace
//! `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML`)
//! holding a `<publshInformation>` header (sic: OFAC misspells it) with
//! `Publish_Date` in US order (`01/08/2026` is 8 January 2026) and
//! `Record_Count`, then one `<sdnEntry>` per listed party: `uid`,
//! `firstName`/`lastName`, `title`, `sdnType` (Individual, Entity, Vessel,
//! Aircraft), `remarks`, `programList`, `idList`, `akaList`, `addressList`,
//! `nationalityList`, `citizenshipList`, `dateOfBirthList`,
//! `placeOfBirthList` and `vesselInfo`.
//!
//! Quirks:
//! - `idList` is not only identity documents: OFAC puts every "feature" of
//!   its database there as `idType`/`idNumber` pairs. Next to passports and
//!   registration numbers come restrictions (`Executive Order 13662 Directive
//!   Determination -` / `Subject to Directive 1`, `Secondary sanctions risk:`,
//!   `CAATSA Section 235 Information:`...), contact data (`Website`, `Email
//!   Address`), vessel and aircraft particulars, `Gender`, and descriptive
//!   facts (`Target Type`, `Organization Established Date`, CMIC dates). Each
//!   label is classified by [`classify`] into an identifier, a measure, an
//!   entity field or a remark; the Enhanced XML parser uses the same table
//!   for its features and document types, so both formats agree.
//! - Relations exist only as `(Linked To: NAME)` in the remarks; they are
//!   resolved to an entity of the same file by its primary name (or, failing
//!   that, an unambiguous alias).
//! - An address `country` may be `Region: Gaza` (a region without a
//!   country).
//! - Weak akas can carry the full `LAST, First` form in `lastName`.
//! - Alias roles: a `weak` category gives [`NameRole::WeakAlias`] even for an
//!   `f.k.a.` (quality is what matching needs to know); otherwise `f.k.a.` is
//!   [`NameRole::Former`], `a.k.a.` and `n.k.a.` are [`NameRole::Alias`].
//! - `Vessel Registration Identification` holds `IMO 9187629`; the IMO
//!   identifier keeps the number alone, as other lists give it.
//! - The same directive is often stated twice (`Executive Order 14024
//!   Directive Information` and `Listing Date (EO 14024 Directive 2):`); one
//!   measure per authority and directive is kept.
//!
//! Names are written as OFAC's CSV writes them: `LASTNAME, Firstname` when a
//! first name is given, else the last name alone.
//!
//! The module also holds the small streaming XML reader both OFAC XML
//! parsers use: [`XmlReader`] walks the document with quick-xml and hands
//! out one record element at a time as a [`Node`] tree, so memory stays
//! bounded by the largest record while the mapping code reads like a DOM.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use veto_model::country::resolve;
use veto_model::{
    Address, Aircraft, Country, Entity, EntityId, Gender, IdKind, Identifier, Kind, Measure,
    MeasureKind, Name, NameRole, PartialDate, Program, Provenance, Relation, RelationKind, Source,
    Vessel,
};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::{clean, parse_birth_date_en};

/// Parses an OFAC classic XML file.
///
/// # Errors
///
/// Fails on malformed or truncated XML (with the line), a root element
/// other than `<sdnList>`, and, in strict mode, invalid entries (no `uid`,
/// unknown `sdnType`, no name).
pub fn parse(input: &Input, source: Source, sink: &mut Sink) -> Result<Vec<Entity>> {
    let text = input.text()?;
    let mut xml = XmlReader::new(text, &input.name);
    let mut entities = Vec::new();
    let mut record = 0u64;
    while let Some(head) = xml.next_start()? {
        match (head.depth, head.name.as_str()) {
            (0, "sdnList") => {}
            (0, other) => {
                return Err(Error::file(
                    &input.name,
                    ErrorKind::UnknownFormat(format!(
                        "root element <{other}>; an OFAC classic XML file has <sdnList>"
                    )),
                ))
            }
            (1, "publshInformation" | "publishInformation") => {
                let node = xml.read_node(head)?;
                publish_date(&node, sink);
            }
            (1, "sdnEntry") => {
                record += 1;
                sink.records += 1;
                let line = head.line;
                let node = xml.read_node(head)?;
                match entry(&node, source, sink) {
                    Ok(mut e) => {
                        e.provenance =
                            Provenance { file: input.name.clone(), record, line: Some(line) };
                        entities.push(e);
                    }
                    Err(msg) => {
                        let loc = Location::Record { record, line: Some(line) };
                        sink.bad_record(Error::invalid(&input.name, loc, msg))?;
                    }
                }
            }
            // Anything else under the root is not part of the schema; read
            // past it whole.
            _ => {
                xml.read_node(head)?;
            }
        }
    }
    resolve_linked_names(&mut entities);
    Ok(entities)
}

/// Reads `Publish_Date` (`MM/DD/YYYY`) into the data date.
fn publish_date(node: &Node, sink: &mut Sink) {
    let Some(text) = node.text("Publish_Date") else { return };
    let parts: Vec<u16> = text.split('/').filter_map(|p| p.trim().parse().ok()).collect();
    let date = match parts.as_slice() {
        [m, d, y] if *m <= 12 && *d <= 31 => {
            PartialDate::new(*y, Some(*m as u8), Some(*d as u8)).ok()
        }
        _ => None,
    };
    match date {
        Some(d) => sink.set_data_date(d, "Publish_Date"),
        None => sink.unstructured("Publish_Date"),
    }
}

/// The entity kind of an OFAC `sdnType` / Enhanced `entityType`.
pub(crate) fn kind_of(sdn_type: &str) -> Option<Kind> {
    let t = sdn_type.trim();
    [
        ("Individual", Kind::Person),
        ("Entity", Kind::Organization),
        ("Vessel", Kind::Vessel),
        ("Aircraft", Kind::Aircraft),
    ]
    .into_iter()
    .find(|(name, _)| t.eq_ignore_ascii_case(name))
    .map(|(_, k)| k)
}

/// `LAST, First` as OFAC writes names, or whichever part is given.
pub(crate) fn full_name(last: Option<String>, first: Option<String>) -> Option<String> {
    match (last, first) {
        (Some(l), Some(f)) => Some(format!("{l}, {f}")),
        (Some(l), None) => Some(l),
        (None, Some(f)) => Some(f),
        (None, None) => None,
    }
}

/// Maps one `<sdnEntry>` to an entity, or says why it is invalid.
fn entry(node: &Node, source: Source, sink: &mut Sink) -> std::result::Result<Entity, String> {
    let uid = node.text("uid").ok_or("<sdnEntry> without <uid>")?;
    let sdn_type = node.text("sdnType").ok_or_else(|| format!("sdnEntry {uid}: no <sdnType>"))?;
    let kind = kind_of(&sdn_type).ok_or_else(|| {
        format!("sdnEntry {uid}: unknown sdnType '{sdn_type}' (expected Individual, Entity, Vessel or Aircraft)")
    })?;
    let primary = full_name(node.text("lastName"), node.text("firstName"))
        .ok_or_else(|| format!("sdnEntry {uid}: no <lastName>"))?;
    let mut e = Entity::new(source, &uid, kind);
    e.add_name(Name::new(primary, NameRole::Primary));
    if let Some(title) = node.text("title") {
        e.positions.push(title);
    }
    for p in node.grandchildren("programList", "program") {
        if let Some(code) = p.value() {
            Entity::push_unique(&mut e.programs, Program::new(code));
        }
    }
    for aka in node.grandchildren("akaList", "aka") {
        let Some(name) = full_name(aka.text("lastName"), aka.text("firstName")) else { continue };
        let ty = aka.text("type").unwrap_or_default();
        let weak = aka.text("category").is_some_and(|c| c.eq_ignore_ascii_case("weak"));
        e.add_name(Name::new(name, alias_role(&ty, weak, sink)));
    }
    for id in node.grandchildren("idList", "id") {
        let Some(label) = id.text("idType") else {
            if let Some(number) = id.text("idNumber") {
                e.remarks.push(number);
                sink.unstructured("id without type");
            }
            continue;
        };
        let mut info = ValueInfo::default();
        if let Some(c) = id.text("idCountry") {
            info.set_country(resolve(&c), c);
        }
        let mut notes = Vec::new();
        if let Some(d) = id.text("issueDate") {
            notes.push(format!("issued {d}"));
        }
        if let Some(d) = id.text("expirationDate") {
            notes.push(format!("expires {d}"));
        }
        if !notes.is_empty() {
            info.note = Some(notes.join("; "));
        }
        apply_labelled(&mut e, &label, id.text("idNumber").as_deref(), info, sink);
    }
    for a in node.grandchildren("addressList", "address") {
        let street: Vec<String> =
            ["address1", "address2", "address3"].iter().filter_map(|k| a.text(k)).collect();
        let parts = AddressParts {
            street: (!street.is_empty()).then(|| street.join(", ")),
            city: a.text("city"),
            region: a.text("stateOrProvince").or_else(|| a.text("region")),
            postal_code: a.text("postalCode"),
            country_text: a.text("country"),
            country: None,
        };
        if let Some(addr) = parts.build(sink) {
            Entity::push_unique(&mut e.addresses, addr);
        }
    }
    for n in node.grandchildren("nationalityList", "nationality") {
        if let Some(c) = n.text("country") {
            apply_labelled(&mut e, "Nationality Country", Some(&c), ValueInfo::default(), sink);
        }
    }
    for n in node.grandchildren("citizenshipList", "citizenship") {
        if let Some(c) = n.text("country") {
            apply_labelled(&mut e, "Citizenship Country", Some(&c), ValueInfo::default(), sink);
        }
    }
    for d in node.grandchildren("dateOfBirthList", "dateOfBirthItem") {
        if let Some(text) = d.text("dateOfBirth") {
            apply_labelled(&mut e, "Birthdate", Some(&text), ValueInfo::default(), sink);
        }
    }
    for p in node.grandchildren("placeOfBirthList", "placeOfBirthItem") {
        if let Some(text) = p.text("placeOfBirth") {
            Entity::push_unique(&mut e.birth_places, text);
        }
    }
    if let Some(v) = node.child("vesselInfo") {
        for (tag, label) in [
            ("callSign", "Vessel Call Sign"),
            ("vesselType", "Vessel Type"),
            ("vesselFlag", "Vessel Flag"),
            ("vesselOwner", "Vessel Owner"),
            ("tonnage", "Vessel Tonnage"),
            ("grossRegisteredTonnage", "VGRT"),
        ] {
            if let Some(value) = v.text(tag) {
                apply_labelled(&mut e, label, Some(&value), ValueInfo::default(), sink);
            }
        }
    }
    if let Some(remarks) = node.text("remarks") {
        for target in linked_to(&remarks) {
            let rel =
                Relation { kind: RelationKind::LinkedTo, target_name: target, target_id: None };
            Entity::push_unique(&mut e.relations, rel);
        }
        e.remarks.push(remarks);
    }
    Ok(e)
}

/// The role of an alias: weak (low-quality) first, since that is what
/// matching must know; then `f.k.a.` as a former name; `a.k.a.` and
/// `n.k.a.` are strong aliases.
pub(crate) fn alias_role(alias_type: &str, weak: bool, sink: &mut Sink) -> NameRole {
    let t = alias_type.trim().to_ascii_lowercase();
    if weak {
        return NameRole::WeakAlias;
    }
    match t.as_str() {
        "f.k.a." | "fka" => NameRole::Former,
        "a.k.a." | "n.k.a." | "aka" | "nka" | "" => NameRole::Alias,
        _ => {
            sink.unstructured("alias type");
            NameRole::Alias
        }
    }
}

/// The names in `(Linked To: NAME)` notes of a remarks text. Names may
/// contain parentheses (`X (HK) LIMITED`), so the closing one is found by
/// balance.
pub(crate) fn linked_to(remarks: &str) -> Vec<String> {
    const KEY: &str = "Linked To:";
    let mut out = Vec::new();
    let mut rest = remarks;
    while let Some(i) = rest.find(KEY) {
        let opened = rest[..i].trim_end().ends_with('(');
        let after = &rest[i + KEY.len()..];
        let mut depth = 0usize;
        let mut end = after.len();
        for (j, c) in after.char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 && opened => {
                    end = j;
                    break;
                }
                ')' => depth = depth.saturating_sub(1),
                ';' if depth == 0 && !opened => {
                    end = j;
                    break;
                }
                _ => {}
            }
        }
        // A bare note ends the sentence with a dot; inside parentheses the
        // dot belongs to the name (`CO., LTD.`).
        let raw = &after[..end];
        let raw = if opened { raw } else { raw.trim_end_matches('.') };
        if let Some(name) = clean(raw) {
            out.push(name);
        }
        rest = &after[end..];
    }
    out
}

/// Sets `target_id` of name-only relations when the name is the primary
/// name (or else an alias) of exactly one entity of the list.
fn resolve_linked_names(entities: &mut [Entity]) {
    let mut primary: HashMap<String, Option<EntityId>> = HashMap::new();
    let mut alias: HashMap<String, Option<EntityId>> = HashMap::new();
    for e in entities.iter() {
        for n in &e.names {
            let map = if n.role == NameRole::Primary { &mut primary } else { &mut alias };
            let key = name_key(&n.full);
            match map.get(&key) {
                Some(Some(id)) if id != &e.id => {
                    map.insert(key, None);
                }
                Some(_) => {}
                None => {
                    map.insert(key, Some(e.id.clone()));
                }
            }
        }
    }
    for e in entities.iter_mut() {
        for r in e.relations.iter_mut().filter(|r| r.target_id.is_none()) {
            let key = name_key(&r.target_name);
            r.target_id = match primary.get(&key) {
                Some(found) => found.clone(),
                None => alias.get(&key).cloned().flatten(),
            };
        }
    }
}

/// Names compared for resolving links: case and a final dot ignored.
fn name_key(name: &str) -> String {
    name.trim().trim_end_matches('.').to_uppercase()
}

// ---------------------------------------------------------------------------
// Addresses

/// The parts of an address as a list gives them, before cleaning.
#[derive(Default)]
pub(crate) struct AddressParts {
    /// Street lines, joined.
    pub street: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State, province or region.
    pub region: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// The country as written.
    pub country_text: Option<String>,
    /// The country when the list codes it (Enhanced XML reference values).
    pub country: Option<Country>,
}

impl AddressParts {
    /// Builds the address; `None` if it has no part at all. A country
    /// written `Region: Gaza` becomes the region (and its country if the
    /// region names one).
    pub fn build(mut self, sink: &mut Sink) -> Option<Address> {
        if let Some(ct) = self.country_text.take() {
            match ct.strip_prefix("Region:").map(str::trim) {
                Some(region) if !region.is_empty() => {
                    self.region.get_or_insert_with(|| region.to_string());
                }
                _ => self.country_text = Some(ct),
            }
        }
        let mut country = self.country;
        if country.is_none() {
            if let Some(ct) = &self.country_text {
                country = resolve(ct);
                if country.is_none() {
                    sink.unstructured("address country");
                }
            } else if let Some(r) = &self.region {
                country = resolve(r);
            }
        }
        let full: Vec<&str> =
            [&self.street, &self.city, &self.region, &self.postal_code, &self.country_text]
                .into_iter()
                .filter_map(|p| p.as_deref())
                .collect();
        if full.is_empty() && country.is_none() {
            return None;
        }
        let full = if full.is_empty() {
            country.map(|c| c.name().to_string()).unwrap_or_default()
        } else {
            full.join(", ")
        };
        Some(Address {
            street: self.street,
            city: self.city,
            region: self.region,
            postal_code: self.postal_code,
            country,
            full,
        })
    }
}

// ---------------------------------------------------------------------------
// Labelled values: classic `idType`/`idNumber`, Enhanced features and
// identity document types.

/// What an OFAC label (`idType`, feature type, document type) stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// A typed identifier.
    Id(IdKind),
    /// A restriction.
    Measure(MeasureKind),
    /// A date (listing/effective) of a directive named in the label
    /// (`Listing Date (EO 14024 Directive 2):`): kept as a remark, and the
    /// entity is subject to that directive.
    DirectiveDate,
    /// Date of birth.
    BirthDate,
    /// Place of birth.
    BirthPlace,
    /// Nationality.
    Nationality,
    /// Citizenship.
    Citizenship,
    /// Another country of the entity (`Nationality of Registration`).
    Country,
    /// Gender.
    Gender,
    /// Vessel flag.
    VesselFlag,
    /// Vessel type.
    VesselType,
    /// Tonnage.
    VesselTonnage,
    /// Gross registered tonnage.
    VesselGrt,
    /// Owner or operator of a vessel.
    VesselOwner,
    /// Year of build.
    VesselYear,
    /// Aircraft model.
    AircraftModel,
    /// Aircraft operator.
    AircraftOperator,
    /// Aircraft manufacture date.
    AircraftBuilt,
    /// A descriptive fact kept as a remark (`Target Type`, CMIC dates...).
    Remark,
    /// A label not in the table: kept as a remark and counted.
    Unknown,
}

const NATIONAL_ID: &[&str] = &[
    "national id no.",
    "cedula no.",
    "d.n.i.",
    "identification number",
    "personal id card",
    "kenyan id no.",
    "bosnian personal id no.",
    "moroccan personal id no.",
    "c.u.r.p.",
    "c.u.r.p. #",
    "c.u.i.",
    "le number",
    "turkish identification number",
    "tazkira national id card",
    "numero de identidad",
    "citizen's card number",
    "uae identification",
    "cnp (personal numerical code)",
    "national foreign id number",
    "n.i.e.",
];
const TAX_ID: &[&str] = &[
    "tax id no.",
    "r.f.c.",
    "r.f.c. #",
    "rfc",
    "nit #",
    "us fein",
    "ruc #",
    "c.i.f.",
    "rif #",
    "v.a.t. number",
    "italian fiscal code",
    "fiscal code",
    "c.u.i.t.",
    "paraguayan tax identification number",
    "romanian tax registration",
    "n.i.f.",
    "rtn",
    "numero unico de identificacao tributaria (nuit)",
    "rsin",
    "inn",
];
const REGISTRATION: &[&str] = &[
    "registration id",
    "registration number",
    "business registration document #",
    "business registration number",
    "business number",
    "company number",
    "uk company number",
    "company id",
    "registered charity no.",
    "c.r. no.",
    "romanian c.r.",
    "commercial registry number",
    "certificate of incorporation number",
    "trade license no.",
    "tourism license no.",
    "license",
    "dubai chamber of commerce membership no.",
    "registration certificate number (dubai)",
    "registration certificate number",
    "matricula mercantil no",
    "folio mercantil no.",
    "istanbul chamber of comm. no.",
    "chamber of commerce number",
    "public registration number",
    "government gazette number",
    "unified social credit code (uscc)",
    "united social credit code certificate (usccc)",
    "enterprise number",
    "organization code",
    "branch unit number",
    "central registration system number",
    "economic register number (cbls)",
    "msb registration number",
    "afghan money service provider license number",
    "d-u-n-s number",
    "russian state individual business registration number pattern (ogrnip)",
    "kazakhstan business identification number",
    "c.i.n.",
    "file number",
];
/// Documents and codes with no more specific kind; the label says which.
/// (Kinds agree with the CSV remarks table in `ofac::remarks`.)
const OTHER_ID: &[&str] = &[
    "isin",
    "equity ticker",
    "bik (ru)",
    "chinese commercial code",
    "global intermediary identification number",
    "aircraft mode s transponder code",
    "permit number",
    "sre permit no.",
    "pilot license number",
    "serial no.",
    "trademark number",
    "birth certificate number",
    "military registration number",
    "cartilla de servicio militar nacional",
    "c.u.i.p.",
    "residency number",
    "immigration no.",
    "public security and immigration no.",
    "visanumberid",
    "travel document number",
    "seafarer's identification document",
    "credencial electoral",
    "i.f.e.",
    "electoral registry no.",
    "stateless person id card",
    "refugee id card",
    "romanian permanent resident",
    "romanian permanent resident can",
    "tarjeta profesional",
    "telex",
];
const REMARK: &[&str] = &[
    "organization established date",
    "organization type",
    "target type",
    "issuer name",
    "listing date (cmic)",
    "effective date (cmic)",
    "purchase/sales for divestment date (cmic)",
    "other vessel flag",
    "former vessel flag",
    "location",
    "former sanctions program",
];

/// Lowercases a label and drops the trailing `:`/`-` OFAC appends to some.
fn norm_label(label: &str) -> String {
    label.trim().trim_end_matches([':', '-', ' ']).trim().to_lowercase()
}

/// Classifies an OFAC label. The table covers every `idType` of the SDN and
/// Consolidated lists and every feature and document type of the Enhanced
/// XML reference values.
pub(crate) fn classify(label: &str) -> Field {
    let l = norm_label(label);
    let l = l.as_str();
    let id = Field::Id;
    match l {
        "birthdate" | "dob" | "date of birth" => return Field::BirthDate,
        "place of birth" | "pob" => return Field::BirthPlace,
        "nationality country" | "nationality" => return Field::Nationality,
        "citizenship country" | "citizenship" | "citizen" => return Field::Citizenship,
        "nationality of registration" => return Field::Country,
        "gender" => return Field::Gender,
        "vessel call sign" | "other vessel call sign" | "call sign" => return id(IdKind::CallSign),
        "vessel flag" => return Field::VesselFlag,
        "vessel type" | "other vessel type" => return Field::VesselType,
        "vessel tonnage" | "tonnage" => return Field::VesselTonnage,
        "vgrt" | "gross registered tonnage" => return Field::VesselGrt,
        "vessel owner" => return Field::VesselOwner,
        "vessel year of build" => return Field::VesselYear,
        "aircraft model" => return Field::AircraftModel,
        "aircraft operator" => return Field::AircraftOperator,
        "aircraft manufacture date" => return Field::AircraftBuilt,
        "aircraft manufacturer's serial number (msn)"
        | "aircraft construction number (also called l/n or s/n or f/n)"
        | "aircraft construction number"
        | "aircraft serial identification" => return id(IdKind::AircraftSerial),
        "aircraft tail number" | "previous aircraft tail number" => {
            return id(IdKind::AircraftTail)
        }
        "vessel registration identification"
        | "international maritime organization no."
        | "imo"
        | "imo number" => return id(IdKind::Imo),
        "mmsi" => return id(IdKind::Mmsi),
        "swift/bic" | "swift" | "bic" => return id(IdKind::SwiftBic),
        "legal entity number" | "lei" => return id(IdKind::Lei),
        "email address" | "email" => return id(IdKind::Email),
        "website" => return id(IdKind::Website),
        "phone number" | "phone" | "phone no." | "telephone" | "telephone no." | "fax"
        | "fax no." => return id(IdKind::Phone),
        "driver's license no." => return id(IdKind::DriversLicense),
        "ssn" => return id(IdKind::SocialSecurity),
        "secondary sanctions risk" | "additional sanctions information" => {
            return Field::Measure(MeasureKind::SecondarySanctions)
        }
        "caatsa section 235 information" | "ifca determination" | "peesa information" => {
            return Field::Measure(MeasureKind::Other)
        }
        _ => {}
    }
    if l.starts_with("digital currency address") {
        return id(IdKind::DigitalCurrency);
    }
    if l.contains("passport") {
        return id(IdKind::Passport);
    }
    if NATIONAL_ID.contains(&l) {
        return id(IdKind::NationalId);
    }
    if TAX_ID.contains(&l) {
        return id(IdKind::TaxId);
    }
    if REGISTRATION.contains(&l) {
        return id(IdKind::Registration);
    }
    if OTHER_ID.contains(&l) {
        return id(IdKind::Other);
    }
    if REMARK.contains(&l) {
        return Field::Remark;
    }
    if (l.starts_with("listing date") || l.starts_with("effective date")) && l.contains("directive")
    {
        return Field::DirectiveDate;
    }
    if l.starts_with("transactions prohibited") {
        return Field::Measure(MeasureKind::TransactionsProhibited);
    }
    if l.starts_with("executive order") {
        if l.contains("directive") {
            return Field::Measure(MeasureKind::SectoralDirective);
        }
        if l == "executive order 14059 information" {
            // Every 14059 entry is a prohibition on dealings (loans, FX,
            // investment) with the target.
            return Field::Measure(MeasureKind::TransactionsProhibited);
        }
        return Field::Measure(MeasureKind::Other);
    }
    if l.starts_with("listing date") || l.starts_with("effective date") || l.ends_with(" date") {
        return Field::Remark;
    }
    if l.ends_with(" no.") || l.ends_with(" number") || l.ends_with(" #") || l.ends_with(" id") {
        return id(IdKind::Other);
    }
    Field::Unknown
}

/// What a list says besides a labelled value: the country tied to it and
/// notes (dates, issuer, comments).
#[derive(Debug, Default)]
pub(crate) struct ValueInfo {
    /// The country (issuing country of a document, the country a COUNTRY
    /// feature names).
    pub country: Option<Country>,
    /// That country as written, when it did not resolve.
    pub country_text: Option<String>,
    /// Issue/expiry dates, issuer, comments.
    pub note: Option<String>,
}

impl ValueInfo {
    /// Sets the country from a resolution attempt and its text.
    pub fn set_country(&mut self, country: Option<Country>, text: String) {
        match country {
            Some(c) => self.country = Some(c),
            None => self.country_text = Some(text),
        }
    }

    fn add_note(&mut self, note: String) {
        self.note = Some(match self.note.take() {
            Some(n) => format!("{n}; {note}"),
            None => note,
        });
    }
}

/// The legal basis named in a label or text: `Executive Order 14024` →
/// `EO 14024`, `CAATSA Section 235` → `CAATSA 235`, `31 CFR 589.201` →
/// `31 CFR 589`, `IFCA`, `PEESA`.
pub(crate) fn authority_in(text: &str) -> Option<String> {
    let digits_after = |s: &str| -> Option<String> {
        let d: String = s.trim_start().chars().take_while(char::is_ascii_digit).collect();
        (!d.is_empty()).then_some(d)
    };
    if let Some(i) = text.find("Executive Order ") {
        if let Some(n) = digits_after(&text[i + "Executive Order ".len()..]) {
            return Some(format!("EO {n}"));
        }
    }
    if let Some(i) = text.find("EO ") {
        if let Some(n) = digits_after(&text[i + 3..]) {
            return Some(format!("EO {n}"));
        }
    }
    if let Some(i) = text.find("CAATSA") {
        let rest = text[i + 6..].trim_start();
        let rest = rest.strip_prefix("Section").unwrap_or(rest);
        return Some(match digits_after(rest) {
            Some(n) => format!("CAATSA {n}"),
            None => "CAATSA".to_string(),
        });
    }
    if let Some(i) = text.find(" CFR ") {
        let title: String = text[..i].chars().rev().take_while(char::is_ascii_digit).collect();
        if let Some(part) = digits_after(&text[i + 5..]) {
            let title: String = title.chars().rev().collect();
            return Some(format!("{} CFR {part}", if title.is_empty() { "31" } else { &title }));
        }
    }
    for short in ["IFCA", "PEESA"] {
        if text.contains(short) {
            return Some(short.to_string());
        }
    }
    if text.contains("Hong Kong Autonomy Act") {
        return Some("HKAA".to_string());
    }
    None
}

/// The directive number in `Subject to Directive 1a - ...` or
/// `(EO 14024 Directive 2)`: `1a`, `2`.
pub(crate) fn directive_number(text: &str) -> Option<String> {
    let i = text.find("Directive ")?;
    let n: String =
        text[i + "Directive ".len()..].chars().take_while(char::is_ascii_alphanumeric).collect();
    n.starts_with(|c: char| c.is_ascii_digit()).then_some(n)
}

/// Adds a measure unless the entity already has it. Sectoral directives
/// are the same when authority and number agree (OFAC states one in
/// several places); the longer text is kept.
pub(crate) fn add_measure(e: &mut Entity, m: Measure) {
    let same = |x: &Measure| {
        x.kind == m.kind
            && x.authority == m.authority
            && if m.kind == MeasureKind::SectoralDirective && m.directive.is_some() {
                x.directive == m.directive
            } else {
                x.text == m.text
            }
    };
    if let Some(existing) = e.measures.iter_mut().find(|x| same(x)) {
        if m.text.len() > existing.text.len() {
            existing.text = m.text;
        }
        return;
    }
    e.measures.push(m);
}

/// `label value` as OFAC's CSV remarks write a fact.
fn fact(label: &str, value: Option<&str>) -> String {
    match value {
        Some(v) => format!("{} {v}", label.trim()),
        None => label.trim().to_string(),
    }
}

/// Applies one labelled value (`idType`/`idNumber`, an Enhanced feature or
/// identity document) to an entity, according to [`classify`].
pub(crate) fn apply_labelled(
    e: &mut Entity,
    label: &str,
    value: Option<&str>,
    mut info: ValueInfo,
    sink: &mut Sink,
) {
    let field = classify(label);
    let remark = |e: &mut Entity, info: &ValueInfo| {
        let mut r = fact(label, value);
        if let Some(n) = &info.note {
            r.push_str(&format!(" ({n})"));
        }
        Entity::push_unique(&mut e.remarks, r);
    };
    let Some(v) = value else {
        // A label without a value says nothing structured; keep it.
        remark(e, &info);
        return;
    };
    match field {
        Field::Id(mut kind) => {
            let mut value = v.to_string();
            if norm_label(label) == "identification number" {
                // A national id for persons; for others some other number,
                // an IMO number when the value says so.
                kind = if v.starts_with("IMO") {
                    IdKind::Imo
                } else if e.kind == Kind::Person {
                    IdKind::NationalId
                } else {
                    IdKind::Other
                };
            }
            if kind == IdKind::Imo {
                // `IMO 9187629`: the number is what other lists give.
                if let Some(n) = value.strip_prefix("IMO").map(str::trim) {
                    if !n.is_empty() {
                        value = n.to_string();
                    }
                }
            }
            if let Some(ct) = info.country_text.take() {
                sink.unstructured("identifier country");
                info.add_note(format!("country: {ct}"));
            }
            let mut id = Identifier::new(kind, value, label.trim());
            id.country = info.country;
            id.note = info.note;
            Entity::push_unique(&mut e.identifiers, id);
        }
        Field::Measure(kind) => {
            let directive =
                if kind == MeasureKind::SectoralDirective { directive_number(v) } else { None };
            if kind == MeasureKind::SectoralDirective && directive.is_none() {
                // "For more information on directives, please visit ...":
                // a pointer, not a restriction.
                remark(e, &info);
                return;
            }
            let authority = authority_in(label).or_else(|| authority_in(v));
            add_measure(e, Measure { kind, authority, directive, text: fact(label, value) });
        }
        Field::DirectiveDate => {
            remark(e, &info);
            if let (Some(authority), Some(n)) = (authority_in(label), directive_number(label)) {
                let text =
                    format!("{} Directive {n}", authority.replace("EO ", "Executive Order "));
                add_measure(
                    e,
                    Measure {
                        kind: MeasureKind::SectoralDirective,
                        authority: Some(authority),
                        directive: Some(n),
                        text,
                    },
                );
            }
        }
        Field::BirthDate => match parse_birth_date_en(v) {
            Some(d) => Entity::push_unique(&mut e.birth_dates, d),
            None => {
                sink.unstructured("date of birth");
                Entity::push_unique(&mut e.remarks, format!("DOB {v}"));
            }
        },
        Field::BirthPlace => Entity::push_unique(&mut e.birth_places, v.to_string()),
        Field::Nationality | Field::Citizenship | Field::Country => {
            match info.country.or_else(|| resolve(v)) {
                Some(c) => {
                    let list = match field {
                        Field::Nationality => &mut e.nationalities,
                        Field::Citizenship => &mut e.citizenships,
                        _ => &mut e.countries,
                    };
                    Entity::push_unique(list, c);
                }
                None => {
                    sink.unstructured(match field {
                        Field::Nationality => "nationality",
                        Field::Citizenship => "citizenship",
                        _ => "country",
                    });
                    remark(e, &info);
                }
            }
        }
        Field::Gender => match v.to_ascii_lowercase().as_str() {
            "male" | "m" => e.gender = Some(Gender::Male),
            "female" | "f" => e.gender = Some(Gender::Female),
            _ => {
                sink.unstructured("gender");
                remark(e, &info);
            }
        },
        Field::VesselFlag => {
            let vessel = e.vessel.get_or_insert_with(Vessel::default);
            match info.country.or_else(|| resolve(v)) {
                Some(c) if vessel.flag.is_none() => vessel.flag = Some(c),
                None if vessel.flag.is_none() && vessel.flag_text.is_none() => {
                    sink.unstructured("vessel flag");
                    vessel.flag_text = Some(v.to_string());
                }
                _ => remark(e, &info),
            }
        }
        Field::VesselType
        | Field::VesselTonnage
        | Field::VesselGrt
        | Field::VesselOwner
        | Field::VesselYear => {
            let vessel = e.vessel.get_or_insert_with(Vessel::default);
            let slot = match field {
                Field::VesselType => &mut vessel.vessel_type,
                Field::VesselTonnage => &mut vessel.tonnage,
                Field::VesselGrt => &mut vessel.gross_registered_tonnage,
                Field::VesselOwner => &mut vessel.owner,
                _ => &mut vessel.year_built,
            };
            if slot.is_none() {
                *slot = Some(v.to_string());
            } else {
                remark(e, &info);
            }
        }
        Field::AircraftModel | Field::AircraftOperator | Field::AircraftBuilt => {
            let aircraft = e.aircraft.get_or_insert_with(Aircraft::default);
            let slot = match field {
                Field::AircraftModel => &mut aircraft.model,
                Field::AircraftOperator => &mut aircraft.operator,
                _ => &mut aircraft.built,
            };
            if slot.is_none() {
                *slot = Some(v.to_string());
            } else {
                remark(e, &info);
            }
        }
        Field::Remark => remark(e, &info),
        Field::Unknown => {
            sink.unstructured("unknown id type");
            remark(e, &info);
        }
    }
}

// ---------------------------------------------------------------------------
// Streaming XML reader

/// One XML element with its attributes, text and children (local names,
/// namespaces dropped).
#[derive(Debug, Default)]
pub(crate) struct Node {
    /// Local name.
    pub name: String,
    /// Attributes (local name, unescaped value).
    pub attrs: Vec<(String, String)>,
    /// Text content, unescaped, untrimmed (only non-blank text is kept).
    pub text: String,
    /// Child elements in document order.
    pub children: Vec<Node>,
}

impl Node {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The children named `name`.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The `inner` children of the `outer` children (`akaList`/`aka`).
    pub fn grandchildren<'a>(
        &'a self,
        outer: &'a str,
        inner: &'a str,
    ) -> impl Iterator<Item = &'a Node> + 'a {
        self.children(outer).flat_map(move |c| c.children(inner))
    }

    /// The cleaned text of the first child named `name`.
    pub fn text(&self, name: &str) -> Option<String> {
        self.child(name).and_then(Node::value)
    }

    /// The cleaned text of this element.
    pub fn value(&self) -> Option<String> {
        clean(&self.text)
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Whether the child `name` holds `true`.
    pub fn flag(&self, name: &str) -> bool {
        self.child(name).is_some_and(|c| c.text.trim().eq_ignore_ascii_case("true"))
    }
}

/// An element start seen by [`XmlReader::next_start`].
#[derive(Debug)]
pub(crate) struct Head {
    /// Local name.
    pub name: String,
    /// Nesting depth (0 for the root).
    pub depth: usize,
    /// 1-based line of the start tag.
    pub line: u64,
    attrs: Vec<(String, String)>,
    empty: bool,
}

/// A pull reader over an XML document that yields element starts and reads
/// chosen elements whole into [`Node`] trees. It checks that every element
/// is closed, so a truncated file is an error naming the line.
pub(crate) struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    bytes: &'a [u8],
    file: &'a str,
    /// Elements open outside any node read whole: name and line.
    open: Vec<(String, u64)>,
    /// Line counting is incremental: `line` is the line at byte `line_pos`.
    line: u64,
    line_pos: usize,
}

impl<'a> XmlReader<'a> {
    /// A reader over `text`; `file` names it in errors.
    pub fn new(text: &'a str, file: &'a str) -> XmlReader<'a> {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        XmlReader { reader, bytes: text.as_bytes(), file, open: Vec::new(), line: 1, line_pos: 0 }
    }

    /// The 1-based line of byte `pos`.
    fn line_at(&mut self, pos: u64) -> u64 {
        let pos = (pos as usize).min(self.bytes.len());
        if pos < self.line_pos {
            self.line = 1;
            self.line_pos = 0;
        }
        let nl = self.bytes[self.line_pos..pos].iter().filter(|&&b| b == b'\n').count();
        self.line += nl as u64;
        self.line_pos = pos;
        self.line
    }

    fn syntax_error(&mut self, err: quick_xml::Error) -> Error {
        let line = self.line_at(self.reader.error_position());
        Error::syntax(self.file, Location::Line(line), err.to_string())
    }

    fn eof_error(&mut self, inside: &str, opened_at: u64) -> Error {
        let line = self.line_at(self.bytes.len() as u64);
        Error::syntax(
            self.file,
            Location::Line(line),
            format!("unexpected end of file: <{inside}> opened on line {opened_at} is not closed (truncated file?)"),
        )
    }

    fn read(&mut self) -> Result<(Event<'a>, u64)> {
        let pos = self.reader.buffer_position();
        match self.reader.read_event() {
            Ok(ev) => Ok((ev, pos)),
            Err(e) => Err(self.syntax_error(e)),
        }
    }

    fn attrs(&mut self, start: &BytesStart<'_>) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(|e| self.syntax_error(e.into()))?;
            let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
            let value = attr
                .decode_and_unescape_value(self.reader.decoder())
                .map_err(|e| self.syntax_error(e))?
                .into_owned();
            out.push((key, value));
        }
        Ok(out)
    }

    /// The next element start at any depth outside the nodes read whole, or
    /// `None` at the end of the document.
    ///
    /// # Errors
    ///
    /// Malformed XML, or the document ends with elements still open.
    pub fn next_start(&mut self) -> Result<Option<Head>> {
        loop {
            let (ev, pos) = self.read()?;
            let (s, empty) = match ev {
                Event::Start(s) => (s, false),
                Event::Empty(s) => (s, true),
                Event::End(_) => {
                    self.open.pop();
                    continue;
                }
                Event::Eof => {
                    return match self.open.last().cloned() {
                        Some((name, line)) => Err(self.eof_error(&name, line)),
                        None => Ok(None),
                    };
                }
                _ => continue,
            };
            {
                {
                    let name = local_name(&s);
                    let attrs = self.attrs(&s)?;
                    let line = self.line_at(pos);
                    let depth = self.open.len();
                    if !empty {
                        self.open.push((name.clone(), line));
                    }
                    return Ok(Some(Head { name, depth, line, attrs, empty }));
                }
            }
        }
    }

    /// Reads the element `head` started, with everything inside it.
    ///
    /// # Errors
    ///
    /// Malformed XML, an unknown entity reference, or the end of the
    /// document inside the element.
    pub fn read_node(&mut self, head: Head) -> Result<Node> {
        let root = Node { name: head.name, attrs: head.attrs, ..Node::default() };
        if head.empty {
            return Ok(root);
        }
        let mut stack = vec![root];
        loop {
            let (ev, _) = self.read()?;
            match ev {
                Event::Start(s) => {
                    let attrs = self.attrs(&s)?;
                    stack.push(Node { name: local_name(&s), attrs, ..Node::default() });
                }
                Event::Empty(s) => {
                    let attrs = self.attrs(&s)?;
                    let node = Node { name: local_name(&s), attrs, ..Node::default() };
                    if let Some(top) = stack.last_mut() {
                        top.children.push(node);
                    }
                }
                Event::End(_) => {
                    let Some(done) = stack.pop() else { continue };
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(done),
                        None => {
                            self.open.pop();
                            return Ok(done);
                        }
                    }
                }
                Event::Text(t) => {
                    let s = t.decode().map_err(|e| self.syntax_error(e.into()))?;
                    if let Some(top) = stack.last_mut() {
                        if !top.text.is_empty() || !s.trim().is_empty() {
                            top.text.push_str(&s);
                        }
                    }
                }
                Event::CData(t) => {
                    let s = t.decode().map_err(|e| self.syntax_error(e.into()))?;
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&s);
                    }
                }
                Event::GeneralRef(r) => {
                    let ch = r.resolve_char_ref().map_err(|e| self.syntax_error(e))?;
                    let name = r.decode().map_err(|e| self.syntax_error(e.into()))?;
                    let text = match ch {
                        Some(c) => c.to_string(),
                        None => match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => s.to_string(),
                            None => {
                                let line = self.line_at(self.reader.buffer_position());
                                return Err(Error::syntax(
                                    self.file,
                                    Location::Line(line),
                                    format!("unknown entity reference &{name};"),
                                ));
                            }
                        },
                    };
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&text);
                    }
                }
                Event::Eof => {
                    let (name, line) = self.open.last().cloned().unwrap_or_default();
                    return Err(self.eof_error(&name, line));
                }
                _ => {}
            }
        }
    }
}

fn local_name(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).into_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::testutil::{entity, parse_bytes, parse_data};
    use crate::Options;
    use veto_model::BirthDate;

    const FILE: &str = "ofac-consolidated/consolidated_2026-01-08.xml.gz";

    fn wrap(entries: &str) -> Vec<u8> {
        format!(
            "<?xml version=\"1.0\" standalone=\"yes\"?>\r\n<sdnList xmlns=\"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML\">\r\n\
             <publshInformation><Publish_Date>01/08/2026</Publish_Date><Record_Count>1</Record_Count></publshInformation>\r\n{entries}\r\n</sdnList>\r\n"
        )
        .into_bytes()
    }

    #[test]
    fn real_file_counts_and_date() {
        let lists = parse_data(&[FILE]);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.meta.key.source, Source::UsOfacCons);
        assert_eq!(l.entities.len(), 442);
        assert_eq!(l.meta.records, 442);
        assert_eq!(l.meta.counts.get(&Kind::Person), Some(&79));
        assert_eq!(l.meta.counts.get(&Kind::Organization), Some(&363));
        assert_eq!(l.meta.data_date.map(|d| d.to_string()).as_deref(), Some("2026-01-08"));
        assert_eq!(l.meta.data_date_from.as_deref(), Some("Publish_Date"));
        assert!(l.skipped.is_empty());
        // Every aka and id of the file lands somewhere.
        let names: usize = l.entities.iter().map(|e| e.names.len()).sum();
        assert_eq!(names, 442 + 1144);
        let weak = l
            .entities
            .iter()
            .flat_map(|e| &e.names)
            .filter(|n| n.role == NameRole::WeakAlias)
            .count();
        assert_eq!(weak, 72);
        let measures: usize = l.entities.iter().map(|e| e.measures.len()).sum();
        assert!(measures > 306 + 372, "{measures}");
        // Every idList entry that is a document or code (2 ISINs repeat).
        let ids: usize = l.entities.iter().map(|e| e.identifiers.len()).sum();
        assert_eq!(ids, 1282);
        let rel: Vec<&Relation> = l.entities.iter().flat_map(|e| &e.relations).collect();
        assert_eq!(rel.len(), 283);
        let resolved = rel.iter().filter(|r| r.target_id.is_some()).count();
        // All but the link to HAMAS (an SDN entry, not in this file).
        assert_eq!(resolved, 282);
        // Nothing fell through the label table.
        assert_eq!(l.meta.unstructured.get("unknown id type"), None);
    }

    #[test]
    fn haniya_dob_and_pob() {
        let lists = parse_data(&[FILE]);
        let e = entity(&lists, "us_ofac_cons:9639");
        assert_eq!(e.kind, Kind::Person);
        assert_eq!(e.primary_name(), Some("HANIYA, Ismail Abdul Salah"));
        assert_eq!(e.birth_dates, vec![BirthDate::on(PartialDate::year(1962))]);
        assert_eq!(e.birth_places, vec!["Shati".to_string()]);
        assert_eq!(e.programs, vec![Program::new("NS-PLC")]);
        let aliases: Vec<&str> =
            e.names.iter().filter(|n| n.role == NameRole::Alias).map(|n| n.full.as_str()).collect();
        assert_eq!(aliases, ["HANIYA, Ismail", "HANIYYA, Ismaeel"]);
        assert_eq!(e.provenance.line, Some(7));
        assert_eq!(e.provenance.record, 1);
    }

    #[test]
    fn sberbank_and_vtb_directives() {
        let lists = parse_data(&[FILE]);
        let sber = entity(&lists, "us_ofac_cons:17018");
        assert_eq!(sber.primary_name(), Some("PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"));
        let dir = |e: &Entity, auth: &str| -> Vec<String> {
            e.measures
                .iter()
                .filter(|m| {
                    m.kind == MeasureKind::SectoralDirective && m.authority.as_deref() == Some(auth)
                })
                .filter_map(|m| m.directive.clone())
                .collect()
        };
        assert_eq!(dir(sber, "EO 13662"), ["1"]);
        let mut eo14024 = dir(sber, "EO 14024");
        eo14024.sort();
        assert_eq!(eo14024, ["2", "3"]);
        let m = sber.measures.iter().find(|m| m.directive.as_deref() == Some("1")).unwrap();
        assert_eq!(
            m.text,
            "Executive Order 13662 Directive Determination - Subject to Directive 1"
        );
        let secondary: Vec<Option<&str>> = sber
            .measures
            .iter()
            .filter(|m| m.kind == MeasureKind::SecondarySanctions)
            .map(|m| m.authority.as_deref())
            .collect();
        assert_eq!(secondary, [Some("31 CFR 589"), Some("EO 14024")]);
        let reg = sber.identifiers.iter().find(|i| i.kind == IdKind::Registration).unwrap();
        assert_eq!(reg.value, "1027700132195");
        assert_eq!(reg.label, "Registration Number");
        assert_eq!(reg.country.map(|c| c.code().to_string()).as_deref(), Some("RU"));
        let swift = sber.identifiers.iter().find(|i| i.kind == IdKind::SwiftBic).unwrap();
        assert_eq!(swift.value, "SABRRUMM");
        let weak: Vec<&str> = sber
            .names
            .iter()
            .filter(|n| n.role == NameRole::WeakAlias)
            .map(|n| n.full.as_str())
            .collect();
        assert_eq!(weak, ["SBERBANK INDIA", "SBERBANK MUMBAI"]);
        assert!(sber
            .names
            .iter()
            .any(|n| n.role == NameRole::Former && n.full == "SBERBANK ROSSII OAO"));
        assert!(sber.remarks.iter().any(|r| r == "Target Type Financial Institution"));
        assert!(sber
            .remarks
            .iter()
            .any(|r| r == "Listing Date (EO 14024 Directive 2): 24 Feb 2022"));
        // The "more information" pointer is not a directive.
        assert!(sber
            .remarks
            .iter()
            .any(|r| r.starts_with("Executive Order 14024 Directive Information - For more")));
        assert_eq!(sber.addresses.len(), 4);
        assert_eq!(sber.addresses[0].full, "19 ul. Vavilova, Moscow, 117312, Russia");
        assert_eq!(sber.addresses[0].country.map(|c| c.code().to_string()).as_deref(), Some("RU"));

        let vtb = entity(&lists, "us_ofac_cons:17013");
        assert_eq!(dir(vtb, "EO 13662"), ["1"]);
        let lei = vtb.identifiers.iter().find(|i| i.kind == IdKind::Lei).unwrap();
        assert_eq!(lei.value, "253400V1H6ART1UQ0N98");
        let tax = vtb.identifiers.iter().find(|i| i.kind == IdKind::TaxId).unwrap();
        assert_eq!(
            (tax.value.as_str(), tax.country.map(|c| c.code().to_string())),
            ("7702070139", Some("RU".into()))
        );
        assert!(vtb
            .names
            .iter()
            .any(|n| n.role == NameRole::WeakAlias && n.full == "JSC VTB BANK NEW DELHI BRANCH"));
        assert!(vtb.remarks.iter().any(|r| r == "Organization Established Date 17 Oct 1990"));
    }

    #[test]
    fn linked_to_and_regions() {
        let lists = parse_data(&[FILE]);
        let e = entity(&lists, "us_ofac_cons:9647");
        assert_eq!(e.primary_name(), Some("ZAHHAR, Mahmoud Khaled"));
        assert_eq!(e.gender, Some(Gender::Male));
        assert_eq!(e.nationalities.iter().map(|c| c.code()).collect::<Vec<_>>(), ["PS"]);
        assert_eq!(e.relations.len(), 1);
        assert_eq!(e.relations[0].target_name, "HAMAS");
        // HAMAS is on the SDN list, not in this file.
        assert_eq!(e.relations[0].target_id, None);
        assert_eq!(e.addresses[0].region.as_deref(), Some("Gaza"));
        assert_eq!(e.addresses[0].country.map(|c| c.code().to_string()).as_deref(), Some("PS"));
        // f.k.a. weak names are weak.
        assert!(e
            .names
            .iter()
            .any(|n| n.role == NameRole::WeakAlias && n.full == "ZAHAR, Mahmoud"));
        let gazprom_child = lists[0]
            .entities
            .iter()
            .flat_map(|e| &e.relations)
            .find(|r| r.target_name == "PUBLIC JOINT STOCK COMPANY GAZPROM")
            .unwrap();
        assert!(gazprom_child.target_id.is_some());
    }

    #[test]
    fn linked_to_names() {
        assert_eq!(linked_to("(Linked To: HAMAS)"), ["HAMAS"]);
        assert_eq!(
            linked_to("For more; (Linked To: X (HK) LIMITED); (Linked To: Y CO., LTD.)"),
            ["X (HK) LIMITED", "Y CO., LTD."]
        );
        assert_eq!(linked_to("Linked To: ABC; other"), ["ABC"]);
        assert_eq!(linked_to("Linked To: GREEN SHIPPING LTD."), ["GREEN SHIPPING LTD"]);
        assert!(linked_to("nothing").is_empty());
    }

    #[test]
    fn label_table() {
        assert_eq!(classify("Passport"), Field::Id(IdKind::Passport));
        assert_eq!(classify("Diplomatic Passport"), Field::Id(IdKind::Passport));
        assert_eq!(classify("National ID No."), Field::Id(IdKind::NationalId));
        assert_eq!(classify("Tax ID No."), Field::Id(IdKind::TaxId));
        assert_eq!(classify("Registration ID"), Field::Id(IdKind::Registration));
        assert_eq!(classify("SWIFT/BIC"), Field::Id(IdKind::SwiftBic));
        assert_eq!(classify("Vessel Registration Identification"), Field::Id(IdKind::Imo));
        assert_eq!(classify("MMSI"), Field::Id(IdKind::Mmsi));
        assert_eq!(classify("Digital Currency Address - XBT"), Field::Id(IdKind::DigitalCurrency));
        assert_eq!(classify("Email Address"), Field::Id(IdKind::Email));
        assert_eq!(classify("Website"), Field::Id(IdKind::Website));
        assert_eq!(classify("Phone Number"), Field::Id(IdKind::Phone));
        assert_eq!(classify("Aircraft Tail Number"), Field::Id(IdKind::AircraftTail));
        assert_eq!(
            classify("Aircraft Manufacturer's Serial Number (MSN)"),
            Field::Id(IdKind::AircraftSerial)
        );
        assert_eq!(
            classify("Executive Order 13662 Directive Determination -"),
            Field::Measure(MeasureKind::SectoralDirective)
        );
        assert_eq!(
            classify("Executive Order 14024 Directive Information"),
            Field::Measure(MeasureKind::SectoralDirective)
        );
        assert_eq!(
            classify("Secondary sanctions risk:"),
            Field::Measure(MeasureKind::SecondarySanctions)
        );
        assert_eq!(
            classify("Additional Sanctions Information -"),
            Field::Measure(MeasureKind::SecondarySanctions)
        );
        assert_eq!(
            classify("Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:"),
            Field::Measure(MeasureKind::TransactionsProhibited)
        );
        assert_eq!(classify("CAATSA Section 235 Information:"), Field::Measure(MeasureKind::Other));
        assert_eq!(
            classify("Executive Order 13846 information:"),
            Field::Measure(MeasureKind::Other)
        );
        assert_eq!(classify("Listing Date (EO 14024 Directive 2):"), Field::DirectiveDate);
        assert_eq!(classify("Effective Date (CMIC)"), Field::Remark);
        assert_eq!(classify("Target Type"), Field::Remark);
        assert_eq!(classify("Gender"), Field::Gender);
        assert_eq!(classify("Vessel Year of Build"), Field::VesselYear);
        assert_eq!(classify("Some New Register No."), Field::Id(IdKind::Other));
        assert_eq!(classify("Something else"), Field::Unknown);
        assert_eq!(authority_in("CAATSA Section 235 Information:").as_deref(), Some("CAATSA 235"));
        assert_eq!(
            authority_in(
                "section 1(b) of Executive Order 13224, as amended by Executive Order 13886"
            )
            .as_deref(),
            Some("EO 13224")
        );
        assert_eq!(directive_number("Subject to Directive 1a - As of").as_deref(), Some("1a"));
        assert_eq!(directive_number("For more information on directives"), None);
    }

    #[test]
    fn fixture_covers_every_part() {
        let xml = wrap(
            "<sdnEntry><uid>1</uid><lastName>SHIP ONE</lastName><sdnType>Vessel</sdnType>\
             <programList><program>IRAN</program></programList>\
             <idList><id><uid>2</uid><idType>Vessel Registration Identification</idType><idNumber>IMO 9187629</idNumber></id>\
             <id><uid>3</uid><idType>Passport</idType><idNumber>A123</idNumber><idCountry>Russia</idCountry>\
             <issueDate>01 Jan 2010</issueDate><expirationDate>01 Jan 2020</expirationDate></id></idList>\
             <akaList><aka><uid>4</uid><type>n.k.a.</type><category>strong</category><lastName>SHIP TWO</lastName></aka>\
             <aka><uid>5</uid><type>f.k.a.</type><category>strong</category><lastName>OLD &amp; SHIP</lastName></aka></akaList>\
             <dateOfBirthList><dateOfBirthItem><uid>6</uid><dateOfBirth>sometime</dateOfBirth><mainEntry>true</mainEntry></dateOfBirthItem>\
             <dateOfBirthItem><uid>7</uid><dateOfBirth>circa 1952</dateOfBirth><mainEntry>false</mainEntry></dateOfBirthItem>\
             <dateOfBirthItem><uid>8</uid><dateOfBirth>1960 to 1962</dateOfBirth><mainEntry>false</mainEntry></dateOfBirthItem></dateOfBirthList>\
             <vesselInfo><callSign>ABCD</callSign><vesselType>Crude Oil Tanker</vesselType><vesselFlag>Atlantis</vesselFlag>\
             <tonnage>1000</tonnage><grossRegisteredTonnage>2000</grossRegisteredTonnage></vesselInfo></sdnEntry>",
        );
        let lists = parse_bytes("sdn.xml", &xml, &Options::default()).unwrap();
        let e = entity(&lists, "us_ofac_sdn:1");
        assert_eq!(e.kind, Kind::Vessel);
        let roles: Vec<(&str, NameRole)> =
            e.names.iter().map(|n| (n.full.as_str(), n.role)).collect();
        assert_eq!(
            roles,
            [
                ("SHIP ONE", NameRole::Primary),
                ("SHIP TWO", NameRole::Alias),
                ("OLD & SHIP", NameRole::Former)
            ]
        );
        let imo = e.identifiers.iter().find(|i| i.kind == IdKind::Imo).unwrap();
        assert_eq!(imo.value, "9187629");
        let pass = e.identifiers.iter().find(|i| i.kind == IdKind::Passport).unwrap();
        assert_eq!(pass.country.map(|c| c.code().to_string()).as_deref(), Some("RU"));
        assert_eq!(pass.note.as_deref(), Some("issued 01 Jan 2010; expires 01 Jan 2020"));
        assert!(e.identifiers.iter().any(|i| i.kind == IdKind::CallSign && i.value == "ABCD"));
        let v = e.vessel.as_ref().unwrap();
        assert_eq!(v.vessel_type.as_deref(), Some("Crude Oil Tanker"));
        assert_eq!(v.flag_text.as_deref(), Some("Atlantis"));
        assert_eq!(v.tonnage.as_deref(), Some("1000"));
        assert_eq!(v.gross_registered_tonnage.as_deref(), Some("2000"));
        assert_eq!(e.birth_dates.len(), 2);
        assert!(e.birth_dates[0].circa);
        assert_eq!(e.birth_dates[1].to, Some(PartialDate::year(1962)));
        assert!(e.remarks.contains(&"DOB sometime".to_string()));
        let meta = &lists[0].meta;
        assert_eq!(meta.unstructured.get("date of birth"), Some(&1));
        assert_eq!(meta.unstructured.get("vessel flag"), Some(&1));
        assert_eq!(meta.key.source, Source::UsOfacSdn);
    }

    #[test]
    fn truncated_file_names_the_line() {
        let full = wrap(
            "<sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Entity</sdnType><programList/></sdnEntry>\r\n\
             <sdnEntry><uid>2</uid><lastName>B</lastName><sdnType>Entity</sdnType><programList/></sdnEntry>",
        );
        let text = String::from_utf8(full).unwrap();
        // Cut inside the second entry, between elements.
        let cut = text.find("<lastName>B").unwrap();
        let err =
            parse_bytes("cons.xml", &text.as_bytes()[..cut], &Options::default()).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{msg}");
        assert!(
            msg.starts_with(
                "cons.xml: line 5: malformed: unexpected end of file: <sdnEntry> opened on line 5"
            ),
            "{msg}"
        );
        // Cut inside a tag.
        let cut =
            text.find("<sdnType>Entity</sdnType><programList/></sdnEntry>\r\n<sdnEntry>").unwrap()
                + 5;
        let err =
            parse_bytes("cons.xml", &text.as_bytes()[..cut], &Options::default()).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{err}");
        assert!(err.to_string().starts_with("cons.xml: line 4: malformed:"), "{err}");
        // Lenient mode does not skip syntax errors.
        let lenient = Options { lenient: true, ..Options::default() };
        assert!(parse_bytes("cons.xml", &text.as_bytes()[..cut], &lenient).is_err());
        // A mismatched end tag.
        let bad = text.replacen("<lastName>B</lastName>", "<lastName>B</firstName>", 1);
        let err = parse_bytes("cons.xml", bad.as_bytes(), &Options::default()).unwrap_err();
        assert!(err.to_string().starts_with("cons.xml: line 5: malformed:"), "{err}");
    }

    #[test]
    fn invalid_entries_are_reported_or_skipped() {
        let xml = wrap(
            "<sdnEntry><uid>1</uid><lastName>GOOD</lastName><sdnType>Entity</sdnType><programList/></sdnEntry>\r\n\
             <sdnEntry><lastName>NO UID</lastName><sdnType>Entity</sdnType><programList/></sdnEntry>\r\n\
             <sdnEntry><uid>3</uid><lastName>ODD</lastName><sdnType>Spaceship</sdnType><programList/></sdnEntry>",
        );
        let err = parse_bytes("cons.xml", &xml, &Options::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cons.xml: line 5 (record 2): invalid record: <sdnEntry> without <uid>"
        );
        let lenient = Options { lenient: true, ..Options::default() };
        let lists = parse_bytes("cons.xml", &xml, &lenient).unwrap();
        let l = &lists[0];
        assert_eq!(l.entities.len(), 1);
        assert_eq!(l.meta.records, 3);
        assert_eq!(l.skipped.len(), 2);
        assert!(l.skipped[1].to_string().contains("record 3"), "{}", l.skipped[1]);
        assert!(
            l.skipped[1].to_string().contains("unknown sdnType 'Spaceship'"),
            "{}",
            l.skipped[1]
        );
        assert_eq!(l.meta.key.source, Source::UsOfacCons);
    }

    #[test]
    fn wrong_root_is_rejected() {
        let opts = Options { format: Some(veto_model::Format::OfacXml), ..Options::default() };
        let err =
            parse_bytes("x.xml", b"<CONSOLIDATED_LIST></CONSOLIDATED_LIST>", &opts).unwrap_err();
        assert!(err.to_string().contains("root element <CONSOLIDATED_LIST>"), "{err}");
    }

    #[test]
    fn unknown_entity_reference_is_a_syntax_error() {
        let xml = wrap("<sdnEntry><uid>1</uid><lastName>A &bogus; B</lastName><sdnType>Entity</sdnType></sdnEntry>");
        let err = parse_bytes("sdn.xml", &xml, &Options::default()).unwrap_err();
        assert!(err.to_string().contains("unknown entity reference &bogus;"), "{err}");
        assert!(err.to_string().contains("line 4"), "{err}");
    }

    #[test]
    fn real_file_cut_in_half_names_the_line() {
        let input = crate::Input::read(&crate::testutil::data(FILE)).unwrap();
        let half = &input.data[..input.data.len() / 2];
        let lines = 1 + half.iter().filter(|&&b| b == b'\n').count();
        let err = parse_bytes(&input.name, half, &Options { lenient: true, ..Options::default() })
            .unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{err}");
        let msg = err.to_string();
        assert!(msg.starts_with(&format!("{}: line {lines}: malformed:", input.name)), "{msg}");
        assert!(msg.contains("<sdnEntry>") || msg.contains("not closed"), "{msg}");
    }
}
