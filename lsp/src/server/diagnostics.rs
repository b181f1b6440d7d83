//! What `textDocument/publishDiagnostics` carries for one file: the compiler's errors, then
//! the optimization remarks of `molt_driver::report` (filtered by [`Settings::remarks`]).
//!
//! Severities: errors are Error; applied remarks and analyses are Information; missed
//! remarks are Hint or Warning ([`Settings::missed_severity`]), except `lane.dynamic`, which
//! is always a Hint: every generic dispatch (each `print(...)`) has one, semantic tokens
//! already mark those operations, and as warnings they would drown the others. Each remark
//! has `code` = its name and `codeDescription` = its section in `docs/remarks.md`.

use std::collections::{HashMap, HashSet};

use molt_db::{Db, SourceFile};
use molt_remarks::{Remark, RemarkKind};
use molt_semantic::Severity;
use ruff_text_size::TextRange;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Range, Uri,
};

use super::settings::{MissedSeverity, RemarksLevel, Settings};
use super::text::LineIndex;

/// The `source` of every diagnostic the server publishes.
pub const SOURCE: &str = "molt";

/// The code of a diagnostic reporting a failed build (codegen, link or I/O failure; errors in
/// the program come back as their own diagnostics).
pub const BUILD_FAILED: &str = "build-failed";

/// At most this many remark diagnostics are published per file (errors are never capped):
/// a generated file can have tens of thousands, and each publication carries them all.
/// Hover, lenses and semantic tokens still cover the whole file.
pub const MAX_REMARK_DIAGNOSTICS: usize = 2000;

/// Every diagnostic of `file`, in LSP form: one per compiler diagnostic (`check_file`), with
/// severity Error (or Warning), `code` the diagnostic code (`undefined-name`, ...) and source
/// [`SOURCE`]; then the remarks `settings` ask for (see the module docs), in position order.
///
/// It runs on a snapshot on a worker thread and may be cancelled at any query.
pub fn file_diagnostics(db: &dyn Db, file: SourceFile, settings: &Settings) -> Vec<Diagnostic> {
    let text = file.text(db);
    let index = LineIndex::new(text);
    let mut out: Vec<Diagnostic> = molt_driver::check_file(db, file)
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
    if settings.remarks == RemarksLevel::Off {
        return out;
    }
    let report = molt_driver::report::file_report_ref(db, file);
    // One documentation link per remark name, not one per remark.
    let mut links: HashMap<&str, Option<CodeDescription>> = HashMap::new();
    for remark in shown_remarks(&report.remarks, settings.remarks).take(MAX_REMARK_DIAGNOSTICS) {
        let link = links
            .entry(remark.name.as_str())
            .or_insert_with(|| code_description(&remark.name))
            .clone();
        let mut diagnostic = remark_diagnostic(text, &index, remark, settings.missed_severity);
        diagnostic.code_description = link;
        out.push(diagnostic);
    }
    out
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
