//! Lanes: how each MIR instruction is lowered to machine code, decided from the instruction
//! and the type facts of its operands.
//!
//! This module is the single source of truth shared by the code generator (which emits the
//! inline fast path a [`Strategy`] names) and by lowering coverage (which reports the
//! [`Lane`] of every operation and, for the dynamic ones, why). DESIGN.md defines the lanes:
//! `native` (inline machine operations on unboxed values), `guarded` (native behind a type or
//! overflow guard with a generic fallback), `runtime` (a call to a typed runtime helper),
//! `dynamic` (generic dispatch on boxed values).
//!
//! Type facts are proven facts: the optimizer turns annotation assumptions into entry guards
//! and strips the ones it cannot guard, so a `float` value here is a float. Guarded strategies
//! check their operands' tags themselves and so are also used for operands of unknown type
//! (`dyn`): they are correct whatever the value is, which makes them speculation in the style
//! of CPython 3.11's specializing interpreter (PEP 659), decided at compile time.

use crate::{BinaryOp, CmpOp, Function, InstData, InstKind, Type};

/// How an operation was lowered (see the module documentation).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Lane {
    /// Inline machine operations on unboxed values.
    Native,
    /// Native behind a type or overflow guard, with a generic fallback.
    Guarded,
    /// A call to a typed runtime helper.
    Runtime,
    /// Generic dispatch on boxed values.
    Dynamic,
}

impl Lane {
    /// The lane's name as DESIGN.md spells it (`native`, `guarded`, `runtime`, `dynamic`).
    pub fn name(self) -> &'static str {
        match self {
            Lane::Native => "native",
            Lane::Guarded => "guarded",
            Lane::Runtime => "runtime",
            Lane::Dynamic => "dynamic",
        }
    }
}

impl std::fmt::Display for Lane {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The code-generation strategy for one instruction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Strategy {
    /// `+ - * & | ^ // %` on small ints: inline on the 48-bit payloads behind a tag check of
    /// both operands and an overflow check of the result (and a zero check of a divisor); `+ - *` on two floats inline too;
    /// otherwise the generic runtime operation.
    IntArith,
    /// `< <= > >= == !=` on small ints, or on two floats: inline behind a tag check;
    /// otherwise generic.
    IntCompare,
    /// `+ - *` on two proven floats: native `f64` arithmetic (NaN canonicalized).
    FloatArith,
    /// `/` on two proven floats: native division behind a zero-divisor check (the fallback
    /// raises `ZeroDivisionError`).
    FloatDiv,
    /// Comparisons of two proven floats: native `fcmp`.
    FloatCompare,
    /// `+ - * **` with one proven float and an int, float or unknown operand (`**` also on two
    /// floats), and `/` on ints, floats or unknown values (not two proven floats): native
    /// `f64` arithmetic when both words are floats or small ints (converted exactly; at least
    /// one float for `+ - * **`, a non-zero divisor for `/`; `**` calls libm's `pow` for a
    /// positive finite base and finite exponent, with a finite result), otherwise generic.
    NumericArith,
    /// `< <= > >= == !=` of a proven float with an int or unknown operand: native `fcmp`
    /// when both words are floats or small ints, otherwise generic.
    NumericCompare,
    /// `==` / `!=` of a str constant of at most [`STR_COMPARE_INLINE_MAX`] bytes with a
    /// value of unknown type (or a proven str): the same word is equal; an exact `str`
    /// compares its byte length, then its bytes with the constant's, inline; anything else
    /// (a str subclass, which may override `__eq__`, or another type) takes the generic
    /// comparison.
    StrConstCompare,
    /// `is` / `is not`: a comparison of the two words.
    Identity,
    /// `truthy` of a proven bool: a comparison with `True`.
    BoolTruthy,
    /// `truthy` of an int or unknown value: inline for bools, `None` and small ints, else the
    /// runtime's `bool()`.
    TruthyInline,
    /// `len(x)` with the builtin `len` (one positional argument): a list's length read
    /// inline (behind a kind check when `x` has an unknown type), else the runtime's length
    /// operation called directly, not through the builtin function object.
    BuiltinLen,
    /// Whatever the instruction's own lowering is (see [`lane`]).
    Default,
}

/// The strategy codegen uses for `inst`.
pub fn strategy(func: &Function, inst: &InstData) -> Strategy {
    let intish = |v| matches!(func.ty(v), Type::Int | Type::Dyn);
    let float = |v| matches!(func.ty(v), Type::Float);
    match &inst.kind {
        InstKind::Binary { op, lhs, rhs, .. } => {
            let int_op = matches!(
                op,
                BinaryOp::Add
                    | BinaryOp::Sub
                    | BinaryOp::Mul
                    | BinaryOp::BitAnd
                    | BinaryOp::BitOr
                    | BinaryOp::BitXor
                    | BinaryOp::FloorDiv
                    | BinaryOp::Mod
                    | BinaryOp::LShift
                    | BinaryOp::RShift
            );
            let numeric = |v| float(v) || intish(v);
            let float_op = matches!(op, BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul);
            if float(*lhs) && float(*rhs) {
                match op {
                    _ if float_op => Strategy::FloatArith,
                    BinaryOp::TrueDiv => Strategy::FloatDiv,
                    BinaryOp::Pow => Strategy::NumericArith,
                    _ => Strategy::Default,
                }
            } else if int_op && intish(*lhs) && intish(*rhs) {
                Strategy::IntArith
            } else if numeric(*lhs)
                && numeric(*rhs)
                && (((float_op || *op == BinaryOp::Pow) && (float(*lhs) || float(*rhs)))
                    || *op == BinaryOp::TrueDiv)
            {
                Strategy::NumericArith
            } else {
                Strategy::Default
            }
        }
        InstKind::Compare(op, lhs, rhs) => match op {
            CmpOp::Is | CmpOp::IsNot => Strategy::Identity,
            CmpOp::In | CmpOp::NotIn => Strategy::Default,
            CmpOp::Eq | CmpOp::Ne if str_const_operand(func, *lhs, *rhs).is_some() => {
                Strategy::StrConstCompare
            }
            _ if float(*lhs) && float(*rhs) => Strategy::FloatCompare,
            _ if intish(*lhs) && intish(*rhs) => Strategy::IntCompare,
            _ if (float(*lhs) && intish(*rhs)) || (intish(*lhs) && float(*rhs)) => {
                Strategy::NumericCompare
            }
            _ => Strategy::Default,
        },
        InstKind::Call { callee, args }
            if args.positional.len() == 1
                && args.keywords.is_empty()
                && callee_name(func, *callee).is_some_and(|(builtin, n)| builtin && n == "len") =>
        {
            Strategy::BuiltinLen
        }
        InstKind::Truthy(v) => match func.ty(*v) {
            Type::Bool => Strategy::BoolTruthy,
            Type::Int | Type::Dyn | Type::None => Strategy::TruthyInline,
            _ => Strategy::Default,
        },
        _ => Strategy::Default,
    }
}

/// The str methods that test every character (`molt_abi::str_pred`), which generated code
/// answers inline for a one-character str.
pub const STR_PREDICATES: [&str; 6] = [
    "isdigit",
    "isdecimal",
    "isnumeric",
    "isalpha",
    "isalnum",
    "isspace",
];

/// The longest str constant (in UTF-8 bytes) that `==`/`!=` compares inline
/// ([`Strategy::StrConstCompare`]).
pub const STR_COMPARE_INLINE_MAX: usize = 16;

/// For a comparison of `lhs` with `rhs`: the text of the operand that is a `const.str` of at
/// most [`STR_COMPARE_INLINE_MAX`] bytes and whether it is the right one, when the other
/// operand has an unknown type or is a str ([`Strategy::StrConstCompare`]).
pub fn str_const_operand(
    func: &Function,
    lhs: crate::Value,
    rhs: crate::Value,
) -> Option<(&str, bool)> {
    let text = |v: crate::Value| match func.values[v.index()].def {
        crate::ValueDef::Result(inst) => match &func.insts[inst.index()].kind {
            InstKind::Const(crate::Constant::Str(s)) if s.len() <= STR_COMPARE_INLINE_MAX => {
                Some(&**s)
            }
            _ => None,
        },
        crate::ValueDef::Param(..) => None,
    };
    let other_ok = |v: crate::Value| matches!(func.ty(v), Type::Dyn | Type::Str);
    match (text(lhs), text(rhs)) {
        (_, Some(t)) if other_ok(lhs) => Some((t, true)),
        (Some(t), _) if other_ok(rhs) => Some((t, false)),
        _ => None,
    }
}

/// The lane of `inst` and, for a lane other than native, why it is not native (a phrase a
/// Python programmer understands). `None` for bookkeeping that is not a source operation
/// (constants, jumps, assumptions, exception-state markers, tuple field reads).
pub fn lane(func: &Function, inst: &InstData) -> Option<(Lane, Option<String>)> {
    use Lane::*;
    let ty = |v| func.ty(v).clone();
    let unknown = |v, what: &str| -> Option<String> {
        (ty(v) == Type::Dyn).then(|| format!("{what} has an unknown type"))
    };
    let known_or = |v, what: &str, lane_known: Lane| -> (Lane, Option<String>) {
        match unknown(v, what) {
            Some(reason) => (Dynamic, Some(reason)),
            None => (lane_known, Some("calls a runtime helper".into())),
        }
    };
    let strategy = strategy(func, inst);
    Some(match (&inst.kind, strategy) {
        (
            InstKind::Const(_)
            | InstKind::Jump(_)
            | InstKind::Brif(..)
            | InstKind::Unreachable
            | InstKind::Return(_)
            | InstKind::Assume(..)
            | InstKind::ExcEnter(..)
            | InstKind::ExcLeave(_)
            | InstKind::KeepAlive(_)
            | InstKind::Bind(_)
            | InstKind::Extract(..)
            | InstKind::FreeVar(_),
            _,
        ) => return None,
        (_, Strategy::IntArith | Strategy::IntCompare) => (
            Guarded,
            Some("checks for small ints (and overflow) at run time".into()),
        ),
        (_, Strategy::FloatDiv) => (Guarded, Some("checks for a zero divisor".into())),
        (_, Strategy::StrConstCompare) => (
            Guarded,
            Some(
                "compares an exact str with the constant inline (length, then bytes); other values through the generic comparison"
                    .into(),
            ),
        ),
        (_, Strategy::NumericArith | Strategy::NumericCompare) => (
            Guarded,
            Some("checks for floats and small ints at run time".into()),
        ),
        (
            _,
            Strategy::FloatArith
            | Strategy::FloatCompare
            | Strategy::Identity
            | Strategy::BoolTruthy,
        ) => (Native, None),
        (InstKind::Truthy(v), Strategy::TruthyInline) => match ty(*v) {
            Type::Dyn => (
                Dynamic,
                Some("the condition has an unknown type: bool() is dispatched at run time".into()),
            ),
            _ => (
                Guarded,
                Some("tests bools, None and small ints inline".into()),
            ),
        },
        (InstKind::Binary { op, lhs, rhs, .. }, _) => {
            let why = match (ty(*lhs), ty(*rhs)) {
                (Type::Dyn, _) => "the left operand has an unknown type".to_string(),
                (_, Type::Dyn) => "the right operand has an unknown type".to_string(),
                (a, b) => {
                    return Some((
                        Runtime,
                        Some(format!(
                            "`{}` on {a} and {b} has no inline fast path",
                            binary_symbol(*op)
                        )),
                    ));
                }
            };
            (Dynamic, Some(why))
        }
        (InstKind::Compare(_, lhs, rhs), _) | (InstKind::ExcMatch(lhs, rhs), _) => {
            match (ty(*lhs), ty(*rhs)) {
                (Type::Dyn, _) => (Dynamic, Some("the left operand has an unknown type".into())),
                (_, Type::Dyn) => (
                    Dynamic,
                    Some("the right operand has an unknown type".into()),
                ),
                _ => (Runtime, Some("calls a runtime helper".into())),
            }
        }
        (InstKind::Unary(_, v), _) => known_or(*v, "the operand", Runtime),
        (InstKind::Truthy(_), _) => (Runtime, Some("calls the runtime's bool()".into())),
        (
            InstKind::CallDirect {
                func: f,
                loaded: Some(_),
                ..
            },
            _,
        ) => (
            Guarded,
            Some(format!(
                "calls `{f}` directly when the function read before the arguments is still the one its `def` made"
            )),
        ),
        (InstKind::CallDirect { .. }, _) => (Native, None),
        (InstKind::Call { args, .. }, Strategy::BuiltinLen)
            if matches!(ty(args.positional[0]), Type::List(_)) =>
        {
            (Native, None)
        }
        (InstKind::Call { .. }, Strategy::BuiltinLen) => (
            Runtime,
            Some(
                "`len()` calls the runtime's length operation directly (a list's is read inline)"
                    .into(),
            ),
        ),
        (InstKind::Call { callee, args }, _) => {
            match (func.ty(*callee), callee_name(func, *callee)) {
                (Type::Class(c), _) => (
                    Dynamic,
                    Some(format!("constructs `{c}` through a generic call")),
                ),
                // The hidden builtin of `match` statements (`molt_lower`'s `lower::matching`).
                (_, Some((true, name))) if name == "<match>" => (
                    Runtime,
                    Some(
                        "a `match` pattern test made by the runtime (the subject's kind, a mapping's keys or a class pattern's attributes)"
                            .into(),
                    ),
                ),
                (_, Some((true, name))) => (
                    Runtime,
                    Some(format!(
                        "calls the builtin `{name}`, a runtime function, with its arguments passed the generic way"
                    )),
                ),
                (_, Some((false, name))) => (Dynamic, Some(global_call_reason(func, &name, args))),
                _ => (
                    Dynamic,
                    Some("calls a value the compiler cannot resolve to a known function".into()),
                ),
            }
        }
        (InstKind::CallEx { .. } | InstKind::KwargsMerge(..) | InstKind::StarExtend(..), _) => (
            Dynamic,
            Some("a call with `*args`/`**kwargs` binds arguments at run time".into()),
        ),
        (
            InstKind::CallMethod {
                receiver,
                name,
                args,
            },
            _,
        ) if args.positional.is_empty()
            && args.keywords.is_empty()
            && STR_PREDICATES.contains(&&**name)
            && matches!(ty(*receiver), Type::Dyn | Type::Str) =>
        {
            (
                Guarded,
                Some(format!(
                    "`.{name}()` tests a one-character str inline; other strs and receivers call the runtime's str test (any other receiver's method through the generic call)"
                )),
            )
        }
        (InstKind::CallMethod { receiver, name, .. }, _) => match (
            func.inline_fallback_of(inst),
            ty(*receiver),
        ) {
            (Some(inlined), _) => (
                Guarded,
                Some(format!(
                    "`.{name}()` runs the inlined body of `{inlined}` while the receiver's class has it (class-shape check); other receivers take this generic call"
                )),
            ),
            (None, Type::Dyn) => (
                Dynamic,
                Some(format!(
                    "`.{name}()` is looked up at run time: the receiver has an unknown type"
                )),
            ),
            (None, t) => (
                Runtime,
                Some(format!("`.{name}()` on {t} calls a runtime helper")),
            ),
        },
        (InstKind::MethodLoad(o, name), _) => (
            if ty(*o) == Type::Dyn {
                Dynamic
            } else {
                Runtime
            },
            Some(format!(
                "`.{name}` is looked up before the call's arguments run (CPython's order), through the runtime"
            )),
        ),
        (InstKind::MethodIs { name, func: f, .. }, _) => (
            Guarded,
            Some(format!(
                "`.{name}` checked to be `{f}` (class-shape check of an inline cache): its body is inlined here"
            )),
        ),
        (InstKind::MethodLoadDirect { name, func: f, .. }, _) => (
            Guarded,
            Some(format!(
                "`.{name}` is looked up before the call's arguments run (CPython's order): `{f}` from an inline cache (class-shape check), called directly"
            )),
        ),
        (InstKind::CallMethodLoaded { name, method, .. }, _) => {
            match func.direct_method_load(*method) {
                Some((_, f)) => (
                    Guarded,
                    Some(format!(
                        "`.{name}()` calls `{f}` directly when the method looked up before the arguments is the one its inline cache holds"
                    )),
                ),
                None => (
                    Dynamic,
                    Some(format!(
                        "`.{name}()` calls the method looked up before its arguments, through the runtime's generic call"
                    )),
                ),
            }
        }
        (InstKind::CallSuper { name, .. }, _) => (
            Guarded,
            Some(format!(
                "`super().{name}()` calls the function found after the class in the receiver's MRO directly, without a `super` object or a bound method, behind an inline cache (receiver's class, class epoch)"
            )),
        ),
        (InstKind::ClassIs { class, init, .. }, _) => (
            Guarded,
            Some(format!(
                "`{class}(...)` checked to construct with `{init}` (class-shape check of an inline cache): the allocation and `{init}`'s body are inlined here"
            )),
        ),
        (InstKind::FuncIs { func: f, .. }, _) => (
            Guarded,
            Some(format!(
                "`{f}(...)` checked to still be the function its `def` made (a comparison with its slot): its body is inlined here"
            )),
        ),
        (InstKind::NewInstance { class }, _) => (
            Native,
            Some(format!(
                "allocates the `{class}` instance directly"
            )),
        ),
        (InstKind::CallClassDirect { class, init, .. }, _) => (
            Guarded,
            Some(format!(
                "`{class}(...)` allocates the instance and calls `{init}` directly behind a class-shape check (inline cache)"
            )),
        ),
        (InstKind::CallMethodDirect { name, func: f, .. }, _) => (
            Guarded,
            Some(format!(
                "`.{name}()` calls `{f}` directly behind a class-shape check (inline cache)"
            )),
        ),
        (InstKind::GetAttrSlot(_, name), _) => (
            Guarded,
            Some(format!(
                "attribute `.{name}` reads a fixed-layout slot behind a class-shape check (inline cache)"
            )),
        ),
        (InstKind::SetAttrSlot(_, name, _), _) => (
            Guarded,
            Some(format!(
                "attribute `.{name}` writes a fixed-layout slot behind a class-shape check (inline cache)"
            )),
        ),
        (InstKind::GetAttr(o, name) | InstKind::SetAttr(o, name, _), _)
        | (InstKind::DelAttr(o, name), _) => match ty(*o) {
            Type::Dyn => (
                Dynamic,
                Some(format!(
                    "attribute `.{name}` is looked up at run time: the object has an unknown type"
                )),
            ),
            _ => (
                Runtime,
                Some(format!("attribute `.{name}` uses a cached lookup")),
            ),
        },
        (InstKind::GetItem(o, k) | InstKind::SetItem(o, k, _), _)
            if matches!(ty(*o), Type::List(_)) && matches!(ty(*k), Type::Int | Type::Dyn) =>
        {
            (
                Guarded,
                Some("indexes the list inline when the index is a small int in range".into()),
            )
        }
        (InstKind::GetItem(o, k), _)
            if ty(*o) == Type::Str && matches!(ty(*k), Type::Int | Type::Dyn) =>
        {
            (
                Guarded,
                Some(
                    "indexes the str inline when it is ASCII and the index is a small int in range"
                        .into(),
                ),
            )
        }
        (InstKind::GetItem(o, k), _)
            if matches!(ty(*o), Type::Tuple(_)) && matches!(ty(*k), Type::Int | Type::Dyn) =>
        {
            (
                Guarded,
                Some("indexes the tuple inline when the index is a small int in range".into()),
            )
        }
        (InstKind::Unpack(v, n), _) => match ty(*v) {
            Type::Tuple(ts) if ts.len() == *n as usize => (Native, None),
            Type::Dyn => (
                Guarded,
                Some(format!(
                    "unpacks inline when the value is a tuple of {n} items (or a list, when the items are assigned right away); other values go through the runtime"
                )),
            ),
            Type::List(_) => (
                Guarded,
                Some(format!(
                    "unpacks inline when the list has {n} items and the items are assigned right away; otherwise through the runtime"
                )),
            ),
            _ => (Runtime, Some("calls a runtime helper".into())),
        },
        (InstKind::GetItem(o, _) | InstKind::SetItem(o, _, _) | InstKind::DelItem(o, _), _) => {
            known_or(*o, "the container", Runtime)
        }
        (InstKind::GetIter(o), _) => known_or(*o, "the iterable", Runtime),
        (InstKind::IterNext(o, ..), _) => match ty(*o) {
            Type::Dyn => (
                Dynamic,
                Some("iterates over a value of unknown type".into()),
            ),
            _ => (
                Runtime,
                Some("advances the iterator through the runtime".into()),
            ),
        },
        (InstKind::NsLoad(..), _) => (
            Dynamic,
            Some("a class-body name is looked up at run time".into()),
        ),
        (InstKind::SlotLoad(_) | InstKind::SlotStore(..) | InstKind::SlotDel(_), _)
        | (InstKind::CheckBound(..), _)
        | (InstKind::IsType(..), _) => (Native, None),
        (InstKind::GlobalLoadDirect { func: f, via }, _) => (
            Guarded,
            Some(format!(
                "`{}` is read before the call's arguments run (CPython's order): from `{f}`'s slot once its `def` has run (checked inline), else looked up",
                via.as_deref().unwrap_or_else(|| crate::split_module(f).1)
            )),
        ),
        (InstKind::GlobalLoad(name), _) => (
            Runtime,
            Some(format!("global `{name}` is read through a cached lookup")),
        ),
        (InstKind::ToIndex(_), _) => (
            Guarded,
            Some(
                "a small int is its own index (checked inline); other values go through the runtime (`__index__`)"
                    .into(),
            ),
        ),
        (InstKind::BuiltinLoad(name), _) => (
            Guarded,
            Some(format!(
                "builtin `{name}` is read from the site's inline cache (the builtins never change; the first read looks it up)"
            )),
        ),
        _ => (Runtime, Some("calls a runtime helper".into())),
    })
}

/// Why a call of module global `name` with `args` stays generic, from what the optimizer
/// noted about `name` ([`crate::CalleeNote`]).
fn global_call_reason(func: &Function, name: &str, args: &crate::CallArgs) -> String {
    match func.callee_note(name) {
        Some(crate::CalleeNote::Class) => format!(
            "constructs a `{name}` through a generic call: the class is called like any object (allocation, then `__init__` with its arguments bound at run time)"
        ),
        Some(crate::CalleeNote::Function {
            never: Some(why), ..
        }) => format!("calls `{name}` through generic dispatch: {why}"),
        Some(crate::CalleeNote::Function {
            params,
            never: None,
        }) => {
            if !args.keywords.is_empty() {
                format!(
                    "calls `{name}` through generic dispatch: the call passes keyword arguments (pass them by position to call it directly)"
                )
            } else {
                format!(
                    "calls `{name}` through generic dispatch: it takes {params} arguments and this call passes {}",
                    args.positional.len()
                )
            }
        }
        Some(crate::CalleeNote::Other(why)) => format!("calls `{name}`, which {why}"),
        None => format!(
            "calls the global `{name}`, whose value the compiler cannot know at compile time"
        ),
    }
}

/// The name a callee was loaded by: `(true, name)` for a builtin, `(false, name)` for a global.
fn callee_name(func: &Function, callee: crate::Value) -> Option<(bool, String)> {
    let crate::ValueDef::Result(inst) = func.values[callee.index()].def else {
        return None;
    };
    match &func.insts[inst.index()].kind {
        InstKind::BuiltinLoad(n) => Some((true, n.to_string())),
        InstKind::GlobalLoad(n) => Some((false, n.to_string())),
        _ => None,
    }
}

/// The Python spelling of a binary operator (`+`, `//`, ...).
pub fn binary_symbol(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::TrueDiv => "/",
        BinaryOp::FloorDiv => "//",
        BinaryOp::Mod => "%",
        BinaryOp::Pow => "**",
        BinaryOp::LShift => "<<",
        BinaryOp::RShift => ">>",
        BinaryOp::BitAnd => "&",
        BinaryOp::BitOr => "|",
        BinaryOp::BitXor => "^",
        BinaryOp::MatMul => "@",
    }
}

/// Lane counts of `func`'s counted operations, in the order native, guarded, runtime, dynamic.
pub fn lane_counts(func: &Function) -> [u32; 4] {
    let mut counts = [0u32; 4];
    for &block in &func.layout {
        for inst in &func.blocks[block.index()].insts {
            if let Some((lane, _)) = lane(func, &func.insts[inst.index()]) {
                counts[lane as usize] += 1;
            }
        }
    }
    counts
}
