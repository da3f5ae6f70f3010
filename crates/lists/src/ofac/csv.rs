//! OFAC legacy CSV: `sdn.csv` (or `cons_prim.csv`) with optional `alt.csv`,
//! `add.csv` and `sdn_comments.csv` (or their `cons_` twins).
//!
//! The files have no header. Their columns:
//!
//! | file | columns |
//! |---|---|
//! | primary | ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks |
//! | alt | ent_num, alt_num, alt_type (`aka`/`fka`/`nka`), alt_name, alt_remarks |
//! | add | ent_num, add_num, address, city/state/postal code, country, add_remarks |
//! | comments | ent_num, remarks continuation |
//!
//! Quirks:
//! - `-0- ` (with its trailing space) is an empty value, and SDN_Type `-0-`
//!   means an entity (organization).
//! - Lines end in CRLF and the files end with a DOS end-of-file byte (0x1A)
//!   after the last line.
//! - Programs are joined by `] [` (`UKRAINE-EO13662] [RUSSIA-EO14024`), as if
//!   the outer brackets had been stripped.
//! - Remarks are cut at 1,000 characters; the rest is in the comments file
//!   and continues mid-word (`"hn'; Linked To: LAZARUS GROUP."`), so the two
//!   are joined without a space. A set without its comments file (the 2024
//!   snapshot) has cut remarks; they are counted as unstructured.
//! - The remarks hold most of the data; [`super::remarks`] parses them.
//! - The files carry no date: the framework takes it from the path.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use veto_model::country;
use veto_model::{
    Address, Entity, IdKind, Identifier, Kind, Name, NameRole, Program, Provenance, Source, Vessel,
};

use super::remarks;
use crate::detect::OfacPart;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::clean;

/// The files of one OFAC CSV set.
#[derive(Debug)]
pub struct Group {
    /// The primary file (`sdn.csv`, `cons_prim.csv`).
    pub primary: Input,
    /// Aliases (`alt.csv`).
    pub alt: Option<Input>,
    /// Addresses (`add.csv`).
    pub add: Option<Input>,
    /// Remarks overflow (`sdn_comments.csv`).
    pub comments: Option<Input>,
}

fn set_key(input: &Input) -> (PathBuf, bool) {
    let dir = input.path.parent().map(PathBuf::from).unwrap_or_default();
    (dir, input.name.to_ascii_lowercase().starts_with("cons"))
}

impl Group {
    /// Groups OFAC CSV files into sets: each primary file with the auxiliary
    /// files from the same directory (and the same `cons_` prefix or not).
    ///
    /// # Errors
    ///
    /// Fails if an auxiliary file has no primary file to go with, or a set
    /// has two files of the same part.
    pub fn assemble(parts: Vec<(Input, OfacPart)>) -> Result<Vec<Group>> {
        let mut sets: BTreeMap<(PathBuf, bool), BTreeMap<OfacPart, Input>> = BTreeMap::new();
        for (input, part) in parts {
            let slot = sets.entry(set_key(&input)).or_default();
            if let Some(prev) = slot.get(&part) {
                return Err(Error::file(
                    &input.name,
                    ErrorKind::Grouping(format!(
                        "two OFAC {part:?} files in one set ({} and {}); import them separately",
                        prev.name, input.name
                    )),
                ));
            }
            slot.insert(part, input);
        }
        let mut groups = Vec::new();
        for (_, mut parts) in sets {
            let Some(primary) = parts.remove(&OfacPart::Primary) else {
                let names: Vec<String> = parts.values().map(|i| i.name.clone()).collect();
                let first = names.first().cloned().unwrap_or_default();
                return Err(Error::file(
                    first,
                    ErrorKind::Grouping(format!(
                        "OFAC auxiliary file(s) {} given without their primary file \
                         (sdn.csv or cons_prim.csv from the same directory)",
                        names.join(", ")
                    )),
                ));
            };
            groups.push(Group {
                primary,
                alt: parts.remove(&OfacPart::Alt),
                add: parts.remove(&OfacPart::Add),
                comments: parts.remove(&OfacPart::Comments),
            });
        }
        Ok(groups)
    }

    /// All inputs of the set, primary first.
    pub fn into_inputs(self) -> Vec<Input> {
        let mut v = vec![self.primary];
        v.extend(self.alt);
        v.extend(self.add);
        v.extend(self.comments);
        v
    }
}

/// Parses an OFAC CSV set: the primary file, then the remarks continuations
/// of the comments file, the aliases and the addresses, and last the
/// (joined) remarks of every entry.
///
/// # Errors
///
/// Fails on malformed CSV (an unterminated quote: a truncated file), and in
/// strict mode on invalid rows (wrong number of fields, non-numeric
/// `ent_num`, unknown `SDN_Type`) or rows of auxiliary files that point at
/// no entry of the primary file.
pub fn parse(group: &Group, source: Source, sink: &mut Sink) -> Result<Vec<Entity>> {
    let primary = &group.primary;
    let mut entries: Vec<Entry> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut skipped: HashSet<String> = HashSet::new();
    let mut rows = Rows::new(primary)?;
    while let Some(row) = rows.next_row()? {
        sink.records += 1;
        match primary_entry(&row, &primary.name, source, sink) {
            Ok(entry) => {
                let key = row.field(0).trim().to_string();
                index.entry(key).or_insert(entries.len());
                entries.push(entry);
            }
            Err(err) => {
                skipped.insert(row.field(0).trim().to_string());
                sink.bad_record(err)?;
            }
        }
    }
    let aux = Aux { primary: &primary.name, index: &index, skipped: &skipped };
    if let Some(input) = &group.comments {
        let mut rows = Rows::new(input)?;
        while let Some(row) = rows.next_row()? {
            sink.records += 1;
            let Some(i) = aux.entry(input, &row, 2, sink)? else { continue };
            if let Some(e) = entries.get_mut(i) {
                // The continuation starts mid-word: join without a space.
                e.remarks.push_str(row.field(1));
                e.continued = true;
            }
        }
    }
    if let Some(input) = &group.alt {
        let mut rows = Rows::new(input)?;
        while let Some(row) = rows.next_row()? {
            sink.records += 1;
            let Some(i) = aux.entry(input, &row, 5, sink)? else { continue };
            let role = match row.field(2).trim().to_ascii_lowercase().as_str() {
                "aka" | "nka" => NameRole::Alias,
                "fka" => NameRole::Former,
                other => {
                    let msg = format!("unknown alt_type '{other}' (expected aka, fka or nka)");
                    sink.bad_record(Error::invalid(&input.name, row.location(), msg))?;
                    continue;
                }
            };
            let Some(name) = clean(row.field(3)) else {
                let msg = "alias row without alt_name";
                sink.bad_record(Error::invalid(&input.name, row.location(), msg))?;
                continue;
            };
            let Some(e) = entries.get_mut(i) else { continue };
            if let Some(note) = clean(row.field(4)) {
                e.entity.remarks.push(format!("alias {name}: {note}"));
                sink.unstructured("alias remarks");
            }
            e.entity.add_name(Name::new(name, role));
        }
    }
    if let Some(input) = &group.add {
        let mut rows = Rows::new(input)?;
        while let Some(row) = rows.next_row()? {
            sink.records += 1;
            let Some(i) = aux.entry(input, &row, 6, sink)? else { continue };
            let Some(e) = entries.get_mut(i) else { continue };
            if let Some(addr) = address(row.field(2), row.field(3), row.field(4), sink) {
                Entity::push_unique(&mut e.entity.addresses, addr);
            }
            if let Some(note) = clean(row.field(5)) {
                e.entity.remarks.push(format!("address: {note}"));
                sink.unstructured("address remarks");
            }
        }
    }
    let mut out = Vec::with_capacity(entries.len());
    for mut e in entries {
        if !e.continued
            && e.remarks.len() >= REMARKS_CUT
            && e.remarks.chars().count() >= REMARKS_CUT
        {
            // Cut by OFAC and not continued: the last clause is incomplete.
            sink.unstructured("remarks cut at 1,000 characters");
        }
        remarks::apply(&e.remarks, &mut e.entity, sink);
        out.push(e.entity);
    }
    Ok(out)
}

/// OFAC cuts the remarks field at this many characters and continues it in
/// the comments file.
const REMARKS_CUT: usize = 1000;

/// An entry of the primary file, with its remarks kept as text until the
/// comments file has been read.
struct Entry {
    entity: Entity,
    remarks: String,
    continued: bool,
}

/// Finds the entry an auxiliary row belongs to.
struct Aux<'a> {
    primary: &'a str,
    index: &'a HashMap<String, usize>,
    skipped: &'a HashSet<String>,
}

impl Aux<'_> {
    /// The index of the entry `row` refers to; `None` (after reporting it in
    /// lenient mode) when the row is invalid or dangling.
    fn entry(
        &self,
        input: &Input,
        row: &Row<'_>,
        fields: usize,
        sink: &mut Sink,
    ) -> Result<Option<usize>> {
        if row.fields.len() != fields {
            let msg = format!("expected {fields} fields, found {}", row.fields.len());
            sink.bad_record(Error::invalid(&input.name, row.location(), msg))?;
            return Ok(None);
        }
        let key = row.field(0).trim();
        if let Some(&i) = self.index.get(key) {
            return Ok(Some(i));
        }
        let msg = if self.skipped.contains(key) {
            format!("row for ent_num '{key}', whose record in {} was skipped", self.primary)
        } else {
            format!("row for ent_num '{key}', which is not in {}", self.primary)
        };
        sink.bad_record(Error::new(&input.name, row.location(), ErrorKind::Dangling(msg)))?;
        Ok(None)
    }
}

/// Builds the entity of a primary-file row.
fn primary_entry(row: &Row<'_>, file: &str, source: Source, sink: &mut Sink) -> Result<Entry> {
    let invalid = |msg: String| Error::invalid(file, row.location(), msg);
    if row.fields.len() != 12 {
        return Err(invalid(format!("expected 12 fields, found {}", row.fields.len())));
    }
    let ent_num = row.field(0).trim();
    if ent_num.is_empty() || !ent_num.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(format!("ent_num '{ent_num}' is not a number")));
    }
    let kind = match row.field(2).trim().to_ascii_lowercase().as_str() {
        "individual" => Kind::Person,
        "vessel" => Kind::Vessel,
        "aircraft" => Kind::Aircraft,
        "-0-" | "" => Kind::Organization,
        other => {
            return Err(invalid(format!(
                "unknown SDN_Type '{other}' (expected individual, vessel, aircraft or -0-)"
            )))
        }
    };
    let Some(name) = clean(row.field(1)) else {
        return Err(invalid(format!("entry {ent_num} has an empty SDN_Name")));
    };
    let mut e = Entity::new(source, ent_num, kind);
    e.provenance = Provenance { file: file.to_string(), record: row.record, line: Some(row.line) };
    e.add_name(Name::new(name, NameRole::Primary));
    for code in row.field(3).split(['[', ']']) {
        if let Some(code) = clean(code) {
            Entity::push_unique(&mut e.programs, Program::new(code));
        }
    }
    for title in row.field(4).split(';') {
        if let Some(t) = clean(title) {
            Entity::push_unique(&mut e.positions, t);
        }
    }
    let [call_sign, vess_type, tonnage, grt, flag, owner] =
        [5, 6, 7, 8, 9, 10].map(|i| clean(row.field(i)));
    if let Some(cs) = &call_sign {
        e.identifiers.push(Identifier::new(IdKind::CallSign, cs.as_str(), "Call Sign"));
    }
    if [&call_sign, &vess_type, &tonnage, &grt, &flag, &owner].iter().any(|f| f.is_some()) {
        let mut v = Vessel {
            vessel_type: vess_type,
            tonnage,
            gross_registered_tonnage: grt,
            owner,
            ..Vessel::default()
        };
        if let Some(flag) = flag {
            v.flag = country::resolve(&flag);
            if v.flag.is_none() {
                sink.unstructured("vessel flag");
                v.flag_text = Some(flag);
            }
        }
        e.vessel = Some(v);
    }
    Ok(Entry { entity: e, remarks: row.field(11).to_string(), continued: false })
}

/// Builds an address from the add.csv columns. The second column holds
/// city, state and postal code in one (`London EC3N 1DY`, `Mumbai,
/// Maharashtra 40051`): trailing words with digits are the postal code, the
/// first comma-separated part the city and the rest the region.
fn address(street: &str, city_line: &str, country_text: &str, sink: &mut Sink) -> Option<Address> {
    let street = clean(street);
    let city_line = clean(city_line);
    let country_text = clean(country_text);
    let full: Vec<&str> =
        [&street, &city_line, &country_text].into_iter().filter_map(|s| s.as_deref()).collect();
    if full.is_empty() {
        return None;
    }
    let mut addr = Address { full: full.join(", "), street, ..Address::default() };
    if let Some(line) = &city_line {
        let words: Vec<&str> = line.split(' ').collect();
        let keep =
            words.iter().rposition(|w| !w.bytes().any(|b| b.is_ascii_digit())).map_or(0, |i| i + 1);
        if keep < words.len() {
            addr.postal_code = Some(words[keep..].join(" "));
        }
        let place = words[..keep].join(" ");
        let mut parts = place.split(',').map(str::trim).filter(|p| !p.is_empty());
        addr.city = parts.next().map(str::to_string);
        let region: Vec<&str> = parts.collect();
        if !region.is_empty() {
            addr.region = Some(region.join(", "));
        }
    }
    if let Some(c) = &country_text {
        // `Region: Gaza`, `Region: Crimea`: a region named where the country goes.
        let (region, name) = match c.strip_prefix("Region:") {
            Some(r) => (Some(r.trim()), r.trim()),
            None => (None, c.as_str()),
        };
        addr.country = country::resolve(name);
        if let (Some(r), None) = (region, &addr.region) {
            addr.region = Some(r.to_string());
        }
        if addr.country.is_none() {
            sink.unstructured("address country");
        }
    }
    Some(addr)
}

/// One CSV row: its fields and where it starts.
struct Row<'a> {
    fields: Vec<Cow<'a, str>>,
    record: u64,
    line: u64,
}

impl Row<'_> {
    /// Field `i`, or `""` if the row is shorter.
    fn field(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", |f| f.as_ref())
    }

    fn location(&self) -> Location {
        Location::Record { record: self.record, line: Some(self.line) }
    }
}

/// A reader for OFAC's CSV dialect: comma-separated, fields optionally in
/// double quotes (`""` inside for a quote), CRLF or LF line ends, and a
/// trailing DOS end-of-file byte. Hand-written rather than the `csv` crate
/// so that a quote left open at the end of the file (a truncated download)
/// is a syntax error with its line instead of a silently shortened row.
struct Rows<'a> {
    name: &'a str,
    text: &'a str,
    pos: usize,
    line: u64,
    record: u64,
}

impl<'a> Rows<'a> {
    fn new(input: &'a Input) -> Result<Rows<'a>> {
        let text = input.text()?.trim_end_matches('\u{1a}');
        Ok(Rows { name: &input.name, text, pos: 0, line: 1, record: 0 })
    }

    fn syntax(&self, line: u64, msg: &str) -> Error {
        Error::syntax(self.name, Location::Line(line), msg)
    }

    /// The next row, or `None` at the end of the file.
    fn next_row(&mut self) -> Result<Option<Row<'a>>> {
        let text = self.text;
        let b = text.as_bytes();
        // Skip blank lines.
        loop {
            match b.get(self.pos) {
                None => return Ok(None),
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                }
                Some(b'\r') if b.get(self.pos + 1) == Some(&b'\n') => {
                    self.pos += 2;
                    self.line += 1;
                }
                Some(_) => break,
            }
        }
        let start_line = self.line;
        let mut fields = Vec::with_capacity(12);
        loop {
            if b.get(self.pos) == Some(&b'"') {
                self.pos += 1;
                let mut owned: Option<String> = None;
                let mut seg = self.pos;
                loop {
                    let Some(off) = text[self.pos..].find('"') else {
                        return Err(self.syntax(
                            start_line,
                            "quoted field never closed: the file is truncated or a quote is missing",
                        ));
                    };
                    let q = self.pos + off;
                    self.line += b[self.pos..q].iter().filter(|&&c| c == b'\n').count() as u64;
                    if b.get(q + 1) == Some(&b'"') {
                        owned.get_or_insert_with(String::new).push_str(&text[seg..=q]);
                        self.pos = q + 2;
                        seg = self.pos;
                        continue;
                    }
                    let field = match owned.take() {
                        Some(mut s) => {
                            s.push_str(&text[seg..q]);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(&text[seg..q]),
                    };
                    fields.push(field);
                    self.pos = q + 1;
                    break;
                }
                match b.get(self.pos) {
                    None | Some(b'\r' | b'\n' | b',') => {}
                    Some(_) => {
                        return Err(
                            self.syntax(self.line, "unexpected character after a closing quote")
                        )
                    }
                }
            } else {
                let rest = &text[self.pos..];
                let end = rest.find([',', '\r', '\n']).unwrap_or(rest.len());
                let field = &rest[..end];
                if field.contains('"') {
                    return Err(self.syntax(self.line, "quote inside an unquoted field"));
                }
                fields.push(Cow::Borrowed(field));
                self.pos += end;
            }
            match b.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') => {
                    self.pos += if b.get(self.pos + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.line += 1;
                    break;
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    break;
                }
                _ => break,
            }
        }
        self.record += 1;
        Ok(Some(Row { fields, record: self.record, line: start_line }))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may unwrap.
mod tests {
    use std::path::PathBuf;

    use veto_model::{Gender, MeasureKind, PartialDate, RelationKind};

    use super::*;
    use crate::testutil::{data, entity, parse_data};
    use crate::{parse_inputs, Options, Parsed};

    fn count(list: &Parsed, kind: Kind) -> usize {
        list.entities.iter().filter(|e| e.kind == kind).count()
    }

    fn has_id(e: &Entity, kind: IdKind, value: &str) -> bool {
        e.identifiers.iter().any(|i| i.kind == kind && i.value == value)
    }

    fn names(e: &Entity, role: NameRole) -> Vec<&str> {
        e.names.iter().filter(|n| n.role == role).map(|n| n.full.as_str()).collect()
    }

    fn directives(e: &Entity) -> Vec<(String, String)> {
        e.measures
            .iter()
            .filter(|m| m.kind == MeasureKind::SectoralDirective)
            .map(|m| {
                (m.authority.clone().unwrap_or_default(), m.directive.clone().unwrap_or_default())
            })
            .collect()
    }

    /// Parses in-memory files as one OFAC set (all in directory `fx/`).
    fn parse_set(files: &[(&str, &[u8])], lenient: bool) -> crate::Result<Vec<Parsed>> {
        let inputs = files
            .iter()
            .map(|(name, bytes)| {
                let path = PathBuf::from("fx").join(name);
                Input::from_bytes(path, name.to_string(), bytes.to_vec())
            })
            .collect::<crate::Result<Vec<_>>>()?;
        parse_inputs(inputs, &Options { lenient, ..Options::default() })
    }

    #[test]
    fn sdn_2024() {
        // Timing printed, not asserted: `cargo test --release -- --nocapture`.
        let start = std::time::Instant::now();
        let input = Input::read(&data("ofac/2024-05-03/sdn.csv.gz")).unwrap();
        let read = start.elapsed();
        let lists = parse_inputs(vec![input], &Options::default()).unwrap();
        eprintln!("2024 SDN CSV: read+gunzip+hash {read:?}, parse {:?}", start.elapsed() - read);
        let list = &lists[0];
        assert_eq!(list.meta.key.source, Source::UsOfacSdn);
        assert_eq!(list.entities.len(), 14_965);
        assert_eq!(list.meta.records, 14_965);
        assert_eq!(count(list, Kind::Person), 6854);
        assert_eq!(count(list, Kind::Organization), 6884);
        assert_eq!(count(list, Kind::Vessel), 851);
        assert_eq!(count(list, Kind::Aircraft), 376);
        assert_eq!(list.meta.data_date.map(|d| d.to_string()).as_deref(), Some("2024-05-03"));
        // The 18 remarks cut at 1,000 characters (no comments file in this snapshot).
        assert_eq!(list.meta.unstructured.get("remarks cut at 1,000 characters"), Some(&18));

        let putin = entity(&lists, "us_ofac_sdn:35096");
        assert_eq!(putin.kind, Kind::Person);
        assert_eq!(putin.primary_name(), Some("PUTIN, Vladimir Vladimirovich"));
        assert_eq!(putin.birth_dates.len(), 1);
        assert_eq!(putin.birth_dates[0].date, PartialDate::new(1952, Some(10), Some(7)).unwrap());
        assert_eq!(putin.birth_places, ["Leningrad, Russia"]);
        let ru = country::resolve("Russia").unwrap();
        assert_eq!(putin.nationalities, [ru]);
        assert_eq!(putin.citizenships, [ru]);
        assert_eq!(putin.gender, Some(Gender::Male));
        assert_eq!(putin.programs, [Program::new("RUSSIA-EO14024")]);
        assert_eq!(putin.positions, ["President of the Russian Federation"]);
        assert!(putin.remarks[0].starts_with("DOB 07 Oct 1952; POB Leningrad"));
        assert_eq!(putin.provenance.file, "sdn.csv");

        // Programs joined by `] [`; a Title repeated in the remarks.
        let slutsky = entity(&lists, "us_ofac_sdn:16662");
        let codes: Vec<&str> = slutsky.programs.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["UKRAINE-EO13661", "RUSSIA-EO14024"]);
        assert_eq!(slutsky.measures[0].kind, MeasureKind::SecondarySanctions);

        // A weak alias from the remarks.
        let bnc = entity(&lists, "us_ofac_sdn:306");
        assert_eq!(bnc.primary_name(), Some("BANCO NACIONAL DE CUBA"));
        assert_eq!(names(bnc, NameRole::WeakAlias), ["BNC"]);

        // Identifiers with their country and notes.
        let peng = entity(&lists, "us_ofac_sdn:18660");
        let pass = peng.identifiers.iter().find(|i| i.kind == IdKind::Passport).unwrap();
        assert_eq!(pass.value, "G34331983");
        assert_eq!(pass.country, country::resolve("China"));
        assert_eq!(pass.note.as_deref(), Some("issued 13 Mar 2009 expires 12 Mar 2019"));
        assert!(has_id(peng, IdKind::Email, "kevinpengtech@gmail.com"));
        assert!(has_id(peng, IdKind::NationalId, "320106198312060411"));
        assert_eq!(names(peng, NameRole::WeakAlias), ["PENG, Kevin"]);
        assert_eq!(peng.relations[0].target_name, "KAIKAI TECHNOLOGY CO., LTD");

        // A vessel: columns and IMO number from the remarks.
        let green = entity(&lists, "us_ofac_sdn:18340");
        assert_eq!(green.kind, Kind::Vessel);
        assert!(has_id(green, IdKind::Imo, "8810700"));
        assert_eq!(green.vessel.as_ref().and_then(|v| v.flag), country::resolve("Panama"));
        let targets: Vec<&str> = green.relations.iter().map(|r| r.target_name.as_str()).collect();
        assert_eq!(targets, ["MILENYUM ENERGY S.A.", "GREEN SHIPPING LTD"]);
        let tug = entity(&lists, "us_ofac_sdn:4238");
        let v = tug.vessel.as_ref().unwrap();
        assert_eq!(v.vessel_type.as_deref(), Some("Tug"));
        assert_eq!(v.gross_registered_tonnage.as_deref(), Some("212"));
        assert_eq!(v.owner.as_deref(), Some("Samir de Navegacion S.A."));
        assert!(has_id(tug, IdKind::CallSign, "CL2192"));

        // Totals of what the remarks gave, as a guard against regressions.
        let all = &list.entities;
        let ids: usize = all.iter().map(|e| e.identifiers.len()).sum();
        let weak: usize = all.iter().map(|e| names(e, NameRole::WeakAlias).len()).sum();
        let dobs = all.iter().filter(|e| !e.birth_dates.is_empty()).count();
        let links: usize = all.iter().map(|e| e.relations.len()).sum();
        let imo = all
            .iter()
            .filter(|e| {
                e.kind == Kind::Vessel && e.identifiers.iter().any(|i| i.kind == IdKind::Imo)
            })
            .count();
        eprintln!("ids {ids}, weak aliases {weak}, with DOB {dobs}, links {links}, vessels with IMO {imo}");
        eprintln!("unstructured: {:?}", list.meta.unstructured);
        assert!(weak > 3000, "{weak}");
        assert!(dobs > 5000, "{dobs}");
        assert!(links > 6000, "{links}");
        assert!(imo > 800, "{imo}");
        let unknown = list.meta.unstructured.get("remarks clause").copied().unwrap_or(0);
        assert!(unknown < 500, "{unknown} clauses without a known label");
    }

    #[test]
    fn sdn_2021_set() {
        let lists = parse_data(&[
            "ofac/2021-07-07/sdn.csv.gz",
            "ofac/2021-07-07/alt.csv.gz",
            "ofac/2021-07-07/add.csv.gz",
            "ofac/2021-07-07/sdn_comments.csv",
        ]);
        assert_eq!(lists.len(), 1);
        let list = &lists[0];
        assert_eq!(list.entities.len(), 8976);
        assert_eq!(list.meta.records, 8976 + 11_910 + 13_837 + 5);
        assert_eq!(list.meta.files.len(), 4);
        assert_eq!(count(list, Kind::Person), 4620);
        assert_eq!(count(list, Kind::Organization), 3673);
        assert_eq!(count(list, Kind::Vessel), 406);
        assert_eq!(count(list, Kind::Aircraft), 277);
        assert!(!list.meta.unstructured.contains_key("remarks cut at 1,000 characters"));

        // Remarks continued mid-word in sdn_comments.csv.
        let e = entity(&lists, "us_ofac_sdn:28263");
        assert!(e.remarks[0].ends_with("Linked To: LAZARUS GROUP."), "{}", e.remarks[0]);
        assert!(!e.remarks[0].contains("' hn"));
        assert!(e
            .relations
            .iter()
            .any(|r| r.kind == RelationKind::LinkedTo && r.target_name == "LAZARUS GROUP"));

        // alt.csv names and add.csv addresses.
        let bnc = entity(&lists, "us_ofac_sdn:306");
        assert_eq!(names(bnc, NameRole::Alias), ["NATIONAL BANK OF CUBA"]);
        assert_eq!(names(bnc, NameRole::WeakAlias), ["BNC"]);
        let zurich = bnc.addresses.iter().find(|a| a.city.as_deref() == Some("Zurich")).unwrap();
        assert_eq!(zurich.street.as_deref(), Some("Zweierstrasse 35"));
        assert_eq!(zurich.postal_code.as_deref(), Some("CH-8022"));
        assert_eq!(zurich.country, country::resolve("Switzerland"));
        assert_eq!(zurich.full, "Zweierstrasse 35, Zurich CH-8022, Switzerland");
        let anglo = entity(&lists, "us_ofac_sdn:173");
        let london = &anglo.addresses[0];
        assert_eq!(london.city.as_deref(), Some("London"));
        assert_eq!(london.postal_code.as_deref(), Some("EC3N 1DY"));
        assert_eq!(london.country, country::resolve("United Kingdom"));
        let former: usize = list.entities.iter().map(|e| names(e, NameRole::Former).len()).sum();
        assert!(former >= 369, "{former}");
    }

    #[test]
    fn consolidated_set() {
        let lists = parse_data(&[
            "ofac-consolidated/csv-2025-12-19/cons_prim.csv",
            "ofac-consolidated/csv-2025-12-19/cons_alt.csv",
            "ofac-consolidated/csv-2025-12-19/cons_add.csv",
            "ofac-consolidated/csv-2025-12-19/cons_comments.csv",
        ]);
        let list = &lists[0];
        assert_eq!(list.meta.key.source, Source::UsOfacCons);
        assert_eq!(list.entities.len(), 442);
        assert_eq!(list.meta.records, 442 + 1073 + 574 + 10);
        assert_eq!(count(list, Kind::Person), 79);
        assert_eq!(count(list, Kind::Organization), 363);

        // SSI entries carry their directives.
        let sber = entity(&lists, "us_ofac_cons:17018");
        assert_eq!(sber.primary_name(), Some("PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"));
        let d = directives(sber);
        assert!(d.contains(&("EO 13662".into(), "1".into())), "{d:?}");
        assert!(d.contains(&("EO 14024".into(), "2".into())), "{d:?}");
        assert!(d.contains(&("EO 14024".into(), "3".into())), "{d:?}");
        let ssi =
            sber.measures.iter().find(|m| m.authority.as_deref() == Some("EO 13662")).unwrap();
        assert!(ssi.text.contains("Subject to Directive 1"));
        let eo3 = sber.measures.iter().find(|m| m.directive.as_deref() == Some("3")).unwrap();
        assert!(
            eo3.text.contains("Effective Date (EO 14024 Directive 3): 26 Mar 2022"),
            "{}",
            eo3.text
        );
        // ... and the rest of the remarks, continued in cons_comments.csv.
        assert_eq!(names(sber, NameRole::WeakAlias), ["SBERBANK INDIA", "SBERBANK MUMBAI"]);
        assert!(has_id(sber, IdKind::TaxId, "7707083893"));
        assert!(has_id(sber, IdKind::SwiftBic, "SABRRUMM"));
        assert!(names(sber, NameRole::Former).contains(&"SBERBANK ROSSII OAO"));
        let vtb = entity(&lists, "us_ofac_cons:17013");
        assert_eq!(directives(vtb), [("EO 13662".to_string(), "1".to_string())]);
        assert!(has_id(vtb, IdKind::Lei, "253400V1H6ART1UQ0N98"));

        // Addresses in `Region: Gaza` and demonym countries.
        let gaza = entity(&lists, "us_ofac_cons:9641");
        assert_eq!(gaza.addresses[0].city.as_deref(), Some("Gaza"));
        assert_eq!(gaza.addresses[0].country, country::resolve("Palestinian"));

        // CMIC entries: securities identifiers and issuer names.
        let ct = entity(&lists, "us_ofac_cons:30882");
        assert!(has_id(ct, IdKind::Other, "US1694261033"));
        assert!(names(ct, NameRole::Alias).contains(&"China Telecom Corp Ltd"));
        assert!(ct.measures.iter().any(|m| m.authority.as_deref() == Some("CMIC")));
    }

    const PRIM: &[u8] = b"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
        306,\"BANCO \"\"NACIONAL\"\" DE CUBA\",-0- ,\"[CUBA] [SDGT]\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BN\"\r\n\
        7,\"DOE, John\",\"individual\",\"SDGT\",\"Director; Owner\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB circa 1960; Passport 12 (Russia).\"\r\n\
        8,\"SHIP\",\"vessel\",\"IRAN\",-0- ,\"ABCD\",\"Tanker\",\"1,000\",\"900\",\"Atlantis\",\"Owner Co\",-0- \r\n\x1a";

    #[test]
    fn fixture_set_with_quirks() {
        let alt = b"306,1,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n306,2,\"fka\",\"OLD BANK\",-0- \r\n\x1a";
        let add = b"36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n7,26,\"1 Main St\",\"Mumbai, Maharashtra 40051\",\"Region: Atlantis\",-0- \r\n";
        let comments = b"306,\"C'.\"\r\n";
        let lists = parse_set(
            &[
                ("sdn.csv", PRIM),
                ("alt.csv", alt),
                ("add.csv", add),
                ("sdn_comments.csv", comments),
            ],
            false,
        )
        .unwrap();
        let list = &lists[0];
        assert_eq!(list.entities.len(), 4);
        assert_eq!(list.meta.records, 4 + 2 + 2 + 1);
        let bnc = entity(&lists, "us_ofac_sdn:306");
        assert_eq!(bnc.kind, Kind::Organization);
        assert_eq!(bnc.primary_name(), Some("BANCO \"NACIONAL\" DE CUBA"));
        assert_eq!(bnc.programs, [Program::new("CUBA"), Program::new("SDGT")]);
        assert_eq!(bnc.remarks, ["a.k.a. 'BNC'."]);
        assert_eq!(names(bnc, NameRole::WeakAlias), ["BNC"]);
        assert_eq!(names(bnc, NameRole::Alias), ["NATIONAL BANK OF CUBA"]);
        assert_eq!(names(bnc, NameRole::Former), ["OLD BANK"]);
        assert_eq!(bnc.provenance.line, Some(2));
        let doe = entity(&lists, "us_ofac_sdn:7");
        assert_eq!(doe.positions, ["Director", "Owner"]);
        assert!(doe.birth_dates[0].circa);
        assert!(has_id(doe, IdKind::Passport, "12"));
        let a = &doe.addresses[0];
        assert_eq!((a.city.as_deref(), a.region.as_deref()), (Some("Mumbai"), Some("Maharashtra")));
        assert_eq!(a.postal_code.as_deref(), Some("40051"));
        assert_eq!(a.country, None);
        let ship = entity(&lists, "us_ofac_sdn:8");
        let v = ship.vessel.as_ref().unwrap();
        assert_eq!((v.flag, v.flag_text.as_deref()), (None, Some("Atlantis")));
        assert_eq!(v.tonnage.as_deref(), Some("1,000"));
        assert_eq!(list.meta.unstructured.get("vessel flag"), Some(&1));
        assert_eq!(list.meta.unstructured.get("address country"), Some(&1));
    }

    #[test]
    fn truncated_file_is_a_syntax_error() {
        let at = PRIM.windows(8).position(|w| w == b"Owner Co").unwrap();
        let cut = &PRIM[..at + 5];
        let err = parse_set(&[("sdn.csv", cut)], true).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{msg}");
        assert!(msg.starts_with("sdn.csv: line 4: "), "{msg}");
        assert!(msg.contains("truncated"), "{msg}");
        let mut stray = PRIM[..PRIM.len() - 1].to_vec();
        stray.extend_from_slice(b"9,\"A\"x,-0- ,\"P\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        let err = parse_set(&[("sdn.csv", &stray)], true).unwrap_err();
        assert_eq!(
            err.to_string(),
            "sdn.csv: line 5: malformed: unexpected character after a closing quote"
        );
    }

    #[test]
    fn corrupted_records() {
        let bad_rows: [(&[u8], &str); 4] = [
            (
                b"x1,\"A\",-0- ,\"P\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
                "ent_num 'x1' is not a number",
            ),
            (
                b"9,\"A\",\"spaceship\",\"P\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
                "unknown SDN_Type 'spaceship'",
            ),
            (b"9,\"A\",-0- ,\"P\"\r\n", "expected 12 fields, found 4"),
            (b"9,-0- ,-0- ,\"P\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "empty SDN_Name"),
        ];
        for (row, want) in bad_rows {
            let mut file = PRIM[..PRIM.len() - 1].to_vec();
            file.extend_from_slice(row);
            let err = parse_set(&[("sdn.csv", &file)], false).unwrap_err();
            let msg = err.to_string();
            assert!(msg.starts_with("sdn.csv: line 5 (record 5): invalid record: "), "{msg}");
            assert!(msg.contains(want), "{msg}");
            let lists = parse_set(&[("sdn.csv", &file)], true).unwrap();
            assert_eq!(lists[0].entities.len(), 4);
            assert_eq!(lists[0].skipped.len(), 1);
            assert_eq!(lists[0].meta.skipped, 1);
            assert!(lists[0].skipped[0].to_string().contains(want));
        }
    }

    #[test]
    fn dangling_and_bad_auxiliary_rows() {
        let alt = b"306,1,\"aka\",\"X\",-0- \r\n999,2,\"aka\",\"GHOST\",-0- \r\n306,3,\"xka\",\"Y\",-0- \r\n";
        let err = parse_set(&[("sdn.csv", PRIM), ("alt.csv", alt)], false).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Dangling(_)));
        let msg = err.to_string();
        assert_eq!(
            msg,
            "alt.csv: line 2 (record 2): row for ent_num '999', which is not in sdn.csv"
        );
        let lists = parse_set(&[("sdn.csv", PRIM), ("alt.csv", alt)], true).unwrap();
        let skipped: Vec<String> = lists[0].skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert!(skipped[1].contains("unknown alt_type 'xka'"));
        assert_eq!(names(entity(&lists, "us_ofac_sdn:306"), NameRole::Alias), ["X"]);

        let comments = b"12345,\"orphan\"\r\n";
        let err =
            parse_set(&[("sdn.csv", PRIM), ("sdn_comments.csv", comments)], false).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Dangling(_)), "{err}");
        let add = b"36,25,\"a\",\"b\"\r\n";
        let err = parse_set(&[("sdn.csv", PRIM), ("add.csv", add)], false).unwrap_err();
        // Four columns: detected as no OFAC part at all.
        assert!(matches!(err.kind, ErrorKind::UnknownFormat(_)), "{err}");
    }

    #[test]
    fn rows_of_skipped_entries_say_so() {
        let mut file = PRIM[..PRIM.len() - 1].to_vec();
        file.extend_from_slice(
            b"55,\"A\",\"spaceship\",\"P\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
        );
        let alt = b"55,1,\"aka\",\"X\",-0- \r\n";
        let lists = parse_set(&[("sdn.csv", &file), ("alt.csv", alt)], true).unwrap();
        let msg = lists[0].skipped[1].to_string();
        assert!(msg.contains("whose record in sdn.csv was skipped"), "{msg}");
    }
}
