//! Fuzz targets that stay: properties over structured random input that must hold for every
//! input, run by [`arbtest`] over [`arbitrary::Unstructured`] bytes (cargo-fuzz's input model,
//! on stable Rust). Unlike the differential fuzzer ([`crate::fuzz`]), they compare nothing
//! with CPython: they look for crashes (panics, stack overflows, hangs) and broken
//! invariants (MIR that fails the verifier, codegen internal errors, a server request left
//! unanswered). `tests/fuzz/README.md`, "Robustness fuzz targets", says how to run them.
//!
//! - [`python`]: the grammar of statements and expressions rendered to source;
//! - [`mutate`]: byte-level mutations of real programs;
//! - [`compiler`]: target (a), parse + check, and target (b), lowering + optimizer + MIR
//!   verifier + codegen;
//! - [`lsp`]: target (c)'s input, a session of LSP messages (the driver, which needs the
//!   `molt-lsp` binary, is `lsp/tests/fuzz_server.rs`).
//!
//! [`fuzz`] runs a [`Target`]: a bounded, seeded run by default (the one `cargo test` runs),
//! a long run with random seeds when `MOLT_FUZZ_TARGET_SECONDS` is set, or one case when
//! `ARBTEST_SEED` is (a long run goes on after a finding and reports each kind once). Each case runs on its own thread with the stack the product gives its
//! analysis threads ([`ANALYSIS_STACK`]), so a stack overflow here is one the CLI and the
//! server would hit too; a panic is caught, the input is minimized while it fails the same
//! way, and the test fails with the minimized input.

pub mod compiler;
pub mod lsp;
pub mod mutate;
pub mod python;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use arbitrary::Unstructured;

use crate::repo_root;

/// Stack of the threads cases run on (bytes): the CLI's and the server's `ANALYSIS_STACK`
/// (`lsp/src/main.rs`, `lsp/src/server/mod.rs`). A case that overflows it would overflow
/// the product's analysis threads too.
pub const ANALYSIS_STACK: usize = 512 << 20;

/// A broken property: what kind (the signature minimization keeps stable) and the details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable across inputs that fail the same way: a panic's location, a verifier message
    /// with its numbers collapsed, `timeout`.
    pub signature: String,
    /// Everything known about it (panic message, verifier errors, the MIR).
    pub message: String,
}

impl Finding {
    /// A finding whose signature is `signature` with every digit run replaced by `N` (value
    /// and block numbers change as the input shrinks).
    pub fn new(signature: &str, message: impl Into<String>) -> Finding {
        Finding {
            signature: collapse_digits(signature),
            message: message.into(),
        }
    }
}

fn collapse_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('N');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

/// What a property says about one input: `Ok(category)` when it holds (the category is
/// counted in the run's summary: `"rejected"`, `"compiled"`, ...), or the [`Finding`].
pub type Verdict = Result<&'static str, Finding>;

/// An input a target can report and shrink.
pub trait Input: Clone + Send + 'static {
    /// The input as text, for reports and the files under `target/fuzz-targets/`.
    fn render(&self) -> String;
    /// Smaller variants, most reducing first (delta debugging: chunks of halving size, then
    /// single elements).
    fn smaller(&self) -> Box<dyn Iterator<Item = Self> + '_>;
    /// The extension of the files the input is saved to.
    fn extension() -> &'static str;
}

/// Source bytes (targets (a) and (b)): shrunk by lines, then by bytes.
impl Input for Vec<u8> {
    fn render(&self) -> String {
        String::from_utf8_lossy(self).into_owned()
    }

    fn smaller(&self) -> Box<dyn Iterator<Item = Vec<u8>> + '_> {
        let mut lines: Vec<std::ops::Range<usize>> = Vec::new();
        let mut start = 0;
        for (i, b) in self.iter().enumerate() {
            if *b == b'\n' {
                lines.push(start..i + 1);
                start = i + 1;
            }
        }
        if start < self.len() {
            lines.push(start..self.len());
        }
        let by_lines = chunk_removals(lines.len()).map(move |(from, to)| {
            let (cut_start, cut_end) = (lines[from].start, lines[to - 1].end);
            let mut v = self[..cut_start].to_vec();
            v.extend_from_slice(&self[cut_end..]);
            v
        });
        // Bytes only for inputs small enough that a pass over them stays quick.
        let bytes = if self.len() <= 8_192 { self.len() } else { 0 };
        let by_bytes = chunk_removals(bytes).map(move |(from, to)| {
            let mut v = self[..from].to_vec();
            v.extend_from_slice(&self[to..]);
            v
        });
        Box::new(by_lines.chain(by_bytes))
    }

    fn extension() -> &'static str {
        "py"
    }
}

/// The ranges `from..to` of `0..len` to try removing: halves, quarters, ..., single
/// elements (Zeller and Hildebrandt's ddmin complements, greedily).
pub fn chunk_removals(len: usize) -> impl Iterator<Item = (usize, usize)> {
    let sizes = std::iter::successors((len > 0).then_some(len.div_ceil(2).max(1)), |&s| {
        (s > 1).then(|| s.div_ceil(2))
    });
    sizes.flat_map(move |size| {
        (0..len)
            .step_by(size)
            .map(move |from| (from, (from + size).min(len)))
    })
}

/// One fuzz target: how to make inputs, the property, and the bounds of its runs.
pub struct Target<I> {
    /// Short name (files under `target/fuzz-targets/` use it).
    pub name: &'static str,
    /// Cases of the bounded run (`cargo test`); `MOLT_FUZZ_TARGET_CASES` overrides.
    pub cases: u32,
    /// The bounded run stops early after this long (a slow machine runs fewer cases).
    pub time_cap: Duration,
    /// Random bytes per case: the bounded run grows from `size_min` to `size_max`, the
    /// long run as arbtest does.
    pub size_min: u32,
    /// See `size_min`.
    pub size_max: u32,
    /// A case that takes longer is a finding (a hang).
    pub case_timeout: Duration,
    /// Makes an input from random bytes.
    pub generate: fn(&mut Unstructured<'_>) -> arbitrary::Result<I>,
    /// The property, run on a thread with [`ANALYSIS_STACK`]; panics are caught.
    pub check: fn(&I) -> Verdict,
}

/// How a test runs its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The seeded run of `cargo test`: [`Target::cases`] fixed seeds.
    Bounded,
    /// `MOLT_FUZZ_TARGET_SECONDS=N`: random seeds for `N` seconds.
    Long(Duration),
    /// `ARBTEST_SEED=0x...`: that one case.
    Replay,
}

impl Mode {
    /// The mode the environment asks for.
    pub fn from_env() -> Mode {
        if std::env::var_os("ARBTEST_SEED").is_some() {
            return Mode::Replay;
        }
        match std::env::var("MOLT_FUZZ_TARGET_SECONDS")
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
        {
            Some(seconds) => Mode::Long(Duration::from_secs(seconds)),
            None => Mode::Bounded,
        }
    }
}

thread_local! {
    /// Set on the threads cases run on: their panics are recorded, not printed.
    static CASE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The location and message of the last panic on this case thread.
    static LAST_PANIC: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that records panics on case threads and leaves every other
/// thread's panics to the previous hook.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CASE_THREAD.with(std::cell::Cell::get) {
                let location = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                let message = panic_text(info.payload());
                LAST_PANIC.with(|p| *p.borrow_mut() = Some((location, message)));
            } else {
                previous(info);
            }
        }));
    });
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".to_owned()
    }
}

/// Runs `check` on `input` on a new thread with [`ANALYSIS_STACK`]; a panic or a time-out
/// is a [`Finding`]. (A stack overflow aborts the process: the input is then in
/// [`last_input_path`].)
pub fn run_case<I: Input>(check: fn(&I) -> Verdict, input: I, timeout: Duration) -> Verdict {
    install_panic_hook();
    let (sender, receiver) = channel();
    let spawned = std::thread::Builder::new()
        .name("fuzz-case".into())
        .stack_size(ANALYSIS_STACK)
        .spawn(move || {
            CASE_THREAD.with(|c| c.set(true));
            let verdict = match catch_unwind(AssertUnwindSafe(|| check(&input))) {
                Ok(verdict) => verdict,
                Err(payload) => {
                    let (location, message) = LAST_PANIC
                        .with(|p| p.borrow_mut().take())
                        .unwrap_or_else(|| (String::new(), panic_text(payload.as_ref())));
                    Err(Finding {
                        signature: format!("panic at {location}"),
                        message: format!("panicked at {location}: {message}"),
                    })
                }
            };
            let _ = sender.send(verdict);
        });
    if let Err(error) = spawned {
        return Err(Finding::new(
            "cannot start a case thread",
            error.to_string(),
        ));
    }
    match receiver.recv_timeout(timeout) {
        Ok(verdict) => verdict,
        Err(RecvTimeoutError::Timeout) => Err(Finding::new(
            "timeout",
            format!("no verdict after {timeout:?} (a hang, or superlinear work)"),
        )),
        Err(RecvTimeoutError::Disconnected) => Err(Finding::new(
            "case thread died",
            "the case thread ended without a verdict",
        )),
    }
}

/// Shrinks `input` while `check` still fails with `finding`'s signature, for at most
/// `budget`. Returns the smallest failing input, its finding and the candidates tried.
/// Time-outs are not minimized (each try would cost the whole time-out).
pub fn minimize<I: Input>(
    check: fn(&I) -> Verdict,
    input: I,
    finding: Finding,
    case_timeout: Duration,
    budget: Duration,
) -> (I, Finding, usize) {
    let start = Instant::now();
    let mut best = (input, finding);
    let mut tries = 0;
    if best.1.signature == "timeout" {
        return (best.0, best.1, 0);
    }
    'shrink: loop {
        let current = best.0.clone();
        for candidate in current.smaller() {
            if start.elapsed() > budget {
                break 'shrink;
            }
            tries += 1;
            if let Err(f) = run_case(check, candidate.clone(), case_timeout)
                && f.signature == best.1.signature
            {
                best = (candidate, f);
                continue 'shrink;
            }
        }
        break;
    }
    (best.0, best.1, tries)
}

/// Where inputs of target `name` are written: `target/fuzz-targets/`.
pub fn findings_dir() -> PathBuf {
    repo_root().join("target").join("fuzz-targets")
}

/// The file holding the input of the case running now: what to look at when a case aborted
/// the process (a stack overflow, an abort in native code).
pub fn last_input_path(name: &str, extension: &str) -> PathBuf {
    findings_dir().join(format!("{name}-last-input.{extension}"))
}

fn write_file(path: &std::path::Path, text: &str) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(path, text);
}

/// How long minimizing a finding may take: `MOLT_FUZZ_MINIMIZE_SECONDS`, default 120.
fn minimize_budget() -> Duration {
    Duration::from_secs(
        std::env::var("MOLT_FUZZ_MINIMIZE_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(120),
    )
}

/// The seed of case `i` of a bounded run (arbtest's format: the byte count in the low 32
/// bits, the generator's state in the high 32), growing in size from `size_min` to
/// `size_max` over the run.
pub fn bounded_seed<I>(target: &Target<I>, i: u32) -> u64 {
    let span = u64::from(target.size_max.saturating_sub(target.size_min));
    let size = u64::from(target.size_min) + span * u64::from(i) / u64::from(target.cases.max(1));
    // SplitMix64 of the case number and the target's name: a fixed, well-spread seed.
    let mut z = u64::from(i)
        .wrapping_add(
            target
                .name
                .bytes()
                .fold(0u64, |h, b| h.wrapping_mul(31) + u64::from(b)),
        )
        .wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    let state = (z as u32).max(1);
    (u64::from(state) << 32) | size
}

/// The bytes arbtest gives the property for `seed` (its xorshift32 stream, as arbtest 0.3
/// fills its buffer: the byte count rounded up to a multiple of 4), to read a case's input
/// outside a run.
pub fn seed_bytes(seed: u64) -> Vec<u8> {
    let size = seed as u32 as usize;
    let mut state = (seed >> 32) as u32;
    let mut bytes = Vec::with_capacity(size + 4);
    while bytes.len() < size {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        bytes.extend(state.to_le_bytes());
    }
    bytes
}

/// Runs `target` in the mode the environment asks for ([`Mode::from_env`]) and panics with
/// the minimized input of the first finding. Prints a summary (cases per category) on
/// stderr.
pub fn fuzz<I: Input>(target: &Target<I>) {
    let mode = Mode::from_env();
    let start = Instant::now();
    let mut categories: BTreeMap<&'static str, u64> = BTreeMap::new();
    // Long runs go on after a finding (one minimized report per signature) and fail at the
    // end; the other modes fail at the first.
    let mut findings: BTreeMap<String, String> = BTreeMap::new();
    let last_input = last_input_path(target.name, I::extension());
    let mut property = |u: &mut Unstructured<'_>| -> arbitrary::Result<()> {
        let input = (target.generate)(u)?;
        write_file(&last_input, &input.render());
        match run_case(target.check, input.clone(), target.case_timeout) {
            Ok(category) => {
                *categories.entry(category).or_default() += 1;
                Ok(())
            }
            Err(finding) if matches!(mode, Mode::Long(_)) => {
                *categories.entry("finding").or_default() += 1;
                if !findings.contains_key(&finding.signature) {
                    let signature = finding.signature.clone();
                    let report = report(target, input, finding);
                    eprintln!("{report}");
                    findings.insert(signature, report);
                }
                Ok(())
            }
            Err(finding) => panic!("{}", report(target, input, finding)),
        }
    };
    match mode {
        Mode::Replay => arbtest::arbtest(&mut property).run(),
        Mode::Long(budget) => arbtest::arbtest(&mut property)
            .size_min(target.size_min)
            .size_max(target.size_max)
            .budget(budget)
            .run(),
        Mode::Bounded => {
            let cases = std::env::var("MOLT_FUZZ_TARGET_CASES")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(target.cases);
            for i in 0..cases {
                if start.elapsed() > target.time_cap {
                    eprintln!(
                        "fuzz target {}: stopped after {i} of {cases} cases at the time cap ({:?})",
                        target.name, target.time_cap
                    );
                    break;
                }
                arbtest::arbtest(&mut property)
                    .seed(bounded_seed(target, i))
                    .run();
            }
        }
    }
    let total: u64 = categories.values().sum();
    let mut summary = format!(
        "fuzz target {} ({mode:?}): {total} cases in {:.1?}:",
        target.name,
        start.elapsed()
    );
    for (category, count) in &categories {
        let _ = write!(summary, " {category} {count},");
    }
    summary.pop();
    eprintln!("{summary}");
    if !findings.is_empty() {
        let signatures: Vec<&str> = findings.keys().map(String::as_str).collect();
        panic!(
            "fuzz target {} found {} kinds of failure (reports above): {}",
            target.name,
            findings.len(),
            signatures.join("; ")
        );
    }
}

/// Minimizes a finding, saves the minimized input and returns the failure report.
fn report<I: Input>(target: &Target<I>, input: I, finding: Finding) -> String {
    eprintln!(
        "fuzz target {}: {} — minimizing ({} bytes of input)",
        target.name,
        finding.signature,
        input.render().len()
    );
    let (minimized, finding, tries) = minimize(
        target.check,
        input,
        finding,
        target.case_timeout,
        minimize_budget(),
    );
    let text = minimized.render();
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let path = findings_dir().join(format!("{}-{hash:016x}.{}", target.name, I::extension()));
    write_file(&path, &text);
    format!(
        "fuzz target `{}` found: {}\n{}\n\nminimized input ({} bytes, {tries} candidates tried), saved to {}:\n\
         ----------------\n{text}\n----------------\n\
         (replay the case with ARBTEST_SEED=<the seed below> and the same test name)",
        target.name,
        finding.signature,
        finding.message,
        text.len(),
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_removals_go_from_halves_to_single_elements() {
        let ranges: Vec<_> = chunk_removals(4).collect();
        assert_eq!(ranges, [(0, 2), (2, 4), (0, 1), (1, 2), (2, 3), (3, 4)]);
        assert_eq!(chunk_removals(0).count(), 0);
        assert_eq!(chunk_removals(1).collect::<Vec<_>>(), [(0, 1)]);
    }

    fn fails_on_two_xs(input: &Vec<u8>) -> Verdict {
        assert!(input.iter().filter(|b| **b == b'x').count() < 2, "two xs");
        Ok("fine")
    }

    #[test]
    fn panics_are_caught_located_and_minimized() {
        let input = b"a = 1\nx = 2\nb = 3\nprint(x)\n".to_vec();
        let finding =
            run_case(fails_on_two_xs, input.clone(), Duration::from_secs(10)).expect_err("panics");
        assert!(
            finding
                .signature
                .starts_with("panic at tests/src/targets/mod.rs:"),
            "{finding:?}"
        );
        assert!(finding.message.contains("two xs"), "{finding:?}");
        let (minimized, again, _) = minimize(
            fails_on_two_xs,
            input,
            finding.clone(),
            Duration::from_secs(10),
            Duration::from_secs(30),
        );
        assert_eq!(minimized, b"xx".to_vec());
        assert_eq!(again.signature, finding.signature);
        assert_eq!(
            run_case(fails_on_two_xs, b"x".to_vec(), Duration::from_secs(10)),
            Ok("fine")
        );
    }

    #[test]
    fn seed_bytes_are_the_bytes_arbtest_gives() {
        for seed in [0x0000_0001_0000_0000u64 | 37, 0x1234_5678_0000_0400] {
            let mut seen = Vec::new();
            arbtest::arbtest(|u| {
                seen = u.bytes(u.len())?.to_vec();
                Ok(())
            })
            .seed(seed)
            .run();
            assert_eq!(seen, seed_bytes(seed));
        }
    }

    #[test]
    fn signatures_ignore_numbers() {
        assert_eq!(
            Finding::new("block12: v3 is not defined", "").signature,
            "blockN: vN is not defined"
        );
    }
}
