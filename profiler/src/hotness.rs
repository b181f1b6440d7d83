//! Hotness of remarks: the sample share of the code a remark is about, so that remarks (and
//! the missed optimizations among them) can be ordered by what they cost on a real run.

use std::path::Path;

use molt_remarks::{Hotness, Remark};

use crate::analysis::{Analysis, SiteFigures};

/// Whether two paths name the same file: equal once made absolute against the current
/// directory (no file-system access; remarks carry paths as given, site maps absolute ones).
pub fn same_file(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let abs = |p: &str| std::path::absolute(Path::new(p)).ok();
    match (abs(a), abs(b)) {
        (Some(a), Some(b)) => normalize(&a) == normalize(&b),
        _ => false,
    }
}

/// `path` without `.` components (`std::path::absolute` keeps them on Unix).
fn normalize(path: &Path) -> std::path::PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// Whether `site` is at exactly the remark's location, in the remark's function.
pub fn site_matches_remark(site: &SiteFigures, remark: &Remark) -> bool {
    let Some(r) = &site.range else {
        return false;
    };
    let l = &remark.location;
    site.function_name == remark.function
        && (r.line, r.column) == (l.start_pos.line, l.start_pos.column)
        && (r.end_line, r.end_column) == (l.end_pos.line, l.end_pos.column)
        && same_file(&r.file, &l.file)
}

/// The hotness of `remark` in `analysis`: the summed sample share of the sites at exactly its
/// location in its function (a versioned function has a site per copy), else the share of
/// its function, else `None` (the function never ran and was never sampled).
pub fn remark_hotness(analysis: &Analysis, remark: &Remark) -> Option<Hotness> {
    let matching: Vec<&SiteFigures> = analysis
        .sites
        .iter()
        .filter(|s| site_matches_remark(s, remark))
        .collect();
    if matching.iter().any(|s| s.samples > 0) {
        return Some(Hotness(
            matching.iter().map(|s| s.share).sum::<f64>().min(1.0),
        ));
    }
    analysis
        .function_named(&remark.function)
        .filter(|f| match &f.file {
            Some(file) => same_file(file, &remark.location.file),
            None => true,
        })
        .map(|f| Hotness(f.share))
}

/// Sets the hotness of every remark from `analysis` ([`remark_hotness`]). A stale analysis
/// sets nothing: its figures must not be presented as the current code's.
pub fn annotate_remarks(analysis: &Analysis, remarks: &mut [Remark]) {
    if analysis.is_stale() {
        return;
    }
    for r in remarks {
        r.hotness = remark_hotness(analysis, r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{parse_profile, parse_site_map};
    use crate::stale::StaleReason;
    use crate::test_fixtures::{PROFILE, SITES};
    use molt_remarks::{Location, Position, RemarkKind};

    pub(crate) fn remark(function: &str, line: u32, col: u32, end_col: u32) -> Remark {
        Remark {
            pass: "unbox".into(),
            name: "unbox.missed".into(),
            kind: RemarkKind::Missed,
            function: function.into(),
            location: Location {
                file: "/abs/path/main.py".into(),
                start: 0,
                end: 0,
                start_pos: Position { line, column: col },
                end_pos: Position {
                    line,
                    column: end_col,
                },
            },
            message: "m".into(),
            args: vec![],
            hotness: None,
            fix: None,
        }
    }

    fn analysis() -> Analysis {
        Analysis::join(
            &parse_profile(PROFILE).expect("profile"),
            &parse_site_map(SITES).expect("sites"),
            vec![],
        )
    }

    #[test]
    fn a_remark_on_a_site_gets_the_site_share() {
        let a = analysis();
        // Sites 7 (96 samples) and 9 (12) share the span 5:16..5:25.
        let h = remark_hotness(&a, &remark("Vec.add", 5, 16, 25)).expect("hot");
        assert!((h.share() - 0.108).abs() < 1e-12);
    }

    #[test]
    fn otherwise_the_function_share() {
        let a = analysis();
        let h = remark_hotness(&a, &remark("f", 9, 1, 4)).expect("hot");
        assert_eq!(h.share(), 0.7);
        assert_eq!(
            remark_hotness(&a, &remark("Vec.__init__", 3, 9, 15)),
            None,
            "never ran"
        );
        let mut elsewhere = remark("f", 9, 1, 4);
        elsewhere.location.file = "/other.py".into();
        assert_eq!(remark_hotness(&a, &elsewhere), None, "another file's f");
    }

    #[test]
    fn stale_figures_set_no_hotness() {
        let mut a = analysis();
        let mut rs = vec![remark("f", 9, 1, 4)];
        a.stale.push(StaleReason::FileChanged {
            path: "/abs/path/main.py".into(),
        });
        annotate_remarks(&a, &mut rs);
        assert_eq!(rs[0].hotness, None);
        a.stale.clear();
        annotate_remarks(&a, &mut rs);
        assert_eq!(rs[0].hotness, Some(Hotness(0.7)));
    }

    #[test]
    fn relative_and_absolute_paths_match() {
        let cwd = std::env::current_dir().expect("cwd");
        let abs = cwd.join("x.py").display().to_string();
        assert!(same_file("x.py", &abs));
        assert!(same_file("./x.py", &abs));
        assert!(!same_file("y.py", &abs));
    }
}
