//! The incremental compilation database: salsa inputs, the interner and the parse query.
//!
//! Everything the compiler knows is derived from [`SourceFile`] inputs through tracked
//! queries (free functions `fn q(db: &dyn Db, ...)`, `db` first). Higher crates add their
//! own queries over the same [`Db`] trait; [`RootDatabase`] is the one concrete database the
//! CLI, the language server and the tests use.
//!
//! **Architecture Invariant:** this crate knows nothing of MIR or of the language server.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use lasso::{Spur, ThreadedRodeo};
use ruff_python_ast::ModModule;
use ruff_python_parser::Parsed;

pub use ruff_text_size::{TextRange, TextSize};

/// An interned identifier or string constant. Cheap to copy and compare; resolve it with
/// [`Db::interner`]. Equal strings give equal symbols for the lifetime of a database.
pub type Symbol = Spur;

/// The thread-safe interner shared by all clones (snapshots) of one database.
pub type Interner = ThreadedRodeo<Spur>;

/// The database trait every query takes as `&dyn Db`.
#[salsa::db]
pub trait Db: salsa::Database {
    /// The database's interner (one per database, shared by its snapshots).
    fn interner(&self) -> &Interner;

    /// Interns `text`.
    fn intern(&self, text: &str) -> Symbol {
        self.interner().get_or_intern(text)
    }

    /// The text of an interned symbol.
    fn resolve(&self, symbol: Symbol) -> &str {
        self.interner().resolve(&symbol)
    }

    /// The registry of files by path (see [`Files`]).
    fn files(&self) -> &Files;
}

pub use files::{FileStatus, Files, embedded_file, normalize_path, system_path_to_file};
pub use inputs::SourceFile;

mod inputs {
    // Salsa generates undocumented constructors and setters for inputs.
    #![allow(missing_docs)]
    use std::path::PathBuf;

    /// A Python source file: the input of every query.
    ///
    /// `text` is the file's contents as UTF-8. Bytes that are not valid UTF-8 are replaced by
    /// U+FFFD when the file is loaded, and `encoding_error` records the byte offset of the first
    /// invalid byte so that diagnostics can report it.
    #[salsa::input(debug)]
    pub struct SourceFile {
        /// Path as given by the user (absolute or relative to the working directory).
        #[returns(ref)]
        pub path: PathBuf,
        /// Contents (UTF-8).
        #[returns(ref)]
        pub text: String,
        /// Offset (bytes) of the first invalid UTF-8 byte in the original contents, if any.
        #[returns(copy)]
        pub encoding_error: Option<u32>,
        /// Whether the path exists, as a file or a folder ([`crate::FileStatus`]); a file made
        /// with `new` exists. Module resolution reads it, so setting it re-runs resolution.
        #[default]
        #[returns(copy)]
        pub status: crate::FileStatus,
    }
}

mod files;

impl SourceFile {
    /// Creates a file input from raw bytes, decoding them as UTF-8 (lossily, see
    /// [`SourceFile`]).
    pub fn from_bytes(db: &dyn Db, path: impl Into<PathBuf>, bytes: &[u8]) -> SourceFile {
        let (text, error) = decode(bytes);
        SourceFile::new(db, path.into(), text, error)
    }
}

/// Decodes `bytes` as UTF-8, replacing invalid sequences with U+FFFD. Returns the text and
/// the offset of the first invalid byte, if any.
pub fn decode(bytes: &[u8]) -> (String, Option<u32>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(error) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(error.valid_up_to() as u32),
        ),
    }
}

/// The result of parsing one file: the syntax tree, the tokens and every syntax error
/// (ruff's parser recovers, so there may be many). Shared behind an `Arc`; compared by
/// pointer only, so queries reading it re-run after any edit (as ty's `parsed_module`).
#[derive(Clone)]
pub struct ParsedModule {
    inner: Arc<Parsed<ModModule>>,
}

impl ParsedModule {
    /// The parsed module (syntax tree, tokens, errors).
    pub fn parsed(&self) -> &Parsed<ModModule> {
        &self.inner
    }
}

impl PartialEq for ParsedModule {
    fn eq(&self, other: &ParsedModule) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}
impl Eq for ParsedModule {}

impl std::fmt::Debug for ParsedModule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParsedModule")
            .field("errors", &self.inner.errors().len())
            .finish()
    }
}

/// Parses `file` (see [`parse_python`]). Never fails: syntax errors are inside the result.
#[salsa::tracked(returns(ref), no_eq)]
pub fn parse(db: &dyn Db, file: SourceFile) -> ParsedModule {
    ParsedModule {
        inner: Arc::new(parse_python(file.text(db))),
    }
}

/// Parses Python source with `ruff_python_parser`, recovering from errors (all of them are
/// kept in the result) and reporting syntax newer than Python 3.11, the language version
/// molt compiles, as unsupported-syntax errors.
pub fn parse_python(text: &str) -> Parsed<ModModule> {
    let options = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    match ruff_python_parser::parse_unchecked(text, options).try_into_module() {
        Some(parsed) => parsed,
        // Unreachable with `Mode::Module`; fall back to the default options.
        None => {
            ruff_python_parser::parse_unchecked_source(text, ruff_python_ast::PySourceType::Python)
        }
    }
}

/// Log of salsa `WillExecute` events, for tests that prove which queries re-ran.
pub type EventLog = Arc<Mutex<Vec<String>>>;

/// The concrete database: salsa storage, the interner, and an optional event log.
/// `Clone` gives a snapshot that shares storage and interner (for worker threads).
#[salsa::db]
#[derive(Clone)]
pub struct RootDatabase {
    storage: salsa::Storage<Self>,
    interner: Arc<Interner>,
    files: Files,
    log: Option<EventLog>,
}

impl Default for RootDatabase {
    fn default() -> RootDatabase {
        RootDatabase {
            storage: salsa::Storage::new(None),
            interner: Arc::new(Interner::new()),
            files: Files::default(),
            log: None,
        }
    }
}

impl RootDatabase {
    /// A database that records every query execution as `"query_name(Id(..))"` strings in
    /// the returned log (salsa's `WillExecute` events, as in salsa's `calc` example).
    pub fn with_event_log() -> (RootDatabase, EventLog) {
        let log: EventLog = Arc::default();
        let sink = log.clone();
        let storage = salsa::Storage::new(Some(Box::new(move |event: salsa::Event| {
            if let salsa::EventKind::WillExecute { database_key } = event.kind {
                if let Ok(mut log) = sink.lock() {
                    log.push(format!("{database_key:?}"));
                }
            }
        })));
        let db = RootDatabase {
            storage,
            interner: Arc::new(Interner::new()),
            files: Files::default(),
            log: Some(log.clone()),
        };
        (db, log)
    }

    /// Takes the recorded events (empty when logging is off).
    pub fn take_events(&self) -> Vec<String> {
        match &self.log {
            Some(log) => log
                .lock()
                .map(|mut l| std::mem::take(&mut *l))
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// Loads `path` from disk into a [`SourceFile`] registered in [`Db::files`] (the file
    /// an import of it resolves to). A file the registry already knows is returned as it is
    /// (inputs change only through `&mut self`: [`RootDatabase::sync_path`] re-reads it);
    /// its `path` stays as first given.
    ///
    /// # Errors
    /// The I/O error of reading the file.
    pub fn load_file(&self, path: &Path) -> std::io::Result<SourceFile> {
        let bytes = std::fs::read(path)?;
        let (text, error) = decode(&bytes);
        Ok(self.files.insert_or_get(self, path, text, error))
    }

    /// Sets the contents of `path` (an editor's buffer, or the disk after a change): the
    /// registered file gets `text` and the status [`FileStatus::File`], or a new file is
    /// registered. Returns the file and whether anything changed.
    pub fn set_file_text(
        &mut self,
        path: &Path,
        text: String,
        encoding_error: Option<u32>,
    ) -> (SourceFile, bool) {
        use salsa::Setter;
        let key = normalize_path(path);
        let Some(file) = self.files.get_normalized(&key) else {
            let file = self.files.insert_or_get(self, path, text, encoding_error);
            return (file, true);
        };
        let mut changed = false;
        if file.text(self) != &text {
            file.set_text(self).to(text);
            changed = true;
        }
        if file.encoding_error(self) != encoding_error {
            file.set_encoding_error(self).to(encoding_error);
            changed = true;
        }
        if file.status(self) != FileStatus::File {
            file.set_status(self).to(FileStatus::File);
            changed = true;
        }
        (file, changed)
    }

    /// Re-reads what is at `path` on disk (after a watcher saw it created, changed or
    /// removed) into its registered file, if the registry knows it: the status, and the text
    /// of a file. Returns whether anything changed.
    pub fn sync_path(&mut self, path: &Path) -> bool {
        use salsa::Setter;
        let key = normalize_path(path);
        let Some(file) = self.files.get_normalized(&key) else {
            return false;
        };
        let (status, text, error) = files::read_disk(&key);
        let mut changed = false;
        if file.status(self) != status {
            file.set_status(self).to(status);
            changed = true;
        }
        if file.text(self) != &text {
            file.set_text(self).to(text);
            changed = true;
        }
        if file.encoding_error(self) != error {
            file.set_encoding_error(self).to(error);
            changed = true;
        }
        changed
    }

    /// Marks `path` as gone (a file closed and deleted, a folder removed): its text is
    /// emptied and its status becomes [`FileStatus::Missing`]. Returns whether it was known.
    pub fn remove_path(&mut self, path: &Path) -> bool {
        use salsa::Setter;
        let Some(file) = self.files.get_normalized(&normalize_path(path)) else {
            return false;
        };
        if !file.text(self).is_empty() {
            file.set_text(self).to(String::new());
        }
        if file.status(self) != FileStatus::Missing {
            file.set_status(self).to(FileStatus::Missing);
        }
        true
    }
}

#[salsa::db]
impl salsa::Database for RootDatabase {}

#[salsa::db]
impl Db for RootDatabase {
    fn interner(&self) -> &Interner {
        &self.interner
    }

    fn files(&self) -> &Files {
        &self.files
    }
}

/// Maps byte offsets of one text to 1-based line and column (columns count Unicode scalar
/// values, as editors show them). Both lookups are binary searches, O(log n) whatever the
/// length of the line (rust-analyzer's `LineIndex` keeps its multi-byte characters the same
/// way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// Every character of more than one byte: `(byte offset, extra bytes of it and of every
    /// earlier one)`, by offset. Empty for ASCII text.
    wide: Vec<(u32, u32)>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                if c.len_utf8() > 1 {
                    extra += c.len_utf8() as u32 - 1;
                    wide.push((i as u32, extra));
                }
            }
        }
        LineIndex { line_starts, wide }
    }

    /// Byte offset of the first byte of each line (`[0] == 0`; lines end at `\n`).
    pub fn line_starts(&self) -> &[u32] {
        &self.line_starts
    }

    /// Extra bytes (beyond one per character) of the characters that start before `offset`.
    fn extra_before(&self, offset: u32) -> u32 {
        match self.wide.partition_point(|&(at, _)| at < offset) {
            0 => 0,
            n => self.wide[n - 1].1,
        }
    }

    /// `(line, column)`, both 1-based, of byte `offset` in `text` (clamped to the text; an
    /// offset inside a character counts as that character's start). `text` is the text the
    /// index was built from.
    pub fn line_col(&self, text: &str, offset: u32) -> (u32, u32) {
        let offset = offset.min(text.len() as u32);
        let line = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.line_starts[line];
        let mut end = offset as usize;
        while end > start as usize && !text.is_char_boundary(end) {
            end -= 1;
        }
        let end = end as u32;
        let col = (end - start) - (self.extra_before(end) - self.extra_before(start)) + 1;
        (line as u32 + 1, col)
    }
}

/// Line index of `file`, recomputed on every edit of the file.
#[salsa::tracked(returns(ref))]
pub fn line_index(db: &dyn Db, file: SourceFile) -> LineIndex {
    LineIndex::new(file.text(db))
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    /// Columns count characters: checked at every byte offset of a text mixing ASCII, two-,
    /// three- and four-byte characters against a direct count.
    #[test]
    fn line_col_counts_characters_at_every_offset() {
        let text = "ab\né x = 'ü€'\n\n𝕏 = 1  # ñ\nlast";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() as u32 + 2 {
            let clamped = (offset as usize).min(text.len());
            let mut end = clamped;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
            let want = (
                text[..end].matches('\n').count() as u32 + 1,
                text[line_start..end].chars().count() as u32 + 1,
            );
            assert_eq!(index.line_col(text, offset), want, "offset {offset}");
        }
        assert_eq!(LineIndex::new("").line_col("", 0), (1, 1));
    }
}
