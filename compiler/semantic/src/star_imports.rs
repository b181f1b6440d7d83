//! What `from m import *` binds, as far as the compiler can know it.
//!
//! Lowering is per file and reads nothing of other modules, so a module with a star import
//! reads every name it does not bind itself from its globals at run time (falling back to
//! the builtins, as CPython's `LOAD_GLOBAL`), and the diagnostics that depend on the names
//! the import binds (an undefined name, an unsupported builtin) are decided per program
//! from the imported modules' exports: [`module_exports`] (per file, position-free, compared
//! by value, so editing a function body of `m` re-runs nothing of its importers) and
//! [`star_names`] (per program and importing file).

use std::collections::BTreeSet;

use molt_db::{Db, SourceFile, parse};
use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, TraversalSignal};
use ruff_python_ast::{AnyNodeRef, Expr, Stmt};

use crate::import_names::globals_are_static;
use crate::index::module_index;
use crate::modules::{
    ModuleName, ModuleSource, Program, Resolution, absolute_import_name, file_imports,
    module_graph, module_package, resolve_module,
};
use crate::stdlib::{cpython_star_names, embedded_source, is_embedded_path};

/// The names a module's `from m import *` binds, from its own text.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub enum Exports {
    /// `__all__`, bound once at module level to a literal list or tuple of str and never
    /// changed in place: those names, in order.
    All(Vec<String>),
    /// No `__all__`: its globals without a leading underscore, plus what its own star
    /// imports bind (`(module, level)` of each, resolved by the program).
    Public {
        /// The module's own global names without a leading underscore, sorted.
        names: Vec<String>,
        /// The module's own star imports: `(module after the dots, level)`.
        star_imports: Vec<(String, u32)>,
    },
    /// Not known statically: `__all__` computed or changed in place, or globals bound by
    /// name (`globals()`, `setattr`, a module `__getattr__`, ...), or syntax errors.
    Unknown,
}

/// The exports of `file` as a module (see [`Exports`]).
#[salsa::tracked(returns(ref))]
pub fn module_exports(db: &dyn Db, file: SourceFile) -> Exports {
    if !globals_are_static(db, file, false) {
        return Exports::Unknown;
    }
    let index = module_index(db, file);
    let all = db.intern("__all__");
    let body = &parse(db, file).parsed().syntax().body;
    if index.is_global(all) {
        if index.rebound.contains(&all) || all_changed_in_place(body) {
            return Exports::Unknown;
        }
        let value = body.iter().find_map(|s| match s {
            Stmt::Assign(a)
                if a.targets.len() == 1
                    && matches!(&a.targets[0], Expr::Name(n) if n.id.as_str() == "__all__") =>
            {
                Some(&*a.value)
            }
            Stmt::AnnAssign(a) if matches!(&*a.target, Expr::Name(n) if n.id.as_str() == "__all__") => {
                a.value.as_deref()
            }
            _ => None,
        });
        let elts = match value {
            Some(Expr::List(l)) => &l.elts,
            Some(Expr::Tuple(t)) => &t.elts,
            _ => return Exports::Unknown,
        };
        let mut names = Vec::new();
        for e in elts {
            match e {
                Expr::StringLiteral(s) => names.push(s.value.to_str().to_owned()),
                _ => return Exports::Unknown,
            }
        }
        return Exports::All(names);
    }
    let mut names: Vec<String> = index
        .globals
        .iter()
        .map(|g| db.resolve(*g).to_owned())
        .filter(|n| !n.starts_with('_'))
        .collect();
    names.sort();
    let star_imports = file_imports(db, file)
        .iter()
        .filter(|i| i.is_from && i.names.iter().any(|n| n == "*"))
        .map(|i| (i.module.clone(), i.level))
        .collect();
    Exports::Public {
        names,
        star_imports,
    }
}

/// Whether `__all__` is read as the object of an attribute anywhere (`__all__.append(x)`,
/// `__all__.extend(...)`): then its final value is not the literal.
fn all_changed_in_place(body: &[Stmt]) -> bool {
    struct V(bool);
    impl<'a> SourceOrderVisitor<'a> for V {
        fn enter_node(&mut self, node: AnyNodeRef<'a>) -> TraversalSignal {
            if let AnyNodeRef::ExprAttribute(a) = node
                && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "__all__")
            {
                self.0 = true;
            }
            if self.0 {
                TraversalSignal::Skip
            } else {
                TraversalSignal::Traverse
            }
        }
    }
    let mut v = V(false);
    for s in body {
        v.visit_stmt(s);
    }
    v.0
}

/// The names the star imports of a module may bind in a program.
#[derive(Clone, PartialEq, Eq, Debug, Default, Hash)]
pub struct StarNames {
    /// Names a star import binds (or may bind: a name bound only on some path counts).
    pub names: BTreeSet<String>,
    /// Some star import's names are not statically known ([`Exports::Unknown`], a
    /// namespace package, a module that cannot be found): any name may be bound.
    pub unknown: bool,
    /// Packages imported with `*` (absolute names): their submodules that the program has
    /// may be bound too (a submodule is an attribute of its package once imported).
    pub packages: Vec<String>,
    /// Names CPython's standard module binds that molt's lacks: `(name, module)`.
    pub unsupported: Vec<(String, String)>,
}

impl StarNames {
    /// Whether a star import may bind `name` in `program`.
    pub fn may_bind(&self, db: &dyn Db, program: Program<'_>, name: &str) -> bool {
        self.unknown
            || self.names.contains(name)
            || self.packages.iter().any(|p| {
                matches!(
                    resolve_module(db, program, ModuleName::new(db, format!("{p}.{name}"))),
                    Resolution::Found(_)
                )
            })
    }

    /// The standard module whose CPython version binds `name` while molt's lacks it.
    pub fn unsupported_from(&self, name: &str) -> Option<&str> {
        self.unsupported
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| m.as_str())
    }
}

/// The names the star imports of `file` (a module of `program`) may bind (see
/// [`StarNames`]); empty for a file without one. Reads the imported modules'
/// [`module_exports`] only, so an edit of a function body there does not run it again.
#[salsa::tracked(returns(ref))]
pub fn star_names<'db>(db: &'db dyn Db, program: Program<'db>, file: SourceFile) -> StarNames {
    let mut out = StarNames::default();
    let imports: Vec<(String, u32)> = file_imports(db, file)
        .iter()
        .filter(|i| i.is_from && i.names.iter().any(|n| n == "*"))
        .map(|i| (i.module.clone(), i.level))
        .collect();
    if imports.is_empty() {
        return out;
    }
    let graph = module_graph(db, program);
    let package = graph
        .modules
        .iter()
        .find(|m| m.file() == Some(file))
        .and_then(|m| module_package(&m.name, m.source.is_package()));
    let mut seen: Vec<SourceFile> = vec![file];
    for (module, level) in imports {
        add_star(
            db,
            program,
            &module,
            level,
            package.as_deref(),
            &mut seen,
            &mut out,
            0,
        );
    }
    out.names.remove("*");
    out
}

/// How deep star imports of star imports are followed.
const MAX_DEPTH: usize = 8;

/// Adds what `from <level dots><module> import *` (in a module of package `package`) binds.
#[allow(clippy::too_many_arguments)]
fn add_star(
    db: &dyn Db,
    program: Program<'_>,
    module: &str,
    level: u32,
    package: Option<&str>,
    seen: &mut Vec<SourceFile>,
    out: &mut StarNames,
    depth: usize,
) {
    let Some(name) = absolute_import_name(module, level, package) else {
        // Raises at run time (no package): binds nothing.
        return;
    };
    if depth > MAX_DEPTH {
        out.unknown = true;
        return;
    }
    let resolution = resolve_module(db, program, ModuleName::new(db, name.clone()));
    let source = match resolution {
        Resolution::Found(source) => source,
        // The import raises (or is an error of its own): nothing is bound after it.
        Resolution::NotFound { .. } | Resolution::Unsupported | Resolution::ShadowsStdlib(_) => {
            return;
        }
    };
    match source {
        ModuleSource::Runtime => match cpython_star_names(&name) {
            Some(names) => match crate::stdlib::runtime_module_names(&name) {
                // A listed runtime module (`sys`) binds the names CPython's binds that it has.
                Some(ours) => {
                    for n in names {
                        if ours.contains(n) {
                            out.names.insert((*n).to_owned());
                        } else {
                            out.unsupported.push(((*n).to_owned(), name.clone()));
                        }
                    }
                }
                None => out.names.extend(names.iter().map(|n| (*n).to_owned())),
            },
            None => out.unknown = true,
        },
        ModuleSource::Namespace { .. } => out.packages.push(name),
        ModuleSource::File {
            file,
            origin,
            package_dir,
        } => {
            if package_dir.is_some() {
                out.packages.push(name.clone());
            }
            if is_embedded_path(origin) {
                // molt's standard module binds the names CPython's does that it has.
                let Some(cpython) = cpython_star_names(&name) else {
                    out.unknown = true;
                    return;
                };
                let index = module_index(db, *file);
                for n in cpython {
                    let ours = db.interner().get(n).is_some_and(|s| index.is_global(s))
                        || embedded_source(&format!("{name}.{n}")).is_some();
                    if ours {
                        out.names.insert((*n).to_owned());
                    } else {
                        out.unsupported.push(((*n).to_owned(), name.clone()));
                    }
                }
                return;
            }
            if seen.contains(file) {
                // A cycle: the module's names are already counted.
                return;
            }
            seen.push(*file);
            match module_exports(db, *file) {
                Exports::All(names) => out.names.extend(names.iter().cloned()),
                Exports::Public {
                    names,
                    star_imports,
                } => {
                    out.names.extend(names.iter().cloned());
                    let inner = module_package(&name, package_dir.is_some());
                    for (m, l) in star_imports {
                        add_star(db, program, m, *l, inner.as_deref(), seen, out, depth + 1);
                    }
                }
                Exports::Unknown => out.unknown = true,
            }
        }
    }
}
