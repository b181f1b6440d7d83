//! Pass tests in the style of Cranelift's filetests: each `tests/filetests/*.mir` file holds
//! a header naming the passes (`; pass: sccp, dce`), an input function, and after the line
//! `; ==== expected ====` the function the passes must produce followed by their remarks
//! (`; remark <name> <kind> @<start>..<end>: <message>`). A file whose expected function
//! equals its input is a case that must not fire. Lines `; py: <python>` give the module
//! source the passes see through the module index (classes, stable functions), and the
//! bodies `inline` copies (its functions after the passes before inlining).
//!
//! Re-bless after an intended change with `MOLT_BLESS=1 cargo test -p molt_opt --test filetests`
//! and review the diff.

use std::path::Path;

use molt_db::RootDatabase;
use molt_opt::{OptLevel, PassContext};

const SEPARATOR: &str = "; ==== expected ====";

fn run_file(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let (input, expected) = match text.split_once(SEPARATOR) {
        Some((i, e)) => (i, Some(e.trim_start_matches('\n'))),
        None => (text.as_str(), None),
    };
    let passes: Vec<String> = input
        .lines()
        .find_map(|l| l.strip_prefix("; pass:"))
        .ok_or("missing `; pass:` header")?
        .split(',')
        .map(|p| p.trim().to_string())
        .collect();
    let mut func = molt_mir::parse::parse_function(input).map_err(|e| format!("input: {e}"))?;
    molt_mir::verify::verify(&func).map_err(|e| format!("input does not verify: {e:?}"))?;
    let db = RootDatabase::default();
    // `; py: ...` lines are the Python module the pass sees through the module index.
    let source: String = input
        .lines()
        .filter_map(|l| l.strip_prefix("; py:"))
        .map(|l| format!("{}\n", l.strip_prefix(' ').unwrap_or(l)))
        .collect();
    let file = molt_db::SourceFile::new(&db, "filetest.py".into(), source, None);
    let index = molt_semantic::module_index(&db, file);
    let name = func.name.to_string();
    // `inline` copies the bodies of the `; py:` module's functions.
    let callees = |callee: &str| molt_opt::pre_inline_function(&db, file, callee);
    let mut ctx = PassContext::new(&db, index, OptLevel::O2, &name);
    ctx.callees = Some(&callees);
    for pass in &passes {
        let run = molt_opt::pass(pass).ok_or_else(|| format!("unknown pass {pass}"))?;
        run(&mut func, &mut ctx);
        molt_mir::verify::verify(&func)
            .map_err(|e| format!("output of {pass} does not verify: {e:?}\n{func}"))?;
    }
    let mut actual = func.to_string();
    for r in ctx.into_remarks() {
        let kind = r.kind.name();
        actual.push_str(&format!(
            "; remark {} {kind} @{}..{}: {}\n",
            r.name, r.span.start, r.span.end, r.message
        ));
    }
    if expected != Some(actual.as_str()) {
        if std::env::var_os("MOLT_BLESS").is_some() {
            let blessed = format!(
                "{}{SEPARATOR}\n{actual}",
                input.trim_end_matches('\n').to_string() + "\n"
            );
            std::fs::write(path, blessed).map_err(|e| e.to_string())?;
            return Ok(());
        }
        return Err(format!(
            "output differs (re-bless with MOLT_BLESS=1):\n--- expected\n{}\n--- actual\n{actual}",
            expected.unwrap_or("<none>")
        ));
    }
    Ok(())
}

#[test]
fn filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filetests");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("filetests directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "mir"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 10,
        "expected the pass test files in {}",
        dir.display()
    );
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| run_file(p).err().map(|e| format!("{}: {e}", p.display())))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
