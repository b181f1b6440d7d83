//! The compiler's fuzz targets (`molt_tests::targets`, `tests/fuzz/README.md`, "Robustness
//! fuzz targets"): a bounded, seeded run of each, and one regression test per crash they
//! found, with the minimized input.

use molt_tests::targets::python::PythonSource;
use std::time::Duration;

use molt_tests::targets::{compiler, fuzz, run_case};

/// Target (a): parse + check never panics, overflows or hangs, and locates every
/// diagnostic inside the file.
#[test]
fn fuzz_check() {
    fuzz(&compiler::check_target());
}

/// Target (b): lowering, the optimizer at every level, the MIR verifier and codegen.
#[test]
fn fuzz_pipeline() {
    fuzz(&compiler::pipeline_target());
}

/// Both compiler properties hold for `source`, run as the targets run it (on a thread with
/// the analysis stack, panics caught).
#[track_caller]
fn assert_holds(source: &str) {
    for (name, check) in [
        ("check", compiler::check as fn(&Vec<u8>) -> _),
        ("pipeline", compiler::pipeline),
    ] {
        let verdict = run_case(check, source.as_bytes().to_vec(), Duration::from_secs(120));
        assert!(verdict.is_ok(), "target {name}: {verdict:?}\n{source}");
    }
}

// Regression tests: one per crash the targets found, with the minimized input.

/// A variable read after a loop that only its own back edge enters (dead code after
/// `return`): SSA construction followed the loop's single predecessors around the cycle
/// forever and overflowed the stack (found by `fuzz_check`, 1.6 KB generated program).
#[test]
fn a_read_after_an_unreachable_loop() {
    assert_holds(
        "def f():\n    g = 1\n    return\n    while 1:\n        pass\n    h = lambda: g\n",
    );
    assert_holds(
        "def f():\n    g = 1\n    return\n    while 1:\n        pass\n    [g for i in ()]\n",
    );
    assert_holds(
        "try:\n        with{}as g:\n            return \n            while(1):[(n[1])]\n        \
         for y in ({g for i in (())}):h\nexcept :\n    try:from h import t\n    except :n",
    );
}

/// A `continue` in a `finally` body whose `try` is left by `return` from inside a `with`:
/// lowering emitted the finally body with its own frame still active, so the `continue`
/// emitted the body again, and a `with` in the body made that recurse until the stack
/// overflowed (found by a long run of `fuzz_check`, 7 KB generated program). In programs
/// without the inner `with` the body ran twice: `tests/programs/fuzz_finally_jump_after_with.py`.
#[test]
fn a_jump_in_a_finally_body_left_through_a_with() {
    assert_holds(
        "for n in range(3):\n    try:\n        with n[7] as c:\n            return h\n    finally:\n        \
         with (-1, C, E,) as n:\n            try:\n                    del x\n            except IndexError:\n                \
         continue\n",
    );
    assert_holds(
        "def f():\n    for i in range(2):\n        try:\n            with g():\n                return i\n        \
         finally:\n            with g():\n                continue\n",
    );
}

/// Prints the inputs of the bounded run's cases `MOLT_FUZZ_CASE` (default 0..5) of target
/// (a), to read what the generator makes:
/// `MOLT_FUZZ_CASE=40 cargo test -p molt_tests --test fuzz_targets -- --ignored --nocapture print_inputs`.
#[test]
#[ignore = "prints generated inputs; run by hand"]
fn print_inputs() {
    let target = compiler::check_target();
    let cases: Vec<u32> = match std::env::var("MOLT_FUZZ_CASE")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        Some(case) => vec![case],
        None => (0..5).collect(),
    };
    for case in cases {
        let seed = molt_tests::targets::bounded_seed(&target, case);
        let bytes = molt_tests::targets::seed_bytes(seed);
        let input = (target.generate)(&mut arbitrary::Unstructured::new(&bytes));
        println!("==== case {case}, ARBTEST_SEED={seed:#018x}");
        match input {
            Ok(input) => println!("{}", String::from_utf8_lossy(&input)),
            Err(error) => println!("(no input: {error})"),
        }
    }
}

/// Tallies why target (a)'s inputs are rejected (the first build-stopping diagnostic of
/// each, by code and the start of its message), to tune the generator towards inputs
/// that reach lowering: `cargo test -p molt_tests --test fuzz_targets -- --ignored
/// --nocapture rejection_reasons`.
#[test]
#[ignore = "a report for tuning the generator; run by hand"]
fn rejection_reasons() {
    std::thread::Builder::new()
        .stack_size(molt_tests::targets::ANALYSIS_STACK)
        .spawn(tally_rejections)
        .expect("a thread")
        .join()
        .expect("no panic");
}

fn tally_rejections() {
    let target = compiler::check_target();
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    for case in 0..target.cases {
        let bytes =
            molt_tests::targets::seed_bytes(molt_tests::targets::bounded_seed(&target, case));
        let mut u = arbitrary::Unstructured::new(&bytes);
        // MOLT_FUZZ_GENERATED=1: only the grammar's programs, no mutations.
        let input = if std::env::var_os("MOLT_FUZZ_GENERATED").is_some() {
            <PythonSource as arbitrary::Arbitrary>::arbitrary(&mut u).map(|p| p.0.into_bytes())
        } else {
            (target.generate)(&mut u)
        };
        let Ok(input) = input else {
            continue;
        };
        let _ = std::fs::write(
            molt_tests::targets::last_input_path("rejection-reasons", "py"),
            &input,
        );
        let db = molt_db::RootDatabase::default();
        let file = molt_db::SourceFile::from_bytes(&db, "fuzz.py", &input);
        let diagnostics = molt_driver::check_file(&db, file);
        let reason = diagnostics
            .iter()
            .find(|d| d.diagnostic.code.blocks_build())
            .map_or("accepted".to_owned(), |d| {
                let message = &d.diagnostic.message;
                let cut = message
                    .char_indices()
                    .nth(70)
                    .map_or(message.len(), |(i, _)| i);
                format!("{}: {}", d.diagnostic.code, &message[..cut])
            });
        // MOLT_FUZZ_SHOW=PREFIX: print the inputs rejected for a reason starting so.
        if let Ok(prefix) = std::env::var("MOLT_FUZZ_SHOW")
            && reason.starts_with(&prefix)
        {
            println!(
                "---- case {case}: {reason}\n{}",
                String::from_utf8_lossy(&input)
            );
        }
        *reasons.entry(reason).or_default() += 1;
    }
    let mut sorted: Vec<_> = reasons.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1));
    for (reason, count) in sorted {
        println!("{count:5} {reason}");
    }
}
