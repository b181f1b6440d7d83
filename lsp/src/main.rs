//! The `molt-lsp` binary: the language server (no mode flag, or `--stdio`; see `server`) and
//! the headless command line (`--check`, `--emit=mir`, `--build` with
//! `--remarks`/`--coverage`, `--run`).

mod server;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use molt_db::RootDatabase;

/// Compile typed Python to native code and show what the compiler does with each line.
#[derive(Parser, Debug)]
#[command(name = "molt-lsp", version, about)]
struct Cli {
    /// Serve the Language Server Protocol on standard input/output (the default when no
    /// other mode is given).
    #[arg(long, conflicts_with_all = ["check", "emit", "build", "run"])]
    stdio: bool,

    /// Check PATHs (files or directories): print every error as `file:line:col: error[CODE]:
    /// message`; exit 1 if there is any.
    #[arg(long, num_args = 1.., value_name = "PATH", conflicts_with = "emit")]
    check: Option<Vec<PathBuf>>,

    /// Print an intermediate representation of FILE instead of compiling.
    #[arg(long, value_enum, requires = "file")]
    emit: Option<Emit>,

    /// Build FILE into a native executable (default output: target/molt/<stem>).
    #[arg(long, requires = "file", conflicts_with_all = ["emit", "check", "run"])]
    build: bool,

    /// Build FILE and run it, passing ARGS; exits with the program's exit code.
    #[arg(long, requires = "file", conflicts_with_all = ["emit", "check"])]
    run: bool,

    /// MIR optimization level for `--build`, `--run` and `--emit` (0 = no passes).
    #[arg(long = "opt-level", value_name = "N", default_value_t = 2,
          value_parser = clap::value_parser!(u8).range(0..=2))]
    opt_level: u8,

    /// With `--build`: write optimization remarks and lowering coverage in this format.
    #[arg(long, value_enum, value_name = "FORMAT", requires = "build")]
    remarks: Option<RemarksFormat>,

    /// Write the remarks to FILE (atomically) instead of standard output.
    #[arg(long = "remarks-out", value_name = "FILE", requires = "remarks")]
    remarks_out: Option<PathBuf>,

    /// With `--build`: print lowering coverage (score and lane counts per function and per
    /// line, and every dynamic operation with the reason).
    #[arg(long, requires = "build")]
    coverage: bool,

    /// Output path for `--build` / `--run`.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,

    /// Python file for `--emit`, `--build` and `--run`.
    file: Option<PathBuf>,

    /// Arguments passed to the program by `--run` (after `--`).
    #[arg(last = true)]
    args: Vec<String>,
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

/// What `--emit` prints.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Emit {
    /// The optimized MIR of every function.
    Mir,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let no_mode = cli.check.is_none() && cli.emit.is_none() && !cli.build && !cli.run;
    if cli.stdio || (no_mode && cli.file.is_none()) {
        return server::run_stdio();
    }
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("molt-lsp: error: {error:#}");
            ExitCode::from(2)
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

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let db = RootDatabase::default();
    if let Some(paths) = cli.check {
        let files = molt_driver::collect_python_files(&paths)?;
        let mut errors = 0usize;
        for path in &files {
            let file = molt_driver::load(&db, path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            for d in molt_driver::check_file(&db, file) {
                println!("{d}");
                errors += 1;
            }
        }
        let s = if files.len() == 1 { "" } else { "s" };
        if errors > 0 {
            eprintln!(
                "found {errors} error{} in {} file{s}",
                if errors == 1 { "" } else { "s" },
                files.len()
            );
            return Ok(ExitCode::from(1));
        }
        eprintln!("checked {} file{s}: no errors", files.len());
        return Ok(ExitCode::SUCCESS);
    }
    if let (Some(Emit::Mir), Some(path)) = (cli.emit, &cli.file) {
        let file =
            molt_driver::load(&db, path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let diagnostics = molt_driver::check_file(&db, file);
        for d in &diagnostics {
            eprintln!("{d}");
        }
        print!("{}", molt_driver::emit_mir_at(&db, file, opt_level(&cli)));
        return Ok(if diagnostics.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    if let (true, Some(path)) = (cli.build || cli.run, &cli.file) {
        let file =
            molt_driver::load(&db, path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let output = cli
            .output
            .clone()
            .unwrap_or_else(|| molt_driver::build::default_output(path));
        let options = molt_driver::build::BuildOptions {
            output,
            optimize: true,
        };
        let report = match molt_driver::build::build_at(&db, file, &options, opt_level(&cli)) {
            Ok(report) => {
                for d in &report.diagnostics {
                    eprintln!("{d} (compiled to raise at run time)");
                }
                report
            }
            Err(error) => {
                eprintln!("{error}");
                return Ok(ExitCode::from(1));
            }
        };
        if cli.build {
            if cli.remarks.is_some() || cli.coverage {
                let analysis = molt_driver::report::file_report(&db, file);
                if let Some(format) = cli.remarks {
                    let text = match format {
                        RemarksFormat::Json => molt_remarks::to_json(&analysis) + "\n",
                        RemarksFormat::Sarif => molt_remarks::to_sarif_string(&analysis) + "\n",
                        RemarksFormat::Text => molt_remarks::to_text(&analysis),
                    };
                    match &cli.remarks_out {
                        Some(out) => write_atomically(out, text.as_bytes())
                            .map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?,
                        None => print!("{text}"),
                    }
                }
                if cli.coverage {
                    print!("{}", molt_remarks::coverage_text(&analysis));
                }
            }
            eprintln!(
                "built {} (frontend {} ms, codegen {} ms, link {} ms)",
                report.output.display(),
                report.frontend.as_millis(),
                report.codegen.as_millis(),
                report.link.as_millis()
            );
            return Ok(ExitCode::SUCCESS);
        }
        let program = if report.output.is_absolute() || report.output.components().count() > 1 {
            report.output.clone()
        } else {
            PathBuf::from(".").join(&report.output)
        };
        let status = std::process::Command::new(&program)
            .args(&cli.args)
            .status()
            .map_err(|e| anyhow::anyhow!("cannot run {}: {e}", program.display()))?;
        return Ok(match status.code() {
            Some(code) => ExitCode::from(code.clamp(0, 255) as u8),
            None => ExitCode::from(1),
        });
    }
    anyhow::bail!(
        "nothing to do: use --check PATH..., --emit=mir FILE, --build FILE or --run FILE, \
         or no arguments (or --stdio) for the language server (see --help)"
    )
}
