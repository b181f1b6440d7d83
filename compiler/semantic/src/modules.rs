//! The modules of a program: where an import finds its module, and which modules a program
//! is made of (its module graph), as salsa queries over the file registry
//! (`molt_db::system_path_to_file`).
//!
//! A [`Program`] is an entry script (run as `__main__`) with the workspace roots and extra
//! search paths around it. Resolution follows CPython 3.11's path finder: built-in modules
//! first (`sys`, `time`: [`crate::stdlib_names`]), frozen ones next, then each folder of the
//! search path in order ([`search_paths`]: the entry's folder, the roots, the extra paths of
//! the settings and of `[tool.molt] extra-paths` in the nearest `pyproject.toml`); in each
//! folder a package (`name/__init__.py`) before a module (`name.py`), and a folder without
//! `__init__.py` as a portion of a namespace package, used only when no folder has a module
//! or regular package of that name. `math` and `cmath` are on CPython's path after the
//! workspace: they are the runtime's when no workspace file takes their name. The standard modules molt writes in
//! Python ([`crate::stdlib`]) are found where CPython finds its own: a built-in one
//! (`itertools`) before any folder, the others after the workspace's folders (a workspace
//! file of that name is [`Resolution::ShadowsStdlib`]).
//!
//! Every existence check reads a file input's `status`, so resolutions re-run when a file or
//! folder appears or disappears (whoever watches the disk updates the input).

use std::path::{Path, PathBuf};

use molt_db::{Db, FileStatus, SourceFile, parse, system_path_to_file};
use ruff_python_ast::statement_visitor::{StatementVisitor, walk_stmt};
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::diagnostics::{Diagnostic, DiagnosticCode};
use crate::{stdlib, stdlib_names};

/// The modules the runtime provides itself (`runtime/src/modules.rs`).
pub const RUNTIME_MODULES: &[&str] = &["sys", "time", "math", "cmath", "posix"];

/// Modules the runtime provides for molt's own standard modules only (`_random`, the core
/// of `random`; `_molt_re`, the engine of `re`; `_molt_struct`, the byte-level core of
/// `struct`; `_heapq`, the heap operations of `heapq`; `_molt_itertools`, the native
/// iterators of `itertools`; `_molt`, the caller's module for
/// class factories): they resolve like [`RUNTIME_MODULES`], but an import of one outside
/// `stdlib/` is an `unsupported-syntax` error (CPython's modules of these names differ).
pub const PRIVATE_RUNTIME_MODULES: &[&str] = &[
    "_random",
    "_molt_re",
    "_molt_struct",
    "_heapq",
    "_molt_itertools",
    "_molt",
];

fn is_runtime_module(name: &str) -> bool {
    RUNTIME_MODULES.contains(&name) || PRIVATE_RUNTIME_MODULES.contains(&name)
}

pub use ids::{ModuleName, Program};

mod ids {
    // Salsa generates undocumented constructors for interned structs.
    #![allow(missing_docs)]
    use std::path::PathBuf;

    use molt_db::SourceFile;

    /// A program: its entry script and where its imports are searched.
    #[salsa::interned(debug)]
    pub struct Program<'db> {
        /// The script run as `__main__`.
        #[returns(copy)]
        pub entry: SourceFile,
        /// Workspace roots, searched after the entry's folder.
        #[returns(ref)]
        pub roots: Vec<PathBuf>,
        /// Extra search paths of the settings (the server's `extraPaths`), searched after the
        /// roots.
        #[returns(ref)]
        pub extra_paths: Vec<PathBuf>,
    }

    /// A dotted module name (`pkg.sub`), interned so that resolution can be a query per name.
    #[salsa::interned(debug)]
    pub struct ModuleName<'db> {
        /// The name.
        #[returns(ref)]
        pub text: String,
    }
}

/// Where a module's code comes from.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub enum ModuleSource {
    /// The runtime provides it (`sys`, `time`, `math`, `cmath`).
    Runtime,
    /// A source file of the workspace: a module, or a package's `__init__.py`.
    File {
        /// The file.
        file: SourceFile,
        /// Its path as CPython's `__file__` gives it: the search-path folder joined with the
        /// module's relative path.
        origin: PathBuf,
        /// For a package: its folder (`__path__`).
        package_dir: Option<PathBuf>,
    },
    /// A namespace package: folders without `__init__.py` (`__path__`), no code.
    Namespace {
        /// Its portions, in search-path order.
        dirs: Vec<PathBuf>,
    },
}

impl ModuleSource {
    /// Whether the module is a package (it has a `__path__`).
    pub fn is_package(&self) -> bool {
        match self {
            ModuleSource::Runtime => false,
            ModuleSource::File { package_dir, .. } => package_dir.is_some(),
            ModuleSource::Namespace { .. } => true,
        }
    }

    /// The folders submodules are searched in (`__path__`; empty for a plain module).
    pub fn submodule_dirs(&self) -> Vec<PathBuf> {
        match self {
            ModuleSource::File {
                package_dir: Some(dir),
                ..
            } => vec![dir.clone()],
            ModuleSource::Namespace { dirs } => dirs.clone(),
            _ => Vec::new(),
        }
    }
}

/// What an import of a name finds.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub enum Resolution {
    /// The module.
    Found(ModuleSource),
    /// A standard-library module that CPython would import and molt does not provide.
    Unsupported,
    /// A workspace module named like a standard-library module (`name.py` for `random`):
    /// CPython imports the workspace's file only when its installation has not imported
    /// the standard one at start-up (site-packages may), so the answer depends on the
    /// machine. The path of the workspace's file.
    ShadowsStdlib(PathBuf),
    /// Nothing: the folders searched, in order.
    NotFound {
        /// The folders searched (for a submodule, its package's `__path__`).
        searched: Vec<PathBuf>,
        /// The parent module when it is not a package (`math` in `math.x`).
        not_a_package: Option<String>,
    },
}

/// The folders imports of `program` search, in order, without duplicates: the entry file's
/// folder (absolute, symbolic links resolved, as CPython's `sys.path[0]`), the workspace
/// roots, the extra paths of the settings, then `[tool.molt] extra-paths` of the nearest
/// `pyproject.toml` above the entry (relative to that file's folder).
#[salsa::tracked(returns(ref))]
pub fn search_paths<'db>(db: &'db dyn Db, program: Program<'db>) -> Vec<PathBuf> {
    let entry = program.entry(db).path(db);
    let entry_dir = entry_folder(entry);
    let mut out: Vec<PathBuf> = Vec::new();
    let mut push = |p: PathBuf| {
        let p = molt_db::normalize_path(&p);
        if !out.contains(&p) {
            out.push(p);
        }
    };
    push(entry_dir.clone());
    for root in program.roots(db) {
        push(root.clone());
    }
    for extra in program.extra_paths(db) {
        push(extra.clone());
    }
    for extra in pyproject_extra_paths(db, &entry_dir) {
        push(extra);
    }
    out
}

/// The folder of the entry script as CPython computes `sys.path[0]`: the script's real path
/// (symbolic links resolved), without its file name.
pub fn entry_folder(entry: &Path) -> PathBuf {
    let real = std::fs::canonicalize(entry).unwrap_or_else(|_| molt_db::normalize_path(entry));
    real.parent().map(Path::to_path_buf).unwrap_or(real)
}

/// `[tool.molt] extra-paths` of the nearest `pyproject.toml` in `dir` or above it (paths
/// relative to that file's folder). A file that does not parse, or has no such key, gives
/// none.
fn pyproject_extra_paths(db: &dyn Db, dir: &Path) -> Vec<PathBuf> {
    for folder in dir.ancestors() {
        let file = system_path_to_file(db, &folder.join("pyproject.toml"));
        if file.status(db) != FileStatus::File {
            continue;
        }
        let Ok(table) = file.text(db).parse::<toml::Table>() else {
            return Vec::new();
        };
        let paths = table
            .get("tool")
            .and_then(|t| t.get("molt"))
            .and_then(|m| m.get("extra-paths"))
            .and_then(|p| p.as_array());
        return paths
            .map(|paths| {
                paths
                    .iter()
                    .filter_map(|p| p.as_str())
                    .map(|p| folder.join(p))
                    .collect()
            })
            .unwrap_or_default();
    }
    Vec::new()
}

/// Resolves the absolute module name `name` for `program` (see the module docs).
#[salsa::tracked(returns(ref))]
pub fn resolve_module<'db>(
    db: &'db dyn Db,
    program: Program<'db>,
    name: ModuleName<'db>,
) -> Resolution {
    let text = name.text(db);
    match text.rsplit_once('.') {
        None => resolve_top_level(db, program, text),
        Some((parent, tail)) => {
            let parent_name = ModuleName::new(db, parent.to_string());
            match resolve_module(db, program, parent_name) {
                Resolution::Found(source @ ModuleSource::File { origin, .. })
                    if source.is_package() && stdlib::is_embedded_path(origin) =>
                {
                    // A package of molt's standard library: its submodules are embedded too.
                    match stdlib::embedded_module(db, text) {
                        Some(found) => Resolution::Found(found),
                        None => Resolution::Unsupported,
                    }
                }
                Resolution::Found(source) if source.is_package() => {
                    let dirs = source.submodule_dirs();
                    find_in(db, &dirs, tail).unwrap_or(Resolution::NotFound {
                        searched: dirs,
                        not_a_package: None,
                    })
                }
                Resolution::Found(_) => Resolution::NotFound {
                    searched: Vec::new(),
                    not_a_package: Some(parent.to_string()),
                },
                Resolution::Unsupported => Resolution::Unsupported,
                Resolution::ShadowsStdlib(path) => Resolution::ShadowsStdlib(path.clone()),
                not_found @ Resolution::NotFound { .. } => not_found.clone(),
            }
        }
    }
}

fn resolve_top_level(db: &dyn Db, program: Program<'_>, name: &str) -> Resolution {
    if stdlib_names::is_fixed_stdlib(name) {
        return if is_runtime_module(name) {
            Resolution::Found(ModuleSource::Runtime)
        } else if let Some(source) = stdlib::embedded_module(db, name) {
            // Built into CPython (`itertools`): found before any folder.
            Resolution::Found(source)
        } else {
            Resolution::Unsupported
        };
    }
    let dirs = search_paths(db, program);
    match find_in(db, dirs, name) {
        Some(Resolution::Found(source)) if stdlib_names::is_stdlib(name) => {
            let path = match &source {
                ModuleSource::File { origin, .. } => origin.clone(),
                ModuleSource::Namespace { dirs } => dirs.first().cloned().unwrap_or_default(),
                ModuleSource::Runtime => PathBuf::new(),
            };
            Resolution::ShadowsStdlib(path)
        }
        Some(found) => found,
        None if is_runtime_module(name) => Resolution::Found(ModuleSource::Runtime),
        // The standard library's folder comes after the script's folder and the workspace.
        None => match stdlib::embedded_module(db, name) {
            Some(source) => Resolution::Found(source),
            None if stdlib_names::is_stdlib(name) => Resolution::Unsupported,
            None => Resolution::NotFound {
                searched: dirs.clone(),
                not_a_package: None,
            },
        },
    }
}

/// CPython's path finder over `dirs` for the single name `tail`: per folder a regular
/// package, then a module; namespace portions are collected and used only if nothing else
/// is found.
fn find_in(db: &dyn Db, dirs: &[PathBuf], tail: &str) -> Option<Resolution> {
    let mut portions = Vec::new();
    for dir in dirs {
        let package_dir = dir.join(tail);
        let init = package_dir.join("__init__.py");
        let init_file = system_path_to_file(db, &init);
        if init_file.status(db) == FileStatus::File {
            return Some(Resolution::Found(ModuleSource::File {
                file: init_file,
                origin: init,
                package_dir: Some(package_dir),
            }));
        }
        let is_folder = system_path_to_file(db, &package_dir).status(db) == FileStatus::Directory;
        let module = dir.join(format!("{tail}.py"));
        let module_file = system_path_to_file(db, &module);
        if module_file.status(db) == FileStatus::File {
            return Some(Resolution::Found(ModuleSource::File {
                file: module_file,
                origin: module,
                package_dir: None,
            }));
        }
        if is_folder {
            portions.push(package_dir);
        }
    }
    (!portions.is_empty()).then_some(Resolution::Found(ModuleSource::Namespace {
        dirs: portions,
    }))
}

/// One import of a file: `import a.b` (one per alias) or `from ..m import x, y`.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct ImportRequest {
    /// Leading dots of a `from` import (0: absolute).
    pub level: u32,
    /// The module named (`""` in `from . import x`).
    pub module: String,
    /// The names of a `from` import (`*` included); empty for `import m`.
    pub names: Vec<String>,
    /// Whether it is a `from` import.
    pub is_from: bool,
    /// The alias (`import`) or the statement (`from`), in file offsets.
    pub range: TextRange,
}

/// Every import of `file`, wherever it is (module level, functions, classes, any block), in
/// source order; none for a file with syntax errors (it cannot be built, and its tree may
/// be partial). Compared by value, so an edit that changes no import leaves the module
/// graph as it was.
#[salsa::tracked(returns(ref))]
pub fn file_imports(db: &dyn Db, file: SourceFile) -> Vec<ImportRequest> {
    struct Collector(Vec<ImportRequest>);
    impl<'a> StatementVisitor<'a> for Collector {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Import(i) => {
                    for alias in &i.names {
                        self.0.push(ImportRequest {
                            level: 0,
                            module: alias.name.to_string(),
                            names: Vec::new(),
                            is_from: false,
                            range: alias.range(),
                        });
                    }
                }
                Stmt::ImportFrom(ast::StmtImportFrom {
                    module,
                    names,
                    level,
                    range,
                    ..
                }) => self.0.push(ImportRequest {
                    level: *level,
                    module: module.as_ref().map(|m| m.to_string()).unwrap_or_default(),
                    names: names.iter().map(|a| a.name.to_string()).collect(),
                    is_from: true,
                    range: *range,
                }),
                _ => walk_stmt(self, stmt),
            }
        }
    }
    let parsed = parse(db, file);
    if parsed.parsed().has_invalid_syntax() {
        return Vec::new();
    }
    let mut collector = Collector(Vec::new());
    collector.visit_body(&parsed.parsed().syntax().body);
    collector.0
}

/// The package a module's relative imports start from (CPython's `__package__`): the module
/// itself for a package, else its parent (`""` for a top-level module); `None` for
/// `__main__` (a script has no package).
pub fn module_package(name: &str, is_package: bool) -> Option<String> {
    if name == "__main__" {
        return None;
    }
    if is_package {
        return Some(name.to_string());
    }
    Some(
        name.rsplit_once('.')
            .map(|(parent, _)| parent.to_string())
            .unwrap_or_default(),
    )
}

/// CPython's `_resolve_name`: the absolute name of `module` imported with `level` dots
/// from `package`, or `None` when the import raises at run time (no package, or beyond the
/// top-level package).
pub fn absolute_import_name(module: &str, level: u32, package: Option<&str>) -> Option<String> {
    if level == 0 {
        return Some(module.to_string());
    }
    let package = package.filter(|p| !p.is_empty())?;
    let parts: Vec<&str> = package.split('.').collect();
    let keep = parts.len().checked_sub(level as usize - 1)?;
    if keep == 0 {
        return None;
    }
    let base = parts[..keep].join(".");
    Some(if module.is_empty() {
        base
    } else {
        format!("{base}.{module}")
    })
}

/// One module of a program.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct GraphModule {
    /// Its name (`__main__` for the entry).
    pub name: String,
    /// Its code (never [`ModuleSource::Runtime`]: the runtime's modules are not listed).
    pub source: ModuleSource,
}

impl GraphModule {
    /// The module's source file (none for a namespace package).
    pub fn file(&self) -> Option<SourceFile> {
        match &self.source {
            ModuleSource::File { file, .. } => Some(*file),
            _ => None,
        }
    }
}

/// The modules of a program and what its imports found.
#[derive(Clone, PartialEq, Eq, Debug, Default, Hash)]
pub struct ModuleGraph {
    /// The entry (`__main__`) first, then every module its imports can reach, in the order
    /// they were found (breadth first). A file imported under two names is two modules, as
    /// in CPython.
    pub modules: Vec<GraphModule>,
    /// Import diagnostics, in file offsets, with the file they are in.
    pub diagnostics: Vec<(SourceFile, Diagnostic)>,
}

impl ModuleGraph {
    /// The distinct source files of the program, the entry's first.
    pub fn files(&self) -> Vec<SourceFile> {
        let mut out: Vec<SourceFile> = Vec::new();
        for m in &self.modules {
            if let Some(f) = m.file()
                && !out.contains(&f)
            {
                out.push(f);
            }
        }
        out
    }
}

/// The module graph of `program`: every module its entry can import, directly or through
/// other modules (imports anywhere in a file count, whether or not they run), with the
/// diagnostics of imports that find nothing (`unresolved-import`: CPython raises
/// `ModuleNotFoundError` when such an import runs, and so does the program), find a
/// standard module molt lacks, or find a workspace module named like a standard one (both
/// `unsupported-syntax`).
#[salsa::tracked(returns(ref))]
pub fn module_graph<'db>(db: &'db dyn Db, program: Program<'db>) -> ModuleGraph {
    let entry = program.entry(db);
    let mut graph = ModuleGraph::default();
    graph.modules.push(GraphModule {
        name: "__main__".into(),
        source: ModuleSource::File {
            file: entry,
            origin: entry.path(db).clone(),
            package_dir: None,
        },
    });
    let mut next = 0;
    while next < graph.modules.len() {
        let module = graph.modules[next].clone();
        next += 1;
        let Some(file) = module.file() else { continue };
        let package = module_package(&module.name, module.source.is_package());
        for request in file_imports(db, file) {
            let Some(name) =
                absolute_import_name(&request.module, request.level, package.as_deref())
            else {
                // The import raises `ImportError` when it runs, exactly as in CPython.
                continue;
            };
            let Some(found) = require(db, program, &mut graph, file, &name, request.range) else {
                continue;
            };
            if request.is_from && found.is_package() {
                let mut items: Vec<String> = request.names.clone();
                if items.iter().any(|i| i == "*") {
                    // `from pkg import *` imports the submodules its `__all__` names.
                    if let ModuleSource::File { file: init, .. } = &found
                        && let crate::star_imports::Exports::All(all) =
                            crate::star_imports::module_exports(db, *init)
                    {
                        items.extend(all.iter().cloned());
                    }
                }
                for item in &items {
                    if item == "*" {
                        continue;
                    }
                    let sub = format!("{name}.{item}");
                    let sub_name = ModuleName::new(db, sub.clone());
                    if let Resolution::Found(source) = resolve_module(db, program, sub_name) {
                        add_module(&mut graph, &sub, source.clone());
                    }
                }
            }
        }
    }
    graph
        .diagnostics
        .sort_by_key(|(f, d)| (f.path(db).clone(), d.range.start()));
    graph.diagnostics.dedup();
    graph
}

/// Resolves `name` and its parent packages (`a`, `a.b`, `a.b.c`), adding each to the graph;
/// returns the module of `name`, or reports the first that fails at `range` of `file`.
fn require(
    db: &dyn Db,
    program: Program<'_>,
    graph: &mut ModuleGraph,
    file: SourceFile,
    name: &str,
    range: TextRange,
) -> Option<ModuleSource> {
    let mut found = None;
    let mut end = 0;
    let parts: Vec<&str> = name.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        end += part.len() + usize::from(i > 0);
        let prefix = &name[..end];
        let private = i == 0
            && PRIVATE_RUNTIME_MODULES.contains(part)
            && !stdlib::is_embedded_path(file.path(db));
        let resolution = if private {
            &Resolution::Unsupported
        } else {
            resolve_module(db, program, ModuleName::new(db, prefix.to_string()))
        };
        let message = match resolution {
            Resolution::Found(source) => {
                add_module(graph, prefix, source.clone());
                found = Some(source.clone());
                continue;
            }
            Resolution::Unsupported => {
                let diagnostic = Diagnostic::error(
                    DiagnosticCode::UnsupportedSyntax,
                    range,
                    format!(
                        "importing `{name}` is not supported yet: of the standard library molt provides {}",
                        supported_stdlib_list()
                    ),
                );
                graph.diagnostics.push((file, diagnostic));
                return None;
            }
            Resolution::ShadowsStdlib(path) => {
                let top = parts[0];
                let diagnostic = Diagnostic::error(
                    DiagnosticCode::UnsupportedSyntax,
                    range,
                    format!(
                        "the workspace module `{top}` ({}) has the name of a standard-library module: CPython imports one or the other depending on what its installation imports at start-up; rename it",
                        path.display()
                    ),
                );
                graph.diagnostics.push((file, diagnostic));
                return None;
            }
            Resolution::NotFound {
                searched,
                not_a_package: Some(parent),
            } => {
                let _ = searched;
                format!("no module named `{prefix}`: `{parent}` is not a package")
            }
            Resolution::NotFound { searched, .. } => format!(
                "no module named `{prefix}` (searched {})",
                if searched.is_empty() {
                    "nothing".to_string()
                } else {
                    searched
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
        };
        graph.diagnostics.push((
            file,
            Diagnostic::error(DiagnosticCode::UnresolvedImport, range, message),
        ));
        return None;
    }
    found
}

/// The standard modules molt provides, for messages: "`__future__`, `bisect`, ... and `typing`".
fn supported_stdlib_list() -> String {
    let mut names: Vec<&str> = RUNTIME_MODULES
        .iter()
        .copied()
        .chain(stdlib::embedded_names())
        .collect();
    names.sort_unstable();
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

fn add_module(graph: &mut ModuleGraph, name: &str, source: ModuleSource) {
    if source == ModuleSource::Runtime || graph.modules.iter().any(|m| m.name == name) {
        return;
    }
    graph.modules.push(GraphModule {
        name: name.to_string(),
        source,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_names_follow_cpython() {
        assert_eq!(absolute_import_name("m", 0, None).as_deref(), Some("m"));
        assert_eq!(
            absolute_import_name("", 1, Some("pkg")).as_deref(),
            Some("pkg")
        );
        assert_eq!(
            absolute_import_name("x", 2, Some("a.b.c")).as_deref(),
            Some("a.b.x")
        );
        assert_eq!(absolute_import_name("x", 3, Some("a.b")), None);
        assert_eq!(absolute_import_name("x", 1, Some("")), None);
        assert_eq!(absolute_import_name("x", 1, None), None);
        assert_eq!(module_package("__main__", false), None);
        assert_eq!(module_package("pkg", true).as_deref(), Some("pkg"));
        assert_eq!(module_package("pkg.sub", false).as_deref(), Some("pkg"));
        assert_eq!(module_package("top", false).as_deref(), Some(""));
    }

    fn write(root: &Path, files: &[(&str, &str)]) {
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
    }

    #[test]
    fn graph_of_packages_relative_imports_and_namespaces() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        write(
            &root,
            &[
                (
                    "main.py",
                    "import helper\nimport pkg.sub as s\nfrom ns import mod\nimport nope\nimport decimal\nimport sys, math\n",
                ),
                ("helper.py", "def f(): import pkg\n"),
                ("pkg/__init__.py", "from . import other\n"),
                (
                    "pkg/sub.py",
                    "from ..pkg import other\nfrom .other import x\n",
                ),
                ("pkg/other.py", "x = 1\n"),
                ("ns/mod.py", "y = 2\n"),
            ],
        );
        let db = molt_db::RootDatabase::default();
        let entry = db.load_file(&root.join("main.py")).expect("load");
        let program = Program::new(&db, entry, Vec::new(), Vec::new());
        let graph = module_graph(&db, program);
        let names: Vec<&str> = graph.modules.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "__main__",
                "helper",
                "pkg",
                "pkg.sub",
                "ns",
                "ns.mod",
                "pkg.other"
            ]
        );
        assert!(matches!(
            graph.modules[4].source,
            ModuleSource::Namespace { .. }
        ));
        let messages: Vec<String> = graph
            .diagnostics
            .iter()
            .map(|(_, d)| format!("{}: {}", d.code, d.message))
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("unresolved-import: no module named `nope` (searched "));
        assert!(messages[1].starts_with("unsupported-syntax: importing `decimal`"));
    }

    #[test]
    fn private_runtime_modules_are_for_the_standard_library_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        write(&root, &[("main.py", "import random\nimport _random\n")]);
        let db = molt_db::RootDatabase::default();
        let entry = db.load_file(&root.join("main.py")).expect("load");
        let program = Program::new(&db, entry, Vec::new(), Vec::new());
        let graph = module_graph(&db, program);
        // `stdlib/random.py` imports `_random` (no error there); the program's own import
        // is refused.
        assert!(graph.modules.iter().any(|m| m.name == "random"));
        let messages: Vec<String> = graph
            .diagnostics
            .iter()
            .map(|(_, d)| d.message.clone())
            .collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].starts_with("importing `_random` is not supported yet"));
    }

    #[test]
    fn embedded_standard_packages_have_embedded_submodules() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        write(
            &root,
            &[(
                "main.py",
                "import collections.abc\nfrom collections import nope\nimport collections.missing\n",
            )],
        );
        let db = molt_db::RootDatabase::default();
        let entry = db.load_file(&root.join("main.py")).expect("load");
        let program = Program::new(&db, entry, Vec::new(), Vec::new());
        let graph = module_graph(&db, program);
        let found: Vec<(&str, String)> = graph
            .modules
            .iter()
            .filter_map(|m| match &m.source {
                ModuleSource::File { origin, .. } => {
                    Some((m.name.as_str(), origin.display().to_string()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            found[1..3],
            [
                (
                    "collections",
                    "/<molt>/stdlib/collections/__init__.py".to_string()
                ),
                (
                    "collections.abc",
                    "/<molt>/stdlib/collections/abc.py".to_string()
                ),
            ]
        );
        let messages: Vec<String> = graph
            .diagnostics
            .iter()
            .map(|(_, d)| d.message.clone())
            .collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].starts_with("importing `collections.missing` is not supported yet"));
    }

    #[test]
    fn workspace_module_named_like_the_standard_library_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        write(
            &root,
            &[
                ("main.py", "import random\nimport time\n"),
                ("random.py", ""),
                ("time.py", ""),
            ],
        );
        let db = molt_db::RootDatabase::default();
        let entry = db.load_file(&root.join("main.py")).expect("load");
        let program = Program::new(&db, entry, Vec::new(), Vec::new());
        let graph = module_graph(&db, program);
        // `time` is built in: CPython never reads `time.py`.
        assert_eq!(graph.modules.len(), 1);
        assert_eq!(graph.diagnostics.len(), 1);
        assert!(
            graph.diagnostics[0]
                .1
                .message
                .contains("standard-library module")
        );
    }

    #[test]
    fn pyproject_extra_paths_are_searched_last() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        write(
            &root,
            &[
                ("pyproject.toml", "[tool.molt]\nextra-paths = [\"lib\"]\n"),
                ("app/main.py", "import util\n"),
                ("lib/util.py", ""),
            ],
        );
        let db = molt_db::RootDatabase::default();
        let entry = db.load_file(&root.join("app/main.py")).expect("load");
        let program = Program::new(&db, entry, vec![root.clone()], Vec::new());
        assert_eq!(
            search_paths(&db, program),
            &vec![root.join("app"), root.clone(), root.join("lib")]
        );
        assert_eq!(module_graph(&db, program).modules.len(), 2);
    }
}
