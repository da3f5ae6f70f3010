//! What one imported list version is.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Kind, PartialDate, Source};

/// The file formats veto reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// OFAC legacy CSV (`sdn.csv` + `alt.csv`, `add.csv`, `sdn_comments.csv`
    /// and the `cons_*.csv` twins).
    OfacCsv,
    /// OFAC classic XML (`sdnList`: SDN.XML, CONSOLIDATED.XML).
    OfacXml,
    /// OFAC Enhanced XML (`sanctionsData`: SDN_ENHANCED.XML, CONS_ENHANCED.XML).
    OfacEnhancedXml,
    /// UN Security Council consolidated list XML.
    UnXml,
    /// UK OFSI Consolidated List (`ConList.csv`, or the same sheet as
    /// `.xlsx`).
    UkConlist,
    /// FCDO UK Sanctions List (`UK-Sanctions-List.csv`, or the same sheet as
    /// `.ods`/`.xlsx`).
    UkSanctionsList,
    /// EU Financial Sanctions Files XML (schema 1.1).
    EuXml,
    /// US trade.gov Consolidated Screening List CSV.
    CslCsv,
    /// OpenSanctions FollowTheMoney entities, JSON lines.
    FtmJson,
    /// Senzing entity records, JSON or JSON lines.
    SenzingJson,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 10] = [
        Format::OfacCsv,
        Format::OfacXml,
        Format::OfacEnhancedXml,
        Format::UnXml,
        Format::UkConlist,
        Format::UkSanctionsList,
        Format::EuXml,
        Format::CslCsv,
        Format::FtmJson,
        Format::SenzingJson,
    ];

    /// The name used on the command line (`--format ofac-csv`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::OfacCsv => "ofac-csv",
            Format::OfacXml => "ofac-xml",
            Format::OfacEnhancedXml => "ofac-enhanced-xml",
            Format::UnXml => "un-xml",
            Format::UkConlist => "uk-conlist",
            Format::UkSanctionsList => "uk-sanctions-list",
            Format::EuXml => "eu-xml",
            Format::CslCsv => "csl-csv",
            Format::FtmJson => "ftm-json",
            Format::SenzingJson => "senzing-json",
        }
    }

    /// Parses a command-line format name.
    pub fn parse(s: &str) -> Option<Format> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which list a version belongs to: the source, plus a dataset name for
/// aggregators that carry several (OpenSanctions datasets, Senzing data
/// sources). For official lists the dataset is the source name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ListKey {
    /// The source.
    pub source: Source,
    /// The dataset within the source.
    pub dataset: String,
}

impl ListKey {
    /// The key of an official list: dataset = source name.
    pub fn of(source: Source) -> ListKey {
        ListKey { source, dataset: source.as_str().to_string() }
    }
}

impl std::fmt::Display for ListKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.dataset == self.source.as_str() {
            write!(f, "{}", self.source)
        } else {
            write!(f, "{}/{}", self.source, self.dataset)
        }
    }
}

/// One input file of a list version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputFile {
    /// The path as given.
    pub path: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// Entity counts per [`Kind`].
pub type KindCounts = BTreeMap<Kind, usize>;

/// Metadata of one list version: what was read and what it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListMeta {
    /// Which list.
    pub key: ListKey,
    /// The format it was read from.
    pub format: Format,
    /// The date of the data as the file states it (publish date, generation
    /// date), or as its name states it when the content has none.
    #[serde(default)]
    pub data_date: Option<PartialDate>,
    /// Where `data_date` was read from (`Publish_Date`, `dateGenerated`,
    /// `file name`, ...).
    #[serde(default)]
    pub data_date_from: Option<String>,
    /// The input files.
    pub files: Vec<InputFile>,
    /// The number of records read (rows, elements, lines), including
    /// records folded into entities (OFAC alias rows, FtM Sanction objects).
    pub records: u64,
    /// Entity counts per kind.
    pub counts: KindCounts,
    /// Records skipped in lenient mode (0 in strict mode).
    pub skipped: u64,
    /// Values that were kept only as text because they could not be
    /// structured (an unparseable date, an unknown country), per field.
    #[serde(default)]
    pub unstructured: BTreeMap<String, u64>,
}

impl ListMeta {
    /// Total entity count.
    pub fn entity_count(&self) -> usize {
        self.counts.values().sum()
    }
}
