//! Profile points: which operations of a function generated code counts, and in which
//! counter slots (`docs/profiles.md`).
//!
//! Each compiled function has a `u64` counter array (a data object named after the function,
//! [`counters_symbol`]): slot 0 counts entries, then each [`Point`] has the slots of its kind.
//! The points and their order depend only on the MIR (the strategy and lane of each
//! instruction, [`molt_mir::lanes`]), so the machine code that updates them stays cacheable
//! by MIR. The per-build table that tells the runtime what the slots mean (points, function
//! names, code-offset → site maps) is emitted by `lib.rs`; the runtime reads it at exit
//! (`molt_runtime::profile`, which defines the same kind numbers).

use molt_mir::lanes::{Lane, Strategy, lane, strategy};
use molt_mir::{Function, InstData, InstKind, Type};
use rustc_hash::FxHashMap;

/// `is.type v, int` (an entry guard): checks, failures (`not-int`).
pub const GUARD_INT: u32 = 1;
/// `is.type v, float`: checks, failures (`not-float`).
pub const GUARD_FLOAT: u32 = 2;
/// `is.type v, bool`: checks, failures (`not-bool`).
pub const GUARD_BOOL: u32 = 3;
/// Small-int arithmetic ([`Strategy::IntArith`]): checks, `not-int`, `overflow`,
/// `zero-divisor`.
pub const INT_ARITH: u32 = 4;
/// Small-int comparison ([`Strategy::IntCompare`]): checks, `not-int`.
pub const INT_COMPARE: u32 = 5;
/// [`Strategy::NumericArith`] and [`Strategy::NumericCompare`]: checks, `not-number`,
/// `zero-divisor`.
pub const NUMERIC: u32 = 6;
/// [`Strategy::FloatDiv`]: checks, `zero-divisor`.
pub const FLOAT_DIV: u32 = 7;
/// `call.direct`: checks, `not-bound-yet`.
pub const DIRECT_CALL: u32 = 8;
/// `call.method.direct` (inline cache): lookups, misses (`class-changed`).
pub const METHOD_DIRECT: u32 = 9;
/// `getattr.slot`/`setattr.slot` (inline cache): lookups, misses (`shape-changed`).
pub const SLOT: u32 = 10;
/// `call.method` through the runtime's inline cache: executions; the runtime counts hits
/// and misses in words 2 and 3 of the site's (32-byte) cache cell.
pub const METHOD_CACHED: u32 = 11;
/// Any other operation of the `dynamic` lane: executions.
pub const DYNAMIC: u32 = 12;
/// Flag on a kind: the operation is in the `dynamic` lane.
pub const DYNAMIC_LANE: u32 = 0x100;

/// Counter slots of a point of `kind`.
pub fn slot_count(kind: u32) -> u32 {
    match kind & 0xFF {
        INT_ARITH => 4,
        NUMERIC => 3,
        GUARD_INT | GUARD_FLOAT | GUARD_BOOL | INT_COMPARE | FLOAT_DIV | DIRECT_CALL
        | METHOD_DIRECT | SLOT => 2,
        _ => 1,
    }
}

/// One counted operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    /// Its MIR site.
    pub site: u32,
    /// One of the kinds above, possibly with [`DYNAMIC_LANE`].
    pub kind: u32,
    /// Its first counter slot.
    pub slot: u32,
}

/// The profile points of a function and its counter array size.
#[derive(Clone, Debug, Default)]
pub struct Points {
    /// In the order of the counter slots (layout order of the MIR).
    pub points: Vec<Point>,
    /// Point index by site.
    by_site: FxHashMap<u32, usize>,
    /// Slots of the counter array (the entry count included).
    pub slots: u32,
}

impl Points {
    /// The points of `func`.
    pub fn of(func: &Function) -> Points {
        let mut out = Points {
            slots: 1,
            ..Points::default()
        };
        for &block in &func.layout {
            for inst in &func.blocks[block.index()].insts {
                let d = &func.insts[inst.index()];
                if let Some(kind) = kind_of(func, d) {
                    let site = d.site.index() as u32;
                    out.by_site.insert(site, out.points.len());
                    out.points.push(Point {
                        site,
                        kind,
                        slot: out.slots,
                    });
                    out.slots += slot_count(kind);
                }
            }
        }
        out
    }

    /// The point of `site`, if it is counted.
    pub fn at(&self, site: u32) -> Option<Point> {
        self.by_site.get(&site).map(|&i| self.points[i])
    }
}

/// What is counted at `d`, if anything.
fn kind_of(func: &Function, d: &InstData) -> Option<u32> {
    let dynamic = matches!(lane(func, d), Some((Lane::Dynamic, _)));
    let kind = match (&d.kind, strategy(func, d)) {
        (InstKind::IsType(_, Type::Int), _) => GUARD_INT,
        (InstKind::IsType(_, Type::Float), _) => GUARD_FLOAT,
        (InstKind::IsType(_, Type::Bool), _) => GUARD_BOOL,
        (InstKind::Binary { .. }, Strategy::IntArith) => INT_ARITH,
        (InstKind::Compare(..), Strategy::IntCompare) => INT_COMPARE,
        (InstKind::Binary { .. }, Strategy::NumericArith)
        | (InstKind::Compare(..), Strategy::NumericCompare) => NUMERIC,
        (InstKind::Binary { .. }, Strategy::FloatDiv) => FLOAT_DIV,
        (InstKind::CallDirect { .. }, _) => DIRECT_CALL,
        (InstKind::CallMethodDirect { .. }, _) => METHOD_DIRECT,
        (InstKind::GetAttrSlot(..) | InstKind::SetAttrSlot(..), _) => SLOT,
        (InstKind::CallMethod { name, args, .. }, _)
            if crate::symbols::method_entry(name, args).is_none() =>
        {
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
