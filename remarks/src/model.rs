//! The data model: remarks (what the optimizer did or could not do, and why) and lowering
//! coverage (the lane of every counted operation), both located in source files.
//!
//! Field names are the JSON schema's (`docs/remarks.md`): renaming or removing one is a
//! schema change and bumps [`crate::SCHEMA_VERSION`].

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Whether a remark reports a transformation, a missed one, or a fact.
///
/// JSON: `"applied"`, `"missed"` or `"analysis"`; [`fmt::Display`] prints the same word.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RemarkKind {
    /// The optimization applied.
    Applied,
    /// The optimization did not apply; the message says why and how to fix it.
    Missed,
    /// A fact about the code (e.g. an unused computation was removed).
    Analysis,
}

impl RemarkKind {
    /// `applied`, `missed` or `analysis`: the JSON spelling.
    pub fn name(self) -> &'static str {
        match self {
            RemarkKind::Applied => "applied",
            RemarkKind::Missed => "missed",
            RemarkKind::Analysis => "analysis",
        }
    }
}

impl fmt::Display for RemarkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How an operation was lowered (DESIGN.md, "lane"), from fastest to slowest.
///
/// JSON: `"native"`, `"guarded"`, `"runtime"` or `"dynamic"`; [`fmt::Display`] prints the same
/// word. The order (`Native < Guarded < Runtime < Dynamic`) is the cost order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lane {
    /// Inline machine operations on unboxed values.
    Native,
    /// Native behind a type or overflow guard, with a generic fallback (a deopt when it fails).
    Guarded,
    /// A call to a typed runtime helper.
    Runtime,
    /// Generic dispatch on boxed values.
    Dynamic,
}

impl Lane {
    /// Every lane, in cost order.
    pub const ALL: [Lane; 4] = [Lane::Native, Lane::Guarded, Lane::Runtime, Lane::Dynamic];

    /// The lane's lowercase name: the JSON spelling.
    pub fn name(self) -> &'static str {
        match self {
            Lane::Native => "native",
            Lane::Guarded => "guarded",
            Lane::Runtime => "runtime",
            Lane::Dynamic => "dynamic",
        }
    }

    /// The lane's weight in the coverage score, in `0.0..=1.0` (see [`LaneCounts::score`]):
    /// native 1.0, guarded 0.75, runtime 0.5, dynamic 0.0.
    pub fn weight(self) -> f64 {
        match self {
            Lane::Native => 1.0,
            Lane::Guarded => 0.75,
            Lane::Runtime => 0.5,
            Lane::Dynamic => 0.0,
        }
    }
}

impl fmt::Display for Lane {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A position in a file: 1-based line, 1-based column counted in Unicode scalar values
/// (`char`s, not bytes and not UTF-16 code units).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in Unicode scalar values.
    pub column: u32,
}

/// A range of a file, as byte offsets and as positions (both are given so that consumers need
/// not read the file: the language server wants positions, fix application wants offsets).
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Location {
    /// The file's path as given to the tool (relative paths stay relative).
    pub file: String,
    /// First byte: UTF-8 offset into the file.
    pub start: u32,
    /// Byte after the last (exclusive); `start == end` is an empty range (an insertion point).
    pub end: u32,
    /// Position of `start`.
    pub start_pos: Position,
    /// Position of `end` (exclusive, like `end`).
    pub end_pos: Position,
}

/// A sample share from a profile: the fraction of a run's samples (CPU time) spent in some
/// code, in `0.0..=1.0` (`docs/profiles.md`). JSON: a plain number.
///
/// Equality and hashing compare the bits of the number, so that remarks stay `Eq` and
/// `Hash` (shares are finite: a profile never produces NaN).
#[derive(Clone, Copy, Debug, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Hotness(pub f64);

impl Hotness {
    /// The share, clamped to `0.0..=1.0` (NaN becomes 0.0).
    pub fn share(self) -> f64 {
        if self.0.is_nan() {
            0.0
        } else {
            self.0.clamp(0.0, 1.0)
        }
    }

    /// The share as a percentage, `0.0..=100.0`: the SARIF `rank` of a result.
    pub fn percent(self) -> f64 {
        self.share() * 100.0
    }
}

impl PartialEq for Hotness {
    fn eq(&self, other: &Hotness) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Hotness {}

impl std::hash::Hash for Hotness {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

/// A suggested edit: replace the text at `location` with `replacement` (an insertion when
/// `location.start == location.end`).
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Fix {
    /// What the edit does, as a command: e.g. "annotate `n: int`".
    pub title: String,
    /// The text to replace.
    pub location: Location,
    /// The new text.
    pub replacement: String,
}

/// One optimization remark (an LLVM optimization record, in Python terms).
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Remark {
    /// The pass, e.g. `licm`.
    pub pass: String,
    /// Stable dotted code, e.g. `licm.hoisted` (see [`crate::rules()`]; names outside the
    /// catalog are allowed and serialize like any other).
    pub name: String,
    /// Applied, missed or analysis.
    pub kind: RemarkKind,
    /// Qualified Python name of the function, e.g. `Point.__init__` or `<module>`.
    pub function: String,
    /// Where.
    pub location: Location,
    /// A sentence a Python programmer understands; missed remarks say why and how to fix.
    pub message: String,
    /// Ordered key/value details. JSON: an array of `[key, value]` string pairs, in order
    /// (keys may repeat).
    pub args: Vec<(String, String)>,
    /// How hot the remark's code was on a profiled run: the share of the run's samples spent
    /// at its site (else in its function), in `0.0..=1.0`. Set from a profile
    /// (`--profile`); JSON: a number, absent without a profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotness: Option<Hotness>,
    /// A mechanical fix, when there is one. JSON: absent when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// The lowering of one MIR operation.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct OpCoverage {
    /// MIR operation name, e.g. `add`, `call`, `getattr`.
    pub op: String,
    /// Its lane.
    pub lane: Lane,
    /// Its source range.
    pub location: Location,
    /// Why it is not native: always present for [`Lane::Dynamic`], usually for the others,
    /// absent for [`Lane::Native`]. JSON: absent when `None`.
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
    /// Counts one more operation in `lane` (saturating at `u32::MAX`).
    pub fn add(&mut self, lane: Lane) {
        let count = match lane {
            Lane::Native => &mut self.native,
            Lane::Guarded => &mut self.guarded,
            Lane::Runtime => &mut self.runtime,
            Lane::Dynamic => &mut self.dynamic,
        };
        *count = count.saturating_add(1);
    }

    /// The count of `lane`.
    pub fn get(&self, lane: Lane) -> u32 {
        match lane {
            Lane::Native => self.native,
            Lane::Guarded => self.guarded,
            Lane::Runtime => self.runtime,
            Lane::Dynamic => self.dynamic,
        }
    }

    /// All operations (saturating at `u32::MAX`).
    pub fn total(&self) -> u32 {
        Lane::ALL
            .iter()
            .fold(0u32, |sum, &l| sum.saturating_add(self.get(l)))
    }

    /// A cost-weighted score in `0.0..=100.0`: `100 * Σ weight(lane) * count(lane) / total`
    /// with the weights of [`Lane::weight`] (native 1.0, guarded 0.75, runtime 0.5,
    /// dynamic 0.0), and 100.0 when there are no operations (nothing to improve).
    ///
    /// Why weights and not a share of native operations: Cython's `cython -a` colours a line
    /// by how much C it generates, so a lexical count of "yellow" lines treats a cheap guard
    /// like a dictionary lookup. This scores operations by how they were lowered instead: a
    /// guarded add is nearly native (one compare and a predictable branch), a typed runtime
    /// helper costs a call, and generic dispatch costs boxing, a type switch and often an
    /// allocation, so it earns nothing.
    pub fn score(&self) -> f64 {
        let total = self.total();
        if total == 0 {
            return 100.0;
        }
        let weighted: f64 = Lane::ALL
            .iter()
            .map(|&l| f64::from(self.get(l)) * l.weight())
            .sum();
        // Sum the counts in f64 rather than using the saturating `total`, so the score stays
        // in 0..=100 even for (absurdly) large counts.
        let count: f64 = Lane::ALL.iter().map(|&l| f64::from(self.get(l))).sum();
        100.0 * weighted / count
    }
}

/// Lane counts of one source line (computed by [`FunctionCoverage::lines`]; not part of the
/// JSON schema).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct LineCoverage {
    /// 1-based line.
    pub line: u32,
    /// Its operations by lane.
    pub counts: LaneCounts,
    /// [`LaneCounts::score`] of the line, in `0.0..=100.0`.
    pub score: f64,
}

/// Lowering coverage of one function (or of a module's top-level code, as `<module>`).
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct FunctionCoverage {
    /// Qualified Python name.
    pub function: String,
    /// The `def` line (or the start of the module, for `<module>`).
    pub location: Location,
    /// Every counted operation (bookkeeping such as constants and jumps is not counted).
    pub ops: Vec<OpCoverage>,
}

impl FunctionCoverage {
    /// Lane counts of the whole function.
    pub fn counts(&self) -> LaneCounts {
        let mut counts = LaneCounts::default();
        for op in &self.ops {
            counts.add(op.lane);
        }
        counts
    }

    /// [`LaneCounts::score`] of the function, in `0.0..=100.0`.
    pub fn score(&self) -> f64 {
        self.counts().score()
    }

    /// Lane counts per source line, grouped by each operation's `location.start_pos.line`
    /// (an operation spanning lines counts on its first), sorted by line; lines without
    /// operations are absent.
    pub fn lines(&self) -> Vec<LineCoverage> {
        let mut by_line: BTreeMap<u32, LaneCounts> = BTreeMap::new();
        for op in &self.ops {
            by_line
                .entry(op.location.start_pos.line)
                .or_default()
                .add(op.lane);
        }
        by_line
            .into_iter()
            .map(|(line, counts)| LineCoverage {
                line,
                counts,
                score: counts.score(),
            })
            .collect()
    }

    /// The dynamic operations, in `ops` order.
    pub fn dynamic_ops(&self) -> impl Iterator<Item = &OpCoverage> {
        self.ops.iter().filter(|op| op.lane == Lane::Dynamic)
    }
}

/// How bad a compile diagnostic is. JSON: `"error"` or `"warning"`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosticSeverity {
    /// The program has an error: a syntax error, an undefined name, an unsupported
    /// construct (`--check` and `--build` exit with 1).
    Error,
    /// Valid code that is likely wrong; does not change the exit code (unless
    /// `--fail-on warning`).
    Warning,
}

impl DiagnosticSeverity {
    /// `error` or `warning`: the JSON spelling.
    pub fn name(self) -> &'static str {
        match self {
            DiagnosticSeverity::Error => "error",
            DiagnosticSeverity::Warning => "warning",
        }
    }
}

impl fmt::Display for DiagnosticSeverity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A compile diagnostic (what `--check` prints as `file:line:col: error[code]: message`),
/// carried in a [`crate::Report`] so that JSON and SARIF reports list compile errors next to
/// the remarks.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct CompileDiagnostic {
    /// The stable diagnostic code, e.g. `undefined-name` or `syntax-error`.
    pub code: String,
    /// Error or warning.
    pub severity: DiagnosticSeverity,
    /// Where.
    pub location: Location,
    /// The message, one line.
    pub message: String,
}
