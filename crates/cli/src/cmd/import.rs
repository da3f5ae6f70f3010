//! `veto import`: parse list files and store them as new versions.

use anyhow::{Context, Result};
use serde_json::json;
use veto_lists::{Options, Parsed};
use veto_store::{ImportSummary, NewList};

use crate::args::{Cli, ImportArgs, OutputFormat};
use crate::output::{count, print_json};
use crate::{home, Outcome};

/// Runs `veto import`.
pub fn run(cli: &Cli, args: &ImportArgs) -> Result<Outcome> {
    let opts = Options { lenient: args.lenient, format: args.format, source: args.source };
    let parsed = if args.default {
        home::parse_default()?
    } else {
        veto_lists::parse_paths(&args.files, &opts)
            .context("import failed, the store is unchanged")?
    };
    report_skipped(&parsed);
    if args.dry_run {
        print_report(&parsed, None, args.output, None)?;
        return Ok(Outcome::Found);
    }
    let summary = store_lists(cli, &parsed)?;
    let dir = home::store_dir(cli.store.as_ref())?;
    print_report(&parsed, Some(&summary), args.output, Some(&dir))?;
    Ok(Outcome::Found)
}

/// Stores parsed lists, atomically.
pub fn store_lists(cli: &Cli, parsed: &[Parsed]) -> Result<ImportSummary> {
    let mut store = home::open_store(cli)?;
    let lists = parsed
        .iter()
        .map(|p| NewList { meta: p.meta.clone(), entities: p.entities.clone() })
        .collect();
    store.import(lists).with_context(|| {
        format!("cannot write store {}; the store is unchanged", store.dir().display())
    })
}

/// Prints every record skipped in lenient mode to stderr.
pub fn report_skipped(parsed: &[Parsed]) {
    for p in parsed {
        for e in &p.skipped {
            eprintln!("veto: skipped: {e}");
        }
    }
}

/// Prints what was imported.
pub fn print_report(
    parsed: &[Parsed],
    summary: Option<&ImportSummary>,
    format: OutputFormat,
    dir: Option<&std::path::Path>,
) -> Result<()> {
    if format == OutputFormat::Json {
        let lists: Vec<_> = parsed
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let outcome = summary.and_then(|s| s.lists.get(i));
                json!({
                    "list": p.meta.key.to_string(),
                    "meta": p.meta,
                    "entities": p.entities.len(),
                    "skipped": p.skipped.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
                    "version": outcome.map(|o| o.list.version.clone()),
                    "content_hash": outcome.map(|o| o.list.content_hash.clone()),
                    "activated": outcome.map(|o| o.activated),
                    "replaced": outcome.and_then(|o| o.replaced.clone()),
                    "changes": outcome.and_then(|o| o.diff.as_ref()).map(|d| json!({
                        "added": d.added.len(), "removed": d.removed.len(), "changed": d.changed.len()
                    })),
                })
            })
            .collect();
        return print_json(&json!({
            "import": summary.map(|s| s.id),
            "store": dir.map(|d| d.display().to_string()),
            "lists": lists,
        }));
    }
    match (summary, dir) {
        (Some(s), Some(d)) => println!("import #{} into {}", s.id, d.display()),
        _ => println!("dry run: nothing stored"),
    }
    for (i, p) in parsed.iter().enumerate() {
        let m = &p.meta;
        let date = m.data_date.map_or_else(|| "undated".to_string(), |d| d.to_string());
        let from = m.data_date_from.as_deref().map(|f| format!(" (from {f})")).unwrap_or_default();
        println!("{}  [{}]  data date {date}{from}", m.key, m.format);
        let kinds: Vec<String> =
            m.counts.iter().map(|(k, n)| format!("{k} {}", count(*n as u64))).collect();
        println!(
            "  {} entities ({}) from {} records",
            count(p.entities.len() as u64),
            kinds.join(", "),
            count(m.records)
        );
        for f in &m.files {
            println!("  file {} ({} bytes, sha256 {})", f.path, count(f.bytes), f.sha256);
        }
        if !m.unstructured.is_empty() {
            let u: Vec<String> =
                m.unstructured.iter().map(|(k, n)| format!("{k} {}", count(*n))).collect();
            println!("  kept as text only (could not be structured): {}", u.join(", "));
        }
        if !p.skipped.is_empty() {
            println!("  SKIPPED {} bad records (listed on stderr)", p.skipped.len());
        }
        if let Some(o) = summary.and_then(|s| s.lists.get(i)) {
            if !o.activated {
                println!("  stored as {} (not active: a newer version was given)", o.list.version);
            } else {
                match (&o.replaced, &o.diff) {
                    (Some(old), Some(d)) => println!(
                        "  active as {}, replacing {old}: {} added, {} removed, {} changed",
                        o.list.version,
                        count(d.added.len() as u64),
                        count(d.removed.len() as u64),
                        count(d.changed.len() as u64)
                    ),
                    (Some(old), None) => {
                        println!("  active as {}, replacing {old}", o.list.version)
                    }
                    _ => println!("  active as {}", o.list.version),
                }
            }
        }
    }
    Ok(())
}
