/*!
Parsers for the official sanctions list formats, into veto's entity model.

Every format veto reads has a module here; each turns the authority's own
file into [`veto_model::Entity`] values and reports, alongside them, what it
could not structure and (in lenient mode) which records it skipped. Nothing is
dropped silently: a bad record is an [`Error`] naming the file, the line or
record and the problem.

| Format | Module | Source |
|---|---|---|
| OFAC legacy CSV (`sdn.csv` + `alt`/`add`/`sdn_comments`, `cons_*.csv`) | `ofac::csv` + `ofac::remarks` | `us_ofac_sdn`, `us_ofac_cons` |
| OFAC classic XML (`sdnList`) | `ofac::xml` | same |
| OFAC Enhanced XML (`sanctionsData`) | `ofac::enhanced` | same |
| UN Security Council XML | `un` | `un` |
| UK OFSI ConList (CSV, xlsx) | `uk::conlist` | `uk_ofsi` |
| FCDO UK Sanctions List (CSV, ods, xlsx) | `uk::uksl` | `uk_ofsi` |
| EU Financial Sanctions Files XML | `eu` | `eu_fsf` |
| trade.gov Consolidated Screening List CSV | `csl` | `us_csl` |
| OpenSanctions FollowTheMoney JSON lines | `ftm` | `opensanctions` |
| Senzing JSON / JSON lines | `senzing` | `senzing` |

The entry point is [`parse_paths`]: it reads the files (unpacking `.gz` and
single-file `.zip`), detects each format from the content ([`detect`]),
groups the files of an OFAC CSV set, parses the lists in parallel and returns
one [`Parsed`] list per source.

```no_run
use veto_lists::{parse_paths, Options};

let lists = parse_paths(&["sdn.csv".into()], &Options::default())?;
for list in &lists {
    println!("{}: {} entities", list.meta.key, list.entities.len());
}
# Ok::<(), veto_lists::Error>(())
```
*/

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod csl;
mod detect;
mod error;
mod eu;
mod ftm;
#[cfg(test)]
mod fuzz_tests;
mod input;
mod ofac;
mod senzing;
mod sink;
pub mod text;
mod uk;
mod un;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use veto_model::{Entity, Format, ListKey, ListMeta, Source};

pub use detect::{detect, Detected, OfacPart};
pub use error::{Error, ErrorKind, Location, Result};
pub use input::{date_in_path, Container, Input};
pub use sink::Sink;

/// How to parse.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Skip bad records (reporting each) instead of failing.
    pub lenient: bool,
    /// Force this format instead of detecting it.
    pub format: Option<Format>,
    /// Force this source where a format serves several (OFAC SDN vs
    /// Consolidated).
    pub source: Option<Source>,
}

/// One parsed list version: its metadata, its entities and the records
/// skipped in lenient mode.
#[derive(Debug)]
pub struct Parsed {
    /// What was read.
    pub meta: ListMeta,
    /// The entities, in file order.
    pub entities: Vec<Entity>,
    /// Records skipped (lenient mode), each with its location and reason.
    pub skipped: Vec<Error>,
}

/// Reads, detects and parses list files.
///
/// # Errors
///
/// Fails on the first unreadable file, unknown format, or (in strict mode)
/// bad record, naming the file and location.
pub fn parse_paths(paths: &[PathBuf], opts: &Options) -> Result<Vec<Parsed>> {
    let inputs = paths.par_iter().map(|p| Input::read(p)).collect::<Result<Vec<_>>>()?;
    parse_inputs(inputs, opts)
}

/// A unit of parsing: one list read from one or more inputs.
enum Job {
    OfacCsv(Box<ofac::csv::Group>),
    Single(Input, Format),
}

/// Parses inputs already in memory.
///
/// # Errors
///
/// As [`parse_paths`].
pub fn parse_inputs(inputs: Vec<Input>, opts: &Options) -> Result<Vec<Parsed>> {
    let mut jobs = Vec::new();
    let mut ofac_parts: Vec<(Input, OfacPart)> = Vec::new();
    for input in inputs {
        let det = match opts.format {
            Some(Format::OfacCsv) => {
                let part = detect::ofac_part_of(&input).unwrap_or(OfacPart::Primary);
                Detected { format: Format::OfacCsv, ofac_part: Some(part) }
            }
            Some(f) => Detected { format: f, ofac_part: None },
            None => {
                detect(&input).map_err(|m| Error::file(&input.name, ErrorKind::UnknownFormat(m)))?
            }
        };
        match det.ofac_part {
            Some(part) => ofac_parts.push((input, part)),
            None => jobs.push(Job::Single(input, det.format)),
        }
    }
    for group in ofac::csv::Group::assemble(ofac_parts)? {
        jobs.push(Job::OfacCsv(Box::new(group)));
    }
    let results: Vec<Result<Parsed>> = jobs.into_par_iter().map(|job| run(job, opts)).collect();
    let mut out = Vec::with_capacity(results.len());
    for r in results {
        out.push(r?);
    }
    Ok(out)
}

fn is_cons_name(name: &str) -> bool {
    name.to_ascii_lowercase().contains("cons")
}

fn run(job: Job, opts: &Options) -> Result<Parsed> {
    let mut sink = Sink::new(opts.lenient);
    let (format, source, inputs, entities) = match job {
        Job::OfacCsv(group) => {
            let source = opts.source.unwrap_or_else(|| {
                if is_cons_name(&group.primary.name) {
                    Source::UsOfacCons
                } else {
                    Source::UsOfacSdn
                }
            });
            let entities = ofac::csv::parse(&group, source, &mut sink)?;
            (Format::OfacCsv, source, (*group).into_inputs(), entities)
        }
        Job::Single(input, format) => {
            let (source, entities) = match format {
                Format::OfacCsv => unreachable!("OFAC CSV files are parsed as a group"),
                Format::OfacXml => {
                    let source = opts.source.unwrap_or(if is_cons_name(&input.name) {
                        Source::UsOfacCons
                    } else {
                        Source::UsOfacSdn
                    });
                    (source, ofac::xml::parse(&input, source, &mut sink)?)
                }
                Format::OfacEnhancedXml => ofac::enhanced::parse(&input, opts.source, &mut sink)?,
                Format::UnXml => (Source::Un, un::parse(&input, &mut sink)?),
                Format::UkConlist => (Source::UkOfsi, uk::conlist::parse(&input, &mut sink)?),
                Format::UkSanctionsList => (Source::UkOfsi, uk::uksl::parse(&input, &mut sink)?),
                Format::EuXml => (Source::EuFsf, eu::parse(&input, &mut sink)?),
                Format::CslCsv => (Source::UsCsl, csl::parse(&input, &mut sink)?),
                Format::FtmJson => (Source::OpenSanctions, ftm::parse(&input, &mut sink)?),
                Format::SenzingJson => (Source::Senzing, senzing::parse(&input, &mut sink)?),
            };
            (format, source, vec![input], entities)
        }
    };
    finish(format, source, inputs, entities, sink)
}

/// Checks what every list must satisfy (unique ids, at least one name,
/// at least one entity) and assembles the metadata.
fn finish(
    format: Format,
    source: Source,
    inputs: Vec<Input>,
    mut entities: Vec<Entity>,
    mut sink: Sink,
) -> Result<Parsed> {
    let main = inputs.first().map(|i| i.name.clone()).unwrap_or_default();
    let mut seen: HashMap<veto_model::EntityId, u64> = HashMap::with_capacity(entities.len());
    let mut keep = vec![true; entities.len()];
    for (i, e) in entities.iter().enumerate() {
        let loc = Location::Record { record: e.provenance.record, line: e.provenance.line };
        let file =
            if e.provenance.file.is_empty() { main.clone() } else { e.provenance.file.clone() };
        if e.names.iter().all(|n| n.full.trim().is_empty()) {
            sink.bad_record(Error::invalid(&file, loc, format!("entity {} has no name", e.id)))?;
            keep[i] = false;
            continue;
        }
        if let Some(first) = seen.insert(e.id.clone(), e.provenance.record) {
            let msg = format!("{} (first seen in record {first})", e.id);
            sink.bad_record(Error::new(&file, loc, ErrorKind::DuplicateId(msg)))?;
            keep[i] = false;
        }
    }
    if keep.iter().any(|k| !k) {
        let mut it = keep.iter();
        entities.retain(|_| *it.next().unwrap_or(&true));
    }
    if entities.is_empty() && sink.skipped.is_empty() {
        return Err(Error::file(main, ErrorKind::Empty));
    }
    let mut counts = BTreeMap::new();
    for e in &entities {
        *counts.entry(e.kind).or_insert(0) += 1;
    }
    let (data_date, data_date_from) = match sink.data_date.take() {
        Some((d, from)) => (Some(d), Some(from)),
        None => match inputs.iter().find_map(|i| date_in_path(&i.path)) {
            Some(d) => (Some(d), Some("file name".to_string())),
            None => (None, None),
        },
    };
    let dataset = sink.dataset.take().unwrap_or_else(|| source.as_str().to_string());
    let meta = ListMeta {
        key: ListKey { source, dataset },
        format,
        data_date,
        data_date_from,
        files: inputs.iter().map(|i| i.file.clone()).collect(),
        records: sink.records,
        counts,
        skipped: sink.skipped.len() as u64,
        unstructured: std::mem::take(&mut sink.unstructured),
    };
    Ok(Parsed { meta, entities, skipped: sink.skipped })
}

/// The file name of a path, for messages and provenance.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Helpers for the parsers' tests: paths of the shipped real lists and
/// one-call parsing of files or in-memory fixtures.
#[cfg(test)]
pub(crate) mod testutil {
    use super::*;

    /// The path of a shipped list file, relative to `data/lists/`.
    pub fn data(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lists").join(rel)
    }

    /// Parses shipped list files (strict mode), panicking with the error.
    pub fn parse_data(rels: &[&str]) -> Vec<Parsed> {
        let paths: Vec<PathBuf> = rels.iter().map(|r| data(r)).collect();
        parse_paths(&paths, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Parses an in-memory fixture named `name`.
    pub fn parse_bytes(name: &str, bytes: &[u8], opts: &Options) -> Result<Vec<Parsed>> {
        let input = Input::from_bytes(PathBuf::from(name), name.to_string(), bytes.to_vec())?;
        parse_inputs(vec![input], opts)
    }

    /// Finds an entity by id in parsed lists.
    pub fn entity<'a>(lists: &'a [Parsed], id: &str) -> &'a Entity {
        lists
            .iter()
            .flat_map(|l| &l.entities)
            .find(|e| e.id.as_str() == id)
            .unwrap_or_else(|| panic!("no entity {id}"))
    }
}
