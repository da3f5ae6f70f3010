//! FCDO UK Sanctions List (UKSL), as CSV or as the same sheet in ods/xlsx.
//!
//! Since 28 January 2026 the UK Sanctions List is the single UK source and
//! OFSI's ConList is no longer updated. Layout: row 1 `Report Date:
//! 13-Feb-2026` (the data date), row 2 the header (58 columns), then one
//! row per name of a designation. A designation has a `Unique ID` (regime
//! prefix + number: `RUS0251`) and, for those that were on the ConList, the
//! `OFSI Group ID`.
//!
//! Entity ids: `uk_ofsi:<OFSI Group ID>` when there is one, so that ids stay
//! the same across the switch from the ConList; else `uk_ofsi:<Unique ID>`.
//! Rows are therefore grouped by Group ID (else Unique ID): a person
//! designated under several regimes has several Unique IDs but one Group ID,
//! as on the ConList, and becomes one entity with several programs. Every
//! Unique ID is kept as an identifier labelled "UK Sanctions List Ref".
//!
//! Quirks:
//! * columns are found by name, ignoring case, spaces and punctuation
//!   (`Nationality(/ies)`, `Business registration number (s)`);
//! * multi-valued cells are joined with `|` (numbered `(1) .. (2) ..`
//!   values, as on the ConList, are split too);
//! * the 8-column summary export (`Unique ID, OFSI Group ID, Name, Regime
//!   Name, Type, Designation source, Date Designated, Sanctions Imposed`,
//!   ods) is read too: it has one `Name` column (surname first) instead of
//!   `Name 1`..`Name 6`, no report-date row, dates as `dd-mm-yyyy` and
//!   comma-separated sanctions.

use std::borrow::Cow;

use veto_model::{Entity, IdKind, Identifier, Kind, Name, NameRole, Provenance, RelationKind};

use super::sheet::{for_each_row, Columns, Row};
use super::{
    add_address, add_birth_date, add_birth_places, add_countries, add_documents, add_measures,
    add_original_script, add_program, add_registrations, add_relations, add_simple_ids, dated,
    items, join_name, kind_of, max_date, min_date, name_role, parse_date, set_flag, set_gender,
    set_text, vessel, CountryField, Groups,
};
use crate::error::{Error, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::clean;

/// The label of the Unique ID identifier (the same label the ConList
/// parser gives the `(UK Sanctions List Ref)` of its Other Information).
pub const REF_LABEL: &str = "UK Sanctions List Ref";

/// The columns used, by index in the header. All optional except the
/// Unique ID, a name and the designation type.
struct Cols {
    last_updated: Option<usize>,
    unique_id: usize,
    group_id: Option<usize>,
    un_ref: Option<usize>,
    given: [Option<usize>; 5],
    surname: Option<usize>,
    /// The summary export's single `Name` column.
    whole_name: Option<usize>,
    name_type: Option<usize>,
    alias_strength: Option<usize>,
    title: Option<usize>,
    non_latin: Option<usize>,
    non_latin_lang: Option<usize>,
    regime: Option<usize>,
    kind: usize,
    source: Option<usize>,
    sanctions: Option<usize>,
    other: Option<usize>,
    reasons: Option<usize>,
    address: [Option<usize>; 6],
    postcode: Option<usize>,
    country: Option<usize>,
    phone: Option<usize>,
    website: Option<usize>,
    email: Option<usize>,
    designated: Option<usize>,
    dob: Option<usize>,
    nationality: Option<usize>,
    national_id: Option<usize>,
    national_id_info: Option<usize>,
    passport: Option<usize>,
    passport_info: Option<usize>,
    position: Option<usize>,
    gender: Option<usize>,
    town_of_birth: Option<usize>,
    country_of_birth: Option<usize>,
    entity_type: Option<usize>,
    subsidiaries: Option<usize>,
    parent: Option<usize>,
    registration: Option<usize>,
    imo: Option<usize>,
    owner: Option<usize>,
    previous_owner: Option<usize>,
    flag: Option<usize>,
    previous_flags: Option<usize>,
    ship_type: Option<usize>,
    tonnage: Option<usize>,
    length: Option<usize>,
    year_built: Option<usize>,
    hin: Option<usize>,
}

/// Header names that identify a UK Sanctions List header row.
pub(super) const KNOWN: &[&str] = &[
    "Unique ID",
    "OFSI Group ID",
    "Name 6",
    "Name",
    "Name type",
    "Regime Name",
    "Designation Type",
    "Type",
    "Date Designated",
    "Sanctions Imposed",
];

impl Cols {
    fn new(c: &Columns, file: &str, at: Location) -> Result<Cols> {
        let missing =
            |what: &str| Error::syntax(file, at, format!("the header has no {what} column"));
        let f = |names: &[&str]| c.find(names);
        let surname = f(&["Name 6"]);
        let whole_name = f(&["Name", "Full Name"]);
        if surname.is_none() && whole_name.is_none() {
            return Err(missing("'Name 6' (or 'Name')"));
        }
        Ok(Cols {
            last_updated: f(&["Last Updated"]),
            unique_id: f(&["Unique ID"]).ok_or_else(|| missing("'Unique ID'"))?,
            group_id: f(&["OFSI Group ID", "Group ID"]),
            un_ref: f(&["UN Reference Number", "UN Ref"]),
            given: [f(&["Name 1"]), f(&["Name 2"]), f(&["Name 3"]), f(&["Name 4"]), f(&["Name 5"])],
            surname,
            whole_name,
            name_type: f(&["Name type", "Alias Type"]),
            alias_strength: f(&["Alias strength", "Alias Quality"]),
            title: f(&["Title"]),
            non_latin: f(&["Name non-latin script"]),
            non_latin_lang: f(&["Non-latin script language"]),
            regime: f(&["Regime Name", "Regime"]),
            kind: f(&["Designation Type", "Type", "Group Type", "Entity Type"])
                .ok_or_else(|| missing("'Designation Type'"))?,
            source: f(&["Designation source", "Source"]),
            sanctions: f(&["Sanctions Imposed"]),
            other: f(&["Other Information"]),
            reasons: f(&["UK Statement of Reasons", "Statement of Reasons"]),
            address: [
                f(&["Address Line 1", "Address 1"]),
                f(&["Address Line 2", "Address 2"]),
                f(&["Address Line 3", "Address 3"]),
                f(&["Address Line 4", "Address 4"]),
                f(&["Address Line 5", "Address 5"]),
                f(&["Address Line 6", "Address 6"]),
            ],
            postcode: f(&["Address Postal Code", "Postal Code", "Post/Zip Code"]),
            country: f(&["Address Country", "Country"]),
            phone: f(&["Phone number", "Phone numbers"]),
            website: f(&["Website", "Websites"]),
            email: f(&["Email address", "Email addresses"]),
            designated: f(&["Date Designated"]),
            dob: f(&["D.O.B", "Date of birth"]),
            nationality: f(&["Nationality(/ies)", "Nationalities", "Nationality"]),
            national_id: f(&["National Identifier number", "National Identification Number"]),
            national_id_info: f(&[
                "National Identifier additional information",
                "National Identification Details",
            ]),
            passport: f(&["Passport number"]),
            passport_info: f(&["Passport additional information", "Passport Details"]),
            position: f(&["Position"]),
            gender: f(&["Gender"]),
            town_of_birth: f(&["Town of birth"]),
            country_of_birth: f(&["Country of birth"]),
            entity_type: f(&["Type of entity"]),
            subsidiaries: f(&["Subsidiaries"]),
            parent: f(&["Parent company", "Parent companies"]),
            registration: f(&["Business registration number (s)", "Business registration number"]),
            imo: f(&["IMO number"]),
            owner: f(&["Current owner/operator (s)", "Current owner/operator"]),
            previous_owner: f(&["Previous owner/operator (s)", "Previous owner/operator"]),
            flag: f(&["Current believed flag of ship", "Flag of ship"]),
            previous_flags: f(&["Previous flags"]),
            ship_type: f(&["Type of ship"]),
            tonnage: f(&["Tonnage of ship"]),
            length: f(&["Length of ship"]),
            year_built: f(&["Year Built"]),
            hin: f(&["Hull identification number (HIN)", "Hull identification number"]),
        })
    }
}

enum State {
    Preamble,
    Data(Box<Cols>, Columns),
    IsConlist,
}

/// Parses one file.
///
/// # Errors
///
/// Fails on malformed input (no header, a missing required column, a
/// truncated file) or, in strict mode, an invalid row (no Unique ID,
/// unknown or inconsistent designation type, no name).
pub fn parse(input: &Input, sink: &mut Sink) -> Result<Vec<Entity>> {
    let file = input.name.as_str();
    let mut state = State::Preamble;
    let mut groups = Groups::default();
    let res = for_each_row(input, &["UK_Sanction_List", "UK_Sanctions_List", "Data"], |row| {
        if row.is_blank() {
            return Ok(());
        }
        match &state {
            State::Data(cols, columns) => {
                sink.records += 1;
                if let Some(err) = columns.check_width(file, row)? {
                    return sink.bad_record(err);
                }
                return read_row(file, cols, row, &mut groups, sink);
            }
            State::IsConlist => return Ok(()),
            State::Preamble => {}
        }
        let conlist_header = Columns::count_known(row, super::conlist::KNOWN) >= 3;
        if conlist_header || Columns::count_known(row, KNOWN) >= 3 {
            let cols = Columns::new(row);
            if cols.find(&["Unique ID"]).is_none() && cols.find(&["Group ID"]).is_some() {
                // Misdetected: the header is the ConList's.
                state = State::IsConlist;
                return Ok(());
            }
            state = State::Data(Box::new(Cols::new(&cols, file, row.location())?), cols);
            return Ok(());
        }
        // `Report Date: 13-Feb-2026` in one cell, or label and date in two.
        let first = row.get(0);
        if let Some(rest) = strip_prefix_ci(first.trim(), "Report Date") {
            let rest = rest.trim_start_matches([':', ' ']);
            let text = if rest.trim().is_empty() { row.get(1) } else { Cow::Borrowed(rest) };
            match parse_date(&text) {
                Some(d) => sink.set_data_date(d, "Report Date (row 1)"),
                None => sink.unstructured("report date"),
            }
            return Ok(());
        }
        if row.row >= 10 {
            return Err(Error::syntax(
                file,
                row.location(),
                "no UK Sanctions List header row (with 'Unique ID', 'Name 6', ...) in the first 10 rows",
            ));
        }
        Ok(())
    });
    if matches!(state, State::IsConlist) {
        return super::conlist::parse(input, sink);
    }
    res?;
    if matches!(state, State::Preamble) {
        return Err(Error::syntax(
            file,
            Location::File,
            "no UK Sanctions List header row (with 'Unique ID', 'Name 6', ...)",
        ));
    }
    Ok(groups.entities)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

fn read_row(
    file: &str,
    c: &Cols,
    row: &Row<'_>,
    groups: &mut Groups,
    sink: &mut Sink,
) -> Result<()> {
    let bad = |msg: String| Error::invalid(file, row.location(), msg);
    let get = |i: Option<usize>| row.col(i);
    let Some(uid) = clean(&row.get(c.unique_id)) else {
        return sink.bad_record(bad("empty Unique ID".into()));
    };
    let type_text = row.get(c.kind);
    let Some(kind) = kind_of(&type_text) else {
        return sink
            .bad_record(bad(format!("{uid}: unknown designation type '{}'", type_text.trim())));
    };
    let parts: Vec<Cow<'_, str>> = c.given.iter().chain([&c.surname]).map(|&i| get(i)).collect();
    let latin = join_name(parts.iter().map(|s| s.as_ref())).or_else(|| clean(&get(c.whole_name)));
    let non_latin = clean(&get(c.non_latin));
    // The summary export has a designation or two without a name: keep the
    // entity (its other rows may name it); an entity left without any name
    // is reported when the list is finished.
    let key = clean(&get(c.group_id)).unwrap_or_else(|| uid.clone());
    let prov = Provenance { file: file.to_string(), record: row.row, line: row.line };
    let idx = match groups.entity(&key, kind, "designation type", prov, row.location()) {
        Ok(i) => i,
        Err(err) => return sink.bad_record(err),
    };
    let Some(e) = groups.entities.get_mut(idx) else { return Ok(()) };

    Entity::push_unique(&mut e.identifiers, Identifier::new(IdKind::Other, uid, REF_LABEL));
    add_simple_ids(e, IdKind::Other, "UN Ref", &get(c.un_ref));
    if let Some(full) = latin.or(non_latin) {
        let role = match c.name_type {
            Some(_) => name_role(&get(c.name_type), &get(c.alias_strength)),
            None => NameRole::Primary,
        };
        e.add_name(Name::new(full, role));
    }
    add_original_script(e, &get(c.non_latin), &get(c.non_latin_lang));
    for t in items(&get(c.title)) {
        Entity::push_unique(&mut e.positions, t);
    }
    for p in items(&get(c.position)) {
        Entity::push_unique(&mut e.positions, p);
    }

    let name_cols = [
        c.given[0],
        c.given[1],
        c.given[2],
        c.given[3],
        c.given[4],
        c.surname,
        c.whole_name,
        c.name_type,
        c.alias_strength,
        c.non_latin,
        c.non_latin_lang,
        c.other,
    ];
    if groups.fresh_details(idx, row, &name_cols) {
        if let Some(e) = groups.entities.get_mut(idx) {
            details(e, c, kind, row, sink);
        }
    }
    groups.other_info(idx, &get(c.other), sink);
    Ok(())
}

/// Reads the cells other than the name of a row.
fn details(e: &mut Entity, c: &Cols, kind: Kind, row: &Row<'_>, sink: &mut Sink) {
    let get = |i: Option<usize>| row.col(i);
    let designated = dated(e, &get(c.designated), "Date Designated", sink);
    add_program(e, &get(c.regime), designated);
    min_date(&mut e.listed_on, designated);
    let updated = dated(e, &get(c.last_updated), "Last Updated", sink);
    max_date(&mut e.last_updated, updated);
    add_measures(e, &get(c.sanctions));
    remark(e, "Designation source", &get(c.source));

    add_birth_date(e, &get(c.dob), sink);
    add_birth_places(e, &get(c.town_of_birth), &get(c.country_of_birth));
    add_countries(e, CountryField::Nationality, &get(c.nationality), sink);
    set_gender(e, &get(c.gender), sink);
    add_documents(e, IdKind::Passport, "Passport", &get(c.passport), &get(c.passport_info));
    add_documents(
        e,
        IdKind::NationalId,
        "National Identifier number",
        &get(c.national_id),
        &get(c.national_id_info),
    );
    let lines: Vec<_> = c.address.iter().map(|&i| get(i)).collect();
    let lines: Vec<&str> = lines.iter().map(|s| s.as_ref()).collect();
    add_address(e, &lines, &get(c.postcode), &get(c.country), sink);
    add_simple_ids(e, IdKind::Phone, "Phone number", &get(c.phone));
    add_simple_ids(e, IdKind::Website, "Website", &get(c.website));
    add_simple_ids(e, IdKind::Email, "Email address", &get(c.email));

    remark(e, "Type of entity", &get(c.entity_type));
    add_relations(e, RelationKind::Owns, &get(c.subsidiaries));
    add_relations(e, RelationKind::OwnedBy, &get(c.parent));
    add_registrations(e, &get(c.registration));
    add_simple_ids(e, IdKind::Imo, "IMO number", &get(c.imo));
    add_simple_ids(e, IdKind::Other, "Hull identification number (HIN)", &get(c.hin));
    if kind == Kind::Vessel {
        set_text(&mut vessel(e).owner, &get(c.owner));
        set_flag(e, &get(c.flag), sink);
        set_text(&mut vessel(e).vessel_type, &get(c.ship_type));
        set_text(&mut vessel(e).tonnage, &get(c.tonnage));
        set_text(&mut vessel(e).year_built, &get(c.year_built));
    } else {
        remark(e, "Current owner/operator(s)", &get(c.owner));
        remark(e, "Current believed flag of ship", &get(c.flag));
        remark(e, "Type of ship", &get(c.ship_type));
        remark(e, "Tonnage of ship", &get(c.tonnage));
        remark(e, "Year Built", &get(c.year_built));
    }
    remark(e, "Previous owner/operator(s)", &get(c.previous_owner));
    remark(e, "Previous flags", &get(c.previous_flags));
    remark(e, "Length of ship", &get(c.length));

    if let Some(reasons) = clean(&get(c.reasons)) {
        Entity::push_unique(&mut e.remarks, format!("UK Statement of Reasons: {reasons}"));
    }
}

/// Keeps a labelled value with no field of its own in the remarks.
fn remark(e: &mut Entity, label: &str, text: &str) {
    if let Some(t) = clean(text) {
        Entity::push_unique(&mut e.remarks, format!("{label}: {t}"));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use veto_model::{
        Entity, Format, Gender, IdKind, Kind, MeasureKind, NameRole, Precision, RelationKind,
    };

    use crate::testutil::{entity, parse_bytes};
    use crate::{Options, Parsed};

    const SAMPLE: &[u8] = include_bytes!("../../tests/fixtures/uk/UK-Sanctions-List_sample.csv");

    fn names(e: &Entity, role: NameRole) -> Vec<&str> {
        e.names.iter().filter(|n| n.role == role).map(|n| n.full.as_str()).collect()
    }

    fn ids<'a>(e: &'a Entity, label: &str) -> Vec<&'a str> {
        e.identifiers.iter().filter(|i| i.label == label).map(|i| i.value.as_str()).collect()
    }

    fn remark<'a>(e: &'a Entity, prefix: &str) -> Option<&'a str> {
        e.remarks.iter().find(|r| r.starts_with(prefix)).map(String::as_str)
    }

    fn parse(name: &str, bytes: &[u8], lenient: bool) -> crate::Result<Vec<Parsed>> {
        parse_bytes(name, bytes, &Options { lenient, ..Options::default() })
    }

    #[test]
    fn sample_every_column() {
        let lists = parse("UK-Sanctions-List.csv", SAMPLE, false).unwrap();
        let l = &lists[0];
        assert_eq!(l.meta.format, Format::UkSanctionsList);
        assert_eq!(l.meta.records, 13);
        assert_eq!(l.entities.len(), 5);
        assert_eq!(l.meta.data_date.map(|d| d.to_string()).as_deref(), Some("2026-02-13"));
        assert_eq!(l.meta.data_date_from.as_deref(), Some("Report Date (row 1)"));
        assert!(l.meta.unstructured.is_empty(), "{:?}", l.meta.unstructured);

        // An individual with three name rows; the id is the OFSI Group ID.
        let p = entity(&lists, "uk_ofsi:14196");
        assert_eq!(p.kind, Kind::Person);
        assert_eq!(names(p, NameRole::Primary), ["Vladimir Vladimirovich PUTIN"]);
        assert_eq!(names(p, NameRole::Alias), ["Vladimir PUTIN", "Vladimir Vladimirovich PUTIN"]);
        let orig = p.names.iter().find(|n| n.role == NameRole::OriginalScript).unwrap();
        assert_eq!(
            (orig.full.as_str(), orig.lang.as_deref()),
            ("Владимир Владимирович Путин", Some("Russian"))
        );
        assert_eq!(ids(p, "UK Sanctions List Ref"), ["RUS0251"]);
        assert_eq!(p.birth_dates[0].date.to_string(), "1952-10-07");
        assert_eq!(p.birth_places, ["St Petersburg (then Leningrad), Russia"]);
        assert_eq!(p.nationalities.iter().map(|c| c.code()).collect::<Vec<_>>(), ["RU"]);
        assert_eq!(p.gender, Some(Gender::Male));
        assert_eq!(p.positions, ["President of the Russian Federation"]);
        assert_eq!(p.programs.len(), 1);
        assert_eq!(p.programs[0].code, "Russia");
        assert_eq!(p.programs[0].listed_on.map(|d| d.to_string()).as_deref(), Some("2022-02-25"));
        assert_eq!(p.last_updated.map(|d| d.to_string()).as_deref(), Some("2023-03-21"));
        let kinds: Vec<MeasureKind> = p.measures.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [MeasureKind::AssetFreeze, MeasureKind::Other, MeasureKind::Other]);
        assert_eq!(p.measures[1].text, "Director Disqualification Sanction");
        assert_eq!(p.addresses[0].full, "Moscow, Russia");
        assert!(remark(p, "UK Statement of Reasons: Vladimir Vladimirovich Putin is").is_some());
        assert!(remark(p, "Financial sanctions imposed in addition").is_some());
        assert_eq!(remark(p, "Designation source:"), Some("Designation source: UK"));
        assert_eq!(p.provenance.line, Some(3));

        // Two designations (two regimes) of one person share a Group ID.
        let t = entity(&lists, "uk_ofsi:99001");
        assert_eq!(ids(t, "UK Sanctions List Ref"), ["BEL9001", "GHR9001"]);
        let progs: Vec<(&str, String)> = t
            .programs
            .iter()
            .map(|p| (p.code.as_str(), p.listed_on.map(|d| d.to_string()).unwrap_or_default()))
            .collect();
        assert_eq!(
            progs,
            [("Belarus", "2020-12-31".into()), ("Global Human Rights", "2020-09-29".into())]
        );
        assert_eq!(t.listed_on.map(|d| d.to_string()).as_deref(), Some("2020-09-29"));
        assert_eq!(names(t, NameRole::Primary), ["Ivan Petrovich TESTOV"]);
        assert_eq!(names(t, NameRole::Alias), ["Ivan Piatrovich TSESTAU"]);
        let dobs: Vec<(String, Precision)> =
            t.birth_dates.iter().map(|b| (b.date.to_string(), b.date.precision())).collect();
        assert_eq!(dobs, [("1961".into(), Precision::Year), ("1962-12".into(), Precision::Month)]);
        assert_eq!(t.nationalities.iter().map(|c| c.code()).collect::<Vec<_>>(), ["BY", "RU"]);
        assert_eq!(t.birth_places, ["Grodno, Belarus", "Vitebsk, Belarus"]);
        assert_eq!(
            t.positions,
            ["Colonel", "Commander of the Internal Troops", "Deputy Minister of Internal Affairs"]
        );
        let docs: Vec<(IdKind, &str, Option<&str>)> = t
            .identifiers
            .iter()
            .filter(|i| matches!(i.kind, IdKind::Passport | IdKind::NationalId | IdKind::TaxId))
            .map(|i| (i.kind, i.value.as_str(), i.note.as_deref()))
            .collect();
        assert_eq!(
            docs,
            [
                (
                    IdKind::Passport,
                    "MP1234567",
                    Some("Belarus. Issued 01/02/2015. Expires 01/02/2025")
                ),
                (IdKind::NationalId, "3120561A001PB1", Some("Belarus personal number")),
                (IdKind::TaxId, "7701234567", Some("Russia INN")),
            ]
        );
        let a = &t.addresses[0];
        assert_eq!(a.street.as_deref(), Some("12 Nezavisimosti Avenue, Apartment 4, Minsk"));
        assert_eq!(a.postal_code.as_deref(), Some("220030"));
        assert_eq!(a.country.map(|c| c.code().to_string()).as_deref(), Some("BY"));
        assert_eq!(ids(t, "Phone number"), ["+375 17 222 0000"]);
        assert_eq!(ids(t, "Email address"), ["i.testov@example.by"]);
        assert_eq!(
            t.remarks.iter().filter(|r| r.starts_with("UK Statement of Reasons")).count(),
            2
        );

        // An entity: relations, registration numbers, contact details.
        let b = entity(&lists, "uk_ofsi:15076");
        assert_eq!(b.kind, Kind::Organization);
        assert_eq!(
            names(b, NameRole::Primary),
            ["PJSC SBERBANK (PUBLIC JOINT-STOCK COMPANY SBERBANK)"]
        );
        assert_eq!(names(b, NameRole::Alias), ["SBERBANK OF RUSSIA"]);
        assert_eq!(names(b, NameRole::OriginalScript), ["ПАО Сбербанк"]);
        let rel: Vec<(RelationKind, &str)> =
            b.relations.iter().map(|r| (r.kind, r.target_name.as_str())).collect();
        assert_eq!(
            rel,
            [
                (RelationKind::Owns, "Sberbank CIB"),
                (RelationKind::Owns, "Sberbank Leasing"),
                (RelationKind::OwnedBy, "National Wealth Fund of the Russian Federation"),
            ]
        );
        let regs: Vec<(IdKind, &str, &str)> = b
            .identifiers
            .iter()
            .filter(|i| matches!(i.kind, IdKind::Registration | IdKind::TaxId))
            .map(|i| (i.kind, i.label.as_str(), i.value.as_str()))
            .collect();
        assert_eq!(
            regs,
            [(IdKind::Registration, "OGRN", "1027700132195"), (IdKind::TaxId, "INN", "7707083893")]
        );
        assert_eq!(ids(b, "Phone number"), ["+7 495 500 5550", "900"]);
        assert_eq!(ids(b, "Website"), ["www.sberbank.ru"]);
        assert_eq!(ids(b, "Email address"), ["sberbank@sberbank.ru"]);
        assert_eq!(
            remark(b, "Type of entity:"),
            Some("Type of entity: Public Joint Stock Company")
        );
        assert_eq!(b.addresses[0].full, "19 Vavilova St., Moscow, 117997, Russia");
        assert_eq!(b.measures.len(), 3);

        // A ship designated after the switch: no Group ID, id from the Unique ID.
        let s = entity(&lists, "uk_ofsi:RUS2001");
        assert_eq!(s.kind, Kind::Vessel);
        assert_eq!(names(s, NameRole::Primary), ["EXAMPLE TRADER"]);
        assert_eq!(names(s, NameRole::Alias), ["SAMPLE TRADER"]);
        assert_eq!(ids(s, "IMO number"), ["9260067"]);
        assert_eq!(
            s.identifiers.iter().find(|i| i.label == "IMO number").map(|i| i.kind),
            Some(IdKind::Imo)
        );
        assert_eq!(ids(s, "Hull identification number (HIN)"), ["HIN-EX-2004-001"]);
        let v = s.vessel.as_ref().unwrap();
        assert_eq!(
            v.owner.as_deref(),
            Some("Example Shipping Ltd (owner); Example Management LLC (operator)")
        );
        assert_eq!(v.flag.map(|c| c.code().to_string()).as_deref(), Some("GA"));
        assert_eq!(v.vessel_type.as_deref(), Some("Crude Oil Tanker"));
        assert_eq!(v.tonnage.as_deref(), Some("81085"));
        assert_eq!(v.year_built.as_deref(), Some("2004"));
        assert_eq!(remark(s, "Previous flags:"), Some("Previous flags: Panama|Liberia"));
        assert_eq!(remark(s, "Length of ship:"), Some("Length of ship: 244"));
        assert_eq!(
            remark(s, "Previous owner/operator(s):"),
            Some("Previous owner/operator(s): Old Owner Inc")
        );
        assert!(s.measures.iter().all(|m| m.kind == MeasureKind::Other));

        // A UN listing: UN reference, alias strength, partial designation date.
        let u = entity(&lists, "uk_ofsi:99002");
        assert_eq!(ids(u, "UN Ref"), ["QDi.999"]);
        assert_eq!(names(u, NameRole::Alias), ["ABU BAKR"]);
        assert_eq!(names(u, NameRole::WeakAlias), ["THE TEACHER"]);
        assert_eq!(names(u, NameRole::OriginalScript), ["أبو بكر الأمثلي"]);
        assert_eq!(u.listed_on.map(|d| d.to_string()).as_deref(), Some("2015-06"));
        assert_eq!(u.birth_dates[0].date.to_string(), "1980");
        assert!(u.measures.iter().any(|m| m.kind == MeasureKind::ArmsEmbargo));
        assert!(u.measures.iter().any(|m| m.kind == MeasureKind::TravelBan));
        assert_eq!(u.positions, ["Haji"]);
    }

    #[test]
    fn header_names_are_matched_loosely() {
        let csv = "Report Date: 01-Mar-2026\n\
                   unique id,ofsi group id,NAME 6,name 1,NAME TYPE,regime name,designation type,d.o.b.,Nationality (ies),date designated\n\
                   RUS0001,,DOE,John,Primary Name,Russia,Individual,01/02/1970,Russia,01/03/2026\n";
        let lists = parse("uksl.csv", csv.as_bytes(), false).unwrap();
        let e = entity(&lists, "uk_ofsi:RUS0001");
        // A ConList forced through this parser is handed over.
        let conlist = "Last Updated,01/02/2024\nName 6,Name 1,Group ID,Group Type,Alias Type\nDOE,John,7,Individual,Primary name\n";
        let opts = Options { format: Some(Format::UkSanctionsList), ..Options::default() };
        let l = parse_bytes("c.csv", conlist.as_bytes(), &opts).unwrap();
        assert_eq!(l[0].entities[0].id.as_str(), "uk_ofsi:7");
        assert_eq!(names(e, NameRole::Primary), ["John DOE"]);
        assert_eq!(e.birth_dates[0].date.to_string(), "1970-02-01");
        assert_eq!(e.nationalities.len(), 1);
        assert_eq!(lists[0].meta.data_date.map(|d| d.to_string()).as_deref(), Some("2026-03-01"));
    }

    const HEAD: &str = "Report Date: 13-Feb-2026\r\nUnique ID,OFSI Group ID,Name 6,Name 1,Name type,Designation Type,Regime Name,Other Information\r\n";

    #[test]
    fn bad_rows() {
        let body = "RUS0001,1,DOE,John,Primary Name,Individual,Russia,\r\n\
                    ,2,ROE,Rick,Primary Name,Individual,Russia,\r\n\
                    RUS0003,1,DOE LTD,,Alias,Entity,Russia,\r\n\
                    RUS0004,4,ACME,,Primary Name,Robot,Russia,\r\n";
        let csv = format!("{HEAD}{body}");
        let msg = parse("uksl.csv", csv.as_bytes(), false).unwrap_err().to_string();
        assert_eq!(msg, "uksl.csv: line 4 (record 4): invalid record: empty Unique ID");
        let lists = parse("uksl.csv", csv.as_bytes(), true).unwrap();
        let skipped: Vec<String> = lists[0].skipped.iter().map(ToString::to_string).collect();
        assert_eq!(skipped.len(), 3);
        assert!(
            skipped[1].contains("line 5")
                && skipped[1].contains("disagrees")
                && skipped[1].contains("line 3")
        );
        assert!(skipped[2].contains("line 6") && skipped[2].contains("'Robot'"));
        assert_eq!(lists[0].entities.len(), 1);
        assert_eq!(lists[0].meta.records, 4);
    }

    #[test]
    fn truncated_and_missing_columns() {
        let csv =
            format!("{HEAD}RUS0001,1,DOE,John,Primary Name,Individual,Russia,\"Designated for");
        let msg = parse("uksl.csv", csv.as_bytes(), true).unwrap_err().to_string();
        assert!(msg.starts_with("uksl.csv: line 3") && msg.contains("truncated"), "{msg}");
        let csv = "Report Date: 13-Feb-2026\nOFSI Group ID,Name 6,Regime Name,Designation Type\n1,DOE,Russia,Individual\n";
        let msg = parse("uksl.csv", csv.as_bytes(), false).unwrap_err().to_string();
        assert!(msg.contains("no 'Unique ID' column"), "{msg}");
    }

    /// The real 8-column summary export (ods).
    #[test]
    fn real_summary_ods() {
        let path = crate::testutil::data("uk/FCDO_UK_Sanctions_List_summary_2025-08-11.ods");
        let t = std::time::Instant::now();
        let lists = crate::parse_paths(
            std::slice::from_ref(&path),
            &Options { lenient: true, ..Options::default() },
        )
        .unwrap();
        eprintln!("ods: {:?}", t.elapsed());
        let l = &lists[0];
        assert_eq!(l.meta.format, Format::UkSanctionsList);
        assert_eq!(l.meta.records, 5302);
        // 5,302 designations: 16 Group IDs carry two or three designations
        // (one person under several regimes), and two rows have no name.
        assert_eq!(l.entities.len(), 5284);
        assert_eq!(l.skipped.len(), 2);
        assert!(l.skipped.iter().all(|e| e.to_string().contains("has no name")));
        assert_eq!(l.meta.data_date.map(|d| d.to_string()).as_deref(), Some("2025-08-11"));
        let p = entity(&lists, "uk_ofsi:14196");
        assert_eq!(ids(p, "UK Sanctions List Ref"), ["RUS0251"]);
        assert_eq!(names(p, NameRole::Primary), ["PUTIN Vladimir Vladimirovich"]);
        assert_eq!(p.kind, Kind::Person);
        assert_eq!(p.programs[0].code, "Russia");
        assert_eq!(p.programs[0].listed_on.map(|d| d.to_string()).as_deref(), Some("2022-02-25"));
        assert!(p.measures.iter().any(|m| m.kind == MeasureKind::AssetFreeze));
        assert_eq!(remark(p, "Designation source:"), Some("Designation source: UK"));
        // Jafari: one Group ID, three regimes.
        let j = entity(&lists, "uk_ofsi:10638");
        assert_eq!(ids(j, "UK Sanctions List Ref"), ["INU0011", "IRN0058", "SYR0161"]);
        assert_eq!(j.programs.len(), 3);
        // Ships designated after the ConList era have no Group ID.
        assert!(l
            .entities
            .iter()
            .any(|e| e.kind == Kind::Vessel && e.id.native().starts_with("RUS")));
        assert_eq!(l.meta.counts.get(&Kind::Person), Some(&3738));
        assert_eq!(l.meta.counts.get(&Kind::Organization), Some(&1085));
        assert_eq!(l.meta.counts.get(&Kind::Vessel), Some(&461));
        // Misdetected as ConList (no hint in the name), the ConList parser
        // hands it over.
        let bytes = std::fs::read(&path).unwrap();
        let input =
            crate::Input::from_bytes("export.ods".into(), "export.ods".into(), bytes).unwrap();
        assert_eq!(crate::uk::sheet::sheet_is_uksl(&input), Some(true));
        let mut sink = crate::Sink::new(true);
        assert_eq!(crate::uk::conlist::parse(&input, &mut sink).unwrap().len(), 5286);
        assert_eq!(sink.records, 5302);
        // Strict mode stops at the first nameless designation.
        let err = crate::parse_paths(&[path], &Options::default()).unwrap_err().to_string();
        assert!(err.contains("has no name"), "{err}");
    }
}
