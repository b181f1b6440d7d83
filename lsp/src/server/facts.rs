//! What the compiler decided at each place of a file, in file byte offsets: the lane, reason
//! and result type of every MIR operation ([`OpFact`]), the types the body of each function
//! sees for its parameters ([`ParamFact`]), and the inferred type and lane of each variable
//! ([`VarFact`]). Inlay hints, hover and semantic tokens read them; [`file_facts`] is a cached
//! query over the optimized MIR (`molt_driver::report::located_functions`) and the syntax
//! tree, so those requests share one computation per file version.
//!
//! MIR has no variable names (locals are SSA values), so a variable is matched to MIR by
//! source ranges: an assignment's value expression has the range of the operation computing
//! it, an augmented assignment the range of its statement, a `for` loop the range of its
//! statement (`iter.next`, or the counter comparison of a counted loop). A binding whose
//! value cannot be matched (a removed dead store, a tuple unpacked from a call) makes the
//! variable's type unknown, and no hint is shown for it: hints only say what the compiler
//! knows.
//!
//! An operation compiled twice (a function versioned by an entry guard has a specialized
//! and a generic copy) is reported once, with its best copy (best lane, then a known type),
//! as coverage does.

use std::collections::HashMap;

use molt_db::{Db, SourceFile, parse};
use molt_mir::{Function, InstKind, Type};
use molt_remarks::Lane;
use ruff_python_ast::{self as ast, Expr, ModModule, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// One MIR operation located in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpFact {
    /// Its source range (file bytes).
    pub range: TextRange,
    /// The MIR operation, e.g. `add`, `call`, `const.int`.
    pub op: Box<str>,
    /// Its lane; `None` for bookkeeping that is not a source operation (constants, guards'
    /// assumptions, jumps).
    pub lane: Option<Lane>,
    /// Why it is not native (from `molt_mir::lanes`), if it is not.
    pub reason: Option<String>,
    /// The type of its result; for `iter.next`, the type of the items. `None` for an
    /// operation without a result.
    pub ty: Option<Type>,
    /// The MIR function (Python qualified name, e.g. `Point.norm`, `<module>`).
    pub function: Box<str>,
}

/// What the body of a function sees for one parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamFact {
    /// The parameter's name.
    pub name: Box<str>,
    /// Its type in the (specialized) body: the annotation's type when an entry guard checks
    /// it, else `dyn`.
    pub ty: Type,
    /// Whether an entry guard checks the annotation (the function is versioned).
    pub guarded: bool,
}

/// Where a variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    /// A parameter of a function.
    Parameter,
    /// A local variable of a function.
    Local,
    /// A module-level variable.
    Global,
}

/// The inferred type and lane of one variable (or parameter) of one scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarFact {
    /// The name.
    pub name: String,
    /// Qualified name of the function it belongs to (`<module>` for globals).
    pub scope: String,
    /// Parameter, local or global.
    pub kind: VarKind,
    /// The name's range at its first binding (the parameter, or the first assignment's
    /// target): where a hint goes, and how hover finds the fact.
    pub name_range: TextRange,
    /// The end of the annotation at the first binding, when it has one (hints for annotated
    /// names go after the annotation).
    pub annotation_end: Option<TextSize>,
    /// The annotation's source text, when it has one.
    pub annotation: Option<String>,
    /// The inferred type (the join over every binding), or `None` when some binding could
    /// not be matched to MIR.
    pub ty: Option<Type>,
    /// The slowest lane among the operations that compute its value (for a parameter:
    /// `guarded` when an entry guard checks it, `dynamic` when its type is unknown); `None`
    /// when only constants and copies assign it.
    pub lane: Option<Lane>,
    /// For parameters: an entry guard checks the annotation.
    pub guarded: bool,
}

/// Everything [`file_facts`] knows about a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileFacts {
    /// Every located operation, sorted by range start, then end.
    pub ops: Vec<OpFact>,
    /// Parameters of every MIR function, by the function's qualified name.
    pub params: HashMap<String, Vec<ParamFact>>,
    /// Every parameter and variable, in source order of their first binding.
    pub vars: Vec<VarFact>,
}

impl FileFacts {
    /// The operations whose range is exactly `range`.
    pub fn ops_at(&self, range: TextRange) -> impl Iterator<Item = &OpFact> {
        let start = self
            .ops
            .partition_point(|o| o.range.start() < range.start());
        self.ops[start..]
            .iter()
            .take_while(move |o| o.range.start() == range.start())
            .filter(move |o| o.range == range)
    }

    /// The variable whose first binding is the name at `name_range`.
    pub fn var_at(&self, name_range: TextRange) -> Option<&VarFact> {
        self.vars.iter().find(|v| v.name_range == name_range)
    }
}

/// The facts of `file` (see the module docs). Cached per file version.
#[salsa::tracked(returns(ref))]
pub fn file_facts(db: &dyn Db, file: SourceFile) -> FileFacts {
    let len = file.text(db).len() as u32;
    let mut ops: Vec<OpFact> = Vec::new();
    let mut params = HashMap::new();
    for located in molt_driver::report::located_functions(db, file) {
        let func = &located.optimized.func;
        params.insert(func.name.to_string(), param_facts(func));
        let mut best: HashMap<(TextRange, String), usize> = HashMap::new();
        for &block in &func.layout {
            let Some(block_data) = func.blocks.get(block.index()) else {
                continue;
            };
            for &inst in &block_data.insts {
                let Some(data) = func.insts.get(inst.index()) else {
                    continue;
                };
                let (start, end) = located.file_range(data.span);
                if start >= end || end > len {
                    continue;
                }
                let lane = molt_mir::lanes::lane(func, data);
                let ty = match &data.kind {
                    InstKind::IterNext(_, on_item, _) => func
                        .blocks
                        .get(on_item.block.index())
                        .and_then(|b| b.params.first())
                        .map(|v| func.ty(*v).clone()),
                    _ => data.result.map(|v| func.ty(v).clone()),
                };
                if lane.is_none() && ty.is_none() {
                    continue;
                }
                let text = molt_mir::display::kind_text(&data.kind);
                let op = text.split_whitespace().next().unwrap_or("").to_owned();
                let (lane, reason) = match lane {
                    Some((l, reason)) => {
                        let l = remarks_lane(l);
                        (Some(l), if l == Lane::Native { None } else { reason })
                    }
                    None => (None, None),
                };
                let fact = OpFact {
                    range: TextRange::new(start.into(), end.into()),
                    op: op.clone().into(),
                    lane,
                    reason,
                    ty,
                    function: func.name.clone(),
                };
                match best.entry((fact.range, op)) {
                    std::collections::hash_map::Entry::Occupied(e) => {
                        let existing = &mut ops[*e.get()];
                        if rank(&fact) < rank(existing) {
                            *existing = fact;
                        }
                    }
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(ops.len());
                        ops.push(fact);
                    }
                }
            }
        }
    }
    ops.sort_by_key(|o| (o.range.start(), o.range.end()));
    let mut facts = FileFacts {
        ops,
        params,
        vars: Vec::new(),
    };
    let parsed = parse(db, file);
    let text = file.text(db);
    facts.vars = variables(parsed.parsed().syntax(), text, &facts);
    facts
}

/// The better of two copies of one operation sorts first: faster lane, then a known type.
fn rank(fact: &OpFact) -> (Option<Lane>, bool) {
    (fact.lane, fact.ty == Some(Type::Dyn))
}

/// `molt_mir`'s lane as the remarks model's.
pub fn remarks_lane(lane: molt_mir::lanes::Lane) -> Lane {
    match lane {
        molt_mir::lanes::Lane::Native => Lane::Native,
        molt_mir::lanes::Lane::Guarded => Lane::Guarded,
        molt_mir::lanes::Lane::Runtime => Lane::Runtime,
        molt_mir::lanes::Lane::Dynamic => Lane::Dynamic,
    }
}

fn param_facts(func: &Function) -> Vec<ParamFact> {
    let entry: &[molt_mir::Value] = func
        .layout
        .first()
        .and_then(|b| func.blocks.get(b.index()))
        .map(|b| b.params.as_slice())
        .unwrap_or(&[]);
    func.params
        .iter()
        .enumerate()
        .map(|(i, param)| {
            let Some(&value) = entry.get(i) else {
                return ParamFact {
                    name: param.name.clone(),
                    ty: Type::Dyn,
                    guarded: false,
                };
            };
            let mut guarded = false;
            let mut assumed = None;
            for data in &func.insts {
                match &data.kind {
                    InstKind::IsType(v, _) if *v == value => guarded = true,
                    InstKind::Assume(v, t) if *v == value => assumed = Some(t.clone()),
                    _ => {}
                }
            }
            // An assumption survives only where a guard dominates it (ARCHITECTURE.md).
            let ty = match (guarded, assumed) {
                (true, Some(t)) => t,
                _ => func.ty(value).clone(),
            };
            ParamFact {
                name: param.name.clone(),
                ty,
                guarded,
            }
        })
        .collect()
}

/// The Python spelling of a MIR type for users: `int`, `list[float]`, `Any` for an unknown
/// type. `None` for `never` (no value reaches there).
pub fn python_type(ty: &Type) -> Option<String> {
    let inner = |t: &Type| python_type(t).unwrap_or_else(|| "Any".to_owned());
    Some(match ty {
        Type::Never => return None,
        Type::Dyn => "Any".to_owned(),
        Type::None => "None".to_owned(),
        Type::Bool => "bool".to_owned(),
        Type::Int => "int".to_owned(),
        Type::Float => "float".to_owned(),
        Type::Str => "str".to_owned(),
        Type::List(t) => format!("list[{}]", inner(t)),
        Type::Tuple(ts) if ts.is_empty() => "tuple[()]".to_owned(),
        Type::Tuple(ts) => format!(
            "tuple[{}]",
            ts.iter().map(inner).collect::<Vec<_>>().join(", ")
        ),
        Type::Dict(k, v) => format!("dict[{}, {}]", inner(k), inner(v)),
        Type::Set(t) => format!("set[{}]", inner(t)),
        Type::Range => "range".to_owned(),
        Type::Iter(t) => format!("Iterator[{}]", inner(t)),
        Type::Instance(c) => c.to_string(),
        Type::Class(c) => format!("type[{c}]"),
        Type::Function(_) => "function".to_owned(),
    })
}

/// Every `def` of `module` with its Python qualified name (`f`, `C.m`, `f.<locals>.g`, as MIR
/// functions and coverage name them) and whether it is a method (directly in a class body),
/// in source order.
pub fn defs(module: &ModModule) -> Vec<(String, &ast::StmtFunctionDef, bool)> {
    let mut out = Vec::new();
    collect_defs(&module.body, "", false, &mut out);
    out
}

fn collect_defs<'a>(
    body: &'a [Stmt],
    prefix: &str,
    in_class: bool,
    out: &mut Vec<(String, &'a ast::StmtFunctionDef, bool)>,
) {
    for stmt in body {
        match stmt {
            Stmt::FunctionDef(def) => {
                let qualname = format!("{prefix}{}", def.name.as_str());
                let inner = format!("{qualname}.<locals>.");
                out.push((qualname, def, in_class));
                collect_defs(&def.body, &inner, false, out);
            }
            Stmt::ClassDef(class) => {
                let inner = format!("{prefix}{}.", class.name.as_str());
                collect_defs(&class.body, &inner, true, out);
            }
            _ => {
                for_each_child_body(stmt, |b| collect_defs(b, prefix, in_class, out));
            }
        }
    }
}

/// Calls `f` on every statement list directly inside a compound statement (not a `def` or
/// `class` body).
fn for_each_child_body<'a>(stmt: &'a Stmt, mut f: impl FnMut(&'a [Stmt])) {
    match stmt {
        Stmt::If(s) => {
            f(&s.body);
            for clause in &s.elif_else_clauses {
                f(&clause.body);
            }
        }
        Stmt::While(s) => {
            f(&s.body);
            f(&s.orelse);
        }
        Stmt::For(s) => {
            f(&s.body);
            f(&s.orelse);
        }
        Stmt::With(s) => f(&s.body),
        Stmt::Try(s) => {
            f(&s.body);
            for handler in &s.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = handler;
                f(&h.body);
            }
            f(&s.orelse);
            f(&s.finalbody);
        }
        Stmt::Match(s) => {
            for case in &s.cases {
                f(&case.body);
            }
        }
        _ => {}
    }
}

/// Where one binding of a variable gets its value.
#[derive(Clone, Debug)]
enum Source {
    /// The operation at exactly this range (an assignment's value expression).
    Expr(TextRange),
    /// A copy of another variable of the same scope.
    Name(String),
    /// An augmented assignment: the in-place operation has the statement's range.
    AugAssign(TextRange),
    /// The target of a `for` statement with this range.
    Loop(TextRange),
    /// Something the facts cannot see (unpacking a call's result, `with ... as`, ...).
    Unknown,
}

struct Binding {
    name: String,
    name_range: TextRange,
    annotation: Option<TextRange>,
    source: Source,
}

/// The parameters and variables of every scope of `module`.
fn variables(module: &ModModule, text: &str, facts: &FileFacts) -> Vec<VarFact> {
    let mut out = Vec::new();
    scope_vars("<module>", None, &module.body, text, facts, &mut out);
    for (qualname, def, is_method) in defs(module) {
        let params = facts.params.get(&qualname);
        for (i, p) in def.parameters.iter().enumerate() {
            let variadic = def
                .parameters
                .vararg
                .as_deref()
                .is_some_and(|v| std::ptr::eq(v, p.as_parameter()))
                || def
                    .parameters
                    .kwarg
                    .as_deref()
                    .is_some_and(|v| std::ptr::eq(v, p.as_parameter()));
            let parameter = p.as_parameter();
            if variadic || (is_method && i == 0 && parameter.annotation.is_none()) {
                continue;
            }
            let name = parameter.name.as_str();
            let Some(fact) = params.and_then(|ps| ps.iter().find(|f| &*f.name == name)) else {
                continue;
            };
            let lane = if fact.guarded {
                Lane::Guarded
            } else if fact.ty == Type::Dyn {
                Lane::Dynamic
            } else {
                Lane::Native
            };
            let annotation = parameter.annotation.as_deref().map(Ranged::range);
            out.push(VarFact {
                name: name.to_owned(),
                scope: qualname.clone(),
                kind: VarKind::Parameter,
                name_range: parameter.name.range,
                annotation_end: annotation.map(|r| r.end()),
                annotation: annotation.and_then(|r| text.get(r.to_std_range()).map(str::to_owned)),
                ty: Some(fact.ty.clone()),
                lane: Some(lane),
                guarded: fact.guarded,
            });
        }
        scope_vars(&qualname, Some(def), &def.body, text, facts, &mut out);
    }
    out.sort_by_key(|v| v.name_range.start());
    out
}

/// The variables bound in one scope's `body` (not in nested scopes).
fn scope_vars(
    scope: &str,
    function: Option<&ast::StmtFunctionDef>,
    body: &[Stmt],
    text: &str,
    facts: &FileFacts,
    out: &mut Vec<VarFact>,
) {
    let mut bindings = Vec::new();
    let mut declared = Vec::new();
    collect_bindings(body, &mut bindings, &mut declared);
    let params: Vec<&str> = function
        .map(|f| {
            f.parameters
                .iter()
                .map(|p| p.as_parameter().name.as_str())
                .collect()
        })
        .unwrap_or_default();
    let kind = if function.is_some() {
        VarKind::Local
    } else {
        VarKind::Global
    };
    // name → index in `vars`, in order of first binding.
    let mut vars: Vec<VarFact> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for b in bindings {
        if declared.contains(&b.name) || params.contains(&b.name.as_str()) {
            continue;
        }
        let (ty, lane) = resolve_source(scope, &b.source, facts, &vars, &index, out);
        match index.get(&b.name) {
            Some(&i) => {
                let var = &mut vars[i];
                var.ty = match (&var.ty, ty) {
                    (Some(a), Some(b)) => Some(a.join(&b)),
                    _ => None,
                };
                var.lane = var.lane.max(lane);
            }
            None => {
                index.insert(b.name.clone(), vars.len());
                vars.push(VarFact {
                    name: b.name,
                    scope: scope.to_owned(),
                    kind,
                    name_range: b.name_range,
                    annotation_end: b.annotation.map(|r| r.end()),
                    annotation: b
                        .annotation
                        .and_then(|r| text.get(r.to_std_range()).map(str::to_owned)),
                    ty,
                    lane,
                    guarded: false,
                });
            }
        }
    }
    out.extend(vars);
}

/// The type and lane one binding contributes (`None` type: unknown).
fn resolve_source(
    scope: &str,
    source: &Source,
    facts: &FileFacts,
    vars: &[VarFact],
    index: &HashMap<String, usize>,
    params: &[VarFact],
) -> (Option<Type>, Option<Lane>) {
    let in_scope = |o: &&OpFact| &*o.function == scope;
    match source {
        Source::Expr(range) => {
            let mut ops: Vec<&OpFact> = facts.ops_at(*range).filter(in_scope).collect();
            ops.retain(|o| o.ty.is_some());
            // The outermost operation of an expression is computed last; a condition's truth
            // test is not the value.
            let op = ops.iter().rev().find(|o| &*o.op != "truthy").or(ops.last());
            match op {
                Some(o) => (o.ty.clone(), o.lane),
                None => (None, None),
            }
        }
        Source::AugAssign(range) => {
            let op = facts
                .ops_at(*range)
                .filter(in_scope)
                .find(|o| o.ty.is_some() && o.lane.is_some());
            match op {
                Some(o) => (o.ty.clone(), o.lane),
                None => (None, None),
            }
        }
        Source::Loop(range) => {
            let ops: Vec<&OpFact> = facts.ops_at(*range).filter(in_scope).collect();
            if let Some(next) = ops.iter().find(|o| &*o.op == "iter.next") {
                (next.ty.clone(), next.lane)
            } else if let Some(cmp) = ops.iter().find(|o| o.op.starts_with("cmp.")) {
                // A counted loop: the target is the int counter.
                (Some(Type::Int), cmp.lane)
            } else {
                (None, None)
            }
        }
        Source::Name(name) => {
            if let Some(&i) = index.get(name) {
                (vars[i].ty.clone(), None)
            } else if let Some(p) = params
                .iter()
                .rev()
                .find(|p| p.kind == VarKind::Parameter && p.scope == scope && &p.name == name)
            {
                (p.ty.clone(), None)
            } else {
                (None, None)
            }
        }
        Source::Unknown => (None, None),
    }
}

fn collect_bindings(body: &[Stmt], out: &mut Vec<Binding>, declared: &mut Vec<String>) {
    for stmt in body {
        match stmt {
            Stmt::Assign(s) => {
                for target in &s.targets {
                    bind_target(target, Some(&s.value), out);
                }
            }
            Stmt::AnnAssign(s) => {
                if let Expr::Name(n) = &*s.target {
                    out.push(Binding {
                        name: n.id.to_string(),
                        name_range: n.range,
                        annotation: Some(s.annotation.range()),
                        source: match &s.value {
                            Some(v) => value_source(v),
                            None => continue,
                        },
                    });
                }
            }
            Stmt::AugAssign(s) => {
                if let Expr::Name(n) = &*s.target {
                    out.push(Binding {
                        name: n.id.to_string(),
                        name_range: n.range,
                        annotation: None,
                        source: Source::AugAssign(s.range),
                    });
                }
            }
            Stmt::For(s) => {
                match &*s.target {
                    Expr::Name(n) => out.push(Binding {
                        name: n.id.to_string(),
                        name_range: n.range,
                        annotation: None,
                        source: Source::Loop(s.range),
                    }),
                    other => bind_target(other, None, out),
                }
                collect_bindings(&s.body, out, declared);
                collect_bindings(&s.orelse, out, declared);
            }
            Stmt::With(s) => {
                for item in &s.items {
                    if let Some(target) = &item.optional_vars {
                        bind_target(target, None, out);
                    }
                }
                collect_bindings(&s.body, out, declared);
            }
            Stmt::Match(s) => {
                // Names a `case` pattern captures: values of unknown source.
                use ruff_python_ast::visitor::{Visitor, walk_pattern};
                struct Captures<'o>(&'o mut Vec<Binding>);
                impl<'a> Visitor<'a> for Captures<'_> {
                    fn visit_pattern(&mut self, pattern: &'a ast::Pattern) {
                        walk_pattern(self, pattern);
                        let name = match pattern {
                            ast::Pattern::MatchAs(p) => p.name.as_ref(),
                            ast::Pattern::MatchStar(p) => p.name.as_ref(),
                            ast::Pattern::MatchMapping(p) => p.rest.as_ref(),
                            _ => None,
                        };
                        if let Some(name) = name {
                            self.0.push(Binding {
                                name: name.to_string(),
                                name_range: name.range(),
                                annotation: None,
                                source: Source::Unknown,
                            });
                        }
                    }
                }
                for case in &s.cases {
                    Captures(out).visit_pattern(&case.pattern);
                    collect_bindings(&case.body, out, declared);
                }
            }
            Stmt::Global(s) => declared.extend(s.names.iter().map(|n| n.to_string())),
            Stmt::Nonlocal(s) => declared.extend(s.names.iter().map(|n| n.to_string())),
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            _ => for_each_child_body(stmt, |b| collect_bindings(b, out, declared)),
        }
    }
}

fn value_source(value: &Expr) -> Source {
    match value {
        Expr::Name(n) => Source::Name(n.id.to_string()),
        other => Source::Expr(other.range()),
    }
}

/// Bindings of an assignment target; `value` is the assigned expression when known.
fn bind_target(target: &Expr, value: Option<&Expr>, out: &mut Vec<Binding>) {
    match target {
        Expr::Name(n) => out.push(Binding {
            name: n.id.to_string(),
            name_range: n.range,
            annotation: None,
            source: value.map_or(Source::Unknown, value_source),
        }),
        Expr::Tuple(ast::ExprTuple { elts: targets, .. })
        | Expr::List(ast::ExprList { elts: targets, .. }) => {
            let values = match value {
                Some(Expr::Tuple(ast::ExprTuple { elts, .. }))
                | Some(Expr::List(ast::ExprList { elts, .. }))
                    if elts.len() == targets.len()
                        && !elts.iter().chain(targets.iter()).any(Expr::is_starred_expr) =>
                {
                    Some(elts)
                }
                _ => None,
            };
            for (i, t) in targets.iter().enumerate() {
                bind_target(t, values.and_then(|v| v.get(i)), out);
            }
        }
        Expr::Starred(s) => bind_target(&s.value, None, out),
        _ => {}
    }
}

/// The label and tooltip of a variable's inlay hint, or `None` when there is nothing useful
/// to show (unknown type, or an annotation that says it all).
pub fn hint_label(var: &VarFact) -> Option<(String, String)> {
    let ty = python_type(var.ty.as_ref()?)?;
    let lane = var.lane.map(|l| format!(" · {l}")).unwrap_or_default();
    let label = match &var.annotation {
        None => format!(": {ty}{lane}"),
        Some(a) if normalize(a) == normalize(&ty) => {
            if lane.is_empty() {
                return None;
            }
            lane
        }
        Some(_) => format!(" · {ty}{lane}"),
    };
    Some((label, describe(var)))
}

fn normalize(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A sentence saying what the compiler knows about `var` (for tooltips and hover).
pub fn describe(var: &VarFact) -> String {
    let name = &var.name;
    let ty = var.ty.as_ref().and_then(python_type);
    match (var.kind, ty) {
        (_, None) => format!("The compiler could not infer a type for `{name}`."),
        (VarKind::Parameter, Some(ty)) if var.guarded => format!(
            "`{name}: {ty}` is checked once on entry (lane guarded); the body is compiled for {ty}, with a generic copy for other arguments."
        ),
        (VarKind::Parameter, Some(ty)) if ty == "Any" => match &var.annotation {
            Some(a) => format!(
                "The compiler does not check or use the annotation `{a}`: `{name}` has an unknown type, so operations on it dispatch at run time (lane dynamic)."
            ),
            None => format!(
                "`{name}` has no type annotation: operations on it dispatch on its type at run time (lane dynamic). If it holds an int, a float or a bool, annotating it (`{name}: int`) compiles them natively."
            ),
        },
        (_, Some(ty)) => match var.lane {
            Some(lane) => format!(
                "`{name}` is inferred as {ty}; the slowest operation computing it is {lane}."
            ),
            None => format!("`{name}` is inferred as {ty}."),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use molt_db::RootDatabase;

    fn facts_of(text: &str) -> FileFacts {
        let db = RootDatabase::default();
        let file = SourceFile::new(&db, "t.py".into(), text.to_owned(), None);
        file_facts(&db, file).clone()
    }

    fn var<'a>(facts: &'a FileFacts, scope: &str, name: &str) -> &'a VarFact {
        facts
            .vars
            .iter()
            .find(|v| v.scope == scope && v.name == name)
            .unwrap_or_else(|| panic!("no {scope}.{name} in {:#?}", facts.vars))
    }

    #[test]
    fn locals_and_parameters() {
        let facts = facts_of(
            "def add(a: int, b: int) -> int:\n    total = a + b\n    return total\n\n\
             def scale(x, k):\n    y = x * k\n    z = y + 1.5\n    return z\n\n\
             def loop(n: int) -> int:\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n",
        );
        let total = var(&facts, "add", "total");
        assert_eq!(
            hint_label(total).map(|l| l.0),
            Some(": int · guarded".into())
        );
        let a = var(&facts, "add", "a");
        assert!(a.guarded);
        assert_eq!(hint_label(a).map(|l| l.0), Some(" · guarded".into()));
        let x = var(&facts, "scale", "x");
        assert_eq!(hint_label(x).map(|l| l.0), Some(": Any · dynamic".into()));
        // `y + 1.5`: native when `y` holds a float or a small int at run time.
        let z = var(&facts, "scale", "z");
        assert_eq!(hint_label(z).map(|l| l.0), Some(": Any · guarded".into()));
        let s = var(&facts, "loop", "s");
        assert_eq!(hint_label(s).map(|l| l.0), Some(": int · guarded".into()));
        let i = var(&facts, "loop", "i");
        assert_eq!(i.ty, Some(Type::Int));
    }

    #[test]
    fn unmatched_bindings_give_no_type() {
        let facts = facts_of("def f(t):\n    a, b = t\n    return a\n");
        assert_eq!(var(&facts, "f", "a").ty, None);
        assert!(hint_label(var(&facts, "f", "a")).is_none());
    }

    #[test]
    fn qualified_names() {
        let parsed =
            molt_db::parse_python("def f():\n    def g(): pass\nclass C:\n    def m(self): pass\n");
        let names: Vec<_> = defs(parsed.syntax())
            .into_iter()
            .map(|d| (d.0, d.2))
            .collect();
        assert_eq!(
            names,
            vec![
                ("f".to_owned(), false),
                ("f.<locals>.g".to_owned(), false),
                ("C.m".to_owned(), true)
            ]
        );
    }
}
