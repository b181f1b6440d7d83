//! Huge functions compiled in parts: a module body of thousands of statements is one MIR
//! function, and Cranelift's cost per instruction grows with the size of the function it
//! compiles (register allocation and the e-graph work on the whole function; a 96,000-
//! instruction module body took 5× the time per instruction of a 6,000-instruction one).
//!
//! A function of more than [`PART_INSTS`]` * 2` instructions is cut at *cuts*: points
//! between two instructions of a block that control never comes back to and from which it
//! never leaves the code that block dominates. Each part becomes a Cranelift function of its
//! own; a part ends at its cut by calling the next part with the values live there (an
//! argument array, ownership moving with them) and returning what that call returns, which
//! is what the whole function returns (its result, or *error* with the traceback entry the
//! later part added under the function's own descriptor and sites). The parts run nested,
//! one native frame each. Part 0 is the function's entry; only it counts entries.
//!
//! A cut `(B, at)` (before instruction `at` of block `B`) is allowed when:
//! - `B` has no exception handler (the instructions before the cut would raise into a
//!   handler compiled in another part), and is in no loop;
//! - every edge leaving `B` or a block `B` dominates goes to a block `B` strictly dominates,
//!   so the code after the cut is exactly `B`'s rest and the blocks `B` strictly dominates,
//!   and no other code reaches it; a block that is not [`clean`](Plan) this way is checked
//!   for every block at once with the tree-difference trick over the dominator tree (each
//!   edge marks the tree path it leaves from, Σ over a subtree = edges that leave it);
//! - the instruction before the cut is not a `keepalive` (translation pairs a frame-exit
//!   `keepalive` with the `return` or `raise` after it), the cut leaves at least the
//!   terminator to the next part, and at most [`MAX_LIVE`] values are live there;
//! - the function keeps no locals in stack slots and is not a generator.
//!
//! Cuts lie on one chain of the dominator tree (the one holding the most instructions of
//! such blocks), `PART_INSTS` instructions apart at least, so that parts nest: the blocks of
//! part `k` are those below `k` cuts in the tree.

use molt_mir::dominators::DominatorTree;
use molt_mir::{Block, Function, InstKind, Value};
use rustc_hash::FxHashSet;

use crate::liveness::{Held, Liveness};

/// The number of MIR instructions a part holds at least (except the last, at least half).
pub(crate) const PART_INSTS: usize = 1024;

/// The most values a cut hands to the next part.
pub(crate) const MAX_LIVE: usize = 64;

/// How a function is compiled in parts, with the analyses translation of every part shares.
pub(crate) struct Plan {
    /// Liveness of the whole function.
    pub liveness: Liveness,
    /// Held values of the whole function.
    pub held: Held,
    /// The cuts in execution order; part `k` starts at cut `k - 1` and ends at cut `k`.
    pub cuts: Vec<Cut>,
    /// Per part, the slices of blocks it translates, in layout order.
    pub parts: Vec<Vec<Range>>,
}

/// A point between two instructions of a block where one part calls the next.
pub(crate) struct Cut {
    /// The block.
    pub block: Block,
    /// The index of the first instruction after the cut.
    pub at: usize,
    /// The values live at the cut, in the order of the argument array.
    pub live: Vec<Value>,
    /// The same values as a set (translation's state at the cut).
    pub live_set: FxHashSet<Value>,
    /// The values held by Python names at the cut ([`Held`]).
    pub held: FxHashSet<Value>,
}

/// Instructions `start..end` of `block` (all of a block, or its part before, between or
/// after cuts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Range {
    /// The block.
    pub block: Block,
    /// First instruction index.
    pub start: usize,
    /// End instruction index (exclusive).
    pub end: usize,
    /// The cut at `end`, when the range stops there (an index into [`Plan::cuts`]).
    pub end_cut: Option<usize>,
}

impl Plan {
    /// The number of parts.
    pub fn len(&self) -> usize {
        self.parts.len()
    }
}

/// Plans the parts of `func`, or `None` when it is compiled whole (small, or without two
/// parts' worth of instructions after allowed cuts).
pub(crate) fn plan(func: &Function) -> Option<Plan> {
    if func.insts.len() < 2 * PART_INSTS || func.is_generator || func.blocks.is_empty() {
        return None;
    }
    let has_slots = func.insts.iter().any(|i| {
        matches!(
            i.kind,
            InstKind::SlotLoad(_) | InstKind::SlotStore(..) | InstKind::SlotDel(_)
        )
    });
    if has_slots {
        return None;
    }
    let tree = Tree::of(func);
    let n = func.blocks.len();
    let len = |b: Block| func.blocks[b.index()].insts.len();
    // Blocks below which no edge leaves (the tree difference: +1 where an edge starts, -1
    // above the last block whose subtree it leaves).
    let mut mark = vec![0i64; n];
    for &x in &tree.preorder {
        for y in func.successors(x) {
            if tree.pre.get(y.index()).is_none_or(|&p| p == u32::MAX) {
                continue;
            }
            mark[x.index()] += 1;
            if tree.is_ancestor(y, x) {
                // A back edge: every block from `x` up to `y` is in a loop.
                if let Some(p) = tree.idom[y.index()] {
                    mark[p.index()] -= 1;
                }
            } else {
                let mut l = x;
                while !tree.is_ancestor(l, y) {
                    match tree.idom[l.index()] {
                        Some(p) => l = p,
                        None => break,
                    }
                }
                mark[l.index()] -= 1;
            }
        }
    }
    // Bottom-up: leaving edges, instructions below, and the heaviest chain of clean blocks.
    let mut leaving = mark;
    let mut total = vec![0usize; n];
    let mut best = vec![0usize; n];
    let mut clean = vec![false; n];
    for &b in tree.preorder.iter().rev() {
        let i = b.index();
        total[i] += len(b);
        clean[i] = leaving[i] == 0 && func.blocks[i].handler.is_none();
        best[i] += if clean[i] { len(b) } else { 0 };
        if let Some(p) = tree.idom[i] {
            leaving[p.index()] += leaving[i];
            total[p.index()] += total[i];
            best[p.index()] = best[p.index()].max(best[i]);
        }
    }
    // `best` so far holds the children's maximum plus the block's own; rebuild the chain.
    let root = func.entry();
    let mut spine = Vec::new();
    let mut b = root;
    loop {
        if clean[b.index()] {
            spine.push(b);
        }
        let next = tree.children[b.index()]
            .iter()
            .copied()
            .max_by_key(|c| (best[c.index()], std::cmp::Reverse(c.index())));
        match next {
            Some(c) if best[c.index()] > 0 => b = c,
            _ => break,
        }
    }
    if spine.iter().map(|&b| len(b)).sum::<usize>() < PART_INSTS {
        return None;
    }
    let liveness = Liveness::compute(func);
    let held = Held::compute(func);
    // Place cuts walking down the chain: `remaining` instructions after a cut at `(b, at)`
    // are `total[b] - at`.
    let mut cuts: Vec<Cut> = Vec::new();
    let mut last_remaining = total[root.index()];
    for &b in &spine {
        let data = &func.blocks[b.index()];
        let k = data.insts.len();
        // Live counts before each instruction (a backward walk, as translation does).
        let mut live = liveness.live_out[b.index()].clone();
        let mut live_count = vec![0usize; k];
        for at in (0..k).rev() {
            let d = &func.insts[data.insts[at].index()];
            if let Some(r) = d.result {
                live.remove(&r);
            }
            d.kind.visit_operands(|v| {
                live.insert(*v);
            });
            live_count[at] = live.len();
        }
        let mut chosen: Vec<usize> = Vec::new();
        for (at, &live_here) in live_count.iter().enumerate().skip(1) {
            let remaining = total[b.index()] - at;
            let before = &func.insts[data.insts[at - 1].index()].kind;
            if last_remaining.saturating_sub(remaining) >= PART_INSTS
                && remaining >= PART_INSTS / 2
                && live_here <= MAX_LIVE
                && !matches!(before, InstKind::KeepAlive(_))
            {
                chosen.push(at);
                last_remaining = remaining;
            }
        }
        if chosen.is_empty() {
            continue;
        }
        // The state at the chosen cuts (a second walk, keeping copies there only).
        let mut live = liveness.live_out[b.index()].clone();
        let mut held_set = held.out(b).clone();
        let mut snapshots: Vec<Cut> = Vec::new();
        let mut next = chosen.len();
        for at in (0..k).rev() {
            let d = &func.insts[data.insts[at].index()];
            if let Some(r) = d.result {
                live.remove(&r);
            }
            d.kind.visit_operands(|v| {
                live.insert(*v);
            });
            held.step_back(func, d, &mut held_set);
            if next > 0 && chosen[next - 1] == at {
                next -= 1;
                let mut ordered: Vec<Value> = live.iter().copied().collect();
                ordered.sort();
                snapshots.push(Cut {
                    block: b,
                    at,
                    live: ordered,
                    live_set: live.clone(),
                    held: held_set.clone(),
                });
            }
        }
        snapshots.reverse();
        cuts.extend(snapshots);
    }
    if cuts.is_empty() {
        return None;
    }
    // The part each block starts in: the number of cuts in blocks strictly above it.
    let mut cuts_in: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (c, cut) in cuts.iter().enumerate() {
        cuts_in[cut.block.index()].push(c);
    }
    let mut starts_in = vec![0usize; n];
    for &b in &tree.preorder {
        if let Some(p) = tree.idom[b.index()] {
            starts_in[b.index()] = starts_in[p.index()] + cuts_in[p.index()].len();
        }
    }
    let mut parts: Vec<Vec<Range>> = vec![Vec::new(); cuts.len() + 1];
    for &b in &func.layout {
        let i = b.index();
        if tree.pre.get(i).is_none_or(|&p| p == u32::MAX) {
            continue;
        }
        let mut part = starts_in[i];
        let mut start = 0;
        for &c in &cuts_in[i] {
            parts[part].push(Range {
                block: b,
                start,
                end: cuts[c].at,
                end_cut: Some(c),
            });
            start = cuts[c].at;
            part += 1;
        }
        parts[part].push(Range {
            block: b,
            start,
            end: len(b),
            end_cut: None,
        });
    }
    Some(Plan {
        liveness,
        held,
        cuts,
        parts,
    })
}

/// The dominator tree with children and preorder intervals.
struct Tree {
    idom: Vec<Option<Block>>,
    children: Vec<Vec<Block>>,
    /// Reachable blocks in preorder of the tree (parents before children).
    preorder: Vec<Block>,
    /// Preorder number of each block (`u32::MAX`: unreachable).
    pre: Vec<u32>,
    /// The largest preorder number in each block's subtree.
    last: Vec<u32>,
}

impl Tree {
    fn of(func: &Function) -> Tree {
        let dom = DominatorTree::compute(func);
        let n = func.blocks.len();
        let mut idom = vec![None; n];
        let mut children: Vec<Vec<Block>> = vec![Vec::new(); n];
        for &b in dom.reverse_postorder() {
            if let Some(p) = dom.idom(b) {
                idom[b.index()] = Some(p);
                children[p.index()].push(b);
            }
        }
        let mut pre = vec![u32::MAX; n];
        let mut last = vec![0u32; n];
        let mut preorder = Vec::with_capacity(n);
        // Iterative DFS: (block, whether its children were pushed).
        let mut stack = vec![(func.entry(), false)];
        while let Some((b, done)) = stack.pop() {
            if done {
                last[b.index()] = preorder.len() as u32 - 1;
                continue;
            }
            pre[b.index()] = preorder.len() as u32;
            preorder.push(b);
            stack.push((b, true));
            for &c in children[b.index()].iter().rev() {
                stack.push((c, false));
            }
        }
        Tree {
            idom,
            children,
            preorder,
            pre,
            last,
        }
    }

    /// Whether `a` dominates `b` (both reachable).
    fn is_ancestor(&self, a: Block, b: Block) -> bool {
        let (pa, pb) = (self.pre[a.index()], self.pre[b.index()]);
        pa <= pb && pb <= self.last[a.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Function {
        let mut fs = molt_mir::parse::parse_functions(text).expect("valid MIR");
        fs.remove(0)
    }

    /// A module body of `n` statements `xI = I`, ending in `return`.
    fn straight(n: usize) -> String {
        let mut s = String::from("function \"<module>\"() {\nblock0:\n");
        for i in 0..n {
            s += &format!("    v{i}: int = const.int {i} @0..1 #{}\n", 2 * i);
            s += &format!("    global.store \"x{i}\", v{i} @0..1 #{}\n", 2 * i + 1);
        }
        s += &format!("    v{n}: none = const.none @0..1 #{}\n", 2 * n);
        s += &format!("    return v{n} @0..1 #{}\n}}\n", 2 * n + 1);
        s
    }

    #[test]
    fn small_functions_stay_whole() {
        assert!(plan(&parse(&straight(100))).is_none());
    }

    #[test]
    fn a_long_block_is_cut_into_parts_of_the_target_size() {
        let f = parse(&straight(3000));
        let plan = plan(&f).expect("split");
        assert_eq!(plan.len(), plan.cuts.len() + 1);
        assert!(plan.len() >= 5, "{} parts", plan.len());
        let mut previous = 0;
        for (k, cut) in plan.cuts.iter().enumerate() {
            assert_eq!(cut.block, Block(0));
            assert!(cut.at - previous >= PART_INSTS, "cut {k} at {}", cut.at);
            assert!(cut.live.is_empty(), "nothing is live between statements");
            previous = cut.at;
        }
        // The parts cover the block once, in order.
        let ranges: Vec<(usize, usize)> = plan
            .parts
            .iter()
            .flat_map(|p| p.iter().map(|r| (r.start, r.end)))
            .collect();
        assert_eq!(ranges.first().map(|r| r.0), Some(0));
        assert_eq!(ranges.last().map(|r| r.1), Some(f.blocks[0].insts.len()));
        assert!(ranges.windows(2).all(|w| w[0].1 == w[1].0));
    }

    #[test]
    fn values_live_at_a_cut_are_handed_over_in_order() {
        // One statement building a tuple of 40 constants, 60 times over: most cuts fall
        // inside a statement, with its pending items live.
        let mut s = String::from("function \"<module>\"() {\nblock0:\n");
        let mut v = 0;
        for stmt in 0..60 {
            let first = v;
            for i in 0..40 {
                s += &format!("    v{v}: int = const.int {i} @0..1 #{v}\n");
                v += 1;
            }
            let items: Vec<String> = (first..v).map(|x| format!("v{x}")).collect();
            s += &format!(
                "    v{v}: dyn = build.tuple ({}) @0..1 #{v}\n",
                items.join(", ")
            );
            s += &format!(
                "    global.store \"t{stmt}\", v{v} @0..1 #{}\n",
                v + 100_000
            );
            v += 1;
        }
        s += &format!(
            "    v{v}: none = const.none @0..1 #{v}\n    return v{v} @0..1 #{}\n}}\n",
            v + 1
        );
        let f = parse(&s);
        let plan = plan(&f).expect("split");
        assert!(plan.cuts.iter().any(|c| !c.live.is_empty()));
        for cut in &plan.cuts {
            assert!(cut.live.len() <= MAX_LIVE);
            assert!(cut.live.windows(2).all(|w| w[0] < w[1]), "sorted");
            assert_eq!(cut.live.len(), cut.live_set.len());
        }
    }

    #[test]
    fn code_after_a_loop_is_cut_too() {
        // block0 (long) → block1 (a loop) → block2 (long): cuts in block0 and block2, and
        // the loop goes with the part after block0's last cut.
        let consts = |from: usize, n: usize| -> String {
            (0..n)
                .map(|i| {
                    format!(
                        "    v{}: int = const.int {i} @0..1 #{}\n",
                        from + i,
                        from + i
                    )
                })
                .collect()
        };
        let text = format!(
            "function \"f\"(a) {{\nblock0(v0: dyn):\n{}    jump block1() @0..1 #1\n\
             block1:\n    v1: bool = truthy v0 @0..1 #2\n    brif v1, block1, block2 @0..1 #3\n\
             block2:\n{}    return v0 @0..1 #4\n}}\n",
            consts(2, 1500),
            consts(1502, 1500)
        );
        let f = parse(&text);
        let plan = plan(&f).expect("split");
        let blocks: Vec<u32> = plan.cuts.iter().map(|c| c.block.0).collect();
        assert!(blocks.contains(&0) && blocks.contains(&2), "{blocks:?}");
        let part_of = |b: u32| {
            plan.parts
                .iter()
                .position(|p| p.iter().any(|r| r.block.0 == b && r.start == 0))
        };
        let last_cut_in_0 = blocks.iter().filter(|&&b| b == 0).count();
        assert_eq!(part_of(1), Some(last_cut_in_0));
        assert_eq!(part_of(2), Some(last_cut_in_0));
        // v0 (the parameter) lives to the end: every cut hands it over.
        assert!(plan.cuts.iter().all(|c| c.live == vec![Value(0)]));
    }

    #[test]
    fn no_cut_inside_a_loop_or_under_a_handler() {
        // block1 loops on itself; block2 has a handler: neither may be cut, and block0 is
        // too short, so the function stays whole.
        let body: String = (0..2500)
            .map(|i| format!("    v{}: int = const.int {i} @0..1 #{}\n", i + 3, i + 10))
            .collect();
        let text = format!(
            "function \"f\"(a) {{\nblock0(v0: dyn):\n    jump block1() @0..1 #0\n\
             block1:\n{body}    v1: bool = truthy v0 @0..1 #1\n    brif v1, block1, block2 @0..1 #2\n\
             block2 catch block3:\n{body2}    return v0 @0..1 #3\n\
             block3(v2: dyn):\n    return v0 @0..1 #4\n}}\n",
            body2 = (0..2500)
                .map(|i| format!(
                    "    v{}: int = const.int {i} @0..1 #{}\n",
                    i + 2503,
                    i + 3000
                ))
                .collect::<String>()
        );
        let f = parse(&text);
        assert!(plan(&f).is_none());
    }
}
