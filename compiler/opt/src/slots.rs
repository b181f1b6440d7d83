//! Fixed-layout attribute slots: attribute reads and writes of names that a class of this
//! module keeps in a slot become `getattr.slot`/`setattr.slot`, which codegen compiles to an
//! inline cache (a class-shape check, then one load or store; the generic lookup fills the
//! cache and serves every other case). Lowering gives each class its layout (`make.class ...
//! slots (...)`): the attributes its methods assign through `self`, `__init__`'s first (see
//! [`molt_semantic::ClassInfo::slot_layout`]).
//!
//! Remarks: `slots.applied` at each class with a layout, `slots.missed` at a class whose
//! attribute access cannot be cached (it defines `__slots__`, `__setattr__`,
//! `__getattribute__` or `__delattr__`, or its name is bound by two `class` statements).
//!
//! The technique is the hidden classes / maps of Self and V8 (Chambers, Ungar and Lee,
//! "An Efficient Implementation of SELF", OOPSLA 1989) with monomorphic inline caches
//! (Deutsch and Schiffman, POPL 1984), simplified: a class's layout is fixed when the class
//! is created, so the shape is the class's.

use molt_mir::{Function, InstKind};
use molt_semantic::ClassInfo;

use crate::{PassContext, RemarkKind};

/// Rewrites attribute accesses of slot names and reports on each class definition.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let (db, index) = (ctx.db, ctx.index);
    let local;
    let names = match ctx.slot_names {
        Some(names) => names,
        None => {
            local = slot_names(db, index);
            &local
        }
    };
    let mut reports = Vec::new();
    for inst in &mut func.insts {
        match &mut inst.kind {
            InstKind::GetAttr(o, n) if names.contains(&**n) => {
                inst.kind = InstKind::GetAttrSlot(*o, std::mem::take(n));
            }
            InstKind::SetAttr(o, n, v) if names.contains(&**n) => {
                inst.kind = InstKind::SetAttrSlot(*o, std::mem::take(n), *v);
            }
            // A class made in a function is not one of the module's top-level classes, which
            // the index describes (it may share a name with one).
            InstKind::MakeClass { name, slots, .. }
                if molt_mir::split_module(&func.name).1 == "<module>" =>
            {
                reports.push((inst.span, name.clone(), slots.clone()));
            }
            _ => {}
        }
    }
    for (span, name, slots) in reports {
        let sym = db.intern(&name);
        // The class, when one `class` statement defines the name.
        let only = index.only_class(sym);
        // Why attribute access on this class cannot use slots (`None`: it does).
        let missed = match (index.class_definitions(sym), only) {
            (0, _) => continue,
            (_, None) => Some(format!(
                "`{name}` is defined by more than one `class` statement in this module, so its instances keep attributes in a dict; give each class its own name"
            )),
            (_, Some(info)) if info.defines_slots => Some(format!(
                "`{name}` defines `__slots__`, which the compiler does not lay out yet: attribute access goes through the generic lookup; removing `__slots__` gives its instances compiler-managed fixed slots"
            )),
            (_, Some(info)) => match info.attribute_hook {
                Some(hook) => Some(format!(
                    "`{name}` defines `{}`, so every attribute access runs Python code and cannot read a slot inline",
                    db.resolve(hook)
                )),
                None if slots.is_empty() && !info.slot_layout().is_empty() => {
                    Some(match index.foreign_base(db, info) {
                        Some(Ok(b)) => format!(
                            "instances of `{name}` keep attributes in a dict: it derives from `{}`, whose instances the compiler does not lay out (builtin and imported classes, exceptions)",
                            db.resolve(b)
                        ),
                        _ => format!(
                            "instances of `{name}` keep attributes in a dict: it or a class it derives from has several bases or a base that is not a plain name, whose layout only the runtime knows"
                        ),
                    })
                }
                None => None,
            },
        };
        if let Some(message) = missed {
            ctx.remark("slots", "slots.missed", RemarkKind::Missed, span, message);
            continue;
        }
        let Some(info) = only else { continue };
        if slots.is_empty() {
            continue;
        }
        let list = slots
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let elsewhere: Vec<String> = info
            .fields_elsewhere
            .iter()
            .map(|(a, m)| format!("`{}` in `{}`", db.resolve(*a), db.resolve(*m)))
            .collect();
        let message = if elsewhere.is_empty() {
            format!(
                "instances of `{name}` keep {list} in fixed slots: reading and writing them is an inline-cached load or store"
            )
        } else {
            format!(
                "instances of `{name}` keep {list} in fixed slots: reading and writing them is an inline-cached load or store (first assigned outside `__init__`: {})",
                elsewhere.join(", ")
            )
        };
        let r = ctx.remark("slots", "slots.applied", RemarkKind::Applied, span, message);
        r.args.push(("class".into(), name.to_string()));
        r.args.push(("slots".into(), slots.join(",")));
    }
}

/// The attribute names some cacheable class of the module keeps in a slot: classes bound by
/// one `class` statement, without `__slots__` or an attribute hook. Linear in the number of
/// classes and their layouts.
pub fn slot_names(
    db: &dyn molt_db::Db,
    index: &molt_semantic::ModuleIndex,
) -> std::collections::BTreeSet<Box<str>> {
    let mut statements: rustc_hash::FxHashMap<_, usize> = rustc_hash::FxHashMap::default();
    for class in &index.classes {
        *statements.entry(class.name).or_default() += 1;
    }
    let cacheable = |c: &ClassInfo| c.attribute_hook.is_none() && !c.defines_slots;
    let mut names = std::collections::BTreeSet::new();
    for class in index.classes.iter().filter(|c| cacheable(c)) {
        if statements.get(&class.name) != Some(&1) {
            continue;
        }
        names.extend(
            index
                .slot_layout(db, class)
                .into_iter()
                .map(|a| Box::<str>::from(db.resolve(a))),
        );
    }
    names
}
