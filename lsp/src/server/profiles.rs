//! Profiles from disk: `<outDir>/**/*.profile.json` (builds mirror the workspace's folders
//! under `outDir`) with the site map beside each (`<stem>.sites.json`), read through `molt_profiler`, kept per workspace output folder,
//! reloaded when a run writes them (the output folder is watched: `watch`), and the refresh
//! of what shows them (lenses, hints, diagnostics). `profile_view` places them in a file.
//!
//! A profile that cannot be read (missing site map, invalid JSON, another schema version)
//! is a log message and no overlay, never a failure of the server.
//!
//! **The site map that ran is kept.** A build on save writes a new site map beside the
//! profile; when it describes another build than the profile's, the site map read with the
//! profile (if it matched) stays in use, so that the profile, now stale, can still be placed
//! on the lines that did not change.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use molt_profiler::{
    Analysis, Profile, SiteMap, read_profile, read_site_map, same_file, sha256_hex,
    site_map_path_for,
};
use tower_lsp_server::ls_types::MessageType;

use super::Server;
use super::profile_view::ProfileInput;
use super::settings::ProfileSetting;
use super::state::State;

/// The file-name suffix of profiles.
pub const PROFILE_SUFFIX: &str = ".profile.json";

/// The file-name suffix of site maps.
pub const SITES_SUFFIX: &str = ".sites.json";

/// A profile read from disk, joined with the site map of the build that ran.
pub struct LoadedProfile {
    /// The profile file.
    pub path: PathBuf,
    /// The profile.
    pub profile: Profile,
    /// The site map used for positions: the one of the build that ran when one was seen,
    /// else the one on disk (see the module docs).
    pub map: SiteMap,
    /// The build id of the site map on disk now.
    pub disk_build_id: String,
    /// `profile` joined with `map` (staleness is decided per request, from the editor's
    /// text).
    pub analysis: Analysis,
    /// The text that ran, per source file of the profile (its path in the profile), when a
    /// text with the profile's SHA-256 was seen (on disk or in the editor) at load time.
    pub bases: HashMap<String, Arc<str>>,
    /// When the profile file was last modified.
    pub modified: Option<SystemTime>,
    /// The profile file and the site map on disk as read (see [`FileStamps`]).
    pub stamps: FileStamps,
}

/// The modification time and length of the profile file and of the site map beside it:
/// when neither changed, a scan of the output folder (the workspace's load, a new output
/// folder, a settings change) or a watcher event for the folder needs no reload.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileStamps {
    /// The profile: modified, length in bytes.
    pub profile: Option<(Option<SystemTime>, u64)>,
    /// The site map: modified, length in bytes.
    pub site_map: Option<(Option<SystemTime>, u64)>,
}

impl FileStamps {
    /// The stamps of the profile at `path` and of its site map, from their metadata (no file
    /// is opened).
    fn of(path: &Path) -> FileStamps {
        let stamp = |p: &Path| {
            std::fs::metadata(p)
                .ok()
                .map(|m| (m.modified().ok(), m.len()))
        };
        FileStamps {
            profile: stamp(path),
            site_map: site_map_path_for(path).and_then(|p| stamp(&p)),
        }
    }
}

impl LoadedProfile {
    /// Whether the profile is of a program with the source file `source`.
    pub fn covers(&self, source: &str) -> bool {
        self.profile
            .files
            .iter()
            .any(|f| same_file(&f.path, source))
    }

    /// The text of `source` that ran, if known.
    pub fn base_text(&self, source: &str) -> Option<&str> {
        self.bases
            .iter()
            .find(|(path, _)| same_file(path, source))
            .map(|(_, text)| &**text)
    }
}

/// The profiles the server knows (see the module docs).
#[derive(Default)]
pub struct ProfileStore {
    profiles: HashMap<PathBuf, Arc<LoadedProfile>>,
    /// The last error logged per profile path (logged again only when it changes).
    errors: HashMap<PathBuf, String>,
    /// Output folders already scanned.
    scanned: HashSet<PathBuf>,
}

impl ProfileStore {
    /// The profile of `source`: among the profiles of programs with that file, the one
    /// named after it (`<stem>.profile.json`), else the newest.
    pub fn for_source(&self, source: &Path) -> Option<Arc<LoadedProfile>> {
        let source_text = source.display().to_string();
        let own_name = source
            .file_stem()
            .map(|s| format!("{}{PROFILE_SUFFIX}", s.to_string_lossy()));
        self.profiles
            .values()
            .filter(|p| p.covers(&source_text))
            .max_by_key(|p| {
                let named = p
                    .path
                    .file_name()
                    .is_some_and(|n| Some(n.to_string_lossy().into_owned()) == own_name);
                (named, p.modified, p.path.clone())
            })
            .cloned()
    }

    /// The loaded profile at `path`, if any.
    pub fn get(&self, path: &Path) -> Option<Arc<LoadedProfile>> {
        self.profiles.get(path).cloned()
    }
}

/// Whether `path` is named like a profile or a site map.
pub fn is_profile_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(PROFILE_SUFFIX) || n.ends_with(SITES_SUFFIX))
}

/// The profile that goes with a profile or site-map path: the path itself, or the
/// `<stem>.profile.json` beside `<stem>.sites.json`.
fn profile_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    if name.ends_with(PROFILE_SUFFIX) {
        return Some(path.to_path_buf());
    }
    let stem = name.strip_suffix(SITES_SUFFIX)?;
    Some(path.with_file_name(format!("{stem}{PROFILE_SUFFIX}")))
}

/// How deep [`profiles_in`] looks under the output folder (builds mirror the workspace's
/// folders there: `<outDir>/pkg/app.profile.json`).
const MAX_PROFILE_DEPTH: usize = 32;

/// The profiles in `dir` and its subfolders (symbolic links to folders not followed), sorted.
fn profiles_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), 0)];
    while let Some((folder, depth)) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if depth < MAX_PROFILE_DEPTH {
                    pending.push((path, depth + 1));
                }
            } else if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(PROFILE_SUFFIX))
                && path.is_file()
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// What reading one profile gave.
enum Loaded {
    /// The profile and its site map.
    Profile(Box<LoadedProfile>),
    /// There is no profile at the path (any more).
    Absent,
    /// It cannot be read: why.
    Failed(String),
    /// Neither it nor its site map changed on disk since `previous` was loaded.
    Unchanged,
}

/// Reads the profile at `path` and the site map beside it (blocking). `previous` is the
/// profile loaded from `path` before (its site map is kept if it is still the build that
/// ran); `editor_texts` the editor's current texts of source files, by path.
fn load(
    path: &Path,
    previous: Option<&LoadedProfile>,
    editor_texts: &HashMap<PathBuf, String>,
) -> Loaded {
    if !path.is_file() {
        return Loaded::Absent;
    }
    let stamps = FileStamps::of(path);
    if previous.is_some_and(|p| p.stamps == stamps) {
        return Loaded::Unchanged;
    }
    let profile = match read_profile(path) {
        Ok(profile) => profile,
        Err(error) => return Loaded::Failed(error.to_string()),
    };
    let Some(sites_path) = site_map_path_for(path) else {
        return Loaded::Absent;
    };
    let disk_map = match read_site_map(&sites_path) {
        Ok(map) => map,
        Err(error) => {
            return Loaded::Failed(format!(
                "{error} (a build writes the site map beside the executable)"
            ));
        }
    };
    let disk_build_id = disk_map.build_id.clone();
    let map = match previous {
        Some(previous)
            if disk_map.build_id != profile.build_id
                && previous.map.build_id == profile.build_id =>
        {
            previous.map.clone()
        }
        _ => disk_map,
    };
    let mut bases = HashMap::new();
    for file in &profile.files {
        let kept = previous
            .and_then(|p| p.bases.get(&file.path))
            .filter(|text| sha256_hex(text) == file.sha256)
            .cloned();
        let base = kept.or_else(|| {
            let editor = editor_texts
                .iter()
                .find(|(p, _)| same_file(&p.display().to_string(), &file.path))
                .map(|(_, text)| text.clone());
            editor
                .into_iter()
                .chain(std::fs::read_to_string(&file.path).ok())
                .find(|text| sha256_hex(text) == file.sha256)
                .map(Arc::from)
        });
        if let Some(base) = base {
            bases.insert(file.path.clone(), base);
        }
    }
    let analysis = Analysis::join(&profile, &map, Vec::new());
    Loaded::Profile(Box::new(LoadedProfile {
        path: path.to_path_buf(),
        modified: stamps.profile.and_then(|(modified, _)| modified),
        stamps,
        profile,
        map,
        disk_build_id,
        analysis,
        bases,
    }))
}

impl State {
    /// What the features of `path` need to show its profile: `None` when the `profile`
    /// setting is off or there is no profile of the file.
    pub fn profile_input(&self, path: &Path) -> Option<ProfileInput> {
        if self.settings.profile == ProfileSetting::Off {
            return None;
        }
        let loaded = self.profiles.for_source(path)?;
        let workspace = self.workspace_for(path);
        let source = path.display().to_string();
        let others = loaded
            .profile
            .files
            .iter()
            .filter(|f| !same_file(&f.path, &source))
            .filter_map(|f| {
                let other = Path::new(&f.path);
                if self.workspace_for(other) != workspace {
                    return None;
                }
                let (_, file) = self.file(other)?;
                Some((f.path.clone(), file))
            })
            .collect();
        Some(ProfileInput { loaded, others })
    }
}

impl Server {
    /// Loads the profiles in the output folder `out_dir` the first time it is asked for (when
    /// a document is opened), or again with `again` (the folder was just created or just
    /// started being watched). A scan also forgets the profiles loaded from `out_dir` that
    /// are no longer on disk: one removed before the folder was watched is otherwise never
    /// seen to go.
    pub(super) async fn scan_profiles(&self, out_dir: PathBuf, again: bool) {
        let known: Vec<PathBuf> = {
            let mut state = self.state();
            if !state.profiles.scanned.insert(out_dir.clone()) && !again {
                return;
            }
            state
                .profiles
                .profiles
                .keys()
                .filter(|p| p.starts_with(&out_dir))
                .cloned()
                .collect()
        };
        let dir = out_dir.clone();
        let Ok(paths) = tokio::task::spawn_blocking(move || {
            let mut paths = profiles_in(&dir);
            paths.extend(known);
            paths
        })
        .await
        else {
            return;
        };
        if !paths.is_empty() {
            self.reload_profiles(paths).await;
        }
    }

    /// Reads the profiles at `paths` again (profile or site-map paths; profiles no longer
    /// on disk are forgotten), logs those that cannot be read, and refreshes what shows
    /// them when anything changed.
    pub(super) async fn reload_profiles(&self, paths: Vec<PathBuf>) {
        let mut profiles: Vec<PathBuf> = paths.iter().filter_map(|p| profile_of(p)).collect();
        profiles.sort();
        profiles.dedup();
        if profiles.is_empty() {
            return;
        }
        // One read at a time, each applied before the next starts (see `Shared`): a read
        // that started earlier and ends later would put back a profile a newer read found
        // removed or changed, and two reads of an unchanged profile would both load it.
        let reading = self.shared.profile_reads.lock().await;
        let (previous, editor_texts) = {
            let state = self.state();
            let previous: Vec<Option<Arc<LoadedProfile>>> =
                profiles.iter().map(|p| state.profiles.get(p)).collect();
            // The editor's texts of open documents (the text that ran may be only there).
            let texts: HashMap<PathBuf, String> = state
                .documents
                .keys()
                .filter_map(|p| {
                    let (ws, file) = state.file(p)?;
                    Some((p.clone(), file.text(&ws.db).clone()))
                })
                .collect();
            (previous, texts)
        };
        let task_profiles = profiles.clone();
        let results = tokio::task::spawn_blocking(move || {
            task_profiles
                .iter()
                .zip(&previous)
                .map(|(path, previous)| load(path, previous.as_deref(), &editor_texts))
                .collect::<Vec<_>>()
        })
        .await;
        let Ok(results) = results else {
            return;
        };
        let mut messages = Vec::new();
        let mut changed = false;
        {
            let mut state = self.state();
            let store = &mut state.profiles;
            for (path, result) in profiles.into_iter().zip(results) {
                match result {
                    Loaded::Profile(loaded) => {
                        store.errors.remove(&path);
                        messages.push((
                            MessageType::INFO,
                            format!(
                                "molt: loaded profile {} (build {}, {} functions)",
                                path.display(),
                                loaded.profile.build_id,
                                loaded.profile.functions.len()
                            ),
                        ));
                        store.profiles.insert(path, Arc::from(loaded));
                        changed = true;
                    }
                    Loaded::Unchanged => {}
                    Loaded::Absent => {
                        store.errors.remove(&path);
                        changed |= store.profiles.remove(&path).is_some();
                    }
                    Loaded::Failed(error) => {
                        changed |= store.profiles.remove(&path).is_some();
                        if store.errors.get(&path) != Some(&error) {
                            store.errors.insert(path, error.clone());
                            messages.push((
                                MessageType::WARNING,
                                format!("molt: cannot use profile: {error}"),
                            ));
                        }
                    }
                }
            }
        }
        drop(reading);
        for (typ, message) in messages {
            self.log(typ, message).await;
        }
        if changed {
            self.refresh_overlays().await;
        }
    }

    /// Shows the overlays again after profiles or settings changed: diagnostics of open
    /// documents are recomputed, and the client is asked for lenses and hints again (when
    /// it supports that).
    pub(super) async fn refresh_overlays(&self) {
        self.republish_open_documents();
        let support = self.state().client;
        if support.code_lens_refresh
            && let Err(error) = self.client.code_lens_refresh().await
        {
            self.log(
                MessageType::LOG,
                format!("molt: workspace/codeLens/refresh failed: {error}"),
            )
            .await;
        }
        if support.inlay_hint_refresh
            && let Err(error) = self.client.inlay_hint_refresh().await
        {
            self.log(
                MessageType::LOG,
                format!("molt: workspace/inlayHint/refresh failed: {error}"),
            )
            .await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_and_site_map_names() {
        let p = Path::new("/w/target/molt/loop.profile.json");
        assert!(is_profile_file(p));
        assert!(is_profile_file(Path::new("/w/target/molt/loop.sites.json")));
        assert!(!is_profile_file(Path::new("/w/target/molt/loop")));
        assert_eq!(profile_of(p), Some(p.to_path_buf()));
        assert_eq!(
            profile_of(Path::new("/w/target/molt/loop.sites.json")),
            Some(p.to_path_buf())
        );
        assert_eq!(profile_of(Path::new("/w/loop.py")), None);
    }

    #[test]
    fn a_missing_or_bad_profile_is_not_loaded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.profile.json");
        assert!(matches!(load(&path, None, &HashMap::new()), Loaded::Absent));
        std::fs::write(&path, "{ not json").expect("write");
        match load(&path, None, &HashMap::new()) {
            Loaded::Failed(message) => assert!(message.contains("invalid JSON"), "{message}"),
            _ => panic!("a bad profile loads"),
        }
        assert_eq!(profiles_in(dir.path()), vec![path.clone()]);
        // Profiles in subfolders (a build of `pkg/app.py`) are found too.
        let nested = dir.path().join("pkg/app.profile.json");
        std::fs::create_dir_all(dir.path().join("pkg")).expect("mkdir");
        std::fs::write(&nested, "{}").expect("write");
        std::fs::write(dir.path().join("pkg/app"), "").expect("write");
        assert_eq!(profiles_in(dir.path()), vec![nested, path]);
    }
}
