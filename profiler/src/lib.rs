//! Profiles of compiled programs (`docs/profiles.md`): what a program did on a real run,
//! joined with the source.
//!
//! A compiled program writes a [`Profile`] under `MOLT_PROFILE_JSON`; every build writes a
//! [`SiteMap`] beside its artifact. This crate reads and validates both ([`read`]), joins
//! them and computes per-site, per-line and per-function figures ([`analysis`]), decides
//! whether a profile still describes the current source ([`stale`]), merges runs
//! ([`merge()`]), compares two runs ([`diff()`]), gives remarks their hotness ([`hotness`]),
//! and lays the facts out per file for editors and reports ([`overlay`]).
//!
//! **Architecture Invariant:** no dependency on the compiler or on the language-server
//! protocol. The build writes site maps with these types, the runtime writes profiles in the
//! same schema (checked against `docs/schemas/` by tests), the CLI and the server read them
//! through this crate. The only workspace dependency is `molt_remarks` (lanes, remarks).

pub mod analysis;
pub mod diff;
pub mod hotness;
pub mod merge;
pub mod model;
pub mod overlay;
pub mod read;
pub mod stale;

#[cfg(test)]
mod test_fixtures;

pub use analysis::{Analysis, FunctionFigures, LineFigures, SiteFigures, SourceRange};
pub use diff::{Delta, FunctionDelta, ProfileDiff, diff};
pub use hotness::{annotate_remarks, remark_hotness, same_file};
pub use merge::{MergeError, merge};
pub use model::{
    CacheCounters, Counters, DeoptReason, Deopts, Exit, ExitKind, FileHash, FunctionRecord,
    FunctionSites, GuardCounters, GuardKind, Lane, Profile, SCHEMA_VERSION, Sampling,
    SamplingClock, SiteMap, SiteRecord, SiteSpan,
};
pub use overlay::{FileOverlay, FunctionOverlay, SiteOverlay, file_overlay};
pub use read::{
    Error, ErrorKind, load_analysis, parse_profile, parse_site_map, profile_to_json, read_profile,
    read_site_map, site_map_path_for, site_map_to_json,
};
pub use stale::{StaleReason, sha256_hex, staleness};
