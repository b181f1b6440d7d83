//! The semantic model of a Python module: source items, the module index (functions,
//! classes, signatures, annotations, globals), scopes and name resolution, and diagnostics.
//!
//! Incrementality hinges on [`items::module_items`]: it splits a file into *items* (each
//! top-level `def` and each method of a top-level class) whose text is stored relative to the
//! item's start, plus the *module skeleton* (the top-level code with item bodies elided).
//! Queries that lower an item read only its text and the position-free [`index::ModuleIndex`],
//! so edits elsewhere in the file (including whitespace and comments between items) re-run
//! none of them.

pub mod builtins;
pub mod dataclass_init;
pub mod diagnostics;
pub mod entry_points;
pub mod exit_order;
pub mod import_names;
pub mod imported_calls;
pub mod index;
pub mod items;
pub mod limits;
pub mod modules;
pub mod patterns;
pub mod scope;
pub mod star_imports;
pub mod stdlib;
pub mod stdlib_attrs;
pub mod stdlib_names;
pub mod surrogates;
pub mod warnings;

pub use diagnostics::{Diagnostic, DiagnosticCode, Severity};
pub use index::{Annotation, ClassInfo, FunctionSig, ModuleIndex, ParamSig, module_index};
pub use items::{FunctionItem, ModuleItems, ModuleSkeleton, module_items, module_skeleton};
