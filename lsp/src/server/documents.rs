//! Open documents (`didOpen`, `didChange`, `didClose`) and publishing diagnostics.
//!
//! Each change applies to the master database under the state lock *before* the handler's
//! first `.await`, so changes take effect in the order they arrived even though the
//! transport runs handlers concurrently. Diagnostics are then computed by a task of their own
//! on a snapshot:
//!
//! - **No debounce.** Checking a file is incremental (an edit in one function re-lowers
//!   that function only) and takes a few milliseconds, so waiting would only add latency to
//!   the edit → diagnostics path (target: p95 ≤ 50 ms). Bursts are absorbed instead by
//!   *coalescing*: a task first yields to the scheduler, then gives up if the file already
//!   has a newer revision (the newer change has its own task), and a running check is
//!   cancelled by salsa as soon as the next change is written.
//! - A result is published only if the file is still at the revision it was computed for,
//!   so diagnostics never go backwards. A check cancelled by a change to *another* file
//!   of the workspace is retried.

use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::*;

use super::Server;
use super::analysis::{self, AnalysisError};
use super::diagnostics;
use super::profile_view;
use super::state::{Document, State, path_of};
use super::workspace;

/// How urgent a diagnostics computation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Priority {
    /// After an edit in the editor: runs at once.
    Edit,
    /// A file changed on disk: runs when no other background check runs.
    Background,
    /// A module the file imports changed: as `Background`, and published only when the
    /// diagnostics differ from those last published.
    Dependent,
}

/// Decodes `bytes` for a file whose contents may not be UTF-8 (see `molt_db::decode`).
pub fn decode(bytes: &[u8]) -> (String, Option<u32>) {
    molt_db::decode(bytes)
}

impl Server {
    /// `textDocument/didOpen`: the editor's text overrides the disk.
    pub(super) async fn open_document(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let path = path_of(&document.uri);
        // The editor shows a file that is not UTF-8 with replacement characters; if its text
        // is exactly that decoding of the disk contents, keep reporting the bad encoding.
        let encoding_error = std::fs::read(&path).ok().and_then(|bytes| {
            let (text, error) = decode(&bytes);
            error.filter(|_| text == document.text)
        });
        let (revision, out_dir, created) = {
            let mut state = self.state();
            let created = state.file(&path).is_none();
            state.documents.insert(
                path.clone(),
                Document {
                    uri: document.uri,
                    version: document.version,
                },
            );
            let revision = state.set_file(&path, document.text, encoding_error);
            let out_dir = state
                .workspaces
                .get(state.workspace_for(&path))
                .map(|ws| ws.out_dir(&state.settings, &path));
            (revision, out_dir, created)
        };
        self.schedule_diagnostics(path.clone(), revision, Priority::Edit);
        self.schedule_dependents(vec![path], created);
        // The profiles of the file's output folder (read once; a workspace folder's are
        // read when it is loaded, and watched).
        if let Some(out_dir) = out_dir {
            let server = self.clone();
            tokio::spawn(async move { server.scan_profiles(out_dir, false).await });
        }
    }

    /// `textDocument/didChange`: applies the changes in order (incremental or full).
    pub(super) async fn change_document(&self, params: DidChangeTextDocumentParams) {
        let path = path_of(&params.text_document.uri);
        let revision = {
            let mut state = self.state();
            match state.documents.get_mut(&path) {
                Some(document) => {
                    document.version = params.text_document.version;
                    state.edit_file(&path, |text| {
                        for change in &params.content_changes {
                            super::text::apply_change(text, change);
                        }
                    })
                }
                None => None,
            }
        };
        match revision {
            Some(revision) => {
                self.schedule_dependents(vec![path.clone()], false);
                self.schedule_diagnostics(path, revision, Priority::Edit)
            }
            None => {
                self.log(
                    MessageType::WARNING,
                    format!(
                        "molt: didChange for a document that is not open: {}",
                        params.text_document.uri.as_str()
                    ),
                )
                .await
            }
        }
    }

    /// `textDocument/didClose`: the disk is the truth again (or the file is forgotten if it
    /// is not on disk or not in a workspace folder); its diagnostics are cleared.
    pub(super) async fn close_document(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let path = path_of(&uri);
        let (revision, forgotten) = {
            let mut state = self.state();
            state.documents.remove(&path);
            let in_folder = state.workspace_for(&path) != 0;
            match std::fs::read(&path) {
                Ok(bytes) if in_folder && workspace::is_python_file(&path) => {
                    let (text, error) = decode(&bytes);
                    state.published.remove(&path);
                    state.build_errors.remove(&path);
                    (state.set_file(&path, text, error), false)
                }
                _ => (state.remove_file(&path), true),
            }
        };
        self.publish(&path, revision, uri, None, Vec::new()).await;
        self.schedule_dependents(vec![path], forgotten);
    }

    /// Checks again, in the background, the other files of the workspace of `changed` whose
    /// diagnostics can depend on them, and publishes those that changed
    /// ([`Priority::Dependent`]): for one file whose text changed, the files whose program
    /// (the file as entry, with the modules its imports reach) contains it; every other file
    /// when files appeared or disappeared (`structural`) or several changed at once, since
    /// imports that found nothing or something else may now find them. The search for the
    /// importers of one file, when a write cancels it (an edit of another file), is tried
    /// again; it is dropped only when that file changed again (the newer change has a round
    /// of its own).
    pub fn schedule_dependents(&self, changed: Vec<PathBuf>, structural: bool) {
        let Some(first) = changed.first() else { return };
        let first = first.clone();
        // The change this is for: a newer change of a single file schedules its own round.
        let revision = self.state().revision(&first);
        let server = self.clone();
        tokio::spawn(async move {
            let dependents = loop {
                // The snapshot is taken only now, in the running task: a snapshot held by a
                // task waiting to be polled would block the next write, and the writer
                // (holding the state lock) can keep every worker from polling it.
                let job = {
                    let state = server.state();
                    let ws = &state.workspaces[state.workspace_for(&first)];
                    let others: Vec<(PathBuf, molt_db::SourceFile)> = ws
                        .files
                        .iter()
                        .filter(|(p, _)| !changed.contains(p))
                        .map(|(p, f)| (p.clone(), *f))
                        .collect();
                    if others.is_empty() {
                        return;
                    }
                    let one = match changed.as_slice() {
                        [path] if !structural => ws.files.get(path).copied(),
                        _ => None,
                    };
                    if one.is_some() && state.revision(&first) != revision {
                        return;
                    }
                    let db = one.map(|_| ws.db.clone());
                    (db, others, one, ws.import_paths(&state.settings))
                };
                let (db, others, one, paths) = job;
                let (Some(file), Some(db)) = (one, db) else {
                    break others.into_iter().map(|(p, _)| p).collect::<Vec<PathBuf>>();
                };
                let found = analysis::run(db, move |db| {
                    others
                        .into_iter()
                        .filter(|(_, other)| {
                            molt_semantic::modules::module_graph(db, paths.program(db, *other))
                                .files()
                                .contains(&file)
                        })
                        .map(|(p, _)| p)
                        .collect::<Vec<PathBuf>>()
                })
                .await;
                match found {
                    Ok(dependents) => break dependents,
                    // Cancelled by a write: retried, unless the write was a newer change of
                    // this file (checked above). An edit of another file schedules the
                    // importers of that file, not of this one.
                    Err(analysis::AnalysisError::Cancelled) => continue,
                    Err(analysis::AnalysisError::Panicked(_)) => return,
                }
            };
            let scheduled: Vec<(PathBuf, u64)> = {
                let mut state = server.state();
                dependents
                    .into_iter()
                    .map(|p| {
                        let revision = state.bump(&p);
                        (p, revision)
                    })
                    .collect()
            };
            for (p, revision) in scheduled {
                server.schedule_diagnostics(p, revision, Priority::Dependent);
            }
        });
    }

    /// Computes and publishes the diagnostics of `path` at `revision` in a task of its own
    /// (see the module docs).
    pub fn schedule_diagnostics(&self, path: PathBuf, revision: u64, priority: Priority) {
        let server = self.clone();
        tokio::spawn(async move {
            server.diagnostics_task(path, revision, priority).await;
        });
    }

    async fn diagnostics_task(&self, path: PathBuf, revision: u64, priority: Priority) {
        let _permit = match priority {
            Priority::Background | Priority::Dependent => {
                self.shared.background.acquire().await.ok()
            }
            Priority::Edit => None,
        };
        loop {
            tokio::task::yield_now().await;
            // The snapshot is taken only now: a snapshot waiting in a queue would block the
            // next edit.
            let (snapshot, uri, version, settings, profile) = {
                let state = self.state();
                if state.revision(&path) != revision {
                    return;
                }
                let Some(snapshot) = state.snapshot(&path) else {
                    return;
                };
                let Some(uri) = state.uri(&path) else {
                    return;
                };
                let version = state.documents.get(&path).map(|d| d.version);
                // Profiles are shown on open documents only (a file changed on disk gets
                // its compiler diagnostics).
                let profile = version.and_then(|_| state.profile_input(&path));
                (snapshot, uri, version, state.settings.clone(), profile)
            };
            let file = snapshot.file;
            let paths = snapshot.paths;
            let result = analysis::run(snapshot.db, move |db| {
                let view = profile.map(|p| profile_view::view(db, file, &p));
                diagnostics::file_diagnostics(db, file, &paths, &settings, view.as_ref())
            })
            .await;
            match result {
                Ok(diagnostics) => {
                    let unchanged = priority == Priority::Dependent
                        && self.state().published.get(&path) == Some(&diagnostics);
                    if !unchanged {
                        self.publish(&path, revision, uri, version, diagnostics)
                            .await;
                    }
                    return;
                }
                // Cancelled by a write: retry if it was not a newer revision of this file.
                Err(AnalysisError::Cancelled) => continue,
                Err(error @ AnalysisError::Panicked(_)) => {
                    self.log(
                        MessageType::ERROR,
                        format!("molt: checking {} failed: {error}", path.display()),
                    )
                    .await;
                    return;
                }
            }
        }
    }

    /// Publishes `diagnostics` (plus the last build failure, if any) for `path` if it is
    /// still at `revision`.
    pub async fn publish(
        &self,
        path: &Path,
        revision: u64,
        uri: Uri,
        version: Option<i32>,
        diagnostics: Vec<Diagnostic>,
    ) {
        let _serialized = self.shared.publish.lock().await;
        let all = {
            let mut state = self.state();
            if state.revision(path) != revision {
                return;
            }
            let mut all = diagnostics.clone();
            if let Some(build_errors) = state.build_errors.get(path) {
                all.extend(build_errors.iter().cloned());
            }
            state.published.insert(path.to_path_buf(), diagnostics);
            all
        };
        self.client.publish_diagnostics(uri, all, version).await;
    }

    /// Publishes the last analysis diagnostics of `path` again, with its current build
    /// failures (after a build).
    pub async fn republish(&self, path: &Path) {
        let (revision, uri, version, diagnostics) = {
            let state = self.state();
            let Some(uri) = state.uri(path) else {
                return;
            };
            (
                state.revision(path),
                uri,
                state.documents.get(path).map(|d| d.version),
                state.published.get(path).cloned().unwrap_or_default(),
            )
        };
        self.publish(path, revision, uri, version, diagnostics)
            .await;
    }

    /// Checks the open documents of the workspace folder `root` again in the background,
    /// publishing those whose diagnostics changed ([`Priority::Dependent`]): after its load
    /// changed files that their checks may have read.
    pub fn recheck_open_documents(&self, root: &Path) {
        self.recheck_open(Priority::Dependent, |state| {
            let i = state
                .workspaces
                .iter()
                .position(|ws| ws.root.as_deref() == Some(root))?;
            Some(
                state
                    .documents
                    .keys()
                    .filter(|p| state.folder_of(p) == Some(i))
                    .cloned()
                    .collect(),
            )
        });
    }

    /// Recomputes the diagnostics of every open document (after a settings change).
    pub fn republish_open_documents(&self) {
        self.recheck_open(Priority::Edit, |state| {
            Some(state.documents.keys().cloned().collect())
        });
    }

    /// Checks again, at `priority`, the open documents `select` names (nothing when it gives
    /// `None`), each under a new revision.
    fn recheck_open(
        &self,
        priority: Priority,
        select: impl FnOnce(&State) -> Option<Vec<PathBuf>>,
    ) {
        let open: Vec<(PathBuf, u64)> = {
            let mut state = self.state();
            let Some(paths) = select(&state) else {
                return;
            };
            paths
                .into_iter()
                .map(|p| {
                    let revision = state.bump(&p);
                    (p, revision)
                })
                .collect()
        };
        for (path, revision) in open {
            self.schedule_diagnostics(path, revision, priority);
        }
    }
}
