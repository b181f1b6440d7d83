//! The code cache, in its own test binary (its counters are process-wide).

use molt_db::RootDatabase;

/// A function's machine code is cached by its MIR: compiling a program again (as the
/// language server does on every save) recompiles nothing that did not change.
#[test]
fn unchanged_functions_are_served_from_the_cache() {
    let src = "def f(x):\n    return x * 2\n\ndef g(y):\n    return f(y) + 1\n\nprint(g(20))\n";
    let db = RootDatabase::default();
    let file = molt_db::SourceFile::new(&db, "cache_probe.py".into(), src.into(), None);
    let functions = molt_opt::optimized_file(&db, file);
    let options = molt_codegen::CodegenOptions {
        optimize: true,
        threads: 1,
        ..Default::default()
    };
    let first = molt_codegen::compile_program(&functions, &options).expect("compiles");
    let (compiled_before, cached_before) = molt_codegen::cache_stats();
    let second = molt_codegen::compile_program(&functions, &options).expect("compiles again");
    let (compiled_after, cached_after) = molt_codegen::cache_stats();
    assert_eq!(compiled_after, compiled_before, "nothing is recompiled");
    assert!(
        cached_after >= cached_before + functions.len(),
        "every function came from the cache"
    );
    assert_eq!(first, second, "and the object file is identical");
}
