//! Writes from outside a module that shadow a builtin its compiled code relies on.
//!
//! A module's code resolves a name it never binds to the builtin when it is compiled (and
//! the optimizer builds on that: counted `range` loops, inlined `len`). Under CPython,
//! another module can still shadow that builtin by adding a global to it
//! (`helper.len = my_len`); molt's runtime refuses such a write with a `molt:`
//! `NotImplementedError` (`molt_runtime::watch`). This check finds the writes it can see in
//! the source, `m.NAME = ...` (also augmented and annotated, and inside tuple targets) and
//! `setattr(m, "NAME", ...)`, where `m` is bound by `import m` (or `import pkg.m as m`) at
//! module level and never rebound, and reports them when they are compiled, as an
//! `unsupported-syntax` error naming the builtin.

use molt_db::{Db, SourceFile, parse};
use molt_mir::InstKind;
use molt_semantic::modules::{ModuleName, ModuleSource, Program, Resolution, resolve_module};
use molt_semantic::{Diagnostic, DiagnosticCode};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::{FxHashMap, FxHashSet};

/// The `unsupported-syntax` errors of `file` (a module of `program`) for writes that add a
/// global shadowing a builtin to another module whose code uses that builtin (see the
/// module docs), at the written attribute name (file offsets).
pub fn outside_shadowing(db: &dyn Db, program: Program<'_>, file: SourceFile) -> Vec<Diagnostic> {
    let parsed = parse(db, file);
    let module = parsed.parsed().syntax();
    let mut writes = Writes::default();
    writes.visit_body(&module.body);
    if writes.found.is_empty() {
        return Vec::new();
    }
    // The names bound by a module-level `import`, to the module they bind.
    let mut imported: FxHashMap<&str, String> = FxHashMap::default();
    for stmt in &module.body {
        if let Stmt::Import(import) = stmt {
            for alias in &import.names {
                match &alias.asname {
                    Some(asname) => {
                        imported.insert(asname.as_str(), alias.name.to_string());
                    }
                    None if !alias.name.as_str().contains('.') => {
                        imported.insert(alias.name.as_str(), alias.name.to_string());
                    }
                    None => {}
                }
            }
        }
    }
    let index = molt_semantic::index::module_index(db, file);
    let mut used: FxHashMap<String, Option<FxHashSet<Box<str>>>> = FxHashMap::default();
    let mut out = Vec::new();
    for (base, attr, range) in writes.found {
        let Some(module_name) = imported.get(base.as_str()) else {
            continue;
        };
        if index.is_rebound(db.intern(&base)) {
            continue;
        }
        let builtins = used
            .entry(module_name.clone())
            .or_insert_with(|| builtins_used(db, program, module_name));
        if builtins.as_ref().is_some_and(|b| b.contains(attr.as_str())) {
            out.push(Diagnostic::error(
                DiagnosticCode::UnsupportedSyntax,
                range,
                format!(
                    "adding the global `{attr}` to module `{module_name}` from outside it is not supported: `{module_name}`'s compiled code uses the builtin `{attr}` (CPython would let this global shadow it there)"
                ),
            ));
        }
    }
    out
}

/// The builtins the compiled code of the module `name` of `program` uses (loads, and those
/// the optimizer assumed); `None` when it is not a module compiled from source.
fn builtins_used(db: &dyn Db, program: Program<'_>, name: &str) -> Option<FxHashSet<Box<str>>> {
    let Resolution::Found(ModuleSource::File { file, .. }) =
        resolve_module(db, program, ModuleName::new(db, name.to_owned()))
    else {
        return None;
    };
    let mut names = FxHashSet::default();
    let mut binds_super = false;
    for f in molt_opt::optimized_file(db, *file) {
        for inst in &f.insts {
            match &inst.kind {
                InstKind::BuiltinLoad(n) => {
                    names.insert(n.clone());
                }
                InstKind::GlobalStore(n, _) | InstKind::GlobalDel(n) if &**n == "super" => {
                    binds_super = true;
                }
                _ => {}
            }
        }
        names.extend(f.assumed_builtins.iter().cloned());
    }
    // A module binding a global `super` loads the builtin only to compare a `super()` callee
    // with it (see `molt_lower`'s `zero_arg_super_rebound`).
    if binds_super {
        names.remove("super");
    }
    Some(names)
}

/// Attribute writes `NAME.attr` on a plain name: `(NAME, attr, range of attr)`.
#[derive(Default)]
struct Writes {
    found: Vec<(String, String, TextRange)>,
}

impl Writes {
    fn target(&mut self, target: &Expr) {
        match target {
            Expr::Attribute(a) => {
                if let Expr::Name(base) = &*a.value {
                    self.found
                        .push((base.id.to_string(), a.attr.to_string(), a.attr.range));
                }
            }
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(e)),
            Expr::List(l) => l.elts.iter().for_each(|e| self.target(e)),
            Expr::Starred(s) => self.target(&s.value),
            _ => {}
        }
    }
}

impl<'a> Visitor<'a> for Writes {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Assign(a) => a.targets.iter().for_each(|t| self.target(t)),
            Stmt::AugAssign(a) => self.target(&a.target),
            Stmt::AnnAssign(a) if a.value.is_some() => self.target(&a.target),
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        // `setattr(m, "NAME", value)` with a literal name.
        if let Expr::Call(ast::ExprCall {
            func, arguments, ..
        }) = expr
            && matches!(&**func, Expr::Name(n) if n.id.as_str() == "setattr")
            && arguments.keywords.is_empty()
            && let [Expr::Name(base), Expr::StringLiteral(name), _] = &arguments.args[..]
        {
            self.found.push((
                base.id.to_string(),
                name.value.to_str().to_owned(),
                name.range(),
            ));
        }
        visitor::walk_expr(self, expr);
    }
}
