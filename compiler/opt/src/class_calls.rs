//! Class construction without a generic call: `call v(args)` where `v` is
//! `global.load "C"` of a class `C` bound once by a top-level `class` statement of this
//! module becomes `call.class.direct "C", "B.__init__"(args)` (see
//! [`molt_mir::InstKind::CallClassDirect`]) when the construction is statically known:
//! the metaclass is `type` (no decorator, class keyword, imported or computed base up the
//! chain), no base is a builtin class whose instances the runtime lays out itself (an
//! exception, `int`, ...), no class of the chain defines `__new__`, and the `__init__` it
//! finds (its own or a base's of this module) is a plain function taking one positional
//! argument per argument of the call after `self`. Codegen checks all of that again at run
//! time (the global still holding the class, the class's shape, `__init__` being that
//! function's code) and otherwise makes the generic call.
//!
//! When nothing between the load of the global and the call can raise or run code
//! ([`crate::util::is_pure`]), the rewrite drops the load and reads the class when the call
//! happens: the class is then the same object, and a `NameError` comes before anything
//! else. Otherwise (`Vec(self.x + o.x, ...)`, an argument computed in another block) the
//! load stays where CPython reads the class, before the arguments, and the call becomes
//! `call.class.direct ... loaded`, which constructs directly only when the class read is
//! still the one in the slot. It runs after the other passes, when loop counters are typed
//! (`Point(i, i + 1)` computes an int addition in between, and then needs no read). Remarks: `call.class.direct`
//! (applied) and `call.class.direct.missed` (with the reason) for every call of such a class.

use molt_mir::{Function, InstKind, ValueDef};
use molt_semantic::index::ParamKind;
use molt_semantic::{ClassInfo, FunctionSig, ModuleIndex};
use rustc_hash::FxHashSet;

use crate::util::{calls_reading_apart, remove_insts, use_counts};
use crate::{PassContext, RemarkKind};

/// The classes of `class`'s chain in this module, `class` first (up to a base that is not a
/// class of the module, or a cycle).
fn chain<'i>(
    db: &dyn molt_db::Db,
    index: &'i ModuleIndex,
    class: &'i ClassInfo,
) -> Vec<&'i ClassInfo> {
    let object = db.intern("object");
    let mut out = vec![class];
    let mut current = class;
    while let Some(base) = current.base.filter(|b| *b != object) {
        match index.only_class(base) {
            Some(b) if !out.iter().any(|c| c.name == b.name) => {
                out.push(b);
                current = b;
            }
            _ => break,
        }
    }
    out
}

/// Why calls of `class` cannot construct directly with `nargs` positional arguments (and
/// keywords when `keywords`), or the class defining the `__init__` they run and its
/// signature.
fn plan<'i>(
    db: &dyn molt_db::Db,
    index: &'i ModuleIndex,
    class: &'i ClassInfo,
    nargs: usize,
    keywords: bool,
) -> Result<(&'i ClassInfo, &'i FunctionSig), String> {
    let name = db.resolve(class.name);
    if class.decorated {
        return Err(
            "the class is decorated or has class keywords, so the name may hold another object"
                .into(),
        );
    }
    if !index.metaclass_is_type(class) {
        return Err("a base may bring a metaclass other than `type` (an imported base, several bases or a base expression), whose `__call__` decides what a call does".into());
    }
    if let Some(Ok(base)) = index.foreign_base(db, class) {
        return Err(format!(
            "it derives from the builtin `{}`, whose instances the runtime makes itself",
            db.resolve(base)
        ));
    }
    let classes = chain(db, index, class);
    if let Some(c) = classes.iter().find(|c| c.constructor_bound) {
        return Err(format!(
            "the body of `{}` binds `__init__` or `__new__` other than by `def`",
            db.resolve(c.name)
        ));
    }
    let new = db.intern("__new__");
    if let Some(c) = classes.iter().find(|c| c.method(new).is_some()) {
        return Err(format!(
            "`{}` defines `__new__`, which decides whether `__init__` runs",
            db.resolve(c.name)
        ));
    }
    let init = db.intern("__init__");
    let Some((owner, sig)) = classes.iter().find_map(|c| c.method(init).map(|s| (*c, s))) else {
        return Err(format!(
            "`{name}` has no `__init__` of its own or from a base of this module"
        ));
    };
    let owner_name = db.resolve(owner.name);
    if sig.decorated {
        return Err(format!("`{owner_name}.__init__` is decorated"));
    }
    if sig.is_generator {
        return Err(format!("`{owner_name}.__init__` is a generator function"));
    }
    if sig
        .params
        .iter()
        .any(|p| !matches!(p.kind, ParamKind::Positional | ParamKind::PositionalOnly))
    {
        return Err(format!(
            "`{owner_name}.__init__` has `*args`, `**kwargs` or keyword-only parameters"
        ));
    }
    if keywords {
        return Err(
            "the call passes keyword arguments; pass them by position to construct directly".into(),
        );
    }
    if sig.params.len() != nargs + 1 {
        return Err(format!(
            "`{owner_name}.__init__` takes {} arguments after `self` and this call passes {nargs}",
            sig.params.len().saturating_sub(1)
        ));
    }
    Ok((owner, sig))
}

/// The MIR name of the `__init__` (`"B.__init__"`) that [`run`] makes a call of the
/// module global `class` with `nargs` positional arguments run directly, or `None` when
/// such a call stays generic.
pub fn direct_init(
    db: &dyn molt_db::Db,
    index: &ModuleIndex,
    class: &str,
    nargs: usize,
) -> Option<String> {
    let info = index.stable_class(db.intern(class))?;
    let (owner, _) = plan(db, index, info, nargs, false).ok()?;
    Some(format!("{}.__init__", db.resolve(owner.name)))
}

/// Rewrites the eligible class calls of `func` (see the module doc).
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let (db, index) = (ctx.db, ctx.index);
    let uses = use_counts(func);
    let apart = calls_reading_apart(func);
    let mut dead = FxHashSet::default();
    for block in func.layout.clone() {
        let insts = func.blocks[block.index()].insts.clone();
        for &inst in &insts {
            let InstKind::Call { callee, args } = &func.insts[inst.index()].kind else {
                continue;
            };
            let ValueDef::Result(load) = func.values[callee.index()].def else {
                continue;
            };
            let InstKind::GlobalLoad(name) = &func.insts[load.index()].kind else {
                continue;
            };
            let Some(class) = index.stable_class(db.intern(name)) else {
                continue;
            };
            let name = name.clone();
            let span = func.insts[inst.index()].span;
            let missed = |ctx: &mut PassContext<'_>, why: &str| {
                ctx.remark(
                    "calls",
                    "call.class.direct.missed",
                    RemarkKind::Missed,
                    span,
                    format!("`{name}(...)` constructs the instance through a generic call: {why}"),
                );
            };
            let (owner, _) = match plan(
                db,
                index,
                class,
                args.positional.len(),
                !args.keywords.is_empty(),
            ) {
                Ok(p) => p,
                Err(why) => {
                    missed(ctx, &why);
                    continue;
                }
            };
            // CPython reads the class before the arguments: when something between could
            // raise or run code, the read stays and the call checks what it read.
            let loaded = (apart.contains(&inst) || uses[callee.index()] != 1).then_some(*callee);
            let init = format!("{}.__init__", db.resolve(owner.name));
            let data = &mut func.insts[inst.index()];
            let InstKind::Call { args, .. } = &mut data.kind else {
                continue;
            };
            let args = std::mem::take(&mut args.positional);
            data.kind = InstKind::CallClassDirect {
                class: name.clone(),
                init: init.clone().into(),
                args,
                loaded,
            };
            if loaded.is_none() {
                dead.insert(load);
            }
            ctx.remark(
                "calls",
                "call.class.direct",
                RemarkKind::Applied,
                span,
                format!(
                    "`{name}(...)` allocates the instance and calls `{init}` directly while `{name}` and its `__init__` are unchanged (inline cache on the class's shape; the generic call otherwise)"
                ),
            );
        }
    }
    if !dead.is_empty() {
        remove_insts(func, &dead);
        func.compact();
    }
}
