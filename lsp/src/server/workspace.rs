//! Workspaces: one salsa database per workspace folder holding every Python file under it,
//! plus the rules for which folders are not part of the program (build output, virtual
//! environments, VCS metadata).
//!
//! A file's identity is its path. Files opened in the editor live in the workspace whose
//! folder contains them; files outside every folder (and `untitled:` documents) live in the
//! *loose* workspace, which has no root and is not watched.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use molt_db::{Db, RootDatabase, SourceFile};
use molt_semantic::modules::Program;

use super::settings::Settings;

use super::watch::FolderWatcher;

/// Folder names skipped when scanning and watching: hidden folders (`.git`, `.venv`, ...)
/// and these.
pub const IGNORED_FOLDERS: &[&str] = &["target", "__pycache__", "venv", "node_modules"];

/// Whether a folder called `name` is skipped (see [`IGNORED_FOLDERS`]).
pub fn is_ignored_folder_name(name: &str) -> bool {
    name.starts_with('.') || IGNORED_FOLDERS.contains(&name)
}

/// Whether `path` (under `root`) is in an ignored folder or in the output folder `out_dir`
/// (absolute). `path` itself counts as a folder when `is_dir`.
pub fn is_ignored(root: &Path, path: &Path, out_dir: &Path, is_dir: bool) -> bool {
    if path.starts_with(out_dir) {
        return true;
    }
    let Ok(relative) = path.strip_prefix(root) else {
        return true;
    };
    let components: Vec<_> = relative.components().collect();
    let folders = if is_dir {
        &components[..]
    } else {
        &components[..components.len().saturating_sub(1)]
    };
    folders
        .iter()
        .any(|c| is_ignored_folder_name(&c.as_os_str().to_string_lossy()))
}

/// What a scan of a folder found: the folders it listed and the Python files to load.
#[derive(Debug, Default)]
pub struct Scan {
    /// Folders listed (not ignored), the start folder first.
    pub folders: Vec<PathBuf>,
    /// `*.py` files in them, sorted per folder.
    pub files: Vec<PathBuf>,
}

/// Scans `dir` (inside the workspace `root`) recursively, skipping ignored folders and
/// `out_dir`. Symbolic links to folders are not followed; unreadable folders are skipped.
/// `watch` is called with each folder before it is listed (watch first, then read: an entry
/// created meanwhile is then listed, or reported by the watcher, or both).
pub fn scan(root: &Path, dir: &Path, out_dir: &Path, watch: &mut dyn FnMut(&Path)) -> Scan {
    let mut scan = Scan::default();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        watch(&dir);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.path());
        scan.folders.push(dir);
        for entry in entries.into_iter().rev() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if !is_ignored(root, &path, out_dir, true) {
                    stack.push(path);
                }
            } else if is_python_file(&path) {
                scan.files.push(path);
            }
        }
    }
    scan
}

/// Whether `path` names a Python source file (`*.py`).
pub fn is_python_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "py")
}

/// Where the imports of a workspace's programs are searched after the entry's own folder
/// (`molt_semantic::modules::search_paths`): the workspace folder, then `extraPaths`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPaths {
    /// The workspace folder (none for the loose workspace).
    pub roots: Vec<PathBuf>,
    /// The `extraPaths` setting, absolute.
    pub extra: Vec<PathBuf>,
}

impl ImportPaths {
    /// The program whose entry script is `file`, searching these paths.
    pub fn program<'db>(&self, db: &'db dyn Db, file: SourceFile) -> Program<'db> {
        Program::new(db, file, self.roots.clone(), self.extra.clone())
    }
}

/// One workspace: its folder, its database and its files.
pub struct Workspace {
    /// The folder; `None` for the loose workspace.
    pub root: Option<PathBuf>,
    /// The master handle of the database (snapshots are `db.clone()`).
    pub db: RootDatabase,
    /// Every known file of the workspace.
    pub files: HashMap<PathBuf, SourceFile>,
    /// The file watcher of the folder (none for the loose workspace, or if watching failed).
    pub watcher: Option<FolderWatcher>,
}

impl Workspace {
    /// An empty workspace for `root`.
    pub fn new(root: Option<PathBuf>) -> Workspace {
        Workspace {
            root,
            db: RootDatabase::default(),
            files: HashMap::new(),
            watcher: None,
        }
    }

    /// Where imports of this workspace's programs are searched under `settings`.
    pub fn import_paths(&self, settings: &Settings) -> ImportPaths {
        ImportPaths {
            roots: self.root.iter().cloned().collect(),
            extra: settings.extra_paths_in(self.root.as_deref()),
        }
    }

    /// Sets the contents of `path` (creating the file if it is new). Returns whether anything
    /// changed. Setting an input waits until every snapshot of this database is dropped.
    /// The file is the database's input for that path (`molt_db::Files`), the one module
    /// resolution finds, so importers see the editor's text and its existence.
    pub fn set_file(&mut self, path: &Path, text: String, encoding_error: Option<u32>) -> bool {
        let known = self.files.contains_key(path);
        let (file, changed) = self.db.set_file_text(path, text, encoding_error);
        self.files.insert(path.to_path_buf(), file);
        changed || !known
    }

    /// Sets the contents of `path` as read by the workspace's load. Returns whether the
    /// database had an input for the path already (an analysis looked for the file, or it
    /// was known) and its contents changed: a check that read the old ones is stale.
    pub fn load_file(&mut self, path: &Path, text: String, encoding_error: Option<u32>) -> bool {
        let existed = self.db.files().get(path).is_some();
        let (file, changed) = self.db.set_file_text(path, text, encoding_error);
        self.files.insert(path.to_path_buf(), file);
        existed && changed
    }

    /// Forgets `path`. Salsa inputs cannot be deleted, so its text is emptied to free it and
    /// its status becomes missing (imports of it no longer resolve). Returns whether the
    /// file was known.
    pub fn remove_file(&mut self, path: &Path) -> bool {
        match self.files.remove(path) {
            Some(_) => {
                self.db.remove_path(path);
                true
            }
            None => false,
        }
    }

    /// Where builds of this workspace go (`outDir` under the folder; for loose files, under
    /// the file's own folder).
    pub fn out_dir(&self, settings: &super::settings::Settings, file: &Path) -> PathBuf {
        match (&self.root, file.parent()) {
            (Some(root), _) => settings.out_dir_in(root),
            (None, Some(parent)) => settings.out_dir_in(parent),
            (None, None) => settings.out_dir.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_rules() {
        let root = Path::new("/w");
        let out = Path::new("/w/build/out");
        assert!(!is_ignored(root, Path::new("/w/a/b.py"), out, false));
        assert!(is_ignored(root, Path::new("/w/.git/x.py"), out, false));
        assert!(is_ignored(
            root,
            Path::new("/w/a/venv/lib/x.py"),
            out,
            false
        ));
        assert!(is_ignored(root, Path::new("/w/node_modules"), out, true));
        assert!(is_ignored(root, Path::new("/w/build/out/x.py"), out, false));
        assert!(is_ignored(root, Path::new("/elsewhere/x.py"), out, false));
        // A hidden *file* is not skipped (as `collect_python_files`).
        assert!(!is_ignored(root, Path::new("/w/.x.py"), out, false));
    }

    #[test]
    fn scan_skips_ignored_folders() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for p in [
            "a.py",
            "pkg/b.py",
            "target/c.py",
            ".venv/d.py",
            "pkg/__pycache__/e.py",
        ] {
            let path = root.join(p);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "x = 1\n").expect("write");
        }
        let mut watched = Vec::new();
        let scan = scan(root, root, &root.join("target/molt"), &mut |folder| {
            watched.push(folder.to_path_buf())
        });
        assert_eq!(watched, scan.folders);
        let mut files: Vec<_> = scan
            .files
            .iter()
            .map(|f| f.strip_prefix(root).expect("under root").to_path_buf())
            .collect();
        files.sort();
        assert_eq!(
            files,
            vec![PathBuf::from("a.py"), PathBuf::from("pkg/b.py")]
        );
        assert_eq!(scan.folders.len(), 2);
    }
}
