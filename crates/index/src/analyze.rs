//! Name analysis: a name (from a list or a query) as the tokens the index
//! and the matcher work on.
//!
//! `veto-names` folds text to ASCII tokens (Unicode normalization,
//! transliteration of other scripts, case). Analysis then classifies each
//! token, because tokens do not all carry the same information:
//!
//! * a **legal form** (`OOO`, `PJSC`, `Aktiengesellschaft`, several tokens
//!   long at times) says what kind of company, not which: it is taken out of
//!   the token list and kept aside, in canonical form, as weak evidence;
//! * an **honorific** (`Sheikh`, `Haji`, `Seyed`), a **particle** (`al`,
//!   `bin`, `van`, `de`) and an **org symbol** (`co`, `holding`, `group`)
//!   count little: lists write them inconsistently (a leading `Seyed` here,
//!   a trailing one there), so they are kept but barely weigh;
//! * a **number** (`11420 CORP`) must match exactly;
//! * a single letter is an **initial**;
//! * a **patronymic** (`Vladimirovich`, `Ivanovna`, `ogly`) that a query
//!   leaves out costs little.

use veto_model::Kind;

use crate::names;

/// The class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokClass {
    /// An ordinary name word.
    Word,
    /// A number (digits).
    Number,
    /// A single letter.
    Initial,
    /// A name particle (al, bin, van, de, ...).
    Particle,
    /// A generic organization word (co, corp, holding, group, ...) or a
    /// function word (the, of, and).
    OrgSymbol,
    /// A patronymic or similar family-relation form.
    Patronymic,
    /// An honorific or title (sheikh, haji, seyed, dr): often part of how a
    /// name is written, sometimes not; never removed, but it counts little.
    Honorific,
}

impl TokClass {
    /// The weight of a token of this class relative to an ordinary word of
    /// the same rarity.
    pub fn factor(self) -> f32 {
        match self {
            TokClass::Word | TokClass::Number => 1.0,
            TokClass::Patronymic => 0.8,
            TokClass::Initial => 0.5,
            TokClass::Particle | TokClass::Honorific => 0.15,
            TokClass::OrgSymbol => 0.25,
        }
    }
}

/// One analysed token.
#[derive(Clone, Debug, PartialEq)]
pub struct Tok {
    /// The folded text (lowercase ASCII).
    pub text: String,
    /// Its class.
    pub class: TokClass,
}

/// An analysed name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analyzed {
    /// The content tokens, in order.
    pub tokens: Vec<Tok>,
    /// Legal forms found, in canonical compare form (`jsc`, `llc`).
    pub legal_forms: Vec<String>,
    /// The generic class of each legal form (`JSC`, `LLC`).
    pub legal_classes: Vec<String>,
}

/// Endings of patronymics: Russian and Ukrainian, Turkic, and the French
/// and German transliterations of the Russian (Anatolijevitch, Iwanowitsch).
const PATRONYMIC_ENDINGS: &[&str] = &[
    "ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ogly", "oglu", "kyzy", "qizi",
    "uly", "ovitch", "evitch", "ovitsch", "evitsch", "owitsch", "ewitsch",
];

/// The rest of a folded word that begins with an Arabic article joined to
/// it (al-, el-, or one assimilated to the next consonant: ar-, as-, az-, …:
/// ALSHABAAB, ELSAYED, AZZAWAHIRI), if four letters or more are left.
pub fn joined_article(text: &str) -> Option<&str> {
    let rest = match text.as_bytes() {
        [b'a' | b'e', b'l', ..] => &text[2..],
        [b'a', c, d, ..] if c == d && b"dnrstz".contains(c) => &text[2..],
        _ => return None,
    };
    (rest.len() >= 4).then_some(rest)
}

/// Whether a folded token is a patronymic (Vladimirovich, Ivanovna, ogly).
pub fn is_patronymic(t: &str) -> bool {
    t.len() > 6 && PATRONYMIC_ENDINGS.iter().any(|e| t.ends_with(e))
}

fn classify(t: &str) -> TokClass {
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return TokClass::Number;
    }
    if t.len() == 1 {
        return TokClass::Initial;
    }
    if names::is_particle(t) {
        return TokClass::Particle;
    }
    if names::is_honorific(t) {
        return TokClass::Honorific;
    }
    if names::is_org_symbol(t) || names::is_stopword(t) {
        return TokClass::OrgSymbol;
    }
    if is_patronymic(t) {
        return TokClass::Patronymic;
    }
    TokClass::Word
}

/// `LAST, First Middle` (how OFAC and others write persons) in natural
/// order, `First Middle LAST`, so that adjacent tokens are adjacent as people
/// write them (for joined-token matching). Only for persons or unknown
/// kinds, and not when the part after the comma is a legal form
/// (`ACME, INC.`).
fn natural_order(name: &str, kind: Option<Kind>) -> Option<String> {
    if matches!(kind, Some(Kind::Organization | Kind::Vessel | Kind::Aircraft)) {
        return None;
    }
    let (last, first) = name.split_once(',')?;
    if first.contains(',') || last.trim().is_empty() || first.trim().is_empty() {
        return None;
    }
    let first_words: Vec<String> = names::tokens(first);
    let refs: Vec<&str> = first_words.iter().map(String::as_str).collect();
    if refs.is_empty() || names::legal_form_at(&refs, 0).is_some() {
        return None;
    }
    Some(format!("{} {}", first.trim(), last.trim()))
}

/// The spellings of Arabic `عبد` ("servant of") that lists write apart or
/// joined, with or without the article: ABD AL-MALIK, ABDELMALEK, ABDUL
/// MALIK, ABD-EL-MALEK, ABDERRAHMANE.
const ABD: &[&str] =
    &["abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdur", "abder", "abdar"];
/// Whether `word` is a spelling of `abd` (abdul, abdel, abdur, …) that the
/// analyzer joins to the name after it: read alone, it is `abd`.
pub fn is_abd(word: &str) -> bool {
    ABD.contains(&word)
}

/// `abd allah` written as one word.
const ABD_ALLAH: &[&str] = &["abdullah", "abdallah", "abdellah"];

/// The article after `abd`, in its assimilated forms too.
const ARTICLE: &[&str] =
    &["al", "el", "ul", "ar", "er", "ur", "an", "as", "ad", "az", "ash", "at", "l"];

/// Rewrites every spelling of the compound `abd al-X` to the two tokens
/// `abd` `X` (`abdullah`, `abd allah` → `abd lah`): written apart, joined,
/// with or without the article, they then align token by token, and when
/// a query drops the words after `abd` the rest still lines up. Returns the
/// tokens and how many input words they replace.
fn abd_compound(words: &[&str], i: usize) -> Option<(usize, [String; 2])> {
    let canon =
        |x: &str| if x == "allah" || x == "ullah" { "lah".to_string() } else { x.to_string() };
    let w = words[i];
    // Mistyped (ABDLU, ARDUL, ABUDLLAH): one edit from a spelling of the
    // compound, and not itself a known name (Abdou, Abdin are).
    let typo = |forms: &[&str]| {
        w.len() >= 5
            && w.starts_with('a')
            && !ABD.contains(&w)
            && forms.iter().any(|f| crate::sim::one_edit(w, f))
            && !ABD.iter().skip(1).any(|p| w.starts_with(p))
            && names::groups(w).is_empty()
    };
    if typo(ABD_ALLAH) {
        return Some((1, ["abd".to_string(), "lah".to_string()]));
    }
    if ABD.contains(&w) || (w.len() <= 6 && typo(&ABD[1..])) {
        let mut j = i + 1;
        if words.get(j).is_some_and(|a| ARTICLE.contains(a)) && j + 1 < words.len() {
            j += 1;
        }
        let next = words.get(j)?;
        if next.len() < 3 || next.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        return Some((j + 1 - i, ["abd".to_string(), canon(next)]));
    }
    let prefix = ABD.iter().skip(1).filter(|p| w.starts_with(**p)).max_by_key(|p| p.len())?;
    let rest = &w[prefix.len()..];
    // abdullah: the article's l doubles into the name; ABDULLA, ABDALAH
    // drop a letter of it.
    let rest = if prefix.ends_with('l')
        && (rest.starts_with("lah") || matches!(rest, "la" | "lla" | "llah" | "ah"))
    {
        "lah"
    } else {
        rest
    };
    // Joined, the name after the article may be short (ABDULHAI, عبدالحی).
    (rest.len() >= 2).then(|| (1, ["abd".to_string(), canon(rest)]))
}

/// Arabic and Persian compounds lists write joined or apart: `X allah`
/// (Hidayat Allah, HIDAYATULLAH, Nasrallah), `X al-din` (Jalal al-Din,
/// JALALUDDIN, NOUREDDINE, SALAHALDIN) and `X zadeh` (AKHUNDZADA). Each spelling is split into the stem and one
/// canonical second token, `lah` or `din`, so every spelling aligns.
const SUFFIXES: &[(&str, &str)] = &[
    ("oullah", "lah"),
    ("ullah", "lah"),
    ("allah", "lah"),
    ("ollah", "lah"),
    ("illah", "lah"),
    // Romanized back from Russian (Аминоллах: AMINOLLAKH, Садаллах: SADALLAKH).
    ("ullakh", "lah"),
    ("allakh", "lah"),
    ("ollakh", "lah"),
    ("illakh", "lah"),
    ("ulla", "lah"),
    ("ouddine", "din"),
    ("uddine", "din"),
    ("eddine", "din"),
    ("uddin", "din"),
    ("eddin", "din"),
    ("addin", "din"),
    ("oddin", "din"),
    ("iddin", "din"),
    ("aldin", "din"),
    ("eldin", "din"),
    ("aldeen", "din"),
    ("uddeen", "din"),
    ("zadeh", "zad"),
    ("zada", "zad"),
    ("zade", "zad"),
];

/// The standalone forms of the second part (`allah`, `al-din`, `ud din`).
fn compound_tail(words: &[&str], i: usize) -> Option<(usize, &'static str)> {
    let w = words[i];
    if matches!(w, "allah" | "ullah" | "ulla" | "ollah" | "lah" | "allakh" | "ullakh") {
        return Some((1, "lah"));
    }
    if matches!(w, "din" | "deen" | "dine" | "eddine" | "uddin" | "uddine" | "eddin") {
        return Some((1, "din"));
    }
    // Persian -zadeh ("son of"), written apart or joined: AKHUNDZADA,
    // آخوند زاده.
    if matches!(w, "zadeh" | "zada" | "zade" | "zadh" | "zad") {
        return Some((1, "zad"));
    }
    let next = words.get(i + 1)?;
    if matches!(w, "al" | "el" | "ud" | "ad" | "ed" | "od")
        && matches!(*next, "din" | "deen" | "dine")
    {
        return Some((2, "din"));
    }
    None
}

/// `saifal din`, `nurud din`: the article joined to the stem, `din` apart.
/// Returns the stem.
fn stem_article_din<'a>(words: &[&'a str], i: usize) -> Option<&'a str> {
    let w = words[i];
    let next = words.get(i + 1)?;
    if !matches!(*next, "din" | "deen" | "dine") {
        return None;
    }
    ["al", "el", "ul", "ud", "ad", "ed", "od"].iter().find_map(|a| {
        let stem = w.strip_suffix(a)?;
        (stem.len() >= 3 && !stem.bytes().any(|b| b.is_ascii_digit())).then_some(stem)
    })
}

/// `hidayatullah` → (`hidayat`, `lah`).
fn compound_suffix(w: &str) -> Option<(String, &'static str)> {
    let b = w.as_bytes();
    SUFFIXES.iter().find_map(|(suf, canon)| {
        // (The last two letters first: most words end otherwise, and a stem
        // has three letters or more.)
        let s = suf.as_bytes();
        let (n, k) = (b.len(), s.len());
        if n < k + 3 || b[n - 1] != s[k - 1] || b[n - 2] != s[k - 2] {
            return None;
        }
        // (Three letters or more, by the check above.)
        let stem = w.strip_suffix(suf)?;
        (!stem.bytes().any(|b| b.is_ascii_digit())).then(|| (stem.to_string(), *canon))
    })
}

/// Words run together without their space, as data entry and messages
/// lose it (`UsamaALI`, `FadlallahAZZAM`, `ImadAbdul`): a lowercase letter
/// followed by an uppercase one inside a word starts a new word, when at
/// least three letters come before it and two after. Shorter prefixes are
/// left alone, so that `McDonald`, `DeSantis` and `LaHood` stay one word
/// (and a split that should not have been made still meets the joined list
/// word: joined tokens align).
fn split_run_together(name: &str) -> std::borrow::Cow<'_, str> {
    // Most names have no lowercase letter before an uppercase one.
    let mut prev_lower = false;
    if !name.chars().any(|c| {
        let hit = prev_lower && c.is_uppercase();
        prev_lower = c.is_lowercase();
        hit
    }) {
        return std::borrow::Cow::Borrowed(name);
    }
    let chars: Vec<char> = name.chars().collect();
    let mut cuts = Vec::new();
    let mut run = 0usize;
    for (k, &c) in chars.iter().enumerate() {
        if !c.is_alphabetic() {
            run = 0;
            continue;
        }
        if k > 0 && run >= 3 && c.is_uppercase() && chars[k - 1].is_lowercase() {
            let after = chars[k..].iter().take_while(|c| c.is_alphabetic()).count();
            if after >= 2 {
                cuts.push(k);
                run = 0;
            }
        }
        run += 1;
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + cuts.len());
    for (k, &c) in chars.iter().enumerate() {
        if cuts.contains(&k) {
            out.push(' ');
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// The tokens [`analyze`] reads one folded word as (`abdallah`: abd + lah,
/// `hidayatullah`: hidayat + lah, `segunda`: 2, `smith`: itself), without
/// the work a whole name needs (name order, tokenizing, legal forms, which
/// a name's only word never is): the scanner asks it of every new word of
/// the text. A word that is not folded (ASCII lowercase letters and
/// digits) is analysed as a name.
pub fn read_word(word: &str) -> Vec<Tok> {
    word_parts(word).unwrap_or_else(|| vec![Tok { text: word.to_string(), class: classify(word) }])
}

/// [`read_word`], or `None` where a folded word is read as itself alone
/// (most words): the scanner wants only the other readings, and a word's
/// class is lookups in several tables.
pub fn word_parts(word: &str) -> Option<Vec<Tok>> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        return Some(analyze(word, None).tokens);
    }
    let mut out = Vec::new();
    read_parts(&[word], 0, &mut out).map(|_| out)
}

/// Reads the words of a name from `words[i]` on — an `abd` compound, a
/// number, a compound's second part, the article joined to a stem before
/// `din`, a compound with a known suffix, or the word itself — into `out`;
/// returns how many words it read.
fn read_at(words: &[&str], i: usize, out: &mut Vec<Tok>) -> usize {
    read_parts(words, i, out).unwrap_or_else(|| {
        let w = words[i];
        out.push(Tok { text: w.to_string(), class: classify(w) });
        1
    })
}

/// [`read_at`] but for the word itself: `None` where `words[i]` is read as
/// itself alone.
fn read_parts(words: &[&str], i: usize, out: &mut Vec<Tok>) -> Option<usize> {
    if let Some((len, [abd, x])) = abd_compound(words, i) {
        out.push(Tok { text: abd, class: TokClass::Particle });
        out.push(Tok { class: classify(&x), text: x });
        return Some(len);
    }
    // Last, after the name it is joined to in a name written surname first
    // (REHMAN ABDUR for ABDUR REHMAN), it is the `abd` of the compound; a
    // word of weight still (ALLAH DAD ABDUL is not ALLAH DAD MATIN).
    if i > 0 && i + 1 == words.len() && is_abd(words[i]) {
        out.push(Tok { text: "abd".to_string(), class: TokClass::Word });
        return Some(1);
    }
    // Numbers in words and ordinals become digits, so that `Brigade
    // Forty-Four` meets `Brigade 44` and `1st` meets `First`.
    if let Some((len, n)) = names::number_at(words, i) {
        out.push(Tok { text: n.to_string(), class: TokClass::Number });
        return Some(len);
    }
    if let Some((len, tail)) = compound_tail(words, i) {
        out.push(Tok { text: tail.to_string(), class: TokClass::Word });
        return Some(len);
    }
    if let Some(stem) = stem_article_din(words, i) {
        out.push(Tok { class: classify(stem), text: stem.to_string() });
        out.push(Tok { text: "din".to_string(), class: TokClass::Word });
        return Some(2);
    }
    if let Some((stem, tail)) = compound_suffix(words[i]) {
        out.push(Tok { class: classify(&stem), text: stem });
        out.push(Tok { text: tail.to_string(), class: TokClass::Word });
        return Some(1);
    }
    None
}

/// Analyses a name. `kind` (when known) decides whether legal forms are
/// looked for (everything but persons).
pub fn analyze(name: &str, kind: Option<Kind>) -> Analyzed {
    let name = &*split_run_together(name);
    let natural = natural_order(name, kind);
    let source = natural.as_deref().unwrap_or(name);
    let toks = veto_names::tokenize(source);
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    // Whether word `i` is joined to the next by a hyphen (Se-Bong).
    let hyphened = |i: usize| {
        toks.get(i + 1).is_some_and(|next| source.get(toks[i].end..next.start) == Some("-"))
    };
    let mut out = Analyzed::default();
    let look_for_legal = kind != Some(Kind::Person);
    let mut i = 0;
    // Whether the words before `i` ended with a legal form.
    let mut after_form = false;
    while i < words.len() {
        if look_for_legal {
            if let Some((len, compare, class)) = names::legal_form_at(&words, i) {
                // A legal form alone is the whole name of nothing: keep the
                // words as tokens when they are all the name has. Nor is a
                // form hyphened to a word of the name one (SE of Se-Bong
                // PAEK, a given name), nor two letters between words of
                // the name (SE of Han Se PAK, YU of the vessel FU YUAN YU
                // 7620; CO of CO., LIMITED is a form among forms).
                let joined = (i > 0 && hyphened(i - 1)) || hyphened(i + len - 1);
                let inside = i > 0
                    && i + len < words.len()
                    && len == 1
                    && words[i].len() <= 2
                    && !after_form
                    && names::legal_form_at(&words, i + 1).is_none();
                if len < words.len() && !joined && !inside {
                    out.legal_forms.push(compare);
                    out.legal_classes.push(class);
                    i += len;
                    after_form = true;
                    continue;
                }
            }
        }
        i += read_at(&words, i, &mut out.tokens);
        after_form = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patronymics_in_several_transliterations() {
        for p in ["vladimirovich", "ivanovna", "anatolijevitch", "iwanowitsch", "mammadogly"] {
            assert!(is_patronymic(p), "{p}");
        }
        for w in ["ivanov", "itch", "switch", "petrovitz"] {
            assert!(!is_patronymic(w), "{w}");
        }
    }

    #[test]
    fn a_word_is_read_as_its_analysis() {
        let mut words: Vec<String> = [
            "abdallah",
            "abdullah",
            "abdellah",
            "abdulla",
            "abdalah",
            "abdulhai",
            "abdelmalek",
            "abderrahmane",
            "abdlu",
            "ardul",
            "abudllah",
            "abdou",
            "abdin",
            "abd",
            "abdul",
            "hidayatullah",
            "nasrallah",
            "jalaluddin",
            "noureddine",
            "salahaldin",
            "akhundzada",
            "allah",
            "ullah",
            "din",
            "deen",
            "zadeh",
            "segunda",
            "first",
            "forty",
            "66th",
            "1st",
            "2nd",
            "xiv",
            "mcmxc",
            "11420",
            "a",
            "al",
            "bin",
            "ooo",
            "gmbh",
            "co",
            "holding",
            "vladimirovich",
            "ivanovna",
            "ogly",
            "sheikh",
            "smith",
            "putin",
            "the",
            "of",
            "and",
            "one",
            "two",
            "third",
            "twenty",
            "hundred",
            "sa",
            "ltd",
            "a3f9c2e",
            "v2",
            "x86",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for pre in ["", "abd", "abdul", "abdel", "nur", "saif", "x"] {
            for stem in ["", "al", "ud", "rahman", "lah", "karim", "1"] {
                for suf in ["", "ullah", "uddin", "eddine", "zadeh", "aldeen", "th", "a"] {
                    let w = format!("{pre}{stem}{suf}");
                    if !w.is_empty() {
                        words.push(w);
                    }
                }
            }
        }
        for w in &words {
            // (`read_word` is `word_parts` or the word itself alone: this
            // checks both.)
            assert_eq!(read_word(w), analyze(w, None).tokens, "{w}");
        }
        // Not folded: analysed as a name.
        assert_eq!(read_word("Abd Allah"), analyze("Abd Allah", None).tokens);
    }

    fn toks(s: &str) -> Vec<String> {
        analyze(s, Some(Kind::Person)).tokens.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn abd_compounds_share_one_form() {
        assert_eq!(toks("ABD AL-MALIK DROUKDEL"), ["abd", "malik", "droukdel"]);
        assert_eq!(toks("ABDELMALEK DROUKDEL"), ["abd", "malek", "droukdel"]);
        assert_eq!(toks("Abdul Malik"), ["abd", "malik"]);
        assert_eq!(toks("ABDERRAHMANE"), ["abd", "rahmane"]);
        assert_eq!(toks("Abdur Rehman"), ["abd", "rehman"]);
        assert_eq!(toks("Abdullah"), ["abd", "lah"]);
        assert_eq!(toks("Abd Allah"), ["abd", "lah"]);
        assert_eq!(toks("ABDALLAH"), ["abd", "lah"]);
        assert_eq!(toks("Abdulla"), ["abd", "lah"]);
        // Mistyped, one edit away.
        assert_eq!(toks("mutfi abdlu rbahim"), ["mutfi", "abd", "rbahim"]);
        assert_eq!(toks("ABUDLLAH"), ["abd", "lah"]);
        assert_eq!(toks("abdujllah"), ["abd", "lah"]);
        // Not: known names, short words, or two edits away.
        assert_eq!(toks("Abdou Diouf"), ["abdou", "diouf"]);
        assert_eq!(toks("Abel Smith"), ["abel", "smith"]);
        assert_eq!(toks("Andrea Bocelli"), ["andrea", "bocelli"]);
        assert_eq!(toks("Abdiqadir"), ["abdiqadir"]);
        assert_eq!(toks("Abdalah"), ["abd", "lah"]);
        assert_eq!(toks("Saifal-Din"), ["saif", "din"]);
        assert_eq!(toks("Nurud Din"), ["nur", "din"]);
        assert_eq!(toks("Abdulaziz"), ["abd", "aziz"]);
        // A word that merely ends in -al before Din is not split short.
        assert_eq!(toks("Al Din"), ["din"]);
        assert_eq!(toks("ABDEL"), ["abdel"]);
        // Last, after the name it is joined to (surname first).
        assert_eq!(toks("REHMAN ABDUR"), ["rehman", "abd"]);
        assert_eq!(toks("Rehman, Abdur"), ["abd", "rehman"]);
        assert_eq!(toks("HIDAYATULLAH"), ["hidayat", "lah"]);
        assert_eq!(toks("Hidayat Allah"), ["hidayat", "lah"]);
        assert_eq!(toks("JALALUDDIN HAQQANI"), ["jalal", "din", "haqqani"]);
        assert_eq!(toks("Jalal al-Din Haqqani"), ["jalal", "din", "haqqani"]);
        assert_eq!(toks("NOUREDDINE"), ["nour", "din"]);
        assert_eq!(toks("Mullah Omar"), ["mullah", "omar"]);
        assert_eq!(toks("ALADDIN"), ["aladdin"]);
        assert_eq!(toks("ABDULHAI SALEK"), ["abd", "hai", "salek"]);
        assert_eq!(toks("AKHUNDZADA"), ["akhund", "zad"]);
        assert_eq!(toks("Akhund Zadeh"), ["akhund", "zad"]);
        // Romanized back from Russian: Аминоллах, Садаллах.
        assert_eq!(toks("AMINOLLAKH"), ["amin", "lah"]);
        assert_eq!(toks("Seyyed Aminollah"), toks("Seyyed Aminollakh"));
        assert_eq!(toks("SADALLAKH"), ["sad", "lah"]);
        assert_eq!(toks("Brigade Forty-Four"), ["brigade", "44"]);
        assert_eq!(toks("V. Putin"), ["v", "putin"]);
        assert_eq!(toks("PUTIN, Vladimir"), ["vladimir", "putin"]);
    }

    #[test]
    fn words_run_together_are_split() {
        assert_eq!(toks("UsamaALI"), ["usama", "ali"]);
        assert_eq!(toks("Mansour FadlallahAZZAM"), ["mansour", "fadl", "lah", "azzam"]);
        assert_eq!(toks("Andrei IosifovichMAKAREVICH"), ["andrei", "iosifovich", "makarevich"]);
        // Short prefixes and all-capital or all-lowercase words are not split.
        assert_eq!(toks("Paul McDonald"), ["paul", "mcdonald"]);
        assert_eq!(toks("Ron DeSantis"), ["ron", "desantis"]);
        assert_eq!(toks("JIBRILABDULKARIM"), ["jibrilabdulkarim"]);
        assert_eq!(toks("ivanov ivan"), ["ivanov", "ivan"]);
        assert_eq!(toks("iPhone"), ["iphone"]);
    }

    #[test]
    fn a_legal_form_hyphened_to_a_word_is_a_word() {
        let se = analyze("Se-Bong PAEK", None);
        assert_eq!(texts(&se), ["se", "bong", "paek"]);
        assert!(se.legal_forms.is_empty());
        let gp = analyze("GP-23", None);
        assert_eq!(texts(&gp), ["gp", "23"]);
        // Written apart, the same words are forms.
        let siemens = analyze("SIEMENS SE", None);
        assert_eq!(texts(&siemens), ["siemens"]);
        assert_eq!(siemens.legal_forms.len(), 1);
        assert_eq!(texts(&analyze("GP 23", None)), ["23"]);
        assert_eq!(texts(&analyze("Han Se PAK", None)), ["han", "se", "pak"]);
        assert_eq!(
            texts(&analyze("XIN QUAN (HONG KONG) CO., LIMITED", None)),
            ["xin", "quan", "hong", "kong"]
        );
    }

    fn texts(a: &Analyzed) -> Vec<&str> {
        a.tokens.iter().map(|t| t.text.as_str()).collect()
    }
}
