//! MIR: molt's typed SSA intermediate representation, one [`Function`] per Python function.
//!
//! Shape (after Cranelift): a function owns side tables of values, instructions and basic
//! blocks; entities are `u32` newtypes ([`Value`] `v0`, [`Block`] `block0`, [`Inst`], [`SiteId`]
//! `#0`) whose `Display` is exactly their text form. Basic blocks take *block parameters*
//! instead of phi nodes. Every instruction carries a [`Span`] (byte range relative to the
//! start of the function's source item) and a [`SiteId`] unique within the function.
//!
//! **Architecture Invariant:** this crate knows nothing of salsa, of Python syntax trees or
//! of the language server. It describes Python *values* (the [`Type`] lattice) because that is
//! what the IR computes with, but it never sees source text.
//!
//! Modules: [`types`] (the type lattice and local flow-sensitive inference), [`display`]
//! (the text printer), [`parse`] (the text reader; print → parse → print round-trips),
//! [`verify`] (the verifier run after every pass in tests and debug builds), [`dominators`].

pub mod compact;
pub mod display;
pub mod dominators;
pub mod int_functions;
pub mod int_loops;
pub mod lanes;
pub mod parse;
pub mod types;
pub mod verify;

use std::fmt;

pub use types::Type;

macro_rules! entity {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub struct $name(pub u32);

        impl $name {
            /// The entity's index into its side table.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

entity!(
    /// An SSA value: an instruction result or a block parameter. Text form `v3`.
    Value,
    "v"
);
entity!(
    /// A basic block. Text form `block2`; `block0` is the entry block.
    Block,
    "block"
);
entity!(
    /// An instruction, index into [`Function::insts`]. Has no text form of its own.
    Inst,
    "inst"
);
entity!(
    /// A site: one source operation the runtime can observe (see DESIGN.md). Unique within a
    /// function and stable for a build. Text form `#4`.
    SiteId,
    "#"
);

/// A byte range `start..end` (bytes, UTF-8), relative to the start of the function's source
/// item (the `def` line, or the module skeleton for `<module>`). Text form `@12..18`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct Span {
    /// First byte, inclusive.
    pub start: u32,
    /// Last byte, exclusive.
    pub end: u32,
}

impl Span {
    /// Builds a span; `start <= end` is the caller's invariant.
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }
}

/// An integer constant: an `i64` when it fits, otherwise its decimal digits (Python ints are
/// unbounded; the runtime promotes to a bigint).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum IntConst {
    /// Fits in 64 bits.
    Small(i64),
    /// Decimal digits, optionally with a leading `-`; never fits in `i64`.
    Big(Box<str>),
}

/// A constant operand of `const.*` instructions.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `const.none`
    None,
    /// `const.bool true`
    Bool(bool),
    /// `const.int 42`
    Int(IntConst),
    /// `const.float 1.5` (IEEE double; compared bitwise so that NaN equals itself in the IR).
    Float(f64),
    /// `const.str "text"`
    Str(Box<str>),
    /// `const.ellipsis` (`...`)
    Ellipsis,
    /// `const.unbound`: the value of a local variable on a path where it was never assigned.
    /// Reading it raises `UnboundLocalError` (see [`InstKind::CheckBound`]).
    Unbound,
}

impl PartialEq for Constant {
    fn eq(&self, other: &Constant) -> bool {
        match (self, other) {
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (Constant::None, Constant::None)
            | (Constant::Ellipsis, Constant::Ellipsis)
            | (Constant::Unbound, Constant::Unbound) => true,
            (Constant::Bool(a), Constant::Bool(b)) => a == b,
            (Constant::Int(a), Constant::Int(b)) => a == b,
            (Constant::Str(a), Constant::Str(b)) => a == b,
            _ => false,
        }
    }
}
impl Eq for Constant {}

/// Unary operators. Text: `neg`, `pos`, `invert`, `not`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `not x` (always a bool)
    Not,
}

/// Binary arithmetic and bitwise operators. Text: `add`, `sub`, ...; the in-place forms used
/// by augmented assignment (`x += y`, which calls `__iadd__`) are prefixed `i` (`iadd`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    TrueDiv,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `@`
    MatMul,
}

/// Comparison operators. Text: `cmp.eq`, `cmp.lt`, `cmp.in`, `cmp.is`, ...
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

/// Prefix of a `cell.load` name (`".x"`) for a class body's read of a cell that the function
/// it is inlined in made: CPython runs a class body as code of its own, for which the cell
/// is a free variable, so an empty one is a `NameError` ("cannot access free variable"),
/// not the `UnboundLocalError` of the function's own read.
pub const CLASS_FREE_PREFIX: &str = ".";

/// Conversions applied to f-string replacement fields (`!s`, `!r`, `!a`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Conversion {
    /// `str(x)`
    Str,
    /// `repr(x)`
    Repr,
    /// `ascii(x)`
    Ascii,
}

/// A branch target: a block and the arguments bound to its parameters.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BlockCall {
    /// The successor.
    pub block: Block,
    /// One argument per block parameter (for `iter.next`'s body target: per parameter after
    /// the first, which receives the item).
    pub args: Vec<Value>,
}

/// Arguments of a call: positional values, then keyword values with their names.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct CallArgs {
    /// Positional arguments, in order.
    pub positional: Vec<Value>,
    /// Keyword arguments `(name, value)`, in source order.
    pub keywords: Vec<(Box<str>, Value)>,
}

/// What an instruction does. Terminators (`jump`, `brif`, `iter.next`, `return`, `raise`,
/// `unreachable`) end a block and nothing else does.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum InstKind {
    /// `const.*`: a constant.
    Const(Constant),
    /// `neg v1` etc.
    Unary(UnaryOp, Value),
    /// `add v1, v2` / `iadd v1, v2` (in-place form when `inplace`).
    Binary {
        /// The operator.
        op: BinaryOp,
        /// Augmented assignment form (`__iadd__` first).
        inplace: bool,
        /// Left operand.
        lhs: Value,
        /// Right operand.
        rhs: Value,
    },
    /// `cmp.lt v1, v2`
    Compare(CmpOp, Value, Value),
    /// `truthy v1`: `bool(v1)` as a native bool (conditions of `if`, `while`, `and`, `or`).
    Truthy(Value),
    /// `global.load "x"`: read a module global, falling back to builtins; raises `NameError`.
    GlobalLoad(Box<str>),
    /// `global.load.direct "f"`: `global.load` of the global that names the module function
    /// `f` (MIR name), which `call.direct ... loaded` calls. Once `f`'s `def` has run (and
    /// while the global still holds its function object), codegen reads the function from
    /// its slot instead of looking the name up; otherwise it is `global.load` (`NameError`,
    /// or whatever now holds the name). The read happens where CPython reads the callee,
    /// before the call's arguments run.
    ///
    /// `global.load.direct "m:f" via "g"`: the same for a function of another module called
    /// through this module's global `g` (see `call.direct ... via`).
    GlobalLoadDirect {
        /// MIR name of the function expected in the global.
        func: Box<str>,
        /// For a function of another module: this module's global it is read through.
        via: Option<Box<str>>,
    },
    /// `global.store "x", v1`
    GlobalStore(Box<str>, Value),
    /// `global.del "x"`
    GlobalDel(Box<str>),
    /// `builtin.load "len"`: a builtin the name resolved to (not shadowed by a global).
    BuiltinLoad(Box<str>),
    /// `slot.load "x"`: read a local kept in a stack slot (functions with `try`, `del`);
    /// raises `UnboundLocalError` when unassigned. The name of this instruction, of
    /// `check.bound` and of `cell.load` may carry a message after a space (`"self super():
    /// arg[0] deleted"`): an unbound read then raises `RuntimeError` with that message.
    SlotLoad(Box<str>),
    /// `slot.store "x", v1`
    SlotStore(Box<str>, Value),
    /// `slot.del "x"`
    SlotDel(Box<str>),
    /// `check.bound v1, "x"`: `v1` unless it is `const.unbound`, then `UnboundLocalError`.
    CheckBound(Value, Box<str>),
    /// `cell.new v1`: a closure cell holding `v1` (which may be `const.unbound`).
    CellNew(Value),
    /// `cell.load v1, "x"`: the cell's content; raises `NameError`/`UnboundLocalError` if empty.
    /// A name starting with [`CLASS_FREE_PREFIX`] is a class body's read of a cell of the
    /// function it is inlined in.
    CellLoad(Value, Box<str>),
    /// `cell.store v1, v2`
    CellStore(Value, Value),
    /// `freevar 0`: the function's n-th closure cell (see [`Function::freevars`]).
    FreeVar(u32),
    /// `ns.load v1, "x"`: in a class body, the name from the class namespace `v1`, else global.
    NsLoad(Value, Box<str>),
    /// `call v1(v2, k=v3)`
    Call {
        /// The callee.
        callee: Value,
        /// The arguments.
        args: CallArgs,
    },
    /// `call.direct "f"(v1, v2)`: a call of the program's function `f` bound to the module
    /// global `f`, with exactly one positional argument per parameter; it calls the compiled
    /// code directly (no argument binding) once `f`'s `def` has run, and is an ordinary call
    /// of the global before that.
    ///
    /// `call.direct "m:f"(v1) via "g"`: a call of the function `f` of another module `m`
    /// through this module's global `g`, bound once by `from m import f as g`. It calls the
    /// compiled code directly while `g` holds the function object that `m`'s `def f` made
    /// (checked when `g` is stored, and watched after that), and is an ordinary call of the
    /// global `g` otherwise.
    ///
    /// `call.direct "f"(v2) loaded v1`: the callee was read before the arguments ran, by
    /// `v1 = global.load.direct "f"` (CPython's order; used when something between the read
    /// and the call could raise or run code). The compiled code is called directly when
    /// `v1` is the function object in `f`'s slot at the call; otherwise `v1` is called
    /// generically (the global was rebound while the arguments ran, or `f`'s `def` had not
    /// run and the name found something else).
    CallDirect {
        /// MIR name of the callee.
        func: Box<str>,
        /// One argument per parameter.
        args: Vec<Value>,
        /// For a function of another module: the global of this module it is called
        /// through (see above); `None` for a function of this module.
        via: Option<Box<str>>,
        /// The callee read before the arguments (a `global.load.direct`), when the read
        /// and the call are apart.
        loaded: Option<Value>,
    },
    /// `call.ex v1, v2, v3`: `callee(*v2, **v3)` with a tuple and a dict.
    CallEx {
        /// The callee.
        callee: Value,
        /// Positional arguments as a tuple.
        args: Value,
        /// Keyword arguments as a dict.
        kwargs: Value,
    },
    /// `call.method v1, "append"(v2)`: `v1.append(v2)` without materializing a bound method.
    CallMethod {
        /// The receiver.
        receiver: Value,
        /// The method name.
        name: Box<str>,
        /// The arguments (not counting the receiver).
        args: CallArgs,
    },
    /// `call.method.direct v1, "m", "C.m"(v2)`: `v1.m(v2)` where the method is expected to
    /// be MIR function `func` (positional arguments, one per parameter after `self`): codegen
    /// calls its compiled code directly behind an inline cache (the receiver's class shape,
    /// and the method found there being `func`'s code) and falls back to `call.method`.
    CallMethodDirect {
        /// The receiver.
        receiver: Value,
        /// The method name.
        name: Box<str>,
        /// MIR name of the expected method.
        func: Box<str>,
        /// The arguments after the receiver.
        args: Vec<Value>,
    },
    /// `call.class.direct "C", "C.__init__"(v1, v2)`: `C(v1, v2)` of the class bound once to the
    /// module global `C` by a top-level `class` statement, expected to construct through
    /// `type.__call__` with `object.__new__` and the MIR function `init` as `__init__`
    /// (positional arguments, one per parameter after `self`). Codegen reads the class from
    /// a slot of its own (filled when the `class` statement stores the global, cleared by the
    /// runtime when the global is rebound or deleted, `molt_runtime::watch`) instead of
    /// loading the global, and behind an inline cache (the class's shape, which changes
    /// when `__init__`, `__new__` or any other special method of it or a base changes)
    /// allocates the instance and calls `init`'s compiled code directly, raising CPython's
    /// `TypeError` when it returns something other than `None`. Otherwise exactly
    /// `global.load "C"` and `call` with the arguments: without `loaded`, the optimizer only
    /// emits it when nothing between that load and the call can raise or run code.
    ///
    /// `call.class.direct "C", "C.__init__"(v2) loaded v1`: the class was read before the
    /// arguments ran (`v1 = global.load "C"`, CPython's order); the direct construction
    /// applies when `v1` is the class in the slot, and otherwise `v1` is called generically.
    CallClassDirect {
        /// The module global holding the class (its `class` statement's name).
        class: Box<str>,
        /// MIR name of the expected `__init__`.
        init: Box<str>,
        /// The arguments after the instance.
        args: Vec<Value>,
        /// The class read before the arguments, when the read and the call are apart.
        loaded: Option<Value>,
    },
    /// `call.super v1, v2, v3, "m"(v4)`: `super(v2, v3).m(v4)` where `v1` is the value the
    /// name `super` had (`builtin.load "super"`), without a `super` object or a bound method
    /// when `v1` is the builtin `super`, `v3` an instance of a class whose MRO holds class `v2`
    /// and the attribute `m` found after `v2` in that MRO a plain function: that function is
    /// called with `v3` and the arguments, behind a per-site inline cache (the class of `v3`,
    /// `v2` and the class epoch). Otherwise exactly `v1(v2, v3).m(v4)`. The arguments are
    /// evaluated before `v1(v2, v3)` is called, so the lowering only emits it when they cannot
    /// run code or raise (constants, parameters of a function without `del`).
    CallSuper {
        /// The value of `super` at the call.
        sup: Value,
        /// The class argument of `super` (the `__class__` cell's value for `super()`).
        class: Value,
        /// The object argument of `super` (the first argument for `super()`).
        receiver: Value,
        /// The method name.
        name: Box<str>,
        /// The arguments (not counting the receiver).
        args: CallArgs,
    },
    /// `method.load v1, "m"`: CPython's `LOAD_METHOD`, the lookup of method `m` on `v1` before
    /// the call's arguments are evaluated, so that a missing attribute raises (and a property,
    /// descriptor or `__getattr__` runs) before any argument does. The result is only for
    /// `call.method.loaded`: the function found on the class when the receiver is to be passed
    /// as `self` (a plain function or a builtin type's method), else the attribute's value
    /// (wrapped in a `staticmethod` when that value is itself a function, which keeps the two
    /// apart). The lowering emits the pair only when an argument may run code; the
    /// `method_loads` pass fuses it back into `call.method` when nothing between the lookup
    /// and the call can be observed.
    MethodLoad(Value, Box<str>),
    /// `method.load.direct v1, "m", "C.m"`: `method.load v1, "m"` where the method is
    /// expected to be MIR function `func` (as for `call.method.direct`): codegen takes the
    /// function from an inline cache (the receiver's class shape) and the
    /// `call.method.loaded` of the result calls `func`'s compiled code directly when the
    /// loaded value is that cached function (positional arguments, one per parameter after
    /// `self`); otherwise both are generic.
    MethodLoadDirect {
        /// The receiver.
        receiver: Value,
        /// The method name.
        name: Box<str>,
        /// MIR name of the expected method.
        func: Box<str>,
    },
    /// `method.is v1, "m", "C.m"`: does `v1.m` find MIR function `func` the way
    /// `call.method.direct` checks it (a plain instance, no instance attribute that could
    /// shadow `m`, and its class's shape the one the inline cache saw with `func`'s code as
    /// `m`)? A native bool that neither raises nor runs code: on a cache miss the runtime
    /// looks `m` up on the class (no descriptor, `__getattr__` or instance attribute runs)
    /// and fills the cache when it finds `func`. False too when calling a function here
    /// would exceed the recursion limit (the generic call then raises `RecursionError`, as
    /// the call would have). The guard in front of a method body the
    /// optimizer inlined ([`crate::Function::inlined_sites`]); the other branch makes the
    /// call generically.
    ///
    /// `method.is v1, "m", "C.m" loaded v2`: the method was looked up before the call's
    /// arguments ran, by `v2 = method.load.direct v1, "m", "C.m"`: true when `v2` is the
    /// function that load's inline cache holds (`func`'s code, found on the receiver's
    /// class), and the recursion limit allows the call.
    MethodIs {
        /// The receiver.
        receiver: Value,
        /// The method name.
        name: Box<str>,
        /// MIR name of the expected method.
        func: Box<str>,
        /// The method looked up before the arguments (a `method.load.direct`), when the
        /// lookup and the call are apart.
        loaded: Option<Value>,
    },
    /// `class.is "C", "C.__init__"`: whether `C(...)` here would construct exactly as
    /// `call.class.direct "C", "C.__init__"(...)`'s fast path does: the class bound to the
    /// module global `C` by its `class` statement is still there (its slot of
    /// [`InstKind::CallClassDirect`]), its shape is the one this site's inline cache saw with
    /// `object.__new__` and `init`'s code as `__init__` (on a miss, the runtime probes the
    /// class without running code and fills the cache), and calling a function here would
    /// stay within the recursion limit. The guard in front of an `__init__` body the
    /// optimizer inlined after an [`InstKind::NewInstance`]; the other branch constructs
    /// with `call.class.direct`.
    ///
    /// `class.is "C", "C.__init__" loaded v1`: the class was read before the arguments
    /// (`v1 = global.load "C"`), and must be the class in the slot.
    ClassIs {
        /// The module global holding the class.
        class: Box<str>,
        /// MIR name of the expected `__init__`.
        init: Box<str>,
        /// The class read before the arguments, when the read and the construction are apart.
        loaded: Option<Value>,
    },
    /// `func.is "f" loaded v1`: whether calling `v1` (the module global `f`, read by
    /// `v1 = global.load.direct "f"`) here would run `f`'s compiled code as
    /// `call.direct "f"(...)`'s fast path does: `v1` is the function the `def` made, still in
    /// its direct-call slot (a rebinding of the global, from anywhere, clears the slot), and
    /// calling a function here would stay within the recursion limit (the generic call raises
    /// `RecursionError` otherwise). The guard in front of a function body the optimizer
    /// inlined ([`crate::Function::inlined_sites`]), which holds `v1` until the body ends as
    /// CPython's frame holds its function; the other branch makes the direct call.
    FuncIs {
        /// MIR name of the expected function (a top-level `def` of this module).
        func: Box<str>,
        /// The function read from the global.
        loaded: Value,
    },
    /// `new.instance "C"`: a new instance of the class in `C`'s slot (see
    /// [`InstKind::ClassIs`]), all its slots unbound: what `object.__new__(C)` makes. Only
    /// right after a `class.is "C", ...` that was true (nothing runs in between), which
    /// proves the slot holds the class. Never fails.
    NewInstance {
        /// The module global holding the class.
        class: Box<str>,
    },
    /// `call.method.loaded v1, v2, "m"(v3)`: calls what `method.load v1, "m"` gave (`v2`),
    /// with `v1` first when `v2` is a function found on the receiver's class.
    CallMethodLoaded {
        /// The receiver.
        receiver: Value,
        /// The result of the `method.load`.
        method: Value,
        /// The method name (for remarks, lanes and error messages).
        name: Box<str>,
        /// The arguments (not counting the receiver).
        args: CallArgs,
    },
    /// `getattr v1, "x"`
    GetAttr(Value, Box<str>),
    /// `setattr v1, "x", v2`
    SetAttr(Value, Box<str>, Value),
    /// `getattr.slot v1, "x"`: `getattr` of a name that some class of the program keeps in a
    /// fixed-layout slot; codegen reads the slot behind a class-shape check (an inline cache)
    /// and falls back to `getattr`.
    GetAttrSlot(Value, Box<str>),
    /// `setattr.slot v1, "x", v2`: `setattr` of a slot name, written like [`Self::GetAttrSlot`].
    SetAttrSlot(Value, Box<str>, Value),
    /// `delattr v1, "x"`
    DelAttr(Value, Box<str>),
    /// `getitem v1, v2`
    GetItem(Value, Value),
    /// `setitem v1, v2, v3`: `v1[v2] = v3`.
    SetItem(Value, Value, Value),
    /// `delitem v1, v2`
    DelItem(Value, Value),
    /// `build.slice v1, v2, v3`: `slice(lower, upper, step)` (missing parts are `const.none`).
    BuildSlice(Value, Value, Value),
    /// `kwargs.merge v1, v2, v3`: merges the mapping `v3` into the keyword-argument dict `v2`
    /// of a call of `v1` (`f(**v3)`, and keywords written after a `**`): keys must be strs
    /// and not already present (CPython's `DICT_MERGE`; `v1` names the callee in errors).
    KwargsMerge(Value, Value, Value),
    /// `star.extend v1, v2`: `v1.extend(v2)` for a starred item of a list or tuple display or
    /// of call arguments (`[*v2]`, `f(a, *v2)`): a `v2` without an iteration protocol raises
    /// CPython's "Value after * must be an iterable, not T".
    StarExtend(Value, Value),
    /// `with.exit v1`: the bound `__exit__` of the context manager `v1`, found on its type as
    /// CPython's `BEFORE_WITH` does (a type without `__enter__` or `__exit__` raises
    /// "'T' object does not support the context manager protocol").
    WithExit(Value),
    /// `exc.handled`: the innermost exception being handled by this frame or a caller
    /// (CPython's `sys.exception()`), for a bare `raise` outside an `except` block; raises
    /// `RuntimeError("No active exception to reraise")` when there is none.
    HandledExc,
    /// `build.list (v1, v2)`
    BuildList(Vec<Value>),
    /// `build.tuple (v1, v2)`
    BuildTuple(Vec<Value>),
    /// `build.set (v1, v2)`
    BuildSet(Vec<Value>),
    /// `build.dict (k1, v1, k2, v2)`: keys and values interleaved.
    BuildDict(Vec<Value>),
    /// `build.string (v1, v2)`: concatenation of `str` values (f-strings).
    BuildString(Vec<Value>),
    /// `format v1, v2`: `format(v1, v2)` with `v2` a `str` spec (f-string `{x:spec}`).
    Format(Value, Value),
    /// `convert.repr v1` etc. (f-string `!r`, `!s`, `!a`).
    Convert(Conversion, Value),
    /// `iter v1`: `iter(v1)`.
    GetIter(Value),
    /// `unpack v1, 2`: `v1` unpacked into exactly `n` items, as a tuple; `ValueError` otherwise.
    Unpack(Value, u32),
    /// `unpack.ex v1, 1, 2`: starred unpacking: `before` items, a list, `after` items, as a tuple.
    UnpackEx(Value, u32, u32),
    /// `extract v1, 0`: item `n` of a tuple built by `unpack`/`unpack.ex`.
    Extract(Value, u32),
    /// `make.function "f", (v1), (v2)`: a function object for MIR function `name` with
    /// default values (positional then keyword-only, in parameter order) and closure cells.
    MakeFunction {
        /// Qualified name of the MIR function.
        name: Box<str>,
        /// Default values.
        defaults: Vec<Value>,
        /// Closure cells, one per free variable of the target function.
        closure: Vec<Value>,
    },
    /// `make.class "C", v1, v2 slots ("x", "y")`: a class from a tuple of bases and a
    /// namespace dict; instances keep the listed attributes in fixed slots (after the slots
    /// of a base class that has them). A class statement with bases or keywords passes,
    /// instead of the bases, the state its call of the runtime's hidden builtin
    /// `<class prepare>` returned (whose item 0 is the namespace `v2`): the class is then
    /// made by its metaclass (CPython's `__build_class__`).
    MakeClass {
        /// The class name.
        name: Box<str>,
        /// Tuple of base classes (empty), or the `<class prepare>` state.
        bases: Value,
        /// The namespace filled by the class body (a dict, or a metaclass's mapping).
        namespace: Value,
        /// Attribute names with a fixed slot in instances (empty: a plain attribute dict).
        slots: Vec<Box<str>>,
    },
    /// `import "pkg.sub"`, `import "x" level 2`, `import "pkg" from ("a", "b")`: the module
    /// named (not its top-level package), imported first if it is not yet (CPython's
    /// `IMPORT_NAME`). `level` counts the leading dots of a relative import, resolved
    /// against the importing module's `__package__`; `fromlist` holds the names of a
    /// `from` import, which are imported as submodules of a package that lacks them.
    Import {
        /// The module name after the dots (`""` in `from . import x`).
        name: Box<str>,
        /// Leading dots (0: absolute).
        level: u32,
        /// The names of a `from` import (empty for `import m`).
        fromlist: Vec<Box<str>>,
    },
    /// `import.from v1, "name"`: attribute `name` of module `v1` for `from m import name`
    /// (CPython's `IMPORT_FROM`): a missing attribute raises `ImportError` "cannot import
    /// name 'name' from 'm' (...)" instead of `AttributeError`.
    ImportFrom(Value, Box<str>),
    /// `import.star v1`: `from m import *` (CPython's `IMPORT_STAR`) at module level: binds
    /// in the current module's globals the names of module `v1`'s `__all__` (each must be a
    /// str and an attribute of it), or, without `__all__`, each of its globals whose name does
    /// not start with `_`. `import.star v1 only ("a", "b")` (a standard module, whose names
    /// CPython's `from m import *` binds are known) binds just those of the listed names
    /// the module has.
    ImportStar {
        /// The module imported from.
        module: Value,
        /// The names to bind; empty: what the module exports.
        only: Vec<Box<str>>,
    },
    /// `exc.match v1, v2`: does exception `v1` match class (or tuple of classes) `v2`?
    ExcMatch(Value, Value),
    /// `exc.enter v1, 0`: the first instruction of an exception handler: `v1` is now being
    /// handled (it becomes the `__context__` of exceptions raised meanwhile); the function's
    /// handled exceptions beyond the first `level` are dropped first. `level` is the number of
    /// handlers in progress around the `try`/`with` statement.
    ExcEnter(Value, u32),
    /// `exc.leave 0`: handlers ended normally (fell through, `break`, `continue`, `return`):
    /// only the function's first `level` handled exceptions stay.
    ExcLeave(u32),
    /// `keepalive (v1, v2)`: Python names hold these values up to here, so each stays alive
    /// at least until this point (CPython's reference semantics: a local keeps its object
    /// until it is rebound, deleted, or the frame exits). Lowering puts one where a name is
    /// rebound (the old value), where a `for` loop's iterator is dropped by `break` or
    /// `return`, at the end of an inlined comprehension, and before every frame exit
    /// (`return`, and a `raise` that leaves the function) listing the frame's locals in
    /// CPython's frame order. No effect of its own: codegen releases the operands that die
    /// here in operand order. Directly before a `raise` that leaves the function, the
    /// operands that die are handed to the exception instead (its traceback keeps the frame
    /// alive, as in CPython). Operands that cannot have a finalizer (ints, strs, ...) may be
    /// dropped by the optimizer.
    KeepAlive(Vec<Value>),
    /// `bind (v1, v2)`: Python names hold these values from here on; before this point they
    /// were temporaries of the statement being evaluated. Copy propagation puts one where a
    /// tuple assignment's item would have been extracted (`a, b = f(), g()` then builds no
    /// tuple, and the item's binding would be invisible): an exception raised between an
    /// item's computation and its binding releases the item (CPython unwinds its value
    /// stack) instead of handing it to the exception with the frame's locals. No effect of
    /// its own; an operand nothing else uses is dropped by the optimizer, and so is one that
    /// cannot have a finalizer.
    Bind(Vec<Value>),
    /// `assume v1, int`: the annotation says `v1` has this type. Result has that type.
    /// The optimizer turns an assumption into a guard with a generic fallback.
    Assume(Value, Type),
    /// `yield v1`: suspend a generator; the result is the value sent in.
    Yield(Value),
    /// `is.type v1, int`: does `v1` have exactly this type (`int`, `float`, `bool`, `str`,
    /// `none`, or a container kind such as `list[dyn]`)? A native bool; the guard the optimizer
    /// puts in front of code specialized for that type.
    IsType(Value, Type),
    /// `index v1`: `operator.index(v1)`: `v1` as an `int` (via `__index__`), or `TypeError`
    /// "'float' object cannot be interpreted as an integer" (what `range()` raises).
    ToIndex(Value),
    /// `jump block1(v1)` (terminator)
    Jump(BlockCall),
    /// `brif v1, block1(v2), block2` (terminator): `v1` is a `bool`.
    Brif(Value, BlockCall, BlockCall),
    /// `iter.next v1, block1(v2), block2` (terminator): advance iterator `v1`; on an item,
    /// go to the first target passing the item as its *first* parameter, then the args;
    /// when exhausted, go to the second.
    IterNext(Value, BlockCall, BlockCall),
    /// `return v1` (terminator)
    Return(Value),
    /// `raise v1` or `raise v1 from v2` (terminator).
    Raise(Value, Option<Value>),
    /// `reraise v1` (terminator): raise `v1` again, the exception being handled, without
    /// adding a traceback entry for this frame (a bare `raise`, the end of a `finally`, an
    /// `except` with no matching clause, a `with` whose `__exit__` does not suppress it).
    Reraise(Value),
    /// `unreachable` (terminator)
    Unreachable,
}

impl InstKind {
    /// Whether this instruction ends a basic block.
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            InstKind::Jump(_)
                | InstKind::Brif(..)
                | InstKind::IterNext(..)
                | InstKind::Return(_)
                | InstKind::Raise(..)
                | InstKind::Reraise(_)
                | InstKind::Unreachable
        )
    }

    /// The value operands, in text order (branch arguments included).
    pub fn operands(&self) -> Vec<Value> {
        let mut out = Vec::new();
        self.visit_operands(|v| out.push(*v));
        out
    }

    /// Calls `f` on every value operand, in text order.
    pub fn visit_operands(&self, mut f: impl FnMut(&Value)) {
        let v = |vs: &[Value], f: &mut dyn FnMut(&Value)| vs.iter().for_each(f);
        match self {
            InstKind::Const(_)
            | InstKind::GlobalLoad(_)
            | InstKind::GlobalLoadDirect { .. }
            | InstKind::GlobalDel(_)
            | InstKind::BuiltinLoad(_)
            | InstKind::HandledExc
            | InstKind::SlotLoad(_)
            | InstKind::SlotDel(_)
            | InstKind::FreeVar(_)
            | InstKind::Import { .. }
            | InstKind::NewInstance { .. }
            | InstKind::ExcLeave(_)
            | InstKind::Unreachable => {}
            InstKind::ExcEnter(a, _) => f(a),
            InstKind::Unary(_, a)
            | InstKind::Truthy(a)
            | InstKind::GlobalStore(_, a)
            | InstKind::SlotStore(_, a)
            | InstKind::CheckBound(a, _)
            | InstKind::CellNew(a)
            | InstKind::CellLoad(a, _)
            | InstKind::NsLoad(a, _)
            | InstKind::GetAttr(a, _)
            | InstKind::MethodLoad(a, _)
            | InstKind::MethodLoadDirect { receiver: a, .. }
            | InstKind::ImportFrom(a, _)
            | InstKind::ImportStar { module: a, .. }
            | InstKind::GetAttrSlot(a, _)
            | InstKind::DelAttr(a, _)
            | InstKind::Convert(_, a)
            | InstKind::GetIter(a)
            | InstKind::WithExit(a)
            | InstKind::Unpack(a, _)
            | InstKind::UnpackEx(a, _, _)
            | InstKind::Extract(a, _)
            | InstKind::Assume(a, _)
            | InstKind::Yield(a)
            | InstKind::IsType(a, _)
            | InstKind::ToIndex(a)
            | InstKind::Return(a) => f(a),
            InstKind::Binary { lhs, rhs, .. } => {
                f(lhs);
                f(rhs)
            }
            InstKind::Compare(_, a, b)
            | InstKind::CellStore(a, b)
            | InstKind::SetAttr(a, _, b)
            | InstKind::SetAttrSlot(a, _, b)
            | InstKind::GetItem(a, b)
            | InstKind::DelItem(a, b)
            | InstKind::Format(a, b)
            | InstKind::ExcMatch(a, b)
            | InstKind::StarExtend(a, b) => {
                f(a);
                f(b)
            }
            InstKind::SetItem(a, b, c)
            | InstKind::BuildSlice(a, b, c)
            | InstKind::KwargsMerge(a, b, c) => {
                f(a);
                f(b);
                f(c)
            }
            InstKind::Call { callee, args } => {
                f(callee);
                v(&args.positional, &mut f);
                args.keywords.iter().for_each(|(_, a)| f(a));
            }
            InstKind::CallEx {
                callee,
                args,
                kwargs,
            } => {
                f(callee);
                f(args);
                f(kwargs)
            }
            InstKind::CallMethod { receiver, args, .. } => {
                f(receiver);
                v(&args.positional, &mut f);
                args.keywords.iter().for_each(|(_, a)| f(a));
            }
            InstKind::CallMethodDirect { receiver, args, .. } => {
                f(receiver);
                v(args, &mut f);
            }
            InstKind::CallMethodLoaded {
                receiver,
                method,
                args,
                ..
            } => {
                f(receiver);
                f(method);
                v(&args.positional, &mut f);
                args.keywords.iter().for_each(|(_, a)| f(a));
            }
            InstKind::CallSuper {
                sup,
                class,
                receiver,
                args,
                ..
            } => {
                f(sup);
                f(class);
                f(receiver);
                v(&args.positional, &mut f);
                args.keywords.iter().for_each(|(_, a)| f(a));
            }
            InstKind::BuildList(vs)
            | InstKind::BuildTuple(vs)
            | InstKind::BuildSet(vs)
            | InstKind::BuildDict(vs)
            | InstKind::BuildString(vs)
            | InstKind::KeepAlive(vs)
            | InstKind::Bind(vs) => v(vs, &mut f),
            InstKind::CallDirect { args, loaded, .. }
            | InstKind::CallClassDirect { args, loaded, .. } => {
                v(args, &mut f);
                if let Some(a) = loaded {
                    f(a);
                }
            }
            InstKind::MethodIs {
                receiver, loaded, ..
            } => {
                f(receiver);
                if let Some(a) = loaded {
                    f(a);
                }
            }
            InstKind::ClassIs { loaded, .. } => {
                if let Some(a) = loaded {
                    f(a);
                }
            }
            InstKind::FuncIs { loaded, .. } => f(loaded),
            InstKind::MakeFunction {
                defaults, closure, ..
            } => {
                v(defaults, &mut f);
                v(closure, &mut f)
            }
            InstKind::MakeClass {
                bases, namespace, ..
            } => {
                f(bases);
                f(namespace)
            }
            InstKind::Jump(call) => v(&call.args, &mut f),
            InstKind::Brif(c, a, b) | InstKind::IterNext(c, a, b) => {
                f(c);
                v(&a.args, &mut f);
                v(&b.args, &mut f)
            }
            InstKind::Raise(a, b) => {
                f(a);
                if let Some(b) = b {
                    f(b)
                }
            }
            InstKind::Reraise(a) => f(a),
        }
    }

    /// Calls `f` on every value operand mutably (used to rewrite uses).
    pub fn map_operands(&mut self, mut f: impl FnMut(Value) -> Value) {
        let mut g = |v: &mut Value| *v = f(*v);
        let gs = |vs: &mut Vec<Value>, g: &mut dyn FnMut(&mut Value)| vs.iter_mut().for_each(g);
        match self {
            InstKind::Const(_)
            | InstKind::GlobalLoad(_)
            | InstKind::GlobalLoadDirect { .. }
            | InstKind::GlobalDel(_)
            | InstKind::BuiltinLoad(_)
            | InstKind::HandledExc
            | InstKind::SlotLoad(_)
            | InstKind::SlotDel(_)
            | InstKind::FreeVar(_)
            | InstKind::Import { .. }
            | InstKind::NewInstance { .. }
            | InstKind::ExcLeave(_)
            | InstKind::Unreachable => {}
            InstKind::ExcEnter(a, _) => g(a),
            InstKind::Unary(_, a)
            | InstKind::Truthy(a)
            | InstKind::GlobalStore(_, a)
            | InstKind::SlotStore(_, a)
            | InstKind::CheckBound(a, _)
            | InstKind::CellNew(a)
            | InstKind::CellLoad(a, _)
            | InstKind::NsLoad(a, _)
            | InstKind::GetAttr(a, _)
            | InstKind::MethodLoad(a, _)
            | InstKind::MethodLoadDirect { receiver: a, .. }
            | InstKind::ImportFrom(a, _)
            | InstKind::ImportStar { module: a, .. }
            | InstKind::GetAttrSlot(a, _)
            | InstKind::DelAttr(a, _)
            | InstKind::Convert(_, a)
            | InstKind::GetIter(a)
            | InstKind::WithExit(a)
            | InstKind::Unpack(a, _)
            | InstKind::UnpackEx(a, _, _)
            | InstKind::Extract(a, _)
            | InstKind::Assume(a, _)
            | InstKind::Yield(a)
            | InstKind::IsType(a, _)
            | InstKind::ToIndex(a)
            | InstKind::Return(a) => g(a),
            InstKind::Binary { lhs, rhs, .. } => {
                g(lhs);
                g(rhs)
            }
            InstKind::Compare(_, a, b)
            | InstKind::CellStore(a, b)
            | InstKind::SetAttr(a, _, b)
            | InstKind::SetAttrSlot(a, _, b)
            | InstKind::GetItem(a, b)
            | InstKind::DelItem(a, b)
            | InstKind::Format(a, b)
            | InstKind::ExcMatch(a, b)
            | InstKind::StarExtend(a, b) => {
                g(a);
                g(b)
            }
            InstKind::SetItem(a, b, c)
            | InstKind::BuildSlice(a, b, c)
            | InstKind::KwargsMerge(a, b, c) => {
                g(a);
                g(b);
                g(c)
            }
            InstKind::Call { callee, args } => {
                g(callee);
                gs(&mut args.positional, &mut g);
                args.keywords.iter_mut().for_each(|(_, a)| g(a));
            }
            InstKind::CallEx {
                callee,
                args,
                kwargs,
            } => {
                g(callee);
                g(args);
                g(kwargs)
            }
            InstKind::CallMethod { receiver, args, .. } => {
                g(receiver);
                gs(&mut args.positional, &mut g);
                args.keywords.iter_mut().for_each(|(_, a)| g(a));
            }
            InstKind::CallMethodDirect { receiver, args, .. } => {
                g(receiver);
                gs(args, &mut g);
            }
            InstKind::CallMethodLoaded {
                receiver,
                method,
                args,
                ..
            } => {
                g(receiver);
                g(method);
                gs(&mut args.positional, &mut g);
                args.keywords.iter_mut().for_each(|(_, a)| g(a));
            }
            InstKind::CallSuper {
                sup,
                class,
                receiver,
                args,
                ..
            } => {
                g(sup);
                g(class);
                g(receiver);
                gs(&mut args.positional, &mut g);
                args.keywords.iter_mut().for_each(|(_, a)| g(a));
            }
            InstKind::BuildList(vs)
            | InstKind::BuildTuple(vs)
            | InstKind::BuildSet(vs)
            | InstKind::BuildDict(vs)
            | InstKind::BuildString(vs)
            | InstKind::KeepAlive(vs)
            | InstKind::Bind(vs) => gs(vs, &mut g),
            InstKind::CallDirect { args, loaded, .. }
            | InstKind::CallClassDirect { args, loaded, .. } => {
                gs(args, &mut g);
                if let Some(a) = loaded {
                    g(a);
                }
            }
            InstKind::MethodIs {
                receiver, loaded, ..
            } => {
                g(receiver);
                if let Some(a) = loaded {
                    g(a);
                }
            }
            InstKind::ClassIs { loaded, .. } => {
                if let Some(a) = loaded {
                    g(a);
                }
            }
            InstKind::FuncIs { loaded, .. } => g(loaded),
            InstKind::MakeFunction {
                defaults, closure, ..
            } => {
                gs(defaults, &mut g);
                gs(closure, &mut g)
            }
            InstKind::MakeClass {
                bases, namespace, ..
            } => {
                g(bases);
                g(namespace)
            }
            InstKind::Jump(call) => gs(&mut call.args, &mut g),
            InstKind::Brif(c, a, b) | InstKind::IterNext(c, a, b) => {
                g(c);
                gs(&mut a.args, &mut g);
                gs(&mut b.args, &mut g)
            }
            InstKind::Raise(a, b) => {
                g(a);
                if let Some(b) = b {
                    g(b)
                }
            }
            InstKind::Reraise(a) => g(a),
        }
    }

    /// Branch targets of a terminator (empty for other instructions).
    pub fn successors(&self) -> Vec<&BlockCall> {
        match self {
            InstKind::Jump(a) => vec![a],
            InstKind::Brif(_, a, b) | InstKind::IterNext(_, a, b) => vec![a, b],
            _ => Vec::new(),
        }
    }

    /// Mutable branch targets of a terminator.
    pub fn successors_mut(&mut self) -> Vec<&mut BlockCall> {
        match self {
            InstKind::Jump(a) => vec![a],
            InstKind::Brif(_, a, b) | InstKind::IterNext(_, a, b) => vec![a, b],
            _ => Vec::new(),
        }
    }

    /// Whether the instruction produces a value.
    pub fn has_result(&self) -> bool {
        !self.is_terminator()
            && !matches!(
                self,
                InstKind::GlobalStore(..)
                    | InstKind::GlobalDel(_)
                    | InstKind::ImportStar { .. }
                    | InstKind::SlotStore(..)
                    | InstKind::SlotDel(_)
                    | InstKind::CellStore(..)
                    | InstKind::SetAttr(..)
                    | InstKind::SetAttrSlot(..)
                    | InstKind::DelAttr(..)
                    | InstKind::SetItem(..)
                    | InstKind::DelItem(..)
                    | InstKind::KwargsMerge(..)
                    | InstKind::StarExtend(..)
                    | InstKind::ExcEnter(..)
                    | InstKind::ExcLeave(_)
                    | InstKind::KeepAlive(_)
                    | InstKind::Bind(_)
            )
    }
}

/// One instruction: what it does, its result (if any), where it came from.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct InstData {
    /// The operation.
    pub kind: InstKind,
    /// The result value, for instructions with [`InstKind::has_result`].
    pub result: Option<Value>,
    /// Source range, relative to the function's origin.
    pub span: Span,
    /// Site id, unique within the function.
    pub site: SiteId,
}

/// Where a value comes from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ValueDef {
    /// The n-th parameter of a block.
    Param(Block, u32),
    /// The result of an instruction.
    Result(Inst),
}

/// A value's definition and type.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ValueData {
    /// Its definition.
    pub def: ValueDef,
    /// Its type fact.
    pub ty: Type,
}

/// A basic block: parameters, instructions (the last one a terminator), and the handler that
/// receives exceptions raised by its instructions.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct BlockData {
    /// Block parameters (SSA values bound by the branches into this block).
    pub params: Vec<Value>,
    /// Instructions in order.
    pub insts: Vec<Inst>,
    /// Exception handler: an exception raised by any instruction here transfers control to
    /// this block, passing the exception object as its only parameter. `None`: propagate to
    /// the caller.
    pub handler: Option<Block>,
}

/// How a parameter binds arguments (Python's parameter kinds).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ParamKind {
    /// Before `/`.
    PositionalOnly,
    /// Ordinary positional-or-keyword.
    Positional,
    /// `*args`
    VarArgs,
    /// After `*` or `*args`.
    KeywordOnly,
    /// `**kwargs`
    KwArgs,
}

/// A parameter of the Python function. Parameter `i` is bound to the entry block's
/// parameter `i`.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Param {
    /// Its name.
    pub name: Box<str>,
    /// Its kind.
    pub kind: ParamKind,
    /// Has a default value (supplied by `make.function`).
    pub has_default: bool,
}

/// One Python function (or the module's top-level code, named `<module>`) in SSA form.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Function {
    /// Qualified name: `f`, `Point.__init__`, `outer.<locals>.inner`, `<module>`.
    pub name: Box<str>,
    /// The Python signature; parameter `i` is the entry block's parameter `i`.
    pub params: Vec<Param>,
    /// Names of closure variables received from enclosing functions (see [`InstKind::FreeVar`]).
    pub freevars: Vec<Box<str>>,
    /// Whether the function is a generator (contains `yield`).
    pub is_generator: bool,
    /// Basic blocks; `block0` is the entry. Printed in this order.
    pub blocks: Vec<BlockData>,
    /// Instruction table.
    pub insts: Vec<InstData>,
    /// Value table.
    pub values: Vec<ValueData>,
    /// Block order for printing; a permutation of block indices (the layout).
    pub layout: Vec<Block>,
    /// Next site id to hand out.
    pub next_site: u32,
    /// CPython's `co_varnames`: the parameters, then the other local variables (not those
    /// only captured by nested functions). Not printed; read for tracebacks.
    pub varnames: Vec<Box<str>>,
    /// Frames CPython has for code that lowering inlined into this function (a class body,
    /// a comprehension). Not printed; read for tracebacks.
    pub inlined_frames: Vec<InlinedFrame>,
    /// The sites of instructions the optimizer copied from another function's body (an
    /// inlined call): their spans are the call's, and these records say where each came
    /// from, so that a traceback shows the callee's frame under the caller's. Passes that
    /// copy an instruction keep its record ([`Function::copy_site_origin`]). Not printed.
    pub inlined_sites: Vec<InlinedSite>,
    /// Builtins the optimizer relied on that no longer appear as `builtin.load` (`range`
    /// after a `for` loop over it became a counted loop). With the names of every
    /// `builtin.load`, the builtins a module's code needs unshadowed. Not printed.
    pub assumed_builtins: Vec<Box<str>>,
    /// What the optimizer knew about the module globals this function calls generically
    /// (by name), so that lanes and remarks can say why a call stays generic
    /// ([`lanes::lane`]). Not printed.
    pub callee_notes: Vec<(Box<str>, CalleeNote)>,
}

/// What a module global called by a generic `call` is, as the optimizer saw it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum CalleeNote {
    /// A class bound once by a `class` statement: calling it constructs an instance.
    Class,
    /// A function bound once by a top-level `def` with `params` parameters; `never` says
    /// why no call of it is direct (decorated, a generator, `*args`...), `None` when a call
    /// with one positional argument per parameter would be.
    Function {
        /// Its parameter count.
        params: u32,
        /// Why no call of it can be direct.
        never: Option<Box<str>>,
    },
    /// Anything else, with the reason as a phrase (`bound more than once in this module`).
    Other(Box<str>),
}

impl Function {
    /// The [`CalleeNote`] of global `name`, if the optimizer left one.
    pub fn callee_note(&self, name: &str) -> Option<&CalleeNote> {
        self.callee_notes
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, note)| note)
    }
}

/// The module and the Python qualified name of a MIR function name: `("helper", "C.m")` for
/// `helper:C.m` ([`Function::in_module`]), `("__main__", "f")` for `f`. A `:` cannot occur
/// in a Python qualified name.
pub fn split_module(name: &str) -> (&str, &str) {
    name.split_once(':').unwrap_or(("__main__", name))
}

/// A frame CPython has for code inlined into a MIR function: an instruction whose span lies
/// in `body` but not in `outside` runs, in CPython, in a frame named `name`, called from the
/// enclosing frame at `span`.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
pub struct InlinedFrame {
    /// `co_name`: `<listcomp>`, `<setcomp>`, `<dictcomp>`, or the class name.
    pub name: Box<str>,
    /// `co_varnames` of the frame.
    pub varnames: Vec<Box<str>>,
    /// The construct: the position of the frame's call in the enclosing frame.
    pub span: Span,
    /// The code that runs in the frame.
    pub body: Span,
    /// The part of `body` that runs in the enclosing frame (a comprehension's first
    /// iterable).
    pub outside: Option<Span>,
}

/// Where the instruction of site `site` came from when the optimizer inlined calls
/// ([`Function::inlined_sites`]).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct InlinedSite {
    /// The site in this function.
    pub site: SiteId,
    /// The inlined calls the instruction is in, outermost first (one per level of inlining:
    /// a method inlined into a method that was inlined here gives two).
    pub frames: Vec<InlinedCall>,
}

/// One level of [`InlinedSite::frames`].
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct InlinedCall {
    /// MIR name of the function whose body was copied (of the same module).
    pub callee: Box<str>,
    /// Where in that function (relative to its origin): the instruction itself at the
    /// innermost level, else the call inlined at the next level.
    pub span: Span,
}

impl Function {
    /// An empty function with an entry block.
    pub fn new(name: impl Into<Box<str>>) -> Function {
        let mut func = Function {
            name: name.into(),
            ..Function::default()
        };
        func.create_block();
        func
    }

    /// This function as compiled into module `module` of a program of several modules: its
    /// name and the function names it refers to (`make.function`, `call.direct`,
    /// `call.method.direct`, `call.class.direct`'s `__init__`) get the prefix `module:` (see [`split_module`]), so that the
    /// symbols of equal names in two modules differ. Functions of `__main__` keep their
    /// names.
    pub fn in_module(&self, module: &str) -> Function {
        let mut out = self.clone();
        if module == "__main__" {
            return out;
        }
        let qualify = |name: &mut Box<str>| *name = format!("{module}:{name}").into();
        qualify(&mut out.name);
        for inst in &mut out.insts {
            match &mut inst.kind {
                InstKind::MakeFunction { name, .. } => qualify(name),
                // A function of another module is already qualified by its own module.
                InstKind::CallDirect {
                    func, via: None, ..
                }
                | InstKind::GlobalLoadDirect { func, via: None }
                | InstKind::CallMethodDirect { func, .. }
                | InstKind::MethodLoadDirect { func, .. }
                | InstKind::MethodIs { func, .. }
                | InstKind::ClassIs { init: func, .. }
                | InstKind::FuncIs { func, .. }
                | InstKind::CallClassDirect { init: func, .. } => qualify(func),
                _ => {}
            }
        }
        for origin in &mut out.inlined_sites {
            for frame in &mut origin.frames {
                qualify(&mut frame.callee);
            }
        }
        out
    }

    /// The entry block.
    pub fn entry(&self) -> Block {
        Block(0)
    }

    /// Appends a new, empty block at the end of the layout.
    pub fn create_block(&mut self) -> Block {
        let block = Block(self.blocks.len() as u32);
        self.blocks.push(BlockData::default());
        self.layout.push(block);
        block
    }

    /// Appends a parameter of type `ty` to `block`.
    pub fn append_block_param(&mut self, block: Block, ty: Type) -> Value {
        let index = self.blocks[block.index()].params.len() as u32;
        let value = Value(self.values.len() as u32);
        self.values.push(ValueData {
            def: ValueDef::Param(block, index),
            ty,
        });
        self.blocks[block.index()].params.push(value);
        value
    }

    /// Records that the instruction of site `to` is a copy of the one of site `from`: when
    /// `from` came from an inlined body, so does `to` (see [`Function::inlined_sites`]).
    pub fn copy_site_origin(&mut self, from: SiteId, to: SiteId) {
        if from == to {
            return;
        }
        if let Some(origin) = self.inlined_sites.iter().find(|o| o.site == from) {
            let copy = InlinedSite {
                site: to,
                ..origin.clone()
            };
            self.inlined_sites.push(copy);
        }
    }

    /// For the generic `call.method` on the other branch of an inlined call's `method.is`
    /// (same receiver, name and span), the MIR function that was inlined. Scans the
    /// function when it has inlined sites.
    pub fn inline_fallback_of(&self, inst: &InstData) -> Option<&str> {
        let InstKind::CallMethod { receiver, name, .. } = &inst.kind else {
            return None;
        };
        if self.inlined_sites.is_empty() {
            return None;
        }
        self.insts.iter().find_map(|d| match &d.kind {
            InstKind::MethodIs {
                receiver: r,
                name: n,
                func,
                ..
            } if r == receiver && n == name && d.span == inst.span => Some(&**func),
            _ => None,
        })
    }

    /// The inlined calls the instruction of `site` is in, outermost first (empty for the
    /// function's own code; see [`Function::inlined_sites`]).
    pub fn inlined_frames_of(&self, site: SiteId) -> &[InlinedCall] {
        self.inlined_sites
            .iter()
            .find(|o| o.site == site)
            .map_or(&[], |o| &o.frames[..])
    }

    /// Hands out a fresh site id.
    pub fn new_site(&mut self) -> SiteId {
        let site = SiteId(self.next_site);
        self.next_site += 1;
        site
    }

    /// Appends an instruction to `block` and returns its result (if it has one) typed `ty`.
    pub fn append_inst(
        &mut self,
        block: Block,
        kind: InstKind,
        ty: Type,
        span: Span,
    ) -> Option<Value> {
        let site = self.new_site();
        self.append_inst_with_site(block, kind, ty, span, site)
    }

    /// Like [`Function::append_inst`] with a given site id (used by the text reader).
    pub fn append_inst_with_site(
        &mut self,
        block: Block,
        kind: InstKind,
        ty: Type,
        span: Span,
        site: SiteId,
    ) -> Option<Value> {
        let inst = Inst(self.insts.len() as u32);
        let result = if kind.has_result() {
            let value = Value(self.values.len() as u32);
            self.values.push(ValueData {
                def: ValueDef::Result(inst),
                ty,
            });
            Some(value)
        } else {
            None
        };
        self.insts.push(InstData {
            kind,
            result,
            span,
            site,
        });
        self.blocks[block.index()].insts.push(inst);
        self.next_site = self.next_site.max(site.0.saturating_add(1));
        result
    }

    /// Inserts an instruction at the start of `block` (before its first instruction) and
    /// returns its result. Used for constants that must dominate every use.
    pub fn prepend_inst(
        &mut self,
        block: Block,
        kind: InstKind,
        ty: Type,
        span: Span,
    ) -> Option<Value> {
        let result = self.append_inst(block, kind, ty, span);
        if let Some(inst) = self.blocks[block.index()].insts.pop() {
            self.blocks[block.index()].insts.insert(0, inst);
        }
        result
    }

    /// The terminator of `block`, if its last instruction is one.
    pub fn terminator(&self, block: Block) -> Option<&InstData> {
        let inst = self.blocks[block.index()].insts.last()?;
        let data = &self.insts[inst.index()];
        data.kind.is_terminator().then_some(data)
    }

    /// Whether `block` already ends in a terminator.
    pub fn is_terminated(&self, block: Block) -> bool {
        self.terminator(block).is_some()
    }

    /// Successor blocks of `block`: branch targets, then the exception handler.
    pub fn successors(&self, block: Block) -> Vec<Block> {
        let mut out: Vec<Block> = self
            .terminator(block)
            .map(|t| t.kind.successors().iter().map(|c| c.block).collect())
            .unwrap_or_default();
        if let Some(handler) = self.blocks[block.index()].handler {
            out.push(handler);
        }
        out
    }

    /// The `method.load.direct` instruction that defines `method`, and the MIR function it
    /// expects; `None` when `method` is not such a load's result.
    pub fn direct_method_load(&self, method: Value) -> Option<(&InstData, &str)> {
        let ValueDef::Result(load) = self.values[method.index()].def else {
            return None;
        };
        let data = &self.insts[load.index()];
        match &data.kind {
            InstKind::MethodLoadDirect { func, .. } => Some((data, func)),
            _ => None,
        }
    }

    /// The type of `value`.
    pub fn ty(&self, value: Value) -> &Type {
        &self.values[value.index()].ty
    }
}

/// Escapes `s` as a double-quoted MIR string literal (`\\`, `\"`, `\n`, `\r`, `\t`, and
/// `\u{XX}` for other control characters).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
