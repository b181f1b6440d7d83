//! What `textDocument/publishDiagnostics` carries for one file: the compiler's errors, then
//! the optimization remarks of `molt_driver::report` (filtered by [`Settings::remarks`]).
//!
//! Severities: errors are Error; applied remarks and analyses are Information; missed
//! remarks are Hint or Warning ([`Settings::missed_severity`]), except `lane.dynamic`, which
//! is always a Hint: every generic dispatch (each `print(...)`) has one, semantic tokens
//! already mark those operations, and as warnings they would drown the others. Each remark
//! has `code` = its name and `codeDescription` = its section in `docs/remarks.md`.
//!
//! With a fresh profile (`profile_view`), remarks are ordered by hotness (the sample share of
//! their code, hottest first; those whose code never ran last), missed ones in code that
//! never ran are Hints whatever the setting, and missed ones whose hotness reaches
//! [`HOT_REMARK_SHARE`] are Warnings (including `lane.dynamic`); a remark whose code was
//! sampled ends in ` [hot 41%]`. Operations that deopt often ([`profile_view::is_high_deopt`])
//! get a Warning with code [`DEOPT_CODE`], the counts, and the remark that explains them (or
//! advice about the reason); with a stale profile these are Hints marked stale, and remarks
//! keep their usual order and severity.

use std::collections::{HashMap, HashSet};

use molt_db::{Db, SourceFile};
use molt_profiler::overlay::percent;
use molt_remarks::{Hotness, Remark, RemarkKind};
use molt_semantic::Severity;
use ruff_text_size::TextRange;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Range, Uri,
};

use super::profile_view::{
    self, DEOPT_CODE, HOT_REMARK_SHARE, PlacedSite, ProfileView, STALE, deopt_message,
};
use super::settings::{MissedSeverity, RemarksLevel, Settings};
use super::text::LineIndex;
use super::workspace::ImportPaths;

/// The `source` of every diagnostic the server publishes.
pub const SOURCE: &str = "molt";

/// The code of a diagnostic reporting a failed build (codegen, link or I/O failure; errors in
/// the program come back as their own diagnostics).
pub const BUILD_FAILED: &str = "build-failed";

/// At most this many remark diagnostics are published per file (errors are never capped):
/// a generated file can have tens of thousands, and each publication carries them all.
/// Hover, lenses and semantic tokens still cover the whole file.
pub const MAX_REMARK_DIAGNOSTICS: usize = 2000;

/// Every diagnostic of `file`, in LSP form: one per compiler diagnostic of the file as the
/// entry of a program whose imports search `paths` (`check_entry`), with
/// severity Error (or Warning), `code` the diagnostic code (`undefined-name`, ...) and source
/// [`SOURCE`]; then the operations of `profile` that deopt often; then the remarks
/// `settings` ask for (see the module docs), in position order (by hotness with a fresh
/// profile).
///
/// It runs on a snapshot on a worker thread and may be cancelled at any query.
pub fn file_diagnostics(
    db: &dyn Db,
    file: SourceFile,
    paths: &ImportPaths,
    settings: &Settings,
    profile: Option<&ProfileView>,
) -> Vec<Diagnostic> {
    let text = file.text(db);
    let index = LineIndex::new(text);
    let mut out: Vec<Diagnostic> = molt_driver::check_entry(db, paths.program(db, file))
        .into_iter()
        .map(|d| Diagnostic {
            range: index.range(text, d.diagnostic.range),
            severity: Some(match d.diagnostic.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
            }),
            code: Some(NumberOrString::String(
                d.diagnostic.code.as_str().to_owned(),
            )),
            source: Some(SOURCE.to_owned()),
            message: d.diagnostic.message,
            ..Default::default()
        })
        .collect();
    if let Some(view) = profile {
        out.extend(deopt_diagnostics(text, &index, view));
    }
    if settings.remarks == RemarksLevel::Off {
        return out;
    }
    let report = molt_driver::report::file_report_ref(db, file);
    let fresh = profile.filter(|view| !view.is_stale());
    let mut shown: Vec<(&Remark, Option<Hotness>)> =
        shown_remarks(&report.remarks, settings.remarks)
            .map(|r| (r, fresh.and_then(|view| view.remark_hotness(r))))
            .collect();
    if fresh.is_some() {
        // Hottest first (stable: position order among equals), never-ran code last.
        shown.sort_by(|a, b| {
            let share = |h: Option<Hotness>| h.map_or(-1.0, |h| h.share());
            share(b.1).total_cmp(&share(a.1))
        });
    }
    // One documentation link per remark name, not one per remark.
    let mut links: HashMap<&str, Option<CodeDescription>> = HashMap::new();
    for (remark, hotness) in shown.into_iter().take(MAX_REMARK_DIAGNOSTICS) {
        let link = links
            .entry(remark.name.as_str())
            .or_insert_with(|| code_description(&remark.name))
            .clone();
        let mut diagnostic = remark_diagnostic(text, &index, remark, settings.missed_severity);
        diagnostic.code_description = link;
        if fresh.is_some() {
            by_hotness(&mut diagnostic, remark, hotness);
        }
        out.push(diagnostic);
    }
    out
}

/// The diagnostic of `remark` as [`file_diagnostics`] publishes it with `profile`.
pub fn remark_diagnostic_in(
    text: &str,
    index: &LineIndex,
    remark: &Remark,
    missed: MissedSeverity,
    profile: Option<&ProfileView>,
) -> Diagnostic {
    let mut diagnostic = remark_diagnostic(text, index, remark, missed);
    if let Some(view) = profile.filter(|view| !view.is_stale()) {
        by_hotness(&mut diagnostic, remark, view.remark_hotness(remark));
    }
    diagnostic
}

/// Raises or lowers the severity of the diagnostic of a missed `remark` by its `hotness` from
/// a fresh profile, and gives the hotness in the message (see the module docs).
fn by_hotness(diagnostic: &mut Diagnostic, remark: &Remark, hotness: Option<Hotness>) {
    if remark.kind == RemarkKind::Missed {
        match hotness {
            None => diagnostic.severity = Some(DiagnosticSeverity::HINT),
            Some(h) if h.share() >= HOT_REMARK_SHARE => {
                diagnostic.severity = Some(DiagnosticSeverity::WARNING);
            }
            Some(_) => {}
        }
    }
    if let Some(h) = hotness.filter(|h| h.share() > 0.0) {
        diagnostic
            .message
            .push_str(&format!(" [hot {}]", percent(h.share())));
    }
}

/// The diagnostics of the operations of `view` that deopt often: Warnings, or Hints marked
/// stale.
pub fn deopt_diagnostics(text: &str, index: &LineIndex, view: &ProfileView) -> Vec<Diagnostic> {
    view.sites
        .iter()
        .filter(|s| profile_view::is_high_deopt(&s.site))
        .map(|s| deopt_diagnostic(text, index, view, s))
        .collect()
}

/// The diagnostic of one operation of `view` that deopts often.
pub fn deopt_diagnostic(
    text: &str,
    index: &LineIndex,
    view: &ProfileView,
    placed: &PlacedSite,
) -> Diagnostic {
    let (severity, message) = if view.is_stale() {
        (
            DiagnosticSeverity::HINT,
            format!(
                "{STALE} ({}): {}",
                view.stale_detail(),
                deopt_message(&placed.site)
            ),
        )
    } else {
        (DiagnosticSeverity::WARNING, deopt_message(&placed.site))
    };
    Diagnostic {
        range: index.range(text, placed.range),
        severity: Some(severity),
        code: Some(NumberOrString::String(DEOPT_CODE.to_owned())),
        source: Some(SOURCE.to_owned()),
        message,
        ..Default::default()
    }
}

/// The link to the documentation of remark `name`.
fn code_description(name: &str) -> Option<CodeDescription> {
    let href: Uri = molt_remarks::help_uri(name).parse().ok()?;
    Some(CodeDescription { href })
}

/// The remarks shown at `level`, in order.
pub fn shown_remarks(remarks: &[Remark], level: RemarksLevel) -> impl Iterator<Item = &Remark> {
    // Parameters whose annotation an entry guard checks, by function.
    let guarded: HashSet<(&str, &str)> = remarks
        .iter()
        .filter(|g| g.name == "guard.entry")
        .filter_map(|g| Some((g.function.as_str(), param_of(g)?)))
        .collect();
    remarks.iter().filter(move |r| {
        let kind_shown = match level {
            RemarksLevel::All => true,
            RemarksLevel::Missed => r.kind == RemarkKind::Missed,
            RemarksLevel::Off => false,
        };
        // An `unbox.missed` for a parameter whose annotation an entry guard checks comes from
        // the generic copy of a versioned function, which runs only for arguments that break
        // the annotation: its "has no type annotation" would be wrong. (`molt_driver::report`
        // drops those whose annotation it finds in the `def` line; this also covers the rest,
        // by the entry guard the optimizer reported.)
        let generic_copy_noise = r.name == "unbox.missed"
            && param_of(r).is_some_and(|p| guarded.contains(&(r.function.as_str(), p)));
        kind_shown && !generic_copy_noise
    })
}

/// The `param` argument of a remark.
fn param_of(remark: &Remark) -> Option<&str> {
    remark
        .args
        .iter()
        .find(|(k, _)| k == "param")
        .map(|(_, v)| v.as_str())
}

/// The diagnostic of one remark (see the module docs for severities).
pub fn remark_diagnostic(
    text: &str,
    index: &LineIndex,
    remark: &Remark,
    missed: MissedSeverity,
) -> Diagnostic {
    let start = remark.location.start;
    let range = TextRange::new(start.into(), remark.location.end.max(start).into());
    let severity = match remark.kind {
        RemarkKind::Applied | RemarkKind::Analysis => DiagnosticSeverity::INFORMATION,
        RemarkKind::Missed if remark.name == "lane.dynamic" => DiagnosticSeverity::HINT,
        RemarkKind::Missed => match missed {
            MissedSeverity::Hint => DiagnosticSeverity::HINT,
            MissedSeverity::Warning => DiagnosticSeverity::WARNING,
        },
    };
    Diagnostic {
        range: index.range(text, range),
        severity: Some(severity),
        code: Some(NumberOrString::String(remark.name.clone())),
        code_description: code_description(&remark.name),
        source: Some(SOURCE.to_owned()),
        message: remark.message.clone(),
        ..Default::default()
    }
}

/// A diagnostic for a build that failed after the program checked clean (codegen, link or
/// I/O), placed on the first line.
pub fn build_failure(message: &str) -> Diagnostic {
    Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(BUILD_FAILED.to_owned())),
        source: Some(SOURCE.to_owned()),
        message: message.to_owned(),
        ..Default::default()
    }
}
