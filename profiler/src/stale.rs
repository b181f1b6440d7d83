//! Staleness: whether a profile still describes the current source.
//!
//! A profile is *stale* when the site map it is joined with describes another build (their
//! build ids differ), or when one of its source files changed since the run (the SHA-256 of
//! the file's current UTF-8 text differs from the profile's) or can no longer be read. The
//! caller supplies the current text (the language server has unsaved buffers, the CLI reads
//! files), so this module does no I/O. Stale figures are shown as stale, never placed on
//! lines as if they were fresh (`docs/profiles.md`).

use std::fmt;

use sha2::{Digest, Sha256};

use crate::model::{Profile, SiteMap};

/// Why a profile is stale.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum StaleReason {
    /// The site map describes another build than the profile's.
    BuildMismatch {
        /// The profile's build id.
        profile: String,
        /// The site map's build id.
        site_map: String,
    },
    /// A source file's text changed since the run.
    FileChanged {
        /// Its path.
        path: String,
    },
    /// A source file could not be read.
    FileMissing {
        /// Its path.
        path: String,
    },
}

impl fmt::Display for StaleReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StaleReason::BuildMismatch { profile, site_map } => write!(
                f,
                "the profile is of build {profile}, the site map of build {site_map}"
            ),
            StaleReason::FileChanged { path } => write!(f, "{path} changed since the run"),
            StaleReason::FileMissing { path } => write!(f, "{path} cannot be read"),
        }
    }
}

/// Lowercase hex SHA-256 of `text`'s UTF-8 bytes (64 digits): the `sha256` of a file in
/// profiles and site maps.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every reason `profile`, joined with `map`, is stale; empty when it is fresh.
/// `current_text(path)` gives the current text of a source file of the profile (`None`
/// when it cannot be read). Build ids are compared first; files are checked in the
/// profile's order.
pub fn staleness(
    profile: &Profile,
    map: &SiteMap,
    current_text: &dyn Fn(&str) -> Option<String>,
) -> Vec<StaleReason> {
    let mut reasons = Vec::new();
    if profile.build_id != map.build_id {
        reasons.push(StaleReason::BuildMismatch {
            profile: profile.build_id.clone(),
            site_map: map.build_id.clone(),
        });
    }
    for file in &profile.files {
        match current_text(&file.path) {
            Some(text) if sha256_hex(&text) == file.sha256 => {}
            Some(_) => reasons.push(StaleReason::FileChanged {
                path: file.path.clone(),
            }),
            None => reasons.push(StaleReason::FileMissing {
                path: file.path.clone(),
            }),
        }
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{parse_profile, parse_site_map};
    use crate::test_fixtures::{MAIN_SHA, PROFILE, SITES};

    #[test]
    fn sha256_of_text() {
        assert_eq!(
            sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(sha256_hex("é").len(), 64);
    }

    #[test]
    fn fresh_when_ids_and_hashes_match() {
        let mut p = parse_profile(PROFILE).expect("profile");
        let m = parse_site_map(SITES).expect("sites");
        let text = "print(1)\n";
        p.files[0].sha256 = sha256_hex(text);
        assert_eq!(staleness(&p, &m, &|_| Some(text.to_string())), vec![]);
    }

    #[test]
    fn an_edit_makes_it_stale() {
        let p = parse_profile(PROFILE).expect("profile");
        let m = parse_site_map(SITES).expect("sites");
        assert_eq!(p.files[0].sha256, MAIN_SHA);
        assert_eq!(
            staleness(&p, &m, &|_| Some("edited".into())),
            vec![StaleReason::FileChanged {
                path: "/abs/path/main.py".into()
            }]
        );
        assert_eq!(
            staleness(&p, &m, &|_| None),
            vec![StaleReason::FileMissing {
                path: "/abs/path/main.py".into()
            }]
        );
    }

    #[test]
    fn another_build_is_stale() {
        let mut p = parse_profile(PROFILE).expect("profile");
        let m = parse_site_map(SITES).expect("sites");
        p.build_id = "0000000000000000".into();
        let text = "x";
        p.files[0].sha256 = sha256_hex(text);
        let reasons = staleness(&p, &m, &|_| Some(text.into()));
        assert_eq!(reasons.len(), 1);
        assert_eq!(
            reasons[0].to_string(),
            "the profile is of build 0000000000000000, the site map of build 3f9a0c2e8b1d4a77"
        );
    }
}
