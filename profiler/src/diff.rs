//! Comparing two profiles (before and after a change): totals and per-function figures.
//!
//! The two runs may be of different builds (that is the point of a before/after), so
//! functions are matched by qualified name, not by index, and sites are not compared (site
//! ids are per build).

use std::collections::BTreeMap;

use crate::model::Profile;

/// A count before and after.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct Delta {
    /// In the first profile.
    pub before: u64,
    /// In the second profile.
    pub after: u64,
}

impl Delta {
    /// `after - before` (may be negative).
    pub fn change(self) -> i128 {
        i128::from(self.after) - i128::from(self.before)
    }

    /// `after / before` (`None` when `before` is 0).
    pub fn ratio(self) -> Option<f64> {
        (self.before != 0).then(|| self.after as f64 / self.before as f64)
    }
}

/// One function before and after (absent on a side: zero counts there).
#[derive(Clone, PartialEq, Debug)]
pub struct FunctionDelta {
    /// Qualified name.
    pub name: String,
    /// Entries (count).
    pub calls: Delta,
    /// Samples (count).
    pub samples: Delta,
    /// Sample share before, `0.0..=1.0`.
    pub share_before: f64,
    /// Sample share after, `0.0..=1.0`.
    pub share_after: f64,
    /// Deopts at all its sites (count).
    pub deopts: Delta,
}

/// What changed between two runs.
#[derive(Clone, PartialEq, Debug)]
pub struct ProfileDiff {
    /// Whether both profiles are of the same build.
    pub same_build: bool,
    /// Wall-clock time (ns).
    pub wall_ns: Delta,
    /// All samples (count).
    pub samples: Delta,
    /// Guard failures (deopts) of the whole run (count).
    pub deopts: Delta,
    /// Executions of dynamic operations (count).
    pub dynamic_ops: Delta,
    /// Allocations of every kind (count).
    pub allocations: Delta,
    /// Every function of either profile, by the size of the change of its share (largest
    /// first), then by name.
    pub functions: Vec<FunctionDelta>,
}

fn share(samples: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        samples as f64 / total as f64
    }
}

/// The difference from `before` to `after` (see [`ProfileDiff`]).
pub fn diff(before: &Profile, after: &Profile) -> ProfileDiff {
    let delta = |f: &dyn Fn(&Profile) -> u64| Delta {
        before: f(before),
        after: f(after),
    };
    let mut functions: BTreeMap<&str, FunctionDelta> = BTreeMap::new();
    for (side, p) in [(0, before), (1, after)] {
        for f in &p.functions {
            let d = functions.entry(&f.name).or_insert_with(|| FunctionDelta {
                name: f.name.clone(),
                calls: Delta::default(),
                samples: Delta::default(),
                share_before: 0.0,
                share_after: 0.0,
                deopts: Delta::default(),
            });
            let deopts = f
                .sites
                .iter()
                .fold(0u64, |a, s| a.saturating_add(s.deopt_total()));
            let s = share(f.samples, p.sampling.samples);
            let pick = |d: &mut Delta, v: u64| {
                if side == 0 {
                    d.before = d.before.saturating_add(v)
                } else {
                    d.after = d.after.saturating_add(v)
                }
            };
            pick(&mut d.calls, f.calls);
            pick(&mut d.samples, f.samples);
            pick(&mut d.deopts, deopts);
            if side == 0 {
                d.share_before += s;
            } else {
                d.share_after += s;
            }
        }
    }
    let mut functions: Vec<FunctionDelta> = functions.into_values().collect();
    functions.sort_by(|a, b| {
        let ca = (a.share_after - a.share_before).abs();
        let cb = (b.share_after - b.share_before).abs();
        cb.total_cmp(&ca).then_with(|| a.name.cmp(&b.name))
    });
    ProfileDiff {
        same_build: before.build_id == after.build_id,
        wall_ns: delta(&|p| p.wall_ns),
        samples: delta(&|p| p.sampling.samples),
        deopts: delta(&|p| p.counters.guards.failures),
        dynamic_ops: delta(&|p| p.counters.dynamic_ops),
        allocations: delta(&|p| {
            p.counters
                .allocations
                .values()
                .fold(0u64, |a, &n| a.saturating_add(n))
        }),
        functions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::parse_profile;
    use crate::test_fixtures::PROFILE;

    #[test]
    fn a_fix_shows_as_fewer_deopts_and_less_time() {
        let before = parse_profile(PROFILE).expect("profile");
        let mut after = before.clone();
        after.build_id = "1111111111111111".into();
        after.wall_ns = before.wall_ns / 2;
        after.counters.guards.failures = 3;
        after.functions[1].sites[0].deopts.clear();
        after.functions[1].samples = 50;
        after.functions[1].name = "Vec.add".into();
        after.functions.remove(2);
        let d = diff(&before, &after);
        assert!(!d.same_build);
        assert_eq!(
            d.wall_ns.change(),
            -(i128::from(before.wall_ns) - i128::from(before.wall_ns / 2))
        );
        assert_eq!(
            d.deopts,
            Delta {
                before: 104,
                after: 3
            }
        );
        assert_eq!(
            d.functions[0].name, "Vec.add",
            "the largest change of share first"
        );
        assert_eq!(
            d.functions[0].deopts,
            Delta {
                before: 100,
                after: 0
            }
        );
        assert_eq!(d.functions[0].samples.ratio(), Some(0.25));
        let module = d
            .functions
            .iter()
            .find(|f| f.name == "<module>")
            .expect("module");
        assert_eq!(
            module.calls,
            Delta {
                before: 1,
                after: 0
            },
            "gone after"
        );
        assert_eq!(d.allocations.before, d.allocations.after);
    }

    #[test]
    fn a_profile_against_itself_changes_nothing() {
        let p = parse_profile(PROFILE).expect("profile");
        let d = diff(&p, &p);
        assert!(d.same_build);
        assert!(
            d.functions
                .iter()
                .all(|f| f.samples.change() == 0 && f.share_before == f.share_after)
        );
        assert_eq!(
            Delta {
                before: 0,
                after: 5
            }
            .ratio(),
            None
        );
    }
}
