//! The endpoints. [`ROUTES`] lists every (method, path) the router serves;
//! the OpenAPI document is checked against it.

mod ops;
mod v1;
mod yente;

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;

use crate::App;

/// Every endpoint: (method, path).
pub const ROUTES: &[(&str, &str)] = &[
    ("post", "/v1/screen"),
    ("post", "/v1/screen/batch"),
    ("get", "/v1/entities/{id}"),
    ("get", "/v1/lists"),
    ("post", "/v1/lists/reload"),
    ("post", "/match/{dataset}"),
    ("get", "/search/{dataset}"),
    ("get", "/entities/{id}"),
    ("get", "/healthz"),
    ("get", "/readyz"),
    ("get", "/metrics"),
    ("get", "/openapi.json"),
];

/// The router, without layers.
pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/v1/screen", post(v1::screen))
        .route("/v1/screen/batch", post(v1::screen_batch))
        .route("/v1/entities/{id}", get(v1::entity))
        .route("/v1/lists", get(v1::lists))
        .route("/v1/lists/reload", post(v1::reload))
        .route("/match/{dataset}", post(yente::match_))
        .route("/search/{dataset}", get(yente::search))
        .route("/entities/{id}", get(yente::entity))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/openapi.json", get(ops::openapi))
}
