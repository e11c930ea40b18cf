//! A YAML writer for JSON values, enough for the OpenAPI document: block
//! mappings and sequences, every string and key double-quoted (a JSON string
//! is a valid YAML double-quoted scalar), so nothing is read as another type.

use serde_json::Value;

use super::escape::js_string;

/// The value as a YAML document.
pub fn document(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(m) if !m.is_empty() => block(&mut out, value, 0),
        Value::Array(a) if !a.is_empty() => block(&mut out, value, 0),
        _ => {
            scalar(&mut out, value);
            out.push('\n');
        }
    }
    out
}

/// A non-empty mapping or sequence, each item on its own line at `indent`.
fn block(out: &mut String, value: &Value, indent: usize) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                out.push_str(&pad);
                js_string(out, key);
                out.push(':');
                nested(out, v, indent);
            }
        }
        Value::Array(items) => {
            for v in items {
                out.push_str(&pad);
                out.push('-');
                nested(out, v, indent);
            }
        }
        _ => {}
    }
}

/// What follows `key:` or `-`: a scalar on the same line, or a block below.
fn nested(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            block(out, value, indent + 2);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            block(out, value, indent + 2);
        }
        _ => {
            out.push(' ');
            scalar(out, value);
            out.push('\n');
        }
    }
}

fn scalar(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => js_string(out, s),
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn blocks_and_quoted_scalars() {
        let v = json!({"a": [1, {"b": "x: y", "c": []}], "409": {}, "d": null});
        assert_eq!(
            super::document(&v),
            "\"409\": {}\n\"a\":\n  - 1\n  -\n    \"b\": \"x: y\"\n    \"c\": []\n\"d\": null\n"
        );
    }
}
