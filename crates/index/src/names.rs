//! The one place the index calls `veto-names`: folded tokens and the name
//! tables (legal forms, honorifics, particles, org symbols, name-synonym
//! groups).

use veto_names::{words, LegalForms, PersonNames};

/// Folded tokens of a name.
pub fn tokens(s: &str) -> Vec<String> {
    veto_names::tokenize(s).into_iter().map(|t| t.text).collect()
}

/// Whether a folded token is a name particle (al, bin, van, de, ...).
pub fn is_particle(t: &str) -> bool {
    words::is_particle(t)
}

/// Whether a folded token is a generic organization word (co, holding, ...).
pub fn is_org_symbol(t: &str) -> bool {
    words::org_symbol(t).is_some()
}

/// Whether a folded token is a function word of organization names (the,
/// of, and, ...). Deliberately short: the general multilingual stopword
/// table holds words that are names elsewhere (`wei`, `ali`).
pub fn is_stopword(t: &str) -> bool {
    matches!(
        t,
        "the"
            | "of"
            | "and"
            | "for"
            | "und"
            | "et"
            | "des"
            | "die"
            | "das"
            | "les"
            | "dei"
            | "degli"
    )
}

/// Whether a folded token is an honorific or title (mr, sheikh, general, ...).
pub fn is_honorific(t: &str) -> bool {
    words::is_honorific(t)
}

/// A legal form starting at token `i`: (token count, canonical compare
/// form, generic class).
pub fn legal_form_at(words: &[&str], i: usize) -> Option<(usize, String, String)> {
    LegalForms::get().match_at(words, i).map(|(len, f)| (len, f.compare.clone(), f.generic.clone()))
}

/// Name-synonym groups of a folded token (empty for most tokens).
pub fn groups(t: &str) -> &'static [u32] {
    PersonNames::get().groups(t)
}

/// Loads the name tables now (they load lazily otherwise), so that the
/// first query does not pay for it.
pub fn preload() {
    veto_names::load_all();
}

/// A number written in words or as an ordinal starting at token `i`
/// (`forty four`, `1st`, `first`, `three`): (tokens, value). Single letters
/// and Roman numerals are left alone: `V.` is an initial far more often
/// than a five.
pub fn number_at(words: &[&str], i: usize) -> Option<(usize, u32)> {
    let w = words[i];
    if w.len() < 3
        || w.bytes().all(|b| b"ivxlcdm".contains(&b))
        || w.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    words::ordinal_at(words, i)
}
