//! One module per subcommand; each exposes `run`.

mod compare;
mod diff;
mod entity;
mod import;
mod lists;
mod scan;
mod screen;
mod serve;
mod update;

use anyhow::Result;

use crate::args::{Cli, Command};
use crate::Outcome;

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> Result<Outcome> {
    match &cli.command {
        Command::Import(a) => import::run(&cli, a),
        Command::Lists(a) => lists::run(&cli, a),
        Command::Entity(a) => entity::run(&cli, a),
        Command::Update(a) => update::run(&cli, a),
        Command::Diff(a) => diff::run(&cli, a),
        Command::Screen(a) => screen::run(&cli, a),
        Command::Compare(a) => compare::run(&cli, a),
        Command::Scan(a) => scan::run(&cli, a),
        Command::Serve(a) => serve::run(&cli, a),
    }
}
