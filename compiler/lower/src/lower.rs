//! Lowering of Python statements and expressions to MIR.
//!
//! One [`Lowerer`] per item (or module skeleton) produces the item's MIR functions (the item
//! itself plus nested functions, lambdas and generator expressions) and its diagnostics:
//! undefined names, wrong argument counts for known callees, and every construct outside the
//! supported subset, named in the message. Unsupported constructs lower to a `raise` of a
//! `NotImplementedError` so the IR stays well-formed; the diagnostic makes the build fail.
//!
//! Locals live in SSA form (see [`crate::builder`]) unless the function has `try`, `with` or
//! `del`, in which case they live in named slots (`slot.load`/`slot.store`), so that exception
//! handlers see the latest values; locals captured by nested functions live in cells.

use molt_db::{Db, Symbol};
use molt_mir::{
    BinaryOp, BlockCall, CallArgs, CmpOp, Constant, Conversion, Function, InstKind, IntConst,
    Param, ParamKind, Span, Type, UnaryOp, Value,
};
use molt_semantic::index::Annotation;
use molt_semantic::scope::{Resolution, Scope, ScopeBody, target_names};
use molt_semantic::{Diagnostic, DiagnosticCode, ModuleIndex, builtins};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashMap;

use crate::builder::FnBuilder;

mod except_star;
mod matching;

/// The runtime's hidden builtin that starts a class statement with bases or keywords
/// (`molt_runtime::class::CLASS_PREPARE`): not a Python identifier, so no program can name
/// or shadow it.
const CLASS_PREPARE: &str = "<class prepare>";

/// Shared state for lowering one item: the outputs and what every function needs to know.
pub struct Lowerer<'a> {
    db: &'a dyn Db,
    index: &'a ModuleIndex,
    /// The text the tree was parsed from (for `f"{x=}"`).
    source: &'a str,
    /// Bytes to subtract from tree offsets to get item-relative offsets.
    prefix: u32,
    /// Lowered functions, the item's own first.
    pub functions: Vec<Function>,
    /// Diagnostics, with item-relative ranges.
    pub diagnostics: Vec<Diagnostic>,
    used_names: FxHashMap<String, u32>,
    /// The scope of each class body being lowered (innermost last, see
    /// [`Scope::of_class`]): the names it binds (not builtins there), declares `global` or
    /// `nonlocal`, and reads from enclosing functions.
    class_bound: Vec<Scope>,
    /// The innermost enclosing class, whose name private names are mangled with.
    mangle_class: Option<String>,
    /// Names of the item functions `<module>` creates, given in the order of
    /// [`molt_semantic::items::module_items`].
    item_names: molt_semantic::items::ItemNames,
    /// The free variables of the method items that have some (only `__class__`, the
    /// implicit cell of zero-argument `super()`), by item name; `<module>` passes them
    /// the class's cell when it makes the function.
    method_freevars: FxHashMap<String, Vec<String>>,
    /// `from __future__ import annotations`: module and class annotations are stored as
    /// strings (`crate::annotations`), never evaluated.
    future_annotations: bool,
    /// Diagnostics that depend on the names a `from m import *` of this module binds
    /// (item-relative ranges), decided per program by `crate::star_import_diagnostics`.
    pub star_conditions: Vec<crate::StarCondition>,
}

/// The runtime reads a bound-check or cell name with a space as `"name message"`: an empty
/// variable then raises `RuntimeError(message)` instead of the `UnboundLocalError` or
/// `NameError` naming the variable (see `molt_raise_unbound`, `molt_cell_get`).
fn name_with_runtime_error(name: &str, message: &str) -> Box<str> {
    format!("{name} {message}").into()
}

/// Whether `e` is a literal whose evaluation cannot run code or raise (a number, string,
/// bytes, `True`/`False`/`None` or `...`).
fn is_literal(e: &Expr) -> bool {
    matches!(
        e,
        Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

/// CPython's implicit `__class__` cell: a function defined directly in a class body that
/// uses `__class__` (or reads `super`) without binding it gets it from the class.
fn with_class_cell(mut scope: Scope) -> Scope {
    const CLASS: &str = "__class__";
    if scope.free_candidates.iter().any(|n| n == CLASS)
        && !scope.locals.iter().any(|n| n == CLASS)
        && !scope.globals.contains(CLASS)
    {
        scope.nonlocals.insert(CLASS.to_owned());
    }
    scope
}

/// How a class body reaches a name (see [`Lowerer::class_body_name`]).
enum ClassBodyName {
    /// The class namespace, then the module's globals, then the builtins.
    Namespace,
    /// Declared `global` in the class body.
    Global,
    /// Declared `nonlocal` in the class body: the enclosing function's cell.
    Nonlocal(Value),
    /// Read without being bound in the class body, and bound by an enclosing function:
    /// the namespace if it has the key, else the function's cell.
    Free(Value),
}

/// The `cell.load` name of a read, in a class body, of a cell of the function the body is
/// inlined in (see [`molt_mir::CLASS_FREE_PREFIX`]).
fn class_free_name(name: &str) -> Box<str> {
    format!("{}{name}", molt_mir::CLASS_FREE_PREFIX).into()
}

/// What kind of code a function body is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `<module>`: names are globals.
    Module,
    /// A function (its locals in SSA, slots or cells).
    Function,
}

/// Code to run when control leaves a `try`/`with` early (`return`, `break`, `continue`).
#[derive(Clone)]
enum Cleanup<'t> {
    /// A `finally` body.
    Finally(&'t [Stmt]),
    /// `exit(None, None, None)` of a `with`.
    WithExit(Value),
    /// The end of an `except E as name:` clause: `name = None; del name` (CPython's
    /// cleanup, which works even after the body deleted the name).
    Unbind(&'t str),
}

struct CleanupFrame<'t> {
    cleanup: Cleanup<'t>,
    /// The handler in force outside the `try`.
    outer_handler: Option<molt_mir::Block>,
}

struct LoopFrame {
    /// The `for` loop's iterator: a temporary that `break` and `return` drop (CPython pops
    /// it from the value stack there).
    iterator: Option<Value>,
    /// A `while` loop with a constant true test: it is left only by `break`, `return` or an
    /// exception, so its back edges keep the frame's locals alive (see
    /// [`Lowerer::frame_locals`]).
    endless: bool,
    continue_to: molt_mir::Block,
    break_to: molt_mir::Block,
    cleanup_depth: usize,
    /// Exception handlers in progress around the loop.
    handler_level: u32,
}

/// State for one function being lowered.
struct FnState<'t> {
    b: FnBuilder,
    kind: Kind,
    qualname: String,
    scope: Scope,
    enclosing: Vec<Scope>,
    use_slots: bool,
    cells: FxHashMap<String, Value>,
    loops: Vec<LoopFrame>,
    cleanups: Vec<CleanupFrame<'t>>,
    /// Exception handlers in progress (`except` bodies, `finally` blocks and `with` exits run
    /// for an exception): the level `exc.enter`/`exc.leave` carry.
    handler_level: u32,
    /// Exceptions being handled (innermost last), for bare `raise`.
    current_exc: Vec<Value>,
    /// Comprehension variables in scope: source name → SSA variable name.
    renames: Vec<(String, String)>,
    /// The function's local names (SSA variables or slots) in CPython's frame order: the
    /// parameters, then each other local where lowering first meets it (CPython's
    /// `co_varnames`, which the frame releases in this order when it exits).
    local_order: Vec<String>,
    rename_counter: u32,
    /// Class namespace while lowering a class body.
    class_ns: Option<Value>,
    /// `def`s met directly in the statement list being lowered are items (see
    /// [`molt_semantic::items`]): true for the module body and top-level class bodies.
    defs_are_items: bool,
    /// The name of the first positional parameter, the object zero-argument `super()`
    /// uses (CPython reads its current value, `co_argcount == 0` means none).
    first_arg: Option<String>,
    /// Iterators of the first iterables of the comprehensions inlined here (innermost
    /// last): CPython runs a comprehension as a function whose first argument is that
    /// iterator, so zero-argument `super()` inside one uses it.
    comp_iters: Vec<Value>,
    /// Frames CPython has for code inlined here (see [`molt_mir::InlinedFrame`]).
    inlined_frames: Vec<molt_mir::InlinedFrame>,
    /// The innermost comprehension (`"list comprehension"`, ..., `"generator expression"`)
    /// whose own scope the code being lowered is in: `yield` there is CPython's
    /// `SyntaxError: 'yield' inside list comprehension`.
    comprehension: Option<&'static str>,
}

impl<'a> Lowerer<'a> {
    /// A lowerer for one item; `prefix` is subtracted from every tree offset.
    pub fn new(
        db: &'a dyn Db,
        index: &'a ModuleIndex,
        source: &'a str,
        prefix: u32,
    ) -> Lowerer<'a> {
        Lowerer {
            db,
            index,
            source,
            prefix,
            functions: Vec::new(),
            diagnostics: Vec::new(),
            used_names: FxHashMap::default(),
            class_bound: Vec::new(),
            mangle_class: None,
            item_names: Default::default(),
            method_freevars: FxHashMap::default(),
            future_annotations: false,
            star_conditions: Vec::new(),
        }
    }

    /// Gives the free variables of method items (see [`Lowerer::method_freevars`]) before
    /// [`Lowerer::lower_module`].
    pub fn set_method_freevars(&mut self, freevars: FxHashMap<String, Vec<String>>) {
        self.method_freevars = freevars;
    }

    /// CPython's private name mangling: inside a class `C`, an identifier `__x` (two leading
    /// underscores, not two trailing ones) means `_C__x` (leading underscores of the class
    /// name dropped; a class named only with underscores mangles nothing).
    fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        match &self.mangle_class {
            Some(class)
                if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') =>
            {
                let owner = class.trim_start_matches('_');
                if owner.is_empty() {
                    name.into()
                } else {
                    format!("_{owner}{name}").into()
                }
            }
            _ => name.into(),
        }
    }

    fn span(&self, range: TextRange) -> Span {
        Span::new(
            range.start().to_u32().saturating_sub(self.prefix),
            range.end().to_u32().saturating_sub(self.prefix),
        )
    }

    fn rel(&self, range: TextRange) -> TextRange {
        let s = self.span(range);
        TextRange::new(s.start.into(), s.end.into())
    }

    fn error(&mut self, code: DiagnosticCode, range: TextRange, message: impl Into<String>) {
        let range = self.rel(range);
        self.diagnostics
            .push(Diagnostic::error(code, range, message));
    }

    /// In a module with `from m import *`: reports the error unless (`when_bound` false) or
    /// only if (`when_bound` true) a star import binds `name`, which the program decides.
    fn star_condition(
        &mut self,
        name: &str,
        when_bound: bool,
        code: DiagnosticCode,
        range: TextRange,
        message: impl Into<String>,
    ) {
        let range = self.rel(range);
        self.star_conditions.push(crate::StarCondition {
            name: name.into(),
            when_bound,
            diagnostic: Diagnostic::error(code, range, message),
        });
    }

    /// [`Self::check_supported_builtin`] for a name no global of this module binds: in a
    /// module with a star import, only if no star import binds it.
    fn check_builtin_unless_star(&mut self, name: &str, range: TextRange) -> bool {
        if !self.index.star_import {
            return self.check_supported_builtin(name, range);
        }
        let Some(what) = builtins::unsupported_builtin(name) else {
            return false;
        };
        self.star_condition(
            name,
            false,
            DiagnosticCode::UnsupportedBuiltin,
            range,
            format!("the builtin `{name}` ({what}) is not supported yet"),
        );
        true
    }

    fn unsupported(&mut self, range: TextRange, what: &str) {
        self.error(
            DiagnosticCode::UnsupportedSyntax,
            range,
            format!("{what} is not supported yet"),
        );
    }

    /// Reports `name` if it is a builtin of CPython that the runtime does not provide (see
    /// [`builtins::UNSUPPORTED_BUILTINS`]); returns whether it did.
    fn check_supported_builtin(&mut self, name: &str, range: TextRange) -> bool {
        let Some(what) = builtins::unsupported_builtin(name) else {
            return false;
        };
        self.error(
            DiagnosticCode::UnsupportedBuiltin,
            range,
            format!("the builtin `{name}` ({what}) is not supported yet"),
        );
        true
    }

    fn unique_name(&mut self, name: String) -> String {
        let n = self.used_names.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { name } else { format!("{name}#{n}") }
    }

    /// Lowers the module skeleton's statements into `<module>`.
    pub fn lower_module(&mut self, body: &[Stmt]) {
        // Functions nested in module code (a `def` under `if`) must not take the names of
        // items: count the items first.
        let mut items = molt_semantic::items::ItemNames::default();
        for stmt in body {
            match stmt {
                Stmt::FunctionDef(def) => {
                    items.next(None, def.name.as_str());
                }
                Stmt::ClassDef(class) => {
                    for s in &class.body {
                        if let Stmt::FunctionDef(def) = s {
                            items.next(Some(class.name.as_str()), def.name.as_str());
                        }
                    }
                }
                _ => {}
            }
        }
        for (name, n) in items.counts() {
            self.used_names.insert(name.to_owned(), n);
        }
        let name = self.unique_name("<module>".to_owned());
        let mut st = FnState::new(
            FnBuilder::new(&name, 0),
            Kind::Module,
            name,
            Scope::default(),
            Vec::new(),
        );
        st.defs_are_items = true;
        self.future_annotations = crate::annotations::has_future_annotations(body);
        // The module's `__doc__` (the runtime starts `__main__` with `None`).
        if let Some(d) = molt_semantic::items::docstring(body) {
            let doc = self.constant(&mut st, Constant::Str(d.into()), Span::default());
            st.b.ins(
                InstKind::GlobalStore("__doc__".into(), doc),
                Span::default(),
            );
        }
        self.setup_annotations(&mut st, body, Span::default());
        self.stmts(&mut st, body);
        let none = self.constant(&mut st, Constant::None, Span::default());
        st.b.terminate(InstKind::Return(none), Span::default());
        self.finish(st, Vec::new(), Vec::new(), false);
    }

    /// Lowers a `def` (an item, or a function nested in one). `enclosing` are the scopes of
    /// enclosing functions (innermost last). Returns the MIR name and its free variables.
    pub fn lower_def(
        &mut self,
        def: &ast::StmtFunctionDef,
        qualname: String,
        class_name: Option<String>,
        enclosing: Vec<Scope>,
    ) -> (String, Vec<String>) {
        if def.is_async {
            self.unsupported(def.range(), "`async def`");
        }
        if def.type_params.is_some() {
            self.unsupported(def.range(), "a generic function (type parameters)");
        }
        let mut scope = Scope::of_function(Some(&def.parameters), ScopeBody::Stmts(&def.body));
        if class_name.is_some() {
            scope = with_class_cell(scope);
        }
        let name = self.unique_name(qualname);
        let saved_mangle = self.mangle_class.clone();
        if class_name.is_some() {
            self.mangle_class = class_name.clone();
        }
        let params = mir_params(&def.parameters);
        let mut st = FnState::new(
            FnBuilder::new(&name, params.len()),
            Kind::Function,
            name.clone(),
            scope,
            enclosing,
        );
        let annotations: Vec<Option<&Expr>> =
            def.parameters.iter().map(|p| p.annotation()).collect();
        self.prologue(&mut st, &params, &annotations);
        self.stmts(&mut st, &def.body);
        self.implicit_return(&mut st);
        let freevars = self.freevars_of(&st);
        let is_gen = st.scope.is_generator;
        self.finish(st, params, freevars.clone(), is_gen);
        self.mangle_class = saved_mangle;
        (name, freevars)
    }

    fn implicit_return(&mut self, st: &mut FnState<'_>) {
        if !st.b.is_terminated() {
            let none = self.constant(st, Constant::None, Span::default());
            self.return_(st, none, Span::default());
        }
    }

    /// `return v`: the frame's locals are released after the return value is computed,
    /// the iterators of enclosing `for` loops first (innermost first).
    fn return_(&mut self, st: &mut FnState<'_>, v: Value, span: Span) {
        if st.b.is_terminated() {
            return;
        }
        let iterators: Vec<Value> = st.loops.iter().rev().filter_map(|l| l.iterator).collect();
        if !iterators.is_empty() {
            st.b.ins(InstKind::KeepAlive(iterators), span);
        }
        self.frame_exit(st, span);
        st.b.terminate(InstKind::Return(v), span);
    }

    /// `raise exc [from cause]`. When it leaves the function, the frame's locals are listed
    /// first: the exception keeps them (CPython's traceback holds the frame).
    fn raise_(&mut self, st: &mut FnState<'_>, exc: Value, cause: Option<Value>, span: Span) {
        if st.b.is_terminated() {
            return;
        }
        let current = st.b.current;
        if st.b.func.blocks[current.index()].handler.is_none() {
            self.frame_exit(st, span);
        }
        st.b.terminate(InstKind::Raise(exc, cause), span);
    }

    /// Re-raises `exc` (a bare `raise`, the end of a `finally`, an unmatched `except`): as
    /// [`Self::raise_`], but the frame adds no traceback entry (CPython's `RERAISE`).
    fn reraise_(&mut self, st: &mut FnState<'_>, exc: Value, span: Span) {
        if st.b.is_terminated() {
            return;
        }
        let current = st.b.current;
        if st.b.func.blocks[current.index()].handler.is_none() {
            self.frame_exit(st, span);
        }
        st.b.terminate(InstKind::Reraise(exc), span);
    }

    /// A `keepalive` of the frame's locals (see [`Lowerer::frame_locals`]), if any.
    fn frame_exit(&mut self, st: &mut FnState<'_>, span: Span) {
        let values = self.frame_locals(st);
        if !values.is_empty() {
            st.b.ins(InstKind::KeepAlive(values), span);
        }
    }

    /// The values the frame's names hold here, in the order CPython's frame releases them:
    /// locals in SSA form (in [`FnState::local_order`]; slots are codegen's), then the
    /// function's own cells (sorted by name, as CPython orders `co_cellvars`). A value held
    /// by several names is listed at its last one, where CPython releases it for good.
    fn frame_locals(&mut self, st: &mut FnState<'_>) -> Vec<Value> {
        let mut values: Vec<Value> = Vec::new();
        if st.kind != Kind::Function {
            return values;
        }
        let push = |values: &mut Vec<Value>, v: Value| {
            values.retain(|x| *x != v);
            values.push(v);
        };
        if !st.use_slots {
            for name in st.local_order.clone() {
                let v = st.b.read_var(&name);
                if !st.b.is_unbound(v) {
                    push(&mut values, v);
                }
            }
        }
        let mut cellvars: Vec<&String> = st.scope.cellvars.iter().collect();
        cellvars.sort();
        for name in cellvars {
            if let Some(&cell) = st.cells.get(name) {
                push(&mut values, cell);
            }
        }
        values
    }

    /// Records `name` as a local of the function (see [`FnState::local_order`]).
    fn note_local(st: &mut FnState<'_>, name: &str) {
        if !st.local_order.iter().any(|n| n == name) {
            st.local_order.push(name.to_owned());
        }
    }

    fn freevars_of(&self, st: &FnState<'_>) -> Vec<String> {
        let refs: Vec<&Scope> = st.enclosing.iter().collect();
        st.scope
            .free_candidates
            .iter()
            .filter(|n| st.scope.resolve(n, &refs) == Resolution::Free)
            .cloned()
            .collect()
    }

    fn finish(
        &mut self,
        st: FnState<'_>,
        params: Vec<Param>,
        freevars: Vec<String>,
        is_generator: bool,
    ) {
        let mut func = st.b.finish();
        // `co_varnames`: parameters (captured or not), then the locals not only held in
        // cells in the order CPython's compiler first emits a load or store of each (the
        // order lowering met them; locals it never met last, in binding order). A
        // `NameError` suggestion searches them in this order.
        let params_n = params.len().min(st.scope.locals.len());
        let mut varnames: Vec<&String> = st.scope.locals[..params_n].iter().collect();
        let later = st
            .local_order
            .iter()
            .chain(&st.scope.locals[params_n..])
            .filter(|n| st.scope.locals.contains(*n) && !st.scope.cellvars.contains(*n));
        for name in later {
            if !varnames.contains(&name) {
                varnames.push(name);
            }
        }
        func.varnames = varnames.into_iter().map(|n| n.as_str().into()).collect();
        func.inlined_frames = st.inlined_frames;
        func.params = params;
        func.freevars = freevars.into_iter().map(Into::into).collect();
        func.is_generator = is_generator;
        self.functions.push(func);
    }

    /// Binds parameters: stores them in slots or cells as the scope requires, and turns
    /// annotations into `assume`s.
    fn prologue(&mut self, st: &mut FnState<'_>, params: &[Param], annotations: &[Option<&Expr>]) {
        let entry = st.b.func.entry();
        let values: Vec<Value> = st.b.func.blocks[entry.index()].params.clone();
        st.first_arg = params
            .first()
            .filter(|p| matches!(p.kind, ParamKind::Positional | ParamKind::PositionalOnly))
            .map(|p| p.name.to_string());
        // Cells for captured locals, and closure cells for free variables.
        let freevars = self.freevars_of(st);
        for (i, name) in freevars.iter().enumerate() {
            let cell = st.b.ins(InstKind::FreeVar(i as u32), Span::default());
            st.cells.insert(name.clone(), cell);
        }
        let mut cellvars: Vec<String> = st.scope.cellvars.iter().cloned().collect();
        cellvars.sort();
        for name in &cellvars {
            let init = match params.iter().position(|p| *p.name == **name) {
                Some(i) => values[i],
                None => st.b.unbound_value(),
            };
            let cell = st.b.ins(InstKind::CellNew(init), Span::default());
            st.cells.insert(name.clone(), cell);
        }
        // In CPython's frame order (`co_varnames`: the named parameters, then `*args`, then
        // `**kwargs`), the order the frame releases them in.
        let named = (0..params.len())
            .filter(|&i| !matches!(params[i].kind, ParamKind::VarArgs | ParamKind::KwArgs));
        let var_args = (0..params.len()).filter(|&i| params[i].kind == ParamKind::VarArgs);
        let var_kw = (0..params.len()).filter(|&i| params[i].kind == ParamKind::KwArgs);
        let order: Vec<usize> = named.chain(var_args).chain(var_kw).collect();
        for i in order {
            let p = &params[i];
            let mut v = values[i];
            if let Some(Some(ann)) = annotations.get(i) {
                let ann = Annotation::from_expr(self.db, ann, self.index.class_names());
                if let Some(ty) = annotation_type(self.db, &ann) {
                    v = st.b.ins(
                        InstKind::Assume(v, ty),
                        self.span(annotations[i].map(|a| a.range()).unwrap_or_default()),
                    );
                }
            }
            if st.cells.contains_key(&*p.name) && !st.scope.cellvars.contains(&*p.name) {
                continue;
            }
            if st.scope.cellvars.contains(&*p.name) {
                if v != values[i] {
                    let cell = st.cells[&*p.name];
                    st.b.ins(InstKind::CellStore(cell, v), Span::default());
                }
                continue;
            }
            self.store_local(st, &p.name, v, Span::default());
        }
    }

    // ----- statements -----

    fn stmts<'t>(&mut self, st: &mut FnState<'t>, body: &'t [Stmt]) {
        for (i, stmt) in body.iter().enumerate() {
            // Docstrings and bare constants do nothing.
            if let Stmt::Expr(e) = stmt {
                if matches!(&*e.value, Expr::StringLiteral(_) | Expr::EllipsisLiteral(_))
                    && (i == 0 || matches!(&*e.value, Expr::EllipsisLiteral(_)))
                {
                    continue;
                }
            }
            if matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                self.stmt(st, stmt);
            } else {
                let items = std::mem::take(&mut st.defs_are_items);
                self.stmt(st, stmt);
                st.defs_are_items = items;
            }
        }
    }

    fn stmt<'t>(&mut self, st: &mut FnState<'t>, stmt: &'t Stmt) {
        let span = self.span(stmt.range());
        match stmt {
            Stmt::Expr(e) => {
                self.expr(st, &e.value);
            }
            Stmt::Pass(_) => {}
            Stmt::Assign(a) => {
                let v = self.expr(st, &a.value);
                for t in &a.targets {
                    self.assign(st, t, v);
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(value) = &a.value {
                    let mut v = self.expr(st, value);
                    if st.kind == Kind::Function && matches!(&*a.target, Expr::Name(_)) {
                        let ann =
                            Annotation::from_expr(self.db, &a.annotation, self.index.class_names());
                        if let Some(ty) = annotation_type(self.db, &ann) {
                            v =
                                st.b.ins(InstKind::Assume(v, ty), self.span(a.annotation.range()));
                        }
                    }
                    self.assign(st, &a.target, v);
                }
                // Module and class bodies evaluate annotations (after the assignment), and
                // record those of simple names in `__annotations__`; functions do neither.
                if self.future_annotations && (st.kind == Kind::Module || st.class_ns.is_some()) {
                    if let (Expr::Name(n), true) = (&*a.target, a.simple) {
                        let text = crate::annotations::unparse_annotation(&a.annotation)
                            .unwrap_or_else(|| {
                                self.error(
                                    DiagnosticCode::UnsupportedSyntax,
                                    a.annotation.range(),
                                    "this annotation form under `from __future__ import annotations` (its string)",
                                );
                                String::new()
                            });
                        let ann = self.constant(st, Constant::Str(text.into()), span);
                        let dict = self.annotations_dict(st, span);
                        let name = self.mangle(n.id.as_str()).into_owned();
                        let key = self.constant(st, Constant::Str(name.into()), span);
                        st.b.ins(InstKind::SetItem(dict, key, ann), span);
                    }
                } else if st.kind == Kind::Module || st.class_ns.is_some() {
                    let ann = self.expr(st, &a.annotation);
                    if let (Expr::Name(n), true) = (&*a.target, a.simple) {
                        let dict = self.annotations_dict(st, span);
                        let name = self.mangle(n.id.as_str()).into_owned();
                        let key = self.constant(st, Constant::Str(name.into()), span);
                        st.b.ins(InstKind::SetItem(dict, key, ann), span);
                    }
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(st, a),
            Stmt::Return(r) => {
                if st.kind == Kind::Module && st.class_ns.is_none() {
                    self.error(
                        DiagnosticCode::InvalidSyntax,
                        stmt.range(),
                        "`return` outside function",
                    );
                }
                let v = match &r.value {
                    Some(v) => self.expr(st, v),
                    None => self.constant(st, Constant::None, span),
                };
                if st.handler_level > 0 {
                    st.b.ins(InstKind::ExcLeave(0), span);
                }
                self.run_cleanups(st, 0);
                self.return_(st, v, span);
            }
            Stmt::If(s) => self.if_stmt(st, s),
            Stmt::While(w) => self.while_stmt(st, w),
            Stmt::For(f) => self.for_stmt(st, f),
            Stmt::Break(_) | Stmt::Continue(_) => {
                let is_break = matches!(stmt, Stmt::Break(_));
                let Some(frame) = st.loops.last() else {
                    let what = if is_break {
                        "`break` outside loop"
                    } else {
                        "`continue` not properly in loop"
                    };
                    self.error(DiagnosticCode::InvalidSyntax, stmt.range(), what);
                    return;
                };
                let (target, depth, level, iterator, endless) = (
                    if is_break {
                        frame.break_to
                    } else {
                        frame.continue_to
                    },
                    frame.cleanup_depth,
                    frame.handler_level,
                    frame.iterator,
                    frame.endless,
                );
                if st.handler_level > level {
                    st.b.ins(InstKind::ExcLeave(level), span);
                }
                self.run_cleanups(st, depth);
                match iterator {
                    Some(it) if is_break && !st.b.is_terminated() => {
                        st.b.ins(InstKind::KeepAlive(vec![it]), span);
                    }
                    _ => {}
                }
                if endless && !is_break && !st.b.is_terminated() {
                    self.frame_exit(st, span);
                }
                st.b.jump(target, vec![], span);
            }
            Stmt::Raise(r) => {
                let exc = match &r.exc {
                    Some(e) => self.expr(st, e),
                    None => match st.current_exc.last() {
                        Some(v) if r.cause.is_none() => {
                            // A bare `raise` adds no traceback entry (CPython's RERAISE).
                            let v = *v;
                            self.reraise_(st, v, span);
                            return;
                        }
                        Some(v) => *v,
                        None => {
                            // Not inside an `except` of this function: the exception being
                            // handled by a caller, if any (a helper called from a handler).
                            let v = st.b.ins(InstKind::HandledExc, span);
                            self.reraise_(st, v, span);
                            return;
                        }
                    },
                };
                let cause = r.cause.as_ref().map(|c| self.expr(st, c));
                self.raise_(st, exc, cause, span);
            }
            Stmt::Assert(a) => {
                let test = self.expr(st, &a.test);
                let cond = st.b.ins(InstKind::Truthy(test), span);
                let fail = st.b.new_block();
                let ok = st.b.new_block();
                st.b.brif(cond, ok, fail, span);
                st.b.seal(fail);
                st.b.switch_to(fail);
                let cls =
                    st.b.ins(InstKind::BuiltinLoad("AssertionError".into()), span);
                let args = match &a.msg {
                    Some(m) => vec![self.expr(st, m)],
                    None => vec![],
                };
                let exc = st.b.ins(
                    InstKind::Call {
                        callee: cls,
                        args: CallArgs {
                            positional: args,
                            keywords: vec![],
                        },
                    },
                    span,
                );
                self.raise_(st, exc, None, span);
                st.b.seal(ok);
                st.b.switch_to(ok);
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(st, t);
                }
            }
            Stmt::Global(_) => {}
            Stmt::Nonlocal(n) => {
                if st.kind == Kind::Module {
                    self.error(
                        DiagnosticCode::InvalidSyntax,
                        stmt.range(),
                        "`nonlocal` declaration not allowed at module level",
                    );
                } else {
                    let mut refs: Vec<&Scope> = st.enclosing.iter().collect();
                    // A class body's `nonlocal` names a variable of the function that runs
                    // the `class` statement (or of one enclosing it).
                    if st.class_ns.is_some() {
                        refs.push(&st.scope);
                    }
                    for name in &n.names {
                        let bound = refs
                            .iter()
                            .any(|s| s.locals.iter().any(|l| l == name.as_str()));
                        if !bound {
                            self.error(
                                DiagnosticCode::InvalidSyntax,
                                name.range(),
                                format!("no binding for nonlocal `{}` found", name.as_str()),
                            );
                        }
                    }
                }
            }
            Stmt::Try(t) => self.try_stmt(st, t),
            Stmt::With(w) => self.with_stmt(st, w),
            Stmt::Import(i) => {
                for alias in &i.names {
                    let full = alias.name.as_str();
                    // CPython places the import's instructions on the whole statement.
                    let import = |name: &str| InstKind::Import {
                        name: name.into(),
                        level: 0,
                        fromlist: Vec::new(),
                    };
                    let module = st.b.ins(import(full), span);
                    let first = full.split('.').next().unwrap_or(full);
                    match &alias.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule as CPython 3.11 reaches
                            // it: the top-level package, then one `IMPORT_FROM` per part.
                            let mut v = module;
                            if first != full {
                                v = st.b.ins(import(first), span);
                                for part in full.split('.').skip(1) {
                                    v = st.b.ins(InstKind::ImportFrom(v, part.into()), span);
                                }
                            }
                            self.store_name(st, asname.as_str(), v, span);
                        }
                        None => {
                            // `import a.b` binds the top-level package `a`.
                            let top = if first == full {
                                module
                            } else {
                                st.b.ins(import(first), span)
                            };
                            self.store_name(st, first, top, span);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let module_name = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                let module = st.b.ins(
                    InstKind::Import {
                        name: module_name.into(),
                        level: i.level,
                        fromlist: i.names.iter().map(|a| a.name.as_str().into()).collect(),
                    },
                    span,
                );
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        if st.kind != Kind::Module || st.class_ns.is_some() {
                            self.error(
                                DiagnosticCode::InvalidSyntax,
                                alias.range(),
                                "import * only allowed at module level",
                            );
                            continue;
                        }
                        // A standard module: bind the names CPython's binds (ours may
                        // have helpers of its own, and lacks some names, which
                        // `star_import_diagnostics` reports where they are used).
                        let only = if i.level == 0 {
                            molt_semantic::stdlib::cpython_star_names(module_name)
                                .map(|names| names.iter().map(|n| (*n).into()).collect())
                                .unwrap_or_default()
                        } else {
                            Vec::new()
                        };
                        st.b.ins(InstKind::ImportStar { module, only }, span);
                        continue;
                    }
                    // CPython places `IMPORT_FROM` on the whole statement.
                    let v = st.b.ins(
                        InstKind::ImportFrom(module, alias.name.as_str().into()),
                        span,
                    );
                    let bind = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.store_name(st, bind.as_str(), v, self.span(alias.range()));
                }
            }
            Stmt::FunctionDef(def) => {
                // Top-level defs and methods of top-level classes are items, lowered by their
                // own query; here they only become function objects.
                let is_item = std::mem::take(&mut st.defs_are_items);
                self.nested_def(st, def, is_item);
                st.defs_are_items = is_item;
            }
            Stmt::ClassDef(class) => {
                let is_item = std::mem::take(&mut st.defs_are_items);
                self.class_def(st, class, is_item);
                st.defs_are_items = is_item;
            }
            Stmt::Match(m) => self.match_stmt(st, m),
            Stmt::TypeAlias(_) => {
                // Python 3.12 syntax: the parser already reports it as unsupported syntax.
                self.raise_not_implemented(st, span);
            }
            Stmt::IpyEscapeCommand(_) => self.unsupported_stmt(st, stmt, "IPython escape command"),
        }
    }

    /// Reports an unsupported statement and lowers it to `raise NotImplementedError`.
    fn unsupported_stmt(&mut self, st: &mut FnState<'_>, stmt: &Stmt, what: &str) {
        self.unsupported(stmt.range(), what);
        self.raise_not_implemented(st, self.span(stmt.range()));
    }

    fn raise_not_implemented(&mut self, st: &mut FnState<'_>, span: Span) -> Value {
        let cls =
            st.b.ins(InstKind::BuiltinLoad("NotImplementedError".into()), span);
        let exc = st.b.ins(
            InstKind::Call {
                callee: cls,
                args: CallArgs::default(),
            },
            span,
        );
        self.raise_(st, exc, None, span);
        // Code after this is unreachable; give callers a value to keep going.
        st.b.ins(InstKind::Const(Constant::None), span)
    }

    /// A call of the runtime's hidden builtin `builtin` (`<match>`, `<except*>`: names no
    /// program can write) with operation code `op` first, then `args`.
    fn hidden_op_call(
        &mut self,
        st: &mut FnState<'_>,
        builtin: &str,
        op: i64,
        args: &[Value],
        span: Span,
    ) -> Value {
        let callee = st.b.ins(InstKind::BuiltinLoad(builtin.into()), span);
        let mut positional = vec![self.constant(st, Constant::Int(IntConst::Small(op)), span)];
        positional.extend_from_slice(args);
        st.b.ins(
            InstKind::Call {
                callee,
                args: CallArgs {
                    positional,
                    keywords: vec![],
                },
            },
            span,
        )
    }

    /// CPython's end of an `except ... as name:` clause: `name = None; del name`.
    fn unbind_handler_name(&mut self, st: &mut FnState<'_>, name: &str, span: Span) {
        let none = self.constant(st, Constant::None, span);
        self.store_name(st, name, none, span);
        self.delete_name(st, name, span);
    }

    /// Emits the cleanups (finally bodies, with-exits) of frames above `depth`, innermost
    /// first, each under the handler outside its own `try`.
    fn run_cleanups<'t>(&mut self, st: &mut FnState<'t>, depth: usize) {
        let saved_handler = st.b.handler;
        let frames: Vec<(usize, Cleanup<'t>, Option<molt_mir::Block>)> =
            (depth.min(st.cleanups.len())..st.cleanups.len())
                .rev()
                .map(|i| {
                    let f = &st.cleanups[i];
                    (i, f.cleanup.clone(), f.outer_handler)
                })
                .collect();
        let saved_frames = st.cleanups.len();
        for (index, cleanup, outer) in frames {
            if st.b.is_terminated() {
                break;
            }
            self.enter_handler(st, outer);
            // A cleanup runs outside its own frame and the frames inside it, which have
            // already been left: a `break`, `continue` or `return` in a `finally` body must
            // not run that body, or an inner `with`'s exit, again.
            let saved = st.cleanups.split_off(index);
            match cleanup {
                Cleanup::Finally(body) => self.stmts(st, body),
                Cleanup::Unbind(name) => self.unbind_handler_name(st, name, Span::default()),
                Cleanup::WithExit(exit) => {
                    let none = self.constant(st, Constant::None, Span::default());
                    st.b.ins(
                        InstKind::Call {
                            callee: exit,
                            args: CallArgs {
                                positional: vec![none, none, none],
                                keywords: vec![],
                            },
                        },
                        Span::default(),
                    );
                }
            }
            st.cleanups.extend(saved);
        }
        debug_assert_eq!(st.cleanups.len(), saved_frames);
        if !st.b.is_terminated() {
            self.enter_handler(st, saved_handler);
        } else {
            st.b.handler = saved_handler;
        }
    }

    /// Continues in a new block protected by `handler` (if the current block has another).
    fn enter_handler(&mut self, st: &mut FnState<'_>, handler: Option<molt_mir::Block>) {
        st.b.handler = handler;
        if st.b.is_terminated() {
            return;
        }
        let current = st.b.current;
        if st.b.func.blocks[current.index()].handler == handler {
            return;
        }
        let next = st.b.new_block();
        st.b.jump(next, vec![], Span::default());
        st.b.seal(next);
        st.b.switch_to(next);
    }

    fn if_stmt<'t>(&mut self, st: &mut FnState<'t>, s: &'t ast::StmtIf) {
        let span = self.span(s.range());
        let join = st.b.new_block();
        let mut test = Some(&*s.test);
        let mut body: &'t [Stmt] = &s.body;
        let mut clauses = s.elif_else_clauses.iter();
        loop {
            match test {
                Some(t) => {
                    let v = self.expr(st, t);
                    let c = st.b.ins(InstKind::Truthy(v), self.span(t.range()));
                    let then = st.b.new_block();
                    let else_ = st.b.new_block();
                    st.b.brif(c, then, else_, span);
                    st.b.seal(then);
                    st.b.seal(else_);
                    st.b.switch_to(then);
                    self.stmts(st, body);
                    st.b.jump(join, vec![], span);
                    st.b.switch_to(else_);
                }
                None => {
                    self.stmts(st, body);
                    st.b.jump(join, vec![], span);
                    break;
                }
            }
            match clauses.next() {
                Some(clause) => {
                    test = clause.test.as_ref();
                    body = &clause.body;
                }
                None => {
                    st.b.jump(join, vec![], span);
                    break;
                }
            }
        }
        st.b.seal(join);
        st.b.switch_to(join);
    }

    fn while_stmt<'t>(&mut self, st: &mut FnState<'t>, w: &'t ast::StmtWhile) {
        let span = self.span(w.range());
        let header = st.b.new_block();
        let body = st.b.new_block();
        let else_ = st.b.new_block();
        let exit = st.b.new_block();
        st.b.jump(header, vec![], span);
        st.b.switch_to(header);
        let v = self.expr(st, &w.test);
        let c = st.b.ins(InstKind::Truthy(v), self.span(w.test.range()));
        st.b.brif(c, body, else_, span);
        st.b.seal(body);
        st.b.seal(else_);
        st.b.switch_to(body);
        let endless = is_constant_true(&w.test);
        st.loops.push(LoopFrame {
            iterator: None,
            endless,
            continue_to: header,
            break_to: exit,
            cleanup_depth: st.cleanups.len(),
            handler_level: st.handler_level,
        });
        self.stmts(st, &w.body);
        st.loops.pop();
        if endless && !st.b.is_terminated() {
            self.frame_exit(st, span);
        }
        st.b.jump(header, vec![], span);
        st.b.seal(header);
        st.b.switch_to(else_);
        self.stmts(st, &w.orelse);
        st.b.jump(exit, vec![], span);
        st.b.seal(exit);
        st.b.switch_to(exit);
    }

    fn for_stmt<'t>(&mut self, st: &mut FnState<'t>, f: &'t ast::StmtFor) {
        if f.is_async {
            self.unsupported(f.range(), "`async for`");
        }
        let span = self.span(f.range());
        let iterable = self.expr(st, &f.iter);
        let it =
            st.b.ins(InstKind::GetIter(iterable), self.span(f.iter.range()));
        let header = st.b.new_block();
        let (body, item) = st.b.new_block_with_param();
        let else_ = st.b.new_block();
        let exit = st.b.new_block();
        st.b.jump(header, vec![], span);
        st.b.switch_to(header);
        st.b.terminate(
            InstKind::IterNext(
                it,
                BlockCall {
                    block: body,
                    args: vec![],
                },
                BlockCall {
                    block: else_,
                    args: vec![],
                },
            ),
            span,
        );
        st.b.seal(body);
        st.b.seal(else_);
        st.b.switch_to(body);
        self.assign(st, &f.target, item);
        st.loops.push(LoopFrame {
            iterator: Some(it),
            endless: false,
            continue_to: header,
            break_to: exit,
            cleanup_depth: st.cleanups.len(),
            handler_level: st.handler_level,
        });
        self.stmts(st, &f.body);
        st.loops.pop();
        st.b.jump(header, vec![], span);
        st.b.seal(header);
        st.b.switch_to(else_);
        self.stmts(st, &f.orelse);
        st.b.jump(exit, vec![], span);
        st.b.seal(exit);
        st.b.switch_to(exit);
    }

    fn try_stmt<'t>(&mut self, st: &mut FnState<'t>, t: &'t ast::StmtTry) {
        let span = self.span(t.range());
        let outer = st.b.handler;
        let after = st.b.new_block();
        // The finally handler: runs the finally body, then re-raises.
        let finally_handler = if t.finalbody.is_empty() {
            None
        } else {
            st.b.handler = outer;
            let (h, exc) = st.b.new_block_with_param();
            Some((h, exc))
        };
        let region_handler = finally_handler.map(|(h, _)| h).or(outer);
        let except_handler = if t.handlers.is_empty() {
            None
        } else {
            st.b.handler = region_handler;
            Some(st.b.new_block_with_param())
        };
        if !t.finalbody.is_empty() {
            st.cleanups.push(CleanupFrame {
                cleanup: Cleanup::Finally(&t.finalbody),
                outer_handler: outer,
            });
        }
        // Body.
        let body_handler = except_handler.map(|(h, _)| h).or(region_handler);
        self.enter_handler(st, body_handler);
        self.stmts(st, &t.body);
        // Else: not protected by this try's except clauses.
        self.enter_handler(st, region_handler);
        self.stmts(st, &t.orelse);
        let normal_exit = st.b.new_block();
        st.b.jump(normal_exit, vec![], span);
        // Except clauses.
        if let Some((h, exc)) = except_handler {
            st.b.seal(h);
            st.b.switch_to(h);
            st.b.handler = region_handler;
            let level = st.handler_level;
            st.b.ins(InstKind::ExcEnter(exc, level), span);
            st.handler_level = level + 1;
            if t.is_star {
                self.except_star_clauses(st, t, exc, level, region_handler, normal_exit);
            }
            for handler in t.handlers.iter().filter(|_| !t.is_star) {
                let ast::ExceptHandler::ExceptHandler(clause) = handler;
                let clause_span = self.span(clause.range());
                let body_block = st.b.new_block();
                let next = st.b.new_block();
                match &clause.type_ {
                    Some(ty) => {
                        let cls = self.expr(st, ty);
                        // At the whole clause, as CPython's `CHECK_EXC_MATCH`: a traceback
                        // through it (a class not deriving from BaseException) underlines
                        // nothing when the clause spans several lines.
                        let m = st.b.ins(InstKind::ExcMatch(exc, cls), clause_span);
                        st.b.brif(m, body_block, next, clause_span);
                    }
                    None => st.b.jump(body_block, vec![], clause_span),
                }
                st.b.seal(body_block);
                st.b.seal(next);
                st.b.switch_to(body_block);
                // With `as name`, the body is CPython's `try: body finally: name = None;
                // del name`: `break`, `continue` and `return` run the cleanup frame, an
                // exception raised out of the body goes through `unbind`, which unbinds the
                // name and re-raises.
                let mut unbind = None;
                if let Some(name) = &clause.name {
                    self.store_name(st, name.as_str(), exc, self.span(name.range()));
                    st.cleanups.push(CleanupFrame {
                        cleanup: Cleanup::Unbind(name.as_str()),
                        outer_handler: region_handler,
                    });
                    st.b.handler = region_handler;
                    let (h, raised) = st.b.new_block_with_param();
                    self.enter_handler(st, Some(h));
                    unbind = Some((h, raised, name));
                }
                st.current_exc.push(exc);
                self.stmts(st, &clause.body);
                st.current_exc.pop();
                if let Some((_, _, name)) = unbind {
                    st.cleanups.pop();
                    self.enter_handler(st, region_handler);
                    if !st.b.is_terminated() {
                        self.unbind_handler_name(st, name.as_str(), self.span(name.range()));
                    }
                }
                if !st.b.is_terminated() {
                    st.b.ins(InstKind::ExcLeave(level), clause_span);
                }
                st.b.jump(normal_exit, vec![], clause_span);
                if let Some((h, raised, name)) = unbind {
                    st.b.seal(h);
                    st.b.switch_to(h);
                    st.b.handler = region_handler;
                    let inner = st.handler_level;
                    st.b.ins(InstKind::ExcEnter(raised, inner), clause_span);
                    st.handler_level = inner + 1;
                    self.unbind_handler_name(st, name.as_str(), self.span(name.range()));
                    self.reraise_(st, raised, clause_span);
                    st.handler_level = inner;
                }
                st.b.switch_to(next);
            }
            // No clause matched: propagate.
            self.reraise_(st, exc, span);
            st.handler_level = level;
        }
        if !t.finalbody.is_empty() {
            st.cleanups.pop();
        }
        st.b.seal(normal_exit);
        st.b.switch_to(normal_exit);
        self.enter_handler(st, outer);
        self.stmts(st, &t.finalbody);
        st.b.jump(after, vec![], span);
        if let Some((h, exc)) = finally_handler {
            st.b.seal(h);
            st.b.switch_to(h);
            st.b.handler = outer;
            let level = st.handler_level;
            st.b.ins(InstKind::ExcEnter(exc, level), span);
            st.handler_level = level + 1;
            st.current_exc.push(exc);
            self.stmts(st, &t.finalbody);
            st.current_exc.pop();
            self.reraise_(st, exc, span);
            st.handler_level = level;
        }
        st.b.handler = outer;
        st.b.seal(after);
        st.b.switch_to(after);
    }

    fn with_stmt<'t>(&mut self, st: &mut FnState<'t>, w: &'t ast::StmtWith) {
        if w.is_async {
            self.unsupported(w.range(), "`async with`");
        }
        self.with_items(st, &w.items, &w.body, self.span(w.range()));
    }

    fn with_items<'t>(
        &mut self,
        st: &mut FnState<'t>,
        items: &'t [ast::WithItem],
        body: &'t [Stmt],
        span: Span,
    ) {
        let Some((item, rest)) = items.split_first() else {
            self.stmts(st, body);
            return;
        };
        let outer = st.b.handler;
        let mgr = self.expr(st, &item.context_expr);
        let exit = st.b.ins(InstKind::WithExit(mgr), self.span(item.range()));
        let entered = st.b.ins(
            InstKind::CallMethod {
                receiver: mgr,
                name: "__enter__".into(),
                args: CallArgs::default(),
            },
            self.span(item.range()),
        );
        if let Some(target) = &item.optional_vars {
            self.assign(st, target, entered);
        }
        let after = st.b.new_block();
        let (handler, exc) = st.b.new_block_with_param();
        st.cleanups.push(CleanupFrame {
            cleanup: Cleanup::WithExit(exit),
            outer_handler: outer,
        });
        self.enter_handler(st, Some(handler));
        self.with_items(st, rest, body, span);
        st.cleanups.pop();
        self.enter_handler(st, outer);
        let none = self.constant(st, Constant::None, span);
        st.b.ins(
            InstKind::Call {
                callee: exit,
                args: CallArgs {
                    positional: vec![none, none, none],
                    keywords: vec![],
                },
            },
            span,
        );
        st.b.jump(after, vec![], span);
        // Exceptional exit: exit(type(e), e, None); re-raise unless it returns true.
        st.b.seal(handler);
        st.b.switch_to(handler);
        let level = st.handler_level;
        st.b.ins(InstKind::ExcEnter(exc, level), span);
        let type_fn = st.b.ins(InstKind::BuiltinLoad("type".into()), span);
        let exc_type = st.b.ins(
            InstKind::Call {
                callee: type_fn,
                args: CallArgs {
                    positional: vec![exc],
                    keywords: vec![],
                },
            },
            span,
        );
        let none = self.constant(st, Constant::None, span);
        let r = st.b.ins(
            InstKind::Call {
                callee: exit,
                args: CallArgs {
                    positional: vec![exc_type, exc, none],
                    keywords: vec![],
                },
            },
            span,
        );
        let suppress = st.b.ins(InstKind::Truthy(r), span);
        let reraise = st.b.new_block();
        let suppressed = st.b.new_block();
        st.b.brif(suppress, suppressed, reraise, span);
        st.b.seal(suppressed);
        st.b.switch_to(suppressed);
        st.b.ins(InstKind::ExcLeave(level), span);
        st.b.jump(after, vec![], span);
        st.b.seal(reraise);
        st.b.switch_to(reraise);
        self.reraise_(st, exc, span);
        st.b.seal(after);
        st.b.switch_to(after);
    }

    fn nested_def<'t>(
        &mut self,
        st: &mut FnState<'t>,
        def: &'t ast::StmtFunctionDef,
        is_item: bool,
    ) {
        let span = self.span(def.range());
        let decorators: Vec<Value> = def
            .decorator_list
            .iter()
            .map(|d| self.expr(st, &d.expression))
            .collect();
        let defaults = self.defaults(st, &def.parameters);
        let qualname = self.nested_qualname(st, def.name.as_str());
        let mut enclosing = st.enclosing.clone();
        if st.kind == Kind::Function {
            enclosing.push(st.scope.clone());
        }
        // The class whose body defines it: its name mangles private names (and, for a top-level
        // class, names the method items).
        let class_name = st.class_ns.and_then(|_| self.mangle_class.clone());
        let (name, freevars) = if is_item {
            let item = self
                .item_names
                .next(class_name.as_deref(), def.name.as_str());
            let freevars = self.method_freevars.get(&item).cloned().unwrap_or_default();
            (item, freevars)
        } else {
            self.lower_def(def, qualname, class_name, enclosing)
        };
        let closure = self.closure_cells(st, &freevars, span);
        let mut f = st.b.ins(
            InstKind::MakeFunction {
                name: name.into(),
                defaults,
                closure,
            },
            span,
        );
        if let Some(doc) = molt_semantic::items::docstring(&def.body) {
            let doc = self.constant(st, Constant::Str(doc.into()), span);
            st.b.ins(InstKind::SetAttr(f, "__doc__".into(), doc), span);
        }
        for d in decorators.into_iter().rev() {
            f = st.b.ins(
                InstKind::Call {
                    callee: d,
                    args: CallArgs {
                        positional: vec![f],
                        keywords: vec![],
                    },
                },
                span,
            );
        }
        self.store_name(st, def.name.as_str(), f, span);
    }

    /// Whether `name` read here is the builtin (not rebound anywhere the lookup could find).
    fn is_builtin_here(&self, st: &FnState<'_>, name: &str) -> bool {
        self.renamed(st, name).is_none()
            && self.resolution(st, name) == Resolution::Global
            && !self.index.is_global(self.db.intern(name))
            && !(st.class_ns.is_some()
                && self
                    .class_bound
                    .last()
                    .is_some_and(|scope| scope.locals.iter().any(|n| n == name)))
    }

    /// `super()` without arguments, as CPython 3.11's `super_init_without_args`: the current
    /// value of the first positional argument (of the comprehension's iterator inside one),
    /// and the class from the implicit `__class__` cell, with CPython's `RuntimeError`s when
    /// there is no argument, it was deleted, there is no cell or it is still empty.
    fn zero_arg_super(&mut self, st: &mut FnState<'_>, name: TextRange, span: Span) -> Value {
        let sup =
            st.b.ins(InstKind::BuiltinLoad("super".into()), self.span(name));
        self.zero_arg_super_of(st, sup, span)
    }

    /// `super()` where the name `super` may be bound to something else than the builtin (a
    /// global `super = super`, a local): its value `callee`, when it is the builtin `super`,
    /// gets the implicit arguments as in [`Self::zero_arg_super`] (CPython's builtin reads
    /// them from the frame, whatever name it was called by); anything else is called with
    /// no arguments.
    fn zero_arg_super_rebound(&mut self, st: &mut FnState<'_>, callee: Value, span: Span) -> Value {
        let builtin = st.b.ins(InstKind::BuiltinLoad("super".into()), span);
        let is_builtin =
            st.b.ins(InstKind::Compare(CmpOp::Is, callee, builtin), span);
        let (join, result) = st.b.new_block_with_param();
        let then = st.b.new_block();
        let else_ = st.b.new_block();
        st.b.brif(is_builtin, then, else_, span);
        st.b.seal(then);
        st.b.seal(else_);
        st.b.switch_to(then);
        let a = self.zero_arg_super_of(st, callee, span);
        st.b.jump(join, vec![a], span);
        st.b.switch_to(else_);
        let b = st.b.ins(
            InstKind::Call {
                callee,
                args: CallArgs::default(),
            },
            span,
        );
        st.b.jump(join, vec![b], span);
        st.b.seal(join);
        st.b.switch_to(join);
        result
    }

    /// [`Self::zero_arg_super`] with the builtin `super` already loaded in `sup`.
    fn zero_arg_super_of(&mut self, st: &mut FnState<'_>, sup: Value, span: Span) -> Value {
        let obj = match (st.comp_iters.last(), st.first_arg.clone()) {
            (Some(it), _) => Some(*it),
            (None, Some(arg)) => Some(self.super_first_arg(st, &arg, span)),
            (None, None) => None,
        };
        let Some(obj) = obj else {
            // `super(): no arguments`, from the builtin itself.
            return st.b.ins(
                InstKind::Call {
                    callee: sup,
                    args: CallArgs::default(),
                },
                span,
            );
        };
        const CLASS: &str = "__class__";
        let has_cell = st.class_ns.is_some()
            || matches!(
                self.resolution(st, CLASS),
                Resolution::Cell | Resolution::Free
            );
        let cls = match st.cells.get(CLASS).copied() {
            Some(cell) if has_cell && self.renamed(st, CLASS).is_none() => st.b.ins(
                InstKind::CellLoad(
                    cell,
                    name_with_runtime_error(CLASS, "super(): empty __class__ cell"),
                ),
                span,
            ),
            _ => return self.raise_runtime_error(st, "super(): __class__ cell not found", span),
        };
        st.b.ins(
            InstKind::Call {
                callee: sup,
                args: CallArgs {
                    positional: vec![cls, obj],
                    keywords: vec![],
                },
            },
            span,
        )
    }

    /// The current value of parameter `arg` for `super()`: `RuntimeError: super(): arg[0]
    /// deleted` when it is unbound.
    fn super_first_arg(&mut self, st: &mut FnState<'_>, arg: &str, span: Span) -> Value {
        let checked = name_with_runtime_error(arg, "super(): arg[0] deleted");
        match self.resolution(st, arg) {
            Resolution::Local if st.use_slots => st.b.ins(InstKind::SlotLoad(checked), span),
            Resolution::Local => {
                let v = st.b.read_var(arg);
                if st.b.may_need_bound_check(v) {
                    st.b.ins(InstKind::CheckBound(v, checked), span)
                } else {
                    v
                }
            }
            Resolution::Cell | Resolution::Free => match st.cells.get(arg).copied() {
                Some(cell) => st.b.ins(InstKind::CellLoad(cell, checked), span),
                None => st.b.ins(InstKind::GlobalLoad(arg.into()), span),
            },
            Resolution::Global => st.b.ins(InstKind::GlobalLoad(arg.into()), span),
        }
    }

    /// Raises `RuntimeError(message)` (of the builtin class) here.
    fn raise_runtime_error(&mut self, st: &mut FnState<'_>, message: &str, span: Span) -> Value {
        let cls = st.b.ins(InstKind::BuiltinLoad("RuntimeError".into()), span);
        let text = self.constant(st, Constant::Str(message.into()), span);
        let exc = st.b.ins(
            InstKind::Call {
                callee: cls,
                args: CallArgs {
                    positional: vec![text],
                    keywords: vec![],
                },
            },
            span,
        );
        self.raise_(st, exc, None, span);
        st.b.ins(InstKind::Const(Constant::None), span)
    }

    fn defaults(&mut self, st: &mut FnState<'_>, params: &ast::Parameters) -> Vec<Value> {
        let mut out = Vec::new();
        for p in params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .chain(&params.kwonlyargs)
        {
            if let Some(d) = &p.default {
                out.push(self.expr(st, d));
            }
        }
        out
    }

    fn closure_cells(
        &mut self,
        st: &mut FnState<'_>,
        freevars: &[String],
        span: Span,
    ) -> Vec<Value> {
        freevars
            .iter()
            .map(|name| match st.cells.get(name) {
                Some(c) => *c,
                None => {
                    // Not a cell here: the scope analysis and resolution disagree; keep the IR
                    // valid with an empty cell.
                    let u = st.b.unbound_value();
                    st.b.ins(InstKind::CellNew(u), span)
                }
            })
            .collect()
    }

    fn class_def<'t>(
        &mut self,
        st: &mut FnState<'t>,
        class: &'t ast::StmtClassDef,
        methods_are_items: bool,
    ) {
        let span = self.span(class.range());
        // A class defined in a function or in another class body: its methods are not items
        // (they are lowered here, as closures over the enclosing functions), and its name
        // may shadow a top-level class of the same name, whose layout it does not share.
        let nested = st.kind == Kind::Function || st.class_ns.is_some();
        let methods_are_items = methods_are_items && !nested;
        let qualname = self.nested_qualname(st, class.name.as_str());
        if class.type_params.is_some() {
            self.unsupported(class.range(), "a generic class (type parameters)");
        }
        let decorators: Vec<Value> = class
            .decorator_list
            .iter()
            .map(|d| self.expr(st, &d.expression))
            .collect();
        let mut keywords: Vec<(Option<&ast::Identifier>, Value)> = Vec::new();
        let mut prepared = false;
        let bases = match class.arguments.as_deref() {
            Some(args) => {
                prepared = !args.args.is_empty() || !args.keywords.is_empty();
                // `class C(*bases)` unpacks as a call's arguments do.
                let bases = if args.args.iter().any(|a| matches!(a, Expr::Starred(_))) {
                    self.sequence(st, &args.args, span, SeqKind::Tuple)
                } else {
                    let values = args.args.iter().map(|a| self.expr(st, a)).collect();
                    st.b.ins(InstKind::BuildTuple(values), span)
                };
                for k in &args.keywords {
                    let v = self.expr(st, &k.value);
                    keywords.push((k.arg.as_ref(), v));
                }
                bases
            }
            None => st.b.ins(InstKind::BuildTuple(vec![]), span),
        };
        // A class with bases or keywords may have a metaclass other than `type`: the
        // runtime's hidden builtin `<class prepare>` (CPython's `__build_class__` up to the
        // body) finds it and calls its `__prepare__`, and returns the state that
        // `make.class` gets in place of the bases; its item 0 is the namespace.
        let (bases, ns) = if prepared {
            let prepare = st.b.ins(InstKind::BuiltinLoad(CLASS_PREPARE.into()), span);
            let name = self.constant(st, Constant::Str(class.name.as_str().into()), span);
            let state = if keywords.iter().all(|(k, _)| k.is_some()) {
                let keywords = keywords
                    .into_iter()
                    .filter_map(|(k, v)| Some((Box::<str>::from(k?.as_str()), v)))
                    .collect();
                st.b.ins(
                    InstKind::Call {
                        callee: prepare,
                        args: CallArgs {
                            positional: vec![name, bases],
                            keywords,
                        },
                    },
                    span,
                )
            } else {
                // `class C(**kw)`: the keywords are merged as a call's (`KwargsMerge`
                // names the callee `__build_class__()` in its errors, as CPython does).
                let kwargs = st.b.ins(InstKind::BuildDict(vec![]), span);
                for (k, v) in keywords {
                    match k {
                        Some(k) => {
                            let one = st.b.ins(InstKind::BuildDict(vec![]), span);
                            let key = self.constant(st, Constant::Str(k.as_str().into()), span);
                            st.b.ins(InstKind::SetItem(one, key, v), span);
                            st.b.ins(InstKind::KwargsMerge(prepare, kwargs, one), span);
                        }
                        None => {
                            st.b.ins(InstKind::KwargsMerge(prepare, kwargs, v), span);
                        }
                    }
                }
                let args = st.b.ins(InstKind::BuildTuple(vec![name, bases]), span);
                st.b.ins(
                    InstKind::CallEx {
                        callee: prepare,
                        args,
                        kwargs,
                    },
                    span,
                )
            };
            let zero = self.constant(st, Constant::Int(IntConst::Small(0)), span);
            let ns = st.b.ins(InstKind::GetItem(state, zero), span);
            (state, ns)
        } else {
            (bases, st.b.ins(InstKind::BuildDict(vec![]), span))
        };
        // CPython's class body starts with `__module__ = __name__` and
        // `__qualname__ = 'f.<locals>.C'`, which the body (and a `__prepare__` mapping)
        // sees; the runtime keeps `__qualname__` out of the class dict.
        let module = st.b.ins(InstKind::GlobalLoad("__name__".into()), span);
        let key = self.constant(st, Constant::Str("__module__".into()), span);
        st.b.ins(InstKind::SetItem(ns, key, module), span);
        let key = self.constant(st, Constant::Str("__qualname__".into()), span);
        let qualname_value = self.constant(st, Constant::Str(qualname.as_str().into()), span);
        st.b.ins(InstKind::SetItem(ns, key, qualname_value), span);
        // The implicit `__class__` cell of the class's functions, handed to the class as
        // `__classcell__` (CPython's `type.__new__` fills it with the new class).
        let class_cell = if self.class_needs_cell(class) {
            let u = st.b.unbound_value();
            Some(st.b.ins(InstKind::CellNew(u), span))
        } else {
            None
        };
        let saved_cell = match class_cell {
            Some(cell) => st.cells.insert("__class__".to_owned(), cell),
            None => st.cells.remove("__class__"),
        };
        let saved_ns = st.class_ns.replace(ns);
        let saved_name = std::mem::replace(&mut st.qualname, qualname);
        let saved_items = std::mem::replace(&mut st.defs_are_items, methods_are_items);
        self.class_bound.push(Scope::of_class(&class.body));
        // CPython runs the class body in a frame named after the class (for tracebacks).
        if let (Some(first), Some(last)) = (class.body.first(), class.body.last()) {
            st.inlined_frames.push(molt_mir::InlinedFrame {
                name: class.name.as_str().into(),
                varnames: Vec::new(),
                span,
                body: self.span(TextRange::new(first.range().start(), last.range().end())),
                outside: None,
            });
        }
        let saved_mangle = self.mangle_class.replace(class.name.as_str().to_owned());
        if let Some(doc) = molt_semantic::items::docstring(&class.body) {
            let key = self.constant(st, Constant::Str("__doc__".into()), span);
            let doc = self.constant(st, Constant::Str(doc.into()), span);
            st.b.ins(InstKind::SetItem(ns, key, doc), span);
        }
        self.setup_annotations(st, &class.body, span);
        self.stmts(st, &class.body);
        self.mangle_class = saved_mangle;
        self.class_bound.pop();
        st.defs_are_items = saved_items;
        st.qualname = saved_name;
        st.class_ns = saved_ns;
        match saved_cell {
            Some(cell) => st.cells.insert("__class__".to_owned(), cell),
            None => st.cells.remove("__class__"),
        };
        if let Some(cell) = class_cell {
            let key = self.constant(st, Constant::Str("__classcell__".into()), span);
            st.b.ins(InstKind::SetItem(ns, key, cell), span);
        }
        // Fixed-layout slots from the module index (a class name defined twice gets none:
        // the index cannot tell the two bodies apart; nor does a nested class, which the
        // index does not describe).
        let sym = self.db.intern(class.name.as_str());
        let slots = match self.index.only_class(sym).filter(|_| !nested) {
            Some(info) => self
                .index
                .slot_layout(self.db, info)
                .into_iter()
                .map(|a| Box::<str>::from(self.db.resolve(a)))
                .collect(),
            None => Vec::new(),
        };
        let mut cls = st.b.ins(
            InstKind::MakeClass {
                name: class.name.as_str().into(),
                bases,
                namespace: ns,
                slots,
            },
            span,
        );
        for d in decorators.into_iter().rev() {
            cls = st.b.ins(
                InstKind::Call {
                    callee: d,
                    args: CallArgs {
                        positional: vec![cls],
                        keywords: vec![],
                    },
                },
                span,
            );
        }
        self.store_name(st, class.name.as_str(), cls, span);
    }

    /// Whether a function of `class` may use the implicit `__class__` cell: a method item
    /// has it as a free variable, or the class body (with item bodies elided) names
    /// `super` or `__class__` anywhere.
    fn class_needs_cell(&self, class: &ast::StmtClassDef) -> bool {
        use ruff_python_ast::visitor::{self, Visitor};
        struct Finder(bool);
        impl<'a> Visitor<'a> for Finder {
            fn visit_expr(&mut self, expr: &'a Expr) {
                if let Expr::Name(n) = expr {
                    if matches!(n.id.as_str(), "super" | "__class__") {
                        self.0 = true;
                    }
                }
                visitor::walk_expr(self, expr);
            }
        }
        let name = class.name.as_str();
        let from_items = self.method_freevars.iter().any(|(item, freevars)| {
            item.split('.').next() == Some(name) && freevars.iter().any(|f| f == "__class__")
        });
        if from_items {
            return true;
        }
        let mut finder = Finder(false);
        for s in &class.body {
            finder.visit_stmt(s);
        }
        finder.0
    }

    // ----- names -----

    fn renamed<'s>(&self, st: &'s FnState<'_>, name: &str) -> Option<&'s str> {
        st.renames
            .iter()
            .rev()
            .find(|(from, _)| from == name)
            .map(|(_, to)| to.as_str())
    }

    fn resolution(&self, st: &FnState<'_>, name: &str) -> Resolution {
        if st.kind == Kind::Module {
            return Resolution::Global;
        }
        let refs: Vec<&Scope> = st.enclosing.iter().collect();
        st.scope.resolve(name, &refs)
    }

    /// CPython's `SETUP_ANNOTATIONS`: a module or class body with annotated assignments
    /// (searched through compound statements, not nested defs or classes) starts by
    /// binding `__annotations__` to a new dict.
    fn setup_annotations(&mut self, st: &mut FnState<'_>, body: &[Stmt], span: Span) {
        fn has_annotations(body: &[Stmt]) -> bool {
            body.iter().any(|s| match s {
                Stmt::AnnAssign(_) => true,
                Stmt::If(i) => {
                    has_annotations(&i.body)
                        || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
                }
                Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
                Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
                Stmt::With(w) => has_annotations(&w.body),
                Stmt::Try(t) => {
                    has_annotations(&t.body)
                        || has_annotations(&t.orelse)
                        || has_annotations(&t.finalbody)
                        || t.handlers.iter().any(|h| match h {
                            ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                        })
                }
                _ => false,
            })
        }
        if has_annotations(body) {
            let dict = st.b.ins(InstKind::BuildDict(vec![]), span);
            self.store_name(st, "__annotations__", dict, span);
        }
    }

    /// The `__annotations__` dict of the module or class body being lowered.
    fn annotations_dict(&mut self, st: &mut FnState<'_>, span: Span) -> Value {
        match st.class_ns {
            Some(ns) => {
                st.b.ins(InstKind::NsLoad(ns, "__annotations__".into()), span)
            }
            None => {
                st.b.ins(InstKind::GlobalLoad("__annotations__".into()), span)
            }
        }
    }

    fn load_name(&mut self, st: &mut FnState<'_>, name: &str, range: TextRange) -> Value {
        let span = self.span(range);
        if let Some(var) = self.renamed(st, name).map(str::to_owned) {
            return st.b.read_var(&var);
        }
        let mut resolution = self.resolution(st, name);
        // The own scope of a comprehension inlined in a class body (all but its first
        // iterable) is a function scope for CPython, whose lookups skip the class.
        let class_ns = st.class_ns.filter(|_| st.comprehension.is_none());
        if let Some(ns) = class_ns {
            match self.class_body_name(st, name) {
                ClassBodyName::Namespace => {
                    let bound_in_class = self
                        .class_bound
                        .last()
                        .is_some_and(|scope| scope.locals.iter().any(|n| n == name));
                    if !bound_in_class && !self.index.is_global(self.db.intern(name)) {
                        self.check_builtin_unless_star(name, range);
                    }
                    let name = self.mangle(name).into_owned();
                    return st.b.ins(InstKind::NsLoad(ns, name.into()), span);
                }
                ClassBodyName::Nonlocal(cell) => {
                    return st
                        .b
                        .ins(InstKind::CellLoad(cell, class_free_name(name)), span);
                }
                ClassBodyName::Free(cell) => return self.class_deref(st, ns, cell, name, span),
                ClassBodyName::Global => resolution = Resolution::Global,
            }
        }
        match resolution {
            Resolution::Local => {
                Self::note_local(st, name);
                if st.use_slots {
                    st.b.ins(InstKind::SlotLoad(name.into()), span)
                } else {
                    let v = st.b.read_var(name);
                    if st.b.may_need_bound_check(v) {
                        st.b.ins(InstKind::CheckBound(v, name.into()), span)
                    } else {
                        v
                    }
                }
            }
            Resolution::Cell | Resolution::Free => match st.cells.get(name).copied() {
                // A class body's comprehension reads the function's cells as free variables.
                Some(cell) if st.class_ns.is_some() => {
                    st.b.ins(InstKind::CellLoad(cell, class_free_name(name)), span)
                }
                Some(cell) => st.b.ins(InstKind::CellLoad(cell, name.into()), span),
                None => st.b.ins(InstKind::GlobalLoad(name.into()), span),
            },
            Resolution::Global => {
                let sym = self.db.intern(name);
                if self.index.is_global(sym)
                    || builtins::MODULE_GLOBALS.contains(&name)
                    || name == "__annotations__"
                {
                    st.b.ins(InstKind::GlobalLoad(name.into()), span)
                } else if self.index.star_import {
                    // A star import may bind it: read the globals, then the builtins.
                    if !builtins::is_builtin(name) && !self.check_builtin_unless_star(name, range) {
                        self.star_condition(
                            name,
                            false,
                            DiagnosticCode::UndefinedName,
                            range,
                            format!("name `{name}` is not defined"),
                        );
                    }
                    st.b.ins(InstKind::GlobalLoad(name.into()), span)
                } else if builtins::is_builtin(name) {
                    st.b.ins(InstKind::BuiltinLoad(name.into()), span)
                } else if self.check_supported_builtin(name, range) {
                    st.b.ins(InstKind::GlobalLoad(name.into()), span)
                } else {
                    self.error(
                        DiagnosticCode::UndefinedName,
                        range,
                        format!("name `{name}` is not defined"),
                    );
                    st.b.ins(InstKind::GlobalLoad(name.into()), span)
                }
            }
        }
    }

    /// How `name` is reached from the class body being lowered (CPython's compiler picks
    /// `LOAD_NAME`, `LOAD_GLOBAL`, `LOAD_DEREF` or `LOAD_CLASSDEREF` the same way).
    fn class_body_name(&self, st: &FnState<'_>, name: &str) -> ClassBodyName {
        let Some(scope) = self.class_bound.last() else {
            return ClassBodyName::Namespace;
        };
        if scope.globals.contains(name) {
            return ClassBodyName::Global;
        }
        // A private name is mangled: `_C__x`, which no enclosing function binds here.
        if st.kind == Kind::Function
            && self.mangle(name) == name
            && matches!(
                self.resolution(st, name),
                Resolution::Cell | Resolution::Free
            )
            && let Some(&cell) = st.cells.get(name)
        {
            if scope.nonlocals.contains(name) {
                return ClassBodyName::Nonlocal(cell);
            }
            if !scope.locals.iter().any(|n| n == name) {
                return ClassBodyName::Free(cell);
            }
        }
        ClassBodyName::Namespace
    }

    /// CPython's `LOAD_CLASSDEREF`: a name a class body reads without binding it, which an
    /// enclosing function binds, comes from the class namespace when it has the key (a
    /// `__prepare__` mapping may), else from the function's cell.
    fn class_deref(
        &mut self,
        st: &mut FnState<'_>,
        ns: Value,
        cell: Value,
        name: &str,
        span: Span,
    ) -> Value {
        let key = self.constant(st, Constant::Str(name.into()), span);
        let has = st.b.ins(InstKind::Compare(CmpOp::In, key, ns), span);
        let (join, result) = st.b.new_block_with_param();
        let then = st.b.new_block();
        let else_ = st.b.new_block();
        st.b.brif(has, then, else_, span);
        st.b.seal(then);
        st.b.seal(else_);
        st.b.switch_to(then);
        let a = st.b.ins(InstKind::GetItem(ns, key), span);
        st.b.jump(join, vec![a], span);
        st.b.switch_to(else_);
        let b =
            st.b.ins(InstKind::CellLoad(cell, class_free_name(name)), span);
        st.b.jump(join, vec![b], span);
        st.b.seal(join);
        st.b.switch_to(join);
        result
    }

    fn store_local(&mut self, st: &mut FnState<'_>, name: &str, v: Value, span: Span) {
        Self::note_local(st, name);
        if st.use_slots {
            st.b.ins(InstKind::SlotStore(name.into(), v), span);
        } else {
            Self::rebind(st, name, v, span);
        }
    }

    /// Binds SSA variable `var` to `v`; the value it held before is released here (after
    /// the new one is bound, as CPython's `STORE_FAST` does), not at its last use.
    fn rebind(st: &mut FnState<'_>, var: &str, v: Value, span: Span) {
        let old = st.b.read_var(var);
        st.b.write_var(var, v);
        if !st.b.is_unbound(old) && old != v {
            st.b.ins(InstKind::KeepAlive(vec![old]), span);
        }
    }

    fn store_name(&mut self, st: &mut FnState<'_>, name: &str, v: Value, span: Span) {
        if let Some(var) = self.renamed(st, name).map(str::to_owned) {
            Self::rebind(st, &var, v, span);
            return;
        }
        let mut resolution = self.resolution(st, name);
        if let Some(ns) = st.class_ns {
            match self.class_body_name(st, name) {
                ClassBodyName::Namespace | ClassBodyName::Free(_) => {
                    let name = self.mangle(name).into_owned();
                    let key = self.constant(st, Constant::Str(name.into()), span);
                    st.b.ins(InstKind::SetItem(ns, key, v), span);
                    return;
                }
                ClassBodyName::Nonlocal(cell) => {
                    st.b.ins(InstKind::CellStore(cell, v), span);
                    return;
                }
                ClassBodyName::Global => resolution = Resolution::Global,
            }
        }
        match resolution {
            Resolution::Local => self.store_local(st, name, v, span),
            Resolution::Cell | Resolution::Free => match st.cells.get(name).copied() {
                Some(cell) => {
                    st.b.ins(InstKind::CellStore(cell, v), span);
                }
                None => {
                    st.b.ins(InstKind::GlobalStore(name.into(), v), span);
                }
            },
            Resolution::Global => {
                st.b.ins(InstKind::GlobalStore(name.into(), v), span);
            }
        }
    }

    fn delete_name(&mut self, st: &mut FnState<'_>, name: &str, span: Span) {
        if let Some(ns) = st.class_ns {
            match self.class_body_name(st, name) {
                ClassBodyName::Namespace | ClassBodyName::Free(_) => {
                    let name = self.mangle(name).into_owned();
                    let key = self.constant(st, Constant::Str(name.into()), span);
                    st.b.ins(InstKind::DelItem(ns, key), span);
                }
                ClassBodyName::Nonlocal(cell) => {
                    // CPython's `DELETE_DEREF`: a `NameError` when already empty.
                    st.b.ins(InstKind::CellLoad(cell, class_free_name(name)), span);
                    let u = st.b.unbound_value();
                    st.b.ins(InstKind::CellStore(cell, u), span);
                }
                ClassBodyName::Global => {
                    st.b.ins(InstKind::GlobalDel(name.into()), span);
                }
            }
            return;
        }
        if self.resolution(st, name) == Resolution::Local {
            Self::note_local(st, name);
        }
        match self.resolution(st, name) {
            Resolution::Local if st.use_slots => {
                st.b.ins(InstKind::SlotDel(name.into()), span);
            }
            Resolution::Local => {
                let u = st.b.unbound_value();
                Self::rebind(st, name, u, span);
            }
            Resolution::Cell | Resolution::Free => {
                if let Some(cell) = st.cells.get(name).copied() {
                    let u = st.b.unbound_value();
                    st.b.ins(InstKind::CellStore(cell, u), span);
                }
            }
            Resolution::Global => {
                st.b.ins(InstKind::GlobalDel(name.into()), span);
            }
        }
    }

    fn assign(&mut self, st: &mut FnState<'_>, target: &Expr, v: Value) {
        let span = self.span(target.range());
        match target {
            Expr::Name(n) => self.store_name(st, n.id.as_str(), v, span),
            Expr::Attribute(a) => {
                if a.attr.as_str() == "__class__" {
                    self.unsupported(a.range(), "assignment to `__class__`");
                }
                let obj = self.expr(st, &a.value);
                let attr = self.mangle(a.attr.as_str()).into_owned();
                st.b.ins(InstKind::SetAttr(obj, attr.into(), v), span);
            }
            Expr::Subscript(s) => {
                let obj = self.expr(st, &s.value);
                let idx = self.expr(st, &s.slice);
                st.b.ins(InstKind::SetItem(obj, idx, v), span);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                let tuple = match star {
                    Some(i) => st.b.ins(
                        InstKind::UnpackEx(v, i as u32, (elts.len() - i - 1) as u32),
                        span,
                    ),
                    None => st.b.ins(InstKind::Unpack(v, elts.len() as u32), span),
                };
                // Every item is taken before the first store, as CPython's
                // `UNPACK_SEQUENCE` pushes them all (a store may run code): the extracts
                // follow the unpack directly, which lets codegen read the items straight
                // from an unpacked tuple or list.
                let items: Vec<Value> = elts
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        st.b.ins(InstKind::Extract(tuple, i as u32), self.span(e.range()))
                    })
                    .collect();
                for (e, item) in elts.iter().zip(items) {
                    let e = match e {
                        Expr::Starred(s) => &*s.value,
                        e => e,
                    };
                    self.assign(st, e, item);
                }
            }
            Expr::Starred(s) => self.assign(st, &s.value, v),
            other => {
                self.unsupported(other.range(), "this assignment target");
            }
        }
    }

    fn aug_assign(&mut self, st: &mut FnState<'_>, a: &ast::StmtAugAssign) {
        let span = self.span(a.range());
        let op = binary_op(a.op);
        match &*a.target {
            Expr::Name(n) => {
                let old = self.load_name(st, n.id.as_str(), n.range());
                let rhs = self.expr(st, &a.value);
                let new = st.b.ins(
                    InstKind::Binary {
                        op,
                        inplace: true,
                        lhs: old,
                        rhs,
                    },
                    span,
                );
                self.store_name(st, n.id.as_str(), new, span);
            }
            Expr::Attribute(at) => {
                let obj = self.expr(st, &at.value);
                let attr = self.mangle(at.attr.as_str()).into_owned();
                let old = st.b.ins(
                    InstKind::GetAttr(obj, attr.as_str().into()),
                    self.span(at.range()),
                );
                let rhs = self.expr(st, &a.value);
                let new = st.b.ins(
                    InstKind::Binary {
                        op,
                        inplace: true,
                        lhs: old,
                        rhs,
                    },
                    span,
                );
                st.b.ins(InstKind::SetAttr(obj, attr.into(), new), span);
            }
            Expr::Subscript(s) => {
                let obj = self.expr(st, &s.value);
                let idx = self.expr(st, &s.slice);
                let old = st.b.ins(InstKind::GetItem(obj, idx), self.span(s.range()));
                let rhs = self.expr(st, &a.value);
                let new = st.b.ins(
                    InstKind::Binary {
                        op,
                        inplace: true,
                        lhs: old,
                        rhs,
                    },
                    span,
                );
                st.b.ins(InstKind::SetItem(obj, idx, new), span);
            }
            other => self.unsupported(other.range(), "this augmented assignment target"),
        }
    }

    fn delete(&mut self, st: &mut FnState<'_>, target: &Expr) {
        let span = self.span(target.range());
        match target {
            Expr::Name(n) => self.delete_name(st, n.id.as_str(), span),
            Expr::Attribute(a) => {
                let obj = self.expr(st, &a.value);
                let attr = self.mangle(a.attr.as_str()).into_owned();
                st.b.ins(InstKind::DelAttr(obj, attr.into()), span);
            }
            Expr::Subscript(s) => {
                let obj = self.expr(st, &s.value);
                let idx = self.expr(st, &s.slice);
                st.b.ins(InstKind::DelItem(obj, idx), span);
            }
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.delete(st, e)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.delete(st, e)),
            other => self.unsupported(other.range(), "this `del` target"),
        }
    }

    // ----- expressions -----

    fn constant(&mut self, st: &mut FnState<'_>, c: Constant, span: Span) -> Value {
        st.b.ins(InstKind::Const(c), span)
    }

    fn expr(&mut self, st: &mut FnState<'_>, e: &Expr) -> Value {
        let span = self.span(e.range());
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => {
                    let c = match i.as_i64() {
                        Some(v) => IntConst::Small(v),
                        None => IntConst::Big(int_digits(&i.to_string()).into()),
                    };
                    self.constant(st, Constant::Int(c), span)
                }
                ast::Number::Float(f) => self.constant(st, Constant::Float(*f), span),
                ast::Number::Complex { real, imag } => {
                    // `complex(real, imag)` of the builtin (a literal has no real part,
                    // but the parser keeps the field).
                    let callee = st.b.ins(InstKind::BuiltinLoad("complex".into()), span);
                    let re = self.constant(st, Constant::Float(*real), span);
                    let im = self.constant(st, Constant::Float(*imag), span);
                    st.b.ins(
                        InstKind::Call {
                            callee,
                            args: CallArgs {
                                positional: vec![re, im],
                                ..CallArgs::default()
                            },
                        },
                        span,
                    )
                }
            },
            Expr::StringLiteral(s) => {
                self.constant(st, Constant::Str(s.value.to_str().into()), span)
            }
            Expr::BytesLiteral(b) => {
                // `bytes("<the bytes as Latin-1 text>", "latin-1")`: a runtime call.
                let data: Vec<u8> = b.value.bytes().collect();
                let text: String = data.iter().map(|c| *c as char).collect();
                let callee = st.b.ins(InstKind::BuiltinLoad("bytes".into()), span);
                let text = self.constant(st, Constant::Str(text.into()), span);
                let codec = self.constant(st, Constant::Str("latin-1".into()), span);
                st.b.ins(
                    InstKind::Call {
                        callee,
                        args: CallArgs {
                            positional: vec![text, codec],
                            keywords: vec![],
                        },
                    },
                    span,
                )
            }
            Expr::BooleanLiteral(b) => self.constant(st, Constant::Bool(b.value), span),
            Expr::NoneLiteral(_) => self.constant(st, Constant::None, span),
            Expr::EllipsisLiteral(_) => self.constant(st, Constant::Ellipsis, span),
            Expr::Name(n) => self.load_name(st, n.id.as_str(), n.range()),
            Expr::BoolOp(b) => {
                let (join, result) = st.b.new_block_with_param();
                let last = b.values.len().saturating_sub(1);
                for (i, v) in b.values.iter().enumerate() {
                    let value = self.expr(st, v);
                    if i == last {
                        st.b.jump(join, vec![value], span);
                        break;
                    }
                    let c = st.b.ins(InstKind::Truthy(value), self.span(v.range()));
                    let next = st.b.new_block();
                    let (on_true, on_false) = match b.op {
                        ast::BoolOp::And => (
                            BlockCall {
                                block: next,
                                args: vec![],
                            },
                            BlockCall {
                                block: join,
                                args: vec![value],
                            },
                        ),
                        ast::BoolOp::Or => (
                            BlockCall {
                                block: join,
                                args: vec![value],
                            },
                            BlockCall {
                                block: next,
                                args: vec![],
                            },
                        ),
                    };
                    st.b.terminate(InstKind::Brif(c, on_true, on_false), span);
                    st.b.seal(next);
                    st.b.switch_to(next);
                }
                st.b.seal(join);
                st.b.switch_to(join);
                result
            }
            Expr::Named(n) => {
                let v = self.expr(st, &n.value);
                if let Expr::Name(name) = &*n.target {
                    // `:=` in a comprehension binds in the enclosing function, not the comprehension.
                    let saved = std::mem::take(&mut st.renames);
                    self.store_name(st, name.id.as_str(), v, span);
                    st.renames = saved;
                }
                v
            }
            Expr::BinOp(b) => {
                let lhs = self.expr(st, &b.left);
                let rhs = self.expr(st, &b.right);
                st.b.ins(
                    InstKind::Binary {
                        op: binary_op(b.op),
                        inplace: false,
                        lhs,
                        rhs,
                    },
                    span,
                )
            }
            Expr::UnaryOp(u) => {
                let v = self.expr(st, &u.operand);
                let op = match u.op {
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                };
                st.b.ins(InstKind::Unary(op, v), span)
            }
            Expr::Lambda(l) => {
                let defaults = match &l.parameters {
                    Some(p) => self.defaults(st, p),
                    None => Vec::new(),
                };
                let (name, freevars) = self.lower_lambda(st, l);
                let closure = self.closure_cells(st, &freevars, span);
                st.b.ins(
                    InstKind::MakeFunction {
                        name: name.into(),
                        defaults,
                        closure,
                    },
                    span,
                )
            }
            Expr::If(i) => {
                let (join, result) = st.b.new_block_with_param();
                let test = self.expr(st, &i.test);
                let c = st.b.ins(InstKind::Truthy(test), self.span(i.test.range()));
                let then = st.b.new_block();
                let else_ = st.b.new_block();
                st.b.brif(c, then, else_, span);
                st.b.seal(then);
                st.b.seal(else_);
                st.b.switch_to(then);
                let a = self.expr(st, &i.body);
                st.b.jump(join, vec![a], span);
                st.b.switch_to(else_);
                let b = self.expr(st, &i.orelse);
                st.b.jump(join, vec![b], span);
                st.b.seal(join);
                st.b.switch_to(join);
                result
            }
            Expr::Dict(d) => {
                let mut pairs = Vec::new();
                let mut pending_spreads: Vec<(usize, &Expr)> = Vec::new();
                for item in &d.items {
                    match &item.key {
                        Some(k) if pending_spreads.is_empty() => {
                            pairs.push(self.expr(st, k));
                            pairs.push(self.expr(st, &item.value));
                        }
                        _ => pending_spreads.push((0, &item.value)),
                    }
                }
                let dict = st.b.ins(InstKind::BuildDict(pairs), span);
                // `{**a, k: v}`: update in order after the leading plain items.
                let mut started = false;
                for item in &d.items {
                    if item.key.is_none() {
                        started = true;
                    }
                    if !started {
                        continue;
                    }
                    match &item.key {
                        None => {
                            let v = self.expr(st, &item.value);
                            st.b.ins(
                                InstKind::CallMethod {
                                    receiver: dict,
                                    name: "update".into(),
                                    args: CallArgs {
                                        positional: vec![v],
                                        keywords: vec![],
                                    },
                                },
                                span,
                            );
                        }
                        Some(k) => {
                            let k = self.expr(st, k);
                            let v = self.expr(st, &item.value);
                            st.b.ins(InstKind::SetItem(dict, k, v), span);
                        }
                    }
                }
                dict
            }
            Expr::Set(s) => self.sequence(st, &s.elts, span, SeqKind::Set),
            Expr::List(l) => self.sequence(st, &l.elts, span, SeqKind::List),
            Expr::Tuple(t) => self.sequence(st, &t.elts, span, SeqKind::Tuple),
            Expr::ListComp(c) => self.comprehension(st, Comp::List(&c.elt), &c.generators, span),
            Expr::SetComp(c) => self.comprehension(st, Comp::Set(&c.elt), &c.generators, span),
            Expr::DictComp(c) => match &c.key {
                Some(key) => self.comprehension(st, Comp::Dict(key, &c.value), &c.generators, span),
                None => {
                    self.unsupported(e.range(), "dict unpacking in a comprehension");
                    self.raise_not_implemented(st, span)
                }
            },
            Expr::Generator(g) => self.generator_expr(st, g, span),
            Expr::Await(_) => {
                self.unsupported(e.range(), "`await`");
                self.raise_not_implemented(st, span)
            }
            Expr::Yield(_) | Expr::YieldFrom(_) if st.comprehension.is_some() => {
                let kind = st.comprehension.unwrap_or_default();
                self.error(
                    DiagnosticCode::InvalidSyntax,
                    e.range(),
                    format!("'yield' inside {kind}"),
                );
                self.raise_not_implemented(st, span)
            }
            Expr::Yield(_) | Expr::YieldFrom(_)
                if st.kind == Kind::Module || !st.scope.is_generator =>
            {
                self.error(
                    DiagnosticCode::InvalidSyntax,
                    e.range(),
                    "`yield` outside function",
                );
                self.raise_not_implemented(st, span)
            }
            Expr::Yield(y) => {
                let v = match &y.value {
                    Some(v) => self.expr(st, v),
                    None => self.constant(st, Constant::None, span),
                };
                st.b.ins(InstKind::Yield(v), span)
            }
            Expr::YieldFrom(y) => {
                let x = self.expr(st, &y.value);
                self.yield_from(st, x, span)
            }
            Expr::Compare(c) => self.compare(st, c, span),
            Expr::Call(c) => self.call(st, c, span),
            Expr::FString(f) => self.fstring(st, f, span),
            Expr::TString(_) => {
                self.unsupported(e.range(), "template strings (t-strings)");
                self.raise_not_implemented(st, span)
            }
            Expr::Attribute(a) => {
                // The traceback of a raised exception is a traceback object, which the
                // runtime does not model: the exception an `except ... as e` caught has
                // one (a fresh exception's is `None`, and writing `None` is fine).
                if a.attr.as_str() == "__traceback__"
                    && let Expr::Name(n) = &*a.value
                    && st.cleanups.iter().any(
                        |c| matches!(c.cleanup, Cleanup::Unbind(name) if name == n.id.as_str()),
                    )
                {
                    self.unsupported(
                        a.range(),
                        "reading `__traceback__` of a caught exception (traceback objects)",
                    );
                }
                let obj = self.expr(st, &a.value);
                let attr = self.mangle(a.attr.as_str()).into_owned();
                st.b.ins(InstKind::GetAttr(obj, attr.into()), span)
            }
            Expr::Subscript(s) => {
                let obj = self.expr(st, &s.value);
                let idx = self.expr(st, &s.slice);
                st.b.ins(InstKind::GetItem(obj, idx), span)
            }
            Expr::Slice(s) => {
                let mut part = |st: &mut FnState<'_>, p: &Option<Box<Expr>>| match p {
                    Some(p) => self.expr(st, p),
                    None => self.constant(st, Constant::None, span),
                };
                let lo = part(st, &s.lower);
                let hi = part(st, &s.upper);
                let step = part(st, &s.step);
                st.b.ins(InstKind::BuildSlice(lo, hi, step), span)
            }
            Expr::Starred(_) => {
                self.error(
                    DiagnosticCode::InvalidSyntax,
                    e.range(),
                    "starred expression is not allowed here",
                );
                self.raise_not_implemented(st, span)
            }
            Expr::IpyEscapeCommand(_) => {
                self.unsupported(e.range(), "IPython escape command");
                self.raise_not_implemented(st, span)
            }
        }
    }

    fn sequence(
        &mut self,
        st: &mut FnState<'_>,
        elts: &[Expr],
        span: Span,
        kind: SeqKind,
    ) -> Value {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        let Some(first_star) = star else {
            let vs: Vec<Value> = elts.iter().map(|e| self.expr(st, e)).collect();
            return st.b.ins(
                match kind {
                    SeqKind::List => InstKind::BuildList(vs),
                    SeqKind::Tuple => InstKind::BuildTuple(vs),
                    SeqKind::Set => InstKind::BuildSet(vs),
                },
                span,
            );
        };
        let head: Vec<Value> = elts[..first_star]
            .iter()
            .map(|e| self.expr(st, e))
            .collect();
        let acc = match kind {
            SeqKind::Set => st.b.ins(InstKind::BuildSet(head), span),
            _ => st.b.ins(InstKind::BuildList(head), span),
        };
        for e in &elts[first_star..] {
            if let (Expr::Starred(s), SeqKind::List | SeqKind::Tuple) = (e, kind) {
                let v = self.expr(st, &s.value);
                st.b.ins(InstKind::StarExtend(acc, v), span);
                continue;
            }
            let (method, v) = match e {
                Expr::Starred(s) => (
                    if kind == SeqKind::Set {
                        "update"
                    } else {
                        "extend"
                    },
                    self.expr(st, &s.value),
                ),
                e => (
                    if kind == SeqKind::Set {
                        "add"
                    } else {
                        "append"
                    },
                    self.expr(st, e),
                ),
            };
            st.b.ins(
                InstKind::CallMethod {
                    receiver: acc,
                    name: method.into(),
                    args: CallArgs {
                        positional: vec![v],
                        keywords: vec![],
                    },
                },
                span,
            );
        }
        if kind == SeqKind::Tuple {
            let tuple = st.b.ins(InstKind::BuiltinLoad("tuple".into()), span);
            return st.b.ins(
                InstKind::Call {
                    callee: tuple,
                    args: CallArgs {
                        positional: vec![acc],
                        keywords: vec![],
                    },
                },
                span,
            );
        }
        acc
    }

    fn compare(&mut self, st: &mut FnState<'_>, c: &ast::ExprCompare, span: Span) -> Value {
        let mut lhs = self.expr(st, &c.left);
        if c.ops.len() == 1 {
            let rhs = self.expr(st, &c.comparators[0]);
            return st
                .b
                .ins(InstKind::Compare(cmp_op(c.ops[0]), lhs, rhs), span);
        }
        let (join, result) = st.b.new_block_with_param();
        let last = c.ops.len() - 1;
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            let rhs = self.expr(st, right);
            let r = st.b.ins(InstKind::Compare(cmp_op(*op), lhs, rhs), span);
            if i == last {
                st.b.jump(join, vec![r], span);
                break;
            }
            let t = st.b.ins(InstKind::Truthy(r), span);
            let next = st.b.new_block();
            st.b.terminate(
                InstKind::Brif(
                    t,
                    BlockCall {
                        block: next,
                        args: vec![],
                    },
                    BlockCall {
                        block: join,
                        args: vec![r],
                    },
                ),
                span,
            );
            st.b.seal(next);
            st.b.switch_to(next);
            lhs = rhs;
        }
        st.b.seal(join);
        st.b.switch_to(join);
        result
    }

    fn call(&mut self, st: &mut FnState<'_>, c: &ast::ExprCall, span: Span) -> Value {
        let has_star = c
            .arguments
            .args
            .iter()
            .any(|a| matches!(a, Expr::Starred(_)))
            || c.arguments.keywords.iter().any(|k| k.arg.is_none());
        // Signature check for calls to known module-level functions and classes.
        if !has_star {
            if let Expr::Name(n) = &*c.func {
                if self.renamed(st, n.id.as_str()).is_none()
                    && self.resolution(st, n.id.as_str()) == Resolution::Global
                    && st.class_ns.is_none()
                {
                    let keywords: Vec<&str> = c
                        .arguments
                        .keywords
                        .iter()
                        .filter_map(|k| k.arg.as_ref().map(|a| a.as_str()))
                        .collect();
                    self.check_call(n.id.as_str(), c.arguments.args.len(), &keywords, c.range());
                }
            }
        }
        // `vars()` without an argument is the caller's locals, which the runtime cannot see.
        if let Expr::Name(n) = &*c.func {
            if n.id.as_str() == "vars"
                && c.arguments.args.is_empty()
                && c.arguments.keywords.is_empty()
                && self.renamed(st, "vars").is_none()
                && self.resolution(st, "vars") == Resolution::Global
                && !self.index.is_global(self.db.intern("vars"))
            {
                let message =
                    "`vars()` without an argument (the locals namespace) is not supported yet";
                if self.index.star_import {
                    self.star_condition(
                        "vars",
                        false,
                        DiagnosticCode::UnsupportedBuiltin,
                        c.range(),
                        message,
                    );
                } else {
                    self.error(DiagnosticCode::UnsupportedBuiltin, c.range(), message);
                }
            }
        }
        // Zero-argument `super()` of the builtin.
        if let Expr::Name(n) = &*c.func {
            if n.id.as_str() == "super"
                && c.arguments.args.is_empty()
                && c.arguments.keywords.is_empty()
                && self.is_builtin_here(st, "super")
            {
                if self.index.star_import {
                    self.star_condition(
                        "super",
                        true,
                        DiagnosticCode::UnsupportedSyntax,
                        n.range(),
                        "a star import that binds `super` in a module calling `super()` is not supported yet",
                    );
                }
                return self.zero_arg_super(st, n.range(), span);
            }
            if n.id.as_str() == "super"
                && c.arguments.args.is_empty()
                && c.arguments.keywords.is_empty()
                && st.kind != Kind::Module
            {
                let callee = self.expr(st, &c.func);
                return self.zero_arg_super_rebound(st, callee, span);
            }
        }
        if has_star {
            let callee = self.expr(st, &c.func);
            // `f(*x)` alone passes `x` itself (CPython's CALL_FUNCTION_EX: the error for a
            // non-iterable names the callee); otherwise the arguments are collected first.
            let args = match &c.arguments.args[..] {
                [Expr::Starred(s)] => self.expr(st, &s.value),
                elts => self.sequence(st, elts, span, SeqKind::Tuple),
            };
            // As CPython: the keywords before the first `**` build the dict; each `**m`, and
            // each run of keywords after one, is merged in with duplicate-key checks.
            let kwargs = st.b.ins(InstKind::BuildDict(vec![]), span);
            let mut run: Option<Value> = None;
            let mut after_star = false;
            for k in &c.arguments.keywords {
                let v = self.expr(st, &k.value);
                match &k.arg {
                    Some(name) => {
                        let key = self.constant(st, Constant::Str(name.as_str().into()), span);
                        let target = if after_star {
                            *run.get_or_insert_with(|| st.b.ins(InstKind::BuildDict(vec![]), span))
                        } else {
                            kwargs
                        };
                        st.b.ins(InstKind::SetItem(target, key, v), span);
                    }
                    None => {
                        if let Some(r) = run.take() {
                            st.b.ins(InstKind::KwargsMerge(callee, kwargs, r), span);
                        }
                        st.b.ins(InstKind::KwargsMerge(callee, kwargs, v), span);
                        after_star = true;
                    }
                }
            }
            if let Some(r) = run.take() {
                st.b.ins(InstKind::KwargsMerge(callee, kwargs, r), span);
            }
            return st.b.ins(
                InstKind::CallEx {
                    callee,
                    args,
                    kwargs,
                },
                span,
            );
        }
        let method = match &*c.func {
            Expr::Attribute(a) => Some(a),
            _ => None,
        };
        let receiver = method.map(|a| self.expr(st, &a.value));
        let callee = if receiver.is_none() {
            Some(self.expr(st, &c.func))
        } else {
            None
        };
        // CPython looks the method up before it evaluates the arguments (`LOAD_METHOD`):
        // when an argument may run code, the lookup comes first (`method.load`); the
        // `method_loads` pass joins the two again where the order cannot be observed.
        let loaded = match (receiver, method) {
            (Some(receiver), Some(a))
                if c.arguments.args.iter().any(|e| !is_literal(e))
                    || c.arguments.keywords.iter().any(|k| !is_literal(&k.value)) =>
            {
                let name: Box<str> = self.mangle(a.attr.as_str()).into_owned().into();
                Some((
                    st.b.ins(InstKind::MethodLoad(receiver, name.clone()), span),
                    name,
                ))
            }
            _ => None,
        };
        let positional: Vec<Value> = c.arguments.args.iter().map(|a| self.expr(st, a)).collect();
        let keywords: Vec<(Box<str>, Value)> = c
            .arguments
            .keywords
            .iter()
            .filter_map(|k| k.arg.as_ref().map(|name| (name.as_str().into(), k)))
            .map(|(name, k)| (name, self.expr(st, &k.value)))
            .collect();
        let args = CallArgs {
            positional,
            keywords,
        };
        if let (Some(receiver), Some((method, name))) = (receiver, loaded) {
            return st.b.ins(
                InstKind::CallMethodLoaded {
                    receiver,
                    method,
                    name,
                    args,
                },
                span,
            );
        }
        match (receiver, method, callee) {
            (Some(receiver), Some(a), _) => st.b.ins(
                InstKind::CallMethod {
                    receiver,
                    name: self.mangle(a.attr.as_str()).into_owned().into(),
                    args,
                },
                span,
            ),
            (_, _, Some(callee)) => st.b.ins(InstKind::Call { callee, args }, span),
            _ => self.raise_not_implemented(st, span),
        }
    }

    /// `yield from x` (PEP 380) as a loop around this generator's own `yield`: the runtime's
    /// hidden builtin `<yield from>` (`molt_runtime::generator::YIELD_FROM`) gets the
    /// subiterator, resumes it with what was sent in (a `(yielded, value)` pair back) and
    /// passes on an exception thrown in at the `yield`, whose handler is this loop's.
    fn yield_from(&mut self, st: &mut FnState<'_>, x: Value, span: Span) -> Value {
        const YIELD_FROM: &str = "<yield from>";
        let (iter_op, send_op, throw_op) = (0, 1, 2);
        let helper = st.b.ins(InstKind::BuiltinLoad(YIELD_FROM.into()), span);
        let op = |this: &mut Self, st: &mut FnState<'_>, n: i64| {
            this.constant(st, Constant::Int(IntConst::Small(n)), span)
        };
        let call = |st: &mut FnState<'_>, positional: Vec<Value>| {
            st.b.ins(
                InstKind::Call {
                    callee: helper,
                    args: CallArgs {
                        positional,
                        keywords: vec![],
                    },
                },
                span,
            )
        };
        let o = op(self, st, iter_op);
        let it = call(st, vec![o, x]);
        let (o, none) = (
            op(self, st, send_op),
            self.constant(st, Constant::None, span),
        );
        let first = call(st, vec![o, it, none]);
        let outer = st.b.handler;
        let (head, step) = st.b.new_block_with_param();
        let (thrown, exc) = {
            // The handler of the `yield` below: an exception thrown into this generator.
            let saved = st.b.handler;
            st.b.handler = outer;
            let h = st.b.new_block_with_param();
            st.b.handler = saved;
            h
        };
        st.b.jump(head, vec![first], span);
        st.b.switch_to(head);
        let pair = st.b.ins(InstKind::Unpack(step, 2), span);
        let flag = st.b.ins(InstKind::Extract(pair, 0), span);
        let value = st.b.ins(InstKind::Extract(pair, 1), span);
        let flag = st.b.ins(InstKind::Truthy(flag), span);
        let yielding = st.b.new_block();
        let done = st.b.new_block();
        st.b.brif(flag, yielding, done, span);
        st.b.seal(yielding);
        st.b.seal(done);
        st.b.switch_to(yielding);
        self.enter_handler(st, Some(thrown));
        let sent = st.b.ins(InstKind::Yield(value), span);
        self.enter_handler(st, outer);
        let o = op(self, st, send_op);
        let next = call(st, vec![o, it, sent]);
        st.b.jump(head, vec![next], span);
        st.b.seal(thrown);
        st.b.switch_to(thrown);
        st.b.handler = outer;
        let level = st.handler_level;
        st.b.ins(InstKind::ExcEnter(exc, level), span);
        st.handler_level = level + 1;
        let o = op(self, st, throw_op);
        let next = call(st, vec![o, it, exc]);
        st.b.ins(InstKind::ExcLeave(level), span);
        st.handler_level = level;
        st.b.jump(head, vec![next], span);
        st.b.seal(head);
        st.b.switch_to(done);
        value
    }

    fn check_call(&mut self, name: &str, positional: usize, keywords: &[&str], range: TextRange) {
        let sym: Symbol = self.db.intern(name);
        if let Some(sig) = self.index.stable_function(sym) {
            if sig.decorated {
                return;
            }
            if let Some(msg) = sig.check_call(self.db, 0, positional, keywords) {
                self.error(DiagnosticCode::ArgCount, range, msg);
            }
        } else if let Some(class) = self.index.frozen_class(sym) {
            if !self.index.metaclass_is_type(class) {
                return;
            }
            let init = self.db.intern("__init__");
            match class.method(init) {
                Some(sig) if !sig.decorated => {
                    if let Some(msg) = sig.check_call(self.db, 1, positional, keywords) {
                        let msg = msg.replacen("`__init__()`", &format!("`{name}()`"), 1);
                        self.error(DiagnosticCode::ArgCount, range, msg);
                    }
                }
                None if class.base.is_none()
                    && !class.other_bases
                    && !class
                        .methods
                        .iter()
                        .any(|m| self.db.resolve(m.name) == "__new__") =>
                {
                    if positional > 0 || !keywords.is_empty() {
                        self.error(
                            DiagnosticCode::ArgCount,
                            range,
                            format!("`{name}()` takes no arguments"),
                        );
                    }
                }
                _ => {}
            }
        }
    }

    fn fstring(&mut self, st: &mut FnState<'_>, f: &ast::ExprFString, span: Span) -> Value {
        let mut parts = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(lit) => {
                    if !lit.value.is_empty() {
                        parts.push(self.constant(
                            st,
                            Constant::Str(lit.value.as_ref().into()),
                            self.span(lit.range()),
                        ));
                    }
                }
                ast::FStringPart::FString(fs) => self.interpolated(st, &fs.elements, &mut parts),
            }
        }
        if parts.len() == 1 && matches!(st.b.func.ty(parts[0]), Type::Str) {
            return parts[0];
        }
        st.b.ins(InstKind::BuildString(parts), span)
    }

    fn interpolated(
        &mut self,
        st: &mut FnState<'_>,
        elements: &ast::InterpolatedStringElements,
        parts: &mut Vec<Value>,
    ) {
        for element in elements.iter() {
            match element {
                ast::InterpolatedStringElement::Literal(lit) => {
                    parts.push(self.constant(
                        st,
                        Constant::Str(lit.value.as_ref().into()),
                        self.span(lit.range()),
                    ));
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let span = self.span(i.range());
                    let mut conversion = i.conversion;
                    if let Some(debug) = &i.debug_text {
                        // `f"{x=}"`: the expression's source text and `=`, then its repr unless a
                        // format spec or conversion says otherwise.
                        let range = i.expression.range();
                        let source = self
                            .source
                            .get(range.start().to_usize()..range.end().to_usize())
                            .unwrap_or_default();
                        let text = format!("{}{source}{}", debug.leading(), debug.trailing());
                        parts.push(self.constant(st, Constant::Str(text.into()), span));
                        if conversion == ast::ConversionFlag::None && i.format_spec.is_none() {
                            conversion = ast::ConversionFlag::Repr;
                        }
                    }
                    let mut v = self.expr(st, &i.expression);
                    v = match conversion {
                        ast::ConversionFlag::None => v,
                        ast::ConversionFlag::Str => {
                            st.b.ins(InstKind::Convert(Conversion::Str, v), span)
                        }
                        ast::ConversionFlag::Repr => {
                            st.b.ins(InstKind::Convert(Conversion::Repr, v), span)
                        }
                        ast::ConversionFlag::Ascii => {
                            st.b.ins(InstKind::Convert(Conversion::Ascii, v), span)
                        }
                    };
                    let spec = match &i.format_spec {
                        Some(spec) => {
                            let mut spec_parts = Vec::new();
                            self.interpolated(st, &spec.elements, &mut spec_parts);
                            match spec_parts.as_slice() {
                                [one] => *one,
                                [] => self.empty_str(st),
                                _ => st.b.ins(InstKind::BuildString(spec_parts), span),
                            }
                        }
                        None => self.empty_str(st),
                    };
                    parts.push(st.b.ins(InstKind::Format(v, spec), span));
                }
            }
        }
    }

    fn empty_str(&mut self, st: &mut FnState<'_>) -> Value {
        self.constant(st, Constant::Str("".into()), Span::default())
    }

    fn comprehension(
        &mut self,
        st: &mut FnState<'_>,
        comp: Comp<'_>,
        generators: &[ast::Comprehension],
        span: Span,
    ) -> Value {
        let elements: Vec<&Expr> = match comp {
            Comp::List(e) | Comp::Set(e) => vec![e],
            Comp::Dict(k, v) => vec![k, v],
        };
        if molt_semantic::scope::comprehension_needs_scope(generators, &elements) {
            return self.comprehension_function(st, comp, generators, span);
        }
        // CPython 3.11 runs the comprehension in a frame of its own (for tracebacks).
        let (elt, value, leaf) = match comp {
            Comp::List(e) => (e, None, "<listcomp>"),
            Comp::Set(e) => (e, None, "<setcomp>"),
            Comp::Dict(k, v) => (k, Some(v), "<dictcomp>"),
        };
        let scope = Scope::of_function(None, ScopeBody::Comprehension(generators, elt, value));
        st.inlined_frames.push(molt_mir::InlinedFrame {
            name: leaf.into(),
            varnames: std::iter::once(".0".into())
                .chain(scope.locals.iter().map(|n| n.as_str().into()))
                .collect(),
            span,
            body: span,
            outside: generators.first().map(|g| self.span(g.iter.range())),
        });
        let saved = st.renames.len();
        let exit = st.b.new_block();
        // The first iterable, evaluated outside the comprehension's frame. Its span: a
        // traceback shows the whole comprehension (CPython's position of the outermost
        // `GET_ITER`) through the inlined frame's `outside` span (`molt_driver::debug_info`).
        let first_iter = generators.first().map(|g| {
            let iterable = self.expr(st, &g.iter);
            st.b.ins(InstKind::GetIter(iterable), self.span(g.iter.range()))
        });
        // The result is made in the comprehension's frame, after the first iterable (its
        // items may be older than it: the finalization order at exit sees the difference).
        let result = match comp {
            Comp::List(_) => st.b.ins(InstKind::BuildList(vec![]), span),
            Comp::Set(_) => st.b.ins(InstKind::BuildSet(vec![]), span),
            Comp::Dict(..) => st.b.ins(InstKind::BuildDict(vec![]), span),
        };
        st.comp_iters.extend(first_iter);
        let outer = st.comprehension.replace(comp.description());
        self.comprehension_level(st, comp, generators, result, exit, span, first_iter, true);
        st.comprehension = outer;
        if first_iter.is_some() {
            st.comp_iters.pop();
        }
        st.b.seal(exit);
        st.b.switch_to(exit);
        // The comprehension's frame (inlined here) exits: its variables are released.
        let internals: Vec<String> = st.renames[saved..].iter().map(|(_, i)| i.clone()).collect();
        st.renames.truncate(saved);
        // The variables are unbound again afterwards: each run of the comprehension is a
        // new frame, so a value must not outlive this run in its variable (it would be
        // released only where the next run rebinds it, and every enclosing loop would carry
        // the variables of all the comprehensions nested in it: block parameters growing with
        // the square of the nesting depth).
        // The frame's `.0` (the first iterable's iterator) goes first, as CPython's frame
        // releases it; this `keepalive` (with the comprehension's span) also tells codegen
        // what an exception leaving the frame keeps (`molt_codegen::liveness::FrameHeld`).
        let mut values: Vec<Value> = first_iter.into_iter().collect();
        let unbound = st.b.unbound_value();
        for internal in internals {
            let v = st.b.read_var(&internal);
            if !st.b.is_unbound(v) && !values.contains(&v) {
                values.push(v);
            }
            st.b.write_var(&internal, unbound);
        }
        if !values.is_empty() {
            st.b.ins(InstKind::KeepAlive(values), span);
        }
        result
    }

    /// One `for ... in ... if ...` level; `done` is where the outermost loop exits to.
    fn comprehension_level(
        &mut self,
        st: &mut FnState<'_>,
        comp: Comp<'_>,
        generators: &[ast::Comprehension],
        result: Value,
        done: molt_mir::Block,
        span: Span,
        first_iter: Option<Value>,
        rename: bool,
    ) {
        let Some((g, rest)) = generators.split_first() else {
            match comp {
                Comp::List(elt) => {
                    let v = self.expr(st, elt);
                    st.b.ins(
                        InstKind::CallMethod {
                            receiver: result,
                            name: "append".into(),
                            args: CallArgs {
                                positional: vec![v],
                                keywords: vec![],
                            },
                        },
                        span,
                    );
                }
                Comp::Set(elt) => {
                    let v = self.expr(st, elt);
                    st.b.ins(
                        InstKind::CallMethod {
                            receiver: result,
                            name: "add".into(),
                            args: CallArgs {
                                positional: vec![v],
                                keywords: vec![],
                            },
                        },
                        span,
                    );
                }
                Comp::Dict(k, v) => {
                    let k = self.expr(st, k);
                    let v = self.expr(st, v);
                    st.b.ins(InstKind::SetItem(result, k, v), span);
                }
            }
            return;
        };
        if g.is_async {
            self.unsupported(g.range(), "`async for` in a comprehension");
        }
        let it = match first_iter {
            Some(it) => it,
            None => {
                // The iterable's span: a traceback shows the whole comprehension (CPython's
                // position of the outermost `GET_ITER`) through the inlined frame's
                // `outside` span (`molt_driver::debug_info`).
                let iterable = self.expr(st, &g.iter);
                st.b.ins(InstKind::GetIter(iterable), self.span(g.iter.range()))
            }
        };
        // Inlined comprehensions: targets get fresh SSA variables, unbound before the loop
        // (so that no enclosing loop carries them). A comprehension lowered as its own
        // function binds them as its locals instead.
        if rename {
            let mut names = Vec::new();
            target_names(&g.target, &mut names);
            let unbound = st.b.unbound_value();
            for name in names {
                st.rename_counter += 1;
                let internal = format!("{name}.{}", st.rename_counter);
                st.b.write_var(&internal, unbound);
                st.renames.push((name, internal));
            }
        }
        let (header, item) = self.begin_iteration(st, it, done, span);
        self.assign(st, &g.target, item);
        for cond in &g.ifs {
            let v = self.expr(st, cond);
            let c = st.b.ins(InstKind::Truthy(v), self.span(cond.range()));
            let pass = st.b.new_block();
            st.b.brif(c, pass, header, span);
            st.b.seal(pass);
            st.b.switch_to(pass);
        }
        let inner_done = st.b.new_block();
        if rest.is_empty() {
            self.comprehension_level(st, comp, rest, result, inner_done, span, None, rename);
            st.b.jump(header, vec![], span);
            st.b.seal(inner_done);
            st.b.switch_to(inner_done);
            st.b.jump(header, vec![], span);
        } else {
            self.comprehension_level(st, comp, rest, result, inner_done, span, None, rename);
            st.b.seal(inner_done);
            st.b.switch_to(inner_done);
            st.b.jump(header, vec![], span);
        }
        st.b.seal(header);
    }

    /// A comprehension lowered as a function of its own (`<listcomp>` etc.), called with the
    /// iterator of its first iterable, as CPython 3.11 does; used when closures inside it can
    /// capture its loop variables.
    fn comprehension_function(
        &mut self,
        st: &mut FnState<'_>,
        comp: Comp<'_>,
        generators: &[ast::Comprehension],
        span: Span,
    ) -> Value {
        let Some(first) = generators.first() else {
            return self.raise_not_implemented(st, span);
        };
        let iterable = self.expr(st, &first.iter);
        let it = st.b.ins(InstKind::GetIter(iterable), span);
        let (elt, value, leaf) = match comp {
            Comp::List(e) => (e, None, "<listcomp>"),
            Comp::Set(e) => (e, None, "<setcomp>"),
            Comp::Dict(k, v) => (k, Some(v), "<dictcomp>"),
        };
        let scope = Scope::of_function(None, ScopeBody::Comprehension(generators, elt, value));
        let (mut inner, src) = self.begin_scope_function(st, scope, leaf);
        inner.comprehension = Some(comp.description());
        let result = match comp {
            Comp::List(_) => inner.b.ins(InstKind::BuildList(vec![]), span),
            Comp::Set(_) => inner.b.ins(InstKind::BuildSet(vec![]), span),
            Comp::Dict(..) => inner.b.ins(InstKind::BuildDict(vec![]), span),
        };
        let exit = inner.b.new_block();
        self.comprehension_level(
            &mut inner,
            comp,
            generators,
            result,
            exit,
            span,
            Some(src),
            false,
        );
        inner.b.seal(exit);
        inner.b.switch_to(exit);
        self.return_(&mut inner, result, span);
        self.call_scope_function(st, inner, false, it, span)
    }

    fn generator_expr(
        &mut self,
        st: &mut FnState<'_>,
        g: &ast::ExprGenerator,
        span: Span,
    ) -> Value {
        let Some(first) = g.generators.first() else {
            return self.raise_not_implemented(st, span);
        };
        let iterable = self.expr(st, &first.iter);
        let it = st.b.ins(InstKind::GetIter(iterable), span);
        let scope = Scope::of_function(None, ScopeBody::Generator(g));
        let (mut inner, src) = self.begin_scope_function(st, scope, "<genexpr>");
        inner.comprehension = Some("generator expression");
        // Body: for target in .0: ...: yield elt
        let done = inner.b.new_block();
        self.genexpr_level(&mut inner, g, 0, Some(src), done, span);
        inner.b.seal(done);
        inner.b.switch_to(done);
        self.implicit_return(&mut inner);
        self.call_scope_function(st, inner, true, it, span)
    }

    /// Starts the function of a comprehension or generator expression nested in `st`: its
    /// state and the value of its one parameter, `.0` (the first iterable's iterator).
    fn begin_scope_function<'t>(
        &mut self,
        st: &FnState<'_>,
        scope: Scope,
        leaf: &str,
    ) -> (FnState<'t>, Value) {
        let mut enclosing = st.enclosing.clone();
        if st.kind == Kind::Function {
            enclosing.push(st.scope.clone());
        }
        let scope = if st.class_ns.is_some() {
            with_class_cell(scope)
        } else {
            scope
        };
        let qualname = self.nested_qualname(st, leaf);
        let name = self.unique_name(qualname);
        let mut inner = FnState::new(
            FnBuilder::new(&name, 1),
            Kind::Function,
            name,
            scope,
            enclosing,
        );
        self.prologue(&mut inner, &[dot_zero_param()], &[None]);
        let src = inner.b.func.blocks[0].params[0];
        (inner, src)
    }

    /// Finishes a function started by [`Lowerer::begin_scope_function`] and, in `st`, makes
    /// it (with its closure) and calls it with the iterator `it`.
    fn call_scope_function(
        &mut self,
        st: &mut FnState<'_>,
        inner: FnState<'_>,
        is_generator: bool,
        it: Value,
        span: Span,
    ) -> Value {
        let name = inner.qualname.clone();
        let freevars = self.freevars_of(&inner);
        self.finish(
            inner,
            vec![dot_zero_param()],
            freevars.clone(),
            is_generator,
        );
        let closure = self.closure_cells(st, &freevars, span);
        let f = st.b.ins(
            InstKind::MakeFunction {
                name: name.into(),
                defaults: vec![],
                closure,
            },
            span,
        );
        st.b.ins(
            InstKind::Call {
                callee: f,
                args: CallArgs {
                    positional: vec![it],
                    keywords: vec![],
                },
            },
            span,
        )
    }

    /// Starts a loop over iterator `it`: a header block (`iter.next`, exiting to `done`) and
    /// its body, which becomes current. Returns the header (the loop's back-edge target, to
    /// seal once the body is lowered) and the item.
    fn begin_iteration(
        &mut self,
        st: &mut FnState<'_>,
        it: Value,
        done: molt_mir::Block,
        span: Span,
    ) -> (molt_mir::Block, Value) {
        let header = st.b.new_block();
        let (body, item) = st.b.new_block_with_param();
        st.b.jump(header, vec![], span);
        st.b.switch_to(header);
        st.b.terminate(
            InstKind::IterNext(
                it,
                BlockCall {
                    block: body,
                    args: vec![],
                },
                BlockCall {
                    block: done,
                    args: vec![],
                },
            ),
            span,
        );
        st.b.seal(body);
        st.b.switch_to(body);
        (header, item)
    }

    fn genexpr_level(
        &mut self,
        st: &mut FnState<'_>,
        g: &ast::ExprGenerator,
        level: usize,
        source: Option<Value>,
        done: molt_mir::Block,
        span: Span,
    ) {
        let Some(comp) = g.generators.get(level) else {
            let v = self.expr(st, &g.elt);
            st.b.ins(InstKind::Yield(v), span);
            return;
        };
        let it = match source {
            Some(it) => it,
            None => {
                let iterable = self.expr(st, &comp.iter);
                st.b.ins(InstKind::GetIter(iterable), span)
            }
        };
        let (header, item) = self.begin_iteration(st, it, done, span);
        self.assign(st, &comp.target, item);
        for cond in &comp.ifs {
            let v = self.expr(st, cond);
            let c = st.b.ins(InstKind::Truthy(v), self.span(cond.range()));
            let pass = st.b.new_block();
            st.b.brif(c, pass, header, span);
            st.b.seal(pass);
            st.b.switch_to(pass);
        }
        let inner_done = st.b.new_block();
        self.genexpr_level(st, g, level + 1, None, inner_done, span);
        st.b.jump(header, vec![], span);
        st.b.seal(inner_done);
        st.b.switch_to(inner_done);
        st.b.jump(header, vec![], span);
        st.b.seal(header);
    }

    /// The `__qualname__` of a function, lambda, comprehension or class named `leaf` defined
    /// here: `C.leaf` in the body of class `C` (whose qualname `st.qualname` is while its body
    /// is lowered), `f.<locals>.leaf` in function `f`, `leaf` in module code.
    fn nested_qualname(&self, st: &FnState<'_>, leaf: &str) -> String {
        match (st.kind, st.class_ns) {
            (_, Some(_)) => format!("{}.{leaf}", st.qualname),
            (Kind::Module, None) => leaf.to_owned(),
            (Kind::Function, None) => format!("{}.<locals>.{leaf}", st.qualname),
        }
    }

    fn lower_lambda(&mut self, st: &mut FnState<'_>, l: &ast::ExprLambda) -> (String, Vec<String>) {
        let mut scope = Scope::of_function(l.parameters.as_deref(), ScopeBody::Expr(&l.body));
        if st.class_ns.is_some() {
            scope = with_class_cell(scope);
        }
        let mut enclosing = st.enclosing.clone();
        if st.kind == Kind::Function {
            enclosing.push(st.scope.clone());
        }
        let qualname = self.nested_qualname(st, "<lambda>");
        let name = self.unique_name(qualname);
        let params = l.parameters.as_deref().map(mir_params).unwrap_or_default();
        let mut inner = FnState::new(
            FnBuilder::new(&name, params.len()),
            Kind::Function,
            name.clone(),
            scope,
            enclosing,
        );
        let annotations = vec![None; params.len()];
        self.prologue(&mut inner, &params, &annotations);
        let v = self.expr(&mut inner, &l.body);
        let span = self.span(l.body.range());
        self.return_(&mut inner, v, span);
        let freevars = self.freevars_of(&inner);
        let is_gen = inner.scope.is_generator;
        self.finish(inner, params, freevars.clone(), is_gen);
        (name, freevars)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy)]
enum Comp<'e> {
    List(&'e Expr),
    Set(&'e Expr),
    Dict(&'e Expr, &'e Expr),
}

impl<'t> FnState<'t> {
    fn new(
        b: FnBuilder,
        kind: Kind,
        qualname: String,
        scope: Scope,
        enclosing: Vec<Scope>,
    ) -> FnState<'t> {
        let use_slots = kind == Kind::Function && (scope.has_try || scope.has_del);
        FnState {
            b,
            kind,
            qualname,
            scope,
            enclosing,
            use_slots,
            cells: FxHashMap::default(),
            loops: Vec::new(),
            cleanups: Vec::new(),
            handler_level: 0,
            current_exc: Vec::new(),
            renames: Vec::new(),
            local_order: Vec::new(),
            rename_counter: 0,
            class_ns: None,
            defs_are_items: false,
            first_arg: None,
            comp_iters: Vec::new(),
            inlined_frames: Vec::new(),
            comprehension: None,
        }
    }
}

impl Comp<'_> {
    /// CPython's name for the kind, as its `SyntaxError`s say it.
    fn description(self) -> &'static str {
        match self {
            Comp::List(_) => "list comprehension",
            Comp::Set(_) => "set comprehension",
            Comp::Dict(..) => "dict comprehension",
        }
    }
}

/// The one parameter of comprehension and generator-expression functions: `.0`, the iterator
/// of the first iterable (CPython's name for it).
fn dot_zero_param() -> Param {
    Param {
        name: ".0".into(),
        kind: ParamKind::PositionalOnly,
        has_default: false,
    }
}

/// The MIR signature of Python parameters.
fn mir_params(params: &ast::Parameters) -> Vec<Param> {
    let mut out = Vec::new();
    for p in &params.posonlyargs {
        out.push(Param {
            name: p.parameter.name.as_str().into(),
            kind: ParamKind::PositionalOnly,
            has_default: p.default.is_some(),
        });
    }
    for p in &params.args {
        out.push(Param {
            name: p.parameter.name.as_str().into(),
            kind: ParamKind::Positional,
            has_default: p.default.is_some(),
        });
    }
    if let Some(p) = &params.vararg {
        out.push(Param {
            name: p.name.as_str().into(),
            kind: ParamKind::VarArgs,
            has_default: false,
        });
    }
    for p in &params.kwonlyargs {
        out.push(Param {
            name: p.parameter.name.as_str().into(),
            kind: ParamKind::KeywordOnly,
            has_default: p.default.is_some(),
        });
    }
    if let Some(p) = &params.kwarg {
        out.push(Param {
            name: p.name.as_str().into(),
            kind: ParamKind::KwArgs,
            has_default: false,
        });
    }
    out
}

/// The MIR type an annotation asks to assume, if it is one the compiler can use.
pub fn annotation_type(db: &dyn Db, ann: &Annotation) -> Option<Type> {
    Some(match ann {
        Annotation::Int => Type::Int,
        Annotation::Float => Type::Float,
        Annotation::Bool => Type::Bool,
        Annotation::Str => Type::Str,
        Annotation::None => Type::None,
        Annotation::List(e) => Type::List(Box::new(annotation_type(db, e).unwrap_or(Type::Dyn))),
        Annotation::Set(e) => Type::Set(Box::new(annotation_type(db, e).unwrap_or(Type::Dyn))),
        Annotation::Dict(k, v) => Type::Dict(
            Box::new(annotation_type(db, k).unwrap_or(Type::Dyn)),
            Box::new(annotation_type(db, v).unwrap_or(Type::Dyn)),
        ),
        Annotation::Tuple(ts) => Type::Tuple(
            ts.iter()
                .map(|t| annotation_type(db, t).unwrap_or(Type::Dyn))
                .collect(),
        ),
        Annotation::Class(c) => Type::Instance(db.resolve(*c).into()),
        Annotation::Other => return None,
    })
}

fn binary_op(op: ast::Operator) -> BinaryOp {
    match op {
        ast::Operator::Add => BinaryOp::Add,
        ast::Operator::Sub => BinaryOp::Sub,
        ast::Operator::Mult => BinaryOp::Mul,
        ast::Operator::MatMult => BinaryOp::MatMul,
        ast::Operator::Div => BinaryOp::TrueDiv,
        ast::Operator::Mod => BinaryOp::Mod,
        ast::Operator::Pow => BinaryOp::Pow,
        ast::Operator::LShift => BinaryOp::LShift,
        ast::Operator::RShift => BinaryOp::RShift,
        ast::Operator::BitOr => BinaryOp::BitOr,
        ast::Operator::BitXor => BinaryOp::BitXor,
        ast::Operator::BitAnd => BinaryOp::BitAnd,
        ast::Operator::FloorDiv => BinaryOp::FloorDiv,
    }
}

fn cmp_op(op: ast::CmpOp) -> CmpOp {
    match op {
        ast::CmpOp::Eq => CmpOp::Eq,
        ast::CmpOp::NotEq => CmpOp::Ne,
        ast::CmpOp::Lt => CmpOp::Lt,
        ast::CmpOp::LtE => CmpOp::Le,
        ast::CmpOp::Gt => CmpOp::Gt,
        ast::CmpOp::GtE => CmpOp::Ge,
        ast::CmpOp::Is => CmpOp::Is,
        ast::CmpOp::IsNot => CmpOp::IsNot,
        ast::CmpOp::In => CmpOp::In,
        ast::CmpOp::NotIn => CmpOp::NotIn,
    }
}

/// Decimal digits of an integer literal (`0x1F`, `1_000` and friends normalized).
fn int_digits(literal: &str) -> String {
    let clean: String = literal.chars().filter(|c| *c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d.to_owned())
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d.to_owned())
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d.to_owned())
    } else {
        return clean;
    };
    // Schoolbook base conversion on decimal digit vectors (no bigint dependency in the frontend).
    let mut dec: Vec<u32> = vec![0];
    for c in digits.chars() {
        let d = c.to_digit(radix).unwrap_or(0);
        let mut carry = d;
        for x in dec.iter_mut() {
            let v = *x * radix + carry;
            *x = v % 10;
            carry = v / 10;
        }
        while carry > 0 {
            dec.push(carry % 10);
            carry /= 10;
        }
    }
    dec.iter()
        .rev()
        .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn int_digits_normalizes_radix_literals() {
        assert_eq!(
            super::int_digits("0xFFFFFFFFFFFFFFFFFF"),
            "4722366482869645213695"
        );
        assert_eq!(
            super::int_digits("1_000_000_000_000_000_000_000"),
            "1000000000000000000000"
        );
        assert_eq!(super::int_digits("0b1"), "1");
    }
}

/// Whether a loop test is a literal that is always true (`while True:`, `while 1:`).
fn is_constant_true(test: &Expr) -> bool {
    match test {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_u64() != Some(0),
            ast::Number::Float(f) => *f != 0.0,
            ast::Number::Complex { .. } => false,
        },
        Expr::StringLiteral(s) => !s.value.is_empty(),
        _ => false,
    }
}
