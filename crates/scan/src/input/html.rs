//! HTML to text, keeping every byte where it was: tags, comments and the contents of
//! `<script>` and `<style>` become spaces, character references become the character
//! followed by spaces.

/// The text of an HTML document, as long as the document.
pub fn strip(html: &str) -> String {
    let mut out = html.to_string();
    let lower = html.to_ascii_lowercase();
    let b = lower.as_bytes();
    let mut i = 0;
    let mut blanks: Vec<std::ops::Range<usize>> = Vec::new();
    let mut text_runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut text_start = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        // A `<` not followed by a letter, `/`, `!` or `?` is text ("a < b").
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
            i += 1;
            continue;
        }
        text_runs.push(text_start..i);
        let end = if lower[i..].starts_with("<!--") {
            lower[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3)
        } else {
            let te = tag_end(b, i);
            let name: String = lower[i + 1..te.min(b.len())]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if name == "script" || name == "style" {
                let close = format!("</{name}");
                lower[te..].find(&close).map_or(b.len(), |e| tag_end(b, te + e))
            } else {
                te
            }
        };
        blanks.push(i..end);
        i = end;
        text_start = end;
    }
    text_runs.push(text_start..b.len());
    for r in blanks {
        super::blank(&mut out, r);
    }
    for r in text_runs {
        super::decode_entities(&mut out, r);
    }
    out
}

/// The byte just past the `>` closing the tag that starts at `i` (quotes respected).
fn tag_end(b: &[u8], i: usize) -> usize {
    let mut quote = 0u8;
    let mut j = i + 1;
    while j < b.len() {
        let c = b[j];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return j + 1;
        }
        j += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn strips_markup_and_keeps_offsets() {
        let html = "<html><head><style>p { color: red }</style><script>var x = '<b>';</script></head>\n<body><p class=\"a>b\">Payment to <b>AO&nbsp;SBERBANK</b> LEASING &amp; co</p><!-- <p>hidden</p> -->\n</body></html>";
        let text = strip(html);
        assert_eq!(text.len(), html.len());
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words, ["Payment", "to", "AO", "SBERBANK", "LEASING", "&", "co"]);
        let at = text.find("SBERBANK").unwrap();
        assert_eq!(&html[at..at + 8], "SBERBANK");
        assert_eq!(text.matches('\n').count(), html.matches('\n').count());
    }

    #[test]
    fn text_with_angle_brackets_and_unclosed_tags() {
        assert_eq!(strip("a < b and c > d").trim(), "a < b and c > d");
        let t = strip("Rosneft <b unclosed");
        assert_eq!(t.trim(), "Rosneft");
        let t = strip("<script>never closed");
        assert_eq!(t.trim(), "");
    }
}
