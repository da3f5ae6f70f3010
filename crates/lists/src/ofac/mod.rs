//! OFAC (US Treasury) formats: the legacy CSV set, the classic XML and the
//! Enhanced XML. The remarks parser is shared: OFAC packs most of an entry's
//! data (dates of birth, identifiers, weak aliases, directives) into one
//! free-text remarks field in the CSV.

pub mod csv;
pub mod enhanced;
pub mod remarks;
pub mod xml;
