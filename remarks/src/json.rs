//! The versioned JSON form of a [`Report`] (schema in `docs/remarks.md`): what `--remarks=json`
//! writes and what trend tools and CI gates read back.
//!
//! Versioning policy: adding a field keeps [`SCHEMA_VERSION`] (readers ignore fields they do
//! not know, and new fields are optional); removing or renaming a field, or changing a field's
//! meaning or type, bumps it. [`from_json`] reads exactly its own version.

use std::fmt;

use serde::Deserialize;

use crate::report::Report;

/// Version of the JSON schema (`docs/remarks.md`): additive fields keep it; removals, renames
/// and changes of meaning bump it.
pub const SCHEMA_VERSION: u32 = 1;

/// Why [`from_json`] could not read a report.
#[derive(Debug)]
pub enum Error {
    /// The text is not JSON, or its shape does not match the schema (serde_json's message
    /// says which field, with line and column).
    Json(serde_json::Error),
    /// The report was written with another schema version than [`SCHEMA_VERSION`].
    UnsupportedVersion {
        /// The `schema_version` in the text.
        found: u32,
        /// The version this reader understands ([`SCHEMA_VERSION`]).
        supported: u32,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Json(e) => write!(f, "invalid remarks JSON: {e}"),
            Error::UnsupportedVersion { found, supported } => write!(
                f,
                "remarks JSON has schema_version {found}; this reader understands version {supported}"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Json(e) => Some(e),
            Error::UnsupportedVersion { .. } => None,
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::Json(e)
    }
}

/// The report as pretty-printed JSON (two-space indent, no trailing newline). Object fields
/// come in declaration order, so equal reports give byte-identical text.
pub fn to_json(report: &Report) -> String {
    // Serialization cannot fail: every map key is a string and there are no floats (NaN) in a
    // `Report`. Should that change, the output is still a JSON object, naming the error.
    serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
}

/// Reads a report written by [`to_json`] (of this [`SCHEMA_VERSION`]; unknown fields are
/// ignored, as the versioning policy promises).
///
/// # Errors
/// [`Error::UnsupportedVersion`] when `schema_version` is not [`SCHEMA_VERSION`] (checked first,
/// so a newer file gets this error rather than a shape error); [`Error::Json`] for malformed
/// JSON or a shape that does not match the schema (e.g. a missing required field).
pub fn from_json(text: &str) -> Result<Report, Error> {
    #[derive(Deserialize)]
    struct Versioned {
        schema_version: u32,
    }
    let Versioned { schema_version } = serde_json::from_str(text)?;
    if schema_version != SCHEMA_VERSION {
        return Err(Error::UnsupportedVersion {
            found: schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(serde_json::from_str(text)?)
}
