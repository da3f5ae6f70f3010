//! veto's benchmark harness. Each benchmark checks its own answer (entity
//! counts, expected hits) so that a wrong build fails instead of looking
//! fast, and prints medians with the machine it ran on.
//!
//! ```text
//! cargo build --release -p veto -p veto-bench
//! target/release/veto-bench import        # import all shipped lists, 5 runs
//! target/release/veto-bench load          # load the stored snapshot, 5 runs
//! target/release/veto-bench quality       # variant and negative sets
//! target/release/veto-bench nomenklatura  # 826 labelled name pairs
//! target/release/veto-bench cross-script  # non-Latin queries
//! target/release/veto-bench speed         # latency, throughput, build, RSS
//! target/release/veto-bench scan          # veto scan: recall, false mentions, MB/s
//! target/release/veto-bench scan-corpus DIR [SCALE]  # write the scan corpus for `veto scan DIR` (VETO_SCAN_SEED: another draw)
//! target/release/veto-bench flow-corpus DIR [MB]  # write the benchmark's payment flow (50 MB) for `veto scan DIR`
//! target/release/veto-bench scan-files DIR... # one thread's MB per CPU-second on the files of each DIR
//! target/release/veto-bench press [DIR]  # veto scan on hand-written press texts (bench/press): recall, other mentions
//! target/release/veto-bench http [--connections 1,8,64] [--duration 10] [--warmup 2]
//!     [--reload-every 1] [--soak 300 --rss-every 10]   # veto serve under load
//! target/release/veto-bench all           # everything
//! target/release/veto-bench screen [--latin] NAME...  # top hits on the benchmark corpus, explained
//! ```

// As the `veto` binary: its allocator is part of what is measured.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod http;
mod import;
mod machine;
mod quality;
mod rng;
mod scan;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|r| r.parse().ok())
        .unwrap_or(5usize);
    println!("machine: {}", machine::describe());
    match args.first().map(String::as_str) {
        Some("import") => import::bench_import(runs),
        Some("load") => import::bench_load(runs),
        Some("quality") => quality::bench_quality(
            args.iter().position(|a| a == "--per-category").and_then(|i| args.get(i + 1)).and_then(|r| r.parse().ok()).unwrap_or(200),
        ),
        Some("nomenklatura") => quality::bench_nomenklatura(),
        Some("screen") => quality::debug_screen(&args[1..]),
        Some("cross-script") => quality::bench_cross_script(),
        Some("speed") => quality::bench_speed(runs),
        Some("scan") => scan::bench_scan(runs),
        Some("scan-files") => {
            let dirs: Vec<String> = args[1..]
                .iter()
                .enumerate()
                .filter(|&(i, a)| a != "--runs" && args[i] != "--runs")
                .map(|(_, a)| a.clone())
                .collect();
            scan::bench_scan_files(&dirs, runs)
        }
        Some("press") => {
            let dir = args.get(1).map_or("bench/press", String::as_str);
            scan::bench_press(std::path::Path::new(dir))
        }
        Some("scan-corpus") => {
            let dir = args.get(1).map_or("scan-corpus", String::as_str);
            let scale = number_arg(&args, 2, 25, "scale")?;
            scan::write_corpus(std::path::Path::new(dir), &quality::corpus()?, scale)
        }
        Some("flow-corpus") => {
            let dir = args.get(1).map_or("flow-corpus", String::as_str);
            let mb = number_arg(&args, 2, 50, "size in MB")?;
            scan::write_flow(std::path::Path::new(dir), &quality::corpus()?, mb)
        }
        Some("http") => http::bench_http(&http::HttpArgs::parse(&args)?),
        Some("all") | None => {
            import::bench_import(runs)?;
            import::bench_load(runs)?;
            quality::bench_quality(200)?;
            quality::bench_nomenklatura()?;
            quality::bench_cross_script()?;
            quality::bench_speed(runs)
        }
        Some(other) => bail!(
            "unknown benchmark '{other}' (import, load, quality, nomenklatura, cross-script, speed, scan, scan-corpus, flow-corpus, scan-files, press, http, all)"
        ),
    }
}

/// The median of durations in milliseconds.
pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    let n = xs.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// The `p`-th percentile (0..=100) of values.
pub fn percentile(xs: &[f64], p: f64) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return f64::NAN;
    }
    let idx = ((p / 100.0) * (v.len() - 1) as f64).round() as usize;
    v[idx.min(v.len() - 1)]
}

/// Peak resident set size of this process, in MB.
pub fn peak_rss_mb() -> f64 {
    // SAFETY: getrusage only writes into the struct passed.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut u);
        u.ru_maxrss as f64 / 1024.0
    }
}

/// CPU time used so far by the calling thread, in seconds: unlike wall time,
/// it does not grow when other processes share the cores.
pub fn thread_cpu_secs() -> f64 {
    // SAFETY: clock_gettime only writes into the struct passed.
    unsafe {
        let mut t: libc::timespec = std::mem::zeroed();
        libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t);
        t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
    }
}

/// Argument `i` as a number, `default` when absent; `what` names it in the error.
fn number_arg(args: &[String], i: usize, default: usize, what: &str) -> Result<usize> {
    match args.get(i) {
        Some(s) => s.parse().map_err(|_| anyhow::anyhow!("{what} '{s}': not a number")),
        None => Ok(default),
    }
}
