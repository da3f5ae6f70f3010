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
    scan_with(&mut ScanState::new(), name, text)
}

/// [`scan`] with the given per-thread state.
fn scan_with(state: &mut ScanState, name: &str, text: &str) -> Vec<(String, Mention)> {
    static SCANNER: OnceLock<Scanner<'static>> = OnceLock::new();
    let m = matcher();
    let scanner = SCANNER.get_or_init(|| Scanner::new(m));
    scan_by(m, scanner, state, name, text)
}

/// The mentions `scanner` (over `m`) finds in `text` read as `name`, with
/// their entity ids.
fn scan_by(
    m: &Matcher,
    scanner: &Scanner<'_>,
    state: &mut ScanState,
    name: &str,
    text: &str,
) -> Vec<(String, Mention)> {
    let parsed = input::read(name, text.as_bytes(), None).unwrap();
    veto_scan::scan_parsed(scanner, &parsed, &ScanOptions::default(), state)
        .into_iter()
        .flat_map(|r| r.mentions.unwrap())
        .map(|x| (m.entities()[x.entity as usize].id.to_string(), x))
        .collect()
}

/// The entity ids mentioned in `text` (a plain document) among `entities`
/// alone (hand-made lists).
fn ids_among(entities: Vec<veto_model::Entity>, text: &str) -> Vec<String> {
    let m = Matcher::new(entities);
    let scanner = Scanner::new(&m);
    scan_by(&m, &scanner, &mut ScanState::new(), "t.txt", text)
        .into_iter()
        .map(|(id, _)| id)
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

/// The ids of the entities found in `text`, read as plain text.
fn ids(text: &str) -> Vec<String> {
    scan("t.txt", text).into_iter().map(|(id, _)| id).collect()
}

#[test]
fn compounds_other_readings_and_repeated_words() {
    // The lists split Amanullah and Yadollah (aman + ullah); text does not.
    assert!(
        ids("Payment approved by Amanullah AFRIDI in Dubai.").contains(&"us_ofac_sdn:12402".into())
    );
    assert!(ids("JAVANI Yadollah attended the meeting.").contains(&"us_ofac_sdn:39441".into()));
    // Cyrillic read by other conventions than the default (Тхамир: thamir).
    let text = "On Monday the contract with Найиф Шиндах Тхамир Гхалиб was signed.";
    let found = scan("t.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:7887").expect("Ghalib");
    assert_eq!(&text[m.span.clone()], "Найиф Шиндах Тхамир Гхалиб");
    // An everyday Russian word may be a transliterated given name (Кармен).
    let text = "Met Кармен Тереса Мелендез Ривас today.";
    let found = scan("t.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:22809").expect("Melendez Rivas");
    assert_eq!(&text[m.span.clone()], "Кармен Тереса Мелендез Ривас");
    // An everyday word (Abdallah is frequent in text) proposes the names of
    // the parts the lists read it as (abd + lah); "as" after the name is the
    // prose's, not the Norwegian legal form AS.
    let text = "Officials said Muhammad 'abdallah Al-amin as well as others met.";
    let found = scan("t.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:25140").expect("Al-Amin");
    assert_eq!(&text[m.span.clone()], "Muhammad 'abdallah Al-amin");
    // ABDUL alone is read `abd`, as the lists read ABDUL AZIZ (abd + aziz).
    let found = ids("Payments by ABDUL AZIZ KHAKKANI were traced to Peshawar.");
    assert!(found.contains(&"us_ofac_sdn:18347".to_string()), "{found:?}");
    // A word written in Cyrillic is everyday only as a Russian word: Акса is
    // no Turkish "aksa".
    let found = ids("Court filings in Piraeus name Акса Махмоод as the owner.");
    assert!(found.contains(&"us_ofac_sdn:18629".to_string()), "{found:?}");
    // A one-word name the lists split (HIZBALLAH: hizb + lah) is one word of
    // text, and whole; a bare given name is not ("Abdullah": abd + lah).
    let found = ids("He praised Abdullah and Hizbollah in a speech.");
    assert_eq!(found, ["us_ofac_sdn:4697"], "{found:?}");
    // In lowercase prose, "sa'id sa'id" is a transliterated name, not a verb.
    let found = ids("Correspondence shows that sa'id sa'id negotiated the price directly.");
    assert!(found.contains(&"us_ofac_sdn:21963".to_string()), "{found:?}");
    // A surname frequent in Russian text (Романенко) is still an anchor, so a
    // patronymic spelt otherwise (Юревич: Yuryevich) does not lose the name.
    let found = ids("Court filings name Роман Юревич Романенко as the owner.");
    assert!(found.contains(&"us_ofac_sdn:35713".to_string()), "{found:?}");
    // A name that repeats a word is found whole.
    let text = "The transfer to MATUQ MOHAMMED MATUQ was stopped.";
    let found = scan("t.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:12633").expect("Matuq");
    assert_eq!(&text[m.span.clone()], "MATUQ MOHAMMED MATUQ");
}

#[test]
fn one_word_names_with_their_legal_form() {
    // Everyday words and names, made listed names by their legal form.
    assert!(ids("We sold it to LIMITED LIABILITY COMPANY STORK last year.")
        .contains(&"us_ofac_sdn:40823".into()));
    assert!(ids("Invoice for MALBERG LIMITED attached.").contains(&"us_ofac_sdn:35060".into()));
    assert!(ids("Paid JOINT STOCK COMPANY START now.").contains(&"us_ofac_sdn:47968".into()));
    // Without it, or with another form, the word is a word.
    for text in [
        "A stork flew over the start line.",
        "Smith and Company paid the invoice.",
        "Invoice for Malberg attached.",
    ] {
        assert_eq!(ids(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn partial_person_names_and_look_alikes_are_not_mentions() {
    for (text, not) in [
        // The ends of a person's name tell people apart.
        ("Paid to JOHN TAYLOR for services.", "us_ofac_sdn:21730"), // TAYLOR, Mark John
        ("Paid to CHONG CHOL for services.", "us_ofac_sdn:18668"),  // RI, Chong Chol
        // Part of a weak alias.
        ("We met Carlos Garcia in Madrid.", "us_ofac_sdn:33982"),
        // One word, one letter off a listed one, nothing around to confirm.
        ("Inditex reported higher sales.", "us_ofac_sdn:13355"), // INDUITEX LTDA.
    ] {
        assert!(!ids(text).contains(&not.to_string()), "{text}");
    }
    // A middle name left out is still the person.
    assert!(ids("Reporters said Vladimir Putin spoke.").contains(&"us_ofac_sdn:35096".into()));
}

#[test]
fn lowercase_names_of_three_everyday_words_are_found() {
    // Two everyday words in lowercase are prose; three in a listed name's
    // order are the name.
    let found = ids("Supplies were sent to the army supply bureau in the capital.");
    assert!(found.contains(&"us_ofac_sdn:15486".into()), "{found:?}");
}

#[test]
fn one_word_vessel_names_after_a_vessel_word() {
    // ATLANTIS, a former name of the tanker STARLA: an everyday word, a
    // vessel's name when a vessel word comes before it.
    for text in
        ["The tanker ATLANTIS left Bandar Abbas.", "The M/T ATLANTIS was seen off Fujairah."]
    {
        assert!(ids(text).contains(&"us_ofac_sdn:15902".into()), "{text}");
    }
    for text in ["He read a book about Atlantis.", "Paid ATLANTIA SPA today."] {
        assert_eq!(ids(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn periods_of_initials_do_not_end_the_sentence() {
    let text = "A contract with JSC NOVOSIBIRSK AIRCRAFT PRODUCTION ASSOCIATION PLANT NAMED \
                AFTER V.P. CHKALOV was signed. An invoice came from LLC SANATORIY IM. M.V.FRUNZE \
                today. It was paid. Then nothing.";
    let found = ids(text);
    assert!(found.contains(&"us_ofac_sdn:35351".to_string()), "Chkalov plant: {found:?}");
    assert!(found.contains(&"us_ofac_sdn:43250".to_string()), "Sanatoriy Frunze: {found:?}");
}

#[test]
fn long_names_and_their_function_words() {
    // "the" and "of" are looked for near the name, not at the start of the sentence.
    let text = "Investigators traced the funds to an account held by STATE\nDUMA OF THE \
                FEDERAL ASSEMBLY OF THE RUSSIAN FEDERATION in Istanbul.";
    let found = ids(text);
    assert!(found.contains(&"us_ofac_sdn:35845".to_string()), "State Duma: {found:?}");
    // A one-word name after a legal form spelt out in full.
    let found = ids("Payment to OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU ALYANS for goods.");
    assert_eq!(found, ["us_ofac_sdn:47439"]);
}

#[test]
fn a_whole_name_of_everyday_words_with_its_legal_form() {
    // GENERAL TECHNOLOGY LIMITED: everyday words, but the whole name with its legal form.
    let found = ids("Goods were shipped to LTD GENERAL TECHNOLOGY in Hong Kong.");
    assert!(found.contains(&"us_ofac_sdn:45716".to_string()), "{found:?}");
    // Without the legal form, the two words are ordinary prose.
    let found = ids("They praised the general technology of the plant.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_party_field_that_is_exactly_a_listed_name() {
    // In a party's name field, a name the evidence rule would not report in
    // prose (everyday words, one word) is the party: BAYT AL-MAL, the vessel ATLANTIS.
    let xml = r#"<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf><CdtTrfTxInf>
<Dbtr><Nm>bayt al-mal</Nm></Dbtr>
<Cdtr><Nm>Rossi Macchine S.p.A.</Nm></Cdtr>
<RmtInf><Ustrd>bayt al-mal invoice 17</Ustrd></RmtInf>
</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
    let found = scan("p.xml", xml);
    let fields: Vec<(&str, Option<&str>)> =
        found.iter().map(|(id, m)| (id.as_str(), m.field.as_deref())).collect();
    // (In the remittance text too: "bayt" is an Arabic word, no everyday
    // word of text in Latin letters.)
    assert_eq!(
        fields,
        [("us_ofac_sdn:9965", Some("Dbtr/Nm")), ("us_ofac_sdn:9965", Some("RmtInf/Ustrd"))]
    );

    let msg = "{1:F01BANKITMMAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\r\n:20:REF1\r\n\
               :32A:240115EUR1000,00\r\n:50K:/IT60X0542811101000000123456\r\nROSSI MACCHINE SPA\r\n\
               :59:/40702810900000012345\r\nATLANTIS\r\nVIA ROMA 1\r\n:70:ATLANTIS INVOICE 17\r\n\
               :71A:SHA\r\n-}";
    let found = scan("pay.fin", msg);
    let fields: Vec<(&str, Option<&str>)> =
        found.iter().map(|(id, m)| (id.as_str(), m.field.as_deref())).collect();
    assert!(fields.contains(&("us_ofac_sdn:15902", Some("59"))), "{fields:?}");
    assert!(fields.iter().all(|(_, f)| *f == Some("59")), "{fields:?}");
    // Nearly the name is not enough without more evidence: ATLANTIC is a word.
    let found = scan("pay.fin", &msg.replace("\r\nATLANTIS\r\n", "\r\nATLANTIC\r\n"));
    assert!(found.is_empty(), "{found:?}");
    // One slip from a listed one-word name that is no word (YUVENTA), as a
    // whole party field, is that party; in the remittance text, it is not.
    let xml = xml
        .replace("bayt al-mal</Nm>", "yuvnta</Nm>")
        .replace("bayt al-mal invoice", "yuvnta invoice");
    let found = scan("p.xml", &xml);
    let fields: Vec<(&str, Option<&str>)> =
        found.iter().map(|(id, m)| (id.as_str(), m.field.as_deref())).collect();
    assert_eq!(fields, [("us_ofac_sdn:47586", Some("Dbtr/Nm"))]);
}

#[test]
fn names_in_cyrillic_are_read_the_ways_the_matcher_reads_them() {
    // Another reading of a word (Джосепх: josepkh, not dzhosepkh) aligns
    // the whole span; the span is not cut down to the words of the default one.
    let found = ids("Payment made on behalf of Вилсон Джосепх yesterday.");
    assert!(found.contains(&"us_ofac_sdn:46475".to_string()), "{found:?}");
    let found = ids("The transfer was made on behalf of Рохуллах Вакил, who did not respond.");
    assert!(found.contains(&"us_ofac_sdn:27969".to_string()), "{found:?}");
    // A name of everyday words has two anchors: Феликс is not felix.
    let found = ids("Correspondence shows that Джавиер Торрес Феликс negotiated the price.");
    assert!(found.contains(&"us_ofac_sdn:10351".to_string()), "{found:?}");
}

#[test]
fn whole_names_of_common_words_and_longer_readings_with_a_typo() {
    // Three words of substance, spelt as listed and in full: the name, however
    // common its words are in the lists.
    let found = ids("Funds were traced to an account held by CENTRAL REPUBLIC BANK in Vienna.");
    assert!(found.contains(&"us_ofac_sdn:22486".to_string()), "{found:?}");
    // Two of them are not ("the central bank").
    let found = ids("The central bank said the republic would borrow more.");
    assert!(found.is_empty(), "{found:?}");
    // One slip of the keyboard that makes no everyday word is still the name;
    // another word is not.
    let found = ids("Funds were traced to an account held by CENTRAL rpeublic BANK in Vienna.");
    assert!(found.contains(&"us_ofac_sdn:22486".to_string()), "{found:?}");
    let found = ids("Funds were traced to an account held by CENTRAL PUBLIC BANK in Vienna.");
    assert!(found.is_empty(), "{found:?}");
    // The longer name wins over a shorter one inside it, even misspelt.
    let text = "Payments to MINISTRY OF DEFENCE AND ARMED FORCES logitics were blocked.";
    let found = scan("t.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:10392").expect("MODAFL");
    assert_eq!(&text[m.span.clone()], "MINISTRY OF DEFENCE AND ARMED FORCES logitics");
}

#[test]
fn legal_forms_read_through_one_typo() {
    // likbility: liability; the form then qualifies the one-word name CARBON.
    let found = ids("A subsidiary of LIMITED likbility COMPANY CARBON signed a contract.");
    assert!(found.contains(&"us_ofac_sdn:44988".to_string()), "{found:?}");
    // Without a form, CARBON is an ordinary word.
    let found = ids("A subsidiary of CARBON signed a contract.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn one_word_vessel_names_in_sentences_about_shipping() {
    // STARLA's former name ATLANTIS: capitalized in a sentence about shipping.
    let found = ids("The cargo was later transferred to the ATLANTIS in international waters.");
    assert!(found.contains(&"us_ofac_sdn:15902".to_string()), "{found:?}");
    let found =
        ids("The Atlantis, flying the flag of a small island state, was last seen near Malta.");
    assert!(found.contains(&"us_ofac_sdn:15902".to_string()), "{found:?}");
    // The same word elsewhere, or in lowercase, is not a ship.
    assert!(ids("The myth of Atlantis was discussed at length.").is_empty());
    assert!(ids("The cargo left port for the lost atlantis of legend.").is_empty());
    // A word no dictionary has, after "the" in a sentence about shipping, is a
    // name however written; one slip of the keyboard from a listed vessel's
    // long name is that vessel (SARVIN, MANGAZEYA).
    let found = ids("The cargo was later transferred to the sarvihn in international waters.");
    assert!(found.contains(&"us_ofac_sdn:25388".to_string()), "{found:?}");
    let found = ids("The magazeya, flying the flag of a small island state, was seen near Malta.");
    assert!(found.contains(&"us_ofac_sdn:48898".to_string()), "{found:?}");
    // Not outside such a sentence, nor two slips away.
    assert!(ids("We had dinner with the sarvihn family on Sunday.").is_empty());
    assert!(
        ids("The cargo was later transferred to the sarvhinn in international waters.").is_empty()
    );
}

#[test]
fn number_words_read_as_the_lists_read_them() {
    // The analyzer reads 66TH as 66, SEGUNDA as 2 and LIU as 6 in list names;
    // the text's words are read the same way.
    let found = ids("The bank refused a payment to 66TH LIGHT INFANTRY DIVISION, citing policy.");
    assert!(found.contains(&"us_ofac_sdn:35816".to_string()), "{found:?}");
    let found = ids("Shares in Segunda Marquetalia fell by 5 percent after the announcement.");
    assert!(found.contains(&"us_ofac_sdn:33974".to_string()), "{found:?}");
    let found = ids("Court filings name Baoxia LIU as the ultimate beneficial owner.");
    assert!(found.contains(&"us_ofac_sdn:22683".to_string()), "{found:?}");
}

#[test]
fn periods_inside_words_and_hyphenated_lowercase_names() {
    // A period with no space after it does not end a sentence: STANKI.RU.
    let found = ids("Machine tools were bought from STANKI.RU OOO last year.");
    assert!(found.contains(&"us_ofac_sdn:45377".to_string()), "{found:?}");
    // Lowercase words joined by a hyphen are one name, not prose.
    let found = ids("According to documents seen by reporters, t-platforms received 70 payments.");
    assert!(found.contains(&"us_ofac_sdn:34686".to_string()), "{found:?}");
}

#[test]
fn one_hyphenated_word_is_not_a_persons_whole_name() {
    // Mohammad-Bagher is a given name, not Mohammad BAGHERI.
    let found = ids("Correspondence shows that Mohammad-bagher Rossi negotiated the price.");
    assert!(!found.contains(&"us_ofac_sdn:27850".to_string()), "{found:?}");
    // Written apart, it is the listed name.
    let found = ids("Correspondence shows that Mohammad Bagheri negotiated the price.");
    assert!(found.contains(&"us_ofac_sdn:27850".to_string()), "{found:?}");
}

#[test]
fn technical_prose_is_not_names() {
    // Code, paths and file names.
    for text in [
        "The constant GOLDEN_RATIO is defined in src/lib.rs next to ops.cpp.",
        "Run cargo:rustc-link-lib=static to link it; see camellia-table.c and camellia.h.",
        // A formula, and part of a vessel's name (HYOK SIN 2).
        "The identity holds: y = 2 * sinh(x) for all x.",
        // Version and section numbers.
        "Upgrade to Rust 1.95 today, as sections 1.3 and 3.1 of the manual explain.",
        // One word of a weak alias (HELIOS), and a part of a name of everyday
        // words (ADVANCED RESEARCH FOUNDATION).
        "The Helios project joined Advanced Research at the lab.",
        // A person's given name that is also a vessel's, in a sentence that
        // mentions cargo the build tool and a port.
        "Daniel Bevenius fixed the cargo build and the port to Windows.",
        "test: use a random port with the inspect port (Monu-Chaudhary)",
        // A given name's synonym proves nothing of a company's (GIE: Kei).
        "The GIE (Global Interest Group) met in Paris.",
        // Han characters read as pinyin match romanized names by chance.
        "作者陈刚负责维护这个项目。",
    ] {
        let found = scan("t.txt", text);
        let got: Vec<(&str, &str)> =
            found.iter().map(|(id, m)| (id.as_str(), &text[m.span.clone()])).collect();
        assert!(found.is_empty(), "{text}: {got:?}");
    }
    // The same names written as names are found.
    let found = ids("Payments to AO RUST 95 and to GORA GOLDEN RATIO were blocked.");
    assert!(found.contains(&"us_ofac_sdn:45621".to_string()), "{found:?}");
    assert!(found.contains(&"us_ofac_sdn:47827".to_string()), "{found:?}");
    let found = ids("The vessel DANIEL switched off its transponder near Malta.");
    assert!(found.contains(&"us_ofac_sdn:15903".to_string()), "{found:?}");
}

#[test]
fn the_word_cache_is_emptied_between_segments_not_inside_one() {
    // A segment with more distinct words than the cache holds (a table of
    // test cases, a word list) is scanned whole; the next one after it too.
    let mut state = ScanState::with_cache_limit(50);
    let mut text: String = (0..300).map(|i| format!("w{i}x ")).collect();
    text.push_str("Reporters said Vladimir Putin met the delegation.");
    for round in 0..3 {
        let found: Vec<String> =
            scan_with(&mut state, "t.txt", &text).into_iter().map(|(id, _)| id).collect();
        assert!(found.contains(&"us_ofac_sdn:35096".to_string()), "round {round}: {found:?}");
    }
}

#[test]
fn two_word_company_names_and_numbers_with_their_legal_form() {
    // Both words of CHAM HOLDING are in other listed names: spelt as listed
    // and capitalized, the two are the name.
    let found = ids("Funds went to CHAM HOLDING last spring.");
    assert!(found.contains(&"us_ofac_sdn:12744".into()), "{found:?}");
    // A number is a name with its listed legal form, not alone.
    let found = ids("The shipment was sent by 11420 Corp. last week.");
    assert!(found.contains(&"us_ofac_sdn:24430".into()), "{found:?}");
    let found = ids("The shipment of 11420 crates was sent last week.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_slip_that_makes_a_word_of_some_language_with_the_listed_legal_form() {
    // TARDE is Spanish, TRAVE Italian: with the listed legal form and every
    // other word as listed, still the name.
    let found = ids("LIMITED TARDE DEVELOPMENT MACHINE GROUP sent the invoice.");
    assert!(found.contains(&"us_ofac_sdn:48827".into()), "{found:?}");
    let found = ids("The payment to FLIGHT trave LLC was blocked.");
    assert!(found.contains(&"us_ofac_sdn:26343".into()), "{found:?}");
    // Without the legal form, a word of the language is another word.
    let found = ids("The payment for the flight, trave and hotel was blocked.");
    assert!(!found.contains(&"us_ofac_sdn:26343".into()), "{found:?}");
}

#[test]
fn the_second_part_of_a_compound_written_apart() {
    // EDDINE is read `din`, as the lists read ANSAR AL-DINE.
    let found = ids("Fighters of ANSAR EDDINE crossed the border.");
    assert!(found.contains(&"us_ofac_sdn:15852".into()), "{found:?}");
}

#[test]
fn a_misspelt_legal_form_word_reads_as_the_word_of_its_length() {
    // LIMITDE is one edit from LIMITED (two letters swapped) and from the
    // alias LIMITD (a letter added): the form is LIMITED LIABILITY COMPANY.
    let found = scan("news.txt", "Payment to LIMITDE LIABILITY COMPANY ALGORITM was blocked.");
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:37504").expect("ALGORITM");
    assert_eq!(m.text, "LIMITDE LIABILITY COMPANY ALGORITM");
    // Words spelt as listed are not read joined: VA DEGTYAREV is exact.
    let found =
        scan("news.txt", "The plant OPEN JOINT STOCK COMPANY VA DEGTYAREV PLANT shipped parts.");
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:46772").expect("DEGTYAREV");
    assert!(m.score >= 0.99, "{m:?}");
}

#[test]
fn a_rare_word_with_its_particle_and_words_hyphened_to_a_capital() {
    let found = ids("Funds were sent to AL KAWTHAR last week.");
    assert!(found.contains(&"us_ofac_sdn:28533".into()), "{found:?}");
    // "dunya" in lowercase is part of the capitalized "Al-dunya", no prose.
    let found = ids("The channel Al-dunya Television aired it.");
    assert!(found.contains(&"us_ofac_sdn:15918".into()), "{found:?}");
    let found = ids("The whole dunya television market grew.");
    assert!(!found.contains(&"us_ofac_sdn:15918".into()), "{found:?}");
}

#[test]
fn a_legal_form_inside_a_name_written_out_or_short() {
    // The list writes the Serbian d.o.o. in full between the name's words.
    let text = "Rent was paid to KATINA DRUSTVO S OGRANICENOM ODGOVORNOSCU ZA NEKRETNINE \
                I UGOSTITELJSTVO in May.";
    let found = scan("news.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:35077").expect("KATINA");
    assert_eq!(&text[m.span.clone()], &text[17..89]);
    let found = ids("Rent was paid to KATINA DOO ZA NEKRETNINE I UGOSTITELJSTVO in May.");
    assert!(found.contains(&"us_ofac_sdn:35077".into()), "{found:?}");
    // Its words scattered over a sentence are no name.
    let found = ids("KATINA said that nekretnine are, for the rest of the year, \
                     in demand, and ugostiteljstvo too.");
    assert!(!found.contains(&"us_ofac_sdn:35077".into()), "{found:?}");
}

#[test]
fn an_operator_the_listed_name_has_is_no_formula() {
    let found = ids("A+ ENGINEERING, ELECTRONICS & MEDIA PRINTING CO. LTD. shipped the goods.");
    assert!(found.contains(&"us_ofac_sdn:22905".into()), "{found:?}");
    let found = ids("Set x = 2 * ENGINEERING + ELECTRONICS & MEDIA PRINTING in the model.");
    assert!(!found.contains(&"us_ofac_sdn:22905".into()), "{found:?}");
}

#[test]
fn words_of_arabic_or_russian_spelt_in_latin_letters_are_no_everyday_words() {
    // "qaida" is an everyday Arabic word, not one of text in Latin letters.
    let found = ids("Support for AL-QAIDA was alleged in court.");
    assert!(found.contains(&"us_ofac_sdn:6366".into()), "{found:?}");
}

#[test]
fn an_arabic_article_joined_to_a_name() {
    let found = ids("He met Ali almahmoudi AL BAGHDADI in Tripoli.");
    assert!(found.contains(&"us_ofac_sdn:12690".into()), "{found:?}");
    // The article assimilated to the next letter (az-Zawahiri).
    let found = ids("A statement by AYMAN AZZAWAHIRI was read.");
    assert!(found.contains(&"us_ofac_sdn:2676".into()), "{found:?}");
    // No initial of text stands for the article: "A" of "A statement" is
    // no part of the name.
    let text = "A statement by AYMAN AZZAWAHIRI was read.";
    let found = scan("news.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:2676").expect("Zawahiri");
    assert_eq!(&text[m.span.clone()], "AYMAN AZZAWAHIRI");
}

#[test]
fn a_cyrillic_word_is_read_every_way_even_when_one_reading_is_a_list_word() {
    // Ёнг reads "eng" (a list word) by default and "yong" by another
    // convention: RI, Yong Gil.
    let text = "Reports named Ёнг Гил Ри in the case.";
    let found = scan("news.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:33936").expect("RI Yong Gil");
    assert_eq!(&text[m.span.clone()], "Ёнг Гил Ри");
}

#[test]
fn possessives_and_left_out_patronymics() {
    // An English possessive is no part of the name, nor what follows it.
    let text = "Oleg Deripaska's company was named in the filing.";
    let found = scan("news.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:24283").expect("Deripaska");
    assert_eq!(&text[m.span.clone()], "Oleg Deripaska");
    assert!(m.score >= 0.98, "{}", m.score);
    // A name the lists write with its 's keeps it.
    let found = ids("Funds went to SULTAN'S CONSTRUCTION CC last year.");
    assert!(found.contains(&"us_ofac_sdn:39541".into()), "{found:?}");
    // A rare patronymic left out does not lose the name.
    let found = ids("The yacht was linked to Suleiman Kerimov, officials said.");
    assert!(found.contains(&"us_ofac_sdn:24325".into()), "{found:?}");
}

#[test]
fn middle_names_left_out_after_a_rare_family_name() {
    let found = ids("Ayatollah Ali Khamenei issued a statement.");
    assert!(found.contains(&"us_ofac_sdn:26945".into()), "{found:?}");
    // Not after a common one: Jose LOPEZ is not Jose Francisco LOPEZ, nor
    // is Vladimir LOPEZ Vladimir PADRINO LOPEZ (two family names).
    let found = ids("Jose Lopez and Vladimir Lopez signed the lease.");
    assert!(!found.contains(&"us_ofac_sdn:24705".into()), "{found:?}");
    assert!(!found.contains(&"us_ofac_sdn:25080".into()), "{found:?}");
    let found = ids("Jose Francisco Lopez and Vladimir Padrino Lopez signed the lease.");
    assert!(found.contains(&"us_ofac_sdn:24705".into()), "{found:?}");
    assert!(found.contains(&"us_ofac_sdn:25080".into()), "{found:?}");
}

#[test]
fn another_middle_initial_or_half_a_hyphened_name_is_another_person() {
    // PAK, To-Chun: "to" is half of To-Chun.
    let found = ids("He went to the PAEK office.");
    assert!(!found.contains(&"us_ofac_sdn:15769".into()), "{found:?}");
    let found = ids("Officials named PAK To-Chun in the report.");
    assert!(found.contains(&"us_ofac_sdn:15769".into()), "{found:?}");
    // A particle hyphened to a name is no half of it: AL-MAAROUFI.
    let found = ids("He met Tarek Ben Habib Ben Al-toumi Maaroufi in Milan.");
    assert!(found.contains(&"us_ofac_sdn:7257".into()), "{found:?}");
    // Dmitry V. Levin is not Dmitriy Olegovich LEVIN; Dmitriy O. Levin may be.
    let found = ids("Patches by Dmitry V. Levin were merged.");
    assert!(!found.contains(&"us_ofac_sdn:36380".into()), "{found:?}");
    let found = ids("Patches by Dmitriy O. Levin were merged.");
    assert!(found.contains(&"us_ofac_sdn:36380".into()), "{found:?}");
}

#[test]
fn a_preposition_of_place_between_the_words_is_prose() {
    let found = ids("The Al Noor Trading company in Dubai received the deposit.");
    assert!(!found.contains(&"us_ofac_sdn:10603".into()), "{found:?}");
    let found = ids("Funds went to DUBAI TRADING COMPANY last week.");
    assert!(found.contains(&"us_ofac_sdn:10603".into()), "{found:?}");
}

#[test]
fn a_whole_name_many_listed_names_carry_counts_alone() {
    // JOINT STOCK COMPANY SBERBANK: many listed names carry "Sberbank", but
    // fewer than a word that proves nothing.
    let found = ids("Shares of Sberbank fell 4% on Monday.");
    assert!(found.contains(&"us_ofac_sdn:18715".into()), "{found:?}");
    // A word thousands of names carry is no name alone.
    let found = ids("Shares of the Bank fell 4% on Monday.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn vessel_names_with_a_legal_form_word() {
    // The lists read YU of YU SON and NP of NP DIKSON as legal forms: the
    // vessel word before the form, or "the" in a sentence about shipping,
    // still names the vessel.
    let found = ids("The vessel YU SON switched off its transponder after leaving port.");
    assert!(found.contains(&"us_ofac_sdn:23744".into()), "{found:?}");
    let found = ids("The cargo was later transferred to the NP DIKSON in international waters.");
    assert!(found.contains(&"us_ofac_sdn:37064".into()), "{found:?}");
    // Not a son in prose, nor a vessel's name without a word of shipping.
    assert_eq!(ids("Her son Yu left the company in May."), Vec::<String>::new());
}

#[test]
fn an_everyday_word_is_no_initial() {
    // MARIE DE LOURDES I is another vessel: "in" is no initial I.
    let found =
        ids("The cargo was later transferred to the MARIE DE LOURDES in international waters.");
    assert!(found.contains(&"us_ofac_sdn:23425".into()), "{found:?}");
    assert!(!found.contains(&"us_ofac_sdn:23426".into()), "{found:?}");
}

#[test]
fn a_legal_form_hyphened_to_a_name_is_the_name() {
    // SE of Se-Bong is a given name, not the European company's form.
    let found = ids("In an interview, Se-Bong PAEK denied any involvement in the deal.");
    assert!(found.contains(&"us_ofac_sdn:15787".into()), "{found:?}");
}

#[test]
fn a_short_legal_form_word_misspelt_among_its_others() {
    let text = "The bank refused a payment to JQINT STOCK COMPANY SHVABE, citing its policy.";
    let found = scan("news.txt", text);
    let (_, m) = found.iter().find(|(id, _)| id == "us_ofac_sdn:18779").expect("Shvabe: {found:?}");
    assert_eq!(&text[m.span.clone()], "JQINT STOCK COMPANY SHVABE");
    assert!(m.score >= 0.99, "{}", m.score);
}

#[test]
fn a_joined_article_before_a_listed_name() {
    let found = ids("Zuhair Tawfik alassad was seen in Singapore in April.");
    assert!(found.contains(&"us_ofac_sdn:29281".into()), "{found:?}");
    // Also where another list writes the name joined (ALASSAD), so that the
    // joined word is a list word of its own.
    use veto_model::{Entity, Kind, Name, NameRole, Source};
    let mut joined = Entity::new(Source::UkOfsi, "1", Kind::Person);
    joined.add_name(Name::new("Bushra ALASSAD", NameRole::Primary));
    let mut apart = Entity::new(Source::UsOfacSdn, "2", Kind::Person);
    apart.add_name(Name::new("AL-ASSAD, Zuhair Tawfik", NameRole::Primary));
    let text = "Zuhair Tawfik alassad was seen in Singapore in April.";
    assert_eq!(ids_among(vec![joined, apart], text), ["us_ofac_sdn:2"]);
}

#[test]
fn names_romanized_from_cyrillic_with_dzh() {
    // LOUNICI, Djamel, written as a Russian document romanizes Джамел.
    let found = ids("The transfer was made on behalf of DZHAMEL LOUNICI, who did not respond.");
    assert!(found.contains(&"us_ofac_sdn:8087".into()), "{found:?}");
    // Тх, Пх for the th, ph of the Latin spelling, and an iotated vowel's
    // initial (Е: E for Ye): SHIHATA, Thirwat Salah; AUNG, Shwe Ye Phu.
    let found = ids("Officials said TKHARVAT SALAKH SHIKHATA had travelled to Cairo.");
    assert!(found.contains(&"us_ofac_sdn:6907".into()), "{found:?}");
    let found = ids("The report named SHVE E PKHU AUNG as a director.");
    assert!(found.contains(&"us_ofac_sdn:32369".into()), "{found:?}");
}

#[test]
fn a_surname_that_is_also_a_legal_form() {
    // YU (a Chinese surname) is also a legal form's abbreviation.
    let found = ids("Correspondence shows that YU YI PAO negotiated the price of the machines.");
    assert!(found.contains(&"us_ofac_sdn:11289".into()), "{found:?}");
}

#[test]
fn a_misspelt_name_word_that_is_one_edit_from_a_legal_form_word() {
    // ZAKRIE (ZAKRIEV, one letter dropped) is one letter from ZAKRITE,
    // a word of a Russian legal form, too: among the name's words it is
    // the name's.
    let found = ids("We met Yakub Salmanovich zakrie yesterday.");
    assert!(found.contains(&"us_ofac_sdn:46051".into()), "{found:?}");
    // Inside a form of several words, a misspelt form word is the form's.
    let found = ids("A contract with LIMITED likbility COMPANY SBERBANK LEASING was signed.");
    assert!(found.contains(&"us_ofac_sdn:18709".into()), "{found:?}");
}

#[test]
fn an_organization_of_two_words_of_company_names() {
    // TEJARAT ("trade") is a word of company names, BANK an everyday
    // word: nothing in BANK TEJARAT is distinctive, but the two written
    // as listed, capitalized, are the name.
    let found = ids("The bank refused to process a payment to BANK TEJARAT, citing its policy.");
    assert!(found.contains(&"us_ofac_sdn:25677".into()), "{found:?}");
    // In lowercase prose they are words.
    let found = ids("a bank tejarat is a trade bank in Persian.");
    assert!(!found.contains(&"us_ofac_sdn:25677".into()), "{found:?}");
}

#[test]
fn a_name_the_press_of_many_languages_writes_alike() {
    // TALIBAN is an everyday word of four languages, frequent in none:
    // capitalized, it names the listed organization.
    let found = ids("The Taliban took control of the province in August.");
    assert!(found.contains(&"us_ofac_sdn:6636".into()), "{found:?}");
    // In a payment's capitals too.
    let msg = ":20:REF1\n:59:/40702810900000012345\nKABUL TRADING\n:70:DONATION TO TALIBAN\n";
    let found: Vec<String> = scan("p.fin", msg).into_iter().map(|(id, _)| id).collect();
    assert!(found.contains(&"us_ofac_sdn:6636".into()), "{found:?}");
    // A word of one language (LEVERAGE, a listed company) is not a name
    // alone, capitalized at the start of a sentence or not.
    let found = ids("Leverage the cache to avoid a second lookup.");
    assert!(found.is_empty(), "{found:?}");
    // HAMAS is one too, though the name table has a lone group where a
    // surname Hamas is spelt so: a press name counts as a person's name only
    // if a common one.
    let found = ids("Officials said Hamas had moved the funds through Istanbul.");
    assert!(found.contains(&"us_ofac_sdn:4695".into()), "{found:?}");
}

#[test]
fn a_conjunction_or_preposition_of_one_letter_is_no_initial_nor_part_of_a_word() {
    // Russian в ("in") is no initial of Valentinovich; Arabic و ("and")
    // joined to a name is not part of it.
    let found = ids("Банк «Россия» и Юрий Ковальчук были внесены в список в 2014 году.");
    assert!(found.contains(&"us_ofac_sdn:16680".into()), "{found:?}");
    let found = ids("وشملت العقوبات حسن نصر الله وبشار الأسد.");
    assert!(found.contains(&"us_ofac_sdn:12735".into()), "{found:?}");
}

#[test]
fn names_declined_in_russian_text() {
    // Genitive, dative, prepositional: Сбербанк (an everyday word of Russian
    // news, capitalized inside a sentence: a proper noun), DERIPASKA, Oleg;
    // USMANOV, Alisher; KADYROV, Ramzan.
    let text = "США ввели санкции против Сбербанка. Счета Олега Дерипаски были заморожены. \
                Компания принадлежит Алишеру Усманову. Минфин сообщил о Рамзане Кадырове.";
    let found = ids(text);
    for id in ["us_ofac_sdn:18715", "us_ofac_sdn:24283", "us_ofac_sdn:35283", "us_ofac_sdn:23343"] {
        assert!(found.contains(&id.into()), "{id}: {found:?}");
    }
    // Places and frequent words are no such proper nouns; a foreign name
    // Russian does not decline is no case of another (Карами: KARAMI).
    let found = ids("В Москве и в России прошли выборы.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_second_of_two_family_names_left_out() {
    // MADURO MOROS, Nicolas and CABELLO RONDON, Diosdado, as the press
    // writes them: the mother's family name left out.
    let found = ids("Prosecutors in New York indicted Nicolas Maduro and Diosdado Cabello.");
    assert!(found.contains(&"us_ofac_sdn:22790".into()), "{found:?}");
    assert!(found.contains(&"us_ofac_sdn:24424".into()), "{found:?}");
    // Not after a family name the lists share (GARCIA, LOPEZ): a given name
    // and such a family name are too many people.
    let found = ids("The invoice was approved by Ricardo Garcia and Fernando Lopez.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_organization_read_as_a_compound_in_one_word() {
    // HEZBOLLAH (hezb + lah) is everyday in English news only, a
    // transliteration though: capitalized inside a sentence, it is the name.
    // And "a" (or "A" opening a sentence) is the article, no initial of
    // ANSAR-E HEZBOLLAH.
    use veto_model::{Entity, Kind, Name, NameRole, Source};
    let mut hizb = Entity::new(Source::UkOfsi, "1", Kind::Organization);
    hizb.add_name(Name::new("HIZBALLAH", NameRole::Primary));
    hizb.add_name(Name::new("HEZBOLLAH", NameRole::Alias));
    let mut ansar = Entity::new(Source::UsOfacSdn, "2", Kind::Organization);
    ansar.add_name(Name::new("ANSAR-E HEZBOLLAH", NameRole::Primary));
    for text in [
        "Officials said Hezbollah had moved the funds.",
        "The bank named a Hezbollah financier.",
        "A Hezbollah financier was named.",
    ] {
        assert_eq!(ids_among(vec![hizb.clone(), ansar.clone()], text), ["uk_ofsi:1"], "{text}");
    }
    // Opening a sentence, it may be any capitalized word: not alone.
    let text = "Hezbollah: the word, its history and its uses.";
    assert!(ids_among(vec![hizb.clone(), ansar.clone()], text).is_empty());
}

#[test]
fn a_party_field_holds_no_prose() {
    // Everyday words with one in lowercase are prose in a remittance text,
    // not in a party's name field: ALEXANDER ELECTRIC POWER SUPPLIES, its
    // first word spelt as the French given name, is the debtor.
    let xml = r#"<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf><CdtTrfTxInf>
<Dbtr><Nm>alexandre ELECTRIC POWER SUPPLIES</Nm></Dbtr>
<Cdtr><Nm>Rossi Macchine S.p.A.</Nm></Cdtr>
<RmtInf><Ustrd>Invoice 17, to alexandre electric power supplies</Ustrd></RmtInf>
</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
    let found = scan("p.xml", xml);
    let fields: Vec<(&str, Option<&str>)> =
        found.iter().map(|(id, m)| (id.as_str(), m.field.as_deref())).collect();
    assert_eq!(fields, [("us_ofac_sdn:48514", Some("Dbtr/Nm"))]);
}

#[test]
fn a_backtick_between_cyrillic_letters_is_an_apostrophe() {
    // The UK list writes Ukrainian names with a backtick for the apostrophe
    // (В`ячеславович); in text it is no code, while `cargo build` is.
    use veto_model::{Entity, Kind, Name, NameRole, Source};
    let mut e = Entity::new(Source::UkOfsi, "15678", Kind::Person);
    e.add_name(Name::new("Andrey Vyacheslavovich TISHENIN", NameRole::Primary));
    e.add_name(Name::new("Андрій В`ячеславович Тішенін", NameRole::Alias));
    let mut tool = Entity::new(Source::UsOfacSdn, "2", Kind::Organization);
    tool.add_name(Name::new("CARGOBUILDX", NameRole::Primary));
    let text = "Shares of Андрій В`ячеславович Тішенін rose. Run `cargobuildx` first.";
    assert_eq!(ids_among(vec![e, tool], text), ["uk_ofsi:15678"]);
}

#[test]
fn a_name_is_written_in_one_script() {
    // A Cyrillic name and the English verb after it are not SA'ID, Mohamed.
    let found = ids("Correspondence shows that Абу Мухаммад said nothing about it.");
    assert!(!found.contains(&"us_ofac_sdn:11740".into()), "{found:?}");
    // A legal form in another script than the name is the name's.
    let found = ids("Договор подписан с ООО «Alfa» в мае.");
    assert!(found.contains(&"us_ofac_sdn:48612".into()), "{found:?}");
}

#[test]
fn goods_are_not_a_company_named_after_them() {
    // LIMITED LIABILITY COMPANY MILLING MACHINES is listed; milling
    // machines on an invoice are goods.
    let id = "us_ofac_sdn:47406".to_string();
    let found = ids("Description of goods: CNC milling machines, spare parts.");
    assert!(!found.contains(&id), "{found:?}");
    let msg = ":20:REF1\n:59:/40702810900000012345\nROSSI MACCHINE SPA\n:70:/INV/12 CNC MILLING MACHINES\n";
    let found: Vec<String> = scan("p.fin", msg).into_iter().map(|(i, _)| i).collect();
    assert!(!found.contains(&id), "{found:?}");
    // With its legal form it is the company.
    let msg = ":20:REF1\n:59:/40702810900000012345\nROSSI MACCHINE SPA\n:70:/INV/12 PAYMENT TO LLC MILLING MACHINES\n";
    let found: Vec<String> = scan("p.fin", msg).into_iter().map(|(i, _)| i).collect();
    assert!(found.contains(&id), "{found:?}");
}

#[test]
fn a_given_name_as_the_press_spells_it() {
    // Alexei is an English word of Zipf 3.1 (famous Alexeis), and one
    // letter from the listed Alexey: the same given name.
    let found = ids("The yacht owned by Alexei Mordashov was detained.");
    assert!(found.contains(&"us_ofac_sdn:37499".into()), "{found:?}");
    let found = ids("PAYMENT FOR ALEXEI MORDASHOV");
    assert!(found.contains(&"us_ofac_sdn:37499".into()), "{found:?}");
    // Not another person of that given name, nor a name's synonym of
    // another alphabet's reading (King is no James JIN).
    assert_eq!(ids("Alexei Navalny was poisoned."), Vec::<String>::new());
    let found = ids("Patch by James E. King, reviewed.");
    assert!(!found.contains(&"uk_ofsi:13593".into()), "{found:?}");
}

#[test]
fn a_person_without_the_listed_patronymic() {
    // BOUT, Viktor Anatolijevitch: the press leaves the patronymic out, and
    // both other words are everyday (bout, French and English; Viktor).
    let found = ids("Arms dealer Viktor Bout was exchanged in 2022.");
    assert!(found.contains(&"us_ofac_sdn:8279".into()), "{found:?}");
    let found = ids("He lost a bout with Viktor in the final.");
    assert!(!found.contains(&"us_ofac_sdn:8279".into()), "{found:?}");
}

#[test]
fn a_possessive_after_a_name_the_lists_read_as_parts() {
    // NASRALLAH is read nasr + lah: "Nasrallah's" is the name all the same.
    let found = ids("Hassan Nasrallah's deputy spoke on television.");
    assert!(found.contains(&"us_ofac_sdn:2686".into()), "{found:?}");
    // A misspelt word's 's stays: PEOPLE'S is the lists' word.
    let found = ids("Officials of the LUHANSK pjeople's REPUBLIC met.");
    assert!(found.contains(&"us_ofac_sdn:17023".into()), "{found:?}");
}

#[test]
fn words_cut_by_the_35_character_lines_of_mt_fields() {
    let mt = |value: &str| {
        // Lines of 35 characters, cut wherever the 35th falls.
        let lines: Vec<String> =
            value.as_bytes().chunks(35).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
        format!(":20:REF1\n:59:/40702810900000012345\n{}\n:70:INVOICE 12\n", lines.join("\n"))
    };
    let found = |text: &str| -> Vec<String> {
        scan("p.fin", text).into_iter().map(|(i, m)| format!("{i} {:?}", m.text)).collect()
    };
    // ROSOBORONEKSPO|RT: one word, the listed one.
    let f = found(&mt("TORGOVYI DOM I ZAVOD ROSOBORONEKSPORT MOSCOW"));
    assert!(f.iter().any(|m| m.starts_with("us_ofac_sdn:18782 \"ROSOBORONEKSPO\\nRT\"")), "{f:?}");
    // SBER|BANK: the listed SBERBANK, and the name goes on.
    let f = found(&mt("PAYMENT TO JOINT STOCK COMPANY SBERBANK LEASING MOSCOW"));
    assert!(f.iter().any(|m| m.starts_with("us_ofac_sdn:18709 ")), "{f:?}");
    // Words that end a line of 35 stay words: SA|DE CV, OF|LYLA.
    let text = ":20:REF1\n:70:/INV/14 DIESEL ENGINES ON BEHALF OF\nDESARROLLO ARQUITECTONICO FORTIA SA\nDE CV\n";
    let f = found(text);
    assert!(f.iter().any(|m| m.contains("FORTIA SA\\nDE CV")), "{f:?}");
}

#[test]
fn a_short_segment_seen_before_has_its_mentions_where_it_is() {
    // The second message's 57A is remembered from the first: same entity,
    // its own span and field.
    let text =
        ":20:A\n:57A:SABRRUMM\n:70:X\n-}\n{1:F01X}{4:\n:20:B\n:52A:SABRRUMM\n:57A:SABRRUMM\n-}\n";
    let text = format!("{{1:F01X}}{{4:\n{text}");
    let mut state = ScanState::new();
    let found = scan_with(&mut state, "p.fin", &text);
    let spans: Vec<(String, std::ops::Range<usize>, Option<String>)> = found
        .iter()
        .filter(|(id, _)| id == "us_ofac_sdn:17018")
        .map(|(id, m)| (id.clone(), m.span.clone(), m.field.clone()))
        .collect();
    assert_eq!(spans.len(), 3, "{spans:?}");
    for (_, span, _) in &spans {
        assert_eq!(&text[span.clone()], "SABRRUMM");
    }
    let fields: Vec<&str> = spans.iter().filter_map(|(_, _, f)| f.as_deref()).collect();
    assert_eq!(fields, ["57A", "52A", "57A"]);
    // The same again with a warm state: the same mentions.
    let again = scan_with(&mut state, "p.fin", &text);
    assert_eq!(again.len(), found.len());
}

#[test]
fn numbers_and_references_are_read_but_not_cached() {
    // A vessel's IMO number (seven digits) is an identifier: found, as
    // are the names between account numbers, amounts and dates that are
    // new in every message and are not kept.
    let e = matcher()
        .entities()
        .iter()
        .find(|e| e.identifiers.iter().any(|i| i.kind == veto_model::IdKind::Imo))
        .unwrap();
    let imo = &e.identifiers.iter().find(|i| i.kind == veto_model::IdKind::Imo).unwrap().value;
    let mut state = ScanState::new();
    let mut cached = Vec::new();
    for i in 0..20u64 {
        let account = format!("IT{:02}X0542811101{:012}", i % 97, 4_000_000_017 * i + 12_345);
        let msg = format!(
            ":20:REF{i}\n:32A:2401{:02}EUR{}00,00\n:50K:/{account}\nROSSI MACCHINE SPA\n\
             :59:/40702810{:012}\nAO SBERBANK\nLEASING\n:70:VESSEL IMO {imo} INV {}\n",
            i % 28 + 1,
            713_000 + i * 7919,
            i * 31_337 + 7,
            9_000_000_000u64 + i * 104_729
        );
        let found: Vec<String> =
            scan_with(&mut state, "m.fin", &msg).into_iter().map(|(id, _)| id).collect();
        assert!(found.contains(&"us_ofac_sdn:18709".to_string()), "{i}: {found:?}");
        assert!(found.contains(&e.id.to_string()), "{i}: {found:?}");
        cached.push(state.cached_words());
    }
    // The first message's words are cached; the next ones' numbers are not.
    assert_eq!(cached[1], cached[19], "{cached:?}");
}
