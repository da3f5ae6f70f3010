//! `veto screen` and `veto compare` on the embedded default lists.

use serde::Deserialize;

use crate::util::{data, Env};

#[derive(Debug, Deserialize)]
struct Hit {
    entity_id: String,
    score: f64,
    name: Option<String>,
    matched_name: String,
    source: String,
    kind: String,
    programs: Vec<String>,
    explanation: Explanation,
}

#[derive(Debug, Deserialize)]
struct Explanation {
    summary: String,
    tokens: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct Screen {
    hits: Vec<Hit>,
}

fn screen(env: &Env, args: &[&str]) -> Screen {
    let mut a = vec!["screen", "--format", "json"];
    a.extend_from_slice(args);
    let out = env.veto().args(&a).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// One store with the embedded default, shared by the tests of this file.
fn env() -> Env {
    let env = Env::new();
    env.ok(&["import", "--default"]);
    env
}

#[test]
fn acceptance_queries() {
    let env = env();
    // Latin and Cyrillic Putin: a Putin entity first, with an explanation.
    for q in ["Vladimir Putin", "Владимир Путин"] {
        let s = screen(&env, &[q]);
        let top = &s.hits[0];
        assert!(
            ["us_ofac_sdn:35096", "uk_ofsi:14196"].contains(&top.entity_id.as_str()),
            "{q}: {s:?}"
        );
        assert!(top.score >= 0.95, "{q}: {s:?}");
        assert!(top.explanation.summary.contains("putin=putin"), "{q}: {s:?}");
        assert!(s.hits.iter().any(|h| h.entity_id == "us_ofac_sdn:35096"));
    }
    // Sberbank by its legal form, either way round.
    for q in ["PJSC Sberbank", "Sberbank Rossii PAO"] {
        let s = screen(&env, &[q]);
        let top = &s.hits[0];
        assert!(
            ["us_ofac_cons:17018", "us_ofac_sdn:17018", "uk_ofsi:15076"]
                .contains(&top.entity_id.as_str()),
            "{q}: {s:?}"
        );
        assert_eq!(top.kind, "organization");
        assert!(!top.explanation.tokens.is_empty());
    }
    // An unlisted public figure: nothing above the default threshold, exit 1.
    let out = env.veto().args(["screen", "Giuseppe Conte"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no hits"));
}

#[test]
fn secondary_evidence_moves_the_score() {
    let env = env();
    let base = screen(&env, &["Vladimir Putin", "--threshold", "0"]);
    let sdn = |s: &Screen| {
        s.hits.iter().find(|h| h.entity_id == "us_ofac_sdn:35096").map(|h| h.score).unwrap()
    };
    let right = screen(&env, &["Vladimir Putin", "--dob", "1952-10-07", "--threshold", "0"]);
    let wrong = screen(&env, &["Vladimir Putin", "--dob", "1980-01-01", "--threshold", "0"]);
    assert!(sdn(&right) >= sdn(&base), "{right:?}");
    assert!(sdn(&wrong) < sdn(&base) - 0.1, "{wrong:?}");
    let h = wrong.hits.iter().find(|h| h.entity_id == "us_ofac_sdn:35096").unwrap();
    assert!(h.explanation.summary.contains("contradicts"), "{}", h.explanation.summary);
    // A matching identifier lifts a poor name match.
    let by_swift = screen(&env, &["Sberbank", "--id", "swift:SABRRUMM", "--threshold", "0"]);
    assert!(by_swift
        .hits
        .iter()
        .any(|h| h.entity_id.ends_with(":17018") && h.explanation.summary.contains("SABRRUMM")));
}

#[test]
fn typos_and_reordering() {
    let env = env();
    for q in ["Vladimer Puttin", "PUTIN, Vladimir", "Putin Vladimir Vladimirovich"] {
        let s = screen(&env, &[q]);
        assert!(
            s.hits
                .iter()
                .take(2)
                .any(|h| h.entity_id == "us_ofac_sdn:35096" || h.entity_id == "uk_ofsi:14196"),
            "{q}: {s:?}"
        );
    }
}

#[test]
fn compare_explains() {
    let env = env();
    let out = env.json(&["compare", "Mohammed Ali", "MUHAMMAD ALI", "--format", "json"]);
    assert_eq!(out["match"], true, "{out:#}");
    let out2 = env.veto().args(["compare", "Ivan Petrov", "Iran Air"]).output().unwrap();
    assert_eq!(out2.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out2.stdout).contains("no match"));
}

#[test]
fn batch_jsonl_and_csv() {
    let env = env();
    let input = env.path("q.jsonl");
    std::fs::write(
        &input,
        concat!(
            "{\"id\": \"a\", \"name\": \"Vladimir Putin\", \"kind\": \"person\", \"birth_date\": \"1952-10-07\"}\n",
            "{\"id\": \"b\", \"name\": \"Giuseppe Conte\"}\n",
            "{\"id\": \"c\", \"name\": \"\"}\n",
            "not json\n",
            "{\"id\": \"d\", \"name\": \"Sberbank\", \"identifiers\": [\"swift:SABRRUMM\"]}\n",
        ),
    )
    .unwrap();
    let output = env.path("out.jsonl");
    let out = env
        .veto()
        .args(["screen", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    // Two bad rows: reported, the rest screened, exit status 2.
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 3: missing 'name'") && err.contains("line 4: invalid JSON"),
        "{err}"
    );
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&output)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(
        lines[0]["hits"][0]["entity_id"]
            .as_str()
            .map(|s| s.contains("35096") || s.contains("14196")),
        Some(true)
    );
    assert!(lines[0]["hits"][0]["explanation"]["summary"].as_str().unwrap().contains("birth date"));
    assert_eq!(lines[1]["hits"].as_array().unwrap().len(), 0);
    assert!(lines[2]["error"].is_string());
    assert!(lines[4]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["entity_id"].as_str().unwrap().ends_with(":17018")));

    let csv = env.path("q.csv");
    std::fs::write(
        &csv,
        "id,name,kind,country\n1,Vladimir Putin,person,RU\n2,Sberbank Rossii PAO,organization,\n",
    )
    .unwrap();
    let out = env.veto().args(["screen", "--input"]).arg(&csv).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(!rows[1]["hits"].as_array().unwrap().is_empty());
}

#[test]
fn screen_against_list_files() {
    let env = Env::new();
    let un = data("un/UN_consolidated_2026-02-27.xml.gz").display().to_string();
    let s = screen(&env, &["Saddam Hussein al-Tikriti", "--list", &un]);
    assert_eq!(s.hits[0].entity_id, "un:IQi.001");
    assert_eq!(s.hits[0].source, "un");
    assert!(s.hits[0].name.is_some() && !s.hits[0].matched_name.is_empty());
    assert!(s.hits[0].programs.iter().any(|p| p == "Iraq"), "{:?}", s.hits[0].programs);
    // --list does not touch the store.
    assert!(env.manifest().is_empty());
}

#[test]
fn bad_arguments_are_errors() {
    let env = env();
    assert!(env.err(&["screen", "x", "--threshold", "1.5"]).contains("threshold"));
    let out = env.veto().args(["screen", "x", "--dob", "1952-13-01"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = env.veto().args(["screen", "x", "--kind", "blimp"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
