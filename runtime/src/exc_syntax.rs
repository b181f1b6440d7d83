//! `SyntaxError` and its subclasses `IndentationError` and `TabError`, as CPython 3.11 has
//! them: the constructor filling `msg`, `filename`, `lineno`, `offset`, `text`,
//! `end_lineno` and `end_offset` from `(msg, (filename, lineno, offset, text[, end_lineno,
//! end_offset]))`, `str(e)` (`msg (file.py, line 3)`), and the layout of an uncaught one
//! (the `File` line, the source text and the carets before the last line), which CPython's
//! `print_exception` gives any exception with a `print_file_and_line` attribute.
//!
//! The runtime never raises a `SyntaxError` itself (molt has no `compile`, `eval` or
//! `exec`); programs raise and catch their own.

use crate::exc_members::{as_ssize, raw, read, store};
use crate::exceptions::{ExcKind, R, Raised, take_pending, type_error};
use crate::object::{Args, Ref};
use crate::value::Value;

const SYNTAX: ExcKind = ExcKind::SyntaxError;

/// The fields the second constructor argument fills, in order.
const LOCATION_FIELDS: [&str; 6] = [
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
];

/// `SyntaxError.__init__(self, *args)` (also `IndentationError`'s and `TabError`'s):
/// `BaseException.__init__`, then `msg` from the first argument and, with exactly two, the
/// location fields from the second, any iterable of four or six items (CPython's
/// `TypeError`s for other lengths and for five, where `end_offset` is missing). The
/// fields are stored in CPython's order, so a failing call keeps the ones stored before.
pub fn syntax_error_init(recv: Value, args: Args<'_>) -> R<Ref> {
    crate::class::exc_init(recv, args)?;
    if let Some(msg) = args.pos.first() {
        store(recv, SYNTAX, "msg", *msg);
    }
    if let [_, info] = args.pos {
        let items = crate::iter::collect_vec(*info)?;
        store(recv, SYNTAX, "end_lineno", Value::UNBOUND);
        store(recv, SYNTAX, "end_offset", Value::UNBOUND);
        let n = items.len();
        if n < 4 {
            return type_error(format!("function takes at least 4 arguments ({n} given)"));
        }
        if n > 6 {
            return type_error(format!("function takes at most 6 arguments ({n} given)"));
        }
        for (name, v) in LOCATION_FIELDS.iter().zip(&items) {
            store(recv, SYNTAX, name, v.v());
        }
        if n == 5 {
            return type_error("end_offset must be provided when end_lineno is provided");
        }
    }
    Ok(Ref::NONE)
}

/// `SyntaxError.__str__`: `str(msg)`, followed by ` (file.py, line 3)`, ` (file.py)` or
/// ` (line 3)` as far as `filename` is a str (only its part after the last `/` is shown)
/// and `lineno` an exact int (shown as `-1` when it does not fit 64 bits).
pub fn syntax_error_str(recv: Value, _args: Args<'_>) -> R<Ref> {
    let msg = crate::ops::str_string(read(recv, SYNTAX, "msg").v())?;
    let filename = crate::str::str_opt(raw(recv, SYNTAX, "filename"))
        .map(|f| f.rsplit('/').next().unwrap_or(f).to_owned());
    let lineno = raw(recv, SYNTAX, "lineno");
    let line = (crate::int::is_int(lineno) && !lineno.is_bool()).then(|| {
        crate::int::int_view(lineno)
            .and_then(|i| i.to_i64())
            .unwrap_or(-1)
    });
    Ok(crate::str::str_from_owned(match (filename, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}

/// What an uncaught exception with a `print_file_and_line` attribute prints between its
/// traceback and its last line, and the message that last line shows instead of `str(e)`.
pub struct UncaughtLayout {
    /// `  File "f.py", line 3` and its newline (the caller adds the margin of a group).
    pub file_line: String,
    /// The source text and caret lines (without margin, as CPython writes them).
    pub text: String,
    /// The `msg` attribute, shown as the exception's message.
    pub message: Ref,
}

/// The attribute `name` of `exc`, or `None` (the exception cleared) when reading it fails.
fn attr(exc: Value, name: &str) -> Option<Ref> {
    match crate::attr::getattr_str(exc, name) {
        Ok(v) => Some(v),
        Err(Raised) => {
            drop(take_pending());
            None
        }
    }
}

/// [`as_ssize`] of attribute `v`, or `None` (the exception cleared).
fn ssize(v: &Ref) -> Option<i64> {
    match as_ssize(v.v()) {
        Ok(i) => Some(i),
        Err(Raised) => {
            drop(take_pending());
            None
        }
    }
}

/// CPython 3.11's layout of an uncaught exception that has a `print_file_and_line`
/// attribute (every `SyntaxError`): its `msg`, `filename` (`None` shows as `<string>`),
/// `lineno` and `offset` (`None`: no caret) are read as attributes, and for an exact
/// `SyntaxError` also `end_lineno` and `end_offset` (subclasses mark one character);
/// `None` — the exception prints as any other — when an attribute is missing or a
/// position is not an int that fits 64 bits. A `text` that is not a str, on which CPython's
/// own printing fails, shows no source line.
pub fn uncaught_layout(exc: Value) -> Option<UncaughtLayout> {
    attr(exc, "print_file_and_line")?;
    let message = attr(exc, "msg")?;
    let filename = attr(exc, "filename")?;
    let lineno = ssize(&attr(exc, "lineno")?)?;
    let offset = attr(exc, "offset")?;
    let offset = if offset.v().is_none() {
        -1
    } else {
        ssize(&offset)?
    };
    let (end_lineno, end_offset) = if crate::class::type_of(exc) == crate::state::exc_class(SYNTAX)
    {
        let end_lineno = match attr(exc, "end_lineno") {
            Some(v) if !v.v().is_none() => ssize(&v)?,
            _ => lineno,
        };
        let end_offset = match attr(exc, "end_offset") {
            Some(v) if !v.v().is_none() => ssize(&v)?,
            _ => -1,
        };
        (end_lineno, end_offset)
    } else {
        (lineno, -1)
    };
    let text = attr(exc, "text")?;
    let filename = if filename.v().is_none() {
        "<string>".to_owned()
    } else {
        match crate::ops::str_string(filename.v()) {
            Ok(s) => s,
            Err(Raised) => {
                drop(take_pending());
                return None;
            }
        }
    };
    let text = match crate::str::str_opt(text.v()) {
        Some(t) => {
            let end_offset = if end_lineno > lineno {
                t.len() as i64
            } else {
                end_offset
            };
            error_text(t, offset, end_offset)
        }
        None => String::new(),
    };
    Some(UncaughtLayout {
        file_line: format!("  File \"{filename}\", line {lineno}\n"),
        text,
        message,
    })
}

/// CPython 3.11's `print_error_text`: the source line `text` behind four spaces, and a caret
/// line under the 1-based `offset` (none when it falls left of the text). The leading
/// spaces, tabs and form feeds are dropped and the offset moved with them; the text is cut
/// at a NUL; an offset past a newline inside the text starts the shown text after that
/// newline (the rest is printed as it is). There are `end_offset - offset` carets when
/// `end_offset` is positive and larger (capped one past the text), else one. Lengths are
/// counted in UTF-8 bytes, as CPython's C string.
fn error_text(text: &str, offset: i64, end_offset: i64) -> String {
    let line_size = text.len() as i64;
    let end_offset = end_offset.min(line_size + 1);
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset.saturating_sub(offset)
    } else {
        1
    };
    let bytes = text.as_bytes();
    let mut offset = offset.saturating_sub(1);
    let mut start = 0;
    while start < bytes.len() && matches!(bytes[start], b' ' | b'\t' | b'\x0c') {
        start += 1;
        offset = offset.saturating_sub(1);
    }
    let end = bytes[start..]
        .iter()
        .position(|b| *b == 0)
        .map_or(bytes.len(), |p| start + p);
    let mut shown = &bytes[start..end];
    let mut len = shown.len();
    if shown.last() == Some(&b'\n') {
        len -= 1;
    }
    offset = offset.min(len as i64);
    while let Some(nl) = shown.iter().position(|b| *b == b'\n') {
        if nl as i64 >= offset {
            break;
        }
        shown = &shown[nl + 1..];
        len -= nl + 1;
        offset -= nl as i64 + 1;
    }
    let mut out = String::from("    ");
    out.push_str(&String::from_utf8_lossy(shown));
    if shown.get(len) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return out;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', offset as usize));
    out.extend(std::iter::repeat_n('^', carets.max(0) as usize));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::error_text;

    #[test]
    fn error_text_follows_cpython() {
        // Carets from offset to end_offset, under the text without its indentation.
        assert_eq!(
            error_text("    x = (1 +\n", 5, 8),
            "    x = (1 +\n    ^^^\n"
        );
        assert_eq!(error_text("x = (1 +", 5, 8), "    x = (1 +\n        ^^^\n");
        // No end: one caret; an end left of the offset: one caret.
        assert_eq!(error_text("x = (1 +", 5, -1), "    x = (1 +\n        ^\n");
        assert_eq!(error_text("x = (1 +", 5, 3), "    x = (1 +\n        ^\n");
        // Offset 0, negative, or inside the stripped indentation: no caret line.
        assert_eq!(error_text("x = (1 +", 0, 2), "    x = (1 +\n");
        assert_eq!(error_text("  x = 1", 2, 4), "    x = 1\n");
        // Past the end: clipped to the end of the text, carets to one past it.
        assert_eq!(
            error_text("x = (1 +", 50, 70),
            "    x = (1 +\n            ^\n"
        );
        assert_eq!(
            error_text("x = (1 +", 5, 70),
            "    x = (1 +\n        ^^^^\n"
        );
        // Newlines inside the text: the line holding the offset and everything after it.
        assert_eq!(error_text("a\nbcd\nc", 4, 6), "    bcd\nc\n     ^^\n");
        assert_eq!(
            error_text("ab\ncd\nef", 3, 7),
            "    ab\ncd\nef\n      ^^^^\n"
        );
        // Cut at a NUL, lengths in bytes.
        assert_eq!(error_text("x\0y = 1", 2, 4), "    x\n     ^^\n");
        assert_eq!(error_text("é = (1 +", 5, 7), "    é = (1 +\n        ^^\n");
        // Empty and blank texts.
        assert_eq!(error_text("", 2, 4), "    \n    ^\n");
        assert_eq!(error_text("   ", 2, 4), "    \n");
        assert_eq!(error_text("\n", 2, 4), "    \n    ^\n");
    }
}
