//! Inlay hints (end-of-name annotations such as `: int · native`), in compiler terms: a
//! byte offset and a label. The server turns them into LSP positions.
//!
//! [`inlay_hints`] returns none yet: inferred types and lanes of parameters and locals come
//! with the optimizer's lanes.

use molt_db::{Db, SourceFile};
use ruff_text_size::TextRange;
use tower_lsp_server::ls_types::{InlayHint, InlayHintKind, InlayHintLabel, InlayHintTooltip};

use super::text::LineIndex;

/// What a hint describes.
#[allow(dead_code)] // Constructed once types and lanes are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HintKind {
    /// An inferred type (and lane) after a name.
    Type,
    /// A parameter name before an argument.
    Parameter,
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

/// The hints of `file` inside `range` (bytes). Runs on a snapshot on a worker thread.
pub fn inlay_hints(db: &dyn Db, file: SourceFile, range: TextRange) -> Vec<Hint> {
    let _ = (db, file, range);
    Vec::new()
}

/// The LSP form of `hints` over `text`.
pub fn to_lsp(text: &str, index: &LineIndex, hints: Vec<Hint>) -> Vec<InlayHint> {
    hints
        .into_iter()
        .map(|h| InlayHint {
            position: index.position(text, h.offset),
            label: InlayHintLabel::String(h.label),
            kind: Some(match h.kind {
                HintKind::Type => InlayHintKind::TYPE,
                HintKind::Parameter => InlayHintKind::PARAMETER,
            }),
            text_edits: None,
            tooltip: h.tooltip.map(InlayHintTooltip::String),
            padding_left: None,
            padding_right: None,
            data: None,
        })
        .collect()
}
