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

/// Every corpus function verifies, and its text form round-trips through the reader.
#[test]
fn corpus_mir_verifies_and_round_trips() {
    for path in molt_tests::corpus_files("ok") {
        let db = RootDatabase::default();
        let file = db.load_file(&path).expect("corpus file is readable");
        for func in molt_opt::optimized_file(&db, file) {
            if let Err(errors) = molt_mir::verify::verify(&func) {
                panic!(
                    "{}: {} does not verify: {errors:?}\n{func}",
                    path.display(),
                    func.name
                );
            }
            let text = func.to_string();
            let mut reread = molt_mir::parse::parse_function(&text)
                .unwrap_or_else(|e| panic!("{}: {}: {e}\n{text}", path.display(), func.name));
            assert_eq!(
                reread.to_string(),
                text,
                "{}: {}",
                path.display(),
                func.name
            );
            // `next_site` is a counter with no text form (sites of removed instructions stay used);
            // the traceback facts and the optimizer's notes have no text form either.
            reread.next_site = func.next_site;
            reread.varnames = func.varnames.clone();
            reread.inlined_frames = func.inlined_frames.clone();
            reread.inlined_sites = func.inlined_sites.clone();
            reread.assumed_builtins = func.assumed_builtins.clone();
            reread.callee_notes = func.callee_notes.clone();
            assert_eq!(
                &reread,
                &*func,
                "{}: {} reads back to the same function",
                path.display(),
                func.name
            );
        }
    }
}
