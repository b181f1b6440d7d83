//! Profile points: which operations of a function generated code counts, and in which
//! counter slots (`docs/profiles.md`).
//!
//! Each compiled function has a `u64` counter array (a data object named after the function,
//! [`counters_symbol`]): slot 0 counts entries; the others count the deopts of each [`Point`]
//! and the control-flow edges the runtime cannot derive ([`Points`]). The points, edges and
//! slots depend only on the MIR (the strategy and lane of each instruction,
//! [`molt_mir::lanes`]), so the machine code that updates them stays cacheable by MIR. The
//! per-build table that tells the runtime what the slots mean (points, edges, function names,
//! code-offset → site maps) is emitted by `lib.rs`; the runtime reads it at exit
//! (`molt_runtime::profile`; both take the kind numbers from `molt_abi::profile_kind`).

use molt_mir::lanes::{Lane, Strategy, lane, strategy};
use molt_mir::{Function, InstData, InstKind, Type};
use rustc_hash::FxHashMap;

// The kinds of points, shared with the runtime's reader of the counters.
pub use molt_abi::profile_kind::{
    DIRECT_CALL, DYNAMIC, DYNAMIC_LANE, FLOAT_DIV, GUARD_BOOL, GUARD_FLOAT, GUARD_INT, GUARD_STR,
    INT_ARITH, INT_COMPARE, METHOD_CACHED, METHOD_DIRECT, NUMERIC, SLOT,
};

/// Counter slots of a point of `kind` (its deopt counters; executions come from the edge
/// counts, see [`Points`]).
pub fn slot_count(kind: u32) -> u32 {
    match kind & 0xFF {
        INT_ARITH => 3,
        NUMERIC => 2,
        GUARD_INT | GUARD_FLOAT | GUARD_BOOL | GUARD_STR | INT_COMPARE | FLOAT_DIV
        | DIRECT_CALL | METHOD_DIRECT | SLOT => 1,
        _ => 0,
    }
}

/// An edge without a counter: its count follows from flow conservation.
pub const DERIVED: u32 = u32::MAX;

/// One counted operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    /// Its MIR site.
    pub site: u32,
    /// One of the kinds above, possibly with [`DYNAMIC_LANE`].
    pub kind: u32,
    /// Its block.
    pub block: u32,
    /// Its position in the block (instruction index).
    pub pos: u32,
    /// Its first counter slot (deopt reasons in the order of its kind).
    pub slot: u32,
    /// An entry guard whose failures are the count of its block's `brif` else edge (which
    /// then always has a counter): nothing is counted at the `is.type` itself.
    pub via_edge: bool,
}

/// An edge of the function's control-flow graph, for the runtime's flow solver. Nodes are
/// MIR blocks (by index) and `EXIT` (the number of blocks): `EXIT → entry` is the function's
/// entry, a `return` goes to `EXIT`, an exception raised at position `pos` of a block goes to
/// the block's handler or to `EXIT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    /// Source node.
    pub from: u32,
    /// Target node.
    pub to: u32,
    /// Its counter, or [`DERIVED`].
    pub slot: u32,
    /// For an exception edge, the position of the raising instruction; else [`DERIVED`].
    pub pos: u32,
}

/// The profile points of a function, the edges of its control-flow graph and the size of
/// its counter array.
///
/// Executions are not counted per operation: an operation ran as often as its block was
/// entered, minus the exceptions that left the block before it. Block counts come from
/// edge counts, and only the edges outside a maximum spanning forest of the normal
/// (non-exceptional) edges get a counter — weighted by loop depth, so that a loop pays one
/// counter per iteration and straight-line code none; the runtime solves the others by flow
/// conservation (Ball and Larus, "Optimally Profiling and Tracing Programs", TOPLAS 1994).
/// Exception edges are always counted (they are on cold paths). In a generator every edge
/// is counted: a generator left suspended never leaves its block, which conservation
/// cannot see.
#[derive(Clone, Debug, Default)]
pub struct Points {
    /// In layout order.
    pub points: Vec<Point>,
    /// Point index by site.
    by_site: FxHashMap<u32, usize>,
    /// The edges: `EXIT → entry` first (slot 0, the entry count).
    pub edges: Vec<Edge>,
    /// Counter slot of each normal edge, by (block, successor index: the branch targets in
    /// order, 0 for a `return`).
    normal: FxHashMap<(u32, u32), u32>,
    /// Counter slot of each exception edge, by (block, position).
    raising: FxHashMap<(u32, u32), u32>,
    /// The exception edges while the points are collected.
    raise_list: Vec<Edge>,
    /// Number of MIR blocks (the node `EXIT` is this number).
    pub nblocks: u32,
    /// Slots of the counter array.
    pub slots: u32,
    /// The function has a loop (or is a generator): its code keeps the address of its
    /// counters in a stack slot, since a constant address in a loop would be hoisted out of
    /// it and hold a register across the loop.
    pub has_loops: bool,
}

impl Points {
    /// The points and edges of `func`.
    pub fn of(func: &Function) -> Points {
        let nblocks = func.blocks.len() as u32;
        let exit = nblocks;
        let mut out = Points {
            nblocks,
            slots: 1,
            ..Points::default()
        };
        // Normal edges with their weights (loop depth; the entry edge first, weighted to
        // stay uncounted: entries equal returns plus exceptions leaving), exception edges.
        let depth = loop_depths(func);
        out.has_loops = func.is_generator || depth.iter().any(|&d| d > 0);
        // (from, to, successor index, weight, forced to have a counter)
        let mut normal: Vec<(u32, u32, u32, u32, bool)> =
            vec![(exit, func.entry().index() as u32, 0, u32::MAX, false)];
        for &block in &func.layout {
            let b = block.index() as u32;
            let data = &func.blocks[block.index()];
            let handler = data.handler.map_or(exit, |h| h.index() as u32);
            // An entry guard feeding the block's `brif`: its failures are the else edge.
            let guard_edge = match data.insts.last().map(|i| &func.insts[i.index()].kind) {
                Some(InstKind::Brif(c, _, _)) => Some(*c),
                _ => None,
            };
            let mut block_via_edge = false;
            for (pos, inst) in data.insts.iter().enumerate() {
                let d = &func.insts[inst.index()];
                if let Some(kind) = kind_of(func, d) {
                    let site = d.site.index() as u32;
                    let via_edge = matches!(d.kind, InstKind::IsType(..))
                        && d.result.is_some()
                        && d.result == guard_edge;
                    out.by_site.insert(site, out.points.len());
                    out.points.push(Point {
                        site,
                        kind,
                        block: b,
                        pos: pos as u32,
                        slot: out.slots,
                        via_edge,
                    });
                    if via_edge {
                        block_via_edge = true;
                    } else {
                        out.slots += slot_count(kind);
                    }
                }
                let pos = pos as u32;
                out.raising.insert((b, pos), out.slots);
                out.raise_list.push(Edge {
                    from: b,
                    to: handler,
                    slot: out.slots,
                    pos,
                });
                out.slots += 1;
                if let InstKind::Return(_) = d.kind {
                    normal.push((b, exit, 0, 0, false));
                }
                for (k, call) in d.kind.successors().iter().enumerate() {
                    let to = call.block.index() as u32;
                    let weight = depth[block.index()].min(depth[call.block.index()]);
                    let forced = k == 1 && block_via_edge;
                    normal.push((b, to, k as u32, weight, forced));
                }
            }
        }
        // A maximum spanning forest of the normal edges stays uncounted (Kruskal).
        let mut order: Vec<usize> = (0..normal.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(normal[i].3));
        let mut forest = UnionFind::new(nblocks as usize + 1);
        let mut derived = vec![false; normal.len()];
        if !func.is_generator {
            for i in order {
                let (from, to, _, _, forced) = normal[i];
                derived[i] = !forced && forest.union(from as usize, to as usize);
            }
        }
        for (i, &(from, to, succ, _, forced)) in normal.iter().enumerate() {
            let slot = if derived[i] {
                DERIVED
            } else if i == 0 {
                0
            } else {
                out.slots += 1;
                out.slots - 1
            };
            if i > 0 {
                out.normal.insert((from, succ), slot);
            }
            if forced {
                for p in out
                    .points
                    .iter_mut()
                    .filter(|p| p.block == from && p.via_edge)
                {
                    p.slot = slot;
                }
            }
            out.edges.push(Edge {
                from,
                to,
                slot,
                pos: DERIVED,
            });
        }
        // Exception edges after the normal ones (the entry edge stays first).
        let raises = std::mem::take(&mut out.raise_list);
        out.edges.extend(raises);
        out
    }

    /// Whether the entry edge has a counter (slot 0): in generators, or when the function
    /// has no other way out that conservation could use.
    pub fn counts_entries(&self) -> bool {
        self.edges.first().is_some_and(|e| e.slot == 0)
    }

    /// The point of `site`, if it is counted.
    pub fn at(&self, site: u32) -> Option<Point> {
        self.by_site.get(&site).map(|&i| self.points[i])
    }

    /// The counter of the normal edge `succ` of `block`, if it has one.
    pub fn normal_edge(&self, block: u32, succ: u32) -> Option<u32> {
        self.normal
            .get(&(block, succ))
            .copied()
            .filter(|&s| s != DERIVED)
    }

    /// The counter of the exception edge at position `pos` of `block`.
    pub fn raise_edge(&self, block: u32, pos: u32) -> Option<u32> {
        self.raising.get(&(block, pos)).copied()
    }
}

/// Loop depth of every block: the number of natural loops (of back edges to a dominator)
/// that contain it.
fn loop_depths(func: &Function) -> Vec<u32> {
    let doms = molt_mir::dominators::DominatorTree::compute(func);
    let preds = molt_mir::dominators::predecessors(func);
    let mut depth = vec![0u32; func.blocks.len()];
    for &block in &func.layout {
        for succ in func.successors(block) {
            if !doms.dominates(succ, block) {
                continue;
            }
            // The natural loop of the back edge `block → succ`.
            let mut body = vec![false; func.blocks.len()];
            body[succ.index()] = true;
            let mut work = vec![block];
            while let Some(b) = work.pop() {
                if std::mem::replace(&mut body[b.index()], true) {
                    continue;
                }
                work.extend(preds[b.index()].iter().copied());
            }
            for (d, inside) in depth.iter_mut().zip(body) {
                *d += u32::from(inside);
            }
        }
    }
    depth
}

/// Disjoint sets of nodes, for Kruskal's spanning forest.
struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; false when they were one set already.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        self.0[ra] = rb;
        true
    }
}

/// What is counted at `d`, if anything.
fn kind_of(func: &Function, d: &InstData) -> Option<u32> {
    let dynamic = matches!(lane(func, d), Some((Lane::Dynamic, _)));
    let kind = match (&d.kind, strategy(func, d)) {
        (InstKind::IsType(_, Type::Int), _) => GUARD_INT,
        (InstKind::IsType(_, Type::Float), _) => GUARD_FLOAT,
        (InstKind::IsType(_, Type::Bool), _) => GUARD_BOOL,
        (InstKind::IsType(_, Type::Str), _) => GUARD_STR,
        (InstKind::Binary { .. }, Strategy::IntArith) => INT_ARITH,
        (InstKind::Compare(..), Strategy::IntCompare) => INT_COMPARE,
        (InstKind::Binary { .. }, Strategy::NumericArith)
        | (InstKind::Compare(..), Strategy::NumericCompare) => NUMERIC,
        (InstKind::Binary { .. }, Strategy::FloatDiv) => FLOAT_DIV,
        (InstKind::CallDirect { .. } | InstKind::FuncIs { .. }, _) => DIRECT_CALL,
        (
            InstKind::CallMethodDirect { .. }
            | InstKind::MethodLoadDirect { .. }
            | InstKind::MethodIs { .. }
            | InstKind::ClassIs { .. }
            | InstKind::CallClassDirect { .. },
            _,
        ) => METHOD_DIRECT,
        (InstKind::GetAttrSlot(..) | InstKind::SetAttrSlot(..), _) => SLOT,
        (
            InstKind::CallMethod {
                receiver,
                name,
                args,
            },
            _,
        ) if crate::symbols::method_entry(name, args, func.ty(*receiver)).is_none() => {
            METHOD_CACHED | if dynamic { DYNAMIC_LANE } else { 0 }
        }
        _ if dynamic => DYNAMIC | DYNAMIC_LANE,
        _ => return None,
    };
    Some(kind)
}

/// The symbol of `function`'s counter array (content-derived, like every symbol compiled
/// code refers to).
pub fn counters_symbol(function: &str) -> String {
    crate::symbol_name("__molt_prof_", function)
}

/// What a build writes into the program for its profiles: the build id and the source files
/// with their content hashes (`docs/profiles.md`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildInfo {
    /// 16 hex digits.
    pub build_id: String,
    /// `(absolute path, sha256 hex)`, the entry file first.
    pub files: Vec<(String, String)>,
}

impl BuildInfo {
    /// The files in the runtime's format: `count:u32 (path:str sha256:str)*`.
    pub fn encode_files(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let put = |out: &mut Vec<u8>, s: &str| {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        };
        out.extend_from_slice(&(self.files.len() as u32).to_le_bytes());
        for (path, sha) in &self.files {
            put(&mut out, path);
            put(&mut out, sha);
        }
        out
    }
}
