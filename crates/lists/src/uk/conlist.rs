//! UK OFSI Consolidated List ("ConList"), as CSV or as the same sheet in
//! xlsx.
//!
//! Layout: row 1 `Last Updated,10/04/2025` (the data date, day first), row 2
//! the header (36 columns), then one row per name variant of a designation.
//! Rows are grouped by `Group ID` into one entity `uk_ofsi:<Group ID>`; a
//! person listed under several regimes has rows for each regime, all with
//! the same Group ID. Columns are found by header name, so reordered
//! exports read the same.
//!
//! Quirks:
//! * names are split in `Name 1`..`Name 5` (given names) and `Name 6`
//!   (surname or organisation name); the full name is given names first,
//!   as OFSI displays it (`Vladimir Vladimirovich PUTIN`);
//! * `Alias Type`: `Primary name`, `Primary name variation` (a spelling
//!   variant), `AKA` (with `Alias Quality` Good/Low for UN listings), `FKA`;
//! * several values in one cell are numbered: `(1) Russia (2) Ukraine`;
//! * dates are `dd/mm/yyyy` with `00` for unknown parts, or `mm/yyyy`, `yyyy`;
//! * many fields live only in the free text "Other Information" behind
//!   bracketed labels (`(UK Sanctions List Ref):RUS0251`, `(Gender):Male`,
//!   `(IMO number):...`, `(Parent company):...`); they are parsed out and
//!   the whole text is kept in the remarks;
//! * the xlsx stores every cell, dates and ids included, as text.

use std::borrow::Cow;

use veto_model::{Entity, IdKind, Name, Provenance};

use super::sheet::{for_each_row, Columns, Row};
use super::{
    add_address, add_birth_date, add_birth_places, add_countries, add_documents,
    add_original_script, add_program, dated, items, join_name, kind_of, max_date, min_date,
    name_role, parse_date, CountryField, Groups,
};
use crate::error::{Error, Location, Result};
use crate::input::Input;
use crate::sink::Sink;
use crate::text::clean;

/// The columns used, by index in the header.
struct Cols {
    given: [Option<usize>; 5],
    surname: usize,
    title: Option<usize>,
    non_latin: Option<usize>,
    non_latin_lang: Option<usize>,
    dob: Option<usize>,
    town_of_birth: Option<usize>,
    country_of_birth: Option<usize>,
    nationality: Option<usize>,
    passport: Option<usize>,
    passport_details: Option<usize>,
    national_id: Option<usize>,
    national_id_details: Option<usize>,
    position: Option<usize>,
    address: [Option<usize>; 6],
    postcode: Option<usize>,
    country: Option<usize>,
    other: Option<usize>,
    group_type: usize,
    alias_type: Option<usize>,
    alias_quality: Option<usize>,
    regime: Option<usize>,
    listed_on: Option<usize>,
    last_updated: Option<usize>,
    group_id: usize,
}

/// Header names that identify a ConList header row.
pub(super) const KNOWN: &[&str] = &[
    "Name 6",
    "Name 1",
    "Group ID",
    "Group Type",
    "Alias Type",
    "Regime",
    "Listed On",
    "DOB",
    "Other Information",
];

impl Cols {
    fn new(c: &Columns, file: &str, at: Location) -> Result<Cols> {
        let need = |name: &str| {
            c.find(&[name]).ok_or_else(|| {
                Error::syntax(file, at, format!("the header has no '{name}' column"))
            })
        };
        let f = |name: &str| c.find(&[name]);
        Ok(Cols {
            given: [f("Name 1"), f("Name 2"), f("Name 3"), f("Name 4"), f("Name 5")],
            surname: need("Name 6")?,
            title: f("Title"),
            non_latin: f("Name Non-Latin Script"),
            non_latin_lang: f("Non-Latin Script Language"),
            dob: f("DOB"),
            town_of_birth: f("Town of Birth"),
            country_of_birth: f("Country of Birth"),
            nationality: f("Nationality"),
            passport: f("Passport Number"),
            passport_details: f("Passport Details"),
            national_id: f("National Identification Number"),
            national_id_details: f("National Identification Details"),
            position: f("Position"),
            address: [
                f("Address 1"),
                f("Address 2"),
                f("Address 3"),
                f("Address 4"),
                f("Address 5"),
                f("Address 6"),
            ],
            postcode: f("Post/Zip Code"),
            country: f("Country"),
            other: f("Other Information"),
            group_type: need("Group Type")?,
            alias_type: f("Alias Type"),
            alias_quality: f("Alias Quality"),
            regime: f("Regime"),
            listed_on: f("Listed On"),
            last_updated: f("Last Updated"),
            group_id: need("Group ID")?,
        })
    }
}

/// What the first rows turned out to be.
enum State {
    /// Still before the header.
    Preamble,
    /// Reading data rows.
    Data(Box<Cols>, Columns),
    /// The header is the UK Sanctions List's: hand over to that parser.
    IsUksl,
}

/// Parses one file.
///
/// # Errors
///
/// Fails on malformed input (no header, a missing required column, a
/// truncated file) or, in strict mode, an invalid row (no Group ID, unknown
/// or inconsistent Group Type, no name).
pub fn parse(input: &Input, sink: &mut Sink) -> Result<Vec<Entity>> {
    let file = input.name.as_str();
    let mut state = State::Preamble;
    let mut groups = Groups::default();
    let res = for_each_row(input, &["Data"], |row| {
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
            State::IsUksl => return Ok(()),
            State::Preamble => {}
        }
        let uksl_header = Columns::count_known(row, super::uksl::KNOWN) >= 3;
        if uksl_header || Columns::count_known(row, KNOWN) >= 3 {
            let cols = Columns::new(row);
            if cols.find(&["Group ID"]).is_none() && cols.find(&["Unique ID"]).is_some() {
                // Misdetected: the header is the UK Sanctions List's.
                state = State::IsUksl;
                return Ok(());
            }
            state = State::Data(Box::new(Cols::new(&cols, file, row.location())?), cols);
            return Ok(());
        }
        if super::sheet::norm_header(&row.get(0)) == "lastupdated" {
            match parse_date(&row.get(1)) {
                Some(d) => sink.set_data_date(d, "Last Updated (row 1)"),
                None => sink.unstructured("last updated"),
            }
            return Ok(());
        }
        if row.row >= 10 {
            return Err(Error::syntax(
                file,
                row.location(),
                "no ConList header row (with 'Name 6', 'Group ID', ...) in the first 10 rows",
            ));
        }
        Ok(())
    });
    if matches!(state, State::IsUksl) {
        return super::uksl::parse(input, sink);
    }
    res?;
    if matches!(state, State::Preamble) {
        return Err(Error::syntax(
            file,
            Location::File,
            "no ConList header row (with 'Name 6', 'Group ID', ...)",
        ));
    }
    Ok(groups.entities)
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
    let Some(gid) = clean(&row.get(c.group_id)) else {
        return sink.bad_record(bad("empty Group ID".into()));
    };
    let type_text = row.get(c.group_type);
    let Some(kind) = kind_of(&type_text) else {
        return sink
            .bad_record(bad(format!("group {gid}: unknown Group Type '{}'", type_text.trim())));
    };
    let parts: Vec<Cow<'_, str>> =
        c.given.iter().map(|&i| get(i)).chain([row.get(c.surname)]).collect();
    let latin = join_name(parts.iter().map(|s| s.as_ref()));
    let non_latin = clean(&get(c.non_latin));
    if latin.is_none() && non_latin.is_none() {
        return sink.bad_record(bad(format!("group {gid}: the row has no name")));
    }
    let prov = Provenance { file: file.to_string(), record: row.row, line: row.line };
    let idx = match groups.entity(&gid, kind, "Group Type", prov, row.location()) {
        Ok(i) => i,
        Err(err) => return sink.bad_record(err),
    };
    let Some(e) = groups.entities.get_mut(idx) else { return Ok(()) };

    if let Some(full) = latin {
        let role = name_role(&get(c.alias_type), &get(c.alias_quality));
        e.add_name(Name::new(full, role));
    }
    add_original_script(e, &get(c.non_latin), &get(c.non_latin_lang));
    let name_cols = [
        c.given[0],
        c.given[1],
        c.given[2],
        c.given[3],
        c.given[4],
        Some(c.surname),
        c.non_latin,
        c.non_latin_lang,
        c.alias_type,
        c.alias_quality,
        c.other,
    ];
    if groups.fresh_details(idx, row, &name_cols) {
        if let Some(e) = groups.entities.get_mut(idx) {
            details(e, c, row, sink);
        }
    }
    groups.other_info(idx, &get(c.other), sink);
    Ok(())
}

/// Reads the cells other than the name of a row.
fn details(e: &mut Entity, c: &Cols, row: &Row<'_>, sink: &mut Sink) {
    let get = |i: Option<usize>| row.col(i);
    for t in items(&get(c.title)) {
        Entity::push_unique(&mut e.positions, t);
    }
    for p in items(&get(c.position)) {
        Entity::push_unique(&mut e.positions, p);
    }
    add_birth_date(e, &get(c.dob), sink);
    add_birth_places(e, &get(c.town_of_birth), &get(c.country_of_birth));
    add_countries(e, CountryField::Nationality, &get(c.nationality), sink);
    add_documents(e, IdKind::Passport, "Passport", &get(c.passport), &get(c.passport_details));
    add_documents(
        e,
        IdKind::NationalId,
        "National Identification Number",
        &get(c.national_id),
        &get(c.national_id_details),
    );
    let lines: Vec<_> = c.address.iter().map(|&i| get(i)).collect();
    let lines: Vec<&str> = lines.iter().map(|s| s.as_ref()).collect();
    add_address(e, &lines, &get(c.postcode), &get(c.country), sink);

    let listed = dated(e, &get(c.listed_on), "Listed On", sink);
    add_program(e, &get(c.regime), listed);
    min_date(&mut e.listed_on, listed);
    let updated = dated(e, &get(c.last_updated), "Last Updated", sink);
    max_date(&mut e.last_updated, updated);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use veto_model::{Entity, Gender, IdKind, Kind, NameRole, Precision, RelationKind};

    use crate::testutil::{entity, parse_bytes, parse_data};
    use crate::{Options, Parsed};

    const CSV: &str = "uk/ConList_2025-04-10.csv.gz";
    const XLSX: &str = "uk/ConList_2025-04-10.xlsx";

    fn names(e: &Entity, role: NameRole) -> Vec<&str> {
        e.names.iter().filter(|n| n.role == role).map(|n| n.full.as_str()).collect()
    }

    fn ids(e: &Entity, kind: IdKind) -> Vec<&str> {
        e.identifiers.iter().filter(|i| i.kind == kind).map(|i| i.value.as_str()).collect()
    }

    fn check_real(lists: &[Parsed]) {
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.meta.format, veto_model::Format::UkConlist);
        assert_eq!(l.entities.len(), 4686);
        assert_eq!(l.meta.records, 18796);
        assert_eq!(l.meta.counts.get(&Kind::Person), Some(&3662));
        assert_eq!(l.meta.counts.get(&Kind::Organization), Some(&1009));
        assert_eq!(l.meta.counts.get(&Kind::Vessel), Some(&15));
        assert_eq!(l.meta.data_date.map(|d| d.to_string()).as_deref(), Some("2025-04-10"));
        assert_eq!(l.meta.data_date_from.as_deref(), Some("Last Updated (row 1)"));
        assert!(l.skipped.is_empty());

        // Putin: Group ID 14196, UK Sanctions List Ref RUS0251.
        let p = entity(lists, "uk_ofsi:14196");
        assert_eq!(p.kind, Kind::Person);
        assert_eq!(names(p, NameRole::Primary), ["Vladimir Vladimirovich PUTIN"]);
        assert!(names(p, NameRole::Alias).contains(&"Vladimir PUTIN"));
        assert_eq!(names(p, NameRole::OriginalScript), ["Владимир Владимирович Путин"]);
        assert_eq!(p.birth_dates.len(), 1);
        assert_eq!(p.birth_dates[0].date.to_string(), "1952-10-07");
        assert_eq!(p.birth_places, ["St Petersburg (then Leningrad), Russia"]);
        assert_eq!(p.nationalities.iter().map(|c| c.code()).collect::<Vec<_>>(), ["RU"]);
        assert_eq!(p.gender, Some(Gender::Male));
        assert_eq!(p.positions, ["President of the Russian Federation"]);
        assert_eq!(p.programs.len(), 1);
        assert_eq!(p.programs[0].code, "Russia");
        assert_eq!(p.programs[0].listed_on.map(|d| d.to_string()).as_deref(), Some("2022-02-25"));
        assert_eq!(p.listed_on.map(|d| d.to_string()).as_deref(), Some("2022-02-25"));
        assert_eq!(p.last_updated.map(|d| d.to_string()).as_deref(), Some("2023-03-21"));
        let r = p.identifiers.iter().find(|i| i.label == "UK Sanctions List Ref").unwrap();
        assert_eq!((r.kind, r.value.as_str()), (IdKind::Other, "RUS0251"));
        assert_eq!(p.addresses.len(), 1);
        assert_eq!(p.addresses[0].country.map(|c| c.code().to_string()).as_deref(), Some("RU"));
        assert!(p.remarks[0].starts_with("(UK Sanctions List Ref):RUS0251."));

        // Ali Kony (13378): birth year only, low-quality aliases, UN Ref.
        let k = entity(lists, "uk_ofsi:13378");
        assert!(k
            .birth_dates
            .iter()
            .any(|b| b.date.to_string() == "1994" && b.date.precision() == Precision::Year));
        assert!(names(k, NameRole::WeakAlias).contains(&"1-P"));
        assert!(k.identifiers.iter().any(|i| i.label == "UN Ref" && i.value == "CFi.010"));
        assert!(k
            .identifiers
            .iter()
            .any(|i| i.label == "UK Sanctions List Ref" && i.value == "CAF0011"));
        // ADF/NALU (13189) is a former name of the ADF.
        assert!(names(entity(lists, "uk_ofsi:13189"), NameRole::Former).contains(&"ADF/NALU"));

        // A ship: AN SAN 1 (13648), particulars from Other Information.
        let s = entity(lists, "uk_ofsi:13648");
        assert_eq!(s.kind, Kind::Vessel);
        assert_eq!(names(s, NameRole::Primary), ["AN SAN 1"]);
        assert_eq!(ids(s, IdKind::Imo), ["7303803"]);
        let v = s.vessel.as_ref().unwrap();
        assert_eq!(v.vessel_type.as_deref(), Some("Chemical Carrier"));
        assert_eq!(v.flag.map(|c| c.code().to_string()).as_deref(), Some("KP"));
        assert_eq!(v.owner.as_deref(), Some("Korean Ansan Shipping"));
        assert_eq!(v.tonnage.as_deref(), Some("1757"));
        assert_eq!(v.year_built.as_deref(), Some("1973"));

        // Sberbank (15076).
        let b = entity(lists, "uk_ofsi:15076");
        assert_eq!(b.kind, Kind::Organization);
        assert_eq!(
            names(b, NameRole::Primary),
            ["PJSC SBERBANK (PUBLIC JOINT-STOCK COMPANY SBERBANK)"]
        );
        assert!(names(b, NameRole::Alias).contains(&"SBERBANK OF RUSSIA"));
        assert_eq!(b.addresses.len(), 1);
        let a = &b.addresses[0];
        assert_eq!(a.full, "19 Vavilova St., Moscow, 117997, Russia");
        assert_eq!(a.postal_code.as_deref(), Some("117997"));

        // Numbered values: two nationalities; passports paired with details.
        let n = entity(lists, "uk_ofsi:14656");
        let codes: Vec<&str> = n.nationalities.iter().map(|c| c.code()).collect();
        assert_eq!(codes, ["RU", "UA"]);
        let aa = entity(lists, "uk_ofsi:13312");
        let pass: Vec<(&str, Option<&str>)> = aa
            .identifiers
            .iter()
            .filter(|i| i.kind == IdKind::Passport)
            .map(|i| (i.value.as_str(), i.note.as_deref()))
            .collect();
        assert_eq!(
            pass,
            [("223611", Some("Libya number")), ("C00146605", Some("British passport number"))]
        );

        // Lukashenko (13918) is listed under two regimes: one entity.
        let lu = entity(lists, "uk_ofsi:13918");
        let mut regimes: Vec<&str> = lu.programs.iter().map(|p| p.code.as_str()).collect();
        regimes.sort_unstable();
        assert_eq!(regimes, ["Belarus", "Global Human Rights"]);

        // An entity with a parent company relation.
        assert!(l.entities.iter().any(|e| e
            .relations
            .iter()
            .any(|r| r.kind == RelationKind::OwnedBy
                && r.target_name == "Russian Ministry of Defence")));
    }

    #[test]
    fn real_csv() {
        check_real(&parse_data(&[CSV]));
    }

    #[test]
    fn real_xlsx_matches_csv() {
        let x = parse_data(&[XLSX]);
        check_real(&x);
        let c = parse_data(&[CSV]);
        let input = crate::Input::read(&crate::testutil::data(XLSX)).unwrap();
        assert_eq!(crate::uk::sheet::sheet_is_uksl(&input), Some(false));
        assert_eq!(x[0].meta.unstructured, c[0].meta.unstructured);
        assert_eq!(x[0].entities.len(), c[0].entities.len());
        for (a, b) in x[0].entities.iter().zip(&c[0].entities) {
            // Same row numbers; only the file name and CSV line differ.
            assert_eq!(a.provenance.record, b.provenance.record);
            assert_eq!(a.provenance.file, "ConList_2025-04-10.xlsx");
            assert_eq!(a.provenance.line, None);
            let mut a = a.clone();
            a.provenance = b.provenance.clone();
            assert_eq!(&a, b);
        }
    }

    /// A few columns only (mapping is by name), in an unusual order.
    const HEAD: &str = "Last Updated,01/02/2024\r\n\
        Group ID,Group Type,Name 6,Name 1,Name 2,DOB,Nationality,Alias Type,Alias Quality,Regime,Listed On,Other Information\r\n";

    fn parse(body: &str, lenient: bool) -> crate::Result<Vec<Parsed>> {
        let opts = Options { lenient, ..Options::default() };
        parse_bytes("ConList.csv", format!("{HEAD}{body}").as_bytes(), &opts)
    }

    #[test]
    fn fixture_by_header_name() {
        let body = "7,Individual,DOE,John,Q,00/05/1970,(1) Russia (2) Ukraine,Primary name,,Russia,01/03/2022,\"(Gender):Female\"\r\n\
                    7,Individual,DOE,Johnny,,05/1970,,AKA,Low quality,Belarus,02/03/2022,\"(Gender):Female\"\r\n\
                    8,Ship,SEA STAR,,,,,Primary name,,Russia,01/03/2022,\"(IMO number):1234567 (Type of ship):Tanker\"\r\n";
        let lists = parse(body, false).unwrap();
        let l = &lists[0];
        assert_eq!(l.meta.data_date.map(|d| d.to_string()).as_deref(), Some("2024-02-01"));
        assert_eq!(l.meta.records, 3);
        assert_eq!(l.entities.len(), 2);
        let e = &l.entities[0];
        assert_eq!(e.id.as_str(), "uk_ofsi:7");
        assert_eq!(names(e, NameRole::Primary), ["John Q DOE"]);
        assert_eq!(names(e, NameRole::WeakAlias), ["Johnny DOE"]);
        assert_eq!(e.birth_dates.len(), 1, "00/05/1970 and 05/1970 are the same date");
        assert_eq!(e.birth_dates[0].date.precision(), Precision::Month);
        assert_eq!(e.gender, Some(Gender::Female));
        assert_eq!(e.programs.len(), 2);
        assert_eq!(e.provenance.line, Some(3));
        let s = &l.entities[1];
        assert_eq!(s.kind, Kind::Vessel);
        assert_eq!(ids(s, IdKind::Imo), ["1234567"]);
        assert_eq!(s.vessel.as_ref().unwrap().vessel_type.as_deref(), Some("Tanker"));
    }

    #[test]
    fn missing_required_column() {
        let csv = "Last Updated,01/02/2024\nName 6,Name 1,Group Type,Regime,DOB\nDOE,John,Individual,Russia,\n";
        let opts = Options { format: Some(veto_model::Format::UkConlist), ..Options::default() };
        let err = parse_bytes("ConList.csv", csv.as_bytes(), &opts).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("ConList.csv") && msg.contains("'Group ID'"), "{msg}");
    }

    #[test]
    fn empty_group_id_is_an_invalid_record() {
        let body = "7,Individual,DOE,John,,,,Primary name,,Russia,,\r\n\
                    ,Individual,ROE,Richard,,,,Primary name,,Russia,,\r\n\
                    9,Entity,ACME,,,,,Primary name,,Russia,,\r\n";
        let err = parse(body, false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "ConList.csv: line 4 (record 4): invalid record: empty Group ID"
        );
        let lists = parse(body, true).unwrap();
        assert_eq!(lists[0].entities.len(), 2);
        assert_eq!(lists[0].meta.records, 3);
        assert_eq!(lists[0].skipped.len(), 1);
        assert!(lists[0].skipped[0].to_string().contains("line 4"));
    }

    #[test]
    fn disagreeing_group_type_is_an_invalid_record() {
        let body = "7,Individual,DOE,John,,,,Primary name,,Russia,,\r\n\
                    7,Entity,DOE LTD,,,,,AKA,,Russia,,\r\n";
        let msg = parse(body, false).unwrap_err().to_string();
        assert!(
            msg.contains("line 4") && msg.contains("disagrees") && msg.contains("line 3"),
            "{msg}"
        );
        let lists = parse(body, true).unwrap();
        assert_eq!(names(&lists[0].entities[0], NameRole::Alias), Vec::<&str>::new());
    }

    #[test]
    fn truncated_file_names_the_line() {
        // Cut inside the quoted Other Information of the last record.
        let body = "7,Individual,DOE,John,,,,Primary name,,Russia,,\r\n\
                    8,Individual,ROE,Richard,,,,Primary name,,Russia,01/01/2020,\"(Gender):Ma";
        let err = parse(body, true).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("ConList.csv: line 4"), "{msg}");
        assert!(msg.contains("truncated"), "{msg}");
        // Cut between fields.
        let body = "7,Individual,DOE,John,,,,Primary name,,Russia,,\r\n8,Individual,ROE,Rich";
        let msg = parse(body, true).unwrap_err().to_string();
        assert!(msg.starts_with("ConList.csv: line 4") && msg.contains("truncated"), "{msg}");
        // A short row in the middle is one bad record, not a truncation.
        let body =
            "7,Individual,DOE,John\r\n8,Individual,ROE,Richard,,,,Primary name,,Russia,,\r\n";
        let lists = parse(body, true).unwrap();
        assert_eq!(lists[0].entities.len(), 1);
        assert!(lists[0].skipped[0].to_string().contains("4 fields where the header has 12"));
    }

    #[test]
    fn no_name_and_unknown_type() {
        let body =
            "7,Individual,,,,,,Primary name,,Russia,,\r\n8,Robot,X,,,,,Primary name,,Russia,,\r\n";
        let lists = parse(body, true).unwrap();
        assert_eq!(lists[0].skipped.len(), 2);
        assert!(lists[0].skipped[0].to_string().contains("no name"));
        assert!(lists[0].skipped[1].to_string().contains("unknown Group Type 'Robot'"));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod timing {
    /// `cargo test --release -p veto-lists uk::conlist::timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn parse_times() {
        let only = std::env::var("UK_TIMING_FILE").unwrap_or_default();
        for f in [
            "uk/ConList_2025-04-10.csv.gz",
            "uk/ConList_2025-04-10.xlsx",
            "uk/FCDO_UK_Sanctions_List_summary_2025-08-11.ods",
        ] {
            if !f.contains(&only) {
                continue;
            }
            let path = crate::testutil::data(f);
            let input = crate::Input::read(&path).unwrap();
            let mut best = std::time::Duration::MAX;
            for _ in 0..5 {
                let input = crate::Input::from_bytes(
                    path.clone(),
                    input.name.clone(),
                    std::fs::read(&path).unwrap(),
                )
                .unwrap();
                let t = std::time::Instant::now();
                let mut sink = crate::Sink::new(true);
                let n = if f.contains("FCDO") {
                    super::super::uksl::parse(&input, &mut sink).unwrap().len()
                } else {
                    super::parse(&input, &mut sink).unwrap().len()
                };
                best = best.min(t.elapsed());
                assert!(n > 4000);
            }
            let mut raw = std::time::Duration::MAX;
            for _ in 0..5 {
                let t = std::time::Instant::now();
                let mut n = 0;
                super::super::sheet::for_each_row(&input, &[], |r| {
                    n += r.len();
                    Ok(())
                })
                .unwrap();
                raw = raw.min(t.elapsed());
                assert!(n > 0);
            }
            eprintln!("{f}: {best:?} (reading rows alone: {raw:?})");
        }
    }
}
