//! Names imported from workspace modules that do not define them.
//!
//! `from m import x` raises `ImportError: cannot import name 'x' from 'm'` when it runs if
//! the module `m` (a workspace file) binds no global `x` and has no submodule `m.x`. The
//! program still compiles and raises exactly as CPython does; the editor shows a warning
//! (code `unresolved-import`) at the name, so that removing or renaming a function in one
//! file is seen at once in the files that import it.
//!
//! A module whose globals cannot be known statically is never reported: one with
//! `from ... import *`, a module-level `__getattr__`, or any use of `globals`, `vars`,
//! `setattr` or `sys.modules` (all of which can bind globals by name).

use molt_db::{Db, SourceFile, parse};
use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, TraversalSignal};
use ruff_python_ast::{self as ast, AnyNodeRef, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::diagnostics::{Diagnostic, DiagnosticCode, Severity};
use crate::index::module_index;
use crate::modules::{
    ModuleName, ModuleSource, Program, Resolution, absolute_import_name, file_imports,
    module_graph, module_package, resolve_module,
};

/// Names every module has without binding them (`__name__`, `__file__`, ...).
const MODULE_ATTRIBUTES: &[&str] = &[
    "__name__",
    "__file__",
    "__doc__",
    "__package__",
    "__path__",
    "__spec__",
    "__loader__",
    "__builtins__",
    "__dict__",
    "__cached__",
    "__annotations__",
];

/// A name a `from` import asks of a workspace module that does not define it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MissingName {
    /// The `from ... import` statement, in file offsets.
    pub statement: TextRange,
    /// The name imported.
    pub name: String,
    /// The warning's text.
    pub message: String,
}

/// The names of `from M import name` statements of `file` (a module of `program`) whose
/// workspace module `M` binds no `name` (see the module docs), in source order. Reads the
/// file's imports (`file_imports`), not its text: an edit that changes no import does not
/// run it again.
#[salsa::tracked(returns(ref))]
pub fn missing_names<'db>(
    db: &'db dyn Db,
    program: Program<'db>,
    file: SourceFile,
) -> Vec<MissingName> {
    let graph = module_graph(db, program);
    // The package relative imports start from: that of the first module of the graph
    // with this file (as `__main__` when it is the entry).
    let package = graph
        .modules
        .iter()
        .find(|m| m.file() == Some(file))
        .and_then(|m| module_package(&m.name, m.source.is_package()));
    let mut out = Vec::new();
    for import in file_imports(db, file).iter().filter(|i| i.is_from) {
        let Some(name) = absolute_import_name(&import.module, import.level, package.as_deref())
        else {
            continue;
        };
        // Standard modules: names ours lacks are errors of their own (`crate::stdlib`).
        if crate::stdlib_names::is_stdlib(name.split('.').next().unwrap_or_default()) {
            continue;
        }
        let Resolution::Found(ModuleSource::File { file: target, .. }) =
            resolve_module(db, program, ModuleName::new(db, name.clone()))
        else {
            continue;
        };
        if !globals_are_static(db, *target, true) {
            continue;
        }
        let index = module_index(db, *target);
        for item in &import.names {
            let item = item.as_str();
            if item == "*" || MODULE_ATTRIBUTES.contains(&item) || index.is_global(db.intern(item))
            {
                continue;
            }
            let sub = ModuleName::new(db, format!("{name}.{item}"));
            if matches!(resolve_module(db, program, sub), Resolution::Found(_)) {
                continue;
            }
            out.push(MissingName {
                statement: import.range,
                name: item.to_owned(),
                message: format!(
                    "module `{name}` ({}) defines no `{item}`: this import raises ImportError when it runs",
                    target.path(db).display()
                ),
            });
        }
    }
    out
}

/// The warnings of [`missing_names`], each at the imported name in its statement (code
/// `unresolved-import`, severity warning).
pub fn missing_import_names(
    db: &dyn Db,
    program: Program<'_>,
    file: SourceFile,
) -> Vec<Diagnostic> {
    let missing = missing_names(db, program, file);
    if missing.is_empty() {
        return Vec::new();
    }
    let parsed = parse(db, file);
    let mut imports = Vec::new();
    collect_from_imports(&parsed.parsed().syntax().body, &mut imports);
    missing
        .iter()
        .map(|m| {
            let range = imports
                .iter()
                .find(|i| i.range == m.statement)
                .and_then(|i| i.names.iter().find(|a| a.name.as_str() == m.name))
                .map_or(m.statement, |a| a.name.range());
            Diagnostic {
                range,
                code: DiagnosticCode::UnresolvedImport,
                severity: Severity::Warning,
                message: m.message.clone(),
            }
        })
        .collect()
}

/// Every `from ... import` statement in `body`, nested blocks and functions included.
fn collect_from_imports<'a>(body: &'a [Stmt], out: &mut Vec<&'a ast::StmtImportFrom>) {
    struct Collector<'a, 'o>(&'o mut Vec<&'a ast::StmtImportFrom>);
    impl<'a> SourceOrderVisitor<'a> for Collector<'a, '_> {
        fn enter_node(&mut self, node: AnyNodeRef<'a>) -> TraversalSignal {
            if let AnyNodeRef::StmtImportFrom(i) = node {
                self.0.push(i);
                return TraversalSignal::Skip;
            }
            // Imports are statements: expressions need not be entered.
            if node.is_expression() {
                TraversalSignal::Skip
            } else {
                TraversalSignal::Traverse
            }
        }
    }
    let mut collector = Collector(out);
    for stmt in body {
        collector.visit_stmt(stmt);
    }
}

/// Whether the globals of `file` are all visible as bindings (see the module docs); a star
/// import makes them dynamic when `star_is_dynamic`.
pub(crate) fn globals_are_static(db: &dyn Db, file: SourceFile, star_is_dynamic: bool) -> bool {
    let parsed = parse(db, file);
    if parsed.parsed().has_invalid_syntax() {
        return false;
    }
    struct Dynamic(bool, bool);
    impl<'a> SourceOrderVisitor<'a> for Dynamic {
        fn enter_node(&mut self, node: AnyNodeRef<'a>) -> TraversalSignal {
            match node {
                AnyNodeRef::StmtImportFrom(i)
                    if self.1 && i.names.iter().any(|a| &a.name == "*") =>
                {
                    self.0 = true;
                }
                AnyNodeRef::ExprName(n)
                    if matches!(n.id.as_str(), "globals" | "vars" | "setattr") =>
                {
                    self.0 = true;
                }
                AnyNodeRef::ExprAttribute(a)
                    if a.attr.as_str() == "modules"
                        && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "sys") =>
                {
                    self.0 = true;
                }
                _ => {}
            }
            if self.0 {
                TraversalSignal::Skip
            } else {
                TraversalSignal::Traverse
            }
        }
    }
    let body = &parsed.parsed().syntax().body;
    let module_getattr = body
        .iter()
        .any(|s| matches!(s, Stmt::FunctionDef(d) if d.name.as_str() == "__getattr__"));
    let mut dynamic = Dynamic(module_getattr, star_is_dynamic);
    for stmt in body {
        if dynamic.0 {
            break;
        }
        dynamic.visit_stmt(stmt);
    }
    !dynamic.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use molt_db::{RootDatabase, system_path_to_file};

    fn text_at(text: &str, range: TextRange) -> &str {
        &text[range.start().to_usize()..range.end().to_usize()]
    }

    #[test]
    fn names_a_module_lacks_are_warned_at_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("pkg")).unwrap();
        let main = "from helper import f, g, __name__\nfrom pkg import sub, nope\nfrom dyn import anything\nfrom . import x\n";
        std::fs::write(root.join("main.py"), main).unwrap();
        std::fs::write(root.join("helper.py"), "def f(): pass\n").unwrap();
        std::fs::write(root.join("pkg/__init__.py"), "").unwrap();
        std::fs::write(root.join("pkg/sub.py"), "").unwrap();
        std::fs::write(root.join("dyn.py"), "globals()['anything'] = 1\n").unwrap();
        let mut db = RootDatabase::default();
        let entry = system_path_to_file(&db, &root.join("main.py"));
        let program = Program::new(&db, entry, Vec::new(), Vec::new());
        let found: Vec<(&str, Severity)> = missing_import_names(&db, program, entry)
            .iter()
            .map(|d| (text_at(main, d.range), d.severity))
            .collect();
        assert_eq!(
            found,
            vec![("g", Severity::Warning), ("nope", Severity::Warning)]
        );
        // Defining the name removes the warning.
        db.set_file_text(
            &root.join("helper.py"),
            "def f(): pass\ng = 1\n".into(),
            None,
        );
        let program = Program::new(&db, entry, Vec::new(), Vec::new());
        assert_eq!(missing_import_names(&db, program, entry).len(), 1);
    }
}
