//! Calls: CPython's argument binding for compiled functions (positional, keyword, defaults,
//! `*args`, `**kwargs`, with CPython's `TypeError` messages), the call-depth limit
//! (`RecursionError`), method calls without bound-method objects, and argument parsing
//! helpers for builtins ([`Args::bind`] and friends).
//!
//! Reference: CPython 3.11 `Python/ceval.c` (`initialize_locals`, `too_many_positional`,
//! `missing_arguments`).

use crate::class::{instance_data, is_instance, isinstance_class, lookup, type_name, type_of};
use crate::dict::{dict_data, dict_new};
use crate::exceptions::{ExcKind, R, Raised, from_abi, raise, type_error};
use crate::object::{
    Args, BuiltinData, FunctionCode, FunctionData, Kind, PARAM_KW_ONLY, PARAM_POS_ONLY,
    PARAM_POS_OR_KW, PARAM_VAR_KW, PARAM_VAR_POS, ParamCode, Ref, RefVec, WrapperKind, kind,
    payload,
};
use crate::state::rt;
use crate::str::{as_str, str_opt};
use crate::value::Value;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl<'a> Args<'a> {
    /// Total number of arguments.
    pub fn len(&self) -> usize {
        self.pos.len() + self.kwvals.len()
    }

    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Requires no arguments at all.
    pub fn none(&self, fname: &str) -> R<()> {
        self.no_kw(fname)?;
        if !self.pos.is_empty() {
            return type_error(format!(
                "{fname}() takes no arguments ({} given)",
                self.pos.len()
            ));
        }
        Ok(())
    }

    /// Requires no keyword arguments.
    pub fn no_kw(&self, fname: &str) -> R<()> {
        if !self.kwnames.is_empty() {
            return type_error(format!("{fname}() takes no keyword arguments"));
        }
        Ok(())
    }

    /// Exactly `N` positional arguments.
    pub fn exact<const N: usize>(&self, fname: &str) -> R<[Value; N]> {
        self.no_kw(fname)?;
        if self.pos.len() != N {
            if N == 1 {
                return type_error(format!(
                    "{fname}() takes exactly one argument ({} given)",
                    self.pos.len()
                ));
            }
            return type_error(format!(
                "{fname} expected {N} arguments, got {}",
                self.pos.len()
            ));
        }
        let mut out = [Value::NONE; N];
        out.copy_from_slice(self.pos);
        Ok(out)
    }

    /// Between `min` and `N` positional arguments (missing ones are `None`).
    pub fn range<const N: usize>(&self, fname: &str, min: usize) -> R<[Option<Value>; N]> {
        self.no_kw(fname)?;
        let n = self.pos.len();
        if n > N {
            return type_error(format!(
                "{fname} expected at most {N} argument{}, got {n}",
                plural(N)
            ));
        }
        if n < min {
            return type_error(format!(
                "{fname} expected at least {min} argument{}, got {n}",
                plural(min)
            ));
        }
        let mut out = [None; N];
        for (o, v) in out.iter_mut().zip(self.pos) {
            *o = Some(*v);
        }
        Ok(out)
    }

    /// Binds arguments as CPython's Argument Clinic does (`_PyArg_UnpackKeywords`), with its
    /// `TypeError` messages: `names` are the parameters in order, the first `posonly` of them
    /// positional-only, the first `maxpos` accepted by position (the rest keyword-only), the
    /// first `minpos` required (keyword-only ones are optional). Absent ones are `None`.
    pub fn clinic<const N: usize>(
        &self,
        fname: &str,
        names: &[&str; N],
        posonly: usize,
        minpos: usize,
        maxpos: usize,
    ) -> R<[Option<Value>; N]> {
        let nargs = self.pos.len();
        let mut nkw = self.kwnames.len();
        if nargs + nkw > N {
            return type_error(format!(
                "{fname}() takes at most {N} {}argument{} ({} given)",
                if nargs == 0 { "keyword " } else { "" },
                plural(N),
                nargs + nkw
            ));
        }
        if nargs > maxpos {
            if maxpos == 0 {
                return type_error(format!("{fname}() takes no positional arguments"));
            }
            return type_error(format!(
                "{fname}() takes {} {maxpos} positional argument{} ({nargs} given)",
                if minpos < maxpos {
                    "at most"
                } else {
                    "exactly"
                },
                plural(maxpos)
            ));
        }
        let minposonly = posonly.min(minpos);
        if nargs < minposonly {
            return type_error(format!(
                "{fname}() takes {} {minposonly} positional argument{} ({nargs} given)",
                if minposonly < maxpos {
                    "at least"
                } else {
                    "exactly"
                },
                plural(minposonly)
            ));
        }
        let mut out = [None; N];
        for (o, v) in out.iter_mut().zip(self.pos) {
            *o = Some(*v);
        }
        let find = |name: &str| {
            self.kwnames
                .iter()
                .position(|k| str_opt(*k) == Some(name))
                .map(|j| self.kwvals[j])
        };
        for i in nargs.max(posonly)..N {
            let found = if nkw > 0 {
                find(names[i])
            } else if i >= minpos {
                break;
            } else {
                None
            };
            match found {
                Some(v) => {
                    out[i] = Some(v);
                    nkw -= 1;
                }
                None if i < minpos => {
                    return type_error(format!(
                        "{fname}() missing required argument '{}' (pos {})",
                        names[i],
                        i + 1
                    ));
                }
                None => {}
            }
        }
        if nkw > 0 {
            for i in posonly..nargs {
                if find(names[i]).is_some() {
                    return type_error(format!(
                        "argument for {fname}() given by name ('{}') and position ({})",
                        names[i],
                        i + 1
                    ));
                }
            }
            let accepted = &names[posonly..];
            for k in self.kwnames {
                let key = str_opt(*k).unwrap_or("");
                if !accepted.contains(&key) {
                    return type_error(format!(
                        "'{key}' is an invalid keyword argument for {fname}()"
                    ));
                }
            }
        }
        Ok(out)
    }

    /// Binds positional-or-keyword arguments to `names`; the first `required` are required.
    pub fn bind<const N: usize>(
        &self,
        fname: &str,
        names: &[&str; N],
        required: usize,
    ) -> R<[Option<Value>; N]> {
        let n = self.pos.len();
        if n > N {
            return type_error(format!(
                "{fname}() takes at most {N} argument{} ({n} given)",
                plural(N)
            ));
        }
        let mut out = [None; N];
        for (o, v) in out.iter_mut().zip(self.pos) {
            *o = Some(*v);
        }
        for (k, v) in self.kwnames.iter().zip(self.kwvals) {
            let key = str_opt(*k).unwrap_or("");
            match names.iter().position(|n| *n == key) {
                Some(i) if out[i].is_some() => {
                    return type_error(format!(
                        "argument for {fname}() given by name ('{key}') and position ({})",
                        i + 1
                    ));
                }
                Some(i) => out[i] = Some(*v),
                None => {
                    return type_error(format!(
                        "{fname}() got an unexpected keyword argument '{key}'"
                    ));
                }
            }
        }
        for i in 0..required.min(N) {
            if out[i].is_none() {
                return type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                ));
            }
        }
        Ok(out)
    }

    /// Value `i` of the argument vector: the positional values, then the keyword values.
    #[inline]
    pub fn value(&self, i: usize) -> Value {
        match self.pos.get(i) {
            Some(v) => *v,
            None => self.kwvals[i - self.pos.len()],
        }
    }

    /// Keyword argument `name`, if given.
    pub fn kw(&self, name: &str) -> Option<Value> {
        self.kwnames
            .iter()
            .position(|k| str_opt(*k) == Some(name))
            .map(|i| self.kwvals[i])
    }
}

/// Which values of a call's argument vector (positional values, then keyword values; for a
/// method call the receiver first) the caller *moved* into the call: bit `i` set means the
/// caller gave up its reference to value `i`, and the call releases it (a compiled callee
/// owns it as a parameter, anything else releases it when it returns). Values from the 63rd
/// on are never moved; bit 63 ([`Moved::CALLEE`]) is the callee of `molt_call`. This is the
/// argument protocol of generated code's generic calls (`molt_call` and the method-call
/// entry points): CPython 3.11 moves the arguments on its value stack into a Python
/// callee's frame, so an argument passed as a temporary dies with the callee's parameters,
/// first among its locals.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Moved(pub u64);

impl Moved {
    /// Nothing moved: every value is borrowed.
    pub const NONE: Moved = Moved(0);

    /// The bit of `molt_call`'s callee.
    pub const CALLEE: u64 = 1 << 63;

    /// Whether value `i` was moved.
    #[inline]
    pub fn has(self, i: usize) -> bool {
        i < 63 && (self.0 >> i) & 1 != 0
    }

    /// Whether the callee was moved.
    #[inline]
    pub fn callee(self) -> bool {
        self.0 & Moved::CALLEE != 0
    }

    /// The mask of the values after the first (a method call's arguments after its receiver).
    #[inline]
    pub fn rest(self) -> Moved {
        Moved((self.0 & !Moved::CALLEE) >> 1)
    }

    /// The same values, the callee not moved.
    #[inline]
    pub fn args_only(self) -> Moved {
        Moved(self.0 & !Moved::CALLEE)
    }

    /// The bits of the argument values (without the callee's).
    const VALUES: u64 = !Moved::CALLEE;

    /// The bits of `n` values from bit `first` on (`n` of them at most, below bit 63).
    #[inline]
    fn span(first: usize, n: usize) -> u64 {
        if first >= 63 {
            return 0;
        }
        let n = n.min(63 - first);
        (((1u64 << n) - 1) << first) & Moved::VALUES
    }

    /// Takes a reference to every value that was not moved, so that the call owns one
    /// reference to each value of `args` (to hand them to a compiled callee).
    #[inline]
    pub fn own(self, args: Args<'_>) {
        let np = args.pos.len();
        if self.0 & Moved::VALUES == 0 {
            args.pos.iter().for_each(|v| {
                crate::object::incref(*v);
            });
            args.kwvals.iter().for_each(|v| {
                crate::object::incref(*v);
            });
            return;
        }
        for (i, v) in args.pos.iter().enumerate() {
            if !self.has(i) {
                crate::object::incref(*v);
            }
        }
        for (i, v) in args.kwvals.iter().enumerate() {
            if !self.has(np + i) {
                crate::object::incref(*v);
            }
        }
    }

    /// Releases the moved values, first to last (after a callee that only borrowed them
    /// returned, as CPython's `CALL` clears its stack).
    #[inline]
    pub fn release(self, args: Args<'_>) {
        let np = args.pos.len();
        let mut bits = self.0 & Moved::span(0, np);
        while bits != 0 {
            if let Some(v) = args.pos.get(bits.trailing_zeros() as usize) {
                crate::object::decref(*v);
            }
            bits &= bits - 1;
        }
        let mut bits = self.0 & Moved::span(np, args.kwvals.len());
        while bits != 0 {
            if let Some(v) = args.kwvals.get(bits.trailing_zeros() as usize - np) {
                crate::object::decref(*v);
            }
            bits &= bits - 1;
        }
    }
}

/// Calls `callee` with `args` (borrowed: a compiled callee gets new references, as a
/// runtime-internal call through CPython's vectorcall does).
pub fn call(callee: Value, args: Args<'_>) -> R<Ref> {
    if !callee.is_ptr() {
        return not_callable(callee);
    }
    match kind(callee) {
        Kind::Function => call_function(callee, args),
        Kind::Builtin => call_builtin(callee, args),
        Kind::BoundMethod => {
            // SAFETY: kind checked.
            let [f, obj] = *unsafe { payload::<[Value; 2]>(callee) };
            call_with_self(f, obj, args)
        }
        Kind::Class => crate::class::call_class_object(callee, args),
        Kind::Instance => {
            let cls = instance_data(callee).class;
            match lookup(cls, "__call__") {
                Some(f) => {
                    let f = Ref::dup(f);
                    call_found(f.v(), callee, cls, args)
                }
                None => not_callable(callee),
            }
        }
        Kind::Wrapper => {
            let w = crate::class::wrapper_data(callee);
            match w.kind {
                WrapperKind::StaticMethod | WrapperKind::ClassMethod => call(w.f, args),
                WrapperKind::Property | WrapperKind::Member | WrapperKind::GetSet => {
                    not_callable(callee)
                }
            }
        }
        _ => not_callable(callee),
    }
}

/// Calls `callee` with `args`, of which the caller moved those `moved` marks (see
/// [`Moved`]; the callee too when [`Moved::callee`]); every moved value is released on
/// every path, errors included. A compiled function, directly or as a bound method's
/// function, owns its arguments as parameters (the others get a new reference); any other
/// callee borrows them, and after it returns the callee then the moved arguments are
/// released, as CPython's `CALL` clears its stack.
#[inline(always)]
pub fn call_moved(callee: Value, args: Args<'_>, moved: Moved) -> R<Ref> {
    if callee.is_ptr() {
        match kind(callee) {
            Kind::Function => {
                moved.own(args);
                let r = call_function_owned(callee, args);
                release_callee(callee, moved);
                return r;
            }
            Kind::BoundMethod => {
                // SAFETY: kind checked.
                let [f, obj] = *unsafe { payload::<[Value; 2]>(callee) };
                if crate::object::is_kind(f, Kind::Function) {
                    // CPython 3.11's `CALL` unpacks a bound method: `self` and the arguments
                    // move into the function's frame, and the method object is released
                    // first.
                    moved.own(args);
                    let f = Ref::dup(f);
                    crate::object::incref(obj);
                    release_callee(callee, moved);
                    return with_first(obj, args, |a| call_function_owned(f.v(), a));
                }
            }
            // The common borrowing callees, without another dispatch in `call`.
            Kind::Class => {
                let r = crate::class::call_class_object(callee, args);
                return borrowed(callee, args, moved, r);
            }
            Kind::Builtin => return borrowed(callee, args, moved, call_builtin(callee, args)),
            _ => {}
        }
    }
    borrowed(callee, args, moved, call(callee, args))
}

/// The end of a call whose callee borrowed its arguments: the callee, then the moved
/// arguments, are released (CPython's `CALL` after a vectorcall).
#[inline(always)]
fn borrowed(callee: Value, args: Args<'_>, moved: Moved, r: R<Ref>) -> R<Ref> {
    release_callee(callee, moved);
    moved.release(args);
    r
}

/// Releases `molt_call`'s callee if the caller moved it.
#[inline]
fn release_callee(callee: Value, moved: Moved) {
    if moved.callee() {
        crate::object::decref(callee);
    }
}

/// Runs `k` with `first` prepended to the positional arguments of `args` (no reference is
/// taken).
fn with_first<T>(first: Value, args: Args<'_>, k: impl FnOnce(Args<'_>) -> T) -> T {
    let n = args.pos.len() + 1;
    let mut small = [Value::NONE; 8];
    let mut big = Vec::new();
    let buf: &mut [Value] = if n <= small.len() {
        &mut small[..n]
    } else {
        big.resize(n, Value::NONE);
        &mut big
    };
    buf[0] = first;
    buf[1..].copy_from_slice(args.pos);
    k(Args {
        pos: buf,
        kwnames: args.kwnames,
        kwvals: args.kwvals,
    })
}

fn not_callable<T>(v: Value) -> R<T> {
    type_error(format!("'{}' object is not callable", type_name(v)))
}

/// The methods CPython 3.11 defines with `METH_VARARGS`: called through a bound method
/// object (`m = s.find; m(x=1)`), their keyword check names them without their class.
const VARARGS_METHODS: &[(&str, &[&str])] = &[
    (
        "str",
        &[
            "count",
            "endswith",
            "find",
            "index",
            "rfind",
            "rindex",
            "startswith",
        ],
    ),
    (
        "set",
        &[
            "difference",
            "difference_update",
            "intersection",
            "intersection_update",
            "union",
            "update",
        ],
    ),
    ("frozenset", &["difference", "intersection", "union"]),
];

/// The error of a builtin type's method `b` that just failed: CPython's generic argument
/// checks (`takes no keyword arguments`, `takes no arguments (N given)`, `takes exactly one
/// argument (N given)`) name the method with its class (`list.append()`), the class that
/// defines it for a direct call (`True.bit_length(1)`: `int.bit_length()`) and the receiver's
/// class through a bound method object (`bool.bit_length()`), where the keyword check of a
/// `METH_VARARGS` method names it alone (`find()`). The implementations raise these with the
/// bare name; this adds the class. Only on the error path.
#[cold]
pub fn qualify_method_error<T>(r: R<T>, b: &BuiltinData, recv: Value, bound_object: bool) -> R<T> {
    if r.is_ok() || b.owner.is_none() {
        return r;
    }
    let pending = crate::exceptions::peek_pending();
    if pending == Value::UNBOUND || type_of(pending) != crate::state::exc_class(ExcKind::TypeError)
    {
        return r;
    }
    let line = crate::exceptions::exception_line(pending);
    let Some(message) = line.strip_prefix("TypeError: ") else {
        return r;
    };
    let bare = format!("{}() takes ", b.name);
    let Some(rest) = message.strip_prefix(&bare) else {
        return r;
    };
    let owner = crate::class::class_name(b.owner);
    let keywords = rest == "no keyword arguments";
    if !(keywords
        || rest.starts_with("no arguments (")
        || rest.starts_with("exactly one argument ("))
    {
        return r;
    }
    if keywords
        && bound_object
        && VARARGS_METHODS
            .iter()
            .any(|(t, names)| *t == owner && names.contains(&b.name))
    {
        return r;
    }
    let class = if bound_object {
        // The `__name__` of the receiver's class, as CPython's method qualnames (not its
        // `tp_name`: `TextIOWrapper.write()`, not `_io.TextIOWrapper.write()`).
        crate::class::class_name(type_of(recv))
    } else {
        owner.to_owned()
    };
    drop(crate::exceptions::take_pending());
    type_error(format!("{class}.{message}"))
}

fn call_builtin(callee: Value, args: Args<'_>) -> R<Ref> {
    // SAFETY: callers checked the kind.
    let b = unsafe { payload::<BuiltinData>(callee) };
    let _level = if b.owner.is_none() && counted_builtin(b.name) {
        Some(crate::recursion::enter(crate::recursion::IN_CALL)?)
    } else {
        None
    };
    if b.receiver != Value::UNBOUND {
        let r = invoke_method(b, b.receiver, args);
        if r.is_err() {
            return qualify_method_error(r, b, b.receiver, true);
        }
        return r;
    }
    if b.owner.is_none() {
        return (b.f)(Value::UNBOUND, args);
    }
    // An unbound method called through its class: `str.upper("a")`.
    let slot = crate::slots::is_slot_wrapper(b.owner, b.name);
    let Some((first, rest)) = args.pos.split_first() else {
        if slot {
            return type_error(format!(
                "descriptor '{}' of '{}' object needs an argument",
                b.name,
                crate::class::class_name(b.owner)
            ));
        }
        return type_error(format!(
            "unbound method {}.{}() needs an argument",
            crate::class::class_name(b.owner),
            b.name
        ));
    };
    if !isinstance_class(*first, b.owner) {
        return descriptor_type_error(b, *first);
    }
    let r = invoke_method(
        b,
        *first,
        Args {
            pos: rest,
            kwnames: args.kwnames,
            kwvals: args.kwvals,
        },
    );
    if r.is_err() {
        return qualify_method_error(r, b, *first, false);
    }
    r
}

/// Runs builtin `b` with receiver `recv`. A method of a builtin value type (`int`, `str`,
/// `tuple`, `list`, ...) called on an instance of a subclass operates on the builtin value
/// the instance carries, as CPython's methods operate on the base part of such an object.
#[inline]
fn invoke_method(b: &BuiltinData, recv: Value, args: Args<'_>) -> R<Ref> {
    if crate::object::is_kind(recv, Kind::Instance)
        && !b.owner.is_none()
        && let Some(value) = crate::class::builtin_value(recv)
        && crate::class::is_value_type(b.owner)
    {
        return invoke_on_value(b, recv, value, args);
    }
    (b.f)(recv, args)
}

/// [`invoke_method`] for an instance `recv` of a subclass carrying the builtin `value`.
#[cold]
fn invoke_on_value(b: &BuiltinData, recv: Value, value: Value, args: Args<'_>) -> R<Ref> {
    // `format(x, "")` is `str(x)` for every builtin type: the subclass's `__str__` (or
    // `__repr__`) decides, as in CPython.
    if b.name == "__format__"
        && let [spec] = args.pos
        && str_opt(*spec) == Some("")
    {
        return crate::ops::py_str(recv);
    }
    let r = match (b.f)(value, args) {
        // `d[k]` of a dict subclass with `__missing__` calls it for a missing key.
        Err(e)
            if b.name == "__getitem__"
                && crate::dict::is_dict(value)
                && crate::exceptions::pending_is(ExcKind::KeyError) =>
        {
            let Some(missing) = crate::class::lookup(type_of(recv), "__missing__").map(Ref::dup)
            else {
                return Err(e);
            };
            drop(crate::exceptions::take_pending());
            return crate::call::call_found(missing.v(), recv, type_of(recv), args);
        }
        r => r?,
    };
    // A method of a mutable type that returns its receiver (`__iadd__`, `__ior__`, an
    // iterator's `__iter__`) gives the subclass instance back; the immutable types return
    // an exact copy in CPython.
    let t = &rt().t;
    if r.v() == value
        && ([t.list, t.dict, t.set].contains(&type_of(value))
            || crate::object::is_kind(value, Kind::Iter))
    {
        return Ok(Ref::dup(recv));
    }
    if crate::str::is_str(value) && r.v() != value {
        return Ok(str_parts_of_subclass(b, recv, value, r));
    }
    Ok(crate::class::fresh_if_carried(r, value))
}

/// The result `r` of str method `b` on the text `value` of the subclass instance `recv`,
/// where CPython's result holds `recv` or copies of its text rather than the text object:
/// `partition`/`rpartition` not finding the separator give `recv` itself, the splits give
/// new exact strs.
fn str_parts_of_subclass(b: &BuiltinData, recv: Value, value: Value, r: Ref) -> Ref {
    match b.name {
        "partition" | "rpartition" => {
            let items = crate::tuple::tuple_items(r.v());
            if items.contains(&value) {
                let swapped: Vec<Value> = items
                    .iter()
                    .map(|v| if *v == value { recv } else { *v })
                    .collect();
                return crate::tuple::tuple_from_slice(&swapped);
            }
            r
        }
        "split" | "rsplit" | "splitlines" if crate::list::is_list(r.v()) => {
            let items = crate::list::list_vec(r.v());
            for item in items.iter_mut() {
                if *item == value {
                    *item = crate::str::str_copy(value).into_raw();
                    crate::object::decref(value);
                }
            }
            r
        }
        _ => r,
    }
}

/// The TypeError of a builtin type's method called on an object of another type: a slot
/// wrapper (`int.__add__('a', 1)`) and a method descriptor (`str.upper(1)`) word it apart.
fn descriptor_type_error<T>(b: &BuiltinData, obj: Value) -> R<T> {
    let owner = crate::class::class_name(b.owner);
    if crate::slots::is_slot_wrapper(b.owner, b.name) {
        return type_error(format!(
            "descriptor '{}' requires a '{owner}' object but received a '{}'",
            b.name,
            type_name(obj)
        ));
    }
    type_error(format!(
        "descriptor '{}' for '{owner}' objects doesn't apply to a '{}' object",
        b.name,
        type_name(obj)
    ))
}

/// Whether CPython 3.11 counts a call of builtin function `name` as a level of recursion
/// (`while calling a Python object`): its `METH_O`, `METH_NOARGS` and `METH_VARARGS`
/// builtins, except `len`, which the interpreter calls without counting.
fn counted_builtin(name: &str) -> bool {
    matches!(
        name,
        "abs"
            | "all"
            | "any"
            | "ascii"
            | "bin"
            | "callable"
            | "chr"
            | "hash"
            | "hex"
            | "id"
            | "oct"
            | "ord"
            | "repr"
            | "min"
            | "max"
            | "globals"
            | "locals"
    )
}

/// Calls `f` with `obj` prepended to the positional arguments (borrowed).
pub fn call_with_self(f: Value, obj: Value, args: Args<'_>) -> R<Ref> {
    with_first(obj, args, |a| call(f, a))
}

/// What a method call calls, once the method is looked up.
enum Target {
    /// A compiled function found on the class: `f(recv, *args)`.
    WithSelf(Ref),
    /// A classmethod: `f(cls, *args)`; the receiver is not passed.
    WithClass(Ref, Ref),
    /// `f(*args)`: the receiver is not passed (an instance attribute, a staticmethod, a
    /// bound method made by a descriptor, ...).
    Plain(Ref),
    /// A builtin type's method (immortal; its data and the method object), its
    /// implementation called with the receiver.
    Native(&'static BuiltinData, Value),
}

/// Calls attribute `f` found on class `cls` as a method of `obj` (descriptor binding
/// without materializing a bound method).
pub fn call_found(f: Value, obj: Value, cls: Value, args: Args<'_>) -> R<Ref> {
    if crate::object::is_kind(f, Kind::Function) {
        return call_with_self(f, obj, args);
    }
    match resolve_found(Ref::dup(f), obj, cls)? {
        Target::WithSelf(f) => call_with_self(f.v(), obj, args),
        Target::WithClass(f, cls) => call_with_self(f.v(), cls.v(), args),
        Target::Plain(f) => call(f.v(), args),
        Target::Native(b, _) => call_native(b, obj, args),
    }
}

/// How attribute `f` found on class `cls` is called as a method of `obj`.
fn resolve_found(f: Ref, obj: Value, cls: Value) -> R<Target> {
    let fv = f.v();
    if !fv.is_ptr() {
        return Ok(Target::Plain(f));
    }
    Ok(match kind(fv) {
        Kind::Function => Target::WithSelf(f),
        Kind::Builtin => {
            // SAFETY: kind checked.
            let b = unsafe { payload::<BuiltinData>(fv) };
            if let Some(m) = crate::attr::rebind_class_builtin(fv, cls) {
                return Ok(Target::Plain(m));
            }
            if b.owner.is_none() || b.receiver != Value::UNBOUND {
                return Ok(Target::Plain(f));
            }
            if !isinstance_class(obj, b.owner) {
                return descriptor_type_error(b, obj);
            }
            // SAFETY: builtin methods are immortal.
            Target::Native(unsafe { payload::<BuiltinData>(fv) }, fv)
        }
        Kind::Wrapper => {
            let w = crate::class::wrapper_data(fv);
            match w.kind {
                WrapperKind::StaticMethod => Target::Plain(Ref::dup(w.f)),
                WrapperKind::ClassMethod => Target::WithClass(Ref::dup(w.f), Ref::dup(cls)),
                WrapperKind::Property | WrapperKind::Member | WrapperKind::GetSet => {
                    Target::Plain(crate::attr::bind(fv, obj, cls)?)
                }
            }
        }
        Kind::Instance if crate::class::has_dunder(fv, "__get__") => {
            Target::Plain(crate::attr::bind(fv, obj, cls)?)
        }
        _ => Target::Plain(f),
    })
}

/// `recv.name(args)` without a bound-method object where possible.
pub fn call_method(recv: Value, name: Value, args: Args<'_>) -> R<Ref> {
    match resolve_method(recv, name)? {
        Target::WithSelf(f) => call_with_self(f.v(), recv, args),
        Target::WithClass(f, cls) => call_with_self(f.v(), cls.v(), args),
        Target::Plain(f) => call(f.v(), args),
        Target::Native(b, _) => call_native(b, recv, args),
    }
}

/// `recv.name(args)` where the caller moved the values `moved` marks (bit 0 the receiver,
/// bit `i + 1` value `i` of `args`; see [`Moved`]), released on every path. As CPython
/// 3.11's `LOAD_METHOD`/`CALL`: a compiled method owns the receiver and the arguments as
/// parameters; when the method is not called with the receiver (an instance attribute, a
/// staticmethod or classmethod, a descriptor's result), the receiver is released before
/// the call; a builtin method borrows them all, released after it returns.
pub fn call_method_moved(recv: Value, name: Value, args: Args<'_>, moved: Moved) -> R<Ref> {
    let target = match resolve_method(recv, name) {
        Ok(t) => t,
        Err(e) => {
            release_receiver(recv, moved);
            moved.rest().release(args);
            return Err(e);
        }
    };
    match target {
        Target::WithSelf(f) => with_first(recv, args, |a| {
            moved.own(a);
            call_function_owned(f.v(), a)
        }),
        Target::WithClass(f, cls) => {
            release_receiver(recv, moved);
            with_first(cls.v(), args, |a| {
                call_moved(f.v(), a, Moved(moved.args_only().0 & !1))
            })
        }
        Target::Plain(f) => {
            release_receiver(recv, moved);
            call_moved(f.v(), args, moved.rest())
        }
        Target::Native(b, _) => {
            let r = call_native(b, recv, args);
            release_receiver(recv, moved);
            moved.rest().release(args);
            r
        }
    }
}

/// CPython's `LOAD_METHOD` (MIR `method.load`): looks `recv.name` up the way a method call
/// does, before the call's arguments are evaluated. → the function found on the receiver's
/// class when the call passes the receiver as `self` (a plain function, or a builtin type's
/// method object), else the attribute's value to call as it is: a bound method for a
/// classmethod, and a function or unbound builtin method found as a value (an instance or
/// class attribute) wrapped in a `staticmethod` so that [`call_method_loaded`] cannot take
/// it for the first kind. Errors: the lookup's (`AttributeError`, or what a property,
/// descriptor or `__getattr__` raises).
pub fn load_method(recv: Value, name: Value) -> R<Ref> {
    Ok(match resolve_method(recv, name)? {
        Target::WithSelf(f) => f,
        Target::Native(_, f) => Ref::dup(f),
        Target::WithClass(f, cls) => crate::attr::bound_method(f.v(), cls.v()),
        Target::Plain(f) => {
            if is_self_method(f.v()) {
                crate::class::wrapper(WrapperKind::StaticMethod, f.v(), Value::NONE, Value::NONE)
            } else {
                f
            }
        }
    })
}

/// Whether `f`, the result of [`load_method`], is called with the receiver first: a plain
/// function, or a builtin method of a builtin type not bound to an object.
fn is_self_method(f: Value) -> bool {
    if !f.is_ptr() {
        return false;
    }
    match kind(f) {
        Kind::Function => true,
        Kind::Builtin => {
            // SAFETY: kind checked.
            let b = unsafe { payload::<BuiltinData>(f) };
            !b.owner.is_none() && b.receiver == Value::UNBOUND
        }
        _ => false,
    }
}

/// Calls `method`, what [`load_method`] gave for `recv`, with `args` (MIR
/// `call.method.loaded`): with `recv` first when `method` is a function or builtin method
/// found on its class. `moved` marks the values the caller moved (bit 0 the receiver, bit
/// `i + 1` value `i` of `args`), released on every path; `method` is borrowed.
pub fn call_method_loaded(recv: Value, method: Value, args: Args<'_>, moved: Moved) -> R<Ref> {
    if !is_self_method(method) {
        release_receiver(recv, moved);
        return call_moved(method, args, moved.rest());
    }
    if kind(method) == Kind::Function {
        // The caller keeps `method` alive until the call returns.
        return with_first(recv, args, |a| {
            moved.own(a);
            call_function_owned(method, a)
        });
    }
    // SAFETY: `is_self_method` checked the kind. `load_method` found this method for `recv`
    // (on its class, a builtin one or a subclass of the method's class), so `recv` is an
    // instance of the method's class: the check of an explicit `list.append(x, ...)` is not
    // needed.
    let b = unsafe { payload::<BuiltinData>(method) };
    let r = call_native(b, recv, args);
    release_receiver(recv, moved);
    moved.rest().release(args);
    r
}

/// Calls builtin method `b` with receiver `recv`; an argument error names the method as
/// CPython does ([`qualify_method_error`]).
#[inline]
fn call_native(b: &BuiltinData, recv: Value, args: Args<'_>) -> R<Ref> {
    let r = invoke_method(b, recv, args);
    if r.is_err() {
        return qualify_method_error(r, b, recv, false);
    }
    r
}

/// Releases a method call's receiver if the caller moved it.
#[inline]
fn release_receiver(recv: Value, moved: Moved) {
    if moved.has(0) {
        crate::object::decref(recv);
    }
}

/// The method `recv.name` of a method call.
fn resolve_method(recv: Value, name: Value) -> R<Target> {
    let Some(n) = str_opt(name) else {
        return type_error("attribute name must be string");
    };
    let hash = crate::hash::hash_str(name);
    if is_instance(recv) {
        let inst = instance_data(recv);
        let cls = inst.class;
        if crate::attr::user_hook(cls, "__getattribute__").is_none() {
            // Without a data descriptor or `__get__` of a user class in the way, the
            // instance's own attribute comes first, then the method found on the class.
            let descr = crate::class::lookup_hashed(cls, n, hash);
            let plain = descr.is_none_or(|f| {
                !f.is_ptr()
                    || match kind(f) {
                        Kind::Function | Kind::Builtin => true,
                        Kind::Wrapper => matches!(
                            crate::class::wrapper_data(f).kind,
                            WrapperKind::StaticMethod | WrapperKind::ClassMethod
                        ),
                        Kind::Instance => !crate::class::has_dunder(f, "__get__"),
                        _ => true,
                    }
            });
            if plain {
                if let Some(p) = crate::class::slot_ptr(recv, n) {
                    // SAFETY: a live slot of `recv`.
                    let v = unsafe { *p };
                    if v != Value::UNBOUND {
                        return Ok(Target::Plain(Ref::dup(v)));
                    }
                } else if let Some(d) = inst.dict_opt() {
                    let d = dict_data(d);
                    if let Some(i) = d.find_name(name, hash) {
                        return Ok(Target::Plain(Ref::dup(d.value_at(i))));
                    }
                }
                if let Some(f) = descr {
                    return resolve_found(Ref::dup(f), recv, cls);
                }
            }
        }
    } else if !recv.is_ptr() || !matches!(kind(recv), Kind::Class | Kind::Module | Kind::Super) {
        let cls = type_of(recv);
        if let Some(f) = crate::class::lookup_hashed(cls, n, hash) {
            if crate::object::is_kind(f, Kind::Builtin) {
                // SAFETY: kind checked.
                let b = unsafe { payload::<BuiltinData>(f) };
                if !b.owner.is_none() && b.receiver == Value::UNBOUND {
                    return Ok(Target::Native(b, f));
                }
            }
            return resolve_found(Ref::dup(f), recv, cls);
        }
    } else if kind(recv) == Kind::Module {
        // `m.f(...)`: a module's attribute is its global (what `getattr_str` finds first),
        // looked up with the name's cached hash.
        let d = dict_data(crate::modules::module_dict(recv));
        if let Some(v) = d.get_str_hashed(n, hash) {
            return Ok(Target::Plain(Ref::dup(v)));
        }
    }
    Ok(Target::Plain(method_lookup(recv, n)?))
}

/// The method lookup of a method call: on failure the traceback shows the lookup's position
/// and an `AttributeError` records `name` and `obj` (see [`crate::traceback`]).
fn method_lookup(recv: Value, n: &str) -> R<Ref> {
    let r = crate::attr::getattr_str(recv, n);
    if r.is_err() {
        crate::exceptions::set_attribute_error_context(recv, n);
        crate::traceback::note_lookup_failed();
    }
    r
}

/// The static descriptor of a function object.
fn code_of<'a>(fd: &FunctionData) -> &'a FunctionCode {
    // SAFETY: `code` points at a static descriptor emitted by codegen (or a test), which
    // lives as long as the program.
    unsafe { &*fd.code }
}

/// The parameter descriptors of a code object.
pub fn params_of<'a>(code: &FunctionCode) -> &'a [ParamCode] {
    // SAFETY: codegen emits `nparams` descriptors at `params`.
    unsafe { code.params.slice(u64::from(code.nparams)) }
}

/// A parameter's name.
pub fn param_name<'a>(p: &ParamCode) -> &'a str {
    if p.name.is_null() {
        return "";
    }
    // SAFETY: codegen emits `name_len` bytes of UTF-8 at `name`.
    let bytes = unsafe { p.name.slice(p.name_len) };
    std::str::from_utf8(bytes).unwrap_or("?")
}

/// A code object's qualified name.
pub fn code_name(code: &FunctionCode) -> String {
    if code.name.is_null() {
        return "?".to_owned();
    }
    // SAFETY: codegen emits `name_len` bytes of UTF-8 at `name`.
    let bytes = unsafe { code.name.slice(code.name_len) };
    python_qualname(std::str::from_utf8(bytes).unwrap_or("?"))
}

/// The Python `__qualname__` of a compiled function's symbol name: the compiler makes the
/// names of functions defined twice in one scope unique with a `#N` suffix (`add#2`,
/// `f#2.<locals>.g`), which Python never shows. `#` cannot occur in an identifier.
pub fn python_qualname(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len());
    let mut chars = symbol.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '#' && chars.peek().is_some_and(char::is_ascii_digit) {
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The number of parameters of `fd`'s code and whether it is a generator function's.
pub fn code_params(fd: &FunctionData) -> (u32, bool) {
    let code = code_of(fd);
    (code.nparams, code.flags & 1 != 0)
}

/// Whether every parameter is positional-or-keyword without a default.
pub fn is_simple(code: &FunctionCode) -> bool {
    params_of(code)
        .iter()
        .all(|p| p.kind == PARAM_POS_OR_KW && p.has_default == 0)
}

/// Calls a compiled function with borrowed `args`: the callee gets a new reference to each
/// (CPython's `_PyEval_Vector`), the way the runtime's own calls (special methods, `__init__`,
/// key functions, ...) reach compiled code.
pub fn call_function(func: Value, args: Args<'_>) -> R<Ref> {
    Moved::NONE.own(args);
    call_function_owned(func, args)
}

/// Calls compiled function `func` with owned `args`: the call takes over one reference to
/// each positional and keyword value and releases every one of them on every path. Binds
/// the arguments (the parameters own them: compiled code releases them with its other
/// locals), counts the depth and runs the code; for a generator function the generator
/// owns them.
pub fn call_function_owned(func: Value, args: Args<'_>) -> R<Ref> {
    // SAFETY: callers checked the kind.
    let fd = unsafe { payload::<FunctionData>(func) };
    let code = code_of(fd);
    let n = code.nparams as usize;
    if code.flags & 1 != 0 {
        let mut slots = vec![Value::UNBOUND; n];
        bind_args(fd, code, args, &mut slots)?;
        let slots: Vec<Ref> = slots.into_iter().map(Ref::new).collect();
        return crate::generator::make_generator(
            func,
            crate::attr::function_name(fd),
            crate::attr::function_qualname(fd),
            crate::object::code_entry(code),
            slots,
        );
    }
    if fd.simple.get() && args.kwnames.is_empty() && args.pos.len() == n {
        return run(func, code, args.pos);
    }
    let mut small = [Value::UNBOUND; 8];
    let mut big = Vec::new();
    let slots: &mut [Value] = if n <= small.len() {
        &mut small[..n]
    } else {
        big.resize(n, Value::UNBOUND);
        &mut big
    };
    bind_args(fd, code, args, slots)?;
    run(func, code, slots)
}

/// The fast path of `molt_call`: a compiled function (not a generator) whose parameters are
/// all positional-or-keyword without defaults, called with exactly that many positional
/// arguments and no keywords, needs no binding; the arguments `moved` marks are moved into
/// its frame, the others get a new reference. `None` (nothing taken) when the call is not
/// of that shape.
#[inline]
pub fn call_exact(callee: Value, args: *const Value, nargs: u32, moved: Moved) -> Option<R<Ref>> {
    if !crate::object::is_kind(callee, Kind::Function) {
        return None;
    }
    // SAFETY: kind checked.
    let fd = unsafe { payload::<FunctionData>(callee) };
    let code = code_of(fd);
    if !fd.simple.get() || code.flags & 1 != 0 || code.nparams != nargs {
        return None;
    }
    let args: &[Value] = if nargs == 0 {
        &[]
    } else {
        // SAFETY: generated code passes `nargs` values at `args`.
        unsafe { std::slice::from_raw_parts(args, nargs as usize) }
    };
    moved.own(Args::positional(args));
    let r = run(callee, code, args);
    release_callee(callee, moved);
    Some(r)
}

/// `molt_call` of a class with positional arguments only (`raise ValueError("...")`,
/// `Point(1, 2)`): [`crate::class::call_class_object`] without building the generic argument
/// view; the callee and the moved arguments are released afterwards. `None` (nothing
/// taken) when `callee` is not a class.
#[inline]
pub fn call_class_positional(callee: Value, pos: &[Value], moved: Moved) -> Option<R<Ref>> {
    if !crate::object::is_kind(callee, Kind::Class) {
        return None;
    }
    let r = crate::class::call_class_object(callee, Args::positional(pos));
    Some(borrowed(callee, Args::positional(pos), moved, r))
}

/// A method call of compiled function `func` on `recv` with positional `args` (borrowed, or
/// moved as `moved` says: bit 0 the receiver, bit `i + 1` value `i`) when `func` takes
/// exactly the receiver and those arguments, without defaults, and is not a generator: the
/// arguments go straight into its frame, without a bound method or argument binding. `None`
/// (nothing taken) when the call is not of that shape or has more than 7 arguments.
pub fn call_method_exact(func: Value, recv: Value, args: &[Value], moved: Moved) -> Option<R<Ref>> {
    // SAFETY: callers pass a function object.
    let fd = unsafe { payload::<FunctionData>(func) };
    let code = code_of(fd);
    let n = args.len() + 1;
    if !fd.simple.get() || code.flags & 1 != 0 || code.nparams as usize != n || n > 8 {
        return None;
    }
    let mut all = [Value::UNBOUND; 8];
    all[0] = recv;
    all[1..n].copy_from_slice(args);
    let all = &all[..n];
    moved.own(Args::positional(all));
    // The class keeps `func` alive while it has the shape the caller checked, but the call
    // may change the class: the frame holds its own reference.
    crate::object::incref(func);
    let r = run(func, code, all);
    crate::object::decref(func);
    Some(r)
}

/// Runs compiled code with one owned argument per parameter (the entry takes them over). Past
/// the recursion limit the arguments are released, in order, as CPython clears a frame
/// that fails to start.
#[inline]
fn run(func: Value, code: &FunctionCode, args: &[Value]) -> R<Ref> {
    let r = rt();
    let depth = r.depth.get();
    if depth >= r.recursion_limit.get() || crate::recursion::stack_exhausted() {
        let e = raise(ExcKind::RecursionError, "maximum recursion depth exceeded");
        crate::object::decref_all(args);
        return e;
    }
    r.depth.set(depth + 1);
    let base = crate::exceptions::frame_enter();
    let result = crate::object::code_entry(code)(func, args.as_ptr());
    crate::exceptions::frame_exit(base);
    r.depth.set(depth);
    from_abi(result)
}

/// Runs a module's `<module>` code (no function object, no arguments) as a frame of the
/// recursion depth; its result (`None`) is dropped.
pub fn run_module_code(code: &FunctionCode) -> R<()> {
    run(Value::NONE, code, &[]).map(drop)
}

/// Releases the values bound to `slots` in CPython's frame order (`co_varnames`: the named
/// parameters, then `*args`, then `**kwargs`), after a binding error.
fn clear_slots(params: &[ParamCode], slots: &mut [Value]) {
    let named = params
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind != PARAM_VAR_POS && p.kind != PARAM_VAR_KW);
    let var_pos = params
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PARAM_VAR_POS);
    let var_kw = params
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PARAM_VAR_KW);
    for (j, _) in named.chain(var_pos).chain(var_kw) {
        let v = std::mem::replace(&mut slots[j], Value::UNBOUND);
        if v != Value::UNBOUND {
            crate::object::decref(v);
        }
    }
}

/// Binds `args` to the parameters of `code` (CPython's `initialize_locals`), taking over the
/// reference to each argument: on success every slot of `slots` holds one owned value
/// (`*args` a new tuple, `**kwargs` a new dict, defaults a new reference); on an error
/// every reference is released as CPython does (extra positional arguments at once, the
/// keyword values from the failing one on, then the slots bound so far).
pub fn bind_args(
    fd: &FunctionData,
    code: &FunctionCode,
    args: Args<'_>,
    slots: &mut [Value],
) -> R<()> {
    let params = params_of(code);
    // The current `__qualname__` (CPython's `func_qualname`): an assigned one names the
    // function in its argument errors, as `functools.wraps` and `dataclasses` rely on.
    let qualname = as_str(crate::attr::function_qualname(fd));
    let npos = params
        .iter()
        .take_while(|p| p.kind == PARAM_POS_ONLY || p.kind == PARAM_POS_OR_KW)
        .count();
    let var_pos = params.iter().position(|p| p.kind == PARAM_VAR_POS);
    let var_kw = params.iter().position(|p| p.kind == PARAM_VAR_KW);
    let given = args.pos.len();
    // Positional arguments.
    slots[..given.min(npos)].copy_from_slice(&args.pos[..given.min(npos)]);
    let extra = if given > npos {
        &args.pos[npos..]
    } else {
        &[][..]
    };
    if let Some(vp) = var_pos {
        let t = crate::tuple::tuple_from_slice(extra);
        crate::object::decref_all(extra);
        slots[vp] = t.into_raw();
    } else {
        // Too many: released now, reported below.
        crate::object::decref_all(extra);
    }
    // Keyword arguments.
    if let Some(vk) = var_kw {
        slots[vk] = dict_new().into_raw();
    }
    for (i, (k, v)) in args.kwnames.iter().zip(args.kwvals).enumerate() {
        if let Err(e) = bind_keyword(params, qualname, args.kwnames, var_kw, slots, *k, *v) {
            crate::object::decref_all(&args.kwvals[i..]);
            clear_slots(params, slots);
            return Err(e);
        }
    }
    let r = check_and_default(fd, params, qualname, npos, given, var_pos.is_some(), slots);
    if r.is_err() {
        clear_slots(params, slots);
    }
    r
}

/// Binds keyword argument `k` = `v` (owned; taken over only on success).
fn bind_keyword(
    params: &[ParamCode],
    qualname: &str,
    kwnames: &[Value],
    var_kw: Option<usize>,
    slots: &mut [Value],
    k: Value,
    v: Value,
) -> R<()> {
    let Some(key) = str_opt(k) else {
        return type_error(format!("{qualname}() keywords must be strings"));
    };
    let found = params.iter().position(|p| {
        (p.kind == PARAM_POS_OR_KW || p.kind == PARAM_KW_ONLY) && param_name(p) == key
    });
    if let Some(j) = found {
        if slots[j] != Value::UNBOUND {
            return type_error(format!(
                "{qualname}() got multiple values for argument '{key}'"
            ));
        }
        slots[j] = v;
        return Ok(());
    }
    if let Some(vk) = var_kw {
        dict_data(slots[vk]).set(k, v)?;
        crate::object::decref(v);
        return Ok(());
    }
    // CPython reports every keyword that names a positional-only parameter, else this one.
    let posonly_as_kw: Vec<&str> = kwnames
        .iter()
        .filter_map(|k| str_opt(*k))
        .filter(|k| {
            params
                .iter()
                .any(|p| p.kind == PARAM_POS_ONLY && param_name(p) == *k)
        })
        .collect();
    if !posonly_as_kw.is_empty() {
        return type_error(format!(
            "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        ));
    }
    type_error(format!(
        "{qualname}() got an unexpected keyword argument '{key}'"
    ))
}

/// The checks after the arguments are placed: too many positional arguments, then defaults
/// for the unbound parameters (new references) and the missing ones.
fn check_and_default(
    fd: &FunctionData,
    params: &[ParamCode],
    qualname: &str,
    npos: usize,
    given: usize,
    has_var_pos: bool,
    slots: &mut [Value],
) -> R<()> {
    // Too many positional arguments.
    if given > npos && !has_var_pos {
        let defcount = params[..npos].iter().filter(|p| p.has_default != 0).count();
        let kwonly_given = params
            .iter()
            .enumerate()
            .filter(|(j, p)| p.kind == PARAM_KW_ONLY && slots[*j] != Value::UNBOUND)
            .count();
        let (sig, plural_args) = if defcount > 0 {
            (format!("from {} to {}", npos - defcount, npos), true)
        } else {
            (npos.to_string(), npos != 1)
        };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                plural(given),
                kwonly_given,
                plural(kwonly_given)
            )
        } else {
            String::new()
        };
        return type_error(format!(
            "{qualname}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
            if plural_args { "s" } else { "" },
            if given == 1 && kwonly_given == 0 {
                "was"
            } else {
                "were"
            }
        ));
    }
    // Defaults and missing arguments.
    let mut missing_pos: Vec<&str> = Vec::new();
    let mut missing_kw: Vec<&str> = Vec::new();
    let mut d = 0;
    // Defaults the program assigned (`f.__defaults__ = ...`): the tuple covers the last
    // positional parameters, the dict the keyword-only ones by name.
    let overrides = crate::attr::function_default_overrides(fd);
    for (j, p) in params.iter().enumerate() {
        if p.kind == PARAM_VAR_POS || p.kind == PARAM_VAR_KW {
            continue;
        }
        let mut default = if p.has_default != 0 {
            let dv = fd.defaults.get(d).copied();
            d += 1;
            dv
        } else {
            None
        };
        match overrides {
            Some((pos, _)) if pos != Value::UNBOUND && j < npos => {
                default = None;
                if crate::tuple::is_tuple(pos) {
                    let items = crate::tuple::tuple_items(pos);
                    if j + items.len() >= npos {
                        default = Some(items[j + items.len() - npos]);
                    }
                }
            }
            Some((_, kw)) if kw != Value::UNBOUND && p.kind == PARAM_KW_ONLY => {
                default = None;
                if crate::dict::is_dict(kw) {
                    default = dict_data(kw).get_str(param_name(p));
                }
            }
            _ => {}
        }
        if slots[j] != Value::UNBOUND {
            continue;
        }
        match default {
            Some(dv) => slots[j] = crate::object::incref(dv),
            None if p.kind == PARAM_KW_ONLY => missing_kw.push(param_name(p)),
            None => missing_pos.push(param_name(p)),
        }
    }
    if !missing_pos.is_empty() {
        return missing_arguments(qualname, &missing_pos, "positional");
    }
    if !missing_kw.is_empty() {
        return missing_arguments(qualname, &missing_kw, "keyword-only");
    }
    Ok(())
}

fn missing_arguments(qualname: &str, names: &[&str], kind: &str) -> R<()> {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    type_error(format!(
        "{qualname}() missing {} required {kind} argument{}: {list}",
        names.len(),
        plural(names.len())
    ))
}

/// `callee(*args, **kwargs)` with a tuple (or any iterable; unbound for none) and a dict (or
/// `None`).
pub fn call_ex(callee: Value, args: Value, kwargs: Value) -> R<Ref> {
    // Released last first after the call, as CPython releases the argument tuple.
    let pos: RefVec = if crate::tuple::is_tuple(args) {
        RefVec(
            crate::tuple::tuple_items(args)
                .iter()
                .map(|v| Ref::dup(*v))
                .collect(),
        )
    } else if args == Value::UNBOUND {
        RefVec::new()
    } else if !crate::iter::has_iter_protocol(args) {
        return type_error(format!(
            "{} argument after * must be an iterable, not {}",
            function_str(callee),
            type_name(args)
        ));
    } else {
        crate::iter::collect_vec(args)?
    };
    let mut vals: Vec<Value> = pos.iter().map(Ref::v).collect();
    let npos = vals.len();
    let mut names: Vec<Ref> = Vec::new();
    if crate::dict::is_dict(kwargs) {
        for (k, v) in dict_data(kwargs).items() {
            if str_opt(k).is_none() {
                return type_error("keywords must be strings");
            }
            names.push(Ref::dup(k));
            vals.push(v);
        }
    } else if !kwargs.is_none() && kwargs != Value::UNBOUND {
        return type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            function_str(callee),
            type_name(kwargs)
        ));
    }
    // Keep the values alive while calling (the dict could be mutated by the callee).
    let _keep: Vec<Ref> = vals[npos..].iter().map(|v| Ref::dup(*v)).collect();
    let kwnames: Vec<Value> = names.iter().map(Ref::v).collect();
    call(
        callee,
        Args {
            pos: &vals[..npos],
            kwnames: &kwnames,
            kwvals: &vals[npos..],
        },
    )
}

/// Merges the mapping `m` into the keyword-argument dict `kw` of a call of `callee`
/// (`callee(**m)`, and the keywords written after a `**`), as CPython's `DICT_MERGE`: a
/// dict is read directly, another object through `keys()` and `m[key]`.
///
/// Errors: `TypeError` "keywords must be strings" for a non-str key, "f() got multiple
/// values for keyword argument 'k'" for a key already present, "f() argument after **
/// must be a mapping, not T" for an object without `keys`; errors of `keys()`/`m[key]`
/// propagate.
pub fn kwargs_merge(callee: Value, kw: Value, m: Value) -> R<()> {
    let pairs: Vec<(Ref, Ref)> = if let Some(src) = crate::dict::merge_source(m) {
        dict_data(src)
            .items()
            .into_iter()
            .map(|(k, v)| (Ref::dup(k), Ref::dup(v)))
            .collect()
    } else {
        match crate::dict::mapping_items(m)? {
            Some(pairs) => pairs,
            None => {
                return type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    function_str(callee),
                    type_name(m)
                ));
            }
        }
    };
    let d = dict_data(kw);
    for (k, v) in pairs {
        let Some(name) = str_opt(k.v()) else {
            return type_error("keywords must be strings");
        };
        if d.contains(k.v())? {
            return type_error(format!(
                "{} got multiple values for keyword argument '{name}'",
                function_str(callee)
            ));
        }
        d.set(k.v(), v.v())?;
    }
    Ok(())
}

/// A callable as CPython's error messages about call arguments name it
/// (`_PyObject_FunctionStr`): `module.qualname()`, or `qualname()` for builtins, e.g.
/// `__main__.C.m()`, `math.sqrt()`, `print()`.
pub fn function_str(f: Value) -> String {
    let qualname = callable_name(f);
    // The hidden builtin a class statement calls is CPython's `__build_class__`.
    if qualname == crate::class::CLASS_PREPARE {
        return "__build_class__()".into();
    }
    let module = crate::attr::getattr_str(f, "__module__")
        .ok()
        .and_then(|m| str_opt(m.v()).map(str::to_owned));
    if crate::exceptions::peek_pending() != Value::UNBOUND {
        drop(crate::exceptions::take_pending());
    }
    match module {
        Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

/// A callable's name for error messages.
pub fn callable_name(f: Value) -> String {
    match crate::attr::getattr_str(f, "__qualname__").and_then(|n| crate::ops::str_string(n.v())) {
        Ok(s) => s,
        Err(Raised) => {
            drop(crate::exceptions::take_pending());
            type_name(f)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{ParamCode, alloc_ref};
    use molt_abi::descriptor::{Addr, CodeAddr};

    extern "C" fn echo_entry(_func: Value, args: *const Value) -> Value {
        // Returns a tuple of the bound parameters (3 of them in these tests), which it owns.
        // SAFETY: the runtime passes one value per parameter.
        let s = unsafe { std::slice::from_raw_parts(args, 3) };
        let t = crate::tuple::tuple_from_slice(s).into_raw();
        // Compiled code owns its parameters.
        crate::object::decref_all(s);
        t
    }

    fn p(name: &'static str, kind: u32, has_default: u32) -> ParamCode {
        ParamCode {
            name: Addr::new(name.as_ptr()),
            name_len: name.len() as u64,
            kind,
            has_default,
        }
    }

    fn make(params: &'static [ParamCode], defaults: &[Value]) -> Ref {
        let code: &'static FunctionCode = Box::leak(Box::new(FunctionCode {
            name: Addr::new("f".as_ptr()),
            name_len: 1,
            nparams: params.len() as u32,
            flags: 0,
            params: Addr::new(params.as_ptr()),
            entry: CodeAddr::new(echo_entry as *const () as usize),
            debug: Addr::NULL,
            debug_len: 0,
        }));
        alloc_ref(
            Kind::Function,
            FunctionData {
                code,
                defaults: defaults.iter().map(|v| crate::object::incref(*v)).collect(),
                closure: Box::new([]),
                module: Value::NONE,
                name: crate::str::str_intern("f"),
                qualname: crate::str::str_intern("f"),
                simple: std::cell::Cell::new(is_simple(code)),
                extra: std::cell::UnsafeCell::new(None),
            },
        )
    }

    fn int(i: i64) -> Value {
        Value::inline_int(i).unwrap_or(Value::NONE)
    }

    fn err_message(r: R<Ref>) -> String {
        assert!(r.is_err());
        let e = crate::exceptions::take_pending().unwrap();
        crate::exceptions::exception_line(e.v())
    }

    #[test]
    fn binding_errors_match_cpython() {
        let params: &'static [ParamCode] =
            Box::leak(Box::new([p("a", 1, 0), p("b", 1, 0), p("c", 1, 1)]));
        let f = make(params, &[int(3)]);
        let ok = call(f.v(), Args::positional(&[int(1), int(2)])).unwrap();
        assert_eq!(crate::ops::repr_string(ok.v()).unwrap(), "(1, 2, 3)");
        assert_eq!(
            err_message(call(
                f.v(),
                Args::positional(&[int(1), int(2), int(3), int(4)])
            )),
            "TypeError: f() takes from 2 to 3 positional arguments but 4 were given"
        );
        assert_eq!(
            err_message(call(f.v(), Args::positional(&[int(1)]))),
            "TypeError: f() missing 1 required positional argument: 'b'"
        );
        assert_eq!(
            err_message(call(f.v(), Args::positional(&[]))),
            "TypeError: f() missing 2 required positional arguments: 'a' and 'b'"
        );
        let x = crate::str::str_intern("x");
        assert_eq!(
            err_message(call(
                f.v(),
                Args {
                    pos: &[int(1), int(2)],
                    kwnames: &[x],
                    kwvals: &[int(5)]
                }
            )),
            "TypeError: f() got an unexpected keyword argument 'x'"
        );
        let a = crate::str::str_intern("a");
        assert_eq!(
            err_message(call(
                f.v(),
                Args {
                    pos: &[int(1), int(2)],
                    kwnames: &[a],
                    kwvals: &[int(5)]
                }
            )),
            "TypeError: f() got multiple values for argument 'a'"
        );
        let b = crate::str::str_intern("b");
        let ok = call(
            f.v(),
            Args {
                pos: &[int(1)],
                kwnames: &[b],
                kwvals: &[int(7)],
            },
        )
        .unwrap();
        assert_eq!(crate::ops::repr_string(ok.v()).unwrap(), "(1, 7, 3)");
    }

    #[test]
    fn star_args_and_kwargs_are_collected() {
        let params: &'static [ParamCode] =
            Box::leak(Box::new([p("a", 1, 0), p("args", 2, 0), p("kw", 4, 0)]));
        let f = make(params, &[]);
        let k = crate::str::str_intern("k");
        let r = call(
            f.v(),
            Args {
                pos: &[int(1), int(2), int(3)],
                kwnames: &[k],
                kwvals: &[int(4)],
            },
        )
        .unwrap();
        assert_eq!(
            crate::ops::repr_string(r.v()).unwrap(),
            "(1, (2, 3), {'k': 4})"
        );
        let params2: &'static [ParamCode] =
            Box::leak(Box::new([p("a", 1, 0), p("b", 1, 0), p("c", 3, 0)]));
        let g = make(params2, &[]);
        assert_eq!(
            err_message(call(g.v(), Args::positional(&[int(1), int(2)]))),
            "TypeError: f() missing 1 required keyword-only argument: 'c'"
        );
        let one: &'static [ParamCode] =
            Box::leak(Box::new([p("a", 1, 0), p("b", 3, 1), p("c", 3, 1)]));
        let h = make(one, &[int(0), int(0)]);
        let bname = crate::str::str_intern("b");
        assert_eq!(
            err_message(call(
                h.v(),
                Args {
                    pos: &[int(1), int(2)],
                    kwnames: &[bname],
                    kwvals: &[int(3)]
                }
            )),
            "TypeError: f() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given"
        );
    }

    #[test]
    fn recursion_limit_raises_recursion_error() {
        thread_local! {
            static F: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NONE) };
        }
        extern "C" fn recurse(_func: Value, _args: *const Value) -> Value {
            let f = F.with(|c| c.get());
            crate::exceptions::to_abi(call(f, Args::positional(&[])))
        }
        let code: &'static FunctionCode = Box::leak(Box::new(FunctionCode {
            name: Addr::new("r".as_ptr()),
            name_len: 1,
            nparams: 0,
            flags: 0,
            params: Addr::NULL,
            entry: CodeAddr::new(recurse as *const () as usize),
            debug: Addr::NULL,
            debug_len: 0,
        }));
        let f = alloc_ref(
            Kind::Function,
            FunctionData {
                code,
                defaults: Box::new([]),
                closure: Box::new([]),
                module: Value::NONE,
                name: crate::str::str_intern("r"),
                qualname: crate::str::str_intern("r"),
                simple: std::cell::Cell::new(true),
                extra: std::cell::UnsafeCell::new(None),
            },
        );
        F.with(|c| c.set(f.v()));
        let r = call(f.v(), Args::positional(&[]));
        assert_eq!(
            err_message(r),
            "RecursionError: maximum recursion depth exceeded"
        );
        assert_eq!(rt().depth.get(), 0);
    }
}
