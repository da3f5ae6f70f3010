//! Dates with the precision the lists actually give.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to the day, the month or only the year.
///
/// Lists often give `1994`, `Oct 1952` or `00/00/1994`: the missing parts are
/// unknown, not January 1st. Serialized as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The year (1000..=2999).
    pub year: u16,
    /// The month (1..=12), if known.
    pub month: Option<u8>,
    /// The day of the month, if known (only with a month).
    pub day: Option<u8>,
}

/// Why a string is not a valid [`PartialDate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateParseError {
    /// The text that was given.
    pub input: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date '{}': {}", self.input, self.reason)
    }
}

impl std::error::Error for DateParseError {}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            let leap =
                (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
            if leap {
                29
            } else {
                28
            }
        }
    }
}

impl PartialDate {
    /// A date known only to the year.
    pub fn year(year: u16) -> PartialDate {
        PartialDate { year, month: None, day: None }
    }

    /// Builds a date from its parts, checking that they form a real date.
    ///
    /// # Errors
    ///
    /// Fails if the year is outside 1000..=2999, the month outside 1..=12, the
    /// day does not exist in that month, or a day is given without a month.
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Result<PartialDate, &'static str> {
        if !(1000..=2999).contains(&year) {
            return Err("year out of range");
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err("month out of range");
            }
        }
        match (month, day) {
            (None, Some(_)) => return Err("day without month"),
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => {
                return Err("day out of range")
            }
            _ => {}
        }
        Ok(PartialDate { year, month, day })
    }

    /// The precision of this date.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Whether `other` can denote the same day as `self`: every part known
    /// in both is equal.
    pub fn is_compatible(&self, other: &PartialDate) -> bool {
        fn eq<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        self.year == other.year && eq(self.month, other.month) && eq(self.day, other.day)
    }

    /// The first day this date can denote, as (year, month, day).
    pub fn earliest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can denote, as (year, month, day).
    pub fn latest(&self) -> (u16, u8, u8) {
        let m = self.month.unwrap_or(12);
        (self.year, m, self.day.unwrap_or_else(|| days_in_month(self.year, m)))
    }
}

/// How much of a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// The exact day.
    Day,
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &PartialDate) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &PartialDate) -> Ordering {
        (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateParseError;

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ISO 8601 calendar dates).
    fn from_str(s: &str) -> Result<PartialDate, DateParseError> {
        let err = |reason| DateParseError { input: s.to_string(), reason };
        let t = s.trim();
        let mut parts = t.split('-');
        let num = |p: Option<&str>, len: usize| -> Result<Option<u16>, DateParseError> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| err("not a number"))
                }
                Some(_) => Err(err("expected YYYY, YYYY-MM or YYYY-MM-DD")),
            }
        };
        let year = num(parts.next(), 4)?.ok_or_else(|| err("empty"))?;
        let month = num(parts.next(), 2)?.map(|m| m as u8);
        let day = num(parts.next(), 2)?.map(|d| d as u8);
        if parts.next().is_some() {
            return Err(err("expected YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        PartialDate::new(year, month, day).map_err(err)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            (self.year, self.month, self.day).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        if d.is_human_readable() {
            let s = String::deserialize(d)?;
            s.parse().map_err(serde::de::Error::custom)
        } else {
            let (year, month, day) = <(u16, Option<u8>, Option<u8>)>::deserialize(d)?;
            PartialDate::new(year, month, day).map_err(serde::de::Error::custom)
        }
    }
}

/// A date of birth as a list states it: a (partial) date, or a range of
/// dates (`1960 to 1962`), possibly approximate (`circa 1952`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BirthDate {
    /// The date, or the start of the range.
    pub date: PartialDate,
    /// The end of the range, for `BETWEEN`/`to` dates.
    #[serde(default)]
    pub to: Option<PartialDate>,
    /// The list marks the date as approximate (`circa`, `APPROXIMATELY`).
    #[serde(default)]
    pub circa: bool,
}

impl BirthDate {
    /// An exact (not approximate) single date.
    pub fn on(date: PartialDate) -> BirthDate {
        BirthDate { date, to: None, circa: false }
    }

    /// A range of dates, both ends included.
    pub fn between(from: PartialDate, to: PartialDate) -> BirthDate {
        let (from, to) = if to < from { (to, from) } else { (from, to) };
        BirthDate { date: from, to: Some(to), circa: false }
    }

    /// The same date marked approximate.
    pub fn circa(mut self) -> BirthDate {
        self.circa = true;
        self
    }

    /// Whether `q` falls in this date or range (partially known parts
    /// compatible; ranges compared year by year at their precision).
    pub fn admits(&self, q: &PartialDate) -> bool {
        match self.to {
            None => self.date.is_compatible(q),
            Some(to) => q.latest() >= self.date.earliest() && q.earliest() <= to.latest(),
        }
    }
}

impl fmt::Display for BirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.circa {
            f.write_str("circa ")?;
        }
        write!(f, "{}", self.date)?;
        if let Some(to) = self.to {
            write!(f, " to {to}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn parse_and_display() {
        for s in ["1952", "1952-10", "1952-10-07", "2000-02-29"] {
            assert_eq!(d(s).to_string(), s);
        }
        for bad in ["", "52", "1952-13", "1952-02-30", "1900-02-29", "0999", "1952-1-7", "x"] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
        assert_eq!(d("1952-10-07").precision(), Precision::Day);
        assert_eq!(d("1952").precision(), Precision::Year);
    }

    #[test]
    fn compatibility() {
        assert!(d("1952").is_compatible(&d("1952-10-07")));
        assert!(d("1952-10").is_compatible(&d("1952-10-07")));
        assert!(!d("1952-11").is_compatible(&d("1952-10-07")));
        assert!(!d("1953").is_compatible(&d("1952")));
        let r = BirthDate::between(d("1962"), d("1960"));
        assert_eq!(r.date, d("1960"));
        assert!(r.admits(&d("1961-05-01")));
        assert!(r.admits(&d("1962")));
        assert!(!r.admits(&d("1959-12-31")));
    }

    #[test]
    fn serde_forms() {
        let b = BirthDate::between(d("1960"), d("1962")).circa();
        let j = serde_json::to_string(&b).unwrap();
        assert_eq!(j, r#"{"date":"1960","to":"1962","circa":true}"#);
        let bare: BirthDate = serde_json::from_str(r#"{"date":"1952"}"#).unwrap();
        assert_eq!(bare, BirthDate::on(d("1952")));
        let back: BirthDate = serde_json::from_str(&j).unwrap();
        assert_eq!(back, b);
        let plain = serde_json::to_string(&BirthDate::on(d("1952-10-07"))).unwrap();
        assert_eq!(plain, r#"{"date":"1952-10-07","to":null,"circa":false}"#);
    }
}
