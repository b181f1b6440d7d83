//! Hover text (Markdown), in sections separated by rules:
//!
//! - On a name imported from another workspace module (`from m import f`, `m.f`): what it
//!   is in that module, as below, and its file (`cross_module`).
//! - On a name: what it is, and for functions and classes their signature as the compiler
//!   understood it (from the module index); for variables and parameters, the inferred type
//!   and lane (`facts`). On the name of a `def`: the function's lowering coverage (score,
//!   lane counts, its dynamic operations with the reason, remark counts by kind) and a
//!   `command:` link that shows its optimized MIR (`molt.showIr`) instead of the MIR
//!   itself; on a call of it, the coverage line. On a callee, also the call's lane.
//! - Elsewhere in an expression (an operator, a call's parentheses, an attribute, a literal,
//!   `+=`, a `for` header): the innermost expression the compiler has operations for, with
//!   each operation's result type, lane and reason, and the remarks at exactly that range
//!   (whatever the `remarks` setting: hover is where to read them without the noise).
//! - With a profile, on an operation it has figures for (the narrowest one at the cursor):
//!   a last section with every counter (executions, deopts by reason and rate, inline-cache
//!   hits and misses, samples and share) and why it deopted; marked stale when the profile
//!   is (`profile_view::hover_section`).

use molt_db::{Db, SourceFile, parse};
use molt_remarks::{Lane, RemarkKind};
use molt_semantic::index::{Annotation, ClassInfo, FunctionSig, ParamKind, module_index};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ModModule, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::cross_module;
use super::facts::{self, FileFacts, VarFact};
use super::navigation::{Definition, NameAt, Occurrence, name_at, resolve};
use super::profile_view::{self, ProfileView};
use super::workspace::ImportPaths;

/// At most this many dynamic operations are listed in a `def`'s hover.
const MAX_DYNAMIC_OPS: usize = 10;

/// A `command:` link that runs `molt.showIr` on the file at `path` (its argument, the
/// document URI, as a percent-encoded JSON array: how VS Code reads command links in a
/// trusted hover; other clients show the command's name next to it).
fn show_ir_link(path: &std::path::Path) -> String {
    let uri = tower_lsp_server::ls_types::Uri::from_file_path(path)
        .map(|u| u.as_str().to_string())
        .unwrap_or_else(|| path.display().to_string());
    let args = serde_json::json!([uri]).to_string();
    format!(
        "command:{}?{}",
        super::commands::SHOW_IR,
        percent_encoding::utf8_percent_encode(&args, percent_encoding::NON_ALPHANUMERIC)
    )
}

/// The hover text at byte `offset` of `file`, or `None` when there is nothing to say (no
/// name, no compiled operation and no profiled operation there, or a name that is not
/// defined).
pub fn hover(
    db: &dyn Db,
    file: SourceFile,
    offset: u32,
    paths: &ImportPaths,
    profile: Option<&ProfileView>,
) -> Option<String> {
    let parsed = parse(db, file);
    let module = parsed.parsed().syntax();
    let facts = facts::file_facts(db, file);
    let candidates = candidates(module, file.text(db), offset);
    let mut sections = Vec::new();
    // A name imported from another module (or a module's attribute): what it is there.
    let imported = cross_module::definition(db, file, offset, paths)
        .and_then(|(target, range)| imported_section(db, target, range));
    let imported_found = imported.is_some();
    sections.extend(imported);
    // An attribute of a class known from its receiver: where the class defines it.
    if !imported_found {
        sections.extend(
            super::attributes::definition(db, file, offset, paths)
                .map(|found| attribute_section(db, file, &found)),
        );
    }
    if let Some(at) = name_at(module, offset) {
        if let Some(definition) = resolve(module, &at).filter(|_| !imported_found) {
            sections.push(name_section(db, file, &at, &definition));
            match definition {
                Definition::Variable { range, .. } => {
                    sections.extend(facts.var_at(range).map(var_section));
                }
                Definition::Parameter { parameter, .. } => {
                    sections.extend(facts.var_at(parameter.name.range).map(var_section));
                }
                Definition::Function { def, .. } => {
                    let own_name = matches!(at.occurrence, Occurrence::FunctionName(_));
                    sections.extend(function_section(db, file, module, def, own_name));
                }
                Definition::Class(_) | Definition::Builtin => {}
            }
        }
        // The name of a callee: also say how the call is made.
        let name_range = candidates
            .iter()
            .find(|c| c.kind == Kind::Name)
            .map(|c| c.range);
        if let Some(call) = candidates.iter().find(|c| c.kind != Kind::Name)
            && name_range.is_some_and(|r| call.kind == Kind::Call(r))
        {
            sections.extend(expression_section(db, file, facts, call.range));
        }
    } else if let Some(section) = candidates
        .iter()
        .filter(|c| c.kind != Kind::Name)
        .find_map(|c| expression_section(db, file, facts, c.range))
    {
        sections.push(section);
    }
    if let Some(view) = profile {
        sections.extend(profile_view::hover_section(view, offset));
    }
    (!sections.is_empty()).then(|| sections.join("\n\n---\n\n"))
}

/// What an attribute is and where its class defines it: `(instance attribute) Vec.x`, the
/// method that assigns it, the file (when not `file`) and line.
fn attribute_section(
    db: &dyn Db,
    file: SourceFile,
    found: &super::attributes::AttributeDefinition,
) -> String {
    let text = found.file.text(db);
    let start = found.range.start().to_usize().min(text.len());
    let line = text[..start].matches('\n').count() + 1;
    let name = text
        .get(found.range.start().to_usize()..found.range.end().to_usize())
        .unwrap_or("?");
    let place = if found.file == file {
        format!("line {line}")
    } else {
        format!("`{}`, line {line}", found.file.path(db).display())
    };
    let how = match &found.method {
        Some(method) => format!("assigned in `{}.{method}`", found.class),
        None => format!("defined in the body of class `{}`", found.class),
    };
    format!(
        "```python\n({}) {}.{name}\n```\n\n{how} ({place})",
        found.kind, found.class
    )
}

/// What the definition at `range` of `target` (another module's file) is: its signature as
/// for a name of that file, and where it is; for a module (an empty range at 0), its file.
fn imported_section(db: &dyn Db, target: SourceFile, range: TextRange) -> Option<String> {
    let path = target.path(db).display().to_string();
    if range.is_empty() && range.start() == TextSize::new(0) {
        let name = target
            .path(db)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Some(format!(
            "```python
(module) {name}
```

module `{path}`"
        ));
    }
    let text = target.text(db);
    let name = text.get(range.start().to_usize()..range.end().to_usize())?;
    let parsed = parse(db, target);
    let module = parsed.parsed().syntax();
    let definition = super::navigation::module_binding(module, name)?;
    let at = NameAt {
        name,
        occurrence: Occurrence::Name,
        enclosing: Vec::new(),
    };
    Some(format!(
        "{}

in `{path}`",
        name_section(db, target, &at, &definition)
    ))
}

/// What the name at the cursor is (the signature of functions and classes as the compiler
/// understood them).
fn name_section(
    db: &dyn Db,
    file: SourceFile,
    at: &NameAt<'_>,
    definition: &Definition<'_>,
) -> String {
    let index = module_index(db, file);
    let code = |s: String| format!("```python\n{s}\n```");
    match *definition {
        Definition::Function { def, class, parent } => {
            let name = db.intern(def.name.as_str());
            let (kind, sig) = match (class, parent) {
                (Some(class), _) => {
                    let sig = index
                        .stable_class(db.intern(class.name.as_str()))
                        .and_then(|c| c.method(name));
                    (format!("method of class `{}`", class.name.as_str()), sig)
                }
                (None, Some(parent)) => (
                    format!("function nested in `{}`", parent.name.as_str()),
                    None,
                ),
                (None, None) => {
                    let sig = index.stable_function(name);
                    let kind = if sig.is_some() {
                        "function".to_owned()
                    } else {
                        "function (bound more than once: calls are not checked)".to_owned()
                    };
                    (kind, sig)
                }
            };
            let header = match sig {
                Some(sig) => signature(db, sig),
                None => format!("def {}(…)", def.name.as_str()),
            };
            let generator = if sig.is_some_and(|s| s.is_generator) {
                " (generator)"
            } else {
                ""
            };
            format!("{}\n\n{kind}{generator}", code(header))
        }
        Definition::Class(class) => {
            let info = index.stable_class(db.intern(class.name.as_str()));
            match info {
                Some(info) => format!(
                    "{}\n\n{}",
                    code(class_header(db, info)),
                    class_body(db, info)
                ),
                None => format!(
                    "{}\n\nclass",
                    code(format!("class {}", class.name.as_str()))
                ),
            }
        }
        Definition::Parameter {
            function,
            parameter,
        } => {
            let annotation = parameter_annotation(db, file, function, parameter);
            let name = parameter.name.as_str();
            let line = match annotation {
                Some(a) => format!("(parameter) {name}: {a}"),
                None => format!("(parameter) {name}"),
            };
            format!(
                "{}\n\nparameter of `{}`",
                code(line),
                function.name.as_str()
            )
        }
        Definition::Variable {
            function, class, ..
        } => {
            let what = match (function, class) {
                (Some(f), _) => format!("local variable of `{}`", f.name.as_str()),
                (None, Some(c)) => format!("class attribute of `{}`", c.name.as_str()),
                (None, None) => {
                    if index.rebound.contains(&db.intern(at.name)) {
                        "global variable (bound more than once)".to_owned()
                    } else {
                        "global variable".to_owned()
                    }
                }
            };
            let tag = if function.is_some() {
                "local"
            } else {
                "global"
            };
            format!("{}\n\n{what}", code(format!("({tag}) {}", at.name)))
        }
        Definition::Builtin => format!("{}\n\nbuiltin", code(format!("(builtin) {}", at.name))),
    }
}

/// `def name(params) -> returns`, with the annotations the compiler understood.
pub fn signature(db: &dyn Db, sig: &FunctionSig) -> String {
    let mut parts = Vec::new();
    let mut saw_star = false;
    let last_positional_only = sig
        .params
        .iter()
        .rposition(|p| p.kind == ParamKind::PositionalOnly);
    for (i, p) in sig.params.iter().enumerate() {
        let name = db.resolve(p.name);
        let mut part = match p.kind {
            ParamKind::VarArgs => {
                saw_star = true;
                format!("*{name}")
            }
            ParamKind::KwArgs => format!("**{name}"),
            ParamKind::KeywordOnly if !saw_star => {
                saw_star = true;
                parts.push("*".to_owned());
                name.to_owned()
            }
            _ => name.to_owned(),
        };
        if let Some(a) = p.annotation.as_ref().and_then(|a| annotation(db, a)) {
            part.push_str(": ");
            part.push_str(&a);
        }
        if p.has_default {
            part.push_str(if p.annotation.is_some() {
                " = …"
            } else {
                "=…"
            });
        }
        parts.push(part);
        if Some(i) == last_positional_only {
            parts.push("/".to_owned());
        }
    }
    let returns = sig
        .returns
        .as_ref()
        .and_then(|a| annotation(db, a))
        .map(|a| format!(" -> {a}"))
        .unwrap_or_default();
    format!(
        "def {}({}){returns}",
        db.resolve(sig.name),
        parts.join(", ")
    )
}

/// An annotation as the compiler understood it; `None` for one it makes no assumption
/// about.
fn annotation(db: &dyn Db, a: &Annotation) -> Option<String> {
    Some(match a {
        Annotation::Int => "int".into(),
        Annotation::Float => "float".into(),
        Annotation::Bool => "bool".into(),
        Annotation::Str => "str".into(),
        Annotation::None => "None".into(),
        Annotation::List(e) => match annotation(db, e) {
            Some(e) => format!("list[{e}]"),
            None => "list".into(),
        },
        Annotation::Set(e) => match annotation(db, e) {
            Some(e) => format!("set[{e}]"),
            None => "set".into(),
        },
        Annotation::Dict(k, v) => match (annotation(db, k), annotation(db, v)) {
            (None, None) => "dict".into(),
            (k, v) => format!(
                "dict[{}, {}]",
                k.unwrap_or_else(|| "object".into()),
                v.unwrap_or_else(|| "object".into())
            ),
        },
        Annotation::Tuple(items) => format!(
            "tuple[{}]",
            items
                .iter()
                .map(|i| annotation(db, i).unwrap_or_else(|| "object".into()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Annotation::Class(name) => db.resolve(*name).to_owned(),
        Annotation::Other => return None,
    })
}

fn class_header(db: &dyn Db, info: &ClassInfo) -> String {
    match info.base {
        Some(base) => format!("class {}({})", db.resolve(info.name), db.resolve(base)),
        None => format!("class {}", db.resolve(info.name)),
    }
}

fn class_body(db: &dyn Db, info: &ClassInfo) -> String {
    let mut out = String::from("class");
    if !info.fields.is_empty() {
        let fields: Vec<_> = info
            .fields
            .iter()
            .map(|f| format!("`{}`", db.resolve(*f)))
            .collect();
        out.push_str(&format!("\n\nfields: {}", fields.join(", ")));
    }
    if !info.methods.is_empty() {
        let methods: Vec<_> = info
            .methods
            .iter()
            .map(|m| format!("`{}`", db.resolve(m.name)))
            .collect();
        out.push_str(&format!("\n\nmethods: {}", methods.join(", ")));
    }
    out
}

/// The annotation of `parameter`, from the module index when `function` is a module-level
/// function or a method (what the compiler assumes), else from the source text.
fn parameter_annotation(
    db: &dyn Db,
    file: SourceFile,
    function: &ast::StmtFunctionDef,
    parameter: &ast::Parameter,
) -> Option<String> {
    let index = module_index(db, file);
    let fname = db.intern(function.name.as_str());
    let pname = db.intern(parameter.name.as_str());
    let from_index = index
        .stable_function(fname)
        .into_iter()
        .chain(index.classes.iter().filter_map(|c| c.method(fname)))
        .find_map(|sig| sig.params.iter().find(|p| p.name == pname))
        .and_then(|p| p.annotation.as_ref());
    match from_index {
        Some(a) => annotation(db, a),
        None => {
            let text = file.text(db);
            let range = ruff_text_size::Ranged::range(parameter.annotation.as_deref()?);
            text.get(range.start().to_usize()..range.end().to_usize())
                .map(str::to_owned)
        }
    }
}

/// What a candidate range of the hover is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A name expression.
    Name,
    /// A call whose callee has this range.
    Call(TextRange),
    /// Any other expression, an augmented assignment, or a `for` header.
    Other,
}

/// A syntax node around the hover offset.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    range: TextRange,
    kind: Kind,
}

/// The expressions (and augmented assignments, and `for` statements whose header the offset
/// is in) containing `offset`, innermost first.
fn candidates(module: &ModModule, text: &str, offset: u32) -> Vec<Candidate> {
    let mut finder = CandidateFinder {
        offset: TextSize::new(offset.min(text.len() as u32)),
        found: Vec::new(),
    };
    finder.visit_body(&module.body);
    finder.found.reverse();
    finder.found
}

struct CandidateFinder {
    offset: TextSize,
    found: Vec<Candidate>,
}

impl<'a> Visitor<'a> for CandidateFinder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if !stmt.range().contains_inclusive(self.offset) {
            return;
        }
        match stmt {
            Stmt::AugAssign(s) => self.found.push(Candidate {
                range: s.range,
                kind: Kind::Other,
            }),
            Stmt::For(s) => {
                let header_end = s.body.first().map_or(s.range.end(), |b| b.range().start());
                if self.offset < header_end {
                    self.found.push(Candidate {
                        range: s.range,
                        kind: Kind::Other,
                    });
                }
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if !expr.range().contains_inclusive(self.offset) {
            return;
        }
        let kind = match expr {
            Expr::Name(_) => Kind::Name,
            Expr::Call(call) => Kind::Call(call.func.range()),
            _ => Kind::Other,
        };
        self.found.push(Candidate {
            range: expr.range(),
            kind,
        });
        visitor::walk_expr(self, expr);
    }
}

/// The inferred type and lane of a variable or parameter.
fn var_section(var: &VarFact) -> String {
    let ty = var.ty.as_ref().and_then(facts::python_type);
    let head = match (ty, var.lane) {
        (Some(ty), Some(lane)) => format!("**inferred:** `{ty}` · {lane}\n\n"),
        (Some(ty), None) => format!("**inferred:** `{ty}`\n\n"),
        (None, _) => String::new(),
    };
    format!("{head}{}", facts::describe(var))
}

/// The operations the compiler made of the expression at `range`, and the remarks there;
/// `None` when it has no operation with a lane or a type there.
fn expression_section(
    db: &dyn Db,
    file: SourceFile,
    facts: &FileFacts,
    range: TextRange,
) -> Option<String> {
    // Operations with a lane: constants and bookkeeping have nothing to say.
    let ops: Vec<_> = facts.ops_at(range).filter(|o| o.lane.is_some()).collect();
    if ops.is_empty() {
        return None;
    }
    let text = file.text(db);
    let snippet = text.get(range.to_std_range()).unwrap_or_default();
    let first_line = snippet.lines().next().unwrap_or_default();
    let mut shown: String = first_line.chars().take(60).collect();
    if shown.len() < snippet.len() {
        shown.push('…');
    }
    let mut out = format!("```python\n{shown}\n```\n");
    for op in &ops {
        let ty = op.ty.as_ref().and_then(facts::python_type);
        let mut line = format!("- `{}`", op.op);
        if let Some(ty) = ty {
            line.push_str(&format!(" → `{ty}`"));
        }
        if let Some(lane) = op.lane {
            line.push_str(&format!(" · **{lane}**"));
        }
        if let Some(reason) = &op.reason {
            line.push_str(&format!(": {reason}"));
        }
        out.push_str(&line);
        out.push('\n');
    }
    let report = molt_driver::report::file_report_ref(db, file);
    let mut messages: Vec<String> = Vec::new();
    for r in &report.remarks {
        if r.location.start == range.start().to_u32() && r.location.end == range.end().to_u32() {
            let line = format!("- `{}` ({}): {}", r.name, r.kind, r.message);
            if !messages.contains(&line) {
                messages.push(line);
            }
        }
    }
    if !messages.is_empty() {
        out.push_str("\n**remarks**\n\n");
        out.push_str(&messages.join("\n"));
        out.push('\n');
    }
    Some(out.trim_end().to_owned())
}

/// The lowering coverage of the function `def` (and, on its own name, the dynamic
/// operations, remark counts and a link to its optimized MIR); `None` when the compiler has no function for it.
fn function_section(
    db: &dyn Db,
    file: SourceFile,
    module: &ModModule,
    def: &ast::StmtFunctionDef,
    full: bool,
) -> Option<String> {
    let qualname = facts::defs(module)
        .into_iter()
        .find(|(_, d, _)| std::ptr::eq(*d, def))
        .map(|(q, _, _)| q)?;
    let report = molt_driver::report::file_report_ref(db, file);
    let coverage = report.coverage.iter().find(|c| c.function == qualname)?;
    let counts = coverage.counts();
    let lanes = Lane::ALL
        .iter()
        .map(|&l| format!("{l} {}", counts.get(l)))
        .collect::<Vec<_>>()
        .join(" · ");
    let remarks: Vec<_> = report
        .remarks
        .iter()
        .filter(|r| r.function == qualname)
        .collect();
    let missed = remarks
        .iter()
        .filter(|r| r.kind == RemarkKind::Missed)
        .count();
    let mut out = format!(
        "**coverage {:.0}%** ({lanes}) · {} {}, {missed} missed",
        coverage.score().floor(),
        remarks.len(),
        if remarks.len() == 1 {
            "remark"
        } else {
            "remarks"
        }
    );
    if !full {
        return Some(out);
    }
    let dynamic: Vec<_> = coverage.dynamic_ops().collect();
    if !dynamic.is_empty() {
        out.push_str("\n\n**dynamic operations**\n");
        for op in dynamic.iter().take(MAX_DYNAMIC_OPS) {
            out.push_str(&format!(
                "\n- line {}: `{}`: {}",
                op.location.start_pos.line,
                op.op,
                op.reason.as_deref().unwrap_or("generic dispatch")
            ));
        }
        if dynamic.len() > MAX_DYNAMIC_OPS {
            out.push_str(&format!(
                "\n- … {} more (the full IR lists every operation)",
                dynamic.len() - MAX_DYNAMIC_OPS
            ));
        }
    }
    let kinds: Vec<String> = [
        RemarkKind::Missed,
        RemarkKind::Applied,
        RemarkKind::Analysis,
    ]
    .into_iter()
    .filter_map(|kind| {
        let n = remarks.iter().filter(|r| r.kind == kind).count();
        (n > 0).then(|| format!("{n} {kind}"))
    })
    .collect();
    if !kinds.is_empty() {
        out.push_str(&format!("\n\n**remarks:** {}", kinds.join(" · ")));
    }
    let instructions = molt_driver::report::located_functions(db, file)
        .into_iter()
        .find(|f| *f.optimized.func.name == *qualname)
        .map(|f| f.optimized.func.insts.len());
    if let Some(n) = instructions {
        out.push_str(&format!(
            "\n\n[Show optimized IR]({}) ({n} instructions; command `{}`)",
            show_ir_link(file.path(db)),
            super::commands::SHOW_IR
        ));
    }
    Some(out)
}
