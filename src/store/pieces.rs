//! An event file cut into pieces: the head (schema, event, days, and
//! whatever else the user keeps there) and one piece per `[[sessions]]`
//! table, found by toml's own push parser without building a document.
//!
//! A command that changes one session parses only that session's piece, so
//! `jot` costs the same in a file of 5 sessions or 500. Putting the pieces
//! back together gives the file byte for byte. Every piece is checked for
//! syntax (strings, escapes, comments); the values of a session (a date out
//! of range, a duplicate key) are checked when that session is read, and a
//! piece nobody reads is written back as it was.

use std::borrow::Cow;

use toml_parser::decoder::Encoding;
use toml_parser::parser::{EventReceiver, RecursionGuard, parse_document};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

/// A slice of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub kind: PieceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    Head,
    /// A `[[sessions]]` table (with its sub-tables and the comments above
    /// it), with its `id` and `day` when they are integers: what a write
    /// needs to know of the sessions it does not read.
    Session {
        id: Option<i64>,
        day: Option<i64>,
    },
}

/// Why a file cannot be cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CutError {
    /// Not TOML: what is wrong, and where (a byte offset).
    Syntax { offset: usize, message: String },
    /// Sessions written some other way than as `[[sessions]]` tables.
    SessionsNotTables,
    /// A session's sub-table (`[sessions.links]`) apart from its session,
    /// after another table: valid TOML, but not a piece of its own.
    Detached { offset: usize },
}

/// The deepest nesting of arrays and inline tables read.
const MAX_NESTING: u32 = 80;

/// Cuts `text` into pieces; joined, they give `text` back.
pub fn cut(text: &str) -> Result<Vec<Piece>, CutError> {
    let tokens = Source::new(text).lex().into_vec();
    let mut cutter = Cutter::new(text);
    let mut parse_error: Option<ParseError> = None;
    // Nesting is bounded as in toml itself: `x = [[[[…` must not
    // overflow the stack.
    parse_document(&tokens, &mut RecursionGuard::new(&mut cutter, MAX_NESTING), &mut parse_error);
    if let Some(error) = parse_error.or(cutter.error.take()) {
        let offset = error.unexpected().or(error.context()).map_or(0, |span| span.start());
        return Err(CutError::Syntax { offset, message: error.description().to_string() });
    }
    if let Some(offset) = cutter.detached {
        return Err(CutError::Detached { offset });
    }
    if cutter.sessions_elsewhere {
        return Err(CutError::SessionsNotTables);
    }
    Ok(cutter.into_pieces())
}

/// Where each of `pieces` begins in their text, with its kind.
pub fn starts(pieces: &[Piece]) -> Vec<(usize, PieceKind)> {
    let mut at = 0;
    pieces
        .iter()
        .map(|piece| {
            let start = at;
            at += piece.text.len();
            (start, piece.kind)
        })
        .collect()
}

/// `starts` with each run of head pieces as one: what the pieces mean.
pub fn merged_heads(starts: &[(usize, PieceKind)]) -> Vec<(usize, PieceKind)> {
    let mut merged: Vec<(usize, PieceKind)> = Vec::with_capacity(starts.len());
    for &(start, kind) in starts {
        if !(kind == PieceKind::Head && merged.last().is_some_and(|(_, last)| *last == PieceKind::Head)) {
            merged.push((start, kind));
        }
    }
    merged
}

/// The pieces of `text` that begin where `starts` says (a cut recorded
/// for this text), if those are places in it, in order, from its start.
pub fn from_starts(text: &str, starts: &[(usize, PieceKind)]) -> Option<Vec<Piece>> {
    if starts.first().is_some_and(|(start, _)| *start != 0) || (starts.is_empty() && !text.is_empty()) {
        return None;
    }
    let ends = starts.iter().skip(1).map(|(start, _)| *start).chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&(start, kind), end)| Some(Piece { text: text.get(start..end)?.to_string(), kind }))
        .collect()
}

/// Collects where pieces start while the parser walks the file.
struct Cutter<'t> {
    text: &'t str,
    /// Start offset and kind of each piece, in order.
    starts: Vec<(usize, PieceKind)>,
    /// The header being read: where its piece would start, `[[` or `[`,
    /// and its keys.
    header: Option<(usize, bool, Vec<Cow<'t, str>>)>,
    /// Keys of the key/value pair being read, at table level.
    keys: Vec<Cow<'t, str>>,
    in_value: bool,
    /// Nesting of arrays and inline tables in the current value.
    depth: usize,
    /// Whether key/values now belong to a `[[sessions]]` table itself
    /// (not a sub-table), where its `id` is.
    at_session_root: bool,
    /// Whether no header has been read yet (key/values are at the root).
    at_root: bool,
    /// Start of the line after the last thing that was not blank or a
    /// comment: comments above a header go with the header's piece.
    line_after_content: Option<usize>,
    seen_content: bool,
    sessions_elsewhere: bool,
    /// Where a session's sub-table stands apart from its session.
    detached: Option<usize>,
    /// The first error found while decoding keys, values and comments.
    error: Option<ParseError>,
}

impl<'t> Cutter<'t> {
    fn new(text: &'t str) -> Self {
        Cutter {
            text,
            starts: vec![(0, PieceKind::Head)],
            header: None,
            keys: Vec::new(),
            in_value: false,
            depth: 0,
            at_session_root: false,
            at_root: true,
            line_after_content: None,
            seen_content: false,
            sessions_elsewhere: false,
            detached: None,
            error: None,
        }
    }

    fn content(&mut self) {
        self.seen_content = true;
        self.line_after_content = None;
    }

    fn open_header(&mut self, span: Span, array: bool) {
        let start = if self.seen_content { self.line_after_content.unwrap_or(span.start()) } else { 0 };
        self.header = Some((start, array, Vec::new()));
        self.content();
    }

    fn close_header(&mut self) {
        let Some((start, array, keys)) = self.header.take() else { return };
        let current_is_session = matches!(self.starts.last(), Some((_, PieceKind::Session { .. })));
        let is_sessions = keys.first().is_some_and(|k| k == "sessions");
        self.at_root = false;
        self.at_session_root = is_sessions && array && keys.len() == 1;
        if self.at_session_root {
            self.starts.push((start, PieceKind::Session { id: None, day: None }));
        } else if is_sessions && !current_is_session {
            let seen_a_session = self.starts.iter().any(|(_, kind)| matches!(kind, PieceKind::Session { .. }));
            if seen_a_session && keys.len() > 1 {
                self.detached.get_or_insert(start);
            } else {
                self.sessions_elsewhere = true;
            }
        } else if !is_sessions && current_is_session {
            self.starts.push((start, PieceKind::Head));
        }
    }

    fn end_value(&mut self) {
        self.in_value = false;
        self.keys.clear();
    }

    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Raw<'t> {
        Raw::new_unchecked(&self.text[span.start()..span.end()], encoding, span)
    }

    /// A key's name; a bare key (nearly all of them) is its own text.
    fn decode_key(&mut self, span: Span, encoding: Option<Encoding>) -> Cow<'t, str> {
        let raw = self.raw(span, encoding);
        if encoding.is_none() {
            raw.decode_key(&mut (), &mut self.error);
            Cow::Borrowed(raw.as_str())
        } else {
            let mut key = String::new();
            raw.decode_key(&mut key, &mut self.error);
            Cow::Owned(key)
        }
    }

    /// The parser only finds tokens: a string with a bad escape or a
    /// malformed date is caught by decoding it (into nothing).
    fn check_scalar(&mut self, span: Span, encoding: Option<Encoding>) {
        let _ = self.raw(span, encoding).decode_scalar(&mut (), &mut self.error);
    }

    fn into_pieces(mut self) -> Vec<Piece> {
        // Comments that end the file stay at its end, after new sessions.
        if let Some(trailer) = self.line_after_content.filter(|&start| start < self.text.len()) {
            self.starts.push((trailer, PieceKind::Head));
        }
        let ends = self.starts.iter().skip(1).map(|(start, _)| *start).chain([self.text.len()]);
        self.starts
            .iter()
            .zip(ends)
            .map(|(&(start, kind), end)| {
                let text = self.text[start..end].to_string();
                let kind = match kind {
                    PieceKind::Session { id, day } if id.is_none() || day.is_none() => {
                        let (full_id, full_day) = integers_by_full_parse(&text);
                        PieceKind::Session { id: id.or(full_id), day: day.or(full_day) }
                    }
                    kind => kind,
                };
                Piece { text, kind }
            })
            .filter(|piece| !(piece.text.is_empty() && piece.kind == PieceKind::Head))
            .collect()
    }
}

/// The id and day of a session piece where one is not a plain integer
/// (`0x1F`, `1_000`), or missing.
fn integers_by_full_parse(piece: &str) -> (Option<i64>, Option<i64>) {
    let Ok(doc) = piece.parse::<toml_edit::DocumentMut>() else { return (None, None) };
    let table = doc.get("sessions").and_then(|s| s.as_array_of_tables()).and_then(|t| t.get(0));
    let integer = |key: &str| table.and_then(|t| t.get(key)).and_then(|v| v.as_integer());
    (integer("id"), integer("day"))
}

impl EventReceiver for Cutter<'_> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.open_header(span, false);
    }
    fn std_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close_header();
    }
    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.open_header(span, true);
    }
    fn array_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close_header();
    }
    fn inline_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.content();
        self.depth += 1;
        true
    }
    fn inline_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close_nested();
    }
    fn array_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.content();
        self.depth += 1;
        true
    }
    fn array_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close_nested();
    }
    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, _error: &mut dyn ErrorSink) {
        self.content();
        if self.header.is_some() {
            let key = self.decode_key(span, encoding);
            if let Some((_, _, keys)) = &mut self.header {
                keys.push(key);
            }
        } else if self.depth == 0 && !self.in_value {
            let key = self.decode_key(span, encoding);
            self.keys.push(key);
        }
    }
    fn key_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.content();
    }
    fn key_val_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.content();
        if self.depth == 0 {
            self.in_value = true;
            if self.at_root && self.keys.first().is_some_and(|k| k == "sessions") {
                self.sessions_elsewhere = true;
            }
        }
    }
    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, _error: &mut dyn ErrorSink) {
        self.content();
        self.check_scalar(span, encoding);
        if self.depth == 0 && self.in_value {
            if self.at_session_root && self.keys.len() == 1 {
                let value = || self.text[span.start()..span.end()].parse().ok();
                let (key, value) = (self.keys[0].as_ref(), value());
                if let Some((_, PieceKind::Session { id, day })) = self.starts.last_mut() {
                    match key {
                        "id" => *id = value,
                        "day" => *day = value,
                        _ => {}
                    }
                }
            }
            self.end_value();
        }
    }
    fn value_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.content();
    }
    fn comment(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.raw(span, None).decode_comment(&mut self.error);
    }
    fn newline(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        if self.seen_content && self.line_after_content.is_none() {
            self.line_after_content = Some(span.end());
        }
    }
    fn error(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.error.get_or_insert(ParseError::new("invalid TOML").with_unexpected(span));
    }
}

impl Cutter<'_> {
    fn close_nested(&mut self) {
        self.content();
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            self.end_value();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"# head comment
schema = 1

[event]
name = "KubeCon"

[[sessions]]
id = 1
title = "One"
notes = '''
[[sessions]]
id = 99
'''
links = [
  ["a", "b"],
  { url = "https://x", id = 7 },
]

# about the second one
[[sessions]]
title = "Two"
id = 0x10
[sessions.extra]
id = 5

[days.2]
intro = "x"

[[sessions]]
id = 3
# the end
"#;

    fn kinds(pieces: &[Piece]) -> Vec<PieceKind> {
        pieces.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn pieces_join_into_the_file_and_know_their_ids() {
        let pieces = cut(FILE).unwrap();
        assert_eq!(pieces.iter().map(|p| p.text.as_str()).collect::<String>(), FILE);
        let session = |id| PieceKind::Session { id: Some(id), day: None };
        assert_eq!(
            kinds(&pieces),
            [PieceKind::Head, session(1), session(16), PieceKind::Head, session(3), PieceKind::Head]
        );
        assert!(pieces[2].text.starts_with("\n# about the second one\n[[sessions]]"));
        assert!(pieces[2].text.ends_with("[sessions.extra]\nid = 5\n"));
        assert_eq!(pieces[5].text, "# the end\n");
    }

    #[test]
    fn crlf_and_a_file_of_sessions_only() {
        let text = "[[sessions]]\r\nid = 1\r\n\r\n[[sessions]]\r\nid = 2\r\n";
        let pieces = cut(text).unwrap();
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[1].text, "\r\n[[sessions]]\r\nid = 2\r\n");
    }

    #[test]
    fn what_is_not_toml_is_refused() {
        for bad in [
            "title = \"open",
            "title = \"bad \\q escape\"",
            "[[sessions]]\nid = 1\nnotes = '''never closed",
            "[event\nname = 1",
            "# a comment with a \u{7f} delete\n",
        ] {
            assert!(matches!(cut(bad), Err(CutError::Syntax { .. })), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let Err(CutError::Syntax { offset, message }) = cut(&deep) else { panic!("accepted") };
        assert!(message.contains("recursion"), "{message}");
        assert!(offset > 80 && offset < 100, "{offset}");
    }

    #[test]
    fn sessions_written_another_way_are_refused() {
        for other in ["sessions = []\n", "[sessions]\nid = 1\n", "sessions.id = 1\n", "[sessions.x]\n"] {
            assert_eq!(cut(other), Err(CutError::SessionsNotTables), "{other:?}");
        }
        // A `sessions` key inside another table is the user's business.
        assert!(cut("[event]\nsessions = 3\n").is_ok());
    }
}
