//! The model and its JSON and text forms: JSON round trip and versioning, score arithmetic,
//! line grouping, noise filters, and snapshots of the text output (re-bless with
//! `UPDATE_EXPECT=1 cargo test -p molt_remarks`).

mod common;

use common::{loc, loc_in, op, remark, sample};
use expect_test::expect;
use molt_remarks::*;

#[test]
fn json_round_trips() {
    let report = sample();
    let text = to_json(&report);
    assert_eq!(from_json(&text).expect("parses"), report);
    // Byte-identical when written again: the field order is stable.
    assert_eq!(to_json(&from_json(&text).expect("parses")), text);
}

#[test]
fn json_shape_matches_the_documented_schema() {
    let value: serde_json::Value = serde_json::from_str(&to_json(&sample())).expect("JSON");
    let mut top: Vec<&str> = value
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    // A parsed Value may reorder keys; the order is checked on the text below.
    top.sort_unstable();
    assert_eq!(
        top,
        [
            "coverage",
            "diagnostics",
            "remarks",
            "schema_version",
            "tool"
        ]
    );
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["tool"]["name"], "molt-lsp");
    assert_eq!(value["tool"]["version"], "0.1.0");
    let hoisted = &value["remarks"][0];
    assert_eq!(hoisted["kind"], "applied");
    assert_eq!(
        hoisted["args"],
        serde_json::json!([["op", "call"], ["callee", "len"]]),
        "args are ordered [key, value] pairs"
    );
    assert_eq!(hoisted["hotness"], 0.42);
    assert!(
        hoisted.get("fix").is_none(),
        "absent optional fields are omitted"
    );
    assert_eq!(value["remarks"][1]["kind"], "missed");
    assert_eq!(value["remarks"][1]["fix"]["replacement"], ": int");
    assert!(value["remarks"][2].get("hotness").is_none());
    assert_eq!(value["remarks"][2]["kind"], "analysis");
    let lanes: Vec<&str> = value["coverage"][0]["ops"]
        .as_array()
        .expect("ops")
        .iter()
        .filter_map(|o| o["lane"].as_str())
        .collect();
    assert_eq!(lanes, ["native", "guarded", "runtime", "native"]);
    assert_eq!(value["coverage"][1]["ops"][1]["lane"], "dynamic");
    assert!(value["coverage"][0]["ops"][0].get("reason").is_none());
    let location = &value["remarks"][0]["location"];
    assert_eq!(location["start"], 133);
    assert_eq!(location["end"], 140);
    assert_eq!(
        location["start_pos"],
        serde_json::json!({"line": 4, "column": 14})
    );

    // Field order in the text: schema_version, tool, remarks, coverage; a remark's fields in
    // declaration order.
    let text = to_json(&sample());
    let at = |key: &str| text.find(&format!("\"{key}\":")).expect(key);
    assert!(at("schema_version") < at("tool"));
    assert!(at("tool") < at("remarks"));
    assert!(at("remarks") < at("coverage"));
    let first_remark = &text[at("remarks")..];
    let at = |key: &str| first_remark.find(&format!("\"{key}\":")).expect(key);
    let fields = [
        "pass", "name", "kind", "function", "location", "message", "args", "hotness",
    ];
    for pair in fields.windows(2) {
        assert!(at(pair[0]) < at(pair[1]), "{} before {}", pair[0], pair[1]);
    }
}

#[test]
fn from_json_checks_the_version_and_the_shape() {
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&sample())).expect("JSON");
    value["schema_version"] = serde_json::json!(2);
    match from_json(&value.to_string()) {
        Err(Error::UnsupportedVersion { found, supported }) => {
            assert_eq!((found, supported), (2, SCHEMA_VERSION));
        }
        other => panic!("expected UnsupportedVersion, got {other:?}"),
    }

    // Additive fields (from a newer writer of the same version) are ignored.
    value["schema_version"] = serde_json::json!(1);
    value["generated_at"] = serde_json::json!("2026-01-01T00:00:00Z");
    value["remarks"][0]["confidence"] = serde_json::json!(0.5);
    assert_eq!(from_json(&value.to_string()).expect("parses"), sample());

    // A missing required field, a wrong type and text that is not JSON are shape errors.
    let mut missing = value.clone();
    missing["remarks"][0]
        .as_object_mut()
        .expect("object")
        .remove("message");
    let err = from_json(&missing.to_string()).expect_err("message is required");
    assert!(matches!(err, Error::Json(_)), "{err:?}");
    assert!(err.to_string().contains("message"), "{err}");
    let mut wrong_lane = value.clone();
    wrong_lane["coverage"][0]["ops"][0]["lane"] = serde_json::json!("fast");
    assert!(matches!(
        from_json(&wrong_lane.to_string()),
        Err(Error::Json(_))
    ));
    assert!(matches!(from_json("remarks"), Err(Error::Json(_))));
    assert!(matches!(from_json("{}"), Err(Error::Json(_))));
}

#[test]
fn kinds_and_lanes_print_their_json_spelling() {
    for lane in Lane::ALL {
        assert_eq!(
            serde_json::to_value(lane).expect("serializes"),
            serde_json::json!(lane.to_string())
        );
    }
    assert_eq!(
        Lane::ALL.map(|l| l.to_string()),
        ["native", "guarded", "runtime", "dynamic"]
    );
    for (kind, word) in [
        (RemarkKind::Applied, "applied"),
        (RemarkKind::Missed, "missed"),
        (RemarkKind::Analysis, "analysis"),
    ] {
        assert_eq!(kind.to_string(), word);
        assert_eq!(
            serde_json::to_value(kind).expect("serializes"),
            serde_json::json!(word)
        );
    }
}

fn counts(native: u32, guarded: u32, runtime: u32, dynamic: u32) -> LaneCounts {
    LaneCounts {
        native,
        guarded,
        runtime,
        dynamic,
    }
}

#[test]
fn scores_weight_lanes_by_cost() {
    assert_eq!(LaneCounts::default().score(), 100.0, "nothing to improve");
    assert_eq!(counts(5, 0, 0, 0).score(), 100.0);
    assert_eq!(counts(0, 4, 0, 0).score(), 75.0);
    assert_eq!(counts(0, 0, 3, 0).score(), 50.0);
    assert_eq!(counts(0, 0, 0, 7).score(), 0.0);
    // (1 + 0.75 + 0.5 + 0) / 4
    assert_eq!(counts(1, 1, 1, 1).score(), 56.25);
    // (2 * 1 + 1 * 0.5) / 6
    assert!((counts(2, 0, 1, 3).score() - 100.0 * 2.5 / 6.0).abs() < 1e-12);
    // Extreme counts stay in range.
    let huge = counts(u32::MAX, u32::MAX, 0, 0);
    assert_eq!(huge.total(), u32::MAX, "total saturates");
    assert_eq!(huge.score(), 87.5);

    let mut c = LaneCounts::default();
    for lane in [Lane::Dynamic, Lane::Native, Lane::Native, Lane::Runtime] {
        c.add(lane);
    }
    assert_eq!(c, counts(2, 0, 1, 1));
    assert_eq!(c.total(), 4);
    assert_eq!(c.get(Lane::Native), 2);

    let report = sample();
    let total = &report.coverage[0];
    assert_eq!(total.counts(), counts(2, 1, 1, 0));
    assert_eq!(total.score(), 81.25);
    let scale = &report.coverage[1];
    assert_eq!(scale.score(), 37.5);
}

#[test]
fn lines_group_operations_by_start_line_in_order() {
    let f = FunctionCoverage {
        function: "f".into(),
        location: loc(1, 1, 10),
        ops: vec![
            op("call", Lane::Dynamic, loc(9, 5, 3), Some("generic")),
            op("add", Lane::Guarded, loc(3, 5, 3), None),
            op("getattr", Lane::Dynamic, loc(9, 1, 3), Some("unknown type")),
            op("lt", Lane::Native, loc(5, 1, 3), None),
            op("add", Lane::Native, loc(3, 9, 3), None),
            // Spans lines 5 to 6: counted on line 5.
            op(
                "call",
                Lane::Runtime,
                Location {
                    end_pos: Position { line: 6, column: 2 },
                    ..loc(5, 20, 30)
                },
                None,
            ),
        ],
    };
    let lines = f.lines();
    let summary: Vec<(u32, LaneCounts, f64)> =
        lines.iter().map(|l| (l.line, l.counts, l.score)).collect();
    assert_eq!(
        summary,
        vec![
            (3, counts(1, 1, 0, 0), 87.5),
            (5, counts(1, 0, 1, 0), 75.0),
            (9, counts(0, 0, 0, 2), 0.0),
        ]
    );
    let dynamic: Vec<&str> = f.dynamic_ops().map(|o| o.op.as_str()).collect();
    assert_eq!(dynamic, ["call", "getattr"], "in ops order");
    let empty = FunctionCoverage {
        ops: vec![],
        ..f.clone()
    };
    assert!(empty.lines().is_empty());
    assert_eq!(empty.score(), 100.0);
}

#[test]
fn sort_orders_by_file_offset_and_name() {
    let mut report = Report::new(
        "0.1.0",
        vec![
            remark(
                "licm",
                "licm.hoisted",
                RemarkKind::Applied,
                "f",
                loc_in("b.py", 1, 1, 1),
                "4",
            ),
            remark(
                "cse",
                "lane.dynamic",
                RemarkKind::Missed,
                "f",
                loc_in("a.py", 2, 1, 1),
                "2",
            ),
            remark(
                "cse",
                "cse.eliminated",
                RemarkKind::Applied,
                "f",
                loc_in("a.py", 2, 1, 1),
                "1",
            ),
            remark(
                "dce",
                "dce.removed",
                RemarkKind::Analysis,
                "f",
                loc_in("a.py", 3, 1, 1),
                "3",
            ),
            remark(
                "cse",
                "cse.eliminated",
                RemarkKind::Applied,
                "f",
                loc_in("a.py", 2, 1, 1),
                "1b",
            ),
        ],
        vec![],
    );
    report.sort();
    let order: Vec<&str> = report.remarks.iter().map(|r| r.message.as_str()).collect();
    assert_eq!(order, ["1", "1b", "2", "3", "4"], "stable for equal keys");
}

#[test]
fn filters_keep_the_requested_kinds_and_passes() {
    let mut missed_only = sample();
    missed_only.filter_kinds(&[RemarkKind::Missed]);
    let names: Vec<&str> = missed_only
        .remarks
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["unbox.missed"]);
    assert_eq!(
        missed_only.coverage,
        sample().coverage,
        "coverage untouched"
    );

    let mut two_kinds = sample();
    two_kinds.filter_kinds(&[RemarkKind::Applied, RemarkKind::Analysis]);
    assert_eq!(two_kinds.remarks.len(), 2);

    let mut passes = sample();
    passes.filter_passes(&["licm", "dce"]);
    let names: Vec<&str> = passes.remarks.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["licm.hoisted", "dce.removed"]);

    let mut none = sample();
    none.filter_passes(&[]);
    assert!(none.remarks.is_empty());
}

#[test]
fn dedup_keeps_one_remark_per_location_name_and_message() {
    let at = |line, col, len| loc_in("a.py", line, col, len);
    let mut report = Report::new(
        "0.1.0",
        vec![
            remark(
                "coverage",
                "lane.dynamic",
                RemarkKind::Missed,
                "f",
                at(2, 1, 4),
                "`call` stays dynamic",
            ),
            remark(
                "coverage",
                "lane.dynamic",
                RemarkKind::Missed,
                "f",
                at(2, 1, 4),
                "`truthy` stays dynamic",
            ),
            // The same fact twice (a pass that ran twice): dropped.
            remark(
                "coverage",
                "lane.dynamic",
                RemarkKind::Missed,
                "f",
                at(2, 1, 4),
                "`call` stays dynamic",
            ),
            // Same place, other name: kept.
            remark(
                "cse",
                "cse.eliminated",
                RemarkKind::Applied,
                "f",
                at(2, 1, 4),
                "reused",
            ),
            // Same start, other end: another location, kept.
            remark(
                "coverage",
                "lane.dynamic",
                RemarkKind::Missed,
                "f",
                at(2, 1, 6),
                "`mul` stays dynamic",
            ),
            // Same offsets in another file: kept.
            remark(
                "coverage",
                "lane.dynamic",
                RemarkKind::Missed,
                "f",
                loc_in("b.py", 2, 1, 4),
                "`call` stays dynamic",
            ),
        ],
        vec![],
    );
    report.dedup_locations();
    let kept: Vec<&str> = report.remarks.iter().map(|r| r.message.as_str()).collect();
    assert_eq!(
        kept,
        [
            "`call` stays dynamic",
            "`truthy` stays dynamic",
            "reused",
            "`mul` stays dynamic",
            "`call` stays dynamic"
        ]
    );
}

#[test]
fn reports_name_the_tool_and_the_schema_version() {
    let report = Report::with_crate_version(vec![], vec![]);
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert_eq!(report.tool.name, "molt-lsp");
    assert_eq!(report.tool.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(Report::new("9.9.9", vec![], vec![]).tool.version, "9.9.9");
}

#[test]
fn text_has_one_line_per_remark_and_a_help_line_per_fix() {
    expect![[r#"
        pkg/app.py:4:14: remark[licm.hoisted]: `len()` of a container the loop does not change is computed once before the loop [hot 42.0%]
        pkg/app.py:7:12: remark[unbox.missed]: `v` has no type annotation, so `mul` checks its type at run time; annotate `v: int` (or `float`) if that is what it holds [missed]
          = help: annotate `v: int`
        pkg/app.py:2:5: remark[dce.removed]: this value is never used; its computation was removed
    "#]]
    .assert_eq(&to_text(&sample()));
    assert_eq!(to_text(&Report::new("0.1.0", vec![], vec![])), "");
}

#[test]
fn coverage_text_lists_functions_lines_and_dynamic_operations() {
    expect![[r#"
        pkg/app.py:1: total                        score  81.2  native   2  guarded   1  runtime   1  dynamic   0
            line    3: score 100.0  native   2  guarded   0  runtime   0  dynamic   0
            line    4: score  62.5  native   0  guarded   1  runtime   1  dynamic   0
        pkg/app.py:6: scale                        score  37.5  native   0  guarded   1  runtime   0  dynamic   1
            line    7: score  75.0  native   0  guarded   1  runtime   0  dynamic   0
            line    8: score   0.0  native   0  guarded   0  runtime   0  dynamic   1
            dynamic call at 8:5: calls the builtin `print` through generic dispatch
    "#]]
    .assert_eq(&coverage_text(&sample()));
}

#[test]
fn coverage_columns_stay_aligned_for_long_names() {
    let mut report = sample();
    report.coverage[1].function = "Matrix.__init__.<locals>.fill_row_by_column".into();
    let text = coverage_text(&report);
    let columns: Vec<usize> = text
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.find(" score ").expect("score column"))
        .collect();
    assert_eq!(columns.len(), 2);
    assert_eq!(columns[0], columns[1], "{text}");
}

#[test]
fn remarks_sort_by_hotness_hottest_first() {
    let mut cold = remark("p", "a.b", RemarkKind::Missed, "f", loc(1, 1, 1), "cold");
    cold.hotness = Some(Hotness(0.05));
    let mut hot = remark("p", "a.b", RemarkKind::Missed, "g", loc(9, 1, 1), "hot");
    hot.hotness = Some(Hotness(0.6));
    let unknown_late = remark("p", "a.b", RemarkKind::Missed, "h", loc(8, 1, 1), "none 8");
    let unknown_early = remark("p", "a.b", RemarkKind::Missed, "h", loc(2, 1, 1), "none 2");
    let mut report =
        Report::with_crate_version(vec![unknown_late, cold, unknown_early, hot], vec![]);
    report.sort_by_hotness();
    let order: Vec<&str> = report.remarks.iter().map(|r| r.message.as_str()).collect();
    assert_eq!(order, ["hot", "cold", "none 2", "none 8"]);
    let text = to_text(&report);
    assert!(
        text.starts_with("pkg/app.py:9:1: remark[a.b]: hot [missed] [hot 60.0%]\n"),
        "{text}"
    );
    assert_eq!(Hotness(0.42).percent(), 42.0);
    assert_eq!(Hotness(f64::NAN).share(), 0.0);
    assert_eq!(Hotness(1.5).share(), 1.0);
}
