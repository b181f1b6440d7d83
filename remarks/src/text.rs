//! Text output for terminals and logs: one line per remark in the shape compilers print
//! diagnostics (so editors' problem matchers and `grep` work), and a coverage table.

use std::fmt::Write as _;

use crate::model::{LaneCounts, RemarkKind};
use crate::report::Report;

/// Minimum width of the function column of [`coverage_text`].
const FUNCTION_WIDTH: usize = 28;

/// One line per compile diagnostic ([`Report::diagnostics`], as `--check` prints them:
/// `file:line:col: error[code]: message`), then one line per remark, in report order:
///
/// ```text
/// file:line:col: remark[name]: message
/// ```
///
/// The prefix is the same for every kind (`remark[...]`, as the issue fixed it, so one pattern
/// matches all lines); a missed remark ends in ` [missed]`, and a remark with a hotness
/// (`--profile`) in ` [hot 41.0%]` (its share of the run's samples). A remark with a fix is followed by
/// `  = help: <fix title>`. `line` and `col` are the 1-based start position (columns in Unicode
/// scalar values). Every line ends in `\n`.
pub fn to_text(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            d.location.file,
            d.location.start_pos.line,
            d.location.start_pos.column,
            d.severity,
            d.code,
            d.message
        );
    }
    for r in &report.remarks {
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "{}:{}:{}: remark[{}]: {}",
            r.location.file,
            r.location.start_pos.line,
            r.location.start_pos.column,
            r.name,
            r.message
        );
        if r.kind == RemarkKind::Missed {
            out.push_str(" [missed]");
        }
        if let Some(h) = r.hotness {
            let _ = write!(out, " [hot {:.1}%]", h.percent());
        }
        out.push('\n');
        if let Some(fix) = &r.fix {
            let _ = writeln!(out, "  = help: {}", fix.title);
        }
    }
    out
}

/// The coverage table, per function in report order:
///
/// ```text
/// file:line: function                     score  87.5  native  10  guarded   3  runtime   2  dynamic   1
///     line   12: score  75.0  native   2  guarded   1  runtime   0  dynamic   0
///     dynamic getattr at 12:5: <reason>
/// ```
///
/// The function line gives the `def` position, the name (padded to the longest name, at least
/// 28 columns), the score (one decimal) and the lane counts; then one line per source line
/// with operations; then every dynamic operation with its line:column and reason. Every line
/// ends in `\n`.
pub fn coverage_text(report: &Report) -> String {
    coverage_text_with_source(report, &|_, _| None)
}

/// Longest source excerpt [`coverage_text_with_source`] prints, in characters.
const SOURCE_WIDTH: usize = 72;

/// [`coverage_text`] with the source line beside each entry, after `  | `:
///
/// ```text
/// a.py:1: f                            score  75.0  native   0  guarded   1  runtime   0  dynamic   0  | def f(x):
///     line    2: score  75.0  native   0  guarded   1  runtime   0  dynamic   0  | return x + 1
///     dynamic call at 4:1: calls the builtin `print` through generic dispatch  | print(x)
/// ```
///
/// `source(file, line)` gives the text of a 1-based line of a file (as the report names it),
/// or `None` (then nothing is added). The excerpt has its indentation removed and is cut to
/// 72 characters (ending in `…`).
pub fn coverage_text_with_source(
    report: &Report,
    source: &dyn Fn(&str, u32) -> Option<String>,
) -> String {
    let excerpt = |file: &str, line: u32| -> String {
        match source(file, line) {
            Some(text) if !text.trim().is_empty() => {
                let text = text.trim();
                let mut cut: String = text.chars().take(SOURCE_WIDTH).collect();
                if text.chars().count() > SOURCE_WIDTH {
                    cut.push('…');
                }
                format!("  | {cut}")
            }
            _ => String::new(),
        }
    };
    let width = report
        .coverage
        .iter()
        .map(|f| f.function.chars().count())
        .max()
        .unwrap_or(0)
        .max(FUNCTION_WIDTH);
    let mut out = String::new();
    for f in &report.coverage {
        let counts = f.counts();
        let _ = writeln!(
            out,
            "{}:{}: {:<width$} score {:>5.1}  {}{}",
            f.location.file,
            f.location.start_pos.line,
            f.function,
            counts.score(),
            lane_columns(&counts),
            if f.function == "<module>" {
                String::new()
            } else {
                excerpt(&f.location.file, f.location.start_pos.line)
            },
        );
        for line in f.lines() {
            let _ = writeln!(
                out,
                "    line {:>4}: score {:>5.1}  {}{}",
                line.line,
                line.score,
                lane_columns(&line.counts),
                excerpt(&f.location.file, line.line),
            );
        }
        for op in f.dynamic_ops() {
            let _ = writeln!(
                out,
                "    dynamic {} at {}:{}: {}{}",
                op.op,
                op.location.start_pos.line,
                op.location.start_pos.column,
                op.reason.as_deref().unwrap_or("generic dispatch"),
                excerpt(&op.location.file, op.location.start_pos.line),
            );
        }
    }
    out
}

/// `native   1  guarded   0  runtime   2  dynamic   0` (counts right-aligned in 3 columns).
fn lane_columns(counts: &LaneCounts) -> String {
    format!(
        "native {:>3}  guarded {:>3}  runtime {:>3}  dynamic {:>3}",
        counts.native, counts.guarded, counts.runtime, counts.dynamic
    )
}
