//! SARIF output: valid against the official SARIF 2.1.0 JSON schema (vendored in
//! `tests/data/`, see its README), and shaped as GitHub code scanning requires.

mod common;

use common::{loc, loc_in, remark, sample};
use molt_remarks::*;
use serde_json::{Value, json};

/// The pattern of `run.language` and `toolComponent.language` in the official schema: a stray
/// `]` makes it an invalid regular expression (in Unicode mode), so the draft-07 meta-schema
/// check (`"format": "regex"`) rejects the whole schema.
const BROKEN_LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// What that pattern means (its description: a two-letter language code and an optional
/// two-letter region).
const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$";

/// The official schema, with format checks on (`uri`, `uri-reference`, `date-time`, ...).
/// The only change is [`BROKEN_LANGUAGE_PATTERN`], repaired in memory in its two places;
/// molt-lsp writes no `language` property.
fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sarif-schema-2.1.0.json"
    ))
    .expect("vendored schema");
    let mut schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    for pointer in [
        "/definitions/run/properties/language/pattern",
        "/definitions/toolComponent/properties/language/pattern",
    ] {
        if let Some(pattern) = schema.pointer_mut(pointer)
            && pattern == BROKEN_LANGUAGE_PATTERN
        {
            *pattern = json!(LANGUAGE_PATTERN);
        }
    }
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

/// The schema's complaints about `log`, one per line (empty when valid).
fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Reports that exercise the corners: the sample, an empty report, a name outside the
/// catalog, and paths that need encoding.
fn reports() -> Vec<Report> {
    let mut odd = sample();
    odd.remarks.push(remark(
        "future",
        "future.pass.ünï thing",
        RemarkKind::Analysis,
        "<module>",
        loc_in("dir with space/ünïcode#1.py", 1, 1, 0),
        "a remark from a pass the catalog does not know yet",
    ));
    odd.remarks.push(remark(
        "licm",
        "licm.missed",
        RemarkKind::Missed,
        "Point.__init__",
        loc_in("/abs/path/x.py", 3, 2, 4),
        "global `N` is read on every iteration: reading a global can raise NameError, so the read stays where it is; copy it to a local before the loop",
    ));
    odd.remarks.push(remark(
        "calls",
        "call.direct.missed",
        RemarkKind::Missed,
        "f",
        loc_in(r"C:\work\pkg\y.py", 2, 1, 3),
        "`g(...)` is called through generic dispatch: the call passes keyword arguments; pass them by position to call it directly",
    ));
    let mut zero = remark(
        "dce",
        "dce.removed",
        RemarkKind::Analysis,
        "f",
        loc_in("./z.py", 1, 1, 1),
        "removed",
    );
    // A producer bug (0 line/column, end before start) still gives a valid region.
    zero.location.start_pos = Position { line: 0, column: 0 };
    zero.location.end_pos = Position { line: 0, column: 0 };
    odd.remarks.push(zero);
    vec![sample(), Report::new("0.1.0", vec![], vec![]), odd]
}

/// An error and a warning, as `--check` reports them.
fn diagnostics() -> Vec<CompileDiagnostic> {
    vec![
        CompileDiagnostic {
            code: "undefined-name".into(),
            severity: DiagnosticSeverity::Error,
            location: loc(4, 7, 4),
            message: "name `nope` is not defined".into(),
        },
        CompileDiagnostic {
            code: "exit-finalization-order".into(),
            severity: DiagnosticSeverity::Warning,
            location: loc(9, 5, 7),
            message: "instances of `C` may be finalized at exit in another order".into(),
        },
    ]
}

#[test]
fn compile_diagnostics_are_results_with_their_own_rules() {
    let mut report = sample();
    report.diagnostics = diagnostics();
    let log = to_sarif(&report);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), report.remarks.len() + 2);
    let (error, warning) = (&results[0], &results[1]);
    assert_eq!(error["ruleId"], "undefined-name");
    assert_eq!(error["level"], "error");
    assert_eq!(error["message"]["text"], "name `nope` is not defined");
    assert_eq!(error["properties"]["kind"], "diagnostic");
    assert_eq!(
        error["locations"][0]["physicalLocation"]["region"],
        json!({"startLine": 4, "startColumn": 7, "endLine": 4, "endColumn": 11})
    );
    assert_eq!(warning["level"], "warning");
    for result in [error, warning] {
        let rule = &rules[result["ruleIndex"].as_u64().expect("index") as usize];
        assert_eq!(rule["id"], result["ruleId"]);
        assert_eq!(rule["defaultConfiguration"]["level"], result["level"]);
        assert_eq!(rule["helpUri"], molt_remarks::sarif::DIAGNOSTICS_URL);
    }
    // The remarks keep their own rules and indices.
    for result in &results[2..] {
        let rule = &rules[result["ruleIndex"].as_u64().expect("index") as usize];
        assert_eq!(rule["id"], result["ruleId"]);
    }
    // Text: the diagnostics first, in `--check`'s shape.
    let text = to_text(&report);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("pkg/app.py:4:7: error[undefined-name]: name `nope` is not defined")
    );
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("pkg/app.py:9:5: warning[exit-finalization-order]: "))
    );
    // JSON: round-trips, and a report without the field (older writers) reads as none.
    let json = to_json(&report);
    assert_eq!(from_json(&json).expect("reads back"), report);
    let mut value: Value = serde_json::from_str(&json).expect("JSON");
    value.as_object_mut().expect("object").remove("diagnostics");
    let older = from_json(&value.to_string()).expect("reads an older report");
    assert!(older.diagnostics.is_empty());
    assert_eq!(report.diagnostic_count(DiagnosticSeverity::Error), 1);
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let validator = validator();
    let mut errors = sample();
    errors.diagnostics = diagnostics();
    for report in reports().into_iter().chain([errors]) {
        let log = to_sarif(&report);
        let errors = schema_errors(&validator, &log);
        assert!(errors.is_empty(), "{}\n{log:#}", errors.join("\n"));
        // The string form is the same log.
        let reparsed: Value = serde_json::from_str(&to_sarif_string(&report)).expect("JSON");
        assert_eq!(reparsed, log);
    }
}

#[test]
fn the_schema_check_catches_invalid_logs() {
    // The validation above would pass vacuously if the validator accepted anything.
    let validator = validator();
    let log = to_sarif(&sample());
    let mut bad_version = log.clone();
    bad_version["version"] = json!("2.0.0");
    assert!(!schema_errors(&validator, &bad_version).is_empty());
    let mut bad_line = log.clone();
    bad_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    assert!(!schema_errors(&validator, &bad_line).is_empty());
    let mut bad_level = log.clone();
    bad_level["runs"][0]["results"][0]["level"] = json!("info");
    assert!(!schema_errors(&validator, &bad_level).is_empty());
    // Format checks are on: URIs must be URIs.
    let mut bad_uri = log.clone();
    bad_uri["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        json!("dir with space/a.py");
    assert!(!schema_errors(&validator, &bad_uri).is_empty());
    let mut bad_help = log.clone();
    bad_help["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = json!("docs/remarks.md");
    assert!(
        !schema_errors(&validator, &bad_help).is_empty(),
        "helpUri is an absolute URI"
    );
    let mut bad_key = log;
    bad_key["runs"][0]["results"][0]["remark"] = json!("not a SARIF property");
    assert!(!schema_errors(&validator, &bad_key).is_empty());
}

#[test]
fn sarif_meets_github_code_scanning_requirements() {
    for report in reports() {
        let log = to_sarif(&report);
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(
            log["$schema"],
            "https://json.schemastore.org/sarif-2.1.0.json"
        );
        let runs = log["runs"].as_array().expect("runs");
        assert_eq!(runs.len(), 1, "one run");
        let run = &runs[0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "molt-lsp");
        assert_eq!(driver["version"], "0.1.0");
        assert!(
            driver["informationUri"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://"))
        );
        let rules = driver["rules"].as_array().expect("rules");
        let rule_ids: Vec<&str> = rules
            .iter()
            .map(|r| r["id"].as_str().expect("id"))
            .collect();
        let mut unique = rule_ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique, rule_ids, "rules are unique and sorted");
        for r in rules {
            for text in [
                &r["shortDescription"]["text"],
                &r["fullDescription"]["text"],
                &r["help"]["text"],
            ] {
                assert!(text.as_str().is_some_and(|t| !t.is_empty()), "{r}");
            }
            assert!(r["name"].as_str().is_some_and(|n| !n.is_empty()));
            let id = r["id"].as_str().expect("id");
            assert_eq!(r["helpUri"], help_uri(id));
            assert!(
                ["note", "warning"]
                    .contains(&r["defaultConfiguration"]["level"].as_str().expect("level"))
            );
        }
        let results = run["results"].as_array().expect("results");
        assert_eq!(results.len(), report.remarks.len(), "one result per remark");
        let mut used: Vec<&str> = Vec::new();
        for (result, remark) in results.iter().zip(&report.remarks) {
            let rule_id = result["ruleId"].as_str().expect("ruleId");
            assert_eq!(rule_id, remark.name);
            used.push(rule_id);
            let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(rule_ids[index], rule_id, "ruleIndex points at the rule");
            let level = if remark.kind == RemarkKind::Missed {
                "warning"
            } else {
                "note"
            };
            assert_eq!(result["level"], level);
            assert_eq!(result["message"]["text"], remark.message.as_str());
            let locations = result["locations"].as_array().expect("locations");
            assert_eq!(locations.len(), 1);
            let physical = &locations[0]["physicalLocation"];
            let uri = physical["artifactLocation"]["uri"].as_str().expect("uri");
            assert!(!uri.contains('\\') && !uri.contains(' '), "{uri}");
            let region = &physical["region"];
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(
                    region[key].as_u64().is_some_and(|n| n >= 1),
                    "{key} in {region}"
                );
            }
            let start = (region["startLine"].as_u64(), region["startColumn"].as_u64());
            let end = (region["endLine"].as_u64(), region["endColumn"].as_u64());
            assert!(start <= end, "{region}");
            let fingerprint = result["partialFingerprints"]["moltRemark/v1"]
                .as_str()
                .expect("fingerprint");
            assert!(fingerprint.len() == 64 && fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
            let properties = &result["properties"];
            assert_eq!(properties["pass"], remark.pass.as_str());
            assert_eq!(properties["kind"], remark.kind.name());
            assert_eq!(properties["function"], remark.function.as_str());
            assert_eq!(properties["args"], json!(remark.args));
            assert_eq!(
                properties.get("hotness").and_then(Value::as_f64),
                remark.hotness.map(|h| h.share())
            );
            assert_eq!(
                result.get("rank").and_then(Value::as_f64),
                remark.hotness.map(|h| h.percent()),
                "rank is the hotness in percent"
            );
        }
        used.sort_unstable();
        used.dedup();
        assert_eq!(used, rule_ids, "one rule per name used, no more");
    }
}

#[test]
fn sarif_maps_the_sample_exactly() {
    let log = to_sarif(&sample());
    let run = &log["runs"][0];
    let rules = &run["tool"]["driver"]["rules"];
    assert_eq!(
        rules[2],
        json!({
            "id": "unbox.missed",
            "name": "unbox-missed",
            "shortDescription": { "text": rule("unbox.missed").expect("catalog").summary },
            "fullDescription": { "text": format!("{} {}", rule("unbox.missed").expect("catalog").summary, rule("unbox.missed").expect("catalog").help) },
            "help": {
                "text": rule("unbox.missed").expect("catalog").help,
                "markdown": format!("{}\n\n[Documentation of `unbox.missed`](https://github.com/molt-lsp/molt-lsp/blob/main/docs/remarks.md#unboxmissed)", rule("unbox.missed").expect("catalog").help),
            },
            "helpUri": "https://github.com/molt-lsp/molt-lsp/blob/main/docs/remarks.md#unboxmissed",
            "defaultConfiguration": { "level": "warning" },
        })
    );
    assert_eq!(rules[0]["id"], "dce.removed");
    assert_eq!(rules[0]["defaultConfiguration"]["level"], "note");
    let missed = &run["results"][1];
    assert_eq!(missed["ruleIndex"], 2);
    assert_eq!(
        missed["locations"][0]["physicalLocation"],
        json!({
            "artifactLocation": { "uri": "pkg/app.py", "uriBaseId": "%SRCROOT%" },
            "region": { "startLine": 7, "startColumn": 12, "endLine": 7, "endColumn": 17 },
        })
    );
    assert_eq!(
        missed["fixes"],
        json!([{
            "description": { "text": "annotate `v: int`" },
            "artifactChanges": [{
                "artifactLocation": { "uri": "pkg/app.py", "uriBaseId": "%SRCROOT%" },
                "replacements": [{
                    "deletedRegion": { "startLine": 6, "startColumn": 11, "endLine": 6, "endColumn": 11 },
                    "insertedContent": { "text": ": int" },
                }],
            }],
        }])
    );
    assert_eq!(
        missed["properties"],
        json!({ "pass": "unbox", "kind": "missed", "function": "scale", "args": [["param", "v"]] })
    );
    assert_eq!(run["results"][0]["properties"]["hotness"], 0.42);
    assert_eq!(run["results"][0]["rank"], 42.0);
    assert!(run["results"][0].get("fixes").is_none());
    // Only properties SARIF 2.1.0 defines for a result appear.
    let allowed = [
        "ruleId",
        "ruleIndex",
        "level",
        "message",
        "locations",
        "partialFingerprints",
        "rank",
        "fixes",
        "properties",
    ];
    for result in run["results"].as_array().expect("results") {
        for key in result.as_object().expect("object").keys() {
            assert!(
                allowed.contains(&key.as_str()),
                "unexpected result property {key}"
            );
        }
    }
}

#[test]
fn a_rule_without_catalog_entry_gets_a_generic_description() {
    let report = Report::new(
        "0.1.0",
        vec![remark(
            "x",
            "x.new",
            RemarkKind::Applied,
            "f",
            loc_in("a.py", 1, 1, 1),
            "new",
        )],
        vec![],
    );
    let log = to_sarif(&report);
    let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(rule["id"], "x.new");
    assert!(
        rule["shortDescription"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("without a catalog entry"))
    );
    assert_eq!(
        rule["helpUri"],
        "https://github.com/molt-lsp/molt-lsp/blob/main/docs/remarks.md#xnew"
    );
    assert_eq!(
        help_uri("Ünï.Code name_2"),
        "https://github.com/molt-lsp/molt-lsp/blob/main/docs/remarks.md#%C3%BCn%C3%AFcode-name_2"
    );
}

#[test]
fn paths_become_uri_references() {
    let uri_of = |file: &str| {
        let report = Report::new(
            "0.1.0",
            vec![remark(
                "p",
                "p.x",
                RemarkKind::Applied,
                "f",
                loc_in(file, 1, 1, 1),
                "m",
            )],
            vec![],
        );
        to_sarif(&report)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"].clone()
    };
    assert_eq!(
        uri_of("pkg/app.py"),
        json!({ "uri": "pkg/app.py", "uriBaseId": "%SRCROOT%" })
    );
    assert_eq!(
        uri_of("./pkg/app.py"),
        json!({ "uri": "pkg/app.py", "uriBaseId": "%SRCROOT%" })
    );
    assert_eq!(
        uri_of(r"pkg\sub\app.py"),
        json!({ "uri": "pkg/sub/app.py", "uriBaseId": "%SRCROOT%" })
    );
    assert_eq!(
        uri_of("my dir/ü#1.py"),
        json!({ "uri": "my%20dir/%C3%BC%231.py", "uriBaseId": "%SRCROOT%" })
    );
    assert_eq!(
        uri_of("a:b.py"),
        json!({ "uri": "a%3Ab.py", "uriBaseId": "%SRCROOT%" })
    );
    assert_eq!(
        uri_of("/home/u/a b.py"),
        json!({ "uri": "file:///home/u/a%20b.py" })
    );
    assert_eq!(
        uri_of(r"C:\src\app.py"),
        json!({ "uri": "file:///C:/src/app.py" })
    );
}

#[test]
fn fingerprints_survive_moves_and_tell_findings_apart() {
    let fingerprint = |r: &Remark| {
        let report = Report::new("0.1.0", vec![r.clone()], vec![]);
        to_sarif(&report)["runs"][0]["results"][0]["partialFingerprints"]["moltRemark/v1"].clone()
    };
    let base = remark(
        "licm",
        "licm.hoisted",
        RemarkKind::Applied,
        "f",
        loc_in("a.py", 3, 5, 2),
        "hoisted",
    );
    let moved = Remark {
        location: loc_in("a.py", 30, 9, 2),
        ..base.clone()
    };
    assert_eq!(fingerprint(&base), fingerprint(&moved));
    let other_message = Remark {
        message: "hoisted!".into(),
        ..base.clone()
    };
    assert_ne!(fingerprint(&base), fingerprint(&other_message));
    let other_function = Remark {
        function: "g".into(),
        ..base.clone()
    };
    assert_ne!(fingerprint(&base), fingerprint(&other_function));
    // Field boundaries count: ("ab", "c") and ("a", "bc") differ.
    let a = Remark {
        function: "ab".into(),
        message: "c".into(),
        ..base.clone()
    };
    let b = Remark {
        function: "a".into(),
        message: "bc".into(),
        ..base
    };
    assert_ne!(fingerprint(&a), fingerprint(&b));
}
