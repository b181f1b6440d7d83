//! `--fail-on`: conditions on a report (compile diagnostics, remarks, coverage) that make
//! `--check`, `--build` and `--report` exit with 1, so that CI can gate on remarks and
//! coverage. Each condition that holds prints one line on stderr naming what failed and
//! where the first instance is; each that passes prints one line too, so a CI log says what
//! was checked.

use molt_remarks::{DiagnosticSeverity, Lane, LaneCounts, RemarkKind, Report};

use crate::FailOn;

/// `file:line:col` of a location.
fn at(location: &molt_remarks::Location) -> String {
    format!(
        "{}:{}:{}",
        location.file, location.start_pos.line, location.start_pos.column
    )
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Whether `condition` holds for `report`, with the line that says so (`Err`: it holds, the
/// build fails) or says that it passed (`Ok`).
pub fn evaluate(condition: &FailOn, report: &Report) -> Result<String, String> {
    let name = condition.to_string();
    match condition {
        FailOn::Error | FailOn::Warning => {
            let severity = if *condition == FailOn::Error {
                DiagnosticSeverity::Error
            } else {
                DiagnosticSeverity::Warning
            };
            let found: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .collect();
            match found.first() {
                None => Ok(format!("--fail-on {name}: passed (no {name}s)")),
                Some(first) => Err(format!(
                    "--fail-on {name}: {} (first: {}: {}[{}]: {})",
                    plural(found.len(), &name),
                    at(&first.location),
                    first.severity,
                    first.code,
                    first.message
                )),
            }
        }
        FailOn::Missed | FailOn::Remark(_) => {
            let found: Vec<_> = report
                .remarks
                .iter()
                .filter(|r| match condition {
                    FailOn::Remark(n) => &r.name == n,
                    _ => r.kind == RemarkKind::Missed,
                })
                .collect();
            let what = if *condition == FailOn::Missed {
                "missed optimization"
            } else {
                "remark"
            };
            match found.first() {
                None => Ok(format!("--fail-on {name}: passed (no {what}s)")),
                Some(first) => Err(format!(
                    "--fail-on {name}: {} (first: {}: remark[{}]: {})",
                    plural(found.len(), what),
                    at(&first.location),
                    first.name,
                    first.message
                )),
            }
        }
        FailOn::Dynamic => {
            let found: Vec<_> = report
                .coverage
                .iter()
                .flat_map(|f| f.dynamic_ops().map(move |op| (f, op)))
                .collect();
            match found.first() {
                None => Ok(format!("--fail-on {name}: passed (no dynamic operations)")),
                Some((f, op)) => Err(format!(
                    "--fail-on {name}: {} (first: {}: `{}` in `{}`: {})",
                    plural(found.len(), "dynamic operation"),
                    at(&op.location),
                    op.op,
                    f.function,
                    op.reason.as_deref().unwrap_or("generic dispatch")
                )),
            }
        }
        FailOn::CoverageBelow(minimum) => {
            let mut total = LaneCounts::default();
            for f in &report.coverage {
                for op in &f.ops {
                    total.add(op.lane);
                }
            }
            let score = total.score();
            if score >= *minimum {
                return Ok(format!(
                    "--fail-on {name}: passed (coverage {score:.1} over {})",
                    plural(total.total() as usize, "operation")
                ));
            }
            // The function that costs the most: the most operations short of native,
            // weighted as the score weighs them.
            let worst = report.coverage.iter().max_by(|a, b| {
                let loss = |f: &molt_remarks::FunctionCoverage| {
                    let c = f.counts();
                    Lane::ALL
                        .iter()
                        .map(|&l| f64::from(c.get(l)) * (1.0 - l.weight()))
                        .sum::<f64>()
                };
                loss(a).total_cmp(&loss(b))
            });
            let worst = worst
                .map(|f| {
                    format!(
                        "; most to gain: `{}` at {}:{} (score {:.1}, {} dynamic)",
                        f.function,
                        f.location.file,
                        f.location.start_pos.line,
                        f.score(),
                        f.counts().dynamic
                    )
                })
                .unwrap_or_default();
            Err(format!(
                "--fail-on {name}: coverage is {score:.1}, below {minimum} ({} native, {} guarded, {} runtime, {} dynamic){worst}",
                total.native, total.guarded, total.runtime, total.dynamic
            ))
        }
    }
}

/// Evaluates every condition, prints its line on stderr (`molt-lsp: ...`), and returns
/// whether any holds.
pub fn check(conditions: &[FailOn], report: &Report) -> bool {
    let mut failed = false;
    for condition in conditions {
        match evaluate(condition, report) {
            Ok(line) => eprintln!("molt-lsp: {line}"),
            Err(line) => {
                eprintln!("molt-lsp: {line}");
                failed = true;
            }
        }
    }
    failed
}
