//! The `molt-lsp` binary: the language server (no mode flag, or `--stdio`; see `server`) and
//! the headless command line: `--check PATHS...` and `--build PATHS...` (files or folders,
//! one database for all of them, one merged `--remarks` report, exit codes for CI: see
//! `exit` and the `--help` text), `--emit=mir FILE`, `--run FILE [--profile] -- ARGS`,
//! `--profile-report PROFILE` (see `profile`), `--report html PATHS... [-o DIR]` (see
//! `report`), and `--fail-on` gates on the report of `--check`/`--build`/`--report` (see
//! `gates`). The server and the command line run the same `molt_driver` queries.

mod allocator;
mod gates;
mod profile;
mod report;
mod server;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use molt_db::{RootDatabase, SourceFile};
use molt_semantic::DiagnosticCode;

/// Compile typed Python to native code and show what the compiler does with each line.
#[derive(Parser, Debug)]
#[command(
    name = "molt-lsp",
    version,
    about,
    after_help = "\
Exit codes of --check, --build and --report (with several files, the highest that applies):
  0  no errors (warnings are printed and counted, but pass)
  1  the program has errors: syntax, undefined names, wrong argument counts,
     unsupported constructs (printed as file:line:col: error[CODE]: message), or a
     --fail-on condition holds. --build still writes the executable when every error
     is one that CPython raises at run time (undefined-name, arg-count): the program
     raises there, as CPython would
  2  usage or I/O error: bad arguments, a missing or unreadable path, an output
     that cannot be written
  3  a build failed in code generation or linking (a compiler bug, or no C compiler)
--run prints the errors and runs the program anyway (as python3 would, the error raises
when its line runs); it exits with the program's exit code (also with --profile); a
program killed by a signal is reported (\"molt-lsp: program killed by signal SIGSEGV
(segmentation fault)\") and gives 128 + the signal number, as in a shell.

--fail-on CONDITION (repeatable, or a comma list) makes --check, --build and --report exit 1 when
the files given (and the modules they import, for diagnostics) meet CONDITION, with a
line naming what failed:
  error          any error (always on)
  warning        any warning
  missed         any missed optimization remark
  dynamic        any operation compiled to dynamic dispatch
  coverage<N     the lowering score of all functions together is below N (0-100)
  NAME           any remark of that name, e.g. unbox.missed or lane.dynamic
Example: molt-lsp --check src/ --fail-on missed,coverage<90

With no arguments (or --stdio), molt-lsp serves the Language Server Protocol on
standard input and output."
)]
struct Cli {
    /// Serve the Language Server Protocol on standard input/output (the default when no
    /// other mode is given).
    #[arg(long, conflicts_with_all = ["check", "emit", "build", "run", "profile_report", "report"])]
    stdio: bool,

    /// Check PATHs (files, or directories searched for `*.py`): print every error as
    /// `file:line:col: error[CODE]: message` (on stderr when remarks go to stdout).
    #[arg(long, num_args = 0.., value_name = "PATH", conflicts_with_all = ["emit", "build", "run"])]
    check: Option<Vec<PathBuf>>,

    /// Print an intermediate representation of FILE instead of compiling.
    #[arg(long, value_enum, conflicts_with_all = ["build", "run"])]
    emit: Option<Emit>,

    /// Build each of PATHS (files, or directories searched for `*.py`) into a native
    /// executable: `target/molt/<stem>`, or `-o OUT` (with several files, `OUT/<stem>`).
    #[arg(long, conflicts_with = "run")]
    build: bool,

    /// Build FILE and run it, passing ARGS; exits with the program's exit code.
    #[arg(long)]
    run: bool,

    /// With `--build` or `--run`: what to make. `native` (the default): an executable for
    /// this machine. `wasm32`: a WASI preview 1 command module (`target/molt/<stem>.wasm`),
    /// which `--run` runs under node.
    #[arg(long, value_enum, default_value = "native")]
    target: TargetArg,

    /// MIR optimization level for `--build`, `--run` and `--emit` (0 = no passes; remarks
    /// and coverage always describe the default level, 2).
    #[arg(long = "opt-level", value_name = "N", default_value_t = 2,
          value_parser = clap::value_parser!(u8).range(0..=2))]
    opt_level: u8,

    /// With `--check` or `--build`: write optimization remarks and lowering coverage of every
    /// file, as one report, in this format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    remarks: Option<RemarksFormat>,

    /// Write the remarks to FILE (atomically) instead of standard output.
    #[arg(long = "remarks-out", value_name = "FILE", requires = "remarks")]
    remarks_out: Option<PathBuf>,

    /// With `--check` or `--build`: print lowering coverage (score and lane counts per
    /// function and per line, and every dynamic operation with the reason).
    #[arg(long)]
    coverage: bool,

    /// With `--run`: run with profiling, write the profile beside the executable
    /// (`target/molt/<stem>.profile.json`) and print a summary on stderr. With `--check` or
    /// `--build` and `--remarks`: give remarks the hotness of PROFILE and order them by it.
    #[arg(long, value_name = "PROFILE", num_args = 0..=1)]
    profile: Option<Option<PathBuf>>,

    /// Report what the profile PROFILE (`<stem>.profile.json`, with the build's
    /// `<stem>.sites.json` beside it) says: hottest functions and lines, deopt sites with the
    /// remark that explains each.
    #[arg(long = "profile-report", value_name = "PROFILE",
          conflicts_with_all = ["check", "emit", "build", "run"])]
    profile_report: Option<PathBuf>,

    /// Write an annotated report of PATHS (files, or directories searched for `*.py`) and
    /// the modules they import: `html` writes a page per module and an index into `-o DIR`
    /// (default `target/molt/report`), each line shaded by how far it is from native code
    /// (and by profile heat when `target/molt/<stem>.profile.json` exists); click a line for
    /// its operations, remarks and MIR.
    #[arg(long, value_enum, value_name = "FORMAT",
          conflicts_with_all = ["check", "emit", "build", "run", "profile_report"])]
    report: Option<ReportKind>,

    /// With `--check`, `--build` or `--report`: exit with 1 when CONDITION holds (repeatable,
    /// or a comma list): `error` (always on), `warning`, `missed`, `dynamic`, `coverage<N`
    /// (N in 0..=100), or a remark name such as `unbox.missed`. See the list below.
    #[arg(long = "fail-on", value_name = "CONDITION", value_delimiter = ',',
          value_parser = parse_fail_on)]
    fail_on: Vec<FailOn>,

    /// Format of `--profile-report`.
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "text")]
    format: ReportFormat,

    /// With `--build` or `--run`: also read and write compiled functions in the Bazel HTTP
    /// remote cache at URL (`GET`/`PUT` of `URL/ac/<key>` and `URL/cas/<sha256>`; default:
    /// `$MOLT_REMOTE_CACHE`). A cache that fails is skipped for the rest of the build.
    #[arg(long = "remote-cache", value_name = "URL")]
    remote_cache: Option<String>,

    /// With `--build` or `--run`: do not use the disk code cache (`~/.cache/molt-lsp/code/`,
    /// or `$MOLT_CODE_CACHE_DIR`; also `MOLT_NO_CODE_CACHE=1`).
    #[arg(long = "no-code-cache")]
    no_code_cache: bool,

    /// Output path for `--build` / `--run` (a folder when `--build` builds several files).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,

    /// Python files (or, for `--check` and `--build`, directories) to work on.
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,

    /// Arguments passed to the program by `--run` (after `--`).
    #[arg(last = true)]
    args: Vec<String>,
}

/// Values of `--target`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum TargetArg {
    /// A native executable.
    Native,
    /// A WASI preview 1 module.
    Wasm32,
}

impl TargetArg {
    fn codegen(self) -> molt_driver::build::Target {
        match self {
            TargetArg::Native => molt_driver::build::Target::Native,
            TargetArg::Wasm32 => molt_driver::build::Target::Wasm32,
        }
    }
}

/// Formats of `--remarks`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum RemarksFormat {
    /// The versioned JSON schema of docs/remarks.md (remarks and coverage).
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// `file:line:col: remark[name]: message` lines.
    Text,
}

/// Formats of `--profile-report`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ReportFormat {
    /// Sections for people.
    Text,
    /// One JSON object (`docs/profiles.md`, "Reading a report").
    Json,
}

/// Formats of `--report`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ReportKind {
    /// A static HTML page per module and an index (self-contained: no network).
    Html,
}

/// A condition of `--fail-on`.
#[derive(Clone, Debug, PartialEq)]
enum FailOn {
    /// Any error (the default; accepted so CI scripts can say it).
    Error,
    /// Any warning.
    Warning,
    /// Any missed-optimization remark.
    Missed,
    /// Any operation compiled to the dynamic lane.
    Dynamic,
    /// The lowering score of all functions together below this (`0.0..=100.0`).
    CoverageBelow(f64),
    /// Any remark with this name (a name of the remark catalog).
    Remark(String),
}

impl std::fmt::Display for FailOn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FailOn::Error => f.write_str("error"),
            FailOn::Warning => f.write_str("warning"),
            FailOn::Missed => f.write_str("missed"),
            FailOn::Dynamic => f.write_str("dynamic"),
            FailOn::CoverageBelow(n) => write!(f, "coverage<{n}"),
            FailOn::Remark(name) => f.write_str(name),
        }
    }
}

/// Parses one `--fail-on` condition (see [`FailOn`]); the error says what is accepted.
fn parse_fail_on(text: &str) -> Result<FailOn, String> {
    let text = text.trim();
    let accepted = "expected error, warning, missed, dynamic, coverage<N (N from 0 to 100) or a remark name such as unbox.missed";
    Ok(match text {
        "error" | "errors" => FailOn::Error,
        "warning" | "warnings" => FailOn::Warning,
        "missed" => FailOn::Missed,
        "dynamic" => FailOn::Dynamic,
        _ => {
            if let Some(n) = text.strip_prefix("coverage<") {
                let n: f64 = n
                    .trim()
                    .parse()
                    .map_err(|_| format!("`{text}`: `{n}` is not a number; {accepted}"))?;
                if !(0.0..=100.0).contains(&n) {
                    return Err(format!("`{text}`: coverage goes from 0 to 100"));
                }
                FailOn::CoverageBelow(n)
            } else if molt_remarks::rule(text).is_some() {
                FailOn::Remark(text.to_string())
            } else {
                return Err(format!("unknown condition `{text}`; {accepted}"));
            }
        }
    })
}

/// What `--emit` prints.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Emit {
    /// The optimized MIR of every function.
    Mir,
}

/// The exit codes of `--check` and `--build` (see the `--help` text).
mod exit {
    /// No errors.
    pub const OK: u8 = 0;
    /// The program has errors.
    pub const PROGRAM_ERRORS: u8 = 1;
    /// Usage or I/O error.
    pub const USAGE_OR_IO: u8 = 2;
    /// Code generation or linking failed.
    pub const BUILD_FAILED: u8 = 3;
}

/// Stack of the threads that analyse Python (bytes): 512 MiB of address space, of which only
/// what deep nesting uses is ever touched. The parser, the semantic passes and lowering recurse
/// once per nesting level, and CPython accepts 3,000 levels of statements and expressions (a
/// 3,000-term sum): rust-analyzer and ruff also give their analysis threads large stacks.
pub const ANALYSIS_STACK: usize = 512 << 20;

fn main() -> ExitCode {
    allocator::configure();
    match std::thread::Builder::new()
        .name("molt-lsp".into())
        .stack_size(ANALYSIS_STACK)
        .spawn(main_on_big_stack)
    {
        Ok(handle) => handle.join().unwrap_or(ExitCode::from(exit::USAGE_OR_IO)),
        Err(error) => {
            eprintln!("molt-lsp: error: cannot start the main thread: {error}");
            ExitCode::from(exit::USAGE_OR_IO)
        }
    }
}

fn main_on_big_stack() -> ExitCode {
    let cli = Cli::parse();
    let no_mode = cli.check.is_none()
        && cli.emit.is_none()
        && !cli.build
        && !cli.run
        && cli.report.is_none()
        && cli.profile_report.is_none();
    if cli.stdio || (no_mode && cli.paths.is_empty()) {
        return server::run_stdio();
    }
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("molt-lsp: error: {error:#}");
            ExitCode::from(exit::USAGE_OR_IO)
        }
    }
}

fn opt_level(cli: &Cli) -> molt_opt::OptLevel {
    molt_opt::OptLevel::from_number(cli.opt_level).unwrap_or_default()
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so
/// readers never see a half-written file.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Loads every file of `paths` (directories searched for `*.py`) into `db`.
fn load_all(db: &RootDatabase, paths: &[PathBuf]) -> anyhow::Result<Vec<(PathBuf, SourceFile)>> {
    if paths.is_empty() {
        anyhow::bail!("no files given (see --help)");
    }
    let files = molt_driver::collect_python_files(paths)?;
    if files.is_empty() {
        anyhow::bail!("no Python files in {}", display_paths(paths));
    }
    files
        .into_iter()
        .map(|path| {
            let file = molt_driver::load(db, &path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            Ok((path, file))
        })
        .collect()
}

/// The folders among `paths`: workspace roots, searched for imports after each entry's own
/// folder.
fn workspace_roots(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| molt_db::normalize_path(p))
        .collect()
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The diagnostics of the programs whose entries are `files` (each module once, molt's own
/// standard modules left out), deduplicated, and the user's files they checked.
struct Checked {
    /// Every diagnostic, in the order `--check` prints them.
    diagnostics: Vec<molt_driver::LocatedDiagnostic>,
    /// The user's files checked: the files given and the workspace modules they import.
    files: Vec<SourceFile>,
    /// The text of every diagnostic in `diagnostics`, to add each once.
    seen: std::collections::HashSet<String>,
}

impl Checked {
    fn new() -> Checked {
        Checked {
            diagnostics: Vec::new(),
            files: Vec::new(),
            seen: Default::default(),
        }
    }

    /// Adds the modules of `program` to the files checked.
    fn add_modules(&mut self, db: &RootDatabase, program: molt_semantic::modules::Program<'_>) {
        for module in molt_semantic::modules::module_graph(db, program).files() {
            // molt's own standard modules are checked too, but are not the user's files.
            if molt_semantic::stdlib::is_embedded_path(module.path(db)) {
                continue;
            }
            if !self.files.contains(&module) {
                self.files.push(module);
            }
        }
    }

    /// Adds `d` unless an equal diagnostic was added before (a module reached from several
    /// entries is reported once); whether it was new.
    fn add(&mut self, d: &molt_driver::LocatedDiagnostic) -> bool {
        if !self.seen.insert(d.to_string()) {
            return false;
        }
        self.diagnostics.push(d.clone());
        true
    }

    fn count(&self, severity: molt_semantic::Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.diagnostic.severity == severity)
            .count()
    }

    /// `found 2 errors and 1 warning in 1 file (4 files checked)`, or `checked 4 files: no
    /// errors[, 1 warning]`: the summary line of `--check` and `--build`.
    fn summary(&self) -> String {
        let errors = self.count(molt_semantic::Severity::Error);
        let warnings = self.count(molt_semantic::Severity::Warning);
        let checked = plural(self.files.len(), "file");
        if errors == 0 {
            return if warnings > 0 {
                format!(
                    "checked {checked}: no errors, {}",
                    plural(warnings, "warning")
                )
            } else {
                format!("checked {checked}: no errors")
            };
        }
        let mut with: Vec<&std::path::Path> =
            self.diagnostics.iter().map(|d| d.path.as_path()).collect();
        with.sort_unstable();
        with.dedup();
        format!(
            "found {} in {} ({checked} checked)",
            plural(errors, "error") + &warnings_suffix(warnings),
            plural(with.len(), "file"),
        )
    }
}

/// `d` as a report entry, located with its end position (read from `db`'s copy of the file).
fn compile_diagnostic(
    db: &RootDatabase,
    d: &molt_driver::LocatedDiagnostic,
) -> molt_remarks::CompileDiagnostic {
    let start_pos = molt_remarks::Position {
        line: d.line,
        column: d.column,
    };
    let (start, end) = (
        d.diagnostic.range.start().to_u32(),
        d.diagnostic.range.end().to_u32(),
    );
    let end_pos = molt_driver::load(db, &d.path)
        .ok()
        .map(|file| {
            let (line, column) = molt_db::line_index(db, file).line_col(file.text(db), end);
            molt_remarks::Position { line, column }
        })
        .unwrap_or(start_pos);
    molt_remarks::CompileDiagnostic {
        code: d.diagnostic.code.to_string(),
        severity: match d.diagnostic.severity {
            molt_semantic::Severity::Error => molt_remarks::DiagnosticSeverity::Error,
            molt_semantic::Severity::Warning => molt_remarks::DiagnosticSeverity::Warning,
        },
        location: molt_remarks::Location {
            file: d.path.display().to_string(),
            start,
            end: end.max(start),
            start_pos,
            end_pos: end_pos.max(start_pos),
        },
        message: d.diagnostic.message.clone(),
    }
}

/// The merged remarks and coverage of `files` with the diagnostics of `checked`, sorted (by
/// hotness with a profile).
/// Each file is reported as the entry of a program with the workspace `roots` (as it is
/// checked and built), so its calls of functions of the modules it imports are direct.
fn full_report(
    db: &RootDatabase,
    files: &[(PathBuf, SourceFile)],
    roots: &[PathBuf],
    checked: &Checked,
    profile: Option<&molt_profiler::Analysis>,
) -> molt_remarks::Report {
    let mut remarks = Vec::new();
    let mut coverage = Vec::new();
    for (_, file) in files {
        let program = molt_driver::program(db, *file, roots);
        let report = molt_driver::report::program_file_report(db, program, *file);
        remarks.extend(report.remarks.iter().cloned());
        coverage.extend(report.coverage.iter().cloned());
    }
    let mut report = molt_remarks::Report::new(env!("CARGO_PKG_VERSION"), remarks, coverage);
    report.diagnostics = checked
        .diagnostics
        .iter()
        .map(|d| compile_diagnostic(db, d))
        .collect();
    report.sort();
    if let Some(analysis) = profile {
        profile::annotate(analysis, &mut report);
    }
    report
}

/// The text of line `line` (1-based) of the file the report names `file`, from `db`.
fn source_line(db: &RootDatabase, file: &str, line: u32) -> Option<String> {
    let file = molt_driver::load(db, std::path::Path::new(file)).ok()?;
    file.text(db)
        .lines()
        .nth(line.checked_sub(1)? as usize)
        .map(str::to_string)
}

/// Writes the report of `files` as `--remarks` and `--coverage` ask, and checks the
/// `--fail-on` conditions against it: whether one holds (each that does is printed, naming
/// what failed).
fn write_report(
    cli: &Cli,
    db: &RootDatabase,
    files: &[(PathBuf, SourceFile)],
    roots: &[PathBuf],
    checked: &Checked,
    profile: Option<&molt_profiler::Analysis>,
) -> anyhow::Result<bool> {
    if cli.remarks.is_none() && !cli.coverage && cli.fail_on.is_empty() {
        return Ok(false);
    }
    let report = full_report(db, files, roots, checked, profile);
    if let Some(format) = cli.remarks {
        let text = match format {
            RemarksFormat::Json => molt_remarks::to_json(&report) + "\n",
            RemarksFormat::Sarif => molt_remarks::to_sarif_string(&report) + "\n",
            RemarksFormat::Text => molt_remarks::to_text(&report),
        };
        match &cli.remarks_out {
            Some(out) => write_atomically(out, text.as_bytes())
                .map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?,
            None => print!("{text}"),
        }
    }
    if cli.coverage {
        print!(
            "{}",
            molt_remarks::coverage_text_with_source(&report, &|file, line| source_line(
                db, file, line
            ))
        );
    }
    Ok(gates::check(&cli.fail_on, &report))
}

/// `" and 2 warnings"`, or `""` for none.
fn warnings_suffix(warnings: usize) -> String {
    if warnings == 0 {
        String::new()
    } else {
        format!(" and {}", plural(warnings, "warning"))
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The profile of `--check`/`--build ... --remarks --profile PROFILE`, read (with its site
/// map) before anything is built, since a build rewrites the site map.
fn remarks_profile(cli: &Cli) -> anyhow::Result<Option<molt_profiler::Analysis>> {
    match &cli.profile {
        None => Ok(None),
        Some(None) => anyhow::bail!(
            "--profile takes a PROFILE with --check and --build (`--remarks=json --profile target/molt/<stem>.profile.json`)"
        ),
        Some(Some(path)) => {
            if cli.remarks.is_none() {
                anyhow::bail!("--profile PROFILE with --check or --build goes with --remarks");
            }
            Ok(Some(profile::load(path)?))
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let db = RootDatabase::default();
    if let Some(path) = &cli.profile_report {
        let analysis = profile::load(path)?;
        match cli.format {
            ReportFormat::Text => print!("{}", profile::report_text(&analysis, path)),
            ReportFormat::Json => println!(
                "{}",
                serde_json::to_string_pretty(&profile::report_json(&analysis))?
            ),
        }
        return Ok(ExitCode::SUCCESS);
    }
    if !cli.fail_on.is_empty() && (cli.run || cli.emit.is_some()) {
        anyhow::bail!("--fail-on goes with --check, --build or --report");
    }
    if let Some(check_paths) = &cli.check {
        let analysis = remarks_profile(&cli)?;
        let paths: Vec<PathBuf> = check_paths.iter().chain(&cli.paths).cloned().collect();
        let files = load_all(&db, &paths)?;
        let roots = workspace_roots(&paths);
        // Errors go to stdout, unless the remarks report does.
        let errors_to_stderr = cli.remarks.is_some() && cli.remarks_out.is_none() || cli.coverage;
        // A text report on stdout lists the errors itself.
        let errors_in_report =
            cli.remarks == Some(RemarksFormat::Text) && cli.remarks_out.is_none();
        // Each file is checked as the entry of a program with the modules it imports; a
        // module reached from several entries is reported once.
        let mut checked = Checked::new();
        for (_, file) in &files {
            let program = molt_driver::program(&db, *file, &roots);
            checked.add_modules(&db, program);
            for d in molt_driver::check_program(&db, program) {
                if !checked.add(&d) || errors_in_report {
                    continue;
                }
                if errors_to_stderr {
                    eprintln!("{d}");
                } else {
                    println!("{d}");
                }
            }
        }
        let gate_failed = write_report(&cli, &db, &files, &roots, &checked, analysis.as_ref())?;
        eprintln!("{}", checked.summary());
        let errors = checked.count(molt_semantic::Severity::Error);
        return Ok(ExitCode::from(if errors > 0 || gate_failed {
            exit::PROGRAM_ERRORS
        } else {
            exit::OK
        }));
    }
    if let Some(Emit::Mir) = cli.emit {
        let [path] = cli.paths.as_slice() else {
            anyhow::bail!("--emit=mir takes one file");
        };
        let file =
            molt_driver::load(&db, path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let diagnostics = molt_driver::check_file(&db, file);
        for d in &diagnostics {
            eprintln!("{d}");
        }
        let program = molt_driver::program(&db, file, &[]);
        print!(
            "{}",
            molt_driver::emit_entry_mir_at(&db, program, opt_level(&cli))
        );
        return Ok(if diagnostics.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(exit::PROGRAM_ERRORS)
        });
    }
    if let Some(ReportKind::Html) = cli.report {
        return report_html(&cli, &db);
    }
    if cli.build {
        return build_all(&cli, &db);
    }
    if cli.run {
        // `--run --profile FILE` reads FILE as the profile's value: it is the program.
        let (paths, profiling) = match &cli.profile {
            None => (cli.paths.clone(), false),
            Some(None) => (cli.paths.clone(), true),
            Some(Some(p)) if cli.paths.is_empty() => (vec![p.clone()], true),
            Some(Some(p)) => anyhow::bail!(
                "with --run, --profile takes no value (got {}): the profile goes beside the executable",
                p.display()
            ),
        };
        let [path] = paths.as_slice() else {
            anyhow::bail!("--run takes one file (its arguments go after `--`)");
        };
        let file =
            molt_driver::load(&db, path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let target = cli.target.codegen();
        let output = cli
            .output
            .clone()
            .unwrap_or_else(|| molt_driver::build::default_output_for(path, target));
        let options = molt_driver::build::BuildOptions {
            target,
            output,
            optimize: true,
            code_cache: code_cache_config(&cli),
        };
        let report = match molt_driver::build::build_at(&db, file, &options, opt_level(&cli)) {
            Ok(report) => {
                // The program prints CPython's compile-time warnings itself, as CPython does;
                // molt's own warnings are for `--check`, `--build` and the editor, not in
                // the program's standard error.
                for d in report
                    .diagnostics
                    .iter()
                    .filter(|d| d.diagnostic.severity == molt_semantic::Severity::Error)
                {
                    eprintln!("{d} (compiled to raise at run time)");
                }
                for warning in &report.warnings {
                    eprintln!("molt-lsp: warning: {warning}");
                }
                report
            }
            Err(error) => {
                eprintln!("{error}");
                return Ok(ExitCode::from(build_error_code(&error)));
            }
        };
        let program = if report.output.is_absolute() || report.output.components().count() > 1 {
            report.output.clone()
        } else {
            PathBuf::from(".").join(&report.output)
        };
        let profile_path = molt_driver::build::profile_path(&report.output);
        let status = if target == molt_driver::build::Target::Wasm32 {
            // Under node; a profiled run's counters go to the profile's folder, the only one
            // the runner opens to the program (the wasm32 runtime has no sampler).
            let mut cmd = match molt_driver::build::wasm_command(&program, &cli.args) {
                Ok(cmd) => cmd,
                Err(e) => {
                    eprintln!("{e}");
                    return Ok(ExitCode::from(build_error_code(&e)));
                }
            };
            if profiling {
                profile::prepare_profile(&profile_path, &mut cmd)?;
            }
            cmd.status()
                .map_err(|e| anyhow::anyhow!("cannot run node on {}: {e}", program.display()))?
        } else if profiling {
            profile::run_profiled(&program, &cli.args, &profile_path)?
        } else {
            std::process::Command::new(&program)
                .args(&cli.args)
                .status()
                .map_err(|e| anyhow::anyhow!("cannot run {}: {e}", program.display()))?
        };
        if profiling {
            if profile_path.exists() {
                match profile::load(&profile_path) {
                    Ok(analysis) => eprint!("{}", profile::summary(&analysis, &profile_path)),
                    Err(e) => eprintln!("molt-lsp: error: {e:#}"),
                }
            } else {
                eprintln!(
                    "molt-lsp: the program wrote no profile to {} (a runtime without profiling support?)",
                    profile_path.display()
                );
            }
        }
        return Ok(match status.code() {
            Some(code) => ExitCode::from(code.clamp(0, 255) as u8),
            None => match killed_by(&status) {
                Some(sig) => {
                    eprintln!("molt-lsp: program killed by signal {}", signal_text(sig));
                    // What a shell reports for a child killed by a signal.
                    ExitCode::from((128 + sig).clamp(0, 255) as u8)
                }
                None => ExitCode::from(1),
            },
        });
    }
    if cli.remarks.is_some() || cli.coverage {
        anyhow::bail!("--remarks and --coverage go with --check or --build");
    }
    if !cli.fail_on.is_empty() {
        anyhow::bail!("--fail-on goes with --check, --build or --report");
    }
    if cli.profile.is_some() {
        anyhow::bail!("--profile goes with --run, or with --check/--build and --remarks");
    }
    anyhow::bail!(
        "nothing to do: use --check PATH..., --build PATH..., --emit=mir FILE, --run FILE, \
         --profile-report PROFILE, or no arguments (or --stdio) for the language server (see --help)"
    )
}

/// `--report html PATHS... [-o DIR]`: the annotated report of the files given and the modules
/// they import (`report`), then the summary line and the `--fail-on` conditions.
fn report_html(cli: &Cli, db: &RootDatabase) -> anyhow::Result<ExitCode> {
    let explicit = match &cli.profile {
        None => None,
        Some(Some(path)) => Some(path.as_path()),
        Some(None) => anyhow::bail!(
            "--profile takes a PROFILE with --report (by default the report reads target/molt/<stem>.profile.json)"
        ),
    };
    let files = load_all(db, &cli.paths)?;
    let roots = workspace_roots(&cli.paths);
    let profiles = report::profiles(
        explicit,
        &files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
    )?;
    let mut checked = Checked::new();
    for (_, file) in &files {
        let program = molt_driver::program(db, *file, &roots);
        checked.add_modules(db, program);
        for d in molt_driver::check_program(db, program) {
            checked.add(&d);
        }
    }
    let diagnostics: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| compile_diagnostic(db, d))
        .collect();
    let out = cli
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("target/molt/report"));
    let pages = report::write_html(db, &checked.files, &diagnostics, &profiles, &out)?;
    eprintln!(
        "wrote {} ({} and an index)",
        out.join("index.html").display(),
        plural(pages, "module page")
    );
    eprintln!("{}", checked.summary());
    let gate_failed = write_report(cli, db, &files, &roots, &checked, None)?;
    let errors = checked.count(molt_semantic::Severity::Error);
    Ok(ExitCode::from(if errors > 0 || gate_failed {
        exit::PROGRAM_ERRORS
    } else {
        exit::OK
    }))
}

/// The code caches of `--build` and `--run`: the environment's (`CacheConfig::from_env`), with
/// `--remote-cache` and `--no-code-cache` over it.
fn code_cache_config(cli: &Cli) -> molt_codecache::CacheConfig {
    let mut config = molt_codecache::CacheConfig::from_env();
    if let Some(url) = &cli.remote_cache {
        config.remote = (!url.is_empty()).then(|| url.clone());
    }
    if cli.no_code_cache {
        config.dir = None;
    }
    config
}

/// The signal that killed a child process, if one did.
#[cfg(unix)]
fn killed_by(status: &std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

/// The signal that killed a child process (never one on this platform).
#[cfg(not(unix))]
fn killed_by(_status: &std::process::ExitStatus) -> Option<i32> {
    None
}

/// The name and meaning of signal number `sig` on this platform, as `--run` reports a program
/// killed by it: `SIGSEGV (segmentation fault)`; just the number for signals without a name
/// here.
fn signal_text(sig: i32) -> String {
    match signal_name(sig) {
        Some((name, meaning)) => format!("{name} ({meaning})"),
        None => format!("{sig}"),
    }
}

/// The conventional name and a short description of signal `sig` (the numbers come from the
/// platform's C headers through `libc`, since they differ between Linux and macOS).
#[cfg(unix)]
fn signal_name(sig: i32) -> Option<(&'static str, &'static str)> {
    let table: &[(i32, &str, &str)] = &[
        (libc::SIGHUP, "SIGHUP", "hangup"),
        (libc::SIGINT, "SIGINT", "interrupt"),
        (libc::SIGQUIT, "SIGQUIT", "quit"),
        (libc::SIGILL, "SIGILL", "illegal instruction"),
        (libc::SIGTRAP, "SIGTRAP", "trace trap"),
        (libc::SIGABRT, "SIGABRT", "aborted"),
        (libc::SIGBUS, "SIGBUS", "bus error"),
        (libc::SIGFPE, "SIGFPE", "arithmetic exception"),
        (libc::SIGKILL, "SIGKILL", "killed"),
        (libc::SIGUSR1, "SIGUSR1", "user signal 1"),
        (libc::SIGSEGV, "SIGSEGV", "segmentation fault"),
        (libc::SIGUSR2, "SIGUSR2", "user signal 2"),
        (libc::SIGPIPE, "SIGPIPE", "broken pipe"),
        (libc::SIGALRM, "SIGALRM", "alarm clock"),
        (libc::SIGTERM, "SIGTERM", "terminated"),
        (libc::SIGXCPU, "SIGXCPU", "CPU time limit exceeded"),
        (libc::SIGXFSZ, "SIGXFSZ", "file size limit exceeded"),
        (libc::SIGSYS, "SIGSYS", "bad system call"),
    ];
    table
        .iter()
        .find(|(n, _, _)| *n == sig)
        .map(|(_, name, meaning)| (*name, *meaning))
}

/// No signal names on this platform.
#[cfg(not(unix))]
fn signal_name(_sig: i32) -> Option<(&'static str, &'static str)> {
    None
}

/// The exit code for a failed build.
fn build_error_code(error: &molt_driver::build::BuildError) -> u8 {
    use molt_driver::build::BuildError;
    match error {
        BuildError::Diagnostics(_) => exit::PROGRAM_ERRORS,
        BuildError::Codegen(_) | BuildError::Link(_) => exit::BUILD_FAILED,
        BuildError::Io(_) => exit::USAGE_OR_IO,
    }
}

/// `--build PATHS...`: every file with the same database, then one merged report.
/// Of `files` (each with the path given on the command line it came from), those that
/// `--build` makes executables of: every file named itself, and of the files found in a
/// folder, the entry points (`molt_semantic::entry_points`) and the files no other file
/// imports (the others are built into the programs that import them).
fn build_targets(
    db: &RootDatabase,
    files: Vec<(PathBuf, SourceFile)>,
    given: &[PathBuf],
    roots: &[PathBuf],
) -> Vec<(PathBuf, SourceFile)> {
    let named: Vec<PathBuf> = given
        .iter()
        .filter(|p| !p.is_dir())
        .map(|p| molt_db::normalize_path(p))
        .collect();
    let imported: std::collections::HashSet<SourceFile> = files
        .iter()
        .flat_map(|(_, file)| {
            let program = molt_driver::program(db, *file, roots);
            molt_semantic::modules::module_graph(db, program)
                .files()
                .into_iter()
                .filter(move |f| f != file)
        })
        .collect();
    files
        .into_iter()
        .filter(|(path, file)| {
            named.contains(&molt_db::normalize_path(path))
                || molt_semantic::entry_points::is_entry_point(db, *file)
                || !imported.contains(file)
        })
        .collect()
}

fn build_all(cli: &Cli, db: &RootDatabase) -> anyhow::Result<ExitCode> {
    let analysis = remarks_profile(cli)?;
    let all_files = load_all(db, &cli.paths)?;
    let files = build_targets(
        db,
        all_files.clone(),
        &cli.paths,
        &workspace_roots(&cli.paths),
    );
    // Where each executable goes; two files with one stem would overwrite each other.
    let outputs: Vec<PathBuf> = match (&cli.output, files.as_slice()) {
        (Some(out), [_]) => vec![out.clone()],
        (Some(dir), _) => files
            .iter()
            .map(|(p, _)| {
                let out = dir.join(p.file_stem().unwrap_or_default());
                match cli.target {
                    TargetArg::Native => out,
                    TargetArg::Wasm32 => out.with_extension("wasm"),
                }
            })
            .collect(),
        (None, _) => files
            .iter()
            .map(|(p, _)| molt_driver::build::default_output_for(p, cli.target.codegen()))
            .collect(),
    };
    for (i, out) in outputs.iter().enumerate() {
        if let Some(j) = outputs[..i].iter().position(|o| o == out) {
            anyhow::bail!(
                "{} and {} would both be built to {}; build them separately with -o",
                files[j].0.display(),
                files[i].0.display(),
                out.display()
            );
        }
    }
    let roots = workspace_roots(&cli.paths);
    let mut code = exit::OK;
    let mut built = 0usize;
    let mut checked = Checked::new();
    for ((path, file), output) in files.iter().zip(outputs) {
        let options = molt_driver::build::BuildOptions {
            target: cli.target.codegen(),
            output,
            optimize: true,
            code_cache: code_cache_config(cli),
        };
        let program = molt_driver::program(db, *file, &roots);
        checked.add_modules(db, program);
        match molt_driver::build::build_program_at(db, program, &options, opt_level(cli)) {
            Ok(report) => {
                for d in &report.diagnostics {
                    if !checked.add(d) {
                        continue;
                    }
                    if d.diagnostic.code == DiagnosticCode::SyntaxWarning {
                        eprintln!("{d} (the program prints it at start-up, as CPython does)");
                    } else if d.diagnostic.severity == molt_semantic::Severity::Warning {
                        eprintln!("{d}");
                    } else {
                        eprintln!("{d} (compiled to raise at run time)");
                    }
                }
                for warning in &report.warnings {
                    eprintln!("molt-lsp: warning: {warning}");
                }
                eprintln!(
                    "built {} (frontend {} ms, codegen {} ms, link {} ms; functions: {})",
                    report.output.display(),
                    report.frontend.as_millis(),
                    report.codegen.as_millis(),
                    report.link.as_millis(),
                    report.code_cache
                );
                built += 1;
            }
            Err(molt_driver::build::BuildError::Diagnostics(ds)) => {
                for d in &ds {
                    if checked.add(d) {
                        eprintln!("{d}");
                    }
                }
                eprintln!("molt-lsp: {} not built: it has errors", path.display());
                code = code.max(exit::PROGRAM_ERRORS);
            }
            Err(error) => {
                eprintln!("{error}");
                eprintln!("molt-lsp: building {} failed", path.display());
                code = code.max(build_error_code(&error));
            }
        }
    }
    if write_report(cli, db, &all_files, &roots, &checked, analysis.as_ref())? {
        code = code.max(exit::PROGRAM_ERRORS);
    }
    // Errors fail the build even when the executable was written (an undefined name is
    // compiled to raise `NameError` where CPython would).
    if checked.count(molt_semantic::Severity::Error) > 0 {
        code = code.max(exit::PROGRAM_ERRORS);
        eprintln!("{}", checked.summary());
    } else if checked.count(molt_semantic::Severity::Warning) > 0 {
        eprintln!("{}", checked.summary());
    }
    if files.len() > 1 {
        eprintln!("built {} of {}", built, plural(files.len(), "file"));
    }
    Ok(ExitCode::from(code))
}

#[cfg(all(test, unix))]
mod signal_tests {
    use super::*;

    #[test]
    fn signals_are_named_with_their_meaning() {
        assert_eq!(signal_text(libc::SIGSEGV), "SIGSEGV (segmentation fault)");
        assert_eq!(signal_text(libc::SIGBUS), "SIGBUS (bus error)");
        assert_eq!(signal_text(libc::SIGKILL), "SIGKILL (killed)");
        assert_eq!(signal_text(libc::SIGABRT), "SIGABRT (aborted)");
        assert_eq!(signal_text(libc::SIGTERM), "SIGTERM (terminated)");
        assert_eq!(signal_text(libc::SIGPIPE), "SIGPIPE (broken pipe)");
        assert_eq!(signal_text(1000), "1000");
    }
}
