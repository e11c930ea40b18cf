//! A JSON or YAML document as a tree whose every node and key knows its line
//! and column, so that a problem found in the spec is reported where it is.
//!
//! JSON is read by a small parser of its own (exact JSON, with JSON's error
//! messages); YAML by `saphyr-parser`'s events. Both keep mappings in
//! document order, which the import's output follows.

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use super::Problem;

/// The deepest nesting either reader accepts.
pub const MAX_DEPTH: usize = 256;
/// The most nodes a YAML document may expand to through aliases.
pub const MAX_NODES: usize = 20_000_000;

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub col: usize,
}

/// A value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it starts.
    pub at: Pos,
}

/// A mapping key and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key's text.
    pub text: String,
    /// Where it is.
    pub at: Pos,
}

/// A JSON-shaped value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, or YAML's `~` and empty value.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in document order.
    Map(Vec<(Key, Node)>),
}

impl Node {
    /// The value of `key`, when this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()?
            .iter()
            .find(|(k, _)| k.text == key)
            .map(|(_, v)| v)
    }

    /// The mapping's entries.
    pub fn entries(&self) -> Option<&[(Key, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The string, when this is one.
    pub fn str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The string value of `key`.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Node::str)
    }

    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Seq(_) => "a sequence",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Reads a document: JSON when it starts with `{` or `[`, else YAML.
pub fn parse(text: &str) -> Result<Node, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match text.trim_start().chars().next() {
        Some('{' | '[') => Json::new(text).document(),
        _ => yaml(text),
    }
}

// ---------------------------------------------------------------- JSON

struct Json<'a> {
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
    line: usize,
    /// Byte offset where the current line starts.
    line_start: usize,
}

impl<'a> Json<'a> {
    fn new(text: &'a str) -> Self {
        Json {
            text,
            bytes: text.as_bytes(),
            i: 0,
            line: 1,
            line_start: 0,
        }
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.text[self.line_start..self.i].chars().count() + 1,
        }
    }

    fn error(&self, message: impl Into<String>) -> Problem {
        Problem::at(self.pos(), format!("invalid JSON: {}", message.into()))
    }

    fn found(&self) -> String {
        match self.text[self.i..].chars().next() {
            None => "the end of the file".to_string(),
            Some(c) if c.is_control() => format!("{c:?}"),
            Some(c) => format!("`{c}`"),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(&b) = self.bytes.get(self.i) {
            match b {
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'\n' => {
                    self.i += 1;
                    self.line += 1;
                    self.line_start = self.i;
                }
                _ => break,
            }
        }
    }

    fn document(mut self) -> Result<Node, Problem> {
        self.skip_ws();
        let node = self.value(0)?;
        self.skip_ws();
        if self.i < self.bytes.len() {
            return Err(self.error(format!(
                "expected the end of the document, found {}",
                self.found()
            )));
        }
        Ok(node)
    }

    fn value(&mut self, depth: usize) -> Result<Node, Problem> {
        if depth > MAX_DEPTH {
            return Err(self.error(format!("nested deeper than {MAX_DEPTH} levels")));
        }
        let at = self.pos();
        let value = match self.bytes.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut entries = Vec::new();
                self.skip_ws();
                if self.bytes.get(self.i) == Some(&b'}') {
                    self.i += 1;
                } else {
                    loop {
                        self.skip_ws();
                        if self.bytes.get(self.i) != Some(&b'"') {
                            return Err(self
                                .error(format!("expected a string key, found {}", self.found())));
                        }
                        let key_at = self.pos();
                        let key = self.string()?;
                        self.skip_ws();
                        if self.bytes.get(self.i) != Some(&b':') {
                            return Err(self.error(format!("expected `:`, found {}", self.found())));
                        }
                        self.i += 1;
                        self.skip_ws();
                        let v = self.value(depth + 1)?;
                        entries.push((
                            Key {
                                text: key,
                                at: key_at,
                            },
                            v,
                        ));
                        self.skip_ws();
                        match self.bytes.get(self.i) {
                            Some(b',') => self.i += 1,
                            Some(b'}') => {
                                self.i += 1;
                                break;
                            }
                            _ => {
                                return Err(self.error(format!(
                                    "expected `,` or `}}`, found {}",
                                    self.found()
                                )));
                            }
                        }
                    }
                }
                Value::Map(entries)
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.skip_ws();
                if self.bytes.get(self.i) == Some(&b']') {
                    self.i += 1;
                } else {
                    loop {
                        self.skip_ws();
                        items.push(self.value(depth + 1)?);
                        self.skip_ws();
                        match self.bytes.get(self.i) {
                            Some(b',') => self.i += 1,
                            Some(b']') => {
                                self.i += 1;
                                break;
                            }
                            _ => {
                                return Err(self.error(format!(
                                    "expected `,` or `]`, found {}",
                                    self.found()
                                )));
                            }
                        }
                    }
                }
                Value::Seq(items)
            }
            Some(b'"') => Value::String(self.string()?),
            Some(b't') if self.bytes[self.i..].starts_with(b"true") => {
                self.i += 4;
                Value::Bool(true)
            }
            Some(b'f') if self.bytes[self.i..].starts_with(b"false") => {
                self.i += 5;
                Value::Bool(false)
            }
            Some(b'n') if self.bytes[self.i..].starts_with(b"null") => {
                self.i += 4;
                Value::Null
            }
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            _ => return Err(self.error(format!("expected a value, found {}", self.found()))),
        };
        Ok(Node { value, at })
    }

    fn number(&mut self) -> Result<String, Problem> {
        let start = self.i;
        let digits = |j: &mut usize, bytes: &[u8]| {
            let from = *j;
            while bytes.get(*j).is_some_and(u8::is_ascii_digit) {
                *j += 1;
            }
            *j > from
        };
        let mut j = self.i;
        if self.bytes.get(j) == Some(&b'-') {
            j += 1;
        }
        let int_start = j;
        if !digits(&mut j, self.bytes) || (self.bytes[int_start] == b'0' && j - int_start > 1) {
            self.i = int_start;
            return Err(self.error("a number needs digits, without a leading zero"));
        }
        if self.bytes.get(j) == Some(&b'.') {
            j += 1;
            if !digits(&mut j, self.bytes) {
                self.i = j;
                return Err(self.error("expected a digit after `.`"));
            }
        }
        if matches!(self.bytes.get(j), Some(b'e' | b'E')) {
            j += 1;
            if matches!(self.bytes.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if !digits(&mut j, self.bytes) {
                self.i = j;
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        self.i = j;
        Ok(self.text[start..j].to_string())
    }

    /// A string at `"`; leaves `i` past the closing quote.
    fn string(&mut self) -> Result<String, Problem> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            while let Some(&b) = self.bytes.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.text[run..self.i]);
            match self.bytes.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c =
                        match self.bytes.get(self.i) {
                            Some(b'"') => '"',
                            Some(b'\\') => '\\',
                            Some(b'/') => '/',
                            Some(b'b') => '\u{8}',
                            Some(b'f') => '\u{c}',
                            Some(b'n') => '\n',
                            Some(b'r') => '\r',
                            Some(b't') => '\t',
                            Some(b'u') => {
                                self.i += 1;
                                let hi = self.hex4()?;
                                let code = if (0xD800..0xDC00).contains(&hi)
                                    && self.bytes[self.i..].starts_with(b"\\u")
                                {
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if !(0xDC00..0xE000).contains(&lo) {
                                        return Err(self.error("a lone surrogate in a \\u escape"));
                                    }
                                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                } else {
                                    hi
                                };
                                out.push(char::from_u32(code).ok_or_else(|| {
                                    self.error("a lone surrogate in a \\u escape")
                                })?);
                                continue;
                            }
                            _ => {
                                return Err(self.error(format!(
                                    "invalid escape `\\{}`",
                                    self.found().trim_matches('`')
                                )));
                            }
                        };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error("a control character inside a string")),
                None => return Err(self.error("a string is not closed")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Problem> {
        let hex = self
            .text
            .get(self.i..self.i + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("expected four hex digits after \\u"))?;
        self.i += 4;
        Ok(u32::from_str_radix(hex, 16).unwrap_or(0))
    }
}

// ---------------------------------------------------------------- YAML

fn pos(span: &Span) -> Pos {
    Pos {
        line: span.start.line(),
        col: span.start.col() + 1,
    }
}

/// A collection being read: its start and what it has so far.
enum Open {
    Seq(Pos, usize, Vec<Node>),
    Map(Pos, usize, Vec<(Key, Node)>, Option<Key>),
}

/// Reads YAML. libyaml, and so most YAML tools, accept a flow collection's
/// closing bracket on a line indented no deeper than its key (moby's
/// swagger.yaml has several); saphyr does not. Such a line holds nothing but
/// brackets and commas, so indenting it changes no value: where saphyr
/// stops there, the line is indented and the text read again.
fn yaml(text: &str) -> Result<Node, Problem> {
    let mut text = Cow::Borrowed(text);
    for _ in 0..1000 {
        match yaml_once(&text) {
            Err(e) if e.message == "invalid YAML: invalid indentation" => {
                let Some(line) = e.line.and_then(|l| text.split('\n').nth(l - 1)) else {
                    return Err(e);
                };
                let closing = line.trim().starts_with([']', '}'])
                    && line
                        .trim()
                        .chars()
                        .all(|c| matches!(c, ']' | '}' | ',' | ' '));
                if !closing {
                    return Err(e);
                }
                let start = text
                    .split('\n')
                    .take(e.line.unwrap_or(1) - 1)
                    .map(|l| l.len() + 1)
                    .sum::<usize>();
                let mut patched = text.into_owned();
                patched.insert_str(start, "        ");
                text = Cow::Owned(patched);
            }
            other => return other,
        }
    }
    yaml_once(&text)
}

fn yaml_once(text: &str) -> Result<Node, Problem> {
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: Vec<(usize, Node)> = Vec::new();
    let mut root: Option<Node> = None;
    let mut nodes = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            Problem::at(
                Pos {
                    line: e.marker().line(),
                    col: e.marker().col() + 1,
                },
                format!("invalid YAML: {}", e.info()),
            )
        })?;
        let at = pos(&span);
        let (node, anchor) = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => {
                continue;
            }
            Event::DocumentStart(_) => {
                if root.is_some() {
                    return Err(Problem::at(
                        at,
                        "the file holds more than one YAML document; a spec is one",
                    ));
                }
                continue;
            }
            Event::SequenceStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Problem::at(
                        at,
                        format!("invalid YAML: nested deeper than {MAX_DEPTH} levels"),
                    ));
                }
                stack.push(Open::Seq(at, anchor, Vec::new()));
                continue;
            }
            Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Problem::at(
                        at,
                        format!("invalid YAML: nested deeper than {MAX_DEPTH} levels"),
                    ));
                }
                stack.push(Open::Map(at, anchor, Vec::new(), None));
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Open::Seq(at, anchor, items)) => (
                    Node {
                        value: Value::Seq(items),
                        at,
                    },
                    anchor,
                ),
                _ => return Err(Problem::at(at, "invalid YAML: unbalanced sequence")),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Open::Map(at, anchor, entries, _)) => (
                    Node {
                        value: Value::Map(entries),
                        at,
                    },
                    anchor,
                ),
                _ => return Err(Problem::at(at, "invalid YAML: unbalanced mapping")),
            },
            Event::Scalar(text, style, anchor, tag) => {
                let value = scalar(text, style, tag.as_deref().map(|t| t.suffix.as_str()));
                (Node { value, at }, anchor)
            }
            Event::Alias(id) => {
                let Some((_, node)) = anchors.iter().rev().find(|(a, _)| *a == id) else {
                    return Err(Problem::at(at, "invalid YAML: an alias to no anchor"));
                };
                nodes += count(node);
                if nodes > MAX_NODES {
                    return Err(Problem::at(
                        at,
                        format!("aliases expand the document past {MAX_NODES} nodes"),
                    ));
                }
                let mut node = node.clone();
                node.at = at;
                (node, 0)
            }
        };
        nodes += 1;
        if anchor > 0 {
            anchors.push((anchor, node.clone()));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Open::Seq(_, _, items)) => items.push(node),
            Some(Open::Map(_, _, entries, key)) => match key.take() {
                None => {
                    let text = match node.value {
                        Value::String(s) | Value::Number(s) => s,
                        Value::Bool(b) => b.to_string(),
                        Value::Null => String::new(),
                        _ => {
                            return Err(Problem::at(
                                node.at,
                                "a mapping key that is a collection: keys in a spec are text",
                            ));
                        }
                    };
                    *key = Some(Key { text, at: node.at });
                }
                Some(k) => entries.push((k, node)),
            },
        }
    }
    Ok(root.unwrap_or(Node {
        value: Value::Null,
        at: Pos { line: 1, col: 1 },
    }))
}

fn count(node: &Node) -> usize {
    1 + match &node.value {
        Value::Seq(items) => items.iter().map(count).sum(),
        Value::Map(entries) => entries.iter().map(|(_, v)| count(v)).sum(),
        _ => 0,
    }
}

/// A scalar by YAML 1.2's core schema: plain `null`, `true`, numbers are
/// those; quoted and block scalars, and tagged `!!str`, are strings.
fn scalar(text: Cow<'_, str>, style: ScalarStyle, tag: Option<&str>) -> Value {
    if style != ScalarStyle::Plain || tag == Some("str") {
        return Value::String(text.into_owned());
    }
    match text.as_ref() {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        t if is_number(t) => Value::Number(t.to_string()),
        _ => Value::String(text.into_owned()),
    }
}

fn is_number(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    !t.is_empty()
        && (t.bytes().all(|b| b.is_ascii_digit())
            || (t.parse::<f64>().is_ok() && t.bytes().all(|b| b"0123456789.eE+-".contains(&b))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_order_and_positions() {
        let doc = parse("{\n  \"b\": [1, \"x\\u00e9\\ud83d\\ude00\"],\n  \"a\": null\n}").unwrap();
        let entries = doc.entries().unwrap();
        assert_eq!(entries[0].0.text, "b");
        assert_eq!(entries[0].0.at, Pos { line: 2, col: 3 });
        assert_eq!(entries[1].0.at, Pos { line: 3, col: 3 });
        let Value::Seq(items) = &entries[0].1.value else {
            panic!()
        };
        assert_eq!(items[1].str(), Some("xé😀"));
        assert_eq!(items[0].value, Value::Number("1".into()));
    }

    #[test]
    fn json_errors_are_located() {
        let e = parse("{\n  \"a\": 1\n  \"b\": 2\n}").unwrap_err();
        assert_eq!((e.line, e.column), (Some(3), Some(3)));
        assert_eq!(e.message, "invalid JSON: expected `,` or `}`, found `\"`");
        let e = parse("[01]").unwrap_err();
        assert_eq!((e.line, e.column), (Some(1), Some(2)));
    }

    #[test]
    fn yaml_scalars_keys_and_aliases() {
        let doc = parse("a: &x\n  404: ok\n  n: ~\nb: *x\nc: '1'\nd: 1.5\n").unwrap();
        let a = doc.get("a").unwrap();
        assert_eq!(a.get_str("404"), Some("ok"));
        assert_eq!(a.get("n").unwrap().value, Value::Null);
        assert_eq!(doc.get("b").unwrap().get_str("404"), Some("ok"));
        assert_eq!(doc.get_str("c"), Some("1"));
        assert_eq!(doc.get("d").unwrap().value, Value::Number("1.5".into()));
        assert_eq!(doc.entries().unwrap()[1].0.at, Pos { line: 4, col: 1 });
    }

    #[test]
    fn yaml_closing_brackets_at_the_keys_indent() {
        let doc = parse("b:\n  a:\n    x:\n      example: {\n        \"80\": {}\n      }\n      y: |\n        }\n").unwrap();
        let x = doc.get("b").unwrap().get("a").unwrap().get("x").unwrap();
        assert_eq!(
            x.get("example").unwrap().get("80").unwrap().value,
            Value::Map(Vec::new())
        );
        assert_eq!(x.get_str("y"), Some("}\n"));
    }

    #[test]
    fn yaml_errors_are_located() {
        let e = parse("a: 1\nb: [\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.starts_with("invalid YAML: "), "{}", e.message);
    }
}
