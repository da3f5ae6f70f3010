//! `veto scan`: listed names inside documents and payment messages.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use serde_json::{json, Value};
use veto_matcher::Matcher;
use veto_scan::{input, Format, LineIndex, ScanOptions, ScanState, Scanner};

use crate::args::{Cli, ScanArgs, ScanFormat};
use crate::output::score;
use crate::Outcome;

/// One thing to scan.
enum Unit {
    /// A file, read when scanned.
    File(PathBuf),
    /// Standard input, already read.
    Stdin(Vec<u8>),
    /// One message of a JSONL batch.
    Line { source: String, text: String, format: Option<Format> },
    /// A JSONL line that could not be read.
    Bad { source: String, error: String },
}

/// What scanning one unit produced.
struct Done {
    records: Vec<Value>,
    mentions: usize,
    errors: usize,
    bytes: usize,
}

/// Runs `veto scan`.
pub fn run(cli: &Cli, args: &ScanArgs) -> Result<Outcome> {
    let threshold = args.threshold.unwrap_or(veto_scan::DEFAULT_SCAN_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        bail!("--threshold must be between 0 and 1, got {threshold}");
    }
    let (format, jsonl) = match args.input_format.as_deref() {
        None => (None, false),
        Some(f) if f.eq_ignore_ascii_case("jsonl") => (None, true),
        Some(f) => match Format::parse(f) {
            Some(fmt) => (Some(fmt), false),
            None => bail!("unknown --input-format '{f}' (text, html, mt, xml, jsonl)"),
        },
    };
    let units = collect_units(&args.inputs, format, jsonl)?;
    let entities = super::screen::load_entities(cli, &args.lists)?;
    let matcher = Matcher::new(entities);
    let scanner = Scanner::new(&matcher);
    let opts = ScanOptions { threshold };

    let progress = indicatif::ProgressBar::with_draw_target(
        Some(units.len() as u64),
        if units.len() >= 200 {
            indicatif::ProgressDrawTarget::stderr()
        } else {
            indicatif::ProgressDrawTarget::hidden()
        },
    );
    progress.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} inputs ({per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    // Rayon asks `map_init` for a state per job, many per thread: the states
    // go back to a pool, so that each keeps its warm word cache.
    let pool: Mutex<Vec<ScanState>> = Mutex::new(Vec::new());
    let done: Vec<Done> = units
        .into_par_iter()
        .map_init(
            || Pooled::take(&pool),
            |state, unit| {
                let d = scan_unit(&scanner, &opts, state.get(), unit, format);
                progress.inc(1);
                d
            },
        )
        .collect();
    progress.finish_and_clear();
    let elapsed = started.elapsed();

    let mut sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let (mut mentions, mut errors, mut bytes) = (0, 0, 0);
    for d in &done {
        mentions += d.mentions;
        errors += d.errors;
        bytes += d.bytes;
        for r in &d.records {
            if let Some(e) = r.get("error") {
                eprintln!(
                    "veto: {}: {}",
                    r.get("source").and_then(Value::as_str).unwrap_or("?"),
                    e.as_str().unwrap_or("")
                );
            }
            match args.format {
                ScanFormat::Jsonl => {
                    serde_json::to_writer(&mut sink, r)?;
                    sink.write_all(b"\n")?;
                }
                ScanFormat::Text => {
                    if r.get("error").is_none() {
                        write_text(&mut sink, r)?;
                    }
                }
            }
        }
    }
    sink.flush()?;
    let secs = elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "veto: scanned {} inputs, {:.1} MB in {:.2} s ({:.1} MB/s): {mentions} mentions, {errors} errors",
        done.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
    if errors > 0 {
        bail!("{errors} inputs or messages could not be read (each reported above; the rest was scanned)");
    }
    Ok(if mentions > 0 { Outcome::Found } else { Outcome::NotFound })
}

/// Expands the command line's inputs into units of work.
fn collect_units(inputs: &[PathBuf], format: Option<Format>, jsonl: bool) -> Result<Vec<Unit>> {
    let mut units = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).context("cannot read standard input")?;
            if jsonl {
                jsonl_units("-", &buf, format, &mut units);
            } else {
                units.push(Unit::Stdin(buf));
            }
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files)?;
            files.sort();
            for f in files {
                push_file(f, format, jsonl, &mut units)?;
            }
        } else if p.exists() {
            push_file(p.clone(), format, jsonl, &mut units)?;
        } else {
            bail!("{}: no such file or directory", p.display());
        }
    }
    Ok(units)
}

fn push_file(p: PathBuf, format: Option<Format>, jsonl: bool, units: &mut Vec<Unit>) -> Result<()> {
    let is_jsonl = jsonl || p.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    if is_jsonl {
        let bytes = std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
        jsonl_units(&p.display().to_string(), &bytes, format, units);
    } else {
        units.push(Unit::File(p));
    }
    Ok(())
}

/// The messages of a JSONL batch: `{"id", "text" (or "message", "content"), "format"?}`.
fn jsonl_units(name: &str, bytes: &[u8], format: Option<Format>, units: &mut Vec<Unit>) {
    let text = String::from_utf8_lossy(bytes);
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{name}:{n}");
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                units.push(Unit::Bad { source: at, error: format!("invalid JSON: {e}") });
                continue;
            }
        };
        let source = match v.get("id") {
            Some(Value::String(s)) => format!("{at} ({s})"),
            Some(Value::Null) | None => at.clone(),
            Some(other) => format!("{at} ({other})"),
        };
        let body =
            ["text", "message", "content"].iter().find_map(|k| v.get(*k).and_then(Value::as_str));
        let Some(body) = body else {
            units.push(Unit::Bad { source, error: "no 'text' (or 'message') string".into() });
            continue;
        };
        let fmt = match v.get("format").and_then(Value::as_str) {
            None => format,
            Some(f) => match Format::parse(f) {
                Some(f) => Some(f),
                None => {
                    units.push(Unit::Bad { source, error: format!("unknown format '{f}'") });
                    continue;
                }
            },
        };
        units.push(Unit::Line { source, text: body.to_string(), format: fmt });
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let p = entry.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            out.push(p);
        }
    }
    Ok(())
}

fn scan_unit(
    scanner: &Scanner<'_>,
    opts: &ScanOptions,
    state: &mut ScanState,
    unit: Unit,
    format: Option<Format>,
) -> Done {
    let (source, bytes, fmt) = match unit {
        Unit::Bad { source, error } => {
            return Done {
                records: vec![json!({"source": source, "error": error})],
                mentions: 0,
                errors: 1,
                bytes: 0,
            }
        }
        Unit::File(p) => {
            let source = p.display().to_string();
            match std::fs::read(&p) {
                Ok(b) => (source, b, format),
                Err(e) => {
                    return Done {
                        records: vec![
                            json!({"source": source, "error": format!("cannot read: {e}")}),
                        ],
                        mentions: 0,
                        errors: 1,
                        bytes: 0,
                    }
                }
            }
        }
        Unit::Stdin(b) => ("-".to_string(), b, format),
        Unit::Line { source, text, format } => (source, text.into_bytes(), format),
    };
    let n_bytes = bytes.len();
    let parsed = match input::read(&source, &bytes, fmt) {
        Ok(p) => p,
        Err(e) => {
            return Done {
                records: vec![json!({"source": source, "error": e.message})],
                mentions: 0,
                errors: 1,
                bytes: n_bytes,
            }
        }
    };
    drop(bytes);
    // (Lines are counted only for an input with mentions: most have none.)
    let lines = std::cell::OnceCell::new();
    let line =
        |offset: usize| lines.get_or_init(|| LineIndex::new(parsed.text.as_bytes())).line(offset);
    let matcher = scanner.matcher();
    let mut records = Vec::new();
    let (mut mentions, mut errors) = (0, 0);
    for msg in veto_scan::scan_parsed(scanner, &parsed, opts, state) {
        match msg.mentions {
            Err(e) => {
                errors += 1;
                // The error names the message; report it against the input.
                let what = e.source_name.strip_prefix(&source).unwrap_or("").trim().to_string();
                let mut r = json!({"source": source, "error": e.message});
                if !what.is_empty() {
                    r["message"] = json!(what);
                }
                records.push(r);
            }
            Ok(ms) => {
                for m in ms {
                    mentions += 1;
                    let e = &matcher.entities()[m.entity as usize];
                    let mut r = json!({
                        "source": source,
                        "entity_id": e.id,
                        "score": score(m.score),
                        "name": e.primary_name(),
                        "text": m.text,
                        "start": m.span.start,
                        "end": m.span.end,
                        "line": line(m.span.start),
                    });
                    if let Some(f) = &m.field {
                        r["field"] = json!(f);
                    }
                    if !msg.label.is_empty() {
                        r["message"] = json!(msg.label);
                    }
                    if let Some(k) = &msg.kind {
                        r["message_type"] = json!(k);
                    }
                    r["explanation"] = json!(m.explanation);
                    records.push(r);
                }
            }
        }
    }
    Done { records, mentions, errors, bytes: n_bytes }
}

fn write_text(out: &mut dyn Write, r: &Value) -> Result<()> {
    let s = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("");
    let n = |k: &str| r.get(k).and_then(Value::as_u64).unwrap_or(0);
    let mut place = format!("{}:{}", s("source"), n("line"));
    if let Some(m) = r.get("message").and_then(Value::as_str) {
        place.push_str(&format!(" {m}"));
    }
    if let Some(f) = r.get("field").and_then(Value::as_str) {
        place.push_str(&format!(" field {f}"));
    }
    writeln!(
        out,
        "{place}: {:.3}  {}  {}  {:?} [bytes {}..{}]",
        r.get("score").and_then(Value::as_f64).unwrap_or(0.0),
        s("entity_id"),
        s("name"),
        s("text"),
        n("start"),
        n("end"),
    )?;
    let why = r.pointer("/explanation/summary").and_then(Value::as_str).unwrap_or("");
    writeln!(out, "       why: {why}")?;
    Ok(())
}

/// A scan state borrowed from a pool, and given back when dropped.
struct Pooled<'p> {
    state: Option<ScanState>,
    pool: &'p Mutex<Vec<ScanState>>,
}

impl<'p> Pooled<'p> {
    fn take(pool: &'p Mutex<Vec<ScanState>>) -> Pooled<'p> {
        let state = pool.lock().ok().and_then(|mut p| p.pop()).unwrap_or_default();
        Pooled { state: Some(state), pool }
    }

    fn get(&mut self) -> &mut ScanState {
        self.state.get_or_insert_with(ScanState::new)
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let (Some(state), Ok(mut pool)) = (self.state.take(), self.pool.lock()) {
            pool.push(state);
        }
    }
}
