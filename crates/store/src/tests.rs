use veto_model::{
    Entity, Format, InputFile, Kind, ListKey, ListMeta, Name, NameRole, PartialDate, Source,
};

use super::*;

fn list(source: Source, date: Option<&str>, hash: &str, names: &[(&str, &str)]) -> NewList {
    let entities: Vec<Entity> = names
        .iter()
        .map(|(id, name)| {
            let mut e = Entity::new(source, id, Kind::Person);
            e.add_name(Name::new(*name, NameRole::Primary));
            e
        })
        .collect();
    let mut counts = KindCountsExt::default();
    counts.0.insert(Kind::Person, entities.len());
    NewList {
        meta: ListMeta {
            key: ListKey::of(source),
            format: Format::UnXml,
            data_date: date.map(|d| d.parse::<PartialDate>().unwrap()),
            data_date_from: None,
            files: vec![InputFile { path: "x".into(), sha256: hash.into(), bytes: 1 }],
            records: entities.len() as u64,
            counts: counts.0,
            skipped: 0,
            unstructured: Default::default(),
        },
        entities,
    }
}

#[derive(Default)]
struct KindCountsExt(veto_model::KindCounts);

#[test]
fn import_then_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    assert!(store.is_empty());
    let s = store
        .import(vec![list(Source::Un, Some("2026-02-27"), "aa", &[("QDi.1", "A B")])])
        .unwrap();
    assert_eq!(s.id, 1);
    assert!(s.lists[0].activated);
    let again = Store::open(dir.path()).unwrap();
    let snap = again.load().unwrap();
    assert_eq!(snap.entities.len(), 1);
    let id = veto_model::EntityId::parse("un:QDi.1").unwrap();
    assert_eq!(snap.get(&id).unwrap().primary_name(), Some("A B"));
}

#[test]
fn newest_version_wins_and_diff_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let old = list(Source::Un, Some("2021-07-07"), "old", &[("1", "A"), ("2", "B")]);
    let new = list(Source::Un, Some("2024-05-03"), "new", &[("2", "B2"), ("3", "C")]);
    // Newer given first: still the newer wins.
    let s = store.import(vec![new.clone(), old.clone()]).unwrap();
    assert!(s.lists[0].activated);
    assert!(!s.lists[1].activated);
    assert_eq!(store.manifest().active.len(), 1);
    assert_eq!(store.manifest().versions.len(), 2);
    let snap = store.load().unwrap();
    assert_eq!(snap.entities.len(), 2);

    // Re-importing the old one alone replaces the active version and diffs.
    let s = store.import(vec![old]).unwrap();
    let d = s.lists[0].diff.as_ref().unwrap();
    assert_eq!(d.added.len(), 1);
    assert_eq!(d.removed.len(), 1);
    assert_eq!(d.changed.len(), 1);
    assert_eq!(d.changed[0].fields, vec!["names"]);
    assert_eq!(store.manifest().imports.len(), 2);
}

#[test]
fn other_lists_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.import(vec![list(Source::Un, None, "u", &[("1", "A")])]).unwrap();
    store.import(vec![list(Source::UsOfacSdn, None, "s", &[("1", "A")])]).unwrap();
    let snap = Store::open(dir.path()).unwrap().load().unwrap();
    assert_eq!(snap.lists.len(), 2);
    assert_eq!(snap.entities.len(), 2);
}

#[test]
fn damaged_version_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.import(vec![list(Source::Un, None, "u", &[("1", "A")])]).unwrap();
    let version = &store.manifest().active[0].version;
    let path = dir.path().join("lists").join(format!("{version}.vlist"));
    let mut bytes = std::fs::read(&path).unwrap();
    let n = bytes.len();
    bytes[n - 1] ^= 0xff;
    std::fs::write(&path, &bytes).unwrap();
    let err = store.load().unwrap_err().to_string();
    assert!(err.contains("checksum mismatch"), "{err}");
    std::fs::write(&path, &bytes[..n / 2]).unwrap();
    let err = store.load().unwrap_err().to_string();
    assert!(err.contains("truncated"), "{err}");
}

#[test]
fn damaged_manifest_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("manifest.json"), b"{not json").unwrap();
    let err = Store::open(dir.path()).unwrap_err().to_string();
    assert!(err.contains("invalid manifest"), "{err}");
}

#[test]
fn version_file_round_trips_all_fields() {
    let mut l = list(Source::Un, Some("2026-02-27"), "aa", &[("QDi.1", "A B")]);
    let e = &mut l.entities[0];
    e.birth_dates
        .push(veto_model::BirthDate::between("1960".parse().unwrap(), "1962-03".parse().unwrap()));
    e.nationalities.push(veto_model::Country::from_code("RU").unwrap());
    let bytes = versionfile::encode(&l.meta, &l.entities).unwrap();
    let (meta, ents) = versionfile::decode(Path::new("x"), &bytes).unwrap();
    assert_eq!(meta, l.meta);
    assert_eq!(ents, l.entities);
}
