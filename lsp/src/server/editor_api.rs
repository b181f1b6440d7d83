//! Custom requests for editor extensions that draw their own views of the compiler's facts
//! (the VS Code extension's coverage and profile heat, its status bar):
//!
//! - `molt/fileCoverage`, params `{"textDocument": {"uri": URI}}`: the lowering coverage of
//!   the document, per function and per line (the same figures as the coverage lenses and
//!   `molt-lsp --coverage`):
//!
//!   ```json
//!   {"functions": [{"name": "Point.norm", "range": Range, "score": 87.5,
//!                   "lanes": {"native": 5, "guarded": 2, "runtime": 1, "dynamic": 0}}],
//!    "lines": [{"line": 6, "dynamic": 1, "total": 4}]}
//!   ```
//!
//!   `name` is the qualified name (`<module>` for the module's own code); `range` covers the
//!   whole `def` statement (the whole file for `<module>`); `score` is
//!   `molt_remarks::LaneCounts::score` (0 to 100); `lines` are 0-based, sorted, and only
//!   lines with operations appear, each operation counted on the line where it starts.
//!
//! - `molt/profileHeat`, same params: the document's profile (`docs/editors.md`,
//!   "Profiles") summed per line, or `null` when the file has no profile or `profile` is
//!   `"off"`:
//!
//!   ```json
//!   {"profile": "/ws/target/molt/p.profile.json", "stale": false, "staleReason": "",
//!    "totalSamples": 1000,
//!    "lines": [{"line": 3, "samples": 700, "share": 0.7, "executions": 1000000, "deopts": 0}]}
//!   ```
//!
//!   `samples` (count) and `share` (of all the run's samples, 0 to 1) are those of the
//!   operations that start on the line; `executions` and `deopts` are summed over them. A
//!   stale profile keeps only the lines that did not change since the run (as its hints do),
//!   with `stale: true` and the reason (`p.py changed since the run`).
//!
//! Both answer `null` for a document the server does not know, and an `InvalidParams` error
//! when the params have no `textDocument.uri` string.

use std::collections::BTreeMap;

use molt_db::{Db, SourceFile, parse};
use ruff_text_size::{Ranged, TextRange, TextSize};
use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{self, Result as RpcResult};
use tower_lsp_server::ls_types::Uri;

use super::profile_view::{self, ProfileView};
use super::state::path_of;
use super::{Server, facts, text};

/// The method name of the coverage request.
pub const FILE_COVERAGE: &str = "molt/fileCoverage";
/// The method name of the profile-heat request.
pub const PROFILE_HEAT: &str = "molt/profileHeat";

/// The document URI of the params `{"textDocument": {"uri": URI}}`.
fn document_uri(params: &Value) -> RpcResult<Uri> {
    let text = params
        .get("textDocument")
        .and_then(|d| d.get("uri"))
        .and_then(Value::as_str)
        .ok_or_else(|| {
            jsonrpc::Error::invalid_params("expected {\"textDocument\": {\"uri\": string}}")
        })?;
    text.parse::<Uri>()
        .map_err(|e| jsonrpc::Error::invalid_params(format!("invalid URI `{text}`: {e}")))
}

fn lanes_json(counts: &molt_remarks::LaneCounts) -> Value {
    json!({
        "native": counts.native,
        "guarded": counts.guarded,
        "runtime": counts.runtime,
        "dynamic": counts.dynamic,
    })
}

/// The `molt/fileCoverage` result of `file` (see the module docs). Runs on a snapshot.
pub fn file_coverage(db: &dyn Db, file: SourceFile) -> Value {
    let text = file.text(db);
    let index = text::LineIndex::new(text);
    let parsed = parse(db, file);
    let module = parsed.parsed().syntax();
    let def_ranges: BTreeMap<String, TextRange> = facts::defs(module)
        .into_iter()
        .map(|(qualname, def, _)| (qualname, def.range()))
        .collect();
    let report = molt_driver::report::file_report_ref(db, file);
    let whole = TextRange::new(TextSize::new(0), TextSize::of(text.as_str()));
    let mut functions = Vec::new();
    let mut lines: BTreeMap<u32, (u32, u32)> = BTreeMap::new();
    let mut seen = std::collections::HashSet::new();
    for coverage in &report.coverage {
        // One entry per function (the coverage lenses take the first too).
        if !seen.insert(coverage.function.as_str()) {
            continue;
        }
        let range = if coverage.function == "<module>" {
            whole
        } else {
            def_ranges
                .get(&coverage.function)
                .copied()
                .unwrap_or_else(|| {
                    let loc = &coverage.location;
                    TextRange::new(
                        TextSize::new(loc.start.min(loc.end)),
                        TextSize::new(loc.end.max(loc.start)),
                    )
                })
        };
        let counts = coverage.counts();
        functions.push(json!({
            "name": coverage.function,
            "range": index.range(text, range),
            "score": counts.score(),
            "lanes": lanes_json(&counts),
        }));
        for line in coverage.lines() {
            let entry = lines.entry(line.line.saturating_sub(1)).or_default();
            entry.0 = entry.0.saturating_add(line.counts.dynamic);
            entry.1 = entry.1.saturating_add(line.counts.total());
        }
    }
    let lines: Vec<Value> = lines
        .into_iter()
        .map(|(line, (dynamic, total))| json!({"line": line, "dynamic": dynamic, "total": total}))
        .collect();
    json!({"functions": functions, "lines": lines})
}

/// The `molt/profileHeat` result of `file` with its profile placed in its text (see the
/// module docs). Runs on a snapshot.
pub fn profile_heat(db: &dyn Db, file: SourceFile, view: &ProfileView) -> Value {
    let text = file.text(db);
    let index = text::LineIndex::new(text);
    // line -> (samples, share, executions, deopts)
    let mut lines: BTreeMap<u32, (u64, f64, u64, u64)> = BTreeMap::new();
    for placed in &view.sites {
        let line = index.position(text, placed.range.start().to_u32()).line;
        let f = &placed.site.figures;
        let entry = lines.entry(line).or_default();
        entry.0 = entry.0.saturating_add(f.samples);
        entry.1 += f.share;
        entry.2 = entry.2.saturating_add(f.count);
        entry.3 = entry.3.saturating_add(f.deopt_total);
    }
    let lines: Vec<Value> = lines
        .into_iter()
        .map(|(line, (samples, share, executions, deopts))| {
            json!({
                "line": line,
                "samples": samples,
                "share": share.clamp(0.0, 1.0),
                "executions": executions,
                "deopts": deopts,
            })
        })
        .collect();
    json!({
        "profile": view.loaded.path,
        "stale": view.is_stale(),
        "staleReason": view.stale_detail(),
        "totalSamples": view.loaded.analysis.total_samples,
        "lines": lines,
    })
}

impl Server {
    /// `molt/fileCoverage` (see the module docs).
    pub async fn file_coverage_request(&self, params: Value) -> RpcResult<Option<Value>> {
        let uri = document_uri(&params)?;
        self.on_document(&uri, |db, file| file_coverage(db, file))
            .await
    }

    /// `molt/profileHeat` (see the module docs).
    pub async fn profile_heat_request(&self, params: Value) -> RpcResult<Option<Value>> {
        let uri = document_uri(&params)?;
        // `None` also when `profile` is "off".
        let Some(profile) = self.state().profile_input(&path_of(&uri)) else {
            return Ok(None);
        };
        let result = self
            .on_document(&uri, move |db, file| {
                let view = profile_view::view(db, file, &profile);
                profile_heat(db, file, &view)
            })
            .await?;
        Ok(result)
    }
}
