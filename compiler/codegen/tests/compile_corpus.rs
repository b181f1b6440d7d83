//! Every corpus program that the native backend supports compiles to an object file that
//! Cranelift's verifier accepts (linking and running are tested in `tests/programs`).

use std::path::Path;

use molt_db::RootDatabase;

#[test]
fn corpus_programs_compile_to_objects() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/ok");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut compiled = 0;
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
    {
        let db = RootDatabase::default();
        let file = db.load_file(path).expect("readable");
        let functions = molt_opt::optimized_file(&db, file);
        let options = molt_codegen::CodegenOptions {
            optimize: true,
            threads: 2,
            ..Default::default()
        };
        match molt_codegen::compile_program(&functions, &options) {
            Ok(object) => {
                assert!(object.len() > 100, "{}", path.display());
                compiled += 1;
            }
            Err(e @ molt_codegen::CodegenError::Unsupported { .. }) => {
                eprintln!("{}: {e}", path.display())
            }
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
    assert!(compiled >= 40, "only {compiled} programs compiled");
}
