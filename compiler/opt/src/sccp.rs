//! Sparse conditional constant propagation with constant folding (Wegman and Zadeck,
//! "Constant Propagation with Conditional Branches", TOPLAS 1991), over SSA with block
//! parameters: a value is ⊤ (no information yet), a constant, or ⊥ (varies); a block
//! parameter is the meet of the arguments on *executable* edges only, and a `brif` on a
//! constant makes only one edge executable.
//!
//! Folding follows Python semantics exactly and gives up (⊥) rather than guess: integer
//! results must fit in 64 bits, `//` and `%` round toward negative infinity, division by zero
//! is never folded (it raises), int-to-float conversions are folded only when exact.
//! Afterwards, folded instructions become `const`, constant block parameters are replaced, and
//! constant branches become jumps (remarks `fold.constant` and `sccp.branch`).

use molt_mir::{
    BinaryOp, BlockCall, CmpOp, Constant, Function, InstKind, IntConst, Type, UnaryOp, Value,
};
use rustc_hash::FxHashMap;

use crate::util::{is_handler, remove_block_param};
use crate::{PassContext, RemarkKind};

#[derive(Clone, Debug, PartialEq)]
enum Lattice {
    Top,
    Const(Constant),
    Bottom,
}

fn meet(a: &Lattice, b: &Lattice) -> Lattice {
    match (a, b) {
        (Lattice::Top, x) | (x, Lattice::Top) => x.clone(),
        (Lattice::Const(x), Lattice::Const(y)) if x == y => a.clone(),
        _ => Lattice::Bottom,
    }
}

/// Runs SCCP and folding on `func`.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let n = func.values.len();
    let mut value: Vec<Lattice> = vec![Lattice::Top; n];
    // Entry and handler parameters vary.
    for &p in &func.blocks[0].params {
        value[p.index()] = Lattice::Bottom;
    }
    for b in &func.blocks {
        if let Some(h) = b.handler {
            for &p in &func.blocks[h.index()].params {
                value[p.index()] = Lattice::Bottom;
            }
        }
    }
    let mut executable = vec![false; func.blocks.len()];
    executable[0] = true;
    // Simple iteration to a fixpoint (functions are small; each value only descends).
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds < 100 {
        changed = false;
        rounds += 1;
        for &block in &func.layout {
            if !executable[block.index()] {
                continue;
            }
            if let Some(h) = func.blocks[block.index()].handler
                && !executable[h.index()]
            {
                executable[h.index()] = true;
                changed = true;
            }
            for &inst in &func.blocks[block.index()].insts {
                let data = &func.insts[inst.index()];
                if let Some(r) = data.result {
                    let new = match &data.kind {
                        InstKind::IsType(x, t) if has_exact_type(func, *x, t) => {
                            Lattice::Const(Constant::Bool(true))
                        }
                        kind => evaluate(kind, &|v: Value| value[v.index()].clone()),
                    };
                    let merged = match (&value[r.index()], &new) {
                        (Lattice::Top, x) => x.clone(),
                        (old, x) if old == x => old.clone(),
                        _ => Lattice::Bottom,
                    };
                    if merged != value[r.index()] {
                        value[r.index()] = merged;
                        changed = true;
                    }
                }
                // Edges.
                let mut edges: Vec<(&BlockCall, bool)> = Vec::new();
                match &data.kind {
                    InstKind::Brif(c, a, b) => match &value[c.index()] {
                        Lattice::Top => {}
                        Lattice::Const(Constant::Bool(true)) => edges.push((a, false)),
                        Lattice::Const(Constant::Bool(false)) => edges.push((b, false)),
                        _ => {
                            edges.push((a, false));
                            edges.push((b, false));
                        }
                    },
                    InstKind::IterNext(_, a, b) => {
                        edges.push((a, true));
                        edges.push((b, false));
                    }
                    InstKind::Jump(a) => edges.push((a, false)),
                    _ => {}
                }
                for (call, has_item) in edges {
                    let target = call.block;
                    if !executable[target.index()] {
                        executable[target.index()] = true;
                        changed = true;
                    }
                    let params = &func.blocks[target.index()].params;
                    let offset = usize::from(has_item);
                    if has_item && let Some(&p) = params.first() {
                        if value[p.index()] != Lattice::Bottom {
                            value[p.index()] = Lattice::Bottom;
                            changed = true;
                        }
                    }
                    for (i, a) in call.args.iter().enumerate() {
                        let Some(&p) = params.get(i + offset) else {
                            continue;
                        };
                        let m = meet(&value[p.index()], &value[a.index()]);
                        if m != value[p.index()] {
                            value[p.index()] = m;
                            changed = true;
                        }
                    }
                }
            }
        }
    }
    if rounds >= 100 {
        return;
    }
    rewrite(func, ctx, &value, &executable);
}

fn rewrite(func: &mut Function, ctx: &mut PassContext<'_>, value: &[Lattice], executable: &[bool]) {
    let mut any = false;
    let inlined: rustc_hash::FxHashSet<molt_mir::SiteId> =
        func.inlined_sites.iter().map(|o| o.site).collect();
    // Folded instructions become constants.
    for &block in &func.layout.clone() {
        if !executable[block.index()] {
            continue;
        }
        for &inst in &func.blocks[block.index()].insts.clone() {
            let data = &func.insts[inst.index()];
            let Some(r) = data.result else { continue };
            let Lattice::Const(c) = &value[r.index()] else {
                continue;
            };
            if matches!(data.kind, InstKind::Const(_)) {
                continue;
            }
            // (What folds in an inlined body is the callee's code, specialized for the
            // caller's arguments: not a remark about the caller's line.)
            if matches!(
                data.kind,
                InstKind::Binary { .. } | InstKind::Unary(..) | InstKind::Compare(..)
            ) && !inlined.contains(&data.site)
            {
                ctx.remark(
                    "const",
                    "fold.constant",
                    RemarkKind::Applied,
                    data.span,
                    format!("computed at compile time: {}", show(c)),
                );
            }
            let ty = const_type(c);
            func.insts[inst.index()].kind = InstKind::Const(c.clone());
            func.values[r.index()].ty = ty;
            any = true;
        }
    }
    // Constant branches become jumps.
    for &block in &func.layout.clone() {
        if !executable[block.index()] {
            continue;
        }
        let Some(&t) = func.blocks[block.index()].insts.last() else {
            continue;
        };
        let InstKind::Brif(c, a, b) = func.insts[t.index()].kind.clone() else {
            continue;
        };
        let taken = match &value[c.index()] {
            Lattice::Const(Constant::Bool(true)) => a,
            Lattice::Const(Constant::Bool(false)) => b,
            _ => continue,
        };
        let always = matches!(&value[c.index()], Lattice::Const(Constant::Bool(true)));
        if !inlined.contains(&func.insts[t.index()].site) {
            ctx.remark(
                "sccp",
                "sccp.branch",
                RemarkKind::Applied,
                func.insts[t.index()].span,
                format!(
                    "this condition is always {}; the other branch was removed",
                    if always { "true" } else { "false" }
                ),
            );
        }
        func.insts[t.index()].kind = InstKind::Jump(taken);
        any = true;
    }
    // Constant block parameters: materialize the constant at the block's start.
    for &block in &func.layout.clone() {
        if !executable[block.index()] || block.0 == 0 || is_handler(func, block) {
            continue;
        }
        let params = func.blocks[block.index()].params.clone();
        for (i, p) in params.iter().enumerate().rev() {
            let Lattice::Const(c) = &value[p.index()] else {
                continue;
            };
            // iter.next's item parameter is never constant (it is ⊥).
            let v = func
                .prepend_inst(
                    block,
                    InstKind::Const(c.clone()),
                    const_type(c),
                    molt_mir::Span::default(),
                )
                .expect("const has a result");
            let mut map = FxHashMap::default();
            map.insert(*p, v);
            crate::util::replace_uses(func, &map);
            remove_block_param(func, block, i);
            any = true;
        }
    }
    if any {
        molt_mir::types::infer(func);
        func.compact();
    }
}

fn const_type(c: &Constant) -> Type {
    match c {
        Constant::None => Type::None,
        Constant::Bool(_) => Type::Bool,
        Constant::Int(_) => Type::Int,
        Constant::Float(_) => Type::Float,
        Constant::Str(_) => Type::Str,
        Constant::Ellipsis | Constant::Unbound => Type::Dyn,
    }
}

fn show(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(IntConst::Small(i)) => i.to_string(),
        Constant::Int(IntConst::Big(d)) => d.to_string(),
        Constant::Float(x) => molt_mir::display::float_text(*x),
        Constant::Str(s) => format!("{s:?}"),
        Constant::Ellipsis => "...".into(),
        Constant::Unbound => "<unbound>".into(),
    }
}

/// Abstract evaluation of one instruction.
/// Whether `x`'s static type says it has exactly the scalar type `t` (`is.type x, t` is
/// then true: an inlined method's entry guard on an argument the caller knows). Not for a
/// result of `index`, which `__index__` may give as a `bool` or another `int` subclass.
fn has_exact_type(func: &Function, x: Value, t: &Type) -> bool {
    let scalar = matches!(
        t,
        Type::Int | Type::Float | Type::Bool | Type::Str | Type::None
    );
    let from_index = match func.values[x.index()].def {
        molt_mir::ValueDef::Result(i) => matches!(func.insts[i.index()].kind, InstKind::ToIndex(_)),
        molt_mir::ValueDef::Param(..) => false,
    };
    scalar && func.ty(x) == t && !from_index
}

fn evaluate(kind: &InstKind, v: &dyn Fn(Value) -> Lattice) -> Lattice {
    let operands = kind.operands();
    if operands.iter().any(|o| v(*o) == Lattice::Top) && !matches!(kind, InstKind::Const(_)) {
        // Wait for the operands (optimistic).
        if foldable(kind) {
            return Lattice::Top;
        }
    }
    let c = |x: Value| match v(x) {
        Lattice::Const(c) => Some(c),
        _ => None,
    };
    let folded = match kind {
        InstKind::Const(k) => Some(k.clone()),
        InstKind::Unary(op, a) => c(*a).and_then(|a| fold_unary(*op, &a)),
        InstKind::Binary { op, lhs, rhs, .. } => {
            c(*lhs).and_then(|a| c(*rhs).and_then(|b| fold_binary(*op, &a, &b)))
        }
        InstKind::Compare(op, a, b) => {
            c(*a).and_then(|a| c(*b).and_then(|b| fold_compare(*op, &a, &b)))
        }
        InstKind::Truthy(a) => c(*a).and_then(|a| truthy(&a)).map(Constant::Bool),
        _ => None,
    };
    match folded {
        Some(k) => Lattice::Const(k),
        None => Lattice::Bottom,
    }
}

fn foldable(kind: &InstKind) -> bool {
    matches!(
        kind,
        InstKind::Unary(..) | InstKind::Binary { .. } | InstKind::Compare(..) | InstKind::Truthy(_)
    )
}

fn truthy(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(IntConst::Small(i)) => *i != 0,
        Constant::Int(IntConst::Big(_)) => true,
        Constant::Float(x) => *x != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Ellipsis => true,
        Constant::Unbound => return None,
    })
}

/// An int (bools count as 0 and 1).
fn as_int(c: &Constant) -> Option<i64> {
    match c {
        Constant::Int(IntConst::Small(i)) => Some(*i),
        Constant::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// A float, or an int exactly representable as one.
fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(x) => Some(*x),
        _ => as_int(c)
            .filter(|i| i.unsigned_abs() <= 1 << 53)
            .map(|i| i as f64),
    }
}

fn int(i: i64) -> Constant {
    Constant::Int(IntConst::Small(i))
}

fn fold_unary(op: UnaryOp, a: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => truthy(a).map(|t| Constant::Bool(!t)),
        UnaryOp::Neg => match a {
            // A NaN's sign is visible (`math.copysign`) and constants do not keep it.
            Constant::Float(x) if x.is_nan() => None,
            Constant::Float(x) => Some(Constant::Float(-x)),
            _ => as_int(a)?.checked_neg().map(int),
        },
        UnaryOp::Pos => match a {
            Constant::Float(x) => Some(Constant::Float(*x)),
            _ => as_int(a).map(int),
        },
        UnaryOp::Invert => as_int(a).map(|i| int(!i)),
    }
}

fn fold_binary(op: BinaryOp, a: &Constant, b: &Constant) -> Option<Constant> {
    use BinaryOp::*;
    if let (Constant::Str(x), Constant::Str(y), Add) = (a, b, op) {
        let s = format!("{x}{y}");
        return (s.len() <= 4096).then(|| Constant::Str(s.into()));
    }
    let floats = matches!(a, Constant::Float(_)) || matches!(b, Constant::Float(_));
    if floats {
        let (x, y) = (as_float(a)?, as_float(b)?);
        let r = match op {
            Add => x + y,
            Sub => x - y,
            Mul => x * y,
            TrueDiv if y != 0.0 => x / y,
            _ => return None,
        };
        // A NaN made at run time has the sign the hardware gives it (`inf / inf` is a
        // negative NaN on x86-64, `math.copysign` shows it); a constant NaN does not keep
        // its sign, so such operations stay for run time.
        return (!r.is_nan()).then_some(Constant::Float(r));
    }
    let (x, y) = (as_int(a)?, as_int(b)?);
    if matches!(op, BitAnd | BitOr | BitXor)
        && let (Constant::Bool(p), Constant::Bool(q)) = (a, b)
    {
        return Some(Constant::Bool(match op {
            BitAnd => p & q,
            BitOr => p | q,
            _ => p ^ q,
        }));
    }
    match op {
        Add => x.checked_add(y).map(int),
        Sub => x.checked_sub(y).map(int),
        Mul => x.checked_mul(y).map(int),
        FloorDiv if y != 0 => {
            let q = x.checked_div(y)?;
            Some(int(if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }))
        }
        Mod if y != 0 => {
            let r = x.checked_rem(y)?;
            Some(int(if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }))
        }
        TrueDiv if y != 0 && x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 => {
            Some(Constant::Float(x as f64 / y as f64))
        }
        Pow if y >= 0 => x.checked_pow(u32::try_from(y).ok()?).map(int),
        LShift if (0..63).contains(&y) => {
            let r = x.checked_shl(y as u32)?;
            (r >> y == x).then(|| int(r))
        }
        RShift if y >= 0 => Some(int(x >> y.min(63))),
        BitAnd => Some(int(x & y)),
        BitOr => Some(int(x | y)),
        BitXor => Some(int(x ^ y)),
        _ => None,
    }
}

fn fold_compare(op: CmpOp, a: &Constant, b: &Constant) -> Option<Constant> {
    use std::cmp::Ordering;
    if matches!(op, CmpOp::Is | CmpOp::IsNot) {
        let same = match (a, b) {
            (Constant::None, Constant::None) => true,
            (Constant::Bool(x), Constant::Bool(y)) => x == y,
            (Constant::None, Constant::Bool(_)) | (Constant::Bool(_), Constant::None) => false,
            _ => return None,
        };
        return Some(Constant::Bool(same == (op == CmpOp::Is)));
    }
    let ord: Option<Ordering> = match (a, b) {
        (Constant::Str(x), Constant::Str(y)) => Some(x.cmp(y)),
        (Constant::Float(_), _) | (_, Constant::Float(_)) => {
            as_float(a)?.partial_cmp(&as_float(b)?)
        }
        _ => Some(as_int(a)?.cmp(&as_int(b)?)),
    };
    let result = match (op, ord) {
        (CmpOp::Eq, o) => o == Some(Ordering::Equal),
        (CmpOp::Ne, o) => o != Some(Ordering::Equal),
        (_, None) => false,
        (CmpOp::Lt, Some(o)) => o == Ordering::Less,
        (CmpOp::Le, Some(o)) => o != Ordering::Greater,
        (CmpOp::Gt, Some(o)) => o == Ordering::Greater,
        (CmpOp::Ge, Some(o)) => o != Ordering::Less,
        _ => return None,
    };
    Some(Constant::Bool(result))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_division_semantics() {
        let f = |op, a, b| fold_binary(op, &int(a), &int(b));
        assert_eq!(f(BinaryOp::FloorDiv, -7, 2), Some(int(-4)));
        assert_eq!(f(BinaryOp::Mod, -7, 2), Some(int(1)));
        assert_eq!(f(BinaryOp::Mod, 7, -2), Some(int(-1)));
        assert_eq!(
            f(BinaryOp::FloorDiv, 1, 0),
            None,
            "raises ZeroDivisionError"
        );
        assert_eq!(f(BinaryOp::Pow, 2, -1), None, "a float");
        assert_eq!(f(BinaryOp::Mul, i64::MAX, 2), None, "beyond 64 bits");
        assert_eq!(f(BinaryOp::Pow, 2, 10), Some(int(1024)));
    }

    #[test]
    fn operations_making_a_nan_are_left_for_run_time() {
        let inf = Constant::Float(f64::INFINITY);
        assert_eq!(fold_binary(BinaryOp::TrueDiv, &inf, &inf), None);
        assert_eq!(fold_binary(BinaryOp::Sub, &inf, &inf), None);
        assert_eq!(
            fold_binary(BinaryOp::Mul, &inf, &Constant::Float(0.0)),
            None
        );
        assert_eq!(fold_unary(UnaryOp::Neg, &Constant::Float(f64::NAN)), None);
        assert_eq!(
            fold_binary(BinaryOp::Add, &inf, &Constant::Float(1.0)),
            Some(Constant::Float(f64::INFINITY))
        );
    }

    #[test]
    fn comparisons_mix_ints_and_floats() {
        assert_eq!(
            fold_compare(CmpOp::Lt, &int(1), &Constant::Float(1.5)),
            Some(Constant::Bool(true))
        );
        assert_eq!(
            fold_compare(
                CmpOp::Eq,
                &Constant::Float(f64::NAN),
                &Constant::Float(f64::NAN)
            ),
            Some(Constant::Bool(false))
        );
        assert_eq!(
            fold_compare(
                CmpOp::Ne,
                &Constant::Float(f64::NAN),
                &Constant::Float(f64::NAN)
            ),
            Some(Constant::Bool(true))
        );
    }
}
