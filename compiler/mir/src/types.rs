//! The type lattice of MIR values and local, flow-sensitive type inference over SSA.
//!
//! Lattice: `never` (no value reaches here yet) ⊑ concrete types ⊑ `dyn` (unknown: any Python
//! object). Concrete types: `none`, `bool`, `int`, `float`, `str`, `list[T]`, `tuple[T, ...]`,
//! `dict[K, V]`, `set[T]`, `range`, `iter[T]`, `inst[C]` (instance of a known class `C`),
//! `class[C]`, `fn[f]`. Element types of mutable containers come only from annotations
//! (assumptions the optimizer must guard); literals give `list[dyn]`. Joins of different concrete types go to `dyn` (no unions); container
//! element types join pointwise, and nesting deeper than [`MAX_DEPTH`] widens to `dyn` so the
//! fixpoint terminates.
//!
//! Inference is the classic forward dataflow fixpoint over block parameters (Kildall 1973):
//! instruction results are recomputed from operand types by [`result_type`], and each block
//! parameter is the join of the arguments every branch passes to it.

use std::fmt;

use crate::{BinaryOp, CmpOp, Constant, Function, InstKind, UnaryOp, Value, ValueDef};

/// Nesting depth beyond which container element types widen to `dyn`.
pub const MAX_DEPTH: usize = 3;

/// A type fact about a MIR value.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Type {
    /// No value yet (bottom; unreachable or not yet inferred).
    Never,
    /// Unknown: any Python object, handled by dynamic dispatch (top).
    Dyn,
    /// `None`
    None,
    /// `bool`
    Bool,
    /// `int` (arbitrary precision)
    Int,
    /// `float`
    Float,
    /// `str`
    Str,
    /// `list[T]`
    List(Box<Type>),
    /// `tuple[T1, T2, ...]` of known length
    Tuple(Vec<Type>),
    /// `dict[K, V]`
    Dict(Box<Type>, Box<Type>),
    /// `set[T]`
    Set(Box<Type>),
    /// `range`
    Range,
    /// `iter[T]`: an iterator yielding `T`
    Iter(Box<Type>),
    /// `inst[C]`: an instance of the module's class `C` (exactly, not a subclass)
    Instance(Box<str>),
    /// `class[C]`: the class object `C`
    Class(Box<str>),
    /// `fn[f]`: the module-level function `f`
    Function(Box<str>),
}

impl Type {
    /// Least upper bound.
    pub fn join(&self, other: &Type) -> Type {
        self.join_at(other, 0)
    }

    fn join_at(&self, other: &Type, depth: usize) -> Type {
        use Type::*;
        if depth > MAX_DEPTH {
            return Dyn;
        }
        let inner = |a: &Type, b: &Type| Box::new(a.join_at(b, depth + 1));
        match (self, other) {
            (Never, t) | (t, Never) => t.widen(depth),
            (List(a), List(b)) => List(inner(a, b)),
            (Set(a), Set(b)) => Set(inner(a, b)),
            (Iter(a), Iter(b)) => Iter(inner(a, b)),
            (Dict(ka, va), Dict(kb, vb)) => Dict(inner(ka, kb), inner(va, vb)),
            (Tuple(a), Tuple(b)) if a.len() == b.len() => Tuple(
                a.iter()
                    .zip(b)
                    .map(|(a, b)| a.join_at(b, depth + 1))
                    .collect(),
            ),
            (a, b) if a == b => a.clone(),
            _ => Dyn,
        }
    }

    /// `self` with element types nested deeper than [`MAX_DEPTH`] replaced by `dyn`.
    fn widen(&self, depth: usize) -> Type {
        use Type::*;
        if depth > MAX_DEPTH {
            return Dyn;
        }
        let w = |t: &Type| Box::new(t.widen(depth + 1));
        match self {
            List(t) => List(w(t)),
            Set(t) => Set(w(t)),
            Iter(t) => Iter(w(t)),
            Dict(k, v) => Dict(w(k), w(v)),
            Tuple(ts) => Tuple(ts.iter().map(|t| t.widen(depth + 1)).collect()),
            t => t.clone(),
        }
    }

    /// Partial order of the lattice: `self ⊑ other`.
    pub fn is_subtype_of(&self, other: &Type) -> bool {
        use Type::*;
        match (self, other) {
            (a, b) if a == b => true,
            (Never, _) | (_, Dyn) => true,
            (List(a), List(b)) | (Set(a), Set(b)) | (Iter(a), Iter(b)) => a.is_subtype_of(b),
            (Dict(ka, va), Dict(kb, vb)) => ka.is_subtype_of(kb) && va.is_subtype_of(vb),
            (Tuple(a), Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.is_subtype_of(b))
            }
            _ => false,
        }
    }

    /// Numeric types (`bool` counts: it is a subclass of `int`).
    fn is_intlike(&self) -> bool {
        matches!(self, Type::Int | Type::Bool)
    }

    /// The type `iter(x)` yields when `x: self`.
    pub fn element_type(&self) -> Type {
        match self {
            Type::List(t) | Type::Set(t) | Type::Iter(t) => (**t).clone(),
            Type::Dict(k, _) => (**k).clone(),
            Type::Str => Type::Str,
            Type::Range => Type::Int,
            // An empty tuple yields nothing; `dyn` keeps the (dead) loop body well-typed.
            Type::Tuple(ts) if ts.is_empty() => Type::Dyn,
            Type::Tuple(ts) => ts.iter().fold(Type::Never, |acc, t| acc.join(t)),
            Type::Never => Type::Never,
            _ => Type::Dyn,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Never => f.write_str("never"),
            Type::Dyn => f.write_str("dyn"),
            Type::None => f.write_str("none"),
            Type::Bool => f.write_str("bool"),
            Type::Int => f.write_str("int"),
            Type::Float => f.write_str("float"),
            Type::Str => f.write_str("str"),
            Type::List(t) => write!(f, "list[{t}]"),
            Type::Tuple(ts) => {
                f.write_str("tuple[")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                f.write_str("]")
            }
            Type::Dict(k, v) => write!(f, "dict[{k}, {v}]"),
            Type::Set(t) => write!(f, "set[{t}]"),
            Type::Range => f.write_str("range"),
            Type::Iter(t) => write!(f, "iter[{t}]"),
            Type::Instance(c) => write!(f, "inst[{c}]"),
            Type::Class(c) => write!(f, "class[{c}]"),
            Type::Function(n) => write!(f, "fn[{n}]"),
        }
    }
}

/// The result type of `kind` given a way to look up operand types. Instructions whose result
/// depends on runtime behaviour the IR cannot see (calls, attribute loads) give `dyn`, except
/// where the callee is known through its type (`class[C]` → `inst[C]`).
pub fn result_type(kind: &InstKind, ty: &dyn Fn(Value) -> Type) -> Type {
    use Type::*;
    match kind {
        InstKind::Const(c) => match c {
            Constant::None => None,
            Constant::Bool(_) => Bool,
            Constant::Int(_) => Int,
            Constant::Float(_) => Float,
            Constant::Str(_) => Str,
            Constant::Ellipsis | Constant::Unbound => Dyn,
        },
        InstKind::Unary(op, a) => {
            let a = ty(*a);
            match (op, &a) {
                (UnaryOp::Not, _) => Bool,
                (_, Never) => Never,
                (UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, t) if t.is_intlike() => Int,
                (UnaryOp::Neg | UnaryOp::Pos, Float) => Float,
                _ => Dyn,
            }
        }
        InstKind::Binary { op, lhs, rhs, .. } => binary_type(*op, &ty(*lhs), &ty(*rhs)),
        InstKind::Compare(op, a, b) => {
            let (a, b) = (ty(*a), ty(*b));
            let builtin = |t: &Type| {
                matches!(
                    t,
                    Int | Bool | Float | Str | None | List(_) | Tuple(_) | Dict(..) | Set(_)
                )
            };
            match op {
                CmpOp::Is | CmpOp::IsNot => Bool,
                CmpOp::In | CmpOp::NotIn => Bool,
                _ if builtin(&a) && builtin(&b) => Bool,
                _ => Dyn,
            }
        }
        InstKind::Truthy(_)
        | InstKind::ExcMatch(..)
        | InstKind::IsType(..)
        | InstKind::MethodIs { .. }
        | InstKind::ClassIs { .. }
        | InstKind::FuncIs { .. } => Bool,
        InstKind::ToIndex(_) => Int,
        // Lists, sets and dicts are mutable: what a literal held says nothing about what the
        // container holds later, so their element types are unknown. Tuples are immutable.
        InstKind::BuildList(_) => List(Box::new(Dyn)),
        InstKind::BuildSet(_) => Set(Box::new(Dyn)),
        InstKind::BuildDict(_) => Dict(Box::new(Dyn), Box::new(Dyn)),
        InstKind::BuildTuple(vs) => Tuple(vs.iter().map(|v| ty(*v)).collect()),
        InstKind::BuildString(_) | InstKind::Format(..) | InstKind::Convert(..) => Str,
        InstKind::GetIter(a) => match ty(*a) {
            Never => Never,
            Dyn => Dyn,
            t => Iter(Box::new(t.element_type())),
        },
        InstKind::GetItem(a, i) => match (ty(*a), ty(*i)) {
            (List(t), Int | Bool) => *t,
            (Dict(_, v), _) => *v,
            (Str, Int | Bool) => Str,
            _ => Dyn,
        },
        InstKind::Extract(a, n) => match ty(*a) {
            Tuple(ts) => ts.get(*n as usize).cloned().unwrap_or(Dyn),
            _ => Dyn,
        },
        InstKind::Unpack(a, n) => match ty(*a) {
            Tuple(ts) if ts.len() == *n as usize => Tuple(ts),
            Never => Never,
            t => {
                let e = t.element_type();
                Tuple(vec![e; *n as usize])
            }
        },
        InstKind::UnpackEx(a, before, after) => {
            let e = ty(*a).element_type();
            let mut ts = vec![e.clone(); *before as usize];
            ts.push(List(Box::new(e.clone())));
            ts.extend(vec![e; *after as usize]);
            Tuple(ts)
        }
        InstKind::Call { callee, .. } => match ty(*callee) {
            Class(c) => Instance(c),
            _ => Dyn,
        },
        InstKind::Assume(_, t) => t.clone(),
        // The runtime keeps a compiled module's `__name__` a str (`molt_runtime::watch`);
        // deleted, the name falls back to the builtins module's, a str too.
        InstKind::GlobalLoad(name) if &**name == "__name__" => Str,
        InstKind::CheckBound(a, _) => ty(*a),
        InstKind::MakeFunction { name, .. } => Function(name.clone()),
        InstKind::MakeClass { name, .. } => Class(name.clone()),
        // A method of an exact str (a `str` fact is never an instance of a subclass, whose
        // methods could be overridden): what the builtin method returns, or raises.
        InstKind::CallMethod { receiver, name, .. } => match ty(*receiver) {
            Never => Never,
            Str => str_method_type(name),
            _ => Dyn,
        },
        _ => Dyn,
    }
}

/// The result type of the builtin method `name` of an exact str: a new or the same exact
/// str, a new list (of strs, but mutable, so `list[dyn]`), an int, a bool, or a 3-tuple of
/// strs; `dyn` for the others.
pub fn str_method_type(name: &str) -> Type {
    use Type::*;
    match name {
        "join" | "strip" | "lstrip" | "rstrip" | "lower" | "upper" | "replace" | "removeprefix"
        | "removesuffix" | "ljust" | "rjust" | "center" | "zfill" | "casefold" | "title"
        | "capitalize" | "swapcase" | "expandtabs" => Str,
        "split" | "rsplit" | "splitlines" => List(Box::new(Dyn)),
        "find" | "rfind" | "index" | "rindex" | "count" => Int,
        "startswith" | "endswith" | "isdigit" | "isdecimal" | "isnumeric" | "isalpha"
        | "isalnum" | "isspace" | "isupper" | "islower" | "istitle" | "isidentifier"
        | "isprintable" | "isascii" => Bool,
        "partition" | "rpartition" => Tuple(vec![Str, Str, Str]),
        _ => Dyn,
    }
}

fn binary_type(op: BinaryOp, a: &Type, b: &Type) -> Type {
    use BinaryOp::*;
    use Type::*;
    if *a == Never || *b == Never {
        return Never;
    }
    let (ai, bi) = (a.is_intlike(), b.is_intlike());
    let num = |t: &Type| t.is_intlike() || *t == Float;
    match op {
        Add | Sub | Mul | FloorDiv | Mod if ai && bi => Int,
        LShift | RShift | BitAnd | BitOr | BitXor if ai && bi => {
            if matches!(op, BitAnd | BitOr | BitXor) && *a == Bool && *b == Bool {
                Bool
            } else {
                Int
            }
        }
        Add | Sub | Mul | FloorDiv | Mod if num(a) && num(b) && (*a == Float || *b == Float) => {
            Float
        }
        // A float to an int power is a float; a negative number to a fractional float power
        // is a complex (`(-1.0) ** 0.5`), so a float exponent leaves the type open.
        Pow if *a == Float && bi => Float,
        TrueDiv if num(a) && num(b) => Float,
        Add if *a == Str && *b == Str => Str,
        Mod if *a == Str => Str,
        Mul if (*a == Str && bi) || (ai && *b == Str) => Str,
        Add => match (a, b) {
            (List(_), List(_)) => List(Box::new(Dyn)),
            _ => Dyn,
        },
        _ => Dyn,
    }
}

/// Recomputes the type of every instruction result and non-entry block parameter by forward
/// dataflow to a fixpoint. Entry block parameters, exception-handler parameters and the
/// results of `assume` keep or get their declared types. Returns the number of rounds.
pub fn infer(func: &mut Function) -> usize {
    // Parameters of non-entry blocks start at bottom; instruction results are recomputed.
    let handlers: Vec<_> = func.blocks.iter().filter_map(|b| b.handler).collect();
    for (index, data) in func.values.iter_mut().enumerate() {
        let _ = index;
        match data.def {
            ValueDef::Param(block, _) if block.0 != 0 && !handlers.contains(&block) => {
                data.ty = Type::Never
            }
            ValueDef::Param(..) => {}
            ValueDef::Result(_) => data.ty = Type::Never,
        }
    }
    for handler in &handlers {
        for &p in &func.blocks[handler.index()].params {
            func.values[p.index()].ty = Type::Dyn;
        }
    }
    let mut rounds = 0;
    loop {
        rounds += 1;
        let mut changed = false;
        for bi in 0..func.layout.len() {
            let block = func.layout[bi];
            let insts = func.blocks[block.index()].insts.clone();
            for inst in insts {
                let data = &func.insts[inst.index()];
                if let Some(result) = data.result {
                    let values = &func.values;
                    let t = result_type(&data.kind, &|v: Value| values[v.index()].ty.clone());
                    let old = &func.values[result.index()].ty;
                    let new = old.join(&t);
                    if &new != old {
                        func.values[result.index()].ty = new;
                        changed = true;
                    }
                }
                let mut edges: Vec<(crate::Block, Vec<Type>)> = Vec::new();
                match &data.kind {
                    InstKind::IterNext(it, body, exit) => {
                        let mut body_types = vec![func.ty(*it).element_type()];
                        body_types.extend(body.args.iter().map(|v| func.ty(*v).clone()));
                        edges.push((body.block, body_types));
                        edges.push((
                            exit.block,
                            exit.args.iter().map(|v| func.ty(*v).clone()).collect(),
                        ));
                    }
                    kind => {
                        for call in kind.successors() {
                            edges.push((
                                call.block,
                                call.args.iter().map(|v| func.ty(*v).clone()).collect(),
                            ));
                        }
                    }
                }
                for (target, types) in edges {
                    if target.0 == 0 {
                        continue;
                    }
                    let params = func.blocks[target.index()].params.clone();
                    for (p, t) in params.iter().zip(types) {
                        let old = &func.values[p.index()].ty;
                        let new = old.join(&t);
                        if &new != old {
                            func.values[p.index()].ty = new;
                            changed = true;
                        }
                    }
                }
            }
        }
        if !changed || rounds > 64 {
            return rounds;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Type::*;
    use super::*;

    #[test]
    fn join_is_least_upper_bound() {
        assert_eq!(Int.join(&Int), Int);
        assert_eq!(Int.join(&Never), Int);
        assert_eq!(Int.join(&Float), Dyn);
        assert_eq!(
            List(Box::new(Int)).join(&List(Box::new(Never))),
            List(Box::new(Int))
        );
        assert_eq!(
            List(Box::new(Int)).join(&List(Box::new(Str))),
            List(Box::new(Dyn))
        );
        assert!(Int.is_subtype_of(&Dyn));
        assert!(!Dyn.is_subtype_of(&Int));
        let deep = List(Box::new(List(Box::new(List(Box::new(List(Box::new(
            Int,
        ))))))));
        assert!(
            deep.is_subtype_of(&deep),
            "structural order, not join-based"
        );
    }

    #[test]
    fn deep_nesting_widens() {
        let mut t = Int;
        for _ in 0..10 {
            t = List(Box::new(t));
        }
        assert_eq!(t.join(&Never).to_string(), "list[list[list[list[dyn]]]]");
    }

    #[test]
    fn arithmetic_rules() {
        assert_eq!(binary_type(BinaryOp::Add, &Int, &Bool), Int);
        assert_eq!(binary_type(BinaryOp::TrueDiv, &Int, &Int), Float);
        assert_eq!(
            binary_type(BinaryOp::Pow, &Int, &Int),
            Dyn,
            "int ** int may be a float"
        );
        assert_eq!(binary_type(BinaryOp::Pow, &Float, &Int), Float);
        assert_eq!(
            binary_type(BinaryOp::Pow, &Float, &Float),
            Dyn,
            "(-1.0) ** 0.5 is a complex"
        );
        assert_eq!(binary_type(BinaryOp::Pow, &Int, &Float), Dyn);
        assert_eq!(binary_type(BinaryOp::Mul, &Str, &Int), Str);
        assert_eq!(binary_type(BinaryOp::Add, &Int, &Dyn), Dyn);
    }
}
