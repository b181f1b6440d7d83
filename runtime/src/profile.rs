//! Profiling: what a compiled program did on one run, written as the profile JSON of
//! `docs/profiles.md` (schema `docs/schemas/profile-v1.schema.json`).
//!
//! Three sources feed a profile:
//!
//! - **Per-site counters** live in generated code's data: one `u64` array per compiled
//!   function: the entry count at index 0 (used when it cannot be derived), the deopt
//!   counters of each *profile point* (a
//!   guarded, cached or dynamic operation, [`ProfilePoint`]) and the counters of the
//!   control-flow edges that cannot be derived from the others ([`ProfileEdge`]). A point's
//!   executions are its block's count minus the exceptions that left the block before it;
//!   block counts are sums of edge counts, solved at exit by flow conservation
//!   ([`solve_edges`]). Generated code updates its edge counters whether profiling is on or
//!   not (one memory add per counted edge, without a test of [`molt_profile_on`]: cheaper
//!   than the test, and no register is held for it); [`start`] zeroes them. Guard failures
//!   are counted on the slow paths, behind a test of the switch. The module initializer hands this module the
//!   per-build [`ProfileTable`] that lists every function with its counters, points, edges
//!   and code-offset → site map ([`molt_profile_init`]).
//! - **Global counters** the runtime keeps where the work happens ([`Counter`]: allocations
//!   by kind, generic and builtin calls, generic attribute lookups); the other global figures
//!   are sums of per-site counters, computed at exit.
//! - **Samples** (native Linux only): a perf `task-clock` event (or, where perf events are
//!   refused, `setitimer(ITIMER_PROF)`) every 1 ms of CPU time, and a
//!   `SIGPROF` handler that maps the interrupted PC — or, inside a runtime helper, the
//!   innermost return address in compiled code found by walking frame pointers — to a
//!   function and a site. The handler only reads data built before the timer started and
//!   updates atomics.
//!
//! Profiling is off unless `MOLT_PROFILE=1` or `MOLT_PROFILE_JSON` is set when the program
//! starts. [`finish`] (called by [`crate::entry::run_main`] on every exit: normal end,
//! `sys.exit`, uncaught exception after its traceback) writes the profile:
//! `MOLT_PROFILE_JSON=1` prints `molt_profile_json {...}` on stderr, `MOLT_PROFILE_JSON=<path>`
//! writes the object to `<path>` atomically (a temporary file in the same directory, renamed;
//! on wasm32 through WASI, in a folder the host preopened).
//!
//! # Table layout (`molt_abi::descriptor`, written by `molt_codegen`'s `define_profile_table`)
//! The structures and the kinds of points ([`kinds`]) are defined once in `molt_abi`, with
//! the same byte layout on every target (addresses in 8-byte words); the end-to-end tests of
//! `tests/tests/profile_runtime.rs` check exact counts of every kind through real programs.

#![allow(non_upper_case_globals)]

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use crate::object::{FunctionCode, Kind};

/// The profiling switch: all ones while a profile is recorded, else 0. The runtime's own
/// counters, the inline caches' hit counts and generated code's deopt counters test it;
/// generated code's edge counters do not (they always count, and [`start`] zeroes them).
#[unsafe(no_mangle)]
pub static molt_profile_on: AtomicU64 = AtomicU64::new(0);

/// Whether profiling is on.
#[inline(always)]
pub fn on() -> bool {
    molt_profile_on.load(Relaxed) != 0
}

/// Counters the runtime keeps itself (the others are sums of per-site counters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum Counter {
    /// Heap ints (outside the inline 48-bit range).
    AllocInt,
    /// Heap floats (none today: every float is an inline word).
    AllocFloat,
    /// `str` objects.
    AllocStr,
    /// `list` objects.
    AllocList,
    /// `tuple` objects.
    AllocTuple,
    /// `dict` objects.
    AllocDict,
    /// `set` and `frozenset` objects.
    AllocSet,
    /// Instances of classes (exceptions included).
    AllocInstance,
    /// Function objects.
    AllocFunction,
    /// Every other object (iterators, bound methods, cells, ranges, ...).
    AllocOther,
    /// Calls from compiled code dispatched by the runtime's generic call path.
    CallGeneric,
    /// Calls from compiled code that reached a builtin function or method directly.
    CallBuiltin,
    /// Attribute reads, writes and deletions from compiled code done by the generic lookup.
    AttrGeneric,
}

const NCOUNTERS: usize = Counter::AttrGeneric as usize + 1;

#[allow(clippy::declare_interior_mutable_const)]
const ZERO: AtomicU64 = AtomicU64::new(0);
static COUNTERS: [AtomicU64; NCOUNTERS] = [ZERO; NCOUNTERS];

/// Adds one to `c` (a plain load and store: the runtime is single-threaded, and an atomic
/// read-modify-write would cost a locked instruction on every allocation).
#[inline(always)]
fn bump(c: &AtomicU64) {
    c.store(c.load(Relaxed).wrapping_add(1), Relaxed);
}

/// Counts one event of `c` when profiling is on.
#[inline(always)]
pub fn count(c: Counter) {
    if on() {
        bump(&COUNTERS[c as usize]);
    }
}

/// Counts one allocation of an object of `kind` when profiling is on.
#[inline(always)]
pub fn count_alloc(kind: Kind) {
    if on() {
        bump(&COUNTERS[alloc_counter(kind) as usize]);
    }
}

fn alloc_counter(kind: Kind) -> Counter {
    match kind {
        Kind::BigInt => Counter::AllocInt,
        Kind::Str => Counter::AllocStr,
        Kind::List => Counter::AllocList,
        Kind::Tuple => Counter::AllocTuple,
        Kind::Dict => Counter::AllocDict,
        Kind::Set => Counter::AllocSet,
        Kind::Instance => Counter::AllocInstance,
        Kind::Function => Counter::AllocFunction,
        _ => Counter::AllocOther,
    }
}

/// The per-build table generated code hands to [`molt_profile_init`], its functions, their
/// points and control-flow edges (`molt_abi::descriptor`: one layout on every target).
pub use molt_abi::descriptor::{ProfileEdge, ProfileFunction, ProfilePoint, ProfileTable};

use molt_abi::descriptor::Addr;

/// `ProfileEdge::slot` of a derived edge, `ProfileEdge::pos` of a normal edge.
pub const NO_SLOT: u32 = u32::MAX;

/// Kinds of profile points and their counter slots (`molt_abi::profile_kind`, shared with
/// codegen).
pub use molt_abi::profile_kind as kinds;

/// The deopt reasons of a point kind (one counter slot each, in order), and whether the
/// point is a guard and an inline cache.
fn layout(kind: u32) -> (&'static [&'static str], bool, bool) {
    match kind & 0xFF {
        kinds::GUARD_INT => (&["not-int"], true, false),
        kinds::GUARD_FLOAT => (&["not-float"], true, false),
        kinds::GUARD_BOOL => (&["not-bool"], true, false),
        kinds::GUARD_STR => (&["not-str"], true, false),
        kinds::INT_ARITH => (&["not-int", "overflow", "zero-divisor"], true, false),
        kinds::INT_COMPARE => (&["not-int"], true, false),
        kinds::NUMERIC => (&["not-number", "zero-divisor"], true, false),
        kinds::FLOAT_DIV => (&["zero-divisor"], true, false),
        kinds::DIRECT_CALL => (&["not-bound-yet"], true, false),
        kinds::METHOD_DIRECT => (&["class-changed"], true, true),
        kinds::SLOT => (&["shape-changed"], true, true),
        kinds::METHOD_CACHED => (&[], true, true),
        _ => (&[], false, false),
    }
}

/// The count of every edge: counted edges read their slot, the others are solved by flow
/// conservation (into a node as much as out of it), node by node, starting from nodes with
/// one unknown edge. Codegen leaves a forest of edges uncounted, so every one is solved.
/// `count(slot)` reads a counter.
pub fn solve_edges(edges: &[ProfileEdge], nodes: usize, count: impl Fn(u32) -> u64) -> Vec<u64> {
    let mut value: Vec<Option<u64>> = edges
        .iter()
        .map(|e| (e.slot != NO_SLOT).then(|| count(e.slot)))
        .collect();
    let mut incident: Vec<Vec<usize>> = vec![Vec::new(); nodes];
    for (i, e) in edges.iter().enumerate() {
        if value[i].is_none() {
            for n in [e.from, e.to] {
                if let Some(list) = incident.get_mut(n as usize) {
                    list.push(i);
                }
            }
        }
    }
    let mut unknown: Vec<usize> = incident.iter().map(Vec::len).collect();
    let mut all: Vec<Vec<usize>> = vec![Vec::new(); nodes];
    for (i, e) in edges.iter().enumerate() {
        for n in [e.from, e.to] {
            if let Some(list) = all.get_mut(n as usize)
                && !list.contains(&i)
            {
                list.push(i);
            }
        }
    }
    let mut work: Vec<usize> = (0..nodes).filter(|&n| unknown[n] == 1).collect();
    while let Some(node) = work.pop() {
        if unknown[node] != 1 {
            continue;
        }
        let Some(&missing) = incident[node].iter().find(|&&i| value[i].is_none()) else {
            continue;
        };
        // Into `node` minus out of it, over the known edges.
        let mut balance: i128 = 0;
        for &i in &all[node] {
            let (e, Some(v)) = (edges[i], value[i]) else {
                continue;
            };
            if e.to as usize == node {
                balance += i128::from(v);
            }
            if e.from as usize == node {
                balance -= i128::from(v);
            }
        }
        let e = edges[missing];
        let solved = if e.to as usize == node {
            -balance
        } else {
            balance
        };
        value[missing] = Some(solved.clamp(0, i128::from(u64::MAX)) as u64);
        for n in [e.from as usize, e.to as usize] {
            if let Some(u) = unknown.get_mut(n) {
                *u = u.saturating_sub(1);
                if *u == 1 {
                    work.push(n);
                }
            }
        }
    }
    value.into_iter().map(|v| v.unwrap_or(0)).collect()
}

/// Where the profile goes at exit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// Counted, not written (`MOLT_PROFILE=1`).
    None,
    /// One line `molt_profile_json {...}` on stderr (`MOLT_PROFILE_JSON=1`).
    Stderr,
    /// The object written to this file atomically (`MOLT_PROFILE_JSON=<path>`).
    File(String),
}

/// What the environment asks for: `None` when profiling is off. `MOLT_PROFILE_JSON` wins
/// over `MOLT_PROFILE`; an empty value or `0` is off.
pub fn output_from(profile: Option<&str>, profile_json: Option<&str>) -> Option<Output> {
    fn set(v: Option<&str>) -> Option<&str> {
        v.filter(|v| !v.is_empty() && *v != "0")
    }
    match (set(profile), set(profile_json)) {
        (_, Some("1")) => Some(Output::Stderr),
        (_, Some(path)) => Some(Output::File(path.to_owned())),
        (Some(_), None) => Some(Output::None),
        (None, None) => None,
    }
}

/// How the program ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exit {
    /// `normal`, `sys.exit` or `exception`.
    pub kind: &'static str,
    /// The process exit status.
    pub code: i32,
}

/// One recording in progress.
struct Session {
    table: &'static ProfileTable,
    output: Output,
    #[cfg(not(target_arch = "wasm32"))]
    start: std::time::Instant,
    /// WASI's monotonic clock at the start, in nanoseconds.
    #[cfg(target_arch = "wasm32")]
    start_ns: u64,
    sampling: bool,
}

// SAFETY: the table is static data of the program, never written through these pointers
// except by the program thread (counters); the session is only read at exit.
unsafe impl Send for Session {}

static SESSION: Mutex<Option<Session>> = Mutex::new(None);

/// Counts why generated code left the small-int fast path of an arithmetic operation (its
/// slow path calls this, behind the test of the switch, instead of classifying inline: one
/// call in place of some twenty instructions per operation). `counters` points at the
/// operation's three deopt counters: `[0]` one of `l`, `r` is not an inline int, `[1]` the
/// result overflowed the inline range, `[2]` (when `divide` is 1, for `//` and `%`) the
/// divisor is zero.
///
/// # Safety
/// `counters` points at three `u64` counters of the calling function's counter array.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn molt_profile_int_guard(
    counters: *mut u64,
    l: crate::value::Value,
    r: crate::value::Value,
    divide: u32,
) {
    let which = if !(l.is_inline_int() && r.is_inline_int()) {
        0
    } else if divide != 0 && r.is_inline_int() && r.as_inline_int() == 0 {
        2
    } else {
        1
    };
    // SAFETY: the caller passes the operation's three counters.
    unsafe { *counters.add(which) += 1 };
}

/// Adds one to `counters[which]`: a deopt counter chosen by a condition generated code
/// computed (its slow path calls this behind the test of the switch).
///
/// # Safety
/// `counters` points at a `u64` counter array with more than `which` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn molt_profile_count(counters: *mut u64, which: u32) {
    // SAFETY: the caller passes an index into its counter array.
    unsafe { *counters.add(which as usize) += 1 };
}

/// Called first thing by the module initializer with the build's table: reads
/// `MOLT_PROFILE`/`MOLT_PROFILE_JSON` and, when profiling is asked for, switches the
/// counters on and starts the sampler.
///
/// # Safety
/// `table` is null or points at a [`ProfileTable`] (and everything it points at) valid for
/// the rest of the process.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn molt_profile_init(table: *const ProfileTable) {
    if table.is_null() {
        return;
    }
    TABLE.store(table.cast_mut(), std::sync::atomic::Ordering::Release);
    #[cfg(not(target_arch = "wasm32"))]
    let var = |name: &str| std::env::var(name).ok();
    #[cfg(target_arch = "wasm32")]
    let var = crate::wasi::env_var;
    let Some(output) = output_from(
        var("MOLT_PROFILE").as_deref(),
        var("MOLT_PROFILE_JSON").as_deref(),
    ) else {
        return;
    };
    // SAFETY: per the contract.
    let table = unsafe { &*table };
    start(table, output);
}

/// The build's table, kept whether or not a profile is recorded: [`caller_site`] maps
/// return addresses with it.
static TABLE: std::sync::atomic::AtomicPtr<ProfileTable> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

/// Where compiled code is now: the function and MIR site of the innermost compiled frame on
/// the stack (the call into the runtime that is running), found by following frame pointers
/// from the caller's frame (the runtime is built with frame pointers, compiled code keeps
/// them) and mapping the first return address inside compiled code through the build's
/// code-offset → site maps. `None` without a table, on targets without the walk, or when no
/// compiled frame is found within a few dozen frames.
#[inline(never)]
pub fn caller_site() -> Option<(*const FunctionCode, u32)> {
    compiled_frame(0)
}

/// [`caller_site`] of the compiled frame `skip` compiled frames further out (0: the innermost
/// one; runtime frames in between are not counted), as CPython's `sys._getframe(skip)` but
/// for compiled code only. `None` as for `caller_site`, and when the walk leaves the stack it
/// started on (a generator's body runs on a stack of its own).
#[inline(never)]
pub fn compiled_frame(skip: usize) -> Option<(*const FunctionCode, u32)> {
    // SAFETY: set once by `molt_profile_init` to the static table generated code emits.
    let table = unsafe { TABLE.load(std::sync::atomic::Ordering::Acquire).as_ref() }?;
    // SAFETY: per `ProfileTable`'s contract.
    let functions = unsafe { slice(table.functions, table.nfunctions as usize) };
    let mut left = skip;
    walk_frames(|ret| {
        let found = code_at(functions, ret.checked_sub(1)?)?;
        if left == 0 {
            Some(found)
        } else {
            left -= 1;
            None
        }
    })
}

/// The compiled function whose code holds `pc`, and the MIR site there (`u32::MAX` when the
/// offset maps to none).
fn code_at(functions: &[ProfileFunction], pc: usize) -> Option<(*const FunctionCode, u32)> {
    functions.iter().find_map(|f| {
        if f.code.is_null() {
            return None;
        }
        // SAFETY: codegen points at the descriptor, whose `entry` is the code.
        let start = unsafe { (*f.code.get()).entry.raw() };
        if pc < start || pc >= start + f.code_size as usize {
            return None;
        }
        let offset = (pc - start) as u32;
        // SAFETY: `npcmap` triples.
        let pcmap = unsafe { slice(f.pcmap, 3 * f.npcmap as usize) };
        let site = pcmap
            .chunks_exact(3)
            .find(|t| t[0] <= offset && offset < t[1])
            .map_or(u32::MAX, |t| t[2]);
        Some((f.code.get(), site))
    })
}

/// Calls `found` with the return address of each frame, innermost first, until it answers.
#[cfg(all(
    not(target_arch = "wasm32"),
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
#[inline(always)]
fn walk_frames<T>(mut found: impl FnMut(usize) -> Option<T>) -> Option<T> {
    /// Frames followed at most, and the largest frame accepted (a frame pointer further up
    /// ends the walk: it is not a frame of this chain).
    const MAX_FRAMES: usize = 64;
    const MAX_FRAME_BYTES: usize = 1 << 20;
    let mut fp: usize;
    // SAFETY: reads the frame-pointer register only.
    unsafe {
        #[cfg(target_arch = "x86_64")]
        std::arch::asm!("mov {}, rbp", out(reg) fp, options(nomem, nostack, preserves_flags));
        #[cfg(target_arch = "aarch64")]
        std::arch::asm!("mov {}, x29", out(reg) fp, options(nomem, nostack, preserves_flags));
    }
    let mut low = crate::recursion::stack_pointer();
    for _ in 0..MAX_FRAMES {
        if fp < low || fp % 8 != 0 || fp - low > MAX_FRAME_BYTES {
            return None;
        }
        // SAFETY: `fp` is a frame pointer of this thread's chain: every function between
        // here and compiled code keeps one, each frame lies above the one before it, and the
        // saved frame pointer and return address are its first two words.
        let (next, ret) = unsafe { (*(fp as *const usize), *((fp + 8) as *const usize)) };
        if let Some(t) = found(ret) {
            return Some(t);
        }
        low = fp + 16;
        fp = next;
    }
    None
}

/// No frame walk on this target.
#[cfg(not(all(
    not(target_arch = "wasm32"),
    any(target_arch = "x86_64", target_arch = "aarch64")
)))]
fn walk_frames<T>(_found: impl FnMut(usize) -> Option<T>) -> Option<T> {
    None
}

/// Starts recording into `table`'s counters (see [`molt_profile_init`]): they count from
/// zero from here on.
pub fn start(table: &'static ProfileTable, output: Output) {
    reset_counters(table);
    let sampling = sampler::start(table);
    if let Ok(mut s) = SESSION.lock() {
        *s = Some(Session {
            table,
            output,
            #[cfg(not(target_arch = "wasm32"))]
            start: std::time::Instant::now(),
            #[cfg(target_arch = "wasm32")]
            start_ns: crate::wasi::clock_ns(crate::wasi::clock::MONOTONIC).unwrap_or(0),
            sampling,
        });
    }
    molt_profile_on.store(u64::MAX, Relaxed);
}

/// Zeroes the counters of every function of `table` (generated code counts whether
/// profiling is on or not).
fn reset_counters(table: &ProfileTable) {
    if table.functions.is_null() {
        return;
    }
    // SAFETY: per `molt_profile_init`'s contract, `functions` has `nfunctions` entries and
    // each `counters` array has every slot its points and edges name.
    let functions = unsafe { slice(table.functions, table.nfunctions as usize) };
    for f in functions {
        if !f.counters.is_null() {
            unsafe { std::ptr::write_bytes(f.counters.get_mut(), 0, counter_slots(f)) };
        }
    }
}

/// The length of `f`'s counter array: one more than the largest slot its points and edges
/// name, at least 1 (the entry count).
fn counter_slots(f: &ProfileFunction) -> usize {
    // SAFETY: codegen emits `npoints` points and `nedges` edges.
    let points = unsafe { slice(f.points, f.npoints as usize) };
    let edges = unsafe { slice(f.edges, f.nedges as usize) };
    points
        .iter()
        .map(|p| p.slot as usize + layout(p.kind).0.len())
        .chain(
            edges
                .iter()
                .filter(|e| e.slot != NO_SLOT)
                .map(|e| e.slot as usize + 1),
        )
        .chain([1])
        .max()
        .unwrap_or(1)
}

/// Ends the recording (if one is in progress) and writes the profile where the environment
/// said. Called on every exit of the program, after its output and any traceback.
pub fn finish(exit: Exit) {
    let Some(session) = SESSION.lock().ok().and_then(|mut s| s.take()) else {
        return;
    };
    molt_profile_on.store(0, Relaxed);
    sampler::stop();
    #[cfg(not(target_arch = "wasm32"))]
    let wall_ns = session.start.elapsed().as_nanos() as u64;
    #[cfg(target_arch = "wasm32")]
    let wall_ns = crate::wasi::clock_ns(crate::wasi::clock::MONOTONIC)
        .unwrap_or(0)
        .saturating_sub(session.start_ns);
    let json = profile_json(session.table, exit, wall_ns, session.sampling);
    match &session.output {
        Output::None => {}
        Output::Stderr => crate::io::write_stderr(&format!("molt_profile_json {json}\n")),
        Output::File(path) => {
            if let Err(e) = write_atomically(path, &json) {
                crate::io::write_stderr(&format!(
                    "molt: cannot write the profile to {path}: {e}\n"
                ));
            }
        }
    }
}

/// Writes `text` to `path` through a temporary file in the same directory, renamed into
/// place, so a reader never sees a partial profile.
#[cfg(not(target_arch = "wasm32"))]
fn write_atomically(path: &str, text: &str) -> std::io::Result<()> {
    let target = std::path::Path::new(path);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "profile".into());
    let tmp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, target).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// On wasm32, through WASI, in a folder the host preopened (`tools/run-wasm.mjs` preopens
/// the profile's folder).
#[cfg(target_arch = "wasm32")]
fn write_atomically(path: &str, text: &str) -> std::io::Result<()> {
    crate::wasi::write_file_atomically(path, text).map_err(std::io::Error::other)
}

/// Little-endian reader of the `files` blob.
struct Blob<'a>(&'a [u8]);

impl<'a> Blob<'a> {
    fn u32(&mut self) -> Option<u32> {
        let (head, rest) = self.0.split_at_checked(4)?;
        self.0 = rest;
        Some(u32::from_le_bytes([head[0], head[1], head[2], head[3]]))
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()? as usize;
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        std::str::from_utf8(head).ok()
    }
}

/// A `&[T]` from a pointer and a length (empty for null).
///
/// # Safety
/// A non-null `p` points at `n` valid `T`s for `'static`.
unsafe fn slice<T>(p: Addr<T>, n: usize) -> &'static [T] {
    // SAFETY: per the contract.
    unsafe { p.slice(n as u64) }
}

/// Appends `s` as a JSON string.
fn json_str(out: &mut String, s: &str) {
    use std::fmt::Write;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// One site's record in the profile.
#[derive(Default)]
struct SiteRecord {
    count: u64,
    deopts: Vec<(&'static str, u64)>,
    cache: Option<(u64, u64)>,
    samples: u64,
}

/// Global figures summed over the sites.
#[derive(Default)]
struct Totals {
    guard_checks: u64,
    guard_failures: u64,
    ic_hits: u64,
    ic_misses: u64,
    dynamic_ops: u64,
    direct: u64,
    method_direct: u64,
    method_cached: u64,
    slot_lookups: u64,
}

/// The profile object (one line of JSON) for `table`'s counters and the samples so far.
fn profile_json(table: &ProfileTable, exit: Exit, wall_ns: u64, sampling: bool) -> String {
    use std::fmt::Write;
    // SAFETY: codegen emits `nfunctions` entries and the byte strings with their lengths.
    let functions = unsafe { slice(table.functions, table.nfunctions as usize) };
    let build_id = unsafe { slice(table.build_id, table.build_id_len as usize) };
    let files = unsafe { slice(table.files, table.files_len as usize) };
    let mut totals = Totals::default();
    let mut body = String::new();
    let mut first_function = true;
    for (index, f) in functions.iter().enumerate() {
        let samples = sampler::function_samples(index);
        let (calls, sites) = function_sites(f, index, &mut totals);
        if calls == 0 && samples == 0 {
            continue;
        }
        if !first_function {
            body.push(',');
        }
        first_function = false;
        let name = if f.code.is_null() {
            "?".to_owned()
        } else {
            // SAFETY: codegen points at the function's descriptor.
            crate::call::code_name(unsafe { &*f.code.get() })
        };
        let _ = write!(body, "{{\"function\":{index},\"name\":");
        json_str(&mut body, &name);
        let _ = write!(body, ",\"calls\":{calls},\"samples\":{samples},\"sites\":[");
        for (k, (site, r)) in sites.iter().enumerate() {
            if k > 0 {
                body.push(',');
            }
            let _ = write!(body, "{{\"site\":{site},\"count\":{}", r.count);
            if r.deopts.iter().any(|(_, n)| *n > 0) {
                body.push_str(",\"deopts\":{");
                let mut first = true;
                for (reason, n) in r.deopts.iter().filter(|(_, n)| *n > 0) {
                    if !first {
                        body.push(',');
                    }
                    first = false;
                    let _ = write!(body, "\"{reason}\":{n}");
                }
                body.push('}');
            }
            if let Some((hits, misses)) = r.cache {
                let _ = write!(body, ",\"hits\":{hits},\"misses\":{misses}");
            }
            if r.samples > 0 {
                let _ = write!(body, ",\"samples\":{}", r.samples);
            }
            body.push('}');
        }
        body.push_str("]}");
    }

    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str("{\"schema_version\":1,\"kind\":\"molt-profile\",\"build_id\":");
    json_str(&mut out, std::str::from_utf8(build_id).unwrap_or(""));
    out.push_str(",\"files\":[");
    let mut blob = Blob(files);
    let nfiles = blob.u32().unwrap_or(0);
    for i in 0..nfiles {
        let (Some(path), Some(sha)) = (blob.str(), blob.str()) else {
            break;
        };
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"path\":");
        json_str(&mut out, path);
        out.push_str(",\"sha256\":");
        json_str(&mut out, sha);
        out.push('}');
    }
    out.push_str("],\"exit\":{\"kind\":");
    json_str(&mut out, exit.kind);
    let (ticks, unattributed) = sampler::totals();
    let _ = write!(
        out,
        ",\"code\":{}}},\"wall_ns\":{wall_ns},\"sampling\":{{\"enabled\":{sampling},\"interval_ns\":{},\"clock\":\"{}\",\"samples\":{ticks},\"unattributed\":{unattributed}}}",
        exit.code,
        sampler::INTERVAL_NS,
        sampler::clock(),
    );
    let c = |k: Counter| COUNTERS[k as usize].load(Relaxed);
    let _ = write!(
        out,
        ",\"counters\":{{\"allocations\":{{\"int\":{},\"float\":{},\"str\":{},\"list\":{},\"tuple\":{},\"dict\":{},\"set\":{},\"instance\":{},\"function\":{},\"other\":{}}}",
        c(Counter::AllocInt),
        c(Counter::AllocFloat),
        c(Counter::AllocStr),
        c(Counter::AllocList),
        c(Counter::AllocTuple),
        c(Counter::AllocDict),
        c(Counter::AllocSet),
        c(Counter::AllocInstance),
        c(Counter::AllocFunction),
        c(Counter::AllocOther),
    );
    let _ = write!(
        out,
        ",\"calls\":{{\"direct\":{},\"method_direct\":{},\"method_cached\":{},\"generic\":{},\"builtin\":{}}}",
        totals.direct,
        totals.method_direct,
        totals.method_cached,
        c(Counter::CallGeneric),
        c(Counter::CallBuiltin),
    );
    let _ = write!(
        out,
        ",\"attribute_lookups\":{{\"slot\":{},\"generic\":{}}},\"inline_cache\":{{\"hits\":{},\"misses\":{}}},\"guards\":{{\"checks\":{},\"failures\":{}}},\"dynamic_ops\":{}}}",
        totals.slot_lookups,
        c(Counter::AttrGeneric),
        totals.ic_hits,
        totals.ic_misses,
        totals.guard_checks,
        totals.guard_failures,
        totals.dynamic_ops,
    );
    out.push_str(",\"functions\":[");
    out.push_str(&body);
    out.push_str("]}");
    out
}

/// The entry count of function `index` and its site records (sorted by site, only sites
/// that ran or were sampled), adding its figures to `totals`.
fn function_sites(
    f: &ProfileFunction,
    index: usize,
    totals: &mut Totals,
) -> (u64, Vec<(u32, SiteRecord)>) {
    // SAFETY: codegen emits the points and edges, and a counter array with every slot they
    // name.
    let points = unsafe { slice(f.points, f.npoints as usize) };
    let edges = unsafe { slice(f.edges, f.nedges as usize) };
    let nslots = counter_slots(f);
    let counters = unsafe { slice(f.counters, nslots) };
    let count = |slot: u32| counters.get(slot as usize).copied().unwrap_or(0);
    // Executions per block (what flows in), and the exceptions leaving each block by position.
    let nodes = f.nblocks as usize + 1;
    let flow = solve_edges(edges, nodes, count);
    // The first edge enters the function (counted, or derived from its ways out).
    let calls = flow.first().copied().unwrap_or(0);
    let mut entered = vec![0u64; nodes];
    let mut raised: Vec<Vec<(u32, u64)>> = vec![Vec::new(); nodes];
    for (e, n) in edges.iter().zip(&flow) {
        if let Some(c) = entered.get_mut(e.to as usize) {
            *c = c.saturating_add(*n);
        }
        if e.pos != NO_SLOT
            && *n > 0
            && let Some(r) = raised.get_mut(e.from as usize)
        {
            r.push((e.pos, *n));
        }
    }
    let mut records: std::collections::BTreeMap<u32, SiteRecord> = Default::default();
    for p in points {
        let (reasons, is_guard, is_cache) = layout(p.kind);
        let block = p.block as usize;
        let left_before: u64 = raised
            .get(block)
            .map(|r| {
                r.iter()
                    .filter(|(pos, _)| *pos < p.pos)
                    .map(|(_, n)| n)
                    .sum()
            })
            .unwrap_or(0);
        let mut r = SiteRecord {
            count: entered
                .get(block)
                .copied()
                .unwrap_or(0)
                .saturating_sub(left_before),
            ..SiteRecord::default()
        };
        for (k, reason) in reasons.iter().enumerate() {
            r.deopts.push((reason, count(p.slot + k as u32)));
        }
        let failures: u64 = r.deopts.iter().map(|(_, n)| n).sum();
        if p.kind & 0xFF == kinds::METHOD_CACHED && !p.cell.is_null() {
            // SAFETY: codegen passes the site's 32-byte cache cell.
            let (hits, misses) =
                unsafe { (p.cell.get().add(2).read(), p.cell.get().add(3).read()) };
            r.cache = Some((hits, misses));
            if misses > 0 {
                r.deopts.push(("class-changed", misses));
            }
            totals.method_cached += hits;
            totals.guard_checks += hits + misses;
            totals.guard_failures += misses;
            totals.ic_hits += hits;
            totals.ic_misses += misses;
        } else {
            if is_guard {
                totals.guard_checks += r.count;
                totals.guard_failures += failures;
            }
            if is_cache {
                let hits = r.count.saturating_sub(failures);
                r.cache = Some((hits, failures));
                totals.ic_hits += hits;
                totals.ic_misses += failures;
            }
        }
        match p.kind & 0xFF {
            kinds::DIRECT_CALL => totals.direct += r.count.saturating_sub(failures),
            kinds::METHOD_DIRECT => totals.method_direct += r.count.saturating_sub(failures),
            kinds::SLOT => totals.slot_lookups += r.count.saturating_sub(failures),
            _ => {}
        }
        if p.kind & kinds::DYNAMIC_LANE != 0 || p.kind & 0xFF == kinds::DYNAMIC {
            totals.dynamic_ops += r.count;
        }
        if r.count > 0 {
            records.insert(p.site, r);
        }
    }
    for (site, n) in sampler::site_samples(index) {
        records.entry(site).or_default().samples = n;
    }
    (calls, records.into_iter().collect())
}

/// The sampling profiler (`SIGPROF` at 1 kHz of CPU time), native Linux on x86-64 and
/// AArch64; elsewhere sampling is reported as disabled.
#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
mod sampler {
    use std::sync::atomic::{AtomicI32, AtomicPtr, AtomicU8, AtomicU64, Ordering::*};

    use super::{ProfileTable, slice};

    /// The sampling interval.
    pub const INTERVAL_NS: u64 = 1_000_000;

    /// Frames walked at most from a runtime helper to compiled code.
    const MAX_FRAMES: usize = 512;

    /// What the signal handler reads: built before the timer starts, never freed.
    struct Sampler {
        /// `(start, end, function index)` of every function's code, sorted by start.
        ranges: Vec<(usize, usize, usize)>,
        functions: Vec<FunctionSamples>,
        /// Bounds of the program thread's stack (frame pointers are followed only inside).
        stack_low: usize,
        stack_high: usize,
    }

    struct FunctionSamples {
        pcmap: &'static [u32],
        samples: AtomicU64,
        sites: Vec<AtomicU64>,
    }

    static SAMPLER: AtomicPtr<Sampler> = AtomicPtr::new(std::ptr::null_mut());
    static TICKS: AtomicU64 = AtomicU64::new(0);
    static UNATTRIBUTED: AtomicU64 = AtomicU64::new(0);
    /// The perf event driving the samples, or -1.
    static PERF_FD: AtomicI32 = AtomicI32::new(-1);
    /// Which clock drives the samples (see [`clock`]); 0 before [`start`].
    static CLOCK: AtomicU8 = AtomicU8::new(0);

    /// Installs the handler and starts the timer; false when either failed.
    pub fn start(table: &'static ProfileTable) -> bool {
        // SAFETY: per `ProfileTable`'s contract.
        let functions = unsafe { slice(table.functions, table.nfunctions as usize) };
        let mut ranges = Vec::with_capacity(functions.len());
        let mut samples = Vec::with_capacity(functions.len());
        for (i, f) in functions.iter().enumerate() {
            if !f.code.is_null() {
                // SAFETY: codegen points at the descriptor, whose `entry` is the code.
                let start = unsafe { (*f.code.get()).entry.raw() };
                ranges.push((start, start + f.code_size as usize, i));
            }
            samples.push(FunctionSamples {
                // SAFETY: `npcmap` triples.
                pcmap: unsafe { slice(f.pcmap, 3 * f.npcmap as usize) },
                samples: AtomicU64::new(0),
                sites: (0..f.nsites).map(|_| AtomicU64::new(0)).collect(),
            });
        }
        ranges.sort_unstable();
        let Some((stack_low, stack_high)) = stack_bounds() else {
            return false;
        };
        let sampler = Box::leak(Box::new(Sampler {
            ranges,
            functions: samples,
            stack_low,
            stack_high,
        }));
        SAMPLER.store(sampler, Release);
        // SAFETY: a fully initialized `sigaction` whose handler only reads the sampler and
        // updates atomics.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_sigprof as *const () as usize;
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART | libc::SA_ONSTACK;
            libc::sigemptyset(&mut sa.sa_mask);
            if libc::sigaction(libc::SIGPROF, &sa, std::ptr::null_mut()) != 0 {
                return false;
            }
        }
        for exclude_kernel in [false, true] {
            if let Some(fd) = open_task_clock(exclude_kernel) {
                PERF_FD.store(fd, Relaxed);
                CLOCK.store(if exclude_kernel { 2 } else { 1 }, Relaxed);
                return true;
            }
        }
        let interval = libc::timeval {
            tv_sec: 0,
            tv_usec: (INTERVAL_NS / 1000) as libc::suseconds_t,
        };
        let timer = libc::itimerval {
            it_interval: interval,
            it_value: interval,
        };
        // SAFETY: `setitimer` with a valid interval.
        let armed =
            unsafe { libc::setitimer(libc::ITIMER_PROF, &timer, std::ptr::null_mut()) } == 0;
        if armed {
            CLOCK.store(3, Relaxed);
        }
        armed
    }

    /// `fcntl` commands and the owner record the `libc` crate does not define (the same
    /// numbers on every Linux architecture, `asm-generic/fcntl.h`).
    const F_SETSIG: libc::c_int = 10;
    const F_SETOWN_EX: libc::c_int = 15;
    const F_OWNER_TID: libc::c_int = 0;

    /// `struct f_owner_ex`: which thread receives the event's signal.
    #[repr(C)]
    struct FOwnerEx {
        kind: libc::c_int,
        pid: libc::pid_t,
    }

    /// Opens and enables a `task-clock` perf event of the calling thread that sends
    /// `SIGPROF` to it every [`INTERVAL_NS`] of its CPU time (user and kernel time, or user
    /// time only with `exclude_kernel`, which `perf_event_paranoid` 2 still allows). The
    /// event is driven by a high-resolution timer, so the rate does not depend on the
    /// kernel's tick rate as `ITIMER_PROF`'s does. `None` when the kernel refuses (no perf
    /// events in a container, a stricter `perf_event_paranoid`).
    fn open_task_clock(exclude_kernel: bool) -> Option<libc::c_int> {
        use perf_event_open_sys as perf;
        let mut attr = perf::bindings::perf_event_attr {
            type_: perf::bindings::PERF_TYPE_SOFTWARE,
            size: std::mem::size_of::<perf::bindings::perf_event_attr>() as u32,
            config: perf::bindings::PERF_COUNT_SW_TASK_CLOCK as u64,
            ..Default::default()
        };
        attr.__bindgen_anon_1.sample_period = INTERVAL_NS;
        attr.__bindgen_anon_2.wakeup_events = 1;
        attr.set_disabled(1);
        attr.set_exclude_kernel(exclude_kernel as u64);
        attr.set_exclude_hv(1);
        // SAFETY: `attr` is a valid attribute block of its own size; pid 0 / cpu -1 is the
        // calling thread on any CPU; the fd is closed on every failure path; the fcntl and
        // ioctl calls only configure that fd (signal delivery to this thread).
        unsafe {
            let fd = perf::perf_event_open(
                &mut attr,
                0,
                -1,
                -1,
                perf::bindings::PERF_FLAG_FD_CLOEXEC as _,
            );
            if fd < 0 {
                return None;
            }
            let owner = FOwnerEx {
                kind: F_OWNER_TID,
                pid: libc::gettid(),
            };
            let ok = libc::fcntl(fd, libc::F_SETFL, libc::O_ASYNC) == 0
                && libc::fcntl(fd, F_SETSIG, libc::SIGPROF) == 0
                && libc::fcntl(fd, F_SETOWN_EX, &owner as *const FOwnerEx) == 0
                && perf::ioctls::ENABLE(fd, 0) == 0;
            if !ok {
                libc::close(fd);
                return None;
            }
            Some(fd)
        }
    }

    /// Stops the timer. The handler stays installed (a signal may still be pending, and
    /// `SIGPROF`'s default action ends the process); it keeps counting into the sampler.
    pub fn stop() {
        let fd = PERF_FD.swap(-1, Relaxed);
        // SAFETY: `fd` is the perf event this module opened (closed once: swapped out);
        // a zero `itimerval` disarms the timer.
        unsafe {
            if fd >= 0 {
                perf_event_open_sys::ioctls::DISABLE(fd, 0);
                libc::close(fd);
            }
            let zero: libc::itimerval = std::mem::zeroed();
            libc::setitimer(libc::ITIMER_PROF, &zero, std::ptr::null_mut());
        }
    }

    /// The clock the samples were taken with (`sampling.clock`): `task-clock` (the thread's
    /// CPU time through a perf event), `task-clock-user` (its user-mode time only),
    /// `itimer-prof` (the process's CPU time at the kernel's tick rate), or `none`.
    pub fn clock() -> &'static str {
        match CLOCK.load(Relaxed) {
            1 => "task-clock",
            2 => "task-clock-user",
            3 => "itimer-prof",
            _ => "none",
        }
    }

    fn get() -> Option<&'static Sampler> {
        // SAFETY: set once to a leaked `Sampler`, never freed.
        unsafe { SAMPLER.load(Acquire).as_ref() }
    }

    /// `(ticks, unattributed)`.
    pub fn totals() -> (u64, u64) {
        (TICKS.load(Relaxed), UNATTRIBUTED.load(Relaxed))
    }

    /// Samples of function `index`.
    pub fn function_samples(index: usize) -> u64 {
        get()
            .and_then(|s| s.functions.get(index))
            .map_or(0, |f| f.samples.load(Relaxed))
    }

    /// Samples per site of function `index` (sites with samples only).
    pub fn site_samples(index: usize) -> Vec<(u32, u64)> {
        let Some(f) = get().and_then(|s| s.functions.get(index)) else {
            return Vec::new();
        };
        f.sites
            .iter()
            .enumerate()
            .map(|(site, n)| (site as u32, n.load(Relaxed)))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Bounds `(low, high)` of the calling thread's stack.
    fn stack_bounds() -> Option<(usize, usize)> {
        // SAFETY: `pthread_getattr_np` fills `attr` for the calling thread; it is destroyed
        // after use.
        unsafe {
            let mut attr: libc::pthread_attr_t = std::mem::zeroed();
            if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
                return None;
            }
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
            libc::pthread_attr_destroy(&mut attr);
            (ok && !addr.is_null()).then(|| (addr as usize, addr as usize + size))
        }
    }

    /// The interrupted `(pc, frame pointer, stack pointer)`.
    ///
    /// # Safety
    /// `ctx` is the `ucontext_t` the kernel passed to an `SA_SIGINFO` handler.
    #[cfg(target_arch = "x86_64")]
    unsafe fn registers(ctx: *const libc::c_void) -> (usize, usize, usize) {
        // SAFETY: per the contract.
        let uc = unsafe { &*ctx.cast::<libc::ucontext_t>() };
        let g = &uc.uc_mcontext.gregs;
        (
            g[libc::REG_RIP as usize] as usize,
            g[libc::REG_RBP as usize] as usize,
            g[libc::REG_RSP as usize] as usize,
        )
    }

    /// The interrupted `(pc, frame pointer, stack pointer)`.
    ///
    /// # Safety
    /// `ctx` is the `ucontext_t` the kernel passed to an `SA_SIGINFO` handler.
    #[cfg(target_arch = "aarch64")]
    unsafe fn registers(ctx: *const libc::c_void) -> (usize, usize, usize) {
        // SAFETY: per the contract.
        let uc = unsafe { &*ctx.cast::<libc::ucontext_t>() };
        let m = &uc.uc_mcontext;
        (m.pc as usize, m.regs[29] as usize, m.sp as usize)
    }

    /// Records a sample at `pc` if it is in compiled code.
    fn attribute(s: &Sampler, pc: usize) -> bool {
        let i = s.ranges.partition_point(|r| r.0 <= pc);
        let Some(&(start, end, index)) = i.checked_sub(1).and_then(|i| s.ranges.get(i)) else {
            return false;
        };
        if pc >= end {
            return false;
        }
        let Some(f) = s.functions.get(index) else {
            return false;
        };
        f.samples.fetch_add(1, Relaxed);
        let offset = (pc - start) as u32;
        let n = f.pcmap.len() / 3;
        // The last triple starting at or before `offset`.
        let (mut lo, mut hi) = (0usize, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if f.pcmap[3 * mid] <= offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo > 0 {
            let k = lo - 1;
            if offset < f.pcmap[3 * k + 1]
                && let Some(c) = f.sites.get(f.pcmap[3 * k + 2] as usize)
            {
                c.fetch_add(1, Relaxed);
            }
        }
        true
    }

    extern "C" fn on_sigprof(
        _sig: libc::c_int,
        _info: *mut libc::siginfo_t,
        ctx: *mut libc::c_void,
    ) {
        let Some(s) = get() else {
            return;
        };
        if ctx.is_null() {
            return;
        }
        TICKS.fetch_add(1, Relaxed);
        // SAFETY: the kernel passes the interrupted context.
        let (pc, mut fp, sp) = unsafe { registers(ctx) };
        if attribute(s, pc) {
            return;
        }
        // Inside the runtime (or libc): follow the frame-pointer chain to the innermost
        // return address in compiled code. Only words inside the live part of the program
        // thread's stack are read, and each frame must be above the previous one.
        let mut low = sp.max(s.stack_low);
        for _ in 0..MAX_FRAMES {
            if fp < low || fp % 8 != 0 || fp.saturating_add(16) > s.stack_high {
                break;
            }
            // SAFETY: `fp..fp + 16` is inside the mapped, live part of this thread's stack
            // (between the interrupted stack pointer and the stack's top).
            let (next, ret) = unsafe { (*(fp as *const usize), *((fp + 8) as *const usize)) };
            if ret > 0 && attribute(s, ret - 1) {
                return;
            }
            if next <= fp {
                break;
            }
            low = fp + 16;
            fp = next;
        }
        UNATTRIBUTED.fetch_add(1, Relaxed);
    }
}

/// No sampling on this target.
#[cfg(not(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
)))]
mod sampler {
    use super::ProfileTable;

    /// The sampling interval (none here).
    pub const INTERVAL_NS: u64 = 0;

    pub fn start(_table: &'static ProfileTable) -> bool {
        false
    }

    pub fn stop() {}

    pub fn clock() -> &'static str {
        "none"
    }

    pub fn totals() -> (u64, u64) {
        (0, 0)
    }

    pub fn function_samples(_index: usize) -> u64 {
        0
    }

    pub fn site_samples(_index: usize) -> Vec<(u32, u64)> {
        Vec::new()
    }
}

/// Blocks `SIGPROF` in the calling thread (the process's first thread, which only waits for
/// the program thread): the profiling timer's signal then always interrupts the program.
pub fn block_sampling_signal() {
    #[cfg(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    ))]
    // SAFETY: a valid signal set; only the calling thread's mask changes.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPROF);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_selects_the_output() {
        assert_eq!(output_from(None, None), None);
        assert_eq!(output_from(Some("0"), Some("")), None);
        assert_eq!(output_from(Some("1"), None), Some(Output::None));
        assert_eq!(output_from(None, Some("1")), Some(Output::Stderr));
        assert_eq!(output_from(Some("1"), Some("1")), Some(Output::Stderr));
        assert_eq!(
            output_from(None, Some("/tmp/p.json")),
            Some(Output::File("/tmp/p.json".into()))
        );
    }

    #[test]
    fn json_strings_are_escaped() {
        let mut s = String::new();
        json_str(&mut s, "a\"b\\c\nd\u{1}é");
        assert_eq!(s, "\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    fn point(site: u32, kind: u32, block: u32, pos: u32, slot: u32) -> ProfilePoint {
        ProfilePoint {
            site,
            kind,
            block,
            pos,
            slot,
            pad: 0,
            cell: Addr::NULL,
        }
    }

    /// A function descriptor without code over the given tables (`nblocks` MIR blocks).
    fn function(
        points: &[ProfilePoint],
        edges: &[ProfileEdge],
        counters: &mut [u64],
        nblocks: u32,
    ) -> ProfileFunction {
        ProfileFunction {
            code: Addr::NULL,
            counters: Addr::new(counters.as_mut_ptr()),
            points: Addr::new(points.as_ptr()),
            npoints: points.len() as u32,
            code_size: 0,
            pcmap: Addr::NULL,
            npcmap: 0,
            nsites: 0,
            edges: Addr::new(edges.as_ptr()),
            nedges: edges.len() as u32,
            nblocks,
        }
    }

    fn edge(from: u32, to: u32, slot: u32, pos: u32) -> ProfileEdge {
        ProfileEdge {
            from,
            to,
            slot,
            pos,
        }
    }

    /// Generated code counts with profiling off too: starting a recording zeroes every
    /// slot its points and edges name.
    #[test]
    fn starting_a_recording_zeroes_the_counters() {
        let points = [point(2, kinds::INT_ARITH, 0, 0, 1)];
        let edges = [edge(2, 0, 0, NO_SLOT), edge(0, 1, 4, NO_SLOT)];
        let mut counters = [7u64, 1, 2, 3, 9, 42];
        let f = function(&points, &edges, &mut counters, 1);
        let table = ProfileTable {
            version: 1,
            nfunctions: 1,
            functions: Addr::new(&f),
            build_id: Addr::NULL,
            build_id_len: 0,
            files: Addr::NULL,
            files_len: 0,
        };
        reset_counters(&table);
        // Slots 0..=4 are named (the int op's three reasons from 1, the edge's 4); the
        // word after the array is not touched.
        assert_eq!(counters, [0, 0, 0, 0, 0, 42]);
    }

    /// A loop: block 0 → 1 (header) ⇄ 2 (body, which may raise at position 1), 1 → 3
    /// (return); the exit node is 4. Five calls, ten iterations, one exception.
    #[test]
    fn executions_come_from_solved_edge_counts() {
        let points = [
            point(2, kinds::GUARD_INT, 0, 0, 1),
            point(9, kinds::SLOT, 2, 0, 2),
            point(11, kinds::DYNAMIC, 3, 0, 3),
            point(4, kinds::DYNAMIC | kinds::DYNAMIC_LANE, 2, 2, 3),
        ];
        let edges = [
            edge(4, 0, 0, NO_SLOT),
            edge(0, 1, NO_SLOT, NO_SLOT),
            edge(1, 2, NO_SLOT, NO_SLOT),
            edge(2, 1, 5, NO_SLOT),
            edge(1, 3, NO_SLOT, NO_SLOT),
            edge(3, 4, NO_SLOT, NO_SLOT),
            edge(2, 4, 6, 1),
        ];
        // Entries, guard failures, slot misses, (unused), back edges, exceptions.
        let mut counters = [5u64, 2, 3, 0, 0, 10, 1];
        let flow = solve_edges(&edges, 5, |s| counters[s as usize]);
        assert_eq!(flow, [5, 5, 11, 10, 4, 4, 1]);
        let f = function(&points, &edges, &mut counters, 4);
        let mut totals = Totals::default();
        let (calls, sites) = function_sites(&f, usize::MAX, &mut totals);
        assert_eq!(calls, 5);
        let got: Vec<(u32, u64)> = sites.iter().map(|(s, r)| (*s, r.count)).collect();
        // The dynamic op after the raising instruction ran once less than its block.
        assert_eq!(got, [(2, 5), (4, 10), (9, 11), (11, 4)]);
        assert_eq!(sites[0].1.deopts, [("not-int", 2)]);
        assert_eq!(sites[2].1.cache, Some((8, 3)));
        assert_eq!(totals.guard_checks, 16);
        assert_eq!(totals.guard_failures, 5);
        assert_eq!((totals.ic_hits, totals.ic_misses), (8, 3));
        assert_eq!(totals.slot_lookups, 8);
        assert_eq!(totals.dynamic_ops, 14);
    }
}
