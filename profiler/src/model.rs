//! The two documents of `docs/profiles.md` as Rust types: the [`Profile`] a compiled program
//! writes (`schema_version` 1, `docs/schemas/profile-v1.schema.json`) and the [`SiteMap`] a
//! build writes beside its artifact (`docs/schemas/sites-v1.schema.json`).
//!
//! Field names are the schemas' field names. Serde checks the shapes; [`crate::read`] checks
//! what JSON Schema also says (versions, kinds, patterns, ranges) and what it cannot say
//! (indices in range, no duplicate sites).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use molt_remarks::Lane;

/// The `schema_version` of both documents this crate reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The `kind` of a profile.
pub const PROFILE_KIND: &str = "molt-profile";

/// The `kind` of a site map.
pub const SITES_KIND: &str = "molt-sites";

/// A source file of a build with the SHA-256 of its UTF-8 text.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct FileHash {
    /// Absolute path.
    pub path: String,
    /// Lowercase hex SHA-256 of the file's UTF-8 text (64 digits).
    pub sha256: String,
}

/// How the profiled run ended.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub enum ExitKind {
    /// The end of the program (code 0).
    #[serde(rename = "normal")]
    Normal,
    /// `sys.exit` (code as the process exits).
    #[serde(rename = "sys.exit")]
    SysExit,
    /// An uncaught exception (code 1).
    #[serde(rename = "exception")]
    Exception,
}

/// `exit`: how the run ended and the process's exit code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Exit {
    /// How it ended.
    pub kind: ExitKind,
    /// The exit code.
    pub code: i64,
}

/// `sampling`: the sampling profiler's totals.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Sampling {
    /// Whether the sampler ran (false without `SIGPROF`, or when the timer could not be set).
    pub enabled: bool,
    /// The sampling interval, in nanoseconds of CPU time.
    pub interval_ns: u64,
    /// The clock that timed the samples (absent in profiles of older runtimes: `none`).
    #[serde(default)]
    pub clock: SamplingClock,
    /// Every sample (tick) taken.
    pub samples: u64,
    /// Samples whose stack held no compiled frame (counted in `samples`).
    pub unattributed: u64,
}

/// `sampling.clock`: what drove the sampler.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SamplingClock {
    /// A perf `task-clock` event of the program thread: its CPU time (user and kernel),
    /// at the requested rate whatever the kernel's tick rate.
    TaskClock,
    /// The same event restricted to user-mode time (`perf_event_paranoid` 2 allows only
    /// that): time inside system calls is not sampled.
    TaskClockUser,
    /// `setitimer(ITIMER_PROF)`: the process's CPU time, delivered at the kernel's tick
    /// rate (often 250 Hz), so fewer samples than CPU time / interval.
    ItimerProf,
    /// No sampler ran.
    #[default]
    None,
}

/// `inline_cache`: inline-cache lookups of the whole run.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize)]
pub struct CacheCounters {
    /// Lookups that found the cached class (count).
    pub hits: u64,
    /// Lookups that did not (count).
    pub misses: u64,
}

/// `guards`: guard checks of the whole run.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize)]
pub struct GuardCounters {
    /// Guard checks (count).
    pub checks: u64,
    /// Guard failures, i.e. deopts (count).
    pub failures: u64,
}

/// `counters`: the run's global counters. Maps are keyed by the kinds the runtime reports
/// (`docs/profiles.md`); kinds this crate does not know are kept.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct Counters {
    /// Objects allocated, by kind (`int`, `float`, `str`, `list`, ...).
    pub allocations: BTreeMap<String, u64>,
    /// Calls, by dispatch kind (`direct`, `method_direct`, `method_cached`, `generic`,
    /// `builtin`).
    pub calls: BTreeMap<String, u64>,
    /// Attribute lookups, by kind (`slot`, `generic`).
    pub attribute_lookups: BTreeMap<String, u64>,
    /// Inline-cache lookups.
    pub inline_cache: CacheCounters,
    /// Guard checks and failures.
    pub guards: GuardCounters,
    /// Executions of `dynamic`-lane operations (count).
    pub dynamic_ops: u64,
}

/// Why a guard failed (a deopt): the fixed vocabulary of `docs/profiles.md`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeoptReason {
    /// An operand or an annotated `int` parameter was not a small int.
    NotInt,
    /// An operand or an annotated `float` parameter was not a float.
    NotFloat,
    /// An annotated `bool` parameter was not a bool.
    NotBool,
    /// An annotated `str` parameter was not an exact str.
    NotStr,
    /// A mixed int/float fast path met something else.
    NotNumber,
    /// Small-int arithmetic overflowed the inline representation.
    Overflow,
    /// A divisor was zero.
    ZeroDivisor,
    /// An inline cache's receiver class was not the cached one.
    ClassChanged,
    /// An instance's slot layout was not the compiled one.
    ShapeChanged,
    /// A direct call ran before the callee's `def` was bound (or after it was rebound).
    NotBoundYet,
    /// A method call's target was not the method compiled for it.
    NotAMethod,
}

impl DeoptReason {
    /// Every reason, in the documented order.
    pub const ALL: [DeoptReason; 11] = [
        DeoptReason::NotInt,
        DeoptReason::NotFloat,
        DeoptReason::NotBool,
        DeoptReason::NotStr,
        DeoptReason::NotNumber,
        DeoptReason::Overflow,
        DeoptReason::ZeroDivisor,
        DeoptReason::ClassChanged,
        DeoptReason::ShapeChanged,
        DeoptReason::NotBoundYet,
        DeoptReason::NotAMethod,
    ];

    /// The JSON spelling: `not-int`, `overflow`, ...
    pub fn name(self) -> &'static str {
        match self {
            DeoptReason::NotInt => "not-int",
            DeoptReason::NotFloat => "not-float",
            DeoptReason::NotBool => "not-bool",
            DeoptReason::NotStr => "not-str",
            DeoptReason::NotNumber => "not-number",
            DeoptReason::Overflow => "overflow",
            DeoptReason::ZeroDivisor => "zero-divisor",
            DeoptReason::ClassChanged => "class-changed",
            DeoptReason::ShapeChanged => "shape-changed",
            DeoptReason::NotBoundYet => "not-bound-yet",
            DeoptReason::NotAMethod => "not-a-method",
        }
    }
}

impl fmt::Display for DeoptReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Deopt counts by reason (counts; a reason that never happened is absent).
pub type Deopts = BTreeMap<DeoptReason, u64>;

/// One site's record in a profile.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteRecord {
    /// The MIR site id (`#N` in `--emit=mir`).
    pub site: u32,
    /// Executions: for a guard its checks, for a dynamic operation its executions, for an
    /// inline cache its lookups (count).
    pub count: u64,
    /// Guard failures by reason (absent when there were none).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deopts: Deopts,
    /// Inline-cache hits (count), for inline caches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hits: Option<u64>,
    /// Inline-cache misses (count), for inline caches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub misses: Option<u64>,
    /// Samples attributed to the site (count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples: Option<u64>,
}

impl SiteRecord {
    /// All deopts of the site, every reason (count, saturating).
    pub fn deopt_total(&self) -> u64 {
        self.deopts.values().fold(0u64, |a, &n| a.saturating_add(n))
    }
}

/// One function's record in a profile.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct FunctionRecord {
    /// The function's index in the build (its position in the site map).
    pub function: u32,
    /// Qualified name (`Vec.add`, `<module>`).
    pub name: String,
    /// Entries (count).
    pub calls: u64,
    /// Samples whose innermost compiled frame was this function (count).
    pub samples: u64,
    /// Sites that ran or were sampled.
    pub sites: Vec<SiteRecord>,
}

/// A profile: what one run (or several merged runs) of a build did.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Profile {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// [`PROFILE_KIND`].
    pub kind: String,
    /// The build that ran (16 lowercase hex digits).
    pub build_id: String,
    /// The build's source files.
    pub files: Vec<FileHash>,
    /// How the run ended.
    pub exit: Exit,
    /// Wall-clock time of the run, in nanoseconds.
    pub wall_ns: u64,
    /// The sampler's totals.
    pub sampling: Sampling,
    /// Global counters.
    pub counters: Counters,
    /// Functions that ran or were sampled.
    pub functions: Vec<FunctionRecord>,
}

/// The kind of guard a site checks (`guard` in a site map).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GuardKind {
    /// An entry guard: the `is.type` test of an annotated parameter of a versioned function.
    Entry,
    /// A small-int tag check of operands whose type is not proven (with an overflow check
    /// of the result for arithmetic).
    IntTag,
    /// A float (or float-or-small-int) tag check of a mixed int/float fast path.
    FloatTag,
    /// An overflow check of arithmetic on proven ints (a big int also leaves the fast path).
    Overflow,
    /// A zero-divisor check of a native float division.
    ZeroDivisor,
    /// An inline cache: a method call checked against the cached class and method.
    InlineCache,
    /// A class-shape check of a fixed-layout slot read or write.
    Shape,
    /// A direct call, checked that the callee's `def` is bound.
    DirectCall,
}

impl GuardKind {
    /// The JSON spelling: `entry`, `int-tag`, ...
    pub fn name(self) -> &'static str {
        match self {
            GuardKind::Entry => "entry",
            GuardKind::IntTag => "int-tag",
            GuardKind::FloatTag => "float-tag",
            GuardKind::Overflow => "overflow",
            GuardKind::ZeroDivisor => "zero-divisor",
            GuardKind::InlineCache => "inline-cache",
            GuardKind::Shape => "shape",
            GuardKind::DirectCall => "direct-call",
        }
    }
}

impl fmt::Display for GuardKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where one site is in the source, and what it is.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSpan {
    /// The MIR site id.
    pub site: u32,
    /// First line (1-based).
    pub line: u32,
    /// First column (1-based, Unicode scalar values).
    pub column: u32,
    /// Last line (1-based).
    pub end_line: u32,
    /// Column after the last character (1-based, exclusive).
    pub end_column: u32,
    /// The MIR opcode (`add`, `call.method.direct`, `is.type`, ...).
    pub op: String,
    /// How the operation is lowered.
    pub lane: Lane,
    /// The guard it checks, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guard: Option<GuardKind>,
}

/// One MIR function of a build in a site map.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct FunctionSites {
    /// Its index in the build (the `function` of profile records).
    pub function: u32,
    /// Qualified name.
    pub name: String,
    /// Index into [`SiteMap::files`].
    pub file: u32,
    /// First line of its definition (1-based; 1 for `<module>`).
    pub line: u32,
    /// Last line of its definition (1-based).
    pub end_line: u32,
    /// Its observable sites, in MIR order.
    pub sites: Vec<SiteSpan>,
}

/// A site map: for one build, where every site is in the source.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct SiteMap {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// [`SITES_KIND`].
    pub kind: String,
    /// The build (16 lowercase hex digits).
    pub build_id: String,
    /// The MIR optimization level (0, 1 or 2).
    pub opt_level: u8,
    /// The build's source files.
    pub files: Vec<FileHash>,
    /// Every MIR function of the build, in build order.
    pub functions: Vec<FunctionSites>,
}

impl SiteMap {
    /// An empty site map of build `build_id` at `opt_level` with `files`.
    pub fn new(build_id: impl Into<String>, opt_level: u8, files: Vec<FileHash>) -> SiteMap {
        SiteMap {
            schema_version: SCHEMA_VERSION,
            kind: SITES_KIND.into(),
            build_id: build_id.into(),
            opt_level,
            files,
            functions: Vec::new(),
        }
    }

    /// The function with index `function`, if the map has it.
    pub fn function(&self, function: u32) -> Option<&FunctionSites> {
        self.functions
            .get(function as usize)
            .filter(|f| f.function == function)
            .or_else(|| self.functions.iter().find(|f| f.function == function))
    }

    /// The path of file index `file`, if in range.
    pub fn file_path(&self, file: u32) -> Option<&str> {
        self.files.get(file as usize).map(|f| f.path.as_str())
    }
}

impl FunctionSites {
    /// The site with id `site`, if the function has it.
    pub fn site(&self, site: u32) -> Option<&SiteSpan> {
        self.sites.iter().find(|s| s.site == site)
    }
}

impl Profile {
    /// An empty profile of build `build_id` (no functions, zero counters, a normal exit):
    /// the identity of [`crate::merge`], and a base for tests.
    pub fn empty(build_id: impl Into<String>, files: Vec<FileHash>) -> Profile {
        Profile {
            schema_version: SCHEMA_VERSION,
            kind: PROFILE_KIND.into(),
            build_id: build_id.into(),
            files,
            exit: Exit {
                kind: ExitKind::Normal,
                code: 0,
            },
            wall_ns: 0,
            sampling: Sampling {
                enabled: false,
                interval_ns: 0,
                clock: SamplingClock::None,
                samples: 0,
                unattributed: 0,
            },
            counters: Counters::default(),
            functions: Vec::new(),
        }
    }
}
