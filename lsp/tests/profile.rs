//! Profiles on the command line (`docs/profiles.md`): the site map a build writes,
//! `--profile-report` on hand-written profiles of a real build (ranking, JSON shape,
//! staleness after an edit), remarks ordered by hotness, and `--run --profile` end to end.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

mod common;
use common::schema_errors;

fn molt_lsp(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_molt-lsp"));
    c.current_dir(dir);
    c
}

fn run(c: &mut Command) -> Output {
    c.output().expect("molt-lsp runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A program with a hot counted loop (`total`), a method whose `add` is guarded, and an
/// unannotated multiplication (`untyped`, with an `unbox.missed` remark and a fix).
const PROGRAM: &str = "\
class Vec:
    def __init__(self, x):
        self.x = x

    def add(self, o):
        return self.x + o.x


def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * 2
    return s


def untyped(a, b):
    return a * b


v = Vec(1)
print(total(10), v.add(Vec(2)), untyped(3, 4))
";

/// A temporary directory with `p.py` built into `target/molt/p` (and its site map).
fn built(source: &str) -> (tempfile::TempDir, Value) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("p.py"), source).expect("write");
    let out = run(molt_lsp(dir.path()).args(["--build", "p.py"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let sites = read_json(&dir.path().join("target/molt/p.sites.json"));
    (dir, sites)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("JSON")
}

/// The function entry named `name` of a site map, and its first site with opcode `op`.
fn site<'a>(map: &'a Value, name: &str, op: &str) -> (&'a Value, &'a Value) {
    let f = map["functions"]
        .as_array()
        .expect("functions")
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("function {name}"));
    let s = f["sites"]
        .as_array()
        .expect("sites")
        .iter()
        .find(|s| s["op"] == op)
        .unwrap_or_else(|| panic!("{op} in {name}"));
    (f, s)
}

fn sha256(text: &str) -> String {
    molt_profiler::sha256_hex(text)
}

/// A profile of the build described by `map`: `total` hot (800 of 900 samples, 700 at its
/// `mul`), `Vec.add` with 250 `not-int` deopts, `untyped` with 100 `not-int` and 2 `overflow`.
fn profile_for(map: &Value) -> Value {
    let (total, mul) = site(map, "total", "mul");
    let (add_f, add) = site(map, "Vec.add", "add");
    let (untyped, umul) = site(map, "untyped", "mul");
    let (module, call) = site(map, "<module>", "call");
    json!({
        "schema_version": 1, "kind": "molt-profile", "build_id": map["build_id"],
        "files": map["files"],
        "exit": { "kind": "normal", "code": 0 }, "wall_ns": 900_000_000u64,
        "sampling": { "enabled": true, "interval_ns": 1_000_000, "samples": 900, "unattributed": 0 },
        "counters": {
            "allocations": { "int": 0, "float": 0, "str": 0, "list": 0, "tuple": 0, "dict": 0,
                             "set": 0, "instance": 2, "function": 0, "other": 0 },
            "calls": { "direct": 1, "method_direct": 5000, "method_cached": 0, "generic": 103, "builtin": 1 },
            "attribute_lookups": { "slot": 10000, "generic": 0 },
            "inline_cache": { "hits": 5000, "misses": 0 },
            "guards": { "checks": 1_005_101, "failures": 352 },
            "dynamic_ops": 3
        },
        "functions": [
            { "function": total["function"], "name": "total", "calls": 1, "samples": 800,
              "sites": [{ "site": mul["site"], "count": 1_000_000, "samples": 700 }] },
            { "function": add_f["function"], "name": "Vec.add", "calls": 5000, "samples": 60,
              "sites": [{ "site": add["site"], "count": 5000, "deopts": { "not-int": 250 }, "samples": 50 }] },
            { "function": untyped["function"], "name": "untyped", "calls": 100, "samples": 30,
              "sites": [{ "site": umul["site"], "count": 100, "deopts": { "not-int": 100, "overflow": 2 }, "samples": 20 }] },
            { "function": module["function"], "name": "<module>", "calls": 1, "samples": 10,
              "sites": [{ "site": call["site"], "count": 1, "samples": 1 }] }
        ]
    })
}

/// Builds [`PROGRAM`] and writes [`profile_for`] its site map beside it; returns the
/// directory and the profile's path (relative to it).
fn profiled() -> (tempfile::TempDir, PathBuf) {
    let (dir, map) = built(PROGRAM);
    let profile = profile_for(&map);
    assert_eq!(
        schema_errors("profile-v1.schema.json", &profile),
        Vec::<String>::new()
    );
    let rel = PathBuf::from("target/molt/p.profile.json");
    std::fs::write(dir.path().join(&rel), profile.to_string()).expect("write");
    (dir, rel)
}

fn report_json(dir: &Path, profile: &Path) -> Value {
    let out = run(molt_lsp(dir)
        .arg("--profile-report")
        .arg(profile)
        .args(["--format", "json"]));
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("JSON report")
}

#[test]
fn a_build_writes_a_site_map_that_validates() {
    let (dir, map) = built(PROGRAM);
    assert_eq!(
        schema_errors("sites-v1.schema.json", &map),
        Vec::<String>::new()
    );
    let text = std::fs::read_to_string(dir.path().join("target/molt/p.sites.json")).expect("read");
    molt_profiler::parse_site_map(&text).expect("the profiler reads it");
    assert_eq!(map["opt_level"], 2);
    assert_eq!(map["files"][0]["sha256"], sha256(PROGRAM));
    let path = map["files"][0]["path"].as_str().expect("path");
    assert!(
        Path::new(path).is_absolute() && path.ends_with("p.py"),
        "{path}"
    );
    // Function indices are positions, `<module>` first.
    for (i, f) in map["functions"]
        .as_array()
        .expect("functions")
        .iter()
        .enumerate()
    {
        assert_eq!(f["function"], i);
    }
    assert_eq!(map["functions"][0]["name"], "<module>");
    let (total, mul) = site(&map, "total", "mul");
    assert_eq!(
        (&total["line"], &total["end_line"]),
        (&json!(9), &json!(13))
    );
    // `        s += i * 2`: `i * 2` is columns 14..19 (1-based, end exclusive).
    assert_eq!(
        (
            &mul["line"],
            &mul["column"],
            &mul["end_line"],
            &mul["end_column"]
        ),
        (&json!(12), &json!(14), &json!(12), &json!(19))
    );
    assert_eq!(
        (&mul["lane"], &mul["guard"]),
        (&json!("guarded"), &json!("overflow"))
    );
    let (_, entry) = site(&map, "total", "is.type");
    assert_eq!(
        (&entry["guard"], &entry["line"], &entry["column"]),
        (&json!("entry"), &json!(9), &json!(14))
    );
    let (_, add) = site(&map, "Vec.add", "add");
    assert_eq!(add["guard"], "int-tag", "operands of unknown type");
    let (_, slot) = site(&map, "Vec.add", "getattr.slot");
    assert_eq!(slot["guard"], "shape");
    let (_, direct) = site(&map, "<module>", "call.direct");
    assert_eq!(direct["guard"], "direct-call");
    // `v.add(Vec(2))`: the method is looked up before the argument is made (CPython's
    // order), through the inline cache of `method.load.direct`.
    let (_, method) = site(&map, "<module>", "method.load.direct");
    assert_eq!(method["guard"], "inline-cache");
    // `Vec(1)` constructs directly behind the class's inline cache; `print(...)`, a builtin,
    // is an unguarded call of the runtime.
    let (_, construct) = site(&map, "<module>", "call.class.direct");
    assert_eq!(
        (&construct["lane"], &construct["guard"], &construct["line"]),
        (&json!("guarded"), &json!("inline-cache"), &json!(20))
    );
    let (_, call) = site(&map, "<module>", "call");
    assert_eq!(
        (&call["lane"], call.get("guard"), &call["line"]),
        (&json!("runtime"), None, &json!(21))
    );
}

#[test]
fn a_build_id_names_the_source_and_the_opt_level() {
    let (dir, first) = built(PROGRAM);
    let out = run(molt_lsp(dir.path()).args(["--build", "p.py"]));
    assert!(out.status.success());
    let again = read_json(&dir.path().join("target/molt/p.sites.json"));
    assert_eq!(first["build_id"], again["build_id"], "deterministic");
    let out = run(molt_lsp(dir.path()).args(["--build", "p.py", "--opt-level", "0"]));
    assert!(out.status.success());
    let o0 = read_json(&dir.path().join("target/molt/p.sites.json"));
    assert_ne!(first["build_id"], o0["build_id"]);
    assert_eq!(o0["opt_level"], 0);
    assert_eq!(
        schema_errors("sites-v1.schema.json", &o0),
        Vec::<String>::new()
    );
}

#[test]
fn the_json_report_ranks_by_cost_with_exact_counts() {
    let (dir, profile) = profiled();
    let r = report_json(dir.path(), &profile);
    assert_eq!(r["stale"], false);
    let functions = r["functions"].as_array().expect("functions");
    let names: Vec<&str> = functions
        .iter()
        .map(|f| f["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(names, ["total", "Vec.add", "untyped", "<module>"]);
    let top = &functions[0];
    for key in [
        "name", "file", "line", "samples", "share", "calls", "deopts",
    ] {
        assert!(top.get(key).is_some(), "functions[].{key}");
    }
    assert_eq!(
        (&top["line"], &top["samples"], &top["calls"]),
        (&json!(9), &json!(800), &json!(1))
    );
    assert!((top["share"].as_f64().expect("share") - 800.0 / 900.0).abs() < 1e-9);
    assert_eq!(functions[2]["deopts"], 102);
    let sites = r["sites"].as_array().expect("sites");
    for s in sites {
        for key in [
            "file", "line", "column", "function", "op", "lane", "count", "deopts",
        ] {
            assert!(s.get(key).is_some(), "sites[].{key}: {s}");
        }
    }
    // By cost: samples first.
    let samples: Vec<u64> = sites
        .iter()
        .map(|s| s["samples"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(samples, [700, 50, 20, 1]);
    let add = &sites[1];
    assert_eq!(
        (&add["function"], &add["op"], &add["line"], &add["column"]),
        (&json!("Vec.add"), &json!("add"), &json!(6), &json!(16))
    );
    assert_eq!(add["deopts"], json!({ "not-int": 250 }));
    let mul = &sites[2];
    assert_eq!(mul["deopts"], json!({ "not-int": 100, "overflow": 2 }));
    assert_eq!(
        mul["remark"]["name"], "unbox.missed",
        "the remark that explains it"
    );
    assert_eq!(mul["remark"]["fix"], "annotate `a: int`");
    assert_eq!(
        r["lines"][0]["line"], 12,
        "the loop body is the hottest line"
    );
}

#[test]
fn the_text_report_explains_deopts() {
    let (dir, profile) = profiled();
    let out = run(molt_lsp(dir.path()).arg("--profile-report").arg(&profile));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let functions = text
        .split("hottest functions")
        .nth(1)
        .expect("functions section");
    let first = functions.lines().nth(2).expect("first function");
    assert!(
        first.contains("total") && first.contains("89%") && first.contains("p.py:9"),
        "{first}"
    );
    assert!(text.contains("p.py:12  s += i * 2"), "{text}");
    assert!(text.contains("p.py:6:16  `add` (guarded, int-tag guard) in Vec.add: 250 deopts of 5000 executions (5%): not-int 250"), "{text}");
    assert!(
        text.contains("p.py:17:12  `mul` (guarded, int-tag guard) in untyped: 102 deopts"),
        "{text}"
    );
    assert!(text.contains("      fix: annotate `a: int`"), "{text}");
    assert!(!text.contains("STALE"));
}

#[test]
fn an_edit_makes_the_report_stale() {
    let (dir, profile) = profiled();
    let edited = PROGRAM.replace("return a * b", "return a * b + 0");
    std::fs::write(dir.path().join("p.py"), edited).expect("edit");
    let r = report_json(dir.path(), &profile);
    assert_eq!(r["stale"], true);
    assert!(
        r["stale_reasons"][0]
            .as_str()
            .unwrap_or("")
            .ends_with("p.py changed since the run")
    );
    // Still the figures of the run, and no remark of the edited code attached to them.
    assert_eq!(r["functions"][0]["name"], "total");
    assert!(
        r["sites"]
            .as_array()
            .expect("sites")
            .iter()
            .all(|s| s.get("remark").is_none())
    );
    let out = run(molt_lsp(dir.path()).arg("--profile-report").arg(&profile));
    assert!(stdout(&out).contains("STALE: "), "{}", stdout(&out));
    assert!(
        !stdout(&out).contains("s += i * 2"),
        "no current source text beside stale lines"
    );
    // Remarks get no hotness from a stale profile.
    let out = run(molt_lsp(dir.path())
        .args(["--check", "p.py", "--remarks=json", "--profile"])
        .arg(&profile));
    assert!(
        stderr(&out).contains("the profile is stale"),
        "{}",
        stderr(&out)
    );
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert!(
        report["remarks"]
            .as_array()
            .expect("remarks")
            .iter()
            .all(|r| r.get("hotness").is_none())
    );
}

#[test]
fn another_build_of_the_site_map_is_stale() {
    let (dir, profile) = profiled();
    let mut p = read_json(&dir.path().join(&profile));
    p["build_id"] = json!("0123456789abcdef");
    std::fs::write(dir.path().join(&profile), p.to_string()).expect("write");
    let r = report_json(dir.path(), &profile);
    assert_eq!(r["stale"], true);
    assert!(
        r["sites"][0]["line"].is_null(),
        "nothing placed in another build's source"
    );
}

#[test]
fn remarks_are_ordered_by_hotness() {
    let (dir, profile) = profiled();
    let out = run(molt_lsp(dir.path())
        .args(["--build", "p.py", "--remarks=json", "--profile"])
        .arg(&profile));
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let remarks = report["remarks"].as_array().expect("remarks");
    let hotness: Vec<f64> = remarks
        .iter()
        .filter_map(|r| r["hotness"].as_f64())
        .collect();
    assert!(!hotness.is_empty());
    assert!(
        hotness.windows(2).all(|w| w[0] >= w[1]),
        "hottest first: {hotness:?}"
    );
    assert_eq!(remarks[0]["function"], "total");
    assert!(
        (hotness[0] - 800.0 / 900.0).abs() < 1e-9,
        "the function's share"
    );
    let missed = remarks
        .iter()
        .find(|r| r["name"] == "unbox.missed")
        .expect("unbox.missed");
    assert!(
        (missed["hotness"].as_f64().expect("hotness") - 20.0 / 900.0).abs() < 1e-9,
        "the share of its own site"
    );
    let out = run(molt_lsp(dir.path())
        .args(["--check", "p.py", "--remarks=sarif", "--profile"])
        .arg(&profile));
    let sarif: Value = serde_json::from_str(&stdout(&out)).expect("SARIF");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let rank = results[0]["rank"].as_f64().expect("rank");
    assert!((rank - 100.0 * 800.0 / 900.0).abs() < 1e-9);
    assert!(results.iter().all(|r| {
        r["rank"]
            .as_f64()
            .is_none_or(|x| (0.0..=100.0).contains(&x))
    }));
}

#[test]
fn profile_errors_name_the_file() {
    let (dir, profile) = profiled();
    std::fs::remove_file(dir.path().join("target/molt/p.sites.json")).expect("remove");
    let out = run(molt_lsp(dir.path()).arg("--profile-report").arg(&profile));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("p.sites.json: cannot read"),
        "{}",
        stderr(&out)
    );
    std::fs::write(dir.path().join(&profile), "{\"schema_version\": 9}").expect("write");
    let out = run(molt_lsp(dir.path()).arg("--profile-report").arg(&profile));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("p.profile.json: schema_version 9 is not supported"),
        "{}",
        stderr(&out)
    );
    let out = run(molt_lsp(dir.path()).args(["--build", "p.py", "--profile", "x.profile.json"]));
    assert_eq!(
        out.status.code(),
        Some(2),
        "--profile PROFILE needs --remarks"
    );
}

#[test]
fn run_with_profile_passes_the_exit_code_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("p.py"),
        "import sys\nprint('hi')\nsys.exit(3)\n",
    )
    .expect("write");
    let out = run(molt_lsp(dir.path()).args(["--run", "p.py", "--profile"]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(stdout(&out), "hi\n");
    assert!(
        stderr(&out).contains("target/molt/p.profile.json"),
        "{}",
        stderr(&out)
    );
    assert!(dir.path().join("target/molt/p.sites.json").exists());
}

/// A program that spends almost all its time in one loop (`hot`) and whose `mixed` deopts
/// exactly 100 times (`not-int`: floats reach an int fast path; `main` calls it through
/// another name, a generic call, so that its own code runs rather than an inlined copy).
const HOT: &str = "\
def hot(n: int) -> int:
    s = 0
    for i in range(n):
        s += i % 7
    return s


def mixed(a, b):
    return a + b


def main():
    t, call = 0, mixed
    for k in range(100):
        t = call(t, 1)
    for k in range(100):
        call(1.5, 2.5)
    print(hot(40000000), t)


main()
";

#[test]
fn end_to_end_run_profile_and_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("p.py"), HOT).expect("write");
    let out = run(molt_lsp(dir.path()).args(["--run", "p.py", "--profile"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("hot functions:"), "{}", stderr(&out));
    let profile = read_json(&dir.path().join("target/molt/p.profile.json"));
    assert_eq!(
        schema_errors("profile-v1.schema.json", &profile),
        Vec::<String>::new()
    );
    let r = report_json(dir.path(), Path::new("target/molt/p.profile.json"));
    assert_eq!(r["stale"], false);
    assert_eq!(r["functions"][0]["name"], "hot", "the hot loop ranks first");
    assert!(r["functions"][0]["share"].as_f64().expect("share") >= 0.8);
    // The loop's lines (its header, line 3, holds the counter's sites) get >= 80% of the
    // samples, and one of them is the hottest line.
    let lines = r["lines"].as_array().expect("lines");
    assert!(
        [json!(3), json!(4)].contains(&lines[0]["line"]),
        "{}",
        lines[0]
    );
    let loop_share: f64 = lines
        .iter()
        .filter(|l| l["line"] == 3 || l["line"] == 4)
        .filter_map(|l| l["share"].as_f64())
        .sum();
    assert!(loop_share >= 0.8, "the loop's lines: {loop_share}");
    let add = r["sites"]
        .as_array()
        .expect("sites")
        .iter()
        .find(|s| s["function"] == "mixed" && s["op"] == "add")
        .expect("mixed's add");
    assert_eq!(add["deopts"], json!({ "not-int": 100 }));
    assert_eq!(add["count"], 200);
}
