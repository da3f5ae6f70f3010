//! Prometheus metrics, hand-written in the text exposition format:
//! request counts per route and status, a latency histogram per route, the
//! snapshot version and reload counts.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Latency histogram bucket bounds, in seconds.
const BUCKETS: [f64; 14] =
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

#[derive(Debug, Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Debug, Default)]
struct Inner {
    requests: BTreeMap<(String, u16), u64>,
    latency: BTreeMap<String, Histogram>,
}

/// The server's metrics.
#[derive(Debug, Default)]
pub struct Metrics {
    inner: Mutex<Inner>,
    /// The served snapshot version (0 before the first load).
    pub snapshot_version: AtomicU64,
    /// Successful reloads.
    pub reloads_ok: AtomicU64,
    /// Failed reloads.
    pub reloads_failed: AtomicU64,
    /// Entities in the served snapshot.
    pub entities: AtomicU64,
}

impl Metrics {
    /// Records one finished request.
    pub fn record(&self, route: &str, status: u16, seconds: f64) {
        let Ok(mut m) = self.inner.lock() else { return };
        *m.requests.entry((route.to_string(), status)).or_insert(0) += 1;
        let h = m.latency.entry(route.to_string()).or_default();
        h.count += 1;
        h.sum += seconds;
        for (i, b) in BUCKETS.iter().enumerate() {
            if seconds <= *b {
                h.counts[i] += 1;
            }
        }
    }

    /// The exposition text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
        out.push_str("# HELP veto_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE veto_http_requests_total counter\n");
        if let Ok(m) = self.inner.lock() {
            for ((route, status), n) in &m.requests {
                let _ = writeln!(
                    out,
                    "veto_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                    esc(route)
                );
            }
            out.push_str("# HELP veto_http_request_duration_seconds Request latency by route.\n");
            out.push_str("# TYPE veto_http_request_duration_seconds histogram\n");
            for (route, h) in &m.latency {
                let r = esc(route);
                for (i, b) in BUCKETS.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "veto_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"{b}\"}} {}",
                        h.counts[i]
                    );
                }
                let _ = writeln!(
                    out,
                    "veto_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"+Inf\"}} {}",
                    h.count
                );
                let _ = writeln!(
                    out,
                    "veto_http_request_duration_seconds_sum{{route=\"{r}\"}} {}",
                    h.sum
                );
                let _ = writeln!(
                    out,
                    "veto_http_request_duration_seconds_count{{route=\"{r}\"}} {}",
                    h.count
                );
            }
        }
        let gauge = |out: &mut String, name: &str, help: &str, kind: &str, v: u64| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {v}");
        };
        gauge(
            &mut out,
            "veto_snapshot_version",
            "Version of the served list snapshot (1 = first load, +1 per reload).",
            "gauge",
            self.snapshot_version.load(Ordering::Relaxed),
        );
        gauge(
            &mut out,
            "veto_snapshot_entities",
            "Entities in the served snapshot.",
            "gauge",
            self.entities.load(Ordering::Relaxed),
        );
        out.push_str("# HELP veto_reloads_total List reloads by outcome.\n");
        out.push_str("# TYPE veto_reloads_total counter\n");
        let _ = writeln!(
            out,
            "veto_reloads_total{{outcome=\"ok\"}} {}",
            self.reloads_ok.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "veto_reloads_total{{outcome=\"failed\"}} {}",
            self.reloads_failed.load(Ordering::Relaxed)
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exposition() {
        let m = Metrics::default();
        m.record("/v1/screen", 200, 0.0007);
        m.record("/v1/screen", 200, 0.02);
        m.record("/v1/screen", 400, 0.0001);
        let text = m.render();
        assert!(text.contains("veto_http_requests_total{route=\"/v1/screen\",status=\"200\"} 2"));
        assert!(text.contains("veto_http_requests_total{route=\"/v1/screen\",status=\"400\"} 1"));
        assert!(text.contains(
            "veto_http_request_duration_seconds_bucket{route=\"/v1/screen\",le=\"0.001\"} 2"
        ));
        assert!(text.contains(
            "veto_http_request_duration_seconds_bucket{route=\"/v1/screen\",le=\"+Inf\"} 3"
        ));
        assert!(text.contains("veto_snapshot_version 0"));
    }
}
