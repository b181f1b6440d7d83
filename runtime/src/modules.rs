//! Module objects, the import system, and the builtin modules: `sys` (argv, exit,
//! stdout/stderr, maxsize, ...), `math` (CPython's domain and range errors) and `time`
//! (clocks).
//!
//! A program's own modules are listed in the module table codegen writes
//! ([`ModuleEntry`], handed over by `molt_modules_init`): each is created, registered in
//! `sys.modules` and its `<module>` code run when it is first imported, as CPython's import
//! system does (parents first, the submodule then bound on its parent, a module whose code
//! fails removed again, a circular import seeing the partially initialized module).

use num_bigint::BigInt;
use num_integer::Integer;

use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::dict::{dict_new, dict_set_str};
use crate::exceptions::{ExcKind, R, overflow_error, raise_with, type_error, value_error};
use crate::float::numeric_f64;
use crate::int::{IntV, int_from_big, int_from_i64, int_view};
use crate::object::{
    Args, BuiltinFn, Kind, ModuleData, Ref, alloc_ref, decref, immortalize, incref, is_kind,
    payload,
};
use crate::state::rt;
use crate::str::{as_str, str_from};
use crate::value::Value;

/// A new module with `__name__` set.
pub fn module_new(name: &str) -> Ref {
    let n = str_from(name);
    let d = dict_new();
    dict_set_str(d.v(), "__name__", n.v());
    if name == "__main__" {
        // The program's docstring, if it has one, replaces it when the module starts.
        dict_set_str(d.v(), "__doc__", Value::NONE);
    }
    alloc_ref(
        Kind::Module,
        ModuleData {
            name: n.into_raw(),
            dict: d.into_raw(),
        },
    )
}

fn module_data<'a>(m: Value) -> &'a ModuleData {
    // SAFETY: callers check the kind.
    unsafe { payload::<ModuleData>(m) }
}

/// The globals dict of a module (borrowed).
pub fn module_dict(m: Value) -> Value {
    module_data(m).dict
}

/// A module's name.
pub fn module_name(m: Value) -> String {
    as_str(module_data(m).name).to_string()
}

/// `repr()` of module `m`: CPython's `<module 'helper' from '/path/helper.py'>` for a module
/// with a `__file__`, `(namespace)` for a namespace package, `(built-in)` for the runtime's
/// own modules.
pub fn module_repr(m: Value) -> String {
    let name = module_name(m);
    let d = crate::dict::dict_data(module_dict(m));
    match d.get_str("__file__") {
        Some(f) if crate::str::is_str(f) => format!("<module '{name}' from '{}'>", as_str(f)),
        Some(_) if d.get_str("__path__").is_some() => format!("<module '{name}' (namespace)>"),
        _ => format!("<module '{name}' (built-in)>"),
    }
}

/// A module's name as a str value (`"__main__"` when `m` is not a module).
pub fn module_name_value(m: Value) -> Value {
    if is_kind(m, Kind::Module) {
        module_data(m).name
    } else {
        crate::str::str_intern("__main__")
    }
}

/// The `__name__` global of module `m` (borrowed), which a function defined there reports as
/// its `__module__` (CPython copies it when the `def` runs; a module that rebinds `__name__`
/// before its functions are defined is the case that matters); the module's own name when
/// the global is gone or not a str.
pub fn module_global_name(m: Value) -> Value {
    if is_kind(m, Kind::Module) {
        if let Some(n) = crate::dict::dict_data(module_dict(m)).get_str("__name__") {
            if crate::str::str_opt(n).is_some() {
                return n;
            }
        }
    }
    module_name_value(m)
}

/// The `__name__` global (borrowed) of the module whose compiled code runs `skip` compiled
/// frames out from this runtime call (0: the code that called into the runtime): CPython's
/// `sys._getframe(skip).f_globals["__name__"]`, which `type(name, bases, ns)` and the class
/// factories of the standard library (`namedtuple`, the functional `Enum`, ...) use as the new
/// class's `__module__`. The frame's function is found by a frame-pointer walk
/// ([`crate::profile::compiled_frame`]) and its module by its source file in the program's
/// module table. `None` when the walk finds no such frame (a generator's body, a target
/// without the walk) or its module is not initialised.
pub fn caller_module_name(skip: usize) -> Option<Value> {
    let (code, _) = crate::profile::compiled_frame(skip)?;
    // SAFETY: the frame walk returns static descriptors emitted by codegen.
    let file = crate::traceback::code_file(unsafe { &*code })?;
    let entry = entries()
        .iter()
        .find(|e| !e.slot.is_null() && text(e.file, e.file_len) == file)?;
    // SAFETY: the slot is a static word of the program.
    let m = unsafe { *slot_of(entry) };
    is_kind(m, Kind::Module).then(|| module_global_name(m))
}

/// One module of the program (`molt_abi::descriptor::ModuleEntry`: codegen's
/// `define_module_table` writes the table; texts are UTF-8 address and length pairs, length
/// 0: none).
pub use molt_abi::descriptor::ModuleEntry;

/// The word where compiled code reads the module object of `entry` (null: none).
fn slot_of(entry: &ModuleEntry) -> *mut Value {
    entry.slot.get_mut().cast::<Value>()
}

/// Watches the dict of `m`, a compiled module: its `__name__` stays a str, and the builtins
/// `entry`'s compiled code relies on are not shadowed from outside.
fn watch_builtins(m: Value, entry: &ModuleEntry) {
    // Compiled code takes the module's `__name__` to be a str (`molt_runtime::watch`).
    crate::dict::dict_data(module_dict(m)).set_watched();
    let names = text(entry.builtins, entry.builtins_len);
    if names.is_empty() {
        return;
    }
    for name in names.split('\0') {
        let n = immortalize(str_from(name).into_raw());
        crate::watch::watch_builtin(m, n);
    }
}

thread_local! {
    /// The program's module table.
    static TABLE: std::cell::Cell<(*const ModuleEntry, usize)> =
        const { std::cell::Cell::new((std::ptr::null(), 0)) };
    /// Modules whose code is running (CPython's `__spec__._initializing`).
    static INITIALIZING: std::cell::RefCell<Vec<String>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn entries() -> &'static [ModuleEntry] {
    let (ptr, len) = TABLE.with(std::cell::Cell::get);
    if ptr.is_null() {
        return &[];
    }
    // SAFETY: `molt_modules_init` stored codegen's static table of `len` entries.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

fn text(ptr: molt_abi::descriptor::Addr<u8>, len: u64) -> &'static str {
    // SAFETY: codegen writes `len` bytes of UTF-8 static data.
    std::str::from_utf8(unsafe { ptr.slice(len) }).unwrap_or("")
}

/// Records the program's module table and creates `__main__` (its entry 0) with its
/// `__file__`, stored in its slot and in `sys.modules`. Returns the module (borrowed).
///
/// # Safety
/// `table` points at `len` entries that live as long as the program.
pub unsafe fn init_program_modules(table: *const ModuleEntry, len: usize) -> Value {
    TABLE.with(|t| t.set((table, len)));
    let main = module_new("__main__");
    crate::suggestions::set_main_module(main.v());
    crate::finalize::set_main_module(main.v());
    let d = module_dict(main.v());
    dict_set_str(d, "__package__", Value::NONE);
    let entry = entries()
        .iter()
        .find(|e| text(e.name, e.name_len) == "__main__");
    if let Some(e) = entry
        && e.flags & 2 != 0
    {
        let file = str_from(text(e.file, e.file_len));
        dict_set_str(d, "__file__", file.v());
    }
    let m = main.into_raw();
    dict_set_str(sys_modules(), "__main__", m);
    if let Some(e) = entry {
        watch_builtins(m, e);
    }
    if let Some(e) = entry
        && !e.slot.is_null()
    {
        // SAFETY: the slot is a static word of the program; it keeps the reference.
        unsafe { *slot_of(e) = m };
        return m;
    }
    // No slot to keep it: it lives for the program (`sys.modules` holds it too).
    m
}

/// `sys.modules`, the dict of imported modules by name (made on first use; it lives for
/// the program).
pub fn sys_modules() -> Value {
    let r = rt();
    let d = r.modules.get();
    if d != Value::NONE {
        return d;
    }
    let d = immortalize(dict_new().into_raw());
    r.modules.set(d);
    d
}

/// The module named `name` in `sys.modules` (borrowed), if it was imported.
/// `sys.stdout` (`fd` 1) or `sys.stderr` (2) as the program sees it (borrowed): what it
/// assigned to the attribute of `sys`, else the standard stream. `RuntimeError: lost
/// sys.stdout` when the attribute was deleted, as in CPython.
pub fn sys_stream(fd: i32) -> R<Value> {
    let name = if fd == 2 { "stderr" } else { "stdout" };
    if let Some(m) = loaded("sys")
        && is_kind(m, Kind::Module)
    {
        return match crate::dict::dict_data(module_dict(m)).get_str(name) {
            Some(v) => Ok(v),
            None => crate::exceptions::raise(ExcKind::RuntimeError, format!("lost sys.{name}")),
        };
    }
    Ok(std_stream(fd))
}

fn loaded(name: &str) -> Option<Value> {
    crate::dict::dict_data(sys_modules()).get_str(name)
}

fn forget_loaded(name: &str) {
    let key = str_from(name);
    drop(crate::dict::dict_data(sys_modules()).remove(key.v()));
}

/// A str attribute of module `m` from its dict (`None` when absent or not a str).
fn module_str(m: Value, key: &str) -> Option<String> {
    if !is_kind(m, Kind::Module) {
        return None;
    }
    let v = crate::dict::dict_data(module_dict(m)).get_str(key)?;
    crate::str::is_str(v).then(|| as_str(v).to_string())
}

fn is_package(m: Value) -> bool {
    is_kind(m, Kind::Module)
        && crate::dict::dict_data(module_dict(m))
            .get_str("__path__")
            .is_some()
}

/// CPython's `IMPORT_NAME`: the module `name` (with `level` leading dots, relative to the
/// `__package__` of `importer`), imported if it is not yet; with a `fromlist` (a tuple of
/// str, or `None`), the names of it that a package lacks are imported as its submodules.
/// Returns the module named, not its top-level package.
pub fn import(name: &str, level: u32, fromlist: Value, importer: Value) -> R<Ref> {
    let absolute = if level > 0 {
        resolve_relative(name, level, importer)?
    } else if name.is_empty() {
        return value_error("Empty module name".to_string());
    } else {
        name.to_string()
    };
    let m = import_absolute(&absolute)?;
    if crate::tuple::is_tuple(fromlist) && is_package(m.v()) {
        for item in crate::tuple::tuple_items(fromlist) {
            let item = as_str(*item);
            if item == "*" {
                // `from pkg import *`: the submodules the package's `__all__` names are
                // imported first (CPython's `_handle_fromlist`, recursively on `__all__`).
                if let Some(all) = module_all(m.v()) {
                    for name in crate::iter::collect_vec(all.v())? {
                        if !crate::str::is_str(name.v()) {
                            return type_error(format!(
                                "Item in {}.__all__ must be str, not {}",
                                module_name(m.v()),
                                crate::class::type_name(name.v())
                            ));
                        }
                        import_submodule_named(m.v(), &absolute, as_str(name.v()))?;
                    }
                }
                continue;
            }
            import_submodule_named(m.v(), &absolute, item)?;
        }
    }
    Ok(m)
}

/// For `from package import name`: imports the submodule `package.name` when the package
/// has no attribute `name` and the program has such a module (a name that is no submodule
/// either is left to `IMPORT_FROM`'s error).
fn import_submodule_named(package: Value, absolute: &str, name: &str) -> R<()> {
    if crate::dict::dict_data(module_dict(package))
        .get_str(name)
        .is_some()
    {
        return Ok(());
    }
    let sub = format!("{absolute}.{name}");
    if loaded(&sub).is_none() && find_entry(&sub).is_some() {
        drop(import_absolute(&sub)?);
    }
    Ok(())
}

/// The `__all__` of module `m`, if it defines one.
fn module_all(m: Value) -> Option<Ref> {
    crate::dict::dict_data(module_dict(m))
        .get_str("__all__")
        .map(Ref::dup)
}

/// CPython's `IMPORT_STAR` (`import_all_from`): binds in the globals of module `into` each
/// name of `module.__all__` (a `TypeError` for an item that is not a str, the
/// `AttributeError` of a name the module lacks), or, when it has no `__all__`, each of its
/// globals whose name does not start with `_`. With `only` a tuple of str (a standard
/// module: the names CPython's binds, which the compiler knows), just those of them the
/// module has.
pub fn import_star(module: Value, into: Value, only: Value) -> R<()> {
    if !is_kind(module, Kind::Module) || !is_kind(into, Kind::Module) {
        return type_error("molt: `from ... import *` of an object that is not a module");
    }
    let target = crate::dict::dict_data(module_dict(into));
    if crate::tuple::is_tuple(only) {
        let source = crate::dict::dict_data(module_dict(module));
        for name in crate::tuple::tuple_items(only) {
            if let Some(v) = source.get(*name)? {
                target.set(*name, v)?;
            }
        }
        return Ok(());
    }
    let (names, from_all): (Vec<Ref>, bool) = match module_all(module) {
        Some(all) => (crate::iter::collect_vec(all.v())?.into_vec(), true),
        None => (
            crate::dict::dict_data(module_dict(module))
                .items()
                .into_iter()
                .map(|(k, _)| Ref::dup(k))
                .collect(),
            false,
        ),
    };
    for name in names {
        let name = name.v();
        if !crate::str::is_str(name) {
            let what = if from_all {
                "Item in {}.__all__"
            } else {
                "Key in {}.__dict__"
            };
            return type_error(format!(
                "{} must be str, not {}",
                what.replace("{}", &module_name(module)),
                crate::class::type_name(name)
            ));
        }
        if !from_all && as_str(name).starts_with('_') {
            continue;
        }
        let value = crate::attr::getattr(module, name)?;
        target.set(name, value.v())?;
    }
    Ok(())
}

/// CPython's `_calc___package__` and `_resolve_name` for a relative import from `importer`.
fn resolve_relative(name: &str, level: u32, importer: Value) -> R<String> {
    let package = match module_str(importer, "__package__") {
        Some(p) => p,
        None => {
            // No `__package__` (a script): the parent of `__name__`, or the module itself
            // for a package.
            let own = module_str(importer, "__name__").unwrap_or_default();
            if is_package(importer) {
                own
            } else {
                own.rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return crate::exceptions::import_error_at(
            ExcKind::ImportError,
            "attempted relative import with no known parent package".into(),
            None,
            None,
        );
    }
    let parts: Vec<&str> = package.split('.').collect();
    let keep = parts
        .len()
        .checked_sub(level as usize - 1)
        .filter(|k| *k > 0);
    let Some(keep) = keep else {
        return crate::exceptions::import_error_at(
            ExcKind::ImportError,
            "attempted relative import beyond top-level package".into(),
            None,
            None,
        );
    };
    let base = parts[..keep].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

fn find_entry(name: &str) -> Option<&'static ModuleEntry> {
    entries()
        .iter()
        .find(|e| text(e.name, e.name_len) == name && name != "__main__")
}

fn not_found<T>(message: String, name: &str) -> R<T> {
    crate::exceptions::import_error_at(ExcKind::ModuleNotFoundError, message, Some(name), None)
}

/// Imports the absolute module `name`: from `sys.modules`, else its parent first, then the
/// program's module table or the runtime's own modules (`sys`, `time`, `math`, `cmath`).
fn import_absolute(name: &str) -> R<Ref> {
    if let Some(m) = loaded(name) {
        return Ok(Ref::dup(m));
    }
    let parent = match name.rsplit_once('.') {
        Some((parent, child)) => {
            let p = import_absolute(parent)?;
            // The parent's code may have imported it.
            if let Some(m) = loaded(name) {
                return Ok(Ref::dup(m));
            }
            if !is_package(p.v()) {
                return not_found(
                    format!("No module named '{name}'; '{parent}' is not a package"),
                    name,
                );
            }
            Some((p, child))
        }
        None => None,
    };
    let Some(entry) = find_entry(name) else {
        if parent.is_none() {
            let m = match name {
                "sys" => make_sys(),
                "math" => make_math(),
                "cmath" => crate::cmath::make_cmath(),
                "time" => make_time(),
                "posix" => crate::posix::make_posix(),
                "_random" => crate::random::make_random_core(),
                "_molt_re" => crate::re::make_re_core(),
                "_molt_struct" => crate::struct_core::make_struct_core(),
                "_heapq" => crate::heapq::make_heapq(),
                "_molt_itertools" => crate::itertools::make_itertools_core(),
                "_molt" => make_molt(),
                _ => return not_found(format!("No module named '{name}'"), name),
            };
            let m = immortalize(m.into_raw());
            dict_set_str(sys_modules(), name, m);
            return Ok(Ref::dup(m));
        }
        return not_found(format!("No module named '{name}'"), name);
    };
    let m = module_new(name);
    let d = module_dict(m.v());
    dict_set_str(d, "__doc__", Value::NONE);
    let package_dirs = text(entry.path, entry.path_len);
    let package = if entry.flags & 1 != 0 {
        let dirs: Vec<Value> = if package_dirs.is_empty() {
            Vec::new()
        } else {
            package_dirs
                .split('\0')
                .map(|d| str_from(d).into_raw())
                .collect()
        };
        dict_set_str(d, "__path__", crate::list::list_from_raw(dirs).v());
        name.to_string()
    } else {
        name.rsplit_once('.').map_or("", |(p, _)| p).to_string()
    };
    dict_set_str(d, "__package__", str_from(&package).v());
    if entry.flags & 2 != 0 {
        dict_set_str(
            d,
            "__file__",
            str_from(text(entry.file, entry.file_len)).v(),
        );
    } else {
        dict_set_str(d, "__file__", Value::NONE);
    }
    if !entry.slot.is_null() {
        // SAFETY: the slot is a static word of the program; it holds one reference (a
        // module imported again after its code failed replaces the old one).
        unsafe {
            let old = std::mem::replace(&mut *slot_of(entry), incref(m.v()));
            if old.is_ptr() {
                decref(old);
            }
        }
    }
    dict_set_str(sys_modules(), name, m.v());
    watch_builtins(m.v(), entry);
    if !entry.code.is_null() {
        INITIALIZING.with(|i| i.borrow_mut().push(name.to_string()));
        // SAFETY: codegen's descriptor of the module's `<module>` function.
        let code = unsafe { &*entry.code.get() };
        let result = crate::call::run_module_code(code);
        INITIALIZING.with(|i| {
            let mut i = i.borrow_mut();
            if let Some(k) = i.iter().rposition(|n| n == name) {
                i.remove(k);
            }
        });
        if let Err(e) = result {
            forget_loaded(name);
            return Err(e);
        }
    }
    // `sys.modules` may hold another object now; that is what the import gives.
    let m = loaded(name).map(Ref::dup).unwrap_or(m);
    if let Some((p, child)) = parent {
        crate::attr::setattr(p.v(), str_from(child).v(), m.v())?;
    }
    Ok(m)
}

/// CPython's `IMPORT_FROM`: attribute `name` of `module`, else the submodule
/// `module.name` from `sys.modules`, else `ImportError` with CPython 3.11's message (naming a
/// partially initialized module when its code is still running: a circular import).
pub fn import_from(module: Value, name: Value) -> R<Ref> {
    let e = match crate::attr::getattr(module, name) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let p = crate::exceptions::peek_pending();
    let attribute_error = crate::state::exc_class(ExcKind::AttributeError);
    if p == Value::UNBOUND || !crate::class::isinstance_class(p, attribute_error) {
        return Err(e);
    }
    drop(crate::exceptions::take_pending());
    let name = as_str(name).to_string();
    let pkgname = if is_kind(module, Kind::Module) {
        module_str(module, "__name__")
    } else {
        crate::attr::getattr_str(module, "__name__")
            .ok()
            .filter(|n| crate::str::is_str(n.v()))
            .map(|n| as_str(n.v()).to_string())
            .or_else(|| {
                drop(crate::exceptions::take_pending());
                None
            })
    };
    if let Some(pkg) = &pkgname
        && let Some(m) = loaded(&format!("{pkg}.{name}"))
    {
        return Ok(Ref::dup(m));
    }
    let shown = pkgname
        .clone()
        .unwrap_or_else(|| "<unknown module name>".into());
    let path = module_str(module, "__file__");
    let quoted = |s: &str| crate::ops::repr_string(str_from(s).v()).unwrap_or_default();
    let message = match &path {
        None => format!(
            "cannot import name {} from {} (unknown location)",
            quoted(&name),
            quoted(&shown)
        ),
        Some(path) => {
            let initializing = pkgname
                .as_ref()
                .is_some_and(|p| INITIALIZING.with(|i| i.borrow().iter().any(|n| n == p)));
            if initializing {
                format!(
                    "cannot import name {} from partially initialized module {} (most likely due to a circular import) ({path})",
                    quoted(&name),
                    quoted(&shown)
                )
            } else {
                format!(
                    "cannot import name {} from {} ({path})",
                    quoted(&name),
                    quoted(&shown)
                )
            }
        }
    };
    crate::exceptions::import_error_at(
        ExcKind::ImportError,
        message,
        pkgname.as_deref(),
        path.as_deref(),
    )
}

/// Adds the functions `fns` to module `m`, bound to it as CPython's module functions are
/// (`__self__` is the module, `__module__` its name).
pub(crate) fn add_fns(m: Value, fns: &[(&'static str, BuiltinFn)]) {
    for (name, f) in fns {
        // The receiver of a module function is passed to `f`, which ignores it.
        let b = crate::object::immortalize(crate::object::alloc(
            crate::object::Kind::Builtin,
            crate::object::BuiltinData {
                name,
                f: *f,
                receiver: crate::object::incref(m),
                owner: Value::NONE,
                home: Value::NONE,
            },
        ));
        dict_set_str(module_dict(m), name, b);
    }
}

fn add(m: Value, name: &str, v: Ref) {
    dict_set_str(module_dict(m), name, v.v());
}

fn file(fd: i32) -> Ref {
    alloc_ref(Kind::File, fd)
}

/// The `sys.stdout`/`sys.stderr` objects (shared by `print(file=...)`).
pub fn std_stream(fd: i32) -> Value {
    thread_local! {
        static STREAMS: std::cell::Cell<[Value; 3]> = const { std::cell::Cell::new([Value::NONE; 3]) };
    }
    let idx = fd.clamp(0, 2) as usize;
    STREAMS.with(|s| {
        let mut arr = s.get();
        if arr[idx].is_none() {
            arr[idx] = immortalize(file(idx as i32).into_raw());
            s.set(arr);
        }
        arr[idx]
    })
}

// --- sys ----------------------------------------------------------------------------------

/// `_molt`, the runtime's services for molt's own standard modules (importable only from
/// `stdlib/`): `caller_module(skip)`.
fn make_molt() -> Ref {
    let m = module_new("_molt");
    add_fns(m.v(), &[("caller_module", molt_caller_module)]);
    m
}

/// `_molt.caller_module(skip)`: the `__name__` of the module whose code runs `skip` compiled
/// frames out from the caller of `caller_module` (0: that caller itself), or `"__main__"`
/// when it cannot be found ([`caller_module_name`]). `namedtuple` and the other class
/// factories call it with 1, as CPython's call `sys._getframe(1)`.
fn molt_caller_module(_: Value, args: Args<'_>) -> R<Ref> {
    let [skip] = args.exact("caller_module")?;
    let skip = crate::int::index_i64(skip)?;
    let found = usize::try_from(skip).ok().and_then(caller_module_name);
    Ok(Ref::dup(
        found.unwrap_or_else(|| crate::str::str_intern("__main__")),
    ))
}

fn sys_exit(_: Value, args: Args<'_>) -> R<Ref> {
    let [code] = args.range::<1>("exit", 0)?;
    match code {
        None => raise_with(ExcKind::SystemExit, Vec::new()),
        Some(c) => raise_with(ExcKind::SystemExit, vec![Ref::dup(c)]),
    }
}

fn sys_getrecursionlimit(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("getrecursionlimit")?;
    Ok(int_from_i64(rt().recursion_limit.get() as i64))
}

fn sys_setrecursionlimit(_: Value, args: Args<'_>) -> R<Ref> {
    let [n] = args.exact("setrecursionlimit")?;
    let n = crate::int::index_i64(n)?;
    if n < 1 {
        return value_error("recursion limit must be greater or equal than 1");
    }
    rt().recursion_limit.set(n.min(u32::MAX as i64) as u32);
    Ok(Ref::NONE)
}

fn sys_intern(_: Value, args: Args<'_>) -> R<Ref> {
    let [s] = args.exact("intern")?;
    match crate::str::str_opt(s) {
        Some(t) => Ok(Ref::dup(crate::str::str_intern(t))),
        None => type_error("intern() argument must be str"),
    }
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled, or three
/// `None`s.
fn sys_exc_info(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("exc_info")?;
    let e = crate::exceptions::handled_top();
    if e.is_none() {
        return Ok(crate::tuple::tuple_from_slice(&[
            Value::NONE,
            Value::NONE,
            Value::NONE,
        ]));
    }
    let tb = crate::attr::getattr_str(e, "__traceback__")?;
    Ok(crate::tuple::tuple_from_slice(&[
        crate::class::type_of(e),
        e,
        tb.v(),
    ]))
}

/// `sys.exception()`: the exception being handled, or `None`.
fn sys_exception(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("exception")?;
    Ok(Ref::dup(crate::exceptions::handled_top()))
}

fn sys_get_int_max_str_digits(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("get_int_max_str_digits")?;
    Ok(int_from_i64(crate::int::max_str_digits() as i64))
}

fn sys_set_int_max_str_digits(_: Value, args: Args<'_>) -> R<Ref> {
    let [n] = args.bind("set_int_max_str_digits", &["maxdigits"], 1)?;
    let n = crate::int::index_i64(n.unwrap_or(Value::NONE))?;
    crate::int::set_max_str_digits(n)?;
    Ok(Ref::NONE)
}

/// Adds struct sequence `made` (see [`crate::structseq`]) to module `m` as `name`; making
/// one only fails on memory errors, which leave the attribute out.
fn add_struct_sequence(m: Value, name: &str, made: R<Ref>) {
    match made {
        Ok(v) => add(m, name, v),
        Err(_) => drop(crate::exceptions::take_pending()),
    }
}

fn make_sys() -> Ref {
    let m = module_new("sys");
    let argv = rt().argv.get();
    if !argv_not_utf8() {
        add(
            m.v(),
            "argv",
            if argv.is_none() {
                crate::list::list_from_raw(Vec::new())
            } else {
                Ref::dup(argv)
            },
        );
    }
    add(m.v(), "stdout", Ref::dup(std_stream(1)));
    add(m.v(), "stderr", Ref::dup(std_stream(2)));
    add(m.v(), "stdin", Ref::dup(std_stream(0)));
    add(m.v(), "maxsize", int_from_i64(i64::MAX));
    add(m.v(), "version", str_from("3.11.7 (molt)"));
    add(
        m.v(),
        "platform",
        str_from(if cfg!(target_arch = "wasm32") {
            "wasi"
        } else {
            std::env::consts::OS
        }),
    );
    add(m.v(), "byteorder", str_from("little"));
    let version_info = crate::structseq::new_struct_sequence(
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![
            int_from_i64(3),
            int_from_i64(11),
            int_from_i64(7),
            str_from("final"),
            int_from_i64(0),
        ],
        false,
    );
    add_struct_sequence(m.v(), "version_info", version_info);
    let float_info = crate::structseq::new_struct_sequence(
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            Ref::new(Value::from_f64(f64::MAX)),
            int_from_i64(f64::MAX_EXP as i64),
            int_from_i64(f64::MAX_10_EXP as i64),
            Ref::new(Value::from_f64(f64::MIN_POSITIVE)),
            int_from_i64(f64::MIN_EXP as i64),
            int_from_i64(f64::MIN_10_EXP as i64),
            int_from_i64(f64::DIGITS as i64),
            int_from_i64(f64::MANTISSA_DIGITS as i64),
            Ref::new(Value::from_f64(f64::EPSILON)),
            int_from_i64(f64::RADIX as i64),
            int_from_i64(1),
        ],
        true,
    );
    add_struct_sequence(m.v(), "float_info", float_info);
    // CPython's int layout (30-bit digits): what its `sys.int_info` reports on 64-bit Linux.
    let int_info = crate::structseq::new_struct_sequence(
        "sys",
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        vec![
            int_from_i64(30),
            int_from_i64(4),
            int_from_i64(4300),
            int_from_i64(640),
        ],
        true,
    );
    add_struct_sequence(m.v(), "int_info", int_info);
    add(m.v(), "path", crate::list::list_from_raw(Vec::new()));
    add(m.v(), "modules", Ref::dup(sys_modules()));
    add_fns(
        m.v(),
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("intern", sys_intern),
            ("exc_info", sys_exc_info),
            ("exception", sys_exception),
            ("get_int_max_str_digits", sys_get_int_max_str_digits),
            ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ],
    );
    m
}

// --- math ---------------------------------------------------------------------------------

/// A real-number argument as CPython's `PyFloat_AsDouble` takes it: a float, an int (an
/// `OverflowError` when too large), `__float__` or `__index__`; else `TypeError: must be
/// real number, not T`.
pub(crate) fn arg_f64(v: Value) -> R<f64> {
    match numeric_f64(v) {
        Some(r) => r,
        None => {
            if crate::class::has_dunder(v, "__float__") || crate::int::has_index(v) {
                let f = crate::float::float_of(v)?;
                return Ok(f.v().as_f64());
            }
            type_error(format!(
                "must be real number, not {}",
                crate::class::type_name(v)
            ))
        }
    }
}

/// The arguments of a `math` function of `N` positional-only parameters, with CPython's
/// messages: `math.NAME() takes no keyword arguments`, `math.NAME() takes exactly one
/// argument (K given)` for one parameter, `NAME expected N arguments, got K` for more.
fn math_args<const N: usize>(args: &Args<'_>, name: &str) -> R<[Value; N]> {
    math_no_kw(args, name)?;
    if N == 1 && args.pos.len() != 1 {
        return type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.pos.len()
        ));
    }
    args.exact(name)
}

/// Refuses keyword arguments with CPython's `math.NAME() takes no keyword arguments`.
fn math_no_kw(args: &Args<'_>, name: &str) -> R<()> {
    if !args.kwnames.is_empty() {
        return type_error(format!("math.{name}() takes no keyword arguments"));
    }
    Ok(())
}

fn float_ref(x: f64) -> R<Ref> {
    Ok(Ref::new(Value::from_f64(x)))
}

/// CPython's `math_1`: NaN from a non-NaN is a domain error, infinity from a finite input a
/// range error (or a domain error when the function cannot overflow).
fn math1(args: Args<'_>, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> R<Ref> {
    let [x] = math_args(&args, name)?;
    let x = arg_f64(x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return value_error("math domain error");
    }
    if r.is_infinite() && x.is_finite() {
        return if can_overflow {
            overflow_error("math range error")
        } else {
            value_error("math domain error")
        };
    }
    float_ref(r)
}

macro_rules! math_fn {
    ($name:ident, $py:literal, $f:expr, $ov:expr) => {
        fn $name(_: Value, args: Args<'_>) -> R<Ref> {
            math1(args, $py, $f, $ov)
        }
    };
}

math_fn!(m_sin, "sin", crate::libm::sin, false);
math_fn!(m_cos, "cos", crate::libm::cos, false);
math_fn!(m_tan, "tan", crate::libm::tan, false);
math_fn!(m_asin, "asin", crate::libm::asin, false);
math_fn!(m_acos, "acos", crate::libm::acos, false);
math_fn!(m_atan, "atan", crate::libm::atan, false);
math_fn!(m_sinh, "sinh", crate::libm::sinh, true);
math_fn!(m_cosh, "cosh", crate::libm::cosh, true);
math_fn!(m_tanh, "tanh", crate::libm::tanh, false);
math_fn!(m_asinh, "asinh", libc_math::asinh, false);
math_fn!(m_acosh, "acosh", libc_math::acosh, false);
math_fn!(m_atanh, "atanh", libc_math::atanh, false);
math_fn!(m_exp, "exp", crate::libm::exp, true);
math_fn!(m_exp2, "exp2", crate::libm::exp2, true);
math_fn!(m_expm1, "expm1", crate::libm::expm1, true);
math_fn!(m_fabs, "fabs", f64::abs, false);
math_fn!(m_log1p, "log1p", crate::libm::log1p, false);
math_fn!(m_cbrt, "cbrt", libc_math::cbrt, false);
math_fn!(m_degrees, "degrees", f64::to_degrees, true);
math_fn!(m_radians, "radians", f64::to_radians, false);
math_fn!(m_erf, "erf", erf, false);
math_fn!(m_erfc, "erfc", erfc, false);

/// The C library's functions that CPython's `math` calls and that Rust computes differently
/// (Rust's `asinh`/`acosh`/`atanh` are its own formulas; its `cbrt` resolves to the
/// `compiler_builtins` copy bundled in the runtime archive, which the linker prefers to the
/// C library's): results must be CPython's to the last bit.
#[cfg(all(target_os = "linux", not(target_arch = "wasm32")))]
mod libc_math {
    use std::sync::OnceLock;

    unsafe extern "C" {
        #[link_name = "asinh"]
        fn c_asinh(x: f64) -> f64;
        #[link_name = "acosh"]
        fn c_acosh(x: f64) -> f64;
        #[link_name = "atanh"]
        fn c_atanh(x: f64) -> f64;
    }

    /// `asinh` of the C library.
    pub fn asinh(x: f64) -> f64 {
        // SAFETY: a pure libm function of one double.
        unsafe { c_asinh(x) }
    }

    /// `acosh` of the C library.
    pub fn acosh(x: f64) -> f64 {
        // SAFETY: a pure libm function of one double.
        unsafe { c_acosh(x) }
    }

    /// `atanh` of the C library.
    pub fn atanh(x: f64) -> f64 {
        // SAFETY: a pure libm function of one double.
        unsafe { c_atanh(x) }
    }

    /// `cbrt` of the shared C math library (found with `dlsym`, since a plain reference
    /// binds to the archive's copy); Rust's `cbrt` if the library cannot be found.
    pub fn cbrt(x: f64) -> f64 {
        static CBRT: OnceLock<Option<extern "C" fn(f64) -> f64>> = OnceLock::new();
        let f = CBRT.get_or_init(|| {
            // SAFETY: dlopen/dlsym with NUL-terminated names; the handle of a library the
            // program is linked with stays valid; `cbrt` has the C signature double(double).
            unsafe {
                let mut h =
                    libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY | libc::RTLD_NOLOAD);
                if h.is_null() {
                    h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY);
                }
                if h.is_null() {
                    return None;
                }
                let sym = libc::dlsym(h, c"cbrt".as_ptr());
                if sym.is_null() {
                    None
                } else {
                    Some(std::mem::transmute::<
                        *mut libc::c_void,
                        extern "C" fn(f64) -> f64,
                    >(sym))
                }
            }
        });
        match f {
            Some(f) => f(x),
            None => x.cbrt(),
        }
    }
}

/// Targets without the GNU C library: wasm32's choices (`crate::libm`), else Rust's.
#[cfg(not(all(target_os = "linux", not(target_arch = "wasm32"))))]
mod libc_math {
    #[cfg(target_arch = "wasm32")]
    pub use crate::libm::{acosh, asinh, atanh};
    /// Rust's `asinh`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn asinh(x: f64) -> f64 {
        x.asinh()
    }
    /// Rust's `acosh`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn acosh(x: f64) -> f64 {
        x.acosh()
    }
    /// Rust's `atanh`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn atanh(x: f64) -> f64 {
        x.atanh()
    }
    /// Rust's `cbrt`.
    pub fn cbrt(x: f64) -> f64 {
        x.cbrt()
    }
}

#[cfg(not(target_arch = "wasm32"))]
unsafe extern "C" {
    // The C library's error functions, which CPython 3.11's math.erf/erfc call.
    #[link_name = "erf"]
    fn c_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    fn c_erfc(x: f64) -> f64;
}

/// `math.erf`: the C library's `erf` (as CPython).
#[cfg(not(target_arch = "wasm32"))]
fn erf(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c_erf(x) }
}

/// `math.erfc`: the C library's `erfc` (as CPython).
#[cfg(not(target_arch = "wasm32"))]
fn erfc(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c_erfc(x) }
}

/// `math.erfc` on wasm32: the `libm` crate's (`crate::libm`).
#[cfg(target_arch = "wasm32")]
fn erfc(x: f64) -> f64 {
    crate::libm::erfc(x)
}

/// `math.erf` on wasm32: the `libm` crate's (`crate::libm`).
#[cfg(target_arch = "wasm32")]
fn erf(x: f64) -> f64 {
    crate::libm::erf(x)
}

fn m_sqrt(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = math_args(&args, "sqrt")?;
    let v = arg_f64(x)?;
    if v < 0.0 {
        return value_error("math domain error");
    }
    float_ref(v.sqrt())
}

/// The logarithm `func` (`ln`, `log2` or `log10`) of a number, as CPython's `loghelper`:
/// an int is converted to a float when it fits (correctly rounded), else taken as
/// `m * 2**e` (`0.5 <= m < 1`) and its log is `func(m) + func(2.0) * e`. Non-positive
/// arguments raise `ValueError: math domain error`; `inf` and `nan` give themselves.
fn log_of(v: Value, func: fn(f64) -> f64) -> R<f64> {
    if let Some(IntV::Big(b)) = int_view(v) {
        if !b.is_positive() {
            return value_error("math domain error");
        }
        if let Some(f) = crate::int::big_to_f64_opt(b) {
            return Ok(func(f));
        }
        let (m, e) = big_frexp(b);
        return Ok(func(m) + func(2.0) * e as f64);
    }
    let x = arg_f64(v)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return value_error("math domain error");
    }
    Ok(func(x))
}

/// A positive int as `(m, e)` with `n ~= m * 2**e`, `0.5 <= m < 1`, `m` rounded to 53 bits
/// (ties to even).
fn big_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bits();
    if bits <= 64 {
        let (m, e) = crate::hash::frexp(b.magnitude().to_u64().unwrap_or(0) as f64);
        return (m, e as i64);
    }
    let shift = bits - 64;
    let mag = b.magnitude();
    let mut top = (mag >> shift).to_u64().unwrap_or(0);
    if mag.trailing_zeros().unwrap_or(0) < shift {
        top |= 1;
    }
    // top in [2**63, 2**64): rounding may reach 2**64, which frexp renormalizes.
    let (m, e) = crate::hash::frexp(top as f64);
    (m, e as i64 + shift as i64)
}

fn m_log(_: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("log")?;
    if args.pos.is_empty() || args.pos.len() > 2 {
        return type_error("math.log requires 1 to 2 arguments");
    }
    let [x, base] = args.range::<2>("log", 1)?;
    let num = log_of(x.unwrap_or(Value::NONE), crate::libm::log)?;
    match base {
        None => float_ref(num),
        Some(b) => {
            let den = log_of(b, crate::libm::log)?;
            if den == 0.0 {
                return crate::exceptions::zero_division("float division by zero");
            }
            float_ref(num / den)
        }
    }
}

fn m_log2(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = math_args(&args, "log2")?;
    float_ref(log_of(x, crate::libm::log2)?)
}

fn m_log10(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = math_args(&args, "log10")?;
    float_ref(log_of(x, crate::libm::log10)?)
}

fn m_pow(_: Value, args: Args<'_>) -> R<Ref> {
    let [x, y] = math_args(&args, "pow")?;
    let (x, y) = (arg_f64(x)?, arg_f64(y)?);
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return value_error("math domain error");
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return value_error("math domain error");
    }
    let r = crate::libm::pow(x, y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return overflow_error("math range error");
    }
    float_ref(r)
}

fn m_atan2(_: Value, args: Args<'_>) -> R<Ref> {
    let [y, x] = math_args(&args, "atan2")?;
    float_ref(crate::libm::atan2(arg_f64(y)?, arg_f64(x)?))
}

fn m_hypot(_: Value, args: Args<'_>) -> R<Ref> {
    math_no_kw(&args, "hypot")?;
    let mut coordinates = Vec::with_capacity(args.pos.len());
    for v in args.pos {
        coordinates.push(arg_f64(*v)?.abs());
    }
    float_ref(vector_norm(&mut coordinates))
}

/// The Euclidean norm of `v` (absolute values, at least one per dimension), as CPython 3.11
/// computes `math.hypot` and `math.dist`, so that the last bit agrees: an infinity wins over
/// a NaN; otherwise every value is scaled by the power of two that brings the largest into
/// [0.5, 1) (exact), the squares are summed in double length (each square split into its
/// rounded value and exact error with a fused multiply-add, the running sum kept beside its
/// rounding errors, after a start of 1.0 that keeps the additions ordered), the square root
/// of that sum gets one Newton correction computed the same way, and the result is scaled
/// back. Algorithm: R. Hettinger's `vector_norm` for CPython 3.10+ (after Borges, "An
/// Improved Algorithm for hypot(a,b)", 2019, and Dekker's exact products).
fn vector_norm(v: &mut [f64]) -> f64 {
    let max = v
        .iter()
        .copied()
        .fold(0.0f64, |m, x| if x > m { x } else { m });
    if max.is_infinite() {
        return max;
    }
    if v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let max_e = frexp_exponent(max);
    if max_e < -1023 {
        // The scale 2**-max_e would overflow: make the subnormals normal first.
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(v);
    }
    let scale = power_of_two(-max_e);
    // (x*x exactly as hi + lo) and (a + b exactly as hi + lo, for |a| >= |b|).
    let square = |x: f64| {
        let hi = x * x;
        (hi, x.mul_add(x, -hi))
    };
    let fast_sum = |a: f64, b: f64| {
        let hi = a + b;
        (hi, (a - hi) + b)
    };
    let (mut sum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in v.iter() {
        let (hi, lo) = square(x * scale);
        let (s, s_lo) = fast_sum(sum, hi);
        sum = s;
        frac1 += lo;
        frac2 += s_lo;
    }
    let mut h = (sum - 1.0 + (frac1 + frac2)).sqrt();
    // One correction: the residual sum - h*h, in double length again.
    let (hi, lo) = (-h * h, (-h).mul_add(h, h * h));
    let (s, s_lo) = fast_sum(sum, hi);
    sum = s;
    frac1 += lo;
    frac2 += s_lo;
    let residual = sum - 1.0 + (frac1 + frac2);
    h += residual / (2.0 * h);
    h / scale
}

/// The exponent `e` of `x = m * 2**e` with `m` in [0.5, 1) (C's `frexp`), for a finite
/// `x > 0`.
fn frexp_exponent(x: f64) -> i32 {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        let mantissa = bits & ((1u64 << 52) - 1);
        (64 - mantissa.leading_zeros() as i32) - 1074
    } else {
        biased - 1022
    }
}

/// `2**k` exactly, for `k` in -1074..=1023.
fn power_of_two(k: i32) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

fn m_copysign(_: Value, args: Args<'_>) -> R<Ref> {
    let [x, y] = math_args(&args, "copysign")?;
    float_ref(arg_f64(x)?.copysign(arg_f64(y)?))
}

fn m_fmod(_: Value, args: Args<'_>) -> R<Ref> {
    let [x, y] = math_args(&args, "fmod")?;
    let (x, y) = (arg_f64(x)?, arg_f64(y)?);
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return value_error("math domain error");
    }
    float_ref(x % y)
}

/// `math.remainder(x, y)`: the IEEE 754 remainder `x - n*y`, `n` the integer nearest `x/y`
/// (ties to even); exact. `ValueError` for an infinite `x` or a zero `y`.
fn m_remainder(_: Value, args: Args<'_>) -> R<Ref> {
    let [x, y] = math_args(&args, "remainder")?;
    let (x, y) = (arg_f64(x)?, arg_f64(y)?);
    let r = libm::remainder(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return value_error("math domain error");
    }
    float_ref(r)
}

/// `math.nextafter(x, y)`: the next float after `x` towards `y`.
fn m_nextafter(_: Value, args: Args<'_>) -> R<Ref> {
    let [x, y] = math_args(&args, "nextafter")?;
    float_ref(libm::nextafter(arg_f64(x)?, arg_f64(y)?))
}

/// `math.ulp(x)`: the value of the least significant bit of `|x|` (the gap to the next
/// float away from zero; for the largest finite float, the gap below it).
fn m_ulp(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = math_args(&args, "ulp")?;
    let x = arg_f64(x)?.abs();
    if x.is_nan() || x.is_infinite() {
        return float_ref(x);
    }
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return float_ref(x - libm::nextafter(x, f64::NEG_INFINITY));
    }
    float_ref(up - x)
}

fn m_modf(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = math_args(&args, "modf")?;
    let x = arg_f64(x)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        (x.fract(), x.trunc())
    };
    Ok(crate::tuple::tuple_from_array([
        Ref::new(Value::from_f64(frac)),
        Ref::new(Value::from_f64(int)),
    ]))
}

fn m_frexp(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = math_args(&args, "frexp")?;
    let (m, e) = crate::hash::frexp(arg_f64(x)?);
    Ok(crate::tuple::tuple_from_array([
        Ref::new(Value::from_f64(m)),
        int_from_i64(e as i64),
    ]))
}

fn m_ldexp(_: Value, args: Args<'_>) -> R<Ref> {
    let [x, i] = math_args(&args, "ldexp")?;
    let x = arg_f64(x)?;
    let e = match int_view(i) {
        Some(iv) => iv
            .to_i64()
            .unwrap_or(if iv.is_negative() { i64::MIN } else { i64::MAX }),
        None => return type_error("Expected an int as second argument to ldexp."),
    };
    let r = crate::int::ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return overflow_error("math range error");
    }
    float_ref(r)
}

fn to_int_rounded(v: Value, f: fn(f64) -> f64, name: &str) -> R<Ref> {
    if let Some(i) = int_view(v) {
        return Ok(int_from_big(i.to_big()));
    }
    if v.is_float() {
        return crate::int::float_to_int(f(v.as_f64()));
    }
    if is_kind(v, Kind::Instance) {
        if let Some(r) = crate::class::call_dunder(v, &format!("__{name}__"), &[])? {
            return Ok(r);
        }
    }
    // `math.trunc` has no fallback through `__float__`, unlike `floor` and `ceil`.
    if name == "trunc" {
        return type_error(format!(
            "type {} doesn't define __trunc__ method",
            crate::class::type_name(v)
        ));
    }
    let x = arg_f64(v)?;
    crate::int::float_to_int(f(x))
}

fn m_floor(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = math_args(&args, "floor")?;
    to_int_rounded(x, f64::floor, "floor")
}

fn m_ceil(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = math_args(&args, "ceil")?;
    to_int_rounded(x, f64::ceil, "ceil")
}

fn m_trunc(_: Value, args: Args<'_>) -> R<Ref> {
    let [x] = math_args(&args, "trunc")?;
    to_int_rounded(x, f64::trunc, "trunc")
}

fn int_arg<'a>(v: Value) -> R<IntV<'a>> {
    match int_view(v) {
        Some(i) => Ok(i),
        None => type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::class::type_name(v)
        )),
    }
}

fn m_factorial(_: Value, args: Args<'_>) -> R<Ref> {
    let [n] = math_args(&args, "factorial")?;
    let n = int_arg(n)?;
    if n.is_negative() {
        return value_error("factorial() not defined for negative values");
    }
    let Some(n) = n.to_i64().filter(|n| *n <= 1_000_000) else {
        return overflow_error("factorial() argument should not exceed 9223372036854775807");
    };
    let mut acc = BigInt::one();
    let mut small: u64 = 1;
    for k in 2..=(n as u64) {
        match small.checked_mul(k) {
            Some(s) => small = s,
            None => {
                acc *= small;
                small = k;
            }
        }
    }
    acc *= small;
    Ok(int_from_big(acc))
}

fn m_gcd(_: Value, args: Args<'_>) -> R<Ref> {
    math_no_kw(&args, "gcd")?;
    let mut g = BigInt::zero();
    for v in args.pos {
        g = g.gcd(&int_arg(*v)?.to_big());
    }
    Ok(int_from_big(g))
}

fn m_lcm(_: Value, args: Args<'_>) -> R<Ref> {
    math_no_kw(&args, "lcm")?;
    let mut l = BigInt::one();
    for v in args.pos {
        let x = int_arg(*v)?.to_big();
        if x.is_zero() {
            return Ok(int_from_i64(0));
        }
        l = l.lcm(&x);
    }
    Ok(int_from_big(l.abs()))
}

fn m_isqrt(_: Value, args: Args<'_>) -> R<Ref> {
    let [n] = math_args(&args, "isqrt")?;
    let n = int_arg(n)?;
    if n.is_negative() {
        return value_error("isqrt() argument must be nonnegative");
    }
    Ok(int_from_big(n.to_big().sqrt()))
}

fn m_comb(_: Value, args: Args<'_>) -> R<Ref> {
    let [n, k] = math_args(&args, "comb")?;
    let (n, k) = (int_arg(n)?.to_big(), int_arg(k)?.to_big());
    if n.is_negative() {
        return value_error("n must be a non-negative integer");
    }
    if k.is_negative() {
        return value_error("k must be a non-negative integer");
    }
    if k > n {
        return Ok(int_from_i64(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64() else {
        return overflow_error("min(n - k, k) must not exceed 9223372036854775807");
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(int_from_big(acc))
}

fn m_perm(_: Value, args: Args<'_>) -> R<Ref> {
    math_no_kw(&args, "perm")?;
    let [n, k] = args.range::<2>("perm", 1)?;
    let n = int_arg(n.unwrap_or(Value::NONE))?.to_big();
    let k = match k {
        Some(k) if !k.is_none() => int_arg(k)?.to_big(),
        _ => n.clone(),
    };
    if n.is_negative() {
        return value_error("n must be a non-negative integer");
    }
    if k.is_negative() {
        return value_error("k must be a non-negative integer");
    }
    if k > n {
        return Ok(int_from_i64(0));
    }
    let Some(k) = k.to_u64() else {
        return overflow_error("k must not exceed 9223372036854775807");
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - i;
    }
    Ok(int_from_big(acc))
}

fn pred(args: Args<'_>, name: &str, f: fn(f64) -> bool) -> R<Ref> {
    let [x] = math_args(&args, name)?;
    Ok(Ref::new(Value::from_bool(f(arg_f64(x)?))))
}

fn m_isnan(_: Value, args: Args<'_>) -> R<Ref> {
    pred(args, "isnan", f64::is_nan)
}

fn m_isinf(_: Value, args: Args<'_>) -> R<Ref> {
    pred(args, "isinf", f64::is_infinite)
}

fn m_isfinite(_: Value, args: Args<'_>) -> R<Ref> {
    pred(args, "isfinite", f64::is_finite)
}

fn m_isclose(_: Value, args: Args<'_>) -> R<Ref> {
    let [a, b, rel, abs] = args.clinic("isclose", &["a", "b", "rel_tol", "abs_tol"], 0, 2, 2)?;
    let a = arg_f64(a.unwrap_or(Value::NONE))?;
    let b = arg_f64(b.unwrap_or(Value::NONE))?;
    let rel = match rel {
        Some(r) => arg_f64(r)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(x) => arg_f64(x)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return value_error("tolerances must be non-negative");
    }
    if a == b {
        return Ok(Ref::new(Value::TRUE));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Ref::new(Value::FALSE));
    }
    let diff = (b - a).abs();
    let close = diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs;
    Ok(Ref::new(Value::from_bool(close)))
}

fn m_prod(_: Value, args: Args<'_>) -> R<Ref> {
    let [it, start] = args.clinic("prod", &["iterable", "start"], 1, 1, 1)?;
    let mut acc = Ref::dup(start.unwrap_or(Value::inline_int(1).unwrap_or(Value::NONE)));
    let iter = crate::iter::py_iter(it.unwrap_or(Value::NONE))?;
    while let Some(x) = crate::iter::py_next(iter.v())? {
        acc = crate::ops::binary(crate::int::op::MUL, acc.v(), x.v())?;
    }
    Ok(acc)
}

/// `math.fsum`: Shewchuk's exactly rounded sum (the algorithm of CPython's `math_fsum`).
fn m_fsum(_: Value, args: Args<'_>) -> R<Ref> {
    let [it] = math_args(&args, "fsum")?;
    let iter = crate::iter::py_iter(it)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(x) = crate::iter::py_next(iter.v())? {
        let mut x = arg_f64(x.v())?;
        if !x.is_finite() {
            // NaNs and infinities are summed apart (inf - inf is an error, NaN is NaN).
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if !x.is_finite() {
            // The summand was finite: the partial sums overflowed (CPython raises).
            return overflow_error("intermediate overflow in fsum");
        }
        if x != 0.0 {
            partials.push(x);
        }
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return value_error("-inf + inf in fsum");
        }
        return float_ref(special);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    float_ref(hi)
}

fn m_dist(_: Value, args: Args<'_>) -> R<Ref> {
    let [p, q] = math_args(&args, "dist")?;
    let p = crate::iter::collect_vec(p)?;
    let q = crate::iter::collect_vec(q)?;
    if p.len() != q.len() {
        return value_error("both points must have the same number of dimensions");
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        diffs.push((arg_f64(a.v())? - arg_f64(b.v())?).abs());
    }
    float_ref(vector_norm(&mut diffs))
}

/// `math.gamma`/`math.lgamma`: CPython's algorithm (`crate::gamma`), its errors.
fn gamma_fn(
    args: Args<'_>,
    name: &str,
    f: fn(f64) -> Result<f64, crate::gamma::GammaError>,
) -> R<Ref> {
    let [x] = math_args(&args, name)?;
    match f(arg_f64(x)?) {
        Ok(r) => float_ref(r),
        Err(crate::gamma::GammaError::Domain) => value_error("math domain error"),
        Err(crate::gamma::GammaError::Range) => overflow_error("math range error"),
    }
}

fn m_gamma(_: Value, args: Args<'_>) -> R<Ref> {
    gamma_fn(args, "gamma", crate::gamma::gamma)
}

fn m_lgamma(_: Value, args: Args<'_>) -> R<Ref> {
    gamma_fn(args, "lgamma", crate::gamma::lgamma)
}

fn make_math() -> Ref {
    let m = module_new("math");
    let f = |x: f64| Ref::new(Value::from_f64(x));
    add(m.v(), "pi", f(std::f64::consts::PI));
    add(m.v(), "e", f(std::f64::consts::E));
    add(m.v(), "tau", f(std::f64::consts::TAU));
    add(m.v(), "inf", f(f64::INFINITY));
    add(m.v(), "nan", f(f64::NAN));
    add_fns(
        m.v(),
        &[
            ("sqrt", m_sqrt),
            ("floor", m_floor),
            ("ceil", m_ceil),
            ("trunc", m_trunc),
            ("isnan", m_isnan),
            ("isinf", m_isinf),
            ("isfinite", m_isfinite),
            ("isclose", m_isclose),
            ("log", m_log),
            ("log2", m_log2),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("sin", m_sin),
            ("cos", m_cos),
            ("tan", m_tan),
            ("asin", m_asin),
            ("acos", m_acos),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("sinh", m_sinh),
            ("cosh", m_cosh),
            ("tanh", m_tanh),
            ("asinh", m_asinh),
            ("acosh", m_acosh),
            ("atanh", m_atanh),
            ("hypot", m_hypot),
            ("fabs", m_fabs),
            ("cbrt", m_cbrt),
            ("degrees", m_degrees),
            ("radians", m_radians),
            ("erf", m_erf),
            ("erfc", m_erfc),
            ("gamma", m_gamma),
            ("lgamma", m_lgamma),
            ("pow", m_pow),
            ("copysign", m_copysign),
            ("fmod", m_fmod),
            ("remainder", m_remainder),
            ("nextafter", m_nextafter),
            ("ulp", m_ulp),
            ("modf", m_modf),
            ("frexp", m_frexp),
            ("ldexp", m_ldexp),
            ("factorial", m_factorial),
            ("gcd", m_gcd),
            ("lcm", m_lcm),
            ("isqrt", m_isqrt),
            ("comb", m_comb),
            ("perm", m_perm),
            ("prod", m_prod),
            ("fsum", m_fsum),
            ("dist", m_dist),
        ],
    );
    m
}

// --- time ---------------------------------------------------------------------------------

#[cfg(not(target_arch = "wasm32"))]
fn now_secs() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// Seconds since the Unix epoch (WASI's realtime clock).
#[cfg(target_arch = "wasm32")]
fn now_secs() -> f64 {
    realtime_ns() as f64 / 1e9
}

/// Nanoseconds since the Unix epoch (negative before it).
#[cfg(not(target_arch = "wasm32"))]
fn realtime_ns() -> i128 {
    let now = std::time::SystemTime::now();
    match now.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// Nanoseconds since the Unix epoch (WASI's realtime clock, id 0).
#[cfg(target_arch = "wasm32")]
fn realtime_ns() -> i128 {
    i128::from(crate::wasi::clock_ns(crate::wasi::clock::REALTIME).unwrap_or(0))
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

/// Nanoseconds of a clock that never goes back (arbitrary origin).
#[cfg(not(target_arch = "wasm32"))]
fn monotonic_ns() -> u128 {
    START.with(|s| s.elapsed().as_nanos())
}

/// Nanoseconds of WASI's monotonic clock (id 1).
#[cfg(target_arch = "wasm32")]
fn monotonic_ns() -> u128 {
    u128::from(crate::wasi::clock_ns(crate::wasi::clock::MONOTONIC).unwrap_or(0))
}

/// Nanoseconds of CPU time of the process (`CLOCK_PROCESS_CPUTIME_ID`, as CPython's
/// `process_time`), or of the monotonic clock where that clock fails.
#[cfg(unix)]
fn process_ns() -> u128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-parameter.
    if unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0 {
        ts.tv_sec.max(0) as u128 * 1_000_000_000 + ts.tv_nsec.max(0) as u128
    } else {
        monotonic_ns()
    }
}

/// Nanoseconds of CPU time of the process (the monotonic clock on this target).
#[cfg(not(any(unix, target_arch = "wasm32")))]
fn process_ns() -> u128 {
    monotonic_ns()
}

/// Nanoseconds of WASI's process CPU-time clock (id 2), or of the monotonic clock when the
/// host has none.
#[cfg(target_arch = "wasm32")]
fn process_ns() -> u128 {
    use crate::wasi::{clock, clock_ns};
    u128::from(
        clock_ns(clock::PROCESS_CPUTIME)
            .or_else(|| clock_ns(clock::MONOTONIC))
            .unwrap_or(0),
    )
}

fn t_time(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("time.time")?;
    float_ref(now_secs())
}

fn t_time_ns(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("time.time_ns")?;
    Ok(crate::int::int_from_i128(realtime_ns()))
}

fn t_perf_counter(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("time.perf_counter")?;
    float_ref(monotonic_ns() as f64 / 1e9)
}

fn t_perf_counter_ns(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("time.perf_counter_ns")?;
    Ok(crate::int::int_from_i128(monotonic_ns() as i128))
}

fn t_sleep(_: Value, args: Args<'_>) -> R<Ref> {
    let [s] = args.exact("time.sleep")?;
    let s = sleep_seconds(s)?;
    if s < 0.0 {
        return value_error("sleep length must be non-negative");
    }
    crate::io::flush_stdout();
    #[cfg(not(target_arch = "wasm32"))]
    std::thread::sleep(std::time::Duration::from_secs_f64(s.min(1e9)));
    #[cfg(target_arch = "wasm32")]
    if !crate::wasi::sleep_ns((s.min(1e9) * 1e9) as u64) {
        return crate::exceptions::raise(
            ExcKind::OSError,
            "molt: time.sleep: the WASI host refused to wait (poll_oneoff)",
        );
    }
    Ok(Ref::NONE)
}

/// The seconds `time.sleep` waits for `v`, converted as CPython's `_PyTime_FromSecondsObject`
/// does (to a count of nanoseconds that fits an `i64`): a float (also a float subclass's
/// value) must not be NaN (`ValueError`) and must fit (`OverflowError: timestamp out of range
/// for platform time_t`); anything else goes through `__index__` (`TypeError: 'T' object
/// cannot be interpreted as an integer`) and must fit too (`OverflowError: timestamp too
/// large to convert to C _PyTime_t`).
fn sleep_seconds(v: Value) -> R<f64> {
    /// 2^63 as a float: `_PyTime_t` (nanoseconds) holds less.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    let float = if v.is_float() {
        Some(v.as_f64())
    } else {
        crate::class::builtin_value(v)
            .filter(|b| b.is_float())
            .map(|b| b.as_f64())
    };
    if let Some(f) = float {
        if f.is_nan() {
            return value_error("Invalid value NaN (not a number)");
        }
        let ns = f * 1e9;
        if !(-LIMIT..LIMIT).contains(&ns) {
            return overflow_error("timestamp out of range for platform time_t");
        }
        return Ok(f);
    }
    let n = crate::int::index_value(v)?;
    match crate::int::int_view(n.v()).and_then(|i| i.to_i64()) {
        Some(secs) if secs.checked_mul(1_000_000_000).is_some() => Ok(secs as f64),
        _ => overflow_error("timestamp too large to convert to C _PyTime_t"),
    }
}

fn t_monotonic(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("time.monotonic")?;
    float_ref(monotonic_ns() as f64 / 1e9)
}

fn t_monotonic_ns(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("time.monotonic_ns")?;
    Ok(crate::int::int_from_i128(monotonic_ns() as i128))
}

fn t_process_time(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("time.process_time")?;
    float_ref(process_ns() as f64 / 1e9)
}

fn t_process_time_ns(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("time.process_time_ns")?;
    Ok(crate::int::int_from_i128(process_ns() as i128))
}

fn make_time() -> Ref {
    let m = module_new("time");
    add_fns(
        m.v(),
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("perf_counter", t_perf_counter),
            ("perf_counter_ns", t_perf_counter_ns),
            ("monotonic", t_monotonic),
            ("monotonic_ns", t_monotonic_ns),
            ("process_time", t_process_time),
            ("process_time_ns", t_process_time_ns),
            ("sleep", t_sleep),
        ],
    );
    m
}

/// Set when a program argument is not UTF-8 (see [`note_argv_not_utf8`]).
static ARGV_NOT_UTF8: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records that a program argument is not UTF-8: CPython's `sys.argv` then holds a str with
/// lone surrogates (`surrogateescape`), which molt's str cannot hold, so `sys` gets no
/// `argv` and reading it raises a `molt:` `NotImplementedError` ([`argv_not_utf8`]).
pub fn note_argv_not_utf8() {
    ARGV_NOT_UTF8.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether a program argument was not UTF-8 (see [`note_argv_not_utf8`]).
pub fn argv_not_utf8() -> bool {
    ARGV_NOT_UTF8.load(std::sync::atomic::Ordering::Relaxed)
}

/// Sets `sys.argv` (and remembers it for a `sys` imported later); nothing when an argument
/// is not UTF-8 (see [`note_argv_not_utf8`]).
pub fn set_argv(argv: Vec<String>) {
    if argv_not_utf8() {
        return;
    }
    let list =
        crate::list::list_from_vec(argv.into_iter().map(crate::str::str_from_owned).collect());
    let r = rt();
    let old = r.argv.replace(incref(list.v()));
    crate::object::decref(old);
    if let Some(m) = loaded("sys") {
        dict_set_str(module_dict(m), "argv", list.v());
    }
}
