//! US trade.gov Consolidated Screening List (CSL) CSV.
//!
//! The CSL (<https://www.trade.gov/consolidated-screening-list>) merges eleven
//! US export-control and sanctions lists of the Treasury (OFAC SDN, SSI,
//! CAPTA, NS-MBS, CMIC, FSE, PLC), Commerce/BIS (Entity List, Denied
//! Persons, Unverified List, Military End User) and State (ITAR debarred,
//! nonproliferation sanctions) into one CSV with a header row:
//!
//! `_id,source,entity_number,type,programs,name,title,addresses,…,ids`
//!
//! Columns are found by header name, so reordered or added columns are fine.
//! Multi-valued cells are packed with `;`. Quirks of the real file (the
//! 14,160-row edition of May 2022):
//!
//! * **One row per listing, not per party.** `_id` is the OFAC entity number
//!   for Treasury lists and a SHA-1 hash for the others, so the same party on
//!   SDN, SSI and CAPTA appears in three rows with the same `_id`. Each row
//!   becomes its own entity with the native id `<list>-<_id>` (`SDN-35096`,
//!   `SSI-18741`, `EL-1a2b…`), the list being the abbreviation in the
//!   `source` column's parentheses. A list that repeats an `_id` (CAPTA lists
//!   `15268` twice, the rows differing only in `source_list_url`) gets
//!   `-2`, `-3`… on the repeats, with a remark naming the first row.
//! * `programs` holds OFAC program codes (`RUSSIA-EO14024`); the BIS and State
//!   lists have none, so for them the list itself (`EL`, `DPL`, `DTC`…) is the
//!   program. Every entity also gets the remark `List: <source>`.
//! * `type` is `Individual`/`Entity`/`Vessel`/`Aircraft` for Treasury lists and
//!   empty for BIS and State lists. An untyped row is an organization unless it
//!   is clearly a person: a Denied Persons or ITAR Debarred row whose name has
//!   no company word (`LTD`, `INC`, `TRADING`…) and two to five name-like words,
//!   a row whose address is a prison (`INMATE NUMBER`), or a name marked
//!   `(… individual)`. Entity List persons stay organizations (a list of names
//!   like `Globa Kiosk` and `Ralph Brucher` cannot be told apart reliably).
//! * `ids` packs typed values as `[country, ][expiry, ][issue, ]value, label`
//!   (`RU, 1027700256297, Registration ID`; `JO, 2014-08-30, 2009-08-31,
//!   K475336, Passport` — the first date is the expiry, as OFAC's own list
//!   confirms). A single date cannot be told issue from expiry and is kept as
//!   `date …` in the identifier's note. The same cell carries OFAC's
//!   non-identifier "ID" entries: gender, sectoral directives
//!   (`Subject to Directive 1, Executive Order 13662 Directive Determination -`),
//!   directive listing/effective dates, secondary-sanctions and
//!   correspondent-account measures, aircraft model/operator, organization
//!   type and established date; they become measures, fields or remarks.
//! * `dates_of_birth` are `1952-10-07`, `1960`, `circa 1960`, `1960 to 1962`;
//!   `citizenships` and `nationalities` are ISO codes; `addresses` end with an
//!   ISO code (`Kremlin, Moscow, RU`) when the country is known.
//! * A couple of names and addresses hold line breaks inside quotes.
//!
//! Kept as remarks: `remarks` (and its `Linked To:` targets as relations),
//! `federal_register_notice`, `end_date`, `standard_order`,
//! `license_requirement`, `license_policy`. Deliberately dropped:
//! `source_list_url` and `source_information_url`, which are per-list link
//! shorteners, not facts about the party.

use std::collections::HashMap;

use veto_model::{
    country, Address, Aircraft, Country, Entity, Gender, IdKind, Identifier, Kind, Measure,
    MeasureKind, Name, NameRole, PartialDate, Program, Provenance, Relation, RelationKind, Source,
    Vessel,
};

use crate::error::{Error, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::{clean, parse_birth_date_en};

/// The columns this parser reads, by header name.
#[derive(Default)]
struct Cols {
    id: Option<usize>,
    source: Option<usize>,
    entity_number: Option<usize>,
    kind: Option<usize>,
    programs: Option<usize>,
    name: Option<usize>,
    title: Option<usize>,
    addresses: Option<usize>,
    federal_register_notice: Option<usize>,
    start_date: Option<usize>,
    end_date: Option<usize>,
    standard_order: Option<usize>,
    license_requirement: Option<usize>,
    license_policy: Option<usize>,
    call_sign: Option<usize>,
    vessel_type: Option<usize>,
    gross_tonnage: Option<usize>,
    gross_registered_tonnage: Option<usize>,
    vessel_flag: Option<usize>,
    vessel_owner: Option<usize>,
    remarks: Option<usize>,
    alt_names: Option<usize>,
    citizenships: Option<usize>,
    dates_of_birth: Option<usize>,
    nationalities: Option<usize>,
    places_of_birth: Option<usize>,
    ids: Option<usize>,
}

impl Cols {
    fn from_header(header: &csv::StringRecord) -> Cols {
        let mut c = Cols::default();
        for (i, h) in header.iter().enumerate() {
            let slot = match h.trim().trim_start_matches('\u{feff}') {
                "_id" | "id" => &mut c.id,
                "source" => &mut c.source,
                "entity_number" => &mut c.entity_number,
                "type" => &mut c.kind,
                "programs" => &mut c.programs,
                "name" => &mut c.name,
                "title" => &mut c.title,
                "addresses" => &mut c.addresses,
                "federal_register_notice" => &mut c.federal_register_notice,
                "start_date" => &mut c.start_date,
                "end_date" => &mut c.end_date,
                "standard_order" => &mut c.standard_order,
                "license_requirement" => &mut c.license_requirement,
                "license_policy" => &mut c.license_policy,
                "call_sign" => &mut c.call_sign,
                "vessel_type" => &mut c.vessel_type,
                "gross_tonnage" => &mut c.gross_tonnage,
                "gross_registered_tonnage" => &mut c.gross_registered_tonnage,
                "vessel_flag" => &mut c.vessel_flag,
                "vessel_owner" => &mut c.vessel_owner,
                "remarks" => &mut c.remarks,
                "alt_names" => &mut c.alt_names,
                "citizenships" => &mut c.citizenships,
                "dates_of_birth" => &mut c.dates_of_birth,
                "nationalities" => &mut c.nationalities,
                "places_of_birth" => &mut c.places_of_birth,
                "ids" => &mut c.ids,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(i);
            }
        }
        c
    }
}

/// One row, with its cells looked up by column.
struct Row<'a> {
    rec: &'a csv::StringRecord,
}

impl Row<'_> {
    /// The cleaned cell, `None` if the column is absent or the cell empty.
    fn get(&self, col: Option<usize>) -> Option<String> {
        col.and_then(|i| self.rec.get(i)).and_then(clean)
    }

    /// The raw cell, `""` if absent.
    fn raw(&self, col: Option<usize>) -> &str {
        col.and_then(|i| self.rec.get(i)).unwrap_or("")
    }

    /// The `;`-separated values of a packed cell, cleaned.
    fn packed(&self, col: Option<usize>) -> impl Iterator<Item = String> + '_ {
        self.raw(col).split(';').filter_map(clean)
    }
}

/// Parses one file.
///
/// # Errors
///
/// Fails on malformed or truncated CSV, a header without `_id`/`name`
/// columns, or (strict mode) invalid rows.
pub fn parse(input: &Input, sink: &mut Sink) -> Result<Vec<Entity>> {
    let text = input.text()?;
    let file = input.name.as_str();
    // The csv reader ends an unterminated quoted field silently at the end of
    // the data; an odd number of quote characters is how a file cut inside a
    // quoted cell shows.
    let unbalanced_quotes = bytecount(text.as_bytes(), b'"') % 2 == 1;
    let mut rdr =
        csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let header = rdr
        .headers()
        .map_err(|e| {
            Error::syntax(file, Location::Line(1), format!("cannot read the header: {e}"))
        })?
        .clone();
    let cols = Cols::from_header(&header);
    if cols.id.is_none() || cols.name.is_none() {
        return Err(Error::syntax(
            file,
            Location::Line(1),
            "the header has no `_id` or `name` column; not a Consolidated Screening List CSV",
        ));
    }
    let mut out = Vec::new();
    let mut seen: HashMap<String, (u64, u32)> = HashMap::new();
    let mut rec = csv::StringRecord::new();
    let mut record = 0u64;
    loop {
        let line = rdr.position().line();
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                return Err(Error::syntax(file, Location::Line(line), format!("bad CSV: {e}")));
            }
        }
        record += 1;
        sink.records += 1;
        let line = rec.position().map_or(line, |p| p.line());
        let loc = Location::Record { record, line: Some(line) };
        let at_end = rdr.position().byte() as usize >= text.len();
        if at_end && unbalanced_quotes {
            return Err(Error::syntax(
                file,
                loc,
                "the file ends inside a quoted cell (truncated file?)",
            ));
        }
        if rec.len() != header.len() {
            let msg = format!("{} fields where the header has {}", rec.len(), header.len());
            if at_end && rec.len() < header.len() {
                return Err(Error::syntax(
                    file,
                    loc,
                    format!("last row cut short: {msg} (truncated file?)"),
                ));
            }
            // A blank line in the middle is no record at all.
            if rec.len() == 1 && rec.get(0).is_some_and(|f| f.trim().is_empty()) {
                sink.records -= 1;
                record -= 1;
                continue;
            }
            sink.bad_record(Error::invalid(file, loc, msg))?;
            continue;
        }
        match row_to_entity(file, &Row { rec: &rec }, &cols, record, line, &mut seen, sink) {
            Ok(e) => out.push(e),
            Err(err) => sink.bad_record(err)?,
        }
    }
    Ok(out)
}

fn bytecount(hay: &[u8], needle: u8) -> usize {
    hay.iter().filter(|&&b| b == needle).count()
}

/// The list's abbreviation from the `source` column: the first parenthesised
/// group (`Entity List (EL) - Bureau of Industry and Security` → `EL`,
/// `Non-SDN Menu-Based Sanctions List (NS-MBS List) - …` → `NS-MBS`).
fn list_abbrev(source: &str) -> String {
    let inner = source
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inner, _)| inner.trim())
        .filter(|s| !s.is_empty());
    match inner {
        Some(s) => s.strip_suffix(" List").unwrap_or(s).replace(' ', "-"),
        None => "CSL".to_string(),
    }
}

/// Words that mark a name as a company's or body's.
const ORG_WORDS: &[&str] = &[
    "LTD",
    "LIMITED",
    "INC",
    "INCORPORATED",
    "CO",
    "CORP",
    "CORPORATION",
    "COMPANY",
    "LLC",
    "GMBH",
    "AG",
    "SA",
    "SRL",
    "BV",
    "NV",
    "PLC",
    "LLP",
    "LP",
    "FZE",
    "FZC",
    "FZCO",
    "JSC",
    "OJSC",
    "PJSC",
    "CJSC",
    "OOO",
    "ZAO",
    "OAO",
    "PTE",
    "PVT",
    "PRIVATE",
    "GROUP",
    "HOLDING",
    "HOLDINGS",
    "INDUSTRIES",
    "INDUSTRY",
    "INDUSTRIAL",
    "INDUSTRIE",
    "TRADING",
    "TRADERS",
    "TRADE",
    "INTERNATIONAL",
    "ENTERPRISE",
    "ENTERPRISES",
    "TECHNOLOGY",
    "TECHNOLOGIES",
    "TECH",
    "TECHNIK",
    "ENGINEERING",
    "ENGINEERS",
    "ELECTRONICS",
    "ELECTRONIC",
    "SYSTEMS",
    "SERVICES",
    "SERVICE",
    "SOLUTIONS",
    "AVIATION",
    "AIRLINES",
    "AIRLINE",
    "AIRWAYS",
    "SHIPPING",
    "LOGISTICS",
    "BANK",
    "UNIVERSITY",
    "INSTITUTE",
    "ACADEMY",
    "CENTER",
    "CENTRE",
    "FACTORY",
    "PLANT",
    "BUREAU",
    "MINISTRY",
    "GOVERNMENT",
    "ORGANIZATION",
    "ORGANISATION",
    "ASSOCIATION",
    "FOUNDATION",
    "AGENCY",
    "DEPARTMENT",
    "LABORATORY",
    "LABORATORIES",
    "RESEARCH",
    "EXPORT",
    "EXPORTS",
    "IMPORT",
    "IMPORTS",
    "EXPORTERS",
    "IMPORTERS",
    "MANUFACTURING",
    "CONSTRUCTION",
    "CHEMICAL",
    "CHEMICALS",
    "ELECTRIC",
    "ENERGY",
    "POWER",
    "OIL",
    "GAS",
    "PETROLEUM",
    "MACHINERY",
    "MOTORS",
    "EQUIPMENT",
    "SUPPLY",
    "SUPPLIES",
    "SUPPLIER",
    "SUPPLIERS",
    "CONSULTING",
    "PARTNERS",
    "ASSOCIATES",
    "NETWORK",
    "STORE",
    "SHOP",
    "MARKET",
    "DEFENSE",
    "DEFENCE",
    "FORCES",
    "CORPS",
    "PARTY",
    "MOVEMENT",
    "COMMITTEE",
    "COUNCIL",
    "INSTRUMENTS",
    "SCIENTIFIC",
    "WORKS",
    "METALS",
    "MARINE",
    "SHIPYARD",
    "TRANSPORT",
    "FREIGHT",
    "EXPRESS",
    "CARGO",
    "AEROSPACE",
    "NUCLEAR",
    "AND",
    "OF",
    "THE",
    "SURPLUS",
    "MATERIALS",
    "PARTS",
    "OPTICS",
    "SALES",
    "GLOBAL",
];

/// Whether an untyped row is clearly a person (see the module doc).
fn untyped_is_person(list: &str, name: &str, addresses: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.contains("individual)") {
        return true;
    }
    let upper_addr = addresses.to_ascii_uppercase();
    if upper_addr.contains("INMATE NUMBER") || upper_addr.contains("USM NO") {
        return true;
    }
    if !matches!(list, "DPL" | "DTC") {
        return false;
    }
    if name.chars().any(|c| c.is_ascii_digit() || matches!(c, '&' | '(' | '[' | '/' | '@')) {
        return false;
    }
    let words: Vec<&str> =
        name.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    !words.iter().any(|w| {
        let w = w.trim_matches('.').to_ascii_uppercase();
        let w = w.replace('.', "");
        ORG_WORDS.contains(&w.as_str())
    })
}

fn row_to_entity(
    file: &str,
    row: &Row<'_>,
    cols: &Cols,
    record: u64,
    line: u64,
    seen: &mut HashMap<String, (u64, u32)>,
    sink: &mut Sink,
) -> Result<Entity> {
    let loc = Location::Record { record, line: Some(line) };
    let id = row.get(cols.id).ok_or_else(|| Error::invalid(file, loc, "no `_id`"))?;
    let name = row
        .get(cols.name)
        .ok_or_else(|| Error::invalid(file, loc, format!("`{id}` has no name")))?;
    let source = row.get(cols.source).unwrap_or_default();
    let list = list_abbrev(&source);

    let kind = match row.get(cols.kind) {
        Some(t) => match Kind::parse(&t) {
            Some(k) => k,
            None => {
                return Err(Error::invalid(file, loc, format!("`{id}` has unknown type '{t}'")))
            }
        },
        None if untyped_is_person(&list, &name, row.raw(cols.addresses)) => Kind::Person,
        None => Kind::Organization,
    };

    let mut native = format!("{list}-{id}");
    let mut repeat_of = None;
    match seen.get_mut(&native) {
        Some((first, n)) => {
            *n += 1;
            repeat_of = Some(*first);
            native = format!("{native}-{n}");
        }
        None => {
            seen.insert(native.clone(), (record, 1));
        }
    }

    let mut e = Entity::new(Source::UsCsl, &native, kind);
    e.provenance = Provenance { file: file.to_string(), record, line: Some(line) };
    e.add_name(Name::new(name, NameRole::Primary));
    for alt in row.packed(cols.alt_names) {
        e.add_name(Name::new(alt, NameRole::Alias));
    }

    if !source.is_empty() {
        e.remarks.push(format!("List: {source}"));
    }
    if let Some(first) = repeat_of {
        e.remarks.push(format!(
            "The list repeats `_id` {id}; this is a later row of the entry first seen in record {first}"
        ));
    }
    for p in row.packed(cols.programs) {
        Entity::push_unique(&mut e.programs, Program::new(p));
    }
    if e.programs.is_empty() && !source.is_empty() {
        e.programs.push(Program::new(list.clone()));
    }
    if let Some(n) = row.get(cols.entity_number) {
        e.identifiers.push(Identifier::new(IdKind::Other, n, format!("{list} entity number")));
    }

    if let Some(t) = row.get(cols.title) {
        e.positions.push(t);
    }
    for a in row.packed(cols.addresses) {
        e.addresses.push(address(a));
    }
    for d in row.packed(cols.dates_of_birth) {
        match parse_birth_date_en(&d) {
            Some(bd) => Entity::push_unique(&mut e.birth_dates, bd),
            None => {
                e.remarks.push(format!("DOB: {d}"));
                sink.unstructured("dates_of_birth");
            }
        }
    }
    for p in row.packed(cols.places_of_birth) {
        Entity::push_unique(&mut e.birth_places, p);
    }
    for c in row.packed(cols.citizenships) {
        match code_or_name(&c) {
            Some(c) => Entity::push_unique(&mut e.citizenships, c),
            None => {
                e.remarks.push(format!("Citizenship: {c}"));
                sink.unstructured("citizenships");
            }
        }
    }
    for c in row.packed(cols.nationalities) {
        match code_or_name(&c) {
            Some(c) => Entity::push_unique(&mut e.nationalities, c),
            None => {
                e.remarks.push(format!("Nationality: {c}"));
                sink.unstructured("nationalities");
            }
        }
    }

    if let Some(d) = row.get(cols.start_date) {
        match d.parse::<PartialDate>() {
            Ok(d) => e.listed_on = Some(d),
            Err(_) => {
                e.remarks.push(format!("Start date: {d}"));
                sink.unstructured("start_date");
            }
        }
    }
    for (col, label) in [
        (cols.end_date, "End date"),
        (cols.federal_register_notice, "Federal Register notice"),
        (cols.standard_order, "Standard order"),
        (cols.license_requirement, "License requirement"),
        (cols.license_policy, "License policy"),
    ] {
        if let Some(v) = row.get(col) {
            e.remarks.push(format!("{label}: {v}"));
        }
    }
    if let Some(r) = row.get(cols.remarks) {
        linked_to(&mut e, &r);
        e.remarks.push(r);
    }

    if let Some(cs) = row.get(cols.call_sign) {
        e.identifiers.push(Identifier::new(IdKind::CallSign, cs, "Call Sign"));
    }
    let vessel_type = row.get(cols.vessel_type);
    let flag_text = row.get(cols.vessel_flag);
    let tonnage = row.get(cols.gross_tonnage);
    let grt = row.get(cols.gross_registered_tonnage);
    let owner = row.get(cols.vessel_owner);
    if kind == Kind::Vessel
        || vessel_type.is_some()
        || flag_text.is_some()
        || tonnage.is_some()
        || grt.is_some()
        || owner.is_some()
    {
        let flag = flag_text.as_deref().and_then(country::resolve);
        if flag.is_none() && flag_text.is_some() {
            sink.unstructured("vessel_flag");
        }
        e.vessel = Some(Vessel {
            vessel_type,
            flag,
            flag_text: if flag.is_none() { flag_text } else { None },
            tonnage,
            gross_registered_tonnage: grt,
            owner,
            year_built: None,
        });
    }

    for entry in row.packed(cols.ids) {
        id_entry(&mut e, &entry, sink);
    }
    Ok(e)
}

/// A country cell: an ISO code, or a name the country table knows.
fn code_or_name(s: &str) -> Option<Country> {
    Country::from_code(s).or_else(|| country::resolve(s))
}

/// An address: the whole text, and the country when the last
/// comma-separated part is one (`…, Moscow, RU`).
fn address(full: String) -> Address {
    let last = full.rsplit(',').next().unwrap_or("").trim();
    let country = code_or_name(last);
    Address { country, full, ..Address::default() }
}

/// Adds a relation for each `(Linked To: NAME)` in OFAC remarks.
fn linked_to(e: &mut Entity, remarks: &str) {
    let mut rest = remarks;
    while let Some(i) = rest.find("Linked To:") {
        rest = &rest[i + "Linked To:".len()..];
        let end = rest.find(')').unwrap_or(rest.len());
        let target = rest[..end].trim().trim_end_matches('.').trim();
        if !target.is_empty() {
            Entity::push_unique(
                &mut e.relations,
                Relation {
                    kind: RelationKind::LinkedTo,
                    target_name: target.to_string(),
                    target_id: None,
                },
            );
        }
        rest = &rest[end..];
    }
}

/// `Executive Order 13662` (or `EO 13662`) in a label → `EO 13662`.
fn executive_order(label: &str) -> Option<String> {
    let rest = label
        .find("Executive Order ")
        .map(|i| &label[i + "Executive Order ".len()..])
        .or_else(|| label.find("EO ").map(|i| &label[i + 3..]))?;
    let num: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!num.is_empty()).then(|| format!("EO {num}"))
}

/// The directive number after `Directive ` (`Subject to Directive 1a - …` → `1a`).
fn directive_number(text: &str) -> Option<String> {
    let i = text.find("Directive ")?;
    let num: String =
        text[i + "Directive ".len()..].chars().take_while(char::is_ascii_alphanumeric).collect();
    (!num.is_empty() && num.starts_with(|c: char| c.is_ascii_digit())).then_some(num)
}

/// Adds or extends the sectoral-directive measure for (`authority`, `directive`).
fn directive(e: &mut Entity, authority: Option<String>, directive: Option<String>, text: &str) {
    if let Some(m) = e.measures.iter_mut().find(|m| {
        m.kind == MeasureKind::SectoralDirective
            && m.authority == authority
            && m.directive == directive
    }) {
        if !m.text.contains(text) {
            m.text.push_str("; ");
            m.text.push_str(text);
        }
        return;
    }
    e.measures.push(Measure {
        kind: MeasureKind::SectoralDirective,
        authority,
        directive,
        text: text.to_string(),
    });
}

fn measure(e: &mut Entity, kind: MeasureKind, authority: Option<String>, text: &str) {
    Entity::push_unique(
        &mut e.measures,
        Measure { kind, authority, directive: None, text: text.to_string() },
    );
}

/// The identifier kind of an `ids` label, if it is an identifier.
fn id_kind(label: &str, value: &str) -> Option<IdKind> {
    let l = label.to_ascii_lowercase();
    let has = |s: &str| l.contains(s);
    Some(match l.as_str() {
        _ if value.starts_with("IMO ") => IdKind::Imo,
        _ if has("passport") || l == "travel document number" => IdKind::Passport,
        "ssn" => IdKind::SocialSecurity,
        _ if has("driver") => IdKind::DriversLicense,
        "swift/bic" => IdKind::SwiftBic,
        "website" => IdKind::Website,
        "email address" => IdKind::Email,
        "phone number" | "fax" | "fax number" => IdKind::Phone,
        "mmsi" => IdKind::Mmsi,
        _ if has("call sign") => IdKind::CallSign,
        _ if has("vessel registration") => IdKind::Imo,
        _ if has("digital currency address") => IdKind::DigitalCurrency,
        _ if has("tail number") => IdKind::AircraftTail,
        _ if has("aircraft") && (has("serial") || has("construction number")) => {
            IdKind::AircraftSerial
        }
        "legal entity number"
            if value.len() == 20 && value.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            IdKind::Lei
        }
        _ if has("tax")
            || has("fiscal")
            || has("tributaria")
            || has("v.a.t.")
            || has("vat ")
            || has("fein")
            || matches!(
                l.as_str(),
                "nit #" | "r.f.c." | "rfc" | "ruc #" | "rif #" | "c.u.i.t." | "c.i.f." | "rtn"
            ) =>
        {
            IdKind::TaxId
        }
        _ if has("national id")
            || has("id no")
            || has("id card")
            || has("identification")
            || has("identidad")
            || has("cedula")
            || has("personal")
            || has("citizen")
            || has("electoral")
            || has("residen")
            || matches!(
                l.as_str(),
                "c.u.r.p." | "d.n.i." | "c.u.i." | "n.i.e." | "i.f.e." | "c.u.i.p."
            ) =>
        {
            IdKind::NationalId
        }
        _ if has("registration")
            || has("registry")
            || has("register")
            || has("company number")
            || has("gazette")
            || has("mercantil")
            || has("license")
            || has("licence")
            || has("c.r.")
            || has("social credit code")
            || has("incorporation")
            || has("chamber of commerce")
            || has("enterprise number")
            || has("business number")
            || has("unit number")
            || has("entity number")
            || has("le number")
            || has("charity")
            || has("file number") =>
        {
            IdKind::Registration
        }
        _ if l.ends_with(':') || l.ends_with('-') || has("date") || has("information") => {
            return None
        }
        "target type" | "issuer name" | "other vessel type" | "former vessel flag"
        | "other vessel flag" => return None,
        _ => IdKind::Other,
    })
}

/// Splits the body of an `ids` entry into (country, dates, value).
fn id_parts(body: &str) -> (Option<Country>, Vec<&str>, String) {
    let mut parts: Vec<&str> = body.split(", ").collect();
    let mut country = None;
    if parts.len() > 1 {
        if let Some(c) = parts.first().and_then(|p| Country::from_code(p)) {
            country = Some(c);
            parts.remove(0);
        }
    }
    let mut dates = Vec::new();
    while parts.len() > 1
        && parts.first().is_some_and(|p| p.len() == 10 && p.parse::<PartialDate>().is_ok())
    {
        dates.push(parts.remove(0));
    }
    (country, dates, parts.join(", "))
}

/// One `ids` entry: `body, label`.
fn id_entry(e: &mut Entity, entry: &str, sink: &mut Sink) {
    let Some((body, label)) = entry.rsplit_once(", ") else {
        e.remarks.push(format!("ID: {entry}"));
        sink.unstructured("ids");
        return;
    };
    let (body, label) = (body.trim(), label.trim());
    let l = label.to_ascii_lowercase();
    match l.as_str() {
        "gender" => {
            match body.to_ascii_lowercase().as_str() {
                "male" => e.gender = Some(Gender::Male),
                "female" => e.gender = Some(Gender::Female),
                _ => {
                    e.remarks.push(format!("Gender: {body}"));
                    sink.unstructured("ids/Gender");
                }
            }
            return;
        }
        "aircraft model" => {
            e.aircraft.get_or_insert_with(Aircraft::default).model = Some(body.to_string());
            return;
        }
        "aircraft operator" => {
            e.aircraft.get_or_insert_with(Aircraft::default).operator = Some(body.to_string());
            return;
        }
        "aircraft manufacture date" => {
            e.aircraft.get_or_insert_with(Aircraft::default).built = Some(body.to_string());
            return;
        }
        "nationality of registration" | "registration country" => {
            match country::resolve(body) {
                Some(c) => Entity::push_unique(&mut e.countries, c),
                None => sink.unstructured("ids/Nationality of Registration"),
            }
            e.remarks.push(format!("{label}: {body}"));
            return;
        }
        _ => {}
    }
    // Sanctions measures carried as "IDs".
    if l == "additional sanctions information -" {
        let kind = if body.to_ascii_lowercase().contains("secondary sanctions") {
            MeasureKind::SecondarySanctions
        } else {
            MeasureKind::Other
        };
        measure(e, kind, None, entry);
        return;
    }
    if l == "secondary sanctions risk:" {
        measure(e, MeasureKind::SecondarySanctions, Some(body.to_string()), entry);
        return;
    }
    if l.starts_with("transactions prohibited") {
        measure(e, MeasureKind::TransactionsProhibited, Some(body.to_string()), entry);
        return;
    }
    if l.contains("directive") {
        let eo = executive_order(label);
        // "For more information on directives, please visit …" is a link, not a measure.
        if body.starts_with("For more information") {
            e.remarks.push(entry.to_string());
            return;
        }
        // Listing/Effective Date (EO 14024 Directive 2): the directive is in the label.
        let dir = directive_number(label).or_else(|| directive_number(body));
        directive(e, eo, dir, entry);
        return;
    }
    if l.ends_with("information:") || l.ends_with("determination -") {
        let authority = executive_order(label).or_else(|| {
            let a = label.trim_end_matches(':').trim_end_matches('-').trim();
            let a = a
                .strip_suffix("Information")
                .or_else(|| a.strip_suffix("Determination"))
                .unwrap_or(a);
            let a = a.replace("Section ", "").trim().to_string();
            (!a.is_empty()).then_some(a)
        });
        measure(e, MeasureKind::Other, authority, entry);
        return;
    }
    if l.ends_with("(cmic)") {
        // Non-SDN CMIC list dates: listing, effective, divestment deadline.
        let authority = Some("CMIC".to_string());
        match e
            .measures
            .iter_mut()
            .find(|m| m.kind == MeasureKind::Other && m.authority == authority)
        {
            Some(m) => {
                m.text.push_str("; ");
                m.text.push_str(entry);
            }
            None => measure(e, MeasureKind::Other, authority, entry),
        }
        return;
    }
    let (country, dates, value) = id_parts(body);
    match id_kind(label, &value) {
        Some(kind) => {
            let value = match kind {
                IdKind::Imo => value.strip_prefix("IMO ").unwrap_or(&value).to_string(),
                _ => value,
            };
            let mut id = Identifier::new(kind, value, label);
            id.country = country;
            id.note = match dates.as_slice() {
                [] => None,
                [d] => Some(format!("date {d}")),
                [exp, iss] => Some(format!("issued {iss}, expires {exp}")),
                more => Some(format!("dates {}", more.join(", "))),
            };
            Entity::push_unique(&mut e.identifiers, id);
        }
        None => e.remarks.push(format!("{}: {body}", label.trim_end_matches([':', '-', ' ']))),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::testutil::{entity, parse_bytes, parse_data};
    use crate::{Options, Parsed};

    fn real() -> &'static [Parsed] {
        static LISTS: std::sync::OnceLock<Vec<Parsed>> = std::sync::OnceLock::new();
        LISTS.get_or_init(|| parse_data(&["us-csl/consolidated.csv.gz"]))
    }

    #[test]
    fn real_file_counts() {
        let lists = real();
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.meta.key.source, Source::UsCsl);
        assert_eq!(l.meta.records, 14_160);
        assert_eq!(l.entities.len(), 14_160);
        assert_eq!(l.meta.skipped, 0);
        let kinds: Vec<(Kind, usize)> = l.meta.counts.iter().map(|(k, n)| (*k, *n)).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Person, 6325),
                (Kind::Organization, 7119),
                (Kind::Vessel, 433),
                (Kind::Aircraft, 283)
            ]
        );
        let mut per_list: BTreeMap<String, usize> = BTreeMap::new();
        for e in &l.entities {
            let native = e.id.native();
            let list = native.rsplit_once('-').map_or(native, |(l, _)| l);
            // CAPTA's repeated row has a `-2` suffix after the id.
            let list = if list.starts_with("CAP-") { "CAP" } else { list };
            *per_list.entry(list.to_string()).or_default() += 1;
        }
        let expected = [
            ("CAP", 53),
            ("CMIC", 68),
            ("DPL", 462),
            ("DTC", 727),
            ("EL", 2001),
            ("FSE", 3),
            ("ISN", 163),
            ("MEU", 71),
            ("NS-MBS", 17),
            ("PLC", 78),
            ("SDN", 10_026),
            ("SSI", 290),
            ("UVL", 201),
        ];
        let got: Vec<(&str, usize)> = per_list.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(got, expected);
        // Values the country table cannot place are few and kept as text.
        assert_eq!(l.meta.unstructured.get("vessel_flag"), Some(&4)); // "None Identified"
        assert_eq!(l.meta.unstructured.get("start_date"), Some(&3)); // "0097-06-30"
        assert_eq!(l.meta.unstructured.get("citizenships"), None);
        assert_eq!(l.meta.unstructured.get("nationalities"), None);
        assert_eq!(l.meta.unstructured.get("dates_of_birth"), None);
    }

    #[test]
    fn putin() {
        let lists = real();
        let hits: Vec<&Entity> = lists[0]
            .entities
            .iter()
            .filter(|e| e.names.iter().any(|n| n.full.contains("PUTIN")))
            .collect();
        assert!(hits.iter().any(|e| e.id.as_str() == "us_csl:SDN-35096"));
        let e = entity(lists, "us_csl:SDN-35096");
        assert_eq!(e.kind, Kind::Person);
        assert_eq!(e.primary_name(), Some("PUTIN, Vladimir Vladimirovich"));
        assert_eq!(e.names[1].full, "PUTIN, Vladimir");
        assert_eq!(e.names[1].role, NameRole::Alias);
        assert_eq!(e.programs, [Program::new("RUSSIA-EO14024")]);
        assert_eq!(e.birth_dates[0].to_string(), "1952-10-07");
        assert_eq!(e.birth_places, ["Leningrad, Russia"]);
        assert_eq!(e.citizenships, [Country::from_code("RU").unwrap()]);
        assert_eq!(e.nationalities, [Country::from_code("RU").unwrap()]);
        assert_eq!(e.gender, Some(Gender::Male));
        assert_eq!(e.positions, ["President of the Russian Federation"]);
        assert_eq!(e.addresses.len(), 4);
        assert_eq!(e.addresses[0].full, "Kremlin, Moscow, RU");
        assert_eq!(e.addresses[0].country.map(|c| c.code().to_string()).as_deref(), Some("RU"));
        let num = &e.identifiers[0];
        assert_eq!(
            (num.kind, num.value.as_str(), num.label.as_str()),
            (IdKind::Other, "35096", "SDN entity number")
        );
        assert_eq!(
            e.remarks[0],
            "List: Specially Designated Nationals (SDN) - Treasury Department"
        );
    }

    #[test]
    fn sdn_individual_with_passport_dates() {
        let e = entity(real(), "us_csl:SDN-17291");
        assert_eq!(e.kind, Kind::Person);
        assert_eq!(e.primary_name(), Some("'ABD AL-SALAM, 'Abd al-Malik Muhammad Yusuf 'Uthman"));
        assert_eq!(e.names.len(), 4);
        assert_eq!(e.birth_dates[0].to_string(), "1989-07-13");
        assert_eq!(e.nationalities[0].code(), "JO");
        assert_eq!(e.programs, [Program::new("SDGT")]);
        let nid = e.identifiers.iter().find(|i| i.kind == IdKind::NationalId).unwrap();
        assert_eq!((nid.value.as_str(), nid.country.unwrap().code()), ("28940000602", "QA"));
        let pp = e.identifiers.iter().find(|i| i.kind == IdKind::Passport).unwrap();
        assert_eq!(pp.value, "K475336");
        assert_eq!(pp.country.unwrap().code(), "JO");
        // OFAC: "issued 31 Aug 2009 expires 30 Aug 2014".
        assert_eq!(pp.note.as_deref(), Some("issued 2009-08-31, expires 2014-08-30"));
    }

    #[test]
    fn ssi_entry_with_directive() {
        let e = entity(real(), "us_csl:SSI-18741");
        assert_eq!(e.kind, Kind::Organization);
        assert_eq!(e.primary_name(), Some("AUCTION LIMITED LIABILITY COMPANY"));
        assert_eq!(e.names.len(), 5);
        assert_eq!(e.programs, [Program::new("UKRAINE-EO13662"), Program::new("RUSSIA-EO14024")]);
        let d = e.measures.iter().find(|m| m.kind == MeasureKind::SectoralDirective).unwrap();
        assert_eq!(d.authority.as_deref(), Some("EO 13662"));
        assert_eq!(d.directive.as_deref(), Some("1"));
        assert_eq!(
            d.text,
            "Subject to Directive 1, Executive Order 13662 Directive Determination -"
        );
        let s = e.measures.iter().find(|m| m.kind == MeasureKind::SecondarySanctions).unwrap();
        assert_eq!(
            s.authority.as_deref(),
            Some("Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209")
        );
        let reg = e.identifiers.iter().find(|i| i.kind == IdKind::Registration).unwrap();
        assert_eq!((reg.value.as_str(), reg.label.as_str()), ("1027700256297", "Registration ID"));
        assert_eq!(reg.country.unwrap().code(), "RU");
        assert!(e
            .identifiers
            .iter()
            .any(|i| i.kind == IdKind::Website && i.value == "www.aukcion-sbrf.ru"));
        assert_eq!(e.relations[0].kind, RelationKind::LinkedTo);
        assert_eq!(e.relations[0].target_name, "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA");
        // The same party on the SDN list is a separate row, hence entity.
        assert_eq!(entity(real(), "us_csl:SDN-18741").primary_name(), e.primary_name());
    }

    #[test]
    fn eo14024_directives_collect_their_dates() {
        let e = entity(real(), "us_csl:NS-MBS-31695");
        assert_eq!(e.primary_name(), Some("CENTRAL BANK OF THE RUSSIAN FEDERATION"));
        let dirs: Vec<(&str, &str)> = e
            .measures
            .iter()
            .filter(|m| m.kind == MeasureKind::SectoralDirective)
            .map(|m| (m.authority.as_deref().unwrap(), m.directive.as_deref().unwrap()))
            .collect();
        assert_eq!(dirs, [("EO 14024", "1a"), ("EO 14024", "4")]);
        assert!(e.measures[0]
            .text
            .starts_with("22 Feb 2022, Listing Date (EO 14024 Directive 1a):; 01 Mar 2022"));
        assert!(e.remarks.contains(&"Organization Established Date: 13 Jul 1990".to_string()));
        assert!(e.remarks.contains(&"Target Type: Government Entity".to_string()));
        assert!(e.identifiers.iter().any(|i| i.kind == IdKind::SwiftBic && i.value == "CBRFRUMM"));
    }

    #[test]
    fn vessels_and_aircraft() {
        let v = entity(real(), "us_csl:SDN-15040");
        assert_eq!(v.kind, Kind::Vessel);
        let vs = v.vessel.as_ref().unwrap();
        assert_eq!(vs.vessel_type.as_deref(), Some("Crude/Oil Products Tanker"));
        assert_eq!(vs.flag.unwrap().code(), "IR");
        assert_eq!(vs.tonnage.as_deref(), Some("99087"));
        assert_eq!(vs.gross_registered_tonnage.as_deref(), Some("56068"));
        let ids: Vec<(IdKind, &str)> =
            v.identifiers.iter().map(|i| (i.kind, i.value.as_str())).collect();
        assert!(ids.contains(&(IdKind::CallSign, "9HDS9")));
        assert!(ids.contains(&(IdKind::Imo, "9187631")));
        assert!(ids.contains(&(IdKind::Mmsi, "256845000")));
        assert!(v.remarks.contains(&"Former Vessel Flag: Tuvalu".to_string()));
        assert_eq!(v.measures[0].kind, MeasureKind::SecondarySanctions);

        let a = entity(real(), "us_csl:SDN-15457");
        assert_eq!(a.kind, Kind::Aircraft);
        let ac = a.aircraft.as_ref().unwrap();
        assert_eq!(ac.model.as_deref(), Some("B.747-422"));
        assert_eq!(ac.operator.as_deref(), Some("MAHAN AIR"));
        assert_eq!(ac.built.as_deref(), Some("18 Feb 1993"));
        let serials: Vec<&str> = a
            .identifiers
            .iter()
            .filter(|i| i.kind == IdKind::AircraftSerial)
            .map(|i| i.value.as_str())
            .collect();
        assert_eq!(serials, ["811", "24383"]);
        assert_eq!(a.relations[0].target_name, "MAHAN AIR");
    }

    #[test]
    fn untyped_bis_and_state_rows() {
        let lists = real();
        let by_name = |name: &str| {
            lists[0]
                .entities
                .iter()
                .find(|e| e.primary_name() == Some(name))
                .unwrap_or_else(|| panic!("{name}"))
        };
        // Denied Persons List: a prisoner, a person by name, a company.
        let ash = by_name("I. ASH");
        assert_eq!(ash.kind, Kind::Person);
        assert!(ash.id.as_str().starts_with("us_csl:DPL-deb7a1d5"));
        assert_eq!(ash.listed_on.map(|d| d.to_string()).as_deref(), Some("2003-06-19"));
        assert!(ash.remarks.contains(&"End date: 2056-06-29".to_string()));
        assert_eq!(ash.programs, [Program::new("DPL")]);
        assert_eq!(ash.addresses[0].country.unwrap().code(), "US");
        assert_eq!(by_name("ANDRO TELEMI").kind, Kind::Person);
        assert_eq!(by_name("SKY BLUE BIRD LTD").kind, Kind::Organization);
        // ITAR debarred.
        assert_eq!(by_name("Aaron De Leon").kind, Kind::Person);
        assert_eq!(by_name("Kal Nelson Aviation, Inc.").kind, Kind::Organization);
        // Entity List and Unverified List rows stay organizations.
        let el = by_name("Zagros Airlines");
        assert_eq!(el.kind, Kind::Organization);
        assert_eq!(el.programs, [Program::new("EL")]);
        assert!(el.remarks.iter().any(|r| r.starts_with("License policy: ")));
        // ISN marks persons in the name.
        assert_eq!(by_name("Igor Aleksandrovich Michurin (Russian individual)").kind, Kind::Person);
    }

    #[test]
    fn repeated_id_in_one_list() {
        let lists = real();
        let a = entity(lists, "us_csl:CAP-15268");
        let b = entity(lists, "us_csl:CAP-15268-2");
        assert_eq!(a.primary_name(), Some("BANK OF KUNLUN CO LTD"));
        assert_eq!(b.primary_name(), a.primary_name());
        let first = a.provenance.record;
        assert!(b.remarks.iter().any(|r| r.contains(&format!("first seen in record {first}"))));
    }

    const HEADER: &str = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n";

    fn fixture(rows: &[&str]) -> Vec<u8> {
        let mut s = HEADER.to_string();
        for r in rows {
            s.push_str(r);
            s.push('\n');
        }
        s.into_bytes()
    }

    const SDN_ROW: &str = "1,Specially Designated Nationals (SDN) - Treasury Department,1,Individual,SDGT; IRAN,\"DOE, John\",,\"Street 1, Tehran, IR\",,,,,,,,,,,,,,,\"DOE, J.; DOE, Johnny\",IR;Narnia,\"circa 1960; 1961 to 1962; sometime\",IR,\"Tehran, Iran\",,\"IR, A123, Passport; Male, Gender; odd entry\"";

    #[test]
    fn fixture_row() {
        let lists = parse_bytes("csl.csv", &fixture(&[SDN_ROW]), &Options::default()).unwrap();
        let e = &lists[0].entities[0];
        assert_eq!(e.id.as_str(), "us_csl:SDN-1");
        assert_eq!(e.names.len(), 3);
        let dobs: Vec<String> = e.birth_dates.iter().map(ToString::to_string).collect();
        assert_eq!(dobs, ["circa 1960", "1961 to 1962"]);
        assert!(e.remarks.contains(&"DOB: sometime".to_string()));
        assert!(e.remarks.contains(&"Citizenship: Narnia".to_string()));
        assert!(e.remarks.contains(&"ID: odd entry".to_string()));
        assert_eq!(e.identifiers[1].kind, IdKind::Passport);
        assert_eq!(e.identifiers[1].country.unwrap().code(), "IR");
        assert_eq!(e.programs.len(), 2);
        let u = &lists[0].meta.unstructured;
        assert_eq!((u["dates_of_birth"], u["citizenships"], u["ids"]), (1, 1, 1));
    }

    #[test]
    fn truncated_file_is_a_syntax_error() {
        let full = fixture(&[SDN_ROW, SDN_ROW.replacen("1,", "2,", 1).as_str()]);
        // Cut inside the last quoted cell.
        let cut = &full[..full.len() - 20];
        let err = parse_bytes("csl.csv", cut, &Options { lenient: true, ..Options::default() })
            .unwrap_err();
        assert!(matches!(err.kind, crate::ErrorKind::Syntax(_)), "{err}");
        assert!(err.to_string().starts_with("csl.csv: line 3 (record 2): malformed:"), "{err}");
        // Cut between cells of the last row.
        let row = "3,Entity List (EL) - Bureau of Industry and Security,,,,ACME";
        let err =
            parse_bytes("csl.csv", &fixture(&[SDN_ROW, row])[..], &Options::default()).unwrap_err();
        assert!(
            err.to_string().contains("last row cut short: 6 fields where the header has 29"),
            "{err}"
        );
        // Cut inside the gzip stream.
        let gz = std::fs::read(crate::testutil::data("us-csl/consolidated.csv.gz")).unwrap();
        let err = parse_bytes("consolidated.csv.gz", &gz[..gz.len() / 2], &Options::default())
            .unwrap_err();
        assert!(err.to_string().contains("broken gzip"), "{err}");
    }

    #[test]
    fn bad_records_strict_and_lenient() {
        let no_name =
            "9,Entity List (EL) - Bureau of Industry and Security,,,,,,,,,,,,,,,,,,,,,,,,,,,";
        let no_id =
            ",Entity List (EL) - Bureau of Industry and Security,,,,ACME,,,,,,,,,,,,,,,,,,,,,,,";
        let short = "8,Entity List (EL) - Bureau of Industry and Security,,,,ACME";
        let bad_type = "7,Specially Designated Nationals (SDN) - Treasury Department,7,Spaceship,,X,,,,,,,,,,,,,,,,,,,,,,,";
        for (row, msg) in [
            (no_name, "line 3 (record 2): invalid record: `9` has no name"),
            (no_id, "line 3 (record 2): invalid record: no `_id`"),
            (short, "line 3 (record 2): invalid record: 6 fields where the header has 29"),
            (bad_type, "line 3 (record 2): invalid record: `7` has unknown type 'Spaceship'"),
        ] {
            let bytes = fixture(&[SDN_ROW, row, SDN_ROW.replacen("1,", "2,", 1).as_str()]);
            let err = parse_bytes("csl.csv", &bytes, &Options::default()).unwrap_err();
            assert_eq!(err.to_string(), format!("csl.csv: {msg}"));
            let lists =
                parse_bytes("csl.csv", &bytes, &Options { lenient: true, ..Options::default() })
                    .unwrap();
            assert_eq!(lists[0].entities.len(), 2);
            assert_eq!(lists[0].meta.records, 3);
            assert_eq!(lists[0].skipped.len(), 1);
            assert_eq!(lists[0].skipped[0].to_string(), format!("csl.csv: {msg}"));
        }
    }

    #[test]
    fn header_without_id_column() {
        let err = parse_bytes("x.csv", b"_id,source,name\n", &Options::default());
        assert!(err.is_err());
        let err = parse(
            &crate::Input::from_bytes("x".into(), "x.csv".into(), b"source,name\nA,B\n".to_vec())
                .unwrap(),
            &mut Sink::new(false),
        )
        .unwrap_err();
        assert!(err.to_string().contains("no `_id` or `name` column"), "{err}");
    }

    #[test]
    fn helpers() {
        assert_eq!(
            list_abbrev("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"),
            "NS-MBS"
        );
        assert_eq!(
            list_abbrev("Military End User (MEU) List - Bureau of Industry and Security"),
            "MEU"
        );
        assert_eq!(list_abbrev("Something"), "CSL");
        assert_eq!(
            executive_order("Listing Date (EO 14024 Directive 2):").as_deref(),
            Some("EO 14024")
        );
        assert_eq!(
            executive_order("Executive Order 13662 Directive Determination -").as_deref(),
            Some("EO 13662")
        );
        assert_eq!(directive_number("Subject to Directive 1a - As of").as_deref(), Some("1a"));
        assert_eq!(directive_number("Directive Information"), None);
        let (c, d, v) = id_parts("PA, 467323, Doc. 694710");
        assert_eq!(
            (c.map(|c| c.code().to_string()), d.len(), v.as_str()),
            (Some("PA".into()), 0, "467323, Doc. 694710")
        );
    }
}
