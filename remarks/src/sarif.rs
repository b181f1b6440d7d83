//! SARIF 2.1.0 output (OASIS "Static Analysis Results Interchange Format"), the format GitHub
//! code scanning uploads: one run, one rule per remark name used, one result per remark.
//! Coverage is not part of it (every dynamic operation already has a `lane.dynamic` remark).
//!
//! Built with `serde_json` rather than the `serde-sarif` crate's types: serde-sarif 0.8
//! generates its types in a build script (schemafy + syn + prettyplease over the 112 KB
//! schema) and declares no `rust-version`, so it would add build-time code generation to every
//! build of the language server and escape the MSRV-aware resolver, for the dozen properties
//! used here. Instead, `tests/sarif.rs` validates the output against the official 2.1.0 JSON
//! schema (vendored in `tests/data/`) and checks GitHub's additional requirements.

use std::collections::BTreeMap;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::model::{CompileDiagnostic, DiagnosticSeverity, Location, Remark, RemarkKind};
use crate::report::Report;
use crate::rules::{help_uri, rule};

/// The `$schema` of every log.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF `version` of every log.
pub const SARIF_VERSION: &str = "2.1.0";

/// `tool.driver.informationUri`.
pub const INFORMATION_URI: &str = "https://github.com/molt-lsp/molt-lsp";

/// The key of the stable fingerprint in each result's `partialFingerprints` (versioned so that
/// a change of what is hashed does not collide with old alerts).
pub const FINGERPRINT_KEY: &str = "moltRemark/v1";

/// Where the diagnostic codes are documented (the table "Diagnostics" of
/// `docs/ARCHITECTURE.md`): the `helpUri` of their rules.
pub const DIAGNOSTICS_URL: &str =
    "https://github.com/molt-lsp/molt-lsp/blob/main/docs/ARCHITECTURE.md#diagnostics";

/// The `uriBaseId` of relative paths (GitHub resolves it to the checkout's root).
pub const SRCROOT: &str = "%SRCROOT%";

/// Bytes percent-encoded in a URI path: controls, space, and the ASCII characters RFC 3986
/// does not allow in a path (`/` separates segments and stays).
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// [`PATH`] plus `:`, which in the first segment of a relative reference would read as a
/// scheme (`a:b.py`).
const RELATIVE_PATH: &AsciiSet = &PATH.add(b':');

/// The report as a SARIF 2.1.0 log (a JSON object valid against the official schema).
///
/// - `runs[0].tool.driver.rules`: one rule per remark name (and diagnostic code) used, sorted
///   by id, with `id`,
///   `name`, `shortDescription`, `fullDescription`, `help`, `helpUri` (see [`help_uri`]) and
///   `defaultConfiguration.level` (`warning` when any remark of that name is missed, else
///   `note`); names outside the catalog get a generic description.
/// - `runs[0].results`: one per remark, in report order: `ruleId`, `ruleIndex`, `level`
///   (`note` for applied and analysis remarks, `warning` for missed ones), `message.text`,
///   one `physicalLocation` (see below), `partialFingerprints[FINGERPRINT_KEY]` (SHA-256, hex,
///   of name, function and message: stable when code moves), `fixes` when the remark has a
///   fix, `rank` (`0.0..=100.0`: the hotness as a percentage of the profile's samples) when
///   the remark has a hotness, and `properties`
///   `{pass, kind, function, args: [[key, value], ...], hotness?}`.
/// - Compile diagnostics ([`Report::diagnostics`]) come first among the results: `ruleId` is
///   the diagnostic code (`undefined-name`), `level` is `error` or `warning`, with a rule per
///   code used (among the remarks' rules, sorted by id; `defaultConfiguration.level` the
///   worst of its results, `helpUri` [`DIAGNOSTICS_URL`]), a fingerprint of code and message, and `properties.kind`
///   `"diagnostic"`.
/// - Locations: relative paths become relative URIs (forward slashes, percent-encoded) with
///   `uriBaseId` [`SRCROOT`]; absolute paths become `file://` URIs. Regions are 1-based
///   `startLine`/`startColumn`/`endLine`/`endColumn` with the end exclusive, and the run's
///   `columnKind` is `unicodeCodePoints`, matching [`crate::Position`].
pub fn to_sarif(report: &Report) -> Value {
    // Rule index by name, sorted by name, and whether any remark of the name is missed.
    let mut used: BTreeMap<&str, bool> = BTreeMap::new();
    for remark in &report.remarks {
        *used.entry(remark.name.as_str()).or_default() |= remark.kind == RemarkKind::Missed;
    }
    // Diagnostic codes, and whether any diagnostic of the code is an error.
    let mut codes: BTreeMap<&str, bool> = BTreeMap::new();
    for d in &report.diagnostics {
        *codes.entry(d.code.as_str()).or_default() |= d.severity == DiagnosticSeverity::Error;
    }
    // One rule list for both, sorted by id (a code never contains a dot, a remark name
    // always does, so they cannot collide; if one did, the remark's rule serves both).
    let mut descriptors: BTreeMap<&str, Value> = codes
        .iter()
        .map(|(&code, &error)| {
            (
                code,
                diagnostic_rule(code, if error { "error" } else { "warning" }),
            )
        })
        .collect();
    for (&name, &missed) in &used {
        descriptors.insert(
            name,
            rule_descriptor(name, if missed { "warning" } else { "note" }),
        );
    }
    let index: BTreeMap<&str, usize> = descriptors
        .keys()
        .enumerate()
        .map(|(i, &n)| (n, i))
        .collect();
    let code_index = &index;
    let rules: Vec<Value> = descriptors.into_values().collect();
    let mut results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| diagnostic_result(d, code_index.get(d.code.as_str()).copied()))
        .collect();
    results.extend(
        report
            .remarks
            .iter()
            .map(|remark| result(remark, index.get(remark.name.as_str()).copied())),
    );
    json!({
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {
                "driver": {
                    "name": report.tool.name,
                    "version": report.tool.version,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "originalUriBaseIds": {
                SRCROOT: { "description": { "text": "The directory molt-lsp ran in; relative paths are relative to it." } }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// [`to_sarif`] as pretty-printed JSON text (no trailing newline).
pub fn to_sarif_string(report: &Report) -> String {
    let log = to_sarif(report);
    // A `serde_json::Value` always serializes (its map keys are strings).
    serde_json::to_string_pretty(&log).unwrap_or_else(|_| log.to_string())
}

/// The `reportingDescriptor` of remark name `name`.
fn rule_descriptor(name: &str, level: &str) -> Value {
    let (summary, help) = match rule(name) {
        Some(r) => (r.summary, r.help),
        None => (
            "An optimization remark without a catalog entry.",
            "See the remark's message.",
        ),
    };
    let uri = help_uri(name);
    json!({
        "id": name,
        "name": name.replace('.', "-"),
        "shortDescription": { "text": summary },
        "fullDescription": { "text": format!("{summary} {help}") },
        "help": {
            "text": help,
            "markdown": format!("{help}\n\n[Documentation of `{name}`]({uri})"),
        },
        "helpUri": uri,
        "defaultConfiguration": { "level": level },
    })
}

/// The `reportingDescriptor` of diagnostic code `code`.
fn diagnostic_rule(code: &str, level: &str) -> Value {
    let summary = format!("molt-lsp compile diagnostic `{code}`.");
    json!({
        "id": code,
        "name": code,
        "shortDescription": { "text": summary },
        "fullDescription": { "text": format!("{summary} Errors are what CPython would reject, or what molt cannot compile yet; see the message.") },
        "help": {
            "text": "See the message; the table of diagnostic codes is in docs/ARCHITECTURE.md.",
            "markdown": format!("See the message.\n\n[Diagnostic codes]({DIAGNOSTICS_URL})"),
        },
        "helpUri": DIAGNOSTICS_URL,
        "defaultConfiguration": { "level": level },
    })
}

/// The `result` of one compile diagnostic; `rule_index` is its code's index in the rules.
fn diagnostic_result(d: &CompileDiagnostic, rule_index: Option<usize>) -> Value {
    let mut hasher = Sha256::new();
    for part in [d.code.as_str(), d.message.as_str()] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let fingerprint: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut result = json!({
        "ruleId": d.code,
        "level": d.severity.name(),
        "message": { "text": d.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location(&d.location.file),
                "region": region(&d.location),
            }
        }],
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint },
        "properties": { "kind": "diagnostic" },
    });
    if let Some(i) = rule_index {
        result["ruleIndex"] = json!(i);
    }
    result
}

/// The `result` of one remark; `rule_index` is its name's index in the driver's rules.
fn result(remark: &Remark, rule_index: Option<usize>) -> Value {
    let level = match remark.kind {
        RemarkKind::Missed => "warning",
        RemarkKind::Applied | RemarkKind::Analysis => "note",
    };
    let mut properties = json!({
        "pass": remark.pass,
        "kind": remark.kind.name(),
        "function": remark.function,
        "args": remark.args,
    });
    if let Some(hotness) = remark.hotness {
        properties["hotness"] = json!(hotness.share());
    }
    let mut result = json!({
        "ruleId": remark.name,
        "level": level,
        "message": { "text": remark.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location(&remark.location.file),
                "region": region(&remark.location),
            }
        }],
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint(remark) },
        "properties": properties,
    });
    // Every name used has an index; should one not, the result stays valid without it.
    if let Some(i) = rule_index {
        result["ruleIndex"] = json!(i);
    }
    if let Some(hotness) = remark.hotness {
        result["rank"] = json!(hotness.percent());
    }
    if let Some(fix) = &remark.fix {
        result["fixes"] = json!([{
            "description": { "text": fix.title },
            "artifactChanges": [{
                "artifactLocation": artifact_location(&fix.location.file),
                "replacements": [{
                    "deletedRegion": region(&fix.location),
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
    }
    result
}

/// SHA-256 (lowercase hex) of the remark's name, function and message, NUL-separated: the
/// same finding keeps its fingerprint when lines move.
fn fingerprint(remark: &Remark) -> String {
    let mut hasher = Sha256::new();
    for part in [&remark.name, &remark.function, &remark.message] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An `artifactLocation` for a path as given: backslashes become slashes; a relative path is
/// a relative URI based at [`SRCROOT`]; `/abs` and `C:/abs` become `file://` URIs.
fn artifact_location(file: &str) -> Value {
    let path = file.replace('\\', "/");
    if path.starts_with('/') {
        return json!({ "uri": format!("file://{}", utf8_percent_encode(&path, PATH)) });
    }
    let bytes = path.as_bytes();
    if bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/' {
        // `C:` is ASCII, so index 2 is a character boundary.
        let (drive, rest) = path.split_at(2);
        return json!({ "uri": format!("file:///{drive}{}", utf8_percent_encode(rest, PATH)) });
    }
    let mut relative = path.as_str();
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest;
    }
    json!({
        "uri": utf8_percent_encode(relative, RELATIVE_PATH).to_string(),
        "uriBaseId": SRCROOT,
    })
}

/// A text `region`: 1-based, end exclusive, never ending before it starts.
fn region(location: &Location) -> Value {
    let start_line = location.start_pos.line.max(1);
    let start_column = location.start_pos.column.max(1);
    let end = (location.end_pos.line.max(1), location.end_pos.column.max(1));
    let (end_line, end_column) = end.max((start_line, start_column));
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}
