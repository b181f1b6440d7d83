//! End-to-end tests through the exported ABI: small "compiled" Python functions written by
//! hand as `extern "C"` entries (the way codegen emits them), checked for CPython's output
//! and for reference-count hygiene (no leaks in allocating loops).

use std::cell::Cell;

use crate::abi::*;
use crate::object::{FunctionCode, ParamCode, live};
use crate::value::Value;
use molt_abi::descriptor::{Addr, CodeAddr};

fn s(text: &'static str) -> Value {
    molt_const_str(text.as_ptr(), text.len() as u32)
}

fn int(i: i64) -> Value {
    Value::inline_int(i).unwrap_or(Value::NONE)
}

fn ok(v: Value) -> Value {
    if v.is_error() {
        let e = crate::exceptions::take_pending().expect("pending");
        panic!(
            "unexpected exception: {}",
            crate::exceptions::exception_line(e.v())
        );
    }
    v
}

fn err_line(v: Value) -> String {
    assert!(v.is_error(), "expected an exception, got {v:?}");
    let e = molt_exc_fetch();
    let line = crate::exceptions::exception_line(e);
    molt_decref(e);
    line
}

fn repr(v: Value) -> String {
    let r = ok(molt_convert(1, v));
    let out = crate::str::as_str(r).to_string();
    molt_decref(r);
    out
}

fn call(f: Value, args: &[Value]) -> Value {
    molt_call(f, args.as_ptr(), args.len() as u32, Value::NONE, 0)
}

fn method(recv: Value, name: &'static str, args: &[Value]) -> Value {
    molt_call_method(
        recv,
        s(name),
        args.as_ptr(),
        args.len() as u32,
        Value::NONE,
        0,
    )
}

fn builtin(name: &'static str) -> Value {
    ok(molt_builtin_load(s(name)))
}

type Entry = extern "C" fn(Value, *const Value) -> Value;

fn make_fn(
    name: &'static str,
    params: &'static [&'static str],
    entry: Entry,
    defaults: &[Value],
) -> Value {
    let nd = defaults.len();
    let pcs: Vec<ParamCode> = params
        .iter()
        .enumerate()
        .map(|(i, p)| ParamCode {
            name: Addr::new(p.as_ptr()),
            name_len: p.len() as u64,
            kind: 1,
            has_default: (i + nd >= params.len()) as u32,
        })
        .collect();
    let pcs: &'static [ParamCode] = Box::leak(pcs.into_boxed_slice());
    let code: &'static FunctionCode = Box::leak(Box::new(FunctionCode {
        name: Addr::new(name.as_ptr()),
        name_len: name.len() as u64,
        nparams: params.len() as u32,
        flags: 0,
        params: Addr::new(pcs.as_ptr()),
        entry: CodeAddr::new(entry as usize),
        debug: Addr::NULL,
        debug_len: 0,
    }));
    molt_make_function(
        code,
        defaults.as_ptr(),
        nd as u32,
        std::ptr::null(),
        0,
        module(),
    )
}

thread_local! {
    static MODULE: Cell<Value> = const { Cell::new(Value::NONE) };
}

fn module() -> Value {
    MODULE.with(|m| {
        if m.get().is_none() {
            let name = "__main__";
            m.set(molt_module_new(name.as_ptr(), name.len() as u32));
        }
        m.get()
    })
}

fn arg(args: *const Value, i: usize) -> Value {
    // SAFETY: the runtime passes one value per parameter.
    unsafe { *args.add(i) }
}

/// Runs the body of a hand-written entry, then releases its `n` arguments: compiled code
/// owns its parameters.
fn owned(args: *const Value, n: usize, body: fn(*const Value) -> Value) -> Value {
    let r = body(args);
    for i in 0..n {
        molt_decref(arg(args, i));
    }
    r
}

/// `def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)`
extern "C" fn fib_entry(_f: Value, args: *const Value) -> Value {
    owned(args, 1, fib_entry_body)
}

fn fib_entry_body(args: *const Value) -> Value {
    let n = arg(args, 0);
    let c = molt_compare(2, n, int(2));
    if c.is_error() {
        return c;
    }
    match molt_is_true(c) {
        -1 => return Value::ERROR,
        1 => return molt_incref(n),
        _ => {}
    }
    let fib = molt_global_load(module(), s("fib"));
    if fib.is_error() {
        return fib;
    }
    let a = molt_binary(1, n, int(1));
    let ra = call(fib, &[a]);
    molt_decref(a);
    if ra.is_error() {
        molt_decref(fib);
        return ra;
    }
    let b = molt_binary(1, n, int(2));
    let rb = call(fib, &[b]);
    molt_decref(b);
    molt_decref(fib);
    if rb.is_error() {
        molt_decref(ra);
        return rb;
    }
    let r = molt_binary(0, ra, rb);
    molt_decref(ra);
    molt_decref(rb);
    r
}

#[test]
fn recursive_fib() {
    let f = make_fn("fib", &["n"], fib_entry, &[]);
    assert_eq!(molt_global_store(module(), s("fib"), f), 0);
    let r = ok(call(f, &[int(20)]));
    assert_eq!(r, int(6765));
    molt_decref(f);
}

#[test]
fn allocating_loops_do_not_leak() {
    let _ = crate::state::rt();
    let list_cls = builtin("list");
    let str_cls = builtin("str");
    let mut before = 0;
    for i in 0..20_000i64 {
        if i == 1 {
            // The first iteration interns the constants it uses.
            before = live::count();
        }
        // l = [str(i), i * 2**60, (i, 1.5)]; d = {str(i): l}; l.append(d); s = repr(l)
        let si = ok(call(str_cls, &[int(i)]));
        let p60 = ok(molt_binary(6, int(2), int(60)));
        let big = ok(molt_binary(2, int(i), p60));
        molt_decref(p60);
        let f = Value::from_f64(1.5);
        let t = molt_build_tuple([int(i), f].as_ptr(), 2);
        let l = molt_build_list([si, big, t].as_ptr(), 3);
        let d = ok(molt_build_dict([si, l].as_ptr(), 1));
        ok(method(l, "append", &[int(7)]));
        let r = ok(molt_convert(1, d));
        let copy = ok(call(list_cls, &[l]));
        let sorted_keys = ok(call(builtin("sorted"), &[d]));
        // An exception raised and caught.
        let e = molt_getitem(d, int(-1));
        assert!(e.is_error());
        let exc = molt_exc_fetch();
        assert_eq!(molt_exc_match(exc, builtin("KeyError")), 1);
        for v in [si, big, t, l, d, r, copy, sorted_keys, exc] {
            molt_decref(v);
        }
    }
    assert_eq!(live::count(), before, "every temporary was freed");
}

#[test]
fn printing_and_formatting_like_cpython() {
    crate::io::capture_stdout();
    let print = builtin("print");
    let l = molt_build_list(
        [
            int(1),
            s("b"),
            Value::from_f64(0.1),
            Value::NONE,
            Value::TRUE,
        ]
        .as_ptr(),
        5,
    );
    ok(call(print, &[int(1), Value::from_f64(2.5), s("a"), l]));
    let sep = molt_build_tuple([s("sep"), s("end")].as_ptr(), 2);
    let args = [int(1), int(2), s("-"), s("!\n")];
    ok(molt_call(print, args.as_ptr(), 2, sep, 0));
    let v = ok(molt_format(Value::from_f64(1234567.891), s(",.2f")));
    ok(call(print, &[v]));
    let pct = ok(molt_binary(
        5,
        s("%5.1f|%-4d|%s"),
        molt_build_tuple([Value::from_f64(2.25), int(7), l].as_ptr(), 3),
    ));
    ok(call(print, &[pct]));
    assert_eq!(
        crate::io::take_captured(),
        "1 2.5 a [1, 'b', 0.1, None, True]\n1-2!\n1,234,567.89\n  2.2|7   |[1, 'b', 0.1, None, True]\n"
    );
}

#[test]
fn iteration_protocol_ends_with_exhausted() {
    let r = ok(call(builtin("range"), &[int(3)]));
    let it = ok(molt_iter(r));
    let mut seen = Vec::new();
    loop {
        let x = molt_iter_next(it);
        if x == Value::EXHAUSTED {
            break;
        }
        seen.push(ok(x).as_inline_int());
    }
    assert_eq!(seen, vec![0, 1, 2]);
    assert_eq!(molt_iter_next(it), Value::EXHAUSTED, "stays exhausted");
    let d = ok(molt_build_dict(
        [s("a"), int(1), s("b"), int(2)].as_ptr(),
        2,
    ));
    let items = ok(method(d, "items", &[]));
    assert_eq!(repr(items), "dict_items([('a', 1), ('b', 2)])");
    let set = ok(molt_build_set(
        [int(5), int(3), int(1), int(9), int(7), int(100), int(33)].as_ptr(),
        7,
    ));
    let as_list = ok(call(builtin("list"), &[set]));
    assert_eq!(repr(as_list), "[1, 33, 3, 100, 5, 7, 9]");
    assert_eq!(repr(set), "{1, 33, 3, 100, 5, 7, 9}");
}

#[test]
fn unpacking_errors() {
    let l = molt_build_list([int(1)].as_ptr(), 1);
    assert_eq!(
        err_line(molt_unpack(l, 2)),
        "ValueError: not enough values to unpack (expected 2, got 1)"
    );
    let l3 = molt_build_list([int(1), int(2), int(3)].as_ptr(), 3);
    assert_eq!(
        err_line(molt_unpack(l3, 2)),
        "ValueError: too many values to unpack (expected 2)"
    );
    let t = ok(molt_unpack_ex(l3, 1, 1));
    assert_eq!(repr(t), "(1, [2], 3)");
    assert_eq!(
        err_line(molt_unpack_ex(l, 1, 1)),
        "ValueError: not enough values to unpack (expected at least 2, got 1)"
    );
}

#[test]
fn identity_of_equal_unboxed_numbers_is_a_molt_error() {
    // Unambiguous: CPython caches -5..=256, None and bools are singletons, NaNs keep their
    // own payload.
    for v in [
        int(-5),
        int(0),
        int(256),
        Value::NONE,
        Value::TRUE,
        crate::value::fresh_nan(),
    ] {
        assert_eq!(molt_identity_check(v), 0, "{v:?}");
    }
    // Ambiguous: raises NotImplementedError with a `molt:` message.
    for v in [int(257), int(-6), int(1000), Value::from_f64(1.5)] {
        assert_eq!(molt_identity_check(v), -1, "{v:?}");
        let e = molt_exc_fetch();
        let line = crate::exceptions::exception_line(e);
        molt_decref(e);
        assert!(
            line.starts_with("NotImplementedError: molt: `is` between two equal"),
            "{line}"
        );
    }
}

#[test]
fn operator_errors_and_semantics() {
    assert_eq!(
        err_line(molt_binary(0, int(1), s("a"))),
        "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
    );
    assert_eq!(
        err_line(molt_binary(0, s("a"), int(1))),
        "TypeError: can only concatenate str (not \"int\") to str"
    );
    assert_eq!(
        err_line(molt_compare(2, int(1), s("a"))),
        "TypeError: '<' not supported between instances of 'int' and 'str'"
    );
    assert_eq!(
        err_line(molt_binary(3, int(1), int(0))),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(
        err_line(molt_binary(4, int(1), int(0))),
        "ZeroDivisionError: integer division or modulo by zero"
    );
    assert_eq!(
        err_line(molt_binary(5, int(1), int(0))),
        "ZeroDivisionError: integer modulo by zero"
    );
    assert_eq!(
        err_line(molt_binary(3, Value::from_f64(1.0), int(0))),
        "ZeroDivisionError: float division by zero"
    );
    assert_eq!(
        err_line(molt_binary(16, int(1), s("a"))),
        "TypeError: unsupported operand type(s) for +=: 'int' and 'str'"
    );
    assert_eq!(repr(ok(molt_binary(4, int(-7), int(2)))), "-4");
    assert_eq!(repr(ok(molt_binary(6, int(2), int(-1)))), "0.5");
    assert_eq!(
        repr(ok(molt_binary(6, int(2), int(100)))),
        "1267650600228229401496703205376"
    );
    assert_eq!(repr(ok(molt_binary(3, int(7), int(2)))), "3.5");
    assert_eq!(molt_compare(0, int(1), Value::from_f64(1.0)), Value::TRUE);
    assert_eq!(
        molt_compare(0, Value::from_f64(f64::NAN), Value::from_f64(f64::NAN)),
        Value::FALSE
    );
    let l = molt_build_list([int(1), int(2)].as_ptr(), 2);
    let l2 = molt_build_list([int(1), int(2)].as_ptr(), 2);
    assert_eq!(molt_compare(0, l, l2), Value::TRUE);
    assert_eq!(molt_compare(8, int(2), l), Value::TRUE);
    // `l += l2` mutates l in place.
    let r = ok(molt_binary(16, l, l2));
    assert_eq!(r, l);
    assert_eq!(repr(l), "[1, 2, 1, 2]");
    let sl = ok(molt_build_slice(Value::NONE, Value::NONE, int(-1)));
    assert_eq!(repr(ok(molt_getitem(s("héllo"), sl))), "'olléh'");
    assert_eq!(
        err_line(molt_getitem(l, int(10))),
        "IndexError: list index out of range"
    );
    assert_eq!(
        err_line(molt_getitem(int(5), int(0))),
        "TypeError: 'int' object is not subscriptable"
    );
    let d = ok(molt_build_dict([].as_ptr(), 0));
    assert_eq!(err_line(molt_getitem(d, s("k"))), "KeyError: 'k'");
    assert_eq!(
        err_line(call(int(1), &[])),
        "TypeError: 'int' object is not callable"
    );
    assert_eq!(
        err_line(molt_global_load(module(), s("nope"))),
        "NameError: name 'nope' is not defined"
    );
}

// --- a class, as codegen would build it ---------------------------------------------------

/// `def __init__(self, x): self.x = x`
extern "C" fn init_entry(_f: Value, args: *const Value) -> Value {
    owned(args, 2, init_entry_body)
}

fn init_entry_body(args: *const Value) -> Value {
    if molt_setattr(arg(args, 0), s("x"), arg(args, 1)) < 0 {
        return Value::ERROR;
    }
    Value::NONE
}

/// `def __repr__(self): return f"P({self.x!r})"`
extern "C" fn repr_entry(_f: Value, args: *const Value) -> Value {
    owned(args, 1, repr_entry_body)
}

fn repr_entry_body(args: *const Value) -> Value {
    let x = molt_getattr(arg(args, 0), s("x"));
    if x.is_error() {
        return x;
    }
    let r = molt_convert(1, x);
    molt_decref(x);
    if r.is_error() {
        return r;
    }
    let parts = [s("P("), r, s(")")];
    let out = molt_build_string(parts.as_ptr(), 3);
    molt_decref(r);
    out
}

/// `def __lt__(self, other): return self.x < other.x` (also used for `__eq__` with op 0)
fn cmp_attr(args: *const Value, op: u32) -> Value {
    let a = molt_getattr(arg(args, 0), s("x"));
    if a.is_error() {
        return a;
    }
    let b = molt_getattr(arg(args, 1), s("x"));
    if b.is_error() {
        molt_decref(a);
        return b;
    }
    let r = molt_compare(op, a, b);
    molt_decref(a);
    molt_decref(b);
    r
}

extern "C" fn lt_entry(_f: Value, args: *const Value) -> Value {
    owned(args, 2, lt_entry_body)
}

fn lt_entry_body(args: *const Value) -> Value {
    cmp_attr(args, 2)
}

extern "C" fn eq_entry(_f: Value, args: *const Value) -> Value {
    owned(args, 2, eq_entry_body)
}

fn eq_entry_body(args: *const Value) -> Value {
    cmp_attr(args, 0)
}

/// `def __hash__(self): return hash(self.x)`
extern "C" fn hash_entry(_f: Value, args: *const Value) -> Value {
    owned(args, 1, hash_entry_body)
}

fn hash_entry_body(args: *const Value) -> Value {
    let x = molt_getattr(arg(args, 0), s("x"));
    if x.is_error() {
        return x;
    }
    let r = call(builtin("hash"), &[x]);
    molt_decref(x);
    r
}

fn make_point_class() -> Value {
    let ns = ok(molt_build_dict([].as_ptr(), 0));
    for (name, entry, params) in [
        ("P.__init__", init_entry as Entry, &["self", "x"][..]),
        ("P.__repr__", repr_entry, &["self"][..]),
        ("P.__lt__", lt_entry, &["self", "other"][..]),
        ("P.__eq__", eq_entry, &["self", "other"][..]),
        ("P.__hash__", hash_entry, &["self"][..]),
    ] {
        let params: &'static [&'static str] = Box::leak(params.to_vec().into_boxed_slice());
        let f = make_fn(name, params, entry, &[]);
        let short = name.trim_start_matches("P.");
        let key = crate::str::str_intern(short);
        assert_eq!(molt_setitem(ns, key, f), 0);
        molt_decref(f);
    }
    let bases = molt_build_tuple([].as_ptr(), 0);
    let cls = ok(molt_make_class(
        s("P"),
        bases,
        ns,
        std::ptr::null(),
        0,
        Value::NONE,
    ));
    molt_decref(bases);
    molt_decref(ns);
    cls
}

#[test]
fn classes_with_dunders() {
    let p = make_point_class();
    let a = ok(call(p, &[int(3)]));
    let b = ok(call(p, &[int(1)]));
    let c = ok(call(p, &[int(3)]));
    assert_eq!(repr(a), "P(3)");
    assert_eq!(molt_compare(0, a, c), Value::TRUE);
    assert_eq!(
        molt_compare(1, a, c),
        Value::FALSE,
        "__ne__ defaults to not __eq__"
    );
    assert_eq!(
        molt_compare(4, a, b),
        Value::TRUE,
        "__gt__ reflects to __lt__"
    );
    let l = molt_build_list([a, b, c].as_ptr(), 3);
    let sorted = ok(call(builtin("sorted"), &[l]));
    assert_eq!(repr(sorted), "[P(1), P(3), P(3)]");
    let set = ok(molt_build_set([a, b, c].as_ptr(), 3));
    assert_eq!(ok(call(builtin("len"), &[set])), int(2));
    let ty = ok(call(builtin("type"), &[a]));
    assert_eq!(repr(ok(molt_getattr(ty, s("__name__")))), "'P'");
    assert_eq!(repr(ty), "<class '__main__.P'>");
    assert_eq!(ok(call(builtin("isinstance"), &[a, p])), Value::TRUE);
    assert_eq!(
        err_line(call(p, &[])),
        "TypeError: P.__init__() missing 1 required positional argument: 'x'"
    );
    assert_eq!(
        err_line(molt_getattr(a, s("y"))),
        "AttributeError: 'P' object has no attribute 'y'"
    );
    let m = ok(molt_getattr(a, s("__repr__")));
    assert_eq!(repr(ok(call(m, &[]))), "'P(3)'");
}

/// `class MyError(Exception): def __init__(self, msg, code): super().__init__(msg); self.code = code`
extern "C" fn myerror_init(_f: Value, args: *const Value) -> Value {
    owned(args, 3, myerror_init_body)
}

fn myerror_init_body(args: *const Value) -> Value {
    let (this, msg, code) = (arg(args, 0), arg(args, 1), arg(args, 2));
    let cls = MYERROR.with(|c| c.get());
    let sup = call(builtin("super"), &[cls, this]);
    if sup.is_error() {
        return sup;
    }
    let r = method(sup, "__init__", &[msg]);
    molt_decref(sup);
    if r.is_error() {
        return r;
    }
    molt_decref(r);
    if molt_setattr(this, s("code"), code) < 0 {
        return Value::ERROR;
    }
    Value::NONE
}

thread_local! {
    static MYERROR: Cell<Value> = const { Cell::new(Value::NONE) };
}

#[test]
fn user_exceptions_and_traceback_lines() {
    let ns = ok(molt_build_dict([].as_ptr(), 0));
    let f = make_fn(
        "MyError.__init__",
        &["self", "msg", "code"],
        myerror_init,
        &[],
    );
    molt_setitem(ns, s("__init__"), f);
    let bases = molt_build_tuple([builtin("Exception")].as_ptr(), 1);
    let cls = ok(molt_make_class(
        s("MyError"),
        bases,
        ns,
        std::ptr::null(),
        0,
        Value::NONE,
    ));
    MYERROR.with(|c| c.set(cls));
    let e = ok(call(cls, &[s("bad thing"), int(42)]));
    assert_eq!(repr(e), "MyError('bad thing')");
    assert_eq!(repr(ok(molt_getattr(e, s("code")))), "42");
    assert_eq!(repr(ok(molt_getattr(e, s("args")))), "('bad thing',)");
    let r = molt_raise(e, Value::UNBOUND);
    assert!(r.is_error());
    let caught = molt_exc_fetch();
    assert_eq!(molt_exc_match(caught, builtin("Exception")), 1);
    assert_eq!(molt_exc_match(caught, builtin("KeyError")), 0);
    assert_eq!(
        crate::exceptions::exception_line(caught),
        "MyError: bad thing"
    );
    let ke = ok(call(builtin("KeyError"), &[s("k")]));
    assert_eq!(crate::exceptions::exception_line(ke), "KeyError: 'k'");
    let ve = ok(call(builtin("ValueError"), &[]));
    assert_eq!(crate::exceptions::exception_line(ve), "ValueError");
    assert_eq!(
        err_line(molt_raise(int(5), Value::UNBOUND)),
        "TypeError: exceptions must derive from BaseException"
    );
    assert_eq!(
        err_line(molt_raise(builtin("StopIteration"), Value::UNBOUND)),
        "StopIteration"
    );
    assert_eq!(
        err_line(call(builtin("int"), &[s("abc")])),
        "ValueError: invalid literal for int() with base 10: 'abc'"
    );
}

extern "C" fn exit_init() -> Value {
    let sys = molt_import(s("sys"), 0, Value::NONE, Value::NONE);
    let r = method(sys, "exit", &[int(3)]);
    molt_decref(sys);
    r
}

extern "C" fn fail_init() -> Value {
    let _ = crate::io::take_captured();
    molt_raise(builtin("ValueError"), Value::UNBOUND)
}

#[test]
fn main_exit_statuses() {
    crate::io::capture_stdout();
    assert_eq!(crate::entry::run_main(vec!["prog".into()], exit_init), 3);
    assert_eq!(crate::entry::run_main(vec!["prog".into()], fail_init), 1);
}

#[test]
fn method_calls_on_builtins() {
    let text = s("  a,b,,c  ");
    let stripped = ok(method(text, "strip", &[]));
    let parts = ok(method(stripped, "split", &[s(",")]));
    assert_eq!(repr(parts), "['a', 'b', '', 'c']");
    let joined = ok(method(s("-"), "join", &[parts]));
    assert_eq!(repr(joined), "'a-b--c'");
    let d = ok(molt_build_dict([].as_ptr(), 0));
    ok(method(d, "setdefault", &[s("k"), int(1)]));
    assert_eq!(repr(ok(method(d, "get", &[s("k")]))), "1");
    assert_eq!(repr(ok(method(d, "get", &[s("z")]))), "None");
    let l = molt_build_list([int(3), int(1), int(2)].as_ptr(), 3);
    let kw = molt_build_tuple([s("reverse")].as_ptr(), 1);
    let args = [Value::TRUE];
    ok(molt_call_method(l, s("sort"), args.as_ptr(), 0, kw, 0));
    assert_eq!(repr(l), "[3, 2, 1]");
    assert_eq!(
        err_line(method(l, "index", &[int(9)])),
        "ValueError: 9 is not in list"
    );
    assert_eq!(
        err_line(method(int(1), "nope", &[])),
        "AttributeError: 'int' object has no attribute 'nope'"
    );
    let upper = ok(molt_getattr(s("abc"), s("upper")));
    assert_eq!(repr(ok(call(upper, &[]))), "'ABC'");
    let str_cls = builtin("str");
    let unbound = ok(molt_getattr(str_cls, s("upper")));
    assert_eq!(repr(ok(call(unbound, &[s("x")]))), "'X'");
    let math = ok(molt_import(s("math"), 0, Value::NONE, Value::NONE));
    assert_eq!(repr(ok(method(math, "sqrt", &[int(16)]))), "4.0");
    assert_eq!(
        err_line(method(math, "sqrt", &[int(-1)])),
        "ValueError: math domain error"
    );
    assert_eq!(
        repr(ok(method(math, "factorial", &[int(25)]))),
        "15511210043330985984000000"
    );
}

// --- generators -----------------------------------------------------------------------------

thread_local! {
    static CLOSED: Cell<u32> = const { Cell::new(0) };
}

/// `def count(n): for i in range(n): sent = yield i; (sent is added to the next item)`;
/// counts `GeneratorExit` deliveries in `CLOSED`.
extern "C" fn count_entry(_f: Value, args: *const Value) -> Value {
    owned(args, 1, count_entry_body)
}

fn count_entry_body(args: *const Value) -> Value {
    let n = arg(args, 0).as_inline_int();
    let mut extra = 0;
    for i in 0..n {
        let sent = molt_yield(int(i + extra));
        if sent.is_error() {
            CLOSED.with(|c| c.set(c.get() + 1));
            return Value::ERROR;
        }
        if sent.is_inline_int() {
            extra += sent.as_inline_int();
        }
        molt_decref(sent);
    }
    Value::NONE
}

/// `def outer(g): for x in g: yield x * 10` (a generator driving another one).
extern "C" fn outer_entry(_f: Value, args: *const Value) -> Value {
    owned(args, 1, outer_entry_body)
}

fn outer_entry_body(args: *const Value) -> Value {
    let it = molt_iter(arg(args, 0));
    if it.is_error() {
        return it;
    }
    loop {
        let x = molt_iter_next(it);
        if x == Value::EXHAUSTED {
            break;
        }
        if x.is_error() {
            molt_decref(it);
            return x;
        }
        let y = molt_binary(2, x, int(10));
        molt_decref(x);
        let sent = molt_yield(y);
        molt_decref(y);
        if sent.is_error() {
            molt_decref(it);
            return sent;
        }
        molt_decref(sent);
    }
    molt_decref(it);
    Value::NONE
}

/// `def bad(): yield 1; next(iter([]))` — StopIteration escaping a generator.
extern "C" fn bad_entry(_f: Value, _args: *const Value) -> Value {
    let s = molt_yield(int(1));
    if s.is_error() {
        return s;
    }
    let empty = molt_build_list([].as_ptr(), 0);
    let it = molt_iter(empty);
    let r = call(builtin("next"), &[it]);
    molt_decref(it);
    molt_decref(empty);
    r
}

fn make_gen_fn(name: &'static str, params: &'static [&'static str], entry: Entry) -> Value {
    let f = make_fn(name, params, entry, &[]);
    // SAFETY: the function object was just made by `make_fn` with a leaked descriptor.
    let fd = unsafe { crate::object::payload::<crate::object::FunctionData>(f) };
    let code = fd.code as *mut FunctionCode;
    // SAFETY: the descriptor is leaked and owned by this test.
    unsafe { (*code).flags = 1 };
    f
}

#[test]
fn generators_yield_send_and_close() {
    let count = make_gen_fn("count", &["n"], count_entry);
    let g = ok(call(count, &[int(4)]));
    assert!(repr(g).starts_with("<generator object count at 0x"));
    let l = ok(call(builtin("list"), &[g]));
    assert_eq!(repr(l), "[0, 1, 2, 3]");
    // send
    let g = ok(call(count, &[int(5)]));
    assert_eq!(ok(call(builtin("next"), &[g])), int(0));
    assert_eq!(ok(method(g, "send", &[int(10)])), int(11));
    // Dropping a suspended generator closes it (GeneratorExit delivered once).
    let before = CLOSED.with(|c| c.get());
    molt_decref(g);
    assert_eq!(CLOSED.with(|c| c.get()), before + 1);
    // Generators driving generators.
    let outer = make_gen_fn("outer", &["g"], outer_entry);
    let inner = ok(call(count, &[int(3)]));
    let o = ok(call(outer, &[inner]));
    let total = ok(call(builtin("sum"), &[o]));
    assert_eq!(total, int(30));
    // PEP 479.
    let bad = make_gen_fn("bad", &[], bad_entry);
    let b = ok(call(bad, &[]));
    let l = call(builtin("list"), &[b]);
    assert_eq!(err_line(l), "RuntimeError: generator raised StopIteration");
    // Exhausted generators stay exhausted; next() raises StopIteration.
    let g = ok(call(count, &[int(0)]));
    assert_eq!(molt_iter_next(g), Value::EXHAUSTED);
    assert_eq!(err_line(call(builtin("next"), &[g])), "StopIteration");
}

#[test]
fn many_generators_do_not_leak() {
    let count = make_gen_fn("count", &["n"], count_entry);
    let sum = builtin("sum");
    let mut before = 0;
    for i in 0..2000 {
        if i == 1 {
            before = live::count();
        }
        let g = ok(call(count, &[int(10)]));
        assert_eq!(ok(call(sum, &[g])), int(45));
        molt_decref(g);
        // A half-consumed one, dropped while suspended.
        let h = ok(call(count, &[int(10)]));
        molt_decref(ok(call(builtin("next"), &[h])));
        molt_decref(h);
    }
    assert_eq!(live::count(), before);
}

fn show(v: Value) -> String {
    if v.is_error() {
        format!("!! {}", err_line(v))
    } else {
        repr(v)
    }
}

fn list_of(items: &[Value]) -> Value {
    molt_build_list(items.as_ptr(), items.len() as u32)
}

fn tuple_of(items: &[Value]) -> Value {
    molt_build_tuple(items.as_ptr(), items.len() as u32)
}

fn kwcall(f: Value, pos: &[Value], kw: &[(&'static str, Value)]) -> Value {
    let names: Vec<Value> = kw.iter().map(|(k, _)| s(k)).collect();
    let kwnames = tuple_of(&names);
    let mut all = pos.to_vec();
    all.extend(kw.iter().map(|(_, v)| *v));
    molt_call(f, all.as_ptr(), pos.len() as u32, kwnames, 0)
}

#[test]
fn builtins_behave_like_cpython() {
    let f = |x: f64| Value::from_f64(x);
    let b = builtin;
    let cases: Vec<(Box<dyn Fn() -> Value>, &str)> = vec![
        (Box::new(move || call(b("round"), &[f(2.5)])), "2"),
        (Box::new(move || call(b("round"), &[f(-0.5)])), "0"),
        (
            Box::new(move || call(b("round"), &[f(2.675), int(2)])),
            "2.67",
        ),
        (
            Box::new(move || call(b("round"), &[int(12345), int(-2)])),
            "12300",
        ),
        (
            Box::new(move || call(b("divmod"), &[int(-7), int(2)])),
            "(-4, 1)",
        ),
        (
            Box::new(move || call(b("divmod"), &[f(7.5), int(2)])),
            "(3.0, 1.5)",
        ),
        (Box::new(move || call(b("int"), &[s(" 12 ")])), "12"),
        (Box::new(move || call(b("int"), &[s("ff"), int(16)])), "255"),
        (Box::new(move || call(b("int"), &[f(-3.9)])), "-3"),
        (Box::new(move || call(b("float"), &[s(" 1e3 ")])), "1000.0"),
        (
            Box::new(move || call(b("float"), &[s("x")])),
            "!! ValueError: could not convert string to float: 'x'",
        ),
        (Box::new(move || call(b("str"), &[f(1e16)])), "'1e+16'"),
        (
            Box::new(move || call(b("max"), &[list_of(&[])])),
            "!! ValueError: max() arg is an empty sequence",
        ),
        (
            Box::new(move || kwcall(b("max"), &[list_of(&[])], &[("default", int(7))])),
            "7",
        ),
        (
            Box::new(move || {
                kwcall(
                    b("min"),
                    &[list_of(&[s("bb"), s("a"), s("ccc")])],
                    &[("key", b("len"))],
                )
            }),
            "'a'",
        ),
        (
            Box::new(move || call(b("max"), &[int(1), f(2.5), int(2)])),
            "2.5",
        ),
        (
            Box::new(move || call(b("sum"), &[list_of(&[f(0.1); 10])])),
            "0.9999999999999999",
        ),
        (
            Box::new(move || call(b("sum"), &[list_of(&[int(1), int(2)]), int(10)])),
            "13",
        ),
        (
            Box::new(move || call(b("abs"), &[s("a")])),
            "!! TypeError: bad operand type for abs(): 'str'",
        ),
        (
            Box::new(move || call(b("len"), &[int(5)])),
            "!! TypeError: object of type 'int' has no len()",
        ),
        (Box::new(move || call(b("chr"), &[int(233)])), "'é'"),
        // CPython makes strs with lone surrogates here; molt's UTF-8 str cannot hold one.
        (
            Box::new(move || call(b("chr"), &[int(0xdcff)])),
            "!! NotImplementedError: molt: chr() would make a str with the lone surrogate U+DCFF, which molt's str cannot hold",
        ),
        (
            Box::new(move || call(b("format"), &[int(0xd800), s("c")])),
            "!! NotImplementedError: molt: format() with 'c' would make a str with the lone surrogate U+D800, which molt's str cannot hold",
        ),
        (
            Box::new(move || molt_binary(5, s("%c"), int(0xdfff))),
            "!! NotImplementedError: molt: '%c' formatting would make a str with the lone surrogate U+DFFF, which molt's str cannot hold",
        ),
        (
            Box::new(move || {
                let bytes = call(b("bytes"), &[s("a\u{ff}"), s("latin-1")]);
                method(bytes, "decode", &[s("utf-8"), s("surrogateescape")])
            }),
            "!! NotImplementedError: molt: decoding with 'surrogateescape' would make a str with a lone surrogate, which molt's str cannot hold",
        ),
        (
            Box::new(move || call(b("ord"), &[s("ab")])),
            "!! TypeError: ord() expected a character, but string of length 2 found",
        ),
        (Box::new(move || call(b("hex"), &[int(255)])), "'0xff'"),
        (Box::new(move || call(b("bin"), &[int(-5)])), "'-0b101'"),
        (Box::new(move || call(b("hash"), &[int(-1)])), "-2"),
        (
            Box::new(move || call(b("hash"), &[tuple_of(&[int(1), int(2)])])),
            "-3550055125485641917",
        ),
        (
            Box::new(move || call(b("hash"), &[list_of(&[])])),
            "!! TypeError: unhashable type: 'list'",
        ),
        (
            Box::new(move || call(b("pow"), &[int(2), int(-1), int(4)])),
            "!! ValueError: base is not invertible for the given modulus",
        ),
        (
            Box::new(move || call(b("pow"), &[int(3), int(4), int(5)])),
            "1",
        ),
        (
            Box::new(move || call(b("list"), &[call(b("enumerate"), &[s("ab"), int(1)])])),
            "[(1, 'a'), (2, 'b')]",
        ),
        (
            Box::new(move || {
                call(
                    b("list"),
                    &[call(
                        b("zip"),
                        &[s("ab"), list_of(&[int(1), int(2), int(3)])],
                    )],
                )
            }),
            "[('a', 1), ('b', 2)]",
        ),
        (
            Box::new(move || {
                call(
                    b("list"),
                    &[call(
                        b("reversed"),
                        &[call(b("range"), &[int(1), int(10), int(3)])],
                    )],
                )
            }),
            "[7, 4, 1]",
        ),
        (
            Box::new(move || call(b("sorted"), &[list_of(&[int(1), s("a")])])),
            "!! TypeError: '<' not supported between instances of 'str' and 'int'",
        ),
        (
            Box::new(move || {
                kwcall(
                    b("sorted"),
                    &[list_of(&[s("b"), s("A"), s("c")])],
                    &[
                        ("key", ok(molt_getattr(b("str"), s("lower")))),
                        ("reverse", Value::TRUE),
                    ],
                )
            }),
            "['c', 'b', 'A']",
        ),
        (
            Box::new(move || call(b("isinstance"), &[Value::TRUE, b("int")])),
            "True",
        ),
        (
            Box::new(move || call(b("range"), &[int(1), int(2), int(0)])),
            "!! ValueError: range() arg 3 must not be zero",
        ),
        (
            Box::new(move || call(b("next"), &[ok(molt_iter(list_of(&[])))])),
            "!! StopIteration",
        ),
        (
            Box::new(move || call(b("repr"), &[ok(call(b("KeyError"), &[s("k")]))])),
            "\"KeyError('k')\"",
        ),
        (
            Box::new(move || method(s("a b c"), "split", &[Value::NONE, int(1)])),
            "['a', 'b c']",
        ),
        (
            Box::new(move || method(s("42"), "zfill", &[int(5)])),
            "'00042'",
        ),
        (
            Box::new(move || method(s("abc"), "center", &[int(8), s("*")])),
            "'**abc***'",
        ),
        (
            Box::new(move || method(s("{0}{1}{0}"), "format", &[s("a"), s("b")])),
            "'aba'",
        ),
        (
            Box::new(move || method(s("a\nb\r\nc"), "splitlines", &[])),
            "['a', 'b', 'c']",
        ),
        (
            Box::new(move || method(s("abc"), "index", &[s("z")])),
            "!! ValueError: substring not found",
        ),
        (
            Box::new(move || method(s("a"), "join", &[list_of(&[int(1)])])),
            "!! TypeError: sequence item 0: expected str instance, int found",
        ),
        (
            Box::new(move || {
                ok(molt_binary(
                    10,
                    molt_build_set([int(1), int(2)].as_ptr(), 2),
                    molt_build_set([int(9), int(2)].as_ptr(), 2),
                ))
            }),
            "{1, 2, 9}",
        ),
        (
            Box::new(move || {
                ok(molt_binary(
                    1,
                    molt_build_set([int(1), int(2)].as_ptr(), 2),
                    molt_build_set([int(2)].as_ptr(), 1),
                ))
            }),
            "{1}",
        ),
        (
            Box::new(move || molt_binary(0, list_of(&[int(1)]), tuple_of(&[int(1)]))),
            "!! TypeError: can only concatenate list (not \"tuple\") to list",
        ),
        (
            Box::new(move || molt_binary(2, list_of(&[int(1)]), s("a"))),
            "!! TypeError: can't multiply sequence by non-int of type 'str'",
        ),
        (
            Box::new(move || molt_binary(6, Value::from_f64(10.0), int(400))),
            "!! OverflowError: (34, 'Numerical result out of range')",
        ),
        (Box::new(move || molt_binary(4, f(-7.5), int(2))), "-4.0"),
        (Box::new(move || molt_binary(5, f(-7.5), int(2))), "0.5"),
        (
            Box::new(move || molt_binary(5, f(1.0), int(0))),
            "!! ZeroDivisionError: float modulo",
        ),
        (
            Box::new(move || molt_compare(8, int(1), int(5))),
            "!! TypeError: argument of type 'int' is not iterable",
        ),
        (
            Box::new(move || molt_unary(0, s("a"))),
            "!! TypeError: bad operand type for unary -: 'str'",
        ),
        (Box::new(move || molt_unary(2, Value::TRUE)), "-2"),
    ];
    for (i, (got, want)) in cases.into_iter().enumerate() {
        assert_eq!(show(got()), want, "case {i}");
    }
}

#[test]
fn dict_and_list_methods() {
    let d = ok(molt_build_dict(
        [s("a"), int(1), s("b"), int(2), s("c"), int(3)].as_ptr(),
        3,
    ));
    assert_eq!(show(method(d, "pop", &[s("b")])), "2");
    assert_eq!(show(method(d, "pop", &[s("zz")])), "!! KeyError: 'zz'");
    assert_eq!(show(method(d, "pop", &[s("zz"), Value::NONE])), "None");
    assert_eq!(molt_setitem(d, s("b"), int(20)), 0);
    assert_eq!(repr(d), "{'a': 1, 'c': 3, 'b': 20}");
    assert_eq!(show(method(d, "popitem", &[])), "('b', 20)");
    let other = ok(molt_build_dict([s("z"), int(26)].as_ptr(), 1));
    ok(method(d, "update", &[other]));
    assert_eq!(show(call(builtin("list"), &[d])), "['a', 'c', 'z']");
    assert_eq!(
        show(call(builtin("list"), &[ok(method(d, "values", &[]))])),
        "[1, 3, 26]"
    );
    assert_eq!(molt_delitem(d, s("a")), 0);
    assert_eq!(show(molt_compare(8, s("a"), d)), "False");
    let l = list_of(&[int(5), int(1), int(4)]);
    ok(method(l, "insert", &[int(-1), int(9)]));
    assert_eq!(repr(l), "[5, 1, 9, 4]");
    assert_eq!(show(method(l, "pop", &[int(0)])), "5");
    ok(method(l, "remove", &[int(9)]));
    assert_eq!(
        show(method(l, "remove", &[int(9)])),
        "!! ValueError: list.remove(x): x not in list"
    );
    let sl = ok(molt_build_slice(int(0), int(1), Value::NONE));
    assert_eq!(molt_setitem(l, sl, list_of(&[int(7), int(8), int(9)])), 0);
    assert_eq!(repr(l), "[7, 8, 9, 4]");
    let step = ok(molt_build_slice(Value::NONE, Value::NONE, int(2)));
    assert_eq!(molt_delitem(l, step), 0);
    assert_eq!(repr(l), "[8, 4]");
    assert_eq!(
        show(molt_getitem(
            list_of(&[int(1), int(2), int(3)]),
            ok(molt_build_slice(int(-2), Value::NONE, Value::NONE))
        )),
        "[2, 3]"
    );
    assert_eq!(
        show(molt_compare(
            2,
            list_of(&[int(1), int(2)]),
            list_of(&[int(1), int(3)])
        )),
        "True"
    );
    assert_eq!(
        show(molt_compare(
            2,
            tuple_of(&[int(1), int(2)]),
            tuple_of(&[int(1), s("a")])
        )),
        "!! TypeError: '<' not supported between instances of 'int' and 'str'"
    );
    let nested = list_of(&[int(1)]);
    ok(method(nested, "append", &[nested]));
    assert_eq!(repr(nested), "[1, [...]]");
}

// --- Implicit exception chaining (`__context__`) ------------------------------------------

/// What generated code does on the exception edge into a handler at `level`:
/// `molt_exc_fetch`, then `exc.enter exc, level`.
fn enter(level: u32) -> Value {
    let e = molt_exc_fetch();
    molt_exc_enter(e, level);
    e
}

fn raise_new(cls: &'static str, msg: &'static str) -> Value {
    let e = call(builtin(cls), &[s(msg)]);
    if e.is_error() {
        return e;
    }
    let r = molt_raise(e, Value::UNBOUND);
    molt_decref(e);
    r
}

/// `try: raise KeyError('inner')` / `except KeyError: raise ValueError('while handling')`.
extern "C" fn chain_entry(_f: Value, _args: *const Value) -> Value {
    let r = raise_new("KeyError", "inner");
    assert!(r.is_error());
    let exc = enter(0);
    assert_eq!(molt_exc_match(exc, builtin("KeyError")), 1);
    molt_decref(exc);
    raise_new("ValueError", "while handling")
}

/// `try: raise KeyError('a')` / `except KeyError: pass` / `raise ValueError('after')`.
extern "C" fn handled_then_raise_entry(_f: Value, _args: *const Value) -> Value {
    let r = raise_new("KeyError", "a");
    assert!(r.is_error());
    let exc = enter(0);
    molt_decref(exc);
    molt_exc_leave(0);
    raise_new("ValueError", "after")
}

/// `try: raise KeyError('a')` / `except KeyError: return 1` (no `molt_exc_leave` before
/// the return: the runtime drops the frame's entries).
extern "C" fn return_from_handler_entry(_f: Value, _args: *const Value) -> Value {
    let r = raise_new("KeyError", "a");
    assert!(r.is_error());
    let exc = enter(0);
    molt_decref(exc);
    int(1)
}

/// ```python
/// try:
///     raise KeyError('outer')
/// except KeyError:
///     try:
///         raise IndexError('nested')
///     except IndexError:
///         pass
///     try:
///         raise TypeError('escapes')   # context: KeyError
///     except TypeError:
///         raise ValueError('last')     # context: TypeError (whose context is KeyError)
/// ```
extern "C" fn nested_entry(_f: Value, _args: *const Value) -> Value {
    assert!(raise_new("KeyError", "outer").is_error());
    molt_decref(enter(0));
    assert!(raise_new("IndexError", "nested").is_error());
    molt_decref(enter(1));
    molt_exc_leave(1);
    assert!(raise_new("TypeError", "escapes").is_error());
    molt_decref(enter(1));
    raise_new("ValueError", "last")
}

/// ```python
/// try:
///     try:
///         raise KeyError('a')
///     except KeyError:
///         raise TypeError('b')         # leaves the handler by an exception
/// except TypeError:
///     pass
/// raise ValueError('c')                # no context
/// ```
extern "C" fn exceptional_exit_entry(_f: Value, _args: *const Value) -> Value {
    assert!(raise_new("KeyError", "a").is_error());
    molt_decref(enter(0));
    assert!(raise_new("TypeError", "b").is_error());
    molt_decref(enter(0));
    molt_exc_leave(0);
    raise_new("ValueError", "c")
}

fn context_chain(e: Value) -> String {
    let mut out = crate::exceptions::exception_line(e);
    let mut cur = Ref::dup(e);
    loop {
        let ctx = ok(molt_getattr(cur.v(), s("__context__")));
        if ctx.is_none() {
            break;
        }
        out.push_str(" <- ");
        out.push_str(&crate::exceptions::exception_line(ctx));
        cur = Ref::new(ctx);
    }
    out
}

fn run_chain(entry: Entry) -> String {
    let f = make_fn("f", &[], entry, &[]);
    let r = call(f, &[]);
    molt_decref(f);
    if !r.is_error() {
        molt_decref(r);
        return format!(
            "returned; handled stack {}",
            crate::exceptions::handled_len()
        );
    }
    let e = molt_exc_fetch();
    let out = context_chain(e);
    molt_decref(e);
    assert_eq!(crate::exceptions::handled_len(), 0);
    out
}

use crate::object::Ref;

#[test]
fn implicit_exception_chaining() {
    assert_eq!(
        run_chain(chain_entry),
        "ValueError: while handling <- KeyError: 'inner'"
    );
    assert_eq!(run_chain(handled_then_raise_entry), "ValueError: after");
    assert_eq!(
        run_chain(return_from_handler_entry),
        "returned; handled stack 0"
    );
    assert_eq!(
        run_chain(nested_entry),
        "ValueError: last <- TypeError: escapes <- KeyError: 'outer'"
    );
    assert_eq!(run_chain(exceptional_exit_entry), "ValueError: c");
    // Runtime errors raised while handling are chained too, and a bare re-raise of the
    // handled exception does not chain it to itself.
    let e = ok(call(builtin("KeyError"), &[s("k")]));
    assert!(molt_raise(e, Value::UNBOUND).is_error());
    let h = enter(0);
    let r = call(builtin("int"), &[s("x")]);
    assert!(r.is_error());
    let ve = molt_exc_fetch();
    assert_eq!(
        context_chain(ve),
        "ValueError: invalid literal for int() with base 10: 'x' <- KeyError: 'k'"
    );
    assert!(molt_raise(h, Value::UNBOUND).is_error());
    let again = molt_exc_fetch();
    assert_eq!(again, h);
    assert_eq!(context_chain(again), "KeyError: 'k'");
    molt_exc_leave(0);
    for v in [e, h, ve, again] {
        molt_decref(v);
    }
    // A cycle is broken as in CPython: raising the handled exception's context again.
    let a = ok(call(builtin("KeyError"), &[s("a")]));
    let b = ok(call(builtin("TypeError"), &[s("b")]));
    assert!(molt_raise(a, Value::UNBOUND).is_error());
    molt_decref(enter(0));
    assert!(molt_raise(b, Value::UNBOUND).is_error()); // b.__context__ = a
    molt_decref(enter(1));
    assert!(molt_raise(a, Value::UNBOUND).is_error()); // a.__context__ = b, b's cut
    molt_decref(molt_exc_fetch());
    molt_exc_leave(0);
    assert_eq!(context_chain(a), "KeyError: 'a' <- TypeError: b");
    molt_decref(a);
    molt_decref(b);
}

/// ```python
/// def g():
///     try:
///         raise KeyError('in gen')
///     except KeyError:
///         yield 1
///         raise ValueError('after yield')   # context: KeyError
/// ```
extern "C" fn gen_handler_entry(_f: Value, _args: *const Value) -> Value {
    assert!(raise_new("KeyError", "in gen").is_error());
    molt_decref(enter(0));
    let sent = molt_yield(int(1));
    if sent.is_error() {
        return sent;
    }
    molt_decref(sent);
    raise_new("ValueError", "after yield")
}

#[test]
fn generators_keep_their_handled_exception() {
    let gf = make_gen_fn("g", &[], gen_handler_entry);
    let g = ok(call(gf, &[]));
    assert_eq!(ok(call(builtin("next"), &[g])), int(1));
    // Suspended: the caller is not handling the generator's exception.
    assert_eq!(crate::exceptions::handled_len(), 0);
    let r = call(builtin("int"), &[s("x")]);
    let e = molt_exc_fetch();
    assert!(r.is_error());
    assert_eq!(
        context_chain(e),
        "ValueError: invalid literal for int() with base 10: 'x'"
    );
    molt_decref(e);
    // Resumed: it is again.
    let r = call(builtin("next"), &[g]);
    assert!(r.is_error());
    let e = molt_exc_fetch();
    assert_eq!(
        context_chain(e),
        "ValueError: after yield <- KeyError: 'in gen'"
    );
    molt_decref(e);
    assert_eq!(crate::exceptions::handled_len(), 0);
    molt_decref(g);
    // throw() into a generator suspended in a handler chains the thrown exception.
    let g = ok(call(gf, &[]));
    assert_eq!(ok(call(builtin("next"), &[g])), int(1));
    let te = ok(call(builtin("TypeError"), &[s("thrown")]));
    let r = method(g, "throw", &[te]);
    assert!(r.is_error());
    let e = molt_exc_fetch();
    assert_eq!(context_chain(e), "TypeError: thrown <- KeyError: 'in gen'");
    molt_decref(e);
    molt_decref(te);
    molt_decref(g);
    molt_decref(gf);
}

/// `def with_value(): yield 1; return 'result'`
extern "C" fn with_value_entry(_f: Value, _args: *const Value) -> Value {
    let sent = molt_yield(int(1));
    if sent.is_error() {
        return sent;
    }
    molt_decref(sent);
    s("result")
}

#[test]
fn stop_iteration_value_and_system_exit_code() {
    let gf = make_gen_fn("with_value", &[], with_value_entry);
    let g = ok(call(gf, &[]));
    assert_eq!(ok(call(builtin("next"), &[g])), int(1));
    assert!(call(builtin("next"), &[g]).is_error());
    let e = molt_exc_fetch();
    assert_eq!(repr(ok(molt_getattr(e, s("value")))), "'result'");
    assert_eq!(repr(e), "StopIteration('result')");
    molt_decref(e);
    molt_decref(g);
    let g = ok(call(gf, &[]));
    let l = ok(call(builtin("list"), &[g]));
    assert_eq!(repr(l), "[1]");
    let e = ok(call(builtin("StopIteration"), &[]));
    assert_eq!(repr(ok(molt_getattr(e, s("value")))), "None");
    let se = builtin("SystemExit");
    assert_eq!(repr(ok(molt_getattr(ok(call(se, &[])), s("code")))), "None");
    assert_eq!(
        repr(ok(molt_getattr(ok(call(se, &[int(3)])), s("code")))),
        "3"
    );
    assert_eq!(
        repr(ok(molt_getattr(ok(call(se, &[int(3), s("x")])), s("code")))),
        "(3, 'x')"
    );
    assert_eq!(
        err_line(molt_getattr(
            ok(call(builtin("ValueError"), &[])),
            s("code")
        )),
        "AttributeError: 'ValueError' object has no attribute 'code'"
    );
}

#[test]
fn ranges_with_big_bounds() {
    let big = |t: &'static str| molt_const_bigint(t.as_ptr(), t.len() as u32);
    let r = ok(call(
        builtin("range"),
        &[
            big("-100000000000000000000"),
            big("100000000000000000000"),
            big("10000000000000000000"),
        ],
    ));
    assert_eq!(show(call(builtin("len"), &[r])), "20");
    assert_eq!(show(molt_getitem(r, int(5))), "-50000000000000000000");
    assert_eq!(show(molt_getitem(r, int(-1))), "90000000000000000000");
    assert_eq!(
        show(molt_compare(8, big("-100000000000000000000"), r)),
        "True"
    );
    assert_eq!(
        show(molt_compare(8, big("100000000000000000000"), r)),
        "False"
    );
    assert_eq!(
        repr(r),
        "range(-100000000000000000000, 100000000000000000000, 10000000000000000000)"
    );
    let l = ok(call(builtin("list"), &[r]));
    assert_eq!(show(call(builtin("len"), &[l])), "20");
    let huge = ok(call(builtin("range"), &[big("100000000000000000000")]));
    assert_eq!(
        show(call(builtin("len"), &[huge])),
        "!! OverflowError: Python int too large to convert to C ssize_t"
    );
    assert_eq!(
        show(molt_getitem(huge, big("99999999999999999999"))),
        "99999999999999999999"
    );
    let sl = molt_build_slice(Value::NONE, Value::NONE, int(-2));
    assert_eq!(
        show(molt_getitem(huge, sl)),
        "range(99999999999999999999, -1, -2)"
    );
    let rev = ok(call(builtin("reversed"), &[r]));
    assert_eq!(show(call(builtin("next"), &[rev])), "90000000000000000000");
    // Machine-size bounds whose arithmetic overflows i64.
    let edge = ok(call(
        builtin("range"),
        &[big("9223372036854775806"), big("9223372036854775807")],
    ));
    assert_eq!(
        show(call(builtin("list"), &[edge])),
        "[9223372036854775806]"
    );
    let rev = ok(call(builtin("reversed"), &[edge]));
    assert_eq!(show(call(builtin("list"), &[rev])), "[9223372036854775806]");
}

#[test]
fn freeing_deep_structures_uses_bounded_stack() {
    // Runs on a thread with a small stack: recursive freeing would overflow it.
    let t = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let _ = crate::state::rt();
            let key = s("k");
            let before = live::count();
            let mut x = crate::tuple::tuple_from_raw(Vec::new()).into_raw();
            for i in 0..200_000 {
                let inner = crate::list::list_from_raw(vec![x, int(i)]).into_raw();
                x = crate::tuple::tuple_from_raw(vec![inner]).into_raw();
            }
            let d = ok(molt_build_dict([key, x].as_ptr(), 1));
            molt_decref(x);
            molt_decref(d);
            assert_eq!(live::count(), before, "everything was freed");
        })
        .expect("thread");
    assert!(t.join().is_ok());
}

#[test]
fn deep_repr_and_comparison_raise_recursion_error() {
    let nest = |n: usize| {
        let mut x = crate::list::list_from_raw(Vec::new()).into_raw();
        for _ in 0..n {
            x = crate::list::list_from_raw(vec![x]).into_raw();
        }
        x
    };
    let (a, b) = (nest(20_000), nest(20_000));
    assert_eq!(
        err_line(molt_convert(1, a)),
        "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
    );
    assert_eq!(
        err_line(molt_compare(0, a, b)),
        "RecursionError: maximum recursion depth exceeded in comparison"
    );
    assert_eq!(crate::state::rt().depth.get(), 0, "every level was left");
    let small = nest(3);
    assert_eq!(repr(small), "[[[[]]]]");
    for v in [a, b, small] {
        molt_decref(v);
    }
}

#[test]
fn the_native_stack_check_raises_before_overflow() {
    // A limit far above what a 2 MiB stack can hold: only the stack check stops `repr`.
    let t = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let r = crate::state::rt();
            r.recursion_limit.set(10_000_000);
            let mut x = crate::list::list_from_raw(Vec::new()).into_raw();
            for _ in 0..1_000_000 {
                x = crate::list::list_from_raw(vec![x]).into_raw();
            }
            assert_eq!(
                err_line(molt_convert(1, x)),
                "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
            );
            let mut t = crate::tuple::tuple_from_raw(Vec::new()).into_raw();
            for _ in 0..1_000_000 {
                t = crate::tuple::tuple_from_raw(vec![t]).into_raw();
            }
            assert!(crate::hash::py_hash(t).is_err(), "hash raises");
            assert_eq!(
                crate::exceptions::exception_line(molt_exc_fetch()),
                "RecursionError: maximum recursion depth exceeded"
            );
            molt_decref(x);
            molt_decref(t);
        })
        .expect("thread");
    assert!(t.join().is_ok());
}

#[test]
fn decimal_digits_are_unicode_14_nd() {
    // The first digit of every run of decimal digits (category Nd) in Unicode 14.0, the
    // database of CPython 3.11 (`unicodedata.decimal(c) == 0` for `category(c) == 'Nd'`).
    const STARTS: &[u32] = &[
        0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
        0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
        0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
        0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
        0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0,
        0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
    ];
    let mut expected = std::collections::HashMap::new();
    for s in STARTS {
        for d in 0..10 {
            expected.insert(s + d, d);
        }
    }
    for cp in 0..=0x10FFFFu32 {
        if let Some(c) = char::from_u32(cp) {
            assert_eq!(
                crate::str::decimal_value(c),
                expected.get(&cp).copied(),
                "U+{cp:04X}"
            );
        }
    }
}

thread_local! {
    /// How many times `del_entry` ran.
    static DELS: Cell<usize> = const { Cell::new(0) };
}

/// `def __del__(self): pass`, counting its calls.
extern "C" fn del_entry(_f: Value, args: *const Value) -> Value {
    owned(args, 1, |_| {
        DELS.with(|c| c.set(c.get() + 1));
        Value::NONE
    })
}

#[test]
fn adding_del_while_instances_made_without_it_live_finalizes_them() {
    let make = |name: &'static str| {
        let ns = ok(molt_build_dict([].as_ptr(), 0));
        let bases = molt_build_tuple([].as_ptr(), 0);
        let cls = ok(molt_make_class(
            s(name),
            bases,
            ns,
            std::ptr::null(),
            0,
            Value::NONE,
        ));
        molt_decref(bases);
        molt_decref(ns);
        cls
    };
    let cls = make("Late");
    let del = make_fn("Late.__del__", &["self"], del_entry, &[]);
    // No instance alive: adding `__del__` is exact.
    let first = ok(call(cls, &[]));
    molt_decref(first);
    assert_eq!(molt_setattr(cls, s("__del__"), del), 0);
    assert_eq!(molt_delattr(cls, s("__del__")), 0);
    // An instance made without `__del__` is alive: CPython finalizes it when it dies.
    let alive = ok(call(cls, &[]));
    assert_eq!(molt_setattr(cls, s("__del__"), del), 0);
    assert_eq!(DELS.with(Cell::get), 0);
    molt_decref(alive);
    assert_eq!(DELS.with(Cell::get), 1);
    // One made with it, and one made before it was removed again: neither runs it now.
    let with = ok(call(cls, &[]));
    assert_eq!(molt_delattr(cls, s("__del__")), 0);
    molt_decref(with);
    assert_eq!(DELS.with(Cell::get), 1);
    molt_decref(del);
    molt_decref(cls);
}

// --- the moved-argument protocol --------------------------------------------------------------

thread_local! {
    /// The reference count of the first argument as `rc_entry` saw it.
    static SEEN_RC: Cell<i64> = const { Cell::new(0) };
}

/// `def f(a, b): pass`, recording `a`'s reference count on entry.
extern "C" fn rc_entry(_f: Value, args: *const Value) -> Value {
    SEEN_RC.with(|c| c.set(crate::object::refcount(arg(args, 0))));
    owned(args, 2, |_| Value::NONE)
}

fn fresh_list() -> Value {
    molt_build_list([int(1)].as_ptr(), 1)
}

fn seen_rc() -> i64 {
    SEEN_RC.with(|c| c.get())
}

#[test]
fn moved_arguments_belong_to_the_callee() {
    let f = make_fn("f", &["a", "b"], rc_entry, &[]);
    let kw = tuple_of(&[s("b")]);
    let base = live::count();
    // Both moved: the callee holds the only references, and frees them.
    let (a, b) = (fresh_list(), fresh_list());
    assert_eq!(
        ok(molt_call(f, [a, b].as_ptr(), 2, Value::NONE, 0b11)),
        Value::NONE
    );
    assert_eq!(seen_rc(), 1);
    assert_eq!(live::count(), base, "moved arguments die with the callee");
    // Borrowed: the callee gets new references; the caller's stay.
    let (a, b) = (fresh_list(), fresh_list());
    ok(molt_call(f, [a, b].as_ptr(), 2, Value::NONE, 0));
    assert_eq!(seen_rc(), 2);
    assert_eq!(crate::object::refcount(a), 1);
    molt_decref(a);
    molt_decref(b);
    assert_eq!(live::count(), base);
    // One object passed twice, one of the references moved.
    let a = fresh_list();
    ok(molt_call(f, [a, a].as_ptr(), 2, Value::NONE, 0b10));
    assert_eq!(seen_rc(), 2);
    assert_eq!(live::count(), base);
    // Through keywords and the generic binding.
    let (a, b) = (fresh_list(), fresh_list());
    ok(molt_call(f, [a, b].as_ptr(), 1, kw, 0b11));
    assert_eq!(seen_rc(), 1);
    assert_eq!(live::count(), base);
    // A builtin borrows them; the moved ones are released after it returns.
    let a = fresh_list();
    assert_eq!(
        ok(molt_call(builtin("len"), [a].as_ptr(), 1, Value::NONE, 1)),
        int(1)
    );
    assert_eq!(live::count(), base);
    molt_decref(kw);
    molt_decref(f);
}

#[test]
fn binding_errors_release_moved_arguments() {
    let f = make_fn("f", &["a", "b"], rc_entry, &[]);
    let cases: [(&[&'static str], usize, &str); 4] = [
        (
            &[],
            3,
            "TypeError: f() takes 2 positional arguments but 3 were given",
        ),
        (
            &[],
            1,
            "TypeError: f() missing 1 required positional argument: 'b'",
        ),
        (
            &["b", "c"],
            1,
            "TypeError: f() got an unexpected keyword argument 'c'",
        ),
        (
            &["b"],
            2,
            "TypeError: f() got multiple values for argument 'b'",
        ),
    ];
    for (names, npos, message) in cases {
        let names: Vec<Value> = names.iter().map(|n| s(n)).collect();
        let kw = tuple_of(&names);
        // The first round may intern or cache what the error needs; the second must leave
        // nothing behind.
        for round in 0..2 {
            let before = live::count();
            let vals: Vec<Value> = (0..npos + names.len()).map(|_| fresh_list()).collect();
            let r = molt_call(
                f,
                vals.as_ptr(),
                npos as u32,
                kw,
                !crate::call::Moved::CALLEE,
            );
            assert_eq!(err_line(r), message);
            if round == 1 {
                assert_eq!(live::count(), before, "{message}: moved arguments released");
            }
        }
        molt_decref(kw);
    }
    let base = live::count();
    // Past the recursion limit the arguments of the call that cannot start are released.
    let depth = crate::state::rt().depth.get();
    crate::state::rt()
        .depth
        .set(crate::state::rt().recursion_limit.get());
    let (a, b) = (fresh_list(), fresh_list());
    let r = molt_call(f, [a, b].as_ptr(), 2, Value::NONE, 0b11);
    crate::state::rt().depth.set(depth);
    assert_eq!(
        err_line(r),
        "RecursionError: maximum recursion depth exceeded"
    );
    assert_eq!(live::count(), base);
    molt_decref(f);
}

#[test]
fn methods_own_their_receiver_and_arguments() {
    let ns = ok(molt_build_dict([].as_ptr(), 0));
    let m = make_fn("K.m", &["self", "x"], rc_entry, &[]);
    assert_eq!(molt_setitem(ns, s("m"), m), 0);
    molt_decref(m);
    let bases = molt_build_tuple([].as_ptr(), 0);
    let cls = ok(molt_make_class(
        s("K"),
        bases,
        ns,
        std::ptr::null(),
        0,
        Value::NONE,
    ));
    molt_decref(bases);
    molt_decref(ns);
    let (m, nope, append, clear) = (s("m"), s("nope"), s("append"), s("clear"));
    let base = live::count();
    // A temporary receiver and argument, both moved into the method's frame.
    let obj = ok(call(cls, &[]));
    let x = fresh_list();
    ok(molt_call_method(
        obj,
        s("m"),
        [x].as_ptr(),
        1,
        Value::NONE,
        0b11,
    ));
    assert_eq!(seen_rc(), 1, "the receiver moved into `self`");
    assert_eq!(live::count(), base);
    // A bound method object: `self` gets a new reference, the argument moves.
    let obj = ok(call(cls, &[]));
    let bm = ok(molt_getattr(obj, m));
    let x = fresh_list();
    ok(molt_call(bm, [x].as_ptr(), 1, Value::NONE, 1));
    assert_eq!(seen_rc(), 3, "the instance, the bound method and `self`");
    molt_decref(bm);
    molt_decref(obj);
    assert_eq!(live::count(), base);
    // A moved bound method is released before the call: `self` is then the frame's.
    let obj = ok(call(cls, &[]));
    let bm = ok(molt_getattr(obj, m));
    molt_decref(obj);
    let x = fresh_list();
    let moved = crate::call::Moved::CALLEE | 1;
    ok(molt_call(bm, [x].as_ptr(), 1, Value::NONE, moved));
    assert_eq!(seen_rc(), 1, "only the frame holds the instance");
    assert_eq!(live::count(), base);
    // A failed lookup releases what was moved.
    let obj = ok(call(cls, &[]));
    let x = fresh_list();
    let r = molt_call_method(obj, nope, [x].as_ptr(), 1, Value::NONE, 0b11);
    assert_eq!(
        err_line(r),
        "AttributeError: 'K' object has no attribute 'nope'"
    );
    assert_eq!(live::count(), base);
    // Builtin methods borrow, and the moved values are released after the call.
    let l = fresh_list();
    let x = fresh_list();
    ok(molt_method_append(l, append, x, 0b10));
    assert_eq!(
        crate::object::refcount(x),
        1,
        "the list holds the only reference"
    );
    ok(molt_call_method(l, clear, [].as_ptr(), 0, Value::NONE, 0b1));
    assert_eq!(live::count(), base);
    molt_decref(cls);
}

#[test]
fn generators_own_their_arguments() {
    let outer = make_gen_fn("outer", &["g"], outer_entry);
    let count = make_gen_fn("count", &["n"], count_entry);
    let base = live::count();
    // Never started: the arguments are released with the generator.
    let inner = ok(call(count, &[int(3)]));
    let o = ok(molt_call(outer, [inner].as_ptr(), 1, Value::NONE, 1));
    assert_eq!(
        crate::object::refcount(inner),
        1,
        "the generator holds the argument"
    );
    molt_decref(o);
    assert_eq!(live::count(), base);
    // Run to the end: the body releases them.
    let inner = ok(call(count, &[int(3)]));
    let o = ok(molt_call(outer, [inner].as_ptr(), 1, Value::NONE, 1));
    assert_eq!(ok(call(builtin("sum"), &[o])), int(30));
    molt_decref(o);
    assert_eq!(live::count(), base);
    molt_decref(outer);
    molt_decref(count);
}

#[test]
fn memoryview_export_lock_follows_release_and_freeing() {
    let (bytearray, memoryview) = (builtin("bytearray"), builtin("memoryview"));
    let base = live::count();
    let ba = ok(call(bytearray, &[int(4)]));
    let mv = ok(call(memoryview, &[ba]));
    assert_eq!(
        crate::object::refcount(ba),
        2,
        "the view holds its exporter"
    );
    // A slice is a view of the same memory: a write through it is seen by the bytearray.
    let key = ok(molt_build_slice(int(1), Value::NONE, Value::NONE));
    let sl = ok(molt_getitem(mv, key));
    molt_decref(key);
    assert_eq!(molt_setitem(sl, int(0), int(7)), 0);
    assert_eq!(repr(ba), "bytearray(b'\\x00\\x07\\x00\\x00')");
    let one = [int(1)];
    assert_eq!(
        err_line(method(ba, "append", &one)),
        "BufferError: Existing exports of data: object cannot be re-sized"
    );
    ok(method(mv, "release", &[]));
    assert_eq!(
        err_line(method(ba, "append", &one)),
        "BufferError: Existing exports of data: object cannot be re-sized",
        "the slice still exports"
    );
    assert_eq!(
        err_line(molt_len(mv)),
        "ValueError: operation forbidden on released memoryview object"
    );
    molt_decref(sl);
    ok(method(ba, "append", &one));
    assert_eq!(repr(ba), "bytearray(b'\\x00\\x07\\x00\\x00\\x01')");
    molt_decref(mv);
    assert_eq!(
        crate::object::refcount(ba),
        1,
        "views released their exporter"
    );
    molt_decref(ba);
    assert_eq!(live::count(), base, "everything was freed");
}

/// The words generated code reads in lists and list iterators are where `molt_abi::layout`
/// says (the enum layout of `IterData` has no compile-time `offset_of`).
#[test]
fn list_and_iterator_layout_matches_the_abi() {
    use molt_abi::layout;
    let list = ok(molt_build_list([int(7), int(8), int(9)].as_ptr(), 3));
    let it = ok(molt_iter(list));
    // SAFETY: both are live objects of the runtime; only their words are read.
    unsafe {
        let word = |v: Value, offset: i32| -> u64 {
            (v.as_ptr() as *const u8)
                .add(offset as usize)
                .cast::<u64>()
                .read()
        };
        let kind = |v: Value| (word(v, layout::HEADER_KIND_OFFSET) & 0xFFFF_FFFF) as u32;
        assert_eq!(kind(list), layout::KIND_LIST);
        assert_eq!(word(list, layout::LIST_LEN_OFFSET), 3);
        let items = word(list, layout::LIST_ITEMS_OFFSET) as usize as *const Value;
        assert_eq!((*items.add(2)).as_inline_int(), 9);
        assert_eq!(kind(it), layout::KIND_ITER);
        assert_eq!(
            (word(it, layout::ITER_VARIANT_OFFSET) & 0xFFFF_FFFF) as u32,
            layout::ITER_SEQ
        );
        assert_eq!(word(it, layout::ITER_SEQ_OFFSET), list.0);
        assert_eq!(word(it, layout::ITER_SEQ_INDEX_OFFSET), 0);
        let first = molt_iter_next(it);
        assert_eq!(first.as_inline_int(), 7);
        assert_eq!(word(it, layout::ITER_SEQ_INDEX_OFFSET), 1);
    }
    molt_decref(it);
    molt_decref(list);
}

/// The words generated code reads in tuples are where `molt_abi::layout` says: the kind, the
/// count, and the items inline after it.
#[test]
fn tuple_layout_matches_the_abi() {
    use molt_abi::layout;
    let x = s("x");
    let t = ok(molt_build_tuple([int(7), x, int(9)].as_ptr(), 3));
    // SAFETY: a live object of the runtime; only its words are read.
    unsafe {
        let word = |v: Value, offset: i32| -> u64 {
            (v.as_ptr() as *const u8)
                .add(offset as usize)
                .cast::<u64>()
                .read()
        };
        assert_eq!(
            (word(t, layout::HEADER_KIND_OFFSET) & 0xFFFF_FFFF) as u32,
            layout::KIND_TUPLE
        );
        assert_eq!(word(t, layout::TUPLE_LEN_OFFSET), 3);
        let item = |i: i32| word(t, layout::TUPLE_ITEMS_OFFSET + 8 * i);
        assert_eq!(Value(item(0)).as_inline_int(), 7);
        assert_eq!(item(1), x.0);
        assert_eq!(Value(item(2)).as_inline_int(), 9);
    }
    assert_eq!(crate::tuple::tuple_items(t), &[int(7), x, int(9)]);
    molt_decref(t);
    molt_decref(x);
}

/// A tuple is one block holding its items: it keeps each item alive, releases them (last
/// first) when it dies, and tuples of any length (empty, small, beyond the allocator's small
/// blocks) are made and freed without leaks; a builder dropped before it finished releases
/// what it was given.
#[test]
fn tuples_own_their_items_and_free_their_block() {
    use crate::object::{TupleBuilder, live, refcount};
    let _ = crate::state::rt();
    let before = live::count();
    let item = crate::str::str_from("only held by the tuple").into_raw();
    let t = crate::tuple::tuple_from_raw(vec![item, int(1)]);
    assert_eq!(refcount(item), 1);
    let got = molt_tuple_get(t.v(), 0);
    assert_eq!(got, item);
    assert_eq!(refcount(item), 2);
    drop(t);
    // The item survives the tuple that held it.
    assert_eq!(refcount(item), 1);
    assert_eq!(crate::str::as_str(got), "only held by the tuple");
    molt_decref(got);
    assert_eq!(live::count(), before);
    // Empty: a new object when asked for one (start-up), else the shared `()`.
    let e = crate::tuple::tuple_from_raw(Vec::new());
    assert!(crate::tuple::tuple_items(e.v()).is_empty());
    assert_ne!(e.v(), crate::state::rt().empty_tuple);
    drop(e);
    assert_eq!(
        crate::tuple::tuple_from_slice(&[]).v(),
        crate::state::rt().empty_tuple
    );
    // Lengths around the allocator's small-block limit and far beyond it.
    for n in [1usize, 2, 3, 29, 30, 31, 1000, 100_000] {
        let strs: Vec<Value> = (0..n)
            .map(|i| crate::str::str_from(&format!("s{i}")).into_raw())
            .collect();
        let t = crate::tuple::tuple_from_slice(&strs);
        for v in &strs {
            molt_decref(*v);
        }
        let items = crate::tuple::tuple_items(t.v());
        assert_eq!(items.len(), n);
        assert_eq!(crate::str::as_str(items[n - 1]), format!("s{}", n - 1));
        assert!(items.iter().all(|v| refcount(*v) == 1));
        let r = crate::tuple::tuple_repeat(t.v(), 2).unwrap_or_else(|_| panic!("repeat"));
        assert_eq!(crate::tuple::tuple_items(r.v()).len(), 2 * n);
        let s = crate::tuple::tuple_getslice(t.v(), 1, n as i64, 2);
        assert_eq!(crate::tuple::tuple_items(s.v()).len(), n / 2);
        drop((r, s, t));
        assert_eq!(live::count(), before, "n = {n}");
    }
    // A builder dropped half-way releases the items it holds and frees its block.
    let held = crate::str::str_from("pushed").into_raw();
    let mut b = TupleBuilder::new(3);
    b.push(crate::object::incref(held));
    drop(b);
    assert_eq!(refcount(held), 1);
    molt_decref(held);
    assert_eq!(live::count(), before);
    // Too long for memory: MemoryError, nothing allocated.
    assert!(TupleBuilder::try_new(usize::MAX / 4).is_err());
    crate::exceptions::take_pending();
}

#[test]
fn runtime_module_names_match_the_compilers_lists() {
    let _ = crate::state::rt();
    for (name, listed) in molt_abi::runtime_module_names::ALL {
        let m = crate::modules::import(name, 0, Value::NONE, Value::NONE)
            .unwrap_or_else(|_| panic!("import {name}"));
        let mut names: Vec<String> = crate::dict::dict_data(crate::modules::module_dict(m.v()))
            .items()
            .into_iter()
            .map(|(k, _)| crate::str::as_str(k).to_string())
            .filter(|k| !k.starts_with("__"))
            .collect();
        names.sort();
        let listed: Vec<String> = listed.iter().map(|s| s.to_string()).collect();
        assert_eq!(names, listed, "the names of module {name}");
    }
}
