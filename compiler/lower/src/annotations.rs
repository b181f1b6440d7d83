//! `from __future__ import annotations` (PEP 563): module and class annotations are stored
//! as strings, never evaluated. The string is CPython 3.11's unparsing of the annotation's
//! tree (`Python/ast_unparse.c`), which normalizes spacing and quotes (`Dict[str,int]`
//! becomes `'Dict[str, int]'`); this module reproduces it for the forms annotations use.

use ruff_python_ast::{self as ast, Expr, Number, Operator, Stmt};

/// Whether `body` (a module) starts with a future statement enabling `annotations` (future
/// statements may follow only the docstring and each other).
pub fn has_future_annotations(body: &[Stmt]) -> bool {
    for (i, stmt) in body.iter().enumerate() {
        match stmt {
            Stmt::Expr(e) if i == 0 && e.value.is_string_literal_expr() => continue,
            Stmt::ImportFrom(ast::StmtImportFrom {
                module: Some(m),
                names,
                level: 0,
                ..
            }) if m.as_str() == "__future__" => {
                if names.iter().any(|a| a.name.as_str() == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// CPython's string for annotation `expr` under PEP 563; `None` for a form this unparser
/// does not cover (the caller reports it, so no program prints another string).
pub fn unparse_annotation(expr: &Expr) -> Option<String> {
    let mut out = String::new();
    unparse(expr, &mut out).then_some(out)
}

fn unparse(expr: &Expr, out: &mut String) -> bool {
    match expr {
        Expr::Name(n) => out.push_str(n.id.as_str()),
        Expr::Attribute(a) => {
            if !matches!(&*a.value, Expr::Name(_) | Expr::Attribute(_)) {
                return false;
            }
            if !unparse(&a.value, out) {
                return false;
            }
            out.push('.');
            out.push_str(a.attr.as_str());
        }
        Expr::Subscript(s) => {
            if !matches!(
                &*s.value,
                Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)
            ) || !unparse(&s.value, out)
            {
                return false;
            }
            out.push('[');
            match &*s.slice {
                Expr::Tuple(t) if !t.elts.is_empty() => {
                    if !sequence(&t.elts, out) {
                        return false;
                    }
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                }
                other => {
                    if !unparse(other, out) {
                        return false;
                    }
                }
            }
            out.push(']');
        }
        Expr::List(l) => {
            out.push('[');
            if !sequence(&l.elts, out) {
                return false;
            }
            out.push(']');
        }
        Expr::Tuple(t) => {
            out.push('(');
            if !sequence(&t.elts, out) {
                return false;
            }
            if t.elts.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Expr::BinOp(b) if b.op == Operator::BitOr => {
            // `|` is left-associative: a nested `|` on the left needs no parentheses.
            let simple = |e: &Expr| {
                matches!(
                    e,
                    Expr::Name(_)
                        | Expr::Attribute(_)
                        | Expr::Subscript(_)
                        | Expr::NoneLiteral(_)
                        | Expr::StringLiteral(_)
                )
            };
            let left_ok =
                simple(&b.left) || matches!(&*b.left, Expr::BinOp(l) if l.op == Operator::BitOr);
            if !left_ok || !simple(&b.right) || !unparse(&b.left, out) {
                return false;
            }
            out.push_str(" | ");
            if !unparse(&b.right, out) {
                return false;
            }
        }
        Expr::NoneLiteral(_) => out.push_str("None"),
        Expr::BooleanLiteral(b) => out.push_str(if b.value { "True" } else { "False" }),
        Expr::EllipsisLiteral(_) => out.push_str("..."),
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => match i.as_u64() {
                Some(v) => out.push_str(&v.to_string()),
                None => return false,
            },
            _ => return false,
        },
        Expr::StringLiteral(s) => match python_str_repr(s.value.to_str()) {
            Some(r) => out.push_str(&r),
            None => return false,
        },
        _ => return false,
    }
    true
}

fn sequence(items: &[Expr], out: &mut String) -> bool {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if !unparse(item, out) {
            return false;
        }
    }
    true
}

/// `repr()` of a str of printable ASCII (`None` otherwise): single quotes unless the text
/// has a single quote and no double quote, as CPython's `unicode_repr`.
fn python_str_repr(text: &str) -> Option<String> {
    if !text.chars().all(|c| (' '..='~').contains(&c)) {
        return None;
    }
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in text.chars() {
        if c == quote || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push(quote);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unparsed(source: &str) -> Option<String> {
        let parsed = ruff_python_parser::parse_expression(source).expect("parses");
        unparse_annotation(parsed.expr())
    }

    #[test]
    fn unparses_as_cpython() {
        // Expected strings from CPython 3.11 (`from __future__ import annotations`).
        assert_eq!(unparsed("Dict[str,int]").as_deref(), Some("Dict[str, int]"));
        assert_eq!(
            unparsed("Optional[ \"Node\" ]").as_deref(),
            Some("Optional['Node']")
        );
        assert_eq!(
            unparsed("Callable[[int, str], None]").as_deref(),
            Some("Callable[[int, str], None]")
        );
        assert_eq!(
            unparsed("int|None|str").as_deref(),
            Some("int | None | str")
        );
        assert_eq!(
            unparsed("t.Tuple[int, ...]").as_deref(),
            Some("t.Tuple[int, ...]")
        );
        assert_eq!(unparsed("Tuple[()]").as_deref(), Some("Tuple[()]"));
        assert_eq!(
            unparsed("Literal[\"it's\"]").as_deref(),
            Some("Literal[\"it's\"]")
        );
        assert_eq!(unparsed("x[1,]").as_deref(), Some("x[1,]"));
        assert_eq!(unparsed("f(x)"), None);
    }
}
