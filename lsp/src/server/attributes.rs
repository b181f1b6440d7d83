//! Go to definition of an attribute: `self.x`, `cls.f`, `C.x`, `obj.method` and `m.C.x`,
//! in this module or, through imports, in another.
//!
//! The class of the receiver is found syntactically, as an editor must before the program
//! runs:
//! - `self` / `cls` (the first parameter of a method directly in a class body, not a
//!   `@staticmethod`) stands for that class;
//! - a name that resolves to a `class` (here or through an import) is that class;
//! - a name bound once as `v = C(...)`, or a parameter annotated `v: C` (or `"C"`), holds an
//!   instance of `C`;
//! - `m.C` resolves through the import of `m`.
//!
//! The attribute is then searched in the class as Python's lookup would find its
//! definition: a binding in the class body (`def`, assignment, annotation), else the first
//! `self.<attr> = ...` in `__init__`, else in its other methods (source order), else in its
//! bases, left to right and depth first (the MRO of single inheritance), following bases
//! into other modules. At most [`MAX_CLASSES`] classes are visited.

use molt_db::{Db, SourceFile, parse};
use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, TraversalSignal};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, AnyNodeRef, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::cross_module;
use super::navigation::{self, Definition, Enclosing};
use super::workspace::ImportPaths;

/// Most classes searched for one attribute (a class and its bases, across modules).
pub const MAX_CLASSES: usize = 32;

/// Where an attribute was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeDefinition {
    /// The file that defines it.
    pub file: SourceFile,
    /// The range of the defining name (the `def`'s name, the assigned name, or `x` in
    /// `self.x = ...`), in file offsets.
    pub range: TextRange,
    /// The class it was found in.
    pub class: String,
    /// How it is defined: `"method"`, `"class attribute"` or `"instance attribute"`.
    pub kind: &'static str,
    /// The method whose `self.x = ...` defines an instance attribute.
    pub method: Option<String>,
}

/// The definition of the attribute whose name is at byte `offset` of `file` (see the
/// module docs); `None` when the offset is not on an attribute name, the receiver's class
/// cannot be told, or no class on its MRO defines it.
pub fn definition(
    db: &dyn Db,
    file: SourceFile,
    offset: u32,
    paths: &ImportPaths,
) -> Option<AttributeDefinition> {
    let parsed = parse(db, file);
    let module = parsed.parsed().syntax();
    let (attribute, enclosing) = attribute_at(module, TextSize::new(offset))?;
    let (class_file, class_range) =
        receiver_class(db, file, module, &attribute.value, &enclosing, paths)?;
    let mut search = Search {
        db,
        paths,
        visited: 0,
    };
    search.find(class_file, class_range, attribute.attr.as_str())
}

/// The attribute expression whose name holds `offset`, with the functions and classes
/// around it (outermost first).
fn attribute_at(
    module: &ast::ModModule,
    offset: TextSize,
) -> Option<(&ast::ExprAttribute, Vec<Enclosing<'_>>)> {
    struct Finder<'a> {
        offset: TextSize,
        stack: Vec<Enclosing<'a>>,
        found: Option<(&'a ast::ExprAttribute, Vec<Enclosing<'a>>)>,
    }
    impl<'a> SourceOrderVisitor<'a> for Finder<'a> {
        fn enter_node(&mut self, node: AnyNodeRef<'a>) -> TraversalSignal {
            if self.found.is_some() || !node.range().contains_inclusive(self.offset) {
                return TraversalSignal::Skip;
            }
            match node {
                AnyNodeRef::StmtFunctionDef(def) => self.stack.push(Enclosing::Function(def)),
                AnyNodeRef::StmtClassDef(class) => self.stack.push(Enclosing::Class(class)),
                AnyNodeRef::ExprAttribute(a) if a.attr.range.contains_inclusive(self.offset) => {
                    self.found = Some((a, self.stack.clone()));
                    return TraversalSignal::Skip;
                }
                _ => {}
            }
            TraversalSignal::Traverse
        }

        fn leave_node(&mut self, node: AnyNodeRef<'a>) {
            // (Called for skipped nodes too: only the ones entered were pushed.)
            if self.found.is_none()
                && node.range().contains_inclusive(self.offset)
                && matches!(
                    node,
                    AnyNodeRef::StmtFunctionDef(_) | AnyNodeRef::StmtClassDef(_)
                )
            {
                self.stack.pop();
            }
        }
    }
    let mut finder = Finder {
        offset,
        stack: Vec::new(),
        found: None,
    };
    for stmt in &module.body {
        finder.visit_stmt(stmt);
    }
    finder.found
}

/// The class (its file and the range of its name there) of the value `receiver`, written in
/// `module` (of `file`) inside `enclosing`.
fn receiver_class(
    db: &dyn Db,
    file: SourceFile,
    module: &ast::ModModule,
    receiver: &Expr,
    enclosing: &[Enclosing<'_>],
    paths: &ImportPaths,
) -> Option<(SourceFile, TextRange)> {
    match receiver {
        Expr::Name(name) => {
            // `self` / `cls`: the first parameter of a method of the innermost class.
            if let [.., Enclosing::Class(class), Enclosing::Function(method)] = enclosing
                && first_parameter(method) == Some(name.id.as_str())
                && !has_decorator(method, "staticmethod")
            {
                return Some((file, class.name.range));
            }
            let at = navigation::name_at(module, name.range.start().to_u32())?;
            match navigation::resolve(module, &at)? {
                Definition::Class(class) => Some((file, class.name.range)),
                Definition::Parameter { parameter, .. } => {
                    let annotation = parameter.annotation.as_deref()?;
                    class_named_by(db, file, module, annotation, paths)
                }
                Definition::Variable { range, .. } => {
                    // An import of a class from another module.
                    if let Some((other, range)) =
                        cross_module::definition(db, file, name.range.start().to_u32(), paths)
                    {
                        return class_def(db, other, range).map(|_| (other, range));
                    }
                    // `v = C(...)`: an instance of `C`.
                    let call = assigned_call(module, range)?;
                    class_named_by(db, file, module, &call.func, paths)
                }
                Definition::Function { .. } | Definition::Builtin => None,
            }
        }
        // `m.C` (a class of an imported module) and `C.Inner`.
        Expr::Attribute(a) => {
            let (other, range) =
                cross_module::definition(db, file, a.attr.range.start().to_u32(), paths)?;
            class_def(db, other, range).map(|_| (other, range))
        }
        // `C(...)` directly: an instance.
        Expr::Call(call) => class_named_by(db, file, module, &call.func, paths),
        _ => None,
    }
}

/// The class that the expression `e` (a class name, `m.C`, or an annotation string)
/// names, written in `module` of `file` at module level.
fn class_named_by(
    db: &dyn Db,
    file: SourceFile,
    module: &ast::ModModule,
    e: &Expr,
    paths: &ImportPaths,
) -> Option<(SourceFile, TextRange)> {
    let name_range = match e {
        Expr::Name(n) => n.range,
        Expr::Attribute(a) => a.attr.range,
        Expr::StringLiteral(s) => {
            // A forward reference: the class of that name at module level.
            let name = s.value.to_str();
            return match navigation::module_binding(module, name)? {
                Definition::Class(class) => Some((file, class.name.range)),
                _ => None,
            };
        }
        _ => return None,
    };
    if let Some((other, range)) =
        cross_module::definition(db, file, name_range.start().to_u32(), paths)
    {
        return class_def(db, other, range).map(|_| (other, range));
    }
    let Expr::Name(n) = e else {
        return None;
    };
    let at = navigation::name_at(module, n.range.start().to_u32())?;
    match navigation::resolve(module, &at)? {
        Definition::Class(class) => Some((file, class.name.range)),
        _ => None,
    }
}

/// The call assigned by the single-target assignment whose target is at `range`
/// (`v = C(...)`).
fn assigned_call(module: &ast::ModModule, range: TextRange) -> Option<&ast::ExprCall> {
    struct Finder<'a> {
        range: TextRange,
        found: Option<&'a ast::ExprCall>,
    }
    impl<'a> SourceOrderVisitor<'a> for Finder<'a> {
        fn enter_node(&mut self, node: AnyNodeRef<'a>) -> TraversalSignal {
            if self.found.is_some() || !node.range().contains_range(self.range) {
                return TraversalSignal::Skip;
            }
            match node {
                AnyNodeRef::StmtAssign(a) => {
                    if let ([Expr::Name(target)], Expr::Call(call)) = (&a.targets[..], &*a.value)
                        && target.range == self.range
                    {
                        self.found = Some(call);
                    }
                    TraversalSignal::Skip
                }
                AnyNodeRef::StmtAnnAssign(a) => {
                    if let (Expr::Name(target), Some(Expr::Call(call))) =
                        (&*a.target, a.value.as_deref())
                        && target.range == self.range
                    {
                        self.found = Some(call);
                    }
                    TraversalSignal::Skip
                }
                _ => TraversalSignal::Traverse,
            }
        }
    }
    let mut finder = Finder { range, found: None };
    for stmt in &module.body {
        finder.visit_stmt(stmt);
    }
    finder.found
}

fn first_parameter(def: &ast::StmtFunctionDef) -> Option<&str> {
    let params = &def.parameters;
    params
        .posonlyargs
        .first()
        .or(params.args.first())
        .map(|p| p.parameter.name.as_str())
}

fn has_decorator(def: &ast::StmtFunctionDef, name: &str) -> bool {
    def.decorator_list
        .iter()
        .any(|d| matches!(&d.expression, Expr::Name(n) if n.id.as_str() == name))
}

/// The `class` statement of `file` whose name is at `range` (at any depth).
fn class_def(db: &dyn Db, file: SourceFile, range: TextRange) -> Option<ast::StmtClassDef> {
    struct Finder {
        range: TextRange,
        found: Option<ast::StmtClassDef>,
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if self.found.is_some() {
                return;
            }
            if let Stmt::ClassDef(class) = stmt
                && class.name.range == self.range
            {
                self.found = Some(class.clone());
                return;
            }
            visitor::walk_stmt(self, stmt);
        }
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    let parsed = parse(db, file);
    let mut finder = Finder { range, found: None };
    finder.visit_body(&parsed.parsed().syntax().body);
    finder.found
}

struct Search<'a> {
    db: &'a dyn Db,
    paths: &'a ImportPaths,
    visited: usize,
}

impl Search<'_> {
    /// `attr` in the class named at `range` of `file`, then in its bases.
    fn find(
        &mut self,
        file: SourceFile,
        range: TextRange,
        attr: &str,
    ) -> Option<AttributeDefinition> {
        self.visited += 1;
        if self.visited > MAX_CLASSES {
            return None;
        }
        let class = class_def(self.db, file, range)?;
        let found = |range, kind, method: Option<&str>| AttributeDefinition {
            file,
            range,
            class: class.name.to_string(),
            kind,
            method: method.map(str::to_owned),
        };
        // The class body.
        if let Some(definition) = class_binding(&class, attr) {
            return Some(match definition {
                ClassBinding::Method(range) => found(range, "method", None),
                ClassBinding::Attribute(range) => found(range, "class attribute", None),
            });
        }
        // `self.attr = ...` in `__init__`, then in the other methods.
        let methods = class.body.iter().filter_map(|s| match s {
            Stmt::FunctionDef(def) => Some(def),
            _ => None,
        });
        let (init, others): (Vec<_>, Vec<_>) =
            methods.partition(|def| def.name.as_str() == "__init__");
        for method in init.into_iter().chain(others) {
            if let Some(range) = self_assignment(method, attr) {
                return Some(found(
                    range,
                    "instance attribute",
                    Some(method.name.as_str()),
                ));
            }
        }
        // The bases, left to right.
        let parsed = parse(self.db, file);
        let module = parsed.parsed().syntax();
        for base in class.bases() {
            if let Some((base_file, base_range)) =
                class_named_by(self.db, file, module, base, self.paths)
                && let Some(found) = self.find(base_file, base_range, attr)
            {
                return Some(found);
            }
        }
        None
    }
}

enum ClassBinding {
    Method(TextRange),
    Attribute(TextRange),
}

/// The first binding of `attr` directly in the body of `class`: a `def`, an assignment or
/// an annotation (`x: int`, as dataclass fields are declared).
fn class_binding(class: &ast::StmtClassDef, attr: &str) -> Option<ClassBinding> {
    for stmt in &class.body {
        match stmt {
            Stmt::FunctionDef(def) if def.name.as_str() == attr => {
                return Some(ClassBinding::Method(def.name.range));
            }
            Stmt::ClassDef(inner) if inner.name.as_str() == attr => {
                return Some(ClassBinding::Attribute(inner.name.range));
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target
                    && n.id.as_str() == attr
                {
                    return Some(ClassBinding::Attribute(n.range));
                }
            }
            Stmt::Assign(a) => {
                let mut names = Vec::new();
                for target in &a.targets {
                    names_in_target(target, &mut names);
                }
                if let Some(n) = names.into_iter().find(|n| n.id.as_str() == attr) {
                    return Some(ClassBinding::Attribute(n.range));
                }
            }
            _ => {}
        }
    }
    None
}

fn names_in_target<'a>(target: &'a Expr, out: &mut Vec<&'a ast::ExprName>) {
    match target {
        Expr::Name(n) => out.push(n),
        Expr::Tuple(t) => t.elts.iter().for_each(|e| names_in_target(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| names_in_target(e, out)),
        Expr::Starred(s) => names_in_target(&s.value, out),
        _ => {}
    }
}

/// The range of `attr` in the first `self.attr = ...` (or `self.attr: T = ...`, `self.attr
/// += ...`) of `method`, where `self` is its first parameter; nested functions are not
/// searched.
fn self_assignment(method: &ast::StmtFunctionDef, attr: &str) -> Option<TextRange> {
    let receiver = first_parameter(method)?;
    struct Finder<'n> {
        receiver: &'n str,
        attr: &'n str,
        found: Option<TextRange>,
    }
    impl Finder<'_> {
        fn target(&mut self, target: &Expr) {
            match target {
                Expr::Attribute(a) => {
                    if self.found.is_none()
                        && a.attr.as_str() == self.attr
                        && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == self.receiver)
                    {
                        self.found = Some(a.attr.range);
                    }
                }
                Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(e)),
                Expr::List(l) => l.elts.iter().for_each(|e| self.target(e)),
                Expr::Starred(s) => self.target(&s.value),
                _ => {}
            }
        }
    }
    impl<'a> Visitor<'a> for Finder<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if self.found.is_some() {
                return;
            }
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Assign(a) => a.targets.iter().for_each(|t| self.target(t)),
                Stmt::AnnAssign(a) => self.target(&a.target),
                Stmt::AugAssign(a) => self.target(&a.target),
                Stmt::For(f) => {
                    self.target(&f.target);
                    visitor::walk_stmt(self, stmt);
                }
                Stmt::With(w) => {
                    for item in &w.items {
                        if let Some(v) = &item.optional_vars {
                            self.target(v);
                        }
                    }
                    visitor::walk_stmt(self, stmt);
                }
                _ => visitor::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    let mut finder = Finder {
        receiver,
        attr,
        found: None,
    };
    finder.visit_body(&method.body);
    finder.found
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use molt_db::{RootDatabase, system_path_to_file};

    use super::*;

    /// Files `(name, text)` in a temporary folder; the definition of the attribute at `$0`
    /// in `main` as `file:line:text-of-line`, or `"none"`.
    fn jump(files: &[(&str, &str)], main: &str) -> String {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut offset = 0;
        let mut main_path = PathBuf::new();
        for (name, text) in files {
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("folder");
            }
            let clean = text.replace("$0", "");
            if *name == main {
                offset = text.find("$0").expect("a $0 marker") as u32;
                main_path = path.clone();
            }
            std::fs::write(&path, clean).expect("write");
        }
        let db = RootDatabase::default();
        let file = system_path_to_file(&db, &main_path);
        let paths = ImportPaths::default();
        match definition(&db, file, offset, &paths) {
            None => "none".into(),
            Some(d) => {
                let text = d.file.text(&db);
                let start = d.range.start().to_usize();
                let line_no = text[..start].matches('\n').count() + 1;
                let line = text.lines().nth(line_no - 1).unwrap_or_default().trim();
                let name = d
                    .file
                    .path(&db)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                assert_eq!(&text[d.range], text[d.range].trim(), "a name range");
                format!("{name}:{line_no}:{line} ({} of {})", d.kind, d.class)
            }
        }
    }

    const GEOMETRY: &str = "class Shape:\n    sides = 0\n\n    def area(self) -> float:\n        return 0.0\n\n\nclass Vec(Shape):\n    def __init__(self, x: float, y: float) -> None:\n        self.x = x\n        self.y = y\n\n    def scale(self, k: float) -> None:\n        self.norm = k\n\n    def dot(self, o: \"Vec\") -> float:\n        return self.x * o.x + self.y * o.y\n";

    #[test]
    fn self_attributes_lead_to_their_first_assignment_in_init() {
        let main = "class P:\n    def __init__(self, x: int) -> None:\n        self.x = x\n\n    def get(self) -> int:\n        return self.$0x\n";
        assert_eq!(
            jump(&[("main.py", main)], "main.py"),
            "main.py:3:self.x = x (instance attribute of P)"
        );
        let later = "class P:\n    def __init__(self) -> None:\n        pass\n\n    def set(self) -> None:\n        self.y = 1\n\n    def get(self) -> int:\n        return self.$0y\n";
        assert_eq!(
            jump(&[("main.py", later)], "main.py"),
            "main.py:6:self.y = 1 (instance attribute of P)"
        );
    }

    #[test]
    fn methods_and_class_attributes_of_instances_and_classes() {
        let main = "class P:\n    limit = 3\n\n    def go(self) -> int:\n        return 1\n\n\np = P()\np.$0go()\n";
        assert_eq!(
            jump(&[("main.py", main)], "main.py"),
            "main.py:4:def go(self) -> int: (method of P)"
        );
        let class_attr = "class P:\n    limit = 3\n\n\nprint(P.$0limit)\n";
        assert_eq!(
            jump(&[("main.py", class_attr)], "main.py"),
            "main.py:2:limit = 3 (class attribute of P)"
        );
        let param = "class P:\n    limit = 3\n\n\ndef f(p: P) -> int:\n    return p.$0limit\n";
        assert_eq!(
            jump(&[("main.py", param)], "main.py"),
            "main.py:2:limit = 3 (class attribute of P)"
        );
    }

    #[test]
    fn classes_from_other_modules_and_their_bases() {
        let files = [
            ("geometry.py", GEOMETRY),
            (
                "main.py",
                "import geometry\nfrom geometry import Vec\n\nv = Vec(1.0, 2.0)\nprint(v.$0x)\n",
            ),
        ];
        assert_eq!(
            jump(&files, "main.py"),
            "geometry.py:10:self.x = x (instance attribute of Vec)"
        );
        let base = [
            ("geometry.py", GEOMETRY),
            (
                "main.py",
                "from geometry import Vec\n\nv = Vec(1.0, 2.0)\nprint(v.$0area())\n",
            ),
        ];
        assert_eq!(
            jump(&base, "main.py"),
            "geometry.py:4:def area(self) -> float: (method of Shape)"
        );
        let through_module = [
            ("geometry.py", GEOMETRY),
            (
                "main.py",
                "import geometry\n\nprint(geometry.Vec.$0sides)\n",
            ),
        ];
        assert_eq!(
            jump(&through_module, "main.py"),
            "geometry.py:2:sides = 0 (class attribute of Shape)"
        );
        let subclass = [
            ("geometry.py", GEOMETRY),
            (
                "main.py",
                "from geometry import Vec\n\n\nclass Vec3(Vec):\n    def z(self) -> float:\n        return self.$0y\n",
            ),
        ];
        assert_eq!(
            jump(&subclass, "main.py"),
            "geometry.py:11:self.y = y (instance attribute of Vec)"
        );
    }

    #[test]
    fn unknown_receivers_and_missing_attributes_lead_nowhere() {
        let unknown = "def f(p):\n    return p.$0x\n";
        assert_eq!(jump(&[("main.py", unknown)], "main.py"), "none");
        let missing = "class P:\n    pass\n\n\nprint(P().$0nothing)\n";
        assert_eq!(jump(&[("main.py", missing)], "main.py"), "none");
        // A cycle of bases (`class A(B)` / `class B(A)`) ends.
        let cycle = "class A(B):\n    pass\n\n\nclass B(A):\n    pass\n\n\nprint(A.$0x)\n";
        assert_eq!(jump(&[("main.py", cycle)], "main.py"), "none");
    }
}
