//! UN Security Council consolidated list XML (`CONSOLIDATED_LIST`).
//!
//! The file (<https://scsanctions.un.org/resources/xml/en/consolidated.xml>)
//! has a root `CONSOLIDATED_LIST dateGenerated="…"` holding `INDIVIDUALS/INDIVIDUAL`
//! and `ENTITIES/ENTITY` records. Each record is flat-ish: name parts
//! (`FIRST_NAME` … `FOURTH_NAME`), the reference number (`QDi.001`, the
//! native id), the regime (`UN_LIST_TYPE`), repeated `*_ALIAS`, `*_ADDRESS`,
//! `INDIVIDUAL_DATE_OF_BIRTH`, `INDIVIDUAL_PLACE_OF_BIRTH` and
//! `INDIVIDUAL_DOCUMENT` groups, and multi-valued `TITLE`, `DESIGNATION`,
//! `NATIONALITY`, `LIST_TYPE` and `LAST_DAY_UPDATED` lists of `VALUE`s.
//!
//! Quirks of the real file (surveyed on the 2026-02-27 edition):
//!
//! * Almost every record carries empty placeholder groups (`<INDIVIDUAL_ALIAS>
//!   <QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>`, `<INDIVIDUAL_ADDRESS><COUNTRY/>
//!   </INDIVIDUAL_ADDRESS>`, `<INDIVIDUAL_DOCUMENT/>`); they are ignored.
//! * Alias quality is `Good`/`Low` for individuals and `a.k.a.`/`f.k.a.` for
//!   entities; `Low` becomes a weak alias, `f.k.a.` a former name. Aliases
//!   can carry their own date and place of birth, which are added to the
//!   entity's, and a `NOTE`, kept as a remark; when the note gives the name
//!   in its script (`original script: Ахмад Шишани`, `In Arabic: …`), that
//!   name is added as an original-script name too.
//! * `NAME_ORIGINAL_SCRIPT` is Arabic in 366 records, Cyrillic in 11 and
//!   once Latin; it is kept as written, with the script detected.
//! * Dates of birth: `EXACT` with a full `DATE` or only a `YEAR`,
//!   `APPROXIMATELY` (circa), `BETWEEN` with `FROM_YEAR`/`TO_YEAR`; the
//!   `NOTE` sometimes says `Approximately` (circa), sometimes holds the
//!   month (`Sep.` next to a `YEAR`) or the whole date (`Nov. 1973`), and
//!   sometimes something else (`24/06/1402 (Hijri Calendar)`), which is kept
//!   as a remark.
//! * Document types are `Passport` (or `Numéro de passeport`, `Número de
//!   pasaporte`) or the catch-all `National Identification Number`;
//!   `TYPE_OF_DOCUMENT2`, free text, refines them (`Birth certificate`,
//!   `Service passport`, `FARDC ID`). Some documents have no `NUMBER`, the
//!   number being in the prose (`SSN 156-92-9858 (United States of
//!   America)`); they are kept as remarks.
//! * Countries are UN names (`Iran (Islamic Republic of)`, `United Kingdom of
//!   Great Britain and Northern Ireland`).
//!
//! Every element is mapped to a field or, when the model has none, kept
//! verbatim in `remarks` (`DATAID` as `UN DATAID: …`, `COMMENTS1` as is,
//! address and place-of-birth `NOTE`s in parentheses after the place).
//! Deliberately not kept: `VERSIONNUM` (always 1), empty `SORT_KEY`/
//! `SORT_KEY_LAST_MOD`, and `LIST_TYPE` when it is the constant `UN List`.
//! An element the schema does not define is kept as a remark and counted as
//! unstructured.
//!
//! The generic streaming XML reader used here and by the EU parser is the
//! [`xml`] submodule.

use veto_model::{
    country, Address, BirthDate, Entity, Gender, IdKind, Identifier, Kind, Name, NameRole,
    PartialDate, Program, Provenance, Source,
};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::{clean, month_number, parse_birth_date_en, parse_date_en};

use self::xml::{Elem, Item};

/// Parses one file.
///
/// # Errors
///
/// Fails on malformed input or (strict mode) invalid records.
pub fn parse(input: &Input, sink: &mut Sink) -> Result<Vec<Entity>> {
    let text = input.text()?;
    let file = input.name.as_str();
    let mut out = Vec::new();
    xml::read(file, text, 2, |item| {
        match item {
            Item::Open { depth: 0, elem } => {
                if elem.name != "CONSOLIDATED_LIST" {
                    return Err(Error::new(
                        file,
                        Location::Line(elem.line),
                        ErrorKind::UnknownFormat(format!(
                            "root element <{}>, expected <CONSOLIDATED_LIST>",
                            elem.name
                        )),
                    ));
                }
                if let Some(gen) = elem.attr("dateGenerated") {
                    match gen.get(..10).and_then(|d| d.parse::<PartialDate>().ok()) {
                        Some(d) => sink.set_data_date(d, "dateGenerated"),
                        None => sink.unstructured("dateGenerated"),
                    }
                }
            }
            Item::Open { .. } => {}
            Item::Record(elem) => {
                sink.records += 1;
                let record = sink.records;
                match record_to_entity(file, &elem, record, sink) {
                    Ok(e) => out.push(e),
                    Err(err) => sink.bad_record(err)?,
                }
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// Builds the entity of one `INDIVIDUAL` or `ENTITY` element.
fn record_to_entity(file: &str, rec: &Elem<'_>, record: u64, sink: &mut Sink) -> Result<Entity> {
    let loc = Location::Record { record, line: Some(rec.line) };
    let kind = match rec.name.as_ref() {
        "INDIVIDUAL" => Kind::Person,
        "ENTITY" => Kind::Organization,
        other => {
            return Err(Error::invalid(
                file,
                loc,
                format!("unexpected element <{other}> (expected <INDIVIDUAL> or <ENTITY>)"),
            ))
        }
    };
    let Some(reference) = rec.child_text("REFERENCE_NUMBER") else {
        let dataid = rec.child_text("DATAID").unwrap_or_else(|| "?".into());
        return Err(Error::invalid(
            file,
            loc,
            format!("<{}> without REFERENCE_NUMBER (DATAID {dataid})", rec.name),
        ));
    };
    let mut e = Entity::new(Source::Un, &reference, kind);
    e.provenance = Provenance { file: file.to_string(), record, line: Some(rec.line) };

    let mut parts: [Option<String>; 4] = Default::default();
    let mut program: Option<String> = None;
    let mut listed_on = None;
    let mut aliases = Vec::new();
    for c in &rec.children {
        match c.name.as_ref() {
            "FIRST_NAME" => parts[0] = c.text(),
            "SECOND_NAME" => parts[1] = c.text(),
            "THIRD_NAME" => parts[2] = c.text(),
            "FOURTH_NAME" => parts[3] = c.text(),
            "REFERENCE_NUMBER" | "VERSIONNUM" => {}
            "DATAID" => {
                if let Some(t) = c.text() {
                    e.remarks.push(format!("UN DATAID: {t}"));
                }
            }
            "UN_LIST_TYPE" => program = c.text(),
            "LISTED_ON" => {
                if let Some(t) = c.text() {
                    match parse_iso_date(&t) {
                        Some(d) => listed_on = Some(d),
                        None => unstructured(&mut e, sink, "LISTED_ON", format!("Listed on: {t}")),
                    }
                }
            }
            "NAME_ORIGINAL_SCRIPT" => {
                if let Some(t) = c.text() {
                    aliases.push(Name::new(t, NameRole::OriginalScript));
                }
            }
            "GENDER" => match c.text().as_deref() {
                None => {}
                Some(g) if g.eq_ignore_ascii_case("male") => e.gender = Some(Gender::Male),
                Some(g) if g.eq_ignore_ascii_case("female") => e.gender = Some(Gender::Female),
                Some(g) => unstructured(&mut e, sink, "GENDER", format!("Gender: {g}")),
            },
            "COMMENTS1" => {
                if let Some(t) = c.text() {
                    e.remarks.push(t);
                }
            }
            "TITLE" | "DESIGNATION" => {
                for v in values(&mut e, sink, c) {
                    Entity::push_unique(&mut e.positions, v);
                }
            }
            "NATIONALITY" => {
                for v in values(&mut e, sink, c) {
                    match country::resolve(&v) {
                        Some(ct) => Entity::push_unique(&mut e.nationalities, ct),
                        None => {
                            unstructured(&mut e, sink, "NATIONALITY", format!("Nationality: {v}"))
                        }
                    }
                }
            }
            "LIST_TYPE" => {
                for v in values(&mut e, sink, c) {
                    if v != "UN List" {
                        e.remarks.push(format!("List type: {v}"));
                    }
                }
            }
            "LAST_DAY_UPDATED" => {
                for v in values(&mut e, sink, c) {
                    match parse_iso_date(&v) {
                        Some(d) => {
                            if e.last_updated.is_none_or(|old| d > old) {
                                e.last_updated = Some(d);
                            }
                        }
                        None => {
                            unstructured(&mut e, sink, "LAST_DAY_UPDATED", format!("Updated: {v}"))
                        }
                    }
                }
            }
            "INDIVIDUAL_ALIAS" | "ENTITY_ALIAS" => alias(&mut e, sink, c, &mut aliases),
            "INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS" => address(&mut e, sink, c),
            "INDIVIDUAL_DATE_OF_BIRTH" => date_of_birth(&mut e, sink, c),
            "INDIVIDUAL_PLACE_OF_BIRTH" => place_of_birth(&mut e, sink, c),
            "INDIVIDUAL_DOCUMENT" => document(&mut e, sink, c),
            "SORT_KEY" | "SORT_KEY_LAST_MOD" => {
                if let Some(t) = c.text() {
                    e.remarks.push(format!("{}: {t}", c.name));
                }
            }
            _ => unknown(&mut e, sink, &rec.name, c),
        }
    }
    // The UN writes the full name as its parts in order, space-separated.
    let full: Vec<String> = parts.into_iter().flatten().collect();
    if !full.is_empty() {
        e.add_name(Name::new(full.join(" "), NameRole::Primary));
    }
    for a in aliases {
        e.add_name(a);
    }
    e.listed_on = listed_on;
    if let Some(code) = program {
        e.programs.push(Program { code, listed_on });
    }
    Ok(e)
}

/// Parses an `xs:date` (`2001-01-25`, possibly with a time zone suffix).
fn parse_iso_date(s: &str) -> Option<PartialDate> {
    let t = s.trim();
    t.get(..10).unwrap_or(t).parse().ok()
}

/// Keeps a value that could not be structured as a remark and counts it.
fn unstructured(e: &mut Entity, sink: &mut Sink, field: &str, remark: String) {
    Entity::push_unique(&mut e.remarks, remark);
    sink.unstructured(field);
}

/// An element the parser does not know: kept verbatim as a remark.
fn unknown(e: &mut Entity, sink: &mut Sink, parent: &str, c: &Elem) {
    let shown = c.flatten();
    if !shown.is_empty() {
        unstructured(e, sink, &format!("{parent}/{}", c.name), format!("{}: {shown}", c.name));
    }
}

/// The non-empty `VALUE`s of a multi-valued element.
fn values(e: &mut Entity, sink: &mut Sink, c: &Elem) -> Vec<String> {
    let mut out = Vec::new();
    for v in &c.children {
        if v.name == "VALUE" {
            out.extend(v.text());
        } else {
            unknown(e, sink, &c.name, v);
        }
    }
    out
}

/// `INDIVIDUAL_ALIAS` / `ENTITY_ALIAS`.
fn alias(e: &mut Entity, sink: &mut Sink, c: &Elem, names: &mut Vec<Name>) {
    let mut quality = None;
    let mut name = None;
    let mut note = None;
    let mut dob = None;
    let mut pob: Vec<String> = Vec::new();
    for f in &c.children {
        match f.name.as_ref() {
            "QUALITY" => quality = f.text(),
            "ALIAS_NAME" => name = f.text(),
            "NOTE" => note = f.text(),
            "DATE_OF_BIRTH" => dob = f.text(),
            "CITY_OF_BIRTH" | "COUNTRY_OF_BIRTH" => pob.extend(f.text()),
            _ => unknown(e, sink, &c.name, f),
        }
    }
    let (role, known) = match quality.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("good" | "a.k.a." | "aka" | "n.k.a.") => (NameRole::Alias, true),
        Some("low") => (NameRole::WeakAlias, true),
        Some("f.k.a." | "fka") => (NameRole::Former, true),
        Some(_) => (NameRole::Alias, false),
    };
    let label = name.clone().unwrap_or_default();
    if !known {
        let q = quality.unwrap_or_default();
        unstructured(e, sink, "ALIAS/QUALITY", format!("Alias {label}: quality {q}"));
    }
    if let Some(n) = name {
        names.push(Name::new(n, role));
    }
    if let Some(d) = dob {
        match parse_iso_date(&d).or_else(|| parse_date_en(&d)) {
            Some(d) => Entity::push_unique(&mut e.birth_dates, BirthDate::on(d)),
            None => unstructured(e, sink, "ALIAS/DATE_OF_BIRTH", format!("DOB of {label}: {d}")),
        }
    }
    if !pob.is_empty() {
        Entity::push_unique(&mut e.birth_places, pob.join(", "));
    }
    if let Some(n) = note {
        if let Some(os) = script_name_in_note(&n) {
            names.push(Name::new(os, NameRole::OriginalScript));
        }
        e.remarks.push(if label.is_empty() {
            format!("Alias: {n}")
        } else {
            format!("Alias {label}: {n}")
        });
    }
}

/// The non-Latin name an alias note gives (`original script: Ахмад Шишани`,
/// `In Arabic: سيف العدل`), if any.
fn script_name_in_note(note: &str) -> Option<String> {
    let lower = note.to_ascii_lowercase();
    let at = ["original script:", "in arabic script:", "in arabic:"]
        .iter()
        .filter_map(|m| lower.rfind(m).map(|i| i + m.len()))
        .max()?;
    let name = clean(note.get(at..)?)?;
    let script = veto_model::Script::detect(&name)?;
    (script != veto_model::Script::Latin).then_some(name)
}

/// `INDIVIDUAL_ADDRESS` / `ENTITY_ADDRESS`.
fn address(e: &mut Entity, sink: &mut Sink, c: &Elem) {
    let mut a = Address::default();
    let mut country_text = None;
    let mut note = None;
    for f in &c.children {
        match f.name.as_ref() {
            "STREET" => a.street = f.text(),
            "CITY" => a.city = f.text(),
            "STATE_PROVINCE" => a.region = f.text(),
            "ZIP_CODE" => a.postal_code = f.text(),
            "COUNTRY" => country_text = f.text(),
            "NOTE" => note = f.text(),
            _ => unknown(e, sink, &c.name, f),
        }
    }
    if let Some(ct) = &country_text {
        a.country = country::resolve(ct);
        if a.country.is_none() {
            sink.unstructured("ADDRESS/COUNTRY");
        }
    }
    let parts: Vec<&str> = [&a.street, &a.city, &a.region, &a.postal_code, &country_text]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    a.full = with_note(parts.join(", "), note);
    if !a.full.is_empty() && !e.addresses.contains(&a) {
        e.addresses.push(a);
    }
}

/// `parts (note)`, or the note alone when there are no parts.
fn with_note(parts: String, note: Option<String>) -> String {
    match note {
        None => parts,
        Some(n) if parts.is_empty() => n,
        Some(n) => format!("{parts} ({n})"),
    }
}

/// `INDIVIDUAL_DATE_OF_BIRTH`.
fn date_of_birth(e: &mut Entity, sink: &mut Sink, c: &Elem) {
    let (mut kind, mut date, mut year, mut from, mut to, mut note) =
        (None, None, None, None, None, None);
    for f in &c.children {
        match f.name.as_ref() {
            "TYPE_OF_DATE" => kind = f.text(),
            "DATE" => date = f.text(),
            "YEAR" => year = f.text(),
            "FROM_YEAR" => from = f.text(),
            "TO_YEAR" => to = f.text(),
            "NOTE" => note = f.text(),
            _ => unknown(e, sink, &c.name, f),
        }
    }
    let kind = kind.map(|k| k.to_ascii_uppercase());
    let mut circa = kind.as_deref() == Some("APPROXIMATELY");
    if let Some(k) = kind.as_deref() {
        if !matches!(k, "EXACT" | "APPROXIMATELY" | "BETWEEN") {
            unstructured(e, sink, "DATE_OF_BIRTH/TYPE_OF_DATE", format!("DOB type: {k}"));
        }
    }
    // The note may only say the date is approximate, or give the month.
    let mut note_used = false;
    if let Some(n) = note.as_deref() {
        let n = n.trim_end_matches('.').trim();
        if n.eq_ignore_ascii_case("approximately") || n.eq_ignore_ascii_case("circa") {
            circa = true;
            note_used = true;
        }
    }
    let year_of = |s: &Option<String>| {
        s.as_deref()
            .and_then(|y| y.trim().parse::<u16>().ok())
            .and_then(|y| PartialDate::new(y, None, None).ok())
    };
    let mut raw: Vec<String> = Vec::new();
    let mut bd = None;
    if let Some(d) = &date {
        match parse_iso_date(d) {
            Some(d) => bd = Some(BirthDate::on(d)),
            None => raw.push(d.clone()),
        }
    }
    if bd.is_none() && (from.is_some() || to.is_some()) {
        match (year_of(&from), year_of(&to)) {
            (Some(a), Some(b)) => bd = Some(BirthDate::between(a, b)),
            (Some(a), None) | (None, Some(a)) if from.is_none() || to.is_none() => {
                bd = Some(BirthDate::on(a))
            }
            _ => raw.extend([from.clone(), to.clone()].into_iter().flatten()),
        }
    }
    if bd.is_none() {
        if let Some(y) = &year {
            match year_of(&year) {
                Some(y) => {
                    // `YEAR 1958` + `NOTE Sep.`: the note is the month.
                    let month = note.as_deref().filter(|_| !note_used).and_then(month_number);
                    let d = month.and_then(|m| PartialDate::new(y.year, Some(m), None).ok());
                    if d.is_some() {
                        note_used = true;
                    }
                    bd = Some(BirthDate::on(d.unwrap_or(y)));
                }
                None => raw.push(y.clone()),
            }
        }
    }
    if bd.is_none() && raw.is_empty() && !note_used {
        // `NOTE Nov. 1973` with nothing else: the note is the date.
        if let Some(b) = note.as_deref().and_then(parse_birth_date_en) {
            bd = Some(b);
            note_used = true;
        }
    }
    if let Some(mut b) = bd {
        b.circa |= circa;
        if !note_used {
            if let Some(n) = &note {
                e.remarks.push(format!("DOB {b}: {n}"));
            }
        }
        Entity::push_unique(&mut e.birth_dates, b);
    } else {
        if !note_used {
            raw.extend(note);
        }
        if !raw.is_empty() {
            let prefix = if circa { "DOB: circa " } else { "DOB: " };
            unstructured(e, sink, "DATE_OF_BIRTH", format!("{prefix}{}", raw.join("; ")));
        }
    }
}

/// `INDIVIDUAL_PLACE_OF_BIRTH`: kept as one line, as written.
fn place_of_birth(e: &mut Entity, sink: &mut Sink, c: &Elem) {
    let mut parts = Vec::new();
    let mut note = None;
    for f in &c.children {
        match f.name.as_ref() {
            "STREET" | "CITY" | "STATE_PROVINCE" | "COUNTRY" => parts.extend(f.text()),
            "NOTE" => note = f.text(),
            _ => unknown(e, sink, &c.name, f),
        }
    }
    let place = with_note(parts.join(", "), note);
    if !place.is_empty() {
        Entity::push_unique(&mut e.birth_places, place);
    }
}

/// The identifier type a UN document label names, if it is a known one.
fn doc_kind(label: &str) -> Option<IdKind> {
    let l = label.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| l.contains(w));
    Some(if has(&["passport", "passeport", "pasaporte"]) {
        IdKind::Passport
    } else if has(&["social security"]) {
        IdKind::SocialSecurity
    } else if has(&["fiscal code", "tax"]) {
        IdKind::TaxId
    } else if has(&["driver"]) {
        IdKind::DriversLicense
    } else if has(&[
        "national identification",
        "identity",
        "identification card",
        "identification number",
        "national number",
        "personal identification",
        "identification no",
    ]) {
        IdKind::NationalId
    } else {
        return None;
    })
}

/// `INDIVIDUAL_DOCUMENT`.
fn document(e: &mut Entity, sink: &mut Sink, c: &Elem) {
    let (mut t1, mut t2, mut number, mut issuing, mut c_issue, mut date, mut city, mut note) =
        (None, None, None, None, None, None, None, None);
    for f in &c.children {
        match f.name.as_ref() {
            "TYPE_OF_DOCUMENT" => t1 = f.text(),
            "TYPE_OF_DOCUMENT2" => t2 = f.text(),
            "NUMBER" => number = f.text(),
            "ISSUING_COUNTRY" => issuing = f.text(),
            "COUNTRY_OF_ISSUE" => c_issue = f.text(),
            "DATE_OF_ISSUE" => date = f.text(),
            "CITY_OF_ISSUE" => city = f.text(),
            "NOTE" => note = f.text(),
            _ => unknown(e, sink, &c.name, f),
        }
    }
    // TYPE_OF_DOCUMENT is only ever `Passport` or `National Identification
    // Number` (the catch-all); TYPE_OF_DOCUMENT2, when given, is the specific
    // type (`Birth certificate`, `FARDC ID`, `Service passport`).
    let tidy = |t: Option<String>| t.map(|t| t.trim_end_matches(':').trim().to_string());
    let (t1, t2) = (tidy(t1), tidy(t2));
    let (kind, label, other_type) = match (&t1, &t2) {
        (a, Some(b)) if doc_kind(b).is_some() => {
            (doc_kind(b).unwrap_or(IdKind::Other), b.clone(), a.clone())
        }
        (Some(a), Some(b)) if doc_kind(a) == Some(IdKind::Passport) => {
            (IdKind::Passport, a.clone(), Some(b.clone()))
        }
        (a, Some(b)) => (IdKind::Other, b.clone(), a.clone()),
        (Some(a), None) => (doc_kind(a).unwrap_or(IdKind::Other), a.clone(), None),
        (None, None) => (IdKind::Other, String::new(), None),
    };
    let mut notes = Vec::new();
    let mut country = None;
    for (what, text) in [("issuing country", &issuing), ("country of issue", &c_issue)] {
        if let Some(t) = text {
            match country::resolve(t) {
                Some(ct) if country.is_none() || country == Some(ct) => country = Some(ct),
                Some(_) => notes.push(format!("{what}: {t}")),
                None => {
                    sink.unstructured("DOCUMENT/COUNTRY");
                    notes.push(format!("{what}: {t}"));
                }
            }
        }
    }
    if let Some(d) = date {
        notes.push(format!("issued {d}"));
    }
    if let Some(ci) = city {
        notes.push(format!("issued in {ci}"));
    }
    if let Some(t) = &other_type {
        notes.push(format!("type: {t}"));
    }
    notes.extend(note);
    match number {
        Some(n) => {
            let mut id = Identifier::new(kind, n, label);
            id.country = country;
            if !notes.is_empty() {
                id.note = Some(notes.join("; "));
            }
            if !e.identifiers.contains(&id) {
                e.identifiers.push(id);
            }
        }
        None => {
            // No number: the type and note often hold it in prose
            // (`SSN 156-92-9858 (United States of America)`).
            let mut text = Vec::new();
            if !label.is_empty() {
                text.push(label);
            }
            text.extend(notes);
            if !text.is_empty() {
                unstructured(e, sink, "DOCUMENT", format!("Document: {}", text.join("; ")));
            }
        }
    }
}

/// A small streaming XML reader shared by the XML list parsers: it walks the
/// file with quick-xml, reports the elements above the record level as they
/// open (for root attributes) and hands over each record as a small owned
/// tree, with the line it starts on. Malformed or truncated XML is a syntax
/// error with the line.
pub(crate) mod xml {
    use std::borrow::Cow;

    use quick_xml::encoding::Decoder;
    use quick_xml::events::{BytesStart, Event};
    use quick_xml::Reader;

    use crate::error::{Error, Location, Result};

    /// One element with its attributes, text and child elements. Names and
    /// values borrow from the input where they need no unescaping.
    #[derive(Debug, Default)]
    pub(crate) struct Elem<'a> {
        /// Local name (namespace prefix removed).
        pub name: Cow<'a, str>,
        /// Attributes (local names, unescaped values), namespace
        /// declarations excluded.
        pub attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
        /// The concatenated text content (entities resolved).
        pub raw_text: Cow<'a, str>,
        /// Child elements, in order.
        pub children: Vec<Elem<'a>>,
        /// The 1-based line the start tag is on.
        pub line: u64,
    }

    impl Elem<'_> {
        /// The raw value of an attribute.
        pub fn attr(&self, name: &str) -> Option<&str> {
            self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_ref())
        }

        /// The cleaned value of an attribute; `None` when absent or blank.
        pub fn attr_clean(&self, name: &str) -> Option<String> {
            self.attr(name).and_then(crate::text::clean)
        }

        /// The cleaned text content; `None` when blank.
        pub fn text(&self) -> Option<String> {
            crate::text::clean(&self.raw_text)
        }

        /// The cleaned text of the first child named `name`.
        pub fn child_text(&self, name: &str) -> Option<String> {
            self.children.iter().find(|c| c.name == name).and_then(Elem::text)
        }

        /// The element's content as one line (`text; a=b; child: …`), for
        /// keeping unknown elements verbatim.
        pub fn flatten(&self) -> String {
            let mut parts: Vec<String> = Vec::new();
            parts.extend(self.text());
            for (k, v) in &self.attrs {
                if let Some(v) = crate::text::clean(v) {
                    parts.push(format!("{k}={v}"));
                }
            }
            for c in &self.children {
                let inner = c.flatten();
                if !inner.is_empty() {
                    parts.push(format!("{}: {inner}", c.name));
                }
            }
            parts.join("; ")
        }
    }

    /// What the reader reports.
    pub(crate) enum Item<'a> {
        /// An element above the record level opened (`depth` 0 is the root).
        /// Its `children` are empty.
        Open {
            /// Nesting depth (0 = root).
            depth: usize,
            /// The element, without children.
            elem: Elem<'a>,
        },
        /// A complete element at the record depth.
        Record(Elem<'a>),
    }

    /// Counts lines up to byte offsets, incrementally.
    struct Lines<'a> {
        bytes: &'a [u8],
        pos: usize,
        line: u64,
    }

    impl Lines<'_> {
        fn at(&mut self, pos: u64) -> u64 {
            let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(self.bytes.len());
            if pos < self.pos {
                self.pos = 0;
                self.line = 1;
            }
            let slice = self.bytes.get(self.pos..pos).unwrap_or_default();
            self.line += slice.iter().filter(|&&b| b == b'\n').count() as u64;
            self.pos = pos;
            self.line
        }
    }

    /// `bytes` as a `&str` borrowed from `text` when it is a slice of it
    /// (always, for a reader over `text`), else an owned copy.
    fn borrow<'a>(text: &'a str, bytes: &[u8]) -> Cow<'a, str> {
        let base = text.as_ptr() as usize;
        let at = (bytes.as_ptr() as usize).wrapping_sub(base);
        match text.get(at..at.saturating_add(bytes.len())) {
            Some(s) if s.as_bytes().as_ptr() == bytes.as_ptr() => Cow::Borrowed(s),
            _ => Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
        }
    }

    fn start_elem<'a>(
        text: &'a str,
        s: &BytesStart<'_>,
        decoder: Decoder,
        line: u64,
    ) -> std::result::Result<Elem<'a>, String> {
        let name = borrow(text, s.local_name().into_inner());
        let mut attrs = Vec::new();
        for a in s.attributes() {
            let a = a.map_err(|e| format!("bad attribute in <{name}>: {e}"))?;
            if a.key.as_namespace_binding().is_some() {
                continue;
            }
            let key = borrow(text, a.key.local_name().into_inner());
            let value = if a.value.contains(&b'&') {
                let v = a
                    .decode_and_unescape_value(decoder)
                    .map_err(|e| format!("bad value of attribute {key} in <{name}>: {e}"))?;
                Cow::Owned(v.into_owned())
            } else {
                borrow(text, &a.value)
            };
            attrs.push((key, value));
        }
        Ok(Elem { name, attrs, line, ..Elem::default() })
    }

    fn push_text<'a>(top: &mut Elem<'a>, s: Cow<'a, str>) {
        if top.raw_text.is_empty() {
            top.raw_text = s;
        } else {
            top.raw_text.to_mut().push_str(&s);
        }
    }

    /// Reads `text` (the content of `file`), calling `on` for each element
    /// opened above `record_depth` and each complete element at
    /// `record_depth` (1 = children of the root).
    ///
    /// # Errors
    ///
    /// A syntax error (with the line) for malformed or truncated XML, or
    /// whatever `on` returns.
    pub(crate) fn read<'a, F>(
        file: &str,
        text: &'a str,
        record_depth: usize,
        mut on: F,
    ) -> Result<()>
    where
        F: FnMut(Item<'a>) -> Result<()>,
    {
        let mut reader = Reader::from_str(text);
        let mut lines = Lines { bytes: text.as_bytes(), pos: 0, line: 1 };
        // Elements open above the record level: (name, line).
        let mut outer: Vec<(String, u64)> = Vec::new();
        // Elements open inside the current record; [0] is the record.
        let mut stack: Vec<Elem<'a>> = Vec::new();
        let mut root_seen = false;
        let syntax = |line: u64, msg: String| Error::syntax(file, Location::Line(line), msg);
        loop {
            let pos = reader.buffer_position();
            let event = match reader.read_event() {
                Ok(ev) => ev,
                Err(e) => {
                    let line = lines.at(reader.error_position());
                    // quick-xml's syntax errors are all "not closed before
                    // the end of input".
                    let hint = if matches!(e, quick_xml::Error::Syntax(_)) {
                        " (truncated file?)"
                    } else {
                        ""
                    };
                    return Err(syntax(line, format!("{e}{hint}")));
                }
            };
            match event {
                Event::Start(ref s) | Event::Empty(ref s) => {
                    let empty = matches!(event, Event::Empty(_));
                    let line = lines.at(pos);
                    let elem =
                        start_elem(text, s, reader.decoder(), line).map_err(|m| syntax(line, m))?;
                    let depth = outer.len() + stack.len();
                    if depth == 0 {
                        if root_seen {
                            return Err(syntax(
                                line,
                                format!(
                                    "element <{}> after the end of the root element",
                                    elem.name
                                ),
                            ));
                        }
                        root_seen = true;
                    }
                    if depth < record_depth {
                        let name = elem.name.to_string();
                        on(Item::Open { depth, elem })?;
                        if !empty {
                            outer.push((name, line));
                        }
                    } else if empty {
                        match stack.last_mut() {
                            Some(parent) => parent.children.push(elem),
                            None => on(Item::Record(elem))?,
                        }
                    } else {
                        stack.push(elem);
                    }
                }
                Event::End(_) => {
                    if let Some(done) = stack.pop() {
                        match stack.last_mut() {
                            Some(parent) => parent.children.push(done),
                            None => on(Item::Record(done))?,
                        }
                    } else {
                        outer.pop();
                    }
                }
                Event::Text(t) => {
                    if let Some(top) = stack.last_mut() {
                        let s =
                            t.xml10_content().map_err(|e| syntax(lines.at(pos), e.to_string()))?;
                        // Whitespace between child elements is not content.
                        if !top.raw_text.is_empty() || !s.trim().is_empty() {
                            push_text(top, s);
                        }
                    }
                }
                Event::CData(t) => {
                    if let Some(top) = stack.last_mut() {
                        let s = t.decode().map_err(|e| syntax(lines.at(pos), e.to_string()))?;
                        push_text(top, s);
                    }
                }
                Event::GeneralRef(r) => {
                    let line = lines.at(pos);
                    let ch = r.resolve_char_ref().map_err(|e| syntax(line, e.to_string()))?;
                    let name = r.decode().map_err(|e| syntax(line, e.to_string()))?;
                    let resolved = match ch {
                        Some(c) => Some(c.to_string()),
                        None => {
                            quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
                        }
                    };
                    let Some(s) = resolved else {
                        return Err(syntax(line, format!("unknown entity &{name};")));
                    };
                    if let Some(top) = stack.last_mut() {
                        push_text(top, Cow::Owned(s));
                    }
                }
                Event::Eof => {
                    let open = stack
                        .last()
                        .map(|e| (e.name.to_string(), e.line))
                        .or_else(|| outer.last().cloned());
                    if let Some((name, line)) = open {
                        let last = lines.at(text.trim_end().len() as u64);
                        return Err(syntax(
                            last,
                            format!(
                                "the file ends inside <{name}> opened at line {line} (truncated file?)"
                            ),
                        ));
                    }
                    if !root_seen {
                        return Err(syntax(lines.at(0), "no XML root element".into()));
                    }
                    return Ok(());
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::testutil::{entity, parse_bytes, parse_data};
    use crate::Options;
    use veto_model::Script;

    const REAL: &str = "un/UN_consolidated_2026-02-27.xml.gz";

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn has_name(e: &Entity, full: &str, role: NameRole) -> bool {
        e.names.iter().any(|n| n.full == full && n.role == role)
    }

    #[test]
    fn real_file_counts_and_date() {
        let lists = parse_data(&[REAL]);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.meta.key.source, Source::Un);
        assert_eq!(l.entities.len(), 1003);
        assert_eq!(l.meta.records, 1003);
        assert_eq!(l.meta.counts.get(&Kind::Person), Some(&730));
        assert_eq!(l.meta.counts.get(&Kind::Organization), Some(&273));
        assert!(l.skipped.is_empty());
        assert_eq!(l.meta.data_date, Some(d("2026-02-27")));
        assert_eq!(l.meta.data_date_from.as_deref(), Some("dateGenerated"));
        // Every entity has a primary name, a program and its listing date.
        for e in &l.entities {
            assert!(e.names.iter().any(|n| n.role == NameRole::Primary), "{}", e.id);
            assert_eq!(e.programs.len(), 1, "{}", e.id);
            assert!(e.listed_on.is_some(), "{}", e.id);
        }
        // Only a handful of values are prose the parser cannot structure.
        let u = &l.meta.unstructured;
        assert!(u.values().sum::<u64>() < 30, "{u:?}");
        // The first record, with its line.
        let first = entity(&lists, "un:CDi.001");
        assert_eq!(first.provenance.record, 1);
        assert_eq!(first.provenance.line, Some(4));
        assert_eq!(first.provenance.file, "UN_consolidated_2026-02-27.xml");
    }

    #[test]
    fn real_taliban_individual_with_arabic_name_and_ranges() {
        let lists = parse_data(&[REAL]);
        let e = entity(&lists, "un:TAi.002");
        assert_eq!(e.kind, Kind::Person);
        assert_eq!(e.primary_name(), Some("MOHAMMAD HASSAN AKHUND"));
        let os = e.names.iter().find(|n| n.role == NameRole::OriginalScript).unwrap();
        assert_eq!(os.full, "محمد حسن آخوند");
        assert_eq!(os.script, Some(Script::Arabic));
        // BETWEEN 1955 and 1958, NOTE "Approximately": a circa range.
        assert_eq!(
            e.birth_dates,
            vec![
                BirthDate::between(d("1955"), d("1958")).circa(),
                BirthDate::between(d("1945"), d("1950")).circa()
            ]
        );
        assert_eq!(
            e.birth_places,
            vec!["Pashmul village, Panjwai District, Kandahar Province, Afghanistan"]
        );
        assert_eq!(&e.positions[..2], ["Mullah", "Haji"]);
        assert!(e.positions.contains(&"Foreign Minister under the Taliban regime".to_string()));
        assert_eq!(e.nationalities, vec![country::resolve("Afghanistan").unwrap()]);
        assert_eq!(
            e.programs,
            vec![Program { code: "Taliban".into(), listed_on: Some(d("2001-01-25")) }]
        );
        assert_eq!(e.listed_on, Some(d("2001-01-25")));
        assert_eq!(e.last_updated, Some(d("2011-11-29")));
        assert!(e
            .remarks
            .iter()
            .any(|r| r.starts_with("A close associate of Mullah Mohammed Omar")));
        assert!(e.remarks.contains(&"UN DATAID: 110577".to_string()));
    }

    #[test]
    fn real_dates_of_birth() {
        let lists = parse_data(&[REAL]);
        // APPROXIMATELY with a YEAR.
        assert!(entity(&lists, "un:CDi.014")
            .birth_dates
            .contains(&BirthDate::on(d("1966")).circa()));
        // EXACT with a YEAR only: year precision.
        assert_eq!(entity(&lists, "un:CDi.001").birth_dates, vec![BirthDate::on(d("1971"))]);
        // The date only in the NOTE ("Nov. 1973").
        assert!(entity(&lists, "un:CDi.004").birth_dates.contains(&BirthDate::on(d("1973-11"))));
        // YEAR 1958 with NOTE "Sep.": the note is the month.
        assert!(entity(&lists, "un:QDi.395").birth_dates.contains(&BirthDate::on(d("1958-09"))));
        // Unparseable notes are kept as remarks.
        let e = entity(&lists, "un:QDi.306");
        assert_eq!(e.birth_dates, vec![BirthDate::on(d("1976"))]);
        assert!(e.remarks.contains(&"DOB: Between Aug. and Sep. 1977".to_string()));
        let e = entity(&lists, "un:QDi.291");
        assert!(e.remarks.contains(&"DOB: 24/06/1402 (Hijri Calendar)".to_string()));
        let e = entity(&lists, "un:QDi.295");
        assert!(e.remarks.contains(&"DOB 1979-03-03: from false passport".to_string()));
    }

    #[test]
    fn real_aliases_and_documents() {
        let lists = parse_data(&[REAL]);
        // Low quality → weak alias; Good → alias.
        let e = entity(&lists, "un:IQi.001");
        assert_eq!(e.primary_name(), Some("SADDAM HUSSEIN AL-TIKRITI"));
        assert!(has_name(e, "Abu Ali", NameRole::WeakAlias));
        assert_eq!(e.birth_dates, vec![BirthDate::on(d("1937-04-28"))]);
        assert_eq!(e.birth_places, vec!["al-Awja, near Tikrit, Iraq"]);
        let e = entity(&lists, "un:QDi.291");
        assert!(has_name(e, "Ibrahim Hasan Talea Aseeri", NameRole::Alias));
        assert!(has_name(e, "Abu Saleh", NameRole::WeakAlias));
        // f.k.a. → former name.
        let e = entity(&lists, "un:KPe.003");
        assert!(has_name(e, "KOREA CHANGGWANG CREDIT BANK", NameRole::Former));
        // A passport with its issuing country, date and city.
        let e = entity(&lists, "un:QDi.020");
        let p = e.identifiers.iter().find(|i| i.value == "541939").unwrap();
        assert_eq!(p.kind, IdKind::Passport);
        assert_eq!(p.label, "Passport");
        assert_eq!(p.country, country::resolve("Yemen"));
        assert_eq!(
            p.note.as_deref(),
            Some("issued 2000-07-31; issued in Al-Hudaydah; in the name of Muhammad Muhammad Abdullah Al-Ahdal")
        );
        // Whitespace around numbers is trimmed.
        let e = entity(&lists, "un:KPi.033");
        assert_eq!(e.identifiers[0].value, "381310014");
        assert_eq!(e.identifiers[0].kind, IdKind::Passport);
        // TYPE_OF_DOCUMENT2 refines the type.
        let e = entity(&lists, "un:QDi.410");
        let b = e.identifiers.iter().find(|i| i.value == "B394445").unwrap();
        assert_eq!((b.kind, b.label.as_str()), (IdKind::Other, "Birth Certificate"));
        // A document without a number is kept as a remark.
        let e = entity(&lists, "un:QDi.037");
        assert!(e.remarks.iter().any(|r| r == "Document: National Identification Number; SSN 156-92-9858 (United States of America)"));
    }

    #[test]
    fn real_cyrillic_names_and_addresses() {
        let lists = parse_data(&[REAL]);
        let e = entity(&lists, "un:QDi.365");
        assert!(has_name(e, "Ахмед Ражапович Чатаев", NameRole::OriginalScript));
        assert!(has_name(e, "Akhmad Shishani", NameRole::Alias));
        // The alias notes give the original script too.
        let n = e.names.iter().find(|n| n.full == "Ахмад Шишани").unwrap();
        assert_eq!((n.role, n.script), (NameRole::OriginalScript, Some(Script::Cyrillic)));
        assert!(has_name(e, "Odnorukiy", NameRole::WeakAlias));
        assert_eq!(e.addresses[0].full, "Syrian Arab Republic (located in as at Aug. 2015)");
        assert_eq!(e.addresses[0].country, country::resolve("Syria"));
        let e = entity(&lists, "un:QDi.080");
        let a = e.addresses.iter().find(|a| a.city.as_deref() == Some("Hamburg")).unwrap();
        assert_eq!(a.street.as_deref(), Some("Bunatwiete 23"));
        assert_eq!(a.postal_code.as_deref(), Some("21073"));
        assert_eq!(a.full, "Bunatwiete 23, Hamburg, 21073, Germany (formerly resident at)");
    }

    #[test]
    fn real_entity() {
        let lists = parse_data(&[REAL]);
        let e = entity(&lists, "un:QDe.004");
        assert_eq!(e.kind, Kind::Organization);
        assert_eq!(e.primary_name(), Some("AL-QAIDA"));
        assert!(has_name(e, "القاعدة", NameRole::OriginalScript));
        assert!(has_name(e, "Al Qaeda", NameRole::Alias));
        assert!(has_name(e, "Al Qa’ida/Islamic Army", NameRole::Alias));
        assert!(e
            .remarks
            .contains(&"Alias Al Qa’ida/Islamic Army: formerly listed as".to_string()));
        assert_eq!(e.listed_on, Some(d("2001-10-06")));
        assert_eq!(e.last_updated, Some(d("2020-11-24")));
        // "&amp;" in the text is resolved.
        let e = entity(&lists, "un:IQe.197");
        assert!(
            e.addresses.iter().any(|a| a.full.contains("P.O. Box 10631 & 638")),
            "{:?}",
            e.addresses
        );
    }

    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2025-01-02T03:04:05.000Z\">\n<INDIVIDUALS>\n";

    fn individual(reference: &str, extra: &str) -> String {
        format!(
            "<INDIVIDUAL>\n<DATAID>1</DATAID>\n<FIRST_NAME>JOHN</FIRST_NAME>\n<SECOND_NAME>DOE</SECOND_NAME>\n<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>\n{reference}<LISTED_ON>2001-01-25</LISTED_ON>\n{extra}</INDIVIDUAL>\n"
        )
    }

    fn doc(body: &str) -> String {
        format!("{HEAD}{body}</INDIVIDUALS>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n")
    }

    #[test]
    fn fixture_fields() {
        let extra = "<GENDER>Female</GENDER>\n\
            <TITLE><VALUE>Dr.</VALUE><VALUE/></TITLE>\n\
            <NATIONALITY><VALUE>Atlantis</VALUE></NATIONALITY>\n\
            <LIST_TYPE><VALUE>Other List</VALUE></LIST_TYPE>\n\
            <LAST_DAY_UPDATED><VALUE>2010-01-01</VALUE><VALUE>2012-05-06</VALUE><VALUE>2011-01-01</VALUE></LAST_DAY_UPDATED>\n\
            <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>J &amp; D &#x410;</ALIAS_NAME><DATE_OF_BIRTH>1970-02-05</DATE_OF_BIRTH><CITY_OF_BIRTH>Tunis</CITY_OF_BIRTH><COUNTRY_OF_BIRTH>Tunisia</COUNTRY_OF_BIRTH></INDIVIDUAL_ALIAS>\n\
            <INDIVIDUAL_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Old Name</ALIAS_NAME></INDIVIDUAL_ALIAS>\n\
            <INDIVIDUAL_ALIAS><QUALITY>Medium</QUALITY><ALIAS_NAME>Mid Name</ALIAS_NAME></INDIVIDUAL_ALIAS>\n\
            <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>SOMETIMES</TYPE_OF_DATE><DATE>1970-01-01</DATE></INDIVIDUAL_DATE_OF_BIRTH>\n\
            <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1962</FROM_YEAR><TO_YEAR>1960</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>\n\
            <INDIVIDUAL_PLACE_OF_BIRTH><NOTE>possibly Sabratha</NOTE></INDIVIDUAL_PLACE_OF_BIRTH>\n\
            <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><TYPE_OF_DOCUMENT2>number: </TYPE_OF_DOCUMENT2><NUMBER>X1</NUMBER><ISSUING_COUNTRY>Russian Federation</ISSUING_COUNTRY><COUNTRY_OF_ISSUE>Atlantis</COUNTRY_OF_ISSUE></INDIVIDUAL_DOCUMENT>\n\
            <NEW_FIELD a=\"b\">surprise</NEW_FIELD>\n\
            <SORT_KEY/><SORT_KEY_LAST_MOD/>\n";
        let xml = doc(&individual("<REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>\n", extra));
        let lists = parse_bytes("un.xml", xml.as_bytes(), &Options::default()).unwrap();
        let l = &lists[0];
        assert_eq!(l.meta.data_date, Some(d("2025-01-02")));
        let e = entity(&lists, "un:QDi.999");
        assert_eq!(e.primary_name(), Some("JOHN DOE"));
        assert_eq!(e.gender, Some(Gender::Female));
        assert_eq!(e.positions, vec!["Dr."]);
        assert!(e.nationalities.is_empty());
        assert!(has_name(e, "J & D А", NameRole::Alias));
        assert!(has_name(e, "Old Name", NameRole::Former));
        assert_eq!(e.last_updated, Some(d("2012-05-06")));
        assert_eq!(
            e.birth_dates,
            vec![
                BirthDate::on(d("1970-02-05")),
                BirthDate::on(d("1970-01-01")),
                BirthDate::between(d("1960"), d("1962"))
            ]
        );
        assert_eq!(e.birth_places, vec!["Tunis, Tunisia", "possibly Sabratha"]);
        let id = &e.identifiers[0];
        assert_eq!(
            (id.kind, id.label.as_str(), id.value.as_str()),
            (IdKind::Passport, "Passport", "X1")
        );
        assert_eq!(id.country, country::resolve("Russia"));
        assert_eq!(id.note.as_deref(), Some("country of issue: Atlantis; type: number"));
        for r in [
            "Nationality: Atlantis",
            "List type: Other List",
            "DOB type: SOMETIMES",
            "NEW_FIELD: surprise; a=b",
        ] {
            assert!(e.remarks.contains(&r.to_string()), "{r} not in {:?}", e.remarks);
        }
        let u = &l.meta.unstructured;
        assert_eq!(u.get("NATIONALITY"), Some(&1));
        assert_eq!(u.get("INDIVIDUAL/NEW_FIELD"), Some(&1));
        assert_eq!(u.get("DOCUMENT/COUNTRY"), Some(&1));
    }

    #[test]
    fn missing_reference_number_is_an_invalid_record() {
        let body =
            individual("", "") + &individual("<REFERENCE_NUMBER>QDi.002</REFERENCE_NUMBER>\n", "");
        let xml = doc(&body);
        let err = parse_bytes("un.xml", xml.as_bytes(), &Options::default()).unwrap_err();
        assert!(err.is_record_level());
        assert_eq!(
            err.to_string(),
            "un.xml: line 4 (record 1): invalid record: <INDIVIDUAL> without REFERENCE_NUMBER (DATAID 1)"
        );
        let lenient = Options { lenient: true, ..Options::default() };
        let lists = parse_bytes("un.xml", xml.as_bytes(), &lenient).unwrap();
        assert_eq!(lists[0].entities.len(), 1);
        assert_eq!(lists[0].entities[0].id.as_str(), "un:QDi.002");
        assert_eq!(lists[0].entities[0].provenance.record, 2);
        assert_eq!(lists[0].skipped.len(), 1);
        assert_eq!(lists[0].meta.skipped, 1);
        assert_eq!(lists[0].meta.records, 2);
    }

    #[test]
    fn truncated_and_malformed_files_are_syntax_errors() {
        let full = doc(&individual("<REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>\n", ""));
        let cut = &full[..full.find("<LISTED_ON>").unwrap()];
        let lenient = Options { lenient: true, ..Options::default() };
        let err = parse_bytes("un.xml", cut.as_bytes(), &lenient).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)));
        assert!(!err.is_record_level());
        assert_eq!(
            err.to_string(),
            "un.xml: line 9: malformed: the file ends inside <INDIVIDUAL> opened at line 4 (truncated file?)"
        );
        // Cut inside a tag.
        let cut = &full[..full.find("<LISTED_ON>").unwrap() + 5];
        let err = parse_bytes("un.xml", cut.as_bytes(), &lenient).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)));
        assert_eq!(
            err.to_string(),
            "un.xml: line 10: malformed: syntax error: tag not closed: `>` not found before end of input (truncated file?)"
        );
        // The real file, truncated in the middle.
        let real = crate::input::Input::read(&crate::testutil::data(REAL)).unwrap();
        let half = &real.data[..real.data.len() / 2];
        let err = parse_bytes("UN.xml", half, &lenient).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)));
        assert!(err.to_string().contains("truncated file?"), "{err}");
        // A mismatched end tag.
        let bad = full.replace("</SECOND_NAME>", "</THIRD_NAME>");
        let err = parse_bytes("un.xml", bad.as_bytes(), &lenient).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)));
        assert!(err.to_string().starts_with("un.xml: line 7: malformed:"), "{err}");
        // An unknown entity.
        let bad = full.replace("JOHN", "JO&nbsp;HN");
        let err = parse_bytes("un.xml", bad.as_bytes(), &lenient).unwrap_err();
        assert_eq!(err.to_string(), "un.xml: line 6: malformed: unknown entity &nbsp;");
    }

    #[test]
    fn unexpected_record_element_is_invalid() {
        let xml = doc("<PERSON><REFERENCE_NUMBER>X</REFERENCE_NUMBER></PERSON>\n");
        let err = parse_bytes("un.xml", xml.as_bytes(), &Options::default()).unwrap_err();
        assert!(err.to_string().contains("unexpected element <PERSON>"), "{err}");
    }
}
