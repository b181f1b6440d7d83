//! Lowering of `match` statements (PEP 634) to a chain of tests and branches.
//!
//! The subject is evaluated once. Each `case` tries its pattern against it: every test
//! branches to the case's failure block, which tries the next case. Names a pattern
//! captures are SSA temporaries until the whole pattern has matched, then bound in the
//! order CPython 3.11 stores them (so a pattern that fails partway binds nothing); the guard
//! runs after the binding (a failing guard leaves the names bound, as in CPython).
//!
//! The steps follow CPython 3.11's compilation of patterns, which fixes what user code can
//! observe (which special methods run, in which order):
//! - literal patterns compare with `==` (`None`, `True`, `False` with `is`), value patterns
//!   evaluate their dotted name and compare with `==`;
//! - sequence patterns test the subject's kind (`<match>` [`OP_SEQUENCE`]), then its length
//!   (`len(s) == n`, or `len(s) >= n - 1` with a starred subpattern among more than one),
//!   then the items: none when every subpattern is a wildcard, subscripts (`s[i]`,
//!   `s[len(s) - k]`) when the starred one is `*_`, else unpacking (`unpack`/`unpack.ex`);
//! - mapping patterns test the kind ([`OP_MAPPING`]), `len(s) >= n` when there are keys,
//!   look the keys up together ([`OP_KEYS`]), then match the values; `**rest` is a new dict
//!   ([`OP_REST`]);
//! - class patterns get the attributes from [`OP_CLASS`] (the `isinstance` test and
//!   `__match_args__` included) and match them in order, skipping wildcards;
//! - OR patterns try each alternative in turn and join with the captures in the first
//!   alternative's order; AS patterns capture the subject after their pattern.
//!
//! The compile-time `SyntaxError`s of patterns are `molt_semantic::patterns`'.
//!
//! [`OP_SEQUENCE`]: MatchOp::Sequence
//! [`OP_MAPPING`]: MatchOp::Mapping
//! [`OP_KEYS`]: MatchOp::Keys
//! [`OP_REST`]: MatchOp::Rest
//! [`OP_CLASS`]: MatchOp::Class

use molt_mir::{Block, CallArgs, CmpOp, Constant, InstKind, IntConst, Span, Value};
use ruff_python_ast::{self as ast, Pattern};
use ruff_text_size::Ranged;

use super::{FnState, Lowerer};

/// The runtime's hidden builtin for the tests of patterns (`molt_runtime::matching::MATCH`):
/// not a Python identifier, so no program can name or shadow it.
const MATCH: &str = "<match>";

/// The operations of the `<match>` builtin, its first argument (the `OP_*` constants of
/// `molt_runtime::matching`).
#[derive(Clone, Copy)]
enum MatchOp {
    /// `(subject)`: may a sequence pattern match it?
    Sequence = 0,
    /// `(subject)`: may a mapping pattern match it?
    Mapping = 1,
    /// `(subject, keys)`: the values of the keys, or `None`.
    Keys = 2,
    /// `(subject, cls, nargs, names)`: the attributes of a class pattern, or `None`.
    Class = 3,
    /// `(subject, keys)`: the `**rest` dict.
    Rest = 4,
    /// `(subject)`: `len(subject)` when the builtin `len` is shadowed.
    Len = 5,
}

/// Names captured so far by a pattern, in CPython's store order, with their values.
type Captures = Vec<(String, Value)>;

/// Whether `p` is the wildcard `_`.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p,
        Pattern::MatchAs(ast::PatternMatchAs {
            pattern: None,
            name: None,
            ..
        })
    )
}

/// Whether `p` is the starred wildcard `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(
        p,
        Pattern::MatchStar(ast::PatternMatchStar { name: None, .. })
    )
}

impl Lowerer<'_> {
    /// `match subject: case ...`.
    pub(super) fn match_stmt<'t>(&mut self, st: &mut FnState<'t>, m: &'t ast::StmtMatch) {
        let span = self.span(m.range());
        let subject = self.expr(st, &m.subject);
        let join = st.b.new_block();
        for case in &m.cases {
            let fail = st.b.new_block();
            let mut captures = Captures::new();
            self.pattern(st, &case.pattern, subject, fail, &mut captures);
            let pattern_span = self.span(case.pattern.range());
            for (name, v) in captures {
                self.store_name(st, &name, v, pattern_span);
            }
            if let Some(guard) = &case.guard {
                let g = self.expr(st, guard);
                let c = st.b.ins(InstKind::Truthy(g), self.span(guard.range()));
                self.continue_if(st, c, fail, span);
            }
            self.stmts(st, &case.body);
            st.b.jump(join, vec![], span);
            st.b.seal(fail);
            st.b.switch_to(fail);
        }
        st.b.jump(join, vec![], span);
        st.b.seal(join);
        st.b.switch_to(join);
    }

    /// Goes on in a new block if the native bool `cond` holds, else jumps to `fail`.
    fn continue_if(&mut self, st: &mut FnState<'_>, cond: Value, fail: Block, span: Span) {
        let ok = st.b.new_block();
        st.b.brif(cond, ok, fail, span);
        st.b.seal(ok);
        st.b.switch_to(ok);
    }

    /// Goes on if the object `v` is true (a Python truth test), else jumps to `fail`.
    fn continue_if_true(&mut self, st: &mut FnState<'_>, v: Value, fail: Block, span: Span) {
        let c = st.b.ins(InstKind::Truthy(v), span);
        self.continue_if(st, c, fail, span);
    }

    fn int_const(&mut self, st: &mut FnState<'_>, n: usize, span: Span) -> Value {
        self.constant(st, Constant::Int(IntConst::Small(n as i64)), span)
    }

    /// `<match>(op, args...)`.
    fn match_call(
        &mut self,
        st: &mut FnState<'_>,
        op: MatchOp,
        args: &[Value],
        span: Span,
    ) -> Value {
        self.hidden_op_call(st, MATCH, op as i64, args, span)
    }

    /// `len(v)` with the builtin `len` (CPython's `GET_LEN`), shadowed or not.
    fn match_len(&mut self, st: &mut FnState<'_>, v: Value, span: Span) -> Value {
        if !self.is_builtin_here(st, "len") {
            return self.match_call(st, MatchOp::Len, &[v], span);
        }
        let callee = st.b.ins(InstKind::BuiltinLoad("len".into()), span);
        st.b.ins(
            InstKind::Call {
                callee,
                args: CallArgs {
                    positional: vec![v],
                    keywords: vec![],
                },
            },
            span,
        )
    }

    /// Lowers the test of `p` against `subject`: jumps to `fail` when it does not match,
    /// else goes on in the current block with its captures appended to `captures`.
    fn pattern(
        &mut self,
        st: &mut FnState<'_>,
        p: &Pattern,
        subject: Value,
        fail: Block,
        captures: &mut Captures,
    ) {
        let span = self.span(p.range());
        match p {
            Pattern::MatchValue(v) => {
                let value = self.expr(st, &v.value);
                let eq = st.b.ins(InstKind::Compare(CmpOp::Eq, subject, value), span);
                self.continue_if_true(st, eq, fail, span);
            }
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                let c = self.constant(st, c, span);
                let is = st.b.ins(InstKind::Compare(CmpOp::Is, subject, c), span);
                self.continue_if_true(st, is, fail, span);
            }
            Pattern::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.pattern(st, inner, subject, fail, captures);
                }
                if let Some(name) = &a.name {
                    captures.push((name.as_str().to_owned(), subject));
                }
            }
            Pattern::MatchStar(s) => {
                // Only inside a sequence pattern (the parser's rule), which handles it.
                if let Some(name) = &s.name {
                    captures.push((name.as_str().to_owned(), subject));
                }
            }
            Pattern::MatchOr(o) => self.or_pattern(st, o, subject, fail, captures),
            Pattern::MatchSequence(s) => {
                self.sequence_pattern(st, &s.patterns, subject, fail, captures, span)
            }
            Pattern::MatchMapping(m) => self.mapping_pattern(st, m, subject, fail, captures, span),
            Pattern::MatchClass(c) => self.class_pattern(st, c, subject, fail, captures, span),
        }
    }

    /// `p1 | p2 | ...`: each alternative in turn; the captures join in the first one's order.
    fn or_pattern(
        &mut self,
        st: &mut FnState<'_>,
        o: &ast::PatternMatchOr,
        subject: Value,
        fail: Block,
        captures: &mut Captures,
    ) {
        let span = self.span(o.range());
        let matched = st.b.new_block();
        let mut order: Vec<(String, String)> = Vec::new();
        let last = o.patterns.len().saturating_sub(1);
        for (i, alt) in o.patterns.iter().enumerate() {
            let next = if i == last { fail } else { st.b.new_block() };
            let mut alt_captures = Captures::new();
            self.pattern(st, alt, subject, next, &mut alt_captures);
            if i == 0 {
                for (name, _) in &alt_captures {
                    st.rename_counter += 1;
                    order.push((
                        name.clone(),
                        format!("<match {name}>.{}", st.rename_counter),
                    ));
                }
            }
            // Alternatives that bind other names are a compile-time error
            // (`molt_semantic::patterns`); the IR stays well-formed with `None`.
            for (name, temp) in &order {
                let v = match alt_captures.iter().find(|(n, _)| n == name) {
                    Some((_, v)) => *v,
                    None => self.constant(st, Constant::None, span),
                };
                st.b.write_var(temp, v);
            }
            st.b.jump(matched, vec![], span);
            if i != last {
                st.b.seal(next);
                st.b.switch_to(next);
            }
        }
        st.b.seal(matched);
        st.b.switch_to(matched);
        for (name, temp) in order {
            let v = st.b.read_var(&temp);
            captures.push((name, v));
        }
    }

    /// `[p1, p2, *rest, p3]` (also written with parentheses or none).
    fn sequence_pattern(
        &mut self,
        st: &mut FnState<'_>,
        patterns: &[Pattern],
        subject: Value,
        fail: Block,
        captures: &mut Captures,
        span: Span,
    ) {
        let size = patterns.len();
        let star = patterns
            .iter()
            .position(|p| matches!(p, Pattern::MatchStar(_)));
        let is_seq = self.match_call(st, MatchOp::Sequence, &[subject], span);
        self.continue_if_true(st, is_seq, fail, span);
        match star {
            None => {
                let n = self.match_len(st, subject, span);
                let want = self.int_const(st, size, span);
                let ok = st.b.ins(InstKind::Compare(CmpOp::Eq, n, want), span);
                self.continue_if_true(st, ok, fail, span);
            }
            Some(_) if size > 1 => {
                let n = self.match_len(st, subject, span);
                let want = self.int_const(st, size - 1, span);
                let ok = st.b.ins(InstKind::Compare(CmpOp::Ge, n, want), span);
                self.continue_if_true(st, ok, fail, span);
            }
            Some(_) => {}
        }
        let only_wildcards = patterns
            .iter()
            .all(|p| is_wildcard(p) || is_star_wildcard(p));
        if only_wildcards {
            return;
        }
        if let Some(star) = star.filter(|s| is_star_wildcard(&patterns[*s])) {
            // Subscripts: `s[i]` before the star, `s[len(s) - (size - i)]` after it.
            for (i, p) in patterns.iter().enumerate() {
                if i == star || is_wildcard(p) {
                    continue;
                }
                let pspan = self.span(p.range());
                let index = if i < star {
                    self.int_const(st, i, pspan)
                } else {
                    let n = self.match_len(st, subject, pspan);
                    let k = self.int_const(st, size - i, pspan);
                    st.b.ins(
                        InstKind::Binary {
                            op: molt_mir::BinaryOp::Sub,
                            inplace: false,
                            lhs: n,
                            rhs: k,
                        },
                        pspan,
                    )
                };
                let item = st.b.ins(InstKind::GetItem(subject, index), pspan);
                self.pattern(st, p, item, fail, captures);
            }
            return;
        }
        let unpacked = match star {
            None => st.b.ins(InstKind::Unpack(subject, size as u32), span),
            Some(s) => st.b.ins(
                InstKind::UnpackEx(subject, s as u32, (size - s - 1) as u32),
                span,
            ),
        };
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || is_star_wildcard(p) {
                continue;
            }
            let pspan = self.span(p.range());
            let item = st.b.ins(InstKind::Extract(unpacked, i as u32), pspan);
            self.pattern(st, p, item, fail, captures);
        }
    }

    /// `{k1: p1, k2: p2, **rest}`.
    fn mapping_pattern(
        &mut self,
        st: &mut FnState<'_>,
        m: &ast::PatternMatchMapping,
        subject: Value,
        fail: Block,
        captures: &mut Captures,
        span: Span,
    ) {
        let is_map = self.match_call(st, MatchOp::Mapping, &[subject], span);
        self.continue_if_true(st, is_map, fail, span);
        let size = m.keys.len();
        if size == 0 && m.rest.is_none() {
            return;
        }
        if size > 0 {
            let n = self.match_len(st, subject, span);
            let want = self.int_const(st, size, span);
            let ok = st.b.ins(InstKind::Compare(CmpOp::Ge, n, want), span);
            self.continue_if_true(st, ok, fail, span);
        }
        let keys: Vec<Value> = m.keys.iter().map(|k| self.expr(st, k)).collect();
        let keys = st.b.ins(InstKind::BuildTuple(keys), span);
        if size > 0 {
            let values = self.match_call(st, MatchOp::Keys, &[subject, keys], span);
            let none = self.constant(st, Constant::None, span);
            let found =
                st.b.ins(InstKind::Compare(CmpOp::IsNot, values, none), span);
            self.continue_if_true(st, found, fail, span);
            let unpacked = st.b.ins(InstKind::Unpack(values, size as u32), span);
            for (i, p) in m.patterns.iter().enumerate() {
                let pspan = self.span(p.range());
                let item = st.b.ins(InstKind::Extract(unpacked, i as u32), pspan);
                self.pattern(st, p, item, fail, captures);
            }
        }
        if let Some(rest) = &m.rest {
            let rspan = self.span(rest.range());
            let dict = self.match_call(st, MatchOp::Rest, &[subject, keys], rspan);
            captures.push((rest.as_str().to_owned(), dict));
        }
    }

    /// `Cls(p1, p2, a=p3)`.
    fn class_pattern(
        &mut self,
        st: &mut FnState<'_>,
        c: &ast::PatternMatchClass,
        subject: Value,
        fail: Block,
        captures: &mut Captures,
        span: Span,
    ) {
        let cls = self.expr(st, &c.cls);
        let args = &c.arguments;
        let nargs = args.patterns.len();
        let names: Vec<Value> = args
            .keywords
            .iter()
            .map(|k| self.constant(st, Constant::Str(k.attr.as_str().into()), span))
            .collect();
        let names = st.b.ins(InstKind::BuildTuple(names), span);
        let nargs_v = self.int_const(st, nargs, span);
        let attrs = self.match_call(st, MatchOp::Class, &[subject, cls, nargs_v, names], span);
        let none = self.constant(st, Constant::None, span);
        let found = st.b.ins(InstKind::Compare(CmpOp::IsNot, attrs, none), span);
        self.continue_if_true(st, found, fail, span);
        let total = nargs + args.keywords.len();
        if total == 0 {
            return;
        }
        let unpacked = st.b.ins(InstKind::Unpack(attrs, total as u32), span);
        let subpatterns = args
            .patterns
            .iter()
            .chain(args.keywords.iter().map(|k| &k.pattern));
        for (i, p) in subpatterns.enumerate() {
            if is_wildcard(p) {
                continue;
            }
            let pspan = self.span(p.range());
            let item = st.b.ins(InstKind::Extract(unpacked, i as u32), pspan);
            self.pattern(st, p, item, fail, captures);
        }
    }
}
