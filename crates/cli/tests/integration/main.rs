//! End-to-end tests: each runs the real `veto` binary in a fresh store.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

mod import;
mod scan;
mod screen;
mod serve;
mod update;
