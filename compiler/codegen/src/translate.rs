//! Translation of one MIR function to Cranelift IR.
//!
//! Every MIR value is a boxed runtime value (an `i64` word, see `docs/runtime.md`); each MIR
//! instruction becomes a call into the runtime (the optimizer issue adds native lanes).
//! Reference counting follows ownership: every value is owned by the frame from its
//! definition to its last use, after which it is released ([`crate::liveness`]); a block
//! parameter owns its own reference (branches add one per argument); on an exception edge
//! the values that die on that edge are released before entering the handler (or returning
//! the error to the caller). Values of type `float`, `bool` and `none` are never heap
//! objects and skip reference counting; constants are immortal and are not incremented.
//!
//! Calls move their arguments, as CPython 3.11 moves a call's arguments into the callee's
//! frame: a compiled function's entry owns one reference per parameter (no `incref` on
//! entry; they are released with its other locals). At a call site an argument whose last
//! use is the call is moved (the caller neither increments nor releases it); one that stays
//! alive in the caller is shared (incremented for a compiled callee). Generic calls pass the
//! runtime a mask of the moved arguments (`molt_runtime::call::Moved`), which releases them
//! after a callee that only borrows them (builtins, classes).

use cranelift_codegen::entity::packed_option::ReservedValue;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    self, AbiParam, BlockArg, InstBuilder, Signature, StackSlotData, StackSlotKind, types,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use molt_mir::{
    BinaryOp, BlockCall, CmpOp, Constant, Function, InstData, InstKind, IntConst, Type, Value,
};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::CodegenError;
use crate::liveness::{Held, Liveness};
use crate::profile::{self, Points};
use crate::split::{Cut, Plan, Range};
use crate::symbols::{Rt, Symbols};
use cranelift_module::FuncId;
use molt_abi as abi;
use molt_mir::lanes::{Strategy, strategy};

mod int_functions;
mod int_loops;

pub(crate) use int_functions::machine_signature;

const I64: ir::Type = types::I64;
const I8: ir::Type = types::I8;
const I32: ir::Type = types::I32;

// The value words and object layout of the ABI (`molt_abi`), as Cranelift immediates.
/// `None`.
pub const NONE: i64 = abi::value::NONE as i64;
/// `False`.
pub const FALSE: i64 = abi::value::FALSE as i64;
/// `True`.
pub const TRUE: i64 = abi::value::TRUE as i64;
/// *unbound*.
pub const UNBOUND: i64 = abi::value::UNBOUND as i64;
/// *error*.
pub const ERROR: i64 = abi::value::ERROR as i64;
/// *exhausted*.
pub const EXHAUSTED: i64 = abi::value::EXHAUSTED as i64;
/// Payload mask of tagged words.
const PAYLOAD_MASK: i64 = abi::value::PAYLOAD_MASK as i64;
/// Tag bits of an inline int, in place.
const INT_TAG: i64 = abi::value::INT_TAG_BITS as i64;
/// The tags (bits 63..48) of pointers, inline ints, bools and `None`.
const TAG_PTR: i64 = abi::value::TAG_PTR as i64;
const TAG_INT: i64 = abi::value::TAG_INT as i64;
const TAG_BOOL: i64 = abi::value::TAG_BOOL as i64;
const TAG_NONE: i64 = abi::value::TAG_NONE as i64;
/// `Kind::Instance` in the object header; as a `u64` read at [`HEADER_KIND_OFFSET`] it also
/// says the header flags are 0.
const KIND_INSTANCE: i64 = abi::layout::KIND_INSTANCE as i64;
/// `Kind::List` in the object header.
const KIND_LIST: i64 = abi::layout::KIND_LIST as i64;
/// `Kind::Iter` in the object header, an iterator's variant and `Seq`'s fields.
const KIND_ITER: i64 = abi::layout::KIND_ITER as i64;
const ITER_VARIANT_OFFSET: i32 = abi::layout::ITER_VARIANT_OFFSET;
const ITER_SEQ: i64 = abi::layout::ITER_SEQ as i64;
const ITER_SEQ_OFFSET: i32 = abi::layout::ITER_SEQ_OFFSET;
const ITER_SEQ_INDEX_OFFSET: i32 = abi::layout::ITER_SEQ_INDEX_OFFSET;
/// `Kind::Tuple` in the object header; byte offsets of a tuple's item count and of its
/// first item (the items are in the object).
const KIND_TUPLE: i64 = abi::layout::KIND_TUPLE as i64;
const TUPLE_LEN_OFFSET: i32 = abi::layout::TUPLE_LEN_OFFSET;
const TUPLE_ITEMS_OFFSET: i32 = abi::layout::TUPLE_ITEMS_OFFSET;
/// Byte offset of a list's item array address and of its item count.
const LIST_ITEMS_OFFSET: i32 = abi::layout::LIST_ITEMS_OFFSET;
const LIST_LEN_OFFSET: i32 = abi::layout::LIST_LEN_OFFSET;
const LIST_CAP_OFFSET: i32 = abi::layout::LIST_CAP_OFFSET;
/// Byte offset of the header's kind and flags.
const HEADER_KIND_OFFSET: i32 = abi::layout::HEADER_KIND_OFFSET;
/// Byte offset of an instance's class.
const INSTANCE_CLASS_OFFSET: i32 = abi::layout::INSTANCE_CLASS_OFFSET;
/// Byte offset of an instance's slot array pointer.
const INSTANCE_SLOTS_OFFSET: i32 = abi::layout::INSTANCE_SLOTS_OFFSET;
/// Byte offset of a class's shape.
const CLASS_SHAPE_OFFSET: i32 = abi::layout::CLASS_SHAPE_OFFSET;

/// What changes across one instruction, for the forward walk over a block: the operands
/// whose last use it is (no longer live after it), whether its result is live after it, the
/// values held before it but not after it, and those held after it but not before (its
/// result, a `bind`'s operands).
/// One step of the shared tail of exception edges ([`Translator::raise_edge`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum TailStep {
    /// Releases the frame's reference to the value.
    Release(Value),
    /// Hands the values of the frame's slots to the pending exception (`molt_exc_hold`).
    HoldSlots,
    /// Hands the frame's reference to the value to the pending exception.
    Hold(Value),
    /// Hands the frame's function to the pending exception (`molt_exc_hold_func`).
    HoldFunc,
}

#[derive(Default)]
struct BlockStep {
    dying: Vec<Value>,
    result_live: bool,
    held: Vec<Value>,
    newly_held: Vec<Value>,
}

/// The signature of every compiled Python function: `(func, args) -> value`.
pub fn python_signature(call_conv: CallConv) -> Signature {
    let mut sig = Signature::new(call_conv);
    sig.params.push(AbiParam::new(I64));
    sig.params.push(AbiParam::new(I64));
    sig.returns.push(AbiParam::new(I64));
    sig
}

/// Translates `func` (MIR) into `clif` (an empty Cranelift function with the Python
/// signature); `points` are its profile points ([`Points::of`]).
pub fn translate(
    func: &Function,
    clif: &mut ir::Function,
    symbols: &Symbols,
    points: &Points,
) -> Result<(), CodegenError> {
    let liveness = Liveness::compute(func);
    let held = Held::compute(func);
    let ranges: Vec<Range> = func
        .layout
        .iter()
        .map(|&block| Range {
            block,
            start: 0,
            end: func.blocks[block.index()].insts.len(),
            end_cut: None,
        })
        .collect();
    let part = Part {
        ranges: &ranges,
        cuts: &[],
        entry: None,
        next: None,
        whole: true,
    };
    translate_with(func, clif, symbols, points, &liveness, &held, &part, None)
}

/// Translates the machine copy of integer function `func` ([`molt_mir::int_functions`]) into
/// `clif` (an empty Cranelift function with signature [`machine_signature`]).
pub(crate) fn translate_machine(
    func: &Function,
    ifn: &molt_mir::int_functions::IntFunction,
    clif: &mut ir::Function,
    symbols: &Symbols,
    points: &Points,
) -> Result<(), CodegenError> {
    let liveness = Liveness::compute(func);
    let held = Held::compute(func);
    let part = Part {
        ranges: &[],
        cuts: &[],
        entry: None,
        next: None,
        whole: false,
    };
    translate_with(
        func,
        clif,
        symbols,
        points,
        &liveness,
        &held,
        &part,
        Some(ifn),
    )
}

/// Translates part `index` of `func` as `plan` cuts it ([`crate::split`]) into `clif`; `next`
/// is the function of part `index + 1` (none for the last part).
pub(crate) fn translate_part(
    func: &Function,
    clif: &mut ir::Function,
    symbols: &Symbols,
    points: &Points,
    plan: &Plan,
    index: usize,
    next: Option<FuncId>,
) -> Result<(), CodegenError> {
    let part = Part {
        ranges: &plan.parts[index],
        cuts: &plan.cuts,
        entry: index.checked_sub(1).map(|c| &plan.cuts[c]),
        next,
        whole: false,
    };
    translate_with(
        func,
        clif,
        symbols,
        points,
        &plan.liveness,
        &plan.held,
        &part,
        None,
    )
}

/// What one Cranelift function translates of a MIR function: all of it, or one part.
struct Part<'a> {
    /// Slices of blocks, in layout order.
    ranges: &'a [Range],
    /// The plan's cuts ([`Range::end_cut`] indexes them).
    cuts: &'a [Cut],
    /// The cut this part starts at, whose live values arrive in the argument array.
    entry: Option<&'a Cut>,
    /// The function of the next part.
    next: Option<FuncId>,
    /// The whole function (no plan).
    whole: bool,
}

/// Translates `part` of `func`, or with `machine`, the function's machine copy.
#[allow(clippy::too_many_arguments)]
fn translate_with(
    func: &Function,
    clif: &mut ir::Function,
    symbols: &Symbols,
    points: &Points,
    liveness: &Liveness,
    held: &Held,
    part: &Part<'_>,
    machine: Option<&molt_mir::int_functions::IntFunction>,
) -> Result<(), CodegenError> {
    let mut fctx = FunctionBuilderContext::new();
    // Source locations are MIR sites (absolute: base 0), for the sampler's code-offset map.
    clif.params.ensure_base_srcloc(ir::SourceLoc::new(0));
    let mut b = FunctionBuilder::new(clif, &mut fctx);
    let mut t = Translator {
        func,
        symbols,
        liveness,
        held,
        frame_held: crate::liveness::FrameHeld::compute(func),
        held_after: FxHashSet::default(),
        exit_keep: Vec::new(),
        slots_released: false,
        moved: Vec::new(),
        uses: use_counts(func),
        unpacked: FxHashMap::default(),
        wide: FxHashMap::default(),
        inline_depths: inline_depths(func),
        inline_depth: 0,
        range_end: 0,
        values: FxHashMap::default(),
        conds: FxHashMap::default(),
        blocks: Vec::new(),
        slots: FxHashMap::default(),
        slot_order: Vec::new(),
        scratch: None,
        func_param: None,
        imported: FxHashMap::default(),
        imported_data: FxHashMap::default(),
        points,
        position: (0, 0),
        counters: symbols.counters.get(&*func.name).map(|d| d.as_u32()),
        counters_slot: None,
        profile_on_slot: None,
        tails: FxHashMap::default(),
        tail_ends: FxHashMap::default(),
        int_loops: if part.whole {
            int_loops::plan(func)
        } else {
            Vec::new()
        },
        int_function: if part.whole && symbols.machine.contains_key(&*func.name) {
            molt_mir::int_functions::find(func)
        } else {
            None
        },
    };
    match machine {
        Some(ifn) => t.machine_copy(&mut b, ifn)?,
        None => t.run(&mut b, part)?,
    }
    b.seal_all_blocks();
    b.finalize(symbols.frontend);
    Ok(())
}

/// Per site of `func` under frames CPython has and `func` does not, how many: the inlined
/// calls it was copied from (`Function::inlined_sites`), and the comprehensions and class
/// bodies lowering inlined that it runs in (`Function::inlined_frames`, by the rule of the
/// traceback tables: within the frame's body, not the construct itself, not its first
/// iterable, which runs in the enclosing frame). A class body counts twice: CPython 3.11's
/// `__build_class__` enters the interpreter again to run it, which takes a level of the
/// limit besides the frame (measured: a call in a class body fails two levels sooner than
/// one in a function, one in a comprehension one level sooner). Sites under none are left
/// out.
fn inline_depths(func: &molt_mir::Function) -> FxHashMap<molt_mir::SiteId, i64> {
    let within = |a: molt_mir::Span, b: molt_mir::Span| b.start <= a.start && a.end <= b.end;
    let calls: FxHashMap<molt_mir::SiteId, i64> = func
        .inlined_sites
        .iter()
        .map(|o| (o.site, o.frames.len() as i64))
        .collect();
    let mut depths = FxHashMap::default();
    for inst in &func.insts {
        let frames = func
            .inlined_frames
            .iter()
            .filter(|f| {
                within(inst.span, f.body)
                    && inst.span != f.span
                    && !f.outside.is_some_and(|o| within(inst.span, o))
            })
            .map(|f| if f.name.starts_with('<') { 1 } else { 2 })
            .sum::<i64>();
        let k = frames + calls.get(&inst.site).copied().unwrap_or(0);
        if k > 0 {
            depths.insert(inst.site, k);
        }
    }
    depths
}

/// How a compiled call keeps its function object alive while the callee runs (CPython's
/// frame holds its function, `f_func`, until it returns).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Hold {
    /// Something else keeps it (a method cache's or a class's reference).
    Borrowed,
    /// A reference is taken before the call and released after it (the function came from
    /// a direct-call slot, whose reference goes if the global is rebound meanwhile).
    Take,
    /// The caller's own reference to it (its last use) is released after the call.
    Owned,
}

/// The sequences an index operation reads inline ([`Translator::seq_index_inline`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum SeqKinds {
    /// A list (the value is one).
    List,
    /// A tuple (the value is one).
    Tuple,
    /// A list or a tuple, told apart by the object's kind (a value of unknown type).
    Dyn,
}

/// The number of operand uses of each value of `func` (by value index).
fn use_counts(func: &Function) -> Vec<u32> {
    let mut uses = vec![0u32; func.values.len()];
    for data in &func.blocks {
        for inst in &data.insts {
            func.insts[inst.index()]
                .kind
                .visit_operands(|v| uses[v.index()] += 1);
        }
    }
    uses
}

/// How a call site passes one argument.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pass {
    /// The call is the argument's last use: the caller's reference goes to the call.
    Move,
    /// The argument stays alive in the caller: a compiled callee gets a new reference.
    Share,
    /// Not reference counted (a float, bool or `None`) or a constant (immortal): passed as
    /// it is, borrowed for the runtime, neither incremented nor released.
    Plain,
}

/// A guarded integer operation's result as a machine integer, for its only use (another
/// guarded integer operation or comparison in the same range, [`Translator::int_arith`]): `raw` (`i64`)
/// holds the value when `ok` (`i8`) is 1, which the fast path always sets, even for a value
/// beyond the inline range (48 bits) that the word cannot hold. The value's word is then a
/// placeholder (the inline int 0): only the generic path of the use needs the word, and the
/// runtime boxes `raw` there ([`Translator::generic_wide`]). When the operation took its own
/// generic path, `ok` says whether the runtime's result is an inline int (`raw` is its
/// payload).
///
/// `(seed * 1103515245 + 12345) % 2147483648` so computes the 61-bit product and the sum in
/// registers, where CPython (and the plain guarded code) allocates two big ints.
#[derive(Clone, Copy)]
struct Wide {
    raw: ir::Value,
    ok: ir::Value,
}

struct Translator<'a> {
    func: &'a Function,
    symbols: &'a Symbols,
    liveness: &'a Liveness,
    /// Values held by Python names (see [`Held`]).
    held: &'a Held,
    /// Values held by the frames of inlined comprehensions (see
    /// [`crate::liveness::FrameHeld`]).
    frame_held: crate::liveness::FrameHeld,
    /// The held values after the instruction being translated: what an exception leaving
    /// the function there hands to the exception.
    held_after: FxHashSet<Value>,
    /// Values of the frame-exit `keepalive` directly before a `raise` leaving the function:
    /// the exception takes them.
    exit_keep: Vec<Value>,
    /// The slots were released by the frame-exit `keepalive` before a `return`.
    slots_released: bool,
    /// The values whose reference the instruction being translated (a call) took over:
    /// they are not released after it, nor on its exception edge.
    moved: Vec<Value>,
    /// The number of operand uses of each MIR value (by index) in the function.
    uses: Vec<u32>,
    /// The results of `unpack`s whose extracts read the items inline ([`Translator::unpack`]),
    /// with the address of the first item.
    unpacked: FxHashMap<Value, ir::Value>,
    /// The results of guarded integer operations kept in a machine register for their only
    /// use, a guarded integer operation or comparison later in the same range
    /// ([`Translator::int_arith`]).
    wide: FxHashMap<Value, Wide>,
    /// Per site of an instruction copied from inlined bodies, how many inlined calls it is
    /// in (`Function::inlined_sites`).
    inline_depths: FxHashMap<molt_mir::SiteId, i64>,
    /// The [`Self::inline_depths`] entry of the instruction being translated (0 for the
    /// function's own code): the frames CPython would have above this function's. The
    /// runtime calls it makes, and the compiled calls, count them in the recursion depth
    /// (`molt_depth`) while they run, so that Python code they run sees CPython's depth.
    inline_depth: i64,
    /// The end (exclusive instruction index) of the block range being translated.
    range_end: usize,
    values: FxHashMap<Value, ir::Value>,
    /// For `bool` values made from a machine condition (a comparison, a type test, a truth
    /// test): that condition (`i8`, 1 for `True`), so that a `brif` on the value tests it
    /// directly instead of comparing the word with `True` again (the word itself, a
    /// `select`, is then dead code when nothing else uses it).
    conds: FxHashMap<Value, ir::Value>,
    blocks: Vec<ir::Block>,
    /// Stack slot of each local kept in a slot (`slot.load`/`slot.store`).
    slots: FxHashMap<Box<str>, ir::StackSlot>,
    /// The slots in CPython's frame order (first appearance in the MIR, parameters first):
    /// the order a frame exit releases them in.
    slot_order: Vec<ir::StackSlot>,
    /// Scratch space for argument arrays (8 bytes per value).
    scratch: Option<ir::StackSlot>,
    func_param: Option<ir::Value>,
    imported: FxHashMap<Rt, ir::FuncRef>,
    imported_data: FxHashMap<u32, ir::GlobalValue>,
    /// The profile points of the function ([`crate::profile`]).
    points: &'a Points,
    /// The MIR block and instruction index being translated (for exception-edge counters).
    position: (u32, u32),
    /// The function's counter array (a data object).
    counters: Option<u32>,
    /// In a function with loops, the stack slot that holds the address of the counters.
    counters_slot: Option<ir::StackSlot>,
    /// In a function with loops, the stack slot that holds `molt_profile_on` as read on
    /// entry.
    profile_on_slot: Option<ir::StackSlot>,
    /// The shared tails of exception edges: a step and the block after it → the block that
    /// does the step and jumps there ([`Translator::raise_edge`]).
    tails: FxHashMap<(TailStep, ir::Block), ir::Block>,
    /// The last block of the exception edges into each handler (entering it with the
    /// pending exception; `None`: returning *error*).
    tail_ends: FxHashMap<Option<molt_mir::Block>, ir::Block>,
    /// The integer loops that get a machine-integer copy ([`int_loops`]; none in a part of
    /// a split function).
    int_loops: Vec<int_loops::LoopCopy>,
    /// The function's machine copy, when it has one ([`int_functions`]): the generic code
    /// enters it at the start of the typed version.
    int_function: Option<molt_mir::int_functions::IntFunction>,
}

impl Translator<'_> {
    fn run(&mut self, b: &mut FunctionBuilder<'_>, part: &Part<'_>) -> Result<(), CodegenError> {
        let func = self.func;
        // Blocks: a Cranelift entry block taking (func, args), then one block per MIR block.
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        // (A part creates the blocks whose start it translates; the others are never named.)
        let mut starts_here = vec![part.whole; func.blocks.len()];
        for r in part.ranges.iter().filter(|r| r.start == 0) {
            starts_here[r.block.index()] = true;
        }
        for (data, &here) in func.blocks.iter().zip(&starts_here) {
            if !here {
                self.blocks.push(ir::Block::reserved_value());
                continue;
            }
            let block = b.create_block();
            for _ in &data.params {
                b.append_block_param(block, I64);
            }
            self.blocks.push(block);
        }
        // Slots and scratch space (a part has no slots: `split::plan`).
        let mut slot_names: Vec<Box<str>> = Vec::new();
        let mut max_array = 3usize;
        if let Some(cut) = part.ranges.iter().find_map(|r| r.end_cut) {
            max_array = max_array.max(part.cuts[cut].live.len());
        }
        let part_insts = part.ranges.iter().flat_map(|r| {
            func.blocks[r.block.index()].insts[r.start..r.end]
                .iter()
                .map(|i| &func.insts[i.index()])
        });
        let insts: Box<dyn Iterator<Item = &InstData>> = if part.whole {
            Box::new(func.insts.iter())
        } else {
            Box::new(part_insts)
        };
        for inst in insts {
            match &inst.kind {
                InstKind::SlotLoad(n) | InstKind::SlotStore(n, _) | InstKind::SlotDel(n) => {
                    let n: Box<str> = slot_of(n).into();
                    if !slot_names.contains(&n) {
                        slot_names.push(n);
                    }
                }
                InstKind::Call { args, .. } | InstKind::CallMethod { args, .. } => {
                    max_array = max_array.max(args.positional.len() + args.keywords.len());
                }
                // The direct path of a `call.method.loaded` passes the receiver first.
                InstKind::CallMethodLoaded { args, .. } => {
                    max_array = max_array.max(args.positional.len() + args.keywords.len() + 1);
                }
                InstKind::CallDirect { args, .. } => max_array = max_array.max(args.len()),
                InstKind::CallSuper { args, .. } => {
                    max_array = max_array.max(args.positional.len() + args.keywords.len() + 1);
                }
                InstKind::CallMethodDirect { args, .. }
                | InstKind::CallClassDirect { args, .. } => {
                    max_array = max_array.max(args.len() + 1)
                }
                InstKind::MakeClass { slots, .. } => max_array = max_array.max(slots.len()),
                InstKind::BuildList(vs)
                | InstKind::BuildTuple(vs)
                | InstKind::BuildSet(vs)
                | InstKind::BuildDict(vs)
                | InstKind::BuildString(vs) => max_array = max_array.max(vs.len()),
                InstKind::MakeFunction {
                    defaults, closure, ..
                } => max_array = max_array.max(defaults.len() + closure.len()),
                _ => {}
            }
        }
        for name in slot_names {
            let slot =
                b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
            self.slots.insert(name, slot);
            self.slot_order.push(slot);
        }
        self.scratch = Some(b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            (max_array * 8) as u32,
            3,
        )));

        b.switch_to_block(entry);
        let params = b.block_params(entry).to_vec();
        self.func_param = Some(params[0]);
        // Profiling: in a function with loops, the address of the counters goes to a stack
        // slot (see `counters_base`); the entry count is slot 0, when it cannot be derived.
        if let Some(counters) = self.counters
            && self.points.has_loops
        {
            let slot =
                b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
            let addr = self.data_addr(b, counters);
            b.ins().stack_store(I64, addr, slot, 0);
            self.counters_slot = Some(slot);
            let slot =
                b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
            let on = self.data_addr(b, self.symbols.profile_on.as_u32());
            let on = b.ins().load(I64, ir::MemFlagsData::trusted(), on, 0);
            b.ins().stack_store(I64, on, slot, 0);
            self.profile_on_slot = Some(slot);
        }
        if part.entry.is_none() && self.points.counts_entries() {
            self.bump(b, 0);
        }
        let unbound = b.ins().iconst(I64, UNBOUND);
        for slot in self.slot_order.clone() {
            b.ins().stack_store(I64, unbound, slot, 0);
        }
        // Entry MIR block parameters: the bound arguments, owned (the caller moved one
        // reference per argument into the call). A later part gets the values live at its
        // cut instead, owned the same way.
        let mut args = Vec::new();
        let entry_values = part.entry.map_or(&[][..], |cut| &cut.live[..]);
        let count = match part.entry {
            Some(cut) => cut.live.len(),
            None => func.blocks[0].params.len(),
        };
        for i in 0..count {
            let v = b
                .ins()
                .load(I64, ir::MemFlagsData::trusted(), params[1], (i * 8) as i32);
            args.push(BlockArg::Value(v));
        }
        let continuation = match part.entry {
            None => {
                b.ins().jump(self.blocks[0], &args);
                None
            }
            Some(_) => {
                for (v, arg) in entry_values.iter().zip(&args) {
                    if let BlockArg::Value(x) = arg {
                        self.values.insert(*v, *x);
                    }
                }
                let block = b.create_block();
                b.ins().jump(block, &[]);
                Some(block)
            }
        };

        for range in part.ranges {
            let block = range.block;
            let data = &func.blocks[block.index()];
            let cb = match continuation {
                Some(c) if range.start > 0 => c,
                _ => self.blocks[block.index()],
            };
            b.switch_to_block(cb);
            // The block's own code (releases of unused parameters) belongs to its first site.
            let first_site = data
                .insts
                .get(range.start)
                .map(|i| func.insts[i.index()].site);
            b.set_srcloc(first_site.map_or(ir::SourceLoc::default(), |s| {
                ir::SourceLoc::new(s.index() as u32)
            }));
            if range.start == 0 {
                let bparams = b.block_params(cb).to_vec();
                for (p, v) in data.params.iter().zip(bparams) {
                    self.values.insert(*p, v);
                }
                if self.int_function.as_ref().is_some_and(|f| f.entry == block) {
                    self.int_function_entry(b)?;
                }
            }
            let slice = &data.insts[range.start..range.end];
            // Liveness and held values within the block. A backward walk records, per
            // instruction, what changes across it (the operands whose last use it is,
            // whether its result is used later, the values it makes held); the forward walk
            // below replays those changes on one set each, so the cost is linear in the
            // block's size instead of one set copy per instruction.
            // A range that stops at a cut starts from the state there.
            let end_cut = range.end_cut.map(|c| &part.cuts[c]);
            let mut live = match end_cut {
                Some(cut) => cut.live_set.clone(),
                None => self.liveness.live_out[block.index()].clone(),
            };
            let mut held = match end_cut {
                Some(cut) => cut.held.clone(),
                None => self.held.out(block).clone(),
            };
            let mut steps: Vec<BlockStep> = Vec::with_capacity(slice.len());
            for inst in slice.iter().rev() {
                let d = &func.insts[inst.index()];
                let mut step = BlockStep {
                    result_live: d.result.is_some_and(|r| live.contains(&r)),
                    ..BlockStep::default()
                };
                if let Some(r) = d.result {
                    live.remove(&r);
                }
                d.kind.visit_operands(|v| {
                    if live.insert(*v) {
                        step.dying.push(*v);
                    }
                });
                self.held
                    .step_back_delta(func, d, &mut held, &mut step.held, &mut step.newly_held);
                steps.push(step);
            }
            steps.reverse();
            self.held_after = held;
            self.exit_keep.clear();
            self.slots_released = false;
            for (k, inst) in slice.iter().enumerate() {
                let i = range.start + k;
                let d = &func.insts[inst.index()];
                let step = &steps[k];
                for v in &step.dying {
                    live.remove(v);
                }
                if step.result_live {
                    live.extend(d.result);
                }
                for v in &step.held {
                    self.held_after.remove(v);
                }
                self.held_after.extend(step.newly_held.iter().copied());
                let after = &live;
                if i == 0 {
                    // Parameters nobody uses die on entry.
                    for p in &data.params {
                        if !after.contains(p) && !self.used_by(data.insts.first(), *p) {
                            self.release(b, *p);
                        }
                    }
                }
                b.set_srcloc(ir::SourceLoc::new(d.site.index() as u32));
                self.position = (block.index() as u32, i as u32);
                self.inline_depth = self.inline_depths.get(&d.site).copied().unwrap_or(0);
                self.range_end = range.end;
                self.moved.clear();
                if d.kind.is_terminator() {
                    self.terminator(b, block, d, after)?;
                } else {
                    self.instruction(b, block, d, after)?;
                    // A frame-exit `keepalive`: before a `return`, the slots go first (CPython
                    // releases `co_varnames` before the cells); before a `raise` leaving the
                    // function, what dies here goes to the exception.
                    let next = data.insts.get(i + 1).map(|n| &func.insts[n.index()].kind);
                    let is_keepalive = matches!(d.kind, InstKind::KeepAlive(_));
                    let exits_by_raise = is_keepalive
                        && matches!(next, Some(InstKind::Raise(..)))
                        && data.handler.is_none();
                    if is_keepalive && matches!(next, Some(InstKind::Return(_))) {
                        self.release_slots(b);
                        self.slots_released = true;
                    }
                    // Release operands whose last use this was, and an unused result.
                    let mut dying: Vec<Value> = Vec::new();
                    d.kind.visit_operands(|v| {
                        if !after.contains(v) && !dying.contains(v) && !self.moved.contains(v) {
                            dying.push(*v);
                        }
                    });
                    if let Some(r) = d.result {
                        if !after.contains(&r) {
                            dying.push(r);
                        }
                    }
                    for v in dying {
                        if exits_by_raise {
                            if self.needs_rc(v) {
                                self.exit_keep.push(v);
                            }
                        } else {
                            self.release(b, v);
                        }
                    }
                }
            }
            self.inline_depth = 0;
            if let Some(cut) = end_cut {
                self.call_next_part(b, part, cut, &live)?;
            }
        }
        self.int_loop_copies(b)
    }

    /// Ends a part at `cut`: calls the next part with the values live there (their
    /// references move to it) and returns what it returns, the function's result or *error*
    /// (the traceback entry is the next part's, under this function's descriptor).
    fn call_next_part(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        part: &Part<'_>,
        cut: &Cut,
        live: &FxHashSet<Value>,
    ) -> Result<(), CodegenError> {
        let internal = |message: &str| CodegenError::Internal {
            function: self.func.name.to_string(),
            message: message.into(),
        };
        let next = part
            .next
            .ok_or_else(|| internal("a cut without a next part"))?;
        if *live != cut.live_set {
            return Err(internal("the live values at a cut differ from its plan"));
        }
        let vals = cut
            .live
            .iter()
            .map(|v| self.val(*v))
            .collect::<Result<Vec<_>, _>>()?;
        let arr = self.array(b, &vals);
        let func_param = self
            .func_param
            .ok_or_else(|| internal("no function parameter"))?;
        let sig = python_signature(self.symbols.call_conv);
        let callee = self.symbols.import_local_function(b.func, next, sig);
        let call = b.ins().call(callee, &[func_param, arr]);
        let result = b.inst_results(call)[0];
        b.ins().return_(&[result]);
        Ok(())
    }

    fn used_by(&self, inst: Option<&molt_mir::Inst>, v: Value) -> bool {
        inst.is_some_and(|i| self.func.insts[i.index()].kind.operands().contains(&v))
    }

    fn needs_rc(&self, v: Value) -> bool {
        !matches!(
            self.func.ty(v),
            Type::Float | Type::Bool | Type::None | Type::Never
        ) && !self.is_immediate_constant(v)
    }

    /// Whether `v` is a constant whose word is not a pointer (a small int, `Unbound`):
    /// reference counting does nothing to it, so no code is emitted for it.
    fn is_immediate_constant(&self, v: Value) -> bool {
        let molt_mir::ValueDef::Result(inst) = self.func.values[v.index()].def else {
            return false;
        };
        match &self.func.insts[inst.index()].kind {
            InstKind::Const(Constant::Int(IntConst::Small(i))) => {
                (-(1i64 << 47)..(1i64 << 47)).contains(i)
            }
            InstKind::Const(
                Constant::Unbound | Constant::None | Constant::Bool(_) | Constant::Float(_),
            ) => true,
            _ => false,
        }
    }

    fn val(&self, v: Value) -> Result<ir::Value, CodegenError> {
        self.values
            .get(&v)
            .copied()
            .ok_or_else(|| CodegenError::Internal {
                function: self.func.name.to_string(),
                message: format!("{v} used before its definition was translated"),
            })
    }

    fn rt(&mut self, b: &mut FunctionBuilder<'_>, f: Rt) -> ir::FuncRef {
        if let Some(r) = self.imported.get(&f) {
            return *r;
        }
        let r = self.symbols.import_runtime(b.func, f);
        self.imported.insert(f, r);
        r
    }

    fn call_rt(&mut self, b: &mut FunctionBuilder<'_>, f: Rt, args: &[ir::Value]) -> ir::Value {
        // In an inlined body, Python code the runtime runs (a dunder method, a generic
        // call) runs as deep as CPython runs it: under the frames inlined away. Not around
        // the depth count of a compiled call (`compiled_call` adds them itself) or the
        // exception bookkeeping of an edge.
        let k = self.inline_depth;
        let wrap = k > 0
            && !matches!(
                f,
                Rt::EnterCall
                    | Rt::LeaveCall
                    | Rt::DepthEnter
                    | Rt::TbAdd
                    | Rt::ExcFetch
                    | Rt::ExcHold
                    | Rt::ExcHoldFunc
            );
        if wrap {
            self.adjust_depth(b, k);
        }
        let r = self.rt(b, f);
        let args = crate::symbols::fit_args(b, f, args);
        let call = b.ins().call(r, &args);
        let result = b
            .inst_results(call)
            .first()
            .copied()
            .unwrap_or_else(|| b.ins().iconst(I64, 0));
        if wrap {
            self.adjust_depth(b, -k);
        }
        result
    }

    /// Adds `delta` to the runtime's call depth (`molt_depth`).
    fn adjust_depth(&mut self, b: &mut FunctionBuilder<'_>, delta: i64) {
        let cells = self.data_addr(b, self.symbols.depth.as_u32());
        let flags = ir::MemFlagsData::trusted();
        let depth = b.ins().load(I32, flags, cells, 0);
        let depth = b.ins().iadd_imm_s(depth, delta);
        b.ins().store(flags, depth, cells, 0);
    }

    /// `incref`, inlined: pointer values (tag `0xFFF8`) get their count (offset 0) bumped.
    fn incref(&mut self, b: &mut FunctionBuilder<'_>, v: ir::Value) {
        if iconst_of(b, v).is_some_and(|w| (w as u64 >> 48) as i64 != TAG_PTR) {
            return;
        }
        let tag = b.ins().ushr_imm_u(v, 48);
        let is_ptr = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_PTR);
        let inc = b.create_block();
        let cont = b.create_block();
        b.ins().brif(is_ptr, inc, &[], cont, &[]);
        b.switch_to_block(inc);
        let p = b.ins().band_imm_u(v, PAYLOAD_MASK);
        let rc = b.ins().load(I64, ir::MemFlagsData::trusted(), p, 0);
        let rc1 = b.ins().iadd_imm_s(rc, 1);
        b.ins().store(ir::MemFlagsData::trusted(), rc1, p, 0);
        b.ins().jump(cont, &[]);
        b.switch_to_block(cont);
    }

    /// Adds `delta` to the reference count of `v`, known to be a heap object that another
    /// reference keeps alive (no tag test, no release at zero).
    fn add_to_count(&mut self, b: &mut FunctionBuilder<'_>, v: ir::Value, delta: i64) {
        let p = b.ins().band_imm_u(v, PAYLOAD_MASK);
        let rc = b.ins().load(I64, ir::MemFlagsData::trusted(), p, 0);
        let rc1 = b.ins().iadd_imm_s(rc, delta);
        b.ins().store(ir::MemFlagsData::trusted(), rc1, p, 0);
    }

    /// `decref`, inlined; the object is freed by `molt_dealloc` when its count reaches 0.
    fn decref(&mut self, b: &mut FunctionBuilder<'_>, v: ir::Value) {
        if iconst_of(b, v).is_some_and(|w| (w as u64 >> 48) as i64 != TAG_PTR) {
            return;
        }
        let tag = b.ins().ushr_imm_u(v, 48);
        let is_ptr = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_PTR);
        let dec = b.create_block();
        let free = b.create_block();
        let cont = b.create_block();
        b.set_cold_block(free);
        b.ins().brif(is_ptr, dec, &[], cont, &[]);
        b.switch_to_block(dec);
        let p = b.ins().band_imm_u(v, PAYLOAD_MASK);
        let rc = b.ins().load(I64, ir::MemFlagsData::trusted(), p, 0);
        let rc1 = b.ins().iadd_imm_s(rc, -1);
        b.ins().store(ir::MemFlagsData::trusted(), rc1, p, 0);
        let dead = b.ins().icmp_imm_s(IntCC::Equal, rc1, 0);
        b.ins().brif(dead, free, &[], cont, &[]);
        b.switch_to_block(free);
        let r = self.rt(b, Rt::Dealloc);
        b.ins().call(r, &[v]);
        b.ins().jump(cont, &[]);
        b.switch_to_block(cont);
    }

    /// Releases the frame's reference to MIR value `v` (if it holds one).
    fn release(&mut self, b: &mut FunctionBuilder<'_>, v: Value) {
        if !self.needs_rc(v) {
            return;
        }
        if let Some(&cv) = self.values.get(&v) {
            self.decref(b, cv);
        }
    }

    /// [`Self::release`] on the path of an exception leaving the function: a call of
    /// `molt_decref` instead of the inline test, decrement and test (one block instead of
    /// three, and a third of the instructions, for code that runs only when an exception
    /// propagates).
    fn release_cold(&mut self, b: &mut FunctionBuilder<'_>, v: Value) {
        if !self.needs_rc(v) {
            return;
        }
        if let Some(&cv) = self.values.get(&v)
            && !iconst_of(b, cv).is_some_and(|w| (w as u64 >> 48) as i64 != TAG_PTR)
        {
            self.call_rt(b, Rt::Decref, &[cv]);
        }
    }

    /// The profile point of `d`, if it is counted.
    fn point(&self, d: &InstData) -> Option<profile::Point> {
        self.points.at(d.site.index() as u32)
    }

    /// Adds one to counter `slot`. Counters count whether profiling is on or not (a memory
    /// add each, with no test of the switch: cheaper than a test, and nothing stays live
    /// across the function); the runtime reads them only when a profile is recorded, and
    /// zeroes them when the recording starts.
    fn bump(&mut self, b: &mut FunctionBuilder<'_>, slot: u32) {
        let Some(counters) = self.counters else {
            return;
        };
        let base = self.counters_base(b, counters);
        let mem = ir::MemFlagsData::trusted();
        let offset = (slot * 8) as i32;
        let old = b.ins().load(I64, mem, base, offset);
        let new = b.ins().iadd_imm_s(old, 1);
        b.ins().store(mem, new, base, offset);
    }

    /// The byte offset of an exact str's text from its object address, on the target.
    fn str_text_offset(&self) -> i32 {
        if self.symbols.wasm32 {
            abi::layout::STR_TEXT_OFFSET_32
        } else {
            abi::layout::STR_TEXT_OFFSET_64
        }
    }

    /// The length in bytes (an `i64`) of the exact str at address `p`, read as the target
    /// stores it (a `usize`: 32 bits on wasm32).
    fn str_byte_len(&self, b: &mut FunctionBuilder<'_>, p: ir::Value) -> ir::Value {
        let mem = ir::MemFlagsData::trusted();
        if self.symbols.wasm32 {
            b.ins().uload32(mem, p, abi::layout::STR_LEN_OFFSET_32)
        } else {
            b.ins().load(I64, mem, p, abi::layout::STR_LEN_OFFSET_64)
        }
    }

    /// The address of this function's counter array (`counters`, its data id).
    ///
    /// The address is a constant (a GOT load), which Cranelift treats as pure: it would
    /// hoist it out of loops, and reuse it from one update to the next ones it dominates,
    /// keeping it in a register through the loop or the rest of the function (and the
    /// values it displaces on the stack). So a function with loops loads it from its stack
    /// slot (a load stays where it is), and the others use a global value of their own per
    /// update, which nothing shares.
    fn counters_base(&mut self, b: &mut FunctionBuilder<'_>, counters: u32) -> ir::Value {
        match self.counters_slot {
            Some(slot) => b.ins().stack_load(I64, I64, slot, 0),
            None => {
                let gv = self.symbols.import_data(b.func, counters);
                b.ins().symbol_value(I64, gv)
            }
        }
    }

    /// The address of counter `slot` of this function's counter array, for a runtime
    /// helper that counts (see [`Self::counters_base`] for where the array's address
    /// comes from); `None` when the function has no counters.
    fn counter_addr(&mut self, b: &mut FunctionBuilder<'_>, slot: u32) -> Option<ir::Value> {
        let base = self.counters_base(b, self.counters?);
        Some(b.ins().iadd_imm_s(base, i64::from(slot) * 8))
    }

    /// Runs `count` (which updates deopt counters) only while profiling. Deopts are counted
    /// on slow paths, but a slow path can be the common one (floats through an int
    /// operation's guard), so its counters test the switch first: a load and a branch
    /// when profiling is off. The switch comes from the stack slot of a function with loops
    /// (see `counters_base`), else from an unshared global value.
    fn when_profiling(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        count: impl FnOnce(&mut Self, &mut FunctionBuilder<'_>),
    ) {
        if self.counters.is_none() {
            return;
        }
        let on = match self.profile_on_slot {
            Some(slot) => b.ins().stack_load(I64, I64, slot, 0),
            None => {
                let gv = self
                    .symbols
                    .import_data(b.func, self.symbols.profile_on.as_u32());
                let addr = b.ins().symbol_value(I64, gv);
                b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0)
            }
        };
        let inc = b.create_block();
        let cont = b.create_block();
        b.set_cold_block(inc);
        b.ins().brif(on, inc, &[], cont, &[]);
        b.switch_to_block(inc);
        count(self, b);
        b.ins().jump(cont, &[]);
        b.switch_to_block(cont);
    }

    /// Counts a guard failure of `d` (its point's slot `which`), on a slow path.
    fn count_failure(&mut self, b: &mut FunctionBuilder<'_>, d: &InstData, which: u32) {
        if let Some(p) = self.point(d) {
            self.when_profiling(b, |t, b| t.bump(b, p.slot + which));
        }
    }

    /// Counts the normal edge `succ` of the current block, when it has a counter.
    fn count_edge(&mut self, b: &mut FunctionBuilder<'_>, succ: u32) {
        if let Some(slot) = self.points.normal_edge(self.position.0, succ) {
            self.bump(b, slot);
        }
    }

    fn data_addr(&mut self, b: &mut FunctionBuilder<'_>, data: u32) -> ir::Value {
        let gv = match self.imported_data.get(&data) {
            Some(gv) => *gv,
            None => {
                let gv = self.symbols.import_data(b.func, data);
                self.imported_data.insert(data, gv);
                gv
            }
        };
        b.ins().symbol_value(I64, gv)
    }

    /// Loads a constant cached in a data slot by the module initializer.
    fn cached(&mut self, b: &mut FunctionBuilder<'_>, slot: u32) -> ir::Value {
        let addr = self.data_addr(b, slot);
        b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0)
    }

    fn str_const(&mut self, b: &mut FunctionBuilder<'_>, s: &str) -> ir::Value {
        let slot = self.symbols.str_slot(s);
        self.cached(b, slot)
    }

    fn module(&mut self, b: &mut FunctionBuilder<'_>) -> ir::Value {
        // Every function's module has a slot (`compile_program` declares one per prefix).
        let slot = self
            .symbols
            .module_slot(&self.func.name)
            .unwrap_or(self.symbols.ellipsis_slot());
        self.cached(b, slot)
    }

    /// Stores values into the scratch array and returns its address.
    fn array(&mut self, b: &mut FunctionBuilder<'_>, vals: &[ir::Value]) -> ir::Value {
        let scratch = self
            .scratch
            .expect("scratch slot is created before translation");
        for (i, v) in vals.iter().enumerate() {
            b.ins().stack_store(I64, *v, scratch, (i * 8) as i32);
        }
        b.ins().stack_addr(I64, scratch, 0)
    }

    /// The owned values at an exception edge leaving instruction `d` in `block`: its operands
    /// (except those a call took over) and everything live after it.
    fn owned_at_raise(&self, d: &InstData, after: &FxHashSet<Value>) -> Vec<Value> {
        let mut out: Vec<Value> = after.iter().copied().collect();
        d.kind.visit_operands(|v| {
            if !out.contains(v) && !self.moved.contains(v) {
                out.push(*v);
            }
        });
        out.sort();
        out
    }

    /// Emits the exceptional exit of `d`: records this frame at `site` on the exception's
    /// traceback (`None` for a re-raise, which adds no entry), releases the values that die
    /// on the edge, then enters the handler with the pending exception or returns *error*.
    ///
    /// Only the first two steps are the edge's own code; the rest is a chain of
    /// [`TailStep`] blocks shared with every other edge whose remaining steps are the same
    /// (hash-consed in `tails`, so two edges share the longest common suffix of their
    /// steps). Releases go innermost (latest defined) first, so the values of enclosing
    /// loops, which every edge inside them releases, come last and are emitted once per
    /// loop instead of once per edge: code grows linearly with the nesting depth, not with
    /// its square.
    fn raise_edge(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        owned: &[Value],
        site: Option<molt_mir::SiteId>,
    ) -> Result<(), CodegenError> {
        if let Some(slot) = self.points.raise_edge(self.position.0, self.position.1) {
            self.bump(b, slot);
        }
        if let Some(site) = site {
            let code =
                self.symbols
                    .code_data(&self.func.name)
                    .ok_or_else(|| CodegenError::Internal {
                        function: self.func.name.to_string(),
                        message: "no descriptor for the function".into(),
                    })?;
            let code = self.data_addr(b, code);
            let site = b.ins().iconst(I32, i64::from(site.index() as u32));
            self.call_rt(b, Rt::TbAdd, &[code, site]);
        }
        // (A value without a translation is the failing instruction's own result, never
        // defined on this edge: skipped.)
        let defined = |t: &Self, v: &Value| t.needs_rc(*v) && t.values.contains_key(v);
        let handler = self.func.blocks[block.index()].handler;
        let mut steps: Vec<TailStep> = Vec::new();
        // The exception leaves the inlined comprehensions it was raised in: their frames'
        // values (`.0`, the variables) go to it, innermost frame first, whatever handler
        // catches it (CPython's traceback keeps those frames).
        let keep = handler.map(|h| self.liveness.live_in(h));
        let frame_kept: Vec<Value> = self
            .frame_held
            .after(self.func, block, self.position.1 as usize)
            .into_iter()
            .filter(|v| owned.contains(v) && defined(self, v))
            .filter(|v| !keep.is_some_and(|k| k.contains(v)))
            .collect();
        let owned: Vec<Value> = owned
            .iter()
            .filter(|v| !frame_kept.contains(v))
            .copied()
            .collect();
        let owned = &owned[..];
        let frame_steps = frame_kept.iter().map(|v| TailStep::Hold(*v));
        match handler {
            Some(h) => {
                // Temporaries are released innermost (latest defined) first, as CPython
                // unwinds its value stack.
                let keep = self.liveness.live_in(h);
                steps.extend(
                    owned
                        .iter()
                        .rev()
                        .filter(|v| !keep.contains(v) && defined(self, v))
                        .map(|v| TailStep::Release(*v)),
                );
                steps.extend(frame_steps);
            }
            None => {
                // The function is left with an exception: temporaries are released, and
                // what the frame's names hold goes to the exception (its traceback keeps the
                // frame alive in CPython): the slots, the locals of a frame-exit
                // `keepalive`, then the other held values.
                let mut held: Vec<Value> = Vec::new();
                for v in owned.iter().rev() {
                    if self.held_after.contains(v) && self.needs_rc(*v) {
                        held.push(*v);
                    } else if defined(self, v) {
                        steps.push(TailStep::Release(*v));
                    }
                }
                held.reverse();
                steps.extend(frame_steps);
                if !self.slot_order.is_empty() {
                    steps.push(TailStep::HoldSlots);
                }
                let keep = self.exit_keep.iter().chain(&held);
                steps.extend(
                    keep.filter(|v| self.values.contains_key(v))
                        .map(|v| TailStep::Hold(*v)),
                );
                // The frame also keeps its function (CPython's `f_func`), and so the
                // function's defaults and closure cells, released after the locals.
                if !self.func.is_generator
                    && &*self.func.name != "<module>"
                    && self.func_param.is_some()
                {
                    steps.push(TailStep::HoldFunc);
                }
            }
        }
        // The chain, from its end: existing blocks are reused, new ones filled below (after
        // this block's jump, as the builder fills one block at a time).
        let mut fresh: Vec<(ir::Block, Option<(TailStep, ir::Block)>)> = Vec::new();
        let mut next = match self.tail_ends.get(&handler) {
            Some(&end) => end,
            None => {
                let end = b.create_block();
                b.set_cold_block(end);
                self.tail_ends.insert(handler, end);
                fresh.push((end, None));
                end
            }
        };
        for step in steps.into_iter().rev() {
            next = match self.tails.get(&(step, next)) {
                Some(&shared) => shared,
                None => {
                    let new = b.create_block();
                    b.set_cold_block(new);
                    self.tails.insert((step, next), new);
                    fresh.push((new, Some((step, next))));
                    new
                }
            };
        }
        b.ins().jump(next, &[]);
        for (new, step) in fresh {
            b.switch_to_block(new);
            let Some((step, next)) = step else {
                match handler {
                    Some(h) => {
                        let exc = self.call_rt(b, Rt::ExcFetch, &[]);
                        b.ins()
                            .jump(self.blocks[h.index()], &[BlockArg::Value(exc)]);
                    }
                    None => {
                        let err = b.ins().iconst(I64, ERROR);
                        b.ins().return_(&[err]);
                    }
                }
                continue;
            };
            match step {
                // Leaving the function (the exception propagates: a traceback entry and
                // the frame's holds cost more than a call), a release is a call; into a
                // handler of this function (exceptions as control flow, often in a loop), it
                // stays inline.
                TailStep::Release(v) if handler.is_none() => self.release_cold(b, v),
                TailStep::Release(v) => self.release(b, v),
                TailStep::HoldSlots => {
                    for slot in self.slot_order.clone() {
                        let v = b.ins().stack_load(I64, I64, slot, 0);
                        self.call_rt(b, Rt::ExcHold, &[v]);
                    }
                }
                TailStep::Hold(v) => {
                    let cv = self.val(v)?;
                    self.call_rt(b, Rt::ExcHold, &[cv]);
                }
                TailStep::HoldFunc => {
                    if let Some(f) = self.func_param {
                        self.call_rt(b, Rt::ExcHoldFunc, &[f]);
                    }
                }
            }
            b.ins().jump(next, &[]);
        }
        Ok(())
    }

    fn release_slots(&mut self, b: &mut FunctionBuilder<'_>) {
        for slot in self.slot_order.clone() {
            let v = b.ins().stack_load(I64, I64, slot, 0);
            self.decref(b, v);
        }
    }

    /// Branches to the exception edge when `result` is the error word (or `-1` for `i32`).
    fn check(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        result: ir::Value,
        is_i32: bool,
    ) -> Result<(), CodegenError> {
        let failed = if is_i32 {
            b.ins().icmp_imm_s(IntCC::Equal, result, -1)
        } else {
            b.ins().icmp_imm_s(IntCC::Equal, result, ERROR)
        };
        let error_block = b.create_block();
        let ok = b.create_block();
        b.set_cold_block(error_block);
        b.ins().brif(failed, error_block, &[], ok, &[]);
        b.switch_to_block(error_block);
        let owned = self.owned_at_raise(d, after);
        self.raise_edge(b, block, &owned, Some(d.site))?;
        b.switch_to_block(ok);
        Ok(())
    }

    fn define(&mut self, d: &InstData, v: ir::Value) {
        if let Some(r) = d.result {
            self.values.insert(r, v);
        }
    }

    /// Defines the result of `d` as the bool word of the condition `c` (`i8`, 1 for
    /// `True`), remembering `c` for branches on the result (see [`Translator::conds`]).
    fn define_bool(&mut self, b: &mut FunctionBuilder<'_>, d: &InstData, c: ir::Value) {
        let w = bool_word(b, c);
        self.define(d, w);
        if let Some(r) = d.result {
            self.conds.insert(r, c);
        }
    }

    /// The condition (`i8`, 1 for `True`) of the bool word of MIR value `v`: the one it was
    /// made from, or a comparison of the word with `True`.
    fn cond_of(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        v: Value,
    ) -> Result<ir::Value, CodegenError> {
        if let Some(c) = self.conds.get(&v) {
            return Ok(*c);
        }
        let w = self.val(v)?;
        Ok(b.ins().icmp_imm_s(IntCC::Equal, w, TRUE))
    }

    fn instruction(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
    ) -> Result<(), CodegenError> {
        let func = self.func;
        macro_rules! v {
            ($x:expr) => {
                self.val(*$x)?
            };
        }
        match &d.kind {
            InstKind::Const(c) => {
                let v = match c {
                    Constant::None => b.ins().iconst(I64, NONE),
                    Constant::Bool(x) => b.ins().iconst(I64, if *x { TRUE } else { FALSE }),
                    Constant::Int(IntConst::Small(i))
                        if (-(1i64 << 47)..(1i64 << 47)).contains(i) =>
                    {
                        let bits = (0xFFF9u64 << 48) | (*i as u64 & 0x0000_FFFF_FFFF_FFFF);
                        b.ins().iconst(I64, bits as i64)
                    }
                    Constant::Int(i) => {
                        let digits = match i {
                            IntConst::Small(i) => i.to_string(),
                            IntConst::Big(d) => d.to_string(),
                        };
                        let slot = self.symbols.bigint_slot(&digits);
                        self.cached(b, slot)
                    }
                    Constant::Float(x) => {
                        let bits = if x.is_nan() {
                            // One object per constant site, as a code object's constant:
                            // a NaN word with the constant bit (0x7FFC_... or, negative,
                            // 0xFFF4_..., outside the tagged space) and a site number.
                            static SITES: std::sync::atomic::AtomicU64 =
                                std::sync::atomic::AtomicU64::new(0);
                            let n = SITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let base = if x.is_sign_negative() {
                                0xFFF4_0000_0000_0000u64
                            } else {
                                0x7FFC_0000_0000_0000u64
                            };
                            base | (n & ((1 << 50) - 1))
                        } else {
                            x.to_bits()
                        };
                        b.ins().iconst(I64, bits as i64)
                    }
                    Constant::Str(s) => self.str_const(b, s),
                    Constant::Ellipsis => {
                        let slot = self.symbols.ellipsis_slot();
                        self.cached(b, slot)
                    }
                    Constant::Unbound => b.ins().iconst(I64, UNBOUND),
                };
                self.define(d, v);
            }
            InstKind::Unary(op, a) => {
                let code = b.ins().iconst(I32, i64::from(unary_code(*op)));
                let a = v!(a);
                let r = self.call_rt(b, Rt::Unary, &[code, a]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::Binary {
                op,
                inplace,
                lhs,
                rhs,
            } => {
                let code = b.ins().iconst(I32, i64::from(binary_code(*op, *inplace)));
                let (l, r) = (v!(lhs), v!(rhs));
                let res = match strategy(func, d) {
                    Strategy::IntArith => self.int_arith(b, block, d, after, *op, code, l, r)?,
                    Strategy::FloatArith => {
                        let (x, y) = (as_f64(b, l), as_f64(b, r));
                        self.float_arith(b, *op, x, y)
                    }
                    Strategy::NumericArith => {
                        self.numeric_arith(b, block, d, after, *op, code, l, r)?
                    }
                    Strategy::FloatDiv => self.float_div(b, block, d, after, code, l, r)?,
                    _ if *op == BinaryOp::Add
                        && lhs != rhs
                        && !after.contains(lhs)
                        && matches!(func.ty(*lhs), molt_mir::Type::Str | molt_mir::Type::Dyn)
                        && !self.is_constant(*lhs) =>
                    {
                        // The add is the left operand's last use: the runtime takes it over,
                        // so a str nothing else holds grows in place (`s += t` in a loop is
                        // linear, as in CPython).
                        self.moved.push(*lhs);
                        let res = self.call_rt(b, Rt::BinaryAddMoved, &[code, l, r]);
                        self.check(b, block, d, after, res, false)?;
                        res
                    }
                    _ => {
                        let res = self.call_rt(b, Rt::Binary, &[code, l, r]);
                        self.check(b, block, d, after, res, false)?;
                        res
                    }
                };
                self.define(d, res);
            }
            InstKind::Compare(op, lhs, rhs) => {
                let (l, r) = (v!(lhs), v!(rhs));
                let res = match strategy(func, d) {
                    Strategy::Identity => {
                        let same = b.ins().icmp(IntCC::Equal, l, r);
                        // One word that may be an unboxed int or float: whether CPython sees
                        // one object or two is unknown (the runtime raises a `molt:` error).
                        let maybe_number = |v: Value| {
                            matches!(
                                func.ty(v),
                                molt_mir::Type::Dyn | molt_mir::Type::Int | molt_mir::Type::Float
                            )
                        };
                        if maybe_number(*lhs) && maybe_number(*rhs) {
                            let check = b.create_block();
                            let done = b.create_block();
                            b.set_cold_block(check);
                            b.ins().brif(same, check, &[], done, &[]);
                            b.switch_to_block(check);
                            let r = self.call_rt(b, Rt::IdentityCheck, &[l]);
                            self.check(b, block, d, after, r, true)?;
                            b.ins().jump(done, &[]);
                            b.switch_to_block(done);
                        }
                        let c = if *op == molt_mir::CmpOp::Is {
                            same
                        } else {
                            b.ins().bxor_imm_u(same, 1)
                        };
                        self.define_bool(b, d, c);
                        return Ok(());
                    }
                    Strategy::StrConstCompare => {
                        self.str_const_compare(b, block, d, after, *op, (*lhs, *rhs), l, r)?
                    }
                    Strategy::FloatCompare => {
                        let (x, y) = (as_f64(b, l), as_f64(b, r));
                        let c = b.ins().fcmp(float_cc(*op), x, y);
                        self.define_bool(b, d, c);
                        return Ok(());
                    }
                    Strategy::IntCompare | Strategy::NumericCompare => {
                        match self.int_compare(b, block, d, after, *op, l, r)? {
                            Compared::Cond(c) => {
                                self.define_bool(b, d, c);
                                return Ok(());
                            }
                            Compared::Word(w) => w,
                        }
                    }
                    _ => {
                        let code = b.ins().iconst(I32, i64::from(compare_code(*op)));
                        let res = self.call_rt(b, Rt::Compare, &[code, l, r]);
                        self.check(b, block, d, after, res, false)?;
                        res
                    }
                };
                self.define(d, res);
            }
            InstKind::Truthy(a) => {
                let operand = *a;
                let a = v!(a);
                let c = match strategy(func, d) {
                    // A bool is its own truth value.
                    Strategy::BoolTruthy => {
                        self.define(d, a);
                        if let (Some(r), Some(c)) = (d.result, self.conds.get(&operand).copied()) {
                            self.conds.insert(r, c);
                        }
                        return Ok(());
                    }
                    Strategy::TruthyInline => self.truthy_inline(b, block, d, after, a)?,
                    _ => {
                        let r = self.call_rt(b, Rt::IsTrue, &[a]);
                        self.check(b, block, d, after, r, true)?;
                        b.ins().icmp_imm_s(IntCC::NotEqual, r, 0)
                    }
                };
                self.define_bool(b, d, c);
            }
            InstKind::IsType(v, ty) => {
                let x = v!(v);
                let tag = b.ins().ushr_imm_u(x, 48);
                let c = match ty {
                    Type::Float => b.ins().icmp_imm_u(IntCC::UnsignedLessThan, tag, TAG_PTR),
                    Type::Bool => b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_BOOL),
                    Type::Str => {
                        // An object whose kind is `str` (exactly: a subclass's instances are
                        // instances).
                        let is_ptr = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_PTR);
                        let heap = b.create_block();
                        let merge = b.create_block();
                        b.append_block_param(merge, I8);
                        b.ins()
                            .brif(is_ptr, heap, &[], merge, &[BlockArg::Value(is_ptr)]);
                        b.switch_to_block(heap);
                        let p = b.ins().band_imm_u(x, PAYLOAD_MASK);
                        let kind =
                            b.ins()
                                .uload32(ir::MemFlagsData::trusted(), p, HEADER_KIND_OFFSET);
                        let is_str = b.ins().icmp_imm_s(
                            IntCC::Equal,
                            kind,
                            i64::from(abi::layout::KIND_STR),
                        );
                        b.ins().jump(merge, &[BlockArg::Value(is_str)]);
                        b.switch_to_block(merge);
                        b.block_params(merge)[0]
                    }
                    _ => {
                        // Inline ints answer inline; bigints need the object's kind.
                        let is_small = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_INT);
                        let slow = b.create_block();
                        let merge = b.create_block();
                        b.append_block_param(merge, I8);
                        b.ins()
                            .brif(is_small, merge, &[BlockArg::Value(is_small)], slow, &[]);
                        b.switch_to_block(slow);
                        let code = b.ins().iconst(I32, i64::from(abi::type_code::INT));
                        let r = self.call_rt(b, Rt::IsType, &[x, code]);
                        let c = b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                        b.ins().jump(merge, &[BlockArg::Value(c)]);
                        b.switch_to_block(merge);
                        b.block_params(merge)[0]
                    }
                };
                self.define_bool(b, d, c);
                // An entry guard: a failure when the test is false (unless the `brif` on
                // the result counts its else edge).
                if let Some(p) = self.point(d)
                    && !p.via_edge
                {
                    let failed = b.ins().bxor_imm_u(c, 1);
                    let count = b.create_block();
                    let cont = b.create_block();
                    b.set_cold_block(count);
                    b.ins().brif(failed, count, &[], cont, &[]);
                    b.switch_to_block(count);
                    self.when_profiling(b, |t, b| t.bump(b, p.slot));
                    b.ins().jump(cont, &[]);
                    b.switch_to_block(cont);
                }
            }
            InstKind::ToIndex(v) => {
                let x = v!(v);
                let tag = b.ins().ushr_imm_u(x, 48);
                let is_small = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_INT);
                let slow = b.create_block();
                let merge = b.create_block();
                b.append_block_param(merge, I64);
                b.set_cold_block(slow);
                b.ins()
                    .brif(is_small, merge, &[BlockArg::Value(x)], slow, &[]);
                b.switch_to_block(slow);
                let r = self.call_rt(b, Rt::ToIndex, &[x]);
                self.check(b, block, d, after, r, false)?;
                b.ins().jump(merge, &[BlockArg::Value(r)]);
                b.switch_to_block(merge);
                let res = b.block_params(merge)[0];
                self.define(d, res);
            }
            InstKind::ExcMatch(e, c) => {
                let (e, c) = (v!(e), v!(c));
                let r = self.call_rt(b, Rt::ExcMatch, &[e, c]);
                self.check(b, block, d, after, r, true)?;
                let c = b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                self.define_bool(b, d, c);
            }
            InstKind::GlobalLoad(name) => {
                let r = match self.symbols.class_slot(&self.func.name, name) {
                    // A global that `call.class.direct` constructs through: its slot holds
                    // the class while the global is bound to it.
                    Some(slot) => self.global_load_through_slot(b, d, slot, name),
                    None => {
                        let m = self.module(b);
                        let n = self.str_const(b, name);
                        self.call_rt(b, Rt::GlobalLoad, &[m, n])
                    }
                };
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::GlobalStore(name, v) => {
                let m = self.module(b);
                let n = self.str_const(b, name);
                let v = v!(v);
                let r = self.call_rt(b, Rt::GlobalStore, &[m, n, v]);
                self.check(b, block, d, after, r, true)?;
                if let Some((alias, of)) = self.symbols.alias_slot(&self.func.name, name) {
                    let of = of.clone();
                    self.bind_alias(b, alias, &of, name, v);
                }
                if let Some((slot, made)) = self.class_statement_slot(name, d) {
                    // The `class` statement of a class that `call.class.direct` constructs:
                    // the class goes in its slot (one reference, kept for the program's
                    // life) and the runtime clears the slot when the global is rebound or
                    // deleted, from this module or any other (`molt_runtime::watch`). A
                    // decorated class (`@dataclass`) fills it only when the decorator
                    // returned the class it was given (classes are never freed: their MRO
                    // holds them, so the two words are equal only for the same class).
                    let cont = match made {
                        Some(made) => {
                            let made = self.val(made)?;
                            let same = b.ins().icmp(IntCC::Equal, v, made);
                            let fill = b.create_block();
                            let cont = b.create_block();
                            b.ins().brif(same, fill, &[], cont, &[]);
                            b.switch_to_block(fill);
                            Some(cont)
                        }
                        None => None,
                    };
                    self.incref(b, v);
                    let addr = self.data_addr(b, slot);
                    b.ins().store(ir::MemFlagsData::trusted(), v, addr, 0);
                    let m = self.module(b);
                    let n = self.str_const(b, name);
                    self.call_rt(b, Rt::WatchFunction, &[m, n, addr]);
                    if let Some(cont) = cont {
                        b.ins().jump(cont, &[]);
                        b.switch_to_block(cont);
                    }
                }
            }
            InstKind::GlobalDel(name) => {
                let m = self.module(b);
                let n = self.str_const(b, name);
                let r = self.call_rt(b, Rt::GlobalDel, &[m, n]);
                self.check(b, block, d, after, r, true)?;
            }
            InstKind::BuiltinLoad(name) => {
                // The builtins never change: the site's cell keeps the (immortal) object the
                // first load found, and later loads read it.
                let cell = self.ic_cell(b, d)?;
                let cached = b.ins().load(I64, ir::MemFlagsData::trusted(), cell, 0);
                let slow = b.create_block();
                let hit = b.create_block();
                let merge = b.create_block();
                b.append_block_param(merge, I64);
                b.set_cold_block(slow);
                b.ins().brif(cached, hit, &[], slow, &[]);
                b.switch_to_block(hit);
                if d.result.is_some_and(|r| self.needs_rc(r)) {
                    self.add_to_count(b, cached, 1);
                }
                b.ins().jump(merge, &[BlockArg::Value(cached)]);
                b.switch_to_block(slow);
                let n = self.str_const(b, name);
                let r = self.call_rt(b, Rt::BuiltinLoadCell, &[n, cell]);
                self.check(b, block, d, after, r, false)?;
                b.ins().jump(merge, &[BlockArg::Value(r)]);
                b.switch_to_block(merge);
                let v = b.block_params(merge)[0];
                self.define(d, v);
            }
            InstKind::SlotLoad(name) => {
                let slot = self.slot(name)?;
                let v = b.ins().stack_load(I64, I64, slot, 0);
                let unbound = b.ins().icmp_imm_s(IntCC::Equal, v, UNBOUND);
                self.raise_if(b, block, d, after, unbound, name)?;
                if d.result.is_some_and(|r| self.needs_rc(r)) {
                    self.incref(b, v);
                }
                self.define(d, v);
            }
            InstKind::SlotStore(name, v) => {
                let slot = self.slot(name)?;
                let nv = v!(v);
                if self.needs_rc(*v) {
                    self.incref(b, nv);
                }
                let old = b.ins().stack_load(I64, I64, slot, 0);
                b.ins().stack_store(I64, nv, slot, 0);
                self.decref(b, old);
            }
            InstKind::SlotDel(name) => {
                let slot = self.slot(name)?;
                let old = b.ins().stack_load(I64, I64, slot, 0);
                let unbound = b.ins().icmp_imm_s(IntCC::Equal, old, UNBOUND);
                self.raise_if(b, block, d, after, unbound, name)?;
                let u = b.ins().iconst(I64, UNBOUND);
                b.ins().stack_store(I64, u, slot, 0);
                self.decref(b, old);
            }
            InstKind::CheckBound(v, name) => {
                let x = v!(v);
                let unbound = b.ins().icmp_imm_s(IntCC::Equal, x, UNBOUND);
                self.raise_if(b, block, d, after, unbound, name)?;
                if d.result.is_some_and(|r| self.needs_rc(r)) {
                    self.incref(b, x);
                }
                self.define(d, x);
            }
            InstKind::ExcEnter(e, level) => {
                let x = v!(e);
                let l = b.ins().iconst(I32, *level as i64);
                let r = self.rt(b, Rt::ExcEnter);
                b.ins().call(r, &[x, l]);
            }
            InstKind::ExcLeave(level) => {
                let l = b.ins().iconst(I32, *level as i64);
                let r = self.rt(b, Rt::ExcLeave);
                b.ins().call(r, &[l]);
            }
            // Only extends lifetimes: the operands that die here are released by the caller.
            InstKind::KeepAlive(_) | InstKind::Bind(_) => {}
            InstKind::Assume(v, _) => {
                // An assumption only: the optimizer turns it into a guard. Same value, new
                // owner: the operand's reference when this is its last use, else a new one.
                let x = v!(v);
                if d.result.is_some_and(|r| self.needs_rc(r)) {
                    if self.needs_rc(*v) && !after.contains(v) {
                        self.moved.push(*v);
                    } else {
                        self.incref(b, x);
                    }
                }
                self.define(d, x);
            }
            InstKind::CellNew(v) => {
                let x = v!(v);
                let r = self.call_rt(b, Rt::CellNew, &[x]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::CellLoad(c, name) => {
                // A cell this function made holds one of its own locals (an empty one is
                // CPython's `UnboundLocalError`); otherwise it came through the closure
                // (`NameError` for a free variable).
                let own = match self.func.values[c.index()].def {
                    molt_mir::ValueDef::Result(i) => {
                        matches!(self.func.insts[i.index()].kind, InstKind::CellNew(..))
                    }
                    molt_mir::ValueDef::Param(..) => false,
                };
                let (own, name) = match name.strip_prefix(molt_mir::CLASS_FREE_PREFIX) {
                    Some(free) => (false, free),
                    None => (own, &**name),
                };
                let c = v!(c);
                let n = self.str_const(b, name);
                let rt = if own { Rt::CellGetLocal } else { Rt::CellGet };
                let r = self.call_rt(b, rt, &[c, n]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::CellStore(c, v) => {
                let (c, x) = (v!(c), v!(v));
                let r = self.call_rt(b, Rt::CellSet, &[c, x]);
                self.check(b, block, d, after, r, true)?;
            }
            InstKind::FreeVar(i) => {
                let f = self.func_param.unwrap_or_else(|| b.ins().iconst(I64, NONE));
                let i = b.ins().iconst(I64, *i as i64);
                let r = self.call_rt(b, Rt::FunctionClosure, &[f, i]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::NsLoad(ns, name) => {
                let ns = v!(ns);
                let m = self.module(b);
                let n = self.str_const(b, name);
                let r = self.call_rt(b, Rt::NsLoad, &[ns, m, n]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::Call { callee, args } if strategy(func, d) == Strategy::BuiltinLen => {
                let _ = v!(callee);
                let arg = args.positional[0];
                let x = v!(&arg);
                let merge = b.create_block();
                b.append_block_param(merge, I64);
                let arg_ty = self.func.ty(arg).clone();
                if matches!(arg_ty, Type::List(_) | Type::Dyn) {
                    // A list's length is read inline (an inline int: fewer than 2^47 items).
                    let slow = b.create_block();
                    if arg_ty == Type::Dyn {
                        self.kind_guard(b, x, KIND_LIST, slow);
                    }
                    let p = b.ins().band_imm_u(x, PAYLOAD_MASK);
                    let len = b
                        .ins()
                        .load(I64, ir::MemFlagsData::trusted(), p, LIST_LEN_OFFSET);
                    let r = b.ins().bor_imm_u(len, INT_TAG);
                    b.ins().jump(merge, &[BlockArg::Value(r)]);
                    b.switch_to_block(slow);
                }
                let r = self.call_rt(b, Rt::Len, &[x]);
                self.check(b, block, d, after, r, false)?;
                b.ins().jump(merge, &[BlockArg::Value(r)]);
                b.switch_to_block(merge);
                let r = b.block_params(merge)[0];
                self.define(d, r);
            }
            InstKind::Call { callee, args } => {
                let stack: Vec<Value> = args
                    .positional
                    .iter()
                    .chain(args.keywords.iter().map(|(_, v)| v))
                    .copied()
                    .collect();
                let (_, mut mask) = self.passing(&stack, &[*callee], after);
                // The callee moves too when this is its last use (the runtime releases it
                // after the call, before the arguments, as CPython's `CALL` does).
                if self.needs_rc(*callee) && !after.contains(callee) && !stack.contains(callee) {
                    self.moved.push(*callee);
                    mask |= 1 << 63;
                }
                let callee = v!(callee);
                let (arr, n, kw) = self.call_args(b, args)?;
                let mask = b.ins().iconst(I64, mask as i64);
                let r = self.call_rt(b, Rt::Call, &[callee, arr, n, kw, mask]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::CallMethod {
                receiver,
                name,
                args,
            } => {
                let stack = method_stack(*receiver, args);
                let (_, mask) = self.passing(&stack, &[], after);
                let recv = v!(receiver);
                let n = self.str_const(b, name);
                let entry = crate::symbols::method_entry(name, args, self.func.ty(*receiver));
                let merge = b.create_block();
                b.append_block_param(merge, I64);
                if matches!(entry, Some(Rt::MethodAppend | Rt::MethodPop))
                    && matches!(self.func.ty(*receiver), Type::List(_) | Type::Dyn)
                {
                    let item = match args.positional.first() {
                        Some(a) => Some(v!(a)),
                        None => None,
                    };
                    let check_kind = *self.func.ty(*receiver) == Type::Dyn;
                    let r = self.list_append_pop_inline(b, recv, item, mask, check_kind);
                    b.ins().jump(merge, &[BlockArg::Value(r.0)]);
                    b.switch_to_block(r.1);
                }
                if entry == Some(Rt::MethodStrPred)
                    && let Some(which) = abi::str_pred::of(name)
                {
                    let r = self.str_pred_inline(b, recv, which, mask);
                    b.ins().jump(merge, &[BlockArg::Value(r.0)]);
                    b.switch_to_block(r.1);
                }
                let r = match entry {
                    Some(entry) => {
                        let mut vals = vec![recv, n];
                        if entry == Rt::MethodStrPred {
                            let which = abi::str_pred::of(name).unwrap_or(u32::MAX);
                            vals.push(b.ins().iconst(I32, i64::from(which)));
                        }
                        if entry == Rt::MethodStr {
                            let which = abi::str_method::of(name).unwrap_or(u32::MAX);
                            vals.push(b.ins().iconst(I32, i64::from(which)));
                        }
                        for a in &args.positional {
                            vals.push(v!(a));
                        }
                        if entry == Rt::MethodStr {
                            // Unused argument registers hold a harmless word.
                            while vals.len() < 5 {
                                vals.push(b.ins().iconst(I64, NONE));
                            }
                            let n = args.positional.len() as i64;
                            vals.push(b.ins().iconst(I32, n));
                        }
                        if entry == Rt::MethodGet && vals.len() == 3 {
                            vals.push(b.ins().iconst(I64, UNBOUND));
                        }
                        vals.push(b.ins().iconst(I64, mask as i64));
                        self.call_rt(b, entry, &vals)
                    }
                    None => {
                        let cell = self.ic_cell(b, d)?;
                        let (arr, nargs, kw) = self.call_args(b, args)?;
                        let mask = b.ins().iconst(I64, mask as i64);
                        self.call_rt(
                            b,
                            Rt::CallMethodCached,
                            &[recv, n, arr, nargs, kw, cell, mask],
                        )
                    }
                };
                self.check(b, block, d, after, r, false)?;
                b.ins().jump(merge, &[BlockArg::Value(r)]);
                b.switch_to_block(merge);
                let r = b.block_params(merge)[0];
                self.define(d, r);
            }
            InstKind::CallSuper {
                sup,
                class,
                receiver,
                name,
                args,
            } => {
                // Every operand is borrowed: the runtime calls the method with the receiver
                // and the arguments in one array (the receiver first).
                let (s, c) = (v!(sup), v!(class));
                let mut vals = vec![v!(receiver)];
                for a in &args.positional {
                    vals.push(v!(a));
                }
                for (_, a) in &args.keywords {
                    vals.push(v!(a));
                }
                let arr = self.array(b, &vals);
                let nargs = b.ins().iconst(I64, args.positional.len() as i64 + 1);
                let kw = self.kwnames(b, args);
                let n = self.str_const(b, name);
                let cell = self.ic_cell(b, d)?;
                let r = self.call_rt(b, Rt::CallSuper, &[s, c, n, arr, nargs, kw, cell]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::GlobalLoadDirect { func: target, via } => {
                let (slot, global, _) = self.direct_slot(target, via.as_deref())?;
                // The `def` ran and the global still holds its function: the slot's.
                // (Not a profile point: the call after it counts the failure.)
                let r = self.global_load_through_slot(b, d, slot, &global);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::CallDirect {
                func: target,
                args,
                via,
                loaded: Some(loaded),
            } => {
                // The callee was read before the arguments (`global.load.direct`): the
                // compiled code when that value is still the function in the slot.
                let (pass, mask) = self.passing(args, &[*loaded], after);
                let callee = v!(loaded);
                // The call releases the callee when it is its last use.
                let consume = self.needs_rc(*loaded)
                    && !after.contains(loaded)
                    && !args.contains(loaded)
                    && !self.is_constant(*loaded);
                if consume {
                    self.moved.push(*loaded);
                }
                let vals = args
                    .iter()
                    .map(|v| self.val(*v))
                    .collect::<Result<Vec<_>, _>>()?;
                let (slot, _, _) = self.direct_slot(target, via.as_deref())?;
                let fid = self.direct_target(target)?;
                let now = self.cached(b, slot);
                let same = b.ins().icmp(IntCC::Equal, callee, now);
                let fast = b.create_block();
                let slow = b.create_block();
                let join = b.create_block();
                b.append_block_param(join, I64);
                b.ins().brif(same, fast, &[], slow, &[]);
                b.switch_to_block(fast);
                // The call holds the function as CPython's frame does (`f_func`): the slot's
                // reference goes when the global is rebound, maybe while the call runs. The
                // value read is that reference when it is the last use, else one is taken.
                let hold = if consume { Hold::Owned } else { Hold::Take };
                self.compiled_call(b, target, fid, callee, &vals, &pass, join, hold);
                // Rebound while the arguments ran, or not the `def`'s function: call what
                // was read.
                b.switch_to_block(slow);
                self.count_failure(b, d, 0);
                let res = self.call_positional(b, callee, &vals, mask);
                if consume {
                    self.decref(b, callee);
                }
                b.ins().jump(join, &[BlockArg::Value(res)]);
                b.switch_to_block(join);
                let r = b.block_params(join)[0];
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::CallDirect {
                func: target,
                args,
                via,
                loaded: None,
            } => {
                let (pass, mask) = self.passing(args, &[], after);
                let vals = args
                    .iter()
                    .map(|v| self.val(*v))
                    .collect::<Result<Vec<_>, _>>()?;
                let (slot, global, module_slot) = self.direct_slot(target, via.as_deref())?;
                let attr = via
                    .as_deref()
                    .and_then(|v| v.split_once('.'))
                    .map(|(_, a)| a);
                let fid = self.direct_target(target)?;
                let addr = self.data_addr(b, slot);
                let fobj = b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0);
                let mut defined = b.ins().icmp_imm_s(IntCC::NotEqual, fobj, 0);
                if let Some(module_slot) = module_slot {
                    // The global holds the module, and that module is the current one of
                    // its name (a module imported again after `del sys.modules[...]` is
                    // another module, whose `def` fills the function's slot again).
                    let maddr = self.data_addr(b, module_slot);
                    let held = b.ins().load(I64, ir::MemFlagsData::trusted(), maddr, 0);
                    let bound = b.ins().icmp_imm_s(IntCC::NotEqual, held, 0);
                    let current = match self.symbols.modules.get(molt_mir::split_module(target).0) {
                        Some(slot) => {
                            let slot = slot.as_u32();
                            self.cached(b, slot)
                        }
                        None => b.ins().iconst(I64, 0),
                    };
                    let same = b.ins().icmp(IntCC::Equal, held, current);
                    defined = b.ins().band(defined, bound);
                    defined = b.ins().band(defined, same);
                }
                let fast = b.create_block();
                let slow = b.create_block();
                let join = b.create_block();
                b.append_block_param(join, I64);
                b.ins().brif(defined, fast, &[], slow, &[]);
                // Fast path: count the call depth, call the compiled code with the arguments
                // (holding the function: the slot's reference goes if the global is rebound
                // while it runs).
                b.switch_to_block(fast);
                self.compiled_call(b, target, fid, fobj, &vals, &pass, join, Hold::Take);
                // Before the `def` has run: an ordinary call of the global (`NameError`).
                b.switch_to_block(slow);
                self.count_failure(b, d, 0);
                let m = self.module(b);
                let n = self.str_const(b, global);
                let mut g = self.call_rt(b, Rt::GlobalLoad, &[m, n]);
                if let Some(attr) = attr {
                    // `m.f`: the attribute of the global (`AttributeError` and all).
                    let loaded = b.create_block();
                    let got = b.create_block();
                    b.append_block_param(got, I64);
                    let failed = b.ins().icmp_imm_s(IntCC::Equal, g, ERROR);
                    b.ins()
                        .brif(failed, got, &[BlockArg::Value(g)], loaded, &[]);
                    b.switch_to_block(loaded);
                    let a = self.str_const(b, attr);
                    let f = self.call_rt(b, Rt::GetAttr, &[g, a]);
                    self.decref(b, g);
                    b.ins().jump(got, &[BlockArg::Value(f)]);
                    b.switch_to_block(got);
                    g = b.block_params(got)[0];
                }
                let g_failed = b.ins().icmp_imm_s(IntCC::Equal, g, ERROR);
                let call_slow = b.create_block();
                let no_call = b.create_block();
                b.ins().brif(g_failed, no_call, &[], call_slow, &[]);
                // No call took the moved arguments: they are released here.
                b.switch_to_block(no_call);
                self.release_moved(b, &vals, &pass);
                b.ins().jump(join, &[BlockArg::Value(g)]);
                b.switch_to_block(call_slow);
                let res = self.call_positional(b, g, &vals, mask);
                self.decref(b, g);
                b.ins().jump(join, &[BlockArg::Value(res)]);
                b.switch_to_block(join);
                let r = b.block_params(join)[0];
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::CallEx {
                callee,
                args,
                kwargs,
            } => {
                let (c, a, k) = (v!(callee), v!(args), v!(kwargs));
                let r = self.call_rt(b, Rt::CallEx, &[c, a, k]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::GetAttr(o, name) => {
                let o = v!(o);
                let n = self.str_const(b, name);
                let r = self.call_rt(b, Rt::GetAttr, &[o, n]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::MethodLoad(o, name) => {
                let o = v!(o);
                let n = self.str_const(b, name);
                let cell = self.ic_cell(b, d)?;
                let r = self.call_rt(b, Rt::MethodLoadCached, &[o, n, cell]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::MethodIs {
                receiver,
                name,
                func: target,
                loaded,
            } => {
                let recv = v!(receiver);
                let c = match loaded {
                    Some(m) => {
                        let mv = v!(m);
                        self.method_loaded_is(b, *m, mv)?
                    }
                    None => self.method_is(b, d, recv, name, target)?,
                };
                self.define_bool(b, d, c);
            }
            InstKind::ClassIs {
                class,
                init,
                loaded,
            } => {
                let loaded = match loaded {
                    Some(v) => Some(v!(v)),
                    None => None,
                };
                let c = self.class_is(b, d, class, init, loaded)?;
                self.define_bool(b, d, c);
            }
            InstKind::FuncIs {
                func: target,
                loaded,
            } => {
                let f = v!(loaded);
                let c = self.func_is(b, d, target, f)?;
                self.define_bool(b, d, c);
            }
            InstKind::NewInstance { class } => {
                let slot = self.class_slot_of(class)?;
                let addr = self.data_addr(b, slot);
                let cls = b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0);
                let r = self.call_rt(b, Rt::NewInstance, &[cls]);
                self.define(d, r);
            }
            InstKind::MethodLoadDirect {
                receiver,
                name,
                func: target,
            } => {
                let recv = v!(receiver);
                let r = self.method_load_direct(b, block, d, after, recv, name, target)?;
                self.define(d, r);
            }
            InstKind::CallMethodLoaded {
                receiver,
                method,
                args,
                ..
            } => {
                let stack = method_stack(*receiver, args);
                let passing = self.passing(&stack, &[*method], after);
                let mask = passing.1;
                let (recv, m) = (v!(receiver), v!(method));
                // After `method.load.direct`: the compiled method directly when the loaded
                // value is the function its cache holds.
                let direct = self
                    .func
                    .direct_method_load(*method)
                    .filter(|_| args.keywords.is_empty())
                    .map(|(load, func)| (load.clone(), Box::<str>::from(func)));
                let join = b.create_block();
                b.append_block_param(join, I64);
                let slow = b.create_block();
                if let Some((load, target)) = direct {
                    let Some(&fid) = self.symbols.functions.get(&*target) else {
                        return Err(CodegenError::Internal {
                            function: self.func.name.to_string(),
                            message: format!("method.load.direct of unknown function {target:?}"),
                        });
                    };
                    let cell = self.ic_cell(b, &load)?;
                    let cached = b.ins().load(
                        I64,
                        ir::MemFlagsData::trusted(),
                        cell,
                        molt_abi::ic::METHOD_CELL_FUNCTION as i32,
                    );
                    let hit = b.ins().icmp(IntCC::Equal, m, cached);
                    let fast = b.create_block();
                    b.ins().brif(hit, fast, &[], slow, &[]);
                    b.switch_to_block(fast);
                    let mut vals = vec![recv];
                    for a in &args.positional {
                        vals.push(v!(a));
                    }
                    self.compiled_call(b, &target, fid, m, &vals, &passing.0, join, Hold::Borrowed);
                } else {
                    b.ins().jump(slow, &[]);
                }
                b.switch_to_block(slow);
                let (arr, nargs, kw) = self.call_args(b, args)?;
                let mask = b.ins().iconst(I64, mask as i64);
                let r = self.call_rt(b, Rt::CallMethodLoaded, &[recv, m, arr, nargs, kw, mask]);
                b.ins().jump(join, &[BlockArg::Value(r)]);
                b.switch_to_block(join);
                let r = b.block_params(join)[0];
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::SetAttr(o, name, v) => {
                let (o, x) = (v!(o), v!(v));
                let n = self.str_const(b, name);
                let r = self.call_rt(b, Rt::SetAttr, &[o, n, x]);
                self.check(b, block, d, after, r, true)?;
            }
            InstKind::CallMethodDirect {
                receiver,
                name,
                func: target,
                args,
            } => {
                let stack: Vec<Value> = std::iter::once(receiver).chain(args).copied().collect();
                let passing = self.passing(&stack, &[], after);
                let recv = v!(receiver);
                let vals = args
                    .iter()
                    .map(|v| self.val(*v))
                    .collect::<Result<Vec<_>, _>>()?;
                let r = self
                    .call_method_direct(b, block, d, after, recv, name, target, &vals, passing)?;
                self.define(d, r);
            }
            InstKind::CallClassDirect {
                class,
                init,
                args,
                loaded,
            } => {
                let passing = self.passing(args, loaded.as_slice(), after);
                let vals = args
                    .iter()
                    .map(|v| self.val(*v))
                    .collect::<Result<Vec<_>, _>>()?;
                let loaded = match loaded {
                    Some(v) => Some(v!(v)),
                    None => None,
                };
                let r = self
                    .call_class_direct(b, block, d, after, class, init, loaded, &vals, passing)?;
                self.define(d, r);
            }
            InstKind::GetAttrSlot(o, name) => {
                let o = v!(o);
                let r = self.getattr_slot(b, block, d, after, o, name)?;
                self.define(d, r);
            }
            InstKind::SetAttrSlot(o, name, v) => {
                let (o, x) = (v!(o), v!(v));
                self.setattr_slot(b, block, d, after, o, name, x)?;
            }
            InstKind::DelAttr(o, name) => {
                let o = v!(o);
                let n = self.str_const(b, name);
                let r = self.call_rt(b, Rt::DelAttr, &[o, n]);
                self.check(b, block, d, after, r, true)?;
            }
            InstKind::GetItem(mo, mk) => {
                let (o, k) = (v!(mo), v!(mk));
                let seq = self.seq_index_inline(*mo, *mk);
                let merge = b.create_block();
                b.append_block_param(merge, I64);
                if let Some(seq) = seq {
                    let slow = b.create_block();
                    // A value of unknown type may also be a str.
                    let other = if seq == SeqKinds::Dyn {
                        b.create_block()
                    } else {
                        slow
                    };
                    let addr = self.seq_item_addr(b, o, k, seq, slow, other);
                    let r = b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0);
                    self.incref(b, r);
                    b.ins().jump(merge, &[BlockArg::Value(r)]);
                    if other != slow {
                        b.switch_to_block(other);
                        let r = self.str_char_inline(b, o, k, slow);
                        b.ins().jump(merge, &[BlockArg::Value(r)]);
                    }
                    b.set_cold_block(slow);
                    b.switch_to_block(slow);
                } else if *self.func.ty(*mo) == Type::Str
                    && matches!(self.func.ty(*mk), Type::Int | Type::Dyn)
                {
                    let slow = b.create_block();
                    let r = self.str_char_inline(b, o, k, slow);
                    b.ins().jump(merge, &[BlockArg::Value(r)]);
                    b.set_cold_block(slow);
                    b.switch_to_block(slow);
                }
                let r = self.call_rt(b, Rt::GetItem, &[o, k]);
                self.check(b, block, d, after, r, false)?;
                b.ins().jump(merge, &[BlockArg::Value(r)]);
                b.switch_to_block(merge);
                let r = b.block_params(merge)[0];
                self.define(d, r);
            }
            InstKind::SetItem(mo, mk, v) => {
                let (o, k, x) = (v!(mo), v!(mk), v!(v));
                // Stores are inline for lists only (a tuple never changes).
                let inline = matches!(
                    self.seq_index_inline(*mo, *mk),
                    Some(SeqKinds::List | SeqKinds::Dyn)
                );
                let merge = b.create_block();
                if inline {
                    let slow = b.create_block();
                    let addr = self.list_item_addr(b, o, k, *self.func.ty(*mo) == Type::Dyn, slow);
                    let mem = ir::MemFlagsData::trusted();
                    let old = b.ins().load(I64, mem, addr, 0);
                    self.incref(b, x);
                    b.ins().store(mem, x, addr, 0);
                    self.decref(b, old);
                    b.ins().jump(merge, &[]);
                    b.set_cold_block(slow);
                    b.switch_to_block(slow);
                }
                let r = self.call_rt(b, Rt::SetItem, &[o, k, x]);
                self.check(b, block, d, after, r, true)?;
                b.ins().jump(merge, &[]);
                b.switch_to_block(merge);
            }
            InstKind::DelItem(o, k) => {
                let (o, k) = (v!(o), v!(k));
                let r = self.call_rt(b, Rt::DelItem, &[o, k]);
                self.check(b, block, d, after, r, true)?;
            }
            InstKind::StarExtend(l, it) => {
                let (l, it) = (v!(l), v!(it));
                let r = self.call_rt(b, Rt::StarExtend, &[l, it]);
                self.check(b, block, d, after, r, true)?;
            }
            InstKind::KwargsMerge(f, kw, m) => {
                let (f, kw, m) = (v!(f), v!(kw), v!(m));
                let r = self.call_rt(b, Rt::KwargsMerge, &[f, kw, m]);
                self.check(b, block, d, after, r, true)?;
            }
            InstKind::BuildSlice(x, y, z) => {
                let (x, y, z) = (v!(x), v!(y), v!(z));
                let r = self.call_rt(b, Rt::BuildSlice, &[x, y, z]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::BuildList(vs)
            | InstKind::BuildTuple(vs)
            | InstKind::BuildSet(vs)
            | InstKind::BuildDict(vs)
            | InstKind::BuildString(vs) => {
                let vals = vs
                    .iter()
                    .map(|v| self.val(*v))
                    .collect::<Result<Vec<_>, _>>()?;
                let arr = self.array(b, &vals);
                let (f, n) = match &d.kind {
                    InstKind::BuildList(_) => (Rt::BuildList, vals.len()),
                    InstKind::BuildTuple(_) => (Rt::BuildTuple, vals.len()),
                    InstKind::BuildSet(_) => (Rt::BuildSet, vals.len()),
                    InstKind::BuildDict(_) => (Rt::BuildDict, vals.len() / 2),
                    _ => (Rt::BuildString, vals.len()),
                };
                let n = b.ins().iconst(I64, n as i64);
                let r = self.call_rt(b, f, &[arr, n]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::Format(v, spec) => {
                let (x, s) = (v!(v), v!(spec));
                let r = self.call_rt(b, Rt::Format, &[x, s]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::Convert(kind, v) => {
                let k = b.ins().iconst(I32, i64::from(conversion_code(*kind)));
                let x = v!(v);
                let r = self.call_rt(b, Rt::Convert, &[k, x]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::HandledExc => {
                let r = self.call_rt(b, Rt::HandledExc, &[]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::WithExit(v) => {
                let x = v!(v);
                let r = self.call_rt(b, Rt::WithExit, &[x]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::GetIter(v) => {
                let x = v!(v);
                let r = self.call_rt(b, Rt::Iter, &[x]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::Unpack(v, n) => {
                let x = v!(v);
                self.unpack(b, block, d, after, *v, x, *n)?;
            }
            InstKind::UnpackEx(v, before, after_n) => {
                let x = v!(v);
                let bn = b.ins().iconst(I64, *before as i64);
                let an = b.ins().iconst(I64, *after_n as i64);
                let r = self.call_rt(b, Rt::UnpackEx, &[x, bn, an]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::Extract(v, n) => {
                let x = v!(v);
                let mem = ir::MemFlagsData::trusted();
                let offset = 8 * *n as i32;
                if let Some(&items) = self.unpacked.get(v) {
                    // Read straight from the unpacked tuple or list (see `unpack`).
                    let r = b.ins().load(I64, mem, items, offset);
                    if d.result.is_some_and(|r| self.needs_rc(r)) {
                        self.incref(b, r);
                    }
                    self.define(d, r);
                } else if self.made_tuple_of(*v, *n) {
                    // An exact tuple with more than `n` items.
                    let p = b.ins().band_imm_u(x, PAYLOAD_MASK);
                    let r = b.ins().load(I64, mem, p, TUPLE_ITEMS_OFFSET + offset);
                    if d.result.is_some_and(|r| self.needs_rc(r)) {
                        self.incref(b, r);
                    }
                    self.define(d, r);
                } else {
                    let n = b.ins().iconst(I64, *n as i64);
                    let r = self.call_rt(b, Rt::TupleGet, &[x, n]);
                    self.check(b, block, d, after, r, false)?;
                    self.define(d, r);
                }
            }
            InstKind::MakeFunction {
                name,
                defaults,
                closure,
            } => {
                let code = self
                    .symbols
                    .code_data(name)
                    .ok_or_else(|| CodegenError::Internal {
                        function: func.name.to_string(),
                        message: format!("make.function of unknown function {name:?}"),
                    })?;
                let code = self.data_addr(b, code);
                let mut vals = defaults
                    .iter()
                    .map(|v| self.val(*v))
                    .collect::<Result<Vec<_>, _>>()?;
                vals.extend(
                    closure
                        .iter()
                        .map(|v| self.val(*v))
                        .collect::<Result<Vec<_>, _>>()?,
                );
                let arr = self.array(b, &vals);
                let scratch_off = (defaults.len() * 8) as i64;
                let closure_arr = b.ins().iadd_imm_s(arr, scratch_off);
                let nd = b.ins().iconst(I64, defaults.len() as i64);
                let nc = b.ins().iconst(I64, closure.len() as i64);
                let m = self.module(b);
                let r = self.call_rt(b, Rt::MakeFunction, &[code, arr, nd, closure_arr, nc, m]);
                self.check(b, block, d, after, r, false)?;
                // Targets of `call.direct` remember their function object (one reference,
                // kept for the program's life): its presence means the `def` has run. The
                // runtime clears the slot when the global is rebound or deleted, from this
                // module or any other (`molt_runtime::watch`).
                if let Some(slot) = self.symbols.fobj.get(&**name).map(|d| d.as_u32()) {
                    self.incref(b, r);
                    let addr = self.data_addr(b, slot);
                    b.ins().store(ir::MemFlagsData::trusted(), r, addr, 0);
                    let m = self.module(b);
                    let n = self.str_const(b, molt_mir::split_module(name).1);
                    self.call_rt(b, Rt::WatchFunction, &[m, n, addr]);
                }
                self.define(d, r);
            }
            InstKind::MakeClass {
                name,
                bases,
                namespace,
                slots,
            } => {
                let n = self.str_const(b, name);
                let (bs, ns) = (v!(bases), v!(namespace));
                let names: Vec<ir::Value> = slots.iter().map(|s| self.str_const(b, s)).collect();
                let arr = self.array(b, &names);
                let count = b.ins().iconst(I32, names.len() as i64);
                let m = self.module(b);
                let r = self.call_rt(b, Rt::MakeClass, &[n, bs, ns, arr, count, m]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::Import {
                name,
                level,
                fromlist,
            } => {
                let n = self.str_const(b, name);
                let level = b.ins().iconst(I32, i64::from(*level));
                let fromlist = if fromlist.is_empty() {
                    b.ins().iconst(I64, NONE)
                } else {
                    let names: Vec<&str> = fromlist.iter().map(|s| &**s).collect();
                    let slot = self.symbols.kwnames_slot(&names);
                    self.cached(b, slot)
                };
                let m = self.module(b);
                let r = self.call_rt(b, Rt::Import, &[n, level, fromlist, m]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::ImportFrom(m, name) => {
                let m = v!(m);
                let n = self.str_const(b, name);
                let r = self.call_rt(b, Rt::ImportFrom, &[m, n]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::ImportStar { module, only } => {
                let from = v!(module);
                let into = self.module(b);
                let only = if only.is_empty() {
                    b.ins().iconst(I64, NONE)
                } else {
                    let names: Vec<&str> = only.iter().map(|s| &**s).collect();
                    let slot = self.symbols.kwnames_slot(&names);
                    self.cached(b, slot)
                };
                let r = self.call_rt(b, Rt::ImportStar, &[from, into, only]);
                self.check(b, block, d, after, r, true)?;
            }
            InstKind::Yield(v) => {
                // Generators run on their own stack (see `docs/runtime.md`): `molt_yield`
                // suspends this body and returns the value sent in when it is resumed. A
                // value whose last use this is goes to the resumer (CPython's `YIELD_VALUE`
                // pops it): the suspended body keeps no reference.
                let x = v!(v);
                let f = if !after.contains(v) && self.needs_rc(*v) {
                    self.moved.push(*v);
                    Rt::YieldOwned
                } else {
                    Rt::Yield
                };
                let r = self.call_rt(b, f, &[x]);
                self.check(b, block, d, after, r, false)?;
                self.define(d, r);
            }
            InstKind::Jump(_)
            | InstKind::Brif(..)
            | InstKind::IterNext(..)
            | InstKind::Return(_)
            | InstKind::Raise(..)
            | InstKind::Reraise(_)
            | InstKind::Unreachable => unreachable_terminator(func)?,
        }
        Ok(())
    }

    /// Branches to `fast` when both words are inline ints, else to a new cold block that is
    /// left current... returns (fast, slow) blocks with the builder switched to `fast`.
    fn both_small(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        l: ir::Value,
        r: ir::Value,
    ) -> (ir::Block, ir::Block) {
        // A constant operand's tag is known here: only the other one is tested (and when
        // the constant is not a small int, the fast path is never taken).
        let is_small = |b: &mut FunctionBuilder<'_>, v: ir::Value| match iconst_of(b, v) {
            Some(w) => Err((w as u64 >> 48) as i64 == TAG_INT),
            None => {
                let t = b.ins().ushr_imm_u(v, 48);
                Ok(b.ins().icmp_imm_s(IntCC::Equal, t, TAG_INT))
            }
        };
        let both = match (is_small(b, l), is_small(b, r)) {
            (Ok(cl), Ok(cr)) => b.ins().band(cl, cr),
            (Ok(c), Err(true)) | (Err(true), Ok(c)) => c,
            (Err(x), Err(y)) => b.ins().iconst(types::I8, i64::from(x && y)),
            (Ok(_), Err(false)) | (Err(false), Ok(_)) => b.ins().iconst(types::I8, 0),
        };
        let fast = b.create_block();
        let slow = b.create_block();
        b.set_cold_block(slow);
        b.ins().brif(both, fast, &[], slow, &[]);
        b.switch_to_block(fast);
        (fast, slow)
    }

    /// The generic path of a guarded operation: the runtime call, its error edge, and a jump
    /// to `merge` with the result.
    #[allow(clippy::too_many_arguments)]
    fn generic_binary(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        f: Rt,
        code: ir::Value,
        l: ir::Value,
        r: ir::Value,
        merge: ir::Block,
    ) -> Result<(), CodegenError> {
        let res = self.call_rt(b, f, &[code, l, r]);
        self.check(b, block, d, after, res, false)?;
        b.ins().jump(merge, &[BlockArg::Value(res)]);
        Ok(())
    }

    /// Whether the result `v` of the guarded integer operation being translated has one use,
    /// a guarded integer operation or comparison later in the same range (see [`Wide`]).
    fn wide_use(&self, block: molt_mir::Block, v: Value) -> bool {
        if self.uses[v.index()] != 1 {
            return false;
        }
        let func = self.func;
        func.blocks[block.index()]
            .insts
            .iter()
            .take(self.range_end)
            .skip(self.position.1 as usize + 1)
            .map(|i| &func.insts[i.index()])
            .any(|d| match &d.kind {
                InstKind::Binary { lhs, rhs, .. } if *lhs == v || *rhs == v => {
                    strategy(func, d) == Strategy::IntArith
                }
                InstKind::Compare(_, lhs, rhs) if *lhs == v || *rhs == v => matches!(
                    strategy(func, d),
                    Strategy::IntCompare | Strategy::NumericCompare
                ),
                _ => false,
            })
    }

    /// The generic path of a guarded int operation or comparison (`f`: `molt_binary` or
    /// `molt_compare`), with `code`: with operands kept in registers ([`Wide`]), the `_wide`
    /// entry point, which boxes those itself (a bit per operand says which, at run time: an
    /// operation that took its own generic path left a word); the result or *error*.
    fn generic_wide(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        f: Rt,
        code: ir::Value,
        [l, r]: [ir::Value; 2],
        wide_in: [Option<Wide>; 2],
    ) -> ir::Value {
        if wide_in.iter().all(Option::is_none) {
            return self.call_rt(b, f, &[code, l, r]);
        }
        let mut raws = [l, r];
        let mut bits = b.ins().iconst(I32, 0);
        for (i, w) in wide_in.iter().enumerate() {
            match w {
                Some(w) => {
                    raws[i] = w.raw;
                    let ok = b.ins().uextend(I32, w.ok);
                    let bit = b.ins().ishl_imm_u(ok, i as i64);
                    bits = b.ins().bor(bits, bit);
                }
                None => raws[i] = b.ins().iconst(I64, 0),
            }
        }
        let wide = if f == Rt::Compare {
            Rt::CompareWide
        } else {
            Rt::BinaryWide
        };
        self.call_rt(b, wide, &[code, l, r, raws[0], raws[1], bits])
    }

    /// Whether no operand in `wide_in` holds its value in a register (`i8`, 1 when none
    /// does): the float paths read the words.
    fn words_only(b: &mut FunctionBuilder<'_>, wide_in: [Option<Wide>; 2]) -> Option<ir::Value> {
        let mut cond: Option<ir::Value> = None;
        for w in wide_in.into_iter().flatten() {
            let word = b.ins().bxor_imm_u(w.ok, 1);
            cond = Some(match cond {
                Some(c) => b.ins().band(c, word),
                None => word,
            });
        }
        cond
    }

    /// `+ - * & | ^ // % << >>` with the small-int fast path (tag guard, overflow guard).
    ///
    /// An operand kept in a register by the operation that made it ([`Wide`]) is used as it
    /// is (any `i64`); a result whose only use is another such operation stays in a register
    /// too, so only the overflow of 64 bits leaves the fast path of a chain, and the inline
    /// range (48 bits) is checked where the chain's result becomes a word.
    #[allow(clippy::too_many_arguments)]
    fn int_arith(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        op: BinaryOp,
        code: ir::Value,
        l: ir::Value,
        r: ir::Value,
    ) -> Result<ir::Value, CodegenError> {
        let InstKind::Binary { lhs, rhs, .. } = d.kind else {
            return Err(CodegenError::Internal {
                function: self.func.name.to_string(),
                message: "int_arith on a non-binary instruction".into(),
            });
        };
        let wide_in = [self.wide.get(&lhs).copied(), self.wide.get(&rhs).copied()];
        let any_wide = wide_in.iter().any(Option::is_some);
        // Only a result with an operand proven `int` (a constant, say) stays in a register:
        // two operands of unknown type are as likely floats (`dx * dx + dy * dy`), whose
        // path would then pay for the register form at every link of the chain.
        let int_operand = [lhs, rhs].iter().any(|v| *self.func.ty(*v) == Type::Int);
        let wide_out = d.result.filter(|v| int_operand && self.wide_use(block, *v));
        let merge = b.create_block();
        b.append_block_param(merge, I64);
        if wide_out.is_some() {
            b.append_block_param(merge, I64);
            b.append_block_param(merge, I8);
        }
        let slow = match wide_in {
            [None, None] => self.both_small(b, l, r).1,
            _ => {
                let tested = |b: &mut FunctionBuilder<'_>, word: ir::Value, w: Option<Wide>| match w
                {
                    Some(w) => w.ok,
                    None => {
                        let t = b.ins().ushr_imm_u(word, 48);
                        b.ins().icmp_imm_s(IntCC::Equal, t, TAG_INT)
                    }
                };
                let (cl, cr) = (tested(b, l, wide_in[0]), tested(b, r, wide_in[1]));
                let both = b.ins().band(cl, cr);
                let fast = b.create_block();
                let slow = b.create_block();
                b.set_cold_block(slow);
                b.ins().brif(both, fast, &[], slow, &[]);
                b.switch_to_block(fast);
                slow
            }
        };
        let operand = |b: &mut FunctionBuilder<'_>, word: ir::Value, w: Option<Wide>| match w {
            Some(w) => w.raw,
            None => small_int(b, word),
        };
        let (x, y) = (operand(b, l, wide_in[0]), operand(b, r, wide_in[1]));
        // Branches to `slow` unless `c` (`i8`) is 1.
        let guard = |b: &mut FunctionBuilder<'_>, c: ir::Value| {
            let next = b.create_block();
            b.ins().brif(c, next, &[], slow, &[]);
            b.switch_to_block(next);
        };
        if matches!(op, BinaryOp::FloorDiv | BinaryOp::Mod) {
            // A zero divisor takes the generic path (which raises ZeroDivisionError). The
            // 48-bit operands cannot make `sdiv` overflow; a register operand can
            // (`i64::MIN // -1`), so a divisor of -1 then takes the generic path too.
            let nonzero = b.ins().icmp_imm_s(IntCC::NotEqual, y, 0);
            guard(b, nonzero);
            if any_wide {
                let not_minus_one = b.ins().icmp_imm_s(IntCC::NotEqual, y, -1);
                guard(b, not_minus_one);
            }
        }
        // The result, and whether it is exact in 64 bits (`None`: always). With 48-bit
        // operands only `+`, `-` and `//` (and `*`, `<<`, checked) can leave the inline
        // range; register operands may make any result a wide one.
        let (res, exact) = match op {
            BinaryOp::Mod | BinaryOp::FloorDiv => (floor_div_mod(b, op, x, y), None),
            BinaryOp::Add | BinaryOp::Sub if any_wide => {
                // Overflow of 64 bits (two's complement, Hacker's Delight 2-13): a sum
                // overflowed when its sign differs from both operands', a difference when
                // the operands' signs differ and its sign differs from `x`'s. (Plain
                // instructions: the wasm32 backend selects no `sadd_overflow`.)
                let (s, other) = if op == BinaryOp::Add {
                    let s = b.ins().iadd(x, y);
                    (s, b.ins().bxor(y, s))
                } else {
                    let s = b.ins().isub(x, y);
                    (s, b.ins().bxor(x, y))
                };
                let from_x = b.ins().bxor(x, s);
                let both = b.ins().band(from_x, other);
                (
                    s,
                    Some(b.ins().icmp_imm_s(IntCC::SignedGreaterThanOrEqual, both, 0)),
                )
            }
            BinaryOp::Add => (b.ins().iadd(x, y), None),
            BinaryOp::Sub => (b.ins().isub(x, y), None),
            BinaryOp::Mul => {
                let lo = b.ins().imul(x, y);
                let hi = b.ins().smulhi(x, y);
                let sign = b.ins().sshr_imm_u(lo, 63);
                (lo, Some(b.ins().icmp(IntCC::Equal, hi, sign)))
            }
            BinaryOp::LShift | BinaryOp::RShift => {
                let (r, conds) = shift(b, op, x, y);
                for c in conds {
                    guard(b, c);
                }
                (r, None)
            }
            BinaryOp::BitAnd => (b.ins().band(x, y), None),
            BinaryOp::BitOr => (b.ins().bor(x, y), None),
            _ => (b.ins().bxor(x, y), None),
        };
        if wide_out.is_some() {
            if let Some(exact) = exact {
                guard(b, exact);
            }
            let placeholder = b.ins().iconst(I64, INT_TAG as i64);
            let yes = b.ins().iconst(I8, 1);
            b.ins().jump(
                merge,
                &[
                    BlockArg::Value(placeholder),
                    BlockArg::Value(res),
                    BlockArg::Value(yes),
                ],
            );
        } else {
            // Operations of 48-bit operands whose result always fits (`%`, `&`, `|`, `^`,
            // `>>`) need no range check.
            let may_leave = any_wide
                || matches!(
                    op,
                    BinaryOp::Add
                        | BinaryOp::Sub
                        | BinaryOp::Mul
                        | BinaryOp::FloorDiv
                        | BinaryOp::LShift
                );
            let boxed = box_small_int(b, res);
            // One branch for both checks (exact in 64 bits, and in the inline range).
            let fits = may_leave.then(|| fits_small(b, res));
            let fits = match (exact, fits) {
                (Some(e), Some(f)) => Some(b.ins().band(e, f)),
                (e, f) => e.or(f),
            };
            match fits {
                Some(fits) => {
                    b.ins()
                        .brif(fits, merge, &[BlockArg::Value(boxed)], slow, &[]);
                }
                None => {
                    b.ins().jump(merge, &[BlockArg::Value(boxed)]);
                }
            }
        }
        b.switch_to_block(slow);
        // What the profile's classification sees of an operand: a register operand is an int
        // that passed its tag test (`raw != 0` as an inline int, so that a zero divisor is
        // told apart), a word that the operation making it left as a word is that word.
        let seen = |b: &mut FunctionBuilder<'_>, word: ir::Value, w: Option<Wide>| match w {
            Some(w) => {
                let nonzero = b.ins().icmp_imm_s(IntCC::NotEqual, w.raw, 0);
                let nonzero = b.ins().uextend(I64, nonzero);
                let small = b.ins().bor_imm_u(nonzero, INT_TAG);
                b.ins().select(w.ok, small, word)
            }
            None => word,
        };
        if let Some(p) = self.point(d) {
            // Which guard failed (the tags, the overflow check or a zero divisor) is worked
            // out by the runtime: a call here instead of the classification inline keeps
            // every guarded operation's code (and its compile time) small.
            let divide = matches!(op, BinaryOp::FloorDiv | BinaryOp::Mod);
            self.when_profiling(b, |t, b| {
                if let Some(counters) = t.counter_addr(b, p.slot) {
                    let (pl, pr) = (seen(b, l, wide_in[0]), seen(b, r, wide_in[1]));
                    let divide = b.ins().iconst(types::I32, i64::from(divide));
                    t.call_rt(b, Rt::ProfileIntGuard, &[counters, pl, pr, divide]);
                }
            });
        }
        // The merge's arguments for a word the generic path made (see [`Wide`]).
        let wide_args = |b: &mut FunctionBuilder<'_>, res: ir::Value| {
            let mut args = vec![BlockArg::Value(res)];
            if wide_out.is_some() {
                let t = b.ins().ushr_imm_u(res, 48);
                let ok = b.ins().icmp_imm_s(IntCC::Equal, t, TAG_INT);
                let raw = small_int(b, res);
                args.extend([BlockArg::Value(raw), BlockArg::Value(ok)]);
            }
            args
        };
        // Operands typed `int` (proven: MIR's type facts are) are never floats: their slow
        // path is the runtime's big-int arithmetic, with no float test on the way.
        let ints_only = *self.func.ty(lhs) == Type::Int && *self.func.ty(rhs) == Type::Int;
        if matches!(op, BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul) && !ints_only {
            // Speculation's second guess: floats, or a float and a small int (operands of
            // unknown type, such as attribute values, are often floats), compute natively.
            // (Only words: an operand in a register is an int, its word a placeholder.)
            let (ok, x, y) = numeric_pair(b, l, r, true);
            let ok = match Self::words_only(b, wide_in) {
                Some(words) => b.ins().band(ok, words),
                None => ok,
            };
            let fast = b.create_block();
            let generic = b.create_block();
            b.ins().brif(ok, fast, &[], generic, &[]);
            b.switch_to_block(fast);
            let res = self.float_arith(b, op, x, y);
            let args = wide_args(b, res);
            b.ins().jump(merge, &args);
            b.switch_to_block(generic);
        }
        let res = self.generic_wide(b, Rt::Binary, code, [l, r], wide_in);
        self.check(b, block, d, after, res, false)?;
        let args = wide_args(b, res);
        b.ins().jump(merge, &args);
        b.switch_to_block(merge);
        let params = b.block_params(merge).to_vec();
        if let (Some(v), &[_, raw, ok]) = (wide_out, &params[..]) {
            self.wide.insert(v, Wide { raw, ok });
        }
        Ok(params[0])
    }

    /// The address of the inline cache cell of instruction `d`.
    fn ic_cell(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        d: &InstData,
    ) -> Result<ir::Value, CodegenError> {
        let name = crate::symbols::ic_symbol(&self.func.name, d.site.index() as u32);
        let Some(id) = self.symbols.ic.get(&name).map(|id| id.as_u32()) else {
            return Err(CodegenError::Internal {
                function: self.func.name.to_string(),
                message: format!("no inline cache cell for site #{}", d.site.index()),
            });
        };
        Ok(self.data_addr(b, id))
    }

    /// The shape guard of a slot access: branches to `slow` unless `o` is an instance
    /// (header kind and, when `flags_clear`, flags 0) whose class shape is the one cached in
    /// `cell`; on success returns the address of the cached slot.
    fn slot_guard(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        o: ir::Value,
        cell: ir::Value,
        flags_clear: bool,
        slow: ir::Block,
    ) -> ir::Value {
        let (p, cached) = self.shape_guard(b, o, cell, flags_clear, slow);
        let index = b.ins().ushr_imm_u(cached, 32);
        let offset = b.ins().ishl_imm_u(index, 3);
        let slots = b
            .ins()
            .load(I64, ir::MemFlagsData::trusted(), p, INSTANCE_SLOTS_OFFSET);
        b.ins().iadd(slots, offset)
    }

    /// Which sequences `o[k]` indexes inline (see [`Translator::seq_item_addr`]): a list
    /// (`o` a list), a tuple (`o` a tuple), or either (`o` of unknown type: the item is read
    /// inline for a list or a tuple, `Dyn` then), when the index is an int or of unknown type.
    /// A store (`o[k] = v`) is inline for lists only.
    fn seq_index_inline(&self, o: Value, k: Value) -> Option<SeqKinds> {
        if !matches!(self.func.ty(k), Type::Int | Type::Dyn) {
            return None;
        }
        match self.func.ty(o) {
            Type::List(_) => Some(SeqKinds::List),
            Type::Tuple(_) => Some(SeqKinds::Tuple),
            Type::Dyn => Some(SeqKinds::Dyn),
            _ => None,
        }
    }

    /// The address of item `k` of `o`, a list or a tuple as `kinds` says (a list's or a
    /// tuple's kind is tested for a value of unknown type, branching to `other` for an object
    /// of another kind), or a branch to `slow` unless `k` is an inline int that indexes it
    /// (negative from the end, as Python).
    fn seq_item_addr(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        o: ir::Value,
        k: ir::Value,
        kinds: SeqKinds,
        slow: ir::Block,
        other: ir::Block,
    ) -> ir::Value {
        let tuple = match kinds {
            SeqKinds::List => return self.list_item_addr(b, o, k, false, slow),
            SeqKinds::Tuple => None,
            SeqKinds::Dyn => Some(()),
        };
        let mem = ir::MemFlagsData::trusted();
        inline_int_or(b, k, slow);
        // The sequence's item count and the address of its first item.
        let (len, items) = match tuple {
            None => {
                let p = b.ins().band_imm_u(o, PAYLOAD_MASK);
                let len = b.ins().load(I64, mem, p, TUPLE_LEN_OFFSET);
                let items = b.ins().iadd_imm_s(p, i64::from(TUPLE_ITEMS_OFFSET));
                (len, items)
            }
            Some(()) => {
                let tag = b.ins().ushr_imm_u(o, 48);
                let is_ptr = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_PTR);
                let heap = b.create_block();
                b.ins().brif(is_ptr, heap, &[], slow, &[]);
                b.switch_to_block(heap);
                let p = b.ins().band_imm_u(o, PAYLOAD_MASK);
                let kind = b.ins().uload32(mem, p, HEADER_KIND_OFFSET);
                let seq = b.create_block();
                b.append_block_param(seq, I64);
                b.append_block_param(seq, I64);
                let list = b.create_block();
                let not_list = b.create_block();
                let tuple = b.create_block();
                let is_list = b.ins().icmp_imm_s(IntCC::Equal, kind, KIND_LIST);
                b.ins().brif(is_list, list, &[], not_list, &[]);
                b.switch_to_block(list);
                let len = b.ins().load(I64, mem, p, LIST_LEN_OFFSET);
                let items = b.ins().load(I64, mem, p, LIST_ITEMS_OFFSET);
                b.ins()
                    .jump(seq, &[BlockArg::Value(len), BlockArg::Value(items)]);
                b.switch_to_block(not_list);
                let is_tuple = b.ins().icmp_imm_s(IntCC::Equal, kind, KIND_TUPLE);
                b.ins().brif(is_tuple, tuple, &[], other, &[]);
                b.switch_to_block(tuple);
                let len = b.ins().load(I64, mem, p, TUPLE_LEN_OFFSET);
                let items = b.ins().iadd_imm_s(p, i64::from(TUPLE_ITEMS_OFFSET));
                b.ins()
                    .jump(seq, &[BlockArg::Value(len), BlockArg::Value(items)]);
                b.switch_to_block(seq);
                let params = b.block_params(seq);
                (params[0], params[1])
            }
        };
        let i = checked_index(b, k, len, slow);
        let offset = b.ins().ishl_imm_u(i, 3);
        b.ins().iadd(items, offset)
    }

    /// Whether `t` is the result of an `unpack` or `unpack.ex` (an exact tuple) with more
    /// than `n` items.
    fn made_tuple_of(&self, t: Value, n: u32) -> bool {
        let molt_mir::ValueDef::Result(inst) = self.func.values[t.index()].def else {
            return false;
        };
        match self.func.insts[inst.index()].kind {
            InstKind::Unpack(_, count) => n < count,
            InstKind::UnpackEx(_, before, after) => n <= before + after,
            _ => false,
        }
    }

    /// Whether the `unpack` being translated is followed directly, in the same range, by
    /// `extract`s of its result that are all of that result's uses: then nothing runs
    /// between the unpack and the reads of its items, which may come from the unpacked
    /// object itself, a list included.
    fn extracts_follow(&self, block: molt_mir::Block, t: Value) -> bool {
        let insts = &self.func.blocks[block.index()].insts;
        let mut count = 0;
        for inst in insts
            .iter()
            .take(self.range_end)
            .skip(self.position.1 as usize + 1)
        {
            match self.func.insts[inst.index()].kind {
                InstKind::Extract(x, _) if x == t => count += 1,
                _ => break,
            }
        }
        count > 0 && count == self.uses[t.index()]
    }

    /// `unpack v, n` (`x` is `v`'s word): `v` unpacked into exactly `n` items, as a tuple;
    /// the runtime (`molt_unpack`) makes it, and raises `ValueError`, unless `v` is an exact
    /// tuple of `n` items (then the result is `v` itself, as the runtime would return).
    ///
    /// When the extracts of the result follow directly ([`Self::extracts_follow`]), they read
    /// the items in place (`unpacked` holds their address) from a tuple or a list of `n`
    /// items, and only the runtime's tuple is a real object: the result is that tuple, or
    /// `v` itself when this is `v`'s last use (kept alive until the last extract), or `None`.
    #[allow(clippy::too_many_arguments)]
    fn unpack(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        v: Value,
        x: ir::Value,
        n: u32,
    ) -> Result<(), CodegenError> {
        let mem = ir::MemFlagsData::trusted();
        let ty = self.func.ty(v).clone();
        let in_place = d.result.is_some_and(|t| self.extracts_follow(block, t));
        let proven = matches!(&ty, Type::Tuple(ts) if ts.len() == n as usize);
        let may_tuple = matches!(&ty, Type::Tuple(_) | Type::Dyn);
        let may_list = in_place && matches!(&ty, Type::List(_) | Type::Dyn);
        // This is `v`'s last use: its reference goes to the result instead of being released.
        let dies = self.needs_rc(v) && !after.contains(&v);
        let merge = b.create_block();
        b.append_block_param(merge, I64);
        if in_place {
            b.append_block_param(merge, I64);
        }
        // The fast paths' result: `v` itself (a new reference, or the frame's when it dies
        // here); in place, `v` when it dies here (released after the last extract), else
        // `None` (the frame keeps `v` alive past the extracts).
        let fast_result = |t: &mut Self, b: &mut FunctionBuilder<'_>| {
            if in_place && !dies {
                b.ins().iconst(I64, NONE)
            } else {
                if !dies {
                    t.add_to_count(b, x, 1);
                }
                x
            }
        };
        if proven {
            let t = fast_result(self, b);
            let mut args = vec![BlockArg::Value(t)];
            if in_place {
                let p = b.ins().band_imm_u(x, PAYLOAD_MASK);
                let items = b.ins().iadd_imm_s(p, i64::from(TUPLE_ITEMS_OFFSET));
                args.push(BlockArg::Value(items));
            }
            b.ins().jump(merge, &args);
        } else {
            let slow = b.create_block();
            b.set_cold_block(slow);
            if may_tuple || may_list {
                let tag = b.ins().ushr_imm_u(x, 48);
                let is_ptr = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_PTR);
                let heap = b.create_block();
                b.ins().brif(is_ptr, heap, &[], slow, &[]);
                b.switch_to_block(heap);
                let p = b.ins().band_imm_u(x, PAYLOAD_MASK);
                let kind = b.ins().uload32(mem, p, HEADER_KIND_OFFSET);
                // Item count and first item's address of a tuple or list of `n` items.
                let fast = |t: &mut Self,
                            b: &mut FunctionBuilder<'_>,
                            kind_code: i64,
                            other: ir::Block| {
                    let seq = b.create_block();
                    let is_kind = b.ins().icmp_imm_s(IntCC::Equal, kind, kind_code);
                    b.ins().brif(is_kind, seq, &[], other, &[]);
                    b.switch_to_block(seq);
                    let len_offset = if kind_code == KIND_TUPLE {
                        TUPLE_LEN_OFFSET
                    } else {
                        LIST_LEN_OFFSET
                    };
                    let len = b.ins().load(I64, mem, p, len_offset);
                    let fits = b.ins().icmp_imm_s(IntCC::Equal, len, i64::from(n));
                    let found = b.create_block();
                    b.ins().brif(fits, found, &[], slow, &[]);
                    b.switch_to_block(found);
                    let r = fast_result(t, b);
                    let mut args = vec![BlockArg::Value(r)];
                    if in_place {
                        let items = if kind_code == KIND_TUPLE {
                            b.ins().iadd_imm_s(p, i64::from(TUPLE_ITEMS_OFFSET))
                        } else {
                            b.ins().load(I64, mem, p, LIST_ITEMS_OFFSET)
                        };
                        args.push(BlockArg::Value(items));
                    }
                    b.ins().jump(merge, &args);
                };
                match (may_tuple, may_list) {
                    (true, true) => {
                        let list_test = b.create_block();
                        fast(self, b, KIND_TUPLE, list_test);
                        b.switch_to_block(list_test);
                        fast(self, b, KIND_LIST, slow);
                    }
                    (true, false) => fast(self, b, KIND_TUPLE, slow),
                    _ => fast(self, b, KIND_LIST, slow),
                }
            } else {
                b.ins().jump(slow, &[]);
            }
            // The runtime's tuple (and its `ValueError`s), `v` borrowed.
            b.switch_to_block(slow);
            let count = b.ins().iconst(I64, i64::from(n));
            let r = self.call_rt(b, Rt::Unpack, &[x, count]);
            self.check(b, block, d, after, r, false)?;
            if dies {
                self.decref(b, x);
            }
            let mut args = vec![BlockArg::Value(r)];
            if in_place {
                let p = b.ins().band_imm_u(r, PAYLOAD_MASK);
                let items = b.ins().iadd_imm_s(p, i64::from(TUPLE_ITEMS_OFFSET));
                args.push(BlockArg::Value(items));
            }
            b.ins().jump(merge, &args);
        }
        // Released on the slow path above, or moved into the result on the fast ones.
        if dies {
            self.moved.push(v);
        }
        b.switch_to_block(merge);
        let params = b.block_params(merge).to_vec();
        if let (true, Some(t)) = (in_place, d.result) {
            self.unpacked.insert(t, params[1]);
        }
        self.define(d, params[0]);
        Ok(())
    }

    /// The address of item `k` of list `o`, or a branch to `slow` unless `o` is a list (its
    /// header's kind, tested when `check_kind`; a `list`-typed value is one) and `k` an inline
    /// int that indexes it (negative from the end, as Python). The item words are read at
    /// `molt_abi::layout::LIST_ITEMS_OFFSET` and `LIST_LEN_OFFSET` (`molt_runtime::list::ListItems`).
    fn list_item_addr(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        o: ir::Value,
        k: ir::Value,
        check_kind: bool,
        slow: ir::Block,
    ) -> ir::Value {
        let mem = ir::MemFlagsData::trusted();
        inline_int_or(b, k, slow);
        if check_kind {
            self.kind_guard(b, o, KIND_LIST, slow);
        }
        let p = b.ins().band_imm_u(o, PAYLOAD_MASK);
        let len = b.ins().load(I64, mem, p, LIST_LEN_OFFSET);
        let i = checked_index(b, k, len, slow);
        let items = b.ins().load(I64, mem, p, LIST_ITEMS_OFFSET);
        let offset = b.ins().ishl_imm_u(i, 3);
        b.ins().iadd(items, offset)
    }

    /// `s[k]` for an exact ASCII str `s` (its kind tested) and an inline int `k` in range
    /// (negative from the end): the one-character str of the byte there, from the runtime's
    /// table (`molt_ascii_char`, a new reference). Anything else branches to `slow`, where
    /// nothing has happened yet.
    fn str_char_inline(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        s: ir::Value,
        k: ir::Value,
        slow: ir::Block,
    ) -> ir::Value {
        let mem = ir::MemFlagsData::trusted();
        inline_int_or(b, k, slow);
        let p = self.kind_guard(b, s, i64::from(abi::layout::KIND_STR), slow);
        let ascii_offset = if self.symbols.wasm32 {
            abi::layout::STR_ASCII_OFFSET_32
        } else {
            abi::layout::STR_ASCII_OFFSET_64
        };
        let ascii = b.ins().uload8(I64, mem, p, ascii_offset);
        let in_ascii = b.create_block();
        b.ins().brif(ascii, in_ascii, &[], slow, &[]);
        b.switch_to_block(in_ascii);
        // An ASCII str's characters are its bytes.
        let len = self.str_byte_len(b, p);
        let i = checked_index(b, k, len, slow);
        let at = b.ins().iadd(p, i);
        let text_offset = self.str_text_offset();
        let byte = b.ins().uload8(I32, mem, at, text_offset);
        self.call_rt(b, Rt::AsciiChar, &[byte])
    }

    /// `l.append(x)` (`item` is `Some(x)`) or `l.pop()` inline when `l` is a list (its kind
    /// tested when `check_kind`) with room for one more item, or with an item to pop: the
    /// result (`None`, or the popped item, whose reference passes to the caller) and the
    /// block to continue in otherwise, where nothing has happened yet. `moved` is the call's
    /// move mask (bit 0: the list, bit 1: `x`), honoured as the runtime's entry points do.
    fn list_append_pop_inline(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        l: ir::Value,
        item: Option<ir::Value>,
        moved: u64,
        check_kind: bool,
    ) -> (ir::Value, ir::Block) {
        let mem = ir::MemFlagsData::trusted();
        let slow = b.create_block();
        if check_kind {
            self.kind_guard(b, l, KIND_LIST, slow);
        }
        let p = b.ins().band_imm_u(l, PAYLOAD_MASK);
        let len = b.ins().load(I64, mem, p, LIST_LEN_OFFSET);
        let fast = b.create_block();
        let result = match item {
            Some(x) => {
                let cap = b.ins().load(I64, mem, p, LIST_CAP_OFFSET);
                let room = b.ins().icmp(IntCC::UnsignedLessThan, len, cap);
                b.ins().brif(room, fast, &[], slow, &[]);
                b.switch_to_block(fast);
                if moved & 2 == 0 {
                    self.incref(b, x);
                }
                let items = b.ins().load(I64, mem, p, LIST_ITEMS_OFFSET);
                let offset = b.ins().ishl_imm_u(len, 3);
                let addr = b.ins().iadd(items, offset);
                b.ins().store(mem, x, addr, 0);
                let len1 = b.ins().iadd_imm_s(len, 1);
                b.ins().store(mem, len1, p, LIST_LEN_OFFSET);
                b.ins().iconst(I64, NONE)
            }
            None => {
                let nonempty = b.ins().icmp_imm_s(IntCC::NotEqual, len, 0);
                b.ins().brif(nonempty, fast, &[], slow, &[]);
                b.switch_to_block(fast);
                let last = b.ins().iadd_imm_s(len, -1);
                b.ins().store(mem, last, p, LIST_LEN_OFFSET);
                let items = b.ins().load(I64, mem, p, LIST_ITEMS_OFFSET);
                let offset = b.ins().ishl_imm_u(last, 3);
                let addr = b.ins().iadd(items, offset);
                b.ins().load(I64, mem, addr, 0)
            }
        };
        if moved & 1 != 0 {
            self.decref(b, l);
        }
        (result, slow)
    }

    /// `s.isdigit()` and the other character tests of `abi::str_pred` (`which`) inline when
    /// `s` is an exact str of one byte (one ASCII character): the bool word, and the block
    /// to continue in otherwise, where nothing has happened yet. `moved` is the call's move
    /// mask (bit 0: the receiver), honoured as `molt_method_str_pred` does.
    fn str_pred_inline(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        s: ir::Value,
        which: u32,
        moved: u64,
    ) -> (ir::Value, ir::Block) {
        use abi::str_pred::*;
        let text_offset = self.str_text_offset();
        let slow = b.create_block();
        let p = self.kind_guard(b, s, i64::from(abi::layout::KIND_STR), slow);
        let len = self.str_byte_len(b, p);
        let one = b.ins().icmp_imm_s(IntCC::Equal, len, 1);
        let fast = b.create_block();
        b.ins().brif(one, fast, &[], slow, &[]);
        b.switch_to_block(fast);
        let c = b
            .ins()
            .uload8(I64, ir::MemFlagsData::new().with_notrap(), p, text_offset);
        // `c - lo <u n`: `c` is in `lo..lo + n`.
        let within = |b: &mut FunctionBuilder<'_>, c: ir::Value, lo: u8, n: i64| {
            let d = b.ins().iadd_imm_s(c, -i64::from(lo));
            b.ins().icmp_imm_u(IntCC::UnsignedLessThan, d, n)
        };
        let digit = |b: &mut FunctionBuilder<'_>| within(b, c, b'0', 10);
        let alpha = |b: &mut FunctionBuilder<'_>| {
            let lower = b.ins().bor_imm_u(c, 0x20);
            within(b, lower, b'a', 26)
        };
        let cond = match which {
            ISALPHA => alpha(b),
            ISALNUM => {
                let (x, y) = (digit(b), alpha(b));
                b.ins().bor(x, y)
            }
            // The ASCII whitespace of `str.isspace`: `\t\n\x0b\x0c\r`, `\x1c`-`\x1f`, space.
            ISSPACE => {
                let controls = within(b, c, 9, 5);
                let separators = within(b, c, 0x1c, 4);
                let space = b.ins().icmp_imm_s(IntCC::Equal, c, 32);
                let x = b.ins().bor(controls, separators);
                b.ins().bor(x, space)
            }
            // `isdigit`, `isdecimal`, `isnumeric`: the ASCII digits.
            _ => digit(b),
        };
        let w = bool_word(b, cond);
        if moved & 1 != 0 {
            self.decref(b, s);
        }
        (w, slow)
    }

    /// Branches to `slow` unless `v` is a heap object whose header has kind `kind`; returns
    /// the object's address.
    fn kind_guard(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        v: ir::Value,
        kind: i64,
        slow: ir::Block,
    ) -> ir::Value {
        let tag = b.ins().ushr_imm_u(v, 48);
        let is_ptr = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_PTR);
        let heap = b.create_block();
        b.ins().brif(is_ptr, heap, &[], slow, &[]);
        b.switch_to_block(heap);
        let p = b.ins().band_imm_u(v, PAYLOAD_MASK);
        let found = b
            .ins()
            .uload32(ir::MemFlagsData::trusted(), p, HEADER_KIND_OFFSET);
        let is_kind = b.ins().icmp_imm_s(IntCC::Equal, found, kind);
        let ok = b.create_block();
        b.ins().brif(is_kind, ok, &[], slow, &[]);
        b.switch_to_block(ok);
        p
    }

    /// The next item of iterator `it` (a new reference) when it is the runtime's iterator
    /// over a list with items left (`IterData::Seq` of a list), advancing it; otherwise a
    /// branch to `slow`, which also sees the end of the list (the runtime marks the iterator
    /// exhausted for good, as CPython's list iterator drops its list).
    fn list_iter_next(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        it: ir::Value,
        slow: ir::Block,
    ) -> ir::Value {
        let mem = ir::MemFlagsData::trusted();
        let p = self.kind_guard(b, it, KIND_ITER, slow);
        let variant = b.ins().uload32(mem, p, ITER_VARIANT_OFFSET);
        let is_seq = b.ins().icmp_imm_s(IntCC::Equal, variant, ITER_SEQ);
        let seq_iter = b.create_block();
        b.ins().brif(is_seq, seq_iter, &[], slow, &[]);
        b.switch_to_block(seq_iter);
        // The sequence of a `Seq` iterator is a list or a tuple (a heap object).
        let seq = b.ins().load(I64, mem, p, ITER_SEQ_OFFSET);
        let q = b.ins().band_imm_u(seq, PAYLOAD_MASK);
        let seq_kind = b.ins().uload32(mem, q, HEADER_KIND_OFFSET);
        let is_list = b.ins().icmp_imm_s(IntCC::Equal, seq_kind, KIND_LIST);
        let list = b.create_block();
        b.ins().brif(is_list, list, &[], slow, &[]);
        b.switch_to_block(list);
        let index = b.ins().load(I64, mem, p, ITER_SEQ_INDEX_OFFSET);
        let len = b.ins().load(I64, mem, q, LIST_LEN_OFFSET);
        let left = b.ins().icmp(IntCC::UnsignedLessThan, index, len);
        let found = b.create_block();
        b.ins().brif(left, found, &[], slow, &[]);
        b.switch_to_block(found);
        let next = b.ins().iadd_imm_s(index, 1);
        b.ins().store(mem, next, p, ITER_SEQ_INDEX_OFFSET);
        let items = b.ins().load(I64, mem, q, LIST_ITEMS_OFFSET);
        let offset = b.ins().ishl_imm_u(index, 3);
        let addr = b.ins().iadd(items, offset);
        let item = b.ins().load(I64, mem, addr, 0);
        self.incref(b, item);
        item
    }

    /// Branches to `slow` unless `o` is an instance (header kind and, when `flags_clear`,
    /// flags 0) whose class shape is the low 32 bits of the first word of `cell`; returns the
    /// object's address and that first word.
    fn shape_guard(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        o: ir::Value,
        cell: ir::Value,
        flags_clear: bool,
        slow: ir::Block,
    ) -> (ir::Value, ir::Value) {
        let mem = ir::MemFlagsData::trusted();
        let tag = b.ins().ushr_imm_u(o, 48);
        let is_ptr = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_PTR);
        let heap = b.create_block();
        b.ins().brif(is_ptr, heap, &[], slow, &[]);
        b.switch_to_block(heap);
        let p = b.ins().band_imm_u(o, PAYLOAD_MASK);
        let is_instance = if flags_clear {
            let header = b.ins().load(I64, mem, p, HEADER_KIND_OFFSET);
            b.ins().icmp_imm_s(IntCC::Equal, header, KIND_INSTANCE)
        } else {
            let kind = b.ins().uload32(mem, p, HEADER_KIND_OFFSET);
            b.ins().icmp_imm_s(IntCC::Equal, kind, KIND_INSTANCE)
        };
        let instance = b.create_block();
        b.ins().brif(is_instance, instance, &[], slow, &[]);
        b.switch_to_block(instance);
        let class = b.ins().load(I64, mem, p, INSTANCE_CLASS_OFFSET);
        let class = b.ins().band_imm_u(class, PAYLOAD_MASK);
        let shape = b.ins().uload32(mem, class, CLASS_SHAPE_OFFSET);
        let cached = b.ins().load(I64, mem, cell, 0);
        let cached_shape = b.ins().band_imm_u(cached, 0xFFFF_FFFF);
        let hit = b.ins().icmp(IntCC::Equal, shape, cached_shape);
        let found = b.create_block();
        b.ins().brif(hit, found, &[], slow, &[]);
        b.switch_to_block(found);
        (p, cached)
    }

    /// After `global.store "name", v` of a global that direct calls of functions of
    /// another module go through (slot `alias`, see `Symbols::alias`): when `v` is the object
    /// the calls need (`of`: the function object of a `def`, whose `call.direct` slot holds
    /// it while its module's global does; or the module object of a module), `v` goes in the
    /// slot (one reference, kept for the program's life) and the runtime watches the global,
    /// clearing the slot when it is rebound or deleted, from this module or any other.
    fn bind_alias(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        alias: u32,
        of: &crate::symbols::AliasOf,
        name: &str,
        v: ir::Value,
    ) {
        let def_slot = match of {
            crate::symbols::AliasOf::Function(target) => {
                self.symbols.fobj.get(target).map(|d| d.as_u32())
            }
            crate::symbols::AliasOf::Module(module) => {
                self.symbols.modules.get(module).map(|d| d.as_u32())
            }
        };
        let Some(def_slot) = def_slot else {
            return;
        };
        let def_addr = self.data_addr(b, def_slot);
        let def = b.ins().load(I64, ir::MemFlagsData::trusted(), def_addr, 0);
        let same = b.ins().icmp(IntCC::Equal, def, v);
        let set = b.create_block();
        let done = b.create_block();
        b.ins().brif(same, set, &[], done, &[]);
        b.switch_to_block(set);
        self.incref(b, v);
        let addr = self.data_addr(b, alias);
        b.ins().store(ir::MemFlagsData::trusted(), v, addr, 0);
        let m = self.module(b);
        let n = self.str_const(b, name);
        self.call_rt(b, Rt::WatchFunction, &[m, n, addr]);
        b.ins().jump(done, &[]);
        b.switch_to_block(done);
    }

    /// `callee(*vals)` through the runtime's generic call (`molt_call`), the values in
    /// `mask` moved into it (see [`Self::passing`]); the result word (or the error word).
    fn call_positional(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        callee: ir::Value,
        vals: &[ir::Value],
        mask: u64,
    ) -> ir::Value {
        let arr = self.array(b, vals);
        let nargs = b.ins().iconst(I64, vals.len() as i64);
        let none = b.ins().iconst(I64, NONE);
        let mask = b.ins().iconst(I64, mask as i64);
        self.call_rt(b, Rt::Call, &[callee, arr, nargs, none, mask])
    }

    /// The data slot a direct call of MIR function `target` tests, the global its slow path
    /// reads, and, for `via "m.f"`, the slot of the global `m` (which must hold the module
    /// `m`). A function of this module: its `def`'s slot; through a global bound by
    /// `from m import f as g` (`via "g"`): that global's own slot.
    ///
    /// Errors: [`CodegenError::Internal`] when the symbols lack the function or global.
    fn direct_slot<'s>(
        &self,
        target: &'s str,
        via: Option<&'s str>,
    ) -> Result<(u32, &'s str, Option<u32>), CodegenError> {
        let internal = |message: String| CodegenError::Internal {
            function: self.func.name.to_string(),
            message,
        };
        let (global, attr) = match via {
            Some(via) => match via.split_once('.') {
                Some((global, attr)) => (global, Some(attr)),
                None => (via, None),
            },
            None => (molt_mir::split_module(target).1, None),
        };
        let fobj = || self.symbols.fobj.get(target).map(|d| d.as_u32());
        let alias = || {
            self.symbols
                .alias_slot(&self.func.name, global)
                .map(|(slot, _)| slot)
        };
        let (slot, module_slot) = match (via, attr) {
            (Some(_), None) => (alias(), None),
            (Some(_), Some(_)) => match alias() {
                Some(m) => (fobj(), Some(m)),
                None => {
                    return Err(internal(format!(
                        "call.direct through unknown module global {global:?}"
                    )));
                }
            },
            (None, _) => (fobj(), None),
        };
        let slot =
            slot.ok_or_else(|| internal(format!("call.direct of unknown function {target:?}")))?;
        Ok((slot, global, module_slot))
    }

    /// The compiled function a direct call of MIR function `target` enters.
    fn direct_target(&self, target: &str) -> Result<cranelift_module::FuncId, CodegenError> {
        self.symbols
            .functions
            .get(target)
            .copied()
            .ok_or_else(|| CodegenError::Internal {
                function: self.func.name.to_string(),
                message: format!("call.direct of unknown function {target:?}"),
            })
    }

    /// Calls compiled MIR function `target` (`fid`) with function object `fobj` and one
    /// argument per parameter (passed as `pass` says: shared ones are incremented for the
    /// callee, which owns its arguments), counting the call depth around it, and jumps to
    /// `join` with the result (the error word past the recursion limit, after releasing
    /// the moved arguments, as CPython clears a frame that fails to start). `hold` says how
    /// the call keeps `fobj` alive while it runs.
    #[allow(clippy::too_many_arguments)]
    fn compiled_call(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        target: &str,
        fid: cranelift_module::FuncId,
        fobj: ir::Value,
        vals: &[ir::Value],
        pass: &[Pass],
        join: ir::Block,
        hold: Hold,
    ) {
        // Called from an inlined body: the frames inlined away count while the call runs.
        let k = self.inline_depth;
        if k > 0 {
            self.adjust_depth(b, k);
        }
        if self.symbols.handler_free.contains(target) {
            // Depth counting inline: `molt_depth_enter` only to raise RecursionError.
            let cells = self.data_addr(b, self.symbols.depth.as_u32());
            let flags = ir::MemFlagsData::trusted();
            let depth = b.ins().load(I32, flags, cells, 0);
            let limit = b.ins().load(I32, flags, cells, 4);
            let too_deep = b
                .ins()
                .icmp(IntCC::UnsignedGreaterThanOrEqual, depth, limit);
            let raise = b.create_block();
            let call_block = b.create_block();
            b.ins().brif(too_deep, raise, &[], call_block, &[]);
            b.set_cold_block(raise);
            b.switch_to_block(raise);
            self.call_rt(b, Rt::DepthEnter, &[]);
            self.release_moved(b, vals, pass);
            if hold == Hold::Owned {
                self.call_rt(b, Rt::Decref, &[fobj]);
            }
            if k > 0 {
                self.adjust_depth(b, -k);
            }
            let err = b.ins().iconst(I64, ERROR);
            b.ins().jump(join, &[BlockArg::Value(err)]);
            b.switch_to_block(call_block);
            self.share(b, vals, pass);
            let depth1 = b.ins().iadd_imm_s(depth, 1);
            b.ins().store(flags, depth1, cells, 0);
            self.held_call(b, target, (fid, fobj), vals, hold, join, |_, b| {
                let restored = b.ins().iadd_imm_s(depth, -k);
                b.ins().store(flags, restored, cells, 0);
            });
            return;
        }
        // A callee with exception handlers also enters a handled-exception frame.
        let entered = self.call_rt(b, Rt::EnterCall, &[]);
        let too_deep = b.ins().icmp_imm_s(IntCC::Equal, entered, -1);
        let call_block = b.create_block();
        let raise = b.create_block();
        b.ins().brif(too_deep, raise, &[], call_block, &[]);
        b.set_cold_block(raise);
        b.switch_to_block(raise);
        self.release_moved(b, vals, pass);
        if hold == Hold::Owned {
            self.call_rt(b, Rt::Decref, &[fobj]);
        }
        if k > 0 {
            self.adjust_depth(b, -k);
        }
        let err = b.ins().iconst(I64, ERROR);
        b.ins().jump(join, &[BlockArg::Value(err)]);
        b.switch_to_block(call_block);
        self.share(b, vals, pass);
        self.held_call(b, target, (fid, fobj), vals, hold, join, |t, b| {
            let leave = t.rt(b, Rt::LeaveCall);
            b.ins().call(leave, &[entered]);
            if k > 0 {
                t.adjust_depth(b, -k);
            }
        });
    }

    /// The call itself of [`Self::compiled_call`]: calls `fid` with `fobj` and `vals`, runs
    /// `after` (the depth count's restore), and jumps to `join` with the result, holding
    /// `fobj` as `hold` says. A function calling itself with its own function object takes
    /// no reference: the frame running it already has it held (by induction, from the first
    /// call into the function, which took one or was given one), and a reference count
    /// changed around every recursive call chains the calls through memory (a load waiting
    /// on the previous store): that call is emitted twice, one copy per case, so the
    /// common one tests once before the call and nothing after it.
    #[allow(clippy::too_many_arguments)]
    fn held_call(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        target: &str,
        (fid, fobj): (cranelift_module::FuncId, ir::Value),
        vals: &[ir::Value],
        hold: Hold,
        join: ir::Block,
        after: impl Fn(&mut Self, &mut FunctionBuilder<'_>),
    ) {
        let own = self
            .func_param
            .filter(|_| hold == Hold::Take && target == &*self.func.name);
        if let Some(own) = own {
            let same = b.ins().icmp(IntCC::Equal, fobj, own);
            let plain = b.create_block();
            let take = b.create_block();
            b.ins().brif(same, plain, &[], take, &[]);
            b.switch_to_block(plain);
            let res = self.call_code(b, fid, fobj, vals);
            after(self, b);
            b.ins().jump(join, &[BlockArg::Value(res)]);
            b.switch_to_block(take);
        }
        if hold == Hold::Take {
            self.add_to_count(b, fobj, 1);
        }
        let res = self.call_code(b, fid, fobj, vals);
        after(self, b);
        if hold != Hold::Borrowed {
            self.release_held(b, fobj);
        }
        b.ins().jump(join, &[BlockArg::Value(res)]);
    }

    /// Releases the reference a compiled call held on its function object (a heap object:
    /// no tag test), freeing it when that was the last (its global was rebound while the
    /// call ran).
    fn release_held(&mut self, b: &mut FunctionBuilder<'_>, fobj: ir::Value) {
        let p = b.ins().band_imm_u(fobj, PAYLOAD_MASK);
        let rc = b.ins().load(I64, ir::MemFlagsData::trusted(), p, 0);
        let rc1 = b.ins().iadd_imm_s(rc, -1);
        b.ins().store(ir::MemFlagsData::trusted(), rc1, p, 0);
        let dead = b.ins().icmp_imm_s(IntCC::Equal, rc1, 0);
        let free = b.create_block();
        let cont = b.create_block();
        b.set_cold_block(free);
        b.ins().brif(dead, free, &[], cont, &[]);
        b.switch_to_block(free);
        let r = self.rt(b, Rt::Dealloc);
        b.ins().call(r, &[fobj]);
        b.ins().jump(cont, &[]);
        b.switch_to_block(cont);
    }

    /// Calls compiled function `fid` with function object `fobj` and the arguments `vals`
    /// (passed as an array); returns its result word.
    fn call_code(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        fid: cranelift_module::FuncId,
        fobj: ir::Value,
        vals: &[ir::Value],
    ) -> ir::Value {
        let arr = self.array(b, vals);
        let sig = python_signature(self.symbols.call_conv);
        let callee = self.symbols.import_local_function(b.func, fid, sig);
        let call = b.ins().call(callee, &[fobj, arr]);
        b.inst_results(call)[0]
    }

    /// `call.method.direct`: behind the shape guard (flags clear: no instance attribute can
    /// shadow the method), the compiled code of `target` is called with the cached function
    /// object; otherwise `molt_call_method_ic`, which fills the cache.
    #[allow(clippy::too_many_arguments)]
    fn call_method_direct(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        recv: ir::Value,
        name: &str,
        target: &str,
        args: &[ir::Value],
        (pass, mask): (Vec<Pass>, u64),
    ) -> Result<ir::Value, CodegenError> {
        let (Some(&fid), Some(code)) = (
            self.symbols.functions.get(target),
            self.symbols.code.get(target).map(|d| d.as_u32()),
        ) else {
            return Err(CodegenError::Internal {
                function: self.func.name.to_string(),
                message: format!("call.method.direct of unknown function {target:?}"),
            });
        };
        let cell = self.ic_cell(b, d)?;
        let join = b.create_block();
        b.append_block_param(join, I64);
        let slow = b.create_block();
        self.shape_guard(b, recv, cell, true, slow);
        let fobj = b.ins().load(I64, ir::MemFlagsData::trusted(), cell, 8);
        let mut vals = vec![recv];
        vals.extend_from_slice(args);
        self.compiled_call(b, target, fid, fobj, &vals, &pass, join, Hold::Borrowed);
        b.switch_to_block(slow);
        self.count_failure(b, d, 0);
        let arr = self.array(b, args);
        let n = self.str_const(b, name);
        let nargs = b.ins().iconst(I32, args.len() as i64);
        let code_addr = self.data_addr(b, code);
        let mask = b.ins().iconst(I64, mask as i64);
        let res = self.call_rt(
            b,
            Rt::CallMethodIc,
            &[recv, n, arr, nargs, cell, code_addr, mask],
        );
        b.ins().jump(join, &[BlockArg::Value(res)]);
        b.switch_to_block(join);
        let r = b.block_params(join)[0];
        self.check(b, block, d, after, r, false)?;
        Ok(r)
    }

    /// The data object of MIR function `target`'s code descriptor (what the runtime
    /// compares a function object's code with); an internal error naming the instruction
    /// `what` when the program has no such function.
    fn code_descriptor(&self, target: &str, what: &str) -> Result<u32, CodegenError> {
        self.symbols
            .code
            .get(target)
            .map(|d| d.as_u32())
            .ok_or_else(|| CodegenError::Internal {
                function: self.func.name.to_string(),
                message: format!("{what} of unknown function {target:?}"),
            })
    }

    /// `method.is`: the shape guard of the site's method cache, and on a miss
    /// `molt_method_ic_probe` (which fills the cache when the method is `target`'s code); a
    /// native bool (see [`InstKind::MethodIs`]). A miss counts as the guard's failure. On a
    /// hit, false when the call stack is as deep as the recursion limit allows: the call
    /// the inlined body stands for would raise `RecursionError`, which the generic call
    /// then does.
    fn method_is(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        d: &InstData,
        recv: ir::Value,
        name: &str,
        target: &str,
    ) -> Result<ir::Value, CodegenError> {
        let code = self.code_descriptor(target, "method.is")?;
        let cell = self.ic_cell(b, d)?;
        let merge = b.create_block();
        b.append_block_param(merge, I8);
        let slow = b.create_block();
        self.shape_guard(b, recv, cell, true, slow);
        let depth_check = b.create_block();
        b.ins().jump(depth_check, &[]);
        Ok(self.guard_end(b, d, slow, depth_check, merge, |t, b| {
            let n = t.str_const(b, name);
            let code_addr = t.data_addr(b, code);
            t.call_rt(b, Rt::MethodIcProbe, &[recv, n, cell, code_addr])
        }))
    }

    /// The end of a `method.is` or `class.is` guard: `slow`, where the inline cache missed,
    /// counts the guard's failure and asks the runtime with `probe` (an `i32`, nonzero when
    /// it filled the cache for the expected function); a hit or a filled cache goes on to
    /// `depth_check`, [`Self::depth_room`]. The guard's `i8` is `merge`'s parameter, which
    /// this returns with the builder in `merge`.
    fn guard_end(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        d: &InstData,
        slow: ir::Block,
        depth_check: ir::Block,
        merge: ir::Block,
        probe: impl FnOnce(&mut Self, &mut FunctionBuilder<'_>) -> ir::Value,
    ) -> ir::Value {
        b.set_cold_block(slow);
        b.switch_to_block(slow);
        self.count_failure(b, d, 0);
        let r = probe(self, b);
        let no = b.ins().iconst(I8, 0);
        b.ins()
            .brif(r, depth_check, &[], merge, &[BlockArg::Value(no)]);
        b.switch_to_block(depth_check);
        let room = self.depth_room(b);
        b.ins().jump(merge, &[BlockArg::Value(room)]);
        b.switch_to_block(merge);
        b.block_params(merge)[0]
    }

    /// `method.is ... loaded m`: `m` (what a `method.load.direct` gave) is the function
    /// that load's inline cache holds, and [`Self::depth_room`].
    fn method_loaded_is(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        m: Value,
        mv: ir::Value,
    ) -> Result<ir::Value, CodegenError> {
        let Some((load, _)) = self.func.direct_method_load(m).map(|(l, f)| (l.clone(), f)) else {
            return Err(CodegenError::Internal {
                function: self.func.name.to_string(),
                message: "method.is loaded from something else than method.load.direct".into(),
            });
        };
        let cell = self.ic_cell(b, &load)?;
        let cached = b.ins().load(
            I64,
            ir::MemFlagsData::trusted(),
            cell,
            molt_abi::ic::METHOD_CELL_FUNCTION as i32,
        );
        let hit = b.ins().icmp(IntCC::Equal, mv, cached);
        let merge = b.create_block();
        b.append_block_param(merge, I8);
        let depth_check = b.create_block();
        let no = b.ins().iconst(I8, 0);
        b.ins()
            .brif(hit, depth_check, &[], merge, &[BlockArg::Value(no)]);
        b.switch_to_block(depth_check);
        let room = self.depth_room(b);
        b.ins().jump(merge, &[BlockArg::Value(room)]);
        b.switch_to_block(merge);
        Ok(b.block_params(merge)[0])
    }

    /// The [`Symbols::classes`] slot of the class `call.class.direct` (or `class.is`,
    /// `new.instance`) constructs through the module global `class`.
    fn class_slot_of(&self, class: &str) -> Result<u32, CodegenError> {
        self.symbols
            .class_slot(&self.func.name, class)
            .ok_or_else(|| CodegenError::Internal {
                function: self.func.name.to_string(),
                message: format!("construction of unknown class {class:?}"),
            })
    }

    /// `class.is`: the class in the global's slot (the value read before the arguments,
    /// with `loaded`), its shape against the site's construction cache, and on a miss
    /// `molt_class_ic_probe` (which fills the cache when the class constructs with
    /// `object.__new__` and `init`'s code); then [`Self::depth_room`]. A native bool (see
    /// [`InstKind::ClassIs`]); a miss counts as the guard's failure.
    fn class_is(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        d: &InstData,
        class: &str,
        init: &str,
        loaded: Option<ir::Value>,
    ) -> Result<ir::Value, CodegenError> {
        let code = self.code_descriptor(init, "class.is")?;
        let slot = self.class_slot_of(class)?;
        let cell = self.ic_cell(b, d)?;
        let mem = ir::MemFlagsData::trusted();
        let merge = b.create_block();
        b.append_block_param(merge, I8);
        let no = b.ins().iconst(I8, 0);
        let addr = self.data_addr(b, slot);
        let cls = b.ins().load(I64, mem, addr, 0);
        let bound = match loaded {
            Some(v) => b.ins().icmp(IntCC::Equal, cls, v),
            None => b.ins().icmp_imm_s(IntCC::NotEqual, cls, 0),
        };
        let check = b.create_block();
        let unbound = b.create_block();
        b.ins().brif(bound, check, &[], unbound, &[]);
        b.set_cold_block(unbound);
        b.switch_to_block(unbound);
        self.count_failure(b, d, 0);
        b.ins().jump(merge, &[BlockArg::Value(no)]);
        b.switch_to_block(check);
        let p = b.ins().band_imm_u(cls, PAYLOAD_MASK);
        let shape = b.ins().uload32(mem, p, CLASS_SHAPE_OFFSET);
        let cached = b.ins().load(I64, mem, cell, 0);
        let cached_shape = b.ins().band_imm_u(cached, 0xFFFF_FFFF);
        let hit = b.ins().icmp(IntCC::Equal, shape, cached_shape);
        let depth_check = b.create_block();
        let slow = b.create_block();
        b.ins().brif(hit, depth_check, &[], slow, &[]);
        Ok(self.guard_end(b, d, slow, depth_check, merge, |t, b| {
            let code_addr = t.data_addr(b, code);
            t.call_rt(b, Rt::ClassIcProbe, &[cls, cell, code_addr])
        }))
    }

    /// `func.is "f" loaded v`: `v` (the global read) is the function in `f`'s direct-call
    /// slot (the `def`'s; cleared when the global is rebound), then [`Self::depth_room`]. A
    /// native bool (see [`InstKind::FuncIs`]); a miss counts as the guard's failure.
    fn func_is(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        d: &InstData,
        target: &str,
        loaded: ir::Value,
    ) -> Result<ir::Value, CodegenError> {
        let (slot, _, _) = self.direct_slot(target, None)?;
        let now = self.cached(b, slot);
        let hit = b.ins().icmp(IntCC::Equal, loaded, now);
        let merge = b.create_block();
        b.append_block_param(merge, I8);
        let depth_check = b.create_block();
        let miss = b.create_block();
        b.ins().brif(hit, depth_check, &[], miss, &[]);
        b.set_cold_block(miss);
        b.switch_to_block(miss);
        self.count_failure(b, d, 0);
        let no = b.ins().iconst(I8, 0);
        b.ins().jump(merge, &[BlockArg::Value(no)]);
        b.switch_to_block(depth_check);
        let room = self.depth_room(b);
        b.ins().jump(merge, &[BlockArg::Value(room)]);
        b.switch_to_block(merge);
        Ok(b.block_params(merge)[0])
    }

    /// Whether a call here would stay within the recursion limit (`molt_depth` below the
    /// limit, counting the frames inlined away around the instruction): an `i8`.
    fn depth_room(&mut self, b: &mut FunctionBuilder<'_>) -> ir::Value {
        let cells = self.data_addr(b, self.symbols.depth.as_u32());
        let flags = ir::MemFlagsData::trusted();
        let depth = b.ins().load(I32, flags, cells, 0);
        let limit = b.ins().load(I32, flags, cells, 4);
        // (Under inlined calls: the frames inlined away are on CPython's stack.)
        let depth = match self.inline_depth {
            0 => depth,
            k => b.ins().iadd_imm_s(depth, k),
        };
        b.ins().icmp(IntCC::UnsignedLessThan, depth, limit)
    }

    /// `method.load.direct`: the function cached for the receiver's class shape (a new
    /// reference), else `molt_method_load_ic`, which looks the method up and refills the
    /// cache (see [`InstKind::MethodLoadDirect`]).
    #[allow(clippy::too_many_arguments)]
    fn method_load_direct(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        recv: ir::Value,
        name: &str,
        target: &str,
    ) -> Result<ir::Value, CodegenError> {
        let code = self.code_descriptor(target, "method.load.direct")?;
        let cell = self.ic_cell(b, d)?;
        let merge = b.create_block();
        b.append_block_param(merge, I64);
        let slow = b.create_block();
        self.shape_guard(b, recv, cell, true, slow);
        let f = b.ins().load(
            I64,
            ir::MemFlagsData::trusted(),
            cell,
            molt_abi::ic::METHOD_CELL_FUNCTION as i32,
        );
        self.incref(b, f);
        b.ins().jump(merge, &[BlockArg::Value(f)]);
        b.switch_to_block(slow);
        self.count_failure(b, d, 0);
        let n = self.str_const(b, name);
        let code_addr = self.data_addr(b, code);
        let r = self.call_rt(b, Rt::MethodLoadIc, &[recv, n, cell, code_addr]);
        self.check(b, block, d, after, r, false)?;
        b.ins().jump(merge, &[BlockArg::Value(r)]);
        b.switch_to_block(merge);
        Ok(b.block_params(merge)[0])
    }

    /// Global `name` read through `slot`, a static word that holds the object the global is
    /// bound to while it is that object (a function's `def` or a class statement filled it;
    /// the runtime's watch clears it when the global is rebound or deleted): the slot's
    /// object, with a new reference when `d`'s result is counted, or, when the slot is
    /// empty, the name looked up as CPython does (`molt_global_load`: `NameError` before
    /// the statement ran). The result may be the error word; the caller checks it.
    fn global_load_through_slot(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        d: &InstData,
        slot: u32,
        name: &str,
    ) -> ir::Value {
        let addr = self.data_addr(b, slot);
        let obj = b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0);
        let fast = b.create_block();
        let slow = b.create_block();
        let join = b.create_block();
        b.append_block_param(join, I64);
        b.ins().brif(obj, fast, &[], slow, &[]);
        b.switch_to_block(fast);
        if d.result.is_some_and(|r| self.needs_rc(r)) {
            self.add_to_count(b, obj, 1);
        }
        b.ins().jump(join, &[BlockArg::Value(obj)]);
        b.switch_to_block(slow);
        b.set_cold_block(slow);
        let m = self.module(b);
        let n = self.str_const(b, name);
        let g = self.call_rt(b, Rt::GlobalLoad, &[m, n]);
        b.ins().jump(join, &[BlockArg::Value(g)]);
        b.switch_to_block(join);
        b.block_params(join)[0]
    }

    /// The [`Symbols::classes`] slot that `global.store name` (instruction `d`) fills: in a
    /// module's top-level code, the store of the class its `class` statement just made
    /// (`make.class` of the same name), of a global some `call.class.direct` constructs
    /// through. With the class value to compare when the stored value is the result of one
    /// decorator called with the class (`@dataclass`): the slot is filled only if it is
    /// that class.
    fn class_statement_slot(&self, name: &str, d: &InstData) -> Option<(u32, Option<Value>)> {
        let slot = self.symbols.class_slot(&self.func.name, name)?;
        if molt_mir::split_module(&self.func.name).1 != "<module>" {
            return None;
        }
        let InstKind::GlobalStore(_, v) = &d.kind else {
            return None;
        };
        let is_class = |v: Value| match self.func.values[v.index()].def {
            molt_mir::ValueDef::Result(def) => matches!(
                &self.func.insts[def.index()].kind,
                InstKind::MakeClass { name: made, .. } if &**made == name
            ),
            _ => false,
        };
        if is_class(*v) {
            return Some((slot, None));
        }
        let molt_mir::ValueDef::Result(def) = self.func.values[v.index()].def else {
            return None;
        };
        match &self.func.insts[def.index()].kind {
            InstKind::Call { args, .. }
                if args.keywords.is_empty()
                    && args.positional.len() == 1
                    && is_class(args.positional[0]) =>
            {
                Some((slot, Some(args.positional[0])))
            }
            _ => None,
        }
    }

    /// `call.class.direct`: the class comes from its slot (empty before the `class`
    /// statement ran or after the global was rebound: the global is loaded and called);
    /// behind the shape guard of the class against the site's cell, the instance is
    /// allocated (`molt_new_instance`) and the cached `__init__`'s compiled code called
    /// with it and the arguments; a result other than `None` raises CPython's `TypeError`
    /// (`molt_init_not_none`). A cache miss calls `molt_call_class_ic`, which fills the
    /// cache and calls the class generically.
    #[allow(clippy::too_many_arguments)]
    fn call_class_direct(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        class: &str,
        init: &str,
        loaded: Option<ir::Value>,
        args: &[ir::Value],
        (pass, mask): (Vec<Pass>, u64),
    ) -> Result<ir::Value, CodegenError> {
        let (Some(slot), Some(&fid), Some(code)) = (
            self.symbols.class_slot(&self.func.name, class),
            self.symbols.functions.get(init),
            self.symbols.code.get(init).map(|d| d.as_u32()),
        ) else {
            return Err(CodegenError::Internal {
                function: self.func.name.to_string(),
                message: format!("call.class.direct of unknown class {class:?} or {init:?}"),
            });
        };
        let mem = ir::MemFlagsData::trusted();
        let cell = self.ic_cell(b, d)?;
        let join = b.create_block();
        b.append_block_param(join, I64);
        let addr = self.data_addr(b, slot);
        let cls = b.ins().load(I64, mem, addr, 0);
        // With the class read before the arguments: that class must be the slot's.
        let bound = match loaded {
            Some(v) => b.ins().icmp(IntCC::Equal, cls, v),
            None => b.ins().icmp_imm_s(IntCC::NotEqual, cls, 0),
        };
        let check = b.create_block();
        let unbound = b.create_block();
        b.ins().brif(bound, check, &[], unbound, &[]);
        // The class's shape against the cached one.
        b.switch_to_block(check);
        let p = b.ins().band_imm_u(cls, PAYLOAD_MASK);
        let shape = b.ins().uload32(mem, p, CLASS_SHAPE_OFFSET);
        let cached = b.ins().load(I64, mem, cell, 0);
        let cached_shape = b.ins().band_imm_u(cached, 0xFFFF_FFFF);
        let hit = b.ins().icmp(IntCC::Equal, shape, cached_shape);
        let fast = b.create_block();
        let miss = b.create_block();
        b.ins().brif(hit, fast, &[], miss, &[]);
        // Fast path: a new instance, then `__init__`'s compiled code with it (a reference
        // of its own: the callee owns its arguments) and the arguments.
        b.switch_to_block(fast);
        let f = b.ins().load(I64, mem, cell, 8);
        let inst = self.call_rt(b, Rt::NewInstance, &[cls]);
        let mut vals = vec![inst];
        vals.extend_from_slice(args);
        let mut passes = vec![Pass::Share];
        passes.extend_from_slice(&pass);
        let returned = b.create_block();
        b.append_block_param(returned, I64);
        self.compiled_call(b, init, fid, f, &vals, &passes, returned, Hold::Borrowed);
        b.switch_to_block(returned);
        let r = b.block_params(returned)[0];
        let is_none = b.ins().icmp_imm_s(IntCC::Equal, r, NONE);
        let made = b.create_block();
        let failed = b.create_block();
        b.ins().brif(is_none, made, &[], failed, &[]);
        b.switch_to_block(made);
        b.ins().jump(join, &[BlockArg::Value(inst)]);
        // `__init__` raised, or returned something other than `None` (CPython raises, then
        // releases the result, then the instance).
        b.switch_to_block(failed);
        b.set_cold_block(failed);
        let raised = b.ins().icmp_imm_s(IntCC::Equal, r, ERROR);
        let not_none = b.create_block();
        let release = b.create_block();
        b.ins().brif(raised, release, &[], not_none, &[]);
        b.switch_to_block(not_none);
        self.call_rt(b, Rt::InitNotNone, &[r]);
        b.ins().jump(release, &[]);
        b.switch_to_block(release);
        self.decref(b, inst);
        let err = b.ins().iconst(I64, ERROR);
        b.ins().jump(join, &[BlockArg::Value(err)]);
        // Cache miss: the runtime fills the cache and calls the class.
        b.switch_to_block(miss);
        self.count_failure(b, d, 0);
        let arr = self.array(b, args);
        let nargs = b.ins().iconst(I32, args.len() as i64);
        let code_addr = self.data_addr(b, code);
        let m = b.ins().iconst(I64, mask as i64);
        let res = self.call_rt(b, Rt::CallClassIc, &[cls, arr, nargs, cell, code_addr, m]);
        b.ins().jump(join, &[BlockArg::Value(res)]);
        // No class in the slot: an ordinary call of the global (`NameError` before the
        // `class` statement ran; whatever the global holds after it was rebound), or of
        // the value read before the arguments.
        b.switch_to_block(unbound);
        self.count_failure(b, d, 0);
        if let Some(v) = loaded {
            let res = self.call_positional(b, v, args, mask);
            b.ins().jump(join, &[BlockArg::Value(res)]);
            b.switch_to_block(join);
            let r = b.block_params(join)[0];
            self.check(b, block, d, after, r, false)?;
            return Ok(r);
        }
        let module = self.module(b);
        let n = self.str_const(b, class);
        let g = self.call_rt(b, Rt::GlobalLoad, &[module, n]);
        let g_failed = b.ins().icmp_imm_s(IntCC::Equal, g, ERROR);
        let call_slow = b.create_block();
        let no_call = b.create_block();
        b.ins().brif(g_failed, no_call, &[], call_slow, &[]);
        // No call took the moved arguments: they are released here.
        b.switch_to_block(no_call);
        self.release_moved(b, args, &pass);
        b.ins().jump(join, &[BlockArg::Value(g)]);
        b.switch_to_block(call_slow);
        let res = self.call_positional(b, g, args, mask);
        self.decref(b, g);
        b.ins().jump(join, &[BlockArg::Value(res)]);
        b.switch_to_block(join);
        let r = b.block_params(join)[0];
        self.check(b, block, d, after, r, false)?;
        Ok(r)
    }

    /// `getattr.slot`: the slot read inline behind the shape guard (an unbound slot takes
    /// the fallback too), else `molt_getattr_ic`, which fills the cache.
    fn getattr_slot(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        o: ir::Value,
        name: &str,
    ) -> Result<ir::Value, CodegenError> {
        let cell = self.ic_cell(b, d)?;
        let merge = b.create_block();
        b.append_block_param(merge, I64);
        let slow = b.create_block();
        let addr = self.slot_guard(b, o, cell, false, slow);
        let r = b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0);
        let bound = b.ins().icmp_imm_s(IntCC::NotEqual, r, UNBOUND);
        let hit = b.create_block();
        b.ins().brif(bound, hit, &[], slow, &[]);
        b.switch_to_block(hit);
        self.incref(b, r);
        b.ins().jump(merge, &[BlockArg::Value(r)]);
        b.switch_to_block(slow);
        self.count_failure(b, d, 0);
        let n = self.str_const(b, name);
        let r = self.call_rt(b, Rt::GetAttrIc, &[o, n, cell]);
        self.check(b, block, d, after, r, false)?;
        b.ins().jump(merge, &[BlockArg::Value(r)]);
        b.switch_to_block(merge);
        Ok(b.block_params(merge)[0])
    }

    /// `setattr.slot`: the slot written inline behind the shape guard (flags must be clear:
    /// the instance still uses its slots), else `molt_setattr_ic`, which fills the cache.
    #[allow(clippy::too_many_arguments)]
    fn setattr_slot(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        o: ir::Value,
        name: &str,
        x: ir::Value,
    ) -> Result<(), CodegenError> {
        let cell = self.ic_cell(b, d)?;
        let merge = b.create_block();
        let slow = b.create_block();
        let (p, cached) = self.shape_guard(b, o, cell, true, slow);
        let mem = ir::MemFlagsData::trusted();
        let index = b.ins().ushr_imm_u(cached, 32);
        let offset = b.ins().ishl_imm_u(index, 3);
        let slots = b.ins().load(I64, mem, p, INSTANCE_SLOTS_OFFSET);
        let addr = b.ins().iadd(slots, offset);
        let old = b.ins().load(I64, mem, addr, 0);
        // A first assignment stays inline only when it keeps `__dict__` order: the slot is
        // the first one or follows a bound slot (the runtime checks the rest, see
        // `molt_runtime::class::slot_bind_keeps_order`).
        let store = b.create_block();
        let first = b.create_block();
        let check_prev = b.create_block();
        let unbound = b.ins().icmp_imm_s(IntCC::Equal, old, UNBOUND);
        b.ins().brif(unbound, first, &[], store, &[]);
        b.switch_to_block(first);
        let is_first = b.ins().icmp_imm_s(IntCC::Equal, index, 0);
        b.ins().brif(is_first, store, &[], check_prev, &[]);
        b.switch_to_block(check_prev);
        let prev = b.ins().load(I64, mem, addr, -8);
        let prev_bound = b.ins().icmp_imm_s(IntCC::NotEqual, prev, UNBOUND);
        b.ins().brif(prev_bound, store, &[], slow, &[]);
        b.switch_to_block(store);
        self.incref(b, x);
        b.ins().store(mem, x, addr, 0);
        let was_bound = b.ins().icmp_imm_s(IntCC::NotEqual, old, UNBOUND);
        let release = b.create_block();
        b.ins().brif(was_bound, release, &[], merge, &[]);
        b.switch_to_block(release);
        self.decref(b, old);
        b.ins().jump(merge, &[]);
        b.switch_to_block(slow);
        self.count_failure(b, d, 0);
        let n = self.str_const(b, name);
        let r = self.call_rt(b, Rt::SetAttrIc, &[o, n, x, cell]);
        self.check(b, block, d, after, r, true)?;
        b.ins().jump(merge, &[]);
        b.switch_to_block(merge);
        Ok(())
    }

    /// Comparisons with the small-int fast path (then floats, then the runtime).
    #[allow(clippy::too_many_arguments)]
    fn int_compare(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        op: CmpOp,
        l: ir::Value,
        r: ir::Value,
    ) -> Result<Compared, CodegenError> {
        // A `bool` result (the operands' comparison cannot return anything else) merges as
        // its condition; otherwise as the word (a rich comparison may return any object).
        let as_cond = d.result.is_some_and(|v| *self.func.ty(v) == Type::Bool);
        let merge = b.create_block();
        b.append_block_param(merge, if as_cond { I8 } else { I64 });
        let merge_arg = |b: &mut FunctionBuilder<'_>, c: ir::Value| {
            if as_cond { c } else { bool_word(b, c) }
        };
        let InstKind::Compare(_, lhs, rhs) = d.kind else {
            return Err(CodegenError::Internal {
                function: self.func.name.to_string(),
                message: "int_compare on a non-comparison".into(),
            });
        };
        let wide_in = [self.wide.get(&lhs).copied(), self.wide.get(&rhs).copied()];
        let slow = match wide_in {
            [None, None] => {
                let (_, slow) = self.both_small(b, l, r);
                // Same tag: comparing the words shifted left by 16 orders the payloads.
                let x = b.ins().ishl_imm_u(l, 16);
                let y = b.ins().ishl_imm_u(r, 16);
                let c = b.ins().icmp(int_cc(op), x, y);
                let w = merge_arg(b, c);
                b.ins().jump(merge, &[BlockArg::Value(w)]);
                slow
            }
            _ => {
                // An operand kept in a register ([`Wide`]) compares as its `i64`.
                let mut both = None;
                let mut xs = Vec::new();
                for (word, w) in [(l, wide_in[0]), (r, wide_in[1])] {
                    let (ok, x) = match w {
                        Some(w) => (w.ok, w.raw),
                        None => {
                            let t = b.ins().ushr_imm_u(word, 48);
                            let ok = b.ins().icmp_imm_s(IntCC::Equal, t, TAG_INT);
                            (ok, small_int(b, word))
                        }
                    };
                    both = Some(match both {
                        Some(c) => b.ins().band(c, ok),
                        None => ok,
                    });
                    xs.push(x);
                }
                let fast = b.create_block();
                let slow = b.create_block();
                b.set_cold_block(slow);
                let both = both.unwrap_or_else(|| b.ins().iconst(I8, 0));
                b.ins().brif(both, fast, &[], slow, &[]);
                b.switch_to_block(fast);
                let c = b.ins().icmp(int_cc(op), xs[0], xs[1]);
                let w = merge_arg(b, c);
                b.ins().jump(merge, &[BlockArg::Value(w)]);
                slow
            }
        };
        b.switch_to_block(slow);
        let kind = self.point(d).map(|p| p.kind);
        if kind == Some(profile::INT_COMPARE) {
            self.count_failure(b, d, 0);
        }
        // Floats, or a float and a small int (exact as an `f64`: Python compares the values).
        // (Only words: an operand in a register is an int, its word a placeholder.)
        let (ok, fx, fy) = numeric_pair(b, l, r, false);
        let ok = match Self::words_only(b, wide_in) {
            Some(words) => b.ins().band(ok, words),
            None => ok,
        };
        let fast = b.create_block();
        let generic = b.create_block();
        b.ins().brif(ok, fast, &[], generic, &[]);
        b.switch_to_block(fast);
        let fc = b.ins().fcmp(float_cc(op), fx, fy);
        let fw = merge_arg(b, fc);
        b.ins().jump(merge, &[BlockArg::Value(fw)]);
        b.switch_to_block(generic);
        if kind == Some(profile::NUMERIC) {
            self.count_failure(b, d, 0);
        }
        let code = b.ins().iconst(I32, i64::from(compare_code(op)));
        let res = self.generic_wide(b, Rt::Compare, code, [l, r], wide_in);
        self.check(b, block, d, after, res, false)?;
        let res = if as_cond {
            b.ins().icmp_imm_s(IntCC::Equal, res, TRUE)
        } else {
            res
        };
        b.ins().jump(merge, &[BlockArg::Value(res)]);
        b.switch_to_block(merge);
        let param = b.block_params(merge)[0];
        Ok(if as_cond {
            Compared::Cond(param)
        } else {
            Compared::Word(param)
        })
    }

    /// `==` / `!=` of a short str constant with another value (`Strategy::StrConstCompare`):
    /// the same word is equal (a str equals itself); an exact str (kind `Str`: never a
    /// subclass instance) is equal when its byte length and bytes are the constant's, read
    /// in 8-, 4-, 2- and 1-byte pieces from the object's text; any other value takes
    /// `molt_compare` with the operands in their order. The result is a bool word, or what
    /// the generic comparison returned.
    #[allow(clippy::too_many_arguments)]
    fn str_const_compare(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        op: CmpOp,
        (lhs, rhs): (Value, Value),
        l: ir::Value,
        r: ir::Value,
    ) -> Result<ir::Value, CodegenError> {
        let Some((text, const_right)) = molt_mir::lanes::str_const_operand(self.func, lhs, rhs)
        else {
            return Err(CodegenError::Internal {
                function: self.func.name.to_string(),
                message: "str comparison without a str constant".into(),
            });
        };
        let (x, c) = if const_right { (l, r) } else { (r, l) };
        let eq = op == CmpOp::Eq;
        let word = |b: &mut FunctionBuilder<'_>, equal: bool| {
            b.ins().iconst(I64, if equal == eq { TRUE } else { FALSE })
        };
        let text_offset = self.str_text_offset();
        let merge = b.create_block();
        b.append_block_param(merge, I64);
        let slow = b.create_block();
        let not_same = b.create_block();
        let same = b.ins().icmp(IntCC::Equal, x, c);
        let yes = word(b, true);
        b.ins()
            .brif(same, merge, &[BlockArg::Value(yes)], not_same, &[]);
        b.switch_to_block(not_same);
        let p = self.kind_guard(b, x, i64::from(abi::layout::KIND_STR), slow);
        let len = self.str_byte_len(b, p);
        let same_len = b.ins().icmp_imm_s(IntCC::Equal, len, text.len() as i64);
        let bytes = b.create_block();
        let no = word(b, false);
        b.ins()
            .brif(same_len, bytes, &[], merge, &[BlockArg::Value(no)]);
        b.switch_to_block(bytes);
        // The text is not aligned: plain (possibly unaligned) loads that cannot trap.
        let unaligned = ir::MemFlagsData::new().with_notrap();
        let mut all = None;
        let mut at = 0usize;
        let raw = text.as_bytes();
        while at < raw.len() {
            let size = [8usize, 4, 2, 1]
                .into_iter()
                .find(|&n| n <= raw.len() - at)
                .unwrap_or(1);
            let offset = text_offset + at as i32;
            let got = match size {
                8 => b.ins().load(I64, unaligned, p, offset),
                4 => b.ins().uload32(unaligned, p, offset),
                2 => b.ins().uload16(I64, unaligned, p, offset),
                _ => b.ins().uload8(I64, unaligned, p, offset),
            };
            let mut want = [0u8; 8];
            want[..size].copy_from_slice(&raw[at..at + size]);
            let want = u64::from_le_bytes(want) as i64;
            let piece = b.ins().icmp_imm_s(IntCC::Equal, got, want);
            all = Some(match all {
                Some(a) => b.ins().band(a, piece),
                None => piece,
            });
            at += size;
        }
        let w = match all {
            Some(c) => {
                let c = if eq { c } else { b.ins().bxor_imm_u(c, 1) };
                bool_word(b, c)
            }
            // The empty constant: equal lengths are equal strs.
            None => word(b, true),
        };
        b.ins().jump(merge, &[BlockArg::Value(w)]);
        b.switch_to_block(slow);
        let code = b.ins().iconst(I32, i64::from(compare_code(op)));
        self.generic_binary(b, block, d, after, Rt::Compare, code, l, r, merge)?;
        b.switch_to_block(merge);
        Ok(b.block_params(merge)[0])
    }

    /// `+ - * ** /` on a float and an int or unknown value (`**` also on two floats), or `/`
    /// on ints and unknown values: native `f64` arithmetic when both words are floats or small
    /// ints (converted exactly, as CPython does for ints below 2**53) and, for `/`, the
    /// divisor is not zero; `**` calls libm's `pow` (as CPython does) for a positive finite
    /// base and a finite exponent and keeps a finite result. Otherwise the runtime (big ints,
    /// other types, `ZeroDivisionError`, complex results, `OverflowError`).
    #[allow(clippy::too_many_arguments)]
    fn numeric_arith(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        op: BinaryOp,
        code: ir::Value,
        l: ir::Value,
        r: ir::Value,
    ) -> Result<ir::Value, CodegenError> {
        let merge = b.create_block();
        b.append_block_param(merge, I64);
        let divide = op == BinaryOp::TrueDiv;
        // Two small ints must not meet in `+ - * **` here (the result may be a big int).
        let (mut ok, x, y) = numeric_pair(b, l, r, !divide);
        let numeric_ok = ok;
        let zero = b.ins().f64const(0.0);
        if divide {
            let nonzero = b.ins().fcmp(FloatCC::NotEqual, y, zero);
            ok = b.ins().band(ok, nonzero);
        }
        if op == BinaryOp::Pow {
            // CPython's float_pow calls C's pow() for these operands and raises only when
            // the result overflows, which the runtime redoes below.
            let inf = b.ins().f64const(f64::INFINITY);
            let positive = b.ins().fcmp(FloatCC::GreaterThan, x, zero);
            let finite_x = b.ins().fcmp(FloatCC::LessThan, x, inf);
            let ay = b.ins().fabs(y);
            let finite_y = b.ins().fcmp(FloatCC::LessThan, ay, inf);
            let base_ok = b.ins().band(positive, finite_x);
            let operands_ok = b.ins().band(base_ok, finite_y);
            ok = b.ins().band(ok, operands_ok);
        }
        let fast = b.create_block();
        let slow = b.create_block();
        b.set_cold_block(slow);
        b.ins().brif(ok, fast, &[], slow, &[]);
        b.switch_to_block(fast);
        match op {
            BinaryOp::TrueDiv => {
                let q = b.ins().fdiv(x, y);
                let res = self.float_word(b, q);
                b.ins().jump(merge, &[BlockArg::Value(res)]);
            }
            BinaryOp::Pow => {
                let p = self.call_rt(b, Rt::Pow, &[x, y]);
                let inf = b.ins().f64const(f64::INFINITY);
                let ap = b.ins().fabs(p);
                let finite = b.ins().fcmp(FloatCC::LessThan, ap, inf);
                let res = self.float_word(b, p);
                b.ins()
                    .brif(finite, merge, &[BlockArg::Value(res)], slow, &[]);
            }
            _ => {
                let res = self.float_arith(b, op, x, y);
                b.ins().jump(merge, &[BlockArg::Value(res)]);
            }
        }
        b.switch_to_block(slow);
        if let Some(p) = self.point(d) {
            // A zero divisor between numbers, or operands off the fast path (for `**`, also
            // a base, exponent or result outside its domain).
            let zero = if divide {
                numeric_ok
            } else {
                b.ins().iconst(types::I8, 0)
            };
            self.when_profiling(b, |t, b| {
                // Counter 0 (not numbers) or 1 (a zero divisor).
                if let Some(counters) = t.counter_addr(b, p.slot) {
                    let which = b.ins().uextend(types::I32, zero);
                    t.call_rt(b, Rt::ProfileCount, &[counters, which]);
                }
            });
        }
        self.generic_binary(b, block, d, after, Rt::Binary, code, l, r, merge)?;
        b.switch_to_block(merge);
        Ok(b.block_params(merge)[0])
    }

    /// A float word from an `f64`: its bits, or for a NaN a fresh NaN value from the runtime
    /// (`molt_float_nan`, on a cold path, given the bits for the sign), so that every NaN a
    /// computation makes is a new object and no NaN collides with the tagged space (see
    /// `docs/runtime.md`).
    fn float_word(&mut self, b: &mut FunctionBuilder<'_>, x: ir::Value) -> ir::Value {
        let bits = b.ins().bitcast(I64, ir::MemFlagsData::new(), x);
        let nan = b.ins().fcmp(FloatCC::Unordered, x, x);
        let fresh = b.create_block();
        let done = b.create_block();
        b.append_block_param(done, I64);
        b.set_cold_block(fresh);
        b.ins()
            .brif(nan, fresh, &[], done, &[BlockArg::Value(bits)]);
        b.switch_to_block(fresh);
        let w = self.call_rt(b, Rt::FloatNan, &[bits]);
        b.ins().jump(done, &[BlockArg::Value(w)]);
        b.switch_to_block(done);
        b.block_params(done)[0]
    }

    /// `+ - *` of two `f64`s, as a float word.
    fn float_arith(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        op: BinaryOp,
        x: ir::Value,
        y: ir::Value,
    ) -> ir::Value {
        let res = match op {
            BinaryOp::Sub => b.ins().fsub(x, y),
            BinaryOp::Mul => b.ins().fmul(x, y),
            _ => b.ins().fadd(x, y),
        };
        self.float_word(b, res)
    }

    /// `/` of two floats: native unless the divisor is zero (the runtime raises).
    #[allow(clippy::too_many_arguments)]
    fn float_div(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        code: ir::Value,
        l: ir::Value,
        r: ir::Value,
    ) -> Result<ir::Value, CodegenError> {
        let merge = b.create_block();
        b.append_block_param(merge, I64);
        let (x, y) = (as_f64(b, l), as_f64(b, r));
        let zero = b.ins().f64const(0.0);
        let is_zero = b.ins().fcmp(FloatCC::Equal, y, zero);
        let fast = b.create_block();
        let slow = b.create_block();
        b.set_cold_block(slow);
        b.ins().brif(is_zero, slow, &[], fast, &[]);
        b.switch_to_block(fast);
        let q = b.ins().fdiv(x, y);
        let w = self.float_word(b, q);
        b.ins().jump(merge, &[BlockArg::Value(w)]);
        b.switch_to_block(slow);
        self.count_failure(b, d, 0);
        self.generic_binary(b, block, d, after, Rt::Binary, code, l, r, merge)?;
        b.switch_to_block(merge);
        Ok(b.block_params(merge)[0])
    }

    /// `bool(v)` inline for bools, `None` and small ints; the runtime for the rest.
    fn truthy_inline(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        v: ir::Value,
    ) -> Result<ir::Value, CodegenError> {
        let merge = b.create_block();
        b.append_block_param(merge, I8);
        let tag = b.ins().ushr_imm_u(v, 48);
        let not_bool = b.create_block();
        let not_none = b.create_block();
        let not_int = b.create_block();
        let is_bool = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_BOOL);
        let bool_block = b.create_block();
        b.ins().brif(is_bool, bool_block, &[], not_bool, &[]);
        b.switch_to_block(bool_block);
        let is_true = b.ins().icmp_imm_s(IntCC::Equal, v, TRUE);
        b.ins().jump(merge, &[BlockArg::Value(is_true)]);
        b.switch_to_block(not_bool);
        let is_none = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_NONE);
        let f = b.ins().iconst(I8, 0);
        b.ins()
            .brif(is_none, merge, &[BlockArg::Value(f)], not_none, &[]);
        b.switch_to_block(not_none);
        let is_int = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_INT);
        let int_block = b.create_block();
        b.ins().brif(is_int, int_block, &[], not_int, &[]);
        b.switch_to_block(int_block);
        let payload = b.ins().ishl_imm_u(v, 16);
        let nz = b.ins().icmp_imm_s(IntCC::NotEqual, payload, 0);
        b.ins().jump(merge, &[BlockArg::Value(nz)]);
        b.switch_to_block(not_int);
        let r = self.call_rt(b, Rt::IsTrue, &[v]);
        self.check(b, block, d, after, r, true)?;
        let c = b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
        b.ins().jump(merge, &[BlockArg::Value(c)]);
        b.switch_to_block(merge);
        Ok(b.block_params(merge)[0])
    }

    fn slot(&self, name: &str) -> Result<ir::StackSlot, CodegenError> {
        self.slots
            .get(slot_of(name))
            .copied()
            .ok_or_else(|| CodegenError::Internal {
                function: self.func.name.to_string(),
                message: format!("no slot for {name:?}"),
            })
    }

    /// Raises `UnboundLocalError` for `name` when `cond` holds.
    fn raise_if(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
        cond: ir::Value,
        name: &str,
    ) -> Result<(), CodegenError> {
        let error_block = b.create_block();
        let ok = b.create_block();
        b.set_cold_block(error_block);
        b.ins().brif(cond, error_block, &[], ok, &[]);
        b.switch_to_block(error_block);
        let n = self.str_const(b, name);
        self.call_rt(b, Rt::RaiseUnbound, &[n]);
        let owned = self.owned_at_raise(d, after);
        self.raise_edge(b, block, &owned, Some(d.site))?;
        b.switch_to_block(ok);
        Ok(())
    }

    /// Argument array, positional count and kwnames tuple for a call.
    /// How each value of a call's argument vector `stack` (a method call's receiver first,
    /// then the positional and keyword arguments) is passed, and the mask of the moved ones
    /// for the runtime (`molt_runtime::call::Moved`: bit `i` for value `i`, values from the
    /// 63rd on never moved). A value is moved at its last position when the call is its last
    /// use (it is not live after `d` and not one of `others`, such as the callee); the values
    /// moved go to `self.moved`, so they are released neither after the call nor on its
    /// exception edge.
    fn passing(
        &mut self,
        stack: &[Value],
        others: &[Value],
        after: &FxHashSet<Value>,
    ) -> (Vec<Pass>, u64) {
        let mut pass = Vec::with_capacity(stack.len());
        let mut mask = 0u64;
        for (i, v) in stack.iter().enumerate() {
            let p = if !self.needs_rc(*v) || self.is_constant(*v) {
                Pass::Plain
            } else if i < 63
                && !after.contains(v)
                && !others.contains(v)
                && !stack[i + 1..].contains(v)
            {
                self.moved.push(*v);
                Pass::Move
            } else {
                Pass::Share
            };
            if p == Pass::Move {
                mask |= 1 << i;
            }
            pass.push(p);
        }
        (pass, mask)
    }

    /// Whether `v` is a constant: immortal or not a heap object, so its reference count
    /// does not matter.
    fn is_constant(&self, v: Value) -> bool {
        match self.func.values[v.index()].def {
            molt_mir::ValueDef::Result(inst) => {
                matches!(self.func.insts[inst.index()].kind, InstKind::Const(_))
            }
            molt_mir::ValueDef::Param(..) => false,
        }
    }

    /// Increments the shared arguments of a compiled callee (which owns its arguments).
    fn share(&mut self, b: &mut FunctionBuilder<'_>, vals: &[ir::Value], pass: &[Pass]) {
        for (v, p) in vals.iter().zip(pass) {
            if *p == Pass::Share {
                self.incref(b, *v);
            }
        }
    }

    /// Releases the moved arguments of a call that did not happen, in order.
    fn release_moved(&mut self, b: &mut FunctionBuilder<'_>, vals: &[ir::Value], pass: &[Pass]) {
        for (v, p) in vals.iter().zip(pass) {
            if *p == Pass::Move {
                self.decref(b, *v);
            }
        }
    }

    fn call_args(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        args: &molt_mir::CallArgs,
    ) -> Result<(ir::Value, ir::Value, ir::Value), CodegenError> {
        let mut vals = args
            .positional
            .iter()
            .map(|v| self.val(*v))
            .collect::<Result<Vec<_>, _>>()?;
        for (_, v) in &args.keywords {
            vals.push(self.val(*v)?);
        }
        let arr = self.array(b, &vals);
        let n = b.ins().iconst(I64, args.positional.len() as i64);
        let kw = self.kwnames(b, args);
        Ok((arr, n, kw))
    }

    /// The keyword-name tuple of a call with `args` (its cached constant), or `None` when it
    /// passes no keywords.
    fn kwnames(&mut self, b: &mut FunctionBuilder<'_>, args: &molt_mir::CallArgs) -> ir::Value {
        if args.keywords.is_empty() {
            return b.ins().iconst(I64, NONE);
        }
        let names: Vec<&str> = args.keywords.iter().map(|(n, _)| &**n).collect();
        let slot = self.symbols.kwnames_slot(&names);
        self.cached(b, slot)
    }

    fn terminator(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        block: molt_mir::Block,
        d: &InstData,
        after: &FxHashSet<Value>,
    ) -> Result<(), CodegenError> {
        // Values owned just before the terminator.
        let mut owned: Vec<Value> = after.iter().copied().collect();
        d.kind.visit_operands(|v| {
            if !owned.contains(v) {
                owned.push(*v);
            }
        });
        owned.sort();
        match &d.kind {
            InstKind::Jump(call) => {
                self.count_edge(b, 0);
                self.edge(b, &owned, call, None)
            }
            InstKind::Brif(c, then, else_) => {
                let cond = self.cond_of(b, *c)?;
                let tb = b.create_block();
                let eb = b.create_block();
                b.ins().brif(cond, tb, &[], eb, &[]);
                b.switch_to_block(tb);
                self.count_edge(b, 0);
                self.edge(b, &owned, then, None)?;
                b.switch_to_block(eb);
                self.count_edge(b, 1);
                self.edge(b, &owned, else_, None)
            }
            InstKind::IterNext(it, body, exit) => {
                let itv = self.val(*it)?;
                let merge = b.create_block();
                b.append_block_param(merge, I64);
                let slow = b.create_block();
                let item = self.list_iter_next(b, itv, slow);
                b.ins().jump(merge, &[BlockArg::Value(item)]);
                // Not cold: iterators over dicts, strs and generators always take it.
                b.switch_to_block(slow);
                let item = self.call_rt(b, Rt::IterNext, &[itv]);
                b.ins().jump(merge, &[BlockArg::Value(item)]);
                b.switch_to_block(merge);
                let item = b.block_params(merge)[0];
                let not_done = b.ins().icmp_imm_s(IntCC::NotEqual, item, EXHAUSTED);
                let not_error = b.ins().icmp_imm_s(IntCC::NotEqual, item, ERROR);
                let got = b.ins().band(not_done, not_error);
                let body_edge = b.create_block();
                let other = b.create_block();
                b.ins().brif(got, body_edge, &[], other, &[]);
                b.switch_to_block(body_edge);
                self.count_edge(b, 0);
                self.edge(b, &owned, body, Some(item))?;
                b.switch_to_block(other);
                let exit_edge = b.create_block();
                let error_edge = b.create_block();
                b.set_cold_block(error_edge);
                let is_error = b.ins().icmp_imm_s(IntCC::Equal, item, ERROR);
                b.ins().brif(is_error, error_edge, &[], exit_edge, &[]);
                b.switch_to_block(exit_edge);
                self.count_edge(b, 1);
                self.edge(b, &owned, exit, None)?;
                b.switch_to_block(error_edge);
                self.raise_edge(b, block, &owned, Some(d.site))
            }
            InstKind::Return(v) => {
                self.count_edge(b, 0);
                let rv = self.val(*v)?;
                // The frame's reference to the returned value becomes the caller's (the
                // frame's other values are released, in reverse order, as before).
                let returned = *v;
                for v in owned.iter().rev() {
                    if *v != returned {
                        self.release(b, *v);
                    }
                }
                if !self.slots_released {
                    self.release_slots(b);
                }
                b.ins().return_(&[rv]);
                Ok(())
            }
            InstKind::Raise(v, cause) => {
                let ev = self.val(*v)?;
                let cv = match cause {
                    Some(c) => self.val(*c)?,
                    None => b.ins().iconst(I64, UNBOUND),
                };
                self.call_rt(b, Rt::Raise, &[ev, cv]);
                self.raise_edge(b, block, &owned, Some(d.site))
            }
            InstKind::Reraise(v) => {
                let ev = self.val(*v)?;
                let cv = b.ins().iconst(I64, UNBOUND);
                self.call_rt(b, Rt::Raise, &[ev, cv]);
                self.raise_edge(b, block, &owned, None)
            }
            InstKind::Unreachable => {
                b.ins().trap(ir::TrapCode::unwrap_user(1));
                Ok(())
            }
            _ => unreachable_terminator(self.func),
        }
    }

    /// A control-flow edge: pass arguments (each target parameter owns a new reference; the
    /// iterator item is already owned), release what dies on the edge, jump.
    fn edge(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        owned: &[Value],
        call: &BlockCall,
        item: Option<ir::Value>,
    ) -> Result<(), CodegenError> {
        let target = call.block;
        let params = &self.func.blocks[target.index()].params;
        let mut args: Vec<BlockArg> = Vec::new();
        if let Some(item) = item {
            args.push(BlockArg::Value(item));
        }
        let offset = usize::from(item.is_some());
        let keep = self.liveness.live_in(target).clone();
        // An argument that dies on this edge hands its reference to the parameter (once):
        // no increment here, no release below.
        let mut moved: Vec<Value> = Vec::new();
        for (i, a) in call.args.iter().enumerate() {
            let av = self.val(*a)?;
            let param_needs_rc = params.get(i + offset).is_some_and(|p| self.needs_rc(*p));
            if param_needs_rc && self.needs_rc(*a) {
                if !keep.contains(a) && owned.contains(a) && !moved.contains(a) {
                    moved.push(*a);
                } else {
                    self.incref(b, av);
                }
            }
            args.push(BlockArg::Value(av));
        }
        // What dies on the edge (loop iterators, mostly) is released innermost first.
        for v in owned.iter().rev() {
            if !keep.contains(v) && !moved.contains(v) {
                self.release(b, *v);
            }
        }
        let dest = match self.loop_entry(b, target) {
            Some(dispatch) => dispatch,
            None => self.blocks[target.index()],
        };
        b.ins().jump(dest, &args);
        Ok(())
    }
}

/// `TRUE` or `FALSE` from a Cranelift truth value (an `i8` or `i32`, non-zero is true).
fn bool_word(b: &mut FunctionBuilder<'_>, c: ir::Value) -> ir::Value {
    let t = b.ins().iconst(I64, TRUE);
    let f = b.ins().iconst(I64, FALSE);
    b.ins().select(c, t, f)
}

/// What [`Translator::int_compare`] gives: the condition (`i8`) of a `bool` result, or the
/// word of a result that may be any object.
enum Compared {
    Cond(ir::Value),
    Word(ir::Value),
}

/// `x << y` or `x >> y` (`op`) of machine ints as Python computes them, and the conditions
/// (`i8`s) under which that is the result: for `<<` a count in 0..64 and no bit lost (a
/// negative count raises ValueError, a lost bit makes a big int), for `>>` a count `>= 0`
/// (63 and beyond leave the sign). The caller takes its generic path when one is 0.
fn shift(
    b: &mut FunctionBuilder<'_>,
    op: BinaryOp,
    x: ir::Value,
    y: ir::Value,
) -> (ir::Value, Vec<ir::Value>) {
    if op == BinaryOp::LShift {
        let in_range = b.ins().icmp_imm_u(IntCC::UnsignedLessThan, y, 64);
        let s = b.ins().ishl(x, y);
        let back = b.ins().sshr(s, y);
        let kept = b.ins().icmp(IntCC::Equal, back, x);
        (s, vec![in_range, kept])
    } else {
        let nonneg = b.ins().icmp_imm_s(IntCC::SignedGreaterThanOrEqual, y, 0);
        let max = b.ins().iconst(I64, 63);
        let big = b.ins().icmp(IntCC::SignedGreaterThan, y, max);
        let count = b.ins().select(big, max, y);
        (b.ins().sshr(x, count), vec![nonneg])
    }
}

/// `x // y` (`op` `FloorDiv`) or `x % y` (`Mod`) of machine ints, as Python rounds: toward
/// negative infinity. C's truncating quotient is adjusted when the remainder is non-zero and
/// its sign differs from the divisor's. The caller rules out a zero divisor and `MIN // -1`
/// (which trap). One division: `%` needs only the remainder, `//` derives it from the
/// quotient (`sdiv` and `srem` are each a division instruction, which no pass merges, and a
/// division that may trap is never removed as unused).
fn floor_div_mod(
    b: &mut FunctionBuilder<'_>,
    op: BinaryOp,
    x: ir::Value,
    y: ir::Value,
) -> ir::Value {
    let (q, rem) = if op == BinaryOp::Mod {
        (None, b.ins().srem(x, y))
    } else {
        let q = b.ins().sdiv(x, y);
        let qy = b.ins().imul(q, y);
        (Some(q), b.ins().isub(x, qy))
    };
    let rem_nonzero = b.ins().icmp_imm_s(IntCC::NotEqual, rem, 0);
    let signs = b.ins().bxor(rem, y);
    let differ = b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
    let adjust = b.ins().band(rem_nonzero, differ);
    let one = b.ins().uextend(I64, adjust);
    match q {
        None => {
            let add = b.ins().imul(one, y);
            b.ins().iadd(rem, add)
        }
        Some(q) => b.ins().isub(q, one),
    }
}

/// The payload of an inline int, sign-extended from 48 bits.
fn small_int(b: &mut FunctionBuilder<'_>, v: ir::Value) -> ir::Value {
    if let Some(w) = iconst_of(b, v) {
        // A constant word: its payload, sign-extended, as a constant.
        return b.ins().iconst(I64, (w << 16) >> 16);
    }
    let shifted = b.ins().ishl_imm_u(v, 16);
    b.ins().sshr_imm_u(shifted, 16)
}

/// Continues in a new block when `k` is an inline int, else branches to `slow`.
fn inline_int_or(b: &mut FunctionBuilder<'_>, k: ir::Value, slow: ir::Block) {
    let k_tag = b.ins().ushr_imm_u(k, 48);
    let is_int = b.ins().icmp_imm_s(IntCC::Equal, k_tag, TAG_INT);
    let int = b.create_block();
    b.ins().brif(is_int, int, &[], slow, &[]);
    b.switch_to_block(int);
}

/// The position that small-int word `k` indexes in a sequence of `len` items (`u64`): its
/// 48-bit payload sign-extended, counted from the end when negative. Branches to `slow` when
/// the position is outside `0..len` (one unsigned compare rejects both a still-negative index
/// and one past the end); translation continues in a new block where it is inside.
fn checked_index(
    b: &mut FunctionBuilder<'_>,
    k: ir::Value,
    len: ir::Value,
    slow: ir::Block,
) -> ir::Value {
    let i = small_int(b, k);
    let from_end = b.ins().iadd(i, len);
    let negative = b.ins().icmp_imm_s(IntCC::SignedLessThan, i, 0);
    let i = b.ins().select(negative, from_end, i);
    let inside = b.ins().icmp(IntCC::UnsignedLessThan, i, len);
    let found = b.create_block();
    b.ins().brif(inside, found, &[], slow, &[]);
    b.switch_to_block(found);
    i
}

/// The word of `v` when the instruction that defined it is an `iconst` (a constant that
/// translation emitted: small ints, `None`, booleans), so that checks of its tag can be
/// decided while translating instead of emitted for Cranelift to fold.
fn iconst_of(b: &FunctionBuilder<'_>, v: ir::Value) -> Option<i64> {
    let ir::ValueDef::Result(inst, _) = b.func.dfg.value_def(v) else {
        return None;
    };
    match b.func.dfg.insts[inst] {
        ir::InstructionData::UnaryImm {
            opcode: ir::Opcode::Iconst,
            imm,
        } if b.func.dfg.value_type(v) == I64 => Some(imm.bits()),
        _ => None,
    }
}

/// An inline int word from a payload that fits in 48 bits.
fn box_small_int(b: &mut FunctionBuilder<'_>, i: ir::Value) -> ir::Value {
    let payload = b.ins().band_imm_u(i, PAYLOAD_MASK);
    b.ins().bor_imm_u(payload, INT_TAG)
}

/// Whether `i` fits in 48 bits (sign-extending its low 48 bits gives it back).
fn fits_small(b: &mut FunctionBuilder<'_>, i: ir::Value) -> ir::Value {
    let back = small_int(b, i);
    b.ins().icmp(IntCC::Equal, back, i)
}

fn as_f64(b: &mut FunctionBuilder<'_>, v: ir::Value) -> ir::Value {
    b.ins().bitcast(types::F64, ir::MemFlagsData::new(), v)
}

/// Whether both words are numbers an `f64` holds exactly — floats (a float word never has its
/// top 13 bits all set; tagged words always do, see `docs/runtime.md`) or small ints (48-bit
/// payloads) — with at least one float when `need_float`; and the two as `f64`s.
fn numeric_pair(
    b: &mut FunctionBuilder<'_>,
    l: ir::Value,
    r: ir::Value,
    need_float: bool,
) -> (ir::Value, ir::Value, ir::Value) {
    let mut operand = |v: ir::Value| {
        let top = b.ins().ushr_imm_u(v, 51);
        let is_float = b.ins().icmp_imm_s(IntCC::NotEqual, top, 0x1FFF);
        let tag = b.ins().ushr_imm_u(v, 48);
        let is_int = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_INT);
        let as_float = as_f64(b, v);
        let i = small_int(b, v);
        let converted = b.ins().fcvt_from_sint(types::F64, i);
        let x = b.ins().select(is_float, as_float, converted);
        (is_float, b.ins().bor(is_float, is_int), x)
    };
    let (lf, ln, x) = operand(l);
    let (rf, rn, y) = operand(r);
    let mut ok = b.ins().band(ln, rn);
    if need_float {
        let some_float = b.ins().bor(lf, rf);
        ok = b.ins().band(ok, some_float);
    }
    (ok, x, y)
}

fn float_cc(op: CmpOp) -> FloatCC {
    match op {
        CmpOp::Eq => FloatCC::Equal,
        CmpOp::Ne => FloatCC::NotEqual,
        CmpOp::Lt => FloatCC::LessThan,
        CmpOp::Le => FloatCC::LessThanOrEqual,
        CmpOp::Gt => FloatCC::GreaterThan,
        _ => FloatCC::GreaterThanOrEqual,
    }
}

fn int_cc(op: CmpOp) -> IntCC {
    match op {
        CmpOp::Eq => IntCC::Equal,
        CmpOp::Ne => IntCC::NotEqual,
        CmpOp::Lt => IntCC::SignedLessThan,
        CmpOp::Le => IntCC::SignedLessThanOrEqual,
        CmpOp::Gt => IntCC::SignedGreaterThan,
        _ => IntCC::SignedGreaterThanOrEqual,
    }
}

fn unreachable_terminator(func: &Function) -> Result<(), CodegenError> {
    Err(CodegenError::Internal {
        function: func.name.to_string(),
        message: "terminator in the middle of a block".into(),
    })
}

/// The slot a `slot.load` name refers to: a name may carry, after a space, the message of
/// the `RuntimeError` an unbound read raises (zero-argument `super()`'s first argument).
fn slot_of(name: &str) -> &str {
    name.split(' ').next().unwrap_or(name)
}

/// The ABI code of a binary operator (`molt_abi::binary_op`), plus `INPLACE` for the
/// in-place form.
pub(crate) fn binary_code(op: molt_mir::BinaryOp, inplace: bool) -> u32 {
    use abi::binary_op as c;
    use molt_mir::BinaryOp as B;
    let code = match op {
        B::Add => c::ADD,
        B::Sub => c::SUB,
        B::Mul => c::MUL,
        B::TrueDiv => c::TRUEDIV,
        B::FloorDiv => c::FLOORDIV,
        B::Mod => c::MOD,
        B::Pow => c::POW,
        B::LShift => c::LSHIFT,
        B::RShift => c::RSHIFT,
        B::BitAnd => c::AND,
        B::BitOr => c::OR,
        B::BitXor => c::XOR,
        B::MatMul => c::MATMUL,
    };
    if inplace { code | c::INPLACE } else { code }
}

/// The ABI code of a unary operator (`molt_abi::unary_op`).
pub(crate) fn unary_code(op: molt_mir::UnaryOp) -> u32 {
    use abi::unary_op as c;
    use molt_mir::UnaryOp as U;
    match op {
        U::Neg => c::NEG,
        U::Pos => c::POS,
        U::Invert => c::INVERT,
        U::Not => c::NOT,
    }
}

/// The ABI code of a comparison (`molt_abi::compare_op`).
pub(crate) fn compare_code(op: molt_mir::CmpOp) -> u32 {
    use abi::compare_op as c;
    use molt_mir::CmpOp as C;
    match op {
        C::Eq => c::EQ,
        C::Ne => c::NE,
        C::Lt => c::LT,
        C::Le => c::LE,
        C::Gt => c::GT,
        C::Ge => c::GE,
        C::Is => c::IS,
        C::IsNot => c::ISNOT,
        C::In => c::IN,
        C::NotIn => c::NOTIN,
    }
}

/// The ABI code of a conversion (`molt_abi::conversion`).
pub(crate) fn conversion_code(kind: molt_mir::Conversion) -> u32 {
    use abi::conversion as c;
    use molt_mir::Conversion as K;
    match kind {
        K::Str => c::STR,
        K::Repr => c::REPR,
        K::Ascii => c::ASCII,
    }
}

#[cfg(test)]
mod abi_code_tests {
    use super::*;
    use molt_mir::{BinaryOp as B, CmpOp as C, Conversion as K, UnaryOp as U};

    /// Each operator has its own code (a duplicated arm would make two operators one).
    #[test]
    fn operator_codes_are_distinct_and_in_range() {
        let binary = [
            B::Add,
            B::Sub,
            B::Mul,
            B::TrueDiv,
            B::FloorDiv,
            B::Mod,
            B::Pow,
            B::LShift,
            B::RShift,
            B::BitAnd,
            B::BitOr,
            B::BitXor,
            B::MatMul,
        ];
        let mut codes: Vec<u32> = binary.iter().map(|&op| binary_code(op, false)).collect();
        codes.sort_unstable();
        assert_eq!(codes, (0..=abi::binary_op::MATMUL).collect::<Vec<_>>());
        for op in binary {
            assert_eq!(
                binary_code(op, true),
                binary_code(op, false) | abi::binary_op::INPLACE
            );
        }
        let compare = [
            C::Eq,
            C::Ne,
            C::Lt,
            C::Le,
            C::Gt,
            C::Ge,
            C::Is,
            C::IsNot,
            C::In,
            C::NotIn,
        ];
        let mut codes: Vec<u32> = compare.iter().map(|&op| compare_code(op)).collect();
        codes.sort_unstable();
        assert_eq!(codes, (0..=abi::compare_op::NOTIN).collect::<Vec<_>>());
        let mut codes: Vec<u32> = [U::Neg, U::Pos, U::Invert, U::Not]
            .iter()
            .map(|&op| unary_code(op))
            .collect();
        codes.sort_unstable();
        assert_eq!(codes, (0..=abi::unary_op::NOT).collect::<Vec<_>>());
        let mut codes: Vec<u32> = [K::Str, K::Repr, K::Ascii]
            .iter()
            .map(|&k| conversion_code(k))
            .collect();
        codes.sort_unstable();
        assert_eq!(codes, (0..=abi::conversion::ASCII).collect::<Vec<_>>());
    }

    /// The character tests lanes call inline (`molt_mir::lanes::STR_PREDICATES`) are
    /// exactly those `molt_method_str_pred` numbers, each with its own code.
    #[test]
    fn str_predicates_match_the_abi_codes() {
        let codes: Vec<u32> = molt_mir::lanes::STR_PREDICATES
            .iter()
            .map(|n| abi::str_pred::of(n).expect("a str_pred code"))
            .collect();
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
        for name in [
            "isupper",
            "islower",
            "isascii",
            "istitle",
            "isprintable",
            "find",
        ] {
            assert_eq!(abi::str_pred::of(name), None, "{name}");
        }
    }

    /// The signatures codegen declares follow the ABI's list: spot checks of each `Repr`.
    #[test]
    fn runtime_signatures_follow_the_abi_list() {
        use molt_abi::Repr;
        assert_eq!(Rt::Binary.name(), "molt_binary");
        assert_eq!(Rt::Binary.params(), &[Repr::I32, Repr::Value, Repr::Value]);
        assert_eq!(Rt::Binary.result(), Some(Repr::Value));
        assert_eq!(Rt::Decref.result(), None);
        assert_eq!(Rt::BuildList.params(), &[Repr::Ptr, Repr::I32]);
        assert_eq!(Rt::EnterCall.result(), Some(Repr::I64));
        assert_eq!(Rt::Pow.params(), &[Repr::F64, Repr::F64]);
        assert!(!Rt::Pow.from_runtime() && Rt::Main.from_runtime());
        let mut names: Vec<&str> = Rt::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Rt::ALL.len(), "each function is listed once");
    }
}

/// The values a method call passes, in the order of its `moved` mask: the receiver, the
/// positional arguments, then the values of the keyword arguments.
fn method_stack(receiver: Value, args: &molt_mir::CallArgs) -> Vec<Value> {
    std::iter::once(&receiver)
        .chain(&args.positional)
        .chain(args.keywords.iter().map(|(_, v)| v))
        .copied()
        .collect()
}
