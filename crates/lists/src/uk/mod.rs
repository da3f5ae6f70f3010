//! UK formats: the OFSI Consolidated List (`ConList`, until January 2026) and
//! the FCDO UK Sanctions List that replaced it.
//!
//! Both are one table with one row per name of a designation, published as
//! CSV, xlsx and ods ([`sheet`] reads all three the same way). They share
//! their value notations, read by the helpers here:
//!
//! * several values in one cell, numbered (`(1) Russia (2) Ukraine`,
//!   `(1-3) Libya (4) Morocco`, `(1) to (6) Algeria`) or, in the UK
//!   Sanctions List, joined with `|`;
//! * day-first dates with unknown parts as `00` (`00/00/1994`);
//! * OFSI's "Other Information" text with bracketed labels
//!   (`(UK Sanctions List Ref):RUS0251 ... (Gender):Male (IMO number):7408873`).

pub mod conlist;
pub(crate) mod sheet;
pub mod uksl;

use std::collections::HashMap;

use veto_model::country::resolve;
use veto_model::{
    Address, BirthDate, Country, Entity, Gender, IdKind, Identifier, Kind, Measure, MeasureKind,
    Name, NameRole, PartialDate, Program, Relation, RelationKind, Vessel,
};

use crate::error::Error;
use crate::sink::Sink;
use crate::text::{clean, parse_birth_date_en, parse_date_dmy, parse_date_en};

/// The entities being assembled from the rows, by group key (one row per
/// name; the rows of a designation need not be adjacent).
#[derive(Default)]
pub(crate) struct Groups {
    /// The entities, in order of their first row.
    pub entities: Vec<Entity>,
    index: HashMap<String, usize>,
    /// The raw "Other Information" texts already read, per entity: the
    /// text repeats on every row of a group and is long, so repeats are
    /// recognised before any work is done on them.
    seen_other: Vec<Vec<String>>,
    /// Hashes of the non-name cells of the rows already read, per entity:
    /// the rows of a group mostly repeat everything but the name.
    seen_details: Vec<Vec<u64>>,
}

impl Groups {
    /// The entity for `key`, created from `row` if new. A row whose kind
    /// disagrees with the entity's is an invalid record (`what` names the
    /// type column in the message).
    ///
    /// # Errors
    ///
    /// The invalid-record error, to be passed to `Sink::bad_record`.
    pub fn entity(
        &mut self,
        key: &str,
        kind: Kind,
        what: &str,
        provenance: veto_model::Provenance,
        loc: crate::error::Location,
    ) -> std::result::Result<usize, Error> {
        if let Some(&i) = self.index.get(key) {
            let Some(e) = self.entities.get(i) else { return Ok(i) };
            if e.kind == kind {
                return Ok(i);
            }
            let first = match e.provenance.line {
                Some(l) => format!("line {l}"),
                None => format!("row {}", e.provenance.record),
            };
            return Err(Error::invalid(
                &provenance.file,
                loc,
                format!("{}: {what} '{kind}' disagrees with '{}' on {first}", e.id, e.kind),
            ));
        }
        let mut e = Entity::new(veto_model::Source::UkOfsi, key, kind);
        e.provenance = provenance;
        self.index.insert(key.to_string(), self.entities.len());
        self.entities.push(e);
        self.seen_other.push(Vec::new());
        self.seen_details.push(Vec::new());
        Ok(self.entities.len() - 1)
    }

    /// Whether the cells of `row` other than `skip` (the name columns)
    /// are new for entity `i`; a row that repeats them adds nothing but
    /// its name.
    pub fn fresh_details(
        &mut self,
        i: usize,
        row: &sheet::Row<'_>,
        skip: &[Option<usize>],
    ) -> bool {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for k in (0..row.len()).filter(|k| !skip.contains(&Some(*k))) {
            let v = row.get(k);
            if !v.is_empty() {
                k.hash(&mut h);
                v.hash(&mut h);
            }
        }
        let h = h.finish();
        match self.seen_details.get_mut(i) {
            Some(seen) if seen.contains(&h) => false,
            Some(seen) => {
                seen.push(h);
                true
            }
            None => true,
        }
    }

    /// Reads an "Other Information" text into entity `i` (once per distinct
    /// text) and keeps it in the remarks.
    pub fn other_info(&mut self, i: usize, raw: &str, sink: &mut Sink) {
        let (Some(e), Some(seen)) = (self.entities.get_mut(i), self.seen_other.get_mut(i)) else {
            return;
        };
        if raw.trim().is_empty() || seen.iter().any(|s| s == raw) {
            return;
        }
        seen.push(raw.to_string());
        if let Some(text) = clean(raw) {
            if !e.remarks.contains(&text) {
                apply_other_info(e, &text, sink);
                e.remarks.push(text);
            }
        }
    }
}

/// The entity kind of a `Group Type` / `Designation Type` value.
pub(crate) fn kind_of(s: &str) -> Option<Kind> {
    match s.trim().to_ascii_lowercase().as_str() {
        "individual" | "person" => Some(Kind::Person),
        "entity" | "organisation" | "organization" => Some(Kind::Organization),
        "ship" | "vessel" => Some(Kind::Vessel),
        "aircraft" => Some(Kind::Aircraft),
        _ => None,
    }
}

/// The role of a name from its `Alias Type` / `Name type` and its
/// `Alias Quality` / `Alias strength`.
pub(crate) fn name_role(alias_type: &str, quality: &str) -> NameRole {
    let t = sheet::norm_header(alias_type);
    let q = quality.to_ascii_lowercase();
    match t.as_str() {
        "primaryname" | "primary" | "" => NameRole::Primary,
        "primarynamevariation" => NameRole::Alias,
        "fka" | "formerlyknownas" | "formername" | "former" => NameRole::Former,
        _ if q.contains("low") || q.contains("weak") => NameRole::WeakAlias,
        _ => NameRole::Alias,
    }
}

/// Joins name parts (given names first, then the surname) with spaces.
pub(crate) fn join_name<'a>(parts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    for p in parts {
        if let Some(p) = clean(p) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&p);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Trims a value and the punctuation lists leave at the end of items.
fn trim_item(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ',', ';']).trim()
}

/// A number marker `(3)` or `(1-3)` at byte `i` of `b`: (first, last,
/// marker length). Numbers over 99 are not markers (`(2012-2013)`).
fn marker_at(b: &[u8], i: usize) -> Option<(u32, u32, usize)> {
    if b.get(i) != Some(&b'(') {
        return None;
    }
    let num = |mut j: usize| -> Option<(u32, usize)> {
        let start = j;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if j == start || j - start > 2 {
            return None;
        }
        let n = std::str::from_utf8(&b[start..j]).ok()?.parse().ok()?;
        Some((n, j))
    };
    let (a, j) = num(i + 1)?;
    match b.get(j) {
        Some(b')') => Some((a, a, j + 1 - i)),
        Some(b'-') => {
            let (z, k) = num(j + 1)?;
            (b.get(k) == Some(&b')') && z >= a && z - a < 20).then_some((a, z, k + 1 - i))
        }
        _ => None,
    }
}

/// Splits a numbered multi-value cell: `(1) Russia (2) Ukraine` gives
/// `["Russia", "Ukraine"]`. Ranges repeat their value: `(1-3) Libya
/// (4) Morocco` and `(1) to (3) Libya (4) Morocco` give Libya three times, so
/// that items pair with the numbered items of a companion column. An item
/// `-` stays as an empty string for the same reason. Text without markers
/// is one item.
pub(crate) fn split_numbered(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    // Accepted markers: (first, last, start of marker, end of marker). Only
    // a sequence counting from 1 is numbering: `+375 (17) 213-41-63` is not.
    let mut marks: Vec<(u32, u32, usize, usize)> = Vec::new();
    let mut expected = 1;
    let mut i = 0;
    while i < b.len() {
        // A marker starts the text or follows a space or punctuation
        // (`Russia.(2)`), never a letter or digit (`Co(1)`).
        let ok_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let Some((a, z, len)) = marker_at(b, i).filter(|_| ok_before) else {
            i += 1;
            continue;
        };
        if a == expected {
            marks.push((a, z, i, i + len));
            expected = z + 1;
        } else if let Some(last) = marks.last_mut() {
            // `(1) to (6) Algeria`: the second marker closes a range.
            let between = s.get(last.3..i).map(str::trim);
            if between.is_some_and(|t| t.eq_ignore_ascii_case("to"))
                && a > last.1
                && a - last.0 < 20
            {
                last.1 = z;
                last.3 = i + len;
                expected = z + 1;
            }
        }
        i += len;
    }
    if marks.is_empty() {
        return match trim_item(s) {
            "" => Vec::new(),
            t => vec![t.to_string()],
        };
    }
    let mut out = Vec::new();
    let head = trim_item(&s[..marks[0].2]);
    if !head.is_empty() {
        out.push(head.to_string());
    }
    for (k, &(first, last, _, end)) in marks.iter().enumerate() {
        let next_start = marks.get(k + 1).map_or(s.len(), |m| m.2);
        let item = trim_item(&s[end..next_start]);
        let item = if item == "-" { "" } else { item };
        for _ in first..=last {
            out.push(item.to_string());
        }
    }
    out
}

/// Splits a multi-value cell of either notation: `|`-joined and/or
/// numbered. Keeps empty placeholders (see [`split_numbered`]).
pub(crate) fn split_multi(s: &str) -> Vec<String> {
    if s.contains('|') {
        s.split('|').flat_map(split_numbered).collect()
    } else {
        split_numbered(s)
    }
}

/// The non-empty items of a multi-value cell.
pub(crate) fn items(s: &str) -> impl Iterator<Item = String> {
    split_multi(s).into_iter().filter(|x| !x.is_empty())
}

/// Parses a date as the UK files write it: `10/04/2025`, `00/00/1994`,
/// `04/2025`, `1994`, `10-04-2025`, `13-Feb-2026`, `13 February 2026`.
pub(crate) fn parse_date(s: &str) -> Option<PartialDate> {
    let t = s.trim();
    parse_date_dmy(t).or_else(|| parse_date_en(&t.replace('-', " ")))
}

/// Parses a date cell; an unreadable one is kept in the remarks as
/// `<what>: <text>`.
pub(crate) fn dated(
    e: &mut Entity,
    text: &str,
    what: &str,
    sink: &mut Sink,
) -> Option<PartialDate> {
    let t = clean(text)?;
    let d = parse_date(&t);
    if d.is_none() {
        sink.unstructured(&what.to_ascii_lowercase());
        Entity::push_unique(&mut e.remarks, format!("{what}: {t}"));
    }
    d
}

/// Adds a birth date, or keeps the text in the remarks if unreadable.
pub(crate) fn add_birth_date(e: &mut Entity, text: &str, sink: &mut Sink) {
    for t in items(text) {
        let bd = parse_date_dmy(&t).map(BirthDate::on).or_else(|| parse_birth_date_en(&t));
        match bd {
            Some(bd) => Entity::push_unique(&mut e.birth_dates, bd),
            None => {
                sink.unstructured("dob");
                Entity::push_unique(&mut e.remarks, format!("DOB: {t}"));
            }
        }
    }
}

/// Resolves a country as the UK files write it. A trailing lowercase
/// remark in brackets is ignored (`Iraq (previous address)`, `USSR (now
/// Russia)`), but not a bracket that is part of the name (`Congo
/// (Democratic Republic)`).
pub(crate) fn country(text: &str) -> Option<Country> {
    let t = trim_item(text);
    resolve(t).or_else(|| {
        let (head, rest) = t.split_once('(')?;
        rest.starts_with(|c: char| c.is_lowercase()).then(|| resolve(head)).flatten()
    })
}

/// Where a resolved country list goes.
#[derive(Clone, Copy)]
pub(crate) enum CountryField {
    Nationality,
}

/// Adds the countries of a (multi-value) cell; unresolved ones are kept as
/// remarks.
pub(crate) fn add_countries(e: &mut Entity, field: CountryField, text: &str, sink: &mut Sink) {
    for t in items(text) {
        // Unnumbered lists occur too: `Germany. Russia`, `Estonia, Russia`.
        let found: Option<Vec<Country>> = country(&t).map(|c| vec![c]).or_else(|| {
            let parts: Vec<&str> =
                t.split([',', '.', ';', '/']).map(str::trim).filter(|p| !p.is_empty()).collect();
            (parts.len() > 1).then(|| parts.iter().map(|p| country(p)).collect()).flatten()
        });
        match (found, field) {
            (Some(cs), CountryField::Nationality) => {
                for c in cs {
                    Entity::push_unique(&mut e.nationalities, c);
                }
            }
            (None, CountryField::Nationality) => {
                sink.unstructured("nationality");
                Entity::push_unique(&mut e.remarks, format!("Nationality: {t}"));
            }
        }
    }
}

/// Adds the places of birth from the town and country cells, pairing
/// numbered items (`(1) Tunis (2) Sousse` with `(1) Tunisia (2) Tunisia`).
pub(crate) fn add_birth_places(e: &mut Entity, town: &str, ctry: &str) {
    let towns = split_multi(town);
    let ctrys = split_multi(ctry);
    let join = |t: &str, c: &str| match (t.is_empty(), c.is_empty()) {
        (false, false) => format!("{t}, {c}"),
        (false, true) => t.to_string(),
        _ => c.to_string(),
    };
    let mut places = Vec::new();
    if towns.len() == ctrys.len() {
        for (t, c) in towns.iter().zip(&ctrys) {
            places.push(join(t, c));
        }
    } else if ctrys.len() == 1 {
        places.extend(towns.iter().map(|t| join(t, &ctrys[0])));
    } else {
        places.extend(towns);
        places.extend(ctrys);
    }
    for p in places {
        if !p.is_empty() {
            Entity::push_unique(&mut e.birth_places, p);
        }
    }
}

/// Adds identifiers from a numbered/`|`-joined number cell and its details
/// cell; details pair with numbers by position, or a single detail goes with
/// every number.
pub(crate) fn add_documents(
    e: &mut Entity,
    kind: IdKind,
    label: &str,
    numbers: &str,
    details: &str,
) {
    let nums = split_multi(numbers);
    let dets = split_multi(details);
    let whole = clean(details);
    for (i, n) in nums.iter().enumerate() {
        if n.is_empty() {
            continue;
        }
        let note = if dets.len() == nums.len() {
            dets.get(i).filter(|d| !d.is_empty()).cloned()
        } else {
            whole.clone()
        };
        // "Taxpayer ID", "(1) TRN (2) INN": tax numbers filed as national ids.
        let kind = match &note {
            Some(d) if kind == IdKind::NationalId && is_tax_label(d) => IdKind::TaxId,
            _ => kind,
        };
        let mut id = Identifier::new(kind, n.as_str(), label);
        id.note = note;
        Entity::push_unique(&mut e.identifiers, id);
    }
}

fn is_tax_label(s: &str) -> bool {
    let lower = s.to_lowercase();
    lower.contains("tax")
        || s.split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "INN" | "TIN" | "ИНН" | "УНН" | "TRN"))
}

/// Adds simple identifiers (phones, e-mails, websites) from a multi-value
/// cell.
pub(crate) fn add_simple_ids(e: &mut Entity, kind: IdKind, label: &str, text: &str) {
    for v in items(text) {
        Entity::push_unique(&mut e.identifiers, Identifier::new(kind, v, label));
    }
}

/// Adds company registration numbers. Items like `Russia INN - 7805060301`
/// or `Russian TIN: 7718763393` are split into label and number.
pub(crate) fn add_registrations(e: &mut Entity, text: &str) {
    for item in items(text) {
        let split = [" - ", " – ", ": ", " : "]
            .iter()
            .filter_map(|sep| item.rfind(sep).map(|i| (i, sep.len())))
            .max_by_key(|(i, _)| *i);
        // Only a short label without digits is a label (not `1067746244026
        // dated 27/07/1992. Tax ID - 7705713236`).
        let (label, value) = match split {
            Some((i, n))
                if i > 0
                    && i <= 40
                    && !item[..i].bytes().any(|b| b.is_ascii_digit())
                    && !item[i + n..].trim().is_empty() =>
            {
                (item[..i].trim().to_string(), item[i + n..].trim().to_string())
            }
            _ => (String::new(), item.clone()),
        };
        let kind = if is_tax_label(&label) { IdKind::TaxId } else { IdKind::Registration };
        let label =
            if label.is_empty() { "Business registration number".to_string() } else { label };
        Entity::push_unique(&mut e.identifiers, Identifier::new(kind, value, label));
    }
}

/// Adds relations to the companies named in a multi-value cell.
pub(crate) fn add_relations(e: &mut Entity, kind: RelationKind, text: &str) {
    let mut names = split_multi(text);
    // Unnumbered lists of several companies are `;`-separated.
    if names.len() == 1 && names[0].contains(';') {
        names = names[0].split(';').map(|s| trim_item(s).to_string()).collect();
    }
    for n in names.into_iter().filter(|n| !n.is_empty()) {
        let r = Relation { kind, target_name: n, target_id: None };
        Entity::push_unique(&mut e.relations, r);
    }
}

/// Adds (or dates) a program; the earliest listing date wins.
pub(crate) fn add_program(e: &mut Entity, code: &str, listed_on: Option<PartialDate>) {
    let Some(code) = clean(code) else { return };
    match e.programs.iter_mut().find(|p| p.code == code) {
        Some(p) => {
            if let Some(d) = listed_on {
                if p.listed_on.is_none_or(|old| d < old) {
                    p.listed_on = Some(d);
                }
            }
        }
        None => e.programs.push(Program { code, listed_on }),
    }
}

/// Keeps the earliest date in `slot`.
pub(crate) fn min_date(slot: &mut Option<PartialDate>, d: Option<PartialDate>) {
    if let Some(d) = d {
        if slot.is_none_or(|old| d < old) {
            *slot = Some(d);
        }
    }
}

/// Keeps the latest date in `slot`.
pub(crate) fn max_date(slot: &mut Option<PartialDate>, d: Option<PartialDate>) {
    if let Some(d) = d {
        if slot.is_none_or(|old| d > old) {
            *slot = Some(d);
        }
    }
}

/// Adds an address from its lines, postal code and country.
pub(crate) fn add_address(
    e: &mut Entity,
    lines: &[&str],
    postal: &str,
    ctry: &str,
    sink: &mut Sink,
) {
    let street = join_parts(lines.iter().copied());
    let postal = clean(postal);
    let ctry_text = clean(ctry);
    if street.is_none() && postal.is_none() && ctry_text.is_none() {
        return;
    }
    let country = ctry_text.as_deref().and_then(country);
    if ctry_text.is_some() && country.is_none() {
        sink.unstructured("address country");
    }
    let full = join_parts(
        [street.as_deref(), postal.as_deref(), ctry_text.as_deref()].into_iter().flatten(),
    )
    .unwrap_or_default();
    let addr = Address { street, city: None, region: None, postal_code: postal, country, full };
    Entity::push_unique(&mut e.addresses, addr);
}

fn join_parts<'a>(parts: impl Iterator<Item = &'a str>) -> Option<String> {
    let v: Vec<String> = parts.filter_map(clean).collect();
    (!v.is_empty()).then(|| v.join(", "))
}

/// Adds the measures of a `Sanctions Imposed` cell (`Asset freeze|Travel
/// Ban`, or comma-separated in the summary export).
pub(crate) fn add_measures(e: &mut Entity, text: &str) {
    for item in text.split(['|', ',']) {
        let Some(t) = clean(trim_item(item)) else { continue };
        let lower = t.to_lowercase();
        let kind = if lower.contains("asset freeze") {
            MeasureKind::AssetFreeze
        } else if lower.contains("travel ban") {
            MeasureKind::TravelBan
        } else if lower.contains("arms embargo") {
            MeasureKind::ArmsEmbargo
        } else {
            MeasureKind::Other
        };
        let m = Measure { kind, authority: None, directive: None, text: t };
        Entity::push_unique(&mut e.measures, m);
    }
}

/// Sets the gender from `Male` / `Female` (any case).
pub(crate) fn set_gender(e: &mut Entity, text: &str, sink: &mut Sink) {
    let t = trim_item(text);
    let word = t.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    match word.trim_end_matches(['.', ',']) {
        "" => {}
        "male" | "m" => e.gender = Some(Gender::Male),
        "female" | "f" => e.gender = Some(Gender::Female),
        _ => {
            sink.unstructured("gender");
            Entity::push_unique(&mut e.remarks, format!("Gender: {t}"));
        }
    }
}

/// Adds a name written in a non-Latin script, with its language.
pub(crate) fn add_original_script(e: &mut Entity, name: &str, lang: &str) {
    if let Some(full) = clean(name) {
        let mut n = Name::new(full, NameRole::OriginalScript);
        n.lang = clean(lang);
        e.add_name(n);
    }
}

/// The vessel particulars of a ship, created on first use.
pub(crate) fn vessel(e: &mut Entity) -> &mut Vessel {
    e.vessel.get_or_insert_with(Vessel::default)
}

/// Sets a ship's flag (resolved, else as text).
pub(crate) fn set_flag(e: &mut Entity, text: &str, sink: &mut Sink) {
    let Some(t) = clean(trim_item(text)) else { return };
    let c = country(&t);
    let v = vessel(e);
    match c {
        Some(c) => v.flag = Some(c),
        None => {
            sink.unstructured("flag");
            v.flag_text = Some(t);
        }
    }
}

/// Sets a vessel text field if the value is not blank (several values,
/// `|`-joined or numbered, are joined with `; `).
pub(crate) fn set_text(slot: &mut Option<String>, text: &str) {
    let v: Vec<String> = items(text).filter_map(|t| clean(&t)).collect();
    if !v.is_empty() {
        *slot = Some(v.join("; "));
    }
}

/// The labels of OFSI's "Other Information" text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    SanctionsRef,
    UnRef,
    Gender,
    Phone,
    Fax,
    Email,
    Website,
    RegNo,
    Parent,
    Subsidiaries,
    Imo,
    Owner,
    Flag,
    ShipType,
    Tonnage,
    YearBuilt,
    Hin,
    /// Kept in the remarks only.
    Text,
}

/// The labels seen in the ConList (and their UK Sanctions List column
/// names, in case the new list keeps them in its text too).
const LABELS: &[(&str, Label)] = &[
    ("UK Sanctions List Ref", Label::SanctionsRef),
    ("UN Ref", Label::UnRef),
    ("UK Statement of Reasons", Label::Text),
    ("Gender", Label::Gender),
    ("Phone number", Label::Phone),
    ("Tel", Label::Phone),
    ("Fax", Label::Fax),
    ("Email address", Label::Email),
    ("Website", Label::Website),
    ("Type of entity", Label::Text),
    ("Business Reg No", Label::RegNo),
    ("Business registration number (s)", Label::RegNo),
    ("Business registration number(s)", Label::RegNo),
    ("Business registration number", Label::RegNo),
    ("Parent company", Label::Parent),
    ("Subsidiaries", Label::Subsidiaries),
    ("IMO number", Label::Imo),
    ("Current owners", Label::Owner),
    ("Current owner/operator (s)", Label::Owner),
    ("Current owner/operator(s)", Label::Owner),
    ("Previous owner/operator (s)", Label::Text),
    ("Flag of ship", Label::Flag),
    ("Current believed flag of ship", Label::Flag),
    ("Previous flags", Label::Text),
    ("Type of ship", Label::ShipType),
    ("Tonnage of ship", Label::Tonnage),
    ("Length of ship", Label::Text),
    ("Year built", Label::YearBuilt),
    ("Hull identification number (HIN)", Label::Hin),
];

/// Splits an "Other Information" text at its known `(Label):` markers into
/// (label, value) pairs. Text before the first marker and unknown labels
/// stay in the value they follow.
fn labelled(text: &str) -> Vec<(Label, &str)> {
    let b = text.as_bytes();
    let mut found: Vec<(usize, usize, Label)> = Vec::new(); // (start of "(", end of "):", label)
    for (p, _) in text.match_indices("):") {
        for (name, label) in LABELS {
            let n = name.len();
            if p > n && b[p - n - 1] == b'(' && b[p - n..p].eq_ignore_ascii_case(name.as_bytes()) {
                found.push((p - n - 1, p + 2, *label));
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(found.len());
    for (i, &(_, end, label)) in found.iter().enumerate() {
        let stop = found.get(i + 1).map_or(text.len(), |f| f.0);
        if let Some(v) = text.get(end..stop) {
            out.push((label, v.trim()));
        }
    }
    out
}

/// The first word of a value (`RUS0251. Financial sanctions ...` gives
/// `RUS0251`).
fn first_token(v: &str) -> &str {
    trim_item(v.split_whitespace().next().unwrap_or(""))
}

/// Reads the labelled fields of an "Other Information" text into the
/// entity. The caller keeps the whole text in the remarks.
pub(crate) fn apply_other_info(e: &mut Entity, text: &str, sink: &mut Sink) {
    let is_ship = e.kind == Kind::Vessel;
    for (label, v) in labelled(text) {
        match label {
            Label::SanctionsRef => {
                let r = first_token(v);
                if !r.is_empty() {
                    let id = Identifier::new(IdKind::Other, r, "UK Sanctions List Ref");
                    Entity::push_unique(&mut e.identifiers, id);
                }
            }
            Label::UnRef => {
                let r = first_token(v);
                if !r.is_empty() {
                    Entity::push_unique(
                        &mut e.identifiers,
                        Identifier::new(IdKind::Other, r, "UN Ref"),
                    );
                }
            }
            Label::Gender => set_gender(e, first_token(v), sink),
            Label::Phone => add_simple_ids(e, IdKind::Phone, "Phone number", v),
            Label::Fax => add_simple_ids(e, IdKind::Phone, "Fax", v),
            Label::Email => add_simple_ids(e, IdKind::Email, "Email address", v),
            Label::Website => add_simple_ids(e, IdKind::Website, "Website", v),
            Label::RegNo => add_registrations(e, v),
            Label::Parent => add_relations(e, RelationKind::OwnedBy, v),
            Label::Subsidiaries => add_relations(e, RelationKind::Owns, v),
            Label::Imo => {
                let r = first_token(v);
                if !r.is_empty() {
                    Entity::push_unique(
                        &mut e.identifiers,
                        Identifier::new(IdKind::Imo, r, "IMO number"),
                    );
                }
            }
            Label::Hin => add_simple_ids(e, IdKind::Other, "Hull identification number (HIN)", v),
            Label::Owner if is_ship => set_text(&mut vessel(e).owner, v),
            Label::Flag if is_ship => set_flag(e, v, sink),
            Label::ShipType if is_ship => set_text(&mut vessel(e).vessel_type, v),
            Label::Tonnage if is_ship => set_text(&mut vessel(e).tonnage, v),
            Label::YearBuilt if is_ship => set_text(&mut vessel(e).year_built, v),
            _ => {}
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use veto_model::Source;

    use super::*;

    #[test]
    fn numbered_values() {
        assert_eq!(split_numbered("(1) Russia (2) Ukraine"), ["Russia", "Ukraine"]);
        assert_eq!(split_numbered("(1) Russia. (2) Syria"), ["Russia", "Syria"]);
        assert_eq!(split_numbered("(1) Uganda (2) Uganda (3)Uganda"), ["Uganda"; 3]);
        assert_eq!(
            split_numbered("(1-3) Libya (4) Morocco"),
            ["Libya", "Libya", "Libya", "Morocco"]
        );
        assert_eq!(
            split_numbered("(1) to (3) Algeria (4) Morocco"),
            ["Algeria", "Algeria", "Algeria", "Morocco"]
        );
        assert_eq!(split_numbered("(1) 6487 (2) - (3) 388181"), ["6487", "", "388181"]);
        assert_eq!(split_numbered("Congo (Democratic Republic)"), ["Congo (Democratic Republic)"]);
        assert_eq!(
            split_numbered(
                "(1) Adviser (2) Former Governor of Ilam Province (2012-2013) (3) Spokesman"
            ),
            ["Adviser", "Former Governor of Ilam Province (2012-2013)", "Spokesman"]
        );
        assert!(split_numbered("  ").is_empty());
        assert_eq!(split_numbered("+375 (17) 213-41-63"), ["+375 (17) 213-41-63"]);
        assert_eq!(
            split_numbered("(1) 0098 311 4511740 (2) +98 (311) 4518095"),
            ["0098 311 4511740", "+98 (311) 4518095"]
        );
        assert_eq!(split_multi("A|(1) B (2) C"), ["A", "B", "C"]);
    }

    #[test]
    fn other_information_labels() {
        let t = "(UK Sanctions List Ref):DPR0100. Listed as asset (OFSI ID: 13635, UN Reference Number: UN Ref KPe.064) \
                 (IMO number):7408873 (Current owners):Korea Samjong Shipping (Flag of ship):North Korea \
                 (Previous flags):Russia (Type of ship):Oil tanker (Tonnage of ship):1676 (Length of ship):80 (Year built):1975";
        let l = labelled(t);
        let labels: Vec<Label> = l.iter().map(|x| x.0).collect();
        assert_eq!(labels[0], Label::SanctionsRef);
        assert!(l[0].1.starts_with("DPR0100. Listed"));
        assert_eq!(l[1], (Label::Imo, "7408873"));
        assert_eq!(l.last().copied(), Some((Label::YearBuilt, "1975")));
        let mut e = Entity::new(Source::UkOfsi, "1", Kind::Vessel);
        let mut sink = Sink::new(false);
        apply_other_info(&mut e, t, &mut sink);
        let v = e.vessel.as_ref().unwrap();
        assert_eq!(v.owner.as_deref(), Some("Korea Samjong Shipping"));
        assert_eq!(v.vessel_type.as_deref(), Some("Oil tanker"));
        assert_eq!(v.tonnage.as_deref(), Some("1676"));
        assert_eq!(v.year_built.as_deref(), Some("1975"));
        assert!(e.identifiers.iter().any(|i| i.kind == IdKind::Imo && i.value == "7408873"));
        assert!(e
            .identifiers
            .iter()
            .any(|i| i.label == "UK Sanctions List Ref" && i.value == "DPR0100"));

        let mut e = Entity::new(Source::UkOfsi, "2", Kind::Organization);
        let t = "(Phone number):(Fax): +375 (17) 213-41-63  (Tel): +375 (17) 215-40-51 (Website):office@ban.by \
                 (Type of entity):State-Owned Enterprise (Subsidiaries):(1) Brest branch (2) Gomel branch \
                 (Parent company):Russian Ministry of Defence (Business Reg No):(1) Russia INN - 7805060301 (2) OGRN – 1027802714444";
        apply_other_info(&mut e, t, &mut sink);
        let ids: Vec<(IdKind, &str, &str)> =
            e.identifiers.iter().map(|i| (i.kind, i.value.as_str(), i.label.as_str())).collect();
        assert!(ids.contains(&(IdKind::Phone, "+375 (17) 213-41-63", "Fax")));
        assert!(ids.contains(&(IdKind::Phone, "+375 (17) 215-40-51", "Phone number")));
        assert!(ids.contains(&(IdKind::TaxId, "7805060301", "Russia INN")));
        assert!(ids.contains(&(IdKind::Registration, "1027802714444", "OGRN")));
        assert_eq!(e.relations.len(), 3);
        assert_eq!(e.relations[0].target_name, "Brest branch");
        assert_eq!(e.relations[2].kind, RelationKind::OwnedBy);
        assert!(e.vessel.is_none());
    }

    #[test]
    fn dates_and_roles() {
        assert_eq!(parse_date("13-Feb-2026").map(|d| d.to_string()).as_deref(), Some("2026-02-13"));
        assert_eq!(parse_date("29-06-2012").map(|d| d.to_string()).as_deref(), Some("2012-06-29"));
        assert_eq!(parse_date("00/00/1994").map(|d| d.to_string()).as_deref(), Some("1994"));
        assert_eq!(name_role("Primary name", ""), NameRole::Primary);
        assert_eq!(name_role("Primary name variation", ""), NameRole::Alias);
        assert_eq!(name_role("AKA", "Low quality"), NameRole::WeakAlias);
        assert_eq!(name_role("AKA", "Good quality"), NameRole::Alias);
        assert_eq!(name_role("FKA", ""), NameRole::Former);
        assert_eq!(
            country("Iraq (previous address)").map(|c| c.to_string()).as_deref(),
            Some("IQ").filter(|_| resolve("Iraq").is_some())
        );
        assert_eq!(
            country("Russian Federation (as at November 2010)").map(|c| c.to_string()).as_deref(),
            Some("RU")
        );
    }
}
