//! Output helpers.

use serde_json::Value;

/// Removes nulls, empty arrays and objects, and `false` flags from JSON, so
/// that entity JSON shows what the list says and nothing else.
pub fn compact(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, compact(v)))
                .filter(|(_, v)| match v {
                    Value::Null | Value::Bool(false) => false,
                    Value::Array(a) => !a.is_empty(),
                    Value::Object(o) => !o.is_empty(),
                    Value::String(s) => !s.is_empty(),
                    _ => true,
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(compact).collect()),
        v => v,
    }
}

/// A score for JSON output: three decimals, so that an `f32` does not print
/// as 0.800000011920929.
pub fn score(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// Formats a count with thousands separators (`14,965`).
pub fn count(n: impl Into<u64>) -> String {
    let s = n.into().to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Prints JSON to stdout, pretty.
pub fn print_json(v: &Value) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compaction() {
        let v = serde_json::json!({"a": null, "b": [], "c": {"d": false, "e": 1}, "f": "", "g": [{"h": null}]});
        assert_eq!(compact(v), serde_json::json!({"c": {"e": 1}, "g": [{}]}));
    }

    #[test]
    fn counts() {
        assert_eq!(count(0u64), "0");
        assert_eq!(count(999u64), "999");
        assert_eq!(count(14965u64), "14,965");
        assert_eq!(count(1234567u64), "1,234,567");
    }
}
