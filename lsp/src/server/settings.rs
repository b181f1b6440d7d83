//! The server's settings: `initializationOptions`, `workspace/didChangeConfiguration` and the
//! pulled `workspace/configuration` section `molt`, all with the same keys.
//!
//! ```json
//! {"buildOnSave": "off" | "native" | "wasm" | "both", "remarks": "all" | "missed" | "off",
//!  "missedSeverity": "hint" | "warning", "outDir": "target/molt", "profile": "on" | "off",
//!  "remoteCache": "http://host:port/prefix" | "", "extraPaths": ["lib", "/abs/src"]}
//! ```
//!
//! Settings are read leniently: a missing key keeps its current value, an invalid value falls
//! back to the default with a warning for the user, an unknown key is reported in the log.
//! Reading settings never fails.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// What saving a Python file builds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BuildOnSave {
    /// Nothing (the default).
    #[default]
    Off,
    /// A native executable at `<workspace>/<outDir>/<folder>/<stem>` (the source's folder
    /// relative to the workspace folder, mirrored).
    Native,
    /// A WASI module at `<workspace>/<outDir>/<folder>/<stem>.wasm`.
    Wasm,
    /// Both, from one run of the frontend.
    Both,
}

impl BuildOnSave {
    /// The targets a save builds (none when off).
    pub fn targets(self) -> &'static [molt_driver::build::Target] {
        use molt_driver::build::Target;
        match self {
            BuildOnSave::Off => &[],
            BuildOnSave::Native => &[Target::Native],
            BuildOnSave::Wasm => &[Target::Wasm32],
            BuildOnSave::Both => &[Target::Native, Target::Wasm32],
        }
    }
}

/// Which optimization remarks the editor shows as diagnostics (hover and code lenses show
/// every remark whatever this says).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RemarksLevel {
    /// Applied and missed remarks, and analyses.
    All,
    /// Only missed optimizations (the default: what a user can act on; applied remarks, which
    /// are the great majority, stay in hover and in the coverage lens).
    #[default]
    Missed,
    /// None.
    Off,
}

/// The severity of diagnostics for missed optimizations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MissedSeverity {
    /// Hint (the default): editors show them faintly and keep them out of problem lists.
    #[default]
    Hint,
    /// Warning: in the problem list, for code that should compile natively.
    Warning,
}

/// Whether the editor shows profiles (`<outDir>/*.profile.json`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProfileSetting {
    /// Lenses, hints, diagnostics and hovers from the profile, and the `▶ Run with profile`
    /// lens (the default).
    #[default]
    On,
    /// None of them (the `molt.runProfiled` command still works).
    Off,
}

/// The settings of the server (see the module docs for the JSON form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// `buildOnSave`.
    pub build_on_save: BuildOnSave,
    /// `remarks`.
    pub remarks: RemarksLevel,
    /// `missedSeverity`.
    pub missed_severity: MissedSeverity,
    /// `outDir`: where builds go, relative to the workspace folder (or absolute).
    pub out_dir: PathBuf,
    /// `profile`.
    pub profile: ProfileSetting,
    /// `remoteCache`: the base URL of a Bazel HTTP remote cache for compiled code; `""` for
    /// none; `None` (not set, or `null`): what `MOLT_REMOTE_CACHE` says.
    pub remote_cache: Option<String>,
    /// `extraPaths`: folders searched for imports after the entry's folder and the workspace
    /// folder (relative ones to the workspace folder), before `[tool.molt] extra-paths` of
    /// `pyproject.toml`.
    pub extra_paths: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            build_on_save: BuildOnSave::Off,
            remarks: RemarksLevel::Missed,
            missed_severity: MissedSeverity::Hint,
            out_dir: PathBuf::from(DEFAULT_OUT_DIR),
            profile: ProfileSetting::On,
            remote_cache: None,
            extra_paths: Vec::new(),
        }
    }
}

/// The default `outDir`.
pub const DEFAULT_OUT_DIR: &str = "target/molt";

/// Problems found while reading settings. `invalid` are for the user (`window/showMessage`),
/// `unknown` for the log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsProblems {
    /// Invalid values, one message each (the key fell back to its default).
    pub invalid: Vec<String>,
    /// Keys this server does not know.
    pub unknown: Vec<String>,
}

impl Settings {
    /// Applies the keys present in `value` over `self`. `value` is either the settings object
    /// or an object with a `molt` key holding it (what `didChangeConfiguration` sends); `null`
    /// changes nothing. Unknown keys are only reported for the settings object itself.
    pub fn update(&mut self, value: &Value) -> SettingsProblems {
        let mut problems = SettingsProblems::default();
        let section = match value {
            // An empty array is an empty object from a client in Lua (Neovim), where both
            // are the same empty table.
            Value::Null => return problems,
            Value::Array(items) if items.is_empty() => return problems,
            Value::Object(map) => match map.get("molt") {
                Some(inner @ (Value::Object(_) | Value::Null)) => inner,
                Some(Value::Array(items)) if items.is_empty() => return problems,
                _ => value,
            },
            other => {
                problems
                    .invalid
                    .push(format!("molt settings must be an object, got `{other}`"));
                return problems;
            }
        };
        let Value::Object(map) = section else {
            return problems;
        };
        for (key, value) in map {
            match key.as_str() {
                "buildOnSave" => {
                    self.build_on_save = match value.as_str() {
                        Some("off") => BuildOnSave::Off,
                        Some("native") => BuildOnSave::Native,
                        Some("wasm") => BuildOnSave::Wasm,
                        Some("both") => BuildOnSave::Both,
                        _ => {
                            problems.invalid.push(invalid(
                                key,
                                value,
                                "\"off\", \"native\", \"wasm\" or \"both\"",
                            ));
                            BuildOnSave::default()
                        }
                    }
                }
                "remarks" => {
                    self.remarks = match value.as_str() {
                        Some("all") => RemarksLevel::All,
                        Some("missed") => RemarksLevel::Missed,
                        Some("off") => RemarksLevel::Off,
                        _ => {
                            problems.invalid.push(invalid(
                                key,
                                value,
                                "\"all\", \"missed\" or \"off\"",
                            ));
                            RemarksLevel::default()
                        }
                    }
                }
                "missedSeverity" => {
                    self.missed_severity = match value.as_str() {
                        Some("hint") => MissedSeverity::Hint,
                        Some("warning") => MissedSeverity::Warning,
                        _ => {
                            problems
                                .invalid
                                .push(invalid(key, value, "\"hint\" or \"warning\""));
                            MissedSeverity::default()
                        }
                    }
                }
                "outDir" => {
                    self.out_dir = match value.as_str() {
                        Some(dir) if !dir.trim().is_empty() => PathBuf::from(dir),
                        _ => {
                            problems
                                .invalid
                                .push(invalid(key, value, "a non-empty path"));
                            PathBuf::from(DEFAULT_OUT_DIR)
                        }
                    }
                }
                "profile" => {
                    self.profile = match value.as_str() {
                        Some("on") => ProfileSetting::On,
                        Some("off") => ProfileSetting::Off,
                        _ => {
                            problems
                                .invalid
                                .push(invalid(key, value, "\"on\" or \"off\""));
                            ProfileSetting::default()
                        }
                    }
                }
                "remoteCache" => {
                    self.remote_cache = match value {
                        Value::Null => None,
                        Value::String(url)
                            if url.is_empty()
                                || url.starts_with("http://")
                                || url.starts_with("https://") =>
                        {
                            Some(url.clone())
                        }
                        _ => {
                            problems.invalid.push(invalid(
                                key,
                                value,
                                "an http:// or https:// URL, or \"\"",
                            ));
                            None
                        }
                    }
                }
                "extraPaths" => {
                    let paths: Option<Vec<PathBuf>> = match value {
                        Value::Null => Some(Vec::new()),
                        Value::Array(items) => items
                            .iter()
                            .map(|item| match item.as_str() {
                                Some(p) if !p.trim().is_empty() => Some(PathBuf::from(p)),
                                _ => None,
                            })
                            .collect(),
                        _ => None,
                    };
                    self.extra_paths = paths.unwrap_or_else(|| {
                        problems
                            .invalid
                            .push(invalid(key, value, "an array of non-empty paths"));
                        Vec::new()
                    });
                }
                _ => problems.unknown.push(key.clone()),
            }
        }
        problems
    }

    /// The code caches builds use: the environment's (`CacheConfig::from_env`), with the
    /// remote cache of `remoteCache` when it is set.
    pub fn code_cache(&self) -> molt_codecache::CacheConfig {
        let mut config = molt_codecache::CacheConfig::from_env();
        if let Some(url) = &self.remote_cache {
            config.remote = (!url.is_empty()).then(|| url.clone());
        }
        config
    }

    /// The extra import folders (`extraPaths`) for a workspace rooted at `root` (relative
    /// ones joined to it; `None` for the loose workspace: only absolute ones).
    pub fn extra_paths_in(&self, root: Option<&Path>) -> Vec<PathBuf> {
        self.extra_paths
            .iter()
            .filter_map(|p| match root {
                _ if p.is_absolute() => Some(p.clone()),
                Some(root) => Some(root.join(p)),
                None => None,
            })
            .collect()
    }

    /// The output folder for a workspace rooted at `root` (`outDir` joined to it, unless
    /// absolute).
    pub fn out_dir_in(&self, root: &Path) -> PathBuf {
        root.join(&self.out_dir)
    }
}

fn invalid(key: &str, value: &Value, expected: &str) -> String {
    format!(
        "molt: invalid value `{value}` for setting `{key}` (expected {expected}); using the default"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_and_updates() {
        let mut s = Settings::default();
        assert_eq!(s.build_on_save, BuildOnSave::Off);
        assert_eq!(s.remarks, RemarksLevel::Missed);
        let p = s.update(
            &json!({"buildOnSave": "native", "remarks": "all", "outDir": "out",
                                 "missedSeverity": "warning", "profile": "off",
                                 "remoteCache": "http://127.0.0.1:9090/molt",
                                 "extraPaths": ["lib", "/opt/src"]}),
        );
        assert_eq!(p, SettingsProblems::default());
        assert_eq!(
            s.remote_cache.as_deref(),
            Some("http://127.0.0.1:9090/molt")
        );
        assert_eq!(
            s.code_cache().remote.as_deref(),
            Some("http://127.0.0.1:9090/molt")
        );
        assert_eq!(
            s.extra_paths_in(Some(Path::new("/ws"))),
            vec![PathBuf::from("/ws/lib"), PathBuf::from("/opt/src")]
        );
        assert_eq!(s.extra_paths_in(None), vec![PathBuf::from("/opt/src")]);
        s.update(&json!({"remoteCache": ""}));
        assert_eq!(
            s.code_cache().remote,
            None,
            "\"\" turns the remote cache off"
        );
        s.update(&json!({"remoteCache": null}));
        assert_eq!(s.remote_cache, None);
        assert_eq!(s.profile, ProfileSetting::Off);
        assert_eq!(s.missed_severity, MissedSeverity::Warning);
        assert_eq!(s.build_on_save, BuildOnSave::Native);
        assert_eq!(s.remarks, RemarksLevel::All);
        assert_eq!(s.out_dir, PathBuf::from("out"));
        // The `molt` section form, and a missing key keeps its value.
        let p = s.update(&json!({"molt": {"remarks": "off"}, "python": {}}));
        assert!(p.unknown.is_empty());
        assert_eq!(s.remarks, RemarksLevel::Off);
        assert_eq!(s.build_on_save, BuildOnSave::Native);
        assert_eq!(s.update(&Value::Null), SettingsProblems::default());
        // Neovim encodes an empty Lua table as `[]`.
        let before = s.clone();
        assert_eq!(s.update(&json!([])), SettingsProblems::default());
        assert_eq!(s.update(&json!({"molt": []})), SettingsProblems::default());
        assert_eq!(s, before);
    }

    #[test]
    fn build_on_save_takes_every_target() {
        use molt_driver::build::Target;
        let mut s = Settings::default();
        for (value, expected) in [
            ("native", BuildOnSave::Native),
            ("wasm", BuildOnSave::Wasm),
            ("both", BuildOnSave::Both),
            ("off", BuildOnSave::Off),
        ] {
            assert_eq!(s.update(&json!({"buildOnSave": value})).invalid.len(), 0);
            assert_eq!(s.build_on_save, expected);
        }
        assert_eq!(
            BuildOnSave::Both.targets(),
            [Target::Native, Target::Wasm32]
        );
        assert!(BuildOnSave::Off.targets().is_empty());
    }

    #[test]
    fn invalid_values_fall_back_to_defaults() {
        let mut s = Settings::default();
        s.update(&json!({"buildOnSave": "native"}));
        s.update(&json!({"missedSeverity": "warning"}));
        s.update(&json!({"profile": "off"}));
        let p = s.update(
            &json!({"buildOnSave": "wasm32", "remarks": 3, "outDir": "", "x": 1,
                                 "missedSeverity": "error", "profile": true,
                                 "remoteCache": "ftp://x", "extraPaths": ["ok", 3]}),
        );
        assert_eq!(p.invalid.len(), 7, "{p:?}");
        assert_eq!(p.unknown, vec!["x".to_owned()]);
        assert_eq!(s, Settings::default());
        assert_eq!(s.update(&json!([1])).invalid.len(), 1);
    }
}
