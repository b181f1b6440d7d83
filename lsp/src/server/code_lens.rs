//! Code lenses, in compiler terms: a byte range, a title and what clicking does. The server
//! adds the document's URI to the command and converts positions.
//!
//! - On every `def` (functions, methods, nested functions): `coverage 92% · 3 remarks`, the
//!   function's lowering score (`molt_remarks::LaneCounts::score`, lanes weighted by cost)
//!   and how many of its remarks the `remarks` setting shows. Informational (no command).
//! - With a profile (`profile_view`), on every function that ran: `hot #1 · 41% · 12.3k calls ·
//!   2 deopt sites` (its rank by samples, its sample share, its calls, how many of its sites
//!   deopted); the module's own code gets `module code: hot #3 · ...` on the first line. A stale profile's lens ends in ` · stale profile — re-run with profile` and
//!   runs `molt.runProfiled` when clicked; a fresh one is informational.
//! - `▶ Run`, `▶ Run with profile` and `Build` (commands `molt.run`, `molt.runProfiled` and
//!   `molt.build`, which act on the whole file) on the `if __name__ == "__main__":` line, or
//!   on the first line without one. `▶ Run with profile` is hidden by `profile: "off"`.

use std::collections::HashMap;

use molt_db::{Db, SourceFile, parse};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::profile_view::{ProfileView, STALE};
use super::settings::{ProfileSetting, RemarksLevel, Settings};
use super::{diagnostics, facts};

/// What clicking a lens does.
#[allow(dead_code)] // `ShowIr` is not used by a lens yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LensAction {
    /// Nothing (an informational lens).
    None,
    /// `molt.build` on the document.
    Build,
    /// `molt.run` on the document.
    Run,
    /// `molt.runProfiled` on the document.
    RunProfiled,
    /// `molt.showIr` on the document.
    ShowIr,
}

impl LensAction {
    /// The `workspace/executeCommand` command, if any.
    pub fn command(self) -> Option<&'static str> {
        match self {
            LensAction::None => None,
            LensAction::Build => Some(super::commands::BUILD),
            LensAction::Run => Some(super::commands::RUN),
            LensAction::RunProfiled => Some(super::commands::RUN_PROFILED),
            LensAction::ShowIr => Some(super::commands::SHOW_IR),
        }
    }
}

/// One lens over `range` (bytes, file offsets; only its first line matters to editors).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lens {
    /// Where it is shown.
    pub range: TextRange,
    /// Its text.
    pub title: String,
    /// What clicking it does.
    pub action: LensAction,
}

/// The lenses of `file`: coverage lenses in source order, the lenses of `profile` (when the
/// file has one) in source order, then Run, Run with profile and Build. Runs on a snapshot
/// on a worker thread.
pub fn code_lenses(
    db: &dyn Db,
    file: SourceFile,
    settings: &Settings,
    profile: Option<&ProfileView>,
) -> Vec<Lens> {
    let parsed = parse(db, file);
    let module = parsed.parsed().syntax();
    let report = molt_driver::report::file_report_ref(db, file);
    let mut coverage_of: HashMap<&str, &molt_remarks::FunctionCoverage> = HashMap::new();
    for c in &report.coverage {
        coverage_of.entry(c.function.as_str()).or_insert(c);
    }
    let mut remarks_of: HashMap<&str, usize> = HashMap::new();
    for r in diagnostics::shown_remarks(&report.remarks, settings.remarks) {
        *remarks_of.entry(r.function.as_str()).or_default() += 1;
    }
    let mut lenses = Vec::new();
    for (qualname, def, _) in facts::defs(module) {
        let Some(coverage) = coverage_of.get(qualname.as_str()) else {
            continue;
        };
        let mut title = format!("coverage {:.0}%", coverage.score().floor());
        if settings.remarks != RemarksLevel::Off {
            let count = remarks_of.get(qualname.as_str()).copied().unwrap_or(0);
            let what = match (settings.remarks, count) {
                (RemarksLevel::Missed, 1) => "missed optimization",
                (RemarksLevel::Missed, _) => "missed optimizations",
                (_, 1) => "remark",
                _ => "remarks",
            };
            title.push_str(&format!(" · {count} {what}"));
        }
        lenses.push(Lens {
            range: TextRange::empty(def.range().start()),
            title,
            action: LensAction::None,
        });
    }
    if let Some(view) = profile {
        for placed in &view.functions {
            let mut title = placed.function.lens_text();
            if placed.function.figures.name == "<module>" {
                // On the first line, which is often a `def` with a lens of its own.
                title = format!("module code: {title}");
            }
            let action = if view.is_stale() {
                title.push_str(&format!(" · {STALE}"));
                LensAction::RunProfiled
            } else {
                LensAction::None
            };
            lenses.push(Lens {
                range: TextRange::empty(TextSize::new(placed.offset)),
                title,
                action,
            });
        }
    }
    let range = module
        .body
        .iter()
        .find(|s| is_main_guard(s))
        .map(Ranged::range)
        .unwrap_or_else(|| TextRange::empty(TextSize::new(0)));
    let at = TextRange::empty(range.start());
    lenses.push(Lens {
        range: at,
        title: "▶ Run".to_owned(),
        action: LensAction::Run,
    });
    if settings.profile == ProfileSetting::On {
        lenses.push(Lens {
            range: at,
            title: "▶ Run with profile".to_owned(),
            action: LensAction::RunProfiled,
        });
    }
    lenses.push(Lens {
        range: at,
        title: "Build".to_owned(),
        action: LensAction::Build,
    });
    lenses
}

/// `if __name__ == "__main__":`
fn is_main_guard(stmt: &Stmt) -> bool {
    let Stmt::If(s) = stmt else {
        return false;
    };
    let Expr::Compare(c) = &*s.test else {
        return false;
    };
    let name = matches!(&*c.left, Expr::Name(n) if n.id.as_str() == "__name__");
    let main = c
        .comparators
        .iter()
        .any(|e| matches!(e, Expr::StringLiteral(l) if l.value.to_str() == "__main__"));
    name && main
}
