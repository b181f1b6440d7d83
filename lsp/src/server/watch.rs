//! Watching workspace folders for changes made outside the editor (git checkout, generated
//! files), with `notify`, debounced here ([`DEBOUNCE`]).
//!
//! Each folder that is not ignored (see `workspace::is_ignored`) gets its own non-recursive
//! watch, so build output and virtual environments, which can hold thousands of folders,
//! cost no watches at all; a folder created later is watched when its creation is seen.
//! Events are debounced and sent, as paths, to the server's main loop.
//!
//! The output folder (`outDir`) is the exception: it is watched by itself, with its
//! subfolders (builds mirror the workspace's folders there), and with the folders between it
//! and the workspace folder, to see it created, for the profiles and site maps runs and
//! builds write there (`profiles`).
//!
//! **Invariant:** watch first, then read. A folder is watched before it is listed and a file
//! before it is read, so that a change made meanwhile is seen twice (by the read and as an
//! event) rather than never. Reads are not events: the watcher reports every open, the
//! server's own included, and each read answering an event would otherwise cause the next.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tower_lsp_server::ls_types::{MessageType, WorkspaceFoldersChangeEvent};

use super::Server;
use super::documents::{Priority, decode};
use super::profiles::is_profile_file;
use super::state::path_of;
use super::workspace::{Workspace, is_ignored, is_python_file, scan};

/// How long the watched folders must be quiet before their changes are reported (a
/// `git checkout` writes many files in a burst; editors save through a temporary file and a
/// rename).
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// The longest a change waits to be reported while changes keep coming.
pub const MAX_DEBOUNCE: Duration = Duration::from_secs(1);

/// A batch of changed paths reported by a watcher (files or folders; created, changed or
/// removed: the receiver looks at the disk to see which).
#[derive(Debug)]
pub enum WatchEvent {
    /// Paths that changed, sorted, without duplicates.
    Changed(Vec<PathBuf>),
    /// The watcher failed (the message, for the log).
    Error(String),
}

/// The watcher of one workspace folder. Clones share it (a scan on a blocking thread
/// watches the folders it lists); it stops watching when the last clone is dropped.
#[derive(Clone)]
pub struct FolderWatcher {
    watcher: Arc<Mutex<RecommendedWatcher>>,
}

impl FolderWatcher {
    /// Starts a watcher that sends its events to `events`, debounced by a thread of its own
    /// (which ends with the watcher). It watches nothing until [`FolderWatcher::watch`] is
    /// called.
    ///
    /// # Errors
    /// The watcher could not be created (for example, the inotify limit is reached).
    pub fn new(events: UnboundedSender<WatchEvent>) -> notify::Result<FolderWatcher> {
        let (raw, received) = std::sync::mpsc::channel();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            // The receiver is gone only when the debouncing thread is.
            let _ = raw.send(event);
        })?;
        std::thread::Builder::new()
            .name("molt-watch".to_owned())
            .spawn(move || debounce(&received, &events))
            .map_err(notify::Error::io)?;
        Ok(FolderWatcher {
            watcher: Arc::new(Mutex::new(watcher)),
        })
    }

    fn watch_with(&self, folder: &Path, mode: RecursiveMode) -> notify::Result<()> {
        self.watcher
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .watch(folder, mode)
    }

    /// Watches the entries of `folder` (not its subfolders).
    ///
    /// # Errors
    /// The folder cannot be watched (removed meanwhile, or the watch limit is reached).
    pub fn watch(&self, folder: &Path) -> notify::Result<()> {
        self.watch_with(folder, RecursiveMode::NonRecursive)
    }

    /// Watches `folder` and every folder under it, including those created later.
    ///
    /// # Errors
    /// The folder cannot be watched (removed meanwhile, or the watch limit is reached).
    pub fn watch_tree(&self, folder: &Path) -> notify::Result<()> {
        self.watch_with(folder, RecursiveMode::Recursive)
    }
}

/// Whether an event is a read: an open, or a close after reading (a close after writing is
/// a change: the file was just written).
fn is_read(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Access(access) if *access != AccessKind::Close(AccessMode::Write))
}

/// Forwards the paths of the `raw` events to `events` in batches: a batch is sent once no
/// event came for [`DEBOUNCE`], or [`MAX_DEBOUNCE`] after its first event. Reads (`Access`
/// events) are left out (see the module docs). Returns when either channel closes.
fn debounce(raw: &Receiver<notify::Result<notify::Event>>, events: &UnboundedSender<WatchEvent>) {
    let mut pending: Vec<PathBuf> = Vec::new();
    let mut first: Option<Instant> = None;
    loop {
        let received = match first {
            None => raw.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(start) => {
                let left = MAX_DEBOUNCE.saturating_sub(start.elapsed());
                if left.is_zero() {
                    Err(RecvTimeoutError::Timeout)
                } else {
                    raw.recv_timeout(DEBOUNCE.min(left))
                }
            }
        };
        let sent = match received {
            Ok(Ok(event)) => {
                if !is_read(&event.kind) && !event.paths.is_empty() {
                    first.get_or_insert_with(Instant::now);
                    pending.extend(event.paths);
                }
                Ok(())
            }
            Ok(Err(error)) => events.send(WatchEvent::Error(error.to_string())),
            Err(RecvTimeoutError::Timeout) => {
                first = None;
                pending.sort();
                pending.dedup();
                events.send(WatchEvent::Changed(std::mem::take(&mut pending)))
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        // The receiver is gone only when the server is shutting down.
        if sent.is_err() {
            return;
        }
    }
}

/// Watches the output folder `out_dir` of the workspace folder `root` and the folders between
/// them that exist (the workspace folder itself is watched already), so that its creation and
/// the files written in it are seen. Returns the problems.
pub fn watch_output_folder(watcher: &FolderWatcher, root: &Path, out_dir: &Path) -> Vec<String> {
    let mut folders = Vec::new();
    if out_dir.starts_with(root) {
        let mut dir = out_dir;
        while dir != root {
            folders.push(dir.to_path_buf());
            match dir.parent() {
                Some(parent) => dir = parent,
                None => break,
            }
        }
    } else {
        folders.push(out_dir.to_path_buf());
    }
    let mut problems = Vec::new();
    for folder in folders.iter().rev().filter(|f| f.is_dir()) {
        // The output folder with its subfolders; the folders on the way to it by themselves.
        let watched = if folder == out_dir {
            watcher.watch_tree(folder)
        } else {
            watcher.watch(folder)
        };
        if let Err(error) = watched {
            problems.push(format!("cannot watch {}: {error}", folder.display()));
        }
    }
    problems
}

/// What the disk says about one changed path, read off the main loop.
enum DiskChange {
    /// A Python file with these contents.
    File(PathBuf, Vec<u8>),
    /// A path that no longer exists: the file, or every file under the folder.
    Removed(PathBuf),
}

impl Server {
    /// Loads every Python file of the workspace folder `root` and starts watching it. Open
    /// documents keep the editor's text; the other files the workspace knew already (closed
    /// documents) take the disk's, and are forgotten if they are no longer there: changes
    /// made before the watches started are seen by this read alone.
    pub(super) async fn load_workspace(self, root: PathBuf) {
        let out_dir = self.settings().out_dir_in(&root);
        let events = self.shared.watch_events.clone();
        let scan_root = root.clone();
        let mut profiles_dir = out_dir.clone();
        // Held until what was read is applied (see `Shared::disk`).
        let disk = self.shared.disk.lock().await;
        let loaded = tokio::task::spawn_blocking(move || {
            let mut problems = Vec::new();
            let watcher = match FolderWatcher::new(events) {
                Ok(watcher) => Some(watcher),
                Err(error) => {
                    problems.push(format!("cannot watch {}: {error}", scan_root.display()));
                    None
                }
            };
            // Watch first, then read: a file written in between is seen twice, not missed.
            let found = scan(&scan_root, &scan_root, &out_dir, &mut |folder| {
                if let Some(watcher) = &watcher
                    && let Err(error) = watcher.watch(folder)
                {
                    problems.push(format!("cannot watch {}: {error}", folder.display()));
                }
            });
            if let Some(watcher) = &watcher {
                problems.extend(watch_output_folder(watcher, &scan_root, &out_dir));
            }
            let files: Vec<(PathBuf, Vec<u8>)> = found
                .files
                .into_iter()
                .filter_map(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
                .collect();
            (watcher, problems, files)
        })
        .await;
        let Ok((watcher, problems, files)) = loaded else {
            return;
        };
        let count = files.len();
        let mut problems = problems;
        let (changed, removed, stale) = {
            let mut guard = self.state();
            let state = &mut *guard;
            let Some(ws) = state
                .workspaces
                .iter_mut()
                .find(|ws| ws.root.as_deref() == Some(root.as_path()))
            else {
                return; // The folder was removed meanwhile.
            };
            // `outDir` changed while the folder was read (the settings pulled at start-up):
            // its output folder is watched now (`watch_output_folders` found no watcher).
            let out_now = state.settings.out_dir_in(&root);
            if out_now != profiles_dir {
                if let Some(watcher) = &watcher {
                    problems.extend(watch_output_folder(watcher, &root, &out_now));
                }
                profiles_dir = out_now;
            }
            ws.watcher = watcher;
            let mut changed = Vec::new();
            let mut stale = false;
            let mut on_disk = std::collections::HashSet::new();
            for (path, bytes) in files {
                on_disk.insert(path.clone());
                if state.documents.contains_key(&path) {
                    continue;
                }
                let known = ws.files.contains_key(&path);
                let (text, error) = decode(&bytes);
                if ws.load_file(&path, text, error) {
                    stale = true;
                    if known {
                        changed.push(path);
                    }
                }
            }
            // Not found by the scan and not on disk (a file of an ignored folder, which the
            // scan skips, stays as it is).
            let gone: Vec<PathBuf> = ws
                .files
                .keys()
                .filter(|p| !on_disk.contains(*p) && !state.documents.contains_key(*p))
                .filter(|p| std::fs::symlink_metadata(p).is_err())
                .cloned()
                .collect();
            stale |= !gone.is_empty();
            let changed: Vec<(PathBuf, u64)> = changed
                .into_iter()
                .map(|path| {
                    let revision = state.bump(&path);
                    (path, revision)
                })
                .collect();
            let removed: Vec<(PathBuf, u64, Option<tower_lsp_server::ls_types::Uri>)> = gone
                .into_iter()
                .map(|path| {
                    let uri = state.uri(&path);
                    let revision = state.remove_file(&path);
                    (path, revision, uri)
                })
                .collect();
            (changed, removed, stale)
        };
        drop(disk);
        for (path, revision, uri) in removed {
            if let Some(uri) = uri {
                self.publish(&path, revision, uri, None, Vec::new()).await;
            }
        }
        for (path, revision) in changed {
            self.schedule_diagnostics(path, revision, Priority::Background);
        }
        if stale {
            // Checks of open documents may have read the disk before the load (an import of
            // a file created since): they are checked again.
            self.recheck_open_documents(&root);
        }
        for problem in problems.iter().take(5) {
            self.log(MessageType::WARNING, format!("molt: {problem}"))
                .await;
        }
        self.log(
            MessageType::INFO,
            format!("molt: loaded {count} Python files from {}", root.display()),
        )
        .await;
        // Again even when an opened document had it scanned: the watches start only now, so
        // a profile written or removed before them is seen by this scan alone.
        self.scan_profiles(profiles_dir, true).await;
    }

    /// Watches the output folder of every workspace folder and reads its profiles (after
    /// `outDir` changed).
    pub(super) async fn watch_output_folders(&self) {
        let mut problems = Vec::new();
        let mut out_dirs = Vec::new();
        {
            let mut state = self.state();
            let settings = state.settings.clone();
            for ws in &mut state.workspaces {
                let Some(root) = ws.root.clone() else {
                    continue;
                };
                let out_dir = settings.out_dir_in(&root);
                if let Some(watcher) = &ws.watcher {
                    problems.extend(watch_output_folder(watcher, &root, &out_dir));
                }
                out_dirs.push(out_dir);
            }
        }
        for problem in problems.iter().take(5) {
            self.log(MessageType::WARNING, format!("molt: {problem}"))
                .await;
        }
        // Read again even if it was read before: it was not watched since.
        for out_dir in out_dirs {
            self.scan_profiles(out_dir, true).await;
        }
    }

    /// Applies the batches of changed paths reported by the watchers, until the server
    /// stops.
    pub(super) async fn process_watch_events(self, mut events: UnboundedReceiver<WatchEvent>) {
        while let Some(event) = events.recv().await {
            let mut paths = Vec::new();
            let handle = |event: WatchEvent, paths: &mut Vec<PathBuf>| match event {
                WatchEvent::Changed(changed) => paths.extend(changed),
                WatchEvent::Error(message) => {
                    let server = self.clone();
                    tokio::spawn(async move {
                        server
                            .log(
                                MessageType::WARNING,
                                format!("molt: file watcher: {message}"),
                            )
                            .await;
                    });
                }
            };
            handle(event, &mut paths);
            while let Ok(event) = events.try_recv() {
                handle(event, &mut paths);
            }
            paths.sort();
            paths.dedup();
            self.apply_disk_changes(paths).await;
        }
    }

    /// Reloads files changed on disk that are not open in the editor, forgets removed ones,
    /// watches new folders, and republishes diagnostics of the files that changed.
    async fn apply_disk_changes(&self, paths: Vec<PathBuf>) {
        // Held until what was read is applied (see `Shared::disk`).
        let disk = self.shared.disk.lock().await;
        // Which workspace folders (and their output folders) the paths belong to, with
        // their watchers (a new folder is watched before it is read).
        let roots: Vec<(PathBuf, PathBuf, Option<FolderWatcher>)> = {
            let state = self.state();
            state
                .workspaces
                .iter()
                .filter_map(|ws| Some((ws.root.clone()?, ws.watcher.clone())))
                .map(|(root, watcher)| {
                    let out = state.settings.out_dir_in(&root);
                    (root, out, watcher)
                })
                .collect()
        };
        let read = tokio::task::spawn_blocking(move || {
            let mut changes = Vec::new();
            let mut profiles = Vec::new();
            let mut output_folders = Vec::new();
            for path in paths {
                let Some((root, out, watcher)) = roots
                    .iter()
                    .filter(|(root, out, _)| path.starts_with(root) || path.starts_with(out))
                    .max_by_key(|(root, _, _)| root.components().count())
                else {
                    continue;
                };
                // Profiles and site maps written by runs and builds (in the output folder
                // or, for files in subfolders of the workspace, in its subfolders).
                if path.starts_with(out) && is_profile_file(&path) {
                    profiles.push(path);
                    continue;
                }
                // The output folder, or a folder on the way to it, appeared.
                if path != *root && out.starts_with(&path) && path.is_dir() {
                    output_folders.push((root.clone(), out.clone()));
                }
                if !path.starts_with(root) {
                    continue;
                }
                match std::fs::metadata(&path) {
                    Ok(meta) if meta.is_dir() => {
                        if !is_ignored(root, &path, out, true) {
                            // A new folder: watched, then listed (see `scan`).
                            let found = scan(root, &path, out, &mut |folder| {
                                if let Some(watcher) = watcher {
                                    let _ = watcher.watch(folder);
                                }
                            });
                            for file in found.files {
                                if let Ok(bytes) = std::fs::read(&file) {
                                    changes.push(DiskChange::File(file, bytes));
                                }
                            }
                        }
                    }
                    Ok(_) => {
                        if is_python_file(&path)
                            && !is_ignored(root, &path, out, false)
                            && let Ok(bytes) = std::fs::read(&path)
                        {
                            changes.push(DiskChange::File(path, bytes));
                        }
                    }
                    Err(_) => changes.push(DiskChange::Removed(path)),
                }
            }
            (changes, profiles, output_folders)
        })
        .await;
        let Ok((changes, profiles, mut output_folders)) = read else {
            return;
        };
        if !profiles.is_empty() {
            let server = self.clone();
            tokio::spawn(async move { server.reload_profiles(profiles).await });
        }
        output_folders.dedup();
        for (root, out) in output_folders {
            let problems = {
                let state = self.state();
                let i = state.workspace_for(&root);
                state
                    .workspaces
                    .get(i)
                    .and_then(|ws| ws.watcher.as_ref())
                    .map(|watcher| watch_output_folder(watcher, &root, &out))
                    .unwrap_or_default()
            };
            for problem in problems.iter().take(5) {
                self.log(MessageType::WARNING, format!("molt: {problem}"))
                    .await;
            }
            let server = self.clone();
            tokio::spawn(async move { server.scan_profiles(out, true).await });
        }
        let mut changed = Vec::new();
        let mut removed = Vec::new();
        {
            let mut state = self.state();
            for change in changes {
                match change {
                    DiskChange::File(path, bytes) => {
                        if state.documents.contains_key(&path) {
                            continue;
                        }
                        // The folder may have been removed while the file was read.
                        let Some(i) = state.folder_of(&path) else {
                            continue;
                        };
                        let (text, error) = decode(&bytes);
                        let created = state
                            .workspaces
                            .get(i)
                            .is_some_and(|ws| !ws.files.contains_key(&path));
                        let updated = state
                            .workspaces
                            .get_mut(i)
                            .is_some_and(|ws| ws.set_file(&path, text, error));
                        if updated {
                            let revision = state.bump(&path);
                            changed.push((path, revision, created));
                        }
                    }
                    DiskChange::Removed(gone) => {
                        let i = state.workspace_for(&gone);
                        let known: Vec<PathBuf> = state
                            .workspaces
                            .get(i)
                            .map(|ws| {
                                ws.files
                                    .keys()
                                    .filter(|p| p.starts_with(&gone))
                                    .cloned()
                                    .collect()
                            })
                            .unwrap_or_default();
                        for path in known {
                            if state.documents.contains_key(&path) {
                                continue;
                            }
                            let uri = state.uri(&path);
                            let revision = state.remove_file(&path);
                            removed.push((path, revision, uri));
                        }
                    }
                }
            }
        }
        drop(disk);
        let structural = !removed.is_empty() || changed.iter().any(|(_, _, created)| *created);
        let mut touched: Vec<PathBuf> = Vec::new();
        for (path, revision, uri) in removed {
            if let Some(uri) = uri {
                self.publish(&path, revision, uri, None, Vec::new()).await;
            }
            touched.push(path);
        }
        for (path, revision, _) in changed {
            self.schedule_diagnostics(path.clone(), revision, Priority::Background);
            touched.push(path);
        }
        // By workspace: each gets one round of dependents.
        let mut by_workspace: std::collections::BTreeMap<usize, Vec<PathBuf>> = Default::default();
        {
            let state = self.state();
            for path in touched {
                by_workspace
                    .entry(state.workspace_for(&path))
                    .or_default()
                    .push(path);
            }
        }
        for (_, paths) in by_workspace {
            self.schedule_dependents(paths, structural);
        }
    }

    /// `workspace/didChangeWorkspaceFolders`: new folders get a database, a scan and a
    /// watcher; removed folders are dropped (their open documents move to the loose
    /// workspace).
    pub(super) async fn change_workspace_folders(&self, event: WorkspaceFoldersChangeEvent) {
        let mut added = Vec::new();
        {
            let mut state = self.state();
            for folder in &event.removed {
                let root = path_of(&folder.uri);
                let Some(i) = state
                    .workspaces
                    .iter()
                    .position(|ws| ws.root.as_deref() == Some(root.as_path()))
                else {
                    continue;
                };
                let ws = state.workspaces.remove(i);
                let open: Vec<(PathBuf, String)> = ws
                    .files
                    .iter()
                    .filter(|(path, _)| state.documents.contains_key(*path))
                    .map(|(path, file)| (path.clone(), file.text(&ws.db).clone()))
                    .collect();
                drop(ws);
                for (path, text) in open {
                    state.set_file(&path, text, None);
                }
            }
            for folder in &event.added {
                let root = path_of(&folder.uri);
                if state
                    .workspaces
                    .iter()
                    .any(|ws| ws.root.as_ref() == Some(&root))
                {
                    continue;
                }
                // Open documents under the new folder move into it.
                let moved: Vec<(PathBuf, String)> = state
                    .documents
                    .keys()
                    .filter(|p| p.starts_with(&root))
                    .filter_map(|p| {
                        let (ws, file) = state.file(p)?;
                        Some((p.clone(), file.text(&ws.db).clone()))
                    })
                    .collect();
                state.workspaces.push(Workspace::new(Some(root.clone())));
                for (path, text) in moved {
                    state.set_file(&path, text, None);
                }
                added.push(root);
            }
        }
        for root in added {
            tokio::spawn(self.clone().load_workspace(root));
        }
        self.republish_open_documents();
    }
}
