//! The registry of files by path, so that a path names one [`SourceFile`] input for the
//! database's life (as ty's `Files` / `system_path_to_file`).
//!
//! Module resolution asks whether `pkg/__init__.py`, `pkg.py` or the folder `pkg` exist: each
//! question reads the `status` of the path's input, created on first lookup from the disk.
//! When the disk changes, whoever watches it (the language server) updates the input
//! (`RootDatabase::sync_path`), and the resolutions that read it re-run. Paths are keyed
//! absolute and lexically normalized ([`normalize_path`]).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::{Db, SourceFile, decode};

/// What is at a path, as last read from the disk (or set by an editor).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FileStatus {
    /// A file, whose contents are the input's text.
    #[default]
    File,
    /// A folder (its text is empty).
    Directory,
    /// Nothing (or something unreadable); the text is empty.
    Missing,
}

/// Path → file input, shared by every snapshot of one database.
#[derive(Clone, Default)]
pub struct Files {
    map: Arc<Mutex<HashMap<PathBuf, SourceFile>>>,
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Files").finish_non_exhaustive()
    }
}

impl Files {
    /// The registered file of `path`, if any (no disk access).
    pub fn get(&self, path: &Path) -> Option<SourceFile> {
        self.get_normalized(&normalize_path(path))
    }

    pub(crate) fn get_normalized(&self, key: &Path) -> Option<SourceFile> {
        let map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.get(key).copied()
    }

    /// The registered file of `path`, or a new one with `text` (a file), registered.
    /// A known file keeps its input: its text is not changed here (inputs change only
    /// through a `&mut` database).
    pub(crate) fn insert_or_get(
        &self,
        db: &dyn Db,
        path: &Path,
        text: String,
        encoding_error: Option<u32>,
    ) -> SourceFile {
        let key = normalize_path(path);
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        *map.entry(key)
            .or_insert_with(|| SourceFile::new(db, path.to_path_buf(), text, encoding_error))
    }
}

/// The file input of `path`, created from the disk on the first lookup (a missing path gets
/// an input too, with [`FileStatus::Missing`], so that a query that looked for it re-runs
/// when it appears). Its `path` is the normalized absolute path.
pub fn system_path_to_file(db: &dyn Db, path: &Path) -> SourceFile {
    let key = normalize_path(path);
    let files = db.files();
    let mut map = files.map.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(file) = map.get(&key) {
        return *file;
    }
    let (status, text, error) = read_disk(&key);
    let file = SourceFile::builder(key.clone(), text, error)
        .status(status)
        .new(db);
    map.insert(key, file);
    file
}

/// The file input of a file embedded in the compiler (a standard-library module) at the
/// virtual absolute `path`, registered on first use with `text` and
/// [`salsa::Durability::HIGH`]: its text never changes, so queries that read only such
/// inputs are not re-validated after an edit of the workspace's (low-durability) files.
/// `path` must not name a file of the disk (the standard library's root has a name no
/// folder of a real disk takes: `molt_semantic::stdlib::STDLIB_ROOT`).
pub fn embedded_file(db: &dyn Db, path: &Path, text: &'static str) -> SourceFile {
    let key = normalize_path(path);
    let files = db.files();
    let mut map = files.map.lock().unwrap_or_else(|e| e.into_inner());
    *map.entry(key.clone()).or_insert_with(|| {
        SourceFile::builder(key, text.to_string(), None)
            .durability(salsa::Durability::HIGH)
            .new(db)
    })
}

/// What is at `path` on disk: its status, and the text of a file.
pub(crate) fn read_disk(path: &Path) -> (FileStatus, String, Option<u32>) {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => (FileStatus::Directory, String::new(), None),
        Ok(_) => match std::fs::read(path) {
            Ok(bytes) => {
                let (text, error) = decode(&bytes);
                (FileStatus::File, text, error)
            }
            Err(_) => (FileStatus::Missing, String::new(), None),
        },
        Err(_) => (FileStatus::Missing, String::new(), None),
    }
}

/// `path` made absolute (against the current directory) with `.` and `..` components
/// resolved lexically (symbolic links are not followed).
pub fn normalize_path(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RootDatabase;
    use salsa::Setter;

    #[test]
    fn normalize_resolves_dots_lexically() {
        assert_eq!(
            normalize_path(Path::new("/a/./b/../c/d.py")),
            PathBuf::from("/a/c/d.py")
        );
        assert!(normalize_path(Path::new("x.py")).is_absolute());
    }

    #[test]
    fn lookups_share_one_input_per_path_and_track_existence() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = RootDatabase::default();
        let path = dir.path().join("m.py");
        let missing = system_path_to_file(&db, &path);
        assert_eq!(missing.status(&db), FileStatus::Missing);
        let again = system_path_to_file(&db, &dir.path().join("./sub/../m.py"));
        assert_eq!(missing, again, "one input per normalized path");
        assert_eq!(
            system_path_to_file(&db, dir.path()).status(&db),
            FileStatus::Directory
        );
        std::fs::write(&path, "x = 1\n").expect("write");
        let mut db = db;
        assert!(db.sync_path(&path));
        assert_eq!(missing.status(&db), FileStatus::File);
        assert_eq!(missing.text(&db), "x = 1\n");
        // An editor's text wins over the disk until the next sync.
        let (file, changed) = db.set_file_text(&path, "x = 2\n".into(), None);
        assert!(changed);
        assert_eq!(file, missing);
        assert!(db.remove_path(&path));
        assert_eq!(file.status(&db), FileStatus::Missing);
        file.set_status(&mut db).to(FileStatus::File);
        assert_eq!(file.status(&db), FileStatus::File);
    }

    #[test]
    fn load_file_registers_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.py");
        std::fs::write(&path, "a = 1\n").expect("write");
        let db = RootDatabase::default();
        let loaded = db.load_file(&path).expect("load");
        assert_eq!(system_path_to_file(&db, &path), loaded);
        assert_eq!(db.files().get(&path), Some(loaded));
    }
}
