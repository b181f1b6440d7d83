//! Watched module globals: what compiled code assumes about a module's namespace, checked
//! on every write to it.
//!
//! The compiler makes two assumptions about a module's globals that code outside the module
//! can break at run time (`helper.f = g`, `setattr(helper, "f", g)`, `vars(helper)["f"] = g`,
//! `sys.modules["helper"].f = g`):
//!
//! - **Direct calls.** A function bound once by a top-level `def` is called directly
//!   (`call.direct`): the code reads the function object from a slot of its own (filled when
//!   the `def` runs) instead of looking the global up. The slot is watched: when the
//!   module's global of that name is rebound to another object or deleted, the slot is
//!   cleared, and the call site takes its generic path (a global lookup and an ordinary
//!   call) from then on, as CPython would call whatever the global holds. Classes that
//!   `call.class.direct` constructs are watched the same way: the class statement stores
//!   the class in a slot of its own, cleared when the global is rebound. Direct calls
//!   from another module go through a global of the importer (`from m import f` binds `f`,
//!   `import m` binds `m`): it has a slot of its own, filled when the import stores the
//!   function (or the module) in it, and watched the same way.
//! - **Builtins.** A name the module never binds resolves to the builtin at compile time
//!   (`builtin.load`), and the optimizer relies on it (`range` loops become counted loops,
//!   `len` of an unchanged container is computed once). A global of such a name added from
//!   outside the module would shadow the builtin under CPython; molt does not support that:
//!   the write raises `NotImplementedError` (a `molt:` message) and leaves the module as it
//!   was, instead of running on with the builtin.
//!
//! - **`__name__` is a str.** Compiled code treats a module's `__name__` as a str (so
//!   `if __name__ == "__main__":` compares two strs). Storing anything else in it raises
//!   `NotImplementedError` with a `molt:` message.
//!
//! A slot owns one reference to its object, released when the slot is cleared (so a
//! function whose global is rebound is freed then, as under CPython); a compiled call that
//! entered the function through the slot holds a reference of its own while it runs.
//!
//! Watches live in a per-thread table keyed by the address of the dict's payload; a dict
//! with watches has its `watched` flag set, so writes to every other dict cost one test.
//! CPython 3.12 has the same mechanism for its own specializations (`PyDict_AddWatcher`).

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::dict::DictData;
use crate::exceptions::{ExcKind, R, raise};
use crate::value::Value;

/// What compiled code assumes about one global.
#[derive(Clone, Copy)]
enum Assumption {
    /// The global still holds the object stored in `slot` (the `call.direct` slot of a
    /// top-level `def`, or of an imported function or module, or the class slot of a
    /// `call.class.direct`; the slot owns one reference).
    Function { slot: *mut Value },
    /// The module has no global of this name: it is the builtin.
    NotShadowed,
}

/// One watched global: its module, its name (an immortal str constant) and the assumption.
#[derive(Clone, Copy)]
struct Watch {
    module: Value,
    name: Value,
    assumption: Assumption,
}

thread_local! {
    /// References of cleared direct-call slots, released when the dict change that cleared
    /// them is done ([`release_retired`]).
    static RETIRED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    /// The watches, by the address of the watched dict's [`DictData`] and the str hash of
    /// the name: a write to a watched dict costs one hash lookup.
    static WATCHES: RefCell<FxHashMap<(usize, i64), Vec<Watch>>> =
        RefCell::new(FxHashMap::default());
}

fn key_of(dict: &DictData) -> usize {
    dict as *const DictData as usize
}

fn add(module: Value, name: Value, assumption: Assumption) {
    if !crate::object::is_kind(module, crate::object::Kind::Module) || !crate::str::is_str(name) {
        return;
    }
    let dict = crate::dict::dict_data(crate::modules::module_dict(module));
    dict.set_watched();
    let hash = crate::hash::hash_str(name);
    WATCHES.with(|w| {
        w.borrow_mut()
            .entry((key_of(dict), hash))
            .or_default()
            .push(Watch {
                module,
                name,
                assumption,
            });
    });
}

/// Watches the `call.direct` slot `slot` of the global `name` (a str constant) of `module`:
/// see the module docs. Called right after the `def` (or the import) stored the global's
/// object in the slot.
pub fn watch_function(module: Value, name: Value, slot: *mut Value) {
    add(module, name, Assumption::Function { slot });
}

/// Records that the compiled code of `module` resolves `name` (a str constant) to the
/// builtin: adding a global of that name from outside the module raises (see the module
/// docs).
pub fn watch_builtin(module: Value, name: Value) {
    add(module, name, Assumption::NotShadowed);
}

/// Called by a watched dict (a compiled module's globals) before `key` is set to `value`:
/// `__name__` only takes a str (see the module docs).
pub fn check_store(key: Value, value: Value) -> R<()> {
    if crate::str::is_str(key)
        && !crate::str::is_str(value)
        && crate::str::as_str(key) == "__name__"
    {
        return raise(
            ExcKind::NotImplementedError,
            format!(
                "molt: assigning a value of type '{}' to a module's __name__ is not supported (compiled code takes it to be a str)",
                crate::class::type_name(value)
            ),
        );
    }
    Ok(())
}

/// Called by a watched dict before it gains the key `key` (with str hash `hash`): refuses
/// (`NotImplementedError`, the dict left unchanged) a global that shadows a builtin the
/// module's compiled code uses (see the module docs).
pub fn before_insert(dict: &DictData, key: Value, hash: i64) -> R<()> {
    if !crate::str::is_str(key) {
        return Ok(());
    }
    let name = crate::str::as_str(key);
    let shadowed = WATCHES.with(|w| {
        let table = w.borrow();
        let watches = table.get(&(key_of(dict), hash))?;
        watches
            .iter()
            .find(|w| {
                matches!(w.assumption, Assumption::NotShadowed)
                    && crate::str::as_str(w.name) == name
            })
            .map(|w| w.module)
    });
    match shadowed {
        Some(module) => raise(
            ExcKind::NotImplementedError,
            format!(
                "molt: adding the global '{name}' to module '{}' from outside it is not supported: the module's compiled code uses the builtin '{name}'",
                crate::modules::module_name(module)
            ),
        ),
        None => Ok(()),
    }
}

/// Called by a watched dict before the function that key `key` (with str hash `hash`)
/// holds is replaced by `value` (`None`: removed): clears the direct-call slot watching it,
/// unless `value` is the slot's own function.
pub fn on_replace(dict: &DictData, key: Value, hash: i64, value: Option<Value>) {
    if !crate::str::is_str(key) {
        return;
    }
    WATCHES.with(|w| {
        if let Some(watches) = w.borrow_mut().get_mut(&(key_of(dict), hash)) {
            let name = crate::str::as_str(key);
            watches.retain(|w| !(crate::str::as_str(w.name) == name && invalidated(w, value)));
        }
    });
}

/// Called by a watched dict before it is cleared: every direct-call slot is cleared.
pub fn on_clear(dict: &DictData) {
    let at = key_of(dict);
    WATCHES.with(|w| {
        for ((d, _), watches) in w.borrow_mut().iter_mut() {
            if *d == at {
                watches.retain(|w| !invalidated(w, None));
            }
        }
    });
}

/// Called when a watched dict is freed: its watches go (its address may be reused).
pub fn forget(dict: &DictData) {
    let at = key_of(dict);
    WATCHES.with(|w| w.borrow_mut().retain(|(d, _), _| *d != at));
}

/// Whether the watch `w` of a global that now holds `value` (`None`: removed) ends: a
/// direct-call slot whose function is replaced is cleared (and its watch ends).
fn invalidated(w: &Watch, value: Option<Value>) -> bool {
    let Assumption::Function { slot } = w.assumption else {
        return false;
    };
    // SAFETY: the slot is a static data word of the compiled program.
    if value.is_some_and(|v| unsafe { *slot } == v) {
        // The `def` itself storing its function (or a store of the same object).
        return false;
    }
    // The slot's reference is released once the dict has changed (releasing it now could
    // run finalizers while the dict is half-way through the change): see
    // [`release_retired`].
    // SAFETY: as above.
    let held = unsafe { std::mem::replace(&mut *slot, Value(0)) };
    if held.0 != 0 {
        RETIRED.with(|r| r.borrow_mut().push(held));
    }
    true
}

/// Releases the references of the direct-call slots cleared by the last change of a
/// watched dict ([`on_replace`], [`on_clear`]). The dict calls it when the change is done
/// (after releasing the entry's old value, as CPython does): a function only the slot and
/// the global held is then freed, its defaults and attributes finalized, at the rebinding
/// as under CPython. A compiled call running that function holds a reference of its own
/// (CPython's frame holds its function too), so the function outlives it.
pub fn release_retired() {
    loop {
        let Some(v) = RETIRED.with(|r| r.borrow_mut().pop()) else {
            return;
        };
        crate::object::decref(v);
    }
}
