//! Screening quality and speed on the full corpus (OFAC SDN 2024 + OFAC
//! Consolidated + UN + UK), with an evaluation set generated from the real
//! lists.
//!
//! The variant set takes real listed names and changes them the way
//! screening inputs differ from lists: typos (one token, or every token),
//! reordering, dropped middle names, initials, transliteration variants,
//! Cyrillic script, the lists' own original-script names (against a matcher
//! that does not index them), legal-form changes, joined and split tokens,
//! and birth dates. The expected answer is the entity the name came from, or
//! any entity that carries the very same name (the same person on two
//! lists). Negatives are real names that are on no list: the members of the
//! US Congress (OpenSanctions' `us_congress` export), well-known companies,
//! and common given+family name pairs, minus any that equal a listed name.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use veto_matcher::{Matcher, Query, ScreenOptions, DEFAULT_THRESHOLD};
use veto_model::{Entity, Kind, NameRole};

use crate::rng::Rng;
use crate::{median, percentile};

/// The corpus files.
pub const CORPUS: &[&str] = &[
    "ofac/2024-05-03/sdn.csv.gz",
    "ofac-consolidated/consolidated_2026-01-08.xml.gz",
    "un/UN_consolidated_2026-02-27.xml.gz",
    "uk/ConList_2025-04-10.csv.gz",
];

fn data(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/lists").join(rel)
}

/// Loads the full corpus.
pub fn corpus() -> Result<Vec<Entity>> {
    let paths: Vec<_> = CORPUS.iter().map(|p| data(p)).collect();
    let lists = veto_lists::parse_paths(&paths, &veto_lists::Options::default())?;
    Ok(lists.into_iter().flat_map(|l| l.entities).collect())
}

/// One evaluation query.
pub struct Case {
    /// The query.
    pub query: Query,
    /// Which kind of variant.
    pub category: &'static str,
    /// Acceptable entities (empty: a negative).
    pub expected: HashSet<u32>,
}

pub(crate) fn name_key(name: &str) -> String {
    let mut t = veto_index::names::tokens(name);
    t.sort();
    t.join(" ")
}

fn latin_words(full: &str) -> Vec<String> {
    // "LAST, First Middle" → ["First", "Middle", "LAST"] (natural order).
    let (a, b) = match full.split_once(", ") {
        Some((last, first)) if !first.contains(',') => (first.to_string(), last.to_string()),
        _ => (full.to_string(), String::new()),
    };
    let mut w: Vec<String> = a.split_whitespace().map(String::from).collect();
    w.extend(b.split_whitespace().map(String::from));
    w
}

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";

pub(crate) fn typo(rng: &mut Rng, w: &str) -> String {
    let mut b: Vec<u8> = w.to_ascii_lowercase().into_bytes();
    if b.len() < 2 {
        return w.to_string();
    }
    let i = 1 + rng.below(b.len() - 1);
    match rng.below(4) {
        0 => b[i] = LETTERS[rng.below(26)],
        1 => {
            b.remove(i);
        }
        2 => b.insert(i, LETTERS[rng.below(26)]),
        _ => {
            if i + 1 < b.len() {
                b.swap(i, i + 1);
            } else {
                b.swap(i - 1, i);
            }
        }
    }
    String::from_utf8(b).unwrap_or_else(|_| w.to_string())
}

const TRANSLIT: &[(&str, &str)] = &[
    ("v", "w"),
    ("w", "v"),
    ("y", "j"),
    ("kh", "h"),
    ("ou", "u"),
    ("u", "ou"),
    ("ks", "x"),
    ("x", "ks"),
    ("iy", "ii"),
    ("iy", "y"),
    ("yev", "ev"),
    ("ye", "e"),
    ("ya", "ia"),
    ("yu", "iu"),
    ("sh", "sch"),
    ("ch", "tch"),
    ("zh", "j"),
    ("ts", "tz"),
    ("mm", "m"),
    ("ee", "i"),
    ("oo", "u"),
    ("dj", "j"),
    ("q", "k"),
    ("c", "k"),
    ("ph", "f"),
    ("ai", "ay"),
    ("ei", "ey"),
    ("aa", "a"),
    ("el", "al"),
];

fn translit_variant(rng: &mut Rng, name: &str) -> Option<String> {
    let mut s = name.to_ascii_lowercase();
    let mut changed = 0;
    for _ in 0..6 {
        let (from, to) = TRANSLIT[rng.below(TRANSLIT.len())];
        if let Some(pos) = s.find(from) {
            s.replace_range(pos..pos + from.len(), to);
            changed += 1;
        }
        if changed >= 2 {
            break;
        }
    }
    (changed > 0 && s != name.to_ascii_lowercase()).then_some(s)
}

const CYR: &[(&str, &str)] = &[
    ("shch", "щ"),
    ("yo", "ё"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("iy", "ий"),
    ("yy", "ый"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("y", "ы"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("x", "кс"),
    ("w", "в"),
    ("j", "дж"),
    ("h", "х"),
    ("c", "к"),
    ("q", "к"),
];

pub(crate) fn to_cyrillic(name: &str) -> String {
    let s = name.to_lowercase();
    let mut out = String::new();
    let mut i = 0;
    let b = s.as_str();
    'outer: while i < b.len() {
        for (lat, cyr) in CYR {
            if b[i..].starts_with(lat) {
                // "y" after a vowel is й.
                let c = if *lat == "y"
                    && out.chars().last().is_some_and(|c| "аеиоуыэюя".contains(c))
                {
                    "й"
                } else {
                    cyr
                };
                out.push_str(c);
                i += lat.len();
                continue 'outer;
            }
        }
        let ch = b[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

const LEGAL_SWAPS: &[(&str, &[&str])] = &[
    ("PUBLIC JOINT STOCK COMPANY", &["PJSC", "PAO"]),
    ("OPEN JOINT STOCK COMPANY", &["OJSC", "OAO"]),
    ("CLOSED JOINT STOCK COMPANY", &["CJSC", "ZAO"]),
    ("JOINT STOCK COMPANY", &["JSC", "AO"]),
    ("LIMITED LIABILITY COMPANY", &["LLC", "OOO"]),
    ("LIMITED", &["LTD"]),
    ("COMPANY LIMITED", &["CO LTD", "CO., LTD."]),
    ("LLC", &["LIMITED LIABILITY COMPANY", "OOO"]),
    ("JSC", &["JOINT STOCK COMPANY", "AO"]),
    ("PJSC", &["PAO", "PUBLIC JOINT STOCK COMPANY"]),
    ("OOO", &["LLC"]),
    ("AO", &["JSC"]),
    ("LTD", &["LIMITED"]),
    ("S.A.", &["SA"]),
    ("GMBH", &["GESELLSCHAFT MIT BESCHRAENKTER HAFTUNG"]),
];

pub(crate) fn legal_variant(rng: &mut Rng, name: &str) -> Option<String> {
    let up = name.to_uppercase();
    for (from, tos) in LEGAL_SWAPS {
        let words: Vec<&str> = up.split_whitespace().collect();
        let fw: Vec<&str> = from.split_whitespace().collect();
        if let Some(pos) = words.windows(fw.len()).position(|w| {
            w.iter().map(|x| x.trim_matches(|c: char| c == ',' || c == '"')).eq(fw.iter().copied())
        }) {
            let to = tos[rng.below(tos.len())];
            let mut rest: Vec<&str> = words.clone();
            rest.drain(pos..pos + fw.len());
            let rest = rest.join(" ").replace('"', "");
            // Move the form to the other end half of the time.
            return Some(if rng.chance(0.5) {
                format!("{rest} {to}")
            } else {
                format!("{to} {rest}")
            });
        }
    }
    None
}

/// Builds the variant set.
pub fn variant_cases(entities: &[Entity], per_category: usize, seed: u64) -> Vec<Case> {
    let mut by_key: HashMap<String, HashSet<u32>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        for n in &e.names {
            by_key.entry(name_key(&n.full)).or_default().insert(i as u32);
        }
    }
    let expected_for = |ei: usize, name: &str| -> HashSet<u32> {
        let mut s = by_key.get(&name_key(name)).cloned().unwrap_or_default();
        s.insert(ei as u32);
        s
    };
    let mut rng = Rng::new(seed);
    let mut cases = Vec::new();
    let primary = |e: &Entity| {
        e.names
            .iter()
            .find(|n| n.role == NameRole::Primary && n.script == Some(veto_model::Script::Latin))
            .map(|n| n.full.clone())
    };
    let persons: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].kind == Kind::Person && primary(&entities[i]).is_some())
        .collect();
    let orgs: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].kind == Kind::Organization && primary(&entities[i]).is_some())
        .collect();
    let push = |category: &'static str,
                ei: usize,
                name: String,
                q: Query,
                exp_name: &str,
                cases: &mut Vec<Case>| {
        let _ = name;
        cases.push(Case { query: q, category, expected: expected_for(ei, exp_name) });
    };
    let pick = |pool: &[usize], rng: &mut Rng| pool[rng.below(pool.len())];
    for _ in 0..per_category {
        // exact (sanity)
        let ei = pick(&orgs, &mut rng);
        let p = primary(&entities[ei]).unwrap_or_default();
        push("exact", ei, p.clone(), Query { name: p.clone(), ..Query::default() }, &p, &mut cases);
        // typo in one token
        let ei = pick(&persons, &mut rng);
        let p = primary(&entities[ei]).unwrap_or_default();
        let mut w = latin_words(&p);
        let long: Vec<usize> = (0..w.len()).filter(|&i| w[i].len() >= 4).collect();
        if !long.is_empty() {
            let k = long[rng.below(long.len())];
            w[k] = typo(&mut rng, &w[k]);
            push("typo_one_token", ei, p.clone(), Query::name(w.join(" ")), &p, &mut cases);
        }
        // typo in every token
        let ei = pick(&persons, &mut rng);
        let p = primary(&entities[ei]).unwrap_or_default();
        let w: Vec<String> = latin_words(&p)
            .iter()
            .map(|x| if x.len() >= 5 { typo(&mut rng, x) } else { x.clone() })
            .collect();
        if w.iter().filter(|x| x.len() >= 5).count() >= 2 {
            push("typo_every_token", ei, p.clone(), Query::name(w.join(" ")), &p, &mut cases);
        }
        // reordered
        let ei = pick(&persons, &mut rng);
        let p = primary(&entities[ei]).unwrap_or_default();
        let mut w = latin_words(&p);
        if w.len() >= 2 {
            let k = 1 + rng.below(w.len() - 1);
            w.rotate_left(k);
            push("reordered", ei, p.clone(), Query::name(w.join(" ")), &p, &mut cases);
        }
        // dropped middle names
        let ei = pick(&persons, &mut rng);
        let p = primary(&entities[ei]).unwrap_or_default();
        let w = latin_words(&p);
        if w.len() >= 3 {
            let q = format!("{} {}", w[0], w[w.len() - 1]);
            push("dropped_middle", ei, p.clone(), Query::name(q), &p, &mut cases);
        }
        // initials
        let ei = pick(&persons, &mut rng);
        let p = primary(&entities[ei]).unwrap_or_default();
        let w = latin_words(&p);
        if w.len() >= 3 {
            let mut q: Vec<String> = w.clone();
            q[0] = format!("{}.", &w[0][..1]);
            push("initials", ei, p.clone(), Query::name(q.join(" ")), &p, &mut cases);
        }
        // transliteration variant
        let ei = pick(&persons, &mut rng);
        let p = primary(&entities[ei]).unwrap_or_default();
        if let Some(v) = translit_variant(&mut rng, &latin_words(&p).join(" ")) {
            push("transliteration", ei, p.clone(), Query::name(v), &p, &mut cases);
        }
        // Cyrillic script, for entities on Russia-related programs
        let ei = pick(&persons, &mut rng);
        let e = &entities[ei];
        if e.programs.iter().any(|pr| {
            pr.code.contains("RUSSIA") || pr.code.contains("UKRAINE") || pr.code == "Russia"
        }) {
            let p = primary(e).unwrap_or_default();
            let q = to_cyrillic(&latin_words(&p).join(" "));
            push("cyrillic", ei, p.clone(), Query::name(q), &p, &mut cases);
        }
        // legal form changed
        let ei = pick(&orgs, &mut rng);
        let p = primary(&entities[ei]).unwrap_or_default();
        if let Some(v) = legal_variant(&mut rng, &p) {
            push(
                "legal_form",
                ei,
                p.clone(),
                Query { name: v, kind: Some(Kind::Organization), ..Query::default() },
                &p,
                &mut cases,
            );
        }
        // joined / split tokens
        let ei = pick(&persons, &mut rng);
        let p = primary(&entities[ei]).unwrap_or_default();
        let w = latin_words(&p);
        if w.len() >= 2 {
            let mut q = w.clone();
            let k = rng.below(w.len() - 1);
            let joined = format!("{}{}", q[k], q[k + 1]);
            q.splice(k..k + 2, [joined]);
            push("joined_tokens", ei, p.clone(), Query::name(q.join(" ")), &p, &mut cases);
        }
        // with birth date (and a typo)
        let ei = pick(&persons, &mut rng);
        let e = &entities[ei];
        if let Some(bd) = e.birth_dates.first() {
            let p = primary(e).unwrap_or_default();
            let mut w = latin_words(&p);
            let k = rng.below(w.len());
            if w[k].len() >= 4 {
                w[k] = typo(&mut rng, &w[k]);
            }
            let q = Query {
                name: w.join(" "),
                kind: Some(Kind::Person),
                birth_date: Some(bd.date),
                ..Query::default()
            };
            push("with_birth_date", ei, p.clone(), q, &p, &mut cases);
        }
    }
    cases
}

/// Queries in the lists' own original scripts, to run against a matcher
/// that does not index original-script names: (case, entity).
pub fn script_cases(entities: &[Entity], max: usize) -> Vec<Case> {
    let mut cases = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        // One query per entity: its first non-Latin name.
        if let Some(n) =
            e.names.iter().find(|n| n.script.is_some_and(|s| s != veto_model::Script::Latin))
        {
            if cases.len() >= max {
                return cases;
            }
            let category = match n.script {
                Some(veto_model::Script::Arabic) => "script_arabic",
                Some(veto_model::Script::Cyrillic) => "script_cyrillic",
                Some(veto_model::Script::Han) => "script_chinese",
                _ => "script_other",
            };
            cases.push(Case {
                query: Query { name: n.full.clone(), kind: Some(e.kind), ..Query::default() },
                category,
                expected: HashSet::from([i as u32]),
            });
        }
    }
    cases
}

pub(crate) const COMPANIES: &[&str] = &[
    "Siemens AG",
    "Volkswagen AG",
    "BASF SE",
    "Bayer AG",
    "Allianz SE",
    "Deutsche Telekom AG",
    "SAP SE",
    "Nestle S.A.",
    "Novartis AG",
    "Roche Holding AG",
    "UBS Group AG",
    "ABB Ltd",
    "Unilever PLC",
    "BP p.l.c.",
    "Shell plc",
    "HSBC Holdings plc",
    "Barclays PLC",
    "Tesco PLC",
    "Vodafone Group Plc",
    "Apple Inc.",
    "Microsoft Corporation",
    "Alphabet Inc.",
    "Amazon.com, Inc.",
    "Meta Platforms, Inc.",
    "Tesla, Inc.",
    "Johnson & Johnson",
    "Procter & Gamble Company",
    "The Coca-Cola Company",
    "PepsiCo, Inc.",
    "Walmart Inc.",
    "Exxon Mobil Corporation",
    "Chevron Corporation",
    "JPMorgan Chase & Co.",
    "Bank of America Corporation",
    "Wells Fargo & Company",
    "Citigroup Inc.",
    "Goldman Sachs Group, Inc.",
    "Morgan Stanley",
    "General Electric Company",
    "General Motors Company",
    "Ford Motor Company",
    "Boeing Company",
    "Lockheed Martin Corporation",
    "Caterpillar Inc.",
    "Toyota Motor Corporation",
    "Sony Group Corporation",
    "Honda Motor Co., Ltd.",
    "Nintendo Co., Ltd.",
    "Samsung Electronics Co., Ltd.",
    "Hyundai Motor Company",
    "LG Electronics Inc.",
    "Tata Motors Limited",
    "Infosys Limited",
    "Reliance Industries Limited",
    "Fiat Chrysler Automobiles N.V.",
    "Stellantis N.V.",
    "Ferrari N.V.",
    "Eni S.p.A.",
    "Enel S.p.A.",
    "Intesa Sanpaolo S.p.A.",
    "UniCredit S.p.A.",
    "Leonardo S.p.A.",
    "Pirelli & C. S.p.A.",
    "Luxottica Group S.p.A.",
    "Telecom Italia S.p.A.",
    "Danieli & C. Officine Meccaniche S.p.A.",
    "Brembo S.p.A.",
    "Prysmian S.p.A.",
    "Atlantia S.p.A.",
    "TotalEnergies SE",
    "LVMH Moet Hennessy Louis Vuitton SE",
    "L'Oreal S.A.",
    "Airbus SE",
    "BNP Paribas S.A.",
    "Societe Generale S.A.",
    "Carrefour S.A.",
    "Danone S.A.",
    "Renault S.A.",
    "Peugeot S.A.",
    "Michelin",
    "Schneider Electric SE",
    "Orange S.A.",
    "Banco Santander, S.A.",
    "Telefonica, S.A.",
    "Iberdrola, S.A.",
    "Inditex",
    "Repsol, S.A.",
    "ING Groep N.V.",
    "Philips N.V.",
    "Heineken N.V.",
    "ASML Holding N.V.",
    "Ericsson AB",
    "Volvo AB",
    "H&M Hennes & Mauritz AB",
    "Nokia Oyj",
    "Kone Oyj",
    "Equinor ASA",
    "Maersk A/S",
    "Novo Nordisk A/S",
    "Carlsberg A/S",
    "Lego A/S",
    "Vestas Wind Systems A/S",
    "Kongsberg Gruppen ASA",
    "Yara International ASA",
    "Daimler Truck Holding AG",
    "Mercedes-Benz Group AG",
    "BMW AG",
    "Porsche AG",
    "Continental AG",
    "Thyssenkrupp AG",
    "Heidelberg Materials AG",
    "Adidas AG",
    "Puma SE",
    "Henkel AG & Co. KGaA",
    "Merck KGaA",
    "Fresenius SE & Co. KGaA",
    "Deutsche Bank AG",
    "Commerzbank AG",
    "Lufthansa AG",
    "Oracle Corporation",
    "Intel Corporation",
    "Cisco Systems, Inc.",
    "IBM Corporation",
    "Qualcomm Incorporated",
    "Nvidia Corporation",
    "Adobe Inc.",
    "Salesforce, Inc.",
    "Netflix, Inc.",
    "Starbucks Corporation",
    "McDonald's Corporation",
    "Nike, Inc.",
    "Visa Inc.",
    "Mastercard Incorporated",
    "American Express Company",
    "PayPal Holdings, Inc.",
    "Pfizer Inc.",
    "Merck & Co., Inc.",
    "AbbVie Inc.",
    "Eli Lilly and Company",
    "Moderna, Inc.",
    "3M Company",
    "Honeywell International Inc.",
    "Raytheon Technologies",
    "United Parcel Service, Inc.",
    "FedEx Corporation",
    "Delta Air Lines, Inc.",
    "Marriott International, Inc.",
    "Hilton Worldwide Holdings Inc.",
    "Canon Inc.",
    "Panasonic Holdings",
    "Hitachi, Ltd.",
    "Mitsubishi Corporation",
    "Toshiba Corporation",
    "Bridgestone Corporation",
    "Alibaba Group Holding Limited",
    "Tencent Holdings Limited",
    "Lenovo Group Limited",
    "BYD Company Limited",
    "Petrobras",
    "Vale S.A.",
    "Embraer S.A.",
    "America Movil",
    "Grupo Bimbo",
    "Cemex S.A.B. de C.V.",
    "Banco do Brasil",
    "Itau Unibanco",
    "Anglo American plc",
    "Rio Tinto Group",
    "BHP Group Limited",
    "Woolworths Group",
    "Commonwealth Bank of Australia",
    "Royal Bank of Canada",
    "Shopify Inc.",
    "Bombardier Inc.",
    "Magna International Inc.",
    "Nordea Bank Abp",
    "Swiss Re AG",
    "Zurich Insurance Group",
    "Generali S.p.A.",
    "Mediobanca S.p.A.",
    "Finmeccanica",
    "Fincantieri S.p.A.",
    "Saipem S.p.A.",
];

pub(crate) const GIVEN: &[&str] = &[
    "John",
    "Mary",
    "Giuseppe",
    "Maria",
    "Hans",
    "Anna",
    "Pierre",
    "Sophie",
    "Jose",
    "Carmen",
    "James",
    "Linda",
    "Marco",
    "Giulia",
    "Peter",
    "Laura",
    "Michael",
    "Sarah",
    "Paolo",
    "Francesca",
    "Thomas",
    "Elena",
    "Luca",
    "Chiara",
    "David",
    "Emma",
    "Carlos",
    "Lucia",
    "Robert",
    "Karen",
];
pub(crate) const FAMILY: &[&str] = &[
    "Smith",
    "Rossi",
    "Muller",
    "Garcia",
    "Martin",
    "Bianchi",
    "Schmidt",
    "Lopez",
    "Brown",
    "Ferrari",
    "Fischer",
    "Dubois",
    "Johnson",
    "Romano",
    "Weber",
    "Moreau",
    "Williams",
    "Colombo",
    "Wagner",
    "Lefebvre",
    "Jones",
    "Ricci",
    "Becker",
    "Fernandez",
    "Taylor",
    "Conti",
    "Hoffmann",
    "Bernard",
    "Davies",
    "Esposito",
];

/// Real names that are on no list.
pub fn negative_cases(entities: &[Entity]) -> Result<Vec<Case>> {
    let listed: HashSet<String> =
        entities.iter().flat_map(|e| e.names.iter().map(|n| name_key(&n.full))).collect();
    let mut names: Vec<(String, Kind, &'static str)> = Vec::new();
    let senzing = veto_lists::parse_paths(
        &[data("opensanctions/us_congress_senzing.json.gz")],
        &veto_lists::Options::default(),
    )
    .context("senzing")?;
    for e in senzing.iter().flat_map(|l| &l.entities) {
        if let Some(n) = e.primary_name() {
            names.push((n.to_string(), Kind::Person, "negative_person_congress"));
        }
    }
    for c in COMPANIES {
        names.push((c.to_string(), Kind::Organization, "negative_company"));
    }
    for g in GIVEN {
        for f in FAMILY.iter().step_by(3) {
            names.push((format!("{g} {f}"), Kind::Person, "negative_common_name"));
        }
    }
    Ok(names
        .into_iter()
        .filter(|(n, _, _)| !listed.contains(&name_key(n)))
        .map(|(n, _kind, category)| Case {
            query: Query::name(n),
            category,
            expected: HashSet::new(),
        })
        .collect())
}

/// Results per category.
#[derive(Default)]
struct Tally {
    n: usize,
    at1: usize,
    at10: usize,
    at_threshold: usize,
    fp: usize,
}

/// Runs the variant and negative sets and prints recall and FP rates.
pub fn bench_quality(per_category: usize) -> Result<()> {
    let entities = corpus()?;
    let names: usize = entities.iter().map(|e| e.names.len()).sum();
    println!("corpus: {} entities, {} names ({})", entities.len(), names, CORPUS.join(", "));
    let mut cases = variant_cases(&entities, per_category, 0x5eed);
    let negatives = negative_cases(&entities)?;
    let t = Instant::now();
    let matcher = Matcher::new(entities.clone());
    println!("index build: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    // Original-script queries against a matcher without original-script names.
    let stripped: Vec<Entity> = entities
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e.names.retain(|n| n.script.is_none_or(|s| s == veto_model::Script::Latin));
            e
        })
        .collect();
    let script = script_cases(&entities, 400);
    let latin_matcher = Matcher::new(stripped);

    let ranked = ScreenOptions { limit: 10, threshold: 0.0 };
    let eval = |m: &Matcher,
                cs: &[Case],
                tallies: &mut std::collections::BTreeMap<&'static str, Tally>| {
        let results: Vec<(usize, usize, bool, bool)> = cs
            .par_iter()
            .map(|c| {
                let hits = m.screen(&c.query, &ranked);
                let pos = hits.iter().position(|h| c.expected.contains(&h.entity));
                let over = hits
                    .iter()
                    .any(|h| h.score >= DEFAULT_THRESHOLD && c.expected.contains(&h.entity));
                let any_over = hits.iter().any(|h| h.score >= DEFAULT_THRESHOLD);
                (pos.map_or(99, |p| p), 0, over, any_over)
            })
            .collect();
        let verbose = std::env::var("VETO_BENCH_VERBOSE").ok();
        // VETO_BENCH_TOP1: also the queries whose entity is found, not first.
        let top1 = std::env::var_os("VETO_BENCH_TOP1").is_some();
        for (c, (pos, _, over, any_over)) in cs.iter().zip(results) {
            if let Some(cat) = &verbose {
                let bad = if c.expected.is_empty() { any_over } else { !over || (top1 && pos > 0) };
                if bad && (cat == "all" || cat == c.category) {
                    let hits = m.screen(&c.query, &ranked);
                    let exp: Vec<String> = c
                        .expected
                        .iter()
                        .take(2)
                        .map(|&e| {
                            let e = &m.entities()[e as usize];
                            format!("{} '{}'", e.id, e.primary_name().unwrap_or(""))
                        })
                        .collect();
                    println!(
                        "MISS [{}] q='{}' expected {:?} (rank {pos})",
                        c.category, c.query.name, exp
                    );
                    for h in hits.iter().take(2) {
                        println!(
                            "     {:.2} {} :: {}",
                            h.score,
                            m.entity(h).id,
                            h.explanation.summary
                        );
                    }
                }
            }
            let t = tallies.entry(c.category).or_default();
            t.n += 1;
            if c.expected.is_empty() {
                t.fp += usize::from(any_over);
            } else {
                t.at1 += usize::from(pos == 0);
                t.at10 += usize::from(pos < 10);
                t.at_threshold += usize::from(over);
            }
        }
    };
    let mut tallies = std::collections::BTreeMap::new();
    eval(&matcher, &cases, &mut tallies);
    eval(&latin_matcher, &script, &mut tallies);
    eval(&matcher, &negatives, &mut tallies);
    let mut total = Tally::default();
    let mut neg = Tally::default();
    println!(
        "{:<24} {:>5} {:>9} {:>9} {:>12} {:>8}",
        "category", "n", "recall@1", "recall@10", "recall@thr", "FP rate"
    );
    for (cat, t) in &tallies {
        if cat.starts_with("negative") {
            println!(
                "{cat:<24} {:>5} {:>9} {:>9} {:>12} {:>7.2}%",
                t.n,
                "",
                "",
                "",
                100.0 * t.fp as f64 / t.n as f64
            );
            neg.n += t.n;
            neg.fp += t.fp;
        } else {
            let p = |x: usize| 100.0 * x as f64 / t.n.max(1) as f64;
            println!(
                "{cat:<24} {:>5} {:>8.1}% {:>8.1}% {:>11.1}%",
                t.n,
                p(t.at1),
                p(t.at10),
                p(t.at_threshold)
            );
            total.n += t.n;
            total.at1 += t.at1;
            total.at10 += t.at10;
            total.at_threshold += t.at_threshold;
        }
    }
    let p = |x: usize| 100.0 * x as f64 / total.n.max(1) as f64;
    println!(
        "ALL VARIANTS             {:>5} {:>8.1}% {:>8.1}% {:>11.1}%   (threshold {DEFAULT_THRESHOLD})",
        total.n, p(total.at1), p(total.at10), p(total.at_threshold)
    );
    println!(
        "ALL NEGATIVES            {:>5} false-positive rate {:.2}%",
        neg.n,
        100.0 * neg.fp as f64 / neg.n.max(1) as f64
    );
    cases.clear();
    Ok(())
}

/// Screens names against the benchmark corpus and prints the best hits with
/// their explanations (`--latin`: against the matcher without
/// original-script names, as the script queries of the variant set are).
pub fn debug_screen(args: &[String]) -> Result<()> {
    let latin = args.iter().any(|a| a == "--latin");
    let mut entities = corpus()?;
    if latin {
        for e in &mut entities {
            e.names.retain(|n| n.script.is_none_or(|s| s == veto_model::Script::Latin));
        }
    }
    let m = Matcher::new(entities);
    let opts = ScreenOptions { limit: 5, threshold: 0.0 };
    for name in args.iter().filter(|a| !a.starts_with("--")) {
        let q = m.index().prepare(name, None);
        let toks: Vec<String> =
            q.toks.iter().map(|t| format!("{} {:?} {:.2}", t.text, t.class, t.weight)).collect();
        println!("{name} [{}]", toks.join(", "));
        for h in m.screen(&Query::name(name.as_str()), &opts) {
            println!("  {:.3} {} :: {}", h.score, m.entity(&h).id, h.explanation.summary);
        }
    }
    Ok(())
}

/// The nomenklatura name-pair benchmark through `compare`.
pub fn bench_nomenklatura() -> Result<()> {
    let entities = corpus()?;
    let matcher = Matcher::new(entities);
    let mut rdr = csv::Reader::from_path(data("eval/nomenklatura_name_bench_cases.csv"))?;
    let (mut tp, mut fp, mut tn, mut fneg) = (0, 0, 0, 0);
    let mut wrong: Vec<String> = Vec::new();
    let mut all: Vec<(f32, bool)> = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        let schema = rec.get(1).unwrap_or("");
        let kind = match schema {
            "Person" => Some(Kind::Person),
            "Company" | "Organization" | "LegalEntity" => Some(Kind::Organization),
            "Vessel" => Some(Kind::Vessel),
            _ => None,
        };
        let (a, b) = (rec.get(2).unwrap_or(""), rec.get(3).unwrap_or(""));
        let truth = rec.get(4) == Some("true");
        let (score, _) = matcher.compare(a, b, kind);
        all.push((score, truth));
        let said = score >= DEFAULT_THRESHOLD;
        match (truth, said) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (false, false) => tn += 1,
            (true, false) => fneg += 1,
        }
        if truth != said && wrong.len() < 400 {
            wrong.push(format!(
                "{} {score:.2} {} {schema}: {a} | {b}",
                if truth { "FN" } else { "FP" },
                rec.get(0).unwrap_or("")
            ));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(1e-9);
    println!(
        "nomenklatura name bench ({} pairs) at threshold {DEFAULT_THRESHOLD}: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3} (tp {tp}, fp {fp}, tn {tn}, fn {fneg})",
        tp + fp + tn + fneg
    );
    // How F1 would vary with the threshold (for information: the default is
    // chosen on the variant and negative sets, not here).
    let curve: Vec<String> = [0.7f32, 0.75, 0.8, 0.85, 0.9]
        .iter()
        .map(|&t| {
            let tp = all.iter().filter(|(s, m)| *m && *s >= t).count() as f64;
            let fp = all.iter().filter(|(s, m)| !*m && *s >= t).count() as f64;
            let fneg = all.iter().filter(|(s, m)| *m && *s < t).count() as f64;
            let (p, r) = (tp / (tp + fp).max(1.0), tp / (tp + fneg).max(1.0));
            format!("{t:.2}: F1 {:.3}", 2.0 * p * r / (p + r).max(1e-9))
        })
        .collect();
    println!("  F1 by threshold: {}", curve.join(", "));
    if std::env::var_os("VETO_BENCH_VERBOSE").is_some() {
        for w in wrong {
            println!("  {w}");
        }
    }
    Ok(())
}

/// The cross-script pairs: each non-Latin query whose Latin name is on the
/// lists must find that entity as its top hit.
pub fn bench_cross_script() -> Result<()> {
    let entities = corpus()?;
    let matcher = Matcher::new(entities);
    let text = std::fs::read_to_string(data("eval/cross_script_pairs.csv"))?;
    let any = ScreenOptions { limit: 10, threshold: 0.0 };
    let (mut on_list, mut found) = (0, 0);
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let (q, latin) = (f[0], f.get(1).copied().unwrap_or(""));
        // The Latin name is "on the list" if some entity has a name whose
        // tokens equal it.
        let key = name_key(latin);
        let targets: HashSet<u32> = matcher
            .entities()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.names.iter().any(|n| name_key(&n.full) == key))
            .map(|(i, _)| i as u32)
            .collect();
        let hits = matcher.screen(&Query::name(q), &any);
        let top = hits.first();
        let status = if targets.is_empty() {
            "not on the lists".to_string()
        } else {
            on_list += 1;
            let ok = top.is_some_and(|h| {
                targets.contains(&h.entity)
                    || hits
                        .iter()
                        .take_while(|x| x.score >= h.score - 1e-6)
                        .any(|x| targets.contains(&x.entity))
            });
            found += usize::from(ok);
            if ok {
                "FOUND as top hit".into()
            } else {
                "MISSED".into()
            }
        };
        let top_s = top
            .map(|h| {
                format!("{:.2} {} '{}'", h.score, matcher.entity(h).id, h.explanation.matched_name)
            })
            .unwrap_or_else(|| "-".into());
        println!("  {q} -> {latin}: {status} (top: {top_s})");
    }
    println!(
        "cross-script: {found}/{on_list} pairs whose Latin name is listed found as the top hit"
    );
    Ok(())
}

/// Latency, throughput, build time and memory.
pub fn bench_speed(runs: usize) -> Result<()> {
    let entities = corpus()?;
    let mut builds = Vec::new();
    let mut matcher = None;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let m = Matcher::new(entities.clone());
        builds.push(t.elapsed().as_secs_f64() * 1e3);
        matcher = Some(m);
    }
    let matcher = matcher.context("no matcher")?;
    let mut cases = variant_cases(&entities, 300, 0xbeef);
    cases.extend(negative_cases(&entities)?);
    let opts = ScreenOptions::default();
    // Single-query latency, one thread.
    let mut lat = Vec::with_capacity(cases.len());
    let mut hits = 0usize;
    for c in &cases {
        let t = Instant::now();
        let h = matcher.screen(&c.query, &opts);
        lat.push(t.elapsed().as_secs_f64() * 1e6);
        hits += h.len();
    }
    if std::env::var_os("VETO_BENCH_VERBOSE").is_some() {
        let mut slow: Vec<(f64, &str)> =
            lat.iter().zip(&cases).map(|(&t, c)| (t, c.query.name.as_str())).collect();
        slow.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (t, name) in slow.iter().take(15) {
            println!("  slow: {t:.0} µs  {name}");
        }
    }
    // Where the time goes: preparation, candidate retrieval, the rest.
    let (mut tp, mut tc) = (Vec::new(), Vec::new());
    for c in &cases {
        let t = Instant::now();
        let q = matcher.index().prepare(&c.query.name, c.query.kind);
        tp.push(t.elapsed().as_secs_f64() * 1e6);
        let t = Instant::now();
        let n = matcher.index().candidates(&q, 60).len();
        tc.push(t.elapsed().as_secs_f64() * 1e6 + n as f64 * 0.0);
    }
    println!(
        "  prepare p50 {:.0} µs, candidates p50 {:.0} µs",
        percentile(&tp, 50.0),
        percentile(&tc, 50.0)
    );
    let p50 = percentile(&lat, 50.0);
    let p99 = percentile(&lat, 99.0);
    // Batch throughput on all cores.
    let t = Instant::now();
    let rounds = 5;
    let mut n = 0usize;
    for _ in 0..rounds {
        n += cases.par_iter().map(|c| matcher.screen(&c.query, &opts).len()).count();
    }
    let qps = n as f64 / t.elapsed().as_secs_f64();
    println!(
        "index build: median {:.0} ms over {} runs; queries: {}; latency p50 {p50:.0} µs, p99 {p99:.0} µs (1 thread); batch {qps:.0} queries/s on {} threads; hits {hits}",
        median(builds.clone()),
        builds.len(),
        cases.len(),
        rayon::current_num_threads()
    );
    println!("peak RSS: {:.0} MB", crate::peak_rss_mb());
    Ok(())
}
