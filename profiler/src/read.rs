//! Reading, validating and writing profiles and site maps.
//!
//! Reading checks, in order: the text is JSON; `schema_version` is [`SCHEMA_VERSION`] (first,
//! so a newer file gets a version error, not a shape error); `kind` is the document's kind;
//! the shape matches the schema (serde: missing or mistyped fields, unknown fields of a site
//! record, an unknown deopt reason, lane or guard); then what the schema's patterns and ranges
//! say, and what it cannot say: file indices in range, function indices and site ids not
//! repeated, line/column ranges that do not end before they start. Every error names the file
//! (when read from one) and the place in the document (`functions[2].sites[0].line`).

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{FileHash, PROFILE_KIND, Profile, SCHEMA_VERSION, SITES_KIND, SiteMap};

/// Why a profile or site map could not be read.
#[derive(Debug)]
pub struct Error {
    /// The file it was read from, when it was read from a file.
    pub path: Option<PathBuf>,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// What is wrong with a document (see [`Error`]).
#[derive(Debug)]
pub enum ErrorKind {
    /// The file could not be read.
    Io(std::io::Error),
    /// Not JSON, or a shape that does not match the schema (serde_json's message names the
    /// field, with line and column).
    Json(serde_json::Error),
    /// Another `schema_version` than this reader's.
    UnsupportedVersion {
        /// The version in the document.
        found: u64,
        /// [`SCHEMA_VERSION`].
        supported: u32,
    },
    /// Another document: `kind` is not the one expected (a site map read as a profile).
    WrongKind {
        /// The `kind` in the document.
        found: String,
        /// The kind expected.
        expected: &'static str,
    },
    /// A value the schema does not allow, or an inconsistency it cannot express: where
    /// (`functions[2].sites[0].line`) and what.
    Invalid {
        /// The place in the document, as a path of fields and indices.
        at: String,
        /// What is wrong with it.
        message: String,
    },
}

impl Error {
    fn new(kind: ErrorKind) -> Error {
        Error { path: None, kind }
    }

    fn invalid(at: impl Into<String>, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Invalid {
            at: at.into(),
            message: message.into(),
        })
    }

    /// The same error, naming `path` as the file it came from.
    pub fn in_file(mut self, path: &Path) -> Error {
        self.path = Some(path.to_path_buf());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}: ", path.display())?;
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            ErrorKind::Json(e) => write!(f, "invalid JSON: {e}"),
            ErrorKind::UnsupportedVersion { found, supported } => write!(
                f,
                "schema_version {found} is not supported (this molt-lsp reads version {supported})"
            ),
            ErrorKind::WrongKind { found, expected } => {
                write!(f, "kind is \"{found}\", expected \"{expected}\"")
            }
            ErrorKind::Invalid { at, message } => write!(f, "{at}: {message}"),
        }
    }
}

impl std::error::Error for Error {
    /// `None`: the message already includes the underlying I/O or JSON error, and error
    /// chains (`anyhow`'s `{:#}`) would print it twice.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }
}

/// Checks `schema_version` and `kind` before the shape.
fn check_header(text: &str, expected: &'static str) -> Result<(), Error> {
    #[derive(Deserialize)]
    struct Header {
        schema_version: Option<serde_json::Value>,
        kind: Option<serde_json::Value>,
    }
    let header: Header = serde_json::from_str(text).map_err(|e| Error::new(ErrorKind::Json(e)))?;
    match header.schema_version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(found) => {
            return Err(Error::new(ErrorKind::UnsupportedVersion {
                found,
                supported: SCHEMA_VERSION,
            }));
        }
        None => {
            return Err(Error::invalid(
                "schema_version",
                "missing, or not a non-negative integer",
            ));
        }
    }
    match header.kind.as_ref().and_then(|k| k.as_str()) {
        Some(k) if k == expected => Ok(()),
        Some(k) => Err(Error::new(ErrorKind::WrongKind {
            found: k.to_string(),
            expected,
        })),
        None => Err(Error::invalid("kind", "missing, or not a string")),
    }
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn check_build_id(build_id: &str) -> Result<(), Error> {
    if is_hex(build_id, 16) {
        Ok(())
    } else {
        Err(Error::invalid(
            "build_id",
            format!("\"{build_id}\" is not 16 lowercase hex digits"),
        ))
    }
}

fn check_files(files: &[FileHash]) -> Result<(), Error> {
    for (i, f) in files.iter().enumerate() {
        if !is_hex(&f.sha256, 64) {
            return Err(Error::invalid(
                format!("files[{i}].sha256"),
                format!("\"{}\" is not 64 lowercase hex digits", f.sha256),
            ));
        }
    }
    Ok(())
}

/// Checks what the profile schema says beyond shapes, and that no function or site is
/// recorded twice.
///
/// # Errors
/// [`ErrorKind::UnsupportedVersion`], [`ErrorKind::WrongKind`] or [`ErrorKind::Invalid`].
pub fn validate_profile(profile: &Profile) -> Result<(), Error> {
    if profile.schema_version != SCHEMA_VERSION {
        return Err(Error::new(ErrorKind::UnsupportedVersion {
            found: profile.schema_version.into(),
            supported: SCHEMA_VERSION,
        }));
    }
    if profile.kind != PROFILE_KIND {
        return Err(Error::new(ErrorKind::WrongKind {
            found: profile.kind.clone(),
            expected: PROFILE_KIND,
        }));
    }
    check_build_id(&profile.build_id)?;
    check_files(&profile.files)?;
    if profile.sampling.unattributed > profile.sampling.samples {
        return Err(Error::invalid(
            "sampling.unattributed",
            format!(
                "{} unattributed samples of only {} samples",
                profile.sampling.unattributed, profile.sampling.samples
            ),
        ));
    }
    let mut functions = HashSet::new();
    for (i, f) in profile.functions.iter().enumerate() {
        if !functions.insert(f.function) {
            return Err(Error::invalid(
                format!("functions[{i}].function"),
                format!("function {} is recorded twice", f.function),
            ));
        }
        let mut sites = HashSet::new();
        for (j, s) in f.sites.iter().enumerate() {
            if !sites.insert(s.site) {
                return Err(Error::invalid(
                    format!("functions[{i}].sites[{j}].site"),
                    format!(
                        "site {} of function {} is recorded twice",
                        s.site, f.function
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Checks what the site-map schema says beyond shapes, and its consistency: file indices in
/// range, function indices and site ids not repeated, ranges that do not end before they
/// start.
///
/// # Errors
/// [`ErrorKind::UnsupportedVersion`], [`ErrorKind::WrongKind`] or [`ErrorKind::Invalid`].
pub fn validate_site_map(map: &SiteMap) -> Result<(), Error> {
    if map.schema_version != SCHEMA_VERSION {
        return Err(Error::new(ErrorKind::UnsupportedVersion {
            found: map.schema_version.into(),
            supported: SCHEMA_VERSION,
        }));
    }
    if map.kind != SITES_KIND {
        return Err(Error::new(ErrorKind::WrongKind {
            found: map.kind.clone(),
            expected: SITES_KIND,
        }));
    }
    check_build_id(&map.build_id)?;
    if map.opt_level > 2 {
        return Err(Error::invalid(
            "opt_level",
            format!("{} is not 0, 1 or 2", map.opt_level),
        ));
    }
    check_files(&map.files)?;
    let mut functions = HashSet::new();
    for (i, f) in map.functions.iter().enumerate() {
        let at = format!("functions[{i}]");
        if !functions.insert(f.function) {
            return Err(Error::invalid(
                format!("{at}.function"),
                format!("function {} appears twice", f.function),
            ));
        }
        if f.file as usize >= map.files.len() {
            return Err(Error::invalid(
                format!("{at}.file"),
                format!(
                    "file index {} is out of range ({} files)",
                    f.file,
                    map.files.len()
                ),
            ));
        }
        if f.line == 0 || f.end_line < f.line {
            return Err(Error::invalid(
                format!("{at}.line"),
                format!("lines {}..{} are not a 1-based range", f.line, f.end_line),
            ));
        }
        let mut sites = HashSet::new();
        for (j, s) in f.sites.iter().enumerate() {
            let at = format!("{at}.sites[{j}]");
            if !sites.insert(s.site) {
                return Err(Error::invalid(
                    format!("{at}.site"),
                    format!("site {} appears twice in function {}", s.site, f.function),
                ));
            }
            if s.line == 0 || s.column == 0 || s.end_line == 0 || s.end_column == 0 {
                return Err(Error::invalid(
                    at,
                    "lines and columns are 1-based (0 is not a position)",
                ));
            }
            if (s.end_line, s.end_column) < (s.line, s.column) {
                return Err(Error::invalid(
                    at,
                    format!(
                        "the range {}:{}..{}:{} ends before it starts",
                        s.line, s.column, s.end_line, s.end_column
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Reads a profile from JSON text and validates it ([`validate_profile`]). Unknown fields are
/// ignored, except in site records, which the schema closes.
///
/// # Errors
/// See the module documentation; the error has no path (see [`read_profile`]).
pub fn parse_profile(text: &str) -> Result<Profile, Error> {
    check_header(text, PROFILE_KIND)?;
    let profile: Profile =
        serde_json::from_str(text).map_err(|e| Error::new(ErrorKind::Json(e)))?;
    validate_profile(&profile)?;
    Ok(profile)
}

/// Reads a site map from JSON text and validates it ([`validate_site_map`]).
///
/// # Errors
/// See the module documentation; the error has no path (see [`read_site_map`]).
pub fn parse_site_map(text: &str) -> Result<SiteMap, Error> {
    check_header(text, SITES_KIND)?;
    let map: SiteMap = serde_json::from_str(text).map_err(|e| Error::new(ErrorKind::Json(e)))?;
    validate_site_map(&map)?;
    Ok(map)
}

fn read_text(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::new(ErrorKind::Io(e)).in_file(path))
}

/// Reads and validates the profile at `path` ([`parse_profile`]).
///
/// # Errors
/// As [`parse_profile`], or [`ErrorKind::Io`]; the error names `path`.
pub fn read_profile(path: &Path) -> Result<Profile, Error> {
    parse_profile(&read_text(path)?).map_err(|e| e.in_file(path))
}

/// Reads and validates the site map at `path` ([`parse_site_map`]).
///
/// # Errors
/// As [`parse_site_map`], or [`ErrorKind::Io`]; the error names `path`.
pub fn read_site_map(path: &Path) -> Result<SiteMap, Error> {
    parse_site_map(&read_text(path)?).map_err(|e| e.in_file(path))
}

/// Where the site map of a profile is: `<stem>.sites.json` beside `<stem>.profile.json`
/// (both are named after the artifact, `target/molt/<stem>`). `None` when `profile` is not
/// named `*.profile.json`.
pub fn site_map_path_for(profile: &Path) -> Option<PathBuf> {
    let name = profile.file_name()?.to_str()?;
    let stem = name.strip_suffix(".profile.json")?;
    Some(profile.with_file_name(format!("{stem}.sites.json")))
}

/// Reads the profile at `path` and the site map beside it ([`site_map_path_for`]), and joins
/// them ([`crate::Analysis::new`]) against the sources `current_text` gives.
///
/// # Errors
/// As [`read_profile`] and [`read_site_map`] (naming the file at fault), or
/// [`ErrorKind::Invalid`] when `path` is not named `<stem>.profile.json`.
pub fn load_analysis(
    path: &Path,
    current_text: &dyn Fn(&str) -> Option<String>,
) -> Result<crate::Analysis, Error> {
    let profile = read_profile(path)?;
    let sites = site_map_path_for(path).ok_or_else(|| {
        Error::invalid(
            "file name",
            "a profile is named <stem>.profile.json, beside the build's <stem>.sites.json",
        )
        .in_file(path)
    })?;
    let map = read_site_map(&sites)?;
    Ok(crate::Analysis::new(&profile, &map, current_text))
}

/// The profile as JSON text (compact, one line; fields in schema order).
pub fn profile_to_json(profile: &Profile) -> String {
    // Serialization cannot fail: map keys are strings or reasons (strings), no floats.
    serde_json::to_string(profile).unwrap_or_default()
}

/// The site map as JSON text (compact: a site map has one object per site).
pub fn site_map_to_json(map: &SiteMap) -> String {
    // Serialization cannot fail: no maps with non-string keys, no floats.
    serde_json::to_string(map).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::{PROFILE, SITES};

    fn message(e: Error) -> String {
        e.to_string()
    }

    #[test]
    fn the_fixtures_read() {
        let p = parse_profile(PROFILE).expect("profile");
        assert_eq!(p.functions.len(), 3);
        assert_eq!(p.functions[1].sites[0].deopt_total(), 100);
        let m = parse_site_map(SITES).expect("sites");
        assert_eq!(m.functions[1].sites.len(), 3);
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let p = parse_profile(PROFILE).expect("profile");
        let again = parse_profile(&profile_to_json(&p)).expect("again");
        assert_eq!(p, again);
        let m = parse_site_map(SITES).expect("sites");
        assert_eq!(parse_site_map(&site_map_to_json(&m)).expect("again"), m);
    }

    #[test]
    fn not_json_is_a_json_error() {
        let e = parse_profile("{").expect_err("error");
        assert!(matches!(e.kind, ErrorKind::Json(_)));
        assert!(message(e).starts_with("invalid JSON"));
    }

    #[test]
    fn a_newer_version_is_reported_before_the_shape() {
        let e =
            parse_profile(r#"{"schema_version": 2, "kind": "molt-profile"}"#).expect_err("error");
        assert_eq!(
            message(e),
            "schema_version 2 is not supported (this molt-lsp reads version 1)"
        );
    }

    #[test]
    fn a_site_map_is_not_a_profile() {
        let e = parse_profile(SITES).expect_err("error");
        assert_eq!(
            message(e),
            "kind is \"molt-sites\", expected \"molt-profile\""
        );
        let e = parse_site_map(PROFILE).expect_err("error");
        assert!(matches!(e.kind, ErrorKind::WrongKind { .. }));
    }

    #[test]
    fn missing_fields_and_unknown_reasons_are_shape_errors() {
        let text = PROFILE.replace("\"wall_ns\": 812345678,", "");
        let e = parse_profile(&text).expect_err("error");
        assert!(message(e).contains("missing field `wall_ns`"));
        let text = PROFILE.replace("not-int", "not-a-reason");
        let e = parse_profile(&text).expect_err("error");
        assert!(message(e).contains("not-a-reason"), "names the bad value");
        let text = PROFILE.replace(
            "\"count\": 12000, \"deopts\"",
            "\"count\": 12000, \"extra\": 1, \"deopts\"",
        );
        let e = parse_profile(&text).expect_err("error");
        assert!(message(e).contains("unknown field `extra`"));
        let text = PROFILE.replace("\"count\": 12000,", "\"count\": -1,");
        assert!(parse_profile(&text).is_err(), "negative counts");
    }

    #[test]
    fn patterns_are_checked() {
        let text = PROFILE.replace("3f9a0c2e8b1d4a77", "3F9A");
        assert_eq!(
            message(parse_profile(&text).expect_err("error")),
            "build_id: \"3F9A\" is not 16 lowercase hex digits"
        );
        let text = SITES.replace(&"ab".repeat(32), "abc");
        assert_eq!(
            message(parse_site_map(&text).expect_err("error")),
            "files[0].sha256: \"abc\" is not 64 lowercase hex digits"
        );
    }

    #[test]
    fn duplicates_and_ranges_are_checked() {
        let mut p = parse_profile(PROFILE).expect("profile");
        p.functions[1].sites[1].site = p.functions[1].sites[0].site;
        assert_eq!(
            message(validate_profile(&p).expect_err("error")),
            "functions[1].sites[1].site: site 7 of function 3 is recorded twice"
        );
        let mut p = parse_profile(PROFILE).expect("profile");
        p.sampling.unattributed = p.sampling.samples + 1;
        assert!(validate_profile(&p).is_err());
        let mut m = parse_site_map(SITES).expect("sites");
        m.functions[0].file = 5;
        assert_eq!(
            message(validate_site_map(&m).expect_err("error")),
            "functions[0].file: file index 5 is out of range (1 files)"
        );
        let mut m = parse_site_map(SITES).expect("sites");
        m.functions[1].sites[0].column = 0;
        assert!(message(validate_site_map(&m).expect_err("error")).contains("1-based"));
        let mut m = parse_site_map(SITES).expect("sites");
        m.functions[1].sites[0].end_line = 1;
        assert!(message(validate_site_map(&m).expect_err("error")).contains("ends before"));
        let mut m = parse_site_map(SITES).expect("sites");
        m.opt_level = 3;
        assert!(validate_site_map(&m).is_err());
    }

    #[test]
    fn errors_name_the_file() {
        let dir = std::env::temp_dir().join(format!("molt-profiler-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("bad.profile.json");
        std::fs::write(&path, "[]").expect("write");
        let e = read_profile(&path).expect_err("error");
        assert!(message(e).starts_with(&format!("{}: ", path.display())));
        let e = read_site_map(&dir.join("missing.sites.json")).expect_err("error");
        assert!(matches!(e.kind, ErrorKind::Io(_)));
        assert!(message(e).contains("missing.sites.json: cannot read"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn load_analysis_reads_both_documents() {
        let dir = std::env::temp_dir().join(format!("molt-profiler-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let profile = dir.join("main.profile.json");
        std::fs::write(&profile, PROFILE).expect("write");
        let e = load_analysis(&profile, &|_| None).expect_err("no site map");
        assert!(message(e).contains("main.sites.json: cannot read"));
        std::fs::write(dir.join("main.sites.json"), SITES).expect("write");
        let a = load_analysis(&profile, &|_| None).expect("analysis");
        assert_eq!(a.functions[0].name, "f");
        assert!(a.is_stale(), "the source cannot be read");
        let other = dir.join("main.json");
        std::fs::write(&other, PROFILE).expect("write");
        assert!(message(load_analysis(&other, &|_| None).expect_err("name")).contains("file name"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_site_map_sits_beside_the_profile() {
        assert_eq!(
            site_map_path_for(Path::new("target/molt/loop.profile.json")),
            Some(PathBuf::from("target/molt/loop.sites.json"))
        );
        assert_eq!(site_map_path_for(Path::new("target/molt/loop.json")), None);
    }
}
