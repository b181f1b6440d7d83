//! What `textDocument/publishDiagnostics` carries for one file: the compiler's errors today;
//! optimization remarks join here (filtered by [`Settings::remarks`]).

use molt_db::{Db, SourceFile};
use molt_semantic::Severity;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Range};

use super::settings::Settings;
use super::text::LineIndex;

/// The `source` of every diagnostic the server publishes.
pub const SOURCE: &str = "molt";

/// The code of a diagnostic reporting a failed build (codegen, link or I/O failure; errors in
/// the program come back as their own diagnostics).
pub const BUILD_FAILED: &str = "build-failed";

/// Every diagnostic of `file`, in LSP form: one per compiler diagnostic (`check_file`), with
/// severity Error (or Warning), `code` the diagnostic code (`undefined-name`, ...) and source
/// [`SOURCE`].
///
/// This is the place to add remark diagnostics (`settings.remarks` says which). It runs on a
/// snapshot on a worker thread and may be cancelled at any query.
pub fn file_diagnostics(db: &dyn Db, file: SourceFile, settings: &Settings) -> Vec<Diagnostic> {
    let _ = settings;
    let text = file.text(db);
    let index = LineIndex::new(text);
    molt_driver::check_file(db, file)
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
        .collect()
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
