//! Code that runs once: a module body (`<module>`, or a part of one compiled in parts) whose
//! blocks lie on no cycle of the control-flow graph runs at most once per import, so it is
//! compiled with Cranelift's cheap settings (no e-graph pass, the single-pass register
//! allocator): its compile time matters, its speed does not. A module body with a loop
//! (a `for`/`while` statement, an inlined comprehension, a `try` retried in a loop) keeps
//! the optimizing settings for the unit holding the loop.
//!
//! The decision depends only on the MIR, so it is part of what a function's persistent key
//! (`persist::key`, the MIR text and `COMPILER_VERSION`) already determines.

use molt_mir::Function;

use crate::split::Plan;

/// Whether unit `part` of `f` (the whole function when `plan` is `None`) runs at most once
/// per import: `f` is a module body and none of the unit's blocks is `cyclic`
/// ([`molt_mir::dominators::cyclic_blocks`] of `f`).
pub(crate) fn runs_once(f: &Function, plan: Option<&Plan>, part: usize, cyclic: &[bool]) -> bool {
    if molt_mir::split_module(&f.name).1 != "<module>" || f.is_generator {
        return false;
    }
    match plan {
        None => !cyclic.iter().any(|&c| c),
        Some(plan) => plan.parts[part]
            .iter()
            .all(|r| !cyclic.get(r.block.index()).copied().unwrap_or(true)),
    }
}
