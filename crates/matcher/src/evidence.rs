//! Secondary evidence: birth date, country, identifiers, kind and legal
//! form. Each moves the name score up or down by a bounded amount and says
//! why.

use veto_model::{BirthDate, Country, Entity, IdKind, Kind, PartialDate, Precision};

use crate::explain::Factor;

/// A query identifier: an optional type and a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryId {
    /// The type, if given (`passport:123`); `None` matches any type.
    pub kind: Option<IdKind>,
    /// The value as typed.
    pub value: String,
}

impl QueryId {
    /// Parses `TYPE:VALUE` or a bare `VALUE`. Types: passport, national_id
    /// (or nid), tax_id (inn, tin), registration (reg, ogrn), swift (bic),
    /// imo, mmsi, lei, or any other word (matches any type).
    pub fn parse(s: &str) -> QueryId {
        if let Some((t, v)) = s.split_once(':') {
            let kind = match t.trim().to_ascii_lowercase().as_str() {
                "passport" => Some(IdKind::Passport),
                "national_id" | "nid" | "national" => Some(IdKind::NationalId),
                "tax_id" | "tax" | "inn" | "tin" => Some(IdKind::TaxId),
                "registration" | "reg" | "ogrn" => Some(IdKind::Registration),
                "swift" | "bic" | "swift_bic" => Some(IdKind::SwiftBic),
                "imo" => Some(IdKind::Imo),
                "mmsi" => Some(IdKind::Mmsi),
                "lei" => Some(IdKind::Lei),
                _ => None,
            };
            if kind.is_some() || !v.trim().is_empty() {
                return QueryId { kind, value: v.trim().to_string() };
            }
        }
        QueryId { kind: None, value: s.trim().to_string() }
    }
}

/// An identifier value reduced to what matters for equality: letters and
/// digits, uppercase (`AB 123-45` = `ab12345`), with a leading `IMO` dropped.
pub fn id_key(v: &str) -> String {
    let k: String =
        v.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect();
    k.strip_prefix("IMO")
        .filter(|r| r.bytes().all(|b| b.is_ascii_digit()) && !r.is_empty())
        .map_or(k.clone(), str::to_string)
}

/// Score change for an equal identifier.
pub const ID_MATCH: f32 = 0.25;
/// Score change for a different identifier of the same type.
pub const ID_MISMATCH: f32 = -0.20;
/// Score change for a birth date equal to the day.
pub const DOB_DAY: f32 = 0.08;
/// Score change for a birth date compatible at month or year precision.
pub const DOB_PARTIAL: f32 = 0.04;
/// Score change for a birth date a year off.
pub const DOB_NEAR: f32 = -0.03;
/// Score change for a birth date further off.
pub const DOB_MISMATCH: f32 = -0.15;
/// Score change for a matching country.
pub const COUNTRY_MATCH: f32 = 0.03;
/// Score change for a country the entity is not linked to.
pub const COUNTRY_MISMATCH: f32 = -0.04;
/// Score change for a kind mismatch (person vs organization).
pub const KIND_MISMATCH: f32 = -0.25;

fn year_gap(bd: &BirthDate, q: &PartialDate) -> u16 {
    let lo = bd.date.year;
    let hi = bd.to.map_or(lo, |t| t.year);
    if q.year < lo {
        lo - q.year
    } else {
        q.year.saturating_sub(hi)
    }
}

/// Birth-date evidence.
pub fn birth_date(entity: &Entity, q: &PartialDate) -> Option<Factor> {
    if entity.birth_dates.is_empty() {
        return None;
    }
    let listed: Vec<String> = entity.birth_dates.iter().map(|d| d.to_string()).collect();
    let listed = listed.join(", ");
    let exact = entity.birth_dates.iter().any(|bd| {
        bd.to.is_none()
            && !bd.circa
            && bd.date.precision() == Precision::Day
            && q.precision() == Precision::Day
            && bd.date == *q
    });
    if exact {
        return Some(Factor::new(
            "birth_date",
            DOB_DAY,
            format!("birth date {q} matches the list ({listed})"),
        ));
    }
    let admits =
        entity.birth_dates.iter().any(
            |bd| {
                if bd.circa {
                    year_gap(bd, q) <= 2
                } else {
                    bd.admits(q)
                }
            },
        );
    if admits {
        return Some(Factor::new(
            "birth_date",
            DOB_PARTIAL,
            format!("birth date {q} is compatible with the list's {listed} (not to the day)"),
        ));
    }
    let gap = entity.birth_dates.iter().map(|bd| year_gap(bd, q)).min().unwrap_or(u16::MAX);
    if gap <= 1 {
        Some(Factor::new(
            "birth_date",
            DOB_NEAR,
            format!("birth date {q} is close to the list's {listed} but differs"),
        ))
    } else {
        Some(Factor::new(
            "birth_date",
            DOB_MISMATCH,
            format!("birth date {q} contradicts the list's {listed}"),
        ))
    }
}

/// Country evidence.
pub fn country(entity: &Entity, q: Country) -> Option<Factor> {
    let all = entity.all_countries();
    if all.is_empty() {
        return None;
    }
    if all.contains(&q) {
        Some(Factor::new("country", COUNTRY_MATCH, format!("country {q} is linked to the entity")))
    } else {
        let list: Vec<&str> = all.iter().map(|c| c.code()).collect();
        Some(Factor::new(
            "country",
            COUNTRY_MISMATCH,
            format!("country {q} is not among the entity's ({})", list.join(", ")),
        ))
    }
}

/// Identifier evidence: the strongest of match / mismatch over the query's
/// identifiers.
pub fn identifiers(entity: &Entity, ids: &[QueryId]) -> Option<Factor> {
    let mut mismatch = None;
    for q in ids {
        let qk = id_key(&q.value);
        if qk.is_empty() {
            continue;
        }
        let same_type: Vec<_> =
            entity.identifiers.iter().filter(|i| q.kind.is_none_or(|k| k == i.kind)).collect();
        if let Some(hit) = same_type.iter().find(|i| id_key(&i.value) == qk) {
            let label =
                if hit.label.is_empty() { format!("{:?}", hit.kind) } else { hit.label.clone() };
            return Some(Factor::new(
                "identifier",
                ID_MATCH,
                format!("{label} {} matches", hit.value),
            ));
        }
        if q.kind.is_some() && !same_type.is_empty() && mismatch.is_none() {
            let listed: Vec<&str> = same_type.iter().map(|i| i.value.as_str()).collect();
            mismatch = Some(Factor::new(
                "identifier",
                ID_MISMATCH,
                format!(
                    "{:?} {} differs from the list's {}",
                    q.kind.unwrap_or(IdKind::Other),
                    q.value,
                    listed.join(", ")
                ),
            ));
        }
    }
    mismatch
}

/// Kind evidence: a person query against an organization, or vice versa.
pub fn kind(entity: &Entity, q: Kind) -> Option<Factor> {
    let compatible = q == entity.kind || q == Kind::Other || entity.kind == Kind::Other;
    (!compatible).then(|| {
        Factor::new(
            "kind",
            KIND_MISMATCH,
            format!("the query is a {q}, the entity a {}", entity.kind),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_keys() {
        assert_eq!(id_key("AB 123-45"), "AB12345");
        assert_eq!(id_key("IMO 9187629"), "9187629");
        assert_eq!(id_key("imo9187629"), "9187629");
        assert_eq!(id_key("IMOGEN"), "IMOGEN");
        assert_eq!(QueryId::parse("passport:AB 1").kind, Some(IdKind::Passport));
        assert_eq!(QueryId::parse("AB1").kind, None);
    }
}
