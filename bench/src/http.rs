//! `veto-bench http`: a load test of `veto serve` over loopback.
//!
//! Starts the release binary (`veto serve --listen 127.0.0.1:0`) on a fresh
//! store (the embedded default lists: OFAC SDN, OFAC Consolidated, UN, UK),
//! waits for `/readyz`, then drives `POST /v1/screen` from N keep-alive
//! HTTP/1.1 connections (hyper client, one task per connection, each
//! sending its next request when the previous answer is in: closed loop).
//! Queries are realistic: the quality benchmark's variants of real listed
//! names (typos, reordering, dropped names, initials, transliterations,
//! other scripts, legal forms, birth dates) and unlisted real names.
//!
//! Every response must be 200 with a `hits` array; anything else (status,
//! transport error, timeout) is counted as an error. With `--reload-every
//! S`, a separate connection posts `/v1/lists/reload` every S seconds during
//! the highest-connection run, and the run must still have zero errors.
//! `--soak S` runs S seconds at the highest connection count and samples
//! the server's RSS (from /proc/PID/status) every `--rss-every` seconds.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};

use crate::percentile;

/// Load test settings.
pub struct HttpArgs {
    /// Connection counts, one run each.
    pub connections: Vec<usize>,
    /// Measured seconds per run.
    pub duration: u64,
    /// Unmeasured seconds before each run.
    pub warmup: u64,
    /// Reload every this many seconds during an extra run at the highest
    /// connection count (0: no reload run).
    pub reload_every: u64,
    /// Seconds of soak at the highest connection count (0: none).
    pub soak: u64,
    /// RSS sampling interval during the soak.
    pub rss_every: u64,
}

impl HttpArgs {
    /// Reads `--connections 1,8,64 --duration 10 --warmup 2 --reload-every 1
    /// --soak 300 --rss-every 10` (all optional).
    pub fn parse(args: &[String]) -> Result<HttpArgs> {
        let get = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
        let num = |name: &str, default: u64| -> Result<u64> {
            get(name).map_or(Ok(default), |v| {
                v.parse().with_context(|| format!("{name} must be a number, got '{v}'"))
            })
        };
        let connections = match get("--connections") {
            None => vec![1, 8, 64],
            Some(v) => v
                .split(',')
                .map(|c| c.trim().parse().with_context(|| format!("bad --connections '{v}'")))
                .collect::<Result<_>>()?,
        };
        Ok(HttpArgs {
            connections,
            duration: num("--duration", 10)?,
            warmup: num("--warmup", 2)?,
            reload_every: num("--reload-every", 0)?,
            soak: num("--soak", 0)?,
            rss_every: num("--rss-every", 10)?,
        })
    }
}

/// The server under test; killed by PID when dropped.
struct Server {
    child: Child,
    addr: String,
    _store: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server() -> Result<Server> {
    let bin: PathBuf = crate::import::veto_bin()?;
    let store = tempfile::tempdir().context("temp store")?;
    // The server logs one JSON line per request: to a file, as a deployed
    // server would, rather than through a pipe this process must drain.
    let log_path = store.path().join("serve.log");
    let log = std::fs::File::create(&log_path).context("log file")?;
    let child = Command::new(&bin)
        .arg("--store")
        .arg(store.path().join("store"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("VETO_API_KEYS")
        .env_remove("VETO_ADMIN_KEYS")
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .with_context(|| format!("cannot start {}", bin.display()))?;
    let t = Instant::now();
    let addr = loop {
        let text = std::fs::read_to_string(&log_path).unwrap_or_default();
        if let Some(rest) = text.split("listening on http://").nth(1) {
            break rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                .collect::<String>();
        }
        if t.elapsed() > Duration::from_secs(120) {
            bail!("the server did not say where it listens:\n{text}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ok(Server { child, addr, _store: store })
}

/// The 1-minute load average: the machine is shared, and other work on it
/// shows in the numbers.
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(String::from))
        .unwrap_or_else(|| "?".into())
}

fn rss_mb(pid: u32) -> Option<f64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: f64 =
        s.lines().find(|l| l.starts_with("VmRSS:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The request bodies: variants of real listed names and unlisted names.
fn bodies() -> Result<Vec<Bytes>> {
    let entities = crate::quality::corpus()?;
    let mut cases = crate::quality::variant_cases(&entities, 100, 0x5eed);
    cases.extend(crate::quality::negative_cases(&entities)?);
    let mut rng = crate::rng::Rng::new(7);
    let mut out: Vec<Bytes> = cases
        .iter()
        .map(|c| {
            let q = &c.query;
            let mut v = json!({"name": q.name});
            if let Some(k) = q.kind {
                v["kind"] = json!(k.as_str());
            }
            if let Some(d) = q.birth_date {
                v["birth_date"] = json!(d.to_string());
            }
            if let Some(c) = q.country {
                v["country"] = json!(c.code());
            }
            Bytes::from(v.to_string())
        })
        .collect();
    // Shuffle so that every connection sees the mix.
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i + 1));
    }
    Ok(out)
}

type Sender = http1::SendRequest<Full<Bytes>>;

async fn connect(addr: &str) -> Result<Sender> {
    let stream = tokio::net::TcpStream::connect(addr).await.context("connect")?;
    stream.set_nodelay(true)?;
    let (sender, conn) = http1::handshake(TokioIo::new(stream)).await.context("handshake")?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(sender)
}

async fn request(
    sender: &mut Sender,
    addr: &str,
    method: &str,
    path: &str,
    body: Bytes,
) -> Result<(u16, Bytes)> {
    sender.ready().await.context("connection closed")?;
    let req = hyper::Request::builder()
        .method(method)
        .uri(path)
        .header("host", addr)
        .header("content-type", "application/json")
        .body(Full::new(body))?;
    let resp = tokio::time::timeout(Duration::from_secs(30), sender.send_request(req))
        .await
        .context("timeout")??;
    let status = resp.status().as_u16();
    let bytes = resp.into_body().collect().await?.to_bytes();
    Ok((status, bytes))
}

/// One run's results.
struct Run {
    connections: usize,
    seconds: f64,
    latencies_us: Vec<f64>,
    errors: u64,
    reloads: u64,
    reload_errors: u64,
    rss: Vec<(u64, f64)>,
    load_before: String,
}

impl Run {
    fn line(&self) -> String {
        let n = self.latencies_us.len();
        let ms = |p: f64| percentile(&self.latencies_us, p) / 1000.0;
        let max = self.latencies_us.iter().copied().fold(0.0, f64::max) / 1000.0;
        format!(
            "{:>4} conns: {:>7.0} req/s  p50 {:>6.2} ms  p99 {:>6.2} ms  max {:>7.2} ms  requests {n}  errors {}  (load avg before {})",
            self.connections,
            n as f64 / self.seconds,
            ms(50.0),
            ms(99.0),
            max,
            self.errors,
            self.load_before
        )
    }
}

/// One run's shape.
#[derive(Clone, Copy)]
struct Load {
    conns: usize,
    warmup: u64,
    seconds: u64,
    reload_every: u64,
    rss_every: u64,
}

/// Drives `conns` connections for `warmup` + `seconds`; measures the
/// latter.
async fn run(addr: &str, pid: u32, bodies: Arc<Vec<Bytes>>, load: Load) -> Result<Run> {
    let Load { conns, warmup, seconds, reload_every, rss_every } = load;
    let load_before = loadavg();
    let start = Instant::now() + Duration::from_secs(warmup);
    let end = start + Duration::from_secs(seconds);
    let errors = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for c in 0..conns {
        let bodies = bodies.clone();
        let errors = errors.clone();
        let addr = addr.to_string();
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(1 << 16);
            let mut sender = match connect(&addr).await {
                Ok(s) => s,
                Err(_) => {
                    errors.fetch_add(1, Ordering::Relaxed);
                    return lat;
                }
            };
            let mut i = c * 7919;
            loop {
                let t = Instant::now();
                if t >= end {
                    break;
                }
                let body = bodies[i % bodies.len()].clone();
                i += 1;
                let ok = match request(&mut sender, &addr, "POST", "/v1/screen", body).await {
                    Ok((200, b)) => b.windows(7).any(|w| w == b"\"hits\":"),
                    Ok(_) => false,
                    Err(_) => {
                        // Count it, and carry on on a new connection.
                        if let Ok(s) = connect(&addr).await {
                            sender = s;
                        }
                        false
                    }
                };
                if t >= start {
                    if ok {
                        lat.push(t.elapsed().as_secs_f64() * 1e6);
                    } else {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            lat
        }));
    }
    let done = Arc::new(AtomicBool::new(false));
    // Reloads on their own connection.
    let reloader = (reload_every > 0).then(|| {
        let addr = addr.to_string();
        let done = done.clone();
        tokio::spawn(async move {
            let (mut ok, mut failed) = (0u64, 0u64);
            tokio::time::sleep_until(start.into()).await;
            let Ok(mut sender) = connect(&addr).await else { return (0, 1) };
            while !done.load(Ordering::Relaxed) && Instant::now() < end {
                let t = Instant::now();
                match request(&mut sender, &addr, "POST", "/v1/lists/reload", Bytes::new()).await {
                    Ok((200, _)) => ok += 1,
                    _ => failed += 1,
                }
                let next = t + Duration::from_secs(reload_every);
                if next > Instant::now() {
                    tokio::time::sleep_until(next.into()).await;
                }
            }
            (ok, failed)
        })
    });
    let sampler = {
        let done = done.clone();
        tokio::spawn(async move {
            let mut rss = Vec::new();
            let t0 = Instant::now();
            let every = Duration::from_secs(rss_every.max(1));
            while !done.load(Ordering::Relaxed) {
                if let Some(mb) = rss_mb(pid) {
                    rss.push((t0.elapsed().as_secs(), mb));
                }
                tokio::time::sleep(every.min(
                    end.saturating_duration_since(Instant::now()) + Duration::from_millis(10),
                ))
                .await;
            }
            if let Some(mb) = rss_mb(pid) {
                rss.push((t0.elapsed().as_secs(), mb));
            }
            rss
        })
    };
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await?);
    }
    done.store(true, Ordering::Relaxed);
    let (reloads, reload_errors) = match reloader {
        Some(r) => r.await?,
        None => (0, 0),
    };
    let rss = sampler.await?;
    Ok(Run {
        connections: conns,
        seconds: seconds as f64,
        latencies_us: latencies,
        errors: errors.load(Ordering::Relaxed),
        reloads,
        reload_errors,
        rss,
        load_before,
    })
}

/// Runs the load test and writes the record.
pub fn bench_http(args: &HttpArgs) -> Result<()> {
    let bodies = Arc::new(bodies()?);
    let server = start_server()?;
    let addr = server.addr.clone();
    let pid = server.child.id();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .context("runtime")?;
    let mut report = Vec::new();
    let mut say = |s: String| {
        println!("{s}");
        report.push(s);
    };
    say(format!("machine: {}", crate::machine::describe()));
    say(format!(
        "veto serve (release) on {addr}; POST /v1/screen, {} distinct realistic queries; closed loop, HTTP/1.1 keep-alive; load generator in the same machine (1 tokio thread)",
        bodies.len()
    ));
    let max_conns = args.connections.iter().copied().max().unwrap_or(64);
    rt.block_on(async {
        // Ready, and right.
        let t = Instant::now();
        loop {
            if let Ok(mut s) = connect(&addr).await {
                if let Ok((200, _)) = request(&mut s, &addr, "GET", "/readyz", Bytes::new()).await {
                    break;
                }
            }
            if t.elapsed() > Duration::from_secs(180) {
                bail!("the server was not ready within 180 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        say(format!(
            "ready after {:.1} s (fresh store: imports the embedded lists, builds the index)",
            t.elapsed().as_secs_f64()
        ));
        let mut s = connect(&addr).await?;
        let (status, b) = request(
            &mut s,
            &addr,
            "POST",
            "/v1/screen",
            Bytes::from_static(br#"{"name": "Vladimir Putin"}"#),
        )
        .await?;
        let v: Value = serde_json::from_slice(&b)?;
        let top = v["hits"][0]["entity_id"].as_str().unwrap_or("");
        if status != 200 || !["us_ofac_sdn:35096", "uk_ofsi:14196"].contains(&top) {
            bail!("wrong answer for Vladimir Putin: {status} {v}");
        }
        say(format!("server RSS after load: {:.0} MB", rss_mb(pid).unwrap_or(0.0)));
        for &c in &args.connections {
            let r = run(
                &addr,
                pid,
                bodies.clone(),
                Load {
                    conns: c,
                    warmup: args.warmup,
                    seconds: args.duration,
                    reload_every: 0,
                    rss_every: 60,
                },
            )
            .await?;
            say(r.line());
        }
        if args.reload_every > 0 {
            let r = run(
                &addr,
                pid,
                bodies.clone(),
                Load {
                    conns: max_conns,
                    warmup: args.warmup,
                    seconds: args.duration,
                    reload_every: args.reload_every,
                    rss_every: 60,
                },
            )
            .await?;
            say(format!(
                "{}  [reload every {} s: {} reloads, {} failed]",
                r.line(),
                args.reload_every,
                r.reloads,
                r.reload_errors
            ));
        }
        if args.soak > 0 {
            let r = run(
                &addr,
                pid,
                bodies.clone(),
                Load {
                    conns: max_conns,
                    warmup: 0,
                    seconds: args.soak,
                    reload_every: 0,
                    rss_every: args.rss_every,
                },
            )
            .await?;
            say(format!("soak {} s: {}", args.soak, r.line()));
            let samples: Vec<String> =
                r.rss.iter().map(|(t, mb)| format!("{t}s {mb:.0}")).collect();
            say(format!("  server RSS (MB) every {} s: {}", args.rss_every, samples.join(", ")));
            if let (Some(first), Some(max)) =
                (r.rss.first(), r.rss.iter().map(|x| x.1).reduce(f64::max))
            {
                say(format!(
                    "  RSS first {:.0} MB, last {:.0} MB, max {max:.0} MB",
                    first.1,
                    r.rss.last().map_or(0.0, |x| x.1)
                ));
            }
        }
        Ok(())
    })?;
    drop(server);
    let date = jiff::Zoned::now().date();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("records/amd-epyc-2core");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{date}-http.txt"));
    let cmd: Vec<String> = std::env::args().skip(1).collect();
    let text =
        format!("command: target/release/veto-bench {}\n{}\n", cmd.join(" "), report.join("\n"));
    let previous = std::fs::read_to_string(&path).unwrap_or_default();
    let sep = if previous.is_empty() { "" } else { "\n" };
    std::fs::write(&path, format!("{previous}{sep}{text}"))?;
    println!("record appended to {}", path.display());
    Ok(())
}
