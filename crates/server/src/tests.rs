//! Router tests: requests through the whole layer stack
//! (`tower::ServiceExt::oneshot`) against a matcher over the real OFAC SDN
//! list shipped in `data/lists/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use serde_json::{json, Value};
use tower::ServiceExt;
use veto_model::Entity;

use super::*;
use crate::state::ListInfo;

fn sdn() -> &'static (Vec<Entity>, Vec<ListInfo>) {
    static SDN: OnceLock<(Vec<Entity>, Vec<ListInfo>)> = OnceLock::new();
    SDN.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/lists/ofac/2024-05-03/sdn.csv.gz");
        let parsed = veto_lists::parse_paths(&[path], &veto_lists::Options::default())
            .expect("parse the shipped SDN list");
        let lists = parsed
            .iter()
            .map(|p| ListInfo {
                list: p.meta.key.to_string(),
                source: p.meta.key.source,
                dataset: p.meta.key.dataset.clone(),
                version: "file".into(),
                format: p.meta.format.as_str().into(),
                data_date: p.meta.data_date,
                entities: p.meta.entity_count(),
                counts: p.meta.counts.clone(),
                content_hash: "test".into(),
                imported_at: None,
            })
            .collect();
        (parsed.into_iter().flat_map(|p| p.entities).collect(), lists)
    })
}

fn sdn_loader() -> LoadFn {
    Arc::new(|| {
        let (e, l) = sdn();
        Ok(Loaded::new(e.clone(), l.clone()))
    })
}

/// A loaded app with `config` (keys etc.) on loopback.
fn app_with(config: Config, loader: LoadFn) -> Arc<App> {
    let app = App::new(config, loader.clone()).expect("app");
    app.install(loader().expect("load"));
    app
}

fn open_app() -> Arc<App> {
    app_with(Config::new(([127, 0, 0, 1], 0).into()), sdn_loader())
}

const API: &str = "api-key-0123456789abcdef";
const ADMIN: &str = "admin-key-0123456789abcdef";

fn keyed_app() -> Arc<App> {
    let mut c = Config::new(([127, 0, 0, 1], 0).into());
    c.api_keys = vec![API.into()];
    c.admin_keys = vec![ADMIN.into()];
    app_with(c, sdn_loader())
}

struct Resp {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
    text: String,
}

async fn send(app: &Arc<App>, req: Request<Body>) -> Resp {
    send_to(router(app.clone()), req).await
}

async fn send_to(router: Router, req: Request<Body>) -> Resp {
    let resp = router.oneshot(req).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX).await.expect("body");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Resp { status, headers, body, text }
}

fn post(uri: &str, body: &Value) -> Request<Body> {
    Request::post(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn with_key(mut req: Request<Body>, key: &str) -> Request<Body> {
    req.headers_mut().insert("authorization", format!("Bearer {key}").parse().unwrap());
    req
}

fn get_(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

/// Asserts a JSON error with this status and code.
fn assert_error(r: &Resp, status: StatusCode, code: &str) {
    assert_eq!(r.status, status, "{}", r.text);
    assert_eq!(r.body["error"]["code"], code, "{}", r.text);
    assert!(r.body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{}", r.text);
    assert_eq!(r.body["detail"], r.body["error"]["message"]);
    assert!(
        r.headers["content-type"].to_str().unwrap().starts_with("application/json"),
        "{:?}",
        r.headers
    );
}

const PUTIN: &str = r#"{"queries": {"q": {"schema": "Person", "properties": {"name": ["Vladimir Putin"], "birthDate": ["1952-10-07"]}}}}"#;

#[tokio::test]
async fn screen_returns_the_cli_json() {
    let app = open_app();
    let r =
        send(&app, post("/v1/screen", &json!({"id": "q1", "name": "Vladimir Putin", "limit": 3})))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["id"], "q1");
    let hits = r.body["hits"].as_array().unwrap();
    assert_eq!(hits[0]["entity_id"], "us_ofac_sdn:35096");
    // Exactly what the CLI writes for the same hit.
    let snap = app.snapshot().unwrap();
    let m = &snap.loaded.matcher;
    let direct = m.screen(
        &veto_matcher::Query::name("Vladimir Putin"),
        &veto_matcher::ScreenOptions { limit: 3, threshold: veto_matcher::DEFAULT_THRESHOLD },
    );
    assert_eq!(hits[0], veto_matcher::wire::hit_json(m, &direct[0]));
    // The request id is echoed (or made).
    assert!(r.headers.contains_key("x-request-id"));
    let mut req = post("/v1/screen", &json!({"name": "x"}));
    req.headers_mut().insert("x-request-id", "my-id-1".parse().unwrap());
    assert_eq!(send(&app, req).await.headers["x-request-id"], "my-id-1");
}

#[tokio::test]
async fn batch_screens_in_order() {
    let app = open_app();
    let r = send(
        &app,
        post("/v1/screen/batch", &json!({"queries": [{"id": "a", "name": "Vladimir Putin"}, {"name": "Giuseppe Conte"}]})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let results = r.body["results"].as_array().unwrap();
    assert_eq!(results[0]["id"], "a");
    assert_eq!(results[0]["hits"][0]["entity_id"], "us_ofac_sdn:35096");
    assert_eq!(results[1]["id"], 1);
    assert_eq!(results[1]["hits"], json!([]));
}

#[tokio::test]
async fn bad_input_is_json_4xx() {
    let mut c = Config::new(([127, 0, 0, 1], 0).into());
    c.max_batch = 3;
    c.max_body_bytes = 4096;
    c.max_name_chars = 100;
    let app = app_with(c, sdn_loader());
    let raw = |uri: &str, ct: &str, body: &str| {
        Request::post(uri).header("content-type", ct).body(Body::from(body.to_string())).unwrap()
    };
    let cases: Vec<(Request<Body>, StatusCode, &str)> = vec![
        (
            raw("/v1/screen", "application/json", "{\"name\": "),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            raw("/v1/screen", "application/json", "[1, 2]"),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            raw("/v1/screen", "text/plain", "{\"name\": \"x\"}"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            Request::post("/v1/screen").body(Body::from("{}")).unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (post("/v1/screen", &json!({"name": "  "})), StatusCode::BAD_REQUEST, "empty_name"),
        (post("/v1/screen", &json!({"kind": "person"})), StatusCode::BAD_REQUEST, "empty_name"),
        (
            post("/v1/screen", &json!({"name": "x".repeat(101)})),
            StatusCode::BAD_REQUEST,
            "name_too_long",
        ),
        (
            post("/v1/screen", &json!({"name": "x", "kind": "cat"})),
            StatusCode::BAD_REQUEST,
            "unknown_kind",
        ),
        (
            post("/v1/screen", &json!({"name": "x", "country": "Atlantis"})),
            StatusCode::BAD_REQUEST,
            "unknown_country",
        ),
        (
            post("/v1/screen", &json!({"name": "x", "birth_date": "yesterday"})),
            StatusCode::BAD_REQUEST,
            "invalid_birth_date",
        ),
        (
            post("/v1/screen", &json!({"name": "x", "threshold": 2})),
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            post("/v1/screen", &json!({"name": "x", "limit": 0})),
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            post("/v1/screen", &json!({"name": "x".repeat(5000)})),
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
        ),
        (
            post(
                "/v1/screen/batch",
                &json!({"queries": [{"name": "a"}, {"name": "b"}, {"name": "c"}, {"name": "d"}]}),
            ),
            StatusCode::BAD_REQUEST,
            "too_many_queries",
        ),
        (
            post("/v1/screen/batch", &json!({"queries": []})),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            post("/v1/screen/batch", &json!({"queries": [{"name": "a"}, {"name": ""}]})),
            StatusCode::BAD_REQUEST,
            "empty_name",
        ),
        (
            post(
                "/match/default",
                &json!({"queries": {"q": {"schema": "Dog", "properties": {"name": ["x"]}}}}),
            ),
            StatusCode::BAD_REQUEST,
            "unknown_schema",
        ),
        (
            post(
                "/match/default",
                &json!({"queries": {"q": {"schema": "Person", "properties": {}}}}),
            ),
            StatusCode::BAD_REQUEST,
            "empty_name",
        ),
        (
            post("/match/default", &json!({"queries": {}})),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            post(
                "/match/default",
                &json!({"queries": {"a": {"properties": {"name": "a"}}, "b": {"properties": {"name": "b"}}, "c": {"properties": {"name": "c"}}, "d": {"properties": {"name": "d"}}}}),
            ),
            StatusCode::BAD_REQUEST,
            "too_many_queries",
        ),
        (
            post("/match/default?limit=ten", &serde_json::from_str(PUTIN).unwrap()),
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            post("/match/nowhere", &serde_json::from_str(PUTIN).unwrap()),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (get_("/search/default"), StatusCode::BAD_REQUEST, "empty_name"),
        (get_("/search/default?q=x&schema=Dog"), StatusCode::BAD_REQUEST, "unknown_schema"),
        (get_("/v1/entities/us_ofac_sdn:0"), StatusCode::NOT_FOUND, "not_found"),
        (get_("/entities/nothing"), StatusCode::NOT_FOUND, "not_found"),
        (get_("/no/such/endpoint"), StatusCode::NOT_FOUND, "not_found"),
        (get_("/v1/screen"), StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
    ];
    for (req, status, code) in cases {
        let what = format!("{} {}", req.method(), req.uri());
        let r = send(&app, req).await;
        assert_eq!(r.status, status, "{what}: {}", r.text);
        assert_error(&r, status, code);
    }
}

#[tokio::test]
async fn auth_rules() {
    let app = keyed_app();
    let q = json!({"name": "Vladimir Putin"});
    assert_error(
        &send(&app, post("/v1/screen", &q)).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    );
    let r = send(&app, with_key(post("/v1/screen", &q), "wrong-key-0123456789abcdef")).await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    assert_eq!(r.headers["www-authenticate"], "Bearer");
    assert!(!r.text.contains("wrong-key"), "{}", r.text);
    assert_eq!(send(&app, with_key(post("/v1/screen", &q), API)).await.status, StatusCode::OK);
    assert_eq!(send(&app, with_key(post("/v1/screen", &q), ADMIN)).await.status, StatusCode::OK);
    assert_error(
        &send(&app, with_key(get_("/v1/lists"), "nope")).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    );
    assert_error(
        &send(&app, post("/match/default", &json!({}))).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    );
    // Reload needs an admin key.
    let reload = || Request::post("/v1/lists/reload").body(Body::empty()).unwrap();
    assert_error(&send(&app, reload()).await, StatusCode::UNAUTHORIZED, "unauthorized");
    assert_error(&send(&app, with_key(reload(), API)).await, StatusCode::FORBIDDEN, "forbidden");
    let r = send(&app, with_key(reload(), ADMIN)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["snapshot_version"], 2);
    // Operational endpoints are open.
    for uri in ["/healthz", "/readyz", "/metrics", "/openapi.json"] {
        assert_eq!(send(&app, get_(uri)).await.status, StatusCode::OK, "{uri}");
    }
}

#[test]
fn no_keys_on_a_public_address_refused() {
    let c = Config::new(([0, 0, 0, 0], 8080).into());
    let e = App::new(c.clone(), sdn_loader()).map(|_| ()).unwrap_err();
    assert!(format!("{e}").contains("refusing"), "{e}");
    let mut c2 = c;
    c2.insecure_no_auth = true;
    assert!(App::new(c2, sdn_loader()).is_ok());
}

#[tokio::test]
async fn reload_failure_keeps_the_old_snapshot() {
    let fail = Arc::new(AtomicBool::new(false));
    let f = fail.clone();
    let loader: LoadFn = Arc::new(move || {
        if f.load(Ordering::SeqCst) {
            anyhow::bail!("list file is damaged");
        }
        let (e, l) = sdn();
        Ok(Loaded::new(e.clone(), l.clone()))
    });
    let app = app_with(Config::new(([127, 0, 0, 1], 0).into()), loader);
    let reload = || Request::post("/v1/lists/reload").body(Body::empty()).unwrap();
    fail.store(true, Ordering::SeqCst);
    let r = send(&app, reload()).await;
    assert_error(&r, StatusCode::INTERNAL_SERVER_ERROR, "reload_failed");
    assert!(r.text.contains("list file is damaged"), "{}", r.text);
    let r = send(&app, get_("/v1/lists")).await;
    assert_eq!(r.body["snapshot_version"], 1);
    let r = send(&app, post("/v1/screen", &json!({"name": "Vladimir Putin"}))).await;
    assert_eq!(r.body["hits"][0]["entity_id"], "us_ofac_sdn:35096");
    fail.store(false, Ordering::SeqCst);
    assert_eq!(send(&app, reload()).await.body["snapshot_version"], 2);
    let m = send(&app, get_("/metrics")).await.text;
    assert!(m.contains("veto_reloads_total{outcome=\"failed\"} 1"), "{m}");
    assert!(m.contains("veto_reloads_total{outcome=\"ok\"} 1"), "{m}");
    assert!(m.contains("veto_snapshot_version 2"), "{m}");
    assert!(m.contains("route=\"/v1/screen\",status=\"200\""), "{m}");
}

#[tokio::test]
async fn not_ready_until_loaded() {
    let app = App::new(Config::new(([127, 0, 0, 1], 0).into()), sdn_loader()).unwrap();
    assert_error(&send(&app, get_("/readyz")).await, StatusCode::SERVICE_UNAVAILABLE, "not_ready");
    assert_error(
        &send(&app, post("/v1/screen", &json!({"name": "x"}))).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "not_ready",
    );
    assert_eq!(send(&app, get_("/healthz")).await.status, StatusCode::OK);
    app.install(sdn_loader()().unwrap());
    assert_eq!(send(&app, get_("/readyz")).await.body["status"], "ready");
}

#[tokio::test]
async fn panics_become_json_500() {
    let app = open_app();
    let routes = Router::new().route(
        "/boom",
        get(|| async {
            if std::env::var_os("VETO_NEVER_SET_0").is_none() {
                panic!("boom")
            }
            ""
        }),
    );
    let r = send_to(with_layers(routes, app), get_("/boom")).await;
    assert_error(&r, StatusCode::INTERNAL_SERVER_ERROR, "internal");
}

#[tokio::test]
async fn match_putin_yente_style() {
    let app = open_app();
    let body: Value = serde_json::from_str(PUTIN).unwrap();
    let r = send(&app, post("/match/default", &body)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.headers["x-batch-size"], "1");
    assert_eq!(r.body["limit"], 5);
    let resp = &r.body["responses"]["q"];
    assert_eq!(resp["status"], 200);
    assert_eq!(resp["total"]["relation"], "eq");
    assert_eq!(resp["query"]["schema"], "Person");
    assert_eq!(resp["query"]["properties"]["name"], json!(["Vladimir Putin"]));
    let top = &resp["results"][0];
    assert_eq!(top["id"], "us_ofac_sdn:35096");
    assert_eq!(top["match"], true);
    assert_eq!(top["schema"], "Person");
    assert_eq!(top["caption"], "PUTIN, Vladimir Vladimirovich");
    assert_eq!(top["datasets"], json!(["us_ofac_sdn"]));
    assert_eq!(top["target"], true);
    assert!(top["properties"]["birthDate"].as_array().unwrap().contains(&json!("1952-10-07")));
    assert!(top["features"]["name_score"].as_f64().unwrap() > 0.9);
    assert!(top["explanations"]["summary"].as_str().unwrap().contains("putin=putin"));
    // Restricted to the SDN list; other filters.
    let r = send(&app, post("/match/us_ofac_sdn?limit=1", &body)).await;
    assert_eq!(r.body["responses"]["q"]["results"][0]["id"], "us_ofac_sdn:35096");
    assert_eq!(r.body["limit"], 1);
    let r = send(
        &app,
        post("/match/default?exclude_entity_ids=us_ofac_sdn:35096&threshold=0.99", &body),
    )
    .await;
    let results = r.body["responses"]["q"]["results"].as_array().unwrap();
    assert!(results.iter().all(|x| x["id"] != "us_ofac_sdn:35096"));
    assert!(results.iter().all(|x| x["match"] == false || x["score"].as_f64().unwrap() >= 0.99));
    let r = send(&app, post("/match/default?exclude_schema=Person", &body)).await;
    assert!(r.body["responses"]["q"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["schema"] != "Person"));
}

#[tokio::test]
async fn match_yente_documented_example() {
    // The request example of yente's /match documentation.
    let app = open_app();
    let body = json!({"queries": {
        "entity1": {"schema": "Person", "properties": {"name": ["John Doe"], "birthDate": ["1975-04-21"], "nationality": ["us"]}},
        "entity2": {"schema": "Company", "properties": {"name": ["Brilliant Amazing Limited"], "jurisdiction": ["hk"], "registrationNumber": ["84BA99810"]}}
    }});
    let r = send(&app, post("/match/default?algorithm=logic-v2", &body)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    for key in ["entity1", "entity2"] {
        let resp = &r.body["responses"][key];
        assert_eq!(resp["status"], 200, "{key}");
        assert!(resp["results"].is_array());
        assert!(resp["total"]["value"].is_u64());
        assert_eq!(resp["query"]["schema"], body["queries"][key]["schema"]);
        for x in resp["results"].as_array().unwrap() {
            assert_eq!(x["match"], false, "{key}: an unlisted name matched: {x}");
        }
    }
    assert!(r.body["matcher"]["name_score"]["description"].is_string());
}

#[tokio::test]
async fn search_and_entities() {
    let app = open_app();
    let r = send(&app, get_("/search/default?q=Vladimir%20Putin&schema=Person&limit=2")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["results"][0]["id"], "us_ofac_sdn:35096");
    assert_eq!(r.body["limit"], 2);
    assert_eq!(r.body["offset"], 0);
    let r = send(&app, get_("/entities/us_ofac_sdn:35096")).await;
    assert_eq!(r.body["caption"], "PUTIN, Vladimir Vladimirovich");
    assert!(r.body["properties"]["program"].is_array());
    let r = send(&app, get_("/v1/entities/us_ofac_sdn:35096")).await;
    assert_eq!(r.body["id"], "us_ofac_sdn:35096");
    assert_eq!(r.body["kind"], "person");
    let r = send(&app, get_("/v1/lists")).await;
    assert_eq!(r.body["lists"][0]["source"], "us_ofac_sdn");
    assert_eq!(r.body["lists"][0]["entities"], r.body["entities"]);
}

#[tokio::test]
async fn every_route_is_served() {
    let app = open_app();
    for (method, path) in ROUTES {
        let uri = path.replace("{id}", "us_ofac_sdn:35096").replace("{dataset}", "default");
        let req = Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(&uri)
            .header("content-type", "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let r = send(&app, req).await;
        assert!(
            !r.text.contains("no such endpoint") && r.status != StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}: {}",
            r.text
        );
    }
}

#[tokio::test]
async fn slow_requests_time_out_as_json() {
    let mut c = Config::new(([127, 0, 0, 1], 0).into());
    c.request_timeout_ms = 20;
    let app = app_with(c, sdn_loader());
    let routes = Router::new().route(
        "/slow",
        get(|| async {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            "late"
        }),
    );
    let r = send_to(with_layers(routes, app.clone()), get_("/slow")).await;
    assert_error(&r, StatusCode::SERVICE_UNAVAILABLE, "timeout");
    assert!(app.metrics().render().contains("route=\"/slow\",status=\"503\""));
}
