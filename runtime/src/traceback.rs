//! Tracebacks: the frames an exception passes through, recorded while it propagates, and the
//! text CPython 3.11 prints for an uncaught exception (`File "...", line N, in name`, the
//! source line, caret lines, repeated frames folded, chained exceptions).
//!
//! Generated code calls `molt_tb_add(code, site)` on the error path of an operation that
//! raised (an exception edge: into a handler of the same function, or out of it), never on
//! the normal path. Each call records one [`TbEntry`] on the pending exception, as CPython
//! adds one traceback entry per frame during unwinding; a re-raise (bare `raise`, the end of
//! a `finally`, a `with` that does not suppress) adds none. The entry says which function
//! (its [`FunctionCode`]) and which site; the source position is decoded from the function's
//! debug table only when a traceback is printed.
//!
//! # Debug table format
//! Written by codegen (`molt_codegen::debug`), read here. Integers are little-endian `u32`;
//! a string is a `u32` byte length and UTF-8 bytes; a position is four integers (line,
//! column, end line, end column; lines 1-based, 0 = unknown; columns 0-based, in characters)
//! followed by the caret anchors (`u32` flag, then left end and right start, characters from
//! the start column).
//!
//! ```text
//! table  := file:str nvar:u32 var:str* nsites:u32 offset:u32{nsites} record*
//! record := nframes:u32 frame{nframes} has_alt:u32 [alt:pos]
//! frame  := name:str nvar:u32 var:str* pos
//! ```
//!
//! `offset` is the record of a site (from the start of the table; `u32::MAX` when the site has
//! no position). A record lists the frames of the site outermost first: the function itself
//! (empty name) and the frames CPython has where the compiler inlines code (a class body,
//! `<listcomp>`/`<setcomp>`/`<dictcomp>`), each at the position of the call into the next one.
//! `alt` is the position of the method lookup of a method call site, shown when the lookup
//! itself failed.

use std::cell::Cell;
use std::collections::HashMap;

use crate::exceptions::{
    exc_state, exception_line, exception_line_with, is_exception, peek_pending,
};
use crate::object::FunctionCode;
use crate::value::Value;

/// One frame an exception passed through: the function and the site that raised (or called
/// what raised).
#[derive(Clone, Copy, Debug)]
pub struct TbEntry {
    /// The function's descriptor (static).
    pub code: *const FunctionCode,
    /// The site in the function.
    pub site: u32,
    /// The method lookup of a method call failed (show the lookup's position).
    pub lookup: bool,
}

thread_local! {
    /// Set when a method call's lookup fails, consumed by the next [`tb_add`].
    static LOOKUP_FAILED: Cell<bool> = const { Cell::new(false) };
}

/// Notes that the method lookup of a method call just raised: the traceback entry the
/// calling site adds next shows the lookup's position (`obj.name`) rather than the call's.
pub fn note_lookup_failed() {
    LOOKUP_FAILED.with(|f| f.set(true));
}

/// `molt_tb_add`: records the frame of `code` at `site` on the pending exception.
#[inline]
pub fn tb_add(code: *const FunctionCode, site: u32) {
    let lookup = LOOKUP_FAILED.with(|f| f.replace(false));
    if let Some(state) = exc_state(peek_pending()) {
        let mut tb = state.tb.borrow_mut();
        if tb.len() == tb.capacity() {
            grow(&mut tb);
        }
        tb.push(TbEntry { code, site, lookup });
    }
}

/// Makes room in a full traceback for one more entry (out of line: the storage of a reused
/// exception state usually has room already).
#[cold]
#[inline(never)]
fn grow(tb: &mut Vec<TbEntry>) {
    // Room for a few frames at once: most exceptions cross two or three before they are
    // caught.
    if tb.capacity() == 0 {
        tb.reserve_exact(4);
    } else {
        tb.reserve(1);
    }
}

/// `e.__traceback__`: `None` while the exception has not been raised. Traceback objects
/// themselves are not modelled: reading the attribute of a raised exception raises a `molt:`
/// `NotImplementedError` rather than answering `None`, which would be false.
pub fn traceback_attr(exc: Value) -> crate::R<crate::Ref> {
    match exc_state(exc) {
        Some(state) if !state.tb.borrow().is_empty() => crate::exceptions::raise(
            crate::exceptions::ExcKind::NotImplementedError,
            "molt: traceback objects (__traceback__ of a raised exception) are not supported yet",
        ),
        _ => Ok(crate::Ref::NONE),
    }
}

/// `e.with_traceback(tb)`: `None` clears the traceback; a traceback object cannot exist
/// (see [`traceback_attr`]), so anything else is a `TypeError` as in CPython.
pub fn set_traceback(exc: Value, tb: Value) -> crate::R<()> {
    if tb != Value::NONE {
        return crate::exceptions::type_error("__traceback__ must be a traceback or None");
    }
    if let Some(state) = exc_state(exc) {
        state.tb.borrow_mut().clear();
    }
    Ok(())
}

/// A source position (see the module doc).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// First line (1-based; 0 = unknown).
    pub line: u32,
    /// Start column (characters, 0-based).
    pub col: u32,
    /// Last line.
    pub end_line: u32,
    /// End column on the last line (exclusive).
    pub end_col: u32,
    /// Caret anchors: `(left_end, right_start)` in characters from `col` (a binary operator
    /// or a subscript: `~~^~~`).
    pub anchors: Option<(u32, u32)>,
}

/// One frame of a printed traceback.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The source file.
    pub file: String,
    /// CPython's `co_name`: `f`, `<module>`, `<lambda>`, `<listcomp>`, a class name.
    pub name: String,
    /// Local variable names (`co_varnames`), for `NameError` suggestions.
    pub varnames: Vec<String>,
    /// Where the frame was.
    pub pos: Pos,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn u32(&mut self) -> Option<u32> {
        let b = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()? as usize;
        let b = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        std::str::from_utf8(b).ok()
    }

    fn names(&mut self) -> Option<Vec<String>> {
        let n = self.u32()?;
        (0..n).map(|_| self.str().map(str::to_owned)).collect()
    }

    fn pos(&mut self) -> Option<Pos> {
        let (line, col, end_line, end_col) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
        let has_anchors = self.u32()?;
        let (left, right) = (self.u32()?, self.u32()?);
        Some(Pos {
            line,
            col,
            end_line,
            end_col,
            anchors: (has_anchors != 0).then_some((left, right)),
        })
    }
}

/// CPython's `co_name` of a compiled function: the last part of its qualified name.
fn co_name(code: &FunctionCode) -> String {
    let qualname = crate::call::code_name(code);
    match qualname.rsplit_once('.') {
        Some((_, last)) => last.to_owned(),
        None => qualname,
    }
}

/// The source file of compiled function `code`: the first field of its debug table (`None`
/// without one).
pub fn code_file(code: &FunctionCode) -> Option<&'static str> {
    if code.debug.is_null() || code.debug_len == 0 {
        return None;
    }
    // SAFETY: codegen emits `debug_len` bytes of static data at `debug`.
    let bytes: &'static [u8] = unsafe { code.debug.slice(code.debug_len) };
    Reader { bytes, at: 0 }.str()
}

/// The frames of one traceback entry, outermost first (several when the compiler inlined a
/// class body or a comprehension). Without a debug table: one frame without a position.
pub fn entry_frames(entry: &TbEntry) -> Vec<Frame> {
    // SAFETY: `code` points at a static descriptor emitted by codegen (or a test).
    let code = unsafe { &*entry.code };
    let name = co_name(code);
    let bare = || {
        vec![Frame {
            file: "<unknown>".to_owned(),
            name: name.clone(),
            varnames: Vec::new(),
            pos: Pos::default(),
        }]
    };
    if code.debug.is_null() || code.debug_len == 0 {
        return bare();
    }
    // SAFETY: codegen emits `debug_len` bytes at `debug`.
    let bytes = unsafe { code.debug.slice(code.debug_len) };
    decode(bytes, entry, &name).unwrap_or_else(bare)
}

fn decode(bytes: &[u8], entry: &TbEntry, name: &str) -> Option<Vec<Frame>> {
    let mut r = Reader { bytes, at: 0 };
    let file = r.str()?.to_owned();
    let varnames = r.names()?;
    let nsites = r.u32()?;
    let unknown = || Frame {
        file: file.clone(),
        name: name.to_owned(),
        varnames: varnames.clone(),
        pos: Pos::default(),
    };
    if entry.site >= nsites {
        return Some(vec![unknown()]);
    }
    r.at += entry.site as usize * 4;
    let offset = r.u32()?;
    if offset == u32::MAX {
        return Some(vec![unknown()]);
    }
    r.at = offset as usize;
    let nframes = r.u32()?;
    let mut frames = Vec::with_capacity(nframes as usize);
    for i in 0..nframes {
        let frame_name = r.str()?;
        let frame_vars = r.names()?;
        let pos = r.pos()?;
        let (name, vars) = if i == 0 {
            (name.to_owned(), varnames.clone())
        } else {
            (frame_name.to_owned(), frame_vars)
        };
        frames.push(Frame {
            file: file.clone(),
            name,
            varnames: vars,
            pos,
        });
    }
    if r.u32()? != 0 {
        let alt = r.pos()?;
        if entry.lookup {
            if let Some(last) = frames.last_mut() {
                last.pos = alt;
            }
        }
    }
    if frames.is_empty() {
        frames.push(unknown());
    }
    Some(frames)
}

/// The traceback entries of exception `exc`, innermost first.
pub fn entries(exc: Value) -> Vec<TbEntry> {
    exc_state(exc)
        .map(|s| s.tb.borrow().clone())
        .unwrap_or_default()
}

/// The frames of `exc`'s traceback, outermost first (the order CPython prints them in).
pub fn frames(exc: Value) -> Vec<Frame> {
    entries(exc).iter().rev().flat_map(entry_frames).collect()
}

/// The innermost frame of `exc`'s traceback (where it was raised), if it has one.
pub fn innermost_frame(exc: Value) -> Option<Frame> {
    let entries = entries(exc);
    entry_frames(entries.first()?).pop()
}

/// Lines of the source files read so far (as CPython's `linecache`: read when a traceback
/// is printed; `None` when unreadable).
type SourceCache = HashMap<String, Option<Vec<String>>>;

fn source_line(cache: &mut SourceCache, file: &str, line: u32) -> Option<String> {
    let lines = cache.entry(file.to_owned()).or_insert_with(|| {
        let bytes = std::fs::read(file).ok()?;
        let text = String::from_utf8_lossy(&bytes);
        Some(text.lines().map(str::to_owned).collect())
    });
    let i = (line as usize).checked_sub(1)?;
    lines.as_ref()?.get(i).cloned()
}

/// Line `line` of source file `file`, read afresh (for a warning's source line).
pub fn source_line_text(file: &str, line: u32) -> Option<String> {
    source_line(&mut SourceCache::new(), file, line)
}

/// Whitespace CPython strips around a source line.
fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\x0c')
}

/// The caret line under `line` for `pos` (CPython 3.11's rules), or `None` when CPython
/// prints none: no position, or the marked range is the whole (stripped) line.
fn caret_line(line: &str, pos: &Pos) -> Option<String> {
    if pos.line == 0 || pos.end_line < pos.line {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let start = pos.col as usize;
    let mut end = pos.end_col as usize;
    let mut anchors = None;
    if pos.end_line == pos.line {
        anchors = pos.anchors;
    } else {
        end = chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    }
    if start > end || end > chars.len() {
        return None;
    }
    let indent = chars.iter().take_while(|c| is_ws(**c)).count();
    let trailing = chars[indent..]
        .iter()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    let stripped_len = chars.len() - indent - trailing;
    let secondary = anchors.is_some_and(|(l, r)| r > l);
    if end - start >= stripped_len && !secondary {
        return None;
    }
    // CPython lays the carets out in display columns: a wide character takes two.
    let width_of = |from: usize, to: usize| crate::unicode::display_width(&chars[from..to]);
    let mut out = String::from("    ");
    out.extend(std::iter::repeat_n(' ', width_of(indent.min(start), start)));
    let width = end - start;
    match anchors {
        Some((left, right)) => {
            let (left, right) = (left as usize, (right as usize).max(left as usize));
            let right = right.min(width);
            let left = left.min(right);
            out.extend(std::iter::repeat_n('~', width_of(start, start + left)));
            out.extend(std::iter::repeat_n(
                '^',
                width_of(start + left, start + right),
            ));
            out.extend(std::iter::repeat_n('~', width_of(start + right, end)));
        }
        None => out.extend(std::iter::repeat_n('^', width_of(start, end))),
    }
    Some(out)
}

/// How many identical consecutive frames CPython prints before folding the rest into
/// `[Previous line repeated N more times]`.
const RECURSIVE_CUTOFF: usize = 3;

/// The `File ...` lines of `exc`'s traceback (with source and caret lines), outermost first,
/// repeated frames folded as CPython does.
fn frames_text(exc: Value, cache: &mut SourceCache) -> String {
    let mut out = String::new();
    let mut last: Option<(String, u32, String)> = None;
    let mut count = 0usize;
    let flush = |out: &mut String, count: usize| {
        if count > RECURSIVE_CUTOFF {
            let n = count - RECURSIVE_CUTOFF;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n > 1 { "s" } else { "" }
            ));
        }
    };
    for frame in frames(exc) {
        let key = (frame.file.clone(), frame.pos.line, frame.name.clone());
        if last.as_ref() != Some(&key) {
            flush(&mut out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        if frame.pos.line == 0 {
            out.push_str(&format!(
                "  File \"{}\", line ?, in {}\n",
                frame.file, frame.name
            ));
            continue;
        }
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            frame.file, frame.pos.line, frame.name
        ));
        if let Some(line) = source_line(cache, &frame.file, frame.pos.line) {
            let stripped = line.trim_matches(|c: char| is_ws(c) || c.is_whitespace());
            if !stripped.is_empty() {
                out.push_str("    ");
                out.push_str(stripped);
                out.push('\n');
                if let Some(carets) = caret_line(&line, &frame.pos) {
                    out.push_str(&carets);
                    out.push('\n');
                }
            }
        }
    }
    flush(&mut out, count);
    out
}

/// The text CPython prints for an uncaught exception: the chain of causes and contexts
/// first, then `Traceback (most recent call last):`, the frames, and the last line with
/// its `Did you mean` suggestion. An exception group prints as CPython 3.11's tree (its
/// `print_exception_group`): the group's own traceback under `Exception Group Traceback`,
/// then each member under a `+---- N ----` line, indented by two columns per level and
/// marked with `| `; at most [`MAX_GROUP_WIDTH`] members and [`MAX_GROUP_DEPTH`] levels.
///
/// An exception with a `print_file_and_line` attribute (every `SyntaxError`) shows its
/// location and source text after its frames and its `msg` on the last line
/// ([`crate::exc_syntax::uncaught_layout`]).
pub fn traceback_text(exc: Value) -> String {
    let mut p = Printer {
        cache: SourceCache::new(),
        seen: Vec::new(),
        out: String::new(),
        depth: 0,
        need_close: false,
    };
    p.recursive(exc);
    p.out
}

/// What CPython 3.11's default hook for an exception that could not be raised prints after
/// `Exception ignored in: ...` (its `write_unraisable_exc_file`): the exception's own
/// traceback, if it has one, and `Type: str(exc)` (the type qualified as on a traceback's
/// last line; `: ` even when the str is empty, `<exception str() failed>` when `str`
/// raises). Nothing else: no chained causes or contexts, no members of an exception group,
/// no notes, no `Did you mean` suggestion, and a `SyntaxError` shows its `str` too.
pub fn unraisable_traceback_text(exc: Value) -> String {
    let mut out = String::new();
    let has_tb = exc_state(exc).is_some_and(|s| !s.tb.borrow().is_empty());
    if has_tb {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&frames_text(exc, &mut SourceCache::new()));
    }
    out.push_str(&crate::exceptions::exception_type_name(exc));
    out.push_str(": ");
    match crate::ops::str_string(exc) {
        Ok(s) => out.push_str(&s),
        Err(crate::exceptions::Raised) => {
            drop(crate::exceptions::take_pending());
            out.push_str("<exception str() failed>");
        }
    }
    out.push('\n');
    out
}

/// CPython's `max_group_width`: members printed per group.
const MAX_GROUP_WIDTH: usize = 15;
/// CPython's `max_group_depth`: nesting levels of groups printed.
const MAX_GROUP_DEPTH: usize = 10;

/// The state of one traceback print (CPython's `exception_print_context`).
struct Printer {
    cache: SourceCache,
    /// The exceptions printed so far (a chain never prints one twice).
    seen: Vec<Value>,
    out: String,
    /// The nesting level in exception groups (0 outside any).
    depth: usize,
    /// The closing line of the innermost group is still to be written.
    need_close: bool,
}

impl Printer {
    fn indent(&mut self) {
        for _ in 0..2 * self.depth {
            self.out.push(' ');
        }
    }

    /// The indentation and margin of a line inside a group (nothing outside groups).
    fn margin(&mut self) {
        self.indent();
        if self.depth > 0 {
            self.out.push_str("| ");
        }
    }

    /// Writes `text` (whole lines), each line behind the margin.
    fn lines(&mut self, text: &str) {
        for line in text.split_inclusive('\n') {
            self.margin();
            self.out.push_str(line);
        }
    }

    fn recursive(&mut self, exc: Value) {
        self.seen.push(exc);
        if let Some(state) = exc_state(exc) {
            let cause = state.cause.get();
            let ctx = state.context.get();
            if is_exception(cause) {
                if !self.seen.contains(&cause) {
                    self.chained(
                        cause,
                        "The above exception was the direct cause of the following exception:\n",
                    );
                }
            } else if !state.suppress_context.get()
                && is_exception(ctx)
                && !self.seen.contains(&ctx)
            {
                self.chained(
                    ctx,
                    "During handling of the above exception, another exception occurred:\n",
                );
            }
        }
        if crate::exc_group::is_group(exc) {
            self.group(exc);
        } else {
            self.single(exc);
        }
    }

    fn chained(&mut self, exc: Value, message: &str) {
        let need_close = self.need_close;
        self.recursive(exc);
        self.need_close = need_close;
        self.margin();
        self.out.push('\n');
        self.margin();
        self.out.push_str(message);
        self.margin();
        self.out.push('\n');
    }

    /// One exception without its members: traceback, last line, notes.
    fn single(&mut self, exc: Value) {
        let has_tb = exc_state(exc).is_some_and(|s| !s.tb.borrow().is_empty());
        if has_tb {
            let is_group = crate::exc_group::is_group(exc);
            self.indent();
            if is_group && self.depth == 1 {
                self.out.push_str("+ ");
            } else if self.depth > 0 {
                self.out.push_str("| ");
            }
            self.out.push_str(if is_group {
                "Exception Group Traceback (most recent call last):\n"
            } else {
                "Traceback (most recent call last):\n"
            });
            let frames = frames_text(exc, &mut self.cache);
            self.lines(&frames);
        }
        let layout = crate::exc_syntax::uncaught_layout(exc);
        self.margin();
        match &layout {
            Some(layout) => {
                self.out.push_str(&layout.file_line);
                // CPython writes the source text and the carets without the margin.
                self.out.push_str(&layout.text);
                self.margin();
                self.out
                    .push_str(&exception_line_with(exc, layout.message.v()));
            }
            None => self.out.push_str(&exception_line(exc)),
        }
        if let Some(s) = crate::suggestions::suggestion(exc) {
            self.out.push_str(". Did you mean: '");
            self.out.push_str(&s);
            self.out.push_str("'?");
        }
        self.out.push('\n');
        let margin = if self.depth > 0 {
            format!("{}| ", " ".repeat(2 * self.depth))
        } else {
            String::new()
        };
        self.out
            .push_str(&crate::exceptions::notes_text(exc, &margin));
    }

    fn group(&mut self, exc: Value) {
        if self.depth > MAX_GROUP_DEPTH {
            self.margin();
            self.out
                .push_str(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if self.depth == 0 {
            self.depth += 1;
        }
        self.single(exc);
        let members: Vec<crate::Ref> = crate::exc_group::group_excs(exc)
            .iter()
            .map(|e| crate::Ref::dup(*e))
            .collect();
        let n = members.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, member) in members.iter().take(n).enumerate() {
            let last = i + 1 == n;
            if last {
                self.need_close = true;
            }
            self.indent();
            let first = if i == 0 { "+-" } else { "  " };
            if i < MAX_GROUP_WIDTH {
                self.out.push_str(&format!(
                    "{first}+---------------- {} ----------------\n",
                    i + 1
                ));
            } else {
                self.out
                    .push_str(&format!("{first}+---------------- ... ----------------\n"));
            }
            self.depth += 1;
            if i < MAX_GROUP_WIDTH {
                self.recursive(member.v());
            } else {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                self.margin();
                self.out.push_str(&format!(
                    "and {remaining} more exception{}\n",
                    if remaining > 1 { "s" } else { "" }
                ));
            }
            if last && self.need_close {
                self.indent();
                self.out.push_str("+------------------------------------\n");
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if self.depth == 1 {
            self.depth -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(col: u32, end_col: u32, anchors: Option<(u32, u32)>) -> Pos {
        Pos {
            line: 1,
            col,
            end_line: 1,
            end_col,
            anchors,
        }
    }

    #[test]
    fn carets_follow_cpython() {
        // The whole stripped line: no carets.
        assert_eq!(caret_line("    f(x)", &pos(4, 8, None)), None);
        // Part of the line.
        assert_eq!(
            caret_line("    return cont + 1", &pos(11, 15, None)).as_deref(),
            Some("           ^^^^")
        );
        // A binary operator.
        assert_eq!(
            caret_line("    q = 1 / 0", &pos(8, 13, Some((2, 3)))).as_deref(),
            Some("        ~~^~~")
        );
        // A subscript covering the whole line still shows its anchors.
        assert_eq!(
            caret_line("d['k']", &pos(0, 6, Some((1, 6)))).as_deref(),
            Some("    ~^^^^^")
        );
        // Wide and fullwidth characters take two columns, before and under the carets.
        assert_eq!(
            caret_line("v = d['日本'] + x['Ａé']", &pos(14, 21, None)).as_deref(),
            Some("                    ^^^^^^^^")
        );
        assert_eq!(
            caret_line("s = '한' + 1", &pos(4, 11, Some((4, 5)))).as_deref(),
            Some("        ~~~~~^~~")
        );
    }
}
