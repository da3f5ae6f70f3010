//! OFAC classic XML (`sdnList`): SDN.XML and CONSOLIDATED.XML.

use veto_model::{Entity, Source};

use crate::error::{Error, ErrorKind, Result};
use crate::input::Input;
use crate::sink::Sink;

/// Parses an OFAC classic XML file.
///
/// # Errors
///
/// Fails on malformed XML or invalid entries.
pub fn parse(input: &Input, source: Source, sink: &mut Sink) -> Result<Vec<Entity>> {
    let _ = (source, sink);
    Err(Error::file(&input.name, ErrorKind::UnknownFormat("not written yet".into())))
}
