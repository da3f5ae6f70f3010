//! The scanner on the real OFAC SDN list (2024), end to end: inputs of every format.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::OnceLock;

use veto_matcher::Matcher;
use veto_scan::{input, Mention, ScanOptions, ScanState, Scanner};

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/lists/ofac/2024-05-03/sdn.csv.gz");
        let parsed = veto_lists::parse_paths(&[path], &veto_lists::Options::default()).unwrap();
        Matcher::new(parsed.into_iter().flat_map(|p| p.entities).collect())
    })
}

/// Scans `text` read as `name`; the mentions with their entity ids.
fn scan(name: &str, text: &str) -> Vec<(String, Mention)> {
    let m = matcher();
    let scanner = Scanner::new(m);
    let parsed = input::read(name, text.as_bytes(), None).unwrap();
    let mut state = ScanState::new();
    veto_scan::scan_parsed(&scanner, &parsed, &ScanOptions::default(), &mut state)
        .into_iter()
        .flat_map(|r| r.mentions.unwrap())
        .map(|x| (m.entities()[x.entity as usize].id.to_string(), x))
        .collect()
}

#[test]
fn mt103_field_59_wrapped_name() {
    let msg = "{1:F01BANKITMMAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\r\n:20:REF1\r\n:32A:240115EUR1000,00\r\n:50K:/IT60X0542811101000000123456\r\nROSSI MACCHINE SPA\r\n:59:/40702810900000012345\r\nAO SBERBANK\r\nLEASING\r\n:71A:SHA\r\n-}";
    let found = scan("pay.fin", msg);
    let (id, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:18709").expect("Sberbank Leasing");
    assert_eq!(id, "us_ofac_sdn:18709");
    assert_eq!(&msg[m.span.clone()], "AO SBERBANK\r\nLEASING");
    assert_eq!(m.field.as_deref(), Some("59"));
    assert!(m.score >= 0.95, "{}", m.score);
    assert!(m.explanation.summary.contains("sberbank=sberbank"), "{}", m.explanation.summary);
    // The ordering customer is not listed.
    assert!(found.iter().all(|(_, m)| m.field.as_deref() == Some("59")), "{found:?}");
}

#[test]
fn prose_finds_names_and_not_ordinary_words() {
    let text = "Reporters said on Monday that Vladimir Putin met the head of\n\
                Rosoboronexport in Moscow. Payments went through a new horizon of banks, and\n\
                John said he would meet Mr Kim in Hong Kong. The firm T-Platforms\n\
                also signed a contract.";
    let found = scan("news.txt", text);
    let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
    let putin = found.iter().find(|(id, _)| id == "us_ofac_sdn:35096").expect("Putin");
    assert_eq!(&text[putin.1.span.clone()], "Vladimir Putin");
    assert!(ids.contains(&"us_ofac_sdn:34686"), "T-Platforms: {ids:?}");
    // Everyday words, a bare given name, a lone common surname, a place.
    for (_, m) in &found {
        for word in ["said", "John", "Kim", "Hong Kong", "new horizon", "Moscow"] {
            assert_ne!(m.text, word, "{found:?}");
        }
    }
}

#[test]
fn pacs008_parties_and_html() {
    let xml = r#"<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf><CdtTrfTxInf>
<Dbtr><Nm>Rossi Macchine S.p.A.</Nm></Dbtr>
<Cdtr><Nm>Joint Stock Company Sberbank Leasing</Nm></Cdtr>
<RmtInf><Ustrd>Invoice 17 machine tools</Ustrd></RmtInf>
</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
    let found = scan("p.xml", xml);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:18709").expect("Sberbank Leasing");
    assert_eq!(m.field.as_deref(), Some("Cdtr/Nm"));
    assert_eq!(&xml[m.span.clone()], "Joint Stock Company Sberbank Leasing");
    assert_eq!(found.len(), 1, "{found:?}");

    let html =
        "<html><body><p>Funds were sent to <b>Evin&nbsp;Prison</b> officials.</p></body></html>";
    let found = scan("page.html", html);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:24586").expect("Evin Prison");
    assert_eq!(&html[m.span.clone()], "Evin&nbsp;Prison");
}

#[test]
fn identifiers_in_text_are_mentions() {
    // Sberbank's SWIFT/BIC as listed by OFAC.
    let e = matcher()
        .entities()
        .iter()
        .find(|e| e.identifiers.iter().any(|i| i.kind == veto_model::IdKind::SwiftBic))
        .unwrap();
    let bic = &e.identifiers.iter().find(|i| i.kind == veto_model::IdKind::SwiftBic).unwrap().value;
    let msg = format!(":20:X\n:57A:{bic}XXX\n:59:/123\nSOMEONE ELSE\n");
    let found = scan("m.fin", &msg);
    let (id, m) = found.iter().find(|(_, m)| m.field.as_deref() == Some("57A")).expect("BIC");
    assert_eq!(id, e.id.as_str());
    assert_eq!(m.score, 1.0);
    assert!(m.explanation.summary.contains("identifier"), "{}", m.explanation.summary);
}
