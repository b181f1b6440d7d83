//! Slot type speculation: attribute loads that are expected to give a float get a type check,
//! so that the arithmetic on them compiles to native float operations.
//!
//! Where the hint comes from: [`molt_semantic::ClassInfo::float_fields`], the attributes of
//! which every `self.a = value` assignment in the class's methods stores a float literal, a
//! parameter annotated `float`, or arithmetic on those and on other such attributes. An attribute name is hinted when every class of the module
//! that assigns it through `self` agrees ([`float_hints`]). The hint is not a fact: Python
//! does not enforce annotations (`Point(3, 4)` stores ints), and anything may store into an
//! attribute (another function, `setattr`, `vars(p)`, a subclass, `del p.x`). So the pass
//! does not trust it; it speculates, and every load is checked.
//!
//! The transformation, within one block: take the hinted `getattr.slot` loads whose values
//! feed float arithmetic or comparisons in the same block, and the *window* of instructions
//! from the first such load to the last float operation on values computed from them.
//! After each of those loads the window tests `is.type v, float`; on success it continues
//! with `assume v, float` (so the operations on it are typed `float`: native lanes); on
//! failure it jumps into a generic copy of the rest of the window, which computes exactly
//! what the original instructions did, in the same order, passing along the values computed
//! so far (a float computed natively is the same value the generic operation would have
//! given). Both paths meet in a join block that continues the original block. Each guard
//! failure point enters the generic copy at its own block, so the copy is made once: the
//! code grows by at most the window's size.
//!
//! The same check follows `x ** y` on two floats (hinted loads, values computed from them,
//! or values typed `float`): its result is a float except for a negative base with a
//! fractional exponent, which gives a complex number, so `(dx * dx + dy * dy) ** 0.5` and
//! the arithmetic on it are native behind one tag test.
//!
//! Remarks: `guard.slot` (applied) at the first checked load of each attribute in a
//! function, saying where the hint comes from; `guard.pow` (applied) at the first checked
//! power of a function.
//!
//! The technique is speculation on a type test with a slow path that continues in
//! unspecialized code (as the "uncommon branch" of the SELF compilers and the type
//! feedback of Hölzle and Ungar, PLDI 1994), decided at compile time from the stores the
//! compiler can see instead of from a profile.

use std::collections::BTreeMap;

use molt_mir::{BinaryOp, Block, BlockCall, CmpOp, Function, Inst, InstKind, Type, UnaryOp, Value};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::{PassContext, RemarkKind};

/// Why an attribute name is expected to hold a float: the class that assigns it and the
/// methods where it does (`("Point", ["__init__"])`).
pub type FloatHint = (Box<str>, Vec<Box<str>>);

/// The attribute names expected to hold floats in `index`'s module, with the first class
/// that assigns each and its methods: a name is hinted when at least one class assigns it
/// through `self` and every class that does has it in [`molt_semantic::ClassInfo::float_fields`].
/// Linear in the classes and their fields.
pub fn float_hints(
    db: &dyn molt_db::Db,
    index: &molt_semantic::ModuleIndex,
) -> BTreeMap<Box<str>, FloatHint> {
    let mut hints: BTreeMap<Box<str>, FloatHint> = BTreeMap::new();
    let mut ruled_out: FxHashSet<molt_db::Symbol> = FxHashSet::default();
    for class in &index.classes {
        for attr in class.slot_layout() {
            match class.float_fields.iter().find(|(a, _)| *a == attr) {
                Some((_, methods)) => {
                    let name: Box<str> = db.resolve(attr).into();
                    hints.entry(name).or_insert_with(|| {
                        (
                            db.resolve(class.name).into(),
                            methods.iter().map(|m| db.resolve(*m).into()).collect(),
                        )
                    });
                }
                None => {
                    ruled_out.insert(attr);
                }
            }
        }
    }
    for attr in ruled_out {
        hints.remove(db.resolve(attr));
    }
    hints
}

/// At most this many blocks of one function are specialized: each one scans the function
/// for the uses of what it defines, so the pass stays linear in the function's size (a
/// generated module body of thousands of blocks keeps its later loads unchecked).
const MAX_WINDOWS: usize = 64;

/// Speculates on the hinted slot loads of `func` (see the module docs).
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    if func.is_generator {
        return;
    }
    let local;
    let hints = match ctx.float_hints {
        Some(h) => h,
        None => {
            local = float_hints(ctx.db, ctx.index);
            &local
        }
    };
    // Nothing to check: no hinted attribute and no `**` (most functions), so no block is
    // scanned.
    if hints.is_empty() && !func.insts.iter().any(|d| float_pow(&d.kind).is_some()) {
        return;
    }
    let mut remarked: FxHashSet<Box<str>> = FxHashSet::default();
    let escaping = escaping_values(func);
    let mut windows = 0;
    for block in func.layout.clone() {
        if windows == MAX_WINDOWS {
            break;
        }
        if speculate_block(func, block, hints, &escaping, ctx, &mut remarked) {
            windows += 1;
        }
    }
    if windows > 0 {
        molt_mir::types::infer(func);
        func.compact();
    }
}

/// The values used outside the block that defines them. Specializing a block never makes a
/// value of another block used outside it (copies of a window read what the window read),
/// so the set computed once stays right for the blocks not yet specialized.
fn escaping_values(func: &Function) -> FxHashSet<Value> {
    let mut home: FxHashMap<Inst, Block> = FxHashMap::default();
    for &b in &func.layout {
        for &i in &func.blocks[b.index()].insts {
            home.insert(i, b);
        }
    }
    let def_block = |v: &Value| match func.values[v.index()].def {
        molt_mir::ValueDef::Param(b, _) => Some(b),
        molt_mir::ValueDef::Result(i) => home.get(&i).copied(),
    };
    let mut out = FxHashSet::default();
    for &b in &func.layout {
        for &i in &func.blocks[b.index()].insts {
            func.insts[i.index()].kind.visit_operands(|v| {
                if def_block(v) != Some(b) {
                    out.insert(*v);
                }
            });
        }
    }
    out
}

/// Whether an operation on values of `F` (known floats once the loads are checked) is
/// native float arithmetic: `+ - * /` (`/` behind a zero check) and comparisons.
fn float_op(kind: &InstKind) -> Option<Vec<Value>> {
    match kind {
        InstKind::Binary {
            op: BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::TrueDiv,
            lhs,
            rhs,
            ..
        } => Some(vec![*lhs, *rhs]),
        InstKind::Compare(
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge | CmpOp::Eq | CmpOp::Ne,
            lhs,
            rhs,
        ) => Some(vec![*lhs, *rhs]),
        InstKind::Unary(UnaryOp::Neg | UnaryOp::Pos, v) => Some(vec![*v]),
        _ => None,
    }
}

/// The operands of `x ** y` (two operands, no modulus): checked after the operation when both
/// are floats, since its result is a float except for a negative base with a fractional
/// exponent (a complex number, as in CPython).
fn float_pow(kind: &InstKind) -> Option<Vec<Value>> {
    match kind {
        InstKind::Binary {
            op: BinaryOp::Pow,
            lhs,
            rhs,
            ..
        } => Some(vec![*lhs, *rhs]),
        _ => None,
    }
}

/// The values of `insts` that are floats once the checks `checked` pass: those values, and
/// the results of float operations whose operands are all such values or proven floats.
fn float_values(func: &Function, insts: &[Inst], checked: &FxHashSet<Value>) -> FxHashSet<Value> {
    let mut floats = checked.clone();
    for &inst in insts {
        let data = &func.insts[inst.index()];
        if matches!(data.kind, InstKind::Compare(..)) {
            continue;
        }
        if let (Some(ops), Some(r)) = (float_op(&data.kind), data.result)
            && ops
                .iter()
                .all(|v| floats.contains(v) || *func.ty(*v) == Type::Float)
        {
            floats.insert(r);
        }
    }
    floats
}

/// Speculates in `block`; returns whether it changed anything.
fn speculate_block(
    func: &mut Function,
    block: Block,
    hints: &BTreeMap<Box<str>, FloatHint>,
    escaping: &FxHashSet<Value>,
    ctx: &mut PassContext<'_>,
    remarked: &mut FxHashSet<Box<str>>,
) -> bool {
    let insts = func.blocks[block.index()].insts.clone();
    let Some(terminator) = insts.len().checked_sub(1) else {
        return false;
    };
    // Hinted loads whose type is unknown, and powers of floats (`d2 ** 0.5`: a float, unless
    // a negative base with a fractional exponent makes it complex), in one forward scan so
    // that a power of loaded values counts.
    let mut candidates: FxHashSet<Value> = FxHashSet::default();
    let mut floats: FxHashSet<Value> = FxHashSet::default();
    for &i in &insts[..terminator] {
        let d = &func.insts[i.index()];
        let Some(r) = d.result else { continue };
        if *func.ty(r) != Type::Dyn {
            continue;
        }
        let checked = match &d.kind {
            InstKind::GetAttrSlot(_, name) => hints.contains_key(name),
            kind => float_pow(kind).is_some_and(|ops| {
                ops.iter()
                    .all(|v| floats.contains(v) || *func.ty(*v) == Type::Float)
            }),
        };
        if checked {
            candidates.insert(r);
            floats.insert(r);
        } else if !matches!(d.kind, InstKind::Compare(..))
            && float_op(&d.kind).is_some_and(|ops| {
                ops.iter()
                    .all(|v| floats.contains(v) || *func.ty(*v) == Type::Float)
            })
        {
            floats.insert(r);
        }
    }
    if candidates.is_empty() {
        return false;
    }
    // Keep the checks that some native float operation would read (through other float
    // values): a check that enables nothing is not worth its branch.
    let mut kept: FxHashSet<Value> = FxHashSet::default();
    let def_of: FxHashMap<Value, Inst> = insts
        .iter()
        .filter_map(|&i| func.insts[i.index()].result.map(|r| (r, i)))
        .collect();
    for &inst in &insts[..terminator] {
        let Some(ops) = float_op(&func.insts[inst.index()].kind) else {
            continue;
        };
        let all_float = ops
            .iter()
            .all(|v| floats.contains(v) || *func.ty(*v) == Type::Float);
        if !all_float || !ops.iter().any(|v| floats.contains(v)) {
            continue;
        }
        let mut stack: Vec<Value> = ops.into_iter().filter(|v| floats.contains(v)).collect();
        let mut seen: FxHashSet<Value> = FxHashSet::default();
        while let Some(v) = stack.pop() {
            if !seen.insert(v) {
                continue;
            }
            if candidates.contains(&v) {
                kept.insert(v);
                // A checked power is native when its operands are floats too.
                if let Some(i) = def_of.get(&v)
                    && let Some(ops) = float_pow(&func.insts[i.index()].kind)
                {
                    stack.extend(ops.into_iter().filter(|o| floats.contains(o)));
                }
                continue;
            }
            if let Some(i) = def_of.get(&v)
                && let Some(ops) = float_op(&func.insts[i.index()].kind)
            {
                stack.extend(ops.into_iter().filter(|o| floats.contains(o)));
            }
        }
    }
    if kept.is_empty() {
        return false;
    }
    let floats = float_values(func, &insts[..terminator], &kept);
    // The window [start, end] and the guard points.
    let pos_of_result = |v: Value| {
        insts
            .iter()
            .position(|&i| func.insts[i.index()].result == Some(v))
    };
    let guards: Vec<usize> = {
        let mut g: Vec<usize> = kept.iter().filter_map(|v| pos_of_result(*v)).collect();
        g.sort_unstable();
        g
    };
    let Some(&start) = guards.first() else {
        return false;
    };
    // The window ends at the last float operation on those values; later uses read the
    // value the two paths join.
    let end = (start..terminator)
        .rev()
        .find(|&p| {
            float_op(&func.insts[insts[p].index()].kind).is_some_and(|ops| {
                ops.iter().any(|v| floats.contains(v))
                    && ops
                        .iter()
                        .all(|v| floats.contains(v) || *func.ty(*v) == Type::Float)
            })
        })
        .unwrap_or(start);
    let window = &insts[start..=end];
    // Values the window defines, by position.
    let defined: Vec<(usize, Value)> = window
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| func.insts[i.index()].result.map(|r| (start + k, r)))
        .collect();
    let defined_set: FxHashSet<Value> = defined.iter().map(|(_, v)| *v).collect();
    // Used outside the window: later in the block, or in other blocks.
    let mut used_after: FxHashSet<Value> = FxHashSet::default();
    for &i in &insts[end + 1..] {
        func.insts[i.index()].kind.visit_operands(|v| {
            if defined_set.contains(v) {
                used_after.insert(*v);
            }
        });
    }
    let live_out: Vec<Value> = defined
        .iter()
        .map(|(_, v)| *v)
        .filter(|v| used_after.contains(v) || escaping.contains(v))
        .collect();
    // The blocks that may use what the window defines, when some of it is used elsewhere.
    let existing: Vec<Block> = if live_out.iter().any(|v| escaping.contains(v)) {
        func.layout.clone()
    } else {
        Vec::new()
    };
    // The last position (in the window) where each defined value is used.
    let mut last_use: FxHashMap<Value, usize> = FxHashMap::default();
    for (k, &i) in window.iter().enumerate() {
        func.insts[i.index()].kind.visit_operands(|v| {
            if defined_set.contains(v) {
                last_use.insert(*v, start + k);
            }
        });
    }
    // The values the generic copy needs when it is entered after position `p`.
    let needed_after = |p: usize| -> Vec<Value> {
        defined
            .iter()
            .filter(|(q, v)| {
                *q <= p && (last_use.get(v).is_some_and(|u| *u > p) || live_out.contains(v))
            })
            .map(|(_, v)| *v)
            .collect()
    };
    let handler = func.blocks[block.index()].handler;
    let new_block = |func: &mut Function| {
        let b = func.create_block();
        func.blocks[b.index()].handler = handler;
        b
    };
    // The generic copy: one block per guard, entered right after its load.
    let generic: Vec<(Block, Vec<Value>)> = guards
        .iter()
        .enumerate()
        .map(|(j, &p)| {
            let b = new_block(func);
            // The first copy is entered only from the first check, in this block, which
            // dominates it: it reads the values directly.
            let needed = if j == 0 { Vec::new() } else { needed_after(p) };
            (b, needed)
        })
        .collect();
    let join = new_block(func);
    let join_params: Vec<Value> = live_out
        .iter()
        .map(|v| {
            let ty = func.ty(*v).clone();
            func.append_block_param(join, ty)
        })
        .collect();
    // Fill the generic copy.
    for (j, &p) in guards.iter().enumerate() {
        let (gb, needed) = generic[j].clone();
        let mut map: FxHashMap<Value, Value> = FxHashMap::default();
        for v in &needed {
            let ty = func.ty(*v).clone();
            let param = func.append_block_param(gb, ty);
            map.insert(*v, param);
        }
        let stop = guards.get(j + 1).copied().unwrap_or(end);
        for &inst in &insts[p + 1..=stop] {
            let data = func.insts[inst.index()].clone();
            let mut kind = data.kind.clone();
            kind.map_operands(|v| *map.get(&v).unwrap_or(&v));
            let ty = data.result.map(|r| func.ty(r).clone()).unwrap_or(Type::Dyn);
            let r = func.append_inst(gb, kind, ty, data.span);
            if let (Some(old), Some(new)) = (data.result, r) {
                map.insert(old, new);
            }
        }
        let span = func.insts[insts[stop].index()].span;
        let (target, args) = match generic.get(j + 1) {
            Some((next, next_needed)) => (*next, next_needed.clone()),
            None => (join, live_out.clone()),
        };
        let args = args.iter().map(|v| *map.get(v).unwrap_or(v)).collect();
        func.append_inst(
            gb,
            InstKind::Jump(BlockCall {
                block: target,
                args,
            }),
            Type::Dyn,
            span,
        );
    }
    // The specialized path: the original instructions, with a check after each load.
    func.blocks[block.index()].insts = insts[..start].to_vec();
    let mut current = block;
    let mut spec: FxHashMap<Value, Value> = FxHashMap::default();
    for (k, &inst) in window.iter().enumerate() {
        let pos = start + k;
        func.insts[inst.index()]
            .kind
            .map_operands(|v| *spec.get(&v).unwrap_or(&v));
        func.blocks[current.index()].insts.push(inst);
        let Some(j) = guards.iter().position(|&g| g == pos) else {
            continue;
        };
        let data = &func.insts[inst.index()];
        let (span, loaded) = (data.span, data.result);
        let Some(loaded) = loaded else { continue };
        let ok = func
            .append_inst(
                current,
                InstKind::IsType(loaded, Type::Float),
                Type::Bool,
                span,
            )
            .expect("is.type has a result");
        let next = new_block(func);
        let (gb, needed) = &generic[j];
        let args = needed.iter().map(|v| *spec.get(v).unwrap_or(v)).collect();
        func.append_inst(
            current,
            InstKind::Brif(
                ok,
                BlockCall {
                    block: next,
                    args: vec![],
                },
                BlockCall { block: *gb, args },
            ),
            Type::Dyn,
            span,
        );
        let assumed = func
            .append_inst(
                next,
                InstKind::Assume(loaded, Type::Float),
                Type::Float,
                span,
            )
            .expect("assume has a result");
        spec.insert(loaded, assumed);
        current = next;
        if let InstKind::GetAttrSlot(object, name) = &func.insts[inst.index()].kind
            && remarked.insert(name.clone())
        {
            remark(func, ctx, *object, name, span, hints);
        } else if float_pow(&func.insts[inst.index()].kind).is_some()
            && remarked.insert("**".into())
        {
            let r = ctx.remark(
                "unbox",
                "guard.pow",
                RemarkKind::Applied,
                span,
                "`**` of two floats is expected to give a float (it gives a complex number for a negative base and a fractional exponent): the result is checked, the float arithmetic on it is native, and any other value runs a generic copy of this code".to_string(),
            );
            r.args.push(("type".into(), "float".into()));
        }
    }
    let args = live_out.iter().map(|v| *spec.get(v).unwrap_or(v)).collect();
    let last_span = func.insts[insts[end].index()].span;
    func.append_inst(
        current,
        InstKind::Jump(BlockCall { block: join, args }),
        Type::Dyn,
        last_span,
    );
    // The rest of the block continues in the join block, reading the joined values, as
    // does every other use of a value the window defined.
    func.blocks[join.index()].insts = insts[end + 1..].to_vec();
    let joined: FxHashMap<Value, Value> = live_out.iter().copied().zip(join_params).collect();
    for b in existing {
        if b == block {
            continue;
        }
        for i in func.blocks[b.index()].insts.clone() {
            func.insts[i.index()]
                .kind
                .map_operands(|v| *joined.get(&v).unwrap_or(&v));
        }
    }
    for i in func.blocks[join.index()].insts.clone() {
        func.insts[i.index()]
            .kind
            .map_operands(|v| *joined.get(&v).unwrap_or(&v));
    }
    true
}

/// The `guard.slot` remark at the first checked load of `name` in the function.
fn remark(
    func: &Function,
    ctx: &mut PassContext<'_>,
    object: Value,
    name: &str,
    span: molt_mir::Span,
    hints: &BTreeMap<Box<str>, FloatHint>,
) {
    let Some((class, methods)) = hints.get(name) else {
        return;
    };
    let shown = match func.values[object.index()].def {
        molt_mir::ValueDef::Param(b, i) if b == func.entry() => func
            .params
            .get(i as usize)
            .map(|p| format!("`{}.{name}`", p.name))
            .unwrap_or_else(|| format!("attribute `{name}`")),
        _ => format!("attribute `{name}`"),
    };
    let methods = methods
        .iter()
        .map(|m| format!("`{class}.{m}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let r = ctx.remark(
        "unbox",
        "guard.slot",
        RemarkKind::Applied,
        span,
        format!(
            "{shown} is expected to be a float: every assignment `self.{name} = ...` in {methods} stores a float (a parameter annotated `float`, a float literal, or arithmetic on those and other float attributes). Each load checks the type; the float arithmetic on it is native, and any other value runs a generic copy of this code"
        ),
    );
    r.args.push(("attribute".into(), name.to_string()));
    r.args.push(("type".into(), "float".into()));
    r.args.push(("class".into(), class.to_string()));
}
