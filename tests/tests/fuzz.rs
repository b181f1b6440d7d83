//! The differential fuzzer's seeded CI slice (see `tests/fuzz/README.md`): a fixed set of
//! generated programs is compiled and run, and every snippet's output must equal CPython
//! 3.11's. `MOLT_FUZZ_SECONDS`, `MOLT_FUZZ_SEED`, `MOLT_FUZZ_PROGRAMS`, `MOLT_FUZZ_SNIPPETS`
//! and `MOLT_FUZZ_FEATURES` turn it into a longer campaign.

use std::time::Duration;

use molt_tests::fuzz::{self, KNOWN_DIVERGENCES, minimize::Budget, run::CampaignOptions};

fn env_num(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// The seeded slice (or, with `MOLT_FUZZ_SECONDS`, a longer campaign) finds no difference
/// from CPython outside the known divergences.
#[test]
fn generated_programs_match_cpython() {
    let config = match fuzz::run::config_from_env() {
        Ok(c) => c,
        Err(e) => panic!("MOLT_FUZZ_FEATURES: {e}"),
    };
    let long = env_num("MOLT_FUZZ_SECONDS");
    let opts = CampaignOptions {
        seed: env_num("MOLT_FUZZ_SEED").unwrap_or(1),
        max_programs: env_num("MOLT_FUZZ_PROGRAMS")
            .map(|n| n as usize)
            .unwrap_or(if long.is_some() { usize::MAX } else { 5 }),
        time: Duration::from_secs(long.unwrap_or(100)),
        snippets: env_num("MOLT_FUZZ_SNIPPETS").map_or(24, |n| n as usize),
        config,
        budget: Budget {
            checks: if long.is_some() { 100 } else { 40 },
            time: Duration::from_secs(if long.is_some() { 60 } else { 30 }),
        },
        per_signature: 1,
        findings_dir: Some(molt_tests::repo_root().join("target/fuzz-findings")),
        verbose: long.is_some() || std::env::var_os("MOLT_FUZZ_VERBOSE").is_some(),
    };
    let report = fuzz::run::campaign(&opts).expect("the fuzzer's scratch directory");
    eprintln!("{}", report.summary());
    assert!(report.stats.programs > 0, "no generated program ran");
    let shown: Vec<String> = report
        .findings
        .iter()
        .filter_map(|r| r.reproducer.clone())
        .collect();
    assert!(
        report.findings.is_empty(),
        "{} generated snippets differ from CPython (reproducers in target/fuzz-findings/):\n\n{}",
        report.findings.len(),
        shown.join("\n\n")
    );
}

/// Every known divergence has its reproducer in `tests/fuzz/known/` and a FIXME.
#[test]
fn known_divergences_have_reproducers() {
    let dir = molt_tests::repo_root().join("tests/fuzz/known");
    for k in KNOWN_DIVERGENCES {
        assert!(k.fixme.starts_with("FIXME"), "{:?}", k.feature);
        let path = dir.join(k.reproducer);
        assert!(path.is_file(), "missing reproducer {}", path.display());
    }
}

/// Generation is deterministic: the same seed gives the same program.
#[test]
fn generation_is_deterministic() {
    let cfg = fuzz::Config::all();
    let a = fuzz::generate::program(42, 10, &cfg).render();
    let b = fuzz::generate::program(42, 10, &cfg).render();
    assert_eq!(a, b);
    assert_ne!(a, fuzz::generate::program(43, 10, &cfg).render());
}

/// Prints the program of `MOLT_FUZZ_SEED` (default 1) to stdout, for reading or running by
/// hand: `cargo test -p molt_tests --test fuzz -- --ignored --nocapture print_program`.
#[test]
#[ignore = "a tool, not a test"]
fn print_program() {
    let config = fuzz::run::config_from_env().unwrap_or_else(|_| fuzz::Config::without_known());
    let seed = env_num("MOLT_FUZZ_SEED").unwrap_or(1);
    let n = env_num("MOLT_FUZZ_SNIPPETS").map_or(24, |n| n as usize);
    println!("{}", fuzz::generate::program(seed, n, &config).render());
}

/// Generated programs are valid Python: CPython compiles 30 of them (a generator bug would
/// otherwise only show as "skipped" snippets).
#[test]
fn generated_programs_compile_in_cpython() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = fuzz::Config::all();
    let mut paths = Vec::new();
    for seed in 0..30 {
        let path = dir.path().join(format!("g{seed}.py"));
        std::fs::write(&path, fuzz::generate::program(seed, 24, &cfg).render()).expect("write");
        paths.push(path);
    }
    let out = std::process::Command::new(fuzz::run::python())
        .arg("-c")
        .arg("import sys\nfor p in sys.argv[1:]:\n    compile(open(p, encoding='utf-8').read(), p, 'exec')")
        .args(&paths)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
