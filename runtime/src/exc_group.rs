//! Exception groups (PEP 654): `BaseExceptionGroup` and `ExceptionGroup`, their methods
//! (`__new__`, `__str__`, `derive`, `split`, `subgroup`), and the run-time part of
//! `try`/`except*` behind the hidden builtin [`EXCEPT_STAR`].
//!
//! An exception group is an exception instance whose state ([`ExcState`](crate::object::ExcState)) keeps its message
//! in the `name` cell and its exceptions (a tuple) in the `obj` cell: those cells serve only
//! `NameError`, `AttributeError` and `ImportError` otherwise, which cannot share an
//! instance layout with a group (CPython's layout conflict, `LAYOUT_EXCEPTIONS` in
//! `class.rs`). `args` is what the constructor got, `(message, exceptions)` with the
//! sequence as given.
//!
//! `<except*>(op, ...)`, with `op` one of:
//! - [`OP_START`] `(exc)`: the state of an `except*` block handling `exc`: a list
//!   `[orig, rest, raised...]`.
//! - [`OP_MATCH`] `(state, types)`: the part of `rest` an `except* types` clause handles
//!   (CPython's `CHECK_EG_MATCH`): `None` when nothing matches; a naked exception that
//!   matches is wrapped in `ExceptionGroup("", (exc,))`; a group is `split`; `rest` becomes
//!   what is left. `TypeError` for a `types` that is not an exception class (or a tuple of
//!   them) or that is an exception group class.
//! - [`OP_RAISED`] `(state, exc)`: a clause's body raised `exc`.
//! - [`OP_FINISH`] `(state)`: what the block raises once every clause ran, or `None`
//!   (CPython's `_PyExc_PrepReraiseStar`: the exceptions the bodies raised anew, each as
//!   it is, and those re-raised or unhandled as one group with the structure of the
//!   original, all in a new `ExceptionGroup("", [...])` when there are several).
//!
//! Behaviour follows PEP 654 and CPython 3.11's observable results (error messages,
//! which groups are derived, the metadata they copy).

use crate::class::{class_name, is_class, is_subclass, isinstance_class, type_name};
use crate::exceptions::{ExcKind, R, exc_state, is_exception, type_error, value_error};
use crate::object::{Args, Kind, Ref, is_kind};
use crate::state::exc_class;
use crate::tuple::{tuple_from_vec, tuple_items};
use crate::value::Value;

/// The name of the hidden builtin (not a Python identifier).
pub const EXCEPT_STAR: &str = "<except*>";
/// `<except*>(OP_START, exc)`: see the module docs.
pub const OP_START: i64 = 0;
/// `<except*>(OP_MATCH, state, types)`.
pub const OP_MATCH: i64 = 1;
/// `<except*>(OP_RAISED, state, exc)`.
pub const OP_RAISED: i64 = 2;
/// `<except*>(OP_FINISH, state)`.
pub const OP_FINISH: i64 = 3;

/// Whether `v` is an exception group (an instance of `BaseExceptionGroup`).
pub fn is_group(v: Value) -> bool {
    is_exception(v) && isinstance_class(v, exc_class(ExcKind::BaseExceptionGroup))
}

/// The exceptions of group `eg` (borrowed items of its tuple; empty for a group whose
/// `__new__` did not run).
pub fn group_excs<'a>(eg: Value) -> &'a [Value] {
    match exc_state(eg) {
        Some(s) if crate::tuple::is_tuple(s.obj.get()) => tuple_items(s.obj.get()),
        _ => &[],
    }
}

/// The message of group `eg` (borrowed; `''` when its `__new__` did not run).
fn group_message(eg: Value) -> Value {
    match exc_state(eg) {
        Some(s) if crate::str::is_str(s.name.get()) => s.name.get(),
        _ => crate::state::rt().empty_str,
    }
}

/// `eg.message` and `eg.exceptions` (`None` for other names or non-groups).
pub fn group_attr(v: Value, name: &str) -> Option<Ref> {
    if !is_group(v) {
        return None;
    }
    match name {
        "message" => Some(Ref::dup(group_message(v))),
        "exceptions" => {
            let s = exc_state(v)?;
            let t = s.obj.get();
            Some(if crate::tuple::is_tuple(t) {
                Ref::dup(t)
            } else {
                tuple_from_vec(Vec::new())
            })
        }
        _ => None,
    }
}

/// CPython's `PySequence_Check`: the builtin sequences, and instances whose class defines
/// `__getitem__` (a `dict` is not a sequence).
fn is_sequence(v: Value) -> bool {
    if crate::tuple::is_tuple(v)
        || crate::list::is_list(v)
        || crate::str::is_str(v)
        || is_kind(v, Kind::Range)
        || is_kind(v, Kind::Bytes)
    {
        return true;
    }
    if !v.is_ptr() || is_kind(v, Kind::Dict) || is_kind(v, Kind::Set) {
        return false;
    }
    is_kind(v, Kind::Instance) && crate::class::has_dunder(v, "__getitem__")
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)` with CPython's checks and
/// messages: `BaseExceptionGroup(...)` of `Exception`s only makes an `ExceptionGroup`;
/// `ExceptionGroup` (and a user subclass deriving from `Exception`) refuse other
/// exceptions. Does not run `__init__`; ignores keyword arguments, as CPython does.
pub fn group_new(cls: Value, args: Args<'_>) -> R<Ref> {
    // Keyword arguments are refused by `__init__` (`BaseException.__init__`), not here.
    let [message, excs] = args.pos else {
        return type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.pos.len()
        ));
    };
    let (message, excs) = (*message, *excs);
    if !crate::str::is_str(message) {
        return type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            crate::class::arg_type_name(message)
        ));
    }
    if !is_sequence(excs) {
        return type_error("second argument (exceptions) must be a sequence");
    }
    let items = crate::iter::collect_vec(excs)?;
    if items.is_empty() {
        return value_error("second argument (exceptions) must be a non-empty sequence");
    }
    let exception = exc_class(ExcKind::Exception);
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if !is_exception(e.v()) {
            return value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            ));
        }
        if !isinstance_class(e.v(), exception) {
            nested_base = true;
        }
    }
    let base_group = exc_class(ExcKind::BaseExceptionGroup);
    let group = exc_class(ExcKind::ExceptionGroup);
    let mut cls = cls;
    if cls == base_group {
        if !nested_base {
            cls = group;
        }
    } else if cls == group {
        if nested_base {
            return type_error("Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if nested_base && is_subclass(cls, exception) {
        return type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            class_name(cls)
        ));
    }
    let args_tuple = crate::tuple::tuple_from_slice(args.pos);
    let state = crate::exceptions::exc_state_box(args_tuple.into_raw());
    state.name.set(crate::object::incref(message));
    state.obj.set(tuple_from_vec(items.into_vec()).into_raw());
    Ok(crate::class::new_instance_raw(cls, Some(state)))
}

/// `BaseExceptionGroup.__new__` as a builtin: `(cls, message, exceptions)`.
fn m_new(_owner: Value, args: Args<'_>) -> R<Ref> {
    let Some((&cls, rest)) = args.pos.split_first() else {
        return type_error("BaseExceptionGroup.__new__(): not enough arguments");
    };
    if !is_class(cls) {
        return type_error(format!(
            "BaseExceptionGroup.__new__(X): X is not a type object ({})",
            type_name(cls)
        ));
    }
    if !is_subclass(cls, exc_class(ExcKind::BaseExceptionGroup)) {
        let n = class_name(cls);
        return type_error(format!(
            "BaseExceptionGroup.__new__({n}): {n} is not a subtype of BaseExceptionGroup"
        ));
    }
    group_new(
        cls,
        Args {
            pos: rest,
            kwnames: args.kwnames,
            kwvals: args.kwvals,
        },
    )
}

/// `str(eg)`: `message (N sub-exception[s])`.
fn m_str(recv: Value, _args: Args<'_>) -> R<Ref> {
    let n = group_excs(recv).len();
    Ok(crate::str::str_from_owned(format!(
        "{} ({n} sub-exception{})",
        crate::str::as_str(group_message(recv)),
        if n > 1 { "s" } else { "" }
    )))
}

/// `eg.derive(excs)`: `BaseExceptionGroup(eg.message, excs)`.
fn m_derive(recv: Value, args: Args<'_>) -> R<Ref> {
    if !args.kwnames.is_empty() {
        return type_error("BaseExceptionGroup.derive() takes no keyword arguments");
    }
    let [excs] = args.pos else {
        return type_error(format!(
            "function takes exactly 1 argument ({} given)",
            args.pos.len()
        ));
    };
    let pos = [group_message(recv), *excs];
    group_new(
        exc_class(ExcKind::BaseExceptionGroup),
        Args::positional(&pos),
    )
}

/// One argument of `split` / `subgroup`.
fn one_arg(args: &Args<'_>, name: &str) -> R<Value> {
    if !args.kwnames.is_empty() {
        return type_error(format!(
            "BaseExceptionGroup.{name}() takes no keyword arguments"
        ));
    }
    match args.pos {
        [v] => Ok(*v),
        _ => type_error(format!(
            "{name} expected 1 argument, got {}",
            args.pos.len()
        )),
    }
}

/// `eg.split(cond)`: `(match, rest)`, each a group or `None`.
fn m_split(recv: Value, args: Args<'_>) -> R<Ref> {
    let cond = one_arg(&args, "split")?;
    let m = matcher(cond)?;
    let (matched, rest) = split_recursive(recv, &m, true)?;
    Ok(crate::tuple::tuple_from_array([
        matched.unwrap_or(Ref::NONE),
        rest.unwrap_or(Ref::NONE),
    ]))
}

/// `eg.subgroup(cond)`: the matching part, or `None`.
fn m_subgroup(recv: Value, args: Args<'_>) -> R<Ref> {
    let cond = one_arg(&args, "subgroup")?;
    let m = matcher(cond)?;
    let (matched, _) = split_recursive(recv, &m, false)?;
    Ok(matched.unwrap_or(Ref::NONE))
}

/// The methods of `BaseExceptionGroup`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("__str__", m_str),
    ("derive", m_derive),
    ("split", m_split),
    ("subgroup", m_subgroup),
];

/// The static methods of `BaseExceptionGroup` (bound to the class, as `object.__new__`).
pub const CLASS_METHODS: &[(&str, crate::object::BuiltinFn)] = &[("__new__", m_new)];

/// What `split` matches leaves and groups against.
enum Matcher {
    /// An exception class or a tuple of them (`isinstance`).
    Type(Value),
    /// A callable that is not a class, called with each exception.
    Predicate(Value),
    /// Exactly these exceptions (by identity).
    Ids(Vec<Value>),
}

fn is_exception_class(v: Value) -> bool {
    is_class(v) && is_subclass(v, exc_class(ExcKind::BaseException))
}

fn matcher(cond: Value) -> R<Matcher> {
    if crate::builtins::is_callable(cond) && !is_class(cond) {
        return Ok(Matcher::Predicate(cond));
    }
    if is_exception_class(cond) {
        return Ok(Matcher::Type(cond));
    }
    if crate::tuple::is_tuple(cond)
        && crate::class::type_of(cond) == crate::state::rt().t.tuple
        && tuple_items(cond).iter().all(|c| is_exception_class(*c))
    {
        return Ok(Matcher::Type(cond));
    }
    type_error("expected a function, exception type or tuple of exception types")
}

/// `isinstance(exc, cls)` for a class or a (nested) tuple of classes.
fn given_matches(exc: Value, cls: Value) -> bool {
    if crate::tuple::is_tuple(cls) {
        return tuple_items(cls).iter().any(|c| given_matches(exc, *c));
    }
    is_class(cls) && isinstance_class(exc, cls)
}

fn matches(exc: Value, m: &Matcher) -> R<bool> {
    match m {
        Matcher::Type(t) => Ok(given_matches(exc, *t)),
        Matcher::Predicate(f) => {
            let r = crate::call::call(*f, Args::positional(&[exc]))?;
            crate::ops::is_true(r.v())
        }
        Matcher::Ids(ids) => Ok(ids.contains(&exc)),
    }
}

/// CPython's `exceptiongroup_split_recursive`: a full match is `exc` itself; a leaf that
/// does not match is the rest; a group is split member by member and each side rebuilt by
/// [`subset`] (`derive`, plus the original's metadata).
fn split_recursive(exc: Value, m: &Matcher, construct_rest: bool) -> R<(Option<Ref>, Option<Ref>)> {
    if matches(exc, m)? {
        return Ok((Some(Ref::dup(exc)), None));
    }
    if !is_group(exc) {
        return Ok((None, construct_rest.then(|| Ref::dup(exc))));
    }
    let depth = crate::recursion::enter(" in exceptiongroup_split_recursive")?;
    let members: Vec<Ref> = group_excs(exc).iter().map(|e| Ref::dup(*e)).collect();
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in &members {
        let (a, b) = split_recursive(e.v(), m, construct_rest)?;
        matched.extend(a);
        rest.extend(b);
    }
    drop(depth);
    let matched = subset(exc, matched)?;
    let rest = if construct_rest {
        subset(exc, rest)?
    } else {
        None
    };
    Ok((matched, rest))
}

/// CPython's `exceptiongroup_subset`: `orig.derive(excs)` (`None` for no exceptions), with
/// the traceback, `__cause__`, `__context__` and a copy of `__notes__` of `orig` (setting
/// the cause also sets `__suppress_context__`, as `PyException_SetCause` does).
fn subset(orig: Value, excs: Vec<Ref>) -> R<Option<Ref>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = crate::list::list_from_vec(excs);
    let derive = crate::str::str_intern("derive");
    let eg = crate::call::call_method(orig, derive, Args::positional(&[list.v()]))?;
    if !is_group(eg.v()) {
        return type_error("derive must return an instance of BaseExceptionGroup");
    }
    if let (Some(from), Some(to)) = (exc_state(orig), exc_state(eg.v())) {
        let tb = from.tb.borrow().clone();
        *to.tb.borrow_mut() = tb;
        crate::object::decref(
            to.context
                .replace(crate::object::incref(from.context.get())),
        );
        crate::object::decref(to.cause.replace(crate::object::incref(from.cause.get())));
        to.suppress_context.set(true);
    }
    let key = crate::str::str_intern("__notes__");
    let notes = match crate::attr::getattr(orig, key) {
        Ok(n) => Some(n),
        Err(e) => {
            if !crate::exceptions::pending_is(ExcKind::AttributeError) {
                return Err(e);
            }
            drop(crate::exceptions::take_pending());
            None
        }
    };
    if let Some(notes) = notes
        && is_sequence(notes.v())
    {
        let copy = crate::list::list_from_vec(crate::iter::collect_vec(notes.v())?.into_vec());
        crate::attr::setattr(eg.v(), key, copy.v())?;
    }
    Ok(Some(eg))
}

/// `ExceptionGroup("", excs)` or `BaseExceptionGroup` when one is not an `Exception`
/// (CPython's `_PyExc_CreateExceptionGroup`).
fn create_group(excs: Ref) -> R<Ref> {
    let pos = [crate::state::rt().empty_str, excs.v()];
    group_new(
        exc_class(ExcKind::BaseExceptionGroup),
        Args::positional(&pos),
    )
}

// --- except* --------------------------------------------------------------------------------

/// CPython's `check_except_star_type_valid`.
fn check_star_type(types: Value) -> R<()> {
    let items: Vec<Value> = if crate::tuple::is_tuple(types) {
        tuple_items(types).to_vec()
    } else {
        vec![types]
    };
    if items.iter().any(|c| !is_exception_class(*c)) {
        return type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        );
    }
    let group = exc_class(ExcKind::BaseExceptionGroup);
    if items.iter().any(|c| is_subclass(*c, group)) {
        return type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        );
    }
    Ok(())
}

/// The state list's item `i` (borrowed).
fn state_item(state: Value, i: usize) -> Value {
    crate::list::list_vec(state)
        .get(i)
        .copied()
        .unwrap_or(Value::NONE)
}

/// `OP_MATCH`: CPython's `exception_group_match`.
fn star_match(state: Value, types: Value) -> R<Ref> {
    check_star_type(types)?;
    let rest = Ref::dup(state_item(state, 1));
    if rest.v().is_none() {
        return Ok(Ref::NONE);
    }
    let (matched, new_rest) = if given_matches(rest.v(), types) {
        if is_group(rest.v()) {
            (Ref::dup(rest.v()), Ref::NONE)
        } else {
            let wrapped = create_group(crate::tuple::tuple_from_array([Ref::dup(rest.v())]))?;
            (wrapped, Ref::NONE)
        }
    } else if is_group(rest.v()) {
        let (a, b) = split_recursive(rest.v(), &Matcher::Type(types), true)?;
        match a {
            Some(a) => (a, b.unwrap_or(Ref::NONE)),
            None => return Ok(Ref::NONE),
        }
    } else {
        return Ok(Ref::NONE);
    };
    let items = crate::list::list_vec(state);
    let old = std::mem::replace(&mut items[1], new_rest.into_raw());
    crate::object::decref(old);
    Ok(matched)
}

/// CPython's `is_same_exception_metadata`: the same traceback, cause and context (a
/// traceback is the same when it has the same entries: a re-raise adds none). CPython
/// compares a `notes` field too, which 3.11 leaves empty (notes live in `__dict__`).
fn same_metadata(a: Value, b: Value) -> bool {
    let (Some(x), Some(y)) = (exc_state(a), exc_state(b)) else {
        return false;
    };
    let same_tb = {
        let (t1, t2) = (x.tb.borrow(), y.tb.borrow());
        t1.len() == t2.len()
            && t1
                .iter()
                .zip(t2.iter())
                .all(|(p, q)| std::ptr::eq(p.code, q.code) && p.site == q.site)
    };
    same_tb && x.cause.get() == y.cause.get() && x.context.get() == y.context.get()
}

/// The leaves of `exc` (a group's, recursively; `exc` itself otherwise).
fn collect_leaves(exc: Value, out: &mut Vec<Value>) {
    if exc.is_none() {
        return;
    }
    if !is_group(exc) {
        out.push(exc);
        return;
    }
    for e in group_excs(exc) {
        collect_leaves(*e, out);
    }
}

/// `OP_FINISH`: CPython's `_PyExc_PrepReraiseStar` over the raised exceptions and the rest.
fn star_finish(state: Value) -> R<Ref> {
    let all: Vec<Ref> = crate::list::list_vec(state)
        .iter()
        .map(|v| Ref::dup(*v))
        .collect();
    let orig = all[0].v();
    // The raised exceptions in order, then the unhandled rest.
    let mut excs: Vec<Value> = all[2..].iter().map(|r| r.v()).collect();
    excs.push(all[1].v());
    if !is_group(orig) {
        // A naked exception: at most one clause ran.
        return Ok(Ref::dup(excs[0]));
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        if e.is_none() {
            continue;
        }
        if same_metadata(e, orig) {
            reraised.push(e);
        } else {
            raised.push(Ref::dup(e));
        }
    }
    let mut leaves = Vec::new();
    for e in &reraised {
        collect_leaves(*e, &mut leaves);
    }
    let (projection, _) = split_recursive(orig, &Matcher::Ids(leaves), false)?;
    if raised.is_empty() {
        return Ok(projection.unwrap_or(Ref::NONE));
    }
    raised.extend(projection);
    if raised.len() > 1 {
        create_group(crate::list::list_from_vec(raised))
    } else {
        Ok(raised.pop().unwrap_or(Ref::NONE))
    }
}

/// The hidden builtin `<except*>` (see the module docs).
pub fn except_star_builtin(_recv: Value, args: Args<'_>) -> R<Ref> {
    let (op, a) = crate::matching::hidden_op(args);
    match (op, a) {
        (OP_START, [exc]) => Ok(crate::list::list_from_vec(vec![
            Ref::dup(*exc),
            Ref::dup(*exc),
        ])),
        (OP_MATCH, [state, types]) if crate::list::is_list(*state) => star_match(*state, *types),
        (OP_RAISED, [state, exc]) if crate::list::is_list(*state) => {
            crate::list::list_append(*state, *exc);
            Ok(Ref::NONE)
        }
        (OP_FINISH, [state]) if crate::list::is_list(*state) => star_finish(*state),
        _ => type_error("molt: bad except* operation"),
    }
}
