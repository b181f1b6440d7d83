//! str literals that denote a lone surrogate (`"\udcff"`, `"\U0000d800"`, also in f-strings).
//! CPython's str holds any code point, surrogates included; molt's str is UTF-8 text, which
//! cannot hold one, and the parser replaces each by U+FFFD. Compiling that replacement would
//! be a silent difference from CPython, so each such escape is an `unsupported-syntax` error.
//!
//! Only `\u` and `\U` escapes can produce a surrogate: `\N{...}` names none (Unicode gives
//! surrogates no names), octal escapes stop at U+01FF, hex escapes at U+00FF, and UTF-8
//! source text cannot contain one. Bytes literals and raw strings have no such escapes.

use ruff_python_ast::ModModule;
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::Parsed;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::{Diagnostic, DiagnosticCode};

/// One `unsupported-syntax` error per `\u`/`\U` escape of a str literal or f-string literal
/// part whose code point is a surrogate (U+D800..=U+DFFF), in source order. `text` is the
/// module's source and `parsed` its tree; ranges are file offsets of the escape.
pub fn lone_surrogate_literals(text: &str, parsed: &Parsed<ModModule>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for token in parsed.tokens().iter() {
        if !matches!(token.kind(), TokenKind::String | TokenKind::FStringMiddle) {
            continue;
        }
        let Some(flags) = token.string_flags() else {
            continue;
        };
        if flags.is_raw_string() || flags.is_byte_string() {
            continue;
        }
        let Some(literal) = text.get(std::ops::Range::<usize>::from(token.range())) else {
            continue;
        };
        let base = token.start().to_u32();
        for (offset, len, code) in surrogate_escapes(literal) {
            out.push(Diagnostic::error(
                DiagnosticCode::UnsupportedSyntax,
                TextRange::at(TextSize::new(base + offset), TextSize::new(len)),
                format!(
                    "a str literal with a lone surrogate (U+{code:04X}) is not supported: molt's str holds UTF-8 text, which cannot contain one"
                ),
            ));
        }
    }
    out
}

/// The `\uXXXX` / `\UXXXXXXXX` escapes of `literal` (the source text of a non-raw str
/// literal or literal part) that denote a surrogate: (byte offset in `literal`, length of the
/// escape in bytes, code point). A backslash escapes the character after it, so `\\udcff`
/// is no escape of a surrogate.
fn surrogate_escapes(literal: &str) -> Vec<(u32, u32, u32)> {
    let bytes = literal.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let digits = match bytes.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 8,
            // Skip the escaped character (a backslash, a quote, a newline, ...).
            Some(_) => {
                i += 2;
                continue;
            }
            None => break,
        };
        let hex = bytes.get(i + 2..i + 2 + digits);
        let code = hex
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        match code {
            Some(code) => {
                if (0xD800..=0xDFFF).contains(&code) {
                    out.push((i as u32, (2 + digits) as u32, code));
                }
                i += 2 + digits;
            }
            // A malformed escape is the parser's syntax error.
            None => i += 2,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<(String, String)> {
        let parsed = molt_db::parse_python(src);
        lone_surrogate_literals(src, &parsed)
            .into_iter()
            .map(|d| (src[d.range].to_owned(), d.message))
            .collect()
    }

    #[test]
    fn surrogate_escapes_in_str_and_fstring_literals_are_reported() {
        let src = r#"a = "\udcff"
b = 'x\U0000D800y'
c = f"{a}\ud83d\ude00{b:>3}"
d = """
\uDFFF"""
"#;
        let got: Vec<String> = found(src).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            got,
            [r"\udcff", r"\U0000D800", r"\ud83d", r"\ude00", r"\uDFFF"]
        );
        assert_eq!(
            found(r#"s = "\udcff""#)[0].1,
            "a str literal with a lone surrogate (U+DCFF) is not supported: molt's str holds UTF-8 text, which cannot contain one"
        );
    }

    #[test]
    fn other_escapes_raw_strings_and_bytes_are_not_reported() {
        let src = r#"a = "\\udcff \ud7ff \ue000 \U0001F600 \N{BULLET} \x41"
b = r"\udcff"
c = b"\udcff"
d = rf"{a}\udcff"
e = Rb"\ud800"
f = "\uFFFD"
"#;
        assert!(found(src).is_empty(), "{:?}", found(src));
    }
}
