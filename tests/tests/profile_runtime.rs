//! The profile a compiled program writes (`docs/profiles.md`): small programs are built with
//! the real pipeline and run with `MOLT_PROFILE_JSON`; every profile must validate against
//! `docs/schemas/profile-v1.schema.json`, and the counters of the sites under test must be
//! exact. Sites are found in the build's own MIR (function index = position in the build,
//! site = the instruction's `SiteId`), lines through its debug tables.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use molt_db::RootDatabase;
use molt_mir::{Function, InstData, InstKind};
use serde_json::Value;

/// A program built into a temporary directory, with the MIR and debug tables of its build.
struct Built {
    exe: PathBuf,
    functions: Vec<Arc<Function>>,
    debug: molt_codegen::debug::ProgramDebug,
    dir: tempfile::TempDir,
}

fn build(src: &str) -> Built {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("prog.py");
    std::fs::write(&path, src).expect("write the program");
    let db = RootDatabase::default();
    let file = db.load_file(&path).expect("load the program");
    let frontend = molt_driver::build::build_frontend(&db, file, molt_opt::OptLevel::O2)
        .unwrap_or_else(|e| panic!("the program has errors: {e}"));
    let functions = frontend.functions.clone();
    let debug = frontend.debug.clone();
    let exe = dir.path().join("prog");
    let options = molt_driver::build::BuildOptions {
        target: Default::default(),
        output: exe.clone(),
        optimize: true,
        code_cache: Default::default(),
    };
    molt_driver::build::build_backend(frontend, &options)
        .unwrap_or_else(|e| panic!("the build failed: {e}"));
    Built {
        exe,
        functions,
        debug,
        dir,
    }
}

/// Runs the program with `env` set (and the profiling variables of the test's own
/// environment removed).
fn run(built: &Built, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(&built.exe);
    cmd.env_remove("MOLT_PROFILE")
        .env_remove("MOLT_PROFILE_JSON")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    molt_tests::output_retrying(&mut cmd).expect("the program runs")
}

fn validator() -> jsonschema::Validator {
    let path = molt_tests::repo_root().join("docs/schemas/profile-v1.schema.json");
    let text = std::fs::read_to_string(path).expect("the profile schema");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

/// `profile`, checked against the schema.
fn valid(profile: Value) -> Value {
    let errors: Vec<String> = validator()
        .iter_errors(&profile)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}\n{profile:#}");
    profile
}

/// Runs with `MOLT_PROFILE_JSON=<file>`; the output and the (valid) profile.
fn profiled(built: &Built) -> (Output, Value) {
    let path = built.dir.path().join("profile.json");
    let _ = std::fs::remove_file(&path);
    let out = run(
        built,
        &[("MOLT_PROFILE_JSON", path.to_str().unwrap_or_default())],
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "no profile at {}: {e}; stderr: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (
        out,
        valid(serde_json::from_str(&text).expect("the profile is JSON")),
    )
}

/// The index of function `name` in the build and the site of its only instruction that
/// `pick` selects.
fn site(built: &Built, name: &str, pick: impl Fn(&Function, &InstData) -> bool) -> (usize, u64) {
    let index = built
        .functions
        .iter()
        .position(|f| &*f.name == name)
        .unwrap_or_else(|| panic!("no function {name}"));
    let f = &built.functions[index];
    let sites: Vec<u64> = f
        .layout
        .iter()
        .flat_map(|b| &f.blocks[b.index()].insts)
        .map(|i| &f.insts[i.index()])
        .filter(|d| pick(f, d))
        .map(|d| d.site.index() as u64)
        .collect();
    assert_eq!(
        sites.len(),
        1,
        "instructions picked in {name}: {sites:?}\n{f}"
    );
    (index, sites[0])
}

fn function(profile: &Value, index: usize) -> &Value {
    profile["functions"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["function"] == index as u64))
        .unwrap_or_else(|| panic!("function {index} is not in the profile:\n{profile:#}"))
}

fn site_record(profile: &Value, (index, site): (usize, u64)) -> &Value {
    function(profile, index)["sites"]
        .as_array()
        .and_then(|ss| ss.iter().find(|s| s["site"] == site))
        .unwrap_or_else(|| panic!("site {index}#{site} is not in the profile:\n{profile:#}"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_entry_guard_counts_its_checks_and_not_int_deopts() {
    let built = build(
        // (The calls are in `try` blocks, where `f` is not inlined: its own code runs.)
        "def f(n: int) -> int:\n    return n + 1\n\n\
         s = 0\nfor i in range(1000):\n    try:\n        s = s + f(i)\n    except TypeError:\n        pass\n\
         for i in range(100):\n    try:\n        s = s + f(i + 0.5)\n    except TypeError:\n        pass\nprint(s)\n",
    );
    let (out, profile) = profiled(&built);
    assert_eq!(stdout(&out), "505600.0\n");
    let guard = site(&built, "f", |_, d| matches!(d.kind, InstKind::IsType(..)));
    let record = site_record(&profile, guard);
    assert_eq!(record["count"], 1100, "{record}");
    assert_eq!(record["deopts"], serde_json::json!({"not-int": 100}));
    assert_eq!(function(&profile, guard.0)["calls"], 1100);
    assert_eq!(function(&profile, guard.0)["name"], "f");
    assert_eq!(
        profile["exit"],
        serde_json::json!({"kind": "normal", "code": 0})
    );
    assert!(profile["counters"]["guards"]["failures"].as_u64() >= Some(100));
    // Every call of `f` is a direct call whose callee was bound.
    assert_eq!(profile["counters"]["calls"]["direct"], 1100);
    // The identity of the build is in the profile.
    let build_id = profile["build_id"].as_str().unwrap_or_default();
    assert_eq!(build_id.len(), 16);
    let files = profile["files"].as_array().expect("files");
    assert_eq!(files.len(), 1);
    assert!(
        files[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("prog.py") && Path::new(p).is_absolute())
    );
}

#[test]
fn a_str_entry_guard_counts_not_str_deopts() {
    let built = build(
        // (The calls are in `try` blocks, where `f` is not inlined: its own code runs.)
        "class S(str):\n    pass\n\n\
         def f(s: str) -> int:\n    return len(s.split(','))\n\n\
         t = 0\nfor i in range(300):\n    try:\n        t = t + f('a,b')\n    except TypeError:\n        pass\n\
         for i in range(20):\n    try:\n        t = t + f(S('a,b,c'))\n    except TypeError:\n        pass\nprint(t)\n",
    );
    let (out, profile) = profiled(&built);
    assert_eq!(stdout(&out), "660\n");
    let guard = site(&built, "f", |_, d| matches!(d.kind, InstKind::IsType(..)));
    let record = site_record(&profile, guard);
    assert_eq!(record["count"], 320, "{record}");
    // An instance of a subclass of `str` runs the generic copy.
    assert_eq!(record["deopts"], serde_json::json!({"not-str": 20}));
}

#[test]
fn an_int_add_counts_exactly_its_overflows() {
    let built = build(
        // (The calls are in a `try` block, where `add` is not inlined: its own code runs.)
        "def add(a: int, b: int) -> int:\n    return a + b\n\n\
         big = 2 ** 46\nt = 0\nfor i in range(100):\n    try:\n        if i < 7:\n            t = t + add(big, big)\n        else:\n            t = t + add(i, 1)\n    except TypeError:\n        pass\nprint(t)\n",
    );
    let (out, profile) = profiled(&built);
    assert_eq!(
        stdout(&out),
        format!(
            "{}\n",
            7 * (1u64 << 47) + (7..100).map(|i| i + 1).sum::<u64>()
        )
    );
    // The add of the specialized body (both operands proven ints).
    let add = site(
        &built,
        "add",
        |f, d| matches!(&d.kind, InstKind::Binary { lhs, .. } if *f.ty(*lhs) == molt_mir::Type::Int),
    );
    let record = site_record(&profile, add);
    assert_eq!(record["count"], 100, "{record}");
    assert_eq!(record["deopts"], serde_json::json!({"overflow": 7}));
}

/// `(seed * 1103515245 + 12345) % 2**31`: the product (up to 61 bits) and the sum are beyond
/// the inline range (48 bits) but stay in machine registers for the operation that uses
/// them, so no guard of the chain fails; a sum of two such products beyond 64 bits fails the
/// add's overflow guard (and only that one), and the result is still exact.
#[test]
fn an_int_chain_keeps_wide_intermediates_in_registers() {
    let built = build(
        "def step(seed: int) -> int:\n    return (seed * 1103515245 + 12345) % 2147483648\n\n\
         def wide(a: int, b: int, c: int) -> int:\n    return (a * b + c * b) % 1000003\n\n\
         s = 1\nfor i in range(100):\n    try:\n        s = step(s)\n    except TypeError:\n        pass\n\
         t = 0\nfor i in range(10):\n    try:\n        t = t + wide(2 ** 31, 2 ** 31, 2 ** 31 if i < 3 else i)\n    except TypeError:\n        pass\n\
         print(s, t)\n",
    );
    let (out, profile) = profiled(&built);
    let mut s: u64 = 1;
    for _ in 0..100 {
        s = (s * 1103515245 + 12345) % 2147483648;
    }
    let t: u128 = (0..10u128)
        .map(|i| ((1u128 << 62) + if i < 3 { 1u128 << 62 } else { i << 31 }) % 1000003)
        .sum();
    assert_eq!(stdout(&out), format!("{s} {t}\n"));
    let typed = |f: &Function, d: &InstData, want: molt_mir::BinaryOp| {
        matches!(&d.kind, InstKind::Binary { op, lhs, .. }
            if *op == want && *f.ty(*lhs) == molt_mir::Type::Int)
    };
    for op in [
        molt_mir::BinaryOp::Mul,
        molt_mir::BinaryOp::Add,
        molt_mir::BinaryOp::Mod,
    ] {
        let record = site_record(&profile, site(&built, "step", |f, d| typed(f, d, op)));
        assert_eq!(record["count"], 100, "{op:?}: {record}");
        assert!(record.get("deopts").is_none(), "{op:?}: {record}");
    }
    let add = site_record(
        &profile,
        site(&built, "wide", |f, d| typed(f, d, molt_mir::BinaryOp::Add)),
    );
    assert_eq!(add["count"], 10, "{add}");
    assert_eq!(add["deopts"], serde_json::json!({"overflow": 3}));
}

#[test]
fn an_int_modulo_counts_exactly_its_zero_divisors() {
    let built = build(
        "def rem(a: int, b: int) -> int:\n    return a % b\n\n\
         t = 0\nfor i in range(50):\n    try:\n        t = t + rem(i, i % 13)\n    except ZeroDivisionError:\n        t = t + 1000\nprint(t)\n",
    );
    let (out, profile) = profiled(&built);
    let expected: i64 = (0..50i64)
        .map(|i| if i % 13 == 0 { 1000 } else { i % (i % 13) })
        .sum();
    assert_eq!(stdout(&out), format!("{expected}\n"));
    let rem = site(
        &built,
        "rem",
        |f, d| matches!(&d.kind, InstKind::Binary { lhs, .. } if *f.ty(*lhs) == molt_mir::Type::Int),
    );
    let record = site_record(&profile, rem);
    // i = 0, 13, 26, 39: the raising executions count too.
    assert_eq!(record["count"], 50, "{record}");
    assert_eq!(record["deopts"], serde_json::json!({"zero-divisor": 4}));
}

#[test]
fn a_dynamic_operation_counts_its_executions() {
    let built = build(
        "def apply(fn, x):\n    return fn(x)\n\n\
         def double(x):\n    return x * 2\n\n\
         t = 0\nfor i in range(500):\n    t = t + apply(double, i)\nprint(t)\n",
    );
    let (out, profile) = profiled(&built);
    assert_eq!(stdout(&out), "249500\n");
    let call = site(&built, "apply", |_, d| {
        matches!(d.kind, InstKind::Call { .. })
    });
    let record = site_record(&profile, call);
    assert_eq!(record["count"], 500, "{record}");
    assert!(record.get("deopts").is_none());
    assert!(profile["counters"]["dynamic_ops"].as_u64() >= Some(500));
    assert!(profile["counters"]["calls"]["generic"].as_u64() >= Some(500));
}

#[test]
fn inline_caches_count_hits_and_misses() {
    let built = build(
        "class P:\n    def __init__(self, x):\n        self.x = x\n\n    def get(self):\n        return self.x\n\n\
         def total(ps):\n    t = 0\n    for p in ps:\n        t = t + p.get()\n    return t\n\n\
         print(total([P(i) for i in range(50)]))\n",
    );
    let (out, profile) = profiled(&built);
    assert_eq!(stdout(&out), "1225\n");
    // `p.get()`: inlined behind the class-shape cache of the call (`method.is`), cold on
    // the first call.
    let call = site(&built, "total", |_, d| {
        matches!(d.kind, InstKind::MethodIs { .. })
    });
    let record = site_record(&profile, call);
    assert_eq!(record["count"], 50, "{record}");
    assert_eq!(
        (&record["hits"], &record["misses"]),
        (&49.into(), &1.into())
    );
    assert_eq!(record["deopts"], serde_json::json!({"class-changed": 1}));
    // `self.x` of `get`, inlined into `total`: a slot read, cold once.
    let read = site(&built, "total", |_, d| {
        matches!(d.kind, InstKind::GetAttrSlot(..))
    });
    let record = site_record(&profile, read);
    assert_eq!(record["count"], 50, "{record}");
    assert_eq!(
        (&record["hits"], &record["misses"]),
        (&49.into(), &1.into())
    );
    assert_eq!(record["deopts"], serde_json::json!({"shape-changed": 1}));
    assert_eq!(profile["counters"]["allocations"]["instance"], 50);
}

#[test]
fn inlined_constructions_count_their_class_guard() {
    let built = build(
        "class P:\n    def __init__(self, x):\n        self.x = x\n\n\
         def negated(self, x):\n    self.x = -x\n\n\
         def make(n):\n    t = 0\n    for i in range(n):\n        if i == 30:\n            P.__init__ = negated\n        t = t + P(i).x\n    return t\n\n\
         print(make(50))\n",
    );
    let (out, profile) = profiled(&built);
    assert_eq!(stdout(&out), "-355\n");
    // `P(i)`: `P.__init__`'s body inlined behind `class.is`, cold on the first construction;
    // once `__init__` is replaced, every construction fails the guard and takes the direct
    // construction's generic path.
    let guard = site(&built, "make", |_, d| {
        matches!(d.kind, InstKind::ClassIs { .. })
    });
    let record = site_record(&profile, guard);
    assert_eq!(record["count"], 50, "{record}");
    assert_eq!(
        (&record["hits"], &record["misses"]),
        (&29.into(), &21.into()),
        "{record}"
    );
    assert_eq!(
        record["deopts"],
        serde_json::json!({"class-changed": 21}),
        "{record}"
    );
    assert_eq!(profile["counters"]["allocations"]["instance"], 50);
}

/// A function inlined at its direct call counts its `func.is` guard at the call: hits while
/// the global holds the `def`'s function, misses once it is rebound (the direct call then
/// calls the new value).
#[test]
fn inlined_functions_count_their_guard() {
    let built = build(
        "import sys\n\n\
         def f(x):\n    return x + 1\n\n\
         def g(x):\n    return x * 10\n\n\
         def run(n):\n    t = 0\n    for i in range(n):\n        if i == 30:\n            setattr(sys.modules[__name__], 'f', g)\n        t = t + f(i)\n    return t\n\n\
         print(run(50))\n",
    );
    let (out, profile) = profiled(&built);
    let expected: i64 = (0..30).map(|i| i + 1).sum::<i64>() + (30..50).map(|i| i * 10).sum::<i64>();
    assert_eq!(stdout(&out), format!("{expected}\n"));
    let guard = site(&built, "run", |_, d| {
        matches!(d.kind, InstKind::FuncIs { .. })
    });
    let record = site_record(&profile, guard);
    assert_eq!(record["count"], 50, "{record}");
    assert_eq!(
        record["deopts"],
        serde_json::json!({"not-bound-yet": 20}),
        "{record}"
    );
}

#[test]
fn the_stderr_form_is_one_line_after_the_program_output() {
    let built = build("print('hello')\n");
    let out = run(&built, &[("MOLT_PROFILE_JSON", "1")]);
    assert_eq!(stdout(&out), "hello\n");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    let json = lines[0]
        .strip_prefix("molt_profile_json ")
        .unwrap_or_else(|| panic!("not a profile line: {err}"));
    let profile = valid(serde_json::from_str(json).expect("JSON"));
    assert_eq!(profile["kind"], "molt-profile");
    assert_eq!(function(&profile, 0)["name"], "<module>");
}

#[test]
fn a_profile_is_written_after_sys_exit() {
    let built = build("import sys\nprint('bye')\nsys.exit(3)\n");
    let (out, profile) = profiled(&built);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(stdout(&out), "bye\n");
    assert_eq!(
        profile["exit"],
        serde_json::json!({"kind": "sys.exit", "code": 3})
    );
}

#[test]
fn a_profile_is_written_after_an_uncaught_exception_and_its_traceback() {
    let built = build("def f(x):\n    return 1 // x\n\nprint(f(1))\nf(0)\n");
    let (out, profile) = profiled(&built);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).ends_with("ZeroDivisionError: integer division or modulo by zero\n"));
    assert_eq!(
        profile["exit"],
        serde_json::json!({"kind": "exception", "code": 1})
    );
    // On stderr, the profile line comes after the traceback.
    let out = run(&built, &[("MOLT_PROFILE_JSON", "1")]);
    let err = stderr(&out);
    let last = err.lines().last().unwrap_or_default();
    assert!(last.starts_with("molt_profile_json {"), "{err}");
    assert!(err.contains("ZeroDivisionError"), "{err}");
}

#[test]
fn nothing_is_written_when_profiling_is_off() {
    let built = build("print(sum(range(10)))\n");
    let path = built.dir.path().join("profile.json");
    for env in [
        &[][..],
        &[("MOLT_PROFILE", "0")][..],
        &[("MOLT_PROFILE", "1")][..],
        &[("MOLT_PROFILE_JSON", "0")][..],
    ] {
        let out = run(&built, env);
        assert_eq!(stdout(&out), "45\n");
        assert_eq!(stderr(&out), "", "with {env:?}");
    }
    assert!(!path.exists());
}

/// The sampler: a program that spends nearly all its time in one loop (mostly inside
/// runtime helpers: dict and str operations) gets at least 80% of its samples on that loop's
/// lines.
#[test]
fn samples_land_on_the_hot_loop() {
    let built = build(
        "def setup(n):\n    data = []\n    for i in range(n):\n        data.append(str(i))\n    return data\n\n\
         def hot(data, rounds):\n    counts = {}\n    for r in range(rounds):\n        for s in data:\n            counts[s] = counts.get(s, 0) + len(s)\n    return len(counts)\n\n\
         print(hot(setup(20000), 400))\n",
    );
    let (out, profile) = profiled(&built);
    assert_eq!(stdout(&out), "20000\n");
    assert_eq!(profile["sampling"]["enabled"], true);
    let clock = profile["sampling"]["clock"].as_str().unwrap_or("");
    assert!(
        ["task-clock", "task-clock-user", "itimer-prof"].contains(&clock),
        "the sampler ran but names no clock: {clock:?}"
    );
    let total = profile["sampling"]["samples"].as_u64().unwrap_or(0);
    assert!(total >= 50, "too few samples to judge: {total}");
    // Samples per line of the `hot` function's loop (lines 9 to 11).
    let index = built
        .functions
        .iter()
        .position(|f| &*f.name == "hot")
        .expect("hot");
    let table = built.debug.get("hot").expect("debug table of hot");
    let mut on_loop = 0;
    for s in function(&profile, index)["sites"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let n = s["samples"].as_u64().unwrap_or(0);
        let site = s["site"].as_u64().unwrap_or(u64::MAX) as usize;
        let line = table
            .sites
            .get(site)
            .and_then(|info| info.as_ref())
            .and_then(|info| info.frames.last())
            .map(|f| f.pos.line);
        if matches!(line, Some(9..=11)) {
            on_loop += n;
        }
    }
    assert!(
        on_loop * 100 >= total * 80,
        "{on_loop} of {total} samples on the hot loop:\n{profile:#}"
    );
}

/// Executions come from edge counts (most edges are not counted but derived): an operation
/// after one that raised is not counted for that execution, in loops, handlers and
/// generators alike.
#[test]
fn executions_are_exact_across_exceptions_loops_and_generators() {
    let built = build(
        "def risky(d, k):\n    return d[k] + 1\n\n\
         def gen(n):\n    for i in range(n):\n        yield i * 3\n\n\
         def main():\n    d = {i: i for i in range(10)}\n    t = 0\n    for k in range(30):\n        try:\n            t = t + risky(d, k)\n        except KeyError:\n            t = t - 1\n    g = gen(100)\n    first = [next(g) for _ in range(40)]\n    print(t, sum(first), sum(gen(7)))\n\n\
         main()\n",
    );
    let (out, profile) = profiled(&built);
    assert_eq!(stdout(&out), "35 2340 63\n");
    let read = site(&built, "risky", |_, d| {
        matches!(d.kind, InstKind::GetItem(..))
    });
    assert_eq!(site_record(&profile, read)["count"], 30);
    let add = site(&built, "risky", |_, d| {
        matches!(d.kind, InstKind::Binary { .. })
    });
    assert_eq!(
        site_record(&profile, add)["count"],
        10,
        "only where d[k] did not raise"
    );
    assert_eq!(function(&profile, read.0)["calls"], 30);
    // The generator body ran 40 + 7 steps of its loop.
    let mul = site(&built, "gen", |_, d| {
        matches!(
            d.kind,
            InstKind::Binary {
                op: molt_mir::BinaryOp::Mul,
                ..
            }
        )
    });
    assert_eq!(site_record(&profile, mul)["count"], 47);
}
