//! CPython 3.11's compile-time limits and source rules that its grammar does not express, so
//! that a file CPython refuses to compile is refused here too (with CPython's message) instead
//! of being compiled into a program CPython would never run.
//!
//! The limits, as CPython 3.11 applies them (checked against `compile()` of generated
//! sources):
//! - no NUL byte anywhere in the source (`source code cannot contain null bytes`);
//! - at most 200 nested brackets `(`, `[`, `{` (the tokenizer's `MAXLEVEL`: `too many nested
//!   parentheses`);
//! - fewer than 100 levels of indentation (`MAXINDENT`: an `IndentationError`, `too many
//!   levels of indentation`);
//! - at most 20 statically nested blocks per code object (`CO_MAXBLOCKS`: `too many statically
//!   nested blocks`): a loop body, a `try` body (two with both `except` and `finally`), an
//!   `except` body (two: the handler and its cleanup), a `finally` body, and each context
//!   manager of a `with` count one; `if`, `else` of loops and nested `def`/`class`/`lambda`
//!   bodies (separate code objects) do not;
//! - statements and expressions nested at most 3,000 deep ([`MAX_AST_DEPTH`]: CPython raises
//!   `RecursionError: maximum recursion depth exceeded during compilation`);
//! - decimal int literals of at most 4,300 digits (`sys.int_info.default_max_str_digits`;
//!   underscores are not digits);
//! - the symbol table's rules for `:=` in comprehensions (PEP 572): not in an iterable of a
//!   comprehension, not rebinding an iteration variable, not in a comprehension in a class
//!   body.
//!
//! And one rule of CPython's grammar that the parser lets through: a `try` with an `else`
//! clause needs an `except` clause (`expected 'except' or 'finally' block`, at the `else`).

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::Visitor;
use ruff_python_ast::{self as ast, Expr, ModModule, Stmt};
use ruff_python_parser::Parsed;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::{Diagnostic, DiagnosticCode};

/// Most nested brackets CPython's tokenizer accepts.
pub const MAX_BRACKET_DEPTH: usize = 200;
/// Indentation levels at which CPython's tokenizer gives up.
pub const MAX_INDENT: usize = 100;
/// Most statically nested blocks in one code object.
pub const MAX_STATIC_BLOCKS: usize = 20;
/// Most digits of a decimal int literal (and of `int(str)` / `str(int)` at run time).
pub const MAX_INT_DIGITS: usize = 4300;

/// The limit violations of a module, as `syntax-error` diagnostics with CPython's messages
/// (file offsets). `text` is the module's source; `parsed` its tree. At most one diagnostic
/// per kind of limit, at its first violation, as CPython stops at the first error.
pub fn check_limits(text: &str, parsed: &Parsed<ModModule>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(at) = text.find('\0') {
        out.push(Diagnostic::error(
            DiagnosticCode::SyntaxError,
            TextRange::at(TextSize::new(at as u32), TextSize::new(1)),
            "source code cannot contain null bytes",
        ));
    }
    let mut brackets = 0usize;
    let mut indent = 0usize;
    let mut reported_brackets = false;
    let mut reported_indent = false;
    let mut reported_digits = false;
    for token in parsed.tokens().iter() {
        match token.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                brackets += 1;
                if brackets > MAX_BRACKET_DEPTH && !reported_brackets {
                    reported_brackets = true;
                    out.push(Diagnostic::error(
                        DiagnosticCode::SyntaxError,
                        token.range(),
                        "too many nested parentheses",
                    ));
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                brackets = brackets.saturating_sub(1);
            }
            TokenKind::Indent => {
                indent += 1;
                if indent >= MAX_INDENT && !reported_indent {
                    reported_indent = true;
                    out.push(Diagnostic::error(
                        DiagnosticCode::SyntaxError,
                        token.range(),
                        "too many levels of indentation (IndentationError)",
                    ));
                }
            }
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            TokenKind::Int if !reported_digits => {
                let literal = &text[token.range()];
                if let Some(digits) = decimal_digits(literal) {
                    if digits > MAX_INT_DIGITS {
                        reported_digits = true;
                        out.push(Diagnostic::error(
                            DiagnosticCode::SyntaxError,
                            token.range(),
                            format!(
                                "Exceeds the limit ({MAX_INT_DIGITS} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    // The statement walks below recurse once per nesting level, which the indentation limit
    // bounds; skip them when that limit is already exceeded. A grammar error stops CPython
    // before any of the compiler's checks.
    if !reported_indent && out.is_empty() {
        let mut first: Option<TextSize> = None;
        try_else_without_except(&parsed.syntax().body, &mut first);
        if let Some(at) = first {
            let keyword = parsed
                .tokens()
                .iter()
                .filter(|t| t.kind() == TokenKind::Else && t.start() < at)
                .last()
                .map_or(TextRange::empty(at), |t| t.range());
            out.push(Diagnostic::error(
                DiagnosticCode::SyntaxError,
                keyword,
                TRY_ELSE_WITHOUT_EXCEPT,
            ));
            return out;
        }
    }
    if !reported_indent {
        let mut blocks = BlockCounter { error: None };
        blocks.stmts(&parsed.syntax().body, 0);
        out.extend(blocks.error);
    }
    // CPython stops at its first error: the depth only matters for a file within the
    // tokenizer's limits.
    if out.is_empty() {
        let mut depth = DepthCheck {
            depth: 0,
            error: None,
        };
        for s in &parsed.syntax().body {
            depth.visit_stmt(s);
        }
        out.extend(depth.error);
    }
    // The walk below recurses once per level too: only within the depth limit.
    if out.is_empty() {
        out.extend(NamedExprCheck::run(parsed.syntax()));
    }
    out
}

/// The message of the diagnostic for a `try` with an `else` but no `except` (CPython's).
pub const TRY_ELSE_WITHOUT_EXCEPT: &str = "expected 'except' or 'finally' block";

/// The earliest `try` statement in `body` (at any depth) that has an `else` clause but no
/// `except` clause, as the start of its `else` body, into `first`.
fn try_else_without_except(body: &[Stmt], first: &mut Option<TextSize>) {
    for stmt in body {
        match stmt {
            Stmt::FunctionDef(def) => try_else_without_except(&def.body, first),
            Stmt::ClassDef(class) => try_else_without_except(&class.body, first),
            Stmt::For(ast::StmtFor { body, orelse, .. })
            | Stmt::While(ast::StmtWhile { body, orelse, .. }) => {
                try_else_without_except(body, first);
                try_else_without_except(orelse, first);
            }
            Stmt::If(ast::StmtIf {
                body,
                elif_else_clauses,
                ..
            }) => {
                try_else_without_except(body, first);
                for clause in elif_else_clauses {
                    try_else_without_except(&clause.body, first);
                }
            }
            Stmt::With(with) => try_else_without_except(&with.body, first),
            Stmt::Try(t) => {
                try_else_without_except(&t.body, first);
                for handler in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    try_else_without_except(&h.body, first);
                }
                if t.handlers.is_empty()
                    && let Some(s) = t.orelse.first()
                {
                    let at = s.start();
                    if first.is_none_or(|f| at < f) {
                        *first = Some(at);
                    }
                }
                try_else_without_except(&t.orelse, first);
                try_else_without_except(&t.finalbody, first);
            }
            Stmt::Match(m) => {
                for case in &m.cases {
                    try_else_without_except(&case.body, first);
                }
            }
            _ => {}
        }
    }
}

/// The kind of scope a [`NamedExprCheck`] frame stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

/// One scope of CPython's symbol table, as far as `:=` needs it.
struct ScopeFrame {
    kind: ScopeKind,
    /// Inside an iterable of a comprehension (CPython's `ste_comp_iter_expr`).
    iter_expr: usize,
    /// A comprehension's iteration variables (CPython's `DEF_COMP_ITER`).
    iter_vars: Vec<String>,
}

/// CPython 3.11's symbol-table rules for assignment expressions in comprehensions (PEP 572;
/// `symtable_handle_namedexpr` and `symtable_extend_namedexpr_scope` in `symtable.c`),
/// which its grammar does not express: `:=` is refused in any iterable of a comprehension,
/// when it would rebind an iteration variable of the comprehension (or of one enclosing it),
/// and in a comprehension directly in a class body. The first violation, in CPython's
/// visiting order, with CPython's message.
struct NamedExprCheck {
    frames: Vec<ScopeFrame>,
    error: Option<Diagnostic>,
}

impl NamedExprCheck {
    fn run(module: &ModModule) -> Option<Diagnostic> {
        let mut check = NamedExprCheck {
            frames: vec![ScopeFrame {
                kind: ScopeKind::Module,
                iter_expr: 0,
                iter_vars: Vec::new(),
            }],
            error: None,
        };
        for s in &module.body {
            check.visit_stmt(s);
        }
        check.error
    }

    /// Enters a scope; one entered inside a comprehension's iterable (a lambda, a nested
    /// comprehension) counts as inside it too, as CPython's `symtable_enter_block` copies
    /// the counter.
    fn push(&mut self, kind: ScopeKind) {
        let iter_expr = self.frames.last().map_or(0, |f| f.iter_expr);
        self.frames.push(ScopeFrame {
            kind,
            iter_expr,
            iter_vars: Vec::new(),
        });
    }

    fn top(&mut self) -> &mut ScopeFrame {
        self.frames
            .last_mut()
            .expect("the module frame is never popped")
    }

    /// The message of CPython's `SyntaxError` for `name := ...` here, if it is one.
    fn named_expr_error(&self, name: &str) -> Option<String> {
        let top = self.frames.last()?;
        if top.iter_expr > 0 {
            return Some(
                "assignment expression cannot be used in a comprehension iterable expression"
                    .into(),
            );
        }
        if top.kind != ScopeKind::Comprehension {
            return None;
        }
        for frame in self.frames.iter().rev() {
            match frame.kind {
                ScopeKind::Comprehension => {
                    if frame.iter_vars.iter().any(|v| v == name) {
                        return Some(format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Module => return None,
                ScopeKind::Class => {
                    return Some(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .into(),
                    );
                }
            }
        }
        None
    }

    /// A comprehension's iterable, visited in the current frame as an iterable expression.
    fn iterable(&mut self, iter: &Expr) {
        self.top().iter_expr += 1;
        self.visit_expr(iter);
        self.top().iter_expr -= 1;
    }

    /// A comprehension's iteration target: its names become iteration variables.
    fn iteration_target(&mut self, target: &Expr) {
        let mut names = Vec::new();
        crate::scope::target_names(target, &mut names);
        self.top().iter_vars.extend(names);
        self.visit_expr(target);
    }

    /// A comprehension, in CPython's order: the first iterable in the enclosing scope, then
    /// in its own scope the first target and conditions, the other generators (target,
    /// iterable, conditions), the dict value, the element (or key).
    fn comprehension(&mut self, generators: &[ast::Comprehension], elements: &[&Expr]) {
        let Some((first, rest)) = generators.split_first() else {
            return;
        };
        self.iterable(&first.iter);
        self.push(ScopeKind::Comprehension);
        self.iteration_target(&first.target);
        first.ifs.iter().for_each(|e| self.visit_expr(e));
        for g in rest {
            self.iteration_target(&g.target);
            self.iterable(&g.iter);
            g.ifs.iter().for_each(|e| self.visit_expr(e));
        }
        elements.iter().rev().for_each(|e| self.visit_expr(e));
        self.frames.pop();
    }
}

impl<'a> Visitor<'a> for NamedExprCheck {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if self.error.is_some() {
            return;
        }
        match s {
            Stmt::FunctionDef(def) => {
                crate::scope::walk_def_header(self, def);
                self.push(ScopeKind::Function);
                def.body.iter().for_each(|s| self.visit_stmt(s));
                self.frames.pop();
            }
            Stmt::ClassDef(class) => {
                crate::scope::walk_class_header(self, class);
                self.push(ScopeKind::Class);
                class.body.iter().for_each(|s| self.visit_stmt(s));
                self.frames.pop();
            }
            _ => ruff_python_ast::visitor::walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &'a ast::Expr) {
        if self.error.is_some() {
            return;
        }
        match e {
            Expr::Named(n) => {
                if let Expr::Name(name) = &*n.target {
                    if let Some(message) = self.named_expr_error(name.id.as_str()) {
                        self.error = Some(Diagnostic::error(
                            DiagnosticCode::SyntaxError,
                            n.range(),
                            message,
                        ));
                        return;
                    }
                }
                self.visit_expr(&n.value);
            }
            Expr::Lambda(l) => {
                crate::scope::walk_lambda_defaults(self, l);
                self.push(ScopeKind::Function);
                self.visit_expr(&l.body);
                self.frames.pop();
            }
            Expr::ListComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::DictComp(c) => {
                let elements: Vec<&Expr> =
                    c.key.as_deref().into_iter().chain([&*c.value]).collect();
                self.comprehension(&c.generators, &elements);
            }
            _ => ruff_python_ast::visitor::walk_expr(self, e),
        }
    }
}

/// Deepest nesting of statements and expressions CPython 3.11 compiles: its AST optimizer
/// and symbol table count one level per statement and per expression (`x = -1` is three
/// levels deep) against three times the recursion limit (1,000), and raise `RecursionError:
/// maximum recursion depth exceeded during compilation` past it (measured: `x = ` followed by
/// 2,998 unary minuses compiles, 2,999 do not).
pub const MAX_AST_DEPTH: usize = 3000;

/// Finds the first statement or expression nested deeper than [`MAX_AST_DEPTH`]; recursion
/// stops there, so the walk itself is bounded.
struct DepthCheck {
    depth: usize,
    error: Option<Diagnostic>,
}

impl DepthCheck {
    fn enter(&mut self, range: TextRange) -> bool {
        if self.error.is_some() {
            return false;
        }
        if self.depth >= MAX_AST_DEPTH {
            self.error = Some(Diagnostic::error(
                DiagnosticCode::SyntaxError,
                range,
                "maximum recursion depth exceeded during compilation (CPython raises RecursionError compiling this file)",
            ));
            return false;
        }
        self.depth += 1;
        true
    }
}

impl<'a> Visitor<'a> for DepthCheck {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if self.enter(s.range()) {
            ruff_python_ast::visitor::walk_stmt(self, s);
            self.depth -= 1;
        }
    }

    fn visit_expr(&mut self, e: &'a ast::Expr) {
        if self.enter(e.range()) {
            ruff_python_ast::visitor::walk_expr(self, e);
            self.depth -= 1;
        }
    }
}

/// The number of digits of a decimal int literal; `None` for hex, octal and binary ones.
fn decimal_digits(literal: &str) -> Option<usize> {
    let lower = literal.get(..2).map(str::to_ascii_lowercase);
    if matches!(lower.as_deref(), Some("0x" | "0o" | "0b")) {
        return None;
    }
    Some(literal.bytes().filter(u8::is_ascii_digit).count())
}

/// Counts CPython's frame blocks (`fblock`s) along statement nesting.
struct BlockCounter {
    error: Option<Diagnostic>,
}

impl BlockCounter {
    fn stmts(&mut self, body: &[Stmt], depth: usize) {
        for stmt in body {
            if self.error.is_some() {
                return;
            }
            self.stmt(stmt, depth);
        }
    }

    /// Enters `n` blocks at `stmt`; `None` (and the error recorded) past the limit.
    fn push(&mut self, stmt: &Stmt, depth: usize, n: usize) -> Option<usize> {
        if depth + n > MAX_STATIC_BLOCKS {
            self.error.get_or_insert_with(|| {
                Diagnostic::error(
                    DiagnosticCode::SyntaxError,
                    stmt.range(),
                    "too many statically nested blocks",
                )
            });
            return None;
        }
        Some(depth + n)
    }

    fn stmt(&mut self, stmt: &Stmt, depth: usize) {
        match stmt {
            // A new code object: its blocks count from zero.
            Stmt::FunctionDef(def) => self.stmts(&def.body, 0),
            Stmt::ClassDef(class) => self.stmts(&class.body, 0),
            Stmt::For(ast::StmtFor { body, orelse, .. })
            | Stmt::While(ast::StmtWhile { body, orelse, .. }) => {
                if let Some(inner) = self.push(stmt, depth, 1) {
                    self.stmts(body, inner);
                }
                self.stmts(orelse, depth);
            }
            Stmt::If(ast::StmtIf {
                body,
                elif_else_clauses,
                ..
            }) => {
                self.stmts(body, depth);
                for clause in elif_else_clauses {
                    self.stmts(&clause.body, depth);
                }
            }
            Stmt::With(with) => {
                if let Some(inner) = self.push(stmt, depth, with.items.len()) {
                    self.stmts(&with.body, inner);
                }
            }
            Stmt::Try(ast::StmtTry {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            }) => {
                let has_finally = !finalbody.is_empty();
                let has_handlers = !handlers.is_empty();
                // `finally` wraps everything else in one block.
                let outer = if has_finally {
                    match self.push(stmt, depth, 1) {
                        Some(d) => d,
                        None => return,
                    }
                } else {
                    depth
                };
                let body_depth = if has_handlers {
                    self.push(stmt, outer, 1)
                } else {
                    Some(outer)
                };
                if let Some(d) = body_depth {
                    self.stmts(body, d);
                }
                if has_handlers {
                    if let Some(d) = self.push(stmt, outer, 2) {
                        for handler in handlers {
                            let ast::ExceptHandler::ExceptHandler(h) = handler;
                            self.stmts(&h.body, d);
                        }
                    }
                }
                self.stmts(orelse, outer);
                if has_finally {
                    // The `finally` body runs in its own block, beside the `try` body's.
                    if let Some(d) = self.push(stmt, depth, 1) {
                        self.stmts(finalbody, d);
                    }
                }
            }
            Stmt::Match(m) => {
                for case in &m.cases {
                    self.stmts(&case.body, depth);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(src: &str) -> Vec<String> {
        let parsed = molt_db::parse_python(src);
        check_limits(src, &parsed)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    fn nested(head: &str, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&"  ".repeat(i));
            s.push_str(head);
            s.push('\n');
        }
        s.push_str(&"  ".repeat(n));
        s.push_str("pass\n");
        s
    }

    #[test]
    fn brackets_nest_200_deep_not_201() {
        let src = |n: usize| format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
        assert!(messages(&src(200)).is_empty());
        assert_eq!(messages(&src(201)), ["too many nested parentheses"]);
        let lists = |n: usize| format!("x = {}{}\n", "[".repeat(n), "]".repeat(n));
        assert!(messages(&lists(200)).is_empty());
        assert_eq!(messages(&lists(201)), ["too many nested parentheses"]);
    }

    #[test]
    fn indentation_stops_at_100_levels() {
        assert!(messages(&nested("if 1:", 99)).is_empty());
        assert_eq!(
            messages(&nested("if 1:", 100)),
            ["too many levels of indentation (IndentationError)"]
        );
    }

    #[test]
    fn statements_and_expressions_nest_at_most_3000_deep() {
        // Deep trees need the large stack analysis threads have (the CLI and the server run
        // analyses on 512 MiB stacks).
        std::thread::Builder::new()
            .stack_size(512 << 20)
            .spawn(nesting_limits)
            .expect("thread")
            .join()
            .expect("no panic");
    }

    fn nesting_limits() {
        // As measured with CPython 3.11: a module-level `x = -...-1` compiles with 2,998
        // minuses (the constant is 3,000 deep) and not with 2,999; a sum of 2,999 terms
        // compiles, of 3,000 does not; in a function body, one level less.
        let depth = "maximum recursion depth exceeded during compilation (CPython raises RecursionError compiling this file)";
        let neg = |n: usize| format!("x = {}1\n", "-".repeat(n));
        assert_eq!(messages(&neg(2998)), Vec::<String>::new());
        assert_eq!(messages(&neg(2999)), [depth]);
        let sum = |n: usize| format!("x = {}\n", vec!["1"; n].join("+"));
        assert_eq!(messages(&sum(2999)), Vec::<String>::new());
        assert_eq!(messages(&sum(3000)), [depth]);
        let in_def = |n: usize| format!("def f():\n    return {}1\n", "-".repeat(n));
        assert_eq!(messages(&in_def(2997)), Vec::<String>::new());
        assert_eq!(messages(&in_def(2998)), [depth]);
    }

    #[test]
    fn static_blocks_count_loops_with_and_try_but_not_if() {
        for head in ["for i in x:", "while x:", "with x:"] {
            assert!(messages(&nested(head, 20)).is_empty(), "{head}");
            assert_eq!(
                messages(&nested(head, 21)),
                ["too many statically nested blocks"],
                "{head}"
            );
        }
        assert!(messages(&nested("if x:", 30)).is_empty());
        assert_eq!(
            messages(&nested("with a, b:", 11)),
            ["too many statically nested blocks"]
        );
        assert!(messages(&nested("with a, b:", 10)).is_empty());
        // A nested function starts again from zero.
        let mut src = nested("for i in x:", 15);
        src.push_str(&"  ".repeat(15));
        src.push_str("def f():\n");
        for i in 0..15 {
            src.push_str(&"  ".repeat(16 + i));
            src.push_str("for j in y:\n");
        }
        src.push_str(&"  ".repeat(31));
        src.push_str("pass\n");
        assert!(messages(&src).is_empty());
    }

    /// `try`/`except` nested in `except` bodies: ten levels compile, eleven do not (each
    /// level is the handler's two blocks); in `try` bodies, nineteen.
    #[test]
    fn except_bodies_count_two_blocks() {
        let in_handlers = |n: usize| {
            let mut s = String::new();
            for i in 0..n {
                s.push_str(&format!("{0}try: pass\n{0}except E:\n", " ".repeat(i)));
            }
            s.push_str(&" ".repeat(n));
            s.push_str("pass\n");
            s
        };
        assert!(messages(&in_handlers(10)).is_empty());
        assert_eq!(
            messages(&in_handlers(11)),
            ["too many statically nested blocks"]
        );
        let in_bodies = |n: usize| {
            let mut s = String::new();
            for i in 0..n {
                s.push_str(&format!("{}try:\n", "  ".repeat(i)));
            }
            s.push_str(&"  ".repeat(n));
            s.push_str("pass\n");
            for i in (0..n).rev() {
                s.push_str(&format!("{}except E: pass\n", "  ".repeat(i)));
            }
            s
        };
        assert!(messages(&in_bodies(19)).is_empty());
        assert_eq!(
            messages(&in_bodies(20)),
            ["too many statically nested blocks"]
        );
    }

    #[test]
    fn int_literals_have_at_most_4300_decimal_digits() {
        assert!(messages(&format!("x = 1{}\n", "0".repeat(4299))).is_empty());
        let long = messages(&format!("x = 1{}\n", "0".repeat(4300)));
        assert_eq!(long.len(), 1);
        assert!(long[0].starts_with(
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits;"
        ));
        assert!(messages(&format!("x = 0x{}\n", "1".repeat(5000))).is_empty());
        assert_eq!(messages(&format!("x = 1_{}\n", "0".repeat(4300))).len(), 1);
    }

    #[test]
    fn nul_bytes_are_rejected() {
        assert!(
            messages("print(1)\0\n")
                .iter()
                .any(|m| m == "source code cannot contain null bytes")
        );
    }
}
