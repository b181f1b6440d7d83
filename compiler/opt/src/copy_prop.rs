//! Copy propagation: uses of a value that merely renames another are rewritten to the
//! original.
//!
//! - A block parameter whose every incoming argument is the same value (or the parameter
//!   itself, around a loop) is that value (the trivial-φ rule of Braun et al., "Simple and
//!   Efficient Construction of Static Single Assignment Form", CC 2013).
//! - `extract (unpack t, n), i` where `t` is `build.tuple (v0, .., vn-1)` is `vi`: tuple
//!   assignment `a, b = b, a + b` then builds no tuple (DCE removes the dead build). An
//!   item the tuple was the only user of (a temporary such as `f()` in `a, b = f(), g()`)
//!   becomes a name's value only where it was extracted: a `bind` takes the extract's place,
//!   so that an exception raised before (by `g()`) releases it as a temporary.

use molt_mir::{Function, InstKind, Value, ValueDef};
use rustc_hash::FxHashMap;

use crate::util::{is_handler, remove_block_param, replace_uses, use_counts};
use crate::{PassContext, RemarkKind};

/// Runs copy propagation to a fixpoint.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let mut any = false;
    for _ in 0..16 {
        let mut changed = trivial_params(func);
        changed |= tuple_forwarding(func, ctx);
        if !changed {
            break;
        }
        any = true;
    }
    if any {
        molt_mir::types::infer(func);
        func.compact();
    }
}

fn trivial_params(func: &mut Function) -> bool {
    // Incoming arguments of every block parameter.
    let mut incoming: FxHashMap<Value, Vec<Option<Value>>> = FxHashMap::default();
    for &block in &func.layout {
        let Some(&t) = func.blocks[block.index()].insts.last() else {
            continue;
        };
        let kind = &func.insts[t.index()].kind;
        let is_iter_next = matches!(kind, InstKind::IterNext(..));
        for (n, call) in kind.successors().into_iter().enumerate() {
            let params = &func.blocks[call.block.index()].params;
            let offset = usize::from(is_iter_next && n == 0);
            if offset == 1
                && let Some(&p) = params.first()
            {
                incoming.entry(p).or_default().push(None);
            }
            for (i, a) in call.args.iter().enumerate() {
                if let Some(&p) = params.get(i + offset) {
                    incoming.entry(p).or_default().push(Some(*a));
                }
            }
        }
    }
    // To a fixpoint within one run: a parameter found trivial makes the parameters that
    // received it trivial in turn (nested loops carry a value through one parameter per
    // loop header), so a web of any depth goes at once.
    let mut map: FxHashMap<Value, Value> = FxHashMap::default();
    let resolve = |map: &FxHashMap<Value, Value>, mut v: Value| {
        while let Some(&next) = map.get(&v) {
            v = next;
        }
        v
    };
    loop {
        let mut changed = false;
        for (&p, args) in &incoming {
            if map.contains_key(&p) {
                continue;
            }
            let ValueDef::Param(block, _) = func.values[p.index()].def else {
                continue;
            };
            if block.0 == 0 || is_handler(func, block) {
                continue;
            }
            let mut same: Option<Value> = None;
            let mut trivial = true;
            for a in args {
                match a.map(|a| resolve(&map, a)) {
                    None => trivial = false,
                    Some(a) if a == p => {}
                    Some(a) => match same {
                        None => same = Some(a),
                        Some(s) if s == a => {}
                        Some(_) => trivial = false,
                    },
                }
            }
            if let (true, Some(s)) = (trivial, same) {
                map.insert(p, s);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let map: FxHashMap<Value, Value> = map.keys().map(|&p| (p, resolve(&map, p))).collect();
    if map.is_empty() {
        return false;
    }
    replace_uses(func, &map);
    // Remove the parameters (highest index first per block).
    let mut by_block: FxHashMap<molt_mir::Block, Vec<usize>> = FxHashMap::default();
    for p in map.keys() {
        if let ValueDef::Param(b, i) = func.values[p.index()].def {
            by_block.entry(b).or_default().push(i as usize);
        }
    }
    for (b, mut indices) in by_block {
        indices.sort_unstable_by(|a, b| b.cmp(a));
        for i in indices {
            remove_block_param(func, b, i);
        }
    }
    true
}

fn tuple_forwarding(func: &mut Function, ctx: &mut PassContext<'_>) -> bool {
    let def_kind = |func: &Function, v: Value| match func.values[v.index()].def {
        ValueDef::Result(i) => Some(func.insts[i.index()].kind.clone()),
        ValueDef::Param(..) => None,
    };
    let uses = use_counts(func);
    let mut map: FxHashMap<Value, Value> = FxHashMap::default();
    let mut binds: Vec<(molt_mir::Inst, Value)> = Vec::new();
    let mut reported = Vec::new();
    for &block in &func.layout {
        for &inst in &func.blocks[block.index()].insts {
            let data = &func.insts[inst.index()];
            let (InstKind::Extract(t, i), Some(r)) = (&data.kind, data.result) else {
                continue;
            };
            let source = match def_kind(func, *t) {
                Some(InstKind::Unpack(s, n)) => match def_kind(func, s) {
                    Some(InstKind::BuildTuple(vs)) if vs.len() == n as usize => Some((s, vs)),
                    _ => None,
                },
                Some(InstKind::BuildTuple(vs)) => Some((*t, vs)),
                _ => None,
            };
            if let Some((tuple, vs)) = source
                && let Some(&v) = vs.get(*i as usize)
            {
                map.insert(r, v);
                if uses[v.index()] == 1 {
                    binds.push((inst, v));
                }
                if !reported.contains(&tuple) {
                    reported.push(tuple);
                    if let ValueDef::Result(ti) = func.values[tuple.index()].def {
                        let span = func.insts[ti.index()].span;
                        ctx.remark(
                            "copyprop",
                            "copyprop.applied",
                            RemarkKind::Applied,
                            span,
                            "the tuple built here is unpacked right away: its items are used directly and no tuple is allocated",
                        );
                    }
                }
            }
        }
    }
    if map.is_empty() {
        return false;
    }
    for (inst, v) in binds {
        let data = &mut func.insts[inst.index()];
        data.kind = InstKind::Bind(vec![v]);
        data.result = None;
    }
    replace_uses(func, &map);
    // The other extracts are now unused; they go here (and the dead tuple in DCE).
    let dead: rustc_hash::FxHashSet<molt_mir::Inst> = func
        .insts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.result.is_some_and(|r| map.contains_key(&r)))
        .map(|(i, _)| molt_mir::Inst(i as u32))
        .collect();
    crate::util::remove_insts(func, &dead);
    true
}
