//! OFAC Enhanced XML (`sanctionsData`): SDN_ENHANCED.XML, CONS_ENHANCED.XML.

use veto_model::{Entity, Source};

use crate::error::{Error, ErrorKind, Result};
use crate::input::Input;
use crate::sink::Sink;

/// Parses an OFAC Enhanced XML file. The source (SDN or Consolidated) is
/// read from the file's publication filters unless `source` forces one.
///
/// # Errors
///
/// Fails on malformed XML or invalid entries.
pub fn parse(input: &Input, source: Option<Source>, sink: &mut Sink) -> Result<(Source, Vec<Entity>)> {
    let _ = (source, sink);
    Err(Error::file(&input.name, ErrorKind::UnknownFormat("not written yet".into())))
}
