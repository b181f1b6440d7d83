//! The builtin names a program may use, and those of CPython 3.11's `builtins` module that the
//! runtime does not provide yet. Every name of CPython's `builtins` is in exactly one of the two
//! lists (`tests/tests/builtins_audit.rs` checks it against `python3`, and checks that every
//! name of [`BUILTINS`] exists at run time with CPython's type).

/// Builtin names that `molt_runtime` provides (`runtime/src/builtins.rs`, `install`).
pub const BUILTINS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "EncodingWarning",
    "EnvironmentError",
    "Ellipsis",
    "Exception",
    "ExceptionGroup",
    "False",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "None",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "True",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "__debug__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "bool",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "complex",
    "delattr",
    "dict",
    "divmod",
    "enumerate",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "ord",
    "pow",
    "print",
    "quit",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "classmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

/// Names of CPython 3.11's `builtins` module that the runtime does not provide, with what
/// they are (for the `unsupported-builtin` diagnostic). A program that uses one would get a
/// `NameError` at run time where CPython succeeds, so the compiler rejects it instead.
pub const UNSUPPORTED_BUILTINS: &[(&str, &str)] = &[
    ("__build_class__", "the class-building hook"),
    ("__import__", "dynamic imports"),
    ("__loader__", "module loader objects"),
    ("__spec__", "module specs"),
    ("aiter", "asynchronous iteration"),
    ("anext", "asynchronous iteration"),
    ("breakpoint", "the debugger hook"),
    ("compile", "run-time compilation of source code"),
    ("copyright", "the interactive `copyright` helper"),
    ("credits", "the interactive `credits` helper"),
    ("dir", "`dir()`"),
    ("eval", "run-time evaluation of source code"),
    ("exec", "run-time execution of source code"),
    ("globals", "the `globals()` namespace dictionary"),
    ("help", "the interactive help system"),
    ("license", "the interactive `license` helper"),
    ("locals", "the `locals()` namespace dictionary"),
    ("open", "files (`open`)"),
];

/// What an unsupported builtin is, if `name` is one (see [`UNSUPPORTED_BUILTINS`]).
pub fn unsupported_builtin(name: &str) -> Option<&'static str> {
    UNSUPPORTED_BUILTINS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, what)| *what)
}

/// Names every module defines before its first statement runs.
pub const MODULE_GLOBALS: &[&str] = &["__name__", "__doc__", "__file__", "__package__"];

/// Whether `name` is a builtin.
pub fn is_builtin(name: &str) -> bool {
    BUILTINS.contains(&name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn supported_and_unsupported_builtins_are_disjoint() {
        for (name, _) in super::UNSUPPORTED_BUILTINS {
            assert!(!super::is_builtin(name), "{name} is in both lists");
        }
    }

    #[test]
    fn builtins_have_no_duplicates() {
        let mut names = super::BUILTINS.to_vec();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }
}
