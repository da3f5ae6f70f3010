//! `veto diff LIST`: what changed between two versions of a list.

use anyhow::{bail, Context, Result};
use serde_json::json;
use veto_store::diff_entities;

use crate::args::{Cli, DiffArgs, OutputFormat};
use crate::output::{count, print_json};
use crate::{home, Outcome};

/// Runs `veto diff`.
pub fn run(cli: &Cli, args: &DiffArgs) -> Result<Outcome> {
    let store = home::open_store(cli)?;
    let m = store.manifest();
    let versions: Vec<&veto_store::ListRef> =
        m.versions.iter().filter(|v| v.meta.key.to_string() == args.list).collect();
    if versions.is_empty() {
        bail!("no stored versions of list '{}' (see `veto lists --all`)", args.list);
    }
    let to = match &args.to {
        Some(v) => v.clone(),
        None => m
            .active
            .iter()
            .find(|a| a.meta.key.to_string() == args.list)
            .map(|a| a.version.clone())
            .context("the list has no active version; give --to")?,
    };
    let from = match &args.from {
        Some(v) => v.clone(),
        None => {
            // The newest other version older than `to` by data date, else
            // the one stored before it.
            let to_ref =
                versions.iter().find(|v| v.version == to).context("unknown --to version")?;
            versions
                .iter()
                .filter(|v| v.version != to && v.meta.data_date <= to_ref.meta.data_date)
                .max_by_key(|v| v.meta.data_date)
                .or_else(|| versions.iter().find(|v| v.version != to))
                .map(|v| v.version.clone())
                .context("only one version of this list is stored: nothing to compare")?
        }
    };
    let (_, old) = store.load_version(&from)?;
    let (_, new) = store.load_version(&to)?;
    let d = diff_entities(&old, &new);
    if args.format == OutputFormat::Json {
        print_json(&json!({"list": args.list, "from": from, "to": to, "diff": d}))?;
        return Ok(Outcome::Found);
    }
    println!(
        "{}: {from} -> {to}: {} added, {} removed, {} changed",
        args.list,
        count(d.added.len() as u64),
        count(d.removed.len() as u64),
        count(d.changed.len() as u64)
    );
    let name = |list: &[veto_model::Entity], id: &veto_model::EntityId| {
        list.iter().find(|e| &e.id == id).and_then(|e| e.primary_name()).unwrap_or("").to_string()
    };
    for id in &d.added {
        println!("+ {id}  {}", name(&new, id));
    }
    for id in &d.removed {
        println!("- {id}  {}", name(&old, id));
    }
    for c in &d.changed {
        println!("~ {}  {}  ({})", c.id, name(&new, &c.id), c.fields.join(", "));
    }
    Ok(if d.is_empty() { Outcome::NotFound } else { Outcome::Found })
}
