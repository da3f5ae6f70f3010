//! OFAC legacy CSV: `sdn.csv` (or `cons_prim.csv`) with optional `alt.csv`,
//! `add.csv` and `sdn_comments.csv` (or their `cons_` twins).

use std::collections::BTreeMap;
use std::path::PathBuf;

use veto_model::{Entity, Source};

use crate::detect::OfacPart;
use crate::error::{Error, ErrorKind, Result};
use crate::input::Input;
use crate::sink::Sink;

/// The files of one OFAC CSV set.
#[derive(Debug)]
pub struct Group {
    /// The primary file (`sdn.csv`, `cons_prim.csv`).
    pub primary: Input,
    /// Aliases (`alt.csv`).
    pub alt: Option<Input>,
    /// Addresses (`add.csv`).
    pub add: Option<Input>,
    /// Remarks overflow (`sdn_comments.csv`).
    pub comments: Option<Input>,
}

fn set_key(input: &Input) -> (PathBuf, bool) {
    let dir = input.path.parent().map(PathBuf::from).unwrap_or_default();
    (dir, input.name.to_ascii_lowercase().starts_with("cons"))
}

impl Group {
    /// Groups OFAC CSV files into sets: each primary file with the auxiliary
    /// files from the same directory (and the same `cons_` prefix or not).
    ///
    /// # Errors
    ///
    /// Fails if an auxiliary file has no primary file to go with, or a set
    /// has two files of the same part.
    pub fn assemble(parts: Vec<(Input, OfacPart)>) -> Result<Vec<Group>> {
        let mut sets: BTreeMap<(PathBuf, bool), BTreeMap<OfacPart, Input>> = BTreeMap::new();
        for (input, part) in parts {
            let slot = sets.entry(set_key(&input)).or_default();
            if let Some(prev) = slot.get(&part) {
                return Err(Error::file(
                    &input.name,
                    ErrorKind::Grouping(format!(
                        "two OFAC {part:?} files in one set ({} and {}); import them separately",
                        prev.name, input.name
                    )),
                ));
            }
            slot.insert(part, input);
        }
        let mut groups = Vec::new();
        for (_, mut parts) in sets {
            let Some(primary) = parts.remove(&OfacPart::Primary) else {
                let names: Vec<String> = parts.values().map(|i| i.name.clone()).collect();
                let first = names.first().cloned().unwrap_or_default();
                return Err(Error::file(
                    first,
                    ErrorKind::Grouping(format!(
                        "OFAC auxiliary file(s) {} given without their primary file \
                         (sdn.csv or cons_prim.csv from the same directory)",
                        names.join(", ")
                    )),
                ));
            };
            groups.push(Group {
                primary,
                alt: parts.remove(&OfacPart::Alt),
                add: parts.remove(&OfacPart::Add),
                comments: parts.remove(&OfacPart::Comments),
            });
        }
        Ok(groups)
    }

    /// All inputs of the set, primary first.
    pub fn into_inputs(self) -> Vec<Input> {
        let mut v = vec![self.primary];
        v.extend(self.alt);
        v.extend(self.add);
        v.extend(self.comments);
        v
    }
}

/// Parses an OFAC CSV set.
///
/// # Errors
///
/// Fails on malformed rows (strict mode) or rows of auxiliary files that
/// point at no entry of the primary file.
pub fn parse(group: &Group, source: Source, sink: &mut Sink) -> Result<Vec<Entity>> {
    let _ = (group, source, sink);
    Err(Error::file(&group.primary.name, ErrorKind::UnknownFormat("OFAC CSV parser not written yet".into())))
}
