//! `veto import`, `veto lists`, `veto entity` on the real shipped lists, and
//! what bad input does.

use serde_json::Value;

use crate::util::{data, read_data, Env};

/// Imports `files` (relative to data/lists) and returns the JSON report.
fn import(env: &Env, files: &[&str]) -> Value {
    let paths: Vec<String> = files.iter().map(|f| data(f).display().to_string()).collect();
    let mut args = vec!["import", "--output", "json"];
    args.extend(paths.iter().map(String::as_str));
    env.json(&args)
}

fn entities_of(report: &Value, list: &str) -> u64 {
    report["lists"]
        .as_array()
        .expect("lists")
        .iter()
        .find(|l| l["list"] == list)
        .unwrap_or_else(|| panic!("no list {list} in {report:#}"))["entities"]
        .as_u64()
        .expect("count")
}

macro_rules! import_test {
    ($name:ident, [$($file:expr),+], $list:expr, $count:expr) => {
        #[test]
        fn $name() {
            let env = Env::new();
            let report = import(&env, &[$($file),+]);
            assert_eq!(entities_of(&report, $list), $count, "{report:#}");
            // The store now lists it with the same count and a content hash.
            let lists = env.json(&["lists", "--format", "json"]);
            let l = lists["lists"].as_array().unwrap().iter().find(|l| l["list"] == $list).unwrap();
            assert_eq!(l["entities"].as_u64(), Some($count));
            assert_eq!(l["content_hash"].as_str().map(str::len), Some(64));
        }
    };
}

import_test!(ofac_sdn_2024, ["ofac/2024-05-03/sdn.csv.gz"], "us_ofac_sdn", 14_965);
import_test!(
    ofac_sdn_2021_set,
    [
        "ofac/2021-07-07/sdn.csv.gz",
        "ofac/2021-07-07/alt.csv.gz",
        "ofac/2021-07-07/add.csv.gz",
        "ofac/2021-07-07/sdn_comments.csv"
    ],
    "us_ofac_sdn",
    8_976
);
import_test!(
    ofac_cons_csv_set,
    [
        "ofac-consolidated/csv-2025-12-19/cons_prim.csv",
        "ofac-consolidated/csv-2025-12-19/cons_alt.csv",
        "ofac-consolidated/csv-2025-12-19/cons_add.csv",
        "ofac-consolidated/csv-2025-12-19/cons_comments.csv"
    ],
    "us_ofac_cons",
    442
);
import_test!(
    ofac_cons_xml,
    ["ofac-consolidated/consolidated_2026-01-08.xml.gz"],
    "us_ofac_cons",
    442
);
import_test!(
    ofac_cons_enhanced,
    ["ofac-consolidated/CONS_ENHANCED_2025-01-10.ZIP"],
    "us_ofac_cons",
    443
);
import_test!(un_xml, ["un/UN_consolidated_2026-02-27.xml.gz"], "un", 1_003);
import_test!(uk_conlist_csv, ["uk/ConList_2025-04-10.csv.gz"], "uk_ofsi", 4_686);
import_test!(uk_conlist_xlsx, ["uk/ConList_2025-04-10.xlsx"], "uk_ofsi", 4_686);
import_test!(us_csl, ["us-csl/consolidated.csv.gz"], "us_csl", 14_160);
import_test!(
    senzing,
    ["opensanctions/us_congress_senzing.json.gz"],
    "senzing/os_us_congress",
    1_319
);

#[test]
fn opensanctions_ftm() {
    let env = Env::new();
    let report = import(
        &env,
        &[
            "opensanctions/ftm/zala_cluster_entities.ftm.json",
            "opensanctions/ftm/eu_fsf_sample_entities.ftm.json",
        ],
    );
    let lists = report["lists"].as_array().unwrap();
    assert_eq!(lists.len(), 2, "{report:#}");
    // 17 screenable entities in the zala cluster (11 Company + 6 Person),
    // 6 in the eu_fsf sample (4 Person + 2 Organization).
    assert_eq!(entities_of(&report, "opensanctions/eu_fsf"), 6);
    let zala: u64 = lists
        .iter()
        .filter(|l| l["list"] != "opensanctions/eu_fsf")
        .map(|l| l["entities"].as_u64().unwrap())
        .sum();
    assert_eq!(zala, 17);
}

#[test]
fn everything_together_keeps_newest_versions_active() {
    let env = Env::new();
    let report = import(
        &env,
        &[
            "ofac/2024-05-03/sdn.csv.gz",
            "ofac/2021-07-07/sdn.csv.gz",
            "ofac/2021-07-07/alt.csv.gz",
            "ofac/2021-07-07/add.csv.gz",
            "ofac/2021-07-07/sdn_comments.csv",
            "ofac-consolidated/csv-2025-12-19/cons_prim.csv",
            "ofac-consolidated/csv-2025-12-19/cons_alt.csv",
            "ofac-consolidated/csv-2025-12-19/cons_add.csv",
            "ofac-consolidated/csv-2025-12-19/cons_comments.csv",
            "ofac-consolidated/consolidated_2026-01-08.xml.gz",
            "ofac-consolidated/CONS_ENHANCED_2025-01-10.ZIP",
            "un/UN_consolidated_2026-02-27.xml.gz",
            "uk/ConList_2025-04-10.csv.gz",
            "us-csl/consolidated.csv.gz",
            "opensanctions/ftm/zala_cluster_entities.ftm.json",
            "opensanctions/ftm/eu_fsf_sample_entities.ftm.json",
            "opensanctions/us_congress_senzing.json.gz",
        ],
    );
    assert_eq!(report["lists"].as_array().unwrap().len(), 11);
    let lists = env.json(&["lists", "--format", "json"]);
    let active: Vec<(String, Option<String>)> = lists["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (l["list"].as_str().unwrap().to_string(), l["data_date"].as_str().map(String::from))
        })
        .collect();
    assert!(active.contains(&("us_ofac_sdn".into(), Some("2024-05-03".into()))), "{active:?}");
    assert!(active.contains(&("us_ofac_cons".into(), Some("2026-01-08".into()))), "{active:?}");
    let all = env.json(&["lists", "--all", "--format", "json"]);
    assert_eq!(all["lists"].as_array().unwrap().len(), 11);
}

#[test]
fn putin_from_the_2024_sdn_list() {
    let env = Env::new();
    import(&env, &["ofac/2024-05-03/sdn.csv.gz"]);
    let e = env.json(&["entity", "us_ofac_sdn:35096", "--format", "json"]);
    assert_eq!(e["id"], "us_ofac_sdn:35096");
    assert_eq!(e["kind"], "person");
    assert_eq!(e["names"][0]["full"], "PUTIN, Vladimir Vladimirovich");
    assert_eq!(e["birth_dates"][0]["date"], "1952-10-07");
    assert!(
        e["birth_places"].as_array().unwrap().iter().any(|p| p == "Leningrad, Russia"),
        "{e:#}"
    );
    assert!(e["nationalities"].as_array().unwrap().iter().any(|c| c == "RU"), "{e:#}");
    let text = env.ok(&["entity", "us_ofac_sdn:35096"]);
    assert!(text.contains("1952-10-07") && text.contains("Leningrad"), "{text}");
}

#[test]
fn ssi_entries_carry_directives() {
    let env = Env::new();
    import(&env, &["ofac-consolidated/consolidated_2026-01-08.xml.gz"]);
    let e = env.json(&["entity", "us_ofac_cons:17018", "--format", "json"]);
    let measures = e["measures"].as_array().expect("measures");
    assert!(
        measures.iter().any(|m| m["kind"] == "sectoral_directive" && m["directive"] == "1"),
        "{e:#}"
    );
}

#[test]
fn un_individual_has_original_script_name() {
    let env = Env::new();
    import(&env, &["un/UN_consolidated_2026-02-27.xml.gz"]);
    let e = env.json(&["entity", "un:IQi.001", "--format", "json"]);
    let names = e["names"].as_array().unwrap();
    assert!(
        names.iter().any(|n| n["role"] == "original_script"
            && n["full"] == "صدام حسين التكريتي"
            && n["script"] == "arabic"),
        "{e:#}"
    );
}

#[test]
fn unknown_entity_and_bad_id_are_errors() {
    let env = Env::new();
    import(&env, &["un/UN_consolidated_2026-02-27.xml.gz"]);
    assert!(env.err(&["entity", "un:NOPE.999"]).contains("no entity un:NOPE.999"));
    assert!(env.err(&["entity", "35096"]).contains("not an entity id"));
}

/// Imports a good list, then a bad file: the import must fail with an error
/// naming the file and a location, and leave the store as it was.
fn assert_rejected(name: &str, bytes: &[u8], extra: &[&str], expect: &[&str]) {
    let env = Env::new();
    import(&env, &["un/UN_consolidated_2026-02-27.xml.gz"]);
    let before = env.manifest();
    let lists_before = env.ok(&["lists"]);
    let path = env.path(name);
    std::fs::write(&path, bytes).unwrap();
    let mut args = vec!["import"];
    args.extend_from_slice(extra);
    let p = path.display().to_string();
    args.push(&p);
    let err = env.err(&args);
    assert!(err.contains(name.trim_end_matches(".gz")), "error should name the file: {err}");
    for e in expect {
        assert!(err.contains(e), "error should contain '{e}': {err}");
    }
    assert!(err.contains("store is unchanged"), "{err}");
    assert_eq!(env.manifest(), before, "manifest changed after a failed import");
    assert_eq!(env.ok(&["lists"]), lists_before);
}

fn truncate(bytes: &[u8]) -> Vec<u8> {
    // Cut mid-record: at a point inside a line, well into the file.
    let mut cut = bytes.len() / 2;
    while cut < bytes.len() && matches!(bytes[cut], b'\n' | b'\r' | b'"' | b',') {
        cut += 1;
    }
    bytes[..cut].to_vec()
}

#[test]
fn truncated_files_are_rejected() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("sdn.csv", "ofac/2024-05-03/sdn.csv.gz", &["line"]),
        ("cons_prim.csv", "ofac-consolidated/csv-2025-12-19/cons_prim.csv", &["line"]),
        ("consolidated.xml", "ofac-consolidated/consolidated_2026-01-08.xml.gz", &["line"]),
        ("un.xml", "un/UN_consolidated_2026-02-27.xml.gz", &["line"]),
        ("ConList.csv", "uk/ConList_2025-04-10.csv.gz", &["line"]),
        ("consolidated_csl.csv", "us-csl/consolidated.csv.gz", &["line"]),
        ("entities.ftm.json", "opensanctions/ftm/zala_cluster_entities.ftm.json", &["line"]),
        ("senzing.json", "opensanctions/us_congress_senzing.json.gz", &["line"]),
        ("ConList.xlsx", "uk/ConList_2025-04-10.xlsx", &["malformed"]),
        ("CONS_ENHANCED.ZIP", "ofac-consolidated/CONS_ENHANCED_2025-01-10.ZIP", &["malformed"]),
    ];
    for (name, rel, expect) in cases {
        let bytes = truncate(&read_data(rel));
        assert_rejected(name, &bytes, &[], expect);
    }
}

#[test]
fn truncated_gzip_is_rejected() {
    let raw = std::fs::read(data("un/UN_consolidated_2026-02-27.xml.gz")).unwrap();
    assert_rejected("un.xml.gz", &raw[..raw.len() / 2], &[], &["gzip"]);
}

#[test]
fn corrupted_records_are_rejected_and_lenient_mode_skips_them() {
    // An OFAC row whose ent_num is not a number, in the middle of the file.
    let text =
        String::from_utf8(read_data("ofac-consolidated/csv-2025-12-19/cons_prim.csv")).unwrap();
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    let bad = lines[100].replacen(|c: char| c.is_ascii_digit(), "X", 1);
    lines[100] = &bad;
    let corrupted = lines.join("\r\n");
    assert_rejected("cons_prim.csv", corrupted.as_bytes(), &[], &["line 101"]);

    let env = Env::new();
    let path = env.path("cons_prim.csv");
    std::fs::write(&path, corrupted.as_bytes()).unwrap();
    let out =
        env.veto().args(["import", "--lenient", "--output", "json"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped") && stderr.contains("line 101"), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(entities_of(&report, "us_ofac_cons"), 441);
}

#[test]
fn corrupted_xml_and_json_are_rejected() {
    let xml = String::from_utf8(read_data("un/UN_consolidated_2026-02-27.xml.gz")).unwrap();
    let broken = xml.replacen("</INDIVIDUAL>", "</INDIVIDUAL><<", 5);
    assert_rejected("un.xml", broken.as_bytes(), &[], &["line"]);

    let json =
        String::from_utf8(read_data("opensanctions/ftm/zala_cluster_entities.ftm.json")).unwrap();
    let mut lines: Vec<&str> = json.lines().collect();
    lines[10] = "{\"id\": \"broken\", \"schema\": ";
    assert_rejected("x.ftm.json", lines.join("\n").as_bytes(), &[], &["line 11"]);
}

#[test]
fn unknown_format_is_rejected() {
    assert_rejected("notes.txt", b"hello, world\nthis is not a list\n", &[], &["unknown format"]);
    assert_rejected(
        "page.xml",
        b"<html><body>Service unavailable</body></html>",
        &[],
        &["unknown format"],
    );
    assert_rejected("empty.csv", b"", &[], &["empty"]);
}

#[test]
fn auxiliary_file_without_primary_is_rejected() {
    let env = Env::new();
    let err = env.err(&["import", &data("ofac/2021-07-07/alt.csv.gz").display().to_string()]);
    assert!(err.contains("without their primary file"), "{err}");
    assert!(env.manifest().is_empty());
}

#[test]
fn forced_format_mismatch_is_an_error() {
    let env = Env::new();
    let err = env.err(&[
        "import",
        "--format",
        "un-xml",
        &data("ofac/2024-05-03/sdn.csv.gz").display().to_string(),
    ]);
    assert!(err.contains("sdn.csv"), "{err}");
}

#[test]
fn fresh_store_uses_embedded_default() {
    let env = Env::new();
    let out = env.veto().args(["lists", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("embedded default"));
    let lists: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> =
        lists["lists"].as_array().unwrap().iter().map(|l| l["list"].as_str().unwrap()).collect();
    assert_eq!(names, ["us_ofac_sdn", "us_ofac_cons", "un", "uk_ofsi"]);
    let e = env.json(&["entity", "us_ofac_sdn:35096", "--format", "json"]);
    assert_eq!(e["birth_dates"][0]["date"], "1952-10-07");
}

#[test]
fn diff_between_versions() {
    let env = Env::new();
    import(
        &env,
        &[
            "ofac/2021-07-07/sdn.csv.gz",
            "ofac/2021-07-07/alt.csv.gz",
            "ofac/2021-07-07/add.csv.gz",
            "ofac/2021-07-07/sdn_comments.csv",
        ],
    );
    let report = import(&env, &["ofac/2024-05-03/sdn.csv.gz"]);
    let changes = &report["lists"][0]["changes"];
    let added = changes["added"].as_u64().unwrap();
    assert!(added > 5_000, "{report:#}");
    let d = env.json(&["diff", "us_ofac_sdn", "--format", "json"]);
    assert_eq!(d["diff"]["added"].as_array().unwrap().len() as u64, added);
    assert!(d["diff"]["added"].as_array().unwrap().iter().any(|id| id == "us_ofac_sdn:35096"));
}
