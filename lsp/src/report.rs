//! `molt-lsp --report html`: a static, self-contained annotated report (one page per module
//! and an index), for sharing and for CI artifacts. Each source line is shaded by how far
//! its operations are from native code (`1 - score / 100`: dynamic operations count fully,
//! runtime helpers half, guarded ones a quarter), and by profile heat when a profile of the
//! program exists; clicking a line expands its compile diagnostics, operations with their
//! lanes and reasons, remarks, MIR and profile counters.
//!
//! The pages need no network and no server: CSS and the few lines of script are inline, and
//! every line works without script (`<details>`). All text from sources, messages and MIR is
//! HTML-escaped ([`escape`]). The report folder is written beside the target as a new folder
//! and renamed into place, so a reader never sees half a report ([`write_dir_atomically`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use molt_db::{RootDatabase, SourceFile};
use molt_profiler::Analysis;
use molt_remarks::{Lane, LaneCounts, OpCoverage, Remark, RemarkKind};

/// The `<meta name="generator">` of every page: how [`write_dir_atomically`] recognizes an
/// earlier report it may replace.
pub const GENERATOR: &str = "molt-lsp report";

/// At most this many MIR instructions are listed per line (a line can hold a whole
/// comprehension).
const MIR_PER_LINE: usize = 80;

/// Escapes `text` for HTML text and attribute values (`&`, `<`, `>`, `"`, `'`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What one module's page shows, gathered from the compiler's queries.
struct Module {
    /// The path as given (or as module resolution found it).
    path: String,
    /// The page's path inside the report folder, `/`-separated (`pkg/mod.py.html`).
    page: String,
    /// The source, one entry per line.
    lines: Vec<String>,
    /// Per 1-based line: what happens there.
    info: BTreeMap<u32, LineInfo>,
    /// Lane counts of the whole module.
    counts: LaneCounts,
    /// Functions with their `def` line and score.
    functions: Vec<(String, u32, f64)>,
    missed: usize,
    errors: usize,
    warnings: usize,
    /// The profile's note for this module (fresh, stale and why), when one describes it.
    profile_note: Option<String>,
    /// The hottest line's sample share, when a fresh profile describes the module.
    hottest: Option<f64>,
}

/// The facts of one source line.
#[derive(Default)]
struct LineInfo {
    counts: LaneCounts,
    ops: Vec<(String, OpCoverage)>,
    remarks: Vec<Remark>,
    diagnostics: Vec<molt_remarks::CompileDiagnostic>,
    mir: Vec<(String, String, Option<Lane>)>,
    /// Sample share, executions and deopts of a fresh profile.
    profile: Option<(f64, u64, u64)>,
}

impl LineInfo {
    fn is_empty(&self) -> bool {
        self.ops.is_empty()
            && self.remarks.is_empty()
            && self.diagnostics.is_empty()
            && self.mir.is_empty()
            && self.profile.is_none()
    }

    /// `1 - score / 100` of the line's operations, `0.0..=1.0` (0 without operations).
    fn cost(&self) -> f64 {
        if self.counts.total() == 0 {
            0.0
        } else {
            1.0 - self.counts.score() / 100.0
        }
    }
}

/// `path` relative to the current folder when it is inside it, else as it is.
fn display_path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// The page name of a source path: the path relative to the current folder when it is
/// inside it, `..` written `up`, a root dropped; `.html` appended.
fn page_name(path: &str) -> String {
    let p = Path::new(path);
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            std::path::absolute(p)
                .ok()?
                .strip_prefix(cwd)
                .ok()
                .map(Path::to_path_buf)
        })
        .unwrap_or_else(|| p.to_path_buf());
    let parts: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            Component::ParentDir => Some("up".into()),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => None,
        })
        .collect();
    format!("{}.html", parts.join("/"))
}

/// The profile analyses that may describe these files: `--profile PROFILE` when given, else
/// `target/molt/<stem>.profile.json` of each file given (what `--run FILE --profile`
/// writes), when it exists. A profile that cannot be read is a warning on stderr.
pub fn profiles(explicit: Option<&Path>, files: &[PathBuf]) -> anyhow::Result<Vec<Analysis>> {
    if let Some(path) = explicit {
        return Ok(vec![crate::profile::load(path)?]);
    }
    let mut out = Vec::new();
    for file in files {
        let path = molt_driver::build::profile_path(&molt_driver::build::default_output(file));
        if path.is_file() {
            match crate::profile::load(&path) {
                Ok(analysis) => out.push(analysis),
                Err(e) => eprintln!("molt-lsp: warning: {e:#}; the report shows no profile"),
            }
        }
    }
    Ok(out)
}

/// Gathers the page of `file`.
fn module(
    db: &RootDatabase,
    file: SourceFile,
    diagnostics: &[molt_remarks::CompileDiagnostic],
    profiles: &[Analysis],
) -> Module {
    let path = display_path(file.path(db));
    let text = file.text(db);
    let index = molt_db::line_index(db, file);
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect();
    let mut info: BTreeMap<u32, LineInfo> = BTreeMap::new();
    let report = molt_driver::report::file_report_ref(db, file);
    let mut counts = LaneCounts::default();
    let mut functions = Vec::new();
    for f in &report.coverage {
        functions.push((f.function.clone(), f.location.start_pos.line, f.score()));
        for op in &f.ops {
            counts.add(op.lane);
            let line = info.entry(op.location.start_pos.line).or_default();
            line.counts.add(op.lane);
            line.ops.push((f.function.clone(), op.clone()));
        }
    }
    let mut missed = 0;
    for r in &report.remarks {
        missed += usize::from(r.kind == RemarkKind::Missed);
        info.entry(r.location.start_pos.line)
            .or_default()
            .remarks
            .push(r.clone());
    }
    let (mut errors, mut warnings) = (0, 0);
    for d in diagnostics
        .iter()
        .filter(|d| molt_profiler::hotness::same_file(&d.location.file, &path))
    {
        match d.severity {
            molt_remarks::DiagnosticSeverity::Error => errors += 1,
            molt_remarks::DiagnosticSeverity::Warning => warnings += 1,
        }
        info.entry(d.location.start_pos.line)
            .or_default()
            .diagnostics
            .push(d.clone());
    }
    for place in molt_driver::report::located_functions(db, file) {
        let func = &place.optimized.func;
        for &block in &func.layout {
            for inst in &func.blocks[block.index()].insts {
                let data = &func.insts[inst.index()];
                let (start, _) = place.file_range(data.span);
                let (line, _) = index.line_col(text, start);
                let entry = info.entry(line).or_default();
                if entry.mir.len() >= MIR_PER_LINE {
                    continue;
                }
                let span =
                    |s: molt_mir::Span| molt_driver::span_text(db, file, place.file_range(s));
                entry.mir.push((
                    func.name.to_string(),
                    func.display_inst_with(data, &span),
                    molt_mir::lanes::lane(func, data).map(|(l, _)| match l {
                        molt_mir::lanes::Lane::Native => Lane::Native,
                        molt_mir::lanes::Lane::Guarded => Lane::Guarded,
                        molt_mir::lanes::Lane::Runtime => Lane::Runtime,
                        molt_mir::lanes::Lane::Dynamic => Lane::Dynamic,
                    }),
                ));
            }
        }
    }
    // The first profile with figures for this file.
    let mut profile_note = None;
    let mut hottest = None;
    let described = profiles.iter().find(|a| {
        a.lines
            .iter()
            .any(|l| molt_profiler::hotness::same_file(&l.file, &path))
    });
    if let Some(analysis) = described {
        if analysis.is_stale() {
            let why: Vec<String> = analysis.stale.iter().map(|r| r.to_string()).collect();
            profile_note = Some(format!(
                "stale profile, not shown ({}): re-run with molt-lsp --run FILE --profile",
                why.join("; ")
            ));
        } else {
            let mut top: f64 = 0.0;
            for l in analysis
                .lines
                .iter()
                .filter(|l| molt_profiler::hotness::same_file(&l.file, &path))
            {
                top = top.max(l.share);
                info.entry(l.line).or_default().profile = Some((l.share, l.executions, l.deopts));
            }
            hottest = Some(top);
            profile_note = Some(format!(
                "profile: {} samples over {:.1} ms",
                analysis.total_samples,
                analysis.wall_ns as f64 / 1e6
            ));
        }
    }
    Module {
        page: page_name(&path),
        path,
        lines,
        info,
        counts,
        functions,
        missed,
        errors,
        warnings,
        profile_note,
        hottest,
    }
}

const STYLE: &str = r#"
:root { --bg: #fff; --fg: #1f2328; --muted: #656d76; --line: #eaeef2; --dyn: 255, 190, 0; --heat: 215, 40, 40; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 12px 20px; border-bottom: 1px solid var(--line); }
h1 { font-size: 18px; margin: 0 0 4px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.summary, .note { color: var(--muted); margin: 2px 0; }
.legend span { display: inline-block; padding: 0 8px; margin-right: 6px; border-radius: 3px; }
button { font: inherit; padding: 2px 10px; margin-top: 6px; cursor: pointer; }
main { padding: 8px 0 40px; font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.line > summary, .line.plain { display: grid; grid-template-columns: 6px 4.5em 3.5em 4.5em 1fr; align-items: baseline; list-style: none; white-space: pre; cursor: default; }
.line > summary { cursor: pointer; }
.line > summary::-webkit-details-marker { display: none; }
.line > summary, .line.plain { background: rgba(var(--dyn), calc(var(--cost, 0) * 0.75)); }
.line > summary:hover { outline: 1px solid #0969da; }
.heat { align-self: stretch; background: rgba(var(--heat), var(--hot, 0)); }
.ln { text-align: right; padding-right: 10px; color: var(--muted); text-decoration: none; }
.score, .hot { text-align: right; padding-right: 8px; color: var(--muted); font-size: 11px; }
.line[open] > summary { outline: 1px solid #0969da; }
.info { margin: 4px 20px 10px 12em; padding: 8px 12px; border-left: 3px solid #0969da; background: #f6f8fa; font: 13px/1.45 system-ui, sans-serif; white-space: normal; }
.info h3 { font-size: 12px; text-transform: uppercase; color: var(--muted); margin: 8px 0 2px; }
.info ul { margin: 0; padding-left: 18px; }
.info pre { margin: 0; font: 12px/1.4 ui-monospace, monospace; overflow-x: auto; }
.lane { font: 11px ui-monospace, monospace; padding: 0 5px; border-radius: 3px; }
.lane-native { background: #dafbe1; } .lane-guarded { background: #ddf4ff; } .lane-runtime { background: #fff1c2; } .lane-dynamic { background: #ffd8b5; }
.kind-missed { color: #9a6700; font-weight: 600; } .sev-error { color: #cf222e; font-weight: 600; } .sev-warning { color: #9a6700; font-weight: 600; }
table.modules { border-collapse: collapse; margin: 16px 20px; font-size: 13px; }
table.modules th, table.modules td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: right; }
table.modules th:first-child, table.modules td:first-child { text-align: left; font-family: ui-monospace, monospace; }
.bar { display: inline-block; width: 100px; height: 8px; background: rgba(var(--dyn), 0.8); vertical-align: middle; border-radius: 2px; }
.bar > i { display: block; height: 100%; background: #2da44e; border-radius: 2px; }
footer { color: var(--muted); padding: 0 20px 20px; font-size: 12px; }
"#;

const SCRIPT: &str = r#"
(function () {
  var all = function (open) { document.querySelectorAll('details.line').forEach(function (d) { d.open = open; }); };
  var e = document.getElementById('expand'), c = document.getElementById('collapse');
  if (e) e.addEventListener('click', function () { all(true); });
  if (c) c.addEventListener('click', function () { all(false); });
  function openHash() {
    var el = location.hash && document.getElementById(location.hash.slice(1));
    if (el && el.tagName === 'DETAILS') {
      el.open = true;
      if (el.getBoundingClientRect().bottom > window.innerHeight) el.scrollIntoView({ block: 'center' });
    }
  }
  window.addEventListener('hashchange', openHash);
  openHash();
})();
"#;

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{GENERATOR} {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    );
}

fn lane_badge(lane: Lane) -> String {
    format!("<span class=\"lane lane-{0}\">{0}</span>", lane.name())
}

fn counts_text(c: &LaneCounts) -> String {
    format!(
        "native {} · guarded {} · runtime {} · dynamic {}",
        c.native, c.guarded, c.runtime, c.dynamic
    )
}

/// The page of one module.
fn module_page(m: &Module) -> String {
    let mut out = String::new();
    head(&mut out, &format!("{} — molt report", m.path));
    let up = "../".repeat(m.page.matches('/').count());
    let _ = write!(
        out,
        "<body>\n<header>\n<a href=\"{up}index.html\">← all modules</a>\n<h1>{}</h1>\n\
         <p class=\"summary\">score {:.1} · {} · {} missed · {} errors · {} warnings</p>\n",
        escape(&m.path),
        m.counts.score(),
        counts_text(&m.counts),
        m.missed,
        m.errors,
        m.warnings
    );
    if let Some(note) = &m.profile_note {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
    out.push_str(
        "<p class=\"legend\"><span style=\"background:rgba(255,190,0,.75)\">dynamic</span>\
         <span style=\"background:rgba(255,190,0,.37)\">runtime</span>\
         <span style=\"background:rgba(255,190,0,.19)\">guarded</span>\
         <span style=\"border:1px solid #eaeef2\">native</span>\
         <span style=\"background:rgba(215,40,40,.6);color:#fff\">profile heat</span> \
         click a line for its operations, remarks and MIR</p>\n\
         <button id=\"expand\" type=\"button\">Expand all</button> \
         <button id=\"collapse\" type=\"button\">Collapse all</button>\n</header>\n<main>\n",
    );
    let top = m.hottest.unwrap_or(0.0).max(f64::MIN_POSITIVE);
    for (i, text) in m.lines.iter().enumerate() {
        let n = i as u32 + 1;
        // A trailing newline gives an empty last entry: not a line.
        if i + 1 == m.lines.len() && text.is_empty() && i > 0 {
            break;
        }
        let info = m.info.get(&n);
        let cost = info.map_or(0.0, LineInfo::cost);
        let hot = info
            .and_then(|l| l.profile)
            .map_or(0.0, |(share, _, _)| (share / top).clamp(0.0, 1.0));
        let style = format!("--cost:{cost:.3};--hot:{hot:.3}");
        let score = match info {
            Some(l) if l.counts.total() > 0 => format!("{:.0}", l.counts.score()),
            _ => String::new(),
        };
        let heat = match info.and_then(|l| l.profile) {
            Some((share, _, _)) if share > 0.0 => format!("{:.1}%", share * 100.0),
            _ => String::new(),
        };
        let cells = format!(
            "<span class=\"heat\"></span><a class=\"ln\" href=\"#L{n}\">{n}</a>\
             <span class=\"score\" title=\"line score (100 = native)\">{score}</span>\
             <span class=\"hot\" title=\"share of the profile's samples\">{heat}</span><code>{}</code>",
            escape(text)
        );
        match info.filter(|l| !l.is_empty()) {
            None => {
                let _ = writeln!(
                    out,
                    "<div class=\"line plain\" id=\"L{n}\" style=\"{style}\">{cells}</div>"
                );
            }
            Some(l) => {
                let _ = write!(
                    out,
                    "<details class=\"line\" id=\"L{n}\" style=\"{style}\"><summary>{cells}</summary><div class=\"info\">"
                );
                line_details(&mut out, l);
                out.push_str("</div></details>\n");
            }
        }
    }
    let _ = write!(
        out,
        "</main>\n<footer>Written by molt-lsp {}. Scores weigh operations by lane: native 1, guarded 0.75, runtime 0.5, dynamic 0.</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// The expanded part of a line.
fn line_details(out: &mut String, l: &LineInfo) {
    if !l.diagnostics.is_empty() {
        out.push_str("<h3>Diagnostics</h3><ul>");
        for d in &l.diagnostics {
            let _ = write!(
                out,
                "<li><span class=\"sev-{0}\">{0}[{1}]</span> {2}</li>",
                d.severity,
                escape(&d.code),
                escape(&d.message)
            );
        }
        out.push_str("</ul>");
    }
    if let Some((share, executions, deopts)) = l.profile {
        let _ = write!(
            out,
            "<h3>Profile</h3><p>{:.1}% of the samples · ran about {executions} times · {deopts} deopts</p>",
            share * 100.0
        );
    }
    if !l.ops.is_empty() {
        let _ = write!(
            out,
            "<h3>Operations · score {:.1}</h3><ul>",
            l.counts.score()
        );
        for (function, op) in &l.ops {
            let _ = write!(
                out,
                "<li>{} <code>{}</code> at column {} in <code>{}</code>{}</li>",
                lane_badge(op.lane),
                escape(&op.op),
                op.location.start_pos.column,
                escape(function),
                op.reason
                    .as_deref()
                    .map(|r| format!(": {}", escape(r)))
                    .unwrap_or_default()
            );
        }
        out.push_str("</ul>");
    }
    if !l.remarks.is_empty() {
        out.push_str("<h3>Remarks</h3><ul>");
        for r in &l.remarks {
            let _ = write!(
                out,
                "<li><span class=\"kind-{}\">{}</span> <a href=\"{}\"><code>{}</code></a>: {}{}</li>",
                r.kind,
                r.kind,
                escape(&molt_remarks::help_uri(&r.name)),
                escape(&r.name),
                escape(&r.message),
                r.fix
                    .as_ref()
                    .map(|f| format!(" <em>(fix: {})</em>", escape(&f.title)))
                    .unwrap_or_default()
            );
        }
        out.push_str("</ul>");
    }
    if !l.mir.is_empty() {
        out.push_str("<h3>MIR</h3><pre>");
        let mut last: Option<&str> = None;
        for (function, inst, lane) in &l.mir {
            if last != Some(function.as_str()) {
                let _ = writeln!(out, "; in {}", escape(function));
                last = Some(function);
            }
            let _ = writeln!(
                out,
                "{}{}",
                escape(inst),
                lane.map(|l| format!("  ; {}", l.name()))
                    .unwrap_or_default()
            );
        }
        out.push_str("</pre>");
    }
}

/// The index page.
fn index_page(modules: &[Module]) -> String {
    let mut out = String::new();
    head(&mut out, "molt report");
    let mut total = LaneCounts::default();
    for m in modules {
        for lane in Lane::ALL {
            for _ in 0..m.counts.get(lane) {
                total.add(lane);
            }
        }
    }
    let _ = write!(
        out,
        "<body>\n<header>\n<h1>molt report</h1>\n<p class=\"summary\">{} · score {:.1} · {}</p>\n</header>\n\
         <table class=\"modules\">\n<thead><tr><th>module</th><th>score</th><th></th><th>native</th><th>guarded</th>\
         <th>runtime</th><th>dynamic</th><th>missed</th><th>errors</th><th>warnings</th><th>functions</th><th>hottest line</th></tr></thead>\n<tbody>\n",
        if modules.len() == 1 {
            "1 module".to_string()
        } else {
            format!("{} modules", modules.len())
        },
        total.score(),
        counts_text(&total)
    );
    for m in modules {
        let score = m.counts.score();
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td>{score:.1}</td><td><span class=\"bar\"><i style=\"width:{score:.0}%\"></i></span></td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&m.page),
            escape(&m.path),
            m.counts.native,
            m.counts.guarded,
            m.counts.runtime,
            m.counts.dynamic,
            m.missed,
            m.errors,
            m.warnings,
            m.functions.len(),
            m.hottest
                .filter(|s| *s > 0.0)
                .map(|s| format!("{:.1}%", s * 100.0))
                .unwrap_or_default()
        );
    }
    let _ = write!(
        out,
        "</tbody>\n</table>\n<footer>Written by molt-lsp {}. Each page shades a line by how far its operations are from native code, and by profile heat when a profile exists.</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// Writes the report of `files` (each a user module) into the folder `out`; returns the
/// number of module pages.
///
/// # Errors
/// `out` exists and is not an earlier report (nor empty), or a file cannot be written.
pub fn write_html(
    db: &RootDatabase,
    files: &[SourceFile],
    diagnostics: &[molt_remarks::CompileDiagnostic],
    profiles: &[Analysis],
    out: &Path,
) -> anyhow::Result<usize> {
    let mut modules: Vec<Module> = files
        .iter()
        .map(|f| module(db, *f, diagnostics, profiles))
        .collect();
    // Two paths can give one page name (`a/b.py` given as `./a/b.py` and `a/b.py`); keep them
    // apart.
    let mut seen = std::collections::HashSet::new();
    for m in &mut modules {
        let mut n = 1;
        let base = m.page.trim_end_matches(".html").to_string();
        while !seen.insert(m.page.clone()) || m.page == "index.html" {
            n += 1;
            m.page = format!("{base}.{n}.html");
        }
    }
    let mut pages: Vec<(String, String)> = modules
        .iter()
        .map(|m| (m.page.clone(), module_page(m)))
        .collect();
    pages.push(("index.html".into(), index_page(&modules)));
    write_dir_atomically(out, &pages)?;
    Ok(modules.len())
}

/// Writes `pages` (relative path, contents) as the folder `out`: into a new sibling folder
/// first, then renamed into place (an earlier report at `out` is moved aside and removed),
/// so `out` is always a complete report.
///
/// # Errors
/// `out` is a file, or a folder that is neither empty nor an earlier report (its
/// `index.html` was not written by molt-lsp): it is left alone. Or an I/O error.
pub fn write_dir_atomically(out: &Path, pages: &[(String, String)]) -> anyhow::Result<()> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if out.exists() {
        let ours = std::fs::read_to_string(out.join("index.html"))
            .is_ok_and(|t| t.contains(&format!("<meta name=\"generator\" content=\"{GENERATOR}")));
        let empty = out.is_dir()
            && std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_none());
        if !ours && !empty {
            anyhow::bail!(
                "{} exists and is not a molt-lsp report; choose another folder with -o",
                out.display()
            );
        }
    }
    std::fs::create_dir_all(&parent).map_err(|e| anyhow::anyhow!("{}: {e}", parent.display()))?;
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.{pid}.tmp"));
    let old = parent.join(format!(".{name}.{pid}.old"));
    let _ = std::fs::remove_dir_all(&tmp);
    let written = (|| -> std::io::Result<()> {
        for (page, text) in pages {
            let path = tmp.join(page);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&path, text)?;
        }
        if out.exists() {
            std::fs::rename(out, &old)?;
        }
        std::fs::rename(&tmp, out)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&tmp);
        // Put an earlier report back if it was moved aside.
        if old.exists() && !out.exists() {
            let _ = std::fs::rename(&old, out);
        }
        anyhow::bail!("{}: {e}", out.display());
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        assert_eq!(escape("plain é"), "plain é");
    }

    #[test]
    fn page_names_mirror_relative_paths() {
        assert_eq!(page_name("pkg/mod.py"), "pkg/mod.py.html");
        assert_eq!(page_name("../x.py"), "up/x.py.html");
        assert_eq!(page_name("/nowhere/a.py"), "nowhere/a.py.html");
    }
}
