//! Remark and coverage snapshots over `tests/corpus/remarks/` (accept changes with
//! `INSTA_UPDATE=always cargo test -p molt_tests --test remarks`), and the optimizer's promise
//! on the benchmark-shaped programs: hot integer operations are native or guarded, and every
//! dynamic operation has a remark saying why.

use molt_db::RootDatabase;
use molt_remarks::{Lane, RemarkKind};

#[test]
fn remark_snapshots() {
    insta::glob!("../corpus/remarks", "*.py", |path| {
        let db = RootDatabase::default();
        let file = db.load_file(path).expect("readable");
        let mut report = molt_driver::report::file_report(&db, file);
        // Paths in snapshots are relative to the corpus folder.
        let prefix = format!("{}/", path.parent().expect("parent").display());
        for r in &mut report.remarks {
            r.location.file = r.location.file.replace(&prefix, "");
        }
        for f in &mut report.coverage {
            f.location.file = f.location.file.replace(&prefix, "");
        }
        let text = format!(
            "{}\n{}",
            molt_remarks::to_text(&report),
            molt_remarks::coverage_text(&report)
        );
        insta::assert_snapshot!(text);
    });
}

fn report_of(name: &str) -> molt_remarks::Report {
    let db = RootDatabase::default();
    let path = molt_tests::repo_root().join("tests/programs").join(name);
    let file = db.load_file(&path).expect("readable");
    molt_driver::report::file_report(&db, file)
}

#[test]
fn recursive_fib_is_native_or_guarded() {
    let report = report_of("bench_fib_recursive.py");
    let fib = report
        .coverage
        .iter()
        .find(|f| f.function == "fib")
        .expect("fib");
    assert!(fib.ops.len() >= 6, "{fib:?}");
    for op in &fib.ops {
        assert!(
            matches!(op.lane, Lane::Native | Lane::Guarded),
            "fib: {} is {} ({:?})",
            op.op,
            op.lane,
            op.reason
        );
    }
    assert!(
        report
            .remarks
            .iter()
            .any(|r| r.name == "guard.entry" && r.function == "fib")
    );
    assert!(
        report
            .remarks
            .iter()
            .any(|r| r.name == "call.direct" && r.function == "fib")
    );
}

#[test]
fn integer_loop_is_counted_and_guarded() {
    let report = report_of("bench_int_sum_loop.py");
    let main = report
        .coverage
        .iter()
        .find(|f| f.function == "main")
        .expect("main");
    for op in &main.ops {
        if op.op == "call" {
            continue; // print(...)
        }
        assert!(
            op.lane != Lane::Dynamic,
            "main: {} at line {} is dynamic: {:?}",
            op.op,
            op.location.start_pos.line,
            op.reason
        );
    }
    assert!(
        report
            .remarks
            .iter()
            .any(|r| r.name == "loop.counted" && r.function == "main")
    );
}

#[test]
fn every_dynamic_operation_has_a_remark_saying_why() {
    for name in [
        "bench_fib_recursive.py",
        "bench_int_sum_loop.py",
        "bench_nested_while_lists.py",
        "bench_dispatch_loop.py",
    ] {
        let report = report_of(name);
        for f in &report.coverage {
            for op in f.dynamic_ops() {
                assert!(op.reason.as_deref().is_some_and(|r| !r.is_empty()));
                assert!(
                    report.remarks.iter().any(|r| r.name == "lane.dynamic"
                        && r.kind == RemarkKind::Missed
                        && r.location.start == op.location.start
                        && r.message.contains(op.reason.as_deref().unwrap_or(""))),
                    "{name}: {} `{}` at line {} has no lane.dynamic remark",
                    f.function,
                    op.op,
                    op.location.start_pos.line
                );
            }
        }
    }
}

#[test]
fn unannotated_parameter_gets_a_fix() {
    let db = RootDatabase::default();
    let path = molt_tests::repo_root().join("tests/corpus/remarks/typed_loop.py");
    let file = db.load_file(&path).expect("readable");
    let report = molt_driver::report::file_report(&db, file);
    let missed = report
        .remarks
        .iter()
        .find(|r| r.name == "unbox.missed" && r.function == "untyped")
        .expect("unbox.missed on untyped(n)");
    let fix = missed.fix.as_ref().expect("a fix");
    let text = file.text(&db);
    let at = fix.location.start as usize;
    assert_eq!(
        &text[at - 1..at],
        "n",
        "the fix inserts right after the parameter name"
    );
    assert_eq!(fix.replacement, ": int");
}

#[test]
fn class_attributes_use_slots() {
    let db = RootDatabase::default();
    let path = molt_tests::repo_root().join("tests/corpus/remarks/classes.py");
    let file = db.load_file(&path).expect("readable");
    let report = molt_driver::report::file_report(&db, file);
    let applied: Vec<&str> = report
        .remarks
        .iter()
        .filter(|r| r.name == "slots.applied")
        .map(|r| r.message.as_str())
        .collect();
    assert_eq!(applied.len(), 1, "{applied:?}");
    assert!(
        applied[0].contains("`Particle` keep `x`, `v`, `steps`"),
        "{applied:?}"
    );
    let missed: Vec<&str> = report
        .remarks
        .iter()
        .filter(|r| r.name == "slots.missed")
        .map(|r| r.message.as_str())
        .collect();
    assert!(
        missed.len() == 1 && missed[0].contains("`Config` defines `__slots__`"),
        "{missed:?}"
    );
    // Every attribute access of `step` reads or writes a slot behind the shape guard.
    let step = report
        .coverage
        .iter()
        .find(|f| f.function == "Particle.step")
        .expect("Particle.step has coverage");
    let attrs: Vec<_> = step
        .ops
        .iter()
        .filter(|o| o.op.starts_with("getattr") || o.op.starts_with("setattr"))
        .collect();
    assert_eq!(attrs.len(), 4, "{attrs:?}");
    assert!(
        attrs.iter().all(|o| o.lane == molt_remarks::Lane::Guarded),
        "{attrs:?}"
    );
}

#[test]
fn float_attributes_are_checked_and_their_arithmetic_is_native() {
    let db = RootDatabase::default();
    let path = molt_tests::repo_root().join("tests/corpus/remarks/slot_floats.py");
    let file = db.load_file(&path).expect("readable");
    let report = molt_driver::report::file_report(&db, file);
    let guards: Vec<(&str, &str)> = report
        .remarks
        .iter()
        .filter(|r| r.name == "guard.slot")
        .map(|r| (r.function.as_str(), r.message.as_str()))
        .collect();
    // One remark per attribute and function, where it is first loaded: `x` and `y` in
    // `Point.norm2`, `size` in `Label.grow` (assigned `self.size * k`, a float when `size`
    // and `k` are). `text` (an unannotated parameter) is not checked.
    assert_eq!(guards.len(), 3, "{guards:?}");
    assert!(
        guards.iter().any(|(f, m)| *f == "Point.norm2"
            && m.starts_with("`self.x` is expected to be a float")
            && m.contains("`Point.__init__`")),
        "{guards:?}"
    );
    assert!(
        guards
            .iter()
            .any(|(f, m)| *f == "Label.grow" && m.contains("`Label.__init__`, `Label.grow`")),
        "{guards:?}"
    );
    assert!(
        !guards.iter().any(|(_, m)| m.contains("text")),
        "{guards:?}"
    );
    // The arithmetic of `norm2` is native (its best copy: the checked one); the loads stay
    // guarded (the shape check of the slot's inline cache).
    let norm2 = report
        .coverage
        .iter()
        .find(|f| f.function == "Point.norm2")
        .expect("Point.norm2 has coverage");
    let arith: Vec<_> = norm2
        .ops
        .iter()
        .filter(|o| o.op == "mul" || o.op == "add")
        .collect();
    assert_eq!(arith.len(), 3, "{arith:?}");
    assert!(arith.iter().all(|o| o.lane == Lane::Native), "{arith:?}");
    // `text + "!"` is not float arithmetic: not native.
    let shout = report
        .coverage
        .iter()
        .find(|f| f.function == "Label.shout")
        .expect("Label.shout has coverage");
    assert!(
        shout
            .ops
            .iter()
            .filter(|o| o.op == "add")
            .all(|o| o.lane != Lane::Native),
        "{shout:?}"
    );
}

/// In a program of two modules, the importer's calls of `from ops import inc` and of
/// `ops.scale(...)` (`import ops`) are direct, with their remarks and native lanes, as the
/// program is built (`program_file_report`); a call with a keyword argument stays generic
/// and says why. The module on its own (`file_report`, no program: which file `ops` is
/// depends on the search path) keeps the generic calls.
#[test]
fn calls_of_imported_functions_are_direct_in_the_importer() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("ops.py"),
        "def inc(x: int) -> int:\n    return x + 1\n\n\ndef scale(x, k):\n    return x * k\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("main.py"),
        "import ops\nfrom ops import inc\n\n\ndef run(n: int) -> int:\n    return inc(n) + ops.scale(n, 2) + ops.scale(n, k=3)\n\n\nprint(run(4))\n",
    )
    .expect("write");
    let db = RootDatabase::default();
    let main = db.load_file(&dir.path().join("main.py")).expect("load");
    let program = molt_driver::program(&db, main, &[]);
    let report = molt_driver::report::program_file_report(&db, program, main);
    let text = molt_remarks::to_text(report);
    for expected in [
        "main.py:6:12: remark[call.direct]: `inc(...)` (`ops.inc`) calls the compiled function of the imported module directly (no argument binding or lookup)",
        "main.py:6:21: remark[call.direct]: `ops.scale(...)` calls the compiled function of the imported module directly (no argument binding or lookup)",
        "main.py:6:39: remark[call.direct.missed]: `ops.scale(...)` is called through generic dispatch: the call passes keyword arguments; pass them by position to call it directly [missed]",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    let run = report
        .coverage
        .iter()
        .find(|f| f.function == "run")
        .expect("run");
    let direct: Vec<&molt_remarks::OpCoverage> =
        run.ops.iter().filter(|op| op.op == "call.direct").collect();
    assert!(
        direct.len() >= 2 && direct.iter().all(|op| op.lane == Lane::Native),
        "{run:?}"
    );
    let alone = molt_remarks::to_text(&molt_driver::report::file_report(&db, main));
    assert!(!alone.contains("ops.inc"), "{alone}");
}
