//! Merging several runs of one build into one profile: counts, samples and times add up.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::{FunctionRecord, Profile, SiteRecord};

/// Why profiles could not be merged.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum MergeError {
    /// No profile was given.
    Empty,
    /// A profile is of another build than the first.
    BuildMismatch {
        /// The first profile's build id.
        first: String,
        /// The position of the other profile in the input.
        index: usize,
        /// Its build id.
        other: String,
    },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::Empty => f.write_str("no profiles to merge"),
            MergeError::BuildMismatch {
                first,
                index,
                other,
            } => write!(
                f,
                "profile {index} is of build {other}, not {first}: only runs of one build merge"
            ),
        }
    }
}

impl std::error::Error for MergeError {}

fn add_opt(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0).saturating_add(b.unwrap_or(0))),
    }
}

fn add_map<K: Ord + Clone>(into: &mut BTreeMap<K, u64>, from: &BTreeMap<K, u64>) {
    for (k, v) in from {
        let e = into.entry(k.clone()).or_insert(0);
        *e = e.saturating_add(*v);
    }
}

/// One profile of all `runs` (of the same build): every count, sample and `wall_ns` is the
/// sum (saturating); functions and sites are matched by index and id and come out sorted by
/// them; `exit` is the last run's; sampling is enabled if it was in any run, with the first
/// enabled run's interval.
///
/// # Errors
/// [`MergeError::Empty`] for no runs; [`MergeError::BuildMismatch`] when build ids differ.
pub fn merge(runs: &[Profile]) -> Result<Profile, MergeError> {
    let first = runs.first().ok_or(MergeError::Empty)?;
    if let Some((index, other)) = runs
        .iter()
        .enumerate()
        .find(|(_, p)| p.build_id != first.build_id)
    {
        return Err(MergeError::BuildMismatch {
            first: first.build_id.clone(),
            index,
            other: other.build_id.clone(),
        });
    }
    let mut out = Profile::empty(first.build_id.clone(), first.files.clone());
    let mut functions: BTreeMap<u32, (FunctionRecord, BTreeMap<u32, SiteRecord>)> = BTreeMap::new();
    for p in runs {
        out.exit = p.exit;
        out.wall_ns = out.wall_ns.saturating_add(p.wall_ns);
        if p.sampling.enabled && !out.sampling.enabled {
            out.sampling.enabled = true;
            out.sampling.interval_ns = p.sampling.interval_ns;
            out.sampling.clock = p.sampling.clock;
        }
        out.sampling.samples = out.sampling.samples.saturating_add(p.sampling.samples);
        out.sampling.unattributed = out
            .sampling
            .unattributed
            .saturating_add(p.sampling.unattributed);
        let c = &mut out.counters;
        add_map(&mut c.allocations, &p.counters.allocations);
        add_map(&mut c.calls, &p.counters.calls);
        add_map(&mut c.attribute_lookups, &p.counters.attribute_lookups);
        c.inline_cache.hits = c
            .inline_cache
            .hits
            .saturating_add(p.counters.inline_cache.hits);
        c.inline_cache.misses = c
            .inline_cache
            .misses
            .saturating_add(p.counters.inline_cache.misses);
        c.guards.checks = c.guards.checks.saturating_add(p.counters.guards.checks);
        c.guards.failures = c.guards.failures.saturating_add(p.counters.guards.failures);
        c.dynamic_ops = c.dynamic_ops.saturating_add(p.counters.dynamic_ops);
        for f in &p.functions {
            let (record, sites) = functions.entry(f.function).or_insert_with(|| {
                (
                    FunctionRecord {
                        function: f.function,
                        name: f.name.clone(),
                        ..FunctionRecord::default()
                    },
                    BTreeMap::new(),
                )
            });
            record.calls = record.calls.saturating_add(f.calls);
            record.samples = record.samples.saturating_add(f.samples);
            for s in &f.sites {
                let site = sites.entry(s.site).or_insert_with(|| SiteRecord {
                    site: s.site,
                    ..SiteRecord::default()
                });
                site.count = site.count.saturating_add(s.count);
                add_map(&mut site.deopts, &s.deopts);
                site.hits = add_opt(site.hits, s.hits);
                site.misses = add_opt(site.misses, s.misses);
                site.samples = add_opt(site.samples, s.samples);
            }
        }
    }
    out.functions = functions
        .into_values()
        .map(|(mut f, sites)| {
            f.sites = sites.into_values().collect();
            f
        })
        .collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DeoptReason, ExitKind};
    use crate::read::{parse_profile, validate_profile};
    use crate::test_fixtures::PROFILE;

    #[test]
    fn two_runs_add_up() {
        let a = parse_profile(PROFILE).expect("profile");
        let mut b = a.clone();
        b.exit.kind = ExitKind::Exception;
        b.exit.code = 1;
        b.functions.truncate(1);
        b.functions[0].sites[2]
            .deopts
            .insert(DeoptReason::NotInt, 5);
        let m = merge(&[a.clone(), b]).expect("merge");
        validate_profile(&m).expect("a merged profile is valid");
        assert_eq!(m.wall_ns, 2 * a.wall_ns);
        assert_eq!(m.sampling.samples, 2000);
        assert_eq!(m.exit.kind, ExitKind::Exception, "the last run's exit");
        assert_eq!(m.counters.guards.failures, 208);
        assert_eq!(m.counters.allocations["instance"], 24002);
        let f = m.functions.iter().find(|f| f.name == "f").expect("f");
        assert_eq!((f.calls, f.samples), (2, 1400));
        let s13 = f.sites.iter().find(|s| s.site == 13).expect("13");
        assert_eq!(s13.deopts[&DeoptReason::Overflow], 6);
        assert_eq!(s13.deopts[&DeoptReason::NotInt], 5);
        let add = m
            .functions
            .iter()
            .find(|f| f.name == "Vec.add")
            .expect("add");
        assert_eq!(add.calls, 12000, "only in the first run");
        let cache = add.sites.iter().find(|s| s.site == 9).expect("9");
        assert_eq!((cache.hits, cache.misses), (Some(11999), Some(1)));
        let guard = f.sites.iter().find(|s| s.site == 37).expect("37");
        assert_eq!(guard.samples, None, "never sampled stays absent");
        let order: Vec<u32> = m.functions.iter().map(|f| f.function).collect();
        assert_eq!(order, [0, 1, 3]);
    }

    #[test]
    fn one_run_merges_to_itself_up_to_order() {
        let a = parse_profile(PROFILE).expect("profile");
        let m = merge(std::slice::from_ref(&a)).expect("merge");
        assert_eq!(m.counters, a.counters);
        assert_eq!(m.functions.len(), a.functions.len());
    }

    #[test]
    fn runs_of_different_builds_do_not_merge() {
        let a = parse_profile(PROFILE).expect("profile");
        let mut b = a.clone();
        b.build_id = "00000000000000ff".into();
        assert_eq!(
            merge(&[a, b]).expect_err("error").to_string(),
            "profile 1 is of build 00000000000000ff, not 3f9a0c2e8b1d4a77: only runs of one build merge"
        );
        assert_eq!(merge(&[]), Err(MergeError::Empty));
    }
}
