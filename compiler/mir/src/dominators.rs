//! Dominators of a function's control-flow graph, for the verifier's SSA dominance check and
//! for passes that move code (GVN, LICM).
//!
//! The CFG is [`Function::successors`]: branch targets and exception-handler edges, from the
//! entry `block0`. Algorithm: Cooper, Harvey and Kennedy, "A Simple, Fast Dominance
//! Algorithm" (Software Practice & Experience, 2001): number the reachable blocks in reverse
//! postorder, then repeat `idom(b) = intersect(idom of b's processed predecessors)` in that
//! order until nothing changes, where `intersect` walks two fingers up the tree by postorder
//! number. Quadratic in the worst case, near-linear on real CFGs.

use crate::{Block, Function};

/// The dominator tree of a function: immediate dominators and a reverse postorder of the
/// blocks reachable from the entry.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DominatorTree {
    dominance: Dominance,
    reverse_postorder: Vec<Block>,
}

impl DominatorTree {
    /// Computes the tree of `func`'s CFG. Never panics: a function without blocks gives an
    /// empty tree, and edges to blocks that do not exist are ignored (the verifier reports
    /// them).
    pub fn compute(func: &Function) -> DominatorTree {
        let successors: Vec<Vec<usize>> = (0..func.blocks.len())
            .map(|b| {
                block_successors(func, block(b))
                    .into_iter()
                    .map(Block::index)
                    .collect()
            })
            .collect();
        let dominance = Dominance::compute(&successors, func.entry().index());
        let reverse_postorder = dominance
            .reverse_postorder
            .iter()
            .map(|&b| block(b))
            .collect();
        DominatorTree {
            dominance,
            reverse_postorder,
        }
    }

    /// The immediate dominator of `block`: `None` for the entry and for unreachable blocks.
    pub fn idom(&self, block: Block) -> Option<Block> {
        self.dominance.idom(block.index()).map(self::block)
    }

    /// Whether every path from the entry to `b` passes through `a`. Reflexive (`a` dominates
    /// `a`, even when unreachable); otherwise false when `b` is unreachable.
    pub fn dominates(&self, a: Block, b: Block) -> bool {
        self.dominance.dominates(a.index(), b.index())
    }

    /// Whether `block` is reachable from the entry.
    pub fn is_reachable(&self, block: Block) -> bool {
        self.dominance.is_reachable(block.index())
    }

    /// The reachable blocks in reverse postorder of a depth-first search from the entry that
    /// visits successors in [`Function::successors`] order. Every block comes after its
    /// dominators.
    pub fn reverse_postorder(&self) -> &[Block] {
        &self.reverse_postorder
    }

    /// The sources of the back edges into `header`: its predecessors (`preds` as
    /// [`predecessors`] gives them) that it dominates. Empty when `header` heads no loop.
    pub fn back_edges(&self, preds: &[Vec<Block>], header: Block) -> Vec<Block> {
        preds[header.index()]
            .iter()
            .copied()
            .filter(|p| self.dominates(header, *p))
            .collect()
    }
}

/// The blocks of the natural loop of `header` whose back edges come from `back` (each
/// dominated by `header`): the header and every block that reaches a back edge's source
/// without passing through the header (`preds` as [`predecessors`] gives them).
pub fn natural_loop(
    preds: &[Vec<Block>],
    header: Block,
    back: &[Block],
) -> std::collections::HashSet<Block> {
    let mut body = std::collections::HashSet::new();
    body.insert(header);
    let mut stack: Vec<Block> = back.to_vec();
    while let Some(b) = stack.pop() {
        if body.insert(b) {
            stack.extend(preds[b.index()].iter().copied());
        }
    }
    body
}

/// The predecessors of every block, indexed by block: each block that has an edge (branch or
/// exception handler) to it, once, in increasing block order. Unreachable blocks count too.
pub fn predecessors(func: &Function) -> Vec<Vec<Block>> {
    let mut preds: Vec<Vec<Block>> = vec![Vec::new(); func.blocks.len()];
    for b in 0..func.blocks.len() {
        for succ in block_successors(func, block(b)) {
            if let Some(list) = preds.get_mut(succ.index())
                && !list.contains(&block(b))
            {
                list.push(block(b));
            }
        }
    }
    preds
}

/// [`Function::successors`] without its panics: a missing block or instruction has no
/// successors. Targets may still be out of range.
pub(crate) fn block_successors(func: &Function, block: Block) -> Vec<Block> {
    let Some(data) = func.blocks.get(block.index()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(last) = data
        .insts
        .last()
        .and_then(|inst| func.insts.get(inst.index()))
        && last.kind.is_terminator()
    {
        out.extend(last.kind.successors().iter().map(|call| call.block));
    }
    out.extend(data.handler);
    out
}

fn block(index: usize) -> Block {
    Block(u32::try_from(index).unwrap_or(u32::MAX))
}

/// Dominance over an arbitrary graph with nodes `0..n`, shared by [`DominatorTree`] and the
/// verifier (which splits each block at its exception edge).
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Dominance {
    /// Immediate dominator per node; `None` for the entry and unreachable nodes.
    idom: Vec<Option<usize>>,
    /// Position of each reachable node in `reverse_postorder`.
    rpo_number: Vec<Option<usize>>,
    reverse_postorder: Vec<usize>,
}

impl Dominance {
    /// Computes dominators of the graph `successors` (out-of-range targets are ignored) from
    /// `entry` by Cooper–Harvey–Kennedy.
    pub(crate) fn compute(successors: &[Vec<usize>], entry: usize) -> Dominance {
        let n = successors.len();
        let mut dominance = Dominance {
            idom: vec![None; n],
            rpo_number: vec![None; n],
            reverse_postorder: Vec::new(),
        };
        if entry >= n {
            return dominance;
        }
        let edges = |node: usize| successors[node].iter().copied().filter(move |&s| s < n);

        // Postorder by an explicit-stack DFS (deep CFGs must not overflow the call stack).
        let mut visited = vec![false; n];
        let mut postorder = Vec::with_capacity(n);
        let mut stack: Vec<(usize, usize)> = vec![(entry, 0)];
        visited[entry] = true;
        while let Some(top) = stack.last_mut() {
            let node = top.0;
            if let Some(&succ) = successors[node].get(top.1) {
                top.1 += 1;
                if succ < n && !visited[succ] {
                    visited[succ] = true;
                    stack.push((succ, 0));
                }
            } else {
                stack.pop();
                postorder.push(node);
            }
        }
        postorder.reverse();
        dominance.reverse_postorder = postorder;
        for (i, &node) in dominance.reverse_postorder.iter().enumerate() {
            dominance.rpo_number[node] = Some(i);
        }

        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        for &node in &dominance.reverse_postorder {
            for succ in edges(node) {
                preds[succ].push(node);
            }
        }

        // During the iteration the entry is its own idom, marking it processed.
        let mut idom: Vec<Option<usize>> = vec![None; n];
        idom[entry] = Some(entry);
        let rpo = &dominance.reverse_postorder;
        let number = |node: usize| dominance.rpo_number[node].unwrap_or(usize::MAX);
        let mut changed = true;
        while changed {
            changed = false;
            for &node in rpo.iter().skip(1) {
                let mut new_idom: Option<usize> = None;
                for &pred in &preds[node] {
                    if idom[pred].is_none() {
                        continue;
                    }
                    new_idom = Some(match new_idom {
                        None => pred,
                        Some(other) => {
                            // intersect: the finger deeper in reverse postorder moves up.
                            let (mut a, mut b) = (pred, other);
                            while a != b {
                                while number(a) > number(b) {
                                    a = idom[a].unwrap_or(entry);
                                }
                                while number(b) > number(a) {
                                    b = idom[b].unwrap_or(entry);
                                }
                            }
                            a
                        }
                    });
                }
                if new_idom.is_some() && idom[node] != new_idom {
                    idom[node] = new_idom;
                    changed = true;
                }
            }
        }
        idom[entry] = None;
        dominance.idom = idom;
        dominance
    }

    pub(crate) fn idom(&self, node: usize) -> Option<usize> {
        self.idom.get(node).copied().flatten()
    }

    pub(crate) fn is_reachable(&self, node: usize) -> bool {
        self.rpo_number.get(node).is_some_and(Option::is_some)
    }

    /// Whether `a` dominates `b` (reflexive).
    pub(crate) fn dominates(&self, a: usize, b: usize) -> bool {
        if a == b {
            return true;
        }
        let (Some(a_number), Some(mut b_number)) = (self.rpo_number(a), self.rpo_number(b)) else {
            return false;
        };
        // Dominators come earlier in reverse postorder, so walk up from `b` until passing `a`.
        let mut node = b;
        while b_number > a_number {
            let Some(up) = self.idom(node) else {
                return false;
            };
            node = up;
            b_number = self.rpo_number(node).unwrap_or(0);
        }
        node == a
    }

    fn rpo_number(&self, node: usize) -> Option<usize> {
        self.rpo_number.get(node).copied().flatten()
    }
}

/// Per block of `f`, whether it lies on a cycle of the control-flow graph (branch and
/// exception edges): a block of a strongly connected component of more than one block, or
/// one with an edge to itself. Tarjan's algorithm ("Depth-first search and linear graph
/// algorithms", SIAM J. Computing 1972), iterative; linear in blocks and edges.
pub fn cyclic_blocks(f: &Function) -> Vec<bool> {
    let n = f.blocks.len();
    let succ: Vec<Vec<Block>> = (0..n).map(|b| f.successors(Block(b as u32))).collect();
    const NONE: u32 = u32::MAX;
    let mut index = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut cyclic = vec![false; n];
    let mut counter = 0u32;
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        // (block, next successor to visit)
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut next)) = calls.last_mut() {
            if let Some(&w) = succ[v].get(*next) {
                *next += 1;
                let w = w.index();
                if w >= n {
                    continue;
                }
                if w == v {
                    cyclic[v] = true;
                }
                if index[w] == NONE {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                calls.pop();
                if let Some(&(p, _)) = calls.last() {
                    low[p] = low[p].min(low[v]);
                }
                if low[v] == index[v] {
                    // `v` roots a component: the blocks above it on the stack.
                    let mut members = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        members.push(w);
                        if w == v {
                            break;
                        }
                    }
                    if members.len() > 1 {
                        for w in members {
                            cyclic[w] = true;
                        }
                    }
                }
            }
        }
    }
    cyclic
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_function;

    fn tree(text: &str) -> (Function, DominatorTree) {
        let func = match parse_function(text) {
            Ok(func) => func,
            Err(e) => panic!("{e}"),
        };
        let tree = DominatorTree::compute(&func);
        (func, tree)
    }

    fn idoms(func: &Function, tree: &DominatorTree) -> Vec<Option<u32>> {
        (0..func.blocks.len())
            .map(|b| tree.idom(block(b)).map(|d| d.0))
            .collect()
    }

    const DIAMOND: &str = "function \"f\"(c) {
block0(v0: bool):
    brif v0, block1, block2 @0..1 #0
block1:
    jump block3 @0..1 #1
block2:
    jump block3 @0..1 #2
block3:
    unreachable @0..1 #3
}
";

    #[test]
    fn diamond() {
        let (func, tree) = tree(DIAMOND);
        assert_eq!(idoms(&func, &tree), vec![None, Some(0), Some(0), Some(0)]);
        assert!(tree.dominates(Block(0), Block(3)));
        assert!(!tree.dominates(Block(1), Block(3)));
        assert!(!tree.dominates(Block(3), Block(0)));
        assert!(tree.dominates(Block(2), Block(2)));
        assert_eq!(
            tree.reverse_postorder(),
            &[Block(0), Block(2), Block(1), Block(3)]
        );
        assert_eq!(
            predecessors(&func),
            vec![
                vec![],
                vec![Block(0)],
                vec![Block(0)],
                vec![Block(1), Block(2)]
            ]
        );
    }

    #[test]
    fn natural_loop() {
        // block0 → block1 (header) ⇄ block2 (body), block1 → block3 (exit).
        let (func, tree) = tree(
            "function \"f\"(c) {
block0(v0: bool):
    jump block1 @0..1 #0
block1:
    brif v0, block2, block3 @0..1 #1
block2:
    jump block1 @0..1 #2
block3:
    unreachable @0..1 #3
}
",
        );
        assert_eq!(idoms(&func, &tree), vec![None, Some(0), Some(1), Some(1)]);
        assert!(tree.dominates(Block(1), Block(2)));
        assert!(!tree.dominates(Block(2), Block(1)));
        assert_eq!(predecessors(&func)[1], vec![Block(0), Block(2)]);
    }

    #[test]
    fn irreducible_graph_converges() {
        // Two entries into the cycle block1 ⇄ block2: neither dominates the other.
        let (func, tree) = tree(
            "function \"f\"(c) {
block0(v0: bool):
    brif v0, block1, block2 @0..1 #0
block1:
    brif v0, block2, block3 @0..1 #1
block2:
    jump block1 @0..1 #2
block3:
    unreachable @0..1 #3
}
",
        );
        assert_eq!(idoms(&func, &tree), vec![None, Some(0), Some(0), Some(1)]);
    }

    #[test]
    fn unreachable_block() {
        let (func, tree) = tree(
            "function \"f\"() {
block0:
    jump block2 @0..1 #0
block1:
    jump block2 @0..1 #1
block2:
    unreachable @0..1 #2
}
",
        );
        assert!(!tree.is_reachable(Block(1)));
        assert!(tree.is_reachable(Block(2)));
        assert_eq!(idoms(&func, &tree), vec![None, None, Some(0)]);
        assert!(!tree.dominates(Block(1), Block(2)));
        assert!(
            !tree.dominates(Block(0), Block(1)),
            "nothing dominates an unreachable block"
        );
        assert!(tree.dominates(Block(1), Block(1)));
        assert_eq!(tree.reverse_postorder(), &[Block(0), Block(2)]);
        // Edges out of unreachable blocks are still predecessors.
        assert_eq!(predecessors(&func)[2], vec![Block(0), Block(1)]);
        // Out-of-range queries answer instead of panicking.
        assert!(!tree.is_reachable(Block(99)));
        assert_eq!(tree.idom(Block(99)), None);
    }

    #[test]
    fn handler_edge() {
        // block2 is reached only as block1's exception handler.
        let (func, tree) = tree(
            "function \"f\"() {
block0:
    jump block1 @0..1 #0
block1 catch block2:
    v0: dyn = builtin.load \"g\" @0..1 #1
    v1: dyn = call v0() @0..1 #2
    jump block3 @0..1 #3
block2(v2: dyn):
    jump block3 @0..1 #4
block3:
    unreachable @0..1 #5
}
",
        );
        assert_eq!(func.successors(Block(1)), vec![Block(3), Block(2)]);
        assert!(tree.is_reachable(Block(2)));
        assert_eq!(idoms(&func, &tree), vec![None, Some(0), Some(1), Some(1)]);
        assert_eq!(predecessors(&func)[2], vec![Block(1)]);
    }

    #[test]
    fn empty_function() {
        let func = Function::default();
        let tree = DominatorTree::compute(&func);
        assert!(tree.reverse_postorder().is_empty());
        assert!(!tree.is_reachable(Block(0)));
        assert!(predecessors(&func).is_empty());
    }

    fn cyclic_of(text: &str) -> Vec<bool> {
        let f = crate::parse::parse_function(text).expect("parses");
        cyclic_blocks(&f)
    }

    #[test]
    fn straight_line_code_has_no_cycle() {
        let c = cyclic_of(
            r#"function "<module>"() {
block0:
    v0: int = const.int 1 @0..1 #0
    jump block1 @0..1 #1
block1:
    return v0 @0..1 #2
}
"#,
        );
        assert_eq!(c, vec![false, false]);
    }

    #[test]
    fn a_loop_and_a_self_loop_are_cycles() {
        // block1 and block2 are a loop; block3 loops on itself; block0 and block4 are in none.
        let c = cyclic_of(
            r#"function "<module>"() {
block0:
    v0: bool = const.bool true @0..1 #0
    jump block1 @0..1 #1
block1:
    brif v0, block2, block3 @0..1 #2
block2:
    jump block1 @0..1 #3
block3:
    brif v0, block3, block4 @0..1 #4
block4:
    v1: int = const.int 1 @0..1 #5
    return v1 @0..1 #6
}
"#,
        );
        assert_eq!(c, vec![false, true, true, true, false]);
    }
}
