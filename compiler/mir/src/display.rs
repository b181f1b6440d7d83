//! The MIR text printer. The format is stable: tests snapshot it and [`crate::parse`] reads
//! it back (print → parse → print is the identity).
//!
//! ```text
//! function "f"(a, b=, *args, k=, **kw) freevars("x") generator {
//! block0(v0: dyn, v1: dyn, v2: dyn, v3: dyn, v4: dyn):
//!     v5: int = const.int 1 @4..5 #0
//!     brif v6, block1, block2(v5) @0..9 #2
//! block1 catch block3:
//!     ...
//! }
//! ```
//! Each instruction line is `[vN: type = ]opcode operands @start..end #site`.

use std::fmt::{self, Write as _};

use crate::{
    BinaryOp, BlockCall, CallArgs, CmpOp, Constant, Conversion, Function, InstData, InstKind,
    IntConst, ParamKind, Span, UnaryOp, quote,
};

impl fmt::Display for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(None, false))
    }
}

/// How [`Function::display_with`] writes a span (after the `@`), e.g. `12:5-12:9`.
pub type SpanText<'a> = &'a dyn Fn(Span) -> String;

impl Function {
    /// The function's text with each counted operation's lane as a trailing comment
    /// (`v3: int = add v1, v2 @4..9 #2  ; guarded`). The reader accepts the comments, so this
    /// text parses back to the same function.
    pub fn display_with_lanes(&self) -> String {
        self.text(None, true)
    }

    /// The function's text for people: each span written by `span` (after the `@`; for
    /// example as file positions, `@12:5-12:9`, which `--emit=mir` prints) and, when `lanes`,
    /// each counted operation's lane as a trailing comment. The reader only reads the
    /// canonical form ([`fmt::Display`], byte offsets), so this text is not meant to be
    /// parsed back.
    pub fn display_with(&self, span: SpanText<'_>, lanes: bool) -> String {
        self.text(Some(span), lanes)
    }

    /// The text of the function; spans as byte offsets unless `span` says otherwise.
    fn text(&self, span: Option<SpanText<'_>>, lanes: bool) -> String {
        let mut out = String::new();
        let _ = self.write_header(&mut out);
        for &block in &self.layout {
            let data = &self.blocks[block.index()];
            let _ = write!(out, "{block}");
            if !data.params.is_empty() {
                out.push('(');
                for (i, p) in data.params.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    let _ = write!(out, "{p}: {}", self.ty(*p));
                }
                out.push(')');
            }
            if let Some(handler) = data.handler {
                let _ = write!(out, " catch {handler}");
            }
            out.push_str(":\n");
            for inst in &data.insts {
                let data = &self.insts[inst.index()];
                out.push_str("    ");
                out.push_str(&match span {
                    Some(span) => self.display_inst_with(data, span),
                    None => self.display_inst(data),
                });
                if lanes && let Some((lane, _)) = crate::lanes::lane(self, data) {
                    let _ = write!(out, "  ; {}", lane.name());
                }
                out.push('\n');
            }
        }
        out.push_str("}\n");
        out
    }

    /// `function "f"(a, b=, *args) freevars("x") generator {` and a newline.
    fn write_header(&self, f: &mut String) -> fmt::Result {
        write!(f, "function {}(", quote(&self.name))?;
        let mut first = true;
        let mut sep = |f: &mut String| -> fmt::Result {
            if !std::mem::take(&mut first) {
                f.push_str(", ");
            }
            Ok(())
        };
        let mut seen_star = false;
        for (i, p) in self.params.iter().enumerate() {
            if p.kind == ParamKind::KeywordOnly && !seen_star {
                sep(f)?;
                f.push('*');
                seen_star = true;
            }
            sep(f)?;
            match p.kind {
                ParamKind::VarArgs => {
                    seen_star = true;
                    write!(f, "*{}", p.name)?
                }
                ParamKind::KwArgs => write!(f, "**{}", p.name)?,
                _ => f.push_str(&p.name),
            }
            if p.has_default {
                f.push('=');
            }
            let next_is_posonly = self
                .params
                .get(i + 1)
                .is_some_and(|n| n.kind == ParamKind::PositionalOnly);
            if p.kind == ParamKind::PositionalOnly && !next_is_posonly {
                sep(f)?;
                f.push('/');
            }
        }
        f.push(')');
        if !self.freevars.is_empty() {
            f.push_str(" freevars(");
            for (i, name) in self.freevars.iter().enumerate() {
                if i > 0 {
                    f.push_str(", ");
                }
                f.push_str(&quote(name));
            }
            f.push(')');
        }
        if self.is_generator {
            f.push_str(" generator");
        }
        f.push_str(" {\n");
        Ok(())
    }

    /// One instruction line without indentation, e.g. `v3: int = add v1, v2 @4..9 #2`.
    pub fn display_inst(&self, data: &InstData) -> String {
        self.display_inst_with(data, &|span| format!("{}..{}", span.start, span.end))
    }

    /// [`Function::display_inst`] with the span written by `span` (after the `@`).
    pub fn display_inst_with(&self, data: &InstData, span: SpanText<'_>) -> String {
        let mut out = String::new();
        if let Some(result) = data.result {
            let _ = write!(out, "{result}: {} = ", self.ty(result));
        }
        write_kind(&mut out, &data.kind);
        let _ = write!(out, " @{} {}", span(data.span), data.site);
        out
    }

    /// The text of an instruction's operation and operands alone, e.g. `add v1, v2`.
    pub fn display_op(&self, data: &InstData) -> String {
        let mut out = String::new();
        write_kind(&mut out, &data.kind);
        out
    }
}

/// The text mnemonic of a unary operator.
pub fn unary_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "neg",
        UnaryOp::Pos => "pos",
        UnaryOp::Invert => "invert",
        UnaryOp::Not => "not",
    }
}

/// The text mnemonic of a binary operator (without the in-place `i` prefix).
pub fn binary_name(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "add",
        BinaryOp::Sub => "sub",
        BinaryOp::Mul => "mul",
        BinaryOp::TrueDiv => "truediv",
        BinaryOp::FloorDiv => "floordiv",
        BinaryOp::Mod => "mod",
        BinaryOp::Pow => "pow",
        BinaryOp::LShift => "lshift",
        BinaryOp::RShift => "rshift",
        BinaryOp::BitAnd => "bitand",
        BinaryOp::BitOr => "bitor",
        BinaryOp::BitXor => "bitxor",
        BinaryOp::MatMul => "matmul",
    }
}

/// The text mnemonic of a comparison (`cmp.` + this).
pub fn cmp_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "eq",
        CmpOp::Ne => "ne",
        CmpOp::Lt => "lt",
        CmpOp::Le => "le",
        CmpOp::Gt => "gt",
        CmpOp::Ge => "ge",
        CmpOp::Is => "is",
        CmpOp::IsNot => "isnot",
        CmpOp::In => "in",
        CmpOp::NotIn => "notin",
    }
}

/// The text mnemonic of a conversion (`convert.` + this).
pub fn conversion_name(c: Conversion) -> &'static str {
    match c {
        Conversion::Str => "str",
        Conversion::Repr => "repr",
        Conversion::Ascii => "ascii",
    }
}

fn list(out: &mut String, vs: &[crate::Value]) {
    out.push('(');
    for (i, v) in vs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{v}");
    }
    out.push(')');
}

fn call_args(out: &mut String, args: &CallArgs) {
    out.push('(');
    let mut first = true;
    for v in &args.positional {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
        let _ = write!(out, "{v}");
    }
    for (name, v) in &args.keywords {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
        let _ = write!(out, "{name}={v}");
    }
    out.push(')');
}

fn block_call(out: &mut String, call: &BlockCall) {
    let _ = write!(out, "{}", call.block);
    if !call.args.is_empty() {
        list(out, &call.args);
    }
}

/// Formats a float so that Rust's `str::parse::<f64>` reads back the same bits.
pub fn float_text(x: f64) -> String {
    format!("{x:?}")
}

/// The text of an instruction's operation and operands, without result, span or site
/// (`add v1, v2`): a key for value numbering.
pub fn kind_text(kind: &InstKind) -> String {
    let mut out = String::new();
    write_kind(&mut out, kind);
    out
}

fn write_kind(out: &mut String, kind: &InstKind) {
    let o = out;
    match kind {
        InstKind::Const(c) => match c {
            Constant::None => o.push_str("const.none"),
            Constant::Bool(b) => {
                let _ = write!(o, "const.bool {b}");
            }
            Constant::Int(IntConst::Small(i)) => {
                let _ = write!(o, "const.int {i}");
            }
            Constant::Int(IntConst::Big(digits)) => {
                let _ = write!(o, "const.int {digits}");
            }
            Constant::Float(x) => {
                let _ = write!(o, "const.float {}", float_text(*x));
            }
            Constant::Str(s) => {
                let _ = write!(o, "const.str {}", quote(s));
            }
            Constant::Ellipsis => o.push_str("const.ellipsis"),
            Constant::Unbound => o.push_str("const.unbound"),
        },
        InstKind::Unary(op, a) => {
            let _ = write!(o, "{} {a}", unary_name(*op));
        }
        InstKind::Binary {
            op,
            inplace,
            lhs,
            rhs,
        } => {
            let prefix = if *inplace { "i" } else { "" };
            let _ = write!(o, "{prefix}{} {lhs}, {rhs}", binary_name(*op));
        }
        InstKind::Compare(op, a, b) => {
            let _ = write!(o, "cmp.{} {a}, {b}", cmp_name(*op));
        }
        InstKind::Truthy(a) => {
            let _ = write!(o, "truthy {a}");
        }
        InstKind::GlobalLoadDirect { func, via } => {
            let _ = write!(o, "global.load.direct {}", quote(func));
            if let Some(via) = via {
                let _ = write!(o, " via {}", quote(via));
            }
        }
        InstKind::GlobalLoad(n) => {
            let _ = write!(o, "global.load {}", quote(n));
        }
        InstKind::GlobalStore(n, v) => {
            let _ = write!(o, "global.store {}, {v}", quote(n));
        }
        InstKind::GlobalDel(n) => {
            let _ = write!(o, "global.del {}", quote(n));
        }
        InstKind::BuiltinLoad(n) => {
            let _ = write!(o, "builtin.load {}", quote(n));
        }
        InstKind::SlotLoad(n) => {
            let _ = write!(o, "slot.load {}", quote(n));
        }
        InstKind::SlotStore(n, v) => {
            let _ = write!(o, "slot.store {}, {v}", quote(n));
        }
        InstKind::SlotDel(n) => {
            let _ = write!(o, "slot.del {}", quote(n));
        }
        InstKind::CheckBound(v, n) => {
            let _ = write!(o, "check.bound {v}, {}", quote(n));
        }
        InstKind::CellNew(v) => {
            let _ = write!(o, "cell.new {v}");
        }
        InstKind::CellLoad(v, n) => {
            let _ = write!(o, "cell.load {v}, {}", quote(n));
        }
        InstKind::CellStore(c, v) => {
            let _ = write!(o, "cell.store {c}, {v}");
        }
        InstKind::FreeVar(i) => {
            let _ = write!(o, "freevar {i}");
        }
        InstKind::NsLoad(ns, n) => {
            let _ = write!(o, "ns.load {ns}, {}", quote(n));
        }
        InstKind::Call { callee, args } => {
            let _ = write!(o, "call {callee}");
            call_args(o, args);
        }
        InstKind::CallDirect {
            func,
            args,
            via,
            loaded,
        } => {
            let _ = write!(o, "call.direct {}", quote(func));
            list(o, args);
            if let Some(via) = via {
                let _ = write!(o, " via {}", quote(via));
            }
            if let Some(loaded) = loaded {
                let _ = write!(o, " loaded {loaded}");
            }
        }
        InstKind::CallEx {
            callee,
            args,
            kwargs,
        } => {
            let _ = write!(o, "call.ex {callee}, {args}, {kwargs}");
        }
        InstKind::CallMethod {
            receiver,
            name,
            args,
        } => {
            let _ = write!(o, "call.method {receiver}, {}", quote(name));
            call_args(o, args);
        }
        InstKind::CallMethodLoaded {
            receiver,
            method,
            name,
            args,
        } => {
            let _ = write!(
                o,
                "call.method.loaded {receiver}, {method}, {}",
                quote(name)
            );
            call_args(o, args);
        }
        InstKind::MethodIs {
            receiver,
            name,
            func,
            loaded,
        } => {
            let _ = write!(o, "method.is {receiver}, {}, {}", quote(name), quote(func));
            if let Some(loaded) = loaded {
                let _ = write!(o, " loaded {loaded}");
            }
        }
        InstKind::ClassIs {
            class,
            init,
            loaded,
        } => {
            let _ = write!(o, "class.is {}, {}", quote(class), quote(init));
            if let Some(loaded) = loaded {
                let _ = write!(o, " loaded {loaded}");
            }
        }
        InstKind::FuncIs { func, loaded } => {
            let _ = write!(o, "func.is {} loaded {loaded}", quote(func));
        }
        InstKind::NewInstance { class } => {
            let _ = write!(o, "new.instance {}", quote(class));
        }
        InstKind::MethodLoadDirect {
            receiver,
            name,
            func,
        } => {
            let _ = write!(
                o,
                "method.load.direct {receiver}, {}, {}",
                quote(name),
                quote(func)
            );
        }
        InstKind::MethodLoad(v, n) => {
            let _ = write!(o, "method.load {v}, {}", quote(n));
        }
        InstKind::CallSuper {
            sup,
            class,
            receiver,
            name,
            args,
        } => {
            let _ = write!(o, "call.super {sup}, {class}, {receiver}, {}", quote(name));
            call_args(o, args);
        }
        InstKind::CallClassDirect {
            class,
            init,
            args,
            loaded,
        } => {
            let _ = write!(o, "call.class.direct {}, {}", quote(class), quote(init));
            list(o, args);
            if let Some(loaded) = loaded {
                let _ = write!(o, " loaded {loaded}");
            }
        }
        InstKind::CallMethodDirect {
            receiver,
            name,
            func,
            args,
        } => {
            let _ = write!(
                o,
                "call.method.direct {receiver}, {}, {}",
                quote(name),
                quote(func)
            );
            list(o, args);
        }
        InstKind::GetAttr(v, n) => {
            let _ = write!(o, "getattr {v}, {}", quote(n));
        }
        InstKind::SetAttr(v, n, x) => {
            let _ = write!(o, "setattr {v}, {}, {x}", quote(n));
        }
        InstKind::GetAttrSlot(v, n) => {
            let _ = write!(o, "getattr.slot {v}, {}", quote(n));
        }
        InstKind::SetAttrSlot(v, n, x) => {
            let _ = write!(o, "setattr.slot {v}, {}, {x}", quote(n));
        }
        InstKind::DelAttr(v, n) => {
            let _ = write!(o, "delattr {v}, {}", quote(n));
        }
        InstKind::GetItem(a, b) => {
            let _ = write!(o, "getitem {a}, {b}");
        }
        InstKind::SetItem(a, b, c) => {
            let _ = write!(o, "setitem {a}, {b}, {c}");
        }
        InstKind::DelItem(a, b) => {
            let _ = write!(o, "delitem {a}, {b}");
        }
        InstKind::HandledExc => {
            let _ = write!(o, "exc.handled");
        }
        InstKind::WithExit(v) => {
            let _ = write!(o, "with.exit {v}");
        }
        InstKind::StarExtend(a, b) => {
            let _ = write!(o, "star.extend {a}, {b}");
        }
        InstKind::KwargsMerge(a, b, c) => {
            let _ = write!(o, "kwargs.merge {a}, {b}, {c}");
        }
        InstKind::BuildSlice(a, b, c) => {
            let _ = write!(o, "build.slice {a}, {b}, {c}");
        }
        InstKind::BuildList(vs) => {
            o.push_str("build.list ");
            list(o, vs)
        }
        InstKind::BuildTuple(vs) => {
            o.push_str("build.tuple ");
            list(o, vs)
        }
        InstKind::BuildSet(vs) => {
            o.push_str("build.set ");
            list(o, vs)
        }
        InstKind::BuildDict(vs) => {
            o.push_str("build.dict ");
            list(o, vs)
        }
        InstKind::BuildString(vs) => {
            o.push_str("build.string ");
            list(o, vs)
        }
        InstKind::Format(v, spec) => {
            let _ = write!(o, "format {v}, {spec}");
        }
        InstKind::Convert(c, v) => {
            let _ = write!(o, "convert.{} {v}", conversion_name(*c));
        }
        InstKind::GetIter(v) => {
            let _ = write!(o, "iter {v}");
        }
        InstKind::IsType(v, t) => {
            let _ = write!(o, "is.type {v}, {t}");
        }
        InstKind::ToIndex(v) => {
            let _ = write!(o, "index {v}");
        }
        InstKind::Unpack(v, n) => {
            let _ = write!(o, "unpack {v}, {n}");
        }
        InstKind::UnpackEx(v, a, b) => {
            let _ = write!(o, "unpack.ex {v}, {a}, {b}");
        }
        InstKind::Extract(v, n) => {
            let _ = write!(o, "extract {v}, {n}");
        }
        InstKind::MakeFunction {
            name,
            defaults,
            closure,
        } => {
            let _ = write!(o, "make.function {}, ", quote(name));
            list(o, defaults);
            o.push_str(", ");
            list(o, closure);
        }
        InstKind::MakeClass {
            name,
            bases,
            namespace,
            slots,
        } => {
            let _ = write!(o, "make.class {}, {bases}, {namespace}", quote(name));
            if !slots.is_empty() {
                o.push_str(" slots (");
                for (i, s) in slots.iter().enumerate() {
                    if i > 0 {
                        o.push_str(", ");
                    }
                    o.push_str(&quote(s));
                }
                o.push(')');
            }
        }
        InstKind::Import {
            name,
            level,
            fromlist,
        } => {
            let _ = write!(o, "import {}", quote(name));
            if *level > 0 {
                let _ = write!(o, " level {level}");
            }
            if !fromlist.is_empty() {
                o.push_str(" from (");
                for (i, n) in fromlist.iter().enumerate() {
                    if i > 0 {
                        o.push_str(", ");
                    }
                    o.push_str(&quote(n));
                }
                o.push(')');
            }
        }
        InstKind::ImportFrom(v, n) => {
            let _ = write!(o, "import.from {v}, {}", quote(n));
        }
        InstKind::ImportStar { module, only } => {
            let _ = write!(o, "import.star {module}");
            if !only.is_empty() {
                o.push_str(" only (");
                for (i, n) in only.iter().enumerate() {
                    if i > 0 {
                        o.push_str(", ");
                    }
                    o.push_str(&quote(n));
                }
                o.push(')');
            }
        }
        InstKind::ExcMatch(a, b) => {
            let _ = write!(o, "exc.match {a}, {b}");
        }
        InstKind::ExcEnter(v, level) => {
            let _ = write!(o, "exc.enter {v}, {level}");
        }
        InstKind::ExcLeave(level) => {
            let _ = write!(o, "exc.leave {level}");
        }
        InstKind::KeepAlive(vs) => {
            o.push_str("keepalive ");
            list(o, vs)
        }
        InstKind::Bind(vs) => {
            o.push_str("bind ");
            list(o, vs)
        }
        InstKind::Assume(v, t) => {
            let _ = write!(o, "assume {v}, {t}");
        }
        InstKind::Yield(v) => {
            let _ = write!(o, "yield {v}");
        }
        InstKind::Jump(call) => {
            o.push_str("jump ");
            block_call(o, call);
        }
        InstKind::Brif(c, a, b) => {
            let _ = write!(o, "brif {c}, ");
            block_call(o, a);
            o.push_str(", ");
            block_call(o, b);
        }
        InstKind::IterNext(it, a, b) => {
            let _ = write!(o, "iter.next {it}, ");
            block_call(o, a);
            o.push_str(", ");
            block_call(o, b);
        }
        InstKind::Return(v) => {
            let _ = write!(o, "return {v}");
        }
        InstKind::Raise(v, cause) => {
            let _ = write!(o, "raise {v}");
            if let Some(c) = cause {
                let _ = write!(o, " from {c}");
            }
        }
        InstKind::Reraise(v) => {
            let _ = write!(o, "reraise {v}");
        }
        InstKind::Unreachable => o.push_str("unreachable"),
    }
}
