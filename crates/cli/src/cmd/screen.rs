//! `veto screen`: one name, or a batch file of queries on all cores.

use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use serde_json::{json, Value};
use veto_matcher::wire::{hit_json, WireQuery};
use veto_matcher::{Matcher, Query, QueryId, ScreenOptions, DEFAULT_THRESHOLD};
use veto_model::Entity;

use crate::args::{Cli, OutputFormat, ScreenArgs};
use crate::output::{print_json, score};
use crate::{home, Outcome};

/// Loads the entities to screen against: `--list` files parsed now, or the
/// store (or the embedded default).
pub fn load_entities(cli: &Cli, lists: &[std::path::PathBuf]) -> Result<Vec<Entity>> {
    if lists.is_empty() {
        Ok(home::load_snapshot(cli)?.entities)
    } else {
        let parsed = veto_lists::parse_paths(lists, &veto_lists::Options::default())
            .context("cannot read --list files")?;
        Ok(parsed.into_iter().flat_map(|p| p.entities).collect())
    }
}

/// Runs `veto screen`.
pub fn run(cli: &Cli, args: &ScreenArgs) -> Result<Outcome> {
    let threshold = args.threshold.unwrap_or(DEFAULT_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        bail!("--threshold must be between 0 and 1, got {threshold}");
    }
    let opts = ScreenOptions { limit: args.limit, threshold };
    let entities = load_entities(cli, &args.lists)?;
    let matcher = Matcher::new(entities);
    if let Some(input) = &args.input {
        return batch(&matcher, input, args.output.as_deref(), &opts);
    }
    let query = Query {
        name: args.name.clone().unwrap_or_default(),
        kind: args.kind,
        birth_date: args.dob,
        country: args.country,
        identifiers: args.ids.iter().map(|s| QueryId::parse(s)).collect(),
    };
    if query.name.trim().is_empty() {
        bail!("the name to screen is empty");
    }
    let hits = matcher.screen(&query, &opts);
    match args.format {
        OutputFormat::Json => {
            let hits: Vec<Value> = hits.iter().map(|h| hit_json(&matcher, h)).collect();
            print_json(&json!({"query": query.name, "threshold": score(threshold), "hits": hits}))?;
        }
        OutputFormat::Table => {
            let mut out = std::io::stdout().lock();
            if hits.is_empty() {
                writeln!(out, "no hits at or above {threshold:.2} for '{}'", query.name)?;
            }
            for h in &hits {
                let e = matcher.entity(h);
                let programs: Vec<&str> = e.programs.iter().map(|p| p.code.as_str()).collect();
                writeln!(
                    out,
                    "{:.3}  {:<24} {:<13} {}  [{}]",
                    h.score,
                    e.id.as_str(),
                    e.kind.as_str(),
                    e.primary_name().unwrap_or(""),
                    programs.join(", ")
                )?;
                writeln!(out, "       why: {}", h.explanation.summary)?;
            }
        }
    }
    Ok(if hits.is_empty() { Outcome::NotFound } else { Outcome::Found })
}

/// A batch query line (JSON) or row (CSV): the shared wire format.
type BatchQuery = WireQuery;

fn into_row(q: BatchQuery, row: usize) -> Row {
    let id = q.id.clone().unwrap_or_else(|| json!(row));
    match q.to_query() {
        Ok(query) => Ok((id, query)),
        Err(e) => Err((id, e.message)),
    }
}

type Row = Result<(Value, Query), (Value, String)>;

fn read_batch(path: &Path) -> Result<Vec<Row>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut rows = Vec::new();
    if is_csv {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(file);
        let headers = rdr
            .headers()
            .with_context(|| format!("{}: cannot read the CSV header", path.display()))?
            .clone();
        if !headers.iter().any(|h| h.trim().eq_ignore_ascii_case("name")) {
            bail!("{}: the CSV header has no 'name' column", path.display());
        }
        for (i, rec) in rdr.records().enumerate() {
            let line = i + 2;
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    rows.push(Err((json!(line), format!("line {line}: malformed CSV: {e}"))));
                    continue;
                }
            };
            let mut obj = serde_json::Map::new();
            for (h, v) in headers.iter().zip(rec.iter()) {
                obj.insert(h.trim().to_ascii_lowercase(), json!(v));
            }
            let q: BatchQuery = match serde_json::from_value(Value::Object(obj)) {
                Ok(q) => q,
                Err(e) => {
                    rows.push(Err((json!(line), format!("line {line}: {e}"))));
                    continue;
                }
            };
            rows.push(into_row(q, line).map_err(|(id, m)| (id, format!("line {line}: {m}"))));
        }
    } else {
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            let n = i + 1;
            let line = line.with_context(|| format!("{}: cannot read line {n}", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let row = match serde_json::from_str::<BatchQuery>(&line) {
                Ok(q) => into_row(q, n).map_err(|(id, m)| (id, format!("line {n}: {m}"))),
                Err(e) => Err((json!(n), format!("line {n}: invalid JSON: {e}"))),
            };
            rows.push(row);
        }
    }
    Ok(rows)
}

fn batch(
    matcher: &Matcher,
    input: &Path,
    output: Option<&Path>,
    opts: &ScreenOptions,
) -> Result<Outcome> {
    let rows = read_batch(input)?;
    let progress = indicatif::ProgressBar::with_draw_target(
        Some(rows.len() as u64),
        if rows.len() >= 1000 {
            indicatif::ProgressDrawTarget::stderr()
        } else {
            indicatif::ProgressDrawTarget::hidden()
        },
    );
    progress.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} queries ({per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let results: Vec<(Value, bool)> = rows
        .into_par_iter()
        .map(|row| {
            progress.inc(1);
            match row {
                Ok((id, q)) => {
                    let hits = matcher.screen(&q, opts);
                    let found = !hits.is_empty();
                    let hits: Vec<Value> = hits.iter().map(|h| hit_json(matcher, h)).collect();
                    (json!({"id": id, "hits": hits}), found)
                }
                Err((id, msg)) => (json!({"id": id, "error": msg}), false),
            }
        })
        .collect();
    progress.finish_and_clear();
    let mut sink: Box<dyn Write> = match output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut errors = 0usize;
    let mut found = 0usize;
    for (v, f) in &results {
        if let Some(e) = v.get("error") {
            errors += 1;
            eprintln!("veto: {}: {}", input.display(), e.as_str().unwrap_or(""));
        }
        found += usize::from(*f);
        serde_json::to_writer(&mut sink, v)?;
        sink.write_all(b"\n")?;
    }
    sink.flush()?;
    eprintln!("veto: screened {} queries: {found} with hits, {errors} bad rows", results.len());
    if errors > 0 {
        bail!(
            "{errors} bad rows in {} (each reported above; the others were screened)",
            input.display()
        );
    }
    Ok(if found > 0 { Outcome::Found } else { Outcome::NotFound })
}
