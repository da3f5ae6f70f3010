//! The one place the index calls `veto-names`: folding, tokens, and the
//! name tables. (Temporary minimal fallback until veto-names lands.)

use unicode_normalization::UnicodeNormalization;

/// Folded tokens of a name.
pub fn tokens(s: &str) -> Vec<String> {
    let folded: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in folded.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether a folded token is a name particle.
pub fn is_particle(t: &str) -> bool {
    matches!(
        t,
        "al" | "el"
            | "bin"
            | "ben"
            | "ibn"
            | "bint"
            | "abu"
            | "van"
            | "von"
            | "der"
            | "de"
            | "da"
            | "di"
            | "du"
            | "del"
            | "la"
            | "le"
            | "dos"
            | "das"
            | "y"
    )
}

/// Whether a folded token is a generic organization word.
pub fn is_org_symbol(t: &str) -> bool {
    matches!(
        t,
        "co" | "corp"
            | "corporation"
            | "company"
            | "group"
            | "holding"
            | "holdings"
            | "intl"
            | "international"
            | "the"
            | "of"
            | "and"
    )
}

/// Whether a folded token is an honorific.
pub fn is_honorific(t: &str) -> bool {
    matches!(t, "mr" | "mrs" | "ms" | "dr" | "sheikh" | "shaikh" | "haji" | "mullah")
}

/// A legal form starting at token `i`: (length, canonical, class).
pub fn legal_form_at(words: &[&str], i: usize) -> Option<(usize, String, String)> {
    let w = words[i];
    let (c, g) = match w {
        "ooo" | "llc" => ("llc", "LLC"),
        "pao" | "pjsc" => ("pjsc", "JSC"),
        "ao" | "jsc" => ("jsc", "JSC"),
        "oao" | "ojsc" => ("ojsc", "JSC"),
        "zao" | "cjsc" => ("cjsc", "JSC"),
        "ltd" | "limited" => ("ltd", "LLC"),
        "inc" => ("inc", "JSC"),
        "spa" => ("spa", "JSC"),
        "gmbh" => ("gmbh", "LLC"),
        "ag" => ("ag", "JSC"),
        "sa" => ("sa", "JSC"),
        _ => return None,
    };
    Some((1, c.to_string(), g.to_string()))
}

/// Synonym groups of a folded token.
pub fn groups(_t: &str) -> &'static [u32] {
    &[]
}
