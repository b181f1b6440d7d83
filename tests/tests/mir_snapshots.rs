//! MIR snapshot tests over `tests/corpus/ok/`: every program lowers without diagnostics, and
//! its printed MIR matches the snapshot in `tests/tests/snapshots/` (review changes with
//! `cargo insta review`, or accept them with `INSTA_UPDATE=always cargo test`).

use molt_db::RootDatabase;

#[test]
fn corpus_programs_lower_to_expected_mir() {
    insta::glob!("../corpus/ok", "*.py", |path| {
        let db = RootDatabase::default();
        let file = db.load_file(path).expect("corpus file is readable");
        let diagnostics = molt_driver::check_file(&db, file);
        assert!(
            diagnostics.is_empty(),
            "{} should have no diagnostics:\n{}",
            path.display(),
            diagnostics
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
        insta::assert_snapshot!(molt_driver::emit_mir(&db, file));
    });
}
