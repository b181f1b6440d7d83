//! Integer loops: natural loops whose every instruction is arithmetic or a comparison on
//! `int` and `float` values (and branches on the results), which codegen also compiles as a
//! second copy that keeps those values in machine registers (an `int` as an `i64`, a `float`
//! as an `f64`): no tag tests, no boxing between operations, only the checks Python needs.
//!
//! The loop may also carry `dyn` values it does not compute with (the previous binding of a
//! variable the loop rebinds, such as an inner `for` loop's variable), as words, and read
//! items of lists defined outside it (`getitem`): reading has no side effect, and nothing
//! in the loop can change a list. The items are speculated to be floats (when that types
//! the whole loop, e.g. from a `0.0` accumulator), else ints ([`IntLoop::types`]); a read
//! whose index is outside the list or whose item has another type bails like an overflow.
//! A store of a number into such a list (`setitem`) is admitted at the end of an iteration
//! (its block jumps back to the header and reads no item after it): codegen makes it after
//! every check of the iteration, so a bail never runs it twice, and only over an old item
//! without a reference count. A `dyn` value from outside the loop used in its arithmetic
//! gets the speculated type too, checked on entry.
//!
//! Such a loop has no side effect, so the copy needs no way to resume the generic code in the
//! middle of an iteration: whenever a machine integer would leave 64 bits (or the inline
//! range, 48 bits, at the end of an iteration),
//! a float operation makes a NaN (the runtime keeps each NaN as an object), a divisor is zero,
//! a shift count is negative, or control leaves the loop, the copy jumps to the generic loop
//! header with the values the header's parameters had at the start of that iteration, and the
//! generic code runs the iteration again (raising, making a big int or a NaN, or leaving the
//! loop as CPython would) and goes on to the end of the loop. The copy is entered only from
//! outside the loop, when every number the loop reads from outside and every header argument
//! is an inline int or a float word; a loop never goes back to the copy after leaving it, so a
//! value that keeps overflowing costs one wasted iteration, not one per iteration.
//!
//! This is the loop form of trace-based speculation with a re-executed iteration as the exit
//! (in the spirit of LuaJIT's and PyPy's guard exits, restricted to loops without side
//! effects so that an exit needs no state reconstruction).

use std::collections::{HashMap, HashSet};

use crate::dominators::{DominatorTree, natural_loop, predecessors};
use crate::{BinaryOp, Block, BlockCall, CmpOp, Constant, Function, Inst, InstData, InstKind};
use crate::{IntConst, Span, Type, UnaryOp, Value, ValueDef};

/// Payload bits of an inline int (the runtime's small ints: 48-bit two's complement).
pub const INLINE_INT_BITS: u32 = 48;

/// A loop codegen compiles a machine-integer copy of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntLoop {
    /// The loop header (the target of the back edges; it dominates the body).
    pub header: Block,
    /// The loop's blocks, the header first, then the others in layout order.
    pub blocks: Vec<Block>,
    /// The `int` and `float` operands the loop reads but does not define (loop invariants),
    /// in order of first use: the copy's entry checks that each is an inline int or a float.
    pub invariants: Vec<Value>,
    /// The span of the loop (of the header's terminator: the loop statement), for remarks.
    pub span: Span,
    /// The lists the loop reads items of (`getitem`), defined outside it: the copy's entry
    /// checks that each is a list (nothing in the loop can change one).
    pub lists: Vec<Value>,
    /// The values of MIR type `dyn` that the copy keeps as an `int` or a `float`: items read
    /// from a list (the type speculated for all of them, checked at each read) and what the
    /// loop computes from them.
    pub types: HashMap<Value, Type>,
    /// The loop's counters ([`Counter`]).
    pub counters: Vec<Counter>,
}

/// A counter of an integer loop: a header parameter that starts at a constant `>= 0`, is
/// increased by a positive constant on every back edge, and leaves the loop unless it is
/// below an `int` bound read from outside (an inline int, checked on entry). Inside the loop
/// (past the header's test) it is in `0..bound`, so it indexes without a negative-index
/// adjustment, and `counter + 1` neither overflows nor leaves the inline range: the copy
/// checks neither. (Range analysis in its simplest form: the induction variable of a counted
/// loop, bounded by the loop test.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counter {
    /// The header parameter.
    pub param: Value,
    /// The increments (`add param, 1`) whose results the back edges pass.
    pub steps: Vec<Value>,
}

/// Why a loop whose instructions are all integer operations is not an [`IntLoop`]: a value
/// is not known to be an `int` (an annotation or a conversion would make it one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missed {
    /// The loop header.
    pub header: Block,
    /// The span of the loop, for remarks.
    pub span: Span,
    /// The value of unknown or other type.
    pub value: Value,
}

/// The loops of `func`, innermost last, each either eligible for the machine-integer copy or
/// missed only because of a value's type ([`Missed`]); loops with calls, memory accesses or
/// other side effects are neither (they are not integer loops at all).
pub fn find(func: &Function) -> (Vec<IntLoop>, Vec<Missed>) {
    let doms = DominatorTree::compute(func);
    let preds = predecessors(func);
    let mut found = Vec::new();
    let mut missed = Vec::new();
    for &header in doms.reverse_postorder() {
        let back = doms.back_edges(&preds, header);
        if back.is_empty() {
            continue;
        }
        let mut body = natural_loop(&preds, header, &back);
        prune_guard_fallbacks(func, &preds, header, &mut body);
        // The header must be entered from outside (a loop at the function's entry block is
        // entered by the function itself).
        if header.index() == 0 || preds[header.index()].iter().all(|p| body.contains(p)) {
            continue;
        }
        // Items read from lists: speculated to be floats when a float takes part in the
        // loop's arithmetic (a `0.0` accumulator), else ints; the other type when the first
        // does not type the whole loop.
        let reads = body.iter().any(|b| {
            func.blocks[b.index()]
                .insts
                .iter()
                .any(|i| matches!(func.insts[i.index()].kind, InstKind::GetItem(..)))
        });
        // Without reads, a loop may still use a number of unknown type from before it (an
        // unannotated parameter): speculated the same way when the loop is not one otherwise.
        let first = if reads {
            None
        } else {
            Some(classify(func, header, &body, None))
        };
        let verdict = match first {
            Some(v @ Verdict::Eligible(..)) => v,
            Some(v) if !dyn_from_outside(func, &body) && !inlines_functions(func, &body) => v,
            first => {
                let order = if involves_float(func, header, &body) {
                    [Type::Float, Type::Int]
                } else {
                    [Type::Int, Type::Float]
                };
                let spec0 = classify(func, header, &body, Some(order[0].clone()));
                match spec0 {
                    Verdict::Eligible(..) => spec0,
                    _ => match classify(func, header, &body, Some(order[1].clone())) {
                        v @ Verdict::Eligible(..) => v,
                        // The remark names what the loop misses without speculation.
                        _ => first.unwrap_or(spec0),
                    },
                }
            }
        };
        match verdict {
            Verdict::Eligible(invariants, lists, types) => {
                let mut blocks = vec![header];
                blocks.extend(
                    func.layout
                        .iter()
                        .copied()
                        .filter(|b| *b != header && body.contains(b)),
                );
                let counters = counters(func, header, &body, &invariants);
                found.push(IntLoop {
                    header,
                    blocks,
                    invariants,
                    span: loop_span(func, header),
                    lists,
                    types,
                    counters,
                });
            }
            Verdict::Untyped(value) => missed.push(Missed {
                header,
                span: loop_span(func, header),
                value,
            }),
            Verdict::NotIntegerLoop => {}
        }
    }
    (found, missed)
}

/// Removes from `body` the blocks that make the call on the other branch of an inlined
/// function body's guard (`brif (func.is ...), body, fallback` where the fallback block is
/// a `call.direct` and a jump back into the loop, reached from the guard only): the copy
/// bails there instead (the guard is false only when the global was rebound or at the
/// recursion limit, and the generic code then makes the call), so the call is not in the
/// copy and the join after it gets only the inlined body's value.
fn prune_guard_fallbacks(
    func: &Function,
    preds: &[Vec<Block>],
    header: Block,
    body: &mut HashSet<Block>,
) {
    let guarded = |c: &Value| match func.values[c.index()].def {
        ValueDef::Result(i) => matches!(func.insts[i.index()].kind, InstKind::FuncIs { .. }),
        ValueDef::Param(..) => false,
    };
    let mut fallbacks = Vec::new();
    for b in body.iter() {
        let Some(InstKind::Brif(c, _, e)) = func.terminator(*b).map(|t| &t.kind) else {
            continue;
        };
        if !guarded(c) || e.block == header || preds[e.block.index()] != [*b] {
            continue;
        }
        let insts = &func.blocks[e.block.index()].insts;
        let shape = matches!(
            insts.iter().map(|i| &func.insts[i.index()].kind).collect::<Vec<_>>()[..],
            [InstKind::CallDirect { .. }, InstKind::Jump(call)] if body.contains(&call.block)
        );
        if shape {
            fallbacks.push(e.block);
        }
    }
    for f in fallbacks {
        body.remove(&f);
    }
}

/// Whether the loop holds an inlined function body (a `func.is` guard): its values are
/// typed by speculation, from the body's only edge into the join after it.
fn inlines_functions(func: &Function, body: &HashSet<Block>) -> bool {
    body.iter().any(|b| {
        func.blocks[b.index()]
            .insts
            .iter()
            .any(|i| matches!(func.insts[i.index()].kind, InstKind::FuncIs { .. }))
    })
}

/// The counters of an integer loop ([`Counter`]): the header ends in `brif (cmp.lt p,
/// bound)` with the true edge into the loop and the false edge out of it, `bound` an `int`
/// invariant or an inline constant, every edge into the header from outside passes a
/// constant `>= 0` for `p`, and every back edge passes `add p, 1`.
fn counters(
    func: &Function,
    header: Block,
    body: &HashSet<Block>,
    invariants: &[Value],
) -> Vec<Counter> {
    let def = |v: Value| match func.values[v.index()].def {
        ValueDef::Result(i) => Some(&func.insts[i.index()].kind),
        ValueDef::Param(..) => None,
    };
    let Some(InstKind::Brif(c, t, e)) = func.terminator(header).map(|d| &d.kind) else {
        return Vec::new();
    };
    if !body.contains(&t.block) || body.contains(&e.block) {
        return Vec::new();
    }
    let Some(InstKind::Compare(CmpOp::Lt, p, bound)) = def(*c) else {
        return Vec::new();
    };
    let params = &func.blocks[header.index()].params;
    let Some(k) = params.iter().position(|q| q == p) else {
        return Vec::new();
    };
    let bounded =
        *func.ty(*bound) == Type::Int && (invariants.contains(bound) || inline_const(func, *bound));
    if !bounded || *func.ty(*p) != Type::Int {
        return Vec::new();
    }
    let mut steps = Vec::new();
    for b in &func.layout {
        let Some(term) = func.terminator(*b) else {
            continue;
        };
        for call in term
            .kind
            .successors()
            .into_iter()
            .filter(|c| c.block == header)
        {
            let Some(&a) = call.args.get(k) else {
                return Vec::new();
            };
            let ok = if body.contains(b) {
                let step = matches!(def(a), Some(InstKind::Binary { op: BinaryOp::Add, lhs, rhs, .. })
                    if lhs == p && matches!(def(*rhs),
                        Some(InstKind::Const(Constant::Int(IntConst::Small(1))))));
                if step && !steps.contains(&a) {
                    steps.push(a);
                }
                step
            } else {
                matches!(def(a), Some(InstKind::Const(Constant::Int(IntConst::Small(start))))
                    if *start >= 0 && fits_inline(*start))
            };
            if !ok {
                return Vec::new();
            }
        }
    }
    vec![Counter { param: *p, steps }]
}

/// Whether an arithmetic operand in the loop is a `dyn` value defined outside it (what
/// [`speculate`] gives a type).
fn dyn_from_outside(func: &Function, body: &HashSet<Block>) -> bool {
    let outside = |v: Value| match func.values[v.index()].def {
        ValueDef::Result(i) => !body
            .iter()
            .any(|b| func.blocks[b.index()].insts.contains(&i)),
        ValueDef::Param(b, _) => !body.contains(&b),
    };
    body.iter().any(|b| {
        func.blocks[b.index()].insts.iter().any(|i| {
            matches!(&func.insts[i.index()].kind, InstKind::Binary { lhs, rhs, .. }
                if [*lhs, *rhs].iter().any(|v| *func.ty(*v) == Type::Dyn && outside(*v)))
        })
    })
}

/// Whether a value of MIR type `float` is an operand in the loop or an argument of an edge
/// into its header.
fn involves_float(func: &Function, header: Block, body: &HashSet<Block>) -> bool {
    let float = |v: &Value| *func.ty(*v) == Type::Float;
    func.layout.iter().any(|b| {
        func.blocks[b.index()].insts.iter().any(|i| {
            let kind = &func.insts[i.index()].kind;
            if body.contains(b) {
                let mut any = false;
                kind.visit_operands(|v| any |= float(v));
                any
            } else {
                kind.successors()
                    .iter()
                    .any(|c| c.block == header && c.args.iter().any(float))
            }
        })
    })
}

enum Verdict {
    /// The invariants, the lists read, the speculated types.
    Eligible(Vec<Value>, Vec<Value>, HashMap<Value, Type>),
    Untyped(Value),
    NotIntegerLoop,
}

fn loop_span(func: &Function, header: Block) -> Span {
    func.terminator(header).map_or(Span::new(0, 0), |t| t.span)
}

/// Whether `v` is a constant int that fits the inline range, or a constant float other than
/// NaN (which the runtime keeps as an object).
fn inline_const(func: &Function, v: Value) -> bool {
    let ValueDef::Result(i) = func.values[v.index()].def else {
        return false;
    };
    match &func.insts[i.index()].kind {
        InstKind::Const(Constant::Int(IntConst::Small(k))) => fits_inline(*k),
        InstKind::Const(Constant::Float(x)) => !x.is_nan(),
        _ => false,
    }
}

/// Whether `v` is a constant whose word has no reference count: `None`, *unbound*, a bool, an
/// inline int, a float other than NaN.
pub fn immediate_const(func: &Function, v: Value) -> bool {
    let ValueDef::Result(i) = func.values[v.index()].def else {
        return false;
    };
    match &func.insts[i.index()].kind {
        InstKind::Const(Constant::None | Constant::Unbound | Constant::Bool(_)) => true,
        InstKind::Const(Constant::Int(IntConst::Small(k))) => fits_inline(*k),
        InstKind::Const(Constant::Float(x)) => !x.is_nan(),
        _ => false,
    }
}

/// Whether `k` fits the 48-bit payload of an inline int.
pub fn fits_inline(k: i64) -> bool {
    let shift = 64 - INLINE_INT_BITS;
    (k << shift) >> shift == k
}

/// Whether the loop of `header` and `body` is an integer loop, with `spec` the type of the
/// items it reads from lists (`None`: a loop that reads none).
fn classify(func: &Function, header: Block, body: &HashSet<Block>, spec: Option<Type>) -> Verdict {
    let insts: HashSet<Inst> = body
        .iter()
        .flat_map(|b| func.blocks[b.index()].insts.iter().copied())
        .collect();
    let carried = carried_params(func, body, &insts);
    let types = match &spec {
        Some(spec) => speculate(func, header, body, &carried, spec),
        None => HashMap::new(),
    };
    let mut c = Classifier {
        func,
        header,
        body,
        insts: &insts,
        carried: &carried,
        untyped: Vec::new(),
        other: false,
        invariants: Vec::new(),
        lists: Vec::new(),
        types: &types,
    };
    // In layout order, so that the remark names the same value every time.
    for b in func.layout.iter().filter(|b| body.contains(b)) {
        let data = &func.blocks[b.index()];
        for p in &data.params {
            match c.ty(*p) {
                Type::Int | Type::Float => {}
                // A `bool` parameter (a flag merged from branches) is a machine condition.
                Type::Bool if *b != header => {}
                Type::Dyn if carried.contains(p) => {}
                Type::Dyn => {
                    c.untyped.push(*p);
                }
                _ => return Verdict::NotIntegerLoop,
            }
        }
        for &inst in &data.insts {
            if !c.inst(&func.insts[inst.index()]) {
                return Verdict::NotIntegerLoop;
            }
        }
    }
    if c.other {
        return Verdict::NotIntegerLoop;
    }
    // The value to name: a parameter of the function (an annotation fixes it) first.
    let param =
        c.untyped.iter().copied().find(
            |v| matches!(func.values[v.index()].def, ValueDef::Param(b, _) if b.index() == 0),
        );
    match param.or(c.untyped.first().copied()) {
        Some(v) => Verdict::Untyped(v),
        None => {
            let lists = c.lists;
            Verdict::Eligible(c.invariants, lists, types)
        }
    }
}

/// The types the copy gives `dyn` values of the loop when every item read from a list is a
/// `spec`: the reads, arithmetic on numbers of known types, and block parameters (not
/// carried ones) whose every argument has the same type. A parameter whose arguments differ
/// (an `int` on entry, a `float` from the loop) stays `dyn`.
fn speculate(
    func: &Function,
    header: Block,
    body: &HashSet<Block>,
    carried: &HashSet<Value>,
    spec: &Type,
) -> HashMap<Value, Type> {
    let mut types: HashMap<Value, Type> = HashMap::new();
    let mut mixed: HashSet<Value> = HashSet::new();
    let number = |t: &Type| matches!(t, Type::Int | Type::Float);
    let insts: HashSet<Inst> = body
        .iter()
        .flat_map(|b| func.blocks[b.index()].insts.iter().copied())
        .collect();
    // A `dyn` value from outside the loop that its arithmetic uses (an item read before the
    // loop, such as `aik = ai[k]`): of the speculated type too, checked on entry.
    let outside = |v: Value| match func.values[v.index()].def {
        ValueDef::Result(i) => !insts.contains(&i),
        ValueDef::Param(b, _) => !body.contains(&b),
    };
    for b in body {
        for inst in &func.blocks[b.index()].insts {
            if let InstKind::Binary { lhs, rhs, .. } = &func.insts[inst.index()].kind {
                for v in [*lhs, *rhs] {
                    if *func.ty(v) == Type::Dyn && outside(v) {
                        types.insert(v, spec.clone());
                    }
                }
            }
        }
    }
    loop {
        let mut changed = false;
        let ty = |types: &HashMap<Value, Type>, v: Value| -> Type {
            types.get(&v).cloned().unwrap_or_else(|| func.ty(v).clone())
        };
        for b in func.layout.iter() {
            for inst in &func.blocks[b.index()].insts {
                let d = &func.insts[inst.index()];
                let inside = body.contains(b);
                let new = match (&d.kind, d.result) {
                    (InstKind::GetItem(..), Some(r)) if inside => Some((r, spec.clone())),
                    (InstKind::Binary { op, lhs, rhs, .. }, Some(r)) if inside => {
                        let (l, rt) = (ty(&types, *lhs), ty(&types, *rhs));
                        let t = if !number(&l) || !number(&rt) {
                            None
                        } else if *op == BinaryOp::TrueDiv {
                            Some(Type::Float)
                        } else if l == Type::Float || rt == Type::Float {
                            matches!(op, BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul)
                                .then_some(Type::Float)
                        } else {
                            Some(Type::Int)
                        };
                        t.map(|t| (r, t))
                    }
                    (InstKind::Unary(UnaryOp::Neg | UnaryOp::Pos, x), Some(r)) if inside => {
                        let t = ty(&types, *x);
                        number(&t).then_some((r, t))
                    }
                    // A comparison of two numbers (an inlined body's generic copy compares
                    // values of unknown type) is a condition.
                    (InstKind::Compare(op, l, r2), Some(r)) if inside => {
                        let ordered = matches!(
                            op,
                            CmpOp::Eq | CmpOp::Ne | CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge
                        );
                        (ordered && number(&ty(&types, *l)) && number(&ty(&types, *r2)))
                            .then_some((r, Type::Bool))
                    }
                    (InstKind::Jump(_) | InstKind::Brif(..), _) => {
                        for call in d.kind.successors() {
                            // Into the loop; from outside only into the header (a guard's
                            // fallback, outside the copy, joins the body elsewhere).
                            if !body.contains(&call.block) || (!inside && call.block != header) {
                                continue;
                            }
                            let params = &func.blocks[call.block.index()].params;
                            for (a, p) in call.args.iter().zip(params) {
                                if *func.ty(*p) != Type::Dyn
                                    || carried.contains(p)
                                    || mixed.contains(p)
                                {
                                    continue;
                                }
                                // A value of unknown type entering the loop (an
                                // accumulator bound before an outer loop): of the speculated
                                // type, which the copy's entry checks.
                                let untyped = *func.ty(*a) == Type::Dyn && !types.contains_key(a);
                                let t = if untyped && !inside {
                                    spec.clone()
                                } else {
                                    ty(&types, *a)
                                };
                                if untyped && inside {
                                    continue;
                                }
                                match types.get(p) {
                                    None if number(&t) => {
                                        types.insert(*p, t);
                                        changed = true;
                                    }
                                    Some(old) if *old == t => {}
                                    _ => {
                                        types.remove(p);
                                        mixed.insert(*p);
                                        changed = true;
                                    }
                                }
                            }
                        }
                        None
                    }
                    _ => None,
                };
                if let Some((r, t)) = new
                    && *func.ty(r) == Type::Dyn
                    && types.get(&r) != Some(&t)
                {
                    types.insert(r, t);
                    changed = true;
                }
            }
        }
        if !changed {
            return types;
        }
    }
}

/// The `dyn` parameters of the loop's blocks that the loop only carries: every use in the loop
/// is a `keepalive` or an argument for another such parameter (the previous binding of a
/// variable, which a rebinding releases: `for j in ...` inside a loop carries the old `j`).
/// The copy keeps them as words; entering it needs them to be values without a reference
/// count (see [`Classifier::args_fit`] and codegen's dispatch).
fn carried_params(func: &Function, body: &HashSet<Block>, insts: &HashSet<Inst>) -> HashSet<Value> {
    let mut carried: HashSet<Value> = body
        .iter()
        .flat_map(|b| func.blocks[b.index()].params.iter().copied())
        .filter(|p| *func.ty(*p) == Type::Dyn)
        .collect();
    loop {
        let mut drop: Vec<Value> = Vec::new();
        for &inst in insts {
            let kind = &func.insts[inst.index()].kind;
            match kind {
                InstKind::KeepAlive(_) => {}
                InstKind::Jump(_) | InstKind::Brif(..) => {
                    if let InstKind::Brif(c, ..) = kind {
                        if carried.contains(c) {
                            drop.push(*c);
                        }
                    }
                    for call in kind.successors() {
                        let params = &func.blocks[call.block.index()].params;
                        let inside = body.contains(&call.block);
                        for (a, p) in call.args.iter().zip(params) {
                            if carried.contains(a) && inside && !carried.contains(p) {
                                drop.push(*a);
                            }
                        }
                    }
                }
                other => other.visit_operands(|v| {
                    if carried.contains(v) {
                        drop.push(*v);
                    }
                }),
            }
        }
        if drop.is_empty() {
            return carried;
        }
        for v in drop {
            carried.remove(&v);
        }
    }
}

struct Classifier<'a> {
    func: &'a Function,
    header: Block,
    body: &'a HashSet<Block>,
    insts: &'a HashSet<Inst>,
    /// See [`carried_params`].
    carried: &'a HashSet<Value>,
    /// The values of unknown type (`dyn`) where a number is needed.
    untyped: Vec<Value>,
    /// A value of another known type (`str`, `list`, ...) where a number is needed.
    other: bool,
    invariants: Vec<Value>,
    /// The lists read (`getitem`), defined outside the loop.
    lists: Vec<Value>,
    /// The speculated types of `dyn` values ([`speculate`]).
    types: &'a HashMap<Value, Type>,
}

impl Classifier<'_> {
    /// The type of `v` in the copy: speculated, else its MIR type.
    fn ty(&self, v: Value) -> &Type {
        self.types.get(&v).unwrap_or_else(|| self.func.ty(v))
    }

    fn defined_here(&self, v: Value) -> bool {
        match self.func.values[v.index()].def {
            ValueDef::Result(i) => self.insts.contains(&i),
            ValueDef::Param(b, _) => self.body.contains(&b),
        }
    }

    /// An operand that must be an `int` (or, with `float`, a `float`): defined in the loop
    /// by an arithmetic operation, or read from outside (checked on entry to the copy).
    fn want(&mut self, v: Value, float: bool) {
        match self.ty(v) {
            Type::Int => {}
            Type::Float if float => {}
            Type::Dyn => {
                self.untyped.push(v);
                return;
            }
            _ => {
                self.other = true;
                return;
            }
        }
        if !self.defined_here(v) && !self.invariants.contains(&v) {
            self.invariants.push(v);
        }
    }

    fn want_int(&mut self, v: Value) {
        self.want(v, false);
    }

    /// An `int` or `float` operand.
    fn want_number(&mut self, v: Value) {
        self.want(v, true);
    }

    /// A condition: a `bool` made in the loop (a comparison, a truth test, a flag).
    fn is_cond(&self, v: Value) -> bool {
        *self.ty(v) == Type::Bool && self.defined_here(v)
    }

    fn want_result(&mut self, d: &InstData, ty: Type) {
        if let Some(r) = d.result {
            match self.ty(r) {
                t if *t == ty => {}
                Type::Dyn => {
                    self.untyped.push(r);
                }
                _ => self.other = true,
            }
        }
    }

    /// Whether `d` may be in an integer loop (types aside, which it records).
    fn inst(&mut self, d: &InstData) -> bool {
        let float_result = d.result.is_some_and(|r| *self.ty(r) == Type::Float);
        match &d.kind {
            InstKind::Const(Constant::Int(IntConst::Small(k))) => fits_inline(*k),
            InstKind::Const(Constant::Float(x)) => !x.is_nan(),
            InstKind::Const(Constant::Bool(_)) => true,
            InstKind::Binary { op, lhs, rhs, .. } if float_result => {
                // `float` arithmetic (an `int` operand is converted exactly: 48 bits).
                self.want_number(*lhs);
                self.want_number(*rhs);
                matches!(
                    op,
                    BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::TrueDiv
                )
            }
            InstKind::Binary { op, lhs, rhs, .. } => {
                let integer = matches!(
                    op,
                    BinaryOp::Add
                        | BinaryOp::Sub
                        | BinaryOp::Mul
                        | BinaryOp::FloorDiv
                        | BinaryOp::Mod
                        | BinaryOp::BitAnd
                        | BinaryOp::BitOr
                        | BinaryOp::BitXor
                        | BinaryOp::LShift
                        | BinaryOp::RShift
                );
                // A result of unknown type: the operands may be floats too (the remark then
                // names the first value of unknown type).
                let unknown = d.result.is_some_and(|r| *self.ty(r) == Type::Dyn);
                self.want(*lhs, unknown);
                self.want(*rhs, unknown);
                self.want_result(d, Type::Int);
                integer
            }
            InstKind::Unary(UnaryOp::Neg | UnaryOp::Pos, x) if float_result => {
                self.want(*x, true);
                *self.ty(*x) == Type::Float
            }
            InstKind::Unary(UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, x) => {
                self.want_int(*x);
                self.want_result(d, Type::Int);
                true
            }
            InstKind::Unary(UnaryOp::Not, x) | InstKind::Truthy(x) => {
                if !self.is_cond(*x) {
                    self.want_number(*x);
                }
                self.want_result(d, Type::Bool);
                true
            }
            InstKind::Compare(op, l, r) => {
                self.want_number(*l);
                self.want_number(*r);
                self.want_result(d, Type::Bool);
                matches!(
                    op,
                    CmpOp::Eq | CmpOp::Ne | CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge
                )
            }
            // An item of a list defined outside the loop, at an `int` index: speculated to
            // be an `int` or a `float` ([`speculate`]), checked at each read.
            InstKind::GetItem(l, k) => {
                if self.defined_here(*l) || !matches!(self.func.ty(*l), Type::List(_) | Type::Dyn) {
                    return false;
                }
                self.want_int(*k);
                if !self.lists.contains(l) {
                    self.lists.push(*l);
                }
                match d.result.map(|r| self.ty(r)) {
                    Some(Type::Int | Type::Float) => true,
                    _ => false,
                }
            }
            // A store of a number into a list defined outside the loop: codegen makes it at
            // the end of the iteration, after every check (a bail must not run it twice),
            // so the block must end the iteration (jump back to the header) and read no
            // item after it.
            InstKind::SetItem(l, k, v) => {
                if self.defined_here(*l) || !matches!(self.func.ty(*l), Type::List(_) | Type::Dyn) {
                    return false;
                }
                self.want_int(*k);
                self.want_number(*v);
                if !self.lists.contains(l) {
                    self.lists.push(*l);
                }
                self.stores_end_iteration(d)
            }
            InstKind::KeepAlive(_) => true,
            // What an inlined function body's guard checks (reads of its slot and the
            // recursion depth; no side effect).
            InstKind::GlobalLoadDirect { via: None, .. } | InstKind::FuncIs { .. } => true,
            // The entry guard of an inlined body: decided by the operand's type in the copy
            // (an `int` or a `float`, speculated or proven).
            InstKind::IsType(v, t) if matches!(t, Type::Int | Type::Float | Type::Bool) => {
                match self.ty(*v) {
                    Type::Int | Type::Float => {
                        if !self.defined_here(*v) && !self.invariants.contains(v) {
                            self.invariants.push(*v);
                        }
                    }
                    Type::Dyn => self.untyped.push(*v),
                    _ => self.other = true,
                }
                true
            }
            // A type the entry guard of an inlined body proved: the operand's.
            InstKind::Assume(v, t) if matches!(t, Type::Int | Type::Float) => {
                match self.ty(*v) {
                    vt if vt == t => {
                        if !self.defined_here(*v) && !self.invariants.contains(v) {
                            self.invariants.push(*v);
                        }
                    }
                    Type::Dyn => self.untyped.push(*v),
                    _ => self.other = true,
                }
                true
            }
            InstKind::Jump(call) => self.args_fit(call),
            InstKind::Brif(c, t, e) => self.is_cond(*c) && self.args_fit(t) && self.args_fit(e),
            _ => false,
        }
    }

    /// Whether the block of store `d` jumps back to the header and reads no list item after
    /// the store.
    fn stores_end_iteration(&self, d: &InstData) -> bool {
        let Some(b) = self.body.iter().find(|b| {
            self.func.blocks[b.index()]
                .insts
                .iter()
                .any(|i| std::ptr::eq(&self.func.insts[i.index()], d))
        }) else {
            return false;
        };
        let insts = &self.func.blocks[b.index()].insts;
        let Some(at) = insts
            .iter()
            .position(|i| std::ptr::eq(&self.func.insts[i.index()], d))
        else {
            return false;
        };
        let ends = matches!(
            self.func.terminator(*b).map(|t| &t.kind),
            Some(InstKind::Jump(call)) if call.block == self.header
        );
        ends && !insts[at..]
            .iter()
            .any(|i| matches!(self.func.insts[i.index()].kind, InstKind::GetItem(..)))
    }

    /// The arguments of an edge: into the loop, each an `int` (or a condition for a `bool`
    /// parameter); out of the loop, anything (the copy leaves through the generic header,
    /// see the module documentation).
    fn args_fit(&mut self, call: &BlockCall) -> bool {
        if !self.body.contains(&call.block) {
            return true;
        }
        let params = &self.func.blocks[call.block.index()].params;
        for (a, p) in call.args.iter().zip(params) {
            let (pt, at) = (self.ty(*p), self.ty(*a));
            match pt {
                Type::Bool if call.block != self.header => {
                    if !self.is_cond(*a) {
                        return false;
                    }
                }
                // An argument has its parameter's type (the machine value's kind).
                Type::Int | Type::Float if at == pt => {
                    if !inline_const(self.func, *a) {
                        self.want_number(*a);
                    }
                }
                Type::Int | Type::Float if *at == Type::Dyn => {
                    self.untyped.push(*a);
                }
                // A carried parameter: a number, condition or carried value of the loop, or
                // a constant without a reference count (an object from outside would need
                // one, which the copy does not keep).
                Type::Dyn if self.carried.contains(p) => {
                    let ok = match at {
                        Type::Int | Type::Float => {
                            self.defined_here(*a) || immediate_const(self.func, *a)
                        }
                        Type::Bool => self.is_cond(*a) || immediate_const(self.func, *a),
                        _ => self.carried.contains(a) || immediate_const(self.func, *a),
                    };
                    if !ok {
                        return false;
                    }
                }
                Type::Dyn => {
                    self.untyped.push(*p);
                }
                _ => self.other = true,
            }
        }
        true
    }
}
