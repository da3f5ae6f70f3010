//! Test helpers: a fresh store per test, the real binary, the shipped data.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A shipped list file, relative to `data/lists/`.
pub fn data(rel: &str) -> PathBuf {
    root().join("data/lists").join(rel)
}

/// A test's own store directory and scratch space.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("tempdir") }
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// A scratch file path.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A `veto` command bound to this test's store.
    pub fn veto(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_veto"));
        c.env_remove("VETO_HOME").arg("--store").arg(self.store());
        c
    }

    /// Runs veto with `args`, expecting success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.veto().args(args).output().expect("run veto");
        assert_success(&out, args);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs veto with `args`, expecting exit status 2; returns stderr.
    pub fn err(&self, args: &[&str]) -> String {
        let out = self.veto().args(args).output().expect("run veto");
        assert_eq!(
            out.status.code(),
            Some(2),
            "veto {args:?} should fail\n--- stdout\n{}\n--- stderr\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// Runs veto with `args` and parses stdout as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("bad JSON ({e}):\n{out}"))
    }

    /// The bytes of the store's manifest, or empty if none.
    pub fn manifest(&self) -> Vec<u8> {
        std::fs::read(self.store().join("manifest.json")).unwrap_or_default()
    }
}

pub fn assert_success(out: &Output, args: &[&str]) {
    assert!(
        out.status.success(),
        "veto {args:?} failed ({:?})\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Reads a shipped file, decompressing `.gz`.
pub fn read_data(rel: &str) -> Vec<u8> {
    use std::io::Read;
    let raw = std::fs::read(data(rel)).expect("read data");
    if rel.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).expect("gunzip");
        out
    } else {
        raw
    }
}
