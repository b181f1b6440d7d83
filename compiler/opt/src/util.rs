//! Helpers shared by the passes: use counts, use rewriting, instruction removal, block-parameter
//! removal, purity, and cloning of blocks.

use molt_mir::{BinaryOp, Block, CmpOp, Function, Inst, InstData, InstKind, Type, Value, ValueDef};
use rustc_hash::{FxHashMap, FxHashSet};

/// Number of uses of every value (operands and branch arguments), indexed by value.
pub fn use_counts(func: &Function) -> Vec<u32> {
    let mut counts = vec![0u32; func.values.len()];
    for &block in &func.layout {
        for inst in &func.blocks[block.index()].insts {
            func.insts[inst.index()]
                .kind
                .visit_operands(|v| counts[v.index()] += 1);
        }
    }
    counts
}

/// Rewrites every use of a key of `map` to its value (following chains `a → b → c`).
pub fn replace_uses(func: &mut Function, map: &FxHashMap<Value, Value>) {
    if map.is_empty() {
        return;
    }
    let resolve = |mut v: Value| {
        let mut steps = 0;
        while let Some(&next) = map.get(&v) {
            v = next;
            steps += 1;
            if steps > map.len() {
                break;
            }
        }
        v
    };
    for inst in &mut func.insts {
        inst.kind.map_operands(resolve);
    }
}

/// Removes the instructions in `dead` from their blocks (their results must be unused).
pub fn remove_insts(func: &mut Function, dead: &FxHashSet<Inst>) {
    if dead.is_empty() {
        return;
    }
    for block in &mut func.blocks {
        block.insts.retain(|i| !dead.contains(i));
    }
}

/// The block each instruction is in (for instructions placed in a block).
pub fn inst_blocks(func: &Function) -> FxHashMap<Inst, Block> {
    let mut out = FxHashMap::default();
    for (b, data) in func.blocks.iter().enumerate() {
        for &inst in &data.insts {
            out.insert(inst, Block(b as u32));
        }
    }
    out
}

/// Removes parameter `index` of `block` and the matching argument of every branch to it.
/// The parameter must be unused (or its uses rewritten already). Handler blocks and the
/// entry block keep their parameters: callers must not ask.
pub fn remove_block_param(func: &mut Function, block: Block, index: usize) {
    func.blocks[block.index()].params.remove(index);
    for b in 0..func.blocks.len() {
        let Some(&last) = func.blocks[b].insts.last() else {
            continue;
        };
        let kind = &mut func.insts[last.index()].kind;
        let is_iter_next = matches!(kind, InstKind::IterNext(..));
        for (n, call) in kind.successors_mut().into_iter().enumerate() {
            if call.block != block {
                continue;
            }
            // `iter.next`'s body target receives the item as its first parameter.
            let offset = usize::from(is_iter_next && n == 0);
            if index >= offset && index - offset < call.args.len() {
                call.args.remove(index - offset);
            }
        }
    }
    // Renumber the remaining parameters' definitions.
    let params = func.blocks[block.index()].params.clone();
    for (i, p) in params.iter().enumerate() {
        func.values[p.index()].def = ValueDef::Param(block, i as u32);
    }
}

/// Whether `block` is some block's exception handler.
pub fn is_handler(func: &Function, block: Block) -> bool {
    func.blocks.iter().any(|b| b.handler == Some(block))
}

/// Whether `inst` has no side effects and cannot raise, so it may be removed when unused,
/// reused when repeated, and moved where its operands are available.
pub fn is_pure(func: &Function, inst: &InstData) -> bool {
    let ty = |v: Value| func.ty(v).clone();
    let numeric = |t: &Type| matches!(t, Type::Int | Type::Bool | Type::Float);
    match &inst.kind {
        InstKind::Const(_)
        | InstKind::BuiltinLoad(_)
        | InstKind::IsType(..)
        | InstKind::BuildTuple(_)
        | InstKind::BuildList(_)
        | InstKind::BuildString(_)
        | InstKind::CellNew(_)
        | InstKind::MakeFunction { .. }
        | InstKind::FreeVar(_) => true,
        InstKind::Extract(t, _) => matches!(ty(*t), Type::Tuple(_)),
        InstKind::Unpack(t, n) => matches!(ty(*t), Type::Tuple(ts) if ts.len() == *n as usize),
        InstKind::Truthy(v) => matches!(
            ty(*v),
            Type::Bool | Type::Int | Type::Float | Type::None | Type::Str
        ),
        InstKind::Compare(op, a, b) => match op {
            CmpOp::Is | CmpOp::IsNot => true,
            CmpOp::In | CmpOp::NotIn => false,
            _ => {
                let (a, b) = (ty(*a), ty(*b));
                (numeric(&a) && numeric(&b)) || (a == Type::Str && b == Type::Str)
            }
        },
        InstKind::Binary { op, lhs, rhs, .. } => {
            let (a, b) = (ty(*lhs), ty(*rhs));
            match op {
                BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul => {
                    (numeric(&a) && numeric(&b))
                        || (*op == BinaryOp::Add && a == Type::Str && b == Type::Str)
                }
                BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor => {
                    matches!(a, Type::Int | Type::Bool) && matches!(b, Type::Int | Type::Bool)
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// The `call` instructions of `func` whose callee is read apart from the call: by an
/// instruction of another block, or of the same block with something between them that is
/// not [`is_pure`] (could raise or run code), so a program could tell the read came first.
/// One pass over the instructions.
pub fn calls_reading_apart(func: &Function) -> FxHashSet<Inst> {
    let mut out = FxHashSet::default();
    // Per block: each instruction's position, and the position of the last impure one.
    let mut position: FxHashMap<Inst, usize> = FxHashMap::default();
    for block in &func.layout {
        position.clear();
        let mut last_impure: Option<usize> = None;
        for (k, &inst) in func.blocks[block.index()].insts.iter().enumerate() {
            let data = &func.insts[inst.index()];
            if let InstKind::Call { callee, .. } = &data.kind {
                let apart = match func.values[callee.index()].def {
                    ValueDef::Result(load) => match position.get(&load) {
                        Some(&p) => last_impure.is_some_and(|q| q > p),
                        None => true,
                    },
                    _ => true,
                };
                if apart {
                    out.insert(inst);
                }
            }
            position.insert(inst, k);
            if !is_pure(func, data) {
                last_impure = Some(k);
            }
        }
    }
    out
}

/// Clones `blocks` (with their parameters, instructions and handlers) into new blocks at the
/// end of the layout. Uses of values defined in the cloned blocks are rewritten to the copies;
/// branches and handlers among the cloned blocks point at the copies. Returns the block and
/// value maps. Cloned instructions get fresh site ids.
pub fn clone_blocks(
    func: &mut Function,
    blocks: &[Block],
) -> (FxHashMap<Block, Block>, FxHashMap<Value, Value>) {
    let mut block_map: FxHashMap<Block, Block> = FxHashMap::default();
    let mut value_map: FxHashMap<Value, Value> = FxHashMap::default();
    for &b in blocks {
        let nb = func.create_block();
        block_map.insert(b, nb);
        let params = func.blocks[b.index()].params.clone();
        for p in params {
            let ty = func.ty(p).clone();
            let np = func.append_block_param(nb, ty);
            value_map.insert(p, np);
        }
    }
    // Phase 1: copy instructions (results get fresh values).
    let mut copied: Vec<Inst> = Vec::new();
    for &b in blocks {
        let nb = block_map[&b];
        let insts = func.blocks[b.index()].insts.clone();
        for inst in insts {
            let data = func.insts[inst.index()].clone();
            let ty = data.result.map(|r| func.ty(r).clone()).unwrap_or(Type::Dyn);
            let new_result = func.append_inst(nb, data.kind.clone(), ty, data.span);
            let new_site = func.next_site - 1;
            func.copy_site_origin(data.site, molt_mir::SiteId(new_site));
            if let (Some(old), Some(new)) = (data.result, new_result) {
                value_map.insert(old, new);
            }
            if let Some(&last) = func.blocks[nb.index()].insts.last() {
                copied.push(last);
            }
        }
        let handler = func.blocks[b.index()].handler;
        func.blocks[nb.index()].handler = handler.map(|h| *block_map.get(&h).unwrap_or(&h));
    }
    // Phase 2: rewrite operands and branch targets of the copies.
    for inst in copied {
        let kind = &mut func.insts[inst.index()].kind;
        kind.map_operands(|v| *value_map.get(&v).unwrap_or(&v));
        for call in kind.successors_mut() {
            if let Some(&nb) = block_map.get(&call.block) {
                call.block = nb;
            }
        }
    }
    (block_map, value_map)
}
