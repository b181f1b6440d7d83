//! Semantic tokens that mark how operations were lowered (the live equivalent of Cython's
//! yellow lines), in compiler terms: byte ranges and a [`TokenKind`]. [`encode`] does the
//! protocol's relative, UTF-16, one-line-per-token encoding.
//!
//! [`semantic_tokens`] returns none yet: dynamic operations come with the optimizer's lanes.

use molt_db::{Db, SourceFile};
use ruff_text_size::{TextRange, TextSize};
use tower_lsp_server::ls_types::{SemanticToken, SemanticTokenType, SemanticTokensLegend};

use super::text::LineIndex;

/// Kinds of token the server reports (the legend's token types, in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// An operation lowered to generic dynamic dispatch on boxed values (lane `dynamic`).
    Dynamic,
}

impl TokenKind {
    /// Every kind, in legend order.
    pub const ALL: [TokenKind; 1] = [TokenKind::Dynamic];

    /// The legend's name of the token type (custom types; editors map them to colors).
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Dynamic => "moltDynamic",
        }
    }
}

/// One token: `range` (bytes, file offsets) is of `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Range in the file.
    pub range: TextRange,
    /// Kind.
    pub kind: TokenKind,
}

/// The legend announced in the server capabilities.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TokenKind::ALL
            .iter()
            .map(|k| SemanticTokenType::new(k.name()))
            .collect(),
        token_modifiers: Vec::new(),
    }
}

/// The tokens of `file`. Runs on a snapshot on a worker thread.
pub fn semantic_tokens(db: &dyn Db, file: SourceFile) -> Vec<Token> {
    let _ = (db, file);
    Vec::new()
}

/// Encodes `tokens` for the protocol: sorted, overlaps dropped, multi-line tokens split per
/// line, positions relative to the previous token, lengths in UTF-16 code units.
pub fn encode(text: &str, index: &LineIndex, mut tokens: Vec<Token>) -> Vec<SemanticToken> {
    tokens.sort_by_key(|t| (t.range.start(), t.range.end()));
    let mut out = Vec::new();
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    let mut covered = TextSize::new(0);
    for token in tokens {
        if token.range.start() < covered || token.range.is_empty() {
            continue;
        }
        covered = token.range.end();
        let kind = TokenKind::ALL
            .iter()
            .position(|k| *k == token.kind)
            .unwrap_or(0) as u32;
        let mut start = token.range.start().to_u32();
        let end = token.range.end().to_u32().min(text.len() as u32);
        while start < end {
            let line_end = text
                .get(start as usize..end as usize)
                .and_then(|s| s.find('\n'))
                .map_or(end, |i| start + i as u32);
            let from = index.position(text, start);
            let to = index.position(text, line_end);
            let length = to.character.saturating_sub(from.character);
            if length > 0 {
                // Tokens are sorted and disjoint, so these never go negative.
                let delta_line = from.line.saturating_sub(prev_line);
                let delta_start = if delta_line == 0 {
                    from.character.saturating_sub(prev_start)
                } else {
                    from.character
                };
                out.push(SemanticToken {
                    delta_line,
                    delta_start,
                    length,
                    token_type: kind,
                    token_modifiers_bitset: 0,
                });
                prev_line = from.line;
                prev_start = from.character;
            }
            start = line_end + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_is_relative_and_splits_lines() {
        let text = "é = a + b\nc = d\n  + e\n";
        let index = LineIndex::new(text);
        let t = |s: u32, e: u32| Token {
            range: TextRange::new(s.into(), e.into()),
            kind: TokenKind::Dynamic,
        };
        // `a + b` (bytes 5..10), then `d\n  + e` (bytes 15..22) split in two.
        let tokens = encode(text, &index, vec![t(15, 22), t(5, 10)]);
        let flat: Vec<_> = tokens
            .iter()
            .map(|t| (t.delta_line, t.delta_start, t.length))
            .collect();
        assert_eq!(flat, vec![(0, 4, 5), (1, 4, 1), (1, 0, 5)]);
    }
}
