//! Inlay hints (end-of-name annotations such as `: int · guarded`), in compiler terms: a
//! byte offset and a label. The server turns them into LSP positions.
//!
//! One hint per parameter and per variable at its first binding (see `facts`): the type the
//! compiled code relies on and the slowest lane computing the value. Unannotated names get
//! `: TYPE · LANE` (`Any` is an unknown type); annotated names only get what the annotation
//! does not say: the lane (` · guarded` for a parameter an entry guard checks), or the type
//! the compiler actually uses when it ignores the annotation. Names whose type the compiler
//! could not infer get no hint; `self`/`cls` (unannotated first parameters of methods) get
//! none either.
//!
//! With a profile (`profile_view`), every operation that deopted gets a hint after it:
//! `⚠ 12k deopts (not-int)` (the two most frequent reasons), with every counter and the
//! explanation in its tooltip; a stale profile's hints end in ` · stale` (and are only on
//! lines that did not change since the run).

use molt_db::{Db, SourceFile};
use ruff_text_size::TextRange;
use tower_lsp_server::ls_types::{InlayHint, InlayHintKind, InlayHintLabel, InlayHintTooltip};

use super::facts;
use super::profile_view::{self, ProfileView, STALE};
use super::text::LineIndex;

/// What a hint describes.
#[allow(dead_code)] // `Parameter` is for argument-name hints, not shown yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HintKind {
    /// An inferred type (and lane) after a name.
    Type,
    /// A parameter name before an argument.
    Parameter,
    /// Deopts of an operation, from a profile.
    Profile,
}

/// One hint: `label` is shown at byte `offset` of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    /// Where the hint is shown (bytes, file offsets).
    pub offset: u32,
    /// The text shown, e.g. `: int · native`.
    pub label: String,
    /// What it describes.
    pub kind: HintKind,
    /// Longer text shown on hover, if any.
    pub tooltip: Option<String>,
}

/// The hints of `file` inside `range` (bytes; a hint at either end counts), in source
/// order, with the deopts of `profile`. Runs on a snapshot on a worker thread.
pub fn inlay_hints(
    db: &dyn Db,
    file: SourceFile,
    range: TextRange,
    profile: Option<&ProfileView>,
) -> Vec<Hint> {
    let mut hints: Vec<Hint> = facts::file_facts(db, file)
        .vars
        .iter()
        .filter_map(|var| {
            let offset = var.annotation_end.unwrap_or(var.name_range.end());
            if !range.contains_inclusive(offset) {
                return None;
            }
            let (label, tooltip) = facts::hint_label(var)?;
            Some(Hint {
                offset: offset.to_u32(),
                label,
                kind: HintKind::Type,
                tooltip: Some(tooltip),
            })
        })
        .collect();
    if let Some(view) = profile {
        hints.extend(profile_hints(view, range));
        hints.sort_by_key(|h| h.offset);
    }
    hints
}

/// The deopt hints of `view` inside `range`, at the end of each operation that deopted.
pub fn profile_hints(view: &ProfileView, range: TextRange) -> Vec<Hint> {
    view.sites
        .iter()
        .filter(|s| range.contains_inclusive(s.range.end()))
        .filter_map(|placed| {
            let mut label = placed.site.hint_text()?;
            let mut tooltip = placed.site.counters_text();
            tooltip.push_str(&format!(
                "\nwhy: {}",
                profile_view::explanation(&placed.site)
            ));
            if view.is_stale() {
                label.push_str(" · stale");
                tooltip = format!("{STALE} ({})\n{tooltip}", view.stale_detail());
            }
            Some(Hint {
                offset: placed.range.end().to_u32(),
                label,
                kind: HintKind::Profile,
                tooltip: Some(tooltip),
            })
        })
        .collect()
}

/// The LSP form of `hints` over `text`.
pub fn to_lsp(text: &str, index: &LineIndex, hints: Vec<Hint>) -> Vec<InlayHint> {
    hints
        .into_iter()
        .map(|h| InlayHint {
            position: index.position(text, h.offset),
            label: InlayHintLabel::String(h.label),
            kind: match h.kind {
                HintKind::Type => Some(InlayHintKind::TYPE),
                HintKind::Parameter => Some(InlayHintKind::PARAMETER),
                HintKind::Profile => None,
            },
            text_edits: None,
            tooltip: h.tooltip.map(InlayHintTooltip::String),
            padding_left: Some(h.kind == HintKind::Profile),
            padding_right: None,
            data: None,
        })
        .collect()
}
