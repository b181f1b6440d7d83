//! CPython 3.11's compile-time `SyntaxWarning`s: code that is valid but almost certainly a
//! mistake. CPython prints them on stderr when it compiles a file, so before the program runs,
//! and a compiled program prints the same lines at start-up (see `molt_driver`); the editor
//! shows them as warnings.
//!
//! The checks, as CPython 3.11's compiler (`compile.c`) makes them, after its AST optimizer
//! folded constant expressions:
//! - `is` / `is not` with a literal operand (any constant but `None`, `True`, `False`,
//!   `...`): `"is" with a literal. Did you mean "=="?`;
//! - `assert` of a non-empty tuple: `assertion is always true, perhaps remove parentheses?`;
//! - a call of a literal or display: `'T' object is not callable; perhaps you missed a
//!   comma?`;
//! - a subscript (read) of a literal that cannot be subscripted (`None`, numbers, `...`, sets,
//!   generators, lambdas): `'T' object is not subscriptable; perhaps you missed a comma?`;
//! - a subscript (read) of a str, bytes, tuple or list literal by something that is not an
//!   int or a slice: `T indices must be integers or slices, not U; perhaps you missed a
//!   comma?`.
//!
//! CPython warns once per check it makes while compiling, with no deduplication, in
//! compilation order, which is not quite source order: a class body before its bases, a
//! comprehension's body before its outermost iterable, and a `finally` body once per way
//! control reaches it (the normal path, the exception path, and once more for every
//! `return`, `break` or `continue` that leaves the `try` body through it). [`syntax_warnings`]
//! reproduces that order and count.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, CmpOp, Expr, ExprContext, Number, Operator, Stmt, UnaryOp};
use ruff_text_size::{Ranged, TextRange};

use crate::{Diagnostic, DiagnosticCode, Severity};

/// The compile-time `SyntaxWarning`s of a module, in the order and number CPython 3.11 prints
/// them (see the module docs). Each is a `syntax-warning` [`Diagnostic`] (severity
/// `Warning`) whose message is CPython's text and whose range (file offsets) starts where
/// CPython's reported line does.
pub fn syntax_warnings(module: &ast::ModModule) -> Vec<Diagnostic> {
    let mut w = Walker {
        out: Vec::new(),
        blocks: Vec::new(),
        scope: Scope::Module,
    };
    w.body(&module.body);
    w.out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Module,
    Class,
    Function,
}

/// A frame block of CPython's compiler that matters for warnings: loops (where `break` and
/// `continue` stop unwinding) and `try` bodies with a `finally` (whose body every exit
/// through it compiles again).
#[derive(Clone, Copy)]
enum Block<'a> {
    Loop,
    Finally(&'a [Stmt]),
}

struct Walker<'a> {
    out: Vec<Diagnostic>,
    blocks: Vec<Block<'a>>,
    scope: Scope,
}

/// A constant after CPython's constant folding, as far as warnings need it.
#[derive(Clone, Debug, PartialEq)]
enum Const {
    /// An int; `None` when it does not fit an `i128` (then its size is unknown).
    Int(Option<i128>),
    Bool(bool),
    Float,
    Complex,
    /// A str of this many characters.
    Str(usize),
    /// Bytes of this length.
    Bytes(usize),
    Tuple(Vec<Const>),
    None,
    Ellipsis,
}

/// CPython's `MAX_INT_SIZE` (bits), `MAX_COLLECTION_SIZE` and `MAX_STR_SIZE`: the folding
/// limits of its AST optimizer.
const MAX_INT_BITS: u32 = 128;
const MAX_COLLECTION_SIZE: i128 = 256;
const MAX_STR_SIZE: i128 = 4096;

impl Const {
    fn type_name(&self) -> &'static str {
        match self {
            Const::Int(_) => "int",
            Const::Bool(_) => "bool",
            Const::Float => "float",
            Const::Complex => "complex",
            Const::Str(_) => "str",
            Const::Bytes(_) => "bytes",
            Const::Tuple(_) => "tuple",
            Const::None => "NoneType",
            Const::Ellipsis => "ellipsis",
        }
    }

    /// The value of an int or bool (`None` for a big int or another type).
    fn int(&self) -> Option<i128> {
        match self {
            Const::Int(v) => *v,
            Const::Bool(b) => Some(i128::from(*b)),
            _ => None,
        }
    }

    fn is_intlike(&self) -> bool {
        matches!(self, Const::Int(_) | Const::Bool(_))
    }

    fn is_number(&self) -> bool {
        matches!(
            self,
            Const::Int(_) | Const::Bool(_) | Const::Float | Const::Complex
        )
    }
}

fn bits(v: i128) -> u32 {
    128 - v.unsigned_abs().leading_zeros()
}

/// The folded value of `e`, or `None` when CPython's optimizer leaves it an expression.
fn fold(e: &Expr) -> Option<Const> {
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => Const::Int(i.as_u64().map(i128::from)),
            Number::Float(_) => Const::Float,
            Number::Complex { .. } => Const::Complex,
        },
        Expr::StringLiteral(s) => Const::Str(s.value.chars().count()),
        Expr::BytesLiteral(b) => Const::Bytes(b.value.bytes().count()),
        Expr::BooleanLiteral(b) => Const::Bool(b.value),
        Expr::NoneLiteral(_) => Const::None,
        Expr::EllipsisLiteral(_) => Const::Ellipsis,
        Expr::Tuple(t) if t.ctx == ExprContext::Load => {
            Const::Tuple(t.elts.iter().map(fold).collect::<Option<Vec<_>>>()?)
        }
        Expr::UnaryOp(u) => fold_unary(u.op, fold(&u.operand)?)?,
        Expr::BinOp(b) => fold_binary(fold(&b.left)?, b.op, fold(&b.right)?)?,
        Expr::Subscript(s) if s.ctx == ExprContext::Load => {
            fold_subscript(fold(&s.value)?, fold(&s.slice)?)?
        }
        _ => return None,
    })
}

fn fold_unary(op: UnaryOp, v: Const) -> Option<Const> {
    Some(match (op, v) {
        (UnaryOp::Not, _) => Const::Bool(false),
        (UnaryOp::USub | UnaryOp::UAdd | UnaryOp::Invert, v) if v.is_intlike() => {
            Const::Int(v.int().and_then(|x| match op {
                UnaryOp::USub => x.checked_neg(),
                UnaryOp::Invert => Some(!x),
                _ => Some(x),
            }))
        }
        (UnaryOp::USub | UnaryOp::UAdd, v @ (Const::Float | Const::Complex)) => v,
        _ => return None,
    })
}

fn fold_binary(a: Const, op: Operator, b: Const) -> Option<Const> {
    use Operator::*;
    if a.is_number() && b.is_number() {
        let widest = |a: &Const, b: &Const| {
            if matches!(a, Const::Complex) || matches!(b, Const::Complex) {
                Const::Complex
            } else {
                Const::Float
            }
        };
        let ints = a.is_intlike() && b.is_intlike();
        let zero = |c: &Const| c.int() == Some(0);
        return Some(match op {
            Add | Sub | Mult if ints => {
                if op == Mult {
                    // `safe_multiply`: no product of more than 128 bits.
                    let (x, y) = (a.int()?, b.int()?);
                    if x != 0 && y != 0 && bits(x) + bits(y) > MAX_INT_BITS {
                        return None;
                    }
                }
                Const::Int(a.int().zip(b.int()).and_then(|(x, y)| match op {
                    Add => x.checked_add(y),
                    Sub => x.checked_sub(y),
                    _ => x.checked_mul(y),
                }))
            }
            Add | Sub | Mult => widest(&a, &b),
            Div if zero(&b) => return None,
            Div => widest(&a, &b),
            FloorDiv | Mod if zero(&b) => return None,
            FloorDiv | Mod if matches!(a, Const::Complex) || matches!(b, Const::Complex) => {
                return None;
            }
            FloorDiv | Mod if ints => Const::Int(None),
            FloorDiv | Mod => Const::Float,
            Pow if ints => {
                let (x, y) = (a.int()?, b.int()?);
                if y < 0 {
                    if x == 0 {
                        return None;
                    }
                    Const::Float
                } else {
                    // `safe_power`: no result of more than 128 bits.
                    if x != 0 && y > 0 && i128::from(bits(x)) * y > i128::from(MAX_INT_BITS) {
                        return None;
                    }
                    Const::Int(None)
                }
            }
            Pow => widest(&a, &b),
            LShift | RShift | BitAnd | BitOr | BitXor if ints => {
                if op == LShift {
                    let (x, y) = (a.int()?, b.int()?);
                    if y < 0 || (x != 0 && i128::from(bits(x)) + y > i128::from(MAX_INT_BITS)) {
                        return None;
                    }
                }
                if op == RShift && b.int().is_none_or(|y| y < 0) {
                    return None;
                }
                Const::Int(None)
            }
            _ => return None,
        });
    }
    // Sequences: concatenation and repetition within the folding limits.
    let len = |c: &Const| match c {
        Const::Str(n) | Const::Bytes(n) => Some(*n as i128),
        Const::Tuple(items) => Some(items.len() as i128),
        _ => None,
    };
    match op {
        Add => match (&a, &b) {
            (Const::Str(x), Const::Str(y)) => Some(Const::Str(x + y)),
            (Const::Bytes(x), Const::Bytes(y)) => Some(Const::Bytes(x + y)),
            (Const::Tuple(x), Const::Tuple(y)) => {
                Some(Const::Tuple(x.iter().chain(y).cloned().collect()))
            }
            _ => None,
        },
        Mult => {
            let (seq, n) = if b.is_intlike() { (a, b) } else { (b, a) };
            let n = n.int()?.max(0);
            let size = len(&seq)?;
            let limit = if matches!(seq, Const::Tuple(_)) {
                MAX_COLLECTION_SIZE
            } else {
                MAX_STR_SIZE
            };
            if size != 0 && n > limit / size {
                return None;
            }
            let total = (size * n) as usize;
            Some(match seq {
                Const::Str(_) => Const::Str(total),
                Const::Bytes(_) => Const::Bytes(total),
                Const::Tuple(items) => {
                    Const::Tuple(items.iter().cycle().take(total).cloned().collect())
                }
                _ => return None,
            })
        }
        _ => None,
    }
}

fn fold_subscript(v: Const, index: Const) -> Option<Const> {
    let i = index.int()?;
    let at = |len: usize| {
        let len = len as i128;
        let i = if i < 0 { i + len } else { i };
        (0..len).contains(&i).then_some(i as usize)
    };
    Some(match v {
        Const::Str(n) => {
            at(n)?;
            Const::Str(1)
        }
        Const::Bytes(n) => {
            at(n)?;
            Const::Int(None)
        }
        Const::Tuple(items) => items[at(items.len())?].clone(),
        _ => return None,
    })
}

/// CPython's `infer_type`: the type of a literal or display, by name.
fn infer_type(e: &Expr) -> Option<&'static str> {
    if let Some(c) = fold(e) {
        return Some(c.type_name());
    }
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::FString(_) => "str",
        _ => return None,
    })
}

impl<'a> Walker<'a> {
    fn warn(&mut self, range: TextRange, message: String) {
        self.out.push(Diagnostic {
            range,
            code: DiagnosticCode::SyntaxWarning,
            severity: Severity::Warning,
            message,
        });
    }

    fn body(&mut self, body: &'a [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    /// Compiles `body` as a new code object (function or class body).
    fn nested(&mut self, scope: Scope, f: impl FnOnce(&mut Self)) {
        let blocks = std::mem::take(&mut self.blocks);
        let outer = std::mem::replace(&mut self.scope, scope);
        f(self);
        self.blocks = blocks;
        self.scope = outer;
    }

    /// Leaves the frame blocks for a `return` (all of them) or a `break`/`continue` (up to
    /// the innermost loop): each `finally` body on the way is compiled again, with only the
    /// blocks outside it active (CPython's `compiler_unwind_fblock_stack`).
    fn unwind(&mut self, to_loop: bool) {
        let saved = self.blocks.clone();
        while let Some(b) = self.blocks.pop() {
            match b {
                Block::Loop if to_loop => break,
                Block::Loop => {}
                Block::Finally(body) => self.body(body),
            }
        }
        self.blocks = saved;
    }

    fn in_loop(&mut self, body: &'a [Stmt]) {
        self.blocks.push(Block::Loop);
        self.body(body);
        self.blocks.pop();
    }

    fn parameters(&mut self, p: &'a ast::Parameters, annotations: bool) {
        // Defaults (positional, then keyword-only), then annotations.
        for d in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(default) = &d.default {
                self.expr(default);
            }
        }
        if !annotations {
            return;
        }
        let params = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .map(|d| &d.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|d| &d.parameter))
            .chain(p.kwarg.as_deref());
        for param in params {
            if let Some(a) = &param.annotation {
                self.expr(a);
            }
        }
    }

    fn arguments(&mut self, a: &'a ast::Arguments) {
        for arg in &a.args {
            self.expr(arg);
        }
        for k in &a.keywords {
            self.expr(&k.value);
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression);
                }
                self.parameters(&f.parameters, true);
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                self.nested(Scope::Function, |w| w.body(&f.body));
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression);
                }
                self.nested(Scope::Class, |w| w.body(&c.body));
                if let Some(a) = &c.arguments {
                    self.arguments(a);
                }
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
                self.unwind(false);
            }
            Stmt::Break(_) | Stmt::Continue(_) => self.unwind(true),
            Stmt::Assign(a) => {
                self.expr(&a.value);
                for t in &a.targets {
                    self.expr(t);
                }
            }
            Stmt::AugAssign(a) => {
                // The target is read without the subscript checks, then the value.
                match &*a.target {
                    Expr::Subscript(sub) => {
                        self.expr(&sub.value);
                        self.expr(&sub.slice);
                    }
                    Expr::Attribute(attr) => self.expr(&attr.value),
                    _ => {}
                }
                self.expr(&a.value);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v);
                    self.expr(&a.target);
                }
                let evaluated = matches!(self.scope, Scope::Module | Scope::Class);
                if a.value.is_none() && !a.simple {
                    match &*a.target {
                        Expr::Attribute(attr) => self.expr(&attr.value),
                        Expr::Subscript(sub) => {
                            self.expr(&sub.value);
                            self.expr(&sub.slice);
                        }
                        _ => {}
                    }
                }
                if evaluated {
                    self.expr(&a.annotation);
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.expr(&f.target);
                self.in_loop(&f.body);
                self.body(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.in_loop(&w.body);
                self.body(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.body(&i.body);
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.expr(t);
                    }
                    self.body(&clause.body);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.expr(v);
                    }
                }
                self.body(&w.body);
            }
            Stmt::Try(t) => {
                let has_finally = !t.finalbody.is_empty();
                if has_finally {
                    self.blocks.push(Block::Finally(&t.finalbody));
                }
                self.body(&t.body);
                for ast::ExceptHandler::ExceptHandler(h) in &t.handlers {
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    self.body(&h.body);
                }
                self.body(&t.orelse);
                if has_finally {
                    self.blocks.pop();
                    // The normal path, then the exception path.
                    self.body(&t.finalbody);
                    self.body(&t.finalbody);
                }
            }
            Stmt::Assert(a) => {
                if matches!(&*a.test, Expr::Tuple(t) if !t.elts.is_empty()) {
                    self.warn(
                        s.range(),
                        "assertion is always true, perhaps remove parentheses?".into(),
                    );
                }
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            _ => visitor::walk_stmt(self, s),
        }
    }

    fn comprehension(&mut self, generators: &'a [ast::Comprehension], elts: &[&'a Expr]) {
        let Some((first, rest)) = generators.split_first() else {
            return;
        };
        self.nested(Scope::Function, |w| {
            w.expr(&first.target);
            for c in &first.ifs {
                w.expr(c);
            }
            for g in rest {
                w.expr(&g.iter);
                w.expr(&g.target);
                for c in &g.ifs {
                    w.expr(c);
                }
            }
            for e in elts {
                w.expr(e);
            }
        });
        self.expr(&first.iter);
    }

    fn expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Compare(c) => {
                let mut left = &*c.left;
                for (op, right) in c.ops.iter().zip(&c.comparators) {
                    let literal = |x: &Expr| {
                        fold(x).is_some_and(|k| {
                            !matches!(k, Const::None | Const::Bool(_) | Const::Ellipsis)
                        })
                    };
                    if matches!(op, CmpOp::Is | CmpOp::IsNot) && (literal(left) || literal(right)) {
                        let (word, suggestion) = if *op == CmpOp::Is {
                            ("is", "==")
                        } else {
                            ("is not", "!=")
                        };
                        self.warn(
                            e.range(),
                            format!("\"{word}\" with a literal. Did you mean \"{suggestion}\"?"),
                        );
                    }
                    left = right;
                }
                self.expr(&c.left);
                for x in &c.comparators {
                    self.expr(x);
                }
            }
            Expr::Call(call) => {
                let callee = &*call.func;
                let warns = fold(callee).is_some()
                    || matches!(
                        callee,
                        Expr::Tuple(_)
                            | Expr::List(_)
                            | Expr::ListComp(_)
                            | Expr::Dict(_)
                            | Expr::DictComp(_)
                            | Expr::Set(_)
                            | Expr::SetComp(_)
                            | Expr::Generator(_)
                            | Expr::FString(_)
                    );
                if warns && let Some(t) = infer_type(callee) {
                    self.warn(
                        e.range(),
                        format!("'{t}' object is not callable; perhaps you missed a comma?"),
                    );
                }
                self.expr(callee);
                self.arguments(&call.arguments);
            }
            Expr::Subscript(sub) if sub.ctx == ExprContext::Load && fold(e).is_none() => {
                self.subscript_checks(e.range(), &sub.value, &sub.slice);
                self.expr(&sub.value);
                self.expr(&sub.slice);
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k);
                    }
                    self.expr(&item.value);
                }
            }
            Expr::ListComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::DictComp(c) => {
                let elts: Vec<&Expr> = c.key.as_deref().into_iter().chain([&*c.value]).collect();
                self.comprehension(&c.generators, &elts);
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameters(p, false);
                }
                self.nested(Scope::Function, |w| w.expr(&l.body));
            }
            Expr::Named(n) => {
                self.expr(&n.value);
                self.expr(&n.target);
            }
            _ => visitor::walk_expr(self, e),
        }
    }

    /// CPython's `check_subscripter` and `check_index` for `value[index]` (a read).
    fn subscript_checks(&mut self, range: TextRange, value: &Expr, index: &Expr) {
        let folded = fold(value);
        let unsubscriptable = match &folded {
            Some(c) => matches!(
                c,
                Const::None
                    | Const::Ellipsis
                    | Const::Int(_)
                    | Const::Bool(_)
                    | Const::Float
                    | Const::Complex
            ),
            None => matches!(
                value,
                Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)
            ),
        };
        if unsubscriptable {
            if let Some(t) = infer_type(value) {
                self.warn(
                    range,
                    format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
                );
            }
            return;
        }
        let Some(index_type) = infer_type(index) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = match &folded {
            Some(c) => matches!(c, Const::Str(_) | Const::Bytes(_) | Const::Tuple(_)),
            None => matches!(
                value,
                Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)
            ),
        };
        if sequence && let Some(t) = infer_type(value) {
            self.warn(
                range,
                format!(
                    "{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
                ),
            );
        }
    }
}

impl<'a> Visitor<'a> for Walker<'a> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        self.stmt(s);
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        self.expr(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(line, message)` of each warning of `src`, in order.
    fn warnings(src: &str) -> Vec<(usize, String)> {
        let parsed = ruff_python_parser::parse_module(src).expect("test source parses");
        syntax_warnings(parsed.syntax())
            .into_iter()
            .map(|d| {
                let line = src[..d.range.start().to_usize()].matches('\n').count() + 1;
                (line, d.message)
            })
            .collect()
    }

    const IS: &str = "\"is\" with a literal. Did you mean \"==\"?";

    #[test]
    fn is_with_a_literal_follows_constant_folding() {
        // Folded: literals, signs, tuples of constants, small arithmetic and repetition.
        for lit in [
            "1",
            "-1",
            "'a'",
            "()",
            "(1, (2,))",
            "1 + 2",
            "2 ** 3",
            "'a' * 3",
            "1.5",
        ] {
            assert_eq!(
                warnings(&format!("x is {lit}\n")),
                [(1, IS.to_string())],
                "{lit}"
            );
        }
        // Not constants after folding: no warning.
        for lit in [
            "None",
            "True",
            "...",
            "(not 1)",
            "1 / 0",
            "2 ** 200",
            "'a' * 5000",
            "y",
            "[1]",
            "'%s' % 1",
            "f'a'",
        ] {
            assert_eq!(warnings(&format!("x is {lit}\n")), [], "{lit}");
        }
        assert_eq!(
            warnings("x is not 1\n"),
            [(
                1,
                "\"is not\" with a literal. Did you mean \"!=\"?".to_string()
            )]
        );
    }

    #[test]
    fn calls_and_subscripts_of_literals() {
        assert_eq!(
            warnings("'a'()\n(1, 2)[1, 2]\nNone[0]\n[1][1.5]\n'abc'[0]()\n"),
            [
                (1, "'str' object is not callable; perhaps you missed a comma?".into()),
                (
                    2,
                    "tuple indices must be integers or slices, not tuple; perhaps you missed a comma?"
                        .into()
                ),
                (3, "'NoneType' object is not subscriptable; perhaps you missed a comma?".into()),
                (
                    4,
                    "list indices must be integers or slices, not float; perhaps you missed a comma?"
                        .into()
                ),
                (5, "'str' object is not callable; perhaps you missed a comma?".into()),
            ]
        );
        // Reads only, and ints and slices are fine indices.
        assert_eq!(warnings("[1][0]\n'ab'[1:]\nx[1, 2]\n"), []);
    }

    #[test]
    fn compilation_order_and_repeated_finally_bodies() {
        let src = "\
def f():
    for i in y:
        try:
            if i:
                break
            continue
        finally:
            x is 1
class C(x is 2):
    z = x is 3
assert (x is 4, 1)
";
        let lines: Vec<usize> = warnings(src).iter().map(|(l, _)| *l).collect();
        // The finally body: break, continue, normal path, exception path. The class body
        // before its bases. The assert's own warning before its test's.
        assert_eq!(lines, [8, 8, 8, 8, 10, 9, 11, 11]);
    }
}
