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
    /// The scope of a comprehension or generator expression lowered as a function.
    pub is_comprehension: bool,
    /// Names that `:=` binds from inside this comprehension scope (or one nested in it), in
    /// the nearest enclosing scope that is not a comprehension (PEP 572): resolved there,
    /// never local here.
    pub walrus_targets: Vec<String>,
}

impl Scope {
    /// Analyses a `def` (or lambda) given its parameters and body.
    pub fn of_function(parameters: Option<&ast::Parameters>, body: ScopeBody<'_>) -> Scope {
        let mut collector = Collector {
            comprehension: matches!(body, ScopeBody::Generator(_) | ScopeBody::Comprehension(..)),
            ..Collector::default()
        };
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

    /// Analyses a class body, as a scope nested in the function (or class) that runs the
    /// `class` statement: `locals` are the names the body binds (kept in the class
    /// namespace), `free_candidates` the names it reads without binding them (CPython's
    /// `LOAD_CLASSDEREF` when an enclosing function binds them) followed by the free
    /// variables of its methods and other nested scopes, which skip the class scope
    /// (`__class__` aside, the implicit cell the class provides). `cellvars` stays empty:
    /// a class body makes no cells for its own names.
    pub fn of_class(body: &[Stmt]) -> Scope {
        let mut collector = Collector {
            class_body: true,
            ..Collector::default()
        };
        for s in body {
            collector.visit_stmt(s);
        }
        let passthrough = std::mem::take(&mut collector.passthrough);
        let mut scope = collector.finish();
        scope.cellvars.clear();
        // `finish` counted the nested scopes' free names that the body binds as cells: none
        // reach the class, they pass through.
        for name in passthrough {
            if !scope.free_candidates.contains(&name) && !scope.globals.contains(&name) {
                scope.free_candidates.push(name);
            }
        }
        scope
    }

    /// How `name` resolves from this scope, given the enclosing function scopes (innermost
    /// last).
    pub fn resolve(&self, name: &str, enclosing: &[&Scope]) -> Resolution {
        if self.globals.contains(name) {
            return Resolution::Global;
        }
        if self.walrus_targets.iter().any(|t| t == name) {
            // Bound by `:=` in the nearest enclosing scope that is not a comprehension: a
            // function (through the closure), else the module (a class body is a
            // compile-time error).
            return match enclosing.iter().rev().find(|s| !s.is_comprehension) {
                Some(s) if s.globals.contains(name) => Resolution::Global,
                Some(_) => Resolution::Free,
                None => Resolution::Global,
            };
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

/// Comprehensions nested this many levels deep (counting the comprehension itself) are
/// lowered as functions of their own even without a closure inside: an inlined nest is one
/// machine function whose exception edges and live values grow with the square of its
/// depth (Cranelift's register allocation dominates past about 40 levels), while a nest of
/// functions costs the same per level at any depth. Comprehensions of 1 to
/// `INLINE_COMPREHENSION_DEPTH - 1` levels, all but machine-generated code, stay inlined.
pub const INLINE_COMPREHENSION_DEPTH: usize = 8;

/// Whether a comprehension must be lowered as a function of its own, as CPython 3.11 does
/// for every comprehension. Needed when a lambda or generator expression inside it can
/// capture its loop variables (closures see the comprehension's cells), and used when it
/// holds comprehensions [`INLINE_COMPREHENSION_DEPTH`] levels deep (see there); other
/// comprehensions are inlined into the enclosing function.
///
/// The answer is monotone: when a comprehension needs a scope, so does every comprehension
/// that has it in its own scope (anywhere but in the first iterable), so a comprehension
/// lowered as a function never reads the variables of an inlined one.
pub fn comprehension_needs_scope(generators: &[ast::Comprehension], elements: &[&Expr]) -> bool {
    /// Finds a closure, and measures how deep comprehensions nest (1 = none inside).
    struct Finder {
        closure: bool,
        depth: usize,
        max_depth: usize,
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.closure || self.max_depth >= INLINE_COMPREHENSION_DEPTH {
                return;
            }
            match expr {
                Expr::Lambda(_) | Expr::Generator(_) => self.closure = true,
                Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) => {
                    self.depth += 1;
                    self.max_depth = self.max_depth.max(self.depth);
                    visitor::walk_expr(self, expr);
                    self.depth -= 1;
                }
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let mut f = Finder {
        closure: false,
        depth: 1,
        max_depth: 1,
    };
    for (i, g) in generators.iter().enumerate() {
        // The first iterable is evaluated outside the comprehension's scope.
        if i > 0 {
            f.visit_expr(&g.iter);
        }
        f.visit_expr(&g.target);
        g.ifs.iter().for_each(|e| f.visit_expr(e));
    }
    elements.iter().for_each(|e| f.visit_expr(e));
    f.closure || f.max_depth >= INLINE_COMPREHENSION_DEPTH
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
    /// This is the body of a comprehension or generator expression lowered as a function.
    comprehension: bool,
    /// Names bound by `:=` in this comprehension scope or nested ones (see
    /// [`Scope::walrus_targets`]).
    walrus_targets: Vec<String>,
    is_generator: bool,
    has_try: bool,
    has_del: bool,
    /// This is a class body (see [`Scope::of_class`]).
    class_body: bool,
    /// In a class body: the free variables of its nested scopes, which skip it.
    passthrough: Vec<String>,
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

    /// `name := ...` seen in this scope or in a comprehension scope nested in it: binds
    /// `name` here, or in a comprehension scope passes it outwards (PEP 572).
    fn bind_walrus(&mut self, name: &str) {
        if self.comprehension {
            if !self.walrus_targets.iter().any(|t| t == name) {
                self.walrus_targets.push(name.to_owned());
            }
            self.use_name(name);
        } else {
            let saved = std::mem::take(&mut self.comprehension_targets);
            self.bind(name);
            self.comprehension_targets = saved;
        }
    }

    /// A free variable of a scope nested here. In a function it is a name this scope uses
    /// (a cell if it binds it, else its own free variable); a class body does not take part
    /// in the lookup of its nested scopes (CPython's rule: methods skip the class scope), so
    /// there it passes through to the enclosing function, except `__class__`, the cell the
    /// class itself provides.
    fn child_free(&mut self, name: &str) {
        if !self.class_body {
            self.use_name(name);
        } else if name != "__class__" && !self.passthrough.iter().any(|n| n == name) {
            self.passthrough.push(name.to_owned());
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
            walrus_targets,
            ..
        } = self;
        locals.retain(|l| {
            !globals.contains(l) && !nonlocals.contains(l) && !walrus_targets.contains(l)
        });
        let mut scope = Scope {
            locals,
            globals,
            nonlocals,
            cellvars: FxHashSet::default(),
            free_candidates: Vec::new(),
            is_generator: self.is_generator,
            has_try: self.has_try,
            has_del: self.has_del,
            is_comprehension: self.comprehension,
            walrus_targets,
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
        if !self.class_body {
            for child in &nested {
                scope.capture_from(child);
            }
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

/// Appends the names a `match` pattern captures (`case [x, *rest] | ...`, `case {**kw}`,
/// `case P() as p`), in source order, once per capture (each alternative of `|` captures
/// its names again), as the binding counts of [`crate::index`] want them.
pub fn pattern_names(pattern: &ast::Pattern, out: &mut Vec<String>) {
    struct V<'o>(&'o mut Vec<String>);
    impl<'a> Visitor<'a> for V<'_> {
        fn visit_pattern(&mut self, pattern: &'a ast::Pattern) {
            visitor::walk_pattern(self, pattern);
            if let Some(name) = pattern_capture(pattern) {
                self.0.push(name.to_owned());
            }
        }
        // Value patterns, mapping keys and class names are expressions that bind nothing.
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    V(out).visit_pattern(pattern);
}

/// The name one pattern node itself captures: `x`, `... as x`, `*x`, `**x`.
pub fn pattern_capture(pattern: &ast::Pattern) -> Option<&str> {
    match pattern {
        ast::Pattern::MatchAs(a) => a.name.as_ref().map(|n| n.as_str()),
        ast::Pattern::MatchStar(s) => s.name.as_ref().map(|n| n.as_str()),
        ast::Pattern::MatchMapping(m) => m.rest.as_ref().map(|n| n.as_str()),
        _ => None,
    }
}

/// Appends the names the patterns of a `match` statement capture (not those its case
/// bodies bind).
pub fn match_names(m: &ast::StmtMatch, out: &mut Vec<String>) {
    for case in &m.cases {
        pattern_names(&case.pattern, out);
    }
}

/// Visits what a `def` statement evaluates in the enclosing scope when it runs: its
/// decorators, then its parameter defaults (annotations are not visited).
pub fn walk_def_header<'a, V: Visitor<'a> + ?Sized>(v: &mut V, def: &'a ast::StmtFunctionDef) {
    for d in &def.decorator_list {
        v.visit_expr(&d.expression);
    }
    for p in def.parameters.iter() {
        if let Some(default) = p.default() {
            v.visit_expr(default);
        }
    }
}

/// Visits the parameter defaults of a lambda (evaluated in the enclosing scope).
pub fn walk_lambda_defaults<'a, V: Visitor<'a> + ?Sized>(v: &mut V, lambda: &'a ast::ExprLambda) {
    if let Some(params) = &lambda.parameters {
        for p in params.iter() {
            if let Some(default) = p.default() {
                v.visit_expr(default);
            }
        }
    }
}

/// Visits what a `class` statement evaluates in the enclosing scope: its decorators, its
/// bases and keyword arguments.
pub fn walk_class_header<'a, V: Visitor<'a> + ?Sized>(v: &mut V, class: &'a ast::StmtClassDef) {
    for d in &class.decorator_list {
        v.visit_expr(&d.expression);
    }
    if let Some(args) = &class.arguments {
        args.args.iter().for_each(|a| v.visit_expr(a));
        args.keywords.iter().for_each(|k| v.visit_expr(&k.value));
    }
}

impl<'a> Visitor<'a> for Collector {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                walk_def_header(self, def);
                self.bind(def.name.as_str());
                let child = Scope::of_function(Some(&def.parameters), ScopeBody::Stmts(&def.body));
                for name in &child.free_candidates {
                    self.child_free(name);
                }
                self.nested.push(child);
            }
            Stmt::ClassDef(class) => {
                walk_class_header(self, class);
                self.bind(class.name.as_str());
                let child = Scope::of_class(&class.body);
                for name in &child.free_candidates {
                    self.child_free(name);
                }
                self.nested.push(child);
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

    fn visit_pattern(&mut self, pattern: &'a ast::Pattern) {
        visitor::walk_pattern(self, pattern);
        if let Some(name) = pattern_capture(pattern) {
            self.bind(name);
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
                    self.bind_walrus(n.id.as_str());
                }
            }
            Expr::Lambda(lambda) => {
                walk_lambda_defaults(self, lambda);
                let child =
                    Scope::of_function(lambda.parameters.as_deref(), ScopeBody::Expr(&lambda.body));
                for name in &child.free_candidates {
                    self.child_free(name);
                }
                self.nested.push(child);
            }
            Expr::Generator(generator) => {
                if let Some(first) = generator.generators.first() {
                    self.visit_expr(&first.iter);
                }
                let child = Scope::of_function(None, ScopeBody::Generator(generator));
                for name in &child.free_candidates {
                    self.child_free(name);
                }
                for name in &child.walrus_targets {
                    self.bind_walrus(name);
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
                // `yield from` installs an exception handler around its `yield` (what is
                // thrown in goes to the subiterator).
                if matches!(expr, Expr::YieldFrom(_)) {
                    self.has_try = true;
                }
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
            self.child_free(name);
        }
        for name in &child.walrus_targets {
            self.bind_walrus(name);
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
    fn match_captures_are_locals() {
        let s = scope_of(
            "def f(v):\n    match v:\n        case [a, *b] | (b, a):\n            pass\n        case {'k': c, **d} if c:\n            pass\n        case P(x=e) as g:\n            return lambda: e\n        case Q.R:\n            pass\n",
        );
        assert_eq!(s.locals, vec!["v", "a", "b", "c", "d", "e", "g"]);
        assert!(s.cellvars.contains("e"));
        for used in ["P", "Q"] {
            assert!(s.free_candidates.contains(&used.to_owned()), "{used}");
        }
        let mut names = Vec::new();
        let parsed =
            ruff_python_parser::parse_module("match v:\n    case [x, {**y}] as z:\n        pass\n")
                .expect("valid test source");
        let Stmt::Match(m) = &parsed.syntax().body[0] else {
            panic!("a match statement")
        };
        match_names(m, &mut names);
        assert_eq!(names, ["x", "y", "z"]);
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
    fn class_bodies_pass_method_free_variables_through() {
        // `a` is read by the class body (LOAD_CLASSDEREF), `b` only by a method (which skips
        // the class scope even though the class binds `b`), `c` by nobody inside the class;
        // `__class__` is the class's own cell, `g` a global of the module.
        let s = scope_of(
            "def f(a, b, c):\n    class C(Base):\n        x = a\n        b = 2\n        def m(self):\n            return b + g + super().m()\n    return C, c\n",
        );
        assert_eq!(s.locals, vec!["a", "b", "c", "C"]);
        assert!(s.cellvars.contains("a") && s.cellvars.contains("b"));
        assert!(!s.cellvars.contains("c") && !s.cellvars.contains("C"));
        for name in ["Base", "g"] {
            assert!(s.free_candidates.contains(&name.to_owned()), "{name}");
        }
        assert!(!s.free_candidates.contains(&"__class__".to_owned()));
        let parsed = ruff_python_parser::parse_module(
            "class C:\n    global g\n    nonlocal n\n    g = 1\n    y = z\n    def m(self):\n        return y\n",
        )
        .expect("valid test source");
        let Stmt::ClassDef(class) = &parsed.syntax().body[0] else {
            panic!("a class")
        };
        let class = Scope::of_class(&class.body);
        assert_eq!(class.locals, vec!["y", "m"]);
        assert!(class.globals.contains("g") && class.nonlocals.contains("n"));
        assert!(class.cellvars.is_empty());
        assert_eq!(class.free_candidates, vec!["z", "n", "y"]);
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

    #[test]
    fn walrus_in_a_comprehension_scope_binds_in_the_enclosing_function() {
        // The lambda makes both comprehensions scopes of their own; `t` binds in `f`.
        let s = scope_of(
            "def f():\n    d = [[(t := a + b) for b in r] for a in r if (lambda: a)()]\n    return t\n",
        );
        assert!(s.locals.contains(&"t".to_owned()));
        assert!(
            s.cellvars.contains("t"),
            "the comprehension writes it through a cell"
        );
        let outer =
            comprehension_scope("d = [[(t := a + b) for b in r] for a in r if (lambda: a)()]\n");
        assert!(outer.is_comprehension);
        assert_eq!(outer.walrus_targets, vec!["t"]);
        assert!(!outer.locals.contains(&"t".to_owned()));
        assert_eq!(outer.resolve("t", &[&s]), Resolution::Free);
        // At module level (no enclosing function) it is a global.
        assert_eq!(outer.resolve("t", &[]), Resolution::Global);
    }

    /// The scope of the list comprehension assigned by `src` (`name = [...]`).
    fn comprehension_scope(src: &str) -> Scope {
        let parsed = ruff_python_parser::parse_module(src).expect("valid test source");
        let Stmt::Assign(assign) = &parsed.syntax().body[0] else {
            panic!("an assignment")
        };
        let Expr::ListComp(comp) = &*assign.value else {
            panic!("a list comprehension")
        };
        assert!(comprehension_needs_scope(&comp.generators, &[&comp.elt]));
        Scope::of_function(
            None,
            ScopeBody::Comprehension(&comp.generators, &comp.elt, None),
        )
    }

    #[test]
    fn deep_comprehension_nests_become_scopes_from_the_top() {
        let mut e = "i0".to_owned();
        let mut needs = Vec::new();
        for k in 0..10 {
            e = format!("[{e} for i{k} in r]");
            let parsed = ruff_python_parser::parse_module(&format!("x = {e}\n")).unwrap();
            let Stmt::Assign(assign) = &parsed.syntax().body[0] else {
                panic!("an assignment")
            };
            let Expr::ListComp(comp) = &*assign.value else {
                panic!("a list comprehension")
            };
            needs.push(comprehension_needs_scope(&comp.generators, &[&comp.elt]));
        }
        // A nest of 1 to 7 levels stays inline; 8 levels and more are functions.
        let expected: Vec<bool> = (1..=10).map(|d| d >= INLINE_COMPREHENSION_DEPTH).collect();
        assert_eq!(needs, expected);
    }
}
