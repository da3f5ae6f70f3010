//! The yente-compatible endpoints: `POST /match/{dataset}`,
//! `GET /search/{dataset}`, `GET /entities/{id}`.
//!
//! Request and response follow yente's published API: results are FtM
//! entity objects with `score`, `match` (score ≥ `threshold`), `features`
//! and veto's `explanations`. Results below `cutoff` (default 0.5, never
//! above `threshold`) are not returned. `dataset` is `default` (or
//! `sanctions`) for every loaded list, or one source (`us_ofac_sdn`).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use veto_matcher::wire::score;
use veto_matcher::{Hit, Matcher, Query, ScreenOptions, DEFAULT_THRESHOLD};

use crate::auth::ApiAccess;
use crate::error::{unit_interval, ApiError, ApiJson, QueryParams};
use crate::ftm::{entity_json, kind_of_schema, read_example, schema_of};
use crate::routes::v1::path_id;
use crate::state::Snapshot;
use crate::App;

/// yente's default `limit` for `/match`.
const MATCH_LIMIT: usize = 5;
/// Largest `limit` (yente's MAX_MATCHES).
const MAX_MATCHES: usize = 500;
/// Default lower bound for a result to be returned at all.
const DEFAULT_CUTOFF: f32 = 0.5;

/// `POST /match/{dataset}` body. yente's `weights` and `config` are
/// accepted and ignored (veto has one scoring algorithm).
#[derive(Debug, Deserialize)]
pub struct MatchRequest {
    /// Query examples by the caller's key.
    pub queries: Map<String, Value>,
}

/// Which entities a request may return.
struct Filter {
    /// Only these sources (empty: all).
    include: Vec<String>,
    exclude: Vec<String>,
    exclude_schema: Vec<String>,
    exclude_ids: Vec<String>,
}

impl Filter {
    fn from(snap: &Snapshot, dataset: &str, params: &QueryParams) -> Result<Filter, ApiError> {
        let mut include = Vec::new();
        if !matches!(dataset, "default" | "sanctions" | "all") {
            if !snap.loaded.has_dataset(dataset) {
                let known: Vec<&str> =
                    snap.loaded.lists.iter().map(|l| l.source.as_str()).collect();
                return Err(ApiError::not_found(format!(
                    "no dataset '{dataset}' (loaded: default, {})",
                    known.join(", ")
                )));
            }
            include.push(dataset.to_string());
        }
        let extra = params.all("include_dataset");
        if !extra.is_empty() {
            include = if include.is_empty() {
                extra
            } else {
                include.into_iter().filter(|d| extra.contains(d)).collect::<Vec<_>>()
            };
            if include.is_empty() {
                include.push("\u{0}none".into());
            }
        }
        Ok(Filter {
            include,
            exclude: params.all("exclude_dataset"),
            exclude_schema: params.all("exclude_schema"),
            exclude_ids: params.all("exclude_entity_ids"),
        })
    }

    fn is_open(&self) -> bool {
        self.include.is_empty()
            && self.exclude.is_empty()
            && self.exclude_schema.is_empty()
            && self.exclude_ids.is_empty()
    }

    fn admits(&self, e: &veto_model::Entity) -> bool {
        let src = e.source.as_str();
        (self.include.is_empty() || self.include.iter().any(|d| d == src))
            && !self.exclude.iter().any(|d| d == src)
            && !self.exclude_schema.iter().any(|s| s == schema_of(e.kind))
            && !self.exclude_ids.iter().any(|i| i == e.id.as_str())
    }
}

/// Screens every name of an example and keeps each entity's best hit,
/// filtered; returns (hits best first, total above the cutoff).
fn screen_names(
    m: &Matcher,
    queries: &[Query],
    filter: &Filter,
    cutoff: f32,
    limit: usize,
) -> (Vec<Hit>, usize) {
    // Filtering happens after screening: ask for enough to fill `limit`.
    let ask = if filter.is_open() { limit } else { MAX_MATCHES };
    let opts = ScreenOptions { limit: ask, threshold: cutoff };
    let mut best: HashMap<u32, Hit> = HashMap::new();
    for q in queries {
        for h in m.screen(q, &opts) {
            if !filter.admits(m.entity(&h)) {
                continue;
            }
            match best.get(&h.entity) {
                Some(b) if b.score >= h.score => {}
                _ => {
                    best.insert(h.entity, h);
                }
            }
        }
    }
    let mut hits: Vec<Hit> = best.into_values().collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entity.cmp(&b.entity)));
    let total = hits.len();
    hits.truncate(limit);
    (hits, total)
}

fn features(h: &Hit) -> Value {
    let mut f = Map::new();
    f.insert("name_score".into(), json!(score(h.explanation.name_score)));
    for x in &h.explanation.factors {
        let v = f.entry(x.factor.to_string()).or_insert(json!(0.0));
        *v = json!(score(v.as_f64().unwrap_or(0.0) as f32 + x.delta));
    }
    Value::Object(f)
}

fn result_json(m: &Matcher, h: &Hit, threshold: f32) -> Value {
    let mut v = entity_json(m.entity(h));
    v["score"] = json!(score(h.score));
    v["match"] = json!(h.score >= threshold);
    v["features"] = features(h);
    v["explanations"] = json!(h.explanation);
    v
}

/// What veto's scoring reports, in yente's `matcher` (feature docs) shape.
fn matcher_docs() -> Value {
    let doc = |d: &str| json!({"description": d, "coefficient": 1.0, "url": "https://example.invalid/veto/DESIGN.md"});
    json!({
        "name_score": doc("veto's name score: order-free token alignment weighted by rarity, tolerant of typos, transliteration and initials"),
        "birth_date": doc("birth date agreement or conflict, by precision"),
        "country": doc("country or nationality agreement or conflict"),
        "identifier": doc("an equal identifier (passport, registration, IMO, ...) or a different one of the same type"),
        "kind": doc("entity kind conflict (a person query against a company)"),
        "legal_form": doc("same or different legal form"),
        "weak_alias": doc("the match is on a weak (low-quality) alias"),
    })
}

/// `POST /match/{dataset}`.
pub async fn match_(
    State(app): State<Arc<App>>,
    _auth: ApiAccess,
    dataset: Result<Path<String>, PathRejection>,
    params: QueryParams,
    ApiJson(req): ApiJson<MatchRequest>,
) -> Result<Response, ApiError> {
    let dataset = path_id(dataset)?;
    let limit = params.number::<usize>("limit")?.unwrap_or(MATCH_LIMIT).clamp(1, MAX_MATCHES);
    let threshold =
        unit_interval("threshold", params.number("threshold")?)?.unwrap_or(DEFAULT_THRESHOLD);
    let cutoff =
        unit_interval("cutoff", params.number("cutoff")?)?.unwrap_or(DEFAULT_CUTOFF).min(threshold);
    app.check_batch_len(req.queries.len())?;
    let mut examples = Vec::with_capacity(req.queries.len());
    for (key, v) in &req.queries {
        examples.push((key.clone(), read_example(key, v, app.config().max_name_chars)?));
    }
    let snap = app.snapshot()?;
    let filter = Filter::from(&snap, &dataset, &params)?;
    let n = examples.len();
    let body = app
        .run_blocking(move || {
            let m = &snap.loaded.matcher;
            let mut responses = Map::new();
            for (key, ex) in examples {
                let (hits, total) = screen_names(m, &ex.queries, &filter, cutoff, limit);
                let results: Vec<Value> =
                    hits.iter().map(|h| result_json(m, h, threshold)).collect();
                responses.insert(
                    key,
                    json!({
                        "status": 200,
                        "results": results,
                        "total": {"value": total, "relation": "eq"},
                        "query": ex.echo,
                    }),
                );
            }
            json!({"responses": responses, "matcher": matcher_docs(), "limit": limit})
        })
        .await?;
    let mut resp = Json(body).into_response();
    if let Ok(v) = HeaderValue::from_str(&n.to_string()) {
        resp.headers_mut().insert("x-batch-size", v);
    }
    Ok(resp)
}

/// `GET /search/{dataset}?q=&limit=&schema=`: a name search, yente's
/// response shape (`results`, `total`, `limit`, `offset`, `facets`).
pub async fn search(
    State(app): State<Arc<App>>,
    _auth: ApiAccess,
    dataset: Result<Path<String>, PathRejection>,
    params: QueryParams,
) -> Result<Json<Value>, ApiError> {
    let dataset = path_id(dataset)?;
    let q = params.get("q").map(str::trim).unwrap_or("").to_string();
    if q.is_empty() {
        return Err(ApiError::bad_request("empty_name", "give the name to search for as ?q="));
    }
    let max_name = app.config().max_name_chars;
    if q.chars().count() > max_name {
        return Err(ApiError::bad_request(
            "name_too_long",
            format!("'q' is longer than {max_name} characters"),
        ));
    }
    let limit = params.number::<usize>("limit")?.unwrap_or(10).clamp(1, MAX_MATCHES);
    let kind = match params.get("schema") {
        Some(s) if !s.trim().is_empty() => kind_of_schema(s.trim())?,
        _ => None,
    };
    let snap = app.snapshot()?;
    let filter = Filter::from(&snap, &dataset, &params)?;
    let body = app
        .run_blocking(move || {
            let m = &snap.loaded.matcher;
            let query = Query { name: q, kind, ..Query::default() };
            let (hits, total) = screen_names(m, &[query], &filter, DEFAULT_CUTOFF, limit);
            let results: Vec<Value> = hits
                .iter()
                .map(|h| {
                    let mut v = entity_json(m.entity(h));
                    v["score"] = json!(score(h.score));
                    v
                })
                .collect();
            json!({"results": results, "total": {"value": total, "relation": "eq"}, "limit": limit, "offset": 0, "facets": {}})
        })
        .await?;
    Ok(Json(body))
}

/// `GET /entities/{id}`: one entity as a yente entity object.
pub async fn entity(
    State(app): State<Arc<App>>,
    _auth: ApiAccess,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let id = path_id(id)?;
    let snap = app.snapshot()?;
    let e = snap
        .loaded
        .entity(&id)
        .ok_or_else(|| ApiError::not_found(format!("no entity '{id}' in the loaded lists")))?;
    Ok(Json(entity_json(e)))
}
