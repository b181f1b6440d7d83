//! Program arguments: `sys.argv` as CPython 3.11 gives it, and a `molt:` error when an
//! argument is not UTF-8 (CPython decodes it with `surrogateescape` into a str with lone
//! surrogates, which molt's str cannot hold).

use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Stdio};

use molt_db::RootDatabase;

const PROGRAM: &str = "\
import sys
print(\"start\")
try:
    print(sys.argv[1:])
except NotImplementedError as e:
    print(type(e).__name__, e)
";

fn build(dir: &std::path::Path) -> std::path::PathBuf {
    let source = dir.join("args.py");
    std::fs::write(&source, PROGRAM).expect("write the program");
    let db = RootDatabase::default();
    let file = db.load_file(&source).expect("load");
    let output = dir.join("args");
    let options = molt_driver::build::BuildOptions {
        target: Default::default(),
        output: output.clone(),
        optimize: true,
        code_cache: Default::default(),
    };
    molt_driver::build::build(&db, file, &options).expect("build");
    output
}

fn stdout_with(exe: &std::path::Path, arg: &std::ffi::OsStr) -> String {
    let out =
        molt_tests::output_retrying(Command::new(exe).arg(arg).stdin(Stdio::null())).expect("run");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn arguments_that_are_not_utf8_make_sys_argv_a_molt_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = build(dir.path());
    assert_eq!(
        stdout_with(&exe, std::ffi::OsStr::new("caf\u{e9}")),
        "start\n['caf\u{e9}']\n"
    );
    assert_eq!(
        stdout_with(&exe, std::ffi::OsStr::from_bytes(b"caf\xe9")),
        "start\nNotImplementedError molt: sys.argv with an argument that is not valid UTF-8 is not supported yet\n"
    );
}
