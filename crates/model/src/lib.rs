/*!
veto's entity model: the one shape every sanctions list is read into.

Each official list (OFAC, UN, UK, EU, trade.gov CSL, OpenSanctions, Senzing) has
its own file format and vocabulary. The parsers in `veto-lists` translate them
into [`Entity`] values defined here, so that everything downstream (the store,
the index, the matcher and the front-ends) deals with one model only.

The main types:

* [`Entity`]: one listed person, organization, vessel or aircraft, with a stable
  [`EntityId`] of the form `<source>:<native id>` (`us_ofac_sdn:35096`).
* [`Name`]: a name with its [`NameRole`] (primary, strong alias, weak alias,
  former name, original script) and script.
* [`BirthDate`] and [`PartialDate`]: dates with their real precision (day,
  month or year), `circa` and ranges, as the lists give them.
* [`Country`]: an ISO 3166-1 alpha-2 code; [`country::resolve`] maps the
  country names and demonyms the lists use to codes.
* [`Identifier`]: a typed document or registration number.
* [`ListMeta`]: what one imported list version is: source, data date, files and
  their content hashes, counts.

This crate does no I/O.

```
use veto_model::{Entity, EntityId, Kind, Name, NameRole, Source};

let mut e = Entity::new(Source::UsOfacSdn, "35096", Kind::Person);
e.names.push(Name::new("PUTIN, Vladimir Vladimirovich", NameRole::Primary));
assert_eq!(e.id, EntityId::new(Source::UsOfacSdn, "35096"));
assert_eq!(e.id.as_str(), "us_ofac_sdn:35096");
# Ok::<(), Box<dyn std::error::Error>>(())
```
*/

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod country;
mod date;
mod entity;
mod id;
mod list;

pub use country::Country;
pub use date::{BirthDate, DateParseError, PartialDate, Precision};
pub use entity::{
    Address, Aircraft, Entity, Gender, IdKind, Identifier, Kind, Measure, MeasureKind, Name,
    NameRole, Program, Provenance, Relation, RelationKind, Script, Vessel,
};
pub use id::{EntityId, Source, UnknownSource};
pub use list::{Format, InputFile, KindCounts, ListKey, ListMeta};
