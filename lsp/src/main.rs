//! The `molt-lsp` binary: the headless command line (`--check`, `--emit=mir`); the language
//! server and `--build` arrive with their issues.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use molt_db::RootDatabase;

/// Compile typed Python to native code and show what the compiler does with each line.
#[derive(Parser, Debug)]
#[command(name = "molt-lsp", version, about)]
struct Cli {
    /// Check PATHs (files or directories): print every error as `file:line:col: error[CODE]:
    /// message`; exit 1 if there is any.
    #[arg(long, num_args = 1.., value_name = "PATH", conflicts_with = "emit")]
    check: Option<Vec<PathBuf>>,

    /// Print an intermediate representation of FILE instead of compiling.
    #[arg(long, value_enum, requires = "file")]
    emit: Option<Emit>,

    /// The Python file for `--emit`.
    file: Option<PathBuf>,
}

/// What `--emit` prints.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Emit {
    /// The optimized MIR of every function.
    Mir,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("molt-lsp: error: {error:#}");
            ExitCode::from(2)
        }
    }
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
        print!("{}", molt_driver::emit_mir(&db, file));
        return Ok(if diagnostics.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    anyhow::bail!("nothing to do: use --check PATH... or --emit=mir FILE (see --help)")
}
