//! Compaction: drops blocks unreachable from the entry and renumbers blocks, instructions
//! and values densely in layout order, so that printed MIR reads `block0, block1, ...` and
//! `v0, v1, ...` top to bottom. Site ids are kept (they are stable for a build).

use crate::{Block, BlockData, Function, Inst, InstData, Value, ValueData, ValueDef};

impl Function {
    /// Removes unreachable blocks (following branch and handler edges from `block0`) and
    /// renumbers every entity in layout order. Values defined only in removed blocks, and
    /// values no instruction or block defines, disappear.
    pub fn compact(&mut self) {
        // Reachability.
        let mut reachable = vec![false; self.blocks.len()];
        let mut stack = vec![self.entry()];
        while let Some(b) = stack.pop() {
            if std::mem::replace(&mut reachable[b.index()], true) {
                continue;
            }
            stack.extend(
                self.successors(b)
                    .into_iter()
                    .filter(|s| !reachable[s.index()]),
            );
        }
        let layout: Vec<Block> = self
            .layout
            .iter()
            .copied()
            .filter(|b| reachable[b.index()])
            .collect();
        let mut block_map = vec![None; self.blocks.len()];
        for (i, b) in layout.iter().enumerate() {
            block_map[b.index()] = Some(Block(i as u32));
        }
        // Values in definition order.
        let mut value_map: Vec<Option<Value>> = vec![None; self.values.len()];
        let mut next = 0u32;
        for b in &layout {
            let data = &self.blocks[b.index()];
            for p in &data.params {
                value_map[p.index()] = Some(Value(next));
                next += 1;
            }
            for inst in &data.insts {
                if let Some(r) = self.insts[inst.index()].result {
                    value_map[r.index()] = Some(Value(next));
                    next += 1;
                }
            }
        }
        let map_value = |v: Value| value_map.get(v.index()).copied().flatten().unwrap_or(v);
        let map_block = |b: Block| block_map.get(b.index()).copied().flatten().unwrap_or(b);
        let mut blocks = Vec::with_capacity(layout.len());
        let mut insts: Vec<InstData> = Vec::new();
        let mut values: Vec<ValueData> = vec![
            ValueData {
                def: ValueDef::Param(Block(0), 0),
                ty: crate::Type::Dyn
            };
            next as usize
        ];
        for (bi, b) in layout.iter().enumerate() {
            let old = &self.blocks[b.index()];
            let mut new = BlockData {
                params: old.params.iter().map(|p| map_value(*p)).collect(),
                insts: Vec::with_capacity(old.insts.len()),
                handler: old.handler.map(map_block),
            };
            for (pi, p) in old.params.iter().enumerate() {
                let nv = map_value(*p);
                values[nv.index()] = ValueData {
                    def: ValueDef::Param(Block(bi as u32), pi as u32),
                    ty: self.values[p.index()].ty.clone(),
                };
            }
            for inst in &old.insts {
                let mut data = self.insts[inst.index()].clone();
                data.kind.map_operands(map_value);
                for call in data.kind.successors_mut() {
                    call.block = map_block(call.block);
                }
                let new_inst = Inst(insts.len() as u32);
                if let Some(r) = data.result {
                    let nr = map_value(r);
                    values[nr.index()] = ValueData {
                        def: ValueDef::Result(new_inst),
                        ty: self.values[r.index()].ty.clone(),
                    };
                    data.result = Some(nr);
                }
                insts.push(data);
                new.insts.push(new_inst);
            }
            blocks.push(new);
        }
        self.layout = (0..blocks.len() as u32).map(Block).collect();
        self.blocks = blocks;
        self.insts = insts;
        self.values = values;
    }
}
