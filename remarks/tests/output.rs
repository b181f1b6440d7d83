//! Output formats of `molt_remarks`: JSON round trip, SARIF 2.1.0 structure (the properties
//! GitHub code scanning requires), text lines, coverage arithmetic.

use molt_remarks::*;

fn loc(line: u32, col: u32) -> Location {
    Location {
        file: "pkg/app.py".into(),
        start: 10 * line + col,
        end: 10 * line + col + 3,
        start_pos: Position { line, column: col },
        end_pos: Position {
            line,
            column: col + 3,
        },
    }
}

fn sample() -> Report {
    let remarks = vec![
        Remark {
            pass: "licm".into(),
            name: "licm.hoisted".into(),
            kind: RemarkKind::Applied,
            function: "main".into(),
            location: loc(3, 5),
            message: "builtin `len` is looked up once before the loop".into(),
            args: vec![("name".into(), "len".into())],
            hotness: Some(42),
            fix: None,
        },
        Remark {
            pass: "unbox".into(),
            name: "unbox.missed".into(),
            kind: RemarkKind::Missed,
            function: "f".into(),
            location: loc(7, 9),
            message: "`n` has no type annotation".into(),
            args: vec![],
            hotness: None,
            fix: Some(Fix {
                title: "annotate `n: int`".into(),
                location: loc(6, 8),
                replacement: ": int".into(),
            }),
        },
    ];
    let ops = vec![
        OpCoverage {
            op: "add".into(),
            lane: Lane::Guarded,
            location: loc(7, 9),
            reason: Some("checks for small ints".into()),
        },
        OpCoverage {
            op: "call".into(),
            lane: Lane::Dynamic,
            location: loc(7, 2),
            reason: Some("calls the builtin `print` through generic dispatch".into()),
        },
        OpCoverage {
            op: "call.direct".into(),
            lane: Lane::Native,
            location: loc(8, 2),
            reason: None,
        },
    ];
    Report::new(
        "0.1.0",
        remarks,
        vec![FunctionCoverage {
            function: "f".into(),
            location: loc(6, 1),
            ops,
        }],
    )
}

#[test]
fn json_round_trips() {
    let report = sample();
    let text = to_json(&report);
    assert!(text.contains("\"schema_version\": 1"));
    assert_eq!(from_json(&text).expect("parses"), report);
    assert!(
        from_json("{\"schema_version\": 1}").is_err(),
        "missing fields are errors"
    );
}

#[test]
fn scores_weight_lanes() {
    let f = &sample().coverage[0];
    let c = f.counts();
    assert_eq!((c.native, c.guarded, c.runtime, c.dynamic), (1, 1, 0, 1));
    assert!((f.score() - 100.0 * 1.75 / 3.0).abs() < 1e-9);
    assert_eq!(LaneCounts::default().score(), 100.0);
    let lines = f.lines();
    assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), vec![7, 8]);
    assert_eq!(lines[0].counts.total(), 2);
    assert_eq!(f.dynamic_ops().count(), 1);
}

#[test]
fn text_lines() {
    let text = to_text(&sample());
    expect_test::expect![[r#"
        pkg/app.py:3:5: remark[licm.hoisted]: builtin `len` is looked up once before the loop
        pkg/app.py:7:9: remark[unbox.missed]: `n` has no type annotation [missed]
          = help: annotate `n: int`
    "#]]
    .assert_eq(&text);
    let coverage = coverage_text(&sample());
    assert!(coverage.contains("score  58.3"), "{coverage}");
    assert!(
        coverage.contains("dynamic call at 7:2: calls the builtin `print`"),
        "{coverage}"
    );
}

#[test]
fn sarif_has_the_structure_code_scanning_requires() {
    let sarif = to_sarif(&sample());
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let runs = sarif["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "molt-lsp");
    let rules = driver["rules"].as_array().expect("rules");
    let rule_ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(rule_ids, vec!["licm.hoisted", "unbox.missed"]);
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string());
        assert!(
            r["helpUri"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://"))
        );
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    for (i, result) in results.iter().enumerate() {
        let rule_id = result["ruleId"].as_str().expect("ruleId");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rule_ids[index], rule_id, "ruleIndex points at the rule");
        assert!(
            ["note", "warning", "error", "none"].contains(&result["level"].as_str().unwrap_or(""))
        );
        assert!(
            result["message"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        let physical = &result["locations"][0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "pkg/app.py");
        assert_eq!(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &physical["region"];
        assert!(
            region["startLine"].as_u64().is_some_and(|l| l >= 1),
            "result {i}"
        );
        assert!(region["startColumn"].as_u64().is_some_and(|c| c >= 1));
        assert!(
            result["partialFingerprints"]["moltRemark/v1"]
                .as_str()
                .is_some_and(|f| f.len() == 64)
        );
    }
    assert_eq!(
        results[1]["level"], "warning",
        "missed remarks are warnings"
    );
    assert_eq!(results[0]["properties"]["hotness"], 42);
    // Only properties SARIF 2.1.0 defines appear at the top of a result.
    let allowed = [
        "ruleId",
        "ruleIndex",
        "level",
        "message",
        "locations",
        "partialFingerprints",
        "properties",
    ];
    for result in results {
        for key in result.as_object().expect("object").keys() {
            assert!(
                allowed.contains(&key.as_str()),
                "unexpected result property {key}"
            );
        }
    }
}

#[test]
fn every_rule_is_documented() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/remarks.md"))
        .expect("docs/remarks.md");
    for rule in rules() {
        assert!(
            docs.contains(&format!("### `{}`", rule.name)),
            "docs/remarks.md has no section for {}",
            rule.name
        );
    }
}
