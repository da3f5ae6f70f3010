//! Import and load benchmarks.
//!
//! `import` runs the real `veto import` binary on every shipped list file
//! at once (as a user would), in a fresh store each run, and reports the
//! median wall time and the peak RSS of the child processes. `load` times
//! opening the resulting store and loading its snapshot in-process, which is
//! what every screening command does first.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::median;

/// Every shipped list file, as the import acceptance check lists them.
pub const ALL_FILES: &[&str] = &[
    "ofac/2024-05-03/sdn.csv.gz",
    "ofac/2021-07-07/sdn.csv.gz",
    "ofac/2021-07-07/alt.csv.gz",
    "ofac/2021-07-07/add.csv.gz",
    "ofac/2021-07-07/sdn_comments.csv",
    "ofac-consolidated/csv-2025-12-19/cons_prim.csv",
    "ofac-consolidated/csv-2025-12-19/cons_alt.csv",
    "ofac-consolidated/csv-2025-12-19/cons_add.csv",
    "ofac-consolidated/csv-2025-12-19/cons_comments.csv",
    "ofac-consolidated/consolidated_2026-01-08.xml.gz",
    "ofac-consolidated/CONS_ENHANCED_2025-01-10.ZIP",
    "un/UN_consolidated_2026-02-27.xml.gz",
    "uk/ConList_2025-04-10.csv.gz",
    "us-csl/consolidated.csv.gz",
    "opensanctions/ftm/zala_cluster_entities.ftm.json",
    "opensanctions/ftm/eu_fsf_sample_entities.ftm.json",
    "opensanctions/us_congress_senzing.json.gz",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The release `veto` binary.
pub(crate) fn veto_bin() -> Result<PathBuf> {
    let p = root().join("target/release/veto");
    if !p.exists() {
        bail!("{} not found: run `cargo build --release -p veto` first", p.display());
    }
    Ok(p)
}

fn children_max_rss_kb() -> i64 {
    // SAFETY: getrusage writes into the struct we pass and has no other
    // effect.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
        u.ru_maxrss
    }
}

/// The store a successful import run leaves behind, for `bench_load`.
fn store_dir() -> PathBuf {
    std::env::temp_dir().join("veto-bench-store")
}

/// Imports every shipped list `runs` times into fresh stores.
pub fn bench_import(runs: usize) -> Result<()> {
    let bin = veto_bin()?;
    let files: Vec<PathBuf> = ALL_FILES.iter().map(|f| root().join("data/lists").join(f)).collect();
    let mut times = Vec::new();
    for _ in 0..runs {
        let store = store_dir();
        let _ = std::fs::remove_dir_all(&store);
        let t = Instant::now();
        let out = Command::new(&bin)
            .arg("--store")
            .arg(&store)
            .args(["import", "--output", "json"])
            .args(&files)
            .output()
            .context("run veto import")?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        if !out.status.success() {
            bail!("veto import failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        // Check the answer: the entity counts of every list.
        let report: serde_json::Value = serde_json::from_slice(&out.stdout)?;
        let total: u64 = report["lists"]
            .as_array()
            .context("report")?
            .iter()
            .filter_map(|l| l["entities"].as_u64())
            .sum();
        let expected = 14_965 + 8_976 + 442 + 442 + 443 + 1_003 + 4_686 + 14_160 + 17 + 6 + 1_319;
        if total != expected {
            bail!("imported {total} entities, expected {expected}");
        }
        times.push(ms);
    }
    println!(
        "import all {} shipped files ({} entities): median {:.0} ms over {runs} runs \
         (min {:.0}, max {:.0}); peak RSS {:.0} MB",
        ALL_FILES.len(),
        14_965 + 8_976 + 442 + 442 + 443 + 1_003 + 4_686 + 14_160 + 17 + 6 + 1_319,
        median(times.clone()),
        times.iter().cloned().fold(f64::INFINITY, f64::min),
        times.iter().cloned().fold(0.0, f64::max),
        children_max_rss_kb() as f64 / 1024.0
    );
    Ok(())
}

/// Loads the snapshot stored by `bench_import` `runs` times.
pub fn bench_load(runs: usize) -> Result<()> {
    let store = store_dir();
    if !store.join("manifest.json").exists() {
        bench_import(1)?;
    }
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let snap = veto_store::Store::open(&store)?.load()?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
        n = snap.entities.len();
    }
    let expected = 14_965 + 442 + 1_003 + 4_686 + 14_160 + 17 + 6 + 1_319;
    if n != expected {
        bail!("loaded {n} entities, expected {expected} (active versions only)");
    }
    println!(
        "load stored snapshot ({n} entities in the active lists): median {:.1} ms over {runs} runs",
        median(times)
    );
    Ok(())
}
