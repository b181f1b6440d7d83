//! The server's mutable state, behind one lock: settings, workspaces (each with its
//! database), open documents, the revision of every file, and the profiles read from disk.
//!
//! **Invariant:** the lock is never held across an `.await`, and never taken by a thread that
//! holds a database snapshot (see `analysis`): setting an input under the lock waits for
//! the snapshots to be dropped.
//!
//! Every change to a file's contents bumps its *revision*. Work started for a revision
//! (diagnostics) publishes its result only if the file is still at that revision, so results
//! never go backwards.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use molt_db::{RootDatabase, SourceFile};
use tower_lsp_server::ls_types::{Diagnostic, MessageType, Uri};

use super::profiles::ProfileStore;
use super::settings::Settings;
use super::workspace::{ImportPaths, Workspace};

/// A document open in the editor (its text is in the workspace's database).
#[derive(Clone, Debug)]
pub struct Document {
    /// The URI the client uses for it.
    pub uri: Uri,
    /// The client's version of its text.
    pub version: i32,
}

/// Optional client features the server uses.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientSupport {
    /// `window.workDoneProgress`: server-initiated progress.
    pub work_done_progress: bool,
    /// `workspace.configuration`: the server can pull settings.
    pub configuration: bool,
    /// `workspace.didChangeConfiguration.dynamicRegistration`.
    pub did_change_configuration_registration: bool,
    /// `workspace.codeLens.refreshSupport`: the server can ask for lenses again (their
    /// titles depend on the `remarks` setting).
    pub code_lens_refresh: bool,
    /// `workspace.inlayHint.refreshSupport`: the server can ask for inlay hints again (a
    /// new profile changes them).
    pub inlay_hint_refresh: bool,
}

/// A consistent view for one analysis: a snapshot of the file's database and what to
/// publish with the result.
pub struct Snapshot {
    /// A clone of the workspace's database (drop it soon: it blocks writes while alive).
    pub db: RootDatabase,
    /// The file.
    pub file: SourceFile,
    /// Where the imports of the file's program are searched.
    pub paths: ImportPaths,
}

/// See the module docs.
pub struct State {
    /// Current settings.
    pub settings: Settings,
    /// What the client supports.
    pub client: ClientSupport,
    /// The loose workspace first, then one per workspace folder.
    pub workspaces: Vec<Workspace>,
    /// Open documents by path.
    pub documents: HashMap<PathBuf, Document>,
    /// Diagnostics last published per file (analysis only), for republishing with build
    /// failures.
    pub published: HashMap<PathBuf, Vec<Diagnostic>>,
    /// Diagnostics of the last failed build per file (cleared by a successful build).
    pub build_errors: HashMap<PathBuf, Vec<Diagnostic>>,
    /// Messages for the user produced before the client can receive them.
    pub pending_messages: Vec<(MessageType, String)>,
    /// Profiles read from the workspaces' output folders.
    pub profiles: ProfileStore,
    revisions: HashMap<PathBuf, u64>,
    next_revision: u64,
}

impl Default for State {
    fn default() -> State {
        State {
            settings: Settings::default(),
            client: ClientSupport::default(),
            workspaces: vec![Workspace::new(None)],
            documents: HashMap::new(),
            published: HashMap::new(),
            build_errors: HashMap::new(),
            pending_messages: Vec::new(),
            profiles: ProfileStore::default(),
            revisions: HashMap::new(),
            next_revision: 1,
        }
    }
}

impl State {
    /// The index of the workspace holding `path`: the one with the longest folder containing
    /// it, else the loose workspace (0).
    pub fn workspace_for(&self, path: &Path) -> usize {
        self.folder_of(path).unwrap_or(0)
    }

    /// The index of the innermost workspace folder whose root contains `path`, or `None`
    /// when no open folder does (the file belongs to the loose workspace, or to a folder
    /// removed since the path was seen).
    pub fn folder_of(&self, path: &Path) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, ws) in self.workspaces.iter().enumerate() {
            if let Some(root) = &ws.root
                && path.starts_with(root)
            {
                let depth = root.components().count();
                if best.is_none_or(|(_, d)| depth > d) {
                    best = Some((i, depth));
                }
            }
        }
        best.map(|(i, _)| i)
    }

    /// The current revision of `path` (0 if it never had one).
    pub fn revision(&self, path: &Path) -> u64 {
        self.revisions.get(path).copied().unwrap_or(0)
    }

    /// Gives `path` a new revision and returns it.
    pub fn bump(&mut self, path: &Path) -> u64 {
        let revision = self.next_revision;
        self.next_revision += 1;
        self.revisions.insert(path.to_path_buf(), revision);
        revision
    }

    /// Sets the contents of `path` in its workspace and bumps its revision.
    pub fn set_file(&mut self, path: &Path, text: String, encoding_error: Option<u32>) -> u64 {
        let i = self.workspace_for(path);
        if let Some(ws) = self.workspaces.get_mut(i) {
            ws.set_file(path, text, encoding_error);
        }
        self.bump(path)
    }

    /// Edits the contents of `path` with `edit` (no-op for an unknown file). Returns the new
    /// revision, or `None` if the file is unknown.
    pub fn edit_file(&mut self, path: &Path, edit: impl FnOnce(&mut String)) -> Option<u64> {
        let i = self.workspace_for(path);
        let ws = self.workspaces.get_mut(i)?;
        let file = *ws.files.get(path)?;
        let mut text = file.text(&ws.db).clone();
        edit(&mut text);
        ws.set_file(path, text, None);
        Some(self.bump(path))
    }

    /// Forgets `path` and bumps its revision (so in-flight results for it are dropped).
    pub fn remove_file(&mut self, path: &Path) -> u64 {
        let i = self.workspace_for(path);
        if let Some(ws) = self.workspaces.get_mut(i) {
            ws.remove_file(path);
        }
        self.published.remove(path);
        self.build_errors.remove(path);
        self.bump(path)
    }

    /// The file at `path`, if known.
    pub fn file(&self, path: &Path) -> Option<(&Workspace, SourceFile)> {
        let ws = self.workspaces.get(self.workspace_for(path))?;
        let file = *ws.files.get(path)?;
        Some((ws, file))
    }

    /// Where the imports of `path`'s program are searched (its workspace's paths).
    pub fn import_paths(&self, path: &Path) -> ImportPaths {
        self.workspaces
            .get(self.workspace_for(path))
            .map(|ws| ws.import_paths(&self.settings))
            .unwrap_or_default()
    }

    /// A snapshot for analysing `path`, if the file is known.
    pub fn snapshot(&self, path: &Path) -> Option<Snapshot> {
        let (ws, file) = self.file(path)?;
        Some(Snapshot {
            db: ws.db.clone(),
            file,
            paths: ws.import_paths(&self.settings),
        })
    }

    /// The URI to publish diagnostics for `path` under: the open document's, else the
    /// `file://` URI of the path.
    pub fn uri(&self, path: &Path) -> Option<Uri> {
        match self.documents.get(path) {
            Some(doc) => Some(doc.uri.clone()),
            None => Uri::from_file_path(path),
        }
    }
}

/// The path identifying the document at `uri`: the file path for `file:` URIs, the URI text
/// itself otherwise (`untitled:Untitled-1`), so every document has a key.
pub fn path_of(uri: &Uri) -> PathBuf {
    if uri.scheme().as_str().eq_ignore_ascii_case("file")
        && let Some(path) = uri.to_file_path()
    {
        return path.into_owned();
    }
    PathBuf::from(uri.as_str())
}
