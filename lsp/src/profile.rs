//! The profile half of the command line (`docs/profiles.md`): the summary `--run --profile`
//! prints, `--profile-report` (text or JSON), and the hotness `--remarks --profile` gives
//! remarks. The join and the per-file facts are `molt_profiler`'s (the same the language
//! server shows); remarks that explain deopts come from `molt_driver::report`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use molt_db::RootDatabase;
use molt_profiler::overlay::{explaining_remark, percent, reason_advice};
use molt_profiler::{Analysis, SiteFigures};
use molt_remarks::Remark;
use serde_json::{Value, json};

/// How many functions, lines and sites each section of a report lists.
const REPORT_TOP: usize = 10;

/// How many the `--run --profile` summary lists.
const SUMMARY_TOP: usize = 5;

/// The current text of a source file, read from disk (`None` when unreadable).
fn disk_text(path: &str) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

/// Reads the profile at `path` and the site map beside it, and joins them against the
/// current sources on disk.
///
/// # Errors
/// The profile or site map cannot be read or is invalid (the message names the file).
pub fn load(path: &Path) -> anyhow::Result<Analysis> {
    Ok(molt_profiler::load_analysis(path, &disk_text)?)
}

/// `path` relative to the current directory when it is inside it.
fn short_path(path: &str) -> String {
    let p = Path::new(path);
    std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| p.to_path_buf())
        .display()
        .to_string()
}

/// Remarks of every file of the analysis, from the current sources (for the remark that
/// explains each deopt). Empty for a stale profile: today's remarks describe other code.
fn remarks_for(analysis: &Analysis) -> Vec<Remark> {
    if analysis.is_stale() {
        return Vec::new();
    }
    let db = RootDatabase::default();
    let mut files: Vec<&str> = analysis
        .functions
        .iter()
        .filter_map(|f| f.file.as_deref())
        .collect();
    files.sort_unstable();
    files.dedup();
    let mut out = Vec::new();
    for path in files {
        if let Ok(file) = molt_driver::load(&db, Path::new(path)) {
            out.extend(molt_driver::report::file_report(&db, file).remarks);
        }
    }
    out
}

fn location(site: &SiteFigures) -> String {
    match &site.range {
        Some(r) => format!("{}:{}:{}", short_path(&r.file), r.line, r.column),
        None => format!("{} site #{}", site.function_name, site.site),
    }
}

fn reasons_text(site: &SiteFigures) -> String {
    site.reasons()
        .iter()
        .map(|(r, n)| format!("{r} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn stale_text(analysis: &Analysis) -> Option<String> {
    if !analysis.is_stale() {
        return None;
    }
    let reasons: Vec<String> = analysis.stale.iter().map(|r| r.to_string()).collect();
    Some(format!(
        "STALE: {}; the figures below are of the code that ran, not of the current source \
         (re-run with `molt-lsp --run FILE --profile`)",
        reasons.join("; ")
    ))
}

/// The short summary `--run --profile` prints on stderr: the top 5 hot functions and the top
/// 5 deopt sites.
pub fn summary(analysis: &Analysis, profile: &Path) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "molt-lsp: profile written to {} ({} ms, {} samples)",
        profile.display(),
        analysis.wall_ns / 1_000_000,
        analysis.total_samples
    );
    if let Some(s) = stale_text(analysis) {
        let _ = writeln!(out, "  {s}");
    }
    out.push_str("  hot functions:\n");
    for f in analysis.functions.iter().take(SUMMARY_TOP) {
        let at = match (&f.file, f.line) {
            (Some(file), Some(line)) => format!("{}:{line}", short_path(file)),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "    {:>2}. {:<24} {:>6}  {:>10} call{}  {}",
            f.rank,
            f.name,
            percent(f.share),
            f.calls,
            if f.calls == 1 { " " } else { "s" },
            at
        );
    }
    let deopts = analysis.deopt_sites();
    if deopts.is_empty() {
        out.push_str("  no deopts\n");
    } else {
        out.push_str("  deopt sites:\n");
        for s in deopts.iter().take(SUMMARY_TOP) {
            let _ = writeln!(
                out,
                "    {}  `{}` in {}: {} deopt{} of {} ({})",
                location(s),
                s.op.as_deref().unwrap_or("?"),
                s.function_name,
                s.deopt_total,
                if s.deopt_total == 1 { "" } else { "s" },
                s.count,
                reasons_text(s)
            );
        }
    }
    let _ = writeln!(
        out,
        "  details: molt-lsp --profile-report {}",
        profile.display()
    );
    out
}

/// The line `line` (1-based) of `path`'s current text, trimmed.
fn source_line(path: &str, line: u32) -> Option<String> {
    let text = disk_text(path)?;
    let l = text.lines().nth(line.checked_sub(1)? as usize)?;
    Some(l.trim().to_string())
}

/// `--profile-report --format text`.
pub fn report_text(analysis: &Analysis, profile: &Path) -> String {
    let remarks = remarks_for(analysis);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "profile {} (build {}): {} ms, {} samples{}",
        profile.display(),
        analysis.build_id,
        analysis.wall_ns / 1_000_000,
        analysis.total_samples,
        if analysis.sampling_enabled {
            ""
        } else {
            " (sampling was off)"
        }
    );
    if let Some(s) = stale_text(analysis) {
        let _ = writeln!(out, "{s}");
    }
    out.push_str("\nhottest functions\n");
    let _ = writeln!(
        out,
        "  {:>3}  {:>6}  {:>8}  {:>10}  {:>8}  {:<24} location",
        "#", "share", "samples", "calls", "deopts", "function"
    );
    for f in analysis.functions.iter().take(REPORT_TOP) {
        let at = match (&f.file, f.line) {
            (Some(file), Some(line)) => format!("{}:{line}", short_path(file)),
            _ => "-".into(),
        };
        let _ = writeln!(
            out,
            "  {:>3}  {:>6}  {:>8}  {:>10}  {:>8}  {:<24} {at}",
            f.rank,
            percent(f.share),
            f.samples,
            f.calls,
            f.deopts,
            f.name
        );
    }
    let lines = analysis.hot_lines();
    if !lines.is_empty() {
        out.push_str("\nhottest lines\n");
        for l in lines.iter().take(REPORT_TOP) {
            let text = if analysis.is_stale() {
                None
            } else {
                source_line(&l.file, l.line)
            };
            let _ = writeln!(
                out,
                "  {:>6}  {:>8} sample{}  {}:{}{}",
                percent(l.share),
                l.samples,
                if l.samples == 1 { " " } else { "s" },
                short_path(&l.file),
                l.line,
                text.map(|t| format!("  {t}")).unwrap_or_default()
            );
        }
    }
    let deopts = analysis.deopt_sites();
    out.push_str("\ndeopt sites\n");
    if deopts.is_empty() {
        out.push_str("  none: every guard held\n");
    }
    for s in deopts.iter().take(REPORT_TOP) {
        let guard = s.guard.map(|g| format!(", {g} guard")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}  `{}` ({}{guard}) in {}: {} deopt{} of {} executions ({}): {}",
            location(s),
            s.op.as_deref().unwrap_or("?"),
            s.lane.map_or("?", |l| l.name()),
            s.function_name,
            s.deopt_total,
            if s.deopt_total == 1 { "" } else { "s" },
            s.count,
            percent(s.deopt_rate),
            reasons_text(s)
        );
        match explaining_remark(s, &remarks) {
            Some(r) => {
                let _ = writeln!(out, "      why: {} [{}]", r.message, r.name);
                if let Some(fix) = &r.fix {
                    let _ = writeln!(out, "      fix: {}", fix.title);
                }
            }
            None => {
                if let Some((reason, _)) = s.reasons().first() {
                    let _ = writeln!(out, "      why: {}", reason_advice(*reason));
                }
            }
        }
    }
    out
}

/// `--profile-report --format json`: `{stale, stale_reasons, build_id, total_samples,
/// wall_ns, functions, lines, sites}`; functions, lines and sites sorted by cost (samples,
/// then deopts, then executions); every site of the profile.
pub fn report_json(analysis: &Analysis) -> Value {
    let remarks = remarks_for(analysis);
    let functions: Vec<Value> = analysis
        .functions
        .iter()
        .map(|f| {
            json!({
                "rank": f.rank,
                "name": f.name,
                "file": f.file,
                "line": f.line,
                "samples": f.samples,
                "share": f.share,
                "calls": f.calls,
                "deopts": f.deopts,
                "deopt_sites": f.deopt_sites,
            })
        })
        .collect();
    let lines: Vec<Value> = analysis
        .hot_lines()
        .iter()
        .map(|l| {
            json!({
                "file": l.file, "line": l.line, "samples": l.samples, "share": l.share,
                "executions": l.executions, "deopts": l.deopts,
            })
        })
        .collect();
    let sites: Vec<Value> = analysis
        .sites
        .iter()
        .map(|s| {
            let r = s.range.as_ref();
            let deopts: serde_json::Map<String, Value> = s
                .deopts
                .iter()
                .map(|(k, v)| (k.name().to_string(), json!(v)))
                .collect();
            let mut v = json!({
                "file": r.map(|r| &r.file),
                "line": r.map(|r| r.line),
                "column": r.map(|r| r.column),
                "end_line": r.map(|r| r.end_line),
                "end_column": r.map(|r| r.end_column),
                "function": s.function_name,
                "site": s.site,
                "op": s.op,
                "lane": s.lane.map(|l| l.name()),
                "guard": s.guard.map(|g| g.name()),
                "count": s.count,
                "deopts": deopts,
                "deopt_rate": s.deopt_rate,
                "samples": s.samples,
                "share": s.share,
            });
            if let (Some(h), Some(m)) = (s.hits, s.misses) {
                v["hits"] = json!(h);
                v["misses"] = json!(m);
            }
            if s.deopt_total > 0
                && let Some(remark) = explaining_remark(s, &remarks)
            {
                v["remark"] = json!({
                    "name": remark.name,
                    "message": remark.message,
                    "fix": remark.fix.as_ref().map(|f| &f.title),
                });
            }
            v
        })
        .collect();
    json!({
        "stale": analysis.is_stale(),
        "stale_reasons": analysis.stale.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
        "build_id": analysis.build_id,
        "total_samples": analysis.total_samples,
        "wall_ns": analysis.wall_ns,
        "functions": functions,
        "lines": lines,
        "sites": sites,
    })
}

/// Gives the remarks of `report` their hotness from `analysis` and orders them hottest
/// first; a stale profile gives none (and a warning on stderr).
pub fn annotate(analysis: &Analysis, report: &mut molt_remarks::Report) {
    if analysis.is_stale() {
        let reasons: Vec<String> = analysis.stale.iter().map(|r| r.to_string()).collect();
        eprintln!(
            "molt-lsp: warning: the profile is stale ({}): remarks get no hotness; re-run with --run FILE --profile",
            reasons.join("; ")
        );
        return;
    }
    molt_profiler::annotate_remarks(analysis, &mut report.remarks);
    report.sort_by_hotness();
}

/// Runs `program` with `args`, profiling into `profile` (`MOLT_PROFILE_JSON`); an old profile
/// at that path is removed first, so a run that writes none leaves none.
///
/// # Errors
/// The program cannot be started.
pub fn run_profiled(
    program: &Path,
    args: &[String],
    profile: &Path,
) -> anyhow::Result<std::process::ExitStatus> {
    let mut cmd = std::process::Command::new(program);
    cmd.args(args);
    prepare_profile(profile, &mut cmd)?;
    cmd.status()
        .map_err(|e| anyhow::anyhow!("cannot run {}: {e}", program.display()))
}

/// Removes the old profile at `profile` and makes `cmd` (the program, natively, or node
/// running it) write its profile there: `MOLT_PROFILE_JSON` with the absolute path.
///
/// # Errors
/// The old profile cannot be removed.
pub fn prepare_profile(profile: &Path, cmd: &mut std::process::Command) -> anyhow::Result<()> {
    let profile_abs: PathBuf = std::path::absolute(profile).unwrap_or_else(|_| profile.into());
    match std::fs::remove_file(&profile_abs) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => anyhow::bail!("{}: cannot remove the old profile: {e}", profile.display()),
    }
    cmd.env("MOLT_PROFILE_JSON", &profile_abs);
    Ok(())
}
