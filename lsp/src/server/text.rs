//! Positions: LSP `(line, UTF-16 code unit)` pairs to byte offsets and back, and applying
//! incremental text changes.
//!
//! The compiler works in byte offsets into UTF-8 text; the protocol counts UTF-16 code units
//! (the only position encoding every client supports, so the server never negotiates
//! another). Every conversion clamps: a line past the end maps to the end of the text, a
//! character past the end of its line to the end of the line (as the specification says), a
//! character inside a surrogate pair to the start of that character. Nothing here panics on
//! any input.
//!
//! Lines end at `\n`; a `\r` before it belongs to the line terminator, not to the line.
//! (A lone `\r`, which the protocol also counts as a line end, is treated as text: Python
//! files with classic Mac line endings are not supported by this index.)

use ruff_text_size::{TextRange, TextSize};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

/// Start offsets (bytes) of every line of one text, for conversions in both directions: the
/// compiler's [`molt_db::LineIndex`] with UTF-16 positions on top.
///
/// Build it once per text version ([`LineIndex::new`] is one pass over the bytes) and pass the
/// same text to every method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex(molt_db::LineIndex);

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        LineIndex(molt_db::LineIndex::new(text))
    }

    /// The byte offset of `position` in `text`, clamped to the text (see the module docs).
    pub fn offset(&self, text: &str, position: Position) -> u32 {
        let Some(&start) = self.0.line_starts().get(position.line as usize) else {
            return text.len() as u32;
        };
        let line = line_text(text, start as usize);
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            let next = units + c.len_utf16() as u32;
            if next > position.character {
                // `position.character` is here or inside this character (a surrogate pair):
                // the character starts at `i`.
                return start + i as u32;
            }
            units = next;
        }
        start + line.len() as u32
    }

    /// The position of byte `offset` in `text`. An offset past the end maps to the end; an
    /// offset inside a multi-byte character maps to the start of that character.
    pub fn position(&self, text: &str, offset: u32) -> Position {
        let mut offset = (offset as usize).min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.0.line_starts();
        let line = starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1);
        let start = starts.get(line).copied().unwrap_or(0) as usize;
        let character = text
            .get(start..offset)
            .map(|s| s.chars().map(|c| c.len_utf16() as u32).sum())
            .unwrap_or(0);
        Position {
            line: line as u32,
            character,
        }
    }

    /// The LSP range of a byte range of `text`.
    pub fn range(&self, text: &str, range: TextRange) -> Range {
        Range {
            start: self.position(text, range.start().to_u32()),
            end: self.position(text, range.end().to_u32()),
        }
    }

    /// The byte range of an LSP range of `text` (clamped; a reversed range is put in order).
    pub fn text_range(&self, text: &str, range: Range) -> TextRange {
        let start = self.offset(text, range.start);
        let end = self.offset(text, range.end);
        TextRange::new(TextSize::new(start.min(end)), TextSize::new(start.max(end)))
    }
}

/// The text of the line starting at byte `start`, without its terminator (`\n` or `\r\n`).
fn line_text(text: &str, start: usize) -> &str {
    let rest = text.get(start..).unwrap_or("");
    let line = match rest.find('\n') {
        Some(end) => &rest[..end],
        None => rest,
    };
    line.strip_suffix('\r').unwrap_or(line)
}

/// Applies one `textDocument/didChange` content change to `text`: the whole text when the
/// change has no range, otherwise the (clamped) range replaced by the change's text.
pub fn apply_change(text: &mut String, change: &TextDocumentContentChangeEvent) {
    match change.range {
        None => change.text.clone_into(text),
        Some(range) => {
            let index = LineIndex::new(text);
            let range = index.text_range(text, range);
            text.replace_range(
                range.start().to_usize()..range.end().to_usize(),
                &change.text,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn ascii_round_trip() {
        let text = "ab\ncd\n";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, pos(1, 1)), 4);
        assert_eq!(index.position(text, 4), pos(1, 1));
        assert_eq!(index.position(text, 6), pos(2, 0));
    }

    #[test]
    fn utf16_units_and_surrogate_pairs() {
        // 'é' is 2 bytes and 1 UTF-16 unit; '😀' is 4 bytes and 2 UTF-16 units.
        let text = "é😀x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, pos(0, 1)), 2);
        assert_eq!(index.offset(text, pos(0, 3)), 6);
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(index.offset(text, pos(0, 2)), 2);
        assert_eq!(index.position(text, 6), pos(0, 3));
        // Inside a multi-byte character: its start.
        assert_eq!(index.position(text, 3), pos(0, 1));
    }

    #[test]
    fn clamping() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, pos(0, 99)), 2, "before the \\r\\n");
        assert_eq!(index.offset(text, pos(7, 0)), 6);
        assert_eq!(index.position(text, 99), pos(1, 2));
        assert_eq!(LineIndex::new("").offset("", pos(3, 3)), 0);
    }

    #[test]
    fn incremental_changes() {
        let mut text = String::from("x = 'é'\nprint(y)\n");
        let change = TextDocumentContentChangeEvent {
            range: Some(Range {
                start: pos(1, 6),
                end: pos(1, 7),
            }),
            range_length: None,
            text: "x".into(),
        };
        apply_change(&mut text, &change);
        assert_eq!(text, "x = 'é'\nprint(x)\n");
        // A reversed, out-of-bounds range is clamped and ordered.
        let change = TextDocumentContentChangeEvent {
            range: Some(Range {
                start: pos(9, 0),
                end: pos(0, 5),
            }),
            range_length: None,
            text: "ü'".into(),
        };
        apply_change(&mut text, &change);
        assert_eq!(text, "x = 'ü'");
    }
}
