//! `veto entity ID`: print one entity.

use anyhow::{bail, Result};
use veto_model::{Entity, EntityId};

use crate::args::{Cli, EntityArgs, OutputFormat};
use crate::output::{compact, print_json};
use crate::{home, Outcome};

/// Runs `veto entity`.
pub fn run(cli: &Cli, args: &EntityArgs) -> Result<Outcome> {
    let Some(id) = EntityId::parse(&args.id) else {
        bail!(
            "'{}' is not an entity id: expected <source>:<native id>, e.g. us_ofac_sdn:35096",
            args.id
        );
    };
    let snap = home::load_snapshot(cli)?;
    let Some(entity) = snap.get(&id) else {
        bail!("no entity {id} in the loaded lists (see `veto lists`)");
    };
    match args.format {
        OutputFormat::Json => print_json(&compact(serde_json::to_value(entity)?))?,
        OutputFormat::Table => print_text(entity),
    }
    Ok(Outcome::Found)
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("; ")
}

/// Prints an entity as readable text.
pub fn print_text(e: &Entity) {
    println!("{}  {}  [{}]", e.id, e.primary_name().unwrap_or("(no name)"), e.kind);
    for n in &e.names {
        let script = n.script.map(|s| format!(" ({s:?})")).unwrap_or_default();
        println!("  name {:<16} {}{script}", n.role.as_str(), n.full);
    }
    let field = |label: &str, v: String| {
        if !v.is_empty() {
            println!("  {label:<14} {v}");
        }
    };
    field("born", join(&e.birth_dates));
    field("birth place", e.birth_places.join("; "));
    field("nationality", join(&e.nationalities));
    field("citizenship", join(&e.citizenships));
    field("countries", join(&e.countries));
    field("gender", e.gender.map(|g| format!("{g:?}").to_lowercase()).unwrap_or_default());
    field("position", e.positions.join("; "));
    field(
        "programs",
        e.programs
            .iter()
            .map(|p| match p.listed_on {
                Some(d) => format!("{} (listed {d})", p.code),
                None => p.code.clone(),
            })
            .collect::<Vec<_>>()
            .join("; "),
    );
    if let Some(d) = e.listed_on {
        field("listed on", d.to_string());
    }
    for m in &e.measures {
        let mut s = format!("{:?}", m.kind);
        if let Some(a) = &m.authority {
            s.push_str(&format!(" {a}"));
        }
        if let Some(d) = &m.directive {
            s.push_str(&format!(" directive {d}"));
        }
        field("measure", format!("{s}: {}", m.text));
    }
    for i in &e.identifiers {
        let c = i.country.map(|c| format!(" ({c})")).unwrap_or_default();
        let label = if i.label.is_empty() { format!("{:?}", i.kind) } else { i.label.clone() };
        field("identifier", format!("{label} {}{c}", i.value));
    }
    for a in &e.addresses {
        field("address", a.full.clone());
    }
    for r in &e.relations {
        let t = r.target_id.as_ref().map(|t| format!(" [{t}]")).unwrap_or_default();
        field("relation", format!("{:?} {}{t}", r.kind, r.target_name));
    }
    if let Some(v) = &e.vessel {
        field(
            "vessel",
            serde_json::to_string(&compact(serde_json::to_value(v).unwrap_or_default()))
                .unwrap_or_default(),
        );
    }
    if let Some(a) = &e.aircraft {
        field(
            "aircraft",
            serde_json::to_string(&compact(serde_json::to_value(a).unwrap_or_default()))
                .unwrap_or_default(),
        );
    }
    for r in &e.remarks {
        field("remarks", r.clone());
    }
    let line = e.provenance.line.map(|l| format!(", line {l}")).unwrap_or_default();
    println!("  source         {} record {}{line}", e.provenance.file, e.provenance.record);
}
