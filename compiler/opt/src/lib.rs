//! The optimizer: per-function optimized MIR, and the remarks that explain it.
//!
//! Every pass is its own module over MIR: it rewrites a [`Function`] and reports what it did
//! (and what it could not do, and why) as [`Remark`]s through a [`PassContext`]. In debug
//! builds (and so in every test) the verifier runs after every pass, and a failure is a
//! compiler bug that names the pass.
//!
//! Pipeline by [`OptLevel`]:
//! - `O0`: no optimization passes; annotation assumptions are dropped (they are facts only
//!   once guarded, see [`assumptions`]), which every level needs for correctness.
//! - `O1`: entry guards for annotations ([`assumptions`]), [`super_calls`], typed results of
//!   the builtin container constructors ([`builtin_ctors`]), [`direct_calls`], inline-cached
//!   attribute [`slots`], float speculation on slot loads ([`slot_types`]), [`copy_prop`],
//!   [`sccp`] (constant folding and branch folding), [`dce`].
//! - `O2` (the default): `O1` plus [`counted_loops`], [`cse`] (with redundant guard
//!   elimination) and [`licm`], then copy propagation, SCCP and DCE again.
//! - Both end with [`class_calls`] (direct construction of the module's classes), which
//!   wants the loop counters typed.
//! - Every level ends with [`int_loops`], which only reports the loops codegen compiles on
//!   machine integers.
//!
//! The queries ([`optimized_function_mir`], [`optimized_module_mir`]) run at the default level
//! and are what codegen, `--emit=mir` and the language server read; [`optimize_file_at`]
//! serves other levels (uncached).
//!
//! A build knows its program, and so which file each import names: its queries
//! ([`linked_item_mir`], [`linked_module_mir`], [`link_file_at`]) add the direct calls
//! of functions of other modules ([`cross_module`]) to the per-module result. They read only
//! the signatures of the imported modules, so editing a function body of one module
//! re-optimizes nothing of its importers.

pub mod assumptions;
pub mod builtin_ctors;
pub mod class_calls;
pub mod copy_prop;
pub mod counted_loops;
pub mod cross_module;
pub mod cse;
pub mod dce;
pub mod direct_calls;
pub mod inline;
pub mod int_loops;
pub mod licm;
pub mod method_loads;
pub mod sccp;
pub mod slot_types;
pub mod slots;
pub mod super_calls;
pub mod util;

use std::sync::Arc;

use molt_db::{Db, SourceFile};
use molt_lower::{LoweredItem, function_mir, module_mir};
use molt_mir::{Function, Span};
use molt_semantic::imported_calls::imported_functions;
use molt_semantic::modules::Program;
use molt_semantic::{FunctionItem, module_items};

/// How much to optimize (`--opt-level`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Default)]
pub enum OptLevel {
    /// No passes (assumptions dropped).
    O0,
    /// Cheap local passes.
    O1,
    /// Everything (the default for builds).
    #[default]
    O2,
}

impl OptLevel {
    /// Parses `0`, `1` or `2`.
    pub fn from_number(n: u8) -> Option<OptLevel> {
        match n {
            0 => Some(OptLevel::O0),
            1 => Some(OptLevel::O1),
            2 => Some(OptLevel::O2),
            _ => None,
        }
    }
}

pub use molt_remarks::RemarkKind;

/// A suggested source edit attached to a remark: insert `text` after the parameter `param`'s
/// name in the function's `def` (the driver locates it in the source).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Fix {
    /// What the edit does, e.g. "annotate `n: int`".
    pub title: String,
    /// The parameter to annotate.
    pub param: Box<str>,
    /// Text to insert after the parameter name, e.g. `: int`.
    pub text: String,
}

/// One optimization remark (after LLVM's optimization records), located by a span relative
/// to the function's source item (see [`molt_mir::Span`]).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Remark {
    /// The pass, e.g. `licm`.
    pub pass: &'static str,
    /// The stable dotted code, e.g. `licm.hoisted`.
    pub name: &'static str,
    /// Applied, missed or analysis.
    pub kind: RemarkKind,
    /// The MIR function's qualified name.
    pub function: Box<str>,
    /// Where, relative to the function's source item.
    pub span: Span,
    /// A sentence for a Python programmer; missed remarks say why and how to fix.
    pub message: String,
    /// Ordered key/value details.
    pub args: Vec<(String, String)>,
    /// A suggested edit, when the fix is mechanical.
    pub fix: Option<Fix>,
}

/// What passes report through.
pub struct PassContext<'a> {
    /// The database (for the module index).
    pub db: &'a dyn Db,
    /// The module's index (stable functions, classes).
    pub index: &'a molt_semantic::ModuleIndex,
    /// The level being run.
    pub level: OptLevel,
    /// The attribute names some class of the module keeps in a fixed slot
    /// ([`slot_attribute_names`]); `None` in pass tests, which compute them per function.
    pub slot_names: Option<&'a std::collections::BTreeSet<Box<str>>>,
    /// The attribute names expected to hold floats ([`slot_float_hints`]); `None` in pass
    /// tests, which compute them per function.
    pub float_hints: Option<&'a std::collections::BTreeMap<Box<str>, slot_types::FloatHint>>,
    /// The bodies [`inline`] may copy, by MIR function name: a function's MIR after the
    /// passes before inlining ([`pre_inline_function`]), `None` when it is not of this
    /// module. `None` (no inlining) outside `O2` and in pass tests that give none.
    pub callees: Option<&'a dyn Fn(&str) -> Option<Arc<Function>>>,
    remarks: Vec<Remark>,
    function: Box<str>,
}

impl<'a> PassContext<'a> {
    /// A context for optimizing the function named `function` (pass tests build their own).
    pub fn new(
        db: &'a dyn Db,
        index: &'a molt_semantic::ModuleIndex,
        level: OptLevel,
        function: &str,
    ) -> PassContext<'a> {
        PassContext {
            db,
            index,
            level,
            slot_names: None,
            float_hints: None,
            callees: None,
            remarks: Vec::new(),
            function: function.into(),
        }
    }

    /// The remarks recorded so far.
    pub fn into_remarks(self) -> Vec<Remark> {
        self.remarks
    }

    /// Records a remark about the current function.
    pub fn remark(
        &mut self,
        pass: &'static str,
        name: &'static str,
        kind: RemarkKind,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Remark {
        self.remarks.push(Remark {
            pass,
            name,
            kind,
            function: self.function.clone(),
            span,
            message: message.into(),
            args: Vec::new(),
            fix: None,
        });
        let last = self.remarks.len() - 1;
        &mut self.remarks[last]
    }
}

/// One optimized function and its remarks.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Optimized {
    /// The optimized MIR (verified in debug builds).
    pub func: Arc<Function>,
    /// Remarks of every pass, in pass order.
    pub remarks: Vec<Remark>,
}

/// A pass: rewrites the function and reports through the context.
pub type Pass = fn(&mut Function, &mut PassContext<'_>);

/// Every pass by its name in the pipeline (for pass tests and debugging).
pub const PASSES: &[(&str, Pass)] = &[
    ("assumptions", assumptions::run),
    ("method_loads", method_loads::run),
    ("super_calls", super_calls::run),
    ("builtin_ctors", builtin_ctors::run),
    ("direct_calls", direct_calls::run),
    ("copy_prop", copy_prop::run),
    ("sccp", sccp::run),
    ("dce", dce::run),
    ("counted_loops", counted_loops::run),
    ("cse", cse::run),
    ("licm", licm::run),
    ("inline", inline::run),
    ("slots", slots::run),
    ("slot_types", slot_types::run),
    ("class_calls", class_calls::run),
    ("int_loops", int_loops::run),
];

/// The pass named `name` (see [`PASSES`]).
pub fn pass(name: &str) -> Option<Pass> {
    PASSES.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
}

/// The passes of `level` before [`inline`] and after it.
fn phases(level: OptLevel) -> (Vec<(&'static str, Pass)>, Vec<(&'static str, Pass)>) {
    let mut before: Vec<(&'static str, Pass)> = vec![
        ("assumptions", assumptions::run),
        ("method_loads", method_loads::run),
    ];
    if level >= OptLevel::O1 {
        before.push(("super_calls", super_calls::run));
        before.push(("builtin_ctors", builtin_ctors::run));
        before.push(("direct_calls", direct_calls::run));
        before.push(("slots", slots::run));
        before.push(("slot_types", slot_types::run));
        before.push(("copy_prop", copy_prop::run));
        before.push(("sccp", sccp::run));
        before.push(("dce", dce::run));
    }
    let mut after: Vec<(&'static str, Pass)> = Vec::new();
    if level >= OptLevel::O2 {
        after.push(("counted_loops", counted_loops::run));
        after.push(("cse", cse::run));
        after.push(("licm", licm::run));
        after.push(("copy_prop", copy_prop::run));
        after.push(("sccp", sccp::run));
        after.push(("dce", dce::run));
    }
    if level >= OptLevel::O1 {
        // Last: loop counters are typed by then (see `class_calls`).
        after.push(("class_calls", class_calls::run));
    }
    // Remarks only: codegen compiles the integer loops of the final MIR at every level.
    after.push(("int_loops", int_loops::run));
    (before, after)
}

/// Runs `passes` on `f`. In debug builds the verifier checks the result of every pass; a
/// failure panics naming the pass (a compiler bug).
fn run_passes(f: &mut Function, ctx: &mut PassContext<'_>, passes: &[(&'static str, Pass)]) {
    for (name, pass) in passes {
        pass(f, ctx);
        if cfg!(debug_assertions) {
            if let Err(errors) = molt_mir::verify::verify(f) {
                let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                panic!(
                    "invalid MIR after pass {name} in {}:\n{}\n{f}",
                    f.name,
                    errors.join("\n")
                );
            }
        }
    }
}

/// Runs the pipeline of `level` on one function, without inlining (the cached queries,
/// [`optimized_function_mir`] and [`optimized_module_mir`], inline). In debug builds the verifier checks the result of every pass; a failure panics
/// naming the pass (a compiler bug).
pub fn optimize(
    db: &dyn Db,
    index: &molt_semantic::ModuleIndex,
    slot_names: Option<&std::collections::BTreeSet<Box<str>>>,
    func: &Arc<Function>,
    level: OptLevel,
) -> Optimized {
    optimize_with(db, index, slot_names, None, func, level)
}

/// [`optimize`] with the module's float hints for slot speculation ([`slot_float_hints`];
/// `None`: computed per function).
pub fn optimize_with(
    db: &dyn Db,
    index: &molt_semantic::ModuleIndex,
    slot_names: Option<&std::collections::BTreeSet<Box<str>>>,
    float_hints: Option<&std::collections::BTreeMap<Box<str>, slot_types::FloatHint>>,
    func: &Arc<Function>,
    level: OptLevel,
) -> Optimized {
    let setting = Setting {
        db,
        index,
        slot_names,
        float_hints,
        level,
    };
    let before = setting.run(func, Phase::Before, None);
    setting.run(&before.func, Phase::After, Some(before.remarks))
}

/// What the passes of one module see (see [`PassContext`]).
#[derive(Clone, Copy)]
struct Setting<'a> {
    db: &'a dyn Db,
    index: &'a molt_semantic::ModuleIndex,
    slot_names: Option<&'a std::collections::BTreeSet<Box<str>>>,
    float_hints: Option<&'a std::collections::BTreeMap<Box<str>, slot_types::FloatHint>>,
    level: OptLevel,
}

/// What runs after something was inlined: the caller's values flow into the body.
const CLEANUP: &[(&str, Pass)] = &[
    ("copy_prop", copy_prop::run),
    ("sccp", sccp::run),
    ("dce", dce::run),
];

/// Which passes [`Setting::run`] runs.
enum Phase<'a> {
    /// Those before inlining.
    Before,
    /// Inlining with these bodies (when anything is inlined, a copy propagation, SCCP and
    /// DCE follow), then the passes after it.
    Inline(&'a dyn Fn(&str) -> Option<Arc<Function>>),
    /// The passes after inlining, without it.
    After,
}

impl Setting<'_> {
    /// Runs `phase` on `func`, after the remarks `earlier` of the phases before.
    fn run(
        &self,
        func: &Arc<Function>,
        phase: Phase<'_>,
        earlier: Option<Vec<Remark>>,
    ) -> Optimized {
        let mut f = (**func).clone();
        let mut ctx = PassContext {
            db: self.db,
            index: self.index,
            level: self.level,
            slot_names: self.slot_names,
            float_hints: self.float_hints,
            callees: None,
            remarks: earlier.unwrap_or_default(),
            function: func.name.clone(),
        };
        let (before, after) = phases(self.level);
        match phase {
            Phase::Before => run_passes(&mut f, &mut ctx, &before),
            Phase::Inline(callees) => {
                if self.level >= OptLevel::O2 {
                    ctx.callees = Some(callees);
                    let sites = f.inlined_sites.len();
                    run_passes(&mut f, &mut ctx, &[("inline", inline::run)]);
                    if f.inlined_sites.len() > sites {
                        run_passes(&mut f, &mut ctx, CLEANUP);
                    }
                    // Constructions exist once `class_calls` ran (the last pass but the
                    // remarks-only `int_loops`): their `__init__`s are inlined then.
                    let (main, last) = after.split_at(after.len() - 1);
                    run_passes(&mut f, &mut ctx, main);
                    let sites = f.inlined_sites.len();
                    run_passes(&mut f, &mut ctx, &[("inline", inline::run_constructors)]);
                    if f.inlined_sites.len() > sites {
                        run_passes(&mut f, &mut ctx, CLEANUP);
                    }
                    run_passes(&mut f, &mut ctx, last);
                } else {
                    run_passes(&mut f, &mut ctx, &after);
                }
            }
            Phase::After => run_passes(&mut f, &mut ctx, &after),
        }
        Optimized {
            func: if f == **func {
                func.clone()
            } else {
                Arc::new(f)
            },
            remarks: ctx.remarks,
        }
    }
}

/// The MIR of one item's functions after the passes before inlining (default level): what
/// [`inline`] copies into callers, and what [`optimized_function_mir`] continues from.
#[salsa::tracked(returns(ref))]
pub fn pre_inline_function_mir<'db>(db: &'db dyn Db, item: FunctionItem<'db>) -> Vec<Optimized> {
    let file = item.file(db);
    let setting = module_setting(db, file, OptLevel::default());
    function_mir(db, item)
        .functions
        .iter()
        .map(|f| setting.run(f, Phase::Before, None))
        .collect()
}

/// The MIR of the module's top-level code after the passes before inlining (see
/// [`pre_inline_function_mir`]).
#[salsa::tracked(returns(ref))]
pub fn pre_inline_module_mir(db: &dyn Db, file: SourceFile) -> Vec<Optimized> {
    let setting = module_setting(db, file, OptLevel::default());
    module_mir(db, file)
        .functions
        .iter()
        .map(|f| setting.run(f, Phase::Before, None))
        .collect()
}

fn module_setting(db: &dyn Db, file: SourceFile, level: OptLevel) -> Setting<'_> {
    Setting {
        db,
        index: molt_semantic::module_index(db, file),
        slot_names: Some(slot_attribute_names(db, file)),
        float_hints: Some(slot_float_hints(db, file)),
        level,
    }
}

/// The function items of a file by qualified name (sorted), for finding the item of a MIR
/// function name.
#[derive(Clone, PartialEq, Eq, Debug, salsa::SalsaValue)]
pub struct ItemsByName<'db> {
    sorted: Vec<(String, FunctionItem<'db>)>,
}

/// [`ItemsByName`] of `file`: changes only when items are added, removed or renamed.
#[salsa::tracked(returns(ref))]
pub fn items_by_name(db: &dyn Db, file: SourceFile) -> ItemsByName<'_> {
    let mut sorted: Vec<(String, FunctionItem<'_>)> = module_items(db, file)
        .functions
        .iter()
        .map(|item| (item.qualname(db).clone(), *item))
        .collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    ItemsByName { sorted }
}

/// The MIR of function `name` of `file` after the passes before inlining (what [`inline`]
/// copies): `None` when no item of the file defines it. A nested function is found in the
/// item of its outermost enclosing `def`.
pub fn pre_inline_function(db: &dyn Db, file: SourceFile, name: &str) -> Option<Arc<Function>> {
    let items = items_by_name(db, file);
    // The item: the longest qualified name that is `name` or a prefix of it ending a part.
    let mut prefix = name;
    loop {
        if let Ok(k) = items
            .sorted
            .binary_search_by(|(n, _)| n.as_str().cmp(prefix))
        {
            let item = items.sorted[k].1;
            return pre_inline_function_mir(db, item)
                .iter()
                .find(|o| &*o.func.name == name)
                .map(|o| o.func.clone());
        }
        prefix = &prefix[..prefix.rfind('.')?];
    }
}

/// Finishes the optimization of `pre` (a function after the passes before inlining):
/// inlining with the bodies of `file`'s functions, then the passes after it.
fn finish(db: &dyn Db, file: SourceFile, pre: &Optimized) -> Optimized {
    let setting = module_setting(db, file, OptLevel::default());
    let callees = |name: &str| pre_inline_function(db, file, name);
    setting.run(
        &pre.func,
        Phase::Inline(&callees),
        Some(pre.remarks.clone()),
    )
}

/// The optimized MIR of one item's functions (default level).
#[salsa::tracked(returns(ref))]
pub fn optimized_function_mir<'db>(db: &'db dyn Db, item: FunctionItem<'db>) -> Vec<Optimized> {
    let file = item.file(db);
    pre_inline_function_mir(db, item)
        .iter()
        .map(|pre| finish(db, file, pre))
        .collect()
}

/// The optimized MIR of the module's top-level code (default level).
#[salsa::tracked(returns(ref))]
pub fn optimized_module_mir(db: &dyn Db, file: SourceFile) -> Vec<Optimized> {
    pre_inline_module_mir(db, file)
        .iter()
        .map(|pre| finish(db, file, pre))
        .collect()
}

/// The attribute names that some class of `file` keeps in a fixed slot (the classes whose
/// attribute access can be cached: bound by one `class` statement, no `__slots__`, no
/// attribute hook), computed once per revision for every function of the module
/// ([`crate::slots`]).
#[salsa::tracked(returns(ref))]
pub fn slot_attribute_names(db: &dyn Db, file: SourceFile) -> std::collections::BTreeSet<Box<str>> {
    slots::slot_names(db, molt_semantic::module_index(db, file))
}

/// The attribute names that the classes of `file` are expected to keep floats in, with
/// where the expectation comes from ([`slot_types::float_hints`]), computed once per
/// revision for every function of the module.
#[salsa::tracked(returns(ref))]
pub fn slot_float_hints(
    db: &dyn Db,
    file: SourceFile,
) -> std::collections::BTreeMap<Box<str>, slot_types::FloatHint> {
    slot_types::float_hints(db, molt_semantic::module_index(db, file))
}

fn optimize_all(
    db: &dyn Db,
    index: &molt_semantic::ModuleIndex,
    file: SourceFile,
    lowered: &LoweredItem,
    level: OptLevel,
) -> Vec<Optimized> {
    let slot_names = slot_attribute_names(db, file);
    let float_hints = slot_float_hints(db, file);
    lowered
        .functions
        .iter()
        .map(|f| optimize_with(db, index, Some(slot_names), Some(float_hints), f, level))
        .collect()
}

/// Every optimized function of `file` in source order (`<module>` first), default level.
pub fn optimized_file(db: &dyn Db, file: SourceFile) -> Vec<Arc<Function>> {
    let mut out: Vec<Arc<Function>> = optimized_module_mir(db, file)
        .iter()
        .map(|o| o.func.clone())
        .collect();
    for item in &module_items(db, file).functions {
        out.extend(
            optimized_function_mir(db, *item)
                .iter()
                .map(|o| o.func.clone()),
        );
    }
    out
}

/// Every optimized function of `file` at `level`, `<module>` first: the cached queries for the
/// default level, a fresh (uncached) run for the others.
pub fn optimize_file_at(db: &dyn Db, file: SourceFile, level: OptLevel) -> Vec<Arc<Function>> {
    if level == OptLevel::default() {
        return optimized_file(db, file);
    }
    let index = molt_semantic::module_index(db, file);
    let mut out: Vec<Arc<Function>> = optimize_all(db, index, file, module_mir(db, file), level)
        .into_iter()
        .map(|o| o.func)
        .collect();
    for item in &module_items(db, file).functions {
        out.extend(
            optimize_all(db, index, file, function_mir(db, *item), level)
                .into_iter()
                .map(|o| o.func),
        );
    }
    out
}

/// Adds the direct calls of functions of other modules of `program` ([`cross_module`]) to
/// the optimized functions of one item (or the top-level code) of `file`, at `level`.
fn link(
    db: &dyn Db,
    program: Program<'_>,
    file: SourceFile,
    optimized: &[Optimized],
    level: OptLevel,
) -> Vec<Optimized> {
    let imported = imported_functions(db, program, file);
    if imported.is_empty() || level < OptLevel::O1 {
        return optimized.to_vec();
    }
    let index = molt_semantic::module_index(db, file);
    optimized
        .iter()
        .map(|o| {
            let mut f = (*o.func).clone();
            let mut ctx = PassContext::new(db, index, level, &f.name);
            cross_module::run(&mut f, &mut ctx, imported);
            if cfg!(debug_assertions)
                && let Err(errors) = molt_mir::verify::verify(&f)
            {
                let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                panic!(
                    "invalid MIR after pass cross_module in {}:\n{}\n{f}",
                    f.name,
                    errors.join("\n")
                );
            }
            let mut remarks = o.remarks.clone();
            remarks.extend(ctx.into_remarks());
            Optimized {
                func: if f == *o.func {
                    o.func.clone()
                } else {
                    Arc::new(f)
                },
                remarks,
            }
        })
        .collect()
}

/// [`optimized_function_mir`] of `item` as a module of `program`: with direct calls of the
/// functions it imports from other modules ([`cross_module`]). Re-runs only when the item's
/// optimized MIR or the signatures it imports change.
#[salsa::tracked(returns(ref))]
pub fn linked_item_mir<'db>(
    db: &'db dyn Db,
    program: Program<'db>,
    item: FunctionItem<'db>,
) -> Vec<Optimized> {
    let file = item.file(db);
    link(
        db,
        program,
        file,
        optimized_function_mir(db, item),
        OptLevel::default(),
    )
}

/// [`optimized_module_mir`] of `file` as a module of `program` (see
/// [`linked_item_mir`]).
#[salsa::tracked(returns(ref))]
pub fn linked_module_mir<'db>(
    db: &'db dyn Db,
    program: Program<'db>,
    file: SourceFile,
) -> Vec<Optimized> {
    link(
        db,
        program,
        file,
        optimized_module_mir(db, file),
        OptLevel::default(),
    )
}

/// Every optimized function of `file` as a module of `program` at `level`, `<module>` first
/// ([`optimize_file_at`] with the direct calls of [`cross_module`]): the cached queries for
/// the default level, a fresh (uncached) run for the others.
pub fn link_file_at(
    db: &dyn Db,
    program: Program<'_>,
    file: SourceFile,
    level: OptLevel,
) -> Vec<Arc<Function>> {
    if level == OptLevel::default() {
        let mut out: Vec<Arc<Function>> = linked_module_mir(db, program, file)
            .iter()
            .map(|o| o.func.clone())
            .collect();
        for item in &module_items(db, file).functions {
            out.extend(
                linked_item_mir(db, program, *item)
                    .iter()
                    .map(|o| o.func.clone()),
            );
        }
        return out;
    }
    let index = molt_semantic::module_index(db, file);
    let mut out: Vec<Arc<Function>> = link(
        db,
        program,
        file,
        &optimize_all(db, index, file, module_mir(db, file), level),
        level,
    )
    .into_iter()
    .map(|o| o.func)
    .collect();
    for item in &module_items(db, file).functions {
        out.extend(
            link(
                db,
                program,
                file,
                &optimize_all(db, index, file, function_mir(db, *item), level),
                level,
            )
            .into_iter()
            .map(|o| o.func),
        );
    }
    out
}
