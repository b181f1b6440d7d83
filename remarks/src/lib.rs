//! Optimization remarks and lowering coverage: the data model the compiler produces and the
//! language server, `--remarks` and `--coverage` consume, with JSON, SARIF 2.1.0 and text
//! output.
//!
//! **Architecture Invariant:** no dependency on the compiler. Locations are file paths with
//! byte offsets and 1-based line/column positions (columns count Unicode scalar values); the
//! producer computes them, this crate only carries and prints them.
//!
//! The remark model follows LLVM's optimization records (`-fsave-optimization-record`): pass,
//! name (a stable dotted code such as `licm.hoisted`), kind, function, location, message, and
//! ordered key/value arguments, plus optional hotness (a sample share) from a profile. Coverage gives every
//! counted operation a [`Lane`]; scores weight lanes by cost ([`LaneCounts::score`]).
//!
//! Code map: [`model`] (remarks, locations, lanes, coverage), [`report`] (the [`Report`] and its
//! noise filters), [`json`] (the versioned JSON schema of `docs/remarks.md`), [`sarif`]
//! (GitHub code scanning), [`text`] (terminal output), [`mod@rules`] (the catalog of remark names).

pub mod json;
pub mod model;
pub mod report;
pub mod rules;
pub mod sarif;
pub mod text;

pub use json::{Error, SCHEMA_VERSION, from_json, to_json};
pub use model::{
    CompileDiagnostic, DiagnosticSeverity, Fix, FunctionCoverage, Hotness, Lane, LaneCounts,
    LineCoverage, Location, OpCoverage, Position, Remark, RemarkKind,
};
pub use report::{Report, ToolInfo};
pub use rules::{Rule, help_uri, rule, rules};
pub use sarif::{to_sarif, to_sarif_string};
pub use text::{coverage_text, coverage_text_with_source, to_text};
