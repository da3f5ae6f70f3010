//! The `veto scan` benchmark: a generator of realistic inputs with listed names embedded
//! at known byte spans (news-like prose, MT103 messages, pacs.008 XML), and clean inputs
//! with look-alike but unlisted names; recall, false mentions and throughput.
//!
//! Nothing here is copied text: the prose is assembled from sentence templates written for
//! this benchmark, filled with places, dates, amounts and names.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use veto_matcher::Matcher;
use veto_model::{Entity, Kind, NameRole, Script};
use veto_scan::{input, Format, ScanOptions, ScanState, Scanner};

use crate::quality::{
    corpus, legal_variant, name_key, to_cyrillic, typo, COMPANIES, FAMILY, GIVEN,
};
use crate::rng::Rng;

/// A generated input and the listed names embedded in it.
pub struct Doc {
    /// File name.
    pub name: String,
    /// Its format.
    pub format: Format,
    /// Its bytes.
    pub text: String,
    /// Embedded listed names: byte span, acceptable entities, how it was varied.
    pub truth: Vec<Truth>,
}

/// One embedded listed name.
pub struct Truth {
    /// Byte span in the document.
    pub span: std::ops::Range<usize>,
    /// Acceptable entity indices.
    pub expected: HashSet<u32>,
    /// The variant applied.
    pub variant: &'static str,
    /// The text embedded.
    pub written: String,
}

const PLACES: &[&str] = &[
    "Vienna",
    "Geneva",
    "Dubai",
    "Istanbul",
    "Limassol",
    "Riga",
    "Hong Kong",
    "Singapore",
    "Milan",
    "Rotterdam",
    "Antwerp",
    "Tallinn",
    "Baku",
    "Almaty",
    "Tbilisi",
    "Yerevan",
    "Frankfurt",
    "Zurich",
    "Lugano",
    "Monaco",
    "Marseille",
    "Piraeus",
    "Valletta",
    "Nicosia",
];
const COUNTRIES: &[&str] = &[
    "Italy",
    "Germany",
    "Turkey",
    "Kazakhstan",
    "Georgia",
    "Armenia",
    "the United Arab Emirates",
    "Cyprus",
    "Latvia",
    "Switzerland",
    "Greece",
    "Malta",
    "Austria",
    "the Netherlands",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const GOODS: &[&str] = &[
    "machine tools",
    "hydraulic presses",
    "spare parts",
    "industrial valves",
    "ball bearings",
    "control units",
    "diesel engines",
    "textile machinery",
    "packaging lines",
    "turbine blades",
];

/// Sentences without names: `{P}` a place, `{C}` a country, `{M}` a month, `{N}` a number,
/// `{G}` goods.
const FILLER: &[&str] = &[
    "Markets were calm on Tuesday as investors waited for the central bank's decision on interest rates.",
    "Exports of {G} to {C} rose by {N} percent in {M}, according to figures published by the customs office.",
    "The shipment left the port of {P} in early {M} and was expected to arrive within three weeks.",
    "Analysts said the new rules would make it harder for intermediaries to hide the final destination of goods.",
    "A spokesman for the ministry declined to comment on the report.",
    "The company said it had complied with all applicable regulations and would cooperate with the authorities.",
    "Trade between the two countries has more than doubled since the start of the year.",
    "Officials in {P} said the inspection had found no irregularities in the paperwork.",
    "The contract, worth about {N} million euros, covered the delivery of {G} over two years.",
    "Several banks have tightened their checks on payments routed through {C}.",
    "The invoice was settled in three instalments, the last of them in {M}.",
    "Lawyers for the firm argued that the goods were intended for civilian use only.",
    "Freight rates on the route have fallen since {M}, brokers in {P} said.",
    "The board approved the accounts for the year and proposed a dividend of {N} cents per share.",
    "The auditors noted that several transactions lacked supporting documents.",
    "Customs officers in {P} seized a container of {G} that had been declared as household goods.",
    "The regulator opened an investigation into the transfers last {M}.",
    "Demand for {G} remained strong in {C} despite the slowdown in construction.",
    "The hearing was adjourned until {M} at the request of the defence.",
    "Independent experts said the figures were consistent with earlier estimates.",
    "The new warehouse near {P} will employ around {N} people when it opens.",
    "Prices for steel and aluminium have been volatile for most of the year.",
    "The agreement still needs the approval of the competition authority in {C}.",
    "Diplomats said talks would continue in {P} next month.",
    "The weather delayed loading operations at the terminal for two days.",
    "Insurance premiums for vessels calling at ports in the region have risen sharply.",
    "The new director promised to review all contracts signed with foreign partners.",
    "A report by the parliamentary committee criticised the lack of oversight.",
];

/// Sentences with one name: `{PERSON}`, `{ORG}` or `{VESSEL}`.
const WITH_NAME: &[&str] = &[
    "According to documents seen by reporters, {ORG} received {N} payments from a trading firm in {P}.",
    "{PERSON} was seen in {P} in {M}, people familiar with the matter said.",
    "The transfer was made on behalf of {PERSON}, who did not respond to requests for comment.",
    "A subsidiary of {ORG} signed a contract for the supply of {G} to a customer in {C}.",
    "The vessel {VESSEL} switched off its transponder after leaving {P}, tracking data show.",
    "Investigators traced the funds to an account held by {ORG} in {P}.",
    "In an interview, {PERSON} denied any involvement in the deal.",
    "The cargo of {G} was later transferred to the {VESSEL} in international waters.",
    "Shares in {ORG} fell by {N} percent after the announcement.",
    "Court filings in {P} name {PERSON} as the ultimate beneficial owner of the company.",
    "The bank refused to process a payment to {ORG}, citing its compliance policy.",
    "{ORG} said in a statement that it had never done business in {C}.",
    "Correspondence shows that {PERSON} negotiated the price of the {G} directly.",
    "The {VESSEL}, flying the flag of a small island state, was last reported near {P}.",
];

fn fill(rng: &mut Rng, t: &str) -> String {
    let mut s = t.to_string();
    while let Some(i) = s.find('{') {
        let Some(j) = s[i..].find('}') else { break };
        let key = s[i + 1..i + j].to_string();
        let v = match key.as_str() {
            "P" => PLACES[rng.below(PLACES.len())].to_string(),
            "C" => COUNTRIES[rng.below(COUNTRIES.len())].to_string(),
            "M" => MONTHS[rng.below(MONTHS.len())].to_string(),
            "N" => (2 + rng.below(97)).to_string(),
            "G" => GOODS[rng.below(GOODS.len())].to_string(),
            _ => break,
        };
        s.replace_range(i..i + j + 1, &v);
    }
    s
}

/// The listed names to embed, per kind, and what each may be matched to.
struct Pools {
    persons: Vec<(usize, String)>,
    orgs: Vec<(usize, String)>,
    vessels: Vec<(usize, String)>,
    by_key: HashMap<String, HashSet<u32>>,
    /// Original-script names (Cyrillic, Arabic) with their entity.
    scripts: Vec<(usize, String)>,
}

impl Pools {
    fn new(entities: &[Entity]) -> Pools {
        let mut p = Pools {
            persons: Vec::new(),
            orgs: Vec::new(),
            vessels: Vec::new(),
            by_key: HashMap::new(),
            scripts: Vec::new(),
        };
        for (i, e) in entities.iter().enumerate() {
            for n in &e.names {
                p.by_key.entry(name_key(&n.full)).or_default().insert(i as u32);
            }
            let primary = e
                .names
                .iter()
                .find(|n| n.role == NameRole::Primary && n.script == Some(Script::Latin))
                .map(|n| n.full.clone());
            if let Some(name) = primary {
                match e.kind {
                    Kind::Person => p.persons.push((i, natural(&name))),
                    Kind::Organization => p.orgs.push((i, name)),
                    Kind::Vessel => p.vessels.push((i, name)),
                    _ => {}
                }
            }
            for n in &e.names {
                if matches!(n.script, Some(Script::Cyrillic) | Some(Script::Arabic)) {
                    p.scripts.push((i, n.full.clone()));
                }
            }
        }
        p
    }

    fn expected(&self, ei: usize, name: &str) -> HashSet<u32> {
        let mut s = self.by_key.get(&name_key(name)).cloned().unwrap_or_default();
        s.insert(ei as u32);
        s
    }
}

/// "PUTIN, Vladimir Vladimirovich" → "Vladimir Vladimirovich PUTIN".
fn natural(name: &str) -> String {
    match name.split_once(", ") {
        Some((last, first)) if !first.contains(',') => format!("{first} {last}"),
        _ => name.to_string(),
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A listed name of `kind`, varied; the written form, the entity set and the variant.
fn listed(
    rng: &mut Rng,
    pools: &Pools,
    kind: Kind,
    upper: bool,
) -> (String, HashSet<u32>, &'static str) {
    let pool = match kind {
        Kind::Person => &pools.persons,
        Kind::Vessel => &pools.vessels,
        _ => &pools.orgs,
    };
    let (ei, name) = &pool[rng.below(pool.len())];
    let expected = pools.expected(*ei, name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let r = rng.below(100);
    let (text, variant) = if r < 20 {
        (name.clone(), "as listed")
    } else if r < 35 {
        let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        let candidates: Vec<usize> = (0..w.len()).filter(|&i| w[i].len() >= 5).collect();
        if candidates.is_empty() {
            (name.clone(), "as listed")
        } else {
            let i = candidates[rng.below(candidates.len())];
            w[i] = typo(rng, &w[i]);
            (w.join(" "), "typo")
        }
    } else if r < 50 {
        (title_case(name), "title case")
    } else if r < 60 {
        (name.to_lowercase(), "lower case")
    } else if r < 70 && kind == Kind::Person && words.len() >= 2 {
        let mut w = words.clone();
        let last = w.pop().unwrap_or_default();
        (format!("{} {}", last, w.join(" ")), "surname first")
    } else if r < 78 && kind == Kind::Organization {
        match legal_variant(rng, name) {
            Some(v) => (v, "legal form changed"),
            None => (name.to_uppercase(), "upper case"),
        }
    } else if r < 86 && kind == Kind::Person && name.is_ascii() {
        (title_case(&to_cyrillic(name)), "Cyrillic")
    } else if r < 90 && !pools.scripts.is_empty() && kind != Kind::Vessel {
        let (ei, n) = &pools.scripts[rng.below(pools.scripts.len())];
        return (n.clone(), pools.expected(*ei, n), "original script");
    } else {
        (name.to_uppercase(), "upper case")
    };
    let text = if upper { text.to_uppercase() } else { text };
    (text, expected, variant)
}

/// An unlisted name that looks like the real thing.
fn lookalike(rng: &mut Rng, pools: &Pools, kind: Kind, listed_keys: &HashSet<String>) -> String {
    for _ in 0..20 {
        let s = match kind {
            Kind::Person => {
                if rng.chance(0.5) {
                    // A listed person's given name with an ordinary surname.
                    let (_, n) = &pools.persons[rng.below(pools.persons.len())];
                    let first = n.split_whitespace().next().unwrap_or("Ivan");
                    format!("{} {}", title_case(first), FAMILY[rng.below(FAMILY.len())])
                } else {
                    format!("{} {}", GIVEN[rng.below(GIVEN.len())], FAMILY[rng.below(FAMILY.len())])
                }
            }
            Kind::Vessel => {
                const A: &[&str] = &[
                    "Nordic", "Blue", "Aegean", "Baltic", "Silver", "Adriatic", "Coral", "Eastern",
                ];
                const B: &[&str] = &[
                    "Trader", "Carrier", "Spirit", "Voyager", "Breeze", "Pioneer", "Runner",
                    "Mariner",
                ];
                format!("{} {}", A[rng.below(A.len())], B[rng.below(B.len())])
            }
            _ => {
                if rng.chance(0.5) {
                    COMPANIES[rng.below(COMPANIES.len())].to_string()
                } else {
                    const IND: &[&str] = &[
                        "Logistics",
                        "Meccanica",
                        "Trading",
                        "Engineering",
                        "Impianti",
                        "Foods",
                        "Textiles",
                        "Consulting",
                    ];
                    const FORM: &[&str] = &["S.r.l.", "S.p.A.", "GmbH", "Ltd", "LLC", "SA", "B.V."];
                    format!(
                        "{} {} {}",
                        FAMILY[rng.below(FAMILY.len())],
                        IND[rng.below(IND.len())],
                        FORM[rng.below(FORM.len())]
                    )
                }
            }
        };
        if !listed_keys.contains(&name_key(&s)) {
            return s;
        }
    }
    "Giuseppe Verdi".to_string()
}

fn kind_for(placeholder: &str) -> Kind {
    match placeholder {
        "PERSON" => Kind::Person,
        "VESSEL" => Kind::Vessel,
        _ => Kind::Organization,
    }
}

/// Wraps `text` at `width` columns, recording how each byte moved (spaces become line
/// breaks only, so offsets do not change).
fn wrap_in_place(text: &mut String, width: usize) {
    let mut bytes = std::mem::take(text).into_bytes();
    let mut col = 0;
    let mut last_space = None;
    for i in 0..bytes.len() {
        if bytes[i] == b'\n' {
            col = 0;
            last_space = None;
            continue;
        }
        if bytes[i] == b' ' {
            last_space = Some(i);
        }
        col += 1;
        if col > width {
            if let Some(s) = last_space {
                bytes[s] = b'\n';
                col = i - s;
                last_space = None;
            }
        }
    }
    *text = String::from_utf8(bytes).unwrap_or_default();
}

/// News-like prose of about `size` bytes; with listed names when `listed` (one sentence
/// in four carries a name), otherwise with look-alikes.
fn gen_prose(
    rng: &mut Rng,
    pools: &Pools,
    listed_keys: &HashSet<String>,
    size: usize,
    with_listed: bool,
    name: String,
) -> Doc {
    let mut text = String::new();
    let mut truth = Vec::new();
    while text.len() < size {
        // A paragraph of 3–7 sentences.
        let n = 3 + rng.below(5);
        for k in 0..n {
            if k > 0 {
                text.push(' ');
            }
            if rng.chance(0.25) {
                let t = WITH_NAME[rng.below(WITH_NAME.len())];
                // The name's placeholder (others, like {G} or {P}, are filled).
                let i = ["{PERSON}", "{ORG}", "{VESSEL}"]
                    .iter()
                    .filter_map(|p| t.find(p))
                    .min()
                    .unwrap_or(0);
                let j = i + t[i..].find('}').unwrap_or(0);
                let ph = &t[i + 1..j];
                let kind = kind_for(ph);
                let before = fill(rng, &t[..i]);
                let after = fill(rng, &t[j + 1..]);
                text.push_str(&before);
                let start = text.len();
                if with_listed {
                    let (w, expected, variant) = listed(rng, pools, kind, false);
                    text.push_str(&w);
                    truth.push(Truth { span: start..text.len(), expected, variant, written: w });
                } else {
                    text.push_str(&lookalike(rng, pools, kind, listed_keys));
                }
                text.push_str(&after);
            } else {
                let t = FILLER[rng.below(FILLER.len())];
                text.push_str(&fill(rng, t));
            }
        }
        text.push_str("\n\n");
    }
    wrap_in_place(&mut text, 76);
    Doc { name, format: Format::Text, text, truth }
}

/// Wraps a field value at 35 characters (SWIFT `4*35x`), cutting inside words when a word
/// does not fit, as payment systems do.
fn swift_lines(value: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for w in value.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + w.len() > 35 {
            out.push_str(&line);
            out.push_str("\r\n");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
        while line.len() > 35 {
            let cut = line.char_indices().nth(35).map_or(line.len(), |(i, _)| i);
            out.push_str(&line[..cut]);
            out.push_str("\r\n");
            line = line[cut..].to_string();
        }
    }
    out.push_str(&line);
    out
}

/// SWIFT's X character set has no lowercase and no other scripts: fold names to it.
fn swift_x(s: &str) -> String {
    veto_names::fold(s).to_uppercase()
}

/// Writes one party or remittance field of an MT103.
#[allow(clippy::too_many_arguments)]
fn mt_field(
    rng: &mut Rng,
    pools: &Pools,
    listed_keys: &HashSet<String>,
    truth: &mut Vec<Truth>,
    tag: &str,
    text: &mut String,
    listed_here: bool,
    kind: Kind,
    prefix: &str,
) {
    let _ = write!(text, ":{tag}:");
    if tag != "70" {
        let _ = write!(text, "/IT{:02}X{:022}\r\n", rng.below(100), rng.below(1_000_000_000));
    }
    if listed_here {
        let (w, expected, variant) = listed(rng, pools, kind, true);
        let w = swift_x(&w);
        let value = format!("{prefix}{w}");
        let wrapped = swift_lines(&value);
        // The name is the end of the value; wrapping only turned spaces into
        // line breaks or cut words, so count the characters before it.
        let skip = prefix.chars().filter(|c| !c.is_whitespace()).count();
        let start = text.len()
            + wrapped
                .char_indices()
                .filter(|(_, c)| !c.is_whitespace())
                .nth(skip)
                .map_or(0, |(i, _)| i);
        text.push_str(&wrapped);
        truth.push(Truth { span: start..text.len(), expected, variant, written: w });
    } else {
        let v = format!("{prefix}{}", swift_x(&lookalike(rng, pools, kind, listed_keys)));
        text.push_str(&swift_lines(&v));
    }
    text.push_str("\r\n");
    if tag != "70" {
        let _ =
            write!(text, "VIA {} {}\r\n", rng.below(200), swift_x(PLACES[rng.below(PLACES.len())]));
    }
}

/// `n` MT103 messages in one file; in `with_listed` files, half the messages carry a listed
/// name in field 59, 50K or 70.
fn gen_mt103(
    rng: &mut Rng,
    pools: &Pools,
    listed_keys: &HashSet<String>,
    n: usize,
    with_listed: bool,
    name: String,
) -> Doc {
    let mut text = String::new();
    let mut truth = Vec::new();
    for m in 0..n {
        let _ = write!(
            text,
            "{{1:F01BANKITMMAXXX{:010}}}{{2:I103BANKDEFFXXXXN}}{{3:{{108:REF{m:07}}}}}{{4:\r\n:20:INV{m:08}\r\n:23B:CRED\r\n:32A:2408{:02}EUR{},00\r\n",
            rng.below(1_000_000_000),
            1 + rng.below(28),
            1000 + rng.below(900_000)
        );
        let carry = with_listed && rng.chance(0.5);
        let slot = rng.below(3);
        let k1 = if rng.chance(0.5) { Kind::Person } else { Kind::Organization };
        mt_field(rng, pools, listed_keys, &mut truth, "50K", &mut text, carry && slot == 0, k1, "");
        text.push_str(":57A:BCITITMM\r\n");
        let k2 = if rng.chance(0.4) { Kind::Person } else { Kind::Organization };
        mt_field(rng, pools, listed_keys, &mut truth, "59", &mut text, carry && slot == 1, k2, "");
        let k3 = if rng.chance(0.5) { Kind::Person } else { Kind::Organization };
        let goods = swift_x(GOODS[rng.below(GOODS.len())]);
        mt_field(
            rng,
            pools,
            listed_keys,
            &mut truth,
            "70",
            &mut text,
            carry && slot == 2,
            k3,
            &format!("/INV/{m} {goods} ON BEHALF OF "),
        );
        text.push_str(":71A:SHA\r\n-}{5:{CHK:0123456789AB}}\r\n");
    }
    Doc { name, format: Format::Mt, text, truth }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Writes one party of a pacs.008.
fn pacs_party(
    rng: &mut Rng,
    pools: &Pools,
    listed_keys: &HashSet<String>,
    truth: &mut Vec<Truth>,
    tag: &str,
    text: &mut String,
    listed_here: bool,
) {
    let kind = if rng.chance(0.5) { Kind::Person } else { Kind::Organization };
    let _ = write!(text, "<{tag}><Nm>");
    if listed_here {
        let (w, expected, variant) = listed(rng, pools, kind, false);
        let esc = xml_escape(&w);
        let start = text.len();
        text.push_str(&esc);
        truth.push(Truth { span: start..text.len(), expected, variant, written: w });
    } else {
        text.push_str(&xml_escape(&lookalike(rng, pools, kind, listed_keys)));
    }
    let _ = writeln!(
        text,
        "</Nm><PstlAdr><StrtNm>Via {}</StrtNm><TwnNm>{}</TwnNm><Ctry>IT</Ctry></PstlAdr></{tag}>",
        rng.below(300),
        PLACES[rng.below(PLACES.len())]
    );
}

/// One pacs.008 document; with a listed debtor or creditor name when `with_listed`.
fn gen_pacs008(
    rng: &mut Rng,
    pools: &Pools,
    listed_keys: &HashSet<String>,
    with_listed: bool,
    name: String,
) -> Doc {
    let mut text = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">\n<FIToFICstmrCdtTrf>\n<GrpHdr><MsgId>MSG");
    let _ = write!(text, "{}</MsgId><CreDtTm>2024-08-01T10:00:00</CreDtTm><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr>\n<CdtTrfTxInf>\n<PmtId><EndToEndId>E2E{}</EndToEndId></PmtId>\n<IntrBkSttlmAmt Ccy=\"EUR\">{}.00</IntrBkSttlmAmt>\n", rng.below(1_000_000), rng.below(1_000_000), 100 + rng.below(100_000));
    let mut truth = Vec::new();
    let which = rng.below(2);
    pacs_party(rng, pools, listed_keys, &mut truth, "Dbtr", &mut text, with_listed && which == 0);
    text.push_str("<DbtrAgt><FinInstnId><BICFI>BCITITMM</BICFI></FinInstnId></DbtrAgt>\n<CdtrAgt><FinInstnId><BICFI>DEUTDEFF</BICFI></FinInstnId></CdtrAgt>\n");
    pacs_party(rng, pools, listed_keys, &mut truth, "Cdtr", &mut text, with_listed && which == 1);
    let _ = write!(text, "<RmtInf><Ustrd>Invoice {} {}</Ustrd></RmtInf>\n</CdtTrfTxInf>\n</FIToFICstmrCdtTrf>\n</Document>\n", rng.below(10_000), GOODS[rng.below(GOODS.len())]);
    Doc { name, format: Format::Iso20022, text, truth }
}

/// The evaluation corpus: listed and clean documents of every format.
pub fn generate(entities: &[Entity], seed: u64, scale: usize) -> (Vec<Doc>, Vec<Doc>) {
    let pools = Pools::new(entities);
    let listed_keys: HashSet<String> = pools.by_key.keys().cloned().collect();
    let mut rng = Rng::new(seed);
    let mut listed = Vec::new();
    let mut clean = Vec::new();
    for i in 0..scale {
        listed.push(gen_prose(
            &mut rng,
            &pools,
            &listed_keys,
            20_000,
            true,
            format!("news-listed-{i:03}.txt"),
        ));
        clean.push(gen_prose(
            &mut rng,
            &pools,
            &listed_keys,
            20_000,
            false,
            format!("news-clean-{i:03}.txt"),
        ));
        listed.push(gen_mt103(
            &mut rng,
            &pools,
            &listed_keys,
            20,
            true,
            format!("mt103-listed-{i:03}.fin"),
        ));
        clean.push(gen_mt103(
            &mut rng,
            &pools,
            &listed_keys,
            20,
            false,
            format!("mt103-clean-{i:03}.fin"),
        ));
        for k in 0..5 {
            listed.push(gen_pacs008(
                &mut rng,
                &pools,
                &listed_keys,
                true,
                format!("pacs008-listed-{i:03}-{k}.xml"),
            ));
            clean.push(gen_pacs008(
                &mut rng,
                &pools,
                &listed_keys,
                false,
                format!("pacs008-clean-{i:03}-{k}.xml"),
            ));
        }
    }
    (listed, clean)
}

/// A payment flow of at least `bytes` bytes: MT103 and pacs.008 messages
/// only, one message in [`FLOW_LISTED_EVERY`] naming a listed party (a
/// pacs.008 whose debtor or creditor is listed), the rest clean.
pub fn generate_flow(entities: &[Entity], seed: u64, bytes: usize) -> Vec<Doc> {
    let pools = Pools::new(entities);
    let listed_keys: HashSet<String> = pools.by_key.keys().cloned().collect();
    let mut rng = Rng::new(seed);
    let mut docs = Vec::new();
    let (mut size, mut messages, mut i) = (0usize, 0usize, 0usize);
    while size < bytes {
        let mut batch = vec![gen_mt103(
            &mut rng,
            &pools,
            &listed_keys,
            20,
            false,
            format!("flow-mt103-{i:05}.fin"),
        )];
        for k in 0..5 {
            let name = format!("flow-pacs008-{i:05}-{k}.xml");
            batch.push(gen_pacs008(&mut rng, &pools, &listed_keys, false, name));
        }
        messages += 25;
        if messages >= FLOW_LISTED_EVERY {
            messages -= FLOW_LISTED_EVERY;
            let name = format!("flow-pacs008-{i:05}-listed.xml");
            batch.push(gen_pacs008(&mut rng, &pools, &listed_keys, true, name));
        }
        size += batch.iter().map(|d| d.text.len()).sum::<usize>();
        docs.extend(batch);
        i += 1;
    }
    docs
}

/// In a payment flow, one message in this many names a listed party (far
/// more than real traffic, where true hits are rarer than one in a thousand).
const FLOW_LISTED_EVERY: usize = 100;

/// Scans one document in-process: the mentions as (span, entity).
fn scan_doc(
    scanner: &Scanner<'_>,
    opts: &ScanOptions,
    state: &mut ScanState,
    d: &Doc,
) -> Vec<(std::ops::Range<usize>, u32, String, f32)> {
    let parsed = match input::read(&d.name, d.text.as_bytes(), Some(d.format)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return Vec::new();
        }
    };
    veto_scan::scan_parsed(scanner, &parsed, opts, state)
        .into_iter()
        .flat_map(|m| m.mentions.unwrap_or_default())
        .map(|m| (m.span, m.entity, m.text, m.score))
        .collect()
}

/// Throughput of one thread on the files of each directory (the scan
/// corpus's `clean` and `listed`, real prose): median MB per CPU-second
/// over `runs` runs, each with a fresh state (a cold token cache), and the
/// mentions found (the same every run).
pub fn bench_scan_files(dirs: &[String], runs: usize) -> Result<()> {
    let entities = corpus()?;
    let matcher = Matcher::new(entities);
    let scanner = Scanner::new(&matcher);
    let opts = ScanOptions::default();
    for dir in dirs {
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("reading {dir}"))?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        paths.retain(|p| p.is_file());
        paths.sort();
        let mut raws = Vec::new();
        let mut bytes = 0usize;
        for p in &paths {
            let raw = std::fs::read(p).with_context(|| p.display().to_string())?;
            bytes += raw.len();
            raws.push((p.display().to_string(), raw));
        }
        // Reading (format detection, MT and ISO 20022 parsing, HTML
        // stripping) is timed apart from scanning.
        let mut parsed = Vec::new();
        let mut read_rates = Vec::new();
        for _ in 0..runs.max(1) {
            let cpu = crate::thread_cpu_secs();
            parsed = raws
                .iter()
                .map(|(name, raw)| input::read(name, raw, None))
                .collect::<Result<Vec<_>, _>>()?;
            read_rates.push(bytes as f64 / 1e6 / (crate::thread_cpu_secs() - cpu));
        }
        let mut rates = Vec::new();
        let mut found = None;
        for _ in 0..runs.max(1) {
            let cpu = crate::thread_cpu_secs();
            let mut st = ScanState::new();
            let mut n = 0;
            for p in &parsed {
                n += veto_scan::scan_parsed(&scanner, p, &opts, &mut st)
                    .iter()
                    .map(|m| m.mentions.as_ref().map_or(0, Vec::len))
                    .sum::<usize>();
            }
            rates.push(bytes as f64 / 1e6 / (crate::thread_cpu_secs() - cpu));
            assert!(found.is_none_or(|f| f == n), "another run found other mentions");
            found = Some(n);
        }
        let (scan, read) = (crate::median(rates.clone()), crate::median(read_rates));
        println!(
            "{dir}: {} files, {:.1} MB, {} mentions: 1 thread median {scan:.1} MB per CPU-second, best {:.1} ({} runs); \
             reading alone {read:.1}, reading and scanning {:.1}",
            paths.len(),
            bytes as f64 / 1e6,
            found.unwrap_or(0),
            rates.iter().copied().fold(0.0, f64::max),
            runs.max(1),
            1.0 / (1.0 / scan + 1.0 / read)
        );
    }
    Ok(())
}

/// Scans the hand-written press texts of `dir` (`truth.tsv` names the
/// listed parties of each and the entity ids a mention of each must carry):
/// recall per language (the file name's prefix), the parties missed, and
/// every other mention, for review (a homonym, another entry of the same
/// party, or a false mention).
pub fn bench_press(dir: &Path) -> Result<()> {
    let truth_path = dir.join("truth.tsv");
    let truth = std::fs::read_to_string(&truth_path)
        .with_context(|| format!("reading {}", truth_path.display()))?;
    let mut rows: Vec<(String, String, Vec<String>)> = Vec::new();
    for (i, line) in truth.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(file), Some(written), Some(ids)) = (f.next(), f.next(), f.next()) else {
            anyhow::bail!(
                "{}:{}: expected file, written name and ids",
                truth_path.display(),
                i + 1
            );
        };
        rows.push((file.into(), written.into(), ids.split('|').map(str::to_string).collect()));
    }
    let entities = corpus()?;
    let matcher = Matcher::new(entities);
    let scanner = Scanner::new(&matcher);
    let opts = ScanOptions::default();
    let mut files: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    files.sort();
    files.dedup();
    let mut st = ScanState::new();
    let mut per_lang: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let (mut others, mut bytes) = (0usize, 0usize);
    for file in &files {
        let path = dir.join(file);
        let raw = std::fs::read(&path).with_context(|| path.display().to_string())?;
        bytes += raw.len();
        let parsed = input::read(file, &raw, None)?;
        let mentions: Vec<(String, String)> =
            veto_scan::scan_parsed(&scanner, &parsed, &opts, &mut st)
                .into_iter()
                .flat_map(|r| r.mentions.unwrap_or_default())
                .map(|m| (matcher.entities()[m.entity as usize].id.to_string(), m.text))
                .collect();
        let expected: Vec<&(String, String, Vec<String>)> =
            rows.iter().filter(|r| &r.0 == file).collect();
        let lang = file.split('-').next().unwrap_or("").to_string();
        for (_, written, ids) in &expected {
            let ok = mentions.iter().any(|(id, _)| ids.contains(id));
            let e = per_lang.entry(lang.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(ok);
            if !ok {
                println!("  MISS {file}: {written} ({})", ids.join(" | "));
            }
        }
        for (id, text) in &mentions {
            if !expected.iter().any(|r| r.2.contains(id)) {
                others += 1;
                let name = matcher
                    .entities()
                    .iter()
                    .find(|e| e.id.to_string() == *id)
                    .and_then(|e| e.primary_name())
                    .unwrap_or("");
                println!("  OTHER {file}: {text:?} -> {id} {name}");
            }
        }
    }
    let (mut n, mut k) = (0, 0);
    for (lang, (total, found)) in &per_lang {
        println!("  {lang}: {found}/{total}");
        n += total;
        k += found;
    }
    println!(
        "press texts ({} files, {:.1} KB): {k}/{n} listed parties found = {:.1}%; {others} other mentions (listed above, for review)",
        files.len(),
        bytes as f64 / 1e3,
        100.0 * k as f64 / n.max(1) as f64
    );
    Ok(())
}

/// Writes the corpus to `dir` (for `veto scan DIR`), with `truth.jsonl`.
pub fn write_corpus(dir: &Path, entities: &[Entity], scale: usize) -> Result<()> {
    let (listed, clean) = generate(entities, seed(), scale);
    std::fs::create_dir_all(dir.join("listed"))?;
    std::fs::create_dir_all(dir.join("clean"))?;
    let mut truth = String::new();
    for d in &listed {
        std::fs::write(dir.join("listed").join(&d.name), &d.text)?;
        for t in &d.truth {
            let ids: Vec<&str> =
                t.expected.iter().map(|&e| entities[e as usize].id.as_str()).collect();
            let _ = writeln!(
                truth,
                "{}",
                serde_json::json!({"file": format!("listed/{}", d.name), "start": t.span.start, "end": t.span.end, "text": t.written, "variant": t.variant, "entities": ids})
            );
        }
    }
    for d in &clean {
        std::fs::write(dir.join("clean").join(&d.name), &d.text)?;
    }
    std::fs::write(dir.join("truth.jsonl"), truth).context("truth.jsonl")?;
    println!(
        "wrote {} listed and {} clean documents to {}",
        listed.len(),
        clean.len(),
        dir.display()
    );
    Ok(())
}

/// Writes the payment flow of `veto-bench scan` (`mb` megabytes, the same
/// draw) to `dir`, for `veto scan DIR` and `veto-bench scan-files DIR`.
pub fn write_flow(dir: &Path, entities: &[Entity], mb: usize) -> Result<()> {
    let flow = generate_flow(entities, FLOW_SEED, mb * 1_000_000);
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for d in &flow {
        let path = dir.join(&d.name);
        std::fs::write(&path, &d.text).with_context(|| format!("writing {}", path.display()))?;
    }
    let bytes: usize = flow.iter().map(|d| d.text.len()).sum();
    println!("wrote {} files ({:.1} MB) to {}", flow.len(), bytes as f64 / 1e6, dir.display());
    Ok(())
}

/// The draw of the payment flow.
const FLOW_SEED: u64 = 5000;

/// The draw of documents: `VETO_SCAN_SEED`, 7 unless set.
fn seed() -> u64 {
    std::env::var("VETO_SCAN_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(7)
}

/// Runs the scan benchmark: recall, false mentions, throughput.
pub fn bench_scan(runs: usize) -> Result<()> {
    let entities = corpus()?;
    let matcher = Matcher::new(entities.clone());
    let t = Instant::now();
    let scanner = Scanner::new(&matcher);
    println!("scanner build: {:.0} ms (after the matcher)", t.elapsed().as_secs_f64() * 1e3);
    let opts = ScanOptions::default();
    // VETO_SCAN_SEED draws other documents, to check that a change holds
    // beyond the default set.
    let (listed, clean) = generate(&entities, seed(), 25);

    // Recall.
    let verbose = std::env::var("VETO_BENCH_VERBOSE").unwrap_or_default();
    let mut per_variant: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut per_format: HashMap<&str, (usize, usize)> = HashMap::new();
    let t = Instant::now();
    let results: Vec<_> = listed
        .par_iter()
        .map_init(ScanState::new, |st, d| scan_doc(&scanner, &opts, st, d))
        .collect();
    let mb: f64 = listed.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    println!("listed documents: {mb:.2} MB in {:.2} s", t.elapsed().as_secs_f64());
    let (mut found, mut total, mut extra) = (0usize, 0usize, 0usize);
    // Names the evidence rule keeps from being mentions on their own.
    let (mut alone, mut alone_found) = (0usize, 0usize);
    for (d, ms) in listed.iter().zip(&results) {
        for t in &d.truth {
            let ok = ms.iter().any(|(s, e, _, _)| {
                s.start < t.span.end && t.span.start < s.end && t.expected.contains(e)
            });
            total += 1;
            found += usize::from(ok);
            if t.expected.iter().all(|&e| scanner.needs_context(&t.written, e)) {
                alone += 1;
                alone_found += usize::from(ok);
            }
            let v = per_variant.entry(t.variant).or_default();
            v.0 += 1;
            v.1 += usize::from(ok);
            let f = per_format.entry(d.format.as_str()).or_default();
            f.0 += 1;
            f.1 += usize::from(ok);
            if !ok && !verbose.is_empty() {
                let got: Vec<String> = ms
                    .iter()
                    .filter(|(s, ..)| s.start < t.span.end + 40 && t.span.start < s.end + 40)
                    .map(|(_, e, txt, sc)| {
                        format!("{} {:?} {sc:.2}", entities[*e as usize].id, txt)
                    })
                    .collect();
                println!("  MISS [{}] {:?} -> {:?}", t.variant, t.written, got);
            }
        }
        // Mentions outside any embedded name, in listed documents.
        extra += ms
            .iter()
            .filter(|(s, ..)| !d.truth.iter().any(|t| s.start < t.span.end && t.span.start < s.end))
            .count();
    }
    println!(
        "recall of embedded listed names: {found}/{total} = {:.2}% (other mentions in those documents: {extra})",
        100.0 * found as f64 / total.max(1) as f64
    );
    println!(
        "  of which {alone} are one word that the evidence rule does not report alone \
         (a person's name, an everyday word or a word many listed names share, with no legal \
         form; {alone_found} found anyway: vessels after a vessel word or in a sentence about shipping, whole party fields); recall over the other {}: {:.2}%",
        total - alone,
        100.0 * (found - alone_found) as f64 / (total - alone).max(1) as f64
    );
    let mut fm: Vec<_> = per_format.into_iter().collect();
    fm.sort();
    for (f, (n, k)) in fm {
        println!("  {f:<10} {k}/{n} = {:.1}%", 100.0 * k as f64 / n.max(1) as f64);
    }
    let mut vs: Vec<_> = per_variant.into_iter().collect();
    vs.sort();
    for (v, (n, k)) in vs {
        println!("  {v:<20} {k}/{n} = {:.1}%", 100.0 * k as f64 / n.max(1) as f64);
    }

    // False mentions in clean documents.
    let t = Instant::now();
    let clean_results: Vec<_> = clean
        .par_iter()
        .map_init(ScanState::new, |st, d| scan_doc(&scanner, &opts, st, d))
        .collect();
    let mb: f64 = clean.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    println!("clean documents: {mb:.2} MB in {:.2} s", t.elapsed().as_secs_f64());
    let mut per_fmt: HashMap<&str, (usize, usize)> = HashMap::new();
    for (d, ms) in clean.iter().zip(&clean_results) {
        let e = per_fmt.entry(d.format.as_str()).or_default();
        e.0 += d.text.len();
        e.1 += ms.len();
        if !verbose.is_empty() {
            for (_, ei, txt, sc) in ms {
                println!("  FALSE {} {:?} -> {} {sc:.2}", d.name, txt, entities[*ei as usize].id);
            }
        }
    }
    let mut pf: Vec<_> = per_fmt.into_iter().collect();
    pf.sort();
    for (f, (bytes, n)) in pf {
        println!(
            "false mentions in clean {f}: {n} in {:.0} KB = {:.2} per 100 KB",
            bytes as f64 / 1e3,
            n as f64 / (bytes as f64 / 1e5)
        );
    }

    if runs == 0 {
        return Ok(());
    }
    // Throughput: freshly generated documents (other seeds, so that nothing
    // is a repeat of what was scanned above), listed and clean, at least 50 MB.
    let target_mb: usize =
        std::env::var("VETO_SCAN_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(50);
    let mut fresh: Vec<Doc> = Vec::new();
    let mut size = 0usize;
    let mut seed = 1000;
    while size < target_mb * 1_000_000 {
        let (l, c) = generate(&entities, seed, 10);
        size += l.iter().chain(c.iter()).map(|d| d.text.len()).sum::<usize>();
        fresh.extend(l);
        fresh.extend(c);
        seed += 1;
    }
    let docs: Vec<&Doc> = fresh.iter().collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Most real traffic names no listed party: the clean documents alone.
    let clean_docs: Vec<&Doc> = fresh.iter().filter(|d| d.truth.is_empty()).collect();
    let clean_bytes: usize = clean_docs.iter().map(|d| d.text.len()).sum();
    let mut clean_one = Vec::new();
    let mut one = Vec::new();
    let mut one_cpu = Vec::new();
    let mut two = Vec::new();
    for _ in 0..runs.max(1) {
        // One thread (a fresh state: the token cache starts cold).
        let t = Instant::now();
        let cpu = crate::thread_cpu_secs();
        let mut st = ScanState::new();
        let mut n = 0;
        for d in &docs {
            n += scan_doc(&scanner, &opts, &mut st, d).len();
        }
        one.push(bytes as f64 / 1e6 / t.elapsed().as_secs_f64());
        one_cpu.push(bytes as f64 / 1e6 / (crate::thread_cpu_secs() - cpu));
        let t = Instant::now();
        let m: usize = docs
            .par_iter()
            .map_init(ScanState::new, |st, d| scan_doc(&scanner, &opts, st, d).len())
            .sum();
        two.push(bytes as f64 / 1e6 / t.elapsed().as_secs_f64());
        assert_eq!(n, m, "the parallel scan found other mentions");
        let cpu = crate::thread_cpu_secs();
        let mut st = ScanState::new();
        for d in &clean_docs {
            scan_doc(&scanner, &opts, &mut st, d);
        }
        clean_one.push(clean_bytes as f64 / 1e6 / (crate::thread_cpu_secs() - cpu));
    }
    println!(
        "throughput over {:.1} MB ({} documents, {} runs): 1 thread median {:.1} MB/s \
         ({:.1} MB per CPU-second), {} threads median {:.1} MB/s",
        bytes as f64 / 1e6,
        docs.len(),
        runs,
        crate::median(one),
        crate::median(one_cpu),
        rayon::current_num_threads(),
        crate::median(two)
    );
    println!(
        "clean documents alone ({:.1} MB, no listed name): 1 thread median {:.1} MB per CPU-second",
        clean_bytes as f64 / 1e6,
        crate::median(clean_one)
    );
    // A payment flow: messages only, one in a hundred naming a listed party.
    let flow = generate_flow(&entities, FLOW_SEED, target_mb * 1_000_000);
    let flow_bytes: usize = flow.iter().map(|d| d.text.len()).sum();
    let listed_msgs = flow.iter().filter(|d| !d.truth.is_empty()).count();
    let mut flow_one = Vec::new();
    let mut flow_found = 0;
    for _ in 0..runs.max(1) {
        let cpu = crate::thread_cpu_secs();
        let mut st = ScanState::new();
        flow_found = 0;
        for d in &flow {
            flow_found += scan_doc(&scanner, &opts, &mut st, d).len();
        }
        flow_one.push(flow_bytes as f64 / 1e6 / (crate::thread_cpu_secs() - cpu));
    }
    println!(
        "payment flow ({:.1} MB of MT103 and pacs.008, {} messages naming a listed party, \
         one in {FLOW_LISTED_EVERY}; {flow_found} mentions): 1 thread median {:.1} MB per CPU-second",
        flow_bytes as f64 / 1e6,
        listed_msgs,
        crate::median(flow_one)
    );
    Ok(())
}
