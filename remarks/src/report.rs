//! The [`Report`]: everything one run says about a set of files, and the noise controls users
//! ask for (filter by kind and by pass, one entry per location).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::json::SCHEMA_VERSION;
use crate::model::{CompileDiagnostic, DiagnosticSeverity, FunctionCoverage, Remark, RemarkKind};

/// The producing tool.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct ToolInfo {
    /// `molt-lsp`.
    pub name: String,
    /// Its version, e.g. `0.1.0`.
    pub version: String,
}

/// Everything one run reports: remarks and lowering coverage. This is the top-level object of
/// the JSON schema (`docs/remarks.md`).
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`] of the writer.
    pub schema_version: u32,
    /// The producer.
    pub tool: ToolInfo,
    /// Remarks, in the producer's order ([`Report::sort`] sorts them by position).
    pub remarks: Vec<Remark>,
    /// Coverage per function.
    pub coverage: Vec<FunctionCoverage>,
    /// The compile diagnostics (errors and warnings) of the files, in the order `--check`
    /// prints them. Added to schema version 1 (an additive field): absent in older reports,
    /// read as empty.
    #[serde(default)]
    pub diagnostics: Vec<CompileDiagnostic>,
}

impl Report {
    /// The name every report gives in [`ToolInfo::name`].
    pub const TOOL_NAME: &'static str = "molt-lsp";

    /// A report from `molt-lsp` at `version` (the caller passes its own
    /// `env!("CARGO_PKG_VERSION")`; [`Report::with_crate_version`] uses this crate's) with the
    /// current [`SCHEMA_VERSION`].
    pub fn new(version: &str, remarks: Vec<Remark>, coverage: Vec<FunctionCoverage>) -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo {
                name: Report::TOOL_NAME.into(),
                version: version.into(),
            },
            remarks,
            coverage,
            diagnostics: Vec::new(),
        }
    }

    /// The number of [`Report::diagnostics`] of `severity`.
    pub fn diagnostic_count(&self, severity: DiagnosticSeverity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// [`Report::new`] with this crate's version (the workspace version, shared by
    /// `molt-lsp`).
    pub fn with_crate_version(remarks: Vec<Remark>, coverage: Vec<FunctionCoverage>) -> Report {
        Report::new(env!("CARGO_PKG_VERSION"), remarks, coverage)
    }

    /// Sorts remarks by file, start byte offset and name (stable: remarks equal in all three
    /// keep their order).
    pub fn sort(&mut self) {
        self.remarks.sort_by(|a, b| {
            (&a.location.file, a.location.start, &a.name).cmp(&(
                &b.location.file,
                b.location.start,
                &b.name,
            ))
        });
    }

    /// Sorts remarks by hotness, hottest first (remarks without hotness last), and by
    /// [`Report::sort`]'s order among equals (stable). The order of `--remarks --profile`.
    pub fn sort_by_hotness(&mut self) {
        self.sort();
        self.remarks.sort_by(|a, b| {
            let key = |r: &Remark| r.hotness.map(|h| h.share());
            // `None` (no profile figure) sorts after every share.
            match (key(a), key(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
    }

    /// Keeps only remarks whose kind is in `kinds` (e.g. `&[RemarkKind::Missed]` for a
    /// missed-only view). Coverage is untouched.
    pub fn filter_kinds(&mut self, kinds: &[RemarkKind]) {
        self.remarks.retain(|r| kinds.contains(&r.kind));
    }

    /// Keeps only remarks whose pass is in `passes` (e.g. `&["licm", "unbox"]`). Coverage is
    /// untouched.
    pub fn filter_passes(&mut self, passes: &[&str]) {
        self.remarks.retain(|r| passes.contains(&r.pass.as_str()));
    }

    /// One remark per location (file, start and end byte offsets), name and message: the
    /// first one is kept (a pass that runs twice reports the same fact twice). Remarks of one
    /// name with different messages at one place stay: two operations can share a span
    /// (`x == y` in a condition is a comparison and a truth test), and each needs its reason.
    pub fn dedup_locations(&mut self) {
        let mut seen: HashSet<(String, u32, u32, String, String)> = HashSet::new();
        self.remarks.retain(|r| {
            seen.insert((
                r.location.file.clone(),
                r.location.start,
                r.location.end,
                r.name.clone(),
                r.message.clone(),
            ))
        });
    }
}
