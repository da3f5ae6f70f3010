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
    /// A generic organization word (co, corp, holding, group, ...).
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

const PATRONYMIC_ENDINGS: &[&str] = &[
    "ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ogly", "oglu", "kyzy", "qizi",
    "uly",
];

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
    if names::is_org_symbol(t) {
        return TokClass::OrgSymbol;
    }
    if t.len() > 6 && PATRONYMIC_ENDINGS.iter().any(|e| t.ends_with(e)) {
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

/// Analyses a name. `kind` (when known) decides whether legal forms are
/// looked for (everything but persons).
pub fn analyze(name: &str, kind: Option<Kind>) -> Analyzed {
    let natural = natural_order(name, kind);
    let folded = names::tokens(natural.as_deref().unwrap_or(name));
    let words: Vec<&str> = folded.iter().map(String::as_str).collect();
    let mut out = Analyzed::default();
    let look_for_legal = kind != Some(Kind::Person);
    let mut i = 0;
    while i < words.len() {
        if look_for_legal {
            if let Some((len, compare, class)) = names::legal_form_at(&words, i) {
                // A legal form alone is the whole name of nothing: keep the
                // words as tokens when they are all the name has.
                if len < words.len() {
                    out.legal_forms.push(compare);
                    out.legal_classes.push(class);
                    i += len;
                    continue;
                }
            }
        }
        let w = words[i];
        out.tokens.push(Tok { text: w.to_string(), class: classify(w) });
        i += 1;
    }
    out
}
