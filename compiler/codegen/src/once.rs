//! Code that runs once: a module body (`<module>`, or a part of one compiled in parts) whose
//! blocks lie on no cycle of the control-flow graph runs at most once per import, so it is
//! compiled with Cranelift's cheap settings (no e-graph pass, the single-pass register
//! allocator): its compile time matters, its speed does not. A module body with a loop
//! (a `for`/`while` statement, an inlined comprehension, a `try` retried in a loop) keeps
//! the optimizing settings for the unit holding the loop.
//!
//! The decision depends only on the MIR, so it is part of what a function's persistent key
//! (`persist::key`, the MIR text and `COMPILER_VERSION`) already determines.

use molt_mir::{Block, Function};

use crate::split::Plan;

/// Per block of `f`, whether it lies on a cycle of the control-flow graph (branch and
/// exception edges): a block of a strongly connected component of more than one block, or
/// one with an edge to itself. Tarjan's algorithm ("Depth-first search and linear graph
/// algorithms", SIAM J. Computing 1972), iterative; linear in blocks and edges.
pub(crate) fn cyclic_blocks(f: &Function) -> Vec<bool> {
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

/// Whether unit `part` of `f` (the whole function when `plan` is `None`) runs at most once
/// per import: `f` is a module body and none of the unit's blocks is `cyclic`
/// ([`cyclic_blocks`] of `f`).
pub(crate) fn runs_once(f: &Function, plan: Option<&Plan>, part: usize, cyclic: &[bool]) -> bool {
    if molt_mir::split_module(&f.name).1 != "<module>" || f.is_generator {
        return false;
    }
    match plan {
        None => !cyclic.iter().any(|&c| c),
        Some(plan) => plan.parts[part]
            .iter()
            .all(|r| !cyclic.get(r.block.index()).copied().unwrap_or(true)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cyclic_of(text: &str) -> Vec<bool> {
        let f = molt_mir::parse::parse_function(text).expect("parses");
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
