//! OFAC remarks: the free-text field that carries most of an entry's data.
//!
//! In the legacy CSV (and the `remarks` of the classic XML) OFAC packs dates
//! and places of birth, nationalities, identity documents, weak aliases,
//! links to other entries, vessel and aircraft particulars and sanctions
//! details into one string of clauses separated by `;`:
//!
//! ```text
//! DOB 07 Oct 1952; POB Leningrad, Russia; nationality Russia; citizen Russia;
//! Gender Male; Passport 1234 (Russia) issued 2010; a.k.a. 'X'; Linked To: Y.
//! ```
//!
//! Each clause starts with a label (`DOB`, `Passport`, `Tax ID No.`,
//! `Linked To:`), optionally preceded by `alt.` for a second value; the value
//! of an identifier may be followed by its country in parentheses and notes
//! (`issued ...`, `expires ...`). [`apply`] splits the text into clauses,
//! finds each clause's label in one table (`LABELS`) and stores the value in
//! the entity's field for it. The whole text is also kept verbatim in
//! `entity.remarks`, so a clause that has no field (`Organization Type: ...`)
//! or no known label (`ICTY indictee`) is never lost; such clauses are counted
//! in the sink's unstructured report, by label.
//!
//! Quirks handled:
//! - A `;` inside parentheses does not end a clause (`(Following data ...:
//!   Alt. DOB: ...; Alt. POB: ...)`), nor one inside the quotes of an alias.
//!   Apostrophes are common in names (`'Adlun`, `QA'IDA`), so only the quote
//!   that opens an `a.k.a.`/`f.k.a.`/`n.k.a.` value is treated as a quote.
//!   Unbalanced parentheses or quotes (remarks cut at 1,000 characters) fall
//!   back to splitting at every `;`.
//! - A `;` is sometimes not followed by a space (`possibly Palestinian;arrested`).
//! - The text ends with a `.` that also ends the last clause: `Linked To:
//!   GREEN SHIPPING LTD.` names `GREEN SHIPPING LTD`, while `S.A.` keeps its
//!   dot (a final token with an inner dot is an abbreviation).

use veto_model::country;
use veto_model::{
    Aircraft, Entity, Gender, IdKind, Identifier, Kind, Measure, MeasureKind, Name, NameRole,
    Relation, RelationKind, Vessel,
};

use crate::sink::Sink;
use crate::text::parse_birth_date_en;

/// What to do with the value of a clause, by its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    /// `DOB 07 Oct 1952`: a birth date.
    Dob,
    /// `POB Leningrad, Russia`: a birth place, as written.
    Pob,
    /// `nationality Russia`.
    Nationality,
    /// `citizen Russia`.
    Citizen,
    /// `Gender Male`.
    Gender,
    /// `a.k.a. 'X'`, `f.k.a. 'X'`, `n.k.a. 'X'`: a name with this role;
    /// also `Issuer Name X`, the name under which a Chinese military company
    /// (CMIC) issues securities.
    Name(NameRole),
    /// `Linked To: NAME`.
    LinkedTo,
    /// A typed identifier.
    Id(IdKind),
    /// `Identification Number`: a national id for persons, else another id
    /// (and an IMO number when the value says `IMO`).
    IdNumber,
    /// `Digital Currency Address - XBT <address>`.
    Digital,
    /// `Website http://...`.
    Website,
    /// `Executive Order NNNNN ...`: directives and menu-based sanctions.
    ExecutiveOrder,
    /// `CAATSA Section 235 Information: ...`.
    Caatsa,
    /// `Listing Date (EO 14024 Directive 2): 24 Feb 2022`, `Effective Date
    /// (CMIC) 02 Aug 2021`: dates of a directive or of the CMIC restrictions.
    DirectiveDate,
    /// `Secondary sanctions risk: ...`.
    SecondaryRisk,
    /// `Additional Sanctions Information - Subject to Secondary Sanctions ...`.
    AdditionalSanctions,
    /// `Transactions Prohibited For Persons Owned or Controlled By U.S.
    /// Financial Institutions: ...`.
    TransactionsProhibited,
    /// `IFCA Determination - ...` (Iran Freedom and Counter-Proliferation Act).
    Ifca,
    /// `PEESA Information: ...` (Protecting Europe's Energy Security Act).
    Peesa,
    /// `Purchase/Sales For Divestment Date (CMIC) 03 Jun 2022`.
    Divestment,
    /// A pointer to OFAC's web pages (`For more information on directives`):
    /// nothing to structure, nothing lost.
    Info,
    /// `Vessel Year of Build 1999`.
    VesselYear,
    /// `Other Vessel Type ...`.
    VesselType,
    /// `Vessel Flag ...`: the flag, or another linked country if the flag is known.
    VesselFlag,
    /// `Former Vessel Flag ...`, `Other Vessel Flag ...`: a linked country.
    OtherFlag,
    /// `Other Vessel Call Sign ...`.
    VesselCallSign,
    /// `Aircraft Model ...`.
    AircraftModel,
    /// `Aircraft Manufacture Date ...`.
    AircraftBuilt,
    /// `Aircraft Operator ...`.
    AircraftOperator,
    /// `Nationality of Registration ...`: a linked country.
    RegistrationCountry,
    /// `Position: ...`.
    Position,
    /// A known label whose value has no field in the model
    /// (`Organization Established Date`, `Target Type`): kept in the verbatim
    /// remarks and counted as unstructured under the label.
    NoField,
}

use Action as A;
use IdKind as K;

/// Every clause label veto recognizes, with what its value becomes. Labels
/// match case-insensitively at the start of a clause (after `alt.`); the
/// longest matching label wins, so `Registration ID` and `Registration
/// Number` can share a prefix. From a survey of the shipped files (2021 and
/// 2024 SDN, 2025 Consolidated): every label used more than once is here;
/// what is left are free-text notes (`ICTY indictee`, `HAMAS - Hebron`,
/// `wife of ...`) and positions not repeated in the title column, which stay
/// in the verbatim remarks.
const LABELS: &[(&str, Action)] = &[
    ("DOB", A::Dob),
    ("POB", A::Pob),
    ("nationality", A::Nationality),
    ("citizen", A::Citizen),
    ("Gender", A::Gender),
    ("a.k.a.", A::Name(NameRole::WeakAlias)),
    ("f.k.a.", A::Name(NameRole::Former)),
    ("n.k.a.", A::Name(NameRole::Alias)),
    ("Linked To:", A::LinkedTo),
    ("Position:", A::Position),
    ("Alternate Title", A::Position),
    ("Title", A::Position),
    ("Occupation:", A::Position),
    // Travel and identity documents.
    ("Passport", A::Id(K::Passport)),
    ("Diplomatic Passport", A::Id(K::Passport)),
    ("British National Overseas Passport", A::Id(K::Passport)),
    ("Stateless Person Passport", A::Id(K::Passport)),
    ("National ID No.", A::Id(K::NationalId)),
    ("Cedula No.", A::Id(K::NationalId)),
    ("Personal ID Card", A::Id(K::NationalId)),
    ("D.N.I.", A::Id(K::NationalId)),
    ("C.U.I.", A::Id(K::NationalId)),
    ("C.U.R.P.", A::Id(K::NationalId)),
    ("C.U.R.P. #", A::Id(K::NationalId)),
    ("Kenyan ID No.", A::Id(K::NationalId)),
    ("Numero de Identidad", A::Id(K::NationalId)),
    ("Turkish Identification Number", A::Id(K::NationalId)),
    ("Tazkira National ID Card", A::Id(K::NationalId)),
    ("Citizen's Card Number", A::Id(K::NationalId)),
    ("Moroccan Personal ID No.", A::Id(K::NationalId)),
    ("Bosnian Personal ID No.", A::Id(K::NationalId)),
    ("UAE Identification", A::Id(K::NationalId)),
    ("National Foreign ID Number", A::Id(K::NationalId)),
    ("CNP (Personal Numerical Code)", A::Id(K::NationalId)),
    ("LE Number", A::Id(K::NationalId)),
    ("N.I.E.", A::Id(K::NationalId)),
    ("Identification Number", A::IdNumber),
    ("Residency Number", A::Id(K::Other)),
    ("Birth Certificate Number", A::Id(K::Other)),
    ("Electoral Registry No.", A::Id(K::Other)),
    ("Credencial electoral", A::Id(K::Other)),
    ("I.F.E.", A::Id(K::Other)),
    ("Cartilla de Servicio Militar Nacional", A::Id(K::Other)),
    ("Military Registration Number", A::Id(K::Other)),
    ("Travel Document Number", A::Id(K::Other)),
    ("Refugee ID Card", A::Id(K::Other)),
    ("Stateless Person ID Card", A::Id(K::Other)),
    ("Romanian Permanent Resident CAN", A::Id(K::Other)),
    ("Permit Number", A::Id(K::Other)),
    ("SRE Permit No.", A::Id(K::Other)),
    ("VisaNumberID", A::Id(K::Other)),
    ("Immigration No.", A::Id(K::Other)),
    ("Seafarer's Identification Document", A::Id(K::Other)),
    ("Pilot License Number", A::Id(K::Other)),
    ("Public Security and Immigration No.", A::Id(K::Other)),
    ("Tarjeta Profesional", A::Id(K::Other)),
    ("Driver's License No.", A::Id(K::DriversLicense)),
    ("SSN", A::Id(K::SocialSecurity)),
    // Tax numbers.
    ("Tax ID No.", A::Id(K::TaxId)),
    ("RFC", A::Id(K::TaxId)),
    ("R.F.C.", A::Id(K::TaxId)),
    ("NIT #", A::Id(K::TaxId)),
    ("RUC #", A::Id(K::TaxId)),
    ("C.U.I.T.", A::Id(K::TaxId)),
    ("RIF #", A::Id(K::TaxId)),
    ("V.A.T. Number", A::Id(K::TaxId)),
    ("US FEIN", A::Id(K::TaxId)),
    ("Paraguayan tax identification number", A::Id(K::TaxId)),
    ("Romanian Tax Registration", A::Id(K::TaxId)),
    ("Fiscal Code", A::Id(K::TaxId)),
    ("Italian Fiscal Code", A::Id(K::TaxId)),
    ("N.I.F.", A::Id(K::TaxId)),
    ("C.I.F.", A::Id(K::TaxId)),
    ("RTN", A::Id(K::TaxId)),
    ("RSIN", A::Id(K::TaxId)),
    ("Numero Unico de Identificacao Tributaria (NUIT)", A::Id(K::TaxId)),
    // Company and business registrations.
    ("Registration ID", A::Id(K::Registration)),
    ("Registration Number", A::Id(K::Registration)),
    ("Business Registration Number", A::Id(K::Registration)),
    ("Business Registration Document #", A::Id(K::Registration)),
    ("Business Number", A::Id(K::Registration)),
    ("Company Number", A::Id(K::Registration)),
    ("UK Company Number", A::Id(K::Registration)),
    ("Company ID", A::Id(K::Registration)),
    ("Government Gazette Number", A::Id(K::Registration)),
    ("Folio Mercantil No.", A::Id(K::Registration)),
    ("Matricula Mercantil No", A::Id(K::Registration)),
    ("Commercial Registry Number", A::Id(K::Registration)),
    ("C.R. No.", A::Id(K::Registration)),
    ("Romanian C.R.", A::Id(K::Registration)),
    ("Trade License No.", A::Id(K::Registration)),
    ("Tourism License No.", A::Id(K::Registration)),
    ("License", A::Id(K::Registration)),
    ("Unified Social Credit Code (USCC)", A::Id(K::Registration)),
    ("United Social Credit Code Certificate (USCCC)", A::Id(K::Registration)),
    ("Economic Register Number (CBLS)", A::Id(K::Registration)),
    ("Chamber of Commerce Number", A::Id(K::Registration)),
    ("Istanbul Chamber of Comm. No.", A::Id(K::Registration)),
    ("Dubai Chamber of Commerce Membership No.", A::Id(K::Registration)),
    ("Central Registration System Number", A::Id(K::Registration)),
    ("Public Registration Number", A::Id(K::Registration)),
    ("Registered Charity No.", A::Id(K::Registration)),
    ("Enterprise Number", A::Id(K::Registration)),
    ("Branch Unit Number", A::Id(K::Registration)),
    ("Certificate of Incorporation Number", A::Id(K::Registration)),
    ("Registration Certificate Number", A::Id(K::Registration)),
    ("Organization Code", A::Id(K::Registration)),
    ("D-U-N-S Number", A::Id(K::Registration)),
    ("MSB Registration Number", A::Id(K::Registration)),
    ("Afghan Money Service Provider License Number", A::Id(K::Registration)),
    (
        "Russian State Individual Business Registration Number Pattern (OGRNIP)",
        A::Id(K::Registration),
    ),
    ("C.I.N.", A::Id(K::Registration)),
    ("File Number", A::Id(K::Registration)),
    ("Legal Entity Number", A::Id(K::Lei)),
    ("SWIFT/BIC", A::Id(K::SwiftBic)),
    ("BIK (RU)", A::Id(K::Other)),
    ("ISIN", A::Id(K::Other)),
    ("Equity Ticker", A::Id(K::Other)),
    ("Chinese Commercial Code", A::Id(K::Other)),
    ("Trademark number", A::Id(K::Other)),
    ("Serial No.", A::Id(K::Other)),
    ("UN/LOCODE", A::Id(K::Other)),
    ("MICEX Code", A::Id(K::Other)),
    // Contact details.
    ("Email Address", A::Id(K::Email)),
    ("Email", A::Id(K::Email)),
    ("Website", A::Website),
    ("Phone Number", A::Id(K::Phone)),
    ("Phone No.", A::Id(K::Phone)),
    ("Phone", A::Id(K::Phone)),
    ("Telephone", A::Id(K::Phone)),
    ("Telephone No.", A::Id(K::Phone)),
    ("Fax", A::Id(K::Phone)),
    ("Fax No.", A::Id(K::Phone)),
    ("TELEX", A::Id(K::Other)),
    ("Digital Currency Address", A::Digital),
    // Vessels.
    ("Vessel Registration Identification", A::Id(K::Imo)),
    ("International Maritime Organization No.", A::Id(K::Imo)),
    ("MMSI", A::Id(K::Mmsi)),
    ("Vessel Year of Build", A::VesselYear),
    ("Vessel Type", A::VesselType),
    ("Other Vessel Type", A::VesselType),
    ("Vessel Flag", A::VesselFlag),
    ("Other Vessel Flag", A::OtherFlag),
    ("Former Vessel Flag", A::OtherFlag),
    ("Other Vessel Call Sign", A::VesselCallSign),
    // Aircraft.
    ("Aircraft Construction Number (also called L/N or S/N or F/N)", A::Id(K::AircraftSerial)),
    ("Aircraft Construction Number", A::Id(K::AircraftSerial)),
    ("Aircraft Manufacturer's Serial Number (MSN)", A::Id(K::AircraftSerial)),
    ("Aircraft Serial Identification", A::Id(K::AircraftSerial)),
    ("Aircraft Tail Number", A::Id(K::AircraftTail)),
    ("Previous Aircraft Tail Number", A::Id(K::AircraftTail)),
    ("Aircraft Mode S Transponder Code", A::Id(K::Other)),
    ("Aircraft Model", A::AircraftModel),
    ("Aircraft Manufacture Date", A::AircraftBuilt),
    ("Aircraft Operator", A::AircraftOperator),
    ("Nationality of Registration", A::RegistrationCountry),
    ("Registration Country", A::RegistrationCountry),
    // Sanctions details.
    ("Executive Order", A::ExecutiveOrder),
    ("CAATSA", A::Caatsa),
    ("Listing Date", A::DirectiveDate),
    ("Effective Date", A::DirectiveDate),
    ("Secondary sanctions risk:", A::SecondaryRisk),
    ("Additional Sanctions Information", A::AdditionalSanctions),
    ("Transactions Prohibited For Persons Owned or Controlled By", A::TransactionsProhibited),
    ("IFCA Determination", A::Ifca),
    ("PEESA Information:", A::Peesa),
    ("Purchase/Sales For Divestment Date", A::Divestment),
    ("For more information", A::Info),
    ("United States financial institutions are prohibited", A::TransactionsProhibited),
    ("Issuer Name", A::Name(NameRole::Alias)),
    // Known, but no field in the model.
    ("Organization Established Date", A::NoField),
    ("Organization Type:", A::NoField),
    ("Target Type", A::NoField),
    ("ethnicity", A::NoField),
    ("Tribe:", A::NoField),
    ("Subtribe:", A::NoField),
    ("arrested", A::NoField),
    ("all offices worldwide", A::NoField),
    ("All Branches Worldwide", A::NoField),
    ("and all other locations worldwide", A::NoField),
];

/// The labels by the lowercase ASCII first byte, each bucket sorted longest
/// first so that the first match is the longest (and a clause is compared
/// with a handful of labels, not all of them).
fn buckets() -> &'static [Vec<(&'static str, Action)>] {
    static BUCKETS: std::sync::OnceLock<Vec<Vec<(&'static str, Action)>>> =
        std::sync::OnceLock::new();
    BUCKETS.get_or_init(|| {
        let mut v: Vec<Vec<(&'static str, Action)>> = vec![Vec::new(); 128];
        for &(label, action) in LABELS {
            if let Some(slot) =
                label.bytes().next().and_then(|b| v.get_mut(usize::from(b.to_ascii_lowercase())))
            {
                slot.push((label, action));
            }
        }
        for bucket in &mut v {
            bucket.sort_by_key(|(l, _)| std::cmp::Reverse(l.len()));
        }
        v
    })
}

/// The label a clause starts with (case-insensitive, ending at a word
/// boundary), its action and the rest of the clause.
fn find_label(clause: &str) -> Option<(&'static str, Action, &str)> {
    let b = clause.as_bytes();
    let first = usize::from(b.first()?.to_ascii_lowercase());
    for &(label, action) in buckets().get(first)? {
        let l = label.as_bytes();
        if b.len() < l.len() || !b[..l.len()].eq_ignore_ascii_case(l) {
            continue;
        }
        let ends_word = l.last().is_some_and(u8::is_ascii_alphanumeric);
        if ends_word && b.get(l.len()).is_some_and(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        // `l.len()` is a char boundary: the label is ASCII and matched.
        let rest = clause.get(l.len()..).unwrap_or("");
        return Some((label, action, rest.trim_start_matches([' ', ':', ',']).trim()));
    }
    None
}

/// Splits remarks into clauses at `;`, except inside parentheses and inside
/// the quoted value of an alias. Falls back to splitting at every `;` when
/// a parenthesis or quote is left open (truncated remarks).
pub fn split_clauses(text: &str) -> Vec<&str> {
    split_with(text, true).unwrap_or_else(|| split_with(text, false).unwrap_or_default())
}

fn split_with(text: &str, protect: bool) -> Option<Vec<&str>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut quoted = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' if protect && !quoted => depth += 1,
            b')' if protect && !quoted => depth = depth.saturating_sub(1),
            b'\'' if protect && depth == 0 => {
                if quoted {
                    quoted = b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
                } else {
                    let before = text[start..i].trim_end();
                    quoted = before.len() >= 6 && before.ends_with(".k.a.");
                }
            }
            b';' if depth == 0 && !quoted => {
                out.push(text[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth > 0 || quoted {
        return None;
    }
    out.push(text[start..].trim());
    out.retain(|c| !c.is_empty());
    Some(out)
}

/// Removes the dot that ends a clause, unless it belongs to an abbreviation
/// (`S.A.`, `C.V.`, `U.S.`): a last word of letters with another dot inside.
fn strip_final_dot(s: &str) -> &str {
    let t = s.trim_end();
    let Some(body) = t.strip_suffix('.') else { return t };
    let last_word = body.rsplit(' ').next().unwrap_or("");
    if last_word.contains('.') && last_word.chars().all(|c| c.is_alphabetic() || c == '.') {
        t
    } else {
        body.trim_end()
    }
}

/// Removes a leading `alt.` (second value of the same kind).
fn strip_alt(s: &str) -> &str {
    let b = s.as_bytes();
    if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"alt.") && b[4] == b' ' {
        s[5..].trim_start()
    } else {
        s
    }
}

/// Parses OFAC remarks into `entity`: keeps the text verbatim in
/// `entity.remarks` and stores every clause it can structure in its field.
/// Clauses with a known label but no field, values that cannot be
/// structured (an unknown country, an unreadable date) and clauses with no
/// known label are counted in `sink` (values also kept as `label: value`
/// remarks).
///
/// Positions already on the entity (from the list's title field) are
/// recognised when the remarks repeat them.
pub fn apply(text: &str, entity: &mut Entity, sink: &mut Sink) {
    let text = text.trim();
    if text.is_empty() || text == "-0-" {
        return;
    }
    entity.remarks.push(text.to_string());
    for clause in split_clauses(text) {
        apply_clause(clause, entity, sink);
    }
}

/// Keeps a value that could not be structured as a `label: value` remark and
/// counts it.
fn keep(entity: &mut Entity, sink: &mut Sink, field: &str, value: &str) {
    entity.remarks.push(format!("{field}: {value}"));
    sink.unstructured(field);
}

fn apply_clause(raw: &str, e: &mut Entity, sink: &mut Sink) {
    let clause = strip_final_dot(strip_alt(raw.trim()));
    if clause.is_empty() {
        return;
    }
    let Some((label, action, rest)) = find_label(clause) else {
        if clause.starts_with("http") || clause.starts_with("www.") {
            website(clause, e);
        } else if !e.positions.iter().any(|p| p.eq_ignore_ascii_case(clause)) {
            sink.unstructured("remarks clause");
        }
        return;
    };
    match action {
        A::Dob => match parse_birth_date_en(rest) {
            Some(d) => Entity::push_unique(&mut e.birth_dates, d),
            None => keep(e, sink, "DOB", rest),
        },
        A::Pob => {
            if !rest.is_empty() {
                Entity::push_unique(&mut e.birth_places, rest.to_string());
            }
        }
        A::Nationality => match country::resolve(rest) {
            Some(c) => Entity::push_unique(&mut e.nationalities, c),
            None => keep(e, sink, "nationality", rest),
        },
        A::Citizen => match country::resolve(rest) {
            Some(c) => Entity::push_unique(&mut e.citizenships, c),
            None => keep(e, sink, "citizen", rest),
        },
        A::Gender => match rest.to_ascii_lowercase().as_str() {
            "male" => e.gender = Some(Gender::Male),
            "female" => e.gender = Some(Gender::Female),
            _ => keep(e, sink, "Gender", rest),
        },
        A::Name(role) => {
            let name = quoted_value(rest);
            if !name.is_empty() {
                e.add_name(Name::new(name, role));
            }
        }
        A::LinkedTo => {
            if !rest.is_empty() {
                let rel = Relation {
                    kind: RelationKind::LinkedTo,
                    target_name: rest.to_string(),
                    target_id: None,
                };
                Entity::push_unique(&mut e.relations, rel);
            }
        }
        A::Position => {
            if !rest.is_empty() {
                Entity::push_unique(&mut e.positions, rest.to_string());
            }
        }
        A::Id(kind) => identifier(kind, label, rest, e, sink),
        A::IdNumber => {
            let kind = if e.kind == Kind::Person { K::NationalId } else { K::Other };
            identifier(kind, label, rest, e, sink);
        }
        A::Digital => {
            // `- XBT <address>`: the currency joins the label.
            let r = rest.trim_start_matches(['-', ' ']);
            let (cur, addr) = r.split_once(' ').unwrap_or(("", r));
            let label = if cur.is_empty() { label.to_string() } else { format!("{label} - {cur}") };
            let id = Identifier::new(K::DigitalCurrency, addr, label);
            if !id.value.is_empty() {
                Entity::push_unique(&mut e.identifiers, id);
            }
        }
        A::Website => website(rest, e),
        A::ExecutiveOrder => executive_order(clause, rest, e),
        A::Caatsa => {
            let section = rest
                .split_whitespace()
                .skip_while(|w| !w.eq_ignore_ascii_case("section"))
                .nth(1)
                .unwrap_or("");
            let authority =
                if section.is_empty() { "CAATSA".into() } else { format!("CAATSA {section}") };
            let text = rest.split_once(':').map_or(rest, |(_, t)| t);
            add_measure(e, menu_kind(text), Some(authority), None, clause);
        }
        A::DirectiveDate if rest.starts_with("(CMIC)") => cmic(e, clause),
        A::DirectiveDate => match directive_ref(rest) {
            Some((authority, directive)) => {
                let (kind, d) = (MeasureKind::SectoralDirective, Some(directive.to_string()));
                merge_measure(e, kind, Some(authority), d, clause);
            }
            None => sink.unstructured("remarks clause"),
        },
        A::SecondaryRisk => {
            let authority = authority_in(rest);
            add_measure(e, MeasureKind::SecondarySanctions, authority, None, clause);
        }
        A::AdditionalSanctions => {
            let authority = rest
                .split_once("Pursuant to the ")
                .map(|(_, a)| a.trim().to_string())
                .filter(|a| !a.is_empty());
            add_measure(e, MeasureKind::SecondarySanctions, authority, None, clause);
        }
        A::TransactionsProhibited => {
            // `...: North Korea Sanctions Regulations section 510.214`,
            // `... pursuant to 31 C.F.R. section 561.201(c)`.
            let authority = match (rest.split_once("pursuant to "), rest.split_once(':')) {
                (Some((_, a)), _) => Some(a.trim().to_string()),
                (None, Some((_, a))) => {
                    let a = a.trim();
                    Some(
                        a.split_once(" section")
                            .map_or(a, |(x, _)| x)
                            .trim_end_matches(',')
                            .to_string(),
                    )
                }
                (None, None) => None,
            };
            add_measure(e, MeasureKind::TransactionsProhibited, authority, None, clause);
        }
        A::Ifca => add_measure(e, MeasureKind::Other, Some("IFCA".into()), None, clause),
        A::Peesa => add_measure(e, menu_kind(rest), Some("PEESA".into()), None, clause),
        A::Divestment => cmic(e, clause),
        A::Info => {}
        A::VesselYear => vessel(e).year_built = Some(rest.to_string()),
        A::VesselType => {
            let v = vessel(e);
            if v.vessel_type.is_none() {
                v.vessel_type = Some(rest.to_string());
            } else if v.vessel_type.as_deref() != Some(rest) {
                sink.unstructured(label);
            }
        }
        A::VesselFlag => match country::resolve(rest) {
            Some(c) if vessel(e).flag.is_none() => vessel(e).flag = Some(c),
            Some(c) => Entity::push_unique(&mut e.countries, c),
            None => keep(e, sink, label, rest),
        },
        A::OtherFlag | A::RegistrationCountry => match country::resolve(rest) {
            Some(c) => Entity::push_unique(&mut e.countries, c),
            None => keep(e, sink, label, rest),
        },
        A::VesselCallSign => {
            let id = Identifier::new(K::CallSign, rest, label);
            if !id.value.is_empty() {
                Entity::push_unique(&mut e.identifiers, id);
            }
        }
        A::AircraftModel => set_aircraft(e, sink, label, rest, |a| &mut a.model),
        A::AircraftBuilt => set_aircraft(e, sink, label, rest, |a| &mut a.built),
        A::AircraftOperator => set_aircraft(e, sink, label, rest, |a| &mut a.operator),
        A::NoField => sink.unstructured(label),
    }
}

/// The text between the first and the last quote (`'NAME'`), or the whole
/// value when it is not quoted.
fn quoted_value(s: &str) -> &str {
    let s = s.trim();
    match (s.find('\''), s.rfind('\'')) {
        (Some(0), Some(b)) if b > 0 => s[1..b].trim(),
        _ => strip_final_dot(s),
    }
}

fn vessel(e: &mut Entity) -> &mut Vessel {
    e.vessel.get_or_insert_with(Vessel::default)
}

fn set_aircraft(
    e: &mut Entity,
    sink: &mut Sink,
    label: &str,
    value: &str,
    field: impl Fn(&mut Aircraft) -> &mut Option<String>,
) {
    if value.is_empty() {
        return;
    }
    let slot = field(e.aircraft.get_or_insert_with(Aircraft::default));
    match slot {
        None => *slot = Some(value.to_string()),
        Some(v) if v == value => {}
        // A second model or operator (`alt. Aircraft Operator`) has no field;
        // it stays in the verbatim remarks.
        Some(_) => sink.unstructured(label),
    }
}

fn website(value: &str, e: &mut Entity) {
    let (url, note) = match value.split_once(" (") {
        Some((u, n)) => (u, Some(n.trim_end_matches(')').to_string())),
        None => (value, None),
    };
    let mut id = Identifier::new(K::Website, url.trim_end_matches('.'), "Website");
    id.note = note;
    if !id.value.is_empty() {
        Entity::push_unique(&mut e.identifiers, id);
    }
}

/// Builds an identifier from `value (Country) notes`.
fn identifier(kind: IdKind, label: &str, rest: &str, e: &mut Entity, sink: &mut Sink) {
    let parts = split_id_value(rest);
    let mut value = parts.value.trim_end_matches('.');
    let mut kind = kind;
    // `Vessel Registration Identification IMO 1234567`, `Company Number IMO ...`.
    if let Some(v) = value.strip_prefix("IMO ") {
        kind = K::Imo;
        value = v.trim();
    }
    if let Some(v) = value.strip_prefix('(').and_then(|v| v.strip_suffix(')')) {
        if !v.contains(['(', ')']) {
            value = v.trim();
        }
    }
    if value.is_empty() {
        sink.unstructured(label);
        return;
    }
    let mut notes: Vec<String> = Vec::new();
    let mut country = None;
    let mut unresolved = false;
    for g in &parts.groups {
        match country::resolve(g) {
            Some(c) if country.is_none() => country = Some(c),
            Some(_) => notes.push(format!("({g})")),
            None => {
                unresolved = true;
                notes.push(format!("({g})"));
            }
        }
    }
    if country.is_none() && unresolved {
        // The parenthesised text is kept in the note.
        sink.unstructured("identifier country");
    }
    if !parts.tail.is_empty() {
        notes.push(parts.tail.to_string());
    }
    let mut id = Identifier::new(kind, value, label);
    id.country = country;
    id.note = (!notes.is_empty()).then(|| notes.join(" "));
    Entity::push_unique(&mut e.identifiers, id);
}

/// An identifier's value split into the number, the parenthesised groups
/// after it (country, issuing state) and the notes (`issued 2010`).
#[derive(Debug, PartialEq)]
struct IdParts<'a> {
    value: &'a str,
    groups: Vec<&'a str>,
    tail: &'a str,
}

fn split_id_value(rest: &str) -> IdParts<'_> {
    // The value ends at the first ` (` whose group is words, not digits
    // (`Fax (357)(22668608)` is all value), or at `issued`/`expires`.
    let mut split = None;
    let mut from = 0;
    while let Some(off) = rest[from..].find(" (") {
        let i = from + off;
        let inner = &rest[i + 2..];
        let close = inner.find(')').unwrap_or(inner.len());
        let group = &inner[..close];
        if group.starts_with(|c: char| c.is_alphabetic())
            && !group.bytes().any(|b| b.is_ascii_digit())
        {
            split = Some(i);
            break;
        }
        from = i + 2;
    }
    let notes_at =
        [" issued", " expires", " expired", ", issued"].iter().filter_map(|k| rest.find(k)).min();
    let cut = match (split, notes_at) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or(rest.len()),
    };
    let value = rest[..cut].trim();
    let mut groups = Vec::new();
    let mut tail_parts: Vec<&str> = Vec::new();
    let mut r = rest[cut..].trim_start_matches([' ', ',']);
    while !r.is_empty() {
        if let Some(inner) = r.strip_prefix('(') {
            let close = inner.find(')').unwrap_or(inner.len());
            let g = inner[..close].trim();
            if !g.is_empty() {
                groups.push(g);
            }
            r = inner.get(close + 1..).unwrap_or("").trim_start();
        } else {
            let end = r.find(" (").unwrap_or(r.len());
            tail_parts.push(r[..end].trim());
            r = r[end..].trim_start();
        }
    }
    // Several notes are rare; when there are, keep the span verbatim.
    let tail = match tail_parts.as_slice() {
        [] => "",
        [one] => one,
        [first, ..] => {
            let start = rest.find(first).unwrap_or(cut);
            rest[start..].trim()
        }
    };
    IdParts { value, groups, tail }
}

/// `Executive Order NNNNN Directive ... Subject to Directive N`, `Executive
/// Order NNNNN information: ...`.
fn executive_order(clause: &str, rest: &str, e: &mut Entity) {
    let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let authority = (!number.is_empty()).then(|| format!("EO {number}"));
    let after = &rest[number.len()..];
    let lower = after.to_ascii_lowercase();
    if let Some(i) = lower.find("subject to directive ") {
        let dir: String = after[i + "subject to directive ".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if let (Some(a), false) = (authority.clone(), dir.is_empty()) {
            merge_measure(e, MeasureKind::SectoralDirective, Some(a), Some(dir), clause);
            return;
        }
    }
    if lower.trim_start().starts_with("directive") {
        // `Directive Information - For more information on directives,
        // please visit ...`: a link, no restriction of its own.
        return;
    }
    let text = after.split_once(':').map_or(after, |(_, t)| t);
    add_measure(e, menu_kind(text), authority, None, clause);
}

/// The kind of a menu-based sanction (EO 13846, CAATSA 235, EO 14059) from
/// its title.
fn menu_kind(text: &str) -> MeasureKind {
    let t = text.to_ascii_uppercase();
    if t.contains("BLOCKING PROPERTY") || t.contains("PROPERTY BLOCKED") {
        MeasureKind::AssetFreeze
    } else if t.contains("EXCLUSION OF CORPORATE OFFICERS") {
        MeasureKind::TravelBan
    } else if t.contains("EXPORT SANCTIONS") {
        MeasureKind::ArmsEmbargo
    } else if ["LOANS", "BANKING TRANSACTIONS", "FOREIGN EXCHANGE", "INVESTMENT", "PROHIBITION ON"]
        .iter()
        .any(|k| t.contains(k))
    {
        MeasureKind::TransactionsProhibited
    } else {
        MeasureKind::Other
    }
}

/// `(EO 14024 Directive 2): 24 Feb 2022` → (`EO 14024`, `2`).
fn directive_ref(rest: &str) -> Option<(String, &str)> {
    let inner = rest.strip_prefix('(')?;
    let inner = &inner[..inner.find(')')?];
    let (eo, dir) = inner.split_once(" Directive ")?;
    let num = eo.strip_prefix("EO ")?.trim();
    if num.is_empty() || dir.trim().is_empty() {
        return None;
    }
    Some((format!("EO {num}"), dir.trim()))
}

/// The legal basis named in a secondary-sanctions clause.
fn authority_in(text: &str) -> Option<String> {
    for key in ["Executive Order ", "E.O. "] {
        if let Some(i) = text.find(key) {
            let n: String =
                text[i + key.len()..].chars().take_while(char::is_ascii_digit).collect();
            if !n.is_empty() {
                return Some(format!("EO {n}"));
            }
        }
    }
    if let Some(i) = text.find("Sanctions Regulations") {
        let start = text[..i].rfind([':', ',']).map_or(0, |j| j + 1);
        return Some(text[start..i + "Sanctions Regulations".len()].trim().to_string());
    }
    text.find("Hong Kong Autonomy Act").map(|_| "Hong Kong Autonomy Act".to_string())
}

fn add_measure(
    e: &mut Entity,
    kind: MeasureKind,
    authority: Option<String>,
    directive: Option<String>,
    text: &str,
) {
    let m = Measure { kind, authority, directive, text: text.to_string() };
    Entity::push_unique(&mut e.measures, m);
}

/// The restrictions on Chinese military companies (CMIC): their listing,
/// effective and divestment dates come as separate clauses of one measure.
fn cmic(e: &mut Entity, clause: &str) {
    merge_measure(e, MeasureKind::TransactionsProhibited, Some("CMIC".into()), None, clause);
}

/// Adds a measure, or adds `text` to the measure of the same kind, authority
/// and directive (a directive's listing and effective dates come as separate
/// clauses).
fn merge_measure(
    e: &mut Entity,
    kind: MeasureKind,
    authority: Option<String>,
    directive: Option<String>,
    text: &str,
) {
    let same = e
        .measures
        .iter_mut()
        .find(|m| m.kind == kind && m.authority == authority && m.directive == directive);
    match same {
        Some(m) => {
            if !m.text.contains(text) {
                m.text.push_str("; ");
                m.text.push_str(text);
            }
        }
        None => add_measure(e, kind, authority, directive, text),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may unwrap.
mod tests {
    use super::*;
    use veto_model::Source;

    /// A compact, order-preserving rendering of what `apply` put into a
    /// fresh entity (besides the verbatim remarks), and what it counted as
    /// unstructured.
    fn summary(kind: Kind, text: &str) -> String {
        let mut e = Entity::new(Source::UsOfacSdn, "1", kind);
        let mut sink = Sink::default();
        apply(text, &mut e, &mut sink);
        assert_eq!(e.remarks.first().map(String::as_str), Some(text.trim()), "verbatim remarks");
        let mut out: Vec<String> = Vec::new();
        for n in &e.names {
            out.push(format!("{}={}", n.role.as_str(), n.full));
        }
        for d in &e.birth_dates {
            out.push(format!("dob={d}"));
        }
        for p in &e.birth_places {
            out.push(format!("pob={p}"));
        }
        for c in &e.nationalities {
            out.push(format!("nat={c}"));
        }
        for c in &e.citizenships {
            out.push(format!("cit={c}"));
        }
        for c in &e.countries {
            out.push(format!("country={c}"));
        }
        if let Some(g) = e.gender {
            out.push(format!("gender={g:?}"));
        }
        for p in &e.positions {
            out.push(format!("pos={p}"));
        }
        for id in &e.identifiers {
            let mut t = format!("id:{:?}({})={}", id.kind, id.label, id.value);
            if let Some(c) = id.country {
                t.push_str(&format!("@{c}"));
            }
            if let Some(n) = &id.note {
                t.push_str(&format!("[{n}]"));
            }
            out.push(t);
        }
        for r in &e.relations {
            out.push(format!("rel:{:?}={}", r.kind, r.target_name));
        }
        for m in &e.measures {
            let a = m.authority.as_deref().unwrap_or("-");
            let d = m.directive.as_deref().map(|d| format!("#{d}")).unwrap_or_default();
            out.push(format!("m:{:?}({a}{d})", m.kind));
        }
        if let Some(v) = &e.vessel {
            let f = |x: &Option<String>| x.clone().unwrap_or_default();
            out.push(format!("vessel:type={},year={}", f(&v.vessel_type), f(&v.year_built)));
        }
        if let Some(a) = &e.aircraft {
            let f = |x: &Option<String>| x.clone().unwrap_or_default();
            out.push(format!(
                "aircraft:model={},built={},op={}",
                f(&a.model),
                f(&a.built),
                f(&a.operator)
            ));
        }
        for r in e.remarks.iter().skip(1) {
            out.push(format!("rem={r}"));
        }
        for (k, n) in &sink.unstructured {
            out.push(format!("?{k}x{n}"));
        }
        out.join(" | ")
    }

    macro_rules! t {
        ($kind:ident, $text:expr, $want:expr) => {
            assert_eq!(summary(Kind::$kind, $text), $want, "remarks: {}", $text)
        };
    }

    #[test]
    fn dates_and_places_of_birth() {
        t!(Person, "DOB 07 Oct 1952.", "dob=1952-10-07");
        t!(Person, "DOB Oct 1952", "dob=1952-10");
        t!(Person, "DOB 1952", "dob=1952");
        t!(Person, "DOB circa 1952", "dob=circa 1952");
        t!(Person, "DOB 1960 to 1962", "dob=1960 to 1962");
        t!(Person, "DOB 01 Jan 1961 to 31 Dec 1962", "dob=1961-01-01 to 1962-12-31");
        t!(Person, "DOB circa 1979-1982", "dob=circa 1979 to 1982");
        t!(Person, "DOB 1958; alt. DOB 1959", "dob=1958 | dob=1959");
        t!(Person, "DOB sometime in the 60s", "rem=DOB: sometime in the 60s | ?DOBx1");
        t!(Person, "POB Leningrad, Russia", "pob=Leningrad, Russia");
        t!(Person, "POB 'Adlun, Lebanon; Gender Male", "pob='Adlun, Lebanon | gender=Male");
        t!(
            Person,
            "POB Beirut, Lebanon; alt. POB Tyre, Lebanon",
            "pob=Beirut, Lebanon | pob=Tyre, Lebanon"
        );
    }

    #[test]
    fn nationality_citizenship_gender() {
        t!(Person, "nationality Russia; citizen Russia", "nat=RU | cit=RU");
        t!(Person, "nationality Iran; alt. nationality Syria", "nat=IR | nat=SY");
        t!(Person, "citizen Korea, North", "cit=KP");
        t!(Person, "nationality Atlantis", "rem=nationality: Atlantis | ?nationalityx1");
        t!(Person, "citizen Atlantis", "rem=citizen: Atlantis | ?citizenx1");
        t!(Person, "Gender Male", "gender=Male");
        t!(Person, "Gender Female.", "gender=Female");
        t!(Person, "Gender Unknown", "rem=Gender: Unknown | ?Genderx1");
    }

    #[test]
    fn names_and_links() {
        t!(Organization, "a.k.a. 'BNC'.", "weak_alias=BNC");
        t!(
            Organization,
            "a.k.a. 'AL QA'IDA'; a.k.a. 'X S.A.'.",
            "weak_alias=AL QA'IDA | weak_alias=X S.A."
        );
        t!(Organization, "f.k.a. 'UNITED GEORGIAN BANK'", "former=UNITED GEORGIAN BANK");
        t!(Organization, "n.k.a. 'LGOK'", "alias=LGOK");
        t!(Organization, "a.k.a. 'A; B'; Gender Male", "weak_alias=A; B | gender=Male");
        t!(Organization, "Issuer Name China Mobile Ltd", "alias=China Mobile Ltd");
        t!(Person, "Linked To: LAZARUS GROUP.", "rel:LinkedTo=LAZARUS GROUP");
        t!(
            Person,
            "Linked To: MILENYUM ENERGY S.A.; Linked To: GREEN SHIPPING LTD.",
            "rel:LinkedTo=MILENYUM ENERGY S.A. | rel:LinkedTo=GREEN SHIPPING LTD"
        );
        t!(
            Person,
            "Linked To: CONSORCIO LUNALO, S.A. DE C.V.",
            "rel:LinkedTo=CONSORCIO LUNALO, S.A. DE C.V."
        );
    }

    #[test]
    fn identifiers() {
        t!(Person, "Passport 4005504207 (Russia).", "id:Passport(Passport)=4005504207@RU");
        t!(
            Person,
            "Passport G34331983 (Syria) issued 13 Mar 2009 expires 12 Mar 2019",
            "id:Passport(Passport)=G34331983@SY[issued 13 Mar 2009 expires 12 Mar 2019]"
        );
        t!(
            Person,
            "Passport 123 issued 2010 expires 2015",
            "id:Passport(Passport)=123[issued 2010 expires 2015]"
        );
        t!(
            Person,
            "alt. Diplomatic Passport D0001060",
            "id:Passport(Diplomatic Passport)=D0001060"
        );
        t!(Person, "National ID No. 216040 (Iran)", "id:NationalId(National ID No.)=216040@IR");
        t!(Person, "Cedula No. 10282225 (Colombia)", "id:NationalId(Cedula No.)=10282225@CO");
        t!(
            Person,
            "Cedula No. 10282225 (Atlantis)",
            "id:NationalId(Cedula No.)=10282225[(Atlantis)] | ?identifier countryx1"
        );
        t!(Organization, "Tax ID No. 7707083893 (Russia)", "id:TaxId(Tax ID No.)=7707083893@RU");
        t!(Person, "R.F.C. GAGE750818L66 (Mexico)", "id:TaxId(R.F.C.)=GAGE750818L66@MX");
        t!(Organization, "NIT # 800018928-0 (Colombia)", "id:TaxId(NIT #)=800018928-0@CO");
        t!(Organization, "RUC # 20108363101 (Peru)", "id:TaxId(RUC #)=20108363101@PE");
        t!(
            Organization,
            "C.U.I.T. 30-68074603-2 (Argentina)",
            "id:TaxId(C.U.I.T.)=30-68074603-2@AR"
        );
        t!(
            Organization,
            "Registration ID 1027739609391 (Russia)",
            "id:Registration(Registration ID)=1027739609391@RU"
        );
        t!(
            Organization,
            "Registration Number 9855920 (Turkey).",
            "id:Registration(Registration Number)=9855920@TR"
        );
        t!(
            Organization,
            "Business Registration Number 1037739709138 (Russia)",
            "id:Registration(Business Registration Number)=1037739709138@RU"
        );
        t!(
            Organization,
            "Company Number 05467298 (United Kingdom)",
            "id:Registration(Company Number)=05467298@GB"
        );
        t!(
            Organization,
            "Government Gazette Number 00032520 (Russia)",
            "id:Registration(Government Gazette Number)=00032520@RU"
        );
        t!(
            Organization,
            "Legal Entity Number 253400V1H6ART1UQ0N98 (Russia)",
            "id:Lei(Legal Entity Number)=253400V1H6ART1UQ0N98@RU"
        );
        t!(Organization, "SWIFT/BIC SABRRUMM", "id:SwiftBic(SWIFT/BIC)=SABRRUMM");
        t!(Organization, "BIK (RU) 044030707", "id:Other(BIK (RU))=044030707");
        t!(
            Organization,
            "Unified Social Credit Code (USCC) 9111000071093019X7 (Iran)",
            "id:Registration(Unified Social Credit Code (USCC))=9111000071093019X7@IR"
        );
        t!(
            Organization,
            "Public Registration Number 467323, Doc. 694710 (Turkey)",
            "id:Registration(Public Registration Number)=467323, Doc. 694710@TR"
        );
        t!(
            Organization,
            "File Number 7136973 (Delaware) (United States)",
            "id:Registration(File Number)=7136973@US[(Delaware)]"
        );
        t!(
            Organization,
            "Registration Certificate Number (Dubai) DMCC193946 (Iran)",
            "id:Registration(Registration Certificate Number)=(Dubai) DMCC193946@IR"
        );
        t!(
            Person,
            "Identification Number 210302198701102136 (Iran)",
            "id:NationalId(Identification Number)=210302198701102136@IR"
        );
        t!(
            Organization,
            "Identification Number 1234 (Iran)",
            "id:Other(Identification Number)=1234@IR"
        );
        t!(
            Person,
            "Residency Number 117000439417 (Turkey)",
            "id:Other(Residency Number)=117000439417@TR"
        );
        t!(
            Person,
            "Driver's License No. 180839 (United States)",
            "id:DriversLicense(Driver's License No.)=180839@US"
        );
        t!(Person, "SSN 523-33-8386 (United States)", "id:SocialSecurity(SSN)=523-33-8386@US");
        t!(
            Person,
            "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
            "id:DigitalCurrency(Digital Currency Address - XBT)=12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"
        );
        t!(Person, "alt. Digital Currency Address - ETH 0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c", "id:DigitalCurrency(Digital Currency Address - ETH)=0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c");
        t!(
            Person,
            "Email Address kevinpengtech@gmail.com",
            "id:Email(Email Address)=kevinpengtech@gmail.com"
        );
        t!(
            Organization,
            "Website www.vtb.com; alt. Website www.vtb.ru",
            "id:Website(Website)=www.vtb.com | id:Website(Website)=www.vtb.ru"
        );
        t!(
            Organization,
            "http://www.sanabel.org.uk (website)",
            "id:Website(Website)=http://www.sanabel.org.uk[website]"
        );
        t!(Person, "Phone Number 8613314257947; Telephone: 0097282851500; Fax (357)(22668608)", "id:Phone(Phone Number)=8613314257947 | id:Phone(Telephone)=0097282851500 | id:Phone(Fax)=(357)(22668608)");
        t!(
            Organization,
            "ISIN US1694261033; alt. Equity Ticker CHA US",
            "id:Other(ISIN)=US1694261033 | id:Other(Equity Ticker)=CHA US"
        );
        t!(Organization, "Sparkle Number 12 (Iran)", "?remarks clausex1");
    }

    #[test]
    fn vessels_and_aircraft() {
        t!(
            Vessel,
            "Vessel Registration Identification IMO 8810700",
            "id:Imo(Vessel Registration Identification)=8810700"
        );
        t!(
            Organization,
            "Identification Number IMO 5342883; Company Number IMO 5055293",
            "id:Imo(Identification Number)=5342883 | id:Imo(Company Number)=5055293"
        );
        t!(Vessel, "MMSI 572469210", "id:Mmsi(MMSI)=572469210");
        t!(Vessel, "Vessel Year of Build 1999", "vessel:type=,year=1999");
        t!(Vessel, "Other Vessel Type Roll-on Roll-off", "vessel:type=Roll-on Roll-off,year=");
        t!(
            Vessel,
            "Former Vessel Flag Syria; alt. Other Vessel Flag Iran",
            "country=SY | country=IR"
        );
        t!(
            Vessel,
            "Former Vessel Flag None Identified",
            "rem=Former Vessel Flag: None Identified | ?Former Vessel Flagx1"
        );
        t!(Vessel, "Other Vessel Call Sign 5IM713", "id:CallSign(Other Vessel Call Sign)=5IM713");
        t!(
            Aircraft,
            "Aircraft Construction Number (also called L/N or S/N or F/N) 8401",
            "id:AircraftSerial(Aircraft Construction Number (also called L/N or S/N or F/N))=8401"
        );
        t!(
            Aircraft,
            "Aircraft Manufacturer's Serial Number (MSN) 1023409321",
            "id:AircraftSerial(Aircraft Manufacturer's Serial Number (MSN))=1023409321"
        );
        t!(Aircraft, "Aircraft Tail Number EP-MMH; Previous Aircraft Tail Number YI-NAE", "id:AircraftTail(Aircraft Tail Number)=EP-MMH | id:AircraftTail(Previous Aircraft Tail Number)=YI-NAE");
        t!(
            Aircraft,
            "Aircraft Model IL-76; Aircraft Manufacture Date 1992; Aircraft Operator Iran Air",
            "aircraft:model=IL-76,built=1992,op=Iran Air"
        );
        t!(
            Aircraft,
            "Aircraft Operator MAHAN AIR; alt. Aircraft Operator Iran Air",
            "aircraft:model=,built=,op=MAHAN AIR | ?Aircraft Operatorx1"
        );
        t!(
            Aircraft,
            "Aircraft Mode S Transponder Code 140AE7",
            "id:Other(Aircraft Mode S Transponder Code)=140AE7"
        );
        t!(Aircraft, "Nationality of Registration Russia", "country=RU");
    }

    #[test]
    fn sanctions_details() {
        t!(
            Organization,
            "Executive Order 13662 Directive Determination - Subject to Directive 1",
            "m:SectoralDirective(EO 13662#1)"
        );
        t!(
            Organization,
            "alt. Executive Order 13662 Directive Determination - Subject to Directive 4",
            "m:SectoralDirective(EO 13662#4)"
        );
        t!(Organization, "Executive Order 14024 Directive Information Subject to Directive 3 - All transactions in, provision of financing for, and other dealings in new debt ... on or after the 'Effective Date (EO 14024 Directive)' associated with this name are prohibited.", "m:SectoralDirective(EO 14024#3)");
        t!(Organization, "Executive Order 14024 Directive Information Subject to Directive 1a - As of the effective date", "m:SectoralDirective(EO 14024#1a)");
        t!(Organization, "Executive Order 14014 Directive Information: Subject to Directive 1 - As of the effective date", "m:SectoralDirective(EO 14014#1)");
        t!(Organization, "Executive Order 14024 Directive Information - For more information on directives, please visit the following link: https://home.treasury.gov/x#directives", "");
        t!(Organization, "Listing Date (EO 14024 Directive 2): 24 Feb 2022; Effective Date (EO 14024 Directive 2): 26 Mar 2022", "m:SectoralDirective(EO 14024#2)");
        t!(Organization, "Listing Date (EO 14024 Direct", "?remarks clausex1");
        t!(Organization, "Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886", "m:SecondarySanctions(EO 13224)");
        t!(Organization, "Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209", "m:SecondarySanctions(Ukraine-/Russia-Related Sanctions Regulations)");
        t!(Organization, "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210", "m:SecondarySanctions(North Korea Sanctions Regulations)");
        t!(Organization, "Secondary sanctions risk: pursuant to the Hong Kong Autonomy Act of 2020 - Public Law 116-149", "m:SecondarySanctions(Hong Kong Autonomy Act)");
        t!(
            Person,
            "Additional Sanctions Information - Subject to Secondary Sanctions",
            "m:SecondarySanctions(-)"
        );
        t!(Person, "Additional Sanctions Information - Subject to Secondary Sanctions Pursuant to the Hizballah Financial Sanctions Regulations", "m:SecondarySanctions(Hizballah Financial Sanctions Regulations)");
        t!(Vessel, "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214", "m:TransactionsProhibited(North Korea Sanctions Regulations)");
        t!(Organization, "United States financial institutions are prohibited from opening or maintaining a correspondent account ..., pursuant to 31 C.F.R. section 561.201(c).", "m:TransactionsProhibited(31 C.F.R. section 561.201(c))");
        t!(Organization, "Executive Order 13846 information: LOANS FROM UNITED STATES FINANCIAL INSTITUTIONS.  Sec. 5(a)(i)", "m:TransactionsProhibited(EO 13846)");
        t!(Organization, "alt. Executive Order 13846 information: BLOCKING PROPERTY AND INTERESTS IN PROPERTY.  Sec. 5(a)(iv)", "m:AssetFreeze(EO 13846)");
        t!(
            Organization,
            "alt. Executive Order 13846 information: EXCLUSION OF CORPORATE OFFICERS.  Sec. 4(e)",
            "m:TravelBan(EO 13846)"
        );
        t!(Organization, "Executive Order 14059 information: Prohibition on any United States financial institution from making loans", "m:TransactionsProhibited(EO 14059)");
        t!(
            Organization,
            "CAATSA Section 235 Information: EXPORT SANCTIONS Sec. 235(a)(2)",
            "m:ArmsEmbargo(CAATSA 235)"
        );
        t!(Organization, "alt. CAATSA Section 235 Information: SANCTIONS ON PRINCIPAL EXECUTIVE OFFICERS. Sec 235(a)(12)", "m:Other(CAATSA 235)");
        t!(Vessel, "IFCA Determination - Involved in the Shipping Sector", "m:Other(IFCA)");
        t!(Organization, "PEESA Information: Property and Interests in Property Blocked, Except Importation of Goods", "m:AssetFreeze(PEESA)");
        t!(Organization, "Effective Date (CMIC) 02 Aug 2021; Purchase/Sales For Divestment Date (CMIC) 03 Jun 2022; Listing Date (CMIC) 03 Jun 2021", "m:TransactionsProhibited(CMIC)");
        t!(Organization, "For more information on directives, please visit the following link: http://www.treasury.gov/x.aspx#directives.", "");
    }

    #[test]
    fn positions_and_fieldless_labels() {
        t!(Person, "Position: Director, General Intelligence Directorate; Alternate Title, Brigadier General; Occupation: Chemist", "pos=Director, General Intelligence Directorate | pos=Brigadier General | pos=Chemist");
        t!(
            Organization,
            "Organization Established Date 17 Oct 1990; Target Type Financial Institution",
            "?Organization Established Datex1 | ?Target Typex1"
        );
        t!(
            Organization,
            "Organization Type: Activities of holding companies; all offices worldwide",
            "?Organization Type:x1 | ?all offices worldwidex1"
        );
        t!(Person, "ICTY indictee at large", "?remarks clausex1");
    }

    #[test]
    fn positions_repeated_from_the_title_are_recognised() {
        let mut e = Entity::new(Source::UsOfacSdn, "1", Kind::Person);
        e.positions.push("President of the Russian Federation".into());
        let mut sink = Sink::default();
        apply("Gender Male; President of the Russian Federation.", &mut e, &mut sink);
        assert!(sink.unstructured.is_empty(), "{:?}", sink.unstructured);
        assert_eq!(e.positions.len(), 1);
    }

    #[test]
    fn empty_remarks_add_nothing() {
        for text in ["", "  ", "-0- "] {
            let mut e = Entity::new(Source::UsOfacSdn, "1", Kind::Person);
            apply(text, &mut e, &mut Sink::default());
            assert!(e.remarks.is_empty());
        }
    }

    #[test]
    fn clause_splitting() {
        let t = |s: &str| split_clauses(s).join(" | ");
        assert_eq!(t("DOB 1952; POB X"), "DOB 1952 | POB X");
        assert_eq!(
            t("possibly Palestinian;arrested 23 Apr 2002"),
            "possibly Palestinian | arrested 23 Apr 2002"
        );
        assert_eq!(t("(a: b; c); d"), "(a: b; c) | d");
        assert_eq!(t("a.k.a. 'A; B'; c"), "a.k.a. 'A; B' | c");
        assert_eq!(t("a.k.a. 'QA'IDA'; c"), "a.k.a. 'QA'IDA' | c");
        assert_eq!(t("POB 'Adlun, Lebanon; c"), "POB 'Adlun, Lebanon | c");
        // Unbalanced (cut remarks): split everywhere.
        assert_eq!(
            t("x; Listing Date (EO 14024 Direct; y"),
            "x | Listing Date (EO 14024 Direct | y"
        );
        assert_eq!(t("x; a.k.a. 'AB; y"), "x | a.k.a. 'AB | y");
        assert_eq!(t(";; ;"), "");
    }

    #[test]
    fn final_dots() {
        assert_eq!(strip_final_dot("Linked To: X LTD."), "Linked To: X LTD");
        assert_eq!(strip_final_dot("Linked To: X S.A."), "Linked To: X S.A.");
        assert_eq!(strip_final_dot("section 561.201(c)."), "section 561.201(c)");
        assert_eq!(strip_final_dot("no dot"), "no dot");
        assert_eq!(strip_final_dot("."), "");
    }

    #[test]
    #[ignore = "survey of the real files; run with --ignored --nocapture"]
    fn survey_unrecognised() {
        use std::collections::BTreeMap;
        let set = std::env::var("SURVEY").unwrap_or_else(|_| "ofac/2024-05-03/sdn.csv.gz".into());
        let files: Vec<&str> = set.split(',').collect();
        let lists = crate::testutil::parse_data(&files);
        let mut counts: BTreeMap<String, (u64, String)> = BTreeMap::new();
        for e in &lists[0].entities {
            let Some(text) = e.remarks.first() else { continue };
            for clause in split_clauses(text) {
                let mut probe = Entity::new(Source::UsOfacSdn, "x", e.kind);
                probe.positions = e.positions.clone();
                let mut sink = Sink::default();
                apply_clause(clause, &mut probe, &mut sink);
                for (k, n) in sink.unstructured {
                    let key: String = if k == "remarks clause" {
                        format!(
                            "? {}",
                            clause.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
                        )
                    } else {
                        k
                    };
                    let slot = counts.entry(key).or_insert((0, clause.to_string()));
                    slot.0 += n;
                }
            }
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by_key(|(_, (n, _))| std::cmp::Reverse(*n));
        for (k, (n, ex)) in v.iter().take(150) {
            println!("{n:6} {k:40} | {}", ex.chars().take(100).collect::<String>());
        }
        println!("{:?}", lists[0].meta.unstructured);
    }
}
