//! The join of a profile with its site map, and the figures computed from it: per site, per
//! source line and per function (executions, deopts by reason, deopt rate, samples, sample
//! share = hotness, calls), ranked by cost.
//!
//! Units: counts are exact integers; a *share* is a fraction of all the run's samples
//! (`sampling.samples`, unattributed ones included) in `0.0..=1.0`, 0.0 when nothing was
//! sampled; a *deopt rate* is deopts / executions in `0.0..=1.0`.
//!
//! When the site map is of another build (a stale profile), nothing is placed in the source:
//! function names come from the profile and positions are `None`. When only the source
//! changed, positions are joined (they are those of the build that ran) and the analysis is
//! marked stale: consumers show them as stale.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use crate::model::{Deopts, GuardKind, Lane, Profile, SiteMap};
use crate::stale::{StaleReason, staleness};

/// A source range of the build that ran: 1-based lines and columns (Unicode scalar values),
/// end exclusive.
#[derive(Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct SourceRange {
    /// The file's path (as in the site map: absolute).
    pub file: String,
    /// First line.
    pub line: u32,
    /// First column.
    pub column: u32,
    /// Last line.
    pub end_line: u32,
    /// Column after the last character.
    pub end_column: u32,
}

/// The figures of one site.
#[derive(Clone, PartialEq, Debug)]
pub struct SiteFigures {
    /// The function's index in the build.
    pub function: u32,
    /// The function's qualified name.
    pub function_name: String,
    /// The MIR site id.
    pub site: u32,
    /// Where it is; `None` when the site map does not describe the profile's build or lacks
    /// the site.
    pub range: Option<SourceRange>,
    /// The MIR opcode, from the site map.
    pub op: Option<String>,
    /// The lane, from the site map.
    pub lane: Option<Lane>,
    /// The guard kind, from the site map.
    pub guard: Option<GuardKind>,
    /// Executions (count).
    pub count: u64,
    /// Deopts by reason (counts).
    pub deopts: Deopts,
    /// All deopts (count).
    pub deopt_total: u64,
    /// `deopt_total / count` in `0.0..=1.0` (0.0 when the site never ran).
    pub deopt_rate: f64,
    /// Inline-cache hits (count), for inline caches.
    pub hits: Option<u64>,
    /// Inline-cache misses (count), for inline caches.
    pub misses: Option<u64>,
    /// Samples at the site (count).
    pub samples: u64,
    /// Sample share (hotness), `0.0..=1.0`.
    pub share: f64,
}

impl SiteFigures {
    /// The reasons of its deopts, most frequent first (ties in the documented order).
    pub fn reasons(&self) -> Vec<(crate::model::DeoptReason, u64)> {
        let mut r: Vec<_> = self.deopts.iter().map(|(k, v)| (*k, *v)).collect();
        r.sort_by_key(|(k, v)| (Reverse(*v), *k));
        r
    }
}

/// The figures of one function.
#[derive(Clone, PartialEq, Debug)]
pub struct FunctionFigures {
    /// Its index in the build.
    pub function: u32,
    /// Qualified name.
    pub name: String,
    /// Its file (`None` when not placed, see [`SiteFigures::range`]).
    pub file: Option<String>,
    /// First line of its definition.
    pub line: Option<u32>,
    /// Last line of its definition.
    pub end_line: Option<u32>,
    /// Entries (count).
    pub calls: u64,
    /// Samples with this function innermost (count).
    pub samples: u64,
    /// Sample share (hotness), `0.0..=1.0`.
    pub share: f64,
    /// Deopts at all its sites (count).
    pub deopts: u64,
    /// How many of its sites deopted at least once.
    pub deopt_sites: usize,
    /// 1-based rank by cost among the profile's functions (1 = hottest).
    pub rank: usize,
}

/// The figures of one source line (of the build that ran).
#[derive(Clone, PartialEq, Debug)]
pub struct LineFigures {
    /// The file's path.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// Samples at sites starting on the line (count).
    pub samples: u64,
    /// Sample share, `0.0..=1.0`.
    pub share: f64,
    /// The largest execution count of a site starting on the line (about how often the
    /// line ran).
    pub executions: u64,
    /// Deopts at sites starting on the line (count).
    pub deopts: u64,
}

/// A profile joined with its site map.
#[derive(Clone, PartialEq, Debug)]
pub struct Analysis {
    /// The profile's build id.
    pub build_id: String,
    /// Why the profile is stale; empty when it is fresh.
    pub stale: Vec<StaleReason>,
    /// Whether the sampler ran.
    pub sampling_enabled: bool,
    /// All samples of the run (count); shares are relative to it.
    pub total_samples: u64,
    /// Wall-clock time of the run (ns).
    pub wall_ns: u64,
    /// Every function of the profile, by cost (see [`Analysis::new`]).
    pub functions: Vec<FunctionFigures>,
    /// Every site of the profile, by cost.
    pub sites: Vec<SiteFigures>,
    /// Lines with sites (placed ones only), by file and line.
    pub lines: Vec<LineFigures>,
    /// Profile records (functions or sites) the site map does not describe (count).
    pub unmapped: usize,
}

fn share(samples: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        (samples as f64 / total as f64).clamp(0.0, 1.0)
    }
}

impl Analysis {
    /// Joins `profile` with `map` and computes the figures; `current_text` gives the current
    /// text of a source file, for [`staleness`].
    ///
    /// Orders: functions by samples, then calls, then deopts (descending), then index; sites
    /// by samples, then deopts, then executions (descending), then function and site; lines by
    /// file and line.
    pub fn new(
        profile: &Profile,
        map: &SiteMap,
        current_text: &dyn Fn(&str) -> Option<String>,
    ) -> Analysis {
        let stale = staleness(profile, map, current_text);
        Analysis::join(profile, map, stale)
    }

    /// [`Analysis::new`] with the staleness already decided by the caller.
    pub fn join(profile: &Profile, map: &SiteMap, stale: Vec<StaleReason>) -> Analysis {
        let same_build = profile.build_id == map.build_id;
        let total = profile.sampling.samples;
        let mut functions = Vec::new();
        let mut sites = Vec::new();
        let mut unmapped = 0;
        for f in &profile.functions {
            let placed = if same_build {
                map.function(f.function)
            } else {
                None
            };
            if same_build && placed.is_none() {
                unmapped += 1;
            }
            let file = placed
                .and_then(|p| map.file_path(p.file))
                .map(str::to_string);
            let mut deopts = 0u64;
            let mut deopt_sites = 0;
            for s in &f.sites {
                let span = placed.and_then(|p| p.site(s.site));
                if placed.is_some() && span.is_none() {
                    unmapped += 1;
                }
                let deopt_total = s.deopt_total();
                deopts = deopts.saturating_add(deopt_total);
                deopt_sites += usize::from(deopt_total > 0);
                let samples = s.samples.unwrap_or(0);
                sites.push(SiteFigures {
                    function: f.function,
                    function_name: f.name.clone(),
                    site: s.site,
                    range: span.zip(file.as_ref()).map(|(sp, file)| SourceRange {
                        file: file.clone(),
                        line: sp.line,
                        column: sp.column,
                        end_line: sp.end_line,
                        end_column: sp.end_column,
                    }),
                    op: span.map(|sp| sp.op.clone()),
                    lane: span.map(|sp| sp.lane),
                    guard: span.and_then(|sp| sp.guard),
                    count: s.count,
                    deopts: s.deopts.clone(),
                    deopt_total,
                    deopt_rate: if s.count == 0 {
                        0.0
                    } else {
                        (deopt_total as f64 / s.count as f64).clamp(0.0, 1.0)
                    },
                    hits: s.hits,
                    misses: s.misses,
                    samples,
                    share: share(samples, total),
                });
            }
            functions.push(FunctionFigures {
                function: f.function,
                name: f.name.clone(),
                file,
                line: placed.map(|p| p.line),
                end_line: placed.map(|p| p.end_line),
                calls: f.calls,
                samples: f.samples,
                share: share(f.samples, total),
                deopts,
                deopt_sites,
                rank: 0,
            });
        }
        functions.sort_by_key(|f| {
            (
                Reverse(f.samples),
                Reverse(f.calls),
                Reverse(f.deopts),
                f.function,
            )
        });
        for (i, f) in functions.iter_mut().enumerate() {
            f.rank = i + 1;
        }
        sites.sort_by_key(|s| {
            (
                Reverse(s.samples),
                Reverse(s.deopt_total),
                Reverse(s.count),
                s.function,
                s.site,
            )
        });
        let mut by_line: BTreeMap<(String, u32), LineFigures> = BTreeMap::new();
        for s in &sites {
            let Some(r) = &s.range else { continue };
            let l = by_line
                .entry((r.file.clone(), r.line))
                .or_insert_with(|| LineFigures {
                    file: r.file.clone(),
                    line: r.line,
                    samples: 0,
                    share: 0.0,
                    executions: 0,
                    deopts: 0,
                });
            l.samples = l.samples.saturating_add(s.samples);
            l.executions = l.executions.max(s.count);
            l.deopts = l.deopts.saturating_add(s.deopt_total);
        }
        let lines = by_line
            .into_values()
            .map(|mut l| {
                l.share = share(l.samples, total);
                l
            })
            .collect();
        Analysis {
            build_id: profile.build_id.clone(),
            stale,
            sampling_enabled: profile.sampling.enabled,
            total_samples: total,
            wall_ns: profile.wall_ns,
            functions,
            sites,
            lines,
            unmapped,
        }
    }

    /// Whether the profile is stale (see [`crate::stale`]).
    pub fn is_stale(&self) -> bool {
        !self.stale.is_empty()
    }

    /// Sites that deopted, most deopts first (then by samples, function and site).
    pub fn deopt_sites(&self) -> Vec<&SiteFigures> {
        let mut out: Vec<&SiteFigures> = self.sites.iter().filter(|s| s.deopt_total > 0).collect();
        out.sort_by_key(|s| {
            (
                Reverse(s.deopt_total),
                Reverse(s.samples),
                s.function,
                s.site,
            )
        });
        out
    }

    /// Lines by samples, hottest first (then by file and line); lines without samples are
    /// left out.
    pub fn hot_lines(&self) -> Vec<&LineFigures> {
        let mut out: Vec<&LineFigures> = self.lines.iter().filter(|l| l.samples > 0).collect();
        out.sort_by_key(|l| (Reverse(l.samples), l.file.clone(), l.line));
        out
    }

    /// The figures of function `name`, if the profile has it.
    pub fn function_named(&self, name: &str) -> Option<&FunctionFigures> {
        self.functions.iter().find(|f| f.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeoptReason;
    use crate::read::{parse_profile, parse_site_map};
    use crate::test_fixtures::{PROFILE, SITES};

    fn fixture(stale: Vec<StaleReason>) -> Analysis {
        let p = parse_profile(PROFILE).expect("profile");
        let m = parse_site_map(SITES).expect("sites");
        Analysis::join(&p, &m, stale)
    }

    #[test]
    fn functions_rank_by_samples() {
        let a = fixture(vec![]);
        let names: Vec<(&str, usize)> = a
            .functions
            .iter()
            .map(|f| (f.name.as_str(), f.rank))
            .collect();
        assert_eq!(names, [("f", 1), ("Vec.add", 2), ("<module>", 3)]);
        let f = &a.functions[0];
        assert_eq!(f.share, 0.7);
        assert_eq!(
            (f.file.as_deref(), f.line, f.end_line),
            (Some("/abs/path/main.py"), Some(7), Some(11))
        );
        assert_eq!((f.deopts, f.deopt_sites), (3, 1));
        let add = a.function_named("Vec.add").expect("Vec.add");
        assert_eq!((add.calls, add.deopts, add.deopt_sites), (12000, 100, 1));
        assert_eq!(a.unmapped, 0);
        assert!(!a.is_stale());
    }

    #[test]
    fn sites_are_joined_to_positions() {
        let a = fixture(vec![]);
        let top = &a.sites[0];
        assert_eq!(
            (top.function_name.as_str(), top.site, top.samples),
            ("f", 12, 400)
        );
        assert_eq!(top.share, 0.4);
        let add = a.sites.iter().find(|s| s.site == 7).expect("site 7");
        assert_eq!(
            add.range,
            Some(SourceRange {
                file: "/abs/path/main.py".into(),
                line: 5,
                column: 16,
                end_line: 5,
                end_column: 25
            })
        );
        assert_eq!(
            (add.op.as_deref(), add.lane, add.guard),
            (Some("add"), Some(Lane::Guarded), Some(GuardKind::IntTag))
        );
        assert_eq!(add.deopts.get(&DeoptReason::NotInt), Some(&100));
        assert!((add.deopt_rate - 100.0 / 12000.0).abs() < 1e-12);
        let cache = a.sites.iter().find(|s| s.site == 9).expect("site 9");
        assert_eq!((cache.hits, cache.misses), (Some(11999), Some(1)));
    }

    #[test]
    fn deopt_sites_rank_by_deopts() {
        let a = fixture(vec![]);
        let d: Vec<(u32, u64)> = a
            .deopt_sites()
            .iter()
            .map(|s| (s.site, s.deopt_total))
            .collect();
        assert_eq!(d, [(7, 100), (13, 3)]);
    }

    #[test]
    fn lines_sum_their_sites() {
        let a = fixture(vec![]);
        let l10 = a.lines.iter().find(|l| l.line == 10).expect("line 10");
        assert_eq!((l10.samples, l10.executions, l10.deopts), (650, 100000, 3));
        assert_eq!(l10.share, 0.65);
        let hot: Vec<u32> = a.hot_lines().iter().map(|l| l.line).collect();
        assert_eq!(hot, [10, 5, 14]);
        // Line 7 (the entry guard) ran but was never sampled.
        assert!(a.lines.iter().any(|l| l.line == 7 && l.samples == 0));
    }

    #[test]
    fn another_build_places_nothing() {
        let mut p = parse_profile(PROFILE).expect("profile");
        let m = parse_site_map(SITES).expect("sites");
        p.build_id = "0123456789abcdef".into();
        let a = Analysis::join(&p, &m, vec![]);
        assert!(a.sites.iter().all(|s| s.range.is_none() && s.op.is_none()));
        assert!(a.functions.iter().all(|f| f.line.is_none()));
        assert!(a.lines.is_empty());
        assert_eq!(a.functions[0].name, "f", "names come from the profile");
    }

    #[test]
    fn records_missing_from_the_map_are_counted() {
        let mut p = parse_profile(PROFILE).expect("profile");
        let m = parse_site_map(SITES).expect("sites");
        p.functions[0].sites[0].site = 999;
        p.functions[2].function = 42;
        let a = Analysis::join(&p, &m, vec![]);
        assert_eq!(a.unmapped, 2);
    }

    #[test]
    fn nothing_sampled_gives_zero_shares() {
        let mut p = parse_profile(PROFILE).expect("profile");
        let m = parse_site_map(SITES).expect("sites");
        p.sampling.samples = 0;
        p.sampling.unattributed = 0;
        let a = Analysis::join(&p, &m, vec![]);
        assert!(a.functions.iter().all(|f| f.share == 0.0));
        assert!(a.sites.iter().all(|s| s.share == 0.0));
    }
}
