//! `veto scan`: documents and messages, text and JSON lines, batches with bad messages.

use serde_json::Value;

use crate::util::Env;

const MT103: &str = "{1:F01BANKITMMAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\r\n:20:REF1\r\n:32A:240115EUR1000,00\r\n:50K:/IT60X0542811101000000123456\r\nROSSI MACCHINE SPA\r\n:59:/40702810900000012345\r\nAO SBERBANK\r\nLEASING\r\n:71A:SHA\r\n-}";

fn lines(out: &str) -> Vec<Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

#[test]
fn mt103_acceptance_and_formats() {
    let env = Env::new();
    let file = env.path("pay.fin");
    std::fs::write(&file, MT103).unwrap();
    let out = env.ok(&["scan", file.to_str().unwrap(), "--format", "jsonl"]);
    let ms = lines(&out);
    let m = ms
        .iter()
        .find(|m| m["entity_id"] == "us_ofac_sdn:18709")
        .unwrap_or_else(|| panic!("no Sberbank Leasing in {out}"));
    assert_eq!(m["name"], "JOINT STOCK COMPANY SBERBANK LEASING");
    assert_eq!(m["text"], "AO SBERBANK\r\nLEASING");
    let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
    assert_eq!(&MT103[s..e], "AO SBERBANK\r\nLEASING");
    assert_eq!(m["line"], 7);
    assert_eq!(m["field"], "59");
    assert!(m["score"].as_f64().unwrap() >= 0.95);
    assert!(m["explanation"]["summary"].as_str().unwrap().contains("sberbank"));
    // Text output names the place and the field.
    let out = env.ok(&["scan", file.to_str().unwrap()]);
    assert!(out.contains("pay.fin:7 (:20: REF1) field 59:"), "{out}");
    // Standard input.
    let mut child = env
        .veto()
        .args(["scan", "-", "--input-format", "mt", "--format", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(MT103.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("us_ofac_sdn:18709"));
}

#[test]
fn a_party_field_that_is_a_weak_alias_of_one_written_word_is_no_mention() {
    // SAIF AL DIN reads as the UN's low-quality alias "Saifuddin" (saif +
    // din) of Malik BARKHANOEV: one written word, a common given name.
    let env = Env::new();
    let file = env.path("pay.fin");
    let msg = MT103.replace("ROSSI MACCHINE SPA", "SAIF AL DIN");
    std::fs::write(&file, &msg).unwrap();
    let out = env.ok(&["scan", file.to_str().unwrap(), "--format", "jsonl"]);
    assert!(!out.contains("QDi.405"), "{out}");
    // The beneficiary is still found.
    assert!(out.contains("us_ofac_sdn:18709"), "{out}");
}

#[test]
fn clean_text_finds_nothing() {
    let env = Env::new();
    let file = env.path("note.txt");
    std::fs::write(
        &file,
        "Giuseppe Conte said the new horizon of trade with Hong Kong was bright.\n",
    )
    .unwrap();
    let out = env.veto().args(["scan", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn batch_with_malformed_messages() {
    let env = Env::new();
    let dir = env.path("in");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("good.fin"), MT103).unwrap();
    std::fs::write(dir.join("cut.fin"), &MT103[..MT103.len() - 2]).unwrap();
    std::fs::write(
        dir.join("bad.xml"),
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><Cdtr><Nm>x</Cdtr>",
    )
    .unwrap();
    let jsonl = [
        serde_json::json!({"id": "m1", "text": MT103}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": "m3", "format": "text", "text": "Paid Evin Prison staff."})
            .to_string(),
    ]
    .join("\n");
    std::fs::write(dir.join("batch.jsonl"), jsonl).unwrap();
    let out =
        env.veto().args(["scan", dir.to_str().unwrap(), "--format", "jsonl"]).output().unwrap();
    // Errors make the exit status 2, after everything else was scanned and reported.
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let recs = lines(&stdout);
    let err_of = |needle: &str| {
        recs.iter()
            .find(|r| {
                r["source"].as_str().unwrap_or("").contains(needle) && r.get("error").is_some()
            })
            .unwrap_or_else(|| panic!("no error for {needle}: {stdout}"))
    };
    assert!(err_of("cut.fin")["error"].as_str().unwrap().contains("block 4"));
    assert!(err_of("bad.xml")["error"].as_str().unwrap().contains("invalid XML"));
    assert!(err_of("batch.jsonl:2")["error"].as_str().unwrap().contains("invalid JSON"));
    assert!(stderr.contains("cut.fin") && stderr.contains("batch.jsonl:2"), "{stderr}");
    let found = |src: &str, id: &str| {
        recs.iter()
            .any(|r| r["source"].as_str().unwrap_or("").contains(src) && r["entity_id"] == id)
    };
    assert!(found("good.fin", "us_ofac_sdn:18709"), "{stdout}");
    assert!(found("batch.jsonl:1 (m1)", "us_ofac_sdn:18709"), "{stdout}");
    assert!(found("batch.jsonl:3 (m3)", "us_ofac_sdn:24586"), "{stdout}");
}

#[test]
fn bad_arguments() {
    let env = Env::new();
    assert!(env.err(&["scan", "/no/such/file"]).contains("no such file"));
    let f = env.path("x.txt");
    std::fs::write(&f, "x").unwrap();
    assert!(env
        .err(&["scan", f.to_str().unwrap(), "--input-format", "pdf"])
        .contains("unknown --input-format"));
    assert!(env.err(&["scan", f.to_str().unwrap(), "--threshold", "2"]).contains("threshold"));
}
