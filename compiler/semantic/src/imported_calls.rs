//! Functions of other workspace modules that a module calls through a name it imports once.
//!
//! `from m import f` (or `from pkg.m import f as g`), at the top level of a module that binds
//! that name nowhere else, makes the name a known callee when `f` is a function bound once
//! in the workspace module `m` (by a top-level `def`, see
//! [`crate::ModuleIndex::stable_function`]): the optimizer may call its compiled code
//! directly (`call.direct ... via`), with a run-time check that the name still holds that
//! function. Likewise `import m` (or `import pkg.m as m`) makes `m.f(...)` a call of a known
//! callee, checked at run time: the global `m` still holds the module `m`, and `m`'s global
//! `f` still holds the function of its `def`.
//!
//! The importer reads only the *signatures* of `m`'s functions ([`exported_functions`],
//! compared by value), so editing a function body of `m` re-runs nothing of its importers,
//! while changing a signature of `m` (or adding, removing or rebinding a function) does.

use molt_db::{Db, SourceFile, parse};
use ruff_python_ast::Stmt;

use crate::index::{FunctionSig, module_index};
use crate::modules::{ModuleName, ModuleSource, Program, Resolution, resolve_module};

/// The functions of `file` that an importer may call directly: every function bound exactly
/// once, by a top-level `def` ([`crate::ModuleIndex::stable_function`]), in source order.
/// Compared by value: an edit of a function body leaves it unchanged.
#[salsa::tracked(returns(ref))]
pub fn exported_functions(db: &dyn Db, file: SourceFile) -> Vec<FunctionSig> {
    let index = module_index(db, file);
    index
        .functions
        .iter()
        .filter(|f| {
            index
                .stable_function(f.name)
                .is_some_and(|s| std::ptr::eq(s, *f))
        })
        .cloned()
        .collect()
}

/// One `from MODULE import NAME as LOCAL` or `import MODULE as LOCAL` at the top level of
/// a module.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct TopLevelImport {
    /// The absolute module name (`pkg.m`).
    pub module: String,
    /// The name imported from it (`from` imports); `None` when the global is bound to the
    /// module itself.
    pub name: Option<String>,
    /// The global it binds in the importer.
    pub local: String,
}

/// The absolute imports at the top level of `file` that bind a global the module binds
/// nowhere else ([`crate::ModuleIndex::is_rebound`]), in source order: `from m import f [as
/// g]` (`*` and relative imports excluded), and `import m` or `import pkg.m as m` (`import
/// pkg.m` without `as` binds the package `pkg` and is excluded). Compared by value.
#[salsa::tracked(returns(ref))]
pub fn top_level_imports(db: &dyn Db, file: SourceFile) -> Vec<TopLevelImport> {
    let parsed = parse(db, file);
    if parsed.parsed().has_invalid_syntax() {
        return Vec::new();
    }
    let index = module_index(db, file);
    let once = |local: &str| !index.is_rebound(db.intern(local));
    let mut out = Vec::new();
    for stmt in &parsed.parsed().syntax().body {
        match stmt {
            Stmt::ImportFrom(import) => {
                let Some(module) = import.module.as_ref().filter(|_| import.level == 0) else {
                    continue;
                };
                for alias in &import.names {
                    let local = alias.asname.as_ref().unwrap_or(&alias.name).as_str();
                    if alias.name.as_str() == "*" || !once(local) {
                        continue;
                    }
                    out.push(TopLevelImport {
                        module: module.to_string(),
                        name: Some(alias.name.to_string()),
                        local: local.to_string(),
                    });
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let local = match &alias.asname {
                        Some(asname) => asname.as_str(),
                        None if !alias.name.as_str().contains('.') => alias.name.as_str(),
                        None => continue,
                    };
                    if !once(local) {
                        continue;
                    }
                    out.push(TopLevelImport {
                        module: alias.name.to_string(),
                        name: None,
                        local: local.to_string(),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// A function of another workspace module that a module calls through a global of its own.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct ImportedFunction {
    /// The importer's global (bound once, by the `from` import), or, for a function of a
    /// module the importer binds to a global by `import`, that global and the function's name
    /// (`m.f`).
    pub local: Box<str>,
    /// The callee's MIR name, qualified by its module: `m:f`, `pkg.m:f`.
    pub target: Box<str>,
    /// The callee's signature.
    pub sig: FunctionSig,
}

/// The globals of `file` (a module of `program`) bound by a top-level `from m import f` to
/// a function bound once in the workspace module `m`, and the functions `m.f` of the modules
/// bound by a top-level `import m` (see the module docs), in source order. Reads only the
/// imports of `file` and the signatures of the modules they name ([`exported_functions`]);
/// compared by value.
#[salsa::tracked(returns(ref))]
pub fn imported_functions<'db>(
    db: &'db dyn Db,
    program: Program<'db>,
    file: SourceFile,
) -> Vec<ImportedFunction> {
    let mut out = Vec::new();
    for import in top_level_imports(db, file) {
        // `from __main__ import f` names the running script, not a file's module.
        if import.module == "__main__" {
            continue;
        }
        let name = ModuleName::new(db, import.module.clone());
        let Resolution::Found(ModuleSource::File { file: callee, .. }) =
            resolve_module(db, program, name)
        else {
            continue;
        };
        // The standard modules shipped in Python keep their own calls.
        if crate::stdlib::is_embedded_path(callee.path(db)) {
            continue;
        }
        let exported = exported_functions(db, *callee);
        match &import.name {
            Some(wanted) => {
                let wanted = db.intern(wanted);
                if let Some(sig) = exported.iter().find(|f| f.name == wanted) {
                    out.push(ImportedFunction {
                        local: import.local.as_str().into(),
                        target: format!("{}:{}", import.module, db.resolve(wanted)).into(),
                        sig: sig.clone(),
                    });
                }
            }
            None => {
                for sig in exported {
                    let f = db.resolve(sig.name);
                    out.push(ImportedFunction {
                        local: format!("{}.{f}", import.local).into(),
                        target: format!("{}:{f}", import.module).into(),
                        sig: sig.clone(),
                    });
                }
            }
        }
    }
    out
}
