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
