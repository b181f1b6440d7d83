//! The driver: the pipeline entry points shared by the headless CLI and (later) the language
//! server, so that both run the same queries on the same database.

pub mod build;
pub mod debug_info;
pub mod outside_writes;
pub mod report;
pub mod sites;

use std::path::{Path, PathBuf};

use molt_db::{Db, RootDatabase, SourceFile, line_index};
use molt_semantic::Diagnostic;
use molt_semantic::modules::{Program, module_graph};

/// A diagnostic located in a file, with 1-based line and column.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct LocatedDiagnostic {
    /// The file's path as given.
    pub path: PathBuf,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (Unicode scalar values).
    pub column: u32,
    /// The diagnostic (file offsets).
    pub diagnostic: Diagnostic,
}

impl std::fmt::Display for LocatedDiagnostic {
    /// `file:line:col: error[code]: message`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}[{}]: {}",
            self.path.display(),
            self.line,
            self.column,
            self.diagnostic.severity,
            self.diagnostic.code,
            self.diagnostic.message
        )
    }
}

/// The program whose entry script is `file`, with workspace `roots` searched after the
/// entry's folder (`molt_semantic::modules`).
pub fn program<'db>(db: &'db dyn Db, file: SourceFile, roots: &[PathBuf]) -> Program<'db> {
    Program::new(db, file, roots.to_vec(), Vec::new())
}

/// Every diagnostic of `file`, located and sorted by position: its own, and those of its
/// imports as the entry script of a program (`python3 FILE`).
pub fn check_file(db: &dyn Db, file: SourceFile) -> Vec<LocatedDiagnostic> {
    module_diagnostics(db, program(db, file, &[]), file)
}

/// Every diagnostic of the entry file of `program`, located and sorted by position: its own,
/// and those of its imports (what an editor shows for the file).
pub fn check_entry(db: &dyn Db, program: Program<'_>) -> Vec<LocatedDiagnostic> {
    module_diagnostics(db, program, program.entry(db))
}

/// Every diagnostic of every module of `program` (its entry first, then the modules its
/// imports reach, each file once), located and sorted by position within each file.
pub fn check_program(db: &dyn Db, program: Program<'_>) -> Vec<LocatedDiagnostic> {
    module_graph(db, program)
        .files()
        .into_iter()
        .flat_map(|file| module_diagnostics(db, program, file))
        .collect()
}

/// The diagnostics of `file` as a module of `program`: its own, its imports', its uses
/// of standard-library names molt does not provide, and those that depend on what its star
/// imports bind.
fn module_diagnostics(
    db: &dyn Db,
    program: Program<'_>,
    file: SourceFile,
) -> Vec<LocatedDiagnostic> {
    let mut diagnostics = molt_lower::file_diagnostics(db, file).clone();
    diagnostics.extend(
        module_graph(db, program)
            .diagnostics
            .iter()
            .filter(|(f, _)| *f == file)
            .map(|(_, d)| d.clone()),
    );
    diagnostics.extend(
        molt_semantic::stdlib::stdlib_name_diagnostics(db, program, file)
            .iter()
            .cloned(),
    );
    diagnostics.extend(
        molt_semantic::import_names::missing_import_names(db, program, file)
            .iter()
            .cloned(),
    );
    diagnostics.extend(
        molt_lower::star_import_diagnostics(db, program, file)
            .iter()
            .cloned(),
    );
    diagnostics.extend(outside_writes::outside_shadowing(db, program, file));
    diagnostics.sort_by_key(|d| (d.range.start(), d.range.end()));
    diagnostics.dedup();
    located(db, file, &diagnostics)
}

fn located(db: &dyn Db, file: SourceFile, diagnostics: &[Diagnostic]) -> Vec<LocatedDiagnostic> {
    let index = line_index(db, file);
    let text = file.text(db);
    diagnostics
        .iter()
        .map(|d| {
            let (line, column) = index.line_col(text, d.range.start().to_u32());
            LocatedDiagnostic {
                path: file.path(db).clone(),
                line,
                column,
                diagnostic: d.clone(),
            }
        })
        .collect()
}

/// The optimized MIR of every function of `file`, printed with each operation's lane as a
/// trailing comment (`; guarded`) and its span as file positions (`@4:12-17`: line 4,
/// columns 12 to 17; `@4:12-6:3` across lines), `<module>` first.
pub fn emit_mir(db: &dyn Db, file: SourceFile) -> String {
    emit_mir_at(db, file, molt_opt::OptLevel::default())
}

/// [`emit_mir`] at optimization level `level`.
pub fn emit_mir_at(db: &dyn Db, file: SourceFile, level: molt_opt::OptLevel) -> String {
    located_mir(db, file, &molt_opt::optimize_file_at(db, file, level))
}

/// [`emit_mir_at`] of the entry file of `program` as the program builds it: with direct
/// calls of the functions it imports from other modules (`molt_opt::link_file_at`).
pub fn emit_entry_mir_at(db: &dyn Db, program: Program<'_>, level: molt_opt::OptLevel) -> String {
    let file = program.entry(db);
    located_mir(db, file, &molt_opt::link_file_at(db, program, file, level))
}

/// `functions` (the optimized functions of `file`, at any level) printed with their lanes
/// and file positions.
fn located_mir(
    db: &dyn Db,
    file: SourceFile,
    functions: &[std::sync::Arc<molt_mir::Function>],
) -> String {
    // Every level optimizes the same functions in the same order (module code first, then
    // each item's), so the default level's origins place the spans of any level.
    let located = report::located_functions(db, file);
    let mut out = String::new();
    for (i, func) in functions.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match located.get(i).filter(|_| located.len() == functions.len()) {
            Some(place) => {
                let span = |span: molt_mir::Span| span_text(db, file, place.file_range(span));
                out.push_str(&func.display_with(&span, true));
            }
            None => out.push_str(&func.display_with_lanes()),
        }
    }
    out
}

/// A file byte range as `line:col-col` (one line) or `line:col-line:col`, 1-based, the end
/// exclusive.
pub fn span_text(db: &dyn Db, file: SourceFile, (start, end): (u32, u32)) -> String {
    let (text, index) = (file.text(db), line_index(db, file));
    let (sl, sc) = index.line_col(text, start);
    let (el, ec) = index.line_col(text, end);
    if sl == el {
        format!("{sl}:{sc}-{ec}")
    } else {
        format!("{sl}:{sc}-{el}:{ec}")
    }
}

/// Expands `paths` into the Python files to check: files as given, directories searched
/// recursively for `*.py` (skipping hidden folders, `target/` and `__pycache__/`), sorted.
///
/// # Errors
/// A path that does not exist or a directory that cannot be read.
pub fn collect_python_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out)?;
        } else if path.exists() {
            out.push(path.clone());
        } else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{}: no such file or directory", path.display()),
            ));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if name.starts_with('.') || name == "target" || name == "__pycache__" {
                continue;
            }
            walk(&path, out)?;
        } else if name.ends_with(".py") {
            out.push(path);
        }
    }
    Ok(())
}

/// Loads `path` into `db`.
///
/// # Errors
/// The I/O error reading it.
pub fn load(db: &RootDatabase, path: &Path) -> std::io::Result<SourceFile> {
    db.load_file(path)
}
