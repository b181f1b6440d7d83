//! Compaction: drops blocks unreachable from the entry, lays blocks out in reverse postorder,
//! and renumbers blocks, instructions and values densely in that order, so that printed MIR reads `block0, block1, ...` and
//! `v0, v1, ...` top to bottom. Site ids are kept (they are stable for a build).

use crate::{Block, BlockData, Function, Inst, InstData, Value, ValueData, ValueDef};

impl Function {
    /// Blocks reachable from the entry (following branch and handler edges), in reverse
    /// postorder of a depth-first search, so that a branch's first target tends to follow it.
    pub fn reverse_postorder(&self) -> Vec<Block> {
        let mut visited = vec![false; self.blocks.len()];
        let mut postorder = Vec::with_capacity(self.blocks.len());
        // Iterative DFS: (block, index of the next successor to visit).
        let mut stack: Vec<(Block, usize)> = vec![(self.entry(), 0)];
        visited[0] = true;
        while let Some((block, next)) = stack.pop() {
            // Visiting successors last-first makes the first successor follow its branch.
            let mut succs = self.successors(block);
            succs.reverse();
            match succs.get(next) {
                Some(&s) => {
                    stack.push((block, next + 1));
                    if !visited[s.index()] {
                        visited[s.index()] = true;
                        stack.push((s, 0));
                    }
                }
                None => postorder.push(block),
            }
        }
        postorder.reverse();
        postorder
    }

    /// Removes unreachable blocks (following branch and handler edges from `block0`), lays
    /// the rest out in reverse postorder and renumbers every entity in that order. Values defined only in removed blocks, and
    /// values no instruction or block defines, disappear.
    pub fn compact(&mut self) {
        // Reverse postorder over branch and handler edges: blocks print in the order control
        // reaches them, and unreachable blocks drop out.
        let layout = self.reverse_postorder();
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
