//! Where the store is, and getting a snapshot to work on.

use std::path::PathBuf;

use anyhow::{Context, Result};
use veto_store::{NewList, Snapshot, Store};

use crate::args::Cli;

/// The store directory: `--store`, else `$VETO_HOME`, else the user's data
/// directory (`~/.local/share/veto` on Linux).
pub fn store_dir(cli_store: Option<&PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = cli_store {
        return Ok(dir.clone());
    }
    if let Some(dir) = std::env::var_os("VETO_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let base = dirs::data_dir()
        .context("no --store given, VETO_HOME is not set and there is no user data directory")?;
    Ok(base.join("veto"))
}

/// Opens the store named by the command line.
pub fn open_store(cli: &Cli) -> Result<Store> {
    let dir = store_dir(cli.store.as_ref())?;
    Store::open(&dir).with_context(|| format!("cannot open store {}", dir.display()))
}

/// Parses the embedded default lists.
pub fn parse_default() -> Result<Vec<veto_lists::Parsed>> {
    let inputs = crate::embedded::inputs().context("cannot unpack the embedded lists")?;
    veto_lists::parse_inputs(inputs, &veto_lists::Options::default())
        .context("cannot parse the embedded lists")
}

/// Loads the active lists. A store with no lists yet gets the embedded
/// default imported first (and says so on stderr), so that a fresh install
/// screens against real data with no download. If the store cannot be
/// written, the embedded lists are used from memory.
pub fn load_snapshot(cli: &Cli) -> Result<Snapshot> {
    let mut store = open_store(cli)?;
    if store.is_empty() {
        let parsed = parse_default()?;
        let lists: Vec<NewList> =
            parsed.into_iter().map(|p| NewList { meta: p.meta, entities: p.entities }).collect();
        match store.import(lists.clone()) {
            Ok(_) => eprintln!(
                "veto: store {} was empty: imported the embedded default lists \
                 (see `veto lists`)",
                store.dir().display()
            ),
            Err(e) => {
                eprintln!(
                    "veto: warning: store {} is empty and cannot be written ({e}); \
                     using the embedded default lists from memory",
                    store.dir().display()
                );
                return Ok(Snapshot::new(
                    lists.into_iter().map(|l| (l.meta, l.entities)).collect(),
                ));
            }
        }
    }
    store.load().with_context(|| format!("cannot load store {}", store.dir().display()))
}
