//! Inputs: plain text, HTML, SWIFT MT messages and ISO 20022 XML, each turned into
//! [`Segment`](crate::Segment)s to scan.
//!
//! Every reader keeps byte offsets: the text it hands to the scanner is a copy of the
//! input *of the same length*, in which markup, entities and field codes were replaced by
//! spaces (an entity `&amp;` becomes `&` and four spaces). So a mention's span is a span of
//! the original file, and its line is the file's line.

pub mod html;
pub mod iso20022;
pub mod swift;

use std::ops::Range;

use crate::error::ScanError;

/// The format of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Text,
    /// HTML, stripped to its text.
    Html,
    /// SWIFT MT messages (one or more per file).
    Mt,
    /// ISO 20022 XML (pacs.008, pacs.009 and other messages with the same parties).
    Iso20022,
}

impl Format {
    /// Parses a format name: `text`, `html`, `mt` (or `swift`), `xml` (or `pacs`, `iso20022`).
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Format::Text,
            "html" | "htm" => Format::Html,
            "mt" | "swift" | "mt103" | "mt202" | "fin" => Format::Mt,
            "xml" | "pacs" | "pacs.008" | "pacs.009" | "iso20022" | "mx" => Format::Iso20022,
            _ => return None,
        })
    }

    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Mt => "mt",
            Format::Iso20022 => "iso20022",
        }
    }

    /// Recognizes a format from the content (and the file name's extension).
    pub fn detect(name: &str, text: &str) -> Format {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("{1:") || head.starts_with("{4:") || head.starts_with(":20:") {
            return Format::Mt;
        }
        if head.starts_with('<') {
            // The tags that tell, in one pass over the tags' starts of the
            // first 2 KB (compared in ASCII case-insensitively, byte by byte).
            let probe = &head.as_bytes()[..head.len().min(2048)];
            let mut iso = false;
            for at in memchr::memchr_iter(b'<', probe) {
                let tag = &probe[at + 1..];
                let starts = |p: &str| {
                    tag.get(..p.len()).is_some_and(|t| t.eq_ignore_ascii_case(p.as_bytes()))
                };
                match tag.first().map(u8::to_ascii_lowercase) {
                    Some(b'h') if starts("html") => return Format::Html,
                    Some(b'!') if starts("!doctype html") => return Format::Html,
                    Some(b'b') if starts("body") => return Format::Html,
                    Some(b'f') => iso |= starts("fitoficstmrcdttrf") || starts("ficdttrf"),
                    _ => {}
                }
            }
            if iso
                || memchr::memmem::find(&probe.to_ascii_lowercase(), b"urn:iso:std:iso:20022")
                    .is_some()
            {
                return Format::Iso20022;
            }
            // Other XML: its text, tags blanked out.
            return Format::Html;
        }
        let lower_name = name.to_ascii_lowercase();
        if lower_name.ends_with(".html") || lower_name.ends_with(".htm") {
            return Format::Html;
        }
        Format::Text
    }
}

/// A segment of a parsed input: a byte range of [`Parsed::text`] and its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentSpec {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The message field (`59`, `Cdtr/Nm`), for messages.
    pub field: Option<String>,
}

/// One message (or the whole document) of an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// How to refer to it: `message 2 (:20: REF123)`; empty for a plain document.
    pub label: String,
    /// The message type, when known (`MT103`, `pacs.008.001.08`).
    pub kind: Option<String>,
    /// Its segments.
    pub segments: Vec<SegmentSpec>,
}

/// An input read for scanning.
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The format it was read as.
    pub format: Format,
    /// The text to scan: the input with markup blanked out, byte for byte as long as the
    /// input, so that offsets and lines are the input's.
    pub text: String,
    /// Its messages; a message that could not be read is an error, and the others are
    /// still scanned.
    pub messages: Vec<Result<Message, ScanError>>,
}

/// Reads an input in `format` (or the detected one). `name` names it in errors.
pub fn read(name: &str, bytes: &[u8], format: Option<Format>) -> Result<Parsed, ScanError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            // Legacy files are often Latin-1: every byte is a character. The text
            // changes length, so offsets are then those of the UTF-8 re-encoding.
            if bytes.len() - e.valid_up_to() > 0 && looks_latin1(bytes) {
                bytes.iter().map(|&b| b as char).collect()
            } else {
                return Err(ScanError::new(
                    name,
                    format!("not UTF-8 text (invalid byte at offset {})", e.valid_up_to()),
                ));
            }
        }
    };
    let format = format.unwrap_or_else(|| Format::detect(name, &text));
    Ok(match format {
        Format::Text => {
            let len = text.len();
            Parsed {
                format,
                text,
                messages: vec![Ok(Message {
                    label: String::new(),
                    kind: None,
                    segments: vec![SegmentSpec { range: 0..len, field: None }],
                })],
            }
        }
        Format::Html => {
            let text = html::strip(&text);
            let len = text.len();
            Parsed {
                format,
                text,
                messages: vec![Ok(Message {
                    label: String::new(),
                    kind: None,
                    segments: vec![SegmentSpec { range: 0..len, field: None }],
                })],
            }
        }
        Format::Mt => swift::read(name, text),
        Format::Iso20022 => iso20022::read(name, text)?,
    })
}

/// Whether bytes that are not UTF-8 read sensibly as Latin-1 (no C1 controls).
fn looks_latin1(bytes: &[u8]) -> bool {
    !bytes.iter().any(|&b| (0x80..0xa0).contains(&b))
}

/// Replaces `range` of `text` with spaces (keeping line breaks), in place. A range that
/// does not fall on character boundaries is left alone.
pub(crate) fn blank(text: &mut String, range: Range<usize>) {
    let Some(slice) = text.get(range.clone()) else { return };
    let mut repl = String::with_capacity(slice.len());
    for c in slice.chars() {
        if c == '\n' || c == '\r' {
            repl.push(c);
        } else {
            repl.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    text.replace_range(range, &repl);
}

/// Decodes the character reference or entity at the start of `s` (`&amp;`,
/// `&#1055;`, `&#x41F;`): the character and the reference's length in bytes.
pub(crate) fn entity_at(s: &str) -> Option<(char, usize)> {
    let end = s.get(..12.min(s.len()))?.find(';')?;
    let body = s.get(1..end)?;
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ndash" => '–',
            "mdash" => '—',
            "laquo" => '«',
            "raquo" => '»',
            "rsquo" | "lsquo" => '\'',
            "rdquo" | "ldquo" => '"',
            "eacute" => 'é',
            "egrave" => 'è',
            "aacute" => 'á',
            "agrave" => 'à',
            "iacute" => 'í',
            "oacute" => 'ó',
            "uacute" => 'ú',
            "ouml" => 'ö',
            "uuml" => 'ü',
            "auml" => 'ä',
            "ccedil" => 'ç',
            "ntilde" => 'ñ',
            "szlig" => 'ß',
            _ => return None,
        }
    };
    // The decoded character must fit in the reference's bytes.
    (c.len_utf8() <= end + 1).then_some((c, end + 1))
}

/// Decodes every reference in `range` of `text` in place, padding with spaces.
pub(crate) fn decode_entities(text: &mut String, range: Range<usize>) {
    let Some(slice) = text.get(range.clone()) else { return };
    if !slice.contains('&') {
        return;
    }
    let mut out = String::with_capacity(slice.len());
    let mut rest = slice;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match entity_at(rest) {
            Some((c, len)) => {
                out.push(c);
                for _ in c.len_utf8()..len {
                    out.push(' ');
                }
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    debug_assert_eq!(out.len(), range.len());
    text.replace_range(range, &out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        assert_eq!(Format::detect("a.txt", "{1:F01BANK}{2:I103}{4:\n:20:X\n-}"), Format::Mt);
        assert_eq!(Format::detect("a", ":20:REF\n:59:/1\nX"), Format::Mt);
        assert_eq!(Format::detect("a", "<!DOCTYPE html><html>x</html>"), Format::Html);
        assert_eq!(
            Format::detect("a", "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">"),
            Format::Iso20022
        );
        assert_eq!(Format::detect("a.htm", "plain words"), Format::Html);
        assert_eq!(Format::detect("notes.txt", "Payment to AO Sberbank"), Format::Text);
        // Tags compared in any case; an HTML tag anywhere in the first 2 KB wins.
        assert_eq!(Format::detect("a", "<Doc><FIToFICstmrCdtTrf><x/>"), Format::Iso20022);
        assert_eq!(Format::detect("a", "<doc><ficdttrf>"), Format::Iso20022);
        assert_eq!(Format::detect("a", "<x xmlns=\"URN:ISO:STD:ISO:20022:x\">"), Format::Iso20022);
        assert_eq!(Format::detect("a", "<FIToFICstmrCdtTrf/><BODY>"), Format::Html);
        assert_eq!(Format::detect("a", "\u{feff}  <HTML><p>x"), Format::Html);
        assert_eq!(Format::detect("a", "<!doctype HTML>"), Format::Html);
        assert_eq!(Format::detect("a.txt", "<note><to>x</to></note>"), Format::Html);
        let late = format!("<a>{}<FIToFICstmrCdtTrf>", "é".repeat(1100));
        assert_eq!(Format::detect("a", &late), Format::Html);
        assert_eq!(Format::detect("a", "<f"), Format::Html);
    }

    #[test]
    fn entities_keep_length() {
        let mut s = "A &amp; B &#1055;&#x41F; &eacute; &bogus; &".to_string();
        let len = s.len();
        decode_entities(&mut s, 0..len);
        assert_eq!(s.len(), len);
        assert!(s.starts_with("A &     B П     П      é       &bogus;"), "{s}");
        assert!(s.ends_with("&bogus; &"));
    }

    #[test]
    fn latin1_is_read() {
        let p = read("x.txt", b"Soci\xe9t\xe9 G\xe9n\xe9rale", None).unwrap();
        assert_eq!(p.text, "Société Générale");
        let err = read("x.txt", b"abc\x81\x82", None).unwrap_err();
        assert!(err.to_string().contains("x.txt"), "{err}");
    }
}
