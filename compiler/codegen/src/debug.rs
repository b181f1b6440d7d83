//! Debug tables: where each site of a function is in the source, for tracebacks.
//!
//! The driver computes a [`FunctionDebug`] per MIR function (file, local names, and the
//! position of every site, with the frames CPython has where the compiler inlines code);
//! codegen encodes it ([`encode`]) into a data object that the function's descriptor points
//! at. The runtime decodes it only when it prints a traceback (`molt_runtime::traceback`,
//! whose module doc specifies the format). Machine code never reads it: generated code
//! passes only the site number on the error path, so the table can change (a function
//! moved in its file) without recompiling the function.

/// A source range: 1-based lines, 0-based columns in characters (end exclusive), and the
/// caret anchors CPython draws for a binary operator or a subscript: `(left_end,
/// right_start)` in characters from `col`, the range marked `^` between two `~` ranges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SitePos {
    /// First line (1-based).
    pub line: u32,
    /// Start column on the first line.
    pub col: u32,
    /// Last line.
    pub end_line: u32,
    /// End column on the last line.
    pub end_col: u32,
    /// `~~^~~` anchors, relative to `col`.
    pub anchors: Option<(u32, u32)>,
}

/// One frame of a site: the function itself (`name` empty), or a frame CPython has and the
/// compiler inlined (a class body, `<listcomp>`, `<setcomp>`, `<dictcomp>`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FrameInfo {
    /// `co_name` of an inlined frame; empty for the function's own frame.
    pub name: String,
    /// `co_varnames` of an inlined frame (for `NameError` suggestions).
    pub varnames: Vec<String>,
    /// Where the frame is: the site itself in the innermost frame, else the call of the
    /// next inner frame.
    pub pos: SitePos,
}

/// The frames of one site, outermost first, and the position of a method call's lookup.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SiteInfo {
    /// At least one frame: the function's own first.
    pub frames: Vec<FrameInfo>,
    /// For a method call: the position of `obj.name`, shown when the lookup fails.
    pub alt: Option<SitePos>,
}

/// The debug table of one MIR function.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FunctionDebug {
    /// The source file (absolute path, as CPython prints it).
    pub file: String,
    /// `co_varnames`: parameters, then the other local variables.
    pub varnames: Vec<String>,
    /// Per site number: its frames, or `None` when unknown.
    pub sites: Vec<Option<SiteInfo>>,
}

/// Debug tables by MIR function name.
pub type ProgramDebug = rustc_hash::FxHashMap<String, FunctionDebug>;

fn put_u32(out: &mut Vec<u8>, x: u32) {
    out.extend_from_slice(&x.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

fn put_names(out: &mut Vec<u8>, names: &[String]) {
    put_u32(out, names.len() as u32);
    for n in names {
        put_str(out, n);
    }
}

fn put_pos(out: &mut Vec<u8>, p: &SitePos) {
    for x in [p.line, p.col, p.end_line, p.end_col] {
        put_u32(out, x);
    }
    let (flag, (l, r)) = match p.anchors {
        Some(a) => (1, a),
        None => (0, (0, 0)),
    };
    for x in [flag, l, r] {
        put_u32(out, x);
    }
}

/// The table in the runtime's format; equal site records are stored once.
pub fn encode(debug: &FunctionDebug) -> Vec<u8> {
    let mut out = Vec::new();
    put_str(&mut out, &debug.file);
    put_names(&mut out, &debug.varnames);
    put_u32(&mut out, debug.sites.len() as u32);
    let table = out.len();
    out.resize(table + 4 * debug.sites.len(), 0);
    let mut written: rustc_hash::FxHashMap<&SiteInfo, u32> = Default::default();
    for (i, site) in debug.sites.iter().enumerate() {
        let offset = match site {
            None => u32::MAX,
            Some(info) => match written.get(info) {
                Some(&o) => o,
                None => {
                    let o = out.len() as u32;
                    put_u32(&mut out, info.frames.len() as u32);
                    for f in &info.frames {
                        put_str(&mut out, &f.name);
                        put_names(&mut out, &f.varnames);
                        put_pos(&mut out, &f.pos);
                    }
                    match &info.alt {
                        Some(p) => {
                            put_u32(&mut out, 1);
                            put_pos(&mut out, p);
                        }
                        None => put_u32(&mut out, 0),
                    }
                    written.insert(info, o);
                    o
                }
            },
        };
        out[table + 4 * i..table + 4 * i + 4].copy_from_slice(&offset.to_le_bytes());
    }
    out
}
