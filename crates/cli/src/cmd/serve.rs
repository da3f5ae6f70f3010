//! `veto serve`: the screening HTTP API (see the veto-server crate).

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use veto_server::state::{ListInfo, Loaded};
use veto_server::{Config, ConfigFile, LoadFn};
use veto_store::Store;

use crate::args::{Cli, ServeArgs};
use crate::{home, Outcome};

/// Runs `veto serve` until SIGINT or SIGTERM.
pub fn run(cli: &Cli, args: &ServeArgs) -> Result<Outcome> {
    veto_server::init_logging();
    let mut config = Config::new(args.listen);
    if let Some(path) = &args.config {
        let file = ConfigFile::read(path)?;
        if let Some(listen) = &file.listen {
            // The command line wins, unless it was left at its default.
            if args.listen.to_string() == veto_server::DEFAULT_LISTEN {
                config.listen = listen.parse().with_context(|| {
                    format!("{}: invalid listen address '{listen}'", path.display())
                })?;
            }
        }
        config.apply(file);
    }
    config.keys_from_env();
    config.insecure_no_auth = args.insecure_no_auth;
    // Check the key rules before any slow work.
    config.keys()?;
    let loader =
        if args.lists.is_empty() { store_loader(cli)? } else { files_loader(args.lists.clone()) };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(veto_server::serve(config, loader))?;
    Ok(Outcome::Found)
}

/// Serves the store's active lists; each reload reads the store again. A
/// store with no lists gets the embedded default first (as every command
/// does); if it cannot be written, the embedded lists are served from memory.
fn store_loader(cli: &Cli) -> Result<LoadFn> {
    let dir = home::store_dir(cli.store.as_ref())?;
    if home::open_store(cli)?.is_empty() {
        home::load_snapshot(cli)?;
    }
    Ok(Arc::new(move || {
        let store =
            Store::open(&dir).with_context(|| format!("cannot open store {}", dir.display()))?;
        if store.is_empty() {
            let parsed = home::parse_default()?;
            let lists = parsed.iter().map(|p| file_info(&p.meta)).collect();
            let entities = parsed.into_iter().flat_map(|p| p.entities).collect();
            return Ok(Loaded::new(entities, lists));
        }
        let snapshot =
            store.load().with_context(|| format!("cannot load store {}", dir.display()))?;
        let lists = store
            .manifest()
            .active
            .iter()
            .map(|r| ListInfo {
                version: r.version.clone(),
                content_hash: r.content_hash.clone(),
                imported_at: Some(r.imported_at.clone()),
                ..file_info(&r.meta)
            })
            .collect();
        Ok(Loaded::new(snapshot.entities, lists))
    }))
}

/// Serves list files, parsed at start and again on each reload.
fn files_loader(paths: Vec<PathBuf>) -> LoadFn {
    Arc::new(move || {
        let parsed = veto_lists::parse_paths(&paths, &veto_lists::Options::default())
            .context("cannot read --list files")?;
        let lists = parsed.iter().map(|p| file_info(&p.meta)).collect();
        let entities = parsed.into_iter().flat_map(|p| p.entities).collect();
        Ok(Loaded::new(entities, lists))
    })
}

/// What a parsed (not stored) list is; its content hash is computed as the
/// store computes it (SHA-256 over the sorted file hashes).
fn file_info(meta: &veto_model::ListMeta) -> ListInfo {
    ListInfo {
        list: meta.key.to_string(),
        source: meta.key.source,
        dataset: meta.key.dataset.clone(),
        version: "file".to_string(),
        format: meta.format.as_str().to_string(),
        data_date: meta.data_date,
        entities: meta.entity_count(),
        counts: meta.counts.clone(),
        content_hash: veto_store::content_hash(meta),
        imported_at: None,
    }
}
