//! Diagnostics over the corpus: every `# error: KIND` marker in `tests/corpus/errors/` and
//! every `# unsupported: CONSTRUCT` marker in `tests/corpus/unsupported/` gets exactly the
//! diagnostic it announces on its line, and nothing else is reported.

use molt_db::RootDatabase;
use molt_semantic::DiagnosticCode;

/// `(line, code, construct)` expected for a marked file.
fn markers(text: &str) -> Vec<(u32, DiagnosticCode, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i as u32 + 1;
        if let Some((_, kind)) = line.rsplit_once("# error: ") {
            let code = match kind.trim() {
                "syntax" => DiagnosticCode::SyntaxError,
                "undefined-name" => DiagnosticCode::UndefinedName,
                "arg-count" => DiagnosticCode::ArgCount,
                "unsupported-builtin" => DiagnosticCode::UnsupportedBuiltin,
                "unresolved-import" => DiagnosticCode::UnresolvedImport,
                "invalid-syntax" => DiagnosticCode::InvalidSyntax,
                "exit-finalization-order" => DiagnosticCode::ExitFinalizationOrder,
                other => panic!("unknown marker kind {other:?}"),
            };
            out.push((line_no, code, String::new()));
        } else if let Some((_, construct)) = line.rsplit_once("# unsupported: ") {
            out.push((
                line_no,
                DiagnosticCode::UnsupportedSyntax,
                construct.trim().to_owned(),
            ));
        }
    }
    out
}

fn check_folder(folder: &str) {
    let files = molt_tests::corpus_files(folder);
    assert!(files.len() >= 8, "corpus folder {folder} is missing files");
    for path in files {
        let db = RootDatabase::default();
        let file = db.load_file(&path).expect("corpus file is readable");
        let text = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
        let expected = markers(&text);
        assert!(!expected.is_empty(), "{} has no markers", path.display());
        let diagnostics = molt_driver::check_file(&db, file);
        let shown = diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        // Every marker is matched by a diagnostic on its line with its code (and naming the
        // construct, for unsupported syntax).
        for (line, code, construct) in &expected {
            let found = diagnostics.iter().any(|d| {
                d.line == *line
                    && d.diagnostic.code == *code
                    && (construct.is_empty() || d.diagnostic.message.contains(construct.as_str()))
            });
            assert!(
                found,
                "{}:{line}: expected {code} {construct}, got:\n{shown}",
                path.display()
            );
        }
        // Every diagnostic is announced by a marker on its line (a syntax error may be
        // reported more than once on one line: recovery resumes mid-line).
        for d in &diagnostics {
            let announced = expected
                .iter()
                .any(|(line, code, _)| *line == d.line && *code == d.diagnostic.code);
            assert!(
                announced,
                "{}: unexpected diagnostic {d}\nall:\n{shown}",
                path.display()
            );
        }
        // Unsupported constructs: exactly one diagnostic per marked line.
        if folder == "unsupported" {
            for (line, _, _) in &expected {
                let n = diagnostics.iter().filter(|d| d.line == *line).count();
                assert_eq!(
                    n,
                    1,
                    "{}:{line}: expected one diagnostic, got:\n{shown}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn error_markers_match_diagnostics() {
    check_folder("errors");
}

#[test]
fn unsupported_constructs_are_named() {
    check_folder("unsupported");
}

#[test]
fn every_syntax_error_is_reported_not_only_the_first() {
    let db = RootDatabase::default();
    let file = molt_db::SourceFile::new(
        &db,
        "m.py".into(),
        "x = (1 +\ny = ]\ndef f(:\n    pass\nz = 2 +\n".into(),
        None,
    );
    let lines: Vec<u32> = molt_driver::check_file(&db, file)
        .iter()
        .filter(|d| d.diagnostic.code == DiagnosticCode::SyntaxError)
        .map(|d| d.line)
        .collect();
    assert!(lines.len() >= 3, "{lines:?}");
    assert!(
        lines.contains(&5),
        "recovery reaches the last line: {lines:?}"
    );
}

#[test]
fn non_utf8_bytes_are_an_error_with_a_location() {
    let db = RootDatabase::default();
    let file = molt_db::SourceFile::from_bytes(&db, "bad.py", b"x = 1\ny = '\xff\xfe'\nprint(x)\n");
    let diagnostics = molt_driver::check_file(&db, file);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(
        diagnostics[0].diagnostic.code,
        DiagnosticCode::InvalidEncoding
    );
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (2, 6));
}

/// `:=` in comprehensions, inlined or compiled as functions of their own (a lambda inside,
/// or a nest eight levels deep), binds where CPython binds it: these programs check without
/// a diagnostic (before, a name bound that way at module level, or from a comprehension
/// compiled as a function, was a false `undefined-name` error).
#[test]
fn walrus_in_comprehensions_binds_in_the_enclosing_scope() {
    for name in [
        "comp_walrus_scopes.py",
        "comp_walrus_closures.py",
        "comp_nested_deep.py",
    ] {
        let path = molt_tests::repo_root().join("tests/programs").join(name);
        let db = RootDatabase::default();
        let file = db.load_file(&path).expect("program is readable");
        let shown: Vec<String> = molt_driver::check_file(&db, file)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert!(shown.is_empty(), "{name}: {shown:#?}");
    }
}
