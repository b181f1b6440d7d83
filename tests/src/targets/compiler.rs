//! The compiler's fuzz targets: (a) parse + check, the queries of `molt-lsp --check`, and
//! (b) lowering + optimizer + MIR verifier (+ codegen), the frontend of `--build` and what
//! the server's IR views read. Inputs are bytes from [`source`]: generated programs, mutated
//! real programs, and both combined.

use std::time::Duration;

use arbitrary::{Arbitrary, Unstructured};
use molt_db::{RootDatabase, SourceFile};

use super::python::PythonSource;
use super::{Finding, Target, Verdict, mutate};

/// Source bytes for the compiler targets: a generated program (half the cases), a mutated
/// real program, or a generated program mutated.
pub fn source(u: &mut Unstructured<'_>) -> arbitrary::Result<Vec<u8>> {
    Ok(match u.int_in_range(0..=9u8)? {
        0..=4 => PythonSource::arbitrary(u)?.0.into_bytes(),
        5..=8 => {
            let mut program = mutate::seed_program(u)?;
            mutate::mutate(u, &mut program)?;
            program
        }
        _ => {
            let mut program = PythonSource::arbitrary(u)?.0.into_bytes();
            mutate::mutate(u, &mut program)?;
            program
        }
    })
}

/// Target (a): every diagnostic `--check` reports, computed without a panic, in time, and
/// located inside the file on a character boundary (the server turns it into a position).
pub fn check(source: &Vec<u8>) -> Verdict {
    let db = RootDatabase::default();
    let file = SourceFile::from_bytes(&db, "fuzz.py", source);
    let diagnostics = molt_driver::check_file(&db, file);
    let text = file.text(&db);
    for d in &diagnostics {
        let (start, end) = (
            d.diagnostic.range.start().to_usize(),
            d.diagnostic.range.end().to_usize(),
        );
        if start > end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return Err(Finding::new(
                &format!("diagnostic range off the text: {}", d.diagnostic.code),
                format!(
                    "{d} has range {start}..{end} in a text of {} bytes",
                    text.len()
                ),
            ));
        }
    }
    Ok(
        if diagnostics.iter().any(|d| d.diagnostic.code.blocks_build()) {
            "rejected"
        } else {
            "accepted"
        },
    )
}

/// Target (b), for programs that check without a build-stopping error: the optimized MIR
/// of every function at `O0`, `O1` and `O2` passes the verifier (debug builds also verify
/// after every pass) and prints in a form that reads back to the same text; the remarks and
/// coverage report (`--check --remarks`) is computed; and codegen either compiles the `O2`
/// program or names what it does not support — an internal or Cranelift error is a finding.
pub fn pipeline(source: &Vec<u8>) -> Verdict {
    let db = RootDatabase::default();
    let file = SourceFile::from_bytes(&db, "fuzz.py", source);
    let frontend = match molt_driver::build::build_frontend(&db, file, molt_opt::OptLevel::O2) {
        Ok(frontend) => frontend,
        Err(molt_driver::build::BuildError::Diagnostics(_)) => return Ok("rejected"),
        Err(error) => return Err(Finding::new("build frontend failed", error.to_string())),
    };
    verify_all(&frontend.functions, "O2")?;
    for level in [molt_opt::OptLevel::O0, molt_opt::OptLevel::O1] {
        verify_all(
            &molt_opt::optimize_file_at(&db, file, level),
            &format!("{level:?}"),
        )?;
    }
    let _ = molt_driver::report::file_report(&db, file);
    let options = molt_codegen::CodegenOptions {
        threads: 1,
        ..Default::default()
    };
    let compiled =
        molt_codegen::compile_program_with_debug(&frontend.functions, &frontend.debug, &options);
    // The process-wide code cache would grow with every case of a long run.
    molt_codegen::clear_memory_cache();
    match compiled {
        Ok(_) => Ok("compiled"),
        Err(molt_codegen::CodegenError::Unsupported { .. }) => Ok("unsupported by codegen"),
        Err(error) => {
            let kind = match &error {
                molt_codegen::CodegenError::Cranelift { .. } => "Cranelift rejected the IR",
                molt_codegen::CodegenError::Internal { message, .. } => message.as_str(),
                _ => "codegen failed",
            };
            Err(Finding::new(&format!("codegen: {kind}"), error.to_string()))
        }
    }
}

fn verify_all(
    functions: &[std::sync::Arc<molt_mir::Function>],
    level: &str,
) -> Result<(), Finding> {
    for func in functions {
        if let Err(errors) = molt_mir::verify::verify(func) {
            let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
            return Err(Finding::new(
                &format!("MIR verifier at {level}: {}", errors[0].message),
                format!("{}\n{func}", listed.join("\n")),
            ));
        }
        let printed = func.to_string();
        match molt_mir::parse::parse_function(&printed) {
            Ok(read) if read.to_string() == printed => {}
            Ok(read) => {
                return Err(Finding::new(
                    "MIR text does not read back to itself",
                    format!("printed:\n{printed}\nread back and printed:\n{read}"),
                ));
            }
            Err(error) => {
                return Err(Finding::new(
                    "printed MIR does not parse",
                    format!("{error}\n{printed}"),
                ));
            }
        }
    }
    Ok(())
}

/// Target (a) with the bounds of the `cargo test` run.
pub fn check_target() -> Target<Vec<u8>> {
    Target {
        name: "check",
        cases: 250,
        time_cap: Duration::from_secs(20),
        size_min: 16,
        size_max: 4_096,
        case_timeout: Duration::from_secs(60),
        generate: source,
        check,
    }
}

/// Target (b) with the bounds of the `cargo test` run.
pub fn pipeline_target() -> Target<Vec<u8>> {
    Target {
        name: "pipeline",
        cases: 40,
        time_cap: Duration::from_secs(25),
        size_min: 16,
        size_max: 4_096,
        case_timeout: Duration::from_secs(120),
        generate: source,
        check: pipeline,
    }
}
