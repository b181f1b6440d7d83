//! Scopes and name resolution for one function (Python's LEGB rule).
//!
//! [`Scope::of_function`] finds the names a function binds (its locals), the names it
//! declares `global` or `nonlocal`, whether it is a generator, which of its locals are
//! captured by nested functions (*cell variables*) and which names it needs from enclosing
//! functions (*free variables*). Comprehensions are part of the enclosing scope except for
//! their own loop targets (the lowering inlines them); lambdas, nested `def`s and generator
//! expressions are scopes of their own. Follows CPython's `symtable.c`.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use rustc_hash::FxHashSet;

/// Where a name resolves, from inside a function.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Resolution {
    /// A local of this function held in SSA form or a slot.
    Local,
    /// A local of this function captured by a nested function (lives in a cell).
    Cell,
    /// A local of an enclosing function, reached through this function's closure.
    Free,
    /// A module global (or builtin, decided against the module index).
    Global,
}

/// The names of one function scope.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// Names bound in the function (parameters first, in order), excluding `global`/`nonlocal`.
    pub locals: Vec<String>,
    /// Names declared `global`.
    pub globals: FxHashSet<String>,
    /// Names declared `nonlocal`.
    pub nonlocals: FxHashSet<String>,
    /// Locals captured by nested scopes.
    pub cellvars: FxHashSet<String>,
    /// Names this scope (or a nested one) reads or writes that are neither bound here nor
    /// declared global: candidates for closure variables, resolved against enclosing scopes.
    pub free_candidates: Vec<String>,
    /// Contains `yield` (not counting nested scopes).
    pub is_generator: bool,
    /// Contains a `try` or `with` statement (its locals then live in slots).
    pub has_try: bool,
    /// Contains `del` of a local name.
    pub has_del: bool,
}

impl Scope {
    /// Analyses a `def` (or lambda) given its parameters and body.
    pub fn of_function(parameters: Option<&ast::Parameters>, body: ScopeBody<'_>) -> Scope {
        let mut collector = Collector::default();
        if let Some(params) = parameters {
            for p in params.iter() {
                collector.bind(p.name().as_str());
            }
        }
        match body {
            ScopeBody::Stmts(stmts) => {
                for s in stmts {
                    collector.visit_stmt(s);
                }
            }
            ScopeBody::Expr(e) => collector.visit_expr(e),
            ScopeBody::Generator(g) => {
                collector.comprehension_body(&g.generators, &g.elt, None);
                collector.is_generator = true;
            }
            ScopeBody::Comprehension(generators, elt, value) => {
                collector.comprehension_body(generators, elt, value);
            }
        }
        collector.finish()
    }

    /// How `name` resolves from this scope, given the enclosing function scopes (innermost
    /// last).
    pub fn resolve(&self, name: &str, enclosing: &[&Scope]) -> Resolution {
        if self.globals.contains(name) {
            return Resolution::Global;
        }
        if self.nonlocals.contains(name) {
            return Resolution::Free;
        }
        if self.locals.iter().any(|l| l == name) {
            if self.cellvars.contains(name) {
                return Resolution::Cell;
            }
            return Resolution::Local;
        }
        for scope in enclosing.iter().rev() {
            if scope.globals.contains(name) {
                return Resolution::Global;
            }
            if scope.locals.iter().any(|l| l == name) || scope.nonlocals.contains(name) {
                return Resolution::Free;
            }
        }
        Resolution::Global
    }

    /// Marks the locals that `nested` needs from this scope as cell variables, and records
    /// the ones it needs from further out as this scope's own free candidates.
    pub fn capture_from(&mut self, nested: &Scope) {
        for name in &nested.free_candidates {
            if self.globals.contains(name) {
                continue;
            }
            if self.locals.iter().any(|l| l == name) {
                self.cellvars.insert(name.clone());
            } else if !self.free_candidates.contains(name) {
                self.free_candidates.push(name.clone());
            }
        }
    }
}

/// The body of a scope.
#[derive(Clone, Copy)]
pub enum ScopeBody<'a> {
    /// A `def` body.
    Stmts(&'a [Stmt]),
    /// A lambda body.
    Expr(&'a Expr),
    /// A generator expression (its own scope; the first iterable comes in as `.0`).
    Generator(&'a ast::ExprGenerator),
    /// A list, set or dict comprehension lowered as a function of its own (see
    /// [`comprehension_needs_scope`]): generators, element (or key) and dict value.
    Comprehension(&'a [ast::Comprehension], &'a Expr, Option<&'a Expr>),
}

/// Whether a comprehension must be lowered as a function of its own, as CPython 3.11 does
/// for every comprehension. Only needed when a lambda or generator expression inside it can
/// capture its loop variables (closures see the comprehension's cells); other comprehensions
/// are inlined into the enclosing function.
pub fn comprehension_needs_scope(generators: &[ast::Comprehension], elements: &[&Expr]) -> bool {
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if matches!(expr, Expr::Lambda(_) | Expr::Generator(_)) {
                self.0 = true;
            } else if !self.0 {
                visitor::walk_expr(self, expr);
            }
        }
    }
    let mut f = Finder(false);
    for (i, g) in generators.iter().enumerate() {
        // The first iterable is evaluated outside the comprehension's scope.
        if i > 0 {
            f.visit_expr(&g.iter);
        }
        f.visit_expr(&g.target);
        g.ifs.iter().for_each(|e| f.visit_expr(e));
    }
    elements.iter().for_each(|e| f.visit_expr(e));
    f.0
}

#[derive(Default)]
struct Collector {
    locals: Vec<String>,
    local_set: FxHashSet<String>,
    globals: FxHashSet<String>,
    nonlocals: FxHashSet<String>,
    used: Vec<String>,
    used_set: FxHashSet<String>,
    nested: Vec<Scope>,
    /// Comprehension targets currently in scope (shadow outer names).
    comprehension_targets: Vec<String>,
    is_generator: bool,
    has_try: bool,
    has_del: bool,
}

impl Collector {
    fn bind(&mut self, name: &str) {
        if self.comprehension_targets.iter().any(|n| n == name) {
            return;
        }
        if self.local_set.insert(name.to_owned()) {
            self.locals.push(name.to_owned());
        }
    }

    fn use_name(&mut self, name: &str) {
        if self.comprehension_targets.iter().any(|n| n == name) {
            return;
        }
        if self.used_set.insert(name.to_owned()) {
            self.used.push(name.to_owned());
        }
    }

    fn visit_target(&mut self, target: &Expr) {
        // Comprehension targets: names become comprehension-local.
        let mut names = Vec::new();
        target_names(target, &mut names);
        self.comprehension_targets.extend(names);
        // Attribute/subscript targets still read their base.
        self.visit_expr(target);
    }

    fn finish(self) -> Scope {
        let Collector {
            mut locals,
            globals,
            nonlocals,
            used,
            nested,
            ..
        } = self;
        locals.retain(|l| !globals.contains(l) && !nonlocals.contains(l));
        let mut scope = Scope {
            locals,
            globals,
            nonlocals,
            cellvars: FxHashSet::default(),
            free_candidates: Vec::new(),
            is_generator: self.is_generator,
            has_try: self.has_try,
            has_del: self.has_del,
        };
        for name in used {
            if !scope.locals.contains(&name) && !scope.globals.contains(&name) {
                scope.free_candidates.push(name);
            }
        }
        for name in scope.nonlocals.iter() {
            if !scope.free_candidates.contains(name) {
                scope.free_candidates.push(name.clone());
            }
        }
        for child in &nested {
            scope.capture_from(child);
        }
        scope
    }
}

/// Appends the plain names bound by assignment target `target` (through tuples, lists and
/// starred targets).
pub fn target_names(target: &Expr, out: &mut Vec<String>) {
    match target {
        Expr::Name(n) => out.push(n.id.as_str().to_owned()),
        Expr::Tuple(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| target_names(e, out)),
        Expr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}

impl<'a> Visitor<'a> for Collector {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                for d in &def.decorator_list {
                    self.visit_expr(&d.expression);
                }
                for p in def.parameters.iter() {
                    if let Some(default) = p.default() {
                        self.visit_expr(default);
                    }
                }
                self.bind(def.name.as_str());
                let child = Scope::of_function(Some(&def.parameters), ScopeBody::Stmts(&def.body));
                for name in &child.free_candidates {
                    self.use_name(name);
                }
                self.nested.push(child);
            }
            Stmt::ClassDef(class) => {
                // Classes inside functions are reported unsupported by the lowering; bind the
                // name so resolution stays consistent.
                self.bind(class.name.as_str());
                if let Some(args) = &class.arguments {
                    self.visit_arguments(args);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.globals.insert(n.as_str().to_owned());
                }
            }
            Stmt::Nonlocal(n) => {
                for n in &n.names {
                    self.nonlocals.insert(n.as_str().to_owned());
                }
            }
            // `with` installs an exception handler too (the exit call on the exceptional path).
            Stmt::Try(_) | Stmt::With(_) => {
                self.has_try = true;
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Delete(d) => {
                if d.targets.iter().any(|t| matches!(t, Expr::Name(_))) {
                    self.has_del = true;
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    match &alias.asname {
                        Some(asname) => self.bind(asname.as_str()),
                        None => {
                            let first = alias.name.as_str().split('.').next().unwrap_or_default();
                            self.bind(first)
                        }
                    }
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    self.bind(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_except_handler(&mut self, handler: &'a ast::ExceptHandler) {
        let ast::ExceptHandler::ExceptHandler(h) = handler;
        if let Some(name) = &h.name {
            self.bind(name.as_str());
        }
        visitor::walk_except_handler(self, handler);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(name) => match name.ctx {
                ExprContext::Store | ExprContext::Del => {
                    self.bind(name.id.as_str());
                }
                _ => {
                    self.use_name(name.id.as_str());
                    // As CPython's symtable: a function that reads `super` uses the implicit
                    // `__class__` cell of its class (for zero-argument `super()`).
                    if name.id.as_str() == "super" {
                        self.use_name("__class__");
                    }
                }
            },
            Expr::Named(named) => {
                self.visit_expr(&named.value);
                // `:=` inside a comprehension binds in the enclosing function.
                if let Expr::Name(n) = &*named.target {
                    let saved = std::mem::take(&mut self.comprehension_targets);
                    self.bind(n.id.as_str());
                    self.comprehension_targets = saved;
                }
            }
            Expr::Lambda(lambda) => {
                if let Some(params) = &lambda.parameters {
                    for p in params.iter() {
                        if let Some(default) = p.default() {
                            self.visit_expr(default);
                        }
                    }
                }
                let child =
                    Scope::of_function(lambda.parameters.as_deref(), ScopeBody::Expr(&lambda.body));
                for name in &child.free_candidates {
                    self.use_name(name);
                }
                self.nested.push(child);
            }
            Expr::Generator(generator) => {
                if let Some(first) = generator.generators.first() {
                    self.visit_expr(&first.iter);
                }
                let child = Scope::of_function(None, ScopeBody::Generator(generator));
                for name in &child.free_candidates {
                    self.use_name(name);
                }
                self.nested.push(child);
            }
            Expr::ListComp(ast::ExprListComp {
                elt, generators, ..
            })
            | Expr::SetComp(ast::ExprSetComp {
                elt, generators, ..
            }) => {
                if comprehension_needs_scope(generators, &[elt]) {
                    self.nested_comprehension(generators, elt, None);
                    return;
                }
                let saved = self.comprehension_targets.len();
                self.visit_comprehensions(generators);
                self.visit_expr(elt);
                self.comprehension_targets.truncate(saved);
            }
            Expr::DictComp(comp) => {
                if let Some(key) = &comp.key {
                    if comprehension_needs_scope(&comp.generators, &[key, &comp.value]) {
                        self.nested_comprehension(&comp.generators, key, Some(&comp.value));
                        return;
                    }
                }
                let saved = self.comprehension_targets.len();
                self.visit_comprehensions(&comp.generators);
                if let Some(key) = &comp.key {
                    self.visit_expr(key);
                }
                self.visit_expr(&comp.value);
                self.comprehension_targets.truncate(saved);
            }
            Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Await(_) => {
                self.is_generator = true;
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

impl Collector {
    /// The body of a comprehension scope: `.0` (the first iterable, evaluated by the caller),
    /// the loop targets as locals, conditions, inner iterables and elements.
    fn comprehension_body<'a>(
        &mut self,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) {
        self.bind(".0");
        for (i, comp) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&comp.iter);
            }
            // The comprehension's own loop targets are its locals.
            self.visit_expr(&comp.target);
            for cond in &comp.ifs {
                self.visit_expr(cond);
            }
        }
        self.visit_expr(elt);
        if let Some(v) = value {
            self.visit_expr(v);
        }
    }

    /// A comprehension that is a scope of its own, seen from the enclosing scope.
    fn nested_comprehension<'a>(
        &mut self,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) {
        if let Some(first) = generators.first() {
            self.visit_expr(&first.iter);
        }
        let child = Scope::of_function(None, ScopeBody::Comprehension(generators, elt, value));
        for name in &child.free_candidates {
            self.use_name(name);
        }
        self.nested.push(child);
    }

    fn visit_comprehensions(&mut self, generators: &[ast::Comprehension]) {
        for comp in generators {
            self.visit_expr(&comp.iter);
            self.visit_target(&comp.target);
            for cond in &comp.ifs {
                self.visit_expr(cond);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope_of(src: &str) -> Scope {
        let parsed = ruff_python_parser::parse_module(src).expect("valid test source");
        let Stmt::FunctionDef(def) = &parsed.syntax().body[0] else {
            panic!("test source must start with a def")
        };
        Scope::of_function(Some(&def.parameters), ScopeBody::Stmts(&def.body))
    }

    #[test]
    fn locals_globals_and_cells() {
        let s = scope_of(
            "def f(a, b=1):\n    global g\n    g = a\n    x = [y for y in b]\n    def inner():\n        return x + z\n    return inner\n",
        );
        assert_eq!(s.locals, vec!["a", "b", "x", "inner"]);
        assert!(s.globals.contains("g"));
        assert!(s.cellvars.contains("x"));
        assert!(s.free_candidates.contains(&"z".to_owned()));
        assert!(
            !s.free_candidates.contains(&"y".to_owned()),
            "comprehension target is local to it"
        );
        assert!(!s.is_generator);
    }

    #[test]
    fn nonlocal_and_generators() {
        let s = scope_of(
            "def f():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    yield inc\n",
        );
        assert!(s.cellvars.contains("n"));
        assert!(s.is_generator);
        assert_eq!(s.resolve("n", &[]), Resolution::Cell);
        assert_eq!(s.resolve("print", &[]), Resolution::Global);
    }
}
