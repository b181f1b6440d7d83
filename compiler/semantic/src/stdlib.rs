//! The standard-library modules molt writes in Python (`stdlib/` at the repository root),
//! embedded in the compiler binary and compiled with the program like workspace modules,
//! and the check that a program uses only the names they provide.
//!
//! Each embedded module is a [`SourceFile`] input at a virtual path under [`STDLIB_ROOT`]
//! (its `__file__`, and the file its frames name in tracebacks), created on first use with
//! `Durability::HIGH` ([`molt_db::embedded_file`]): its text never changes, so the queries
//! over it (parse, index, lowering, optimization) are verified without re-running after any
//! edit of the workspace.
//!
//! Where our module lacks a name CPython's module has (`functools.singledispatch`), a use of
//! it (`from functools import singledispatch`, `functools.singledispatch`) is a compile-time
//! error naming both ([`stdlib_name_diagnostics`]), never a run-time difference. A name
//! neither has stays CPython's run-time `ImportError`/`AttributeError`. The same holds for
//! the runtime's `sys` and `time` modules, whose names are listed in
//! [`molt_abi::runtime_module_names`] (`sys.getsizeof` is a compile-time error).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use molt_db::{Db, SourceFile, embedded_file, parse};
use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::diagnostics::{Diagnostic, DiagnosticCode};
use crate::modules::{ModuleName, ModuleSource, Program, Resolution, resolve_module};
use crate::stdlib_attrs::{CPYTHON_MODULE_NAMES, CPYTHON_STAR_NAMES};

/// The virtual folder of the embedded modules: `__file__` of `functools` is
/// `/<molt>/stdlib/functools.py`. No real folder has this name, so a traceback finds no
/// source line to print there (as CPython prints none for a file it cannot read).
pub const STDLIB_ROOT: &str = "/<molt>/stdlib";

/// The embedded modules: `(dotted name, source)`, sorted by name. Keep in step with
/// `stdlib/` (a test checks both ways): `NAME.py` for a module, `NAME/__init__.py` for a
/// package (listed in [`EMBEDDED_PACKAGES`]) and `NAME/SUB.py` for its submodule `NAME.SUB`.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("__future__", include_str!("../../../stdlib/__future__.py")),
    ("abc", include_str!("../../../stdlib/abc.py")),
    ("array", include_str!("../../../stdlib/array.py")),
    ("bisect", include_str!("../../../stdlib/bisect.py")),
    (
        "collections",
        include_str!("../../../stdlib/collections/__init__.py"),
    ),
    (
        "collections.abc",
        include_str!("../../../stdlib/collections/abc.py"),
    ),
    ("contextlib", include_str!("../../../stdlib/contextlib.py")),
    ("copy", include_str!("../../../stdlib/copy.py")),
    (
        "dataclasses",
        include_str!("../../../stdlib/dataclasses.py"),
    ),
    ("enum", include_str!("../../../stdlib/enum.py")),
    ("fractions", include_str!("../../../stdlib/fractions.py")),
    ("functools", include_str!("../../../stdlib/functools.py")),
    ("heapq", include_str!("../../../stdlib/heapq.py")),
    ("itertools", include_str!("../../../stdlib/itertools.py")),
    ("json", include_str!("../../../stdlib/json/__init__.py")),
    (
        "json.decoder",
        include_str!("../../../stdlib/json/decoder.py"),
    ),
    (
        "json.encoder",
        include_str!("../../../stdlib/json/encoder.py"),
    ),
    ("operator", include_str!("../../../stdlib/operator.py")),
    ("os", include_str!("../../../stdlib/os/__init__.py")),
    ("os.path", include_str!("../../../stdlib/os/path.py")),
    ("random", include_str!("../../../stdlib/random.py")),
    ("re", include_str!("../../../stdlib/re.py")),
    ("statistics", include_str!("../../../stdlib/statistics.py")),
    ("string", include_str!("../../../stdlib/string.py")),
    ("struct", include_str!("../../../stdlib/struct.py")),
    ("typing", include_str!("../../../stdlib/typing.py")),
];

/// The embedded modules that are packages (`stdlib/NAME/__init__.py`), sorted.
pub const EMBEDDED_PACKAGES: &[&str] = &["collections", "json", "os"];

/// The source of the embedded module `name` (dotted), if molt ships one.
pub fn embedded_source(name: &str) -> Option<&'static str> {
    EMBEDDED
        .binary_search_by_key(&name, |(n, _)| n)
        .ok()
        .map(|i| EMBEDDED[i].1)
}

/// The names of the embedded modules, sorted.
pub fn embedded_names() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(n, _)| *n)
}

/// The virtual path of the embedded module `name` (dotted): `STDLIB_ROOT/name.py`, or
/// `STDLIB_ROOT/name/__init__.py` for a package; `a.b` is `STDLIB_ROOT/a/b.py`.
pub fn embedded_path(name: &str) -> PathBuf {
    let folder = embedded_package_dir(name);
    if EMBEDDED_PACKAGES.binary_search(&name).is_ok() {
        folder.join("__init__.py")
    } else {
        folder.with_extension("py")
    }
}

/// `STDLIB_ROOT/a/b` for the dotted name `a.b`: the folder of a package (its `__path__`).
fn embedded_package_dir(name: &str) -> PathBuf {
    let mut path = PathBuf::from(STDLIB_ROOT);
    path.extend(name.split('.'));
    path
}

/// Whether `path` is the virtual path of an embedded module.
pub fn is_embedded_path(path: &Path) -> bool {
    path.starts_with(STDLIB_ROOT)
}

/// The module source of the embedded module `name`, its file input created on first use.
pub fn embedded_module(db: &dyn Db, name: &str) -> Option<ModuleSource> {
    let text = embedded_source(name)?;
    let path = embedded_path(name);
    let package_dir = EMBEDDED_PACKAGES
        .binary_search(&name)
        .is_ok()
        .then(|| embedded_package_dir(name));
    Some(ModuleSource::File {
        file: embedded_file(db, &path, text),
        origin: path,
        package_dir,
    })
}

/// The public names of runtime module `name` when the compiler checks uses of it (`sys`,
/// `time`: see [`molt_abi::runtime_module_names`]).
pub fn runtime_module_names(name: &str) -> Option<&'static [&'static str]> {
    molt_abi::runtime_module_names::ALL
        .iter()
        .find(|(m, _)| *m == name)
        .map(|(_, names)| *names)
}

/// Whether uses of names of module `name` are checked: an embedded module or a listed
/// runtime module.
fn checked_module(name: &str) -> bool {
    embedded_source(name).is_some() || runtime_module_names(name).is_some()
}

/// The names CPython 3.11's module `name` has (`dir(module)`), if it is one molt ships.
pub fn cpython_names(name: &str) -> Option<&'static [&'static str]> {
    CPYTHON_MODULE_NAMES
        .binary_search_by_key(&name, |(n, _)| n)
        .ok()
        .map(|i| CPYTHON_MODULE_NAMES[i].1)
}

/// The names `from name import *` binds in CPython 3.11 (its `__all__`, else its public
/// names), if `name` is a standard module molt ships or one of the runtime's own (`math`,
/// `sys`, `time`).
pub fn cpython_star_names(name: &str) -> Option<&'static [&'static str]> {
    CPYTHON_STAR_NAMES
        .binary_search_by_key(&name, |(n, _)| n)
        .ok()
        .map(|i| CPYTHON_STAR_NAMES[i].1)
}

/// Module attributes every module object has in both implementations.
const MODULE_DUNDERS: &[&str] = &["__dict__", "__file__", "__name__", "__package__"];

/// Why `module.name` (`module` one of the embedded modules, `ours` its file) cannot be
/// compiled: CPython's module has the name and ours does not ("not supported yet"), or ours
/// has a helper CPython's lacks. `None` when both or neither have it.
fn name_problem(db: &dyn Db, module: &str, ours: SourceFile, name: &str) -> Option<String> {
    if MODULE_DUNDERS.contains(&name) {
        return None;
    }
    let cpython = cpython_names(module)?;
    let in_cpython = cpython.binary_search(&name).is_ok();
    let index = crate::index::module_index(db, ours);
    // A submodule of an embedded package is an attribute of it once imported, as our
    // packages' `__init__` import theirs (`json.decoder`).
    let in_ours = db
        .interner()
        .get(name)
        .is_some_and(|symbol| index.is_global(symbol))
        || embedded_source(&format!("{module}.{name}")).is_some();
    match (in_ours, in_cpython) {
        (false, true) => Some(format!(
            "`{module}.{name}` is not supported yet: molt's `{module}` module does not provide `{name}`"
        )),
        (true, false) => Some(format!(
            "`{module}` has no attribute `{name}` in CPython 3.11 (it is a helper of molt's `{module}`)"
        )),
        _ => None,
    }
}

/// Why `module.name` cannot be compiled for runtime module `module` providing `ours`:
/// CPython's module has the public name and the runtime's does not. `None` otherwise (a name
/// neither has is CPython's run-time `AttributeError`; a private one, `sys._getframe`, stays
/// the runtime's `molt:` `NotImplementedError`).
fn runtime_name_problem(module: &str, ours: &[&str], name: &str) -> Option<String> {
    if name.starts_with('_') || ours.contains(&name) {
        return None;
    }
    // The public names of a module without `__all__` (`sys`, `time`).
    let cpython = cpython_star_names(module)?;
    cpython.binary_search(&name).is_ok().then(|| {
        format!(
            "`{module}.{name}` is not supported yet: molt's `{module}` module does not provide `{name}`"
        )
    })
}

/// The embedded module that `name` (absolute) resolves to in `program`, with its file.
fn embedded_target(db: &dyn Db, program: Program<'_>, name: &str) -> Option<SourceFile> {
    embedded_source(name)?;
    match resolve_module(db, program, ModuleName::new(db, name.to_string())) {
        Resolution::Found(ModuleSource::File { file, origin, .. }) if is_embedded_path(origin) => {
            Some(*file)
        }
        _ => None,
    }
}

/// Compile-time errors for names of embedded standard modules that `file` uses and molt's
/// module does not provide (see the module docs): in `from m import a` and in `x.a` where
/// `x` is bound by `import m` / `import m as x` anywhere in the file. `unsupported-syntax`
/// errors, so they stop a build. None for a file with syntax errors, or for an embedded
/// module itself (they may use each other's helpers).
#[salsa::tracked(returns(ref))]
pub fn stdlib_name_diagnostics<'db>(
    db: &'db dyn Db,
    program: Program<'db>,
    file: SourceFile,
) -> Vec<Diagnostic> {
    if is_embedded_path(file.path(db)) {
        // molt's modules may use each other's helpers (`collections.abc` those of `abc`).
        return Vec::new();
    }
    let uses = stdlib_name_uses(db, file);
    let mut out = Vec::new();
    for use_ in uses {
        if let Some(ours) = runtime_module_names(&use_.module) {
            let runtime = matches!(
                resolve_module(db, program, ModuleName::new(db, use_.module.clone())),
                Resolution::Found(ModuleSource::Runtime)
            );
            if runtime && let Some(message) = runtime_name_problem(&use_.module, ours, &use_.name) {
                out.push(Diagnostic::error(
                    DiagnosticCode::UnsupportedSyntax,
                    use_.range,
                    message,
                ));
            }
            continue;
        }
        let Some(ours) = embedded_target(db, program, &use_.module) else {
            continue;
        };
        if let Some(message) = name_problem(db, &use_.module, ours, &use_.name) {
            out.push(Diagnostic::error(
                DiagnosticCode::UnsupportedSyntax,
                use_.range,
                message,
            ));
        }
    }
    out
}

/// One name read from a module that may be a standard one: `from module import name`, or
/// `alias.name` where `alias` is bound by `import module [as alias]`.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct ModuleNameUse {
    /// The module (absolute, top-level).
    pub module: String,
    /// The name read from it.
    pub name: String,
    /// Where, in file offsets.
    pub range: TextRange,
}

/// Every use of a name of a top-level module that molt ships in `stdlib/` in `file` (see
/// [`ModuleNameUse`]), in source order. Compared by value, so an edit that adds no such use
/// does not re-run [`stdlib_name_diagnostics`].
#[salsa::tracked(returns(ref))]
pub fn stdlib_name_uses(db: &dyn Db, file: SourceFile) -> Vec<ModuleNameUse> {
    #[derive(Default)]
    struct Collector {
        aliases: HashMap<String, String>,
        attributes: Vec<(String, String, TextRange)>,
        uses: Vec<ModuleNameUse>,
    }
    impl<'a> Visitor<'a> for Collector {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Import(i) => {
                    for alias in &i.names {
                        let name = alias.name.as_str();
                        if !checked_module(name) {
                            continue;
                        }
                        // `import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`.
                        let (bound, module) = match &alias.asname {
                            Some(asname) => (asname.as_str(), name),
                            None => {
                                let top = name.split('.').next().unwrap_or(name);
                                (top, top)
                            }
                        };
                        if checked_module(module) {
                            self.aliases.insert(bound.to_string(), module.to_string());
                        }
                    }
                }
                Stmt::ImportFrom(ast::StmtImportFrom {
                    module: Some(module),
                    names,
                    level: 0,
                    ..
                }) if checked_module(module.as_str()) => {
                    for alias in names {
                        if alias.name.as_str() == "*" {
                            continue;
                        }
                        self.uses.push(ModuleNameUse {
                            module: module.to_string(),
                            name: alias.name.to_string(),
                            range: alias.range(),
                        });
                    }
                }
                _ => walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Attribute(ast::ExprAttribute {
                value, attr, range, ..
            }) = expr
                && let Expr::Name(base) = &**value
            {
                self.attributes
                    .push((base.id.to_string(), attr.to_string(), *range));
            }
            walk_expr(self, expr);
        }
    }
    let parsed = parse(db, file);
    if parsed.parsed().has_invalid_syntax() {
        return Vec::new();
    }
    let mut collector = Collector::default();
    collector.visit_body(&parsed.parsed().syntax().body);
    let Collector {
        aliases,
        attributes,
        mut uses,
    } = collector;
    for (base, attr, range) in attributes {
        if let Some(module) = aliases.get(&base) {
            uses.push(ModuleNameUse {
                module: module.clone(),
                name: attr,
                range,
            });
        }
    }
    uses.sort_by_key(|u| u.range.start());
    uses
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_matches_the_stdlib_folder() {
        assert!(EMBEDDED.windows(2).all(|w| w[0].0 < w[1].0));
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../stdlib");
        let mut on_disk: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("stdlib folder") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if let Some(module) = name.strip_suffix(".py") {
                on_disk.push(module.to_string());
            } else if dir.join(&name).is_dir() {
                assert!(EMBEDDED_PACKAGES.contains(&name.as_str()), "{name}");
                for sub in std::fs::read_dir(dir.join(&name)).expect("package folder") {
                    let sub = sub
                        .expect("entry")
                        .file_name()
                        .to_string_lossy()
                        .into_owned();
                    match sub.strip_suffix(".py") {
                        Some("__init__") => on_disk.push(name.clone()),
                        Some(module) => on_disk.push(format!("{name}.{module}")),
                        None => {}
                    }
                }
            }
        }
        on_disk.sort();
        let embedded: Vec<&str> = embedded_names().collect();
        assert_eq!(on_disk, embedded);
        for name in embedded_names() {
            assert!(
                cpython_names(name).is_some(),
                "{name}: regenerate stdlib_attrs.rs"
            );
            let top = name.split('.').next().unwrap_or(name);
            assert!(crate::stdlib_names::is_stdlib(top), "{name}");
        }
    }
}

#[cfg(test)]
mod runtime_name_tests {
    use super::*;

    #[test]
    fn names_the_runtime_modules_lack_are_errors() {
        let sys = runtime_module_names("sys").expect("sys is listed");
        let time = runtime_module_names("time").expect("time is listed");
        assert!(runtime_name_problem("sys", sys, "getsizeof").is_some());
        assert!(runtime_name_problem("sys", sys, "argv").is_none());
        assert!(runtime_name_problem("sys", sys, "not_in_cpython").is_none());
        assert!(runtime_name_problem("sys", sys, "_getframe").is_none());
        assert!(runtime_name_problem("time", time, "strftime").is_some());
        // Every listed name is one of CPython's.
        for (module, names) in molt_abi::runtime_module_names::ALL {
            let cpython = cpython_star_names(module).expect("CPython's names");
            for n in *names {
                assert!(cpython.contains(n), "{module}.{n}");
            }
        }
    }
}
