//! The profile of one open file placed in its current text (byte offsets), for the features
//! that show it: code lenses, inlay hints, diagnostics and hover (`docs/editors.md`,
//! "Profiles").
//!
//! The facts (figures per function and site, the remark that explains a deopt, hotness,
//! staleness) are `molt_profiler`'s: its [`file_overlay`] joins them, in positions of the
//! build that ran. This module only decides *where* they go in the text the editor has now:
//!
//! - **Fresh** (the build ids match and every file's SHA-256 is the current text's): at their
//!   positions.
//! - **Stale** because the document changed since the run: when the text that ran is known
//!   (it was read when the profile was loaded, see `profiles`), each line that is unchanged
//!   in a line diff of that text against the current one keeps its figures, marked stale;
//!   figures on changed lines are dropped. Without that text nothing is placed by position.
//! - Stale in any way: function figures that could not be placed by line go on the `def` of
//!   the same qualified name, marked stale (a function keeps its name through edits).
//!
//! Stale figures are always marked with [`STALE`]; the profile's hotness does not change the
//! severity of remarks then (`molt_profiler::annotate_remarks` does the same).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use molt_db::{Db, SourceFile, parse};
use molt_profiler::overlay::{file_overlay, percent, reason_advice};
use molt_profiler::{SiteOverlay, SourceRange, StaleReason, same_file, staleness};
use molt_remarks::{Hotness, Remark};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::facts;
use super::profiles::LoadedProfile;

/// How stale figures are marked, everywhere they show.
pub const STALE: &str = "stale profile — re-run with profile";

/// A site whose deopt rate reaches this (deopts / executions) gets a Warning diagnostic...
pub const DEOPT_WARNING_RATE: f64 = 0.10;

/// ...when it also deopted at least this many times (a site that ran three times and deopted
/// once is not worth a warning). Every deopting site gets an inlay hint.
pub const DEOPT_WARNING_MIN: u64 = 10;

/// A missed remark whose hotness (sample share) reaches this becomes a Warning.
pub const HOT_REMARK_SHARE: f64 = 0.05;

/// The diagnostic code of a site that deopts often.
pub const DEOPT_CODE: &str = "profile.deopt";

/// What a feature request needs to place the profile of a file: the loaded profile, and the
/// other source files of the profile that the file's workspace knows (their current text
/// decides staleness; files it does not know are read from disk).
#[derive(Clone)]
pub struct ProfileInput {
    /// The profile and its site map.
    pub loaded: Arc<LoadedProfile>,
    /// Other files of the profile, by the path the profile gives, in the same database.
    pub others: HashMap<String, SourceFile>,
}

/// A function of the profile placed in the file.
#[derive(Clone, Debug)]
pub struct PlacedFunction {
    /// Where its lens goes: the start of its `def` (or of its first line).
    pub offset: u32,
    /// Its figures and lens text.
    pub function: molt_profiler::FunctionOverlay,
}

/// One source operation of the profile placed in the file: the sites at one range of one
/// function, summed (a versioned function has a copy of the operation per version).
#[derive(Clone, Debug)]
pub struct PlacedSite {
    /// Its range in the current text.
    pub range: TextRange,
    /// The summed figures (and the remark that explains a deopt).
    pub site: SiteOverlay,
    /// How many sites were summed (copies of a versioned function).
    pub copies: usize,
}

/// The profile of a file placed in its current text (see the module docs).
pub struct ProfileView {
    /// The profile.
    pub loaded: Arc<LoadedProfile>,
    /// Why it is stale; empty when fresh.
    pub stale: Vec<StaleReason>,
    /// Functions placed in the file, by offset.
    pub functions: Vec<PlacedFunction>,
    /// Operations placed in the file, by range.
    pub sites: Vec<PlacedSite>,
}

impl ProfileView {
    /// Whether the figures are stale.
    pub fn is_stale(&self) -> bool {
        !self.stale.is_empty()
    }

    /// Why it is stale, for people (file names without their folders): `main.py changed
    /// since the run`.
    pub fn stale_detail(&self) -> String {
        self.stale
            .iter()
            .map(|r| match r {
                StaleReason::FileChanged { path } => {
                    format!("{} changed since the run", file_name(path))
                }
                StaleReason::FileMissing { path } => format!("{} cannot be read", file_name(path)),
                StaleReason::BuildMismatch { .. } => {
                    "the program was built again since the run".to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The hotness of `remark` (its sample share) when the profile is fresh; `None` when
    /// stale or when its code never ran.
    pub fn remark_hotness(&self, remark: &Remark) -> Option<Hotness> {
        if self.is_stale() {
            return None;
        }
        molt_profiler::remark_hotness(&self.loaded.analysis, remark)
    }

    /// The operations whose range contains `offset` (ends included), narrowest first.
    pub fn sites_at(&self, offset: u32) -> Vec<&PlacedSite> {
        let offset = TextSize::new(offset);
        let mut out: Vec<&PlacedSite> = self
            .sites
            .iter()
            .filter(|s| s.range.contains_inclusive(offset))
            .collect();
        out.sort_by_key(|s| (s.range.len(), s.range.start()));
        out
    }
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// Whether `site` deopts often enough for a Warning ([`DEOPT_WARNING_RATE`],
/// [`DEOPT_WARNING_MIN`]).
pub fn is_high_deopt(site: &SiteOverlay) -> bool {
    let f = &site.figures;
    f.deopt_total >= DEOPT_WARNING_MIN && f.deopt_rate >= DEOPT_WARNING_RATE
}

/// Why a site deopts and how to avoid it: the explaining remark's message and fix, else a
/// sentence about its most frequent reason.
pub fn explanation(site: &SiteOverlay) -> String {
    match &site.remark {
        Some(remark) => match &remark.fix {
            Some(fix) => format!("{} (fix: {})", remark.message, fix.title),
            None => remark.message.clone(),
        },
        None => site
            .figures
            .reasons()
            .first()
            .map(|(reason, _)| reason_advice(*reason).to_owned())
            .unwrap_or_default(),
    }
}

/// The message of the diagnostic of a deopting site: counts, reasons, and the explanation.
pub fn deopt_message(site: &SiteOverlay) -> String {
    let f = &site.figures;
    let reasons: Vec<String> = f
        .reasons()
        .iter()
        .map(|(r, n)| format!("{r} {n}"))
        .collect();
    format!(
        "`{}` deopted {} times in {} executions ({}): {}; {}",
        f.op.as_deref().unwrap_or("?"),
        f.deopt_total,
        f.count,
        percent(f.deopt_rate),
        reasons.join(", "),
        explanation(site)
    )
}

/// Byte offsets of `(line, column)` positions (1-based, columns in Unicode scalar values,
/// the site map's convention) in one text.
struct Positions<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Positions<'t> {
    fn new(text: &'t str) -> Positions<'t> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Positions { text, starts }
    }

    /// The byte offset of 0-based `line` and 1-based `column`; `None` past the line's end.
    fn offset(&self, line: usize, column: u32) -> Option<usize> {
        let start = *self.starts.get(line)?;
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        let line_text = self.text.get(start..end)?;
        let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
        let skip = column.checked_sub(1)? as usize;
        let mut chars = line_text.char_indices().map(|(i, _)| i);
        let within = chars.nth(skip).or_else(|| {
            // The column just after the last character (an exclusive end).
            (line_text.chars().count() == skip).then_some(line_text.len())
        })?;
        Some(start + within)
    }
}

/// How positions of the build that ran map to the current text.
enum Mapping {
    /// Line for line (the text is the one that ran).
    Same,
    /// Through a line diff: the current line of each line of the text that ran, when
    /// unchanged.
    Diff(Vec<Option<usize>>),
    /// Not at all.
    None,
}

impl Mapping {
    fn between(ran: &str, current: &str) -> Mapping {
        if ran == current {
            return Mapping::Same;
        }
        let diff = similar::TextDiff::from_lines(ran, current);
        let mut lines = vec![None; diff.old_slices().len() + 1];
        for op in diff.ops() {
            if let similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = *op
            {
                for k in 0..len {
                    if let Some(slot) = lines.get_mut(old_index + k) {
                        *slot = Some(new_index + k);
                    }
                }
            }
        }
        Mapping::Diff(lines)
    }

    /// The current 0-based line of 0-based `line` of the text that ran.
    fn line(&self, line: usize) -> Option<usize> {
        match self {
            Mapping::Same => Some(line),
            Mapping::Diff(lines) => lines.get(line).copied().flatten(),
            Mapping::None => None,
        }
    }

    /// The current byte range of `range`: every line of it must be unchanged (and still
    /// consecutive).
    fn range(&self, positions: &Positions<'_>, range: &SourceRange) -> Option<TextRange> {
        let first = (range.line as usize).checked_sub(1)?;
        let last = (range.end_line as usize).checked_sub(1)?;
        if last < first {
            return None;
        }
        let start_line = self.line(first)?;
        for k in 1..=(last - first) {
            if self.line(first + k)? != start_line + k {
                return None;
            }
        }
        let start = positions.offset(start_line, range.column)?;
        let end = positions.offset(start_line + (last - first), range.end_column)?;
        (start <= end)
            .then(|| TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32)))
    }
}

/// Sums the sites at one range of one function (copies of a versioned function).
fn summed(mut sites: Vec<SiteOverlay>) -> Option<(SiteOverlay, usize)> {
    let copies = sites.len();
    let mut out = sites.pop()?;
    for s in sites {
        let (a, b) = (&mut out.figures, s.figures);
        a.count = a.count.saturating_add(b.count);
        for (reason, n) in b.deopts {
            let slot = a.deopts.entry(reason).or_default();
            *slot = slot.saturating_add(n);
        }
        a.deopt_total = a.deopt_total.saturating_add(b.deopt_total);
        a.samples = a.samples.saturating_add(b.samples);
        a.share = (a.share + b.share).min(1.0);
        a.hits = match (a.hits, b.hits) {
            (Some(x), Some(y)) => Some(x.saturating_add(y)),
            (x, y) => x.or(y),
        };
        a.misses = match (a.misses, b.misses) {
            (Some(x), Some(y)) => Some(x.saturating_add(y)),
            (x, y) => x.or(y),
        };
        if out.remark.is_none() {
            out.remark = s.remark;
        }
    }
    let f = &mut out.figures;
    f.deopt_rate = if f.count == 0 {
        0.0
    } else {
        (f.deopt_total as f64 / f.count as f64).clamp(0.0, 1.0)
    };
    Some((out, copies))
}

/// The `def` of MIR function name `name` (`f`, `C.m`, `f.<locals>.g`; `f#2` is the second
/// `def` of `f`) among `defs`.
fn def_named(defs: &[(String, u32)], name: &str) -> Option<u32> {
    let (base, nth) = match name.rsplit_once('#') {
        Some((base, n)) => (base, n.parse::<usize>().ok()?),
        None => (name, 1),
    };
    defs.iter()
        .filter(|(q, _)| q == base)
        .nth(nth.checked_sub(1)?)
        .map(|(_, offset)| *offset)
}

/// The profile of `file` placed in its current text (see the module docs). Runs on a
/// snapshot on a worker thread.
pub fn view(db: &dyn Db, file: SourceFile, input: &ProfileInput) -> ProfileView {
    let loaded = &input.loaded;
    let text = file.text(db);
    let path = file.path(db).display().to_string();
    let mut stale = staleness(&loaded.profile, &loaded.map, &|p: &str| {
        if same_file(p, &path) {
            Some(text.clone())
        } else if let Some(other) = input.others.get(p) {
            Some(other.text(db).clone())
        } else {
            std::fs::read_to_string(p).ok()
        }
    });
    if loaded.map.build_id == loaded.profile.build_id
        && loaded.disk_build_id != loaded.profile.build_id
    {
        // The site map that ran is kept, but the program was built again since.
        stale.insert(
            0,
            StaleReason::BuildMismatch {
                profile: loaded.profile.build_id.clone(),
                site_map: loaded.disk_build_id.clone(),
            },
        );
    }
    let is_stale = !stale.is_empty();
    let positions = Positions::new(text);
    let mapping = if !is_stale {
        Mapping::Same
    } else {
        match loaded.base_text(&path) {
            Some(ran) => Mapping::between(ran, text),
            None => Mapping::None,
        }
    };
    // Today's remarks explain sites only when positions are today's.
    let remarks: &[Remark] = if is_stale {
        &[]
    } else {
        &molt_driver::report::file_report_ref(db, file).remarks
    };
    let overlay = file_overlay(&loaded.analysis, &path, remarks);

    let mut groups: Vec<((TextRange, u32), Vec<SiteOverlay>)> = Vec::new();
    let mut index: HashMap<(TextRange, u32), usize> = HashMap::new();
    for site in overlay.sites {
        let Some(range) = site.range().and_then(|r| mapping.range(&positions, r)) else {
            continue;
        };
        let key = (range, site.figures.function);
        match index.get(&key) {
            Some(&i) => groups[i].1.push(site),
            None => {
                index.insert(key, groups.len());
                groups.push((key, vec![site]));
            }
        }
    }
    let mut sites: Vec<PlacedSite> = groups
        .into_iter()
        .filter_map(|((range, _), group)| {
            summed(group).map(|(site, copies)| PlacedSite {
                range,
                site,
                copies,
            })
        })
        .collect();
    sites.sort_by_key(|s| (s.range.start(), s.range.end()));

    let parsed = parse(db, file);
    let defs: Vec<(String, u32)> = facts::defs(parsed.parsed().syntax())
        .into_iter()
        .map(|(q, def, _)| (q, def.range().start().to_u32()))
        .collect();
    let def_on_line = |line: usize| {
        let start = positions.starts.get(line).copied()?;
        let end = positions
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(text.len());
        let on_line = defs
            .iter()
            .map(|(_, o)| *o)
            .find(|o| (start..end).contains(&(*o as usize)));
        Some(on_line.unwrap_or(start as u32))
    };
    let single_file = loaded.profile.files.len() == 1
        && loaded
            .profile
            .files
            .first()
            .is_some_and(|f| same_file(&f.path, &path));
    let mut functions = Vec::new();
    for figures in &loaded.analysis.functions {
        let here = match &figures.file {
            Some(f) => same_file(f, &path),
            None => single_file,
        };
        if !here {
            continue;
        }
        // The module's figures are the file's: on its first line.
        let by_line = if figures.name == "<module>" {
            Some(0)
        } else {
            figures
                .line
                .and_then(|l| (l as usize).checked_sub(1))
                .and_then(|l| mapping.line(l))
                .and_then(def_on_line)
        };
        let offset = match by_line {
            Some(offset) => Some(offset),
            None if is_stale => def_named(&defs, &figures.name),
            None => None,
        };
        if let Some(offset) = offset {
            functions.push(PlacedFunction {
                offset,
                function: molt_profiler::FunctionOverlay {
                    figures: figures.clone(),
                },
            });
        }
    }
    functions.sort_by_key(|f| (f.offset, f.function.figures.function));
    ProfileView {
        loaded: loaded.clone(),
        stale,
        functions,
        sites,
    }
}

/// The hover section of the operations at `offset`: every counter of the narrowest one(s),
/// the explanation of its deopts, and the stale mark.
pub fn hover_section(view: &ProfileView, offset: u32) -> Option<String> {
    let at = view.sites_at(offset);
    let narrowest = at.first()?.range;
    let mut out = String::from("**Profile**");
    if view.is_stale() {
        out.push_str(&format!(
            "\n\n**{STALE}** ({}): these are the figures of the code that ran",
            view.stale_detail()
        ));
    }
    for placed in at.iter().filter(|s| s.range == narrowest) {
        out.push_str("\n\n");
        let counters = placed.site.counters_text();
        let mut lines = counters.lines();
        if let Some(first) = lines.next() {
            out.push_str(first);
            if placed.copies > 1 {
                out.push_str(&format!(
                    " (the sum of {} versions of the function)",
                    placed.copies
                ));
            }
        }
        for line in lines {
            out.push_str("\n- ");
            out.push_str(line);
        }
        if placed.site.figures.deopt_total > 0 {
            out.push_str(&format!("\n- why: {}", explanation(&placed.site)));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_unicode_scalar_values() {
        let p = Positions::new("ab\néx = 1\r\nlast");
        assert_eq!(p.offset(0, 1), Some(0));
        assert_eq!(p.offset(0, 3), Some(2), "the end of the line");
        assert_eq!(p.offset(0, 4), None);
        assert_eq!(p.offset(1, 2), Some(5), "after the two-byte é");
        assert_eq!(p.offset(1, 6), Some(9), "before the \\r\\n");
        assert_eq!(p.offset(2, 5), Some(16), "the end of the last line");
        assert_eq!(p.offset(3, 1), None);
        assert_eq!(p.offset(0, 0), None);
    }

    #[test]
    fn unchanged_lines_keep_their_place_through_an_edit() {
        let ran = "a\nb\nc\nd\n";
        let now = "a\nnew\nb\nC\nd\n";
        let m = Mapping::between(ran, now);
        assert_eq!(m.line(0), Some(0));
        assert_eq!(m.line(1), Some(2));
        assert_eq!(m.line(2), None, "changed");
        assert_eq!(m.line(3), Some(4));
        let positions = Positions::new(now);
        let r = |line, end_line| SourceRange {
            file: "f".into(),
            line,
            column: 1,
            end_line,
            end_column: 2,
        };
        assert_eq!(
            m.range(&positions, &r(2, 2)),
            Some(TextRange::new(6.into(), 7.into()))
        );
        assert_eq!(m.range(&positions, &r(3, 3)), None);
        assert_eq!(m.range(&positions, &r(2, 3)), None, "spans a changed line");
        assert_eq!(Mapping::None.line(0), None);
    }

    #[test]
    fn mir_names_find_their_def() {
        let defs = vec![
            ("f".to_owned(), 0),
            ("C.m".to_owned(), 10),
            ("f".to_owned(), 20),
        ];
        assert_eq!(def_named(&defs, "f"), Some(0));
        assert_eq!(def_named(&defs, "f#2"), Some(20));
        assert_eq!(def_named(&defs, "f#3"), None);
        assert_eq!(def_named(&defs, "C.m"), Some(10));
        assert_eq!(def_named(&defs, "g"), None);
    }
}
