//! The per-thread runtime state: builtin classes, exception classes, the builtins namespace,
//! the pending exception, the call depth and the caches for constants.
//!
//! The state is created on first use ([`rt`]) and lives until the process exits (it is
//! leaked on purpose: everything in it is immortal). Each thread has its own.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::exceptions::{EXC_TABLE, ExcKind};
use crate::object::{BuiltinFn, immortalize};
use crate::value::Value;

/// The builtin classes.
pub struct Types {
    /// `object`.
    pub object: Value,
    /// `type`.
    pub type_: Value,
    /// `int`.
    pub int: Value,
    /// `bool`.
    pub bool: Value,
    /// `float`.
    pub float: Value,
    /// `str`.
    pub str: Value,
    /// `bytes`.
    pub bytes: Value,
    /// `bytearray`.
    pub bytearray: Value,
    /// `memoryview`.
    pub memoryview: Value,
    /// `NoneType`.
    pub none: Value,
    /// `list`.
    pub list: Value,
    /// `tuple`.
    pub tuple: Value,
    /// `dict`.
    pub dict: Value,
    /// `set`.
    pub set: Value,
    /// `frozenset` (instances are set objects with [`crate::set::FLAG_FROZEN`]).
    pub frozenset: Value,
    /// `range`.
    pub range: Value,
    /// `complex`.
    pub complex: Value,
    /// `slice`.
    pub slice: Value,
    /// `function`.
    pub function: Value,
    /// `builtin_function_or_method`.
    pub builtin: Value,
    /// `method_descriptor` (`str.upper`).
    pub method_descriptor: Value,
    /// `wrapper_descriptor` (`str.__add__`).
    pub wrapper_descriptor: Value,
    /// `method-wrapper` (`"a".__add__`).
    pub method_wrapper: Value,
    /// `types.GenericAlias` (`list[int]`).
    pub generic_alias: Value,
    /// `types.UnionType` (`int | None`).
    pub union_type: Value,
    /// `method`.
    pub method: Value,
    /// `module`.
    pub module: Value,
    /// `cell`.
    pub cell: Value,
    /// `dict_keys`.
    pub dict_keys: Value,
    /// `dict_values`.
    pub dict_values: Value,
    /// `dict_items`.
    pub dict_items: Value,
    /// `super`.
    pub super_: Value,
    /// `property`.
    pub property: Value,
    /// `staticmethod`.
    pub staticmethod: Value,
    /// `classmethod`.
    pub classmethod: Value,
    /// `TextIOWrapper` (`sys.stdout` and friends).
    pub file: Value,
    /// `ellipsis`.
    pub ellipsis: Value,
    /// `NotImplementedType`.
    pub not_implemented: Value,
    /// `generator`.
    pub generator: Value,
    /// `mappingproxy` (a class's `__dict__`): instances are [`crate::object::Kind::Instance`]
    /// values with one member slot holding the dict.
    pub mappingproxy: Value,
    /// `member_descriptor` (a `__slots__` member in a class namespace).
    pub member_descriptor: Value,
    /// `getset_descriptor` (`__dict__` and `__weakref__` in a class namespace).
    pub getset_descriptor: Value,
}

/// The runtime state of one thread.
pub struct Runtime {
    /// Builtin classes.
    pub t: Types,
    /// Exception classes, indexed by [`ExcKind`].
    pub exc: Vec<Value>,
    /// Classes of closure-driven iterators, indexed by [`crate::object::IterType`]
    /// (`enumerate`, `zip`, `map`, `filter` and `reversed` are callable, and so are
    /// `itertools`' native classes, [`crate::itertools::NATIVE_CLASSES`]).
    pub iter_types: Vec<Value>,
    /// Classes of the other builtin iterators, by name ([`ITER_CLASS_NAMES`]).
    pub iter_classes: Vec<Value>,
    /// The builtins namespace (a dict).
    pub builtins: Value,
    /// The pending exception, or `Value::UNBOUND`.
    pub pending: Cell<Value>,
    /// The exceptions being handled (CPython's `exc_info` chain), innermost last; owned
    /// references. See [`crate::exceptions::exc_enter`].
    pub handled: std::cell::UnsafeCell<Vec<Value>>,
    /// Index in `handled` where the entries of the running compiled frame start.
    pub handled_base: Cell<usize>,
    /// Number of Python calls in progress (a field of [`CallDepth`]).
    pub depth: &'static Cell<u32>,
    /// The recursion limit (`sys.setrecursionlimit`; a field of [`CallDepth`]).
    pub recursion_limit: &'static Cell<u32>,
    /// Single-character strs for code points 0..256.
    pub chars: Vec<Value>,
    /// `''`.
    pub empty_str: Value,
    /// The shared bytes objects of length 0 (index 256) and 1 (index: the byte), made on
    /// first use (`Value::UNBOUND` before), as CPython shares them.
    pub small_bytes: Vec<Cell<Value>>,
    /// `()`.
    pub empty_tuple: Value,
    /// `...`.
    pub ellipsis: Value,
    /// `NotImplemented`.
    pub not_implemented: Value,
    /// `molt_const_str`/`molt_const_bigint` results by (address, length) of their bytes.
    pub consts: RefCell<HashMap<(usize, usize, bool), Value>>,
    /// Interned strs by content.
    pub interned: RefCell<HashMap<Box<str>, Value>>,
    /// `sys.modules`: imported modules by name (a dict, made on first use; `None` before).
    pub modules: Cell<Value>,
    /// `sys.argv` (a list) once `molt_main` set it.
    pub argv: Cell<Value>,
}

/// The call-depth counter and recursion limit of one runtime, laid out for compiled code:
/// the depth (a count of Python calls in progress) at byte offset 0, the limit at offset 4,
/// both `u32`.
///
/// A direct call of a compiled function without exception handlers counts the depth inline
/// against the exported [`molt_depth`] (see `molt_codegen`): load both fields, call
/// `molt_depth_enter` (which raises `RecursionError`) when `depth >= limit`, else store
/// `depth + 1`, call, store `depth`.
#[repr(C)]
pub struct CallDepth {
    /// Python calls in progress.
    pub depth: Cell<u32>,
    /// `sys.getrecursionlimit()`.
    pub limit: Cell<u32>,
}

// Generated code reads the depth at offset 0 and the limit at `DEPTH_LIMIT_OFFSET`.
const _: () = {
    assert!(std::mem::offset_of!(CallDepth, depth) == 0);
    assert!(
        std::mem::offset_of!(CallDepth, limit) == molt_abi::layout::DEPTH_LIMIT_OFFSET as usize
    );
    assert!(std::mem::size_of::<CallDepth>() == 8);
};

/// Python's default recursion limit.
const DEFAULT_RECURSION_LIMIT: u32 = 1000;

// SAFETY: `molt_depth` is used by one runtime only, the first one created (claimed through
// `DEPTH_CLAIMED`), and a runtime lives on one thread; compiled executables run on that thread.
unsafe impl Sync for CallDepth {}

/// The call depth of the first runtime created in the process: compiled executables have one
/// runtime (on the main thread), and compiled code counts calls inline against this symbol.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static molt_depth: CallDepth = CallDepth {
    depth: Cell::new(0),
    limit: Cell::new(DEFAULT_RECURSION_LIMIT),
};

static DEPTH_CLAIMED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// [`molt_depth`] for the first runtime of the process, a fresh leaked one for the others
/// (further threads, as in the runtime's own tests).
fn claim_call_depth() -> &'static CallDepth {
    use std::sync::atomic::Ordering;
    if DEPTH_CLAIMED
        .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
        .is_ok()
    {
        &molt_depth
    } else {
        Box::leak(Box::new(CallDepth {
            depth: Cell::new(0),
            limit: Cell::new(DEFAULT_RECURSION_LIMIT),
        }))
    }
}

thread_local! {
    static RT: Cell<*const Runtime> = const { Cell::new(std::ptr::null()) };
}

/// The runtime state of this thread, created on first use.
#[inline]
pub fn rt() -> &'static Runtime {
    let p = RT.with(|c| c.get());
    if p.is_null() {
        init()
    } else {
        // SAFETY: the pointer was leaked from a Box by `init` and is never freed.
        unsafe { &*p }
    }
}

/// Names of the builtin iterator classes of lists, tuples, ranges, strs, dicts and sets.
pub const ITER_CLASS_NAMES: [&str; 10] = [
    "list_iterator",
    "tuple_iterator",
    "list_reverseiterator",
    "range_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
];

impl Runtime {
    /// The iterator class named `name`, one of [`ITER_CLASS_NAMES`] (else `object`).
    pub fn iter_class_by_name(&self, name: &str) -> Value {
        ITER_CLASS_NAMES
            .iter()
            .position(|n| *n == name)
            .map_or(self.t.object, |i| self.iter_classes[i])
    }
}

/// The class of exception kind `k`.
#[inline]
pub fn exc_class(k: ExcKind) -> Value {
    rt().exc[k as usize]
}

#[cold]
fn init() -> &'static Runtime {
    crate::recursion::init_thread_stack();
    use crate::class::new_builtin_class as c;
    use crate::object::Layout::{Builtin as B, Exception as E, Object as O};
    let object = c("object", Value::NONE, O, None);
    let ctor = |f: BuiltinFn| Some(f);
    let int = c("int", object, B, ctor(crate::int::int_new));
    let aliases = crate::generic_alias::new_classes(object);
    let t = Types {
        object,
        type_: c("type", object, B, ctor(crate::class::type_new)),
        int,
        bool: c("bool", int, B, ctor(crate::builtins::bool_new)),
        float: c("float", object, B, ctor(crate::float::float_new)),
        str: c("str", object, B, ctor(crate::str::str_new_ctor)),
        bytes: c("bytes", object, B, ctor(crate::bytes::bytes_new)),
        bytearray: c("bytearray", object, B, ctor(crate::bytes::bytearray_new)),
        memoryview: c(
            "memoryview",
            object,
            B,
            ctor(crate::memoryview::memoryview_new),
        ),
        none: c("NoneType", object, B, ctor(crate::builtins::none_new)),
        list: c("list", object, B, ctor(crate::list::list_new)),
        tuple: c("tuple", object, B, ctor(crate::tuple::tuple_new)),
        dict: c("dict", object, B, ctor(crate::dict::dict_ctor)),
        set: c("set", object, B, ctor(crate::set::set_ctor)),
        frozenset: c("frozenset", object, B, ctor(crate::set::frozenset_ctor)),
        range: c("range", object, B, ctor(crate::range::range_new)),
        complex: c("complex", object, B, ctor(crate::complex::complex_new)),
        slice: c("slice", object, B, ctor(crate::builtins::slice_new)),
        function: c("function", object, B, None),
        builtin: c("builtin_function_or_method", object, B, None),
        method_descriptor: c("method_descriptor", object, B, None),
        wrapper_descriptor: c("wrapper_descriptor", object, B, None),
        method_wrapper: c("method-wrapper", object, B, None),
        method: c("method", object, B, None),
        module: c("module", object, B, None),
        cell: c("cell", object, B, None),
        dict_keys: c("dict_keys", object, B, None),
        dict_values: c("dict_values", object, B, None),
        dict_items: c("dict_items", object, B, None),
        super_: c("super", object, B, ctor(crate::class::super_new)),
        property: c("property", object, B, ctor(crate::class::property_new)),
        staticmethod: c(
            "staticmethod",
            object,
            B,
            ctor(crate::class::staticmethod_new),
        ),
        classmethod: c(
            "classmethod",
            object,
            B,
            ctor(crate::class::classmethod_new),
        ),
        file: c("TextIOWrapper", object, B, None),
        ellipsis: c("ellipsis", object, B, None),
        not_implemented: c("NotImplementedType", object, B, None),
        generator: c("generator", object, B, None),
        mappingproxy: crate::class::new_mappingproxy_class(object),
        generic_alias: aliases.0,
        union_type: aliases.1,
        member_descriptor: c("member_descriptor", object, B, None),
        getset_descriptor: c("getset_descriptor", object, B, None),
    };
    let mut exc: Vec<Value> = Vec::with_capacity(EXC_TABLE.len());
    for (i, (k, name, base)) in EXC_TABLE.iter().enumerate() {
        debug_assert_eq!(*k as usize, i);
        let base = match base {
            Some(b) => exc[*b as usize],
            None => object,
        };
        if *k == ExcKind::ExceptionGroup {
            // `ExceptionGroup(BaseExceptionGroup, Exception)`.
            let exception = exc[ExcKind::Exception as usize];
            let mro = vec![
                base,
                exception,
                exc[ExcKind::BaseException as usize],
                object,
            ];
            exc.push(crate::class::new_builtin_class_with_bases(
                name,
                &[base, exception],
                mro,
                E,
            ));
            continue;
        }
        exc.push(c(name, base, E, None));
    }
    let chars = (0u32..256)
        .map(|cp| {
            let ch = char::from_u32(cp).unwrap_or('\0');
            immortalize(crate::str::str_from_string(ch.to_string()).into_raw())
        })
        .collect();
    let call_depth = claim_call_depth();
    let iter_types = crate::object::ITER_TYPE_NAMES
        .iter()
        .map(|name| {
            let ctor: Option<BuiltinFn> = match *name {
                "enumerate" => Some(crate::builtins::b_enumerate),
                "zip" => Some(crate::builtins::b_zip),
                "map" => Some(crate::builtins::b_map),
                "filter" => Some(crate::builtins::b_filter),
                "reversed" => Some(crate::builtins::b_reversed),
                "permutations" => Some(crate::itertools::permutations_new),
                "combinations" => Some(crate::itertools::combinations_new),
                "combinations_with_replacement" => Some(crate::itertools::cwr_new),
                "product" => Some(crate::itertools::product_new),
                "cycle" => Some(crate::itertools::cycle_new),
                "zip_longest" => Some(crate::itertools::zip_longest_new),
                _ => None,
            };
            c(name, object, B, ctor)
        })
        .collect();
    let iter_classes = ITER_CLASS_NAMES
        .iter()
        .map(|name| c(name, object, B, None))
        .collect();
    let runtime = Box::new(Runtime {
        t,
        exc,
        iter_types,
        iter_classes,
        builtins: immortalize(crate::dict::dict_new().into_raw()),
        pending: Cell::new(Value::UNBOUND),
        handled: std::cell::UnsafeCell::new(Vec::new()),
        handled_base: Cell::new(0),
        depth: &call_depth.depth,
        recursion_limit: &call_depth.limit,
        chars,
        empty_str: immortalize(crate::str::str_from_string(String::new()).into_raw()),
        small_bytes: (0..257).map(|_| Cell::new(Value::UNBOUND)).collect(),
        empty_tuple: immortalize(crate::tuple::tuple_from_raw(Vec::new()).into_raw()),
        ellipsis: immortalize(crate::object::alloc(crate::object::Kind::Ellipsis, ())),
        not_implemented: immortalize(crate::object::alloc(
            crate::object::Kind::NotImplemented,
            (),
        )),
        consts: RefCell::new(HashMap::new()),
        interned: RefCell::new(HashMap::new()),
        modules: Cell::new(Value::NONE),
        argv: Cell::new(Value::NONE),
    });
    let p: &'static Runtime = Box::leak(runtime);
    RT.with(|c| c.set(p as *const Runtime));
    // Phase two: with the state in place, fill the class namespaces and the builtins.
    crate::class::install_methods(p);
    crate::builtins::install(p);
    crate::class::class_changed();
    p
}
