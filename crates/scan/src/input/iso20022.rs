//! ISO 20022 XML payment messages: pacs.008 (FI to FI customer credit transfer), pacs.009
//! (financial institution credit transfer, with the underlying customer transfer of a
//! cover payment) and, read the same way, other messages with the same party elements.
//!
//! Screened: every text element under a party — `Dbtr`, `Cdtr`, `UltmtDbtr`,
//! `UltmtCdtr`, `InitgPty`, the agents (`DbtrAgt`, `CdtrAgt`, `IntrmyAgt1..3`, `InstgAgt`,
//! `InstdAgt`, `PrvsInstgAgt1..3`) — so names (`Nm`), postal addresses (`PstlAdr/*`) and
//! identifiers (`BICFI`, `LEI`, `Othr/Id`); the remittance information (`RmtInf`) and
//! the purpose (`Purp`). Each element's text is one segment; its field is its path from
//! the party (`Cdtr/PstlAdr/AdrLine`), prefixed with `UndrlygCstmrCdtTrf/` inside the
//! underlying transfer of a pacs.009 COV. A file may hold several `Document`s (in a
//! business-message envelope, or one after another): each is a message.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{decode_entities, Format, Message, Parsed, SegmentSpec};
use crate::error::ScanError;

/// Whether an element's text is screened, with everything under it.
fn is_party(local: &str) -> bool {
    matches!(
        local,
        "Dbtr"
            | "Cdtr"
            | "UltmtDbtr"
            | "UltmtCdtr"
            | "InitgPty"
            | "DbtrAgt"
            | "CdtrAgt"
            | "IntrmyAgt1"
            | "IntrmyAgt2"
            | "IntrmyAgt3"
            | "InstgAgt"
            | "InstdAgt"
            | "PrvsInstgAgt1"
            | "PrvsInstgAgt2"
            | "PrvsInstgAgt3"
            | "RmtInf"
            | "Purp"
    )
}

/// Reads an ISO 20022 XML file. Malformed XML is an error for the whole file.
pub fn read(name: &str, mut text: String) -> Result<Parsed, ScanError> {
    let mut leaves: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    // (start of each Document element's content, message kind)
    let mut docs: Vec<(usize, Option<String>)> = Vec::new();
    {
        let mut reader = Reader::from_str(&text);
        reader.config_mut().check_end_names = true;
        // The open elements' local names: `stack[..depth]` (the strings
        // are reused from one element to the next).
        let mut stack: Vec<String> = Vec::new();
        let mut depth = 0usize;
        // Where in the stack the outermost screened element is, if any.
        let mut party_at: Option<usize> = None;
        // Where the innermost open element's content starts, and whether it
        // has child elements.
        let mut content_start = 0usize;
        let mut has_child = false;
        let line_of = |pos: usize| {
            text.as_bytes()[..pos.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
        };
        loop {
            let before = reader.buffer_position() as usize;
            let ev = reader.read_event().map_err(|e| {
                let at = reader.error_position() as usize;
                ScanError::new(name, format!("invalid XML at line {}: {e}", line_of(at)))
            })?;
            match ev {
                Event::Start(s) => {
                    let name = s.name();
                    let local = local_name(name.as_ref());
                    if local == "Document" {
                        let kind = s.attributes().flatten().find_map(|a| {
                            let key = a.key.as_ref();
                            (key == b"xmlns" || key.starts_with(b"xmlns:"))
                                .then(|| String::from_utf8_lossy(&a.value).to_string())
                                .and_then(|ns| ns.rsplit(':').next().map(str::to_string))
                                .filter(|k| k.contains('.'))
                        });
                        docs.push((before, kind));
                    }
                    if party_at.is_none() && is_party(&local) {
                        party_at = Some(depth);
                    }
                    match stack.get_mut(depth) {
                        Some(slot) => {
                            slot.clear();
                            slot.push_str(&local);
                        }
                        None => stack.push(local.into_owned()),
                    }
                    depth += 1;
                    content_start = reader.buffer_position() as usize;
                    has_child = false;
                }
                Event::End(_) => {
                    if let (false, Some(p)) = (has_child, party_at) {
                        let range = content_start..before;
                        if text.get(range.clone()).is_some_and(|t| !t.trim().is_empty()) {
                            leaves.push((range, field_of(&stack[..depth], p)));
                        }
                    }
                    depth = depth.saturating_sub(1);
                    if party_at == Some(depth) {
                        party_at = None;
                    }
                    has_child = true;
                }
                Event::Empty(_) => has_child = true,
                Event::Eof => {
                    if let Some(open) = depth.checked_sub(1).and_then(|d| stack.get(d)) {
                        return Err(ScanError::new(
                            name,
                            format!(
                                "invalid XML: the file ends inside <{open}> (truncated message?)"
                            ),
                        ));
                    }
                    break;
                }
                _ => {}
            }
        }
    }
    if leaves.is_empty() && docs.is_empty() {
        return Err(ScanError::new(
            name,
            "no ISO 20022 Document and no party, remittance or purpose element found",
        ));
    }
    let mut segments: Vec<(usize, SegmentSpec)> = Vec::new();
    for (range, field) in leaves {
        let raw = &text[range.clone()];
        // CDATA: screen its content. (Most text has no markup at all.)
        let cdata = if raw.contains('<') {
            (raw.find("<![CDATA["), raw.rfind("]]>"))
        } else {
            (None, None)
        };
        let range = match cdata {
            (Some(a), Some(b)) if b >= a + 9 => range.start + a + 9..range.start + b,
            _ => range,
        };
        decode_entities(&mut text, range.clone());
        segments.push((range.start, SegmentSpec { range, field: Some(field) }));
    }
    // Group the segments by Document.
    let several = docs.len() > 1;
    let mut messages: Vec<Result<Message, ScanError>> = Vec::new();
    if docs.len() <= 1 {
        // (One message, or none: the segments, from the document's start on,
        // are all its.)
        let start = docs.first().map_or(0, |d| d.0);
        messages.push(Ok(Message {
            label: String::new(),
            kind: docs.pop().and_then(|(_, kind)| kind),
            segments: segments.into_iter().filter(|(s, _)| *s >= start).map(|(_, s)| s).collect(),
        }));
    } else {
        for (i, (start, kind)) in docs.iter().enumerate() {
            let end = docs.get(i + 1).map_or(usize::MAX, |d| d.0);
            messages.push(Ok(Message {
                label: if several { format!("message {}", i + 1) } else { String::new() },
                kind: kind.clone(),
                segments: segments
                    .iter()
                    .filter(|(s, _)| *s >= *start && *s < end)
                    .map(|(_, s)| s.clone())
                    .collect(),
            }));
        }
    }
    Ok(Parsed { format: Format::Iso20022, text, messages })
}

fn local_name(qname: &[u8]) -> std::borrow::Cow<'_, str> {
    let local = qname.rsplit(|&b| b == b':').next().unwrap_or(qname);
    match std::str::from_utf8(local) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(local),
    }
}

/// The field of a text element at `stack`, under the screened element at `p`.
fn field_of(stack: &[String], p: usize) -> String {
    let path = stack[p..].join("/");
    if stack[..p].iter().any(|s| s == "UndrlygCstmrCdtTrf") {
        format!("UndrlygCstmrCdtTrf/{path}")
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const PACS008: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
  <FIToFICstmrCdtTrf>
    <GrpHdr><MsgId>M1</MsgId><NbOfTxs>1</NbOfTxs></GrpHdr>
    <CdtTrfTxInf>
      <PmtId><EndToEndId>E2E</EndToEndId></PmtId>
      <IntrBkSttlmAmt Ccy="EUR">1000.00</IntrBkSttlmAmt>
      <Dbtr><Nm>Rossi Macchine S.p.A.</Nm><PstlAdr><TwnNm>Milano</TwnNm><Ctry>IT</Ctry></PstlAdr></Dbtr>
      <DbtrAgt><FinInstnId><BICFI>BCITITMM</BICFI></FinInstnId></DbtrAgt>
      <CdtrAgt><FinInstnId><BICFI>SABRRUMM</BICFI></FinInstnId></CdtrAgt>
      <Cdtr><Nm>AO SBERBANK LEASING &amp; Co</Nm>
        <PstlAdr><AdrLine>Moscow</AdrLine></PstlAdr></Cdtr>
      <CdtrAcct><Id><IBAN>RU0204452560040702810412345678901</IBAN></Id></CdtrAcct>
      <Purp><Prtry>machinery</Prtry></Purp>
      <RmtInf><Ustrd><![CDATA[Invoice 17 <press parts>]]></Ustrd></RmtInf>
    </CdtTrfTxInf>
  </FIToFICstmrCdtTrf>
</Document>"#;

    fn fields(p: &Parsed) -> Vec<(String, String)> {
        p.messages
            .iter()
            .flat_map(|m| m.as_ref().unwrap().segments.iter())
            .map(|s| (s.field.clone().unwrap(), p.text[s.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn reads_a_pacs008() {
        let p = read("p.xml", PACS008.to_string()).unwrap();
        assert_eq!(p.text.len(), PACS008.len());
        let m = p.messages[0].as_ref().unwrap();
        assert_eq!(m.kind.as_deref(), Some("pacs.008.001.08"));
        let f = fields(&p);
        let get = |k: &str| f.iter().find(|(a, _)| a == k).map(|(_, b)| b.as_str());
        assert_eq!(get("Dbtr/Nm"), Some("Rossi Macchine S.p.A."));
        assert_eq!(get("Cdtr/Nm"), Some("AO SBERBANK LEASING &     Co"));
        assert_eq!(get("CdtrAgt/FinInstnId/BICFI"), Some("SABRRUMM"));
        assert_eq!(get("Cdtr/PstlAdr/AdrLine"), Some("Moscow"));
        assert_eq!(get("Purp/Prtry"), Some("machinery"));
        assert_eq!(get("RmtInf/Ustrd"), Some("Invoice 17 <press parts>"));
        // Accounts and amounts are not screened.
        assert!(f.iter().all(|(k, _)| !k.contains("IBAN") && !k.contains("Amt")));
        let s = &m.segments.iter().find(|s| s.field.as_deref() == Some("Cdtr/Nm")).unwrap().range;
        assert!(PACS008[s.clone()].starts_with("AO SBERBANK LEASING &amp;"));
    }

    #[test]
    fn pacs009_cover_and_several_documents() {
        let one = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"><FICdtTrf><CdtTrfTxInf>
<Dbtr><FinInstnId><Nm>Bank Rossiya</Nm></FinInstnId></Dbtr>
<UndrlygCstmrCdtTrf><Cdtr><Nm>Ivan Petrov</Nm></Cdtr></UndrlygCstmrCdtTrf>
</CdtTrfTxInf></FICdtTrf></Document>"#;
        let both = format!("<Envelope>{one}\n{one}</Envelope>");
        let p = read("p.xml", both).unwrap();
        assert_eq!(p.messages.len(), 2);
        let f = fields(&p);
        assert_eq!(f.len(), 4);
        assert_eq!(f[0], ("Dbtr/FinInstnId/Nm".to_string(), "Bank Rossiya".to_string()));
        assert_eq!(f[1], ("UndrlygCstmrCdtTrf/Cdtr/Nm".to_string(), "Ivan Petrov".to_string()));
        assert_eq!(p.messages[1].as_ref().unwrap().label, "message 2");
    }

    #[test]
    fn malformed_xml_is_an_error_with_a_line() {
        let bad = PACS008.replace("</Dbtr>", "</Dbtx>");
        let e = read("bad.xml", bad).unwrap_err();
        assert_eq!(e.source_name, "bad.xml");
        assert!(e.message.contains("invalid XML at line 8"), "{e}");
        let cut = &PACS008[..PACS008.len() / 2];
        let e = read("cut.xml", cut.to_string()).unwrap_err();
        assert!(e.message.contains("truncated") || e.message.contains("invalid XML"), "{e}");
        let e = read("other.xml", "<a><b>x</b></a>".to_string()).unwrap_err();
        assert!(e.message.contains("no ISO 20022"), "{e}");
    }
}
