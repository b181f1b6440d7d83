//! SARIF 2.1.0 output (OASIS "Static Analysis Results Interchange Format", the format GitHub
//! code scanning reads). Built with `serde_json` rather than the `serde-sarif` crate: the
//! handful of properties used here are clearer as literal JSON than through that crate's
//! builders, and the structure is checked by this crate's tests.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::{RemarkKind, Report, help_uri, rule};

/// The report as a SARIF 2.1.0 log: one run; one rule per remark name used; one result per
/// remark (level `note` for applied and analysis remarks, `warning` for missed ones).
pub fn to_sarif(report: &Report) -> Value {
    let mut names: Vec<&str> = report.remarks.iter().map(|r| r.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let rules: Vec<Value> = names
        .iter()
        .map(|name| {
            let info = rule(name);
            let summary = info.map(|r| r.summary).unwrap_or("An optimization remark.");
            let level = if name.ends_with(".missed") { "warning" } else { "note" };
            json!({
                "id": name,
                "name": name.replace('.', "-"),
                "shortDescription": { "text": summary },
                "fullDescription": { "text": format!("{summary} {}", info.map(|r| r.help).unwrap_or("")) },
                "helpUri": help_uri(name),
                "defaultConfiguration": { "level": level },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .remarks
        .iter()
        .map(|r| {
            let level = match r.kind {
                RemarkKind::Missed => "warning",
                RemarkKind::Applied | RemarkKind::Analysis => "note",
            };
            let uri = r.location.file.replace('\\', "/");
            let relative = !uri.starts_with('/');
            let mut artifact = json!({ "uri": uri });
            if relative {
                artifact["uriBaseId"] = json!("%SRCROOT%");
            }
            let fingerprint = {
                let mut h = Sha256::new();
                h.update(r.name.as_bytes());
                h.update([0]);
                h.update(r.function.as_bytes());
                h.update([0]);
                h.update(r.message.as_bytes());
                h.finalize()
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            };
            let args: serde_json::Map<String, Value> =
                r.args.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
            let mut properties = json!({
                "pass": r.pass,
                "kind": r.kind.name(),
                "function": r.function,
                "args": args,
            });
            if let Some(h) = r.hotness {
                properties["hotness"] = json!(h);
            }
            json!({
                "ruleId": r.name,
                "ruleIndex": names.iter().position(|n| *n == r.name).unwrap_or(0),
                "level": level,
                "message": { "text": r.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": {
                            "startLine": r.location.start_pos.line.max(1),
                            "startColumn": r.location.start_pos.column.max(1),
                            "endLine": r.location.end_pos.line.max(1),
                            "endColumn": r.location.end_pos.column.max(1),
                        }
                    }
                }],
                "partialFingerprints": { "moltRemark/v1": fingerprint },
                "properties": properties,
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": report.tool.name,
                    "version": report.tool.version,
                    "informationUri": "https://github.com/molt-lsp/molt-lsp",
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "The directory molt-lsp ran in." } } },
            "results": results,
        }]
    })
}

/// [`to_sarif`] as pretty JSON text.
pub fn to_sarif_string(report: &Report) -> String {
    serde_json::to_string_pretty(&to_sarif(report)).unwrap_or_default()
}
