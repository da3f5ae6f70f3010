//! veto's own endpoints: screening with the CLI's JSON, entities, lists,
//! reload.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use veto_matcher::wire::{hit_json, score, WireQuery};
use veto_matcher::{Query, ScreenOptions, DEFAULT_THRESHOLD};

use crate::auth::{AdminAccess, ApiAccess};
use crate::error::{unit_interval, ApiError, ApiJson};
use crate::App;

/// Most hits one query may ask for.
pub const MAX_LIMIT: usize = 500;

/// `POST /v1/screen`: one query (a batch input line) plus options.
#[derive(Debug, Deserialize)]
pub struct ScreenRequest {
    /// The query.
    #[serde(flatten)]
    pub query: WireQuery,
    /// At most this many hits (default 10).
    #[serde(default)]
    pub limit: Option<usize>,
    /// Only hits scoring at least this (default: veto's default threshold).
    #[serde(default)]
    pub threshold: Option<f32>,
}

/// `POST /v1/screen/batch`.
#[derive(Debug, Deserialize)]
pub struct BatchRequest {
    /// The queries.
    pub queries: Vec<WireQuery>,
    /// At most this many hits per query (default 10).
    #[serde(default)]
    pub limit: Option<usize>,
    /// Only hits scoring at least this.
    #[serde(default)]
    pub threshold: Option<f32>,
}

pub(crate) fn options(
    limit: Option<usize>,
    threshold: Option<f32>,
) -> Result<ScreenOptions, ApiError> {
    let threshold = unit_interval("threshold", threshold)?.unwrap_or(DEFAULT_THRESHOLD);
    let limit = limit.unwrap_or(10);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::bad_request(
            "invalid_parameter",
            format!("'limit' must be between 1 and {MAX_LIMIT}, got {limit}"),
        ));
    }
    Ok(ScreenOptions { limit, threshold })
}

/// Validates a wire query against the server's limits.
pub(crate) fn check_query(app: &App, q: &WireQuery, at: &str) -> Result<Query, ApiError> {
    let query =
        q.to_query().map_err(|e| ApiError::bad_request(e.code, format!("{at}{}", e.message)))?;
    let n = query.name.chars().count();
    if n > app.config().max_name_chars {
        return Err(ApiError::bad_request(
            "name_too_long",
            format!(
                "{at}the name has {n} characters; the limit is {}",
                app.config().max_name_chars
            ),
        ));
    }
    Ok(query)
}

/// Screens one query.
pub async fn screen(
    State(app): State<Arc<App>>,
    _auth: ApiAccess,
    ApiJson(req): ApiJson<ScreenRequest>,
) -> Result<Json<Value>, ApiError> {
    let opts = options(req.limit, req.threshold)?;
    let query = check_query(&app, &req.query, "")?;
    let snap = app.snapshot()?;
    let id = req.query.id.clone();
    let out = app
        .run_blocking(move || {
            let m = &snap.loaded.matcher;
            let hits: Vec<Value> = m.screen(&query, &opts).iter().map(|h| hit_json(m, h)).collect();
            let mut v =
                json!({"query": query.name, "threshold": score(opts.threshold), "hits": hits});
            if let Some(id) = id {
                v["id"] = id;
            }
            v["snapshot_version"] = json!(snap.version);
            v
        })
        .await?;
    Ok(Json(out))
}

/// Screens a batch: one `{"id", "hits"}` per query, in order (the lines
/// `veto screen --input` writes).
pub async fn screen_batch(
    State(app): State<Arc<App>>,
    _auth: ApiAccess,
    ApiJson(req): ApiJson<BatchRequest>,
) -> Result<Json<Value>, ApiError> {
    let opts = options(req.limit, req.threshold)?;
    app.check_batch_len(req.queries.len())?;
    let mut queries = Vec::with_capacity(req.queries.len());
    for (i, q) in req.queries.iter().enumerate() {
        let id = q.id.clone().unwrap_or_else(|| json!(i));
        queries.push((id, check_query(&app, q, &format!("queries[{i}]: "))?));
    }
    let snap = app.snapshot()?;
    let out = app
        .run_blocking(move || {
            let m = &snap.loaded.matcher;
            let results: Vec<Value> = queries
                .iter()
                .map(|(id, q)| {
                    let hits: Vec<Value> = m.screen(q, &opts).iter().map(|h| hit_json(m, h)).collect();
                    json!({"id": id, "hits": hits})
                })
                .collect();
            json!({"results": results, "threshold": score(opts.threshold), "snapshot_version": snap.version})
        })
        .await?;
    Ok(Json(out))
}

/// The id from the path, with axum's rejection as JSON.
pub(crate) fn path_id(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    p.map(|Path(id)| id)
        .map_err(|e| ApiError::bad_request("invalid_path", format!("invalid path parameter: {e}")))
}

/// `GET /v1/entities/{id}`: the entity as `veto entity --format json` prints it.
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
    let v = serde_json::to_value(e).map_err(|e| ApiError::internal(format!("{e}")))?;
    Ok(Json(veto_matcher::wire::compact(v)))
}

/// `GET /v1/lists`: the loaded lists.
pub async fn lists(State(app): State<Arc<App>>, _auth: ApiAccess) -> Result<Json<Value>, ApiError> {
    let snap = app.snapshot()?;
    Ok(Json(json!({
        "snapshot_version": snap.version,
        "loaded_at": snap.loaded_at,
        "entities": snap.loaded.entity_count(),
        "lists": snap.loaded.lists,
    })))
}

/// `POST /v1/lists/reload` (admin): load the lists again and swap them in.
pub async fn reload(
    State(app): State<Arc<App>>,
    _auth: AdminAccess,
) -> Result<Json<Value>, ApiError> {
    let (version, entities, took) = app.reload().await?;
    Ok(Json(json!({
        "status": "reloaded",
        "snapshot_version": version,
        "entities": entities,
        "took_ms": took.as_millis() as u64,
    })))
}
