//! Small text helpers shared by the parsers: cleaning values and reading the
//! date notations the lists use.

use veto_model::{BirthDate, PartialDate};

/// Trims a value and collapses runs of whitespace; `None` if nothing is
/// left or the value is one of the lists' "empty" markers (`-0-`, `N/A`).
pub fn clean(s: &str) -> Option<String> {
    let t = s.trim();
    if t.is_empty() || t == "-0-" || t.eq_ignore_ascii_case("n/a") || t == "-" {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    Some(out)
}

/// The month number of an English month name or abbreviation.
pub fn month_number(s: &str) -> Option<u8> {
    let s = s.trim().trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if s.len() < 3 {
        return None;
    }
    let m = MONTHS.iter().position(|m| s.starts_with(m))? as u8 + 1;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let ok = s.len() == 3 || full[m as usize - 1].starts_with(&s) || s == "sept";
    ok.then_some(m)
}

/// Parses one English-style date: `07 Oct 1952`, `Oct 1952`, `1952`,
/// `October 7, 1952`, `1952-10-07`, `1952-10`.
pub fn parse_date_en(s: &str) -> Option<PartialDate> {
    let t = s.trim().trim_end_matches('.');
    if let Ok(d) = t.parse::<PartialDate>() {
        return Some(d);
    }
    let words: Vec<&str> =
        t.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let year = |w: &str| w.parse::<u16>().ok().filter(|_| w.len() == 4);
    let day = |w: &str| w.parse::<u8>().ok().filter(|_| (1..=2).contains(&w.len()));
    let date = match words.as_slice() {
        [y] => PartialDate::new(year(y)?, None, None),
        [m, y] => PartialDate::new(year(y)?, Some(month_number(m)?), None),
        [d, m, y] if day(d).is_some() => PartialDate::new(year(y)?, Some(month_number(m)?), day(d)),
        [m, d, y] => PartialDate::new(year(y)?, Some(month_number(m)?), Some(day(d)?)),
        _ => return None,
    };
    date.ok()
}

/// Parses a day-first numeric date as UK and EU files write it:
/// `07/10/1952`, `00/10/1952`, `00/00/1952`, `10/1952`, `1952`
/// (`/`, `.` or `-` separated; `00` means unknown).
pub fn parse_date_dmy(s: &str) -> Option<PartialDate> {
    let t = s.trim();
    if let Ok(d) = t.parse::<PartialDate>() {
        return Some(d);
    }
    let parts: Vec<&str> = t.split(['/', '.', '-']).map(str::trim).collect();
    let n = |p: &str| p.parse::<u16>().ok();
    let (d, m, y) = match parts.as_slice() {
        [y] => (0, 0, n(y)?),
        [m, y] => (0, n(m)?, n(y)?),
        [d, m, y] => (n(d)?, n(m)?, n(y)?),
        _ => return None,
    };
    if !(1000..=2999).contains(&y) {
        return None;
    }
    let month = (m != 0).then_some(m as u8);
    let day = (d != 0 && month.is_some()).then_some(d as u8);
    PartialDate::new(y, month, day).ok()
}

/// Parses an English-style birth date phrase with its qualifiers:
/// `circa 1952`, `1960 to 1962`, `Between 1960 and 1962`, `approximately 1950`,
/// `07 Oct 1952`.
pub fn parse_birth_date_en(s: &str) -> Option<BirthDate> {
    let mut t = s.trim().trim_end_matches('.').trim();
    let mut circa = false;
    for prefix in ["circa", "c.", "approximately", "approx.", "approx", "about", "ca."] {
        if t.len() > prefix.len() && t[..prefix.len()].eq_ignore_ascii_case(prefix) {
            t = t[prefix.len()..].trim();
            circa = true;
            break;
        }
    }
    if let Some(rest) = t.strip_prefix("Between ").or_else(|| t.strip_prefix("between ")) {
        t = rest;
    }
    let range = [" to ", " and ", " - ", "-"].iter().find_map(|sep| {
        let (a, b) = t.split_once(sep)?;
        Some((parse_date_en(a)?, parse_date_en(b)?))
    });
    let mut bd = match range {
        Some((a, b)) => BirthDate::between(a, b),
        None => BirthDate::on(parse_date_en(t)?),
    };
    bd.circa = circa;
    Some(bd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_dates() {
        let t = |s: &str| parse_date_en(s).map(|d| d.to_string());
        assert_eq!(t("07 Oct 1952").as_deref(), Some("1952-10-07"));
        assert_eq!(t("7 October 1952").as_deref(), Some("1952-10-07"));
        assert_eq!(t("Oct 1952").as_deref(), Some("1952-10"));
        assert_eq!(t("1952").as_deref(), Some("1952"));
        assert_eq!(t("October 7, 1952").as_deref(), Some("1952-10-07"));
        assert_eq!(t("Sept 1952").as_deref(), Some("1952-09"));
        assert_eq!(t("31 Feb 1952"), None);
        assert_eq!(t("Octopus 1952"), None);
        assert_eq!(t("hello"), None);
    }

    #[test]
    fn day_first_dates() {
        let t = |s: &str| parse_date_dmy(s).map(|d| d.to_string());
        assert_eq!(t("07/10/1952").as_deref(), Some("1952-10-07"));
        assert_eq!(t("00/00/1994").as_deref(), Some("1994"));
        assert_eq!(t("00/05/1994").as_deref(), Some("1994-05"));
        assert_eq!(t("05/1994").as_deref(), Some("1994-05"));
        assert_eq!(t("1994").as_deref(), Some("1994"));
        assert_eq!(t("32/01/1994"), None);
    }

    #[test]
    fn birth_phrases() {
        let t = |s: &str| parse_birth_date_en(s).map(|d| d.to_string());
        assert_eq!(t("circa 1952").as_deref(), Some("circa 1952"));
        assert_eq!(t("1960 to 1962").as_deref(), Some("1960 to 1962"));
        assert_eq!(t("Between 1960 and 1962").as_deref(), Some("1960 to 1962"));
        assert_eq!(t("07 Oct 1952").as_deref(), Some("1952-10-07"));
        assert_eq!(t("nonsense"), None);
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean("  a \t b  ").as_deref(), Some("a b"));
        assert_eq!(clean("-0- "), None);
        assert_eq!(clean(""), None);
    }
}
