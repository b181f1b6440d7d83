//! The contract between generated code and the runtime, defined once.
//!
//! Machine code that `molt_codegen` emits calls functions the runtime exports, passes them
//! operator codes, tests the bits of value words, reads object fields at fixed offsets and
//! counts profile points of numbered kinds. Both sides take all of that from this crate:
//!
//! - [`for_each_runtime_function!`] lists every function generated code imports, with its
//!   symbol name and Rust signature. Codegen derives its imports and Cranelift signatures
//!   from it; the runtime (`runtime/src/abi_check.rs`) coerces each of its exported
//!   functions to the listed `extern "C" fn` type, so a function that is missing, renamed or
//!   has another signature is a compile error of the runtime. The idea is wasmtime's
//!   `foreach_builtin_function!`.
//! - [`binary_op`], [`unary_op`], [`compare_op`], [`conversion`] and [`type_code`] number the
//!   operations the generic entry points (`molt_binary`, ...) take.
//! - [`value`] has the tags of the NaN-boxed value word, [`layout`] the object offsets that
//!   generated code reads, [`ic`] the inline cache cells, [`profile_kind`] the kinds of
//!   profile points.
//! - [`descriptor`] defines the static data codegen emits and the runtime reads (function
//!   and parameter descriptors, the module table, the profile table), with one byte layout
//!   on every target: every address is an 8-byte word ([`descriptor::Addr`]) and every
//!   length a `u64`, so a wasm32 build reads exactly what a 64-bit build does.
//! - [`runtime_module_names`] lists the public names of the runtime's `sys` and `time`
//!   modules, which the compiler checks uses of `sys.x` against.
//!
//! The crate has no dependencies and no `std`, so it builds wherever the runtime does
//! (native and `wasm32-unknown-unknown`).

#![no_std]

/// How a parameter or result of a runtime function is passed at the machine level.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Repr {
    /// A value word (`u64`, the runtime's `Value`: NaN-boxed, see [`value`]).
    Value,
    /// A 32-bit integer (`u32` or `i32`: counts, codes, indices, status results).
    I32,
    /// A 64-bit integer that is not a value word (`u64`/`i64`: bit sets, tokens).
    I64,
    /// An IEEE double.
    F64,
    /// A pointer or a `usize` (64 bits on native targets, 32 on wasm32).
    Ptr,
}

/// A Rust type that may appear in a runtime function's signature, with its [`Repr`].
pub trait AbiType {
    /// How the type is passed.
    const REPR: Repr;
}

macro_rules! abi_types {
    ($($ty:ty => $repr:ident),* $(,)?) => {
        $(impl AbiType for $ty { const REPR: Repr = Repr::$repr; })*
    };
}
abi_types!(u32 => I32, i32 => I32, u64 => I64, i64 => I64, usize => Ptr, f64 => F64);

impl<T: ?Sized> AbiType for *const T {
    const REPR: Repr = Repr::Ptr;
}
impl<T: ?Sized> AbiType for *mut T {
    const REPR: Repr = Repr::Ptr;
}
impl<R> AbiType for extern "C" fn() -> R {
    const REPR: Repr = Repr::Ptr;
}

/// Stands for the runtime's `Value` outside the runtime (in codegen): a value word.
pub enum Word {}

impl AbiType for Word {
    const REPR: Repr = Repr::Value;
}

/// Calls `$mac!` with the list of every function generated code imports.
///
/// The argument has two groups: `runtime { ... }`, the functions `molt_runtime` exports,
/// and `libc { ... }`, functions of the C library that generated code calls directly. Each
/// entry is `Variant = symbol(name: Type, ...) -> Type;` (no `->` for none), with doc
/// comments. The types are paths the caller resolves in its own scope: `Value` (a value
/// word; codegen binds it to [`Word`]), the integer types, `f64`, raw pointers (to
/// `Value`, `u8`, `u64`, `FunctionCode`, `ModuleEntry`, `ProfileTable`, `c_char`) and
/// `extern "C" fn() -> Value`. Conventions (`docs/runtime.md`): arguments are borrowed,
/// returned values are new references, a `Value` result of `ERROR` or an `i32` result of
/// `-1` means an exception is pending.
#[macro_export]
macro_rules! for_each_runtime_function {
    ($mac:ident) => {
        $mac! {
            runtime {
                /// `refcount += 1` for pointer values; returns `v`.
                Incref = molt_incref(v: Value) -> Value;
                /// `refcount -= 1`, freeing the object at zero.
                Decref = molt_decref(v: Value);
                /// Frees an object whose refcount reached zero.
                Dealloc = molt_dealloc(v: Value);
                /// 1 when `v` has exactly the type of `type_code` `code`, else 0.
                IsType = molt_is_type(v: Value, code: u32) -> i32;
                /// `operator.index(v)` as `range()` converts its arguments.
                ToIndex = molt_to_index(v: Value) -> Value;
                /// The interned str of `len` UTF-8 bytes at `ptr`.
                ConstStr = molt_const_str(ptr: *const u8, len: u32) -> Value;
                /// The int of `len` ASCII decimal digits (optional `-`) at `ptr`.
                ConstBigint = molt_const_bigint(ptr: *const u8, len: u32) -> Value;
                /// `...`.
                ConstEllipsis = molt_const_ellipsis() -> Value;
                /// Writes `len` bytes to stderr (the fatal-error path).
                WriteStderr = molt_write_stderr(ptr: *const u8, len: usize);
                /// `a op b`, `op` a `binary_op` code (plus `binary_op::INPLACE`).
                Binary = molt_binary(op: u32, a: Value, b: Value) -> Value;
                /// `a + b` (`op` 0 or `0 | binary_op::INPLACE`) where the caller's reference to
                /// `a` is its last: the function takes it over (a str only this reference
                /// holds is extended in place, as CPython's `+=` on a str does).
                BinaryAddMoved = molt_binary_add_moved(op: u32, a: Value, b: Value) -> Value;
                /// `op v`, `op` a `unary_op` code.
                Unary = molt_unary(op: u32, v: Value) -> Value;
                /// `a op b`, `op` a `compare_op` code.
                Compare = molt_compare(op: u32, a: Value, b: Value) -> Value;
                /// `bool(v)`: 0 or 1, -1 on error.
                IsTrue = molt_is_true(v: Value) -> i32;
                /// Hands the runtime the program's module table.
                ModulesInit = molt_modules_init(table: *const ModuleEntry, len: usize) -> Value;
                /// A module global (then the builtins).
                GlobalLoad = molt_global_load(module: Value, name: Value) -> Value;
                /// Stores a module global.
                GlobalStore = molt_global_store(module: Value, name: Value, v: Value) -> i32;
                /// Deletes a module global.
                GlobalDel = molt_global_del(module: Value, name: Value) -> i32;
                /// Clears `slot` (a `call.direct` slot) when the global `name` is rebound.
                WatchFunction = molt_watch_function(module: Value, name: Value, slot: *mut Value);
                /// A builtin by name.
                BuiltinLoad = molt_builtin_load(name: Value) -> Value;
                /// A builtin by name, remembered in the site's 8-byte `cell` when it is an
                /// immortal object (every builtin class and function): the builtins never
                /// change, so the site reads the cell from then on.
                BuiltinLoadCell = molt_builtin_load_cell(name: Value, cell: *mut u64) -> Value;
                /// Raises the `UnboundLocalError`/`NameError` of `name`.
                RaiseUnbound = molt_raise_unbound(name: Value) -> Value;
                /// A name of a class body's namespace, then the module, then the builtins.
                NsLoad = molt_ns_load(ns: Value, module: Value, name: Value) -> Value;
                /// A new cell holding `v`.
                CellNew = molt_cell_new(v: Value) -> Value;
                /// The contents of a free variable's cell (`NameError` when empty).
                CellGet = molt_cell_get(cell: Value, name: Value) -> Value;
                /// The contents of the function's own local's cell.
                CellGetLocal = molt_cell_get_local(cell: Value, name: Value) -> Value;
                /// Stores into a cell.
                CellSet = molt_cell_set(cell: Value, v: Value) -> i32;
                /// Closure cell `i` of function `func`.
                FunctionClosure = molt_function_closure(func: Value, i: u32) -> Value;
                /// `callee(*args)` with keyword names `kwnames` (a tuple or `None`).
                Call = molt_call(callee: Value, args: *const Value, nargs: u32, kwnames: Value, moved: u64) -> Value;
                /// `recv.name(*args)`.
                CallMethod = molt_call_method(recv: Value, name: Value, args: *const Value, nargs: u32, kwnames: Value, moved: u64) -> Value;
                /// `recv.name` looked up as a method through a 16-byte builtin-method cache cell.
                MethodLoadCached = molt_method_load_cached(recv: Value, name: Value, cell: *mut u64) -> Value;
                /// `recv.name` looked up as a method through a 16-byte method cache cell.
                MethodLoadIc = molt_method_load_ic(recv: Value, name: Value, cell: *mut u64, code: *const FunctionCode) -> Value;
                /// Calls what `molt_method_load_cached` gave for `recv` with `*args`.
                CallMethodLoaded = molt_call_method_loaded(recv: Value, method: Value, args: *const Value, nargs: u32, kwnames: Value, moved: u64) -> Value;
                /// `callee(*args_tuple, **kwargs_dict)`.
                CallEx = molt_call_ex(callee: Value, args_tuple: Value, kwargs_dict: Value) -> Value;
                /// `o.name`.
                GetAttr = molt_getattr(o: Value, name: Value) -> Value;
                /// `o.name = v`.
                SetAttr = molt_setattr(o: Value, name: Value, v: Value) -> i32;
                /// `o.name` through an 8-byte inline cache cell.
                GetAttrIc = molt_getattr_ic(o: Value, name: Value, cell: *mut u64) -> Value;
                /// `o.name = v` through an 8-byte inline cache cell.
                SetAttrIc = molt_setattr_ic(o: Value, name: Value, v: Value, cell: *mut u64) -> i32;
                /// `recv.name(*args)` through a 16-byte method cache cell.
                CallMethodIc = molt_call_method_ic(recv: Value, name: Value, args: *const Value, nargs: u32, cell: *mut u64, code: *const FunctionCode, moved: u64) -> Value;
                /// `method.is`: 1 when `recv.name` finds the function compiled from `code` (filling the 16-byte method cache cell), else 0; never raises or runs code.
                MethodIcProbe = molt_method_ic_probe(recv: Value, name: Value, cell: *mut u64, code: *const FunctionCode) -> i32;
                /// `cls(*args)` at a `call.class.direct` site through its 16-byte cache cell.
                CallClassIc = molt_call_class_ic(cls: Value, args: *const Value, nargs: u32, cell: *mut u64, code: *const FunctionCode, moved: u64) -> Value;
                /// `class.is`: 1 when calling `cls` constructs with `object.__new__` and the `__init__` compiled from `code` (filling the 16-byte cache cell), else 0; never raises or runs code.
                ClassIcProbe = molt_class_ic_probe(cls: Value, cell: *mut u64, code: *const FunctionCode) -> i32;
                /// A new instance of class `cls` (object layout), before `__init__`.
                NewInstance = molt_new_instance(cls: Value) -> Value;
                /// Raises `__init__()`'s "should return None" `TypeError` for its result `r` (owned).
                InitNotNone = molt_init_not_none(r: Value) -> Value;
                /// `recv.name(*args)` through the 32-byte builtin-method cache cell.
                CallMethodCached = molt_call_method_cached(recv: Value, name: Value, args: *const Value, nargs: u32, kwnames: Value, cell: *mut u64, moved: u64) -> Value;
                /// `super(cls, args[0]).name(*args[1:])` through the 32-byte super-call cache cell.
                CallSuper = molt_call_super(sup: Value, cls: Value, name: Value, args: *const Value, nargs: u32, kwnames: Value, cell: *mut u64) -> Value;
                /// `recv.append(x)`.
                MethodAppend = molt_method_append(recv: Value, name: Value, x: Value, moved: u64) -> Value;
                /// `recv.pop()`.
                MethodPop = molt_method_pop(recv: Value, name: Value, moved: u64) -> Value;
                /// `recv.get(key, default)`.
                MethodGet = molt_method_get(recv: Value, name: Value, key: Value, default: Value, moved: u64) -> Value;
                /// `recv.isdigit()` and the other character tests without arguments (`which`
                /// a `str_pred` code; `name` the method's name): answered at once for an
                /// exact str, else called like `molt_call_method` (`moved`: bit 0 `recv`).
                MethodStrPred = molt_method_str_pred(recv: Value, name: Value, which: u32, moved: u64) -> Value;
                /// `recv.name(a0, a1)` with `nargs` (0 to 2) positional arguments on a str
                /// (`which` a `str_method` code; `name` the method's name): the method's
                /// implementation called at once for an exact str, else called like
                /// `molt_call_method` (`moved`: bit 0 `recv`, bits 1 and 2 the arguments).
                MethodStr = molt_method_str(recv: Value, name: Value, which: u32, a0: Value, a1: Value, nargs: u32, moved: u64) -> Value;
                /// The one-character str of ASCII code `byte` (below 128), a new reference.
                AsciiChar = molt_ascii_char(byte: u32) -> Value;
                /// A float value of NaN bits `bits`.
                FloatNan = molt_float_nan(bits: u64) -> Value;
                /// `len(v)`.
                Len = molt_len(v: Value) -> Value;
                /// `del o.name`.
                DelAttr = molt_delattr(o: Value, name: Value) -> i32;
                /// `o[k]`.
                GetItem = molt_getitem(o: Value, k: Value) -> Value;
                /// `o[k] = v`.
                SetItem = molt_setitem(o: Value, k: Value, v: Value) -> i32;
                /// `del o[k]`.
                DelItem = molt_delitem(o: Value, k: Value) -> i32;
                /// A list of `n` values.
                BuildList = molt_build_list(items: *const Value, n: u32) -> Value;
                /// A tuple of `n` values.
                BuildTuple = molt_build_tuple(items: *const Value, n: u32) -> Value;
                /// A set of `n` values.
                BuildSet = molt_build_set(items: *const Value, n: u32) -> Value;
                /// A dict of `npairs` key, value pairs.
                BuildDict = molt_build_dict(items: *const Value, npairs: u32) -> Value;
                /// `slice(lo, hi, step)`.
                BuildSlice = molt_build_slice(lo: Value, hi: Value, step: Value) -> Value;
                /// Merges `**m` into the keyword dict `kw` of a call of `callee`.
                KwargsMerge = molt_kwargs_merge(callee: Value, kw: Value, m: Value) -> i32;
                /// `list.extend(v)` for `*v` in a display.
                StarExtend = molt_star_extend(list: Value, v: Value) -> i32;
                /// `mgr.__exit__` bound, for a `with` statement.
                WithExit = molt_with_exit(mgr: Value) -> Value;
                /// 1 when `v` is the identity sentinel of a failed check.
                IdentityCheck = molt_identity_check(v: Value) -> i32;
                /// `molt_binary(op, l, r)` where bit 0 of `wide` says the left operand is the
                /// int `raw_l` (an integer generated code kept in a machine register; the word
                /// `l` is then not the operand) and bit 1 the same of the right one.
                BinaryWide = molt_binary_wide(op: u32, l: Value, r: Value, raw_l: i64, raw_r: i64, wide: u32) -> Value;
                /// `molt_compare(op, l, r)` with operands kept in registers, as
                /// `molt_binary_wide`.
                CompareWide = molt_compare_wide(op: u32, l: Value, r: Value, raw_l: i64, raw_r: i64, wide: u32) -> Value;
                /// The exception being handled (`sys.exception()`).
                HandledExc = molt_exc_handled() -> Value;
                /// The concatenation of `n` strs (an f-string).
                BuildString = molt_build_string(items: *const Value, n: u32) -> Value;
                /// `format(v, spec)`.
                Format = molt_format(v: Value, spec: Value) -> Value;
                /// `str`/`repr`/`ascii` of `v` (`conversion`).
                Convert = molt_convert(kind: u32, v: Value) -> Value;
                /// `iter(v)`.
                Iter = molt_iter(v: Value) -> Value;
                /// The next item, or the *exhausted* word.
                IterNext = molt_iter_next(it: Value) -> Value;
                /// `v` unpacked into `n` values (a tuple).
                Unpack = molt_unpack(v: Value, n: u32) -> Value;
                /// `v` unpacked with a starred target between `before` and `after` values.
                UnpackEx = molt_unpack_ex(v: Value, before: u32, after: u32) -> Value;
                /// Item `i` of tuple `t`.
                TupleGet = molt_tuple_get(t: Value, i: u32) -> Value;
                /// A function object for `code` with its defaults and closure cells.
                MakeFunction = molt_make_function(code: *const FunctionCode, defaults: *const Value, ndefaults: u32, closure: *const Value, nclosure: u32, module: Value) -> Value;
                /// A class from its name, bases tuple, namespace and slot names.
                MakeClass = molt_make_class(name: Value, bases: Value, ns: Value, slots: *const Value, nslots: u32, module: Value) -> Value;
                /// `import name` (`level` dots, `fromlist`) from module `importer`.
                Import = molt_import(name: Value, level: i32, fromlist: Value, importer: Value) -> Value;
                /// `from module import name`.
                ImportFrom = molt_import_from(module: Value, name: Value) -> Value;
                /// `from module import *` into `into` (`only`: the names to bind, or `None`).
                ImportStar = molt_import_star(module: Value, into: Value, only: Value) -> i32;
                /// `raise exc from cause`.
                Raise = molt_raise(exc: Value, cause: Value) -> Value;
                /// Takes the pending exception.
                ExcFetch = molt_exc_fetch() -> Value;
                /// Keeps `v` alive until the handler that fetched it ends.
                ExcHold = molt_exc_hold(v: Value);
                /// Keeps function `f` alive for the traceback.
                ExcHoldFunc = molt_exc_hold_func(f: Value);
                /// 1 when `exc` matches the `except` clause's `cls`.
                ExcMatch = molt_exc_match(exc: Value, cls: Value) -> i32;
                /// Suspends the running generator with `v` (borrowed).
                Yield = molt_yield(v: Value) -> Value;
                /// Suspends the running generator with `v` (owned).
                YieldOwned = molt_yield_owned(v: Value) -> Value;
                /// The save area of the running generator (wasm32 state-machine bodies: at
                /// least `size` bytes, zeroed when first allocated, 16-byte aligned, the same
                /// address on every resumption; bytes 0..4 hold the resume point). Native
                /// bodies never call it (`SystemError`, null).
                GenState = molt_gen_state(size: u32) -> *mut u8;
                /// The value sent into the running generator (new reference), or error with
                /// the exception of `throw`/`close` pending (wasm32 state-machine bodies, on
                /// resumption; native bodies get it from `molt_yield`: `SystemError`).
                GenSent = molt_gen_sent() -> Value;
                /// Enters a Python call: depth check and handled-exception mark; a token.
                EnterCall = molt_enter_call() -> i64;
                /// Leaves a call entered with `EnterCall`.
                LeaveCall = molt_leave_call(token: i64);
                /// Enters a call of a function without handlers (depth only); a token.
                DepthEnter = molt_depth_enter() -> i64;
                /// Pushes a handled exception at handler nesting `level`.
                ExcEnter = molt_exc_enter(exc: Value, level: u32);
                /// Pops handled exceptions down to `level`.
                ExcLeave = molt_exc_leave(level: u32);
                /// Adds the frame of `code` at `site` to the pending exception's traceback.
                TbAdd = molt_tb_add(code: *const FunctionCode, site: u32);
                /// Hands the runtime the build's profile table.
                ProfileInit = molt_profile_init(table: *const ProfileTable);
                /// Counts why the small-int fast path of an arithmetic operation on `l` and
                /// `r` was left, in the three deopt counters at `counters` (`[0]` an operand
                /// not an inline int, `[1]` overflow, `[2]` a zero divisor when `divide` is 1).
                ProfileIntGuard = molt_profile_int_guard(counters: *mut u64, l: Value, r: Value, divide: u32);
                /// Adds one to `counters[which]` (a deopt counter picked by a condition).
                ProfileCount = molt_profile_count(counters: *mut u64, which: u32);
                /// Program entry: runs `init` as `__main__`; the exit status.
                Main = molt_main(argc: i32, argv: *const *const c_char, init: extern "C" fn() -> Value) -> i32;
                /// WASI command entry (what a wasm32 program's `_start` calls): runs `init` as
                /// `__main__` with the arguments of `args_get` and ends the process with
                /// `proc_exit(status)`; never returns. Exported on every target (natively it
                /// takes the process arguments and ends with `exit`).
                WasiStart = molt_wasi_start(init: extern "C" fn() -> Value);
            }
            libc {
                /// `pow(3)` of the C library (float `**`).
                Pow = pow(x: f64, y: f64) -> f64;
            }
        }
    };
}

/// The tag scheme of value words (NaN boxing; `docs/runtime.md`): a word whose top 16 bits
/// are below [`TAG_PTR`] is a float; otherwise the top 16 bits are the tag and the low 48
/// the payload.
pub mod value {
    /// A pointer to a heap object.
    pub const TAG_PTR: u64 = 0xFFF8;
    /// An inline int (48-bit two's complement payload).
    pub const TAG_INT: u64 = 0xFFF9;
    /// `False` (payload 0) and `True` (payload 1).
    pub const TAG_BOOL: u64 = 0xFFFA;
    /// `None`.
    pub const TAG_NONE: u64 = 0xFFFB;
    /// The special words: *unbound*, *error*, *exhausted*.
    pub const TAG_SPECIAL: u64 = 0xFFFC;
    /// The payload bits of a tagged word.
    pub const PAYLOAD_MASK: u64 = 0x0000_FFFF_FFFF_FFFF;
    /// `None`.
    pub const NONE: u64 = TAG_NONE << 48;
    /// `False`.
    pub const FALSE: u64 = TAG_BOOL << 48;
    /// `True`.
    pub const TRUE: u64 = (TAG_BOOL << 48) | 1;
    /// *unbound*: a local or slot without a value.
    pub const UNBOUND: u64 = TAG_SPECIAL << 48;
    /// *error*: the result of a failed operation (an exception is pending).
    pub const ERROR: u64 = (TAG_SPECIAL << 48) | 1;
    /// *exhausted*: `molt_iter_next` at the end of an iterator.
    pub const EXHAUSTED: u64 = (TAG_SPECIAL << 48) | 2;
    /// The tag bits of an inline int, in place.
    pub const INT_TAG_BITS: u64 = TAG_INT << 48;
}

/// Object layout facts generated code relies on. They are the same on every target:
/// native 64-bit ones and wasm32 (where the runtime pads pointer fields to 8-byte words, see
/// [`descriptor`]); the runtime asserts each at compile time on both.
pub mod layout {
    /// Byte offset of the reference count in every heap object: an `i64` on every target
    /// (generated code increments and decrements it as an `i64`).
    pub const HEADER_REFCOUNT_OFFSET: i32 = 0;
    /// Byte offset of the header word holding the object kind (`u32`) and flags (`u32`).
    pub const HEADER_KIND_OFFSET: i32 = 8;
    /// Byte offset of the header's flags (`u32`; generated code usually reads them together
    /// with the kind, as one `u64` at [`HEADER_KIND_OFFSET`]).
    pub const HEADER_FLAGS_OFFSET: i32 = 12;
    /// Size of the object header in bytes (the payload starts here); objects are 8-aligned.
    pub const HEADER_SIZE: i32 = 16;
    /// The reference count of immortal objects (`1 << 60`): counts at or above half of it
    /// are never freed.
    pub const IMMORTAL: i64 = 1 << 60;
    /// `Kind::Instance`: an instance of a user class.
    pub const KIND_INSTANCE: u32 = 14;
    /// Byte offset of an instance's class pointer (a value word).
    pub const INSTANCE_CLASS_OFFSET: i32 = 16;
    /// Byte offset of an instance's slot array pointer: an 8-byte word on every target (on
    /// wasm32 the low 4 bytes hold the address and the high 4 bytes are zero, so it may be
    /// read as an `i64` or as an `i32`); null when the class has no slots.
    pub const INSTANCE_SLOTS_OFFSET: i32 = 24;
    /// `Kind::List`: a list (exactly `list`; instances of subclasses are instances).
    pub const KIND_LIST: u32 = 3;
    /// Byte offset of a list's item array address: an 8-byte word on every target (on
    /// wasm32 the address is zero-extended), the address of `len` consecutive value words.
    pub const LIST_ITEMS_OFFSET: i32 = 16;
    /// Byte offset of a list's item count (`u64`, fewer than 2^47).
    pub const LIST_LEN_OFFSET: i32 = 24;
    /// Byte offset of a list's capacity (`u64`): how many items the array holds; generated
    /// code appends in place while the count is below it.
    pub const LIST_CAP_OFFSET: i32 = 32;
    /// `Kind::Str`: a str (exactly `str`; instances of subclasses are instances holding
    /// one). Its fields differ between 64-bit targets and wasm32 (`usize` fields), so each
    /// offset below has one constant per pointer width.
    pub const KIND_STR: u32 = 2;
    /// Byte offset of a str's text length in bytes on 64-bit targets (a `u64`).
    pub const STR_LEN_OFFSET_64: i32 = 32;
    /// Byte offset of a str's UTF-8 text on 64-bit targets (`len` bytes, in the object).
    pub const STR_TEXT_OFFSET_64: i32 = 49;
    /// Byte offset of a str's text length in bytes on wasm32 (a `u32`).
    pub const STR_LEN_OFFSET_32: i32 = 28;
    /// Byte offset of a str's ASCII flag on 64-bit targets (a `bool` byte: 1 when every
    /// character is ASCII, so that character `i` is byte `i` of the text).
    pub const STR_ASCII_OFFSET_64: i32 = 48;
    /// Byte offset of a str's ASCII flag on wasm32.
    pub const STR_ASCII_OFFSET_32: i32 = 36;
    /// Byte offset of a str's UTF-8 text on wasm32.
    pub const STR_TEXT_OFFSET_32: i32 = 37;
    /// `Kind::Tuple`: a tuple (exactly `tuple`; instances of subclasses, namedtuples
    /// included, are instances holding one).
    pub const KIND_TUPLE: u32 = 4;
    /// Byte offset of a tuple's item count (`u64` on every target). A tuple never changes
    /// after it is made.
    pub const TUPLE_LEN_OFFSET: i32 = 16;
    /// Byte offset of a tuple's first item: the items are `len` consecutive value words in
    /// the object itself, from here.
    pub const TUPLE_ITEMS_OFFSET: i32 = 24;
    /// `Kind::Iter`: an iterator of the runtime (`molt_runtime::object::IterData`).
    pub const KIND_ITER: u32 = 8;
    /// Byte offset of an iterator's variant (`u32`).
    pub const ITER_VARIANT_OFFSET: i32 = 16;
    /// The variant of an iterator over a list or tuple by index.
    pub const ITER_SEQ: u32 = 0;
    /// Byte offset of the sequence (a value word) of an [`ITER_SEQ`] iterator.
    pub const ITER_SEQ_OFFSET: i32 = 24;
    /// Byte offset of the next index (`u64`; `u64::MAX` once exhausted) of an [`ITER_SEQ`]
    /// iterator.
    pub const ITER_SEQ_INDEX_OFFSET: i32 = 32;
    /// Byte offset of a class's shape (`u32`).
    pub const CLASS_SHAPE_OFFSET: i32 = 16;
    /// Byte offset of the recursion limit (`u32`) in `molt_depth`; the depth (`u32`) is at 0.
    pub const DEPTH_LIMIT_OFFSET: i32 = 4;
}

/// Inline cache cells: static data of generated code that the runtime reads and writes.
/// Every cell is an array of 8-byte words (`u64`), the same on every target; a word that
/// holds an address holds it as [`descriptor::Addr`] does (zero-extended on wasm32).
pub mod ic {
    /// Size of a `getattr.slot`/`setattr.slot` cell (`molt_getattr_ic`, `molt_setattr_ic`):
    /// one word, the class shape in the low 32 bits and the slot index in the high 32
    /// (0: empty).
    pub const SLOT_CELL_SIZE: usize = 8;
    /// Size of a `call.method.direct` cell (`molt_call_method_ic`): the class shape
    /// (zero-extended, word 0) and the function object found (a value word, word 1).
    pub const METHOD_CELL_SIZE: usize = 16;
    /// Byte offset of the shape in a `call.method.direct` cell.
    pub const METHOD_CELL_SHAPE: usize = 0;
    /// Byte offset of the function value in a `call.method.direct` cell.
    pub const METHOD_CELL_FUNCTION: usize = 8;
    /// Size of a `call.class.direct` cell (`molt_call_class_ic`): the class shape
    /// (zero-extended, word 0) and its `__init__` function object (a value word, word 1),
    /// as a `call.method.direct` cell.
    pub const CLASS_CELL_SIZE: usize = 16;
    /// Size of a `call.method` cell (`molt_call_method_cached`): the builtin class (a value
    /// word, word 0), the address of the builtin method's implementation (word 1: a native
    /// code address, a table index on wasm32), when profiled the hit and miss counts
    /// (words 2 and 3), then from [`CACHED_CELL_INSTANCES`] the cache of methods called on
    /// instances of user classes: [`CACHED_CELL_INSTANCE_ENTRIES`] pairs of a class shape
    /// (zero-extended; 0 when empty) and the compiled function found on that class (a value
    /// word).
    pub const CACHED_CELL_SIZE: usize = CACHED_CELL_INSTANCES + 16 * CACHED_CELL_INSTANCE_ENTRIES;
    /// Byte offset of the instance entries in a `call.method` cell.
    pub const CACHED_CELL_INSTANCES: usize = 32;
    /// The number of instance entries (class shapes) a `call.method` cell holds: a site
    /// calling the method of up to this many classes calls each directly.
    pub const CACHED_CELL_INSTANCE_ENTRIES: usize = 4;
    /// Size of a `call.super` cell (`molt_call_super`): the receiver's class (word 0), the
    /// class argument of `super` (word 1), the class epoch (word 2) and the function found
    /// (word 3), all zero when empty.
    pub const SUPER_CELL_SIZE: usize = 32;
    /// Byte offset of the class value in a `call.method` cell.
    pub const CACHED_CELL_CLASS: usize = 0;
    /// Byte offset of the implementation address in a `call.method` cell.
    pub const CACHED_CELL_IMPL: usize = 8;
    /// Byte offset of the hit count in a profiled `call.method` cell.
    pub const CACHED_CELL_HITS: usize = 16;
    /// Byte offset of the miss count in a profiled `call.method` cell.
    pub const CACHED_CELL_MISSES: usize = 24;
}

pub mod descriptor;

/// The public names (no dunders) of the runtime's modules whose CPython counterparts have
/// more: a program using one of CPython's names that is missing here gets a compile-time
/// `unsupported-syntax` error (`molt_semantic::stdlib`). The runtime's tests check each list
/// against the module it makes.
pub mod runtime_module_names {
    /// `sys`, sorted.
    pub const SYS: &[&str] = &[
        "argv",
        "byteorder",
        "exc_info",
        "exception",
        "exit",
        "float_info",
        "get_int_max_str_digits",
        "getrecursionlimit",
        "int_info",
        "intern",
        "maxsize",
        "modules",
        "path",
        "platform",
        "set_int_max_str_digits",
        "setrecursionlimit",
        "stderr",
        "stdin",
        "stdout",
        "version",
        "version_info",
    ];
    /// `time`, sorted.
    pub const TIME: &[&str] = &[
        "monotonic",
        "monotonic_ns",
        "perf_counter",
        "perf_counter_ns",
        "process_time",
        "process_time_ns",
        "sleep",
        "time",
        "time_ns",
    ];
    /// `(module, its names)` for the modules listed here.
    pub const ALL: &[(&str, &[&str])] = &[("sys", SYS), ("time", TIME)];
}

/// Codes of `molt_binary`'s `op`.
pub mod binary_op {
    /// `+`
    pub const ADD: u32 = 0;
    /// `-`
    pub const SUB: u32 = 1;
    /// `*`
    pub const MUL: u32 = 2;
    /// `/`
    pub const TRUEDIV: u32 = 3;
    /// `//`
    pub const FLOORDIV: u32 = 4;
    /// `%`
    pub const MOD: u32 = 5;
    /// `**`
    pub const POW: u32 = 6;
    /// `<<`
    pub const LSHIFT: u32 = 7;
    /// `>>`
    pub const RSHIFT: u32 = 8;
    /// `&`
    pub const AND: u32 = 9;
    /// `|`
    pub const OR: u32 = 10;
    /// `^`
    pub const XOR: u32 = 11;
    /// `@`
    pub const MATMUL: u32 = 12;
    /// Added to a code for the in-place form (`x += y` tries `__iadd__` first).
    pub const INPLACE: u32 = 16;
}

/// Codes of `molt_unary`'s `op`.
pub mod unary_op {
    /// `-x`
    pub const NEG: u32 = 0;
    /// `+x`
    pub const POS: u32 = 1;
    /// `~x`
    pub const INVERT: u32 = 2;
    /// `not x`
    pub const NOT: u32 = 3;
}

/// Codes of `molt_compare`'s `op`.
pub mod compare_op {
    /// `==`
    pub const EQ: u32 = 0;
    /// `!=`
    pub const NE: u32 = 1;
    /// `<`
    pub const LT: u32 = 2;
    /// `<=`
    pub const LE: u32 = 3;
    /// `>`
    pub const GT: u32 = 4;
    /// `>=`
    pub const GE: u32 = 5;
    /// `is`
    pub const IS: u32 = 6;
    /// `is not`
    pub const ISNOT: u32 = 7;
    /// `in`
    pub const IN: u32 = 8;
    /// `not in`
    pub const NOTIN: u32 = 9;
}

/// Codes of `molt_method_str_pred`'s `which`: the str methods that test every character
/// (true when the str is not empty and every character has the property).
pub mod str_pred {
    /// `str.isdigit`
    pub const ISDIGIT: u32 = 0;
    /// `str.isdecimal`
    pub const ISDECIMAL: u32 = 1;
    /// `str.isnumeric`
    pub const ISNUMERIC: u32 = 2;
    /// `str.isalpha`
    pub const ISALPHA: u32 = 3;
    /// `str.isalnum`
    pub const ISALNUM: u32 = 4;
    /// `str.isspace`
    pub const ISSPACE: u32 = 5;

    /// The code of the method `name` (taking no arguments), if it is one of these.
    pub fn of(name: &str) -> Option<u32> {
        Some(match name {
            "isdigit" => ISDIGIT,
            "isdecimal" => ISDECIMAL,
            "isnumeric" => ISNUMERIC,
            "isalpha" => ISALPHA,
            "isalnum" => ISALNUM,
            "isspace" => ISSPACE,
            _ => return None,
        })
    }
}

/// Codes of `molt_method_str`'s `which`: the methods of `str`, numbered in this order (the
/// runtime's table of str methods lists them in the same order; a test checks it).
pub mod str_method {
    /// The names, by code.
    pub const NAMES: &[&str] = &[
        "find",
        "rfind",
        "index",
        "rindex",
        "count",
        "startswith",
        "endswith",
        "split",
        "rsplit",
        "splitlines",
        "join",
        "strip",
        "lstrip",
        "rstrip",
        "replace",
        "upper",
        "lower",
        "casefold",
        "swapcase",
        "capitalize",
        "title",
        "isdigit",
        "isdecimal",
        "isnumeric",
        "isalpha",
        "isalnum",
        "isspace",
        "isascii",
        "isupper",
        "islower",
        "istitle",
        "isidentifier",
        "isprintable",
        "partition",
        "rpartition",
        "zfill",
        "center",
        "ljust",
        "rjust",
        "expandtabs",
        "removeprefix",
        "removesuffix",
        "format",
        "format_map",
        "translate",
        "encode",
    ];

    /// The code of str method `name`, if `str` has it.
    pub fn of(name: &str) -> Option<u32> {
        NAMES.iter().position(|n| *n == name).map(|i| i as u32)
    }
}

/// Codes of `molt_convert`'s `kind`.
pub mod conversion {
    /// `str(v)`
    pub const STR: u32 = 0;
    /// `repr(v)`
    pub const REPR: u32 = 1;
    /// `ascii(v)`
    pub const ASCII: u32 = 2;
}

/// Codes of `molt_is_type`'s `code`.
pub mod type_code {
    /// `int` (inline or big; not `bool`).
    pub const INT: u32 = 0;
    /// `float`.
    pub const FLOAT: u32 = 1;
    /// `bool`.
    pub const BOOL: u32 = 2;
}

/// Kinds of profile points (`docs/profiles.md`): which operation a point counts and what its
/// counter slots mean.
pub mod profile_kind {
    /// `is.type v, int` (an entry guard): checks, failures (`not-int`).
    pub const GUARD_INT: u32 = 1;
    /// `is.type v, float`: checks, failures (`not-float`).
    pub const GUARD_FLOAT: u32 = 2;
    /// `is.type v, bool`: checks, failures (`not-bool`).
    pub const GUARD_BOOL: u32 = 3;
    /// Small-int arithmetic: checks, `not-int`, `overflow`, `zero-divisor`.
    pub const INT_ARITH: u32 = 4;
    /// Small-int comparison: checks, `not-int`.
    pub const INT_COMPARE: u32 = 5;
    /// Mixed int/float arithmetic or comparison: checks, `not-number`, `zero-divisor`.
    pub const NUMERIC: u32 = 6;
    /// Float division: checks, `zero-divisor`.
    pub const FLOAT_DIV: u32 = 7;
    /// `call.direct`: checks, `not-bound-yet`.
    pub const DIRECT_CALL: u32 = 8;
    /// `call.method.direct` (inline cache): lookups, misses (`class-changed`).
    pub const METHOD_DIRECT: u32 = 9;
    /// `getattr.slot`/`setattr.slot` (inline cache): lookups, misses (`shape-changed`).
    pub const SLOT: u32 = 10;
    /// `call.method` through the runtime's inline cache: executions; the runtime counts hits
    /// and misses in words 2 and 3 of the site's 32-byte cache cell.
    pub const METHOD_CACHED: u32 = 11;
    /// Any other operation of the `dynamic` lane: executions.
    pub const DYNAMIC: u32 = 12;
    /// `is.type v, str` (an entry guard): checks, failures (`not-str`).
    pub const GUARD_STR: u32 = 13;
    /// Flag on a kind: the operation is in the `dynamic` lane.
    pub const DYNAMIC_LANE: u32 = 0x100;
}
