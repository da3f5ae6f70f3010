/*!
veto's embedded store: imported list versions, kept on disk, replaced
atomically.

A store is a directory (`--store DIR`, `$VETO_HOME`, or the user's data
directory). It holds:

* `lists/<version>.vlist`: one file per imported list version: a header (magic,
  format version, CRC-32 and length of the payload) and the list's metadata
  and entities in `postcard` encoding. Version files are written once, under
  a name derived from the list and its content hash, and never modified.
* `manifest.json`: which version of each list is active, and the history
  of imports. It is replaced atomically (write to a temporary file, fsync,
  rename), so a reader sees either the old or the new manifest, never a mix.

An import that fails before the manifest is renamed leaves the store exactly
as it was: new version files that no manifest names are harmless.

```no_run
use veto_store::Store;

let store = Store::open("/tmp/veto-home")?;
let snapshot = store.load()?;
println!("{} entities from {} lists", snapshot.entities.len(), snapshot.lists.len());
# Ok::<(), veto_store::Error>(())
```
*/

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod diff;
mod error;
mod snapshot;
mod versionfile;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use veto_model::{Entity, ListKey, ListMeta};

pub use diff::{diff_entities, Change, Diff};
pub use error::{Error, Result};
pub use snapshot::Snapshot;

/// The version of the manifest layout.
pub const MANIFEST_VERSION: u32 = 1;

/// One stored list version, as the manifest names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListRef {
    /// The version id (also the file stem under `lists/`).
    pub version: String,
    /// The list's metadata.
    pub meta: ListMeta,
    /// A SHA-256 over the list's input files' hashes.
    pub content_hash: String,
    /// When it was imported (RFC 3339, UTC).
    pub imported_at: String,
}

/// One import, as recorded in the manifest's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    /// Sequence number, from 1.
    pub id: u64,
    /// When (RFC 3339, UTC).
    pub time: String,
    /// The versions this import stored.
    pub versions: Vec<String>,
    /// The versions it made active.
    pub activated: Vec<String>,
}

/// The manifest: active versions and import history.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Layout version ([`MANIFEST_VERSION`]).
    pub format: u32,
    /// The active version of each list.
    pub active: Vec<ListRef>,
    /// Every version ever stored, oldest first.
    pub versions: Vec<ListRef>,
    /// Import history, oldest first.
    pub imports: Vec<ImportRecord>,
}

/// A list to import: its metadata and entities.
#[derive(Clone, Debug)]
pub struct NewList {
    /// Metadata.
    pub meta: ListMeta,
    /// Entities.
    pub entities: Vec<Entity>,
}

/// What an import did to one list.
#[derive(Clone, Debug)]
pub struct ListOutcome {
    /// The stored version.
    pub list: ListRef,
    /// Whether it is now the active version of its list. An older version
    /// given together with a newer one of the same list is stored but not
    /// activated.
    pub activated: bool,
    /// The version it replaced, if any.
    pub replaced: Option<String>,
    /// Changes against the replaced version (if activated and one existed).
    pub diff: Option<Diff>,
}

/// What an import did.
#[derive(Clone, Debug)]
pub struct ImportSummary {
    /// The import's sequence number.
    pub id: u64,
    /// Per list version, in input order.
    pub lists: Vec<ListOutcome>,
}

/// An open store directory.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    manifest: Manifest,
}

fn now_rfc3339() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

/// A list's content hash: SHA-256 over its files' sorted SHA-256 hashes,
/// one per line. The same files give the same hash, whatever their order.
pub fn content_hash(meta: &ListMeta) -> String {
    let mut hashes: Vec<&str> = meta.files.iter().map(|f| f.sha256.as_str()).collect();
    hashes.sort_unstable();
    let mut h = Sha256::new();
    for s in hashes {
        h.update(s.as_bytes());
        h.update(b"\n");
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn version_id(meta: &ListMeta, hash: &str) -> String {
    let date = meta.data_date.map_or_else(|| "undated".to_string(), |d| d.to_string());
    let dataset: String = meta
        .key
        .dataset
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    format!("{}--{}--{}--{}", meta.key.source, dataset, date, &hash[..12])
}

/// Writes `bytes` to `path` atomically: temporary file in the same
/// directory, fsync, rename, fsync of the directory.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        std::process::id()
    ));
    let res = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if res.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    res.map_err(|e| Error::io(path, e))
}

impl Store {
    /// Opens the store in `dir`. The directory need not exist yet; it is
    /// created on the first import.
    ///
    /// # Errors
    ///
    /// Fails if a manifest exists but cannot be read or is of an unknown
    /// layout version.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store> {
        let dir = dir.into();
        let path = dir.join("manifest.json");
        let manifest = match fs::read(&path) {
            Ok(bytes) => {
                let m: Manifest = serde_json::from_slice(&bytes)
                    .map_err(|e| Error::corrupt(&path, format!("invalid manifest: {e}")))?;
                if m.format != MANIFEST_VERSION {
                    return Err(Error::corrupt(
                        &path,
                        format!(
                            "manifest layout {} (this veto reads {MANIFEST_VERSION})",
                            m.format
                        ),
                    ));
                }
                m
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Manifest { format: MANIFEST_VERSION, ..Manifest::default() }
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        Ok(Store { dir, manifest })
    }

    /// The store directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Whether no list has been imported yet.
    pub fn is_empty(&self) -> bool {
        self.manifest.active.is_empty()
    }

    fn version_path(&self, version: &str) -> PathBuf {
        self.dir.join("lists").join(format!("{version}.vlist"))
    }

    /// Loads the active version of every list.
    ///
    /// # Errors
    ///
    /// Fails if a version file is missing, truncated or fails its checksum.
    pub fn load(&self) -> Result<Snapshot> {
        use rayon::prelude::*;
        let lists: Vec<(ListMeta, Vec<Entity>)> = self
            .manifest
            .active
            .par_iter()
            .map(|r| versionfile::read(&self.version_path(&r.version)))
            .collect::<Result<_>>()?;
        Ok(Snapshot::new(lists))
    }

    /// Loads one stored version by id.
    ///
    /// # Errors
    ///
    /// Fails if the version is unknown or its file is damaged.
    pub fn load_version(&self, version: &str) -> Result<(ListMeta, Vec<Entity>)> {
        if !self.manifest.versions.iter().any(|v| v.version == version) {
            return Err(Error::UnknownVersion(version.to_string()));
        }
        versionfile::read(&self.version_path(version))
    }

    /// Stores lists and makes them active, replacing the active version of
    /// each list they belong to. Several versions of one list in the same
    /// import: the newest by data date (the later one given, on a tie) is
    /// activated, the others are stored as history.
    ///
    /// Atomic: on any error the manifest, and so what `load` returns, is
    /// unchanged.
    ///
    /// # Errors
    ///
    /// Fails on I/O errors or if another process holds the store's lock.
    pub fn import(&mut self, lists: Vec<NewList>) -> Result<ImportSummary> {
        fs::create_dir_all(self.dir.join("lists")).map_err(|e| Error::io(&self.dir, e))?;
        let lock_path = self.dir.join(".lock");
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::io(&lock_path, e))?;
        lock.try_lock().map_err(|_| Error::Locked(lock_path.clone()))?;
        // Re-read the manifest under the lock: another import may have
        // finished since this store was opened.
        let fresh = Store::open(&self.dir)?;
        self.manifest = fresh.manifest;

        let time = now_rfc3339();
        let mut refs = Vec::with_capacity(lists.len());
        for list in &lists {
            let hash = content_hash(&list.meta);
            let version = version_id(&list.meta, &hash);
            let path = self.version_path(&version);
            if !path.exists() {
                let bytes = versionfile::encode(&list.meta, &list.entities)?;
                write_atomic(&path, &bytes)?;
            }
            refs.push(ListRef {
                version,
                meta: list.meta.clone(),
                content_hash: hash,
                imported_at: time.clone(),
            });
        }

        // Winner per list key: newest data date, later input on ties.
        let mut winner: BTreeMap<&ListKey, usize> = BTreeMap::new();
        for (i, r) in refs.iter().enumerate() {
            match winner.get(&r.meta.key) {
                Some(&j) if refs[j].meta.data_date > r.meta.data_date => {}
                _ => {
                    winner.insert(&r.meta.key, i);
                }
            }
        }

        let mut manifest = self.manifest.clone();
        let mut outcomes = Vec::with_capacity(refs.len());
        for (i, r) in refs.iter().enumerate() {
            let activated = winner.get(&r.meta.key) == Some(&i);
            let mut replaced = None;
            let mut diff = None;
            if activated {
                if let Some(pos) = manifest.active.iter().position(|a| a.meta.key == r.meta.key) {
                    let old = manifest.active.remove(pos);
                    if old.version != r.version {
                        if let Ok((_, old_entities)) =
                            versionfile::read(&self.version_path(&old.version))
                        {
                            diff = Some(diff_entities(&old_entities, &lists[i].entities));
                        }
                        replaced = Some(old.version);
                    }
                }
                manifest.active.push(r.clone());
            }
            if !manifest.versions.iter().any(|v| v.version == r.version) {
                manifest.versions.push(r.clone());
            }
            outcomes.push(ListOutcome { list: r.clone(), activated, replaced, diff });
        }
        manifest.active.sort_by(|a, b| a.meta.key.cmp(&b.meta.key));
        let id = manifest.imports.last().map_or(1, |r| r.id + 1);
        manifest.imports.push(ImportRecord {
            id,
            time,
            versions: refs.iter().map(|r| r.version.clone()).collect(),
            activated: outcomes
                .iter()
                .filter(|o| o.activated)
                .map(|o| o.list.version.clone())
                .collect(),
        });
        let json = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| Error::corrupt(&self.dir, format!("cannot encode manifest: {e}")))?;
        write_atomic(&self.dir.join("manifest.json"), &json)?;
        self.manifest = manifest;
        drop(lock);
        Ok(ImportSummary { id, lists: outcomes })
    }
}

#[cfg(test)]
mod tests;
