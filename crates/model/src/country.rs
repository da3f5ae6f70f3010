//! Countries as ISO 3166-1 alpha-2 codes, and the names lists use for them.
//!
//! Lists write countries as names (`Russia`, `Korea, North`, `Iran (Islamic
//! Republic of)`), demonyms (`Russian`, `Palestinian`) or codes (`ru`, `RUS`).
//! [`resolve`] maps all of them to one [`Country`].

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 3166-1 alpha-2 country code (uppercase), plus `XK` for Kosovo and
/// the codes of a few historical states lists still use (`SU` Soviet Union,
/// `YU` Yugoslavia, `CS` Serbia and Montenegro, `DD` East Germany, `AN`
/// Netherlands Antilles).
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
    // Lowercase first so that capitals with diacritics (`CÔTE`) fold too.
    for c in s.chars().flat_map(char::to_lowercase) {
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
    // Text already in the key's form (folded words, as a scanner holds
    // them) is looked up as it is.
    let owned;
    let key = if is_key(text) {
        text
    } else {
        owned = norm_key(text);
        owned.as_str()
    };
    if key.is_empty() {
        return None;
    }
    if key.len() == 2 {
        if let Some(c) = Country::from_code(key) {
            return Some(c);
        }
    }
    let index = index();
    if key.len() > index.longest {
        return None;
    }
    index.keys.get(key).copied()
}

/// Whether `text` is its own [`norm_key`]: lowercase ASCII letters and
/// digits in words joined by single spaces.
fn is_key(text: &str) -> bool {
    let b = text.as_bytes();
    b.first().is_none_or(|&c| c != b' ')
        && b.last().is_none_or(|&c| c != b' ')
        && b.iter().all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b' ')
        && !text.contains("  ")
}

/// Country keys ([`norm_key`] of names and aliases) and the longest's length.
struct Keys {
    keys: std::collections::HashMap<String, Country>,
    longest: usize,
}

fn index() -> &'static Keys {
    static INDEX: std::sync::OnceLock<Keys> = std::sync::OnceLock::new();
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
        let longest = m.keys().map(String::len).max().unwrap_or(0);
        Keys { keys: m, longest }
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
    fn keys_resolve_as_they_are() {
        // Text already in key form skips the normalization: it must find
        // what the normalized text finds, and what is not a key must not
        // be taken for one.
        for (code, name, aliases) in TABLE {
            for a in std::iter::once(name).chain(aliases.iter()) {
                let key = norm_key(a);
                assert!(is_key(&key), "{a}: {key:?}");
                assert_eq!(resolve(&key).map(|c| c.code().to_string()), Some(code.to_string()));
                assert_eq!(resolve(a), resolve(&key), "{a}");
            }
        }
        for text in ["Russia", " russia", "russia ", "russian  federation", "côte d'ivoire", ""] {
            assert!(!is_key(text) || text.is_empty(), "{text:?}");
        }
        assert!(resolve("the kingdom of nowhere at all and then some more words").is_none());
    }

    #[test]
    fn resolves_list_spellings() {
        let t = |s: &str, c: &str| {
            assert_eq!(resolve(s).map(|x| x.code().to_string()), Some(c.into()), "{s}")
        };
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

    fn code(s: &str) -> Option<String> {
        resolve(s).map(|c| c.code().to_string())
    }

    #[test]
    fn every_iso_code_and_alpha3_resolves() {
        assert!(TABLE.len() >= 249 + 1 + 3, "{} countries", TABLE.len());
        for (c, name, aliases) in TABLE {
            assert_eq!(code(c).as_deref(), Some(*c), "code {c}");
            assert_eq!(code(name).as_deref(), Some(*c), "name {name}");
            let a3 = aliases.first().copied().unwrap_or_default();
            assert!(a3.len() == 3 && a3.bytes().all(|b| b.is_ascii_uppercase()), "{c}: {a3}");
            assert_eq!(code(a3).as_deref(), Some(*c), "alpha-3 {a3}");
            assert_eq!(Country::from_code(c).map(|x| x.name()), Some(*name));
        }
    }

    #[test]
    fn ofac_spellings() {
        for (s, c) in [
            ("Korea, North", "KP"),
            ("Korea, South", "KR"),
            ("Burma", "MM"),
            ("Congo, Democratic Republic of the", "CD"),
            ("Congo, Republic of the", "CG"),
            ("Palestinian", "PS"),
            ("West Bank", "PS"),
            ("Region: Gaza", "PS"),
            ("Gaza Strip", "PS"),
            ("Bahamas, The", "BS"),
            ("Gambia, The", "GM"),
            ("Micronesia, Federated States of", "FM"),
            ("Cote d Ivoire", "CI"),
            ("Virgin Islands, British", "VG"),
            ("Man, Isle of", "IM"),
            ("Serbia and Montenegro", "CS"),
            ("Bosnia-Herzegovina", "BA"),
            ("Macedonia, The Former Yugoslav Republic of", "MK"),
            ("North Macedonia, The Republic of", "MK"),
            ("Saint Kitts and Nevis", "KN"),
            ("St. Vincent and the Grenadines", "VC"),
            ("Trinidad & Tobago", "TT"),
            ("Cabo Verde", "CV"),
            ("Netherlands Antilles", "AN"),
            ("the Philippines", "PH"),
        ] {
            assert_eq!(code(s).as_deref(), Some(c), "{s}");
        }
    }

    #[test]
    fn un_and_uk_spellings() {
        for (s, c) in [
            ("Iran (Islamic Republic of)", "IR"),
            ("Democratic People's Republic of Korea", "KP"),
            ("Korea (North)", "KP"),
            ("Republic of Korea", "KR"),
            ("United Republic of Tanzania", "TZ"),
            ("Viet Nam", "VN"),
            ("Lao People's Democratic Republic", "LA"),
            ("Bolivia (Plurinational State of)", "BO"),
            ("Venezuela (Bolivarian Republic of)", "VE"),
            ("Republic of Moldova", "MD"),
            ("Türkiye", "TR"),
            ("TÜRKIYE", "TR"),
            ("CÔTE D'IVOIRE", "CI"),
            ("Côte d'Ivoire", "CI"),
            ("Curaçao", "CW"),
            ("United Kingdom of Great Britain and Northern Ireland", "GB"),
            ("State of Palestine", "PS"),
            ("Occupied Palestinian Territories", "PS"),
            ("Congo (Democratic Republic)", "CD"),
            ("Syrian Arab Republic", "SY"),
            // UK ConList birth countries of the Soviet era: the present country.
            ("Former USSR Currently Ukraine", "UA"),
            ("Former USSR (now Belarus)", "BY"),
            ("Ukrainian SSR (now Ukraine)", "UA"),
            ("USSR (now Russian Federation)", "RU"),
            ("Former USSR", "SU"),
            ("USSR", "SU"),
            ("Soviet Union", "SU"),
            ("Yugoslavia", "YU"),
            ("Kosovo", "XK"),
        ] {
            assert_eq!(code(s).as_deref(), Some(c), "{s}");
        }
    }

    #[test]
    fn demonyms() {
        for (s, c) in [
            ("Russian", "RU"),
            ("Ukrainian", "UA"),
            ("Iraqi", "IQ"),
            ("Afghan", "AF"),
            ("Pakistani", "PK"),
            ("Syrian", "SY"),
            ("Iranian", "IR"),
            ("North Korean", "KP"),
            ("South Korean", "KR"),
            ("Yemeni", "YE"),
            ("Somali", "SO"),
            ("Emirati", "AE"),
            ("Belarusian", "BY"),
            ("Filipino", "PH"),
            ("Dutch", "NL"),
            ("Swiss", "CH"),
            ("Nigerien", "NE"),
            ("Nigerian", "NG"),
            ("Sudanese", "SD"),
            ("South Sudanese", "SS"),
            ("Guinean", "GN"),
            ("Bissau-Guinean", "GW"),
            ("Equatorial Guinean", "GQ"),
            ("Mauritanian", "MR"),
            ("Mauritian", "MU"),
            ("Austrian", "AT"),
            ("Australian", "AU"),
            ("Kosovar", "XK"),
            ("Soviet", "SU"),
        ] {
            assert_eq!(code(s).as_deref(), Some(c), "{s}");
        }
    }

    #[test]
    fn ambiguous_names_are_deliberate() {
        // ISO's short names: "Congo" is the Republic of the Congo, "Guinea" is
        // Guinea (Conakry), "Niger" is Niger, "Dominica" is not the Dominican
        // Republic.
        assert_eq!(code("Congo").as_deref(), Some("CG"));
        assert_eq!(code("Guinea").as_deref(), Some("GN"));
        assert_eq!(code("Niger").as_deref(), Some("NE"));
        assert_eq!(code("Dominica").as_deref(), Some("DM"));
        assert_eq!(code("Dominican Republic").as_deref(), Some("DO"));
        assert_eq!(code("Samoa").as_deref(), Some("WS"));
        assert_eq!(code("American Samoa").as_deref(), Some("AS"));
        // Names shared by two countries resolve to none.
        for s in ["Korea", "Korean", "Congolese", "Virgin Islands", "Dominican", "Crimea"] {
            assert_eq!(code(s), None, "{s}");
        }
        // Two-letter text is a code first: "UK" is no ISO code but a name.
        assert_eq!(code("UK").as_deref(), Some("GB"));
        assert_eq!(code("gb").as_deref(), Some("GB"));
        // Not countries.
        for s in ["undetermined", "None Identified", "EU", "Africa", "Germany. Russia", "-0-"] {
            assert_eq!(code(s), None, "{s}");
        }
    }
}
