//! SWIFT MT (FIN) messages: MT103 (customer credit transfer), MT202 (bank transfer) and,
//! read the same way, the other MT types.
//!
//! A message is `{1:...}{2:...}{3:{...}}{4:\r\n:20:...\r\n:59:...\r\n-}{5:...}`; a file may
//! hold several (one after another, or separated by `$` or blank lines), or only the
//! fields of block 4. In block 4 a field starts at a line `:TAG:` (two digits and an
//! optional letter) and runs to the next one. Narrative fields are wrapped at 35
//! characters; a name cut by the wrap is one segment across the line break, so the
//! scanner sees `AO SBERBANK⏎LEASING` as one name.
//!
//! Screened fields (parties, their banks, and free text): 50a ordering customer, 51A, 52a
//! ordering institution, 53a–57a correspondents and intermediaries, 58a beneficiary
//! institution (MT202), 59/59a beneficiary, 70 remittance information, 72 sender to
//! receiver information, 77B regulatory reporting. In the text handed to the scanner, the
//! structure codes are blanked: the line numbers of options F (`1/`, `2/`, ...) and the
//! `/CODE/` words and `//` continuations of fields 70 and 72.

use std::ops::Range;

use super::{Format, Message, Parsed, SegmentSpec};
use crate::error::ScanError;

/// Whether a field tag is screened.
fn screened(tag: &str) -> bool {
    let num = tag.get(..2).unwrap_or("");
    matches!(num, "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" | "59" | "70" | "72")
        || tag == "77B"
}

/// Reads a file of MT messages.
pub fn read(name: &str, mut text: String) -> Parsed {
    let starts: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), b"{1:").collect();
    let bounds: Vec<(usize, usize)> = if starts.is_empty() {
        vec![(0, text.len())]
    } else {
        let mut b: Vec<(usize, usize)> = starts.windows(2).map(|w| (w[0], w[1])).collect();
        if let Some(&last) = starts.last() {
            b.push((last, text.len()));
        }
        b
    };
    let several = bounds.len() > 1;
    let mut messages = Vec::with_capacity(bounds.len());
    // The structure codes to blank, all messages read (ASCII all: blanked
    // byte for byte).
    let mut codes: Vec<Range<usize>> = Vec::new();
    for (n, &(s, e)) in bounds.iter().enumerate() {
        let mut label = String::with_capacity(48);
        if several {
            label.push_str("message ");
            push_number(&mut label, n + 1);
        }
        messages.push(read_message(name, &text, s, e, label, &mut codes));
    }
    if !codes.is_empty() {
        let mut bytes = std::mem::take(&mut text).into_bytes();
        for r in codes {
            if let Some(code) = bytes.get_mut(r) {
                code.fill(b' ');
            }
        }
        // (Spaces over ASCII bytes: still UTF-8.)
        text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    }
    Parsed { format: Format::Mt, text, messages }
}

/// Where block `{N:` starts in `chunk`, if it does.
fn find_block(chunk: &str, n: u8) -> Option<usize> {
    let b = chunk.as_bytes();
    memchr::memchr_iter(b'{', b).find(|&i| b.get(i + 1) == Some(&n) && b.get(i + 2) == Some(&b':'))
}

/// Reads the message in `text[s..e]`, adding the ranges of its codes to blank to `codes`.
fn read_message(
    name: &str,
    text: &str,
    s: usize,
    e: usize,
    mut label: String,
    codes: &mut Vec<Range<usize>>,
) -> Result<Message, ScanError> {
    let chunk = &text[s..e];
    let err = |label: &str, what: String| {
        let who = if label.is_empty() { name.to_string() } else { format!("{name} {label}") };
        Err(ScanError::new(who, what))
    };
    // Blocks 1 and 2 (basic and application header).
    let mut kind = None;
    if chunk.starts_with("{1:") {
        let Some(close) = chunk.find('}') else {
            return err(&label, "block 1 (basic header) is not closed by '}'".into());
        };
        if chunk[3..close].contains('{') {
            return err(&label, "block 1 (basic header) is not closed by '}'".into());
        }
    }
    if let Some(b2) = find_block(chunk, b'2') {
        let rest = &chunk[b2 + 3..];
        match rest.find('}') {
            Some(close) if !rest[..close].contains('{') => {
                let h = &rest[..close];
                if let Some(mt) = h.get(1..4).filter(|m| m.bytes().all(|b| b.is_ascii_digit())) {
                    let mut k = String::with_capacity(5);
                    k.push_str("MT");
                    k.push_str(mt);
                    kind = Some(k);
                }
            }
            _ => return err(&label, "block 2 (application header) is not closed by '}'".into()),
        }
    }
    // Block 4 (text), closed by a line "-}", or the bare fields. Its lines
    // are read once: for its end and for its fields.
    let (body_start, closed) = match find_block(chunk, b'4') {
        Some(b4) => (s + b4 + 3, true),
        None if chunk.trim_start().starts_with(':') => (s, false),
        None => return err(&label, "no text block '{4:' and no fields".into()),
    };
    // Fields: the tag's byte range, and where the value starts and ends.
    let bytes = text.as_bytes();
    let mut fields: Vec<(Range<usize>, usize, usize)> = Vec::with_capacity(16);
    let mut close = None;
    // The text before the first field, if any (an error once the block is
    // known to be whole).
    let mut stray: Option<(usize, usize)> = None;
    for (ls, le) in lines(bytes, body_start, e) {
        if closed && bytes[ls..e].starts_with(b"-}") {
            close = Some(ls);
            break;
        }
        let line = &bytes[ls..le];
        if let Some((tag_len, value_off)) = field_start(line) {
            if let Some(last) = fields.last_mut() {
                last.2 = ls;
            }
            fields.push((ls + 1..ls + 1 + tag_len, ls + value_off, le));
        } else if fields.is_empty() && stray.is_none() && !text[ls..le].trim().is_empty() {
            stray = Some((ls, le));
        }
    }
    let body_end = match (closed, close) {
        (false, _) => e,
        (true, Some(close)) => close,
        (true, None) => {
            return err(
                &label,
                "block 4 (text) is not closed by a line '-}': the message is truncated".into(),
            )
        }
    };
    if let Some((ls, le)) = stray {
        let shown: String = text[ls..le].trim().chars().take(40).collect();
        return err(&label, format!("text before the first field in block 4: '{shown}'"));
    }
    if let Some(last) = fields.last_mut() {
        last.2 = body_end;
    }
    if fields.is_empty() {
        return err(&label, "block 4 holds no fields".into());
    }
    if let Some((_, vs, ve)) = fields.iter().find(|(t, ..)| &bytes[t.clone()] == b"20") {
        let reference = text[*vs..*ve].trim();
        if !reference.is_empty() {
            if !label.is_empty() {
                label.push(' ');
            }
            label.push_str("(:20: ");
            label.push_str(reference);
            label.push(')');
        }
    }
    let mut segments = Vec::new();
    for (tag, vs, ve) in fields {
        let tag = &text[tag];
        if !screened(tag) {
            continue;
        }
        let tag = tag.to_string();
        // Trailing line break (and the "-}" of block 4, excluded above).
        let mut end = ve;
        while end > vs && matches!(text.as_bytes()[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        blank_codes(text, &tag, vs, end, codes);
        segments.push(SegmentSpec { range: vs..end, field: Some(tag) });
    }
    Ok(Message { label, kind, segments })
}

/// Appends the decimal digits of `n` (a message's number in its file).
fn push_number(s: &mut String, n: usize) {
    if n >= 10 {
        push_number(s, n / 10);
    }
    s.push(char::from(b'0' + (n % 10) as u8));
}

/// The lines of `bytes[s..e]`, each with its line break, as byte ranges.
fn lines(bytes: &[u8], s: usize, e: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = s;
    std::iter::from_fn(move || {
        if pos >= e {
            return None;
        }
        let end = memchr::memchr(b'\n', &bytes[pos..e]).map_or(e, |i| pos + i + 1);
        let line = (pos, end);
        pos = end;
        Some(line)
    })
}

/// `:TAG:` at the start of a line: the tag's length and where the value starts.
fn field_start(b: &[u8]) -> Option<(usize, usize)> {
    if b.first() != Some(&b':') || b.len() < 4 {
        return None;
    }
    if !(b[1].is_ascii_digit() && b[2].is_ascii_digit()) {
        return None;
    }
    let (tag_len, colon) = match b.get(3) {
        Some(b':') => (2, 3),
        Some(c) if c.is_ascii_uppercase() && b.get(4) == Some(&b':') => (3, 4),
        _ => return None,
    };
    Some((tag_len, colon + 1))
}

/// Adds the ranges of the structure codes of a field value in `text[vs..ve]` to `codes`.
fn blank_codes(text: &str, tag: &str, vs: usize, ve: usize, codes: &mut Vec<Range<usize>>) {
    let option_f = tag.ends_with('F');
    let narrative = tag == "70" || tag == "72" || tag == "77B";
    if !option_f && !narrative {
        return;
    }
    let b = text.as_bytes();
    codes.extend(lines(b, vs, ve).filter_map(|(pos, end)| {
        let line = &b[pos..end];
        if option_f {
            // Option F: "1/NAME", "2/ADDRESS", "3/RU/MOSCOW".
            let numbered = line.len() >= 2 && line[0].is_ascii_digit() && line[1] == b'/';
            return numbered.then_some(pos..pos + 2);
        }
        // "//" continues the previous line; "/CODE/" names what follows.
        if line.starts_with(b"//") {
            return Some(pos..pos + 2);
        }
        let close = memchr::memchr(b'/', line.strip_prefix(b"/")?)?;
        let code = &line[1..1 + close];
        ((2..=8).contains(&code.len())
            && code.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
        .then_some(pos..pos + close + 2)
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    const MT103: &str =
        "{1:F01BANKBEBBAXXX0000000000}{2:I103BANKDEFFXXXXN}{3:{108:MT103REF}}{4:\r\n\
:20:REF123\r\n\
:23B:CRED\r\n\
:32A:240115EUR1000,00\r\n\
:50F:/DE89370400440532013000\r\n\
1/ROSSI MACCHINE S.P.A.\r\n\
2/VIA ROMA 1\r\n\
3/IT/MILANO\r\n\
:59:/40702810900000012345\r\n\
AO SBERBANK\r\n\
LEASING\r\n\
:70:/INV/2024-17 PRESS PARTS\r\n\
//FOR CONTRACT 5\r\n\
:71A:SHA\r\n\
-}{5:{CHK:123456789ABC}}";

    fn seg<'a>(p: &'a Parsed, m: usize, field: &str) -> &'a str {
        let msg = p.messages[m].as_ref().unwrap();
        let s = msg.segments.iter().find(|s| s.field.as_deref() == Some(field)).unwrap();
        &p.text[s.range.clone()]
    }

    #[test]
    fn reads_an_mt103() {
        let p = read("pay.fin", MT103.to_string());
        assert_eq!(p.text.len(), MT103.len());
        let m = p.messages[0].as_ref().unwrap();
        assert_eq!(m.kind.as_deref(), Some("MT103"));
        assert_eq!(m.label, "(:20: REF123)");
        let fields: Vec<&str> = m.segments.iter().filter_map(|s| s.field.as_deref()).collect();
        assert_eq!(fields, ["50F", "59", "70"]);
        assert_eq!(seg(&p, 0, "59"), "/40702810900000012345\r\nAO SBERBANK\r\nLEASING");
        let f50 = seg(&p, 0, "50F");
        assert!(f50.contains("\r\n  ROSSI MACCHINE S.P.A.\r\n  VIA ROMA 1"), "{f50:?}");
        let f70 = seg(&p, 0, "70");
        assert_eq!(f70, "     2024-17 PRESS PARTS\r\n  FOR CONTRACT 5");
        // Offsets are the original's.
        let s = m.segments.iter().find(|s| s.field.as_deref() == Some("59")).unwrap();
        assert!(MT103[s.range.clone()].contains("AO SBERBANK"));
    }

    #[test]
    fn several_messages_and_one_truncated() {
        let truncated = MT103.replace("-}{5:{CHK:123456789ABC}}", "");
        let mt202 = "{1:F01BANKBEBBAXXX0000000000}{2:O2021200240115BANKDEFFAXXX00000000002401151200N}{4:\n:20:B2B7\n:21:REL\n:32A:240115USD5,\n:58A:/123\nSABRRUMM\n-}";
        let all = format!("{MT103}\n$\n{truncated}\n{mt202}");
        let p = read("batch.fin", all);
        assert_eq!(p.messages.len(), 3);
        assert!(p.messages[0].is_ok());
        let e = p.messages[1].as_ref().unwrap_err();
        assert_eq!(e.source_name, "batch.fin message 2");
        assert!(e.message.contains("block 4") && e.message.contains("truncated"), "{e}");
        let m = p.messages[2].as_ref().unwrap();
        assert_eq!(m.kind.as_deref(), Some("MT202"));
        assert_eq!(seg(&p, 2, "58A"), "/123\nSABRRUMM");
    }

    #[test]
    fn bare_fields_and_malformed_headers() {
        let p = read("f.txt", ":20:X\n:59:IVAN PETROV\n".to_string());
        assert_eq!(seg(&p, 0, "59"), "IVAN PETROV");
        let p = read("f.txt", "{1:F01BANK{2:I103X}{4:\n:20:X\n-}".to_string());
        assert!(p.messages[0].as_ref().unwrap_err().message.contains("block 1"));
        let p = read("f.txt", "{1:F01BANK}{2:I103X{4:\n:20:X\n-}".to_string());
        assert!(p.messages[0].as_ref().unwrap_err().message.contains("block 2"));
        let p = read("f.txt", "{1:F01BANK}{2:I103X}{4:\nhello\n:20:X\n-}".to_string());
        assert!(p.messages[0].as_ref().unwrap_err().message.contains("before the first field"));
        let p = read("f.txt", "{1:F01BANK}{2:I103X}{4:\n-}".to_string());
        assert!(p.messages[0].as_ref().unwrap_err().message.contains("no fields"));
        let p = read("f.txt", "{1:F01BANK}{2:I103X}".to_string());
        assert!(p.messages[0].as_ref().unwrap_err().message.contains("no text block"));
    }
}
