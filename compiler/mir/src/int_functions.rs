//! Integer functions: recursive functions whose typed version (every parameter an `int`)
//! is integer arithmetic, comparisons, branches, calls of the function itself and returns,
//! which codegen also compiles as a *machine copy*: a second native function taking its
//! parameters as `i64`s in registers, computing on machine integers and calling itself
//! directly, without boxing, type tests or reference counts.
//!
//! Such a function has no side effect (it only computes and calls itself), so the copy needs
//! no way to resume the generic code in the middle: whenever a machine integer would leave
//! 64 bits (or a result returned leaves the inline range, 48 bits), a divisor is zero, a shift
//! count is negative, or the call depth reaches the recursion limit, the copy returns *bail*
//! up its chain of recursive calls, and the generic code that entered it runs the whole call
//! again from its start (raising, making a big int, or recursing as CPython would). Because
//! the generic code enters the copy at every call, a function that keeps bailing would run
//! its work twice; each entry counts its bails and stops entering the copy after a few
//! ([`BAIL_LIMIT`]).
//!
//! The function-level form of [`crate::int_loops`]: speculation with re-execution as the
//! exit, which needs no state reconstruction because nothing observable happened before it.

use std::collections::HashSet;

use crate::int_loops::fits_inline;
use crate::{BinaryOp, Block, CmpOp, Constant, Function, InstKind, IntConst, Span, Type};
use crate::{UnaryOp, Value, ValueDef};

/// How many times the generic code of an integer function enters its machine copy and sees
/// it bail before it stops entering it (for the rest of the run).
pub const BAIL_LIMIT: i64 = 16;

/// A function codegen also compiles as a machine copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntFunction {
    /// The first block of the typed version: it starts with one `assume p, int` per
    /// parameter, and the copy starts there.
    pub entry: Block,
    /// The results of those `assume`s, one per parameter in order: the copy's parameters.
    pub params: Vec<Value>,
    /// The blocks of the typed version (reachable from `entry`), `entry` first, then the
    /// others in layout order.
    pub blocks: Vec<Block>,
    /// The values of type `dyn` that are `int`s in the copy: results of the function's calls
    /// of itself (the copy returns only ints) and arithmetic on them.
    pub ints: HashSet<Value>,
    /// The span of the function's first `assume` (the parameter annotations), for remarks.
    pub span: Span,
}

impl IntFunction {
    /// Whether `v` is an `int` in the copy (by its MIR type or as inferred).
    pub fn is_int(&self, func: &Function, v: Value) -> bool {
        *func.ty(v) == Type::Int || self.ints.contains(&v)
    }
}

/// Why a function that calls itself is not an integer function ([`find_or_miss`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Miss {
    /// What keeps it from being one: the parameters' annotations, or an instruction.
    pub span: Span,
    /// The reason, a clause for a remark ("not every parameter is annotated `int`").
    pub reason: String,
}

/// The machine copy `func` gets, if it is an integer function (see the module
/// documentation): `None` for every other function, including integer functions that do not
/// call themselves (their loops get [`crate::int_loops`] copies; a call costs little next to
/// its body).
pub fn find(func: &Function) -> Option<IntFunction> {
    find_or_miss(func).ok()
}

/// [`find`], or, for a function with parameters that calls itself directly and is not an
/// integer function, the first thing that keeps it from being one (`Err(Some(..))`, for the
/// `function.unboxed.missed` remark); `Err(None)` for every other function, and for shapes
/// of code a user cannot change (what the code before the typed version does).
pub fn find_or_miss(func: &Function) -> Result<IntFunction, Option<Miss>> {
    let Some(params) = func.blocks.first().map(|b| &b.params) else {
        return Err(None);
    };
    if params.is_empty() {
        return Err(None);
    }
    // Cheap first: most functions do not call themselves.
    let calls_self = |kind: &InstKind| matches!(kind, InstKind::CallDirect { func: callee, .. } if **callee == *func.name);
    let Some(self_call) = func.insts.iter().find(|d| calls_self(&d.kind)) else {
        return Err(None);
    };
    let miss = |span: Span, reason: &str| {
        Some(Miss {
            span,
            reason: reason.to_string(),
        })
    };
    // The typed entry: a block starting with an `assume p, int` of each parameter.
    let entry = func.layout.iter().find_map(|&b| {
        if b.index() == 0 || !func.blocks[b.index()].params.is_empty() {
            return None;
        }
        let insts = &func.blocks[b.index()].insts;
        let mut assumed = vec![None; params.len()];
        for inst in insts.iter().take(params.len()) {
            let d = &func.insts[inst.index()];
            let InstKind::Assume(p, Type::Int) = &d.kind else {
                return None;
            };
            let k = params.iter().position(|q| q == p)?;
            if assumed[k].is_some() {
                return None;
            }
            assumed[k] = Some(d.result?);
        }
        let assumed: Option<Vec<Value>> = assumed.into_iter().collect();
        Some((b, assumed?))
    });
    let Some((entry, assumed)) = entry else {
        // A parameter annotated with another type (`x: float`), or used as something other
        // than a number (`node.kids`, `for x in xs`), is not an int the user forgot to
        // annotate: nothing to say.
        let number_use = |kind: &InstKind| {
            matches!(
                kind,
                InstKind::Binary { .. }
                    | InstKind::Unary(..)
                    | InstKind::Compare(..)
                    | InstKind::Truthy(_)
                    | InstKind::IsType(..)
                    | InstKind::Assume(_, Type::Int)
                    | InstKind::KeepAlive(_)
                    | InstKind::Return(_)
                    | InstKind::Jump(_)
                    | InstKind::Brif(..)
            ) || calls_self(kind)
        };
        let other_use = func
            .insts
            .iter()
            .any(|d| !number_use(&d.kind) && d.kind.operands().iter().any(|v| params.contains(v)));
        if other_use {
            return Err(None);
        }
        return Err(miss(
            self_call.span,
            "not every parameter is annotated `int`",
        ));
    };
    // The blocks reachable from it.
    let mut region: HashSet<Block> = HashSet::from([entry]);
    let mut stack = vec![entry];
    while let Some(b) = stack.pop() {
        if func.blocks[b.index()].handler.is_some() {
            let span = func.blocks[b.index()]
                .insts
                .first()
                .map_or(self_call.span, |i| func.insts[i.index()].span);
            return Err(miss(span, "it handles exceptions (`try`)"));
        }
        for s in func.successors(b) {
            if s.index() == 0 {
                return Err(None);
            }
            if region.insert(s) {
                stack.push(s);
            }
        }
    }
    // The code before it only tests the arguments' types (nothing to undo when the copy's
    // result is returned from there).
    let preds = crate::dominators::predecessors(func);
    let mut before: HashSet<Block> = HashSet::new();
    let mut stack: Vec<Block> = preds[entry.index()].clone();
    while let Some(b) = stack.pop() {
        if region.contains(&b) || !before.insert(b) {
            continue;
        }
        let data = &func.blocks[b.index()];
        let only_tests = data.handler.is_none()
            && data.insts.iter().all(|i| {
                matches!(
                    func.insts[i.index()].kind,
                    InstKind::IsType(..)
                        | InstKind::Const(_)
                        | InstKind::Brif(..)
                        | InstKind::Jump(_)
                )
            });
        if !only_tests {
            return Err(None);
        }
        stack.extend(preds[b.index()].iter().copied());
    }
    let skip = |b: Block| if b == entry { params.len() } else { 0 };
    // Which `dyn` values are ints in the copy: a fixpoint from the calls of the function.
    let mut ints: HashSet<Value> = HashSet::new();
    let is_int = |ints: &HashSet<Value>, v: Value| *func.ty(v) == Type::Int || ints.contains(&v);
    loop {
        let mut changed = false;
        for &b in func.layout.iter().filter(|b| region.contains(b)) {
            for inst in &func.blocks[b.index()].insts[skip(b)..] {
                let d = &func.insts[inst.index()];
                let Some(r) = d.result else {
                    if let InstKind::Jump(_) | InstKind::Brif(..) = &d.kind {
                        for call in d.kind.successors() {
                            let ps = &func.blocks[call.block.index()].params;
                            for (a, p) in call.args.iter().zip(ps) {
                                if *func.ty(*p) == Type::Dyn
                                    && is_int(&ints, *a)
                                    && !ints.contains(p)
                                    && all_args_int(func, &region, *p, &ints)
                                {
                                    changed |= ints.insert(*p);
                                }
                            }
                        }
                    }
                    continue;
                };
                if *func.ty(r) != Type::Dyn || ints.contains(&r) {
                    continue;
                }
                let int = match &d.kind {
                    InstKind::CallDirect {
                        func: callee,
                        via: None,
                        loaded,
                        ..
                    } => **callee == *func.name && loaded.is_none_or(|v| own_load(func, &v)),
                    InstKind::Binary { op, lhs, rhs, .. } => {
                        int_op(*op) && is_int(&ints, *lhs) && is_int(&ints, *rhs)
                    }
                    InstKind::Unary(UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, x) => {
                        is_int(&ints, *x)
                    }
                    _ => false,
                };
                if int {
                    ints.insert(r);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Every instruction must be one the copy has, on ints (or conditions).
    let mut conds: HashSet<Value> = HashSet::new();
    let mut calls_itself = false;
    let region_insts: HashSet<crate::Inst> = region
        .iter()
        .flat_map(|b| func.blocks[b.index()].insts.iter().copied())
        .collect();
    let defined_in_region = |v: Value| match func.values[v.index()].def {
        ValueDef::Result(i) => region_insts.contains(&i),
        ValueDef::Param(b, _) => region.contains(&b),
    };
    // An operand: an int of the copy, defined in it (a constant may be defined anywhere).
    let int_operand = |ints: &HashSet<Value>, v: Value| {
        is_int(ints, v) && (defined_in_region(v) || inline_const(func, v))
    };
    let mut blocks = vec![entry];
    blocks.extend(
        func.layout
            .iter()
            .copied()
            .filter(|b| *b != entry && region.contains(b)),
    );
    for &b in &blocks {
        for p in &func.blocks[b.index()].params {
            match func.ty(*p) {
                Type::Bool => {
                    conds.insert(*p);
                }
                _ if is_int(&ints, *p) => {}
                _ => {
                    let span = func.blocks[b.index()]
                        .insts
                        .first()
                        .map_or(self_call.span, |i| func.insts[i.index()].span);
                    return Err(miss(
                        span,
                        "a variable assigned in it is not known to be an `int`",
                    ));
                }
            }
        }
        for inst in &func.blocks[b.index()].insts[skip(b)..] {
            let d = &func.insts[inst.index()];
            let ok = match &d.kind {
                InstKind::Const(Constant::Int(IntConst::Small(k))) => fits_inline(*k),
                InstKind::Const(Constant::Bool(_)) => {
                    conds.extend(d.result);
                    true
                }
                InstKind::Binary { op, lhs, rhs, .. } => {
                    int_op(*op)
                        && int_operand(&ints, *lhs)
                        && int_operand(&ints, *rhs)
                        && d.result.is_some_and(|r| is_int(&ints, r))
                }
                InstKind::Unary(UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, x) => {
                    int_operand(&ints, *x) && d.result.is_some_and(|r| is_int(&ints, r))
                }
                InstKind::Unary(UnaryOp::Not, x) | InstKind::Truthy(x) => {
                    conds.extend(d.result);
                    conds.contains(x) || int_operand(&ints, *x)
                }
                InstKind::Compare(op, l, r) => {
                    conds.extend(d.result);
                    matches!(
                        op,
                        CmpOp::Eq | CmpOp::Ne | CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge
                    ) && int_operand(&ints, *l)
                        && int_operand(&ints, *r)
                }
                InstKind::CallDirect {
                    func: callee,
                    args,
                    via: None,
                    loaded,
                } if **callee == *func.name && loaded.is_none_or(|v| own_load(func, &v)) => {
                    calls_itself = true;
                    args.len() == params.len() && args.iter().all(|a| int_operand(&ints, *a))
                }
                // The function read from its global before the arguments of a call of itself
                // (`call.direct ... loaded`): the copy calls itself directly, and nothing in
                // it can rebind the global (the generic code checks the global on entry).
                InstKind::GlobalLoadDirect {
                    func: callee,
                    via: None,
                } if **callee == *func.name => d.result.is_some_and(|r| {
                    func.insts.iter().all(|u| match &u.kind {
                        InstKind::CallDirect { loaded, args, .. } if *loaded == Some(r) => {
                            !args.contains(&r)
                        }
                        kind => !kind.operands().contains(&r),
                    })
                }),
                InstKind::KeepAlive(_) => true,
                InstKind::Return(v) => int_operand(&ints, *v),
                InstKind::Jump(_) | InstKind::Brif(..) => {
                    if let InstKind::Brif(c, ..) = &d.kind
                        && !conds.contains(c)
                    {
                        return Err(miss(d.span, "a condition is not a comparison of ints"));
                    }
                    d.kind.successors().iter().all(|call| {
                        let ps = &func.blocks[call.block.index()].params;
                        call.args.iter().zip(ps).all(|(a, p)| {
                            if *func.ty(*p) == Type::Bool {
                                conds.contains(a)
                            } else {
                                int_operand(&ints, *a)
                            }
                        })
                    })
                }
                _ => false,
            };
            if !ok {
                return Err(Some(Miss {
                    span: d.span,
                    reason: unsupported(func, &d.kind),
                }));
            }
        }
    }
    if !calls_itself {
        return Err(None);
    }
    let span = func.insts[func.blocks[entry.index()].insts[0].index()].span;
    Ok(IntFunction {
        entry,
        params: assumed,
        blocks,
        ints,
        span,
    })
}

/// Whether `v` is the function read from its own global (`global.load.direct` of `func`'s
/// name, for a `call.direct ... loaded v` of itself).
fn own_load(func: &Function, v: &Value) -> bool {
    match func.values[v.index()].def {
        ValueDef::Result(i) => matches!(
            &func.insts[i.index()].kind,
            InstKind::GlobalLoadDirect { func: callee, via: None } if **callee == *func.name
        ),
        ValueDef::Param(..) => false,
    }
}

/// Why the machine copy cannot have an instruction of `kind` (see [`Miss::reason`]).
fn unsupported(func: &Function, kind: &InstKind) -> String {
    let text = crate::display::kind_text(kind);
    let op = text.split_whitespace().next().unwrap_or("");
    match kind {
        InstKind::Binary { op: o, .. } if !int_op(*o) => {
            format!("`{op}` is not an integer operation")
        }
        InstKind::Compare(o, ..)
            if !matches!(
                o,
                CmpOp::Eq | CmpOp::Ne | CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge
            ) =>
        {
            format!("`{op}` is not an integer comparison")
        }
        InstKind::CallDirect {
            func: callee, args, ..
        } if **callee == *func.name && args.len() != func.blocks[0].params.len() => {
            "a call of itself passes another number of arguments".to_string()
        }
        InstKind::Binary { .. }
        | InstKind::Unary(..)
        | InstKind::Compare(..)
        | InstKind::Truthy(_)
        | InstKind::Return(_)
        | InstKind::Jump(_)
        | InstKind::Brif(..) => {
            format!("an operand of `{op}` is not known to be an `int`")
        }
        InstKind::CallDirect { func: callee, .. } if **callee == *func.name => {
            "a call of itself passes a value that is not known to be an `int`".to_string()
        }
        InstKind::Const(_) => {
            let value = text.split_once(' ').map_or("", |(_, v)| v);
            format!("the constant `{value}` is not an int of the inline range (48 bits)")
        }
        InstKind::BuiltinLoad(name) => format!("it uses the builtin `{name}`"),
        InstKind::GlobalLoad(name) => format!("it uses the global `{name}`"),
        InstKind::GlobalLoadDirect { .. }
        | InstKind::Call { .. }
        | InstKind::CallMethod { .. }
        | InstKind::CallDirect { .. }
        | InstKind::CallMethodDirect { .. }
        | InstKind::CallClassDirect { .. } => "it calls another function".to_string(),
        InstKind::GetAttr(..) | InstKind::GetAttrSlot(..) | InstKind::SetAttrSlot(..) => {
            "it reads or writes an attribute".to_string()
        }
        InstKind::GetItem(..) | InstKind::SetItem(..) => {
            "it reads or writes an item of a container".to_string()
        }
        _ => format!(
            "`{op}` is not integer arithmetic, a comparison or a call of the function itself"
        ),
    }
}

/// The integer operators the copy computes (on ints: `int / int` is a float).
fn int_op(op: BinaryOp) -> bool {
    matches!(
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
    )
}

/// Whether every argument passed to block parameter `p` by an edge in `region` is an int.
fn all_args_int(func: &Function, region: &HashSet<Block>, p: Value, ints: &HashSet<Value>) -> bool {
    let ValueDef::Param(target, k) = func.values[p.index()].def else {
        return false;
    };
    region.iter().all(|b| {
        func.terminator(*b).is_none_or(|t| {
            t.kind
                .successors()
                .iter()
                .filter(|c| c.block == target)
                .all(|c| {
                    c.args
                        .get(k as usize)
                        .is_some_and(|a| *func.ty(*a) == Type::Int || ints.contains(a))
                })
        })
    })
}

/// Whether `v` is a constant int of the inline range.
fn inline_const(func: &Function, v: Value) -> bool {
    let ValueDef::Result(i) = func.values[v.index()].def else {
        return false;
    };
    matches!(&func.insts[i.index()].kind,
        InstKind::Const(Constant::Int(IntConst::Small(k))) if fits_inline(*k))
}

#[cfg(test)]
mod tests {
    use super::{find, find_or_miss};
    use crate::parse::parse_function;

    /// `fib` with its typed version (block1 on) and a generic one (block4); `body` replaces
    /// block3's instructions.
    fn fib_with(block3: &str) -> String {
        format!(
            r#"function "fib"(n) {{
block0(v0: dyn):
    v1: bool = is.type v0, int @1..2 #0
    brif v1, block1, block4 @1..2 #1
block1:
    v2: int = assume v0, int @1..2 #2
    v3: int = const.int 2 @3..4 #3
    v4: bool = cmp.lt v2, v3 @3..4 #4
    brif v4, block2, block3 @3..4 #5
block2:
    return v2 @5..6 #6
block3:
{block3}
block4:
    return v0 @9..10 #20
}}"#
        )
    }

    #[test]
    fn recursive_int_function_is_found() {
        let f = parse_function(&fib_with(
            "    v5: int = const.int 1 @7..8 #7
    v6: int = sub v2, v5 @7..8 #8
    v7: dyn = call.direct \"fib\"(v6) @7..8 #9
    v8: dyn = add v7, v2 @7..8 #10
    return v8 @7..8 #11",
        ))
        .unwrap();
        let ifn = find(&f).expect("an integer function");
        assert_eq!(ifn.entry.index(), 1);
        assert_eq!(ifn.params.len(), 1);
        assert_eq!(ifn.blocks.len(), 3);
        // The call's result and the sum made from it are ints of the copy.
        assert_eq!(ifn.ints.len(), 2);
    }

    #[test]
    fn other_calls_and_types_are_not() {
        let cases = [
            // Calls another function.
            "    v5: dyn = call.direct \"other\"(v2) @7..8 #7
    v6: dyn = call.direct \"fib\"(v2) @7..8 #8
    return v6 @7..8 #9",
            // Does not call itself.
            "    v5: int = const.int 1 @7..8 #7
    v6: int = sub v2, v5 @7..8 #8
    return v6 @7..8 #9",
            // A true division makes a float.
            "    v5: dyn = call.direct \"fib\"(v2) @7..8 #7
    v6: dyn = truediv v5, v2 @7..8 #8
    return v6 @7..8 #9",
            // Returns something other than an int.
            "    v5: dyn = call.direct \"fib\"(v2) @7..8 #7
    v6: none = const.none @7..8 #8
    return v6 @7..8 #9",
        ];
        for body in cases {
            let f = parse_function(&fib_with(body)).unwrap();
            assert_eq!(find(&f), None, "{body}");
        }
    }

    #[test]
    fn misses_say_why_and_only_for_would_be_int_functions() {
        let reason = |text: &str| {
            let f = parse_function(text).unwrap();
            find_or_miss(&f).err().flatten().map(|m| m.reason)
        };
        // Another function called: said, at the call.
        let other = fib_with(
            "    v5: dyn = call.direct \"other\"(v2) @7..8 #7
    v6: dyn = call.direct \"fib\"(v2) @7..8 #8
    return v6 @7..8 #9",
        );
        assert_eq!(reason(&other).as_deref(), Some("it calls another function"));
        // A true division: said.
        let div = fib_with(
            "    v5: dyn = call.direct \"fib\"(v2) @7..8 #7
    v6: dyn = truediv v5, v2 @7..8 #8
    return v6 @7..8 #9",
        );
        assert_eq!(
            reason(&div).as_deref(),
            Some("`truediv` is not an integer operation")
        );
        // An unannotated parameter used as a number: said.
        let untyped = r#"function "f"(n) {
block0(v0: dyn):
    v1: int = const.int 1 @1..2 #0
    v2: dyn = sub v0, v1 @1..2 #1
    v3: dyn = call.direct "f"(v2) @1..2 #2
    return v3 @1..2 #3
}"#;
        assert_eq!(
            reason(untyped).as_deref(),
            Some("not every parameter is annotated `int`")
        );
        // A parameter used as an object (a tree walk): nothing to say.
        let walk = r#"function "walk"(node) {
block0(v0: dyn):
    v1: dyn = getattr v0, "left" @1..2 #0
    v2: dyn = call.direct "walk"(v1) @1..2 #1
    return v2 @1..2 #2
}"#;
        assert_eq!(reason(walk), None);
        // Not recursive: nothing to say.
        let plain = r#"function "g"(n) {
block0(v0: dyn):
    return v0 @1..2 #0
}"#;
        assert_eq!(reason(plain), None);
    }
}
