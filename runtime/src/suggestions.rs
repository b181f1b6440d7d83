//! "Did you mean" suggestions: the trailer CPython 3.11 adds to the last line of the
//! traceback of an uncaught `NameError` or `AttributeError` (`NameError: name 'pritn' is not
//! defined. Did you mean: 'print'?`). It is part of the printed traceback, not of `str(e)`.
//!
//! The candidates and the choice follow CPython 3.11 (`Python/suggestions.c`): a
//! `NameError` (exactly that class) with a `name` looks in the local variable names of the
//! frame that raised it, then in the module's globals, then in the builtins; an
//! `AttributeError` (exactly) with `name` and `obj` looks in `dir(obj)`. In each list the
//! closest candidate wins by an edit distance over UTF-8 bytes in which a case change costs
//! 1 and any other edit 2, within a third of the involved characters; the first of equally
//! close candidates wins; lists of 750 names or more and names of more than 40 bytes are
//! not searched.

use std::cell::Cell;

use crate::exceptions::{ExcKind, exc_state};
use crate::object::{Kind, is_kind};
use crate::state::exc_class;
use crate::value::Value;

/// Cost of inserting, deleting or replacing a byte.
const MOVE_COST: usize = 2;
/// Cost of replacing an ASCII letter by the same letter in the other case.
const CASE_COST: usize = 1;
/// Lists with this many names or more are not searched.
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Names longer than this (bytes, after trimming a common prefix and suffix) never match.
const MAX_STRING_SIZE: usize = 40;

/// The names of CPython 3.11's `builtins` module, in its dict order (a script's view: no
/// `_`). The runtime provides fewer; suggestions name what CPython would.
const BUILTIN_NAMES: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
];

/// The names CPython puts first in the globals of a script's `__main__` module, in order.
const MAIN_DUNDERS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__annotations__",
    "__builtins__",
    "__file__",
    "__cached__",
];

/// The names every user class's namespace has in CPython (without `__slots__`).
const CLASS_DUNDERS: &[&str] = &["__module__", "__dict__", "__weakref__", "__doc__"];

thread_local! {
    /// The `__main__` module (its globals are the `NameError` candidates).
    static MAIN_MODULE: Cell<Value> = const { Cell::new(Value::NONE) };
}

/// Remembers the program's `__main__` module (immortal or kept alive by the program).
pub fn set_main_module(m: Value) {
    MAIN_MODULE.with(|c| c.set(m));
}

/// CPython's substitution cost between two bytes: 0 when equal, [`CASE_COST`] when they are
/// the same ASCII letter in different case, else [`MOVE_COST`].
fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) && a.is_ascii_alphabetic() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance between `a` and `b` (bytes) with [`substitution_cost`] and
/// [`MOVE_COST`] per insertion or deletion; any result above `max_cost` is reported as
/// `max_cost + 1` (the computation stops early). Wagner–Fischer with one row, after trimming
/// the common prefix and suffix.
pub fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    // `a` is the shorter one: the row has its length.
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // row[i] = distance(b[..j], a[..i + 1]) for the current j.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &bc) in b.iter().enumerate() {
        let mut diagonal = j * MOVE_COST;
        result = diagonal;
        let mut row_min = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(bc, ac);
            diagonal = row[i];
            result = (result.min(diagonal) + MOVE_COST).min(substitute);
            row[i] = result;
            row_min = row_min.min(result);
        }
        if row_min > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name` (see the module doc), if any is close enough.
pub fn best_match<'a>(candidates: &[&'a str], name: &str) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &c in candidates {
        if c == name {
            continue;
        }
        // At most a third of the involved characters may change, and a later candidate
        // must be strictly closer.
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c)
}

fn str_value(v: Value) -> Option<String> {
    crate::str::is_str(v).then(|| crate::str::as_str(v).to_string())
}

/// The suggestion for the uncaught exception `exc`, as CPython computes it when it prints
/// the traceback (see the module doc).
pub fn suggestion(exc: Value) -> Option<String> {
    let state = exc_state(exc)?;
    let cls = crate::class::type_of(exc);
    if cls == exc_class(ExcKind::NameError) {
        let name = str_value(state.name.get())?;
        let frame = crate::traceback::innermost_frame(exc)?;
        let locals: Vec<&str> = frame.varnames.iter().map(String::as_str).collect();
        if let Some(s) = best_match(&locals, &name) {
            return Some(s.to_owned());
        }
        let globals = main_globals();
        let globals: Vec<&str> = globals.iter().map(String::as_str).collect();
        if let Some(s) = best_match(&globals, &name) {
            return Some(s.to_owned());
        }
        return best_match(BUILTIN_NAMES, &name).map(str::to_owned);
    }
    if cls == exc_class(ExcKind::AttributeError) {
        let name = str_value(state.name.get())?;
        let obj = state.obj.get();
        if obj == Value::UNBOUND {
            return None;
        }
        let names = dir(obj);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        return best_match(&names, &name).map(str::to_owned);
    }
    None
}

/// The keys of a dict value, as strings (other keys skipped).
fn dict_keys(d: Value) -> Vec<String> {
    if !is_kind(d, Kind::Dict) {
        return Vec::new();
    }
    crate::dict::dict_data(d)
        .items()
        .into_iter()
        .filter_map(|(k, _)| str_value(k))
        .collect()
}

/// The globals of `__main__` in CPython's order: its standard names, then the program's.
fn main_globals() -> Vec<String> {
    let m = MAIN_MODULE.with(Cell::get);
    let mut out: Vec<String> = MAIN_DUNDERS.iter().map(|s| (*s).to_owned()).collect();
    if is_kind(m, Kind::Module) {
        for k in dict_keys(crate::modules::module_dict(m)) {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

/// CPython's attribute names of builtin type `name` (`dir()` of it), if the table has it.
fn builtin_type_attrs(name: &str) -> Option<&'static [&'static str]> {
    crate::cpython_attrs::TYPE_ATTRS
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, names)| *names)
}

/// The names `dir()` of class `cls` lists: the namespaces of the class and its bases.
fn class_dir(cls: Value, out: &mut Vec<String>) {
    let data = crate::class::class_data(cls);
    for c in std::iter::once(cls).chain(data.mro.iter().copied()) {
        let name = crate::class::class_name(c);
        if crate::object::is_immortal(c) {
            let attrs = builtin_type_attrs(&name)
                .or_else(|| {
                    crate::class::isinstance_class(c, exc_class(ExcKind::BaseException))
                        .then(|| builtin_type_attrs("BaseException"))
                        .flatten()
                })
                .unwrap_or(&[]);
            out.extend(attrs.iter().map(|s| (*s).to_owned()));
            continue;
        }
        let cd = crate::class::class_data(c);
        let keys = dict_keys(cd.dict);
        if keys.iter().any(|k| k == "__slots__") {
            // No `__dict__`/`__weakref__`; the `__slots__` names are member descriptors.
            out.extend(["__module__", "__doc__"].map(str::to_owned));
            let members = &cd.slots[cd.slots.len().saturating_sub(cd.members)..];
            out.extend(members.iter().filter_map(|v| str_value(*v)));
        } else {
            out.extend(CLASS_DUNDERS.iter().map(|s| (*s).to_owned()));
        }
        out.extend(keys);
    }
}

/// `dir(obj)` as far as suggestions need it: sorted, without duplicates.
pub fn dir(obj: Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if is_kind(obj, Kind::Module) {
        let name = crate::modules::module_name(obj);
        match crate::cpython_attrs::MODULE_ATTRS
            .iter()
            .find(|(k, _)| *k == name)
        {
            Some((_, names)) => out.extend(names.iter().map(|s| (*s).to_owned())),
            None => {
                out.extend(MAIN_DUNDERS.iter().map(|s| (*s).to_owned()));
                out.extend(dict_keys(crate::modules::module_dict(obj)));
            }
        }
    } else if is_kind(obj, Kind::Class) {
        class_dir(obj, &mut out);
    } else {
        if is_kind(obj, Kind::Instance) {
            if let Ok(d) = crate::attr::getattr_str(obj, "__dict__") {
                out.extend(dict_keys(d.v()));
            } else {
                drop(crate::exceptions::take_pending());
            }
        }
        class_dir(crate::class::type_of(obj), &mut out);
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_follow_cpython() {
        // A case change costs 1, other edits 2.
        assert_eq!(levenshtein(b"print", b"Print", 100), 1);
        assert_eq!(levenshtein(b"pritn", b"print", 100), 4);
        assert_eq!(levenshtein(b"abc", b"abd", 100), 2);
        assert_eq!(levenshtein(b"", b"abc", 100), 6);
        // Above the limit, the limit plus one.
        assert_eq!(levenshtein(b"abcdef", b"uvwxyz", 3), 4);
    }

    #[test]
    fn best_match_follows_cpython() {
        assert_eq!(best_match(&["count", "counter"], "cont"), Some("count"));
        assert_eq!(best_match(BUILTIN_NAMES, "pritn"), Some("print"));
        assert_eq!(best_match(BUILTIN_NAMES, "lenn"), Some("len"));
        // Nothing close enough.
        assert_eq!(best_match(&["alpha", "beta"], "zzz"), None);
        // Ties: the first candidate.
        assert_eq!(best_match(&["ab", "ba"], "aa"), Some("ab"));
        // Too many candidates.
        let many: Vec<String> = (0..750).map(|i| format!("n{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(best_match(&many, "n1x"), None);
    }
}
