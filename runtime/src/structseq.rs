//! Struct sequences: the named tuples CPython's C modules return (`sys.version_info`,
//! `sys.float_info`, `sys.int_info`). Each is a class of its own whose instances are tuples
//! (a `tuple` subclass of [`crate::class::Layout::Value`] instances, without a `__dict__`)
//! whose items are also read by name (`sys.version_info.major`). As in CPython:
//! - `repr` is `sys.version_info(major=3, minor=11, ...)`;
//! - the class is `<class 'sys.version_info'>` (`__name__` `version_info`, `__module__`
//!   `sys`), its type name in messages is `sys.version_info`, and its attributes cannot be
//!   set;
//! - the fields are read-only (`AttributeError: readonly attribute` on a store or `del`),
//!   and the class has `n_fields`, `n_sequence_fields`, `n_unnamed_fields` and
//!   `__match_args__`;
//! - calling the class raises `TypeError: cannot create 'sys.version_info' instances`
//!   (CPython's `sys` struct sequences cannot be instantiated).
//!
//! Every other operation (indexing, slicing, `==`, `hash`, `+`, iteration, `index`, `count`)
//! is the tuple's. The field descriptors are properties here (CPython's are
//! `member_descriptor`s), which a program only sees through the class's namespace.

use crate::exceptions::{ExcKind, R, raise, type_error};
use crate::object::{Args, Ref};
use crate::value::Value;

/// Class flag: the class is a struct sequence made by [`new_struct_sequence`] (its type
/// name carries its module, as CPython's `tp_name`).
pub const FLAG_STRUCT_SEQUENCE: u32 = 128;

/// Whether `cls` is a struct sequence class.
pub fn is_struct_sequence(cls: Value) -> bool {
    crate::object::flags(cls) & FLAG_STRUCT_SEQUENCE != 0
}

/// The most fields a struct sequence can have (one getter function per position).
const MAX_FIELDS: usize = 12;

/// Reads item `I` of the struct sequence given as the only argument (a field's getter).
fn field<const I: usize>(_: Value, args: Args<'_>) -> R<Ref> {
    let item = match args.pos {
        [o] => crate::class::builtin_value(*o)
            .filter(|t| crate::tuple::is_tuple(*t))
            .and_then(|t| crate::tuple::tuple_items(t).get(I).copied()),
        _ => None,
    };
    match item {
        Some(v) => Ok(Ref::dup(v)),
        None => type_error("descriptor needs a struct sequence"),
    }
}

/// The getters of positions `0..MAX_FIELDS`.
const GETTERS: [crate::object::BuiltinFn; MAX_FIELDS] = [
    field::<0>,
    field::<1>,
    field::<2>,
    field::<3>,
    field::<4>,
    field::<5>,
    field::<6>,
    field::<7>,
    field::<8>,
    field::<9>,
    field::<10>,
    field::<11>,
];

/// A field's setter and deleter: fields are read-only.
fn readonly(_: Value, _: Args<'_>) -> R<Ref> {
    raise(ExcKind::AttributeError, "readonly attribute")
}

/// The constructor of a class that cannot be instantiated (`sys.version_info`).
fn no_new(cls: Value, _: Args<'_>) -> R<Ref> {
    type_error(format!(
        "cannot create '{}' instances",
        type_name_of_class(cls)
    ))
}

/// The constructor of the others (`sys.float_info`): `cls(sequence, dict=None)` makes an
/// instance of the items of `sequence` (any iterable; as many as the fields), with CPython's
/// `TypeError`s (`sys.float_info() takes a 11-sequence (3-sequence given)`). `dict` would
/// give unnamed fields, which these classes have none of.
fn new_from_sequence(cls: Value, args: Args<'_>) -> R<Ref> {
    let [sequence, dict] = args.clinic("structseq", &["sequence", "dict"], 0, 1, 2)?;
    let sequence = sequence.unwrap_or(Value::NONE);
    let items = match crate::tuple::tuple_new(Value::NONE, Args::positional(&[sequence])) {
        Ok(t) => t,
        Err(e) => {
            if crate::exceptions::pending_is(ExcKind::TypeError)
                && !crate::class::has_dunder(sequence, "__iter__")
            {
                drop(crate::exceptions::take_pending());
                return type_error("constructor requires a sequence");
            }
            return Err(e);
        }
    };
    let name = type_name_of_class(cls);
    if let Some(d) = dict
        && !d.is_none()
        && !crate::dict::is_dict(d)
    {
        return type_error(format!("{name}() takes a dict as second arg, if any"));
    }
    let n = crate::tuple::tuple_items(items.v()).len();
    let want = match crate::dict::dict_data(crate::class::class_data(cls).dict)
        .get_str("__match_args__")
    {
        Some(t) => crate::tuple::tuple_items(t).len(),
        None => 0,
    };
    if n != want {
        return type_error(format!(
            "{name}() takes a {want}-sequence ({n}-sequence given)"
        ));
    }
    Ok(crate::class::new_value_instance(cls, items))
}

/// `module.name`: CPython's `tp_name` of struct sequence class `cls`.
pub fn type_name_of_class(cls: Value) -> String {
    let name = crate::class::class_name(cls);
    match crate::class::class_module(cls) {
        Some(m) => format!("{m}.{name}"),
        None => name,
    }
}

/// `repr(s)`: `module.name(field=repr(item), ...)`.
fn struct_repr(recv: Value, _: Args<'_>) -> R<Ref> {
    let cls = crate::class::type_of(recv);
    let Some(items) = crate::class::builtin_value(recv).filter(|t| crate::tuple::is_tuple(*t))
    else {
        return type_error("descriptor '__repr__' needs a struct sequence");
    };
    let names = crate::dict::dict_data(crate::class::class_data(cls).dict)
        .get_str("__match_args__")
        .map(|t| crate::tuple::tuple_items(t).to_vec())
        .unwrap_or_default();
    let mut out = type_name_of_class(cls);
    out.push('(');
    for (i, (name, v)) in names
        .iter()
        .zip(crate::tuple::tuple_items(items))
        .enumerate()
    {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(crate::str::as_str(*name));
        out.push('=');
        out.push_str(&crate::ops::repr_string(*v)?);
    }
    out.push(')');
    Ok(crate::str::str_from_string(out))
}

/// A struct sequence class named `name` of module `module` with the given fields, and its
/// one instance holding `values` (in field order; as many as the fields, at most 12).
/// `creatable`: whether a program may call the class to make more (`sys.float_info`'s can,
/// `sys.version_info`'s cannot). Errors only when making the class fails (it cannot for
/// these arguments).
pub fn new_struct_sequence(
    module: &str,
    name: &str,
    fields: &[&'static str],
    values: Vec<Ref>,
    creatable: bool,
) -> R<Ref> {
    assert!(fields.len() == values.len() && fields.len() <= MAX_FIELDS);
    let ns = crate::dict::dict_new();
    let d = ns.v();
    let module_str = crate::str::str_from(module);
    crate::dict::dict_set_str(d, "__module__", module_str.v());
    let names: Vec<Ref> = fields.iter().map(|f| crate::str::str_from(f)).collect();
    let name_values: Vec<Value> = names.iter().map(Ref::v).collect();
    let match_args = crate::tuple::tuple_from_slice(&name_values);
    crate::dict::dict_set_str(d, "__match_args__", match_args.v());
    let n = crate::int::int_from_i64(fields.len() as i64);
    for key in ["n_fields", "n_sequence_fields"] {
        crate::dict::dict_set_str(d, key, n.v());
    }
    let zero = crate::int::int_from_i64(0);
    crate::dict::dict_set_str(d, "n_unnamed_fields", zero.v());
    let ro = crate::class::make_builtin("readonly", readonly, Value::NONE);
    for (i, f) in fields.iter().enumerate() {
        let get = crate::class::make_builtin(f, GETTERS[i], Value::NONE);
        let p = crate::class::property_with(get, ro, ro, Value::NONE, names[i].v())?;
        crate::dict::dict_set_str(d, f, p.v());
    }
    let bases = crate::tuple::tuple_from_slice(&[crate::state::rt().t.tuple]);
    let cls_name = crate::str::str_from(name);
    let cls = crate::class::make_class_in(cls_name.v(), bases.v(), d, &[], Some(module_str.v()))?;
    let repr = crate::class::make_builtin("__repr__", struct_repr, cls.v());
    crate::dict::dict_set_str(crate::class::class_data(cls.v()).dict, "__repr__", repr);
    // SAFETY: the class was just made and no instance of it exists yet.
    unsafe { crate::object::payload_mut::<crate::object::ClassData>(cls.v()) }.ctor =
        Some(if creatable { new_from_sequence } else { no_new });
    crate::object::set_flags(
        cls.v(),
        crate::object::FLAG_IMMUTABLE_TYPE | crate::class::FLAG_NO_DICT | FLAG_STRUCT_SEQUENCE,
    );
    let tuple = crate::tuple::tuple_from_vec(values);
    let inst = crate::class::new_value_instance(cls.v(), tuple);
    Ok(inst)
}
