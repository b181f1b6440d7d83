//! Optimization remarks and lowering coverage: the data model the compiler produces and the
//! language server, `--remarks` and `--coverage` consume, with JSON, SARIF 2.1.0 and text
//! output.
//!
//! **Architecture Invariant:** no dependency on the compiler. Locations are file paths with
//! byte offsets and 1-based line/column positions (columns count Unicode scalar values).
//!
//! The remark model follows LLVM's optimization records (`-fsave-optimization-record`): pass,
//! name (a stable dotted code such as `licm.hoisted`), kind, function, location, message, and
//! ordered key/value arguments, plus optional hotness from a profile. The versioned JSON
//! schema is documented in `docs/remarks.md`.

pub mod rules;
pub mod sarif;
pub mod text;

use serde::{Deserialize, Serialize};

pub use rules::{Rule, help_uri, rule, rules};
pub use sarif::{to_sarif, to_sarif_string};
pub use text::{coverage_text, to_text};

/// Version of the JSON schema (`docs/remarks.md`): additive fields keep it; removals and
/// renames bump it.
pub const SCHEMA_VERSION: u32 = 1;

/// Whether a remark reports a transformation, a missed one, or a fact.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RemarkKind {
    /// The optimization applied.
    Applied,
    /// The optimization did not apply; the message says why and how to fix it.
    Missed,
    /// A fact about the code.
    Analysis,
}

impl RemarkKind {
    /// `applied`, `missed` or `analysis`.
    pub fn name(self) -> &'static str {
        match self {
            RemarkKind::Applied => "applied",
            RemarkKind::Missed => "missed",
            RemarkKind::Analysis => "analysis",
        }
    }
}

/// How an operation was lowered (DESIGN.md): `native` (inline machine operations on unboxed
/// values), `guarded` (native behind a type/overflow guard with a generic fallback), `runtime`
/// (a call to a typed runtime helper), `dynamic` (generic dispatch on boxed values).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lane {
    /// Inline machine operations.
    Native,
    /// Native behind a guard.
    Guarded,
    /// A typed runtime helper.
    Runtime,
    /// Generic dispatch.
    Dynamic,
}

impl Lane {
    /// The lane's lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Lane::Native => "native",
            Lane::Guarded => "guarded",
            Lane::Runtime => "runtime",
            Lane::Dynamic => "dynamic",
        }
    }

    /// The lane's weight in the coverage score (see [`LaneCounts::score`]).
    pub fn weight(self) -> f64 {
        match self {
            Lane::Native => 1.0,
            Lane::Guarded => 0.75,
            Lane::Runtime => 0.5,
            Lane::Dynamic => 0.0,
        }
    }
}

impl std::fmt::Display for Lane {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A position in a file: 1-based line, 1-based column in Unicode scalar values.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (Unicode scalar values).
    pub column: u32,
}

/// A range of a file.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Location {
    /// The file's path as given to the tool.
    pub file: String,
    /// First byte (UTF-8 offset into the file).
    pub start: u32,
    /// Byte after the last (exclusive).
    pub end: u32,
    /// Position of `start`.
    pub start_pos: Position,
    /// Position of `end`.
    pub end_pos: Position,
}

/// A suggested edit: replace the text at `location` with `replacement` (an insertion when
/// `start == end`).
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Fix {
    /// What the edit does, e.g. "annotate `n: int`".
    pub title: String,
    /// Where.
    pub location: Location,
    /// The new text.
    pub replacement: String,
}

/// One optimization remark.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Remark {
    /// The pass, e.g. `licm`.
    pub pass: String,
    /// Stable dotted code, e.g. `licm.hoisted` (see [`rules`]).
    pub name: String,
    /// Applied, missed or analysis.
    pub kind: RemarkKind,
    /// Qualified Python name of the function, e.g. `Point.__init__` or `<module>`.
    pub function: String,
    /// Where.
    pub location: Location,
    /// A sentence a Python programmer understands; missed remarks say why and how to fix.
    pub message: String,
    /// Ordered key/value details, serialized as an array of `[key, value]` pairs.
    pub args: Vec<(String, String)>,
    /// Execution count from a profile, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotness: Option<u64>,
    /// A mechanical fix, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// The lowering of one MIR operation.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct OpCoverage {
    /// MIR operation, e.g. `add`, `call`, `getattr`.
    pub op: String,
    /// Its lane.
    pub lane: Lane,
    /// Its source range.
    pub location: Location,
    /// Why it is not native (always present for `dynamic`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Operation counts per lane.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize)]
pub struct LaneCounts {
    /// Native operations.
    pub native: u32,
    /// Guarded operations.
    pub guarded: u32,
    /// Runtime-helper operations.
    pub runtime: u32,
    /// Dynamic operations.
    pub dynamic: u32,
}

impl LaneCounts {
    /// Counts one more operation in `lane`.
    pub fn add(&mut self, lane: Lane) {
        match lane {
            Lane::Native => self.native += 1,
            Lane::Guarded => self.guarded += 1,
            Lane::Runtime => self.runtime += 1,
            Lane::Dynamic => self.dynamic += 1,
        }
    }

    /// All operations.
    pub fn total(&self) -> u32 {
        self.native + self.guarded + self.runtime + self.dynamic
    }

    /// A cost-weighted score in `0.0..=100.0`: `100 * Σ weight·count / total` with weights
    /// native 1, guarded 0.75, runtime 0.5, dynamic 0 (100 when there are no operations).
    /// Cython's annotate scores a line by the C it generates; this scores operations by how
    /// they were lowered, so one dynamic call weighs more than a guarded add.
    pub fn score(&self) -> f64 {
        let total = self.total();
        if total == 0 {
            return 100.0;
        }
        let weighted = f64::from(self.native) * Lane::Native.weight()
            + f64::from(self.guarded) * Lane::Guarded.weight()
            + f64::from(self.runtime) * Lane::Runtime.weight();
        100.0 * weighted / f64::from(total)
    }
}

/// Lane counts of one source line.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct LineCoverage {
    /// 1-based line.
    pub line: u32,
    /// Its operations by lane.
    pub counts: LaneCounts,
    /// [`LaneCounts::score`] of the line.
    pub score: f64,
}

/// Lowering coverage of one function.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct FunctionCoverage {
    /// Qualified Python name.
    pub function: String,
    /// The `def` (or the module, for `<module>`).
    pub location: Location,
    /// Every counted operation.
    pub ops: Vec<OpCoverage>,
}

impl FunctionCoverage {
    /// Lane counts of the whole function.
    pub fn counts(&self) -> LaneCounts {
        let mut c = LaneCounts::default();
        for op in &self.ops {
            c.add(op.lane);
        }
        c
    }

    /// [`LaneCounts::score`] of the function.
    pub fn score(&self) -> f64 {
        self.counts().score()
    }

    /// Lane counts per source line (by each operation's start line), sorted by line.
    pub fn lines(&self) -> Vec<LineCoverage> {
        let mut map: std::collections::BTreeMap<u32, LaneCounts> = Default::default();
        for op in &self.ops {
            map.entry(op.location.start_pos.line)
                .or_default()
                .add(op.lane);
        }
        map.into_iter()
            .map(|(line, counts)| LineCoverage {
                line,
                counts,
                score: counts.score(),
            })
            .collect()
    }

    /// The dynamic operations.
    pub fn dynamic_ops(&self) -> impl Iterator<Item = &OpCoverage> {
        self.ops.iter().filter(|o| o.lane == Lane::Dynamic)
    }
}

/// The producing tool.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct ToolInfo {
    /// `molt-lsp`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// Everything one run reports: remarks and coverage.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The producer.
    pub tool: ToolInfo,
    /// Remarks.
    pub remarks: Vec<Remark>,
    /// Coverage per function.
    pub coverage: Vec<FunctionCoverage>,
}

impl Report {
    /// A report from `molt-lsp` `version`.
    pub fn new(version: &str, remarks: Vec<Remark>, coverage: Vec<FunctionCoverage>) -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo {
                name: "molt-lsp".into(),
                version: version.into(),
            },
            remarks,
            coverage,
        }
    }

    /// Sorts remarks by file, start offset and name.
    pub fn sort(&mut self) {
        self.remarks.sort_by(|a, b| {
            (&a.location.file, a.location.start, &a.name).cmp(&(
                &b.location.file,
                b.location.start,
                &b.name,
            ))
        });
    }

    /// Keeps only remarks of the given kinds.
    pub fn filter_kinds(&mut self, kinds: &[RemarkKind]) {
        self.remarks.retain(|r| kinds.contains(&r.kind));
    }

    /// Keeps only remarks of the given passes.
    pub fn filter_passes(&mut self, passes: &[&str]) {
        self.remarks.retain(|r| passes.contains(&r.pass.as_str()));
    }

    /// One remark per (location, name, message): the first (passes that run twice report
    /// the same fact twice).
    pub fn dedup_locations(&mut self) {
        let mut seen = std::collections::HashSet::new();
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

/// The report as pretty JSON (the schema of `docs/remarks.md`).
pub fn to_json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Reads a report written by [`to_json`].
///
/// # Errors
/// Malformed JSON or a shape that does not match the schema (serde_json's message, with line
/// and column).
pub fn from_json(text: &str) -> Result<Report, serde_json::Error> {
    serde_json::from_str(text)
}
