//! The module index: what a module defines at top level, without positions.
//!
//! Functions and their signatures (parameter names, kinds, defaults, annotations), classes
//! (base, methods, attributes assigned in `__init__`), and every global name. Position-free,
//! so it compares equal (and is backdated) after edits that do not change a definition.

use molt_db::{Db, SourceFile, Symbol, parse};
use ruff_python_ast::{self as ast, Expr, Stmt};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::scope::target_names;

/// A type written in an annotation, as far as the compiler understands it.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Annotation {
    /// `int`
    Int,
    /// `float`
    Float,
    /// `bool`
    Bool,
    /// `str`
    Str,
    /// `None`
    None,
    /// `list[T]` (or bare `list`: element `Other`)
    List(Box<Annotation>),
    /// `tuple[A, B]`
    Tuple(Vec<Annotation>),
    /// `dict[K, V]`
    Dict(Box<Annotation>, Box<Annotation>),
    /// `set[T]`
    Set(Box<Annotation>),
    /// A class defined in this module.
    Class(Symbol),
    /// Anything else (`Optional[int]`, `object`, unknown names): no assumption.
    Other,
}

impl Annotation {
    /// Interprets an annotation expression. `classes` are the module's class names.
    pub fn from_expr(db: &dyn Db, expr: &Expr, classes: &FxHashSet<Symbol>) -> Annotation {
        match expr {
            Expr::NoneLiteral(_) => Annotation::None,
            Expr::Name(n) => match n.id.as_str() {
                "int" => Annotation::Int,
                "float" => Annotation::Float,
                "bool" => Annotation::Bool,
                "str" => Annotation::Str,
                "list" => Annotation::List(Box::new(Annotation::Other)),
                "dict" => {
                    Annotation::Dict(Box::new(Annotation::Other), Box::new(Annotation::Other))
                }
                "set" => Annotation::Set(Box::new(Annotation::Other)),
                name => {
                    let sym = db.intern(name);
                    if classes.contains(&sym) {
                        Annotation::Class(sym)
                    } else {
                        Annotation::Other
                    }
                }
            },
            Expr::StringLiteral(s) => {
                // Forward references: `"Point"`.
                let sym = db.intern(s.value.to_str());
                if classes.contains(&sym) {
                    Annotation::Class(sym)
                } else {
                    Annotation::Other
                }
            }
            Expr::Subscript(sub) => {
                let Expr::Name(base) = &*sub.value else {
                    return Annotation::Other;
                };
                let args: Vec<&Expr> = match &*sub.slice {
                    Expr::Tuple(t) => t.elts.iter().collect(),
                    e => vec![e],
                };
                let arg = |i: usize| {
                    args.get(i)
                        .map(|e| Annotation::from_expr(db, e, classes))
                        .unwrap_or(Annotation::Other)
                };
                match (base.id.as_str(), args.len()) {
                    ("list", 1) => Annotation::List(Box::new(arg(0))),
                    ("set", 1) => Annotation::Set(Box::new(arg(0))),
                    ("dict", 2) => Annotation::Dict(Box::new(arg(0)), Box::new(arg(1))),
                    ("tuple", n) if !args.iter().any(|e| matches!(e, Expr::EllipsisLiteral(_))) => {
                        Annotation::Tuple((0..n).map(arg).collect())
                    }
                    _ => Annotation::Other,
                }
            }
            _ => Annotation::Other,
        }
    }
}

/// How a parameter binds arguments.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ParamKind {
    /// Before `/`.
    PositionalOnly,
    /// Positional or keyword.
    Positional,
    /// `*args`
    VarArgs,
    /// After `*`.
    KeywordOnly,
    /// `**kwargs`
    KwArgs,
}

/// One parameter of a signature.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct ParamSig {
    /// Its name.
    pub name: Symbol,
    /// Its kind.
    pub kind: ParamKind,
    /// Whether it has a default.
    pub has_default: bool,
    /// Its annotation, if any.
    pub annotation: Option<Annotation>,
}

/// The signature of a function or method.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct FunctionSig {
    /// The function's name.
    pub name: Symbol,
    /// Its parameters, in order.
    pub params: Vec<ParamSig>,
    /// Its return annotation.
    pub returns: Option<Annotation>,
    /// Has decorators (then calls are not checked against the signature).
    pub decorated: bool,
    /// Contains `yield`: calling it makes a generator object.
    pub is_generator: bool,
}

impl FunctionSig {
    fn from_def(
        db: &dyn Db,
        def: &ast::StmtFunctionDef,
        classes: &FxHashSet<Symbol>,
    ) -> FunctionSig {
        FunctionSig {
            name: db.intern(def.name.as_str()),
            params: signature_params(db, &def.parameters, classes),
            returns: def
                .returns
                .as_deref()
                .map(|r| Annotation::from_expr(db, r, classes)),
            decorated: !def.decorator_list.is_empty(),
            is_generator: crate::scope::Scope::of_function(
                Some(&def.parameters),
                crate::scope::ScopeBody::Stmts(&def.body),
            )
            .is_generator,
        }
    }

    /// Checks a call with `positional` positional arguments and the given keyword names
    /// (no `*args`/`**kwargs` at the call), skipping the first `skip` parameters (`self`).
    /// Returns a CPython-style message on mismatch.
    pub fn check_call(
        &self,
        db: &dyn Db,
        skip: usize,
        positional: usize,
        keywords: &[&str],
    ) -> Option<String> {
        let name = db.resolve(self.name);
        let params = self.params.get(skip..).unwrap_or_default();
        let has_varargs = params.iter().any(|p| p.kind == ParamKind::VarArgs);
        let has_kwargs = params.iter().any(|p| p.kind == ParamKind::KwArgs);
        let positional_params: Vec<&ParamSig> = params
            .iter()
            .filter(|p| matches!(p.kind, ParamKind::Positional | ParamKind::PositionalOnly))
            .collect();
        if !has_varargs && positional > positional_params.len() {
            let max = positional_params.len();
            let min = positional_params.iter().filter(|p| !p.has_default).count();
            let takes = if min == max {
                format!("{max}")
            } else {
                format!("from {min} to {max}")
            };
            let s = if max == 1 && min == max { "" } else { "s" };
            let were = if positional == 1 { "was" } else { "were" };
            return Some(format!(
                "`{name}()` takes {takes} positional argument{s} but {positional} {were} given"
            ));
        }
        for kw in keywords {
            let known = params.iter().any(|p| {
                db.resolve(p.name) == *kw
                    && matches!(p.kind, ParamKind::Positional | ParamKind::KeywordOnly)
            });
            if !known && !has_kwargs {
                return Some(format!(
                    "`{name}()` got an unexpected keyword argument '{kw}'"
                ));
            }
        }
        let mut missing = Vec::new();
        for (i, p) in params.iter().enumerate() {
            let required = !p.has_default
                && matches!(
                    p.kind,
                    ParamKind::Positional | ParamKind::PositionalOnly | ParamKind::KeywordOnly
                );
            let pos_index = positional_params.iter().position(|q| q.name == p.name);
            let given_positionally = pos_index.is_some_and(|j| j < positional);
            let given_by_keyword = keywords.contains(&db.resolve(p.name));
            let _ = i;
            if required && !given_positionally && !given_by_keyword {
                missing.push(format!("'{}'", db.resolve(p.name)));
            }
        }
        if !missing.is_empty() {
            let n = missing.len();
            let s = if n == 1 { "" } else { "s" };
            let list = match missing.as_slice() {
                [one] => one.clone(),
                [init @ .., last] => format!("{} and {last}", init.join(", ")),
                [] => String::new(),
            };
            return Some(format!(
                "`{name}()` missing {n} required argument{s}: {list}"
            ));
        }
        None
    }
}

fn signature_params(
    db: &dyn Db,
    params: &ast::Parameters,
    classes: &FxHashSet<Symbol>,
) -> Vec<ParamSig> {
    let mut out = Vec::new();
    let ann = |p: &ast::Parameter| {
        p.annotation
            .as_deref()
            .map(|a| Annotation::from_expr(db, a, classes))
    };
    for p in &params.posonlyargs {
        out.push(ParamSig {
            name: db.intern(p.parameter.name.as_str()),
            kind: ParamKind::PositionalOnly,
            has_default: p.default.is_some(),
            annotation: ann(&p.parameter),
        });
    }
    for p in &params.args {
        out.push(ParamSig {
            name: db.intern(p.parameter.name.as_str()),
            kind: ParamKind::Positional,
            has_default: p.default.is_some(),
            annotation: ann(&p.parameter),
        });
    }
    if let Some(p) = &params.vararg {
        out.push(ParamSig {
            name: db.intern(p.name.as_str()),
            kind: ParamKind::VarArgs,
            has_default: false,
            annotation: None,
        });
    }
    for p in &params.kwonlyargs {
        out.push(ParamSig {
            name: db.intern(p.parameter.name.as_str()),
            kind: ParamKind::KeywordOnly,
            has_default: p.default.is_some(),
            annotation: ann(&p.parameter),
        });
    }
    if let Some(p) = &params.kwarg {
        out.push(ParamSig {
            name: db.intern(p.name.as_str()),
            kind: ParamKind::KwArgs,
            has_default: false,
            annotation: None,
        });
    }
    out
}

/// A class defined at module level.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct ClassInfo {
    /// Its name.
    pub name: Symbol,
    /// Its base class name, if it has exactly one base that is a plain name.
    pub base: Option<Symbol>,
    /// It has bases that [`Self::base`] does not describe (several, or an expression).
    pub other_bases: bool,
    /// Its methods' signatures.
    pub methods: Vec<FunctionSig>,
    /// Attributes assigned as `self.x = ...` in `__init__`, in order of first assignment.
    pub fields: Vec<Symbol>,
    /// Attributes first assigned as `self.x = ...` in a method other than `__init__`:
    /// `(attribute, method)`, in class-body order.
    pub fields_elsewhere: Vec<(Symbol, Symbol)>,
    /// Attributes that every `self.a = value` assignment in the class's plain methods gives
    /// a float (a float literal, a parameter of that method annotated `float` that the
    /// method never rebinds, or arithmetic on those and on other such attributes; see
    /// `float_fields`), with the methods that assign them, in class-body order. A hint for speculation, not a fact: annotations are not enforced and
    /// code elsewhere may store anything (`docs/semantics.md`, "Attribute types").
    /// Augmented assignments (`self.a += d`) neither make nor break the hint.
    pub float_fields: Vec<(Symbol, Vec<Symbol>)>,
    /// The class body assigns `__slots__`.
    pub defines_slots: bool,
    /// The first of `__setattr__`, `__getattribute__`, `__delattr__` the class body defines
    /// (attribute access then runs Python code, so slots cannot be read inline).
    pub attribute_hook: Option<Symbol>,
    /// Has decorators or keyword arguments (then calls are not checked).
    pub decorated: bool,
    /// The class body binds `__init__` or `__new__` other than by `def` (`__init__ = f`).
    pub constructor_bound: bool,
    /// The `__init__` the compiler writes for this `@dataclass` class
    /// ([`crate::dataclass_init`]): then `methods`, `fields` and `float_fields` include it
    /// as if the body defined it, and `decorated` is false (the decorator returns the class
    /// itself).
    pub dataclass_init: Option<crate::dataclass_init::DataclassInit>,
}

impl ClassInfo {
    /// The attributes instances keep in fixed-layout slots: those assigned through `self` in
    /// `__init__`, then those first assigned in other methods; empty when the class defines
    /// `__slots__` (its own layout) or assigns no attributes.
    pub fn slot_layout(&self) -> Vec<Symbol> {
        if self.defines_slots {
            return Vec::new();
        }
        let mut out = self.fields.clone();
        out.extend(self.fields_elsewhere.iter().map(|(a, _)| *a));
        out
    }

    /// The method called `name`, if defined in this class body.
    pub fn method(&self, name: Symbol) -> Option<&FunctionSig> {
        self.methods.iter().find(|m| m.name == name)
    }
}

/// Everything a module defines at top level (see the module docs).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct ModuleIndex {
    /// Functions defined by top-level `def`.
    pub functions: Vec<FunctionSig>,
    /// Classes defined by top-level `class`.
    pub classes: Vec<ClassInfo>,
    /// Every name bound at module level or declared `global` in a function, sorted.
    pub globals: Vec<Symbol>,
    /// Global names bound more than once (their meaning at a call site is not static). A
    /// module-level `from m import *` may bind any name, so every name bound before it (or
    /// in the same top-level statement) counts as rebound.
    pub rebound: Vec<Symbol>,
    /// The module's code has a `from m import *` (module level: elsewhere it is a syntax
    /// error). Its globals are then not all known from this file: a name it does not bind
    /// is read from the globals at run time (falling back to the builtins), and only the
    /// program knows whether an import binds it (`molt_lower::star_import_diagnostics`).
    pub star_import: bool,
    /// Names whose attributes the module assigns or deletes anywhere (`Q.__init__ = f`,
    /// `del Q.x`, `setattr(Q, ...)`, `delattr(Q, ...)`), sorted: a class of such a name
    /// may change after its `class` statement, so no call of it is checked statically.
    pub patched: Vec<Symbol>,
    /// The lists above by name, so that every question below costs O(1) whatever the
    /// module's size (a 1M-line module has ~100,000 functions and ~50,000 classes, and
    /// lowering asks once per call site and class statement). Built by [`Self::build_tables`].
    tables: Tables,
}

/// See [`ModuleIndex::tables`].
#[derive(Clone, PartialEq, Eq, Debug, Default)]
struct Tables {
    /// Position in `functions` of the first function of each name.
    function_at: FxHashMap<Symbol, u32>,
    /// Position in `classes` of the first class of each name, and how many classes have it.
    class_at: FxHashMap<Symbol, (u32, u32)>,
    /// The class names.
    class_names: FxHashSet<Symbol>,
    /// Position of the first class defining a method of each name, and how many do.
    method_owner: FxHashMap<Symbol, (u32, u32)>,
    globals: FxHashSet<Symbol>,
    rebound: FxHashSet<Symbol>,
    patched: FxHashSet<Symbol>,
}

impl ModuleIndex {
    /// Whether `name` is a module global.
    pub fn is_global(&self, name: Symbol) -> bool {
        self.tables.globals.contains(&name)
    }

    /// Whether `name` is bound more than once in the module (or assigned through `global`).
    pub fn is_rebound(&self, name: Symbol) -> bool {
        self.tables.rebound.contains(&name)
    }

    /// The function `name`, if it is bound exactly once, by a top-level `def`.
    pub fn stable_function(&self, name: Symbol) -> Option<&FunctionSig> {
        if self.tables.rebound.contains(&name) {
            return None;
        }
        let at = *self.tables.function_at.get(&name)?;
        self.functions.get(at as usize)
    }

    /// The class `name`, if it is bound exactly once, by a top-level `class`.
    pub fn stable_class(&self, name: Symbol) -> Option<&ClassInfo> {
        if self.tables.rebound.contains(&name) {
            return None;
        }
        let (at, _) = *self.tables.class_at.get(&name)?;
        self.classes.get(at as usize)
    }

    /// The class `name` if it is bound once ([`Self::stable_class`]) and this module never
    /// changes its attributes after the `class` statement ([`Self::patched`]), nor binds
    /// `__init__`/`__new__` in its body other than by `def`: its constructor's signature
    /// is the one its body defines (as far as this module can see).
    pub fn frozen_class(&self, name: Symbol) -> Option<&ClassInfo> {
        if self.tables.patched.contains(&name) {
            return None;
        }
        self.stable_class(name).filter(|c| !c.constructor_bound)
    }

    /// Why instances of `class` cannot have fixed-layout slots because of its bases: `None`
    /// when every base up the chain is a class of this module (defined once) or `object`;
    /// otherwise the first base that is not (a builtin such as `Exception`, an imported class
    /// or an expression), whose instances the runtime lays out itself.
    /// (`Err(())` for bases that are not a plain name.)
    pub fn foreign_base(&self, db: &dyn Db, class: &ClassInfo) -> Option<Result<Symbol, ()>> {
        let object = db.intern("object");
        let mut current = class;
        for _ in 0..=self.classes.len() {
            if current.other_bases {
                return Some(Err(()));
            }
            let base = current.base?;
            if base == object {
                return None;
            }
            match self.only_class(base) {
                Some(b) => current = b,
                None => return Some(Ok(base)),
            }
        }
        // A cycle of base names cannot run; treat it as foreign.
        Some(Err(()))
    }

    /// Whether the metaclass of `class` is known to be `type`, so that calling the class
    /// runs `type.__call__` (its `__new__` and `__init__`): every base up the chain is a
    /// class of this module (defined once, without decorators or class keywords) or a
    /// name the module does not bind (a builtin class). An imported base may bring its own
    /// metaclass, whose `__call__` takes other arguments (`class Planet(Enum)` with an
    /// `__init__` of its members), and so may several bases or a base expression.
    pub fn metaclass_is_type(&self, class: &ClassInfo) -> bool {
        let mut current = class;
        for _ in 0..=self.classes.len() {
            if current.other_bases || current.decorated {
                return false;
            }
            let Some(base) = current.base else {
                return true;
            };
            match self.only_class(base) {
                Some(b) => current = b,
                None => return !self.is_global(base),
            }
        }
        // A cycle of base names cannot run.
        false
    }

    /// The slot layout of `class` ([`ClassInfo::slot_layout`]) if its bases allow slots
    /// ([`Self::foreign_base`]), else empty.
    pub fn slot_layout(&self, db: &dyn Db, class: &ClassInfo) -> Vec<Symbol> {
        if self.foreign_base(db, class).is_some() {
            return Vec::new();
        }
        class.slot_layout()
    }

    /// Class names (for annotations).
    pub fn class_names(&self) -> &FxHashSet<Symbol> {
        &self.tables.class_names
    }

    /// The class `name` when exactly one top-level `class` statement defines it (the name may
    /// still be rebound by other statements: see [`Self::stable_class`]).
    pub fn only_class(&self, name: Symbol) -> Option<&ClassInfo> {
        match self.tables.class_at.get(&name) {
            Some(&(at, 1)) => self.classes.get(at as usize),
            _ => None,
        }
    }

    /// The first class that a top-level `class` statement called `name` defines.
    pub fn first_class(&self, name: Symbol) -> Option<&ClassInfo> {
        let (at, _) = *self.tables.class_at.get(&name)?;
        self.classes.get(at as usize)
    }

    /// How many top-level `class` statements define a class called `name`.
    pub fn class_definitions(&self, name: Symbol) -> usize {
        self.tables
            .class_at
            .get(&name)
            .map_or(0, |&(_, n)| n as usize)
    }

    /// The class whose body defines a method `method`, when exactly one class of the module
    /// does.
    pub fn only_class_defining(&self, method: Symbol) -> Option<&ClassInfo> {
        match self.tables.method_owner.get(&method) {
            Some(&(at, 1)) => self.classes.get(at as usize),
            _ => None,
        }
    }

    /// Fills [`Self::tables`] from the lists; call after changing them.
    fn build_tables(&mut self) {
        let mut t = Tables::default();
        for (i, f) in self.functions.iter().enumerate() {
            t.function_at.entry(f.name).or_insert(i as u32);
        }
        for (i, c) in self.classes.iter().enumerate() {
            t.class_at.entry(c.name).or_insert((i as u32, 0)).1 += 1;
            t.class_names.insert(c.name);
            let mut seen = FxHashSet::default();
            for m in &c.methods {
                if seen.insert(m.name) {
                    t.method_owner.entry(m.name).or_insert((i as u32, 0)).1 += 1;
                }
            }
        }
        t.globals = self.globals.iter().copied().collect();
        t.rebound = self.rebound.iter().copied().collect();
        t.patched = self.patched.iter().copied().collect();
        self.tables = t;
    }
}

/// Builds the module index of `file`.
#[salsa::tracked(returns(ref))]
pub fn module_index(db: &dyn Db, file: SourceFile) -> ModuleIndex {
    let parsed = parse(db, file);
    let body = &parsed.parsed().syntax().body;
    let class_names: FxHashSet<Symbol> = body
        .iter()
        .filter_map(|s| match s {
            Stmt::ClassDef(c) => Some(db.intern(c.name.as_str())),
            _ => None,
        })
        .collect();
    let dataclass_names = DataclassNames::of(db, body);
    let text = file.text(db);
    let mut index = ModuleIndex::default();
    let mut bindings: Vec<Symbol> = Vec::new();
    let mut star_rebound: Vec<Symbol> = Vec::new();
    for stmt in body {
        match stmt {
            Stmt::FunctionDef(def) => {
                index
                    .functions
                    .push(FunctionSig::from_def(db, def, &class_names));
            }
            Stmt::ClassDef(class) => {
                // An eligible dataclass is read as if its body defined the `__init__` the
                // compiler writes for it.
                let dataclass_init = dataclass_names.init_of(class, text);
                let augmented;
                let class = match &dataclass_init {
                    Some((_, def)) => {
                        let mut c = class.clone();
                        c.body.push(Stmt::FunctionDef(def.clone()));
                        c.decorator_list.clear();
                        augmented = c;
                        &augmented
                    }
                    None => class,
                };
                let base = match class.arguments.as_deref() {
                    Some(args) if args.args.len() == 1 && args.keywords.is_empty() => {
                        match &args.args[0] {
                            Expr::Name(n) => Some(db.intern(n.id.as_str())),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                let other_bases = class
                    .arguments
                    .as_deref()
                    .is_some_and(|a| !a.args.is_empty())
                    && base.is_none();
                let mut info = ClassInfo {
                    name: db.intern(class.name.as_str()),
                    base,
                    other_bases,
                    methods: Vec::new(),
                    fields: Vec::new(),
                    fields_elsewhere: Vec::new(),
                    float_fields: Vec::new(),
                    defines_slots: false,
                    attribute_hook: None,
                    constructor_bound: false,
                    dataclass_init: dataclass_init.map(|(init, _)| init),
                    decorated: !class.decorator_list.is_empty()
                        || class
                            .arguments
                            .as_deref()
                            .is_some_and(|a| !a.keywords.is_empty()),
                };
                for s in &class.body {
                    if let Stmt::FunctionDef(def) = s {
                        if def.name.as_str() == "__init__" {
                            collect_self_fields(db, def, class.name.as_str(), &mut info.fields);
                        }
                        if info.attribute_hook.is_none()
                            && matches!(
                                def.name.as_str(),
                                "__setattr__" | "__getattribute__" | "__delattr__"
                            )
                        {
                            info.attribute_hook = Some(db.intern(def.name.as_str()));
                        }
                        info.methods
                            .push(FunctionSig::from_def(db, def, &class_names));
                    }
                    let assigns_slots = match s {
                        Stmt::Assign(a) => a
                            .targets
                            .iter()
                            .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == "__slots__")),
                        Stmt::AnnAssign(a) => {
                            matches!(&*a.target, Expr::Name(n) if n.id.as_str() == "__slots__")
                        }
                        _ => false,
                    };
                    info.defines_slots |= assigns_slots;
                    if !matches!(s, Stmt::FunctionDef(_)) {
                        let mut bound = Vec::new();
                        module_level_bindings(s, &mut bound);
                        info.constructor_bound |=
                            bound.iter().any(|n| n == "__init__" || n == "__new__");
                    }
                }
                // Attributes first assigned outside `__init__` (plain methods only: the first
                // parameter of a static or class method is not the instance).
                for s in &class.body {
                    if let Stmt::FunctionDef(def) = s {
                        if def.name.as_str() == "__init__" || !def.decorator_list.is_empty() {
                            continue;
                        }
                        let mut found = Vec::new();
                        collect_self_fields(db, def, class.name.as_str(), &mut found);
                        let method = db.intern(def.name.as_str());
                        for a in found {
                            if !info.fields.contains(&a)
                                && !info.fields_elsewhere.iter().any(|(x, _)| *x == a)
                            {
                                info.fields_elsewhere.push((a, method));
                            }
                        }
                    }
                }
                info.float_fields = float_fields(db, class);
                index.classes.push(info);
            }
            _ => {}
        }
        let before = bindings.len();
        collect_bindings(db, stmt, &mut bindings);
        let star = db.intern("*");
        if bindings[before..].contains(&star) {
            bindings.retain(|b| *b != star);
            index.star_import = true;
            // The star import may rebind everything bound so far.
            star_rebound.extend(bindings.iter().copied());
        }
    }
    bindings.extend(star_rebound);
    let mut sorted = bindings.clone();
    sorted.sort_by(|a, b| db.resolve(*a).cmp(db.resolve(*b)));
    let mut globals = sorted.clone();
    globals.dedup();
    let mut rebound: Vec<Symbol> = sorted
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    rebound.dedup();
    index.globals = globals;
    index.rebound = rebound;
    let mut patched: Vec<Symbol> = patched_names(body).iter().map(|n| db.intern(n)).collect();
    patched.sort_by(|a, b| db.resolve(*a).cmp(db.resolve(*b)));
    patched.dedup();
    index.patched = patched;
    index.build_tables();
    index
}

/// What a module binds to `dataclasses.dataclass` for good (see [`crate::dataclass_init`]).
struct DataclassNames {
    /// Names bound once, by `from dataclasses import dataclass [as n]`.
    names: Vec<String>,
    /// Names bound once, by `import dataclasses [as m]`.
    modules: Vec<String>,
    /// The module binds `object`.
    object_bound: bool,
}

impl DataclassNames {
    fn of(db: &dyn Db, body: &[Stmt]) -> DataclassNames {
        let (names, modules) = crate::dataclass_init::dataclass_imports(body);
        if names.is_empty() && modules.is_empty() {
            return DataclassNames {
                names,
                modules,
                object_bound: true,
            };
        }
        let mut bindings = Vec::new();
        for stmt in body {
            collect_bindings(db, stmt, &mut bindings);
        }
        let star = db.intern("*");
        // `dataclasses.dataclass = f` (or `setattr(dataclasses, ...)`): its decorator may
        // be another function.
        let patched = patched_names(body);
        let module_patched = modules.iter().any(|m| patched.contains(m))
            || patched.iter().any(|p| p == "dataclasses");
        if bindings.contains(&star) || module_patched {
            return DataclassNames {
                names: Vec::new(),
                modules: Vec::new(),
                object_bound: true,
            };
        }
        let once = |n: &String| {
            let sym = db.intern(n);
            bindings.iter().filter(|b| **b == sym).count() == 1
        };
        let object = db.intern("object");
        DataclassNames {
            names: names.iter().filter(|n| once(n)).cloned().collect(),
            modules: modules.iter().filter(|n| once(n)).cloned().collect(),
            object_bound: bindings.contains(&object),
        }
    }

    /// The compiled `__init__` of `class` and its `def`, when the class is eligible.
    fn init_of(
        &self,
        class: &ast::StmtClassDef,
        text: &str,
    ) -> Option<(crate::dataclass_init::DataclassInit, ast::StmtFunctionDef)> {
        use crate::dataclass_init::{DecoratorName, candidate};
        if self.names.is_empty() && self.modules.is_empty() {
            return None;
        }
        let (init, name) = candidate(class, text)?;
        let known = match &name {
            DecoratorName::Name(n) => self.names.contains(n),
            DecoratorName::Module(m) => self.modules.contains(m),
        };
        let has_base = class
            .arguments
            .as_deref()
            .is_some_and(|a| !a.args.is_empty());
        if !known || (has_base && self.object_bound) {
            return None;
        }
        let def = init.parsed_def()?;
        Some((init, def))
    }
}

/// The names `N` of `N.attr = ...`, `N.attr += ...`, `del N.attr`, `setattr(N, ...)` and
/// `delattr(N, ...)` anywhere in `body` (functions and classes included).
fn patched_names(body: &[Stmt]) -> Vec<String> {
    use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, TraversalSignal};
    use ruff_python_ast::{AnyNodeRef, ExprContext};
    struct V(Vec<String>);
    impl<'a> SourceOrderVisitor<'a> for V {
        fn enter_node(&mut self, node: AnyNodeRef<'a>) -> TraversalSignal {
            match node {
                AnyNodeRef::ExprAttribute(a) if !matches!(a.ctx, ExprContext::Load) => {
                    if let Expr::Name(n) = &*a.value {
                        self.0.push(n.id.as_str().to_owned());
                    }
                }
                AnyNodeRef::ExprCall(c) => {
                    if let (Expr::Name(f), Some(Expr::Name(target))) =
                        (&*c.func, c.arguments.args.first())
                        && matches!(f.id.as_str(), "setattr" | "delattr")
                    {
                        self.0.push(target.id.as_str().to_owned());
                    }
                }
                _ => {}
            }
            TraversalSignal::Traverse
        }
    }
    let mut v = V(Vec::new());
    for s in body {
        v.visit_stmt(s);
    }
    v.0
}

/// Names bound by a module-level statement, plus names declared `global` and assigned inside
/// functions (each such function assignment counts as a rebinding).
fn collect_bindings(db: &dyn Db, stmt: &Stmt, out: &mut Vec<Symbol>) {
    let mut names = Vec::new();
    module_level_bindings(stmt, &mut names);
    walrus_bindings(stmt, &mut names);
    out.extend(names.iter().map(|n| db.intern(n)));
    let mut declared = Vec::new();
    global_declarations(stmt, &mut declared);
    out.extend(declared.iter().map(|n| db.intern(n)));
}

fn module_level_bindings(stmt: &Stmt, out: &mut Vec<String>) {
    match stmt {
        Stmt::FunctionDef(def) => out.push(def.name.as_str().to_owned()),
        Stmt::ClassDef(class) => out.push(class.name.as_str().to_owned()),
        Stmt::Assign(a) => a.targets.iter().for_each(|t| target_names(t, out)),
        // A bare annotation (`x: int`) binds nothing at run time, but counting it as a
        // binding only makes the rebinding analysis more conservative (never wrong).
        Stmt::AnnAssign(a) => target_names(&a.target, out),
        Stmt::AugAssign(a) => target_names(&a.target, out),
        Stmt::For(f) => {
            target_names(&f.target, out);
            f.body
                .iter()
                .chain(&f.orelse)
                .for_each(|s| module_level_bindings(s, out));
        }
        Stmt::While(w) => w
            .body
            .iter()
            .chain(&w.orelse)
            .for_each(|s| module_level_bindings(s, out)),
        Stmt::If(i) => {
            i.body.iter().for_each(|s| module_level_bindings(s, out));
            for clause in &i.elif_else_clauses {
                clause
                    .body
                    .iter()
                    .for_each(|s| module_level_bindings(s, out));
            }
        }
        Stmt::With(w) => {
            for item in &w.items {
                if let Some(v) = &item.optional_vars {
                    target_names(v, out);
                }
            }
            w.body.iter().for_each(|s| module_level_bindings(s, out));
        }
        Stmt::Try(t) => {
            t.body
                .iter()
                .chain(&t.orelse)
                .chain(&t.finalbody)
                .for_each(|s| module_level_bindings(s, out));
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                if let Some(n) = &h.name {
                    out.push(n.as_str().to_owned());
                }
                h.body.iter().for_each(|s| module_level_bindings(s, out));
            }
        }
        Stmt::Import(i) => {
            for alias in &i.names {
                match &alias.asname {
                    Some(a) => out.push(a.as_str().to_owned()),
                    None => out.push(
                        alias
                            .name
                            .as_str()
                            .split('.')
                            .next()
                            .unwrap_or_default()
                            .to_owned(),
                    ),
                }
            }
        }
        Stmt::ImportFrom(i) => {
            for alias in &i.names {
                out.push(
                    alias
                        .asname
                        .as_ref()
                        .unwrap_or(&alias.name)
                        .as_str()
                        .to_owned(),
                );
            }
        }
        Stmt::Delete(d) => d.targets.iter().for_each(|t| target_names(t, out)),
        Stmt::Match(m) => {
            crate::scope::match_names(m, out);
            for case in &m.cases {
                case.body.iter().for_each(|s| module_level_bindings(s, out));
            }
        }
        _ => {}
    }
}

/// Names that `:=` binds in the scope of `stmt` (a module-level statement): in its
/// expressions at any depth, comprehensions and generator expressions included (their `:=`
/// binds in the enclosing scope, PEP 572), but not in the bodies of functions, lambdas and
/// classes, which are scopes of their own.
fn walrus_bindings(stmt: &Stmt, out: &mut Vec<String>) {
    use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
    struct V<'o>(&'o mut Vec<String>);
    impl<'a> Visitor<'a> for V<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(def) => crate::scope::walk_def_header(self, def),
                Stmt::ClassDef(class) => crate::scope::walk_class_header(self, class),
                _ => walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Named(n) => {
                    target_names(&n.target, self.0);
                    self.visit_expr(&n.value);
                }
                Expr::Lambda(l) => crate::scope::walk_lambda_defaults(self, l),
                _ => walk_expr(self, expr),
            }
        }
    }
    V(out).visit_stmt(stmt);
}

/// Names declared `global` inside function bodies in `stmt` (recursively).
fn global_declarations(stmt: &Stmt, out: &mut Vec<String>) {
    use ruff_python_ast::statement_visitor::{StatementVisitor, walk_stmt};
    struct V<'o>(&'o mut Vec<String>, bool);
    impl<'a> StatementVisitor<'a> for V<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Global(g) if self.1 => {
                    self.0.extend(g.names.iter().map(|n| n.as_str().to_owned()))
                }
                Stmt::FunctionDef(_) => {
                    let saved = self.1;
                    self.1 = true;
                    walk_stmt(self, stmt);
                    self.1 = saved;
                }
                _ => walk_stmt(self, stmt),
            }
        }
    }
    V(out, false).visit_stmt(stmt);
}

/// The attribute `attr` of `self` in class `class_name` as stored: private names are
/// mangled (`self.__x` is `_C__x`).
fn mangled(db: &dyn Db, class_name: &str, attr: &str) -> Symbol {
    let owner = class_name.trim_start_matches('_');
    if attr.starts_with("__") && !attr.ends_with("__") && !owner.is_empty() {
        db.intern(&format!("_{owner}{attr}"))
    } else {
        db.intern(attr)
    }
}

/// [`ClassInfo::float_fields`] of `class`: walks the plain methods (not decorated, with a
/// first parameter) and keeps the attributes of which every `self.a = value` assignment
/// stores a float: a float literal, a `float`-annotated parameter the method never rebinds,
/// another such attribute of `self`, or `+ - * /` and unary `-`/`+` of those (and int
/// literals, with at least one float operand). Attributes that read each other are decided
/// together (a greatest fixpoint: `self.x = self.x + self.v * dt` keeps `x` a float when
/// `x` and `v` are). Any other assignment to `self.a` (another value, a `for`/`with` target,
/// an unpacking from a non-tuple) rules the attribute out.
fn float_fields(db: &dyn Db, class: &ast::StmtClassDef) -> Vec<(Symbol, Vec<Symbol>)> {
    use ruff_python_ast::statement_visitor::{StatementVisitor, walk_stmt};
    /// The assignments to attributes of `self` in one method.
    struct Method<'a> {
        name: Symbol,
        self_name: &'a str,
        float_params: FxHashSet<&'a str>,
        /// `(attribute, value)`; `None`: a value the walk cannot see (a loop target).
        stores: Vec<(Symbol, Option<&'a Expr>)>,
    }
    struct V<'a, 'm> {
        db: &'a dyn Db,
        class_name: &'a str,
        method: &'m mut Method<'a>,
    }
    impl<'a> V<'a, '_> {
        /// An assignment of `value` (`None`: unknown) to `target`.
        fn assign(&mut self, target: &'a Expr, value: Option<&'a Expr>) {
            match target {
                Expr::Attribute(a) => {
                    if matches!(&*a.value, Expr::Name(n) if n.id.as_str() == self.method.self_name)
                    {
                        let attr = mangled(self.db, self.class_name, a.attr.as_str());
                        self.method.stores.push((attr, value));
                    }
                }
                Expr::Tuple(ast::ExprTuple { elts, .. })
                | Expr::List(ast::ExprList { elts, .. }) => {
                    let values: Option<&'a [Expr]> = match value {
                        Some(Expr::Tuple(t)) if t.elts.len() == elts.len() => Some(&t.elts),
                        _ => None,
                    };
                    for (i, e) in elts.iter().enumerate() {
                        self.assign(e, values.map(|v| &v[i]));
                    }
                }
                Expr::Starred(s) => self.assign(&s.value, None),
                _ => {}
            }
        }
    }
    impl<'a> StatementVisitor<'a> for V<'a, '_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                // `a = b = v` stores `v` in each target.
                Stmt::Assign(a) => a
                    .targets
                    .iter()
                    .for_each(|t| self.assign(t, Some(&a.value))),
                Stmt::AnnAssign(a) => self.assign(&a.target, a.value.as_deref()),
                Stmt::For(f) => {
                    self.assign(&f.target, None);
                    walk_stmt(self, stmt);
                }
                Stmt::With(w) => {
                    for item in &w.items {
                        if let Some(v) = &item.optional_vars {
                            self.assign(v, None);
                        }
                    }
                    walk_stmt(self, stmt);
                }
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                _ => walk_stmt(self, stmt),
            }
        }
    }
    let class_name = class.name.as_str();
    let mut methods: Vec<Method<'_>> = Vec::new();
    for s in &class.body {
        let Stmt::FunctionDef(def) = s else { continue };
        if !def.decorator_list.is_empty() {
            continue;
        }
        let params = &def.parameters;
        let Some(first) = params.posonlyargs.iter().chain(&params.args).next() else {
            continue;
        };
        let self_name = first.parameter.name.as_str();
        // Parameters annotated `float` that no statement of the method rebinds.
        let mut rebound = Vec::new();
        for st in &def.body {
            function_bindings(st, &mut rebound);
        }
        let float_params: FxHashSet<&str> = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .chain(&params.kwonlyargs)
            .map(|p| &p.parameter)
            .filter(|p| {
                matches!(p.annotation.as_deref(), Some(Expr::Name(n)) if n.id.as_str() == "float")
                    && p.name.as_str() != self_name
                    && !rebound.iter().any(|r| r == p.name.as_str())
            })
            .map(|p| p.name.as_str())
            .collect();
        let mut method = Method {
            name: db.intern(def.name.as_str()),
            self_name,
            float_params,
            stores: Vec::new(),
        };
        let mut v = V {
            db,
            class_name,
            method: &mut method,
        };
        for st in &def.body {
            v.visit_stmt(st);
        }
        methods.push(method);
    }
    // Whether `e` is a float when the attributes in `floats` are.
    fn floaty(
        db: &dyn Db,
        class_name: &str,
        m: &Method<'_>,
        floats: &FxHashSet<Symbol>,
        e: &Expr,
    ) -> bool {
        let is_int = |e: &Expr| matches!(e, Expr::NumberLiteral(n) if matches!(n.value, ast::Number::Int(_)));
        match e {
            Expr::NumberLiteral(n) => matches!(n.value, ast::Number::Float(_)),
            Expr::Name(n) => m.float_params.contains(n.id.as_str()),
            Expr::Attribute(a) => {
                matches!(&*a.value, Expr::Name(n) if n.id.as_str() == m.self_name)
                    && floats.contains(&mangled(db, class_name, a.attr.as_str()))
            }
            Expr::UnaryOp(u) => {
                matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd)
                    && floaty(db, class_name, m, floats, &u.operand)
            }
            Expr::BinOp(b) => {
                let (l, r) = (
                    floaty(db, class_name, m, floats, &b.left),
                    floaty(db, class_name, m, floats, &b.right),
                );
                matches!(
                    b.op,
                    ast::Operator::Add
                        | ast::Operator::Sub
                        | ast::Operator::Mult
                        | ast::Operator::Div
                ) && (l || r)
                    && (l || is_int(&b.left))
                    && (r || is_int(&b.right))
            }
            _ => false,
        }
    }
    let mut floats: FxHashSet<Symbol> = methods
        .iter()
        .flat_map(|m| m.stores.iter().map(|(a, _)| *a))
        .collect();
    loop {
        let mut out: Vec<Symbol> = Vec::new();
        for m in &methods {
            for (attr, value) in &m.stores {
                if floats.contains(attr)
                    && !value.is_some_and(|v| floaty(db, class_name, m, &floats, v))
                {
                    out.push(*attr);
                }
            }
        }
        if out.is_empty() {
            break;
        }
        for a in out {
            floats.remove(&a);
        }
    }
    let mut result: Vec<(Symbol, Vec<Symbol>)> = Vec::new();
    for m in &methods {
        for (attr, _) in &m.stores {
            if !floats.contains(attr) {
                continue;
            }
            match result.iter_mut().find(|(a, _)| a == attr) {
                Some((_, ms)) if ms.contains(&m.name) => {}
                Some((_, ms)) => ms.push(m.name),
                None => result.push((*attr, vec![m.name])),
            }
        }
    }
    result
}

/// Names a function body's statements bind (assignment, `for`, `with`, `import`, `except
/// ... as`, nested `def`/`class`, walrus not included), outside nested scopes.
fn function_bindings(stmt: &Stmt, out: &mut Vec<String>) {
    use ruff_python_ast::statement_visitor::{StatementVisitor, walk_stmt};
    struct V<'o>(&'o mut Vec<String>);
    impl<'a> StatementVisitor<'a> for V<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Assign(a) => a.targets.iter().for_each(|t| target_names(t, self.0)),
                Stmt::AnnAssign(a) => target_names(&a.target, self.0),
                Stmt::AugAssign(a) => target_names(&a.target, self.0),
                Stmt::For(f) => {
                    target_names(&f.target, self.0);
                    walk_stmt(self, stmt);
                }
                Stmt::With(w) => {
                    for item in &w.items {
                        if let Some(v) = &item.optional_vars {
                            target_names(v, self.0);
                        }
                    }
                    walk_stmt(self, stmt);
                }
                Stmt::FunctionDef(d) => self.0.push(d.name.as_str().to_owned()),
                Stmt::ClassDef(c) => self.0.push(c.name.as_str().to_owned()),
                Stmt::Delete(d) => d.targets.iter().for_each(|t| target_names(t, self.0)),
                Stmt::Match(m) => {
                    crate::scope::match_names(m, self.0);
                    walk_stmt(self, stmt);
                }
                Stmt::Global(g) => self.0.extend(g.names.iter().map(|n| n.as_str().to_owned())),
                Stmt::Nonlocal(g) => self.0.extend(g.names.iter().map(|n| n.as_str().to_owned())),
                Stmt::Import(i) => {
                    for alias in &i.names {
                        let name = alias.asname.as_ref().unwrap_or(&alias.name);
                        self.0
                            .push(name.as_str().split('.').next().unwrap_or("").to_owned());
                    }
                }
                Stmt::ImportFrom(i) => {
                    for alias in &i.names {
                        let name = alias.asname.as_ref().unwrap_or(&alias.name);
                        self.0.push(name.as_str().to_owned());
                    }
                }
                Stmt::Try(t) => {
                    for h in &t.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        if let Some(n) = &h.name {
                            self.0.push(n.as_str().to_owned());
                        }
                    }
                    walk_stmt(self, stmt);
                }
                _ => walk_stmt(self, stmt),
            }
        }
    }
    V(out).visit_stmt(stmt);
}

fn collect_self_fields(
    db: &dyn Db,
    init: &ast::StmtFunctionDef,
    class_name: &str,
    out: &mut Vec<Symbol>,
) {
    use ruff_python_ast::statement_visitor::{StatementVisitor, walk_stmt};
    let Some(self_name) = init
        .parameters
        .args
        .first()
        .map(|p| p.parameter.name.as_str().to_owned())
    else {
        return;
    };
    struct V<'a, 'o> {
        db: &'a dyn Db,
        self_name: String,
        class_name: &'a str,
        out: &'o mut Vec<Symbol>,
    }
    impl V<'_, '_> {
        fn target(&mut self, t: &Expr) {
            match t {
                Expr::Attribute(a) => {
                    if matches!(&*a.value, Expr::Name(n) if n.id.as_str() == self.self_name) {
                        // Private names are stored mangled (`self.__x` is `_C__x`).
                        let attr = a.attr.as_str();
                        let owner = self.class_name.trim_start_matches('_');
                        let sym =
                            if attr.starts_with("__") && !attr.ends_with("__") && !owner.is_empty()
                            {
                                self.db.intern(&format!("_{owner}{attr}"))
                            } else {
                                self.db.intern(attr)
                            };
                        if !self.out.contains(&sym) {
                            self.out.push(sym);
                        }
                    }
                }
                Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(e)),
                Expr::List(t) => t.elts.iter().for_each(|e| self.target(e)),
                _ => {}
            }
        }
    }
    impl<'a> StatementVisitor<'a> for V<'_, '_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Assign(a) => a.targets.iter().for_each(|t| self.target(t)),
                Stmt::AnnAssign(a) => self.target(&a.target),
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                _ => walk_stmt(self, stmt),
            }
        }
    }
    let mut v = V {
        db,
        self_name,
        class_name,
        out,
    };
    for s in &init.body {
        v.visit_stmt(s);
    }
}
