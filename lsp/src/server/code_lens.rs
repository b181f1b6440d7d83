//! Code lenses, in compiler terms: a byte range, a title and what clicking does. The server
//! adds the document's URI to the command and converts positions.
//!
//! Today: `▶ Run` and `Build` on the `if __name__ == "__main__":` line (or the first line).
//! Per-function lenses (lowering score, remark count) are added in [`code_lenses`].

use molt_db::{Db, SourceFile, parse};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// What clicking a lens does.
#[allow(dead_code)] // `None` and `ShowIr` are for the per-function lenses to come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LensAction {
    /// Nothing (an informational lens).
    None,
    /// `molt.build` on the document.
    Build,
    /// `molt.run` on the document.
    Run,
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

/// The lenses of `file`. Runs on a snapshot on a worker thread.
pub fn code_lenses(db: &dyn Db, file: SourceFile) -> Vec<Lens> {
    let parsed = parse(db, file);
    let body = &parsed.parsed().syntax().body;
    let range = body
        .iter()
        .find(|s| is_main_guard(s))
        .map(Ranged::range)
        .unwrap_or_else(|| TextRange::empty(TextSize::new(0)));
    let at = TextRange::empty(range.start());
    vec![
        Lens {
            range: at,
            title: "▶ Run".to_owned(),
            action: LensAction::Run,
        },
        Lens {
            range: at,
            title: "Build".to_owned(),
            action: LensAction::Build,
        },
    ]
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
