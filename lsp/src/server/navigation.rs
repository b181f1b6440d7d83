//! Names in a parsed module: which name is at an offset, and where it is defined.
//!
//! Resolution follows Python's rule for function scopes (LEGB, through
//! `molt_semantic::scope::Scope`): a name bound in a function (and not declared `global`) is
//! local there and defined by its first binding in that function (a parameter, an
//! assignment target, a nested `def`/`class`, an import, an `except ... as` name); otherwise
//! the enclosing functions are searched, then the module, then the builtins. Class bodies are
//! only searched for names used directly in them, as in Python. Lambdas and comprehensions
//! are not separate scopes here (their own parameters and loop variables do not resolve).

use molt_semantic::scope::{Resolution, Scope, ScopeBody};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, ModModule, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// A function or class body on the way from the module to a name.
#[derive(Clone, Copy, Debug)]
pub enum Enclosing<'a> {
    /// Inside this function's body (or its parameter list).
    Function(&'a ast::StmtFunctionDef),
    /// Directly inside this class's body.
    Class(&'a ast::StmtClassDef),
}

/// How the name at the cursor occurs.
#[derive(Clone, Copy, Debug)]
pub enum Occurrence<'a> {
    /// A name in an expression (read, assigned or deleted) or in `global`/`nonlocal`.
    Name,
    /// The name of this `def`.
    FunctionName(&'a ast::StmtFunctionDef),
    /// The name of this `class`.
    ClassName(&'a ast::StmtClassDef),
    /// The name of a parameter of the innermost enclosing function.
    Parameter(&'a ast::Parameter),
}

/// The name at an offset, with the scopes around it.
#[derive(Clone, Debug)]
pub struct NameAt<'a> {
    /// The identifier.
    pub name: &'a str,
    /// How it occurs.
    pub occurrence: Occurrence<'a>,
    /// Enclosing functions and classes, outermost first. For a `def`/`class` name these are
    /// the scopes *around* the definition; for a parameter, they include its function.
    pub enclosing: Vec<Enclosing<'a>>,
}

/// Finds the name at byte `offset` (touching it counts: the offset may be just after it).
pub fn name_at(module: &ModModule, offset: u32) -> Option<NameAt<'_>> {
    let mut finder = NameFinder {
        offset: TextSize::new(offset),
        enclosing: Vec::new(),
        found: None,
    };
    finder.visit_body(&module.body);
    finder.found
}

struct NameFinder<'a> {
    offset: TextSize,
    enclosing: Vec<Enclosing<'a>>,
    found: Option<NameAt<'a>>,
}

impl<'a> NameFinder<'a> {
    fn hit(&mut self, name: &'a str, range: TextRange, occurrence: Occurrence<'a>) -> bool {
        if self.found.is_none() && range.contains_inclusive(self.offset) {
            self.found = Some(NameAt {
                name,
                occurrence,
                enclosing: self.enclosing.clone(),
            });
        }
        self.found.is_some()
    }
}

impl<'a> Visitor<'a> for NameFinder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() || !stmt.range().contains_inclusive(self.offset) {
            return;
        }
        match stmt {
            Stmt::FunctionDef(def) => {
                // Decorators, defaults and annotations are evaluated in the enclosing scope.
                for decorator in &def.decorator_list {
                    self.visit_decorator(decorator);
                }
                for default in def
                    .parameters
                    .iter_non_variadic_params()
                    .filter_map(|p| p.default.as_deref())
                {
                    self.visit_expr(default);
                }
                for parameter in def.parameters.iter() {
                    if let Some(annotation) = parameter.annotation() {
                        self.visit_annotation(annotation);
                    }
                }
                if let Some(returns) = &def.returns {
                    self.visit_annotation(returns);
                }
                if self.hit(
                    def.name.as_str(),
                    def.name.range,
                    Occurrence::FunctionName(def),
                ) {
                    return;
                }
                self.enclosing.push(Enclosing::Function(def));
                for parameter in def.parameters.iter() {
                    let parameter = parameter.as_parameter();
                    if self.hit(
                        parameter.name.as_str(),
                        parameter.name.range,
                        Occurrence::Parameter(parameter),
                    ) {
                        return;
                    }
                }
                self.visit_body(&def.body);
                self.enclosing.pop();
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                if self.hit(
                    class.name.as_str(),
                    class.name.range,
                    Occurrence::ClassName(class),
                ) {
                    return;
                }
                self.enclosing.push(Enclosing::Class(class));
                self.visit_body(&class.body);
                self.enclosing.pop();
            }
            Stmt::Global(ast::StmtGlobal { names, .. })
            | Stmt::Nonlocal(ast::StmtNonlocal { names, .. }) => {
                for name in names {
                    if self.hit(name.as_str(), name.range, Occurrence::Name) {
                        return;
                    }
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() || !expr.range().contains_inclusive(self.offset) {
            return;
        }
        match expr {
            Expr::Name(name) => {
                self.hit(name.id.as_str(), name.range, Occurrence::Name);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// What a name resolves to.
#[derive(Clone, Copy, Debug)]
pub enum Definition<'a> {
    /// A `def` (module-level, method or nested).
    Function {
        /// The definition.
        def: &'a ast::StmtFunctionDef,
        /// The class whose body defines it (a method), if any.
        class: Option<&'a ast::StmtClassDef>,
        /// The function it is nested in, if any.
        parent: Option<&'a ast::StmtFunctionDef>,
    },
    /// A `class`.
    Class(&'a ast::StmtClassDef),
    /// A parameter of `function`.
    Parameter {
        /// The function.
        function: &'a ast::StmtFunctionDef,
        /// The parameter.
        parameter: &'a ast::Parameter,
    },
    /// A variable bound by assignment, `for`, `with`, `import` or `except ... as`, at
    /// `range` (its first binding in the scope).
    Variable {
        /// Range of the binding occurrence.
        range: TextRange,
        /// The function it is local to (`None`: a module global or a class attribute).
        function: Option<&'a ast::StmtFunctionDef>,
        /// The class whose body binds it, for class attributes.
        class: Option<&'a ast::StmtClassDef>,
    },
    /// A builtin (`print`, `len`, ...), which has no location in the workspace.
    Builtin,
}

impl Definition<'_> {
    /// The range to jump to (the defining name), if the definition is in the file.
    pub fn name_range(&self) -> Option<TextRange> {
        match self {
            Definition::Function { def, .. } => Some(def.name.range),
            Definition::Class(class) => Some(class.name.range),
            Definition::Parameter { parameter, .. } => Some(parameter.name.range),
            Definition::Variable { range, .. } => Some(*range),
            Definition::Builtin => None,
        }
    }
}

/// Resolves the name at the cursor (see the module docs). `None` when it is not defined
/// anywhere the resolver looks.
pub fn resolve<'a>(module: &'a ModModule, at: &NameAt<'a>) -> Option<Definition<'a>> {
    match at.occurrence {
        Occurrence::FunctionName(def) => {
            let (class, parent) = match at.enclosing.last() {
                Some(Enclosing::Class(c)) => (Some(*c), None),
                Some(Enclosing::Function(f)) => (None, Some(*f)),
                None => (None, None),
            };
            return Some(Definition::Function { def, class, parent });
        }
        Occurrence::ClassName(class) => return Some(Definition::Class(class)),
        Occurrence::Parameter(parameter) => {
            if let Some(Enclosing::Function(function)) = at.enclosing.last() {
                return Some(Definition::Parameter {
                    function,
                    parameter,
                });
            }
        }
        Occurrence::Name => {}
    }
    let name = at.name;
    // Innermost first. Only the innermost class body is visible (to names used directly in
    // it); enclosing function scopes are, unless the name is declared `global`.
    for (depth, scope) in at.enclosing.iter().enumerate().rev() {
        let innermost = depth + 1 == at.enclosing.len();
        match scope {
            Enclosing::Class(class) if innermost => {
                if let Some(definition) = first_binding(&class.body, name, None, Some(class)) {
                    return Some(definition);
                }
            }
            Enclosing::Class(_) => {}
            Enclosing::Function(function) => {
                let scope = Scope::of_function(
                    Some(&function.parameters),
                    ScopeBody::Stmts(&function.body),
                );
                match scope.resolve(name, &[]) {
                    Resolution::Global if scope.globals.contains(name) => break,
                    Resolution::Local | Resolution::Cell => {
                        return function_binding(function, name);
                    }
                    Resolution::Free | Resolution::Global => {}
                }
            }
        }
    }
    if let Some(definition) = first_binding(&module.body, name, None, None) {
        return Some(definition);
    }
    molt_semantic::builtins::is_builtin(name).then_some(Definition::Builtin)
}

/// The first module-level binding of `name` in `module` (a `def`, `class`, assignment,
/// import, ...; not looking into functions and classes).
pub fn module_binding<'a>(module: &'a ModModule, name: &str) -> Option<Definition<'a>> {
    first_binding(&module.body, name, None, None)
}

/// The first binding of `name` in `function`: a parameter, else the first binding in its
/// body.
fn function_binding<'a>(function: &'a ast::StmtFunctionDef, name: &str) -> Option<Definition<'a>> {
    for parameter in function.parameters.iter() {
        let parameter = parameter.as_parameter();
        if parameter.name.as_str() == name {
            return Some(Definition::Parameter {
                function,
                parameter,
            });
        }
    }
    first_binding(&function.body, name, Some(function), None)
}

/// The first binding of `name` in `body`, not looking into nested scopes (but seeing the
/// names of nested `def`s and `class`es).
fn first_binding<'a>(
    body: &'a [Stmt],
    name: &str,
    function: Option<&'a ast::StmtFunctionDef>,
    class: Option<&'a ast::StmtClassDef>,
) -> Option<Definition<'a>> {
    let mut finder = BindingFinder {
        name,
        function,
        class,
        found: None,
    };
    finder.visit_body(body);
    finder.found
}

struct BindingFinder<'a, 'n> {
    name: &'n str,
    function: Option<&'a ast::StmtFunctionDef>,
    class: Option<&'a ast::StmtClassDef>,
    found: Option<Definition<'a>>,
}

impl<'a> BindingFinder<'a, '_> {
    fn variable(&mut self, range: TextRange) {
        if self.found.is_none() {
            self.found = Some(Definition::Variable {
                range,
                function: self.function,
                class: self.class,
            });
        }
    }
}

impl<'a> Visitor<'a> for BindingFinder<'a, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() {
            return;
        }
        match stmt {
            Stmt::FunctionDef(def) => {
                if def.name.as_str() == self.name {
                    self.found = Some(Definition::Function {
                        def,
                        class: self.class,
                        parent: self.function,
                    });
                }
            }
            Stmt::ClassDef(class) => {
                if class.name.as_str() == self.name {
                    self.found = Some(Definition::Class(class));
                }
            }
            Stmt::Import(ast::StmtImport { names, .. }) => {
                for alias in names {
                    let bound = match &alias.asname {
                        Some(asname) => asname.as_str(),
                        None => alias.name.as_str().split('.').next().unwrap_or_default(),
                    };
                    if bound == self.name {
                        self.variable(alias.range);
                    }
                }
            }
            Stmt::ImportFrom(ast::StmtImportFrom { names, .. }) => {
                for alias in names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    if bound.as_str() == self.name {
                        self.variable(bound.range);
                    }
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        match expr {
            Expr::Name(name) => {
                if name.ctx == ExprContext::Store && name.id.as_str() == self.name {
                    self.variable(name.range);
                }
            }
            Expr::Lambda(_)
            | Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_)
            | Expr::Generator(_) => {}
            _ => visitor::walk_expr(self, expr),
        }
    }

    fn visit_except_handler(&mut self, handler: &'a ast::ExceptHandler) {
        let ast::ExceptHandler::ExceptHandler(h) = handler;
        if let Some(name) = &h.name
            && name.as_str() == self.name
        {
            self.variable(name.range);
        }
        visitor::walk_except_handler(self, handler);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves the name at `$0` in `fixture` and returns the text of the line (trimmed)
    /// and the defining name's start column, or `"builtin"` / `"none"`.
    fn check(fixture: &str) -> String {
        let offset = fixture.find("$0").expect("a $0 marker") as u32;
        let text = fixture.replace("$0", "");
        let parsed = molt_db::parse_python(&text);
        let Some(at) = name_at(parsed.syntax(), offset) else {
            return "no name".into();
        };
        match resolve(parsed.syntax(), &at) {
            None => "none".into(),
            Some(Definition::Builtin) => "builtin".into(),
            Some(d) => {
                let range = d.name_range().expect("a range");
                let start = range.start().to_usize();
                let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                format!(
                    "{} @{}",
                    text[line_start..line_end].trim(),
                    start - line_start
                )
            }
        }
    }

    #[test]
    fn module_level_names() {
        assert_eq!(check("def f(): pass\nf$0()\n"), "def f(): pass @4");
        assert_eq!(check("x = 1\nx = 2\nprint(x$0)\n"), "x = 1 @0");
        assert_eq!(check("class C: pass\nc = C$0()\n"), "class C: pass @6");
        assert_eq!(check("pri$0nt(1)\n"), "builtin");
        assert_eq!(check("print(y$0)\n"), "none");
    }

    #[test]
    fn locals_parameters_and_globals() {
        let f = "x = 0\ndef f(a, b):\n    y = a\n    return y$0 + x\n";
        assert_eq!(check(f), "y = a @4");
        let f = "x = 0\ndef f(a, b):\n    y = a$0\n    return y + x\n";
        assert_eq!(check(f), "def f(a, b): @6");
        let f = "x = 0\ndef f(a, b):\n    y = a\n    return y + x$0\n";
        assert_eq!(check(f), "x = 0 @0");
        let f = "x = 0\ndef f():\n    global x\n    x = 1\n    return x$0\n";
        assert_eq!(check(f), "x = 0 @0");
        // Enclosing function scopes.
        let f = "def f():\n    z = 1\n    def g():\n        return z$0\n    return g\n";
        assert_eq!(check(f), "z = 1 @4");
    }

    #[test]
    fn methods_and_definitions_themselves() {
        let f = "class C:\n    n = 1\n    def m(self):\n        return self\n    k = n$0\n";
        assert_eq!(check(f), "n = 1 @4");
        let f = "class C:\n    def m$0(self):\n        return self$0\n";
        assert_eq!(check(&f.replacen("$0", "", 1)), "def m(self): @10");
        assert_eq!(check("def g$0(): pass\n"), "def g(): pass @4");
    }
}
