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

/// Whether a folded token is a function word (the, of, and, de la, ...).
pub fn is_stopword(t: &str) -> bool {
    words::is_stopword(t)
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
