//! Diagnostics: an error or warning with a stable code, a message and a byte range.

use std::fmt;

use ruff_text_size::TextRange;

/// Stable diagnostic codes (kebab-case, as ruff and ty name their rules). The text form is
/// what `--check` prints in `error[CODE]`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum DiagnosticCode {
    /// The file does not parse (one diagnostic per error; the parser recovers).
    SyntaxError,
    /// The file is not valid UTF-8.
    InvalidEncoding,
    /// A name that is not a local, enclosing, global or builtin name.
    UndefinedName,
    /// A call to a known function or class with the wrong number or names of arguments.
    ArgCount,
    /// A Python construct outside the supported subset (tiers 1 and 2 of DESIGN.md).
    UnsupportedSyntax,
    /// A name of CPython's `builtins` module that the runtime does not provide (`eval`,
    /// `bytes`, `open`, ...): CPython would find it, so the build stops instead of compiling
    /// a `NameError`.
    UnsupportedBuiltin,
    /// A statement that is valid syntax but invalid in context (`return` outside a function,
    /// `break` outside a loop, `nonlocal` without a binding).
    InvalidSyntax,
    /// One of CPython's compile-time `SyntaxWarning`s (`x is 1`, `assert (x, "msg")`, a call
    /// of a literal): valid code that is almost certainly a mistake. A warning: the program
    /// compiles, and prints the warning at start-up as CPython does when it compiles the file.
    SyntaxWarning,
    /// An import that finds no module on the search path (`modules.rs`): CPython raises
    /// `ModuleNotFoundError` when it runs, and so does the compiled program, so it does not
    /// stop a build.
    UnresolvedImport,
    /// A `def __del__` in a class body: its instances may be finalized at program exit in
    /// another order than CPython's (`exit_order.rs`). A warning: the language does not
    /// define that order.
    ExitFinalizationOrder,
}

impl DiagnosticCode {
    /// Whether the diagnostic stops a build. Undefined names and wrong argument counts do
    /// not: the program is still valid Python (CPython raises `NameError` or `TypeError` when
    /// and if the line runs, and a program may catch that), so the build compiles the
    /// operation to raise the same error at run time and reports the diagnostic.
    pub fn blocks_build(self) -> bool {
        !matches!(
            self,
            DiagnosticCode::UndefinedName
                | DiagnosticCode::ArgCount
                | DiagnosticCode::SyntaxWarning
                | DiagnosticCode::UnresolvedImport
                | DiagnosticCode::ExitFinalizationOrder
        )
    }

    /// The stable text form, e.g. `undefined-name`.
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticCode::SyntaxError => "syntax-error",
            DiagnosticCode::InvalidEncoding => "invalid-encoding",
            DiagnosticCode::UndefinedName => "undefined-name",
            DiagnosticCode::ArgCount => "arg-count",
            DiagnosticCode::UnsupportedSyntax => "unsupported-syntax",
            DiagnosticCode::UnsupportedBuiltin => "unsupported-builtin",
            DiagnosticCode::InvalidSyntax => "invalid-syntax",
            DiagnosticCode::SyntaxWarning => "syntax-warning",
            DiagnosticCode::UnresolvedImport => "unresolved-import",
            DiagnosticCode::ExitFinalizationOrder => "exit-finalization-order",
        }
    }
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Severity {
    /// The program cannot be compiled.
    Error,
    /// The program compiles but something is likely wrong.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One diagnostic. `range` is in bytes; whether it is absolute in the file or relative to an
/// item depends on who holds it (queries over items return relative ranges, the per-file
/// diagnostics query absolute ones).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Diagnostic {
    /// Byte range.
    pub range: TextRange,
    /// Stable code.
    pub code: DiagnosticCode,
    /// Severity.
    pub severity: Severity,
    /// Human-readable message (one line).
    pub message: String,
}

impl Diagnostic {
    /// An error.
    pub fn error(code: DiagnosticCode, range: TextRange, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            range,
            code,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// The same diagnostic with its range moved by `delta` bytes.
    pub fn shifted(&self, delta: u32) -> Diagnostic {
        let mut d = self.clone();
        d.range = TextRange::new(
            d.range.start() + ruff_text_size::TextSize::new(delta),
            d.range.end() + ruff_text_size::TextSize::new(delta),
        );
        d
    }
}
