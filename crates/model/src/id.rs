//! Sources and stable entity identifiers.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The authority (or aggregator) a list comes from.
///
/// The string form (`us_ofac_sdn`, `un`, ...) is the prefix of every
/// [`EntityId`] and is stable across releases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// US Treasury OFAC, Specially Designated Nationals list.
    UsOfacSdn,
    /// US Treasury OFAC, Consolidated (non-SDN) list: SSI, NS-MBS, CMIC, ...
    UsOfacCons,
    /// UN Security Council consolidated list.
    Un,
    /// UK: OFSI Consolidated List and its successor, the FCDO UK Sanctions List.
    UkOfsi,
    /// EU Financial Sanctions Files (consolidated list of the EU).
    EuFsf,
    /// US trade.gov Consolidated Screening List (OFAC, BIS and State lists).
    UsCsl,
    /// OpenSanctions FollowTheMoney entity exports.
    #[serde(rename = "opensanctions")]
    OpenSanctions,
    /// Senzing-format entity records (as exported by OpenSanctions and others).
    Senzing,
}

impl Source {
    /// Every source, in display order.
    pub const ALL: [Source; 8] = [
        Source::UsOfacSdn,
        Source::UsOfacCons,
        Source::Un,
        Source::UkOfsi,
        Source::EuFsf,
        Source::UsCsl,
        Source::OpenSanctions,
        Source::Senzing,
    ];

    /// The stable string form, used as the prefix of entity ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::UsOfacSdn => "us_ofac_sdn",
            Source::UsOfacCons => "us_ofac_cons",
            Source::Un => "un",
            Source::UkOfsi => "uk_ofsi",
            Source::EuFsf => "eu_fsf",
            Source::UsCsl => "us_csl",
            Source::OpenSanctions => "opensanctions",
            Source::Senzing => "senzing",
        }
    }

    /// A human-readable name of the list.
    pub fn title(self) -> &'static str {
        match self {
            Source::UsOfacSdn => "OFAC Specially Designated Nationals (SDN) List",
            Source::UsOfacCons => "OFAC Consolidated (non-SDN) Sanctions List",
            Source::Un => "UN Security Council Consolidated List",
            Source::UkOfsi => "UK Sanctions List (OFSI / FCDO)",
            Source::EuFsf => "EU Financial Sanctions Files",
            Source::UsCsl => "US trade.gov Consolidated Screening List",
            Source::OpenSanctions => "OpenSanctions (FollowTheMoney)",
            Source::Senzing => "Senzing entity records",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string names no known [`Source`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSource(pub String);

impl fmt::Display for UnknownSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown source '{}' (expected one of: ", self.0)?;
        for (i, s) in Source::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(s.as_str())?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for UnknownSource {}

impl FromStr for Source {
    type Err = UnknownSource;

    fn from_str(s: &str) -> Result<Source, UnknownSource> {
        Source::ALL
            .iter()
            .copied()
            .find(|src| src.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownSource(s.to_string()))
    }
}

/// A stable entity identifier: `<source>:<native id>`.
///
/// The native id is the list's own key: OFAC's `ent_num`/`uid`, the UN
/// reference number (`QDi.001`), OFSI's Group ID, the EU's logical id
/// (`EU.27.28`), the OpenSanctions entity id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(String);

impl EntityId {
    /// Builds the id of `native` in `source`.
    pub fn new(source: Source, native: &str) -> EntityId {
        EntityId(format!("{}:{}", source.as_str(), native.trim()))
    }

    /// Parses an id typed by a user. Returns `None` unless it has the form
    /// `<known source>:<non-empty native id>`.
    pub fn parse(s: &str) -> Option<EntityId> {
        let (src, native) = s.trim().split_once(':')?;
        let source: Source = src.parse().ok()?;
        if native.trim().is_empty() {
            return None;
        }
        Some(EntityId::new(source, native))
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The source part of the id.
    pub fn source(&self) -> Option<Source> {
        self.0.split_once(':').and_then(|(s, _)| s.parse().ok())
    }

    /// The native part of the id (after the first `:`).
    pub fn native(&self) -> &str {
        self.0.split_once(':').map_or("", |(_, n)| n)
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_round_trips() {
        for s in Source::ALL {
            assert_eq!(s.as_str().parse::<Source>(), Ok(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert!("ofac".parse::<Source>().is_err());
    }

    #[test]
    fn entity_id_parts() {
        let id = EntityId::new(Source::Un, "QDi.001");
        assert_eq!(id.as_str(), "un:QDi.001");
        assert_eq!(id.source(), Some(Source::Un));
        assert_eq!(id.native(), "QDi.001");
        assert_eq!(EntityId::parse(" un:QDi.001 "), Some(id));
        assert_eq!(EntityId::parse("eu_fsf:EU.27.28").unwrap().native(), "EU.27.28");
        assert_eq!(EntityId::parse("nope:1"), None);
        assert_eq!(EntityId::parse("un:"), None);
        assert_eq!(EntityId::parse("35096"), None);
    }
}
