//! Lowering of Python to MIR, as salsa queries over source items.
//!
//! [`function_mir`] lowers one item (a top-level function or a method) and reads only the
//! item's text and the position-free module index, so editing another function, or the
//! whitespace and comments between items, does not re-run it. [`module_mir`] lowers the
//! module skeleton into `<module>`. Both return item-relative spans and diagnostics; the
//! per-file [`file_diagnostics`] query maps them to file offsets.

mod annotations;
mod builder;
mod lower;

use std::sync::Arc;

use molt_db::{Db, SourceFile, parse};
use molt_mir::Function;
use molt_semantic::items::{self, FunctionItem, parseable_item_text};
use molt_semantic::{Diagnostic, DiagnosticCode, module_index, module_items};
use ruff_python_ast::Stmt;
use ruff_text_size::{TextRange, TextSize};

pub use lower::annotation_type;

/// The MIR of one item: the item's function first, then the functions nested in it
/// (lambdas, inner `def`s, generator expressions), and the item's diagnostics with
/// item-relative ranges.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct LoweredItem {
    /// MIR functions, the item's own first.
    pub functions: Vec<Arc<Function>>,
    /// Diagnostics (ranges relative to the item's text).
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics that depend on what the module's star imports bind (ranges relative to
    /// the item's text); empty in a module without `from m import *`.
    pub star_conditions: Vec<StarCondition>,
}

/// A diagnostic of a module with `from m import *` that depends on whether a star import
/// binds `name`, which only the program knows ([`star_import_diagnostics`]).
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct StarCondition {
    /// The name.
    pub name: Box<str>,
    /// `false`: the diagnostic holds unless a star import binds the name (an undefined
    /// name, an unsupported builtin); `true`: it holds if one may bind it (a builtin the
    /// lowering relied on, as `super`).
    pub when_bound: bool,
    /// The diagnostic.
    pub diagnostic: Diagnostic,
}

/// Lowers a function item to MIR (see the crate docs).
#[salsa::tracked(returns(ref))]
pub fn function_mir<'db>(db: &'db dyn Db, item: FunctionItem<'db>) -> LoweredItem {
    let file = item.file(db);
    let index = module_index(db, file);
    let (text, prefix) = parseable_item_text(item.text(db));
    let parsed = molt_db::parse_python(&text);
    let def = parsed.syntax().body.iter().find_map(|s| match s {
        Stmt::FunctionDef(def) => Some(def),
        Stmt::If(i) => i.body.iter().find_map(|s| match s {
            Stmt::FunctionDef(def) => Some(def),
            _ => None,
        }),
        _ => None,
    });
    let mut lowerer = lower::Lowerer::new(db, index, &text, prefix);
    match def {
        Some(def) => {
            lowerer.lower_def(
                def,
                item.qualname(db).clone(),
                item.class_name(db).clone(),
                Vec::new(),
            );
        }
        None => {
            // The item's text always holds a def (it was cut from one); be defensive anyway.
            lowerer.diagnostics.push(Diagnostic::error(
                DiagnosticCode::SyntaxError,
                TextRange::default(),
                "internal: item text does not contain a function definition",
            ));
        }
    }
    let invalid = parsed.has_invalid_syntax();
    LoweredItem {
        functions: lowerer.functions.into_iter().map(Arc::new).collect(),
        diagnostics: if invalid {
            Vec::new()
        } else {
            lowerer.diagnostics
        },
        star_conditions: if invalid {
            Vec::new()
        } else {
            lowerer.star_conditions
        },
    }
}

/// The free variables of an item's function: for a method that uses zero-argument
/// `super()` or `__class__`, the class's implicit `__class__` cell, which `<module>` passes
/// when it makes the function. A separate query so that `<module>` re-lowers only when
/// this changes, not after every edit of a method body.
#[salsa::tracked(returns(ref))]
pub fn item_freevars<'db>(db: &'db dyn Db, item: FunctionItem<'db>) -> Vec<String> {
    // The item's own function, not a nested one (a generator expression in the method is
    // lowered, and listed, before it).
    let qualname = item.qualname(db);
    let functions = &function_mir(db, item).functions;
    functions
        .iter()
        .find(|f| *f.name == **qualname)
        .or_else(|| functions.last())
        .map(|f| f.freevars.iter().map(|v| v.to_string()).collect())
        .unwrap_or_default()
}

/// Lowers the module's top-level code (the skeleton) into `<module>`, with skeleton-relative
/// spans.
#[salsa::tracked(returns(ref))]
pub fn module_mir(db: &dyn Db, file: SourceFile) -> LoweredItem {
    let index = module_index(db, file);
    let skeleton = items::module_skeleton(db, file);
    let parsed = molt_db::parse_python(&skeleton.text);
    let mut lowerer = lower::Lowerer::new(db, index, &skeleton.text, 0);
    let mut method_freevars = rustc_hash::FxHashMap::default();
    for item in &module_items(db, file).functions {
        if item.class_name(db).is_some() {
            let freevars = item_freevars(db, *item);
            if !freevars.is_empty() {
                method_freevars.insert(item.qualname(db).clone(), freevars.clone());
            }
        }
    }
    lowerer.set_method_freevars(method_freevars);
    lowerer.lower_module(&parsed.syntax().body);
    let invalid = parsed.has_invalid_syntax();
    LoweredItem {
        functions: lowerer.functions.into_iter().map(Arc::new).collect(),
        diagnostics: if invalid {
            Vec::new()
        } else {
            lowerer.diagnostics
        },
        star_conditions: if invalid {
            Vec::new()
        } else {
            lowerer.star_conditions
        },
    }
}

/// The [`StarCondition`]s of `file` with file offsets (the module's, then each item's);
/// empty for a file without a star import or one with syntax errors.
#[salsa::tracked(returns(ref))]
pub fn star_conditions(db: &dyn Db, file: SourceFile) -> Vec<StarCondition> {
    if !module_index(db, file).star_import {
        return Vec::new();
    }
    let parsed = parse(db, file);
    if parsed.parsed().has_invalid_syntax() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let map = items::skeleton_map(db, file);
    for c in &module_mir(db, file).star_conditions {
        let mut c = c.clone();
        let d = &mut c.diagnostic;
        let start = map.to_file(d.range.start().to_u32());
        let end = map.to_file(d.range.end().to_u32()).max(start);
        d.range = TextRange::new(start.into(), end.into());
        out.push(c);
    }
    for item in &module_items(db, file).functions {
        out.extend(function_mir(db, *item).star_conditions.iter().map(|c| {
            let mut c = c.clone();
            c.diagnostic = item_diagnostic(db, *item, &c.diagnostic);
            c
        }));
    }
    out
}

/// The diagnostics of `file`'s [`StarCondition`]s in `program` (file offsets): an undefined
/// name or unsupported builtin that no star import binds, a name CPython's standard module
/// binds and molt's lacks (`unsupported-syntax`), and a builtin the lowering relied on
/// that a star import may bind. Reads the imported modules' exports only
/// (`molt_semantic::star_imports`), so an edit of a function body there does not run it
/// again.
#[salsa::tracked(returns(ref))]
pub fn star_import_diagnostics<'db>(
    db: &'db dyn Db,
    program: molt_semantic::modules::Program<'db>,
    file: SourceFile,
) -> Vec<Diagnostic> {
    let conditions = star_conditions(db, file);
    if conditions.is_empty() {
        return Vec::new();
    }
    let names = molt_semantic::star_imports::star_names(db, program, file);
    let mut out = Vec::new();
    for c in conditions {
        let bound = names.may_bind(db, program, &c.name);
        if c.when_bound {
            if bound {
                out.push(c.diagnostic.clone());
            }
            continue;
        }
        if bound {
            continue;
        }
        match names.unsupported_from(&c.name) {
            Some(module) => out.push(Diagnostic::error(
                DiagnosticCode::UnsupportedSyntax,
                c.diagnostic.range,
                format!(
                    "`{module}.{}` (bound by `from {module} import *`) is not supported yet: molt's `{module}` module does not provide `{}`",
                    c.name, c.name
                ),
            )),
            None => out.push(c.diagnostic.clone()),
        }
    }
    out
}

/// Every diagnostic of `file` with file offsets, sorted by position: the encoding error,
/// all syntax errors, then (for a file that parses) the lowering diagnostics of the module
/// and of every item.
#[salsa::tracked(returns(ref))]
pub fn file_diagnostics(db: &dyn Db, file: SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(offset) = file.encoding_error(db) {
        out.push(Diagnostic::error(
            DiagnosticCode::InvalidEncoding,
            TextRange::empty(TextSize::new(offset)),
            format!("file is not valid UTF-8 (first invalid byte at offset {offset}); invalid bytes were replaced by U+FFFD"),
        ));
    }
    let parsed = parse(db, file);
    let limits = molt_semantic::limits::check_limits(file.text(db), parsed.parsed());
    // A `try` with an `else` but neither `except` nor `finally`: the parser reports it after
    // the statement, CPython (and the limits check) at the `else`; keep CPython's.
    let try_else = limits
        .iter()
        .filter(|d| d.message == molt_semantic::limits::TRY_ELSE_WITHOUT_EXCEPT)
        .map(|d| d.range.start())
        .min();
    for error in parsed.parsed().errors() {
        if try_else.is_some_and(|at| at < error.location.start())
            && error.error.to_string() == "Expected `except` or `finally` after `try` block"
        {
            continue;
        }
        out.push(Diagnostic::error(
            DiagnosticCode::SyntaxError,
            error.location,
            error.error.to_string(),
        ));
    }
    for error in parsed.parsed().unsupported_syntax_errors() {
        out.push(Diagnostic::error(
            DiagnosticCode::UnsupportedSyntax,
            error.range,
            error.to_string(),
        ));
    }
    let over_limits = !limits.is_empty();
    out.extend(limits);
    out.extend(molt_semantic::surrogates::lone_surrogate_literals(
        file.text(db),
        parsed.parsed(),
    ));
    if !over_limits {
        out.extend(molt_semantic::patterns::match_errors(
            parsed.parsed().syntax(),
        ));
    }
    if parsed.parsed().has_invalid_syntax() || over_limits {
        out.sort_by_key(|d| (d.range.start(), d.range.end()));
        return out;
    }
    out.extend(molt_semantic::warnings::syntax_warnings(
        parsed.parsed().syntax(),
    ));
    // molt's own standard modules are not the user's to change: no warning points there.
    if !molt_semantic::stdlib::is_embedded_path(file.path(db)) {
        out.extend(molt_semantic::exit_order::exit_order_warnings(
            parsed.parsed().syntax(),
        ));
    }
    let map = items::skeleton_map(db, file);
    for d in &module_mir(db, file).diagnostics {
        let mut d = d.clone();
        let start = map.to_file(d.range.start().to_u32());
        let end = map.to_file(d.range.end().to_u32()).max(start);
        d.range = TextRange::new(start.into(), end.into());
        out.push(d);
    }
    for item in &module_items(db, file).functions {
        out.extend(
            function_mir(db, *item)
                .diagnostics
                .iter()
                .map(|d| item_diagnostic(db, *item, d)),
        );
    }
    out.sort_by_key(|d| (d.range.start(), d.range.end()));
    out.dedup();
    out
}

/// A diagnostic of `item` (item-relative range) with file offsets.
fn item_diagnostic(db: &dyn Db, item: FunctionItem<'_>, d: &Diagnostic) -> Diagnostic {
    let mut d = d.clone();
    let start = items::item_file_offset(db, item, d.range.start().to_u32());
    let end = items::item_file_offset(db, item, d.range.end().to_u32()).max(start);
    d.range = TextRange::new(start.into(), end.into());
    d
}

/// All MIR functions of `file` in source order: `<module>` and its nested functions first,
/// then each item's functions. `optimized` selects [`molt_mir`] after the optimizer (the
/// identity for now) — callers pass the query they want.
pub fn all_functions(db: &dyn Db, file: SourceFile) -> Vec<Arc<Function>> {
    let mut out: Vec<Arc<Function>> = module_mir(db, file).functions.clone();
    for item in &module_items(db, file).functions {
        out.extend(function_mir(db, *item).functions.iter().cloned());
    }
    out
}
