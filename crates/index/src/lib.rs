/*!
veto's candidate index: every name of every loaded entity, findable by
token, typo neighbourhood, consonant skeleton and name-synonym group.

* [`analyze`] turns a name into classified tokens (legal forms,
  honorifics, particles, numbers, initials, patronymics).
* [`sim`] measures how alike two tokens are.
* [`Index`] retrieves the names worth scoring for a query.
*/

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod analyze;
mod hash;
pub use hash::{FxHasher, FxMap};
mod index;
pub mod names;
pub mod sim;

pub use index::{
    is_abjad, Composite, Index, NameEntry, PreparedQuery, QueryTok, Vocab, Written, JOINED_FLOOR,
    TOKEN_FLOOR,
};
