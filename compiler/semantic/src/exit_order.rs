//! The `exit-finalization-order` warning: a finalizer whose run at program exit may come in
//! another order than CPython's.
//!
//! At exit, CPython's cycle collector finalizes the objects still alive in the order its
//! generation lists hold them; the runtime reproduces that order from creation stamps and a
//! scan from the globals (`runtime/src/finalize.rs`), which differs from CPython when several
//! containers each hold objects made before them (`docs/semantics.md`, "Known differences").
//! The language reference does not define this order, and the program cannot ask for it, so
//! the build goes on; but the difference must not be silent: every `def __del__` in a class
//! body is reported, since any instance of the class may still be alive at exit, and so is
//! every generator function with a `finally`, an `except` or a `with` (code that runs when a
//! generator suspended inside it is closed at exit).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use crate::{Diagnostic, DiagnosticCode, Severity};

/// The message of every `exit-finalization-order` warning.
pub const MESSAGE: &str = "`__del__` of instances still alive when the program ends may run in another order than under CPython: molt finalizes them in its approximation of the order CPython's cycle collector finds them at exit (the language does not define it); release such objects before the end (`del`, `with`, an explicit `close()`) where the order matters";

/// The message of the warning at a generator function.
pub const GENERATOR_MESSAGE: &str = "a generator of this function still suspended when the program ends is closed (its `finally`/`except`/`with` code runs) in an order that may differ from CPython's: molt closes them in its approximation of the order CPython's cycle collector finds them at exit (the language does not define it); close such generators before the end where the order matters";

/// One `exit-finalization-order` warning (severity `Warning`, never blocking) at the name of
/// each `def __del__` of a class body of `module`, classes nested in statements included,
/// in source order.
pub fn exit_order_warnings(module: &ast::ModModule) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(&module.body, false, &mut out);
    out
}

fn walk(body: &[Stmt], in_class: bool, out: &mut Vec<Diagnostic>) {
    for s in body {
        match s {
            Stmt::FunctionDef(f) => {
                if in_class && f.name.as_str() == "__del__" {
                    out.push(Diagnostic {
                        range: f.name.range(),
                        code: DiagnosticCode::ExitFinalizationOrder,
                        severity: Severity::Warning,
                        message: MESSAGE.to_owned(),
                    });
                }
                if is_generator_with_cleanup(&f.body) {
                    out.push(Diagnostic {
                        range: f.name.range(),
                        code: DiagnosticCode::ExitFinalizationOrder,
                        severity: Severity::Warning,
                        message: GENERATOR_MESSAGE.to_owned(),
                    });
                }
                walk(&f.body, false, out);
            }
            Stmt::ClassDef(c) => walk(&c.body, true, out),
            Stmt::If(i) => {
                walk(&i.body, in_class, out);
                for c in &i.elif_else_clauses {
                    walk(&c.body, in_class, out);
                }
            }
            Stmt::For(f) => {
                walk(&f.body, in_class, out);
                walk(&f.orelse, in_class, out);
            }
            Stmt::While(w) => {
                walk(&w.body, in_class, out);
                walk(&w.orelse, in_class, out);
            }
            Stmt::With(w) => walk(&w.body, in_class, out),
            Stmt::Try(t) => {
                walk(&t.body, in_class, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    walk(&h.body, in_class, out);
                }
                walk(&t.orelse, in_class, out);
                walk(&t.finalbody, in_class, out);
            }
            _ => {}
        }
    }
}

/// Whether a function body yields and has code that closing it runs (`try` with handlers
/// or `finally`, `with`), not counting nested functions, lambdas and classes.
fn is_generator_with_cleanup(body: &[Stmt]) -> bool {
    let mut f = Finder::default();
    f.visit_body(body);
    f.yields && f.cleanup
}

#[derive(Default)]
struct Finder {
    yields: bool,
    cleanup: bool,
}

impl<'a> Visitor<'a> for Finder {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::With(_) => {
                self.cleanup = true;
                visitor::walk_stmt(self, s);
            }
            Stmt::Try(t) => {
                self.cleanup |= !t.handlers.is_empty() || !t.finalbody.is_empty();
                visitor::walk_stmt(self, s);
            }
            _ => visitor::walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Lambda(_) => {}
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                self.yields = true;
                visitor::walk_expr(self, e);
            }
            _ => visitor::walk_expr(self, e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(src: &str) -> Vec<usize> {
        let parsed = ruff_python_parser::parse_module(src).expect("valid test source");
        exit_order_warnings(parsed.syntax())
            .iter()
            .map(|d| src[..d.range.start().to_usize()].matches('\n').count() + 1)
            .collect()
    }

    #[test]
    fn warns_at_each_del_of_a_class_body() {
        let src = "class A:\n    def __del__(self): pass\nclass B:\n    if 1:\n        def __del__(self): pass\n    def f(self):\n        def __del__(): pass\ndef __del__(x): pass\n";
        assert_eq!(lines(src), vec![2, 5]);
    }

    #[test]
    fn warns_at_generators_with_cleanup_code() {
        let src = "def a():\n    try:\n        yield 1\n    finally:\n        pass\ndef b():\n    yield 1\ndef c():\n    with x:\n        pass\n    def inner():\n        yield 2\ndef d():\n    try:\n        pass\n    except E:\n        pass\n    return (yield)\n";
        assert_eq!(lines(src), vec![1, 13]);
    }

    #[test]
    fn no_warning_without_a_finalizer() {
        assert_eq!(
            lines("class A:\n    def __init__(self): pass\n"),
            Vec::<usize>::new()
        );
    }
}
