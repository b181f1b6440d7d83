//! `super().m(args)` and `super(C, obj).m(args)` without a `super` object: a `call.method`
//! whose receiver is the result of calling the value of the builtin name `super`
//! (`builtin.load "super"`) with two arguments, used nowhere else, becomes one `call.super`
//! (see [`molt_mir::InstKind::CallSuper`]): the runtime looks the method up after the class in
//! the receiver's MRO behind a per-site inline cache and calls a plain function directly, and
//! does exactly what the two calls did otherwise.
//!
//! The rewrite moves the call of `super` after the evaluation of the method's arguments, so it
//! is made only when nothing between the two calls can raise or run code (constants; the
//! arguments computed before `super()`, such as parameters, need nothing at all). Remarks:
//! `call.super` (applied), `call.super.missed` (with the reason) for the other method calls on
//! a `super(...)` result.

use molt_mir::{Function, InstKind, ValueDef};
use rustc_hash::FxHashSet;

use crate::util::{remove_insts, use_counts};
use crate::{PassContext, RemarkKind};

/// Rewrites the `super(...).m(...)` calls of `func` (see the module doc).
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let uses = use_counts(func);
    let mut dead = FxHashSet::default();
    for block in func.layout.clone() {
        let insts = func.blocks[block.index()].insts.clone();
        for (k, &inst) in insts.iter().enumerate() {
            let (receiver, name) = match &func.insts[inst.index()].kind {
                InstKind::CallMethod { receiver, name, .. } => (*receiver, name.clone()),
                _ => continue,
            };
            let ValueDef::Result(call) = func.values[receiver.index()].def else {
                continue;
            };
            let InstKind::Call { callee, args } = &func.insts[call.index()].kind else {
                continue;
            };
            let ValueDef::Result(load) = func.values[callee.index()].def else {
                continue;
            };
            let span = func.insts[inst.index()].span;
            match &func.insts[load.index()].kind {
                InstKind::BuiltinLoad(n) if &**n == "super" => {}
                InstKind::GlobalLoad(n) if &**n == "super" => {
                    ctx.remark(
                        "calls",
                        "call.super.missed",
                        RemarkKind::Missed,
                        span,
                        format!("`super().{name}()` is a generic call: the module binds a global `super`, which may not be the builtin"),
                    );
                    continue;
                }
                _ => continue,
            }
            let missed = |ctx: &mut PassContext<'_>, why: &str| {
                ctx.remark(
                    "calls",
                    "call.super.missed",
                    RemarkKind::Missed,
                    span,
                    format!("`super().{name}()` makes a `super` object and a bound method: {why}"),
                );
            };
            if args.positional.len() != 2 || !args.keywords.is_empty() {
                continue;
            }
            let (class, object) = (args.positional[0], args.positional[1]);
            if &*name == "__class__" {
                missed(ctx, "`__class__` is the `super` object's own attribute");
                continue;
            }
            if uses[receiver.index()] != 1 {
                missed(ctx, "the `super` object is used elsewhere too");
                continue;
            }
            // The call of `super` must be in this block, followed only by instructions that
            // cannot raise or run code before the method call.
            let Some(start) = insts[..k].iter().position(|&i| i == call) else {
                missed(ctx, "`super(...)` is computed in another block");
                continue;
            };
            if !insts[start + 1..k]
                .iter()
                .all(|i| matches!(func.insts[i.index()].kind, InstKind::Const(_)))
            {
                missed(
                    ctx,
                    "an argument is computed between `super()` and the call (it could raise or run code before `super()` is checked); compute it into a local first",
                );
                continue;
            }
            let sup = *callee;
            let data = &mut func.insts[inst.index()];
            let InstKind::CallMethod { args, .. } = &mut data.kind else {
                continue;
            };
            let args = std::mem::take(args);
            data.kind = InstKind::CallSuper {
                sup,
                class,
                receiver: object,
                name: name.clone(),
                args,
            };
            dead.insert(call);
            ctx.remark(
                "calls",
                "call.super",
                RemarkKind::Applied,
                span,
                format!(
                    "`super().{name}()` calls the function found after the class in the receiver's MRO directly (no `super` object or bound method; inline cache on the receiver's class, with the generic path for other attributes)"
                ),
            );
        }
    }
    if !dead.is_empty() {
        remove_insts(func, &dead);
        func.compact();
    }
}
