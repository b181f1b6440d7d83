//! Warnings raised while the program runs, shown as CPython 3.11 shows them with its default
//! filters: a `DeprecationWarning` whose innermost Python frame is in `__main__` (every
//! frame of a compiled program) is printed on stderr once per message and line
//! (`__warningregistry__`, the "default" action), as `file:LINE: DeprecationWarning: text`
//! and the stripped source line indented by two spaces.
//!
//! The line is the one a traceback would show for the innermost compiled frame: its site is
//! found by walking the stack ([`crate::profile::caller_site`]) and decoded from the
//! function's debug table ([`crate::traceback`]).

use std::cell::RefCell;

use rustc_hash::FxHashSet;

use crate::io::{flush_stdout, write_stderr};
use crate::traceback::{TbEntry, entry_frames};

thread_local! {
    /// `(category, message, line)` of the warnings shown so far.
    static SHOWN: RefCell<FxHashSet<(&'static str, String, u32)>> =
        RefCell::new(FxHashSet::default());
}

/// Shows `DeprecationWarning: message` for the running line (see the module doc).
pub fn deprecation(message: &str) {
    warn("DeprecationWarning", message);
}

/// CPython's message when `__index__` or `__int__` (`dunder`) returns a strict subclass of
/// int (a bool: the runtime has no other).
pub fn int_subclass_returned(dunder: &str, type_name: &str) {
    deprecation(&format!(
        "{dunder} returned non-int (type {type_name}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python."
    ));
}

fn warn(category: &'static str, message: &str) {
    let Some((code, site)) = crate::profile::caller_site() else {
        return;
    };
    let entry = TbEntry {
        code,
        site,
        lookup: false,
    };
    let Some(frame) = entry_frames(&entry).pop() else {
        return;
    };
    let line = frame.pos.line;
    let first = SHOWN.with(|s| s.borrow_mut().insert((category, message.to_owned(), line)));
    if !first {
        return;
    }
    let mut text = format!("{}:{line}: {category}: {message}\n", frame.file);
    if let Some(source) = crate::traceback::source_line_text(&frame.file, line) {
        let stripped = source.trim_matches(|c: char| c.is_whitespace());
        if !stripped.is_empty() {
            text.push_str("  ");
            text.push_str(stripped);
            text.push('\n');
        }
    }
    flush_stdout();
    write_stderr(&text);
}
