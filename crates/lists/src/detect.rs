//! Recognising a list format from a file's content.
//!
//! The name of a downloaded file says little (`content?token=...`,
//! `export.xml`), so formats are told apart by what the file holds: the XML
//! root element, the CSV header or column count, the keys of the first JSON
//! object. The file name is used only where the content is the same for two
//! lists (OFAC's SDN and Consolidated lists share both CSV and XML layouts).

use veto_model::Format;

use crate::input::{Container, Input};

/// Which file of an OFAC legacy CSV set a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OfacPart {
    /// `sdn.csv` / `cons_prim.csv`: 12 columns, one row per entry.
    Primary,
    /// `alt.csv` / `cons_alt.csv`: 5 columns, aliases.
    Alt,
    /// `add.csv` / `cons_add.csv`: 6 columns, addresses.
    Add,
    /// `sdn_comments.csv` / `cons_comments.csv`: 2 columns, remarks overflow.
    Comments,
}

/// The detected format of one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detected {
    /// The format.
    pub format: Format,
    /// For OFAC legacy CSV, which file of the set.
    pub ofac_part: Option<OfacPart>,
}

impl Detected {
    fn of(format: Format) -> Detected {
        Detected { format, ofac_part: None }
    }
}

/// Detects the format of an input from its content. Returns a description
/// of what was seen when no format fits.
///
/// # Errors
///
/// Returns a short description of the content when it is in no known format.
pub fn detect(input: &Input) -> Result<Detected, String> {
    match input.container {
        Container::Xlsx | Container::Ods => return Ok(detect_sheet(input)),
        _ => {}
    }
    let data = input.data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&input.data);
    let head = &data[..data.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err("the file is empty".into());
    }
    if trimmed.starts_with('<') {
        return detect_xml(trimmed);
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return detect_json(trimmed);
    }
    detect_csv(&text)
}

fn detect_sheet(input: &Input) -> Detected {
    // Both UK layouts come as spreadsheets; the UK Sanctions List has a
    // "Unique ID" column that the OFSI ConList lacks, so the first rows of
    // the sheet decide.
    if crate::uk::sheet::sheet_is_uksl(input) == Some(true) {
        Detected::of(Format::UkSanctionsList)
    } else {
        Detected::of(Format::UkConlist)
    }
}

fn root_element(xml: &str) -> Option<&str> {
    let mut rest = xml;
    loop {
        let start = rest.find('<')?;
        rest = &rest[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            // A comment may itself contain '<'.
            rest = &comment[comment.find("-->")? + 3..];
            continue;
        }
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        let name = &rest[..end];
        return Some(name.rsplit(':').next().unwrap_or(name));
    }
}

fn detect_xml(xml: &str) -> Result<Detected, String> {
    let root = root_element(xml).ok_or("XML without a root element")?;
    Ok(Detected::of(match root {
        "sdnList" => Format::OfacXml,
        "sanctionsData" => Format::OfacEnhancedXml,
        "CONSOLIDATED_LIST" => Format::UnXml,
        "export" if xml.contains("sanctionEntity") || xml.contains("fsd") => Format::EuXml,
        other => {
            return Err(format!(
                "XML with root element <{other}>, which is no list format veto reads"
            ))
        }
    }))
}

fn detect_json(text: &str) -> Result<Detected, String> {
    let first = text.trim_start_matches(['[', ' ', '\n', '\r', '\t']);
    let mut end = first.len().min(4096);
    while !first.is_char_boundary(end) {
        end -= 1;
    }
    let probe = &first[..end];
    if probe.contains("\"DATA_SOURCE\"") || probe.contains("\"RECORD_ID\"") {
        return Ok(Detected::of(Format::SenzingJson));
    }
    if probe.contains("\"schema\"")
        && (probe.contains("\"properties\"") || probe.contains("\"id\""))
    {
        return Ok(Detected::of(Format::FtmJson));
    }
    Err("JSON that is neither FollowTheMoney entities nor Senzing records".into())
}

fn detect_csv(text: &str) -> Result<Detected, String> {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("").trim_end_matches('\r');
    let second = lines.next().unwrap_or("");
    let lower = first.to_ascii_lowercase();
    if lower.starts_with("report date")
        || (lower.contains("unique id") && lower.contains("ofsi group id"))
    {
        return Ok(Detected::of(Format::UkSanctionsList));
    }
    if lower.starts_with("last updated") && second.contains("Group ID")
        || lower.contains("group id") && lower.contains("name 6")
    {
        return Ok(Detected::of(Format::UkConlist));
    }
    if lower.starts_with("_id,source,entity_number") || lower.contains("source_list_url") {
        return Ok(Detected::of(Format::CslCsv));
    }
    // OFAC legacy CSV: no header; the first field is the numeric ent_num and
    // the column count says which file of the set it is.
    let mut rdr =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(first.as_bytes());
    if let Some(Ok(rec)) = rdr.records().next() {
        let numeric = rec
            .get(0)
            .is_some_and(|f| !f.is_empty() && f.trim().bytes().all(|b| b.is_ascii_digit()));
        if numeric {
            let part = match rec.len() {
                12 => Some(OfacPart::Primary),
                5 => Some(OfacPart::Alt),
                6 => Some(OfacPart::Add),
                2 => Some(OfacPart::Comments),
                _ => None,
            };
            if let Some(part) = part {
                return Ok(Detected { format: Format::OfacCsv, ofac_part: Some(part) });
            }
        }
    }
    let shown: String = first.chars().take(80).collect();
    Err(format!("text whose first line ('{shown}') matches no list format veto reads"))
}

/// Which OFAC part a forced `--format ofac-csv` file is, from its columns.
pub fn ofac_part_of(input: &Input) -> Option<OfacPart> {
    detect_csv(&String::from_utf8_lossy(&input.data[..input.data.len().min(64 * 1024)]))
        .ok()
        .and_then(|d| d.ofac_part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det(name: &str, bytes: &[u8]) -> Result<Detected, String> {
        let input = Input::from_bytes(name.into(), name.into(), bytes.to_vec()).unwrap();
        detect(&input)
    }

    #[test]
    fn by_content() {
        let f = |n: &str, b: &[u8]| det(n, b).map(|d| d.format);
        assert_eq!(f("x", b"<?xml version=\"1.0\"?>\n<sdnList xmlns=\"a\">"), Ok(Format::OfacXml));
        assert_eq!(
            f("x", b"<?xml version=\"1.0\"?><!-- c --><sanctionsData>"),
            Ok(Format::OfacEnhancedXml)
        );
        assert_eq!(f("x", b"<!-- a <b> comment --><CONSOLIDATED_LIST>"), Ok(Format::UnXml));
        assert_eq!(f("x", b"<CONSOLIDATED_LIST dateGenerated=\"x\">"), Ok(Format::UnXml));
        assert_eq!(
            f("x", b"<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\">"),
            Ok(Format::EuXml)
        );
        assert_eq!(
            f("x", b"{\"id\": \"NK-1\", \"schema\": \"Person\", \"properties\": {}}"),
            Ok(Format::FtmJson)
        );
        assert_eq!(f("x", b"{\"DATA_SOURCE\":\"X\",\"RECORD_ID\":\"1\"}"), Ok(Format::SenzingJson));
        assert_eq!(
            f("x", b"Last Updated,10/04/2025\r\nName 6,Name 1,Group ID\r\n"),
            Ok(Format::UkConlist)
        );
        assert_eq!(f("x", b"_id,source,entity_number,type\n"), Ok(Format::CslCsv));
        assert_eq!(
            f("x", b"Report Date: 13-Feb-2026\nLast Updated,Unique ID,OFSI Group ID\n"),
            Ok(Format::UkSanctionsList)
        );
        let d = det("x", b"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n").unwrap();
        assert_eq!(d.ofac_part, Some(OfacPart::Primary));
        let d = det("x", b"36,12,\"aka\",\"NAME\",-0- \r\n").unwrap();
        assert_eq!(d.ofac_part, Some(OfacPart::Alt));
    }

    #[test]
    fn unknown_content_is_described() {
        assert!(det("x", b"").unwrap_err().contains("empty"));
        assert!(det("x", b"<html><body>").unwrap_err().contains("<html>"));
        assert!(det("x", b"hello,world\n").unwrap_err().contains("hello,world"));
        assert!(det("x", b"{\"a\":1}").is_err());
    }
}
