//! `try` ... `except*` clauses (PEP 654), lowered as CPython 3.11 compiles them: the
//! exception caught is the block's state (`<except*>(OP_START, exc)`); each clause evaluates
//! its type and takes the part of what is left that matches (`OP_MATCH`: `None` when nothing
//! does, a naked exception wrapped in an `ExceptionGroup`); its body runs with that part
//! being handled and bound to the `as` name; an exception its body raises is collected
//! (`OP_RAISED`) and the next clause runs; after the last clause `OP_FINISH` gives what to
//! raise (the collected exceptions and the unhandled rest, combined as CPython's
//! `_PyExc_PrepReraiseStar` does), or `None`. The run-time operations are the hidden builtin
//! `<except*>` (`molt_runtime::exc_group`).
//!
//! `break`, `continue` and `return` cannot leave a clause's body: CPython's compiler rejects
//! them, and so does [`Lowerer::check_except_star_body`].

use molt_mir::{Block, CmpOp, Constant, InstKind, Span, Value};
use molt_semantic::DiagnosticCode;
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::Ranged;

use super::{FnState, Lowerer};

/// The hidden builtin (`molt_runtime::exc_group::EXCEPT_STAR`).
const EXCEPT_STAR: &str = "<except*>";

/// The operations of `<except*>` (`molt_runtime::exc_group::OP_*`).
#[derive(Clone, Copy)]
enum Op {
    Start = 0,
    Match = 1,
    Raised = 2,
    Finish = 3,
}

impl<'db> Lowerer<'db> {
    /// `<except*>(op, args...)`.
    fn except_star_call(
        &mut self,
        st: &mut FnState<'_>,
        op: Op,
        args: &[Value],
        span: Span,
    ) -> Value {
        self.hidden_op_call(st, EXCEPT_STAR, op as i64, args, span)
    }

    /// The `except*` clauses of `try` statement `t`, in the handler block of its body (after
    /// `exc.enter exc, level`, `level` being the frame's handler level around the `try`):
    /// jumps to `normal_exit` when every exception was handled, else
    /// re-raises what is left. Instructions outside the clause bodies raise to
    /// `region_handler` (the `finally`, or the enclosing handler).
    pub(super) fn except_star_clauses<'t>(
        &mut self,
        st: &mut FnState<'t>,
        t: &'t ast::StmtTry,
        exc: Value,
        level: u32,
        region_handler: Option<Block>,
        normal_exit: Block,
    ) {
        let span = self.span(t.range());
        let handlers = &t.handlers;
        let state = self.except_star_call(st, Op::Start, &[exc], span);
        for handler in handlers {
            let ast::ExceptHandler::ExceptHandler(clause) = handler;
            let clause_span = self.span(clause.range());
            self.check_except_star_body(&clause.body, false);
            let Some(ty) = &clause.type_ else {
                // `except*:` is a syntax error the parser reports.
                continue;
            };
            let cls = self.expr(st, ty);
            let matched =
                self.except_star_call(st, Op::Match, &[state, cls], self.span(ty.range()));
            let none = self.constant(st, Constant::None, clause_span);
            let is_none =
                st.b.ins(InstKind::Compare(CmpOp::Is, matched, none), clause_span);
            // An exception leaving the body is collected, then the next clause runs.
            st.b.handler = region_handler;
            let (raised_block, raised) = st.b.new_block_with_param();
            let next = st.b.new_block();
            st.b.handler = Some(raised_block);
            let body_block = st.b.new_block();
            st.b.brif(is_none, next, body_block, clause_span);
            st.b.seal(body_block);
            st.b.switch_to(body_block);
            st.b.ins(InstKind::ExcEnter(matched, level + 1), clause_span);
            st.handler_level = level + 2;
            if let Some(name) = &clause.name {
                self.store_name(st, name.as_str(), matched, self.span(name.range()));
            }
            st.current_exc.push(matched);
            self.stmts(st, &clause.body);
            st.current_exc.pop();
            if let Some(name) = &clause.name
                && !st.b.is_terminated()
            {
                self.unbind_handler_name(st, name.as_str(), self.span(name.range()));
            }
            st.b.handler = region_handler;
            if !st.b.is_terminated() {
                st.b.ins(InstKind::ExcLeave(level + 1), clause_span);
            }
            st.b.jump(next, vec![], clause_span);
            st.b.seal(raised_block);
            st.b.switch_to(raised_block);
            st.b.ins(InstKind::ExcEnter(raised, level + 1), clause_span);
            if let Some(name) = &clause.name {
                self.unbind_handler_name(st, name.as_str(), self.span(name.range()));
            }
            self.except_star_call(st, Op::Raised, &[state, raised], clause_span);
            st.b.ins(InstKind::ExcLeave(level + 1), clause_span);
            st.b.jump(next, vec![], clause_span);
            st.b.seal(next);
            st.b.switch_to(next);
            st.handler_level = level + 1;
        }
        let result = self.except_star_call(st, Op::Finish, &[state], span);
        let none = self.constant(st, Constant::None, span);
        let is_none = st.b.ins(InstKind::Compare(CmpOp::Is, result, none), span);
        let done = st.b.new_block();
        let reraise = st.b.new_block();
        st.b.brif(is_none, done, reraise, span);
        st.b.seal(done);
        st.b.seal(reraise);
        st.b.switch_to(reraise);
        // Re-raised as it is (CPython's `RERAISE`): being handled, it gets no `__context__`.
        st.b.ins(InstKind::ExcEnter(result, level), span);
        self.reraise_(st, result, span);
        st.b.switch_to(done);
        st.b.ins(InstKind::ExcLeave(level), span);
        st.b.jump(normal_exit, vec![], span);
    }

    /// Reports `break`, `continue` and `return` that would leave the body of an `except*`
    /// clause (CPython: "'break', 'continue' and 'return' cannot appear in an except* block");
    /// `in_loop`: inside a loop of the body, which `break` and `continue` stay in.
    fn check_except_star_body(&mut self, body: &[Stmt], in_loop: bool) {
        for stmt in body {
            match stmt {
                Stmt::Return(_) => self.except_star_exit(stmt),
                Stmt::Break(_) | Stmt::Continue(_) if !in_loop => self.except_star_exit(stmt),
                Stmt::For(f) => {
                    self.check_except_star_body(&f.body, true);
                    self.check_except_star_body(&f.orelse, in_loop);
                }
                Stmt::While(w) => {
                    self.check_except_star_body(&w.body, true);
                    self.check_except_star_body(&w.orelse, in_loop);
                }
                Stmt::If(s) => {
                    self.check_except_star_body(&s.body, in_loop);
                    for clause in &s.elif_else_clauses {
                        self.check_except_star_body(&clause.body, in_loop);
                    }
                }
                Stmt::With(w) => self.check_except_star_body(&w.body, in_loop),
                Stmt::Try(t) => {
                    self.check_except_star_body(&t.body, in_loop);
                    for h in &t.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        self.check_except_star_body(&h.body, in_loop);
                    }
                    self.check_except_star_body(&t.orelse, in_loop);
                    self.check_except_star_body(&t.finalbody, in_loop);
                }
                Stmt::Match(m) => {
                    for case in &m.cases {
                        self.check_except_star_body(&case.body, in_loop);
                    }
                }
                _ => {}
            }
        }
    }

    fn except_star_exit(&mut self, stmt: &Stmt) {
        self.error(
            DiagnosticCode::InvalidSyntax,
            stmt.range(),
            "'break', 'continue' and 'return' cannot appear in an except* block",
        );
    }
}
