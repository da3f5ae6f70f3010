//! Health, readiness, metrics and the OpenAPI document: no key needed.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::App;

/// `GET /healthz`: the process is up.
pub async fn healthz() -> Json<serde_json::Value> {
    Json(json!({"status": "ok"}))
}

/// `GET /readyz`: 200 once a snapshot is loaded, 503 before.
pub async fn readyz(State(app): State<Arc<App>>) -> Response {
    match app.snapshot() {
        Ok(s) => Json(json!({
            "status": "ready",
            "snapshot_version": s.version,
            "entities": s.loaded.entity_count(),
        }))
        .into_response(),
        Err(e) => e.into_response(),
    }
}

/// `GET /metrics`: Prometheus text.
pub async fn metrics(State(app): State<Arc<App>>) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        app.metrics().render(),
    )
        .into_response()
}

/// `GET /openapi.json`.
pub async fn openapi(State(app): State<Arc<App>>) -> Json<serde_json::Value> {
    Json(crate::openapi::document(app.config()))
}
