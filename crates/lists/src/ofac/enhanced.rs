//! OFAC Enhanced XML (`sanctionsData`): SDN_ENHANCED.XML, CONS_ENHANCED.XML.
//!
//! The file (default namespace
//! `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML`)
//! has four parts, in this order:
//! - `publicationInfo`: `dataAsOf` (the data date) and `filters` naming the
//!   list the file was cut for (`SDN List`, `Consolidated List`), which
//!   decides the source;
//! - `referenceValues`: every code the entities refer to by `refId`
//!   (countries with their ISO code, alias types, scripts, document types,
//!   directive texts...);
//! - `featureTypes`: the feature types by `featureTypeId`;
//! - `entities`: one `<entity id="...">` per listed party, with
//!   `generalInfo` (type, remarks), `sanctionsLists` (with the date the
//!   entity was published on each), `sanctionsPrograms`, `sanctionsTypes`,
//!   `legalAuthorities`, `names` (each with `translations` in several
//!   scripts), `addresses` (also per script), `features` (birth dates,
//!   places, nationalities, gender, vessel data, directives, websites...),
//!   `identityDocuments` and `relationships` (by entity id).
//!
//! The reference values and feature types are read into maps first; the
//! entities are then streamed one at a time. Every element carries its
//! reference's text inline as well, so the maps matter for what the text
//! lacks: the ISO codes of countries.
//!
//! Mapping choices:
//! - Names: the primary name's primary translation is the
//!   [`NameRole::Primary`] name; its other translations in non-Latin scripts
//!   are [`NameRole::OriginalScript`]. Translations of an alias keep the
//!   alias's role (weak if `isLowQuality`, else former for `F.K.A.`, else
//!   alias) with their script set: a Cyrillic former name is still a former
//!   name, and the matcher weighs roles, not scripts.
//! - Features and document types go through the same label table as the
//!   classic XML's `idType` ([`super::xml::classify`]), so both formats give
//!   the same identifiers, measures and remarks. Birth dates come from the
//!   structured `valueDate` period (a year is `YYYY-01-01..YYYY-12-31`,
//!   ranges and `isApproximate` map to [`BirthDate`] ranges and `circa`).
//! - `sanctionsLists` become programs too (`Sectoral Sanctions
//!   Identifications List`, with the date published), and the earliest date
//!   is the entity's `listed_on`. `sanctionsTypes` become measures: a
//!   directive type (`13662 Sectoral Directive 1`) merges with the directive
//!   feature, `Block` is an asset freeze, `Reject` and `561 Full
//!   Restrictions` prohibit transactions.
//! - Relationships name their target by entity id; `target_id` is set when
//!   that entity is in the file.

use std::collections::{HashMap, HashSet};

use veto_model::country::resolve;
use veto_model::{
    BirthDate, Country, Entity, EntityId, Measure, MeasureKind, Name, NameRole, PartialDate,
    Program, Provenance, Relation, RelationKind, Script, Source,
};

use super::xml::{
    add_measure, alias_role, apply_labelled, authority_in, classify, directive_number, kind_of,
    AddressParts, Field, Node, ValueInfo, XmlReader,
};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::{clean, parse_birth_date_en};

/// Parses an OFAC Enhanced XML file. The source (SDN or Consolidated) is
/// read from the file's publication filters unless `source` forces one.
///
/// # Errors
///
/// Fails on malformed or truncated XML (with the line), a root element
/// other than `<sanctionsData>`, and, in strict mode, invalid entities (no
/// `id`, unknown entity type).
pub fn parse(
    input: &Input,
    source: Option<Source>,
    sink: &mut Sink,
) -> Result<(Source, Vec<Entity>)> {
    let text = input.text()?;
    let mut xml = XmlReader::new(text, &input.name);
    let mut refs = Refs::default();
    let mut source = source;
    let mut entities = Vec::new();
    let mut record = 0u64;
    while let Some(head) = xml.next_start()? {
        match (head.depth, head.name.as_str()) {
            (0, "sanctionsData") => {}
            (0, other) => {
                return Err(Error::file(
                    &input.name,
                    ErrorKind::UnknownFormat(format!(
                        "root element <{other}>; an OFAC Enhanced XML file has <sanctionsData>"
                    )),
                ))
            }
            (1, "publicationInfo") => {
                let node = xml.read_node(head)?;
                if let Some(d) = node.text("dataAsOf") {
                    match d.get(..10).and_then(|s| s.parse::<PartialDate>().ok()) {
                        Some(date) => sink.set_data_date(date, "dataAsOf"),
                        None => sink.unstructured("dataAsOf"),
                    }
                }
                if source.is_none() {
                    source = source_of_filters(&node);
                }
            }
            (1, "referenceValues") => {
                let node = xml.read_node(head)?;
                for rv in node.children("referenceValue") {
                    if let Some(id) = rv.attr("refId") {
                        let value = RefValue {
                            ty: rv.text("type").unwrap_or_default(),
                            value: rv.text("value").unwrap_or_default(),
                            iso: rv.text("isoCode"),
                        };
                        refs.values.insert(id.trim().to_string(), value);
                    }
                }
            }
            (1, "featureTypes") => {
                let node = xml.read_node(head)?;
                for ft in node.children("featureType") {
                    if let (Some(id), Some(ty)) = (ft.attr("featureTypeId"), ft.text("type")) {
                        refs.features.insert(id.trim().to_string(), ty);
                    }
                }
            }
            // The entities are streamed, not read as one node.
            (1, "entities") => {}
            (2, "entity") => {
                record += 1;
                sink.records += 1;
                let line = head.line;
                let src = *source.get_or_insert_with(|| source_of_name(&input.name));
                let node = xml.read_node(head)?;
                match entity(&node, src, &refs, sink) {
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
            // Not in the schema: read past it whole.
            _ => {
                xml.read_node(head)?;
            }
        }
    }
    let source = source.unwrap_or_else(|| source_of_name(&input.name));
    // Relations point at entity ids; keep the ids of entities in the file.
    let ids: HashSet<EntityId> = entities.iter().map(|e| e.id.clone()).collect();
    for e in &mut entities {
        for r in &mut e.relations {
            if r.target_id.as_ref().is_some_and(|t| !ids.contains(t)) {
                r.target_id = None;
            }
        }
    }
    Ok((source, entities))
}

/// The source named by `publicationInfo/filters/sanctionsLists`.
fn source_of_filters(info: &Node) -> Option<Source> {
    let lists: Vec<String> = info
        .child("filters")
        .map(|f| {
            f.grandchildren("sanctionsLists", "sanctionsList").filter_map(Node::value).collect()
        })
        .unwrap_or_default();
    if lists.iter().any(|l| l.eq_ignore_ascii_case("Consolidated List")) {
        Some(Source::UsOfacCons)
    } else if lists.iter().any(|l| l.eq_ignore_ascii_case("SDN List")) {
        Some(Source::UsOfacSdn)
    } else {
        None
    }
}

/// The source when the file does not say: by its name, as for the other
/// OFAC formats (`CONS_ENHANCED.XML`).
fn source_of_name(name: &str) -> Source {
    if name.to_ascii_lowercase().contains("cons") {
        Source::UsOfacCons
    } else {
        Source::UsOfacSdn
    }
}

/// One reference value.
#[derive(Debug)]
struct RefValue {
    ty: String,
    value: String,
    iso: Option<String>,
}

/// The reference tables of the file.
#[derive(Debug, Default)]
struct Refs {
    /// `refId` → reference value.
    values: HashMap<String, RefValue>,
    /// `featureTypeId` → feature type name.
    features: HashMap<String, String>,
}

impl Refs {
    /// The text of a reference element: inline, or else its `refId`'s value.
    fn text(&self, node: Option<&Node>) -> Option<String> {
        let node = node?;
        node.value().or_else(|| {
            let v = &self.values.get(node.attr("refId")?.trim())?.value;
            clean(v)
        })
    }

    /// The country a `refId` stands for, by its ISO code.
    fn country_of_ref(&self, ref_id: &str) -> Option<Country> {
        let rv = self.values.get(ref_id.trim())?;
        if rv.ty != "COUNTRY" {
            return None;
        }
        rv.iso.as_deref().and_then(Country::from_code).or_else(|| resolve(&rv.value))
    }

    /// The country of a country reference element, and its text.
    fn country(&self, node: Option<&Node>) -> (Option<Country>, Option<String>) {
        let Some(node) = node else { return (None, None) };
        let text = self.text(Some(node));
        let country = node
            .attr("refId")
            .and_then(|r| self.country_of_ref(r))
            .or_else(|| text.as_deref().and_then(resolve));
        (country, text)
    }
}

/// Maps one `<entity>` to an entity, or says why it is invalid.
fn entity(
    node: &Node,
    source: Source,
    refs: &Refs,
    sink: &mut Sink,
) -> std::result::Result<Entity, String> {
    let id = node.attr("id").and_then(clean).ok_or("<entity> without an id attribute")?;
    let general = node.child("generalInfo");
    let ty = refs
        .text(general.and_then(|g| g.child("entityType")))
        .ok_or_else(|| format!("entity {id}: no entityType"))?;
    let kind = kind_of(&ty).ok_or_else(|| {
        format!("entity {id}: unknown entityType '{ty}' (expected Individual, Entity, Vessel or Aircraft)")
    })?;
    let mut e = Entity::new(source, &id, kind);
    names(node, &mut e, refs, sink);
    if let Some(g) = general {
        if let Some(t) = g.text("title") {
            e.positions.push(t);
        }
        if let Some(s) = refs.text(g.child("livingStatus")) {
            e.remarks.push(format!("Living status: {s}"));
        }
        for (tag, what) in [("isUsCitizen", "US citizen"), ("isUsPerson", "US person")] {
            if g.flag(tag) {
                e.remarks.push(what.to_string());
            }
        }
    }
    for l in node.grandchildren("sanctionsLists", "sanctionsList") {
        let Some(code) = refs.text(Some(l)) else { continue };
        let listed_on =
            l.attr("datePublished").and_then(|d| d.trim().get(..10)?.parse::<PartialDate>().ok());
        if let Some(d) = listed_on {
            e.listed_on = Some(e.listed_on.map_or(d, |x| x.min(d)));
        }
        Entity::push_unique(&mut e.programs, Program { code, listed_on });
    }
    for p in node.grandchildren("sanctionsPrograms", "sanctionsProgram") {
        if let Some(code) = refs.text(Some(p)) {
            Entity::push_unique(&mut e.programs, Program::new(code));
        }
    }
    let authorities: Vec<String> = node
        .grandchildren("legalAuthorities", "legalAuthority")
        .filter_map(|a| refs.text(Some(a)))
        .collect();
    if !authorities.is_empty() {
        e.remarks.push(format!("Legal authorities: {}", authorities.join("; ")));
    }
    addresses(node, &mut e, refs, sink);
    for f in node.grandchildren("features", "feature") {
        feature(f, &mut e, refs, sink);
    }
    for d in node.grandchildren("identityDocuments", "identityDocument") {
        document(d, &mut e, refs, sink);
    }
    for t in node.grandchildren("sanctionsTypes", "sanctionsType") {
        if let Some(text) = refs.text(Some(t)) {
            add_measure(&mut e, sanctions_type(&text));
        }
    }
    for r in node.grandchildren("relationships", "relationship") {
        let ty = refs.text(r.child("type")).unwrap_or_default();
        let target = r.child("relatedEntity");
        let target_name = target.and_then(Node::value).unwrap_or_default();
        let target_id = target
            .and_then(|t| t.attr("entityId"))
            .and_then(clean)
            .map(|n| EntityId::new(source, &n));
        if target_name.is_empty() && target_id.is_none() {
            continue;
        }
        let kind = relation_kind(&ty).unwrap_or_else(|| {
            sink.unstructured("relationship type");
            RelationKind::Other
        });
        if let Some(c) = r.text("comments") {
            e.remarks.push(format!("{ty} {target_name}: {c}"));
        }
        Entity::push_unique(&mut e.relations, Relation { kind, target_name, target_id });
    }
    if let Some(r) = general.and_then(|g| g.text("remarks")) {
        e.remarks.push(r);
    }
    Ok(e)
}

/// The model's script for the list's script name.
fn script_of(name: &str) -> Option<Script> {
    Some(match name {
        "Latin" => Script::Latin,
        "Cyrillic" => Script::Cyrillic,
        "Arabic" => Script::Arabic,
        "Greek" => Script::Greek,
        "Hebrew" => Script::Hebrew,
        "Armenian" => Script::Armenian,
        "Georgian" => Script::Georgian,
        "Chinese Simplified" | "Chinese Traditional" => Script::Han,
        "Hangul" | "Korean" => Script::Hangul,
        "Thai" => Script::Thai,
        // Japanese mixes kana and kanji: let the text say.
        _ => return None,
    })
}

/// A translation's name: `formattedFullName`, or else its parts with the
/// last name first (`LAST, First Middle`).
fn translation_name(tr: &Node, refs: &Refs) -> Option<String> {
    if let Some(full) = tr.text("formattedFullName") {
        return Some(full);
    }
    let parts: Vec<(String, String)> = tr
        .grandchildren("nameParts", "namePart")
        .filter_map(|p| Some((refs.text(p.child("type")).unwrap_or_default(), p.text("value")?)))
        .collect();
    let last: Vec<&str> =
        parts.iter().filter(|(t, _)| t == "Last Name").map(|(_, v)| v.as_str()).collect();
    let rest: Vec<&str> =
        parts.iter().filter(|(t, _)| t != "Last Name").map(|(_, v)| v.as_str()).collect();
    let join = |v: &[&str]| (!v.is_empty()).then(|| v.join(" "));
    super::xml::full_name(join(&last), join(&rest))
}

fn names(node: &Node, e: &mut Entity, refs: &Refs, sink: &mut Sink) {
    for name in node.grandchildren("names", "name") {
        let role = if name.flag("isPrimary") {
            NameRole::Primary
        } else {
            let alias_type = refs.text(name.child("aliasType")).unwrap_or_default();
            alias_role(&alias_type, name.flag("isLowQuality"), sink)
        };
        let translations: Vec<&Node> = name.grandchildren("translations", "translation").collect();
        let main = translations.iter().position(|t| t.flag("isPrimary")).unwrap_or(0);
        for (i, tr) in translations.iter().enumerate() {
            let Some(text) = translation_name(tr, refs) else { continue };
            let script_name = refs.text(tr.child("script")).unwrap_or_default();
            let script = script_of(&script_name);
            let latin = script.map_or_else(
                || Script::detect(&text) == Some(Script::Latin),
                |s| s == Script::Latin,
            );
            let r = match role {
                NameRole::Primary if i == main => NameRole::Primary,
                NameRole::Primary if latin => NameRole::Alias,
                NameRole::Primary => NameRole::OriginalScript,
                other => other,
            };
            let mut n = Name::new(text, r);
            if script.is_some() {
                n.script = script;
            }
            e.add_name(n);
        }
    }
}

fn addresses(node: &Node, e: &mut Entity, refs: &Refs, sink: &mut Sink) {
    for a in node.grandchildren("addresses", "address") {
        let translations_node = a.child("translations");
        let (country, country_text) = refs.country(
            a.child("country").or_else(|| translations_node.and_then(|t| t.child("country"))),
        );
        let translations: Vec<&Node> =
            translations_node.map(|t| t.children("translation").collect()).unwrap_or_default();
        let mut built = false;
        for tr in &translations {
            let mut p = AddressParts {
                country,
                country_text: country_text.clone(),
                ..AddressParts::default()
            };
            let mut street = Vec::new();
            for part in tr.grandchildren("addressParts", "addressPart") {
                let Some(value) = part.text("value") else { continue };
                match refs.text(part.child("type")).unwrap_or_default().as_str() {
                    "ADDRESS1" | "ADDRESS2" | "ADDRESS3" => street.push(value),
                    "CITY" => p.city = Some(value),
                    "STATE/PROVINCE" => p.region = Some(value),
                    "POSTAL CODE" => p.postal_code = Some(value),
                    "REGION" => {
                        p.region.get_or_insert(value);
                    }
                    _ => {
                        sink.unstructured("address part");
                        street.push(value);
                    }
                }
            }
            if !street.is_empty() {
                p.street = Some(street.join(", "));
            }
            if let Some(addr) = p.build(sink) {
                built = true;
                Entity::push_unique(&mut e.addresses, addr);
            }
        }
        if !built {
            let p = AddressParts { country, country_text, ..AddressParts::default() };
            if let Some(addr) = p.build(sink) {
                Entity::push_unique(&mut e.addresses, addr);
            }
        }
    }
}

/// A `datePeriodType` as text for notes: `2010-01-01`, or a range.
fn period_text(p: &Node) -> Option<String> {
    let b = p.text("fromDateBegin").or_else(|| p.text("fromDateEnd"))?;
    let e = p.text("toDateEnd").or_else(|| p.text("toDateBegin")).unwrap_or_else(|| b.clone());
    let (b, e) = (b.get(..10).unwrap_or(&b).to_string(), e.get(..10).unwrap_or(&e).to_string());
    Some(if b == e { b } else { format!("{b} to {e}") })
}

/// A birth date from a `valueDate` period: the span from `fromDateBegin` to
/// `toDateEnd`, reduced to years or months where it covers whole ones.
fn birth_date_of(p: &Node) -> Option<BirthDate> {
    let day = |k: &str| -> Option<PartialDate> {
        let d: PartialDate = p.text(k)?.get(..10)?.parse().ok()?;
        d.day.is_some().then_some(d)
    };
    let begin = day("fromDateBegin").or_else(|| day("fromDateEnd"))?;
    let end = day("toDateEnd").or_else(|| day("toDateBegin")).unwrap_or(begin);
    let (b, e) = if end < begin { (end, begin) } else { (begin, end) };
    let (bm, bd, em, ed) = (b.month?, b.day?, e.month?, e.day?);
    let month_end = PartialDate { year: e.year, month: Some(em), day: None }.latest().2;
    let (from, to) = if (bm, bd, em, ed) == (1, 1, 12, 31) {
        (PartialDate::year(b.year), PartialDate::year(e.year))
    } else if bd == 1 && ed == month_end {
        (
            PartialDate { year: b.year, month: Some(bm), day: None },
            PartialDate { year: e.year, month: Some(em), day: None },
        )
    } else {
        (b, e)
    };
    let mut bd = if from == to { BirthDate::on(from) } else { BirthDate::between(from, to) };
    bd.circa = p.flag("isApproximate");
    Some(bd)
}

fn feature(f: &Node, e: &mut Entity, refs: &Refs, sink: &mut Sink) {
    let ty = f.child("type");
    let label = ty
        .and_then(Node::value)
        .or_else(|| refs.features.get(ty?.attr("featureTypeId")?.trim()).cloned());
    let value = f.text("value");
    let Some(label) = label else {
        if let Some(v) = value {
            sink.unstructured("feature without type");
            e.remarks.push(v);
        }
        return;
    };
    let mut info = ValueInfo::default();
    if let Some(c) = f.text("valueRefId").and_then(|r| refs.country_of_ref(&r)) {
        info.country = Some(c);
    }
    let mut notes = Vec::new();
    if let Some(r) = refs.text(f.child("reliability")) {
        if r != "Confirmed" {
            notes.push(format!("reliability: {r}"));
        }
    }
    if let Some(c) = f.text("comments") {
        notes.push(c);
    }
    if !notes.is_empty() {
        info.note = Some(notes.join("; "));
    }
    if classify(&label) == Field::BirthDate {
        let date = f
            .child("valueDate")
            .and_then(birth_date_of)
            .or_else(|| value.as_deref().and_then(parse_birth_date_en));
        match date {
            Some(d) => Entity::push_unique(&mut e.birth_dates, d),
            None => {
                if let Some(v) = value {
                    sink.unstructured("date of birth");
                    Entity::push_unique(&mut e.remarks, format!("DOB {v}"));
                }
            }
        }
        return;
    }
    apply_labelled(e, &label, value.as_deref(), info, sink);
}

fn document(d: &Node, e: &mut Entity, refs: &Refs, sink: &mut Sink) {
    let label = refs.text(d.child("type"));
    let number = d.text("documentNumber");
    let Some(label) = label else {
        if let Some(n) = number {
            sink.unstructured("document without type");
            e.remarks.push(n);
        }
        return;
    };
    let mut info = ValueInfo::default();
    let (country, text) = refs.country(d.child("issuingCountry"));
    if let Some(text) = text {
        info.set_country(country, text);
    }
    let mut notes = Vec::new();
    if let Some(a) = d.text("issuingAuthority") {
        notes.push(format!("issued by {a}"));
    }
    if let Some(l) = d.text("issuingLocation") {
        notes.push(format!("issued in {l}"));
    }
    if let Some(p) = d.child("issueDate").and_then(period_text) {
        notes.push(format!("issued {p}"));
    }
    if let Some(p) = d.child("expirationDate").and_then(period_text) {
        notes.push(format!("expires {p}"));
    }
    if d.child("isValid").is_some() && !d.flag("isValid") {
        notes.push("not valid".to_string());
    }
    if let Some(c) = d.text("comments") {
        notes.push(c);
    }
    if !notes.is_empty() {
        info.note = Some(notes.join("; "));
    }
    apply_labelled(e, &label, number.as_deref(), info, sink);
}

/// A measure from a `sanctionsType`.
fn sanctions_type(text: &str) -> Measure {
    let lower = text.to_ascii_lowercase();
    if let Some(n) = directive_number(text) {
        // `13662 Sectoral Directive 1` names the order by number alone.
        let authority = authority_in(text).or_else(|| {
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            (!digits.is_empty()).then(|| format!("EO {digits}"))
        });
        return Measure {
            kind: MeasureKind::SectoralDirective,
            authority,
            directive: Some(n),
            text: text.to_string(),
        };
    }
    let kind = if lower == "block" {
        MeasureKind::AssetFreeze
    } else if lower == "reject" || lower.contains("full restrictions") {
        MeasureKind::TransactionsProhibited
    } else {
        MeasureKind::Other
    };
    Measure { kind, authority: authority_in(text), directive: None, text: text.to_string() }
}

/// The relation kind of a relationship type.
fn relation_kind(ty: &str) -> Option<RelationKind> {
    Some(match ty.trim().to_ascii_lowercase().as_str() {
        "owned or controlled by" => RelationKind::OwnedBy,
        "owns, controls, or operates" => RelationKind::Owns,
        "associate of" => RelationKind::Associate,
        "family member of" => RelationKind::Family,
        "leader or official of" | "principal executive officer" => RelationKind::Director,
        // OFAC's own CSV and classic XML write these as `Linked To:`.
        "acting for or on behalf of"
        | "providing support to"
        | "playing a significant role in"
        | "property in the interest of"
        | "linked to" => RelationKind::LinkedTo,
        _ => return None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::testutil::{entity, parse_bytes, parse_data};
    use crate::{Options, Parsed};
    use veto_model::{IdKind, Kind};

    const FILE: &str = "ofac-consolidated/CONS_ENHANCED_2025-01-10.ZIP";
    const CLASSIC: &str = "ofac-consolidated/consolidated_2026-01-08.xml.gz";

    fn code(c: Option<Country>) -> Option<String> {
        c.map(|c| c.code().to_string())
    }

    #[test]
    fn real_file_counts_date_and_source() {
        let lists = parse_data(&[FILE]);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.meta.key.source, Source::UsOfacCons);
        assert_eq!(l.meta.format, veto_model::Format::OfacEnhancedXml);
        assert_eq!(l.entities.len(), 443);
        assert_eq!(l.meta.records, 443);
        assert_eq!(l.meta.counts.get(&Kind::Person), Some(&80));
        assert_eq!(l.meta.counts.get(&Kind::Organization), Some(&363));
        assert_eq!(l.meta.data_date.map(|d| d.to_string()).as_deref(), Some("2025-01-10"));
        assert_eq!(l.meta.data_date_from.as_deref(), Some("dataAsOf"));
        assert!(l.skipped.is_empty());
        assert_eq!(l.meta.unstructured.get("unknown id type"), None);
        assert_eq!(l.meta.unstructured.get("relationship type"), None);
        // 1,579 names; each has one Latin translation and some a second
        // script.
        let latin = l
            .entities
            .iter()
            .flat_map(|e| &e.names)
            .filter(|n| n.script == Some(Script::Latin))
            .count();
        assert_eq!(latin, 1579);
        let rel: Vec<&Relation> = l.entities.iter().flat_map(|e| &e.relations).collect();
        assert_eq!(rel.len(), 283);
        assert_eq!(rel.iter().filter(|r| r.target_id.is_some()).count(), 282);
        // 692 identity documents + 574 identifier features (websites,
        // ISIN, e-mail, tickers, SWIFT, BIK), less 2 ISINs OFAC repeats.
        let ids: usize = l.entities.iter().map(|e| e.identifiers.len()).sum();
        assert_eq!(ids, 692 + 574 - 2);
    }

    #[test]
    fn source_follows_the_filter_or_the_caller() {
        let xml = |list: &str| {
            format!(
                "<sanctionsData><publicationInfo><dataAsOf>2025-01-10T00:00:00</dataAsOf><filters><sanctionsLists>\
                 <sanctionsList refId=\"1\">{list}</sanctionsList></sanctionsLists></filters></publicationInfo>\
                 <entities><entity id=\"7\"><generalInfo><entityType refId=\"601\">Entity</entityType></generalInfo>\
                 <names><name id=\"1\"><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality><translations>\
                 <translation id=\"1\"><isPrimary>true</isPrimary><script refId=\"20122\">Latin</script>\
                 <formattedFullName>ACME</formattedFullName></translation></translations></name></names></entity></entities></sanctionsData>"
            )
        };
        let src = |list: &str, opts: &Options| {
            parse_bytes("x.xml", xml(list).as_bytes(), opts).unwrap()[0].meta.key.source
        };
        assert_eq!(src("SDN List", &Options::default()), Source::UsOfacSdn);
        assert_eq!(src("Consolidated List", &Options::default()), Source::UsOfacCons);
        let forced = Options { source: Some(Source::UsOfacSdn), ..Options::default() };
        assert_eq!(src("Consolidated List", &forced), Source::UsOfacSdn);
        let lists = parse_bytes("x.xml", xml("SDN List").as_bytes(), &Options::default()).unwrap();
        assert_eq!(entity(&lists, "us_ofac_sdn:7").primary_name(), Some("ACME"));
    }

    #[test]
    fn haniya_dob_and_pob() {
        let lists = parse_data(&[FILE]);
        let e = entity(&lists, "us_ofac_cons:9639");
        assert_eq!(e.kind, Kind::Person);
        assert_eq!(e.primary_name(), Some("HANIYA, Ismail Abdul Salah"));
        assert_eq!(e.birth_dates, vec![BirthDate::on(PartialDate::year(1962))]);
        assert_eq!(e.birth_places, vec!["Shati".to_string()]);
        let codes: Vec<(&str, Option<PartialDate>)> =
            e.programs.iter().map(|p| (p.code.as_str(), p.listed_on)).collect();
        assert_eq!(
            codes,
            [
                ("Non-SDN Palestinian Legislative Council List", "2006-04-12".parse().ok()),
                ("Consolidated List", "2014-10-10".parse().ok()),
                ("NS-PLC", None)
            ]
        );
        assert_eq!(e.listed_on.map(|d| d.to_string()).as_deref(), Some("2006-04-12"));
        assert!(e
            .measures
            .iter()
            .any(|m| m.kind == MeasureKind::TransactionsProhibited && m.text == "Reject"));
        // The empty address element gives no address.
        assert!(e.addresses.is_empty());
    }

    #[test]
    fn sberbank_and_vtb() {
        let lists = parse_data(&[FILE]);
        let sber = entity(&lists, "us_ofac_cons:17018");
        assert_eq!(sber.primary_name(), Some("PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"));
        let orig: Vec<&str> = sber
            .names
            .iter()
            .filter(|n| n.role == NameRole::OriginalScript)
            .map(|n| n.full.as_str())
            .collect();
        assert_eq!(orig, ["ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО СБЕРБАНК РОССИИ"]);
        let cyr_alias = sber.names.iter().find(|n| n.full == "ПАО СБЕРБАНК").unwrap();
        assert_eq!((cyr_alias.role, cyr_alias.script), (NameRole::Alias, Some(Script::Cyrillic)));
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
            .any(|n| n.role == NameRole::Former && n.full == "SBERBANK OF RSFSR"));
        let dirs: Vec<(Option<&str>, Option<&str>)> = sber
            .measures
            .iter()
            .filter(|m| m.kind == MeasureKind::SectoralDirective)
            .map(|m| (m.authority.as_deref(), m.directive.as_deref()))
            .collect();
        assert_eq!(
            dirs,
            [
                (Some("EO 13662"), Some("1")),
                (Some("EO 14024"), Some("3")),
                (Some("EO 14024"), Some("2"))
            ]
        );
        let d1 = sber.measures.iter().find(|m| m.directive.as_deref() == Some("1")).unwrap();
        assert_eq!(
            d1.text,
            "Executive Order 13662 Directive Determination - Subject to Directive 1"
        );
        assert!(sber.measures.iter().any(|m| m.kind == MeasureKind::AssetFreeze));
        let reg = sber.identifiers.iter().find(|i| i.kind == IdKind::Registration).unwrap();
        assert_eq!((reg.value.as_str(), code(reg.country)), ("1027700132195", Some("RU".into())));
        let tax = sber.identifiers.iter().find(|i| i.kind == IdKind::TaxId).unwrap();
        assert_eq!(tax.value, "7707083893");
        assert!(sber
            .identifiers
            .iter()
            .any(|i| i.kind == IdKind::SwiftBic && i.value == "SABRRUMM"));
        assert_eq!(sber.listed_on.map(|d| d.to_string()).as_deref(), Some("2014-09-12"));
        assert!(sber.programs.iter().any(|p| p.code == "Sectoral Sanctions Identifications List"
            && p.listed_on.map(|d| d.to_string()).as_deref() == Some("2014-09-12")));
        // Latin and Cyrillic versions of the Moscow address.
        assert_eq!(sber.addresses[0].full, "19 ul. Vavilova, Moscow, 117312, Russia");
        assert_eq!(sber.addresses[1].full, "ул. Вавилова, д. 19, Москва, 117312, Russia");
        assert_eq!(code(sber.addresses[1].country).as_deref(), Some("RU"));

        let vtb = entity(&lists, "us_ofac_cons:17013");
        assert!(vtb.measures.iter().any(
            |m| m.kind == MeasureKind::SectoralDirective && m.directive.as_deref() == Some("1")
        ));
        let web = vtb.identifiers.iter().find(|i| i.value == "www.vtb.ru").unwrap();
        assert_eq!(web.note.as_deref(), Some("Russian Language website for the bank"));
        let reg = vtb
            .identifiers
            .iter()
            .find(|i| i.kind == IdKind::Registration && i.value == "1027739609391")
            .unwrap();
        assert_eq!(reg.note.as_deref(), Some("issued in Russia"));
    }

    #[test]
    fn relations_and_countries() {
        let lists = parse_data(&[FILE]);
        let e = entity(&lists, "us_ofac_cons:9647");
        assert_eq!(e.gender, Some(veto_model::Gender::Male));
        assert_eq!(e.nationalities.iter().map(|c| c.code()).collect::<Vec<_>>(), ["PS"]);
        assert_eq!(e.relations.len(), 1);
        assert_eq!(e.relations[0].kind, RelationKind::LinkedTo);
        assert_eq!(e.relations[0].target_name, "HAMAS");
        assert_eq!(e.relations[0].target_id, None);
        assert_eq!(e.addresses[0].region.as_deref(), Some("Gaza"));
        assert_eq!(code(e.addresses[0].country).as_deref(), Some("PS"));
        let owned = lists[0]
            .entities
            .iter()
            .flat_map(|e| &e.relations)
            .find(|r| {
                r.kind == RelationKind::OwnedBy && r.target_name == "STATE CORPORATION ROSTEC"
            })
            .unwrap();
        assert_eq!(owned.target_id.as_ref().map(|i| i.as_str()), Some("us_ofac_cons:17260"));
    }

    #[test]
    fn birth_dates_agree_with_their_text() {
        // Every Birthdate feature's structured period says what its text says.
        let input = crate::Input::read(&crate::testutil::data(FILE)).unwrap();
        let text = input.text().unwrap();
        let mut xml = XmlReader::new(text, "x");
        let mut n = 0;
        while let Some(head) = xml.next_start().unwrap() {
            if head.name != "feature" {
                continue;
            }
            let f = xml.read_node(head).unwrap();
            if f.child("type").and_then(Node::value).as_deref() != Some("Birthdate") {
                continue;
            }
            let from_period = f.child("valueDate").and_then(birth_date_of);
            let from_text = f.text("value").as_deref().and_then(parse_birth_date_en);
            assert_eq!(from_period, from_text, "{f:?}");
            n += 1;
        }
        assert_eq!(n, 75);
    }

    #[test]
    fn periods_map_to_birth_dates() {
        let period = |fb: &str, te: &str, approx: bool, range: bool| {
            let xml = format!(
                "<valueDate id=\"1\"><fromDateBegin>{fb}</fromDateBegin><fromDateEnd>{fb}</fromDateEnd>\
                 <toDateBegin>{te}</toDateBegin><toDateEnd>{te}</toDateEnd><isApproximate>{approx}</isApproximate>\
                 <isDateRange>{range}</isDateRange></valueDate>"
            );
            let mut r = XmlReader::new(&xml, "x");
            let head = r.next_start().unwrap().unwrap();
            birth_date_of(&r.read_node(head).unwrap()).map(|d| d.to_string())
        };
        assert_eq!(period("1962-01-01", "1962-12-31", false, false).as_deref(), Some("1962"));
        assert_eq!(period("1952-10-07", "1952-10-07", false, false).as_deref(), Some("1952-10-07"));
        assert_eq!(period("1952-10-01", "1952-10-31", false, false).as_deref(), Some("1952-10"));
        assert_eq!(period("1952-01-01", "1952-12-31", true, false).as_deref(), Some("circa 1952"));
        assert_eq!(
            period("1960-01-01", "1962-12-31", false, true).as_deref(),
            Some("1960 to 1962")
        );
        assert_eq!(
            period("1960-03-05", "1960-04-02", false, true).as_deref(),
            Some("1960-03-05 to 1960-04-02")
        );
        assert_eq!(period("bad", "1960-04-02", false, true), None);
    }

    /// Classic and Enhanced files of the same list, a year apart: for the
    /// entities in both, names, identifiers and directives must mostly agree,
    /// so a parser that drops a kind of data shows up here.
    #[test]
    fn classic_and_enhanced_agree() {
        let enhanced = parse_data(&[FILE]);
        let classic = parse_data(&[CLASSIC]);
        let by_id = |l: &[Parsed]| -> HashMap<String, Entity> {
            l[0].entities.iter().map(|e| (e.id.as_str().to_string(), e.clone())).collect()
        };
        let (enh, cla) = (by_id(&enhanced), by_id(&classic));
        let common: Vec<&String> = cla.keys().filter(|k| enh.contains_key(*k)).collect();
        assert!(common.len() >= 430, "{}", common.len());
        let (mut same_names, mut same_ids, mut same_dirs, mut same_addr, mut same_bio) =
            (0, 0, 0, 0, 0);
        let mut same_programs = 0;
        for id in &common {
            let (c, e) = (&cla[*id], &enh[*id]);
            let names = |x: &Entity| {
                let mut v: Vec<(String, NameRole)> = x
                    .names
                    .iter()
                    .filter(|n| n.script == Some(Script::Latin))
                    .map(|n| (n.full.clone(), n.role))
                    .collect();
                v.sort();
                v
            };
            same_names += usize::from(names(c) == names(e));
            let ids = |x: &Entity| {
                let mut v: Vec<(IdKind, String, Option<Country>)> =
                    x.identifiers.iter().map(|i| (i.kind, i.value.clone(), i.country)).collect();
                v.sort();
                v
            };
            same_ids += usize::from(ids(c) == ids(e));
            let dirs = |x: &Entity| {
                let mut v: Vec<(Option<String>, Option<String>)> = x
                    .measures
                    .iter()
                    .filter(|m| m.kind == MeasureKind::SectoralDirective)
                    .map(|m| (m.authority.clone(), m.directive.clone()))
                    .collect();
                v.sort();
                v
            };
            same_dirs += usize::from(dirs(c) == dirs(e));
            let addr = |x: &Entity| {
                let mut v: Vec<String> = x
                    .addresses
                    .iter()
                    .filter(|a| Script::detect(&a.full) != Some(Script::Cyrillic))
                    .map(|a| a.full.clone())
                    .collect();
                v.sort();
                v
            };
            same_addr += usize::from(addr(c) == addr(e));
            let bio = |x: &Entity| {
                (x.birth_dates.clone(), x.birth_places.clone(), x.nationalities.clone(), x.gender)
            };
            same_bio += usize::from(bio(c) == bio(e));
            same_programs += usize::from(c.programs.iter().all(|p| e.programs.contains(p)));
        }
        let n = common.len();
        assert!(same_names * 100 >= n * 95, "names agree for {same_names} of {n}");
        assert!(same_ids * 100 >= n * 90, "identifiers agree for {same_ids} of {n}");
        assert!(same_dirs * 100 >= n * 98, "directives agree for {same_dirs} of {n}");
        assert!(same_addr * 100 >= n * 95, "addresses agree for {same_addr} of {n}");
        assert!(same_bio * 100 >= n * 98, "birth data agree for {same_bio} of {n}");
        // 11 SSI entries gained RUSSIA-EO14024 between the two files.
        assert!(same_programs * 100 >= n * 97, "programs agree for {same_programs} of {n}");
    }

    #[test]
    fn truncated_file_names_the_line() {
        let full = "<?xml version=\"1.0\"?>\n<sanctionsData>\n<publicationInfo><dataAsOf>2025-01-10T00:00:00</dataAsOf></publicationInfo>\n\
                    <entities>\n<entity id=\"1\">\n<generalInfo><entityType refId=\"601\">Entity</entityType></generalInfo>\n\
                    <names><name id=\"1\"><isPrimary>true</isPrimary><translations><translation id=\"2\"><isPrimary>true</isPrimary>\
                    <formattedFullName>ACME</formattedFullName></translation></translations></name></names>\n</entity>\n</entities>\n</sanctionsData>\n";
        let cut = full.find("<names>").unwrap();
        let err = parse_bytes("CONS_ENHANCED.XML", &full.as_bytes()[..cut], &Options::default())
            .unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{err}");
        assert!(
            err.to_string().starts_with("CONS_ENHANCED.XML: line 7: malformed: unexpected end of file: <entity> opened on line 5"),
            "{err}"
        );
        let cut = full.find("</sanctionsData>").unwrap();
        let err = parse_bytes("CONS_ENHANCED.XML", &full.as_bytes()[..cut], &Options::default())
            .unwrap_err();
        assert!(
            err.to_string().contains("<sanctionsData> opened on line 2 is not closed"),
            "{err}"
        );
        let ok = parse_bytes("CONS_ENHANCED.XML", full.as_bytes(), &Options::default()).unwrap();
        assert_eq!(ok[0].entities.len(), 1);
        assert_eq!(ok[0].meta.key.source, Source::UsOfacCons);
    }

    #[test]
    fn invalid_entities_are_reported_or_skipped() {
        let xml = "<sanctionsData><entities>\n\
            <entity id=\"1\"><generalInfo><entityType>Entity</entityType></generalInfo><names><name><isPrimary>true</isPrimary>\
            <translations><translation><isPrimary>true</isPrimary><formattedFullName>GOOD</formattedFullName></translation></translations></name></names></entity>\n\
            <entity><generalInfo><entityType>Entity</entityType></generalInfo></entity>\n\
            <entity id=\"3\"><generalInfo><entityType>Blimp</entityType></generalInfo></entity>\n\
            </entities></sanctionsData>";
        let err = parse_bytes("SDN_ENHANCED.XML", xml.as_bytes(), &Options::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "SDN_ENHANCED.XML: line 3 (record 2): invalid record: <entity> without an id attribute"
        );
        let lists = parse_bytes(
            "SDN_ENHANCED.XML",
            xml.as_bytes(),
            &Options { lenient: true, ..Options::default() },
        )
        .unwrap();
        let l = &lists[0];
        assert_eq!(l.entities.len(), 1);
        assert_eq!(l.meta.records, 3);
        assert_eq!(l.skipped.len(), 2);
        assert!(l.skipped[1].to_string().contains("line 4 (record 3)"), "{}", l.skipped[1]);
        assert!(
            l.skipped[1].to_string().contains("unknown entityType 'Blimp'"),
            "{}",
            l.skipped[1]
        );
        assert_eq!(l.meta.key.source, Source::UsOfacSdn);
    }

    #[test]
    fn fixture_with_vessel_features_and_documents() {
        let xml = r#"<sanctionsData>
<referenceValues>
<referenceValue refId="11171"><type>COUNTRY</type><value>Russia</value><isoCode>RU</isoCode></referenceValue>
<referenceValue refId="1400"><type>ALIAS TYPE</type><value>A.K.A.</value></referenceValue>
</referenceValues>
<featureTypes><featureType featureTypeId="3"><type>Vessel Flag</type></featureType></featureTypes>
<entities>
<entity id="42"><generalInfo><entityType refId="602">Vessel</entityType><title>ship</title></generalInfo>
<names>
 <name id="1"><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality><translations>
  <translation id="1"><isPrimary>true</isPrimary><script refId="20122">Latin</script>
   <nameParts><namePart id="1"><type refId="1526">Vessel Name</type><value>SEA STAR</value></namePart></nameParts></translation></translations></name>
 <name id="2"><isPrimary>false</isPrimary><aliasType refId="1400"/><isLowQuality>false</isLowQuality><translations>
  <translation id="2"><isPrimary>true</isPrimary><script refId="20122">Latin</script><formattedFullName>STAR &amp; SEA</formattedFullName></translation></translations></name>
</names>
<features>
 <feature id="1"><type featureTypeId="3"/><versionId>1</versionId><value>Russia</value><valueRefId>11171</valueRefId><isPrimary>true</isPrimary></feature>
 <feature id="2"><type featureTypeId="99">Vessel Type</type><versionId>1</versionId><value>Crude Oil Tanker</value><isPrimary>true</isPrimary></feature>
 <feature id="3"><type featureTypeId="98">MMSI</type><versionId>1</versionId><value>273000000</value><isPrimary>true</isPrimary><reliability refId="1">Reported</reliability></feature>
 <feature id="4"><type featureTypeId="97">Brand New Feature</type><versionId>1</versionId><value>x</value><isPrimary>true</isPrimary></feature>
</features>
<identityDocuments>
 <identityDocument id="1"><type refId="1">Vessel Registration Identification</type><name nameId="1" nameTranslationId="1">SEA STAR</name>
  <documentNumber>IMO 9187629</documentNumber><isValid>false</isValid><issuingCountry refId="11171">Russia</issuingCountry>
  <issueDate id="1"><fromDateBegin>2010-01-01</fromDateBegin><toDateEnd>2010-01-01</toDateEnd><isApproximate>false</isApproximate><isDateRange>false</isDateRange></issueDate></identityDocument>
</identityDocuments>
<relationships><relationship id="1"><type refId="1">Owned or Controlled By</type><relatedEntity entityId="43">OWNER CO</relatedEntity></relationship></relationships>
</entity>
<entity id="43"><generalInfo><entityType>Entity</entityType></generalInfo><names><name id="3"><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality>
 <translations><translation id="3"><isPrimary>true</isPrimary><script refId="20122">Latin</script><formattedFullName>OWNER CO</formattedFullName></translation></translations></name></names></entity>
</entities></sanctionsData>"#;
        let lists = parse_bytes("SDN_ENHANCED.XML", xml.as_bytes(), &Options::default()).unwrap();
        let e = entity(&lists, "us_ofac_sdn:42");
        assert_eq!(e.kind, Kind::Vessel);
        assert_eq!(e.primary_name(), Some("SEA STAR"));
        assert!(e.names.iter().any(|n| n.role == NameRole::Alias && n.full == "STAR & SEA"));
        assert_eq!(e.positions, ["ship"]);
        let v = e.vessel.as_ref().unwrap();
        assert_eq!(code(v.flag).as_deref(), Some("RU"));
        assert_eq!(v.vessel_type.as_deref(), Some("Crude Oil Tanker"));
        let mmsi = e.identifiers.iter().find(|i| i.kind == IdKind::Mmsi).unwrap();
        assert_eq!(mmsi.note.as_deref(), Some("reliability: Reported"));
        let imo = e.identifiers.iter().find(|i| i.kind == IdKind::Imo).unwrap();
        assert_eq!(imo.value, "9187629");
        assert_eq!(code(imo.country).as_deref(), Some("RU"));
        assert_eq!(imo.note.as_deref(), Some("issued 2010-01-01; not valid"));
        assert!(e.remarks.contains(&"Brand New Feature x".to_string()));
        assert_eq!(lists[0].meta.unstructured.get("unknown id type"), Some(&1));
        assert_eq!(e.relations[0].kind, RelationKind::OwnedBy);
        assert_eq!(e.relations[0].target_id.as_ref().map(|i| i.as_str()), Some("us_ofac_sdn:43"));
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
        assert!(msg.contains("<entity>") || msg.contains("not closed"), "{msg}");
    }
}
