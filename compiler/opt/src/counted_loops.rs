//! Counted loops: `for i in range(a, b, step)` over the builtin `range` becomes a loop on an
//! integer counter: no range object, no iterator, no iterator protocol call per iteration.
//!
//! ```text
//! v3 = call v1(v2)            ; range(n)          v9 = index v2            ; range's own conversion
//! v4 = iter v3                                     jump block1(.., v10)     ; v10 = const.int 0
//! jump block1(..)              ==>              block1(.., v11: int):
//! block1(..):                                      v12 = cmp.lt v11, v9
//!   iter.next v4, block2, block3                   brif v12, block2(v11), block3
//! ...latch: jump block1(..)                      ...latch: v13 = add v11, 1; jump block1(.., v13)
//! ```
//! The counter's comparison and increment are int operations, so codegen gives them the
//! small-int fast path with an overflow guard; a bound beyond the inline range simply takes the
//! generic path of those operations (arbitrary-precision ints), so the loop stays correct for
//! every `range`. The step must be a constant (its sign picks `<` or `>`).

use molt_mir::{BinaryOp, ValueDef, dominators::DominatorTree, dominators::predecessors};
use molt_mir::{BlockCall, CmpOp, Constant, Function, Inst, InstKind, IntConst, Type, Value};
use rustc_hash::FxHashSet;

use crate::util::{remove_insts, use_counts};
use crate::{PassContext, RemarkKind};

/// Rewrites every eligible `for … in range(…)` loop of `func`.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let mut changed = false;
    // One loop per round: each rewrite changes the CFG facts the next one needs.
    for _ in 0..64 {
        match find_and_rewrite(func, ctx) {
            Some(true) => changed = true,
            _ => break,
        }
    }
    if changed {
        molt_mir::types::infer(func);
        func.compact();
    }
}

/// The definition of `v` when it is an instruction result.
fn def(func: &Function, v: Value) -> Option<Inst> {
    match func.values[v.index()].def {
        ValueDef::Result(i) => Some(i),
        ValueDef::Param(..) => None,
    }
}

/// How many times `v` is an operand of a `keepalive`.
fn keepalive_uses(func: &Function, v: Value) -> u32 {
    let mut n = 0;
    for &block in &func.layout {
        for inst in &func.blocks[block.index()].insts {
            if let InstKind::KeepAlive(vs) = &func.insts[inst.index()].kind {
                n += vs.iter().filter(|x| **x == v).count() as u32;
            }
        }
    }
    n
}

fn small_const(func: &Function, v: Value) -> Option<i64> {
    match &func.insts[def(func, v)?.index()].kind {
        InstKind::Const(Constant::Int(IntConst::Small(i))) => Some(*i),
        InstKind::Const(Constant::Bool(b)) => Some(i64::from(*b)),
        _ => None,
    }
}

/// Finds one eligible loop and rewrites it: `Some(true)` rewritten, `None` none left.
fn find_and_rewrite(func: &mut Function, ctx: &mut PassContext<'_>) -> Option<bool> {
    let mut misses: Vec<(molt_mir::Span, &'static str)> = Vec::new();
    let uses = use_counts(func);
    let doms = DominatorTree::compute(func);
    let preds = predecessors(func);
    for &header in &func.layout.clone() {
        let Some(&term) = func.blocks[header.index()].insts.last() else {
            continue;
        };
        let InstKind::IterNext(it, body, exit) = func.insts[term.index()].kind.clone() else {
            continue;
        };
        let span = func.insts[term.index()].span;
        let Some(iter_inst) = def(func, it) else {
            continue;
        };
        let InstKind::GetIter(range_value) = func.insts[iter_inst.index()].kind.clone() else {
            continue;
        };
        let Some(call_inst) = def(func, range_value) else {
            continue;
        };
        let InstKind::Call { callee, args } = func.insts[call_inst.index()].kind.clone() else {
            continue;
        };
        let is_range = def(func, callee).is_some_and(
            |i| matches!(&func.insts[i.index()].kind, InstKind::BuiltinLoad(n) if &**n == "range"),
        );
        if !is_range {
            continue;
        }
        let mut missed = |_: &mut PassContext<'_>, why: &'static str| misses.push((span, why));
        // A comprehension's exit `keepalive` lists its first iterator (`.0`): a range
        // iterator holds only ints, so those uses go with it.
        let kept = keepalive_uses(func, it);
        if uses[it.index()] - kept != 1 || uses[range_value.index()] != 1 {
            // Already reported once; not rewritable.
            continue;
        }
        if !args.keywords.is_empty() || args.positional.is_empty() || args.positional.len() > 3 {
            missed(
                ctx,
                "range() is called with keyword arguments or a wrong argument count",
            );
            continue;
        }
        let step = match args.positional.get(2) {
            Some(&s) => match small_const(func, s) {
                Some(s) if s != 0 && s.unsigned_abs() < (1 << 40) => s,
                _ => {
                    missed(ctx, "the step is not a non-zero integer constant");
                    continue;
                }
            },
            None => 1,
        };
        // Predecessors of the header: one entry edge (a jump), back edges that are jumps.
        let header_preds: Vec<_> = preds[header.index()].clone();
        let (back, entry): (Vec<molt_mir::Block>, Vec<molt_mir::Block>) = header_preds
            .iter()
            .partition(|p| doms.dominates(header, **p));
        let all_jumps = header_preds.iter().all(|p| {
            func.blocks[p.index()].insts.last().is_some_and(
                |t| matches!(&func.insts[t.index()].kind, InstKind::Jump(c) if c.block == header),
            ) && func.blocks[p.index()].handler != Some(header)
        });
        if entry.len() != 1 || back.is_empty() || !all_jumps || header.0 == 0 {
            missed(ctx, "the loop's control flow is irregular");
            continue;
        }
        let entry_pred = entry[0];
        // Rewrite. Conversions first, where the range call was (Python converts start, stop,
        // step in that order, raising TypeError for non-integers).
        let call_block = func
            .blocks
            .iter()
            .position(|b| b.insts.contains(&call_inst))
            .map(|b| molt_mir::Block(b as u32))?;
        let call_span = func.insts[call_inst.index()].span;
        let position = func.blocks[call_block.index()]
            .insts
            .iter()
            .position(|i| *i == call_inst)?;
        let mut new_insts: Vec<Inst> = Vec::new();
        let mut push = |func: &mut Function, kind: InstKind, ty: Type| -> Value {
            let v = func
                .append_inst(call_block, kind, ty, call_span)
                .expect("has a result");
            if let Some(i) = func.blocks[call_block.index()].insts.pop() {
                new_insts.push(i);
            }
            v
        };
        let (start, stop) = match args.positional.as_slice() {
            [stop] => {
                let start = push(
                    func,
                    InstKind::Const(Constant::Int(IntConst::Small(0))),
                    Type::Int,
                );
                let stop = push(func, InstKind::ToIndex(*stop), Type::Int);
                (start, stop)
            }
            [start, stop, ..] => {
                let start = push(func, InstKind::ToIndex(*start), Type::Int);
                let stop = push(func, InstKind::ToIndex(*stop), Type::Int);
                (start, stop)
            }
            [] => return None,
        };
        let step_value = push(
            func,
            InstKind::Const(Constant::Int(IntConst::Small(step))),
            Type::Int,
        );
        let block_insts = &mut func.blocks[call_block.index()].insts;
        for (k, i) in new_insts.iter().enumerate() {
            block_insts.insert(position + k, *i);
        }
        // Drop the call and the iterator.
        let mut dead: FxHashSet<Inst> = [call_inst, iter_inst].into_iter().collect();
        if kept > 0 {
            for &block in &func.layout {
                for &inst in &func.blocks[block.index()].insts {
                    if let InstKind::KeepAlive(vs) = &mut func.insts[inst.index()].kind {
                        vs.retain(|v| *v != it);
                        if vs.is_empty() {
                            dead.insert(inst);
                        }
                    }
                }
            }
        }
        remove_insts(func, &dead);
        // The counter: a new header parameter.
        let counter = func.append_block_param(header, Type::Int);
        // Entry edge passes start.
        if let Some(&t) = func.blocks[entry_pred.index()].insts.last()
            && let InstKind::Jump(call) = &mut func.insts[t.index()].kind
        {
            call.args.push(start);
        }
        // Back edges pass counter + step.
        for latch in back {
            let t = *func.blocks[latch.index()].insts.last()?;
            let next = func
                .append_inst(
                    latch,
                    InstKind::Binary {
                        op: BinaryOp::Add,
                        inplace: false,
                        lhs: counter,
                        rhs: step_value,
                    },
                    Type::Int,
                    span,
                )
                .expect("add has a result");
            // Move the add before the terminator.
            let insts = &mut func.blocks[latch.index()].insts;
            let add = insts.pop()?;
            let at = insts.iter().position(|i| *i == t)?;
            insts.insert(at, add);
            if let InstKind::Jump(call) = &mut func.insts[t.index()].kind {
                call.args.push(next);
            }
        }
        // The header's test replaces `iter.next`.
        let op = if step > 0 { CmpOp::Lt } else { CmpOp::Gt };
        func.blocks[header.index()].insts.pop();
        let test = func
            .append_inst(
                header,
                InstKind::Compare(op, counter, stop),
                Type::Bool,
                span,
            )
            .expect("compare has a result");
        let mut body_args = vec![counter];
        body_args.extend(body.args.iter().copied());
        func.append_inst(
            header,
            InstKind::Brif(
                test,
                BlockCall {
                    block: body.block,
                    args: body_args,
                },
                exit,
            ),
            Type::Dyn,
            span,
        );
        ctx.remark(
            "loops",
            "loop.counted",
            RemarkKind::Applied,
            span,
            "this `for` loop over `range()` is a counted loop: no range object or iterator; the counter is compared and incremented inline",
        )
        .args
        .push(("step".into(), step.to_string()));
        // The `builtin.load "range"` goes with the call; the module's code still needs
        // `range` to be the builtin (`molt_runtime::watch`).
        if !func.assumed_builtins.iter().any(|b| &**b == "range") {
            func.assumed_builtins.push("range".into());
        }
        return Some(true);
    }
    for (span, why) in misses {
        ctx.remark(
            "loops",
            "loop.counted.missed",
            RemarkKind::Missed,
            span,
            format!("this `for` loop over `range()` iterates through a range object: {why}"),
        );
    }
    None
}
