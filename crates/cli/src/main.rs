//! The `veto` command-line tool. Not a library: argument parsing and glue
//! over the `veto-*` crates, which do the work.
//!
//! Exit status: 0 success (for `screen` and `scan`: something was found),
//! 1 nothing found, 2 error.

// Scanning and screening allocate small, short-lived vectors by the million
// on every thread; mimalloc serves them ~10% faster than the system allocator
// (bench/records: `veto-bench scan-files`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod cmd;
mod embedded;
mod home;
mod output;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// What a command reports back, mapped to the exit status.
pub enum Outcome {
    /// Success; for searches, at least one hit.
    Found,
    /// A search found nothing.
    NotFound,
}

fn main() -> ExitCode {
    let args = args::Cli::parse();
    match cmd::run(args) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NotFound) => ExitCode::from(1),
        Err(err) => {
            // A closed pipe (`veto ... | head`) is not an error worth a message.
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            let _ = writeln!(std::io::stderr(), "veto: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
