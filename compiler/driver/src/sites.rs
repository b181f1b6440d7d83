//! The site map of a build (`docs/profiles.md`, "The site map"): for every MIR function of
//! the build (its index is its position in [`crate::build::Frontend::functions`], the slice
//! codegen compiles) its name, file and line range, and for every observable site its source
//! range, MIR opcode, lane and guard kind. A profile names sites by (function index, site
//! id); this map places them in the source.
//!
//! Positions are 1-based lines and 1-based columns in Unicode scalar values, end exclusive
//! (the debug tables for tracebacks use 0-based columns, CPython's convention; this map uses
//! the editor convention of remarks). The lane is [`molt_mir::lanes::lane`], the decision
//! codegen uses; the guard kind follows from the instruction and
//! [`molt_mir::lanes::strategy`] ([`guard_kind`]).

use std::sync::Arc;

use molt_db::{Db, SourceFile, line_index};
use molt_mir::lanes::{Lane as MirLane, Strategy, lane, strategy};
use molt_mir::{Function, InstData, InstKind, Span, Type};
use molt_profiler::{FileHash, FunctionSites, GuardKind, Lane, SiteMap, SiteSpan};
use molt_semantic::module_items;
use rustc_hash::FxHashMap;

use crate::build::BuildIdentity;
use crate::report::Origin;

/// The guard an instruction checks at run time, if any:
///
/// - `is.type` of a parameter (function versioning): [`GuardKind::Entry`]; of a loaded
///   attribute (slot speculation): [`GuardKind::FloatTag`];
/// - `call.direct`: [`GuardKind::DirectCall`] (the callee's `def` must be bound, and for
///   `call.direct ... loaded` still be what was read before the arguments);
/// - `call.method.direct`: [`GuardKind::InlineCache`];
/// - `getattr.slot` / `setattr.slot`: [`GuardKind::Shape`];
/// - small-int arithmetic ([`Strategy::IntArith`]): [`GuardKind::Overflow`] when both operands
///   are proven `int` (only a big int or an overflow leaves the fast path), else
///   [`GuardKind::IntTag`]; small-int comparisons: [`GuardKind::IntTag`];
/// - mixed int/float fast paths: [`GuardKind::FloatTag`]; native float division:
///   [`GuardKind::ZeroDivisor`];
/// - anything else: none.
pub fn guard_kind(func: &Function, inst: &InstData) -> Option<GuardKind> {
    match &inst.kind {
        // An entry guard tests a parameter; slot speculation (`molt_opt::slot_types`) tests
        // a loaded attribute's float tag.
        InstKind::IsType(v, _) => {
            return Some(match func.values[v.index()].def {
                molt_mir::ValueDef::Param(b, _) if b == func.entry() => GuardKind::Entry,
                _ => GuardKind::FloatTag,
            });
        }
        InstKind::CallDirect { .. } | InstKind::FuncIs { .. } => {
            return Some(GuardKind::DirectCall);
        }
        InstKind::CallMethodDirect { .. }
        | InstKind::MethodLoadDirect { .. }
        | InstKind::MethodIs { .. }
        | InstKind::ClassIs { .. }
        | InstKind::CallClassDirect { .. } => {
            return Some(GuardKind::InlineCache);
        }
        InstKind::GetAttrSlot(..) | InstKind::SetAttrSlot(..) => return Some(GuardKind::Shape),
        _ => {}
    }
    match strategy(func, inst) {
        Strategy::IntArith => match &inst.kind {
            InstKind::Binary { lhs, rhs, .. }
                if *func.ty(*lhs) == Type::Int && *func.ty(*rhs) == Type::Int =>
            {
                Some(GuardKind::Overflow)
            }
            _ => Some(GuardKind::IntTag),
        },
        Strategy::IntCompare => Some(GuardKind::IntTag),
        Strategy::NumericArith | Strategy::NumericCompare => Some(GuardKind::FloatTag),
        Strategy::FloatDiv => Some(GuardKind::ZeroDivisor),
        _ => None,
    }
}

fn lane_of(l: MirLane) -> Lane {
    match l {
        MirLane::Native => Lane::Native,
        MirLane::Guarded => Lane::Guarded,
        MirLane::Runtime => Lane::Runtime,
        MirLane::Dynamic => Lane::Dynamic,
    }
}

/// Where a MIR function's spans are relative to, and the file range of its `def` item when it
/// is an item's own function.
#[derive(Clone, Copy)]
struct Placement<'db> {
    origin: Origin<'db>,
    item: Option<(u32, u32)>,
}

/// The site map of a build of `file` whose optimized MIR is `functions` (in build order) and
/// whose identity is `identity`.
pub fn site_map(
    db: &dyn Db,
    file: SourceFile,
    functions: &[Arc<Function>],
    identity: &BuildIdentity,
) -> SiteMap {
    let text = file.text(db);
    let index = line_index(db, file);
    let len = text.len() as u32;
    let pos = |offset: u32| index.line_col(text, offset.min(len));
    let mut placements: FxHashMap<&str, Placement<'_>> = FxHashMap::default();
    let module = Origin::Module(molt_semantic::items::skeleton_map(db, file));
    for f in &molt_lower::module_mir(db, file).functions {
        placements.insert(
            &f.name,
            Placement {
                origin: module,
                item: None,
            },
        );
    }
    for item in &module_items(db, file).functions {
        let origin = Origin::of_item(db, *item);
        let range = (
            item.offset(db),
            item.offset(db) + molt_semantic::items::item_file_len(db, *item),
        );
        for (i, f) in molt_lower::function_mir(db, *item)
            .functions
            .iter()
            .enumerate()
        {
            let item = (i == 0).then_some(range);
            placements.insert(&f.name, Placement { origin, item });
        }
    }
    let files = identity
        .files
        .iter()
        .map(|(path, sha256)| FileHash {
            path: path.display().to_string(),
            sha256: sha256.clone(),
        })
        .collect();
    let mut map = SiteMap::new(identity.build_id.clone(), identity.opt_level, files);
    let last_line = pos(len).0.max(1);
    for (i, func) in functions.iter().enumerate() {
        let mut entry = FunctionSites {
            function: i as u32,
            name: func.name.to_string(),
            file: 0,
            line: 1,
            end_line: 1,
            sites: Vec::new(),
        };
        let Some(placement) = placements.get(&*func.name).copied() else {
            map.functions.push(entry);
            continue;
        };
        let to_file = |s: Span| {
            let (start, end) = placement.origin.range_to_file(s.start, s.end);
            let start = start.min(len);
            (start, end.clamp(start, len))
        };
        let mut lines: Option<(u32, u32)> = None;
        for &block in &func.layout {
            for &inst in &func.blocks[block.index()].insts {
                let data = &func.insts[inst.index()];
                // Control flow (`jump`, `brif`, ...) has no lane of its own: it is native
                // code, and samples land on it.
                let l = lane(func, data).map_or(MirLane::Native, |(l, _)| l);
                let (start, end) = to_file(data.span);
                let (line, column) = pos(start);
                let (end_line, end_column) = pos(end);
                if data.span.start != data.span.end {
                    lines = Some(match lines {
                        Some((a, b)) => (a.min(line), b.max(end_line)),
                        None => (line, end_line),
                    });
                }
                entry.sites.push(SiteSpan {
                    site: data.site.0,
                    line,
                    column,
                    end_line,
                    end_column,
                    op: molt_mir::display::kind_text(&data.kind)
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_string(),
                    lane: lane_of(l),
                    guard: guard_kind(func, data),
                });
            }
        }
        // A site id appears once even if an instruction was duplicated without a new id.
        let mut seen = rustc_hash::FxHashSet::default();
        entry.sites.retain(|s| seen.insert(s.site));
        (entry.line, entry.end_line) = match (placement.item, lines) {
            (Some((start, end)), _) => (pos(start).0, pos(end.max(start)).0),
            (None, _) if &*func.name == "<module>" => (1, last_line),
            (None, Some(range)) => range,
            (None, None) => (1, 1),
        };
        map.functions.push(entry);
    }
    map
}
