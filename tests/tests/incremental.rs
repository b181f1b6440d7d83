//! Incrementality: editing one function body re-runs only that function's lowering, and
//! editing comments or whitespace between functions re-runs no lowering at all. Proven by
//! reading salsa's `WillExecute` event log, as salsa's `calc` example does.

use molt_db::{RootDatabase, SourceFile};
use molt_semantic::module_items;
use salsa::Setter;

const FUNCTIONS: usize = 50;

fn module(edited: Option<usize>, comment: &str) -> String {
    let mut src = String::from("# generated test module\n");
    for i in 0..FUNCTIONS {
        let body = if edited == Some(i) {
            format!("x * {i} + 1")
        } else {
            format!("x + {i}")
        };
        src.push_str(&format!(
            "def f{i}(x: int) -> int:\n    y = {body}\n    return y\n{comment}\n"
        ));
    }
    src.push_str("print(f0(1))\n");
    src
}

/// Runs every query the CLI and the server need, then returns the executed queries with
/// item ids replaced by item names, sorted.
fn run_all(db: &RootDatabase, file: SourceFile) -> Vec<String> {
    let _ = molt_driver::check_file(db, file);
    let _ = molt_driver::emit_mir(db, file);
    let names: Vec<(String, String)> = module_items(db, file)
        .functions
        .iter()
        .map(|item| {
            (
                format!("{:?})", salsa::plumbing::AsId::as_id(item)),
                format!("{})", item.qualname(db)),
            )
        })
        .collect();
    let mut events: Vec<String> = db
        .take_events()
        .into_iter()
        .map(|e| {
            let mut e = e;
            for (id, name) in &names {
                e = e.replace(id.as_str(), name.as_str());
            }
            e
        })
        .collect();
    events.sort();
    events
}

fn setup() -> (RootDatabase, SourceFile) {
    let (db, _log) = RootDatabase::with_event_log();
    let file = SourceFile::new(&db, "m.py".into(), module(None, ""), None);
    let first = run_all(&db, file);
    assert!(
        first
            .iter()
            .filter(|e| e.starts_with("function_mir("))
            .count()
            == FUNCTIONS,
        "{first:#?}"
    );
    (db, file)
}

/// Queries that read the whole file re-run after any edit; they are cheap and position-aware.
const PER_FILE: &[&str] = &[
    "file_diagnostics(Id(0))",
    "file_imports(Id(0))",
    "line_index(Id(0))",
    "module_index(Id(0))",
    "module_items(Id(0))",
    "module_skeleton(Id(0))",
    "parse(Id(0))",
    "skeleton_map(Id(0))",
    "skeleton_parts(Id(0))",
    "stdlib_name_uses(Id(0))",
];

#[test]
fn editing_one_body_relowers_only_that_function() {
    let (mut db, file) = setup();
    file.set_text(&mut db).to(module(Some(17), ""));
    let events = run_all(&db, file);
    let mut expected: Vec<String> = PER_FILE.iter().map(|s| s.to_string()).collect();
    expected.push("function_mir(f17)".into());
    expected.push("optimized_function_mir(f17)".into());
    // The MIR inlining copies from (the edited function's own, before inlining).
    expected.push("pre_inline_function_mir(f17)".into());
    expected.sort();
    assert_eq!(events, expected);
}

#[test]
fn editing_comments_and_whitespace_between_functions_relowers_nothing() {
    let (mut db, file) = setup();
    file.set_text(&mut db)
        .to(module(None, "# a comment between functions\n\n"));
    let events = run_all(&db, file);
    let expected: Vec<String> = PER_FILE.iter().map(|s| s.to_string()).collect();
    assert_eq!(events, expected);
    assert!(
        !events.iter().any(|e| e.contains("mir")),
        "no lowering may re-run: {events:#?}"
    );
}

#[test]
fn positions_follow_the_edit_without_relowering() {
    let (mut db, file) = setup();
    // Insert lines at the top: every item moves, none is re-lowered, and diagnostics
    // (computed from item offsets) land on the new lines.
    let src = module(None, "").replace("print(f0(1))", "print(f0(undefined_name))");
    file.set_text(&mut db).to(src.clone());
    let _ = run_all(&db, file);
    file.set_text(&mut db).to(format!("\n\n\n{src}"));
    let events = run_all(&db, file);
    assert!(
        !events.iter().any(|e| e.starts_with("function_mir(")),
        "{events:#?}"
    );
    let diagnostics = molt_driver::check_file(&db, file);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].line, 3 + 1 + FUNCTIONS as u32 * 4 + 1);
}

#[test]
fn changing_a_signature_relowers_its_callers_too() {
    let (mut db, file) = setup();
    // The module index (signatures) changed: every item reads it, so every item re-runs; a
    // finer-grained index is future work.
    file.set_text(&mut db)
        .to(module(None, "").replace("def f3(x: int)", "def f3(x: int, z=1)"));
    let events = run_all(&db, file);
    assert_eq!(
        events
            .iter()
            .filter(|e| e.starts_with("function_mir("))
            .count(),
        FUNCTIONS
    );
    assert!(events.iter().any(|e| e == "module_mir(Id(0))"));
}

/// Two modules: `main.py` imports `helper.py`. Editing a function body in `helper` re-lowers
/// only that function; nothing of `main` is lowered again, and the module graph (which reads
/// each file's imports, compared by value) is not recomputed.
#[test]
fn editing_a_body_in_an_imported_module_relowers_nothing_of_its_importer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let helper_src = |body: &str| {
        format!(
            "def double(x: int) -> int:\n    return {body}\n\n\ndef triple(x):\n    return 3 * x\n"
        )
    };
    std::fs::write(
        dir.path().join("main.py"),
        "import helper\n\n\ndef use(n: int) -> int:\n    return helper.double(n) + 1\n\n\nprint(use(2), helper.triple(1))\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("helper.py"), helper_src("2 * x")).expect("write");
    let (mut db, _log) = RootDatabase::with_event_log();
    let main = db.load_file(&dir.path().join("main.py")).expect("load");
    let program = molt_driver::program(&db, main, &[]);
    let graph = molt_semantic::modules::module_graph(&db, program);
    assert_eq!(graph.modules.len(), 2);
    let helper = graph.modules[1].file().expect("helper is a file");
    let run = |db: &RootDatabase| {
        let program = molt_driver::program(db, main, &[]);
        let diagnostics = molt_driver::check_program(db, program);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        for file in [main, helper] {
            let _ = molt_driver::emit_mir(db, file);
        }
        let mut names: Vec<(String, String)> = Vec::new();
        for file in [main, helper] {
            for item in &module_items(db, file).functions {
                names.push((
                    format!("{:?})", salsa::plumbing::AsId::as_id(item)),
                    format!("{})", item.qualname(db)),
                ));
            }
        }
        let mut events: Vec<String> = db
            .take_events()
            .into_iter()
            .map(|mut e| {
                for (id, name) in &names {
                    e = e.replace(id.as_str(), name.as_str());
                }
                e
            })
            .collect();
        events.sort();
        events
    };
    let first = run(&db);
    assert!(first.iter().any(|e| e == "function_mir(use)"), "{first:#?}");
    helper.set_text(&mut db).to(helper_src("x + x"));
    let events = run(&db);
    let lowered: Vec<&String> = events.iter().filter(|e| e.contains("mir(")).collect();
    assert_eq!(
        lowered,
        [
            "function_mir(double)",
            "optimized_function_mir(double)",
            "pre_inline_function_mir(double)"
        ],
        "{events:#?}"
    );
    assert!(
        !events.iter().any(|e| e.starts_with("module_graph(")),
        "{events:#?}"
    );
}

/// `from helper import *`: the importer's name checks read `helper`'s exports (its
/// position-free index), so editing a function body of `helper` re-lowers only that function
/// and re-checks nothing of `main` (neither its star-import names nor their diagnostics),
/// while adding a function to `helper` does re-check them.
#[test]
fn editing_a_body_in_a_star_imported_module_rechecks_nothing_of_its_importer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let helper_src = |body: &str, extra: &str| {
        format!(
            "def double(x: int) -> int:\n    return {body}\n\n\ndef triple(x):\n    return 3 * x\n{extra}"
        )
    };
    std::fs::write(
        dir.path().join("main.py"),
        "from helper import *\n\n\ndef use(n: int) -> int:\n    return double(n) + 1\n\n\nprint(use(2), triple(1))\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("helper.py"), helper_src("2 * x", "")).expect("write");
    let (mut db, _log) = RootDatabase::with_event_log();
    let main = db.load_file(&dir.path().join("main.py")).expect("load");
    let program = molt_driver::program(&db, main, &[]);
    let graph = molt_semantic::modules::module_graph(&db, program);
    let helper = graph.modules[1].file().expect("helper is a file");
    let run = |db: &RootDatabase| {
        let program = molt_driver::program(db, main, &[]);
        let diagnostics = molt_driver::check_program(db, program);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        for file in [main, helper] {
            let _ = molt_driver::emit_mir(db, file);
        }
        let mut names: Vec<(String, String)> = Vec::new();
        for file in [main, helper] {
            for item in &module_items(db, file).functions {
                names.push((
                    format!("{:?})", salsa::plumbing::AsId::as_id(item)),
                    format!("{})", item.qualname(db)),
                ));
            }
        }
        let mut events: Vec<String> = db
            .take_events()
            .into_iter()
            .map(|mut e| {
                for (id, name) in &names {
                    e = e.replace(id.as_str(), name.as_str());
                }
                e
            })
            .collect();
        events.sort();
        events
    };
    let first = run(&db);
    for query in [
        "star_names(",
        "star_import_diagnostics(",
        "function_mir(use)",
    ] {
        assert!(
            first.iter().any(|e| e.starts_with(query)),
            "{query}: {first:#?}"
        );
    }
    helper.set_text(&mut db).to(helper_src("x + x", ""));
    let events = run(&db);
    let lowered: Vec<&String> = events.iter().filter(|e| e.contains("mir(")).collect();
    assert_eq!(
        lowered,
        [
            "function_mir(double)",
            "optimized_function_mir(double)",
            "pre_inline_function_mir(double)"
        ],
        "{events:#?}"
    );
    for query in [
        "star_names(",
        "star_import_diagnostics(",
        "star_conditions(",
    ] {
        assert!(
            !events.iter().any(|e| e.starts_with(query)),
            "{query}: {events:#?}"
        );
    }
    // A new export is seen by the importer's checks.
    helper.set_text(&mut db).to(helper_src(
        "x + x",
        "\n\ndef quadruple(x):\n    return 4 * x\n",
    ));
    let events = run(&db);
    assert!(
        events.iter().any(|e| e.starts_with("star_names(")),
        "{events:#?}"
    );
}

/// The standard modules molt ships in Python (`stdlib/`) are inputs of high durability that
/// never change: after an edit of the program, no query over them runs again (not even the
/// cheap per-file ones that re-run for every edited file), and only the edited function is
/// lowered again.
#[test]
fn editing_a_program_rechecks_nothing_of_the_standard_modules_it_imports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let main_src = |body: &str| {
        format!(
            "import functools\nfrom itertools import chain\n\n\ndef use(n: int) -> int:\n    return {body}\n\n\nprint(use(2), list(chain([1], [2])))\n"
        )
    };
    std::fs::write(
        dir.path().join("main.py"),
        main_src("functools.reduce(max, [n, 1])"),
    )
    .expect("write");
    let (mut db, _log) = RootDatabase::with_event_log();
    let main = db.load_file(&dir.path().join("main.py")).expect("load");
    let build = |db: &RootDatabase| {
        let program = molt_driver::program(db, main, &[]);
        molt_driver::build::build_program_frontend(db, program, molt_opt::OptLevel::default())
            .expect("the program builds");
        let mut events = db.take_events();
        events.sort();
        events
    };
    let first = build(&db);
    let stdlib: Vec<String> = ["functools", "itertools"]
        .into_iter()
        .map(|name| {
            let source = molt_semantic::stdlib::embedded_module(&db, name).expect("embedded");
            let molt_semantic::modules::ModuleSource::File { file, .. } = source else {
                panic!("an embedded module is a file");
            };
            format!("({:?})", salsa::plumbing::AsId::as_id(&file))
        })
        .collect();
    for id in &stdlib {
        assert!(
            first.iter().any(|e| e.contains(id.as_str())),
            "the first build reads {id}: {first:#?}"
        );
    }
    main.set_text(&mut db)
        .to(main_src("functools.reduce(min, [n, 1])"));
    let events = build(&db);
    for id in &stdlib {
        assert!(
            !events.iter().any(|e| e.contains(id.as_str())),
            "{id} re-checked: {events:#?}"
        );
    }
    let use_item = module_items(&db, main)
        .functions
        .iter()
        .find(|item| item.qualname(&db) == "use")
        .map(|item| format!("({:?})", salsa::plumbing::AsId::as_id(item)))
        .expect("use is an item");
    let lowered: Vec<&String> = events
        .iter()
        .filter(|e| e.contains("function_mir("))
        .collect();
    assert!(
        !lowered.is_empty() && lowered.iter().all(|e| e.contains(use_item.as_str())),
        "{events:#?}"
    );
}

/// `from helper import double`: the importer's direct calls of `double` read only
/// `helper`'s exported signatures (`exported_functions`, compared by value). Editing the body
/// of `double` re-lowers only `double`, and nothing of `main` runs again (not even the
/// step that adds its cross-module direct calls); changing the signature of `double`
/// re-runs that step for `main`'s items (its own lowering stays), and the call is no longer
/// direct when its arguments stop matching.
#[test]
fn cross_module_direct_calls_rerun_only_when_imported_signatures_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let helper_src = |params: &str, body: &str| {
        format!(
            "def double({params}) -> int:\n    return {body}\n\n\ndef triple(x):\n    return 3 * x\n"
        )
    };
    std::fs::write(
        dir.path().join("main.py"),
        "from helper import double\n\n\ndef use(n: int) -> int:\n    return double(n) + 1\n\n\ndef other(n):\n    return n\n\n\nprint(use(2), other(1))\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("helper.py"), helper_src("x: int", "2 * x")).expect("write");
    let (mut db, _log) = RootDatabase::with_event_log();
    let main = db.load_file(&dir.path().join("main.py")).expect("load");
    let program = molt_driver::program(&db, main, &[]);
    let graph = molt_semantic::modules::module_graph(&db, program);
    let helper = graph.modules[1].file().expect("helper is a file");
    // Runs the program's queries item by item, naming the executed queries by their item
    // (a query of the program and an item is keyed by both, so its id is neither's).
    let run = |db: &RootDatabase| -> (Vec<String>, String) {
        let program = molt_driver::program(db, main, &[]);
        let diagnostics = molt_driver::check_program(db, program);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let mut events: Vec<String> = Vec::new();
        let label = |db: &RootDatabase, name: &str, events: &mut Vec<String>| {
            for e in db.take_events() {
                let e = match e.split_once("(Id(") {
                    Some((query, _)) if query.starts_with("linked_") => {
                        format!("{query}({name})")
                    }
                    _ => e,
                };
                events.push(e);
            }
        };
        label(db, "", &mut events);
        let mut mir = String::new();
        for (file, module) in [(main, "main"), (helper, "helper")] {
            for o in molt_opt::linked_module_mir(db, program, file) {
                mir.push_str(&o.func.to_string());
            }
            label(db, &format!("{module}:<module>"), &mut events);
            for item in &module_items(db, file).functions {
                for o in molt_opt::linked_item_mir(db, program, *item) {
                    mir.push_str(&o.func.to_string());
                }
                let name = format!("{module}:{}", item.qualname(db));
                label(db, &name, &mut events);
            }
        }
        let names: Vec<(String, String)> = [main, helper]
            .iter()
            .flat_map(|file| module_items(db, *file).functions.iter())
            .map(|item| {
                (
                    format!("{:?})", salsa::plumbing::AsId::as_id(item)),
                    format!("{})", item.qualname(db)),
                )
            })
            .collect();
        let mut events: Vec<String> = events
            .into_iter()
            .map(|mut e| {
                for (id, name) in &names {
                    e = e.replace(id.as_str(), name.as_str());
                }
                e
            })
            .collect();
        events.sort();
        (events, mir)
    };
    let (first, mir) = run(&db);
    for query in [
        "function_mir(use)",
        "linked_item_mir(main:use)",
        "imported_functions(",
        "exported_functions(",
    ] {
        assert!(
            first.iter().any(|e| e.starts_with(query)),
            "{query}: {first:#?}"
        );
    }
    assert!(
        mir.contains("call.direct \"helper:double\"(v0) via \"double\""),
        "{mir}"
    );
    // A body edit: only `double` is lowered again.
    helper.set_text(&mut db).to(helper_src("x: int", "x + x"));
    let (events, _) = run(&db);
    let lowered: Vec<&String> = events.iter().filter(|e| e.contains("mir(")).collect();
    assert_eq!(
        lowered,
        [
            "function_mir(double)",
            "linked_item_mir(helper:double)",
            "optimized_function_mir(double)",
            "pre_inline_function_mir(double)"
        ],
        "{events:#?}"
    );
    for query in ["imported_functions(", "exported_functions("] {
        assert!(
            !events.iter().any(|e| e.starts_with(query)),
            "{query}: {events:#?}"
        );
    }
    // A signature edit: `main`'s items get their direct calls again (without being lowered
    // or optimized again); the call passes one argument to a function of two, so it stays
    // generic.
    helper
        .set_text(&mut db)
        .to(helper_src("x: int, y: int", "x + y"));
    let (events, mir) = run(&db);
    for query in [
        "exported_functions(",
        "imported_functions(",
        "linked_item_mir(main:use)",
        "linked_item_mir(main:other)",
        "linked_module_mir(main:<module>)",
    ] {
        assert!(
            events.iter().any(|e| e.starts_with(query)),
            "{query}: {events:#?}"
        );
    }
    let main_id = format!("({:?})", salsa::plumbing::AsId::as_id(&main));
    for query in [
        "function_mir(use)".to_string(),
        "optimized_function_mir(use)".to_string(),
        "pre_inline_function_mir(use)".to_string(),
        "function_mir(other)".to_string(),
        format!("module_mir{main_id}"),
        format!("optimized_module_mir{main_id}"),
    ] {
        assert!(
            !events.iter().any(|e| e.starts_with(&query)),
            "{query}: {events:#?}"
        );
    }
    assert!(!mir.contains("via \"double\""), "{mir}");
}
