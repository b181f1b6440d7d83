//! The optimizer: per-function optimized MIR.
//!
//! For now the identity (the optimizer issue adds passes and remarks). The queries exist so
//! that every consumer (codegen, `--emit=mir`, the language server) already reads optimized
//! MIR through the database, one function at a time, and so that an unchanged function's
//! optimization is never re-run.

pub mod direct_calls;

use std::sync::Arc;

use molt_db::{Db, SourceFile};
use molt_lower::{LoweredItem, function_mir, module_mir};
use molt_mir::Function;
use molt_semantic::{FunctionItem, module_items};

/// Runs the optimization pipeline on one function: for now only [`direct_calls`]. In debug
/// builds (and so in every test) the verifier checks the result, and a failure is a compiler
/// bug.
pub fn optimize(
    db: &dyn Db,
    index: &molt_semantic::ModuleIndex,
    func: &Arc<Function>,
) -> Arc<Function> {
    let mut f = (**func).clone();
    let out = if direct_calls::run(db, index, &mut f) > 0 {
        Arc::new(f)
    } else {
        func.clone()
    };
    if cfg!(debug_assertions) {
        if let Err(errors) = molt_mir::verify::verify(&out) {
            let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!(
                "invalid MIR for {}:\n{}\n{out}",
                out.name,
                errors.join("\n")
            );
        }
    }
    out
}

/// The optimized MIR of one item's functions.
#[salsa::tracked(returns(ref))]
pub fn optimized_function_mir<'db>(db: &'db dyn Db, item: FunctionItem<'db>) -> Vec<Arc<Function>> {
    let index = molt_semantic::module_index(db, item.file(db));
    optimize_all(db, index, function_mir(db, item))
}

/// The optimized MIR of the module's top-level code.
#[salsa::tracked(returns(ref))]
pub fn optimized_module_mir(db: &dyn Db, file: SourceFile) -> Vec<Arc<Function>> {
    let index = molt_semantic::module_index(db, file);
    optimize_all(db, index, module_mir(db, file))
}

fn optimize_all(
    db: &dyn Db,
    index: &molt_semantic::ModuleIndex,
    lowered: &LoweredItem,
) -> Vec<Arc<Function>> {
    lowered
        .functions
        .iter()
        .map(|f| optimize(db, index, f))
        .collect()
}

/// Every optimized function of `file` in source order (`<module>` first).
pub fn optimized_file(db: &dyn Db, file: SourceFile) -> Vec<Arc<Function>> {
    let mut out = optimized_module_mir(db, file).clone();
    for item in &module_items(db, file).functions {
        out.extend(optimized_function_mir(db, *item).iter().cloned());
    }
    out
}
