//! Word lists for names, as fast lookups on folded tokens.
//!
//! From `stopwords.json`, `symbols.json`, `ordinals.json`, `text_stopwords.json` and
//! `compare.json` (rigour), plus the gaps listed in `data/names/PROVENANCE.md` (Arabic and
//! South Asian honorifics) and a list of name particles. Every entry is folded with
//! [`crate::fold`] when the lists load, so lookups take folded tokens: `is_honorific("sheikh")`,
//! `is_particle("al")`.
//!
//! Multi-word entries ("his excellency", "tan sri", "a k a") are matched with the `*_at`
//! functions, which take a slice of folded tokens and a position and return the number of
//! tokens of the longest entry starting there.
//!
//! # Examples
//!
//! ```
//! use veto_names::words;
//!
//! assert!(words::is_honorific("sheikh"));
//! assert_eq!(words::honorific_at(&["his", "excellency", "john"], 0), Some(2));
//! assert!(words::is_particle("bin"));
//! assert_eq!(words::org_symbol("intl"), Some("INTL"));
//! assert_eq!(words::ordinal("3rd"), Some(3));
//! assert_eq!(words::name_split_at(&["smith", "a", "k", "a", "jones"], 1), Some(3));
//! ```

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{FxBuild, PhraseTable};
use crate::fold;

static STOPWORDS_JSON: &str = include_str!("../../../../data/names/stopwords.json");
static SYMBOLS_JSON: &str = include_str!("../../../../data/names/symbols.json");
static ORDINALS_JSON: &str = include_str!("../../../../data/names/ordinals.json");
static TEXT_STOPWORDS_JSON: &str = include_str!("../../../../data/names/text_stopwords.json");
static COMPARE_JSON: &str = include_str!("../../../../data/names/compare.json");

/// Honorifics missing from rigour's person prefixes (PROVENANCE.md "known gaps"), and
/// common abbreviations of titles and ranks.
const EXTRA_HONORIFICS: &[&str] = &[
    "sheikh",
    "shaikh",
    "shaykh",
    "sheik",
    "cheikh",
    "shaikha",
    "sheikha",
    "haji",
    "hajji",
    "hadji",
    "hajj",
    "alhaj",
    "alhaji",
    "al haj",
    "al hajj",
    "el hadj",
    "el hadji",
    "hajia",
    "mullah",
    "mulla",
    "molla",
    "maulana",
    "mawlana",
    "moulana",
    "maulvi",
    "moulvi",
    "molvi",
    "maulavi",
    "mawlawi",
    "mawlavi",
    "mufti",
    "qari",
    "ustadh",
    "ustaz",
    "sayyid",
    "sayyed",
    "sayed",
    "sayid",
    "seyed",
    "seyyed",
    "syed",
    "sayyida",
    "sharif",
    "imam",
    "ayatollah",
    "ayatullah",
    "grand ayatollah",
    "hojatoleslam",
    "hojjat ol eslam",
    "emir",
    "amir al mumineen",
    "sultan",
    "sheikh al",
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "cpt",
    "sgt",
    "adm",
    "brig",
    "cmdr",
    "gov",
    "sen",
    "hon",
    "rev",
    "sir",
    "dame",
    "lord",
    "lady",
    "mme",
    "mlle",
    "sra",
    "srta",
    "dona",
    "shri",
    "sri",
    "smt",
    "kumari",
    "tan sri",
    "datuk",
    "dato",
    "datin",
    "datuk seri",
    "dato seri",
    "tun",
    "tuan",
    "puan",
    "encik",
    "pehin",
    "hrh",
    "lt col",
    "lt gen",
    "maj gen",
    "brig gen",
    "col gen",
    "field marshal",
    "marshal",
    "comrade",
    "tovarishch",
    "gospodin",
    "gospozha",
    "pan",
    "pani",
];

/// Name particles: articles, prepositions and kinship words that are part of a name but do
/// not identify anyone by themselves. `bn`, `bnt`, `abw` and `agh` are how بن, بنت, ابو and
/// اغ read from Arabic script without vowels.
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "ud", "ad", "ar", "as", "at", "az", "ash", "an", "bin", "ben", "ibn", "bint",
    "binti", "bte", "abu", "abd", "abdul", "abou", "bou", "umm", "ould", "ag", "agh", "bn", "bnt",
    "abw", "van", "von", "der", "den", "ter", "ten", "de", "da", "di", "du", "del", "della", "dei",
    "degli", "des", "la", "le", "lo", "los", "las", "dos", "das", "do", "y", "e", "zu", "af", "av",
    "mac", "mc", "o", "st", "bar", "bat", "ap", "nic", "ni", "zade", "zadeh", "oglu", "ogly",
    "kyzy", "uly",
];

#[derive(Deserialize)]
struct StopwordsFile {
    generic_person_names: Vec<String>,
    name_split_phrases: Vec<String>,
    obj_name_prefixes: Vec<String>,
    org_name_prefixes: Vec<String>,
    person_name_prefixes: Vec<String>,
}

#[derive(Deserialize)]
struct SymbolsFile {
    org_domains: std::collections::BTreeMap<String, Vec<String>>,
    org_symbols: std::collections::BTreeMap<String, Vec<String>>,
    person_symbols: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct Ordinal {
    forms: Vec<String>,
    number: u32,
}

#[derive(Deserialize)]
struct TextStopwordsFile {
    nullplaces: Vec<String>,
    nullwords: Vec<String>,
    stopwords: Vec<String>,
}

#[derive(Deserialize)]
struct CompareFile {
    similar_pairs: Vec<(String, String)>,
}

struct Words {
    honorifics: PhraseTable<()>,
    particles: HashSet<&'static str, FxBuild>,
    org_symbols: PhraseTable<u16>,
    org_domains: PhraseTable<u16>,
    person_symbols: PhraseTable<u16>,
    /// Canonical keys of the symbol tables ("CORP", "SHEIKH", ...).
    symbol_names: Vec<String>,
    generic_person_names: HashSet<String, FxBuild>,
    name_splits: PhraseTable<()>,
    org_prefixes: PhraseTable<()>,
    obj_prefixes: PhraseTable<()>,
    ordinals: PhraseTable<u32>,
    stopwords: HashSet<String, FxBuild>,
    nullwords: HashSet<String, FxBuild>,
    nullplaces: HashSet<String, FxBuild>,
    similar: Vec<(char, char)>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(Words::load)
}

/// Load the word lists now (they load on first use otherwise).
pub(crate) fn preload() {
    words();
}

impl Words {
    fn load() -> Words {
        // The embedded files are fixed at compile time and checked by the tests, so a parse
        // failure is a build defect; fall back to empty lists rather than panic.
        let stop: StopwordsFile = serde_json::from_str(STOPWORDS_JSON).unwrap_or(StopwordsFile {
            generic_person_names: vec![],
            name_split_phrases: vec![],
            obj_name_prefixes: vec![],
            org_name_prefixes: vec![],
            person_name_prefixes: vec![],
        });
        let sym: SymbolsFile = serde_json::from_str(SYMBOLS_JSON).unwrap_or(SymbolsFile {
            org_domains: Default::default(),
            org_symbols: Default::default(),
            person_symbols: Default::default(),
        });
        let ords: Vec<Ordinal> = serde_json::from_str(ORDINALS_JSON).unwrap_or_default();
        let text: TextStopwordsFile =
            serde_json::from_str(TEXT_STOPWORDS_JSON).unwrap_or(TextStopwordsFile {
                nullplaces: vec![],
                nullwords: vec![],
                stopwords: vec![],
            });
        let cmp: CompareFile =
            serde_json::from_str(COMPARE_JSON).unwrap_or(CompareFile { similar_pairs: vec![] });

        let mut honorifics = PhraseTable::default();
        for h in stop
            .person_name_prefixes
            .iter()
            .map(String::as_str)
            .chain(EXTRA_HONORIFICS.iter().copied())
        {
            // "The" is listed as a person prefix; as a lookup on its own it is a stopword.
            let f = fold(h);
            if f != "the" {
                honorifics.insert(&f, ());
            }
        }
        let mut symbol_names = Vec::new();
        let mut symbols = |m: &std::collections::BTreeMap<String, Vec<String>>| {
            let mut t = PhraseTable::default();
            for (k, vs) in m {
                let id = symbol_names.len() as u16;
                symbol_names.push(k.clone());
                t.insert(&fold(k), id);
                for v in vs {
                    t.insert(&fold(v), id);
                }
            }
            t
        };
        let org_symbols = symbols(&sym.org_symbols);
        let org_domains = symbols(&sym.org_domains);
        let person_symbols = symbols(&sym.person_symbols);
        let phrase_set = |v: &[String]| {
            let mut t = PhraseTable::default();
            for s in v {
                t.insert(&fold(s), ());
            }
            t
        };
        let mut ordinals = PhraseTable::default();
        for o in &ords {
            for f in &o.forms {
                ordinals.insert(&fold(f), o.number);
            }
        }
        let set = |v: &[String]| v.iter().map(|s| fold(s)).filter(|s| !s.is_empty()).collect();
        let similar = cmp
            .similar_pairs
            .iter()
            .filter_map(|(a, b)| Some((a.chars().next()?, b.chars().next()?)))
            .collect();
        Words {
            honorifics,
            particles: PARTICLES.iter().copied().collect(),
            org_symbols,
            org_domains,
            person_symbols,
            symbol_names,
            generic_person_names: set(&stop.generic_person_names),
            name_splits: phrase_set(&stop.name_split_phrases),
            org_prefixes: phrase_set(&stop.org_name_prefixes),
            obj_prefixes: phrase_set(&stop.obj_name_prefixes),
            ordinals,
            stopwords: set(&text.stopwords),
            nullwords: set(&text.nullwords),
            nullplaces: set(&text.nullplaces),
            similar,
        }
    }
}

/// Whether a folded token is a person honorific, title or rank on its own (mr, dr, sheikh,
/// haji, general, ...). See [`honorific_at`] for multi-word titles.
pub fn is_honorific(token: &str) -> bool {
    words().honorifics.contains(token)
}

/// The number of tokens of the longest honorific starting at `tokens[i]`
/// ("his excellency", "lt col", "tan sri").
pub fn honorific_at<T: AsRef<str>>(tokens: &[T], i: usize) -> Option<usize> {
    words().honorifics.match_at(tokens, i).map(|(n, _)| n)
}

/// Whether a folded token is a name particle (al, bin, ibn, abu, van, von, de, da, del, y,
/// ...): part of many names, identifying nobody by itself.
pub fn is_particle(token: &str) -> bool {
    words().particles.contains(token)
}

/// The canonical organisation symbol a folded token stands for ("intl" → "INTL",
/// "corporation" → "CORP", "holding" → "HOLDING").
pub fn org_symbol(token: &str) -> Option<&'static str> {
    let w = words();
    w.org_symbols.get(token).map(|&i| w.symbol_names[i as usize].as_str())
}

/// The longest organisation symbol starting at `tokens[i]`: (tokens, symbol).
pub fn org_symbol_at<T: AsRef<str>>(tokens: &[T], i: usize) -> Option<(usize, &'static str)> {
    let w = words();
    w.org_symbols.match_at(tokens, i).map(|(n, &s)| (n, w.symbol_names[s as usize].as_str()))
}

/// The longest organisation domain word starting at `tokens[i]` ("bank", "oil", "airport",
/// "aeroporto", ...): (tokens, domain).
pub fn org_domain_at<T: AsRef<str>>(tokens: &[T], i: usize) -> Option<(usize, &'static str)> {
    let w = words();
    w.org_domains.match_at(tokens, i).map(|(n, &s)| (n, w.symbol_names[s as usize].as_str()))
}

/// The longest person-name symbol starting at `tokens[i]` ("abd al" → ABDUL, "ibn" → BIN,
/// "jr" → JR, "haji" → HAJI): (tokens, symbol).
pub fn person_symbol_at<T: AsRef<str>>(tokens: &[T], i: usize) -> Option<(usize, &'static str)> {
    let w = words();
    w.person_symbols.match_at(tokens, i).map(|(n, &s)| (n, w.symbol_names[s as usize].as_str()))
}

/// Whether a whole folded name is one of the names too common to identify anyone on their
/// own ("muhammad", "abu bakr", "abdul rahman").
pub fn is_generic_person_name(folded: &str) -> bool {
    words().generic_person_names.contains(folded)
}

/// The number of tokens of a name-splitting phrase at `tokens[i]` ("aka", "a k a",
/// "formerly known as", "dba"): the text on either side are different names.
pub fn name_split_at<T: AsRef<str>>(tokens: &[T], i: usize) -> Option<usize> {
    words().name_splits.match_at(tokens, i).map(|(n, _)| n)
}

/// The number of tokens of an organisation-name prefix at `tokens[i]` ("the", "la", "le").
pub fn org_prefix_at<T: AsRef<str>>(tokens: &[T], i: usize) -> Option<usize> {
    words().org_prefixes.match_at(tokens, i).map(|(n, _)| n)
}

/// The number of tokens of a vessel/object-name prefix at `tokens[i]` ("mv", "m v", "mt").
pub fn obj_prefix_at<T: AsRef<str>>(tokens: &[T], i: usize) -> Option<usize> {
    words().obj_prefixes.match_at(tokens, i).map(|(n, _)| n)
}

/// The number a folded ordinal token stands for ("3rd", "third", "1er", "erste", "ii").
pub fn ordinal(token: &str) -> Option<u32> {
    words().ordinals.get(token).copied()
}

/// The longest ordinal starting at `tokens[i]` ("no 1", "number 2"): (tokens, number).
pub fn ordinal_at<T: AsRef<str>>(tokens: &[T], i: usize) -> Option<(usize, u32)> {
    words().ordinals.match_at(tokens, i).map(|(n, &v)| (n, v))
}

/// Whether a folded token is a general stopword (and, the, of, de, und, и, ...).
pub fn is_stopword(token: &str) -> bool {
    words().stopwords.contains(token)
}

/// Whether a whole folded value means "no value" (n a, unknown, none, не указано, ...).
pub fn is_null_word(folded: &str) -> bool {
    words().nullwords.contains(folded)
}

/// Whether a whole folded place name means "no particular place" (abroad, overseas, ...).
pub fn is_null_place(folded: &str) -> bool {
    words().nullplaces.contains(folded)
}

/// Pairs of characters that are easily confused (0/o, 1/l, c/k, ...), for weighted edit
/// distances. Each unordered pair appears in both orders.
pub fn similar_chars() -> &'static [(char, char)] {
    &words().similar
}

/// Sizes of the lists, for diagnostics: (honorifics, org symbols, org domains, person
/// symbols, ordinals).
pub fn sizes() -> (usize, usize, usize, usize, usize) {
    let w = words();
    (
        w.honorifics.len(),
        w.org_symbols.len(),
        w.org_domains.len(),
        w.person_symbols.len(),
        w.ordinals.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! yes {
        ($f:ident, $($t:expr),+) => { $(assert!($f($t), "{}({:?})", stringify!($f), $t);)+ };
    }
    macro_rules! no {
        ($f:ident, $($t:expr),+) => { $(assert!(!$f($t), "!{}({:?})", stringify!($f), $t);)+ };
    }

    #[test]
    fn embedded_files_parse() {
        assert!(serde_json::from_str::<StopwordsFile>(STOPWORDS_JSON).is_ok());
        assert!(serde_json::from_str::<SymbolsFile>(SYMBOLS_JSON).is_ok());
        assert!(serde_json::from_str::<Vec<Ordinal>>(ORDINALS_JSON).is_ok());
        assert!(serde_json::from_str::<TextStopwordsFile>(TEXT_STOPWORDS_JSON).is_ok());
        assert!(serde_json::from_str::<CompareFile>(COMPARE_JSON).is_ok());
        let (h, os, od, ps, o) = sizes();
        assert!(h > 200 && os > 500 && od > 1000 && ps > 50 && o > 1000, "{:?}", sizes());
    }

    #[test]
    fn honorifics() {
        yes!(is_honorific, "sheikh", "shaikh", "shaykh", "haji", "hajji", "alhaj", "mullah");
        yes!(is_honorific, "mulla", "maulana", "maulvi", "sayyid", "sayed", "imam", "mr", "mrs");
        yes!(is_honorific, "ms", "dr", "prof", "gen", "col", "general", "colonel", "captain");
        yes!(is_honorific, "capt", "hrh", "frau", "herr", "monsieur", "ambassador");
        no!(is_honorific, "the", "john", "smith", "al", "");
        assert_eq!(honorific_at(&["his", "royal", "higness", "x"], 0), Some(3));
        assert_eq!(honorific_at(&["lt", "col", "ivanov"], 0), Some(2));
        assert_eq!(honorific_at(&["ivanov"], 0), None);
        assert_eq!(honorific_at(&["field", "marshal"], 1), Some(1));
    }

    #[test]
    fn particles() {
        yes!(is_particle, "al", "el", "bin", "ben", "ibn", "bint", "abu", "abd", "van", "von");
        yes!(is_particle, "der", "de", "da", "di", "du", "del", "la", "le", "dos", "das", "y");
        no!(is_particle, "smith", "muhammad", "");
    }

    #[test]
    fn symbols() {
        assert_eq!(org_symbol("intl"), Some("INTL"));
        assert_eq!(org_symbol("holding"), Some("HOLDING"));
        assert_eq!(org_symbol("corp"), Some("CORP"));
        assert_eq!(org_symbol("co"), Some("CO"));
        assert_eq!(org_symbol("group").or(org_symbol("grp")), Some("GRP"));
        assert_eq!(org_symbol("smith"), None);
        assert_eq!(org_domain_at(&["bank"], 0).map(|x| x.1), Some("BANK"));
        assert_eq!(person_symbol_at(&["abd", "al", "rahman"], 0), Some((2, "ABDUL")));
        assert_eq!(person_symbol_at(&["ibn"], 0), Some((1, "BIN")));
        assert_eq!(person_symbol_at(&[fold("عبد ال").as_str()], 0), None);
    }

    #[test]
    fn misc_lists() {
        yes!(is_generic_person_name, "muhammad", "abu bakr", "abdul rahman", "bilal");
        no!(is_generic_person_name, "vladimir putin");
        assert_eq!(name_split_at(&["aka"], 0), Some(1));
        assert_eq!(name_split_at(&["f", "k", "a"], 0), Some(3));
        assert_eq!(name_split_at(&["formerly", "known", "as", "x"], 0), Some(3));
        assert_eq!(ordinal("3rd"), Some(3));
        assert_eq!(ordinal("first"), Some(1));
        assert_eq!(ordinal_at(&["no", "1"], 0), Some((2, 1)));
        yes!(is_stopword, "and", "the", "of", "und", "i");
        yes!(is_null_word, "n a", "unknown", "none", "ne ukazano");
        yes!(is_null_place, "abroad");
        assert!(similar_chars().contains(&('0', 'o')));
        assert_eq!(org_prefix_at(&["the", "x"], 0), Some(1));
        assert_eq!(obj_prefix_at(&["m", "v", "x"], 0), Some(2));
    }
}
