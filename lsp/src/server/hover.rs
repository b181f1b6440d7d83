//! Hover text (Markdown) for the name at a position: what it is, and for functions and
//! classes their signature as the compiler understood it (from the module index).
//!
//! Extend [`hover`] with more sections (inferred type, lane, remarks at the site, a
//! function's coverage summary and optimized MIR): it gets the database and the byte offset,
//! and returns the whole Markdown text.

use molt_db::{Db, SourceFile, parse};
use molt_semantic::index::{Annotation, ClassInfo, FunctionSig, ParamKind, module_index};
use ruff_python_ast as ast;

use super::navigation::{Definition, name_at, resolve};

/// The hover text at byte `offset` of `file`, or `None` when there is nothing to say (no
/// name there, or a name that is not defined).
pub fn hover(db: &dyn Db, file: SourceFile, offset: u32) -> Option<String> {
    let parsed = parse(db, file);
    let module = parsed.parsed().syntax();
    let at = name_at(module, offset)?;
    let definition = resolve(module, &at)?;
    let index = module_index(db, file);
    let code = |s: String| format!("```python\n{s}\n```");
    Some(match definition {
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
    })
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
