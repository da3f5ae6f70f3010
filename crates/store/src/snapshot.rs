//! The loaded state: every active list's entities, with lookup by id.

use std::collections::HashMap;

use veto_model::{Entity, EntityId, ListMeta};

/// The active lists, loaded.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Metadata of each list, in manifest order.
    pub lists: Vec<ListMeta>,
    /// All entities of all lists, list by list.
    pub entities: Vec<Entity>,
    /// For each entity, the index of its list in `lists`.
    pub list_of: Vec<u32>,
    by_id: HashMap<EntityId, u32>,
}

impl Snapshot {
    /// Builds a snapshot from lists. An id present in two lists (possible
    /// only for aggregator datasets that overlap) is looked up to its first
    /// occurrence; both stay in `entities`.
    pub fn new(lists: Vec<(ListMeta, Vec<Entity>)>) -> Snapshot {
        let total = lists.iter().map(|(_, e)| e.len()).sum();
        let mut snap = Snapshot {
            lists: Vec::with_capacity(lists.len()),
            entities: Vec::with_capacity(total),
            list_of: Vec::with_capacity(total),
            by_id: HashMap::with_capacity(total),
        };
        for (li, (meta, entities)) in lists.into_iter().enumerate() {
            snap.lists.push(meta);
            for e in entities {
                let idx = snap.entities.len() as u32;
                snap.by_id.entry(e.id.clone()).or_insert(idx);
                snap.entities.push(e);
                snap.list_of.push(li as u32);
            }
        }
        snap
    }

    /// The entity with this id.
    pub fn get(&self, id: &EntityId) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i as usize])
    }

    /// The metadata of the list an entity (by index) belongs to.
    pub fn list_meta(&self, entity_index: usize) -> Option<&ListMeta> {
        self.list_of.get(entity_index).and_then(|&li| self.lists.get(li as usize))
    }
}
