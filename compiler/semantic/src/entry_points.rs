//! Entry points: the scripts of a workspace that are programs of their own, as opposed to
//! modules other files import. A build on save rebuilds the entry points whose import graph
//! contains the saved file, and `molt-lsp --build DIR` builds the entry points under `DIR`.
//!
//! A file is an entry point when its module body has a `__main__` guard
//! (`if __name__ == "__main__":`, either operand order, at the top level of the module), or
//! when the `[tool.molt] entry-points` list of the nearest `pyproject.toml` above it names it
//! (paths relative to that file's folder):
//!
//! ```toml
//! [tool.molt]
//! entry-points = ["app/main.py", "tools/bench.py"]
//! ```

use std::path::{Path, PathBuf};

use molt_db::{Db, FileStatus, SourceFile, normalize_path, parse, system_path_to_file};
use ruff_python_ast::{self as ast, CmpOp, Expr, Stmt};

/// Whether `file`'s module body has a `__main__` guard at its top level:
/// `if __name__ == "__main__":` or `if "__main__" == __name__:` (either quote style). A
/// file with syntax errors has none.
#[salsa::tracked]
pub fn has_main_guard(db: &dyn Db, file: SourceFile) -> bool {
    let parsed = parse(db, file);
    if parsed.parsed().has_invalid_syntax() {
        return false;
    }
    parsed.parsed().syntax().body.iter().any(|stmt| match stmt {
        Stmt::If(ast::StmtIf { test, .. }) => is_main_test(test),
        _ => false,
    })
}

fn is_main_test(test: &Expr) -> bool {
    let Expr::Compare(compare) = test else {
        return false;
    };
    let ([CmpOp::Eq], [right]) = (&*compare.ops, &*compare.comparators) else {
        return false;
    };
    let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == "__name__");
    let is_main = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str() == "__main__");
    (is_name(&compare.left) && is_main(right)) || (is_main(&compare.left) && is_name(right))
}

/// The `[tool.molt] entry-points` of the nearest `pyproject.toml` in `dir` or above it, as
/// normalized absolute paths (relative entries joined to that file's folder). `None` when
/// that file has no such list (or does not parse, or no `pyproject.toml` exists).
pub fn pyproject_entry_points(db: &dyn Db, dir: &Path) -> Option<Vec<PathBuf>> {
    for folder in dir.ancestors() {
        let file = system_path_to_file(db, &folder.join("pyproject.toml"));
        if file.status(db) != FileStatus::File {
            continue;
        }
        let table = file.text(db).parse::<toml::Table>().ok()?;
        let list = table
            .get("tool")?
            .get("molt")?
            .get("entry-points")?
            .as_array()?;
        return Some(
            list.iter()
                .filter_map(|p| p.as_str())
                .map(|p| normalize_path(&folder.join(p)))
                .collect(),
        );
    }
    None
}

/// Whether `file` is an entry point (see the module docs).
pub fn is_entry_point(db: &dyn Db, file: SourceFile) -> bool {
    if *has_main_guard(db, file) {
        return true;
    }
    let path = normalize_path(file.path(db));
    let dir = path.parent().unwrap_or(Path::new("/"));
    pyproject_entry_points(db, dir).is_some_and(|list| list.contains(&path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use molt_db::RootDatabase;

    fn guard(text: &str) -> bool {
        let db = RootDatabase::default();
        let file = SourceFile::new(&db, PathBuf::from("/nowhere/m.py"), text.to_owned(), None);
        *has_main_guard(&db, file)
    }

    #[test]
    fn main_guards_are_found_at_the_top_level_only() {
        assert!(guard(
            "def main(): pass\nif __name__ == \"__main__\":\n    main()\n"
        ));
        assert!(guard("if '__main__' == __name__:\n    pass\n"));
        assert!(!guard("if __name__ != '__main__':\n    pass\n"));
        assert!(!guard("if __name__ == 'main':\n    pass\n"));
        assert!(!guard(
            "def f():\n    if __name__ == '__main__':\n        pass\n"
        ));
        assert!(!guard("print(1)\n"));
        assert!(
            !guard("if __name__ == '__main__':\n    (\n"),
            "syntax errors"
        );
    }

    #[test]
    fn pyproject_lists_entry_points() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("app")).unwrap();
        std::fs::write(
            root.join("pyproject.toml"),
            "[tool.molt]\nentry-points = [\"app/run.py\"]\n",
        )
        .unwrap();
        std::fs::write(root.join("app/run.py"), "print(1)\n").unwrap();
        std::fs::write(root.join("app/lib.py"), "x = 1\n").unwrap();
        let db = RootDatabase::default();
        let run = system_path_to_file(&db, &root.join("app/run.py"));
        let lib = system_path_to_file(&db, &root.join("app/lib.py"));
        assert!(is_entry_point(&db, run));
        assert!(!is_entry_point(&db, lib));
        assert_eq!(
            pyproject_entry_points(&db, &root.join("app")),
            Some(vec![normalize_path(&root.join("app/run.py"))])
        );
    }
}
