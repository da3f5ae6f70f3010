//! What changed between two versions of a list.

use std::collections::HashMap;

use serde::Serialize;
use veto_model::{Entity, EntityId};

/// One changed entity and the fields that differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The entity.
    pub id: EntityId,
    /// The names of the fields that differ (`names`, `birth_dates`, ...).
    pub fields: Vec<&'static str>,
}

/// The difference between two versions of a list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Entities only in the new version.
    pub added: Vec<EntityId>,
    /// Entities only in the old version.
    pub removed: Vec<EntityId>,
    /// Entities in both whose content differs (provenance is ignored).
    pub changed: Vec<Change>,
}

impl Diff {
    /// Whether the versions hold the same entities with the same content.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

fn changed_fields(a: &Entity, b: &Entity) -> Vec<&'static str> {
    let mut f = Vec::new();
    macro_rules! cmp {
        ($($field:ident),*) => { $( if a.$field != b.$field { f.push(stringify!($field)); } )* };
    }
    cmp!(
        kind,
        names,
        birth_dates,
        birth_places,
        nationalities,
        citizenships,
        countries,
        gender,
        positions,
        addresses,
        identifiers,
        programs,
        measures,
        relations,
        vessel,
        aircraft,
        listed_on,
        last_updated,
        remarks
    );
    f
}

/// Compares two versions of a list entity by entity.
pub fn diff_entities(old: &[Entity], new: &[Entity]) -> Diff {
    let old_by: HashMap<&EntityId, &Entity> = old.iter().map(|e| (&e.id, e)).collect();
    let new_by: HashMap<&EntityId, &Entity> = new.iter().map(|e| (&e.id, e)).collect();
    let mut d = Diff::default();
    for e in new {
        match old_by.get(&e.id) {
            None => d.added.push(e.id.clone()),
            Some(o) => {
                let fields = changed_fields(o, e);
                if !fields.is_empty() {
                    d.changed.push(Change { id: e.id.clone(), fields });
                }
            }
        }
    }
    for e in old {
        if !new_by.contains_key(&e.id) {
            d.removed.push(e.id.clone());
        }
    }
    d
}
