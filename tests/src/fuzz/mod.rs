//! Differential fuzzer: generates many small Python snippets in the subset the compiler
//! accepts, runs each program under CPython 3.11 and as a native executable built by
//! `molt_driver`, compares the output of every snippet, and minimizes each difference to a
//! reproducer. See `tests/fuzz/README.md` for how to run it and what it covers.
//!
//! - [`generate`]: the program generator (seeded, deterministic);
//! - [`run`]: building, running and comparing one program, and a whole campaign;
//! - [`minimize`]: delta debugging of a differing snippet.
//!
//! Features with a known runtime divergence are switched off in the seeded CI slice through
//! [`KNOWN_DIVERGENCES`]; every entry names a reproducer in `tests/fuzz/known/`.

pub mod generate;
pub mod minimize;
pub mod run;

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// A generator feature that can be switched off: each names a family of constructs whose
/// generation is gated, so a known divergence does not hide everything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// Converting an int of magnitude >= 2**63 to float: `float(x)`, `x * 1.5`, `x / y`,
    /// `math` functions of big ints.
    BigIntToFloat,
    /// `round(x, n)` with an explicit number of digits.
    RoundDigits,
    /// Comparisons between ints and floats where the int may be big (`2**63 == 9.2e18`).
    MixedCompareBig,
    /// NaN objects inside containers (`nan in [nan]`, `[x] == [x]` with `x` a NaN).
    NanInContainers,
    /// `int()` of strings with non-ASCII Unicode digits.
    UnicodeDigits,
    /// `frozenset`.
    Frozenset,
    /// Exception messages of failed builtin operations printed by snippets (`print(type(e).__name__, e)`
    /// always prints the name; with this off the message of a builtin error is not printed).
    ErrorMessages,
    /// Unicode case mappings of special characters (`'ß'.upper()`, `'İ'.lower()`, titlecase digraphs).
    UnicodeCase,
    /// `str.format`/f-string/`format()` format specs.
    FormatSpecs,
    /// printf-style `%` formatting of strings.
    PercentFormat,
    /// `hash()` of ints and tuples of ints.
    Hash,
    /// Classes with dunder methods.
    Dunders,
    /// Generators (functions with `yield`) and `send`.
    Generators,
    /// Exceptions raised and caught across functions, `finally`, `raise ... from`.
    Exceptions,
    /// Indexing a list with an instance of a user class (with or without `__index__`).
    IndexWithObject,
    /// Bools where ints are expected (`True` passed to an `int` parameter, then `&`, `|`, `^`
    /// on it: `True & True` is `True`, a bool).
    BoolBitwise,
    /// `x in obj` where the class has neither `__contains__` nor `__iter__` (the message).
    InWithoutContains,
    /// Floats raised to fractional powers (`x ** 0.5`): a negative base gives a complex
    /// number in CPython.
    FractionalPow,
    /// `math.log2` and `math.log10`.
    MathLog2Log10,
    /// The `math` functions that call the platform's math library (`exp`, `log`, `sin`,
    /// `cos`, `atan`, `log2`, `log10`, `atan2`, `hypot`, `pow`) and fractional powers: on
    /// wasm32 their last bits differ from glibc's (a listed limitation, `docs/wasm.md`), so
    /// `MOLT_FUZZ_TARGET=wasm32` switches this off by default.
    Libm,
    /// A class whose `__len__` may return a negative number (`len()` and the length hint of
    /// `list()` raise `ValueError`).
    NegativeLen,
    /// A nested function defined twice under the same name in one function.
    RedefinedNested,
    /// `__radd__` in a class with a subclass (`C() + D()` where `D` inherits `__radd__`).
    SubclassReflected,
    /// Object lifetimes: instances with a printing `__del__` and generators with a printing
    /// `finally`, bound to locals, rebound, deleted, stored in lists and released.
    Lifetimes,
}

impl Feature {
    /// Every feature, in a stable order.
    pub const ALL: &'static [Feature] = &[
        Feature::BigIntToFloat,
        Feature::RoundDigits,
        Feature::MixedCompareBig,
        Feature::NanInContainers,
        Feature::UnicodeDigits,
        Feature::Frozenset,
        Feature::ErrorMessages,
        Feature::UnicodeCase,
        Feature::FormatSpecs,
        Feature::PercentFormat,
        Feature::Hash,
        Feature::Dunders,
        Feature::Generators,
        Feature::Exceptions,
        Feature::IndexWithObject,
        Feature::BoolBitwise,
        Feature::InWithoutContains,
        Feature::FractionalPow,
        Feature::MathLog2Log10,
        Feature::Libm,
        Feature::NegativeLen,
        Feature::RedefinedNested,
        Feature::SubclassReflected,
        Feature::Lifetimes,
    ];

    /// The feature's name as used in `MOLT_FUZZ_FEATURES` (`-name` switches one off).
    pub fn name(self) -> &'static str {
        match self {
            Feature::BigIntToFloat => "bigint_to_float",
            Feature::RoundDigits => "round_digits",
            Feature::MixedCompareBig => "mixed_compare_big",
            Feature::NanInContainers => "nan_in_containers",
            Feature::UnicodeDigits => "unicode_digits",
            Feature::Frozenset => "frozenset",
            Feature::ErrorMessages => "error_messages",
            Feature::UnicodeCase => "unicode_case",
            Feature::FormatSpecs => "format_specs",
            Feature::PercentFormat => "percent_format",
            Feature::Hash => "hash",
            Feature::Dunders => "dunders",
            Feature::Generators => "generators",
            Feature::Exceptions => "exceptions",
            Feature::IndexWithObject => "index_with_object",
            Feature::BoolBitwise => "bool_bitwise",
            Feature::InWithoutContains => "in_without_contains",
            Feature::FractionalPow => "fractional_pow",
            Feature::MathLog2Log10 => "math_log2_log10",
            Feature::Libm => "libm",
            Feature::NegativeLen => "negative_len",
            Feature::RedefinedNested => "redefined_nested",
            Feature::SubclassReflected => "subclass_reflected",
            Feature::Lifetimes => "lifetimes",
        }
    }

    /// The feature called `name`, if any.
    pub fn from_name(name: &str) -> Option<Feature> {
        Feature::ALL.iter().copied().find(|f| f.name() == name)
    }
}

/// A known divergence between the compiled programs and CPython that the fuzzer found (or
/// that is being fixed elsewhere): the feature is switched off in the seeded CI slice.
#[derive(Debug)]
pub struct KnownDivergence {
    /// The generator feature switched off.
    pub feature: Feature,
    /// What differs (a FIXME: remove the entry when the reproducer matches CPython).
    pub fixme: &'static str,
    /// A minimized reproducer, relative to `tests/fuzz/known/`.
    pub reproducer: &'static str,
}

/// Features switched off in the CI slice because the runtime still differs from CPython
/// there. FIXME: each entry is a bug; remove it once its reproducer matches CPython
/// (`tests/tools/compare tests/fuzz/known/FILE.py` prints `ok`).
pub const KNOWN_DIVERGENCES: &[KnownDivergence] = &[];

/// Which features the generator may use.
#[derive(Clone, Debug)]
pub struct Config {
    /// Enabled features.
    pub features: BTreeSet<Feature>,
}

impl Config {
    /// Every feature on.
    pub fn all() -> Config {
        Config {
            features: Feature::ALL.iter().copied().collect(),
        }
    }

    /// Every feature except those in [`KNOWN_DIVERGENCES`] (the CI slice's default).
    pub fn without_known() -> Config {
        let mut c = Config::all();
        for k in KNOWN_DIVERGENCES {
            c.features.remove(&k.feature);
        }
        c
    }

    /// Applies a comma-separated list of `name` (switch on), `-name` (switch off), `all`
    /// (everything on) or `none` (everything off); unknown names are returned as errors.
    pub fn apply(&mut self, spec: &str) -> Result<(), String> {
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match item {
                "all" => *self = Config::all(),
                "none" => self.features.clear(),
                _ => {
                    let (on, name) = match item.strip_prefix('-') {
                        Some(n) => (false, n),
                        None => (true, item),
                    };
                    let f = Feature::from_name(name)
                        .ok_or_else(|| format!("unknown fuzz feature `{name}`"))?;
                    if on {
                        self.features.insert(f);
                    } else {
                        self.features.remove(&f);
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether `f` is enabled.
    pub fn on(&self, f: Feature) -> bool {
        self.features.contains(&f)
    }
}

/// One line of Python and the indented block under it (empty for a simple statement).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Node {
    /// The statement's text without indentation (a compound statement ends with `:`).
    pub line: String,
    /// The block of a compound statement.
    pub body: Vec<Node>,
}

impl Node {
    /// A simple statement.
    pub fn leaf(line: impl Into<String>) -> Node {
        Node {
            line: line.into(),
            body: Vec::new(),
        }
    }

    /// A compound statement with its block.
    pub fn block(line: impl Into<String>, body: Vec<Node>) -> Node {
        Node {
            line: line.into(),
            body,
        }
    }

    /// Whether the line opens a block.
    pub fn is_compound(&self) -> bool {
        self.line.ends_with(':')
    }

    /// Appends the node at `indent` levels (4 spaces each) to `out`; an empty block gets `pass`.
    pub fn render(&self, indent: usize, out: &mut String) {
        let _ = writeln!(out, "{}{}", "    ".repeat(indent), self.line);
        if self.is_compound() {
            if self.body.is_empty() {
                let _ = writeln!(out, "{}pass", "    ".repeat(indent + 1));
            }
            for n in &self.body {
                n.render(indent + 1, out);
            }
        }
    }

    /// The number of nodes in this tree.
    pub fn size(&self) -> usize {
        1 + self.body.iter().map(Node::size).sum::<usize>()
    }
}

/// A parameter of a snippet's function: name and optional annotation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Param {
    /// The name.
    pub name: String,
    /// The annotation (`int`, `float`, ...), if typed.
    pub annotation: Option<String>,
}

/// One generated test: module-level definitions, a function `s<id>` and the argument lists
/// it is called with. Each call prints a marker line `## s<id>.<k>` first and runs under
/// `try: ... except BaseException as e: print("!!", type(e).__name__, e)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Snippet {
    /// Unique within its program; names the function `s<id>` and its classes.
    pub id: usize,
    /// Which template made it (`int_expr`, `class_dunder`, ...).
    pub kind: &'static str,
    /// Module-level statements it needs (classes, helper functions).
    pub prelude: Vec<Node>,
    /// The function's parameters.
    pub params: Vec<Param>,
    /// The function's body.
    pub body: Vec<Node>,
    /// Argument lists (Python source, without parentheses), one call each.
    pub calls: Vec<String>,
}

impl Snippet {
    /// The function's name.
    pub fn func_name(&self) -> String {
        format!("s{}", self.id)
    }

    /// The marker line printed before call `k`.
    pub fn marker(&self, k: usize) -> String {
        format!("## s{}.{}", self.id, k)
    }

    /// The snippet's definitions (prelude and function) as module-level source.
    pub fn render_defs(&self, out: &mut String) {
        for n in &self.prelude {
            n.render(0, out);
        }
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| match &p.annotation {
                Some(a) => format!("{}: {a}", p.name),
                None => p.name.clone(),
            })
            .collect();
        Node::block(
            format!("def {}({}):", self.func_name(), params.join(", ")),
            self.body.clone(),
        )
        .render(0, out);
        out.push('\n');
    }

    /// The calls with their markers and handlers, as module-level source.
    pub fn render_calls(&self, out: &mut String) {
        for (k, args) in self.calls.iter().enumerate() {
            let _ = writeln!(out, "print({:?})", self.marker(k));
            let _ = writeln!(out, "try:");
            let _ = writeln!(out, "    {}({args})", self.func_name());
            let _ = writeln!(out, "except BaseException as e:");
            let _ = writeln!(out, "    print(\"!!\", type(e).__name__, e)");
        }
    }

    /// The number of statements (prelude and body).
    pub fn size(&self) -> usize {
        self.prelude.iter().map(Node::size).sum::<usize>()
            + self.body.iter().map(Node::size).sum::<usize>()
    }
}

/// A whole generated program: its snippets in order.
#[derive(Clone, Debug)]
pub struct Program {
    /// The snippets; their calls run in this order after all definitions.
    pub snippets: Vec<Snippet>,
}

/// The first lines of every generated program.
pub const PROGRAM_HEADER: &str = "import math\nimport sys\n\n";

impl Program {
    /// The program's source text: header, all definitions, then all calls.
    pub fn render(&self) -> String {
        let mut out = String::from(PROGRAM_HEADER);
        for s in &self.snippets {
            s.render_defs(&mut out);
        }
        for s in &self.snippets {
            s.render_calls(&mut out);
        }
        out
    }

    /// For each line of [`Program::render`] (0-based), the index of the snippet whose
    /// definition or call holds it (`None` for the header).
    pub fn line_owners(&self) -> Vec<Option<usize>> {
        let mut owners = vec![None; PROGRAM_HEADER.lines().count()];
        for (i, s) in self.snippets.iter().enumerate() {
            let mut text = String::new();
            s.render_defs(&mut text);
            owners.extend(std::iter::repeat_n(Some(i), text.lines().count()));
        }
        for (i, s) in self.snippets.iter().enumerate() {
            let mut text = String::new();
            s.render_calls(&mut text);
            owners.extend(std::iter::repeat_n(Some(i), text.lines().count()));
        }
        owners
    }
}

/// Python source for the str `s` (single-quoted; backslashes, quotes and control characters
/// escaped, other characters kept as they are).
pub fn py_str(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}
