//! The builtins namespace: `print`, `len`, `min`/`max`, `sum`, `sorted`, `enumerate`, `zip`,
//! `map`, `filter`, `round`, `divmod`, `pow`, `isinstance`, `getattr`, ... plus the builtin
//! classes and exception classes, installed into `Runtime::builtins`.

use crate::class::{is_class, is_subclass, isinstance_class, make_builtin, type_name};
use crate::dict::dict_set_str;
use crate::exceptions::{
    ExcKind, R, Raised, pending_is, raise, raise_with, take_pending, type_error, value_error,
};
use crate::int::{IntV, int_from_i64, int_view};
use crate::iter::{native_iter, py_iter, py_next};
use crate::object::{Args, BuiltinFn, Kind, Ref, is_kind, kind};
use crate::ops::{is_true, py_lt_bool};
use crate::state::{Runtime, rt};
use crate::str::{str_from_owned, str_opt};
use crate::value::Value;

/// `bool(x)`.
pub fn bool_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.range::<1>("bool", 0)?;
    match x {
        None => Ok(Ref::new(Value::FALSE)),
        Some(v) => Ok(Ref::new(Value::from_bool(is_true(v)?))),
    }
}

/// `NoneType()`.
pub fn none_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    if !args.is_empty() {
        return type_error("NoneType takes no arguments");
    }
    Ok(Ref::NONE)
}

/// `slice(stop)` / `slice(start, stop[, step])`.
pub fn slice_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("slice")?;
    match args.pos {
        [stop] => Ok(crate::ops::slice_new(Value::NONE, *stop, Value::NONE)),
        [start, stop] => Ok(crate::ops::slice_new(*start, *stop, Value::NONE)),
        [start, stop, step] => Ok(crate::ops::slice_new(*start, *stop, *step)),
        [] => type_error("slice expected at least 1 argument, got 0"),
        _ => type_error(format!(
            "slice expected at most 3 arguments, got {}",
            args.pos.len()
        )),
    }
}

fn b_print(_: Value, args: Args<'_>) -> R<Ref> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::NONE;
    let mut flush = false;
    // Argument Clinic rejects an unknown keyword before looking at any value.
    if let Some(key) = args
        .kwnames
        .iter()
        .map(|k| str_opt(*k).unwrap_or(""))
        .find(|k| !matches!(*k, "sep" | "end" | "file" | "flush"))
    {
        return type_error(format!(
            "'{key}' is an invalid keyword argument for print()"
        ));
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let key = str_opt(*k).unwrap_or("");
        let as_text = |what: &str| -> R<Option<String>> {
            if v.is_none() {
                return Ok(None);
            }
            match str_opt(*v) {
                Some(s) => Ok(Some(s.to_string())),
                None => type_error(format!(
                    "{what} must be None or a string, not {}",
                    type_name(*v)
                )),
            }
        };
        match key {
            "sep" => sep = as_text("sep")?.unwrap_or_else(|| " ".into()),
            "end" => end = as_text("end")?.unwrap_or_else(|| "\n".into()),
            "file" => file = *v,
            "flush" => flush = is_true(*v)?,
            _ => {
                return type_error(format!(
                    "'{key}' is an invalid keyword argument for print()"
                ));
            }
        }
    }
    // `file=None` is `sys.stdout` as the program set it (nothing printed when it is None).
    let file = if file.is_none() {
        Ref::dup(crate::modules::sys_stream(1)?)
    } else {
        Ref::dup(file)
    };
    let file = file.v();
    if file.is_none() {
        return Ok(Ref::NONE);
    }
    // CPython writes each piece (item, separator, end) with its own `write` call, and an
    // item's `str()` runs between them. A file object of the runtime buffers the text and
    // writes it before any Python code runs (an item's `__str__`) and before an error, which
    // is the same output; another object gets every piece through its `write`.
    let stdout = file == crate::modules::std_stream(1);
    let native = stdout || is_kind(file, Kind::File);
    let mut out = String::new();
    // (The last write happens even when empty: CPython always writes `end`, a call that
    // counts for the recursion limit.)
    let emit = |out: &mut String, last: bool| -> R<()> {
        if out.is_empty() && !last {
            return Ok(());
        }
        if stdout {
            crate::io::write_stdout_counted(out)?;
        } else {
            crate::io::write_to(file, out)?;
        }
        out.clear();
        Ok(())
    };
    let put = |out: &mut String, piece: &str| -> R<()> {
        if native {
            out.push_str(piece);
            Ok(())
        } else {
            crate::io::write_to(file, piece)
        }
    };
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            put(&mut out, &sep)?;
        }
        if crate::str::is_str(*v) {
            put(&mut out, crate::str::as_str(*v))?;
        } else {
            // Plain values format without running Python code.
            let plain = !v.is_ptr() || matches!(kind(*v), Kind::BigInt | Kind::Str);
            if !plain {
                emit(&mut out, false)?;
            }
            let text = match crate::ops::str_string(*v) {
                Ok(t) => t,
                Err(e) => {
                    emit(&mut out, false)?;
                    return Err(e);
                }
            };
            put(&mut out, &text)?;
        }
    }
    put(&mut out, &end)?;
    if native {
        emit(&mut out, true)?;
    }
    if flush {
        if is_kind(file, Kind::File) {
            // Only stdout is buffered.
            if crate::io::file_fd(file) == 1 {
                crate::io::flush_stdout();
            }
        } else {
            let name = crate::str::str_intern("flush");
            crate::call::call_method(file, name, Args::positional(&[]))?;
        }
    }
    Ok(Ref::NONE)
}

fn b_len(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.exact("len")?;
    Ok(int_from_i64(crate::ops::py_len_i64(x)?))
}

fn b_abs(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.exact("abs")?;
    if let Some(i) = int_view(x) {
        return Ok(crate::int::int_abs(i));
    }
    if x.is_float() {
        return Ok(Ref::new(Value::from_f64(x.as_f64().abs())));
    }
    if crate::complex::is_complex(x) {
        return crate::complex::complex_abs(x);
    }
    if let Some(r) = crate::class::call_dunder(x, "__abs__", &[])? {
        return Ok(r);
    }
    type_error(format!("bad operand type for abs(): '{}'", type_name(x)))
}

fn min_max(args: Args<'_>, name: &str, want_max: bool) -> R<Ref> {
    let mut key = None;
    let mut default = None;
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        match str_opt(*k).unwrap_or("") {
            "key" => key = Some(*v).filter(|v| !v.is_none()),
            "default" => default = Some(*v),
            other => {
                return type_error(format!(
                    "'{other}' is an invalid keyword argument for {name}()"
                ));
            }
        }
    }
    // One iterable is consumed lazily, each item's key computed and compared as it comes
    // (as CPython: the iterator's side effects interleave with the key function's, and a
    // comparison error stops the iteration).
    let it: Option<Ref> = match args.pos {
        [] => return type_error(format!("{name} expected at least 1 argument, got 0")),
        [it] => Some(crate::iter::py_iter(*it)?),
        _ => {
            if default.is_some() {
                return type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                ));
            }
            None
        }
    };
    let mut next_arg = 0;
    // (key, item): on an error the key is released before the item, then the iterator, as
    // CPython does.
    let mut best: Option<(Ref, Ref)> = None;
    loop {
        let item = match &it {
            Some(it) => match crate::iter::py_next(it.v())? {
                Some(x) => x,
                None => break,
            },
            None => match args.pos.get(next_arg) {
                Some(v) => {
                    next_arg += 1;
                    Ref::dup(*v)
                }
                None => break,
            },
        };
        let k = match key {
            Some(f) => crate::ops::call1(f, item.v())?,
            None => item.clone(),
        };
        match &best {
            None => best = Some((k, item)),
            Some((bk, _)) => {
                let better = if want_max {
                    let r = crate::ops::rich_compare(crate::ops::cmp::GT, k.v(), bk.v())?;
                    is_true(r.v())?
                } else {
                    py_lt_bool(k.v(), bk.v())?
                };
                if better {
                    best = Some((k, item));
                } else {
                    drop(item);
                    drop(k);
                }
            }
        }
    }
    match best {
        Some((_, item)) => Ok(item),
        None => match default {
            Some(d) => Ok(Ref::dup(d)),
            None => value_error(format!("{name}() arg is an empty sequence")),
        },
    }
}

fn b_min(_: Value, args: Args<'_>) -> R<Ref> {
    min_max(args, "min", false)
}

fn b_max(_: Value, args: Args<'_>) -> R<Ref> {
    min_max(args, "max", true)
}

fn b_sum(_: Value, args: Args<'_>) -> R<Ref> {
    let [it, start] = args.bind("sum", &["iterable", "start"], 1)?;
    let start = start.unwrap_or(Value::inline_int(0).unwrap_or(Value::NONE));
    if str_opt(start).is_some() {
        return type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    if crate::bytes::is_bytes(start) {
        return type_error("sum() can't sum bytes [use b''.join(seq) instead]");
    }
    if crate::bytes::is_bytearray(start) {
        return type_error("sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    let iter = py_iter(it.unwrap_or(Value::NONE))?;
    let mut acc = Ref::dup(start);
    // Fast paths: machine ints, then floats; fall back to `+`.
    let mut small: Option<i64> = if acc.v().is_inline_int() {
        Some(acc.v().as_inline_int())
    } else {
        None
    };
    let mut float: Option<f64> = if acc.v().is_float() {
        Some(acc.v().as_f64())
    } else {
        None
    };
    while let Some(x) = py_next(iter.v())? {
        if let Some(s) = small {
            if x.v().is_inline_int() {
                if let Some(n) = s.checked_add(x.v().as_inline_int()) {
                    small = Some(n);
                    continue;
                }
            }
            acc = int_from_i64(s);
            small = None;
        }
        if let Some(f) = float {
            if x.v().is_float() {
                float = Some(f + x.v().as_f64());
                continue;
            }
            if x.v().is_inline_int() {
                float = Some(f + x.v().as_inline_int() as f64);
                continue;
            }
            acc = Ref::new(Value::from_f64(f));
            float = None;
        }
        acc = crate::ops::binary(crate::int::op::ADD, acc.v(), x.v())?;
        if acc.v().is_float() {
            float = Some(acc.v().as_f64());
        }
    }
    if let Some(s) = small {
        return Ok(int_from_i64(s));
    }
    if let Some(f) = float {
        return Ok(Ref::new(Value::from_f64(f)));
    }
    Ok(acc)
}

fn b_repr(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.exact("repr")?;
    crate::ops::py_repr(x)
}

fn b_ascii(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.exact("ascii")?;
    crate::ops::py_ascii(x)
}

fn b_format(_: Value, args: Args<'_>) -> R<Ref> {
    let [x, spec] = args.range::<2>("format", 1)?;
    let spec = match spec {
        Some(s) => match str_opt(s) {
            Some(t) => t,
            None => {
                return type_error(format!(
                    "format() argument 2 must be str, not {}",
                    crate::class::arg_type_name(s)
                ));
            }
        },
        None => "",
    };
    crate::format::format_value(x.unwrap_or(Value::NONE), spec)
}

/// `isinstance(obj, classinfo)` (classes or nested tuples of classes).
/// A class whose metaclass defines `__instancecheck__` decides through it (CPython's
/// `PyObject_IsInstance`), except when `obj` is exactly of that class.
pub fn isinstance_any(obj: Value, classinfo: Value) -> R<bool> {
    if is_class(classinfo) {
        if crate::class::type_of(obj) != classinfo
            && let Some(hook) = crate::class::meta_hook(classinfo, "__instancecheck__")
        {
            let hook = Ref::dup(hook);
            let r = crate::call::call_found(
                hook.v(),
                classinfo,
                crate::class::type_of(classinfo),
                Args::positional(&[obj]),
            )?;
            return crate::ops::is_true(r.v());
        }
        return Ok(isinstance_class(obj, classinfo));
    }
    if crate::tuple::is_tuple(classinfo) {
        for c in crate::tuple::tuple_items(classinfo) {
            if isinstance_any(obj, *c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    // CPython's `PyObject_IsInstance`: any other object decides through the
    // `__instancecheck__` of its type (`typing.List`).
    if let Some(r) = crate::class::call_dunder(classinfo, "__instancecheck__", &[obj])? {
        return crate::ops::is_true(r.v());
    }
    type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
}

fn b_isinstance(_: Value, args: Args<'_>) -> R<Ref> {
    let [obj, classinfo] = args.exact("isinstance")?;
    Ok(Ref::new(Value::from_bool(isinstance_any(obj, classinfo)?)))
}

/// `issubclass(cls, classinfo)`: a class whose metaclass defines `__subclasscheck__`
/// decides through it (whatever `cls` is, as in CPython's `PyObject_IsSubclass`); otherwise
/// `cls` must be a class.
fn issubclass_any(cls: Value, classinfo: Value) -> R<bool> {
    if is_class(classinfo) {
        if let Some(hook) = crate::class::meta_hook(classinfo, "__subclasscheck__") {
            let hook = Ref::dup(hook);
            let r = crate::call::call_found(
                hook.v(),
                classinfo,
                crate::class::type_of(classinfo),
                Args::positional(&[cls]),
            )?;
            return crate::ops::is_true(r.v());
        }
        if !is_class(cls) {
            return type_error("issubclass() arg 1 must be a class");
        }
        return Ok(is_subclass(cls, classinfo));
    }
    if crate::tuple::is_tuple(classinfo) {
        for c in crate::tuple::tuple_items(classinfo) {
            if issubclass_any(cls, *c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(r) = crate::class::call_dunder(classinfo, "__subclasscheck__", &[cls])? {
        return crate::ops::is_true(r.v());
    }
    if !is_class(cls) {
        return type_error("issubclass() arg 1 must be a class");
    }
    type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
}

fn b_issubclass(_: Value, args: Args<'_>) -> R<Ref> {
    let [cls, classinfo] = args.exact("issubclass")?;
    Ok(Ref::new(Value::from_bool(issubclass_any(cls, classinfo)?)))
}

pub(crate) fn b_enumerate(_: Value, args: Args<'_>) -> R<Ref> {
    let [it, start] = args.bind("enumerate", &["iterable", "start"], 1)?;
    let iter = py_iter(it.unwrap_or(Value::NONE))?;
    let mut counter: Ref = match start {
        Some(s) => {
            if int_view(s).is_none() {
                return type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(s)
                ));
            }
            Ref::dup(s)
        }
        None => int_from_i64(0),
    };
    Ok(native_iter(crate::object::IterType::Enumerate, move || {
        let Some(x) = py_next(iter.v())? else {
            return Ok(None);
        };
        let next = match counter.v().is_inline_int() {
            true => int_from_i64(counter.v().as_inline_int() + 1),
            false => crate::ops::binary(
                crate::int::op::ADD,
                counter.v(),
                Value::inline_int(1).unwrap_or(Value::NONE),
            )?,
        };
        let idx = std::mem::replace(&mut counter, next);
        Ok(Some(crate::tuple::tuple_from_array([idx, x])))
    }))
}

pub(crate) fn b_zip(_: Value, args: Args<'_>) -> R<Ref> {
    let mut strict = false;
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        match str_opt(*k).unwrap_or("") {
            "strict" => strict = is_true(*v)?,
            other => {
                return type_error(format!(
                    "'{other}' is an invalid keyword argument for zip()"
                ));
            }
        }
    }
    let mut iters = Vec::with_capacity(args.pos.len());
    for a in args.pos {
        iters.push(py_iter(*a)?);
    }
    let mut done = false;
    Ok(native_iter(crate::object::IterType::Zip, move || {
        if done || iters.is_empty() {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(iters.len());
        for (i, it) in iters.iter().enumerate() {
            match py_next(it.v())? {
                Some(x) => items.push(x),
                None => {
                    done = true;
                    if strict {
                        if i > 0 {
                            let plural = if i == 1 { " " } else { "s 1-" };
                            return value_error(format!(
                                "zip() argument {} is shorter than argument{plural}{i}",
                                i + 1
                            ));
                        }
                        for (j, other) in iters.iter().enumerate().skip(1) {
                            if py_next(other.v())?.is_some() {
                                let plural = if j == 1 { " " } else { "s 1-" };
                                return value_error(format!(
                                    "zip() argument {} is longer than argument{plural}{j}",
                                    j + 1
                                ));
                            }
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(crate::tuple::tuple_from_vec(items)))
    }))
}

pub(crate) fn b_map(_: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("map")?;
    let Some((f, its)) = args.pos.split_first() else {
        return type_error("map() must have at least two arguments.");
    };
    if its.is_empty() {
        return type_error("map() must have at least two arguments.");
    }
    let f = Ref::dup(*f);
    let mut iters = Vec::with_capacity(its.len());
    for a in its {
        iters.push(py_iter(*a)?);
    }
    Ok(native_iter(crate::object::IterType::Map, move || {
        let mut items = Vec::with_capacity(iters.len());
        for it in &iters {
            match py_next(it.v())? {
                Some(x) => items.push(x),
                None => return Ok(None),
            }
        }
        let vals: Vec<Value> = items.iter().map(Ref::v).collect();
        crate::call::call(f.v(), Args::positional(&vals)).map(Some)
    }))
}

pub(crate) fn b_filter(_: Value, args: Args<'_>) -> R<Ref> {
    let [f, it] = args.exact("filter")?;
    let f = Ref::dup(f);
    let iter = py_iter(it)?;
    Ok(native_iter(crate::object::IterType::Filter, move || {
        while let Some(x) = py_next(iter.v())? {
            let keep = if f.v().is_none() {
                is_true(x.v())?
            } else {
                let r = crate::ops::call1(f.v(), x.v())?;
                is_true(r.v())?
            };
            if keep {
                return Ok(Some(x));
            }
        }
        Ok(None)
    }))
}

fn b_sorted(_: Value, args: Args<'_>) -> R<Ref> {
    let Some(it) = args.pos.first() else {
        return type_error("sorted expected 1 argument, got 0");
    };
    if args.pos.len() > 1 {
        return type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        ));
    }
    // As CPython: the list first, then `list.sort`'s arguments.
    let stamp = crate::finalize::stamp();
    let l = crate::list::list_made_at(crate::iter::collect_vec(*it)?.into_vec(), stamp);
    let rest = Args {
        pos: &[],
        kwnames: args.kwnames,
        kwvals: args.kwvals,
    };
    let (key, reverse) = crate::list::sort_args(rest)?;
    crate::list::list_sort(l.v(), key, reverse)?;
    Ok(l)
}

pub(crate) fn b_reversed(_: Value, args: Args<'_>) -> R<Ref> {
    let [seq] = args.exact("reversed")?;
    if crate::list::is_list(seq) || crate::tuple::is_tuple(seq) {
        return Ok(crate::iter::reversed_seq(seq));
    }
    if crate::range::is_range(seq) {
        return crate::range::range_reversed(seq);
    }
    if crate::str::is_str(seq) {
        // A `reversed` object (CPython's, over the sequence protocol), of the characters.
        let mut chars: Vec<Ref> = crate::str::as_str(seq)
            .chars()
            .map(crate::str::str_from_char)
            .collect();
        return Ok(native_iter(crate::object::IterType::Reversed, move || {
            Ok(chars.pop())
        }));
    }
    if crate::dict::is_dict(seq) || is_kind(seq, Kind::DictView) {
        return Ok(crate::dict::dict_reversed(seq));
    }
    if crate::memoryview::is_memoryview(seq) {
        // The sequence protocol: the length now, an item per step (a view released or
        // of several dimensions raises at that step, as CPython's).
        let mut i = crate::memoryview::len(seq)?;
        let obj = Ref::dup(seq);
        return Ok(native_iter(crate::object::IterType::Reversed, move || {
            if i <= 0 {
                return Ok(None);
            }
            i -= 1;
            crate::memoryview::getitem(obj.v(), crate::int::int_from_i64(i).v()).map(Some)
        }));
    }
    if crate::bytes::bytes_like(seq).is_some() {
        // A `reversed` object over the sequence protocol, as CPython's for bytes.
        let mut i = crate::bytes::bytes_data(seq).len();
        let obj = Ref::dup(seq);
        return Ok(native_iter(crate::object::IterType::Reversed, move || {
            let d = crate::bytes::bytes_data(obj.v());
            if i == 0 || i > d.len() {
                i = 0;
                return Ok(None);
            }
            i -= 1;
            Ok(Some(int_from_i64(d[i] as i64)))
        }));
    }
    if is_kind(seq, Kind::Instance) || crate::class::meta_hook(seq, "__reversed__").is_some() {
        if let Some(r) = crate::class::call_dunder(seq, "__reversed__", &[])? {
            return Ok(r);
        }
        if crate::class::has_dunder(seq, "__len__") && crate::class::has_dunder(seq, "__getitem__")
        {
            let mut i = crate::ops::py_len(seq)? as i64;
            let obj = Ref::dup(seq);
            return Ok(native_iter(crate::object::IterType::Reversed, move || {
                if i <= 0 {
                    return Ok(None);
                }
                i -= 1;
                let idx = int_from_i64(i);
                crate::ops::getitem(obj.v(), idx.v()).map(Some)
            }));
        }
    }
    type_error(format!("'{}' object is not reversible", type_name(seq)))
}

/// The `ndigits` of `round()`: an index, clipped to the `i64` range as CPython clips it
/// to `Py_ssize_t`.
fn ndigits_arg(n: Value) -> R<i64> {
    match int_view(n) {
        Some(v @ IntV::Big(_)) => Ok(if v.is_negative() { i64::MIN } else { i64::MAX }),
        _ => crate::int::index_i64(n),
    }
}

fn round_int(i: IntV<'_>, nd: i64) -> Ref {
    if nd >= 0 {
        return crate::int::int_from_big(i.to_big());
    }
    if nd < -(1 << 32) || (nd < -1_000_000 && (-nd) as u64 > 4 * i.to_big().bits() + 4) {
        // 10**-nd is far above |i|: the rounded value is 0 (CPython computes the power).
        return crate::int::int_from_i64(0);
    }
    use num_integer::Integer;
    let x = i.to_big();
    let p = num_traits::pow::Pow::pow(num_bigint::BigInt::from(10), nd.unsigned_abs() as u32);
    let (q, r) = x.div_mod_floor(&p);
    let twice: num_bigint::BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    crate::int::int_from_big(q * p)
}

fn b_round(_: Value, args: Args<'_>) -> R<Ref> {
    let [x, nd] = args.bind("round", &["number", "ndigits"], 1)?;
    round_value(x.unwrap_or(Value::NONE), nd)
}

/// `round(x[, ndigits])` (`ndigits` absent or `None`: round to an int, ties to even).
pub fn round_value(x: Value, nd: Option<Value>) -> R<Ref> {
    let nd = nd.filter(|v| !v.is_none());
    if let Some(i) = int_view(x) {
        return match nd {
            None => Ok(crate::int::int_from_big(i.to_big())),
            Some(n) => Ok(round_int(i, ndigits_arg(n)?)),
        };
    }
    if x.is_float() {
        let f = x.as_f64();
        return match nd {
            None => crate::int::float_to_int(crate::float::round_half_even(f)),
            Some(n) => Ok(Ref::new(Value::from_f64(crate::float::round_f64(
                f,
                ndigits_arg(n)?,
            )?))),
        };
    }
    if is_kind(x, Kind::Instance) {
        let extra: Vec<Value> = nd.into_iter().collect();
        if let Some(r) = crate::class::call_dunder(x, "__round__", &extra)? {
            return Ok(r);
        }
    }
    type_error(format!(
        "type {} doesn't define __round__ method",
        type_name(x)
    ))
}

fn b_divmod(_: Value, args: Args<'_>) -> R<Ref> {
    let [a, b] = args.exact("divmod")?;
    if let (Some(x), Some(y)) = (int_view(a), int_view(b)) {
        if y.is_zero() {
            return crate::exceptions::zero_division("integer division or modulo by zero");
        }
        let q = crate::int::int_binop(crate::int::op::FLOORDIV, x, y)?.unwrap_or(Ref::NONE);
        let r = crate::int::int_binop(crate::int::op::MOD, x, y)?.unwrap_or(Ref::NONE);
        return Ok(crate::tuple::tuple_from_array([q, r]));
    }
    if let (Some(x), Some(y)) = (crate::float::numeric_f64(a), crate::float::numeric_f64(b)) {
        let (x, y) = (x?, y?);
        if y == 0.0 {
            return crate::exceptions::zero_division("float divmod()");
        }
        let (q, r) = crate::float::float_divmod(x, y);
        return Ok(crate::tuple::tuple_from_array([
            Ref::new(Value::from_f64(q)),
            Ref::new(Value::from_f64(r)),
        ]));
    }
    if is_kind(a, Kind::Instance) {
        if let Some(r) = crate::class::call_dunder(a, "__divmod__", &[b])? {
            if r.v() != rt().not_implemented {
                return Ok(r);
            }
        }
    }
    if is_kind(b, Kind::Instance) {
        if let Some(r) = crate::class::call_dunder(b, "__rdivmod__", &[a])? {
            if r.v() != rt().not_implemented {
                return Ok(r);
            }
        }
    }
    type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name(a),
        type_name(b)
    ))
}

fn b_pow(_: Value, args: Args<'_>) -> R<Ref> {
    let [base, exp, m] = args.bind("pow", &["base", "exp", "mod"], 2)?;
    let (base, exp) = (base.unwrap_or(Value::NONE), exp.unwrap_or(Value::NONE));
    match m.filter(|v| !v.is_none()) {
        None => crate::ops::binary(crate::int::op::POW, base, exp),
        Some(m) => match (int_view(base), int_view(exp), int_view(m)) {
            (Some(b), Some(e), Some(mm)) => crate::int::int_pow_mod(b, e, mm),
            _ => ternary_pow(base, exp, m),
        },
    }
}

/// `pow(base, exp, mod)` when not all three are ints: `base.__pow__(exp, mod)` of an
/// instance (a three-argument power never calls `__rpow__`), else float's refusal or
/// CPython's unsupported-operands TypeError.
fn ternary_pow(base: Value, exp: Value, m: Value) -> R<Ref> {
    if is_kind(base, Kind::Instance) {
        if let Some(r) = crate::class::call_dunder(base, "__pow__", &[exp, m])? {
            if r.v() != rt().not_implemented {
                return Ok(r);
            }
        }
    }
    let number = |v: Value| v.is_float() || int_view(v).is_some();
    let complex = crate::complex::is_complex;
    if (complex(base) || complex(exp) || complex(m))
        && [base, exp, m].iter().all(|v| number(*v) || complex(*v))
    {
        return crate::exceptions::value_error("complex modulo");
    }
    if (base.is_float() || exp.is_float() || m.is_float()) && number(base) && number(exp) {
        return type_error("pow() 3rd argument not allowed unless all arguments are integers");
    }
    type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        type_name(base),
        type_name(exp),
        type_name(m)
    ))
}

fn b_ord(_: Value, args: Args<'_>) -> R<Ref> {
    let [c] = args.exact("ord")?;
    // A bytes or bytearray of one byte too.
    if let Some(d) = crate::bytes::bytes_like(c) {
        return match d[..] {
            [b] => Ok(int_from_i64(b as i64)),
            _ => type_error(format!(
                "ord() expected a character, but string of length {} found",
                d.len()
            )),
        };
    }
    let Some(s) = str_opt(c) else {
        return type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(c)
        ));
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(ch), None) => Ok(int_from_i64(ch as i64)),
        _ => type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        )),
    }
}

fn b_chr(_: Value, args: Args<'_>) -> R<Ref> {
    let [i] = args.exact("chr")?;
    let i = crate::int::index_value(i)?;
    let n = int_view(i.v())
        .and_then(|iv| iv.to_i64())
        .unwrap_or(i64::MAX);
    if i32::try_from(n).is_err() {
        return crate::exceptions::overflow_error("Python int too large to convert to C int");
    }
    if !(0..0x110000).contains(&n) {
        return value_error("chr() arg not in range(0x110000)");
    }
    match char::from_u32(n as u32) {
        Some(c) => Ok(crate::str::str_from_char(c)),
        None => crate::str::lone_surrogate_error("chr()", n as u32),
    }
}

fn b_any(_: Value, args: Args<'_>) -> R<Ref> {
    let [it] = args.exact("any")?;
    let iter = py_iter(it)?;
    while let Some(x) = py_next(iter.v())? {
        if is_true(x.v())? {
            return Ok(Ref::new(Value::TRUE));
        }
    }
    Ok(Ref::new(Value::FALSE))
}

fn b_all(_: Value, args: Args<'_>) -> R<Ref> {
    let [it] = args.exact("all")?;
    let iter = py_iter(it)?;
    while let Some(x) = py_next(iter.v())? {
        if !is_true(x.v())? {
            return Ok(Ref::new(Value::FALSE));
        }
    }
    Ok(Ref::new(Value::TRUE))
}

fn b_hash(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.exact("hash")?;
    Ok(int_from_i64(crate::hash::py_hash(x)?))
}

fn radix(args: Args<'_>, name: &str, r: u32, prefix: &str) -> R<Ref> {
    let [x] = args.exact(name)?;
    let i = match int_view(x) {
        Some(i) => i,
        None => {
            let n = crate::int::index_i64(x)?;
            return Ok(str_from_owned(crate::int::int_to_radix(
                IntV::Small(n),
                r,
                prefix,
            )));
        }
    };
    Ok(str_from_owned(crate::int::int_to_radix(i, r, prefix)))
}

fn b_hex(_: Value, args: Args<'_>) -> R<Ref> {
    radix(args, "hex", 16, "0x")
}

fn b_bin(_: Value, args: Args<'_>) -> R<Ref> {
    radix(args, "bin", 2, "0b")
}

fn b_oct(_: Value, args: Args<'_>) -> R<Ref> {
    radix(args, "oct", 8, "0o")
}

fn b_iter(_: Value, args: Args<'_>) -> R<Ref> {
    let [x, sentinel] = args.range::<2>("iter", 1)?;
    let x = x.unwrap_or(Value::NONE);
    match sentinel {
        None => py_iter(x),
        Some(s) => {
            if !is_callable(x) {
                return type_error("iter(v, w): v must be callable");
            }
            let f = Ref::dup(x);
            let s = Ref::dup(s);
            let mut done = false;
            Ok(native_iter(
                crate::object::IterType::CallableIterator,
                move || {
                    if done {
                        return Ok(None);
                    }
                    let v = crate::call::call(f.v(), Args::positional(&[]))?;
                    if crate::ops::py_eq_bool(v.v(), s.v())? {
                        done = true;
                        return Ok(None);
                    }
                    Ok(Some(v))
                },
            ))
        }
    }
}

fn b_next(_: Value, args: Args<'_>) -> R<Ref> {
    let [it, default] = args.range::<2>("next", 1)?;
    let it = it.unwrap_or(Value::NONE);
    if !crate::iter::is_iterator(it) {
        return type_error(format!("'{}' object is not an iterator", type_name(it)));
    }
    if default.is_none() && crate::generator::is_generator(it) {
        // `StopIteration` carries the generator's return value.
        return crate::generator::gen_next_or_stop(it);
    }
    match py_next(it)? {
        Some(x) => Ok(x),
        None => match default {
            Some(d) => Ok(Ref::dup(d)),
            None => raise_with(ExcKind::StopIteration, Vec::new()),
        },
    }
}

fn b_getattr(_: Value, args: Args<'_>) -> R<Ref> {
    let [o, name, default] = args.range::<3>("getattr", 2)?;
    let (o, name) = (o.unwrap_or(Value::NONE), name.unwrap_or(Value::NONE));
    match crate::attr::getattr(o, name) {
        Ok(v) => Ok(v),
        Err(Raised) if default.is_some() && pending_is(ExcKind::AttributeError) => {
            drop(take_pending());
            Ok(Ref::dup(default.unwrap_or(Value::NONE)))
        }
        Err(e) => {
            if let Some(n) = crate::str::str_opt(name) {
                crate::exceptions::set_attribute_error_context(o, n);
            }
            Err(e)
        }
    }
}

fn b_setattr(_: Value, args: Args<'_>) -> R<Ref> {
    let [o, name, v] = args.exact("setattr")?;
    crate::attr::setattr(o, name, v)?;
    Ok(Ref::NONE)
}

fn b_delattr(_: Value, args: Args<'_>) -> R<Ref> {
    let [o, name] = args.exact("delattr")?;
    crate::attr::delattr(o, name)?;
    Ok(Ref::NONE)
}

fn b_hasattr(_: Value, args: Args<'_>) -> R<Ref> {
    let [o, name] = args.exact("hasattr")?;
    Ok(Ref::new(Value::from_bool(crate::attr::hasattr(o, name)?)))
}

/// `callable(x)`.
pub fn is_callable(x: Value) -> bool {
    if !x.is_ptr() {
        return false;
    }
    match kind(x) {
        Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Class => true,
        Kind::Instance => crate::class::has_dunder(x, "__call__"),
        Kind::Wrapper => crate::class::wrapper_data(x).kind != crate::object::WrapperKind::Property,
        _ => false,
    }
}

fn b_callable(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.exact("callable")?;
    Ok(Ref::new(Value::from_bool(is_callable(x))))
}

/// `id(x)`: the address of a heap object (below 2**48), and for a value held in the word
/// itself (an inline int, a float, `None`, a bool) 2**64 plus the word, so that two
/// values have the same id exactly when they are the same word or the same object.
fn b_id(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.exact("id")?;
    let id = if x.is_ptr() {
        (x.0 & crate::value::PAYLOAD_MASK) as i128
    } else {
        (1i128 << 64) | x.0 as i128
    };
    Ok(crate::int::int_from_i128(id))
}

fn b_input(_: Value, args: Args<'_>) -> R<Ref> {
    let [prompt] = args.range::<1>("input", 0)?;
    if let Some(p) = prompt {
        crate::io::write_stdout(&crate::ops::str_string(p)?);
    }
    crate::io::flush_stdout();
    match crate::io::read_line()? {
        Some(mut line) => {
            // Only the `\n` goes, as CPython's `input()` strips it from a line of stdin.
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(str_from_owned(line))
        }
        None => raise(ExcKind::EOFError, "EOF when reading a line"),
    }
}

fn b_vars(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.exact("vars")?;
    match crate::attr::getattr_str(x, "__dict__") {
        Ok(d) => Ok(d),
        Err(Raised) if crate::exceptions::pending_is(ExcKind::AttributeError) => {
            drop(take_pending());
            type_error("vars() argument must have __dict__ attribute")
        }
        Err(Raised) => Err(Raised),
    }
}

fn b_exit(_: Value, args: Args<'_>) -> R<Ref> {
    let [code] = args.range::<1>("exit", 0)?;
    match code {
        None => raise_with(ExcKind::SystemExit, Vec::new()),
        Some(c) => raise_with(ExcKind::SystemExit, vec![Ref::dup(c)]),
    }
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("print", b_print),
    ("len", b_len),
    ("abs", b_abs),
    ("min", b_min),
    ("max", b_max),
    ("sum", b_sum),
    ("repr", b_repr),
    ("ascii", b_ascii),
    ("format", b_format),
    ("isinstance", b_isinstance),
    ("issubclass", b_issubclass),
    ("sorted", b_sorted),
    ("round", b_round),
    ("divmod", b_divmod),
    ("pow", b_pow),
    ("ord", b_ord),
    ("chr", b_chr),
    ("any", b_any),
    ("all", b_all),
    ("hash", b_hash),
    ("hex", b_hex),
    ("bin", b_bin),
    ("oct", b_oct),
    ("iter", b_iter),
    ("next", b_next),
    ("getattr", b_getattr),
    ("setattr", b_setattr),
    ("delattr", b_delattr),
    ("hasattr", b_hasattr),
    ("callable", b_callable),
    ("id", b_id),
    ("input", b_input),
    ("vars", b_vars),
    ("exit", b_exit),
    ("quit", b_exit),
];

/// Fills the builtins namespace (second phase of runtime start-up).
pub fn install(r: &Runtime) {
    let d = r.builtins;
    for (name, f) in FUNCTIONS {
        dict_set_str(d, name, make_builtin(name, *f, Value::NONE));
    }
    dict_set_str(
        d,
        crate::class::CLASS_PREPARE,
        make_builtin(
            crate::class::CLASS_PREPARE,
            crate::class::class_prepare,
            Value::NONE,
        ),
    );
    dict_set_str(
        d,
        crate::generator::YIELD_FROM,
        make_builtin(
            crate::generator::YIELD_FROM,
            crate::generator::yield_from_builtin,
            Value::NONE,
        ),
    );
    dict_set_str(
        d,
        crate::matching::MATCH,
        make_builtin(
            crate::matching::MATCH,
            crate::matching::match_builtin,
            Value::NONE,
        ),
    );
    dict_set_str(
        d,
        crate::exc_group::EXCEPT_STAR,
        make_builtin(
            crate::exc_group::EXCEPT_STAR,
            crate::exc_group::except_star_builtin,
            Value::NONE,
        ),
    );
    let t = &r.t;
    for cls in [
        t.object,
        t.type_,
        t.int,
        t.bool,
        t.float,
        t.str,
        t.bytes,
        t.bytearray,
        t.memoryview,
        t.list,
        t.tuple,
        t.dict,
        t.set,
        t.frozenset,
        t.range,
        t.complex,
        t.slice,
        t.super_,
        t.property,
        t.staticmethod,
        t.classmethod,
    ] {
        let name = crate::class::class_name(cls);
        dict_set_str(d, &name, cls);
    }
    for cls in r.iter_types.iter().take(5) {
        let name = crate::class::class_name(*cls);
        dict_set_str(d, &name, *cls);
    }
    for cls in &r.exc {
        let name = crate::class::class_name(*cls);
        dict_set_str(d, &name, *cls);
    }
    // Aliases CPython keeps for compatibility.
    let os_error = r.exc[crate::exceptions::ExcKind::OSError as usize];
    dict_set_str(d, "IOError", os_error);
    dict_set_str(d, "EnvironmentError", os_error);
    dict_set_str(d, "__debug__", Value::TRUE);
    // A module whose `__name__` was deleted reads the builtins module's.
    let name = crate::str::str_from("builtins");
    dict_set_str(d, "__name__", name.v());
    dict_set_str(d, "NotImplemented", r.not_implemented);
    dict_set_str(d, "Ellipsis", r.ellipsis);
    dict_set_str(d, "None", Value::NONE);
    dict_set_str(d, "True", Value::TRUE);
    dict_set_str(d, "False", Value::FALSE);
}

/// A builtin by name (borrowed), if there is one.
pub fn lookup_builtin(name: &str) -> Option<Value> {
    crate::dict::dict_data(rt().builtins).get_str(name)
}
