//! Structured Python input: a grammar of statements and expressions, driven by
//! [`arbitrary::Unstructured`] and rendered to source text, that produces mostly valid
//! Python 3.11 (the inputs that get past the parser into checking, lowering and the
//! optimizer), with some deliberate breakage (names outside any scope, `break` outside a
//! loop, deep nesting past CPython's limits, constructs outside the subset).
//!
//! Every choice reads a number from the `Unstructured`; when its bytes run out every choice
//! takes its first option, which is always a leaf, so generation ends. Nesting is bounded by
//! an explicit depth budget, apart from [`deep_nesting`], which builds the deliberately deep
//! shapes (bracket nesting, long operator chains, nested blocks) that stress the recursive
//! walks of the parser, the semantic passes and lowering.

use arbitrary::{Arbitrary, Result, Unstructured};

/// Python source made by [`Generator`]: the `Arbitrary` input of the frontend targets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PythonSource(pub String);

impl<'a> Arbitrary<'a> for PythonSource {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<PythonSource> {
        Ok(PythonSource(Generator::new(u).module()?))
    }
}

/// Names statements bind and expressions read: few, so that most reads find a binding.
const NAMES: &[&str] = &[
    "a", "b", "c", "x", "y", "n", "s", "xs", "d", "t", "f", "g", "C", "D", "E", "i", "e",
];

/// Functions and classes the generated code calls (the module prelude defines them).
const CALLABLES: &[&str] = &[
    "f",
    "g",
    "C",
    "D",
    "E",
    "len",
    "print",
    "range",
    "int",
    "str",
    "float",
    "list",
    "dict",
    "tuple",
    "set",
    "sorted",
    "min",
    "max",
    "abs",
    "isinstance",
    "repr",
    "sum",
    "any",
    "all",
    "enumerate",
    "zip",
    "map",
    "filter",
    "iter",
    "next",
    "divmod",
    "pow",
    "round",
    "hash",
    "bool",
    "type",
    "super",
    "getattr",
    "setattr",
    "hasattr",
    "chr",
    "ord",
    "id",
    "reversed",
    "frozenset",
    "object",
    "ValueError",
    "KeyError",
    "Exception",
    "StopIteration",
    // Outside the runtime: `unsupported-builtin`.
    "eval",
    "open",
    "bytes",
];

const METHODS: &[&str] = &[
    "append",
    "pop",
    "get",
    "keys",
    "values",
    "items",
    "upper",
    "split",
    "join",
    "format",
    "insert",
    "extend",
    "index",
    "count",
    "copy",
    "update",
    "add",
    "strip",
    "startswith",
    "replace",
    "sort",
    "setdefault",
    "__add__",
    "__len__",
    "m",
    "__init__",
];

const BINARY: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
];

const COMPARE: &[&str] = &[
    "<", "<=", ">", ">=", "==", "!=", "is", "is not", "in", "not in",
];

const EXCEPTIONS: &[&str] = &[
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "ZeroDivisionError",
    "StopIteration",
    "BaseException",
    "E",
    "(TypeError, KeyError)",
    "ArithmeticError",
];

const INTS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "7",
    "255",
    "0x7f",
    "0o17",
    "0b101",
    "1_000",
    "2**63",
    "9223372036854775807",
    "18446744073709551616",
    "140737488355328",
    "-140737488355329",
    "123456789012345678901234567890",
    "00",
    "True",
    "False",
];

const FLOATS: &[&str] = &[
    "0.0", "-0.0", "1.5", ".5", "1e308", "1e-320", "2.5e-3", "1_0.0", "3.", "1e400",
];

const STRINGS: &[&str] = &[
    "''",
    "'a'",
    "\"xyz\"",
    "'a\\nb'",
    "'\\t\\x41\\u00e9\\U0001F600'",
    "r'\\d+'",
    "'''tri\nple'''",
    "'é'",
    "'😀'",
    "'𝔘𝔫𝔦'",
    "'日本'",
    "'\\0'",
    "'%s-%d' % ('a', 1)",
    "'a' 'b'",
    "b'bytes'",
    "u'u'",
];

const ANNOTATIONS: &[&str] = &[
    "int",
    "float",
    "str",
    "bool",
    "list",
    "list[int]",
    "dict[str, int]",
    "tuple[int, ...]",
    "C",
    "None",
    "'C'",
];

/// Renders random Python modules. One generator makes one module.
pub struct Generator<'a, 'b> {
    u: &'a mut Unstructured<'b>,
    out: String,
    indent: usize,
    /// What encloses the current statement (for `return`, `yield`, `break`, ...).
    in_function: bool,
    in_loop: bool,
    in_class: bool,
    /// Statement nesting left before only simple statements are made.
    block_budget: u32,
    /// Statements left in the module.
    statements_left: u32,
    /// Whether this module may use what the compiler rejects (`async`, `match`, `bytes`,
    /// nested classes, misplaced `break`/`return`/`nonlocal`, ...). A quarter of the
    /// modules do; the others mostly check clean and reach lowering and codegen.
    invalid: bool,
}

impl<'a, 'b> Generator<'a, 'b> {
    /// A generator reading its choices from `u`.
    pub fn new(u: &'a mut Unstructured<'b>) -> Generator<'a, 'b> {
        Generator {
            u,
            out: String::new(),
            indent: 0,
            in_function: false,
            in_loop: false,
            in_class: false,
            block_budget: 5,
            statements_left: 120,
            invalid: false,
        }
    }

    /// `percent` % of the time (never once the bytes run out).
    fn chance(&mut self, percent: u8) -> Result<bool> {
        Ok(self.u.int_in_range(0..=99u8)? >= 100 - percent.min(100))
    }

    fn pick<T: Copy>(&mut self, choices: &[T]) -> Result<T> {
        Ok(*self.u.choose(choices)?)
    }

    fn below(&mut self, n: u32) -> Result<u32> {
        self.u.int_in_range(0..=n.saturating_sub(1))
    }

    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A whole module: usually a prelude that binds the names the rest reads, then
    /// statements.
    pub fn module(mut self) -> Result<String> {
        self.invalid = self.chance(25)?;
        if self.chance(80)? {
            self.prelude();
        }
        let count = 1 + self.below(30)?;
        for _ in 0..count {
            if self.u.is_empty() {
                break;
            }
            self.statement()?;
        }
        if self.chance(10)? {
            let deep = deep_nesting(self.u)?;
            self.out.push_str(&deep);
        }
        Ok(self.out)
    }

    fn prelude(&mut self) {
        for line in [
            "a = 1",
            "b = 2.5",
            "c = 'c'",
            "x = [1, 2, 3]",
            "y = {'k': 1}",
            "n = 3",
            "s = 'text'",
            "xs = (1, 'two', 3.0)",
            "d = {1: 'one'}",
            "t = (a, b)",
            "i = 0",
            "e = None",
            "def f(p=1, *args, **kw):",
            "    return p",
            "def g(q, r=2):",
            "    yield q",
            "    yield r",
            "class C:",
            "    k = 1",
            "    def __init__(self, v=0):",
            "        self.v = v",
            "    def m(self):",
            "        return self.v",
            "class D(C):",
            "    def m(self):",
            "        return super().m() + 1",
            "class E(Exception):",
            "    pass",
        ] {
            self.line(line);
        }
    }

    /// A block of 1..=n statements one level deeper.
    fn block(&mut self, max: u32) -> Result<()> {
        self.indent += 1;
        self.block_budget = self.block_budget.saturating_sub(1);
        let count = 1 + self.below(max)?;
        for k in 0..count {
            if k > 0 && self.u.is_empty() {
                break;
            }
            self.statement()?;
        }
        self.block_budget += 1;
        self.indent -= 1;
        Ok(())
    }

    fn target(&mut self) -> Result<String> {
        Ok(match self.below(8)? {
            0..=3 => self.pick(NAMES)?.to_owned(),
            4 => format!("{}, {}", self.pick(NAMES)?, self.pick(NAMES)?),
            5 => format!("{}, *{}", self.pick(NAMES)?, self.pick(NAMES)?),
            6 => format!("{}.{}", self.pick(NAMES)?, self.pick(&["v", "k", "attr"])?),
            _ => format!("{}[{}]", self.pick(NAMES)?, self.expr(1)?),
        })
    }

    /// One statement (compound ones with their blocks).
    pub fn statement(&mut self) -> Result<()> {
        self.statements_left = self.statements_left.saturating_sub(1);
        let compound = self.block_budget > 0 && self.statements_left > 0;
        let kind = if compound {
            self.below(34)?
        } else {
            self.below(14)?
        };
        match kind {
            0 => {
                let (t, v) = (self.target()?, self.expr(3)?);
                self.line(&format!("{t} = {v}"));
            }
            1 => {
                let v = self.expr(3)?;
                self.line(&v);
            }
            2 => {
                let (t, op, v) = (self.pick(NAMES)?, self.pick(BINARY)?, self.expr(2)?);
                self.line(&format!("{t} {op}= {v}"));
            }
            3 => {
                let args = self.args()?;
                self.line(&format!("print({args})"));
            }
            4 => {
                let (t, ann) = (self.pick(NAMES)?, self.pick(ANNOTATIONS)?);
                if self.chance(70)? {
                    let v = self.expr(2)?;
                    self.line(&format!("{t}: {ann} = {v}"));
                } else {
                    self.line(&format!("{t}: {ann}"));
                }
            }
            5 => {
                let s = if self.in_loop || (self.invalid && self.chance(10)?) {
                    self.pick(&["break", "continue"])?
                } else {
                    "pass"
                };
                self.line(s);
            }
            6 => {
                if self.in_function || (self.invalid && self.chance(10)?) {
                    let s = match self.below(3)? {
                        0 => "return".to_owned(),
                        1 => format!("return {}", self.expr(3)?),
                        _ => format!("yield {}", self.expr(2)?),
                    };
                    self.line(&s);
                } else {
                    self.line("pass");
                }
            }
            7 => {
                let s = match self.below(4)? {
                    0 => "raise".to_owned(),
                    1 => format!("raise {}", self.pick(EXCEPTIONS)?),
                    2 => format!(
                        "raise {}({})",
                        self.pick(&["ValueError", "E", "KeyError"])?,
                        self.expr(1)?
                    ),
                    _ => format!(
                        "raise E() from {}",
                        self.pick(&["None", "e", "ValueError()"])?
                    ),
                };
                self.line(&s);
            }
            8 => {
                let v = self.pick(NAMES)?;
                self.line(&format!("del {v}"));
            }
            9 => {
                let keywords: &[&str] = if self.invalid {
                    &["global", "nonlocal"]
                } else {
                    &["global"]
                };
                let (kw, v) = (self.pick(keywords)?, self.pick(NAMES)?);
                self.line(&format!("{kw} {v}"));
            }
            10 => {
                let c = self.expr(2)?;
                if self.chance(30)? {
                    let m = self.expr(1)?;
                    self.line(&format!("assert {c}, {m}"));
                } else {
                    self.line(&format!("assert {c}"));
                }
            }
            11 if !self.invalid => {
                let s = self.pick(&["import math", "import sys", "from math import sqrt"])?;
                self.line(s);
            }
            11 => {
                let s = self
                    .pick(&[
                        "import math",
                        "import sys",
                        "from math import sqrt",
                        "import os.path",
                        "from . import x",
                        "pass",
                    ])?
                    .to_owned();
                self.line(&s);
            }
            12 => {
                let (a, b2, v) = (self.pick(NAMES)?, self.pick(NAMES)?, self.expr(2)?);
                self.line(&format!("{a} = {b2} = {v}"));
            }
            13 => {
                let (name, v) = (self.pick(NAMES)?, self.expr(1)?);
                self.line(&format!("{name} = lambda *a, **k: {v}"));
            }
            14 | 15 => self.if_statement()?,
            16 => {
                let c = self.expr(2)?;
                self.line(&format!("while {c}:"));
                self.looped()?;
                if self.chance(20)? {
                    self.line("else:");
                    self.block(2)?;
                }
            }
            17 | 18 => {
                let t = if self.chance(20)? {
                    format!("{}, {}", self.pick(NAMES)?, self.pick(NAMES)?)
                } else {
                    self.pick(NAMES)?.to_owned()
                };
                let it = self.iterable()?;
                self.line(&format!("for {t} in {it}:"));
                self.looped()?;
                if self.chance(20)? {
                    self.line("else:");
                    self.block(2)?;
                }
            }
            19..=21 => self.function()?,
            22 | 23 if self.invalid || !self.in_function => self.class()?,
            22 | 23 => self.function()?,
            24 | 25 => self.try_statement()?,
            26 => {
                let (ctx, alias) = (self.expr(1)?, self.pick(NAMES)?);
                self.line(&format!("with {ctx} as {alias}:"));
                self.block(3)?;
            }
            27 | 28 if !self.invalid => self.if_statement()?,
            27 => {
                // `match` is 3.10 grammar; outside the subset or not, it must not crash.
                let v = self.expr(1)?;
                self.line(&format!("match {v}:"));
                self.indent += 1;
                for pattern in ["1", "[a, *rest]", "{'k': v}", "C(v=1)", "_"] {
                    if self.chance(60)? || pattern == "_" {
                        self.line(&format!("case {pattern}:"));
                        self.block(2)?;
                    }
                }
                self.indent -= 1;
            }
            28 => {
                let name = self.pick(NAMES)?;
                self.line(&format!("async def {name}():"));
                self.indent += 1;
                self.line("await f()");
                self.indent -= 1;
            }
            29 => {
                // A nested function that closes over the enclosing one's locals.
                let (outer, inner) = (self.pick(&["f", "g", "h"])?, self.pick(&["h", "k"])?);
                self.line(&format!("def {outer}(a, b=1):"));
                self.indent += 1;
                self.line("x = a");
                self.line(&format!("def {inner}(c=x):"));
                self.indent += 1;
                self.line("nonlocal x");
                let v = self.expr(2)?;
                self.line(&format!("x = {v}"));
                self.line("return x + c");
                self.indent -= 1;
                self.line(&format!("return {inner}"));
                self.indent -= 1;
            }
            30 => {
                let (name, it) = (self.pick(NAMES)?, self.iterable()?);
                self.line(&format!("{name} = [{name} for {name} in {it} if {name}]"));
            }
            31 => {
                let deco = self.pick(&["staticmethod", "classmethod", "property", "f"])?;
                self.line(&format!("@{deco}"));
                self.function()?;
            }
            _ => {
                let t = self.pick(NAMES)?;
                let v = self.expr(2)?;
                self.line(&format!("if ({t} := {v}):"));
                self.block(2)?;
            }
        }
        Ok(())
    }

    fn looped(&mut self) -> Result<()> {
        let was = std::mem::replace(&mut self.in_loop, true);
        self.block(4)?;
        self.in_loop = was;
        Ok(())
    }

    fn if_statement(&mut self) -> Result<()> {
        let c = self.expr(3)?;
        self.line(&format!("if {c}:"));
        self.block(3)?;
        while self.chance(30)? {
            let c = self.expr(2)?;
            self.line(&format!("elif {c}:"));
            self.block(2)?;
        }
        if self.chance(40)? {
            self.line("else:");
            self.block(2)?;
        }
        Ok(())
    }

    fn parameters(&mut self) -> Result<String> {
        let mut params = Vec::new();
        if self.in_class {
            params.push("self".to_owned());
        }
        let count = self.below(4)?;
        let names = ["p", "q", "r", "z"];
        let mut defaults = false;
        for &name in names.iter().take(count as usize) {
            let mut p = name.to_owned();
            if self.chance(30)? {
                p.push_str(&format!(": {}", self.pick(ANNOTATIONS)?));
            }
            // After a parameter with a default, every positional one has one.
            if defaults || self.chance(25)? {
                defaults = true;
                p.push_str(&format!("={}", self.expr(1)?));
            }
            params.push(p);
        }
        if self.chance(15)? {
            params.push("*args".into());
        } else if self.chance(10)? {
            params.push("*".into());
            params.push("kwonly=3".into());
        }
        if self.chance(15)? {
            params.push("**kwargs".into());
        }
        if self.chance(5)? {
            params.insert(0, "pos".into());
            params.insert(1, "/".into());
        }
        Ok(params.join(", "))
    }

    fn function(&mut self) -> Result<()> {
        let name = self.pick(&["f", "g", "h", "m", "__init__", "__eq__", "__iter__", "run"])?;
        let params = self.parameters()?;
        let ret = if self.chance(20)? {
            format!(" -> {}", self.pick(ANNOTATIONS)?)
        } else {
            String::new()
        };
        self.line(&format!("def {name}({params}){ret}:"));
        let saved = (self.in_function, self.in_loop, self.in_class);
        (self.in_function, self.in_loop, self.in_class) = (true, false, false);
        self.block(5)?;
        (self.in_function, self.in_loop, self.in_class) = saved;
        Ok(())
    }

    fn class(&mut self) -> Result<()> {
        let name = self.pick(&["C", "D", "E", "K"])?;
        let bases: &[&str] = if self.invalid {
            &["(C, D)", "(metaclass=type)", "(C)"]
        } else {
            &[
                "",
                "(C)",
                "(Exception)",
                "(object)",
                "(int)",
                "(list)",
                "(ValueError)",
            ]
        };
        let bases = self.pick(bases)?;
        self.line(&format!("class {name}{bases}:"));
        let saved = (self.in_function, self.in_loop, self.in_class);
        (self.in_function, self.in_loop, self.in_class) = (false, false, true);
        self.indent += 1;
        let count = 1 + self.below(4)?;
        for _ in 0..count {
            match self.below(4)? {
                0 => self.line("pass"),
                1 => {
                    let (n, v) = (self.pick(&["k", "attr", "__slots__", "x"])?, self.expr(1)?);
                    self.line(&format!("{n} = {v}"));
                }
                _ => {
                    self.in_class = true;
                    self.function()?;
                }
            }
        }
        self.indent -= 1;
        (self.in_function, self.in_loop, self.in_class) = saved;
        Ok(())
    }

    fn try_statement(&mut self) -> Result<()> {
        self.line("try:");
        self.block(3)?;
        let handlers = self.below(3)?;
        for _ in 0..handlers {
            let s = match self.below(3)? {
                0 => "except:".to_owned(),
                1 => format!("except {}:", self.pick(EXCEPTIONS)?),
                _ => format!("except {} as e:", self.pick(EXCEPTIONS)?),
            };
            self.line(&s);
            self.block(2)?;
        }
        if handlers > 0 && self.chance(20)? {
            self.line("else:");
            self.block(2)?;
        }
        if handlers == 0 || self.chance(30)? {
            self.line("finally:");
            self.block(2)?;
        }
        Ok(())
    }

    fn iterable(&mut self) -> Result<String> {
        Ok(match self.below(6)? {
            0 => format!("range({})", self.expr(1)?),
            1 => self.pick(NAMES)?.to_owned(),
            2 => "range(3)".to_owned(),
            3 => format!("[{}, {}]", self.expr(1)?, self.expr(1)?),
            4 => format!("g({})", self.expr(1)?),
            _ => self.expr(2)?,
        })
    }

    /// Call arguments in an order the grammar allows: positional and `*x` ones, then
    /// keywords, then `**m` ones.
    fn args(&mut self) -> Result<String> {
        let count = self.below(4)?;
        let mut args: Vec<(u8, String)> = Vec::new();
        for _ in 0..count {
            let arg = match self.below(8)? {
                0 => (0, format!("*{}", self.pick(NAMES)?)),
                1 => (2, format!("**{}", self.pick(NAMES)?)),
                2 => {
                    let key = self.pick(&["p", "q", "sep", "key", "end", "v"])?;
                    (1, format!("{key}={}", self.expr(1)?))
                }
                _ => (0, self.expr(2)?),
            };
            args.push(arg);
        }
        args.sort_by_key(|(group, _)| *group);
        Ok(args
            .into_iter()
            .map(|(_, a)| a)
            .collect::<Vec<_>>()
            .join(", "))
    }

    fn leaf(&mut self) -> Result<String> {
        Ok(match self.below(8)? {
            0..=2 => self.pick(NAMES)?.to_owned(),
            3 | 4 => self.pick(INTS)?.to_owned(),
            5 => self.pick(FLOATS)?.to_owned(),
            6 => {
                let s = self.pick(STRINGS)?;
                if s.starts_with('b') && !self.invalid {
                    "'no bytes'".to_owned()
                } else {
                    s.to_owned()
                }
            }
            _ => self
                .pick(&[
                    "None",
                    "True",
                    "False",
                    "...",
                    "self",
                    "__name__",
                    "NotImplemented",
                ])?
                .to_owned(),
        })
    }

    /// An expression at most `depth` levels deep (a leaf at 0), parenthesized where
    /// precedence could change its meaning.
    pub fn expr(&mut self, depth: u32) -> Result<String> {
        if depth == 0 {
            return self.leaf();
        }
        let d = depth - 1;
        Ok(match self.below(26)? {
            0..=5 => self.leaf()?,
            6 | 7 => format!(
                "({} {} {})",
                self.expr(d)?,
                self.pick(BINARY)?,
                self.expr(d)?
            ),
            8 => format!(
                "({}{})",
                self.pick(&["-", "+", "~", "not "])?,
                self.expr(d)?
            ),
            9 => {
                let mut s = format!("({}", self.expr(d)?);
                for _ in 0..1 + self.below(3)? {
                    s.push_str(&format!(" {} {}", self.pick(COMPARE)?, self.expr(d)?));
                }
                s.push(')');
                s
            }
            10 => format!(
                "({} {} {})",
                self.expr(d)?,
                self.pick(&["and", "or"])?,
                self.expr(d)?
            ),
            11 => format!(
                "({} if {} else {})",
                self.expr(d)?,
                self.expr(d)?,
                self.expr(d)?
            ),
            12 | 13 => {
                let callee = self.pick(CALLABLES)?;
                let callee = if !self.invalid && ["eval", "open", "bytes"].contains(&callee) {
                    "print"
                } else {
                    callee
                };
                format!("{callee}({})", self.args()?)
            }
            14 => format!(
                "{}.{}({})",
                self.pick(NAMES)?,
                self.pick(METHODS)?,
                self.args()?
            ),
            15 => format!(
                "{}.{}",
                self.pick(NAMES)?,
                self.pick(&["v", "k", "real", "__class__", "__name__", "attr"])?
            ),
            16 => format!("{}[{}]", self.pick(NAMES)?, self.expr(d)?),
            17 => {
                let parts = [self.expr(0)?, self.expr(0)?, self.expr(0)?];
                let slice = match self.below(4)? {
                    0 => format!("{}:", parts[0]),
                    1 => format!(":{}", parts[1]),
                    2 => format!("{}:{}:{}", parts[0], parts[1], parts[2]),
                    _ => "::-1".to_owned(),
                };
                format!("{}[{slice}]", self.pick(NAMES)?)
            }
            18 => {
                let items = self.items(d)?;
                match self.below(4)? {
                    0 => format!("[{items}]"),
                    1 if !items.is_empty() => format!("({items},)"),
                    1 => "()".to_owned(),
                    2 if !items.is_empty() => format!("{{{items}}}"),
                    _ => format!("[*{}, {items}]", self.pick(NAMES)?),
                }
            }
            19 => {
                let mut pairs = Vec::new();
                for _ in 0..self.below(4)? {
                    if self.chance(15)? {
                        pairs.push(format!("**{}", self.pick(NAMES)?));
                    } else {
                        pairs.push(format!("{}: {}", self.expr(d)?, self.expr(d)?));
                    }
                }
                format!("{{{}}}", pairs.join(", "))
            }
            20 => self.comprehension(d)?,
            21 => {
                let body = self.expr(d)?;
                let params = self.pick(&["", "p", "p, q=1", "*a", "p, *, k=2", "**kw"])?;
                format!("(lambda {params}: {body})")
            }
            22 => format!("({} := {})", self.pick(NAMES)?, self.expr(d)?),
            23 => self.fstring(d)?,
            24 => {
                if self.in_function {
                    format!("(yield {})", self.expr(d)?)
                } else if self.invalid {
                    format!("(await ({}))", self.expr(d)?)
                } else {
                    self.expr(d)?
                }
            }
            _ => format!("({})", self.expr(d)?),
        })
    }

    fn items(&mut self, depth: u32) -> Result<String> {
        let mut items = Vec::new();
        for _ in 0..self.below(5)? {
            items.push(self.expr(depth)?);
        }
        Ok(items.join(", "))
    }

    fn comprehension(&mut self, depth: u32) -> Result<String> {
        let var = self.pick(&["v", "w", "x", "i"])?;
        let element = self.expr(depth)?;
        let mut clauses = format!(" for {var} in {}", self.iterable()?);
        if self.chance(30)? {
            clauses.push_str(&format!(" if {}", self.expr(depth)?));
        }
        if self.chance(20)? {
            clauses.push_str(&format!(" for w in {var}"));
        }
        Ok(match self.below(4)? {
            0 => format!("[{element}{clauses}]"),
            1 => format!("{{{element}{clauses}}}"),
            2 => format!("{{{var}: {element}{clauses}}}"),
            _ => format!("({element}{clauses})"),
        })
    }

    fn fstring(&mut self, depth: u32) -> Result<String> {
        let mut s = String::from("f'");
        for _ in 0..1 + self.below(3)? {
            match self.below(5)? {
                0 => s.push_str("text "),
                1 => s.push_str("{{braces}}"),
                _ => {
                    // 3.11: no backslash, newline or quote of the f-string's own kind
                    // inside a replacement field.
                    let mut inner = self.expr(depth.min(1))?.replace('\'', "\"");
                    if inner.contains(['\\', '\n', '\r']) || inner.contains("\"\"\"") {
                        inner = self.pick(NAMES)?.to_owned();
                    }
                    let conversion = self.pick(&["", "!r", "!s", "!a", "="])?;
                    let spec = self.pick(&["", ":>10", ":.3f", ":x", ":,", ":{n}", ":08.2e"])?;
                    // Spaces keep a display's braces from reading as `{{`.
                    s.push_str(&format!("{{ {inner}{conversion}{spec} }}"));
                }
            }
        }
        s.push('\'');
        Ok(s)
    }
}

/// A deliberately deep construct: nested brackets, operator chains, nested blocks, nested
/// functions or lambdas, nested comprehensions, chained calls or subscripts. The depth is
/// drawn on both sides of CPython's limits (200 brackets, 100 indentation levels, 20 nested
/// blocks, 3,000 levels of statements and expressions), which molt reports as
/// `syntax-error`s and must never crash on.
pub fn deep_nesting(u: &mut Unstructured<'_>) -> Result<String> {
    let scale = *u.choose(&[5usize, 19, 21, 99, 101, 199, 201, 990, 2_999, 3_001, 6_000])?;
    let n = scale.max(1);
    let mut s = String::new();
    match u.int_in_range(0..=11u8)? {
        0 => s = format!("z = {}1{}\n", "(".repeat(n), ")".repeat(n)),
        1 => s = format!("z = {}1{}\n", "[".repeat(n), "]".repeat(n)),
        2 => s = format!("z = {}\n", vec!["1"; n].join(" + ")),
        3 => s = format!("z = {}1\n", "-".repeat(n)),
        4 => s = format!("z = {}1\n", "lambda: ".repeat(n.min(3_500))),
        5 => s = format!("z = {}1\n", "not ".repeat(n)),
        6 => {
            // Nested blocks: `if` does not count against the 20-block limit, loops do.
            let header = *u.choose(&["if a:", "for i in x:", "while n:", "try:", "with C():"])?;
            let n = n.min(120);
            for level in 0..n {
                s.push_str(&" ".repeat(level));
                s.push_str(header);
                s.push('\n');
            }
            s.push_str(&" ".repeat(n));
            s.push_str("pass\n");
            if header == "try:" {
                for level in (0..n).rev() {
                    s.push_str(&" ".repeat(level));
                    s.push_str("finally:\n");
                    s.push_str(&" ".repeat(level + 1));
                    s.push_str("pass\n");
                }
            }
        }
        7 => {
            let n = n.min(1_000);
            for level in 0..n {
                s.push_str(&" ".repeat(level));
                s.push_str(&format!("def f{level}():\n"));
            }
            s.push_str(&" ".repeat(n));
            s.push_str("return 1\n");
        }
        8 => {
            let n = n.min(300);
            s = format!("z = {}", "[".repeat(n));
            s.push('x');
            for level in 0..n {
                s.push_str(&format!(" for v{level} in x]"));
            }
            s.push('\n');
        }
        9 => s = format!("z = {}1{}\n", "f(".repeat(n), ")".repeat(n)),
        10 => s = format!("z = x{}\n", "[0]".repeat(n)),
        _ => s = format!("z = {}\n", vec!["'s'"; n].join(" + ")),
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_ends_when_bytes_run_out() {
        let mut rng = crate::Rng::new(7);
        let bytes: Vec<u8> = (0..4096).map(|_| rng.next_u64() as u8).collect();
        let first = PythonSource::arbitrary(&mut Unstructured::new(&bytes)).expect("generates");
        let second = PythonSource::arbitrary(&mut Unstructured::new(&bytes)).expect("generates");
        assert_eq!(first, second);
        assert!(first.0.lines().count() > 5, "{}", first.0);
        // No bytes at all: the prelude is skipped and one trivial statement is made.
        let empty = PythonSource::arbitrary(&mut Unstructured::new(&[])).expect("generates");
        assert!(empty.0.lines().count() <= 2, "{}", empty.0);
    }
}
