//! Inlining of small methods: `call.method.direct recv, "m", "C.m"(args)` (or a
//! `call.method.loaded` of what a `method.load.direct` gave, behind `method.is ... loaded`)
//! whose callee is small becomes the callee's body, copied into the caller behind a
//! `method.is` guard, with the generic call on the other branch:
//!
//! ```text
//!     v9: dyn = call.method.direct v0, "add", "Acc.add"(v7)
//! ```
//! becomes
//! ```text
//!     v20: bool = method.is v0, "add", "Acc.add"
//!     brif v20, block11, block12
//! block11:                      ; Acc.add's blocks, its parameters replaced by v0, v7
//!     ...
//!     jump block13(v31)         ; was `return v31`
//! block12:
//!     v9: dyn = call.method v0, "add"(v7)
//!     jump block13(v9)
//! block13(v32: dyn):            ; the rest of the caller's block
//! ```
//!
//! The guard is the one `call.method.direct` makes before calling the compiled method
//! directly (the receiver a plain instance whose class has the shape the inline cache saw
//! with `C.m`'s code as `m`): a subclass that overrides `m`, a patched class or an instance
//! attribute named `m` take the generic call. What the body then does is what the call
//! would have done, in the caller's frame:
//! - its instructions keep a record of where they came from ([`molt_mir::InlinedSite`]), so
//!   a traceback through them shows the callee's frame under the call, as CPython's does;
//! - `method.is` is false at the recursion limit (the generic call raises
//!   `RecursionError` there), and the runtime calls and compiled calls an inlined body
//!   makes count its missing frames in the recursion depth while they run (codegen), so
//!   Python code run from it (a dunder method, a generic call) is exactly as deep as in
//!   CPython;
//! - the callee calls no Python function or method (builtins are fine) other than methods
//!   that are themselves small leaves, which are inlined in their turn (two levels at most:
//!   `advance()` calling `peek()`);
//! - it has no loop, `try`, `yield`, closure, nested function or comprehension (the
//!   frames and cells those need are the callee's own), and no `raise` statement (the
//!   exception edge of a `raise` hands the frame's locals listed before it to the
//!   exception, and those would be the callee's, not the caller's);
//! - in a `try` block of the caller, the names it keeps at a frame exit (its `keepalive`s)
//!   are its parameters, which the caller holds anyway, or values that cannot have a
//!   finalizer (`int`, `float`, `bool`, `str`, `None`): when an exception leaves the body,
//!   CPython's traceback keeps the callee's frame and its locals alive until the handler
//!   lets it go, which the inlined body does not do (outside a `try`, the exception leaves
//!   the caller too, and codegen hands the values its names hold, the callee's included,
//!   to the exception, as the frames' exit would);
//! - it has at most [`LIMIT`] instructions (its generic entry-guard copy included, which
//!   the caller's types usually fold away), and at most twice that with the methods it
//!   calls.
//!
//! The body inlined is the callee's MIR after the passes before this one (the
//! [`crate::pre_inline_function_mir`] query), so inlining never depends on another function's
//! inlining (no cycles) and an edit of the callee re-optimizes only the functions that
//! inline it. Only `O2` inlines.
//!
//! Constructions inline the same way ([`run_constructors`], after `class_calls` made
//! them): `call.class.direct "C", "C.__init__"(args)` whose `__init__` is such a body and
//! returns `None` on every path becomes `class.is "C", "C.__init__"` (the check the direct
//! construction makes: the class in its slot has the shape its cache saw with
//! `object.__new__` and that `__init__`; false at the recursion limit), then
//! `new.instance "C"` (the allocation `type.__call__` makes) and the body with `self` the
//! new instance, which the construction gives; `call.class.direct` stays on the other
//! branch. (That round inlines constructions only: a small method the `__init__` calls
//! stays a direct call in the copy.) Not in a `try` block of the caller: an exception raised by `__init__` keeps the
//! new instance alive in its traceback until the handler ends, where the inlined body would
//! release it at once.
//!
//! Direct calls of functions of the module inline the same way: `call.direct "f"(args)`
//! (not `via` a global of another module) whose body is such a body becomes `func.is "f"
//! loaded v` (`v` the function read before the arguments, or, for a call that reads the
//! global itself, a `global.load.direct "f"` added at the call; true while `v` is the
//! function in the direct-call slot, which a rebinding of the global clears, and not at the
//! recursion limit) and the body with its parameters the arguments, then a `keepalive (v)`
//! where the branches join (the body holds its function, as CPython's frame does), with the
//! `call.direct` itself on the other branch. Not in a `try` block of the caller: an
//! exception leaving the function keeps its frame, and so the function object and its
//! variables, alive in the traceback until the handler ends.
//!
//! A module body's calls outside its loops are not inlined (that code runs once: a copy
//! would cost compile time for no speed; the blocks on a cycle are
//! [`molt_mir::dominators::cyclic_blocks`]).
//!
//! Remarks: `inline.applied` at each inlined call; `inline.missed` at a call of a method
//! small enough (at most twice the limit) that something else keeps out, with the reason.

use std::sync::Arc;

use molt_mir::{
    Block, BlockCall, CallArgs, Function, InlinedCall, InlinedSite, Inst, InstKind, Type, Value,
    ValueDef,
};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::util::{inst_blocks, replace_uses};
use crate::{PassContext, RemarkKind};

/// The largest body inlined, in MIR instructions (terminators included).
pub const LIMIT: usize = 48;

/// What [`blocker`] looks through to let a callee call other code of the module.
#[derive(Clone, Copy)]
pub struct Nested<'a> {
    /// The body of a function of the module by MIR name (after the passes before inlining).
    pub body: &'a dyn Fn(&str) -> Option<Arc<Function>>,
    /// For a call of the module global `C` with `n` positional arguments: the MIR name of
    /// the `__init__` that [`crate::class_calls`] will make it run directly, if it will.
    pub construct: Option<&'a dyn Fn(&str, usize) -> Option<String>>,
}

/// Why `callee` cannot be inlined, as a phrase for the missed remark; `None` when it can.
/// With `nested`, the functions `callee` calls directly: a call of a method that is a leaf
/// itself (and not `callee`) is allowed, and inlined in its turn; with
/// [`Nested::construct`], so is a construction of a module class whose `__init__` is a
/// leaf that [`constructor_blocker`] lets through (once `class_calls` made it direct in the
/// caller, [`run_constructors`] inlines it). `in_try`: the call is in a `try` block of the
/// caller.
pub fn blocker(callee: &Function, nested: Option<Nested<'_>>, in_try: bool) -> Option<String> {
    if callee.is_generator {
        return Some("is a generator".into());
    }
    if !callee.freevars.is_empty() {
        return Some("uses variables of an enclosing function or `super()`".into());
    }
    if !callee.inlined_frames.is_empty() {
        return Some("has a comprehension".into());
    }
    if !callee.inlined_sites.is_empty() {
        return Some("inlines calls itself".into());
    }
    if callee.blocks.iter().any(|b| b.handler.is_some()) {
        return Some("has a `try` statement".into());
    }
    let size = size_of(callee);
    if size > LIMIT {
        return Some(format!(
            "is {size} instructions long, more than the limit of {LIMIT}"
        ));
    }
    // Loops: a branch to a block at or before its own in reverse postorder.
    let order: FxHashMap<Block, usize> = callee
        .reverse_postorder()
        .into_iter()
        .enumerate()
        .map(|(k, b)| (b, k))
        .collect();
    let builtin = |v: &Value| match callee.values[v.index()].def {
        ValueDef::Result(i) => matches!(callee.insts[i.index()].kind, InstKind::BuiltinLoad(_)),
        ValueDef::Param(..) => false,
    };
    let params = &callee.blocks[callee.entry().index()].params;
    let finalizer_free = |v: &Value| {
        params.contains(v)
            || matches!(
                callee.ty(*v),
                Type::Int | Type::Float | Type::Bool | Type::Str | Type::None
            )
    };
    // The leaf methods called, and their size with the callee's.
    let mut total = size;
    for block in &callee.layout {
        let here = order.get(block).copied().unwrap_or(usize::MAX);
        for inst in &callee.blocks[block.index()].insts {
            let kind = &callee.insts[inst.index()].kind;
            // A call of another small method of the module (inlined in its turn).
            let inner_call = nested.and(DirectCall::of(callee, kind)).filter(|call| {
                matches!(call.kind, CallKind::Method { .. } | CallKind::Function)
                    && *call.target != *callee.name
            });
            let reason = match kind {
                // Its load: what `inner_call` checks, with the loaded call.
                InstKind::MethodLoadDirect { .. } if nested.is_some() => None,
                _ if inner_call.is_some() => {
                    let target = inner_call.map(|call| call.target).unwrap_or_default();
                    let leaf = nested
                        .and_then(|n| (n.body)(&target))
                        .filter(|inner| blocker(inner, None, in_try).is_none());
                    match leaf {
                        Some(inner) => {
                            total += size_of(&inner);
                            (total > 2 * LIMIT).then(|| {
                                format!(
                                    "is {total} instructions long with the methods it calls, more than the limit of {}",
                                    2 * LIMIT
                                )
                            })
                        }
                        None => Some(format!(
                            "calls `{target}`, which is not a small method or function that calls nothing"
                        )),
                    }
                }
                InstKind::Call { callee: f, args } if !builtin(f) => {
                    match nested.and_then(|n| construction(callee, n, *f, args)) {
                        Some(init) => match blocker(&init, None, in_try)
                            .or_else(|| constructor_blocker(&init, in_try))
                        {
                            None => {
                                total += size_of(&init);
                                (total > 2 * LIMIT).then(|| {
                                    format!(
                                        "is {total} instructions long with the methods it calls, more than the limit of {}",
                                        2 * LIMIT
                                    )
                                })
                            }
                            Some(why) => Some(format!(
                                "constructs an instance whose `{}` {why}",
                                init.name
                            )),
                        },
                        None => Some("calls a Python function".to_string()),
                    }
                }
                InstKind::CallDirect { .. }
                | InstKind::CallEx { .. }
                | InstKind::CallMethod { .. }
                | InstKind::CallMethodDirect { .. }
                | InstKind::CallClassDirect { .. }
                | InstKind::CallSuper { .. }
                | InstKind::MethodLoad(..)
                | InstKind::MethodLoadDirect { .. }
                | InstKind::CallMethodLoaded { .. } => Some("calls a method or function".into()),
                InstKind::Yield(_) => Some("is a generator".into()),
                InstKind::MakeFunction { .. } | InstKind::MakeClass { .. } => {
                    Some("defines a function or class".into())
                }
                InstKind::CellNew(_)
                | InstKind::CellLoad(..)
                | InstKind::CellStore(..)
                | InstKind::FreeVar(_) => Some("shares variables with a nested function".into()),
                InstKind::Import { .. } | InstKind::ImportFrom(..) | InstKind::ImportStar { .. } => {
                    Some("imports a module".into())
                }
                InstKind::ExcEnter(..)
                | InstKind::ExcLeave(_)
                | InstKind::HandledExc
                | InstKind::WithExit(_)
                | InstKind::Reraise(_) => Some("handles exceptions".into()),
                InstKind::GetIter(_) | InstKind::IterNext(..) => Some("has a loop".into()),
                // A `raise` leaving the function hands the frame's locals to the exception
                // as the keepalive before it lists them: in a caller, that list would be
                // the callee's, and the caller's locals would be released instead of kept
                // by the traceback. (Exceptions an operation raises take the caller's
                // ordinary exception edge, which keeps them.)
                InstKind::Raise(..) => Some("has a `raise` statement".into()),
                // An exception leaving the body keeps the callee's frame, and so its
                // variables, alive in its traceback. Uncaught in the caller, it takes the
                // caller's held values along, these included (codegen's frame exit); caught
                // there, the inlined body would release them at once, so a finalizer would
                // run before CPython runs it.
                InstKind::KeepAlive(vs) | InstKind::Bind(vs)
                    if in_try && !vs.iter().all(finalizer_free) =>
                {
                    Some(
                        "has local variables that an exception caught around this call would keep alive"
                            .into(),
                    )
                }
                _ => None,
            };
            if reason.is_some() {
                return reason;
            }
            let back_edge = kind
                .successors()
                .iter()
                .any(|s| order.get(&s.block).is_some_and(|&k| k <= here));
            if back_edge {
                return Some("has a loop".into());
            }
        }
    }
    None
}

/// The `__init__` body of a construction `callee` makes with `call f(args)`: `f` read from
/// a module global holding a class that [`crate::class_calls`] will construct directly.
fn construction(
    callee: &Function,
    nested: Nested<'_>,
    f: Value,
    args: &CallArgs,
) -> Option<Arc<Function>> {
    let ValueDef::Result(load) = callee.values[f.index()].def else {
        return None;
    };
    let InstKind::GlobalLoad(class) = &callee.insts[load.index()].kind else {
        return None;
    };
    if !args.keywords.is_empty() {
        return None;
    }
    let init = (nested.construct?)(class, args.positional.len())?;
    (init != *callee.name)
        .then(|| (nested.body)(&init))
        .flatten()
}

/// The number of instructions of `func` (terminators included).
fn size_of(func: &Function) -> usize {
    func.layout
        .iter()
        .map(|b| func.blocks[b.index()].insts.len())
        .sum()
}

/// The pass: inlines every eligible direct method call and construction of `func` whose
/// callee `ctx.callees` gives (nothing without it).
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    run_for(func, ctx, false);
}

/// [`run`] for constructions only (`call.class.direct`): the pipeline runs it after
/// [`crate::class_calls`] makes them, once the method calls are inlined.
pub fn run_constructors(func: &mut Function, ctx: &mut PassContext<'_>) {
    run_for(func, ctx, true);
}

fn run_for(func: &mut Function, ctx: &mut PassContext<'_>, constructors_only: bool) {
    let Some(lookup) = ctx.callees else {
        return;
    };
    let mut tried: FxHashSet<Inst> = FxHashSet::default();
    let mut any = false;
    while let Some((call, callee)) = next_site(func, ctx, lookup, &mut tried, constructors_only) {
        any |= inline_call(func, ctx, call, &callee);
    }
    if any {
        func.compact();
    }
}

/// A call bound to a function of the module: a method call (`call.method.direct`, or a
/// `call.method.loaded` with positional arguments of what a `method.load.direct` gave), or
/// a construction (`call.class.direct`, whose function is the class's `__init__`).
struct DirectCall {
    /// What the guard checks and the body's first parameter is.
    kind: CallKind,
    target: Box<str>,
    args: Vec<Value>,
    /// The `method.load.direct`'s (or the class read's) result, for a loaded call.
    loaded: Option<Value>,
}

enum CallKind {
    /// `receiver.name(args)`: the body's `self` is the receiver.
    Method { receiver: Value, name: Box<str> },
    /// `class(args)`: the body's `self` is a new instance of the class.
    Construct { class: Box<str> },
    /// `f(args)` of a function of this module (`call.direct`): the body's parameters are
    /// the arguments.
    Function,
}

impl DirectCall {
    fn of(func: &Function, kind: &InstKind) -> Option<DirectCall> {
        match kind {
            InstKind::CallMethodDirect {
                receiver,
                name,
                func: target,
                args,
            } => Some(DirectCall {
                kind: CallKind::Method {
                    receiver: *receiver,
                    name: name.clone(),
                },
                target: target.clone(),
                args: args.clone(),
                loaded: None,
            }),
            InstKind::CallMethodLoaded {
                receiver,
                method,
                name,
                args,
            } if args.keywords.is_empty() => {
                let (load, target) = func.direct_method_load(*method)?;
                // The load's receiver is the call's (the lowering's pairing).
                let InstKind::MethodLoadDirect { receiver: r, .. } = &load.kind else {
                    return None;
                };
                (r == receiver).then(|| DirectCall {
                    kind: CallKind::Method {
                        receiver: *receiver,
                        name: name.clone(),
                    },
                    target: target.into(),
                    args: args.positional.clone(),
                    loaded: Some(*method),
                })
            }
            // (A function of another module, `via` a global of this one, stays a call.)
            InstKind::CallDirect {
                func: target,
                args,
                via: None,
                loaded,
            } => Some(DirectCall {
                kind: CallKind::Function,
                target: target.clone(),
                args: args.clone(),
                loaded: *loaded,
            }),
            InstKind::CallClassDirect {
                class,
                init,
                args,
                loaded,
            } => Some(DirectCall {
                kind: CallKind::Construct {
                    class: class.clone(),
                },
                target: init.clone(),
                args: args.clone(),
                loaded: *loaded,
            }),
            _ => None,
        }
    }

    /// The call as the remarks show it: `.m()` or `C(...)`.
    fn shown(&self) -> String {
        match &self.kind {
            CallKind::Method { name, .. } => format!("`.{name}()`"),
            CallKind::Construct { class } => format!("`{class}(...)`"),
            CallKind::Function => format!("`{}(...)`", self.target),
        }
    }
}

/// Why a construction's `__init__` cannot be inlined, beyond [`blocker`]: it may return
/// something else than `None` (the call raises `TypeError` then), or the call is in a `try`
/// block (`in_try`: an exception raised by `__init__` keeps the new instance alive in its
/// traceback until the handler ends, where the inlined body would release it at once).
fn constructor_blocker(init: &Function, in_try: bool) -> Option<String> {
    if in_try {
        return Some(
            "runs in a `try` block (an exception from `__init__` keeps the new instance alive in its traceback)".into(),
        );
    }
    let returns_none = init.layout.iter().all(|b| {
        init.blocks[b.index()]
            .insts
            .iter()
            .all(|i| match &init.insts[i.index()].kind {
                InstKind::Return(v) => *init.ty(*v) == Type::None,
                _ => true,
            })
    });
    (!returns_none).then(|| "may return something other than `None`".into())
}

/// Records that the last instruction of `block` runs inside the inlined calls `outer` (the
/// frames of a body it was copied into; nothing when `outer` is empty).
fn mark_outer(func: &mut Function, block: Block, outer: &[InlinedCall]) {
    if outer.is_empty() {
        return;
    }
    let last = *func.blocks[block.index()]
        .insts
        .last()
        .expect("an instruction was just appended");
    let site = func.insts[last.index()].site;
    func.inlined_sites.push(InlinedSite {
        site,
        frames: outer.to_vec(),
    });
}

/// Why a function call cannot be inlined, beyond [`blocker`]: it is in a `try` block
/// (`in_try`: an exception leaving the body keeps the function's frame, and with it the
/// function object, alive in its traceback until the handler ends; the inlined body holds
/// nothing once it is left).
fn function_blocker(in_try: bool) -> Option<String> {
    in_try.then(|| {
        "runs in a `try` block (an exception from the function keeps its frame alive in the traceback)".into()
    })
}

/// The next direct method call ([`DirectCall`]) not yet tried whose callee can be inlined
/// (reporting the ones whose callee cannot, when it is small).
fn next_site(
    func: &Function,
    ctx: &mut PassContext<'_>,
    lookup: &dyn Fn(&str) -> Option<Arc<Function>>,
    tried: &mut FxHashSet<Inst>,
    constructors_only: bool,
) -> Option<(Inst, Arc<Function>)> {
    let (db, index) = (ctx.db, ctx.index);
    let constructs =
        |class: &str, nargs: usize| crate::class_calls::direct_init(db, index, class, nargs);
    let constructs: &dyn Fn(&str, usize) -> Option<String> = &constructs;
    // A module body outside its loops runs once: a call there is not worth its copy (code
    // size and compile time, for no speed).
    let cyclic = (molt_mir::split_module(&func.name).1 == "<module>")
        .then(|| molt_mir::dominators::cyclic_blocks(func));
    for block in &func.layout {
        if cyclic
            .as_ref()
            .is_some_and(|c| !c.get(block.index()).copied().unwrap_or(false))
        {
            continue;
        }
        for &inst in &func.blocks[block.index()].insts {
            let data = &func.insts[inst.index()];
            let Some(call) = DirectCall::of(func, &data.kind) else {
                continue;
            };
            if constructors_only && !matches!(call.kind, CallKind::Construct { .. }) {
                continue;
            }
            if !tried.insert(inst) {
                continue;
            }
            if *call.target == *func.name {
                continue;
            }
            let target = &call.target;
            let Some(callee) = lookup(target) else {
                continue;
            };
            let in_try = func.blocks[block.index()].handler.is_some();
            // (Constructions in an `__init__` stay calls: `class_calls` ran already.)
            let (why, construct) = match call.kind {
                CallKind::Method { .. } => (None, Some(constructs)),
                CallKind::Construct { .. } => (constructor_blocker(&callee, in_try), None),
                CallKind::Function => (function_blocker(in_try), Some(constructs)),
            };
            let nested = Nested {
                body: lookup,
                construct,
            };
            let why = why.or_else(|| blocker(&callee, Some(nested), in_try));
            match why {
                None => return Some((inst, callee)),
                Some(why) => {
                    if size_of(&callee) <= 2 * LIMIT {
                        ctx.remark(
                            "inline",
                            "inline.missed",
                            RemarkKind::Missed,
                            data.span,
                            format!("{} is not inlined: `{target}` {why}", call.shown()),
                        )
                        .args
                        .push(("callee".into(), target.to_string()));
                    }
                }
            }
        }
    }
    None
}

/// Replaces `call` (a [`DirectCall`]) with `callee`'s body behind `method.is`; false when
/// the call does not fit the body (nothing changed).
fn inline_call(
    func: &mut Function,
    ctx: &mut PassContext<'_>,
    call: Inst,
    callee: &Function,
) -> bool {
    let data = func.insts[call.index()].clone();
    let Some(site) = DirectCall::of(func, &data.kind) else {
        return false;
    };
    let shown = site.shown();
    let DirectCall {
        kind,
        target,
        args,
        loaded,
    } = site;
    let callee_params = &callee.blocks[callee.entry().index()].params;
    // A method's and an `__init__`'s first parameter is `self`.
    let first = usize::from(!matches!(kind, CallKind::Function));
    if callee_params.len() != args.len() + first {
        return false;
    }
    let Some(&block) = inst_blocks(func).get(&call) else {
        return false;
    };
    let span = data.span;
    // The inlined calls the call itself is in (it came from a body inlined before).
    let outer = func.inlined_frames_of(data.site).to_vec();
    let handler = func.blocks[block.index()].handler;
    let result_ty = data.result.map(|r| func.ty(r).clone()).unwrap_or(Type::Dyn);
    // The rest of the block, after the call, with the call's result as its parameter.
    let rest = func.create_block();
    func.blocks[rest.index()].handler = handler;
    let joined = func.append_block_param(rest, result_ty);
    let position = func.blocks[block.index()]
        .insts
        .iter()
        .position(|i| *i == call)
        .expect("the call is in its block");
    let tail: Vec<Inst> = func.blocks[block.index()].insts.split_off(position + 1);
    func.blocks[block.index()].insts.pop();
    func.blocks[rest.index()].insts = tail;
    if let Some(r) = data.result {
        let map: FxHashMap<Value, Value> = [(r, joined)].into_iter().collect();
        replace_uses(func, &map);
    }
    // The generic call, under the call's own site (a loaded call stays as it is: it calls
    // what was loaded).
    let slow = func.create_block();
    func.blocks[slow.index()].handler = handler;
    // (A construction stays `call.class.direct`, whose own cache decides.)
    if let (CallKind::Method { receiver, name }, None) = (&kind, loaded) {
        func.insts[call.index()].kind = InstKind::CallMethod {
            receiver: *receiver,
            name: name.clone(),
            args: CallArgs {
                positional: args.clone(),
                keywords: Vec::new(),
            },
        };
    }
    func.blocks[slow.index()].insts.push(call);
    let generic = data.result.unwrap_or(joined);
    func.append_inst(
        slow,
        InstKind::Jump(BlockCall {
            block: rest,
            args: vec![generic],
        }),
        Type::Dyn,
        span,
    );
    // The body: blocks, then instructions with operands and successors mapped.
    let mut values: FxHashMap<Value, Value> = FxHashMap::default();
    for (p, a) in callee_params[first..].iter().zip(&args) {
        values.insert(*p, *a);
    }
    let mut blocks: FxHashMap<Block, Block> = FxHashMap::default();
    for &b in &callee.layout {
        let nb = func.create_block();
        func.blocks[nb.index()].handler = handler;
        blocks.insert(b, nb);
        if b != callee.entry() {
            for &p in &callee.blocks[b.index()].params {
                let np = func.append_block_param(nb, callee.ty(p).clone());
                values.insert(p, np);
            }
        }
    }
    // `self`: the receiver, or the new instance (the caller's code, as `type.__call__`
    // allocates it before `__init__` runs).
    let constructs = matches!(kind, CallKind::Construct { .. });
    match &kind {
        CallKind::Method { receiver, .. } => {
            values.insert(callee_params[0], *receiver);
        }
        CallKind::Construct { class } => {
            let entry = blocks[&callee.entry()];
            let new = func
                .append_inst(
                    entry,
                    InstKind::NewInstance {
                        class: class.clone(),
                    },
                    Type::Dyn,
                    span,
                )
                .expect("new.instance has a result");
            if !outer.is_empty() {
                let site = func.insts[func.blocks[entry.index()].insts[0].index()].site;
                func.inlined_sites.push(InlinedSite {
                    site,
                    frames: outer.clone(),
                });
            }
            values.insert(callee_params[0], new);
        }
        CallKind::Function => {}
    }
    let mut copied: Vec<Inst> = Vec::new();
    for &b in &callee.layout {
        let nb = blocks[&b];
        for &inst in &callee.blocks[b.index()].insts {
            let d = &callee.insts[inst.index()];
            let kind = match &d.kind {
                // (An `__init__` returns `None`: the construction gives the instance, its
                // `self`, mapped to the new instance below like the other operands.)
                InstKind::Return(v) => InstKind::Jump(BlockCall {
                    block: rest,
                    args: vec![if constructs { callee_params[0] } else { *v }],
                }),
                other => {
                    let mut kind = other.clone();
                    for succ in kind.successors_mut() {
                        succ.block = blocks[&succ.block];
                    }
                    kind
                }
            };
            let ty = d.result.map(|r| callee.ty(r).clone()).unwrap_or(Type::Dyn);
            let result = func.append_inst(nb, kind, ty, span);
            if let (Some(old), Some(new)) = (d.result, result) {
                values.insert(old, new);
            }
            let new = *func.blocks[nb.index()].insts.last().expect("just appended");
            let site = func.insts[new.index()].site;
            let mut frames = outer.clone();
            frames.push(InlinedCall {
                callee: target.clone(),
                span: d.span,
            });
            func.inlined_sites.push(InlinedSite { site, frames });
            copied.push(new);
        }
    }
    for inst in copied {
        let kind = &mut func.insts[inst.index()].kind;
        kind.map_operands(|v| *values.get(&v).unwrap_or(&v));
    }
    // The guard ends the call's block.
    let check = match &kind {
        CallKind::Method { receiver, name } => InstKind::MethodIs {
            receiver: *receiver,
            name: name.clone(),
            func: target.clone(),
            loaded,
        },
        CallKind::Construct { class } => InstKind::ClassIs {
            class: class.clone(),
            init: target.clone(),
            loaded,
        },
        CallKind::Function => {
            // The body holds the function, as CPython's frame does (`f_func`): the global
            // may be rebound while it runs. A call that reads the global itself reads it
            // here, where it would (nothing between the arguments and the call runs code);
            // the rest keeps that value until the body ends, or hands it to an exception
            // leaving the body.
            let f = match loaded {
                Some(f) => f,
                None => {
                    let f = func
                        .append_inst(
                            block,
                            InstKind::GlobalLoadDirect {
                                func: target.clone(),
                                via: None,
                            },
                            Type::Dyn,
                            span,
                        )
                        .expect("global.load.direct has a result");
                    mark_outer(func, block, &outer);
                    f
                }
            };
            func.append_inst(rest, InstKind::KeepAlive(vec![f]), Type::Dyn, span);
            let keep = func.blocks[rest.index()]
                .insts
                .pop()
                .expect("the keepalive just appended");
            func.blocks[rest.index()].insts.insert(0, keep);
            let site = func.insts[func.blocks[rest.index()].insts[0].index()].site;
            if !outer.is_empty() {
                func.inlined_sites.push(InlinedSite {
                    site,
                    frames: outer.clone(),
                });
            }
            InstKind::FuncIs {
                func: target.clone(),
                loaded: f,
            }
        }
    };
    func.append_inst(block, check, Type::Bool, span)
        .expect("the guard has a result");
    let guard = func.insts[func.blocks[block.index()]
        .insts
        .last()
        .expect("the guard")
        .index()]
    .result
    .expect("the guard has a result");
    mark_outer(func, block, &outer);
    func.append_inst(
        block,
        InstKind::Brif(
            guard,
            BlockCall {
                block: blocks[&callee.entry()],
                args: Vec::new(),
            },
            BlockCall {
                block: slow,
                args: Vec::new(),
            },
        ),
        Type::Dyn,
        span,
    );
    // Layout: the guard's block, the body, the generic call, the rest.
    let at = func
        .layout
        .iter()
        .position(|b| *b == block)
        .expect("the block is laid out");
    func.layout
        .retain(|b| !blocks.values().any(|nb| nb == b) && *b != slow && *b != rest);
    let mut inserted: Vec<Block> = callee.layout.iter().map(|b| blocks[b]).collect();
    inserted.push(slow);
    inserted.push(rest);
    func.layout.splice(at + 1..at + 1, inserted);
    let size: usize = callee.blocks.iter().map(|b| b.insts.len()).sum();
    ctx.remark(
        "inline",
        "inline.applied",
        RemarkKind::Applied,
        span,
        match &kind {
            CallKind::Method { name, .. } => format!(
                "{shown} inlined: the body of `{target}` ({size} instructions) runs here while the receiver's class has it as `{name}`"
            ),
            CallKind::Construct { class } => format!(
                "{shown} inlined: the instance is allocated here and the body of `{target}` ({size} instructions) runs here while `{class}` constructs with it"
            ),
            CallKind::Function => format!(
                "{shown} inlined: the body of `{target}` ({size} instructions) runs here while the global holds the function its `def` made"
            ),
        },
    )
    .args
    .push(("callee".into(), target.to_string()));
    true
}
