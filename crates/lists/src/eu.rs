//! EU Financial Sanctions Files XML (schema 1.1, namespace
//! `http://eu.europa.ec/fpi/fsd/export`).
//!
//! The "full sanctions list" export (`xmlFullSanctionsList_1_1`, ~24 MB,
//! 5,000+ entries) is a root `export generationDate="…" globalFileId="…"`
//! holding `sanctionEntity` elements. Almost everything is in attributes;
//! the only text content is `remark` and `regulation/publicationUrl`. Each
//! entity has:
//!
//! * attributes `euReferenceNumber` (`EU.27.28`, the native id),
//!   `logicalId` (the database key), `unitedNationId`, `designationDate`,
//!   `delistingDate`, `designationDetails`;
//! * `regulation` elements (the XSD allows one, the real file has one per
//!   regulation or amendment that concerned the entity) with the
//!   `programme` (`UKR`, `RUS`, `TAQA`), `publicationDate`, `numberTitle`,
//!   a `publicationUrl` child and `corrigendum` children;
//! * `subjectType code="person|enterprise" classificationCode="P|E"`;
//! * the details — `nameAlias`, `citizenship`, `birthdate`, `address`,
//!   `identification` — each with a `regulationSummary` naming the
//!   regulation that introduced it, `remark`s and `additionalInformation`.
//!
//! Mapping decisions:
//!
//! * Id: `eu_fsf:<euReferenceNumber>`; an entry without one (the current
//!   file always has it) falls back to `eu_fsf:<logicalId>`, which cannot
//!   collide since reference numbers start with `EU.`. The entity's
//!   `logicalId` is kept as a remark when it is not the id.
//! * Names: `strong="false"` (or a remark saying "low quality") is a weak
//!   alias. Among strong names the primary is the first one in Latin script
//!   without a language or in English, else the first in Latin script,
//!   else the first; other strong names are aliases, or original-script
//!   names when not in Latin script (the file does not tell an original
//!   from a translation: organizations carry translations into every EU
//!   language, Greek and Bulgarian ones included; `lang` says which).
//!   `nameLanguage` (`RU`) becomes the name's `lang` (`ru`). A name with
//!   only `firstName`/`middleName`/`lastName` is joined from them.
//! * `function` and `title` are positions for persons (split on `(a) …
//!   (b) …` enumerations), remarks for organizations; `gender` `M`/`F` sets
//!   the gender (`?` is unknown).
//! * Programs: one per distinct `programme`, listed on the earliest
//!   `publicationDate` of its regulations. `listed_on` is `designationDate`,
//!   else the earliest publication date; `last_updated` the latest.
//!   Regulations, corrigenda and regulation summaries not already listed
//!   are kept as remarks (number, type, dates, URL).
//! * Countries: `countryIso2Code="00"` / `countryDescription="UNKNOWN"` is
//!   no country. Citizenships go to `citizenships`.
//! * Birth dates: the full `birthdate`, else `year`/`monthOfYear`/
//!   `dayOfMonth` at their precision, else `yearRangeFrom`/`yearRangeTo`;
//!   `circa="true"` marks it approximate. Dates in a non-Gregorian
//!   `calendarType` and dates without a year are kept as remarks. The
//!   place parts (`place`, `city`, `zipCode`, `region`, country) form one
//!   birth place.
//! * Identifications: `identificationTypeCode` gives the type (`passport`,
//!   `id`, `fiscalcode`, `regnumber`, `swiftbic`, `imo`, `ssn`,
//!   `drivinglicence`, …), the description is the label, the issuer, dates,
//!   flags (`diplomatic`, `knownExpired`, `knownFalse`, `reportedLost`,
//!   `revokedByIssuer`), `nameOnDocument`, region and remarks form the note.
//!   A `latinNumber` differing from `number` is a second identifier.
//! * Addresses: `contactInfo` `PHONE`/`FAX`/`EMAIL`/`WEB` become phone,
//!   e-mail and website identifiers; other keys remarks.
//! * Not kept: the `logicalId` and `regulationLanguage` of details (database
//!   keys and the language of the regulation text), and which regulation
//!   introduced which detail.
//!
//! Anything else — an attribute or element the schema does not define — is
//! kept verbatim as a remark and counted as unstructured.

use veto_model::{
    country, Address, BirthDate, Country, Entity, Gender, IdKind, Identifier, Kind, Name, NameRole,
    PartialDate, Program, Provenance, Script, Source,
};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::clean;
use crate::un::xml::{self, Elem, Item};

/// Parses one file.
///
/// # Errors
///
/// Fails on malformed input or (strict mode) invalid records.
pub fn parse(input: &Input, sink: &mut Sink) -> Result<Vec<Entity>> {
    let text = input.text()?;
    let file = input.name.as_str();
    let mut out = Vec::new();
    xml::read(file, text, 1, |item| {
        match item {
            Item::Open { depth: 0, elem } => {
                if elem.name != "export" {
                    return Err(Error::new(
                        file,
                        Location::Line(elem.line),
                        ErrorKind::UnknownFormat(format!(
                            "root element <{}>, expected <export>",
                            elem.name
                        )),
                    ));
                }
                if let Some(gen) = elem.attr("generationDate") {
                    match date(gen) {
                        Some(d) => {
                            let from = match elem.attr_clean("globalFileId") {
                                Some(id) => format!("generationDate (globalFileId {id})"),
                                None => "generationDate".to_string(),
                            };
                            sink.set_data_date(d, &from);
                        }
                        None => sink.unstructured("generationDate"),
                    }
                }
            }
            Item::Open { .. } => {}
            Item::Record(elem) => {
                sink.records += 1;
                let record = sink.records;
                match sanction_entity(file, &elem, record, sink) {
                    Ok(e) => out.push(e),
                    Err(err) => sink.bad_record(err)?,
                }
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// Parses an `xs:date` or `xs:dateTime` to its date (`2022-02-23`,
/// `2022-02-23+01:00`, `2026-02-26T18:03:11.942+01:00`).
fn date(s: &str) -> Option<PartialDate> {
    let t = s.trim();
    t.get(..10).unwrap_or(t).parse().ok()
}

/// An `xs:boolean` attribute that is true.
fn flag(el: &Elem, name: &str) -> bool {
    matches!(el.attr(name).map(str::trim), Some("true" | "1"))
}

/// Keeps a value that could not be structured as a remark and counts it.
fn unstructured(e: &mut Entity, sink: &mut Sink, field: &str, remark: String) {
    Entity::push_unique(&mut e.remarks, remark);
    sink.unstructured(field);
}

/// Keeps the attributes of `el` that the schema does not define.
fn extra_attrs(e: &mut Entity, sink: &mut Sink, el: &Elem, known: &[&str]) {
    for (k, v) in &el.attrs {
        if known.contains(&k.as_ref()) {
            continue;
        }
        if let Some(v) = clean(v) {
            unstructured(e, sink, &format!("{}@{k}", el.name), format!("{} {k}: {v}", el.name));
        }
    }
}

/// Keeps an element the schema does not define.
fn unknown(e: &mut Entity, sink: &mut Sink, parent: &str, c: &Elem) {
    let shown = c.flatten();
    if !shown.is_empty() {
        unstructured(e, sink, &format!("{parent}/{}", c.name), format!("{}: {shown}", c.name));
    }
}

/// The attributes every detail (`nameAlias`, `citizenship`, …) has.
const DETAIL_ATTRS: [&str; 2] = ["regulationLanguage", "logicalId"];

/// A country as the file gives it.
enum Ctry {
    /// Not given, or `00`/`UNKNOWN`.
    None,
    /// Resolved.
    Known(Country, String),
    /// Given but not resolvable: the text.
    Text(String),
}

impl Ctry {
    fn of(el: &Elem) -> Ctry {
        let code = el.attr_clean("countryIso2Code").filter(|c| c != "00");
        let desc =
            el.attr_clean("countryDescription").filter(|d| !d.eq_ignore_ascii_case("unknown"));
        let resolved = code
            .as_deref()
            .and_then(Country::from_code)
            .or_else(|| desc.as_deref().and_then(country::resolve));
        match (resolved, desc.or(code)) {
            (Some(c), text) => Ctry::Known(c, text.unwrap_or_else(|| c.code().to_string())),
            (None, Some(text)) => Ctry::Text(text),
            (None, None) => Ctry::None,
        }
    }

    fn country(&self) -> Option<Country> {
        match self {
            Ctry::Known(c, _) => Some(*c),
            _ => None,
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Ctry::Known(_, t) | Ctry::Text(t) => Some(t),
            Ctry::None => None,
        }
    }
}

/// Splits `(a) Mullah, (b) Maulavi` into its items; other text is one item.
fn split_enumerated(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let mut cuts = Vec::new();
    for i in 0..b.len() {
        let marker = b[i] == b'('
            && b.get(i + 1).is_some_and(u8::is_ascii_lowercase)
            && b.get(i + 2) == Some(&b')')
            && (i == 0 || matches!(b[i - 1], b' ' | b',' | b';'));
        if marker {
            cuts.push(i);
        }
    }
    if cuts.first() != Some(&0) {
        return clean(s).into_iter().collect();
    }
    cuts.push(b.len());
    cuts.windows(2)
        .filter_map(|w| s.get(w[0] + 3..w[1]))
        .filter_map(|p| clean(p.trim().trim_end_matches([',', ';'])))
        .collect()
}

/// One `nameAlias`, before roles are assigned.
struct NameCand {
    name: Name,
    strong: bool,
}

/// The regulation facts kept while an entity is read.
#[derive(Default)]
struct Regs {
    /// `numberTitle`s already described in the remarks.
    seen: Vec<String>,
    first_published: Option<PartialDate>,
    last_published: Option<PartialDate>,
}

/// Builds the entity of one `sanctionEntity` element.
fn sanction_entity(file: &str, rec: &Elem, record: u64, sink: &mut Sink) -> Result<Entity> {
    let loc = Location::Record { record, line: Some(rec.line) };
    if rec.name != "sanctionEntity" {
        return Err(Error::invalid(
            file,
            loc,
            format!("unexpected element <{}> (expected <sanctionEntity>)", rec.name),
        ));
    }
    let eu_ref = rec.attr_clean("euReferenceNumber");
    let logical = rec.attr_clean("logicalId");
    let Some(native) = eu_ref.clone().or_else(|| logical.clone()) else {
        return Err(Error::invalid(
            file,
            loc,
            "sanctionEntity without euReferenceNumber or logicalId",
        ));
    };
    if !rec.children.iter().any(|c| c.name == "nameAlias") {
        return Err(Error::invalid(file, loc, format!("sanctionEntity {native} has no nameAlias")));
    }
    let subject = rec.children.iter().find(|c| c.name == "subjectType");
    let kind = subject.map_or(Kind::Other, subject_kind);
    let mut e = Entity::new(Source::EuFsf, &native, kind);
    e.provenance = Provenance { file: file.to_string(), record, line: Some(rec.line) };
    match subject {
        None => sink.unstructured("subjectType"),
        Some(s) => {
            if kind == Kind::Other {
                unstructured(&mut e, sink, "subjectType", format!("Subject type: {}", s.flatten()));
            }
            extra_attrs(&mut e, sink, s, &["code", "classificationCode"]);
            for c in &s.children {
                unknown(&mut e, sink, "subjectType", c);
            }
        }
    }

    // Entity attributes.
    if eu_ref.is_some() {
        if let Some(l) = &logical {
            e.remarks.push(format!("EU logical id: {l}"));
        }
    }
    let designated = rec.attr_clean("designationDate");
    if let Some(d) = &designated {
        match date(d) {
            Some(d) => e.listed_on = Some(d),
            None => unstructured(&mut e, sink, "designationDate", format!("Designation date: {d}")),
        }
    }
    if let Some(t) = rec.attr_clean("designationDetails") {
        e.remarks.push(format!("Designation details: {t}"));
    }
    if let Some(t) = rec.attr_clean("unitedNationId") {
        e.remarks.push(format!("UN reference: {t}"));
    }
    if let Some(t) = rec.attr_clean("delistingDate") {
        e.remarks.push(format!("Delisting date: {t}"));
    }
    extra_attrs(
        &mut e,
        sink,
        rec,
        &[
            "euReferenceNumber",
            "logicalId",
            "designationDate",
            "designationDetails",
            "unitedNationId",
            "delistingDate",
        ],
    );

    let mut regs = Regs::default();
    let mut names = Vec::new();
    for c in &rec.children {
        match c.name.as_ref() {
            "remark" => e.remarks.extend(c.text()),
            "additionalInformation" => additional_info(&mut e, sink, c, ""),
            "regulation" => regulation(&mut e, sink, c, &mut regs),
            "subjectType" => {}
            "nameAlias" => name_alias(&mut e, sink, c, &mut regs, &mut names),
            "citizenship" => citizenship(&mut e, sink, c, &mut regs),
            "birthdate" => birthdate(&mut e, sink, c, &mut regs),
            "address" => address(&mut e, sink, c, &mut regs),
            "identification" => identification(&mut e, sink, c, &mut regs),
            _ => unknown(&mut e, sink, "sanctionEntity", c),
        }
    }
    if e.listed_on.is_none() {
        e.listed_on = regs.first_published;
    }
    e.last_updated = regs.last_published;
    assign_names(&mut e, names);
    if e.names.is_empty() {
        return Err(Error::invalid(
            file,
            loc,
            format!("sanctionEntity {native} has only empty names"),
        ));
    }
    Ok(e)
}

/// The kind a `subjectType` says.
fn subject_kind(s: &Elem) -> Kind {
    let code = s.attr_clean("code").map(|c| c.to_ascii_lowercase());
    match code.as_deref() {
        Some("person") => return Kind::Person,
        Some("enterprise") => return Kind::Organization,
        Some(c) => {
            if let Some(k) = Kind::parse(c) {
                return k;
            }
        }
        None => {}
    }
    match s.attr_clean("classificationCode").as_deref() {
        Some("P") => Kind::Person,
        Some("E") => Kind::Organization,
        _ => Kind::Other,
    }
}

/// `additionalInformation key="…" value="…"`: a remark.
fn additional_info(e: &mut Entity, sink: &mut Sink, c: &Elem, context: &str) {
    let key = c.attr_clean("key");
    let value = c.attr_clean("value");
    let text = match (key, value) {
        (Some(k), Some(v)) => format!("{k}: {v}"),
        (Some(t), None) | (None, Some(t)) => t,
        (None, None) => return,
    };
    e.remarks.push(format!("{context}{text}"));
    extra_attrs(e, sink, c, &["key", "value"]);
}

/// Describes a regulation or regulation summary: `2022/260 (OJ L42I):
/// regulation by council, published 2022-02-23, …`.
fn describe_regulation(r: &Elem, url: Option<String>) -> String {
    let mut parts = Vec::new();
    let kind = match (r.attr_clean("regulationType"), r.attr_clean("organisationType")) {
        (Some(t), Some(o)) => Some(format!("{t} by {o}")),
        (t, o) => t.or(o),
    };
    parts.extend(kind);
    if let Some(d) = r.attr_clean("publicationDate") {
        parts.push(format!("published {d}"));
    }
    if let Some(d) = r.attr_clean("entryIntoForceDate") {
        parts.push(format!("in force {d}"));
    }
    if let Some(p) = r.attr_clean("programme") {
        parts.push(format!("programme {p}"));
    }
    parts.extend(url);
    let title = r.attr_clean("numberTitle").unwrap_or_else(|| "(untitled)".into());
    format!("{title}: {}", parts.join(", "))
}

/// `regulation`: a program and a remark describing it.
fn regulation(e: &mut Entity, sink: &mut Sink, r: &Elem, regs: &mut Regs) {
    let published = r.attr_clean("publicationDate");
    let published_date = published.as_deref().and_then(date);
    if let (Some(p), None) = (&published, published_date) {
        unstructured(e, sink, "regulation@publicationDate", format!("Regulation published: {p}"));
    }
    if let Some(d) = published_date {
        regs.first_published = Some(regs.first_published.map_or(d, |f| f.min(d)));
        regs.last_published = Some(regs.last_published.map_or(d, |l| l.max(d)));
    }
    if let Some(code) = r.attr_clean("programme") {
        match e.programs.iter_mut().find(|p| p.code == code) {
            Some(p) => {
                if let Some(d) = published_date {
                    p.listed_on = Some(p.listed_on.map_or(d, |o| o.min(d)));
                }
            }
            None => e.programs.push(Program { code, listed_on: published_date }),
        }
    }
    extra_attrs(
        e,
        sink,
        r,
        &[
            "regulationType",
            "organisationType",
            "publicationDate",
            "entryIntoForceDate",
            "numberTitle",
            "programme",
            "logicalId",
        ],
    );
    let title = r.attr_clean("numberTitle").unwrap_or_default();
    let url = r.children.iter().find(|c| c.name == "publicationUrl").and_then(Elem::text);
    e.remarks.push(format!("Regulation {}", describe_regulation(r, url)));
    regs.seen.push(title.clone());
    let context = format!("Regulation {title}: ");
    for c in &r.children {
        match c.name.as_ref() {
            "publicationUrl" => {}
            "remark" => e.remarks.extend(c.text().map(|t| format!("{context}{t}"))),
            "additionalInformation" => additional_info(e, sink, c, &context),
            "corrigendum" => {
                let url = c.attr_clean("publicationUrl");
                e.remarks.push(format!("Corrigendum to {title}: {}", describe_regulation(c, url)));
                if let Some(t) = c.attr_clean("numberTitle") {
                    regs.seen.push(t);
                }
                extra_attrs(
                    e,
                    sink,
                    c,
                    &["regulationType", "publicationDate", "numberTitle", "publicationUrl"],
                );
            }
            _ => unknown(e, sink, "regulation", c),
        }
    }
}

/// The children every detail may have: `remark` (returned, for the caller
/// to place), `additionalInformation` and `regulationSummary`. Returns the
/// remarks and the children it does not know.
fn detail_children<'a, 'x>(
    e: &mut Entity,
    sink: &mut Sink,
    el: &'a Elem<'x>,
    regs: &mut Regs,
    context: &str,
) -> (Vec<String>, Vec<&'a Elem<'x>>) {
    let mut remarks = Vec::new();
    let mut other = Vec::new();
    for c in &el.children {
        match c.name.as_ref() {
            "remark" => remarks.extend(c.text()),
            "additionalInformation" => additional_info(e, sink, c, context),
            "regulationSummary" => {
                // Only regulations not already described at entity level are
                // worth a remark.
                if let Some(t) = c.attr_clean("numberTitle") {
                    if !regs.seen.contains(&t) {
                        let url = c.attr_clean("publicationUrl");
                        e.remarks.push(format!("Regulation {}", describe_regulation(c, url)));
                        regs.seen.push(t);
                    }
                }
                extra_attrs(
                    e,
                    sink,
                    c,
                    &["regulationType", "publicationDate", "numberTitle", "publicationUrl"],
                );
            }
            _ => other.push(c),
        }
    }
    (remarks, other)
}

/// `nameAlias`.
fn name_alias(e: &mut Entity, sink: &mut Sink, n: &Elem, regs: &mut Regs, out: &mut Vec<NameCand>) {
    let parts: Vec<String> =
        ["firstName", "middleName", "lastName"].iter().filter_map(|a| n.attr_clean(a)).collect();
    let full = n.attr_clean("wholeName").or_else(|| (!parts.is_empty()).then(|| parts.join(" ")));
    let label = full.clone().unwrap_or_default();
    let mut strong = match n.attr("strong").map(str::trim) {
        None | Some("true" | "1") => true,
        Some("false" | "0") => false,
        Some(other) => {
            unstructured(e, sink, "nameAlias@strong", format!("Name {label}: strong={other}"));
            true
        }
    };
    let context = format!("Name {label}: ");
    let (remarks, other) = detail_children(e, sink, n, regs, &context);
    for r in remarks {
        // Remarks sometimes grade the alias instead of `strong`.
        let l = r.to_lowercase();
        if l.contains("low quality") || l.contains("lo quality") || l.contains("weak") {
            strong = false;
        } else if !(l.contains("good quality") || l.contains("high quality")) {
            e.remarks.push(format!("{context}{r}"));
        }
    }
    for c in other {
        unknown(e, sink, "nameAlias", c);
    }
    let person = e.kind == Kind::Person;
    for attr in ["title", "function"] {
        if let Some(t) = n.attr_clean(attr) {
            if person {
                for p in split_enumerated(&t) {
                    Entity::push_unique(&mut e.positions, p);
                }
            } else {
                let what = if attr == "title" { "Title" } else { "Function" };
                Entity::push_unique(&mut e.remarks, format!("{what}: {t}"));
            }
        }
    }
    match n.attr_clean("gender").as_deref() {
        None | Some("?") => {}
        Some("M") => {
            e.gender.get_or_insert(Gender::Male);
        }
        Some("F") => {
            e.gender.get_or_insert(Gender::Female);
        }
        Some(g) => unstructured(e, sink, "nameAlias@gender", format!("Gender: {g}")),
    }
    extra_attrs(
        e,
        sink,
        n,
        &[
            "firstName",
            "middleName",
            "lastName",
            "wholeName",
            "function",
            "gender",
            "title",
            "nameLanguage",
            "strong",
            "regulationLanguage",
            "logicalId",
        ],
    );
    if let Some(full) = full {
        let mut name = Name::new(full, NameRole::Alias);
        name.lang = n.attr_clean("nameLanguage").map(|l| l.to_lowercase());
        out.push(NameCand { name, strong });
    }
}

/// Gives the names their roles (see the module documentation).
fn assign_names(e: &mut Entity, names: Vec<NameCand>) {
    let latin = |n: &Name| matches!(n.script, Some(Script::Latin) | None);
    let plain = |n: &Name| matches!(n.lang.as_deref(), None | Some("en"));
    let strong = || names.iter().enumerate().filter(|(_, c)| c.strong);
    let primary = strong()
        .find(|(_, c)| latin(&c.name) && plain(&c.name))
        .or_else(|| strong().find(|(_, c)| latin(&c.name)))
        .or_else(|| strong().next())
        .map_or(0, |(i, _)| i);
    let mut ordered: Vec<(usize, NameCand)> = names.into_iter().enumerate().collect();
    // The primary name first, the others in file order.
    ordered.sort_by_key(|(i, _)| *i != primary);
    for (i, mut c) in ordered {
        c.name.role = if i == primary {
            NameRole::Primary
        } else if !c.strong {
            NameRole::WeakAlias
        } else if latin(&c.name) {
            NameRole::Alias
        } else {
            NameRole::OriginalScript
        };
        e.add_name(c.name);
    }
}

/// `citizenship`.
fn citizenship(e: &mut Entity, sink: &mut Sink, c: &Elem, regs: &mut Regs) {
    let ctry = Ctry::of(c);
    let label = ctry.text().unwrap_or("unknown").to_string();
    let context = format!("Citizenship {label}: ");
    match &ctry {
        Ctry::Known(country, _) => Entity::push_unique(&mut e.citizenships, *country),
        Ctry::Text(t) => unstructured(e, sink, "citizenship/country", format!("Citizenship: {t}")),
        Ctry::None => {}
    }
    let mut facts = Vec::new();
    if let Some(r) = c.attr_clean("region") {
        facts.push(format!("region {r}"));
    }
    if let Some(d) = c.attr_clean("acquisitionDate") {
        facts.push(format!("acquired {d}"));
    }
    if let Some(d) = c.attr_clean("disenfranchisementDate") {
        facts.push(format!("lost {d}"));
    }
    let (remarks, other) = detail_children(e, sink, c, regs, &context);
    facts.extend(remarks);
    if !facts.is_empty() {
        e.remarks.push(format!("{context}{}", facts.join("; ")));
    }
    for o in other {
        unknown(e, sink, "citizenship", o);
    }
    let mut known = vec![
        "region",
        "acquisitionDate",
        "disenfranchisementDate",
        "countryIso2Code",
        "countryDescription",
    ];
    known.extend(DETAIL_ATTRS);
    extra_attrs(e, sink, c, &known);
}

/// `birthdate`.
fn birthdate(e: &mut Entity, sink: &mut Sink, b: &Elem, regs: &mut Regs) {
    let num = |a: &str| b.attr_clean(a).map(|v| (v.parse::<u16>().ok(), v));
    let calendar = b.attr_clean("calendarType").map(|c| c.to_ascii_uppercase());
    let gregorian = matches!(calendar.as_deref(), None | Some("GREGORIAN"));
    let circa = flag(b, "circa");
    let full = b.attr_clean("birthdate");
    let (year, month, day) = (num("year"), num("monthOfYear"), num("dayOfMonth"));
    let (from, to) = (num("yearRangeFrom"), num("yearRangeTo"));

    // The date as written, for remarks.
    let mut raw = Vec::new();
    raw.extend(full.clone());
    if full.is_none() {
        for (what, v) in [("day", &day), ("month", &month), ("year", &year)] {
            if let Some((_, t)) = v {
                raw.push(format!("{what} {t}"));
            }
        }
        if from.is_some() || to.is_some() {
            let show = |v: &Option<(Option<u16>, String)>| {
                v.as_ref().map_or("?".to_string(), |v| v.1.clone())
            };
            raw.push(format!("{} to {}", show(&from), show(&to)));
        }
    }
    let mut lossy = false;
    let parsed = if !gregorian {
        None
    } else if let Some(f) = &full {
        date(f).map(BirthDate::on)
    } else if let Some((Some(y), _)) = year {
        let m = month.as_ref().and_then(|m| m.0).and_then(|m| u8::try_from(m).ok());
        let d = day.as_ref().and_then(|d| d.0).and_then(|d| u8::try_from(d).ok());
        // Keep what forms a valid date; a day without a month or a part
        // that is not a number is also kept as written (below).
        let full_date = PartialDate::new(y, m, d.filter(|_| m.is_some())).ok();
        let date = full_date
            .or_else(|| PartialDate::new(y, m, None).ok())
            .or_else(|| PartialDate::new(y, None, None).ok());
        lossy = full_date.is_none()
            || day.is_some() && (d.is_none() || m.is_none())
            || month.is_some() && m.is_none();
        date.map(BirthDate::on)
    } else if from.is_some() || to.is_some() {
        let y = |v: &Option<(Option<u16>, String)>| {
            v.as_ref().and_then(|v| v.0).and_then(|y| PartialDate::new(y, None, None).ok())
        };
        match (y(&from), y(&to)) {
            (Some(a), Some(b)) => Some(BirthDate::between(a, b)),
            _ => None,
        }
    } else {
        None
    };
    let shown = match parsed {
        Some(mut d) => {
            d.circa = circa;
            let shown = d.to_string();
            Entity::push_unique(&mut e.birth_dates, d);
            if lossy {
                unstructured(e, sink, "birthdate", format!("Birth date: {}", raw.join(", ")));
            }
            shown
        }
        None if raw.is_empty() => String::new(),
        None => {
            let cal = match &calendar {
                Some(c) if !gregorian => format!(" ({c} calendar)"),
                _ => String::new(),
            };
            let approx = if circa { "circa " } else { "" };
            let no_year = if year.is_none() && from.is_none() && to.is_none() && full.is_none() {
                " (no year)"
            } else {
                ""
            };
            let text = format!("{approx}{}{no_year}", raw.join(", "));
            unstructured(e, sink, "birthdate", format!("Birth date{cal}: {text}"));
            text
        }
    };

    let ctry = Ctry::of(b);
    let place: Vec<String> = ["place", "city", "zipCode", "region"]
        .iter()
        .filter_map(|a| b.attr_clean(a))
        .chain(ctry.text().map(str::to_string))
        .collect();
    if !place.is_empty() {
        Entity::push_unique(&mut e.birth_places, place.join(", "));
    }
    let context =
        if shown.is_empty() { "Birth: ".to_string() } else { format!("Birth date {shown}: ") };
    let (remarks, other) = detail_children(e, sink, b, regs, &context);
    for r in remarks {
        e.remarks.push(format!("{context}{r}"));
    }
    for o in other {
        unknown(e, sink, "birthdate", o);
    }
    let mut known = vec![
        "circa",
        "calendarType",
        "city",
        "zipCode",
        "birthdate",
        "dayOfMonth",
        "monthOfYear",
        "year",
        "yearRangeFrom",
        "yearRangeTo",
        "region",
        "place",
        "countryIso2Code",
        "countryDescription",
    ];
    known.extend(DETAIL_ATTRS);
    extra_attrs(e, sink, b, &known);
}

/// `address`.
fn address(e: &mut Entity, sink: &mut Sink, a: &Elem, regs: &mut Regs) {
    let ctry = Ctry::of(a);
    let mut addr = Address {
        street: a.attr_clean("street"),
        city: a.attr_clean("city"),
        region: a.attr_clean("region"),
        postal_code: a.attr_clean("zipCode"),
        country: ctry.country(),
        full: String::new(),
    };
    if let Ctry::Text(_) = ctry {
        sink.unstructured("address/country");
    }
    let po_box = a.attr_clean("poBox").map(|p| format!("P.O. Box {p}"));
    let parts: Vec<&str> = [
        addr.street.as_deref(),
        po_box.as_deref(),
        a.attr("place").map(str::trim).filter(|p| !p.is_empty()),
        addr.city.as_deref(),
        addr.postal_code.as_deref(),
        addr.region.as_deref(),
        ctry.text(),
    ]
    .into_iter()
    .flatten()
    .collect();
    addr.full = parts.join(", ");
    let context = if addr.full.is_empty() {
        "Address: ".to_string()
    } else {
        format!("Address {}: ", addr.full)
    };
    if flag(a, "asAtListingTime") {
        e.remarks.push(format!("{context}as at listing time"));
    }
    let (remarks, other) = detail_children(e, sink, a, regs, &context);
    for r in remarks {
        e.remarks.push(format!("{context}{r}"));
    }
    for c in other {
        if c.name == "contactInfo" {
            contact_info(e, sink, c, &context);
        } else {
            unknown(e, sink, "address", c);
        }
    }
    if !addr.full.is_empty() && !e.addresses.contains(&addr) {
        e.addresses.push(addr);
    }
    let mut known = vec![
        "city",
        "street",
        "poBox",
        "zipCode",
        "region",
        "place",
        "asAtListingTime",
        "countryIso2Code",
        "countryDescription",
    ];
    known.extend(DETAIL_ATTRS);
    extra_attrs(e, sink, a, &known);
}

/// `contactInfo key="PHONE|FAX|EMAIL|WEB" value="…"`.
fn contact_info(e: &mut Entity, sink: &mut Sink, c: &Elem, context: &str) {
    extra_attrs(e, sink, c, &["key", "value"]);
    let key = c.attr_clean("key").unwrap_or_default();
    let Some(value) = c.attr_clean("value") else { return };
    let kind = match key.to_ascii_uppercase().as_str() {
        "PHONE" | "FAX" | "TEL" | "TELEPHONE" | "MOBILE" => IdKind::Phone,
        "EMAIL" | "E-MAIL" | "MAIL" => IdKind::Email,
        "WEB" | "WEBSITE" | "URL" => IdKind::Website,
        _ => {
            e.remarks.push(format!("{context}{key} {value}"));
            return;
        }
    };
    // One value sometimes lists several (`a@x.com; b@y.com`).
    for v in value.split([';', ',']).filter_map(clean) {
        let id = Identifier::new(kind, v, key.clone());
        if !e.identifiers.contains(&id) {
            e.identifiers.push(id);
        }
    }
}

/// The identifier type of an `identificationTypeCode`.
fn id_kind(code: &str) -> IdKind {
    match code.to_ascii_lowercase().as_str() {
        "passport" => IdKind::Passport,
        "id" | "nrn" => IdKind::NationalId,
        "fiscalcode" => IdKind::TaxId,
        "regnumber" => IdKind::Registration,
        "swiftbic" => IdKind::SwiftBic,
        "imo" => IdKind::Imo,
        "ssn" => IdKind::SocialSecurity,
        "drivinglicence" => IdKind::DriversLicense,
        _ => IdKind::Other,
    }
}

/// `identification`.
fn identification(e: &mut Entity, sink: &mut Sink, i: &Elem, regs: &mut Regs) {
    let code = i.attr_clean("identificationTypeCode");
    let kind = code.as_deref().map_or(IdKind::Other, id_kind);
    let label = i.attr_clean("identificationTypeDescription").or(code).unwrap_or_default();
    let number = i.attr_clean("number");
    let latin = i.attr_clean("latinNumber");
    let ctry = Ctry::of(i);

    let mut notes: Vec<String> = Vec::new();
    for (attr, text) in [
        ("diplomatic", "diplomatic"),
        ("knownExpired", "known expired"),
        ("knownFalse", "known false"),
        ("reportedLost", "reported lost"),
        ("revokedByIssuer", "revoked by issuer"),
    ] {
        if flag(i, attr) {
            notes.push(text.to_string());
        }
    }
    for (attr, prefix) in [
        ("issuedBy", "issued by "),
        ("issueDate", "issued "),
        ("validFrom", "valid from "),
        ("validTo", "valid to "),
        ("nameOnDocument", "name on document: "),
        ("region", "region: "),
    ] {
        if let Some(v) = i.attr_clean(attr) {
            notes.push(format!("{prefix}{v}"));
        }
    }
    if let Ctry::Text(t) = &ctry {
        sink.unstructured("identification/country");
        notes.push(format!("country: {t}"));
    }
    let context = format!("Document {label}: ");
    let (remarks, other) = detail_children(e, sink, i, regs, &context);
    notes.extend(remarks);
    for o in other {
        unknown(e, sink, "identification", o);
    }
    let mut known = vec![
        "diplomatic",
        "knownExpired",
        "knownFalse",
        "reportedLost",
        "revokedByIssuer",
        "issueDate",
        "issuedBy",
        "latinNumber",
        "nameOnDocument",
        "number",
        "validFrom",
        "validTo",
        "identificationTypeCode",
        "identificationTypeDescription",
        "region",
        "countryIso2Code",
        "countryDescription",
    ];
    known.extend(DETAIL_ATTRS);
    extra_attrs(e, sink, i, &known);

    let values: Vec<String> = match (number, latin) {
        (Some(n), Some(l)) if n != l => vec![n, l],
        (Some(n), _) => vec![n],
        (None, Some(l)) => vec![l],
        (None, None) => {
            let mut text = vec![label];
            text.extend(ctry.text().map(str::to_string));
            text.extend(notes);
            unstructured(e, sink, "identification", format!("Document: {}", text.join("; ")));
            return;
        }
    };
    for v in values {
        let mut id = Identifier::new(kind, v, label.clone());
        id.country = ctry.country();
        if !notes.is_empty() {
            id.note = Some(notes.join("; "));
        }
        if !e.identifiers.contains(&id) {
            e.identifiers.push(id);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::testutil::{entity, parse_bytes};
    use crate::{Options, Parsed};
    use veto_model::Format;

    const FULL: &[u8] = include_bytes!("../tests/fixtures/eu/full.xml");
    const MINIMAL: &[u8] = include_bytes!("../tests/fixtures/eu/minimal.xml");
    const TRUNCATED: &[u8] = include_bytes!("../tests/fixtures/eu/truncated.xml");
    const NO_NAME: &[u8] = include_bytes!("../tests/fixtures/eu/no_name.xml");

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn c(code: &str) -> Country {
        Country::from_code(code).unwrap()
    }

    fn parse(name: &str, bytes: &[u8]) -> Vec<Parsed> {
        parse_bytes(name, bytes, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn lenient() -> Options {
        Options { lenient: true, ..Options::default() }
    }

    fn name<'a>(e: &'a Entity, full: &str) -> &'a Name {
        e.names.iter().find(|n| n.full == full).unwrap_or_else(|| panic!("no name {full}"))
    }

    fn id<'a>(e: &'a Entity, value: &str) -> &'a Identifier {
        e.identifiers.iter().find(|i| i.value == value).unwrap_or_else(|| panic!("no id {value}"))
    }

    fn has_remark(e: &Entity, r: &str) -> bool {
        e.remarks.iter().any(|x| x == r)
    }

    #[test]
    fn full_fixture_meta() {
        let lists = parse("full.xml", FULL);
        let l = &lists[0];
        assert_eq!(l.meta.key.source, Source::EuFsf);
        assert_eq!(l.meta.format, Format::EuXml);
        assert_eq!(l.meta.data_date, Some(d("2026-02-26")));
        assert_eq!(l.meta.data_date_from.as_deref(), Some("generationDate (globalFileId 176543)"));
        assert_eq!(l.meta.records, 4);
        assert_eq!(l.entities.len(), 4);
        assert_eq!(l.meta.counts.get(&Kind::Person), Some(&3));
        assert_eq!(l.meta.counts.get(&Kind::Organization), Some(&1));
        let ids: Vec<&str> = l.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            ["eu_fsf:EU.7531.45", "eu_fsf:EU.9100.12", "eu_fsf:EU.27.28", "eu_fsf:555"]
        );
        // Only the dates and the document the model cannot hold.
        let u: Vec<(&str, u64)> =
            l.meta.unstructured.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(u, [("birthdate", 2), ("identification", 1)]);
    }

    #[test]
    fn full_fixture_russian_person() {
        let lists = parse("full.xml", FULL);
        let e = entity(&lists, "eu_fsf:EU.7531.45");
        assert_eq!(e.kind, Kind::Person);
        assert_eq!(e.provenance, Provenance { file: "full.xml".into(), record: 1, line: Some(12) });
        // Names: the unmarked Latin name is primary, the Cyrillic one is the
        // original script, the German one (joined from its parts) a strong
        // alias, strong="false" and a "low quality" remark weak aliases.
        let roles: Vec<(&str, NameRole, Option<&str>)> =
            e.names.iter().map(|n| (n.full.as_str(), n.role, n.lang.as_deref())).collect();
        assert_eq!(
            roles,
            [
                ("Ivan Petrovich SIDOROV", NameRole::Primary, None),
                ("Иван Петрович СИДОРОВ", NameRole::OriginalScript, Some("ru")),
                ("Iwan Sidorow", NameRole::Alias, Some("de")),
                ("Ivan Sidorov", NameRole::WeakAlias, None),
                ("Vanya", NameRole::WeakAlias, None),
            ]
        );
        assert_eq!(name(e, "Иван Петрович СИДОРОВ").script, Some(Script::Cyrillic));
        assert_eq!(e.gender, Some(Gender::Male));
        assert_eq!(
            e.positions,
            ["Colonel General", "Deputy Minister of Defence of the Russian Federation"]
        );
        // Birth dates: year only + circa, full date, year + month, range.
        assert_eq!(
            e.birth_dates,
            [
                BirthDate::on(d("1961")).circa(),
                BirthDate::on(d("1962-06-15")),
                BirthDate::on(d("1963-03")),
                BirthDate::between(d("1960"), d("1964")),
            ]
        );
        assert_eq!(
            e.birth_places,
            ["Kirovsky district, Leningrad, 190000, Leningrad Oblast, RUSSIAN FEDERATION"]
        );
        assert!(has_remark(e, "Birth date 1962-06-15: Born in the USSR."));
        // Citizenships, the former one with its dates and region.
        assert_eq!(e.citizenships, [c("RU"), c("UA")]);
        assert!(e.nationalities.is_empty());
        assert!(has_remark(e, "Citizenship UKRAINE: region Crimea; acquired 1991-08-24; lost 2014-03-18; Former citizenship."));
        assert!(has_remark(e, "Citizenship UKRAINE: status: lost"));
        // Passport with all its attributes, the Cyrillic/Latin pair, fiscal code.
        let p = id(e, "720012345");
        assert_eq!(
            (p.kind, p.label.as_str(), p.country),
            (IdKind::Passport, "National passport", Some(c("RU")))
        );
        assert_eq!(
            p.note.as_deref(),
            Some("known expired; issued by FMS 78001; issued 2015-04-01; valid from 2015-04-01; valid to 2025-04-01; name on document: SIDOROV IVAN; (passport)")
        );
        for v in ["АБ 123456", "AB 123456"] {
            let p = id(e, v);
            assert_eq!((p.kind, p.label.as_str()), (IdKind::Passport, "Diplomatic passport"));
            assert_eq!(
                p.note.as_deref(),
                Some("diplomatic; known false; reported lost; revoked by issuer; region: Moscow")
            );
        }
        let t = id(e, "781234567890");
        assert_eq!(
            (t.kind, t.label.as_str(), t.country, t.note.as_deref()),
            (IdKind::TaxId, "Fiscal Code", Some(c("RU")), Some("INN"))
        );
        assert_eq!(e.identifiers.len(), 4);
        // Address.
        let a = &e.addresses[0];
        assert_eq!(a.street.as_deref(), Some("Frunzenskaya Naberezhnaya 22/2"));
        assert_eq!(a.city.as_deref(), Some("Moscow"));
        assert_eq!(a.postal_code.as_deref(), Some("119160"));
        assert_eq!(a.country, Some(c("RU")));
        assert_eq!(a.full, "Frunzenskaya Naberezhnaya 22/2, Moscow, 119160, RUSSIAN FEDERATION");
        assert!(has_remark(e, "Address Frunzenskaya Naberezhnaya 22/2, Moscow, 119160, RUSSIAN FEDERATION: as at listing time"));
        // Two regulations of one programme: one program, the earliest date.
        assert_eq!(e.programs, [Program { code: "UKR".into(), listed_on: Some(d("2022-02-23")) }]);
        assert_eq!(e.listed_on, Some(d("2022-02-23")));
        assert_eq!(e.last_updated, Some(d("2023-03-14")));
        // Entity attributes, remarks, additional information, regulations.
        for r in [
            "EU logical id: 140001",
            "Designation details: Deputy Minister of Defence responsible for the deployment of troops.",
            "Date of listing: 23.2.2022.",
            "Associated entities: Joint Stock Company Example Bank.",
            "reason: Actions undermining the territorial integrity of Ukraine.",
            "Regulation 2022/260 (OJ L42I): regulation by council, published 2022-02-23, in force 2022-02-23, programme UKR, https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022R0260&from=EN",
            "Regulation 2022/260 (OJ L42I): Initial listing.",
            "Regulation 2022/260 (OJ L42I): basis: Article 2(1)",
            "Corrigendum to 2022/260 (OJ L42I): 2022/260 corr. (OJ L55): corrigendum, published 2022-03-01, https://eur-lex.europa.eu/corrigendum/2022-260",
            "Regulation 2023/571 (OJ L75I): amendment by council, published 2023-03-14, in force 2023-03-15, programme UKR, https://eur-lex.europa.eu/eli/reg_impl/2023/571/oj",
        ] {
            assert!(has_remark(e, r), "{r} not in {:#?}", e.remarks);
        }
        // Regulation summaries of regulations already listed add nothing.
        assert_eq!(e.remarks.len(), 14, "{:#?}", e.remarks);
    }

    #[test]
    fn full_fixture_enterprise() {
        let lists = parse("full.xml", FULL);
        let e = entity(&lists, "eu_fsf:EU.9100.12");
        assert_eq!(e.kind, Kind::Organization);
        assert_eq!(e.primary_name(), Some("Joint Stock Company Example Bank"));
        assert_eq!(name(e, "Joint Stock Company Example Bank").lang.as_deref(), Some("en"));
        assert_eq!(name(e, "АО «Пример Банк»").role, NameRole::OriginalScript);
        assert_eq!(name(e, "Example Bank JSC").role, NameRole::WeakAlias);
        // An organization's function is a remark, not a position.
        assert!(e.positions.is_empty());
        assert!(has_remark(e, "Function: Bank"));
        assert_eq!(e.gender, None);
        let r = id(e, "1027700000000");
        assert_eq!(
            (r.kind, r.label.as_str(), r.country, r.note.as_deref()),
            (IdKind::Registration, "Registration Number", Some(c("RU")), Some("OGRN"))
        );
        let s = id(e, "EXMPRUMM");
        // countryIso2Code "00" / "UNKNOWN" is no country.
        assert_eq!(
            (s.kind, s.label.as_str(), s.country, s.note.as_deref()),
            (IdKind::SwiftBic, "SWIFT BIC", None, None)
        );
        assert_eq!(id(e, "7700000000").kind, IdKind::TaxId);
        assert_eq!(id(e, "9876543").kind, IdKind::Imo);
        let t = id(e, "LIC-4411");
        assert_eq!(
            (t.kind, t.label.as_str(), t.country),
            (IdKind::Other, "Trade License Number", Some(c("AE")))
        );
        // Contact information.
        assert_eq!(
            (id(e, "+7 495 000 00 00").kind, id(e, "+7 495 000 00 00").label.as_str()),
            (IdKind::Phone, "PHONE")
        );
        assert_eq!(
            (id(e, "+7 495 000 00 01").kind, id(e, "+7 495 000 00 01").label.as_str()),
            (IdKind::Phone, "FAX")
        );
        assert_eq!(id(e, "info@example-bank.test").kind, IdKind::Email);
        assert_eq!(id(e, "www.example-bank.test").kind, IdKind::Website);
        // The address with a P.O. box and place; the unknown-country one
        // without any part is no address, its remark is kept.
        assert_eq!(e.addresses.len(), 1);
        let a = &e.addresses[0];
        assert_eq!(a.region.as_deref(), Some("Moscow"));
        let full = "Ulitsa Primernaya 1, P.O. Box 77, Tverskoy, Moscow, 101000, Moscow, RUSSIAN FEDERATION";
        assert_eq!(a.full, full);
        assert!(has_remark(e, &format!("Address {full}: Registered office.")));
        assert!(has_remark(e, &format!("Address {full}: TELEX 412345")));
        assert!(has_remark(e, "Address: Branches in several countries."));
        assert_eq!(e.programs, [Program { code: "RUS".into(), listed_on: Some(d("2022-03-15")) }]);
        assert_eq!(e.listed_on, Some(d("2022-03-15")));
    }

    #[test]
    fn full_fixture_several_programmes() {
        let lists = parse("full.xml", FULL);
        let e = entity(&lists, "eu_fsf:EU.27.28");
        assert_eq!(e.primary_name(), Some("Abu Example AL-TESTI"));
        let ar = name(e, "أبو مثال التستي");
        assert_eq!(
            (ar.role, ar.script, ar.lang.as_deref()),
            (NameRole::OriginalScript, Some(Script::Arabic), Some("ar"))
        );
        assert_eq!(name(e, "Abou Exemple al-Testi").role, NameRole::Alias);
        // "(a) …, (b) …" titles and functions are split.
        assert_eq!(
            e.positions,
            ["Sheikh", "Mullah", "Commander of the Example Brigade", "Financier"]
        );
        assert_eq!(
            e.programs,
            [
                Program { code: "TAQA".into(), listed_on: Some(d("2002-05-29")) },
                Program { code: "SYR".into(), listed_on: Some(d("2012-01-19")) },
            ]
        );
        // No designationDate: listed on the first publication.
        assert_eq!(e.listed_on, Some(d("2002-05-29")));
        assert_eq!(e.last_updated, Some(d("2012-01-19")));
        assert!(has_remark(e, "UN reference: QDi.999"));
        // A regulation known only from a summary is described once.
        let summary = "Regulation 561/2002 (OJ L85): regulation, published 2002-04-12, https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:32002R0561";
        assert_eq!(e.remarks.iter().filter(|r| *r == summary).count(), 1);
        // "00" citizenship is nothing; the Syrian one resolves.
        assert_eq!(e.citizenships, [c("SY")]);
        // Islamic calendar and year-less dates are kept as text.
        assert_eq!(e.birth_dates, [BirthDate::on(d("1962-01-01"))]);
        assert_eq!(e.birth_places, ["Aleppo, SYRIAN ARAB REPUBLIC"]);
        assert!(has_remark(e, "Birth date (ISLAMIC calendar): year 1380"));
        assert!(has_remark(e, "Birth date: day 12, month 3 (no year)"));
        // A document without a number.
        assert!(e.identifiers.is_empty());
        assert!(has_remark(
            e,
            "Document: National identification card; SYRIAN ARAB REPUBLIC; Number unknown."
        ));
    }

    #[test]
    fn logical_id_is_the_fallback_id() {
        let lists = parse("full.xml", FULL);
        let e = entity(&lists, "eu_fsf:555");
        assert_eq!(e.primary_name(), Some("Maria TESTOVA"));
        assert_eq!(e.gender, Some(Gender::Female));
        assert!(has_remark(e, "Delisting date: 2026-01-31"));
        assert!(!e.remarks.iter().any(|r| r.starts_with("EU logical id")));
        assert_eq!(e.programs, [Program { code: "CHEM".into(), listed_on: Some(d("2020-10-15")) }]);
    }

    #[test]
    fn minimal_fixture() {
        let lists = parse("minimal.xml", MINIMAL);
        let l = &lists[0];
        assert_eq!(l.entities.len(), 1);
        assert_eq!(l.meta.data_date, Some(d("2025-11-03")));
        assert_eq!(l.meta.data_date_from.as_deref(), Some("generationDate (globalFileId 1)"));
        let e = &l.entities[0];
        assert_eq!(e.id.as_str(), "eu_fsf:EU.1.1");
        assert_eq!(e.kind, Kind::Organization);
        assert_eq!(e.names, [Name::new("Minimal Enterprise", NameRole::Primary)]);
        assert_eq!(e.programs, [Program { code: "UKR".into(), listed_on: Some(d("2014-03-17")) }]);
        assert_eq!(e.listed_on, Some(d("2014-03-17")));
        assert_eq!(e.remarks, ["EU logical id: 1", "Regulation 269/2014 (OJ L78): regulation by council, published 2014-03-17, in force 2014-03-17, programme UKR"]);
        assert!(l.meta.unstructured.is_empty());
    }

    #[test]
    fn truncated_file_is_a_syntax_error() {
        let err = parse_bytes("truncated.xml", TRUNCATED, &lenient()).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)));
        assert_eq!(
            err.to_string(),
            "truncated.xml: line 27: malformed: syntax error: tag not closed: `>` not found before end of input (truncated file?)"
        );
        // Cut between elements.
        let cut = &FULL[..FULL.len() / 2];
        let cut = &cut[..cut.iter().rposition(|&b| b == b'>').unwrap() + 1];
        let err = parse_bytes("cut.xml", cut, &lenient()).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)));
        assert!(err.to_string().contains("the file ends inside <"), "{err}");
        assert!(err.to_string().contains("(truncated file?)"), "{err}");
    }

    #[test]
    fn entity_without_name_alias_is_invalid() {
        let err = parse_bytes("no_name.xml", NO_NAME, &Options::default()).unwrap_err();
        assert!(err.is_record_level());
        assert_eq!(err.to_string(), "no_name.xml: line 3 (record 1): invalid record: sanctionEntity EU.1.1 has no nameAlias");
        let lists = parse_bytes("no_name.xml", NO_NAME, &lenient()).unwrap();
        let l = &lists[0];
        assert_eq!(l.entities.len(), 1);
        assert_eq!(l.entities[0].id.as_str(), "eu_fsf:EU.2.2");
        assert_eq!(l.skipped.len(), 1);
        assert_eq!(l.meta.records, 2);
        assert_eq!(l.skipped[0].to_string(), err.to_string());
    }

    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=\"2024-05-06T10:00:00.000+02:00\" globalFileId=\"9\">\n";

    fn doc(body: &str) -> String {
        format!("{HEAD}{body}</export>\n")
    }

    #[test]
    fn entity_without_any_id_is_invalid() {
        let xml = doc("<sanctionEntity><subjectType code=\"person\" classificationCode=\"P\"/><nameAlias wholeName=\"X\"/></sanctionEntity>\n");
        let err = parse_bytes("eu.xml", xml.as_bytes(), &Options::default()).unwrap_err();
        assert_eq!(err.to_string(), "eu.xml: line 3 (record 1): invalid record: sanctionEntity without euReferenceNumber or logicalId");
        let xml = doc("<sanctionEntity logicalId=\"7\"><nameAlias wholeName=\"\" firstName=\"\"/></sanctionEntity>\n");
        let err = parse_bytes("eu.xml", xml.as_bytes(), &Options::default()).unwrap_err();
        assert!(
            err.to_string().ends_with("invalid record: sanctionEntity 7 has only empty names"),
            "{err}"
        );
    }

    #[test]
    fn unknown_attributes_and_elements_are_kept() {
        let xml = doc(
            "<sanctionEntity euReferenceNumber=\"EU.5.5\" logicalId=\"5\" newAttr=\"v1\">\n\
             <subjectType code=\"vessel\" classificationCode=\"E\"/>\n\
             <nameAlias wholeName=\"Only Weak\" strong=\"false\" colour=\"red\"><remark>good quality</remark></nameAlias>\n\
             <nameAlias wholeName=\"Other Weak\" strong=\"false\"/>\n\
             <shipInfo flag=\"PA\">IMO 1234567</shipInfo>\n\
             <birthdate calendarType=\"GREGORIAN\" year=\"1970\" dayOfMonth=\"4\" countryIso2Code=\"ZZ\" countryDescription=\"NARNIA\"/>\n\
             </sanctionEntity>\n",
        );
        let lists = parse("eu.xml", xml.as_bytes());
        let e = &lists[0].entities[0];
        assert_eq!(e.kind, Kind::Vessel);
        // Without strong names, the first name is the primary one.
        assert_eq!(e.names[0].full, "Only Weak");
        assert_eq!(e.names[0].role, NameRole::Primary);
        assert_eq!(e.names[1].role, NameRole::WeakAlias);
        assert!(has_remark(e, "sanctionEntity newAttr: v1"));
        assert!(has_remark(e, "nameAlias colour: red"));
        assert!(has_remark(e, "shipInfo: IMO 1234567; flag=PA"));
        // A day without a month: the year is kept, the rest as text.
        assert_eq!(e.birth_dates, [BirthDate::on(d("1970"))]);
        assert!(has_remark(e, "Birth date: day 4, year 1970"));
        assert_eq!(e.birth_places, ["NARNIA"]);
        let u = &lists[0].meta.unstructured;
        for k in
            ["sanctionEntity@newAttr", "nameAlias@colour", "sanctionEntity/shipInfo", "birthdate"]
        {
            assert_eq!(u.get(k), Some(&1), "{k} in {u:?}");
        }
    }

    #[test]
    fn prefixed_namespace_and_real_layout() {
        // The layout of the real export (a 2018 excerpt): empty attributes,
        // translations of an organization's name into EU languages.
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<fsd:export xmlns:fsd="http://eu.europa.ec/fpi/fsd/export" generationDate="2018-12-21T14:39:54.511+01:00" globalFileId="118887">
    <fsd:sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.3523.13" logicalId="207">
        <fsd:regulation regulationType="amendment" organisationType="council" publicationDate="2018-03-22" entryIntoForceDate="2018-03-23" numberTitle="2018/468 (OJ L79)" programme="TERR" logicalId="111226">
            <fsd:publicationUrl>http://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32018R0468&amp;qid=1521740406834&amp;from=EN</fsd:publicationUrl>
        </fsd:regulation>
        <fsd:subjectType code="enterprise" classificationCode="E"/>
        <fsd:nameAlias firstName="" middleName="" lastName="" wholeName="İslami Büyük Doğu Akıncılar Cephesi" function="" title="" nameLanguage="" strong="true" regulationLanguage="en" logicalId="6068">
            <fsd:regulationSummary regulationType="amendment" publicationDate="2007-12-20" numberTitle="2007/868/EC (OJ L340)" publicationUrl="http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2007:340:0100:0103:EN:PDF"/>
        </fsd:nameAlias>
        <fsd:nameAlias firstName="" middleName="" lastName="" wholeName="Great Islamic Eastern Warriors Front" function="" title="" nameLanguage="" strong="true" regulationLanguage="en" logicalId="327"/>
        <fsd:nameAlias firstName="" middleName="" lastName="" wholeName="Фронт на великите ислямски източни воини" function="" title="" nameLanguage="BG" strong="true" regulationLanguage="en" logicalId="5659"/>
        <fsd:nameAlias firstName="" middleName="" lastName="" wholeName="Μέγα Ισλαµικό Μέτωπο των Πολεµιστών της Ανατολής" function="" title="" nameLanguage="EL" strong="true" regulationLanguage="en" logicalId="521"/>
        <fsd:nameAlias firstName="" middleName="" lastName="" wholeName="IBDA-C" function="" title="" nameLanguage="" strong="true" regulationLanguage="en" logicalId="328"/>
        <fsd:address city="" street="" poBox="" zipCode="" region="" place="" countryIso2Code="00" countryDescription="UNKNOWN" regulationLanguage="en" logicalId="9"/>
    </fsd:sanctionEntity>
</fsd:export>
"#;
        let lists = parse("export.xml", xml.as_bytes());
        let l = &lists[0];
        assert_eq!(l.meta.data_date, Some(d("2018-12-21")));
        let e = &l.entities[0];
        assert_eq!(e.id.as_str(), "eu_fsf:EU.3523.13");
        let roles: Vec<(&str, NameRole)> =
            e.names.iter().map(|n| (n.full.as_str(), n.role)).collect();
        assert_eq!(
            roles,
            [
                ("İslami Büyük Doğu Akıncılar Cephesi", NameRole::Primary),
                ("Great Islamic Eastern Warriors Front", NameRole::Alias),
                ("Фронт на великите ислямски източни воини", NameRole::OriginalScript),
                ("Μέγα Ισλαµικό Μέτωπο των Πολεµιστών της Ανατολής", NameRole::OriginalScript),
                ("IBDA-C", NameRole::Alias),
            ]
        );
        assert!(e.addresses.is_empty());
        assert!(has_remark(e, "Regulation 2018/468 (OJ L79): amendment by council, published 2018-03-22, in force 2018-03-23, programme TERR, http://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32018R0468&qid=1521740406834&from=EN"));
        assert!(has_remark(e, "Regulation 2007/868/EC (OJ L340): amendment, published 2007-12-20, http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2007:340:0100:0103:EN:PDF"));
        assert!(l.meta.unstructured.is_empty(), "{:?}", l.meta.unstructured);
    }

    #[test]
    fn other_roots_are_rejected() {
        let opts = Options { format: Some(Format::EuXml), ..Options::default() };
        let err = parse_bytes("x.xml", b"<CONSOLIDATED_LIST dateGenerated=\"2020-01-01\"/>", &opts)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.xml: line 1: unknown format: root element <CONSOLIDATED_LIST>, expected <export>"
        );
        let err = parse_bytes("x.xml", b"<export generationDate=\"2020-01-01\"/><export/>", &opts)
            .unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{err}");
    }

    #[test]
    fn enumerations_split() {
        assert_eq!(split_enumerated("(a) Mullah, (b) Maulavi"), ["Mullah", "Maulavi"]);
        assert_eq!(split_enumerated("Minister (b) of Defence"), ["Minister (b) of Defence"]);
        assert_eq!(split_enumerated("(a)"), Vec::<String>::new());
        assert_eq!(split_enumerated("(a) x; (b)"), ["x"]);
    }
}
