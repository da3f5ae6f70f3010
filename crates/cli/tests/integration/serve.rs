//! `veto serve`: the real binary on an ephemeral port, every endpoint,
//! auth failures, bad input, reload (success, and failure keeping the old
//! snapshot), and the yente acceptance query.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::{data, Env};

/// A running `veto serve`; killed (by its PID) when dropped.
struct Server {
    child: Child,
    base: String,
    stderr: Arc<Mutex<Vec<String>>>,
    agent: ureq::Agent,
}

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    text: String,
    json: Value,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Starts `veto serve --listen 127.0.0.1:0 ARGS`, reads the bound port from
/// stderr, and waits until `/readyz` is 200.
fn start(cmd: Command, args: &[&str]) -> Server {
    start_with(cmd, &[], args)
}

/// [`start`] with environment variables (after clearing the key variables).
fn start_with(cmd: Command, vars: &[(&str, &str)], args: &[&str]) -> Server {
    let child = spawn(cmd, vars, args);
    let (child, base, stderr) = wait_listening(child);
    let agent: ureq::Agent =
        ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let s = Server { child, base, stderr, agent };
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if s.get("/readyz", None).status == 200 {
            return s;
        }
        assert!(Instant::now() < deadline, "not ready in time:\n{}", s.log());
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn spawn(mut cmd: Command, vars: &[(&str, &str)], args: &[&str]) -> Child {
    cmd.env_remove("VETO_API_KEYS").env_remove("VETO_ADMIN_KEYS");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd.arg("serve")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start veto serve")
}

fn wait_listening(mut child: Child) -> (Child, String, Arc<Mutex<Vec<String>>>) {
    let stderr = child.stderr.take().expect("stderr");
    let lines = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = mpsc::channel();
    let l = lines.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if let Some(rest) = line.split("listening on http://").nth(1) {
                let addr: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                    .collect();
                let _ = tx.send(addr);
            }
            l.lock().unwrap().push(line);
        }
    });
    match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(addr) => (child, format!("http://{addr}"), lines),
        Err(_) => {
            let _ = child.kill();
            panic!("no 'listening on' line:\n{}", lines.lock().unwrap().join("\n"));
        }
    }
}

impl Server {
    fn log(&self) -> String {
        self.stderr.lock().unwrap().join("\n")
    }

    fn call(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<(&str, String)>,
    ) -> Resp {
        let url = format!("{}{path}", self.base);
        let resp = match (method, body) {
            ("GET", _) => {
                let mut r = self.agent.get(&url);
                if let Some(k) = key {
                    r = r.header("Authorization", &format!("Bearer {k}"));
                }
                r.call()
            }
            (_, body) => {
                let mut r = self.agent.post(&url);
                if let Some(k) = key {
                    r = r.header("Authorization", &format!("Bearer {k}"));
                }
                match body {
                    Some((ct, b)) => r.header("Content-Type", ct).send(b),
                    None => r.send_empty(),
                }
            }
        };
        let mut resp = resp.unwrap_or_else(|e| panic!("{method} {path}: {e}\n{}", self.log()));
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
            .collect();
        let text =
            resp.body_mut().with_config().limit(64 << 20).read_to_string().unwrap_or_default();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp { status, headers, text, json }
    }

    fn get(&self, path: &str, key: Option<&str>) -> Resp {
        self.call("GET", path, key, None)
    }

    fn post(&self, path: &str, key: Option<&str>, body: &Value) -> Resp {
        self.call("POST", path, key, Some(("application/json", body.to_string())))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Asserts a JSON error body with this status and code.
#[track_caller]
fn error(r: &Resp, status: u16, code: &str) {
    assert_eq!(r.status, status, "{}", r.text);
    assert_eq!(r.json["error"]["code"], code, "{}", r.text);
    assert!(r.json["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{}", r.text);
    assert!(
        r.header("content-type").is_some_and(|c| c.starts_with("application/json")),
        "{}",
        r.text
    );
}

const PUTIN: &str = r#"{"queries": {"q": {"schema": "Person", "properties": {"name": ["Vladimir Putin"], "birthDate": ["1952-10-07"]}}}}"#;

#[test]
fn serve_every_endpoint() {
    let env = Env::new();
    let s = start(env.veto(), &["--listen", "127.0.0.1:0"]);
    // Operations.
    assert_eq!(s.get("/healthz", None).json["status"], "ok");
    let ready = s.get("/readyz", None);
    assert_eq!(ready.json["status"], "ready");
    assert_eq!(ready.json["snapshot_version"], 1);
    let doc = s.get("/openapi.json", None).json;
    assert_eq!(doc["openapi"], "3.1.0");
    for p in ["/v1/screen", "/v1/screen/batch", "/match/{dataset}", "/v1/lists/reload"] {
        assert!(doc["paths"][p].is_object(), "{p}");
    }

    // /v1/screen: the same hits as `veto screen --format json`.
    let r = s.post("/v1/screen", None, &json!({"id": 7, "name": "Vladimir Putin", "limit": 5}));
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(r.header("x-request-id").is_some_and(|v| !v.is_empty()));
    assert_eq!(r.json["id"], 7);
    let cli: Value = serde_json::from_str(&env.ok(&[
        "screen",
        "Vladimir Putin",
        "--limit",
        "5",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(r.json["hits"], cli["hits"]);
    assert!(["us_ofac_sdn:35096", "uk_ofsi:14196"]
        .contains(&r.json["hits"][0]["entity_id"].as_str().unwrap()));

    // Batch.
    let r = s.post("/v1/screen/batch", None, &json!({"queries": [{"id": "a", "name": "PJSC Sberbank"}, {"id": "b", "name": "Giuseppe Conte"}]}));
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["results"][0]["id"], "a");
    assert!(!r.json["results"][0]["hits"].as_array().unwrap().is_empty());
    assert_eq!(r.json["results"][1]["hits"], json!([]));

    // Entities and lists.
    let r = s.get("/v1/entities/us_ofac_sdn:35096", None);
    assert_eq!(r.json["id"], "us_ofac_sdn:35096");
    error(&s.get("/v1/entities/us_ofac_sdn:999999999", None), 404, "not_found");
    let lists = s.get("/v1/lists", None).json;
    let sources: Vec<&str> =
        lists["lists"].as_array().unwrap().iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["us_ofac_sdn", "us_ofac_cons", "un", "uk_ofsi"]);
    for l in lists["lists"].as_array().unwrap() {
        assert_eq!(l["content_hash"].as_str().unwrap().len(), 64);
        assert!(
            l["data_date"].is_string()
                && l["entities"].as_u64().unwrap() > 0
                && l["version"].is_string()
        );
    }

    // yente: the acceptance query, on all lists and on the SDN alone.
    let body: Value = serde_json::from_str(PUTIN).unwrap();
    let r = s.post("/match/default", None, &body);
    assert_eq!(r.status, 200, "{}", r.text);
    let top = &r.json["responses"]["q"]["results"][0];
    assert!(
        ["us_ofac_sdn:35096", "uk_ofsi:14196"].contains(&top["id"].as_str().unwrap()),
        "{}",
        r.text
    );
    assert_eq!(top["match"], true);
    assert_eq!(r.json["limit"], 5);
    assert_eq!(r.json["responses"]["q"]["total"]["relation"], "eq");
    let r = s.post("/match/us_ofac_sdn", None, &body);
    assert_eq!(r.json["responses"]["q"]["results"][0]["id"], "us_ofac_sdn:35096");
    assert_eq!(r.json["responses"]["q"]["results"][0]["match"], true);
    error(&s.post("/match/no_such_list", None, &body), 404, "not_found");
    let r = s.get("/search/default?q=Sberbank&limit=3", None);
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(r.json["results"].as_array().unwrap().len() <= 3);
    assert_eq!(s.get("/entities/us_ofac_sdn:35096", None).json["schema"], "Person");

    // Bad input: each case a JSON 4xx that says what is wrong.
    let raw = |ct: &str, b: &str| s.call("POST", "/v1/screen", None, Some((ct, b.to_string())));
    error(&raw("application/json", "{\"name\": \"Putin\""), 400, "invalid_json");
    error(&raw("text/plain", "{\"name\": \"Putin\"}"), 415, "unsupported_media_type");
    error(&s.post("/v1/screen", None, &json!({"name": ""})), 400, "empty_name");
    error(&s.post("/v1/screen", None, &json!({"name": "a".repeat(1001)})), 400, "name_too_long");
    error(
        &s.post("/v1/screen", None, &json!({"name": "a".repeat(2 << 20)})),
        413,
        "body_too_large",
    );
    let many: Vec<Value> = (0..1001).map(|i| json!({"name": format!("n{i}")})).collect();
    error(&s.post("/v1/screen/batch", None, &json!({"queries": many})), 400, "too_many_queries");
    let unknown = json!({"queries": {"q": {"schema": "Cat", "properties": {"name": ["Tom"]}}}});
    error(&s.post("/match/default", None, &unknown), 400, "unknown_schema");
    let empty = json!({"queries": {"q": {"schema": "Person", "properties": {"name": []}}}});
    error(&s.post("/match/default", None, &empty), 400, "empty_name");
    error(&s.get("/v1/nothing", None), 404, "not_found");
    error(&s.get("/v1/screen", None), 405, "method_not_allowed");

    // Reload from the store after an import: the new list is served.
    env.ok(&["import", data("us-csl/consolidated.csv.gz").to_str().unwrap()]);
    let r = s.post("/v1/lists/reload", None, &json!({}));
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["snapshot_version"], 2);
    let lists = s.get("/v1/lists", None).json;
    assert_eq!(lists["snapshot_version"], 2);
    assert!(lists["lists"].as_array().unwrap().iter().any(|l| l["source"] == "us_csl"));
    assert!(s.post("/match/us_csl", None, &body).status == 200);

    // Metrics.
    let m = s.get("/metrics", None).text;
    assert!(m.contains("veto_http_requests_total{route=\"/v1/screen\",status=\"200\"}"), "{m}");
    assert!(
        m.contains("veto_http_request_duration_seconds_bucket{route=\"/match/{dataset}\""),
        "{m}"
    );
    assert!(m.contains("veto_snapshot_version 2"), "{m}");
    assert!(m.contains("veto_reloads_total{outcome=\"ok\"} 1"), "{m}");
    // Structured logs with request ids.
    let log = s.log();
    assert!(log.lines().any(|l| l.contains("\"request_id\"") && l.contains("/v1/screen")), "{log}");
}

#[test]
fn serve_api_keys() {
    let env = Env::new();
    let api = "api-0123456789-abcdefgh";
    let admin = "admin-0123456789-abcdefgh";
    let config = env.path("veto.toml");
    std::fs::write(&config, format!("api_keys = [\"{api}\"]\nmax_batch = 10\n")).unwrap();
    let list = data("ofac-consolidated/consolidated_2026-01-08.xml.gz");
    let s = start_with(
        env.veto(),
        &[("VETO_ADMIN_KEYS", admin)],
        &[
            "--listen",
            "127.0.0.1:0",
            "--config",
            config.to_str().unwrap(),
            "--list",
            list.to_str().unwrap(),
        ],
    );
    let q = json!({"name": "PJSC Sberbank"});
    error(&s.post("/v1/screen", None, &q), 401, "unauthorized");
    error(&s.post("/v1/screen", Some("not-a-key-0123456789"), &q), 401, "unauthorized");
    error(&s.get("/v1/lists", None), 401, "unauthorized");
    error(
        &s.post("/match/default", None, &serde_json::from_str(PUTIN).unwrap()),
        401,
        "unauthorized",
    );
    let r = s.post("/v1/screen", Some(api), &q);
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["hits"][0]["entity_id"], "us_ofac_cons:17018");
    assert_eq!(s.post("/v1/screen", Some(admin), &q).status, 200);
    // The config's max_batch applies.
    let many: Vec<Value> = (0..11).map(|i| json!({"name": format!("n{i}")})).collect();
    error(
        &s.post("/v1/screen/batch", Some(api), &json!({"queries": many})),
        400,
        "too_many_queries",
    );
    // Reload: no key 401, an API key 403, the admin key 200.
    error(&s.post("/v1/lists/reload", None, &json!({})), 401, "unauthorized");
    error(&s.post("/v1/lists/reload", Some(api), &json!({})), 403, "forbidden");
    let r = s.post("/v1/lists/reload", Some(admin), &json!({}));
    assert_eq!(r.status, 200, "{}", r.text);
    // Operations stay open.
    assert_eq!(s.get("/healthz", None).status, 200);
    assert_eq!(s.get("/metrics", None).status, 200);
    // No key in the logs.
    let log = s.log();
    assert!(!log.contains(api) && !log.contains(admin) && !log.contains("not-a-key"), "{log}");
}

#[test]
fn serve_failed_reload_keeps_the_old_snapshot() {
    let env = Env::new();
    let list = env.path("consolidated.xml.gz");
    std::fs::copy(data("ofac-consolidated/consolidated_2026-01-08.xml.gz"), &list).unwrap();
    let s = start(env.veto(), &["--listen", "127.0.0.1:0", "--list", list.to_str().unwrap()]);
    let lists = s.get("/v1/lists", None).json;
    assert_eq!(lists["lists"][0]["source"], "us_ofac_cons");
    assert_eq!(lists["lists"][0]["version"], "file");
    // The file is damaged: the reload fails and says why.
    std::fs::write(&list, b"<sdnList><broken").unwrap();
    let r = s.post("/v1/lists/reload", None, &json!({}));
    error(&r, 500, "reload_failed");
    assert!(
        r.json["error"]["message"].as_str().unwrap().contains("consolidated.xml.gz"),
        "{}",
        r.text
    );
    // Still serving the old snapshot.
    assert_eq!(s.get("/readyz", None).json["snapshot_version"], 1);
    let r = s.post("/v1/screen", None, &json!({"name": "PJSC Sberbank"}));
    assert_eq!(r.json["hits"][0]["entity_id"], "us_ofac_cons:17018", "{}", r.text);
    assert!(s.get("/metrics", None).text.contains("veto_reloads_total{outcome=\"failed\"} 1"));
    // Repaired: the reload succeeds.
    std::fs::copy(data("ofac-consolidated/consolidated_2026-01-08.xml.gz"), &list).unwrap();
    assert_eq!(s.post("/v1/lists/reload", None, &json!({})).json["snapshot_version"], 2);
}

#[test]
fn serve_refuses_unsafe_settings() {
    let env = Env::new();
    let list = data("ofac-consolidated/consolidated_2026-01-08.xml.gz");
    let list = list.to_str().unwrap();
    // A public address without keys.
    let out = env
        .veto()
        .env_remove("VETO_API_KEYS")
        .env_remove("VETO_ADMIN_KEYS")
        .args(["serve", "--listen", "0.0.0.0:0", "--list", list])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("without API keys"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A key that is too short: refused, and not printed.
    let out = env
        .veto()
        .env("VETO_API_KEYS", "shortkey")
        .env_remove("VETO_ADMIN_KEYS")
        .args(["serve", "--listen", "127.0.0.1:0", "--list", list])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("shorter than 16") && !err.contains("shortkey"), "{err}");
    // An unknown config field.
    let config = env.path("bad.json");
    std::fs::write(&config, r#"{"api_keys": [], "listen_on": "x"}"#).unwrap();
    let out = env
        .veto()
        .args(["serve", "--config", config.to_str().unwrap(), "--list", list])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("listen_on"));
    // --insecure-no-auth: serves, but reload is refused without an admin key.
    let s = start(env.veto(), &["--listen", "0.0.0.0:0", "--insecure-no-auth", "--list", list]);
    assert_eq!(s.post("/v1/screen", None, &json!({"name": "PJSC Sberbank"})).status, 200);
    error(&s.post("/v1/lists/reload", None, &json!({})), 403, "forbidden");
}
