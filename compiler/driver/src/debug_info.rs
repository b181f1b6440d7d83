//! The debug tables of a build: for every site of every MIR function, where it is in the
//! source file, in the terms CPython 3.11 prints tracebacks in (line, columns, caret anchors,
//! the frames CPython has where lowering inlined code, `co_varnames`).
//!
//! MIR spans are relative to their item; here they become file positions, so the tables
//! change when code moves while the machine code does not (it passes only site numbers).

use std::sync::Arc;

use molt_codegen::debug::{FrameInfo, FunctionDebug, ProgramDebug, SiteInfo, SitePos};
use molt_db::{Db, LineIndex, SourceFile, line_index, parse};
use molt_mir::{Function, InstKind, Span};
use molt_semantic::module_items;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::report::Origin;

/// The path CPython prints for a script run as `python3 PATH`: `PATH` when absolute, else the
/// current directory joined with it, unnormalized (`/cwd/./a.py`).
pub fn cpython_script_path(path: &std::path::Path) -> String {
    if path.is_absolute() {
        return path.display().to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.display(), path.display()),
        Err(_) => path.display().to_string(),
    }
}

/// What the syntax tree says about expressions that sites may cover exactly: the caret
/// anchors of binary operators and subscripts, and the `obj.name` part of method calls.
#[derive(Default)]
struct ExprFacts {
    /// `(start, end)` file offsets of a binary operation or subscript → its anchors
    /// (characters from the start).
    anchors: FxHashMap<(u32, u32), (u32, u32)>,
    /// `(start, end)` of a call whose callee is an attribute → the attribute's range.
    method_lookups: FxHashMap<(u32, u32), (u32, u32)>,
}

struct FactCollector<'a> {
    text: &'a str,
    facts: ExprFacts,
}

fn range_of(node: &impl Ranged) -> (u32, u32) {
    let r = node.range();
    (r.start().to_u32(), r.end().to_u32())
}

impl FactCollector<'_> {
    /// The characters of `text[start..end]` (empty when out of range).
    fn chars(&self, start: u32, end: u32) -> Vec<char> {
        self.text
            .get(start as usize..end as usize)
            .map(|s| s.chars().collect())
            .unwrap_or_default()
    }

    /// Characters between byte offsets `from` and `to` of the file.
    fn char_len(&self, from: u32, to: u32) -> u32 {
        self.text
            .get(from as usize..to as usize)
            .map_or(0, |s| s.chars().count() as u32)
    }

    /// CPython 3.11's anchors of a binary operation: the operator token after the left
    /// operand (past whitespace, the closing parentheses of a parenthesized left operand,
    /// comments and line continuations), two characters wide when the next character, still
    /// before the right operand, is not whitespace (`//`, `**`, `<<`).
    fn binop_anchors(&self, b: &ast::ExprBinOp) -> Option<(u32, u32)> {
        let (start, end) = range_of(b);
        let segment = self.chars(start, end);
        let left_end = self.char_len(start, b.left.range().end().to_u32()) as usize;
        let right_start = self.char_len(start, b.right.range().start().to_u32()) as usize;
        let right_start = right_start.min(segment.len());
        let mut left = left_end;
        while left < right_start {
            match segment[left] {
                '#' => {
                    while left < right_start && segment[left] != '\n' {
                        left += 1;
                    }
                }
                c if c.is_whitespace() || c == ')' || c == '\\' => left += 1,
                _ => break,
            }
        }
        let mut right = left + 1;
        if right < right_start && !segment[right].is_whitespace() {
            right += 1;
        }
        Some((left as u32, right as u32))
    }

    /// CPython 3.11's anchors of a subscript: from its `[` to its `]`.
    fn subscript_anchors(&self, s: &ast::ExprSubscript) -> Option<(u32, u32)> {
        let (start, end) = range_of(s);
        let segment = self.chars(start, end);
        let mut left = self.char_len(start, s.value.range().end().to_u32()) as usize;
        let mut right = self.char_len(start, s.slice.range().end().to_u32()) as usize + 1;
        while left < segment.len() && segment[left] != '[' {
            left += 1;
        }
        while right < segment.len() && segment[right] != ']' {
            right += 1;
        }
        if right < segment.len() {
            right += 1;
        }
        Some((left as u32, right as u32))
    }
}

impl<'a> Visitor<'a> for FactCollector<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::BinOp(b) => {
                if let Some(a) = self.binop_anchors(b) {
                    self.facts.anchors.insert(range_of(b), a);
                }
            }
            Expr::Subscript(s) => {
                if let Some(a) = self.subscript_anchors(s) {
                    self.facts.anchors.insert(range_of(s), a);
                }
            }
            Expr::Call(c) if matches!(&*c.func, Expr::Attribute(_)) => {
                self.facts
                    .method_lookups
                    .insert(range_of(c), range_of(&*c.func));
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

/// Converts file ranges to [`SitePos`]: 1-based lines, 0-based character columns.
struct Positions<'a> {
    text: &'a str,
    index: &'a LineIndex,
    facts: ExprFacts,
}

impl Positions<'_> {
    fn pos(&self, (start, end): (u32, u32)) -> SitePos {
        let (line, col) = self.index.line_col(self.text, start);
        let (end_line, end_col) = self.index.line_col(self.text, end.max(start));
        SitePos {
            line,
            col: col - 1,
            end_line,
            end_col: end_col - 1,
            anchors: self.facts.anchors.get(&(start, end)).copied(),
        }
    }
}

/// Whether file range `inner` lies within `outer`.
fn within(inner: (u32, u32), outer: (u32, u32)) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1
}

/// A function whose body the optimizer inlined into others: where its spans map to the file,
/// and its `co_varnames`.
struct Callee<'a> {
    origin: Origin<'a>,
    varnames: Vec<String>,
}

/// `co_name` of MIR function `name`: the last part of its qualified name (`add` for
/// `Acc.add`, `g` for `f.<locals>.g`).
fn co_name(name: &str) -> &str {
    let qualname = molt_mir::split_module(name).1;
    qualname.rsplit('.').next().unwrap_or(qualname)
}

/// The debug table of `func`, whose spans map to the file through `origin`; the functions
/// inlined into it are looked up in `callees`.
fn function_debug(
    func: &Function,
    origin: Origin<'_>,
    file: &str,
    positions: &Positions<'_>,
    callees: &FxHashMap<&str, Callee<'_>>,
) -> FunctionDebug {
    let to_file = |s: Span| origin.range_to_file(s.start, s.end);
    let inlined_sites: FxHashMap<molt_mir::SiteId, &molt_mir::InlinedSite> =
        func.inlined_sites.iter().map(|o| (o.site, o)).collect();
    // Inlined frames, outermost first (a frame contains the frames nested in it).
    let mut inlined: Vec<(&molt_mir::InlinedFrame, (u32, u32), (u32, u32))> = func
        .inlined_frames
        .iter()
        .map(|f| (f, to_file(f.span), to_file(f.body)))
        .collect();
    inlined.sort_by_key(|(_, _, body)| (body.0, std::cmp::Reverse(body.1)));
    let mut sites: Vec<Option<SiteInfo>> = vec![None; func.next_site as usize];
    for inst in &func.insts {
        let Some(slot) = sites.get_mut(inst.site.index()) else {
            continue;
        };
        let range = to_file(inst.span);
        let mut frames = vec![FrameInfo::default()];
        let mut innermost_comprehension = None;
        for (frame, span, body) in &inlined {
            let outside = frame.outside.map(to_file);
            // The construct's own instructions (its span exactly) belong to the caller.
            if !within(range, *body) || range == *span || outside.is_some_and(|o| within(range, o))
            {
                continue;
            }
            if let Some(last) = frames.last_mut() {
                last.pos = positions.pos(*span);
            }
            innermost_comprehension = frame.name.starts_with('<').then_some(*span);
            frames.push(FrameInfo {
                name: frame.name.to_string(),
                varnames: frame.varnames.iter().map(|n| n.to_string()).collect(),
                pos: SitePos::default(),
            });
        }
        // `iter()` of an inlined comprehension's iterables: CPython places it on the whole
        // comprehension (the first one in the enclosing frame, the others in the
        // comprehension's frame, where no other `iter()` happens).
        let at = match inst.kind {
            InstKind::GetIter(_) => inlined
                .iter()
                .find(|(frame, _, _)| frame.outside.map(to_file) == Some(range))
                .map(|(_, span, _)| *span)
                .or(innermost_comprehension)
                .unwrap_or(range),
            _ => range,
        };
        if let Some(last) = frames.last_mut() {
            last.pos = positions.pos(at);
        }
        // Copied from inlined bodies: the callees' frames, under the call.
        let mut range = range;
        for frame in inlined_sites
            .get(&inst.site)
            .map_or(&[][..], |o| &o.frames[..])
        {
            let Some(callee) = callees.get(&*frame.callee) else {
                break;
            };
            range = callee
                .origin
                .range_to_file(frame.span.start, frame.span.end);
            frames.push(FrameInfo {
                name: co_name(&frame.callee).to_owned(),
                varnames: callee.varnames.clone(),
                pos: positions.pos(range),
            });
        }
        let alt = match inst.kind {
            InstKind::CallMethod { .. }
            | InstKind::MethodLoad(..)
            | InstKind::MethodLoadDirect { .. }
            | InstKind::CallMethodDirect { .. }
            | InstKind::CallSuper { .. } => positions
                .facts
                .method_lookups
                .get(&range)
                .map(|r| positions.pos(*r)),
            _ => None,
        };
        *slot = Some(SiteInfo { frames, alt });
    }
    FunctionDebug {
        file: file.to_owned(),
        varnames: func.varnames.iter().map(|n| n.to_string()).collect(),
        sites,
    }
}

/// The debug tables of `functions` (the optimized MIR of `file`, at any level).
pub fn program_debug(db: &dyn Db, file: SourceFile, functions: &[Arc<Function>]) -> ProgramDebug {
    module_debug(db, file, &cpython_script_path(file.path(db)), functions)
}

/// [`program_debug`] for the functions of one module of a program, whose file CPython
/// names `path` in tracebacks (its `__file__`).
pub fn module_debug(
    db: &dyn Db,
    file: SourceFile,
    path: &str,
    functions: &[Arc<Function>],
) -> ProgramDebug {
    let text = file.text(db);
    let mut collector = FactCollector {
        text,
        facts: ExprFacts::default(),
    };
    for stmt in &parse(db, file).parsed().syntax().body {
        collector.visit_stmt(stmt);
    }
    let positions = Positions {
        text,
        index: line_index(db, file),
        facts: collector.facts,
    };
    // Where each MIR function's spans are relative to, by name.
    let mut origins: FxHashMap<&str, Origin<'_>> = FxHashMap::default();
    let module = Origin::Module(molt_semantic::items::skeleton_map(db, file));
    for f in &molt_lower::module_mir(db, file).functions {
        origins.insert(&f.name, module);
    }
    for item in &module_items(db, file).functions {
        let origin = Origin::of_item(db, *item);
        for f in &molt_lower::function_mir(db, *item).functions {
            origins.insert(&f.name, origin);
        }
    }
    // The functions inlined into others (of this module, so among `functions`).
    let inlined: FxHashSet<&str> = functions
        .iter()
        .flat_map(|f| f.inlined_sites.iter())
        .flat_map(|o| o.frames.iter().map(|frame| &*frame.callee))
        .collect();
    let callees: FxHashMap<&str, Callee<'_>> = functions
        .iter()
        .filter(|f| inlined.contains(&*f.name))
        .filter_map(|f| {
            let callee = Callee {
                origin: *origins.get(&*f.name)?,
                varnames: f.varnames.iter().map(|n| n.to_string()).collect(),
            };
            Some((&*f.name, callee))
        })
        .collect();
    functions
        .iter()
        .filter_map(|f| {
            let origin = *origins.get(&*f.name)?;
            Some((
                f.name.to_string(),
                function_debug(f, origin, path, &positions, &callees),
            ))
        })
        .collect()
}
