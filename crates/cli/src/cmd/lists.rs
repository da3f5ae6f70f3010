//! `veto lists`: what the store holds.

use anyhow::Result;
use serde_json::json;

use crate::args::{Cli, ListsArgs, OutputFormat};
use crate::output::{count, print_json};
use crate::{home, Outcome};

/// Runs `veto lists`.
pub fn run(cli: &Cli, args: &ListsArgs) -> Result<Outcome> {
    let mut store = home::open_store(cli)?;
    if store.is_empty() {
        // Same rule as every other command: a fresh store gets the default.
        home::load_snapshot(cli)?;
        store = home::open_store(cli)?;
    }
    let m = store.manifest();
    let rows: Vec<&veto_store::ListRef> =
        if args.all { m.versions.iter().collect() } else { m.active.iter().collect() };
    if args.format == OutputFormat::Json {
        let lists: Vec<_> = rows
            .iter()
            .map(|r| {
                json!({
                    "list": r.meta.key.to_string(),
                    "source": r.meta.key.source,
                    "dataset": r.meta.key.dataset,
                    "version": r.version,
                    "active": m.active.iter().any(|a| a.version == r.version),
                    "format": r.meta.format,
                    "data_date": r.meta.data_date,
                    "data_date_from": r.meta.data_date_from,
                    "entities": r.meta.entity_count(),
                    "counts": r.meta.counts,
                    "records": r.meta.records,
                    "content_hash": r.content_hash,
                    "files": r.meta.files,
                    "imported_at": r.imported_at,
                })
            })
            .collect();
        print_json(&json!({"store": store.dir().display().to_string(), "lists": lists}))?;
        return Ok(Outcome::Found);
    }
    println!("store {}", store.dir().display());
    println!(
        "{:<24} {:<12} {:>9}  {:<18} {:<16} IMPORTED",
        "LIST", "DATA DATE", "ENTITIES", "FORMAT", "CONTENT HASH"
    );
    for r in rows {
        let active = m.active.iter().any(|a| a.version == r.version);
        let date = r.meta.data_date.map_or_else(|| "undated".into(), |d| d.to_string());
        println!(
            "{:<24} {:<12} {:>9}  {:<18} {:<16} {}{}",
            r.meta.key.to_string(),
            date,
            count(r.meta.entity_count() as u64),
            r.meta.format.as_str(),
            &r.content_hash[..r.content_hash.len().min(16)],
            r.imported_at,
            if args.all && !active { "  (inactive)" } else { "" }
        );
    }
    Ok(Outcome::Found)
}
