//! Remarks and lowering coverage of a file, located in the file: the one query API behind
//! `--remarks`, `--coverage` and the language server.
//!
//! Remarks come from the optimizer's passes (through the cached per-item queries); coverage
//! comes from [`molt_mir::lanes`], the same decision codegen uses; every dynamic operation
//! also gets a `lane.dynamic` remark saying why, and a dynamic arithmetic or comparison on an
//! unannotated parameter gets an `unbox.missed` remark with a fix (annotate the parameter).
//!
//! An operation compiled twice (a function versioned by an entry guard has a specialized and a
//! generic copy) is reported once, with the lane of its best copy: the generic copy only runs
//! for arguments that break the annotation.
//!
//! [`file_report_ref`] is a cached query (the language server asks for the report of the same
//! file for diagnostics, hints, lenses, hover and tokens); [`file_report`] returns a copy of
//! it. [`located_functions`] gives the optimized MIR of a file with the map from its spans to
//! file offsets, for consumers that need more than the report (types of values, MIR text).

use molt_db::{Db, SourceFile, line_index};
use molt_mir::lanes::Lane as MirLane;
use molt_mir::{Function, InstKind, ValueDef};
use molt_remarks::{FunctionCoverage, Lane, Location, OpCoverage, Position, Remark, Report};
use molt_semantic::items::FunctionItem;
use molt_semantic::module_items;

/// Maps spans of one MIR item to file offsets.
#[derive(Clone, Copy)]
pub(crate) enum Origin<'db> {
    /// The module's top-level code (spans index the module skeleton).
    Module(&'db molt_semantic::items::SkeletonMap),
    /// A `def` item starting at this file offset; for an item the compiler wrote
    /// ([`FunctionItem::synthetic`]), the length of the range its offsets are clamped to.
    Item(u32, Option<u32>),
}

impl Origin<'_> {
    /// The origin of `item`'s spans.
    pub(crate) fn of_item(db: &dyn Db, item: FunctionItem<'_>) -> Self {
        Origin::Item(item.offset(db), item.synthetic(db))
    }

    fn to_file(self, offset: u32) -> u32 {
        match self {
            Origin::Module(map) => map.to_file(offset),
            Origin::Item(base, None) => base.saturating_add(offset),
            Origin::Item(base, Some(len)) => base.saturating_add(offset.min(len)),
        }
    }

    /// The file range `(start, end)` of the relative range `start..end` (`end >= start`;
    /// not clamped to the file's length). Every range of a synthetic item is its whole
    /// clamp range (the decorator), so that a traceback or remark underlines that.
    pub(crate) fn range_to_file(self, start: u32, end: u32) -> (u32, u32) {
        if let Origin::Item(base, Some(len)) = self {
            return (base, base.saturating_add(len));
        }
        let start = self.to_file(start);
        (start, self.to_file(end).max(start))
    }
}

/// One optimized MIR function of a file (default optimization level), with the map from its
/// spans to file offsets.
#[derive(Clone, Copy)]
pub struct LocatedFunction<'db> {
    /// The optimized MIR and the remarks of the passes (spans relative to the item).
    pub optimized: &'db molt_opt::Optimized,
    /// The `def` item it belongs to (its own function or one nested in it); `None` for the
    /// module's top-level code and what is nested in it (lambdas, comprehensions).
    pub item: Option<FunctionItem<'db>>,
    origin: Origin<'db>,
}

impl LocatedFunction<'_> {
    /// The file byte range `(start, end)` of a span of this function (`end >= start`; not
    /// clamped to the file's length).
    pub fn file_range(&self, span: molt_mir::Span) -> (u32, u32) {
        self.origin.range_to_file(span.start, span.end)
    }
}

/// Every optimized MIR function of `file`, `<module>` (and the functions nested in top-level
/// code) first, then each item's functions (its own first, then nested ones) in source order.
/// Reads the cached per-item queries, so it is cheap after the first call.
pub fn located_functions(db: &dyn Db, file: SourceFile) -> Vec<LocatedFunction<'_>> {
    let module = Origin::Module(molt_semantic::items::skeleton_map(db, file));
    let mut out: Vec<LocatedFunction<'_>> = molt_opt::optimized_module_mir(db, file)
        .iter()
        .map(|optimized| LocatedFunction {
            optimized,
            item: None,
            origin: module,
        })
        .collect();
    for item in &module_items(db, file).functions {
        let origin = Origin::of_item(db, *item);
        out.extend(
            molt_opt::optimized_function_mir(db, *item)
                .iter()
                .map(|optimized| LocatedFunction {
                    optimized,
                    item: Some(*item),
                    origin,
                }),
        );
    }
    out
}

struct Locator<'a> {
    text: &'a str,
    index: &'a molt_db::LineIndex,
    path: String,
}

impl Locator<'_> {
    fn location(&self, start: u32, end: u32) -> Location {
        let (text, index) = (self.text, self.index);
        let len = text.len() as u32;
        let (start, end) = (start.min(len), end.min(len).max(start.min(len)));
        let (sl, sc) = index.line_col(text, start);
        let (el, ec) = index.line_col(text, end);
        Location {
            file: self.path.clone(),
            start,
            end,
            start_pos: Position {
                line: sl,
                column: sc,
            },
            end_pos: Position {
                line: el,
                column: ec,
            },
        }
    }
}

fn lane(l: MirLane) -> Lane {
    match l {
        MirLane::Native => Lane::Native,
        MirLane::Guarded => Lane::Guarded,
        MirLane::Runtime => Lane::Runtime,
        MirLane::Dynamic => Lane::Dynamic,
    }
}

/// The remarks and coverage of `file` (default optimization level), sorted by position: a
/// copy of [`file_report_ref`].
pub fn file_report(db: &dyn Db, file: SourceFile) -> Report {
    file_report_ref(db, file).clone()
}

/// The remarks and coverage of `file` (default optimization level), sorted by position.
/// Cached: recomputed after a change to the file (the per-item MIR it reads is cached on its
/// own, so an edit re-optimizes only the edited function).
#[salsa::tracked(returns(ref))]
pub fn file_report_ref(db: &dyn Db, file: SourceFile) -> Report {
    let items: Vec<&RelativeReport> = module_items(db, file)
        .functions
        .iter()
        .map(|item| item_report(db, *item))
        .collect();
    assemble(db, file, module_report(db, file), &items)
}

/// [`file_report_ref`] of `file` as a module of `program`, as the program is built: with
/// the direct calls of functions of other modules (`molt_opt::linked_item_mir`), their
/// `call.direct` remarks and their lanes.
#[salsa::tracked(returns(ref))]
pub fn program_file_report<'db>(
    db: &'db dyn Db,
    program: molt_semantic::modules::Program<'db>,
    file: SourceFile,
) -> Report {
    let items: Vec<&RelativeReport> = module_items(db, file)
        .functions
        .iter()
        .map(|item| linked_item_report(db, program, *item))
        .collect();
    assemble(db, file, linked_module_report(db, program, file), &items)
}

/// The report of `file` from the relative reports of its top-level code and of its items
/// (in [`module_items`] order), located in the file and sorted.
fn assemble(
    db: &dyn Db,
    file: SourceFile,
    module_part: &RelativeReport,
    items: &[&RelativeReport],
) -> Report {
    let loc = Locator {
        text: file.text(db),
        index: line_index(db, file),
        path: file.path(db).display().to_string(),
    };
    let mut remarks = Vec::new();
    let mut coverage = Vec::new();
    let module = Origin::Module(molt_semantic::items::skeleton_map(db, file));
    place(&loc, module, module_part, &mut remarks, &mut coverage);
    for f in &mut coverage {
        // The module's "definition" is the start of the file, not a mapped span.
        f.location = loc.location(0, 0);
    }
    for (item, part) in module_items(db, file).functions.iter().zip(items) {
        let origin = Origin::of_item(db, *item);
        place(&loc, origin, part, &mut remarks, &mut coverage);
    }
    let mut report = Report::new(env!("CARGO_PKG_VERSION"), remarks, coverage);
    report.sort();
    report.dedup_locations();
    report
}

/// Remarks and coverage of one item (or of the module's top-level code), with locations
/// relative to the item (to the module skeleton for top-level code): byte offsets only, no
/// file and no line/column. Cached per item, so an edit recomputes only the edited item's;
/// [`file_report_ref`] places them in the file.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
struct RelativeReport {
    remarks: Vec<Remark>,
    coverage: Vec<FunctionCoverage>,
}

#[salsa::tracked(returns(ref))]
fn item_report<'db>(db: &'db dyn Db, item: FunctionItem<'db>) -> RelativeReport {
    let mut out = RelativeReport::default();
    let item_text: &str = item.text(db);
    for o in molt_opt::optimized_function_mir(db, item) {
        collect(Some(item_text), o, &mut out.remarks, &mut out.coverage);
    }
    drop_synthetic_fixes(db, item, &mut out);
    out
}

/// The text of an item the compiler wrote (a dataclass's `__init__`) is not in the file:
/// a fix editing it would edit the decorator its positions map to.
fn drop_synthetic_fixes(db: &dyn Db, item: FunctionItem<'_>, out: &mut RelativeReport) {
    if item.synthetic(db).is_some() {
        for r in &mut out.remarks {
            r.fix = None;
        }
    }
}

/// [`item_report`] of `item` as a module of `program` (see [`program_file_report`]).
#[salsa::tracked(returns(ref))]
fn linked_item_report<'db>(
    db: &'db dyn Db,
    program: molt_semantic::modules::Program<'db>,
    item: FunctionItem<'db>,
) -> RelativeReport {
    let mut out = RelativeReport::default();
    let item_text: &str = item.text(db);
    for o in molt_opt::linked_item_mir(db, program, item) {
        collect(Some(item_text), o, &mut out.remarks, &mut out.coverage);
    }
    drop_synthetic_fixes(db, item, &mut out);
    out
}

/// [`module_report`] of `file` as a module of `program` (see [`program_file_report`]).
#[salsa::tracked(returns(ref))]
fn linked_module_report<'db>(
    db: &'db dyn Db,
    program: molt_semantic::modules::Program<'db>,
    file: SourceFile,
) -> RelativeReport {
    let mut out = RelativeReport::default();
    for o in molt_opt::linked_module_mir(db, program, file) {
        collect(None, o, &mut out.remarks, &mut out.coverage);
    }
    out
}

#[salsa::tracked(returns(ref))]
fn module_report(db: &dyn Db, file: SourceFile) -> RelativeReport {
    let mut out = RelativeReport::default();
    for o in molt_opt::optimized_module_mir(db, file) {
        collect(None, o, &mut out.remarks, &mut out.coverage);
    }
    out
}

/// Appends `part` to `remarks` and `coverage` with its locations mapped through `origin` and
/// located in the file.
fn place(
    loc: &Locator<'_>,
    origin: Origin<'_>,
    part: &RelativeReport,
    remarks: &mut Vec<Remark>,
    coverage: &mut Vec<FunctionCoverage>,
) {
    let locate = |l: &mut Location| {
        let (start, end) = origin.range_to_file(l.start, l.end);
        *l = loc.location(start, end);
    };
    for r in &part.remarks {
        let mut r = r.clone();
        locate(&mut r.location);
        if let Some(fix) = &mut r.fix {
            locate(&mut fix.location);
        }
        remarks.push(r);
    }
    for f in &part.coverage {
        let mut f = f.clone();
        locate(&mut f.location);
        for op in &mut f.ops {
            locate(&mut op.location);
        }
        coverage.push(f);
    }
}

/// A location relative to an item (see [`RelativeReport`]).
fn relative(start: u32, end: u32) -> Location {
    let zero = Position { line: 0, column: 0 };
    Location {
        file: String::new(),
        start,
        end,
        start_pos: zero,
        end_pos: zero,
    }
}

fn collect(
    item_text: Option<&str>,
    o: &molt_opt::Optimized,
    remarks: &mut Vec<Remark>,
    coverage: &mut Vec<FunctionCoverage>,
) {
    let func = &o.func;
    // This function's remarks are filtered on their own below (filtering the whole list once
    // per function was quadratic in the file's size: 10 s for 18,000 functions).
    let first = remarks.len();
    let at = |span: molt_mir::Span| relative(span.start, span.end);
    for r in &o.remarks {
        remarks.push(Remark {
            pass: r.pass.into(),
            name: r.name.into(),
            kind: r.kind,
            function: r.function.to_string(),
            location: at(r.span),
            message: r.message.clone(),
            args: r.args.clone(),
            hotness: None,
            fix: None,
        });
    }
    // Coverage: one entry per (span, op), best lane. Instructions copied from inlined
    // bodies are the callees' code, covered (and remarked on) at the callees' own lines.
    let inlined: std::collections::HashSet<molt_mir::SiteId> =
        func.inlined_sites.iter().map(|o| o.site).collect();
    let mut ops: Vec<(molt_mir::Span, OpCoverage)> = Vec::new();
    let mut index: std::collections::HashMap<(molt_mir::Span, String), usize> = Default::default();
    for &block in &func.layout {
        for &inst in &func.blocks[block.index()].insts {
            let data = &func.insts[inst.index()];
            if inlined.contains(&data.site) {
                continue;
            }
            let Some((l, reason)) = molt_mir::lanes::lane(func, data) else {
                continue;
            };
            let text = molt_mir::display::kind_text(&data.kind);
            let op = text.split_whitespace().next().unwrap_or("").to_string();
            let location = at(data.span);
            if l == MirLane::Dynamic {
                dynamic_remark(func, &op, reason.as_deref(), &location, remarks);
            }
            if l != MirLane::Native {
                unbox_remark(func, data, &op, item_text, &location, remarks);
            }
            let entry = OpCoverage {
                op,
                lane: lane(l),
                location,
                reason: if l == MirLane::Native { None } else { reason },
            };
            match index.entry((data.span, entry.op.clone())) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    let existing = &mut ops[*e.get()].1;
                    if entry.lane < existing.lane {
                        *existing = entry;
                    }
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(ops.len());
                    ops.push((data.span, entry));
                }
            }
        }
    }
    // Dynamic remarks for operations whose best copy is not dynamic are dropped.
    let mut own = remarks.split_off(first);
    own.retain(|r| {
        let op = r.args.first().map(|(_, v)| v.as_str()).unwrap_or("");
        !(r.function == *func.name
            && r.name == "lane.dynamic"
            && ops.iter().any(|(_, o)| {
                o.lane != Lane::Dynamic
                    && o.op == op
                    && o.location.start == r.location.start
                    && o.location.end == r.location.end
            }))
    });
    remarks.append(&mut own);
    // The `def` line of an item's function; for the module, replaced by the start of the
    // file when placed.
    let name_len = item_text
        .and_then(|t| t.lines().next())
        .map(|l| l.trim_end().len() as u32)
        .unwrap_or(0);
    let def_location = relative(0, name_len);
    coverage.push(FunctionCoverage {
        function: func.name.to_string(),
        location: def_location,
        ops: ops.into_iter().map(|(_, o)| o).collect(),
    });
}

/// `lane.dynamic` for a dynamic operation `op` at `location`.
fn dynamic_remark(
    func: &Function,
    op: &str,
    reason: Option<&str>,
    location: &Location,
    remarks: &mut Vec<Remark>,
) {
    let reason = reason.unwrap_or("generic dispatch");
    remarks.push(Remark {
        pass: "coverage".into(),
        name: "lane.dynamic".into(),
        kind: molt_remarks::RemarkKind::Missed,
        function: func.name.to_string(),
        location: location.clone(),
        message: format!("`{op}` stays dynamic: {reason}"),
        args: vec![("op".into(), op.to_string())],
        hotness: None,
        fix: None,
    });
}

/// `unbox.missed`, with a fix, when an operand of arithmetic or a comparison that is not
/// native is a parameter without a usable annotation.
#[allow(clippy::too_many_arguments)]
fn unbox_remark(
    func: &Function,
    data: &molt_mir::InstData,
    op: &str,
    item_text: Option<&str>,
    location: &Location,
    remarks: &mut Vec<Remark>,
) {
    let operands: Vec<molt_mir::Value> = match &data.kind {
        InstKind::Binary { lhs, rhs, .. } | InstKind::Compare(_, lhs, rhs) => vec![*lhs, *rhs],
        InstKind::Unary(_, v) => vec![*v],
        _ => return,
    };
    for v in operands {
        let ValueDef::Param(block, i) = func.values[v.index()].def else {
            continue;
        };
        if block.0 != 0 || *func.ty(v) != molt_mir::Type::Dyn {
            continue;
        }
        let Some(param) = func.params.get(i as usize) else {
            continue;
        };
        let name = &param.name;
        let fix = item_text.and_then(|t| param_fix(t, data, location, name));
        if item_text.is_some() && fix.is_none() {
            // Annotated after all: this is the generic copy of a function versioned on the
            // annotation, which only runs for arguments that break it.
            continue;
        }
        remarks.push(Remark {
            pass: "unbox".into(),
            name: "unbox.missed".into(),
            kind: molt_remarks::RemarkKind::Missed,
            function: func.name.to_string(),
            location: location.clone(),
            message: format!(
                "`{name}` has no type annotation, so `{op}` checks its type at run time; annotate `{name}: int` (or `float`) if that is what it holds"
            ),
            args: vec![("param".into(), name.to_string())],
            hotness: None,
            fix,
        });
        break;
    }
}

/// An edit inserting `: int` after parameter `name` in the item's `def` line.
fn param_fix(
    item_text: &str,
    data: &molt_mir::InstData,
    location: &Location,
    name: &str,
) -> Option<molt_remarks::Fix> {
    let open = item_text.find('(')?;
    let close = open + item_text[open..].find(')')?;
    let params = &item_text[open + 1..close];
    let mut offset = 0;
    for part in params.split(',') {
        let trimmed = part.trim_start();
        let lead = part.len() - trimmed.len();
        let word: &str = trimmed
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        if word == name && !trimmed[word.len()..].trim_start().starts_with(':') {
            // File offset of the end of the name: the item's base is the op's location minus
            // the op's span start.
            let base = location.start - data.span.start;
            let end = base + (open + 1 + offset + lead + word.len()) as u32;
            return Some(molt_remarks::Fix {
                title: format!("annotate `{name}: int`"),
                location: relative(end, end),
                replacement: ": int".into(),
            });
        }
        offset += part.len() + 1;
    }
    None
}
