//! The wasm32 backend: every corpus program compiles to a relocatable wasm object that a
//! validator accepts, with the linking metadata `wasm-ld` needs (running the linked modules
//! against CPython is `tests/programs` on wasm32).

use std::path::Path;

use molt_db::RootDatabase;
use wasmparser::{Parser, Payload, Validator};

fn wasm_object(src_path: &Path) -> Vec<u8> {
    let db = RootDatabase::default();
    let file = db.load_file(src_path).expect("readable");
    let functions = molt_opt::optimized_file(&db, file);
    let options = molt_codegen::CodegenOptions {
        optimize: true,
        threads: 2,
        target: molt_codegen::Target::Wasm32,
        ..Default::default()
    };
    molt_codegen::compile_program(&functions, &options)
        .unwrap_or_else(|e| panic!("{}: {e}", src_path.display()))
}

#[test]
fn corpus_programs_compile_to_valid_wasm_objects() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/ok");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 40, "the corpus has programs");
    for path in &paths {
        let object = wasm_object(path);
        Validator::new()
            .validate_all(&object)
            .unwrap_or_else(|e| panic!("{}: invalid wasm: {e}", path.display()));
    }
}

/// What `wasm-ld` reads: the imports from `env` (memory, stack pointer, runtime functions),
/// a `linking` section (version 2) and relocations of the code and the data, and `_start`.
#[test]
fn a_wasm_object_has_the_linking_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("probe.py");
    std::fs::write(
        &src,
        "def f(x: int) -> int:\n    return x * 3 + 1\n\nprint(f(13), 'text')\n",
    )
    .expect("write");
    let object = wasm_object(&src);
    let mut imports = Vec::new();
    let mut customs = Vec::new();
    let mut functions = 0;
    for payload in Parser::new(0).parse_all(&object) {
        match payload.expect("parses") {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.expect("import reads");
                    imports.push(format!("{}.{}", import.module, import.name));
                }
            }
            Payload::CustomSection(c) => customs.push(c.name().to_string()),
            Payload::FunctionSection(r) => functions = r.count(),
            _ => {}
        }
    }
    for expected in [
        "env.__linear_memory",
        "env.__stack_pointer",
        "env.molt_binary",
    ] {
        assert!(
            imports.iter().any(|i| i == expected),
            "imports {expected}: {imports:?}"
        );
    }
    assert!(
        imports.iter().all(|i| i.starts_with("env.")),
        "only env imports: {imports:?}"
    );
    assert_eq!(customs, ["linking", "reloc.CODE", "reloc.DATA"]);
    assert!(functions >= 3, "f, <module>, __molt_init, _start");
    let linking = object
        .windows(b"linking".len())
        .position(|w| w == b"linking")
        .expect("linking section");
    assert_eq!(object[linking + 7], 2, "linking section version 2");
    let start = b"_start";
    assert!(
        object.windows(start.len()).any(|w| w == start),
        "_start is a symbol"
    );
}
