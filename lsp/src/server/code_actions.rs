//! Code actions: a quick fix for every remark with a mechanical fix (`molt_remarks::Fix`),
//! such as `unbox.missed`'s "annotate `n: int`".
//!
//! A fix is offered when the requested range touches the remark's range (the operation that
//! could not be compiled natively) or the fix's own range (the parameter to annotate), so
//! the action is there both where the diagnostic is and where the edit goes. Remarks with
//! the same edit (one parameter used in several operations) give one action, linked to all
//! their diagnostics, and to the deopt warnings of a fresh profile that the remark explains.

use std::collections::HashMap;

use molt_db::{Db, SourceFile};
use ruff_text_size::TextRange;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, Diagnostic, TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics;
use super::profile_view::{ProfileView, is_high_deopt};
use super::settings::{RemarksLevel, Settings};
use super::text::LineIndex;

/// The quick fixes of `file` (at `uri`) for the byte range `range`, in position order.
/// Each links the diagnostics (as published under `settings`, with `profile`) it fixes.
/// Runs on a snapshot on a worker thread.
pub fn code_actions(
    db: &dyn Db,
    file: SourceFile,
    uri: &Uri,
    range: TextRange,
    settings: &Settings,
    profile: Option<&ProfileView>,
) -> Vec<CodeAction> {
    let text = file.text(db);
    let index = LineIndex::new(text);
    let report = molt_driver::report::file_report_ref(db, file);
    let shown: Vec<&molt_remarks::Remark> =
        diagnostics::shown_remarks(&report.remarks, settings.remarks).collect();
    let touches = |start: u32, end: u32| {
        let r = TextRange::new(start.into(), end.max(start).into());
        r.start() <= range.end() && range.start() <= r.end()
    };
    // (fix start, fix end, replacement) → index in `actions`.
    let mut seen: HashMap<(u32, u32, String), usize> = HashMap::new();
    let mut actions: Vec<(u32, CodeAction)> = Vec::new();
    for remark in &report.remarks {
        let Some(fix) = &remark.fix else {
            continue;
        };
        let at = &fix.location;
        // The fix's range, widened to the parameter's name when the remark names one (the
        // fix inserts after it).
        let param_len = remark
            .args
            .iter()
            .find(|(k, _)| k == "param")
            .map_or(0, |(_, v)| v.len() as u32);
        let near_fix = touches(at.start.saturating_sub(param_len), at.end);
        if !touches(remark.location.start, remark.location.end) && !near_fix {
            continue;
        }
        let mut fixed: Vec<Diagnostic> = (settings.remarks != RemarksLevel::Off
            && shown.iter().any(|r| std::ptr::eq(*r, remark)))
        .then(|| {
            diagnostics::remark_diagnostic_in(
                text,
                &index,
                remark,
                settings.missed_severity,
                profile,
            )
        })
        .into_iter()
        .collect();
        // The deopt warnings this remark explains.
        if let Some(view) = profile.filter(|v| !v.is_stale()) {
            fixed.extend(
                view.sites
                    .iter()
                    .filter(|s| is_high_deopt(&s.site) && s.site.remark.as_ref() == Some(remark))
                    .map(|s| diagnostics::deopt_diagnostic(text, &index, view, s)),
            );
        }
        let key = (at.start, at.end, fix.replacement.clone());
        if let Some(&i) = seen.get(&key) {
            if let Some(list) = actions[i].1.diagnostics.as_mut() {
                list.extend(fixed);
            }
            continue;
        }
        let edit_range = TextRange::new(at.start.into(), at.end.max(at.start).into());
        let edit = TextEdit {
            range: index.range(text, edit_range),
            new_text: fix.replacement.clone(),
        };
        seen.insert(key, actions.len());
        actions.push((
            at.start,
            CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(fixed),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                command: None,
                is_preferred: Some(true),
                disabled: None,
                data: None,
            },
        ));
    }
    actions.sort_by_key(|(start, _)| *start);
    actions.into_iter().map(|(_, a)| a).collect()
}
