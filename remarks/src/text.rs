//! Text output: one line per remark, as compilers print diagnostics, and a coverage table.

use std::fmt::Write as _;

use crate::Report;

/// `file:line:col: remark[name]: message` per remark (the kind follows the message as
/// ` [missed]` for missed remarks), and `  = help: <fix>` under remarks with a fix.
pub fn to_text(report: &Report) -> String {
    let mut out = String::new();
    for r in &report.remarks {
        let _ = write!(
            out,
            "{}:{}:{}: remark[{}]: {}",
            r.location.file,
            r.location.start_pos.line,
            r.location.start_pos.column,
            r.name,
            r.message
        );
        if r.kind == crate::RemarkKind::Missed {
            out.push_str(" [missed]");
        }
        out.push('\n');
        if let Some(fix) = &r.fix {
            let _ = writeln!(out, "  = help: {}", fix.title);
        }
    }
    out
}

/// Per function: score and lane counts; per line: lane counts; then each dynamic operation
/// with its reason.
pub fn coverage_text(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.coverage {
        let c = f.counts();
        let _ = writeln!(
            out,
            "{}:{}: {:<28} score {:>5.1}  native {:>3}  guarded {:>3}  runtime {:>3}  dynamic {:>3}",
            f.location.file,
            f.location.start_pos.line,
            f.function,
            c.score(),
            c.native,
            c.guarded,
            c.runtime,
            c.dynamic
        );
        for line in f.lines() {
            let c = line.counts;
            let _ = writeln!(
                out,
                "    line {:>4}: score {:>5.1}  native {:>3}  guarded {:>3}  runtime {:>3}  dynamic {:>3}",
                line.line, line.score, c.native, c.guarded, c.runtime, c.dynamic
            );
        }
        for op in f.dynamic_ops() {
            let _ = writeln!(
                out,
                "    dynamic {} at {}:{}: {}",
                op.op,
                op.location.start_pos.line,
                op.location.start_pos.column,
                op.reason.as_deref().unwrap_or("generic dispatch")
            );
        }
    }
    out
}
