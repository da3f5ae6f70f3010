/*!
veto's screening HTTP API (`veto serve`).

One process serves the loaded lists over HTTP: veto's own endpoints
(`/v1/screen`, `/v1/screen/batch`, `/v1/entities/{id}`, `/v1/lists`), a
yente-compatible `/match/{dataset}`, `/search/{dataset}` and
`/entities/{id}`, and the operational ones (`/healthz`, `/readyz`,
`/metrics`, `/openapi.json`, `/v1/lists/reload`).

The served data is one immutable [`state::Snapshot`] behind an
[`arc_swap::ArcSwapOption`]: a request takes the current snapshot once, at
its start, and uses it to the end, so a reload (which builds a new snapshot
in a blocking task and swaps it in) never changes the data under a request in
flight. A failed reload leaves the old snapshot in place.

Screening is CPU-bound (~100 µs a query): it runs on tokio's blocking pool,
at most [`Config::workers`] at a time, so the runtime threads keep accepting
and answering the cheap requests.

```no_run
use std::sync::Arc;
use veto_server::{serve, Config, LoadFn};

# async fn run(entities: Vec<veto_model::Entity>) -> anyhow::Result<()> {
let entities = Arc::new(entities);
let loader: LoadFn = Arc::new(move || {
    Ok(veto_server::state::Loaded::new(entities.as_ref().clone(), Vec::new()))
});
let config = Config::new("127.0.0.1:8080".parse()?);
serve(config, loader).await?;
# Ok(())
# }
```
*/

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod auth;
pub mod error;
pub mod ftm;
pub mod metrics;
pub mod openapi;
mod routes;
pub mod state;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use arc_swap::ArcSwapOption;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde::Deserialize;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};

use crate::auth::{Access, Keys};
use crate::error::ApiError;
use crate::metrics::Metrics;
use crate::state::{Loaded, Snapshot};

pub use crate::routes::ROUTES;

/// Builds a snapshot: loads the lists and builds the matcher. Called once at
/// start and on each reload, on a blocking thread.
pub type LoadFn = Arc<dyn Fn() -> Result<Loaded> + Send + Sync>;

/// Default listen address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// Server settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen.
    pub listen: SocketAddr,
    /// Bearer tokens for the API endpoints.
    pub api_keys: Vec<String>,
    /// Bearer tokens for the API and admin endpoints.
    pub admin_keys: Vec<String>,
    /// Serve without keys on a non-loopback address.
    pub insecure_no_auth: bool,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Most queries in one batch (`/v1/screen/batch`, `/match`).
    pub max_batch: usize,
    /// Longest name, in characters.
    pub max_name_chars: usize,
    /// Requests taking longer are answered 503 `timeout`.
    pub request_timeout_ms: u64,
    /// Screening tasks running at once (default: 2 × cores).
    pub workers: usize,
}

/// The optional config file (`--config`, TOML or JSON). Every field may be
/// left out.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// API keys.
    #[serde(default)]
    pub api_keys: Vec<String>,
    /// Admin keys.
    #[serde(default)]
    pub admin_keys: Vec<String>,
    /// Listen address (the command line wins).
    #[serde(default)]
    pub listen: Option<String>,
    /// Largest request body, in bytes.
    #[serde(default)]
    pub max_body_bytes: Option<usize>,
    /// Most queries in one batch.
    #[serde(default)]
    pub max_batch: Option<usize>,
    /// Longest name, in characters.
    #[serde(default)]
    pub max_name_chars: Option<usize>,
    /// Request timeout, in milliseconds.
    #[serde(default)]
    pub request_timeout_ms: Option<u64>,
}

impl ConfigFile {
    /// Reads a config file: JSON if it is named `.json` or starts with `{`,
    /// else TOML.
    ///
    /// # Errors
    ///
    /// Unreadable file, invalid syntax or an unknown field.
    pub fn read(path: &std::path::Path) -> Result<ConfigFile> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
        let json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
            || text.trim_start().starts_with('{');
        if json {
            serde_json::from_str(&text)
                .with_context(|| format!("invalid JSON config file {}", path.display()))
        } else {
            toml::from_str(&text)
                .with_context(|| format!("invalid TOML config file {}", path.display()))
        }
    }
}

impl Config {
    /// The defaults, listening on `listen`.
    pub fn new(listen: SocketAddr) -> Config {
        Config {
            listen,
            api_keys: Vec::new(),
            admin_keys: Vec::new(),
            insecure_no_auth: false,
            max_body_bytes: 1 << 20,
            max_batch: 1000,
            max_name_chars: 1000,
            request_timeout_ms: 10_000,
            workers: 2 * std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }

    /// Applies a config file's settings (keys are added).
    pub fn apply(&mut self, file: ConfigFile) {
        self.api_keys.extend(file.api_keys);
        self.admin_keys.extend(file.admin_keys);
        if let Some(v) = file.max_body_bytes {
            self.max_body_bytes = v;
        }
        if let Some(v) = file.max_batch {
            self.max_batch = v;
        }
        if let Some(v) = file.max_name_chars {
            self.max_name_chars = v;
        }
        if let Some(v) = file.request_timeout_ms {
            self.request_timeout_ms = v;
        }
    }

    /// Adds keys from `VETO_API_KEYS` and `VETO_ADMIN_KEYS` (comma-separated).
    pub fn keys_from_env(&mut self) {
        let split = |v: String| -> Vec<String> {
            v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
        };
        if let Ok(v) = std::env::var("VETO_API_KEYS") {
            self.api_keys.extend(split(v));
        }
        if let Ok(v) = std::env::var("VETO_ADMIN_KEYS") {
            self.admin_keys.extend(split(v));
        }
    }

    /// The key set, after checking the auth rules against the address.
    ///
    /// # Errors
    ///
    /// No key on a non-loopback address without `insecure_no_auth`, or a
    /// key that is too short.
    pub fn keys(&self) -> Result<Keys> {
        let loopback = self.listen.ip().is_loopback();
        let none = self.api_keys.is_empty() && self.admin_keys.is_empty();
        if none && !loopback && !self.insecure_no_auth {
            bail!(
                "refusing to serve {} without API keys: set api_keys/admin_keys in --config or \
                 VETO_API_KEYS/VETO_ADMIN_KEYS, listen on a loopback address, or pass \
                 --insecure-no-auth",
                self.listen
            );
        }
        Ok(Keys::new(&self.api_keys, &self.admin_keys, none && loopback)?)
    }
}

/// The shared state of a running server.
pub struct App {
    snapshot: ArcSwapOption<Snapshot>,
    loader: LoadFn,
    keys: Keys,
    config: Config,
    metrics: Metrics,
    versions: AtomicU64,
    reload_lock: tokio::sync::Mutex<()>,
    workers: Arc<tokio::sync::Semaphore>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").field("keys", &self.keys).field("config", &self.config).finish()
    }
}

impl App {
    /// A server state with no snapshot loaded yet.
    ///
    /// # Errors
    ///
    /// Key rules (see [`Config::keys`]).
    pub fn new(config: Config, loader: LoadFn) -> Result<Arc<App>> {
        let keys = config.keys()?;
        Ok(Arc::new(App {
            snapshot: ArcSwapOption::empty(),
            loader,
            keys,
            workers: Arc::new(tokio::sync::Semaphore::new(config.workers.max(1))),
            config,
            metrics: Metrics::default(),
            versions: AtomicU64::new(0),
            reload_lock: tokio::sync::Mutex::new(()),
        }))
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks the number of queries in one batch request: at least one, at
    /// most [`Config::max_batch`].
    pub(crate) fn check_batch_len(&self, n: usize) -> Result<(), ApiError> {
        let max = self.config.max_batch;
        if n > max {
            return Err(ApiError::bad_request(
                "too_many_queries",
                format!("{n} queries in one batch; the limit is {max}"),
            ));
        }
        if n == 0 {
            return Err(ApiError::bad_request("invalid_request", "'queries' is empty"));
        }
        Ok(())
    }

    /// The metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The current snapshot, taken once per request.
    ///
    /// # Errors
    ///
    /// 503 `not_ready` before the first load.
    pub fn snapshot(&self) -> Result<Arc<Snapshot>, ApiError> {
        self.snapshot.load_full().ok_or_else(ApiError::not_ready)
    }

    /// Whether a snapshot is loaded.
    pub fn is_ready(&self) -> bool {
        self.snapshot.load().is_some()
    }

    /// Installs a freshly loaded snapshot; returns its version. The old
    /// snapshot is freed on a background thread once the last request using
    /// it has finished, so that no request pays for freeing it.
    pub fn install(&self, loaded: Loaded) -> u64 {
        let version = self.versions.fetch_add(1, Ordering::SeqCst) + 1;
        let entities = loaded.entity_count() as u64;
        let old = self.snapshot.swap(Some(Arc::new(Snapshot {
            loaded,
            version,
            loaded_at: jiff::Timestamp::now().to_string(),
        })));
        self.metrics.snapshot_version.store(version, Ordering::Relaxed);
        self.metrics.entities.store(entities, Ordering::Relaxed);
        if let Some(old) = old {
            retire(old);
        }
        version
    }

    /// Loads a new snapshot (on a blocking thread) and swaps it in. One
    /// reload at a time; a failure leaves the served snapshot as it was.
    ///
    /// # Errors
    ///
    /// 409 `reload_in_progress`, or 500 `reload_failed` with the reason.
    pub async fn reload(&self) -> Result<(u64, usize, Duration), ApiError> {
        let Ok(_guard) = self.reload_lock.try_lock() else {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "reload_in_progress",
                "another reload is running; retry when it has finished",
            ));
        };
        let start = Instant::now();
        let result = load_in_background(self.loader.clone()).await;
        let loaded = match result {
            Ok(Ok(l)) => l,
            Ok(Err(e)) => {
                self.metrics.reloads_failed.fetch_add(1, Ordering::Relaxed);
                tracing::error!(error = %format!("{e:#}"), "reload failed; still serving the old snapshot");
                return Err(ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "reload_failed",
                    format!("reload failed, still serving the previous snapshot: {e:#}"),
                ));
            }
            Err(e) => {
                self.metrics.reloads_failed.fetch_add(1, Ordering::Relaxed);
                return Err(ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "reload_failed",
                    format!("reload failed, still serving the previous snapshot: {e}"),
                ));
            }
        };
        let entities = loaded.entity_count();
        let version = self.install(loaded);
        self.metrics.reloads_ok.fetch_add(1, Ordering::Relaxed);
        tracing::info!(
            snapshot_version = version,
            entities,
            took_ms = start.elapsed().as_millis() as u64,
            "reloaded the lists"
        );
        Ok((version, entities, start.elapsed()))
    }

    /// Runs CPU-bound work on the blocking pool, at most
    /// [`Config::workers`] at a time.
    ///
    /// # Errors
    ///
    /// 500 if the work panicked.
    pub async fn run_blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = self
            .workers
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))?;
        tokio::task::spawn_blocking(f)
            .await
            .map_err(|e| ApiError::internal(format!("screening failed: {e}")))
    }

    /// Checks the request's key (see [`auth`]).
    ///
    /// # Errors
    ///
    /// 401 or 403.
    pub fn authorize(
        &self,
        headers: &axum::http::HeaderMap,
        need: Access,
    ) -> Result<Access, ApiError> {
        self.keys.require(headers, need)
    }
}

/// Lowers the calling thread's CPU priority (Linux: `setpriority` on a
/// thread id affects that thread only), so that loading and freeing
/// snapshots yield to screening.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority has no memory effects; 0 names the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Runs the loader on its own low-priority thread, with its own
/// low-priority rayon pool for the parallel parts (store load, index
/// build): a reload under load takes CPU only where screening leaves it.
/// The thread is not one of tokio's, so its priority never leaks into
/// request handling.
async fn load_in_background(loader: LoadFn) -> Result<Result<Loaded>, String> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let spawned = std::thread::Builder::new().name("veto-load".into()).spawn(move || {
        lower_priority();
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let result = match rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("veto-load-{i}"))
            .start_handler(|_| lower_priority())
            .build()
        {
            Ok(pool) => pool.install(|| loader()),
            Err(_) => loader(),
        };
        let _ = tx.send(result);
    });
    if let Err(e) = spawned {
        return Err(format!("cannot start the loading thread: {e}"));
    }
    rx.await.map_err(|_| "the loading thread panicked".to_string())
}

/// Frees a replaced snapshot on a low-priority thread once no request holds
/// it any more (requests time out, so this ends).
fn retire(old: Arc<Snapshot>) {
    let _ = std::thread::Builder::new().name("veto-retire".into()).spawn(move || {
        lower_priority();
        while Arc::strong_count(&old) > 1 {
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(old);
    });
}

/// Request ids: a per-process random prefix and a counter.
#[derive(Clone)]
struct Ids {
    prefix: String,
    next: Arc<AtomicU64>,
}

impl MakeRequestId for Ids {
    fn make_request_id<B>(&mut self, _req: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n:x}", self.prefix)).ok().map(RequestId::new)
    }
}

fn id_prefix() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(u64::from(std::process::id()));
    format!("{:08x}", h.finish() as u32)
}

/// Reads the whole request body before routing, so that every response,
/// including one refusing the request before its handler would read the
/// body (401, 404, 415), leaves the connection clean for the next request
/// on it. A body over `limit` is answered 413 after reading (and dropping)
/// up to [`DRAIN_FACTOR`] times the limit, so that the client gets to read
/// the answer instead of a reset connection.
async fn read_body(body: axum::body::Body, limit: usize) -> Result<bytes::Bytes, ApiError> {
    use http_body_util::BodyExt;
    let mut body = body;
    let mut buf = bytes::BytesMut::new();
    let mut total = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| {
            ApiError::bad_request("invalid_body", format!("cannot read the request body: {e}"))
        })?;
        let Ok(data) = frame.into_data() else { continue };
        total += data.len();
        if total <= limit {
            buf.extend_from_slice(&data);
        } else if total > limit.saturating_mul(DRAIN_FACTOR) {
            break;
        }
    }
    if total > limit {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the request body is larger than this server accepts ({limit} bytes)"),
        ));
    }
    Ok(buf.freeze())
}

/// How much of an over-long body is read (and dropped) before answering 413.
const DRAIN_FACTOR: usize = 16;

/// Records metrics and writes one JSON log line per request.
async fn observe(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let method = req.method().clone();
    let request_id =
        req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let timeout = Duration::from_millis(app.config.request_timeout_ms);
    let limit = app.config.max_body_bytes;
    let work = async move {
        let (parts, body) = req.into_parts();
        match read_body(body, limit).await {
            Ok(bytes) => next.run(Request::from_parts(parts, axum::body::Body::from(bytes))).await,
            Err(e) => {
                let mut resp = e.into_response();
                // What was not read of an over-long body makes the
                // connection unusable: say so.
                resp.headers_mut()
                    .insert(axum::http::header::CONNECTION, HeaderValue::from_static("close"));
                resp
            }
        }
    };
    let resp = match tokio::time::timeout(timeout, work).await {
        Ok(r) => r,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the request took longer than {} ms", app.config.request_timeout_ms),
        )
        .into_response(),
    };
    let secs = start.elapsed().as_secs_f64();
    let status = resp.status().as_u16();
    app.metrics.record(&route, status, secs);
    tracing::info!(
        request_id = %request_id,
        method = %method,
        route = %route,
        status,
        latency_ms = secs * 1e3,
        "request"
    );
    resp
}

fn panic_response(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown");
    tracing::error!(panic = %what, "a request handler panicked");
    ApiError::internal("internal error (the server logged it)").into_response()
}

/// The router with every endpoint and layer.
pub fn router(app: Arc<App>) -> Router {
    with_layers(routes::routes(), app)
}

/// Adds the fallbacks and layers (request ids, panic catching, body limit,
/// timeout, metrics and logs) to routes.
fn with_layers(routes: Router<Arc<App>>, app: Arc<App>) -> Router {
    let x_request_id = HeaderName::from_static("x-request-id");
    let ids = Ids { prefix: id_prefix(), next: Arc::new(AtomicU64::new(1)) };
    routes
        .fallback(|| async { ApiError::not_found("no such endpoint (see /openapi.json)") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this endpoint does not take that method (see /openapi.json)",
            )
        })
        .layer(axum::middleware::from_fn_with_state(app.clone(), observe))
        .layer(DefaultBodyLimit::max(app.config.max_body_bytes))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panic_response))
        .layer(PropagateRequestIdLayer::new(x_request_id.clone()))
        .layer(SetRequestIdLayer::new(x_request_id, ids))
        .with_state(app)
}

/// Sets up JSON logs on stderr (`VETO_LOG` or `RUST_LOG` filter, default
/// `info`). Safe to call twice.
pub fn init_logging() {
    let filter = std::env::var("VETO_LOG")
        .or_else(|_| std::env::var("RUST_LOG"))
        .unwrap_or_else(|_| "info".to_string());
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .with_current_span(false)
        .try_init();
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

/// Binds, prints `listening on http://ADDR` on stderr, loads the lists in the
/// background (`/readyz` says 503 until they are), and serves until
/// SIGINT/SIGTERM.
///
/// # Errors
///
/// Key rules, bind failure, or the first load failing.
pub async fn serve(config: Config, loader: LoadFn) -> Result<()> {
    let app = App::new(config, loader)?;
    let listener = tokio::net::TcpListener::bind(app.config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", app.config.listen))?;
    let addr = listener.local_addr().context("cannot read the bound address")?;
    let (api, admin) = app.keys.counts();
    eprintln!("veto: listening on http://{addr}");
    tracing::info!(
        addr = %addr,
        api_keys = api,
        admin_keys = admin,
        open = app.keys.is_empty(),
        "listening on http://{addr}"
    );
    let (fail_tx, mut fail_rx) = tokio::sync::oneshot::channel::<anyhow::Error>();
    {
        let app = app.clone();
        tokio::spawn(async move {
            let start = Instant::now();
            match load_in_background(app.loader.clone()).await {
                Ok(Ok(loaded)) => {
                    let entities = loaded.entity_count();
                    let lists = loaded.lists.len();
                    app.install(loaded);
                    tracing::info!(
                        entities,
                        lists,
                        took_ms = start.elapsed().as_millis() as u64,
                        "lists loaded; ready"
                    );
                }
                Ok(Err(e)) => {
                    let _ = fail_tx.send(e.context("cannot load the lists"));
                }
                Err(e) => {
                    let _ = fail_tx.send(anyhow::anyhow!("loading the lists panicked: {e}"));
                }
            }
        });
    }
    let server =
        axum::serve(listener, router(app.clone())).with_graceful_shutdown(shutdown_signal());
    tokio::select! {
        r = server => r.context("server error")?,
        Ok(e) = &mut fail_rx => return Err(e),
    }
    Ok(())
}

#[cfg(test)]
mod tests;
