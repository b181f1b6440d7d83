//! The IDE layer: the facts of a profile for one source file, per function, site and line,
//! with the remark that explains each deopting site. The language server turns a
//! [`FileOverlay`] into code lenses, inlay hints, diagnostics and hovers; the CLI report
//! prints the same facts. No protocol types here (rust-analyzer's `ide` crate and its LSP
//! layer are the model), so both front ends share one join.
//!
//! Positions are those of the build that ran (1-based lines, columns in Unicode scalar
//! values). A stale overlay ([`FileOverlay::stale`] non-empty) must be shown as stale.

use std::cmp::Reverse;

use molt_remarks::{Remark, RemarkKind};

use crate::analysis::{Analysis, FunctionFigures, LineFigures, SiteFigures, SourceRange};
use crate::hotness::same_file;
use crate::model::DeoptReason;
use crate::stale::StaleReason;

/// One function of the file.
#[derive(Clone, PartialEq, Debug)]
pub struct FunctionOverlay {
    /// Its figures (rank, share, calls, deopts, deopt sites).
    pub figures: FunctionFigures,
}

impl FunctionOverlay {
    /// A code-lens title: `hot #1 · 41% · 12.3k calls · 2 deopt sites` (the deopt part only
    /// when a site deopted).
    pub fn lens_text(&self) -> String {
        let f = &self.figures;
        let mut out = format!(
            "hot #{} · {} · {} {}",
            f.rank,
            percent(f.share),
            compact_count(f.calls),
            if f.calls == 1 { "call" } else { "calls" }
        );
        if f.deopt_sites > 0 {
            out.push_str(&format!(
                " · {} deopt site{}",
                f.deopt_sites,
                if f.deopt_sites == 1 { "" } else { "s" }
            ));
        }
        out
    }
}

/// One site of the file, with the remark that explains it.
#[derive(Clone, PartialEq, Debug)]
pub struct SiteOverlay {
    /// Its figures; `range` is always set here.
    pub figures: SiteFigures,
    /// For a site that deopted: the remark at its position that says why (and how to fix it),
    /// when the caller passed one.
    pub remark: Option<Remark>,
}

impl SiteOverlay {
    /// Its range (sites without one are not in an overlay).
    pub fn range(&self) -> Option<&SourceRange> {
        self.figures.range.as_ref()
    }

    /// An inlay-hint label for a deopting site: `⚠ 12k deopts (not-int)` (the two most
    /// frequent reasons); `None` when it never deopted.
    pub fn hint_text(&self) -> Option<String> {
        let f = &self.figures;
        if f.deopt_total == 0 {
            return None;
        }
        let reasons: Vec<&str> = f.reasons().iter().take(2).map(|(r, _)| r.name()).collect();
        Some(format!(
            "⚠ {} deopt{} ({})",
            compact_count(f.deopt_total),
            if f.deopt_total == 1 { "" } else { "s" },
            reasons.join(", ")
        ))
    }

    /// Every counter of the site, one per line, for a hover: executions, deopts by reason
    /// with the rate, cache hits and misses, samples and share.
    pub fn counters_text(&self) -> String {
        let f = &self.figures;
        let mut lines = vec![format!(
            "`{}`{} in `{}`: {} executions",
            f.op.as_deref().unwrap_or("?"),
            f.lane.map(|l| format!(" ({l})")).unwrap_or_default(),
            f.function_name,
            f.count
        )];
        if f.deopt_total > 0 {
            let reasons: Vec<String> = f
                .reasons()
                .iter()
                .map(|(r, n)| format!("{r} {n}"))
                .collect();
            lines.push(format!(
                "deopts: {} ({}), {} of executions",
                f.deopt_total,
                reasons.join(", "),
                percent(f.deopt_rate)
            ));
        }
        if let (Some(h), Some(m)) = (f.hits, f.misses) {
            lines.push(format!("inline cache: {h} hits, {m} misses"));
        }
        lines.push(format!("samples: {} ({})", f.samples, percent(f.share)));
        lines.join("\n")
    }
}

/// The profile's facts for one file.
#[derive(Clone, PartialEq, Debug)]
pub struct FileOverlay {
    /// The file (as asked for).
    pub path: String,
    /// Why the profile is stale; empty when fresh.
    pub stale: Vec<StaleReason>,
    /// All samples of the run (count).
    pub total_samples: u64,
    /// Functions of the file, by first line.
    pub functions: Vec<FunctionOverlay>,
    /// Sites of the file, by position.
    pub sites: Vec<SiteOverlay>,
    /// Lines of the file with sites, by line.
    pub lines: Vec<LineFigures>,
}

impl FileOverlay {
    /// Whether the figures are stale.
    pub fn is_stale(&self) -> bool {
        !self.stale.is_empty()
    }
}

/// The overlay of file `path` (compared with [`same_file`]): its functions, sites and lines
/// from `analysis`; each deopting site gets the best remark of `remarks` at its position
/// ([`explaining_remark`]).
pub fn file_overlay(analysis: &Analysis, path: &str, remarks: &[Remark]) -> FileOverlay {
    let in_file = |file: &str| same_file(file, path);
    let mut functions: Vec<FunctionOverlay> = analysis
        .functions
        .iter()
        .filter(|f| f.file.as_deref().is_some_and(in_file))
        .map(|f| FunctionOverlay { figures: f.clone() })
        .collect();
    functions.sort_by_key(|f| (f.figures.line, f.figures.function));
    let mut sites: Vec<SiteOverlay> = analysis
        .sites
        .iter()
        .filter(|s| s.range.as_ref().is_some_and(|r| in_file(&r.file)))
        .map(|s| SiteOverlay {
            figures: s.clone(),
            remark: (s.deopt_total > 0)
                .then(|| explaining_remark(s, remarks))
                .flatten()
                .cloned(),
        })
        .collect();
    sites.sort_by_key(|s| (s.figures.range.clone(), s.figures.function, s.figures.site));
    let lines = analysis
        .lines
        .iter()
        .filter(|l| in_file(&l.file))
        .cloned()
        .collect();
    FileOverlay {
        path: path.to_string(),
        stale: analysis.stale.clone(),
        total_samples: analysis.total_samples,
        functions,
        sites,
        lines,
    }
}

/// Whether remark location `(start, end)` and site range `r` overlap (touching ranges of
/// zero width count).
fn overlaps(remark: &Remark, r: &SourceRange) -> bool {
    let l = &remark.location;
    let rs = (l.start_pos.line, l.start_pos.column);
    let re = (l.end_pos.line, l.end_pos.column);
    let ss = (r.line, r.column);
    let se = (r.end_line, r.end_column);
    rs <= se && ss <= re
}

/// The remark of `remarks` that best explains `site`: among remarks of the site's function
/// and file whose location overlaps the site, a missed remark with a fix first, then a
/// missed one, then any; an exact location before a mere overlap; then the narrowest.
pub fn explaining_remark<'r>(site: &SiteFigures, remarks: &'r [Remark]) -> Option<&'r Remark> {
    let range = site.range.as_ref()?;
    remarks
        .iter()
        .filter(|r| {
            r.function == site.function_name
                && overlaps(r, range)
                && same_file(&r.location.file, &range.file)
        })
        .min_by_key(|r| {
            let l = &r.location;
            let exact = (
                l.start_pos.line,
                l.start_pos.column,
                l.end_pos.line,
                l.end_pos.column,
            ) == (range.line, range.column, range.end_line, range.end_column);
            let kind = match (r.kind, r.fix.is_some()) {
                (RemarkKind::Missed, true) => 0,
                (RemarkKind::Missed, false) => 1,
                _ => 2,
            };
            (
                kind,
                !exact,
                l.end.saturating_sub(l.start),
                Reverse(l.start),
            )
        })
}

/// What a deopt of `reason` usually means and how to avoid it: one sentence, shown when no
/// remark explains the site.
pub fn reason_advice(reason: DeoptReason) -> &'static str {
    match reason {
        DeoptReason::NotInt => {
            "a value here was not a small int; annotate the values as `int` (and pass ints), or expect the generic path"
        }
        DeoptReason::NotFloat => {
            "a value here was not a float; pass floats (e.g. `1.0`, not `1`) where `float` is annotated"
        }
        DeoptReason::NotBool => "a value here was not a bool; pass `True`/`False`",
        DeoptReason::NotStr => {
            "a value here was not a str (or was an instance of a subclass of str); pass plain strs where `str` is annotated"
        }
        DeoptReason::NotNumber => {
            "a mixed int/float operation met another type; keep the operands numbers"
        }
        DeoptReason::Overflow => {
            "int arithmetic left the small-int range; the generic path handles big ints (expected for large values)"
        }
        DeoptReason::ZeroDivisor => {
            "a division by zero took the generic path, which raises ZeroDivisionError"
        }
        DeoptReason::ClassChanged => {
            "the receiver's class varied at this call; calls on one class stay on the fast path"
        }
        DeoptReason::ShapeChanged => {
            "objects of different layouts reached this attribute access; give instances the same attributes in `__init__`"
        }
        DeoptReason::NotBoundYet => {
            "the function was called before its `def` ran, or was rebound; define functions before calling them and do not reassign them"
        }
        DeoptReason::NotAMethod => {
            "the method called here was not the compiled one (overridden or reassigned)"
        }
    }
}

/// `share` (`0.0..=1.0`) as a percentage for people: `41%`, `0.5%`, `<0.1%` for a tiny
/// non-zero share, `0%`.
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p <= 0.0 || p.is_nan() {
        "0%".into()
    } else if p < 0.1 {
        "<0.1%".into()
    } else if p < 10.0 {
        let s = format!("{p:.1}");
        format!("{}%", s.strip_suffix(".0").unwrap_or(&s))
    } else {
        format!("{p:.0}%")
    }
}

/// A count for people: `999`, `12.3k`, `12k`, `4.5M`, `7.1G` (one decimal below 100 of a unit,
/// dropped when it is `.0`).
pub fn compact_count(n: u64) -> String {
    let units = [(1e9, "G"), (1e6, "M"), (1e3, "k")];
    for (size, unit) in units {
        let v = n as f64 / size;
        if v >= 1.0 {
            let s = if v < 100.0 {
                let s = format!("{:.1}", (v * 10.0).floor() / 10.0);
                s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
            } else {
                format!("{}", v.floor())
            };
            return format!("{s}{unit}");
        }
    }
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{parse_profile, parse_site_map};
    use crate::test_fixtures::{PROFILE, SITES};
    use molt_remarks::{Fix, Location, Position};

    fn analysis() -> Analysis {
        Analysis::join(
            &parse_profile(PROFILE).expect("profile"),
            &parse_site_map(SITES).expect("sites"),
            vec![],
        )
    }

    fn remark(name: &str, kind: RemarkKind, function: &str, at: (u32, u32, u32)) -> Remark {
        Remark {
            pass: "p".into(),
            name: name.into(),
            kind,
            function: function.into(),
            location: Location {
                file: "/abs/path/main.py".into(),
                start: 0,
                end: at.2 - at.1,
                start_pos: Position {
                    line: at.0,
                    column: at.1,
                },
                end_pos: Position {
                    line: at.0,
                    column: at.2,
                },
            },
            message: name.into(),
            args: vec![],
            hotness: None,
            fix: None,
        }
    }

    #[test]
    fn the_overlay_of_a_file() {
        let o = file_overlay(&analysis(), "/abs/path/main.py", &[]);
        assert!(!o.is_stale());
        let names: Vec<&str> = o
            .functions
            .iter()
            .map(|f| f.figures.name.as_str())
            .collect();
        assert_eq!(names, ["<module>", "Vec.add", "f"], "by line");
        assert_eq!(
            o.functions[2].lens_text(),
            "hot #1 · 70% · 1 call · 1 deopt site"
        );
        assert_eq!(
            o.functions[1].lens_text(),
            "hot #2 · 20% · 12k calls · 1 deopt site"
        );
        assert_eq!(o.functions[0].lens_text(), "hot #3 · 9% · 1 call");
        let lines: Vec<u32> = o
            .sites
            .iter()
            .map(|s| s.figures.range.as_ref().map_or(0, |r| r.line))
            .collect();
        assert_eq!(lines, [5, 5, 7, 10, 10, 14], "by position");
        assert_eq!(o.lines.len(), 4);
        assert!(
            file_overlay(&analysis(), "/other.py", &[])
                .functions
                .is_empty()
        );
    }

    #[test]
    fn hints_and_hovers_of_sites() {
        let o = file_overlay(&analysis(), "/abs/path/main.py", &[]);
        let add = o
            .sites
            .iter()
            .find(|s| s.figures.site == 7)
            .expect("site 7");
        assert_eq!(add.hint_text().as_deref(), Some("⚠ 100 deopts (not-int)"));
        assert_eq!(
            add.counters_text(),
            "`add` (guarded) in `Vec.add`: 12000 executions\ndeopts: 100 (not-int 100), 0.8% of executions\nsamples: 96 (9.6%)"
        );
        let cache = o
            .sites
            .iter()
            .find(|s| s.figures.site == 9)
            .expect("site 9");
        assert_eq!(cache.hint_text(), None);
        assert!(
            cache
                .counters_text()
                .contains("inline cache: 11999 hits, 1 misses")
        );
    }

    #[test]
    fn a_deopting_site_gets_the_remark_that_explains_it() {
        let mut fixable = remark("unbox.missed", RemarkKind::Missed, "Vec.add", (5, 16, 25));
        fixable.fix = Some(Fix {
            title: "annotate `o: int`".into(),
            location: fixable.location.clone(),
            replacement: ": int".into(),
        });
        let remarks = vec![
            remark("slot.read", RemarkKind::Applied, "Vec.add", (5, 16, 25)),
            remark("lane.dynamic", RemarkKind::Missed, "Vec.add", (5, 16, 30)),
            fixable.clone(),
            remark("unbox.missed", RemarkKind::Missed, "f", (5, 16, 25)),
        ];
        let o = file_overlay(&analysis(), "/abs/path/main.py", &remarks);
        let add = o
            .sites
            .iter()
            .find(|s| s.figures.site == 7)
            .expect("site 7");
        assert_eq!(add.remark.as_ref(), Some(&fixable));
        let quiet = o
            .sites
            .iter()
            .find(|s| s.figures.site == 9)
            .expect("site 9");
        assert_eq!(quiet.remark, None, "only deopting sites are explained");
        // Without the fixable one, the missed remark wins over the applied one.
        let o = file_overlay(&analysis(), "/abs/path/main.py", &remarks[..2]);
        let add = o
            .sites
            .iter()
            .find(|s| s.figures.site == 7)
            .expect("site 7");
        assert_eq!(
            add.remark.as_ref().map(|r| r.name.as_str()),
            Some("lane.dynamic")
        );
        // A remark of another function at the same place does not explain it.
        let o = file_overlay(&analysis(), "/abs/path/main.py", &remarks[3..]);
        assert_eq!(
            o.sites
                .iter()
                .find(|s| s.figures.site == 7)
                .and_then(|s| s.remark.clone()),
            None
        );
    }

    #[test]
    fn numbers_for_people() {
        assert_eq!(compact_count(999), "999");
        assert_eq!(compact_count(12_000), "12k");
        assert_eq!(compact_count(12_345), "12.3k");
        assert_eq!(compact_count(123_456), "123k");
        assert_eq!(compact_count(4_560_000), "4.5M");
        assert_eq!(percent(0.41), "41%");
        assert_eq!(percent(0.005), "0.5%");
        assert_eq!(percent(0.0001), "<0.1%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(0.05), "5%");
    }

    #[test]
    fn every_reason_has_advice() {
        for r in DeoptReason::ALL {
            assert!(!reason_advice(r).is_empty());
        }
    }
}
