//! Semantic tokens that mark how operations were lowered (the live equivalent of Cython's
//! yellow lines), in compiler terms: byte ranges and a [`TokenKind`]. [`encode`] does the
//! protocol's relative, UTF-16, one-line-per-token encoding.
//!
//! Each operation lowered dynamically (lane `dynamic`, from `facts`) gets one `moltDynamic`
//! token over the part of the source that is dispatched at run time, not its whole span
//! (spans nest: `print(p.norm())` is two dynamic calls): the callee of a call (`print`, the
//! method name of `p.norm()`), the attribute of an attribute access, the operator of a
//! binary, comparison, unary or augmented operation, the `[...]` of a subscript, the target
//! of a `for` loop whose iteration is dynamic; anything else, its whole span. A condition's
//! dynamic truth test is not marked again when the condition itself is a dynamic operation.

use std::collections::HashMap;

use molt_db::{Db, SourceFile, parse};
use molt_remarks::Lane;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use tower_lsp_server::ls_types::{SemanticToken, SemanticTokenType, SemanticTokensLegend};

use super::facts;
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

/// The tokens of `file` (unsorted; [`encode`] sorts them). Runs on a snapshot on a worker
/// thread.
pub fn semantic_tokens(db: &dyn Db, file: SourceFile) -> Vec<Token> {
    let facts = facts::file_facts(db, file);
    let parsed = parse(db, file);
    let text = file.text(db);
    let mut focus = Focus {
        text,
        map: HashMap::new(),
    };
    focus.visit_body(&parsed.parsed().syntax().body);
    let dynamic = |o: &&facts::OpFact| o.lane == Some(Lane::Dynamic);
    facts
        .ops
        .iter()
        .filter(dynamic)
        .filter(|o| {
            &*o.op != "truthy"
                || !facts
                    .ops_at(o.range)
                    .filter(dynamic)
                    .any(|other| &*other.op != "truthy")
        })
        .map(|o| Token {
            range: focus.map.get(&o.range).copied().unwrap_or(o.range),
            kind: TokenKind::Dynamic,
        })
        .collect()
}

/// Maps the range of a syntax node to the part of it a token marks (see the module docs).
struct Focus<'t> {
    text: &'t str,
    map: HashMap<TextRange, TextRange>,
}

impl Focus<'_> {
    /// The operator between two operands: the text from `from` to `to` without spaces,
    /// line continuations and parentheses.
    fn between(&self, from: TextSize, to: TextSize) -> Option<TextRange> {
        let range = TextRange::new(from, to.max(from));
        let gap = self.text.get(range.to_std_range())?;
        let junk = |c: char| c.is_whitespace() || c == '(' || c == ')' || c == '\\';
        let lead = gap.len() - gap.trim_start_matches(junk).len();
        let trimmed = gap.trim_matches(junk);
        if trimmed.is_empty() {
            return None;
        }
        let start = from + TextSize::new(lead as u32);
        Some(TextRange::at(start, TextSize::new(trimmed.len() as u32)))
    }

    fn set(&mut self, node: TextRange, focus: Option<TextRange>) {
        if let Some(focus) = focus.filter(|f| !f.is_empty()) {
            self.map.insert(node, focus);
        }
    }
}

impl<'a> Visitor<'a> for Focus<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::AugAssign(s) => {
                let op = self.between(s.target.range().end(), s.value.range().start());
                self.set(s.range, op);
            }
            Stmt::For(s) => self.set(s.range, Some(s.target.range())),
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        let focus = match expr {
            Expr::Call(call) => Some(match &*call.func {
                Expr::Attribute(a) => a.attr.range,
                func => func.range(),
            }),
            Expr::Attribute(a) => Some(a.attr.range),
            Expr::BinOp(b) => self.between(b.left.range().end(), b.right.range().start()),
            Expr::Compare(c) if c.comparators.len() == 1 => c
                .comparators
                .first()
                .and_then(|r| self.between(c.left.range().end(), r.range().start())),
            Expr::UnaryOp(u) => self.between(u.range.start(), u.operand.range().start()),
            Expr::Subscript(s) => {
                let start = s.value.range().end();
                Some(TextRange::new(start, s.range.end().max(start)))
            }
            _ => None,
        };
        self.set(expr.range(), focus);
        visitor::walk_expr(self, expr);
    }
}

/// The tokens of `tokens` that overlap `range` (for `semanticTokens/range`).
pub fn in_range(tokens: Vec<Token>, range: TextRange) -> Vec<Token> {
    tokens
        .into_iter()
        .filter(|t| t.range.start() <= range.end() && range.start() <= t.range.end())
        .collect()
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

#[cfg(test)]
mod focus_tests {
    use super::*;
    use molt_db::RootDatabase;

    fn marked(text: &str) -> Vec<String> {
        let db = RootDatabase::default();
        let file = SourceFile::new(&db, "t.py".into(), text.to_owned(), None);
        let mut tokens = semantic_tokens(&db, file);
        tokens.sort_by_key(|t| t.range.start());
        tokens
            .iter()
            .map(|t| text[t.range.to_std_range()].to_owned())
            .collect()
    }

    #[test]
    fn tokens_mark_what_is_dispatched() {
        // `x + 1.5` has a native path (floats and small ints), `x ** 2` has none; `print` is
        // a runtime function, called without dispatching on a type.
        let text = "def f(p, x, xs):\n    y = x ** 2 + (x + 1.5)\n    s = 0\n    for v in xs:\n        s += v\n    print(p.norm(), xs[0], -x)\n    return y\n";
        assert_eq!(marked(text), vec!["**", "v", "xs", "norm", "[0]", "-"]);
    }
}
