//! The served state: one loaded snapshot (matcher and list metadata),
//! swapped atomically on reload.

use std::collections::HashMap;

use serde::Serialize;
use veto_matcher::Matcher;
use veto_model::{Entity, KindCounts, PartialDate, Source};

/// What one loaded list is: `GET /v1/lists` reports these.
#[derive(Clone, Debug, Serialize)]
pub struct ListInfo {
    /// The list key as `veto lists` prints it (`us_ofac_sdn`, `opensanctions/zala`).
    pub list: String,
    /// The source (`us_ofac_sdn`, `un`, ...).
    pub source: Source,
    /// The dataset within the source (the source name for official lists).
    pub dataset: String,
    /// The stored version id, or `file` for lists parsed from `--list` files.
    pub version: String,
    /// The format it was read from.
    pub format: String,
    /// The date of the data, as the list states it.
    pub data_date: Option<PartialDate>,
    /// Number of entities.
    pub entities: usize,
    /// Entities per kind.
    pub counts: KindCounts,
    /// SHA-256 over the list's input files' hashes.
    pub content_hash: String,
    /// When it was imported into the store, if it was.
    pub imported_at: Option<String>,
}

/// A loaded snapshot: the matcher over every active list's entities, and
/// what those lists are. Immutable once built; a reload builds a new one.
#[derive(Debug)]
pub struct Loaded {
    /// The matcher (it owns the entities).
    pub matcher: Matcher,
    /// The lists, in load order.
    pub lists: Vec<ListInfo>,
    by_id: HashMap<String, u32>,
}

impl Loaded {
    /// Builds the matcher over `entities` (the slow part, ~0.5 s for the
    /// default lists) and the id lookup.
    pub fn new(entities: Vec<Entity>, lists: Vec<ListInfo>) -> Loaded {
        let matcher = Matcher::new(entities);
        let mut by_id = HashMap::with_capacity(matcher.entities().len());
        for (i, e) in matcher.entities().iter().enumerate() {
            by_id.entry(e.id.as_str().to_string()).or_insert(i as u32);
        }
        Loaded { matcher, lists, by_id }
    }

    /// The entity with this id (`us_ofac_sdn:35096`).
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.matcher.entities()[i as usize])
    }

    /// The number of entities.
    pub fn entity_count(&self) -> usize {
        self.matcher.entities().len()
    }

    /// Whether a dataset name (a source such as `us_ofac_sdn`, or an
    /// aggregator's dataset) is loaded.
    pub fn has_dataset(&self, name: &str) -> bool {
        self.lists.iter().any(|l| l.source.as_str() == name || l.dataset == name)
    }
}

/// A snapshot with its version: 1 for the first load, +1 per reload.
#[derive(Debug)]
pub struct Snapshot {
    /// The data.
    pub loaded: Loaded,
    /// The snapshot version.
    pub version: u64,
    /// When it was loaded (RFC 3339).
    pub loaded_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_is_send_and_sync() {
        fn is<T: Send + Sync>() {}
        is::<Snapshot>();
    }
}
