//! Countries as ISO 3166-1 alpha-2 codes, and the names lists use for them.
//!
//! Lists write countries as names (`Russia`, `Korea, North`, `Iran (Islamic
//! Republic of)`), demonyms (`Russian`, `Palestinian`) or codes (`ru`, `RUS`).
//! [`resolve`] maps all of them to one [`Country`].

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 3166-1 alpha-2 country code (uppercase), plus `XK` for Kosovo and
/// the codes of a few historical states lists still use (`SU`, `YU`, `CS`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country([u8; 2]);

impl Country {
    /// The country with this alpha-2 code, if it is a known code
    /// (case-insensitive).
    pub fn from_code(code: &str) -> Option<Country> {
        let b = code.trim().as_bytes();
        if b.len() != 2 || !b.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let c = Country([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()]);
        TABLE.binary_search_by(|(code, _, _)| code.as_bytes().cmp(&c.0[..])).ok().map(|_| c)
    }

    /// The alpha-2 code.
    pub fn code(&self) -> &str {
        // The bytes are always two ASCII letters (checked on construction).
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The English short name.
    pub fn name(&self) -> &'static str {
        TABLE
            .binary_search_by(|(code, _, _)| code.as_bytes().cmp(&self.0[..]))
            .map(|i| TABLE[i].1)
            .unwrap_or("unknown")
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.code())
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Country, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Country::from_code(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown country code '{s}'")))
    }
}

/// Normalizes a country name for lookup: lowercase ASCII letters and digits,
/// words separated by single spaces, punctuation dropped, common diacritics
/// folded.
fn norm_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'Å' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'í' | 'î' | 'ï' => 'i',
            'ó' | 'ô' | 'ö' | 'õ' | 'Ö' => 'o',
            'ú' | 'ü' | 'û' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '\'' | '’' | '.' => continue,
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Resolves a country name, demonym or code as lists write it to a
/// [`Country`]. Returns `None` for text that names no single country
/// (`Africa`, `unknown`, `Soviet Union` maps to `SU`).
///
/// ```
/// use veto_model::country::resolve;
/// assert_eq!(resolve("Russia").unwrap().code(), "RU");
/// assert_eq!(resolve("Korea, North").unwrap().code(), "KP");
/// assert_eq!(resolve("Iran (Islamic Republic of)").unwrap().code(), "IR");
/// assert_eq!(resolve("palestinian").unwrap().code(), "PS");
/// assert_eq!(resolve("RUS").unwrap().code(), "RU");
/// assert!(resolve("Atlantis").is_none());
/// ```
pub fn resolve(text: &str) -> Option<Country> {
    let key = norm_key(text);
    if key.is_empty() {
        return None;
    }
    if key.len() == 2 {
        if let Some(c) = Country::from_code(&key) {
            return Some(c);
        }
    }
    index().get(key.as_str()).copied()
}

fn index() -> &'static std::collections::HashMap<String, Country> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, Country>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (code, name, aliases) in TABLE {
            let b = code.as_bytes();
            let c = Country([b[0], b[1]]);
            m.insert(norm_key(name), c);
            for a in aliases.iter() {
                m.insert(norm_key(a), c);
            }
        }
        m
    })
}

/// (alpha-2, English short name, other names: alpha-3, official and
/// colloquial names, the forms OFAC/UN/UK/EU write, demonyms). Sorted by code.
static TABLE: &[(&str, &str, &[&str])] = &include!("country_table.in");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for w in TABLE.windows(2) {
            assert!(w[0].0 < w[1].0, "{} !< {}", w[0].0, w[1].0);
        }
    }

    #[test]
    fn aliases_do_not_collide() {
        let mut seen: std::collections::HashMap<String, &str> = Default::default();
        for (code, name, aliases) in TABLE {
            for a in std::iter::once(name).chain(aliases.iter()) {
                if let Some(prev) = seen.insert(norm_key(a), code) {
                    assert_eq!(prev, *code, "'{a}' names both {prev} and {code}");
                }
            }
        }
    }

    #[test]
    fn resolves_list_spellings() {
        let t = |s: &str, c: &str| assert_eq!(resolve(s).map(|x| x.code().to_string()), Some(c.into()), "{s}");
        t("Russia", "RU");
        t("Russian Federation", "RU");
        t("russian", "RU");
        t("Korea, North", "KP");
        t("Democratic People's Republic of Korea", "KP");
        t("Iran (Islamic Republic of)", "IR");
        t("Syrian Arab Republic", "SY");
        t("Democratic Republic of the Congo", "CD");
        t("Congo, Democratic Republic of the", "CD");
        t("United Kingdom", "GB");
        t("Burma", "MM");
        t("Türkiye", "TR");
        t("ru", "RU");
        t("USA", "US");
        assert_eq!(resolve(""), None);
        assert_eq!(resolve("Atlantis"), None);
    }
}
