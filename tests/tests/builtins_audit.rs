//! The builtins audit: every name of CPython 3.11's `builtins` module is either provided by
//! the runtime, with the same type as in CPython, or rejected at compile time with an
//! `unsupported-builtin` diagnostic. A program that uses a builtin we lack must never compile
//! to a run-time `NameError` that CPython would not raise.

use std::process::Command;

use molt_db::RootDatabase;
use molt_semantic::builtins::{BUILTINS, MODULE_GLOBALS, UNSUPPORTED_BUILTINS, is_builtin};
use molt_semantic::{DiagnosticCode, builtins};

/// `dir(builtins)` of the reference interpreter.
fn cpython_builtins() -> Vec<String> {
    let out = Command::new(molt_tests::python())
        .args(["-c", "import builtins; print('\\n'.join(dir(builtins)))"])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "python3 failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_cpython_builtin_is_provided_or_diagnosed() {
    let mut unclassified = Vec::new();
    for name in cpython_builtins() {
        let known = is_builtin(&name)
            || builtins::unsupported_builtin(&name).is_some()
            || MODULE_GLOBALS.contains(&name.as_str());
        if !known {
            unclassified.push(name);
        }
    }
    assert!(
        unclassified.is_empty(),
        "names of CPython's builtins that are neither in BUILTINS nor in UNSUPPORTED_BUILTINS: {unclassified:?}"
    );
    // And the other way round: we claim nothing CPython does not have.
    let cpython = cpython_builtins();
    let extra: Vec<&str> = BUILTINS
        .iter()
        .chain(UNSUPPORTED_BUILTINS.iter().map(|(n, _)| n))
        .copied()
        .filter(|n| !cpython.iter().any(|c| c == n))
        .collect();
    assert!(extra.is_empty(), "not builtins in CPython 3.11: {extra:?}");
}

/// A program that prints, for every provided builtin, its type's name (and, for classes, the
/// names along the MRO), so that a missing or mistyped builtin shows up as a difference.
fn audit_program() -> String {
    let mut src = String::new();
    for name in BUILTINS {
        // `exit`/`quit` are `site` helpers of type `Quitter` in CPython; only their
        // presence is checked.
        if matches!(*name, "exit" | "quit") {
            src.push_str(&format!("print({name:?}, callable({name}))\n"));
            continue;
        }
        src.push_str(&format!("print({name:?}, type({name}).__name__)\n"));
        src.push_str(&format!(
            "if isinstance({name}, type): print('  mro', [c.__name__ for c in {name}.__mro__])\n"
        ));
    }
    src
}

#[test]
fn every_provided_builtin_exists_with_cpythons_type() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("audit.py");
    std::fs::write(&path, audit_program()).expect("write program");
    let expected = Command::new(molt_tests::python())
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        expected.status.success(),
        "CPython fails on the audit program"
    );

    let db = RootDatabase::default();
    let file = db.load_file(&path).expect("load");
    let exe = dir.path().join("audit");
    let options = molt_driver::build::BuildOptions {
        target: Default::default(),
        output: exe.clone(),
        optimize: true,
        code_cache: Default::default(),
    };
    molt_driver::build::build(&db, file, &options).expect("the audit program builds");
    let actual = Command::new(&exe).output().expect("the audit program runs");
    let expected = String::from_utf8_lossy(&expected.stdout).into_owned();
    let actual_out = String::from_utf8_lossy(&actual.stdout).into_owned();
    let diffs: Vec<String> = expected
        .lines()
        .zip(actual_out.lines().chain(std::iter::repeat("<missing>")))
        .filter(|(e, a)| e != a)
        .map(|(e, a)| format!("cpython: {e}\n   molt: {a}"))
        .collect();
    assert!(
        diffs.is_empty() && actual.status.success(),
        "builtins differ from CPython (exit {:?}, stderr {}):\n{}",
        actual.status.code(),
        String::from_utf8_lossy(&actual.stderr),
        diffs.join("\n")
    );
}

#[test]
fn every_unsupported_builtin_is_a_compile_time_error() {
    let db = RootDatabase::default();
    let mut missing = Vec::new();
    for (name, _) in UNSUPPORTED_BUILTINS {
        // In a function, at module level and in a class body.
        let src = format!("def f():\n    return {name}\nx = {name}\nclass C:\n    y = {name}\n");
        let file =
            molt_db::SourceFile::from_bytes(&db, format!("/audit/{name}.py"), src.as_bytes());
        let diagnostics = molt_lower::file_diagnostics(&db, file);
        let found = diagnostics
            .iter()
            .filter(|d| d.code == DiagnosticCode::UnsupportedBuiltin && d.code.blocks_build())
            .count();
        if found != 3 {
            missing.push(format!(
                "{name}: {found} of 3 uses diagnosed ({diagnostics:?})"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn a_global_or_class_binding_shadows_an_unsupported_builtin() {
    let db = RootDatabase::default();
    let src = "def open(p):\n    return p\nprint(open('x'))\nclass C:\n    breakpoint = 1\n    y = breakpoint\n";
    let file = molt_db::SourceFile::from_bytes(&db, "/audit/shadow.py", src.as_bytes());
    let diagnostics = molt_lower::file_diagnostics(&db, file);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

/// `runtime/src/cpython_attrs.rs` (the attribute names of CPython's builtin types and modules,
/// which make a missing attribute a `molt:` error instead of an `AttributeError`) is what its
/// generator writes from the reference interpreter.
#[test]
fn the_cpython_attribute_tables_are_up_to_date() {
    let root = molt_tests::repo_root();
    let out = Command::new(molt_tests::python())
        .arg(root.join("runtime/tools/gen_cpython_attrs.py"))
        .output()
        .expect("python3 runs the generator");
    assert!(out.status.success(), "the generator failed");
    let committed =
        std::fs::read_to_string(root.join("runtime/src/cpython_attrs.rs")).expect("read tables");
    assert!(
        committed == String::from_utf8_lossy(&out.stdout),
        "runtime/src/cpython_attrs.rs is out of date: run `python3 runtime/tools/gen_cpython_attrs.py > runtime/src/cpython_attrs.rs`"
    );
}

/// `runtime/src/unicode_db.rs` (the character properties and case mappings of the str
/// methods) is what its generator writes from the reference interpreter's Unicode database.
#[test]
fn the_unicode_tables_are_up_to_date() {
    let root = molt_tests::repo_root();
    let out = Command::new(molt_tests::python())
        .arg(root.join("runtime/tools/gen_unicode_db.py"))
        .output()
        .expect("python3 runs the generator");
    assert!(out.status.success(), "the generator failed");
    let committed =
        std::fs::read_to_string(root.join("runtime/src/unicode_db.rs")).expect("read tables");
    assert!(
        committed == String::from_utf8_lossy(&out.stdout),
        "runtime/src/unicode_db.rs is out of date: run `python3 runtime/tools/gen_unicode_db.py > runtime/src/unicode_db.rs`"
    );
}
