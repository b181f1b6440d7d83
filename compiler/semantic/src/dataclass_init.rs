//! The `__init__` the compiler writes for a `@dataclass` class.
//!
//! molt's `dataclasses` (`stdlib/dataclasses.py`) builds a dataclass's `__init__` at run
//! time as a closure taking `*args, **kwargs` that binds them itself and stores each field
//! with `setattr`: correct, but slow, and opaque to the optimizer. For a class simple enough
//! that the compiler knows what that `__init__` does, it writes the method itself, as
//! Python source: a `def __init__(self, x: float, y=0.5)` storing `self.x = x` per field
//! and calling `self.__post_init__()` when the body defines one. The method is then an
//! ordinary item of the class (lowered, optimized and compiled like a written one: direct
//! construction, fixed-layout slots), and its argument errors are CPython's, raised by the
//! call itself.
//!
//! The class body also gets a marker, `__molt_dataclass_init__ = (('x', 'y', ), True)` (the
//! fields the method takes, in order, and whether it calls `__post_init__`), which
//! `dataclasses` removes before anything can see it: when the fields it finds are those, it
//! keeps the compiled method (moved to where CPython's `dataclass` adds its own, after
//! `__dataclass_fields__`, and with the class docstring CPython derives from its signature);
//! otherwise (an annotation that an alias made a `ClassVar`, say) it drops the method and
//! generates its own, so a wrong guess is only slower.
//!
//! Eligible (anything else keeps the generated closure):
//! - one decorator, `dataclass`, `dataclass()` or `dataclasses.dataclass` (with or without
//!   a call), whose keywords are among `eq`, `order`, `repr`, `unsafe_hash`, `match_args`
//!   with a literal bool, or `init=True`; the name bound exactly once in the module, by a
//!   top-level `from dataclasses import dataclass` (or `import dataclasses`), in a module
//!   without `from m import *`;
//! - no base other than `object` (not rebound), no class keywords;
//! - a body of a docstring, `pass`, `...`, fields `name: ann` or `name: ann = literal`
//!   (int, float, str, `None`, bool, a negated number), methods (`def`, not `__init__`, not
//!   a field's name), and plain assignments to other names that are not dunder names; no
//!   field annotation mentioning `ClassVar`, `InitVar` or `KW_ONLY`, no field named `self`
//!   or with a private (mangled) name, no field without a default after one with, no field
//!   twice; the first body statement on its own line.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

/// The class attribute that tells `dataclasses` the class's `__init__` is the compiler's.
pub const MARKER: &str = "__molt_dataclass_init__";

/// One field of an eligible dataclass, as the compiled `__init__` takes it.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct DataclassField {
    /// The field's (and parameter's) name.
    pub name: String,
    /// `int`, `float`, `bool` or `str` when the field is annotated with that name: the
    /// parameter gets the annotation, which the optimizer uses as a checked hint.
    pub annotation: Option<&'static str>,
    /// The default's source text (a literal), if any.
    pub default: Option<String>,
}

/// The compiled `__init__` of an eligible dataclass (see the module docs). Position-free.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct DataclassInit {
    /// The fields in order.
    pub fields: Vec<DataclassField>,
    /// The class body defines `__post_init__` (with `def`).
    pub post_init: bool,
}

/// How the decorator names `dataclasses.dataclass`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum DecoratorName {
    /// `dataclass` (a name bound by `from dataclasses import dataclass [as name]`).
    Name(String),
    /// `dataclasses.dataclass` (the name bound by `import dataclasses [as name]`).
    Module(String),
}

impl DataclassInit {
    /// `def __init__(self, x: float, y=0.5)`, without the colon.
    fn header(&self) -> String {
        let mut out = String::from("def __init__(self");
        for f in &self.fields {
            out.push_str(", ");
            out.push_str(&f.name);
            if let Some(a) = f.annotation {
                out.push_str(": ");
                out.push_str(a);
            }
            if let Some(d) = &f.default {
                out.push_str(if f.annotation.is_some() { " = " } else { "=" });
                out.push_str(d);
            }
        }
        out.push(')');
        out
    }

    /// The method's source as a method item: indented by four spaces, with its body.
    pub fn item_text(&self) -> String {
        let mut out = format!("    {}:\n", self.header());
        for f in &self.fields {
            out.push_str(&format!("        self.{0} = {0}\n", f.name));
        }
        if self.post_init {
            out.push_str("        self.__post_init__()\n");
        }
        if self.fields.is_empty() && !self.post_init {
            out.push_str("        pass\n");
        }
        // Item texts end where the last statement ends.
        out.pop();
        out
    }

    /// The method's `def` statement, parsed from [`Self::item_text`] (positions
    /// meaningless): what the module index reads as if the class body had it.
    pub fn parsed_def(&self) -> Option<ast::StmtFunctionDef> {
        let parsed = molt_db::parse_python(&format!("if 1:\n{}\n", self.item_text()));
        let Some(Stmt::If(i)) = parsed.into_syntax().body.into_iter().next() else {
            return None;
        };
        match i.body.into_iter().next() {
            Some(Stmt::FunctionDef(def)) => Some(def),
            _ => None,
        }
    }

    /// The statements the module skeleton adds at the end of the class body (each line
    /// starting with a newline and `indent`): the method with its body elided, then the
    /// marker.
    pub fn skeleton_text(&self, indent: &str) -> String {
        let names: Vec<String> = self
            .fields
            .iter()
            .map(|f| format!("'{}', ", f.name))
            .collect();
        format!(
            "\n{indent}{}: ...\n{indent}{MARKER} = (({}), {})",
            self.header(),
            names.concat(),
            if self.post_init { "True" } else { "False" }
        )
    }
}

/// The names a module binds to `dataclasses.dataclass` (`from dataclasses import
/// dataclass [as n]`) and to the module `dataclasses` (`import dataclasses [as m]`) in its
/// top-level statements.
pub fn dataclass_imports(body: &[Stmt]) -> (Vec<String>, Vec<String>) {
    let mut names = Vec::new();
    let mut modules = Vec::new();
    for stmt in body {
        match stmt {
            Stmt::ImportFrom(i)
                if i.level == 0
                    && i.module
                        .as_ref()
                        .is_some_and(|m| m.as_str() == "dataclasses") =>
            {
                for a in &i.names {
                    if a.name.as_str() == "dataclass" {
                        names.push(a.asname.as_ref().unwrap_or(&a.name).as_str().to_owned());
                    }
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    if a.name.as_str() == "dataclasses" {
                        modules.push(a.asname.as_ref().unwrap_or(&a.name).as_str().to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    (names, modules)
}

/// The compiled `__init__` of `class` if its shape is eligible (see the module docs), with
/// the name its decorator uses, which the caller checks is bound once to `dataclasses`'
/// function; `text` is the file's text. `None` for a class that is not eligible.
pub fn candidate(class: &ast::StmtClassDef, text: &str) -> Option<(DataclassInit, DecoratorName)> {
    let [decorator] = class.decorator_list.as_slice() else {
        return None;
    };
    let decorator_name = decorator_name(&decorator.expression)?;
    if let Some(args) = class.arguments.as_deref() {
        if !args.keywords.is_empty() || args.args.len() > 1 {
            return None;
        }
        if let Some(base) = args.args.first() {
            // `object`: the caller checks the module does not bind it.
            if !matches!(base, Expr::Name(n) if n.id.as_str() == "object") {
                return None;
            }
        }
    }
    // The first statement on its own line: the skeleton adds statements with its indent.
    let first = class.body.first()?;
    let start = first.range().start().to_usize();
    let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    if !text
        .get(line_start..start)?
        .chars()
        .all(|c| c == ' ' || c == '\t')
    {
        return None;
    }
    let mut fields: Vec<DataclassField> = Vec::new();
    let mut others: Vec<&str> = Vec::new();
    let mut post_init = false;
    for (i, stmt) in class.body.iter().enumerate() {
        match stmt {
            Stmt::Pass(_) => {}
            Stmt::Expr(e)
                if matches!(&*e.value, Expr::EllipsisLiteral(_))
                    || (i == 0 && matches!(&*e.value, Expr::StringLiteral(_))) => {}
            Stmt::AnnAssign(a) => {
                let Expr::Name(n) = &*a.target else {
                    return None;
                };
                if !a.simple {
                    return None;
                }
                let name = n.id.as_str();
                if name == "self" || name.starts_with("__") || fields.iter().any(|f| f.name == name)
                {
                    return None;
                }
                let ann_text = text.get(a.annotation.range().to_std_range())?;
                if ["ClassVar", "InitVar", "KW_ONLY"]
                    .iter()
                    .any(|w| ann_text.contains(w))
                {
                    return None;
                }
                let default = match a.value.as_deref() {
                    None => {
                        if fields.iter().any(|f| f.default.is_some()) {
                            return None;
                        }
                        None
                    }
                    Some(v) if is_literal(v) => {
                        let t = text.get(v.range().to_std_range())?;
                        if t.contains(['\n', '\r']) {
                            return None;
                        }
                        Some(t.to_owned())
                    }
                    Some(_) => return None,
                };
                let annotation = match &*a.annotation {
                    Expr::Name(t) => match t.id.as_str() {
                        "int" => Some("int"),
                        "float" => Some("float"),
                        "bool" => Some("bool"),
                        "str" => Some("str"),
                        _ => None,
                    },
                    _ => None,
                };
                fields.push(DataclassField {
                    name: name.to_owned(),
                    annotation,
                    default,
                });
            }
            Stmt::FunctionDef(def) => {
                let name = def.name.as_str();
                if name == "__init__" || name == MARKER {
                    return None;
                }
                if name == "__post_init__" {
                    post_init = true;
                }
                others.push(name);
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    let Expr::Name(n) = t else {
                        return None;
                    };
                    if n.id.as_str().starts_with("__") {
                        return None;
                    }
                    others.push(n.id.as_str());
                }
            }
            _ => return None,
        }
    }
    if fields.iter().any(|f| others.contains(&f.name.as_str())) {
        return None;
    }
    Some((DataclassInit { fields, post_init }, decorator_name))
}

/// The name of `dataclass`'s decorator expression, when its arguments are eligible.
fn decorator_name(expr: &Expr) -> Option<DecoratorName> {
    let callee = match expr {
        Expr::Call(call) => {
            if !call.arguments.args.is_empty() {
                return None;
            }
            for k in &call.arguments.keywords {
                let name = k.arg.as_ref()?.as_str();
                let Expr::BooleanLiteral(b) = &k.value else {
                    return None;
                };
                match name {
                    "eq" | "order" | "repr" | "unsafe_hash" | "match_args" => {}
                    "init" if b.value => {}
                    _ => return None,
                }
            }
            &*call.func
        }
        e => e,
    };
    match callee {
        Expr::Name(n) => Some(DecoratorName::Name(n.id.as_str().to_owned())),
        Expr::Attribute(a) if a.attr.as_str() == "dataclass" => match &*a.value {
            Expr::Name(m) => Some(DecoratorName::Module(m.id.as_str().to_owned())),
            _ => None,
        },
        _ => None,
    }
}

/// An int, float, string, `None` or bool literal, or a negated number.
fn is_literal(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(n) => !matches!(n.value, ast::Number::Complex { .. }),
        Expr::StringLiteral(_) | Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) => true,
        Expr::UnaryOp(u) => {
            u.op == ast::UnaryOp::USub
                && matches!(&*u.operand, Expr::NumberLiteral(n) if !matches!(n.value, ast::Number::Complex { .. }))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_class(src: &str) -> Option<(DataclassInit, DecoratorName)> {
        let parsed = molt_db::parse_python(src);
        parsed.syntax().body.iter().find_map(|s| match s {
            Stmt::ClassDef(c) => candidate(c, src),
            _ => None,
        })
    }

    #[test]
    fn eligible_shapes_and_text() {
        let (init, name) = first_class(
            "@dataclass\nclass V:\n    \"doc\"\n    x: float\n    y: 'int' = -1\n    def __post_init__(self): pass\n",
        )
        .expect("eligible");
        assert_eq!(name, DecoratorName::Name("dataclass".into()));
        assert!(init.post_init);
        assert_eq!(
            init.item_text(),
            "    def __init__(self, x: float, y=-1):\n        self.x = x\n        self.y = y\n        self.__post_init__()"
        );
        assert_eq!(
            init.skeleton_text("  "),
            "\n  def __init__(self, x: float, y=-1): ...\n  __molt_dataclass_init__ = (('x', 'y', ), True)"
        );
        let (_, name) =
            first_class("@dataclasses.dataclass(eq=False, order=True)\nclass V:\n    x: int\n")
                .expect("eligible");
        assert_eq!(name, DecoratorName::Module("dataclasses".into()));
        let (init, _) = first_class("@dataclass()\nclass E:\n    pass\n").expect("eligible");
        assert_eq!(init.item_text(), "    def __init__(self):\n        pass");
    }

    #[test]
    fn ineligible_shapes() {
        for src in [
            "@dataclass(frozen=True)\nclass V:\n    x: int\n",
            "@dataclass(init=False)\nclass V:\n    x: int\n",
            "@dataclass(slots=True)\nclass V:\n    x: int\n",
            "@dataclass(eq=flag)\nclass V:\n    x: int\n",
            "@dataclass\nclass V(B):\n    x: int\n",
            "@dataclass\nclass V: x: int\n",
            "@dataclass\nclass V:\n    x: int = 0\n    y: int\n",
            "@dataclass\nclass V:\n    x: list = []\n",
            "@dataclass\nclass V:\n    x: ClassVar[int] = 0\n",
            "@dataclass\nclass V:\n    x: 'InitVar[int]'\n",
            "@dataclass\nclass V:\n    x: int = field(default=0)\n",
            "@dataclass\nclass V:\n    self: int\n",
            "@dataclass\nclass V:\n    __x: int\n",
            "@dataclass\nclass V:\n    x: int\n    def __init__(self): pass\n",
            "@dataclass\nclass V:\n    x: int\n    def x(self): pass\n",
            "@dataclass\nclass V:\n    x: int\n    x = 3\n",
            "@dataclass\nclass V:\n    x: int\n    if True: pass\n",
            "@other\n@dataclass\nclass V:\n    x: int\n",
            "class V:\n    x: int\n",
        ] {
            assert!(first_class(src).is_none(), "{src}");
        }
    }
}
